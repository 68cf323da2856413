#!/bin/sh
# shellcheck disable=SC2086 # CC, WARN, CLI_SRC and TEST_BINS are word lists
# amalg.sh - `make check-amalg`: the single-file build (build/amalg/brief.c
# from src/onebrief.c by tools/amalgamate.sh) compiles as one unit without a
# warning, alone and with every compile-time switch, and the unit and CLI
# tests pass against it.
#   CC        the compiler (default cc)
#   CLI_SRC   the CLI sources (the Makefile passes its list)
#   TEST_BINS the test programs (the Makefile passes its list)
CC=${CC:-cc}
CLI_SRC=${CLI_SRC:-"src/cli.c src/cliopts.c src/jsonl.c"}
TEST_BINS=${TEST_BINS:-"tests/test_core tests/test_render tests/test_lang tests/test_decode tests/stemcheck tests/jsoncheck tests/test_charset"}
A=build/amalg
WARN="-std=c99 -Wall -Wextra -pedantic -Wshadow -Wconversion \
-Wmissing-prototypes -Wstrict-prototypes -Wcast-qual -Wundef -Wvla \
-ffp-contract=off"
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if [ ! -f $A/brief.c ] || [ ! -f $A/brief.h ]; then
    echo "amalg: no $A/brief.c (run make amalgamation)"
    echo "0 passed, 1 failed"
    exit 1
fi

# compile CFLAGS...: brief.c alone, in a scratch directory with only
# brief.h beside it, must compile with no diagnostic at all
S=$A/scratch
rm -rf $S && mkdir -p $S && cp $A/brief.c $A/brief.h $S/
compile() {
    if (cd $S && $CC "$@" -c brief.c -o brief.o) > $A/compile.log 2>&1 &&
       [ ! -s $A/compile.log ]; then ok; else
        bad "cc $* -c brief.c"; head -20 $A/compile.log; fi
}
compile -std=c99
compile $WARN -O2
for s in BRIEF_NO_LANGS BRIEF_NO_HTML BRIEF_NO_MARKDOWN BRIEF_NO_RENDER_RICH \
         BRIEF_NO_CHARSETS BRIEF_NO_MALLOC; do
    compile $WARN -O2 -D$s
done
compile $WARN -Os -DBRIEF_NO_LANGS -DBRIEF_NO_HTML -DBRIEF_NO_MARKDOWN \
    -DBRIEF_NO_RENDER_RICH -DBRIEF_NO_CHARSETS
rm -rf $S

# the library object the tests link: the amalgamation, default switches
if $CC $WARN -O2 -I$A -c $A/brief.c -o $A/brief.o 2> $A/compile.log; then ok
else bad "cc -c $A/brief.c"; head -20 $A/compile.log; fi

# the tests and the CLI, built against it (-I$A first: its brief.h is the
# one every "brief.h" include finds; -Isrc for the tests' internal.h)
for t in $TEST_BINS; do
    name=$(basename "$t")
    [ -f "tests/$name.c" ] || { bad "no tests/$name.c"; continue; }
    if $CC $WARN -O2 -I$A -Isrc -o "$A/$name" "tests/$name.c" $A/brief.o -lm \
         2> $A/compile.log; then ok
    else bad "build $A/$name"; head -20 $A/compile.log; fi
done
if $CC $WARN -O2 -I$A -Isrc -o $A/brief $CLI_SRC $A/brief.o \
     2> $A/compile.log; then ok
else bad "build $A/brief"; head -20 $A/compile.log; fi
echo "amalg build: $pass passed, $fail failed"

# the suites of `make test`, on these binaries; their total and the build
# checks above make the last line
TESTBIN=$A BRIEF=$A/brief sh tests/run.sh > $A/run.log 2>&1
st=$?
sed '$d' $A/run.log
line=$(tail -n 1 $A/run.log)
p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
sk=$(echo "$line" | sed -n 's/.* failed, \([0-9]*\) skipped$/\1/p')
if [ -z "$p" ]; then
    echo "$line"
    p=0; f=1
fi
if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
echo "amalg: $((pass + p)) passed, $((fail + f)) failed${sk:+, $sk skipped}"
[ "$fail" -eq 0 ] && [ "$f" -eq 0 ]

#!/bin/sh
# valgrind.sh - run the brief CLI under valgrind's memcheck.
#
# usage: sh tests/fuzz/valgrind.sh [BRIEF]     (default ./brief)
#
# Over the fixtures (tests/data/*, tests/fuzz/corpus/*/*), once per option
# set below, all files in one invocation; then over every doc of
# $SHARED/corpora/*/docs (SHARED default ../shared; skipped with one line
# when absent) in batches of VG_BATCH (200) files per invocation, the
# option sets taken in turn. Leaks of any kind are errors. Prints one
# summary line and "valgrind: N passed, N failed" (one per invocation);
# exits non-zero when valgrind reported anything. `make check-valgrind`
# builds an -O1 -g brief for this.
BRIEF=${1:-./brief}
SHARED=${SHARED:-../shared}
BATCH=${VG_BATCH:-200}
T=${TMPDIR:-/tmp}/brief-vg.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

# VG_FLAGS adds valgrind flags, e.g. VG_FLAGS=--track-origins=yes to find
# where an uninitialised value came from (twice as slow)
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all ${VG_FLAGS:-}"
runs=0; failed=0; files=0

# run NAME ARGS...: one brief invocation under valgrind. brief's exit
# codes (0 done, 1 an input refused, e.g. binary fixtures) are fine; 99 is
# valgrind's verdict; anything else is a crash.
run() {
    name=$1; shift
    runs=$((runs + 1))
    # shellcheck disable=SC2086
    $VG --log-file="$T/vg.log" "$BRIEF" "$@" > "$T/out" 2> "$T/err" < "$T/stdin"
    st=$?
    if [ "$st" -gt 4 ] || [ -s "$T/vg.log" ]; then
        failed=$((failed + 1))
        echo "FAIL: valgrind $name (exit $st): brief $(echo "$*" | cut -c1-200)"
        head -n 60 "$T/vg.log"
        tail -n 5 "$T/err"
    fi
}

printf 'A sentence from standard input. And another one here.\n' > "$T/stdin"

# option sets (one string each; word-split on purpose)
OPTSETS="default|-f json -k 5|--split|--scores|-f html|-k 5|-f tsv -r 30|-f bullets -w 80|-i html|-i markdown -l de|-c 400 -l fr"
nsets=$(echo "$OPTSETS" | awk -F'|' '{print NF}')
optset() { # optset N -> the Nth set (1-based), "default" as nothing
    s=$(echo "$OPTSETS" | cut -d'|' -f"$1")
    [ "$s" = default ] && s=
    echo "$s"
}

# ---- fixtures --------------------------------------------------------------------
set --
for f in tests/data/* tests/fuzz/corpus/*/*; do
    [ -f "$f" ] && set -- "$@" "$f"
done
nfix=$#
i=1
while [ "$i" -le "$nsets" ]; do
    # shellcheck disable=SC2046
    run "fixtures[$(echo "$OPTSETS" | cut -d'|' -f"$i")]" $(optset "$i") "$@"
    i=$((i + 1))
done
files=$((files + nfix * nsets))
run "stdin" -n 1
run "stdin -" -f json -k 3 -
echo "old" > "$T/o.txt"
run "-o FILE" -f json -o "$T/o.txt" tests/data/article.txt
run "-o FILE, input error" -o "$T/o.txt" "$T/missing" tests/data/article.txt
run "usage error" -n 0 tests/data/article.txt
run "help" --help
printf '{"id":1,"text":"First record. It has two sentences."}\n{"id":"x","text":3}\nnot json\n\n{"text":"Second. Record."}\n' > "$T/in.jsonl"
run "--jsonl" --jsonl -k 2 "$T/in.jsonl"
echo "valgrind: fixtures: $nfix files x $nsets option sets, $runs runs, $failed with errors"

# ---- ../shared corpora -----------------------------------------------------------------
if [ ! -d "$SHARED/corpora" ]; then
    echo "valgrind: $SHARED/corpora not found: skipping the corpora (fixtures only)"
else
    ndocs=0; k=0
    # shellcheck disable=SC2046 # the option set is a word list
    batch() { # batch FILE...: one run, option set k mod nsets
        k=$((k + 1))
        run "corpora batch ${k}[$(echo "$OPTSETS" | cut -d'|' -f$((k % nsets + 1)))]" \
            $(optset $((k % nsets + 1))) "$@"
    }
    for d in "$SHARED"/corpora/*/docs; do
        [ -d "$d" ] || continue
        find "$d" -type f -name '*.txt' | LC_ALL=C sort > "$T/list"
        set --
        while IFS= read -r f; do
            set -- "$@" "$f"
            ndocs=$((ndocs + 1))
            if [ $# -ge "$BATCH" ]; then
                batch "$@"
                set --
            fi
        done < "$T/list"
        [ $# -gt 0 ] && batch "$@"
    done
    files=$((files + ndocs))
    echo "valgrind: corpora: $ndocs docs of $SHARED/corpora in $k runs"
fi

echo "valgrind: $runs runs over $files files, $failed runs with errors"
echo "valgrind: $((runs - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

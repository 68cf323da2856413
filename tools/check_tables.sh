#!/bin/sh
# check_tables.sh - the committed generated tables must equal what their
# generators write from the lists in tools/ (drift check, run by make test).
# Prints "N passed, N failed" for the four tables.
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$root" || exit 2
T=${TMPDIR:-/tmp}/brief-tables.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0; fail=0
check() { # NAME COMMITTED GENERATED
    if cmp -s "$2" "$3"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "tables: $1 drifted from its generator:"
        diff "$2" "$3" | head -10; fi
}
sh tools/gen_stopwords.sh "$T/stopwords.h" > /dev/null 2>&1
check stopwords src/stopwords.h "$T/stopwords.h"
sh tools/gen_stopwords.sh -a "$T/abbrevs.h" > /dev/null 2>&1
check abbrevs src/abbrevs.h "$T/abbrevs.h"
# the case-folding table needs a UTF-8 locale in the C library
if ${CC:-cc} -o "$T/gen_casefold" tools/gen_casefold.c 2> /dev/null &&
   "$T/gen_casefold" > "$T/casefold.h" 2> /dev/null; then
    check casefold src/casefold.h "$T/casefold.h"
else
    echo "tables: casefold not checked (no compiler or no UTF-8 locale)"
fi
# the single-byte charset tables (src/charset.c) from tools/data/charsets.txt
if sh tools/gen_charsets.sh "$T/charsets.inc" > /dev/null 2>&1; then
    check charsets src/charsets.inc "$T/charsets.inc"
else
    fail=$((fail + 1)); echo "tables: tools/gen_charsets.sh failed"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

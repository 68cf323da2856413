#!/bin/sh
# check_tables.sh - the committed generated tables must equal what their
# generators write from the lists in tools/ (drift check, run by make test).
# Prints "N passed, N failed" for the six tables (stop words, weak words,
# abbreviations, case folding, character references, single-byte charsets).
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
sh tools/gen_stopwords.sh "$T/stopwords.inc" > /dev/null 2>&1
check stopwords src/stopwords.inc "$T/stopwords.inc"
sh tools/gen_stopwords.sh -a "$T/abbrevs.inc" > /dev/null 2>&1
check abbrevs src/abbrevs.inc "$T/abbrevs.inc"
sh tools/gen_stopwords.sh -w "$T/weakwords.inc" > /dev/null 2>&1
check weakwords src/weakwords.inc "$T/weakwords.inc"
# the case-folding table, from tools/data/CaseFolding.txt (no locale needed)
if ${CC:-cc} -o "$T/gen_casefold" tools/gen_casefold.c 2> /dev/null; then
    "$T/gen_casefold" tools/data/CaseFolding.txt > "$T/casefold.inc" 2> /dev/null
    check casefold src/casefold.inc "$T/casefold.inc"
else
    fail=$((fail + 1)); echo "tables: cannot compile tools/gen_casefold.c"
fi
# the character references: tools/data/entities.txt -> src/entities.inc
sh tools/gen_entities.sh "$T/entities.inc" > /dev/null 2>&1
check entities src/entities.inc "$T/entities.inc"
# the single-byte charset tables (src/charset.c) from tools/data/charsets.txt
if sh tools/gen_charsets.sh "$T/charsets.inc" > /dev/null 2>&1; then
    check charsets src/charsets.inc "$T/charsets.inc"
else
    fail=$((fail + 1)); echo "tables: tools/gen_charsets.sh failed"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

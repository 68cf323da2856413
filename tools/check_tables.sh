#!/bin/sh
# check_tables.sh - the committed generated tables must equal what their
# generators write from the lists in tools/ (drift check, run by make test).
# Prints "N passed, N failed" for the three tables (", 1 skipped" when the
# case-folding table cannot be generated here).
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$root" || exit 2
T=${TMPDIR:-/tmp}/brief-tables.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0; fail=0; skipped=0
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
    skipped=1
    echo "tables: casefold skipped (no compiler or no UTF-8 locale)"
fi
# the character references: tools/data/entities.txt -> src/entities.inc
sh tools/gen_entities.sh "$T/entities.inc" > /dev/null 2>&1
check entities src/entities.inc "$T/entities.inc"
if [ "$skipped" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skipped skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]

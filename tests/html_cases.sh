#!/bin/sh
# html_cases.sh - small hand-written pages, one per class of web-page
# extraction (tests/html/cases/NAME.html). For each page, every line of
# NAME.want must occur in `brief --input html --split NAME.html` and no
# line of NAME.absent may (fixed strings; the output's lines are joined
# with spaces first, as the webpages scorer reads them).
# Uses $BRIEF (default ./brief), prefixed by $RUNNER (e.g. qemu-arm ...).
B="${RUNNER:-} ${BRIEF:-./brief}"
T=${TMPDIR:-/tmp}/brief-cases.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0; fail=0
for page in tests/html/cases/*.html; do
    [ -f "$page" ] || continue
    base=${page%.html}
    if ! $B --input html --split "$page" > "$T/out" 2> "$T/err"; then
        fail=$((fail + 1)); echo "FAIL: $page: brief failed: $(cat "$T/err")"
        continue
    fi
    tr '\n' ' ' < "$T/out" > "$T/flat"
    if [ -f "$base.want" ]; then
        while IFS= read -r s; do
            [ -n "$s" ] || continue
            if grep -qF -- "$s" "$T/flat"; then pass=$((pass + 1)); else
                fail=$((fail + 1)); echo "FAIL: $page: lost: $s"; fi
        done < "$base.want"
    fi
    if [ -f "$base.absent" ]; then
        while IFS= read -r s; do
            [ -n "$s" ] || continue
            if grep -qF -- "$s" "$T/flat"; then
                fail=$((fail + 1)); echo "FAIL: $page: kept: $s"
            else pass=$((pass + 1)); fi
        done < "$base.absent"
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# tools/check_html.sh - how well the HTML decoder finds a page's main text.
#
# For every page of ../shared/testdata/html/NAME/ (source.html, and
# expected.txt: the text Mozilla's readability keeps), run
# `brief --input html --split source.html` (the sentences brief reads from
# the page) and score the word F1 of them against expected.txt: both are cut into
# lower-cased runs of Unicode letters and digits, and F1 is that of the two
# word multisets (the decoded text includes its title paragraph). Prints
#   html extraction: mean word F1 0.xxxx over N pages
# and exits 1 when the mean is below 0.90 (or the build fails).
#
# ../shared is not part of the project: without it, this prints
# "html: skipped (no ../shared)" and exits 0.
#
# Environment:
#   CC              compiler for the driver (default cc)
#   BRIEF           the brief binary (default ./brief, built by make)
#   BRIEF_DECODE    use this driver binary instead of building one; it must
#                   accept "--f1 EXPECTED --text FILE" like tests/decode_driver.c
#   VERBOSE=1       print each page's F1 too
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
pages="$root/../shared/testdata/html"
if [ ! -d "$pages" ]; then
    echo "html: skipped (no ../shared)"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_html.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

driver=${BRIEF_DECODE:-}
if [ -z "$driver" ]; then
    driver="$tmp/decode_driver"
    ${CC:-cc} -std=c99 -O2 -I"$root/include" -I"$root/src" -o "$driver" \
        "$root/tests/decode_driver.c" "$root/src/html.c" "$root/src/extract.c" "$root/src/entity.c" \
        "$root/src/markdown.c" "$root/src/arena.c" "$root/src/normalize.c" ||
        { echo "html: cannot build the decode driver" >&2; exit 1; }
fi

: > "$tmp/scores"
for dir in "$pages"/*/; do
    name=$(basename "$dir")
    [ -f "$dir/source.html" ] && [ -f "$dir/expected.txt" ] || continue
    if ! ${BRIEF:-$root/brief} --input html --split "$dir/source.html" > "$tmp/split.txt" ||
       ! f1=$("$driver" --f1 "$dir/expected.txt" --text "$tmp/split.txt"); then
        echo "html: decoding $name failed" >&2
        f1=0
    fi
    [ "${VERBOSE:-0}" = 1 ] && echo "$f1 $name"
    echo "$f1" >> "$tmp/scores"
done

awk '
    { sum += $1; n++ }
    END {
        if (n == 0) { print "html extraction: no pages found"; exit 1 }
        mean = sum / n
        printf "html extraction: mean word F1 %.4f over %d pages\n", mean, n
        exit (mean < 0.90) ? 1 : 0
    }' "$tmp/scores"

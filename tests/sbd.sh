#!/bin/sh
# sbd.sh - sentence-boundary cases through `brief --split`.
# usage: sbd.sh BRIEF FILE.tsv [LANG]
# FILE: TEXT<TAB>SENTENCE<TAB>... with \\ \t \n \r escapes. A case passes
# when brief's sentences, trimmed, equal the expected ones exactly (runs of
# blanks in the expected ones made one space, as brief prints a sentence).
# Prints "sbd NAME: PASS/TOTAL" (and failing cases with -v in $SBD_VERBOSE).
BRIEF=$1; FILE=$2; LANG_OPT=${3:+--language=$3}
name=$(basename "$FILE" .tsv)
tmp=${TMPDIR:-/tmp}/brief-sbd.$$
mkdir -p "$tmp" || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0; total=0
# awk splits the file into case files: tmp/N.in (text) and tmp/N.want
awk -F '\t' -v dir="$tmp" '
function unesc(s,   out, i, c, n) {
    out = ""; n = length(s)
    for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (c == "\\" && i < n) {
            i++; c = substr(s, i, 1)
            if (c == "n") c = "\n"; else if (c == "t") c = "\t";
            else if (c == "r") c = "\r";
        }
        out = out c
    }
    return out
}
function trim(s) { gsub(/^[ \t\r\n]+|[ \t\r\n]+$/, "", s); return s }
{
    printf "%s", unesc($1) > (dir "/" NR ".in"); close(dir "/" NR ".in")
    w = ""
    for (f = 2; f <= NF; f++) {
        s = trim(unesc($f)); gsub(/[ \t\r]*\n[ \t\r\n]*/, " ", s); gsub(/[ \t]+/, " ", s)
        if (s != "") w = w s "\n"
    }
    printf "%s", w > (dir "/" NR ".want"); close(dir "/" NR ".want")
}' "$FILE"
n=$(awk 'END { print NR }' "$FILE")
i=1
while [ "$i" -le "$n" ]; do
    total=$((total + 1))
    "$BRIEF" --input=text $LANG_OPT --split "$tmp/$i.in" 2>/dev/null |
        sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^$' > "$tmp/$i.got"
    if cmp -s "$tmp/$i.got" "$tmp/$i.want"; then
        pass=$((pass + 1))
    elif [ -n "$SBD_VERBOSE" ]; then
        echo "--- case $i"; cat "$tmp/$i.in"; echo; echo "want:"; cat "$tmp/$i.want"; echo "got:"; cat "$tmp/$i.got"
    fi
    i=$((i + 1))
done
echo "sbd $name: $pass/$total"

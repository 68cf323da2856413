#!/bin/sh
# gen_stopwords.sh - write brief's word tables from the plain lists in tools/.
#
#   sh tools/gen_stopwords.sh [OUT]       stop words: tools/stopwords/XX.txt
#                                         -> OUT (default src/stopwords.inc)
#   sh tools/gen_stopwords.sh -a [OUT]    abbreviations: tools/abbrevs/XX.txt
#                                         -> OUT (default src/abbrevs.inc)
#   sh tools/gen_stopwords.sh -w [OUT]    weak words (never key terms):
#                                         tools/weakwords/XX.txt
#                                         -> OUT (default src/weakwords.inc)
#
# A list is one word a line, UTF-8, lower case; lines starting with '#' and
# blank lines are skipped, surrounding blanks trimmed. For each language XX
# (the file name) the header gets
#     static const char brief__stop_XX_blob[] = "w0\0" "w1\0" ...;
#     static const uint16_t brief__stop_XX_off[] = {0, ...};  (start of word i)
#     #define BRIEF__STOP_XX_COUNT n
#     #define BRIEF__STOP_XX {blob, off, n}    (a brief__wordlist initializer)
# (brief__abbr_XX / BRIEF__ABBR_XX for abbreviations, brief__weak_XX /
# BRIEF__WEAK_XX for weak words), with the words sorted
# in strcmp byte order (LC_ALL=C sort) and deduplicated, as
# brief__in_list's binary search needs. One blob and 16-bit offsets instead
# of a pointer a word: 2 bytes a word rather than 8 plus a relocation (the
# static build's size budget); a blob over 4095 bytes (C99's
# longest string literal) is an error. Every language but
# English is inside #ifndef BRIEF_NO_LANGS, so the English-only build has no
# unused tables. The output depends on the lists alone (no dates, no paths),
# so `make` can regenerate and `git diff --exit-code` catches drift.
#
# A word with an ASCII upper-case letter, a quote, a backslash or an inner
# blank is an error: the tables are looked up with case-folded words and are
# pasted into C string literals.
set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
kind=stop
case "${1:-}" in
-a) kind=abbr; shift ;;
-w) kind=weak; shift ;;
esac
if [ "$kind" = stop ]; then
    dir=$here/stopwords
    out=${1:-$here/../src/stopwords.inc}
    what="stop words"
    note=""
    guard=BRIEF_STOPWORDS_INC
    srcname=tools/stopwords
elif [ "$kind" = weak ]; then
    dir=$here/weakwords
    out=${1:-$here/../src/weakwords.inc}
    what="weak words (never key terms)"
    note=""
    guard=BRIEF_WEAKWORDS_INC
    srcname=tools/weakwords
else
    dir=$here/abbrevs
    out=${1:-$here/../src/abbrevs.inc}
    what="abbreviations"
    note=" * Written without the final \".\": \"e.g\" stands for \"e.g.\"."
    guard=BRIEF_ABBREVS_INC
    srcname=tools/abbrevs
fi

tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT HUP INT TERM

# one table: $1 = language code, $2 = list file
table() {
    sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$2" |
        grep -v -e '^#' -e '^$' | sort -u |
        awk -v code="$1" -v kind="$kind" -v file="$2" '
        /[A-Z"\\[:space:]]/ {
            printf "%s: bad word \"%s\"\n", file, $0 > "/dev/stderr"
            bad = 1
        }
        { w[n++] = $0 }
        END {
            if (bad) exit 1
            if (n == 0) {
                printf "%s: empty list\n", file > "/dev/stderr"
                exit 1
            }
            # the words end to end, each ended by its NUL: one literal
            # piece a word, so a "\\0" is never read on into a digit
            printf "static const char brief__%s_%s_blob[] =\n", kind, code
            line = "   "
            for (i = 0; i < n; i++) {
                item = " \"" w[i] "\\0\""
                if (length(line) + length(item) > 78) {
                    print line
                    line = "   "
                }
                line = line item
            }
            print line ";"
            # where each word starts in the blob (bytes: LC_ALL=C)
            printf "static const uint16_t brief__%s_%s_off[] = {\n", kind, code
            line = "   "
            at = 0
            for (i = 0; i < n; i++) {
                item = " " at (i < n - 1 ? "," : "")
                at += length(w[i]) + 1
                if (length(line) + length(item) > 78) {
                    print line
                    line = "   "
                }
                line = line item
            }
            # C99 promises string literals of 4095 bytes (-pedantic
            # warns past it), which also keeps the offsets in 16 bits
            if (at > 4095) {
                printf "%s: %d bytes, over a C99 string literal\n", file,
                       at > "/dev/stderr"
                exit 1
            }
            print line
            print "};"
            printf "#define BRIEF__%s_%s_COUNT %d\n", toupper(kind),
                   toupper(code), n
            printf "#define BRIEF__%s_%s {brief__%s_%s_blob, brief__%s_%s_off, %d}\n\n",
                   toupper(kind), toupper(code), kind, code, kind, code, n
        }'
}

[ -f "$dir/en.txt" ] || { echo "gen_stopwords: $dir/en.txt missing" >&2; exit 1; }
{
    echo "/*"
    echo " * Generated by tools/gen_stopwords.sh from $srcname/XX.txt: do not"
    echo " * edit; change the lists and run make. Per language XX: the $what,"
    echo " * sorted in strcmp byte order, UTF-8, lower case."
    [ -z "$note" ] || echo "$note"
    echo " */"
    echo "#ifndef $guard"
    echo "#define $guard"
    echo
    table en "$dir/en.txt"
    echo "#ifndef BRIEF_NO_LANGS"
    echo
    for f in "$dir"/*.txt; do
        code=$(basename "$f" .txt)
        [ "$code" = en ] && continue
        table "$code" "$f"
    done
    echo "#endif /* BRIEF_NO_LANGS */"
    echo "#endif /* $guard */"
} > "$tmp"
mv "$tmp" "$out"
trap - EXIT

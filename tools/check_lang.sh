#!/bin/sh
# check_lang.sh - how well brief__lang_detect() guesses the language of the
# shared corpora and test sentences. Report only: always exits 0 (unless
# the driver fails to build).
#
#   sh tools/check_lang.sh        (SHARED=dir to use another shared/; CC=cc)
#
# It builds tests/lang_driver.c against src/lang.c and src/normalize.c and
# prints one line per sample and per data set:
#   lang: CORPUS N/M correct         whole documents of shared/corpora/CORPUS/docs
#   lang: sbd-XX N/M correct         each text (first field) of testdata/sbd/XX.tsv
#   lang: sbd-XX unsupported, detected: en 21, sv 3, ...
# The English corpora must come out 'en', orangesum-abstract-fr 'fr', and
# each sbd file its own language; brief has no Danish, Russian, Japanese or
# Chinese, so for those the script only tells what was picked (the Danish
# file is mostly English sentences). The sbd lines are single sentences, often a few words long, so they are a
# much harder test than whole articles. brief answers "und" (undetermined)
# for text in none of its languages, and for text too short to tell.
#
# First, the detection table of the samples in tests/data/lang (8 languages
# brief has rules for, 20 it has not: XX.txt and XX-N.txt hold text in
# language XX), whole and on their first 300 and 100 characters:
#   lang: sample XX      want YY   got whole/300/100   [WRONG]
# with YY the language itself or "und" (tests/test_lang fails on a wrong
# label; here it is reported).
#
# Without the shared directory the corpora lines are replaced by
# "lang: skipped (no ../shared)".
set -eu
LC_ALL=C
export LC_ALL

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
CC=${CC:-cc}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_lang.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# Detection never stems, so the driver links against do-nothing stemmers
# written here: the check does not depend on the stemmers' state.
for l in english german french spanish italian portuguese dutch swedish; do
    printf 'size_t brief__stem_%s(uint32_t *w, size_t n)\n' "$l"
    printf '{ (void)w; return n; }\n'
done | { echo '#include "internal.h"'; cat; } > "$tmp/stubs.c"
$CC -std=c99 -O2 -Wall -Wextra -I"$root/include" -I"$root/src" \
    -o "$tmp/lang_driver" "$root/tests/lang_driver.c" "$root/src/lang.c" \
    "$root/src/normalize.c" "$tmp/stubs.c"

for f in "$root"/tests/data/lang/*.txt; do
    name=$(basename "$f" .txt)
    code=${name%%-*}
    case $code in en | de | fr | es | it | pt | nl | sv) want=$code ;; *) want=und ;; esac
    got=""
    for n in 0 300 100; do
        got="$got/$("$tmp/lang_driver" -c $n "$f" | cut -f1)"
    done
    got=${got#/}
    note=""
    for g in $(echo "$got" | tr / ' '); do
        [ "$g" = "$want" ] || [ "$g" = und ] || note=" WRONG"
    done
    printf 'lang: sample %-6s want %-4s got %s%s\n' "$name" "$want" "$got" "$note"
done

if [ ! -d "$shared" ]; then
    echo "lang: skipped (no ../shared)"
    exit 0
fi

# $1 = label, $2 = expected code, stdin = detected codes, one a line
tally() {
    awk -v label="$1" -v want="$2" '
        { n++; if ($1 == want) ok++ }
        END { printf "lang: %s %d/%d correct\n", label, ok, n }'
}

# $1 = label, stdin = detected codes: "en 21, sv 3"
spread() {
    sort | uniq -c | sort -k1,1nr -k2 |
        awk -v label="$1" '
            { s = s (NR > 1 ? ", " : "") $2 " " $1 }
            END { printf "lang: %s unsupported, detected: %s\n", label, s }'
}

for c in summeval-cnndm realsumm-cnndm frank-xsum bbc-news-summary-silver \
         orangesum-abstract-fr; do
    dir=$shared/corpora/$c/docs
    if [ ! -d "$dir" ]; then
        echo "lang: $c missing"
        continue
    fi
    case $c in
    *-fr) want=fr ;;
    *) want=en ;;
    esac
    find "$dir" -type f -name '*.txt' | sort | xargs "$tmp/lang_driver" |
        cut -f1 | tally "$c" "$want"
done

for l in de es it fr nl da ru ja zh; do
    f=$shared/testdata/sbd/$l.tsv
    if [ ! -f "$f" ]; then
        echo "lang: sbd-$l missing"
        continue
    fi
    case $l in
    da | ru | ja | zh) "$tmp/lang_driver" -l "$f" | spread "sbd-$l" ;;
    *) "$tmp/lang_driver" -l "$f" | tally "sbd-$l" "$l" ;;
    esac
done
exit 0

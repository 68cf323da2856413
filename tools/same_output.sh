#!/bin/sh
# same_output.sh - `make check-same`: brief's output is byte-identical to
# that of the brief built from another commit (BASE, default HEAD) on every
# document of $SHARED/corpora (plain text) and every page of
# $SHARED/testdata/html and $SHARED/testdata/webpages (as HTML), under
# `-f json -k 20` (every sentence's span and score, the chosen set and the
# key terms). The guard for changes meant to move code, not behaviour.
#   BASE     the commit to compare with (default HEAD)
#   SHARED   default ../shared
#   BRIEF    the brief under test (default ./brief)
# Prints "same: N inputs identical to BASE" or the inputs that differ; one
# line and exit 0 when $SHARED is absent.
SHARED=${SHARED:-../shared}
BASE=${BASE:-HEAD}
BRIEF=${BRIEF:-./brief}
LC_ALL=C
export LC_ALL

if [ ! -d "$SHARED/corpora" ]; then
    echo "same: skipped (no $SHARED/corpora)"
    exit 0
fi
T=${TMPDIR:-/tmp}/brief-same.$$
mkdir -p "$T/base" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

rev=$(git rev-parse --short "$BASE") || exit 2
git archive "$rev" | tar -x -C "$T/base" || exit 2
make -s -C "$T/base" brief > "$T/build.log" 2>&1 ||
    { cat "$T/build.log"; echo "same: $BASE does not build"; exit 2; }

find "$SHARED/corpora" -type f -path '*/docs/*' | sort > "$T/text"
find "$SHARED/testdata/html" -name source.html 2>/dev/null | sort > "$T/html"
# the web pages are gzipped: unpacked once into $T/pages
mkdir -p "$T/pages"
for f in "$SHARED"/testdata/webpages/pages/*.html.gz; do
    [ -f "$f" ] || continue
    g=$T/pages/$(basename "$f" .gz)
    gzip -dc "$f" > "$g" && echo "$g" >> "$T/html"
done

# run BRIEF LIST INPUT OUTDIR: one output file per input, exit code kept
run() {
    mkdir -p "$4"
    i=0
    while IFS= read -r f; do
        i=$((i + 1))
        "$1" -f json -k 20 --input "$3" "$f" > "$4/$i" 2>&1
        echo "exit $?" >> "$4/$i"
    done < "$2"
}
run "$T/base/brief" "$T/text" text "$T/a.text"
run "$BRIEF" "$T/text" text "$T/b.text"
run "$T/base/brief" "$T/html" html "$T/a.html"
run "$BRIEF" "$T/html" html "$T/b.html"

n=0; bad=0
for kind in text html; do
    i=0
    while IFS= read -r f; do
        i=$((i + 1)); n=$((n + 1))
        if ! cmp -s "$T/a.$kind/$i" "$T/b.$kind/$i"; then
            bad=$((bad + 1))
            [ $bad -le 10 ] && echo "same: differs from $rev: $f"
        fi
    done < "$T/$kind"
done
if [ $bad -ne 0 ]; then
    echo "same: $bad of $n inputs differ from $rev"
    exit 1
fi
echo "same: $n inputs identical to $rev"

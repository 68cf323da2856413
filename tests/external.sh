#!/bin/sh
# external.sh - `make check-external`: the suites that read ../shared.
#  - Snowball stemmer vocabularies, 8 languages: 100% each
#  - Golden Rules (en) through `brief --split`: >= 44 of 48
#  - per-language sentence cases through `brief --split`: >= 90% each
#  - ROUGE test vectors and the NLTK Porter vocabulary (tools/rouge)
#  - language detection on the corpora (report)
#  - HTML extraction F1 against readability's expected text: >= 0.90
#  - brief_arena_size() on every corpus document, with and without key
#    terms: never below the smallest fixed arena that works (bisection),
#    at most 2x it; reports the max and median ratio
# Without ../shared it prints one line and exits 0.
SHARED=${SHARED:-../shared}
BRIEF=${BRIEF:-./brief}
RUNNER=${RUNNER:-}
if [ ! -d "$SHARED/testdata" ]; then
    echo "check-external: skipped (no $SHARED)"
    exit 0
fi
status=0
fail() { status=1; echo "  ^ below target: $*"; }

echo "== stemmers (Snowball vocabularies)"
for l in english german french spanish italian portuguese dutch swedish; do
    $RUNNER "${TESTBIN:-tests}/stemcheck" "$l" "$SHARED/testdata/stem/$l" 2> /dev/null || fail "$l stemmer must be 100%"
done

echo "== sentence boundaries (brief --split)"
line=$(sh tests/sbd.sh "$BRIEF" "$SHARED/testdata/sbd/en-golden.tsv" en)
echo "$line"
p=${line##*: }; p=${p%/*}
[ "$p" -ge 44 ] || fail "Golden Rules need 44 of 48"
for l in de es it fr nl ru da ja zh; do
    case $l in de|es|it|fr|nl) lang=$l;; *) lang=;; esac
    line=$(sh tests/sbd.sh "$BRIEF" "$SHARED/testdata/sbd/$l.tsv" $lang)
    echo "$line"
    r=${line##*: }; p=${r%/*}; t=${r#*/}
    [ $((p * 100)) -ge $((t * 90)) ] || fail "$l needs 90%"
done

echo "== ROUGE scorer (tools/rouge)"
ROUGE=${ROUGE:-tools/rouge} sh tools/check_rouge.sh "$SHARED" || fail "rouge vectors / porter-nltk"

echo "== language detection (report)"
SHARED="$SHARED" sh tools/check_lang.sh

echo "== JSON output on every corpus document"
jt=${TMPDIR:-/tmp}/brief-json.$$
n=0; bad=0
for d in "$SHARED"/corpora/*/docs; do
    for f in "$d"/*.txt; do
        n=$((n + 1))
        if ! $RUNNER "$BRIEF" -f json -k 5 "$f" > "$jt" ||
           ! $RUNNER "${JSONCHECK:-tests/jsoncheck}" "$jt" > /dev/null 2>&1; then
            bad=$((bad + 1))
            [ "$bad" -le 3 ] && echo "  invalid JSON for $f"
        fi
    done
done
rm -f "$jt"
echo "json: $((n - bad))/$n documents give valid JSON"
[ "$bad" -eq 0 ] || fail "every document must give valid JSON"

echo "== fitted arena size (brief_arena_size) on every corpus document"
if [ -x "${TESTBIN:-tests}/arenacheck" ]; then
    for k in 0 20; do
        ls "$SHARED"/corpora/*/docs/*.txt |
            $RUNNER "${TESTBIN:-tests}/arenacheck" -k $k - ||
            fail "brief_arena_size must be enough and within 2x (-k $k)"
    done
else
    echo "arenacheck: skipped (no ${TESTBIN:-tests}/arenacheck: make tests/arenacheck)"
fi

if [ -f tools/check_html.sh ]; then
    echo "== HTML extraction (readability test pages)"
    BRIEF="$BRIEF" SHARED="$SHARED" sh tools/check_html.sh "$SHARED" || fail "html F1 needs 0.90"
fi
exit $status

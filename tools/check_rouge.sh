#!/bin/sh
# check_rouge.sh - checks tools/rouge against the shared test data: the
# ROUGE test vectors (rouge_score's own numbers) and the NLTK Porter
# vocabulary. Builds nothing: the binary is $ROUGE, else tools/rouge.
#
# usage: tools/check_rouge.sh [SHARED_DIR]     (default: ../shared beside the repo)
# Exits 0 when both checks pass or when the shared dir is absent (skipped).
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
shared=${1:-$root/../shared}
rouge=${ROUGE:-$root/tools/rouge}

if [ ! -d "$shared" ]; then
    echo "rouge: skipped (no ../shared)"
    exit 0
fi
if [ ! -x "$rouge" ]; then
    echo "rouge: $rouge: not built (make it first)" >&2
    exit 2
fi

status=0
# --versus on hand-made documents: a system against itself ties everywhere
# (difference 0, interval [0, 0]); a perfect system against an empty one
# wins every document with a difference of 100.
T=${TMPDIR:-/tmp}/brief-rouge.$$
mkdir -p "$T/ref" "$T/good" "$T/none" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
for i in 1 2 3; do
    echo "the cat sat on mat number $i" > "$T/ref/d$i.txt"
    cp "$T/ref/d$i.txt" "$T/good/d$i.txt"
    : > "$T/none/d$i.txt"
done
got=$("$rouge" --corpus "$T/good" --versus "$T/good" "$T/ref")
want=$(printf '0\t3\t0\t0.00\t0.00\t0.00\t0\t3\t0\t0.00\t0.00\t0.00')
[ "$got" = "$want" ] || { echo "rouge --versus (self): got '$got'"; status=1; }
got=$("$rouge" --corpus "$T/good" --versus "$T/none" "$T/ref")
want=$(printf '3\t0\t0\t100.00\t100.00\t100.00\t3\t0\t0\t100.00\t100.00\t100.00')
[ "$got" = "$want" ] || { echo "rouge --versus (vs empty): got '$got'"; status=1; }
[ $status -eq 0 ] && echo "rouge --versus: 2/2"
"$rouge" --vectors "$shared/testdata/rouge/vectors.tsv" || status=1
"$rouge" --stem-check "$shared/testdata/stem/porter-nltk" || status=1
exit $status

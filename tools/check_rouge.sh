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
"$rouge" --vectors "$shared/testdata/rouge/vectors.tsv" || status=1
"$rouge" --stem-check "$shared/testdata/stem/porter-nltk" || status=1
exit $status

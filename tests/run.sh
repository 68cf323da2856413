#!/bin/sh
# run.sh - runs every test suite of `make test` and sums their counts.
# Each suite prints "N passed, N failed" as its last line, or
# "N passed, N failed, N skipped" when some of its tests could not run here
# (a missing tool: the reason is on a line before); a suite that cannot run
# at all prints "0 passed, 0 failed, 1 skipped". This script prints each
# suite's line as "NAME: ..." and, last, the total in the same form (with
# ", N skipped" only when something skipped). A skip is not a failure: the
# exit status is 0 when nothing failed.
# RUNNER (e.g. "qemu-aarch64 -L /usr/aarch64-linux-gnu") prefixes every
# test binary, so the same suites run on another architecture.
# BRIEF is the brief binary the CLI tests use (default ./brief).
# TESTBIN is the directory of the test binaries (default tests; the cross
# builds use build/armhf, build/aarch64, the amalgamation build/amalg), and
# JSONCHECK the validator the suites run under $RUNNER (default
# $TESTBIN/jsoncheck, so that it is of the same architecture).
RUNNER=${RUNNER:-}
BRIEF=${BRIEF:-./brief}
TESTBIN=${TESTBIN:-tests}
JSONCHECK=${JSONCHECK:-$TESTBIN/jsoncheck}
export RUNNER BRIEF TESTBIN JSONCHECK
total_pass=0
total_fail=0
total_skip=0

# counts P F [S]: "P passed, F failed" and ", S skipped" when S > 0
counts() {
    if [ "${3:-0}" -gt 0 ]; then
        echo "$1 passed, $2 failed, $3 skipped"
    else
        echo "$1 passed, $2 failed"
    fi
}

run_suite() {
    name=$1; shift
    out=$("$@" 2>&1)
    status=$?
    line=$(printf '%s\n' "$out" |
        grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out" | tail -n 20
        echo "$name: no result line (exit $status)"
        total_fail=$((total_fail + 1))
        return
    fi
    p=$(echo "$line" | sed 's/ passed.*//')
    f=$(echo "$line" | sed 's/.*passed, //; s/ failed.*//')
    s=$(echo "$line" | sed -n 's/.*failed, \([0-9]*\) skipped$/\1/p')
    s=${s:-0}
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1 # a crash after the summary still fails
    fi
    if [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v '^ ' | tail -n 40
    elif [ "$s" -ne 0 ]; then # why: the suite's skip lines
        printf '%s\n' "$out" | grep -i 'skip' | grep -v -E '^[0-9]+ passed'
    fi
    echo "$name: $(counts "$p" "$f" "$s")"
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    total_skip=$((total_skip + s))
}

# skip_suite NAME REASON: a suite that does not run here counts one skip
skip_suite() {
    echo "$1: skipped ($2)"
    echo "$1: $(counts 0 0 1)"
    total_skip=$((total_skip + 1))
}

run_suite core $RUNNER "$TESTBIN/test_core" tests/data/article.txt
run_suite render $RUNNER "$TESTBIN/test_render"
run_suite lang $RUNNER "$TESTBIN/test_lang" tests/data/lang/*.txt
run_suite decode $RUNNER "$TESTBIN/test_decode"
run_suite charset $RUNNER "$TESTBIN/test_charset"
run_suite cli sh tests/cli.sh
run_suite jsonl sh tests/jsonl.sh
run_suite html-cases sh tests/html_cases.sh
if [ -z "$RUNNER" ]; then
    run_suite tables sh tools/check_tables.sh
    run_suite html-view sh tests/html_view.sh
else
    skip_suite tables "host-only: RUNNER is set"
    skip_suite html-view "host-only: RUNNER is set"
fi
counts "$total_pass" "$total_fail" "$total_skip"
[ "$total_fail" -eq 0 ]

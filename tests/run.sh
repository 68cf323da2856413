#!/bin/sh
# run.sh - runs every test suite of `make test` and sums their counts.
# Each suite prints "N passed, N failed" as its last line; this script
# prints each suite's line and, last, the total in the same form.
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

run_suite() {
    name=$1; shift
    out=$("$@" 2>&1)
    status=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out" | tail -n 20
        echo "$name: no result line (exit $status)"
        total_fail=$((total_fail + 1))
        return
    fi
    p=$(echo "$line" | sed 's/ passed.*//')
    f=$(echo "$line" | sed 's/.*passed, //; s/ failed.*//')
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1 # a crash after the summary still fails
    fi
    if [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v '^ ' | tail -n 40
    fi
    echo "$name: $p passed, $f failed"
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}

run_suite core $RUNNER "$TESTBIN/test_core" tests/data/article.txt
run_suite render $RUNNER "$TESTBIN/test_render"
run_suite lang $RUNNER "$TESTBIN/test_lang" tests/data/lang/*.txt
run_suite decode $RUNNER "$TESTBIN/test_decode"
run_suite cli sh tests/cli.sh
run_suite jsonl sh tests/jsonl.sh
if [ -z "$RUNNER" ]; then
    run_suite tables sh tools/check_tables.sh
    run_suite html-view sh tests/html_view.sh
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

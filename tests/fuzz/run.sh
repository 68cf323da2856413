#!/bin/sh
# run.sh - time-boxed libFuzzer runs of brief's fuzz targets.
#
# usage: sh tests/fuzz/run.sh BUILD_DIR TARGET...
#   TARGET is summarize or cli: BUILD_DIR/fuzz_TARGET is run for
#   FUZZ_SECONDS (default 60) on a scratch corpus BUILD_DIR/corpus-TARGET,
#   a fresh copy of tests/fuzz/corpus/TARGET (the repo is never written).
#   FUZZ_FLAGS adds libFuzzer flags (e.g. -jobs=2, -seed=1).
#
# Prints one line per target with libFuzzer's execution count, and last
# "fuzz: N passed, N failed". A crash, leak, timeout (FUZZ_TIMEOUT seconds
# for one input, default 25) or out-of-memory is a failure: its log tail is
# printed and the reproducer is left in BUILD_DIR/TARGET-crash-* (or
# -leak-, -timeout-, -oom-); replay it with BUILD_DIR/fuzz_TARGET FILE, and
# add it to tests/fuzz/corpus/TARGET/ so `make fuzz-replay` keeps checking
# it.
B=${1:?usage: run.sh BUILD_DIR TARGET...}
shift
SECONDS_EACH=${FUZZ_SECONDS:-60}
TIMEOUT=${FUZZ_TIMEOUT:-25}
pass=0
fail=0
for t in "$@"; do
    bin=$B/fuzz_$t
    work=$B/corpus-$t
    log=$B/fuzz_$t.log
    case $t in
        summarize|jsonl) maxlen=16384 ;;
        *) maxlen=4096 ;;
    esac
    rm -rf "$work" "$B/$t"-crash-* "$B/$t"-leak-* "$B/$t"-timeout-* \
           "$B/$t"-oom-* "$B/$t"-slow-unit-*
    mkdir -p "$work"
    cp tests/fuzz/corpus/"$t"/* "$work"/ 2> /dev/null
    echo "fuzz_$t: fuzzing for $SECONDS_EACH s (log: $log)"
    # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
    "$bin" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" \
        -rss_limit_mb=4096 -max_len="$maxlen" -print_final_stats=1 \
        -artifact_prefix="$B/$t-" $FUZZ_FLAGS "$work" > "$log" 2>&1
    status=$?
    done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -n 1)
    stats=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
    if [ "$status" -eq 0 ] && [ -n "$done_line" ]; then
        echo "fuzz_$t: $done_line, 0 crashes; $stats"
        pass=$((pass + 1))
    else
        grep -v '^#[0-9]' "$log" | tail -n 60
        echo "fuzz_$t: FAILED (libFuzzer exit $status) after $(awk '/^#[0-9]+/ { n = substr($1, 2) } END { print n + 0 }' "$log") runs"
        for a in "$B/$t"-crash-* "$B/$t"-leak-* "$B/$t"-timeout-* \
                 "$B/$t"-oom-* "$B/$t"-slow-unit-*; do
            [ -f "$a" ] && echo "fuzz_$t: reproducer $a (replay: $bin $a)"
        done
        fail=$((fail + 1))
    fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

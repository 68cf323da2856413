#!/bin/sh
# hostile.sh - brief against hostile inputs and failing surroundings.
#
# Each test states the behaviour it expects; README "Limits and errors"
# (tests/LIMITS.md) lists them. Uses $BRIEF (default ./brief), prefixed by
# $RUNNER when set (e.g. "qemu-aarch64 -L ..."), and $JSONCHECK (default
# tests/jsoncheck). Inputs are generated in a temporary directory.
#
# Slow tests: the 100 MB line, the default --max-input refusal (256 MiB
# through a pipe) and the callgrind linear-time checks take a minute or
# two together. They run by default (HOSTILE_SLOW=1 is the default, and CI
# runs them); HOSTILE_FAST=1 (or HOSTILE_SLOW=0) skips them, each with a
# SKIP line. Big inputs run under `timeout $HOSTILE_TIMEOUT` (120 s) when
# timeout(1) exists.
#
# Prints "ok - NAME", "FAIL - NAME: why" or "SKIP - NAME: why" per test and
# last "N passed, N failed, N skipped"; exits 1 when a test failed.
#
# shellcheck disable=SC2059,SC2086 # printf formats carry the test bytes;
# RUNNER and TO are word lists
BRIEF=${BRIEF:-./brief}
RUNNER=${RUNNER:-}
JSONCHECK=${JSONCHECK:-tests/jsoncheck}
SLOW=${HOSTILE_SLOW:-1}
[ -n "$HOSTILE_FAST" ] && [ "$HOSTILE_FAST" != 0 ] && SLOW=0
LIMIT=${HOSTILE_TIMEOUT:-120}
TO=
command -v timeout > /dev/null 2>&1 && TO="timeout $LIMIT"
LC_ALL=C
export LC_ALL
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-hostile.XXXXXX") || exit 2
MNT=
cleanup() {
    [ -n "$MNT" ] && umount "$MNT" 2> /dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
pass=0; fail=0; skipped=0
if ! command -v "$BRIEF" > /dev/null 2>&1 || ! command -v "$JSONCHECK" > /dev/null 2>&1; then
    echo "hostile: $BRIEF or $JSONCHECK is missing: run make brief tests/jsoncheck"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

# ---- helpers ---------------------------------------------------------------------
# begin NAME; want WHY COMMAND...; finish: a test passes when every COMMAND
# after begin succeeded; WHY names each failed expectation.
begin() { name=$1; why=; t0=$(date +%s); }
want() {
    w=$1; shift
    "$@" || why="$why${why:+; }$w"
}
finish() {
    dt=$(( $(date +%s) - t0 ))
    if [ -z "$why" ]; then
        pass=$((pass + 1)); echo "ok - $name (${dt}s)"
    else
        fail=$((fail + 1)); echo "FAIL - $name: $why (${dt}s)"
        if [ -s "$T/err" ]; then head -n 5 "$T/err" | sed 's/^/    stderr: /'; fi
    fi
}
skip() { skipped=$((skipped + 1)); echo "SKIP - $1: $2"; }

# b ARGS...: run brief; stdout in $T/out, stderr in $T/err, status in $st.
b() {
    # shellcheck disable=SC2086 # TO and RUNNER are word lists
    $TO $RUNNER "$BRIEF" "$@" > "$T/out" 2> "$T/err"
    st=$?
}
st_is() { [ "$st" -eq "$1" ]; }
lines_is() { [ "$(wc -l < "$T/out")" -eq "$1" ]; }
lines_le() { [ "$(wc -l < "$T/out")" -le "$1" ]; }
out_empty() { [ ! -s "$T/out" ]; }
err_empty() { [ ! -s "$T/err" ]; }
err_has() { grep -qF -- "$1" "$T/err"; }
out_is_file() { cmp -s "$T/out" "$1"; }
size() { wc -c < "$1" | tr -d ' '; }
# every output line occurs in FILE
lines_in() {
    while IFS= read -r l; do
        grep -qF -- "$l" "$1" || return 1
    done < "$T/out"
}
timed_out() { [ "$st" -eq 124 ] || [ "$st" -eq 137 ]; }
not_timed_out() { ! timed_out; }
kill9() { kill -9 "$1" 2> /dev/null; }

# ---- degenerate inputs ---------------------------------------------------------------
: > "$T/empty"
begin "empty input"
b "$T/empty"
want "exit 0" st_is 0; want "no output" out_empty; want "no message" err_empty
finish

printf ' \n\t\r\n \f\v \302\240 \343\200\200 \n\n' > "$T/ws"
begin "whitespace only (ASCII, NBSP, ideographic space)"
b "$T/ws"
want "exit 0" st_is 0; want "no output" out_empty; want "no message" err_empty
finish

awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "\n" }' > "$T/newlines"
begin "1,000,000 empty lines"
b "$T/newlines"
want "exit 0" st_is 0; want "no output" out_empty
finish

printf 'hello' > "$T/word"
printf 'hello\n' > "$T/word.want"
begin "one word"
b "$T/word"
want "exit 0" st_is 0; want "the word on one line" out_is_file "$T/word.want"
finish

printf '...!!!???;;; --- ,,, ::: "" () []' > "$T/punct"
begin "only punctuation"
b "$T/punct"
want "exit 0" st_is 0; want "at most one line" lines_le 1
want "output is the input or nothing" lines_in "$T/punct"
finish

# ~50 KB of words, no punctuation, no newline: one 50 KB sentence
awk 'BEGIN { srand(7); n = 0
    while (n < 50000) { w = sprintf("word%d ", int(rand() * 500)); printf "%s", w; n += length(w) } }' \
    > "$T/nopunct"
begin "no punctuation at all, 50 KB on one line"
b "$T/nopunct"
want "exit 0" st_is 0; want "1-3 lines" lines_le 3; want "some output" test -s "$T/out"
want "output lines are input text" lines_in "$T/nopunct"
want "output not larger than input" test "$(size "$T/out")" -le "$(( $(size "$T/nopunct") + 3 ))"
finish

# the same words wrapped at ~70 columns, still no punctuation
fold -w 70 -s "$T/nopunct" > "$T/nopunct-wrapped"
begin "no punctuation at all, 50 KB wrapped in lines"
b "$T/nopunct-wrapped"
want "exit 0" st_is 0; want "1-3 lines" lines_le 3; want "some output" test -s "$T/out"
want "output not larger than input" test "$(size "$T/out")" -le "$(( $(size "$T/nopunct-wrapped") + 3 ))"
finish

# a single 1 MB "word"
awk 'BEGIN { s = "abcdefghij"; while (length(s) < 1000000) s = s s; printf "%s", substr(s, 1, 1000000) }' \
    > "$T/bigword"
{ cat "$T/bigword"; echo; } > "$T/bigword.want"
begin "a single 1 MB word"
b "$T/bigword"
want "exit 0" st_is 0; want "the word, unchanged" out_is_file "$T/bigword.want"
b -k 3 "$T/bigword"
want "exit 0 with -k 3" st_is 0
finish

# ---- NUL bytes --------------------------------------------------------------------
begin "NUL bytes: refused as binary"
for v in 'Some text.\000More text.' '\000Leading NUL.' 'Trailing NUL.\000'; do
    printf "$v" > "$T/nul"
    b "$T/nul"
    want "exit 1 for '$v'" st_is 1; want "'binary' for '$v'" err_has "binary"
    want "no output for '$v'" out_empty
done
b --input html "$T/nul"
want "exit 1 for HTML too" st_is 1
finish

# ---- invalid UTF-8 ----------------------------------------------------------------
# Each kind sits inside a sentence (and, for truncation, at the very end).
# The output must carry the bytes unchanged; -f json must be valid (bad
# bytes become U+FFFD there).
utf8_case() { # utf8_case NAME BYTES (printf escapes)
    printf "Plain first sentence. Bad $2 inside here. Trailing $2" > "$T/u8"
    printf "Plain first sentence.\nBad $2 inside here.\nTrailing $2\n" > "$T/u8.want"
    begin "invalid UTF-8: $1"
    b --split "$T/u8"
    want "exit 0 (--split)" st_is 0
    want "bytes unchanged in --split" out_is_file "$T/u8.want"
    b -n 3 "$T/u8"
    want "bytes unchanged in the brief" out_is_file "$T/u8.want"
    b -f json -k 5 "$T/u8"
    want "exit 0 (-f json)" st_is 0
    want "-f json validates" $RUNNER "$JSONCHECK" "$T/out"
    b -f tsv "$T/u8"
    want "exit 0 (-f tsv)" st_is 0
    b -f html "$T/u8"
    want "exit 0 (-f html)" st_is 0
    finish
}
utf8_case "overlong forms" '\300\257 \340\200\257 \360\200\200\257 \301\277'
utf8_case "UTF-16 surrogates" '\355\240\200 \355\277\277 \355\240\275\355\270\200'
utf8_case "truncated sequences" 'x\342\202 y\360\237\230 z\303'
utf8_case "lone continuation bytes" '\200 \277 \200\200\200 \251'
utf8_case "0xFE and 0xFF" '\376 \377 \376\377 \377\376'
utf8_case "above U+10FFFF and 5/6-byte forms" '\364\220\200\200 \370\210\200\200\200 \374\204\200\200\200\200 \365\200\200\200'
printf 'Good sentence here. Ends in a truncated euro \342\202' > "$T/u8end"
begin "invalid UTF-8: truncated at the very end of input"
b --split "$T/u8end"
want "exit 0" st_is 0; want "last line keeps the bytes" grep -q "$(printf 'euro \342\202')\$" "$T/out"
b -f json "$T/u8end"
want "-f json validates" $RUNNER "$JSONCHECK" "$T/out"
finish

# ---- repetition and volume --------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "The cat sat on the mat. " }' > "$T/same"
printf 'The cat sat on the mat.\n' > "$T/same.want"
begin "10,000 identical sentences: never the same sentence twice"
b -n 3 "$T/same"
want "exit 0" st_is 0; want "exactly one line, the sentence" out_is_file "$T/same.want"
finish

awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "Word%d. ", i }' > "$T/s1m"
begin "1,000,000 one-word sentences"
b "$T/s1m"
want "finishes within ${LIMIT}s" not_timed_out
want "exit 0" st_is 0; want "3 lines" lines_is 3
want "lines are sentences of the input" lines_in "$T/s1m"
finish

if [ "$SLOW" = 1 ]; then
    yes word | head -c 100000000 | tr '\n' ' ' > "$T/line100m"
    begin "one 100 MB line (slow)"
    b "$T/line100m"
    want "finishes within ${LIMIT}s" not_timed_out
    want "exit 0" st_is 0; want "one line" lines_is 1
    want "starts with the input" test "$(head -c 20 "$T/out")" = "word word word word "
    want "not larger than the input" test "$(size "$T/out")" -le 100000001
    finish
    rm -f "$T/line100m" "$T/out"
else
    skip "one 100 MB line (slow)" "HOSTILE_FAST is set"
fi

# ---- nested HTML ---------------------------------------------------------------------
html_case() { # html_case NAME OPEN CLOSE LEVELS [any]
    # "any": only exit 0 in time and at most 2 lines (the text may be
    # swallowed by the broken markup, as a browser would)
    awk -v o="$2" -v c="$3" -v n="$4" 'BEGIN {
        for (i = 0; i < n; i++) printf "%s", o
        printf "Deep inside the nest. It is quiet here."
        for (i = 0; i < n; i++) printf "%s", c
        print "" }' > "$T/nest.html"
    begin "deeply nested HTML: $1"
    b --input html "$T/nest.html"
    if [ "$st" -ne 0 ] && grep -qiE 'not (available|built|supported)|unavailable|compiled out' "$T/err"; then
        skip "$name" "brief --input html is unavailable in this build: $(head -n 1 "$T/err")"
        return
    fi
    want "finishes within ${LIMIT}s" not_timed_out
    want "exit 0" st_is 0
    if [ "$5" = any ]; then
        want "at most 2 lines" lines_le 2
    else
        want "the text comes out" grep -q "Deep inside the nest\\." "$T/out"
        want "2 lines" lines_is 2
    fi
    finish
}
html_case "100,000 levels of <div>" '<div>' '</div>' 100000
html_case "100,000 unclosed <div>" '<div>' '' 100000
html_case "100,000 levels of <b><i>" '<b><i>' '</i></b>' 100000
html_case "100,000 nested tables" '<table><tr><td>' '</td></tr></table>' 100000
html_case "100,000 unterminated comments and stray end tags" '<!-- <p>' '</p></div></span>' 100000 any
html_case "100,000 unterminated comments" '<!--' '' 100000 any
html_case "100,000 unterminated attributes" '<a href="x ' '' 100000 any
html_case "100,000 unterminated CDATA" '<![CDATA[ ' '' 100000 any
html_case "100,000 <script> openers" '<script>' '' 100000 any

# ---- --jsonl records ------------------------------------------------------------------
awk 'BEGIN { printf "{\"id\":"; for (i = 0; i < 100000; i++) printf "["
    for (i = 0; i < 100000; i++) printf "]"; print ",\"text\":\"Deep. Still fine.\"}"
    print "not json"; printf "{\"id\":7,\"text\":\"raw \001 control\"}\n"
    print ""; printf "{\"text\":\"bad \377 byte\"}\n" }' > "$T/deep.jsonl"
begin "--jsonl: 100,000 nested levels and broken records"
b --jsonl "$T/deep.jsonl"
want "exit 0" st_is 0; want "4 records (the blank line is skipped)" lines_is 4
head -n 1 "$T/out" > "$T/first"
want "deep id copied through" grep -q '^{"id":\[\[\[.*\]\]\],"brief":{.*}}$' "$T/first"
tail -n 3 "$T/out" > "$T/rest"
want "error records" test "$(grep -c '"error":' "$T/rest")" -eq 3
want "error records name their lines" grep -q '"line":5' "$T/rest"
want "error records are valid JSON" $RUNNER "$JSONCHECK" --lines "$T/rest"
finish

# ---- options at their limits -----------------------------------------------------------
A=tests/data/article.txt
limit_case() { # limit_case WANT ARGS...
    want_st=$1; shift
    begin "option limit: $* -> exit $want_st"
    b "$@" "$A"
    want "exit $want_st" st_is "$want_st"
    if [ "$want_st" -eq 2 ]; then
        want "message" err_has "brief: "
        want "no output" out_empty
    fi
    finish
}
limit_case 2 -n 0
limit_case 2 -n 18446744073709551616
limit_case 2 -n 99999999999999999999999999
limit_case 2 -r 101
limit_case 2 -r 0
limit_case 2 -w -1
limit_case 2 -c 0
limit_case 2 -k 18446744073709551616
limit_case 2 --max-input 18446744073709551616
limit_case 0 -k 18446744073709551615
limit_case 0 -w 18446744073709551615
limit_case 0 -c 18446744073709551615
limit_case 0 -r 100

begin "option limit: -n 18446744073709551615 gives every sentence"
b --scores "$A"
body=$(grep -v '^#' "$T/out" | awk -F'\t' '$3 != "T" && $3 != "H"' | wc -l)
b -n 18446744073709551615 "$A"
want "exit 0" st_is 0
want "all $body body sentences" lines_is "$body"
want "at least 10 sentences" test "$body" -ge 10
finish

begin "option limit: -c 1 fits no sentence (never cut)"
b -c 1 "$A"
want "exit 0" st_is 0; want "no output" out_empty
finish

# ---- input size limit ---------------------------------------------------------------
awk 'BEGIN { s = "A short sentence is here. "; while (length(s) < 1000) s = s s; printf "%s", substr(s, 1, 1000) }' > "$T/k1"
{ cat "$T/k1"; printf 'x'; } > "$T/k1p"
begin "--max-input N: exactly N bytes accepted, N+1 refused, never truncated"
b --max-input 1000 "$T/k1"
want "N bytes: exit 0" st_is 0; want "N bytes: output" test -s "$T/out"
b --max-input 1000 "$T/k1p"
want "N+1 bytes: exit 1" st_is 1; want "N+1 bytes: no output" out_empty
want "N+1 bytes: message" err_has "input larger than 1000 bytes"
$TO $RUNNER "$BRIEF" --max-input 1000 < "$T/k1p" > "$T/out" 2> "$T/err"; st=$?
want "stdin N+1 bytes: exit 1" st_is 1; want "stdin: message" err_has "input larger than 1000 bytes"
finish

if [ "$SLOW" = 1 ]; then
    begin "default --max-input: 256 MiB + 1 byte refused (slow)"
    yes 'A b c d.' | head -c 268435457 | { $TO $RUNNER "$BRIEF" > "$T/out" 2> "$T/err"; echo $? > "$T/st"; }
    st=$(cat "$T/st")
    want "exit 1" st_is 1; want "message names the limit" err_has "input larger than 268435456 bytes"
    want "no output" out_empty
    finish
else
    skip "default --max-input: 256 MiB + 1 byte refused (slow)" "HOSTILE_FAST is set"
fi

# ---- failing surroundings -------------------------------------------------------------
begin "write error on standard output (/dev/full)"
if [ -w /dev/full ]; then
    # shellcheck disable=SC2086
    $TO $RUNNER "$BRIEF" "$A" > /dev/full 2> "$T/err"; st=$?
    want "exit 3" st_is 3; want "message" err_has "No space left on device"
    finish
else
    skip "$name" "/dev/full is not writable here"
fi

begin "-o FILE: a full disk keeps the old FILE (64 KiB tmpfs)"
mkdir -p "$T/mnt"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$T/mnt" 2> /dev/null; then
    MNT=$T/mnt
    echo "old content" > "$MNT/o.txt"
    b --split -o "$MNT/o.txt" "$T/s1m"
    want "exit 3" st_is 3; want "message" err_has "$MNT/o.txt: No space left on device"
    want "old FILE intact" test "$(cat "$MNT/o.txt")" = "old content"
    want "no temporary file left" test "$(ls "$MNT")" = "o.txt"
    finish
    umount "$MNT" 2> /dev/null && MNT=
else
    skip "$name" "cannot mount a tmpfs (needs root and mount permission)"
fi

begin "-o FILE: SIGKILL mid-run keeps the old FILE"
# brief summarizes the big file into the temporary file, then blocks on a
# FIFO held open by a writer: it is killed with part of its output written.
echo "old content" > "$T/k.txt"
rm -f "$T/fifo"
if mkfifo "$T/fifo" 2> /dev/null; then
    # shellcheck disable=SC2086
    $RUNNER "$BRIEF" --split -o "$T/k.txt" "$T/s1m" "$T/fifo" > /dev/null 2>&1 &
    pid=$!
    sleep "$LIMIT" > "$T/fifo" &
    wpid=$!
    n=0
    while [ "$n" -lt "$LIMIT" ]; do
        [ "$(cat "$T"/k.txt.brief* 2> /dev/null | head -c 1 | wc -c)" -gt 0 ] && break
        sleep 1; n=$((n + 1))
    done
    want "partial output was written before the kill" test "$n" -lt "$LIMIT"
    want "brief was still running" kill9 "$pid"
    wait "$pid" 2> /dev/null
    kill "$wpid" 2> /dev/null; wait "$wpid" 2> /dev/null
    want "old FILE intact" test "$(cat "$T/k.txt")" = "old content"
    finish
else
    skip "$name" "mkfifo failed"
fi
rm -f "$T"/k.txt.brief* "$T/fifo"

begin "closed output pipe (brief BIG | head -n 1): quiet, exit 0"
# shellcheck disable=SC2086
( $TO $RUNNER "$BRIEF" --split "$T/s1m" 2> "$T/err"; echo $? > "$T/st" ) | head -n 1 > "$T/out"
st=$(cat "$T/st")
want "exit 0" st_is 0; want "no message" err_empty; want "first line" lines_is 1
finish

# ---- linear time ---------------------------------------------------------------------
# Instruction counts (valgrind --tool=callgrind, so the machine's load does
# not matter) for a 100 KB and a 1 MB input of each kind; 10x the input
# must cost at most 12x the instructions.
gen_text() { # gen_text BYTES: paragraphs of varied sentences
    awk -v n="$1" 'BEGIN { srand(11); out = 0; k = 0
        while (out < n) {
            m = 6 + int(rand() * 14); s = ""
            for (j = 0; j < m; j++) {
                w = "w" int(rand() * rand() * 3000)
                if (j == 0) w = toupper(substr(w, 1, 1)) substr(w, 2)
                s = s (j ? " " : "") w
            }
            s = s ". "; if (++k % 5 == 0) s = s "\n\n"
            printf "%s", s; out += length(s)
        } }'
}
gen_line() { # gen_line BYTES: words, no punctuation, no newline
    awk -v n="$1" 'BEGIN { srand(5); out = 0
        while (out < n) { w = "w" int(rand() * 5000) " "; printf "%s", w; out += length(w) } }'
}
gen_tiny() { # gen_tiny BYTES: one-word sentences
    awk -v n="$1" 'BEGIN { out = 0; i = 0
        while (out < n) { w = "Word" i++ ". "; printf "%s", w; out += length(w) } }'
}
gen_nest() { # gen_nest BYTES: nested <div>s around two sentences
    awk -v n="$1" 'BEGIN { k = int(n / 11)
        for (i = 0; i < k; i++) printf "<div>"
        printf "Deep inside the nest. It is quiet here."
        for (i = 0; i < k; i++) printf "</div>"
        print "" }'
}
gen_mdlinks() { # gen_mdlinks BYTES: unclosed Markdown links, images, emphasis
    awk -v n="$1" 'BEGIN { out = 0; i = 0
        while (out < n) { w = "[a" i++ "](![b](c \"*x _y `z <w "; printf "%s", w; out += length(w)
            if (i % 50 == 0) { printf "\n> "; out += 3 } } }'
}
instr() { # instr ARGS...: instructions brief executes for ARGS
    valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" \
        "$BRIEF" "$@" > /dev/null 2> "$T/cg.err" || { echo 0; return; }
    awk '/^(summary|totals):/ { print $2; exit }' "$T/cg.out"
}
linear_case() { # linear_case NAME GENERATOR ARGS...
    lname=$1; gen=$2; shift 2
    begin "linear time: $lname (callgrind, 100 KB vs 1 MB)"
    $gen 100000 > "$T/lin1"
    $gen 1000000 > "$T/lin10"
    i1=$(instr "$@" "$T/lin1")
    i10=$(instr "$@" "$T/lin10")
    if [ -z "$i1" ] || [ "$i1" -eq 0 ] || [ -z "$i10" ] || [ "$i10" -eq 0 ]; then
        why="callgrind failed: $(head -n 3 "$T/cg.err")"
    else
        ratio=$(awk -v a="$i1" -v b="$i10" 'BEGIN { printf "%.2f", b / a }')
        name="$name: $i1 -> $i10 instructions, ratio $ratio"
        want "ratio $ratio above 12" awk -v r="$ratio" 'BEGIN { exit !(r <= 12) }'
    fi
    finish
}
if [ "$SLOW" != 1 ]; then
    skip "linear time (callgrind)" "HOSTILE_FAST is set"
elif [ -n "$RUNNER" ]; then
    skip "linear time (callgrind)" "RUNNER is set (callgrind needs the native binary)"
elif ! command -v valgrind > /dev/null 2>&1; then
    skip "linear time (callgrind)" "valgrind is not installed"
else
    linear_case "normal text" gen_text
    linear_case "normal text, -f json -k 20" gen_text -f json -k 20
    linear_case "one long line, no punctuation" gen_line
    linear_case "many tiny sentences" gen_tiny
    linear_case "nested HTML" gen_nest --input html
    linear_case "unclosed Markdown links and emphasis" gen_mdlinks --input markdown
fi

echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]

#!/bin/sh
# jsonl.sh - tests of batch mode (brief --jsonl): one output line per
# non-blank input line, in order, each valid JSON; passed-through members;
# error records; golden output; stdin; GNU parallel gives the same bytes;
# budget options; edge cases of the JSON parser.
# Uses $BRIEF (default ./brief), prefixed by $RUNNER (e.g. qemu-arm ...),
# and tests/jsoncheck (built by `make tests/jsoncheck`).
# Regenerate the golden file with UPDATE_GOLDEN=1 (then review the diff).
# Last line "N passed, N failed", with ", N skipped" when a group of checks
# could not run here (no GNU parallel, no writable /dev/full: a SKIP line
# says which).
BRIEF=${BRIEF:-./brief}
RUNNER=${RUNNER:-}
B="$RUNNER $BRIEF"
JC="$RUNNER ${JSONCHECK:-tests/jsoncheck}"
IN=tests/data/batch.jsonl
GOLD=tests/golden/batch.jsonl.out
T=${TMPDIR:-/tmp}/brief-jsonl.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0; fail=0; skipped=0
Q="'"
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP: $*"; }

# check DESC COMMAND...: the command must succeed
check() {
    desc=$1; shift
    if "$@"; then ok; else bad "$desc"; fi
}

if [ ! -x tests/jsoncheck ]; then
    echo "jsonl: tests/jsoncheck missing (make tests/jsoncheck)"
    echo "0 passed, 1 failed"
    exit 1
fi

# ---- (a) the batch: shape, order, validity -------------------------------
$B --jsonl "$IN" > "$T/out" 2> "$T/err"
check "exit status 0 with bad records in the batch" [ $? -eq 0 ]
check "nothing on stderr" [ ! -s "$T/err" ]
check "every output line is valid JSON" $JC --lines "$T/out"
nonblank=$(grep -c '[^[:space:]]' "$IN")
lines=$(wc -l < "$T/out")
check "one output line per non-blank input line ($lines vs $nonblank)" \
    [ "$lines" -eq "$nonblank" ]
check "13 good records" [ "$(grep -c '"brief":{"version":' "$T/out")" -eq 13 ]
check "8 error records" [ "$(grep -c '^{"line":[0-9]*,.*"error":"' "$T/out")" -eq 8 ]
check "no record is both" [ "$(grep -c '"error":.*"brief":{"version"' "$T/out")" -eq 0 ]

# Pair output line k with the k-th non-blank input line: an error record
# names that line number; a good record starts with the input's members
# up to "text" (in this file "text" is always the last member, written
# without spaces), so ids and sources come through verbatim and in order.
if awk -v out="$T/out" '
    /[^ \t\r]/ { n++; src[n] = $0; num[n] = NR }
    END {
        k = 0
        while ((getline o < out) > 0) {
            k++
            if (o ~ /^\{"line":/) {
                l = o; sub(/^\{"line":/, "", l); sub(/,.*/, "", l)
                if (l + 0 != num[k]) { print "line " k ": names line " l ", want " num[k]; bad = 1 }
            } else {
                p = index(o, ",\"brief\":{"); pre = substr(o, 1, p - 1)
                if (p == 0) { pre = "{"; p = index(o, "\"brief\":{") }
                want = (pre == "{") ? "{\"text\":" : pre ",\"text\":"
                if (p == 0 || index(src[k], want) != 1) { print "line " k ": members differ from input line " num[k]; bad = 1 }
            }
        }
        if (k != n) { print "got " k " lines for " n " records"; bad = 1 }
        exit bad
    }' "$IN"; then ok; else bad "output lines pair with input lines in order"; fi

# specific records
has() { grep -qF -- "$1" "$T/out" && ok || bad "output lacks: $1"; }
has '{"id":1,"source":"harbour-gazette","brief":{"version":'
has '{"id":"a-2","source":"city-desk","brief":'
has '{"id":4,"source":"sport","tags":["rowing","local"],"meta":{"words":52,"edited":true,"editor":null},"brief":'
has '{"id":"5","source":"caf\u00e9-news","brief":'
has '{"id":{"feed":"wire","seq":18},"source":"wire","brief":'
has '{"source":"no-id","brief":'
has '{"id":19.5,"source":"empty-text","brief":{"version":'
has '"sentence_count":0,"word_count":0,"keywords":[],"sentences":[]}}'
has '"text":"A small café in the old town has won a national prize for its bread."'
has '"text":"The museum reopened its \"lost rivers\" exhibition after a year of repairs."'
has 'in the region 🎂."'
has '"text":"A broken character � appears'
has '{"line":8,"id":7,"error":"invalid JSON at byte 84: unterminated string"}'
has '{"line":9,"id":8,"error":"missing \"text\""}'
has '{"line":10,"id":9,"error":"\"text\" is not a string"}'
has '{"line":11,"id":10,"error":"\"text\" is not a string"}'
has '{"line":15,"id":14,"error":"text contains NUL"}'
has '{"line":16,"error":"record is not a JSON object"}'
has "{\"line\":17,\"id\":16,\"error\":\"invalid JSON at byte 9: expected $Q,$Q or $Q}$Q\"}"
has '{"line":22,"id":20,"error":"invalid JSON at byte 74: extra data after the object"}'

# ---- (b) golden -------------------------------------------------------------
if [ -n "$UPDATE_GOLDEN" ]; then cp "$T/out" "$GOLD"; fi
if cmp -s "$T/out" "$GOLD"; then ok; else
    bad "golden $GOLD differs"; diff "$GOLD" "$T/out" | head -10; fi

# ---- (c) standard input -----------------------------------------------------
$B --jsonl < "$IN" > "$T/stdin" 2> "$T/err"
check "stdin: exit status 0" [ $? -eq 0 ]
check "stdin: same output as the file" cmp -s "$T/out" "$T/stdin"
$B --jsonl - < "$IN" > "$T/stdin" 2> "$T/err"
check "stdin as '-': same output" cmp -s "$T/out" "$T/stdin"

# ---- (d) GNU parallel -----------------------------------------------------
# Records are independent, so splitting the input among processes must
# give the same bytes - except "line" in error records, which counts the
# lines each process saw. So: the good records byte for byte, and the
# whole batch with line numbers masked.
mask() { sed 's/^{"line":[0-9]*,/{"line":N,/' "$1"; }
if command -v parallel > /dev/null 2>&1; then
    grep '"brief":{"version":' "$T/out" > "$T/good.want"
    # the input lines whose output is a good record, in order
    awk -v out="$T/out" '/[^ \t\r]/ { if ((getline o < out) > 0 &&
        o !~ /^\{"line":/) print }' "$IN" > "$T/good.in"
    mask "$T/out" > "$T/out.masked"
    for split in "-N 5" "-N 1" "--block 300" "--block 1k"; do
        # shellcheck disable=SC2086
        parallel --pipe -k $split $B --jsonl < "$T/good.in" > "$T/par" 2> "$T/err"
        check "parallel $split: exit status 0" [ $? -eq 0 ]
        if cmp -s "$T/good.want" "$T/par"; then ok; else
            bad "parallel $split: good records differ"; diff "$T/good.want" "$T/par" | head -6; fi
        # shellcheck disable=SC2086
        parallel --pipe -k $split $B --jsonl < "$IN" > "$T/par" 2> "$T/err"
        mask "$T/par" > "$T/par.masked"
        if cmp -s "$T/out.masked" "$T/par.masked"; then ok; else
            bad "parallel $split: batch differs (line numbers masked)"; diff "$T/out.masked" "$T/par.masked" | head -6; fi
    done
else
    skip "jsonl: GNU parallel checks (parallel is not installed)"
fi

# ---- (e) budget options apply per record ----------------------------------
# count_sentences FILE: for each good record, the number of chosen sentences
count_sentences() {
    grep '"brief":{"version":' "$1" | sed 's/.*"sentences":\[//' |
        awk '{ print gsub(/\{"index":/, "") }'
}
$B --jsonl -n 1 "$IN" > "$T/n1" 2> "$T/err"
check "-n 1: exit status 0" [ $? -eq 0 ]
check "-n 1: valid JSON" $JC --lines "$T/n1"
# every record with sentences gets exactly one (the empty text gets none)
check "-n 1: one sentence per record" \
    [ "$(count_sentences "$T/n1" | sort -u | tr '\n' ' ')" = "0 1 " ]
check "-n 1: default gives more" \
    [ "$(count_sentences "$T/out" | sort -nu | tail -n 1)" -eq 3 ]
$B --jsonl -n 2 "$IN" > "$T/n2" 2> "$T/err"
check "-n 2: two sentences per record" \
    [ "$(count_sentences "$T/n2" | sort -u | tr '\n' ' ')" = "0 2 " ]
$B --jsonl -n 1 -k 2 "$IN" > "$T/k2" 2> "$T/err"
check "-k 2: two keywords in each non-empty record" \
    [ "$(grep -c '"keywords":\[{"text":"[^"]*","weight":[0-9.]*,"count":[0-9]*,"words":[0-9]*},{"text"' "$T/k2")" -eq 12 ]
$B --jsonl --max-input 100 "$IN" > "$T/max" 2> "$T/err"
check "--max-input: long texts become error records" \
    [ "$(grep -c '"error":"input larger than the limit"}$' "$T/max")" -eq 12 ]
check "--max-input: short ones still summarized" \
    [ "$(grep -c '"brief":{' "$T/max")" -eq 1 ]

# ---- (f) edge cases of the parser -----------------------------------------
# one INPUT WANT: brief --jsonl on the printf-expanded INPUT must print
# exactly WANT (one line); "*" at the end of WANT means "a prefix of".
one() {
    printf "$1" > "$T/in"
    $B --jsonl "$T/in" > "$T/one" 2> "$T/err"
    st=$?
    got=$(cat "$T/one")
    case $2 in
    *'*') w=${2%\*}; case $got in "$w"*) m=1 ;; *) m=0 ;; esac ;;
    *) if [ "$got" = "$2" ]; then m=1; else m=0; fi ;;
    esac
    if [ "$st" -eq 0 ] && [ "$m" -eq 1 ] && { [ ! -s "$T/one" ] ||
        $JC --lines "$T/one" 2> /dev/null; }; then ok; else
        bad "input '$1': got '$got' (exit $st), want '$2'"; fi
}
one '\n  \t\r\n\n' ''
one '{"text":"Short."}\n' '{"brief":{"version":*'
one '{"te\\u0078t":"Hello there.","id":"k"}\n' '{"id":"k","brief":{*'
one '{ "id" : 1 , "x" : [ 1 , { "a" : null } ] , "text" : "A." }\n' '{"id":1,"x":[ 1 , { "a" : null } ],"brief":{*'
one '{"\\u0069d":7,"text":5}\n' '{"line":1,"id":7,"error":"\"text\" is not a string"}'
one '{"id":1,"text":"A.","text":"B."}\n' '{"line":1,"id":1,"error":"duplicate \"text\""}'
one '{}\n' '{"line":1,"error":"missing \"text\""}'
one 'hello\n' '{"line":1,"error":"invalid JSON at byte 0: expected a value"}'
one '{"id":01,"text":"A."}\n' '{"line":1,"error":"invalid JSON at byte 7: bad number"}'
one '{"id":-0.5e+3,"text":"A."}\n' '{"id":-0.5e+3,"brief":{*'
one '{"id":1.,"text":"A."}\n' '{"line":1,"error":"invalid JSON at byte 8: bad number"}'
one '{"id":tru,"text":"A."}\n' '{"line":1,"error":"invalid JSON at byte 6: invalid literal"}'
one '{"id":"\\udc00","text":"A."}\n' '{"line":1,"error":"invalid JSON at byte 7: lone surrogate escape"}'
one '{"id":2,"src":"\\ud800x","text":"A."}\n' '{"line":1,"id":2,"error":"invalid JSON at byte 15: lone surrogate escape"}'
one '{"id":2,"text":"\\ud800\\ud800\\udfff."}\n' '{"id":2,"brief":{*'
one '{"id":3,"text":"caf\351"}\n' '{"line":1,"id":3,"error":"invalid JSON at byte 19: invalid UTF-8"}'
one '{"id":3,"text":"\355\240\200"}\n' '{"line":1,"id":3,"error":"invalid JSON at byte 16: invalid UTF-8"}'
one '{"id":3,"text":"\300\257"}\n' '{"line":1,"id":3,"error":"invalid JSON at byte 16: invalid UTF-8"}'
one '{"id":4,"text":"a\\qb"}\n' '{"line":1,"id":4,"error":"invalid JSON at byte 17: invalid escape"}'
one '{"id":4,"text":"a\\u12G4"}\n' '{"line":1,"id":4,"error":"invalid JSON at byte 17: bad \\u escape"}'
one '{"id":4,"text":"a\tb"}\n' '{"line":1,"id":4,"error":"invalid JSON at byte 17: control character in string"}'
one '{"id":5,"text":"A."' "{\"line\":1,\"id\":5,\"error\":\"invalid JSON at byte 19: expected $Q,$Q or $Q}$Q\"}"
one '{"id":5,"text":"A.",}\n' '{"line":1,"id":5,"error":"invalid JSON at byte 20: expected a string key"}'
one '{"id":5 : 1}\n' "{\"line\":1,\"id\":5,\"error\":\"invalid JSON at byte 8: expected $Q,$Q or $Q}$Q\"}"
one '{"id" 5}\n' "{\"line\":1,\"error\":\"invalid JSON at byte 6: expected $Q:$Q\"}"
one '"just a string"\n' '{"line":1,"error":"record is not a JSON object"}'
one '{"id":6,"text":"Tab\\there.\\nNew line. \\"Q\\" \\\\ \\/ \\b\\f\\r."}\n' '{"id":6,"brief":{*'
one '{"id":7,"text":"A.","brief":1}\n' '{"id":7,"brief":1,"brief":{*'
one '{"id":8,"text":"Ends with CRLF."}\r\n' '{"id":8,"brief":{*'
one '\357\273\277{"id":9,"text":"After a byte order mark."}\n' '{"id":9,"brief":{*'
one '{"id":10,"sep":"\342\200\250","text":"A."}\n' "{\"id\":10,\"sep\":\"$(printf '\342\200\250')\",\"brief\":{*"
one '{"id":11,"text":"No newline at the end."}' '{"id":11,"brief":{*'

# the decoded text, escapes and all, reaches the library
printf '{"id":1,"text":"Caf\\u00e9 \\ud83c\\udf82 and \\"quotes\\" here."}\n' > "$T/in"
$B --jsonl "$T/in" > "$T/one" 2> "$T/err"
check "escapes decoded" grep -qF '"text":"Café 🎂 and \"quotes\" here."' "$T/one"

# no fixed limits: a deeply nested member and a 2 MB line
awk 'BEGIN { printf "{\"id\":1,\"deep\":"; for (i = 0; i < 100000; i++) printf "[";
    for (i = 0; i < 100000; i++) printf "]"; print ",\"text\":\"Deep.\"}" }' > "$T/in"
$B --jsonl "$T/in" > "$T/one" 2> "$T/err"
check "deep nesting: exit status 0" [ $? -eq 0 ]
check "deep nesting: passed through" grep -q '^{"id":1,"deep":\[\[\[.*\]\]\],"brief":{' "$T/one"
# (jsoncheck stops at depth 256, so validate a shallower one)
awk 'BEGIN { printf "{\"id\":1,\"deep\":"; for (i = 0; i < 100; i++) printf "[{\"a\":";
    printf "0"; for (i = 0; i < 100; i++) printf "}]"; print ",\"text\":\"Deep.\"}" }' > "$T/in"
$B --jsonl "$T/in" > "$T/one" 2> "$T/err"
check "nesting: valid JSON" $JC --lines "$T/one"
awk 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; for (i = 0; i < 40000; i++)
    printf "Sentence number %d tells of rivers and ships. ", i; print "\"}" }' > "$T/in"
$B --jsonl -n 1 "$T/in" > "$T/one" 2> "$T/err"
check "2 MB line: summarized" grep -q '^{"id":"big","brief":{.*"sentence_count":40000,' "$T/one"
check "2 MB line: one line out" [ "$(wc -l < "$T/one")" -eq 1 ]

# a write error is reported, not ignored
if [ -w /dev/full ]; then
    $B --jsonl "$IN" > /dev/full 2> "$T/err"
    check "write error: exit status 3" [ $? -eq 3 ]
else
    skip "jsonl: write error check (/dev/full is not writable)"
fi

if [ "$skipped" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skipped skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]

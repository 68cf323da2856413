#!/bin/sh
# html_view.sh - the -f html view opened in a real browser: headless
# Chromium loads brief's page for the example article, dumps the DOM as
# rendered and takes a screenshot; the DOM must hold the article text and
# the marks of the chosen sentences. Without chromium it skips: a reason
# line, then "0 passed, 0 failed, 1 skipped" (exit 0). The screenshot is
# left in tests/out/html-view.png.
BRIEF=${BRIEF:-./brief}
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$CHROME" ]; then
    echo "html view: skipped (no chromium)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
T=${TMPDIR:-/tmp}/brief-view.$$
mkdir -p "$T" tests/out || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync \
--user-data-dir=$T/profile"

$BRIEF -f html -n 3 tests/data/article.txt > "$T/view.html" || bad "brief -f html"
# shellcheck disable=SC2086
timeout 120 "$CHROME" $flags --dump-dom "file://$T/view.html" \
    > "$T/dom.html" 2> "$T/err" || bad "chromium --dump-dom failed: $(tail -3 "$T/err")"
# shellcheck disable=SC2086
timeout 120 "$CHROME" $flags --window-size=1000,1400 \
    --screenshot="$(pwd)/tests/out/html-view.png" "file://$T/view.html" \
    > /dev/null 2>&1
[ -s tests/out/html-view.png ] && ok || bad "no screenshot"

# the rendered DOM has the article text, every sentence, and 3 chosen marks
grep -q "Millbrook City Council voted 7-2" "$T/dom.html" && ok || bad "article text not rendered"
grep -q "brownfields\|Brownfields" "$T/dom.html" && ok || bad "later paragraph not rendered"
n=$(grep -o 'class="s chosen" title=' "$T/dom.html" | wc -l)
[ "$n" -eq 3 ] && ok || bad "chosen marks: $n (want 3)"
grep -q "<h1" "$T/dom.html" && ok || bad "no title heading"
# a hostile sentence is escaped, not executed
printf 'Title here\n\nThe <script>alert(1)</script> tag & "quotes" stay text. Another sentence follows here.\n' > "$T/x.txt"
$BRIEF -f html "$T/x.txt" > "$T/x.html"
# shellcheck disable=SC2086
timeout 120 "$CHROME" $flags --dump-dom "file://$T/x.html" > "$T/xdom.html" 2>/dev/null
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/xdom.html" && ok || bad "script not escaped in the DOM"
grep -q '<script>alert' "$T/xdom.html" && bad "script element in the DOM" || ok
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

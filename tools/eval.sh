#!/bin/sh
# eval.sh - summary quality on ../shared/corpora: ROUGE of brief beside the
# lead baseline (the first K body sentences by brief's own splitter) and,
# when installed, Open Text Summarizer. Run by `make eval`.
#
# K = 3 for the CNN/DailyMail sets, 1 for frank-xsum and orangesum (whose
# title line is itself a summary: it is never chosen, nor counted in the
# lead), and 45% of the sentences for bbc-news-summary-silver (silver
# references: report only). French is scored with `rouge --unicode`.
#
# Below each corpus's brief and lead rows:
#   vs-lead  brief against lead per document: wins/ties/losses on ROUGE-1
#            F1, the mean R1 difference and its 95% paired bootstrap
#            interval (tools/rouge --versus); an interval containing 0 is
#            noise. The same for R2.
#   junk     chosen sentences that are boilerplate lines or run-ons (goal 0):
#            prompts (video, click, subscribe, share, scroll), photo credits
#            and captions, bylines and datelines standing alone, and
#            sentences over 60 words. The patterns are in junk_count below.
#
# Environment: SHARED (default ../shared), BRIEF (default ./brief), ROUGE
# (default tools/rouge), EVAL_CORPORA (space-separated names to limit the
# run), BRIEF_ARGS (extra options for brief, for experiments).
SHARED=${SHARED:-../shared}
BRIEF=${BRIEF:-./brief}
ROUGE=${ROUGE:-tools/rouge}
C="$SHARED/corpora"
if [ ! -d "$C" ]; then
    echo "eval: skipped (no $SHARED/corpora)"
    exit 0
fi
T=${TMPDIR:-/tmp}/brief-eval.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

now_ms() {
    t=$(date +%s%N 2>/dev/null)
    case "$t" in *N|"") echo $(( $(date +%s) * 1000 ));; *) echo $((t / 1000000));; esac
}

# split_out FILE DIR: brief's multi-file output ("==> PATH <==" headers)
# into DIR/ID.txt, one file per document.
split_out() {
    awk -v dir="$2" '
        /^==> .* <==$/ { if (out) close(out); p = substr($0, 5, length($0) - 8);
                         n = split(p, parts, "/"); out = dir "/" parts[n]; printf "" > out; next }
        out && $0 != "" { print > out }' "$1"
}

# junk_count DIR: "N M P B L": junk sentences N of M chosen, of which P
# prompts/credits, B bylines/datelines alone, L over 60 words. One line of
# a brief is one chosen sentence.
junk_count() {
    cat "$1"/*.txt 2>/dev/null | awk '
        { m++; l = tolower($0); w = split($0, x, /[ \t]+/) }
        l ~ /scroll down|click here|^watch( the)? video|^video:|subscribe (now|here|to our)|sign up (now|here)|share this (article|story)|follow us on|^read more|download (the|our) app|getty images|\/ap photo|(photo|image|picture)s? ?(credit)?:/ || $0 ~ /\(pictured\),? [A-Z][a-z]/ { p++; n++; next }
        w <= 8 && ($0 ~ /^[Bb]y [A-Z][^ ]+( [A-Z][^ ]+)*( and [A-Z].*)?\.?$/ || $0 ~ /^[A-Z][A-Z .,]+(\([^)]*\))? *[-:]*$/ || l ~ /^(published|updated|last updated)[: ]/) { b++; n++; next }
        w > 60 { g++; n++ }
        END { printf "%d %d %d %d %d\n", n, m, p, b, g }'
}

printf '%-24s %-6s %7s %7s %7s %7s %5s %8s\n' corpus system R1 R2 RL RLsum docs seconds
for dir in "$C"/*/; do
    name=$(basename "$dir")
    if [ -n "$EVAL_CORPORA" ]; then
        case " $EVAL_CORPORA " in *" $name "*) ;; *) continue;; esac
    fi
    case "$name" in
        *cnndm) budget="-n 3"; k=3;;
        frank-xsum|orangesum*) budget="-n 1"; k=1;;
        bbc*) budget="-r 45"; k=0;;
        *) budget="-n 3"; k=3;;
    esac
    case "$name" in
        orangesum*) ropt="--unicode"; lang=fr;;
        *) ropt=""; lang=en;;
    esac
    docs=$(ls "$dir/docs" | wc -l)
    mkdir -p "$T/$name/brief" "$T/$name/lead" "$T/$name/ots"
    # brief, all documents of the corpus in one process
    t0=$(now_ms)
    (cd "$dir/docs" && ls) | sed "s|^|$dir/docs/|" > "$T/list"
    xargs $BRIEF $budget $BRIEF_ARGS < "$T/list" > "$T/out" 2> "$T/err"
    [ "$docs" -eq 1 ] && sed -i "1i ==> $(cat "$T/list") <==" "$T/out"
    t1=$(now_ms)
    split_out "$T/out" "$T/$name/brief"
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
    $ROUGE $ropt --tsv --corpus "$T/$name/brief" "$dir/refs" |
        awk -F '\t' -v n="$name" -v s="$secs" \
            '{ printf "%-24s %-6s %7.2f %7.2f %7.2f %7.2f %5d %8s\n", n, "brief", $1, $2, $3, $4, $5, s }'
    # lead: the first K body sentences (--scores marks titles T, headings H)
    t0=$(now_ms)
    xargs $BRIEF --scores $budget < "$T/list" > "$T/out" 2> "$T/err"
    awk -v dir="$T/$name/lead" -v k="$k" -v counts="$T/$name/counts" '
        function flush() {
            if (!out) return
            print id, nb > counts
            m = k; if (m == 0) { m = int(nb * 45 / 100 + 0.5); if (m < 1) m = 1 }
            for (i = 1; i <= m && i <= nb; i++) print body[i] > out
            close(out)
        }
        /^==> .* <==$/ { flush(); p = substr($0, 5, length($0) - 8);
                         n = split(p, parts, "/"); id = parts[n]; out = dir "/" id; printf "" > out; nb = 0; next }
        /^#/ { next }
        { split($0, f, "\t"); if (f[3] == "T" || f[3] == "H") next;
          nb++; t = $0; sub(/^[^\t]*\t[^\t]*\t[^\t]*\t/, "", t); body[nb] = t }
        END { flush() }' "$T/out"
    t1=$(now_ms)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
    $ROUGE $ropt --tsv --corpus "$T/$name/lead" "$dir/refs" |
        awk -F '\t' -v n="$name" -v s="$secs" -v k="$k" \
            '{ printf "%-24s %-6s %7.2f %7.2f %7.2f %7.2f %5d %8s\n", n, "lead", $1, $2, $3, $4, $5, s }'
    $ROUGE $ropt --corpus "$T/$name/brief" --versus "$T/$name/lead" "$dir/refs" |
        awk -F '\t' -v n="$name" '{ printf "%-24s %-6s R1 %+.2f [%+.2f, %+.2f] W/T/L %d/%d/%d   R2 %+.2f [%+.2f, %+.2f] W/T/L %d/%d/%d\n", n, "vs-lead", $4, $5, $6, $1, $2, $3, $10, $11, $12, $7, $8, $9 }'
    junk_count "$T/$name/brief" |
        awk -v n="$name" '{ printf "%-24s %-6s %d of %d chosen sentences (prompts/credits %d, bylines/datelines %d, over 60 words %d)\n", n, "junk", $1, $2, $3, $4, $5 }'
    # Open Text Summarizer, when installed: its only budget is a ratio, so
    # ask for K sentences' worth (K / sentences, rounded up); the title
    # line is removed first where the corpus has one.
    if command -v ots > /dev/null 2>&1; then
        t0=$(now_ms)
        for f in "$dir"/docs/*.txt; do
            id=$(basename "$f")
            case "$name" in
                orangesum*|bbc*) tail -n +3 "$f" > "$T/doc";;
                *) cp "$f" "$T/doc";;
            esac
            ns=$(awk -v id="$id" '$1 == id { print $2 }' "$T/$name/counts")
            [ "${ns:-0}" -gt 0 ] || ns=1
            if [ "$k" -eq 0 ]; then r=45; else r=$(( (k * 100 + ns - 1) / ns )); fi
            ots -d "$lang" -r "$r" "$T/doc" 2>/dev/null | tr -s '\n' > "$T/$name/ots/$id"
        done
        t1=$(now_ms)
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
        $ROUGE $ropt --tsv --corpus "$T/$name/ots" "$dir/refs" |
            awk -F '\t' -v n="$name" -v s="$secs" \
                '{ printf "%-24s %-6s %7.2f %7.2f %7.2f %7.2f %5d %8s\n", n, "ots", $1, $2, $3, $4, $5, s }'
    fi
done

# key terms (issue 15): found in the references, phrases, casing, beside
# a plain frequency baseline
echo
SHARED="$SHARED" BRIEF="$BRIEF" sh tools/keyterms.sh

#!/bin/sh
# keyterms.sh - how good brief's key terms are, on ../shared/corpora (issue
# 15). Run at the end of `make eval`. For each corpus, over its documents:
#   found   share of the top-10 terms whose words all occur in the
#           document's reference summaries (any of them; words read as
#           ROUGE reads them, see words() below)
#   multi   share of documents with a multi-word term among the 10
#   cased   share of documents with a term that has a capital letter (a
#           name in its own spelling: DeepSeek, AI)
# beside a plain frequency baseline: the 10 most frequent words of the
# document that are not stop words (tools/stopwords/LANG.txt) and have two
# or more letters, lower case.
# The baseline gives no phrases and no casing by construction; it says
# what "found" a naive extractor reaches.
# Environment: SHARED (default ../shared), BRIEF (default ./brief),
# KEYTERMS_CORPORA (names to limit the run).
SHARED=${SHARED:-../shared}
BRIEF=${BRIEF:-./brief}
LC_ALL=C # awk reads bytes (the UTF-8 below is matched byte by byte)
export LC_ALL
C="$SHARED/corpora"
if [ ! -d "$C" ]; then
    echo "keyterms: skipped (no $SHARED/corpora)"
    exit 0
fi
T=${TMPDIR:-/tmp}/brief-keyterms.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

for l in en fr; do
    grep -v '^#' "tools/stopwords/$l.txt" > "$T/stop.$l" || exit 2
done

printf '%-24s %-9s %6s %6s %6s %5s\n' corpus terms found multi cased docs
for dir in "$C"/*/; do
    name=$(basename "$dir")
    if [ -n "$KEYTERMS_CORPORA" ]; then
        case " $KEYTERMS_CORPORA " in *" $name "*) ;; *) continue ;; esac
    fi
    case "$name" in
        orangesum*) lang=fr ;;
        *) lang=en ;;
    esac
    [ -d "$dir/docs" ] && [ -d "$dir/refs" ] || continue
    ls "$dir"/docs/*.txt > "$T/list"
    # one brief run for all documents: "==> FILE <==" before each (-v:
    # also when there is one)
    xargs $BRIEF -v --keywords-only -k 10 -l "$lang" < "$T/list" \
        > "$T/terms" 2> /dev/null
    ls "$dir"/refs > "$T/refs"
    awk -v n="$name" -v refdir="$dir/refs" -v stop="$T/stop.$lang" \
        -v refs="$T/refs" -v list="$T/list" '
    # lower case, also for the accented capitals of Latin-1 (mawk folds
    # ASCII only: "État" must meet "état")
    function lc(s,   c) {
        s = tolower(s)
        if (s ~ /\303[\200-\236]/)
            for (c in up) gsub(c, up[c], s)
        return s
    }
    # the words of a line into the array given, read as ROUGE reads text:
    # lower case, every run of characters other than letters and digits a
    # separator (hyphens and apostrophes too: the CNN/DailyMail references
    # write "43-year - old", and French elides: "l'\''Europe" holds
    # "europe")
    function words(s, out,   k, i, a) {
        s = lc(s)
        gsub(/[\001-\057\072-\100\133-\140\173-\177]|\342\200[\223\224\230-\235\246]|\302[\240\253\273]/, " ", s)
        k = split(s, a, / +/)
        for (i = 1; i <= k; i++)
            if (a[i] != "") out[a[i]]++
    }
    # a term is found when each of its words, read as the reference
    # words are (words()), is in the references
    function tally(kind, term, id,   w, x, all) {
        split("", w); words(term, w); all = 1
        for (x in w) if (!(x in inref)) all = 0
        terms[kind]++; found[kind] += all
        if (split(term, w, / +/) > 1) multi[kind, id] = 1 # words as written
        if (term ~ /[A-Z]/) cased[kind, id] = 1
    }
    function doc(id, path, lst,   f, line, cnt, w, i, j, best, bw, r) {
        split("", inref)
        f = id ".txt"
        if ((refdir "/" f) in isref) { while ((getline line < (refdir "/" f)) > 0) words(line, inref); close(refdir "/" f) }
        for (j = 65; j <= 90; j++) {
            f = id "." sprintf("%c", j) ".txt"
            if ((refdir "/" f) in isref) { while ((getline line < (refdir "/" f)) > 0) words(line, inref); close(refdir "/" f) }
        }
        ndocs++
        for (i = 1; i <= nt[id]; i++) tally("brief", term[id, i], id)
        split("", cnt)
        while ((getline line < path) > 0) words(line, cnt)
        close(path)
        for (w in cnt) if (w in stopw || length(w) < 2) delete cnt[w]
        for (i = 1; i <= 10; i++) {      # the 10 most frequent (ties: first in byte order)
            best = 0; bw = ""
            for (w in cnt) if (cnt[w] > best || (cnt[w] == best && w < bw)) { best = cnt[w]; bw = w }
            if (bw == "") break
            tally("frequency", bw, id); delete cnt[bw]
        }
    }
    BEGIN {
        for (j = 128; j <= 158; j++)
            if (j != 151) up[sprintf("\303%c", j)] = sprintf("\303%c", j + 32)
        while ((getline line < stop) > 0) words(line, stopw)
        while ((getline line < refs) > 0) isref[refdir "/" line] = 1
    }
    /^==> .* <==$/ { id = substr($0, 5, length($0) - 8); sub(/.*\//, "", id); sub(/\.txt$/, "", id); next }
    NF { split($0, f, "\t"); nt[id]++; term[id, nt[id]] = f[1] }
    END {
        while ((getline path < list) > 0) {
            id = path; sub(/.*\//, "", id); sub(/\.txt$/, "", id)
            doc(id, path)
        }
        for (k = 0; k < 2; k++) {
            kind = k ? "frequency" : "brief"; nm = nc = 0
            for (x in multi) { split(x, p, SUBSEP); if (p[1] == kind) nm++ }
            for (x in cased) { split(x, p, SUBSEP); if (p[1] == kind) nc++ }
            if (!terms[kind]) { printf "%-24s %-9s %6s %6s %6s %5d\n", n, kind, "-", "-", "-", ndocs; continue }
            printf "%-24s %-9s %5.1f%% %5.1f%% %5.1f%% %5d\n", n, kind,
                100 * found[kind] / terms[kind], 100 * nm / ndocs, 100 * nc / ndocs, ndocs
        }
    }' "$T/terms"
done

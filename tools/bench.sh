#!/bin/sh
# tools/bench.sh - speed and memory benchmark of brief (`make bench`).
#
# Run from the repository root. It builds an optimized brief (cc -O2
# -DNDEBUG), statically linked as a standalone binary is deployed (when the
# C library can be linked statically; else dynamically, and it says so),
# the same brief linked dynamically as `make` builds it, and two helpers
# into build/bench/, generates plain-text inputs of
# 1 KB .. 100 MB from shuffled, repeated sentences of tests/data/*.txt and of
# the English corpora in $SHARED/corpora/*/docs (fixed seed: the same bytes
# every run), and prints:
#   - per input size: brief's median wall time, MB/s and peak RSS, the same
#     for ots (Open Text Summarizer, if installed) and wc -w, and the ratios;
#     the dynamically linked brief's time and RSS beside them (its RSS adds
#     the pages of the shared C library that the process maps);
#   - per-article latency: one process per article of a corpus, as a shell
#     loop would run it, for brief and ots;
#   - the same from 1 MB up for a web page of the same sentences
#     (benchgen --html) read with --input html, against the plain text;
#   - callgrind instructions per input byte (if valgrind is installed): the
#     figure to compare across commits, as it does not depend on the machine
#     load;
#   - the checks against the performance targets.
#
# Knobs (environment):
#   SHARED=DIR        shared material (default ../shared)
#   BENCH_MAX=SIZE    largest input, e.g. 10M (default 100M)
#   BENCH_RUNS=N      timed runs per measurement (default 5, 3 from 10 MB)
#   BENCH_BRIEF=PATH  benchmark this brief binary instead of building one
#   BENCH_OTS_TIMEOUT=S  seconds before an ots run is killed (default 60)
#   CC                compiler (default cc)
# Sizes are decimal: 1 KB = 1000 bytes, 1 MB = 10^6 bytes, MB/s likewise.

set -u
LC_ALL=C        # file globs and awk: the same order and numbers everywhere
export LC_ALL

SHARED=${SHARED:-../shared}
BENCH_MAX=${BENCH_MAX:-100M}
BENCH_RUNS=${BENCH_RUNS:-}
OTS_TIMEOUT=${BENCH_OTS_TIMEOUT:-60}
# brief 0.1's segmenter (f2ce37a) on the 1 MB input: 25,610,642 callgrind
# instructions for its 999,938 bytes, per byte (the same input: benchgen's
# seed and sources are fixed)
SEG_BASE=25.6
CC=${CC:-cc}
MAKE=${MAKE:-make}
B=build/bench

die() {
    echo "bench: $*" >&2
    exit 1
}

[ -f include/brief.h ] || die "run from the repository root (make bench)"
mkdir -p "$B" || die "cannot create $B"

# ---- build ------------------------------------------------------------------

for h in benchgen benchtime; do
    $CC -std=c99 -O2 -o "$B/$h" "tools/$h.c" || die "cannot build tools/$h.c"
done

# The sources and DEFS come from the Makefile itself, so this list never
# drifts. The objects are compiled here, not through `make brief`, so that
# the flags are known (-O2 -DNDEBUG) whatever CFLAGS built src/*.o.
make_var() {
    printf 'bench-print-var:\n\t@echo $(%s)\n' "$1" |
        $MAKE -s --no-print-directory -f Makefile -f - bench-print-var
}

build_brief() {
    srcs=$(make_var LIB_SRC) && cli=$(make_var CLI_SRC) &&
        defs=$(make_var DEFS) || return 1
    # shellcheck disable=SC2086 # word splitting of the lists is intended
    $CC -std=c99 -O2 -DNDEBUG $defs -Iinclude -Isrc -o "$B/brief" \
        $srcs $cli ${LDFLAGS_EXTRA:-} 2>"$B/build.log" && return 0
    # Fallback while a decoder or the batch mode is not written yet: leave
    # out HTML, Markdown and --jsonl (a stub) and say so.
    echo "bench: note: the full build failed (see $B/build.log);" \
         "benchmarking brief without HTML, Markdown and --jsonl" >&2
    cat >"$B/stub_jsonl.c" <<'EOF'
#include "jsonl.h"
int brief_cli_jsonl_line(const brief_options *opts, const char *line,
                         size_t len, size_t lineno, brief_write_fn fn,
                         void *ctx)
{
    (void)opts; (void)line; (void)len; (void)lineno; (void)fn; (void)ctx;
    return BRIEF_ERR_ARGUMENT;
}
EOF
    srcs=$(echo $srcs | tr ' ' '\n' | grep -v -e '^src/html\.c$' \
           -e '^src/markdown\.c$')
    cli=$(echo $cli | tr ' ' '\n' | grep -v '^src/jsonl\.c$')
    $CC -std=c99 -O2 -DNDEBUG $defs -DBRIEF_NO_HTML -DBRIEF_NO_MARKDOWN \
        -Iinclude -Isrc -o "$B/brief" $srcs $cli "$B/stub_jsonl.c" \
        ${LDFLAGS_EXTRA:-}
}

LINK=dynamic
DYN=
if [ -n "${BENCH_BRIEF:-}" ]; then
    BRIEF=$BENCH_BRIEF
    LINK=given
    [ -x "$BRIEF" ] || die "BENCH_BRIEF=$BRIEF is not an executable"
else
    BRIEF=$B/brief
    build_brief || die "cannot build brief"
    # the same objects, statically linked: the benchmarked binary
    DYN=$B/brief-dynamic
    mv "$B/brief" "$DYN" || die "cannot move $B/brief"
    if LDFLAGS_EXTRA=-static build_brief 2>/dev/null &&
        "$BRIEF" --version >/dev/null 2>&1; then
        LINK=static
        NULLPROG_LD=-static
    else
        echo "bench: note: cannot link statically (no static C library?):" \
             "benchmarking the dynamically linked brief" >&2
        cp "$DYN" "$BRIEF" || die "cannot copy $DYN"
        DYN=
    fi
fi

# A program that does nothing, linked as brief is: what one process costs
# this host (fork, exec, exit, wait), the floor of any per-article time.
printf 'int main(void) { return 0; }\n' >"$B/nullprog.c"
$CC -O2 -o "$B/nullprog" "$B/nullprog.c" ${NULLPROG_LD:-} 2>/dev/null ||
    $CC -O2 -o "$B/nullprog" "$B/nullprog.c" || die "cannot build a null program"

# ---- inputs -----------------------------------------------------------------

# Sentences from the repo's fixtures and, when present, the shared corpora.
# Corpora named *-fr (French) are left out: one language, as a real input.
: >"$B/sources.list"
for f in tests/data/*.txt; do
    [ -f "$f" ] && echo "$f" >>"$B/sources.list"
done
ncorp=0
if [ -d "$SHARED/corpora" ]; then
    for d in "$SHARED"/corpora/*/docs; do
        case $d in *-fr/docs) continue ;; esac
        [ -d "$d" ] || continue
        ncorp=$((ncorp + 1))
        for f in "$d"/*.txt; do
            [ -f "$f" ] && echo "$f" >>"$B/sources.list"
        done
    done
else
    echo "bench: $SHARED not found: inputs made from tests/data only"
fi
nsrc=$(wc -l <"$B/sources.list" | tr -d ' ')
[ "$nsrc" -gt 0 ] || die "no input text (tests/data/*.txt)"

to_bytes() {
    echo "$1" | awk '{ sub(/[bB]$/, ""); v = $0 + 0
        u = toupper(substr($0, length($0)))
        if (u == "K") v *= 1e3; else if (u == "M") v *= 1e6;
        else if (u == "G") v *= 1e9; printf "%d\n", v }'
}
max_bytes=$(to_bytes "$BENCH_MAX")
SIZES=
for s in 1K 10K 100K 1M 10M 100M; do
    [ "$(to_bytes $s)" -le "$max_bytes" ] && SIZES="$SIZES $s"
done
[ -n "$SIZES" ] || die "BENCH_MAX=$BENCH_MAX is below the smallest size (1K)"

for s in $SIZES; do
    # shellcheck disable=SC2046
    "$B/benchgen" "$s" "$B/in$s.txt" $(cat "$B/sources.list") ||
        die "cannot generate the $s input"
done

# ---- environment line ---------------------------------------------------------

have_ots=0
command -v ots >/dev/null 2>&1 && have_ots=1
have_vg=0
command -v valgrind >/dev/null 2>&1 && have_vg=1
# wc -w counts words of UTF-8 text: run it in a UTF-8 locale when there is one
WC_LOCALE=C
locale -a 2>/dev/null | grep -qi '^c\.utf-\{0,1\}8$' && WC_LOCALE=C.UTF-8

ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo \
      2>/dev/null)
kind=$("$BRIEF" -f json "$B/in1K.txt" 2>/dev/null |
       sed -n 's/.*"language":"\([a-z]*\)","input":"\([a-z]*\)".*/\2, \1/p')
rev=$(git describe --always --dirty 2>/dev/null)
echo "brief $("$BRIEF" --version | sed 's/^brief //')${rev:+ (git $rev)}, $BRIEF, cc -O2 -DNDEBUG, linked $LINK;" \
     "$(uname -sm); $ncpu CPUs${cpu:+ ($cpu)}"
echo "inputs: $nsrc source files (tests/data + $ncorp corpora), read as: ${kind:-?};" \
     "wc in LC_ALL=$WC_LOCALE; ots: $([ $have_ots = 1 ] && ots --version 2>&1 |
     head -n 1 || echo 'not installed')"
[ -n "$load" ] && echo "load average at start: $load (wall times are noisy on a" \
    "busy machine; the callgrind counts are not)"
echo

# ---- sizes ------------------------------------------------------------------

# runs SIZE: timed runs for an input of that size
runs() {
    if [ -n "$BENCH_RUNS" ]; then
        echo "$BENCH_RUNS"
    elif [ "$(to_bytes "$1")" -ge 10000000 ]; then
        echo 3
    else
        echo 5
    fi
}

# benchtime prints: STATUS MEDIAN_MS MIN_MS MAXRSS_KIB RUNS CPU_MS
T=$B/benchtime

# combine FILE: one benchtime line from the single-run lines in FILE (the
# first failure, median wall and CPU time, min time, max RSS, run count)
combine() {
    awk 'function med(v, n,   i, j, t) {
            for (i = 2; i <= n; i++)
                for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
                    t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
            return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
        { if (st == "" || st == "ok") st = $1
          w[NR] = $2; c[NR] = $6
          if (NR == 1 || $3 < mn) mn = $3
          if ($4 > rss) rss = $4 }
        END { printf "%s %.3f %.3f %d %d %.3f\n", st, med(w, NR), mn, rss,
                  NR, med(c, NR) }' "$1"
}
NONE="none 0 0 0 0 0"
# combined FILE: combine FILE, or $NONE when nothing was measured into it
combined() {
    if [ -s "$1" ]; then combine "$1"; else echo "$NONE"; fi
}
RES=$B/results.txt
: >"$RES"
ots_state=run   # run, timeout (a run was killed) or slow (would time out)
for s in $SIZES; do
    in=$B/in$s.txt
    bytes=$(wc -c <"$in" | tr -d ' ')
    n=$(runs "$s")
    w=0
    [ "$bytes" -le 1000000 ] && w=1   # warm the caches for the short runs
    [ -t 2 ] && printf 'bench: measuring %s ...\r' "$s" >&2
    # brief and wc -w take turns, so that both see the same machine load
    : >"$B/runs.brief"
    : >"$B/runs.wc"
    : >"$B/runs.dyn"
: >"$B/runs.null"
    i=0
    while [ $i -lt "$n" ]; do
        "$T" -n 1 -w "$w" -- "$BRIEF" "$in" >>"$B/runs.brief"
        LC_ALL=$WC_LOCALE "$T" -n 1 -w "$w" -- wc -w "$in" >>"$B/runs.wc"
        [ -n "$DYN" ] && "$T" -n 1 -w "$w" -- "$DYN" "$in" >>"$B/runs.dyn"
        i=$((i + 1))
    done
    br=$(combine "$B/runs.brief")
    wcr=$(combine "$B/runs.wc")
    dynr=$(combined "$B/runs.dyn")
    otr=$NONE
    if [ $have_ots = 1 ]; then
        case $ots_state in
        run)
            otr=$("$T" -n "$n" -t "$OTS_TIMEOUT" -b 20 -- ots "$in")
            case $otr in
            timeout*) ots_state=timeout ;;
            ok*)  # ots is at least linear: skip a size it cannot finish
                echo "$otr" | awk -v t="$OTS_TIMEOUT" \
                    '{ exit !($2 * 10 > t * 1000) }' && ots_state=slow ;;
            esac ;;
        *) otr="$ots_state 0 0 0 0 0" ;;
        esac
    fi
    echo "$s $bytes $(to_bytes "$s") $br $wcr $otr $dynr" >>"$RES"
done
[ -t 2 ] && printf '                              \r' >&2

# results.txt fields: 1 size label, 2 bytes, 3 nominal bytes,
#   4-9 brief, 10-15 wc -w, 16-21 ots, 22-27 dynamically linked brief; each:
#   status median_ms min_ms maxrss_kib runs cpu_ms (status: ok, none, slow,
#   timeout, exit=N ...)
awk -v timeout="$OTS_TIMEOUT" '
function mb(kib) { return kib * 1024 / 1e6 }
BEGIN {
    print "| input | brief ms | brief CPU ms | brief MB/s | brief RSS MB | ots ms | ots RSS MB | wc -w ms | ots/brief time | brief/wc time | dynamic brief ms | dynamic RSS MB |"
    print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}
{
    bms = $5; wms = $11
    if ($4 != "ok") { printf "| %s | brief failed: %s |\n", $1, $4; next }
    if ($16 == "ok") {
        oms = sprintf("%.1f", $17); orss = sprintf("%.1f", mb($19))
        oratio = sprintf("%.0fx", $17 / bms)
        if ($20 < 2) oms = oms " (1 run)"
    } else if ($16 == "timeout") {
        oms = ">" timeout * 1000; orss = "-"
        oratio = sprintf(">%.0fx", timeout * 1000 / bms)
    } else if ($16 == "slow") {
        oms = "skipped"; orss = "-"; oratio = "-"
    } else if ($16 == "none") {
        oms = "-"; orss = "-"; oratio = "-"
    } else {
        oms = "failed: " $16; orss = "-"; oratio = "-"
    }
    if ($22 == "ok") { dms = sprintf("%.1f", $23); drss = sprintf("%.1f", mb($25)) }
    else { dms = "-"; drss = "-" }
    printf "| %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %.1f | %s | %.1fx | %s | %s |\n",
        $1, bms, $9, $2 / 1e6 / (bms / 1e3), mb($7), oms, orss, wms, oratio,
        bms / wms, dms, drss
}' "$RES"
echo
echo "Wall and CPU (user + system) time: median of $(runs 1K) runs below" \
     "10 MB, of $(runs 10M) from 10 MB (BENCH_RUNS); brief and wc -w take" \
     "turns. ots: runs stop after" \
     "20 s in total, a run is killed after $OTS_TIMEOUT s, and a size is" \
     "skipped when the smaller one took over a tenth of that. RSS: peak" \
     "resident set of the process. 1 MB = 10^6 bytes. brief is linked" \
     "$LINK$([ -n "$DYN" ] && echo "; the dynamic columns are the same" \
     "brief linked as make links it, taking turns with it too, whose RSS" \
     "also counts the pages of the shared C library it maps")."

# ---- HTML ---------------------------------------------------------------------

# The same sentences as one long web page (benchgen --html: head, scripts,
# navigation, an article of wrapped paragraphs with links, figures, ads and
# lists, an aside, a footer), from 1 MB up, read with --input html; its time
# per byte against that of the plain text of the same size above.
HRES=$B/html.txt
: >"$HRES"
for s in $SIZES; do
    [ "$(to_bytes "$s")" -ge 1000000 ] || continue
    # shellcheck disable=SC2046
    "$B/benchgen" --html "$s" "$B/in$s.html" $(cat "$B/sources.list") ||
        die "cannot generate the $s HTML input"
    [ -t 2 ] && printf 'bench: measuring %s HTML ...\r' "$s" >&2
    : >"$B/runs.html"
    i=0
    n=$(runs "$s")
    while [ $i -lt "$n" ]; do
        "$T" -n 1 -w 0 -- "$BRIEF" --input html "$B/in$s.html" \
            >>"$B/runs.html"
        i=$((i + 1))
    done
    text=$(awk -v s="$s" '$1 == s { print $2, $5, $7 }' "$RES")
    echo "$s $(wc -c <"$B/in$s.html" | tr -d ' ') $(combine "$B/runs.html") $text" \
        >>"$HRES"
done
[ -t 2 ] && printf '                              \r' >&2
if [ -s "$HRES" ]; then
    echo
    echo "HTML input (benchgen --html, about half of its bytes text), brief --input html:"
    echo
    # html.txt fields: 1 size, 2 bytes, 3-8 benchtime line, 9 text bytes,
    #   10 text median ms, 11 text RSS KiB
    awk 'function mb(kib) { return kib * 1024 / 1e6 }
    BEGIN {
        print "| input | HTML bytes | brief ms | brief CPU ms | MB/s | RSS MB | RSS / input byte | plain text ms | HTML/text time per byte |"
        print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    }
    {
        if ($3 != "ok") { printf "| %s HTML | brief failed: %s |\n", $1, $3; next }
        printf "| %s HTML | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.2fx |\n",
            $1, $2, $4, $8, $2 / 1e6 / ($4 / 1e3), mb($6), $6 * 1024 / $2,
            $10, ($4 / $2) / ($10 / $9)
    }' "$HRES"
fi

# ---- per-article latency ------------------------------------------------------

echo
ART_DIR=$SHARED/corpora/summeval-cnndm/docs
: >"$B/articles.list"
if [ -d "$ART_DIR" ]; then
    for f in "$ART_DIR"/*.txt; do
        [ -f "$f" ] && echo "$f" >>"$B/articles.list"
    done
fi
art_from=$ART_DIR
if [ ! -s "$B/articles.list" ]; then
    echo "bench: $ART_DIR not found: per-article latency over tests/data"
    art_from=tests/data
    for f in tests/data/*.txt; do
        [ -f "$f" ] && echo "$f" >>"$B/articles.list"
    done
fi
nart=$(wc -l <"$B/articles.list" | tr -d ' ')
# shellcheck disable=SC2046
abytes=$(cat $(cat "$B/articles.list") | wc -c | tr -d ' ')
arr=$(runs 1K)
[ -t 2 ] && printf 'bench: per-article latency ...\r' >&2
# brief, ots and brief on empty input (the process start alone: exec,
# dynamic linking, reading nothing) take turns; ots: 3 rounds at most
awk '{ print "/dev/null" }' "$B/articles.list" >"$B/empty.list"
: >"$B/runs.brief"
: >"$B/runs.ots"
: >"$B/runs.empty"
: >"$B/runs.dyn"
: >"$B/runs.null"
"$T" -n 1 -l "$B/articles.list" -- "$BRIEF" '{}' >/dev/null   # warm-up
i=0
while [ $i -lt "$arr" ]; do
    "$T" -n 1 -l "$B/articles.list" -- "$BRIEF" '{}' >>"$B/runs.brief"
    "$T" -n 1 -l "$B/empty.list" -- "$BRIEF" '{}' >>"$B/runs.empty"
    "$T" -n 1 -l "$B/empty.list" -- "$B/nullprog" '{}' >>"$B/runs.null"
    [ -n "$DYN" ] &&
        "$T" -n 1 -l "$B/articles.list" -- "$DYN" '{}' >>"$B/runs.dyn"
    [ $have_ots = 1 ] && [ $i -lt 3 ] &&
        "$T" -n 1 -t 600 -l "$B/articles.list" -- ots '{}' >>"$B/runs.ots"
    i=$((i + 1))
done
lat_b=$(combine "$B/runs.brief")
lat_t=$(combine "$B/runs.empty")
lat_o=$(combined "$B/runs.ots")
lat_d=$(combined "$B/runs.dyn")
lat_n=$(combine "$B/runs.null")
[ -t 2 ] && printf '                              \r' >&2
echo "$lat_b|$lat_o|$lat_t|$lat_d|$lat_n" >"$B/latency.txt"
echo "Per-article latency: $nart articles of $art_from" \
     "($((abytes / nart)) bytes on average), one process each:"
echo
awk -F'|' -v n="$nart" '
{
    split($1, b, " "); split($2, o, " "); split($3, t, " "); split($4, d, " ")
    split($5, z, " ")
    print "| command | total ms | ms per article | CPU ms per article |"
    print "|---|---:|---:|---:|"
    printf "| brief | %.1f | %.2f | %.2f |\n", b[2], b[2] / n, b[6] / n
    if (d[1] == "ok")
        printf "| brief, dynamically linked | %.1f | %.2f | %.2f |\n", d[2],
            d[2] / n, d[6] / n
    if (o[1] == "ok")
        printf "| ots | %.1f | %.2f | %.2f |\n", o[2], o[2] / n, o[6] / n
    else
        printf "| ots | %s | - | - |\n", o[1] == "none" ? "not installed" : o[1]
    printf "| brief on empty input (process start) | %.1f | %.2f | %.2f |\n", t[2],
        t[2] / n, t[6] / n
    if (z[1] == "ok")
        printf "| a program that does nothing (this host) | %.1f | %.2f | %.2f |\n",
            z[2], z[2] / n, z[6] / n
    if (o[1] == "ok") {
        printf "\nots/brief per-article time: %.1fx (CPU time %.1fx", o[2] / b[2],
            o[6] / b[6]
        if (d[1] == "ok")
            printf "; dynamically linked brief %.1fx", o[2] / d[2]
        printf ")\n"
    }
    if (b[6] > t[6]) {
        printf "brief CPU time per article beyond its process start: %.2f ms\n",
            (b[6] - t[6]) / n
    }
}' "$B/latency.txt"

# ---- callgrind ----------------------------------------------------------------

echo
: >"$B/callgrind.txt"
ir_of() { # COMMAND...: instructions callgrind counts for it
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 \
        >/dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
if [ $have_vg = 1 ]; then
    for s in 100K 1M; do
        [ -f "$B/in$s.txt" ] || continue
        case " $SIZES " in *" $s "*) ;; *) continue ;; esac
        bytes=$(wc -c <"$B/in$s.txt" | tr -d ' ')
        ir=$(ir_of "$BRIEF" "$B/in$s.txt")
        wir=$(LC_ALL=$WC_LOCALE ir_of wc -w "$B/in$s.txt")
        if [ -n "$ir" ]; then
            echo "$s $bytes $ir ${wir:-0}" >>"$B/callgrind.txt"
            echo "$s $bytes $ir ${wir:-0}" | awk '{
                printf "callgrind %s: brief %d instructions, %.1f per input byte", $1, $3, $3 / $2
                if ($4 > 0) printf " (wc -w %.1f: brief/wc %.1fx)", $4 / $2, $3 / $4
                printf "\n" }'
        else
            echo "callgrind $s: no instruction count (valgrind failed)"
        fi
    done
    # the segmenter alone (issue 13: its instructions per byte may grow by
    # 10% at most over 0.1's, SEG_BASE per byte on this 1 MB text)
    if [ -f "$B/in1M.txt" ] && command -v callgrind_annotate >/dev/null &&
        valgrind --tool=callgrind --callgrind-out-file="$B/cg1M.out" \
            "$BRIEF" "$B/in1M.txt" >/dev/null 2>&1; then
        seg=$(callgrind_annotate --inclusive=yes "$B/cg1M.out" 2>/dev/null |
            sed -n 's/^ *\([0-9,]*\) .*brief__segment .*/\1/p' | tr -d , |
            head -n 1)
        bytes=$(wc -c <"$B/in1M.txt" | tr -d ' ')
        [ -n "$seg" ] && echo "$seg $bytes" >"$B/segment.txt" &&
            awk -v base="$SEG_BASE" '{
                printf "callgrind 1M: segmenter %d instructions, %.1f per input byte (0.1: %.1f)\n",
                    $1, $1 / $2, base }' "$B/segment.txt"
    fi
else
    echo "callgrind: skipped (valgrind not installed)"
fi

# ---- checks -------------------------------------------------------------------

# what the process takes before reading any input
base_rss=$("$T" -n 1 -- "$BRIEF" /dev/null | cut -d' ' -f4)

echo
echo "Targets:"
awk -v lat="$(cat "$B/latency.txt")" -v timeout="$OTS_TIMEOUT" \
    -v base="$base_rss" '
function verdict(ok) { return ok ? "PASS" : "FAIL" }
{ size[NR] = $1; bytes[NR] = $2; nom[NR] = $3; bms[NR] = $5
  brss[NR] = $7 * 1024; bcpu[NR] = $9; wms[NR] = $11; wcpu[NR] = $15
  ost[NR] = $16; oms[NR] = $17; ocpu[NR] = $21; idx[$1] = NR
  dst[NR] = $22; drss[NR] = $25 * 1024 }
END {
    if ("1M" in idx) {
        i = idx["1M"]
        if (ost[i] == "ok")
            printf "  %s  brief >= 100x ots throughput on 1 MB: %.0fx (%.1f ms vs %.1f ms; CPU time %.0fx)\n",
                verdict(oms[i] / bms[i] >= 100), oms[i] / bms[i], bms[i],
                oms[i], ocpu[i] / bcpu[i]
        else if (ost[i] == "timeout")
            printf "  %s  brief >= 100x ots throughput on 1 MB: >%.0fx (ots killed after %d s)\n",
                verdict(timeout * 1000 / bms[i] >= 100), timeout * 1000 / bms[i], timeout
        else
            print "  ----  brief >= 100x ots throughput on 1 MB: ots not measured"
    } else print "  ----  1 MB input not measured (BENCH_MAX)"
    split(lat, parts, "|"); split(parts[1], b, " "); split(parts[2], o, " ")
    split(parts[5], z, " ")
    if (o[1] == "ok") {
        printf "  %s  per-article latency >= 10x better than ots: %.1fx (CPU time %.1fx",
            verdict(o[2] / b[2] >= 10), o[2] / b[2], o[6] / b[6]
        # the most any program gets here: ots against a process doing nothing
        if (z[1] == "ok" && z[2] > 0)
            printf "; a program that does nothing: %.1fx", o[2] / z[2]
        printf ")\n"
    }
    else
        print "  ----  per-article latency vs ots: ots not measured"
    if ("10M" in idx) {
        i = idx["10M"]
        printf "  %s  10 MB in <= 4x the time of wc -w: %.1fx (%.1f ms vs %.1f ms; CPU time %.1fx)\n",
            verdict(bms[i] / wms[i] <= 4), bms[i] / wms[i], bms[i], wms[i],
            (wcpu[i] > 0 ? bcpu[i] / wcpu[i] : 0)
    } else print "  ----  10 MB input not measured (BENCH_MAX)"
    big = ""
    if ("100M" in idx) big = "100M"; else if ("10M" in idx) big = "10M"
    if ("1M" in idx && big != "") {
        i = idx["1M"]; j = idx[big]
        r = (bms[j] / bytes[j]) / (bms[i] / bytes[i])
        printf "  %s  time per byte flat from 1 MB to %s (<= 1.5x): %.2fx (CPU time %.2fx)\n",
            verdict(r <= 1.5), big == "100M" ? "100 MB" : "10 MB (BENCH_MAX)",
            r, (bcpu[j] / bytes[j]) / (bcpu[i] / bytes[i])
    } else print "  ----  time per byte: needs the 1 MB and a larger input"
    # RSS: judged from 1 MB up; below that the process itself (C runtime,
    # libc, the binary: brief on empty input) is over the 1 MB allowance
    bad = ""; small = ""; worst = 0; wsize = ""; nbig = 0
    for (i = 1; i <= NR; i++) {
        lim = 3 * bytes[i] + 1e6
        if (nom[i] >= 1e6) {
            nbig++
            if (brss[i] > lim) bad = bad " " size[i]
            r = (brss[i] - 1e6) / bytes[i]
            if (wsize == "" || r > worst) { worst = r; wsize = size[i] }
        } else if (brss[i] - base * 1024 > lim) small = small " " size[i]
    }
    if (nbig) {
        printf "  %s  peak RSS <= 3x input + 1 MB (1 MB and up): %s; at most %.2fx input + 1 MB (%s)\n",
            verdict(bad == ""), bad == "" ? "every size" : "over at" bad, worst, wsize
        # the same for the dynamically linked brief, for the record
        dbad = ""; dworst = 0; dsize = ""; nd = 0
        for (i = 1; i <= NR; i++) {
            if (nom[i] < 1e6 || dst[i] != "ok") continue
            nd++
            if (drss[i] > 3 * bytes[i] + 1e6) dbad = dbad " " size[i]
            r = (drss[i] - 1e6) / bytes[i]
            if (dsize == "" || r > dworst) { dworst = r; dsize = size[i] }
        }
        if (nd)
            printf "  (%s) dynamically linked brief, the same: %s; at most %.2fx input + 1 MB (%s)\n",
                dbad == "" ? "pass" : "fail", dbad == "" ? "every size" : "over at" dbad,
                dworst, dsize
    } else
        print "  ----  peak RSS: no input of 1 MB or more (BENCH_MAX)"
    printf "  %s  below 1 MB, RSS beyond the %.1f MB of brief on empty input <= 3x input + 1 MB%s\n",
        verdict(small == ""), base * 1024 / 1e6, small == "" ? "" : ": over at" small
}' "$RES"
if [ -s "$B/segment.txt" ]; then
    awk -v base="$SEG_BASE" '{ r = $1 / $2 / base
        printf "  %s  segmenter instructions per byte <= 1.1x 0.1%s: %.2fx (%.1f vs %.1f)\n",
            r <= 1.1 ? "PASS" : "FAIL", "'"'"'s", r, $1 / $2, base }' "$B/segment.txt"
fi
if [ -s "$HRES" ]; then
    awk 'NR == 1 { first = $1; fr = $6 * 1024 / $2 }
    { if ($3 != "ok") { bad = 1; next }
      r = ($4 / $2) / ($10 / $9); if (r > worst) { worst = r; ws = $1 }
      last = $1; lr = $6 * 1024 / $2 }
    END {
        if (bad) { print "  FAIL  HTML input: brief failed"; exit }
        printf "  %s  HTML time per byte <= 2x plain text: at most %.2fx (%s)\n",
            worst <= 2 ? "PASS" : "FAIL", worst, ws
        if (last != first)
            printf "  %s  HTML memory linear (RSS per byte at %s <= 1.5x at %s): %.2f vs %.2f bytes per input byte\n",
                lr <= 1.5 * fr ? "PASS" : "FAIL", last, first, lr, fr
        else
            print "  ----  HTML memory: needs the 1 MB and a larger input"
    }' "$HRES"
fi

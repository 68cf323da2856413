#!/bin/sh
# amalgamate.sh - the single-file drop-in: OUTDIR/brief.c and OUTDIR/brief.h.
#
#   sh tools/amalgamate.sh OUTDIR src/arena.c src/normalize.c ...
#
# (`make amalgamation` passes the library sources, LIB_SRC, in build order.)
# brief.h is include/brief.h unchanged. brief.c is every library source in
# the order given, as one translation unit that compiles on its own with
# `cc -std=c99 -c brief.c` (next to brief.h), the compile-time switches
# (BRIEF_NO_LANGS, ...) working as in the normal build:
#  - the project's own headers (src/*.h) and data tables (src/*.inc) are
#    inlined where they are first included and dropped after (they all
#    have include guards or are included once); "brief.h" stays an
#    #include;
#  - names with internal linkage (static functions and objects, typedefs,
#    struct/union/enum tags, enum constants) that two sources both define,
#    or that a later source uses for something else (which -Wshadow would
#    report), are renamed per file with "#define NAME file__NAME" before
#    the file and "#undef NAME" after it, so each file keeps its own;
#  - every macro a source #defines is #undef'd after it, so it cannot leak
#    into the next file;
#  - #line directives keep compiler messages pointing at the real files.
# The result is checked by `make check-amalg` (tests/amalg.sh).
set -e
LC_ALL=C
export LC_ALL
if [ $# -lt 2 ]; then
    echo "usage: sh tools/amalgamate.sh OUTDIR SOURCE.c..." >&2
    exit 2
fi
out=$1
shift
mkdir -p "$out"
tmp="$out/.amalg.$$"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM

# ---- 1. file-scope names with internal linkage, one "FILE NAME" a line -----
# A small C scanner in awk: comments, string and character literals and
# preprocessor lines are blanked, then the tokens at brace depth 0 are read
# as declarations. It knows enough C for this code base; anything it misses
# shows up as a compile error in tests/amalg.sh.
names_of() {
    awk -v file="$1" '
    function emit(n) { if (n != "" && !(n in seen)) { seen[n] = 1; print file, n } }
    function isid(t) { return t ~ /^[A-Za-z_][A-Za-z0-9_]*$/ }
    # the declarator name of tokens d[a..b] (depth-0 tokens of one declarator)
    function declname(a, b,    k, last) {
        for (k = a; k < b; k++)
            if (d[k] == "(") {
                if (d[k + 1] == "*" && isid(d[k + 2])) return d[k + 2]
                break
            }
        last = ""
        for (k = a; k <= b; k++) {
            if (d[k] == "(" || d[k] == "[" || d[k] == "=") return last
            if (isid(d[k]) && !(d[k] in kw)) last = d[k]
        }
        return last
    }
    function finish(    k, a, is_static, is_typedef, p) {
        is_static = 0; is_typedef = 0
        for (k = 1; k <= nd; k++) {
            if (d[k] == "static") is_static = 1
            if (d[k] == "typedef") is_typedef = 1
        }
        if (is_static || is_typedef) {
            a = 1; p = 0
            for (k = 1; k <= nd; k++) {
                if (d[k] == "(") p++
                else if (d[k] == ")") p--
                else if (d[k] == "," && p == 0) { emit(declname(a, k - 1)); a = k + 1 }
            }
            emit(declname(a, nd))
        }
        nd = 0
    }
    function token(t,    k) {
        if (depth > 0) {
            if (t == "{") { depth++; return }
            if (t == "}") {
                depth--
                if (depth == 0) {
                    if (body == "func") { nd = 0 } else { d[++nd] = "}" }
                    body = ""
                }
                return
            }
            if (body == "enum" && depth == 1) {
                if (t == "(") ep++
                else if (t == ")") ep--
                else if (ep == 0 && isid(t) && (prev == "{" || prev == ",")) emit(t)
            }
            prev = t
            return
        }
        if (t == "{") {
            body = "init"
            if (nd > 0 && d[nd] == ")") {
                body = "func"
                is_static = 0
                for (k = 1; k <= nd; k++) if (d[k] == "static") is_static = 1
                if (is_static) emit(declname(1, nd))
            } else if (nd > 0 && (d[nd] == "enum" || (nd > 1 && d[nd - 1] == "enum"))) {
                body = "enum"; ep = 0
                if (d[nd] != "enum") emit(d[nd])
            } else if (nd > 1 && (d[nd - 1] == "struct" || d[nd - 1] == "union")) {
                body = "tag"
                emit(d[nd])
            } else if (nd > 0 && (d[nd] == "struct" || d[nd] == "union")) {
                body = "tag"
            }
            if (body != "func") d[++nd] = "{"
            depth = 1; prev = "{"
            return
        }
        if (t == ";") { finish(); return }
        d[++nd] = t
    }
    BEGIN {
        split("auto break case char const continue default do double else enum " \
              "extern float for goto if inline int long register restrict return " \
              "short signed sizeof static struct switch typedef union unsigned " \
              "void volatile while size_t", w, " ")
        for (k in w) kw[w[k]] = 1
        incomment = 0; inpp = 0; depth = 0; nd = 0
    }
    {
        line = $0; clean = ""
        if (inpp) { inpp = (line ~ /\\$/); next }
        if (!incomment && line ~ /^[ \t]*#/) { inpp = (line ~ /\\$/); next }
        n = length(line); i = 1
        while (i <= n) {
            c = substr(line, i, 1)
            if (incomment) {
                if (c == "*" && substr(line, i + 1, 1) == "/") { incomment = 0; i += 2; clean = clean " " }
                else i++
                continue
            }
            if (c == "/" && substr(line, i + 1, 1) == "*") { incomment = 1; i += 2; continue }
            if (c == "/" && substr(line, i + 1, 1) == "/") break
            if (c == "\"" || c == "\047") {
                q = c; i++
                while (i <= n) {
                    c = substr(line, i, 1)
                    if (c == "\\") { i += 2; continue }
                    i++
                    if (c == q) break
                }
                clean = clean " 0 "
                continue
            }
            clean = clean c
            i++
        }
        gsub(/[^A-Za-z0-9_]/, " & ", clean)
        m = split(clean, tok, /[ \t]+/)
        for (k = 1; k <= m; k++) if (tok[k] != "") token(tok[k])
    }' "$1"
}

i=0
for f in "$@"; do
    i=$((i + 1))
    names_of "$f"
    # every identifier of the file (raw: comments included, which only
    # makes the renaming below more careful) and those used as members
    tr -c 'A-Za-z0-9_' '\n' < "$f" | grep '^[A-Za-z_]' | sort -u |
        sed "s|^|$f |" >> "$tmp/idents"
    sed 's/->/ . /g' "$f" | grep -o '\.[[:blank:]]*[A-Za-z_][A-Za-z0-9_]*' |
        sed 's/^\.[[:blank:]]*//' | sort -u | sed "s|^|$f |" >> "$tmp/members"
    echo "$f $i" >> "$tmp/order"
done > "$tmp/names"
: >> "$tmp/members"

# Which names to rename, and where ("FILE NAME": #define NAME base__NAME
# around FILE):
#  - a name two files define: in each of them;
#  - a name one file F defines that a later file G also uses (a parameter
#    or local of the same name would shadow it, -Wshadow): in F, unless F
#    uses the name as a struct member too (the macro would rename that),
#    else in each such G that does not use it as a member.
awk '
    FILENAME ~ /order$/   { ord[$1] = $2; next }
    FILENAME ~ /members$/ { mem[$1 SUBSEP $2] = 1; next }
    FILENAME ~ /names$/   { ndef[$2]++; def[$2] = $1; isdef[$1 SUBSEP $2] = 1; next }
    { use[++nuse] = $1 SUBSEP $2 }
    END {
        for (k = 1; k <= nuse; k++) {
            split(use[k], fn, SUBSEP); g = fn[1]; n = fn[2]
            if (!(n in ndef)) continue
            if (ndef[n] > 1) {
                if (isdef[g SUBSEP n]) out[g SUBSEP n] = 1
                continue
            }
            f = def[n]
            if (ord[g] <= ord[f]) continue
            if (!((f SUBSEP n) in mem)) out[f SUBSEP n] = 1
            else if (!((g SUBSEP n) in mem)) out[g SUBSEP n] = 1
        }
        for (k in out) { split(k, fn, SUBSEP); print fn[1], fn[2] }
    }
' "$tmp/order" "$tmp/members" "$tmp/names" "$tmp/idents" | sort > "$tmp/rename"

# ---- 2. brief.h -----------------------------------------------------------
cp include/brief.h "$out/brief.h"

# ---- 3. brief.c -----------------------------------------------------------
{
    echo "/*"
    echo " * brief.c - brief $(sed -n 's/^#define BRIEF_VERSION "\(.*\)"/\1/p' include/brief.h), the whole library in one file (generated by"
    echo " * tools/amalgamate.sh from the sources in src/; do not edit)."
    echo " *"
    echo " * Build: cc -std=c99 -O2 -c brief.c   (brief.h beside it); no libm needed."
    echo " * Compile-time switches as in the normal build: -DBRIEF_NO_LANGS,"
    echo " * -DBRIEF_NO_HTML, -DBRIEF_NO_MARKDOWN, -DBRIEF_NO_RENDER_RICH,"
    echo " * -DBRIEF_NO_MALLOC. See brief.h for the API."
    echo " */"
    for f in "$@"; do
        base=$(basename "$f" .c)
        echo ""
        echo "/* ==== $f ==== */"
        # renames for this file's names
        awk -v file="$f" -v base="$base" '
            $1 == file { print "#define " $2 " " base "__" $2 }
        ' "$tmp/rename"
        echo "#line 1 \"$f\""
        # the source, project headers inlined (once each), macros collected
        awk -v file="$f" -v dir="$(dirname "$f")" -v done_list="$tmp/inlined" '
            BEGIN {
                while ((getline l < done_list) > 0) inlined[l] = 1
                close(done_list)
            }
            /^[ \t]*#[ \t]*include[ \t]*"[^"]*"/ {
                h = $0
                sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", h)
                sub(/".*/, "", h)
                if (h == "brief.h") { print; next }
                path = dir "/" h
                if ((getline l < path) <= 0) {
                    print "amalgamate: " file ":" FNR ": cannot find " h > "/dev/stderr"
                    exit 1
                }
                if (!(path in inlined)) {
                    inlined[path] = 1
                    print path >> done_list
                    close(done_list)
                    print "/* ---- " path " (inlined) ---- */"
                    print "#line 1 \"" path "\""
                    print l
                    while ((getline l < path) > 0) {
                        if (l ~ /^[ \t]*#[ \t]*include[ \t]*"brief.h"/ || \
                            l !~ /^[ \t]*#[ \t]*include[ \t]*"/) { print l; continue }
                        print "amalgamate: " path ": nested project include " l > "/dev/stderr"
                        exit 1
                    }
                    print "/* ---- end of " path " ---- */"
                } else {
                    print "/* " h " was inlined above */"
                }
                close(path)
                print "#line " (FNR + 1) " \"" file "\""
                next
            }
            { print }
        ' "$f"
        # undo this file's macros and renames
        sed -n 's/^[[:blank:]]*#[[:blank:]]*define[[:blank:]][[:blank:]]*\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p' "$f" |
            sort -u | sed 's/^/#undef /'
        awk -v file="$f" '$1 == file { print "#undef " $2 }' "$tmp/rename"
    done
} > "$tmp/brief.c"
mv "$tmp/brief.c" "$out/brief.c"

n=$(wc -l < "$tmp/rename" | tr -d ' ')
echo "amalgamate: $out/brief.c ($# files, $(wc -l < "$out/brief.c" | tr -d ' ') lines, $n file-local renames), $out/brief.h"

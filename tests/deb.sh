#!/bin/sh
# deb.sh - `make check-deb` (after `make deb`; as root, on Debian):
#  - lintian on every package in build/deb: no error (E:); warnings shown
#  - the amd64 brief and libbrief-dev installed with dpkg -i: brief runs,
#    `man -w brief` finds the manual page, a program built with
#    `pkg-config --cflags --libs brief` against the installed library runs
#  - both removed with dpkg -r and purged: every file dpkg -L listed is gone
# Prints "N passed, N failed" (the suite line tests/run.sh reads).
VERSION=$(sed -n 's/^#define BRIEF_VERSION "\(.*\)"/\1/p' include/brief.h)-1
DEB=build/deb
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
T=${TMPDIR:-/tmp}/brief-deb.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

if [ "$(id -u)" -ne 0 ]; then
    echo "check-deb: skipped (dpkg -i needs root)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi

if command -v lintian > /dev/null; then
    for d in "$DEB"/*.deb; do
        lintian --allow-root "$d" > "$T/lintian" 2>&1
        if grep -q '^E:' "$T/lintian"; then
            bad "lintian errors in $d:"; grep '^E:' "$T/lintian"
        else
            ok "lintian: no error in $(basename "$d")"
        fi
        grep '^W:' "$T/lintian" | sed 's/^/  /'
    done
else
    bad "lintian not installed (apt-get install lintian)"
fi

brief_deb=$DEB/brief_${VERSION}_amd64.deb
dev_deb=$DEB/libbrief-dev_${VERSION}_amd64.deb
for f in "$brief_deb" "$dev_deb"; do
    [ -f "$f" ] || { bad "$f missing (make deb)"; echo "$pass passed, $fail failed"; exit 1; }
done
if dpkg -s brief > /dev/null 2>&1 || dpkg -s libbrief-dev > /dev/null 2>&1; then
    bad "brief or libbrief-dev is installed already: not touching it"
    echo "$pass passed, $fail failed"; exit 1
fi
if dpkg -i "$brief_deb" "$dev_deb" > "$T/dpkg" 2>&1; then
    ok "dpkg -i brief libbrief-dev"
else
    bad "dpkg -i:"; cat "$T/dpkg"
fi
dpkg -L brief libbrief-dev | sort -u > "$T/files"

out=$(/usr/bin/brief -n 1 tests/data/article.txt 2>&1)
if [ -n "$out" ] && [ "$out" = "$(./brief -n 1 tests/data/article.txt 2>&1)" ]; then
    ok "installed brief gives the brief of the built one"
else
    bad "installed brief: $out"
fi
m=$(man -w brief 2>&1)
case $m in
/usr/share/man/man1/brief.1.gz) ok "man -w brief: $m" ;;
*) bad "man -w brief: $m" ;;
esac
if man brief 2> /dev/null | grep -q 'brief'; then ok "man brief renders"; else bad "man brief renders nothing"; fi

cat > "$T/app.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <brief.h>
int main(void)
{
    static const char t[] = "The council met on Tuesday. It voted for the solar farm. "
                            "The farm will power the town.";
    brief_result *r;
    if (brief_summarize(t, strlen(t), NULL, &r) != BRIEF_OK)
        return 1;
    printf("%lu sentences, %lu chosen\n", (unsigned long)r->sentence_count,
           (unsigned long)r->chosen_count);
    brief_result_free(r);
    return 0;
}
C
# shellcheck disable=SC2046
if cc -o "$T/app" "$T/app.c" $(pkg-config --cflags --libs brief) 2> "$T/cc" &&
   out=$("$T/app") && [ "$out" = "3 sentences, 3 chosen" ]; then
    ok "pkg-config build against the installed library runs: $out"
    # (/lib is /usr/lib on a merged-/usr system)
    if ldd "$T/app" | grep -Eq 'libbrief\.so\.0 => (/usr)?/lib/x86_64-linux-gnu/libbrief\.so\.0 '; then
        ok "it uses the installed libbrief.so.0"
    else
        bad "it does not use the installed libbrief.so.0:"; ldd "$T/app"
    fi
else
    bad "pkg-config build: $(cat "$T/cc") ${out:-}"
fi

if dpkg -r brief libbrief-dev > "$T/dpkg" 2>&1 && dpkg -P brief libbrief-dev >> "$T/dpkg" 2>&1; then
    ok "dpkg -r and -P"
else
    bad "dpkg -r/-P:"; cat "$T/dpkg"
fi
left=0
while read -r f; do
    case $f in
    /.|/usr|/usr/bin|/usr/include|/usr/lib|/usr/lib/x86_64-linux-gnu|/usr/lib/x86_64-linux-gnu/pkgconfig|/usr/share|/usr/share/doc|/usr/share/man|/usr/share/man/man1) continue ;;
    esac
    if [ -e "$f" ] || [ -L "$f" ]; then left=$((left + 1)); echo "  left: $f"; fi
done < "$T/files"
if [ "$left" -eq 0 ] && [ -s "$T/files" ]; then
    ok "nothing of the $(wc -l < "$T/files") paths dpkg -L listed is left"
else
    bad "$left paths left after removal"
fi
if dpkg -s brief > /dev/null 2>&1; then bad "dpkg still knows brief"; else ok "dpkg forgot brief"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

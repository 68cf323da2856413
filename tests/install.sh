#!/bin/sh
# shellcheck disable=SC2015,SC2046 # ok() never fails; pkg-config output is a word list
# install.sh - `make check-install`: `make install` into a scratch DESTDIR
# puts every file in place, a program compiled against the installed copy
# through pkg-config builds and runs (shared and static), the man page
# documents every option of `brief --help`, and `make uninstall` leaves no
# file behind. Last line "install: N passed, N failed", with ", 1 skipped"
# when pkg-config is missing (the program build is not tried then).
#   MAKE  the make to run (default make)
MAKE=${MAKE:-make}
T=${TMPDIR:-/tmp}/brief-install.$$
D=$T/dest
P=/usr
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0; fail=0; skipped=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

version=$(sed -n 's/^#define BRIEF_VERSION "\(.*\)"/\1/p' include/brief.h)

if $MAKE --no-print-directory install DESTDIR="$D" PREFIX=$P > "$T/log" 2>&1
then ok; else bad "make install"; tail -20 "$T/log"; fi

for f in bin/brief lib/libbrief.a "lib/libbrief.so.$version" \
         include/brief.h lib/pkgconfig/brief.pc share/man/man1/brief.1; do
    [ -f "$D$P/$f" ] && ok || bad "not installed: $P/$f"
done
for l in lib/libbrief.so.0 lib/libbrief.so; do
    [ -L "$D$P/$l" ] && [ -f "$D$P/$l" ] && ok || bad "no working symlink $P/$l"
done
[ -x "$D$P/bin/brief" ] && ok || bad "bin/brief not executable"
soname=$(objdump -p "$D$P/lib/libbrief.so.$version" 2>/dev/null | awk '$1 == "SONAME" {print $2}')
[ "$soname" = libbrief.so.0 ] && ok || bad "soname is '$soname', want libbrief.so.0"
# only the public API is exported from the shared library
if nm -D --defined-only "$D$P/lib/libbrief.so.$version" 2>/dev/null |
       awk '{print $3}' | grep -v '^brief_[a-z]' | grep -q .; then
    bad "libbrief.so exports more than brief_*:"
    nm -D --defined-only "$D$P/lib/libbrief.so.$version" | grep -v ' brief_[a-z]' | head -5
else ok; fi
"$D$P/bin/brief" -V | grep -q "^brief $version" && ok || bad "installed brief -V"
grep -q "^prefix=$P\$" "$D$P/lib/pkgconfig/brief.pc" && ok || bad "brief.pc prefix"

# a program built against the installed copy with pkg-config
cat > "$T/hello.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <brief.h>

static int out(void *ctx, const char *s, size_t n)
{
    return fwrite(s, 1, n, (FILE *)ctx) == n ? 0 : 1;
}

int main(void)
{
    static const char text[] =
        "The harbour lighthouse now runs on solar power. Forty panels "
        "charge its batteries. The council says the lamp can burn for "
        "five days without sun. Visitors may tour the cottage on weekends.";
    brief_options o;
    brief_result *r;
    brief_options_init(&o);
    o.max_sentences = 1;
    if (strcmp(brief_version(), BRIEF_VERSION) != 0)
        return 1;
    if (brief_summarize(text, sizeof text - 1, &o, &r) != BRIEF_OK)
        return 1;
    if (brief_render(r, BRIEF_FORMAT_TEXT, out, stdout) != BRIEF_OK)
        return 1;
    brief_result_free(r);
    return 0;
}
EOF
if command -v pkg-config > /dev/null 2>&1; then
    PKG="env PKG_CONFIG_PATH=$D$P/lib/pkgconfig PKG_CONFIG_LIBDIR=$D$P/lib/pkgconfig pkg-config --define-prefix"
    [ "$($PKG --modversion brief)" = "$version" ] && ok || bad "pkg-config --modversion"
    cflags=$($PKG --cflags brief)
    libs=$($PKG --libs brief)
    slibs=$($PKG --static --libs brief)
    case "$cflags $libs" in *"$D"*) ok ;; *) bad "pkg-config paths not relocated: $cflags $libs" ;; esac
    # shellcheck disable=SC2086 # word lists from pkg-config
    if ${CC:-cc} -std=c99 -Wall -Wextra -pedantic $cflags -o "$T/hello" "$T/hello.c" $libs \
         2> "$T/cc.log"; then ok; else bad "cc against the installed library"; cat "$T/cc.log"; fi
    LD_LIBRARY_PATH="$D$P/lib" "$T/hello" > "$T/hello.out" 2>&1 && [ -s "$T/hello.out" ] &&
        ok || { bad "program linked to libbrief.so"; cat "$T/hello.out"; }
    LD_LIBRARY_PATH="$D$P/lib" ldd "$T/hello" 2>/dev/null | grep -q "libbrief.so.0 => $D" && ok ||
        bad "the program does not use the installed libbrief.so.0"
    # static: the archive and Libs.private
    # shellcheck disable=SC2086
    if ${CC:-cc} -std=c99 $cflags -o "$T/hello-static" "$T/hello.c" \
         "$D$P/lib/libbrief.a" $(echo "$slibs" | sed 's/-lbrief//') 2> "$T/cc.log"; then ok
    else bad "cc against the installed libbrief.a"; cat "$T/cc.log"; fi
    "$T/hello-static" > "$T/hello-static.out" 2>&1 &&
        cmp -s "$T/hello.out" "$T/hello-static.out" && ok || bad "static program output"
else
    skipped=1
    echo "install: pkg-config not found, program build skipped"
fi

# the man page documents every long option of brief --help, and the version
for opt in $(./brief --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$(echo "$opt" | sed 's/-/\\\\-/g')" "$D$P/share/man/man1/brief.1" && ok ||
        bad "brief.1 does not document $opt"
done
# the shell completions are installed and offer every long option
for f in share/bash-completion/completions/brief share/zsh/site-functions/_brief; do
    [ -f "$D$P/$f" ] && ok || bad "not installed: $P/$f"
    for opt in $(./brief --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -q -- "$opt" "$D$P/$f" && ok || bad "$f lacks $opt"
    done
done
if command -v bash > /dev/null; then
    out=$(bash -c ". '$D$P/share/bash-completion/completions/brief'
        COMP_WORDS=(brief --keyw); COMP_CWORD=1; _brief; echo \"\${COMPREPLY[*]}\"")
    [ "$out" = "--keywords --keywords-only" ] && ok || bad "bash completion of --keyw: '$out'"
    out=$(bash -c ". '$D$P/share/bash-completion/completions/brief'
        COMP_WORDS=(brief -f j); COMP_CWORD=2; _brief; echo \"\${COMPREPLY[*]}\"")
    [ "$out" = "json" ] && ok || bad "bash completion of -f j: '$out'"
fi
if command -v zsh > /dev/null; then
    zsh -n "$D$P/share/zsh/site-functions/_brief" && ok || bad "_brief: zsh syntax"
fi
grep -q "\"brief $version\"" "$D$P/share/man/man1/brief.1" && ok ||
    bad "brief.1 is not for version $version"

if $MAKE --no-print-directory uninstall DESTDIR="$D" PREFIX=$P > "$T/log" 2>&1
then ok; else bad "make uninstall"; tail -20 "$T/log"; fi
left=$(find "$D" ! -type d | sed "s|^$D||")
[ -z "$left" ] && ok || bad "left after uninstall: $left"

if [ "$skipped" -gt 0 ]; then
    echo "install: $pass passed, $fail failed, $skipped skipped"
else
    echo "install: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]

#!/bin/sh
# deb.sh - `make deb`: Debian packages of brief for one architecture.
#
#   sh tools/deb.sh ARCH CC [CFLAGS]
#
# ARCH   the Debian architecture (amd64, armhf, arm64, armel)
# CC     the C compiler for ARCH (gcc, arm-linux-gnueabihf-gcc, ...): the
#        command and the libraries are built with it here, in
#        build/deb/ARCH/obj (PIC objects, shared by all three)
# CFLAGS default -O2 (armel: the ARMv6 flags of tools/variants.mk)
#
# Debian wants the command linked dynamically with libc (lintian's
# statically-linked-binary is an error), so brief is libbrief.a's code
# linked into a dynamic executable, and both packages depend on
# libc6 (>= the newest GLIBC_x.y version their binary references, read
# with objdump -T): what dpkg-shlibdeps computes from libc6's symbols
# file, which needs a debian/ source tree.
#
# Writes build/deb/brief_VERSION_ARCH.deb (the command, the manual page
# src/brief.1 gzipped, copyright, changelog.Debian.gz) and
# build/deb/libbrief-dev_VERSION_ARCH.deb (brief.h, libbrief.a,
# libbrief.so*, brief.pc in the multiarch library directory). VERSION is
# the Debian version: BRIEF_VERSION of include/brief.h, revision -1.
# libbrief-dev's Depends is computed from the shared library's dynamic
# symbols (see above). The environment passes LIB_SRC and CLI_SRC (the
# sources, from the Makefile) and may set MAINTAINER.
set -eu
ARCH=$1
CC=$2
CFLAGS=${3:--O2}
MAINTAINER=${MAINTAINER:-brief maintainers <maintainers@users.noreply.r-seed-d0e432d5.example>}
: "${LIB_SRC:?LIB_SRC (the library sources) must be set}"
: "${CLI_SRC:?CLI_SRC (the command's sources) must be set}"

UPSTREAM=$(sed -n 's/^#define BRIEF_VERSION "\(.*\)"/\1/p' include/brief.h)
VERSION=$UPSTREAM-1
case $ARCH in
amd64) MA=x86_64-linux-gnu ;;
armhf) MA=arm-linux-gnueabihf ;;
arm64) MA=aarch64-linux-gnu ;;
armel) MA=arm-linux-gnueabi ;;
riscv64) MA=riscv64-linux-gnu ;;
*) echo "deb: unknown architecture $ARCH"; exit 2 ;;
esac
case $CC in
*-gcc) T=${CC%gcc} ;;
*) T= ;;
esac
OBJDUMP=${T}objdump AR=${T}ar STRIP=${T}strip

B=build/deb/$ARCH
rm -rf "$B"
mkdir -p "$B/obj"
WARN="-std=c99 -Wall -Wextra -pedantic -Wshadow -Wconversion -Wmissing-prototypes -Wstrict-prototypes -Wcast-qual -Wundef -Wvla -ffp-contract=off"

# ---- the library for ARCH: PIC objects, shared and static ------------------
objs=
for f in $LIB_SRC; do
    o=$B/obj/$(basename "$f" .c).o
    # shellcheck disable=SC2086
    $CC $WARN -Iinclude -Isrc $CFLAGS -fPIC -c -o "$o" "$f"
    objs="$objs $o"
done
printf '{\n  global: brief_[!_]*;\n  local: *;\n};\n' > "$B/brief.map"
# shellcheck disable=SC2086
$CC $CFLAGS -shared -Wl,-soname,libbrief.so.0 -Wl,--version-script,"$B/brief.map" \
    -Wl,-z,relro -Wl,-z,now -o "$B/libbrief.so.$UPSTREAM" $objs
# shellcheck disable=SC2086
$AR rcD "$B/libbrief.a" $objs
cobjs=
for f in $CLI_SRC; do
    o=$B/obj/$(basename "$f" .c).o
    # shellcheck disable=SC2086
    $CC $WARN -Iinclude -Isrc $CFLAGS -fPIC -c -o "$o" "$f"
    cobjs="$cobjs $o"
done
# shellcheck disable=SC2086
$CC $CFLAGS -pie -Wl,-z,relro -Wl,-z,now -o "$B/brief.bin" $cobjs "$B/libbrief.a"
# Debian ships binaries stripped of debug data and notes
$STRIP --remove-section=.comment --remove-section=.note "$B/brief.bin"
$STRIP --remove-section=.comment --remove-section=.note --strip-unneeded \
    "$B/libbrief.so.$UPSTREAM"
$STRIP --strip-debug --enable-deterministic-archives "$B/libbrief.a"

# libc6 (>= x.y) for the binary FILE: its newest GLIBC_x.y symbol version
libc_dep() {
    v=$($OBJDUMP -T "$1" | sed -n 's/.*GLIBC_\([0-9][0-9.]*\).*/\1/p' |
        sort -u -t. -k1,1n -k2,2n -k3,3n | tail -n 1)
    [ -n "$v" ] || { echo "deb: no GLIBC_ version in $1" >&2; exit 1; }
    echo "libc6 (>= $v)"
}

# ---- common pieces ----------------------------------------------------------
changelog() { # PKG: the Debian changelog, gzipped as policy wants
    d=$1/usr/share/doc/$2
    mkdir -p "$d"
    {
        echo "$2 ($VERSION) unstable; urgency=medium"
        echo
        echo "  * Package of brief $UPSTREAM, built by make deb."
        echo
        echo " -- $MAINTAINER  $(date -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")"
    } > "$d/changelog.Debian"
    gzip -9n "$d/changelog.Debian"
    {
        echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
        echo "Upstream-Name: brief"
        echo
        echo "Files: *"
        echo "Copyright: 2026 the brief authors"
        echo "License: Expat"
        sed -n '/^Permission/,$p' LICENSE | sed 's/^$/./; s/^/ /'
    } > "$d/copyright"
    chmod 644 "$d/copyright" "$d/changelog.Debian.gz"
}

control() { # ROOT PKG SECTION DEPENDS SHORT LONG...
    root=$1 pkg=$2 section=$3 depends=$4 short=$5
    shift 5
    mkdir -p "$root/DEBIAN"
    size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
    {
        echo "Package: $pkg"
        echo "Version: $VERSION"
        echo "Architecture: $ARCH"
        echo "Maintainer: $MAINTAINER"
        echo "Installed-Size: $size"
        [ -n "$depends" ] && echo "Depends: $depends"
        echo "Section: $section"
        echo "Priority: optional"
        echo "Description: $short"
        for l in "$@"; do
            if [ "$l" = . ]; then echo " ."; else echo " $l"; fi
        done
    } > "$root/DEBIAN/control"
    # md5sums of every file, as dpkg-deb does not write them
    (cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' |
        sort | xargs md5sum) > "$root/DEBIAN/md5sums"
    chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
}

# ---- brief: the command -----------------------------------------------------
R=$B/brief
mkdir -p "$R/usr/bin" "$R/usr/share/man/man1"
cp "$B/brief.bin" "$R/usr/bin/brief"
chmod 755 "$R/usr/bin/brief"
gzip -9n < src/brief.1 > "$R/usr/share/man/man1/brief.1.gz"
chmod 644 "$R/usr/share/man/man1/brief.1.gz"
if [ -f tools/brief.bash-completion ]; then
    mkdir -p "$R/usr/share/bash-completion/completions"
    cp tools/brief.bash-completion "$R/usr/share/bash-completion/completions/brief"
    chmod 644 "$R/usr/share/bash-completion/completions/brief"
fi
changelog "$R" brief
control "$R" brief text "$(libc_dep "$B/brief.bin")" \
    "offline extractive summarizer for articles and web pages" \
    "brief picks the most central sentences of a news article, a web page" \
    "(HTML) or a Markdown document, in one of nine languages, and prints" \
    "them as text, JSON, TSV or HTML. It works offline, needs no model and" \
    "no network, and gives the same output on every architecture." \
    . \
    "This package holds the command."

# ---- libbrief-dev: header, libraries, pkg-config ----------------------------
R=$B/libbrief-dev
L=$R/usr/lib/$MA
mkdir -p "$L/pkgconfig" "$R/usr/include"
cp include/brief.h "$R/usr/include/brief.h"
cp "$B/libbrief.a" "$L/libbrief.a"
cp "$B/libbrief.so.$UPSTREAM" "$L/libbrief.so.$UPSTREAM"
ln -sf "libbrief.so.$UPSTREAM" "$L/libbrief.so.0"
ln -sf libbrief.so.0 "$L/libbrief.so"
chmod 644 "$R/usr/include/brief.h" "$L/libbrief.a" "$L/libbrief.so.$UPSTREAM"
sed -e 's|@PREFIX@|/usr|g' -e "s|@LIBDIR@|\${prefix}/lib/$MA|g" \
    -e 's|@INCLUDEDIR@|${prefix}/include|g' -e "s|@VERSION@|$UPSTREAM|g" \
    tools/brief.pc.in > "$L/pkgconfig/brief.pc"
chmod 644 "$L/pkgconfig/brief.pc"
changelog "$R" libbrief-dev
control "$R" libbrief-dev libdevel "$(libc_dep "$L/libbrief.so.$UPSTREAM")" \
    "offline extractive summarizer library (development files)" \
    "libbrief picks the most central sentences of a news article, a web" \
    "page (HTML) or a Markdown document, in one of nine languages. It is C99" \
    "with nothing but libc, takes all its memory from one arena (the" \
    "caller's allocator or a fixed buffer) and keeps no global state." \
    . \
    "This package holds the header, the static and the shared library and" \
    "the pkg-config file."
# the shared library: ldconfig runs when it comes and goes, and the shlibs
# file tells dpkg-shlibdeps of programs linked with it what to depend on
printf 'activate-noawait ldconfig\n' > "$R/DEBIAN/triggers"
printf 'libbrief 0 libbrief-dev (>= %s)\n' "$VERSION" > "$R/DEBIAN/shlibs"
chmod 644 "$R/DEBIAN/triggers" "$R/DEBIAN/shlibs"

for p in brief libbrief-dev; do
    dpkg-deb --build --root-owner-group -Zxz "$B/$p" "build/deb/${p}_${VERSION}_$ARCH.deb" > /dev/null
    echo "deb: build/deb/${p}_${VERSION}_$ARCH.deb"
done

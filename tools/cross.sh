#!/bin/sh
# cross.sh - part of `make check-cross`: brief's output on every doc of
# $SHARED/corpora is byte-identical on x86_64 (./brief), aarch64, armhf,
# riscv64 (build/aarch64/brief, build/armhf/brief, build/riscv64/brief under
# qemu-user) and ARMv6 (the static build/armv6-static/brief on qemu's
# arm1176, the Raspberry Pi 1/Zero CPU), and on the static musl build
# (build/static/brief) when it has been built. Two runs
# per binary: default options, and -f json -k 5 (scores and keyword
# weights printed to six decimals, so floating point must agree).
#
# Many files go to one invocation (brief prints "==> FILE <==" before
# each in text, a "file" member on each JSON line), so qemu starts a few
# dozen times, not thousands.
# Prints "cross: N docs identical on x86_64, ..., riscv64" or the first
# difference; without $SHARED/corpora it prints one line and exits 0.
#   SHARED        default ../shared
#   QEMU_ARMHF    default "qemu-arm -L /usr/arm-linux-gnueabihf"
#   QEMU_AARCH64  default "qemu-aarch64 -L /usr/aarch64-linux-gnu"
#   QEMU_ARMV6    default "qemu-arm -cpu arm1176 -L /usr/arm-linux-gnueabi"
#   QEMU_RISCV64  default "qemu-riscv64 -L /usr/riscv64-linux-gnu"
#   CROSS_BATCH   files per invocation (default 100)
SHARED=${SHARED:-../shared}
QEMU_ARMHF=${QEMU_ARMHF:-"qemu-arm -L /usr/arm-linux-gnueabihf"}
QEMU_AARCH64=${QEMU_AARCH64:-"qemu-aarch64 -L /usr/aarch64-linux-gnu"}
QEMU_ARMV6=${QEMU_ARMV6:-"qemu-arm -cpu arm1176 -L /usr/arm-linux-gnueabi"}
QEMU_RISCV64=${QEMU_RISCV64:-"qemu-riscv64 -L /usr/riscv64-linux-gnu"}
BATCH=${CROSS_BATCH:-100}
LC_ALL=C
export LC_ALL

for b in ./brief build/aarch64/brief build/armhf/brief build/riscv64/brief \
         build/armv6-static/brief; do
    if [ ! -x "$b" ]; then
        echo "cross: $b missing (make all cross static-cross)"
        exit 1
    fi
done

# the ARMv6 binary must hold no instruction newer than ARMv6 (the static
# glibc included): the attributes say so, and the runs below are on an
# arm1176, which traps any ARMv7 instruction
arch=$(readelf -A build/armv6-static/brief | sed -n 's/.*Tag_CPU_arch: //p')
case $arch in
v4*|v5*|v6|v6K|v6KZ) echo "cross: armv6 is Tag_CPU_arch $arch" ;;
*) echo "cross: build/armv6-static/brief is Tag_CPU_arch ${arch:-unknown}, not <= ARMv6"
   exit 1 ;;
esac

# armhf must pass doubles in VFP registers and compute them with VFP
# instructions (hard-float): soft-float emulation would also be exact, but
# it is not what an armhf board runs
attrs=$(readelf -A build/armhf/brief 2>/dev/null)
if echo "$attrs" | grep -q 'Tag_ABI_VFP_args: VFP registers' &&
   echo "$attrs" | grep -q 'Tag_FP_arch: VFP'; then
    echo "cross: armhf is hard-float ($(echo "$attrs" | sed -n 's/.*Tag_FP_arch: //p'), doubles in VFP registers)"
else
    echo "cross: build/armhf/brief is not hard-float VFP:"
    echo "$attrs" | grep -i 'fp\|vfp'
    exit 1
fi

if [ ! -d "$SHARED/corpora" ]; then
    echo "cross: corpora check skipped (no $SHARED/corpora)"
    exit 0
fi

T=${TMPDIR:-/tmp}/brief-cross.$$
mkdir -p "$T" || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

find "$SHARED/corpora" -type f -path '*/docs/*' | sort > "$T/list"
n=$(wc -l < "$T/list" | tr -d ' ')
if [ "$n" -eq 0 ]; then
    echo "cross: corpora check skipped (no docs in $SHARED/corpora)"
    exit 0
fi

# run NAME "RUNNER BINARY": both modes over every doc, into $T/NAME.*
run() {
    # shellcheck disable=SC2086 # $2 is a command line
    xargs -n "$BATCH" $2 < "$T/list" > "$T/$1.text" 2> "$T/$1.text.err"
    # shellcheck disable=SC2086
    xargs -n "$BATCH" $2 -f json -k 5 < "$T/list" > "$T/$1.json" 2> "$T/$1.json.err"
}

names="x86_64"
run x86_64 ./brief
if [ -x build/static/brief ]; then
    names="$names x86_64-musl"
    run x86_64-musl build/static/brief
fi
# the emulated runs two at a time (two cores)
run aarch64 "$QEMU_AARCH64 build/aarch64/brief" &
run armhf "$QEMU_ARMHF build/armhf/brief"
wait
run armv6 "$QEMU_ARMV6 build/armv6-static/brief" &
run riscv64 "$QEMU_RISCV64 build/riscv64/brief"
wait
names="$names aarch64 armhf armv6 riscv64"

# the doc of line L of an output file: the last "==> FILE <==" before it
# (text), or the "file" member of the line (JSON Lines, one doc a line)
doc_at() {
    case $(sed -n "$2p" "$1") in
    '{"file":"'*) sed -n "$2p" "$1" | sed 's/^{"file":"//; s/",.*//' ;;
    *) head -n "$2" "$1" | grep '^==> .* <==$' | tail -n 1 | sed 's/^==> //; s/ <==$//' ;;
    esac
}

status=0
for name in $names; do
    [ "$name" = x86_64 ] && continue
    for mode in text text.err json json.err; do
        if ! cmp -s "$T/x86_64.$mode" "$T/$name.$mode"; then
            status=1
            case $mode in text*) opts="default options" ;; *) opts="-f json -k 5" ;; esac
            case $mode in *.err) opts="$opts, stderr" ;; esac
            line=$(cmp "$T/x86_64.$mode" "$T/$name.$mode" 2>&1 | sed -n 's/.* line \([0-9]*\).*/\1/p')
            echo "cross: $name differs from x86_64 ($opts), first in $(doc_at "$T/x86_64.$mode" "${line:-1}"):"
            diff "$T/x86_64.$mode" "$T/$name.$mode" | head -n 12
        fi
    done
done
[ "$status" -eq 0 ] || exit 1
echo "cross: $n docs identical on $(echo "$names" | sed 's/ /, /g') (default options and -f json -k 5)"

#!/bin/sh
# shellcheck disable=SC2046 # word splitting of size output is intended
# size.sh - `make size`: brief's sizes against its budgets, and what each
# compile-time switch saves. `make size` builds everything this reads:
#   build/static/brief           static musl CLI, stripped (x86_64)
#   build/size/NAME/libbrief.a   the library at -Os with one switch
#                                (all = none, en = all four switches)
#   build/mcu/libbrief.a         Cortex-M4, -Os -mthumb, BRIEF_NO_MALLOC
#   build/mcu-en/libbrief.a      the same, English-only
#   build/mcu/mcu_test.elf       the Cortex-M4 test program
# Budgets: the static CLI <= 200 KB, the English-only library text
# <= 64 KB. Exit status 1 when one is exceeded.
MCU_PREFIX=${MCU_PREFIX:-arm-none-eabi-}
STATIC_BUDGET=204800
LIB_BUDGET=65536
status=0

# text, data and bss of a whole archive or file: "TEXT DATA BSS"
tdb() {
    $1 -t "$2" | tail -n 1 | awk '{print $1, $2, $3}'
}
kb() {
    awk -v n="$1" 'BEGIN { printf "%.1f KB", n / 1024 }'
}
# verdict VALUE BUDGET: "ok" or "OVER BUDGET". It runs in the $(...) of
# the line that prints it, a subshell, so the exit status is set by
# over() in the shell itself.
verdict() {
    if [ "$1" -le "$2" ]; then echo "ok"; else echo "OVER BUDGET"; fi
}
over() { # VALUE BUDGET
    [ "$1" -le "$2" ] || status=1
}

for f in build/static/brief build/size/all/libbrief.a build/size/en/libbrief.a \
         build/mcu/libbrief.a; do
    if [ ! -f "$f" ]; then
        echo "size: $f missing (run make size)"
        exit 1
    fi
done

n=$(wc -c < build/static/brief | tr -d ' ')
echo "static brief (musl, x86_64, -Oz, stripped): $n bytes ($(kb "$n")), budget $(kb $STATIC_BUDGET): $(verdict "$n" $STATIC_BUDGET)"
over "$n" $STATIC_BUDGET

set -- $(tdb size build/size/en/libbrief.a)
echo "libbrief.a English-only (x86_64, -Os; all four switches): text $1 ($(kb "$1")), data $2, bss $3; text budget $(kb $LIB_BUDGET): $(verdict "$1" $LIB_BUDGET)"
over "$1" $LIB_BUDGET

echo ""
echo "libbrief.a (x86_64, -Os) by switch        text     data   saved (text+data)"
set -- $(tdb size build/size/all/libbrief.a)
all=$(($1 + $2))
printf '  %-36s %8d %8d\n' "all features" "$1" "$2"
for s in BRIEF_NO_LANGS BRIEF_NO_HTML BRIEF_NO_MARKDOWN BRIEF_NO_RENDER_RICH en; do
    [ -f "build/size/$s/libbrief.a" ] || continue
    set -- $(tdb size "build/size/$s/libbrief.a")
    case $s in en) label="all four (English-only)" ;; *) label="-D$s" ;; esac
    saved=$((all - $1 - $2))
    printf '  %-36s %8d %8d %8d (%d%%)\n' "$label" "$1" "$2" "$saved" \
        $((saved * 100 / all))
done

echo ""
set -- $(tdb "${MCU_PREFIX}size" build/mcu/libbrief.a)
echo "Cortex-M4 libbrief.a (-Os -mthumb, BRIEF_NO_MALLOC): text $1 ($(kb "$1")), data $2, bss $3"
if [ -f build/mcu-en/libbrief.a ]; then
    set -- $(tdb "${MCU_PREFIX}size" build/mcu-en/libbrief.a)
    echo "Cortex-M4 libbrief.a English-only:                    text $1 ($(kb "$1")), data $2, bss $3"
fi
if [ -f build/mcu/mcu_test.elf ]; then
    set -- $("${MCU_PREFIX}size" build/mcu/mcu_test.elf | tail -n 1 | awk '{print $1, $2, $3}')
    echo "Cortex-M4 test program (all linked, 64 KB arena in bss): text $1 ($(kb "$1")), data $2, bss $3"
fi
exit $status

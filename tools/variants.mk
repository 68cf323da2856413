# tools/variants.mk - builds for small devices (README "Building for small
# devices"): static, static-cross, cross, check-cross, mcu, check-mcu, size
# and the generic `make variant` they are all made with. Included by the
# Makefile (it uses LIB_SRC, CLI_SRC, TEST_BINS, HDRS, WARN, DEFS, CC, AR,
# RANLIB, CFLAGS and SHARED from there). Everything goes under build/,
# which `make clean` removes.
#
#   make static          fully static brief with musl: build/static/brief,
#                        checked against STATIC_BUDGET
#   make static-cross    static brief for ARM and RISC-V Linux boards:
#                        build/{armhf,aarch64,armv6,riscv64}-static/brief
#   make cross           armhf, aarch64, armv6 (armel) and riscv64 builds in
#                        build/armhf, build/aarch64, build/armv6, build/riscv64
#   make check-cross     the tests under qemu-user (armv6 on an ARM1176, the
#                        Pi 1/Zero CPU), and output identical to x86_64 on
#                        every doc of $(SHARED)/corpora (tools/cross.sh)
#   make mcu             Cortex-M4 library (no malloc, no stdio) + test program
#   make check-mcu       that test program run under qemu-arm, output
#                        identical to the host build
#   make size            sizes against the budgets, the effect of each switch
#                        (tools/size.sh)
#   make variant VARIANT=NAME XCC=... XCFLAGS=...
#                        any other build in build/NAME

.PHONY: static static-cross cross check-cross mcu check-mcu size variant

# Each build below lives in its own directory build/NAME and is made by a
# recursive `make variant VARIANT=NAME XCC=... XCFLAGS=...`, so none clashes
# with the native objects in src/ or with another.

# The static binaries are the size builds: -Oz (gcc 12) is 1.4 KB smaller
# than -Os for +0.6% instructions (callgrind, 3 MB of news). musl applies
# no RELRO in a static binary (the region stays rw-p in /proc/self/maps),
# so the page alignment of the RELRO segment (up to 4 KB of padding) buys
# nothing there: -z norelro, for the musl build only. A static binary
# is linked at a fixed address (ET_EXEC) whatever its objects were built
# as, so their position-independent code (Debian's gcc default) only costs:
# -fno-pie takes 1.3 KB off (address loads get shorter, and the pointer
# tables leave .data.rel.ro).
MUSL_CC        ?= musl-gcc
MUSL_STRIP     ?= strip
STATIC_CFLAGS  ?= -Oz -fno-pie -fno-asynchronous-unwind-tables \
                  -ffunction-sections -fdata-sections
STATIC_LDFLAGS ?= -static -s -Wl,--gc-sections -Wl,-z,noseparate-code \
                  -Wl,-z,norelro
STATIC_BUDGET   = 204800

ARMHF_PREFIX   ?= arm-linux-gnueabihf-
AARCH64_PREFIX ?= aarch64-linux-gnu-
CROSS_CFLAGS   ?= -O2
QEMU_ARMHF     ?= qemu-arm -L /usr/arm-linux-gnueabihf
QEMU_AARCH64   ?= qemu-aarch64 -L /usr/aarch64-linux-gnu
# ARMv6 (Raspberry Pi 1, Zero, Zero W): Debian's armel toolchain, whose C
# library is built for ARMv5TE with the soft-float calling convention; our
# code is ARMv6 ARM-state with VFPv2 instructions (every ARMv6 Pi has
# VFPv2) behind that convention (softfp), so it links with armel's libc.
# The checks run it on qemu's arm1176, the Pi 1/Zero CPU: an ARMv7
# instruction anywhere (ours or the static libc's) is an illegal one there.
ARMEL_PREFIX   ?= arm-linux-gnueabi-
ARMV6_CFLAGS   ?= -march=armv6 -marm -mfpu=vfp -mfloat-abi=softfp
QEMU_ARMV6     ?= qemu-arm -cpu arm1176 -L /usr/arm-linux-gnueabi
RISCV64_PREFIX ?= riscv64-linux-gnu-
QEMU_RISCV64   ?= qemu-riscv64 -L /usr/riscv64-linux-gnu

MCU_PREFIX ?= arm-none-eabi-
MCU_CFLAGS ?= -mcpu=cortex-m4 -mthumb -Os -ffunction-sections -fdata-sections \
              --specs=nano.specs
MCU_LD      = --specs=nosys.specs -nostartfiles -T tests/mcu/mcu.ld \
              -Wl,--gc-sections
# qemu-user cannot run M-profile code (7.2 asserts), so the run uses the
# same Thumb-2 code on an A-profile CPU with the A-profile semihosting trap
QEMU_MCU   ?= qemu-arm -cpu max
# what the no-malloc, no-stdio library must not reference
MCU_FORBIDDEN = malloc|calloc|realloc|free|_malloc_r|_calloc_r|_realloc_r|_free_r|_sbrk|_sbrk_r|[a-z]*printf|_[a-z]*printf_r|puts|putchar|fopen|fclose|fread|fwrite|fputs|fputc|fflush|exit|abort|getenv|__assert_func

SIZE_SWITCHES = BRIEF_NO_LANGS BRIEF_NO_HTML BRIEF_NO_MARKDOWN \
                BRIEF_NO_RENDER_RICH

static:
	@$(MAKE) --no-print-directory variant VARIANT=static XCC='$(MUSL_CC)' \
	    XCFLAGS='$(STATIC_CFLAGS)' XLDFLAGS='$(STATIC_LDFLAGS)' \
	    VARIANT_GOALS=build/static/brief
	@# the compilers' ident strings (.comment: musl's crt and libgcc bring
	@# theirs whatever -fno-ident says) are no part of the program
	@$(MUSL_STRIP) -R .comment build/static/brief
	@file build/static/brief | grep -q 'statically linked' || \
	    { file build/static/brief; echo "static: not statically linked"; exit 1; }
	@n=$$(wc -c < build/static/brief); \
	 echo "static: build/static/brief $$n bytes (budget $(STATIC_BUDGET))"; \
	 [ $$n -le $(STATIC_BUDGET) ] || { echo "static: over budget"; exit 1; }

cross:
	@$(MAKE) --no-print-directory variant VARIANT=armhf \
	    XCC='$(ARMHF_PREFIX)gcc' XAR='$(ARMHF_PREFIX)ar' \
	    XRANLIB='$(ARMHF_PREFIX)ranlib' XCFLAGS='$(CROSS_CFLAGS)'
	@$(MAKE) --no-print-directory variant VARIANT=aarch64 \
	    XCC='$(AARCH64_PREFIX)gcc' XAR='$(AARCH64_PREFIX)ar' \
	    XRANLIB='$(AARCH64_PREFIX)ranlib' XCFLAGS='$(CROSS_CFLAGS)'
	@$(MAKE) --no-print-directory variant VARIANT=armv6 \
	    XCC='$(ARMEL_PREFIX)gcc' XAR='$(ARMEL_PREFIX)ar' \
	    XRANLIB='$(ARMEL_PREFIX)ranlib' \
	    XCFLAGS='$(CROSS_CFLAGS) $(ARMV6_CFLAGS)'
	@$(MAKE) --no-print-directory variant VARIANT=riscv64 \
	    XCC='$(RISCV64_PREFIX)gcc' XAR='$(RISCV64_PREFIX)ar' \
	    XRANLIB='$(RISCV64_PREFIX)ranlib' XCFLAGS='$(CROSS_CFLAGS)'

# The armv6 suites run the static test binaries too (build/armv6-static,
# every goal), so the static glibc that goes into the shipped brief is run
# on the ARM1176 as well.
check-cross: cross static-cross all tests/jsoncheck
	@st=0; \
	 echo "== armhf (qemu-arm)"; \
	 RUNNER='$(QEMU_ARMHF)' TESTBIN=build/armhf BRIEF=build/armhf/brief \
	     sh tests/run.sh || st=1; \
	 echo "== aarch64 (qemu-aarch64)"; \
	 RUNNER='$(QEMU_AARCH64)' TESTBIN=build/aarch64 BRIEF=build/aarch64/brief \
	     sh tests/run.sh || st=1; \
	 echo "== armv6 static (qemu-arm -cpu arm1176)"; \
	 RUNNER='$(QEMU_ARMV6)' TESTBIN=build/armv6-static \
	     BRIEF=build/armv6-static/brief sh tests/run.sh || st=1; \
	 echo "== riscv64 (qemu-riscv64)"; \
	 RUNNER='$(QEMU_RISCV64)' TESTBIN=build/riscv64 BRIEF=build/riscv64/brief \
	     sh tests/run.sh || st=1; \
	 SHARED=$(SHARED) QEMU_ARMHF='$(QEMU_ARMHF)' QEMU_AARCH64='$(QEMU_AARCH64)' \
	     QEMU_ARMV6='$(QEMU_ARMV6)' QEMU_RISCV64='$(QEMU_RISCV64)' \
	     sh tools/cross.sh || st=1; \
	 exit $$st

# static glibc builds for ARM and RISC-V Linux boards (musl-gcc targets
# x86_64 only). armv6-static is every goal (the test binaries static too,
# for check-cross); the others only brief.
static-cross:
	@$(MAKE) --no-print-directory variant VARIANT=armhf-static \
	    XCC='$(ARMHF_PREFIX)gcc' XAR='$(ARMHF_PREFIX)ar' \
	    XRANLIB='$(ARMHF_PREFIX)ranlib' XCFLAGS='$(STATIC_CFLAGS)' \
	    XLDFLAGS='-static -s -Wl,--gc-sections' \
	    VARIANT_GOALS=build/armhf-static/brief
	@$(MAKE) --no-print-directory variant VARIANT=aarch64-static \
	    XCC='$(AARCH64_PREFIX)gcc' XAR='$(AARCH64_PREFIX)ar' \
	    XRANLIB='$(AARCH64_PREFIX)ranlib' XCFLAGS='$(STATIC_CFLAGS)' \
	    XLDFLAGS='-static -s -Wl,--gc-sections' \
	    VARIANT_GOALS=build/aarch64-static/brief
	@$(MAKE) --no-print-directory variant VARIANT=armv6-static \
	    XCC='$(ARMEL_PREFIX)gcc' XAR='$(ARMEL_PREFIX)ar' \
	    XRANLIB='$(ARMEL_PREFIX)ranlib' \
	    XCFLAGS='$(STATIC_CFLAGS) $(ARMV6_CFLAGS)' \
	    XLDFLAGS='-static -s -Wl,--gc-sections'
	@$(MAKE) --no-print-directory variant VARIANT=riscv64-static \
	    XCC='$(RISCV64_PREFIX)gcc' XAR='$(RISCV64_PREFIX)ar' \
	    XRANLIB='$(RISCV64_PREFIX)ranlib' XCFLAGS='$(STATIC_CFLAGS)' \
	    XLDFLAGS='-static -s -Wl,--gc-sections' \
	    VARIANT_GOALS=build/riscv64-static/brief
	@a=$$(readelf -A build/armv6-static/brief | sed -n 's/.*Tag_CPU_arch: //p'); \
	 case $$a in v4*|v5*|v6|v6K|v6KZ) ;; \
	 *) echo "static-cross: build/armv6-static/brief is $$a, not ARMv6"; exit 1;; esac
	@ls -l build/armhf-static/brief build/aarch64-static/brief \
	    build/armv6-static/brief build/riscv64-static/brief

mcu:
	@$(MAKE) --no-print-directory variant VARIANT=mcu XCC='$(MCU_PREFIX)gcc' \
	    XAR='$(MCU_PREFIX)ar' XRANLIB='$(MCU_PREFIX)ranlib' \
	    XCFLAGS='$(MCU_CFLAGS) -DBRIEF_NO_MALLOC' VARIANT_GOALS=build/mcu/libbrief.a
	@bad=$$($(MCU_PREFIX)nm -u build/mcu/libbrief.a | \
	        grep -Ew '$(MCU_FORBIDDEN)' | sort -u | tr '\n' ' '); \
	 if [ -n "$$bad" ]; then \
	     echo "mcu: the library references $$bad"; exit 1; fi
	$(MCU_PREFIX)gcc $(WARN) -Iinclude $(MCU_CFLAGS) $(MCU_LD) \
	    -Wl,-Map,build/mcu/mcu_test.map -o build/mcu/mcu_test.elf \
	    tests/mcu/main.c build/mcu/libbrief.a
	$(MCU_PREFIX)gcc $(WARN) -Iinclude $(MCU_CFLAGS) -DMCU_SEMIHOST_SVC \
	    $(MCU_LD) -o build/mcu/mcu_test_qemu.elf \
	    tests/mcu/main.c build/mcu/libbrief.a
	@bad=$$($(MCU_PREFIX)nm build/mcu/mcu_test.elf | awk '{print $$NF}' | \
	        grep -Ew '$(MCU_FORBIDDEN)' | sort -u | tr '\n' ' '); \
	 if [ -n "$$bad" ]; then \
	     echo "mcu: the test program links $$bad"; exit 1; fi
	@$(MCU_PREFIX)nm --defined-only build/mcu/libbrief.a | \
	     awk 'NF == 3 {print $$3}' | sort -u > build/mcu/defined.txt
	@echo "mcu: no malloc/free/stdio in libbrief.a or the test program;" \
	     "libbrief.a needs only:" $$($(MCU_PREFIX)nm -u build/mcu/libbrief.a | \
	     awk 'NF == 2 {print $$2}' | sort -u | comm -23 - build/mcu/defined.txt)

check-mcu: mcu libbrief.a
	@mkdir -p build/mcu
	$(CC) $(ALL_CFLAGS) -o build/mcu/mcu_test_host tests/mcu/main.c libbrief.a
	@build/mcu/mcu_test_host > build/mcu/host.out 2>&1 || \
	    { cat build/mcu/host.out; echo "check-mcu: host run failed"; exit 1; }
	@$(QEMU_MCU) build/mcu/mcu_test_qemu.elf > build/mcu/qemu.out 2>&1 || \
	    { cat build/mcu/qemu.out; echo "check-mcu: qemu run failed"; exit 1; }
	@grep -v '^info:' build/mcu/host.out > build/mcu/host.cmp
	@grep -v '^info:' build/mcu/qemu.out > build/mcu/qemu.cmp
	@cmp -s build/mcu/host.cmp build/mcu/qemu.cmp || \
	    { diff build/mcu/host.cmp build/mcu/qemu.cmp; \
	      echo "check-mcu: Cortex-M4 output differs from x86_64"; exit 1; }
	@grep -E '^(info|mcu):' build/mcu/qemu.out
	@echo "check-mcu: Cortex-M4 output identical to x86_64"

size: static mcu
	@for s in all $(SIZE_SWITCHES) en; do \
	    case $$s in all) d= ;; en) d='$(SIZE_SWITCHES:%=-D%)' ;; *) d=-D$$s ;; esac; \
	    $(MAKE) --no-print-directory -s variant VARIANT=size/$$s \
	        XCFLAGS="-Os $$d" VARIANT_GOALS=build/size/$$s/libbrief.a \
	        > /dev/null || exit 1; \
	done
	@$(MAKE) --no-print-directory -s variant VARIANT=mcu-en \
	    XCC='$(MCU_PREFIX)gcc' XAR='$(MCU_PREFIX)ar' XRANLIB='$(MCU_PREFIX)ranlib' \
	    XCFLAGS='$(MCU_CFLAGS) -DBRIEF_NO_MALLOC $(SIZE_SWITCHES:%=-D%)' \
	    VARIANT_GOALS=build/mcu-en/libbrief.a > /dev/null
	@echo ""
	@MCU_PREFIX='$(MCU_PREFIX)' sh tools/size.sh

# The generic variant build: `make variant VARIANT=NAME XCC=cc XCFLAGS=...`
# builds libbrief.a, brief and every test binary (or VARIANT_GOALS) in
# build/NAME with objects in build/NAME/obj.
XCC      ?= $(CC)
XAR      ?= $(AR)
XRANLIB  ?= $(RANLIB)
XCFLAGS  ?= $(CFLAGS)
XLDFLAGS ?=
ifneq ($(VARIANT),)
VB        = build/$(VARIANT)
V_LIB_OBJ = $(LIB_SRC:src/%.c=$(VB)/obj/%.o)
V_CLI_OBJ = $(CLI_SRC:src/%.c=$(VB)/obj/%.o)
V_TESTS   = $(TEST_BINS:tests/%=$(VB)/%)
VARIANT_GOALS ?= $(VB)/libbrief.a $(VB)/brief $(V_TESTS)

variant: $(VARIANT_GOALS)

$(VB)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(VB)/obj
	$(XCC) $(WARN) -Iinclude -Isrc $(XCFLAGS) $(DEFS) -c -o $@ $<

$(VB)/libbrief.a: $(V_LIB_OBJ)
	rm -f $@
	$(XAR) rc $@ $(V_LIB_OBJ)
	$(XRANLIB) $@

$(VB)/brief: $(V_CLI_OBJ) $(VB)/libbrief.a
	$(XCC) $(WARN) $(XCFLAGS) $(XLDFLAGS) -o $@ $(V_CLI_OBJ) $(VB)/libbrief.a

$(VB)/%: tests/%.c tests/harness.h tests/jsoncheck.c $(VB)/libbrief.a
	$(XCC) $(WARN) -Iinclude -Isrc $(XCFLAGS) $(DEFS) $(XLDFLAGS) -o $@ $< \
	    $(VB)/libbrief.a -lm
else
variant:
	@echo "make variant needs VARIANT=NAME (see tools/variants.mk)"; exit 2
endif

# ---- Debian packages (tools/deb.sh) -------------------------------------------
#   make deb        build/deb/brief_VERSION_ARCH.deb and
#                   build/deb/libbrief-dev_VERSION_ARCH.deb for amd64 and,
#                   with the cross compilers, armhf, arm64 and armel (ARMv6)
#   make check-deb  the amd64 packages installed, used and removed
#                   (tests/deb.sh), and lintian on every package
.PHONY: deb check-deb
DEB_ARCHS ?= amd64 armhf arm64 armel

deb:
	@for a in $(DEB_ARCHS); do \
	    case $$a in \
	    amd64) cc='$(CC)'; fl='$(CFLAGS)' ;; \
	    armhf) cc='$(ARMHF_PREFIX)gcc'; fl='$(CROSS_CFLAGS)' ;; \
	    arm64) cc='$(AARCH64_PREFIX)gcc'; fl='$(CROSS_CFLAGS)' ;; \
	    armel) cc='$(ARMEL_PREFIX)gcc'; fl='$(CROSS_CFLAGS) $(ARMV6_CFLAGS)' ;; \
	    *) cc='$(CC)'; fl='$(CFLAGS)' ;; \
	    esac; \
	    LIB_SRC='$(LIB_SRC)' CLI_SRC='$(CLI_SRC)' \
	        sh tools/deb.sh $$a "$$cc" "$$fl" || exit 1; \
	done

check-deb: deb
	@sh tests/deb.sh

# tools/variants.mk - builds for small devices (README "Building for small
# devices"): static, static-cross, cross, check-cross, mcu, check-mcu, size
# and the generic `make variant` they are all made with. Included by the
# Makefile (it uses LIB_SRC, CLI_SRC, TEST_BINS, HDRS, WARN, DEFS, CC, AR,
# RANLIB, CFLAGS and SHARED from there). Everything goes under build/,
# which `make clean` removes.
#
#   make static          fully static brief with musl: build/static/brief,
#                        checked against STATIC_BUDGET
#   make static-cross    static brief for armhf and aarch64 Linux boards
#   make cross           armhf and aarch64 builds in build/armhf, build/aarch64
#   make check-cross     the tests under qemu-user, and output identical to
#                        x86_64 on every doc of $(SHARED)/corpora (tools/cross.sh)
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

MUSL_CC        ?= musl-gcc
STATIC_CFLAGS  ?= -Os -fno-asynchronous-unwind-tables -ffunction-sections \
                  -fdata-sections
STATIC_LDFLAGS ?= -static -s -Wl,--gc-sections -Wl,-z,noseparate-code
STATIC_BUDGET   = 204800

ARMHF_PREFIX   ?= arm-linux-gnueabihf-
AARCH64_PREFIX ?= aarch64-linux-gnu-
CROSS_CFLAGS   ?= -O2
QEMU_ARMHF     ?= qemu-arm -L /usr/arm-linux-gnueabihf
QEMU_AARCH64   ?= qemu-aarch64 -L /usr/aarch64-linux-gnu

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

check-cross: cross all tests/jsoncheck
	@st=0; \
	 echo "== armhf (qemu-arm)"; \
	 RUNNER='$(QEMU_ARMHF)' TESTBIN=build/armhf BRIEF=build/armhf/brief \
	     sh tests/run.sh || st=1; \
	 echo "== aarch64 (qemu-aarch64)"; \
	 RUNNER='$(QEMU_AARCH64)' TESTBIN=build/aarch64 BRIEF=build/aarch64/brief \
	     sh tests/run.sh || st=1; \
	 SHARED=$(SHARED) QEMU_ARMHF='$(QEMU_ARMHF)' QEMU_AARCH64='$(QEMU_AARCH64)' \
	     sh tools/cross.sh || st=1; \
	 exit $$st

# static glibc builds for ARM Linux boards (musl-gcc targets x86_64 only)
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
	@ls -l build/armhf-static/brief build/aarch64-static/brief

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

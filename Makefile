# brief - an offline, dependency-free extractive summarizer.
#
#   make                 libbrief.a and the brief CLI
#   make test            unit, CLI and golden tests (needs nothing else)
#   make check-external  suites that read ../shared (skipped without it)
#   make eval            ROUGE table on ../shared/corpora
#   make bench           speed and memory benchmark
#   make check-same      output byte-identical to BASE (default HEAD) on
#                        every corpus doc and web page of ../shared
#   make install         brief, libbrief.a/.so, brief.h, brief.pc, brief.1
#                        under $(DESTDIR)$(PREFIX); `make uninstall` undoes it
#   make check-install   install into a scratch DESTDIR, build against it
#   make static          fully static brief with musl: build/static/brief
#   make static-cross    static brief for armhf and aarch64 Linux boards
#   make cross           armhf and aarch64 builds in build/armhf, build/aarch64
#   make check-cross     the tests under qemu-user, and output identical to
#                        x86_64 on every doc of ../shared/corpora
#   make mcu             Cortex-M4 library (no malloc, no stdio) + test program
#   make check-mcu       that test program run under qemu-arm
#   make size            sizes against the budgets, the effect of each switch
#   make amalgamation    single-file build/amalg/brief.c + brief.h
#   make check-amalg     the unit tests built against the amalgamation
#   make help            every target
#
# User CFLAGS never drop the warnings: they are appended separately.

CC      ?= cc
AR      ?= ar
RANLIB  ?= ranlib
CFLAGS  ?= -O2
LDFLAGS ?=
PREFIX  ?= /usr/local
DESTDIR ?=
SHARED  ?= ../shared
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

WARN = -std=c99 -Wall -Wextra -pedantic -Wshadow -Wconversion \
       -Wmissing-prototypes -Wstrict-prototypes -Wcast-qual -Wundef \
       -Wvla -ffp-contract=off
ALL_CFLAGS = $(WARN) -Iinclude -Isrc $(CFLAGS) $(DEFS)

LIB_SRC = src/arena.c src/normalize.c src/html.c src/markdown.c \
          src/segment.c src/lang.c src/terms.c src/score.c src/select.c \
          src/brief.c src/render.c src/charset.c \
          src/stem_english.c src/stem_german.c src/stem_french.c \
          src/stem_spanish.c src/stem_italian.c src/stem_portuguese.c \
          src/stem_dutch.c src/stem_swedish.c src/stem_util.c
CLI_SRC = src/cli.c src/cliopts.c src/jsonl.c
LIB_OBJ = $(LIB_SRC:.c=.o)
CLI_OBJ = $(CLI_SRC:.c=.o)
HDRS    = include/brief.h src/internal.h src/cli.h src/jsonl.h \
          src/casefold.h src/stopwords.h src/abbrevs.h src/entities.h \
          src/stem_util.h src/charsets.inc

TEST_BINS = tests/test_core tests/test_render tests/test_lang \
            tests/test_decode tests/stemcheck tests/jsoncheck \
            tests/test_charset

.PHONY: all test check-external eval tools bench clean install uninstall \
        static cross size fuzz check-asan check-ubsan check-valgrind \
        check-tables amalgamation help example shared check-cross \
        mcu check-mcu check-amalg check-amalgamation check-install variant \
        static-cross check-same

all: libbrief.a brief

src/%.o: src/%.c $(HDRS)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

libbrief.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rc $@ $(LIB_OBJ)
	$(RANLIB) $@

brief: $(CLI_OBJ) libbrief.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) libbrief.a

# ---- tests ------------------------------------------------------------------

tests/test_core: tests/test_core.c tests/harness.h libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_core.c libbrief.a -lm
tests/test_render: tests/test_render.c tests/jsoncheck.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_render.c libbrief.a -lm
tests/test_lang: tests/test_lang.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_lang.c libbrief.a -lm
tests/test_decode: tests/test_decode.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_decode.c libbrief.a -lm
tests/test_charset: tests/test_charset.c tests/harness.h libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_charset.c libbrief.a -lm
tests/stemcheck: tests/stemcheck.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/stemcheck.c libbrief.a -lm
tests/jsoncheck: tests/jsoncheck.c
	$(CC) $(ALL_CFLAGS) -o $@ tests/jsoncheck.c

test: all $(TEST_BINS)
	@sh tests/run.sh

# ---- checks on ../shared --------------------------------------------------------

tools/rouge: tools/rouge.c
	$(CC) $(WARN) $(CFLAGS) -o $@ tools/rouge.c -lm

tools: tools/rouge

check-external: all tools tests/stemcheck tests/jsoncheck
	@SHARED=$(SHARED) sh tests/external.sh

eval: all tools
	@SHARED=$(SHARED) sh tools/eval.sh

bench: all
	@SHARED=$(SHARED) sh tools/bench.sh

# A change meant to move code, not behaviour: `make check-same BASE=main`.
BASE ?= HEAD
check-same: all
	@SHARED=$(SHARED) BASE=$(BASE) sh tools/same_output.sh

# Regenerate the committed tables and fail if they drifted.
check-tables:
	@sh tools/check_tables.sh

# fuzzing and sanitizer/valgrind checks live in their own fragment
include tests/checks.mk

# ---- shared library, install ---------------------------------------------------
# libbrief.so.$(VERSION) with soname libbrief.so.0, from -fPIC objects in
# build/pic. Only the public brief_* names are exported.

VERSION   = $(shell sed -n 's/^\#define BRIEF_VERSION "\(.*\)"/\1/p' include/brief.h)
SOMAJOR   = 0
SONAME    = libbrief.so.$(SOMAJOR)
PIC_OBJ   = $(LIB_SRC:src/%.c=build/pic/%.o)

build/pic/%.o: src/%.c $(HDRS)
	@mkdir -p build/pic
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

build/pic/brief.map:
	@mkdir -p build/pic
	printf '{\n  global: brief_[!_]*;\n  local: *;\n};\n' > $@

libbrief.so.$(VERSION): $(PIC_OBJ) build/pic/brief.map
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script,build/pic/brief.map -o $@ $(PIC_OBJ)

libbrief.so: libbrief.so.$(VERSION)
	ln -sf libbrief.so.$(VERSION) $(SONAME)
	ln -sf $(SONAME) libbrief.so

shared: libbrief.so

# brief.pc is made anew every time, for the PREFIX of this make (phony).
# Prefix-relative paths stay relative (${prefix}/lib), so that
# `pkg-config --define-prefix` works on a relocated (DESTDIR) copy.
.PHONY: brief.pc
PC_LIBDIR     = $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
PC_INCLUDEDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))

brief.pc: tools/brief.pc.in include/brief.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(PC_LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(PC_INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    tools/brief.pc.in > $@

install: all libbrief.so brief.pc
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1
	cp brief $(DESTDIR)$(BINDIR)/brief
	chmod 755 $(DESTDIR)$(BINDIR)/brief
	cp libbrief.a $(DESTDIR)$(LIBDIR)/libbrief.a
	chmod 644 $(DESTDIR)$(LIBDIR)/libbrief.a
	cp libbrief.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libbrief.so.$(VERSION)
	chmod 755 $(DESTDIR)$(LIBDIR)/libbrief.so.$(VERSION)
	ln -sf libbrief.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libbrief.so
	cp include/brief.h $(DESTDIR)$(INCLUDEDIR)/brief.h
	chmod 644 $(DESTDIR)$(INCLUDEDIR)/brief.h
	cp brief.pc $(DESTDIR)$(PKGCONFIGDIR)/brief.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/brief.pc
	cp src/brief.1 $(DESTDIR)$(MANDIR)/man1/brief.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/brief.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/brief $(DESTDIR)$(LIBDIR)/libbrief.a \
	    $(DESTDIR)$(LIBDIR)/libbrief.so.$(VERSION) \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libbrief.so \
	    $(DESTDIR)$(INCLUDEDIR)/brief.h $(DESTDIR)$(PKGCONFIGDIR)/brief.pc \
	    $(DESTDIR)$(MANDIR)/man1/brief.1

check-install:
	@sh tests/install.sh

# ---- builds for small devices (README "Building for small devices") -----------
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

amalgamation: build/amalg/brief.c

build/amalg/brief.c: $(LIB_SRC) $(HDRS) tools/amalgamate.sh
	sh tools/amalgamate.sh build/amalg $(LIB_SRC)

check-amalg check-amalgamation: amalgamation tests/jsoncheck
	@CC='$(CC)' CLI_SRC='$(CLI_SRC)' TEST_BINS='$(TEST_BINS)' sh tests/amalg.sh

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
	@echo "make variant needs VARIANT=NAME (see the Makefile)"; exit 2
endif

# (tests/fuzz/fuzz_*.c are sources: only what was built from them goes)
clean:
	rm -f src/*.o libbrief.a libbrief.so* brief brief.pc $(TEST_BINS) \
	      tools/rouge $(filter-out %.c,$(wildcard tests/fuzz/fuzz_*)) tests/*.o
	rm -rf build tests/out

help:
	@sed -n '2,26p' Makefile | sed 's/^# \{0,1\}//'

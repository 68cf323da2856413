# brief - an offline, dependency-free extractive summarizer.
#
#   make                 libbrief.a and the brief CLI
#   make test            unit, CLI and golden tests (needs nothing else)
#   make check-external  suites that read ../shared (skipped without it)
#   make eval            ROUGE table on ../shared/corpora
#   make bench           speed and memory benchmark
#   make check-same      output byte-identical to BASE (default HEAD) on
#                        every corpus doc and web page of ../shared
#   make install         brief, libbrief.a/.so, brief.h, brief.pc, brief.1,
#                        bash and zsh completion
#                        under $(DESTDIR)$(PREFIX); `make uninstall` undoes it
#   make check-install   install into a scratch DESTDIR, build against it
#   make static          fully static brief with musl: build/static/brief
#   make static-cross    static brief for armhf, aarch64, armv6, riscv64 boards
#   make cross           armhf, aarch64, armv6, riscv64 builds in build/NAME
#   make check-cross     the tests under qemu-user, and output identical to
#                        x86_64 on every doc of ../shared/corpora
#   make mcu             Cortex-M4 library (no malloc, no stdio) + test program
#   make check-mcu       that test program run under qemu-arm
#   make size            sizes against the budgets, the effect of each switch
#   make amalgamation    single-file build/amalg/brief.c + brief.h
#   make check-amalg     the unit tests built against the amalgamation
#   make deb             Debian packages in build/deb; check-deb installs them
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
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

WARN = -std=c99 -Wall -Wextra -pedantic -Wshadow -Wconversion \
       -Wmissing-prototypes -Wstrict-prototypes -Wcast-qual -Wundef \
       -Wvla -ffp-contract=off
ALL_CFLAGS = $(WARN) -Iinclude -Isrc $(CFLAGS) $(DEFS)

LIB_SRC = src/arena.c src/util.c src/normalize.c src/entity.c src/html.c \
          src/extract.c src/markdown.c \
          src/segment.c src/clean.c src/lang.c src/terms.c src/keywords.c \
          src/score.c src/select.c src/brief.c src/render.c src/charset.c \
          src/stem_english.c src/stem_german.c src/stem_french.c \
          src/stem_spanish.c src/stem_italian.c src/stem_portuguese.c \
          src/stem_dutch.c src/stem_swedish.c src/stem_util.c \
          src/arenasize.c
CLI_SRC = src/cli.c src/cliopts.c src/jsonl.c
LIB_OBJ = $(LIB_SRC:.c=.o)
CLI_OBJ = $(CLI_SRC:.c=.o)
HDRS    = include/brief.h src/internal.h src/cli.h src/jsonl.h \
          src/casefold.inc src/stopwords.inc src/abbrevs.inc src/weakwords.inc \
          src/entities.inc src/html.h src/stem_util.h src/charsets.inc

TEST_BINS = tests/test_core tests/test_render tests/test_lang \
            tests/test_decode tests/stemcheck tests/jsoncheck \
            tests/test_charset

.PHONY: all test check-external eval tools bench clean install uninstall \
        fuzz check-asan check-ubsan check-valgrind check-tables amalgamation \
        help example shared check-amalg check-amalgamation check-install \
        check-same

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
tests/test_render: tests/test_render.c tests/harness.h tests/jsoncheck.c \
                   libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_render.c libbrief.a -lm
tests/test_lang: tests/test_lang.c tests/harness.h libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_lang.c libbrief.a -lm
tests/test_decode: tests/test_decode.c tests/harness.h libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_decode.c libbrief.a -lm
tests/test_charset: tests/test_charset.c tests/harness.h libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_charset.c libbrief.a -lm
tests/stemcheck: tests/stemcheck.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/stemcheck.c libbrief.a -lm
tests/jsoncheck: tests/jsoncheck.c
	$(CC) $(ALL_CFLAGS) -o $@ tests/jsoncheck.c
tests/arenacheck: tests/arenacheck.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/arenacheck.c libbrief.a -lm

test: all $(TEST_BINS)
	@sh tests/run.sh

# ---- checks on ../shared --------------------------------------------------------

tools/rouge: tools/rouge.c
	$(CC) $(WARN) $(CFLAGS) -o $@ tools/rouge.c -lm

tools: tools/rouge

check-external: all tools tests/stemcheck tests/jsoncheck tests/arenacheck
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
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
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
	cp tools/completion/brief.bash $(DESTDIR)$(BASHCOMPDIR)/brief
	chmod 644 $(DESTDIR)$(BASHCOMPDIR)/brief
	cp tools/completion/_brief $(DESTDIR)$(ZSHCOMPDIR)/_brief
	chmod 644 $(DESTDIR)$(ZSHCOMPDIR)/_brief

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/brief $(DESTDIR)$(LIBDIR)/libbrief.a \
	    $(DESTDIR)$(LIBDIR)/libbrief.so.$(VERSION) \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libbrief.so \
	    $(DESTDIR)$(INCLUDEDIR)/brief.h $(DESTDIR)$(PKGCONFIGDIR)/brief.pc \
	    $(DESTDIR)$(MANDIR)/man1/brief.1 $(DESTDIR)$(BASHCOMPDIR)/brief \
	    $(DESTDIR)$(ZSHCOMPDIR)/_brief

check-install:
	@sh tests/install.sh

# ---- builds for small devices (README "Building for small devices") -----------
# static, static-cross, cross, check-cross, mcu, check-mcu, size and the
# generic `make variant` live in their own fragment
include tools/variants.mk

amalgamation: build/amalg/brief.c

build/amalg/brief.c: src/onebrief.c $(LIB_SRC) $(HDRS) tools/amalgamate.sh
	@test "$$(sed -n 's|^#include "\(.*\.c\)"|src/\1|p' src/onebrief.c)" = \
	      "$$(printf '%s\n' $(LIB_SRC))" || \
	    { echo "src/onebrief.c must include LIB_SRC, in order"; exit 1; }
	sh tools/amalgamate.sh build/amalg

check-amalg check-amalgamation: amalgamation tests/jsoncheck
	@CC='$(CC)' CLI_SRC='$(CLI_SRC)' TEST_BINS='$(TEST_BINS)' sh tests/amalg.sh

# (tests/fuzz/fuzz_*.c are sources: only what was built from them goes)
clean:
	rm -f src/*.o libbrief.a libbrief.so* brief brief.pc $(TEST_BINS) \
	      tests/arenacheck \
	      tools/rouge $(filter-out %.c,$(wildcard tests/fuzz/fuzz_*)) tests/*.o
	rm -rf build tests/out

help:
	@sed -n '2,27p' Makefile | sed 's/^# \{0,1\}//'

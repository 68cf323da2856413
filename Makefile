# brief - an offline, dependency-free extractive summarizer.
#
#   make                 libbrief.a and the brief CLI
#   make test            unit, CLI and golden tests (needs nothing else)
#   make check-external  suites that read ../shared (skipped without it)
#   make eval            ROUGE table on ../shared/corpora
#   make bench           speed and memory benchmark
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

WARN = -std=c99 -Wall -Wextra -pedantic -Wshadow -Wconversion \
       -Wmissing-prototypes -Wstrict-prototypes -Wcast-qual -Wundef \
       -Wvla -ffp-contract=off
ALL_CFLAGS = $(WARN) -Iinclude -Isrc $(CFLAGS) $(DEFS)

LIB_SRC = src/arena.c src/normalize.c src/html.c src/markdown.c \
          src/segment.c src/lang.c src/terms.c src/score.c src/select.c \
          src/brief.c src/render.c \
          src/stem_english.c src/stem_german.c src/stem_french.c \
          src/stem_spanish.c src/stem_italian.c src/stem_portuguese.c \
          src/stem_dutch.c src/stem_swedish.c
CLI_SRC = src/cli.c src/cliopts.c src/jsonl.c
LIB_OBJ = $(LIB_SRC:.c=.o)
CLI_OBJ = $(CLI_SRC:.c=.o)
HDRS    = include/brief.h src/internal.h src/cli.h src/jsonl.h \
          src/casefold.h src/stopwords.h src/abbrevs.h

TEST_BINS = tests/test_core tests/test_render tests/test_lang \
            tests/test_decode tests/stemcheck tests/jsoncheck

.PHONY: all test check-external eval tools bench clean install uninstall \
        static cross size fuzz check-asan check-ubsan check-valgrind \
        check-tables amalgamation help example

all: libbrief.a brief

src/%.o: src/%.c $(HDRS)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

libbrief.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rc $@ $(LIB_OBJ)
	$(RANLIB) $@

brief: $(CLI_OBJ) libbrief.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) libbrief.a -lm

# ---- tests ------------------------------------------------------------------

tests/test_core: tests/test_core.c tests/harness.h libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_core.c libbrief.a -lm
tests/test_render: tests/test_render.c tests/jsoncheck.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_render.c libbrief.a -lm
tests/test_lang: tests/test_lang.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_lang.c libbrief.a -lm
tests/test_decode: tests/test_decode.c libbrief.a
	$(CC) $(ALL_CFLAGS) -o $@ tests/test_decode.c libbrief.a -lm
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

check-external: all tools tests/stemcheck
	@SHARED=$(SHARED) sh tests/external.sh

eval: all tools
	@SHARED=$(SHARED) sh tools/eval.sh

bench: all
	@SHARED=$(SHARED) sh tools/bench.sh

# Regenerate the committed tables and fail if they drifted.
check-tables:
	@sh tools/check_tables.sh

# fuzzing and sanitizer/valgrind checks live in their own fragment
include tests/checks.mk

clean:
	rm -f src/*.o libbrief.a libbrief.so* brief brief.pc $(TEST_BINS) \
	      tools/rouge tests/fuzz/fuzz_* tests/*.o
	rm -rf build tests/out

help:
	@sed -n '2,12p' Makefile | sed 's/^# \{0,1\}//'

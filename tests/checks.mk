# tests/checks.mk - robustness checks: fuzzing, sanitizers, valgrind and
# hostile inputs. Included by the Makefile (it uses LIB_SRC, CLI_SRC, HDRS,
# WARN and SHARED from there). Everything the fuzz and sanitizer targets
# build goes under build/, which `make clean` removes (only check-hostile
# uses the normal ./brief).
#
#   make fuzz            libFuzzer (clang) on the targets in tests/fuzz/
#                        (fuzz_summarize.c: library and renderers;
#                        fuzz_cli.c: option parser; fuzz_jsonl.c: --jsonl
#                        records), FUZZ_SECONDS (60) each, from a scratch
#                        copy of tests/fuzz/corpus/TARGET (falls back to
#                        `make fuzz-replay` when clang has no libFuzzer)
#   make fuzz-replay     replay tests/fuzz/corpus/ through the targets
#                        built with gcc -fsanitize=address,undefined
#   make check-asan      `make test` and the fast tests/hostile.sh in a copy
#                        of the tree built with AddressSanitizer and
#                        LeakSanitizer
#   make check-ubsan     the same with UndefinedBehaviorSanitizer
#   make check-valgrind  the CLI under valgrind (memcheck, leaks are errors)
#                        over the fixtures and every doc of $(SHARED)/corpora
#   make check-hostile   tests/hostile.sh (HOSTILE_FAST=1 skips the slow ones)
#
# Every target fails (non-zero exit) on the first sanitizer report,
# valgrind error, fuzzer crash/leak/timeout or failed test.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
# extra libFuzzer flags, e.g. FUZZ_FLAGS=-jobs=2
FUZZ_FLAGS   ?=
SAN_CC       ?= gcc
CHECKS_BUILD  = build

FUZZ_CFLAGS = $(WARN) -Iinclude -Isrc $(DEFS) -g -O1 \
              -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
REPLAY_CFLAGS = $(WARN) -Iinclude -Isrc $(DEFS) -g -O1 \
                -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all

# ASan/UBSan runtime settings for every sanitizer target. exitcode=86 so a
# report is never mistaken for one of brief's own exit codes (0-4), and
# log_path (set per target) keeps reports that a test script swallowed.
SAN_ASAN_OPTIONS  = halt_on_error=1:detect_leaks=1:abort_on_error=0:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1
SAN_UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1:exitcode=87

FUZZ_SUMMARIZE_SRC = tests/fuzz/fuzz_summarize.c $(LIB_SRC)
FUZZ_CLI_SRC       = tests/fuzz/fuzz_cli.c src/cliopts.c $(LIB_SRC)
FUZZ_JSONL_SRC     = tests/fuzz/fuzz_jsonl.c src/jsonl.c $(LIB_SRC)
FUZZ_TARGETS       = summarize cli jsonl

.PHONY: fuzz fuzz-libfuzzer fuzz-replay check-asan check-ubsan \
        check-valgrind check-hostile

# ---- fuzzing ------------------------------------------------------------------

fuzz:
	@mkdir -p $(CHECKS_BUILD)/fuzz
	@printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	    > $(CHECKS_BUILD)/fuzz/probe.c
	@if $(FUZZ_CC) -fsanitize=fuzzer,address,undefined \
	      -o $(CHECKS_BUILD)/fuzz/probe $(CHECKS_BUILD)/fuzz/probe.c \
	      > $(CHECKS_BUILD)/fuzz/probe.log 2>&1; then \
	    $(MAKE) --no-print-directory fuzz-libfuzzer; \
	else \
	    echo "fuzz: libFuzzer unavailable ($(FUZZ_CC) -fsanitize=fuzzer failed; apt-get install clang libclang-rt-dev), falling back to the replay driver"; \
	    $(MAKE) --no-print-directory fuzz-replay; \
	fi

$(CHECKS_BUILD)/fuzz/fuzz_summarize: $(FUZZ_SUMMARIZE_SRC) tests/jsoncheck.c $(HDRS)
	@mkdir -p $(CHECKS_BUILD)/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_SUMMARIZE_SRC) -lm

$(CHECKS_BUILD)/fuzz/fuzz_cli: $(FUZZ_CLI_SRC) $(HDRS)
	@mkdir -p $(CHECKS_BUILD)/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_CLI_SRC) -lm

$(CHECKS_BUILD)/fuzz/fuzz_jsonl: $(FUZZ_JSONL_SRC) tests/jsoncheck.c $(HDRS)
	@mkdir -p $(CHECKS_BUILD)/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_JSONL_SRC) -lm

fuzz-libfuzzer: $(FUZZ_TARGETS:%=$(CHECKS_BUILD)/fuzz/fuzz_%)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_FLAGS="$(FUZZ_FLAGS)" \
	 ASAN_OPTIONS=$(SAN_ASAN_OPTIONS) UBSAN_OPTIONS=$(SAN_UBSAN_OPTIONS) \
	 sh tests/fuzz/run.sh $(CHECKS_BUILD)/fuzz $(FUZZ_TARGETS)

$(CHECKS_BUILD)/replay/replay_summarize: tests/fuzz/replay.c $(FUZZ_SUMMARIZE_SRC) tests/jsoncheck.c $(HDRS)
	@mkdir -p $(CHECKS_BUILD)/replay
	$(SAN_CC) $(REPLAY_CFLAGS) -o $@ tests/fuzz/replay.c $(FUZZ_SUMMARIZE_SRC) -lm

$(CHECKS_BUILD)/replay/replay_cli: tests/fuzz/replay.c $(FUZZ_CLI_SRC) $(HDRS)
	@mkdir -p $(CHECKS_BUILD)/replay
	$(SAN_CC) $(REPLAY_CFLAGS) -o $@ tests/fuzz/replay.c $(FUZZ_CLI_SRC) -lm

$(CHECKS_BUILD)/replay/replay_jsonl: tests/fuzz/replay.c $(FUZZ_JSONL_SRC) tests/jsoncheck.c $(HDRS)
	@mkdir -p $(CHECKS_BUILD)/replay
	$(SAN_CC) $(REPLAY_CFLAGS) -o $@ tests/fuzz/replay.c $(FUZZ_JSONL_SRC) -lm

fuzz-replay: $(FUZZ_TARGETS:%=$(CHECKS_BUILD)/replay/replay_%)
	@ASAN_OPTIONS=$(SAN_ASAN_OPTIONS) UBSAN_OPTIONS=$(SAN_UBSAN_OPTIONS); \
	 export ASAN_OPTIONS UBSAN_OPTIONS; pass=0; fail=0; \
	 for t in $(FUZZ_TARGETS); do \
	    if $(CHECKS_BUILD)/replay/replay_$$t -q tests/fuzz/corpus/$$t \
	         > $(CHECKS_BUILD)/replay/$$t.log 2>&1; then \
	        echo "fuzz-replay $$t: $$(tail -n 1 $(CHECKS_BUILD)/replay/$$t.log)"; \
	        pass=$$((pass + 1)); \
	    else \
	        tail -n 40 $(CHECKS_BUILD)/replay/$$t.log; \
	        echo "fuzz-replay $$t: FAILED (the input is named in the log above;" \
	             "rerun without -q: $(CHECKS_BUILD)/replay/replay_$$t tests/fuzz/corpus/$$t)"; \
	        fail=$$((fail + 1)); \
	    fi; \
	 done; \
	 echo "fuzz-replay: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# ---- sanitizers ---------------------------------------------------------------
#
# `make test` runs in a copy of the tree (build/asan, build/ubsan) so the
# objects of a normal build are neither reused nor clobbered. Reports go to
# files (log_path) as well as stderr: a report inside a test that hides its
# stderr still fails the target, with the report printed.

# $(call checks_copy,DIR): DIR becomes a clean copy of the source tree.
define checks_copy
	rm -rf $(1) && mkdir -p $(1)
	tar cf - --exclude=./.git --exclude=./build . | (cd $(1) && tar xf -)
	$(MAKE) --no-print-directory -C $(1) clean > /dev/null
	mkdir -p $(1)/san-logs
endef

# $(call checks_san,DIR,WHAT,ENV,MAKE-ARGS): `make test` in DIR with the
# environment ENV and MAKE-ARGS, then tests/hostile.sh without its slow
# tests; fail when either failed or DIR/san-logs holds a report (the first
# five are printed).
define checks_san
	@st=0; $(3) $(MAKE) --no-print-directory -C $(1) test $(4) || st=1; \
	if [ $$st -eq 0 ]; then \
	    (cd $(1) && $(3) HOSTILE_FAST=1 sh tests/hostile.sh > hostile.log 2>&1) || st=1; \
	    grep -v '^ok - ' $(1)/hostile.log; \
	fi; \
	if ls $(1)/san-logs/* > /dev/null 2>&1; then \
	    for f in $$(ls $(1)/san-logs/* | head -n 5); do \
	        echo "== $$f"; head -n 60 "$$f"; done; \
	    echo "$(2): $$(ls $(1)/san-logs | wc -l) sanitizer reports in $(1)/san-logs (the first ones above)"; \
	    exit 1; \
	fi; \
	if [ $$st -ne 0 ]; then echo "$(2): tests failed"; exit 1; fi; \
	echo "$(2): make test and hostile.sh passed, no sanitizer reports"
endef

check-asan:
	$(call checks_copy,$(CHECKS_BUILD)/asan)
	@echo "check-asan: make test in $(CHECKS_BUILD)/asan with -fsanitize=address (LeakSanitizer on)"
	$(call checks_san,$(CHECKS_BUILD)/asan,check-asan,\
	    ASAN_OPTIONS=$(SAN_ASAN_OPTIONS):log_path=$(CURDIR)/$(CHECKS_BUILD)/asan/san-logs/asan \
	    UBSAN_OPTIONS=$(SAN_UBSAN_OPTIONS),CC=$(SAN_CC) \
	    CFLAGS="-O1 -g -fsanitize=address -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address" DEFS="$(DEFS)")

check-ubsan:
	$(call checks_copy,$(CHECKS_BUILD)/ubsan)
	@echo "check-ubsan: make test in $(CHECKS_BUILD)/ubsan with -fsanitize=undefined"
	$(call checks_san,$(CHECKS_BUILD)/ubsan,check-ubsan,\
	    UBSAN_OPTIONS=$(SAN_UBSAN_OPTIONS):log_path=$(CURDIR)/$(CHECKS_BUILD)/ubsan/san-logs/ubsan,\
	    CC=$(SAN_CC) \
	    CFLAGS="-O1 -g -fsanitize=undefined -fsanitize=float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=undefined" DEFS="$(DEFS)")

# ---- valgrind -----------------------------------------------------------------

check-valgrind:
	@command -v valgrind > /dev/null 2>&1 || \
	    { echo "check-valgrind: valgrind not found (apt-get install valgrind)"; exit 1; }
	$(call checks_copy,$(CHECKS_BUILD)/valgrind)
	$(MAKE) --no-print-directory -C $(CHECKS_BUILD)/valgrind brief tests/jsoncheck \
	    CC=$(CC) CFLAGS="-O1 -g" DEFS="$(DEFS)"
	@SHARED=$(SHARED) sh tests/fuzz/valgrind.sh $(CHECKS_BUILD)/valgrind/brief

# ---- hostile inputs ---------------------------------------------------------------

check-hostile: brief tests/jsoncheck
	@sh tests/hostile.sh

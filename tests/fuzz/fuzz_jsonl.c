/*
 * fuzz_jsonl.c - libFuzzer target for the CLI's --jsonl batch mode
 * (brief_cli_jsonl_line() in src/jsonl.c): a JSON parser fed untrusted
 * lines.
 *
 * The first byte chooses the options (bit 0: -f json budget -n 1 instead
 * of the default; bit 1: keywords 5; bit 2: a sink that fails on its
 * first call), the rest is split into lines at '\n' and each line is
 * processed as --jsonl does, with the line numbers counting from 1.
 *
 * Checked (src/jsonl.c's contract): the status is BRIEF_OK or, with the
 * failing sink, BRIEF_ERR_WRITE; each record is written with one call that
 * holds one whole line ending in '\n'; that line is valid JSON
 * (tests/jsoncheck.c, strict UTF-8); a blank line (on line 1 also a
 * byte order mark and blanks) writes nothing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonl.h"

#define JSONCHECK_NO_MAIN
#include "../jsoncheck.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_jsonl: broken promise: %s\n", what);
    abort();
}

#define CHECK(c) do { if (!(c)) fail(#c); } while (0)

typedef struct sink {
    size_t calls;
    int fail_all;
} sink;

static int sink_write(void *ctx, const char *bytes, size_t len)
{
    sink *s = (sink *)ctx;
    jsoncheck_error err;
    s->calls++;
    if (s->fail_all)
        return 1;
    CHECK(len > 0 && bytes != NULL);
    CHECK(bytes[len - 1] == '\n');
    CHECK(memchr(bytes, '\n', len) == bytes + len - 1);
    /* the validator stops at JSONCHECK_MAX_DEPTH levels; deeper ids are
     * copied verbatim and are still JSON */
    if (!jsoncheck_validate(bytes, len - 1, 0, &err) &&
        strcmp(err.reason, "nesting too deep") != 0) {
        fprintf(stderr, "fuzz_jsonl: invalid JSON at byte %lu: %s: %.*s\n",
                (unsigned long)err.offset, err.reason,
                (int)(len < 400 ? len : 400), bytes);
        fail("each output line is valid JSON");
    }
    return 0;
}

static int blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    brief_options o;
    sink s;
    size_t start, i, lineno = 0;
    unsigned b0;
    if (size == 0)
        return 0;
    b0 = data[0];
    brief_options_init(&o);
    if (b0 & 1u)
        o.max_sentences = 1;
    if (b0 & 2u)
        o.keywords = 5;
    memset(&s, 0, sizeof s);
    s.fail_all = (b0 & 4u) != 0;
    start = 1;
    for (i = 1; i <= size; i++) {
        if (i == size || data[i] == '\n') {
            size_t n = i - start + (i < size); /* keep the '\n' */
            char *line;
            size_t before = s.calls;
            int rc;
            if (i == size && i == start)
                break;
            lineno++;
            /* an exact-size copy: a read past the line is an ASan report */
            line = (char *)malloc(n ? n : 1);
            if (!line)
                abort();
            if (n)
                memcpy(line, data + start, n);
            rc = brief_cli_jsonl_line(&o, line, n, lineno, sink_write, &s);
            free(line);
            if (blank((const char *)data + start, n) ||
                (lineno == 1 && n >= 3 &&
                 !memcmp(data + start, "\xEF\xBB\xBF", 3) &&
                 blank((const char *)data + start + 3, n - 3))) {
                /* blank, also after the byte order mark line 1 may
                 * start with: nothing is written */
                CHECK(rc == BRIEF_OK);
                CHECK(s.calls == before);
            } else if (s.fail_all) {
                CHECK(rc == BRIEF_ERR_WRITE);
                CHECK(s.calls == before + 1);
            } else {
                CHECK(rc == BRIEF_OK);
                CHECK(s.calls == before + 1);
            }
            start = i + 1;
        }
    }
    return 0;
}

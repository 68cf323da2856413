/*
 * fuzz_summarize.c - libFuzzer target for brief_summarize() and
 * brief_render().
 *
 * The first HDR bytes of an input choose the options, the rest is the
 * document (an input shorter than HDR is a document with default options):
 *
 *   byte 0  bits 0-1  input kind: auto, text, html, markdown
 *           bits 2-3  language: auto, en, de, fr
 *           bits 4-6  budget kind: 0 default, 1 -n, 2 -r, 3 -w, 4 -c,
 *                     5 all four, 6 -n SIZE_MAX, 7 -r and -n
 *           bit  7    keywords on (count from byte 2)
 *   byte 1  budget size (0..255; a ratio is taken modulo 101)
 *   byte 2  keywords count (0..255, used when byte 0 bit 7 is set)
 *   byte 3  bits 0-2  output format (0..7), rendered once more into a sink
 *                     that fails after byte 4 writes
 *           bits 3-4  memory: 0 libc, 1 counting allocator, 2 allocator
 *                     that fails after byte 4 allocations, 3 fixed arena
 *           bit  5    with memory 3: an arena of byte 4 * 64 bytes only
 *                     (else brief_arena_size() bytes, or
 *                     brief_arena_bound() when byte 4 is odd, and the
 *                     result is compared with a libc-allocated run)
 *           bits 6-7  encoding: 0 auto, 1 "latin1", 2 "UTF-16" (a BOM
 *                     still picks LE or BE), 3 "x-nonesuch" (unknown: a
 *                     warning); auto reaches the BOMs, <?xml encoding>
 *                     and <meta charset> of the document itself
 *   byte 4  a count for the failing sink / allocator / small arena
 *
 * Every run checks what include/brief.h promises: the status is the one
 * the input calls for (NUL bytes: binary for text and Markdown in a
 * single-byte charset, and nothing but NULs or UTF-16 ever is), the
 * encoding and warning fields agree, the spans and indices of the result are in range
 * and in order, the budget holds, no allocation is leaked or freed with a
 * wrong size, every format renders, JSON is valid (tests/jsoncheck.c),
 * the text format has one line per chosen sentence, a failing sink gives
 * BRIEF_ERR_WRITE and is not called again, and a fixed arena of
 * brief_arena_size() (or brief_arena_bound()) bytes never runs out. A
 * broken promise aborts.
 *
 * Without libFuzzer, tests/fuzz/replay.c supplies main().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "brief.h"

#define JSONCHECK_NO_MAIN
#include "../jsoncheck.c"

#define HDR 5

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_summarize: broken promise: %s\n", what);
    abort();
}

#define CHECK(c) do { if (!(c)) fail(#c); } while (0)

/* ---- allocators ----------------------------------------------------------- */

typedef struct counting {
    size_t live;      /* blocks not yet freed                              */
    size_t calls;     /* alloc calls so far                                */
    size_t fail_at;   /* alloc call number that fails (0 = never)          */
    int failed;       /* an allocation was refused                         */
} counting;

/* Each block carries its size in a header so free() can check it. */
#define AHDR 16

static void *c_alloc(void *ctx, size_t size)
{
    counting *c = (counting *)ctx;
    unsigned char *p;
    c->calls++;
    if (c->fail_at && c->calls >= c->fail_at) {
        c->failed = 1;
        return NULL;
    }
    if (size > (size_t)1 << 34)
        fail("allocation request over 16 GiB");
    p = (unsigned char *)malloc(size + AHDR);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    c->live++;
    return p + AHDR;
}

static void c_free(void *ctx, void *ptr, size_t size)
{
    counting *c = (counting *)ctx;
    unsigned char *p;
    size_t was;
    if (!ptr)
        fail("free(NULL) from the library");
    p = (unsigned char *)ptr - AHDR;
    memcpy(&was, p, sizeof was);
    if (was != size)
        fail("free() size differs from the alloc() size");
    if (c->live == 0)
        fail("more frees than allocations");
    c->live--;
    free(p);
}

/* ---- sinks ---------------------------------------------------------------- */

typedef struct sink {
    char *buf;
    size_t len, cap;
    size_t calls;
    size_t fail_at;   /* call number that fails (0 = never)                */
    int failed;
    int called_after_failure;
} sink;

static int sink_write(void *ctx, const char *bytes, size_t len)
{
    sink *s = (sink *)ctx;
    s->calls++;
    if (s->failed) {
        s->called_after_failure = 1;
        return 1;
    }
    if (s->fail_at && s->calls >= s->fail_at) {
        s->failed = 1;
        return 1;
    }
    if (len && !bytes)
        fail("write of NULL bytes");
    if (s->len + len > s->cap) {
        size_t cap = s->cap ? s->cap : 4096;
        char *nb;
        while (cap < s->len + len)
            cap *= 2;
        nb = (char *)realloc(s->buf, cap);
        if (!nb)
            abort();
        s->buf = nb;
        s->cap = cap;
    }
    if (len)
        memcpy(s->buf + s->len, bytes, len);
    s->len += len;
    return 0;
}

static size_t count_nl(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

/* ---- checks --------------------------------------------------------------- */

static void check_result(const brief_result *r, const brief_options *o,
                         const char *doc, size_t len)
{
    size_t i, words = 0, bytes = 0, flagged = 0;
    CHECK(r->text != NULL || r->text_length == 0);
    CHECK(r->language != NULL);
    CHECK(brief_language_name(r->language) != NULL);
    CHECK(r->input >= BRIEF_INPUT_TEXT && r->input <= BRIEF_INPUT_MARKDOWN);
    if (o->input != BRIEF_INPUT_AUTO)
        CHECK(r->input == o->input);
    CHECK(r->encoding != NULL);
    CHECK((r->warnings & ~BRIEF_WARN_ENCODING) == 0);
    if (r->warnings & BRIEF_WARN_ENCODING) {
        CHECK(r->unsupported_encoding != NULL);
        CHECK(strlen(r->unsupported_encoding) <= 40);
        CHECK(!strcmp(r->encoding, "UTF-8"));
    } else {
        CHECK(r->unsupported_encoding == NULL);
    }
    if (r->input == BRIEF_INPUT_TEXT) {
        if (!strcmp(r->encoding, "UTF-8")) { /* used in place */
            CHECK(r->text_length == len);
            CHECK(len == 0 || r->text == doc);
        } else {
            CHECK(r->text_length <= 3 * len + 3);
        }
    }
    CHECK(!r->has_title || r->title_index < r->sentence_count);
    for (i = 0; i < r->sentence_count; i++) {
        const brief_sentence *s = &r->sentences[i];
        CHECK(s->index == i);
        CHECK(s->offset <= r->text_length);
        CHECK(s->length <= r->text_length - s->offset);
        CHECK(s->length > 0);
        if (i > 0) {
            const brief_sentence *p = &r->sentences[i - 1];
            CHECK(p->offset + p->length <= s->offset);
            CHECK(p->paragraph <= s->paragraph);
        }
        CHECK(s->score == s->score); /* not NaN */
        if (s->flags & BRIEF_SENTENCE_CHOSEN) {
            flagged++;
            CHECK(!(s->flags & BRIEF_SENTENCE_TITLE));
        }
    }
    CHECK(flagged == r->chosen_count);
    for (i = 0; i < r->chosen_count; i++) {
        const brief_sentence *s;
        CHECK(r->chosen[i] < r->sentence_count);
        if (i > 0)
            CHECK(r->chosen[i - 1] < r->chosen[i]);
        s = &r->sentences[r->chosen[i]];
        CHECK(s->flags & BRIEF_SENTENCE_CHOSEN);
        words += s->words;
        bytes += s->length + (i > 0);
    }
    if (o->max_sentences)
        CHECK(r->chosen_count <= o->max_sentences);
    if (o->max_words)
        CHECK(words <= o->max_words);
    if (o->max_bytes)
        CHECK(bytes <= o->max_bytes);
    if (!o->max_sentences && !o->max_words && !o->max_bytes &&
        !o->ratio_percent)
        CHECK(r->chosen_count <= 3);
    CHECK(r->keyword_count <= o->keywords);
    for (i = 0; i < r->keyword_count; i++) {
        CHECK(r->keywords[i].text != NULL);
        CHECK(strlen(r->keywords[i].text) == r->keywords[i].length);
        CHECK(r->keywords[i].length > 0);
        CHECK(r->keywords[i].count > 0);
    }
}

/* Render every format; JSON must validate. Returns the JSON (caller frees). */
static char *render_all(const brief_result *r, size_t *json_len)
{
    int f;
    char *json = NULL;
    for (f = BRIEF_FORMAT_TEXT; f <= BRIEF_FORMAT_KEYWORDS; f++) {
        sink s;
        int rc;
        memset(&s, 0, sizeof s);
        rc = brief_render(r, (brief_format)f, sink_write, &s);
        CHECK(rc == BRIEF_OK);
        CHECK(!s.failed);
        if (f == BRIEF_FORMAT_JSON) {
            jsoncheck_error err;
            if (!jsoncheck_validate(s.buf ? s.buf : "", s.len, 0, &err)) {
                fprintf(stderr, "fuzz_summarize: invalid JSON at byte %lu: "
                        "%s\n", (unsigned long)err.offset, err.reason);
                fail("-f json output is valid JSON");
            }
            json = s.buf;
            *json_len = s.len;
            continue;
        }
        /* a line a chosen sentence; with key terms, then (after an empty
         * line when there are sentences) one "Key terms:" line */
        if (f == BRIEF_FORMAT_TEXT || f == BRIEF_FORMAT_BULLETS)
            CHECK(count_nl(s.buf, s.len) ==
                  r->chosen_count +
                      (r->keyword_count ? (r->chosen_count ? 2u : 1u) : 0u));
        if (f == BRIEF_FORMAT_KEYWORDS)
            CHECK(count_nl(s.buf, s.len) == r->keyword_count);
        free(s.buf);
    }
    CHECK(brief_render(r, (brief_format)8, sink_write, NULL) ==
          BRIEF_ERR_ARGUMENT);
    return json;
}

static void render_failing(const brief_result *r, brief_format f,
                           size_t fail_at)
{
    sink s;
    int rc;
    memset(&s, 0, sizeof s);
    s.fail_at = fail_at;
    rc = brief_render(r, f, sink_write, &s);
    CHECK(rc == (s.failed ? BRIEF_ERR_WRITE : BRIEF_OK));
    CHECK(!s.called_after_failure);
    free(s.buf);
}

/* ---- the target ------------------------------------------------------------ */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[4] = {NULL, "en", "de", "fr"};
    static const char *const encs[4] = {"auto", "latin1", "UTF-16",
                                        "x-nonesuch"};
    brief_options o;
    brief_allocator al;
    counting cnt;
    brief_result *r = NULL;
    const char *doc;
    size_t len, i;
    unsigned b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, mem;
    unsigned char *arena = NULL;
    size_t arena_size = 0;
    int rc, expect_nomem_ok = 0, has_nul, utf16;
    char *json = NULL;
    size_t json_len = 0;

    if (size >= HDR) {
        b0 = data[0];
        b1 = data[1];
        b2 = data[2];
        b3 = data[3];
        b4 = data[4];
        doc = (const char *)data + HDR;
        len = size - HDR;
    } else {
        doc = (const char *)data;
        len = size;
    }

    brief_options_init(&o);
    o.input = (brief_input)(b0 & 3u);
    o.language = langs[(b0 >> 2) & 3u];
    o.encoding = encs[(b3 >> 6) & 3u];
    switch ((b0 >> 4) & 7u) {
    case 1: o.max_sentences = b1; break;
    case 2: o.ratio_percent = b1 % 101u; break;
    case 3: o.max_words = b1; break;
    case 4: o.max_bytes = (size_t)b1 * 8; break;
    case 5:
        o.max_sentences = b1 % 16u;
        o.ratio_percent = b1 % 101u;
        o.max_words = (size_t)b1 * 2;
        o.max_bytes = (size_t)b1 * 16;
        break;
    case 6: o.max_sentences = (size_t)-1; break;
    case 7:
        o.ratio_percent = b1 % 101u;
        o.max_sentences = b1 % 7u;
        break;
    default: break;
    }
    if (b0 & 0x80u)
        o.keywords = b2;

    memset(&cnt, 0, sizeof cnt);
    al.alloc = c_alloc;
    al.free = c_free;
    al.ctx = &cnt;
    mem = (b3 >> 3) & 3u;
    if (mem == 1) {
        o.allocator = &al;
    } else if (mem == 2) {
        cnt.fail_at = (size_t)b4 + 1;
        o.allocator = &al;
        expect_nomem_ok = 1;
    } else if (mem == 3) {
        if (b3 & 0x20u) {
            arena_size = (size_t)b4 * 64;
            expect_nomem_ok = 1;
        } else if (b4 & 1u) {
            arena_size = brief_arena_bound(len, &o);
            CHECK(arena_size >= len);
        } else {
            /* the size fitted to this text: "always enough" */
            arena_size = brief_arena_size(doc, len, &o);
        }
        /* exactly arena_size bytes, so ASan sees a write past its end;
         * the counting allocator must never be called in this mode */
        arena = (unsigned char *)malloc(arena_size ? arena_size : 1);
        if (!arena)
            return 0;
        o.arena = arena;
        o.arena_size = arena_size;
        o.allocator = &al;
    }

    has_nul = len > 0 && memchr(doc, 0, len) != NULL;
    /* may the input be read as UTF-16 (which makes its NULs no NULs and
     * may make NULs of other bytes)? */
    utf16 = ((b3 >> 6) & 3u) == 2 ||
            (((b3 >> 6) & 3u) == 0 && len >= 2 &&
             (((unsigned char)doc[0] == 0xFF && (unsigned char)doc[1] == 0xFE) ||
              ((unsigned char)doc[0] == 0xFE && (unsigned char)doc[1] == 0xFF)));
    rc = brief_summarize(doc, len, &o, &r);
    if (rc == BRIEF_ERR_BINARY) {
        CHECK(has_nul || utf16);
        CHECK(r == NULL);
        CHECK(cnt.live == 0);
        free(arena);
        return 0;
    }
    if (has_nul && !utf16 && (o.input == BRIEF_INPUT_TEXT ||
                              o.input == BRIEF_INPUT_MARKDOWN))
        CHECK(rc == BRIEF_ERR_NOMEM); /* else it would be binary */
    if (rc == BRIEF_ERR_NOMEM) {
        CHECK(expect_nomem_ok);
        CHECK(r == NULL);
        CHECK(cnt.live == 0);
        if (mem == 2)
            CHECK(cnt.failed);
        free(arena);
        return 0;
    }
    if (rc != BRIEF_OK)
        fprintf(stderr, "fuzz_summarize: status %d (%s)\n", rc,
                brief_strerror(rc));
    CHECK(rc == BRIEF_OK);
    CHECK(r != NULL);
    if (mem == 3)
        CHECK(cnt.calls == 0);

    check_result(r, &o, doc, len);
    json = render_all(r, &json_len);
    render_failing(r, (brief_format)(b3 & 7u), (size_t)b4 + 1);

    /* a fixed arena of brief_arena_size() or brief_arena_bound() bytes
     * gives the same result as libc memory */
    if (mem == 3 && !(b3 & 0x20u)) {
        brief_options o2 = o;
        brief_result *r2 = NULL;
        char *json2;
        size_t json2_len = 0;
        o2.arena = NULL;
        o2.arena_size = 0;
        o2.allocator = NULL;
        CHECK(brief_summarize(doc, len, &o2, &r2) == BRIEF_OK);
        CHECK(r2->sentence_count == r->sentence_count);
        CHECK(r2->chosen_count == r->chosen_count);
        for (i = 0; i < r->chosen_count; i++)
            CHECK(r2->chosen[i] == r->chosen[i]);
        json2 = render_all(r2, &json2_len);
        CHECK(json2_len == json_len);
        CHECK(json_len == 0 || memcmp(json, json2, json_len) == 0);
        free(json2);
        brief_result_free(r2);
    }
    free(json);

    brief_result_free(r);
    CHECK(cnt.live == 0);
    free(arena);
    return 0;
}

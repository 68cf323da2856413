/*
 * test_render - unit tests of brief_render() (src/render.c) on results
 * built by hand, compared byte for byte with golden strings. JSON output
 * is also run through the validator of tests/jsoncheck.c.
 *
 * build: cc -std=c99 -Iinclude -Isrc tests/test_render.c src/render.c \
 *           src/normalize.c -o /tmp/test_render -lm
 * (add -DBRIEF_NO_RENDER_RICH to test the firmware build of render.c)
 *
 * Usage: test_render [WORD...]: the WORDs select tests by name as in
 * tests/harness.h (`test_render -l` lists them). Prints each failure, then
 * "N passed, N failed" (", 3 skipped" when built with
 * BRIEF_NO_RENDER_RICH: the tsv, json and html tests do not apply); exits 1
 * if any check failed, 2 on an unknown WORD.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "brief.h"
#include "harness.h"

#define JSONCHECK_NO_MAIN
#include "jsoncheck.c"

/* ---- a growing buffer behind the write callback --------------------------- */

typedef struct sink {
    char *buf;
    size_t len, cap;
    int calls;      /* how many times fn was called                       */
    int fail_at;    /* return -1 on this call (1-based); 0 = never        */
    int after_fail; /* calls made after the failing one (must stay 0)     */
} sink;

static int sink_write(void *ctx, const char *bytes, size_t len)
{
    sink *k = (sink *)ctx;
    if (k->fail_at && k->calls >= k->fail_at)
        k->after_fail++;
    k->calls++;
    if (len == 0)
        k->after_fail += 1000; /* zero-length writes are a contract break */
    if (k->fail_at && k->calls == k->fail_at)
        return -1;
    if (k->len + len + 1 > k->cap) {
        size_t nc = (k->len + len + 1) * 2;
        char *nb = (char *)realloc(k->buf, nc);
        if (!nb) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        k->buf = nb;
        k->cap = nc;
    }
    memcpy(k->buf + k->len, bytes, len);
    k->len += len;
    k->buf[k->len] = 0;
    return 0;
}

static void sink_reset(sink *k)
{
    free(k->buf);
    memset(k, 0, sizeof *k);
}

/* Render into k (reset first); returns the status. */
static int render(const brief_result *r, brief_format f, sink *k)
{
    sink_reset(k);
    return brief_render(r, f, sink_write, k);
}

/* Exact comparison; on mismatch shows both sides with escapes. */
static void show(const char *label, const char *s, size_t n)
{
    size_t i;
    printf("  %s (%lu bytes): \"", label, (unsigned long)n);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\')
            printf("\\\\");
        else if (c == '"')
            printf("\\\"");
        else if (c >= 0x20 && c < 0x7F)
            putchar(c);
        else if (c == '\n')
            printf("\\n");
        else if (c == '\t')
            printf("\\t");
        else
            printf("\\x%02x", c);
    }
    printf("\"\n");
}

static int same_bytes(const char *got, size_t got_len, const char *want,
                      size_t want_len, int line)
{
    if (got_len == want_len && (want_len == 0 || !memcmp(got, want, want_len)))
        return 1;
    printf("mismatch at test line %d\n", line);
    show("want", want, want_len);
    show("got ", got ? got : "", got_len);
    return 0;
}

static int same(const sink *k, const char *want, size_t want_len, int line)
{
    return same_bytes(k->buf, k->len, want, want_len, line);
}

/* golden literals may hold NUL-free bytes only, so strlen is fine */
#define SAME(k, want) same((k), (want), sizeof(want) - 1, __LINE__)

/* ---- the sample article ---------------------------------------------------- */
/*
 *  off len  sentence                                        para flags
 *    0  11  The "Title"                                        0 TITLE
 *   13  23  First line\nsecond\tpart.                          1 CHOSEN
 *   37  22  Back\slash  and\r\nCRLF.                           1 -
 *   61  11  A <Heading>                                        2 HEADING
 *   74  45  Bad \xff, \xc0\xaf & <script>'x'</script>          3 CHOSEN
 *           \x01\b\f U+2028 " end " and a truncated \xe2\x82 at the end
 *           of the text
 */
static const char sample_text[] =
    "The \"Title\""
    "\n\n"
    "First line\nsecond\tpart."
    " "
    "Back\\slash  and\r\nCRLF."
    "\n\n"
    "A <Heading>"
    "\n\n"
    "Bad \xff, \xc0\xaf & <script>'x'</script>\x01\b\f\xe2\x80\xa8 end \xe2\x82";

static const brief_sentence sample_sents[] = {
    {0, 11, 0.0, 0, 0, 2, BRIEF_SENTENCE_TITLE, NULL, 0},
    {13, 23, 0.5, 1, 1, 4, BRIEF_SENTENCE_CHOSEN, NULL, 0},
    {37, 22, 0.25, 2, 1, 3, 0, NULL, 0},
    {61, 11, 0.0, 3, 2, 2, BRIEF_SENTENCE_HEADING, NULL, 0},
    {74, 45, 1.0 / 3.0, 4, 3, 6, BRIEF_SENTENCE_CHOSEN, NULL, 0},
};
static const size_t sample_chosen[] = {1, 4};
static const brief_keyword sample_kw[] = {
    {"line", 4, 0.75, 2, 1},
    {"caf\xc3\xa9 \"q\"", 9, 0.123456789, 1, 2},
};

static brief_result sample(void)
{
    brief_result r;
    memset(&r, 0, sizeof r);
    r.text = sample_text;
    r.text_length = sizeof sample_text - 1;
    r.sentences = sample_sents;
    r.sentence_count = 5;
    r.chosen = sample_chosen;
    r.chosen_count = 2;
    r.has_title = 1;
    r.title_index = 0;
    r.language = "en";
    r.input = BRIEF_INPUT_TEXT;
    r.keywords = sample_kw;
    r.keyword_count = 2;
    r.word_count = 17;
    return r;
}

/* S4 with folding: \f U+2028 ' ' is one run -> one space */
#define S4_FOLDED                                                           \
    "Bad \xff, \xc0\xaf & <script>'x'</script>\x01\b end \xe2\x82"

#ifndef BRIEF_NO_RENDER_RICH
static void json_valid(const sink *k, int line)
{
    jsoncheck_error e;
    if (jsoncheck_validate(k->buf ? k->buf : "", k->len, 1, &e)) {
        harness_pass++;
    } else {
        harness_fail++;
        printf("FAIL %s line %d: invalid JSON at byte %lu: %s\n",
               harness_current, line,
               (unsigned long)e.offset, e.reason);
    }
}

static int utf8_valid(const sink *k)
{
    size_t i = 0;
    while (i < k->len) {
        size_t n = jc_utf8_len((const unsigned char *)k->buf, k->len, i);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}
#endif

/* ---- tests -------------------------------------------------------------- */

static void test_sanity(void)
{
    CHECK(sizeof sample_text - 1 == 119);
    CHECK(sample_text[74] == 'B' && sample_text[61] == 'A' &&
          sample_text[37] == 'B' && sample_text[13] == 'F');
}

static void test_text_formats(void)
{
    brief_result r = sample();
    sink k = {0};
    CHECK(render(&r, BRIEF_FORMAT_TEXT, &k) == BRIEF_OK);
    /* the -k rule: key terms after the sentences, one line */
    CHECK(SAME(&k, "First line second part.\n" S4_FOLDED "\n"
                   "\nKey terms: line, caf\xc3\xa9 \"q\"\n"));
    CHECK(k.calls == 1);

    CHECK(render(&r, BRIEF_FORMAT_BULLETS, &k) == BRIEF_OK);
    CHECK(SAME(&k, "- First line second part.\n- " S4_FOLDED "\n"
                   "\nKey terms: line, caf\xc3\xa9 \"q\"\n"));

    /* no key terms: the sentences alone; no sentences: the terms alone */
    r.keyword_count = 0;
    CHECK(render(&r, BRIEF_FORMAT_TEXT, &k) == BRIEF_OK);
    CHECK(SAME(&k, "First line second part.\n" S4_FOLDED "\n"));
    r.keyword_count = 2;
    r.chosen_count = 0;
    CHECK(render(&r, BRIEF_FORMAT_TEXT, &k) == BRIEF_OK);
    CHECK(SAME(&k, "Key terms: line, caf\xc3\xa9 \"q\"\n"));
    r.chosen_count = 2;

    CHECK(render(&r, BRIEF_FORMAT_SPLIT, &k) == BRIEF_OK);
    CHECK(SAME(&k, "The \"Title\"\n"
                   "First line second part.\n"
                   "Back\\slash  and CRLF.\n" /* plain spaces kept */
                   "A <Heading>\n" S4_FOLDED "\n"));

    CHECK(render(&r, BRIEF_FORMAT_SCORES, &k) == BRIEF_OK);
    CHECK(SAME(&k, "# language: en\n"
                   "0\t0.0000\tT\tThe \"Title\"\n"
                   "1\t0.5000\t*\tFirst line second part.\n"
                   "2\t0.2500\t-\tBack\\slash  and CRLF.\n"
                   "3\t0.0000\tH\tA <Heading>\n"
                   "4\t0.3333\t*\t" S4_FOLDED "\n"));

    CHECK(render(&r, BRIEF_FORMAT_KEYWORDS, &k) == BRIEF_OK);
    CHECK(SAME(&k, "line\t0.7500\t2\n"
                   "caf\xc3\xa9 \"q\"\t0.1235\t1\n"));
    sink_reset(&k);
}

static void test_folding(void)
{
    static const char text[] = "a\n\n  b\tc  d\r\re\v\ff \xe2\x80\xa9g\n";
    brief_sentence s[1] = {{0, sizeof text - 1, 0.0, 0, 0, 0, 0, NULL, 0}};
    brief_result r;
    sink k = {0};
    memset(&r, 0, sizeof r);
    r.text = text;
    r.text_length = sizeof text - 1;
    r.sentences = s;
    r.sentence_count = 1;
    CHECK(render(&r, BRIEF_FORMAT_SPLIT, &k) == BRIEF_OK);
    /* a trailing newline inside the span folds to a trailing space */
    CHECK(SAME(&k, "a b c  d e f g \n"));
    sink_reset(&k);
}

static void test_numbers(void)
{
    static const char text[] = "x";
    brief_sentence s[8];
    brief_result r;
    sink k = {0};
    double v[8];
    size_t i;
    v[0] = 0.99999;
    v[1] = -0.00001;
    v[2] = 12345.678;
    v[3] = NAN;
    v[4] = INFINITY;
    v[5] = -2.5;
    v[6] = 1e300;
    v[7] = 2.0 / 3.0;
    for (i = 0; i < 8; i++) {
        brief_sentence t = {0, 1, 0.0, 0, 0, 1, 0, NULL, 0};
        t.score = v[i];
        t.index = i;
        s[i] = t;
    }
    memset(&r, 0, sizeof r);
    r.text = text;
    r.text_length = 1;
    r.sentences = s;
    r.sentence_count = 8;
    r.language = "de";
    CHECK(render(&r, BRIEF_FORMAT_SCORES, &k) == BRIEF_OK);
    CHECK(SAME(&k, "# language: de\n"
                   "0\t1.0000\t-\tx\n"
                   "1\t0.0000\t-\tx\n"
                   "2\t12345.6780\t-\tx\n"
                   "3\t0.0000\t-\tx\n"
                   "4\t0.0000\t-\tx\n"
                   "5\t-2.5000\t-\tx\n"
                   "6\t1000000000000000.0000\t-\tx\n"
                   "7\t0.6667\t-\tx\n"));
#ifndef BRIEF_NO_RENDER_RICH
    {
        size_t all[8] = {0, 1, 2, 3, 4, 5, 6, 7};
        r.chosen = all;
        r.chosen_count = 8;
        CHECK(render(&r, BRIEF_FORMAT_JSON, &k) == BRIEF_OK);
        json_valid(&k, __LINE__);
        CHECK(strstr(k.buf, "\"score\":0.000000,") != NULL);
        CHECK(strstr(k.buf, "\"score\":-2.500000,") != NULL);
        CHECK(strstr(k.buf, "nan") == NULL && strstr(k.buf, "inf") == NULL);
        CHECK(render(&r, BRIEF_FORMAT_HTML, &k) == BRIEF_OK);
        CHECK(utf8_valid(&k));
        /* max is the largest finite score (1e300): 12345 shades as 0.05 */
        CHECK(strstr(k.buf, "nan") == NULL);
    }
#endif
    sink_reset(&k);
}

#ifndef BRIEF_NO_RENDER_RICH
static void test_tsv(void)
{
    static const size_t chosen2[] = {1, 2, 4};
    brief_result r = sample();
    sink k = {0};
    r.chosen = chosen2;
    r.chosen_count = 3;
    CHECK(render(&r, BRIEF_FORMAT_TSV, &k) == BRIEF_OK);
    CHECK(SAME(&k, "index\tscore\toffset\tlength\ttext\n"
                   "1\t0.500000\t13\t23\tFirst line\\nsecond\\tpart.\n"
                   "2\t0.250000\t37\t22\tBack\\\\slash  and\\r\\nCRLF.\n"
                   "4\t0.333333\t74\t45\tBad \xff, \xc0\xaf & "
                   "<script>'x'</script>\x01\b\f\xe2\x80\xa8 end \xe2\x82\n"
                   /* key terms: rows of their own, same columns */
                   "\t0.750000\t\t\tline\n"
                   "\t0.123457\t\t\tcaf\xc3\xa9 \"q\"\n"));
    sink_reset(&k);
}

#define FFFD "\xef\xbf\xbd"

static void test_json(void)
{
    brief_result r = sample();
    sink k = {0};
    CHECK(render(&r, BRIEF_FORMAT_JSON, &k) == BRIEF_OK);
    CHECK(SAME(&k,
        "{\"version\":\"0.1.0\",\"language\":\"en\",\"input\":\"text\","
        "\"title\":\"The \\\"Title\\\"\",\"sentence_count\":5,"
        "\"word_count\":17,\"keywords\":["
        "{\"text\":\"line\",\"weight\":0.750000,\"count\":2,"
        "\"words\":1},{\"text\":\"caf\xc3\xa9 \\\"q\\\"\","
        "\"weight\":0.123457,\"count\":1,\"words\":2}],\"sentences\":["
        "{\"index\":1,\"paragraph\":1,\"score\":0.500000,\"offset\":13,"
        "\"length\":23,\"text\":\"First line\\nsecond\\tpart.\"},"
        "{\"index\":4,\"paragraph\":3,\"score\":0.333333,\"offset\":74,"
        "\"length\":45,\"text\":\"Bad " FFFD ", " FFFD FFFD " & "
        "<script>'x'</script>\\u0001\\b\\f\\u2028 end " FFFD FFFD "\"}]}\n"));
    json_valid(&k, __LINE__);
    CHECK(k.len > 11 && !memcmp(k.buf, "{\"version\":", 11));
    CHECK(k.len > 2 && !memcmp(k.buf + k.len - 2, "}\n", 2));

    /* no title, markdown, NULL language, no keywords, nothing chosen */
    r.has_title = 0;
    r.input = BRIEF_INPUT_MARKDOWN;
    r.language = NULL;
    r.keyword_count = 0;
    r.keywords = NULL;
    r.chosen_count = 0;
    r.chosen = NULL;
    CHECK(render(&r, BRIEF_FORMAT_JSON, &k) == BRIEF_OK);
    CHECK(SAME(&k, "{\"version\":\"0.1.0\",\"language\":null,"
                   "\"input\":\"markdown\",\"title\":null,"
                   "\"sentence_count\":5,\"word_count\":17,"
                   "\"keywords\":[],\"sentences\":[]}\n"));
    json_valid(&k, __LINE__);
    sink_reset(&k);
}

static const char html_body[] =
    "<main>\n"
    "<h1><span class=\"s\" title=\"score 0.0000\" style=\"background: "
    "rgba(255,200,0,0.050)\">The &quot;Title&quot;</span></h1>\n"
    "<p class=\"has-chosen\"><span class=\"s chosen\" title=\"score 0.5000\" "
    "style=\"background: rgba(255,200,0,0.600)\">First line\nsecond\tpart."
    "</span>\n"
    "<span class=\"s\" title=\"score 0.2500\" style=\"background: "
    "rgba(255,200,0,0.325)\">Back\\slash  and\r\nCRLF.</span></p>\n"
    "<h2><span class=\"s\" title=\"score 0.0000\" style=\"background: "
    "rgba(255,200,0,0.050)\">A &lt;Heading&gt;</span></h2>\n"
    "<p class=\"has-chosen\"><span class=\"s chosen\" title=\"score 0.3333\" "
    "style=\"background: rgba(255,200,0,0.417)\">Bad " FFFD ", " FFFD FFFD
    " &amp; &lt;script&gt;&#39;x&#39;&lt;/script&gt;" FFFD FFFD
    "\f\xe2\x80\xa8 end " FFFD FFFD "</span></p>\n"
    "</main>\n</body>\n</html>\n";

static void test_html(void)
{
    brief_result r = sample();
    sink k = {0};
    const char *body, *p;
    CHECK(render(&r, BRIEF_FORMAT_HTML, &k) == BRIEF_OK);
    {
        static const char head[] =
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
            "<meta charset=\"utf-8\">\n"
            "<title>The &quot;Title&quot;</title>\n";
        CHECK(!strncmp(k.buf, head, sizeof head - 1));
    }
    CHECK(strstr(k.buf, "<style>") != NULL);
    CHECK(strstr(k.buf, "<p>brief: 2 of 5 sentences chosen</p>") != NULL);
    CHECK(strstr(k.buf, "class=\"legend\"") != NULL);
    CHECK(strstr(k.buf, ".chosen{") != NULL);
    body = strstr(k.buf, "<main>\n");
    CHECK(body != NULL);
    if (body)
        CHECK(same_bytes(body, k.len - (size_t)(body - k.buf), html_body,
                         sizeof html_body - 1, __LINE__));
    CHECK(utf8_valid(&k));
    /* no scripts and nothing external anywhere in the document */
    for (p = k.buf; *p; p++)
        if (!strncmp(p, "<script", 7) || !strncmp(p, "src=", 4) ||
            !strncmp(p, "href=", 5) || !strncmp(p, "url(", 4) ||
            !strncmp(p, "@import", 7))
            break;
    CHECK(*p == 0);

    /* empty article */
    memset(&r, 0, sizeof r);
    r.language = "en";
    CHECK(render(&r, BRIEF_FORMAT_HTML, &k) == BRIEF_OK);
    CHECK(strstr(k.buf, "<p>brief: 0 of 0 sentences chosen</p>") != NULL);
    CHECK(strstr(k.buf, "<title>brief</title>") != NULL);
    CHECK(strstr(k.buf, "(no sentences)") != NULL);
    sink_reset(&k);
}
#endif /* BRIEF_NO_RENDER_RICH */

static void test_empty(void)
{
    brief_result r;
    sink k = {0};
    memset(&r, 0, sizeof r);
    r.language = "en";
    CHECK(render(&r, BRIEF_FORMAT_TEXT, &k) == BRIEF_OK);
    CHECK(k.len == 0 && k.calls == 0);
    CHECK(render(&r, BRIEF_FORMAT_SPLIT, &k) == BRIEF_OK && k.calls == 0);
    CHECK(render(&r, BRIEF_FORMAT_KEYWORDS, &k) == BRIEF_OK && k.calls == 0);
    CHECK(render(&r, BRIEF_FORMAT_SCORES, &k) == BRIEF_OK);
    CHECK(SAME(&k, "# language: en\n"));
#ifndef BRIEF_NO_RENDER_RICH
    CHECK(render(&r, BRIEF_FORMAT_TSV, &k) == BRIEF_OK);
    CHECK(SAME(&k, "index\tscore\toffset\tlength\ttext\n"));
    CHECK(render(&r, BRIEF_FORMAT_JSON, &k) == BRIEF_OK);
    CHECK(SAME(&k, "{\"version\":\"0.1.0\",\"language\":\"en\","
                   "\"input\":\"auto\",\"title\":null,\"sentence_count\":0,"
                   "\"word_count\":0,\"keywords\":[],\"sentences\":[]}\n"));
    json_valid(&k, __LINE__);
#endif
    sink_reset(&k);
}

/* A sentence far longer than the 256-byte chunk, with 2-byte characters
 * straddling chunk borders. */
static void test_long(void)
{
    enum { REPS = 300 };
    static char text[REPS * 3];
    static char want[REPS * 3 + 2];
    brief_sentence s[1];
    size_t chosen[1] = {0};
    brief_result r;
    sink k = {0};
    size_t i, w = 0;
    for (i = 0; i < REPS; i++) {
        memcpy(text + 3 * i, "\xc3\xa9\n", 3); /* "é\n" */
        memcpy(want + w, "\xc3\xa9 ", 3);
        w += 3;
    }
    want[w++] = '\n';
    memset(s, 0, sizeof s);
    s[0].length = sizeof text;
    s[0].flags = BRIEF_SENTENCE_CHOSEN;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.text_length = sizeof text;
    r.sentences = s;
    r.sentence_count = 1;
    r.chosen = chosen;
    r.chosen_count = 1;
    CHECK(render(&r, BRIEF_FORMAT_TEXT, &k) == BRIEF_OK);
    CHECK(same(&k, want, w, __LINE__));
    CHECK(k.calls == 4); /* 901 bytes in 256-byte chunks */
#ifndef BRIEF_NO_RENDER_RICH
    CHECK(render(&r, BRIEF_FORMAT_JSON, &k) == BRIEF_OK);
    json_valid(&k, __LINE__);
    CHECK(render(&r, BRIEF_FORMAT_HTML, &k) == BRIEF_OK);
    CHECK(utf8_valid(&k));
#endif
    sink_reset(&k);
}

static const brief_format all_formats[] = {
    BRIEF_FORMAT_TEXT, BRIEF_FORMAT_BULLETS, BRIEF_FORMAT_JSON,
    BRIEF_FORMAT_TSV, BRIEF_FORMAT_HTML, BRIEF_FORMAT_SCORES,
    BRIEF_FORMAT_SPLIT, BRIEF_FORMAT_KEYWORDS};

static int is_rich(brief_format f)
{
    return f == BRIEF_FORMAT_JSON || f == BRIEF_FORMAT_TSV ||
           f == BRIEF_FORMAT_HTML;
}

/* Fail on call n: BRIEF_ERR_WRITE, and fn is never called again. */
static void test_write_failure(void)
{
    static char text[2000];
    brief_sentence s[2];
    size_t chosen[2] = {0, 1};
    brief_keyword kw[1] = {{"word", 4, 1.0, 3, 1}};
    brief_result r;
    size_t f;
    int n;
    memset(text, 'a', sizeof text);
    memset(s, 0, sizeof s);
    s[0].length = 1000;
    s[1].offset = 1000;
    s[1].length = 1000;
    s[1].index = 1;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.text_length = sizeof text;
    r.sentences = s;
    r.sentence_count = 2;
    r.chosen = chosen;
    r.chosen_count = 2;
    r.keywords = kw;
    r.keyword_count = 1;
    for (f = 0; f < sizeof all_formats / sizeof all_formats[0]; f++) {
        int total;
        sink k = {0};
        int rc = render(&r, all_formats[f], &k);
#ifdef BRIEF_NO_RENDER_RICH
        if (is_rich(all_formats[f])) {
            CHECK(rc == BRIEF_ERR_ARGUMENT && k.calls == 0);
            sink_reset(&k);
            continue;
        }
#else
        (void)is_rich;
#endif
        CHECK(rc == BRIEF_OK);
        total = k.calls;
        for (n = 1; n <= total; n++) {
            k.fail_at = 0;
            sink_reset(&k);
            k.fail_at = n;
            rc = brief_render(&r, all_formats[f], sink_write, &k);
            CHECK(rc == BRIEF_ERR_WRITE);
            CHECK(k.calls == n && k.after_fail == 0);
        }
        sink_reset(&k);
    }
}

static int never_called(void *ctx, const char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    ++*(int *)ctx;
    return 0;
}

static void test_arguments(void)
{
    static const size_t bad_chosen[] = {1, 5};
    brief_result r = sample(), bad;
    int calls = 0;
    size_t f;
    CHECK(brief_render(NULL, BRIEF_FORMAT_TEXT, never_called, &calls) ==
          BRIEF_ERR_ARGUMENT);
    CHECK(brief_render(&r, BRIEF_FORMAT_TEXT, NULL, &calls) ==
          BRIEF_ERR_ARGUMENT);
    CHECK(brief_render(&r, (brief_format)99, never_called, &calls) ==
          BRIEF_ERR_ARGUMENT);
    CHECK(brief_render(&r, (brief_format)-1, never_called, &calls) ==
          BRIEF_ERR_ARGUMENT);
    /* inconsistent results: rejected before any output, in every format */
    for (f = 0; f < sizeof all_formats / sizeof all_formats[0]; f++) {
        bad = r;
        bad.chosen = bad_chosen;
        CHECK(brief_render(&bad, all_formats[f], never_called, &calls) ==
              BRIEF_ERR_ARGUMENT);
        bad = r;
        bad.text_length = 100; /* the last span ends at 119 */
        CHECK(brief_render(&bad, all_formats[f], never_called, &calls) ==
              BRIEF_ERR_ARGUMENT);
        bad = r;
        bad.title_index = 5;
        CHECK(brief_render(&bad, all_formats[f], never_called, &calls) ==
              BRIEF_ERR_ARGUMENT);
        bad = r;
        bad.sentences = NULL;
        CHECK(brief_render(&bad, all_formats[f], never_called, &calls) ==
              BRIEF_ERR_ARGUMENT);
    }
    CHECK(calls == 0);
#ifdef BRIEF_NO_RENDER_RICH
    CHECK(brief_render(&r, BRIEF_FORMAT_JSON, never_called, &calls) ==
          BRIEF_ERR_ARGUMENT);
    CHECK(brief_render(&r, BRIEF_FORMAT_TSV, never_called, &calls) ==
          BRIEF_ERR_ARGUMENT);
    CHECK(brief_render(&r, BRIEF_FORMAT_HTML, never_called, &calls) ==
          BRIEF_ERR_ARGUMENT);
    CHECK(calls == 0);
#endif
}

/* The validator itself, so a pass above means something. */
static void test_jsoncheck(void)
{
    static const struct { const char *s; int lines, ok; } cases[] = {
        {"{\"a\":[1,-0.5e+3,true,false,null,\"\\u00e9\\ud83d\\ude00\"]}", 0, 1},
        {" 0 ", 0, 1},
        {"\"\xc3\xa9\xe2\x80\xa8\"", 0, 1},
        {"{\"a\":\n1}\n", 0, 1},
        {"{\"a\":\n1}\n", 1, 0},
        {"1\n[2]\r\n\"x\"", 1, 1},
        {"1\n\n2\n", 1, 0},
        {"", 0, 0},
        {"", 1, 0},
        {"{\"a\":1,}", 0, 0},
        {"[1,]", 0, 0},
        {"[01]", 0, 0},
        {"[1.]", 0, 0},
        {"[.5]", 0, 0},
        {"[1e]", 0, 0},
        {"-", 0, 0},
        {"tru", 0, 0},
        {"NaN", 0, 0},
        {"\"\\x\"", 0, 0},
        {"\"\\ud800\"", 0, 0},
        {"\"\\udc00\"", 0, 0},
        {"\"\\ud800\\u0041\"", 0, 0},
        {"\"a\x01\"", 0, 0},
        {"\"a\tb\"", 0, 0},
        {"\"\xff\"", 0, 0},
        {"\"\xc0\xaf\"", 0, 0},
        {"\"\xed\xa0\x80\"", 0, 0},
        {"\"\xe2\x82\"", 0, 0},
        {"{\"a\" 1}", 0, 0},
        {"{1:2}", 0, 0},
        {"1 2", 0, 0},
        {"[1] x", 0, 0},
        {"\"unterminated", 0, 0},
    };
    static char deep[600];
    size_t i;
    jsoncheck_error e;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = jsoncheck_validate(cases[i].s, strlen(cases[i].s),
                                     cases[i].lines, &e);
        if (got == cases[i].ok) {
            harness_pass++;
        } else {
            harness_fail++;
            printf("FAIL %s: jsoncheck case %lu: got %d (%s)\n",
                   harness_current, (unsigned long)i, got, e.reason);
        }
    }
    memset(deep, '[', 300);
    memset(deep + 300, ']', 300);
    CHECK(!jsoncheck_validate(deep, sizeof deep, 0, &e));
    CHECK(jsoncheck_validate(deep + 100, 400, 0, &e)); /* depth 200 */
}

#ifdef BRIEF_NO_RENDER_RICH
static void test_not_built(void)
{
    SKIP("built with BRIEF_NO_RENDER_RICH");
}
#endif

/* brief_json_escape(): the escaping rules, measuring, and a buffer too
 * small (never written past, holds whole escapes only). */
static int escaped_is(const char *in, size_t len, const char *want)
{
    char out[64];
    size_t n;
    memset(out, '#', sizeof out);
    n = brief_json_escape(in, len, out, sizeof out);
    return n == strlen(want) && n < sizeof out && !memcmp(out, want, n) &&
           out[n] == '#' && brief_json_escape(in, len, NULL, 0) == n;
}

static void test_json_escape(void)
{
    char out[8];
    CHECK(escaped_is("plain text", 10, "plain text"));
    CHECK(escaped_is("a\"b\\c/", 6, "a\\\"b\\\\c/"));
    CHECK(escaped_is("\b\f\n\r\t", 5, "\\b\\f\\n\\r\\t"));
    CHECK(escaped_is("\x01\x1f\x7f", 3, "\\u0001\\u001f\x7f"));
    CHECK(escaped_is("a\0b", 3, "a\\u0000b")); /* len counts, not NUL */
    CHECK(escaped_is("\xe2\x80\xa8\xe2\x80\xa9", 6, "\\u2028\\u2029"));
    CHECK(escaped_is("\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", 9,
                     "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"));
    /* invalid UTF-8: one U+FFFD a byte (a lone continuation byte, a
     * truncated sequence, an overlong form, a surrogate) */
    CHECK(escaped_is("\x80", 1, "\xef\xbf\xbd"));
    CHECK(escaped_is("\xe2\x80", 2, "\xef\xbf\xbd\xef\xbf\xbd"));
    CHECK(escaped_is("\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd"));
    CHECK(escaped_is("\xed\xa0\x80", 3,
                     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
    /* empty and NULL input */
    CHECK(escaped_is("", 0, ""));
    CHECK(brief_json_escape(NULL, 0, NULL, 0) == 0);
    CHECK(brief_json_escape(NULL, 5, out, sizeof out) == 0);
    /* too small: the full size is returned, nothing past cap is written
     * and only whole escapes are */
    memset(out, '#', sizeof out);
    CHECK(brief_json_escape("ab\ncd", 5, out, 3) == 6);
    CHECK(!memcmp(out, "ab##", 4));
    memset(out, '#', sizeof out);
    CHECK(brief_json_escape("abcdef", 6, out, 4) == 6);
    CHECK(!memcmp(out, "abcd##", 6));
    memset(out, '#', sizeof out);
    CHECK(brief_json_escape("\x01", 1, out, 5) == 6);
    CHECK(out[0] == '#');
    CHECK(brief_json_escape("\xc3\xa9", 2, out, 0) == 2);
    CHECK(out[0] == '#');
    memset(out, '#', sizeof out);
    CHECK(brief_json_escape("\"\"\"\"", 4, out, 7) == 8);
    CHECK(!memcmp(out, "\\\"\\\"\\\"#", 7));
}

static const harness_test tests[] = {
    {"sanity", test_sanity},
    {"text_formats", test_text_formats},
    {"folding", test_folding},
    {"numbers", test_numbers},
#ifndef BRIEF_NO_RENDER_RICH
    {"tsv", test_tsv},
    {"json", test_json},
    {"html", test_html},
#else
    {"tsv", test_not_built},
    {"json", test_not_built},
    {"html", test_not_built},
#endif
    {"empty", test_empty},
    {"long", test_long},
    {"write_failure", test_write_failure},
    {"arguments", test_arguments},
    {"jsoncheck", test_jsoncheck},
    {"json_escape", test_json_escape},
};

int main(int argc, char **argv)
{
    return harness_main(argc, argv, tests, HARNESS_COUNT(tests));
}

/*
 * test_charset.c - unit tests of input normalization (src/charset.c)
 * through the public API: byte-order marks, <?xml encoding>, <meta
 * charset> and http-equiv, the single-byte tables, options.encoding, the
 * warning for a charset brief cannot decode, NUL bytes in HTML markup and
 * in text, and the arena bound of a converted input.
 *
 * Every input is written here, byte by byte. Prints each failure, then
 * "N passed, N failed"; exits non-zero on any failure.
 */
#include <stdlib.h>
#include "brief.h"
#include "harness.h"

/* Summarize len bytes with input kind and encoding (NULL: default). */
static brief_result *run(const char *in, size_t len, brief_input kind,
                         const char *enc, int *rc)
{
    brief_options o;
    brief_result *r = NULL;
    brief_options_init(&o);
    o.input = kind;
    if (enc)
        o.encoding = enc;
    *rc = brief_summarize(in, len, &o, &r);
    return r;
}

/* Does the result's text contain the UTF-8 string s? */
static int has(const brief_result *r, const char *s)
{
    size_t n = strlen(s), i;
    if (!r)
        return 0;
    for (i = 0; i + n <= r->text_length; i++)
        if (!memcmp(r->text + i, s, n))
            return 1;
    return 0;
}

#define RUN(lit, kind, enc) run(lit, sizeof lit - 1, kind, enc, &rc)

static void test_bom(void)
{
    char be[256];
    /* "Der Bär schläft. Er träumt." in UTF-16LE and UTF-16BE with a BOM */
    static const char le[] =
        "\xFF\xFE" "D\0e\0r\0 \0B\0\xE4\0r\0 \0s\0c\0h\0l\0\xE4\0f\0t\0.\0"
        " \0E\0r\0 \0t\0r\0\xE4\0u\0m\0t\0.\0";
    brief_result *r;
    int rc;
    r = RUN(le, BRIEF_INPUT_AUTO, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-16LE");
    CHECK(has(r, "Der B\xC3\xA4r schl\xC3\xA4" "ft. Er tr\xC3\xA4umt."));
    CHECK(r && r->text_length == 30 && r->input == BRIEF_INPUT_TEXT);
    CHECK(r && r->sentence_count == 2);
    brief_result_free(r);
    /* the kind is sniffed after the conversion: this is HTML */
    {
        static const char html[] =
            "<html><body><p>Der B\xE4r schl\xE4" "ft.</p></body></html>";
        size_t i;
        be[0] = '\xFE';
        be[1] = '\xFF';
        for (i = 0; i + 1 < sizeof html; i++) {
            be[2 + 2 * i] = 0;
            be[3 + 2 * i] = html[i];
        }
        r = run(be, 2 * sizeof html, BRIEF_INPUT_AUTO, NULL, &rc);
    }
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-16BE");
    CHECK(r && r->input == BRIEF_INPUT_HTML);
    CHECK(has(r, "Der B\xC3\xA4r schl\xC3\xA4" "ft."));
    CHECK(!has(r, "<p>"));
    brief_result_free(r);
    /* a UTF-16 file with a BOM is text, not binary, as Markdown too */
    r = RUN(le, BRIEF_INPUT_MARKDOWN, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    brief_result_free(r);
    /* surrogates: a pair is one code point, a lone one and an odd last
     * byte are U+FFFD */
    {
        static const char sur[] = "\xFF\xFE" "A\0\x3D\xD8\x00\xDE" "B\0"
                                  "\x00\xDC" "C\0" "D";
        r = RUN(sur, BRIEF_INPUT_TEXT, NULL);
        CHECK_EQ_INT(rc, BRIEF_OK);
        CHECK(has(r, "A\xF0\x9F\x98\x80" "B\xEF\xBF\xBD" "C\xEF\xBF\xBD"));
        brief_result_free(r);
    }
    /* a UTF-8 BOM: UTF-8, the caller's bytes used in place (the BOM
     * stays: every stage reads it as a space), and it wins over <meta> */
    {
        static const char u8[] = "\xEF\xBB\xBF" "Caf\xC3\xA9 noir. Th\xC3\xA9 vert.";
        static const char u8html[] =
            "\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head>"
            "<body><p>Caf\xC3\xA9 noir est bon.</p></body></html>";
        r = RUN(u8, BRIEF_INPUT_TEXT, NULL);
        CHECK_EQ_INT(rc, BRIEF_OK);
        CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-8");
        CHECK(r && r->text == u8 && r->text_length == sizeof u8 - 1);
        brief_result_free(r);
        r = RUN(u8html, BRIEF_INPUT_AUTO, NULL);
        CHECK_EQ_INT(rc, BRIEF_OK);
        CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-8");
        CHECK(has(r, "Caf\xC3\xA9 noir est bon."));
        brief_result_free(r);
    }
}

static void test_html_declarations(void)
{
    static const char meta[] =
        "<!DOCTYPE html><html><head><meta charset=\"iso-8859-1\">"
        "<title>Caf\xE9</title></head><body><p>Le caf\xE9 est tr\xE8s "
        "bon \x80 2 le matin.</p></body></html>";
    static const char equiv[] =
        "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
        "charset=windows-1250\"></head><body><p>P\xF8\xED\x9A" "ern\xEC "
        "\x9Elu\x9Dou\xE8k\xFD k\xF9\xF2 \xFAp\xECl \xEF\xE1" "belsk\xE9 \xF3"
        "dy.</p></body></html>";
    static const char xml[] =
        "<?xml version=\"1.0\" encoding='ISO-8859-15'?>\n<html><body><p>Le "
        "prix: 5 \xA4 le kilo, \xBD de moins.</p></body></html>";
    /* http-equiv without content-type does not count; a meta inside a
     * comment does not either; the first real one does */
    static const char skip[] =
        "<html><head><!-- <meta charset=\"koi8-r\"> -->"
        "<meta http-equiv=\"refresh\" content=\"5; charset=koi8-r\">"
        "<script>var s = '<p>';</script>"
        "<meta name=x content=\"charset=koi8-r\"><meta charset=latin2>"
        "</head><body><p>Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1.</p>"
        "</body></html>";
    /* a meta after <body> is not read; UTF-16 in a meta means UTF-8 */
    static const char late[] =
        "<html><head><title>x</title></head><body><meta charset=latin1>"
        "<p>Caf\xC3\xA9 cr\xC3\xA8me.</p></body></html>";
    static const char m16[] =
        "<html><head><meta charset=utf-16></head><body><p>Caf\xC3\xA9 "
        "cr\xC3\xA8me.</p></body></html>";
    brief_result *r;
    int rc;
    (void)equiv; /* unused without the tables */
    (void)xml;
    (void)skip;
    r = RUN(meta, BRIEF_INPUT_AUTO, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
#ifndef BRIEF_NO_CHARSETS
    CHECK_EQ_STR(r ? r->encoding : NULL, "windows-1252"); /* as browsers */
    CHECK(has(r, "Le caf\xC3\xA9 est tr\xC3\xA8s bon \xE2\x82\xAC 2 le matin."));
    CHECK(has(r, "Caf\xC3\xA9"));
    CHECK(r && !r->warnings);
#else
    CHECK(r && (r->warnings & BRIEF_WARN_ENCODING));
    CHECK_EQ_STR(r ? r->unsupported_encoding : NULL, "iso-8859-1");
#endif
    brief_result_free(r);
#ifndef BRIEF_NO_CHARSETS
    r = RUN(equiv, BRIEF_INPUT_HTML, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK_EQ_STR(r ? r->encoding : NULL, "windows-1250");
    CHECK(has(r, "P\xC5\x99\xC3\xAD\xC5\xA1" "ern\xC4\x9B \xC5\xBElu\xC5\xA5ou"
                 "\xC4\x8Dk\xC3\xBD k\xC5\xAF\xC5\x88 \xC3\xBAp\xC4\x9Bl "
                 "\xC4\x8F\xC3\xA1" "belsk\xC3\xA9 \xC3\xB3" "dy."));
    brief_result_free(r);
    r = RUN(xml, BRIEF_INPUT_AUTO, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK_EQ_STR(r ? r->encoding : NULL, "ISO-8859-15");
    CHECK(has(r, "5 \xE2\x82\xAC le kilo, \xC5\x93 de moins."));
    brief_result_free(r);
    r = RUN(skip, BRIEF_INPUT_HTML, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK_EQ_STR(r ? r->encoding : NULL, "ISO-8859-2");
    CHECK(has(r, "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl"
                 "\xC4\x85 ja\xC5\xBA\xC5\x84."));
    brief_result_free(r);
    /* options.encoding overrides the meta */
    r = RUN(skip, BRIEF_INPUT_HTML, "windows-1252");
    CHECK_EQ_STR(r ? r->encoding : NULL, "windows-1252");
    CHECK(has(r, "Za\xC2\xBF\xC3\xB3"));
    brief_result_free(r);
#endif
    r = RUN(late, BRIEF_INPUT_HTML, NULL);
    CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-8");
    CHECK(has(r, "Caf\xC3\xA9 cr\xC3\xA8me."));
    brief_result_free(r);
    r = RUN(m16, BRIEF_INPUT_AUTO, NULL);
    CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-8");
    CHECK(has(r, "Caf\xC3\xA9 cr\xC3\xA8me."));
    brief_result_free(r);
    /* plain text is not prescanned for <meta> */
    r = RUN(meta, BRIEF_INPUT_TEXT, NULL);
    CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-8");
    brief_result_free(r);
}

static void test_tables(void)
{
#ifndef BRIEF_NO_CHARSETS
    /* "Привет, мир. Как дела?" in KOI8-R and windows-1251 */
    static const char koi[] = "\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2. "
                              "\xEB\xC1\xCB \xC4\xC5\xCC\xC1?";
    static const char cp1251[] = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0. "
                                 "\xCA\xE0\xEA \xE4\xE5\xEB\xE0?";
    static const char want[] =
        "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8"
        "\xD1\x80. \xD0\x9A\xD0\xB0\xD0\xBA \xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?";
    /* windows-1250 Czech: "Žluťoučký kůň úpěl." */
    static const char cz[] = "\x8Elu\x9Dou\xE8k\xFD k\xF9\xF2 \xFAp\xECl.";
    /* windows-1252: 0x80 is the euro sign, 0x81 (undefined) U+0081 */
    static const char w[] = "\x80\x81 x";
    static const char ascii[] = "Plain ASCII text. Nothing to convert.";
    brief_result *r;
    int rc;
    r = RUN(koi, BRIEF_INPUT_TEXT, "koi8-r");
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK_EQ_STR(r ? r->encoding : NULL, "KOI8-R");
    CHECK(r && r->text_length == sizeof want - 1 && has(r, want));
    brief_result_free(r);
    r = RUN(cp1251, BRIEF_INPUT_AUTO, " CP1251 "); /* case, blanks */
    CHECK_EQ_STR(r ? r->encoding : NULL, "windows-1251");
    CHECK(has(r, want));
    brief_result_free(r);
    r = RUN(cz, BRIEF_INPUT_TEXT, "windows-1250");
    CHECK(has(r, "\xC5\xBDlu\xC5\xA5ou\xC4\x8Dk\xC3\xBD k\xC5\xAF\xC5\x88 "
                 "\xC3\xBAp\xC4\x9Bl."));
    brief_result_free(r);
    r = RUN(cz, BRIEF_INPUT_TEXT, "iso-8859-2"); /* not the same table */
    CHECK(r && !has(r, "\xC5\xBDlu"));
    brief_result_free(r);
    r = RUN(w, BRIEF_INPUT_TEXT, "us-ascii"); /* = windows-1252 */
    CHECK_EQ_STR(r ? r->encoding : NULL, "windows-1252");
    CHECK(has(r, "\xE2\x82\xAC\xC2\x81 x"));
    brief_result_free(r);
    /* ASCII needs no copy: the caller's bytes are the text */
    r = RUN(ascii, BRIEF_INPUT_TEXT, "latin1");
    CHECK(r && r->text == ascii);
    brief_result_free(r);
    /* "utf-16" given and a BE mark: the mark picks the byte order */
    {
        static const char be[] = "\xFE\xFF\0O\0k\0.";
        r = RUN(be, BRIEF_INPUT_TEXT, "utf-16");
        CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-16BE");
        CHECK(r && r->text_length == 3 && has(r, "Ok."));
        brief_result_free(r);
    }
#endif
}

static void test_unsupported(void)
{
    static const char gb[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=gb2312\"></head><body><p>Hello \xC4\xE3\xBA\xC3 world. "
        "Fine.</p></body></html>";
    static const char text[] = "Caf\xE9 noir.";
    brief_result *r;
    int rc;
    r = RUN(gb, BRIEF_INPUT_AUTO, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK(r && (r->warnings & BRIEF_WARN_ENCODING));
    CHECK_EQ_STR(r ? r->unsupported_encoding : NULL, "gb2312");
    CHECK_EQ_STR(r ? r->encoding : NULL, "UTF-8");
    /* read as UTF-8: the invalid bytes stay in the text as they are (every
     * stage reads them as U+FFFD), the ASCII is read right */
    CHECK(has(r, "Hello \xC4\xE3\xBA\xC3 world."));
    CHECK(has(r, "world."));
    brief_result_free(r);
    /* an unknown name asked for: the same warning ("latin-1" is not a
     * WHATWG label), the name shown printable */
    r = RUN(text, BRIEF_INPUT_TEXT, "latin-1");
    CHECK(r && (r->warnings & BRIEF_WARN_ENCODING));
    CHECK_EQ_STR(r ? r->unsupported_encoding : NULL, "latin-1");
    CHECK(r && r->text == text);
    brief_result_free(r);
    r = RUN(text, BRIEF_INPUT_TEXT, "bad\"name\x01");
    CHECK_EQ_STR(r ? r->unsupported_encoding : NULL, "bad?name?");
    brief_result_free(r);
    /* no warning when nothing is declared */
    r = RUN(text, BRIEF_INPUT_TEXT, NULL);
    CHECK(r && r->warnings == 0 && r->unsupported_encoding == NULL);
    brief_result_free(r);
}

static void test_nul(void)
{
    static const char script[] =
        "<html><head><script>var a = \"\0\";</script><style>p{}\0</style>"
        "</head><body><!-- \0 --><p title=\"a\0b\">Stray bytes in markup "
        "are no reason to refuse a page.</p><img alt='\0'>\0\0\n</body></html>";
    static const char text[] =
        "<html><body><p>A NUL among\0 the words is binary.</p></body></html>";
    static const char plain[] = "Plain text\0 with a NUL.";
    brief_result *r;
    int rc;
    r = RUN(script, BRIEF_INPUT_HTML, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    CHECK(has(r, "Stray bytes in markup are no reason to refuse a page."));
    brief_result_free(r);
    r = RUN(script, BRIEF_INPUT_AUTO, NULL);
    CHECK_EQ_INT(rc, BRIEF_OK);
    brief_result_free(r);
    r = RUN(text, BRIEF_INPUT_HTML, NULL);
    CHECK_EQ_INT(rc, BRIEF_ERR_BINARY);
    CHECK(r == NULL);
    r = RUN(plain, BRIEF_INPUT_TEXT, NULL);
    CHECK_EQ_INT(rc, BRIEF_ERR_BINARY);
    r = RUN(plain, BRIEF_INPUT_MARKDOWN, NULL);
    CHECK_EQ_INT(rc, BRIEF_ERR_BINARY);
    /* the HTML markup is no excuse for Markdown or text */
    r = RUN(script, BRIEF_INPUT_TEXT, NULL);
    CHECK_EQ_INT(rc, BRIEF_ERR_BINARY);
    /* UTF-16 without a mark reads as bytes: NULs among letters */
    {
        static const char u16[] = "H\0e\0l\0l\0o\0.\0";
        r = RUN(u16, BRIEF_INPUT_AUTO, NULL);
        CHECK_EQ_INT(rc, BRIEF_ERR_BINARY);
        r = RUN(u16, BRIEF_INPUT_AUTO, "utf-16le");
        CHECK_EQ_INT(rc, BRIEF_OK);
        CHECK(r && r->text_length == 6 && has(r, "Hello."));
        brief_result_free(r);
    }
}

static void test_arena(void)
{
    /* 0x80 is three bytes of UTF-8: a fixed arena of the bound suffices */
    size_t n = 3000, i, bound;
    char *in = (char *)malloc(n);
    void *arena;
    brief_options o;
    brief_result *r = NULL;
    int rc;
    if (!in)
        return;
    for (i = 0; i < n; i++)
        in[i] = (char)(i % 3 == 2 ? ' ' : i % 30 == 28 ? '.' : 0x80);
    brief_options_init(&o);
    CHECK_EQ_STR(o.encoding, "auto");
    o.encoding = "utf-8";
    bound = brief_arena_bound(n, &o);
    o.encoding = "windows-1252";
    CHECK(brief_arena_bound(n, &o) > bound + 3 * n);
    CHECK(brief_arena_bound(n, NULL) >= brief_arena_bound(n, &o));
    bound = brief_arena_bound(n, &o);
    arena = malloc(bound);
    if (arena) {
        o.arena = arena;
        o.arena_size = bound;
        rc = brief_summarize(in, n, &o, &r);
        CHECK_EQ_INT(rc, BRIEF_OK);
#ifndef BRIEF_NO_CHARSETS
        CHECK(r && r->text_length > 2 * n);
#endif
        brief_result_free(r);
        free(arena);
    }
    free(in);
}

static const harness_test tests[] = {
    {"bom", test_bom},
    {"html_declarations", test_html_declarations},
    {"tables", test_tables},
    {"unsupported", test_unsupported},
    {"nul", test_nul},
    {"arena", test_arena},
};

int main(int argc, char **argv)
{
    return harness_main(argc, argv, tests, HARNESS_COUNT(tests));
}

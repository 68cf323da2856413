/*
 * test_decode.c - unit tests of the HTML and Markdown decoders (html.c,
 * markdown.c): entities, nesting, dropped content, malformed markup,
 * titles, main-text selection on a saved news page, Markdown constructs,
 * format sniffing and out-of-memory paths.
 *
 * Usage: test_decode [FIXTURE_DIR] [WORD...]   (run from the repository
 * root). FIXTURE_DIR, a first argument holding a '/', is where the saved
 * news page is (default tests/html); the WORDs select tests by name as in
 * tests/harness.h (`test_decode markdown`; `test_decode -l` lists them).
 * Prints each failure with what was got and expected, then
 * "N passed, N failed"; exits 1 on any failure, 2 on an unknown WORD.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "harness.h"
#include "internal.h"
#include "entities.inc"

/* where the news page fixtures are (the FIXTURE_DIR argument) */
static const char *fixture_dir = "tests/html";

/* A check counted by the harness (tests/harness.h), printed with what was
 * got and expected (either may be NULL: not shown). */
static void check(int ok, const char *what, const char *got, const char *exp)
{
    if (ok) {
        harness_pass++;
        return;
    }
    harness_fail++;
    printf("FAIL %s: %s\n", harness_current, what);
    if (got)
        printf("  got:      [%s]\n", got);
    if (exp)
        printf("  expected: [%s]\n", exp);
}

/* Decoded text (NUL-terminated copy, caller frees) and title. */
typedef struct dec {
    char *text;
    char *title;
    int rc;
} dec;

static char *dup_span(const char *s, size_t n)
{
    char *p = (char *)malloc(n + 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static dec run(int markdown, const char *in, size_t len)
{
    brief__arena a;
    brief__view v;
    dec d;
    brief__arena_init(&a, NULL, NULL, 0);
    d.rc = markdown ? brief__decode_markdown(&a, in, len, &v)
                    : brief__decode_html(&a, in, len, &v);
    if (d.rc == BRIEF_OK) {
        d.text = dup_span(v.text, v.len);
        d.title = dup_span(v.text + v.title_off, v.title_len);
    } else {
        d.text = dup_span("", 0);
        d.title = dup_span("", 0);
    }
    brief__arena_release(&a);
    return d;
}

static void done(dec *d)
{
    free(d->text);
    free(d->title);
}

/* The decoded text of an HTML string must equal exp. */
static void html_is(const char *name, const char *html, const char *exp)
{
    dec d = run(0, html, strlen(html));
    check(d.rc == BRIEF_OK && strcmp(d.text, exp) == 0, name, d.text, exp);
    done(&d);
}

static void md_is(const char *name, const char *md, const char *exp)
{
    dec d = run(1, md, strlen(md));
    check(d.rc == BRIEF_OK && strcmp(d.text, exp) == 0, name, d.text, exp);
    done(&d);
}

/* The decoded text must (or must not) contain a piece. */
static void html_has(const char *name, const char *html, size_t len,
                     const char *piece, int want)
{
    dec d = run(0, html, len);
    int has = strstr(d.text, piece) != NULL;
    char what[256];
    snprintf(what, sizeof what, "%s: %s \"%s\"", name,
             want ? "keeps" : "drops", piece);
    check(d.rc == BRIEF_OK && has == want, what,
          strlen(d.text) < 400 ? d.text : "(long text)", NULL);
    done(&d);
}

/* ---- entities ------------------------------------------------------------ */

static const struct { const char *name; unsigned long cp; } html4[] = {
    {"AElig", 0xC6}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Agrave", 0xC0},
    {"Alpha", 0x391}, {"Aring", 0xC5}, {"Atilde", 0xC3}, {"Auml", 0xC4},
    {"Beta", 0x392}, {"Ccedil", 0xC7}, {"Chi", 0x3A7}, {"Dagger", 0x2021},
    {"Delta", 0x394}, {"ETH", 0xD0}, {"Eacute", 0xC9}, {"Ecirc", 0xCA},
    {"Egrave", 0xC8}, {"Epsilon", 0x395}, {"Eta", 0x397}, {"Euml", 0xCB},
    {"Gamma", 0x393}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Igrave", 0xCC},
    {"Iota", 0x399}, {"Iuml", 0xCF}, {"Kappa", 0x39A}, {"Lambda", 0x39B},
    {"Mu", 0x39C}, {"Ntilde", 0xD1}, {"Nu", 0x39D}, {"OElig", 0x152},
    {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Ograve", 0xD2}, {"Omega", 0x3A9},
    {"Omicron", 0x39F}, {"Oslash", 0xD8}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
    {"Phi", 0x3A6}, {"Pi", 0x3A0}, {"Prime", 0x2033}, {"Psi", 0x3A8},
    {"Rho", 0x3A1}, {"Scaron", 0x160}, {"Sigma", 0x3A3}, {"THORN", 0xDE},
    {"Tau", 0x3A4}, {"Theta", 0x398}, {"Uacute", 0xDA}, {"Ucirc", 0xDB},
    {"Ugrave", 0xD9}, {"Upsilon", 0x3A5}, {"Uuml", 0xDC}, {"Xi", 0x39E},
    {"Yacute", 0xDD}, {"Yuml", 0x178}, {"Zeta", 0x396}, {"aacute", 0xE1},
    {"acirc", 0xE2}, {"acute", 0xB4}, {"aelig", 0xE6}, {"agrave", 0xE0},
    {"alefsym", 0x2135}, {"alpha", 0x3B1}, {"amp", 0x26}, {"and", 0x2227},
    {"ang", 0x2220}, {"aring", 0xE5}, {"asymp", 0x2248}, {"atilde", 0xE3},
    {"auml", 0xE4}, {"bdquo", 0x201E}, {"beta", 0x3B2}, {"brvbar", 0xA6},
    {"bull", 0x2022}, {"cap", 0x2229}, {"ccedil", 0xE7}, {"cedil", 0xB8},
    {"cent", 0xA2}, {"chi", 0x3C7}, {"circ", 0x2C6}, {"clubs", 0x2663},
    {"cong", 0x2245}, {"copy", 0xA9}, {"crarr", 0x21B5}, {"cup", 0x222A},
    {"curren", 0xA4}, {"dArr", 0x21D3}, {"dagger", 0x2020}, {"darr", 0x2193},
    {"deg", 0xB0}, {"delta", 0x3B4}, {"diams", 0x2666}, {"divide", 0xF7},
    {"eacute", 0xE9}, {"ecirc", 0xEA}, {"egrave", 0xE8}, {"empty", 0x2205},
    {"emsp", 0x2003}, {"ensp", 0x2002}, {"epsilon", 0x3B5}, {"equiv", 0x2261},
    {"eta", 0x3B7}, {"eth", 0xF0}, {"euml", 0xEB}, {"euro", 0x20AC},
    {"exist", 0x2203}, {"fnof", 0x192}, {"forall", 0x2200}, {"frac12", 0xBD},
    {"frac14", 0xBC}, {"frac34", 0xBE}, {"frasl", 0x2044}, {"gamma", 0x3B3},
    {"ge", 0x2265}, {"gt", 0x3E}, {"hArr", 0x21D4}, {"harr", 0x2194},
    {"hearts", 0x2665}, {"hellip", 0x2026}, {"iacute", 0xED}, {"icirc", 0xEE},
    {"iexcl", 0xA1}, {"igrave", 0xEC}, {"image", 0x2111}, {"infin", 0x221E},
    {"int", 0x222B}, {"iota", 0x3B9}, {"iquest", 0xBF}, {"isin", 0x2208},
    {"iuml", 0xEF}, {"kappa", 0x3BA}, {"lArr", 0x21D0}, {"lambda", 0x3BB},
    {"lang", 0x27E8}, {"laquo", 0xAB}, {"larr", 0x2190}, {"lceil", 0x2308},
    {"ldquo", 0x201C}, {"le", 0x2264}, {"lfloor", 0x230A}, {"lowast", 0x2217},
    {"loz", 0x25CA}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018},
    {"lt", 0x3C}, {"macr", 0xAF}, {"mdash", 0x2014}, {"micro", 0xB5},
    {"middot", 0xB7}, {"minus", 0x2212}, {"mu", 0x3BC}, {"nabla", 0x2207},
    {"nbsp", 0xA0}, {"ndash", 0x2013}, {"ne", 0x2260}, {"ni", 0x220B},
    {"not", 0xAC}, {"notin", 0x2209}, {"nsub", 0x2284}, {"ntilde", 0xF1},
    {"nu", 0x3BD}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"oelig", 0x153},
    {"ograve", 0xF2}, {"oline", 0x203E}, {"omega", 0x3C9}, {"omicron", 0x3BF},
    {"oplus", 0x2295}, {"or", 0x2228}, {"ordf", 0xAA}, {"ordm", 0xBA},
    {"oslash", 0xF8}, {"otilde", 0xF5}, {"otimes", 0x2297}, {"ouml", 0xF6},
    {"para", 0xB6}, {"part", 0x2202}, {"permil", 0x2030}, {"perp", 0x22A5},
    {"phi", 0x3C6}, {"pi", 0x3C0}, {"piv", 0x3D6}, {"plusmn", 0xB1},
    {"pound", 0xA3}, {"prime", 0x2032}, {"prod", 0x220F}, {"prop", 0x221D},
    {"psi", 0x3C8}, {"quot", 0x22}, {"rArr", 0x21D2}, {"radic", 0x221A},
    {"rang", 0x27E9}, {"raquo", 0xBB}, {"rarr", 0x2192}, {"rceil", 0x2309},
    {"rdquo", 0x201D}, {"real", 0x211C}, {"reg", 0xAE}, {"rfloor", 0x230B},
    {"rho", 0x3C1}, {"rlm", 0x200F}, {"rsaquo", 0x203A}, {"rsquo", 0x2019},
    {"sbquo", 0x201A}, {"scaron", 0x161}, {"sdot", 0x22C5}, {"sect", 0xA7},
    {"shy", 0xAD}, {"sigma", 0x3C3}, {"sigmaf", 0x3C2}, {"sim", 0x223C},
    {"spades", 0x2660}, {"sub", 0x2282}, {"sube", 0x2286}, {"sum", 0x2211},
    {"sup", 0x2283}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3},
    {"supe", 0x2287}, {"szlig", 0xDF}, {"tau", 0x3C4}, {"there4", 0x2234},
    {"theta", 0x3B8}, {"thetasym", 0x3D1}, {"thinsp", 0x2009},
    {"thorn", 0xFE}, {"tilde", 0x2DC}, {"times", 0xD7}, {"trade", 0x2122},
    {"uArr", 0x21D1}, {"uacute", 0xFA}, {"uarr", 0x2191}, {"ucirc", 0xFB},
    {"ugrave", 0xF9}, {"uml", 0xA8}, {"upsih", 0x3D2}, {"upsilon", 0x3C5},
    {"uuml", 0xFC}, {"weierp", 0x2118}, {"xi", 0x3BE}, {"yacute", 0xFD},
    {"yen", 0xA5}, {"yuml", 0xFF}, {"zeta", 0x3B6}, {"zwj", 0x200D},
    {"zwnj", 0x200C}
};

static void test_entities(void)
{
    size_t k;
    char buf[64];
    uint32_t cp;
    /* the table is sorted (binary search depends on it), its names follow
     * one another in the blob, and every value is a code point or a
     * legacy name's packed one (0xFF00 | a Latin-1 code point) */
#define NAME(k) (brief__entity_names + brief__entity_off[k])
    for (k = 1; k < BRIEF__N_ENTITIES; k++)
        if (strcmp(NAME(k - 1), NAME(k)) >= 0 ||
            brief__entity_off[k] != brief__entity_off[k - 1] +
                                        strlen(NAME(k - 1)) + 1 ||
            brief__entity_val[k] == 0 || brief__entity_val[k] == 0xFF00u)
            break;
    check(k == BRIEF__N_ENTITIES, "entity table sorted and unique",
          k < BRIEF__N_ENTITIES ? NAME(k) : NULL, NULL);
    check(brief__entity_off[0] == 0 &&
              brief__entity_off[BRIEF__N_ENTITIES - 1] +
                      strlen(NAME(BRIEF__N_ENTITIES - 1)) + 1 ==
                  sizeof brief__entity_names - 1,
          "entity name blob", NULL, NULL);
#undef NAME
    /* all 252 HTML 4 entities */
    for (k = 0; k < sizeof html4 / sizeof html4[0]; k++) {
        size_t used;
        snprintf(buf, sizeof buf, "&%s;", html4[k].name);
        cp = 0;
        used = brief__html_entity((const unsigned char *)buf, strlen(buf), 0,
                                  0, &cp);
        if (used != strlen(buf) || cp != html4[k].cp) {
            check(0, "HTML4 entity", buf, NULL);
            return;
        }
    }
    check(1, "all 252 HTML4 entities", NULL, NULL);

    html_is("basic entities",
            "<p>&amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;</p>",
            "& <b> \"q\" 'a'");
    html_is("typographic entities",
            "<p>&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&euro;&"
            "trade;</p>",
            "\xE2\x80\xA6\xE2\x80\x94\xE2\x80\x93\xE2\x80\x98\xE2\x80\x99"
            "\xE2\x80\x9C\xE2\x80\x9D\xE2\x82\xAC\xE2\x84\xA2");
    html_is("nbsp is a space", "<p>a&nbsp;b&nbsp;&nbsp; c</p>", "a b c");
    html_is("decimal and hex", "<p>&#65;&#x42;&#X43;&#x1F600;&#233;</p>",
            "ABC\xF0\x9F\x98\x80\xC3\xA9");
    html_is(
        "invalid numeric -> U+FFFD",
        "<p>[&#0;][&#xD800;][&#xDFFF;][&#x110000;][&#99999999999999999;]</p>",
        "[\xEF\xBF\xBD][\xEF\xBF\xBD][\xEF\xBF\xBD][\xEF\xBF\xBD]["
        "\xEF\xBF\xBD]");
    html_is("windows-1252 range", "<p>&#150; &#147;x&#148;</p>",
            "\xE2\x80\x93 \xE2\x80\x9Cx\xE2\x80\x9D");
    html_is("not references", "<p>&#; &#x; &bogus; & a&b AT&T</p>",
            "&#; &#x; &bogus; & a&b AT&T");
    html_is("legacy without semicolon", "<p>&copy2024 &amp x &notit;</p>",
            "\xC2\xA9" "2024 & x \xC2\xAC" "it;");
    html_is("numeric without semicolon", "<p>&#65B</p>", "AB");
    cp = 0;
    check(brief__html_entity((const unsigned char *)"&copy=1", 7, 0, 1, &cp) ==
              0,
          "attribute rule: &copy= not decoded", NULL, NULL);
}

/* ---- structure ------------------------------------------------------------ */

static void test_structure(void)
{
    html_is("paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo.");
    html_is("implied </p>", "<p>One.<p>Two.<div>Three.</div>",
            "One.\n\nTwo.\n\nThree.");
    html_is("list items", "<ul><li>one<li>two</li><li>three</ul>",
            "one\n\ntwo\n\nthree");
    html_is("heading own paragraph", "<div>intro<h2>Head</h2>more</div>",
            "intro\n\nHead\n\nmore");
    html_is("br splits", "<p>line one<br>line two<br/>three</p>",
            "line one\n\nline two\n\nthree");
    html_is(
        "inline stays inline",
        "<p>a <b>bold</b>, <i>it</i><span>al</span> <a href=x>link</a>.</p>",
        "a bold, ital link.");
    html_is("whitespace collapsed", "<p>  a \n\t b   \r\n c  </p>", "a b c");
    html_is("table cells",
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
            "a\n\nb\n\nc");
    html_is("pre kept as text", "<pre>int x;\n  return x;</pre>",
            "int x; return x;");
    html_is("text outside any tag", "plain text only", "plain text only");
    html_is("empty input", "", "");
    html_is("tags only", "<div><span></span></div>", "");
}

static void test_dropped(void)
{
    static const char *const cases[][2] = {
        {"script", "<script>var x = '<p>no</p>';</script>"},
        {"style", "<style>p { color: red } /* <p>no</p> */</style>"},
        {"noscript", "<noscript><p>no</p></noscript>"},
        {"nav", "<nav><a href=/>no</a></nav>"},
        {"header", "<header><p>no</p></header>"},
        {"footer", "<footer><p>no</p></footer>"},
        {"aside", "<aside><p>no</p></aside>"},
        {"form", "<form><label>no</label><input></form>"},
        {"svg", "<svg><text>no</text><title>no</title></svg>"},
        {"math", "<math><mi>no</mi></math>"},
        {"iframe", "<iframe src=x>no</iframe>"},
        {"template", "<template><p>no</p></template>"},
        {"button", "<button>no</button>"},
        {"select", "<select><option>no</option></select>"},
        {"textarea", "<textarea>no</textarea>"},
        {"comment", "<!-- no -->"},
        {"hidden attribute", "<div hidden><p>no</p></div>"},
        {"aria-hidden", "<div aria-hidden=\"true\"><p>no</p></div>"},
        {"display:none",
         "<div style=\"color:red; display : none\"><p>no</p></div>"},
        {"visibility:hidden", "<p style='visibility:hidden'>no</p>"},
        {"cookie banner", "<div class=\"cookie-banner\"><p>no</p></div>"},
    };
    size_t k;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char html[512];
        dec d;
        snprintf(
            html, sizeof html,
            "<html><body><p>Keep this.</p>%s<p>And this.</p></body></html>",
            cases[k][1]);
        d = run(0, html, strlen(html));
        check(d.rc == BRIEF_OK && strstr(d.text, "no") == NULL &&
                  strstr(d.text, "Keep this.") && strstr(d.text, "And this."),
              cases[k][0], d.text, "Keep this.\n\nAnd this.");
        done(&d);
    }
}

/* ---- malformed input ---------------------------------------------------- */

#define ART "<p>The article text survives, with commas, clauses, and enough " \
            "length to count as a real paragraph of the page.</p>"
#define ART_TEXT "The article text survives"

/* A big buffer: prefix repeated n times, then middle, then suffix n times. */
static char *repeat3(const char *pre, size_t n, const char *mid,
                     const char *suf, size_t *len)
{
    size_t lp = strlen(pre), lm = strlen(mid), ls = strlen(suf), k, o = 0;
    char *b = (char *)malloc(n * (lp + ls) + lm + 1);
    if (!b)
        exit(2);
    for (k = 0; k < n; k++, o += lp)
        memcpy(b + o, pre, lp);
    memcpy(b + o, mid, lm);
    o += lm;
    for (k = 0; k < n; k++, o += ls)
        memcpy(b + o, suf, ls);
    b[o] = 0;
    *len = o;
    return b;
}

static double seconds(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

static void deep(const char *name, const char *pre, const char *suf, size_t n)
{
    size_t len;
    char *b = repeat3(pre, n, ART, suf, &len);
    double t0 = seconds(), dt;
    char what[128];
    html_has(name, b, len, ART_TEXT, 1);
    dt = seconds() - t0;
    snprintf(what, sizeof what, "%s: finishes in time (%.2fs)", name, dt);
    check(dt < 20.0, what, NULL, NULL);
    if (getenv("TD_VERBOSE")) printf("%s\n", what);
    free(b);
}

static void test_malformed(void)
{
    static const char nul_page[] = "<p>before\0after</p><p>" ART_TEXT "</p>";
    html_has("unclosed tags", "<div><p>" ART_TEXT "<span><b>",
             strlen("<div><p>" ART_TEXT "<span><b>"), ART_TEXT, 1);
    html_is("stray <", "<p>a < b and c <= d, x<3</p>",
            "a < b and c <= d, x<3");
    html_is("lone < at end", "<p>a</p><", "a\n\n<");
    html_is("CDATA kept as text", "<p>x <![CDATA[a <b> & c]]> y</p>",
            "x a <b> & c y");
    html_is("unterminated CDATA", "<p>x <![CDATA[ y</p>", "x y");
    html_is("> inside quoted attribute",
            "<p title=\"a > b\" data-x='c>d'>text</p>", "text");
    html_is("unterminated comment", "<p>a</p><!-- oops <p>" ART_TEXT "</p>",
            "a\n\n" ART_TEXT);
    html_is("unterminated quote", "<p class=\"x>" ART_TEXT "</p>", ART_TEXT);
    html_is("unterminated script", "<script>var a = 1;<p>" ART_TEXT "</p>",
            ART_TEXT);
    html_is("script with comment escapes",
            "<script><!-- <script>x</script> --></script><p>ok</p>", "ok");
    html_is("tag cut by the end", "<p>a</p><div class=", "a");
    html_is("bogus markup", "<p>a</><!><?php x ?></p>b", "a\n\nb");
    html_is("end tag with attributes", "<p>a</p class=x>b", "a\n\nb");
    html_is("stray end tags", "</span></div><p>a</b></i>b</p></li>", "ab");
    html_is("uppercase tags", "<P>One<BR>Two</P><SCRIPT>x</SCRIPT>",
            "One\n\nTwo");
    html_is("self-closing div", "<div/>a<div/>b<svg/>c", "a\n\nbc");
    html_is("unclosed a is closed by next a",
            "<p><a href=1>one<a href=2>two</a> three</p>", "onetwo three");
    html_has("NUL byte", nul_page, sizeof nul_page - 1, ART_TEXT, 1);
    deep("100000 nested divs", "<div>", "</div>", 100000);
    deep("100000 unclosed spans", "<span>", "", 100000);
    deep("100000 nested lists", "<ul><li>", "", 100000);
    deep("100000 nested tables", "<table><tr><td>", "", 100000);
    deep("100000 stray end tags", "<div>", "</span>", 100000);
    deep("100000 open comments", "<!--", "", 100000);
    deep("100000 open CDATA", "<![CDATA[", "", 100000);
    deep("100000 open quotes", "<a title=\"", "", 100000);
    deep("100000 scripts with escapes", "<script><!--", "", 100000);
    deep("100000 unknown tags", "<x-a><y-b>", "</z-c>", 50000);
    deep("100000 stray <", "a < b <", "", 100000);
}

/* Linear time: 4x the input may not take 12x the time (quadratic: 16x). */
static void test_linear(void)
{
    static const char *const pats[] = {"<!--", "<a title=\"", "<script><!--",
                                       "<p>x", "<![CDATA[", "a&#"};
    size_t k;
    for (k = 0; k < sizeof pats / sizeof pats[0]; k++) {
        size_t l1, l2;
        char *b1 = repeat3(pats[k], 40000, ART, "", &l1);
        char *b2 = repeat3(pats[k], 160000, ART, "", &l2);
        double t0 = seconds(), t1, t2;
        dec d = run(0, b1, l1);
        t1 = seconds() - t0;
        done(&d);
        t0 = seconds();
        d = run(0, b2, l2);
        t2 = seconds() - t0;
        done(&d);
        {
            char what[128];
            snprintf(what, sizeof what, "linear time on \"%s\" (%.3fs, %.3fs)",
                     pats[k], t1, t2);
            check(t2 < 0.05 || t2 < 12.0 * t1, what, NULL, NULL);
            if (getenv("TD_VERBOSE")) printf("%s\n", what);
        }
        free(b1);
        free(b2);
    }
}

/* ---- title and selection -------------------------------------------------- */

static void title_is(const char *name, const char *html, const char *exp)
{
    dec d = run(0, html, strlen(html));
    check(d.rc == BRIEF_OK && strcmp(d.title, exp) == 0 &&
              strncmp(d.text, exp, strlen(exp)) == 0,
          name, d.title, exp);
    done(&d);
}

static void test_title(void)
{
    title_is("title element",
             "<title> A  plain\n title </title><p>Body text.</p>",
             "A plain title");
    title_is("site suffix dropped",
             "<title>Harbor town votes to rebuild wall | The "
             "Ledger</title><p>x</p>",
             "Harbor town votes to rebuild wall");
    title_is("short title kept whole", "<title>News - Site</title><p>x</p>",
             "News - Site");
    title_is("og:title preferred",
             "<title>Site - A long page title here</title>"
             "<meta property=\"og:title\" content=\"The &amp; real headline\">"
             "<p>x</p>", "The & real headline");
    title_is("h1 when no title",
             "<h1>Only <em>heading</em></h1><p>Some text.</p>",
             "Only heading");
    title_is("no title", "<p>Some text.</p>", "");
    {
        dec d = run(0, "<title>Storm hits the coast today</title>"
                       "<h1>Storm hits the coast today</h1><p>Body.</p>",
                    strlen("<title>Storm hits the coast today</title>"
                           "<h1>Storm hits the coast today</h1><p>Body.</p>"));
        check(strcmp(d.text, "Storm hits the coast today\n\nBody.") == 0,
              "heading that repeats the title is not doubled", d.text,
              "Storm hits the coast today\n\nBody.");
        done(&d);
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *b;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    b = (char *)malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        fclose(f);
        return NULL;
    }
    b[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Split text into lines, calling fn on each non-empty one. */
static void each_line(char *text, void (*fn)(const char *line, void *ctx),
                      void *ctx)
{
    char *p = text;
    while (*p) {
        char *e = strchr(p, '\n');
        if (e)
            *e = 0;
        if (*p)
            fn(p, ctx);
        if (!e)
            break;
        p = e + 1;
    }
}

/* each paragraph of the expected article must be a paragraph of the text */
static void want_para(const char *line, void *ctx)
{
    const char *text = (const char *)ctx, *p = text;
    size_t m = strlen(line);
    int found = 0;
    while ((p = strstr(p, line)) != NULL) {
        if ((p == text || p[-1] == '\n') && (p[m] == 0 || p[m] == '\n')) {
            found = 1;
            break;
        }
        p++;
    }
    check(found, "news page keeps article paragraph", line, NULL);
}

static void want_absent(const char *line, void *ctx)
{
    check(strstr((const char *)ctx, line) == NULL,
          "news page drops page furniture", line, NULL);
}

static void test_news_page(void)
{
    const char *dir = fixture_dir;
    char path[1024];
    size_t len, tlen, alen;
    char *html, *txt, *absent;
    dec d;
    snprintf(path, sizeof path, "%s/news-page.html", dir);
    html = slurp(path, &len);
    snprintf(path, sizeof path, "%s/news-page.txt", dir);
    txt = slurp(path, &tlen);
    snprintf(path, sizeof path, "%s/news-page.absent.txt", dir);
    absent = slurp(path, &alen);
    if (!html || !txt || !absent) {
        check(0, "news page fixtures readable", path, NULL);
        free(html);
        free(txt);
        free(absent);
        return;
    }
    d = run(0, html, len);
    check(d.rc == BRIEF_OK, "news page decodes", NULL, NULL);
    check(strcmp(d.title,
                 "Harbor town votes to rebuild its flooded sea wall") == 0,
          "news page title", d.title,
          "Harbor town votes to rebuild its flooded sea wall");
    each_line(txt, want_para, d.text);
    each_line(absent, want_absent, d.text);
    done(&d);

    /* out of memory: every fixed arena that is too small fails cleanly */
    {
        static unsigned char arena[1 << 21];
        size_t size;
        int ok = 1, reached = 0;
        for (size = 0; size <= sizeof arena; size += 1531) {
            brief__arena a;
            brief__view v;
            int rc;
            brief__arena_init(&a, NULL, arena, size);
            rc = brief__decode_html(&a, html, len, &v);
            if (rc != BRIEF_OK && rc != BRIEF_ERR_NOMEM)
                ok = 0;
            if (rc == BRIEF_OK) {
                reached = 1;
                if (strstr(v.text, "Fishermen who use the inner harbor") ==
                    NULL)
                    ok = 0;
                break;
            }
            rc = brief__decode_markdown(&a, html, len, &v);
            if (rc != BRIEF_OK && rc != BRIEF_ERR_NOMEM)
                ok = 0;
        }
        check(ok && reached, "fixed arena: NOMEM until big enough, then OK",
              NULL, NULL);
    }
    free(html);
    free(txt);
    free(absent);
}

/* Main text selection on a small page of its own. */
static void test_selection(void)
{
    const char *page =
        "<body><div class=menu><a href=/1>Home</a> <a href=/2>World</a> "
        "<a href=/3>Politics</a></div>"
        "<div id=content><p>First paragraph of the story, with a comma, and "
        "another clause to make it long enough to matter here.</p>"
        "<p>Second paragraph of the story, also long, with commas, and "
        "details that a reader would want to keep.</p>"
        "<ul class=links><li><a href=/a>Related one</a></li>"
        "<li><a href=/b>Related two</a></li><li><a href=/c>Related "
        "three</a></li></ul>"
        "<p>Third paragraph closes the story, calmly, and without "
        "links.</p></div>"
        "<div class=footer-links><a href=/x>Terms</a> <a "
        "href=/y>Jobs</a></div></body>";
    html_has("selection", page, strlen(page), "First paragraph of the story",
             1);
    html_has("selection", page, strlen(page), "Third paragraph closes", 1);
    html_has("selection", page, strlen(page), "Politics", 0);
    html_has("selection", page, strlen(page), "Related two", 0);
    html_has("selection", page, strlen(page), "Terms", 0);
    /* with no article structure at all, the whole text is kept */
    html_has("fallback", "<body>Just some words <b>here</b>.</body>",
             strlen("<body>Just some words <b>here</b>.</body>"),
             "Just some words here.", 1);
}

/* ---- real-page classes (issue 12) ---------------------------------------- */

#define STORY1 "<p>The council met on Tuesday to discuss the new bridge, " \
               "and after a long debate, it voted to fund the work.</p>"
#define STORY2 "<p>Residents who spoke at the meeting said the old " \
               "ferry was slow, costly, and often cancelled in winter.</p>"

/* Visibility as a desktop browser applies the frameworks' classes. */
static void test_visibility(void)
{
    static const struct {
        const char *name, *cls;
        int shown;
    } cases[] = {
        {"hidden-xs (phones only)", "hidden-xs", 1},
        {"hidden-sm hidden-xs", "col-md-8 hidden-sm hidden-xs", 1},
        {"d-none d-md-block", "d-none d-md-block", 1},
        {"d-sm-none", "d-sm-none", 1},
        {"hidden md:block", "hidden md:block", 1},
        {"d-none", "d-none", 0},
        {"hidden", "story hidden", 0},
        {"d-lg-none", "d-block d-lg-none", 0},
        {"hidden-lg", "hidden-lg", 0},
        {"visible-xs", "visible-xs", 0},
        {"sr-only", "sr-only", 0},
        {"visually-hidden", "visually-hidden", 0},
        {"screen-reader-text", "screen-reader-text", 0},
    };
    size_t k;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char html[1024];
        snprintf(html, sizeof html,
                 "<body><article>" STORY1 "<div class=\"%s\"><p>Inside "
                 "the box, a sentence of its own, long enough, with a comma."
                 "</p></div>" STORY2 "</article></body>",
                 cases[k].cls);
        html_has(cases[k].name, html, strlen(html), "Inside the box",
                 cases[k].shown);
        html_has(cases[k].name, html, strlen(html), "The council met", 1);
    }
}

/* html.c answers a class value once and reuses the answer for the same
 * bytes: a hidden class and a shown one of the same length, repeated
 * among more distinct values than the memo has slots, each keep their
 * own answer. */
static void test_class_memo(void)
{
    static const char *const cls[4] = {"sr-only", "lead-in", NULL,
                                       "visible"};
    size_t cap = 200000, n = 0, k;
    char *html = (char *)malloc(cap);
    dec d;
    int bad = 0;
    if (!html)
        exit(2);
    n += (size_t)snprintf(html + n, cap - n, "<body><article>");
    for (k = 0; k < 240; k++) {
        char c[32];
        if (cls[k % 4])
            snprintf(c, sizeof c, "%s", cls[k % 4]);
        else
            snprintf(c, sizeof c, "note-%u", (unsigned)k);
        n += (size_t)snprintf(html + n, cap - n,
                              "<p class=\"%s\">Sentence number %u tells "
                              "the reader something new, with a comma.</p>",
                              c, (unsigned)k);
    }
    n += (size_t)snprintf(html + n, cap - n, "</article></body>");
    d = run(0, html, n);
    for (k = 0; k < 240; k++) {
        char piece[48];
        snprintf(piece, sizeof piece, "number %u tells", (unsigned)k);
        if ((strstr(d.text, piece) != NULL) != (k % 4 != 0))
            bad++;
    }
    check(d.rc == BRIEF_OK && bad == 0,
          "240 paragraphs, every fourth sr-only: only those dropped", NULL,
          NULL);
    done(&d);
    free(html);
}

/* Soft hyphens and zero-width spaces vanish inside words; ZWNJ stays. */
static void test_invisible(void)
{
    html_is("soft hyphen entity", "<p>Bun&shy;des&shy;tag</p>", "Bundestag");
    html_is("soft hyphen bytes", "<p>Bun\xC2\xAD" "des\xC2\xAD" "tag</p>",
            "Bundestag");
    html_is("zero-width space", "<p>long&#8203;word</p>", "longword");
    html_is("word joiner", "<p>long&#x2060;word</p>", "longword");
    html_is("BOM inside text", "<p>long&#xFEFF;word</p>", "longword");
    html_is("ZWNJ kept", "<p>\xD9\x85\xDB\x8C&zwnj;\xD8\xAE</p>",
            "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE");
}

/* Boilerplate inside the article: captions and credits, headings whose
 * content was dropped; a heading over a formula or a table stays. */
static void test_boilerplate(void)
{
    const char *page =
        "<body><article><h2>The bridge</h2>" STORY1
        "<figure><img src=a.jpg><figcaption>The river at dusk. Photo: "
        "J. Smith/Agency</figcaption></figure>" STORY2
        "<h2>The equation</h2><my-formula><math><mi>x</mi></math>"
        "</my-formula>"
        "<h2>The vote</h2><table><tr><td>7</td><td>2</td></tr></table>"
        "<h2>Related stories</h2><ul><li><a href=/a>Another story of the "
        "town</a></li><li><a href=/b>More news from the council</a></li>"
        "</ul></article></body>";
    html_has("caption", page, strlen(page), "Photo: J. Smith", 0);
    html_has("caption", page, strlen(page), "Residents who spoke", 1);
    html_has("empty heading", page, strlen(page), "Related stories", 0);
    html_has("heading over text", page, strlen(page), "The bridge", 1);
    html_has("heading over a formula", page, strlen(page), "The equation",
             1);
    html_has("heading over a table", page, strlen(page), "The vote", 1);
    html_is("only headings", "<h2>Only</h2><h3>headings</h3>",
            "Only\n\nheadings");
    {
        const char *teaser =
            "<body><article>" STORY1 "<p>Read also: <a href=/x>The old "
            "ferry's last winter on the river</a></p>" STORY2
            "</article></body>";
        html_has("link paragraph", teaser, strlen(teaser), "Read also", 0);
        html_has("link paragraph", teaser, strlen(teaser),
                 "Residents who spoke", 1);
    }
}

/* Furniture that is really the page's wrapper, or the article's own
 * header, is read like any other element. */
static void test_wrappers(void)
{
    const char *form =
        "<body><form id=mainform><div class=page><h1>The bridge</h1>"
        STORY1 STORY2 "</div></form></body>";
    const char *header =
        "<body><header><a href=/>Site</a></header><article><header><h1>The "
        "bridge</h1><p class=lede>Work on the long-awaited bridge over the "
        "river starts in the spring, the council says.</p></header>"
        STORY1 STORY2 "</article></body>";
    html_has("page in a form", form, strlen(form), "The council met", 1);
    html_has("article header", header, strlen(header), "long-awaited", 1);
    html_has("article header", header, strlen(header), "Site", 0);
}

/* A page with prose always gives it; the fallback never adds menus. */
static void test_never_lose(void)
{
    const char *page =
        "<body><nav><a href=/a>Home</a> <a href=/b>News</a></nav>"
        "<div class=\"article-content\"><figure><img src=a.jpg>"
        "<figcaption>Photo: the river at dusk, by J. Smith.</figcaption>"
        "</figure></div>"
        "<section>" STORY1 "</section><section>" STORY2 "</section>"
        "<footer><a href=/t>Terms of use</a></footer></body>";
    html_has("never lose", page, strlen(page), "The council met", 1);
    html_has("never lose", page, strlen(page), "Residents who spoke", 1);
    html_has("never lose", page, strlen(page), "Terms of use", 0);
    html_has("never lose", page, strlen(page), "Home", 0);
}

/* ---- markdown ---------------------------------------------------------------- */

/* The plain input -> text cases are in tests/data/markdown.txt (see
 * test_markdown_cases); these need more than one comparison. */
static void test_markdown(void)
{
    dec d;
    const char *doc = "# Title here\n\nBody text.\n";
    d = run(1, doc, strlen(doc));
    check(strcmp(d.title, "Title here") == 0, "markdown title", d.title,
          "Title here");
    done(&d);
    doc = "Intro.\n\n## Not a title\n";
    d = run(1, doc, strlen(doc));
    check(d.title[0] == 0, "heading not at the top is no title", d.title, "");
    done(&d);
    doc = "Setext Title\n============\n\nx\n";
    d = run(1, doc, strlen(doc));
    check(strcmp(d.title, "Setext Title") == 0, "setext title", d.title,
          "Setext Title");
    done(&d);
    {
        size_t len;
        char *b = repeat3("[", 100000, "x", "](u)", &len);
        d = run(1, b, len);
        check(d.rc == BRIEF_OK, "100000 nested brackets", NULL, NULL);
        done(&d);
        free(b);
        b = repeat3("> ", 100000, "deep", "", &len);
        md_is("100000 quote levels", b, "deep");
        free(b);
        b = repeat3("`", 100000, "x", "*_", &len);
        d = run(1, b, len);
        check(d.rc == BRIEF_OK, "100000 backticks", NULL, NULL);
        done(&d);
        free(b);
    }
}

/* s with newlines, tabs, carriage returns, backslashes and other control
 * bytes written as C escapes, so that a failure shows every byte (the
 * caller frees). */
static char *md_escaped(const char *s)
{
    size_t k = 0;
    char *e = (char *)malloc(4 * strlen(s) + 1);
    if (!e) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n' || c == '\t' || c == '\r' || c == '\\') {
            e[k++] = '\\';
            e[k++] = c == '\n' ? 'n' : c == '\t' ? 't' : c == '\r' ? 'r' : '\\';
        } else if (c < 0x20 || c == 0x7F) {
            k += (size_t)sprintf(e + k, "\\x%02X", c);
        } else {
            e[k++] = (char)c;
        }
    }
    e[k] = 0;
    return e;
}

/* Append line[0..n) to buf at *k with the file's visible stand-ins put
 * back: U+2192 (a tab), U+240D (a carriage return), U+2420 (a space). */
static void md_unvis(char *buf, size_t *k, const char *line, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (i + 2 < n && (unsigned char)line[i] == 0xE2) {
            unsigned b1 = (unsigned char)line[i + 1],
                     b2 = (unsigned char)line[i + 2];
            char c = b1 == 0x86 && b2 == 0x92   ? '\t'
                     : b1 == 0x90 && b2 == 0x8D ? '\r'
                     : b1 == 0x90 && b2 == 0xA0 ? ' '
                                                : 0;
            if (c) {
                buf[(*k)++] = c;
                i += 3;
                continue;
            }
        }
        buf[(*k)++] = line[i++];
    }
}

#define MD_FENCE "````````````````````````````````"

/*
 * The examples of tests/data/markdown.txt (CommonMark spec.txt style: a
 * line of 32 backticks and " example", the input, ".", the expected text,
 * 32 backticks; "# section" and "## name" lines name them). Each one is a
 * check: the decoded text must equal the expected text. A file that is
 * missing, has no example or ends inside one fails too.
 */
static void test_markdown_cases(const char *path)
{
    size_t len, in_n = 0, exp_n = 0, lineno = 0, start = 0;
    char *file = slurp(path, &len), *in, *exp, *p;
    char section[128] = "", name[128] = "";
    int state = 0, examples = 0; /* 0 outside, 1 input, 2 expected */
    if (!file) {
        check(0, "markdown cases readable", path, NULL);
        return;
    }
    in = (char *)malloc(len + 1);
    exp = (char *)malloc(len + 1);
    if (!in || !exp) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    for (p = file; p < file + len;) {
        char *e = memchr(p, '\n', (size_t)(file + len - p));
        size_t n = e ? (size_t)(e - p) : (size_t)(file + len - p);
        lineno++;
        if (n && p[n - 1] == '\r') /* a CRLF checkout */
            n--;
        if (state == 0 && n == strlen(MD_FENCE " example") &&
            memcmp(p, MD_FENCE " example", n) == 0) {
            state = 1;
            in_n = exp_n = 0;
            start = lineno;
        } else if (state == 0 && n > 2 && p[0] == '#') {
            char *dst = p[1] == '#' ? name : section;
            size_t skip = p[1] == '#' ? 3 : 2,
                   m = n - skip < sizeof name - 1 ? n - skip : sizeof name - 1;
            memcpy(dst, p + skip, m);
            dst[m] = 0;
        } else if (state == 1 && n == 1 && p[0] == '.') {
            state = 2;
        } else if (state == 1) {
            md_unvis(in, &in_n, p, n);
            in[in_n++] = '\n';
        } else if (state == 2 && n == strlen(MD_FENCE) &&
                   memcmp(p, MD_FENCE, n) == 0) {
            dec d = run(1, in, in_n);
            char what[400];
            exp[exp_n] = 0;
            snprintf(what, sizeof what, "%s:%lu: %s: %s", path,
                     (unsigned long)start, section, name);
            if (d.rc == BRIEF_OK && strcmp(d.text, exp) == 0) {
                check(1, what, NULL, NULL);
            } else {
                char *g = md_escaped(d.text), *x = md_escaped(exp);
                check(0, what, g, x);
                free(g);
                free(x);
            }
            done(&d);
            examples++;
            state = 0;
        } else if (state == 2) {
            if (exp_n)
                exp[exp_n++] = '\n';
            md_unvis(exp, &exp_n, p, n);
        }
        p = e ? e + 1 : file + len;
    }
    check(examples > 0 && state == 0, "markdown cases: examples read, the "
          "last one closed", path, NULL);
    free(in);
    free(exp);
    free(file);
}

/* ---- sniffing ----------------------------------------------------------------- */

static void test_sniff(void)
{
    static const char *const html_yes[] = {
        "<!DOCTYPE html><html><body>x</body></html>",
        "  \n<html lang=en>",
        "\xEF\xBB\xBF<!doctype HTML>",
        "<head><title>x</title></head>",
        "<div><p>One</p><p>Two</p><a href=x>y</a><br></div>",
    };
    static const char *const html_no[] = {
        "Plain news text. The council met on Tuesday.\n\nIt voted 7-2.",
        "a < b and c > d, <p> is a tag name",
        "# Title\n\nSome *markdown* with <br> once.\n\n- item\n- item\n",
    };
    static const char *const md_yes[] = {
        "# Title\n\nText with a [link](http://x).\n",
        "Title\n=====\n\n- one\n- two\n",
        "```\ncode\n```\n\n## Heading\n",
        "- a\n- b\n\nSee [x](y).",
    };
    static const char *const md_no[] = {
        "Plain news text. The council met on Tuesday.\n\nIt voted 7-2.",
        "The mayor said: \"We will rebuild.\"\n\n- She added nothing.\n",
        "#1 in the charts.\nSecond line of text.\n",
        "",
    };
    size_t k;
    for (k = 0; k < sizeof html_yes / sizeof html_yes[0]; k++)
        check(brief__looks_html(html_yes[k], strlen(html_yes[k])) == 1,
              "looks_html yes", html_yes[k], NULL);
    for (k = 0; k < sizeof html_no / sizeof html_no[0]; k++)
        check(brief__looks_html(html_no[k], strlen(html_no[k])) == 0,
              "looks_html no", html_no[k], NULL);
    for (k = 0; k < sizeof md_yes / sizeof md_yes[0]; k++)
        check(brief__looks_markdown(md_yes[k], strlen(md_yes[k])) == 1,
              "looks_markdown yes", md_yes[k], NULL);
    for (k = 0; k < sizeof md_no / sizeof md_no[0]; k++)
        check(brief__looks_markdown(md_no[k], strlen(md_no[k])) == 0,
              "looks_markdown no", md_no[k], NULL);
    check(brief__looks_html(NULL, 0) == 0 &&
              brief__looks_markdown(NULL, 0) == 0,
          "sniffing NULL", NULL, NULL);
}

/* the spec-style examples of tests/data/markdown.txt (path from the root) */
static void test_markdown_data(void)
{
    test_markdown_cases("tests/data/markdown.txt");
}

static const harness_test tests[] = {
    {"html_entities", test_entities},
    {"html_structure", test_structure},
    {"html_dropped", test_dropped},
    {"html_malformed", test_malformed},
    {"html_linear", test_linear},
    {"html_title", test_title},
    {"html_selection", test_selection},
    {"html_news_page", test_news_page},
    {"html_visibility", test_visibility},
    {"html_class_memo", test_class_memo},
    {"html_invisible", test_invisible},
    {"html_boilerplate", test_boilerplate},
    {"html_wrappers", test_wrappers},
    {"html_never_lose", test_never_lose},
    {"markdown", test_markdown},
    {"markdown_cases", test_markdown_data},
    {"sniff", test_sniff},
};

int main(int argc, char **argv)
{
    if (argc > 1 && strchr(argv[1], '/')) { /* the FIXTURE_DIR argument */
        fixture_dir = argv[1];
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    return harness_main(argc, argv, tests, HARNESS_COUNT(tests));
}

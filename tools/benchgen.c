/*
 * benchgen.c - benchmark inputs for tools/bench.sh.
 *
 *   benchgen SIZE OUT FILE...
 *
 * Reads the FILEs (plain-text articles), cuts them into sentences and writes
 * SIZE bytes (or a little less: the text ends on a whole sentence) of text
 * made of those sentences, shuffled and repeated: paragraphs of 1 to 8
 * sentences separated by blank lines, sentences separated by one space.
 * The output depends only on SIZE and the contents and order of the FILEs:
 * the shuffle uses a fixed seed, so every run and every machine gets the
 * same bytes. SIZE takes a K, M or G suffix (powers of ten: 10K = 10000).
 *
 * The sentence cut is deliberately crude (a run of . ! ? plus closing quotes
 * or brackets, then white space; a line end also cuts): the pieces only
 * have to look like prose. Pieces that do not end in . ! ? (titles, bylines)
 * are dropped and list or heading markers stripped, so the output is plain
 * prose that no sniffer takes for Markdown.
 *
 *   benchgen --html SIZE OUT FILE...
 *
 * The same sentences as one long web page, marked up as real pages are:
 * a <head> with styles, a JSON-LD block and scripts, a header with a
 * navigation menu, then an <article> of sections (a heading, paragraphs
 * with inline links and emphasis, now and then a figure with a caption, a
 * list, an ad slot with its script, a share bar), a "related stories"
 * aside and a footer of links; every paragraph sits in a wrapper <div>
 * with data attributes, as a content system writes it. About half of the
 * bytes are text; '&', '<' and '>' in the text are written as entities.
 * Exit status 0 done, 1 I/O error or no text, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
    size_t off, len;
} span;

static char *text;        /* every input file, one after another */
static size_t text_len, text_cap;
static span *sents;
static size_t nsents, sents_cap;

static void die(const char *what)
{
    fprintf(stderr, "benchgen: %s\n", what);
    exit(1);
}

static void append_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char buf[65536];
    size_t n;
    if (!f) {
        fprintf(stderr, "benchgen: cannot read %s\n", path);
        exit(1);
    }
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (text_len + n + 1 > text_cap) {
            text_cap = (text_len + n + 1) * 2;
            text = (char *)realloc(text, text_cap);
            if (!text)
                die("out of memory");
        }
        memcpy(text + text_len, buf, n);
        text_len += n;
    }
    fclose(f);
    /* a file boundary is a paragraph boundary */
    text[text_len++] = '\n';
}

/* Does text[.. end) end in . ! or ? (before closing quotes/brackets)? */
static int ends_sentence(size_t end)
{
    while (end > 0 && (text[end - 1] == '"' || text[end - 1] == '\'' ||
                       text[end - 1] == ')'))
        end--;
    return end > 0 && (text[end - 1] == '.' || text[end - 1] == '!' ||
                       text[end - 1] == '?');
}

static void add_sentence(size_t off, size_t end)
{
    while (off < end && (text[off] == ' ' || text[off] == '\t' ||
                         text[off] == '\r' || text[off] == '\n'))
        off++;
    while (end > off && (text[end - 1] == ' ' || text[end - 1] == '\t' ||
                         text[end - 1] == '\r' || text[end - 1] == '\n'))
        end--;
    /* no list or heading markers: the input must read as plain text */
    while (off < end && (text[off] == '-' || text[off] == '*' ||
                         text[off] == '#' || text[off] == '>' ||
                         text[off] == ' '))
        off++;
    /* only whole sentences: titles, bylines and list items without a
     * final stop are left out */
    if (end - off < 2 || !ends_sentence(end))
        return;
    if (nsents == sents_cap) {
        sents_cap = sents_cap ? sents_cap * 2 : 4096;
        sents = (span *)realloc(sents, sents_cap * sizeof *sents);
        if (!sents)
            die("out of memory");
    }
    sents[nsents].off = off;
    sents[nsents].len = end - off;
    nsents++;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Cut text into sentences; a newline also ends a sentence (titles, list
 * lines and one-paragraph-a-line files stay whole lines). */
static void cut_sentences(void)
{
    size_t i = 0, start = 0;
    while (i < text_len) {
        char c = text[i];
        if (c == '\n') {
            add_sentence(start, i);
            start = ++i;
        } else if (c == '.' || c == '!' || c == '?') {
            size_t j = i + 1;
            while (j < text_len && (text[j] == '.' || text[j] == '!' ||
                                    text[j] == '?' || text[j] == '"' ||
                                    text[j] == '\'' || text[j] == ')'))
                j++;
            if (j >= text_len || is_space(text[j])) {
                add_sentence(start, j);
                start = i = j;
            } else {
                i = j;
            }
        } else {
            i++;
        }
    }
    add_sentence(start, text_len);
}

/* xorshift64*: small, fast, the same on every platform */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static unsigned long long rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static size_t rng_below(size_t n)
{
    return (size_t)(rng() % (unsigned long long)n);
}

static void shuffle(void)
{
    size_t i;
    for (i = nsents; i > 1; i--) {
        size_t j = rng_below(i);
        span t = sents[i - 1];
        sents[i - 1] = sents[j];
        sents[j] = t;
    }
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return -1;
    switch (*end) {
    case 'k': case 'K': v *= 1000ULL; end++; break;
    case 'm': case 'M': v *= 1000000ULL; end++; break;
    case 'g': case 'G': v *= 1000000000ULL; end++; break;
    default: break;
    }
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || v == 0 || v > (unsigned long long)((size_t)-1 / 2))
        return -1;
    *out = (size_t)v;
    return 0;
}

/* ---- --html ------------------------------------------------------------ */

static int run(int argc, char **argv, int html);

static size_t put(FILE *out, const char *s)
{
    fputs(s, out);
    return strlen(s);
}

/* Sentence s with the characters HTML reserves as entities, an inline link
 * around its third word now and then and emphasis on others. */
static size_t put_sentence(FILE *out, const span *s, unsigned long long r)
{
    size_t k, n = 0, word = 0;
    int in_a = 0, in_em = 0;
    for (k = 0; k < s->len; k++) {
        char c = text[s->off + k];
        if (c == ' ') {
            word++;
            if (in_a || in_em) {
                n += put(out, in_a ? "</a>" : "</em>");
                in_a = in_em = 0;
            }
            fputc(' ', out);
            n++;
            if (word == 3 && r % 4 == 0) {
                n += put(out, "<a href=\"/topic/item\">");
                in_a = 1;
            } else if (word == 5 && r % 7 == 1) {
                n += put(out, "<em>");
                in_em = 1;
            }
            continue;
        }
        if (c == '&')
            n += put(out, "&amp;");
        else if (c == '<')
            n += put(out, "&lt;");
        else if (c == '>')
            n += put(out, "&gt;");
        else {
            fputc(c, out);
            n++;
        }
    }
    if (in_a || in_em)
        n += put(out, in_a ? "</a>" : "</em>");
    return n;
}

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>A long story | The Daily Bench</title>\n"
    "<meta property=\"og:title\" content=\"A long story\">\n"
    "<link rel=\"stylesheet\" href=\"/css/site.css\">\n"
    "<style>body{font:16px/1.5 serif}.nav a{margin:0 1em}"
    ".ad{min-height:250px}</style>\n"
    "<script type=\"application/ld+json\">{\"@context\":"
    "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
    "\"A long story\"}</script>\n"
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){"
    "dataLayer.push(arguments)}gtag('js',new Date());</script>\n"
    "</head><body class=\"article-page\">\n"
    "<div class=\"cookie-consent\" role=\"dialog\"><p>We use cookies to "
    "improve your experience.</p><button>Accept</button></div>\n"
    "<header class=\"site-header\"><a class=\"logo\" href=\"/\">"
    "The Daily Bench</a><nav class=\"nav\"><ul><li><a href=\"/\">Home"
    "</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/"
    "business\">Business</a></li><li><a href=\"/sport\">Sport</a></li>"
    "<li><a href=\"/culture\">Culture</a></li></ul></nav></header>\n"
    "<main id=\"main\"><article class=\"story\">\n"
    "<h1>A long story</h1><p class=\"byline\">By <a href=\"/staff/a\">"
    "A. Writer</a>, <time datetime=\"2026-01-01\">1 January 2026</time>"
    "</p>\n<div class=\"article-body\">\n";

static const char html_tail[] =
    "</div></article>\n"
    "<aside class=\"related\"><h2>Related stories</h2><ul>"
    "<li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">"
    "One more story</a></li><li><a href=\"/c\">The last story</a></li>"
    "</ul></aside></main>\n"
    "<footer><a href=\"/about\">About</a> <a href=\"/privacy\">Privacy"
    "</a> <a href=\"/terms\">Terms</a></footer>\n"
    "<script src=\"/js/app.js\" async></script></body></html>\n";

/* Markup between paragraphs, by turn: a figure, an ad slot, a list, a
 * share bar, a section heading. */
static const char *const html_breaks[] = {
    "<figure class=\"wp-block-image\"><picture><source srcset=\"/img/a."
    "webp\" type=\"image/webp\"><img src=\"/img/a.jpg\" alt=\"A view\" "
    "width=\"800\" height=\"450\" loading=\"lazy\"></picture><figcaption>"
    "A view of the place. Photo: Agency</figcaption></figure>\n",
    "<div class=\"ad ad-slot\" data-slot=\"mid\"><script>(adsbygoogle="
    "window.adsbygoogle||[]).push({slot:'mid',sizes:[[300,250],"
    "[728,90]]});</script></div>\n",
    "<ul><li>The first point, briefly.</li><li>A second point, with "
    "<a href=\"/more\">a link</a>.</li><li>A third point.</li></ul>\n",
    "<div class=\"share-bar\"><a href=\"https://x.example/share\">Share"
    "</a> <a href=\"mailto:?subject=story\">Email</a></div>\n",
    "<h2 class=\"section-title\">More on the story</h2>\n",
};

static int write_html(FILE *out, size_t size)
{
    size_t written = 0, next = 0, para = 0, tail = sizeof html_tail - 1;
    if (sizeof html_head - 1 + tail > size)
        return 0;
    written += put(out, html_head);
    for (;;) {
        size_t n = 1 + rng_below(6), k, need = 0;
        unsigned long long r = rng();
        const char *brk = html_breaks[para % 5];
        /* a paragraph of n sentences, then a break every second one */
        for (k = 0; k < n; k++)
            need += sents[(next + k) % nsents].len * 2 + 1;
        need += 120 + (para % 2 == 1 ? strlen(brk) : 0);
        if (written + need + tail > size)
            break;
        written += put(out, "<div class=\"text-block\" data-component="
                            "\"paragraph\" data-track=\"story-body\"><p "
                            "class=\"paragraph\">");
        for (k = 0; k < n; k++) {
            if (k)
                written += put(out, " ");
            written += put_sentence(out, &sents[next], r >> k);
            if (++next == nsents) {
                next = 0;
                shuffle();
            }
        }
        written += put(out, "</p></div>\n");
        if (para % 2 == 1)
            written += put(out, brk);
        para++;
    }
    (void)put(out, html_tail);
    return 1;
}

int main(int argc, char **argv)
{
    int html = 0;
    if (argc > 1 && strcmp(argv[1], "--html") == 0) {
        html = 1;
        argv++;
        argc--;
    }
    return run(argc, argv, html);
}

static int run(int argc, char **argv, int html)
{
    size_t size, written = 0, next = 0, in_para = 0, para_len, skipped = 0;
    FILE *out;
    int i;

    if (argc < 4 || parse_size(argv[1], &size)) {
        fprintf(stderr, "usage: benchgen [--html] SIZE OUT FILE...\n");
        return 2;
    }
    for (i = 3; i < argc; i++)
        append_file(argv[i]);
    cut_sentences();
    if (!nsents)
        die("no sentences in the input files");
    shuffle();

    out = fopen(argv[2], "wb");
    if (!out) {
        fprintf(stderr, "benchgen: cannot write %s\n", argv[2]);
        return 1;
    }
    if (html) {
        if (!write_html(out, size))
            die("SIZE is too small for a page");
        if (fclose(out) != 0)
            die("write error");
        return 0;
    }
    para_len = 1 + rng_below(8);
    for (;;) {
        const span *s = &sents[next];
        size_t sep = written ? (in_para ? 1 : 2) : 0;
        if (written + sep + s->len + 1 > size) { /* +1: the final newline */
            if (written || ++skipped >= nsents)
                break;
            next = (next + 1) % nsents; /* too long to open a tiny input */
            continue;
        }
        if (sep == 1)
            fputc(' ', out);
        else if (sep == 2)
            fputs("\n\n", out);
        fwrite(text + s->off, 1, s->len, out);
        written += sep + s->len;
        if (++in_para == para_len) {
            in_para = 0;
            para_len = 1 + rng_below(8);
        }
        if (++next == nsents) {
            next = 0;
            shuffle();  /* every pass over the pool is a new order */
        }
    }
    fputc('\n', out);
    if (fclose(out) != 0)
        die("write error");
    return 0;
}

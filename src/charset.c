/*
 * charset.c - input normalization: the input bytes, in whatever charset
 * they are, become UTF-8 before any decoder sees them.
 *
 * Which charset, first rule that applies:
 *  1. options.encoding names one (anything but NULL, "" and "auto"): the
 *     caller is right. A UTF-16 label still lets a UTF-16 byte-order mark
 *     choose between LE and BE (the mark is dropped).
 *  2. A byte-order mark: EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE
 *     (for every input kind; a UTF-8 mark stays in the text, where every
 *     stage reads U+FEFF as a space, so the spans of a UTF-8 input never
 *     move).
 *  3. An XML declaration at the start, <?xml ... encoding="..."?> (any
 *     kind: a file that starts with one is XML).
 *  4. For HTML (given, or detected on the raw bytes): <meta charset> or
 *     <meta http-equiv="Content-Type" content="...; charset=...">, found
 *     by a prescan of the bytes as the HTML standard's "prescan a byte
 *     stream to determine its encoding" does it (comments and other tags
 *     skipped, attributes read the same way). Unlike a browser's 1024-byte
 *     window, the scan runs up to the <body> tag (at most 64 KiB): a whole
 *     page is at hand, and browsers honour a later <meta> in the head too.
 *     As the standard says, a meta that claims UTF-16 means UTF-8 (the
 *     bytes would have a mark otherwise) and x-user-defined windows-1252.
 *  5. Otherwise UTF-8.
 * A label is matched as the WHATWG Encoding standard does (ASCII case
 * folded, surrounding blanks dropped) against that standard's labels:
 * ISO-8859-1, US-ASCII and their aliases are windows-1252, as in every
 * browser. A charset brief has no table for (GBK, Big5, Shift_JIS, ...,
 * or a name nobody knows) is read as UTF-8, invalid bytes as U+FFFD, and
 * the result carries BRIEF_WARN_ENCODING with the name: never silently.
 *
 * The conversion: UTF-16 units to UTF-8 (a lone surrogate or an odd last
 * byte is U+FFFD); a single-byte charset through its table (src/
 * charsets.inc, generated from tools/data/charsets.txt; BRIEF_NO_CHARSETS
 * leaves the tables out, and those charsets get the warning). UTF-8 and
 * ASCII-only input are not copied: the caller's bytes are used as they
 * are. A conversion allocates exactly the UTF-8 size from the arena.
 */
#include <string.h>
#include "internal.h"

#ifndef BRIEF_NO_CHARSETS
#include "charsets.inc"
#else
#define BRIEF__CS_COUNT 0
#endif

/* Charsets beyond the tables: ids BRIEF__CS_COUNT + k. */
enum { CS_UTF8 = BRIEF__CS_COUNT, CS_UTF16LE, CS_UTF16BE, CS_NONE };

static const char utf_labels[] =
    "unicode-1-1-utf-8\001unicode11utf8\001unicode20utf8\001utf-8\001"
    "utf8\001x-unicode20utf8\001"
    "csunicode\002iso-10646-ucs-2\002ucs-2\002unicode\002unicodefeff\002"
    "utf-16\002utf-16le\002"
    "unicodefffe\003utf-16be\003";

/* Look the label s[0..n) up in a table of labels, each followed by one
 * byte 1 + k; returns k, or -1. */
static int in_labels(const char *tab, const unsigned char *s, size_t n)
{
    const unsigned char *t = (const unsigned char *)tab;
    while (*t) {
        size_t i = 0;
        while (i < n && t[i] >= 0x21 && brief__ascii_lower(s[i]) == t[i])
            i++;
        if (i == n && t[i] < 0x21)
            return t[i] - 1;
        while (*t >= 0x21)
            t++;
        t++;
    }
    return -1;
}

/* The charset a label names, or CS_NONE. */
static int find_label(const unsigned char *s, size_t n)
{
    int k;
    while (n && brief__ascii_is_space(s[0])) {
        s++;
        n--;
    }
    while (n && brief__ascii_is_space(s[n - 1]))
        n--;
    if (!n || n > 40)
        return CS_NONE;
    if ((k = in_labels(utf_labels, s, n)) >= 0)
        return CS_UTF8 + k;
#ifndef BRIEF_NO_CHARSETS
    if ((k = in_labels(cs_labels, s, n)) >= 0)
        return k;
#endif
    return CS_NONE;
}

static const char *charset_name(int cs)
{
    switch (cs) {
    case CS_UTF16LE:
        return "UTF-16LE";
    case CS_UTF16BE:
        return "UTF-16BE";
    default:
#ifndef BRIEF_NO_CHARSETS
        if (cs >= 0 && cs < BRIEF__CS_COUNT)
            return cs_name[cs];
#endif
        return "UTF-8";
    }
}

int brief__charset_is_utf8(const char *name)
{
    return name && find_label((const unsigned char *)name, strlen(name)) ==
                       CS_UTF8;
}

/* ---- finding the declared charset ------------------------------------- */

/* What a scan found: the first label brief can decode, else the first it
 * cannot (kept for the warning). */
typedef struct found {
    int cs;                     /* CS_NONE: nothing decodable found      */
    const unsigned char *bad;   /* first undecodable label, or NULL      */
    size_t bad_len;
} found;

/* A case-insensitive match of the lower-case literal lit at s[i..n). */
static int at(const unsigned char *s, size_t n, size_t i, const char *lit)
{
    size_t k;
    for (k = 0; lit[k]; k++)
        if (i + k >= n || brief__ascii_lower(s[i + k]) != (unsigned char)lit[k])
            return 0;
    return 1;
}

/* Offer a label; returns 1 when it settles the charset. A label from a
 * <meta> or an XML declaration follows the prescan's rules: UTF-16 means
 * UTF-8, x-user-defined windows-1252 (table 0). */
static int offer(found *f, const unsigned char *s, size_t n, int from_meta)
{
    int cs = find_label(s, n);
    if (from_meta) {
        if (cs == CS_UTF16LE || cs == CS_UTF16BE)
            cs = CS_UTF8;
        else if (cs == CS_NONE && BRIEF__CS_COUNT > 0 && n == 14 &&
                 at(s, n, 0, "x-user-defined"))
            cs = 0;
    }
    if (cs != CS_NONE) {
        f->cs = cs;
        return 1;
    }
    if (!f->bad && n) {
        f->bad = s;
        f->bad_len = n;
    }
    return 0;
}

/* <?xml version="1.0" encoding="..."?> at the start (blanks before it
 * allowed). Returns 1 when it settles the charset. */
static int xml_declaration(const unsigned char *s, size_t n, found *f)
{
    size_t i = 0, end;
    while (i < n && brief__ascii_is_space(s[i]))
        i++;
    if (!at(s, n, i, "<?xml") || i + 5 >= n || !brief__ascii_is_space(s[i + 5]))
        return 0;
    for (end = i; end + 1 < n && end < i + 512; end++)
        if (s[end] == '?' && s[end + 1] == '>')
            break;
    for (i += 5; i + 8 < end; i++) {
        size_t j, v;
        unsigned char q;
        if (!at(s, end, i, "encoding") || !brief__ascii_is_space(s[i - 1]))
            continue;
        j = i + 8;
        while (j < end && brief__ascii_is_space(s[j]))
            j++;
        if (j >= end || s[j] != '=')
            continue;
        j++;
        while (j < end && brief__ascii_is_space(s[j]))
            j++;
        if (j >= end || (s[j] != '"' && s[j] != '\''))
            return 0;
        q = s[j++];
        for (v = j; v < end && s[v] != q; v++)
            ;
        if (v >= end)
            return 0;
        /* a declaration readable as ASCII is not UTF-16, whatever it
         * says: the meta rules apply */
        return offer(f, s + j, v - j, 1);
    }
    return 0;
}

/* The HTML standard's "extract a character encoding from a meta element"
 * on a content attribute value: the label after "charset", '=', blanks,
 * quoted or up to a blank or ';'. Returns 1 when it settles the charset. */
static int content_charset(const unsigned char *s, size_t n, found *f)
{
    size_t i = 0;
    for (;;) {
        size_t j, v;
        while (i + 7 <= n && !at(s, n, i, "charset"))
            i++;
        if (i + 7 > n)
            return 0;
        j = i + 7;
        while (j < n && brief__ascii_is_space(s[j]))
            j++;
        if (j >= n || s[j] != '=') {
            i = j; /* look for the next "charset" from here */
            continue;
        }
        j++;
        while (j < n && brief__ascii_is_space(s[j]))
            j++;
        if (j < n && (s[j] == '"' || s[j] == '\'')) {
            unsigned char q = s[j++];
            for (v = j; v < n && s[v] != q; v++)
                ;
            if (v >= n)
                return 0; /* an unmatched quote: nothing */
        } else {
            for (v = j; v < n && !brief__ascii_is_space(s[v]) && s[v] != ';'; v++)
                ;
        }
        return v > j ? offer(f, s + j, v - j, 1) : 0;
    }
}

/* One attribute of a tag from s[*i] on, as the standard's "get an
 * attribute": name (lower case by comparison only) and value spans.
 * Returns 0 at the end of the tag (the '>' consumed) or of the input. */
typedef struct attr {
    const unsigned char *name, *val;
    size_t name_len, val_len;
} attr;

static int get_attr(const unsigned char *s, size_t n, size_t *pi, attr *a)
{
    size_t i = *pi;
    while (i < n && (brief__ascii_is_space(s[i]) || s[i] == '/'))
        i++;
    if (i >= n || s[i] == '>') {
        *pi = i + (i < n);
        return 0;
    }
    a->name = s + i;
    a->val = s + i;
    a->val_len = 0;
    /* a name starts with any byte, '=' included, and ends at a blank, '/',
     * '>' or a later '=' */
    i++;
    while (i < n && !brief__ascii_is_space(s[i]) && s[i] != '/' && s[i] != '>' &&
           s[i] != '=')
        i++;
    a->name_len = (size_t)(s + i - a->name);
    while (i < n && brief__ascii_is_space(s[i]))
        i++;
    if (i >= n || s[i] != '=') {
        *pi = i;
        return 1;
    }
    i++;
    while (i < n && brief__ascii_is_space(s[i]))
        i++;
    if (i < n && (s[i] == '"' || s[i] == '\'')) {
        unsigned char q = s[i++];
        a->val = s + i;
        while (i < n && s[i] != q)
            i++;
        a->val_len = (size_t)(s + i - a->val);
        i += i < n;
    } else {
        a->val = s + i;
        while (i < n && !brief__ascii_is_space(s[i]) && s[i] != '>')
            i++;
        a->val_len = (size_t)(s + i - a->val);
    }
    *pi = i;
    return 1;
}

static int attr_is(const attr *a, const char *name)
{
    return strlen(name) == a->name_len && at(a->name, a->name_len, 0, name);
}

/* Where the markup that starts at s[i] == '<' ends (the index after it),
 * read as the prescan does: a comment to its "-->", a start or end tag
 * with its attributes (so a '>' in a quoted value does not end it),
 * "<!", "</", "<?" to the next '>'. i itself when this '<' starts no
 * markup (it is text). */
static size_t markup_end(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = i + 1 < n ? s[i + 1] : 0;
    attr a;
    if (at(s, n, i, "<!--")) {
        /* "<!-->" closes it too, as the search from the first '-' allows */
        for (i += 2; i + 2 < n; i++)
            if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
                break;
        return i + 3 < n ? i + 3 : n;
    }
    if ((c | 0x20u) - 'a' < 26u ||
        (c == '/' && i + 2 < n && ((unsigned)s[i + 2] | 0x20u) - 'a' < 26u)) {
        for (i++; i < n && !brief__ascii_is_space(s[i]) && s[i] != '>'; i++)
            ;
        if (i < n && s[i] == '>')
            return i + 1;
        while (get_attr(s, n, &i, &a))
            ;
        return i;
    }
    if (c == '!' || c == '/' || c == '?') {
        while (i < n && s[i] != '>')
            i++;
        return i < n ? i + 1 : n;
    }
    return i;
}

/* s[i..n) starts the tag <name followed by a blank, '/' or '>'. */
static int tag_is(const unsigned char *s, size_t n, size_t i,
                  const char *name)
{
    size_t k = strlen(name);
    return at(s, n, i, name) &&
           (i + k >= n || brief__ascii_is_space(s[i + k]) || s[i + k] == '/' ||
            s[i + k] == '>');
}

#define PRESCAN_MAX ((size_t)64 * 1024)

/* The prescan of an HTML page for a <meta> charset. */
static void prescan(const unsigned char *s, size_t len, found *f)
{
    size_t n = len < PRESCAN_MAX ? len : PRESCAN_MAX, i = 0;
    while (i < n) {
        if (s[i] != '<') {
            i++;
        } else if (at(s, n, i, "<meta") && i + 5 < n &&
                   (brief__ascii_is_space(s[i + 5]) || s[i + 5] == '/')) {
            /* a charset attribute wins; else a content attribute counts
             * with http-equiv="content-type" only; the first of each
             * attribute counts */
            int got_pragma = 0, done = 0;
            const unsigned char *cs = NULL, *content = NULL;
            size_t cs_len = 0, content_len = 0;
            unsigned seen = 0; /* http-equiv 1, content 2, charset 4 */
            attr a;
            i += 5;
            while (get_attr(s, n, &i, &a)) {
                if (attr_is(&a, "http-equiv") && !(seen & 1)) {
                    seen |= 1;
                    got_pragma = a.val_len == 12 &&
                                 at(a.val, 12, 0, "content-type");
                } else if (attr_is(&a, "content") && !(seen & 2)) {
                    seen |= 2;
                    content = a.val;
                    content_len = a.val_len;
                } else if (attr_is(&a, "charset") && !(seen & 4)) {
                    seen |= 4;
                    cs = a.val;
                    cs_len = a.val_len;
                }
            }
            if (cs)
                done = offer(f, cs, cs_len, 1);
            else if (content && got_pragma)
                done = content_charset(content, content_len, f);
            if (done)
                return;
        } else if (tag_is(s, n, i, "<body")) {
            return; /* the head is over */
        } else {
            size_t j = markup_end(s, n, i);
            i = j > i ? j : i + 1;
        }
    }
}

/* ---- binary input ------------------------------------------------------ */

/*
 * Why HTML gets a scan of its own: the test must say whether a NUL is in
 * the page's text, which only markup structure tells, and a page with a
 * stray NUL in a script is an ordinary page. The scan reads the markup as
 * the prescan does (markup_end), plus the raw text of <script> and <style>
 * (to their end tag); the HTML decoder reads the page later, whatever this
 * says. Everything else is text; a run of it between two pieces of markup
 * counts when it holds a NUL and a character other than blanks and NULs:
 * NUL padding between two tags (one of the web pages has that, after an
 * <img>) shows nothing in a browser, while text with NULs among its
 * letters (UTF-16 without a byte-order mark, a binary file) is not text.
 */
static int nul_in_html_text(const unsigned char *s, size_t n)
{
    size_t i = 0, j;
    int nul = 0, other = 0; /* in the current run of text */
    while (i < n) {
        unsigned c = s[i];
        if (c == '<' && (j = markup_end(s, n, i)) > i) {
            const char *close = tag_is(s, n, i, "<script") ? "</script"
                                : tag_is(s, n, i, "<style") ? "</style"
                                                            : NULL;
            for (i = j; close && i < n && !at(s, n, i, close); i++)
                ;
            nul = other = 0;
            continue;
        }
        if (c == 0)
            nul = 1;
        else if (!brief__ascii_is_space(c))
            other = 1;
        if (nul && other)
            return 1;
        i++;
    }
    return 0;
}

int brief__binary(const char *in, size_t len, brief_input kind)
{
    if (!len || !memchr(in, 0, len))
        return 0;
    if (kind != BRIEF_INPUT_HTML)
        return 1;
    return nul_in_html_text((const unsigned char *)in, len);
}

/* ---- conversion ---------------------------------------------------------- */

/* UTF-16 (big-endian when be) to UTF-8 in the arena. */
static int from_utf16(brief__arena *a, const unsigned char *s, size_t len,
                      int be, const char **out, size_t *out_len)
{
    size_t cap = len / 2 * 3 + 4, i = 0, o = 0;
    unsigned char *d = (unsigned char *)brief__alloc(a, cap);
    if (!d)
        return BRIEF_ERR_NOMEM;
    while (i + 1 < len) {
        uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1]
                        : (uint32_t)s[i + 1] << 8 | s[i];
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            uint32_t v = be ? (uint32_t)s[i] << 8 | s[i + 1]
                            : (uint32_t)s[i + 1] << 8 | s[i];
            if (v >= 0xDC00 && v <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i += 2;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            u = 0xFFFD; /* a lone surrogate */
        o += brief__put(u, d + o);
    }
    if (i < len)
        o += brief__put(0xFFFD, d + o); /* an odd last byte */
    *out = (const char *)d;
    *out_len = o;
    return BRIEF_OK;
}

#ifndef BRIEF_NO_CHARSETS
/* A single-byte charset to UTF-8 in the arena; ASCII-only input is used
 * in place. */
static int from_table(brief__arena *a, const unsigned char *s, size_t len,
                      const uint16_t *high, const char **out, size_t *out_len)
{
    size_t i, n = 0, o = 0;
    unsigned char *d;
    for (i = 0; i < len; i++)
        n += s[i] < 0x80 ? 1 : high[s[i] - 0x80] < 0x800 ? 2 : 3;
    if (n == len)
        return BRIEF_OK; /* nothing to convert */
    if (!(d = (unsigned char *)brief__alloc(a, n)))
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < len; i++)
        if (s[i] < 0x80)
            d[o++] = s[i];
        else
            o += brief__utf8_put(high[s[i] - 0x80], d + o);
    *out = (const char *)d;
    *out_len = o;
    return BRIEF_OK;
}
#endif

/* A printable copy of an undecodable label for the warning. */
static const char *copy_label(brief__arena *a, const unsigned char *s,
                              size_t n)
{
    char *d;
    size_t i;
    while (n && brief__ascii_is_space(s[0])) {
        s++;
        n--;
    }
    while (n && brief__ascii_is_space(s[n - 1]))
        n--;
    if (n > 40)
        n = 40;
    if (!(d = (char *)brief__alloc(a, n + 1)))
        return NULL;
    for (i = 0; i < n; i++)
        d[i] = s[i] >= 0x20 && s[i] < 0x7F && s[i] != '"' && s[i] != '\\'
                   ? (char)brief__ascii_lower(s[i]) : '?';
    d[n] = 0;
    return d;
}

int brief__charset(brief__arena *a, const char **in, size_t *len,
                   const brief_options *o, brief_result *r)
{
    const unsigned char *s = (const unsigned char *)*in;
    size_t n = *len;
    const char *e = o->encoding;
    found f;
    int bom = CS_NONE;
    f.cs = CS_NONE;
    f.bad = NULL;
    f.bad_len = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        bom = CS_UTF8;
    else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
        bom = CS_UTF16LE;
    else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
        bom = CS_UTF16BE;
    if (e && *e && strcmp(e, "auto")) {
        if (offer(&f, (const unsigned char *)e, strlen(e), 0) &&
            (f.cs == CS_UTF16LE || f.cs == CS_UTF16BE) &&
            (bom == CS_UTF16LE || bom == CS_UTF16BE))
            f.cs = bom;
    } else if (bom != CS_NONE) {
        f.cs = bom;
    } else if (!xml_declaration(s, n, &f)) {
        brief_input kind = o->input;
#ifndef BRIEF_NO_HTML
        if (kind == BRIEF_INPUT_AUTO && brief__looks_html(*in, n))
            kind = BRIEF_INPUT_HTML;
#endif
        if (kind == BRIEF_INPUT_HTML)
            prescan(s, n, &f);
    }
    r->encoding = charset_name(f.cs);
    if (f.cs == CS_NONE && f.bad) {
        r->warnings |= BRIEF_WARN_ENCODING;
        r->unsupported_encoding =
            copy_label(a, f.bad, f.bad_len);
        if (!r->unsupported_encoding)
            return BRIEF_ERR_NOMEM;
    }
    if (f.cs == CS_UTF16LE || f.cs == CS_UTF16BE) {
        if (bom == CS_UTF16LE || bom == CS_UTF16BE) {
            s += 2;
            n -= 2;
        }
        return from_utf16(a, s, n, f.cs == CS_UTF16BE, in, len);
    }
#ifndef BRIEF_NO_CHARSETS
    if (f.cs >= 0 && f.cs < BRIEF__CS_COUNT)
        return from_table(a, s, n, cs_high[f.cs], in, len);
#endif
    return BRIEF_OK;
}

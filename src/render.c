/*
 * render.c - the last stage: a brief_result written out in one of the
 * brief_format layouts.
 *
 * Contracts (on top of those in brief.h):
 *  - No I/O and no allocation: every byte goes through the caller's
 *    brief_write_fn, batched in a fixed BRIEF__CHUNK-byte buffer on the
 *    stack. There is no global state, so rendering is reentrant.
 *  - fn is never called with zero bytes. Once it returns non-zero it is
 *    never called again and brief_render() returns BRIEF_ERR_WRITE.
 *  - Arguments are checked before the first byte is written: a NULL result
 *    or fn, an unknown format, or an inconsistent result (a span outside
 *    text, a chosen or title index outside sentences, a NULL array with a
 *    non-zero count) give BRIEF_ERR_ARGUMENT and no output at all.
 *  - Sentence spans may hold any bytes: newlines, tabs, CR, control
 *    characters, invalid UTF-8. The line formats (TEXT, BULLETS, SPLIT,
 *    SCORES, KEYWORDS, TSV) keep every byte as is except the few they must
 *    fold or escape to keep one record a line; JSON and HTML always emit
 *    valid UTF-8 (every byte of an invalid sequence becomes one U+FFFD, the
 *    way brief__utf8_next reads it).
 *  - Numbers are formatted here, not by printf: the output must not depend
 *    on the caller's locale (LC_NUMERIC could turn "0.5" into "0,5" and
 *    break JSON) and must be the same on every IEEE-754 platform. NaN and
 *    infinities print as 0.
 *
 * Built with BRIEF_NO_RENDER_RICH the JSON, TSV and HTML renderers are left
 * out and those formats return BRIEF_ERR_ARGUMENT.
 */
#include <float.h>
#include <string.h>
#include "internal.h"

/* Output buffer size: big enough that fn is called rarely, small enough
 * for a microcontroller stack. */
#define BRIEF__CHUNK 256

/* Decimals: human-facing columns (SCORES, KEYWORDS, HTML) get 4, machine
 * formats (JSON, TSV) get 6. */
#define BRIEF__DEC_HUMAN 4u
#define BRIEF__DEC_MACHINE 6u

/* Scores above this magnitude are clamped (they never occur: scores are
 * normalized), so the fixed-point formatting below stays exact. */
#define BRIEF__NUM_MAX 1e15

typedef struct brief__out {
    brief_write_fn fn;
    void *ctx;
    int failed;       /* fn returned non-zero: write nothing more          */
    size_t n;         /* bytes pending in buf                              */
    char buf[BRIEF__CHUNK];
} brief__out;

static void out_flush(brief__out *o)
{
    if (o->failed || o->n == 0)
        return;
    if (o->fn(o->ctx, o->buf, o->n) != 0)
        o->failed = 1;
    o->n = 0;
}

static void out_bytes(brief__out *o, const char *s, size_t len)
{
    while (len > 0 && !o->failed) {
        size_t room = BRIEF__CHUNK - o->n;
        size_t k = len < room ? len : room;
        memcpy(o->buf + o->n, s, k);
        o->n += k;
        s += k;
        len -= k;
        if (o->n == BRIEF__CHUNK)
            out_flush(o);
    }
}

static void out_char(brief__out *o, char c)
{
    if (o->failed)
        return;
    o->buf[o->n++] = c;
    if (o->n == BRIEF__CHUNK)
        out_flush(o);
}

static void out_str(brief__out *o, const char *s)
{
    out_bytes(o, s, strlen(s));
}

/* ---- numbers ------------------------------------------------------------ */

static void out_uint(brief__out *o, size_t v)
{
    char tmp[24];
    size_t k = sizeof tmp;
    do {
        tmp[--k] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v > 0);
    out_bytes(o, tmp + k, sizeof tmp - k);
}

/*
 * v with exactly dec (<= 9) decimals, rounded half away from zero on the
 * binary value's decimal scaling. No exponent, no locale. NaN/Inf print as
 * 0, magnitudes above BRIEF__NUM_MAX are clamped, and a value that rounds
 * to zero never gets a minus sign ("0.0000", not "-0.0000").
 */
static void out_fixed(brief__out *o, double v, unsigned dec)
{
    static const double scale_d[10] = {1e0, 1e1, 1e2, 1e3, 1e4,
                                       1e5, 1e6, 1e7, 1e8, 1e9};
    static const unsigned long scale_u[10] = {
        1ul, 10ul, 100ul, 1000ul, 10000ul,
        100000ul, 1000000ul, 10000000ul, 100000000ul, 1000000000ul};
    char tmp[48];
    size_t k = sizeof tmp;
    unsigned long long ip;
    unsigned long fs;
    unsigned i;
    int neg;
    if (dec > 9)
        dec = 9;
    if (v != v || v > DBL_MAX || v < -DBL_MAX)
        v = 0.0;
    neg = v < 0.0;
    if (neg)
        v = -v;
    if (v > BRIEF__NUM_MAX)
        v = BRIEF__NUM_MAX;
    ip = (unsigned long long)v;                 /* truncates: floor      */
    /* v - ip is exact; times 10^dec stays below 1e9, well inside the
     * integers a double holds exactly. */
    fs = (unsigned long)((v - (double)ip) * scale_d[dec] + 0.5);
    if (fs >= scale_u[dec]) {                   /* 0.99999 -> 1.0000     */
        fs -= scale_u[dec];
        ip++;
    }
    if (ip == 0 && fs == 0)
        neg = 0;
    for (i = 0; i < dec; i++) {
        tmp[--k] = (char)('0' + (int)(fs % 10));
        fs /= 10;
    }
    if (dec > 0)
        tmp[--k] = '.';
    do {
        tmp[--k] = (char)('0' + (int)(ip % 10));
        ip /= 10;
    } while (ip > 0);
    if (neg)
        tmp[--k] = '-';
    out_bytes(o, tmp + k, sizeof tmp - k);
}

/* ---- text spans ----------------------------------------------------------- */

static const char *span_ptr(const brief_result *r, const brief_sentence *s)
{
    return s->length ? r->text + s->offset : "";
}

/* What is printed of a sentence: its cleaned text, or its span when the
 * result (built by hand) has none. */
static const char *sent_ptr(const brief_result *r, const brief_sentence *s)
{
    if (s->text)
        return s->text_length ? s->text : "";
    return span_ptr(r, s);
}

static size_t sent_len(const brief_sentence *s)
{
    return s->text ? s->text_length : s->length;
}

/*
 * Length of the line-breaking-or-blank character at s[i] (0 if none) and
 * whether it is a plain space. Line breaking: TAB LF VT FF CR and
 * U+2028/U+2029 (the characters brief__class reads as space or newline
 * that would break a line or a TSV column).
 */
static size_t blank_len(const unsigned char *s, size_t len, size_t i,
                        int *plain)
{
    unsigned char c = s[i];
    *plain = 0;
    if (c == ' ') {
        *plain = 1;
        return 1;
    }
    if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
        return 1;
    if (c == 0xE2 && len - i >= 3 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
        return 3;
    return 0;
}

/* Is the code point ending at byte end (or starting at byte at) CJK? */
static int cjk_before(const unsigned char *s, size_t end)
{
    size_t p = end, k = 0, q;
    while (p > 0 && k < 4) {
        p--;
        k++;
        if ((s[p] & 0xC0) != 0x80)
            break;
    }
    q = p;
    return brief__class(brief__utf8_next(s, end, &q)) == BRIEF__C_CJK &&
           q == end;
}

static int cjk_at(const unsigned char *s, size_t len, size_t at)
{
    return at < len && brief__class(brief__utf8_next(s, len, &at)) ==
                           BRIEF__C_CJK;
}

/*
 * The span as one line: every run of blanks that holds a line-breaking
 * character (anything but ' ') becomes one space, or nothing between two
 * CJK characters (those scripts put no space between words, so a line
 * break there was only a wrap); a run of plain spaces and every other
 * byte (invalid UTF-8 included) is copied unchanged.
 */
static void out_folded(brief__out *o, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len && !o->failed) {
        size_t start = i, run_start = i;
        int plain, all_plain = 1;
        size_t b;
        /* copy the stretch of non-blank bytes in one go */
        while (i < len && blank_len(s, len, i, &plain) == 0)
            i++;
        out_bytes(o, text + start, i - start);
        run_start = i;
        while (i < len && (b = blank_len(s, len, i, &plain)) != 0) {
            all_plain &= plain;
            i += b;
        }
        if (i > run_start) {
            if (all_plain)
                out_bytes(o, text + run_start, i - run_start);
            else if (!(run_start > 0 && cjk_before(s, run_start) &&
                       cjk_at(s, len, i)))
                out_char(o, ' ');
        }
    }
}

static void out_sentence_line(brief__out *o, const brief_result *r,
                              const brief_sentence *s, const char *prefix)
{
    out_str(o, prefix);
    out_folded(o, sent_ptr(r, s), sent_len(s));
    out_char(o, '\n');
}

/* ---- line formats (always built) ---------------------------------------- */

/* Text and bullets: the sentences, then (when the result has key terms)
 * an empty line and one line "Key terms: t1, t2, ..." (the documented -k
 * rule: key terms come after the sentences). */
static void render_lines(brief__out *o, const brief_result *r,
                         const char *prefix)
{
    size_t i;
    for (i = 0; i < r->chosen_count && !o->failed; i++)
        out_sentence_line(o, r, &r->sentences[r->chosen[i]], prefix);
    if (!r->keyword_count)
        return;
    if (r->chosen_count)
        out_char(o, '\n');
    out_str(o, "Key terms: ");
    for (i = 0; i < r->keyword_count && !o->failed; i++) {
        const brief_keyword *k = &r->keywords[i];
        if (i)
            out_str(o, ", ");
        out_folded(o, k->length ? k->text : "", k->length);
    }
    out_char(o, '\n');
}

static void render_split(brief__out *o, const brief_result *r)
{
    size_t i;
    for (i = 0; i < r->sentence_count && !o->failed; i++)
        out_sentence_line(o, r, &r->sentences[i], "");
}

static char sentence_mark(unsigned flags)
{
    if (flags & BRIEF_SENTENCE_CHOSEN)
        return '*';
    if (flags & BRIEF_SENTENCE_TITLE)
        return 'T';
    if (flags & BRIEF_SENTENCE_HEADING)
        return 'H';
    return '-';
}

/* A NULL language (not produced by brief_summarize) reads as "und",
 * ISO 639's "undetermined". */
static const char *lang_code(const brief_result *r)
{
    return r->language ? r->language : "und";
}

static void render_scores(brief__out *o, const brief_result *r)
{
    size_t i;
    out_str(o, "# language: ");
    out_folded(o, lang_code(r), strlen(lang_code(r)));
    out_char(o, '\n');
    for (i = 0; i < r->sentence_count && !o->failed; i++) {
        const brief_sentence *s = &r->sentences[i];
        out_uint(o, s->index);
        out_char(o, '\t');
        out_fixed(o, s->score, BRIEF__DEC_HUMAN);
        out_char(o, '\t');
        out_char(o, sentence_mark(s->flags));
        out_char(o, '\t');
        out_folded(o, sent_ptr(r, s), sent_len(s));
        out_char(o, '\n');
    }
}

static void render_keywords(brief__out *o, const brief_result *r)
{
    size_t i;
    for (i = 0; i < r->keyword_count && !o->failed; i++) {
        const brief_keyword *k = &r->keywords[i];
        out_folded(o, k->length ? k->text : "", k->length);
        out_char(o, '\t');
        out_fixed(o, k->weight, BRIEF__DEC_HUMAN);
        out_char(o, '\t');
        out_uint(o, k->count);
        out_char(o, '\n');
    }
}

/* ---- JSON string escaping (always built: brief_json_escape) ------------- */

static const char hexdig[] = "0123456789abcdef";

/* The escaper of brief_json_escape() (brief.h has the rules), in pieces:
 * escape s[*i..len) into out[0..cap) as far as whole characters fit (out
 * NULL: measure everything, writing nothing), move *i past what was done
 * and return the bytes it came to. No character needs more than 6. */
static size_t json_escape(const unsigned char *s, size_t len, size_t *i,
                          char *out, size_t cap)
{
    size_t n = 0, p = *i;
    while (p < len) {
        char e[6];
        size_t k = 0, q = p;
        uint32_t cp;
        /* plain ASCII needs no decoding: take the stretch in one go */
        while (q < len && s[q] >= 0x20 && s[q] < 0x80 && s[q] != '"' &&
               s[q] != '\\')
            q++;
        if (q > p) {
            if (out) {
                if (q - p > cap - n)
                    q = p + (cap - n);
                if (q == p)
                    break;
                memcpy(out + n, s + p, q - p);
            }
            n += q - p;
            p = q;
            continue;
        }
        cp = brief__utf8_next(s, len, &q);
        e[0] = '\\';
        switch (cp) {
        case '"': e[1] = '"'; k = 2; break;
        case '\\': e[1] = '\\'; k = 2; break;
        case '\b': e[1] = 'b'; k = 2; break;
        case '\f': e[1] = 'f'; k = 2; break;
        case '\n': e[1] = 'n'; k = 2; break;
        case '\r': e[1] = 'r'; k = 2; break;
        case '\t': e[1] = 't'; k = 2; break;
        default:
            if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
                /* \u00XX; U+2028/U+2029 too: they end lines in
                 * JavaScript */
                e[1] = 'u';
                e[2] = hexdig[(cp >> 12) & 15];
                e[3] = hexdig[(cp >> 8) & 15];
                e[4] = hexdig[(cp >> 4) & 15];
                e[5] = hexdig[cp & 15];
                k = 6;
            } else {
                /* the decoder is strict, so re-encoding yields the input
                 * bytes for valid sequences and EF BF BD for bad ones */
                k = brief__utf8_put(cp, (unsigned char *)e);
            }
        }
        if (out) {
            if (k > cap - n)
                break;
            memcpy(out + n, e, k);
        }
        n += k;
        p = q;
    }
    *i = p;
    return n;
}

size_t brief_json_escape(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0, n;
    if (!s)
        return 0;
    n = json_escape((const unsigned char *)s, len, &i, out, out ? cap : 0);
    if (i < len) /* the rest is only measured */
        n += json_escape((const unsigned char *)s, len, &i, NULL, 0);
    return n;
}

#ifndef BRIEF_NO_RENDER_RICH

/* ---- TSV ------------------------------------------------------------------ */

/* Escapes as in the "linear TSV" convention: \\ \t \n \r; all else as is. */
static void out_tsv_text(brief__out *o, const char *text, size_t len)
{
    size_t i, start = 0;
    for (i = 0; i < len && !o->failed; i++) {
        const char *esc;
        switch (text[i]) {
        case '\\': esc = "\\\\"; break;
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        default: continue;
        }
        out_bytes(o, text + start, i - start);
        out_str(o, esc);
        start = i + 1;
    }
    if (start < len)
        out_bytes(o, text + start, len - start);
}

static void render_tsv(brief__out *o, const brief_result *r)
{
    size_t i;
    out_str(o, "index\tscore\toffset\tlength\ttext\n");
    for (i = 0; i < r->chosen_count && !o->failed; i++) {
        const brief_sentence *s = &r->sentences[r->chosen[i]];
        out_uint(o, s->index);
        out_char(o, '\t');
        out_fixed(o, s->score, BRIEF__DEC_MACHINE);
        out_char(o, '\t');
        out_uint(o, s->offset);
        out_char(o, '\t');
        out_uint(o, s->length);
        out_char(o, '\t');
        out_tsv_text(o, sent_ptr(r, s), sent_len(s));
        out_char(o, '\n');
    }
    /* key terms: rows of their own after the sentences, in the same
     * columns (so every row of every result has one shape): index, offset
     * and length empty, the weight as the score, the term as the text */
    for (i = 0; i < r->keyword_count && !o->failed; i++) {
        const brief_keyword *k = &r->keywords[i];
        out_char(o, '\t');
        out_fixed(o, k->weight, BRIEF__DEC_MACHINE);
        out_str(o, "\t\t\t");
        out_tsv_text(o, k->length ? k->text : "", k->length);
        out_char(o, '\n');
    }
}

/* ---- JSON ----------------------------------------------------------------- */

/* A JSON string (with the quotes), escaped by json_escape() straight into
 * the output buffer: whatever does not fit goes after a flush. */
static void out_json_string(brief__out *o, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    out_char(o, '"');
    while (i < len && !o->failed) {
        o->n += json_escape(s, len, &i, o->buf + o->n, BRIEF__CHUNK - o->n);
        if (i < len || o->n == BRIEF__CHUNK)
            out_flush(o);
    }
    out_char(o, '"');
}

static void out_json_cstr(brief__out *o, const char *s)
{
    if (s)
        out_json_string(o, s, strlen(s));
    else
        out_str(o, "null");
}

static const char *input_name(brief_input in)
{
    switch (in) {
    case BRIEF_INPUT_TEXT: return "text";
    case BRIEF_INPUT_HTML: return "html";
    case BRIEF_INPUT_MARKDOWN: return "markdown";
    case BRIEF_INPUT_AUTO: break;
    }
    return "auto";
}

/*
 * One object on one line, then "\n". Key order is fixed:
 *   {"version":..,"language":..,"input":..,"title":..,"sentence_count":..,
 *    "word_count":..,"keywords":[..],"sentences":[..]}
 * Splicing contract (relied on by the CLI to add "options", which a result
 * does not hold): the output always starts with the 11 bytes {"version":
 * and ends with the 2 bytes }\n, so a caller may drop the leading '{' and
 * write its own '{"options":{...},' before it.
 */
static void render_json(brief__out *o, const brief_result *r)
{
    size_t i;
    out_str(o, "{\"version\":\"" BRIEF_VERSION "\",\"language\":");
    out_json_cstr(o, r->language);
    out_str(o, ",\"input\":\"");
    out_str(o, input_name(r->input));
    out_str(o, "\",\"title\":");
    if (r->has_title) {
        const brief_sentence *t = &r->sentences[r->title_index];
        out_json_string(o, sent_ptr(r, t), sent_len(t));
    } else {
        out_str(o, "null");
    }
    out_str(o, ",\"sentence_count\":");
    out_uint(o, r->sentence_count);
    out_str(o, ",\"word_count\":");
    out_uint(o, r->word_count);
    out_str(o, ",\"keywords\":[");
    for (i = 0; i < r->keyword_count && !o->failed; i++) {
        const brief_keyword *k = &r->keywords[i];
        if (i)
            out_char(o, ',');
        out_str(o, "{\"text\":");
        out_json_string(o, k->length ? k->text : "", k->length);
        out_str(o, ",\"weight\":");
        out_fixed(o, k->weight, BRIEF__DEC_MACHINE);
        out_str(o, ",\"count\":");
        out_uint(o, k->count);
        out_str(o, ",\"words\":");
        out_uint(o, k->words);
        out_char(o, '}');
    }
    out_str(o, "],\"sentences\":[");
    for (i = 0; i < r->chosen_count && !o->failed; i++) {
        const brief_sentence *s = &r->sentences[r->chosen[i]];
        if (i)
            out_char(o, ',');
        out_str(o, "{\"index\":");
        out_uint(o, s->index);
        out_str(o, ",\"paragraph\":");
        out_uint(o, s->paragraph);
        out_str(o, ",\"score\":");
        out_fixed(o, s->score, BRIEF__DEC_MACHINE);
        out_str(o, ",\"offset\":");
        out_uint(o, s->offset);
        out_str(o, ",\"length\":");
        out_uint(o, s->length);
        out_str(o, ",\"text\":");
        out_json_string(o, sent_ptr(r, s), sent_len(s));
        out_char(o, '}');
    }
    out_str(o, "]}\n");
}

/* ---- HTML ----------------------------------------------------------------- */

/*
 * Text or attribute content: & < > " ' as entities; invalid UTF-8,
 * control characters other than TAB LF FF CR, DEL, C1 controls and
 * noncharacters (all parse errors in HTML) as U+FFFD.
 */
static void out_html_text(brief__out *o, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len && !o->failed) {
        size_t start = i;
        uint32_t cp;
        while (i < len && s[i] >= 0x20 && s[i] < 0x7F && s[i] != '&' &&
               s[i] != '<' && s[i] != '>' && s[i] != '"' && s[i] != '\'')
            i++;
        if (i > start) {
            out_bytes(o, text + start, i - start);
            continue;
        }
        cp = brief__utf8_next(s, len, &i);
        switch (cp) {
        case '&': out_str(o, "&amp;"); break;
        case '<': out_str(o, "&lt;"); break;
        case '>': out_str(o, "&gt;"); break;
        case '"': out_str(o, "&quot;"); break;
        case '\'': out_str(o, "&#39;"); break;
        case '\t': case '\n': case '\f': case '\r':
            out_char(o, (char)cp);
            break;
        default: {
            unsigned char enc[4];
            size_t n;
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
                (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
                cp = 0xFFFD;
            n = brief__utf8_put(cp, enc);
            out_bytes(o, (const char *)enc, n);
        }
        }
    }
}

/* Shading: alpha 0.05 for the lowest scores up to 0.6 for the best one.
 * Negative, NaN and infinite scores shade as 0; max <= 0 shades all 0. */
static double shade_alpha(double score, double max)
{
    double rel;
    if (!(score > 0.0) || score > DBL_MAX || !(max > 0.0))
        return 0.05;
    rel = score / max;
    if (rel > 1.0)
        rel = 1.0;
    return 0.05 + 0.55 * rel;
}

static void out_html_span(brief__out *o, const brief_result *r,
                          const brief_sentence *s, double max)
{
    out_str(o, (s->flags & BRIEF_SENTENCE_CHOSEN)
                   ? "<span class=\"s chosen\" title=\"score "
                   : "<span class=\"s\" title=\"score ");
    out_fixed(o, s->score, BRIEF__DEC_HUMAN);
    out_str(o, "\" style=\"background: rgba(255,200,0,");
    out_fixed(o, shade_alpha(s->score, max), 3u);
    out_str(o, ")\">");
    out_html_text(o, sent_ptr(r, s), sent_len(s));
    out_str(o, "</span>");
}

static int is_head_line(const brief_result *r, size_t i)
{
    return (r->sentences[i].flags &
            (BRIEF_SENTENCE_TITLE | BRIEF_SENTENCE_HEADING)) != 0 ||
           (r->has_title && r->title_index == i);
}

static const char html_head[] =
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"brief " BRIEF_VERSION "\">\n"
    "<style>\n"
    "body{max-width:46em;margin:2em auto;padding:0 1em;"
    "font:17px/1.6 Georgia,\"Times New Roman\",serif;color:#222;"
    "background:#fff}\n"
    ".info{font:14px/1.4 system-ui,sans-serif;color:#555;"
    "border-bottom:1px solid #ddd;padding-bottom:.6em;margin-bottom:1.5em}\n"
    ".info p{margin:.2em 0}\n"
    "h1,h2{font-family:system-ui,sans-serif;line-height:1.3}\n"
    "p{margin:0 0 1em;padding-left:.8em;border-left:4px solid transparent}\n"
    "p.has-chosen{border-left-color:#d08000}\n"
    ".s{border-radius:2px;padding:0 1px}\n"
    ".chosen{font-weight:bold;text-decoration:underline;"
    "text-decoration-color:#d08000;box-shadow:0 0 0 1px #d08000}\n"
    ".keywords{font:14px/1.4 system-ui,sans-serif;padding:0;margin:.4em 0}\n"
    ".keywords li{display:inline-block;margin:0 .4em .2em 0;"
    "padding:0 .4em;border:1px solid #ccc;border-radius:3px}\n"
    "</style>\n"
    "</head>\n"
    "<body>\n";

static const char html_legend[] =
    "<p class=\"legend\">Shading follows the score: "
    "<span class=\"s\" style=\"background: rgba(255,200,0,0.050)\">"
    "lowest</span> to "
    "<span class=\"s\" style=\"background: rgba(255,200,0,0.600)\">"
    "highest</span>; "
    "<span class=\"s chosen\">chosen sentences</span> are in the brief.</p>\n";

static void render_html(brief__out *o, const brief_result *r)
{
    size_t i, cur_par = 0;
    int open_par = 0;
    double max = 0.0;
    for (i = 0; i < r->sentence_count; i++) {
        double sc = r->sentences[i].score;
        if (sc > max && sc <= DBL_MAX)
            max = sc;
    }
    out_str(o, "<!DOCTYPE html>\n<html");
    if (r->language) {
        out_str(o, " lang=\"");
        out_html_text(o, r->language, strlen(r->language));
        out_char(o, '"');
    }
    out_str(o, ">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    if (r->has_title) {
        const brief_sentence *t = &r->sentences[r->title_index];
        out_html_text(o, sent_ptr(r, t), sent_len(t));
    } else {
        out_str(o, "brief");
    }
    out_str(o, "</title>\n");
    out_str(o, html_head);
    out_str(o, "<header class=\"info\">\n<p>brief: ");
    out_uint(o, r->chosen_count);
    out_str(o, " of ");
    out_uint(o, r->sentence_count);
    out_str(o, r->sentence_count == 1 ? " sentence chosen</p>\n"
                                      : " sentences chosen</p>\n");
    out_str(o, html_legend);
    if (r->keyword_count) {
        out_str(o, "<ul class=\"keywords\">");
        for (i = 0; i < r->keyword_count && !o->failed; i++) {
            const brief_keyword *k = &r->keywords[i];
            out_str(o, "<li title=\"weight ");
            out_fixed(o, k->weight, BRIEF__DEC_HUMAN);
            out_str(o, ", ");
            out_uint(o, k->count);
            out_str(o, k->count == 1 ? " time\">" : " times\">");
            out_html_text(o, k->length ? k->text : "", k->length);
            out_str(o, "</li>");
        }
        out_str(o, "</ul>\n");
    }
    out_str(o, "</header>\n<main>\n");
    for (i = 0; i < r->sentence_count && !o->failed; i++) {
        const brief_sentence *s = &r->sentences[i];
        if (is_head_line(r, i)) {
            const char *tag = (s->flags & BRIEF_SENTENCE_TITLE) ||
                                      (r->has_title && r->title_index == i)
                                  ? "h1"
                                  : "h2";
            if (open_par)
                out_str(o, "</p>\n");
            open_par = 0;
            out_char(o, '<');
            out_str(o, tag);
            out_char(o, '>');
            out_html_span(o, r, s, max);
            out_str(o, "</");
            out_str(o, tag);
            out_str(o, ">\n");
            continue;
        }
        if (!open_par || s->paragraph != cur_par) {
            /* look ahead once per paragraph: does it hold a chosen one? */
            size_t j;
            int has_chosen = 0;
            for (j = i; j < r->sentence_count && !is_head_line(r, j) &&
                        r->sentences[j].paragraph == s->paragraph;
                 j++)
                if (r->sentences[j].flags & BRIEF_SENTENCE_CHOSEN)
                    has_chosen = 1;
            if (open_par)
                out_str(o, "</p>\n");
            out_str(o, has_chosen ? "<p class=\"has-chosen\">" : "<p>");
            open_par = 1;
            cur_par = s->paragraph;
        } else {
            out_char(o, '\n'); /* sentences of a paragraph, one a line */
        }
        out_html_span(o, r, s, max);
    }
    if (open_par)
        out_str(o, "</p>\n");
    if (r->sentence_count == 0)
        out_str(o, "<p class=\"empty\">(no sentences)</p>\n");
    out_str(o, "</main>\n</body>\n</html>\n");
}

#endif /* BRIEF_NO_RENDER_RICH */

/* ---- entry ---------------------------------------------------------------- */

/* 1 if every pointer and index the renderers follow is in range. */
static int result_ok(const brief_result *r)
{
    size_t i;
    if ((r->text_length && !r->text) ||
        (r->sentence_count && !r->sentences) ||
        (r->chosen_count && !r->chosen) ||
        (r->keyword_count && !r->keywords))
        return 0;
    if (r->has_title && r->title_index >= r->sentence_count)
        return 0;
    for (i = 0; i < r->sentence_count; i++) {
        const brief_sentence *s = &r->sentences[i];
        if (s->offset > r->text_length ||
            s->length > r->text_length - s->offset)
            return 0;
    }
    for (i = 0; i < r->chosen_count; i++)
        if (r->chosen[i] >= r->sentence_count)
            return 0;
    for (i = 0; i < r->keyword_count; i++)
        if (r->keywords[i].length && !r->keywords[i].text)
            return 0;
    return 1;
}

int brief_render(const brief_result *result, brief_format format,
                 brief_write_fn fn, void *ctx)
{
    brief__out o;
    if (!result || !fn || !result_ok(result))
        return BRIEF_ERR_ARGUMENT;
    o.fn = fn;
    o.ctx = ctx;
    o.failed = 0;
    o.n = 0;
    switch (format) {
    case BRIEF_FORMAT_TEXT: render_lines(&o, result, ""); break;
    case BRIEF_FORMAT_BULLETS: render_lines(&o, result, "- "); break;
    case BRIEF_FORMAT_SPLIT: render_split(&o, result); break;
    case BRIEF_FORMAT_SCORES: render_scores(&o, result); break;
    case BRIEF_FORMAT_KEYWORDS: render_keywords(&o, result); break;
#ifndef BRIEF_NO_RENDER_RICH
    case BRIEF_FORMAT_JSON: render_json(&o, result); break;
    case BRIEF_FORMAT_TSV: render_tsv(&o, result); break;
    case BRIEF_FORMAT_HTML: render_html(&o, result); break;
#endif
    default:
        return BRIEF_ERR_ARGUMENT;
    }
    out_flush(&o);
    return o.failed ? BRIEF_ERR_WRITE : BRIEF_OK;
}

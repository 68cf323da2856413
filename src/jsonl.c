/*
 * jsonl.c - batch mode of the brief CLI (--jsonl): one JSON object a line
 * in, one JSON object a line out. See jsonl.h for the contract.
 *
 * Contracts (on top of jsonl.h):
 *  - No I/O and no exit: every byte goes through the caller's fn, and each
 *    record is written with exactly one fn call holding the whole line, so
 *    a reader never sees half a record and an error record never follows a
 *    half-written good one.
 *  - Memory comes from malloc and is freed before returning; every
 *    allocation is checked (BRIEF_ERR_NOMEM, nothing written, nothing
 *    leaked). There are no fixed limits: not on line length, string length
 *    or nesting depth (the nesting stack grows on the heap, so a line of
 *    a million '[' cannot overflow the C stack).
 *  - Strict parsing (RFC 8259): one object with optional whitespace around
 *    it; the input must be valid UTF-8 (no overlong forms, no encoded
 *    surrogates, nothing above U+10FFFF); no raw control characters in
 *    strings. Anything else is an error record, never a guess.
 *  - Every output line is valid UTF-8 JSON. Members other than "text" are
 *    copied verbatim (key bytes, ':', value bytes; whitespace between
 *    tokens is dropped). Because they are copied rather than re-encoded, a
 *    \u escape of a lone surrogate there is refused (the copy would not be
 *    valid JSON for strict readers); inside "text", which is decoded, a lone
 *    surrogate becomes U+FFFD instead.
 *  - Keys are compared after decoding: "te\u0078t" is "text". A second
 *    "text" is an error (which one was meant?); other duplicate keys,
 *    including an input member named "brief", are passed through as they
 *    are (the added "brief" comes last, so last-wins readers see ours).
 *  - A UTF-8 byte order mark before the object on line 1 is skipped.
 *  - Error records carry "line" (lineno as given), the first "id" member if
 *    the parser got past its value, and "error". Byte offsets in messages
 *    are 0-based from the start of the line, as in tests/jsoncheck.
 */
#include <stdlib.h>
#include <string.h>
#include "jsonl.h"

/* ---- growable output buffer ---------------------------------------------- */

typedef struct obuf {
    char *p;
    size_t len, cap;
    int nomem;          /* an append failed: the buffer is incomplete     */
} obuf;

/* Make room for n more bytes (n > 0). Returns 0, or -1 (and sets nomem)
 * when out of memory. */
static int ob_grow(obuf *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 256;
    char *np;
    while (n > cap - b->len) {
        if (cap > ((size_t)-1) / 2) {
            b->nomem = 1;
            return -1;
        }
        cap *= 2;
    }
    np = (char *)realloc(b->p, cap);
    if (!np) {
        b->nomem = 1;
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}

/* Append n bytes. Returns 0, or -1 (and sets nomem) when out of memory;
 * after a failure every later append fails too, so callers may append a
 * series and check nomem once. */
static int ob_add(obuf *b, const char *s, size_t n)
{
    if (b->nomem)
        return -1;
    if (n == 0)
        return 0;
    if (n > b->cap - b->len && ob_grow(b, n) != 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static int ob_str(obuf *b, const char *s)
{
    return ob_add(b, s, strlen(s));
}

/* A size_t in decimal. */
static int ob_uint(obuf *b, size_t v)
{
    char tmp[3 * sizeof(size_t) + 1];
    size_t k = sizeof tmp;
    do {
        tmp[--k] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v > 0);
    return ob_add(b, tmp + k, sizeof tmp - k);
}

/* A JSON string with the quotes, escaped by brief_json_escape() (s is
 * one of our constant messages or a brief_strerror() text). */
static int ob_json_string(obuf *b, const char *s)
{
    size_t len = strlen(s), need = brief_json_escape(s, len, NULL, 0);
    ob_add(b, "\"", 1);
    if (need && !b->nomem && (need <= b->cap - b->len || ob_grow(b, need) == 0))
        b->len += brief_json_escape(s, len, b->p + b->len, need);
    return ob_add(b, "\"", 1);
}

/* brief_write_fn that appends to an obuf: lets brief_render() write into
 * the line being built. Non-zero (so BRIEF_ERR_WRITE) only when out of
 * memory, which the caller then reports as BRIEF_ERR_NOMEM. */
static int ob_write_fn(void *ctx, const char *bytes, size_t len)
{
    return ob_add((obuf *)ctx, bytes, len) ? 1 : 0;
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct parser {
    const unsigned char *s;
    size_t len;
    size_t pos;
    const char *err;        /* first syntax error (NULL: none yet)        */
    size_t err_at;          /* its byte offset                            */
    int nomem;              /* the nesting stack could not grow           */
    unsigned char *stack;   /* open containers of skip_value: '{' or '['  */
    size_t stack_cap;
} parser;

/* Where decoded string bytes go. p == NULL: validate only. When more than
 * cap bytes come, the rest is dropped and overflow is set (used for keys,
 * which only need comparing with "text" and "id"). */
typedef struct sink {
    char *p;
    size_t cap, len;
    int overflow;
    int nul;                /* a \u0000 was decoded                       */
} sink;

/* Record a syntax error at byte at; returns 0 for "return fail(...)". */
static int fail(parser *ps, size_t at, const char *why)
{
    if (!ps->err) {
        ps->err = why;
        ps->err_at = at;
    }
    return 0;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_ws(parser *ps)
{
    while (ps->pos < ps->len && is_ws(ps->s[ps->pos]))
        ps->pos++;
}

/* Is the next byte c? (No bounds trouble at the end of the line.) */
static int at_char(const parser *ps, unsigned char c)
{
    return ps->pos < ps->len && ps->s[ps->pos] == c;
}

static void sink_put(sink *k, const char *bytes, size_t n)
{
    if (!k || !k->p)
        return;
    if (n > k->cap - k->len) {
        k->overflow = 1;
        return;
    }
    memcpy(k->p + k->len, bytes, n);
    k->len += n;
}

/* UTF-8 encoding of cp (<= 0x10FFFF, not a surrogate) into out; returns
 * the byte count. */
static size_t utf8_put(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length (2..4) of the valid multi-byte UTF-8 sequence at s[i], whose
 * first byte is >= 0x80; 0 if it is invalid. */
static size_t utf8_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t need, k;
    unsigned long cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (len - i <= need)
        return 0;
    for (k = 1; k <= need; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3Fu);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need + 1;
}

/* Four hex digits at s[at..]; -1 if they are not there. */
static long hex4(const parser *ps, size_t at)
{
    long v = 0;
    size_t k;
    if (ps->len - at < 4)
        return -1;
    for (k = 0; k < 4; k++) {
        unsigned char c = ps->s[at + k];
        long d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/*
 * The string starting at ps->pos (a '"'); on success ps->pos is past the
 * closing quote. Decoded bytes go to out (may be NULL). lenient: a \u
 * escape of a lone surrogate decodes to U+FFFD (for "text", which is
 * decoded); otherwise it is a syntax error (for strings that are copied
 * verbatim to the output, which must stay valid for strict readers).
 * Returns 1, or 0 with ps->err set.
 */
static int parse_string(parser *ps, sink *out, int lenient)
{
    const unsigned char *s = ps->s;
    ps->pos++; /* the opening quote */
    for (;;) {
        size_t start = ps->pos, at;
        unsigned char c;
        long u;
        char enc[4];
        /* plain ASCII runs are copied as they are */
        while (ps->pos < ps->len && s[ps->pos] >= 0x20 && s[ps->pos] < 0x80 &&
               s[ps->pos] != '"' && s[ps->pos] != '\\')
            ps->pos++;
        sink_put(out, (const char *)s + start, ps->pos - start);
        if (ps->pos >= ps->len)
            return fail(ps, ps->pos, "unterminated string");
        c = s[ps->pos];
        if (c == '"') {
            ps->pos++;
            return 1;
        }
        if (c == '\n') /* only the line's own end can be a raw LF */
            return fail(ps, ps->pos, "unterminated string");
        if (c < 0x20)
            return fail(ps, ps->pos, "control character in string");
        if (c >= 0x80) {
            size_t n = utf8_len(s, ps->len, ps->pos);
            if (n == 0)
                return fail(ps, ps->pos, "invalid UTF-8");
            sink_put(out, (const char *)s + ps->pos, n);
            ps->pos += n;
            continue;
        }
        /* a backslash escape */
        at = ps->pos;
        if (ps->pos + 1 >= ps->len)
            return fail(ps, at, "unterminated string");
        c = s[ps->pos + 1];
        ps->pos += 2;
        switch (c) {
        case '"': sink_put(out, "\"", 1); continue;
        case '\\': sink_put(out, "\\", 1); continue;
        case '/': sink_put(out, "/", 1); continue;
        case 'b': sink_put(out, "\b", 1); continue;
        case 'f': sink_put(out, "\f", 1); continue;
        case 'n': sink_put(out, "\n", 1); continue;
        case 'r': sink_put(out, "\r", 1); continue;
        case 't': sink_put(out, "\t", 1); continue;
        case 'u': break;
        default:
            return fail(ps, at, "invalid escape");
        }
        u = hex4(ps, ps->pos);
        if (u < 0)
            return fail(ps, at, "bad \\u escape");
        ps->pos += 4;
        if (u >= 0xD800 && u <= 0xDBFF) {
            /* a high surrogate: a pair only with a \u low surrogate next */
            long lo = -1;
            if (ps->len - ps->pos >= 6 && s[ps->pos] == '\\' &&
                s[ps->pos + 1] == 'u')
                lo = hex4(ps, ps->pos + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                ps->pos += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            } else if (lenient) {
                u = 0xFFFD; /* the next escape, if any, is read on its own */
            } else {
                return fail(ps, at, "lone surrogate escape");
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            if (!lenient)
                return fail(ps, at, "lone surrogate escape");
            u = 0xFFFD;
        }
        if (u == 0 && out)
            out->nul = 1;
        sink_put(out, enc, utf8_put((unsigned long)u, enc));
    }
}

/* Skip a run of decimal digits at ps->pos; returns how many there were. */
static size_t skip_digits(parser *ps)
{
    size_t d = ps->pos;
    while (ps->pos < ps->len && ps->s[ps->pos] >= '0' && ps->s[ps->pos] <= '9')
        ps->pos++;
    return ps->pos - d;
}

/* A number (RFC 8259 grammar) at ps->pos. */
static int parse_number(parser *ps)
{
    const unsigned char *s = ps->s;
    size_t start = ps->pos;
    if (at_char(ps, '-'))
        ps->pos++;
    if (at_char(ps, '0')) {
        ps->pos++;
    } else if (!skip_digits(ps)) {
        return fail(ps, start, "bad number");
    }
    if (at_char(ps, '.')) {
        ps->pos++;
        if (!skip_digits(ps))
            return fail(ps, ps->pos, "bad number");
    }
    if (at_char(ps, 'e') || at_char(ps, 'E')) {
        ps->pos++;
        if (at_char(ps, '+') || at_char(ps, '-'))
            ps->pos++;
        if (!skip_digits(ps))
            return fail(ps, ps->pos, "bad number");
    }
    /* "01", "1x": a number must end where a token may end */
    if (ps->pos < ps->len && !is_ws(s[ps->pos]) && s[ps->pos] != ',' &&
        s[ps->pos] != ']' && s[ps->pos] != '}')
        return fail(ps, ps->pos, "bad number");
    return 1;
}

static int parse_literal(parser *ps, const char *word)
{
    size_t n = strlen(word);
    if (ps->len - ps->pos < n || memcmp(ps->s + ps->pos, word, n) != 0)
        return fail(ps, ps->pos, "invalid literal");
    ps->pos += n;
    return 1;
}

/* A string, number or literal at ps->pos. */
static int parse_scalar(parser *ps, int lenient)
{
    if (ps->pos >= ps->len)
        return fail(ps, ps->pos, "expected a value");
    switch (ps->s[ps->pos]) {
    case '"': return parse_string(ps, NULL, lenient);
    case 't': return parse_literal(ps, "true");
    case 'f': return parse_literal(ps, "false");
    case 'n': return parse_literal(ps, "null");
    default:
        if (ps->s[ps->pos] == '-' ||
            (ps->s[ps->pos] >= '0' && ps->s[ps->pos] <= '9'))
            return parse_number(ps);
        return fail(ps, ps->pos, "expected a value");
    }
}

/* Push an open container on the nesting stack. */
static int push(parser *ps, size_t depth, unsigned char c)
{
    if (depth == ps->stack_cap) {
        size_t cap = ps->stack_cap ? ps->stack_cap * 2 : 64;
        unsigned char *np;
        if (cap < ps->stack_cap ||
            !(np = (unsigned char *)realloc(ps->stack, cap))) {
            ps->nomem = 1;
            return 0;
        }
        ps->stack = np;
        ps->stack_cap = cap;
    }
    ps->stack[depth] = c;
    return 1;
}

/* An object key ('"' at ps->pos) followed by ':' and whitespace. */
static int parse_key(parser *ps, sink *out, int lenient)
{
    if (!at_char(ps, '"'))
        return fail(ps, ps->pos, "expected a string key");
    if (!parse_string(ps, out, lenient))
        return 0;
    skip_ws(ps);
    if (!at_char(ps, ':'))
        return fail(ps, ps->pos, "expected ':'");
    ps->pos++;
    skip_ws(ps);
    return 1;
}

/*
 * Validate any JSON value at ps->pos (no leading whitespace) and move past
 * it. Iterative, with the open containers on a heap stack, so nesting depth
 * is limited by memory only. Returns 1, or 0 with ps->err or ps->nomem set.
 */
static int skip_value(parser *ps, int lenient)
{
    size_t depth = 0;
    for (;;) {
        unsigned char c = ps->pos < ps->len ? ps->s[ps->pos] : 0;
        /* here a value is expected */
        if (c == '{' || c == '[') {
            unsigned char close = c == '{' ? '}' : ']';
            if (!push(ps, depth, c))
                return 0;
            depth++;
            ps->pos++;
            skip_ws(ps);
            if (at_char(ps, close)) {
                ps->pos++;
                depth--;
            } else {
                if (c == '{' && !parse_key(ps, NULL, lenient))
                    return 0;
                continue; /* the first element */
            }
        } else if (!parse_scalar(ps, lenient)) {
            return 0;
        }
        /* a value is complete: close containers until one goes on */
        for (;;) {
            unsigned char open, close;
            if (depth == 0)
                return 1;
            open = ps->stack[depth - 1];
            close = open == '{' ? '}' : ']';
            skip_ws(ps);
            if (at_char(ps, close)) {
                ps->pos++;
                depth--;
                continue;
            }
            if (!at_char(ps, ','))
                return fail(ps, ps->pos, open == '{' ? "expected ',' or '}'"
                                                     : "expected ',' or ']'");
            ps->pos++;
            skip_ws(ps);
            if (open == '{' && !parse_key(ps, NULL, lenient))
                return 0;
            break; /* the next element */
        }
    }
}

/* ---- one record ----------------------------------------------------------- */

/* What parse_record() found in a line. */
typedef struct record {
    size_t id_off, id_len;  /* the first "id" value, if have_id           */
    int have_id;
    int texts;              /* how many "text" members                    */
    int text_is_string;     /* the first "text" is a string               */
    char *text;             /* its decoded bytes (malloc'd)               */
    size_t text_len;
    int text_nul;           /* it held a \u0000                           */
    const char *semantic;   /* a non-syntax problem (not an object)       */
} record;

/*
 * Parse the object in the line (ps->pos at its first non-space byte),
 * appending every member other than "text" to out as "key":value with a
 * comma before all but the first. Returns 1 when the line is valid JSON
 * (rec->semantic may still be set), 0 on a syntax error (ps->err) or
 * out of memory (ps->nomem or out->nomem).
 */
static int parse_record(parser *ps, record *rec, obuf *out)
{
    size_t members = 0;
    if (!at_char(ps, '{')) {
        /* valid JSON that is no object gets its own message */
        if (!skip_value(ps, 0))
            return 0;
        skip_ws(ps);
        if (ps->pos != ps->len)
            return fail(ps, ps->pos, "extra data after the value");
        rec->semantic = "record is not a JSON object";
        return 1;
    }
    ps->pos++;
    skip_ws(ps);
    if (at_char(ps, '}')) {
        ps->pos++;
    } else {
        for (;;) {
            char keybuf[8];
            sink key;
            size_t key_off = ps->pos, key_end, val_off;
            int is_text, is_id;
            key.p = keybuf;
            key.cap = sizeof keybuf;
            key.len = 0;
            key.overflow = 0;
            key.nul = 0;
            if (!at_char(ps, '"'))
                return fail(ps, ps->pos, "expected a string key");
            if (!parse_string(ps, &key, 0))
                return 0;
            key_end = ps->pos;
            skip_ws(ps);
            if (!at_char(ps, ':'))
                return fail(ps, ps->pos, "expected ':'");
            ps->pos++;
            skip_ws(ps);
            is_text = !key.overflow && key.len == 4 &&
                      !memcmp(keybuf, "text", 4);
            is_id = !key.overflow && key.len == 2 && !memcmp(keybuf, "id", 2);
            val_off = ps->pos;
            if (is_text)
                rec->texts++;
            if (is_text && rec->texts == 1 && at_char(ps, '"')) {
                /* the text: decoded; it cannot be longer than the rest of
                 * the line, so that bounds the buffer */
                sink t;
                t.cap = ps->len - ps->pos;
                t.p = (char *)malloc(t.cap + 1);
                t.len = 0;
                t.overflow = 0;
                t.nul = 0;
                if (!t.p) {
                    ps->nomem = 1;
                    return 0;
                }
                rec->text = t.p;
                rec->text_is_string = 1;
                if (!parse_string(ps, &t, 1))
                    return 0;
                rec->text_len = t.len;
                rec->text_nul = t.nul;
            } else if (!skip_value(ps, is_text)) {
                return 0;
            }
            if (is_id && !rec->have_id) {
                rec->have_id = 1;
                rec->id_off = val_off;
                rec->id_len = ps->pos - val_off;
            }
            if (!is_text) {
                if (members++)
                    ob_add(out, ",", 1);
                ob_add(out, (const char *)ps->s + key_off, key_end - key_off);
                ob_add(out, ":", 1);
                ob_add(out, (const char *)ps->s + val_off, ps->pos - val_off);
                if (out->nomem)
                    return 0;
            }
            skip_ws(ps);
            if (at_char(ps, '}')) {
                ps->pos++;
                break;
            }
            if (!at_char(ps, ','))
                return fail(ps, ps->pos, "expected ',' or '}'");
            ps->pos++;
            skip_ws(ps);
        }
    }
    skip_ws(ps);
    if (ps->pos != ps->len)
        return fail(ps, ps->pos, "extra data after the object");
    return 1;
}

/* Write {"line":N[,"id":ID],"error":"REASON"}\n with one fn call. */
static int write_error(const parser *ps, const record *rec, size_t lineno,
                       const char *reason, brief_write_fn fn, void *ctx)
{
    obuf b = {NULL, 0, 0, 0};
    int rc = BRIEF_OK;
    ob_str(&b, "{\"line\":");
    ob_uint(&b, lineno);
    if (rec->have_id) {
        ob_str(&b, ",\"id\":");
        ob_add(&b, (const char *)ps->s + rec->id_off, rec->id_len);
    }
    ob_str(&b, ",\"error\":");
    ob_json_string(&b, reason);
    ob_str(&b, "}\n");
    if (b.nomem)
        rc = BRIEF_ERR_NOMEM;
    else if (fn(ctx, b.p, b.len) != 0)
        rc = BRIEF_ERR_WRITE;
    free(b.p);
    return rc;
}

/* The error record of a syntax error: "invalid JSON at byte N: why". */
static int write_syntax_error(const parser *ps, const record *rec,
                              size_t lineno, brief_write_fn fn, void *ctx)
{
    obuf msg = {NULL, 0, 0, 0};
    int rc;
    ob_str(&msg, "invalid JSON at byte ");
    ob_uint(&msg, ps->err_at);
    ob_str(&msg, ": ");
    ob_str(&msg, ps->err);
    ob_add(&msg, "", 1); /* the terminating NUL */
    if (msg.nomem)
        rc = BRIEF_ERR_NOMEM;
    else
        rc = write_error(ps, rec, lineno, msg.p, fn, ctx);
    free(msg.p);
    return rc;
}

int brief_cli_jsonl_line(const brief_options *opts, const char *line,
                         size_t len, size_t lineno, brief_write_fn fn,
                         void *ctx)
{
    parser ps;
    record rec;
    obuf out = {NULL, 0, 0, 0};
    brief_result *res = NULL;
    int rc = BRIEF_OK, ok;

    memset(&ps, 0, sizeof ps);
    memset(&rec, 0, sizeof rec);
    ps.s = (const unsigned char *)line;
    ps.len = line ? len : 0;
    /* a UTF-8 byte order mark may open the stream (RFC 8259 8.1) */
    if (lineno == 1 && ps.len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
        ps.pos = 3;
    skip_ws(&ps);
    if (ps.pos == ps.len)
        return BRIEF_OK; /* a blank line: nothing to say */

    ob_add(&out, "{", 1);
    ok = parse_record(&ps, &rec, &out);
    if (ps.nomem || out.nomem) {
        rc = BRIEF_ERR_NOMEM;
    } else if (!ok) {
        rc = write_syntax_error(&ps, &rec, lineno, fn, ctx);
    } else if (rec.semantic) {
        rc = write_error(&ps, &rec, lineno, rec.semantic, fn, ctx);
    } else if (rec.texts == 0) {
        rc = write_error(&ps, &rec, lineno, "missing \"text\"", fn, ctx);
    } else if (rec.texts > 1) {
        rc = write_error(&ps, &rec, lineno, "duplicate \"text\"", fn,
                         ctx);
    } else if (!rec.text_is_string) {
        rc = write_error(&ps, &rec, lineno, "\"text\" is not a string",
                         fn, ctx);
    } else if (rec.text_nul) {
        rc = write_error(&ps, &rec, lineno, "text contains NUL", fn,
                         ctx);
    } else {
        /* the options exactly as given: budget, input kind (auto sniffs
         * the decoded text), language, max_input */
        int st = brief_summarize(rec.text, rec.text_len, opts, &res);
        if (st == BRIEF_ERR_NOMEM) {
            rc = BRIEF_ERR_NOMEM;
        } else if (st != BRIEF_OK) {
            rc = write_error(&ps, &rec, lineno, brief_strerror(st), fn,
                             ctx);
        } else {
            /* out holds "{" and the passed-through members; the rendered
             * object ends in "\n" (render.c's splicing contract), which is
             * dropped so our closing brace ends the line instead */
            if (out.len > 1)
                ob_add(&out, ",", 1);
            ob_str(&out, "\"brief\":");
            st = brief_render(res, BRIEF_FORMAT_JSON, ob_write_fn, &out);
            if (out.nomem) {
                rc = BRIEF_ERR_NOMEM;
            } else if (st != BRIEF_OK) {
                rc = write_error(&ps, &rec, lineno, brief_strerror(st),
                                 fn, ctx);
            } else {
                if (out.len && out.p[out.len - 1] == '\n')
                    out.len--;
                ob_str(&out, "}\n");
                if (out.nomem)
                    rc = BRIEF_ERR_NOMEM;
                else if (fn(ctx, out.p, out.len) != 0)
                    rc = BRIEF_ERR_WRITE;
            }
            brief_result_free(res);
        }
    }
    free(rec.text);
    free(ps.stack);
    free(out.p);
    return rc;
}

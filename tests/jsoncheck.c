/*
 * jsoncheck - a tiny strict JSON validator (RFC 8259) for brief's tests.
 *
 * usage: jsoncheck [--lines] [FILE]      (no FILE or "-": standard input)
 *
 * Exit status 0 when the input is valid UTF-8 (strict: no overlong forms,
 * no surrogates, nothing above U+10FFFF) and
 *   - default: exactly one JSON value, with optional whitespace around it;
 *   - --lines: one or more lines, each exactly one JSON value (optional
 *     spaces/tabs/CR around it, no blank lines); the last line may or may
 *     not end with "\n".
 * Otherwise it prints "jsoncheck: NAME:LINE:COL (byte N): REASON" to
 * stderr and exits 1 (2 for usage or read errors). Empty input is invalid.
 *
 * Strictness beyond the grammar: a \u escape of a lone surrogate is
 * rejected (it names no character). Duplicate object keys are not
 * checked (that would need memory; RFC 8259 only says SHOULD).
 *
 * The validator is usable from a test: define JSONCHECK_NO_MAIN and
 * #include this file, then call jsoncheck_validate().
 */
#include <stddef.h>

#define JSONCHECK_MAX_DEPTH 256

typedef struct jsoncheck_error {
    size_t offset;        /* byte offset of the problem                  */
    const char *reason;   /* constant English text                       */
} jsoncheck_error;

typedef struct jsoncheck_state {
    const unsigned char *s;
    size_t len;           /* end of the region being parsed              */
    size_t pos;
    int lines;            /* --lines: '\n' is not whitespace             */
    jsoncheck_error *err;
} jsoncheck_state;

static int jc_fail(jsoncheck_state *st, size_t at, const char *why)
{
    st->err->offset = at;
    st->err->reason = why;
    return 0;
}

static void jc_ws(jsoncheck_state *st)
{
    while (st->pos < st->len) {
        unsigned char c = st->s[st->pos];
        if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !st->lines))
            st->pos++;
        else
            break;
    }
}

/* Length of the valid UTF-8 sequence at s[i] (1..4), 0 if invalid. */
static size_t jc_utf8_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t need, k;
    unsigned long cp;
    if (c < 0x80)
        return 1;
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

static int jc_hex4(jsoncheck_state *st, unsigned *out)
{
    unsigned v = 0;
    size_t k;
    if (st->len - st->pos < 4)
        return jc_fail(st, st->pos, "truncated \\u escape");
    for (k = 0; k < 4; k++) {
        unsigned char c = st->s[st->pos + k];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return jc_fail(st, st->pos + k, "bad hex digit in \\u escape");
        v = v * 16 + d;
    }
    st->pos += 4;
    *out = v;
    return 1;
}

static int jc_string(jsoncheck_state *st)
{
    st->pos++; /* opening quote */
    for (;;) {
        unsigned char c;
        if (st->pos >= st->len)
            return jc_fail(st, st->pos, "unterminated string");
        c = st->s[st->pos];
        if (c == '"') {
            st->pos++;
            return 1;
        }
        if (c < 0x20)
            return jc_fail(st, st->pos, "unescaped control character in "
                                        "string");
        if (c == '\\') {
            size_t at = st->pos;
            unsigned u, lo;
            if (st->pos + 1 >= st->len)
                return jc_fail(st, at, "unterminated escape");
            c = st->s[st->pos + 1];
            st->pos += 2;
            switch (c) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n':
            case 'r': case 't':
                break;
            case 'u':
                if (!jc_hex4(st, &u))
                    return 0;
                if (u >= 0xDC00 && u <= 0xDFFF)
                    return jc_fail(st, at, "lone low surrogate escape");
                if (u >= 0xD800 && u <= 0xDBFF) {
                    if (st->len - st->pos < 6 || st->s[st->pos] != '\\' ||
                        st->s[st->pos + 1] != 'u')
                        return jc_fail(st, at, "lone high surrogate escape");
                    st->pos += 2;
                    if (!jc_hex4(st, &lo))
                        return 0;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return jc_fail(st, at, "high surrogate escape not "
                                               "followed by a low one");
                }
                break;
            default:
                return jc_fail(st, at, "invalid escape");
            }
            continue;
        }
        st->pos++; /* UTF-8 was checked up front */
    }
}

static int jc_digits(jsoncheck_state *st)
{
    size_t start = st->pos;
    while (st->pos < st->len && st->s[st->pos] >= '0' &&
           st->s[st->pos] <= '9')
        st->pos++;
    return st->pos > start;
}

static int jc_number(jsoncheck_state *st)
{
    size_t start = st->pos;
    if (st->s[st->pos] == '-')
        st->pos++;
    if (st->pos >= st->len)
        return jc_fail(st, start, "bad number");
    if (st->s[st->pos] == '0') {
        st->pos++;
        if (st->pos < st->len && st->s[st->pos] >= '0' &&
            st->s[st->pos] <= '9')
            return jc_fail(st, start, "leading zero in number");
    } else if (!jc_digits(st)) {
        return jc_fail(st, start, "bad number");
    }
    if (st->pos < st->len && st->s[st->pos] == '.') {
        st->pos++;
        if (!jc_digits(st))
            return jc_fail(st, st->pos, "no digits after decimal point");
    }
    if (st->pos < st->len && (st->s[st->pos] == 'e' || st->s[st->pos] == 'E')) {
        st->pos++;
        if (st->pos < st->len &&
            (st->s[st->pos] == '+' || st->s[st->pos] == '-'))
            st->pos++;
        if (!jc_digits(st))
            return jc_fail(st, st->pos, "no digits in exponent");
    }
    return 1;
}

static int jc_literal(jsoncheck_state *st, const char *word)
{
    size_t k = 0;
    while (word[k]) {
        if (st->pos + k >= st->len ||
            st->s[st->pos + k] != (unsigned char)word[k])
            return jc_fail(st, st->pos, "invalid literal");
        k++;
    }
    st->pos += k;
    return 1;
}

static int jc_value(jsoncheck_state *st, int depth);

static int jc_container(jsoncheck_state *st, int depth, int is_obj)
{
    unsigned char close = is_obj ? '}' : ']';
    if (depth >= JSONCHECK_MAX_DEPTH)
        return jc_fail(st, st->pos, "nesting too deep");
    st->pos++;
    jc_ws(st);
    if (st->pos < st->len && st->s[st->pos] == close) {
        st->pos++;
        return 1;
    }
    for (;;) {
        if (is_obj) {
            if (st->pos >= st->len || st->s[st->pos] != '"')
                return jc_fail(st, st->pos, "expected a string key");
            if (!jc_string(st))
                return 0;
            jc_ws(st);
            if (st->pos >= st->len || st->s[st->pos] != ':')
                return jc_fail(st, st->pos, "expected ':'");
            st->pos++;
        }
        if (!jc_value(st, depth + 1))
            return 0;
        jc_ws(st);
        if (st->pos >= st->len)
            return jc_fail(st, st->pos, is_obj ? "unterminated object"
                                               : "unterminated array");
        if (st->s[st->pos] == close) {
            st->pos++;
            return 1;
        }
        if (st->s[st->pos] != ',')
            return jc_fail(st, st->pos, is_obj ? "expected ',' or '}'"
                                               : "expected ',' or ']'");
        st->pos++;
        jc_ws(st);
    }
}

static int jc_value(jsoncheck_state *st, int depth)
{
    jc_ws(st);
    if (st->pos >= st->len)
        return jc_fail(st, st->pos, "expected a value");
    switch (st->s[st->pos]) {
    case '{': return jc_container(st, depth, 1);
    case '[': return jc_container(st, depth, 0);
    case '"': return jc_string(st);
    case 't': return jc_literal(st, "true");
    case 'f': return jc_literal(st, "false");
    case 'n': return jc_literal(st, "null");
    default:
        if (st->s[st->pos] == '-' ||
            (st->s[st->pos] >= '0' && st->s[st->pos] <= '9'))
            return jc_number(st);
        return jc_fail(st, st->pos, "expected a value");
    }
}

/* One value filling s[start..end) (whitespace around it allowed). */
static int jc_one(jsoncheck_state *st, size_t start, size_t end)
{
    st->pos = start;
    st->len = end;
    jc_ws(st);
    if (st->pos >= end)
        return jc_fail(st, st->pos, st->lines ? "blank line" : "no value");
    if (!jc_value(st, 0))
        return 0;
    jc_ws(st);
    if (st->pos != end)
        return jc_fail(st, st->pos, "extra data after the value");
    return 1;
}

/*
 * 1 if s[0..len) is valid (see the top of the file; lines != 0 is the
 * --lines mode); else 0 with err filled in.
 */
static int jsoncheck_validate(const char *text, size_t len, int lines,
                              jsoncheck_error *err)
{
    jsoncheck_state st;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    st.s = s;
    st.lines = lines;
    st.err = err;
    err->offset = 0;
    err->reason = "ok";
    if (len == 0)
        return jc_fail(&st, 0, "empty input");
    while (i < len) {
        size_t n = jc_utf8_len(s, len, i);
        if (n == 0)
            return jc_fail(&st, i, "invalid UTF-8");
        i += n;
    }
    if (!lines)
        return jc_one(&st, 0, len);
    i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && s[end] != '\n')
            end++;
        if (!jc_one(&st, i, end))
            return 0;
        i = end + 1; /* past the '\n' (or len + 1 at the very end) */
    }
    return 1;
}

#ifndef JSONCHECK_NO_MAIN
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *path = NULL, *name;
    int lines = 0, a;
    FILE *f;
    char *buf = NULL;
    size_t len = 0, cap = 0, k, line = 1, col = 1;
    jsoncheck_error err;
    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--lines"))
            lines = 1;
        else if (!path)
            path = argv[a];
        else {
            fprintf(stderr, "usage: jsoncheck [--lines] [FILE]\n");
            return 2;
        }
    }
    if (!path || !strcmp(path, "-")) {
        f = stdin;
        name = "<stdin>";
    } else {
        f = fopen(path, "rb");
        name = path;
        if (!f) {
            fprintf(stderr, "jsoncheck: cannot open %s\n", path);
            return 2;
        }
    }
    for (;;) {
        size_t got;
        if (len == cap) {
            char *nb;
            cap = cap ? cap * 2 : 65536;
            nb = (char *)realloc(buf, cap);
            if (!nb) {
                fprintf(stderr, "jsoncheck: out of memory\n");
                free(buf);
                return 2;
            }
            buf = nb;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "jsoncheck: read error on %s\n", name);
        free(buf);
        return 2;
    }
    if (f != stdin)
        fclose(f);
    if (jsoncheck_validate(buf ? buf : "", len, lines, &err)) {
        free(buf);
        return 0;
    }
    for (k = 0; k < err.offset && k < len; k++) {
        if (buf[k] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    fprintf(stderr, "jsoncheck: %s:%lu:%lu (byte %lu): %s\n", name,
            (unsigned long)line, (unsigned long)col,
            (unsigned long)err.offset, err.reason);
    free(buf);
    return 1;
}
#endif

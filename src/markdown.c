/*
 * markdown.c - the Markdown decoder: CommonMark/GFM source in, plain text
 * out, one paragraph per block.
 *
 * Line by line, in one pass, with no recursion:
 *  - blocks: ATX and setext headings and list items are paragraphs of
 *    their own (a heading that opens the document is the title); lines of
 *    a paragraph are joined with spaces; blockquote markers are stripped;
 *    fenced and indented code, thematic breaks, link reference definitions
 *    and front matter ("---" YAML at the very start) are dropped; table
 *    rows become one paragraph each with the cells joined by spaces (the
 *    delimiter row is dropped); HTML blocks lose their tags, comments and
 *    script/style content.
 *  - inlines, per paragraph: code spans keep their text without backticks,
 *    links keep their text ([text](url), [text][ref]), images and
 *    <autolinks> are dropped, emphasis and strike-through markers (* _ ~)
 *    are removed, backslash escapes and character references are decoded,
 *    inline HTML tags are removed.
 *
 * Every search that looks ahead (matching brackets, code span closers) is
 * bounded, so the time is linear in the input.
 *
 * Memory: the output (at most 2 * len + 16 bytes) and one scratch buffer of
 * len + 1 bytes, both from the arena.
 */
#include <string.h>
#include "internal.h"

#ifndef BRIEF_NO_MARKDOWN

#define NPOS ((size_t)-1)
/* How far inline constructs look ahead for their closing part. */
#define MAX_LOOKAHEAD 1024

typedef struct mdout {
    unsigned char *out;
    size_t n;
    int para_open;     /* a paragraph has been written and not yet closed */
} mdout;

typedef struct mdstate {
    mdout o;
    unsigned char *para;   /* raw text of the paragraph being gathered    */
    size_t plen;
    int ptype;             /* P_NONE, P_TEXT, P_ITEM                      */
    int have_block;        /* any block seen yet (for the title rule)     */
    size_t title_off, title_len;
    int title_set;
} mdstate;

enum { P_NONE, P_TEXT, P_ITEM };

/* ---- output ------------------------------------------------------------- */

/* Append one byte of paragraph text, collapsing whitespace; a paragraph
 * separator is written lazily before the first byte of a new paragraph. */
static void put_byte(mdout *o, unsigned c, int *pending_space, int *started)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (*started)
            *pending_space = 1;
        return;
    }
    if (!*started) {
        if (o->para_open) {
            o->out[o->n++] = '\n';
            o->out[o->n++] = '\n';
        }
        *started = 1;
        o->para_open = 1;
    } else if (*pending_space) {
        o->out[o->n++] = ' ';
    }
    *pending_space = 0;
    o->out[o->n++] = (unsigned char)c;
}

typedef struct inl {
    mdout *o;
    int sp, started;
    int dropped;  /* something (image, autolink) was just left out */
} inl;

static void emit(inl *w, unsigned c)
{
    /* "an ![img](x)." reads "an." rather than "an ." */
    if (w->dropped && (c == '.' || c == ',' || c == ';' || c == ':' ||
                       c == '!' || c == '?' || c == ')'))
        w->sp = 0;
    w->dropped = 0;
    put_byte(w->o, c, &w->sp, &w->started);
}

static void emit_cp(inl *w, uint32_t cp)
{
    unsigned char b[4];
    size_t k, m;
    if (cp == 0xA0) {
        emit(w, ' ');
        return;
    }
    m = brief__utf8_put(cp, b);
    for (k = 0; k < m; k++)
        emit(w, b[k]);
}

/* ---- inline parsing ----------------------------------------------------- */

/* End of the backtick run starting at i. */
static size_t tick_run(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && p[i] == '`')
        i++;
    return i;
}

/* Position of the closing run of exactly k backticks after i, or NPOS. */
static size_t code_close(const unsigned char *p, size_t n, size_t i, size_t k)
{
    size_t lim = i + MAX_LOOKAHEAD < n ? i + MAX_LOOKAHEAD : n;
    while (i < lim) {
        if (p[i] == '`') {
            size_t e = tick_run(p, n, i);
            if (e - i == k)
                return i;
            i = e;
        } else {
            i++;
        }
    }
    return NPOS;
}

/* The ']' matching the '[' at i (nesting, escapes and code spans
 * respected), or NPOS. */
static size_t bracket_close(const unsigned char *p, size_t n, size_t i)
{
    size_t lim = i + MAX_LOOKAHEAD < n ? i + MAX_LOOKAHEAD : n;
    int depth = 0;
    for (; i < lim; i++) {
        if (p[i] == '\\') {
            i++;
        } else if (p[i] == '`') {
            size_t e = tick_run(p, n, i), c = code_close(p, n, e, e - i);
            i = c == NPOS ? e - 1 : c + (e - i) - 1;
        } else if (p[i] == '[') {
            depth++;
        } else if (p[i] == ']') {
            if (--depth == 0)
                return i;
        }
    }
    return NPOS;
}

/* The ')' closing a link destination that starts at i (just after '('),
 * or NPOS. */
static size_t paren_close(const unsigned char *p, size_t n, size_t i)
{
    size_t lim = i + MAX_LOOKAHEAD < n ? i + MAX_LOOKAHEAD : n;
    int depth = 1;
    char quote = 0;
    for (; i < lim; i++) {
        unsigned c = p[i];
        if (c == '\\') {
            i++;
        } else if (quote) {
            if (c == (unsigned char)quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            /* a title; only after a space, so "don't" in a URL is fine */
            if (i > 0 && brief__ascii_is_blank(p[i - 1]))
                quote = (char)c;
        } else if (c == '(') {
            depth++;
        } else if (c == ')') {
            if (--depth == 0)
                return i;
        }
    }
    return NPOS;
}

/* An autolink "<scheme:...>" or "<user@host>" at i: its end (after '>'). */
static size_t autolink_end(const unsigned char *p, size_t n, size_t i)
{
    size_t j = i + 1, lim = i + MAX_LOOKAHEAD < n ? i + MAX_LOOKAHEAD : n;
    int colon = 0, at = 0;
    if (j >= n || !brief__ascii_is_alnum(p[j]))
        return NPOS;
    for (; j < lim; j++) {
        unsigned c = p[j];
        if (c == '>')
            return (colon || at) ? j + 1 : NPOS;
        if (c == ' ' || c == '<' || c == '\t' || c == '\n')
            return NPOS;
        if (c == ':')
            colon = 1;
        if (c == '@')
            at = 1;
    }
    return NPOS;
}

/* An inline HTML tag or comment at i: its end (after '>'), else NPOS. */
static size_t html_tag_end(const unsigned char *p, size_t n, size_t i)
{
    size_t j = i + 1, lim = i + MAX_LOOKAHEAD < n ? i + MAX_LOOKAHEAD : n;
    char quote = 0;
    if (j >= n)
        return NPOS;
    if (p[j] == '!' || p[j] == '?') {
        for (; j < lim; j++)
            if (p[j] == '>')
                return j + 1;
        return NPOS;
    }
    if (p[j] == '/')
        j++;
    if (j >= n ||
        !((p[j] >= 'a' && p[j] <= 'z') || (p[j] >= 'A' && p[j] <= 'Z')))
        return NPOS;
    for (; j < lim; j++) {
        unsigned c = p[j];
        if (quote) {
            if (c == (unsigned char)quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = (char)c;
        } else if (c == '>') {
            return j + 1;
        } else if (c == '<') {
            return NPOS;
        }
    }
    return NPOS;
}

/* Is the run of c at [i, e) an emphasis delimiter? (CommonMark's flanking
 * rules, simplified: it must touch a non-space on at least one side; an
 * underscore inside a word is a letter, not a delimiter.) */
static int is_delim(const unsigned char *p, size_t n, size_t i, size_t e,
                    unsigned c)
{
    unsigned before = i > 0 ? p[i - 1] : ' ';
    unsigned after = e < n ? p[e] : ' ';
    int left = !brief__ascii_is_blank(after) && after != '\n';
    int right = !brief__ascii_is_blank(before) && before != '\n';
    if (c == '~' && e - i < 2)
        return 0;
    if (!left && !right)
        return 0;
    if (c == '_' && brief__ascii_is_alnum(before) && brief__ascii_is_alnum(after))
        return 0;
    return 1;
}

/* A link's text is read in place: its "](url)" tail is pushed on a small
 * stack of spans to skip when the reader reaches them, so there is no
 * recursion. */
#define MAX_SKIPS 32

typedef struct skips {
    size_t at[MAX_SKIPS], to[MAX_SKIPS];
    int n;
} skips;

/* Something (an image, an autolink) was left out at this point. */
static void left_out(inl *w)
{
    w->sp = w->started;
    w->dropped = 1;
}

/* Each reader below handles the construct starting at p[i] and returns
 * where reading goes on. */

/* A code span keeps its text verbatim (one surrounding space stripped); a
 * backtick run without its closer is text. */
static size_t code_span(inl *w, const unsigned char *p, size_t n, size_t i)
{
    size_t e = tick_run(p, n, i), k = e - i, cl = code_close(p, n, e, k), a, b;
    if (cl == NPOS) {
        for (; i < e; i++)
            emit(w, '`');
        return e;
    }
    a = e;
    b = cl;
    if (b - a >= 2 && p[a] == ' ' && p[b - 1] == ' ') {
        a++;
        b--;
    }
    for (; a < b; a++)
        emit(w, p[a]);
    return cl + k;
}

/* An image "![alt](src)" or "![alt][ref]" at p[i] is dropped with its alt
 * text; a '!' that starts none is text. */
static size_t image(inl *w, const unsigned char *p, size_t n, size_t i)
{
    size_t b = bracket_close(p, n, i + 1), e = NPOS;
    if (b != NPOS && b + 1 < n && p[b + 1] == '(')
        e = paren_close(p, n, b + 2);
    if (e == NPOS && b != NPOS && b + 1 < n && p[b + 1] == '[')
        e = bracket_close(p, n, b + 1);
    if (e != NPOS) {
        left_out(w);
        return e + 1;
    }
    emit(w, '!');
    return i + 1;
}

/* "[text](url)", "[text][ref]": the text stays and the tail is skipped; a
 * footnote reference "[^1]" goes; a bare "[text]" (shortcut reference or
 * plain brackets) stays as text. */
static size_t link_open(inl *w, skips *sk, const unsigned char *p, size_t n,
                        size_t i)
{
    size_t b = bracket_close(p, n, i);
    if (b != NPOS) {
        size_t e = NPOS;
        if (b + 1 < n && p[b + 1] == '(')
            e = paren_close(p, n, b + 2);
        else if (b + 1 < n && p[b + 1] == '[')
            e = bracket_close(p, n, b + 1);
        if (i + 1 < n && p[i + 1] == '^' && e == NPOS)
            return b + 1;
        if (e != NPOS && sk->n < MAX_SKIPS &&
            (sk->n == 0 || e + 1 <= sk->at[sk->n - 1])) {
            sk->at[sk->n] = b;
            sk->to[sk->n] = e + 1;
            sk->n++;
            return i + 1;
        }
    }
    emit(w, '[');
    return i + 1;
}

/* '<': an autolink is dropped, an inline HTML tag or comment removed; else
 * the '<' is text. */
static size_t angle(inl *w, const unsigned char *p, size_t n, size_t i)
{
    size_t e = autolink_end(p, n, i);
    if (e != NPOS) {
        left_out(w);
        return e;
    }
    e = html_tag_end(p, n, i);
    if (e != NPOS)
        return e;
    emit(w, '<');
    return i + 1;
}

/* A character reference is decoded; a '&' that starts none is text. */
static size_t char_ref(inl *w, const unsigned char *p, size_t n, size_t i)
{
    uint32_t cp;
    size_t used = brief__html_entity(p, n, i, 0, &cp);
    if (!used) {
        emit(w, '&');
        return i + 1;
    }
    emit_cp(w, cp);
    return i + used;
}

/* A run of '*', '_' or '~' goes when it is an emphasis or strike-through
 * delimiter and is text otherwise. */
static size_t delim_run(inl *w, const unsigned char *p, size_t n, size_t i)
{
    unsigned c = p[i];
    size_t e = i;
    while (e < n && p[e] == c)
        e++;
    if (is_delim(p, n, i, e, c))
        return e;
    for (; i < e; i++)
        emit(w, c);
    return e;
}

/* Write the inline content p[0..n) as plain text. */
static void inlines(inl *w, const unsigned char *p, size_t n)
{
    skips sk;
    size_t i = 0;
    sk.n = 0;
    while (i < n) {
        unsigned c;
        if (sk.n && i >= sk.at[sk.n - 1]) { /* the tail of a link's text */
            i = sk.to[--sk.n];
            continue;
        }
        c = p[i];
        if (c == '\\' && i + 1 < n && brief__ascii_is_punct(p[i + 1])) { /* an escape */
            emit(w, p[i + 1]);
            i += 2;
        } else if (c == '`') {
            i = code_span(w, p, n, i);
        } else if (c == '!' && i + 1 < n && p[i + 1] == '[') {
            i = image(w, p, n, i);
        } else if (c == '[') {
            i = link_open(w, &sk, p, n, i);
        } else if (c == '<') {
            i = angle(w, p, n, i);
        } else if (c == '&') {
            i = char_ref(w, p, n, i);
        } else if (c == '*' || c == '_' || c == '~') {
            i = delim_run(w, p, n, i);
        } else {
            emit(w, c);
            i++;
        }
    }
}

/* ---- blocks ------------------------------------------------------------- */

static void flush(mdstate *m)
{
    inl w;
    if (m->ptype == P_NONE) {
        m->plen = 0;
        return;
    }
    w.o = &m->o;
    w.sp = 0;
    w.started = 0;
    w.dropped = 0;
    inlines(&w, m->para, m->plen);
    m->ptype = P_NONE;
    m->plen = 0;
    if (w.started)
        m->have_block = 1;
}

/* Add a line's text to the paragraph being gathered (joined by a space). */
static void gather(mdstate *m, const unsigned char *t, size_t n, int type)
{
    if (m->ptype == P_NONE)
        m->ptype = type;
    if (m->plen)
        m->para[m->plen++] = ' ';
    memcpy(m->para + m->plen, t, n);
    m->plen += n;
}

/* Write t[0..n) as a paragraph of its own (a heading or a table row);
 * returns the offset where its text starts in the output, or NPOS when
 * it came out empty. */
static size_t block_of_own(mdstate *m, const unsigned char *t, size_t n)
{
    inl w;
    size_t before;
    flush(m);
    w.o = &m->o;
    w.sp = 0;
    w.started = 0;
    w.dropped = 0;
    before = m->o.n;
    inlines(&w, t, n);
    if (!w.started)
        return NPOS;
    m->have_block = 1;
    /* skip the separator written before the text */
    return m->o.n > before && before > 0 && m->o.out[before] == '\n'
               ? before + 2
               : before;
}

static void heading(mdstate *m, const unsigned char *t, size_t n)
{
    int first = !m->have_block && m->ptype == P_NONE;
    size_t off = block_of_own(m, t, n);
    if (off != NPOS && first && !m->title_set) {
        m->title_off = off;
        m->title_len = m->o.n - off;
        m->title_set = 1;
    }
}

/* Indentation of line l (tabs to the next multiple of 4); *end gets the
 * position of the first non-blank. */
static size_t indent_of(const unsigned char *l, size_t n, size_t *end)
{
    size_t i = 0, col = 0;
    while (i < n && brief__ascii_is_blank(l[i])) {
        col = l[i] == '\t' ? (col + 4) & ~(size_t)3 : col + 1;
        i++;
    }
    *end = i;
    return col;
}

static int is_blank(const unsigned char *l, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!brief__ascii_is_blank(l[i]) && l[i] != '\r')
            return 0;
    return 1;
}

/* A fence opener: ``` or ~~~ (3 or more) after at most 3 spaces. */
static size_t fence_len(const unsigned char *l, size_t n, unsigned *ch)
{
    size_t b, ind = indent_of(l, n, &b), e = b;
    if (ind > 3 || b >= n || (l[b] != '`' && l[b] != '~'))
        return 0;
    while (e < n && l[e] == l[b])
        e++;
    if (e - b < 3)
        return 0;
    if (l[b] == '`' && memchr(l + e, '`', n - e))
        return 0; /* an info string with a backtick: not a fence */
    *ch = l[b];
    return e - b;
}

/* A thematic break: 3+ of one of * - _ with only spaces between. */
static int is_hr(const unsigned char *l, size_t n)
{
    size_t b, i, k = 0;
    unsigned c;
    if (indent_of(l, n, &b) > 3 || b >= n)
        return 0;
    c = l[b];
    if (c != '*' && c != '-' && c != '_')
        return 0;
    for (i = b; i < n; i++) {
        if (l[i] == c)
            k++;
        else if (!brief__ascii_is_blank(l[i]) && l[i] != '\r')
            return 0;
    }
    return k >= 3;
}

/* A setext underline: only '=' (level 1) or only '-' (level 2). */
static int setext_level(const unsigned char *l, size_t n)
{
    size_t b, i;
    unsigned c;
    if (indent_of(l, n, &b) > 3 || b >= n)
        return 0;
    c = l[b];
    if (c != '=' && c != '-')
        return 0;
    for (i = b; i < n && l[i] == c; i++)
        ;
    for (; i < n; i++)
        if (!brief__ascii_is_blank(l[i]) && l[i] != '\r')
            return 0;
    return c == '=' ? 1 : 2;
}

/* An ATX heading: returns 1 and its text span. */
static int atx(const unsigned char *l, size_t n, size_t *ts, size_t *te)
{
    size_t b, i, k, e;
    if (indent_of(l, n, &b) > 3)
        return 0;
    for (i = b; i < n && l[i] == '#'; i++)
        ;
    k = i - b;
    if (k < 1 || k > 6 || (i < n && !brief__ascii_is_blank(l[i]) && l[i] != '\r'))
        return 0;
    while (i < n && brief__ascii_is_blank(l[i]))
        i++;
    e = n;
    while (e > i && (brief__ascii_is_blank(l[e - 1]) || l[e - 1] == '\r'))
        e--;
    /* a closing run of '#' preceded by a space goes */
    {
        size_t h = e;
        while (h > i && l[h - 1] == '#')
            h--;
        if (h == i || brief__ascii_is_blank(l[h - 1])) {
            e = h;
            while (e > i && brief__ascii_is_blank(l[e - 1]))
                e--;
        }
    }
    *ts = i;
    *te = e;
    return 1;
}

/* A list item marker: returns the offset of the item's text, or 0.
 * *may_interrupt gets 0 for an ordered marker other than "1." / "1)" (which
 * may not interrupt a paragraph), 1 otherwise. */
static size_t list_marker2(const unsigned char *l, size_t n,
                           int *may_interrupt)
{
    size_t b, i;
    *may_interrupt = 1;
    if (indent_of(l, n, &b) > 3 + 8 || b >= n) /* nested lists indent */
        return 0;
    i = b;
    if (l[i] == '-' || l[i] == '*' || l[i] == '+') {
        i++;
    } else {
        size_t d = i;
        while (i < n && l[i] >= '0' && l[i] <= '9' && i - d < 9)
            i++;
        if (i == d || i >= n || (l[i] != '.' && l[i] != ')'))
            return 0;
        *may_interrupt = i - d == 1 && l[d] == '1';
        i++;
    }
    if (i < n && !brief__ascii_is_blank(l[i]) && l[i] != '\r')
        return 0;
    while (i < n && brief__ascii_is_blank(l[i]))
        i++;
    /* task list box */
    if (i + 2 < n && l[i] == '[' && (l[i + 1] == ' ' || l[i + 1] == 'x' ||
                                      l[i + 1] == 'X') && l[i + 2] == ']')
        i += 3;
    return i;
}

static size_t md_list_marker(const unsigned char *l, size_t n)
{
    int dummy;
    return list_marker2(l, n, &dummy);
}

/* A table delimiter row: cells of -, : and spaces separated by '|'. */
static int is_table_delim(const unsigned char *l, size_t n)
{
    size_t i;
    int dash = 0, pipe = 0;
    for (i = 0; i < n; i++) {
        unsigned c = l[i];
        if (c == '-')
            dash = 1;
        else if (c == '|')
            pipe = 1;
        else if (c != ':' && !brief__ascii_is_blank(c) && c != '\r')
            return 0;
    }
    return dash && pipe;
}

static int has_pipe(const unsigned char *l, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (l[i] == '\\')
            i++;
        else if (l[i] == '|')
            return 1;
    }
    return 0;
}

/* A table row: cells (split at unescaped '|' outside code spans) joined
 * with spaces, as a paragraph of its own. */
static void table_row(mdstate *m, const unsigned char *l, size_t n)
{
    size_t i, k = 0;
    int in_code = 0;
    flush(m); /* the row is built in the paragraph scratch buffer */
    for (i = 0; i < n; i++) {
        unsigned c = l[i];
        if (c == '\\' && i + 1 < n && l[i + 1] == '|') {
            m->para[k++] = '|';
            i++;
        } else if (c == '`') {
            in_code = !in_code;
            m->para[k++] = (unsigned char)c;
        } else if (c == '|' && !in_code) {
            m->para[k++] = ' ';
        } else {
            m->para[k++] = (unsigned char)c;
        }
    }
    (void)block_of_own(m, m->para, k);
}

/* The kind of HTML block a line starts (CommonMark types 1, 2, 6/7), 0 if
 * none: 1 = script/style/pre/textarea (ends at the closing tag), 2 =
 * comment (ends at "-->"), 6 = other tags (ends at a blank line). */
static int html_block_start(const unsigned char *l, size_t n)
{
    static const char *const raw[] = {"script", "style", "pre", "textarea",
                                      NULL};
    size_t b, i, k;
    if (indent_of(l, n, &b) > 3 || b + 1 >= n || l[b] != '<')
        return 0;
    if (b + 3 < n && l[b + 1] == '!' && l[b + 2] == '-' && l[b + 3] == '-')
        return 2;
    for (k = 0; raw[k]; k++) {
        size_t m = strlen(raw[k]);
        if (b + 1 + m <= n) {
            for (i = 0; i < m; i++)
                if (brief__ascii_lower(l[b + 1 + i]) != (unsigned char)raw[k][i])
                    break;
            if (i == m && (b + 1 + m == n || l[b + 1 + m] == '>' ||
                           brief__ascii_is_blank(l[b + 1 + m]) || l[b + 1 + m] == '\r'))
                return 1;
        }
    }
    i = b + 1;
    if (l[i] == '/')
        i++;
    if (i < n &&
        ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= 'A' && l[i] <= 'Z'))) {
        /* a whole tag alone on the line (type 7) or a block tag (type 6):
         * both end at a blank line; require the tag to close on the line
         * so "<b>bold</b> text" paragraphs stay paragraphs */
        size_t e = html_tag_end(l, n, b);
        if (e != NPOS && is_blank(l + e, n - e))
            return 6;
        {
            static const char *const blocks[] = {"div", "p", "table", "ul",
                "ol", "section", "article", "figure", "details", "center",
                "blockquote", "iframe", "aside", "header", "footer", "nav",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", NULL};
            for (k = 0; blocks[k]; k++) {
                size_t m = strlen(blocks[k]);
                if (i + m <= n) {
                    size_t j;
                    for (j = 0; j < m; j++)
                        if (brief__ascii_lower(l[i + j]) != (unsigned char)blocks[k][j])
                            break;
                    if (j == m && (i + m == n || l[i + m] == '>' ||
                                   brief__ascii_is_blank(l[i + m]) || l[i + m] == '/'))
                        return 6;
                }
            }
        }
    }
    return 0;
}

/* Does s[0..n) start with the lower-case lit, in any case? */
static int starts_ci(const unsigned char *s, size_t n, const char *lit)
{
    size_t k;
    for (k = 0; lit[k]; k++)
        if (k >= n || brief__ascii_lower(s[k]) != (unsigned char)lit[k])
            return 0;
    return 1;
}

/*
 * Text of an HTML block: tags, comments and script/style content removed,
 * the rest gathered as paragraph text. Block-level tags split paragraphs.
 * State carries across the lines of the block (an open comment, an open
 * script, a tag that spans lines).
 */
typedef struct hblock {
    int in_comment, in_raw, in_tag;
    char quote;
} hblock;

static void html_line(mdstate *m, hblock *h, const unsigned char *l, size_t n)
{
    size_t i = 0, start = 0;
    while (i < n) {
        if (h->in_comment) {
            if (i + 2 < n && l[i] == '-' && l[i + 1] == '-' &&
                l[i + 2] == '>') {
                h->in_comment = 0;
                i += 3;
                start = i;
            } else {
                i++;
            }
            continue;
        }
        if (h->in_tag) {
            if (h->quote) {
                if (l[i] == (unsigned char)h->quote)
                    h->quote = 0;
            } else if (l[i] == '"' || l[i] == '\'') {
                h->quote = (char)l[i];
            } else if (l[i] == '>') {
                h->in_tag = 0;
                start = i + 1;
            }
            i++;
            continue;
        }
        if (h->in_raw) {
            if (starts_ci(l + i, n - i, "</script") ||
                starts_ci(l + i, n - i, "</style")) {
                h->in_raw = 0;
                h->in_tag = 1;
            }
            i++;
            continue;
        }
        if (l[i] == '<') {
            static const char *const splits[] = {"<p>", "<p ", "</p>", "<div",
                "</div", "<li", "<br", "<tr", "<h1", "<h2", "<h3", "<h4",
                "<blockquote", NULL};
            size_t k;
            if (i > start)
                gather(m, l + start, i - start, P_TEXT);
            if (starts_ci(l + i, n - i, "<!--")) {
                h->in_comment = 1;
                i += 4;
                continue;
            }
            if (starts_ci(l + i, n - i, "<script") ||
                starts_ci(l + i, n - i, "<style"))
                h->in_raw = 1;
            for (k = 0; splits[k]; k++)
                if (starts_ci(l + i, n - i, splits[k])) {
                    flush(m); /* block tags split paragraphs */
                    break;
                }
            h->in_tag = 1;
            h->quote = 0;
            i++;
            continue;
        }
        i++;
    }
    if (!h->in_tag && !h->in_comment && !h->in_raw && n > start)
        gather(m, l + start, n - start, P_TEXT);
}

/* ---- the block parser ----------------------------------------------------
 *
 * Shaped like cmark's blocks.c, with brief's much smaller set of blocks.
 * Each line goes through the same steps (process_line):
 *  1. check_open_blocks: does the line continue the blocks already open?
 *     Fenced code and HTML blocks swallow it; blockquote markers are
 *     stripped; a blank line closes the paragraph; a table takes its next
 *     row.
 *  2. open_new_blocks: does it start a block? A fence, indented code, an
 *     ATX heading, a setext underline, a thematic break, an HTML block, a
 *     list item, a link reference definition or a table.
 *  3. add_text_to_container: what is left is paragraph text.
 * Blocks are finalized (written out) by flush() as soon as they close, so
 * there is no tree: only the paragraph being gathered and the few flags
 * below stay open between lines.
 */

typedef struct mdparser {
    mdstate m;                /* the output and the open paragraph         */
    const unsigned char *s;   /* the input                                 */
    size_t len, pos;          /* its length; where the next line starts    */
    int fence;                /* inside fenced code ...                    */
    unsigned fence_ch;        /* ... opened by a run of this character ... */
    size_t fence_n;           /* ... this long                             */
    int html;                 /* inside an HTML block of this kind (1,2,6) */
    hblock hb;                /* ... in this state                         */
    int table;                /* inside a table (its next row may follow)  */
    int in_list;              /* inside a list item (indented lines go on) */
    int prev_blank;           /* the previous line was blank               */
} mdparser;

/* One line as the steps see it: the text left after the container
 * markers, its first non-blank (b) and that one's column (ind). */
typedef struct mdline {
    const unsigned char *l;
    size_t n, b, ind;
    int blank;
} mdline;

/* Does an HTML block of kind `kind` end on this line? (Kind 6 ends at a
 * blank line instead, which the caller checks.) */
static int html_block_ends(int kind, const unsigned char *l, size_t n)
{
    if (kind == 1)
        return brief__holds_ci(l, n, "</script>") ||
               brief__holds_ci(l, n, "</style>") ||
               brief__holds_ci(l, n, "</pre>") ||
               brief__holds_ci(l, n, "</textarea>");
    return kind == 2 && brief__holds_ci(l, n, "-->");
}

/* A UTF-8 byte order mark and front matter ("---" on the first line, up
 * to a "---" or "..." line) are skipped: where the body starts. */
static size_t skip_front_matter(const unsigned char *s, size_t len)
{
    size_t pos = 0, e, q;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        pos = 3;
    e = pos;
    while (e < len && s[e] != '\n')
        e++;
    if (e - pos < 3 || memcmp(s + pos, "---", 3) != 0 ||
        !is_blank(s + pos + 3, e - pos - 3))
        return pos;
    for (q = e + 1; q < len;) {
        size_t qe = q;
        while (qe < len && s[qe] != '\n')
            qe++;
        if (qe - q >= 3 &&
            (memcmp(s + q, "---", 3) == 0 || memcmp(s + q, "...", 3) == 0) &&
            is_blank(s + q + 3, qe - q - 3))
            return qe < len ? qe + 1 : len;
        q = qe + 1;
    }
    return pos; /* never closed: not front matter */
}

/* ---- step 1: the open blocks -------------------------------------------- */

/* Inside fenced code every line is dropped; a closing fence (same
 * character, at least as long, nothing after it) ends the block. */
static void fence_continues(mdparser *p, const mdline *ln)
{
    unsigned ch;
    size_t k = fence_len(ln->l, ln->n, &ch), b;
    if (k >= p->fence_n && ch == p->fence_ch) {
        indent_of(ln->l, ln->n, &b);
        if (is_blank(ln->l + b + k, ln->n - b - k))
            p->fence = 0;
    }
}

/* Inside an HTML block the line's text is gathered until the block's end
 * condition: a blank line (kind 6) or its closing string (kinds 1, 2). */
static void html_continues(mdparser *p, const mdline *ln)
{
    if (p->html == 6 && ln->blank) {
        p->html = 0;
        flush(&p->m);
        p->prev_blank = 1;
        return;
    }
    html_line(&p->m, &p->hb, ln->l, ln->n);
    if (html_block_ends(p->html, ln->l, ln->n)) {
        p->html = 0;
        flush(&p->m);
    }
}

/* Blockquote markers go (any depth); the rest of the line is read as
 * usual, so a quote is transparent to the blocks inside it. */
static void quote_continues(mdline *ln)
{
    size_t q = 0, b;
    int quoted = 0;
    while (indent_of(ln->l + q, ln->n - q, &b) <= 3 && q + b < ln->n &&
           ln->l[q + b] == '>') {
        q += b + 1;
        if (q < ln->n && brief__ascii_is_blank(ln->l[q]))
            q++;
        quoted = 1;
    }
    if (quoted) {
        ln->l += q;
        ln->n -= q;
        ln->blank = is_blank(ln->l, ln->n);
    }
}

/* Returns 1 when an open block took the whole line. Fenced code and HTML
 * blocks see the raw line (quote markers included); a blank line closes
 * the paragraph and the table. Fills in ln->b and ln->ind otherwise. */
static int check_open_blocks(mdparser *p, mdline *ln)
{
    if (p->fence) {
        fence_continues(p, ln);
        return 1;
    }
    if (p->html) {
        html_continues(p, ln);
        return 1;
    }
    quote_continues(ln);
    if (ln->blank) {
        flush(&p->m);
        p->table = 0;
        p->prev_blank = 1;
        return 1;
    }
    ln->ind = indent_of(ln->l, ln->n, &ln->b);
    if (p->table) {
        if (has_pipe(ln->l, ln->n)) {
            table_row(&p->m, ln->l + ln->b, ln->n - ln->b);
            return 1;
        }
        p->table = 0;
    }
    return 0;
}

/* ---- step 2: new blocks --------------------------------------------------
 * Each opener returns 1 when the line started (and was used by) its
 * block, 0 to let the next one try. */

static int open_fence(mdparser *p, const mdline *ln)
{
    unsigned ch;
    size_t k = fence_len(ln->l, ln->n, &ch);
    if (!k)
        return 0;
    flush(&p->m);
    p->fence = 1;
    p->fence_ch = ch;
    p->fence_n = k;
    return 1;
}

/* Indented code is dropped. It cannot interrupt a paragraph, and inside a
 * list an indented line continues the item. */
static int indented_code(const mdparser *p, const mdline *ln)
{
    return ln->ind >= 4 && p->m.ptype == P_NONE && !p->in_list;
}

static int open_atx_heading(mdparser *p, const mdline *ln)
{
    size_t ts, te;
    if (!atx(ln->l, ln->n, &ts, &te))
        return 0;
    heading(&p->m, ln->l + ts, te - ts);
    p->in_list = 0;
    p->prev_blank = 0;
    return 1;
}

/* A setext underline turns the gathered paragraph into a heading (the
 * title, when it is the first block). */
static int setext_underline(mdparser *p, const mdline *ln)
{
    mdstate *m = &p->m;
    int first;
    size_t before, off;
    if (!setext_level(ln->l, ln->n) || m->ptype != P_TEXT)
        return 0;
    first = !m->have_block;
    before = m->o.n;
    flush(m);
    if (m->o.n > before) {
        off = m->o.out[before] == '\n' ? before + 2 : before;
        if (first && !m->title_set) {
            m->title_off = off;
            m->title_len = m->o.n - off;
            m->title_set = 1;
        }
    }
    p->prev_blank = 0;
    return 1;
}

static int thematic_break(mdparser *p, const mdline *ln)
{
    if (!is_hr(ln->l, ln->n))
        return 0;
    flush(&p->m);
    p->in_list = 0;
    p->prev_blank = 0;
    return 1;
}

static int open_html_block(mdparser *p, const mdline *ln)
{
    int kind = html_block_start(ln->l, ln->n);
    if (!kind)
        return 0;
    flush(&p->m);
    memset(&p->hb, 0, sizeof p->hb);
    p->html = kind;
    html_line(&p->m, &p->hb, ln->l, ln->n);
    if (html_block_ends(kind, ln->l, ln->n)) {
        p->html = 0;
        flush(&p->m);
    }
    p->prev_blank = 0;
    return 1;
}

/* A list item is a paragraph of its own (its marker and task box gone). */
static int open_list_item(mdparser *p, const mdline *ln)
{
    int may;
    size_t mk = list_marker2(ln->l, ln->n, &may);
    /* "2019. was a year" inside a paragraph is not a list */
    if (mk && !may && p->m.ptype == P_TEXT && !p->prev_blank)
        return 0;
    if (!mk || (mk >= ln->n && p->m.ptype))
        return 0;
    flush(&p->m);
    p->in_list = 1;
    if (mk < ln->n)
        gather(&p->m, ln->l + mk, ln->n - mk, P_ITEM);
    p->prev_blank = 0;
    return 1;
}

/* A link reference definition "[id]: url" is dropped; a footnote
 * definition "[^id]: text" keeps its text. */
static int link_ref_def(mdparser *p, const mdline *ln)
{
    const unsigned char *l = ln->l;
    size_t b = ln->b, k = b + 1;
    if (l[b] != '[' || p->m.ptype != P_NONE)
        return 0;
    while (k < ln->n && l[k] != ']')
        k++;
    if (k + 1 >= ln->n || l[k + 1] != ':') /* so b + 1 < n below */
        return 0;
    if (l[b + 1] == '^') {
        flush(&p->m);
        gather(&p->m, l + k + 2, ln->n - k - 2, P_TEXT);
    }
    p->prev_blank = 0;
    return 1;
}

/* A table: this line has pipes and the next one is a delimiter row (which
 * is consumed here and dropped). */
static int open_table(mdparser *p, const mdline *ln)
{
    size_t q = p->pos, qe = p->pos;
    if (!has_pipe(ln->l, ln->n) || p->m.ptype != P_NONE)
        return 0;
    while (qe < p->len && p->s[qe] != '\n')
        qe++;
    if (q >= p->len || !is_table_delim(p->s + q, qe - q))
        return 0;
    table_row(&p->m, ln->l + ln->b, ln->n - ln->b);
    p->pos = qe < p->len ? qe + 1 : p->len;
    p->table = 1;
    return 1;
}

static int open_new_blocks(mdparser *p, const mdline *ln)
{
    return open_fence(p, ln) || indented_code(p, ln) ||
           open_atx_heading(p, ln) || setext_underline(p, ln) ||
           thematic_break(p, ln) || open_html_block(p, ln) ||
           open_list_item(p, ln) || link_ref_def(p, ln) || open_table(p, ln);
}

/* ---- step 3: paragraph text --------------------------------------------- */

/* The line joins the open paragraph (or list item), or starts one. After
 * a blank line an unindented line ends a list item's paragraph. A hard
 * line break (two trailing spaces or a backslash) is a space like any
 * line end. */
static void add_text_to_container(mdparser *p, const mdline *ln)
{
    size_t te = ln->n;
    if (p->in_list && p->prev_blank && ln->ind < 2)
        p->in_list = 0;
    if (p->prev_blank && p->m.ptype == P_ITEM)
        flush(&p->m);
    while (te > ln->b && brief__ascii_is_blank(ln->l[te - 1]))
        te--;
    if (te > ln->b && ln->l[te - 1] == '\\')
        te--;
    gather(&p->m, ln->l + ln->b, te - ln->b,
           p->m.ptype == P_NONE ? P_TEXT : p->m.ptype);
    p->prev_blank = 0;
}

/* The steps for one line l[0..n) (its line end already cut off). */
static void process_line(mdparser *p, const unsigned char *l, size_t n)
{
    mdline ln;
    ln.l = l;
    ln.n = n;
    ln.b = ln.ind = 0;
    ln.blank = is_blank(l, n);
    if (check_open_blocks(p, &ln) || open_new_blocks(p, &ln))
        return;
    add_text_to_container(p, &ln);
}

int brief__decode_markdown(brief__arena *a, const char *in, size_t len,
                           brief__view *out)
{
    mdparser p;
    memset(out, 0, sizeof *out);
    memset(&p, 0, sizeof p);
    if (!in)
        len = 0;
    if (len > (((size_t)-1) - 16) / 2)
        return BRIEF_ERR_NOMEM;
    p.m.o.out = (unsigned char *)brief__alloc(a, 2 * len + 16);
    p.m.para = (unsigned char *)brief__alloc(a, len + 1);
    if (!p.m.o.out || !p.m.para)
        return BRIEF_ERR_NOMEM;
    p.s = (const unsigned char *)(in ? in : "");
    p.len = len;
    p.pos = skip_front_matter(p.s, len);
    p.prev_blank = 1;
    while (p.pos < len) { /* one line, without its "\n" or "\r\n" */
        const unsigned char *l = p.s + p.pos;
        size_t n = 0;
        while (p.pos + n < len && l[n] != '\n')
            n++;
        p.pos += n + 1;
        if (n && l[n - 1] == '\r')
            n--;
        process_line(&p, l, n);
    }
    flush(&p.m); /* the document ends: the last open block is written */
    out->text = (const char *)p.m.o.out;
    out->len = p.m.o.n;
    if (p.m.title_set) {
        out->title_off = p.m.title_off;
        out->title_len = p.m.title_len;
    }
    return BRIEF_OK;
}

/* ---- sniffing ----------------------------------------------------------- */

int brief__looks_markdown(const char *in, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t pos = 0, n = len < 16384 ? len : 16384, prev_len = 0;
    int heading = 0, fence = 0, link = 0, setext = 0, quote = 0, emph = 0,
        table = 0;
    size_t items = 0;
    if (!in)
        return 0;
    while (pos < n) {
        const unsigned char *l = s + pos;
        size_t m = 0, ts, te, b;
        while (pos + m < n && l[m] != '\n')
            m++;
        pos += m + 1;
        if (m && l[m - 1] == '\r')
            m--;
        if (atx(l, m, &ts, &te) && te > ts)
            heading = 1;
        {
            unsigned ch;
            if (fence_len(l, m, &ch))
                fence = 1;
        }
        if (prev_len && setext_level(l, m) && m >= 3)
            setext = 1;
        if (md_list_marker(l, m) && md_list_marker(l, m) < m && !is_hr(l, m))
            items++;
        indent_of(l, m, &b);
        if (b + 1 < m && l[b] == '>' && brief__ascii_is_blank(l[b + 1]))
            quote = 1;
        if (is_table_delim(l, m) && m >= 3)
            table = 1;
        {
            size_t i;
            for (i = 0; i + 3 < m; i++) {
                if (l[i] == ']' && l[i + 1] == '(' &&
                    memchr(l, '[', i) && memchr(l + i, ')', m - i))
                    link = 1;
                if (l[i] == '*' && l[i + 1] == '*' && !brief__ascii_is_blank(l[i + 2]))
                    emph = 1;
                if (l[i] == '`' && i + 1 < m && l[i + 1] != '`' &&
                    memchr(l + i + 1, '`', m - i - 1))
                    emph = 1;
            }
        }
        prev_len = is_blank(l, m) ? 0 : m;
    }
    return heading + fence + link + setext + quote + emph + table +
               (items >= 2) >= 2;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__markdown_left_out;
#endif /* BRIEF_NO_MARKDOWN */

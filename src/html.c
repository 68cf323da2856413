/*
 * html.c - the HTML tokenizer and tree builder: markup in, a flat element
 * tree and the decoded text out (html.h describes them); the main text is
 * chosen from them by extract.c.
 *
 * parse() is one pass over the bytes, linear in the input and not
 * recursive. It tokenizes and builds a flat element tree: nodes in
 * document order, each with its parent and the end of its subtree, so that
 * the subtree of node i is the index range [i, end). Text is decoded
 * (character references, entity.c) into one buffer and listed as
 * segments, each owned by the innermost open element, with paragraph
 * breaks between blocks. The open elements are the parent chain of the
 * current node: nesting depth costs memory, never recursion. Content that
 * is never article text (script, style, svg, math, template, buttons,
 * selects, ruby annotations, hidden nodes, comments) is skipped here, and
 * each element gets the facts extraction needs from its attributes
 * (hidden, class weight, "unlikely" class names, roles). Malformed
 * markup is repaired the way browsers do where it is cheap (implied end
 * tags, stray end tags ignored) and in a way that keeps the text where a
 * browser would swallow it (unterminated comments, quotes and raw text
 * end at the next '>' or '<' instead of at the end of the file). The
 * <title> text, the best <meta> title and the number of visible <h1> are
 * noted for the title, and the longest JSON-LD "articleBody" for pages
 * rendered by JavaScript.
 *
 * Names (tags, attributes, roles, class words) are compared in one way:
 * brief__name_cmp() of internal.h, ASCII case ignored, and known tags are
 * found with brief__name_find() in the sorted tag table.
 *
 * Memory: everything comes from the arena. Nodes and segments sit in
 * chunks that never move; elements are capped at len / 8 + 4096 (past
 * that, tags still end paragraphs but open no element), so the total is
 * bounded by about 100 bytes per input byte plus 2 MiB even for garbage
 * markup; real pages take 2 to 10 bytes per input byte.
 *
 * brief__looks_html() (format sniffing for brief_detect_input) is here too.
 */
#include <string.h>
#include "internal.h"
#include "html.h"

#ifndef BRIEF_NO_HTML

#define NPOS ((size_t)-1)

/* ---- tags --------------------------------------------------------------- */

/* The name inline (the longest is 10 letters): no pointer per entry and
 * no relocation, 14 bytes a tag instead of 16 plus the string. */
typedef struct tag_def {
    char name[11];
    unsigned char id;
    unsigned short flags;
} tag_def;

#define BLK (TF_BLOCK | TF_CLOSEP)
#define INL TF_PHRASE
/* Sorted by name (byte order) for binary search; checked by the tests
 * through the lookup of every name. */
static const tag_def tag_defs[] = {
    {"a", T_A, INL},
    {"abbr", T_ABBR, INL},
    {"address", T_ADDRESS, BLK},
    {"applet", T_APPLET, TF_SCOPE | TF_DROP},
    {"area", T_AREA, TF_VOID},
    {"article", T_ARTICLE, BLK},
    {"aside", T_ASIDE, BLK | TF_SOFT},
    {"audio", T_AUDIO, INL | TF_DROP},
    {"b", T_B, INL},
    {"base", T_BASE, TF_VOID},
    {"basefont", T_BASEFONT, TF_VOID},
    {"bdi", T_BDI, INL},
    {"bdo", T_BDO, INL},
    {"bgsound", T_BGSOUND, TF_VOID},
    {"big", T_BIG, INL},
    {"blockquote", T_BLOCKQUOTE, BLK | TF_DIVP},
    {"body", T_BODY, TF_BLOCK},
    {"br", T_BR, TF_VOID | INL},
    {"button", T_BUTTON, INL | TF_DROP},
    {"canvas", T_CANVAS, TF_DROP},
    {"caption", T_CAPTION, TF_BLOCK | TF_SCOPE},
    {"center", T_CENTER, BLK},
    {"cite", T_CITE, INL},
    {"code", T_CODE, INL},
    {"col", T_COL, TF_VOID},
    {"colgroup", T_COLGROUP, 0},
    {"data", T_DATA, INL},
    {"datalist", T_DATALIST, INL | TF_DROP},
    {"dd", T_DD, BLK},
    {"del", T_DEL, INL},
    {"details", T_DETAILS, BLK},
    {"dfn", T_DFN, INL},
    {"dialog", T_DIALOG, BLK},
    {"dir", T_DIR, BLK},
    {"div", T_DIV, BLK | TF_DIVP},
    {"dl", T_DL, BLK | TF_DIVP},
    {"dt", T_DT, BLK},
    {"em", T_EM, INL},
    {"embed", T_EMBED, TF_VOID | INL},
    {"fieldset", T_FIELDSET, BLK},
    {"figcaption", T_FIGCAPTION, BLK},
    {"figure", T_FIGURE, BLK},
    {"font", T_FONT, INL},
    {"footer", T_FOOTER, BLK | TF_SOFT},
    {"form", T_FORM, BLK | TF_SOFT},
    {"frame", T_FRAME, TF_VOID},
    {"frameset", T_FRAMESET, TF_BLOCK},
    {"h1", T_H1, BLK | TF_HEAD},
    {"h2", T_H2, BLK | TF_HEAD | TF_SCORE},
    {"h3", T_H3, BLK | TF_HEAD | TF_SCORE},
    {"h4", T_H4, BLK | TF_HEAD | TF_SCORE},
    {"h5", T_H5, BLK | TF_HEAD | TF_SCORE},
    {"h6", T_H6, BLK | TF_HEAD | TF_SCORE},
    {"head", T_HEAD, 0},
    {"header", T_HEADER, BLK | TF_SOFT},
    {"hgroup", T_HGROUP, BLK},
    {"hr", T_HR, TF_VOID | BLK},
    {"html", T_HTML, TF_SCOPE},
    {"i", T_I, INL},
    {"iframe", T_IFRAME, TF_RAW | TF_DROP},
    {"image", T_IMAGE, TF_VOID | INL | TF_DIVP},
    {"img", T_IMG, TF_VOID | INL | TF_DIVP},
    {"input", T_INPUT, TF_VOID | INL},
    {"ins", T_INS, INL},
    {"kbd", T_KBD, INL},
    {"keygen", T_KEYGEN, TF_VOID},
    {"label", T_LABEL, INL},
    {"legend", T_LEGEND, TF_BLOCK},
    {"li", T_LI, BLK},
    {"link", T_LINK, TF_VOID},
    {"listing", T_LISTING, BLK},
    {"main", T_MAIN, BLK},
    {"mark", T_MARK, INL},
    {"marquee", T_MARQUEE, TF_SCOPE},
    {"math", T_MATH, INL | TF_DROP},
    {"menu", T_MENU, BLK},
    {"meta", T_META, TF_VOID},
    {"meter", T_METER, INL | TF_DROP},
    {"nav", T_NAV, BLK | TF_SOFT},
    {"nobr", T_NOBR, INL},
    {"noembed", T_NOEMBED, TF_RAW | TF_DROP},
    {"noframes", T_NOFRAMES, TF_RAW | TF_DROP},
    {"noscript", T_NOSCRIPT, TF_RAW | TF_DROP | INL},
    {"object", T_OBJECT, TF_SCOPE | TF_DROP | INL},
    {"ol", T_OL, BLK | TF_DIVP},
    {"optgroup", T_OPTGROUP, TF_DROP},
    {"option", T_OPTION, TF_DROP},
    {"output", T_OUTPUT, INL},
    {"p", T_P, BLK | TF_DIVP | TF_SCORE},
    {"param", T_PARAM, TF_VOID},
    {"picture", T_PICTURE, INL},
    {"pre", T_PRE, BLK | TF_DIVP | TF_SCORE},
    {"progress", T_PROGRESS, INL | TF_DROP},
    {"q", T_Q, INL},
    {"rp", T_RP, INL | TF_DROP},
    {"rt", T_RT, INL | TF_DROP},
    {"ruby", T_RUBY, INL},
    {"s", T_S, INL},
    {"samp", T_SAMP, INL},
    {"script", T_SCRIPT, TF_RAW | TF_DROP | INL},
    {"section", T_SECTION, BLK | TF_SCORE},
    {"select", T_SELECT, INL | TF_DROP},
    {"small", T_SMALL, INL},
    {"source", T_SOURCE, TF_VOID},
    {"span", T_SPAN, INL},
    {"strike", T_STRIKE, INL},
    {"strong", T_STRONG, INL},
    {"style", T_STYLE, TF_RAW | TF_DROP},
    {"sub", T_SUB, INL},
    {"summary", T_SUMMARY, BLK},
    {"sup", T_SUP, INL},
    {"svg", T_SVG, TF_DROP},
    {"table", T_TABLE, BLK | TF_DIVP | TF_SCOPE},
    {"tbody", T_TBODY, TF_BLOCK},
    {"td", T_TD, TF_BLOCK | TF_SCORE | TF_SCOPE},
    {"template", T_TEMPLATE, TF_DROP | TF_SCOPE},
    {"textarea", T_TEXTAREA, TF_RAW | TF_DROP | INL},
    {"tfoot", T_TFOOT, TF_BLOCK},
    {"th", T_TH, TF_BLOCK | TF_SCOPE},
    {"thead", T_THEAD, TF_BLOCK},
    {"time", T_TIME, INL},
    {"title", T_TITLE, TF_RAW},
    {"tr", T_TR, TF_BLOCK},
    {"track", T_TRACK, TF_VOID},
    {"tt", T_TT, INL},
    {"u", T_U, INL},
    {"ul", T_UL, BLK | TF_DIVP},
    {"var", T_VAR, INL},
    {"video", T_VIDEO, TF_DROP},
    {"wbr", T_WBR, TF_VOID | INL},
    {"xmp", T_XMP, TF_RAW | TF_DROP | TF_CLOSEP}
};
#undef BLK
#undef INL
#define N_TAGS (sizeof tag_defs / sizeof tag_defs[0])

/* Flags by tag id (filled from tag_defs by a switch-free search; T_ANON
 * and T_UNKNOWN are handled here). */
static unsigned tag_flags(unsigned tag)
{
    size_t k;
    if (tag == T_ANON)
        return TF_BLOCK | TF_DIVP | TF_SCORE;
    if (tag == T_UNKNOWN || tag >= T_COUNT)
        return 0;
    /* tag ids follow the table order, so index tag-1 is the entry; the
     * search below only guards against the two lists drifting apart */
    k = (size_t)tag - 1;
    if (k < N_TAGS && tag_defs[k].id == tag)
        return tag_defs[k].flags;
    for (k = 0; k < N_TAGS; k++)
        if (tag_defs[k].id == tag)
            return tag_defs[k].flags;
    return 0;
}

/* The name of a known tag ("" for T_UNKNOWN and T_ANON). */
static const char *tag_name(unsigned tag)
{
    size_t k = (size_t)tag - 1;
    if (tag == T_UNKNOWN || tag >= T_ANON)
        return "";
    if (k < N_TAGS && tag_defs[k].id == tag)
        return tag_defs[k].name;
    for (k = 0; k < N_TAGS; k++)
        if (tag_defs[k].id == tag)
            return tag_defs[k].name;
    return "";
}

/* The known tag named s[0..m) (any case), or T_UNKNOWN. */
static unsigned tag_lookup(const unsigned char *s, size_t m)
{
    size_t lo = 0, hi = N_TAGS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = brief__name_cmp(tag_defs[mid].name, s, m, 1);
        if (c == 0)
            return tag_defs[mid].id;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return T_UNKNOWN;
}

/* ---- implied end tags --------------------------------------------------- */
/*
 * HTML closes some elements implicitly: <p> by the next block, <li> by the
 * next <li>, cells by the next cell or row, <a> by the next <a>. An open
 * member of the group is looked for up the chain of open elements, as far
 * as a scope boundary such as <table> (see open_in_scope()).
 */
enum { G_P, G_LI, G_DD, G_CELL, G_TR, G_A, G_OPT, N_GROUPS };

static int tag_group(unsigned tag)
{
    switch (tag) {
    case T_P: return G_P;
    case T_LI: return G_LI;
    case T_DD: case T_DT: return G_DD;
    case T_TD: case T_TH: return G_CELL;
    case T_TR: return G_TR;
    case T_A: return G_A;
    case T_OPTION: return G_OPT;
    default: return -1;
    }
}

/* Groups whose scope this tag ends (bit per group). */
static unsigned tag_bounds(unsigned tag)
{
    const unsigned all = (1u << N_GROUPS) - 1;
    const unsigned dflt = (1u << G_P) | (1u << G_LI) | (1u << G_DD) |
                          (1u << G_A);
    switch (tag) {
    case T_TABLE: case T_TEMPLATE: case T_HTML: return all;
    case T_TD: case T_TH: case T_CAPTION: case T_APPLET: case T_MARQUEE:
    case T_OBJECT: return dflt;
    case T_BUTTON: return 1u << G_P;
    case T_OL: case T_UL: return 1u << G_LI;
    case T_DL: return 1u << G_DD;
    case T_SELECT: return 1u << G_OPT;
    default: return 0;
    }
}

/* Groups whose open member this start tag closes, in this order. */
static unsigned tag_closes(unsigned tag)
{
    unsigned c = (tag_flags(tag) & TF_CLOSEP) ? 1u << G_P : 0;
    switch (tag) {
    case T_LI: return c | (1u << G_LI);
    case T_DD: case T_DT: return c | (1u << G_DD);
    case T_TD: case T_TH: return 1u << G_CELL;
    case T_TR: case T_TBODY: case T_THEAD: case T_TFOOT:
        return (1u << G_CELL) | (1u << G_TR);
    case T_A: return 1u << G_A;
    case T_OPTION: case T_OPTGROUP: return 1u << G_OPT;
    default: return c;
    }
}


/* ---- attributes (the tokenizer's view of them) ------------------------- */

typedef struct span {
    size_t off, len;
    int set;
} span;

typedef struct hattrs {
    span cls, id, style, role, rel, itemprop, href, property, name, content,
        src, aria_hidden, aria_modal, summary, datatable, hidden, type;
} hattrs;


/* ---- arena arrays ------------------------------------------------------- */

/* The arrays grow by brief__grow_array(..., 16, 0): from 16, doubling. */

/* A new node slot (zeroed), or NULL when out of memory. */
static hnode *new_node(hparse *P)
{
    size_t c = P->nn >> CHUNK_SHIFT;
    hnode *x;
    if ((P->nn & (CHUNK - 1)) == 0) {
        hnode **dir = (hnode **)brief__grow_array(
            P->a, P->nchunk, &P->capnchunk, c + 1, sizeof *dir, 16, 0);
        if (!dir)
            return NULL;
        P->nchunk = dir;
        if (P->slab_left == 0) {
            /* slabs of 1, 2, 4 ... SLAB_MAX chunks; one chunk each in a
             * fixed arena, where a slab's unused part would be spent */
            size_t k = P->slab_next && !P->a->fixed ? P->slab_next : 1;
            P->slab = (hnode *)brief__alloc(P->a, k * CHUNK * sizeof(hnode));
            if (!P->slab)
                return NULL;
            P->slab_left = k;
            P->slab_next = k < SLAB_MAX ? 2 * k : SLAB_MAX;
        }
        dir[c] = P->slab;
        P->slab += CHUNK;
        P->slab_left--;
    }
    x = brief__html_node(P, P->nn++);
    memset(x, 0, sizeof *x);
    return x;
}

static hseg *new_seg(hparse *P)
{
    size_t c = P->ns >> CHUNK_SHIFT;
    if ((P->ns & (CHUNK - 1)) == 0) {
        hseg **dir = (hseg **)brief__grow_array(
            P->a, P->schunk, &P->capschunk, c + 1, sizeof *dir, 16, 0);
        if (!dir)
            return NULL;
        P->schunk = dir;
        dir[c] = (hseg *)brief__alloc(P->a, CHUNK * sizeof(hseg));
        if (!dir[c])
            return NULL;
    }
    return brief__html_seg(P, P->ns++);
}

/* open[] grows with the interned names; new counts start at zero. */
static int grow_open(hparse *P, size_t need)
{
    size_t old = P->capo;
    size_t *q = (size_t *)brief__grow_array(P->a, P->open, &P->capo, need,
                                             sizeof *q, 16, 0);
    if (!q)
        return 0;
    P->open = q;
    if (P->capo > old)
        memset(q + old, 0, (P->capo - old) * sizeof *q);
    return 1;
}

/* ---- parse: text -------------------------------------------------------- */

static hnode *cur(const hparse *P)
{
    return brief__html_node(P, P->cur);
}

/* Append a segment owned by the current element. Text that continues the
 * previous text segment of the same element extends it. */
static int add_seg(hparse *P, size_t off, size_t len, int kind)
{
    hseg *g;
    if (P->ns) {
        g = brief__html_seg(P, P->ns - 1);
        if (kind == SEG_TEXT && g->kind == SEG_TEXT && g->node == P->cur &&
            g->off + g->len == off) {
            g->len += len;
            return 1;
        }
    }
    g = new_seg(P);
    if (!g)
        return 0;
    g->off = off;
    g->len = len;
    g->node = P->cur;
    g->kind = kind;
    return 1;
}

static int emit_break(hparse *P)
{
    if (P->ns && brief__html_seg(P, P->ns - 1)->kind == SEG_BREAK)
        return 1;
    return add_seg(P, 0, 0, SEG_BREAK);
}

/* Characters of buf[off..off+len) with each whitespace run counted once,
 * and the commas (readability counts ASCII and CJK/Arabic commas). */
static void text_stats(const unsigned char *b, size_t len, size_t *chars,
                       size_t *commas, int *ws_only)
{
    size_t i, c = 0, k = 0;
    int in_ws = 0, only = 1;
    for (i = 0; i < len; i++) {
        unsigned x = b[i];
        int ws;
        if (x - 0x21u < 0x5Eu && x != ',') { /* printable ASCII: a run */
            size_t r = i + 1;
            while (r < len && b[r] - 0x21u < 0x5Eu && b[r] != ',')
                r++;
            c += r - i;
            in_ws = 0;
            only = 0;
            i = r - 1;
            continue;
        }
        ws = brief__html_is_ws(x) ||
                 (x == 0xC2 && i + 1 < len && b[i + 1] == 0xA0);
        if (ws) {
            if (x == 0xC2)
                i++;
            if (!in_ws)
                c++;
            in_ws = 1;
            continue;
        }
        in_ws = 0;
        only = 0;
        if ((x & 0xC0) != 0x80)
            c++;
        if (x == ',')
            k++;
        else if (i + 1 < len && x == 0xD8 && b[i + 1] == 0x8C)
            k++; /* U+060C */
        else if (i + 2 < len && x == 0xEF &&
                 ((b[i + 1] == 0xBC && b[i + 2] == 0x8C) || /* U+FF0C */
                  (b[i + 1] == 0xB9 && b[i + 2] == 0x90) || /* U+FE50 */
                  (b[i + 1] == 0xB8 &&
                   (b[i + 2] == 0x90 || b[i + 2] == 0x91))))
            k++;
        else if (i + 2 < len && x == 0xE2 &&
                 ((b[i + 1] == 0xB9 && b[i + 2] == 0x81) ||
                  (b[i + 1] == 0xB8 &&
                   (b[i + 2] == 0xB4 || b[i + 2] == 0xB2))))
            k++;
    }
    *chars = c;
    *commas = k;
    *ws_only = only;
}

/* The decoder of text: see html.h. */
size_t brief__html_decode(hparse *P, size_t from, size_t to, int raw,
                          size_t *len)
{
    size_t off = P->nb, i = from;
    unsigned char *b = P->buf;
    while (i < to) {
        const unsigned char *amp;
        size_t run, used;
        uint32_t cp;
        if (raw) {
            memcpy(b + P->nb, P->s + i, to - i);
            P->nb += to - i;
            break;
        }
        amp = (const unsigned char *)memchr(P->s + i, '&', to - i);
        run = amp ? (size_t)(amp - (P->s + i)) : to - i;
        memcpy(b + P->nb, P->s + i, run);
        P->nb += run;
        i += run;
        if (i >= to)
            break;
        used = brief__html_entity(P->s, to, i, 0, &cp);
        if (used == 0) {
            b[P->nb++] = '&';
            i++;
        } else {
            /* a reference is never shorter than its encoding (>= 3 bytes
             * for at most 4 bytes, and the 4-byte ones take >= 8) */
            P->nb += brief__utf8_put(cp, b + P->nb);
            i += used;
        }
    }
    *len = P->nb - off;
    return off;
}

#define PUSH_FAIL 0    /* out of memory                              */
#define PUSH_DONE 1    /* the element is open                        */
#define PUSH_SKIP 2    /* node budget spent: no element was opened   */

static int push_element(hparse *P, unsigned tag, size_t name,
                        const hattrs *at);
static void pop_element(hparse *P);

/* Text s[from..to) in the current element. */
static int emit_text(hparse *P, size_t from, size_t to, int raw)
{
    size_t off, len, chars, commas;
    int ws_only;
    hnode *x;
    if (cur(P)->drop || from >= to)
        return 1;
    off = brief__html_decode(P, from, to, raw, &len);
    if (len == 0)
        return 1;
    text_stats(P->buf + off, len, &chars, &commas, &ws_only);
    if (!ws_only && cur(P)->tag == T_DIV) {
        if (push_element(P, T_ANON, T_ANON, NULL) == PUSH_FAIL)
            return 0;
    }
    if (!add_seg(P, off, len, SEG_TEXT))
        return 0;
    x = cur(P);
    x->text += chars;
    x->commas += commas;
    x->link10 += chars * x->link;
    if (x->link == 3)
        x->hash += chars;
    return 1;
}

/* ---- parse: attributes -------------------------------------------------- */

/*
 * Names (attributes, roles, meta keys, tags in raw text) and the words in
 * attribute values are compared in one way: ci_eq() below is
 * brief__name_cmp() of internal.h with ASCII case ignored, the comparison
 * tag_lookup() searches the tag table with, and the prefix, substring and
 * list tests are built on it.
 */

/* s[0..n) is the lower-case name lit, ASCII case ignored. */
static int ci_eq(const unsigned char *s, size_t n, const char *lit)
{
    return brief__name_cmp(lit, s, n, 1) == 0;
}

/* s[0..n) starts with the lower-case lit, ASCII case ignored. */
static int ci_prefix(const unsigned char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n >= m && ci_eq(s, m, lit);
}

/* The first position of the lower-case needle in s[0..n), ASCII case
 * ignored, or NPOS. */
static size_t ci_find(const unsigned char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle), i;
    unsigned c0 = (unsigned char)needle[0];
    if (m == 0 || m > n)
        return NPOS;
    for (i = 0; i + m <= n; i++) /* the first byte alone rules most out */
        if (brief__ascii_lower(s[i]) == c0 && ci_eq(s + i + 1, m - 1, needle + 1))
            return i;
    return NPOS;
}

/* Some word of the list occurs in s[0..n). A list is its words each
 * ended by a NUL, and one more NUL: no pointer per word. */
static uint32_t letters_of(const unsigned char *s, size_t n)
{
    uint32_t m = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned c = brief__ascii_lower(s[i]) - 'a';
        if (c < 26u)
            m |= (uint32_t)1 << c;
    }
    return m;
}

/* have: letters_of(s, n), computed once for the several lists an
 * attribute is read against. (A word whose first three letters are not
 * all among those of s is not looked for: the class lists of a page are
 * read against some 80 words, and most of them are ruled out so.) */
static int any_of(const unsigned char *s, size_t n, uint32_t have,
                  const char *list)
{
    size_t m;
    for (; *list; list += m + 1) {
        m = strlen(list);
        if (!(letters_of((const unsigned char *)list, m < 3 ? m : 3) &
              ~have) &&
            ci_find(s, n, list) != NPOS)
            return 1;
    }
    return 0;
}

/* readability's regular expressions, as lists of substrings (any_of). */
static const char re_unlikely[] =
    "-ad-\0" "ai2html\0" "banner\0" "breadcrumbs\0" "combx\0" "comment\0"
    "community\0" "cover-wrap\0" "disqus\0" "extra\0" "footer\0" "gdpr\0"
    "header\0" "legends\0" "menu\0" "related\0" "remark\0" "replies\0"
    "rss\0" "shoutbox\0" "sidebar\0" "skyscraper\0" "social\0" "sponsor\0"
    "supplemental\0" "ad-break\0" "agegate\0" "pagination\0" "pager\0"
    "popup\0" "yom-remote\0"
    /* not readability's: a disclaimer or an advertising disclosure speaks
     * about the page, not the story */
    "disclaimer\0" "disclosure\0";
/* Not in readability: cookie and consent banners, removed in every pass,
 * and author boxes: the writer's photo and biography after (or before)
 * the article ("author-box", "AuthorBio", "about-the-author"), not part of
 * it (readability's byline rule drops one short byline only). */
static const char re_banner[] =
    "cookie\0" "consent\0" "authorb\0" "author-b\0" "author_b\0"
    "authorinf\0" "author-inf\0" "about-author\0" "about-the-author\0"
    "autorbox\0" "autor-box\0";
/* Not in readability: a caption or a picture's credit marked up by its
 * class ("wp-caption-text", "media__caption", "legend", French "légende",
 * "photo-credit", "image-copyright"), which is what <figcaption> is by its
 * tag (extract.c drops a short one beside a picture, see captioned()). */
static const char re_caption[] =
    "caption\0" "legend\0" "credit\0" "copyright\0";
/* Not in readability: a newsletter sign-up box (extract.c drops a short
 * one: a wrapper of more may hold more than the box). */
static const char re_signup[] = "newsletter\0";
static const char re_maybe[] =
    "and\0" "article\0" "body\0" "column\0" "content\0" "main\0" "mathjax\0"
    "shadow\0";
static const char re_positive[] =
    "article\0" "body\0" "content\0" "entry\0" "hentry\0" "h-entry\0"
    "main\0" "page\0" "pagination\0" "post\0" "text\0" "blog\0" "story\0";
static const char re_negative[] =
    "-ad-\0" "banner\0" "combx\0" "comment\0" "com-\0" "contact\0" "footer\0"
    "gdpr\0" "masthead\0" "media\0" "meta\0" "outbrain\0" "promo\0"
    "related\0" "scroll\0" "share\0" "shoutbox\0" "sidebar\0" "skyscraper\0"
    "sponsor\0" "shopping\0" "tags\0" "widget\0";
static const char re_byline[] =
    "byline\0" "author\0" "dateline\0" "writtenby\0" "p-author\0";

/* The word "hid" alone (readability: ^hid$| hid$| hid |^hid ). */
static int has_hid_word(const unsigned char *s, size_t n)
{
    size_t i;
    for (i = 0; i + 3 <= n; i++) {
        if (ci_eq(s + i, 3, "hid") && (i == 0 || s[i - 1] == ' ') &&
            (i + 3 == n || s[i + 3] == ' '))
            return 1;
    }
    return 0;
}

/* readability's shareElements: (\b|_)(share|sharedaddy)(\b|_) */
static int has_share(const unsigned char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        k = ci_find(s + i, n - i, "share");
        if (k == NPOS)
            return 0;
        k += i;
        /* (\b|_) on both sides: not glued to a letter or digit */
        if (k == 0 || !brief__ascii_is_alnum(s[k - 1])) {
            size_t e = k + 5;
            if (e + 5 <= n && ci_eq(s + e, 5, "daddy"))
                e += 5;
            if (e == n || !brief__ascii_is_alnum(s[e]))
                return 1;
        }
        i = k + 1;
    }
    return 0;
}

/*
 * Visibility by class, as a browser on a desktop screen applies the common
 * CSS frameworks' utility classes (Bootstrap 3-5, Foundation, Tailwind,
 * WordPress): returns 1 if the element with class list s[0..n) is not
 * shown there, 0 if it is.
 *
 *  - Hidden everywhere: "hidden", "is-hidden", "hide", "d-none" (display:
 *    none), and the screen-reader-only classes "sr-only",
 *    "visually-hidden", "screen-reader-text", "element-invisible" (clipped
 *    to one pixel: meant for screen readers, not part of what is read).
 *  - Hidden on a desktop only: "hidden-lg", "hidden-md", "hidden-xl",
 *    "hidden-desktop", "hide-for-large", "d-lg-none", "d-md-none",
 *    "d-xl-none", "visible-xs", "visible-sm" (shown on phones only).
 *  - A class that only hides on small screens ("hidden-xs", "hidden-sm",
 *    "hidden-mobile", "d-sm-none", "hide-for-small") leaves it shown, and a
 *    "display on larger screens" class ("d-md-block", "d-lg-flex",
 *    "md:block" ...) beside "d-none"/"hidden" wins over it.
 * Class names are whole words of the list, ASCII case ignored.
 */
/* 1 if the class name w[0..n) is a word of list (words between single
 * spaces, lower case, the list starting and ending with a space). */
static int word_of(const char *list, const unsigned char *w, size_t n)
{
    size_t i, j;
    for (i = 1; list[i]; i++) {
        if (list[i - 1] != ' ')
            continue;
        for (j = 0; j < n && list[i + j] == (char)brief__ascii_lower(w[j]); j++)
            ;
        if (j == n && list[i + j] == ' ')
            return 1;
    }
    return 0;
}

static int class_hides(const unsigned char *s, size_t n)
{
    /* one string, not a table of pointers: smaller in the static binary */
    static const char hides[] =
        " hidden is-hidden hide d-none sr-only visually-hidden"
        " screen-reader-text element-invisible hidden-lg hidden-md"
        " hidden-xl hidden-desktop hide-for-large d-lg-none d-md-none"
        " d-xl-none visible-xs visible-sm ";
    size_t i = 0;
    int hide = 0, show = 0;
    while (i < n) {
        size_t j = i, m;
        while (j < n && !brief__html_is_ws(s[j]))
            j++;
        hide |= word_of(hides, s + i, j - i);
        /* d-md-*, d-lg-*, d-xl-*, md:*, lg:*, xl:* other than none/hidden */
        m = (j - i > 5 && brief__ascii_lower(s[i]) == 'd' && s[i + 1] == '-' &&
             s[i + 4] == '-') ? 2 : 0;
        if ((ci_prefix(s + i + m, j - i - m, "md") ||
             ci_prefix(s + i + m, j - i - m, "lg") ||
             ci_prefix(s + i + m, j - i - m, "xl")) &&
            j - i > m + 3 && (s[i + m + 2] == (m ? '-' : ':')) &&
            !ci_eq(s + i + m + 3, j - i - m - 3, "none") &&
            !ci_eq(s + i + m + 3, j - i - m - 3, "hidden"))
            show = 1;
        i = j;
        while (i < n && brief__html_is_ws(s[i]))
            i++;
    }
    return hide && !show;
}

/*
 * What a class or id value says, read once per distinct value: a page
 * repeats a few class lists on most of its elements ("paragraph" on every
 * <p>), and reading one against the ~100 words of the lists above costs
 * thousands of instructions. The last value seen in each of MEMO slots
 * (by a hash of its bytes) is kept with its answer; a value is compared
 * byte for byte before its answer is reused, so the memo changes no
 * result. The words of the lists hold no space, so a word found in
 * "class id" is found in the class or in the id: their answers combine
 * by or.
 */
#define AM_UNLIKELY 1u
#define AM_MAYBE    2u
#define AM_BANNER   4u
#define AM_BYLINE   8u
#define AM_SHARE    16u
#define AM_HIDES    32u   /* class_hides() */
#define AM_WPOS     64u   /* readability's weight +25 ... */
#define AM_WNEG     128u  /* ... and -25 (both: 0) */
#define AM_CAPTION  256u
#define AM_SIGNUP   512u
#define MEMO 64

struct brief__attr_memo {
    size_t off, len;      /* the value's bytes in the input; len 0: empty */
    uint32_t hash;
    unsigned bits;
};

static unsigned attr_bits(hparse *P, size_t off, size_t len)
{
    const unsigned char *s = P->s + off;
    static const char *const lists[5] = {re_unlikely, re_maybe, re_banner,
                                         re_byline, re_positive};
    uint32_t h = 2166136261u, have;
    size_t i;
    unsigned b = 0, k;
    brief__attr_memo *m = NULL;
    if (len == 0)
        return 0;
    for (i = 0; i < len; i++)
        h = (h ^ s[i]) * 16777619u;
    if (!P->memo) { /* no memory for it: every value is read afresh */
        P->memo = (brief__attr_memo *)brief__alloc(P->a,
                                                   MEMO * sizeof *P->memo);
        if (P->memo)
            memset(P->memo, 0, MEMO * sizeof *P->memo);
    }
    if (P->memo) {
        m = &P->memo[h % MEMO];
        if (m->len == len && m->hash == h &&
            memcmp(P->s + m->off, s, len) == 0)
            return m->bits;
    }
    have = letters_of(s, len);
    for (k = 0; k < 5; k++) /* AM_UNLIKELY ... AM_BYLINE, AM_WPOS */
        if (any_of(s, len, have, lists[k]))
            b |= 1u << (k == 4 ? 6 : k);
    if (any_of(s, len, have, re_caption))
        b |= AM_CAPTION;
    if (any_of(s, len, have, re_signup))
        b |= AM_SIGNUP;
    if (has_share(s, len))
        b |= AM_SHARE;
    if (class_hides(s, len))
        b |= AM_HIDES;
    /* readability's weight: -25 for a negative word, +25 for a positive
     * one. Its negative pattern has the bare word "hidden", which also
     * caught "hidden-xs", shown on a desktop: it counts here only where
     * the class really hides the element. */
    if (any_of(s, len, have, re_negative) ||
        ((b & AM_HIDES) && ci_find(s, len, "hidden") != NPOS) ||
        has_hid_word(s, len))
        b |= AM_WNEG;
    if (m) {
        m->off = off;
        m->len = len;
        m->hash = h;
        m->bits = b;
    }
    return b;
}

static int bits_weight(unsigned b)
{
    return ((b & AM_WPOS) ? 25 : 0) - ((b & AM_WNEG) ? 25 : 0);
}

/* style="display: none" or "visibility: hidden" */
static int style_hidden(const unsigned char *s, size_t n)
{
    static const char *const prop[2] = {"display", "visibility"};
    static const char *const val[2] = {"none", "hidden"};
    int k;
    for (k = 0; k < 2; k++) {
        size_t i = 0, f;
        while (i < n && (f = ci_find(s + i, n - i, prop[k])) != NPOS) {
            size_t j = i + f + strlen(prop[k]), m = strlen(val[k]);
            while (j < n && brief__html_is_ws(s[j]))
                j++;
            if (j < n && s[j] == ':') {
                j++;
                while (j < n && brief__html_is_ws(s[j]))
                    j++;
                if (j + m <= n && ci_eq(s + j, m, val[k]))
                    return 1;
            }
            i += f + 1;
        }
    }
    return 0;
}

static int span_is(const hparse *P, const span *v, const char *lit)
{
    size_t off = v->off, len = v->len;
    while (len && brief__html_is_ws(P->s[off])) {
        off++;
        len--;
    }
    while (len && brief__html_is_ws(P->s[off + len - 1]))
        len--;
    return v->set && ci_eq(P->s + off, len, lit);
}

/* readability's unlikely roles */
static int bad_role(const hparse *P, const span *r)
{
    static const char *const roles[] = {"menu", "menubar", "complementary",
        "navigation", "alert", "alertdialog", "dialog", NULL};
    const char *const *k;
    for (k = roles; *k; k++)
        if (span_is(P, r, *k))
            return 1;
    return 0;
}

/* Known video hosts: their iframes and embeds do not count as clutter. */
static int video_src(const hparse *P, const span *v)
{
    static const char hosts[] =
        "youtube.com\0" "youtube-nocookie\0" "player.vimeo\0"
        "dailymotion.com\0" "v.qq.com\0" "archive.org\0"
        "upload.wikimedia.org\0" "player.twitch.tv\0";
    return v->set && any_of(P->s + v->off, v->len,
                            letters_of(P->s + v->off, v->len), hosts);
}

/* ---- parse: open elements --------------------------------------------- */

static size_t intern(hparse *P, size_t off, size_t len);

/* 1 if some member of group g is open anywhere. */
static int group_open(const hparse *P, int g)
{
    switch (g) {
    case G_P: return P->open[T_P] != 0;
    case G_LI: return P->open[T_LI] != 0;
    case G_DD: return P->open[T_DD] + P->open[T_DT] != 0;
    case G_CELL: return P->open[T_TD] + P->open[T_TH] != 0;
    case G_TR: return P->open[T_TR] != 0;
    case G_A: return P->open[T_A] != 0;
    case G_OPT: return P->open[T_OPTION] != 0;
    default: return 0;
    }
}

/* How far up an implied end tag looks for its element. Real pages nest
 * a few levels of inline markup inside a <p> or <li>; a bound keeps
 * adversarial nesting (<p><table> and then 100,000 spans) linear. */
#define SCOPE_WALK 64

/* The open member of group g in scope (no boundary such as <table> in
 * between, at most SCOPE_WALK levels up), or NPOS. */
static size_t open_in_scope(const hparse *P, int g)
{
    size_t i = P->cur, steps;
    if (!group_open(P, g))
        return NPOS;
    for (steps = 0; i != 0 && steps < SCOPE_WALK; steps++) {
        const hnode *x = brief__html_node(P, i);
        if (tag_group(x->tag) == g)
            return i;
        if (tag_bounds(x->tag) & (1u << g))
            return NPOS;
        i = x->parent;
    }
    return NPOS;
}

static int push_element(hparse *P, unsigned tag, size_t name,
                        const hattrs *at)
{
    unsigned fl = tag_flags(tag);
    hnode *x, *par;
    size_t idx = P->nn, parent = P->cur;
    if (fl & TF_BLOCK)
        if (!emit_break(P))
            return PUSH_FAIL;
    if (P->nn >= P->max_nodes)
        return PUSH_SKIP;
    x = new_node(P);
    if (!x)
        return PUSH_FAIL;
    par = brief__html_node(P, parent);
    x->parent = parent;
    x->name = name;
    x->tag = tag;
    x->tf = fl;
    x->seg_start = P->ns;
    x->drop = par->drop;
    x->link = par->link;
    par->kids0++;
    if (at) {
        unsigned cb = attr_bits(P, at->cls.off, at->cls.len),
                 ib = attr_bits(P, at->id.off, at->id.len), u = cb | ib;
        if (at->hidden.set ||
            style_hidden(P->s + at->style.off, at->style.len) ||
            (cb & AM_HIDES) ||
            (span_is(P, &at->aria_hidden, "true") &&
             ci_find(P->s + at->cls.off, at->cls.len, "fallback-image") ==
                 NPOS))
            x->flags |= N_HIDDEN;
        /* readability matches "class id" as one string; here too only
         * while the two fit in 512 bytes together */
        if (at->cls.len + at->id.len + 1 <= 512) {
            if ((u & AM_UNLIKELY) && !(u & AM_MAYBE))
                x->flags |= N_UNLIKELY;
            if (u & AM_BANNER)
                x->flags |= N_BANNER;
            if (u & AM_BYLINE)
                x->flags |= N_BYLINE;
            if (u & AM_SHARE)
                x->flags |= N_SHARE;
            if (u & AM_CAPTION)
                x->flags |= N_CAPTION;
            if (u & AM_SIGNUP)
                x->flags |= N_SIGNUP;
        }
        if (span_is(P, &at->rel, "author") ||
            (at->itemprop.set && ci_find(P->s + at->itemprop.off,
                                         at->itemprop.len, "author") != NPOS))
            x->flags |= N_BYLINE;
        if (bad_role(P, &at->role))
            x->flags |= N_BADROLE;
        if (span_is(P, &at->aria_modal, "true") &&
            span_is(P, &at->role, "dialog"))
            x->flags |= N_MODAL;
        if (span_is(P, &at->role, "presentation") ||
            span_is(P, &at->datatable, "0"))
            x->flags |= N_NOTDATA;
        if (at->summary.set && at->summary.len)
            x->flags |= N_SUMMARY;
        if (tag == T_A && at->href.len >= 2 && P->s[at->href.off] == '#')
            x->flags |= N_HASHLINK;
        if (tag == T_OBJECT && !video_src(P, &at->src))
            par->embed++;
        x->weight = bits_weight(cb) + bits_weight(ib);
        x->cls_off = at->cls.off;
        x->cls_len = at->cls.len;
    }
    if ((fl & TF_DROP) || (x->flags & N_HIDDEN))
        x->drop = 1;
    if (tag == T_A)
        x->link = (x->flags & N_HASHLINK) ? 3 : 10;
    if (tag == T_H1 && !x->drop)
        P->h1_count++;
    if (name < P->capo)
        P->open[name]++;
    P->cur = idx;
    return PUSH_DONE;
}

static void pop_element(hparse *P)
{
    hnode *x = cur(P);
    if (P->cur == 0)
        return;
    x->end = P->nn;
    x->seg_end = P->ns;
    if (x->name < P->capo && P->open[x->name])
        P->open[x->name]--;
    P->cur = x->parent;
    if (x->tf & TF_BLOCK)
        (void)emit_break(P); /* a failed break only loses a paragraph split */
}

/* Pop the open elements down to and including node i (an open one). */
static void pop_through(hparse *P, size_t i)
{
    while (P->cur != 0) {
        size_t c = P->cur;
        pop_element(P);
        if (c == i)
            break;
    }
}

static size_t str_hash(const unsigned char *s, size_t n)
{
    size_t h = 2166136261u, i;
    for (i = 0; i < n; i++)
        h = (h ^ brief__ascii_lower(s[i])) * 16777619u;
    return h;
}

/* The slot of the unknown tag name s[off..off+len) (str_hash h) in the
 * table P->names (capnames > 0): the one that holds it (any case), or the
 * empty one where it would go. */
static size_t name_slot(const hparse *P, size_t off, size_t len, size_t h)
{
    size_t i, k;
    for (i = h & (P->capnames - 1); P->names[i].len;
         i = (i + 1) & (P->capnames - 1)) {
        const iname *o = &P->names[i];
        if (o->hash == h && o->len == len) {
            for (k = 0; k < len; k++)
                if (brief__ascii_lower(P->s[o->off + k]) != brief__ascii_lower(P->s[off + k]))
                    break;
            if (k == len)
                return i;
        }
    }
    return i;
}

/* The id of an unknown tag name (ids from T_COUNT up); NPOS on no memory. */
static size_t intern(hparse *P, size_t off, size_t len)
{
    size_t h = str_hash(P->s + off, len), i, k;
    if (P->nnames * 2 >= P->capnames) {
        size_t nc = P->capnames ? P->capnames * 2 : 64;
        iname *t;
        if (nc > ((size_t)-1) / sizeof *t)
            return NPOS;
        t = (iname *)brief__alloc(P->a, nc * sizeof *t);
        if (!t)
            return NPOS;
        for (i = 0; i < nc; i++)
            t[i].len = 0;
        for (k = 0; k < P->capnames; k++) {
            iname *o = &P->names[k];
            if (!o->len)
                continue;
            for (i = o->hash & (nc - 1); t[i].len; i = (i + 1) & (nc - 1))
                ;
            t[i] = *o;
        }
        P->names = t;
        P->capnames = nc;
    }
    i = name_slot(P, off, len, h);
    if (P->names[i].len)
        return P->names[i].id;
    if (!grow_open(P, P->next_id + 1))
        return NPOS;
    P->names[i].off = off;
    P->names[i].len = len;
    P->names[i].hash = h;
    P->names[i].id = P->next_id++;
    P->nnames++;
    return P->names[i].id;
}

/* ---- parse: the tokenizer ----------------------------------------------- */

/* First position >= from of the byte c, caching failure in *none. */
static size_t find_byte(hparse *P, size_t from, unsigned char c, size_t *none)
{
    const unsigned char *q;
    if (from >= P->n || from >= *none)
        return NPOS;
    q = (const unsigned char *)memchr(P->s + from, c, P->n - from);
    if (!q) {
        *none = from;
        return NPOS;
    }
    return (size_t)(q - P->s);
}

/* First position >= from of the string lit, caching failure in *none. */
static size_t find_str(hparse *P, size_t from, const char *lit, size_t *none)
{
    size_t m = strlen(lit), start = from;
    while (from < P->n && from < *none) {
        const unsigned char *q = (const unsigned char *)memchr(
            P->s + from, (unsigned char)lit[0], P->n - from);
        size_t p;
        if (!q)
            break;
        p = (size_t)(q - P->s);
        if (p + m > P->n)
            break;
        if (memcmp(P->s + p, lit, m) == 0)
            return p;
        from = p + 1;
    }
    if (start < *none)
        *none = start;
    return NPOS;
}

/* 1 if s[p..] starts "<name" (with end: "</name") followed by a delimiter
 * or the end of the input. */
static int tag_at(const hparse *P, size_t p, const char *name, int end)
{
    size_t q = p + (end ? 2u : 1u);
    if (q > P->n || P->s[p] != '<' || (end && P->s[p + 1] != '/') ||
        !ci_prefix(P->s + q, P->n - q, name))
        return 0;
    q += strlen(name);
    return q == P->n || brief__html_is_ws(P->s[q]) || P->s[q] == '/' ||
           P->s[q] == '>';
}

/*
 * The end of the raw text of <name> that starts at from: the position of
 * its "</name", or NPOS. Script text follows HTML's escape rules, so that
 * "<!-- <script></script> -->" inside a script does not end it.
 */
static size_t raw_end(hparse *P, size_t from, unsigned tag, const char *name)
{
    size_t p = from;
    int state = 0; /* 0 normal, 1 in <!-- escape, 2 double escaped */
    if (from >= P->no_raw[tag])
        return NPOS;
    while (p < P->n) {
        const unsigned char *q;
        if (tag == T_SCRIPT && state) {
            /* watch for "-->" too */
            size_t k;
            for (k = p; k < P->n && P->s[k] != '<' && P->s[k] != '-'; k++)
                ;
            if (k >= P->n)
                break;
            p = k;
            if (P->s[p] == '-') {
                if (p + 2 < P->n && P->s[p + 1] == '-' && P->s[p + 2] == '>') {
                    state = 0;
                    p += 3;
                } else {
                    p++;
                }
                continue;
            }
        } else {
            q = (const unsigned char *)memchr(P->s + p, '<', P->n - p);
            if (!q)
                break;
            p = (size_t)(q - P->s);
        }
        if (tag_at(P, p, name, 1)) {
            if (state == 2) {
                state = 1;
                p += 2;
                continue;
            }
            return p;
        }
        if (tag == T_SCRIPT) {
            if (state == 0 && p + 4 <= P->n &&
                memcmp(P->s + p, "<!--", 4) == 0) {
                state = 1;
                p += 4;
                continue;
            }
            if (state == 1 && tag_at(P, p, "script", 0)) {
                state = 2;
                p += 7;
                continue;
            }
        }
        p++;
    }
    /* Past a failed search, later ones fail too (for script this is an
     * approximation, accepted to keep the time linear). */
    P->no_raw[tag] = from;
    return NPOS;
}

/* Parse attributes from p (just after the tag name) to the closing '>'.
 * Returns the position after '>', or NPOS when the tag never ends. */
static size_t parse_attrs(hparse *P, size_t p, hattrs *at, int *selfclose)
{
    const unsigned char *s = P->s;
    size_t n = P->n;
    *selfclose = 0;
    for (;;) {
        size_t ns, nl, vs = 0, vl = 0;
        while (p < n && (brief__html_is_ws(s[p]) || s[p] == '/')) {
            *selfclose = s[p] == '/';
            p++;
        }
        if (p >= n)
            return NPOS;
        if (s[p] == '>')
            return p + 1;
        *selfclose = 0;
        ns = p;
        p++; /* the first character may be '=' */
        while (p < n && !brief__html_is_ws(s[p]) && s[p] != '/' &&
               s[p] != '>' && s[p] != '=')
            p++;
        nl = p - ns;
        while (p < n && brief__html_is_ws(s[p]))
            p++;
        if (p < n && s[p] == '=') {
            p++;
            while (p < n && brief__html_is_ws(s[p]))
                p++;
            if (p < n && (s[p] == '"' || s[p] == '\'')) {
                unsigned char qc = s[p];
                size_t q = find_byte(P, p + 1, qc,
                                     qc == '"' ? &P->no_dq : &P->no_sq);
                if (q == NPOS) {
                    /* Unterminated quote: end the value (and the tag) at
                     * the next '>' instead of swallowing the page. */
                    q = find_byte(P, p + 1, '>', &P->no_gt);
                    if (q == NPOS)
                        return NPOS;
                    vs = p + 1;
                    vl = q - vs;
                    p = q;
                } else {
                    vs = p + 1;
                    vl = q - vs;
                    p = q + 1;
                }
            } else {
                vs = p;
                while (p < n && !brief__html_is_ws(s[p]) && s[p] != '>')
                    p++;
                vl = p - vs;
            }
        } else {
            vs = p;
            vl = 0;
        }
        if (at) {
            span v;
            span *dst = NULL;
            v.off = vs;
            v.len = vl;
            v.set = 1;
            switch (nl) {
            case 2:
                if (ci_eq(s + ns, nl, "id")) dst = &at->id;
                break;
            case 3:
                if (ci_eq(s + ns, nl, "rel")) dst = &at->rel;
                else if (ci_eq(s + ns, nl, "src")) dst = &at->src;
                break;
            case 4:
                if (ci_eq(s + ns, nl, "role")) dst = &at->role;
                else if (ci_eq(s + ns, nl, "href")) dst = &at->href;
                else if (ci_eq(s + ns, nl, "name")) dst = &at->name;
                else if (ci_eq(s + ns, nl, "type")) dst = &at->type;
                break;
            case 5:
                if (ci_eq(s + ns, nl, "class")) dst = &at->cls;
                else if (ci_eq(s + ns, nl, "style")) dst = &at->style;
                break;
            case 6:
                if (ci_eq(s + ns, nl, "hidden")) dst = &at->hidden;
                break;
            case 7:
                if (ci_eq(s + ns, nl, "content")) dst = &at->content;
                else if (ci_eq(s + ns, nl, "summary")) dst = &at->summary;
                break;
            case 8:
                if (ci_eq(s + ns, nl, "itemprop")) dst = &at->itemprop;
                else if (ci_eq(s + ns, nl, "property")) dst = &at->property;
                break;
            case 9:
                if (ci_eq(s + ns, nl, "datatable")) dst = &at->datatable;
                break;
            case 10:
                if (ci_eq(s + ns, nl, "aria-modal")) dst = &at->aria_modal;
                break;
            case 11:
                if (ci_eq(s + ns, nl, "aria-hidden")) dst = &at->aria_hidden;
                break;
            default:
                break;
            }
            if (dst && !dst->set) /* the first of duplicates counts */
                *dst = v;
        }
    }
}

/* readability's order of preference for a title in <meta>. */
static int meta_title_prio(const unsigned char *s, size_t n)
{
    static const char *const keys[] = {"dc:title", "dcterm:title", "og:title",
        "weibo:article:title", "weibo:webpage:title", "title", "twitter:title",
        NULL};
    size_t i = 0;
    int best = 0;
    while (i < n) {
        unsigned char w[20]; /* longer than every key */
        size_t j, k;
        int r;
        while (i < n && brief__html_is_ws(s[i]))
            i++;
        for (j = i; j < n && !brief__html_is_ws(s[j]); j++)
            ;
        if (j - i < sizeof w) {
            /* "og.title" reads as "og:title" */
            for (k = i; k < j; k++)
                w[k - i] = (unsigned char)(s[k] == '.' ? ':' : s[k]);
            for (r = 0; keys[r]; r++)
                if (ci_eq(w, j - i, keys[r]) && (!best || r + 1 < best))
                    best = r + 1;
        }
        i = j;
    }
    return best;
}

static void handle_meta(hparse *P, const hattrs *at)
{
    int prio = 0, p2;
    if (!at->content.set || at->content.len == 0)
        return;
    if (at->property.set)
        prio = meta_title_prio(P->s + at->property.off, at->property.len);
    if (at->name.set) {
        p2 = meta_title_prio(P->s + at->name.off, at->name.len);
        if (p2 && (!prio || p2 < prio))
            prio = p2;
    }
    if (prio && (!P->meta_prio || prio < P->meta_prio)) {
        P->meta_prio = prio;
        P->meta_off = at->content.off;
        P->meta_len = at->content.len;
    }
}

/*
 * A JSON-LD script (schema.org metadata) s[from..to): the longest string
 * value of an "articleBody" key is noted. Pages that render the article
 * with JavaScript often carry its text only there. One pass over the
 * script: each key is found with memchr and one comparison.
 */
static void json_ld_body(hparse *P, size_t from, size_t to)
{
    static const char key[] = "\"articleBody\"";
    const unsigned char *s = P->s;
    size_t i = from, k = sizeof key - 1;
    while (i + k < to) {
        const unsigned char *q =
            (const unsigned char *)memchr(s + i, '"', to - i - k);
        size_t j, st;
        if (!q)
            return;
        i = (size_t)(q - s);
        if (memcmp(s + i, key, k) != 0) {
            i++;
            continue;
        }
        j = i + k;
        while (j < to && brief__html_is_ws(s[j]))
            j++;
        if (j >= to || s[j] != ':') {
            i = j;
            continue;
        }
        j++;
        while (j < to && brief__html_is_ws(s[j]))
            j++;
        if (j >= to || s[j] != '"') {
            i = j;
            continue;
        }
        st = ++j;
        while (j < to && s[j] != '"')
            j += s[j] == '\\' ? 2 : 1;
        if (j >= to)
            return;
        if (j - st > P->ld_len) {
            P->ld_off = st;
            P->ld_len = j - st;
        }
        i = j + 1;
    }
}

/* Close the open member of each group this start tag implies the end of. */
static void implied_ends(hparse *P, unsigned closes)
{
    int g;
    for (g = 0; g < N_GROUPS; g++)
        if (closes & (1u << g)) {
            size_t i = open_in_scope(P, g);
            if (i != NPOS)
                pop_through(P, i);
        }
}

/* Start tag <tag ...> whose attributes are at; p is after its '>'.
 * Returns the position to continue from, or NPOS on no memory. */
static size_t handle_start(hparse *P, unsigned tag, size_t name_off,
                           size_t name_len, const hattrs *at, int selfclose,
                           size_t p)
{
    unsigned fl = tag_flags(tag);
    size_t name = tag;
    int r;
    if (tag == T_HTML || tag == T_HEAD || tag == T_BODY || tag == T_FRAMESET)
        return p;
    if (fl & TF_RAW) {
        const char *rn = tag_name(tag);
        size_t e;
        if (!(fl & TF_PHRASE) && cur(P)->tag == T_ANON)
            pop_element(P);
        if (tag == T_IFRAME && !video_src(P, &at->src))
            cur(P)->embed++;
        e = raw_end(P, p, tag, rn);
        if (e == NPOS) {
            /* Unterminated: skip to the next tag, not to the end. */
            const unsigned char *q = (const unsigned char *)memchr(
                P->s + p, '<', P->n - p);
            return q ? (size_t)(q - P->s) : P->n;
        }
        if (tag == T_NOSCRIPT && e - p > P->nos_len) {
            P->nos_off = p;
            P->nos_len = e - p;
        }
        if (tag == T_SCRIPT && at->type.set &&
            ci_find(P->s + at->type.off, at->type.len, "ld+json") != NPOS)
            json_ld_body(P, p, e);
        if (tag == T_TITLE && !P->have_title && !cur(P)->drop) {
            size_t len;
            P->title_off = brief__html_decode(P, p, e, 0, &len);
            P->title_len = len;
            P->have_title = 1;
        }
        /* skip the end tag */
        {
            const unsigned char *q = (const unsigned char *)memchr(
                P->s + e, '>', P->n - e);
            return q ? (size_t)(q - P->s) + 1 : P->n;
        }
    }
    if (tag == T_BR) {
        return emit_break(P) ? p : NPOS;
    }
    if (fl & TF_VOID) {
        hnode *x;
        if (tag == T_META) {
            handle_meta(P, at);
            return p;
        }
        if (tag == T_HR) {
            implied_ends(P, 1u << G_P);
            if (cur(P)->tag == T_ANON)
                pop_element(P);
        } else if ((fl & TF_PHRASE) && !cur(P)->drop && cur(P)->tag == T_DIV &&
                   tag != T_WBR) {
            if (push_element(P, T_ANON, T_ANON, NULL) == PUSH_FAIL)
                return NPOS;
        }
        x = cur(P);
        if (x->drop)
            return p;
        x->kids0++;
        x->voids++;
        if (tag == T_IMG || tag == T_IMAGE)
            x->img++;
        else if (tag == T_INPUT)
            x->input++;
        else if (tag == T_EMBED && !video_src(P, &at->src))
            x->embed++;
        else if (tag == T_HR) {
            x->brhr++;
            if (!emit_break(P))
                return NPOS;
        } else if (tag == T_COL)
            x->flags |= N_HASCOL;
        return p;
    }
    if (tag == T_UNKNOWN) {
        name = intern(P, name_off, name_len);
        if (name == NPOS)
            return NPOS;
    }
    implied_ends(P, tag_closes(tag));
    if ((fl & TF_HEAD) && (cur(P)->tf & TF_HEAD))
        pop_element(P);
    if (!(fl & TF_PHRASE) && cur(P)->tag == T_ANON)
        pop_element(P);
    if ((fl & TF_PHRASE) && !cur(P)->drop && cur(P)->tag == T_DIV)
        if (push_element(P, T_ANON, T_ANON, NULL) == PUSH_FAIL)
            return NPOS;
    r = push_element(P, tag, name, at);
    if (r == PUSH_FAIL)
        return NPOS;
    if (r == PUSH_DONE && selfclose)
        pop_element(P);
    return p;
}

static void handle_end(hparse *P, unsigned tag, size_t name_off,
                       size_t name_len)
{
    int g = tag_group(tag);
    size_t name = tag;
    if (tag == T_HTML || tag == T_HEAD || tag == T_BODY || tag == T_FRAMESET)
        return;
    if (tag == T_BR) { /* </br> is read as <br> */
        (void)emit_break(P);
        return;
    }
    if (g >= 0 && g != G_TR) {
        /* </p>, </li>, </td>, </a>, ...: only an open one in scope */
        size_t i = open_in_scope(P, g);
        if (i != NPOS)
            pop_through(P, i);
        else if (tag == T_P)
            (void)emit_break(P); /* a stray </p> still ends a paragraph */
        return;
    }
    if (tag == T_UNKNOWN) {
        size_t i;
        /* look the name up without interning it */
        if (!P->capnames)
            return;
        i = name_slot(P, name_off, name_len,
                      str_hash(P->s + name_off, name_len));
        if (!P->names[i].len)
            return; /* never opened */
        name = P->names[i].id;
    }
    if ((tag_flags(tag) & TF_HEAD) && P->open[name] == 0) {
        /* </h3> closes whatever heading is open */
        unsigned h;
        for (h = T_H1; h <= T_H6; h++)
            if (P->open[h]) {
                name = h;
                break;
            }
    }
    if (name >= P->capo || P->open[name] == 0)
        return; /* stray end tag */
    /* pop until the element with this name is popped; open[] says it is
     * on the chain, so this ends, and the pops are paid by the pushes */
    while (P->cur != 0) {
        int hit = cur(P)->name == name;
        pop_element(P);
        if (hit)
            break;
    }
}

/* The end of the tag name that starts at s[k]: the first whitespace, '/'
 * or '>' (or n). */
static size_t name_end(const unsigned char *s, size_t n, size_t k)
{
    while (k < n && !brief__html_is_ws(s[k]) && s[k] != '/' && s[k] != '>')
        k++;
    return k;
}

static int parse(hparse *P)
{
    const unsigned char *s = P->s;
    size_t n = P->n, i = 0, k;
    while (i < n) {
        size_t j;
        if (s[i] != '<') {
            const unsigned char *q = (const unsigned char *)memchr(
                s + i, '<', n - i);
            j = q ? (size_t)(q - s) : n;
            if (!emit_text(P, i, j, 0))
                return 0;
            i = j;
            continue;
        }
        if (i + 1 >= n) {
            if (!emit_text(P, i, n, 0))
                return 0;
            break;
        }
        if (s[i + 1] == '!') {
            if (i + 4 <= n && s[i + 2] == '-' && s[i + 3] == '-') {
                /* comment; "<!-->" and "<!--->" are empty ones */
                size_t e;
                if (i + 4 < n && s[i + 4] == '>') {
                    i += 5;
                    continue;
                }
                if (i + 5 < n && s[i + 4] == '-' && s[i + 5] == '>') {
                    i += 6;
                    continue;
                }
                e = find_str(P, i + 4, "-->", &P->no_comment);
                if (e != NPOS) {
                    i = e + 3;
                    continue;
                }
                /* unterminated: end it at the next '>' */
                e = find_byte(P, i + 4, '>', &P->no_gt);
                i = e == NPOS ? i + 4 : e + 1;
                continue;
            }
            if (i + 9 <= n && memcmp(s + i + 2, "[CDATA[", 7) == 0) {
                size_t e = find_str(P, i + 9, "]]>", &P->no_cdata);
                if (e == NPOS) {
                    i += 9; /* unterminated: just drop the marker */
                    continue;
                }
                if (!emit_text(P, i + 9, e, 1))
                    return 0;
                i = e + 3;
                continue;
            }
            /* doctype and other bogus comments */
            j = find_byte(P, i + 2, '>', &P->no_gt);
            i = j == NPOS ? i + 2 : j + 1;
            continue;
        }
        if (s[i + 1] == '?') {
            j = find_byte(P, i + 2, '>', &P->no_gt);
            i = j == NPOS ? i + 2 : j + 1;
            continue;
        }
        if (s[i + 1] == '/') {
            int sc;
            if (i + 2 < n && brief__ascii_is_alpha(s[i + 2])) {
                size_t ns = i + 2;
                k = name_end(s, n, ns);
                j = parse_attrs(P, k, NULL, &sc);
                if (j == NPOS)
                    break; /* an end tag cut off by the end of the input */
                handle_end(P, tag_lookup(s + ns, k - ns), ns, k - ns);
                i = j;
                continue;
            }
            if (i + 2 < n && s[i + 2] == '>') {
                i += 3;
                continue;
            }
            j = find_byte(P, i + 2, '>', &P->no_gt);
            i = j == NPOS ? i + 2 : j + 1;
            continue;
        }
        if (brief__ascii_is_alpha(s[i + 1])) {
            hattrs at;
            int sc;
            size_t ns = i + 1;
            unsigned tag;
            k = name_end(s, n, ns);
            memset(&at, 0, sizeof at);
            j = parse_attrs(P, k, &at, &sc);
            if (j == NPOS) {
                /* a tag cut off by the end of the input: keep nothing of it */
                break;
            }
            tag = tag_lookup(s + ns, k - ns);
            j = handle_start(P, tag, ns, k - ns, &at, sc, j);
            if (j == NPOS)
                return 0;
            i = j;
            continue;
        }
        /* a stray '<' is text */
        {
            const unsigned char *q = (const unsigned char *)memchr(
                s + i + 1, '<', n - i - 1);
            j = q ? (size_t)(q - s) : n;
            if (!emit_text(P, i, j, 0))
                return 0;
            i = j;
        }
    }
    while (P->cur != 0)
        pop_element(P);
    brief__html_node(P, 0)->end = P->nn;
    brief__html_node(P, 0)->seg_end = P->ns;
    return 1;
}


int brief__html_parse(brief__arena *a, const char *in, size_t len,
                      hparse *P)
{
    size_t k;
    if (in && len > ((size_t)-1) / 4)
        return BRIEF_ERR_NOMEM; /* sizes below could not be computed */
    memset(P, 0, sizeof *P);
    P->a = a;
    P->s = (const unsigned char *)(in ? in : "");
    P->n = in ? len : 0;
    P->no_comment = P->no_cdata = P->no_dq = P->no_sq = P->no_gt = NPOS;
    for (k = 0; k < T_COUNT; k++)
        P->no_raw[k] = NPOS;
    P->buf = (unsigned char *)brief__alloc(a, P->n + 1);
    if (!P->buf)
        return BRIEF_ERR_NOMEM;
    P->next_id = T_COUNT;
    /* elements: at most one per 8 input bytes past the first 4096 (real
     * pages use one per 30-100 bytes), so garbage markup cannot make the
     * tree cost more than a bounded multiple of the input */
    P->max_nodes = P->n / 8 + 4096;
    if (!grow_open(P, T_COUNT + 16) || !new_node(P))
        return BRIEF_ERR_NOMEM;
    /* the root: stands for <body> (html, head and body tags are ignored) */
    brief__html_node(P, 0)->tag = T_BODY;
    brief__html_node(P, 0)->tf = tag_flags(T_BODY);
    P->cur = 0;
    return parse(P) ? BRIEF_OK : BRIEF_ERR_NOMEM;
}

/* ---- format sniffing ---------------------------------------------------- */

int brief__looks_html(const char *in, size_t len)
{
    static const char *const strong[] = {"<!doctype html", "<html", "<head",
        "<body", "<?xml", NULL};
    static const char *const common[] = {
        "<p>",   "<p ",   "<div",    "<br",    "<a href", "</p>", "</div>",
        "<span", "<li>",  "<ul",     "<table", "<h1",     "<h2",  "<h3",
        "<img",  "<meta", "<script", "<title", NULL};
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, n, tags = 0, md = 0, k;
    unsigned kinds = 0;
    if (!in)
        return 0;
    n = len < 8192 ? len : 8192;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    while (i < n && brief__html_is_ws(s[i]))
        i++;
    for (k = 0; strong[k]; k++)
        if (ci_prefix(s + i, n - i, strong[k]))
            return 1;
    /* several common tags early on, and more of them than Markdown line
     * markers (so Markdown with a little inline HTML stays Markdown) */
    for (; i < n; i++) {
        if (s[i] == '<') {
            for (k = 0; common[k]; k++)
                if (ci_prefix(s + i, n - i, common[k])) {
                    tags++;
                    kinds |= 1u << k;
                    break;
                }
        } else if ((i == 0 || s[i - 1] == '\n') &&
                   (s[i] == '#' || s[i] == '>' || s[i] == '`' ||
                    ((s[i] == '-' || s[i] == '*') && i + 1 < n &&
                     s[i + 1] == ' '))) {
            md++;
        }
    }
    if (tags < 4 || !(kinds & (kinds - 1)))
        return 0;
    return tags > 2 * md;
}


#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__html_left_out;
#endif /* BRIEF_NO_HTML */

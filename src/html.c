/*
 * html.c - the HTML decoder: markup in, the page's main text out.
 *
 * Three steps, each linear in the input and none of them recursive:
 *
 *  1. parse(): one pass tokenizes the bytes and builds a flat element tree:
 *     nodes in document order, each with its parent and the end of its
 *     subtree, so that the subtree of node i is the index range [i, end).
 *     Text is decoded (entities) into one buffer and listed as segments,
 *     each owned by the innermost open element, with paragraph breaks
 *     between blocks. The open elements are the parent chain of the current
 *     node: nesting depth costs memory, never recursion. Content that is
 *     never article text (script, style, svg, math, template, buttons,
 *     selects, hidden nodes, comments) is skipped here. Malformed markup is
 *     repaired the way browsers do where it is cheap (implied end tags,
 *     stray end tags ignored) and in a way that keeps the text where a
 *     browser would swallow it (unterminated comments, quotes and raw text
 *     end at the next '>' or '<' instead of at the end of the file).
 *
 *  2. attempt(): the main text is chosen by text density, following
 *     Mozilla's readability (see "main text selection" below).
 *
 *  3. render(): the kept segments are written out, title first, whitespace
 *     collapsed, one blank line between paragraphs.
 *
 * Memory: everything comes from the arena. Nodes and segments sit in
 * chunks that never move; elements are capped at len / 8 + 4096 (past
 * that, tags still end paragraphs but open no element), so the total is
 * bounded by about 100 bytes per input byte plus 2 MiB even for garbage
 * markup; real pages take 2 to 10 bytes per input byte.
 */
#include <string.h>
#include "internal.h"
#define BRIEF__ENTITY_TABLE
#include "entities.h"

#define NPOS ((size_t)-1)

/* The entity decoder serves Markdown too: it stays unless both are out. */
#if !defined(BRIEF_NO_HTML) || !defined(BRIEF_NO_MARKDOWN)

/* ---- character references ----------------------------------------------- */


static unsigned lower(unsigned c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32u : c;
}

static int is_alpha(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned c)
{
    return is_alpha(c) || is_digit(c);
}

/* Byte-order comparison of a NUL-terminated table name with s[0..m). */
static int name_cmp(const char *name, const unsigned char *s, size_t m)
{
    size_t k;
    for (k = 0; k < m; k++) {
        unsigned a = (unsigned char)name[k];
        if (a == 0)
            return -1;
        if (a != s[k])
            return a < s[k] ? -1 : 1;
    }
    return name[m] == 0 ? 0 : 1;
}

static const brief__entity *entity_find(const unsigned char *s, size_t m)
{
    size_t lo = 0, hi = BRIEF__N_ENTITIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(brief__entities[mid].name, s, m);
        if (c == 0)
            return &brief__entities[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* What browsers make of a numeric reference's value. */
static uint32_t numeric_fix(uint32_t v)
{
    static const uint16_t cp1252[32] = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0xFFFD;
    if (v >= 0x80 && v <= 0x9F)
        return cp1252[v - 0x80];
    return v;
}

size_t brief__html_entity(const unsigned char *s, size_t n, size_t i,
                          int in_attr, uint32_t *cp)
{
    size_t j = i + 1, k, m;
    const brief__entity *e;
    if (j >= n)
        return 0;
    if (s[j] == '#') {
        uint32_t v = 0;
        int hex = 0;
        size_t d0;
        j++;
        if (j < n && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        d0 = j;
        for (; j < n; j++) {
            unsigned c = s[j], dv;
            if (is_digit(c))
                dv = c - '0';
            else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
                dv = lower(c) - 'a' + 10u;
            else
                break;
            if (v <= 0x10FFFF) /* saturate: stays invalid once too big */
                v = v * (hex ? 16u : 10u) + dv;
        }
        if (j == d0)
            return 0;
        if (j < n && s[j] == ';')
            j++;
        *cp = numeric_fix(v);
        return j - i;
    }
    for (k = j; k < n && k - j < 32 && is_alnum(s[k]); k++)
        ;
    if (k == j)
        return 0;
    if (k < n && s[k] == ';') {
        e = entity_find(s + j, k - j);
        if (e) {
            *cp = (uint32_t)e->cp;
            return k + 1 - i;
        }
    }
    /* Legacy names may stand without ';' (longest match wins): "&copy2024". */
    for (m = (k - j < 8 ? k - j : 8); m >= 2; m--) {
        e = entity_find(s + j, m);
        if (e && e->legacy) {
            if (in_attr && j + m < n &&
                (is_alnum(s[j + m]) || s[j + m] == '='))
                return 0;
            *cp = (uint32_t)e->cp;
            return j + m - i;
        }
    }
    return 0;
}

#endif /* the entity decoder */

#ifndef BRIEF_NO_HTML /* everything below is the HTML decoder */

static int is_ws(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}


/* ---- tags --------------------------------------------------------------- */

enum {
    T_UNKNOWN = 0,
    T_A, T_ABBR, T_ADDRESS, T_APPLET, T_AREA, T_ARTICLE, T_ASIDE, T_AUDIO,
    T_B, T_BASE, T_BASEFONT, T_BDI, T_BDO, T_BGSOUND, T_BIG, T_BLOCKQUOTE,
    T_BODY, T_BR, T_BUTTON, T_CANVAS, T_CAPTION, T_CENTER, T_CITE, T_CODE,
    T_COL, T_COLGROUP, T_DATA, T_DATALIST, T_DD, T_DEL, T_DETAILS, T_DFN,
    T_DIALOG, T_DIR, T_DIV, T_DL, T_DT, T_EM, T_EMBED, T_FIELDSET,
    T_FIGCAPTION, T_FIGURE, T_FONT, T_FOOTER, T_FORM, T_FRAME, T_FRAMESET,
    T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HGROUP, T_HR,
    T_HTML, T_I, T_IFRAME, T_IMAGE, T_IMG, T_INPUT, T_INS, T_KBD, T_KEYGEN,
    T_LABEL, T_LEGEND, T_LI, T_LINK, T_LISTING, T_MAIN, T_MARK, T_MARQUEE,
    T_MATH, T_MENU, T_META, T_METER, T_NAV, T_NOBR, T_NOEMBED, T_NOFRAMES,
    T_NOSCRIPT, T_OBJECT, T_OL, T_OPTGROUP, T_OPTION, T_OUTPUT, T_P,
    T_PARAM, T_PICTURE, T_PRE, T_PROGRESS, T_Q, T_RP, T_RT, T_RUBY, T_S,
    T_SAMP, T_SCRIPT, T_SECTION, T_SELECT, T_SMALL, T_SOURCE, T_SPAN,
    T_STRIKE, T_STRONG, T_STYLE, T_SUB, T_SUMMARY, T_SUP, T_SVG, T_TABLE,
    T_TBODY, T_TD, T_TEMPLATE, T_TEXTAREA, T_TFOOT, T_TH, T_THEAD, T_TIME,
    T_TITLE, T_TR, T_TRACK, T_TT, T_U, T_UL, T_VAR, T_VIDEO, T_WBR, T_XMP,
    /* A paragraph the parser opens around loose text and inline elements
     * directly inside a <div>, as readability wraps them in a <p>. */
    T_ANON,
    T_COUNT
};

#define TF_VOID   0x0001u /* no content, never pushed                     */
#define TF_BLOCK  0x0002u /* starts and ends a paragraph of the output    */
#define TF_PHRASE 0x0004u /* inline ("phrasing") content                  */
#define TF_RAW    0x0008u /* raw text up to its end tag (script, ...)     */
#define TF_DROP   0x0010u /* content is never article text                */
#define TF_SOFT   0x0020u /* page furniture: nav, aside, footer, ...      */
#define TF_DIVP   0x0040u /* a block child that keeps a div from being a p */
#define TF_SCORE  0x0080u /* a paragraph-like element that scores text    */
#define TF_CLOSEP 0x0100u /* its start tag closes an open <p>             */
#define TF_HEAD   0x0200u /* h1-h6                                        */
#define TF_SCOPE  0x0400u /* limits the scope of implied end tags         */

typedef struct tag_def {
    const char *name;
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
    {"rt", T_RT, INL},
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
    unsigned char low[12];
    size_t k, lo = 0, hi = N_TAGS;
    if (m == 0 || m >= sizeof low)
        return T_UNKNOWN;
    for (k = 0; k < m; k++)
        low[k] = (unsigned char)lower(s[k]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(tag_defs[mid].name, low, m);
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

/* ---- parse data --------------------------------------------------------- */

/* Node flags from attributes (N_*) and from the static analysis (S_*). */
#define N_HIDDEN     0x0001u /* hidden, aria-hidden, display:none, ...     */
#define N_UNLIKELY   0x0002u /* class/id says menu, comment, banner, ...   */
#define N_BADROLE    0x0004u /* role = menu, navigation, dialog, ...       */
#define N_BYLINE     0x0008u /* rel=author, class byline, ...              */
#define N_SHARE      0x0010u /* class/id "share" / "sharedaddy"            */
#define N_MODAL      0x0020u /* aria-modal dialog                          */
#define N_NOTDATA    0x0040u /* table role=presentation or datatable=0     */
#define N_SUMMARY    0x0080u /* table with a summary attribute             */
#define N_HASHLINK   0x0100u /* <a href="#...">                            */
#define N_HASCOL     0x0200u /* a <col> directly inside                    */
#define N_BANNER     0x0400u /* class/id says cookie / consent banner      */
#define S_DATATABLE  0x1000u /* a table of data, not of layout             */
#define S_IN_TABLE   0x2000u /* inside a <table>                           */
#define S_IN_CODE    0x4000u /* inside <code>                              */
#define S_IN_FIGURE  0x8000u /* inside <figure>                            */
#define S_IN_DATA    0x10000u /* inside a data table                       */
#define S_TITLESIM   0x20000u /* h1/h2 that repeats the title              */

typedef struct hnode {
    size_t parent;          /* parent node (the root's is 0, itself)       */
    size_t end;             /* one past the last node of the subtree       */
    size_t seg_start, seg_end; /* its segments are [seg_start, seg_end)    */
    size_t name;            /* tag id, or interned id for unknown names    */
    size_t cls_off, cls_len; /* class attribute (raw bytes of the input)   */
    /* direct content (children not included) */
    size_t text;            /* characters of text, whitespace runs as one  */
    size_t link10;          /* characters inside links, times 10 (x3 '#')  */
    size_t commas;
    size_t tot;             /* text of the whole subtree (static)          */
    unsigned img, input, embed, voids, brhr; /* void children by kind      */
    unsigned kids0;         /* element children incl. void ones (static)   */
    int weight;             /* readability's class weight: -50 .. 50       */
    unsigned flags;
    unsigned tag;
    unsigned tf;            /* tag_flags(tag), cached                      */
    unsigned char drop;     /* inside content that is never text           */
    unsigned char link;     /* inside <a>: 10, or 3 for "#..." links; 0    */
} hnode;

#define SEG_TEXT 0
#define SEG_BREAK 1

typedef struct hseg {
    size_t off, len;  /* text: bytes of the decoded buffer                 */
    size_t node;      /* owner: innermost open element                     */
    int kind;
} hseg;

typedef struct iname {     /* interned unknown tag name                    */
    size_t off, len, id, hash;
} iname;

/*
 * Nodes and segments live in chunks of CHUNK elements that never move, so
 * growing costs no copy and wastes at most one chunk; node i is
 * nchunk[i >> CHUNK_SHIFT][i & (CHUNK - 1)].
 *
 * The open elements are not kept on a stack of their own: they are the
 * parent chain of the current node 'cur' (every element's parent is the
 * element that was current when it opened), so popping is cur = parent.
 */
#define CHUNK_SHIFT 9
#define CHUNK ((size_t)1 << CHUNK_SHIFT)

typedef struct hparse {
    brief__arena *a;
    const unsigned char *s;
    size_t n;
    hnode **nchunk;
    size_t nn, capnchunk;
    hseg **schunk;
    size_t ns, capschunk;
    size_t cur;             /* the innermost open element (0: the root)   */
    size_t max_nodes;       /* past this many elements, tags build no
                               structure (bounds memory on garbage input) */
    unsigned char *buf;     /* decoded text; never longer than the input  */
    size_t nb;
    size_t *open;           /* open elements per name id                  */
    size_t capo;
    iname *names;           /* open-addressing table of unknown names     */
    size_t capnames, nnames, next_id;
    /* "no terminator at or after this position" caches, so that a broken
     * construct repeated many times never rescans the rest of the input */
    size_t no_comment, no_cdata, no_dq, no_sq, no_gt;
    size_t no_raw[T_COUNT];
    /* title candidates */
    size_t title_off, title_len; /* <title> text in buf (decoded)          */
    int have_title;
    size_t meta_off, meta_len;   /* raw content of the best meta title     */
    int meta_prio;               /* lower wins; 0 = none                   */
    size_t h1_count;
} hparse;

typedef struct span {
    size_t off, len;
    int set;
} span;

typedef struct hattrs {
    span cls, id, style, role, rel, itemprop, href, property, name, content,
        src, aria_hidden, aria_modal, summary, datatable, hidden;
} hattrs;

static hnode *node_at(const hparse *P, size_t i)
{
    return &P->nchunk[i >> CHUNK_SHIFT][i & (CHUNK - 1)];
}

static hseg *seg_at(const hparse *P, size_t k)
{
    return &P->schunk[k >> CHUNK_SHIFT][k & (CHUNK - 1)];
}

/* ---- arena arrays ------------------------------------------------------- */

/* Make room for need elements of elem bytes in the array p of *cap
 * elements: returns the (possibly moved) array, or NULL when out of memory
 * (p stays valid). Capacity doubles, so appends are amortized O(1). */
static void *grow_array(brief__arena *a, void *p, size_t *cap, size_t need,
                        size_t elem)
{
    size_t nc = *cap ? *cap : 16;
    void *q;
    if (need <= *cap && p)
        return p;
    while (nc < need) {
        if (nc > ((size_t)-1) / 2 / elem)
            return NULL;
        nc *= 2;
    }
    q = brief__grow(a, p, *cap * elem, nc * elem);
    if (q)
        *cap = nc;
    return q;
}

/* A new node slot (zeroed), or NULL when out of memory. */
static hnode *new_node(hparse *P)
{
    size_t c = P->nn >> CHUNK_SHIFT;
    hnode *x;
    if ((P->nn & (CHUNK - 1)) == 0) {
        hnode **dir = (hnode **)grow_array(P->a, P->nchunk, &P->capnchunk,
                                           c + 1, sizeof *dir);
        if (!dir)
            return NULL;
        P->nchunk = dir;
        dir[c] = (hnode *)brief__alloc(P->a, CHUNK * sizeof(hnode));
        if (!dir[c])
            return NULL;
    }
    x = node_at(P, P->nn++);
    memset(x, 0, sizeof *x);
    return x;
}

static hseg *new_seg(hparse *P)
{
    size_t c = P->ns >> CHUNK_SHIFT;
    if ((P->ns & (CHUNK - 1)) == 0) {
        hseg **dir = (hseg **)grow_array(P->a, P->schunk, &P->capschunk,
                                         c + 1, sizeof *dir);
        if (!dir)
            return NULL;
        P->schunk = dir;
        dir[c] = (hseg *)brief__alloc(P->a, CHUNK * sizeof(hseg));
        if (!dir[c])
            return NULL;
    }
    return seg_at(P, P->ns++);
}

/* open[] grows with the interned names; new counts start at zero. */
static int grow_open(hparse *P, size_t need)
{
    size_t old = P->capo;
    size_t *q = (size_t *)grow_array(P->a, P->open, &P->capo, need, sizeof *q);
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
    return node_at(P, P->cur);
}

/* Append a segment owned by the current element. Text that continues the
 * previous text segment of the same element extends it. */
static int add_seg(hparse *P, size_t off, size_t len, int kind)
{
    hseg *g;
    if (P->ns) {
        g = seg_at(P, P->ns - 1);
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
    if (P->ns && seg_at(P, P->ns - 1)->kind == SEG_BREAK)
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
        int ws = is_ws(x) || (x == 0xC2 && i + 1 < len && b[i + 1] == 0xA0);
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

/* Decode s[from..to) into buf (entities unless raw). Returns the offset
 * of the decoded bytes; *len gets their count. */
static size_t decode_into(hparse *P, size_t from, size_t to, int raw,
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
    off = decode_into(P, from, to, raw, &len);
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
    return 1;
}

/* ---- parse: attributes -------------------------------------------------- */

/* Case-insensitive search of the lower-case needle in s[0..n). */
static size_t ci_find(const unsigned char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle), i, k;
    if (m == 0 || m > n)
        return NPOS;
    for (i = 0; i + m <= n; i++) {
        for (k = 0; k < m; k++)
            if (lower(s[i + k]) != (unsigned char)needle[k])
                break;
        if (k == m)
            return i;
    }
    return NPOS;
}

static int ci_eq(const unsigned char *s, size_t n, const char *lit)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (lit[k] == 0 || lower(s[k]) != (unsigned char)lit[k])
            return 0;
    return lit[n] == 0;
}

static int any_of(const unsigned char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (ci_find(s, n, *list) != NPOS)
            return 1;
    return 0;
}

/* readability's regular expressions, as lists of substrings. */
static const char *const re_unlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
    "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
    NULL};
/* Not in readability: cookie and consent banners, removed in every pass. */
static const char *const re_banner[] = {"cookie", "consent", NULL};
static const char *const re_maybe[] = {
    "and", "article", "body", "column", "content", "main", "mathjax",
    "shadow", NULL};
static const char *const re_positive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main",
    "page", "pagination", "post", "text", "blog", "story", NULL};
static const char *const re_negative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
    "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
    "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags", "widget", NULL};
static const char *const re_byline[] = {
    "byline", "author", "dateline", "writtenby", "p-author", NULL};

/* The word "hid" alone (readability: ^hid$| hid$| hid |^hid ). */
static int has_hid_word(const unsigned char *s, size_t n)
{
    size_t i;
    for (i = 0; i + 3 <= n; i++) {
        if (lower(s[i]) == 'h' && lower(s[i + 1]) == 'i' &&
            lower(s[i + 2]) == 'd' && (i == 0 || s[i - 1] == ' ') &&
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
        if (k == 0 || !is_alnum(s[k - 1])) {
            size_t e = k + 5;
            if (e + 5 <= n && ci_eq(s + e, 5, "daddy"))
                e += 5;
            if (e == n || !is_alnum(s[e]))
                return 1;
        }
        i = k + 1;
    }
    return 0;
}

static int class_weight(const unsigned char *s, size_t n)
{
    int w = 0;
    if (n == 0)
        return 0;
    if (any_of(s, n, re_negative) || has_hid_word(s, n))
        w -= 25;
    if (any_of(s, n, re_positive))
        w += 25;
    return w;
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
            while (j < n && is_ws(s[j]))
                j++;
            if (j < n && s[j] == ':') {
                j++;
                while (j < n && is_ws(s[j]))
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
    while (len && is_ws(P->s[off])) {
        off++;
        len--;
    }
    while (len && is_ws(P->s[off + len - 1]))
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
    static const char *const hosts[] = {"youtube.com", "youtube-nocookie",
        "player.vimeo", "dailymotion.com", "v.qq.com", "archive.org",
        "upload.wikimedia.org", "player.twitch.tv", NULL};
    return v->set && any_of(P->s + v->off, v->len, hosts);
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
        const hnode *x = node_at(P, i);
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
    par = node_at(P, parent);
    x->parent = parent;
    x->name = name;
    x->tag = tag;
    x->tf = fl;
    x->seg_start = P->ns;
    x->drop = par->drop;
    x->link = par->link;
    par->kids0++;
    if (at) {
        size_t ms_len = 0;
        unsigned char ms[512];
        if (at->hidden.set ||
            style_hidden(P->s + at->style.off, at->style.len) ||
            (span_is(P, &at->aria_hidden, "true") &&
             ci_find(P->s + at->cls.off, at->cls.len, "fallback-image") ==
                 NPOS))
            x->flags |= N_HIDDEN;
        /* "class id", as readability matches it */
        if (at->cls.len + at->id.len + 1 <= sizeof ms) {
            memcpy(ms, P->s + at->cls.off, at->cls.len);
            ms[at->cls.len] = ' ';
            memcpy(ms + at->cls.len + 1, P->s + at->id.off, at->id.len);
            ms_len = at->cls.len + at->id.len + 1;
        }
        if (ms_len > 1) {
            if (any_of(ms, ms_len, re_unlikely) &&
                !any_of(ms, ms_len, re_maybe))
                x->flags |= N_UNLIKELY;
            if (any_of(ms, ms_len, re_banner))
                x->flags |= N_BANNER;
            if (any_of(ms, ms_len, re_byline))
                x->flags |= N_BYLINE;
            if (has_share(ms, ms_len))
                x->flags |= N_SHARE;
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
        x->weight = class_weight(P->s + at->cls.off, at->cls.len) +
                    class_weight(P->s + at->id.off, at->id.len);
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
        h = (h ^ lower(s[i])) * 16777619u;
    return h;
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
    for (i = h & (P->capnames - 1); P->names[i].len;
         i = (i + 1) & (P->capnames - 1)) {
        iname *o = &P->names[i];
        if (o->hash == h && o->len == len) {
            for (k = 0; k < len; k++)
                if (lower(P->s[o->off + k]) != lower(P->s[off + k]))
                    break;
            if (k == len)
                return o->id;
        }
    }
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

/* 1 if s[p..] starts "</name" followed by a delimiter (or the end). */
static int end_tag_at(const hparse *P, size_t p, const char *name)
{
    size_t m = strlen(name);
    if (p + 2 + m > P->n || P->s[p] != '<' || P->s[p + 1] != '/')
        return 0;
    if (!ci_eq(P->s + p + 2, m, name))
        return 0;
    return p + 2 + m == P->n || is_ws(P->s[p + 2 + m]) ||
           P->s[p + 2 + m] == '/' || P->s[p + 2 + m] == '>';
}

static int start_tag_at(const hparse *P, size_t p, const char *name)
{
    size_t m = strlen(name);
    if (p + 1 + m > P->n || P->s[p] != '<')
        return 0;
    if (!ci_eq(P->s + p + 1, m, name))
        return 0;
    return p + 1 + m == P->n || is_ws(P->s[p + 1 + m]) ||
           P->s[p + 1 + m] == '/' || P->s[p + 1 + m] == '>';
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
        if (end_tag_at(P, p, name)) {
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
            if (state == 1 && start_tag_at(P, p, "script")) {
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
        while (p < n && (is_ws(s[p]) || s[p] == '/')) {
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
        while (p < n && !is_ws(s[p]) && s[p] != '/' && s[p] != '>' &&
               s[p] != '=')
            p++;
        nl = p - ns;
        while (p < n && is_ws(s[p]))
            p++;
        if (p < n && s[p] == '=') {
            p++;
            while (p < n && is_ws(s[p]))
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
                while (p < n && !is_ws(s[p]) && s[p] != '>')
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
        size_t j, k;
        int r;
        while (i < n && is_ws(s[i]))
            i++;
        for (j = i; j < n && !is_ws(s[j]); j++)
            ;
        for (r = 0; keys[r]; r++) {
            size_t m = strlen(keys[r]);
            if (j - i == m) {
                for (k = 0; k < m; k++) {
                    unsigned c = lower(s[i + k]);
                    if (c == '.')
                        c = ':';
                    if (c != (unsigned char)keys[r][k])
                        break;
                }
                if (k == m && (!best || r + 1 < best))
                    best = r + 1;
            }
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
        if (tag == T_TITLE && !P->have_title && !cur(P)->drop) {
            size_t len;
            P->title_off = decode_into(P, p, e, 0, &len);
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
        size_t h = str_hash(P->s + name_off, name_len), i, k;
        /* look the name up without interning it */
        if (!P->capnames)
            return;
        name = NPOS;
        for (i = h & (P->capnames - 1); P->names[i].len;
             i = (i + 1) & (P->capnames - 1)) {
            iname *o = &P->names[i];
            if (o->hash == h && o->len == name_len) {
                for (k = 0; k < name_len; k++)
                    if (lower(P->s[o->off + k]) != lower(P->s[name_off + k]))
                        break;
                if (k == name_len) {
                    name = o->id;
                    break;
                }
            }
        }
        if (name == NPOS)
            return;
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
            if (i + 2 < n && is_alpha(s[i + 2])) {
                size_t ns = i + 2;
                for (k = ns;
                     k < n && !is_ws(s[k]) && s[k] != '/' && s[k] != '>'; k++)
                    ;
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
        if (is_alpha(s[i + 1])) {
            hattrs at;
            int sc;
            size_t ns = i + 1;
            unsigned tag;
            for (k = ns; k < n && !is_ws(s[k]) && s[k] != '/' && s[k] != '>';
                 k++)
                ;
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
    node_at(P, 0)->end = P->nn;
    node_at(P, 0)->seg_end = P->ns;
    return 1;
}

/* ---- title -------------------------------------------------------------- */

/* Copy buf[off..off+len) with whitespace collapsed and trimmed into out
 * (room for len bytes); returns the new length. */
static size_t collapse(const unsigned char *b, size_t len, unsigned char *out)
{
    size_t i, o = 0;
    int sp = 0;
    for (i = 0; i < len; i++) {
        unsigned x = b[i];
        if (is_ws(x) || x < 0x20 ||
            (x == 0xC2 && i + 1 < len && b[i + 1] == 0xA0)) {
            if (x == 0xC2)
                i++;
            sp = o > 0;
            continue;
        }
        if (sp)
            out[o++] = ' ';
        sp = 0;
        out[o++] = (unsigned char)x;
    }
    return o;
}

/* Words of s[0..n) (runs between spaces); with nosep, runs made only of
 * title separators (| - \ / > and the dashes) do not count. */
static size_t count_words2(const unsigned char *s, size_t n, int nosep)
{
    size_t i, w = 0;
    int in = 0, real = 0;
    for (i = 0; i <= n; i++) {
        if (i == n || s[i] == ' ') {
            if (in && (real || !nosep))
                w++;
            in = 0;
            real = 0;
            continue;
        }
        in = 1;
        if (s[i] == '|' || s[i] == '-' || s[i] == '\\' || s[i] == '/' ||
            s[i] == '>')
            continue;
        if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xBB) { /* >> */
            i++;
            continue;
        }
        if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
            (s[i + 2] == 0x93 || s[i + 2] == 0x94)) { /* en, em dash */
            i += 2;
            continue;
        }
        real = 1;
    }
    return w;
}

static size_t count_words(const unsigned char *s, size_t n)
{
    size_t i, w = 0;
    int in = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* Position of the first (last) " X " with X a title separator, or NPOS;
 * *w gets the separator's byte width. */
static size_t find_sep(const unsigned char *s, size_t n, int last, size_t *w,
                       int *hier)
{
    static const char *const seps[] = {"|", "-", "\xE2\x80\x93",
        "\xE2\x80\x94", "\\", "/", ">", "\xC2\xBB", NULL};
    size_t i, best = NPOS, bw = 0;
    int k, bh = 0;
    for (i = 0; i + 2 < n; i++) {
        if (s[i] != ' ')
            continue;
        for (k = 0; seps[k]; k++) {
            size_t m = strlen(seps[k]);
            if (i + m + 1 < n && memcmp(s + i + 1, seps[k], m) == 0 &&
                s[i + m + 1] == ' ') {
                if (best == NPOS || last) {
                    best = i;
                    bw = m + 2;
                    bh = k >= 4;
                }
                break;
            }
        }
        if (best != NPOS && !last)
            break;
    }
    *w = bw;
    if (hier)
        *hier = bh;
    return best;
}

/*
 * readability's _getArticleTitle on the <title> text t[0..n) (collapsed):
 * drop a " | Site" part (or a "Site: " prefix) unless too little is left.
 * Writes into out (room for n) and returns the length.
 */
static size_t clean_title(const unsigned char *t, size_t n, unsigned char *out,
                          const unsigned char *h1, size_t h1_len)
{
    size_t w, p, cs = 0, cl = n, owc = count_words2(t, n, 1);
    int hier = 0;
    p = find_sep(t, n, 1, &w, &hier);
    if (p != NPOS) {
        size_t wdummy;
        int h2 = 0;
        size_t q = find_sep(t, n, 0, &wdummy, &h2);
        cs = 0;
        cl = p;
        if (count_words(t, p) < 3) {
            cs = q + wdummy;
            cl = n - cs;
        }
        /* any hierarchical separator anywhere */
        {
            size_t i;
            for (i = 0; i + 2 < n; i++)
                if (t[i] == ' ' && (t[i + 1] == '\\' || t[i + 1] == '/' ||
                                    t[i + 1] == '>') && t[i + 2] == ' ')
                    hier = 1;
        }
    } else {
        const unsigned char *c = (const unsigned char *)memchr(t, ':', n);
        if (c && (size_t)(c - t) + 1 < n && c[1] == ' ') {
            size_t first = (size_t)(c - t), lastc = first, i;
            for (i = first; i < n; i++)
                if (t[i] == ':')
                    lastc = i;
            cs = lastc + 1;
            cl = n - cs;
            if (count_words(t + cs, cl) < 3) {
                cs = first + 1;
                cl = n - cs;
            } else if (count_words(t, first) > 5) {
                cs = 0;
                cl = n;
            }
        } else if ((n > 150 || n < 15) && h1 && h1_len) {
            memcpy(out, h1, h1_len);
            return h1_len;
        }
    }
    while (cl && t[cs] == ' ') {
        cs++;
        cl--;
    }
    while (cl && t[cs + cl - 1] == ' ')
        cl--;
    if (count_words(t + cs, cl) <= 4 &&
        (!hier || count_words(t + cs, cl) + 1 != owc)) {
        cs = 0;
        cl = n;
    }
    memcpy(out, t + cs, cl);
    return cl;
}

/* ---- text similarity (readability's _textSimilarity) -------------------- */

#define MAX_TOKS 96

typedef struct tok {
    size_t off, len;
} tok;

/* Split s[0..n) into lower-case-comparable word tokens (letters/digits). */
static size_t tokenize(const unsigned char *s, size_t n, tok *t, size_t max)
{
    size_t i = 0, k = 0;
    while (i < n && k < max) {
        size_t st = i, j = i;
        uint32_t cp = brief__utf8_next(s, n, &j);
        enum brief__cls c = brief__class(cp);
        if (c != BRIEF__C_LETTER && c != BRIEF__C_DIGIT && c != BRIEF__C_CJK) {
            i = j;
            continue;
        }
        i = j;
        while (i < n) {
            j = i;
            cp = brief__utf8_next(s, n, &j);
            c = brief__class(cp);
            if (c != BRIEF__C_LETTER && c != BRIEF__C_DIGIT &&
                c != BRIEF__C_CJK)
                break;
            i = j;
        }
        t[k].off = st;
        t[k].len = i - st;
        k++;
    }
    return k;
}

static int tok_eq(const unsigned char *a, tok x, const unsigned char *b, tok y)
{
    size_t i = 0, j = 0;
    while (i < x.len && j < y.len) {
        size_t ii = i, jj = j;
        uint32_t p = brief__utf8_next(a + x.off, x.len, &ii);
        uint32_t q = brief__utf8_next(b + y.off, y.len, &jj);
        if (brief__fold(p) != brief__fold(q))
            return 0;
        i = ii;
        j = jj;
    }
    return i == x.len && j == y.len;
}

/* Similarity of text b to text a: 1 - (length of b's words not in a) /
 * (length of b's words). */
static double similarity(const unsigned char *a, size_t an,
                         const unsigned char *b, size_t bn)
{
    tok ta[MAX_TOKS], tb[MAX_TOKS];
    size_t na = tokenize(a, an, ta, MAX_TOKS),
           nb = tokenize(b, bn, tb, MAX_TOKS);
    size_t i, k, all = 0, uniq = 0, nu = 0;
    if (na == 0 || nb == 0)
        return 0.0;
    for (i = 0; i < nb; i++) {
        int found = 0;
        for (k = 0; k < na && !found; k++)
            found = tok_eq(b, tb[i], a, ta[k]);
        all += tb[i].len;
        if (!found) {
            uniq += tb[i].len;
            nu++;
        }
    }
    all += nb - 1;
    if (nu)
        uniq += nu - 1;
    return 1.0 - (double)uniq / (double)all;
}

/* ---- main text selection ------------------------------------------------ */
/*
 * How the main text is chosen (after Mozilla's readability, whose test
 * pages are the yardstick):
 *
 *  - Removed first: hidden and never-text content (at parse time), page
 *    furniture (nav, aside, footer, header, form, cookie and consent
 *    banners, modal dialogs), elements whose class/id says menu, comment,
 *    banner, sidebar, related, share ... ("unlikely"), unlikely ARIA
 *    roles, the byline, the heading that repeats the title, empty divs.
 *  - Scoring: every paragraph-like element (p, td, pre, section, h2-h6,
 *    a <div> with no block inside, and the loose text of a <div>, which the
 *    parser wrapped in an anonymous paragraph) with at least 25 characters
 *    scores 1 + its commas + one point per 100 characters (at most 3).
 *    The score goes to its parent in full, to the grandparent by half and
 *    to the three ancestors above by a third of their level. A container is
 *    seeded with a bonus by tag (div +5, td/pre/blockquote +3, lists -3,
 *    headings -5) and its class weight (+-25 for words such as "article",
 *    "content" or "comment", "sidebar").
 *  - Each container's score is scaled by (1 - link density): link
 *    characters over all characters, so a menu or a "related stories" list
 *    scores near zero however long it is.
 *  - The best container wins; if several near-best ones share an ancestor,
 *    or a parent scores higher, the choice moves up. Its siblings join when
 *    they score at least a fifth of it, or are long low-link paragraphs.
 *  - Clean-up inside the result: share boxes, headings with bad class
 *    names, and tables, lists and divs that look like clutter (many links,
 *    images or inputs, little text) are dropped.
 *  - If fewer than 500 characters survive, it tries again with the
 *    unlikely-class removal off, then without class weights, then without
 *    the clean-up, and keeps the longest result. With no candidate at all
 *    the whole page (cleaned the same way) is the text. If every attempt
 *    comes out empty, all visible text is kept (a page wrapped whole in a
 *    <form> or <header> still gives its text).
 */

#define F_STRIP 1  /* remove "unlikely" classes and roles, header, form */
#define F_WEIGHT 2 /* use class weights                                   */
#define F_CLEAN 4  /* remove clutter inside the result                    */
#define F_KEEPALL 8 /* last resort: keep furniture too (only hidden and
                       never-text content is dropped)                     */

typedef struct hinfo {
    size_t text, link10, commas, head, list;
    size_t p, img, li, input, embed;
    size_t kids;       /* live children (elements and void ones)          */
    size_t only;       /* the first live child element                    */
    size_t nodekids;   /* live child elements                             */
    size_t eparent;    /* parent, skipping a div replaced by its only <p> */
    double score;
    unsigned char rm, scored, collapsed, plike, blockdesc, inart, root, mark;
} hinfo;

typedef struct hsel {
    hparse *P;
    hinfo *in;
    size_t *roots;
    size_t nroots;
    const unsigned char *title;
    size_t title_len;
    /* what the flags of the last attempt changed, so that a retry that
     * cannot differ is skipped */
    size_t stripped;   /* nodes removed only because of F_STRIP          */
    size_t cleaned;    /* nodes removed by the F_CLEAN passes            */
    int any_weight;    /* some element has a non-zero class weight       */
} hsel;

static int is_p(const hsel *S, size_t i)
{
    unsigned t = node_at(S->P, i)->tag;
    return t == T_P || t == T_ANON || S->in[i].plike;
}

/* Aggregate the live subtree of every node in [lo, hi) whose flag "use"
 * holds, bottom-up (children have larger indices than parents). Nodes are
 * removed as decided by remove(); a removed node adds nothing upward. */
static void agg_reset(hsel *S, size_t i)
{
    const hnode *nd = node_at(S->P, i);
    hinfo *f = &S->in[i];
    f->text = nd->text;
    f->link10 = nd->link10;
    f->commas = nd->commas;
    f->head = 0;
    f->list = 0;
    f->p = 0;
    f->img = nd->img;
    f->li = 0;
    f->input = nd->input;
    f->embed = nd->embed;
    f->kids = nd->voids;
    f->nodekids = 0;
    f->only = 0;
    f->blockdesc = nd->img > 0;
    f->collapsed = 0;
    f->plike = 0;
}

/* Node i is complete: decide its derived flags. */
static void agg_finish(hsel *S, size_t i)
{
    const hnode *nd = node_at(S->P, i);
    hinfo *f = &S->in[i];
    if (nd->tag == T_DIV) {
        if (f->nodekids == 1 && f->kids == 1 &&
            (node_at(S->P, f->only)->tag == T_P ||
             node_at(S->P, f->only)->tag == T_ANON) &&
            f->link10 * 4 < f->text * 10)
            f->collapsed = 1;
        else if (!f->blockdesc)
            f->plike = 1;
    }
}

/* Add child c into its parent. */
static void agg_up(hsel *S, size_t c)
{
    const hnode *nd = node_at(S->P, c);
    hinfo *f = &S->in[c], *p = &S->in[nd->parent];
    unsigned t = nd->tag;
    p->text += f->text;
    p->link10 += f->link10;
    p->commas += f->commas;
    p->head += (nd->tf & TF_HEAD) ? f->text : f->head;
    p->list += (t == T_UL || t == T_OL) ? f->text : f->list;
    p->p += f->p + (is_p(S, c) ? 1u : 0u);
    p->img += f->img;
    p->li += f->li + (t == T_LI ? 1u : 0u);
    p->input += f->input;
    p->embed += f->embed;
    p->kids++;
    p->nodekids++;
    p->only = c;
    p->blockdesc |= (unsigned char)(f->blockdesc || (nd->tf & TF_DIVP));
}

/* Bottom-up aggregation over all live nodes. */
static void aggregate_all(hsel *S)
{
    size_t i, nn = S->P->nn;
    for (i = 0; i < nn; i++)
        if (!S->in[i].rm)
            agg_reset(S, i);
    for (i = nn; i-- > 0;) {
        if (S->in[i].rm)
            continue;
        agg_finish(S, i);
        if (i > 0)
            agg_up(S, i);
    }
}

static int tag_score(unsigned t)
{
    switch (t) {
    case T_DIV: return 5;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: return 3;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT:
    case T_LI: case T_FORM: return -3;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
    case T_TH: return -5;
    default: return 0;
    }
}

static void init_score(hsel *S, size_t i, int flags)
{
    const hnode *nd = node_at(S->P, i);
    hinfo *f = &S->in[i];
    unsigned t = is_p(S, i) ? T_P : nd->tag;
    if (f->scored)
        return;
    f->scored = 1;
    f->score = (double)tag_score(t) + ((flags & F_WEIGHT) ? nd->weight : 0);
}

static double link_density(const hinfo *f)
{
    return f->text ? (double)f->link10 / (10.0 * (double)f->text) : 0.0;
}

/* 1 if the text of node i holds ". " or ends with "." (checked only on
 * short paragraphs, so the walk is cheap). */
static int has_sentence_end(const hsel *S, size_t i)
{
    const hparse *P = S->P;
    const hnode *nd = node_at(P, i);
    size_t k, last = 0;
    int seen = 0;
    for (k = nd->seg_start; k < nd->seg_end; k++) {
        const hseg *g = seg_at(P, k);
        size_t j;
        if (g->kind != SEG_TEXT || S->in[g->node].rm)
            continue;
        for (j = 0; j < g->len; j++) {
            unsigned c = P->buf[g->off + j];
            if (seen && (c == ' '))
                return 1;
            if (!is_ws(c)) {
                seen = c == '.';
                last = c;
            } else {
                seen = 0;
            }
        }
    }
    return last == '.';
}

static int same_class(const hparse *P, size_t a, size_t b)
{
    const hnode *x = node_at(P, a), *y = node_at(P, b);
    return x->cls_len && x->cls_len == y->cls_len &&
           memcmp(P->s + x->cls_off, P->s + y->cls_off, x->cls_len) == 0;
}

/* Mark removals for one attempt (document order, so "the first byline" and
 * "the first heading that repeats the title" mean what they say). */
static void mark_removed(hsel *S, int flags)
{
    hparse *P = S->P;
    size_t i;
    int byline = 0, titledup = 0;
    memset(S->in, 0, P->nn * sizeof *S->in);
    S->stripped = 0;
    S->cleaned = 0;
    for (i = 1; i < P->nn; i++) {
        const hnode *nd = node_at(P, i);
        unsigned t = nd->tag, fl = nd->tf;
        int r = 0;
        if (S->in[nd->parent].rm) {
            S->in[i].rm = 1;
            continue;
        }
        if ((fl & TF_DROP) || (nd->flags & N_HIDDEN))
            r = 1;
        else if (flags & F_KEEPALL)
            r = 0;
        else if ((fl & TF_SOFT) || (nd->flags & (N_MODAL | N_BANNER)))
            r = 1;
        else if (!byline && (nd->flags & N_BYLINE) && nd->tot > 0 &&
                 nd->tot < 100)
            r = byline = 1;
        else if (!titledup && (nd->flags & S_TITLESIM))
            r = titledup = 1;
        else if ((flags & F_STRIP) &&
                 (((nd->flags & N_UNLIKELY) &&
                   !(nd->flags & (S_IN_TABLE | S_IN_CODE)) && t != T_A) ||
                  (nd->flags & N_BADROLE))) {
            r = 1;
            S->stripped++;
        }
        else if ((t == T_DIV || t == T_SECTION || t == T_HEADER ||
                  (fl & TF_HEAD)) && nd->tot == 0 && nd->kids0 == nd->brhr)
            r = 1;
        S->in[i].rm = (unsigned char)r;
    }
}

/* Effective parents: a div that is only a wrapper of one <p> is skipped. */
static void set_eparents(hsel *S)
{
    size_t i;
    S->in[0].eparent = NPOS;
    for (i = 1; i < S->P->nn; i++) {
        size_t p = node_at(S->P, i)->parent;
        S->in[i].eparent = S->in[p].collapsed ? S->in[p].eparent : p;
    }
}

static void score_units(hsel *S, int flags)
{
    size_t i;
    for (i = 1; i < S->P->nn; i++) {
        hinfo *f = &S->in[i];
        size_t a, level;
        double cs;
        if (f->rm || f->collapsed)
            continue;
        if (!((node_at(S->P, i)->tf & TF_SCORE) || f->plike))
            continue;
        if (f->text < 25)
            continue;
        cs = 1.0 + (double)f->commas +
             (double)(f->text / 100 < 3 ? f->text / 100 : 3);
        for (a = f->eparent, level = 0; a != NPOS && level < 5;
             a = S->in[a].eparent, level++) {
            double div = level == 0   ? 1.0
                         : level == 1 ? 2.0
                                      : (double)level * 3.0;
            init_score(S, a, flags);
            S->in[a].score += cs / div;
        }
    }
}

/* The children of p in the effective tree, in document order, are the live
 * nodes c in p's subtree with eparent == p. */
static size_t next_child(const hsel *S, size_t p, size_t from)
{
    size_t i, end = node_at(S->P, p)->end;
    for (i = from; i < end; i++) {
        if (S->in[i].rm) {
            i = node_at(S->P, i)->end - 1; /* skip the removed subtree */
            continue;
        }
        if (S->in[i].eparent == p && !S->in[i].collapsed)
            return i;
    }
    return NPOS;
}

static size_t pick_top(hsel *S, int flags)
{
    size_t top5[5], i, k, ntop = 0, topc;
    for (i = 0; i < S->P->nn; i++) {
        hinfo *f = &S->in[i];
        if (f->rm || !f->scored)
            continue;
        f->score *= 1.0 - link_density(f);
        for (k = 0; k < 5; k++) {
            if (k == ntop || f->score > S->in[top5[k]].score) {
                size_t m = ntop < 5 ? ntop : 4;
                for (; m > k; m--)
                    top5[m] = top5[m - 1];
                top5[k] = i;
                if (ntop < 5)
                    ntop++;
                break;
            }
        }
    }
    if (ntop == 0 || top5[0] == 0)
        return 0;
    topc = top5[0];
    /* Several near-best candidates under one ancestor: take the ancestor. */
    {
        size_t alt = 0, a;
        for (k = 1; k < ntop; k++)
            if (S->in[topc].score > 0 &&
                S->in[top5[k]].score / S->in[topc].score >= 0.75)
                alt++;
        if (alt >= 3) {
            for (k = 1; k < ntop; k++)
                if (S->in[topc].score > 0 &&
                    S->in[top5[k]].score / S->in[topc].score >= 0.75)
                    for (a = S->in[top5[k]].eparent; a != NPOS;
                         a = S->in[a].eparent)
                        if (S->in[a].mark < 255)
                            S->in[a].mark++;
            for (a = S->in[topc].eparent; a != NPOS && a != 0;
                 a = S->in[a].eparent)
                if (S->in[a].mark >= 3) {
                    topc = a;
                    break;
                }
            for (k = 1; k < ntop; k++)
                for (a = S->in [top5[k]].eparent; a != NPOS;
                     a = S->in[a].eparent)
                    S->in[a].mark = 0;
        }
    }
    init_score(S, topc, flags);
    /* A parent that scores more than the candidate takes over. */
    {
        size_t a = S->in[topc].eparent;
        double last = S->in[topc].score, thr = last / 3.0;
        while (a != NPOS && a != 0) {
            if (!S->in[a].scored) {
                a = S->in[a].eparent;
                continue;
            }
            if (S->in[a].score < thr)
                break;
            if (S->in[a].score > last) {
                topc = a;
                break;
            }
            last = S->in[a].score;
            a = S->in[a].eparent;
        }
    }
    /* An only child stands for its parent. */
    {
        size_t a = S->in[topc].eparent;
        while (a != NPOS && a != 0 && S->in[a].kids == 1) {
            topc = a;
            a = S->in[a].eparent;
        }
    }
    init_score(S, topc, flags);
    return topc;
}

static int choose_roots(hsel *S, size_t topc)
{
    size_t par, c, cap;
    double thr;
    S->nroots = 0;
    if (topc == 0) {
        S->roots[S->nroots++] = 0;
        return 1;
    }
    par = S->in[topc].eparent;
    thr = S->in[topc].score * 0.2;
    if (thr < 10.0)
        thr = 10.0;
    cap = S->P->nn;
    for (c = next_child(S, par, par + 1); c != NPOS;
         c = next_child(S, par, node_at(S->P, c)->end)) {
        int add = 0;
        if (c == topc) {
            add = 1;
        } else {
            hinfo *f = &S->in[c];
            double bonus =
                same_class(S->P, c, topc) ? S->in[topc].score * 0.2 : 0.0;
            if (f->scored && f->score + bonus >= thr) {
                add = 1;
            } else if (is_p(S, c)) {
                double ld = link_density(f);
                if (f->text > 80 && ld < 0.25)
                    add = 1;
                else if (f->text < 80 && f->text > 0 && f->link10 == 0 &&
                         has_sentence_end(S, c))
                    add = 1;
            }
        }
        if (add && S->nroots < cap)
            S->roots[S->nroots++] = c;
    }
    return 1;
}

/* inart: in the subtree of a root and not removed. */
static void mark_article(hsel *S)
{
    size_t i, k;
    for (i = 0; i < S->P->nn; i++) {
        S->in[i].inart = 0;
        S->in[i].root = 0;
    }
    for (k = 0; k < S->nroots; k++)
        S->in[S->roots[k]].root = 1;
    for (i = 0; i < S->P->nn; i++) {
        hinfo *f = &S->in[i];
        if (f->rm)
            continue;
        if (f->root || (i > 0 && S->in[node_at(S->P, i)->parent].inart))
            f->inart = 1;
    }
}

/* Aggregate the article bottom-up; call drop() on each node once its
 * subtree is complete and remove the node if it says so (so inner clutter
 * goes before its container is judged, as in readability). Returns the
 * article's text length. */
typedef int (*clean_fn)(hsel *S, size_t i, int flags);

static int clean_share(hsel *S, size_t i, int flags);

static size_t clean_pass(hsel *S, int flags, clean_fn drop)
{
    size_t i, total = 0, nn = S->P->nn;
    for (i = 0; i < nn; i++)
        if (S->in[i].inart)
            agg_reset(S, i);
    for (i = nn; i-- > 0;) {
        hinfo *f = &S->in[i];
        if (!f->inart)
            continue;
        agg_finish(S, i);
        if (drop && !f->collapsed && !f->plike && drop(S, i, flags)) {
            f->rm = 1;
            if (drop != clean_share)
                S->cleaned++;
            continue;
        }
        if (f->root)
            total += f->text;
        else
            agg_up(S, i);
    }
    mark_article(S);
    return total;
}

static int is_data_table(const hsel *S, size_t i)
{
    return (node_at(S->P, i)->flags & S_DATATABLE) != 0;
}

/* readability's _cleanConditionally test. */
static int clutter(hsel *S, size_t i, int flags)
{
    const hnode *nd = node_at(S->P, i);
    const hinfo *f = &S->in[i];
    int weight = (flags & F_WEIGHT) ? nd->weight : 0;
    int is_list = nd->tag == T_UL || nd->tag == T_OL ||
                  (f->text && (double)f->list / (double)f->text > 0.9);
    double ld, hd;
    long p, img, li, input;
    if (nd->tag == T_TABLE && is_data_table(S, i))
        return 0;
    if (nd->flags & (S_IN_DATA | S_IN_CODE))
        return 0;
    if (weight < 0)
        return 1;
    if (f->commas >= 10)
        return 0;
    p = (long)f->p;
    img = (long)f->img;
    li = (long)f->li - 100;
    input = (long)f->input;
    ld = link_density(f);
    hd = f->text ? (double)f->head / (double)f->text : 0.0;
    if (img > 1 && (double)p / (double)img < 0.5 && !(nd->flags & S_IN_FIGURE))
        return 1;
    if (!is_list && li > p)
        return 1;
    if (input > p / 3)
        return 1;
    if (!is_list && hd < 0.9 && f->text < 25 && (img == 0 || img > 2) &&
        !(nd->flags & S_IN_FIGURE))
        return 1;
    if (!is_list && weight < 25 && ld > 0.2)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    if ((f->embed == 1 && f->text < 75) || f->embed > 1)
        return 1;
    return 0;
}

/* The clean-up passes, in readability's order: forms, then share boxes
 * and headings with bad class names, then tables, lists and divs. */
static int clean_forms(hsel *S, size_t i, int flags)
{
    unsigned t = node_at(S->P, i)->tag;
    return (t == T_FORM || t == T_FIELDSET) && clutter(S, i, flags);
}

static int clean_share(hsel *S, size_t i, int flags)
{
    unsigned t = node_at(S->P, i)->tag;
    const hinfo *f = &S->in[i];
    if (!f->root && (node_at(S->P, i)->flags & N_SHARE) && f->text < 500)
        return 1;
    /* Not in readability: a list that is nothing but links ("related
     * stories", "more from ...") is no article text either. */
    if ((t == T_UL || t == T_OL) && !(flags & F_KEEPALL) &&
        link_density(f) > 0.7 && f->commas == 0)
        return 1;
    return (flags & F_WEIGHT) && (t == T_H1 || t == T_H2) &&
           node_at(S->P, i)->weight < 0;
}

static int clean_blocks(hsel *S, size_t i, int flags)
{
    unsigned t = node_at(S->P, i)->tag;
    return (t == T_TABLE || t == T_UL || t == T_DIV) && clutter(S, i, flags);
}

/* One attempt with the given flags; returns the article's text length. */
static size_t attempt(hsel *S, int flags)
{
    size_t topc, len;
    mark_removed(S, flags);
    aggregate_all(S);
    set_eparents(S);
    score_units(S, flags);
    topc = pick_top(S, flags);
    choose_roots(S, topc);
    mark_article(S);
    if (flags & F_CLEAN)
        (void)clean_pass(S, flags, clean_forms);
    (void)clean_pass(S, flags, clean_share);
    len = clean_pass(S, flags, (flags & F_CLEAN) ? clean_blocks : NULL);
    return len;
}

/* The text of node i's subtree as it stands in the decoded buffer (a
 * block break reads as a space): copies at most cap bytes into out and
 * returns the full length. */
static size_t node_text(const hparse *P, size_t i, unsigned char *out,
                        size_t cap)
{
    const hnode *x = node_at(P, i);
    size_t k, m = 0;
    for (k = x->seg_start; k < x->seg_end; k++) {
        const hseg *g = seg_at(P, k);
        size_t len = g->kind == SEG_TEXT ? g->len : 1;
        if (m + len <= cap) {
            if (g->kind == SEG_TEXT)
                memcpy(out + m, P->buf + g->off, len);
            else
                out[m] = ' ';
        }
        m += len;
    }
    return m;
}

/* Static facts: subtree text, ancestors (table, code, figure), data
 * tables, headings that repeat the title. */
static int analyze_static(hsel *S)
{
    hparse *P = S->P;
    size_t i, nn = P->nn;
    /* per node: rows, max columns, cells of a row, data markers, nested */
    typedef struct tabinfo {
        size_t rows, cols, cells;
        unsigned char data, nested;
    } tabinfo;
    tabinfo *t = (tabinfo *)brief__alloc(P->a, nn * sizeof *t);
    if (!t)
        return 0;
    memset(t, 0, nn * sizeof *t);
    for (i = 0; i < nn; i++) {
        node_at(P, i)->tot = node_at(P, i)->text;
        if (node_at(P, i)->weight)
            S->any_weight = 1;
    }
    for (i = nn; i-- > 1;) {
        hnode *nd = node_at(P, i);
        size_t p = nd->parent;
        unsigned tg = nd->tag;
        node_at(P, p)->tot += nd->tot;
        if ((tg == T_CAPTION && nd->tot) || tg == T_COLGROUP ||
            tg == T_TFOOT || tg == T_THEAD || tg == T_TH ||
            (nd->flags & N_HASCOL))
            t[i].data = 1;
        if (tg == T_TR) {
            t[p].rows += t[i].rows + 1;
            if (t[i].cells > t[p].cols)
                t[p].cols = t[i].cells;
        } else {
            t[p].rows += t[i].rows;
            if (t[i].cols > t[p].cols)
                t[p].cols = t[i].cols;
        }
        if ((tg == T_TD || tg == T_TH) && node_at(P, p)->tag == T_TR)
            t[p].cells++;
        t[p].data |= t[i].data;
        t[p].nested |= (unsigned char)(t[i].nested || tg == T_TABLE);
        if (tg == T_TABLE) {
            int data;
            if (nd->flags & N_NOTDATA)
                data = 0;
            else if (nd->flags & N_SUMMARY)
                data = 1;
            else if (t[i].data)
                data = 1;
            else if (t[i].nested)
                data = 0;
            else if (t[i].rows == 1 || t[i].cols == 1)
                data = 0;
            else if (t[i].rows >= 10 || t[i].cols > 4)
                data = 1;
            else
                data = t[i].rows * t[i].cols > 10;
            if (data)
                nd->flags |= S_DATATABLE;
        }
    }
    for (i = 1; i < nn; i++) {
        hnode *nd = node_at(P, i);
        const hnode *pn = node_at(P, nd->parent);
        unsigned inh =
            pn->flags & (S_IN_TABLE | S_IN_CODE | S_IN_FIGURE | S_IN_DATA);
        if (pn->tag == T_TABLE)
            inh |= S_IN_TABLE | ((pn->flags & S_DATATABLE) ? S_IN_DATA : 0u);
        if (pn->tag == T_CODE)
            inh |= S_IN_CODE;
        if (pn->tag == T_FIGURE)
            inh |= S_IN_FIGURE;
        nd->flags |= inh;
        if ((nd->tag == T_H1 || nd->tag == T_H2) && S->title_len &&
            nd->tot > 0 && nd->tot < 400) {
            /* a short heading has few segments, so this stays linear */
            unsigned char tmp[1600];
            size_t m = node_text(P, i, tmp, sizeof tmp);
            if (m > sizeof tmp)
                m = sizeof tmp;
            if (similarity(S->title, S->title_len, tmp, m) > 0.75)
                nd->flags |= S_TITLESIM;
        }
    }
    return 1;
}

/* ---- render ------------------------------------------------------------- */

static size_t render(const hsel *S, unsigned char *out)
{
    const hparse *P = S->P;
    size_t k, o = 0;
    int para = 0, brk = 0, sp = 0;
    if (S->title_len) {
        memcpy(out, S->title, S->title_len);
        o = S->title_len;
        para = 1;
        brk = 1;
    }
    for (k = 0; k < P->ns; k++) {
        const hseg *g = seg_at(P, k);
        size_t j;
        if (g->kind == SEG_BREAK) {
            if (para)
                brk = 1;
            continue;
        }
        if (!S->in[g->node].inart) {
            if (para)
                sp = 1;
            continue;
        }
        for (j = 0; j < g->len; j++) {
            unsigned x = P->buf[g->off + j];
            if (is_ws(x) || x < 0x20 || x == 0x7F ||
                (x == 0xC2 && j + 1 < g->len &&
                 P->buf[g->off + j + 1] == 0xA0)) {
                if (x == 0xC2)
                    j++;
                sp = 1;
                continue;
            }
            if (para && brk) {
                out[o++] = '\n';
                out[o++] = '\n';
            } else if (para && sp) {
                out[o++] = ' ';
            }
            brk = 0;
            sp = 0;
            para = 1;
            out[o++] = (unsigned char)x;
        }
    }
    return o;
}

/* ---- entry points ------------------------------------------------------- */

int brief__decode_html(brief__arena *a, const char *in, size_t len,
                       brief__view *out)
{
    hparse P;
    hsel S;
    unsigned char *title = NULL, *text;
    size_t title_len = 0, best = 0, bestlen = 0, k, cap, ran = 0;
    static const int tries[4] = {F_STRIP | F_WEIGHT | F_CLEAN,
                                 F_WEIGHT | F_CLEAN, F_CLEAN, 0};
    memset(out, 0, sizeof *out);
    if (in && len > ((size_t)-1) / 4)
        return BRIEF_ERR_NOMEM; /* sizes below could not be computed */
    memset(&P, 0, sizeof P);
    P.a = a;
    P.s = (const unsigned char *)(in ? in : "");
    P.n = in ? len : 0;
    P.no_comment = P.no_cdata = P.no_dq = P.no_sq = P.no_gt = NPOS;
    for (k = 0; k < T_COUNT; k++)
        P.no_raw[k] = NPOS;
    P.buf = (unsigned char *)brief__alloc(a, P.n + 1);
    if (!P.buf)
        return BRIEF_ERR_NOMEM;
    P.next_id = T_COUNT;
    /* elements: at most one per 8 input bytes past the first 4096 (real
     * pages use one per 30-100 bytes), so garbage markup cannot make the
     * tree cost more than a bounded multiple of the input */
    P.max_nodes = P.n / 8 + 4096;
    if (!grow_open(&P, T_COUNT + 16) || !new_node(&P))
        return BRIEF_ERR_NOMEM;
    /* the root: stands for <body> (html, head and body tags are ignored) */
    node_at(&P, 0)->tag = T_BODY;
    node_at(&P, 0)->tf = tag_flags(T_BODY);
    P.cur = 0;
    if (!parse(&P))
        return BRIEF_ERR_NOMEM;

    /* The title: a <meta> title, else the cleaned <title>, else the h1. */
    {
        const unsigned char *src = NULL;
        size_t src_len = 0, h1_len = 0, cl;
        unsigned char *tmp, *h1 = NULL;
        int from_meta = 0; /* a meta title is never swapped for the h1 */
        if (P.meta_prio) {
            size_t off = decode_into(&P, P.meta_off, P.meta_off + P.meta_len,
                                     0, &src_len);
            src = P.buf + off;
            from_meta = 1;
        } else if (P.have_title) {
            src = P.buf + P.title_off;
            src_len = P.title_len;
        }
        if (P.h1_count == 1) { /* the one visible <h1> */
            for (k = 1; k < P.nn; k++) {
                const hnode *x = node_at(&P, k);
                if (x->tag == T_H1 && !x->drop) {
                    size_t m = node_text(&P, k, NULL, 0);
                    h1 = (unsigned char *)brief__alloc(a, m + 1);
                    if (!h1)
                        return BRIEF_ERR_NOMEM;
                    (void)node_text(&P, k, h1, m);
                    h1_len = collapse(h1, m, h1);
                    break;
                }
            }
        }
        tmp = (unsigned char *)brief__alloc(a, src_len + h1_len + 1);
        title = (unsigned char *)brief__alloc(a, src_len + h1_len + 1);
        if (!tmp || !title)
            return BRIEF_ERR_NOMEM;
        cl = collapse(src ? src : (const unsigned char *)"", src_len, tmp);
        if (cl) {
            /* readability takes a meta title as it is; a " - Site" suffix
             * is dropped from it too, as the title line of a summary */
            title_len = clean_title(tmp, cl, title, from_meta ? NULL : h1,
                                    from_meta ? 0 : h1_len);
        } else if (h1_len) {
            memcpy(title, h1, h1_len);
            title_len = h1_len;
        }
    }

    memset(&S, 0, sizeof S);
    S.P = &P;
    S.title = title;
    S.title_len = title_len;
    S.in = (hinfo *)brief__alloc(a, P.nn * sizeof *S.in);
    S.roots = (size_t *)brief__alloc(a, P.nn * sizeof *S.roots);
    if (!S.in || !S.roots || !analyze_static(&S))
        return BRIEF_ERR_NOMEM;
    /* readability's retries: the first attempt with 500 characters wins,
     * else the longest. A retry whose dropped flag removed nothing in the
     * last attempt would give the same result, so it is skipped. If even
     * the best is empty, the last resort keeps all visible text, furniture
     * included, so no page comes out empty. */
    for (k = 0; k < 4; k++) {
        size_t l;
        if ((k == 1 && S.stripped == 0) || (k == 2 && !S.any_weight) ||
            (k == 3 && S.cleaned == 0))
            continue;
        l = attempt(&S, tries[k]);
        ran = k;
        if (k == 0 || l > bestlen) {
            bestlen = l;
            best = k;
        }
        if (l >= 500)
            break;
    }
    if (bestlen == 0)
        (void)attempt(&S, F_KEEPALL);
    else if (best != ran)
        (void)attempt(&S, tries[best]);

    /* the text: title, blank line, paragraphs */
    cap = title_len + 2 + P.nb + 2 * P.ns + 1;
    text = (unsigned char *)brief__alloc(a, cap);
    if (!text)
        return BRIEF_ERR_NOMEM;
    out->len = render(&S, text);
    text[out->len] = 0;
    out->text = (const char *)text;
    out->title_off = 0;
    out->title_len = title_len;
    return BRIEF_OK;
}

/* Case-insensitive "s starts with lit" (lit lower case). */
static int ci_prefix(const unsigned char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n >= m && ci_eq(s, m, lit);
}

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
    while (i < n && is_ws(s[i]))
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

#endif /* BRIEF_NO_HTML */

#if defined(BRIEF_NO_HTML) && defined(BRIEF_NO_MARKDOWN)
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__html_left_out;
#endif

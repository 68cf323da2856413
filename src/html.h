/*
 * html.h - what the HTML tokenizer (html.c) and the main-text extraction
 * (extract.c) share: the tag ids and flags, the flat element tree the
 * tokenizer builds (nodes, text segments, the parse state) and the two
 * functions extract.c calls. Internal to those two files; include
 * internal.h first.
 */
#ifndef BRIEF_HTML_H
#define BRIEF_HTML_H

#ifndef BRIEF_NO_HTML

/* ---- tags --------------------------------------------------------------- */

/* Tag ids: the known tags in the order of html.c's table tag_defs (by
 * name), from 1; an unknown name gets an id of its own from T_COUNT up. */
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
#define N_CAPTION    0x0800u /* class/id says caption, legend, credit ...  */
#define N_SIGNUP     0x80000u /* class/id says newsletter                  */
#define S_DATATABLE  0x1000u /* a table of data, not of layout             */
#define S_IN_TABLE   0x2000u /* inside a <table>                           */
#define S_IN_CODE    0x4000u /* inside <code>                              */
#define S_IN_FIGURE  0x8000u /* inside <figure>                            */
#define S_IN_DATA    0x10000u /* inside a data table                       */
#define S_TITLESIM   0x20000u /* h1/h2 that repeats the title              */
#define S_IN_MAIN    0x40000u /* inside <article> or <main>                */

typedef struct hnode {
    size_t parent;          /* parent node (the root's is 0, itself)       */
    size_t end;             /* one past the last node of the subtree       */
    size_t seg_start, seg_end; /* its segments are [seg_start, seg_end)    */
    size_t name;            /* tag id, or interned id for unknown names    */
    size_t cls_off, cls_len; /* class attribute (raw bytes of the input)   */
    /* direct content (children not included) */
    size_t text;            /* characters of text, whitespace runs as one  */
    size_t link10;          /* characters inside links, times 10 (x3 '#')  */
    size_t hash;            /* characters inside in-page links ("#...")   */
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
 * nchunk[i >> CHUNK_SHIFT][i & (CHUNK - 1)]. Chunks of nodes (512 of
 * them, 72 KB on a 64-bit machine) are cut from slabs, blocks of their own
 * in the arena holding 1, 2, 4 ... up to SLAB_MAX chunks: a large page's
 * slabs are big enough for the CLI's huge-page blocks (2 MiB and more, see
 * cli.c), filled with a few page faults instead of one per 4 KiB (a 10 MB
 * page: 150 chunks, 2,700 faults, a tenth of its time on a virtual
 * machine), and a small page's stay small. (Chunks of 256, carved from the
 * arena's doubling blocks, faulted fewer pages too, but under the C
 * library's malloc tests/test_decode's linear-time check on 160,000
 * elements then took 14x the time of 40,000 on a loaded machine.)
 *
 * The open elements are not kept on a stack of their own: they are the
 * parent chain of the current node 'cur' (every element's parent is the
 * element that was current when it opened), so popping is cur = parent.
 */
#define CHUNK_SHIFT 9
#define CHUNK ((size_t)1 << CHUNK_SHIFT)
#define SLAB_MAX 32

typedef struct brief__attr_memo brief__attr_memo;

typedef struct hparse {
    brief__arena *a;
    brief__attr_memo *memo; /* answers for class and id values (html.c)  */
    const unsigned char *s;
    size_t n;
    hnode **nchunk;
    size_t nn, capnchunk;
    hnode *slab;            /* the next chunk's nodes; slab_left chunks    */
    size_t slab_left, slab_next; /* slab_next: chunks in the next slab     */
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
    /* the longest JSON-LD "articleBody" string: its raw bytes (JSON
     * escapes and character references still in), 0 if none */
    size_t ld_off, ld_len;
    /* the longest <noscript>'s raw content (markup), 0 if none */
    size_t nos_off, nos_len;
} hparse;

static inline hnode *brief__html_node(const hparse *P, size_t i)
{
    return &P->nchunk[i >> CHUNK_SHIFT][i & (CHUNK - 1)];
}

static inline hseg *brief__html_seg(const hparse *P, size_t k)
{
    return &P->schunk[k >> CHUNK_SHIFT][k & (CHUNK - 1)];
}

/* HTML's whitespace: space, tab, LF, CR, FF. */
static inline int brief__html_is_ws(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * Tokenize in[0..len) into *P (which needs no initialization): the element
 * tree, the decoded text and its segments, the title candidates. Node 0 is
 * the root, standing for <body>. Returns BRIEF_OK or BRIEF_ERR_NOMEM.
 */
int brief__html_parse(brief__arena *a, const char *in, size_t len,
                      hparse *P);

/* Decode the input bytes [from, to) into P's text buffer (character
 * references too, unless raw) and return the offset of the decoded bytes;
 * *len gets their count. The buffer has room for the whole input once
 * over, which bounds the text and the titles decoded into it. */
size_t brief__html_decode(hparse *P, size_t from, size_t to, int raw,
                          size_t *len);

#endif /* BRIEF_NO_HTML */
#endif /* BRIEF_HTML_H */

/*
 * extract.c - the page's main text, from the element tree html.c builds:
 * the title, the choice of the article's blocks and the plain text of
 * them (brief__decode_html, the HTML decoder's entry point).
 *
 *  1. The title: a <meta> title, else the <title> with a " | Site" part
 *     cleaned off (readability's _getArticleTitle), else the one <h1>.
 *
 *  2. attempt(): the main text is chosen by text density, following
 *     Mozilla's readability (see "main text selection" below). Static
 *     facts (subtree text, data tables, the heading that repeats the
 *     title) are worked out once; each attempt marks removals, scores
 *     paragraphs into their ancestors, picks the best container and its
 *     siblings and cleans clutter out of the result. Every pass is a loop
 *     over the nodes in index order (parents before children, or the
 *     reverse for bottom-up sums): linear, and never recursive.
 *
 *  3. render(): the kept segments are written out, title first, whitespace
 *     collapsed, one blank line between paragraphs; or, for a page whose
 *     JSON-LD "articleBody" is much longer than what was found (a page
 *     JavaScript renders), that text (render_ld()).
 *
 * Memory: a few arrays of one entry per node, from the arena.
 */
#include <string.h>
#include "internal.h"
#include "html.h"

#ifndef BRIEF_NO_HTML

#define NPOS ((size_t)-1)

/* ---- title -------------------------------------------------------------- */

/* Copy buf[off..off+len) with whitespace collapsed and trimmed into out
 * (room for len bytes); returns the new length. */
static size_t collapse(const unsigned char *b, size_t len, unsigned char *out)
{
    size_t i, o = 0;
    int sp = 0;
    for (i = 0; i < len; i++) {
        unsigned x = b[i];
        if (brief__html_is_ws(x) || x < 0x20 ||
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
 *  - Not in readability: what comes before the container (a <header>
 *    with the standfirst, an intro) joins it when it is little text with
 *    few links (lead()).
 *  - Clean-up inside the result: share boxes, headings with bad class
 *    names, and tables, lists and divs that look like clutter (many links,
 *    images or inputs, little text) are dropped, unless they hold most of
 *    the article's text; then (not in readability) link lists, tables of
 *    contents, pictures' captions and credits, sign-up and search boxes.
 *    Last, headings and short labels ("Read also:") over removed content
 *    go (drop_empty_headings(), drop_labels()).
 *  - Not in readability: a picture block that goes as a caption leaves
 *    its parent marked, and a short line beside it with no sentence end
 *    (a photo credit, "Name/Agency") goes too (clean_captions()).
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
    size_t hash;       /* text inside in-page ("#...") links           */
    size_t p, img, li, input, embed;
    size_t kids;       /* live children (elements and void ones)          */
    size_t only;       /* the first live child element                    */
    size_t nodekids;   /* live child elements                             */
    size_t eparent;    /* parent, skipping a div replaced by its only <p> */
    double score;
    unsigned char rm, scored, collapsed, plike, blockdesc, inart, root, mark;
    unsigned char pic; /* a picture block inside went as a caption (this
                          clean-up pass), see clean_captions() */
    unsigned char formgone; /* a <form> child was removed (this attempt) */
    unsigned char form; /* a removed <form> or a live <input> inside      */
    unsigned char inl; /* some element inside has a sentence of its own
                          and an image in it: a picture inline in running
                          text (a formula, an icon), not a captioned one */
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
    unsigned need;     /* page_prose() counts only nodes with these flags */
    size_t prose;      /* text of the page's prose paragraphs            */
    size_t arttext;    /* the article's text before the current clean-up */
    size_t headline;   /* the first h1/h2 that repeats the title, else
                          the page's one visible h1, or 0               */
    unsigned char *segoff; /* per segment: nonzero if it is not rendered
                              (1: a label left over, see drop_labels; 2:
                              a notice, see drop_notices); or NULL */
} hsel;

/* Longest text (characters) a caption has; see clean_share(). */
#define CAPTION_MAX 200

static int sentence_end(const hsel *S, size_t i, int all);

static int is_p(const hsel *S, size_t i)
{
    unsigned t = brief__html_node(S->P, i)->tag;
    return t == T_P || t == T_ANON || S->in[i].plike;
}

/* Aggregate the live subtree of every node in [lo, hi) whose flag "use"
 * holds, bottom-up (children have larger indices than parents). Nodes are
 * removed as decided by remove(); a removed node adds nothing upward. */
static void agg_reset(hsel *S, size_t i)
{
    const hnode *nd = brief__html_node(S->P, i);
    hinfo *f = &S->in[i];
    f->text = nd->text;
    f->link10 = nd->link10;
    f->hash = nd->hash;
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
    f->inl = 0;
    f->pic = 0;
    f->form = (unsigned char)(f->formgone || nd->input > 0);
}

/* Node i is complete: decide its derived flags. */
static void agg_finish(hsel *S, size_t i)
{
    const hnode *nd = brief__html_node(S->P, i);
    hinfo *f = &S->in[i];
    if (nd->text > 0 && f->img > 0 && f->text < CAPTION_MAX &&
        sentence_end(S, i, 0))
        f->inl = 1;
    if (nd->tag == T_DIV) {
        if (f->nodekids == 1 && f->kids == 1 &&
            (brief__html_node(S->P, f->only)->tag == T_P ||
             brief__html_node(S->P, f->only)->tag == T_ANON) &&
            f->link10 * 4 < f->text * 10)
            f->collapsed = 1;
        else if (!f->blockdesc)
            f->plike = 1;
    }
}

/* Add child c into its parent. */
static void agg_up(hsel *S, size_t c)
{
    const hnode *nd = brief__html_node(S->P, c);
    hinfo *f = &S->in[c], *p = &S->in[nd->parent];
    unsigned t = nd->tag;
    p->text += f->text;
    p->link10 += f->link10;
    p->hash += f->hash;
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
    p->inl |= f->inl;
    p->pic |= f->pic;
    p->form |= f->form;
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
    const hnode *nd = brief__html_node(S->P, i);
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

/* 1 if the text of node i holds ". " or ends with "." (with all, "!"
 * and "?" count as "." does); checked only on short paragraphs, so the
 * walk is cheap. */
static int sentence_end(const hsel *S, size_t i, int all)
{
    const hparse *P = S->P;
    const hnode *nd = brief__html_node(P, i);
    size_t k, last = 0;
    int seen = 0;
    for (k = nd->seg_start; k < nd->seg_end; k++) {
        const hseg *g = brief__html_seg(P, k);
        size_t j;
        if (g->kind != SEG_TEXT || S->in[g->node].rm)
            continue;
        for (j = 0; j < g->len; j++) {
            unsigned c = P->buf[g->off + j];
            if (seen && (c == ' '))
                return 1;
            if (!brief__html_is_ws(c)) {
                seen = c == '.' || (all && (c == '!' || c == '?'));
                last = seen ? '.' : c;
            } else {
                seen = 0;
            }
        }
    }
    return last == '.';
}

static int same_class(const hparse *P, size_t a, size_t b)
{
    const hnode *x = brief__html_node(P, a), *y = brief__html_node(P, b);
    return x->cls_len && x->cls_len == y->cls_len &&
           memcmp(P->s + x->cls_off, P->s + y->cls_off, x->cls_len) == 0;
}

/* A <form>, <header> or other furniture element that holds more than half
 * of the page's text is the page's wrapper (ASP.NET wraps every page in
 * one <form>; some themes put the whole post in a <header>), not furniture
 * beside the article; and a <header> inside an <article> or <main> is the
 * article's own (its heading and lede, as HTML defines it), not the
 * site's. Either is judged as any other element. mark_removed() spares an
 * element whose class reads as furniture (readability's unlikely words:
 * "footer", "sidebar" ...) on the same grounds, when it also holds the
 * headline (a theme that wraps the whole page in "above-footer"): the
 * heading that repeats the title, or else the page's one <h1>. */
static int wrapper(const hparse *P, const hnode *nd)
{
    return nd->tot * 2 > brief__html_node(P, 0)->tot ||
           (nd->tag == T_HEADER && (nd->flags & S_IN_MAIN));
}

/* Does node i hold the headline (S->headline, 0 if none) in its subtree? */
static int holds_headline(const hsel *S, size_t i)
{
    return S->headline > i &&
           S->headline < brief__html_node(S->P, i)->end;
}

/* Is node i a caption by its class ("wp-caption-text", "media__caption",
 * "legend"), as <figcaption> is by its tag: short text (under
 * CAPTION_MAX characters, not in a table) beside a picture: an <img> in
 * its grandparent's subtree (a credit <span> in the <p> beside the <img>)
 * at most CAPTION_NODES nodes before or after it. A text with such a
 * class and no picture near it is not taken for a caption. */
#define CAPTION_NODES 16
/* Longest text of a newsletter sign-up box (N_SIGNUP: a block, not a
 * link inside a sentence) dropped as one. */
#define SIGNUP_MAX 300

static int captioned(const hparse *P, size_t i)
{
    const hnode *nd = brief__html_node(P, i);
    size_t k, e;
    if (!(nd->flags & N_CAPTION) || nd->tot >= CAPTION_MAX ||
        (nd->flags & S_IN_TABLE))
        return 0;
    k = brief__html_node(P, nd->parent)->parent; /* its grandparent */
    e = brief__html_node(P, k)->end;
    if (k + CAPTION_NODES < i)
        k = i - CAPTION_NODES;
    if (e > i + CAPTION_NODES)
        e = i + CAPTION_NODES;
    for (; k < e; k++)
        if (brief__html_node(P, k)->img)
            return 1;
    return 0;
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
        const hnode *nd = brief__html_node(P, i);
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
        else if (((fl & TF_SOFT) && !wrapper(P, nd)) ||
                 (nd->flags & (N_MODAL | N_BANNER)) || t == T_FIGCAPTION ||
                 captioned(P, i) ||
                 ((nd->flags & N_SIGNUP) && nd->tot < SIGNUP_MAX &&
                  !(fl & TF_PHRASE)))
            r = 1;
        else if (!byline && (nd->flags & N_BYLINE) && nd->tot > 0 &&
                 nd->tot < 100)
            r = byline = 1;
        else if (!titledup && (nd->flags & S_TITLESIM))
            r = titledup = 1;
        else if ((flags & F_STRIP) &&
                 (((nd->flags & N_UNLIKELY) &&
                   !(nd->flags & (S_IN_TABLE | S_IN_CODE)) && t != T_A &&
                   !(holds_headline(S, i) &&
                     wrapper(P, nd))) ||
                  (nd->flags & N_BADROLE))) {
            r = 1;
            S->stripped++;
        }
        else if ((t == T_DIV || t == T_SECTION || t == T_HEADER ||
                  (fl & TF_HEAD)) && nd->tot == 0 && nd->kids0 == nd->brhr)
            r = 1;
        S->in[i].rm = (unsigned char)r;
        if (r && t == T_FORM)
            S->in[nd->parent].formgone = 1;
    }
}

/* Effective parents: a div that is only a wrapper of one <p> is skipped. */
static void set_eparents(hsel *S)
{
    size_t i;
    S->in[0].eparent = NPOS;
    for (i = 1; i < S->P->nn; i++) {
        size_t p = brief__html_node(S->P, i)->parent;
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
        if (!((brief__html_node(S->P, i)->tf & TF_SCORE) || f->plike))
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
    size_t i, end = brief__html_node(S->P, p)->end;
    for (i = from; i < end; i++) {
        if (S->in[i].rm) {
            /* skip the removed subtree */
            i = brief__html_node(S->P, i)->end - 1;
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

/*
 * The chosen container often holds the article's body only, while its
 * heading, standfirst and lead picture come in a block before it (a
 * <header> with the lede, an "intro" div) under a common ancestor. What
 * comes before the container, up to LEAD_LEVELS ancestors up, joins the
 * article while it is little text (at most LEAD_SHARE of the
 * container's: no second column) and hardly any of it in links (no menu,
 * no teaser list). Only what comes before: after an article's body come
 * its author box, share buttons and teasers, not its text. lead() makes
 * the roots of those blocks (after choose_roots()'s) and is linear: each
 * level scans only the nodes the level before did not.
 */
#define LEAD_LEVELS 6 /* page builders nest rows, columns, wrappers and
                        * blocks: the standfirst's block and the body's can
                        * meet six levels up */
#define LEAD_SHARE 0.25
#define LEAD_LINKS 0.2
#define LEAD_MIN 50

static void lead(hsel *S, size_t topc)
{
    size_t a, lo = topc, level = 0, text = 0, link10 = 0, i, upto = topc;
    const hnode *nd;
    if (topc == 0)
        return;
    for (a = S->in[topc].eparent; a != NPOS && a != 0 && level < LEAD_LEVELS;
         a = S->in[a].eparent, level++) {
        size_t t = text, l = link10;
        for (i = a + 1; i < lo; i++) {
            if (S->in[i].rm || brief__html_node(S->P, i)->end > topc) {
                if (S->in[i].rm)
                    i = brief__html_node(S->P, i)->end - 1;
                continue;
            }
            t += S->in[i].text;
            l += S->in[i].link10;
            i = brief__html_node(S->P, i)->end - 1;
        }
        if ((double)t > LEAD_SHARE * (double)S->in[topc].text ||
            (double)l > 10.0 * LEAD_LINKS * (double)t)
            break;
        text = t;
        link10 = l;
        lo = a;
        upto = a;
    }
    if (upto == topc)
        return;
    for (i = upto + 1; i < topc; i++) {
        if (S->in[i].rm) {
            i = brief__html_node(S->P, i)->end - 1;
            continue;
        }
        nd = brief__html_node(S->P, i);
        if (nd->end > topc || S->in[i].root || S->in[i].collapsed ||
            !(is_p(S, i) || (nd->tf & (TF_SCORE | TF_HEAD))))
            continue;
        if (S->in[i].text >= LEAD_MIN && !(nd->flags & S_IN_FIGURE) &&
            link_density(&S->in[i]) < LEAD_LINKS && S->nroots < S->P->nn)
            S->roots[S->nroots++] = i;
        i = nd->end - 1;
    }
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
         c = next_child(S, par, brief__html_node(S->P, c)->end)) {
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
                         sentence_end(S, c, 0))
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
        if (f->root ||
            (i > 0 && S->in[brief__html_node(S->P, i)->parent].inart))
            f->inart = 1;
    }
}

/* Aggregate the article bottom-up; call drop() on each node once its
 * subtree is complete and remove the node if it says so (so inner clutter
 * goes before its container is judged, as in readability). Returns the
 * article's text length. */
typedef int (*clean_fn)(hsel *S, size_t i, int flags);

static int clean_share(hsel *S, size_t i, int flags);
static int clean_captions(hsel *S, size_t i, int flags);
static size_t page_prose(hsel *S, int collect);

static size_t clean_pass(hsel *S, int flags, clean_fn drop)
{
    size_t i, total = 0, nn = S->P->nn;
    S->arttext = 0;
    for (i = 0; i < S->nroots; i++)
        S->arttext += S->in[S->roots[i]].text;
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
            /* a picture dropped with its caption still stands beside
             * what is left of its parent (a credit line, a caption) */
            if (drop == clean_captions && i > 0 && f->img)
                S->in[brief__html_node(S->P, i)->parent].pic = 1;
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
    return (brief__html_node(S->P, i)->flags & S_DATATABLE) != 0;
}

/* readability's _cleanConditionally test. */
static int clutter(hsel *S, size_t i, int flags)
{
    const hnode *nd = brief__html_node(S->P, i);
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
    /* Not in readability: a block that holds most of the article's text,
     * and little of it in links, is the article, whatever else it holds
     * (a like-button iframe or two, a row of share inputs) or its class
     * says (a page wrapped in "above-footer") */
    if (f->text * 2 > S->arttext && link_density(f) < 0.2)
        return 0;
    /* a negative class word alone ("scrollblock": the story asked for,
     * in a page that scrolls on to the next ones) does not drop the
     * block that holds the headline, as mark_removed() spares it */
    if (weight < 0 && !holds_headline(S, i))
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
    unsigned t = brief__html_node(S->P, i)->tag;
    return (t == T_FORM || t == T_FIELDSET) && clutter(S, i, flags);
}

static int clean_share(hsel *S, size_t i, int flags)
{
    unsigned t = brief__html_node(S->P, i)->tag;
    const hinfo *f = &S->in[i];
    if (!f->root && (brief__html_node(S->P, i)->flags & N_SHARE) &&
        f->text < 500)
        return 1;
    /* Not in readability: a list that is nothing but links ("related
     * stories", "more from ...") is no article text either. */
    if ((t == T_UL || t == T_OL) && !(flags & F_KEEPALL) &&
        link_density(f) > 0.7 && f->commas == 0)
        return 1;
    /* nor is a table of contents: a list whose text is mostly links to
     * places in the page itself */
    if ((t == T_UL || t == T_OL) && !(flags & F_KEEPALL) && !f->root &&
        f->hash * 2 > f->text)
        return 1;
    /* nor is a short paragraph that is mostly a link ("Read also: ...") */
    if (t == T_P && !f->root && !(flags & F_KEEPALL) && f->text < 200 &&
        link_density(f) > 0.5)
        return 1;
    return (flags & F_WEIGHT) && (t == T_H1 || t == T_H2) &&
           brief__html_node(S->P, i)->weight < 0;
}

static int clean_blocks(hsel *S, size_t i, int flags)
{
    unsigned t = brief__html_node(S->P, i)->tag;
    return (t == T_TABLE || t == T_UL || t == T_DIV) && clutter(S, i, flags);
}

/* A picture's caption or credit: a block of images and a short text
 * beside them, nothing else (readability drops <figcaption>; most pages
 * mark a caption up as a div or p beside the <img>; see inl for pictures
 * inside sentences). Not in readability. It runs as a pass of its own
 * after the others, so that a teaser (a picture, a headline, a line) is
 * judged whole by clutter() before its picture block could go. Pictures
 * and captions nest (a figure > a frame > the img, the credit beside the
 * frame): a block whose picture went this way (pic) goes too when what is
 * left of it is a line of at most CREDIT_MAX characters without a
 * sentence end (a credit, "Name/Agency"), not running text. */
#define FORM_BOX 300
#define CREDIT_MAX 80

static int clean_captions(hsel *S, size_t i, int flags)
{
    const hnode *nd = brief__html_node(S->P, i);
    const hinfo *f = &S->in[i];
    unsigned t = nd->tag;
    if (!f->root && !(flags & F_KEEPALL) && f->form && f->text < FORM_BOX &&
        t != T_P && !(nd->flags & S_IN_TABLE))
        return 1;
    return !f->root && !(flags & F_KEEPALL) && f->text > 0 && !f->inl &&
           ((f->img > 0 && f->text < CAPTION_MAX) ||
            (f->pic && f->text < CREDIT_MAX && !sentence_end(S, i, 1))) &&
           t != T_LI && t != T_P &&
           t != T_TABLE && !(nd->flags & S_IN_TABLE) &&
           !(nd->tf & TF_HEAD);
}

/* Mark the article from its roots and clean it up; returns its text. */
static size_t clean_article(hsel *S, int flags)
{
    size_t len;
    mark_article(S);
    if (flags & F_CLEAN)
        (void)clean_pass(S, flags, clean_forms);
    (void)clean_pass(S, flags, clean_share);
    len = clean_pass(S, flags, (flags & F_CLEAN) ? clean_blocks : NULL);
    if (!(flags & F_KEEPALL))
        len = clean_pass(S, flags, clean_captions);
    return len;
}

/* One attempt with the given flags; returns the article's text length. */
static size_t attempt(hsel *S, int flags)
{
    size_t topc;
    mark_removed(S, flags);
    aggregate_all(S);
    if (flags & F_STRIP) /* the first attempt: the page's prose, once */
        S->prose = page_prose(S, 0);
    set_eparents(S);
    score_units(S, flags);
    topc = pick_top(S, flags);
    choose_roots(S, topc);
    lead(S, topc);
    return clean_article(S, flags);
}

/* ---- headings with nothing under them ----------------------------------- */
/*
 * A heading introduces what follows it. One with no article text after it
 * before the next heading of its rank or above (or before the end) heads
 * something that was dropped: the "Related stories" or "Read also" title
 * over a list of links the clean-up removed, a "Comments" heading over
 * removed comments. It goes too. The walk is over the segments, last to
 * first, with one "text seen" flag per rank; hd[] maps each node to the
 * heading it is in (NPOS if none), filled parents first. Returns 0 when out
 * of memory (the headings then stay).
 */
/* 1 if text segment g holds more than whitespace. */
static int has_ink(const hparse *P, const hseg *g)
{
    size_t j;
    for (j = 0; j < g->len; j++)
        if (!brief__html_is_ws(P->buf[g->off + j]))
            return 1;
    return 0;
}

/* Elements that are content without text of their own: custom elements
 * (a formula, a recipe card a script fills), tables, code, media. */
static int is_media(unsigned t)
{
    switch (t) {
    case T_UNKNOWN: case T_TABLE: case T_PRE: case T_PICTURE: case T_VIDEO:
    case T_AUDIO: case T_IFRAME: case T_OBJECT: case T_CANVAS: case T_SVG:
    case T_FIGURE: case T_MATH:
        return 1;
    default:
        return t >= T_COUNT;
    }
}

static int drop_empty_headings(hsel *S)
{
    const hparse *P = S->P;
    size_t i, k, nn = P->nn, *hd;
    unsigned char *media;
    int seen[7], r;
    hd = (size_t *)brief__alloc(P->a, nn * sizeof *hd);
    if (!hd)
        return 0;
    for (i = 0; i < nn; i++) {
        const hnode *x = brief__html_node(P, i);
        hd[i] = (x->tf & TF_HEAD) ? i : i ? hd[x->parent] : NPOS;
    }
    /* an article of headings alone keeps them: a page with text gives it */
    for (k = 0; k < P->ns; k++) {
        const hseg *g = brief__html_seg(P, k);
        if (g->kind == SEG_TEXT && S->in[g->node].inart &&
            hd[g->node] == NPOS && has_ink(P, g))
            break;
    }
    if (k == P->ns)
        return 1;
    /* content without text (a figure, a table, a formula in a custom
     * element, a video) counts as something under a heading: media[k] is
     * 1 if such an element of the article starts at segment k */
    media = (unsigned char *)brief__alloc(P->a, P->ns + 1);
    if (!media)
        return 0;
    memset(media, 0, P->ns + 1);
    for (i = 1; i < nn; i++) {
        const hnode *x = brief__html_node(P, i);
        if (S->in[i].inart && hd[i] == NPOS && (x->img || x->embed ||
            is_media(x->tag)))
            media[x->seg_start] = 1;
    }
    for (r = 0; r < 7; r++)
        seen[r] = 0;
    for (k = P->ns + 1; k-- > 0;) {
        const hseg *g;
        size_t h;
        /* segment k first: an element without segments of its own that
         * starts at k stands before it */
        g = k < P->ns ? brief__html_seg(P, k) : NULL;
        if (!g || g->kind != SEG_TEXT || !S->in[g->node].inart ||
            !has_ink(P, g)) {
            if (media[k])
                for (r = 0; r < 7; r++)
                    seen[r] = 1;
            continue;
        }
        h = hd[g->node];
        if (h == NPOS) {
            for (r = 0; r < 7; r++)
                seen[r] = 1;
            continue;
        }
        if (S->in[h].mark)
            continue; /* decided at its last segment */
        S->in[h].mark = 1;
        r = (int)(brief__html_node(P, h)->tag - T_H1) + 1;
        if (!seen[r]) {
            size_t e = brief__html_node(P, h)->end;
            for (i = h; i < e; i++)
                S->in[i].inart = 0;
        }
        /* the headings of lower rank before this one end here */
        for (; r < 7; r++)
            seen[r] = 0;
        if (media[k])
            for (r = 0; r < 7; r++)
                seen[r] = 1;
    }
    return 1;
}

/* ---- labels of removed content ----------------------------------------- */
/*
 * A line of the article (its text segments between two paragraph breaks)
 * that is short (under LABEL_MAX characters) and no sentence (it ends
 * without . ! ? or an ellipsis), and after which the next text of the
 * page was removed, is the label of what the clean-up removed when that
 * text is a link's (a teaser list: "Related coverage") or the label ends
 * with a colon ("Read also:", "Contact:"). The heading test above covers
 * h1-h6; this is for labels made of <p>, <strong> or <div>. List items,
 * table cells and code are data, never labels; labels go one at a time (a run
 * of short lines is a list or a signature); and a page of labels alone
 * keeps them. One pass over the segments, last to first: "next" is the
 * first inked segment after the line. Returns 0 when out of memory.
 */
#define LABEL_MAX 50

/* 1 if node i is, or is inside (a few levels up), a list item, a table
 * cell or code: short lines there are data ("390 kcal", "image: nginx"),
 * not labels. */
static int in_item(const hparse *P, size_t i)
{
    int up;
    for (up = 0; up < 6 && i != 0; up++) {
        const hnode *x = brief__html_node(P, i);
        if (x->tag == T_LI || x->tag == T_DD || x->tag == T_DT ||
            x->tag == T_PRE || x->tag == T_CODE ||
            (x->flags & (S_IN_TABLE | S_IN_CODE)))
            return 1;
        i = x->parent;
    }
    return 0;
}

static int drop_labels(hsel *S)
{
    const hparse *P = S->P;
    size_t k, n = P->ns, end, chars = 0;
    int next_art = 0; /* the inked text after the current line is the
                         article's */
    int open = 0;     /* a line is being gathered (from its end back) */
    int next_out = 0;  /* there is such text, outside the article */
    int next_link = 0; /* and it is a link's */
    size_t kept = 0;   /* lines that stay */
    unsigned last = 0;
    S->segoff = (unsigned char *)brief__alloc(P->a, n + 1);
    if (!S->segoff)
        return 0;
    memset(S->segoff, 0, n + 1);
    end = n;
    for (k = n + 1; k-- > 0;) {
        const hseg *g = k < n ? brief__html_seg(P, k) : NULL;
        int art = g && g->kind == SEG_TEXT && S->in[g->node].inart;
        if (g && g->kind == SEG_TEXT && !has_ink(P, g))
            continue;
        if (art) {
            size_t j;
            if (!open) {
                open = 1;
                end = k + 1;
                chars = 0;
                /* its last visible character */
                for (j = g->len; j-- > 0;)
                    if (!brief__html_is_ws(P->buf[g->off + j])) {
                        last = P->buf[g->off + j];
                        if (last >= 0x80 && j >= 2)
                            last = P->buf[g->off + j - 2] == 0xE2 &&
                                   P->buf[g->off + j - 1] == 0x80 &&
                                   P->buf[g->off + j] == 0xA6 ? '.' : 0;
                        break;
                    }
            }
            chars += g->len;
            continue;
        }
        /* a break, a segment outside the article or the start */
        if (open) {
            if (chars < LABEL_MAX && last != '.' && last != '!' &&
                last != '?' && !next_art && next_out &&
                (next_link || last == ':') &&
                !in_item(P, brief__html_seg(P, k + 1)->node)) {
                size_t m;
                for (m = k + 1; m < end; m++)
                    S->segoff[m] = 1;
            } else {
                kept++;
            }
            /* a dropped label counts as the article's text for the line
             * before it: labels are dropped one at a time, never a run of
             * short lines (a list, a signature) */
            next_art = 1;
            open = 0;
        }
        if (g && g->kind == SEG_TEXT) {
            next_art = 0; /* inked text outside the article */
            next_out = 1;
            next_link = brief__html_node(P, g->node)->link != 0;
        }
    }
    if (kept == 0) /* labels alone: the page has nothing else to give */
        memset(S->segoff, 0, n + 1);
    return 1;
}

/* ---- the fallback: the page's prose ------------------------------------ */
/*
 * A prose paragraph is a paragraph-like unit (p, the loose text of a div, a
 * div with no block inside) of at least PROSE_MIN characters with few link
 * characters (under a quarter): running text, not a menu, a caption or a
 * teaser list. page_prose() sums the prose paragraphs left after what the
 * first attempt removes (furniture, hidden content, unlikely classes such
 * as comments and sidebars); with collect, they become the roots of the
 * article. The first attempt calls it on its own marks, so it costs no
 * pass of its own.
 *
 * The selection answers "which block is the article"; it can answer with a
 * caption, a teaser or nothing when the page's markup misleads it. If the
 * chosen text holds less than a quarter of the page's prose (PROSE_SHARE),
 * the page's prose paragraphs, in document order, are the text instead: a
 * page with sentences always gives them. If it is longer but holds less
 * than half of the prose itself (PROSE_PART: a list of names, a teaser or
 * an author box chosen for its commas, beside the story), the prose
 * paragraphs outside it join it, and the whole is cleaned up again. A
 * text under 500 characters on a page with no more prose outside its
 * furniture is measured against the prose of the page's <main> or
 * <article>, furniture in them included (an article in an <aside> or a
 * <form> there; not a sidebar or a footer outside them).
 */
#define PROSE_MIN 80
#define PROSE_SHARE 4
#define PROSE_PART 2

/* Sum the prose paragraphs among the live nodes, as marked and
 * aggregated for the first attempt; with collect 1, make them the roots;
 * 2: add those outside the article to its roots; 3: sum only those in
 * the article. */
static size_t page_prose(hsel *S, int collect)
{
    size_t i, total = 0;
    if (collect == 1)
        S->nroots = 0;
    for (i = 1; i < S->P->nn; i++) {
        hinfo *f = &S->in[i];
        if (f->rm || (collect == 2 && f->inart)) {
            i = brief__html_node(S->P, i)->end - 1;
            continue;
        }
        if (f->collapsed || !is_p(S, i) || f->text < PROSE_MIN ||
            link_density(f) >= 0.25 || (collect == 3 && !f->inart) ||
            (S->need & ~brief__html_node(S->P, i)->flags))
            continue;
        total += f->text;
        if (collect == 1 || collect == 2)
            S->roots[S->nroots++] = i;
        i = brief__html_node(S->P, i)->end - 1; /* not inside it again */
    }
    return total;
}

/* The text of node i's subtree as it stands in the decoded buffer (a
 * block break reads as a space): copies at most cap bytes into out and
 * returns the full length. */
static size_t node_text(const hparse *P, size_t i, unsigned char *out,
                        size_t cap)
{
    const hnode *x = brief__html_node(P, i);
    size_t k, m = 0;
    for (k = x->seg_start; k < x->seg_end; k++) {
        const hseg *g = brief__html_seg(P, k);
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
        brief__html_node(P, i)->tot = brief__html_node(P, i)->text;
        if (brief__html_node(P, i)->weight)
            S->any_weight = 1;
    }
    for (i = nn; i-- > 1;) {
        hnode *nd = brief__html_node(P, i);
        size_t p = nd->parent;
        unsigned tg = nd->tag;
        brief__html_node(P, p)->tot += nd->tot;
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
        if ((tg == T_TD || tg == T_TH) && brief__html_node(P, p)->tag == T_TR)
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
        hnode *nd = brief__html_node(P, i);
        const hnode *pn = brief__html_node(P, nd->parent);
        unsigned inh = pn->flags & (S_IN_TABLE | S_IN_CODE | S_IN_FIGURE |
                                    S_IN_DATA | S_IN_MAIN);
        if (pn->tag == T_ARTICLE || pn->tag == T_MAIN)
            inh |= S_IN_MAIN;
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
            if (similarity(S->title, S->title_len, tmp, m) > 0.75) {
                nd->flags |= S_TITLESIM;
                if (S->headline == 0)
                    S->headline = i;
            }
        }
    }
    /* no heading repeats the title: the page's one visible <h1> is its
     * headline (a title rewritten for search engines) */
    if (S->headline == 0 && P->h1_count == 1)
        for (i = 1; i < P->nn; i++) {
            const hnode *nd = brief__html_node(P, i);
            if (nd->tag == T_H1 && !nd->drop) {
                S->headline = i;
                break;
            }
        }
    return 1;
}

/* ---- render ------------------------------------------------------------- */

/* Append text byte x at out[o]: first the break pending before it (a
 * blank line, *brk) or the blank (one space, *sp), unless nothing was
 * written yet (*para 0). Returns the new length. */
static size_t ex_put_byte(unsigned char *out, size_t o, unsigned char x,
                          int *para, int *brk, int *sp)
{
    if (*para && *brk) {
        out[o++] = '\n';
        out[o++] = '\n';
    } else if (*para && *sp) {
        out[o++] = ' ';
    }
    *brk = 0;
    *sp = 0;
    *para = 1;
    out[o++] = x;
    return o;
}

/* The length of an invisible format character at s (0 if none): soft
 * hyphen U+00AD, zero-width space U+200B, word joiner U+2060 and the
 * zero-width no-break space U+FEFF. A browser shows none of them inside a
 * word, and left in they split the word for every later stage (a soft
 * hyphen in "Bun\u00ADdes\u00ADtag" would make three words). ZWNJ and ZWJ
 * (U+200C/D) stay: they change how Persian, Indic scripts and emoji are
 * written. */
static size_t invisible(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xAD)
        return 2;
    if (n >= 3 && ((s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x8B) ||
                   (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0) ||
                   (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)))
        return 3;
    return 0;
}

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
        const hseg *g = brief__html_seg(P, k);
        size_t j;
        if (g->kind == SEG_BREAK) {
            if (para)
                brk = 1;
            continue;
        }
        if (!S->in[g->node].inart || (S->segoff && S->segoff[k])) {
            if (para)
                sp = 1;
            continue;
        }
        for (j = 0; j < g->len; j++) {
            const unsigned char *b = P->buf + g->off;
            unsigned x = b[j];
            size_t inv;
            if (x - 0x21u < 0x5Eu) { /* printable ASCII: a run of them */
                o = ex_put_byte(out, o, (unsigned char)x, &para, &brk, &sp);
                while (j + 1 < g->len && b[j + 1] - 0x21u < 0x5Eu)
                    out[o++] = b[++j];
                continue;
            }
            inv = invisible(b + j, g->len - j);
            if (inv) {
                j += inv - 1;
                continue;
            }
            if (brief__html_is_ws(x) || x < 0x20 || x == 0x7F ||
                (x == 0xC2 && j + 1 < g->len &&
                 P->buf[g->off + j + 1] == 0xA0)) {
                if (x == 0xC2)
                    j++;
                sp = 1;
                continue;
            }
            o = ex_put_byte(out, o, (unsigned char)x, &para, &brk, &sp);
        }
    }
    return o;
}

/* ---- notices: copyright, credit, date and advertisement lines ---------- */
/*
 * A short line of the article (at most NOTICE_MAX bytes between two
 * paragraph breaks) that speaks about the page or its pictures, not the
 * story, goes like a label: a copyright line (it opens with "©" or
 * "Copyright", or says "All rights reserved" in one of brief's languages)
 * or a credit or source line, a credit word then a colon or "by" ("Photo:
 * Name/Agency", "(Foto: dpa)", "Quelle: THW", "Image by Name"). Before
 * the article's first prose line (PROSE_MIN bytes or more), a copyright
 * line with a year in it is the text's own byline ("© 2003 Name" over an
 * essay) and stays; one without is a picture's credit. A credit
 * beside its picture goes with it (clean_captions()); these stand apart,
 * under the text or a gallery, where only their words tell them. So does
 * a line that is nothing but a date in digits (is_date()) or the label
 * of an advertisement ("Advertisement:", "- Anzeige -"). List
 * items, table cells and code are data ("Quelle:" in a table), never notices;
 * a page of notices alone keeps them. Returns nothing: it only marks
 * segoff (2: a notice), which drop_labels() allocated.
 */
#define NOTICE_MAX 120
#define COMMENT_WORDS 6

/* credit words, folded to lower case, each followed by a space */
static const char credit_words[] =
    "beeld beitragsbild bild bilder bildnachweis bildquelle bron credit "
    "credits cr\303\251dit cr\303\251dito cr\303\251ditos cr\303\251dits "
    "foto fotografia fotograf\303\255a fotos fonte fuente image imagen "
    "images immagine k\303\244lla photo photograph photos picture pictures "
    "quelle quellen quellenangaben source sources titelbild ";

/* the label over an advertisement, lower case */
static const char ad_words[] =
    "advertentie advertisement annons anzeige publicidad publicidade "
    "publicit\303\251 pubblicit\303\240 sponsored werbung ";

/* the label of the date a page was published or updated, lower case */
static const char dated_words[] =
    "actualizado aggiornato aktualisiert atualizado bijgewerkt erstellt "
    "gepubliceerd modified modifi\303\251 posted publicado publicerad "
    "publi\303\251 published publiziert pubblicato stand updated "
    "uppdaterad ver\303\266ffentlicht ver\303\266ffentlichung ";

/* the months' names in brief's languages, and short forms, lower case */
static const char month_words[] =
    "jan januar january janvier janeiro januari enero gennaio "
    "feb februar february februari febrero febbraio fevereiro f\303\251vrier "
    "mar maart march mars marzo mar\303\247o m\303\244rz "
    "apr april aprile abril avril "
    "may mai maio maj maggio mayo mei "
    "jun june juni junio junho juin giugno "
    "jul july juli julio julho juillet luglio "
    "aug august augusti augustus agosto ao\303\273t "
    "sep sept september septembre septiembre setembro settembre "
    "oct okt october oktober octobre octubre outubro ottobre "
    "nov november novembre noviembre novembro "
    "dec dez december dezember diciembre dicembre dezembro "
    "d\303\251cembre ";

/* "All rights reserved" in brief's languages, lower case */
static const char *const reserved_words[] = {
    "rights reserved", "rechte vorbehalten", "derechos reservados",
    "droits r\303\251serv\303\251s", "diritti riservati",
    "direitos reservados", "rechten voorbehouden",
    "r\303\244ttigheter f\303\266rbeh\303\245llna"};

/* Read the word at b[*j] (letters, non-ASCII bytes) into w, folded to
 * lower case; returns its length (sizeof w: too long). */
static size_t notice_word(const unsigned char *b, size_t n, size_t *j,
                          unsigned char *w, size_t max)
{
    size_t k = 0;
    while (*j < n && k < max &&
           (b[*j] >= 0x80 || brief__ascii_lower(b[*j]) - 'a' < 26u))
        w[k++] = (unsigned char)brief__ascii_lower(b[(*j)++]);
    return k;
}

/* Does the line that opens with b[0..n) (its first inked segment) open
 * as a notice? prose: the article's first prose line is behind. */
static int opens_notice(const unsigned char *b, size_t n, int prose)
{
    unsigned char w[16];
    size_t j = 0, k = 0;
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    if (j < n && b[j] == '(')
        j++;
    if (!(n - j >= 2 && b[j] == 0xC2 && b[j + 1] == 0xA9) && /* © */
        !((k = notice_word(b, n, &j, w, sizeof w)) == 9 &&
          !memcmp(w, "copyright", 9))) {
        /* a credit word or two ("Photo credit", "Crédits photos"), then
         * a colon or "by" */
        if (!brief__in_words(credit_words, (const char *)w, k))
            return 0;
        while (j < n && brief__html_is_ws(b[j]))
            j++;
        if (j < n && b[j] != 'b' && (k = notice_word(b, n, &j, w, sizeof w))) {
            if (!brief__in_words(credit_words, (const char *)w, k))
                return 0;
            while (j < n && brief__html_is_ws(b[j]))
                j++;
        }
        return j < n && (b[j] == ':' || (n - j >= 2 && b[j] == 'b' &&
                                         b[j + 1] == 'y' &&
                                         (n - j == 2 ||
                                          brief__html_is_ws(b[j + 2]))));
    }
    /* a copyright line; before the prose, one with a year is a byline */
    while (!prose && j < n && (unsigned)(b[j] - '0') >= 10u)
        j++;
    return prose || j == n;
}

/* Is b[0..n) an advertisement's label ("Advertisement:", "- Anzeige -",
 * "*Werbung.") alone (1), or opening a disclosure ("Anzeige, enthält
 * Affiliate Links", "*Werbung. Dieser Beitrag enthält Werbung für ...":
 * 2)? Only punctuation may stand before the word, and in a disclosure
 * punctuation follows it ("Werbung ist ..." is a sentence about
 * advertising). 0: neither. */
static int is_ad_label(const unsigned char *b, size_t n)
{
    unsigned char w[16];
    size_t j = 0, k, at;
    while (j < n && b[j] < 0x80 && !brief__ascii_is_alnum(b[j]))
        j++;
    k = notice_word(b, n, &j, w, sizeof w);
    at = j;
    while (j < n && b[j] < 0x80 && !brief__ascii_is_alnum(b[j]))
        j++;
    if (!brief__in_words(ad_words, (const char *)w, k))
        return 0;
    return j == n ? 1 : at < n && (b[at] == ',' || b[at] == '.' ||
                                   b[at] == ':') ? 2 : 0;
}

/* Read up to max digits at b[*j] (at least min); returns their value, or
 * -1 (then *j is left anywhere). */
static long date_num(const unsigned char *b, size_t n, size_t *j, int min,
                     int max)
{
    long v = 0;
    int d = 0;
    while (*j < n && d < max && (unsigned)(b[*j] - '0') < 10u) {
        v = v * 10 + (b[*j] - '0');
        (*j)++;
        d++;
    }
    return d >= min && !(*j < n && (unsigned)(b[*j] - '0') < 10u) ? v : -1;
}

/* A month's name at b[*j], lower-cased into w (one of month_words, a
 * period after a short form skipped): 1 and *j past it, else 0. */
static int month_name(const unsigned char *b, size_t n, size_t *j)
{
    unsigned char w[16];
    size_t k = notice_word(b, n, j, w, sizeof w);
    if (!k || k == sizeof w ||
        !brief__in_words(month_words, (const char *)w, k))
        return 0;
    if (*j < n && b[*j] == '.')
        (*j)++;
    return 1;
}

/* Skip blanks, and a Spanish or Portuguese "de" ("4 de mayo de 2021"). */
static size_t skip_de(const unsigned char *b, size_t n, size_t j)
{
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    if (n - j >= 3 && b[j] == 'd' && b[j + 1] == 'e' &&
        brief__html_is_ws(b[j + 2])) {
        j += 3;
        while (j < n && brief__html_is_ws(b[j]))
            j++;
    }
    return j;
}

/* After a date at b[j]: nothing, or a time ("13.47 Uhr", "11:38",
 * "10:27:05", after a comma or not)? */
static int time_only(const unsigned char *b, size_t n, size_t j)
{
    while (n > j && brief__html_is_ws(b[n - 1]))
        n--;
    if (j < n && b[j] == ',')
        j++;
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    if (j == n)
        return 1;
    if (date_num(b, n, &j, 1, 2) < 0 || j >= n ||
        (b[j] != ':' && b[j] != '.'))
        return 0;
    j++;
    if (date_num(b, n, &j, 2, 2) < 0 ||
        (j < n && b[j] == ':' && (j++, date_num(b, n, &j, 2, 2) < 0)))
        return 0; /* seconds may follow */
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    if (n - j == 3 && brief__ascii_lower(b[j]) == 'u' &&
        brief__ascii_lower(b[j + 1]) == 'h' &&
        brief__ascii_lower(b[j + 2]) == 'r')
        j = n;
    return j == n;
}

/* A date that opens with its month's name at b[j], "Oct 9, 2019", and
 * nothing or a time after it? */
static int month_first(const unsigned char *b, size_t n, size_t j)
{
    long d;
    if (!month_name(b, n, &j))
        return 0;
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    d = date_num(b, n, &j, 1, 2);
    if (d < 1 || d > 31)
        return 0;
    if (j < n && b[j] == ',')
        j++;
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    return date_num(b, n, &j, 4, 4) >= 0 && time_only(b, n, j);
}

/* Is b[0..n) a date alone, perhaps with a time and after a label:
 * "23.10.2018", "3/11/21", "2023-11-03", "06.11.2023, 13.47 Uhr",
 * "Updated: 11.04.2020, 10:27", or with the month's name in one of
 * brief's languages: "2. Februar 2022", "7. oktober 2020", "Oct 9, 2019",
 * "4 de mayo de 2021"? A page's metadata (when it was written or updated:
 * the label is one of dated_words), not its text. Phone numbers and
 * versions have no day and month in range or not three parts. */
static int is_date(const unsigned char *b, size_t n)
{
    unsigned char w[24]; /* "veröffentlichung" */
    size_t j = 0, k;
    long x, y, z;
    unsigned char sep;
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    if (month_first(b, n, j))
        return 1;
    k = notice_word(b, n, &j, w, sizeof w);
    if (k && (j >= n || b[j++] != ':' ||
              !brief__in_words(dated_words, (const char *)w, k)))
        return 0; /* a label: "Updated:" (not "Deadline:", an event's) */
    while (j < n && brief__html_is_ws(b[j]))
        j++;
    if (k && month_first(b, n, j))
        return 1;
    x = date_num(b, n, &j, 1, 4);
    if (x < 0 || j >= n)
        return 0;
    sep = b[j];
    k = skip_de(b, n, j + (sep == '.'));
    if (x >= 1 && x <= 31 && month_name(b, n, &k)) { /* "2. Februar 2022" */
        j = skip_de(b, n, k);
        return date_num(b, n, &j, 4, 4) >= 0 && time_only(b, n, j);
    }
    if (sep != '.' && sep != '/' && sep != '-')
        return 0;
    j++;
    y = date_num(b, n, &j, 1, 2);
    if (y < 0 || j >= n || b[j] != sep)
        return 0;
    j++;
    z = date_num(b, n, &j, 2, 4);
    if (z < 0 || (x > 31 ? !(sep == '-' && y <= 12 && z <= 31)
                         : !((x <= 12 || y <= 12) && y <= 31)))
        return 0;
    return time_only(b, n, j);
}

/* How many words b[0..n) has, and whether one is about comments (opens
 * with "comment", "koment", "coment" or "komment": "Kommentare (3)",
 * "Comments are closed", "Deja un comentario") in *about. */
static size_t comment_words(const unsigned char *b, size_t n, int *about)
{
    unsigned char w[16];
    size_t j = 0, k, words = 0;
    while (j < n) {
        if (b[j] < 0x80 && !brief__ascii_is_alnum(b[j])) {
            j++;
            continue;
        }
        k = notice_word(b, n, &j, w, sizeof w);
        words++;
        if (k >= 6 && (w[0] == 'c' || w[0] == 'k') && w[1] == 'o' &&
            ((k >= 7 && !memcmp(w + 2, "mment", 5)) ||
             !memcmp(w + 2, "ment", 4)))
            *about = 1;
        /* the rest of the word: digits ("3D"), or what a long word left */
        while (j < n && (b[j] >= 0x80 || brief__ascii_is_alnum(b[j])))
            j++;
    }
    return words;
}

/* Is the line of the article's segments [first, end) (at most NOTICE_MAX
 * bytes: the tests cost little) a notice? prose: see opens_notice(). */
static int is_notice(const hsel *S, size_t first, size_t end, int prose)
{
    const hparse *P = S->P;
    const hseg *g = brief__html_seg(P, first);
    size_t m, r, segs = 0, words = 0;
    int about = 0;
    unsigned char last = 0;
    if (opens_notice(P->buf + g->off, g->len, prose))
        return 1;
    for (m = first; m < end; m++) {
        g = brief__html_seg(P, m);
        if (!S->in[g->node].inart || S->segoff[m] || !has_ink(P, g))
            continue;
        segs++;
        words += comment_words(P->buf + g->off, g->len, &about);
        for (r = g->len; r > 0 && brief__html_is_ws(P->buf[g->off + r - 1]);
             r--)
            ;
        if (r > 0) /* the line's last mark: a sentence ends with . ! ? */
            last = P->buf[g->off + r - 1];
        for (r = 0; r < sizeof reserved_words / sizeof reserved_words[0];
             r++)
            if (brief__holds_ci(P->buf + g->off, g->len, reserved_words[r]))
                return 1;
    }
    /* a short line about comments that is no sentence ("Several people
     * declined to comment." is the article's) nor a headline's genre
     * ("Kommentar: ...") */
    if (about && words <= COMMENT_WORDS && last != '.' && last != '!' &&
        last != '?') {
        size_t i = brief__html_seg(P, first)->node;
        for (r = 0; r < 6 && i != 0; r++, i = brief__html_node(P, i)->parent)
            if (brief__html_node(P, i)->tf & TF_HEAD)
                return 0;
        return 1;
    }
    /* a date or a label alone is the line's one text; a disclosure
     * opens with the label */
    g = brief__html_seg(P, first);
    r = (size_t)is_ad_label(P->buf + g->off, g->len);
    return r == 2 || (segs == 1 && (r == 1 || is_date(P->buf + g->off,
                                                      g->len)));
}

static void drop_notices(hsel *S)
{
    const hparse *P = S->P;
    size_t k, n = P->ns, first = NPOS, len = 0, kept = 0;
    int prose = 0;
    for (k = 0; k <= n; k++) {
        const hseg *g = k < n ? brief__html_seg(P, k) : NULL;
        if (g && g->kind == SEG_TEXT) {
            if (!S->in[g->node].inart || S->segoff[k] || !has_ink(P, g))
                continue;
            if (first == NPOS)
                first = k;
            len += g->len;
            continue;
        }
        if (g && g->kind != SEG_BREAK)
            continue;
        /* a paragraph break or the end: the line is whole */
        if (first != NPOS) {
            if (len <= NOTICE_MAX && is_notice(S, first, k, prose) &&
                !in_item(P, brief__html_seg(P, first)->node)) {
                size_t m;
                for (m = first; m < k; m++)
                    if (!S->segoff[m])
                        S->segoff[m] = 2;
            } else {
                kept++;
            }
            if (len >= PROSE_MIN)
                prose = 1;
        }
        first = NPOS;
        len = 0;
    }
    if (kept == 0) /* notices alone: the page has nothing else to give */
        for (k = 0; k < n; k++)
            if (S->segoff[k] == 2)
                S->segoff[k] = 0;
}

/* ---- JSON-LD articleBody ------------------------------------------------ */
/*
 * A page rendered by JavaScript may hold its article only in the JSON-LD
 * metadata's "articleBody" (html.c notes the longest). When that text is
 * more than LD_FACTOR times what the selection found (and at least
 * LD_MIN characters), it is the text: its JSON escapes and character
 * references decoded, markup inside it dropped, a line break (or a tag)
 * ending a paragraph.
 */
#define LD_FACTOR 2
#define LD_MIN 200

static unsigned hexval(unsigned c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : 16;
}

/* The four hex digits at s[0..4) (n >= 4), or 0x110000 if they are not. */
static uint32_t hex4(const unsigned char *s)
{
    uint32_t v = 0;
    int k;
    for (k = 0; k < 4; k++) {
        unsigned h = hexval(s[k]);
        if (h > 15)
            return 0x110000;
        v = v * 16 + h;
    }
    return v;
}

/* Decode the JSON string body b[0..n) in place (the result is never
 * longer: an escape of 2, 6 or 12 bytes gives at most 4); returns the new
 * length. A '\n' becomes a newline, a bad or lone escape a space. */
static size_t json_unescape(unsigned char *b, size_t n)
{
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned c = b[i];
        uint32_t cp;
        if (c != '\\' || i + 1 >= n) {
            b[o++] = (unsigned char)c;
            i++;
            continue;
        }
        c = b[i + 1];
        i += 2;
        switch (c) {
        case 'n': case 'r': b[o++] = '\n'; continue;
        case 't': case 'b': case 'f': b[o++] = ' '; continue;
        case 'u': break;
        default: b[o++] = (unsigned char)c; continue;
        }
        cp = i + 4 <= n ? hex4(b + i) : 0x110000;
        if (cp > 0x10FFFF) {
            b[o++] = ' ';
            continue;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= n && b[i] == '\\' &&
            b[i + 1] == 'u') {
            uint32_t lo = hex4(b + i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD;
        o += brief__utf8_put(cp, b + o);
    }
    return o;
}

/* Phrase elements: inside a paragraph, their tags are no break. */
static const char phrase_tags[] =
    " a abbr b bdi bdo cite code data del dfn em font i img ins kbd mark q"
    " s samp small span strike strong sub sup time tt u var wbr ";

/* The end of the markup that starts at b[i] == '<' (the index after its
 * '>'), or 0 when it is no tag. With html, *brk is set when the tag ends
 * a paragraph (any tag but a phrase element's), and a script's or style's
 * content and a comment are skipped with their tags. */
static size_t skip_tag(const unsigned char *b, size_t n, size_t i, int html,
                       int *brk)
{
    const unsigned char *q;
    size_t s = i + 1, e;
    if (html && n - i >= 4 && !memcmp(b + i, "<!--", 4)) {
        for (e = i + 4; e + 3 <= n; e++)
            if (!memcmp(b + e, "-->", 3))
                return e + 3;
        return n;
    }
    if (i + 1 >= n || !(brief__ascii_is_alnum(b[i + 1]) || b[i + 1] == '/'))
        return 0;
    q = (const unsigned char *)memchr(b + i, '>', n - i);
    if (!q)
        return 0;
    e = (size_t)(q - b) + 1;
    *brk = 1;
    if (!html)
        return e;
    if (b[s] == '/')
        s++;
    {
        unsigned char name[12];
        size_t k = 0, l;
        while (s + k < e && k + 2 < sizeof name &&
               brief__ascii_is_alnum(b[s + k])) {
            name[k + 1] = (unsigned char)brief__ascii_lower(b[s + k]);
            k++;
        }
        name[0] = ' ';
        name[k + 1] = ' ';
        for (l = 0; l + k + 2 < sizeof phrase_tags; l++)
            if (!memcmp(phrase_tags + l, name, k + 2)) {
                *brk = 0;
                break;
            }
        /* a script's or a style's content is no text: on to its end tag
         * (unterminated: the rest is its content) */
        if (b[i + 1] == '/' ||
            !((k == 6 && !memcmp(name + 1, "script", 6)) ||
              (k == 5 && !memcmp(name + 1, "style", 5))))
            return e;
        for (l = e; l + k + 2 <= n; l++) {
            size_t m = 0;
            if (b[l] != '<' || b[l + 1] != '/')
                continue;
            while (m < k && brief__ascii_lower(b[l + 2 + m]) == name[m + 1])
                m++;
            if (m == k) {
                q = (const unsigned char *)memchr(b + l, '>', n - l);
                return q ? (size_t)(q - b) + 1 : n;
            }
        }
        return n;
    }
    return e;
}

/* Write title and the paragraphs of the body b[0..n) into out (room for
 * title_len + 2 + 2n bytes); returns the length and sets *body to the
 * body's length without the title. The body is either JSON-LD's decoded
 * articleBody (html 0: a line break or any tag ends a paragraph) or the
 * raw markup of a <noscript> (html 1: block tags end paragraphs, character
 * references are decoded, scripts, styles and comments skipped). */
static size_t render_ld(const unsigned char *title, size_t title_len,
                        const unsigned char *b, size_t n, unsigned char *out,
                        size_t *body, int html)
{
    size_t i, o = 0, start;
    int para = 0, brk = 0, sp = 0;
    if (title_len) {
        memcpy(out, title, title_len);
        o = title_len;
        para = 1;
        brk = 1;
    }
    start = o;
    for (i = 0; i < n; i++) {
        unsigned x = b[i];
        size_t inv = invisible(b + i, n - i), e = 0;
        uint32_t cp = 0;
        if (inv) {
            i += inv - 1;
            continue;
        }
        if (x == '<') {
            int tb = 0;
            e = skip_tag(b, n, i, html, &tb);
            if (e) { /* a phrase element's tag is nothing */
                i = e - 1;
                if (tb)
                    brk = para;
                continue;
            }
        }
        if (x == '\n' && !html) {
            brk = para;
            continue;
        }
        /* a character reference in markup (never longer than the
         * reference: the output stays within 2n) */
        if (html && x == '&' && (e = brief__html_entity(b, n, i, 0, &cp))) {
            unsigned char u[4];
            size_t m;
            i += e - 1;
            if (cp == 0xA0 || cp == 0xAD || cp == 0x200B || cp == 0xFEFF ||
                cp == 0x2060 || cp < 0x20) {
                sp |= cp == 0xA0 || cp < 0x20;
                continue;
            }
            m = brief__utf8_put(cp, u);
            for (e = 0; e < m; e++)
                o = ex_put_byte(out, o, u[e], &para, &brk, &sp);
            continue;
        }
        if (brief__html_is_ws(x) || x < 0x20 || x == 0x7F ||
            (x == 0xC2 && i + 1 < n && b[i + 1] == 0xA0)) {
            if (x == 0xC2)
                i++;
            sp = 1;
            continue;
        }
        o = ex_put_byte(out, o, (unsigned char)x, &para, &brk, &sp);
    }
    /* a first paragraph that repeats the title (the page's <h1>) goes */
    if (title_len && o >= start + 2 + title_len &&
        !memcmp(out + start + 2, title, title_len) &&
        (o == start + 2 + title_len || out[start + 2 + title_len] == '\n')) {
        size_t cut = title_len + 2;
        memmove(out + start, out + start + cut, o - start - cut);
        o -= cut;
    }
    *body = o > start ? o - start : 0;
    return o;
}

/* ---- entry points ------------------------------------------------------- */

int brief__decode_html(brief__arena *a, const char *in, size_t len,
                       brief__view *out)
{
    hparse P;
    hsel S;
    unsigned char *title = NULL, *text;
    size_t title_len = 0, best = 0, bestlen = 0, k, cap, ran = 0, kprose;
    static const int tries[4] = {F_STRIP | F_WEIGHT | F_CLEAN,
                                 F_WEIGHT | F_CLEAN, F_CLEAN, 0};
    int r;
    memset(out, 0, sizeof *out);
    r = brief__html_parse(a, in, len, &P);
    if (r != BRIEF_OK)
        return r;

    /* The title: a <meta> title, else the cleaned <title>, else the h1. */
    {
        const unsigned char *src = NULL;
        size_t src_len = 0, h1_len = 0, cl;
        unsigned char *tmp, *h1 = NULL;
        int from_meta = 0; /* a meta title is never swapped for the h1 */
        if (P.meta_prio) {
            size_t off = brief__html_decode(&P, P.meta_off,
                                            P.meta_off + P.meta_len, 0,
                                            &src_len);
            src = P.buf + off;
            from_meta = 1;
        } else if (P.have_title) {
            src = P.buf + P.title_off;
            src_len = P.title_len;
        }
        if (P.h1_count == 1) { /* the one visible <h1> */
            for (k = 1; k < P.nn; k++) {
                const hnode *x = brief__html_node(&P, k);
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
    /* Too little of the page's prose: the prose is the text. With little
     * text and no more prose outside the furniture, the prose inside the
     * furniture in the page's <main> or <article> counts (an article put
     * in an <aside> or a <form> there). */
    kprose = 0;
    if (bestlen * PROSE_SHARE < S.prose || bestlen < 500) {
        S.need = bestlen * PROSE_SHARE >= S.prose ? S_IN_MAIN : 0;
        mark_removed(&S, S.need ? F_KEEPALL : F_STRIP);
        aggregate_all(&S);
        kprose = page_prose(&S, 0);
        ran = NPOS;
    }
    if (bestlen * PROSE_SHARE < kprose) {
        (void)page_prose(&S, 1);
        mark_article(&S);
    } else {
        S.need = 0;
        if (bestlen == 0)
            (void)attempt(&S, F_KEEPALL);
        else if (best != ran)
            (void)attempt(&S, tries[best]);
        /* the article keeps its blocks, and the prose outside them joins */
        if (page_prose(&S, 3) * PROSE_PART < S.prose) {
            (void)page_prose(&S, 2);
            (void)clean_article(&S, tries[best]);
        }
    }

    /* the text: title, blank line, paragraphs */
    cap = title_len + 2 + P.nb + 2 * P.ns + 1;
    text = (unsigned char *)brief__alloc(a, cap);
    if (!text)
        return BRIEF_ERR_NOMEM;
    for (k = 0;; k++) {
        if (!drop_empty_headings(&S) || !drop_labels(&S))
            return BRIEF_ERR_NOMEM;
        drop_notices(&S);
        out->len = render(&S, text);
        /* An article of whitespace alone (the text counted above was a
         * blank between tags) is none: the last resort, as for none. */
        if (k || out->len > title_len || bestlen == 0)
            break;
        (void)attempt(&S, F_KEEPALL);
    }
    text[out->len] = 0;
    if (P.ld_len > LD_FACTOR * (out->len - title_len) + LD_MIN) {
        size_t off, n, body, got = out->len - title_len;
        unsigned char *t2;
        off = brief__html_decode(&P, P.ld_off, P.ld_off + P.ld_len, 0, &n);
        n = json_unescape(P.buf + off, n);
        t2 = (unsigned char *)brief__alloc(a, title_len + 2 + 2 * n + 1);
        if (!t2)
            return BRIEF_ERR_NOMEM;
        k = render_ld(title, title_len, P.buf + off, n, t2, &body, 0);
        if (body > LD_FACTOR * got && body >= LD_MIN) {
            text = t2;
            out->len = k;
            text[k] = 0;
        }
    }
    /* the same for the page's longest <noscript>: its markup is what a
     * browser with scripting off shows (a page that writes its article
     * with a script and leaves a copy for such browsers) */
    if (P.nos_len > LD_FACTOR * (out->len - title_len) + LD_MIN) {
        size_t body, got = out->len - title_len;
        unsigned char *t2 = (unsigned char *)brief__alloc(
            a, title_len + 2 + 2 * P.nos_len + 1);
        if (!t2)
            return BRIEF_ERR_NOMEM;
        k = render_ld(title, title_len, P.s + P.nos_off, P.nos_len, t2,
                      &body, 1);
        if (body > LD_FACTOR * got && body >= LD_MIN) {
            text = t2;
            out->len = k;
            text[k] = 0;
        }
    }
    out->text = (const char *)text;
    out->title_off = 0;
    out->title_len = title_len;
    return BRIEF_OK;
}


#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__extract_left_out;
#endif /* BRIEF_NO_HTML */

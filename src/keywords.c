/*
 * keywords.c - the key terms of a text, for brief_result.keywords.
 *
 * Candidates are the terms (stems) and the key phrases: runs of two or
 * three content words that stand next to each other (nothing but blanks
 * or one hyphen between them: no stop word, no weak word, no punctuation,
 * the same sentence) and either recur as a unit: at least twice, and not
 * always joined to the same word (then they are a piece of a longer
 * phrase); or are a name: every word capitalised, one of them
 * mid-sentence in running text ("Craig Venter", "Ipswich Crown Court":
 * short news articles name a person or a body once). All are ranked on
 * one scale, as in RAKE, where a phrase scores the sum of its words:
 *  - a word's unit weight is 1, 2 for a word of the title (the author
 *    chose it to name the article), and a candidate weighs its
 *    occurrences times the sum of its words' unit weights: a term its
 *    frequency, a phrase the share of its words' weight that its
 *    occurrences carry (the reader meets a text's subject in most of its
 *    sentences, so frequency is not discounted for spread, unlike the
 *    sentence scores); a name seen once weighs as a word seen once (the
 *    mean of its words' unit weights);
 *  - a candidate first met in the lead (the title and the first two
 *    sentences) weighs half as much again: news states its subject
 *    there, and a word first met later is more often a detail (the
 *    position feature of YAKE);
 *  - a phrase replaces the shorter candidates inside it (its words, the
 *    pair inside a triple) when they mostly (more than half of their
 *    occurrences) occur inside it.
 * Weak words are never terms: the stop words and the language's weak
 * words (tools/weakwords/XX.txt: modal verbs, number words, common
 * adverbs and prepositions), also behind an elision ("c'est").
 * Each is shown as the text writes it most often in running text: the
 * spelling with the most occurrences that do not start a sentence, in a
 * sentence that is no title or heading (those may capitalise any word);
 * with no such occurrence, the most frequent spelling with its first
 * letter lower-cased unless a later one is upper case ("DeepSeek" stays)
 * or an elision came first ("L'Europe").
 * An elided article or preposition at the start ("l'", "dell'": a stop
 * word of the language before an apostrophe) is dropped ("l'Europe" shows
 * as "Europe"), and so is English's possessive "'s" at the end. Runs after
 * terms.c, which records where each token is (doc->spans).
 */
#include <string.h>
#include "internal.h"

typedef struct kw_cand {
    const size_t *occ;  /* positions in doc->ids, in document order       */
    double weight;
    uint32_t count;     /* occurrences (occ's length)                     */
    uint32_t n;         /* words                                          */
} kw_cand;

/* flags of a position in doc->ids */
#define KW_JOINS 1u /* the token before it is next to it (a phrase may   */
                    /* hold both)                                         */
#define KW_MID 2u   /* mid-sentence in running text: its case counts      */
#define KW_HYPHEN 4u /* joins the one before with a hyphen: a phrase      */
                     /* neither starts nor ends inside "31-year-old"      */
#define KW_WEAK 8u   /* a stop word or weak word: no term, ends phrases   */
#define KW_LEAD 16u  /* in the title or the first two body sentences     */
#define KW_CAP 32u   /* starts with a capital letter                      */

/* Candidates: higher weight first, then the one seen first, then the
 * shorter (a total order). */
static int kw_before(const void *ctx, size_t a, size_t b)
{
    const kw_cand *x = (const kw_cand *)ctx + a, *y = (const kw_cand *)ctx + b;
    if (x->weight != y->weight)
        return x->weight > y->weight;
    if (x->occ[0] != y->occ[0])
        return x->occ[0] < y->occ[0];
    return x->n < y->n;
}

/* Is candidate c inside the longer p, and mostly there (more than half
 * of c's occurrences are p's)? */
static int kw_inside(const uint32_t *ids, const kw_cand *p, const kw_cand *c)
{
    size_t o, i;
    if (p->n <= c->n || 2 * p->count <= c->count)
        return 0;
    for (o = 0; o + c->n <= p->n; o++) {
        for (i = 0; i < c->n && ids[p->occ[0] + o + i] == ids[c->occ[0] + i];
             i++)
            ;
        if (i == c->n)
            return 1;
    }
    return 0;
}

/* Is the phrase of n words at occ[0..c) always in the same company: the
 * same word joined to it before each occurrence, or the same after? Then
 * it is a piece of a longer repeated phrase (a longer name), not a unit
 * of its own. (A word beyond a stop word or a comma is no company: "fight
 * for the Premier League" twice leaves "Premier League" a phrase.) The
 * flags after the last token are 0. */
static int kw_nested(const uint32_t *ids, const unsigned char *flags,
                     const size_t *occ, size_t c, size_t n)
{
    /* occ[] is in document order: occ[0] is the first occurrence, and
     * one at the first token has no word before it (nor ids[-1]) */
    size_t i, l = occ[0] > 0, r = 1;
    for (i = 0; i < c; i++) {
        l &= l && (flags[occ[i]] & KW_JOINS) &&
             ids[occ[i] - 1] == ids[occ[0] - 1];
        r &= (flags[occ[i] + n] & KW_JOINS) &&
             ids[occ[i] + n] == ids[occ[0] + n];
    }
    return (int)(l | r);
}

/* Are the text spans [a, ae) and [b, be) spelled the same (any run of
 * blanks equals any other)? */
static int kw_same(const unsigned char *t, size_t a, size_t ae, size_t b,
                   size_t be)
{
    while (a < ae && b < be) {
        if (t[a] <= ' ' && t[b] <= ' ') {
            while (a < ae && t[a] <= ' ')
                a++;
            while (b < be && t[b] <= ' ')
                b++;
        } else if (t[a++] != t[b++]) {
            return 0;
        }
    }
    return a == ae && b == be;
}

/* Where the word at t[s..e) starts once an elided article or preposition
 * ("l'", "dell'", "qu'": a stop word of the language before an
 * apostrophe) is dropped; s when there is none. */
static size_t kw_elision(const brief__lang *lang, const unsigned char *t,
                         size_t s, size_t e)
{
    char w[8];
    size_t i, r;
    for (i = s; i < e && i - s < 8 && brief__ascii_is_alpha(t[i]); i++)
        w[i - s] = (char)brief__ascii_lower(t[i]);
    /* r: after the apostrophe, if one follows (asked first: the list is
     * searched only then) */
    r = i + 1 < e && t[i] == '\''                      ? i + 1
        : i + 3 < e && t[i] == 0xE2 && t[i + 1] == 0x80 &&
                  t[i + 2] == 0x99                     ? i + 3
                                                      : s;
    if (r == s || i - s == 8 || !brief__in_list(&lang->stopwords, w, i - s))
        return s;
    return r;
}

/* The text candidate c is shown as (see the top of the file). */
static int kw_show(brief__arena *a, const brief__doc *doc,
                   const unsigned char *flags, const kw_cand *c,
                   brief_keyword *kw, unsigned char **mem)
{
    const unsigned char *t = (const unsigned char *)doc->view.text;
    const uint32_t *sp = doc->spans;
    size_t i, r, best = 0, best_mid = 0, best_all = 0, s, e, o = 0, p;
    unsigned char *out;
    int lower = 0;
    /* the first 16 occurrences stand for the spellings (a term seen more
     * often than that shows its usual spelling among them) */
    for (r = 0; r < c->count && r < 16; r++) {
        size_t mid = 0, all = 0, rs = sp[2 * c->occ[r]],
               re = sp[2 * (c->occ[r] + c->n - 1) + 1];
        for (i = 0; i < c->count; i++)
            if (kw_same(t, rs, re, sp[2 * c->occ[i]],
                        sp[2 * (c->occ[i] + c->n - 1) + 1])) {
                if (i < r)
                    break; /* tallied before: it would tie, ties keep that */
                all++;
                mid += (flags[c->occ[i]] & KW_MID) != 0;
            }
        if (i < c->count)
            continue;
        if (mid > best_mid || (mid == best_mid && all > best_all)) {
            best = r;
            best_mid = mid;
            best_all = all;
        }
    }
    s = sp[2 * c->occ[best]];
    e = sp[2 * (c->occ[best] + c->n - 1) + 1];
    p = s;
    s = kw_elision(doc->lang, t, s, sp[2 * c->occ[best] + 1]);
    /* English's possessive 's is no part of a name (the stemmer drops it) */
    if (!strcmp(doc->lang->code, "en") && e - s > 4 &&
        (!memcmp(t + e - 2, "'s", 2) || !memcmp(t + e - 4, "\xE2\x80\x99s", 4)))
        e -= t[e - 2] == '\'' ? 2 : 4;
    /* only at sentence starts: a capital first letter says nothing, but
     * one later in the term (DeepSeek, AI, Puerto Rico) or after an
     * elision (L'Europe) still does */
    if (!best_mid && p == s) {
        p = s;
        (void)brief__next(t, e, &p);
        for (lower = 1; p < e && lower;)
            lower = !brief__is_upper(brief__next(t, e, &p));
    }
    /* two passes, so that the text takes its own bytes and no more (the
     * first counts, the second writes): brief_arena_size() counts on it */
    for (out = NULL;;) {
        unsigned char tmp[4];
        size_t q = s;
        int low = lower;
        o = 0;
        while (q < e) {
            uint32_t cp = brief__next(t, e, &q);
            if (cp <= ' ') { /* blanks between words: one space */
                while (q < e && t[q] <= ' ')
                    q++;
                cp = ' ';
            }
            o += brief__put(low ? brief__lower(cp) : cp, out ? out + o : tmp);
            low = 0;
        }
        if (out)
            break;
        out = (unsigned char *)brief__alloc(a, o + 1);
        if (!out)
            return BRIEF_ERR_NOMEM;
    }
    out[o] = 0;
    *mem = out;
    kw->text = (char *)out;
    kw->length = o;
    kw->weight = c->weight;
    kw->count = c->count;
    kw->words = c->n;
    return BRIEF_OK;
}

/* Is the token at t[s..e) a weak word (KW_WEAK)? */
static int kw_weak(const brief__lang *lang, const unsigned char *t, size_t s,
                   size_t e)
{
    unsigned char w[4 * BRIEF__MAX_STEM + 8];
    size_t n = 0;
    s = kw_elision(lang, t, s, e);
    while (s < e && n < 4 * BRIEF__MAX_STEM) {
        uint32_t cp = brief__next(t, e, &s);
        n += brief__put(cp == 0x2019 ? '\'' : brief__lower(cp), w + n);
    }
    return brief__in_list(&lang->stopwords, (const char *)w, n) ||
           brief__in_list(&lang->weak, (const char *)w, n);
}

/* flags[j] for every position j of doc->ids (KW_*), and unit[] 2 for the
 * title's terms. */
static void kw_flags(const brief__doc *doc, unsigned char *flags,
                     double *unit)
{
    const unsigned char *t = (const unsigned char *)doc->view.text;
    const uint32_t *sp = doc->spans;
    size_t i, j, p, body = 0;
    for (i = 0; i < doc->nsents; i++) {
        const brief__sent *x = &doc->sents[i];
        unsigned mid = x->flags & (BRIEF_SENTENCE_TITLE |
                                   BRIEF_SENTENCE_HEADING) ? 0 : KW_MID;
        mid |= x->flags & BRIEF_SENTENCE_TITLE || body++ < 2 ? KW_LEAD : 0;
        for (j = x->tok_start; j < x->tok_end; j++) {
            size_t gs = j > x->tok_start ? sp[2 * j - 1] : x->start,
                   ge = sp[2 * j];
            if (x->flags & BRIEF_SENTENCE_TITLE) /* (one sentence at most) */
                unit[doc->ids[j]] = 2.0;
            p = ge;
            flags[j] = (unsigned char)(mid |
                                       (kw_weak(doc->lang, t, ge, sp[2 * j + 1])
                                            ? KW_WEAK
                                            : 0) |
                                       (brief__is_upper(brief__next(
                                            t, sp[2 * j + 1], &p))
                                            ? KW_CAP
                                            : 0));
            if (j == x->tok_start) { /* a word before it? */
                int word = 0;
                for (p = gs; p < ge && !word;) {
                    enum brief__cls k = brief__class_of(brief__next(t, ge, &p));
                    word = k == BRIEF__C_LETTER || k == BRIEF__C_DIGIT ||
                           k == BRIEF__C_CJK;
                }
                if (!word)
                    flags[j] &= (unsigned char)~KW_MID;
                continue;
            }
            if (gs > ge)
                continue; /* overlapping CJK bigrams */
            for (p = gs; p < ge && (t[p] == ' ' || t[p] == '\t' ||
                                    t[p] == '\n' || t[p] == '\r');
                 p++)
                ;
            if (flags[j - 1] & KW_WEAK || flags[j] & KW_WEAK)
                continue;
            if (p == ge)
                flags[j] |= KW_JOINS;
            if (ge - gs == 1 && t[gs] == '-')
                flags[j] |= KW_JOINS | KW_HYPHEN;
        }
    }
}

/* Are the n tokens at f[0..n) a name: each word capitalised, one of
 * them mid-sentence in running text (not a sentence start's capital, nor
 * a title's)? */
static int kw_name(const unsigned char *f, size_t n)
{
    unsigned all = KW_CAP, any = 0;
    while (n--) {
        all &= f[n];
        any |= f[n];
    }
    return all && any & KW_MID;
}

/* The candidates: each group of equal ids in pos[n-1] (np[n-1] of them),
 * a phrase only when it recurs as a unit or is a name. Stores them in
 * cand[] (and their numbers in idx[]) unless cand is NULL; returns how
 * many. */
static size_t kw_groups(const brief__doc *doc, const double *unit,
                        const unsigned char *flags, size_t *const *pos,
                        const size_t *np, kw_cand *cand, size_t *idx)
{
    size_t n, i, j, g, nc = 0;
    for (n = 1; n <= 3; n++) {
        const size_t *p = pos[n - 1];
        for (i = 0; i < np[n - 1]; i = g) {
            double w = 0;
            for (g = i + 1; g < np[n - 1] &&
                            !memcmp(doc->ids + p[i], doc->ids + p[g],
                                    n * sizeof *doc->ids);
                 g++)
                ;
            if (n > 1 && (g - i < 2 ? !kw_name(flags + p[i], n)
                                    : kw_nested(doc->ids, flags, p + i,
                                                g - i, n)))
                continue;
            if (cand) {
                for (j = 0; j < n; j++)
                    w += unit[doc->ids[p[i] + j]];
                if (g - i < 2)
                    w /= (double)n; /* seen once: as one word seen once */
                if (flags[p[i]] & KW_LEAD)
                    w *= 1.5; /* met first in the lead */
                cand[nc].occ = p + i;
                cand[nc].count = (uint32_t)(g - i);
                cand[nc].n = (uint32_t)n;
                cand[nc].weight = (double)(g - i) * w;
                idx[nc] = nc;
            }
            nc++;
        }
    }
    return nc;
}

int brief__keywords(brief__arena *a, const brief__doc *doc, size_t want,
                    const brief_keyword **out, size_t *nout)
{
    size_t nt = doc->nterms, N = doc->nids, i, j, n, m = 0, nc = 0, np[3];
    size_t *pos[3], *idx, *cnt, *sel;
    double *unit;
    unsigned char *flags;
    kw_cand *cand;
    brief_keyword *kw;
    unsigned char *mem = NULL;
    int rc;
    *out = NULL;
    *nout = 0;
    if (!want || !N || !doc->spans)
        return BRIEF_OK;
    unit = (double *)brief__alloc(a, nt * sizeof *unit);
    flags = (unsigned char *)brief__alloc(a, N + 1);
    cnt = (size_t *)brief__alloc(a, (nt + 1) * sizeof *cnt);
    if (!unit || !flags || !cnt)
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < nt; i++)
        unit[i] = 1.0;
    flags[N] = 0; /* after the last token: none joins */
    kw_flags(doc, flags, unit);
    /* pos[n-1]: the positions that start n tokens that join (no weak one,
     * not inside a hyphenated word), sorted by their ids, equal ones in
     * document order. A radix sort from the last id: first pos[n-1] holds
     * every start of n tokens that join (hyphens aside); it is built from
     * pos[n-2], which orders the starts j + 1 by their n - 1 ids, by
     * putting each j into the bucket of ids[j] in that order (cnt: first
     * the bucket sizes, then where each starts). Then the starts inside a
     * hyphenated word go. */
    for (n = 1; n <= 3; n++) {
        size_t *p = NULL, ns = n > 1 ? np[n - 2] : N;
        memset(cnt, 0, (nt + 1) * sizeof *cnt);
        for (;;) { /* count them, then store them */
            np[n - 1] = 0;
            for (i = 0; i < ns; i++) {
                j = n > 1 ? pos[n - 2][i] : i + 1;
                if (!j-- || flags[j] & KW_WEAK ||
                    (n > 1 && !(flags[j + 1] & KW_JOINS)))
                    continue;
                if (p)
                    p[cnt[doc->ids[j]]++] = j;
                else
                    cnt[doc->ids[j] + 1]++;
                np[n - 1]++;
            }
            if (p)
                break;
            for (i = 0; i < nt; i++)
                cnt[i + 1] += cnt[i];
            p = (size_t *)brief__alloc(a, (np[n - 1] + 1) * sizeof *p);
            if (!p)
                return BRIEF_ERR_NOMEM;
        }
        pos[n - 1] = p;
    }
    for (n = 2; n <= 3; n++) {
        size_t *p = pos[n - 1], o = 0;
        for (i = 0; i < np[n - 1]; i++)
            if (!((flags[p[i]] | flags[p[i] + n]) & KW_HYPHEN))
                p[o++] = p[i];
        np[n - 1] = o;
    }
    /* each group of equal ids a candidate: counted, then stored */
    nc = kw_groups(doc, unit, flags, pos, np, NULL, NULL);
    cand = (kw_cand *)brief__alloc(a, (nc + 1) * sizeof *cand);
    idx = (size_t *)brief__alloc(a, (nc + 1) * sizeof *idx);
    if (!cand || !idx ||
        (nc > nt + 1 && !(cnt = (size_t *)brief__alloc(a, nc * sizeof *cnt))))
        return BRIEF_ERR_NOMEM;
    (void)kw_groups(doc, unit, flags, pos, np, cand, idx);
    brief__sort(idx, cnt, nc, kw_before, cand); /* cnt: the scratch */
    /* take the best, each unless mostly inside a longer one taken or shown
     * as one taken is (an elision dropped); a longer one taken drops those
     * mostly inside it. sel[]: the candidates taken, kw[] as shown. */
    n = want < nc ? want : nc;
    sel = (size_t *)brief__alloc(a, (n + 1) * sizeof *sel);
    kw = (brief_keyword *)brief__alloc(a, (n + 1) * sizeof *kw);
    if (!sel || !kw)
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < nc && m < want; i++) {
        const kw_cand *c = &cand[idx[i]];
        size_t q, keep = 0;
        for (q = 0; q < m && !kw_inside(doc->ids, &cand[sel[q]], c); q++)
            ;
        if (q < m)
            continue;
        if ((rc = kw_show(a, doc, flags, c, &kw[m], &mem)) != 0)
            return rc;
        for (q = 0; q < m && (kw[q].length != kw[m].length ||
                              memcmp(kw[q].text, kw[m].text, kw[m].length));
             q++)
            ;
        if (q < m) {
            /* shown as one taken: its text, the latest allocation, shrinks
             * to nothing in place */
            (void)brief__grow(a, mem, kw[m].length + 1, 0);
            continue;
        }
        for (q = 0; q <= m; q++)
            if (q == m || !kw_inside(doc->ids, c, &cand[sel[q]])) {
                sel[keep] = q == m ? idx[i] : sel[q];
                kw[keep++] = kw[q];
            }
        m = keep;
    }
    *out = kw;
    *nout = m;
    return BRIEF_OK;
}

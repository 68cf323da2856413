/*
 * score.c - one number per sentence: how much of the article it carries.
 *
 * Features (weights in struct weights below; the figures that justify them
 * come from `make eval`, see README "How brief scores sentences"):
 *  - centrality: cosine between the sentence's tf-isf vector and the rest
 *    of the document's (the document vector minus the sentence itself, so
 *    a sentence does not vote for itself). isf(t) = log((N+1)/(sf+0.5))+1.
 *  - title overlap: share of the title's terms the sentence has.
 *  - position: a prior 1 / (1 + k / decay) over the k-th body sentence. The
 *    decay adapts to the document: when the opening sentence is already
 *    the most central of the first twelve (news written as an inverted
 *    pyramid) the prior is steep (decay_lead); the less central it is, the
 *    flatter (up to decay_flat: feature openings, XSum-style text).
 *  - length: sentences under min_words words are scaled down by the square
 *    of words / min_words (they are bylines, datelines, captions);
 *    sentences over max_words by max_words / words. Both ends depend on
 *    the budget of K sentences: max_words grows to brief_words / K and
 *    min_words to 0.75 (1 + 1/K) min_words when K < 3, because one
 *    sentence may carry the whole brief and must be a whole statement,
 *    while three share it. Past runon_words (40, up to 50 for a
 *    one-sentence brief) a second factor runon_words / words applies.
 * Titles and headings score 0 and are never chosen.
 *
 * All arithmetic is in double with a fixed order of summation, and the one
 * transcendental function is brief__log (below), so scores are the same
 * bits on every platform.
 */
#include <string.h>
#include "internal.h"

typedef struct weights {
    double centrality;    /* weight of the centrality feature              */
    double title;         /* weight of title overlap                       */
    double decay_lead;    /* prior decay (in sentences) for inverted pyramid */
    double decay_flat;    /* prior decay when the lead is not central      */
    double min_words;     /* below this, score scales down                 */
    double max_words;     /* above this, score scales down gently          */
    double brief_words;   /* words a brief of a few sentences carries      */
} weights;

static const weights defaults = {
    1.0, 1.0, 3.0, 12.0, 8.0, 22.0, 66.0
};

#ifdef BRIEF_TUNING
/* Development builds only (make eval experiments): weights from the
 * environment, BRIEF_W="centrality title decay_lead decay_flat min max". */
#include <stdio.h>
#include <stdlib.h>
static weights tuned(void)
{
    weights w = defaults;
    const char *e = getenv("BRIEF_W");
    if (e)
        sscanf(e, "%lf %lf %lf %lf %lf %lf %lf", &w.centrality, &w.title,
               &w.decay_lead, &w.decay_flat, &w.min_words, &w.max_words,
               &w.brief_words);
    return w;
}
#endif

/*
 * The two functions below stand in for libm's frexp() and sqrt(), so the
 * library needs no libm at all (a dynamically linked program that loads
 * libm pays a third of a megabyte of resident memory for it, and a
 * microcontroller build pulls in its soft-float routines). Both work on
 * the IEEE 754 binary64 encoding, which every platform brief runs on uses
 * for double; both are exact where libm is: frexp() trivially, and
 * sqrt() is correctly rounded, as IEEE 754 requires of libm's, so the
 * scores have the same bits as before and on every machine.
 */
static uint64_t bits_of(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static double double_of(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* x = m * 2^e with m in [0.5, 1), for finite x > 0. */
static double split_exp(double x, int *e)
{
    uint64_t b = bits_of(x);
    int bias = 0;
    if ((b >> 52) == 0) { /* subnormal: scale into the normal range */
        x *= 18014398509481984.0; /* 2^54 */
        b = bits_of(x);
        bias = 54;
    }
    *e = (int)((b >> 52) & 0x7FF) - 1022 - bias;
    return double_of((b & 0x800FFFFFFFFFFFFFull) | ((uint64_t)1022 << 52));
}

/* a * b for a, b < 2^64 as a 128-bit hi:lo (C99 has no wider integer) */
static void mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu,
             b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* Correctly rounded square root of x >= 0 (finite). Newton's method in
 * double gives the 53-bit significand to within one unit; integer
 * arithmetic on the exact radicand then settles it and its rounding. */
double brief__sqrt(double x)
{
    uint64_t b, m, q, rh, rl, sh, sl;
    double v, g;
    int k, i;
    if (!(x > 0.0))
        return 0.0; /* callers pass sums of squares: 0 or positive */
    b = bits_of(x);
    if ((b >> 52) == 0x7FF)
        return x; /* infinity */
    if ((b >> 52) == 0) { /* subnormal: sqrt(x * 2^108) / 2^54 */
        return brief__sqrt(x * 324518553658426726783156020576256.0) /
               18014398509481984.0;
    }
    /* x = m * 2^k, m a 53-bit integer; make k even (m below 2^54) */
    m = (b & 0xFFFFFFFFFFFFFull) | ((uint64_t)1 << 52);
    k = (int)(b >> 52) - 1023 - 52;
    if (k & 1) {
        m <<= 1;
        k--;
    }
    /* the wanted q = floor(sqrt(R)), R = m * 2^52 (106 bits), a 53-bit
     * integer; first sqrt(v), v = m / 2^52 in [1, 4), to about 1e-29 */
    v = (double)m / 4503599627370496.0; /* exact */
    /* a parabola through sqrt at 1, 2.5 and 4: within 1.1% on [1, 4] */
    g = 0.52248 + v * (0.51356 - 0.036044 * v);
    for (i = 0; i < 3; i++)
        g = 0.5 * (g + v / g);
    q = (uint64_t)(g * 4503599627370496.0);
    rh = m >> 12;
    rl = m << 52;
    /* settle q with sh:sl = q^2, stepping by (q -+ 1)^2 = q^2 -+ 2q + 1 */
    mul_wide(q, q, &sh, &sl);
    while (sh > rh || (sh == rh && sl > rl)) {
        uint64_t d = 2 * q - 1;
        sh -= sl < d;
        sl -= d;
        q--;
    }
    for (;;) {
        uint64_t d = 2 * q + 1, nl = sl + d, nh = sh + (nl < sl);
        if (nh > rh || (nh == rh && nl > rl))
            break;
        sh = nh;
        sl = nl;
        q++;
    }
    /* round to nearest: sqrt(R) > q + 1/2 exactly when R - q^2 > q (R is
     * an integer, so there are no ties); R - q^2 <= 2q fits in 64 bits */
    if (rl - sl > q)
        q++;
    /* sqrt(x) = q * 2^(k/2 - 26); q may have reached 2^53 */
    k = k / 2 + 26; /* the exponent of q / 2^52 */
    if (q >> 53) {
        q >>= 1;
        k++;
    }
    return double_of(((uint64_t)(k + 1023) << 52) | (q & 0xFFFFFFFFFFFFFull));
}

/* ln(x) for x > 0 by range reduction to [sqrt(1/2), sqrt(2)) and the
 * atanh series, so every platform gets the same bits (libm log() may
 * differ in the last place between C libraries). */
double brief__log(double x)
{
    int e;
    double m, s, s2, term, sum;
    int k;
    if (!(x > 0.0))
        return 0.0;
    m = split_exp(x, &e); /* x = m * 2^e, m in [0.5, 1) */
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e--;
    }
    s = (m - 1.0) / (m + 1.0);
    s2 = s * s;
    term = s;
    sum = 0.0;
    for (k = 1; k < 40; k += 2) {
        sum += term / (double)k;
        term *= s2;
    }
    return 2.0 * sum + (double)e * 0.69314718055994530942;
}

static int is_body(const brief__sent *x)
{
    return !(x->flags & (BRIEF_SENTENCE_TITLE | BRIEF_SENTENCE_HEADING));
}

int brief__score(brief__arena *a, brief__doc *doc, size_t budget_sentences)
{
#ifdef BRIEF_TUNING
    weights tw = tuned();
    const weights *w = &tw;
#else
    const weights *w = &defaults;
#endif
    size_t n = doc->nsents, nt = doc->nterms, i, j, nbody = 0, k;
    double *isf, *dvec, dnorm2 = 0.0, *cent;
    uint32_t *stf, *title_mark = NULL;
    size_t title_terms = 0;
    double lead_rank = 0.0, decay, max_words, min_words, runon_words;
    if (n == 0)
        return BRIEF_OK;
    isf = (double *)brief__alloc(a, (nt + 1) * sizeof *isf);
    dvec = (double *)brief__alloc(a, (nt + 1) * sizeof *dvec);
    stf = (uint32_t *)brief__alloc(a, (nt + 1) * sizeof *stf);
    cent = (double *)brief__alloc(a, n * sizeof *cent);
    if (!isf || !dvec || !stf || !cent)
        return BRIEF_ERR_NOMEM;
    memset(stf, 0, (nt + 1) * sizeof *stf);
    for (i = 0; i < n; i++)
        if (is_body(&doc->sents[i]))
            nbody++;
    for (j = 0; j < nt; j++) {
        double sf = (double)doc->term_sents[j];
        isf[j] = brief__log((double)(n + 1) / (sf + 0.5)) + 1.0;
        dvec[j] = (double)doc->term_count[j] * isf[j];
        dnorm2 += dvec[j] * dvec[j];
    }
    /* Title terms (the title sentence, when there is one). */
    for (i = 0; i < n; i++) {
        const brief__sent *x = &doc->sents[i];
        if (!(x->flags & BRIEF_SENTENCE_TITLE))
            continue;
        title_mark = (uint32_t *)brief__alloc(a, (nt + 1) * sizeof *title_mark);
        if (!title_mark)
            return BRIEF_ERR_NOMEM;
        memset(title_mark, 0, (nt + 1) * sizeof *title_mark);
        for (j = x->tok_start; j < x->tok_end; j++)
            if (!title_mark[doc->ids[j]]++)
                title_terms++;
        break;
    }
    /* Centrality of each body sentence against the rest. */
    for (i = 0; i < n; i++) {
        brief__sent *x = &doc->sents[i];
        double dot = 0.0, snorm2 = 0.0, rest2 = dnorm2;
        cent[i] = 0.0;
        if (!is_body(x) || x->tok_end == x->tok_start)
            continue;
        for (j = x->tok_start; j < x->tok_end; j++)
            stf[doc->ids[j]]++;
        for (j = x->tok_start; j < x->tok_end; j++) {
            uint32_t id = doc->ids[j];
            double tf, sv, rv;
            if (!stf[id])
                continue; /* already counted */
            tf = (double)stf[id];
            stf[id] = 0;
            sv = tf * isf[id];
            rv = dvec[id] - sv; /* the rest of the document */
            dot += sv * rv;
            snorm2 += sv * sv;
            rest2 += rv * rv - dvec[id] * dvec[id];
        }
        if (snorm2 > 0.0 && rest2 > 0.0)
            cent[i] = dot / (brief__sqrt(snorm2) * brief__sqrt(rest2));
    }
    /* How central is the lead? Rank of the first body sentence's
     * centrality among the first 12 body sentences: 0 = the most central. */
    {
        double first = -1.0;
        size_t seen = 0, better = 0;
        for (i = 0; i < n && seen < 12; i++) {
            if (!is_body(&doc->sents[i]))
                continue;
            if (first < 0.0)
                first = cent[i];
            else if (cent[i] > first)
                better++;
            seen++;
        }
        lead_rank = seen > 1 ? (double)better / (double)(seen - 1) : 0.0;
    }
    decay = w->decay_lead + (w->decay_flat - w->decay_lead) * lead_rank;
    /* A brief of K sentences has room for about brief_words words: one
     * sentence may take them all, several share them. */
    max_words = w->max_words;
    if (budget_sentences && w->brief_words / (double)budget_sentences > max_words)
        max_words = w->brief_words / (double)budget_sentences;
    /* Likewise a short sentence is a poor whole brief but fine as one of
     * three: the floor is a fixed share of a sentence's part of the brief
     * (8 of 22 words), so it rises with max_words: 12 words for a
     * two-sentence brief, 24 for one sentence, which must be a whole
     * statement (people's one-sentence summaries run 20-30 words). */
    min_words = w->min_words * max_words / w->max_words;
    /* Past about 40 words a sentence is a run-on for a reader (and in news
     * text, often a caption or prompt glued to the next sentence): a
     * second factor runon_words / words on top of the budget's. A
     * one-sentence brief may use up to 50 (its max_words is larger). */
    runon_words = max_words > 40.0 ? (max_words < 50.0 ? max_words : 50.0) : 40.0;
    /* Combine. */
    k = 0;
    for (i = 0; i < n; i++) {
        brief__sent *x = &doc->sents[i];
        double s, prior, len, words = (double)x->words;
        if (!is_body(x)) {
            x->score = 0.0;
            continue;
        }
        s = w->centrality * cent[i];
        if (title_terms) {
            size_t hit = 0;
            for (j = x->tok_start; j < x->tok_end; j++) {
                uint32_t id = doc->ids[j];
                if (title_mark[id] && !stf[id]) {
                    stf[id] = 1;
                    hit++;
                }
            }
            for (j = x->tok_start; j < x->tok_end; j++)
                stf[doc->ids[j]] = 0;
            s += w->title * (double)hit / (double)title_terms;
        }
        prior = 1.0 / (1.0 + (double)k / decay);
        len = 1.0;
        if (words < min_words)
            len = (words / min_words) * (words / min_words);
        else if (words > max_words)
            len = max_words / words;
        if (words > runon_words)
            len *= runon_words / words;
        x->score = s * prior * len;
        k++;
    }
    (void)nbody;
    /* scratch arrays: large ones go back to the allocator at once */
    brief__free(a, cent);
    brief__free(a, stf);
    brief__free(a, dvec);
    brief__free(a, isf);
    brief__free(a, title_mark);
    return BRIEF_OK;
}

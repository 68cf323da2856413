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
 *  - prompts: a line that asks the reader to act on the page ("Scroll
 *    down for video", "Click here to ...": brief__is_prompt) is scaled
 *    by prompt_factor, near zero.
 * Titles and headings score 0 and are never chosen.
 *
 * All arithmetic is in double with a fixed order of summation, and the one
 * transcendental function is brief__log (util.c), so scores are the same
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

static const weights sc_defaults = {
    1.0, 1.0, 3.0, 12.0, 8.0, 22.0, 66.0
};

/* The factor of a prompt line's score (see brief__is_prompt). */
static const double prompt_factor = 0.01;

#ifdef BRIEF_TUNING
/* Development builds only (make eval experiments): weights from the
 * environment, BRIEF_W="centrality title decay_lead decay_flat min max". */
#include <stdio.h>
#include <stdlib.h>
static weights tuned(void)
{
    weights w = sc_defaults;
    const char *e = getenv("BRIEF_W");
    if (e)
        sscanf(e, "%lf %lf %lf %lf %lf %lf %lf", &w.centrality, &w.title,
               &w.decay_lead, &w.decay_flat, &w.min_words, &w.max_words,
               &w.brief_words);
    return w;
}
#endif

/* The inverse sentence frequency of a term found in sf of n sentences:
 * log((n+1)/(sf+0.5)) + 1, always > 0 (see the top of this file). */
static double isf_of(size_t n, size_t sf)
{
    return brief__log((double)(n + 1) / ((double)sf + 0.5)) + 1.0;
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
    const weights *w = &sc_defaults;
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
        isf[j] = isf_of(n, doc->term_sents[j]);
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
        /* A prompt to the reader ("Scroll down for video", segment.c)
         * tells nothing of the article: near zero, below any sentence
         * that shares a term with it. */
        if (words <= (double)BRIEF__PROMPT_WORDS && brief__is_prompt(doc, x))
            len *= prompt_factor;
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

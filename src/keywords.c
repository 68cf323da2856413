/*
 * keywords.c - the key terms of a text, for brief_result.keywords.
 *
 * The terms of highest weight, each shown as its most frequent surface
 * form. Weight = occurrences x isf (score.c's inverse sentence frequency),
 * so a word in every sentence ranks below a frequent word concentrated in
 * a few; a term of the title counts double (the author chose it to name
 * the article). Runs after terms.c, while the surface forms (read through
 * brief__form_next) are still there.
 */
#include <string.h>
#include "internal.h"

typedef struct kw_ctx {
    const double *weight;
} kw_ctx;

/* Higher weight first, then the lower term id (a total order). */
static int kw_before(const void *ctx, size_t a, size_t b)
{
    const kw_ctx *k = (const kw_ctx *)ctx;
    if (k->weight[a] != k->weight[b])
        return k->weight[a] > k->weight[b];
    return a < b;
}

int brief__keywords(brief__arena *a, const brief__doc *doc, size_t want,
                    const brief_keyword **out, size_t *nout)
{
    size_t nt = doc->nterms, i, n, pos, at;
    size_t *best, *idx, *tmp;
    double *weight;
    brief_keyword *kw;
    brief__form f, g;
    kw_ctx k;
    *out = NULL;
    *nout = 0;
    if (!want || !nt)
        return BRIEF_OK;
    best = (size_t *)brief__alloc(a, nt * sizeof *best);
    idx = (size_t *)brief__alloc(a, nt * sizeof *idx);
    tmp = (size_t *)brief__alloc(a, nt * sizeof *tmp);
    weight = (double *)brief__alloc(a, nt * sizeof *weight);
    if (!best || !idx || !tmp || !weight)
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < nt; i++)
        best[i] = (size_t)-1;
    /* best[t]: the position of t's most frequent form (the first on a
     * tie), to read it again below */
    for (pos = 0, at = 0; brief__form_next(doc, &pos, &f); at = pos) {
        size_t b;
        if (f.term == BRIEF__NO_TERM)
            continue;
        b = best[f.term];
        if (b == (size_t)-1 ||
            (brief__form_next(doc, &b, &g) && f.count > g.count))
            best[f.term] = at;
    }
    for (i = 0; i < nt; i++) {
        idx[i] = i;
        weight[i] = (double)doc->term_count[i] *
                    brief__isf(doc->nsents, doc->term_sents[i]);
    }
    for (i = 0; i < doc->nsents; i++) {
        const brief__sent *x = &doc->sents[i];
        size_t j;
        if (!(x->flags & BRIEF_SENTENCE_TITLE))
            continue;
        /* tmp[] is free until the sort: it marks terms already doubled */
        for (j = 0; j < nt; j++)
            tmp[j] = 0;
        for (j = x->tok_start; j < x->tok_end; j++)
            if (!tmp[doc->ids[j]]) {
                tmp[doc->ids[j]] = 1;
                weight[doc->ids[j]] *= 2.0;
            }
        break;
    }
    k.weight = weight;
    brief__sort(idx, tmp, nt, kw_before, &k);
    n = want < nt ? want : nt;
    kw = (brief_keyword *)brief__alloc(a, n * sizeof *kw);
    if (!kw)
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        char *text;
        f.text = "";
        f.len = 0;
        pos = best[idx[i]];
        (void)brief__form_next(doc, &pos, &f); /* every term has a form */
        text = (char *)brief__alloc(a, f.len + 1);
        if (!text)
            return BRIEF_ERR_NOMEM;
        memcpy(text, f.text, f.len);
        text[f.len] = 0;
        kw[i].length = f.len;
        kw[i].text = text;
        kw[i].weight = weight[idx[i]];
        kw[i].count = doc->term_count[idx[i]];
    }
    *out = kw;
    *nout = n;
    return BRIEF_OK;
}

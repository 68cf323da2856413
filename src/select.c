/*
 * select.c - choose the brief under a budget.
 *
 * Body sentences are ranked by score (ties: the earlier sentence first) and
 * taken greedily, best first, from a binary heap: building it is linear
 * and a brief of K sentences pops only as many as it looks at, so the
 * stage does not sort a long document's every sentence (a budget in words
 * or bytes may still look at all of them: O(n log n) then). A candidate is skipped when it does not fit the word or
 * byte budget (a later, shorter one may), or when it repeats what is
 * already chosen: its distinct terms overlap those of one of the last
 * REDUNDANCY_WINDOW chosen sentences by more than max_overlap (overlap
 * coefficient |A n B| / min(|A|, |B|)). Comparing against a bounded window
 * keeps the stage linear however large the brief; for the usual briefs of
 * a few sentences the window holds every chosen one.
 * A sentence over BRIEF__LONG_WORDS words waits until the others are
 * exhausted, so a one-sentence brief is a run-on only when the text has
 * nothing shorter. The result is returned in document order.
 */
#include <string.h>
#include "internal.h"

#define REDUNDANCY_WINDOW 32
/* Half of the smaller sentence's terms already said is a repeat: 0.50
 * instead of 0.65 gained R1 on both CNN/DailyMail dev sets (summeval
 * +0.26, realsumm +0.34, `make eval`) and, per issue 16's study, on the
 * held-out news set; briefs of one sentence are unaffected. */
static const double max_overlap = 0.50;

static int sl_is_body(const brief__sent *x)
{
    return !(x->flags & (BRIEF_SENTENCE_TITLE | BRIEF_SENTENCE_HEADING));
}

/* Order: higher score first, then earlier sentence. A total order, so the
 * result does not depend on the sort algorithm. */
static int before(const void *ctx, size_t a, size_t b)
{
    const brief__doc *d = (const brief__doc *)ctx;
    double sa = d->sents[a].score, sb = d->sents[b].score;
    if (sa != sb)
        return sa > sb;
    return a < b;
}

/* Restore the heap order below position i of heap[0..n): each parent
 * comes before its children. */
static void sift_down(const brief__doc *d, size_t *heap, size_t n, size_t i)
{
    size_t top = heap[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && before(d, heap[c + 1], heap[c]))
            c++;
        if (!before(d, heap[c], top))
            break;
        heap[i] = heap[c];
        i = c;
    }
    heap[i] = top;
}

/* Distinct terms of sentence x marked in mark[] with tag; returns count. */
static size_t mark_terms(const brief__doc *d, const brief__sent *x,
                         uint32_t *mark, uint32_t tag)
{
    size_t j, n = 0;
    for (j = x->tok_start; j < x->tok_end; j++) {
        uint32_t id = d->ids[j];
        if (mark[id] != tag) {
            mark[id] = tag;
            n++;
        }
    }
    return n;
}

/* Overlap coefficient of candidate (marked with tag, ca distinct terms)
 * and chosen sentence y. seen[] is scratch tagged with stag. */
static double overlap(const brief__doc *d, const uint32_t *mark, uint32_t tag,
                      size_t ca, const brief__sent *y, uint32_t *seen,
                      uint32_t stag)
{
    size_t j, cb = 0, both = 0;
    for (j = y->tok_start; j < y->tok_end; j++) {
        uint32_t id = d->ids[j];
        if (seen[id] == stag)
            continue;
        seen[id] = stag;
        cb++;
        if (mark[id] == tag)
            both++;
    }
    if (!ca || !cb)
        return 0.0;
    return (double)both / (double)(ca < cb ? ca : cb);
}

/* What the greedy pass has chosen so far, and its scratch. */
typedef struct picker {
    const brief__doc *doc;
    const brief__budget *budget;
    size_t nchosen, words, bytes;
    uint32_t *mark, *seen, tag, stag;
    unsigned char *is_chosen;
    size_t window[REDUNDANCY_WINDOW], nwin;
} picker;

/* Take sentence `best` when it fits the budget and does not repeat a
 * chosen one. */
static void consider(picker *p, size_t best)
{
    const brief__doc *doc = p->doc;
    const brief__sent *x = &doc->sents[best];
    size_t len = x->end - x->start, ca, k;
    if (p->budget->words && p->words + x->words > p->budget->words)
        return;
    if (p->budget->bytes &&
        p->bytes + len + (p->nchosen ? 1 : 0) > p->budget->bytes)
        return;
    if (++p->tag == 0) { /* wrapped: clear the marks */
        memset(p->mark, 0, (doc->nterms + 1) * sizeof *p->mark);
        p->tag = 1;
    }
    ca = mark_terms(doc, x, p->mark, p->tag);
    for (k = 0; k < p->nwin; k++) {
        if (++p->stag == 0) {
            memset(p->seen, 0, (doc->nterms + 1) * sizeof *p->seen);
            p->stag = 1;
        }
        if (overlap(doc, p->mark, p->tag, ca, &doc->sents[p->window[k]],
                    p->seen, p->stag) > max_overlap)
            return;
    }
    p->is_chosen[best] = 1;
    p->nchosen++;
    p->words += x->words;
    p->bytes += len + (p->nchosen > 1 ? 1 : 0);
    if (p->nwin < REDUNDANCY_WINDOW) {
        p->window[p->nwin++] = best;
    } else {
        memmove(p->window, p->window + 1,
                (REDUNDANCY_WINDOW - 1) * sizeof *p->window);
        p->window[REDUNDANCY_WINDOW - 1] = best;
    }
}

static int full(const picker *p)
{
    return p->budget->sentences && p->nchosen >= p->budget->sentences;
}

int brief__select(brief__arena *a, const brief__doc *doc,
                  const brief__budget *budget, size_t **out, size_t *nout)
{
    size_t n = doc->nsents, nb = 0, nbody, nlong = 0, i, nchosen;
    size_t *idx, *chosen;
    picker p;
    *out = NULL;
    *nout = 0;
    memset(&p, 0, sizeof p);
    p.doc = doc;
    p.budget = budget;
    idx = (size_t *)brief__alloc(a, (n + 1) * sizeof *idx);
    p.mark = (uint32_t *)brief__alloc(a, (doc->nterms + 1) * sizeof *p.mark);
    p.seen = (uint32_t *)brief__alloc(a, (doc->nterms + 1) * sizeof *p.seen);
    p.is_chosen = (unsigned char *)brief__alloc(a, n + 1);
    if (!idx || !p.mark || !p.seen || !p.is_chosen)
        return BRIEF_ERR_NOMEM;
    memset(p.mark, 0, (doc->nterms + 1) * sizeof *p.mark);
    memset(p.seen, 0, (doc->nterms + 1) * sizeof *p.seen);
    memset(p.is_chosen, 0, n + 1);
    for (i = 0; i < n; i++)
        if (sl_is_body(&doc->sents[i]))
            idx[nb++] = i;
    nbody = nb;
    for (i = nb / 2; i-- > 0;)
        sift_down(doc, idx, nb, i);

    /* Best first. A sentence of more than BRIEF__LONG_WORDS words is set
     * aside: it only fills what the others leave of the budget (second
     * loop), in score order. The set-aside ones are kept at the top end
     * of idx[], in the slots the heap has given up: each pop frees one. */
    while (nb > 0 && !full(&p)) {
        size_t best = idx[0];
        idx[0] = idx[--nb]; /* pop the best */
        sift_down(doc, idx, nb, 0);
        if (doc->sents[best].words > BRIEF__LONG_WORDS) {
            idx[nbody - 1 - nlong++] = best;
            continue;
        }
        consider(&p, best);
    }
    for (i = 0; i < nlong && !full(&p); i++)
        consider(&p, idx[nbody - 1 - i]);
    nchosen = p.nchosen;
    chosen = (size_t *)brief__alloc(a, (nchosen + 1) * sizeof *chosen);
    if (!chosen)
        return BRIEF_ERR_NOMEM;
    nchosen = 0;
    for (i = 0; i < n; i++)
        if (p.is_chosen[i])
            chosen[nchosen++] = i;
    *out = chosen;
    *nout = nchosen;
    brief__free(a, p.is_chosen);
    brief__free(a, p.seen);
    brief__free(a, p.mark);
    brief__free(a, idx);
    return BRIEF_OK;
}

/*
 * brief.c - the public entry points: options, the pipeline run in order,
 * the result, errors and version.
 *
 * brief_summarize() runs: decode (plain text is read in place; HTML and
 * Markdown are decoded to a new text) -> language -> segment -> terms ->
 * score -> select, then copies what the caller sees into the result. All
 * memory comes from one arena; the result owns it.
 */
#include <string.h>
#include "internal.h"

const char *brief_version(void)
{
    return BRIEF_VERSION;
}

const char *brief_strerror(int status)
{
    switch (status) {
    case BRIEF_OK:
        return "success";
    case BRIEF_ERR_NOMEM:
        return "out of memory";
    case BRIEF_ERR_ARGUMENT:
        return "invalid argument";
    case BRIEF_ERR_BINARY:
        return "binary input (contains NUL bytes)";
    case BRIEF_ERR_TOO_LARGE:
        return "input larger than the limit";
    case BRIEF_ERR_LANGUAGE:
        return "unknown language";
    case BRIEF_ERR_WRITE:
        return "write failed";
    default:
        return "unknown error";
    }
}

void brief_options_init(brief_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->max_sentences = 0;
    opts->input = BRIEF_INPUT_AUTO;
    opts->language = NULL;
    opts->max_input = BRIEF_DEFAULT_MAX_INPUT;
}

/* The result as allocated: the public part first, then the arena that owns
 * everything (including this struct). */
typedef struct result_impl {
    brief_result pub;
    brief__arena arena;
} result_impl;

brief_input brief_detect_input(const char *input, size_t len)
{
    if (!input || !len)
        return BRIEF_INPUT_TEXT;
#ifndef BRIEF_NO_HTML
    if (brief__looks_html(input, len))
        return BRIEF_INPUT_HTML;
#endif
#ifndef BRIEF_NO_MARKDOWN
    if (brief__looks_markdown(input, len))
        return BRIEF_INPUT_MARKDOWN;
#endif
    return BRIEF_INPUT_TEXT;
}

const char *brief_language_name(const char *code)
{
    const brief__lang *l = code ? brief__lang_find(code) : NULL;
    return l ? l->name : NULL;
}

static int decode(brief__arena *a, const char *in, size_t len,
                  brief_input kind, brief__view *view)
{
    (void)a; /* unused when HTML and Markdown are compiled out */
    memset(view, 0, sizeof *view);
    switch (kind) {
#ifndef BRIEF_NO_HTML
    case BRIEF_INPUT_HTML:
        return brief__decode_html(a, in, len, view);
#endif
#ifndef BRIEF_NO_MARKDOWN
    case BRIEF_INPUT_MARKDOWN:
        return brief__decode_markdown(a, in, len, view);
#endif
    case BRIEF_INPUT_TEXT:
        view->text = in ? in : "";
        view->len = len;
        return BRIEF_OK;
    default:
        return BRIEF_ERR_ARGUMENT;
    }
}

/* The budget the options ask for, given the number of body sentences. */
static void make_budget(const brief_options *o, const brief__doc *doc,
                        brief__budget *b)
{
    size_t nbody = 0, i;
    for (i = 0; i < doc->nsents; i++)
        if (!(doc->sents[i].flags &
              (BRIEF_SENTENCE_TITLE | BRIEF_SENTENCE_HEADING)))
            nbody++;
    b->sentences = o->max_sentences;
    b->words = o->max_words;
    b->bytes = o->max_bytes;
    if (o->ratio_percent) {
        /* rounded to nearest, at least one sentence */
        size_t r = (nbody / 100) * o->ratio_percent +
                   ((nbody % 100) * o->ratio_percent + 50) / 100;
        if (r == 0)
            r = 1;
        if (!b->sentences || r < b->sentences)
            b->sentences = r;
    }
    if (!b->sentences && !b->words && !b->bytes)
        b->sentences = 3;
}

/* Key terms: the terms of highest weight, each shown as its most frequent
 * surface form. Weight = occurrences x isf, so a word in every sentence
 * ranks below a frequent word concentrated in a few; a term of the title
 * counts double (the author chose it to name the article). */
typedef struct kw_ctx {
    const brief__doc *doc;
    const double *weight;
} kw_ctx;

static int kw_before(const void *ctx, size_t a, size_t b)
{
    const kw_ctx *k = (const kw_ctx *)ctx;
    if (k->weight[a] != k->weight[b])
        return k->weight[a] > k->weight[b];
    return a < b;
}

static int keywords(brief__arena *a, const brief__doc *doc, size_t want,
                    brief_result *r)
{
    size_t nt = doc->nterms, i, n;
    size_t *best, *idx, *tmp;
    double *weight;
    brief_keyword *out;
    kw_ctx k;
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
    /* best[t]: the record of t's most frequent form (the first on a tie) */
    for (i = 0; i < doc->forms_words;
         i += brief__rec_size(doc->forms[i + BRIEF__REC_LEN])) {
        const uint32_t *rec = doc->forms + i;
        uint32_t t = rec[BRIEF__REC_TERM];
        if (t == BRIEF__NO_TERM)
            continue;
        if (best[t] == (size_t)-1 ||
            rec[BRIEF__REC_COUNT] > doc->forms[best[t] + BRIEF__REC_COUNT])
            best[t] = i;
    }
    for (i = 0; i < nt; i++) {
        double sf = (double)doc->term_sents[i];
        idx[i] = i;
        weight[i] = (double)doc->term_count[i] *
                    (brief__log((double)(doc->nsents + 1) / (sf + 0.5)) + 1.0);
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
    k.doc = doc;
    k.weight = weight;
    brief__sort(idx, tmp, nt, kw_before, &k);
    n = want < nt ? want : nt;
    out = (brief_keyword *)brief__alloc(a, n * sizeof *out);
    if (!out)
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        const uint32_t *rec = doc->forms + best[idx[i]];
        size_t len = rec[BRIEF__REC_LEN];
        char *text = (char *)brief__alloc(a, len + 1);
        if (!text)
            return BRIEF_ERR_NOMEM;
        memcpy(text, rec + BRIEF__REC_BYTES, len);
        text[len] = 0;
        out[i].length = len;
        out[i].text = text;
        out[i].weight = weight[idx[i]];
        out[i].count = doc->term_count[idx[i]];
    }
    r->keywords = out;
    r->keyword_count = n;
    return BRIEF_OK;
}

static int run(brief__arena *a, const char *input, size_t len,
               const brief_options *o, brief_result *r)
{
    brief__doc doc;
    brief__budget budget;
    brief_sentence *ss;
    size_t *chosen = NULL, nchosen = 0, i;
    brief_input kind = o->input;
    int rc;
    memset(&doc, 0, sizeof doc);
    if (kind == BRIEF_INPUT_AUTO)
        kind = brief_detect_input(input, len);
    if ((rc = decode(a, input, len, kind, &doc.view)) != 0)
        return rc;
    r->input = kind;
    if (!o->language || !strcmp(o->language, "auto") || !*o->language)
        doc.lang = brief__lang_detect((const unsigned char *)doc.view.text,
                                      doc.view.len);
    else
        doc.lang = brief__lang_find(o->language);
    if (!doc.lang)
        return BRIEF_ERR_LANGUAGE;
    r->language = doc.lang->code;
    r->text = doc.view.text;
    r->text_length = doc.view.len;
    if ((rc = brief__segment(a, &doc)) != 0)
        return rc;
    if ((rc = brief__terms(a, &doc)) != 0)
        return rc;
    /* Key terms need the surface forms, which nothing after this needs:
     * take them now and give the forms back (large arrays are blocks of
     * their own, so this lowers the peak for large inputs). */
    if ((rc = keywords(a, &doc, o->keywords, r)) != 0)
        return rc;
    brief__free(a, doc.forms);
    doc.forms = NULL;
    doc.forms_words = 0;
    make_budget(o, &doc, &budget);
    if ((rc = brief__score(a, &doc, budget.sentences)) != 0)
        return rc;
    if ((rc = brief__select(a, &doc, &budget, &chosen, &nchosen)) != 0)
        return rc;
    brief__free(a, doc.ids);
    brief__free(a, doc.term_count);
    brief__free(a, doc.term_sents);
    /* The public sentences take the place of the internal ones when they
     * are no larger (they are on every usual ABI): sentence i is read
     * whole before its slot, which ends inside internal sentence i, is
     * written, so nothing unread is overwritten. */
    if (sizeof(brief_sentence) <= sizeof(brief__sent))
        ss = (brief_sentence *)(void *)doc.sents;
    else
        ss = (brief_sentence *)brief__alloc(a, (doc.nsents + 1) * sizeof *ss);
    if (!ss && doc.nsents)
        return BRIEF_ERR_NOMEM;
    for (i = 0; i < doc.nsents; i++) {
        const brief__sent x = doc.sents[i];
        ss[i].offset = x.start;
        ss[i].length = x.end - x.start;
        ss[i].score = x.score;
        ss[i].index = i;
        ss[i].paragraph = x.paragraph;
        ss[i].words = x.words;
        ss[i].flags = x.flags;
        ss[i].text = x.clean;
        ss[i].text_length = x.clean_len;
        if (!r->has_title && (x.flags & BRIEF_SENTENCE_TITLE)) {
            r->has_title = 1;
            r->title_index = i;
        }
    }
    for (i = 0; i < nchosen; i++)
        ss[chosen[i]].flags |= BRIEF_SENTENCE_CHOSEN;
    r->sentences = doc.nsents ? ss : NULL;
    r->sentence_count = doc.nsents;
    r->chosen = chosen;
    r->chosen_count = nchosen;
    r->word_count = doc.words;
    return BRIEF_OK;
}

int brief_summarize(const char *input, size_t len, const brief_options *opts,
                    brief_result **out)
{
    brief_options defaults;
    brief__arena a;
    result_impl *impl;
    int rc;
    if (!out)
        return BRIEF_ERR_ARGUMENT;
    *out = NULL;
    if (!input && len)
        return BRIEF_ERR_ARGUMENT;
    if (!opts) {
        brief_options_init(&defaults);
        opts = &defaults;
    }
    if (opts->ratio_percent > 100 ||
        (unsigned)opts->input > (unsigned)BRIEF_INPUT_MARKDOWN)
        return BRIEF_ERR_ARGUMENT;
    if (opts->max_input && len > opts->max_input)
        return BRIEF_ERR_TOO_LARGE;
    if (len && memchr(input, 0, len))
        return BRIEF_ERR_BINARY;
    if (opts->language && *opts->language && strcmp(opts->language, "auto") &&
        !brief__lang_find(opts->language))
        return BRIEF_ERR_LANGUAGE;
    brief__arena_init(&a, opts->allocator, opts->arena, opts->arena_size);
    impl = (result_impl *)brief__alloc(&a, sizeof *impl);
    if (!impl) {
        brief__arena_release(&a);
        return BRIEF_ERR_NOMEM;
    }
    memset(&impl->pub, 0, sizeof impl->pub);
    impl->arena = a; /* from here on the arena lives inside the result */
    rc = run(&impl->arena, input, len, opts, &impl->pub);
    if (rc != BRIEF_OK) {
        a = impl->arena;
        brief__arena_release(&a);
        return rc;
    }
    *out = &impl->pub;
    return BRIEF_OK;
}

void brief_result_free(brief_result *result)
{
    brief__arena a;
    if (!result)
        return;
    /* copy the arena out first: releasing it frees this very struct */
    a = ((result_impl *)(void *)result)->arena;
    brief__arena_release(&a);
}

/*
 * Why 256 bytes a byte: every stage's arrays are linear in the number of
 * sentences (at most one per two input bytes: a sentence and a separator),
 * of tokens (likewise) and of distinct forms (at most one per token).
 * Summed over the stages with the doubling growth of the arrays counted
 * (an array grown by copying leaves its old copies behind), a sentence
 * costs under 240 bytes and a token with its form under 200 on a 64-bit
 * machine, so 256 per input byte covers the worst mix; tests/test_core.c
 * checks the bound on the adversarial inputs (one-letter sentences, all
 * distinct words, CJK, markup). The constant covers the fixed tables.
 * HTML input adds its decoder: at most about 100 bytes per input byte plus
 * 2 MiB (element chunks are capped at len/8 + 4096, see html.c); Markdown
 * 3 bytes per byte. Unless the input kind is known to be text, the bound
 * includes them.
 */
size_t brief_arena_bound(size_t len, const brief_options *opts)
{
    size_t per_byte = 256, base = 64 * 1024;
    if (!opts || opts->input != BRIEF_INPUT_TEXT) {
        per_byte += 128;
        base += (size_t)2 * 1024 * 1024 + 64 * 1024;
    }
    if (len > (((size_t)-1) - base) / per_byte)
        return (size_t)-1;
    return base + len * per_byte;
}

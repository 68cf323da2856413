/*
 * brief.c - the public entry points: options, the pipeline run in order,
 * the result, errors and version.
 *
 * brief_summarize() runs: decode (plain text is read in place; HTML and
 * Markdown are decoded to a new text) -> language -> segment -> terms ->
 * keywords -> score -> select, then copies what the caller sees into the
 * result. The stages live in files of their own (internal.h lists them);
 * this file only calls them in order. All memory comes from one arena;
 * the result owns it.
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
    opts->encoding = "auto";
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
    /* the input becomes UTF-8, then a NUL in its text marks it binary
     * (charset.c) */
    if ((rc = brief__charset(a, &input, &len, o, r)) != 0)
        return rc;
    if (kind == BRIEF_INPUT_AUTO)
        kind = brief_detect_input(input, len);
    if (brief__binary(input, len, kind))
        return BRIEF_ERR_BINARY;
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
    doc.want_spans = o->keywords != 0 && doc.view.len < 0xFFFFFFFFu;
    if ((rc = brief__terms(a, &doc)) != 0)
        return rc;
    /* Key terms need the token spans (terms.c records them when key terms
     * are asked for), which nothing after this needs: take the terms now
     * and give the spans back (large arrays are blocks of their own, so
     * this lowers the peak for large inputs). */
    if ((rc = brief__keywords(a, &doc, o->keywords, &r->keywords,
                              &r->keyword_count)) != 0)
        return rc;
    brief__free(a, doc.spans);
    doc.spans = NULL;
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
 * includes them. Key terms add, per content token, its span (8 bytes,
 * grown by doubling), its flags, a bucket count, its place in the 1- to
 * 3-word runs and up to three candidates with their index and sort
 * scratch (keywords.c): under 210 bytes a token, and a token to every two
 * bytes at most (two letters; a CJK bigram to a character), so 128 more
 * a byte.
 */
size_t brief_arena_bound(size_t len, const brief_options *opts)
{
    size_t per_byte = 256, base = 64 * 1024;
    if (opts && opts->keywords)
        per_byte += 128;
    if (!opts || !brief__charset_is_utf8(opts->encoding)) {
        /* the converted copy (3 bytes a byte, 3 of slack), then every stage
         * on 3 x len bytes of text (see charset.c) */
        if (len > ((size_t)-1) / 4)
            return (size_t)-1;
        base += 3 * len + 3 + BRIEF__ALIGN;
        len *= 3;
    }
    if (!opts || opts->input != BRIEF_INPUT_TEXT) {
        per_byte += 128;
        base += (size_t)2 * 1024 * 1024 + 64 * 1024;
    }
    if (len > (((size_t)-1) - base) / per_byte)
        return (size_t)-1;
    return base + len * per_byte;
}

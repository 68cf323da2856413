/*
 * terms.c - from sentences to term ids.
 *
 * A token is a run of letters and digits; an apostrophe between letters
 * stays inside ("don't", "Sterling's": the stemmer knows what to do with
 * it), and so do '.' and ',' between digits ("3.5", "1,000"). Hyphens and
 * everything else split. Runs of CJK characters give overlapping character
 * bigrams (a lone CJK character gives itself), since those scripts write no
 * spaces.
 *
 * Each token is folded to lower case and looked up as a surface form. Only
 * a surface form never seen before goes through the stop-word table and the
 * stemmer: news text repeats its words, so the stemmer runs once per
 * distinct form, not once per occurrence. Stems are then interned to dense
 * term ids 0..nterms-1.
 */
#include <string.h>
#include "internal.h"

/* ---- growing arrays and hash tables in the arena -------------------------- */

/* Make the array *arr (*cap elements of elem bytes) hold need: the first
 * size is need itself, then it doubles (brief__grow_array). The test
 * that there is room stays here, inline in the hot loop. */
static int reserve(brief__arena *a, void **arr, size_t *cap, size_t need,
                   size_t elem)
{
    void *p;
    if (need <= *cap)
        return BRIEF_OK;
    p = brief__grow_array(a, *arr, cap, need, elem, need, 0);
    if (!p)
        return BRIEF_ERR_NOMEM;
    *arr = p;
    return BRIEF_OK;
}

/* An open-addressing table of entry references + 1 (0 = empty slot), kept
 * at most 3/4 full. The entries live in the owner's pool. */
typedef struct slot {
    uint32_t ref;        /* entry reference + 1; 0 = empty                 */
    uint32_t hash;       /* the entry's hash: most probes end here         */
} slot;

typedef struct table {
    slot *slots;
    size_t cap;          /* a power of two                                 */
} table;

/* A new, empty table *t with room for n entries: the least power of two
 * from 64 up that is at least 4n/3, so n entries fill at most 3/4. */
static int table_make(brief__arena *a, table *t, size_t n)
{
    size_t cap = 0;
    if (n > ((size_t)-1) / 4)
        return BRIEF_ERR_NOMEM;
    t->slots = (slot *)brief__grow_array(a, NULL, &cap, n + (n + 2) / 3,
                                         sizeof *t->slots, 64, 0);
    if (!t->slots)
        return BRIEF_ERR_NOMEM;
    memset(t->slots, 0, cap * sizeof *t->slots);
    t->cap = cap;
    return BRIEF_OK;
}

/* Make room for one more entry than n: when the table would pass 3/4
 * full, move its slots (reference and hash: the entries need not be read)
 * into one twice the size and give the old one back. */
static int table_room(brief__arena *a, table *t, size_t n)
{
    size_t i, mask;
    table nt;
    if (t->slots && n + 1 <= t->cap / 4 * 3)
        return BRIEF_OK;
    nt.slots = NULL;
    nt.cap = 0;
    if (table_make(a, &nt, t->cap ? t->cap : 64) != 0)
        return BRIEF_ERR_NOMEM;
    mask = nt.cap - 1;
    for (i = 0; i < t->cap; i++) {
        size_t k;
        if (!t->slots[i].ref)
            continue;
        for (k = t->slots[i].hash & mask; nt.slots[k].ref; k = (k + 1) & mask)
            ;
        nt.slots[k] = t->slots[i];
    }
    brief__free(a, t->slots);
    *t = nt;
    return BRIEF_OK;
}

/* ---- records: distinct strings and their terms ------------------------------ */

/*
 * The distinct surface forms and the distinct stems are each kept as
 * records in a pool of uint32_t words, a record each:
 *   [term][count][n][n folded bytes, zero-padded to a whole word]
 * term is BRIEF__NO_TERM for stop words and noise; a record's size in
 * words is REC_BYTES + (n + 3) / 4; the first record is at word 0. (A
 * stem's count is not kept: 0.) Both pools are given back once every token
 * has its term. A string is looked up in the pool's hash table, whose
 * slots refer to a record by its word offset + 1, as nw zero-padded
 * words, so it is hashed and compared a word at a time.
 * Per token the hot loop thus touches a table slot and one record of a
 * small, hot pool, not the form's first occurrence in a long text.
 */
enum { REC_TERM, REC_COUNT, REC_LEN, REC_BYTES };

typedef struct pool {
    uint32_t *w;
    size_t used, cap;        /* words                                       */
    size_t count;            /* records                                     */
    table tab;
} pool;

/* Hash of nw zero-padded words: one multiply a word and a final mix, so
 * the low bits that index the table depend on every byte. */
static uint32_t hash_words(const uint32_t *k, size_t nw)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < nw; i++)
        h = (h ^ k[i]) * 0x9E3779B1u;
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    return h ^ (h >> 13);
}

/* Does the record at word r hold the n bytes whose padded words are
 * key[0..nw)? */
static int rec_is(const pool *pl, uint32_t r, const uint32_t *key, size_t n,
                  size_t nw)
{
    const uint32_t *rec = pl->w + r;
    size_t i;
    if (rec[REC_LEN] != n)
        return 0;
    rec += REC_BYTES;
    for (i = 0; i < nw; i++)
        if (rec[i] != key[i])
            return 0;
    return 1;
}

/* The slot of pl's table holding key (hash h; n bytes, nw padded words),
 * or the empty slot where it would go. */
static inline size_t slot_of(const pool *pl, uint32_t h, const uint32_t *key,
                             size_t n, size_t nw)
{
    size_t k, mask = pl->tab.cap - 1;
    for (k = h & mask; pl->tab.slots[k].ref; k = (k + 1) & mask)
        if (pl->tab.slots[k].hash == h &&
            rec_is(pl, pl->tab.slots[k].ref - 1, key, n, nw))
            break;
    return k;
}

/* Add the record of key (hash h, n bytes, nw padded words) with its term
 * at the empty slot k that slot_of() gave (the table grows first when it
 * is full); *r gets the record's word offset. */
static int add_rec(brief__arena *a, pool *pl, size_t k, uint32_t h,
                   const uint32_t *key, size_t n, size_t nw, uint32_t term,
                   uint32_t *r)
{
    size_t words = REC_BYTES + nw;
    uint32_t *rec;
    if (pl->used + words >= 0xFFFFFFF0u)
        return BRIEF_ERR_NOMEM;
    if (pl->count + 1 > pl->tab.cap / 4 * 3) {
        size_t mask;
        if (table_room(a, &pl->tab, pl->count) != 0)
            return BRIEF_ERR_NOMEM;
        mask = pl->tab.cap - 1;
        for (k = h & mask; pl->tab.slots[k].ref; k = (k + 1) & mask)
            ;
    }
    if (reserve(a, (void **)&pl->w, &pl->cap, pl->used + words,
                sizeof *pl->w) != 0)
        return BRIEF_ERR_NOMEM;
    *r = (uint32_t)pl->used;
    rec = pl->w + pl->used;
    rec[REC_TERM] = term;
    rec[REC_COUNT] = 0;
    rec[REC_LEN] = (uint32_t)n;
    memcpy(rec + REC_BYTES, key, nw * sizeof *key);
    pl->used += words;
    pl->count++;
    pl->tab.slots[k].ref = *r + 1;
    pl->tab.slots[k].hash = h;
    return BRIEF_OK;
}

/* ---- the stage ----------------------------------------------------------- */

/* Room for a token as the tokenizer spells it: up to BRIEF__MAX_STEM + 1
 * code points of 4 bytes (a longer token is dropped), and the padding. */
#define KEY_WORDS (BRIEF__MAX_STEM + 2)

/* Zero the bytes after the n bytes of key up to a whole word; returns the
 * number of words. */
static size_t pad_key(uint32_t *key, size_t n)
{
    unsigned char *b = (unsigned char *)key;
    switch (n & 3) {
    case 1:
        b[n + 2] = 0;
        /* fall through */
    case 2:
        b[n + 1] = 0;
        /* fall through */
    case 3:
        b[n] = 0;
        break;
    default:
        break;
    }
    return (n + 3) / 4;
}

/* A token on its way to be counted. */
typedef struct token {
    uint32_t key[KEY_WORDS]; /* its folded bytes, zero-padded to words      */
    size_t n, nw, ncp;       /* bytes, words, code points                   */
    int cjk;
    uint32_t hash;
    size_t start, end;       /* its bytes in the view text (spans)          */
} token;

typedef struct tm_ctx {
    brief__arena *a;
    brief__doc *doc;
    const unsigned char *text;
    pool forms, stems;       /* distinct surface forms and stems           */
    size_t ids_cap, spans_cap;
    token *tok;              /* two (in the arena: small stacks stay small);
                              * tok[cur] is the next, the other may wait   */
    unsigned cur;
    int waiting;             /* tok[cur ^ 1] is still to be counted         */
} tm_ctx;

/* Term id of a stem (n bytes, zero-padded words key), interning it if
 * new. */
static int intern_stem(tm_ctx *c, const uint32_t *key, size_t n, uint32_t *id)
{
    size_t nw = (n + 3) / 4, k;
    uint32_t h = hash_words(key, nw), r;
    k = slot_of(&c->stems, h, key, n, nw);
    if (c->stems.tab.slots[k].ref) {
        *id = c->stems.w[c->stems.tab.slots[k].ref - 1 + REC_TERM];
        return BRIEF_OK;
    }
    if (c->doc->nterms >= 0xFFFFFFF0u)
        return BRIEF_ERR_NOMEM;
    *id = (uint32_t)c->doc->nterms;
    if (add_rec(c->a, &c->stems, k, h, key, n, nw, *id, &r) != 0)
        return BRIEF_ERR_NOMEM;
    c->doc->nterms++;
    return BRIEF_OK;
}

/* Decide the term of a new surface form (n bytes, zero-padded words key):
 * stop word, noise or a stem. */
static int classify_form(tm_ctx *c, const uint32_t *key, size_t n, size_t ncp,
                         int cjk, uint32_t *term)
{
    const brief__lang *lang = c->doc->lang;
    const unsigned char *w = (const unsigned char *)key;
    uint32_t cps[BRIEF__MAX_STEM], out[KEY_WORDS];
    size_t m = 0, p = 0, k, o = 0;
    int digits = 1;
    *term = BRIEF__NO_TERM;
    if (cjk)
        return intern_stem(c, key, n, term);
    if (ncp < 2 || ncp > BRIEF__MAX_STEM)
        return BRIEF_OK;
    if (brief__in_list(&lang->stopwords, (const char *)w, n))
        return BRIEF_OK;
    while (p < n && m < BRIEF__MAX_STEM) {
        uint32_t cp = brief__next(w, n, &p);
        if (brief__class_of(cp) != BRIEF__C_DIGIT && cp != '.' && cp != ',')
            digits = 0;
        cps[m++] = cp;
    }
    if (digits) /* numbers are terms as they are ("2014", "3.5") */
        return intern_stem(c, key, n, term);
    if (lang->stem)
        m = lang->stem(cps, m);
    for (k = 0; k < m; k++)
        o += brief__put(cps[k], (unsigned char *)out + o);
    if (o == 0)
        return BRIEF_OK;
    pad_key(out, o);
    return intern_stem(c, out, o, term);
}

/* Tokens are looked up one behind: add_token() hashes a token and asks
 * the processor to fetch its table slot, then counts the token before it,
 * whose slot has had the time of one token to arrive. On long texts the
 * table is larger than the cache, and this hides much of the wait. */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* Count token t: look up (or add) its form, append its term id. */
static int tm_count_token(tm_ctx *c, const token *t)
{
    brief__doc *d = c->doc;
    pool *f = &c->forms;
    uint32_t term, r;
    size_t k = slot_of(f, t->hash, t->key, t->n, t->nw);
    int rc;
    if (f->tab.slots[k].ref) {
        r = f->tab.slots[k].ref - 1;
    } else {
        if ((rc = classify_form(c, t->key, t->n, t->ncp, t->cjk, &term)) != 0)
            return rc;
        if ((rc = add_rec(c->a, f, k, t->hash, t->key, t->n, t->nw, term,
                          &r)) != 0)
            return rc;
    }
    f->w[r + REC_COUNT]++;
    term = f->w[r + REC_TERM];
    if (term == BRIEF__NO_TERM)
        return BRIEF_OK;
    if ((rc = reserve(c->a, (void **)&d->ids, &c->ids_cap, d->nids + 1,
                      sizeof *d->ids)) != 0)
        return rc;
    d->ids[d->nids++] = term;
    if (d->want_spans) {
        if ((rc = reserve(c->a, (void **)&d->spans, &c->spans_cap,
                          2 * d->nids, sizeof *d->spans)) != 0)
            return rc;
        d->spans[2 * d->nids - 2] = (uint32_t)t->start;
        d->spans[2 * d->nids - 1] = (uint32_t)t->end;
    }
    return BRIEF_OK;
}

/* Count the token still waiting, if any. */
static int flush_token(tm_ctx *c)
{
    if (!c->waiting)
        return BRIEF_OK;
    c->waiting = 0;
    return tm_count_token(c, &c->tok[c->cur ^ 1]);
}

/* The buffer the tokenizer writes the next token into: its key. */
static unsigned char *token_buf(tm_ctx *c)
{
    return (unsigned char *)c->tok[c->cur].key;
}

/* Where the token in token_buf() starts in the view text. */
static size_t *token_start(tm_ctx *c)
{
    return &c->tok[c->cur].start;
}

/* A token: its n folded bytes (ncp code points) are at token_buf(c), its
 * text ends at byte end (it starts at token_start(c)). It is counted later
 * (see above); flush_token() counts the last one. After the call
 * token_buf() is another buffer. */
static int add_token(tm_ctx *c, size_t n, size_t ncp, int cjk, size_t end)
{
    token *t = &c->tok[c->cur];
    int rc;
    t->end = end;
    if (ncp > BRIEF__MAX_STEM || n == 0)
        return BRIEF_OK; /* a "word" this long is noise, not a term */
    /* the form as whole words, zero-padded as the records are */
    t->n = n;
    t->nw = pad_key(t->key, n);
    t->ncp = ncp;
    t->cjk = cjk;
    t->hash = hash_words(t->key, t->nw);
    PREFETCH(&c->forms.tab.slots[t->hash & (c->forms.tab.cap - 1)]);
    if ((rc = flush_token(c)) != 0)
        return rc;
    c->waiting = 1;
    c->cur ^= 1;
    return BRIEF_OK;
}

/* The bytes of a plain ASCII token run, lower-cased: the letters and digits
 * (the ASCII bytes brief__ascii_class calls LETTER or DIGIT); 0 for every
 * other byte, non-ASCII ones included (the general path decodes those). */
static const unsigned char ascii_token_byte[256] = {
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
     48,  49,  50,  51,  52,  53,  54,  55,  56,  57,   0,   0,   0,   0,   0,   0,
      0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,   0,   0,
      0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,   0,   0,
    /* 0x80 .. 0xFF: 0 */
};

/* Tokenize sentence x. */
static int tm_tokenize(tm_ctx *c, brief__sent *x)
{
    const unsigned char *t = c->text;
    size_t p = x->start, e = x->end;
    unsigned char *buf = token_buf(c); /* where the token is spelled */
    size_t n = 0, ncp = 0;
    int in_tok = 0, spaced = 1, rc;
    uint32_t prev_cjk = 0;
    size_t prev_at = 0;      /* where prev_cjk starts */
    x->tok_start = c->doc->nids;
    x->words = 0;
    while (p <= e) {
        uint32_t cp = 0;
        enum brief__cls k = BRIEF__C_SPACE;
        size_t q = p;
        /* An ASCII space first: what the general path below does for it. */
        if (p < e && t[p] == ' ') {
            prev_cjk = 0;
            if (in_tok) {
                if ((rc = add_token(c, n, ncp, 0, p)) != 0)
                    return rc;
                buf = token_buf(c);
                in_tok = 0;
            }
            spaced = 1;
            p++;
            continue;
        }
        if (p < e) {
            if (ascii_token_byte[t[p]]) { /* no decoding: an ASCII letter */
                cp = t[p];                /* or digit (the branch below    */
                k = BRIEF__C_LETTER;      /* treats both alike)            */
                q = p + 1;
            } else {
                cp = brief__next(t, e, &q);
                k = brief__class_of(cp);
            }
        }
        if (k == BRIEF__C_CJK) {
            if (in_tok) { /* end a pending alphabetic token */
                if ((rc = add_token(c, n, ncp, 0, p)) != 0)
                    return rc;
                buf = token_buf(c);
                in_tok = 0;
            }
            if (spaced)
                x->words++;
            spaced = 0;
            *token_start(c) = prev_at;
            if (prev_cjk) {
                size_t m = brief__put(prev_cjk, buf);
                m += brief__put(cp, buf + m);
                if ((rc = add_token(c, m, 2, 1, q)) != 0)
                    return rc;
                buf = token_buf(c);
            } else {
                /* a lone CJK character counts as itself */
                size_t r = q;
                uint32_t nx = r < e ? brief__next(t, e, &r) : 0;
                if (brief__class_of(nx) != BRIEF__C_CJK) {
                    size_t m = brief__put(cp, buf);
                    *token_start(c) = p;
                    if ((rc = add_token(c, m, 1, 1, q)) != 0)
                        return rc;
                    buf = token_buf(c);
                }
            }
            prev_cjk = cp;
            prev_at = p;
            p = q;
            continue;
        }
        prev_cjk = 0;
        if (k == BRIEF__C_LETTER || k == BRIEF__C_DIGIT) {
            if (!in_tok) {
                in_tok = 1;
                n = ncp = 0;
                *token_start(c) = p;
                if (spaced)
                    x->words++;
                spaced = 0;
            }
            if (cp < 0x80) { /* the common case: a run of ASCII ones */
                const unsigned char *r = t + p, *end = t + e;
                unsigned char v;
                while (r < end && (v = ascii_token_byte[*r]) != 0) {
                    if (ncp <= BRIEF__MAX_STEM)
                        buf[n++] = v;
                    ncp++;
                    r++;
                }
                p = (size_t)(r - t);
                continue;
            }
            if (ncp <= BRIEF__MAX_STEM)
                n += brief__put(brief__lower(cp), buf + n);
            ncp++;
            p = q;
            continue;
        }
        if (in_tok && (cp == '\'' || cp == 0x2019 || cp == '.' || cp == ',') &&
            q < e) {
            /* keep ' between letters and . , between digits */
            size_t r = q;
            uint32_t nx = brief__next(t, e, &r);
            enum brief__cls nk = brief__class_of(nx);
            int apos = (cp == '\'' || cp == 0x2019);
            int ok = apos ? nk == BRIEF__C_LETTER
                          : (nk == BRIEF__C_DIGIT && n > 0 &&
                             brief__ascii_is_digit(buf[n - 1]));
            if (ok) {
                if (ncp <= BRIEF__MAX_STEM)
                    n += brief__put(apos ? '\'' : cp, buf + n);
                ncp++;
                p = q;
                continue;
            }
        }
        if (in_tok) {
            if ((rc = add_token(c, n, ncp, 0, p)) != 0)
                return rc;
            buf = token_buf(c);
            in_tok = 0;
        }
        if (k == BRIEF__C_SPACE || k == BRIEF__C_NEWLINE)
            spaced = 1;
        if (p >= e)
            break;
        p = q;
    }
    if ((rc = flush_token(c)) != 0)
        return rc;
    x->tok_end = c->doc->nids;
    return BRIEF_OK;
}

int brief__terms(brief__arena *a, brief__doc *doc)
{
    tm_ctx c;
    size_t i, j;
    int rc;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.doc = doc;
    c.tok = (token *)brief__alloc(a, 2 * sizeof *c.tok);
    if (!c.tok)
        return BRIEF_ERR_NOMEM;
    c.text = (const unsigned char *)doc->view.text;
    doc->ids = NULL;
    doc->spans = NULL;
    doc->nids = 0;
    doc->nterms = 0;
    doc->words = 0;
    /* First sizes from the text length: news runs about one distinct form
     * (a record of about 6 words) per 11 bytes, one stem (as long) per 16
     * and one content token per 10, so a typical article never grows its
     * arrays, and a long text does not copy its term ids over and over.
     * The caps keep a long text from reserving for a vocabulary it will
     * not have (it grows with the square root of the length or slower);
     * beyond them the arrays grow by doubling. */
    {
        size_t len = doc->view.len, forms = len / 10 + 32, ids = len / 8 + 32;
        size_t stems = len / 14 + 32;
        if (forms > 4096)
            forms = 4096;
        if (stems > 4096)
            stems = 4096;
        if ((rc = reserve(a, (void **)&c.forms.w, &c.forms.cap, forms * 6,
                          sizeof *c.forms.w)) != 0 ||
            (rc = reserve(a, (void **)&c.stems.w, &c.stems.cap, stems * 6,
                          sizeof *c.stems.w)) != 0 ||
            (rc = reserve(a, (void **)&doc->ids, &c.ids_cap, ids,
                          sizeof *doc->ids)) != 0 ||
            (doc->want_spans &&
             (rc = reserve(a, (void **)&doc->spans, &c.spans_cap, 2 * ids,
                           sizeof *doc->spans)) != 0) ||
            (rc = table_make(a, &c.forms.tab, forms)) != 0 ||
            (rc = table_make(a, &c.stems.tab, stems)) != 0)
            return rc;
    }
    for (i = 0; i < doc->nsents; i++) {
        if ((rc = tm_tokenize(&c, &doc->sents[i])) != 0)
            return rc;
        doc->words += doc->sents[i].words;
    }
    /* the lookup tables, forms and stems are done with: give them back
     * before the counts below take their memory */
    brief__free(a, c.forms.tab.slots);
    brief__free(a, c.stems.tab.slots);
    brief__free(a, c.stems.w);
    brief__free(a, c.forms.w);
    doc->term_count = (uint32_t *)brief__alloc(a, (doc->nterms + 1) *
                                                      sizeof(uint32_t));
    doc->term_sents = (uint32_t *)brief__alloc(a, (doc->nterms + 1) *
                                                      sizeof(uint32_t));
    if (!doc->term_count || !doc->term_sents)
        return BRIEF_ERR_NOMEM;
    memset(doc->term_count, 0, (doc->nterms + 1) * sizeof(uint32_t));
    memset(doc->term_sents, 0, (doc->nterms + 1) * sizeof(uint32_t));
    /* term_sents counts each sentence once: last[id] remembers the last
     * sentence (numbered from 1) that counted term id. */
    {
        uint32_t *last = (uint32_t *)brief__alloc(a, (doc->nterms + 1) *
                                                         sizeof(uint32_t));
        if (!last)
            return BRIEF_ERR_NOMEM;
        memset(last, 0, (doc->nterms + 1) * sizeof(uint32_t));
        for (i = 0; i < doc->nsents; i++) {
            const brief__sent *x = &doc->sents[i];
            for (j = x->tok_start; j < x->tok_end; j++) {
                uint32_t id = doc->ids[j];
                doc->term_count[id]++;
                if (last[id] != (uint32_t)(i + 1)) {
                    last[id] = (uint32_t)(i + 1);
                    doc->term_sents[id]++;
                }
            }
        }
        brief__free(a, last);
    }
    return BRIEF_OK;
}

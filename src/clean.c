/*
 * clean.c - the cleaned text of each sentence (brief__clean_sentences),
 * the last step of segmenting (segment.c).
 */
#include <string.h>
#include "internal.h"

/* ---- the cleaned text of each sentence ------------------------------------ */
/*
 * A sentence's text for output (brief_sentence.text): every run of blanks
 * (spaces, tabs, line breaks) becomes one space, or nothing where a line
 * break falls between two CJK characters (those scripts put no space
 * between words); a word hyphenated at a line end ("recom-\nmendation",
 * also with U+2010) is joined when the text writes it whole elsewhere, and
 * keeps its hyphen ("well-known") when it writes it so or not at all. A
 * sentence that needs none of this keeps its span as its text: no copy.
 * Linear: one scan of each sentence, and, only when some line ends in a
 * hyphen, one pass over the text to look the joined words up.
 */

/* Length of the blank at t[p] (0: none); *brk = 1 unless a plain space.
 * Blanks: space, tab and the line breaks of brief__newline_at(); no-break and
 * other wide spaces are kept (they bind, as in "3,5 %"). */
static size_t blank_at(const unsigned char *t, size_t e, size_t p, int *brk)
{
    unsigned char b = t[p];
    *brk = 1;
    if (b == ' ') {
        *brk = 0;
        return 1;
    }
    if (b == '\t')
        return 1;
    if (b < 0x20 || b == 0xC2 || b == 0xE2)
        return brief__newline_at(t, e, p);
    return 0;
}

/* Might the sentence [s, e) change when cleaned? Any control byte, two
 * spaces in a row, or a non-ASCII line break. Eight bytes at a time,
 * windows overlapping by one so that no pair of spaces falls between. */
static int needs_clean(const unsigned char *t, size_t s, size_t e)
{
    size_t p = s, q, end;
    while (p < e) {
        end = p + 8 <= e ? p + 8 : e;
        if (end == p + 8) {
            uint64_t v = brief__load8(t + p), z = v ^ (BRIEF__ONES * ' ');
            uint64_t zm = (z - BRIEF__ONES) & ~z & BRIEF__HIGHS; /* spaces, and a few more */
            if (!(v & BRIEF__HIGHS) && !brief__has_below(v, 0x20) && !(zm & (zm << 8))) {
                p += 7;
                continue;
            }
        }
        for (q = p; q < end; q++) {
            int brk;
            size_t k = blank_at(t, e, q, &brk);
            if (k && (brk || (q + 1 < e && t[q + 1] == ' ')))
                return 1;
        }
        p = end == e ? e : end - 1;
    }
    return 0;
}

/* A hyphen at a line end inside a word: the hyphen at byte h (hlen
 * bytes), the blanks after it up to byte r; seen: bit 0 the joined word,
 * bit 1 the hyphenated one occurs elsewhere in the text. */
typedef struct hyph {
    size_t h, r;
    unsigned hlen, seen;
    unsigned parts[2];  /* occurrences of the part before / after, up to 2 */
} hyph;

enum { KEY_CAP = 64 };

/* Key of a word for the look-up: ASCII folded to lower case, other bytes
 * as they are, hyphens (- or U+2010) as '-'. Bytes [s, e) of t, with the
 * hyphen and blanks [h, r) dropped when h < r (then 'join' tells whether
 * a '-' stands for them). Returns the length, 0 when over KEY_CAP. */
static size_t word_key(const unsigned char *t, size_t s, size_t e, size_t h,
                       size_t r, int join, unsigned char *key)
{
    size_t p = s, n = 0;
    while (p < e) {
        unsigned char b = t[p];
        if (p == h && h < r) {
            if (!join)
                key[n++] = '-';
            p = r;
            continue;
        }
        if (n + 1 >= KEY_CAP)
            return 0;
        if (b == 0xE2 && p + 2 < e && t[p + 1] == 0x80 && t[p + 2] == 0x90) {
            key[n++] = '-';
            p += 3;
            continue;
        }
        key[n++] = (unsigned char)((unsigned)(b - 'A') < 26u ? b + 32 : b);
        p++;
    }
    return n;
}

static uint32_t key_hash(const unsigned char *k, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ k[i]) * 16777619u;
    return h;
}

static int letter_at(const unsigned char *t, size_t e, size_t p, size_t *q)
{
    *q = p;
    return p < e && brief__class_of(brief__next(t, e, q)) == BRIEF__C_LETTER;
}

/* The hyphen (- or U+2010) ending at byte p, its length (0: none). */
static size_t hyphen_before(const unsigned char *t, size_t s, size_t p)
{
    if (p > s && t[p - 1] == '-')
        return 1;
    if (p >= s + 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 &&
        t[p - 1] == 0x90)
        return 3;
    return 0;
}

/* Start of the letters ending at byte p, end of those starting at p. */
static size_t letters_back(const unsigned char *t, size_t s, size_t p)
{
    while (p > s) {
        size_t at;
        uint32_t cp = brief__prev_cp(t, s, p, &at);
        if (brief__class_of(cp) != BRIEF__C_LETTER)
            break;
        p = at;
    }
    return p;
}

static size_t letters_fwd(const unsigned char *t, size_t e, size_t p)
{
    size_t q;
    while (letter_at(t, e, p, &q))
        p = q;
    return p;
}

/* Is the word [s, e) a piece of a word broken at a line end (a hyphen
 * and a blank after it, or a hyphen and blanks before it)? Those count
 * for no word of the text. */
static int broken_part(const unsigned char *t, size_t len, size_t s, size_t e)
{
    size_t hl = 0, p = s;
    int brk;
    if (e < len && t[e] == '-')
        hl = 1;
    else if (e + 2 < len && t[e] == 0xE2 && t[e + 1] == 0x80 &&
             t[e + 2] == 0x90)
        hl = 3;
    if (hl && e + hl < len && blank_at(t, len, e + hl, &brk))
        return 1;
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t' ||
                     t[p - 1] == '\n' || t[p - 1] == '\r'))
        p--;
    return p < s && hyphen_before(t, 0, p) != 0;
}

/* The look-up keys of candidate c: kind 0 the joined word, 1 the
 * hyphenated one, 2 the part before the hyphen, 3 the part after it. */
static size_t cand_key(const unsigned char *t, size_t len, const hyph *c,
                       unsigned kind, unsigned char *key)
{
    size_t s = letters_back(t, 0, c->h), e = letters_fwd(t, len, c->r);
    if (kind == 2)
        return word_key(t, s, c->h, 0, 0, 0, key);
    if (kind == 3)
        return word_key(t, c->r, e, 0, 0, 0, key);
    return word_key(t, s, e, c->h, c->r, kind == 0, key);
}

/* The table of those keys: slot -> 4 * candidate + kind + 1 (0: empty). */
typedef struct key_table {
    uint32_t *slot;
    uint32_t *hash;
    size_t mask;
} key_table;

/* Mark the candidates that have key[0..n) as a key. */
static void key_mark(const key_table *kt, hyph *hy, const unsigned char *t,
                     size_t len, const unsigned char *key, size_t n)
{
    uint32_t h = key_hash(key, n);
    size_t k;
    for (k = h & kt->mask; kt->slot[k]; k = (k + 1) & kt->mask) {
        uint32_t v = kt->slot[k] - 1, c = v / 4, kind = v % 4;
        unsigned char other[KEY_CAP];
        if (kt->hash[k] == h && cand_key(t, len, &hy[c], kind, other) == n &&
            !memcmp(other, key, n)) {
            if (kind < 2)
                hy[c].seen |= 1u << kind;
            else if (hy[c].parts[kind - 2] < 2)
                hy[c].parts[kind - 2]++;
        }
    }
}

/*
 * Decide the hyphens hy[0..n) from the words of the text (letters, with
 * single hyphens inside): the hyphen goes when the joined word occurs,
 * stays when the hyphenated one does; else a typographic hyphen (U+2010,
 * which formatters such as groff put where they break a word) goes unless
 * both parts are words of the text ("two-fold"), and an ASCII '-' (plain
 * text is seldom hyphenated by a program: "self-contained") stays.
 * Afterwards hy[i].seen is 1 for a hyphen to drop, 0 for one to keep.
 */
static int decide_hyphens(brief__arena *a, const unsigned char *t, size_t len,
                          hyph *hy, size_t n)
{
    key_table kt;
    size_t cap = 16, i, p = 0;
    unsigned char key[KEY_CAP];
    while (cap < 8 * n)
        cap *= 2;
    kt.slot = (uint32_t *)brief__alloc(a, cap * sizeof *kt.slot);
    kt.hash = (uint32_t *)brief__alloc(a, cap * sizeof *kt.hash);
    if (!kt.slot || !kt.hash)
        return BRIEF_ERR_NOMEM;
    memset(kt.slot, 0, cap * sizeof *kt.slot);
    kt.mask = cap - 1;
    for (i = 0; i < n; i++) {
        unsigned kind;
        for (kind = 0; kind < 4; kind++) {
            size_t m = cand_key(t, len, &hy[i], kind, key), k;
            uint32_t h;
            if (!m)
                continue;
            h = key_hash(key, m);
            for (k = h & kt.mask; kt.slot[k]; k = (k + 1) & kt.mask)
                ;
            kt.slot[k] = (uint32_t)(4 * i + kind + 1);
            kt.hash[k] = h;
        }
    }
    while (p < len) {
        size_t q, s, e, m;
        if (!letter_at(t, len, p, &q)) {
            p = q;
            continue;
        }
        s = p;
        e = letters_fwd(t, len, q);
        for (;;) {
            size_t hl = 0, q2;
            if (e < len && t[e] == '-')
                hl = 1;
            else if (e + 2 < len && t[e] == 0xE2 && t[e + 1] == 0x80 &&
                     t[e + 2] == 0x90)
                hl = 3;
            if (!hl || !letter_at(t, len, e + hl, &q2))
                break;
            e = letters_fwd(t, len, q2);
        }
        if (!broken_part(t, len, s, e) &&
            (m = word_key(t, s, e, 0, 0, 0, key)) != 0)
            key_mark(&kt, hy, t, len, key, m);
        p = e;
    }
    for (i = 0; i < n; i++) {
        unsigned seen = hy[i].seen;
        if (seen & 2)
            hy[i].seen = 0;
        else if (seen & 1)
            hy[i].seen = 1;
        else /* each part occurs once in the broken word itself */
            hy[i].seen = hy[i].hlen == 3 &&
                         (hy[i].parts[0] < 2 || hy[i].parts[1] < 2);
    }
    brief__free(a, kt.hash);
    brief__free(a, kt.slot);
    return BRIEF_OK;
}

/* Does the word cut before the hyphen at byte h go on at byte r? In lower
 * case ("recom- mendation"), or in capitals after capitals ("ENVIRON-
 * MENT"). */
static int word_goes_on(const unsigned char *t, size_t s, size_t h, size_t e,
                        size_t r)
{
    size_t at, q = r;
    uint32_t next = brief__next(t, e, &q), before = brief__prev_cp(t, s, h, &at);
    if (brief__is_lower_letter(next))
        return 1;
    return brief__is_upper(next) && brief__is_upper(before);
}

/* Scan sentence x for hyphens at line ends; append them to *hy. */
static int find_hyphens(brief__arena *a, const unsigned char *t,
                        const brief__sent *x, hyph **hy, size_t *n,
                        size_t *cap)
{
    size_t p = x->start, e = x->end;
    while (p < e) {
        int brk, any_brk = 0;
        size_t k = blank_at(t, e, p, &brk), r, hl;
        if (!k) {
            p++;
            continue;
        }
        r = p;
        while (r < e && (k = blank_at(t, e, r, &brk)) != 0) {
            any_brk |= brk && t[r] != '\t';
            r += k;
        }
        hl = hyphen_before(t, x->start, p);
        if (any_brk && hl && p - hl > x->start &&
            letters_back(t, x->start, p - hl) < p - hl && r < e &&
            word_goes_on(t, x->start, p - hl, e, r)) {
            if (*n == *cap) {
                size_t nc = *cap ? 2 * *cap : 64;
                void *np = brief__grow(a, *hy, *cap * sizeof **hy,
                                       nc * sizeof **hy);
                if (!np)
                    return BRIEF_ERR_NOMEM;
                *hy = (hyph *)np;
                *cap = nc;
            }
            (*hy)[*n].h = p - hl;
            (*hy)[*n].r = r;
            (*hy)[*n].hlen = (unsigned)hl;
            (*hy)[*n].seen = 0;
            (*hy)[*n].parts[0] = (*hy)[*n].parts[1] = 0;
            (*n)++;
        }
        p = r;
    }
    return BRIEF_OK;
}

static int cjk_cp_before(const unsigned char *t, size_t s, size_t p)
{
    size_t at;
    return p > s && brief__class_of(brief__prev_cp(t, s, p, &at)) == BRIEF__C_CJK;
}

/* Write the cleaned text of x into out (x->end - x->start bytes at most);
 * *h: the next undecided hyphen. Returns the length. */
static size_t clean_into(const unsigned char *t, const brief__sent *x,
                         const hyph *hy, size_t nhy, size_t *h,
                         unsigned char *out)
{
    size_t p = x->start, e = x->end, n = 0;
    while (p < e) {
        int brk, any_brk = 0;
        size_t k = blank_at(t, e, p, &brk), r;
        if (!k) {
            out[n++] = t[p++];
            continue;
        }
        r = p;
        while (r < e && (k = blank_at(t, e, r, &brk)) != 0) {
            any_brk |= brk;
            r += k;
        }
        while (*h < nhy && hy[*h].h + hy[*h].hlen < p)
            (*h)++;
        if (*h < nhy && hy[*h].h + hy[*h].hlen == p) {
            /* joined: drop the hyphen; kept: drop only the break */
            if (hy[*h].seen == 1)
                n -= hy[*h].hlen;
            (*h)++;
        } else if (!(any_brk && cjk_cp_before(t, x->start, p) &&
                     r < e && (k = r, brief__class_of(brief__next(t, e, &k)) ==
                                          BRIEF__C_CJK))) {
            out[n++] = ' ';
        }
        p = r;
    }
    return n;
}

/* Give every sentence of doc its cleaned text. */
int brief__clean_sentences(brief__arena *a, brief__doc *doc)
{
    const unsigned char *t = (const unsigned char *)doc->view.text;
    hyph *hy = NULL;
    size_t i, nhy = 0, caphy = 0, next = 0, dirty = 0;
    int rc;
    for (i = 0; i < doc->nsents; i++) {
        brief__sent *x = &doc->sents[i];
        if (x->clean || !needs_clean(t, x->start, x->end)) {
            x->clean = doc->view.text + x->start;
            continue;
        }
        /* x->clean stays NULL: to be written below */
        dirty++;
        if ((rc = find_hyphens(a, t, x, &hy, &nhy, &caphy)) != 0)
            return rc;
    }
    if (!dirty)
        return BRIEF_OK;
    if (nhy && (rc = decide_hyphens(a, t, doc->view.len, hy, nhy)) != 0)
        return rc;
    for (i = 0; i < doc->nsents; i++) {
        brief__sent *x = &doc->sents[i];
        unsigned char *out;
        if (x->clean)
            continue;
        out = (unsigned char *)brief__alloc(a, x->end - x->start);
        if (!out)
            return BRIEF_ERR_NOMEM;
        x->clean_len = clean_into(t, x, hy, nhy, &next, out);
        x->clean = (const char *)out;
    }
    brief__free(a, hy);
    return BRIEF_OK;
}


/*
 * rouge - ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum as Google's rouge_score
 * package computes them, so brief's summaries can be scored without Python.
 *
 * What is reproduced (rouge_score's DefaultTokenizer and RougeScorer):
 *   - text is lowercased as Python's str.lower() does, then every run of
 *     characters outside [a-z0-9] separates tokens. The only non-ASCII
 *     characters whose lowercase holds an ASCII letter are U+0130 (-> "i"
 *     plus a combining dot, itself a separator) and U+212A (-> "k"); all
 *     other non-ASCII bytes are separators;
 *   - with stemming, tokens longer than 3 characters go through NLTK's
 *     PorterStemmer in its default NLTK_EXTENSIONS mode (porter_stem());
 *   - ROUGE-N: clipped n-gram overlap; P = overlap / prediction n-grams,
 *     R = overlap / reference n-grams, F = 2PR/(P+R) or 0;
 *   - ROUGE-L: LCS of the whole token sequences;
 *   - ROUGE-Lsum: each line a sentence; per reference sentence the union of
 *     its LCS with every prediction sentence, hits counted only while the
 *     token stays in both token-count budgets (_summary_level_lcs);
 *   - several references: per metric the reference with the best F
 *     (the first on ties, as numpy.argmax), corpus: mean over documents.
 *
 * The tool is POSIX C99 (libc and libm only); it keeps no global mutable
 * state. Out of memory ends it with exit status 2.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXIT_CHECK 1
#define EXIT_USAGE 2

enum { M_R1, M_R2, M_RL, M_RLSUM, M_COUNT };
static const char *const metric_names[M_COUNT] = {"ROUGE-1", "ROUGE-2",
                                                  "ROUGE-L", "ROUGE-Lsum"};

/* ------------------------------------------------------------------ */
/* memory                                                              */

static void die_oom(void)
{
    fputs("rouge: out of memory\n", stderr);
    exit(EXIT_USAGE);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die_oom();
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die_oom();
    return p;
}

/* Grows *p to hold at least need elements of size bytes; *cap is updated. */
static void grow(void **p, size_t *cap, size_t need, size_t size)
{
    size_t n;
    void *q;
    if (need <= *cap)
        return;
    n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            die_oom();
        n *= 2;
    }
    q = realloc(*p, n * size);
    if (!q)
        die_oom();
    *p = q;
    *cap = n;
}

/* ------------------------------------------------------------------ */
/* NLTK's PorterStemmer, mode NLTK_EXTENSIONS                          */
/*
 * A faithful port of nltk/stem/porter.py: the irregular-forms pool, words of
 * one or two characters left alone, the 'ies'/'ied' rules for four-letter
 * words, step 1c's (*c and not c) Y -> I, step 2's early ALLI -> AL, its
 * 'bli', 'fulli' and 'logi' rules, and the two-letter *o case. As in NLTK a
 * rule list stops at the first suffix that matches, whether or not its
 * condition holds. The word is edited in place (it never grows).
 */

static int porter_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* NLTK's _is_consonant(w, i), without its recursion over runs of 'y'. */
static int porter_cons(const char *w, size_t i)
{
    size_t k;
    if (porter_vowel(w[i]))
        return 0;
    if (w[i] != 'y')
        return 1;
    k = i;
    while (k > 0 && w[k - 1] == 'y')
        k--;
    /* w[k..i] are all 'y'; w[k] is a consonant if k == 0 or w[k-1] is a
       vowel, and consonant-ness alternates along the run. */
    {
        int c = (k == 0) ? 1 : porter_vowel(w[k - 1]);
        if ((i - k) % 2)
            c = !c;
        return c;
    }
}

/* m of [C](VC)^m[V] for w[0..n). */
static int porter_measure(const char *w, size_t n)
{
    int m = 0, prev_vowel = 0, cons = 1;
    size_t i;
    for (i = 0; i < n; i++) {
        if (porter_vowel(w[i]))
            cons = 0;
        else if (w[i] == 'y')
            cons = (i == 0) ? 1 : !cons;
        else
            cons = 1;
        if (cons && prev_vowel)
            m++;
        prev_vowel = !cons;
    }
    return m;
}

static int porter_has_vowel(const char *w, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!porter_cons(w, i))
            return 1;
    return 0;
}

static int porter_double_cons(const char *w, size_t n)
{
    return n >= 2 && w[n - 1] == w[n - 2] && porter_cons(w, n - 1);
}

static int porter_cvc(const char *w, size_t n)
{
    if (n >= 3 && porter_cons(w, n - 3) && !porter_cons(w, n - 2) &&
        porter_cons(w, n - 1) && w[n - 1] != 'w' && w[n - 1] != 'x' &&
        w[n - 1] != 'y')
        return 1;
    return n == 2 && !porter_cons(w, 0) && porter_cons(w, 1);
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/* Replaces the last k characters with rep; returns the new length. */
static size_t replace_tail(char *w, size_t n, size_t k, const char *rep)
{
    size_t r = strlen(rep);
    memcpy(w + n - k, rep, r);
    return n - k + r;
}

enum porter_cond { C_NONE, C_M0, C_M1, C_ION, C_LOGI };

struct porter_rule {
    const char *suffix, *rep;
    unsigned char cond;
};

/* NLTK's _apply_rule_list: the first rule whose suffix ends w[0..n)
   decides (its replacement if its condition holds on the stem, else the
   word unchanged). C_LOGI tests the measure of the stem plus its 'l'. */
static size_t porter_rules(char *w, size_t n, const struct porter_rule *rules,
                           size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        size_t k = strlen(rules[i].suffix), s = n - k;
        int ok = 0;
        if (!ends(w, n, rules[i].suffix))
            continue;
        switch (rules[i].cond) {
        case C_NONE: ok = 1; break;
        case C_M0: ok = porter_measure(w, s) > 0; break;
        case C_M1: ok = porter_measure(w, s) > 1; break;
        case C_ION:
            ok = porter_measure(w, s) > 1 && (w[s - 1] == 's' || w[s - 1] == 't');
            break;
        case C_LOGI: ok = porter_measure(w, n - 3) > 0; break;
        default: break;
        }
        return ok ? replace_tail(w, n, k, rules[i].rep) : n;
    }
    return n;
}

static const struct porter_rule step1a_rules[] = {
    {"sses", "ss", C_NONE}, {"ies", "i", C_NONE}, {"ss", "ss", C_NONE},
    {"s", "", C_NONE}};

static const struct porter_rule step2_rules[] = {
    {"ational", "ate", C_M0}, {"tional", "tion", C_M0},
    {"enci", "ence", C_M0},   {"anci", "ance", C_M0},
    {"izer", "ize", C_M0},    {"bli", "ble", C_M0},
    {"alli", "al", C_M0},     {"entli", "ent", C_M0},
    {"eli", "e", C_M0},       {"ousli", "ous", C_M0},
    {"ization", "ize", C_M0}, {"ation", "ate", C_M0},
    {"ator", "ate", C_M0},    {"alism", "al", C_M0},
    {"iveness", "ive", C_M0}, {"fulness", "ful", C_M0},
    {"ousness", "ous", C_M0}, {"aliti", "al", C_M0},
    {"iviti", "ive", C_M0},   {"biliti", "ble", C_M0},
    {"fulli", "ful", C_M0},   {"logi", "log", C_LOGI}};

static const struct porter_rule step3_rules[] = {
    {"icate", "ic", C_M0}, {"ative", "", C_M0}, {"alize", "al", C_M0},
    {"iciti", "ic", C_M0}, {"ical", "ic", C_M0}, {"ful", "", C_M0},
    {"ness", "", C_M0}};

static const struct porter_rule step4_rules[] = {
    {"al", "", C_M1},   {"ance", "", C_M1}, {"ence", "", C_M1},
    {"er", "", C_M1},   {"ic", "", C_M1},   {"able", "", C_M1},
    {"ible", "", C_M1}, {"ant", "", C_M1},  {"ement", "", C_M1},
    {"ment", "", C_M1}, {"ent", "", C_M1},  {"ion", "", C_ION},
    {"ou", "", C_M1},   {"ism", "", C_M1},  {"ate", "", C_M1},
    {"iti", "", C_M1},  {"ous", "", C_M1},  {"ive", "", C_M1},
    {"ize", "", C_M1}};

#define NRULES(a) (sizeof(a) / sizeof((a)[0]))

static size_t porter_step1b(char *w, size_t n)
{
    size_t s;
    if (ends(w, n, "ied"))
        return replace_tail(w, n, 3, n == 4 ? "ie" : "i");
    if (ends(w, n, "eed"))
        return porter_measure(w, n - 3) > 0 ? n - 1 : n;
    if (ends(w, n, "ed") && porter_has_vowel(w, n - 2))
        s = n - 2;
    else if (ends(w, n, "ing") && porter_has_vowel(w, n - 3))
        s = n - 3;
    else
        return n;
    /* rules on the intermediate stem w[0..s) */
    if (ends(w, s, "at") || ends(w, s, "bl") || ends(w, s, "iz")) {
        w[s] = 'e';
        return s + 1;
    }
    if (porter_double_cons(w, s)) {
        char c = w[s - 1];
        return (c != 'l' && c != 's' && c != 'z') ? s - 1 : s;
    }
    if (porter_measure(w, s) == 1 && porter_cvc(w, s)) {
        w[s] = 'e';
        return s + 1;
    }
    return s;
}

static size_t porter_step2(char *w, size_t n)
{
    if (ends(w, n, "alli") && porter_measure(w, n - 4) > 0)
        n -= 2; /* alli -> al, then step 2 again (it cannot match alli) */
    return porter_rules(w, n, step2_rules, NRULES(step2_rules));
}

static const char *const porter_pool[][2] = {
    {"sky", "sky"},         {"skies", "sky"},       {"dying", "die"},
    {"lying", "lie"},       {"tying", "tie"},       {"news", "news"},
    {"innings", "inning"},  {"inning", "inning"},   {"outings", "outing"},
    {"outing", "outing"},   {"cannings", "canning"}, {"canning", "canning"},
    {"howe", "howe"},       {"proceed", "proceed"}, {"exceed", "exceed"},
    {"succeed", "succeed"}};

/* Stems the lowercase word w[0..n) in place; returns the stem's length. */
static size_t porter_stem(char *w, size_t n)
{
    size_t i;
    for (i = 0; i < NRULES(porter_pool); i++) {
        const char *k = porter_pool[i][0];
        if (strlen(k) == n && memcmp(k, w, n) == 0)
            return replace_tail(w, n, n, porter_pool[i][1]);
    }
    if (n <= 2)
        return n;
    /* step 1a */
    if (n == 4 && ends(w, n, "ies"))
        n = 3;
    else
        n = porter_rules(w, n, step1a_rules, NRULES(step1a_rules));
    n = porter_step1b(w, n);
    /* step 1c: (*c and not c) Y -> I */
    if (ends(w, n, "y") && n - 1 > 1 && porter_cons(w, n - 2))
        w[n - 1] = 'i';
    n = porter_step2(w, n);
    n = porter_rules(w, n, step3_rules, NRULES(step3_rules));
    n = porter_rules(w, n, step4_rules, NRULES(step4_rules));
    /* step 5a */
    if (ends(w, n, "e")) {
        int m = porter_measure(w, n - 1);
        if (m > 1 || (m == 1 && !porter_cvc(w, n - 1)))
            n--;
    }
    /* step 5b */
    if (ends(w, n, "ll") && porter_measure(w, n - 1) > 1)
        n--;
    return n;
}

/* ------------------------------------------------------------------ */
/* string -> id map (open addressing)                                  */

typedef struct {
    char *pool;       /* key bytes, back to back */
    size_t pool_len, pool_cap;
    size_t *off;      /* key i starts at pool + off[i] ... */
    size_t *len;      /* ... and has len[i] bytes */
    uint32_t *val;    /* value of key i */
    size_t count, cap_keys;
    uint32_t *slots;  /* key index + 1, 0 = empty */
    size_t nslots;
} StrMap;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h ^ (h >> 29);
}

static void strmap_free(StrMap *m)
{
    free(m->pool);
    free(m->off);
    free(m->len);
    free(m->val);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* Returns the index of key s[0..n) or SIZE_MAX; *slot gets its slot. */
static size_t strmap_find(const StrMap *m, const char *s, size_t n, size_t *slot)
{
    size_t mask = m->nslots - 1, i = (size_t)hash_bytes(s, n) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t k = m->slots[i];
        if (!k) {
            *slot = i;
            return SIZE_MAX;
        }
        if (m->len[k - 1] == n && memcmp(m->pool + m->off[k - 1], s, n) == 0) {
            *slot = i;
            return k - 1;
        }
    }
}

static void strmap_rehash(StrMap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 1024, i;
    free(m->slots);
    m->slots = xcalloc(n, sizeof *m->slots);
    m->nslots = n;
    for (i = 0; i < m->count; i++) {
        size_t slot;
        (void)strmap_find(m, m->pool + m->off[i], m->len[i], &slot);
        m->slots[slot] = (uint32_t)(i + 1);
    }
}

/* Looks key s[0..n) up; returns 1 and sets *v if present. */
static int strmap_get(const StrMap *m, const char *s, size_t n, uint32_t *v)
{
    size_t slot, k;
    if (!m->count)
        return 0;
    k = strmap_find(m, s, n, &slot);
    if (k == SIZE_MAX)
        return 0;
    *v = m->val[k];
    return 1;
}

/* Adds key s[0..n) (absent) with value v; returns its index. */
static size_t strmap_add(StrMap *m, const char *s, size_t n, uint32_t v)
{
    size_t slot, k;
    if ((m->count + 1) * 2 > m->nslots)
        strmap_rehash(m);
    if (m->count >= UINT32_MAX - 1)
        die_oom();
    (void)strmap_find(m, s, n, &slot);
    grow((void **)&m->pool, &m->pool_cap, m->pool_len + n, 1);
    if (m->count + 1 > m->cap_keys) {
        size_t c1 = m->cap_keys, c2 = m->cap_keys, c3 = m->cap_keys;
        grow((void **)&m->off, &c1, m->count + 1, sizeof *m->off);
        grow((void **)&m->len, &c2, m->count + 1, sizeof *m->len);
        grow((void **)&m->val, &c3, m->count + 1, sizeof *m->val);
        m->cap_keys = c1;
    }
    if (n)
        memcpy(m->pool + m->pool_len, s, n);
    k = m->count++;
    m->off[k] = m->pool_len;
    m->len[k] = n;
    m->val[k] = v;
    m->pool_len += n;
    m->slots[slot] = (uint32_t)(k + 1);
    return k;
}

/* ------------------------------------------------------------------ */
/* tokenizing                                                          */

enum tok_mode { TOK_PLAIN, TOK_STEM, TOK_UNICODE };

/* One tokenizer with its vocabulary: token ids are indices into vocab.
   For TOK_STEM, cache maps a raw token to the id of its stem. */
typedef struct {
    enum tok_mode mode;
    StrMap vocab, cache;
    char *buf;
    size_t buf_cap;
} Tokenizer;

/* A tokenized text: tok[line[i] .. line[i+1]) are the tokens of line i. */
typedef struct {
    uint32_t *tok;
    size_t ntok, tok_cap;
    size_t *line;
    size_t nlines, line_cap;
    uint32_t *uni;  /* sorted unigrams */
    uint64_t *bi;   /* sorted bigrams */
    size_t nbi;
} Text;

static void text_free(Text *t)
{
    free(t->tok);
    free(t->line);
    free(t->uni);
    free(t->bi);
    memset(t, 0, sizeof *t);
}

static uint32_t vocab_id(StrMap *v, const char *s, size_t n)
{
    uint32_t id;
    if (strmap_get(v, s, n, &id))
        return id;
    return (uint32_t)strmap_add(v, s, n, (uint32_t)v->count);
}

static void text_push(Text *t, Tokenizer *tz, const char *s, size_t n)
{
    uint32_t id;
    if (tz->mode == TOK_STEM && n > 3) {
        if (!strmap_get(&tz->cache, s, n, &id)) {
            size_t k;
            grow((void **)&tz->buf, &tz->buf_cap, n, 1);
            memcpy(tz->buf, s, n);
            k = porter_stem(tz->buf, n);
            id = vocab_id(&tz->vocab, tz->buf, k);
            strmap_add(&tz->cache, s, n, id);
        }
    } else {
        id = vocab_id(&tz->vocab, s, n);
    }
    grow((void **)&t->tok, &t->tok_cap, t->ntok + 1, sizeof *t->tok);
    t->tok[t->ntok++] = id;
}

static void text_newline(Text *t)
{
    grow((void **)&t->line, &t->line_cap, t->nlines + 2, sizeof *t->line);
    t->line[++t->nlines] = t->ntok;
}

/* Decodes one UTF-8 sequence at s[0..n); returns its length (>= 1) and the
   code point, or length 1 and -1 for a malformed byte. */
static size_t utf8_decode(const unsigned char *s, size_t n, long *cp)
{
    unsigned c = s[0];
    size_t len, i;
    unsigned long v;
    if (c < 0x80) {
        *cp = (long)c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else {
        *cp = -1;
        return 1;
    }
    if (n < len) {
        *cp = -1;
        return 1;
    }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
        (len == 4 && (v < 0x10000 || v > 0x10FFFF))) {
        *cp = -1;
        return 1;
    }
    *cp = (long)v;
    return len;
}

static size_t utf8_encode(long cp, char *out)
{
    unsigned long c = (unsigned long)cp;
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Lowercase of one code point: ASCII, Latin-1, Latin Extended-A and much
   of -B, Latin Extended Additional, Greek (with Greek Extended), Cyrillic,
   Armenian, full-width Latin; others are returned unchanged. */
static long lower_cp(long c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c < 0x100)
        return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    if (c < 0x180) {
        if (c == 0x130)
            return 'i';
        if (c == 0x178)
            return 0xFF;
        if ((c <= 0x12F || (c >= 0x132 && c <= 0x137) ||
             (c >= 0x14A && c <= 0x177)) && c % 2 == 0)
            return c + 1;
        if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) &&
            c % 2 == 1)
            return c + 1;
        return c;
    }
    if (c < 0x250) {
        if (c == 0x1C4 || c == 0x1C5 || c == 0x1C7 || c == 0x1C8 ||
            c == 0x1CA || c == 0x1CB || c == 0x1F1 || c == 0x1F2)
            return (c == 0x1C5 || c == 0x1C8 || c == 0x1CB || c == 0x1F2)
                       ? c + 1
                       : c + 2;
        if (c >= 0x1CD && c <= 0x1DC && c % 2 == 1)
            return c + 1;
        if (((c >= 0x1DE && c <= 0x1EF) || c == 0x1F4 ||
             (c >= 0x1F8 && c <= 0x21F) || (c >= 0x222 && c <= 0x233) ||
             (c >= 0x246 && c <= 0x24F)) && c % 2 == 0)
            return c + 1;
        return c;
    }
    if (c >= 0x370 && c < 0x400) {
        if (c == 0x370 || c == 0x372 || c == 0x376)
            return c + 1;
        if (c == 0x37F)
            return 0x3F3;
        if (c == 0x386)
            return 0x3AC;
        if (c >= 0x388 && c <= 0x38A)
            return c + 37;
        if (c == 0x38C)
            return 0x3CC;
        if (c == 0x38E || c == 0x38F)
            return c + 63;
        if ((c >= 0x391 && c <= 0x3A1) || (c >= 0x3A3 && c <= 0x3AB))
            return c + 32;
        if (c >= 0x3D8 && c <= 0x3EF && c % 2 == 0)
            return c + 1;
        if (c == 0x3F4)
            return 0x3B8;
        if (c == 0x3F7 || c == 0x3FA)
            return c + 1;
        if (c == 0x3F9)
            return 0x3F2;
        if (c >= 0x3FD)
            return c - 0x3FD + 0x37B;
        return c;
    }
    if (c >= 0x400 && c < 0x530) {
        if (c <= 0x40F)
            return c + 80;
        if (c <= 0x42F)
            return c + 32;
        if (c == 0x4C0)
            return 0x4CF;
        if (c >= 0x4C1 && c <= 0x4CE)
            return c % 2 == 1 ? c + 1 : c;
        if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
             c >= 0x4D0) && c % 2 == 0)
            return c + 1;
        return c;
    }
    if (c >= 0x531 && c <= 0x556)
        return c + 48;
    if (c >= 0x1E00 && c <= 0x1EFF) {
        if (c == 0x1E9E)
            return 0xDF;
        if ((c <= 0x1E95 || c >= 0x1EA0) && c % 2 == 0)
            return c + 1;
        return c;
    }
    if (c >= 0x1F00 && c <= 0x1FFF) {
        long lo = c & 0xF;
        if (c <= 0x1F6F || (c >= 0x1F80 && c <= 0x1FAF)) {
            /* rows with capitals in their upper half */
            if (lo >= 8 && c != 0x1F1E && c != 0x1F1F && c != 0x1F4E &&
                c != 0x1F4F && !(c >= 0x1F58 && c <= 0x1F5F && lo % 2 == 0))
                return c - 8;
            return c;
        }
        switch (c) {
        case 0x1FB8: case 0x1FB9: case 0x1FD8: case 0x1FD9:
        case 0x1FE8: case 0x1FE9: return c - 8;
        case 0x1FBA: case 0x1FBB: return c - 0x1FBA + 0x1F70;
        case 0x1FC8: case 0x1FC9: case 0x1FCA: case 0x1FCB:
            return c - 0x1FC8 + 0x1F72;
        case 0x1FDA: case 0x1FDB: return c - 0x1FDA + 0x1F76;
        case 0x1FEA: case 0x1FEB: return c - 0x1FEA + 0x1F7A;
        case 0x1FF8: case 0x1FF9: return c - 0x1FF8 + 0x1F78;
        case 0x1FFA: case 0x1FFB: return c - 0x1FFA + 0x1F7C;
        case 0x1FBC: return 0x1FB3;
        case 0x1FCC: return 0x1FC3;
        case 0x1FEC: return 0x1FE5;
        case 0x1FFC: return 0x1FF3;
        default: return c;
        }
    }
    if (c == 0x2126)
        return 0x3C9;
    if (c == 0x212A)
        return 'k';
    if (c == 0x212B)
        return 0xE5;
    if (c >= 0xFF21 && c <= 0xFF3A)
        return c + 32;
    return c;
}

/* Letter-or-digit classes for --unicode: 0 separator, 1 letter or digit,
   2 combining mark (continues a token, never starts one). Approximate
   outside the scripts listed. */
static int unicode_class(long c)
{
    static const long letters[][2] = {
        {'0', '9'},         {'a', 'z'},         {0xAA, 0xAA},
        {0xB5, 0xB5},       {0xBA, 0xBA},       {0xC0, 0xD6},
        {0xD8, 0xF6},       {0xF8, 0x2C1},      {0x2C6, 0x2D1},
        {0x2E0, 0x2E4},     {0x2EC, 0x2EC},     {0x2EE, 0x2EE},
        {0x370, 0x374},     {0x376, 0x377},     {0x37A, 0x37D},
        {0x37F, 0x37F},     {0x386, 0x386},     {0x388, 0x3F5},
        {0x3F7, 0x481},     {0x48A, 0x52F},     {0x531, 0x556},
        {0x560, 0x588},     {0x5D0, 0x5EA},     {0x620, 0x64A},
        {0x660, 0x669},     {0x671, 0x6D3},     {0x6F0, 0x6FC},
        {0x900, 0x963},     {0x966, 0xDFF},     {0xE01, 0xE3A},
        {0xE40, 0xE4E},     {0xE50, 0xE59},     {0x10A0, 0x10FF},
        {0x1100, 0x11FF},   {0x1E00, 0x1FBC},   {0x1FC2, 0x1FCC},
        {0x1FD0, 0x1FDB},   {0x1FE0, 0x1FEC},   {0x1FF2, 0x1FFC},
        {0x3041, 0x3096},   {0x309D, 0x30FA},   {0x30FC, 0x30FF},
        {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF},   {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},
        {0xFF41, 0xFF5A},   {0x20000, 0x2FFFF}};
    size_t lo = 0, hi = sizeof letters / sizeof letters[0];
    if ((c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) ||
        (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
        (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
        c == 0x3099 || c == 0x309A)
        return 2;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < letters[mid][0])
            hi = mid;
        else if (c > letters[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Tokenizes s[0..n) into t (which must be zeroed or freed). Lines are split
   at '\n' as rouge_score splits a text for ROUGE-Lsum; empty lines count
   but, having no tokens, change nothing. */
static void tokenize(Tokenizer *tz, const char *s, size_t n, Text *t)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, tlen = 0;
    memset(t, 0, sizeof *t);
    grow((void **)&t->line, &t->line_cap, 2, sizeof *t->line);
    t->line[0] = 0;
    grow((void **)&tz->buf, &tz->buf_cap, 64, 1);
    while (i < n) {
        int sep = 1;
        if (tz->mode == TOK_UNICODE) {
            long cp;
            size_t k = utf8_decode(u + i, n - i, &cp);
            int cls;
            i += k;
            if (cp >= 0) {
                cp = lower_cp(cp);
                cls = unicode_class(cp);
                if (cls == 1 || (cls == 2 && tlen)) {
                    grow((void **)&tz->buf, &tz->buf_cap, tlen + 4, 1);
                    tlen += utf8_encode(cp, tz->buf + tlen);
                    sep = 0;
                }
            }
            if (sep && tlen) {
                text_push(t, tz, tz->buf, tlen);
                tlen = 0;
            }
            if (cp == '\n')
                text_newline(t);
            continue;
        }
        {
            unsigned c = u[i];
            char out = 0;
            int split_after = 0;
            if (c >= 'A' && c <= 'Z')
                out = (char)(c + 32);
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out = (char)c;
            if (out) {
                i++;
            } else if (c == 0xC4 && i + 1 < n && u[i + 1] == 0xB0) {
                out = 'i'; /* U+0130 -> "i\u0307": 'i', then a separator */
                split_after = 1;
                i += 2;
            } else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x84 &&
                       u[i + 2] == 0xAA) {
                out = 'k'; /* U+212A KELVIN SIGN -> 'k' */
                i += 3;
            } else {
                i++;
            }
            if (out) {
                grow((void **)&tz->buf, &tz->buf_cap, tlen + 1, 1);
                tz->buf[tlen++] = out;
                sep = split_after;
            }
            if (sep && tlen) {
                text_push(t, tz, tz->buf, tlen);
                tlen = 0;
            }
            if (c == '\n')
                text_newline(t);
        }
    }
    if (tlen)
        text_push(t, tz, tz->buf, tlen);
    text_newline(t);
    /* sorted n-grams for ROUGE-1 and ROUGE-2 */
    t->uni = xmalloc(t->ntok * sizeof *t->uni);
    if (t->ntok)
        memcpy(t->uni, t->tok, t->ntok * sizeof *t->uni);
    qsort(t->uni, t->ntok, sizeof *t->uni, cmp_u32);
    t->nbi = t->ntok ? t->ntok - 1 : 0;
    t->bi = xmalloc(t->nbi * sizeof *t->bi);
    for (i = 0; i < t->nbi; i++)
        t->bi[i] = ((uint64_t)t->tok[i] << 32) | t->tok[i + 1];
    qsort(t->bi, t->nbi, sizeof *t->bi, cmp_u64);
}

static void tokenizer_init(Tokenizer *tz, enum tok_mode mode)
{
    memset(tz, 0, sizeof *tz);
    tz->mode = mode;
}

static void tokenizer_free(Tokenizer *tz)
{
    strmap_free(&tz->vocab);
    strmap_free(&tz->cache);
    free(tz->buf);
    memset(tz, 0, sizeof *tz);
}

/* ------------------------------------------------------------------ */
/* scoring                                                             */

typedef struct {
    double p, r, f;
} Score;

/* Reusable buffers for scoring. */
typedef struct {
    uint32_t *row0, *row1;
    size_t row_cap;
    unsigned char *bits; /* LCS backtrack decisions, one bit a cell */
    size_t bits_cap;
    unsigned char *mark;
    size_t mark_cap;
    uint32_t *cnt_r, *cnt_c; /* token budgets, indexed by token id */
    size_t cnt_cap;
} Scratch;

static void scratch_free(Scratch *s)
{
    free(s->row0);
    free(s->row1);
    free(s->bits);
    free(s->mark);
    free(s->cnt_r);
    free(s->cnt_c);
    memset(s, 0, sizeof *s);
}

static double fmeasure(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static Score make_score(size_t hits, size_t npred, size_t nref)
{
    Score s;
    s.p = (double)hits / (double)(npred ? npred : 1);
    s.r = (double)hits / (double)(nref ? nref : 1);
    s.f = fmeasure(s.p, s.r);
    return s;
}

static size_t overlap_u32(const uint32_t *a, size_t na, const uint32_t *b,
                          size_t nb)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            k++;
            i++;
            j++;
        }
    }
    return k;
}

static size_t overlap_u64(const uint64_t *a, size_t na, const uint64_t *b,
                          size_t nb)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            k++;
            i++;
            j++;
        }
    }
    return k;
}

static void scratch_rows(Scratch *s, size_t n)
{
    size_t cap = s->row_cap;
    grow((void **)&s->row0, &cap, n, sizeof *s->row0);
    cap = s->row_cap;
    grow((void **)&s->row1, &cap, n, sizeof *s->row1);
    s->row_cap = cap;
}

/* Length of the LCS of a[0..na) and b[0..nb). */
static size_t lcs_length(Scratch *s, const uint32_t *a, size_t na,
                         const uint32_t *b, size_t nb)
{
    uint32_t *prev, *cur, *tmp;
    size_t i, j;
    scratch_rows(s, nb + 1);
    prev = s->row0;
    cur = s->row1;
    memset(prev, 0, (nb + 1) * sizeof *prev);
    cur[0] = 0;
    for (i = 0; i < na; i++) {
        for (j = 0; j < nb; j++)
            cur[j + 1] = a[i] == b[j] ? prev[j] + 1
                         : prev[j + 1] >= cur[j] ? prev[j + 1] : cur[j];
        tmp = prev;
        prev = cur;
        cur = tmp;
    }
    return prev[nb];
}

/* rouge_score's lcs_ind(ref, can) via _backtrack_norec: marks in mark[] the
   ref positions of the one LCS that its backtrack reads out. */
static void lcs_mark(Scratch *s, const uint32_t *ref, size_t nr,
                     const uint32_t *can, size_t nc, unsigned char *mark)
{
    uint32_t *prev, *cur, *tmp;
    size_t i, j, cells, bytes;
    if (!nr || !nc)
        return;
    if (nc > SIZE_MAX / nr)
        die_oom();
    cells = nr * nc;
    bytes = cells / 8 + 1;
    grow((void **)&s->bits, &s->bits_cap, bytes, 1);
    memset(s->bits, 0, bytes);
    scratch_rows(s, nc + 1);
    prev = s->row0;
    cur = s->row1;
    memset(prev, 0, (nc + 1) * sizeof *prev);
    cur[0] = 0;
    /* bit (i, j) for table cell [i+1][j+1]: t[i+1][j] > t[i][j+1] */
    for (i = 0; i < nr; i++) {
        for (j = 0; j < nc; j++) {
            if (ref[i] == can[j]) {
                cur[j + 1] = prev[j] + 1;
            } else if (cur[j] > prev[j + 1]) {
                size_t b = i * nc + j;
                s->bits[b >> 3] = (unsigned char)(s->bits[b >> 3] | (1u << (b & 7)));
                cur[j + 1] = cur[j];
            } else {
                cur[j + 1] = prev[j + 1];
            }
        }
        tmp = prev;
        prev = cur;
        cur = tmp;
    }
    i = nr;
    j = nc;
    while (i > 0 && j > 0) {
        if (ref[i - 1] == can[j - 1]) {
            mark[i - 1] = 1;
            i--;
            j--;
        } else {
            size_t b = (i - 1) * nc + (j - 1);
            if (s->bits[b >> 3] & (1u << (b & 7)))
                j--;
            else
                i--;
        }
    }
}

static void scratch_counts(Scratch *s, size_t vocab)
{
    if (vocab > s->cnt_cap) {
        size_t n = s->cnt_cap ? s->cnt_cap : 1024;
        while (n < vocab)
            n *= 2;
        free(s->cnt_r);
        free(s->cnt_c);
        s->cnt_r = xcalloc(n, sizeof *s->cnt_r);
        s->cnt_c = xcalloc(n, sizeof *s->cnt_c);
        s->cnt_cap = n;
    }
}

/* rouge_score's _summary_level_lcs(ref sentences, prediction sentences). */
static Score lsum_score(Scratch *s, const Text *pred, const Text *ref,
                        size_t vocab)
{
    size_t hits = 0, li, lj, k;
    Score sc = {0, 0, 0};
    if (!pred->ntok || !ref->ntok)
        return sc;
    scratch_counts(s, vocab);
    for (k = 0; k < ref->ntok; k++)
        s->cnt_r[ref->tok[k]]++;
    for (k = 0; k < pred->ntok; k++)
        s->cnt_c[pred->tok[k]]++;
    for (li = 0; li < ref->nlines; li++) {
        const uint32_t *r = ref->tok + ref->line[li];
        size_t nr = ref->line[li + 1] - ref->line[li];
        if (!nr)
            continue;
        grow((void **)&s->mark, &s->mark_cap, nr, 1);
        memset(s->mark, 0, nr);
        for (lj = 0; lj < pred->nlines; lj++)
            lcs_mark(s, r, nr, pred->tok + pred->line[lj],
                     pred->line[lj + 1] - pred->line[lj], s->mark);
        for (k = 0; k < nr; k++) {
            uint32_t t = r[k];
            if (s->mark[k] && s->cnt_c[t] > 0 && s->cnt_r[t] > 0) {
                hits++;
                s->cnt_c[t]--;
                s->cnt_r[t]--;
            }
        }
    }
    for (k = 0; k < ref->ntok; k++)
        s->cnt_r[ref->tok[k]] = 0;
    for (k = 0; k < pred->ntok; k++)
        s->cnt_c[pred->tok[k]] = 0;
    return make_score(hits, pred->ntok, ref->ntok);
}

/* All four metrics of one prediction against one reference. */
static void score_pair(Scratch *s, const Text *pred, const Text *ref,
                       size_t vocab, Score out[M_COUNT])
{
    Score zero = {0, 0, 0};
    out[M_R1] = make_score(overlap_u32(pred->uni, pred->ntok, ref->uni, ref->ntok),
                           pred->ntok, ref->ntok);
    out[M_R2] = make_score(overlap_u64(pred->bi, pred->nbi, ref->bi, ref->nbi),
                           pred->nbi, ref->nbi);
    if (pred->ntok && ref->ntok)
        out[M_RL] = make_score(lcs_length(s, ref->tok, ref->ntok, pred->tok,
                                          pred->ntok),
                               pred->ntok, ref->ntok);
    else
        out[M_RL] = zero;
    out[M_RLSUM] = lsum_score(s, pred, ref, vocab);
}

/* score_multi: per metric the reference with the best F (first on ties). */
static void score_multi(Scratch *s, const Text *pred, const Text *refs,
                        size_t nrefs, size_t vocab, Score best[M_COUNT])
{
    size_t i;
    int m;
    for (i = 0; i < nrefs; i++) {
        Score cur[M_COUNT];
        score_pair(s, pred, &refs[i], vocab, cur);
        for (m = 0; m < M_COUNT; m++)
            if (i == 0 || cur[m].f > best[m].f)
                best[m] = cur[m];
    }
}

/* ------------------------------------------------------------------ */
/* files                                                               */

/* Reads a whole file and NUL-terminates it (it may hold NULs itself);
   returns NULL (with errno set) on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int err;
    if (!f)
        return NULL;
    for (;;) {
        size_t got;
        grow((void **)&buf, &cap, n + 65537, 1);
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = 0; /* room was kept: callers may treat it as a C string */
    *len = n;
    return buf;
}

static int load_text(Tokenizer *tz, const char *path, Text *t)
{
    size_t n = 0;
    char *buf = read_file(path, &n);
    if (!buf) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return -1;
    }
    tokenize(tz, buf, n, t);
    free(buf);
    return 0;
}

static char *path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = xmalloc(a + b + 2);
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

typedef struct {
    char **v;
    size_t n, cap;
} Names;

static void names_free(Names *ns)
{
    size_t i;
    for (i = 0; i < ns->n; i++)
        free(ns->v[i]);
    free(ns->v);
    memset(ns, 0, sizeof *ns);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Lists the *.txt names of a directory, sorted. */
static int list_txt(const char *dir, Names *out)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    memset(out, 0, sizeof *out);
    if (!d) {
        fprintf(stderr, "rouge: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t n;
        if (e->d_name[0] == '.' || !has_txt(e->d_name))
            continue;
        n = strlen(e->d_name);
        grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
        out->v[out->n] = xmalloc(n + 1);
        memcpy(out->v[out->n++], e->d_name, n + 1);
    }
    closedir(d);
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_str);
    return 0;
}

/* ------------------------------------------------------------------ */
/* modes                                                               */

static void print_tsv(const double f[M_COUNT], size_t docs)
{
    printf("%.4f\t%.4f\t%.4f\t%.4f\t%lu\n", 100 * f[0], 100 * f[1], 100 * f[2],
           100 * f[3], (unsigned long)docs);
}

static int run_single(enum tok_mode mode, int tsv, char **files, int nfiles)
{
    Tokenizer tz;
    Scratch s;
    Text pred, *refs;
    Score best[M_COUNT];
    int i, rc = 0, loaded = 0;
    tokenizer_init(&tz, mode);
    memset(&s, 0, sizeof s);
    refs = xcalloc((size_t)nfiles, sizeof *refs);
    if (load_text(&tz, files[0], &pred) != 0) {
        rc = EXIT_USAGE;
        goto done;
    }
    for (i = 1; i < nfiles; i++, loaded++)
        if (load_text(&tz, files[i], &refs[i - 1]) != 0) {
            rc = EXIT_USAGE;
            text_free(&pred);
            goto done;
        }
    score_multi(&s, &pred, refs, (size_t)(nfiles - 1), tz.vocab.count, best);
    if (tsv) {
        double f[M_COUNT];
        int m;
        for (m = 0; m < M_COUNT; m++)
            f[m] = best[m].f;
        print_tsv(f, 1);
    } else {
        int m;
        printf("%-10s %7s %7s %7s\n", "metric", "P", "R", "F");
        for (m = 0; m < M_COUNT; m++)
            printf("%-10s %7.2f %7.2f %7.2f\n", metric_names[m], 100 * best[m].p,
                   100 * best[m].r, 100 * best[m].f);
    }
    text_free(&pred);
done:
    for (i = 0; i < loaded; i++)
        text_free(&refs[i]);
    free(refs);
    scratch_free(&s);
    tokenizer_free(&tz);
    return rc;
}

/* Names in refnames (sorted) that are ID.txt or ID.X.txt (X without '.'). */
static size_t find_refs(const Names *refnames, const char *id, size_t idlen,
                        size_t *out)
{
    size_t i, n = 0, lo = 0, hi = refnames->n;
    /* names starting with ID form one run of the sorted list */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strncmp(refnames->v[mid], id, idlen) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo; i < refnames->n; i++) {
        const char *r = refnames->v[i];
        size_t rl;
        if (strncmp(r, id, idlen) != 0)
            break;
        rl = strlen(r);
        if (rl < idlen + 4)
            continue;
        if (rl == idlen + 4) { /* ID.txt */
            out[n++] = i;
        } else if (r[idlen] == '.' && rl > idlen + 5) {
            const char *mid = r + idlen + 1;
            size_t ml = rl - idlen - 5;
            if (!memchr(mid, '.', ml))
                out[n++] = i;
        }
    }
    return n;
}

/* Scores every SYSDIR/ID.txt against its references in REFDIR: *ids gets
 * the file names (sorted), *f (malloc'ed, ids->n * M_COUNT) each
 * document's best F1 per metric. Returns 0 or EXIT_USAGE (message
 * printed; nothing to free then). */
static int score_dir(enum tok_mode mode, const char *sysdir,
                     const char *refdir, Names *ids, double **f)
{
    Names refn;
    Tokenizer tz;
    Scratch s;
    size_t *idx = NULL, i, k;
    Text *refs = NULL;
    int rc = 0, m;
    *f = NULL;
    if (list_txt(sysdir, ids) != 0)
        return EXIT_USAGE;
    if (list_txt(refdir, &refn) != 0) {
        names_free(ids);
        return EXIT_USAGE;
    }
    if (!ids->n) {
        fprintf(stderr, "rouge: %s: no .txt files\n", sysdir);
        names_free(ids);
        names_free(&refn);
        return EXIT_USAGE;
    }
    tokenizer_init(&tz, mode);
    memset(&s, 0, sizeof s);
    idx = xmalloc((refn.n + 1) * sizeof *idx);
    refs = xcalloc(refn.n + 1, sizeof *refs);
    *f = xcalloc(ids->n * M_COUNT, sizeof **f);
    for (i = 0; i < ids->n && !rc; i++) {
        size_t idlen = strlen(ids->v[i]) - 4, nref;
        Text pred;
        Score best[M_COUNT];
        char *path;
        nref = find_refs(&refn, ids->v[i], idlen, idx);
        if (!nref) {
            fprintf(stderr, "rouge: %s/%.*s.txt: no reference for %s\n", refdir,
                    (int)idlen, ids->v[i], ids->v[i]);
            rc = EXIT_USAGE;
            break;
        }
        path = path_join(sysdir, ids->v[i]);
        if (load_text(&tz, path, &pred) != 0) {
            free(path);
            rc = EXIT_USAGE;
            break;
        }
        free(path);
        for (k = 0; k < nref; k++) {
            path = path_join(refdir, refn.v[idx[k]]);
            if (load_text(&tz, path, &refs[k]) != 0)
                rc = EXIT_USAGE;
            free(path);
            if (rc) {
                nref = k;
                break;
            }
        }
        if (!rc) {
            score_multi(&s, &pred, refs, nref, tz.vocab.count, best);
            for (m = 0; m < M_COUNT; m++)
                (*f)[i * M_COUNT + (size_t)m] = best[m].f;
        }
        text_free(&pred);
        for (k = 0; k < nref; k++)
            text_free(&refs[k]);
    }
    free(idx);
    free(refs);
    scratch_free(&s);
    tokenizer_free(&tz);
    names_free(&refn);
    if (rc) {
        free(*f);
        *f = NULL;
        names_free(ids);
    }
    return rc;
}

static int run_corpus(enum tok_mode mode, int tsv, const char *sysdir,
                      const char *refdir)
{
    Names sys;
    double *per, f[M_COUNT] = {0, 0, 0, 0};
    size_t i;
    int m, rc = score_dir(mode, sysdir, refdir, &sys, &per);
    if (rc)
        return rc;
    for (i = 0; i < sys.n; i++)
        for (m = 0; m < M_COUNT; m++)
            f[m] += per[i * M_COUNT + (size_t)m];
    for (m = 0; m < M_COUNT; m++)
        f[m] /= (double)sys.n;
    if (tsv) {
        print_tsv(f, sys.n);
    } else {
        printf("%-10s %7s\n", "metric", "F1");
        for (m = 0; m < M_COUNT; m++)
            printf("%-10s %7.2f\n", metric_names[m], 100 * f[m]);
        printf("%-10s %7lu\n", "docs", (unsigned long)sys.n);
    }
    free(per);
    names_free(&sys);
    return 0;
}

/* splitmix64: a fixed, portable pseudo-random sequence, so that the
 * bootstrap interval is the same on every run and machine. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define BOOTSTRAP_SAMPLES 2000

/* --versus: the paired comparison of two systems on the same documents.
 * For ROUGE-1 and ROUGE-2 F1 it prints (x100, tab-separated): wins, ties
 * and losses of SYSDIR against OTHERDIR per document, the mean difference
 * and its 95% paired bootstrap interval (percentile method, 2000
 * resamples of the documents, fixed seed). A difference whose interval
 * contains 0 is noise. */
static int run_versus(enum tok_mode mode, const char *sysdir,
                      const char *otherdir, const char *refdir)
{
    Names a, b;
    double *fa, *fb, *d, *means;
    size_t i, j, n;
    int rc, metric;
    uint64_t seed = 1;
    if ((rc = score_dir(mode, sysdir, refdir, &a, &fa)) != 0)
        return rc;
    if ((rc = score_dir(mode, otherdir, refdir, &b, &fb)) != 0) {
        free(fa);
        names_free(&a);
        return rc;
    }
    n = a.n;
    for (i = 0; i < n && a.n == b.n; i++)
        if (strcmp(a.v[i], b.v[i]) != 0)
            break;
    if (a.n != b.n || i < n) {
        fprintf(stderr, "rouge: %s and %s hold different documents\n",
                sysdir, otherdir);
        rc = EXIT_USAGE;
    }
    d = xmalloc(n * sizeof *d);
    means = xmalloc(BOOTSTRAP_SAMPLES * sizeof *means);
    for (metric = M_R1; metric <= M_R2 && !rc; metric++) {
        size_t win = 0, tie = 0, loss = 0;
        double mean = 0;
        for (i = 0; i < n; i++) {
            d[i] = 100 * (fa[i * M_COUNT + (size_t)metric] -
                          fb[i * M_COUNT + (size_t)metric]);
            if (d[i] > 1e-9)
                win++;
            else if (d[i] < -1e-9)
                loss++;
            else
                tie++;
            mean += d[i];
        }
        mean /= (double)n;
        for (j = 0; j < BOOTSTRAP_SAMPLES; j++) {
            double sum = 0;
            for (i = 0; i < n; i++)
                sum += d[splitmix64(&seed) % n];
            means[j] = sum / (double)n;
        }
        qsort(means, BOOTSTRAP_SAMPLES, sizeof *means, cmp_double);
        printf("%s%lu\t%lu\t%lu\t%.2f\t%.2f\t%.2f", metric == M_R1 ? "" : "\t",
               (unsigned long)win, (unsigned long)tie, (unsigned long)loss,
               mean, means[BOOTSTRAP_SAMPLES / 40],
               means[BOOTSTRAP_SAMPLES - 1 - BOOTSTRAP_SAMPLES / 40]);
    }
    if (!rc)
        printf("\n");
    free(d);
    free(means);
    free(fa);
    free(fb);
    names_free(&a);
    names_free(&b);
    return rc;
}

/* Undoes the vectors' escapes (\\ \t \n \r) in place; returns the length. */
static size_t unescape(char *s)
{
    char *r = s, *w = s;
    while (*r) {
        if (r[0] == '\\' && r[1]) {
            char c = r[1];
            char o = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r'
                   : c == '\\' ? '\\' : 0;
            if (o) {
                *w++ = o;
                r += 2;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = 0;
    return (size_t)(w - s);
}

/* Splits line at tabs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        char *t;
        if (n == max)
            return n + 1; /* too many */
        f[n++] = p;
        t = strchr(p, '\t');
        if (!t)
            return n;
        *t = 0;
        p = t + 1;
    }
}

#define MAX_SHOWN 5 /* mismatches a check prints */

struct mismatch {
    size_t line;
    int stem;
    double got[12], want[12];
};

static int run_vectors(const char *path)
{
    struct mismatch bad[MAX_SHOWN];
    size_t len = 0, pos = 0, lineno = 0;
    char *buf = read_file(path, &len);
    Tokenizer tz[2];
    Scratch s;
    int total = 0, pass = 0, shown = 0, i;
    if (!buf) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return EXIT_USAGE;
    }
    tokenizer_init(&tz[0], TOK_PLAIN);
    tokenizer_init(&tz[1], TOK_STEM);
    memset(&s, 0, sizeof s);
    while (pos < len) {
        char *line = buf + pos, *nl, *f[16];
        int nf, m, ok = 1, st;
        double want[12];
        Text pred, ref;
        Score got[M_COUNT];
        nl = memchr(line, '\n', len - pos);
        if (nl) {
            *nl = 0;
            pos = (size_t)(nl - buf) + 1;
        } else {
            pos = len;
        }
        lineno++;
        if (!*line)
            continue;
        nf = split_tabs(line, f, 15);
        if (nf != 15 || (strcmp(f[0], "0") && strcmp(f[0], "1"))) {
            fprintf(stderr, "rouge: %s:%lu: malformed case\n", path,
                    (unsigned long)lineno);
            total++;
            continue;
        }
        for (m = 0; m < 12; m++) {
            char *end;
            want[m] = strtod(f[3 + m], &end);
            if (end == f[3 + m])
                ok = 0;
        }
        if (!ok) {
            fprintf(stderr, "rouge: %s:%lu: malformed number\n", path,
                    (unsigned long)lineno);
            total++;
            continue;
        }
        st = f[0][0] == '1';
        {
            size_t pl = unescape(f[1]), rl = unescape(f[2]);
            tokenize(&tz[st], f[1], pl, &pred);
            tokenize(&tz[st], f[2], rl, &ref);
        }
        score_pair(&s, &pred, &ref, tz[st].vocab.count, got);
        for (m = 0; m < M_COUNT; m++) {
            const double g[3] = {got[m].p, got[m].r, got[m].f};
            int k;
            for (k = 0; k < 3; k++)
                if (fabs(g[k] - want[3 * m + k]) > 1e-6)
                    ok = 0;
        }
        total++;
        if (ok) {
            pass++;
        } else if (shown < MAX_SHOWN) {
            struct mismatch *x = &bad[shown++];
            x->line = lineno;
            x->stem = st;
            for (m = 0; m < M_COUNT; m++) {
                x->got[3 * m] = got[m].p;
                x->got[3 * m + 1] = got[m].r;
                x->got[3 * m + 2] = got[m].f;
            }
            memcpy(x->want, want, sizeof want);
        }
        text_free(&pred);
        text_free(&ref);
    }
    printf("rouge vectors: %d/%d\n", pass, total);
    for (i = 0; i < shown; i++) {
        int k;
        printf("  line %lu (stem %d): got ", (unsigned long)bad[i].line,
               bad[i].stem);
        for (k = 0; k < 12; k++)
            printf(" %.6f", bad[i].got[k]);
        printf("\n%*swant", 20, "");
        for (k = 0; k < 12; k++)
            printf(" %.6f", bad[i].want[k]);
        printf("\n");
    }
    free(buf);
    scratch_free(&s);
    tokenizer_free(&tz[0]);
    tokenizer_free(&tz[1]);
    return pass == total && total > 0 ? 0 : EXIT_CHECK;
}

static char *next_line(char **p, char *end)
{
    char *s = *p, *nl;
    if (s >= end)
        return NULL;
    nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl)
        nl = end;
    *nl = 0;
    *p = nl + 1;
    if (nl > s && nl[-1] == '\r')
        nl[-1] = 0;
    return s;
}

static int run_stem_check(const char *dir)
{
    char *vp = path_join(dir, "voc.txt"), *op = path_join(dir, "output.txt");
    size_t vl = 0, ol = 0;
    char *voc = read_file(vp, &vl), *out = NULL, *a, *b, *va, *ob, *buf = NULL;
    size_t cap = 0;
    char *bad[MAX_SHOWN][3];
    int total = 0, pass = 0, shown = 0, rc = 0, lengths_differ = 0, i;
    if (!voc) {
        fprintf(stderr, "rouge: %s: %s\n", vp, strerror(errno));
        rc = EXIT_USAGE;
        goto done;
    }
    out = read_file(op, &ol);
    if (!out) {
        fprintf(stderr, "rouge: %s: %s\n", op, strerror(errno));
        rc = EXIT_USAGE;
        goto done;
    }
    a = voc;
    b = out;
    for (;;) {
        size_t n;
        va = next_line(&a, voc + vl);
        ob = next_line(&b, out + ol);
        if (!va || !ob) {
            if (va || ob) {
                lengths_differ = 1;
                total++;
            }
            break;
        }
        n = strlen(va);
        grow((void **)&buf, &cap, n + 1, 1);
        memcpy(buf, va, n);
        n = porter_stem(buf, n);
        buf[n] = 0;
        total++;
        if (strcmp(buf, ob) == 0) {
            pass++;
        } else if (shown < MAX_SHOWN) {
            bad[shown][0] = va; /* both stay valid until voc, out are freed */
            bad[shown][1] = ob;
            bad[shown][2] = xmalloc(n + 1);
            memcpy(bad[shown][2], buf, n + 1);
            shown++;
        }
    }
    printf("porter-nltk: %d/%d\n", pass, total);
    if (lengths_differ)
        printf("  voc.txt and output.txt differ in length\n");
    for (i = 0; i < shown; i++) {
        printf("  %s -> %s (want %s)\n", bad[i][0], bad[i][2], bad[i][1]);
        free(bad[i][2]);
    }
    rc = pass == total && total > 0 ? 0 : EXIT_CHECK;
done:
    free(vp);
    free(op);
    free(voc);
    free(out);
    free(buf);
    return rc;
}

static void usage(FILE *f)
{
    fputs(
        "usage: rouge [options] SUMMARY REF [REF...]\n"
        "       rouge [options] --corpus SYSDIR REFDIR\n"
        "       rouge --vectors FILE\n"
        "\n"
        "Scores summaries with ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum exactly\n"
        "as Google's rouge_score package does: lowercase, tokens are runs of\n"
        "[a-z0-9], tokens longer than 3 characters Porter-stemmed (NLTK), each\n"
        "line of a text one sentence for ROUGE-Lsum, and with several\n"
        "references the best F1 per metric.\n"
        "\n"
        "  SUMMARY REF...         prints P, R and F (x100) per metric\n"
        "  --corpus SYSDIR REFDIR for each SYSDIR/ID.txt, the references are\n"
        "                         REFDIR/ID.txt and REFDIR/ID.*.txt (ID.A.txt,\n"
        "                         ID.B.txt, ...); prints the mean F1 (x100) per\n"
        "                         metric over the documents and their count\n"
        "  --versus OTHERDIR      with --corpus: SYSDIR against OTHERDIR on the\n"
        "                         same documents; one line, for ROUGE-1 then\n"
        "                         ROUGE-2 F1: wins, ties, losses per document,\n"
        "                         the mean difference (x100) and its 95% paired\n"
        "                         bootstrap interval (2000 resamples, fixed seed)\n"
        "  --no-stem              no stemming\n"
        "  --unicode              tokens are runs of Unicode letters and digits\n"
        "                         (UTF-8) after lowercasing, no stemming: for\n"
        "                         corpora not in English\n"
        "  --tsv                  one line: R1 R2 RL RLsum F1 (x100) and the\n"
        "                         document count, tab-separated\n"
        "  --vectors FILE         checks the test vectors FILE; prints\n"
        "                         'rouge vectors: PASS/TOTAL' and the first\n"
        "                         mismatches\n"
        "  -h, --help             this help\n"
        "\n"
        "Exit status: 0 ok, 1 a check failed, 2 usage or I/O error.\n",
        f);
}

int main(int argc, char **argv)
{
    enum tok_mode mode = TOK_STEM;
    int tsv = 0, corpus = 0, i, npos = 0, no_stem = 0, unicode = 0;
    const char *vectors = NULL, *stem_dir = NULL, *versus = NULL;
    char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
    int rc, opts_done = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (opts_done || a[0] != '-' || a[1] == 0) {
            pos[npos++] = argv[i];
        } else if (!strcmp(a, "--")) {
            opts_done = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(pos);
            return 0;
        } else if (!strcmp(a, "--no-stem")) {
            no_stem = 1;
        } else if (!strcmp(a, "--unicode")) {
            unicode = 1;
        } else if (!strcmp(a, "--tsv")) {
            tsv = 1;
        } else if (!strcmp(a, "--corpus")) {
            corpus = 1;
        } else if (!strcmp(a, "--versus")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "rouge: %s needs an argument\n", a);
                free(pos);
                return EXIT_USAGE;
            }
            versus = argv[++i];
        } else if (!strcmp(a, "--vectors") || !strcmp(a, "--stem-check")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "rouge: %s needs an argument\n", a);
                free(pos);
                return EXIT_USAGE;
            }
            if (a[2] == 'v')
                vectors = argv[++i];
            else
                stem_dir = argv[++i];
        } else {
            fprintf(stderr, "rouge: %s: unknown option (see --help)\n", a);
            free(pos);
            return EXIT_USAGE;
        }
    }
    if (unicode)
        mode = TOK_UNICODE;
    else if (no_stem)
        mode = TOK_PLAIN;
    if (vectors || stem_dir) {
        rc = 0;
        if (npos) {
            fprintf(stderr, "rouge: unexpected argument %s\n", pos[0]);
            rc = EXIT_USAGE;
        } else {
            if (vectors)
                rc = run_vectors(vectors);
            if (stem_dir) {
                int r2 = run_stem_check(stem_dir);
                if (r2 > rc)
                    rc = r2;
            }
        }
    } else if (corpus) {
        if (npos != 2) {
            fputs("rouge: --corpus needs SYSDIR and REFDIR (see --help)\n", stderr);
            rc = EXIT_USAGE;
        } else {
            rc = versus ? run_versus(mode, pos[0], versus, pos[1])
                        : run_corpus(mode, tsv, pos[0], pos[1]);
        }
    } else if (npos < 2) {
        fputs("rouge: need a SUMMARY and at least one REF (see --help)\n",
              stderr);
        rc = EXIT_USAGE;
    } else {
        rc = run_single(mode, tsv, pos, npos);
    }
    free(pos);
    return rc;
}

/*
 * arenasize.c - brief_arena_size(): a fixed arena fitted to one text.
 *
 * In fixed-arena mode nothing is given back before the result is freed
 * (brief__free is a no-op, see arena.c), so the arena a summary needs is
 * the sum of its allocations, each rounded up to BRIEF__ALIGN, where an
 * array grown in place (the latest allocation) counts at its last size and
 * one grown by copying counts at every size it had. This file adds those
 * up, stage by stage, from counts taken in one pass over the text: it
 * mirrors the allocation sites of brief.c, segment.c, clean.c, terms.c,
 * keywords.c, score.c and select.c and replays each growth policy
 * (brief__grow_array) from the counts. Every count is an upper bound of
 * what the stage will see, and every size below grows with its counts, so
 * the sum is always enough.
 *
 * That exact path is for plain text read as UTF-8 in place (the common
 * case: no decoder, no charset conversion). HTML and Markdown input and a
 * charset that converts the text take brief_arena_bound() (the length-only
 * worst case): their decoders rewrite the text, so counts taken on the
 * input bytes would not bound what the later stages see.
 */
#include <string.h>
#include "internal.h"

/* ---- growth replays ------------------------------------------------------ */

static size_t as_round(size_t n)
{
    return (n + BRIEF__ALIGN - 1) & ~(size_t)(BRIEF__ALIGN - 1);
}

/* a + b, saturating at SIZE_MAX (a hostile count gives a huge answer, not
 * a wrapped small one). */
static size_t as_add(size_t a, size_t b)
{
    return a > ((size_t)-1) - b ? (size_t)-1 : a + b;
}

/* a * b, saturating */
static size_t as_mul(size_t a, size_t b)
{
    return b && a > ((size_t)-1) / b ? (size_t)-1 : a * b;
}

/* Bytes of one block of n elements of size bytes, as brief__alloc rounds. */
static size_t as_block(size_t n, size_t size)
{
    return as_round(as_mul(n, size));
}

/* An array grown by brief__grow_array(..., first, shift) to hold need
 * elements, first allocated with room for first: the capacities it takes
 * are first, then each grown by (capacity >> shift) (at least 1) until
 * need fits. *last gets the final capacity; returns the bytes of every
 * capacity on the way (an array that is not the latest allocation leaves
 * each old copy behind). need 0: never allocated. */
static size_t as_grown(size_t first, size_t need, size_t size, unsigned shift,
                       size_t *last)
{
    size_t cap = first ? first : 1, sum;
    *last = 0;
    if (need == 0)
        return 0;
    sum = as_block(cap, size);
    while (cap < need) {
        size_t step = cap >> shift;
        cap = as_add(cap, step ? step : 1);
        sum = as_add(sum, as_block(cap, size));
    }
    *last = cap;
    return sum;
}

/* ---- the scan ------------------------------------------------------------ */

/*
 * Distinct surface forms: a small open-addressing set on the stack (1 KiB)
 * holds the offset + 1 of the first occurrence of each form seen; a token
 * whose form is found there (read again from the text and compared) is
 * no new form. When the probe window of a token is full of other forms,
 * the token counts as new without being stored: the count is exact while
 * the set has room and an upper bound after that (the frequent forms come
 * early and stay recognized). 256 slots: on the corpora a larger set
 * changes the size by under 5% (1024 slots: 1.10x instead of 1.17x on a
 * 19 KB article), while the stack is what a microcontroller lacks.
 */
#define AS_SLOTS 256u
#define AS_PROBES 16u
/* The longest folded token: BRIEF__MAX_STEM code points of 4 bytes. */
#define AS_TOKEN_MAX (4 * BRIEF__MAX_STEM + 4)

typedef struct as_token {
    unsigned char b[AS_TOKEN_MAX]; /* folded bytes as terms.c spells them */
    size_t n, ncp;                 /* bytes, code points                  */
    int cjk;
} as_token;

/* Is the code point a sentence-final mark (segment.c: . ! ? an ellipsis
 * and is_stop_mark(), the CJK full stops)? */
static int as_final(uint32_t cp)
{
    switch (cp) {
    case '.': case '!': case '?': case 0x2026: case 0x203C: case 0x2047:
    case 0x2048: case 0x2049: case 0xFF01: case 0xFF1F: case 0x061F:
    case 0x3002: case 0xFF61:
        return 1;
    default:
        return 0;
    }
}

/* A list-marker code point: a bullet (segment.c is_bullet()) or the ')'
 * of "a)" and "1)". */
static int as_marker(uint32_t cp)
{
    return cp == ')' || cp == 0x2022 || cp == 0x2043 || cp == 0x25AA ||
           cp == 0x25CF || cp == 0x25E6 || cp == 0x2023 || cp == 0x00B7;
}

/*
 * The token that starts at s[p] as terms.c's tokenizer reads it (a run of
 * letters and digits, ' between letters, . and , between digits; a CJK
 * character with the next one as a bigram, alone when neither neighbour
 * is CJK), folded into t; prev_cjk: the code point before p is CJK. Sets
 * *end past the token's last code point; returns 0 when no token starts
 * at p (t->n 0 for a CJK character that only closes a bigram).
 */
static int as_token_at(const unsigned char *s, size_t len, size_t p,
                       int prev_cjk, as_token *t, size_t *end)
{
    size_t q = p;
    uint32_t cp = brief__next(s, len, &q);
    enum brief__cls k = brief__class_of(cp);
    t->n = t->ncp = 0;
    t->cjk = 0;
    if (k == BRIEF__C_CJK) {
        size_t r = q;
        uint32_t nx = r < len ? brief__next(s, len, &r) : 0;
        t->cjk = 1;
        *end = q;
        if (brief__class_of(nx) == BRIEF__C_CJK) {
            t->n = brief__put(cp, t->b);
            t->n += brief__put(nx, t->b + t->n);
            t->ncp = 2;
        } else if (!prev_cjk) {
            t->n = brief__put(cp, t->b);
            t->ncp = 1;
        }
        return 1;
    }
    if (k != BRIEF__C_LETTER && k != BRIEF__C_DIGIT)
        return 0;
    for (;;) {
        if (t->ncp <= BRIEF__MAX_STEM)
            t->n += brief__put(brief__lower(cp), t->b + t->n);
        t->ncp++;
        p = q;
        if (p >= len)
            break;
        cp = brief__next(s, len, &q);
        k = brief__class_of(cp);
        if (k == BRIEF__C_LETTER || k == BRIEF__C_DIGIT)
            continue;
        if ((cp == '\'' || cp == 0x2019 || cp == '.' || cp == ',') &&
            q < len) {
            size_t r = q;
            enum brief__cls nk = brief__class_of(brief__next(s, len, &r));
            int apos = cp == '\'' || cp == 0x2019;
            if (apos ? nk == BRIEF__C_LETTER
                     : (nk == BRIEF__C_DIGIT && t->n > 0 &&
                        brief__ascii_is_digit(t->b[t->n - 1]))) {
                if (apos)
                    cp = '\'';
                continue;
            }
        }
        break;
    }
    *end = p;
    return 1;
}

/* Counts of the text, each an upper bound of what the stages see. */
typedef struct as_counts {
    size_t sentences;   /* sentence ends that may be found, + 1          */
    size_t hyphens;     /* hyphens before a line break                    */
    int dirty;          /* some sentence may need a cleaned copy          */
    size_t tokens;      /* content tokens (term ids)                      */
    size_t forms;       /* distinct surface forms                         */
    size_t form_words;  /* their records in terms.c's pool (words)        */
    size_t terms;       /* distinct content forms (>= distinct stems)     */
    size_t term_words;  /* their stems' records (>= the stems' pool)      */
    size_t capitals;    /* tokens that begin with a capital letter        */
    size_t longest_src; /* source bytes of the longest content token      */
    size_t pairs;       /* content tokens next to the one before (only    */
    size_t triples;     /* blanks or one hyphen between): 2- and 3-runs   */
} as_counts;

static uint32_t as_hash(const unsigned char *b, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h ^ (h >> 15) ^ (h << 11);
}

/* Is form t a term (terms.c classify_form)? CJK and numbers always; a
 * word of 2 to BRIEF__MAX_STEM code points unless it is a stop word or
 * the stemmer leaves nothing of it. *stem gets the bytes of its stem. */
static int as_is_term(const as_token *t, const brief__lang *lang,
                      size_t *stem)
{
    uint32_t cps[BRIEF__MAX_STEM];
    unsigned char out[4];
    size_t m = 0, p = 0, k;
    int digits = 1;
    *stem = t->n;
    if (t->cjk)
        return 1;
    if (t->ncp < 2 || t->ncp > BRIEF__MAX_STEM ||
        brief__in_list(&lang->stopwords, (const char *)t->b, t->n))
        return 0;
    while (p < t->n && m < BRIEF__MAX_STEM) {
        uint32_t cp = brief__next(t->b, t->n, &p);
        if (brief__class_of(cp) != BRIEF__C_DIGIT && cp != '.' && cp != ',')
            digits = 0;
        cps[m++] = cp;
    }
    if (digits)
        return 1;
    if (lang->stem)
        m = lang->stem(cps, m);
    *stem = 0;
    for (k = 0; k < m; k++)
        *stem += brief__put(cps[k], out);
    return *stem > 0;
}

/* Count token t (at offset off) into c. set: the distinct-form set; a
 * slot holds 8 bits of the form's hash (most probes of another form end
 * there), a bit for "is a term" and the offset + 1 of its first
 * occurrence (a form first seen past AS_OFF is not stored). */
#define AS_TAG(h) ((uint32_t)(h) & 0xFF000000u)
#define AS_TERM 0x00800000u
#define AS_OFF 0x007FFFFFu
static int as_count_token(const unsigned char *s, size_t len, size_t off,
                           const as_token *t, uint32_t *set,
                           const brief__lang *lang, as_counts *c)
{
    uint32_t h = as_hash(t->b, t->n), *free_slot = NULL;
    size_t i, stem = t->n;
    int term;
    if (t->ncp > BRIEF__MAX_STEM || t->n == 0)
        return 0; /* terms.c drops it */
    for (i = 0; i < AS_PROBES; i++) {
        uint32_t *sl = &set[(h + i) & (AS_SLOTS - 1)];
        as_token u;
        size_t e;
        if (!*sl) {
            free_slot = sl;
            break;
        }
        /* the stored token read again (a stored lone CJK character had
         * no CJK before it) */
        if (AS_TAG(*sl) == AS_TAG(h) &&
            as_token_at(s, len, (*sl & AS_OFF) - 1, 0, &u, &e) &&
            u.n == t->n && u.cjk == t->cjk && !memcmp(u.b, t->b, t->n)) {
            if (*sl & AS_TERM)
                c->tokens++;
            return (*sl & AS_TERM) != 0; /* a form seen before */
        }
    }
    if (free_slot && off < AS_OFF) {
        /* a new form: classified as terms.c does, once */
        term = as_is_term(t, lang, &stem);
        *free_slot = AS_TAG(h) | (term ? AS_TERM : 0) | ((uint32_t)off + 1);
    } else {
        /* the set is full here: a form that may have been seen, counted
         * again; a term unless surely not (the stemmer is not run: it
         * never makes a word longer, so its bytes bound the stem's --
         * true of every word of the Snowball vocabularies) */
        term = t->cjk || (t->ncp >= 2 &&
                          !brief__in_list(&lang->stopwords,
                                          (const char *)t->b, t->n));
    }
    c->forms++;
    c->form_words = as_add(c->form_words, 3 + (t->n + 3) / 4); /* rec_size */
    if (!term)
        return 0;
    c->tokens++;
    c->terms++;
    c->term_words = as_add(c->term_words, 3 + (stem + 3) / 4);
    return 1;
}

/* Only blanks, or one hyphen, between two tokens (keywords.c joins such
 * neighbours into a phrase; anything else between them parts them). */
static int as_joined(const unsigned char *s, size_t from, size_t to)
{
    size_t i;
    if (to == from + 1 && s[from] == '-')
        return 1;
    for (i = from; i < to; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

/*
 * One pass: lines, sentence-end candidates, hyphens at line ends, blank
 * runs, tokens.
 *
 * Sentences (segment.c): every sentence ends at the end of a unit (a unit
 * is one or more whole non-blank lines), before a list marker, after a
 * chunk whose core ends in a final mark, at a period glued to a capital
 * ("world.Today"), or after a CJK full stop; a run of final marks ends at
 * most one sentence besides those its CJK full stops end, and the title
 * is one more. So the non-blank lines + runs of final marks + CJK full
 * stops + marker code points + 1 bound the sentences.
 *
 * Cleaning (clean.c): a sentence is copied only when it holds a tab, two
 * spaces, or a line break. A sentence never holds a blank line (it ends
 * the paragraph), so a text whose blank runs are all either single
 * spaces or hold two or more line breaks needs no copy.
 */
static void as_scan(const unsigned char *s, size_t len,
                    const brief__lang *lang, as_counts *c)
{
    uint32_t set[AS_SLOTS];
    size_t p = 0, run_breaks = 0, run_len = 0, run_terms = 0, term_end = 0;
    int line_has = 0, in_final = 0, prev_cjk = 0, run_tab = 0, seen = 0;
    uint32_t prev = 0;
    memset(set, 0, sizeof set);
    memset(c, 0, sizeof *c);
    c->sentences = 1; /* the title */
    while (p < len) {
        size_t q = p, nl = brief__newline_at(s, len, p), e;
        uint32_t cp;
        as_token t;
        if (nl) {
            if (line_has)
                c->sentences++;
            line_has = 0;
            if (prev == '-' || prev == 0x2010)
                c->hyphens++;
            prev = 0;
            run_breaks++;
            run_len++;
            in_final = 0;
            prev_cjk = 0;
            p += nl;
            continue;
        }
        cp = brief__next(s, len, &q);
        if (cp == ' ' || cp == '\t') {
            run_len++;
            run_tab |= cp == '\t';
            in_final = 0;
            prev_cjk = 0;
            p = q;
            continue; /* prev stays: a hyphen, blanks, a break */
        }
        /* a blank run between two non-blanks (the ones at the ends of
         * the text are trimmed from every sentence) */
        if (seen && run_len &&
            (run_breaks == 1 || (run_breaks == 0 && (run_tab || run_len > 1))))
            c->dirty = 1;
        seen = 1;
        run_len = run_breaks = 0;
        run_tab = 0;
        line_has = 1;
        if (as_final(cp)) {
            if (!in_final)
                c->sentences++;
            in_final = 1;
        } else {
            in_final = 0;
        }
        /* a CJK full stop ends a sentence inside a chunk too, wherever
         * a mark other than a closer follows it (segment.c
         * split_cjk_stops), beside the end of its run */
        if (as_marker(cp) || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
            cp == 0xFF61)
            c->sentences++;
        prev = cp;
        if (as_token_at(s, len, p, prev_cjk, &t, &e)) {
            /* every sentence end beyond the ones counted here (a caption
             * or prompt cut, a heading run into the text) comes before a
             * capitalized word (segment.c) */
            if (brief__is_upper(cp))
                c->capitals++;
            if (as_count_token(s, len, p, &t, set, lang, c)) {
                run_terms = run_terms && as_joined(s, term_end, p)
                                ? run_terms + 1 : 1;
                c->pairs += run_terms >= 2;
                c->triples += run_terms >= 3;
                term_end = t.cjk ? q : e;
                if (term_end - p > c->longest_src)
                    c->longest_src = term_end - p;
            } else if (t.n) {
                run_terms = 0;
            }
            prev_cjk = t.cjk;
            if (!t.cjk) {
                /* the token's last code point is what precedes e */
                size_t at;
                prev = brief__prev_cp(s, p, e, &at);
                in_final = 0;
                p = e;
                continue;
            }
        } else {
            prev_cjk = 0;
        }
        p = q;
    }
    if (line_has)
        c->sentences++;
}

/* ---- the sum ------------------------------------------------------------- */

/* Mirrors of two private structs (terms.c token, brief.c result_impl):
 * their sizes, with the padding a compiler may add. */
#define AS_TERMS_TOKEN \
    as_round((BRIEF__MAX_STEM + 2) * 4 + 3 * sizeof(size_t) + 2 * 4 + 8)
#define AS_KW_CAND as_round(sizeof(void *) + 8 + 2 * 4)
#define AS_RESULT \
    (as_round(sizeof(brief_result)) + as_round(sizeof(brief__arena)) + 8)

static size_t as_plain(size_t len, const as_counts *c, size_t want)
{
    size_t sum = AS_RESULT + BRIEF__ALIGN - 1, cap, last;
    size_t n = as_add(c->sentences, c->capitals);
    size_t nt = c->terms, forms0, stems0, ids0;
    /* segment.c: the sentences, first len/160 + 64, growing by half; the
     * latest allocation while they grow, so in place: the last size. */
    as_grown(len / 160 + 64, n, sizeof(brief__sent), 1, &cap);
    sum = as_add(sum, as_block(cap, sizeof(brief__sent)));
    /* clean.c: hyphens (from 64, doubling, in place), the two key tables
     * (a power of two >= 8 per hyphen, from 16), and a copy of each
     * sentence that needs cleaning (disjoint spans: at most len bytes,
     * plus the rounding of each). */
    if (c->hyphens) {
        size_t k = 16;
        as_grown(64, c->hyphens, 1, 0, &cap);
        sum = as_add(sum, as_block(cap, 2 * sizeof(size_t) +
                                            4 * sizeof(unsigned)));
        while (k < as_mul(8, c->hyphens))
            k *= 2;
        sum = as_add(sum, 2 * as_block(k, 4));
    }
    if (c->dirty)
        sum = as_add(sum, as_add(len, as_mul(n, BRIEF__ALIGN)));
    /* terms.c: two tokens, then first sizes from the length (a pool of
     * records of 6 words a form and a stem, the ids, two tables from 64
     * slots at most 3/4 full), each grown by doubling (not in place: they
     * grow in turn) */
    sum = as_add(sum, AS_TERMS_TOKEN * 2);
    forms0 = len / 10 + 32;
    stems0 = len / 14 + 32;
    ids0 = len / 8 + 32;
    if (forms0 > 4096)
        forms0 = 4096;
    if (stems0 > 4096)
        stems0 = 4096;
    sum = as_add(sum, as_grown(forms0 * 6, c->form_words > forms0 * 6
                                              ? c->form_words : forms0 * 6,
                               4, 0, &last));
    sum = as_add(sum, as_grown(stems0 * 6, c->term_words > stems0 * 6
                                              ? c->term_words : stems0 * 6,
                               4, 0, &last));
    sum = as_add(sum, as_grown(ids0, c->tokens > ids0 ? c->tokens : ids0, 4,
                               0, &last));
    /* with key terms, each id's byte span (two uint32), grown as the ids */
    if (want)
        sum = as_add(sum, as_grown(as_mul(2, ids0),
                                   as_mul(2, c->tokens > ids0 ? c->tokens
                                                              : ids0),
                                   4, 0, &last));
    {
        size_t pass, count[2];
        size_t first[2];
        first[0] = forms0;
        first[1] = stems0;
        count[0] = c->forms;
        count[1] = c->terms;
        for (pass = 0; pass < 2; pass++) {
            /* table_make(n): the least power of two from 64 that holds
             * n + (n + 2) / 3; table_room() makes one of twice the size
             * each time count + 1 passes 3/4 */
            size_t tcap = 64, need = first[pass] + (first[pass] + 2) / 3;
            while (tcap < need)
                tcap *= 2;
            sum = as_add(sum, as_block(tcap, 8));
            while (count[pass] > tcap / 4 * 3) {
                tcap = as_mul(tcap, 2);
                sum = as_add(sum, as_block(tcap, 8));
            }
        }
    }
    /* term_count, term_sents and last */
    sum = as_add(sum, 3 * as_block(nt + 1, 4));
    /* keywords.c, with N content tokens: unit (nt doubles), flags (N + 1
     * bytes), cnt (nt + 1 size_t); the start positions of 1-, 2- and
     * 3-word runs (at most N, pairs and triples + 1 size_t each); a
     * candidate (a kw_cand: a pointer, a double, two uint32) and an index
     * for each group: a term, or a 2- or 3-word run (one that recurs or a
     * name seen once: at most the pairs and the triples); a second scratch
     * when the groups outnumber nt + 1; the k taken (an index and a
     * brief_keyword) and the texts of the candidates shown (below). */
    if (want && nt) {
        size_t N = c->tokens, k = want < nt ? want : nt, nc, shown;
        nc = as_add(as_add(nt, c->pairs), c->triples);
        sum = as_add(sum, as_block(nt, sizeof(double)));
        sum = as_add(sum, as_block(N + 1, 1));
        sum = as_add(sum, as_block(nt + 1, sizeof(size_t)));
        sum = as_add(sum, as_block(N + 1, sizeof(size_t)));
        sum = as_add(sum, as_block(c->pairs + 1, sizeof(size_t)));
        sum = as_add(sum, as_block(c->triples + 1, sizeof(size_t)));
        sum = as_add(sum, as_block(nc + 1, AS_KW_CAND));
        sum = as_add(sum, as_block(nc + 1, sizeof(size_t)));
        if (nc > nt + 1)
            sum = as_add(sum, as_block(nc, sizeof(size_t)));
        sum = as_add(sum, as_block(k + 1, sizeof(size_t)));
        sum = as_add(sum, as_block(k + 1, sizeof(brief_keyword)));
        /* a text per candidate shown, of its own length (keywords.c
         * counts before it allocates): at most 3 words of their source
         * bytes, a byte between them, one more if the first letter is
         * lowered into a longer encoding, and the NUL. A text shown as
         * one taken shrinks to one block; one taken may be dropped later
         * only by a longer one taken that holds it (a 3-word one drops at
         * most 3 words and 2 pairs, a pair 2 words), so no more than
         * 12 x k are taken on the way: k 3-word ones, 3k pairs (k kept, 2k
         * dropped by them), and the words they drop (9k) */
        shown = as_mul(12, k) < nc ? as_mul(12, k) : nc;
        sum = as_add(sum, as_mul(shown,
                                 as_round(as_add(as_mul(3, c->longest_src),
                                                 4))));
        sum = as_add(sum, as_mul(nc, BRIEF__ALIGN));
    }
    /* score.c: isf, dvec (doubles), stf, title_mark (uint32) of nt + 1,
     * cent of n doubles */
    sum = as_add(sum, 2 * as_block(nt + 1, sizeof(double)));
    sum = as_add(sum, 2 * as_block(nt + 1, 4));
    sum = as_add(sum, as_block(n, sizeof(double)));
    /* select.c: idx and chosen (n + 1 size_t each), mark and seen (nt + 1
     * uint32), is_chosen (n + 1 bytes) */
    sum = as_add(sum, 2 * as_block(n + 1, sizeof(size_t)));
    sum = as_add(sum, 2 * as_block(nt + 1, 4));
    sum = as_add(sum, as_block(n + 1, 1));
    /* brief.c: the public sentences, unless they fit in the internal ones */
    if (sizeof(brief_sentence) > sizeof(brief__sent))
        sum = as_add(sum, as_block(n + 1, sizeof(brief_sentence)));
    return sum;
}

/* Does the charset stage leave plain-text input as it is (UTF-8 read in
 * place, nothing allocated)? Yes for a UTF-8 label; with "auto", unless a
 * UTF-16 byte-order mark or an XML declaration (which may name another
 * charset, or an undecodable one) comes first. */
static int as_in_place(const unsigned char *s, size_t len, const char *enc)
{
    size_t i = 0;
    if (enc && *enc && strcmp(enc, "auto"))
        return brief__charset_is_utf8(enc);
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
                     (s[0] == 0xFE && s[1] == 0xFF)))
        return 0;
    while (i < len && brief__ascii_is_space(s[i]))
        i++;
    return !(len - i >= 5 && !memcmp(s + i, "<?xml", 5));
}

size_t brief_arena_size(const char *text, size_t len, const brief_options *opts)
{
    brief_options o;
    const unsigned char *s = (const unsigned char *)text;
    const brief__lang *lang;
    brief_input kind;
    as_counts c;
    if (opts)
        o = *opts;
    else
        brief_options_init(&o);
    if (!text)
        len = 0;
    if (!text || !len)
        s = (const unsigned char *)"";
    kind = o.input == BRIEF_INPUT_AUTO ? brief_detect_input(text, len)
                                       : o.input;
    if (!as_in_place(s, len, o.encoding)) {
        /* converted to UTF-8 first: the length-only bound */
        return brief_arena_bound(len, &o);
    }
    if (kind != BRIEF_INPUT_TEXT) {
        /* a decoder rewrites the text: the length-only bound, for UTF-8
         * (the charset stage leaves the input as it is) */
        o.encoding = "utf-8";
        o.input = kind;
        return brief_arena_bound(len, &o);
    }
    if (!o.language || !*o.language || !strcmp(o.language, "auto"))
        lang = brief__lang_detect(s, len);
    else
        lang = brief__lang_find(o.language);
    if (!lang)
        return AS_RESULT + BRIEF__ALIGN; /* refused before any stage */
    as_scan(s, len, lang, &c);
    return as_plain(len, &c, o.keywords);
}

/*
 * stem_swedish.c - the Snowball Swedish stemmer (Snowball 3.x: -et removal
 * and the wider -öst rule included).
 *
 * Contract (see internal.h): brief__stem_swedish(w, n) stems the lower-case
 * word w[0..n) in place, w holding Unicode code points, and returns the new
 * length (never more than n). Any code points and any n are accepted;
 * nothing is allocated and there is no mutable static state.
 *
 * Only R1 is used. Unlike German, Swedish looks for its suffixes with the
 * word's start limited to R1 (Snowball "setlimit tomark p1"), so the match
 * is the longest suffix lying wholly inside R1 - a longer one reaching out
 * of R1 does not hide a shorter one inside it.
 */
#include "internal.h"

#define AU 0xE4u  /* ä */
#define AR 0xE5u  /* å */
#define OU 0xF6u  /* ö */

static int is_vowel(uint32_t c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case AU: case AR: case OU:
        return 1;
    default:
        return 0;
    }
}

/* Letters after which a final -s may go. */
static int is_s_ending(uint32_t c)
{
    switch (c) {
    case 'b': case 'c': case 'd': case 'f': case 'g': case 'h': case 'j':
    case 'k': case 'l': case 'm': case 'n': case 'o': case 'p': case 'r':
    case 't': case 'v': case 'y':
        return 1;
    default:
        return 0;
    }
}

/* Letters after which -öst becomes -ös. */
static int is_ost_ending(uint32_t c)
{
    switch (c) {
    case 'i': case 'k': case 'l': case 'n': case 'p': case 'r': case 't':
    case 'u': case 'v':
        return 1;
    default:
        return 0;
    }
}

/* Does w[0..end) end with s? s is UTF-32 in spirit but written as a byte
 * string: bytes are taken as code points, so "\xf6" is ö. */
static int ends(const uint32_t *w, size_t end, const char *s)
{
    size_t k = 0;
    while (s[k])
        k++;
    if (k > end)
        return 0;
    w += end - k;
    while (k--)
        if (w[k] != (unsigned char)s[k])
            return 0;
    return 1;
}

/* Length of the longest string of tab (NULL-terminated) that w[0..n) ends
 * with and that starts at or after p1, 0 when none; *which gets its
 * index. */
static size_t longest_in(const uint32_t *w, size_t n, size_t p1,
                         const char *const *tab, int *which)
{
    size_t best = 0, k, len;
    for (k = 0; tab[k]; k++) {
        for (len = 0; tab[k][len]; len++)
            ;
        if (len > best && len <= n && n - len >= p1 && ends(w, n, tab[k])) {
            best = len;
            *which = (int)k;
        }
    }
    return best;
}

/* Stems that end like these keep a following -et ("biet", "kommet"...). */
static const char *const et_keep[] = {
    "h", "iet", "uit", "fab", "cit", "dit", "alit", "ilit", "mit", "nit",
    "pit", "rit", "sit", "tit", "ivit", "kvit", "xit", "kom", "rak", "pak",
    "stak", NULL
};

/* Can -et be removed from the stem w[0..m)? The stem must end
 * letter-vowel-consonant and not in one of et_keep. */
static int et_ok(const uint32_t *w, size_t m)
{
    size_t k;
    if (m < 3 || is_vowel(w[m - 1]) || !is_vowel(w[m - 2]))
        return 0;
    for (k = 0; et_keep[k]; k++)
        if (ends(w, m, et_keep[k]))
            return 0;
    return 1;
}

static const char *const step1_tab[] = {
    "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne",
    "are", "aste", "en", "anden", "aren", "heten", "ern", "ar", "er",
    "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes",
    "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast",
    "s", "et", NULL          /* these two last: conditional (see below) */
};
#define STEP1_S 36
#define STEP1_ET 37

static const char *const pair_tab[] = {
    "dd", "gd", "nn", "dt", "gt", "kt", "tt", NULL
};

static const char *const step3_tab[] = {
    "lig", "ig", "els", "\xf6st", "fullt", NULL
};
#define STEP3_OST 3
#define STEP3_FULLT 4

size_t brief__stem_swedish(uint32_t *w, size_t n)
{
    size_t p1, i, len, stem;
    int k = 0;

    /* R1, adjusted so at least 3 letters precede it. */
    i = 0;
    while (i < n && !is_vowel(w[i]))
        i++;
    while (i < n && is_vowel(w[i]))
        i++;
    p1 = i < n ? i + 1 : n;
    if (p1 < 3 && n >= 3)
        p1 = 3;

    /* Step 1: main suffixes. */
    len = longest_in(w, n, p1, step1_tab, &k);
    if (len) {
        stem = n - len;
        if (k == STEP1_S) {
            /* -ets goes whole after a valid et-ending; otherwise -s goes
             * after a valid s-ending (neither needs to be in R1). */
            if (ends(w, stem, "et") && et_ok(w, stem - 2))
                n = stem - 2;
            else if (stem >= 1 && is_s_ending(w[stem - 1]))
                n = stem;
        } else if (k == STEP1_ET) {
            if (et_ok(w, stem))
                n = stem;
        } else {
            n = stem;
        }
    }

    /* Step 2: a final consonant pair in R1 loses its last letter. */
    for (k = 0; pair_tab[k]; k++)
        if (n >= 2 && n - 2 >= p1 && ends(w, n, pair_tab[k])) {
            n--;
            break;
        }

    /* Step 3: other suffixes. */
    len = longest_in(w, n, p1, step3_tab, &k);
    if (len) {
        if (k == STEP3_OST) {
            if (n >= 4 && is_ost_ending(w[n - 4]))
                n--;                       /* -öst -> -ös */
        } else if (k == STEP3_FULLT) {
            n--;                           /* -fullt -> -full */
        } else {
            n -= len;
        }
    }
    return n;
}

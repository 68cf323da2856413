/*
 * stem_german.c - the Snowball German stemmer (Snowball 3.x: umlaut
 * transliterations ae/oe/ue merged in, -system, -ln/-lns, -erin/-erinnen,
 * -et and the apostrophe step).
 *
 * Contract (see internal.h): brief__stem_german(w, n) stems the lower-case
 * word w[0..n) in place, w holding Unicode code points, and returns the new
 * length. Any code points and any n are accepted; nothing is allocated and
 * there is no mutable static state.
 *
 * One departure from "the result is never longer": the algorithm replaces
 * ß by ss, so the word may grow. Callers give a buffer of exactly
 * BRIEF__MAX_STEM code points, so a ß whose expansion would not fit is
 * simply kept as it is (such a word is 64 letters long and never matters).
 * Final suffix removal usually takes the length back below n anyway.
 *
 * The markers the algorithm uses for u and y between vowels are the code
 * points 'U' and 'Y'; the postlude lowers them again.
 */
#include "internal.h"

#define SZ 0xDFu  /* ß */
#define AU 0xE4u  /* ä */
#define OU 0xF6u  /* ö */
#define UU 0xFCu  /* ü */

static int is_vowel(uint32_t c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case AU: case OU: case UU:
        return 1;
    default:
        return 0;
    }
}

/* Letters after which a final -s may go. */
static int is_s_ending(uint32_t c)
{
    switch (c) {
    case 'b': case 'd': case 'f': case 'g': case 'h': case 'k': case 'l':
    case 'm': case 'n': case 'r': case 't':
        return 1;
    default:
        return 0;
    }
}

/* As s-ending but without r (so "-erst" is not mistaken for "-st"). */
static int is_st_ending(uint32_t c)
{
    return c != 'r' && is_s_ending(c);
}

static int is_et_ending(uint32_t c)
{
    switch (c) {
    case 'd': case 'f': case 'g': case 'k': case 'l': case 'm': case 'n':
    case 'r': case 's': case 't': case 'U': case 'z': case AU:
        return 1;
    default:
        return 0;
    }
}

/* Does w[0..end) end with the ASCII string s? */
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

/* Length of the longest string of tab (NULL-terminated) that w[0..n)
 * ends with, 0 when none; *which receives its index. Snowball's
 * "substring/among" picks the longest match first and only then tests
 * the region, never falling back to a shorter one. */
static size_t longest(const uint32_t *w, size_t n, const char *const *tab,
                      int *which)
{
    size_t best = 0, k, len;
    for (k = 0; tab[k]; k++) {
        for (len = 0; tab[k][len]; len++)
            ;
        if (len > best && ends(w, n, tab[k])) {
            best = len;
            *which = (int)k;
        }
    }
    return best;
}

/* First position after a non-vowel that follows a vowel, searching from
 * 'from'; n when there is none (the standard R1/R2 rule). */
static size_t region(const uint32_t *w, size_t n, size_t from)
{
    size_t i = from;
    while (i < n && !is_vowel(w[i]))
        i++;
    while (i < n && is_vowel(w[i]))
        i++;
    return i < n ? i + 1 : n;
}

/* Mark u and y between vowels (they then count as consonants), then
 * ß -> ss, ae -> ä, oe -> ö, ue -> ü (but not in "qu..."). Returns n. */
static size_t prelude(uint32_t *w, size_t n)
{
    size_t i, k;
    /* Left to right, each decision seeing the earlier ones: a marked
     * letter is no longer a vowel, exactly as Snowball's repeat/goto. */
    for (i = 1; i + 1 < n; i++)
        if ((w[i] == 'u' || w[i] == 'y') && is_vowel(w[i - 1]) &&
            is_vowel(w[i + 1]))
            w[i] = w[i] == 'u' ? 'U' : 'Y';
    i = 0;
    while (i < n) {
        uint32_t c = w[i];
        if (c == SZ) {
            if (n < BRIEF__MAX_STEM) {
                for (k = n; k > i + 1; k--)
                    w[k] = w[k - 1];
                w[i] = w[i + 1] = 's';
                n++;
                i += 2;
            } else {
                i++;
            }
        } else if (c == 'q' && i + 1 < n && w[i + 1] == 'u') {
            i += 2;  /* keeps "quelle" */
        } else if (i + 1 < n && w[i + 1] == 'e' &&
                   (c == 'a' || c == 'o' || c == 'u')) {
            w[i] = c == 'a' ? AU : c == 'o' ? OU : UU;
            for (k = i + 1; k + 1 < n; k++)
                w[k] = w[k + 1];
            n--;
            i++;
        } else {
            i++;
        }
    }
    return n;
}

static const char *const step1_tab[] = {
    "em", "ern", "er", "e", "en", "es", "s", "erin", "erinnen", "ln", "lns",
    NULL
};
static const char *const step2_tab[] = {"en", "er", "est", "st", "et", NULL};
static const char *const step3_tab[] = {
    "end", "ung", "ig", "ik", "isch", "lich", "heit", "keit", NULL
};
static const char *const apos_tab[] = {"'s", "'sch", "'", NULL};
/* Stems before which -et is part of the word, not an ending. */
static const char *const et_keep[] = {
    "geordn", "intern", "plan", "tick", "tr", NULL
};

static size_t step1(const uint32_t *w, size_t n, size_t p1)
{
    int k = 0;
    size_t len = longest(w, n, step1_tab, &k), stem;
    const char *s;
    if (!len || n - len < p1)
        return n;
    s = step1_tab[k];
    stem = n - len;
    if (s[0] == 'l')                       /* -ln, -lns -> -l */
        return stem + 1;
    if (s[0] == 'e' && s[1] == 'm')        /* but not "system" */
        return ends(w, stem, "syst") ? n : stem;
    if (s[0] == 's')                       /* the s-ending may lie outside R1 */
        return stem >= 1 && is_s_ending(w[stem - 1]) ? stem : n;
    /* -e, -en, -es after -niss: "bedürfnissen" -> "bedürfnis" */
    if ((s[1] == 0 || ((s[1] == 'n' || s[1] == 's') && s[2] == 0)) &&
        ends(w, stem, "niss"))
        stem--;
    return stem;
}

static size_t step2(const uint32_t *w, size_t n, size_t p1)
{
    int k = 0;
    size_t len = longest(w, n, step2_tab, &k), stem, j;
    const char *s;
    if (!len || n - len < p1)
        return n;
    s = step2_tab[k];
    stem = n - len;
    if (s[0] == 's') {
        /* -st after an st-ending that has at least 3 letters before it */
        if (stem < 4 || !is_st_ending(w[stem - 1]))
            return n;
    } else if (s[0] == 'e' && s[1] == 't') {
        if (stem < 1 || !is_et_ending(w[stem - 1]))
            return n;
        for (j = 0; et_keep[j]; j++)
            if (ends(w, stem, et_keep[j]))
                return n;
    }
    return stem;
}

static size_t step3(const uint32_t *w, size_t n, size_t p1, size_t p2)
{
    int k = 0;
    size_t len = longest(w, n, step3_tab, &k);
    const char *s;
    if (!len || n - len < p2)
        return n;
    s = step3_tab[k];
    n -= len;
    switch (s[0]) {
    case 'e': case 'u':                    /* -end, -ung */
        if (ends(w, n, "ig") && n - 2 >= p2 &&
            !(n >= 3 && w[n - 3] == 'e'))
            n -= 2;
        return n;
    case 'i':                              /* -ig, -ik, -isch */
        if (n >= 1 && w[n - 1] == 'e')
            return n + len;
        return n;
    case 'l': case 'h':                    /* -lich, -heit */
        if ((ends(w, n, "er") || ends(w, n, "en")) && n - 2 >= p1)
            n -= 2;
        return n;
    default:                               /* -keit */
        if (ends(w, n, "lich") && n - 4 >= p2)
            n -= 4;
        else if (ends(w, n, "ig") && n - 2 >= p2)
            n -= 2;
        return n;
    }
}

size_t brief__stem_german(uint32_t *w, size_t n)
{
    size_t p1, p2, i, len;
    int k = 0;
    n = prelude(w, n);

    /* R1, adjusted so at least 3 letters precede it; R2 as usual. */
    p1 = region(w, n, 0);
    p2 = region(w, n, p1);
    if (p1 < 3)
        p1 = n < 3 ? n : 3;

    n = step1(w, n, p1);
    n = step2(w, n, p1);
    n = step3(w, n, p1, p2);

    /* Apostrophe: "Andrea's", "Einstein'sch(e)", "Bordeaux'". Last, as
     * what it leaves is a proper noun that must not be stemmed further. */
    len = longest(w, n, apos_tab, &k);
    if (len && n - len >= 2)
        n -= len;

    for (i = 0; i < n; i++) {
        switch (w[i]) {
        case 'U': case UU: w[i] = 'u'; break;
        case 'Y': w[i] = 'y'; break;
        case AU: w[i] = 'a'; break;
        case OU: w[i] = 'o'; break;
        default: break;
        }
    }
    return n;
}

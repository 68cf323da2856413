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
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

#define SZ 0xDFu  /* ß */
#define AU 0xE4u  /* ä */
#define OU 0xF6u  /* ö */
#define UU 0xFCu  /* ü */

static int de_is_vowel(uint32_t c)
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
static int de_is_s_ending(uint32_t c)
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
    return c != 'r' && de_is_s_ending(c);
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

#define ENDS(w, n, lit) BRIEF__STEM_ENDS(w, n, lit)
#define STR(lit) BRIEF__STEM_STR(lit)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)

/* Mark u and y between vowels (they then count as consonants), then
 * ß -> ss, ae -> ä, oe -> ö, ue -> ü (but not in "qu..."). Returns n. */
static size_t de_prelude(uint32_t *w, size_t n)
{
    size_t i, k;
    /* Left to right, each decision seeing the earlier ones: a marked
     * letter is no longer a vowel, exactly as Snowball's repeat/goto. */
    for (i = 1; i + 1 < n; i++)
        if ((w[i] == 'u' || w[i] == 'y') && de_is_vowel(w[i - 1]) &&
            de_is_vowel(w[i + 1]))
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

/* Snowball's "substring/among" picks the longest match first and only
 * then tests the region, never falling back to a shorter one. */
static const brief__stem_sfx de_step1[] = {
    STR("em"), STR("ern"), STR("er"), STR("e"), STR("en"), STR("es"), STR("s"),
    STR("erin"), STR("erinnen"), STR("ln"), STR("lns"),
};
static const brief__stem_sfx de_step2[] = {
    STR("en"), STR("er"), STR("est"), STR("st"), STR("et"),
};
static const brief__stem_sfx de_step3[] = {
    STR("end"), STR("ung"), STR("ig"), STR("ik"), STR("isch"), STR("lich"),
    STR("heit"), STR("keit"),
};
static const brief__stem_sfx de_apos[] = {
    STR("'s"), STR("'sch"), STR("'"),
};
/* Stems before which -et is part of the word, not an ending. */
static const brief__stem_sfx de_et_keep[] = {
    STR("geordn"), STR("intern"), STR("plan"), STR("tick"), STR("tr"),
};

static size_t step1(const uint32_t *w, size_t n, size_t p1)
{
    int k = brief__stem_longest_r(w, p1, n, de_step1, COUNT(de_step1));
    size_t stem;
    const char *s;
    if (k < 0)
        return n;
    s = de_step1[k].s;
    stem = n - de_step1[k].len;
    if (s[0] == 'l')                       /* -ln, -lns -> -l */
        return stem + 1;
    if (s[0] == 'e' && s[1] == 'm')        /* but not "system" */
        return ENDS(w, stem, "syst") ? n : stem;
    if (s[0] == 's')                       /* the s-ending may lie outside R1 */
        return stem >= 1 && de_is_s_ending(w[stem - 1]) ? stem : n;
    /* -e, -en, -es after -niss: "bedürfnissen" -> "bedürfnis" */
    if ((s[1] == 0 || ((s[1] == 'n' || s[1] == 's') && s[2] == 0)) &&
        ENDS(w, stem, "niss"))
        stem--;
    return stem;
}

static size_t step2(const uint32_t *w, size_t n, size_t p1)
{
    int k = brief__stem_longest_r(w, p1, n, de_step2, COUNT(de_step2));
    size_t stem, j;
    const char *s;
    if (k < 0)
        return n;
    s = de_step2[k].s;
    stem = n - de_step2[k].len;
    if (s[0] == 's') {
        /* -st after an st-ending that has at least 3 letters before it */
        if (stem < 4 || !is_st_ending(w[stem - 1]))
            return n;
    } else if (s[0] == 'e' && s[1] == 't') {
        if (stem < 1 || !is_et_ending(w[stem - 1]))
            return n;
        for (j = 0; j < COUNT(de_et_keep); j++)
            if (brief__stem_ends_with(w, stem, de_et_keep[j].s,
                                      de_et_keep[j].len))
                return n;
    }
    return stem;
}

static size_t step3(const uint32_t *w, size_t n, size_t p1, size_t p2)
{
    int k = brief__stem_longest_r(w, p2, n, de_step3, COUNT(de_step3));
    size_t len;
    const char *s;
    if (k < 0)
        return n;
    s = de_step3[k].s;
    len = de_step3[k].len;
    n -= len;
    switch (s[0]) {
    case 'e': case 'u':                    /* -end, -ung */
        if (ENDS(w, n, "ig") && n - 2 >= p2 &&
            !(n >= 3 && w[n - 3] == 'e'))
            n -= 2;
        return n;
    case 'i':                              /* -ig, -ik, -isch */
        if (n >= 1 && w[n - 1] == 'e')
            return n + len;
        return n;
    case 'l': case 'h':                    /* -lich, -heit */
        if ((ENDS(w, n, "er") || ENDS(w, n, "en")) && n - 2 >= p1)
            n -= 2;
        return n;
    default:                               /* -keit */
        if (ENDS(w, n, "lich") && n - 4 >= p2)
            n -= 4;
        else if (ENDS(w, n, "ig") && n - 2 >= p2)
            n -= 2;
        return n;
    }
}

size_t brief__stem_german(uint32_t *w, size_t n)
{
    size_t p1, p2, i;
    n = de_prelude(w, n);

    /* R1, adjusted so at least 3 letters precede it; R2 as usual. */
    p1 = brief__stem_region_after_vc(w, n, de_is_vowel, 0);
    p2 = brief__stem_region_after_vc(w, n, de_is_vowel, p1);
    if (p1 < 3)
        p1 = n < 3 ? n : 3;

    n = step1(w, n, p1);
    n = step2(w, n, p1);
    n = step3(w, n, p1, p2);

    /* Apostrophe: "Andrea's", "Einstein'sch(e)", "Bordeaux'". Last, as
     * what it leaves is a proper noun that must not be stemmed further. */
    (void)brief__stem_drop_longest(w, 2, &n, de_apos, COUNT(de_apos));

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

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_german_left_out;
#endif /* BRIEF_NO_LANGS */

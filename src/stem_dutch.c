/*
 * stem_dutch.c - the Snowball Dutch stemmer, the original Porter-style
 * algorithm (Snowball's "dutch_porter"), not the Kraaij-Pohlmann one.
 *
 * Contract (see internal.h): brief__stem_dutch(w, n) stems the lower-case
 * word w[0..n) in place, w holding Unicode code points, and returns the new
 * length (never more than n). Any code points and any n are accepted;
 * nothing is allocated and there is no mutable static state.
 *
 * The markers the algorithm uses for an initial y, y after a vowel and i
 * between vowels are the code points 'Y' and 'I' (they then count as
 * consonants); the postlude lowers them again.
 */
#include "internal.h"
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

static int nl_is_vowel(uint32_t c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0xE8u: /* è */
        return 1;
    default:
        return 0;
    }
}

#define ENDS(w, n, lit) BRIEF__STEM_ENDS(w, n, lit)

/* Drop the last letter of a final kk, dd or tt. */
static size_t undouble(const uint32_t *w, size_t n)
{
    if (ENDS(w, n, "kk") || ENDS(w, n, "dd") || ENDS(w, n, "tt"))
        n--;
    return n;
}

/* Step 2 (also reused after -lijk): a final -e in R1 after a non-vowel
 * goes, then the ending is undoubled. *e_found tells whether it went,
 * which later decides about -bar. */
static size_t e_ending(const uint32_t *w, size_t n, size_t p1, int *e_found)
{
    *e_found = 0;
    if (n >= 2 && w[n - 1] == 'e' && n - 1 >= p1 && !nl_is_vowel(w[n - 2])) {
        *e_found = 1;
        n = undouble(w, n - 1);
    }
    return n;
}

/* An -en (or -ene) ending at 'stem' goes when it is in R1 and follows a
 * non-vowel that does not end "gem"; then the ending is undoubled. */
static size_t en_ending(const uint32_t *w, size_t n, size_t stem, size_t p1)
{
    if (stem < p1 || stem < 1 || nl_is_vowel(w[stem - 1]) ||
        ENDS(w, stem, "gem"))
        return n;
    return undouble(w, stem);
}

size_t brief__stem_dutch(uint32_t *w, size_t n)
{
    size_t i, p1, p2, stem;
    int e_found;

    /* Prelude: strip umlauts and acute accents (è stays a vowel). */
    for (i = 0; i < n; i++) {
        switch (w[i]) {
        case 0xE4u: case 0xE1u: w[i] = 'a'; break;
        case 0xEBu: case 0xE9u: w[i] = 'e'; break;
        case 0xEFu: case 0xEDu: w[i] = 'i'; break;
        case 0xF6u: case 0xF3u: w[i] = 'o'; break;
        case 0xFCu: case 0xFAu: w[i] = 'u'; break;
        default: break;
        }
    }
    /* Mark initial y, y after a vowel and i between vowels. Left to right,
     * each decision seeing the earlier ones (a marked letter is no longer a
     * vowel), exactly as Snowball's repeat/goto. */
    if (n && w[0] == 'y')
        w[0] = 'Y';
    for (i = 1; i < n; i++) {
        if (!nl_is_vowel(w[i - 1]))
            continue;
        if (w[i] == 'i' && i + 1 < n && nl_is_vowel(w[i + 1]))
            w[i] = 'I';
        else if (w[i] == 'y')
            w[i] = 'Y';
    }

    /* R1, adjusted so at least 3 letters precede it; R2 as usual. */
    p1 = brief__stem_region_after_vc(w, n, nl_is_vowel, 0);
    p2 = brief__stem_region_after_vc(w, n, nl_is_vowel, p1);
    if (p1 < 3)
        p1 = 3;

    /* Step 1: the longest of -heden, -en, -ene, -s, -se. */
    if (ENDS(w, n, "heden")) {
        if (n - 5 >= p1) {
            w[n - 3] = 'i';                /* -heden -> -heid */
            w[n - 2] = 'd';
            n--;
        }
    } else if (ENDS(w, n, "ene")) {
        n = en_ending(w, n, n - 3, p1);
    } else if (ENDS(w, n, "en")) {
        n = en_ending(w, n, n - 2, p1);
    } else if (ENDS(w, n, "se") || ENDS(w, n, "s")) {
        stem = n - (w[n - 1] == 'e' ? 2u : 1u);
        /* s-ending: any non-vowel but j */
        if (stem >= p1 && stem >= 1 && !nl_is_vowel(w[stem - 1]) &&
            w[stem - 1] != 'j')
            n = stem;
    }

    /* Step 2 */
    n = e_ending(w, n, p1, &e_found);

    /* Step 3a: -heid in R2, not after c; a preceding -en as in step 1. */
    if (ENDS(w, n, "heid") && n - 4 >= p2 && !ENDS(w, n - 4, "c")) {
        n -= 4;
        if (ENDS(w, n, "en"))
            n = en_ending(w, n, n - 2, p1);
    }

    /* Step 3b: d-suffixes, each only in R2. */
    if (ENDS(w, n, "end") || ENDS(w, n, "ing")) {
        if (n - 3 >= p2) {
            n -= 3;
            if (ENDS(w, n, "ig") && n - 2 >= p2 && !ENDS(w, n - 2, "e"))
                n -= 2;
            else
                n = undouble(w, n);
        }
    } else if (ENDS(w, n, "ig")) {
        if (n - 2 >= p2 && !ENDS(w, n - 2, "e"))
            n -= 2;
    } else if (ENDS(w, n, "lijk")) {
        if (n - 4 >= p2)
            n = e_ending(w, n - 4, p1, &e_found);
    } else if (ENDS(w, n, "baar")) {
        if (n - 4 >= p2)
            n -= 4;
    } else if (ENDS(w, n, "bar")) {
        if (n - 3 >= p2 && e_found)
            n -= 3;
    }

    /* Step 4: undouble a vowel in a final consonant-VV-consonant
     * ("maan" -> "man"); the last consonant must not be the marker I. */
    if (n >= 4 && !nl_is_vowel(w[n - 1]) && w[n - 1] != 'I' &&
        !nl_is_vowel(w[n - 4]) && w[n - 3] == w[n - 2] &&
        (w[n - 2] == 'a' || w[n - 2] == 'e' || w[n - 2] == 'o' ||
         w[n - 2] == 'u')) {
        w[n - 2] = w[n - 1];
        n--;
    }

    for (i = 0; i < n; i++) {
        if (w[i] == 'I')
            w[i] = 'i';
        else if (w[i] == 'Y')
            w[i] = 'y';
    }
    return n;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_dutch_left_out;
#endif /* BRIEF_NO_LANGS */

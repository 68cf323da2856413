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
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

#define AU 0xE4u  /* ä */
#define AR 0xE5u  /* å */
#define OU 0xF6u  /* ö */

static int sv_is_vowel(uint32_t c)
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
static int sv_is_s_ending(uint32_t c)
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

#define ENDS(w, n, lit) BRIEF__STEM_ENDS(w, n, lit)
#define SFX(lit, a) BRIEF__STEM_SFX(lit, a)
#define STR(lit) BRIEF__STEM_STR(lit)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)

/* Stems that end like these keep a following -et ("biet", "kommet"...). */
static const brief__stem_sfx sv_et_keep[] = {
    STR("h"), STR("iet"), STR("uit"), STR("fab"), STR("cit"), STR("dit"),
    STR("alit"), STR("ilit"), STR("mit"), STR("nit"), STR("pit"), STR("rit"),
    STR("sit"), STR("tit"), STR("ivit"), STR("kvit"), STR("xit"), STR("kom"),
    STR("rak"), STR("pak"), STR("stak"),
};

/* Can -et be removed from the stem w[0..m)? The stem must end
 * letter-vowel-consonant and not in one of et_keep. */
static int et_ok(const uint32_t *w, size_t m)
{
    size_t k;
    if (m < 3 || sv_is_vowel(w[m - 1]) || !sv_is_vowel(w[m - 2]))
        return 0;
    for (k = 0; k < COUNT(sv_et_keep); k++)
        if (brief__stem_ends_with(w, m, sv_et_keep[k].s, sv_et_keep[k].len))
            return 0;
    return 1;
}

/* What the step-1 and step-3 suffixes do beyond going. */
enum { SV_DEL, SV_S, SV_ET, SV_OST, SV_FULLT };

static const brief__stem_sfx sv_step1[] = {
    STR("a"), STR("arna"), STR("erna"), STR("heterna"), STR("orna"),
    STR("ad"), STR("e"), STR("ade"), STR("ande"), STR("arne"), STR("are"),
    STR("aste"), STR("en"), STR("anden"), STR("aren"), STR("heten"),
    STR("ern"), STR("ar"), STR("er"), STR("heter"), STR("or"), STR("as"),
    STR("arnas"), STR("ernas"), STR("ornas"), STR("es"), STR("ades"),
    STR("andes"), STR("ens"), STR("arens"), STR("hetens"), STR("erns"),
    STR("at"), STR("andet"), STR("het"), STR("ast"),
    SFX("s", SV_S), SFX("et", SV_ET)  /* conditional (see below) */
};

static const brief__stem_sfx sv_pairs[] = {
    STR("dd"), STR("gd"), STR("nn"), STR("dt"), STR("gt"), STR("kt"),
    STR("tt"),
};

static const brief__stem_sfx sv_step3[] = {
    STR("lig"), STR("ig"), STR("els"), SFX("\xf6st", SV_OST),
    SFX("fullt", SV_FULLT),
};

size_t brief__stem_swedish(uint32_t *w, size_t n)
{
    size_t p1, stem;
    int k;

    /* R1, adjusted so at least 3 letters precede it. */
    p1 = brief__stem_region_after_vc(w, n, sv_is_vowel, 0);
    if (p1 < 3 && n >= 3)
        p1 = 3;

    /* Step 1: main suffixes. */
    k = brief__stem_longest(w, p1, n, sv_step1, COUNT(sv_step1));
    if (k >= 0) {
        stem = n - sv_step1[k].len;
        if (sv_step1[k].act == SV_S) {
            /* -ets goes whole after a valid et-ending; otherwise -s goes
             * after a valid s-ending (neither needs to be in R1). */
            if (ENDS(w, stem, "et") && et_ok(w, stem - 2))
                n = stem - 2;
            else if (stem >= 1 && sv_is_s_ending(w[stem - 1]))
                n = stem;
        } else if (sv_step1[k].act == SV_ET) {
            if (et_ok(w, stem))
                n = stem;
        } else {
            n = stem;
        }
    }

    /* Step 2: a final consonant pair in R1 loses its last letter. */
    if (brief__stem_longest(w, p1, n, sv_pairs, COUNT(sv_pairs)) >= 0)
        n--;

    /* Step 3: other suffixes. */
    k = brief__stem_longest(w, p1, n, sv_step3, COUNT(sv_step3));
    if (k >= 0) {
        if (sv_step3[k].act == SV_OST) {
            if (n >= 4 && is_ost_ending(w[n - 4]))
                n--;                       /* -öst -> -ös */
        } else if (sv_step3[k].act == SV_FULLT) {
            n--;                           /* -fullt -> -full */
        } else {
            n -= sv_step3[k].len;
        }
    }
    return n;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_swedish_left_out;
#endif /* BRIEF_NO_LANGS */

/*
 * stem_portuguese.c - the Snowball Portuguese stemmer (snowballstem.org),
 * for European and Brazilian Portuguese alike.
 *
 * Contract (see internal.h): brief__stem_portuguese(w, n) stems, in place,
 * the lower-case word w[0..n) given as Unicode code points and returns the
 * new length, which is never more than n. Any code points are accepted; the
 * stemmer never allocates and keeps no state. Words longer than
 * BRIEF__MAX_STEM code points (callers never pass them) are returned
 * unchanged.
 *
 * The algorithm spells the nasal vowels ã and õ as "a~" and "o~" so that
 * the '~' counts as a consonant. That grows the word, and the caller's
 * buffer holds only BRIEF__MAX_STEM code points, so the work happens in a
 * local buffer twice that size. The result is never longer than the input:
 * every rule removes or shortens a suffix, and each "a~"/"o~" that
 * survives shrinks back to one letter at the end.
 *
 * Suffix tables are byte strings in Latin-1 (every letter the algorithm
 * names is below U+0100), so one byte compares against one code point.
 * A hex escape followed by a hex digit must be split ("\xED" "eis"), else
 * the compiler would read the digit as part of the escape.
 */
#include "internal.h"
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

#define A_TILDE 0xE3u
#define O_TILDE 0xF5u
#define C_CEDIL 0xE7u
#define E_ACUTE 0xE9u
#define E_CIRC 0xEAu

/* Vowels: a e i o u, the acute forms, and â ê ô. '~' is not one. */
static int pt_is_vowel(uint32_t c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
    case 0xE1u: case 0xE9u: case 0xEDu: case 0xF3u: case 0xFAu: /* acute */
    case 0xE2u: case 0xEAu: case 0xF4u:                 /* circumflex */
        return 1;
    default:
        return 0;
    }
}

#define SFX(lit, a) BRIEF__STEM_SFX(lit, a)
#define STR(lit) BRIEF__STEM_STR(lit)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)
#define DROP(w, lo, n, lit) BRIEF__STEM_DROP(w, lo, n, lit)

/* Actions of the step-1 table. */
enum { PT_DEL, PT_LOGIA, PT_UCAO, PT_ENCIA, PT_AMENTE, PT_MENTE, PT_IDADE, PT_IVA,
       PT_IRA };

static const brief__stem_sfx pt_std[] = {
    SFX("eza", PT_DEL), SFX("ezas", PT_DEL), SFX("ico", PT_DEL),
    SFX("ica", PT_DEL), SFX("icos", PT_DEL), SFX("icas", PT_DEL),
    SFX("ismo", PT_DEL), SFX("ismos", PT_DEL), SFX("\xE1vel", PT_DEL),
    SFX("\xEDvel", PT_DEL), SFX("ista", PT_DEL), SFX("istas", PT_DEL),
    SFX("oso", PT_DEL), SFX("osa", PT_DEL), SFX("osos", PT_DEL),
    SFX("osas", PT_DEL), SFX("amento", PT_DEL), SFX("amentos", PT_DEL),
    SFX("imento", PT_DEL), SFX("imentos", PT_DEL), SFX("adora", PT_DEL),
    SFX("ador", PT_DEL), SFX("a\xE7" "a~o", PT_DEL), SFX("adoras", PT_DEL),
    SFX("adores", PT_DEL), SFX("a\xE7o~es", PT_DEL), SFX("ante", PT_DEL),
    SFX("antes", PT_DEL), SFX("\xE2ncia", PT_DEL),
    SFX("logia", PT_LOGIA), SFX("logias", PT_LOGIA),
    SFX("u\xE7" "a~o", PT_UCAO), SFX("u\xE7o~es", PT_UCAO),
    SFX("\xEAncia", PT_ENCIA), SFX("\xEAncias", PT_ENCIA),
    SFX("amente", PT_AMENTE),
    SFX("mente", PT_MENTE),
    SFX("idade", PT_IDADE), SFX("idades", PT_IDADE),
    SFX("iva", PT_IVA), SFX("ivo", PT_IVA), SFX("ivas", PT_IVA),
    SFX("ivos", PT_IVA),
    SFX("ira", PT_IRA), SFX("iras", PT_IRA)
};

/* Step 1. Returns 1 when a suffix was removed or replaced. As in Snowball,
 * the longest suffix decides alone: when its test fails the step fails and
 * shorter suffixes are not tried. */
static int pt_standard_suffix(uint32_t *w, size_t *n, size_t rv,
                              size_t r1, size_t r2)
{
    int best = brief__stem_longest(w, 0, *n, pt_std, COUNT(pt_std));
    size_t s;
    if (best < 0)
        return 0;
    s = *n - pt_std[best].len; /* where the suffix starts */
    switch (pt_std[best].act) {
    case PT_DEL:
        if (s < r2)
            return 0;
        *n = s;
        return 1;
    case PT_LOGIA:
        if (s < r2)
            return 0;
        *n = brief__stem_replace_tail(w, s, "log");
        return 1;
    case PT_UCAO:
        if (s < r2)
            return 0;
        *n = brief__stem_replace_tail(w, s, "u");
        return 1;
    case PT_ENCIA:
        if (s < r2)
            return 0;
        *n = brief__stem_replace_tail(w, s, "ente");
        return 1;
    case PT_AMENTE: {
        static const brief__stem_sfx pre[] = {
            STR("iv"), STR("os"), STR("ic"), STR("ad")
        };
        if (s < r1)
            return 0;
        *n = s;
        /* -ivamente also loses a preceding -at-, both only in R2 */
        if (brief__stem_drop_longest(w, r2, n, pre, COUNT(pre)) == 0)
            DROP(w, r2, n, "at");
        return 1;
    }
    case PT_MENTE: {
        static const brief__stem_sfx pre[] = {
            STR("ante"), STR("avel"), STR("\xEDvel")
        };
        if (s < r2)
            return 0;
        *n = s;
        (void)brief__stem_drop_longest(w, r2, n, pre, COUNT(pre));
        return 1;
    }
    case PT_IDADE: {
        static const brief__stem_sfx pre[] = {
            STR("abil"), STR("ic"), STR("iv")
        };
        if (s < r2)
            return 0;
        *n = s;
        (void)brief__stem_drop_longest(w, r2, n, pre, COUNT(pre));
        return 1;
    }
    case PT_IVA: /* then -at- in R2, but not a further -ic- */
        if (s < r2)
            return 0;
        *n = s;
        DROP(w, r2, n, "at");
        return 1;
    default: /* PT_IRA: -eira(s) -> -eir, usually not a verb form */
        if (s < rv || s == 0 || w[s - 1] != 'e')
            return 0;
        *n = brief__stem_replace_tail(w, s, "ir");
        return 1;
    }
}

/* Step 2: verb endings, the whole ending inside RV. Returns 1 if removed. */
static int pt_verb_suffix(const uint32_t *w, size_t *n, size_t rv)
{
    static const brief__stem_sfx tab[] = {
        STR("ada"), STR("ida"), STR("ia"), STR("aria"), STR("eria"),
        STR("iria"), STR("ar\xE1"), STR("ara"), STR("er\xE1"), STR("era"),
        STR("ir\xE1"), STR("ava"), STR("asse"), STR("esse"), STR("isse"),
        STR("aste"), STR("este"), STR("iste"), STR("ei"), STR("arei"),
        STR("erei"), STR("irei"), STR("am"), STR("iam"), STR("ariam"),
        STR("eriam"), STR("iriam"), STR("aram"), STR("eram"), STR("iram"),
        STR("avam"), STR("em"), STR("arem"), STR("erem"), STR("irem"),
        STR("assem"), STR("essem"), STR("issem"), STR("ado"), STR("ido"),
        STR("ando"), STR("endo"), STR("indo"), STR("ara~o"), STR("era~o"),
        STR("ira~o"), STR("ar"), STR("er"), STR("ir"), STR("as"), STR("adas"),
        STR("idas"), STR("ias"), STR("arias"), STR("erias"), STR("irias"),
        STR("ar\xE1s"), STR("aras"), STR("er\xE1s"), STR("eras"),
        STR("ir\xE1s"), STR("avas"), STR("es"), STR("ardes"), STR("erdes"),
        STR("irdes"), STR("ares"), STR("eres"), STR("ires"), STR("asses"),
        STR("esses"), STR("isses"), STR("astes"), STR("estes"), STR("istes"),
        STR("is"), STR("ais"), STR("eis"), STR("\xED" "eis"),
        STR("ar\xED" "eis"), STR("er\xED" "eis"), STR("ir\xED" "eis"),
        STR("\xE1reis"), STR("areis"), STR("\xE9reis"), STR("ereis"),
        STR("\xEDreis"), STR("ireis"), STR("\xE1sseis"), STR("\xE9sseis"),
        STR("\xEDsseis"), STR("\xE1veis"), STR("ados"), STR("idos"),
        STR("\xE1mos"), STR("amos"), STR("\xED" "amos"), STR("ar\xED" "amos"),
        STR("er\xED" "amos"), STR("ir\xED" "amos"), STR("\xE1ramos"),
        STR("\xE9ramos"), STR("\xEDramos"), STR("\xE1vamos"), STR("emos"),
        STR("aremos"), STR("eremos"), STR("iremos"), STR("\xE1ssemos"),
        STR("\xEAssemos"), STR("\xEDssemos"), STR("imos"), STR("armos"),
        STR("ermos"), STR("irmos"), STR("eu"), STR("iu"), STR("ou"),
        STR("ira"), STR("iras"),
    };
    int k = brief__stem_longest(w, rv, *n, tab, COUNT(tab));
    if (k < 0)
        return 0;
    *n -= tab[k].len;
    return 1;
}

/* Step 4: a residual -os, -a, -i, -o, -á, -í, -ó in RV. */
static size_t residual_suffix(const uint32_t *w, size_t n, size_t rv)
{
    static const brief__stem_sfx tab[] = {
        STR("os"), STR("a"), STR("i"), STR("o"), STR("\xE1"), STR("\xED"),
        STR("\xF3")
    };
    (void)brief__stem_drop_longest(w, rv, &n, tab, COUNT(tab));
    return n;
}

/* Step 5: a final e/é/ê in RV goes, and then the u of gu or the i of ci
 * if that letter is in RV; or a final ç becomes c. */
static size_t residual_form(uint32_t *w, size_t n, size_t rv)
{
    if (n == 0)
        return n;
    if (w[n - 1] == 'e' || w[n - 1] == E_ACUTE || w[n - 1] == E_CIRC) {
        if (n - 1 < rv)
            return n;
        n--;
        if (n >= 2 && n - 1 >= rv &&
            ((w[n - 1] == 'u' && w[n - 2] == 'g') ||
             (w[n - 1] == 'i' && w[n - 2] == 'c')))
            n--;
    } else if (w[n - 1] == C_CEDIL) {
        w[n - 1] = 'c';
    }
    return n;
}

size_t brief__stem_portuguese(uint32_t *w, size_t n)
{
    uint32_t b[2 * BRIEF__MAX_STEM]; /* n letters, each at most doubled */
    size_t m = 0, i, rv, r1, r2;
    int changed;
    if (n > BRIEF__MAX_STEM)
        return n;

    /* prelude: ã -> a~, õ -> o~ */
    for (i = 0; i < n; i++) {
        if (w[i] == A_TILDE || w[i] == O_TILDE) {
            b[m++] = w[i] == A_TILDE ? 'a' : 'o';
            b[m++] = '~';
        } else {
            b[m++] = w[i];
        }
    }
    rv = brief__stem_rv(b, m, pt_is_vowel);
    r1 = brief__stem_region_after_vc(b, m, pt_is_vowel, 0);
    r2 = brief__stem_region_after_vc(b, m, pt_is_vowel, r1);

    changed = pt_standard_suffix(b, &m, rv, r1, r2);
    if (!changed)
        changed = pt_verb_suffix(b, &m, rv);
    if (changed) {
        /* step 3: -i in RV after c */
        if (m >= 2 && b[m - 1] == 'i' && b[m - 2] == 'c' && m - 1 >= rv)
            m--;
    } else {
        m = residual_suffix(b, m, rv);
    }
    m = residual_form(b, m, rv);

    /* postlude: a~ -> ã, o~ -> õ, back into the caller's buffer */
    for (i = 0, n = 0; i < m && n < BRIEF__MAX_STEM; i++) {
        if ((b[i] == 'a' || b[i] == 'o') && i + 1 < m && b[i + 1] == '~') {
            w[n++] = b[i] == 'a' ? A_TILDE : O_TILDE;
            i++;
        } else {
            w[n++] = b[i];
        }
    }
    return n;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_portuguese_left_out;
#endif /* BRIEF_NO_LANGS */

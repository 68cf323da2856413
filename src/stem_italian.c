/*
 * stem_italian.c - the Snowball Italian stemmer (snowballstem.org, version
 * with the "divan" RV exception and the elision step of Snowball 3.1.0).
 *
 * Contract (see internal.h): brief__stem_italian(w, n) stems, in place, the
 * lower-case word w[0..n) given as Unicode code points and returns the new
 * length, which is never more than n. Any n (0 included) and any code points
 * are accepted; the stemmer never allocates and keeps no state. Every rule
 * of this algorithm keeps or shrinks the word, so it can work directly in
 * the caller's buffer.
 *
 * Suffix tables are byte strings in Latin-1 (every letter the algorithm
 * names is below U+0100), so one byte compares against one code point.
 * A hex escape followed by a hex digit must be split ("\xE0" "e"), else
 * the compiler would read the digit as part of the escape.
 */
#include <string.h>
#include "internal.h"
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

/* Letters the algorithm rewrites or tests, as code points. */
#define A_GRAVE 0xE0u
#define E_GRAVE 0xE8u
#define I_GRAVE 0xECu
#define O_GRAVE 0xF2u
#define U_GRAVE 0xF9u
#define A_ACUTE 0xE1u
#define E_ACUTE 0xE9u
#define I_ACUTE 0xEDu
#define O_ACUTE 0xF3u
#define U_ACUTE 0xFAu

/* The vowels: a e i o u and their grave forms. The marked 'I' and 'U'
 * (upper case, set by the prelude) are deliberately not vowels. */
static int it_is_vowel(uint32_t c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
    case A_GRAVE: case E_GRAVE: case I_GRAVE: case O_GRAVE: case U_GRAVE:
        return 1;
    default:
        return 0;
    }
}

#define SFX(lit, a) BRIEF__STEM_SFX(lit, a)
#define STR(lit) BRIEF__STEM_STR(lit)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)
#define DROP(w, lo, n, lit) BRIEF__STEM_DROP(w, lo, n, lit)

/* ---- before the regions ------------------------------------------------- */

/* Elided articles and prepositions: "dell'acqua" -> "acqua". Only when the
 * apostrophe is not the last letter, so "l'" alone stays as it is. */
static size_t remove_elision(uint32_t *w, size_t n)
{
    static const brief__stem_sfx pre[] = {
        STR("d"), STR("l"), STR("m"), STR("s"), STR("t"), STR("v"), STR("all"),
        STR("dall"), STR("dell"), STR("gl"), STR("nell"), STR("quell"),
        STR("quest"), STR("sull"), STR("tutt"), STR("un"),
    };
    size_t a = 0, i, k;
    while (a < n && w[a] != '\'')
        a++;
    if (a + 1 >= n) /* no apostrophe, or it ends the word */
        return n;
    for (i = 0; i < COUNT(pre); i++) {
        if (pre[i].len != a)
            continue;
        for (k = 0; k < a && w[k] == (unsigned char)pre[i].s[k]; k++)
            ;
        if (k == a) {
            memmove(w, w + a + 1, (n - a - 1) * sizeof w[0]);
            return n - a - 1;
        }
    }
    return n;
}

/* Acute accents become grave; u after q, and u or i between two vowels,
 * become 'U' / 'I' so they count as consonants. The left-to-right pass sees
 * each earlier marking, exactly as Snowball's "repeat goto" does. */
static void it_prelude(uint32_t *w, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        switch (w[i]) {
        case A_ACUTE: w[i] = A_GRAVE; break;
        case E_ACUTE: w[i] = E_GRAVE; break;
        case I_ACUTE: w[i] = I_GRAVE; break;
        case O_ACUTE: w[i] = O_GRAVE; break;
        case U_ACUTE: w[i] = U_GRAVE; break;
        case 'q':
            if (i + 1 < n && w[i + 1] == 'u')
                w[++i] = 'U';
            break;
        default:
            break;
        }
    }
    for (i = 1; i + 1 < n; i++)
        if (it_is_vowel(w[i - 1]) && (w[i] == 'u' || w[i] == 'i') &&
            it_is_vowel(w[i + 1]))
            w[i] = w[i] == 'u' ? 'U' : 'I';
}

/* RV as in the Spanish stemmer, except that a word starting "divan" has RV
 * after that prefix (so "divano" is not overstemmed). */
static size_t mark_rv(const uint32_t *w, size_t n)
{
    if (n >= 5 && w[0] == 'd' && w[1] == 'i' && w[2] == 'v' &&
        w[3] == 'a' && w[4] == 'n')
        return 5;
    return brief__stem_rv(w, n, it_is_vowel);
}

/* ---- the numbered steps ------------------------------------------------- */

/* Step 0: an attached pronoun after -ando/-endo goes, after -ar/-er/-ir it
 * becomes e (guardandogli -> guardando, accomodarci -> accomodare). */
static size_t attached_pronoun(uint32_t *w, size_t n, size_t rv)
{
    static const brief__stem_sfx pron[] = {
        STR("ci"), STR("gli"), STR("la"), STR("le"), STR("li"), STR("lo"),
        STR("mi"), STR("ne"), STR("si"), STR("ti"), STR("vi"), STR("sene"),
        STR("gliela"), STR("gliele"), STR("glieli"), STR("glielo"),
        STR("gliene"), STR("mela"), STR("mele"), STR("meli"), STR("melo"),
        STR("mene"), STR("tela"), STR("tele"), STR("teli"), STR("telo"),
        STR("tene"), STR("cela"), STR("cele"), STR("celi"), STR("celo"),
        STR("cene"), STR("vela"), STR("vele"), STR("veli"), STR("velo"),
        STR("vene"),
    };
    static const brief__stem_sfx verb[] = {
        STR("ando"), STR("endo"), STR("ar"), STR("er"), STR("ir")
    };
    int p = brief__stem_longest(w, 0, n, pron, COUNT(pron)), v;
    size_t s;
    if (p < 0)
        return n;
    s = n - pron[p].len;
    v = brief__stem_longest_r(w, rv, s, verb, COUNT(verb));
    if (v < 0)
        return n;
    return v < 2 ? s : brief__stem_replace_tail(w, s, "e");
}

/* Actions of the step-1 table. */
enum { S_DEL, S_AZIONE, S_LOGIA, S_UZIONE, S_ENZA, S_AMENTO, S_AMENTE,
       S_ITA, S_IVO };

static const brief__stem_sfx it_std[] = {
    SFX("anza", S_DEL), SFX("anze", S_DEL), SFX("ico", S_DEL),
    SFX("ici", S_DEL), SFX("ica", S_DEL), SFX("ice", S_DEL),
    SFX("iche", S_DEL), SFX("ichi", S_DEL), SFX("ismo", S_DEL),
    SFX("ismi", S_DEL), SFX("abile", S_DEL), SFX("abili", S_DEL),
    SFX("ibile", S_DEL), SFX("ibili", S_DEL), SFX("ista", S_DEL),
    SFX("iste", S_DEL), SFX("isti", S_DEL), SFX("ist\xE0", S_DEL),
    SFX("ist\xE8", S_DEL), SFX("ist\xEC", S_DEL), SFX("oso", S_DEL),
    SFX("osi", S_DEL), SFX("osa", S_DEL), SFX("ose", S_DEL),
    SFX("mente", S_DEL), SFX("atrice", S_DEL), SFX("atrici", S_DEL),
    SFX("ante", S_DEL), SFX("anti", S_DEL),
    SFX("azione", S_AZIONE), SFX("azioni", S_AZIONE),
    SFX("atore", S_AZIONE), SFX("atori", S_AZIONE),
    SFX("logia", S_LOGIA), SFX("logie", S_LOGIA),
    SFX("uzione", S_UZIONE), SFX("uzioni", S_UZIONE),
    SFX("usione", S_UZIONE), SFX("usioni", S_UZIONE),
    SFX("enza", S_ENZA), SFX("enze", S_ENZA),
    SFX("amento", S_AMENTO), SFX("amenti", S_AMENTO),
    SFX("imento", S_AMENTO), SFX("imenti", S_AMENTO),
    SFX("amente", S_AMENTE),
    SFX("it\xE0", S_ITA),
    SFX("ivo", S_IVO), SFX("ivi", S_IVO), SFX("iva", S_IVO), SFX("ive", S_IVO)
};

/* Step 1. Returns 1 when a suffix was removed or replaced (then step 2 is
 * skipped). As in Snowball, the longest suffix decides alone: when its
 * region test fails the step fails, shorter suffixes are not tried. */
static int it_standard_suffix(uint32_t *w, size_t *n, size_t rv,
                              size_t r1, size_t r2)
{
    int best = brief__stem_longest(w, 0, *n, it_std, COUNT(it_std));
    size_t s;
    if (best < 0)
        return 0;
    s = *n - it_std[best].len; /* where the suffix starts */
    switch (it_std[best].act) {
    case S_DEL:
        if (s < r2)
            return 0;
        *n = s;
        return 1;
    case S_AZIONE:
        if (s < r2)
            return 0;
        *n = s;
        DROP(w, r2, n, "ic");
        return 1;
    case S_LOGIA:
        if (s < r2)
            return 0;
        *n = brief__stem_replace_tail(w, s, "log");
        return 1;
    case S_UZIONE:
        if (s < r2)
            return 0;
        *n = brief__stem_replace_tail(w, s, "u");
        return 1;
    case S_ENZA:
        if (s < r2)
            return 0;
        *n = brief__stem_replace_tail(w, s, "ente");
        return 1;
    case S_AMENTO:
        if (s < rv)
            return 0;
        *n = s;
        return 1;
    case S_AMENTE: {
        static const brief__stem_sfx pre[] = {
            STR("iv"), STR("os"), STR("ic"), STR("abil")
        };
        if (s < r1)
            return 0;
        *n = s;
        /* -ivamente also loses a preceding -at-, both only in R2 */
        if (brief__stem_drop_longest(w, r2, n, pre, COUNT(pre)) == 0)
            DROP(w, r2, n, "at");
        return 1;
    }
    case S_ITA: {
        static const brief__stem_sfx pre[] = {
            STR("abil"), STR("ic"), STR("iv")
        };
        if (s < r2)
            return 0;
        *n = s;
        (void)brief__stem_drop_longest(w, r2, n, pre, COUNT(pre));
        return 1;
    }
    default: /* S_IVO: then -at-, and before that -ic-, each in R2 */
        if (s < r2)
            return 0;
        *n = s;
        if (DROP(w, r2, n, "at"))
            DROP(w, r2, n, "ic");
        return 1;
    }
}

/* Step 2: verb endings, the whole ending inside RV. */
static size_t it_verb_suffix(const uint32_t *w, size_t n, size_t rv)
{
    static const brief__stem_sfx tab[] = {
        STR("ammo"), STR("ando"), STR("ano"), STR("are"), STR("arono"),
        STR("asse"), STR("assero"), STR("assi"), STR("assimo"), STR("ata"),
        STR("ate"), STR("ati"), STR("ato"), STR("ava"), STR("avamo"),
        STR("avano"), STR("avate"), STR("avi"), STR("avo"), STR("emmo"),
        STR("enda"), STR("ende"), STR("endi"), STR("endo"), STR("er\xE0"),
        STR("erai"), STR("eranno"), STR("ere"), STR("erebbe"), STR("erebbero"),
        STR("erei"), STR("eremmo"), STR("eremo"), STR("ereste"), STR("eresti"),
        STR("erete"), STR("er\xF2"), STR("erono"), STR("essero"), STR("ete"),
        STR("eva"), STR("evamo"), STR("evano"), STR("evate"), STR("evi"),
        STR("evo"), STR("Yamo"), STR("iamo"), STR("immo"), STR("ir\xE0"),
        STR("irai"), STR("iranno"), STR("ire"), STR("irebbe"), STR("irebbero"),
        STR("irei"), STR("iremmo"), STR("iremo"), STR("ireste"), STR("iresti"),
        STR("irete"), STR("ir\xF2"), STR("irono"), STR("isca"), STR("iscano"),
        STR("isce"), STR("isci"), STR("isco"), STR("iscono"), STR("issero"),
        STR("ita"), STR("ite"), STR("iti"), STR("ito"), STR("iva"),
        STR("ivamo"), STR("ivano"), STR("ivate"), STR("ivi"), STR("ivo"),
        STR("ono"), STR("uta"), STR("ute"), STR("uti"), STR("uto"),
        STR("ar"), STR("ir") /* but not "er": too often not a verb ending */
    };
    int k = brief__stem_longest(w, rv, n, tab, COUNT(tab));
    return k < 0 ? n : n - tab[k].len;
}

/* Step 3a: a final vowel in RV, then an i before it in RV (crocchi ->
 * crocch); step 3b: ch/gh in RV lose the h (crocch -> crocc). */
static size_t vowel_suffix(const uint32_t *w, size_t n, size_t rv)
{
    if (n > rv) {
        switch (w[n - 1]) {
        case 'a': case 'e': case 'i': case 'o':
        case A_GRAVE: case E_GRAVE: case I_GRAVE: case O_GRAVE:
            n--;
            if (n > rv && w[n - 1] == 'i')
                n--;
            break;
        default:
            break;
        }
    }
    if (n >= 2 && w[n - 1] == 'h' && (w[n - 2] == 'c' || w[n - 2] == 'g') &&
        n - 2 >= rv)
        n--;
    return n;
}

size_t brief__stem_italian(uint32_t *w, size_t n)
{
    size_t rv, r1, r2, i;
    n = remove_elision(w, n);
    it_prelude(w, n);
    rv = mark_rv(w, n);
    r1 = brief__stem_region_after_vc(w, n, it_is_vowel, 0);
    r2 = brief__stem_region_after_vc(w, n, it_is_vowel, r1);

    n = attached_pronoun(w, n, rv);
    if (!it_standard_suffix(w, &n, rv, r1, r2))
        n = it_verb_suffix(w, n, rv);
    n = vowel_suffix(w, n, rv);

    for (i = 0; i < n; i++) /* postlude: unmark I and U */
        if (w[i] == 'I')
            w[i] = 'i';
        else if (w[i] == 'U')
            w[i] = 'u';
    return n;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_italian_left_out;
#endif /* BRIEF_NO_LANGS */

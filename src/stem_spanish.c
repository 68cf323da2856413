/*
 * stem_spanish.c - the Snowball Spanish stemmer (algorithm of Snowball 3.x,
 * which also removes the unaccented -acion and -ucion).
 *
 * Contract (see internal.h): brief__stem_spanish(w, n) stems in place the
 * lower-case word w[0..n) given as Unicode code points and returns the new
 * length, never more than n. Any code points are accepted; words longer
 * than BRIEF__MAX_STEM are returned unchanged. No allocation and no
 * mutable static state.
 *
 * The code follows the Snowball program closely (a cursor c, a backward
 * limit lb, a slice bra..ket) because the exact order of tests decides the
 * output on odd words; the comments name the Snowball construct each piece
 * implements. No Spanish rule lengthens the word, so it works directly in
 * the caller's buffer.
 */
#include "internal.h"
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

/* Table strings are Latin-1 bytes: a byte's value is its code point. */
#define A_ACUTE "\341" /* a-acute */
#define E_ACUTE "\351" /* e-acute */
#define I_ACUTE "\355" /* i-acute */
#define O_ACUTE "\363" /* o-acute */

/* The word (the caller's buffer), cursor, limit, slice, regions. */
typedef brief__stem_env es_env;

#define SFX(lit, a) BRIEF__STEM_SFX(lit, a)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)

/* The Spanish vowels: a e i o u, the acute ones and u-diaeresis. */
static int es_v(uint32_t ch)
{
    switch (ch) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
    case 0xE1: case 0xE9: case 0xED: case 0xF3: case 0xFA: case 0xFC:
        return 1;
    default:
        return 0;
    }
}

static int es_rv(const es_env *z) { return z->pv <= z->c; }
static int es_r1(const es_env *z) { return z->p1 <= z->c; }
static int es_r2(const es_env *z) { return z->p2 <= z->c; }

/* ---- postlude ----------------------------------------------------------- */

/* Remove the acute accents. */
static void es_postlude(es_env *z)
{
    size_t i;
    for (i = 0; i < z->l; i++) {
        switch (z->p[i]) {
        case 0xE1: z->p[i] = 'a'; break;
        case 0xE9: z->p[i] = 'e'; break;
        case 0xED: z->p[i] = 'i'; break;
        case 0xF3: z->p[i] = 'o'; break;
        case 0xFA: z->p[i] = 'u'; break;
        default: break;
        }
    }
}

/* ---- step 0: attached pronoun ------------------------------------------- */

static const brief__stem_sfx es_pronoun[] = {
    SFX("me", 1), SFX("se", 1), SFX("sela", 1), SFX("selo", 1),
    SFX("selas", 1), SFX("selos", 1), SFX("la", 1), SFX("le", 1), SFX("lo", 1),
    SFX("las", 1), SFX("les", 1), SFX("los", 1), SFX("nos", 1),
};

static const brief__stem_sfx es_before_pronoun[] = {
    SFX("i" E_ACUTE "ndo", 1), SFX(A_ACUTE "ndo", 2), SFX(A_ACUTE "r", 3),
    SFX(E_ACUTE "r", 4), SFX(I_ACUTE "r", 5),
    SFX("ando", 6), SFX("iendo", 6), SFX("ar", 6), SFX("er", 6), SFX("ir", 6),
    SFX("yendo", 7),
};

static void es_attached_pronoun(es_env *z)
{
    static const char *const plain[] = {"iendo", "ando", "ar", "er", "ir"};
    int a;
    z->ket = z->c;
    if (!brief__stem_among_b(z, es_pronoun, COUNT(es_pronoun)))
        return;
    z->bra = z->c;
    /* substring RV among ( ... ): the verb ending must start in RV */
    a = brief__stem_among_b(z, es_before_pronoun, COUNT(es_before_pronoun));
    if (!a || !es_rv(z))
        return;
    if (a <= 5) {
        /* ] <- unaccented: drop the pronoun and the accent together */
        z->bra = z->c;
        brief__stem_slice_from(z, plain[a - 1]);
    } else if (a == 6) {
        brief__stem_delete(z);
    } else if (z->c > z->lb && z->p[z->c - 1] == 'u') {
        brief__stem_delete(z);          /* u yendo: the u may be in RV */
    }
}

/* ---- step 1: standard suffixes ------------------------------------------ */

static const brief__stem_sfx es_std[] = {
    SFX("anza", 1), SFX("anzas", 1), SFX("ico", 1), SFX("ica", 1),
    SFX("icos", 1), SFX("icas", 1), SFX("ismo", 1), SFX("ismos", 1),
    SFX("able", 1), SFX("ables", 1), SFX("ible", 1), SFX("ibles", 1),
    SFX("ista", 1), SFX("istas", 1), SFX("oso", 1), SFX("osa", 1),
    SFX("osos", 1), SFX("osas", 1), SFX("amiento", 1),
    SFX("amientos", 1), SFX("imiento", 1), SFX("imientos", 1),
    SFX("adora", 2), SFX("ador", 2), SFX("aci" O_ACUTE "n", 2),
    SFX("adoras", 2), SFX("adores", 2), SFX("aciones", 2), SFX("ante", 2),
    SFX("antes", 2), SFX("ancia", 2), SFX("ancias", 2), SFX("acion", 2),
    SFX("log" I_ACUTE "a", 3), SFX("log" I_ACUTE "as", 3),
    SFX("uci" O_ACUTE "n", 4), SFX("uciones", 4), SFX("ucion", 4),
    SFX("encia", 5), SFX("encias", 5),
    SFX("amente", 6),
    SFX("mente", 7),
    SFX("idad", 8), SFX("idades", 8),
    SFX("iva", 9), SFX("ivo", 9), SFX("ivas", 9), SFX("ivos", 9),
};

static const brief__stem_sfx es_amente[] = {
    SFX("iv", 1), SFX("os", 2), SFX("ic", 2), SFX("ad", 2),
};

static const brief__stem_sfx es_mente[] = {
    SFX("ante", 1), SFX("able", 1), SFX("ible", 1),
};

static const brief__stem_sfx es_idad[] = {
    SFX("abil", 1), SFX("ic", 1), SFX("iv", 1),
};

/* try ( [s] R2 delete ) for a literal s */
static void es_try_r2_delete(es_env *z, const char *s)
{
    size_t m = z->l - z->c;
    z->ket = z->c;
    if (brief__stem_eq_b(z, s)) {
        z->bra = z->c;
        if (es_r2(z)) {
            brief__stem_delete(z);
            return;
        }
    }
    z->c = z->l - m;
}

/* try ( [substring] among (tab) R2 delete ), with -iv-at for 'amente' */
static void es_try_among_r2(es_env *z, const brief__stem_sfx *tab,
                            size_t count)
{
    size_t m = z->l - z->c;
    int a;
    z->ket = z->c;
    a = brief__stem_among_b(z, tab, count);
    if (a) {
        z->bra = z->c;
        if (es_r2(z)) {
            brief__stem_delete(z);
            if (tab == es_amente && a == 1)
                es_try_r2_delete(z, "at");
        }
    }
    z->c = z->l - m;
}

static int es_standard_suffix(es_env *z)
{
    int a;
    z->ket = z->c;
    a = brief__stem_among_b(z, es_std, COUNT(es_std));
    if (!a)
        return 0;
    z->bra = z->c;
    if (a == 6 ? !es_r1(z) : !es_r2(z))
        return 0;
    switch (a) {
    case 1:
        brief__stem_delete(z);
        break;
    case 2:
        brief__stem_delete(z);
        es_try_r2_delete(z, "ic");
        break;
    case 3:
        brief__stem_slice_from(z, "log");
        break;
    case 4:
        brief__stem_slice_from(z, "u");
        break;
    case 5:
        brief__stem_slice_from(z, "ente");
        break;
    case 6:
        brief__stem_delete(z);
        es_try_among_r2(z, es_amente, COUNT(es_amente));
        break;
    case 7:
        brief__stem_delete(z);
        es_try_among_r2(z, es_mente, COUNT(es_mente));
        break;
    case 8:
        brief__stem_delete(z);
        es_try_among_r2(z, es_idad, COUNT(es_idad));
        break;
    default:
        brief__stem_delete(z);
        es_try_r2_delete(z, "at");
        break;
    }
    return 1;
}

/* ---- step 2: verb suffixes ---------------------------------------------- */

static const brief__stem_sfx es_yverb[] = {
    SFX("ya", 1), SFX("ye", 1), SFX("yan", 1), SFX("yen", 1), SFX("yeron", 1),
    SFX("yendo", 1), SFX("yo", 1), SFX("y" O_ACUTE, 1), SFX("yas", 1),
    SFX("yes", 1), SFX("yais", 1), SFX("yamos", 1),
};

/* setlimit tomark pV for ([substring]) among ( ... ('u' delete) ): only
 * the suffix has to be in RV, the u before it need not. */
static int es_y_verb_suffix(es_env *z)
{
    size_t lb = z->lb;
    int a;
    if (z->c < z->pv)
        return 0;
    z->lb = z->pv;
    z->ket = z->c;
    a = brief__stem_among_b(z, es_yverb, COUNT(es_yverb));
    z->lb = lb;
    if (!a)
        return 0;
    z->bra = z->c;
    if (z->c <= z->lb || z->p[z->c - 1] != 'u')
        return 0;
    brief__stem_delete(z);
    return 1;
}

static const brief__stem_sfx es_verb[] = {
    SFX("en", 1), SFX("es", 1), SFX(E_ACUTE "is", 1), SFX("emos", 1),

    SFX("ar" I_ACUTE "an", 2), SFX("ar" I_ACUTE "as", 2),
    SFX("ar" A_ACUTE "n", 2), SFX("ar" A_ACUTE "s", 2),
    SFX("ar" I_ACUTE "ais", 2), SFX("ar" I_ACUTE "a", 2),
    SFX("ar" E_ACUTE "is", 2), SFX("ar" I_ACUTE "amos", 2), SFX("aremos", 2),
    SFX("ar" A_ACUTE, 2), SFX("ar" E_ACUTE, 2),
    SFX("er" I_ACUTE "an", 2), SFX("er" I_ACUTE "as", 2),
    SFX("er" A_ACUTE "n", 2), SFX("er" A_ACUTE "s", 2),
    SFX("er" I_ACUTE "ais", 2), SFX("er" I_ACUTE "a", 2),
    SFX("er" E_ACUTE "is", 2), SFX("er" I_ACUTE "amos", 2), SFX("eremos", 2),
    SFX("er" A_ACUTE, 2), SFX("er" E_ACUTE, 2),
    SFX("ir" I_ACUTE "an", 2), SFX("ir" I_ACUTE "as", 2),
    SFX("ir" A_ACUTE "n", 2), SFX("ir" A_ACUTE "s", 2),
    SFX("ir" I_ACUTE "ais", 2), SFX("ir" I_ACUTE "a", 2),
    SFX("ir" E_ACUTE "is", 2), SFX("ir" I_ACUTE "amos", 2), SFX("iremos", 2),
    SFX("ir" A_ACUTE, 2), SFX("ir" E_ACUTE, 2),

    SFX("aba", 2), SFX("ada", 2), SFX("ida", 2), SFX(I_ACUTE "a", 2),
    SFX("ara", 2), SFX("iera", 2), SFX("ad", 2), SFX("ed", 2), SFX("id", 2),
    SFX("ase", 2), SFX("iese", 2), SFX("aste", 2), SFX("iste", 2),
    SFX("an", 2), SFX("aban", 2), SFX(I_ACUTE "an", 2), SFX("aran", 2),
    SFX("ieran", 2), SFX("asen", 2), SFX("iesen", 2), SFX("aron", 2),
    SFX("ieron", 2), SFX("ado", 2), SFX("ido", 2), SFX("ando", 2),
    SFX("iendo", 2), SFX("i" O_ACUTE, 2), SFX("ar", 2), SFX("er", 2),
    SFX("ir", 2), SFX("as", 2), SFX("abas", 2), SFX("adas", 2), SFX("idas", 2),
    SFX(I_ACUTE "as", 2), SFX("aras", 2), SFX("ieras", 2), SFX("ases", 2),
    SFX("ieses", 2), SFX(I_ACUTE "s", 2), SFX(A_ACUTE "is", 2),
    SFX("abais", 2), SFX(I_ACUTE "ais", 2), SFX("arais", 2), SFX("ierais", 2),
    SFX("aseis", 2), SFX("ieseis", 2), SFX("asteis", 2), SFX("isteis", 2),
    SFX("ados", 2), SFX("idos", 2), SFX("amos", 2),
    SFX(A_ACUTE "bamos", 2), SFX(I_ACUTE "amos", 2), SFX("imos", 2),
    SFX(A_ACUTE "ramos", 2), SFX("i" E_ACUTE "ramos", 2),
    SFX("i" E_ACUTE "semos", 2), SFX(A_ACUTE "semos", 2),
};

/* setlimit tomark pV for ([substring]) among ( ... ): the suffix is in
 * RV; the gu test for en/es/éis/emos looks outside it too. */
static int es_verb_suffix(es_env *z)
{
    size_t lb = z->lb;
    int a;
    if (z->c < z->pv)
        return 0;
    z->lb = z->pv;
    z->ket = z->c;
    a = brief__stem_among_b(z, es_verb, COUNT(es_verb));
    z->lb = lb;
    if (!a)
        return 0;
    z->bra = z->c;
    /* try ('u' test 'g') ] delete */
    if (a == 1 && z->c >= 2 && z->p[z->c - 1] == 'u' &&
        z->p[z->c - 2] == 'g')
        z->bra = z->c - 1;
    brief__stem_delete(z);
    return 1;
}

/* ---- step 3: residual suffix -------------------------------------------- */

static const brief__stem_sfx es_resid[] = {
    SFX("os", 1), SFX("a", 1), SFX("o", 1), SFX(A_ACUTE, 1), SFX(I_ACUTE, 1),
    SFX(O_ACUTE, 1), SFX("e", 2), SFX(E_ACUTE, 2),
};

static void es_residual_suffix(es_env *z)
{
    int a;
    z->ket = z->c;
    a = brief__stem_among_b(z, es_resid, COUNT(es_resid));
    if (!a)
        return;
    z->bra = z->c;
    if (!es_rv(z))
        return;
    brief__stem_delete(z);
    /* e, é: try ( ['u'] test 'g' RV delete ) */
    if (a == 2 && z->c >= 2 && z->p[z->c - 1] == 'u' &&
        z->p[z->c - 2] == 'g' && z->c - 1 >= z->pv) {
        z->ket = z->c;
        z->bra = z->c - 1;
        z->c--;
        brief__stem_delete(z);
    }
}

size_t brief__stem_spanish(uint32_t *w, size_t n)
{
    es_env z;
    size_t m;
    if (n > BRIEF__MAX_STEM)
        return n;
    z.p = w;
    z.l = z.cap = n; /* no Spanish rule lengthens the word */
    z.c = z.lb = z.bra = z.ket = 0;
    z.pv = brief__stem_rv(w, n, es_v);
    z.p1 = brief__stem_region_after_vc(w, n, es_v, 0);
    z.p2 = brief__stem_region_after_vc(w, n, es_v, z.p1);

    /* backwards ( do step0 do (step1 or step2a or step2b) do step3 ) */
    z.c = z.l;
    es_attached_pronoun(&z);
    z.c = z.l;
    m = z.l - z.c;
    if (!es_standard_suffix(&z)) {
        z.c = z.l - m;
        if (!es_y_verb_suffix(&z)) {
            z.c = z.l - m;
            (void)es_verb_suffix(&z);
        }
    }
    z.c = z.l;
    es_residual_suffix(&z);
    es_postlude(&z);
    return z.l;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_spanish_left_out;
#endif /* BRIEF_NO_LANGS */

/* The letters as strings are this file's own (stem_italian.c spells them
 * as code points): undefined here so the amalgamation (onebrief.c) can
 * include both. */
#undef A_ACUTE
#undef E_ACUTE
#undef I_ACUTE
#undef O_ACUTE

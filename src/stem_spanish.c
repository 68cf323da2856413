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
#include <string.h>
#include "internal.h"

/* Table strings are Latin-1 bytes: a byte's value is its code point. */
#define A_ACUTE "\341" /* a-acute */
#define E_ACUTE "\351" /* e-acute */
#define I_ACUTE "\355" /* i-acute */
#define O_ACUTE "\363" /* o-acute */

typedef struct es_env {
    uint32_t *p;
    size_t l;            /* length of the word                       */
    size_t c;            /* cursor                                   */
    size_t lb;           /* backward limit (setlimit ... for)        */
    size_t bra, ket;     /* the slice that <- and delete act on       */
    size_t pv, p1, p2;   /* start of RV, R1, R2                       */
} es_env;

struct es_among {
    const char *s;
    int action;
};

#define ES_N(t) (sizeof (t) / sizeof (t)[0])

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

/* Backward literal: does s end at the cursor (not below lb)? Moves c. */
static int es_eq_b(es_env *z, const char *s)
{
    size_t len = strlen(s), i;
    if (z->c - z->lb < len)
        return 0;
    for (i = 0; i < len; i++)
        if (z->p[z->c - len + i] != (unsigned char)s[i])
            return 0;
    z->c -= len;
    return 1;
}

/* Backward among: the longest entry ending at the cursor wins (Snowball
 * never falls back to a shorter one when the winner's action fails).
 * Returns its action and moves c to its start, or 0 when none matches. */
static int es_among_b(es_env *z, const struct es_among *tab, size_t count)
{
    size_t i, best_len = 0;
    int best = 0;
    for (i = 0; i < count; i++) {
        size_t len = strlen(tab[i].s), k;
        if (len <= best_len && best)
            continue;
        if (z->c - z->lb < len)
            continue;
        for (k = 0; k < len; k++)
            if (z->p[z->c - len + k] != (unsigned char)tab[i].s[k])
                break;
        if (k == len) {
            best = tab[i].action;
            best_len = len;
        }
    }
    if (best)
        z->c -= best_len;
    return best;
}

/* Replace the slice bra..ket by s (Snowball "<-"). Every replacement in
 * this stemmer is no longer than its slice, so the word never grows; a
 * longer one is refused rather than written past the buffer. */
static void es_slice_from(es_env *z, const char *s)
{
    size_t len = strlen(s), old = z->ket - z->bra, i;
    if (len > old)
        return;
    memmove(z->p + z->bra + len, z->p + z->ket,
            (z->l - z->ket) * sizeof z->p[0]);
    for (i = 0; i < len; i++)
        z->p[z->bra + i] = (unsigned char)s[i];
    z->l = z->l - old + len;
    if (z->c >= z->ket)
        z->c = z->c - old + len;
    else if (z->c > z->bra)
        z->c = z->bra;
    z->ket = z->bra + len;
}

static void es_delete(es_env *z)
{
    es_slice_from(z, "");
}

static int es_rv(const es_env *z) { return z->pv <= z->c; }
static int es_r1(const es_env *z) { return z->p1 <= z->c; }
static int es_r2(const es_env *z) { return z->p2 <= z->c; }

/* ---- regions and postlude ------------------------------------------------ */

/* First index >= from where the letter is (want = 1) or is not (want = 0)
 * a vowel; l when there is none. */
static size_t es_find(const es_env *z, size_t from, int want)
{
    while (from < z->l && es_v(z->p[from]) != want)
        from++;
    return from;
}

/* gopast v gopast non-v from 'from'; the word's end if not found. */
static size_t es_region(const es_env *z, size_t from)
{
    size_t i = es_find(z, from, 1);
    if (i < z->l)
        i = es_find(z, i + 1, 0);
    return i < z->l ? i + 1 : z->l;
}

/* RV: vowel, consonant -> after the next vowel; vowel, vowel -> after the
 * next consonant; consonant, consonant -> after the next vowel;
 * consonant, vowel -> after the third letter; else the end. */
static void es_mark_regions(es_env *z)
{
    size_t i;
    z->pv = z->l;
    if (z->l >= 2) {
        int v0 = es_v(z->p[0]), v1 = es_v(z->p[1]);
        if (v1 && !v0) {
            if (z->l >= 3)
                z->pv = 3;
        } else {
            /* v0 && !v1: gopast v; v0 && v1: gopast non-v;
             * !v0 && !v1: gopast v */
            i = es_find(z, 2, (v0 && v1) ? 0 : 1);
            if (i < z->l)
                z->pv = i + 1;
        }
    }
    z->p1 = es_region(z, 0);
    z->p2 = es_region(z, z->p1);
}

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

static const struct es_among es_pronoun[] = {
    {"me", 1}, {"se", 1}, {"sela", 1}, {"selo", 1}, {"selas", 1},
    {"selos", 1}, {"la", 1}, {"le", 1}, {"lo", 1}, {"las", 1}, {"les", 1},
    {"los", 1}, {"nos", 1},
};

static const struct es_among es_before_pronoun[] = {
    {"i" E_ACUTE "ndo", 1}, {A_ACUTE "ndo", 2}, {A_ACUTE "r", 3},
    {E_ACUTE "r", 4}, {I_ACUTE "r", 5},
    {"ando", 6}, {"iendo", 6}, {"ar", 6}, {"er", 6}, {"ir", 6},
    {"yendo", 7},
};

static void es_attached_pronoun(es_env *z)
{
    static const char *const plain[] = {"iendo", "ando", "ar", "er", "ir"};
    int a;
    z->ket = z->c;
    if (!es_among_b(z, es_pronoun, ES_N(es_pronoun)))
        return;
    z->bra = z->c;
    /* substring RV among ( ... ): the verb ending must start in RV */
    a = es_among_b(z, es_before_pronoun, ES_N(es_before_pronoun));
    if (!a || !es_rv(z))
        return;
    if (a <= 5) {
        /* ] <- unaccented: drop the pronoun and the accent together */
        z->bra = z->c;
        es_slice_from(z, plain[a - 1]);
    } else if (a == 6) {
        es_delete(z);
    } else if (z->c > z->lb && z->p[z->c - 1] == 'u') {
        es_delete(z);                       /* u yendo: the u may be in RV */
    }
}

/* ---- step 1: standard suffixes ------------------------------------------ */

static const struct es_among es_std[] = {
    {"anza", 1}, {"anzas", 1}, {"ico", 1}, {"ica", 1}, {"icos", 1},
    {"icas", 1}, {"ismo", 1}, {"ismos", 1}, {"able", 1}, {"ables", 1},
    {"ible", 1}, {"ibles", 1}, {"ista", 1}, {"istas", 1}, {"oso", 1},
    {"osa", 1}, {"osos", 1}, {"osas", 1}, {"amiento", 1},
    {"amientos", 1}, {"imiento", 1}, {"imientos", 1},
    {"adora", 2}, {"ador", 2}, {"aci" O_ACUTE "n", 2}, {"adoras", 2},
    {"adores", 2}, {"aciones", 2}, {"ante", 2}, {"antes", 2},
    {"ancia", 2}, {"ancias", 2}, {"acion", 2},
    {"log" I_ACUTE "a", 3}, {"log" I_ACUTE "as", 3},
    {"uci" O_ACUTE "n", 4}, {"uciones", 4}, {"ucion", 4},
    {"encia", 5}, {"encias", 5},
    {"amente", 6},
    {"mente", 7},
    {"idad", 8}, {"idades", 8},
    {"iva", 9}, {"ivo", 9}, {"ivas", 9}, {"ivos", 9},
};

static const struct es_among es_amente[] = {
    {"iv", 1}, {"os", 2}, {"ic", 2}, {"ad", 2},
};

static const struct es_among es_mente[] = {
    {"ante", 1}, {"able", 1}, {"ible", 1},
};

static const struct es_among es_idad[] = {
    {"abil", 1}, {"ic", 1}, {"iv", 1},
};

/* try ( [s] R2 delete ) for a literal s */
static void es_try_r2_delete(es_env *z, const char *s)
{
    size_t m = z->l - z->c;
    z->ket = z->c;
    if (es_eq_b(z, s)) {
        z->bra = z->c;
        if (es_r2(z)) {
            es_delete(z);
            return;
        }
    }
    z->c = z->l - m;
}

/* try ( [substring] among (tab) R2 delete ), with -iv-at for 'amente' */
static void es_try_among_r2(es_env *z, const struct es_among *tab,
                            size_t count)
{
    size_t m = z->l - z->c;
    int a;
    z->ket = z->c;
    a = es_among_b(z, tab, count);
    if (a) {
        z->bra = z->c;
        if (es_r2(z)) {
            es_delete(z);
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
    a = es_among_b(z, es_std, ES_N(es_std));
    if (!a)
        return 0;
    z->bra = z->c;
    if (a == 6 ? !es_r1(z) : !es_r2(z))
        return 0;
    switch (a) {
    case 1:
        es_delete(z);
        break;
    case 2:
        es_delete(z);
        es_try_r2_delete(z, "ic");
        break;
    case 3:
        es_slice_from(z, "log");
        break;
    case 4:
        es_slice_from(z, "u");
        break;
    case 5:
        es_slice_from(z, "ente");
        break;
    case 6:
        es_delete(z);
        es_try_among_r2(z, es_amente, ES_N(es_amente));
        break;
    case 7:
        es_delete(z);
        es_try_among_r2(z, es_mente, ES_N(es_mente));
        break;
    case 8:
        es_delete(z);
        es_try_among_r2(z, es_idad, ES_N(es_idad));
        break;
    default:
        es_delete(z);
        es_try_r2_delete(z, "at");
        break;
    }
    return 1;
}

/* ---- step 2: verb suffixes ---------------------------------------------- */

static const struct es_among es_yverb[] = {
    {"ya", 1}, {"ye", 1}, {"yan", 1}, {"yen", 1}, {"yeron", 1},
    {"yendo", 1}, {"yo", 1}, {"y" O_ACUTE, 1}, {"yas", 1}, {"yes", 1},
    {"yais", 1}, {"yamos", 1},
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
    a = es_among_b(z, es_yverb, ES_N(es_yverb));
    z->lb = lb;
    if (!a)
        return 0;
    z->bra = z->c;
    if (z->c <= z->lb || z->p[z->c - 1] != 'u')
        return 0;
    es_delete(z);
    return 1;
}

static const struct es_among es_verb[] = {
    {"en", 1}, {"es", 1}, {E_ACUTE "is", 1}, {"emos", 1},

    {"ar" I_ACUTE "an", 2}, {"ar" I_ACUTE "as", 2}, {"ar" A_ACUTE "n", 2},
    {"ar" A_ACUTE "s", 2}, {"ar" I_ACUTE "ais", 2}, {"ar" I_ACUTE "a", 2},
    {"ar" E_ACUTE "is", 2}, {"ar" I_ACUTE "amos", 2}, {"aremos", 2},
    {"ar" A_ACUTE, 2}, {"ar" E_ACUTE, 2},
    {"er" I_ACUTE "an", 2}, {"er" I_ACUTE "as", 2}, {"er" A_ACUTE "n", 2},
    {"er" A_ACUTE "s", 2}, {"er" I_ACUTE "ais", 2}, {"er" I_ACUTE "a", 2},
    {"er" E_ACUTE "is", 2}, {"er" I_ACUTE "amos", 2}, {"eremos", 2},
    {"er" A_ACUTE, 2}, {"er" E_ACUTE, 2},
    {"ir" I_ACUTE "an", 2}, {"ir" I_ACUTE "as", 2}, {"ir" A_ACUTE "n", 2},
    {"ir" A_ACUTE "s", 2}, {"ir" I_ACUTE "ais", 2}, {"ir" I_ACUTE "a", 2},
    {"ir" E_ACUTE "is", 2}, {"ir" I_ACUTE "amos", 2}, {"iremos", 2},
    {"ir" A_ACUTE, 2}, {"ir" E_ACUTE, 2},

    {"aba", 2}, {"ada", 2}, {"ida", 2}, {I_ACUTE "a", 2}, {"ara", 2},
    {"iera", 2}, {"ad", 2}, {"ed", 2}, {"id", 2}, {"ase", 2}, {"iese", 2},
    {"aste", 2}, {"iste", 2}, {"an", 2}, {"aban", 2}, {I_ACUTE "an", 2},
    {"aran", 2}, {"ieran", 2}, {"asen", 2}, {"iesen", 2}, {"aron", 2},
    {"ieron", 2}, {"ado", 2}, {"ido", 2}, {"ando", 2}, {"iendo", 2},
    {"i" O_ACUTE, 2}, {"ar", 2}, {"er", 2}, {"ir", 2}, {"as", 2},
    {"abas", 2}, {"adas", 2}, {"idas", 2}, {I_ACUTE "as", 2}, {"aras", 2},
    {"ieras", 2}, {"ases", 2}, {"ieses", 2}, {I_ACUTE "s", 2},
    {A_ACUTE "is", 2}, {"abais", 2}, {I_ACUTE "ais", 2}, {"arais", 2},
    {"ierais", 2}, {"aseis", 2}, {"ieseis", 2}, {"asteis", 2},
    {"isteis", 2}, {"ados", 2}, {"idos", 2}, {"amos", 2},
    {A_ACUTE "bamos", 2}, {I_ACUTE "amos", 2}, {"imos", 2},
    {A_ACUTE "ramos", 2}, {"i" E_ACUTE "ramos", 2}, {"i" E_ACUTE "semos", 2},
    {A_ACUTE "semos", 2},
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
    a = es_among_b(z, es_verb, ES_N(es_verb));
    z->lb = lb;
    if (!a)
        return 0;
    z->bra = z->c;
    /* try ('u' test 'g') ] delete */
    if (a == 1 && z->c >= 2 && z->p[z->c - 1] == 'u' &&
        z->p[z->c - 2] == 'g')
        z->bra = z->c - 1;
    es_delete(z);
    return 1;
}

/* ---- step 3: residual suffix -------------------------------------------- */

static const struct es_among es_resid[] = {
    {"os", 1}, {"a", 1}, {"o", 1}, {A_ACUTE, 1}, {I_ACUTE, 1},
    {O_ACUTE, 1}, {"e", 2}, {E_ACUTE, 2},
};

static void es_residual_suffix(es_env *z)
{
    int a;
    z->ket = z->c;
    a = es_among_b(z, es_resid, ES_N(es_resid));
    if (!a)
        return;
    z->bra = z->c;
    if (!es_rv(z))
        return;
    es_delete(z);
    /* e, é: try ( ['u'] test 'g' RV delete ) */
    if (a == 2 && z->c >= 2 && z->p[z->c - 1] == 'u' &&
        z->p[z->c - 2] == 'g' && z->c - 1 >= z->pv) {
        z->ket = z->c;
        z->bra = z->c - 1;
        z->c--;
        es_delete(z);
    }
}

size_t brief__stem_spanish(uint32_t *w, size_t n)
{
    es_env z;
    size_t m;
    if (n > BRIEF__MAX_STEM)
        return n;
    z.p = w;
    z.l = n;
    z.c = z.lb = z.bra = z.ket = 0;
    es_mark_regions(&z);

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

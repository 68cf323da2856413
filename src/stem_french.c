/*
 * stem_french.c - the Snowball French stemmer (algorithm of Snowball 3.x:
 * elisions, -oux, the "ni" RV exception and the restricted -ais rule).
 *
 * Contract (see internal.h): brief__stem_french(w, n) stems in place the
 * lower-case word w[0..n) given as Unicode code points and returns the new
 * length, never more than n. Any code points are accepted; words longer
 * than BRIEF__MAX_STEM are returned unchanged. No allocation and no
 * mutable static state: everything lives in a stack frame.
 *
 * The code follows the Snowball program closely (a cursor c, a backward
 * limit lb, a slice bra..ket) because the exact order of tests decides the
 * output on odd words; the comments name the Snowball construct each piece
 * implements.
 *
 * The algorithm marks vowels that act as consonants with upper case
 * (U, I, Y) and turns e-/i-diaeresis into "He"/"Hi"; those marks are plain
 * code points here and are undone by the postlude. Since "He"/"Hi" make the
 * word longer, the work is done in a local buffer of twice the maximum
 * length, so every rule applies exactly and the caller's 64-slot buffer is
 * only written once, with the (never longer) result.
 */
#include <string.h>
#include "internal.h"

/* Every ë/ï may double; nothing else grows the word beyond its input. */
#define FR_CAP (2 * BRIEF__MAX_STEM + 2)

/* Table strings are Latin-1 bytes: a byte's value is its code point. */
#define A_CIRC "\342"  /* â */
#define E_ACUTE "\351" /* é */
#define E_GRAVE "\350" /* è */
#define I_CIRC "\356"  /* î */

typedef struct fr_env {
    uint32_t p[FR_CAP];
    size_t l;            /* length of the word                       */
    size_t c;            /* cursor                                   */
    size_t lb;           /* backward limit (setlimit ... for)        */
    size_t bra, ket;     /* the slice that <- and delete act on       */
    size_t pv, p1, p2;   /* start of RV, R1, R2                       */
} fr_env;

struct fr_among {
    const char *s;
    int action;
};

/* The French vowels (group v); upper-case marks are not vowels. */
static int fr_v(uint32_t ch)
{
    switch (ch) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0xE2: case 0xE0: case 0xEB: case 0xE9: case 0xEA: case 0xE8:
    case 0xEF: case 0xEE: case 0xF4: case 0xFB: case 0xF9:
        return 1;
    default:
        return 0;
    }
}

/* Backward literal: does s end at the cursor (not below lb)? Moves c. */
static int fr_eq_b(fr_env *z, const char *s)
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
static int fr_among_b(fr_env *z, const struct fr_among *tab, size_t count)
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

/* Replace the slice bra..ket by s (Snowball "<-"); 0 if it would not fit.
 * The cursor moves with the text after the slice, as in Snowball. */
static int fr_slice_from(fr_env *z, const char *s)
{
    size_t len = strlen(s), old = z->ket - z->bra, i;
    if (z->l - old + len > FR_CAP)
        return 0;
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
    return 1;
}

static void fr_delete(fr_env *z)
{
    (void)fr_slice_from(z, "");
}

static int fr_rv(const fr_env *z) { return z->pv <= z->c; }
static int fr_r1(const fr_env *z) { return z->p1 <= z->c; }
static int fr_r2(const fr_env *z) { return z->p2 <= z->c; }

/* ---- forward passes ----------------------------------------------------- */

/* Elisions: c' d' j' l' m' n' s' t' z' qu' at the start, not at the end. */
static void fr_elisions(fr_env *z)
{
    size_t cut = 0, i;
    if (z->l >= 2 && z->p[1] == '\'') {
        switch (z->p[0]) {
        case 'c': case 'd': case 'j': case 'l': case 'm': case 'n':
        case 's': case 't': case 'z':
            cut = 2;
            break;
        default:
            break;
        }
    } else if (z->l >= 3 && z->p[0] == 'q' && z->p[1] == 'u' &&
               z->p[2] == '\'') {
        cut = 3;
    }
    if (cut == 0 || cut >= z->l)
        return;
    for (i = cut; i < z->l; i++)
        z->p[i - cut] = z->p[i];
    z->l -= cut;
}

/* Insert 'H' before position i, turning the letter there into plain ch:
 * ë -> He, ï -> Hi. */
static void fr_put_h(fr_env *z, size_t i, uint32_t ch)
{
    if (z->l + 1 > FR_CAP)
        return;
    memmove(z->p + i + 1, z->p + i, (z->l - i) * sizeof z->p[0]);
    z->p[i] = 'H';
    z->p[i + 1] = ch;
    z->l++;
}

/* repeat goto ( v [u/i] v -> U/I, v [y] -> Y, ë -> He, ï -> Hi,
 * [y] v -> Y, q [u] -> U ). "goto" leaves the cursor where the match
 * began, so after a change the same position is tried again; every
 * change removes its own trigger, so this ends. */
static void fr_prelude(fr_env *z)
{
    size_t i = 0;
    while (i < z->l) {
        uint32_t *p = z->p;
        if (fr_v(p[i]) && i + 1 < z->l) {
            uint32_t nx = p[i + 1];
            if (nx == 'u' && i + 2 < z->l && fr_v(p[i + 2])) {
                p[i + 1] = 'U';
                continue;
            }
            if (nx == 'i' && i + 2 < z->l && fr_v(p[i + 2])) {
                p[i + 1] = 'I';
                continue;
            }
            if (nx == 'y') {
                p[i + 1] = 'Y';
                continue;
            }
        }
        if ((p[i] == 0xEB || p[i] == 0xEF) && z->l + 1 <= FR_CAP) {
            fr_put_h(z, i, p[i] == 0xEB ? 'e' : 'i');
            continue;
        }
        if (p[i] == 'y' && i + 1 < z->l && fr_v(p[i + 1])) {
            p[i] = 'Y';
            continue;
        }
        if (p[i] == 'q' && i + 1 < z->l && p[i + 1] == 'u') {
            p[i + 1] = 'U';
            continue;
        }
        i++;
    }
}

/* gopast v gopast non-v from 'from'; the word's end if not found. */
static size_t fr_region(const fr_env *z, size_t from)
{
    size_t i = from;
    while (i < z->l && !fr_v(z->p[i]))
        i++;
    while (i < z->l && fr_v(z->p[i]))
        i++;
    return i < z->l ? i + 1 : z->l;
}

static void fr_mark_regions(fr_env *z)
{
    const uint32_t *p = z->p;
    size_t l = z->l;
    z->pv = l;
    if (l >= 3 && fr_v(p[0]) && fr_v(p[1])) {
        z->pv = 3;                          /* v v next: aimer */
    } else if (l >= 3 && ((p[0] == 'p' && p[1] == 'a' && p[2] == 'r') ||
                          (p[0] == 'c' && p[1] == 'o' && p[2] == 'l') ||
                          (p[0] == 't' && p[1] == 'a' && p[2] == 'p'))) {
        z->pv = 3;                          /* paris, colis, tapis */
    } else if (l >= 3 && p[0] == 'n' && p[1] == 'i' && fr_v(p[2])) {
        z->pv = 3;                          /* niaises */
    } else if (l >= 1) {
        size_t i = 1;                       /* next gopast v */
        while (i < l && !fr_v(p[i]))
            i++;
        if (i < l)
            z->pv = i + 1;
    }
    z->p1 = fr_region(z, 0);
    z->p2 = fr_region(z, z->p1);
}

/* Undo the marks: I U Y -> i u y, He -> ë, Hi -> ï, other H dropped. */
static void fr_postlude(fr_env *z)
{
    size_t i, o = 0;
    for (i = 0; i < z->l; i++) {
        uint32_t ch = z->p[i];
        if (ch == 'I')
            ch = 'i';
        else if (ch == 'U')
            ch = 'u';
        else if (ch == 'Y')
            ch = 'y';
        else if (ch == 'H') {
            if (i + 1 < z->l && z->p[i + 1] == 'e')
                ch = 0xEB, i++;
            else if (i + 1 < z->l && z->p[i + 1] == 'i')
                ch = 0xEF, i++;
            else
                continue;
        }
        z->p[o++] = ch;
    }
    z->l = o;
}

/* ---- step 1: standard suffixes ------------------------------------------ */

static const struct fr_among fr_std[] = {
    {"ance", 1}, {"iqUe", 1}, {"isme", 1}, {"able", 1}, {"iste", 1},
    {"eux", 1}, {"ances", 1}, {"iqUes", 1}, {"ismes", 1}, {"ables", 1},
    {"istes", 1},
    {"atrice", 2}, {"ateur", 2}, {"ation", 2}, {"atrices", 2},
    {"ateurs", 2}, {"ations", 2},
    {"logie", 3}, {"logies", 3},
    {"usion", 4}, {"ution", 4}, {"usions", 4}, {"utions", 4},
    {"ence", 5}, {"ences", 5},
    {"ement", 6}, {"ements", 6},
    {"it" E_ACUTE, 7}, {"it" E_ACUTE "s", 7},
    {"if", 8}, {"ive", 8}, {"ifs", 8}, {"ives", 8},
    {"eaux", 9}, {"aux", 10}, {"oux", 11},
    {"euse", 12}, {"euses", 12},
    {"issement", 13}, {"issements", 13},
    {"amment", 14}, {"emment", 15}, {"ment", 16}, {"ments", 16},
};

/* After -ement */
static const struct fr_among fr_ement[] = {
    {"iv", 1}, {"eus", 2}, {"abl", 3}, {"iqU", 3},
    {"i" E_GRAVE "r", 4}, {"I" E_GRAVE "r", 4},
};

/* After -ité */
static const struct fr_among fr_ite[] = {
    {"abil", 1}, {"ic", 2}, {"iv", 3},
};

#define FR_N(t) (sizeof (t) / sizeof (t)[0])

/* try ( ['ic'] (R2 delete) or <- 'iqU' ) */
static void fr_ic(fr_env *z)
{
    size_t m = z->l - z->c;
    z->ket = z->c;
    if (!fr_eq_b(z, "ic")) {
        z->c = z->l - m;
        return;
    }
    z->bra = z->c;
    if (fr_r2(z))
        fr_delete(z);
    else
        (void)fr_slice_from(z, "iqU");
}

/* Returns 1 when the step counts as done (a suffix was removed); the
 * -amment/-emment/-ment cases change the word and still return 0, which is
 * how Snowball sends such words on to the verb steps. */
static int fr_standard_suffix(fr_env *z)
{
    size_t m;
    int a;
    z->ket = z->c;
    a = fr_among_b(z, fr_std, FR_N(fr_std));
    if (!a)
        return 0;
    z->bra = z->c;
    switch (a) {
    case 1:
        if (!fr_r2(z))
            return 0;
        fr_delete(z);
        break;
    case 2:
        if (!fr_r2(z))
            return 0;
        fr_delete(z);
        fr_ic(z);
        break;
    case 3:
        if (!fr_r2(z))
            return 0;
        (void)fr_slice_from(z, "log");
        break;
    case 4:
        if (!fr_r2(z))
            return 0;
        (void)fr_slice_from(z, "u");
        break;
    case 5:
        if (!fr_r2(z))
            return 0;
        (void)fr_slice_from(z, "ent");
        break;
    case 6:
        if (!fr_rv(z))
            return 0;
        fr_delete(z);
        /* try ( [substring] among ( ... ) ) */
        m = z->l - z->c;
        z->ket = z->c;
        a = fr_among_b(z, fr_ement, FR_N(fr_ement));
        if (a) {
            z->bra = z->c;
            switch (a) {
            case 1: /* iv: R2 delete ['at'] R2 delete */
                if (!fr_r2(z))
                    break;
                fr_delete(z);
                z->ket = z->c;
                if (!fr_eq_b(z, "at"))
                    break;
                z->bra = z->c;
                if (fr_r2(z))
                    fr_delete(z);
                break;
            case 2: /* eus: (R2 delete) or (R1 <- 'eux') */
                if (fr_r2(z))
                    fr_delete(z);
                else if (fr_r1(z))
                    (void)fr_slice_from(z, "eux");
                break;
            case 3:
                if (fr_r2(z))
                    fr_delete(z);
                break;
            default: /* ièr, Ièr */
                if (fr_rv(z))
                    (void)fr_slice_from(z, "i");
                break;
            }
        }
        z->c = z->l - m;
        break;
    case 7:
        if (!fr_r2(z))
            return 0;
        fr_delete(z);
        m = z->l - z->c;
        z->ket = z->c;
        a = fr_among_b(z, fr_ite, FR_N(fr_ite));
        if (a) {
            z->bra = z->c;
            if (a == 1) {
                if (fr_r2(z))
                    fr_delete(z);
                else
                    (void)fr_slice_from(z, "abl");
            } else if (a == 2) {
                if (fr_r2(z))
                    fr_delete(z);
                else
                    (void)fr_slice_from(z, "iqU");
            } else if (fr_r2(z)) {
                fr_delete(z);
            }
        }
        z->c = z->l - m;
        break;
    case 8:
        if (!fr_r2(z))
            return 0;
        fr_delete(z);
        /* try ( ['at'] R2 delete ['ic'] (R2 delete) or <- 'iqU' ) */
        m = z->l - z->c;
        z->ket = z->c;
        if (fr_eq_b(z, "at")) {
            z->bra = z->c;
            if (fr_r2(z)) {
                fr_delete(z);
                z->ket = z->c;
                if (fr_eq_b(z, "ic")) {
                    z->bra = z->c;
                    if (fr_r2(z))
                        fr_delete(z);
                    else
                        (void)fr_slice_from(z, "iqU");
                }
            }
        }
        z->c = z->l - m;
        break;
    case 9:
        (void)fr_slice_from(z, "eau");
        break;
    case 10:
        if (!fr_r1(z))
            return 0;
        (void)fr_slice_from(z, "al");
        break;
    case 11: /* oux after b h j l n p */
        if (z->c <= z->lb)
            return 0;
        switch (z->p[z->c - 1]) {
        case 'b': case 'h': case 'j': case 'l': case 'n': case 'p':
            break;
        default:
            return 0;
        }
        (void)fr_slice_from(z, "ou");
        break;
    case 12: /* euse: (R2 delete) or (R1 <- 'eux') */
        if (fr_r2(z))
            fr_delete(z);
        else if (fr_r1(z))
            (void)fr_slice_from(z, "eux");
        else
            return 0;
        break;
    case 13: /* R1 non-v delete */
        if (!fr_r1(z) || z->c <= z->lb || fr_v(z->p[z->c - 1]))
            return 0;
        fr_delete(z);
        break;
    case 14: /* RV fail(<- 'ant') */
        if (fr_rv(z))
            (void)fr_slice_from(z, "ant");
        return 0;
    case 15:
        if (fr_rv(z))
            (void)fr_slice_from(z, "ent");
        return 0;
    default: /* ment(s): test (v RV) fail(delete) */
        if (z->c > z->lb && fr_v(z->p[z->c - 1]) && z->pv <= z->c - 1)
            fr_delete(z);
        return 0;
    }
    return 1;
}

/* ---- step 2: verb suffixes (searched inside RV) -------------------------- */

static const struct fr_among fr_iverb[] = {
    {I_CIRC "mes", 1}, {I_CIRC "t", 1}, {I_CIRC "tes", 1}, {"i", 1},
    {"ie", 1}, {"ies", 1}, {"ir", 1}, {"ira", 1}, {"irai", 1},
    {"iraIent", 1}, {"irais", 1}, {"irait", 1}, {"iras", 1}, {"irent", 1},
    {"irez", 1}, {"iriez", 1}, {"irions", 1}, {"irons", 1}, {"iront", 1},
    {"is", 1}, {"issaIent", 1}, {"issais", 1}, {"issait", 1},
    {"issant", 1}, {"issante", 1}, {"issantes", 1}, {"issants", 1},
    {"isse", 1}, {"issent", 1}, {"isses", 1}, {"issez", 1}, {"issiez", 1},
    {"issions", 1}, {"issons", 1}, {"it", 1},
};

/* setlimit tomark pV for ( [substring] among ( ... (not 'H' non-v
 * delete) ) ): the letter before the suffix must be in RV too. */
static int fr_i_verb_suffix(fr_env *z)
{
    size_t lb = z->lb;
    int ok = 0;
    if (z->c < z->pv)
        return 0;
    z->lb = z->pv;
    z->ket = z->c;
    if (fr_among_b(z, fr_iverb, FR_N(fr_iverb))) {
        z->bra = z->c;
        if (z->c > z->lb && z->p[z->c - 1] != 'H' &&
            !fr_v(z->p[z->c - 1])) {
            fr_delete(z);
            ok = 1;
        }
    }
    z->lb = lb;
    return ok;
}

static const struct fr_among fr_verb[] = {
    {"ions", 1},
    {E_ACUTE, 2}, {E_ACUTE "e", 2}, {E_ACUTE "es", 2}, {E_ACUTE "s", 2},
    {E_GRAVE "rent", 2}, {"er", 2}, {"era", 2}, {"erai", 2},
    {"eraIent", 2}, {"erais", 2}, {"erait", 2}, {"eras", 2}, {"erez", 2},
    {"eriez", 2}, {"erions", 2}, {"erons", 2}, {"eront", 2}, {"ez", 2},
    {"iez", 2},
    {A_CIRC "mes", 3}, {A_CIRC "t", 3}, {A_CIRC "tes", 3}, {"a", 3},
    {"ai", 3}, {"aIent", 3}, {"ait", 3}, {"ant", 3}, {"ante", 3},
    {"antes", 3}, {"ants", 3}, {"as", 3}, {"asse", 3}, {"assent", 3},
    {"asses", 3}, {"assiez", 3}, {"assions", 3},
    {"ais", 4}, {"aise", 5}, {"aises", 5},
};

/* Is the text before position c (the whole word, not only RV) s? */
static int fr_before(const fr_env *z, size_t c, const char *s)
{
    size_t len = strlen(s), i;
    if (c < len)
        return 0;
    for (i = 0; i < len; i++)
        if (z->p[c - len + i] != (unsigned char)s[i])
            return 0;
    return 1;
}

/* delete try ( ['e'] delete ): the e must be in RV too (lb is pV). */
static void fr_delete_a(fr_env *z)
{
    size_t m;
    fr_delete(z);
    m = z->l - z->c;
    z->ket = z->c;
    if (fr_eq_b(z, "e")) {
        z->bra = z->c;
        fr_delete(z);
    }
    z->c = z->l - m;
}

static int fr_verb_suffix(fr_env *z)
{
    size_t lb = z->lb;
    int a, ok = 0;
    if (z->c < z->pv)
        return 0;
    z->lb = z->pv;
    z->ket = z->c;
    a = fr_among_b(z, fr_verb, FR_N(fr_verb));
    if (a) {
        z->bra = z->c;
        switch (a) {
        case 1:
            if (fr_r2(z)) {
                fr_delete(z);
                ok = 1;
            }
            break;
        case 2:
            fr_delete(z);
            ok = 1;
            break;
        case 4: /* -ais(e)(s), kept in palais, mauvais, deplaise ... */
        case 5:
            if ((z->c == 3 && fr_before(z, z->c, "al")) ||
                fr_before(z, z->c, "auv") ||
                fr_before(z, z->c, E_ACUTE "pl"))
                break;
            /* -ais takes a preceding e like -ait (mangeais -> mang);
             * -aise(s) does not */
            if (a == 4)
                fr_delete_a(z);
            else
                fr_delete(z);
            ok = 1;
            break;
        default:
            fr_delete_a(z);
            ok = 1;
            break;
        }
    }
    z->lb = lb;
    return ok;
}

/* ---- step 4: residual suffixes ------------------------------------------ */

static const struct fr_among fr_resid[] = {
    {"ion", 1}, {"ier", 2}, {"i" E_GRAVE "re", 2}, {"Ier", 2},
    {"I" E_GRAVE "re", 2}, {"e", 3},
};

static void fr_residual_suffix(fr_env *z)
{
    size_t lb = z->lb, m = z->l - z->c;
    int a;
    /* try ( ['s'] test ('Hi' or non-keep_with_s) delete ): not in RV */
    z->ket = z->c;
    if (fr_eq_b(z, "s")) {
        size_t c = z->c;
        int del = 0;
        z->bra = c;
        if (c >= 2 && z->p[c - 2] == 'H' && z->p[c - 1] == 'i')
            del = 1;
        else if (c >= 1) {
            switch (z->p[c - 1]) {
            case 'a': case 'i': case 'o': case 'u': case 's': case 0xE8:
                break;
            default:
                del = 1;
            }
        }
        if (del)
            fr_delete(z);
        else
            z->c = z->l - m;
    }
    /* setlimit tomark pV for ( [substring] among ( ... ) ) */
    if (z->c < z->pv)
        return;
    z->lb = z->pv;
    z->ket = z->c;
    a = fr_among_b(z, fr_resid, FR_N(fr_resid));
    if (a) {
        z->bra = z->c;
        if (a == 1) {
            if (fr_r2(z) && z->c > z->lb &&
                (z->p[z->c - 1] == 's' || z->p[z->c - 1] == 't'))
                fr_delete(z);
        } else if (a == 2) {
            (void)fr_slice_from(z, "i");
        } else {
            fr_delete(z);
        }
    }
    z->lb = lb;
}

/* ---- steps 5 and 6 ------------------------------------------------------ */

/* enn onn ett ell eill: drop the last letter. */
static void fr_un_double(fr_env *z)
{
    static const char *const tails[] = {"enn", "onn", "ett", "ell", "eill"};
    size_t i;
    for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t c = z->c;
        if (fr_eq_b(z, tails[i])) {
            z->c = c;
            z->l--;
            z->c--;
            return;
        }
    }
}

/* atleast 1 non-v [ é or è ] <- 'e' */
static void fr_un_accent(fr_env *z)
{
    size_t i = z->c;
    while (i > z->lb && !fr_v(z->p[i - 1]))
        i--;
    if (i == z->c || i == z->lb)
        return;
    if (z->p[i - 1] == 0xE9 || z->p[i - 1] == 0xE8)
        z->p[i - 1] = 'e';
}

size_t brief__stem_french(uint32_t *w, size_t n)
{
    fr_env z;
    size_t i;
    int done;
    if (n > BRIEF__MAX_STEM)
        return n;
    for (i = 0; i < n; i++)
        z.p[i] = w[i];
    z.l = n;
    z.c = z.lb = z.bra = z.ket = 0;
    fr_elisions(&z);
    fr_prelude(&z);
    fr_mark_regions(&z);

    /* backwards ( do ( ( (step1 or step2a or step2b) and step3 )
     *                  or step4 ) do step5 do step6 ) */
    z.lb = 0;
    z.c = z.l;
    done = fr_standard_suffix(&z);
    z.c = z.l;
    if (!done) {
        done = fr_i_verb_suffix(&z);
        z.c = z.l;
    }
    if (!done) {
        done = fr_verb_suffix(&z);
        z.c = z.l;
    }
    if (done) {
        /* step 3: final Y -> i, final ç -> c */
        if (z.l > 0 && z.p[z.l - 1] == 'Y')
            z.p[z.l - 1] = 'i';
        else if (z.l > 0 && z.p[z.l - 1] == 0xE7)
            z.p[z.l - 1] = 'c';
    } else {
        fr_residual_suffix(&z);
    }
    z.c = z.l;
    fr_un_double(&z);
    z.c = z.l;
    fr_un_accent(&z);
    fr_postlude(&z);

    if (z.l > n) /* cannot happen: no rule leaves the word longer */
        return n;
    for (i = 0; i < z.l; i++)
        w[i] = z.p[i];
    return z.l;
}

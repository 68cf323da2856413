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
#include "stem_util.h"

#ifndef BRIEF_NO_LANGS /* an English-only build leaves this out */

/* Every ë/ï may double; nothing else grows the word beyond its input. */
#define FR_CAP (2 * BRIEF__MAX_STEM + 2)

/* Table strings are Latin-1 bytes: a byte's value is its code point. */
#define A_CIRC "\342"  /* â */
#define E_ACUTE "\351" /* é */
#define E_GRAVE "\350" /* è */
#define I_CIRC "\356"  /* î */

/* The word (in a local buffer of FR_CAP), cursor, limit, slice, regions. */
typedef brief__stem_env fr_env;

#define SFX(lit, a) BRIEF__STEM_SFX(lit, a)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)
#define ENDS(w, n, lit) BRIEF__STEM_ENDS(w, n, lit)

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
    z->p1 = brief__stem_region_after_vc(p, l, fr_v, 0);
    z->p2 = brief__stem_region_after_vc(p, l, fr_v, z->p1);
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

static const brief__stem_sfx fr_std[] = {
    SFX("ance", 1), SFX("iqUe", 1), SFX("isme", 1), SFX("able", 1),
    SFX("iste", 1), SFX("eux", 1), SFX("ances", 1), SFX("iqUes", 1),
    SFX("ismes", 1), SFX("ables", 1), SFX("istes", 1),
    SFX("atrice", 2), SFX("ateur", 2), SFX("ation", 2), SFX("atrices", 2),
    SFX("ateurs", 2), SFX("ations", 2),
    SFX("logie", 3), SFX("logies", 3),
    SFX("usion", 4), SFX("ution", 4), SFX("usions", 4), SFX("utions", 4),
    SFX("ence", 5), SFX("ences", 5),
    SFX("ement", 6), SFX("ements", 6),
    SFX("it" E_ACUTE, 7), SFX("it" E_ACUTE "s", 7),
    SFX("if", 8), SFX("ive", 8), SFX("ifs", 8), SFX("ives", 8),
    SFX("eaux", 9), SFX("aux", 10), SFX("oux", 11),
    SFX("euse", 12), SFX("euses", 12),
    SFX("issement", 13), SFX("issements", 13),
    SFX("amment", 14), SFX("emment", 15), SFX("ment", 16), SFX("ments", 16),
};

/* After -ement */
static const brief__stem_sfx fr_ement[] = {
    SFX("iv", 1), SFX("eus", 2), SFX("abl", 3), SFX("iqU", 3),
    SFX("i" E_GRAVE "r", 4), SFX("I" E_GRAVE "r", 4),
};

/* After -ité */
static const brief__stem_sfx fr_ite[] = {
    SFX("abil", 1), SFX("ic", 2), SFX("iv", 3),
};

/* try ( ['ic'] (R2 delete) or <- 'iqU' ) */
static void fr_ic(fr_env *z)
{
    size_t m = z->l - z->c;
    z->ket = z->c;
    if (!brief__stem_eq_b(z, "ic")) {
        z->c = z->l - m;
        return;
    }
    z->bra = z->c;
    if (fr_r2(z))
        brief__stem_delete(z);
    else
        (void)brief__stem_slice_from(z, "iqU");
}

/* Returns 1 when the step counts as done (a suffix was removed); the
 * -amment/-emment/-ment cases change the word and still return 0, which is
 * how Snowball sends such words on to the verb steps. */
static int fr_standard_suffix(fr_env *z)
{
    size_t m;
    int a;
    z->ket = z->c;
    a = brief__stem_among_b(z, fr_std, COUNT(fr_std));
    if (!a)
        return 0;
    z->bra = z->c;
    switch (a) {
    case 1:
        if (!fr_r2(z))
            return 0;
        brief__stem_delete(z);
        break;
    case 2:
        if (!fr_r2(z))
            return 0;
        brief__stem_delete(z);
        fr_ic(z);
        break;
    case 3:
        if (!fr_r2(z))
            return 0;
        (void)brief__stem_slice_from(z, "log");
        break;
    case 4:
        if (!fr_r2(z))
            return 0;
        (void)brief__stem_slice_from(z, "u");
        break;
    case 5:
        if (!fr_r2(z))
            return 0;
        (void)brief__stem_slice_from(z, "ent");
        break;
    case 6:
        if (!fr_rv(z))
            return 0;
        brief__stem_delete(z);
        /* try ( [substring] among ( ... ) ) */
        m = z->l - z->c;
        z->ket = z->c;
        a = brief__stem_among_b(z, fr_ement, COUNT(fr_ement));
        if (a) {
            z->bra = z->c;
            switch (a) {
            case 1: /* iv: R2 delete ['at'] R2 delete */
                if (!fr_r2(z))
                    break;
                brief__stem_delete(z);
                z->ket = z->c;
                if (!brief__stem_eq_b(z, "at"))
                    break;
                z->bra = z->c;
                if (fr_r2(z))
                    brief__stem_delete(z);
                break;
            case 2: /* eus: (R2 delete) or (R1 <- 'eux') */
                if (fr_r2(z))
                    brief__stem_delete(z);
                else if (fr_r1(z))
                    (void)brief__stem_slice_from(z, "eux");
                break;
            case 3:
                if (fr_r2(z))
                    brief__stem_delete(z);
                break;
            default: /* ièr, Ièr */
                if (fr_rv(z))
                    (void)brief__stem_slice_from(z, "i");
                break;
            }
        }
        z->c = z->l - m;
        break;
    case 7:
        if (!fr_r2(z))
            return 0;
        brief__stem_delete(z);
        m = z->l - z->c;
        z->ket = z->c;
        a = brief__stem_among_b(z, fr_ite, COUNT(fr_ite));
        if (a) {
            z->bra = z->c;
            if (a == 1) {
                if (fr_r2(z))
                    brief__stem_delete(z);
                else
                    (void)brief__stem_slice_from(z, "abl");
            } else if (a == 2) {
                if (fr_r2(z))
                    brief__stem_delete(z);
                else
                    (void)brief__stem_slice_from(z, "iqU");
            } else if (fr_r2(z)) {
                brief__stem_delete(z);
            }
        }
        z->c = z->l - m;
        break;
    case 8:
        if (!fr_r2(z))
            return 0;
        brief__stem_delete(z);
        /* try ( ['at'] R2 delete ['ic'] (R2 delete) or <- 'iqU' ) */
        m = z->l - z->c;
        z->ket = z->c;
        if (brief__stem_eq_b(z, "at")) {
            z->bra = z->c;
            if (fr_r2(z)) {
                brief__stem_delete(z);
                z->ket = z->c;
                if (brief__stem_eq_b(z, "ic")) {
                    z->bra = z->c;
                    if (fr_r2(z))
                        brief__stem_delete(z);
                    else
                        (void)brief__stem_slice_from(z, "iqU");
                }
            }
        }
        z->c = z->l - m;
        break;
    case 9:
        (void)brief__stem_slice_from(z, "eau");
        break;
    case 10:
        if (!fr_r1(z))
            return 0;
        (void)brief__stem_slice_from(z, "al");
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
        (void)brief__stem_slice_from(z, "ou");
        break;
    case 12: /* euse: (R2 delete) or (R1 <- 'eux') */
        if (fr_r2(z))
            brief__stem_delete(z);
        else if (fr_r1(z))
            (void)brief__stem_slice_from(z, "eux");
        else
            return 0;
        break;
    case 13: /* R1 non-v delete */
        if (!fr_r1(z) || z->c <= z->lb || fr_v(z->p[z->c - 1]))
            return 0;
        brief__stem_delete(z);
        break;
    case 14: /* RV fail(<- 'ant') */
        if (fr_rv(z))
            (void)brief__stem_slice_from(z, "ant");
        return 0;
    case 15:
        if (fr_rv(z))
            (void)brief__stem_slice_from(z, "ent");
        return 0;
    default: /* ment(s): test (v RV) fail(delete) */
        if (z->c > z->lb && fr_v(z->p[z->c - 1]) && z->pv <= z->c - 1)
            brief__stem_delete(z);
        return 0;
    }
    return 1;
}

/* ---- step 2: verb suffixes (searched inside RV) -------------------------- */

static const brief__stem_sfx fr_iverb[] = {
    SFX(I_CIRC "mes", 1), SFX(I_CIRC "t", 1), SFX(I_CIRC "tes", 1),
    SFX("i", 1), SFX("ie", 1), SFX("ies", 1), SFX("ir", 1), SFX("ira", 1),
    SFX("irai", 1), SFX("iraIent", 1), SFX("irais", 1), SFX("irait", 1),
    SFX("iras", 1), SFX("irent", 1), SFX("irez", 1), SFX("iriez", 1),
    SFX("irions", 1), SFX("irons", 1), SFX("iront", 1), SFX("is", 1),
    SFX("issaIent", 1), SFX("issais", 1), SFX("issait", 1), SFX("issant", 1),
    SFX("issante", 1), SFX("issantes", 1), SFX("issants", 1), SFX("isse", 1),
    SFX("issent", 1), SFX("isses", 1), SFX("issez", 1), SFX("issiez", 1),
    SFX("issions", 1), SFX("issons", 1), SFX("it", 1),
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
    if (brief__stem_among_b(z, fr_iverb, COUNT(fr_iverb))) {
        z->bra = z->c;
        if (z->c > z->lb && z->p[z->c - 1] != 'H' &&
            !fr_v(z->p[z->c - 1])) {
            brief__stem_delete(z);
            ok = 1;
        }
    }
    z->lb = lb;
    return ok;
}

static const brief__stem_sfx fr_verb[] = {
    SFX("ions", 1),
    SFX(E_ACUTE, 2), SFX(E_ACUTE "e", 2), SFX(E_ACUTE "es", 2),
    SFX(E_ACUTE "s", 2), SFX(E_GRAVE "rent", 2), SFX("er", 2), SFX("era", 2),
    SFX("erai", 2), SFX("eraIent", 2), SFX("erais", 2), SFX("erait", 2),
    SFX("eras", 2), SFX("erez", 2), SFX("eriez", 2), SFX("erions", 2),
    SFX("erons", 2), SFX("eront", 2), SFX("ez", 2), SFX("iez", 2),
    SFX(A_CIRC "mes", 3), SFX(A_CIRC "t", 3), SFX(A_CIRC "tes", 3),
    SFX("a", 3), SFX("ai", 3), SFX("aIent", 3), SFX("ait", 3), SFX("ant", 3),
    SFX("ante", 3), SFX("antes", 3), SFX("ants", 3), SFX("as", 3),
    SFX("asse", 3), SFX("assent", 3), SFX("asses", 3), SFX("assiez", 3),
    SFX("assions", 3),
    SFX("ais", 4), SFX("aise", 5), SFX("aises", 5),
};

/* delete try ( ['e'] delete ): the e must be in RV too (lb is pV). */
static void fr_delete_a(fr_env *z)
{
    size_t m;
    brief__stem_delete(z);
    m = z->l - z->c;
    z->ket = z->c;
    if (brief__stem_eq_b(z, "e")) {
        z->bra = z->c;
        brief__stem_delete(z);
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
    a = brief__stem_among_b(z, fr_verb, COUNT(fr_verb));
    if (a) {
        z->bra = z->c;
        switch (a) {
        case 1:
            if (fr_r2(z)) {
                brief__stem_delete(z);
                ok = 1;
            }
            break;
        case 2:
            brief__stem_delete(z);
            ok = 1;
            break;
        case 4: /* -ais(e)(s), kept in palais, mauvais, deplaise ... */
        case 5:
            /* (the text before the suffix, in the whole word) */
            if ((z->c == 3 && ENDS(z->p, z->c, "al")) ||
                ENDS(z->p, z->c, "auv") || ENDS(z->p, z->c, E_ACUTE "pl"))
                break;
            /* -ais takes a preceding e like -ait (mangeais -> mang);
             * -aise(s) does not */
            if (a == 4)
                fr_delete_a(z);
            else
                brief__stem_delete(z);
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

static const brief__stem_sfx fr_resid[] = {
    SFX("ion", 1), SFX("ier", 2), SFX("i" E_GRAVE "re", 2), SFX("Ier", 2),
    SFX("I" E_GRAVE "re", 2), SFX("e", 3),
};

static void fr_residual_suffix(fr_env *z)
{
    size_t lb = z->lb, m = z->l - z->c;
    int a;
    /* try ( ['s'] test ('Hi' or non-keep_with_s) delete ): not in RV */
    z->ket = z->c;
    if (brief__stem_eq_b(z, "s")) {
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
            brief__stem_delete(z);
        else
            z->c = z->l - m;
    }
    /* setlimit tomark pV for ( [substring] among ( ... ) ) */
    if (z->c < z->pv)
        return;
    z->lb = z->pv;
    z->ket = z->c;
    a = brief__stem_among_b(z, fr_resid, COUNT(fr_resid));
    if (a) {
        z->bra = z->c;
        if (a == 1) {
            if (fr_r2(z) && z->c > z->lb &&
                (z->p[z->c - 1] == 's' || z->p[z->c - 1] == 't'))
                brief__stem_delete(z);
        } else if (a == 2) {
            (void)brief__stem_slice_from(z, "i");
        } else {
            brief__stem_delete(z);
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
        if (brief__stem_eq_b(z, tails[i])) {
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
    uint32_t buf[FR_CAP];
    fr_env z;
    size_t i;
    int done;
    if (n > BRIEF__MAX_STEM)
        return n;
    for (i = 0; i < n; i++)
        buf[i] = w[i];
    z.p = buf;
    z.cap = FR_CAP;
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

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__stem_french_left_out;
#endif /* BRIEF_NO_LANGS */

/* The letters as strings are this file's own (stem_italian.c spells them
 * as code points): undefined here so the amalgamation (onebrief.c) can
 * include both. */
#undef A_CIRC
#undef E_ACUTE
#undef E_GRAVE
#undef I_CIRC

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
static int is_vowel(uint32_t c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
    case A_GRAVE: case E_GRAVE: case I_GRAVE: case O_GRAVE: case U_GRAVE:
        return 1;
    default:
        return 0;
    }
}

/* 1 if w[0..n) ends with the Latin-1 string s and s lies wholly at or after
 * position lo (lo is how Snowball's "setlimit tomark pV" restricts a search
 * to RV). */
static int ends_with(const uint32_t *w, size_t lo, size_t n, const char *s)
{
    size_t len = strlen(s), k;
    if (len > n || n - len < lo)
        return 0;
    for (k = 0; k < len; k++)
        if (w[n - len + k] != (unsigned char)s[k])
            return 0;
    return 1;
}

/* Snowball "among": the index of the longest string of tab[0..count) that
 * ends the word within [lo, n), or -1. Like Snowball, the caller then
 * applies that entry's conditions and never falls back to a shorter one. */
static int longest(const uint32_t *w, size_t lo, size_t n,
                   const char *const *tab, size_t count)
{
    size_t i, best_len = 0;
    int best = -1;
    for (i = 0; i < count; i++) {
        size_t len = strlen(tab[i]);
        if (len > best_len && ends_with(w, lo, n, tab[i])) {
            best = (int)i;
            best_len = len;
        }
    }
    return best;
}

/* Overwrite w[from..n) with the Latin-1 string s; returns the new length.
 * Every replacement here is no longer than what it replaces. */
static size_t replace_tail(uint32_t *w, size_t from, const char *s)
{
    size_t k;
    for (k = 0; s[k]; k++)
        w[from + k] = (unsigned char)s[k];
    return from + k;
}

/* Index of the first vowel (want_vowel) or non-vowel at or after i, or n. */
static size_t scan(const uint32_t *w, size_t i, size_t n, int want_vowel)
{
    while (i < n && is_vowel(w[i]) != want_vowel)
        i++;
    return i;
}

/* ---- before the regions ------------------------------------------------- */

/* Elided articles and prepositions: "dell'acqua" -> "acqua". Only when the
 * apostrophe is not the last letter, so "l'" alone stays as it is. */
static size_t remove_elision(uint32_t *w, size_t n)
{
    static const char *const pre[] = {
        "d", "l", "m", "s", "t", "v", "all", "dall", "dell", "gl", "nell",
        "quell", "quest", "sull", "tutt", "un"
    };
    size_t a = 0, i, k;
    while (a < n && w[a] != '\'')
        a++;
    if (a + 1 >= n) /* no apostrophe, or it ends the word */
        return n;
    for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
        if (strlen(pre[i]) != a)
            continue;
        for (k = 0; k < a && w[k] == (unsigned char)pre[i][k]; k++)
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
static void prelude(uint32_t *w, size_t n)
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
        if (is_vowel(w[i - 1]) && (w[i] == 'u' || w[i] == 'i') &&
            is_vowel(w[i + 1]))
            w[i] = w[i] == 'u' ? 'U' : 'I';
}

/* RV as in the Spanish stemmer, except that a word starting "divan" has RV
 * after that prefix (so "divano" is not overstemmed). */
static size_t mark_rv(const uint32_t *w, size_t n)
{
    size_t j;
    if (n >= 5 && w[0] == 'd' && w[1] == 'i' && w[2] == 'v' &&
        w[3] == 'a' && w[4] == 'n')
        return 5;
    if (n < 2)
        return n;
    if (is_vowel(w[1]) && !is_vowel(w[0]))
        return n >= 3 ? 3 : n; /* consonant-vowel: after the third letter */
    /* after the next vowel if the second letter is a consonant, after the
     * next consonant if the first two are vowels */
    j = scan(w, 2, n, !is_vowel(w[1]));
    return j < n ? j + 1 : n;
}

/* R1 (or R2, started from R1): after the first non-vowel following a
 * vowel at or after 'from'. */
static size_t mark_r(const uint32_t *w, size_t from, size_t n)
{
    size_t j = scan(w, scan(w, from, n, 1), n, 0);
    return j < n ? j + 1 : n;
}

/* ---- the numbered steps ------------------------------------------------- */

/* Step 0: an attached pronoun after -ando/-endo goes, after -ar/-er/-ir it
 * becomes e (guardandogli -> guardando, accomodarci -> accomodare). */
static size_t attached_pronoun(uint32_t *w, size_t n, size_t rv)
{
    static const char *const pron[] = {
        "ci", "gli", "la", "le", "li", "lo", "mi", "ne", "si", "ti", "vi",
        "sene", "gliela", "gliele", "glieli", "glielo", "gliene",
        "mela", "mele", "meli", "melo", "mene",
        "tela", "tele", "teli", "telo", "tene",
        "cela", "cele", "celi", "celo", "cene",
        "vela", "vele", "veli", "velo", "vene"
    };
    static const char *const verb[] = { "ando", "endo", "ar", "er", "ir" };
    int p = longest(w, 0, n, pron, sizeof pron / sizeof pron[0]), v;
    size_t s;
    if (p < 0)
        return n;
    s = n - strlen(pron[p]);
    v = longest(w, 0, s, verb, sizeof verb / sizeof verb[0]);
    if (v < 0 || s - strlen(verb[v]) < rv)
        return n;
    return v < 2 ? s : replace_tail(w, s, "e");
}

/* Actions of the step-1 table. */
enum { S_DEL, S_AZIONE, S_LOGIA, S_UZIONE, S_ENZA, S_AMENTO, S_AMENTE,
       S_ITA, S_IVO };

static const struct { const char *s; unsigned char act; } std_sfx[] = {
    {"anza", S_DEL}, {"anze", S_DEL}, {"ico", S_DEL}, {"ici", S_DEL},
    {"ica", S_DEL}, {"ice", S_DEL}, {"iche", S_DEL}, {"ichi", S_DEL},
    {"ismo", S_DEL}, {"ismi", S_DEL}, {"abile", S_DEL}, {"abili", S_DEL},
    {"ibile", S_DEL}, {"ibili", S_DEL}, {"ista", S_DEL}, {"iste", S_DEL},
    {"isti", S_DEL}, {"ist\xE0", S_DEL}, {"ist\xE8", S_DEL},
    {"ist\xEC", S_DEL}, {"oso", S_DEL}, {"osi", S_DEL}, {"osa", S_DEL},
    {"ose", S_DEL}, {"mente", S_DEL}, {"atrice", S_DEL}, {"atrici", S_DEL},
    {"ante", S_DEL}, {"anti", S_DEL},
    {"azione", S_AZIONE}, {"azioni", S_AZIONE}, {"atore", S_AZIONE},
    {"atori", S_AZIONE},
    {"logia", S_LOGIA}, {"logie", S_LOGIA},
    {"uzione", S_UZIONE}, {"uzioni", S_UZIONE}, {"usione", S_UZIONE},
    {"usioni", S_UZIONE},
    {"enza", S_ENZA}, {"enze", S_ENZA},
    {"amento", S_AMENTO}, {"amenti", S_AMENTO}, {"imento", S_AMENTO},
    {"imenti", S_AMENTO},
    {"amente", S_AMENTE},
    {"it\xE0", S_ITA},
    {"ivo", S_IVO}, {"ivi", S_IVO}, {"iva", S_IVO}, {"ive", S_IVO}
};

/* Delete the suffix s if it ends the word and starts in the region at r. */
static int del_if(const uint32_t *w, size_t *n, const char *s, size_t r)
{
    if (!ends_with(w, r, *n, s))
        return 0;
    *n -= strlen(s);
    return 1;
}

/* Delete the longest of tab[] that ends the word, if it starts in R2. */
static void del_longest_r2(const uint32_t *w, size_t *n, size_t r2,
                           const char *const *tab, size_t count)
{
    int k = longest(w, 0, *n, tab, count);
    if (k >= 0)
        del_if(w, n, tab[k], r2);
}

/* Step 1. Returns 1 when a suffix was removed or replaced (then step 2 is
 * skipped). As in Snowball, the longest suffix decides alone: when its
 * region test fails the step fails, shorter suffixes are not tried. */
static int standard_suffix(uint32_t *w, size_t *n, size_t rv, size_t r1,
                           size_t r2)
{
    size_t i, best_len = 0, s;
    int best = -1;
    for (i = 0; i < sizeof std_sfx / sizeof std_sfx[0]; i++) {
        size_t len = strlen(std_sfx[i].s);
        if (len > best_len && ends_with(w, 0, *n, std_sfx[i].s)) {
            best = (int)i;
            best_len = len;
        }
    }
    if (best < 0)
        return 0;
    s = *n - best_len; /* where the suffix starts */
    switch (std_sfx[best].act) {
    case S_DEL:
        if (s < r2)
            return 0;
        *n = s;
        return 1;
    case S_AZIONE:
        if (s < r2)
            return 0;
        *n = s;
        del_if(w, n, "ic", r2);
        return 1;
    case S_LOGIA:
        if (s < r2)
            return 0;
        *n = replace_tail(w, s, "log");
        return 1;
    case S_UZIONE:
        if (s < r2)
            return 0;
        *n = replace_tail(w, s, "u");
        return 1;
    case S_ENZA:
        if (s < r2)
            return 0;
        *n = replace_tail(w, s, "ente");
        return 1;
    case S_AMENTO:
        if (s < rv)
            return 0;
        *n = s;
        return 1;
    case S_AMENTE: {
        static const char *const pre[] = { "iv", "os", "ic", "abil" };
        int k;
        if (s < r1)
            return 0;
        *n = s;
        k = longest(w, 0, *n, pre, 4);
        /* -ivamente also loses a preceding -at-, both only in R2 */
        if (k >= 0 && del_if(w, n, pre[k], r2) && k == 0)
            del_if(w, n, "at", r2);
        return 1;
    }
    case S_ITA: {
        static const char *const pre[] = { "abil", "ic", "iv" };
        if (s < r2)
            return 0;
        *n = s;
        del_longest_r2(w, n, r2, pre, 3);
        return 1;
    }
    default: /* S_IVO: then -at-, and before that -ic-, each in R2 */
        if (s < r2)
            return 0;
        *n = s;
        if (del_if(w, n, "at", r2))
            del_if(w, n, "ic", r2);
        return 1;
    }
}

/* Step 2: verb endings, the whole ending inside RV. */
static size_t verb_suffix(const uint32_t *w, size_t n, size_t rv)
{
    static const char *const tab[] = {
        "ammo", "ando", "ano", "are", "arono", "asse", "assero", "assi",
        "assimo", "ata", "ate", "ati", "ato", "ava", "avamo", "avano",
        "avate", "avi", "avo", "emmo", "enda", "ende", "endi", "endo",
        "er\xE0", "erai", "eranno", "ere", "erebbe", "erebbero", "erei",
        "eremmo", "eremo", "ereste", "eresti", "erete", "er\xF2", "erono",
        "essero", "ete", "eva", "evamo", "evano", "evate", "evi", "evo",
        "Yamo", "iamo", "immo", "ir\xE0", "irai", "iranno", "ire", "irebbe",
        "irebbero", "irei", "iremmo", "iremo", "ireste", "iresti", "irete",
        "ir\xF2", "irono", "isca", "iscano", "isce", "isci", "isco",
        "iscono", "issero", "ita", "ite", "iti", "ito", "iva", "ivamo",
        "ivano", "ivate", "ivi", "ivo", "ono", "uta", "ute", "uti", "uto",
        "ar", "ir" /* but not "er": too often not a verb ending */
    };
    int k = longest(w, rv, n, tab, sizeof tab / sizeof tab[0]);
    return k < 0 ? n : n - strlen(tab[k]);
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
    prelude(w, n);
    rv = mark_rv(w, n);
    r1 = mark_r(w, 0, n);
    r2 = mark_r(w, r1, n);

    n = attached_pronoun(w, n, rv);
    if (!standard_suffix(w, &n, rv, r1, r2))
        n = verb_suffix(w, n, rv);
    n = vowel_suffix(w, n, rv);

    for (i = 0; i < n; i++) /* postlude: unmark I and U */
        if (w[i] == 'I')
            w[i] = 'i';
        else if (w[i] == 'U')
            w[i] = 'u';
    return n;
}

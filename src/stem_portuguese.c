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
#include <string.h>
#include "internal.h"

#define A_TILDE 0xE3u
#define O_TILDE 0xF5u
#define C_CEDIL 0xE7u
#define E_ACUTE 0xE9u
#define E_CIRC 0xEAu

/* Vowels: a e i o u, the acute forms, and â ê ô. '~' is not one. */
static int is_vowel(uint32_t c)
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

/* Overwrite w[from..) with the Latin-1 string s; returns the new length.
 * Every replacement here is no longer than what it replaces. */
static size_t replace_tail(uint32_t *w, size_t from, const char *s)
{
    size_t k;
    for (k = 0; s[k]; k++)
        w[from + k] = (unsigned char)s[k];
    return from + k;
}

/* Delete the suffix s if it ends the word and starts in the region at r. */
static int del_if(const uint32_t *w, size_t *n, const char *s, size_t r)
{
    if (!ends_with(w, r, *n, s))
        return 0;
    *n -= strlen(s);
    return 1;
}

/* Index of the first vowel (want_vowel) or non-vowel at or after i, or n. */
static size_t scan(const uint32_t *w, size_t i, size_t n, int want_vowel)
{
    while (i < n && is_vowel(w[i]) != want_vowel)
        i++;
    return i;
}

/* RV as in the Spanish stemmer: after the next vowel if the second letter
 * is a consonant, after the next consonant if the first two are vowels,
 * after the third letter for consonant-vowel; else the end of the word. */
static size_t mark_rv(const uint32_t *w, size_t n)
{
    size_t j;
    if (n < 2)
        return n;
    if (is_vowel(w[1]) && !is_vowel(w[0]))
        return n >= 3 ? 3 : n;
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

/* Actions of the step-1 table. */
enum { S_DEL, S_LOGIA, S_UCAO, S_ENCIA, S_AMENTE, S_MENTE, S_IDADE, S_IVA,
       S_IRA };

static const struct { const char *s; unsigned char act; } std_sfx[] = {
    {"eza", S_DEL}, {"ezas", S_DEL}, {"ico", S_DEL}, {"ica", S_DEL},
    {"icos", S_DEL}, {"icas", S_DEL}, {"ismo", S_DEL}, {"ismos", S_DEL},
    {"\xE1vel", S_DEL}, {"\xEDvel", S_DEL}, {"ista", S_DEL},
    {"istas", S_DEL}, {"oso", S_DEL}, {"osa", S_DEL}, {"osos", S_DEL},
    {"osas", S_DEL}, {"amento", S_DEL}, {"amentos", S_DEL},
    {"imento", S_DEL}, {"imentos", S_DEL}, {"adora", S_DEL},
    {"ador", S_DEL}, {"a\xE7" "a~o", S_DEL}, {"adoras", S_DEL},
    {"adores", S_DEL}, {"a\xE7o~es", S_DEL}, {"ante", S_DEL},
    {"antes", S_DEL}, {"\xE2ncia", S_DEL},
    {"logia", S_LOGIA}, {"logias", S_LOGIA},
    {"u\xE7" "a~o", S_UCAO}, {"u\xE7o~es", S_UCAO},
    {"\xEAncia", S_ENCIA}, {"\xEAncias", S_ENCIA},
    {"amente", S_AMENTE},
    {"mente", S_MENTE},
    {"idade", S_IDADE}, {"idades", S_IDADE},
    {"iva", S_IVA}, {"ivo", S_IVA}, {"ivas", S_IVA}, {"ivos", S_IVA},
    {"ira", S_IRA}, {"iras", S_IRA}
};

/* Step 1. Returns 1 when a suffix was removed or replaced. As in Snowball,
 * the longest suffix decides alone: when its test fails the step fails and
 * shorter suffixes are not tried. */
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
    case S_LOGIA:
        if (s < r2)
            return 0;
        *n = replace_tail(w, s, "log");
        return 1;
    case S_UCAO:
        if (s < r2)
            return 0;
        *n = replace_tail(w, s, "u");
        return 1;
    case S_ENCIA:
        if (s < r2)
            return 0;
        *n = replace_tail(w, s, "ente");
        return 1;
    case S_AMENTE: {
        static const char *const pre[] = { "iv", "os", "ic", "ad" };
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
    case S_MENTE: {
        static const char *const pre[] = { "ante", "avel", "\xEDvel" };
        int k;
        if (s < r2)
            return 0;
        *n = s;
        k = longest(w, 0, *n, pre, 3);
        if (k >= 0)
            del_if(w, n, pre[k], r2);
        return 1;
    }
    case S_IDADE: {
        static const char *const pre[] = { "abil", "ic", "iv" };
        int k;
        if (s < r2)
            return 0;
        *n = s;
        k = longest(w, 0, *n, pre, 3);
        if (k >= 0)
            del_if(w, n, pre[k], r2);
        return 1;
    }
    case S_IVA: /* then -at- in R2, but not a further -ic- */
        if (s < r2)
            return 0;
        *n = s;
        del_if(w, n, "at", r2);
        return 1;
    default: /* S_IRA: -eira(s) -> -eir, usually not a verb form */
        if (s < rv || s == 0 || w[s - 1] != 'e')
            return 0;
        *n = replace_tail(w, s, "ir");
        return 1;
    }
}

/* Step 2: verb endings, the whole ending inside RV. Returns 1 if removed. */
static int verb_suffix(const uint32_t *w, size_t *n, size_t rv)
{
    static const char *const tab[] = {
        "ada", "ida", "ia", "aria", "eria", "iria", "ar\xE1", "ara",
        "er\xE1", "era", "ir\xE1", "ava", "asse", "esse", "isse", "aste",
        "este", "iste", "ei", "arei", "erei", "irei", "am", "iam", "ariam",
        "eriam", "iriam", "aram", "eram", "iram", "avam", "em", "arem",
        "erem", "irem", "assem", "essem", "issem", "ado", "ido", "ando",
        "endo", "indo", "ara~o", "era~o", "ira~o", "ar", "er", "ir", "as",
        "adas", "idas", "ias", "arias", "erias", "irias", "ar\xE1s", "aras",
        "er\xE1s", "eras", "ir\xE1s", "avas", "es", "ardes", "erdes",
        "irdes", "ares", "eres", "ires", "asses", "esses", "isses", "astes",
        "estes", "istes", "is", "ais", "eis", "\xED" "eis", "ar\xED" "eis",
        "er\xED" "eis", "ir\xED" "eis", "\xE1reis", "areis", "\xE9reis",
        "ereis", "\xEDreis", "ireis", "\xE1sseis", "\xE9sseis",
        "\xEDsseis", "\xE1veis", "ados", "idos", "\xE1mos", "amos",
        "\xED" "amos", "ar\xED" "amos", "er\xED" "amos", "ir\xED" "amos",
        "\xE1ramos", "\xE9ramos", "\xEDramos", "\xE1vamos", "emos",
        "aremos", "eremos", "iremos", "\xE1ssemos", "\xEAssemos",
        "\xEDssemos", "imos", "armos", "ermos", "irmos", "eu", "iu", "ou",
        "ira", "iras"
    };
    int k = longest(w, rv, *n, tab, sizeof tab / sizeof tab[0]);
    if (k < 0)
        return 0;
    *n -= strlen(tab[k]);
    return 1;
}

/* Step 4: a residual -os, -a, -i, -o, -á, -í, -ó in RV. */
static size_t residual_suffix(const uint32_t *w, size_t n, size_t rv)
{
    static const char *const tab[] = {
        "os", "a", "i", "o", "\xE1", "\xED", "\xF3"
    };
    int k = longest(w, 0, n, tab, sizeof tab / sizeof tab[0]);
    if (k >= 0)
        del_if(w, &n, tab[k], rv);
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
    rv = mark_rv(b, m);
    r1 = mark_r(b, 0, m);
    r2 = mark_r(b, r1, m);

    changed = standard_suffix(b, &m, rv, r1, r2);
    if (!changed)
        changed = verb_suffix(b, &m, rv);
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

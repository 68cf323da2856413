/*
 * stem_english.c - the Snowball English ("Porter2") stemmer, as of
 * Snowball 3.1 (R1 exceptions gener/commun/arsen/past/univers/later/emerg/
 * organ/inter, -eed and -ing exceptions inside step 1b, no undoubling
 * after a lone a/e/o).
 *
 * Contract: brief__stem_english(w, n) stems, in place, the lower-case word
 * w[0..n) given as Unicode code points and returns the new length, which
 * is never more than n. Any n (including 0) and any code points are
 * accepted; letters outside a-z never match a rule, so they pass through.
 * The function does not allocate and keeps no state between calls.
 *
 * One deliberate addition to Snowball: the curly apostrophes U+2018 and
 * U+2019 are first rewritten to ', so "dog’s" and "dog's" stem alike.
 *
 * The code follows the Snowball program closely. Where Snowball picks "the
 * longest among" a list of suffixes, the rule for that suffix alone
 * decides: if its condition fails the step does nothing, and shorter
 * suffixes are NOT tried. Regions R1 and R2 are computed once, before any
 * suffix is removed, and are never updated afterwards (step 1b's "R1 is
 * null" test relies on exactly that).
 */
#include <string.h>
#include "internal.h"
#include "stem_util.h"

/* Y stands for a y that is a consonant (initial, or after a vowel); it is
 * not in the vowel set, which is what marking it achieves. */
static int en_is_vowel(uint32_t c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           c == 'y';
}

#define ENDS(w, n, lit) BRIEF__STEM_ENDS(w, n, lit)
#define COUNT(tab) BRIEF__STEM_COUNT(tab)

/* 1 if w[0..n) is exactly the ASCII string s (no strlen: most words
 * differ from s in the first letter). */
static int equals(const uint32_t *w, size_t n, const char *s)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!s[i] || w[i] != (unsigned char)s[i])
            return 0;
    return !s[n];
}

/* 1 if some vowel lies in w[0..end). */
static int has_vowel(const uint32_t *w, size_t end)
{
    size_t i;
    for (i = 0; i < end; i++)
        if (en_is_vowel(w[i]))
            return 1;
    return 0;
}

/* Does w[0..end) end in a short syllable? Either non-vowel, vowel,
 * non-vowel other than w, x or Y; or the whole word is vowel + non-vowel;
 * or the whole word is "past" (keeps past apart from paste). */
static int ends_short_syllable(const uint32_t *w, size_t end)
{
    if (end >= 3 && !en_is_vowel(w[end - 1]) && w[end - 1] != 'w' &&
        w[end - 1] != 'x' && w[end - 1] != 'Y' && en_is_vowel(w[end - 2]) &&
        !en_is_vowel(w[end - 3]))
        return 1;
    if (end == 2 && en_is_vowel(w[0]) && !en_is_vowel(w[1]))
        return 1;
    return equals(w, end, "past");
}

/* ---- whole-word exceptions ---------------------------------------------- */

/* Words stemmed without running the algorithm; a NULL stem means the word
 * stays as it is. Checked before the length test and the prelude. */
static const struct {
    const char *word, *stem;
} whole_words[] = {
    {"skis", "ski"},    {"skies", "sky"},   {"idly", "idl"},
    {"gently", "gentl"}, {"ugly", "ugli"},  {"early", "earli"},
    {"only", "onli"},   {"singly", "singl"}, {"sky", NULL},
    {"news", NULL},     {"howe", NULL},     {"atlas", NULL},
    {"cosmos", NULL},   {"bias", NULL},     {"andes", NULL},
};

/* Stems that start R1 right after themselves instead of after the first
 * vowel + non-vowel; each keeps a family of words apart (general/generate,
 * universe/university, ...). The longest match wins, though none of these
 * is a prefix of another. */
static const char *const r1_prefixes[] = {
    "gener", "commun", "arsen", "past", "univers",
    "later", "emerg",  "organ", "inter",
};

/* ---- suffix tables for steps 2 to 4 ------------------------------------- */

enum cond {
    IF_ANY,      /* no condition beyond the step's region                 */
    IF_AFTER_L,  /* preceded by l (-ogi)                                  */
    IF_LI,       /* preceded by a valid li-ending: c d e g h k m n r t    */
    IF_R2,       /* the suffix is in R2 too (-ative in step 3)            */
    IF_AFTER_ST  /* preceded by s or t (-ion in step 4)                   */
};

/* The suffix (with the condition as its act) and its replacement. */
typedef struct rule {
    brief__stem_sfx sfx;
    const char *repl;
} rule;

#define RULE(s, r, c) { BRIEF__STEM_SFX(s, c), r }

static const rule step2_rules[] = {
    RULE("tional", "tion", IF_ANY),   RULE("enci", "ence", IF_ANY),
    RULE("anci", "ance", IF_ANY),     RULE("abli", "able", IF_ANY),
    RULE("entli", "ent", IF_ANY),     RULE("izer", "ize", IF_ANY),
    RULE("ization", "ize", IF_ANY),   RULE("ational", "ate", IF_ANY),
    RULE("ation", "ate", IF_ANY),     RULE("ator", "ate", IF_ANY),
    RULE("alism", "al", IF_ANY),      RULE("aliti", "al", IF_ANY),
    RULE("alli", "al", IF_ANY),       RULE("fulness", "ful", IF_ANY),
    RULE("ousli", "ous", IF_ANY),     RULE("ousness", "ous", IF_ANY),
    RULE("iveness", "ive", IF_ANY),   RULE("iviti", "ive", IF_ANY),
    RULE("biliti", "ble", IF_ANY),    RULE("bli", "ble", IF_ANY),
    RULE("ogist", "og", IF_ANY),      RULE("ogi", "og", IF_AFTER_L),
    RULE("fulli", "ful", IF_ANY),     RULE("lessli", "less", IF_ANY),
    RULE("li", "", IF_LI),
};

static const rule step3_rules[] = {
    RULE("tional", "tion", IF_ANY), RULE("ational", "ate", IF_ANY),
    RULE("alize", "al", IF_ANY),    RULE("icate", "ic", IF_ANY),
    RULE("iciti", "ic", IF_ANY),    RULE("ical", "ic", IF_ANY),
    RULE("ful", "", IF_ANY),        RULE("ness", "", IF_ANY),
    RULE("ative", "", IF_R2),
};

static const rule step4_rules[] = {
    RULE("al", "", IF_ANY),   RULE("ance", "", IF_ANY),
    RULE("ence", "", IF_ANY), RULE("er", "", IF_ANY),
    RULE("ic", "", IF_ANY),   RULE("able", "", IF_ANY),
    RULE("ible", "", IF_ANY), RULE("ant", "", IF_ANY),
    RULE("ement", "", IF_ANY), RULE("ment", "", IF_ANY),
    RULE("ent", "", IF_ANY),  RULE("ism", "", IF_ANY),
    RULE("ate", "", IF_ANY),  RULE("iti", "", IF_ANY),
    RULE("ous", "", IF_ANY),  RULE("ive", "", IF_ANY),
    RULE("ize", "", IF_ANY),  RULE("ion", "", IF_AFTER_ST),
};

/* The letters after which -li is a suffix (so "-ly" goes from
 * "quickly" but not from "supply"). */
static int is_li_ending(uint32_t c)
{
    return c == 'c' || c == 'd' || c == 'e' || c == 'g' || c == 'h' ||
           c == 'k' || c == 'm' || c == 'n' || c == 'r' || c == 't';
}

/* Apply the longest matching rule of a table if its suffix starts at or
 * after 'region' (R1 for steps 2 and 3, R2 for step 4) and its own
 * condition holds. Returns the new length. */
static size_t apply_rules(const rule *tab, size_t count, uint32_t *w,
                          size_t n, size_t region, size_t p2)
{
    int k = brief__stem_longest_of(w, 0, n, tab, count, sizeof *tab);
    const rule *r;
    size_t at;
    uint32_t before;
    if (k < 0)
        return n;
    r = &tab[k];
    at = n - r->sfx.len;
    if (at < region)
        return n;
    before = at > 0 ? w[at - 1] : 0;
    switch ((enum cond)r->sfx.act) {
    case IF_ANY:
        break;
    case IF_AFTER_L:
        if (before != 'l')
            return n;
        break;
    case IF_LI:
        if (!is_li_ending(before))
            return n;
        break;
    case IF_R2:
        if (at < p2)
            return n;
        break;
    case IF_AFTER_ST:
        if (before != 's' && before != 't')
            return n;
        break;
    }
    return brief__stem_replace_tail(w, at, r->repl);
}

/* ---- steps 0 to 1c ------------------------------------------------------ */

/* Step 0: drop a possessive ', 's or 's'. */
static size_t step0(const uint32_t *w, size_t n)
{
    if (ENDS(w, n, "'s'"))
        return n - 3;
    if (ENDS(w, n, "'s"))
        return n - 2;
    if (ENDS(w, n, "'"))
        return n - 1;
    return n;
}

/* Step 1a: plurals. */
static size_t step1a(const uint32_t *w, size_t n)
{
    if (ENDS(w, n, "sses"))
        return n - 2;
    if (ENDS(w, n, "ied") || ENDS(w, n, "ies"))
        /* ties -> tie but cries -> cri: -ie only after a single letter */
        return n - 3 > 1 ? n - 2 : n - 1;
    if (ENDS(w, n, "us") || ENDS(w, n, "ss"))
        return n;
    /* gaps and kiwis lose the s, gas and this keep it: the vowel must not
     * be the letter right before the s. */
    if (ENDS(w, n, "s") && n >= 2 && has_vowel(w, n - 2))
        return n - 1;
    return n;
}

static int is_double(const uint32_t *w, size_t n)
{
    uint32_t c;
    if (n < 2 || w[n - 1] != w[n - 2])
        return 0;
    c = w[n - 1];
    return c == 'b' || c == 'd' || c == 'f' || c == 'g' || c == 'm' ||
           c == 'n' || c == 'p' || c == 'r' || c == 't';
}

/* Step 1b: -eed, -ed, -ing and their -ly forms. */
static size_t step1b(uint32_t *w, size_t n, size_t p1)
{
    size_t at;
    int is_ing = 0;
    if (ENDS(w, n, "eedly") || ENDS(w, n, "eed")) {
        at = n - (w[n - 1] == 'y' ? 5 : 3);
        /* proceed, exceed and succeed are not past participles */
        if (at < p1 || equals(w, at, "proc") || equals(w, at, "exc") ||
            equals(w, at, "succ"))
            return n;
        return at + 2;
    }
    if (ENDS(w, n, "ingly"))
        at = n - 5;
    else if (ENDS(w, n, "edly"))
        at = n - 4;
    else if (ENDS(w, n, "ing")) {
        at = n - 3;
        is_ing = 1;
    } else if (ENDS(w, n, "ed"))
        at = n - 2;
    else
        return n;

    if (is_ing) {
        /* dying -> die, lying -> lie, tying -> tie, vying -> vie */
        if (at == 2 && w[1] == 'y' && !en_is_vowel(w[0]))
            return brief__stem_replace_tail(w, 1, "ie");
        /* inning, outing, ... must not become in, out, ... */
        if (equals(w, at, "inn") || equals(w, at, "out") ||
            equals(w, at, "cann") || equals(w, at, "herr") ||
            equals(w, at, "earr") || equals(w, at, "even"))
            return n;
    }

    if (!has_vowel(w, at))
        return n;
    n = at;
    if (ENDS(w, n, "at") || ENDS(w, n, "bl") || ENDS(w, n, "iz"))
        return brief__stem_replace_tail(w, n, "e"); /* luxuriat -> -ate */
    if (is_double(w, n)) {
        /* hopp -> hop, but add, egg and off stay whole */
        if (n == 3 && (w[0] == 'a' || w[0] == 'e' || w[0] == 'o'))
            return n;
        return n - 1;
    }
    /* a short word (R1 null, ends in a short syllable) gets its e back:
     * hop -> hope. R1 is the original one, measured before the deletion. */
    if (p1 == n && ends_short_syllable(w, n))
        return brief__stem_replace_tail(w, n, "e");
    return n;
}

/* Step 1c: final y (or Y) -> i after a non-vowel that is not the first
 * letter: cry -> cri, but by and say stay. */
static void step1c(uint32_t *w, size_t n)
{
    if (n >= 3 && (w[n - 1] == 'y' || w[n - 1] == 'Y') &&
        !en_is_vowel(w[n - 2]))
        w[n - 1] = 'i';
}

/* Step 5: final -e and -ll. */
static size_t step5(const uint32_t *w, size_t n, size_t p1, size_t p2)
{
    size_t at;
    if (n == 0)
        return n;
    at = n - 1;
    if (w[at] == 'e' &&
        (at >= p2 || (at >= p1 && !ends_short_syllable(w, at))))
        return at;
    if (w[at] == 'l' && at >= p2 && at > 0 && w[at - 1] == 'l')
        return at;
    return n;
}

/* ---- the whole algorithm ------------------------------------------------ */

size_t brief__stem_english(uint32_t *w, size_t n)
{
    size_t i, p1, p2;
    int marked_y = 0;

    for (i = 0; i < n; i++)
        if (w[i] == 0x2018 || w[i] == 0x2019)
            w[i] = '\'';

    for (i = 0; i < COUNT(whole_words); i++)
        if (equals(w, n, whole_words[i].word))
            return whole_words[i].stem
                       ? brief__stem_replace_tail(w, 0, whole_words[i].stem)
                       : n;

    if (n <= 2)
        return n;

    /* Prelude: drop one leading apostrophe, then mark consonant y as Y
     * (left to right, so in "ayyy" the second y follows a Y and stays). */
    if (w[0] == '\'') {
        memmove(w, w + 1, (n - 1) * sizeof *w);
        n--;
    }
    for (i = 0; i < n; i++)
        if (w[i] == 'y' && (i == 0 || en_is_vowel(w[i - 1]))) {
            w[i] = 'Y';
            marked_y = 1;
        }

    p1 = 0;
    for (i = 0; i < COUNT(r1_prefixes) && !p1; i++) {
        const char *s = r1_prefixes[i];
        size_t len = 0;
        while (s[len] && len < n && w[len] == (unsigned char)s[len])
            len++;
        if (!s[len])
            p1 = len; /* w starts with s */
    }
    if (!p1)
        p1 = brief__stem_region_after_vc(w, n, en_is_vowel, 0);
    p2 = brief__stem_region_after_vc(w, n, en_is_vowel, p1);

    n = step0(w, n);
    n = step1a(w, n);
    n = step1b(w, n, p1);
    step1c(w, n);
    n = apply_rules(step2_rules, COUNT(step2_rules), w, n, p1, p2);
    n = apply_rules(step3_rules, COUNT(step3_rules), w, n, p1, p2);
    n = apply_rules(step4_rules, COUNT(step4_rules), w, n, p2, p2);
    n = step5(w, n, p1, p2);

    /* Snowball turns Y back only when it marked one itself. */
    if (marked_y)
        for (i = 0; i < n; i++)
            if (w[i] == 'Y')
                w[i] = 'y';
    return n;
}

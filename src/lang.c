/*
 * lang.c - the languages brief knows, and guessing which one a text is in.
 *
 * A language is one row of a constant table (struct brief__lang): its code,
 * its stemmer, its stop words and the abbreviations the sentence splitter
 * must not end a sentence on. The word tables are generated from the plain
 * lists in tools/ (tools/gen_stopwords.sh). Text in none of them is "und"
 * (undetermined), read with language-neutral rules (brief__und). With
 * BRIEF_NO_LANGS only English and "und" are compiled in, and detection
 * always answers English.
 *
 * Everything here is constant data and pure functions: no allocation, no
 * mutable state, so every function is reentrant.
 */
#include <string.h>
#include "internal.h"
#include "stopwords.inc"
#include "abbrevs.inc"
#include "weakwords.inc"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The order of rows is the order of brief__lang_at() and the tie-break of
 * detection: on equal scores the earlier row wins, so English comes first. */
static const brief__lang brief__langs[] = {
    {"en", "English", brief__stem_english,
     BRIEF__STOP_EN, BRIEF__ABBR_EN, BRIEF__WEAK_EN},
#ifndef BRIEF_NO_LANGS
    {"de", "German", brief__stem_german,
     BRIEF__STOP_DE, BRIEF__ABBR_DE, BRIEF__WEAK_DE},
    {"fr", "French", brief__stem_french,
     BRIEF__STOP_FR, BRIEF__ABBR_FR, BRIEF__WEAK_FR},
    {"es", "Spanish", brief__stem_spanish,
     BRIEF__STOP_ES, BRIEF__ABBR_ES, BRIEF__WEAK_ES},
    {"it", "Italian", brief__stem_italian,
     BRIEF__STOP_IT, BRIEF__ABBR_IT, BRIEF__WEAK_IT},
    {"pt", "Portuguese", brief__stem_portuguese,
     BRIEF__STOP_PT, BRIEF__ABBR_PT, BRIEF__WEAK_PT},
    {"nl", "Dutch", brief__stem_dutch,
     BRIEF__STOP_NL, BRIEF__ABBR_NL, BRIEF__WEAK_NL},
    {"sv", "Swedish", brief__stem_swedish,
     BRIEF__STOP_SV, BRIEF__ABBR_SV, BRIEF__WEAK_SV},
#endif
};

#define NLANGS COUNT_OF(brief__langs)

/*
 * Language-neutral rules, for text in none of the languages above
 * ("und"). Nothing is stemmed, no word list applies, and a word of at most
 * UND_SHORT code points is no term: function words are the short words of
 * every alphabetic language. In the samples of the eight languages brief
 * knows (tests/data/lang), 84-95% of the stop-word tokens have at most 4
 * letters, against 11-28% of the other tokens. Read as "und", the English
 * and French corpora keep 9% and 3.5% stop words among their top ten key
 * terms (3 letters: 26% and 21%; no rule: 72%), at a ROUGE within a point
 * of their own language's rules. CJK bigrams are not affected (terms.c
 * takes them as they are). The "stemmer" is where the rule lives: a
 * stemmed length of 0 makes the word no term.
 */
#define UND_SHORT 4u

static size_t stem_none(uint32_t *w, size_t n)
{
    (void)w;
    return n <= UND_SHORT ? 0 : n;
}

static const brief__lang brief__und = {"und", "Undetermined", stem_none,
                                       {NULL, NULL, 0}, {NULL, NULL, 0},
                                       {NULL, NULL, 0}};

const brief__lang *brief__lang_at(size_t i)
{
    return i < NLANGS ? &brief__langs[i] : NULL;
}

/* 1 if s equals want ignoring ASCII case (codes and names are ASCII, so
 * locale plays no part), where s ends at its NUL or, when
 * region is set, also at a '-', '_' or '.' ("de-AT", "pt_BR.UTF-8"). */
static int same_word(const char *s, const char *want, int region)
{
    size_t k = 0;
    while (want[k] != '\0') {
        if (brief__ascii_lower((unsigned char)s[k]) !=
            brief__ascii_lower((unsigned char)want[k]))
            return 0; /* also when s ends first */
        k++;
    }
    return s[k] == '\0' ||
           (region && (s[k] == '-' || s[k] == '_' || s[k] == '.'));
}

/*
 * Accepts the ISO 639-1 code in any case ("en", "DE"), optionally with a
 * region or encoding after '-', '_' or '.' ("pt-BR", "de_DE.UTF-8"), and the
 * English name in any case ("german"). NULL, "", "auto" and everything else
 * give NULL: choosing to detect is the caller's business.
 */
const brief__lang *brief__lang_find(const char *code)
{
    size_t i;
    if (code == NULL)
        return NULL;
    for (i = 0; i < NLANGS; i++) {
        if (same_word(code, brief__langs[i].code, 1) ||
            same_word(code, brief__langs[i].name, 0))
            return &brief__langs[i];
    }
    if (same_word(code, brief__und.code, 1) ||
        same_word(code, brief__und.name, 0))
        return &brief__und;
    return NULL;
}

/* strcmp order between the NUL-terminated t and the n bytes at w (bytes
 * compared unsigned, as strcmp does): <0, 0 or >0. */
static int cmp_word(const char *t, const char *w, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++) {
        unsigned char a = (unsigned char)t[k], b = (unsigned char)w[k];
        if (a != b)
            return a < b ? -1 : 1;
        if (a == '\0') /* t ends first: t is a proper prefix of w */
            return -1;
    }
    return t[n] == '\0' ? 0 : 1;
}

/* Binary search: O(log count) comparisons. A NULL table or n == 0 is never
 * found. The caller folds case; the table is sorted by strcmp. */
int brief__in_table(const char *const *tab, size_t count, const char *w,
                    size_t n)
{
    size_t lo = 0, hi = count;
    if (tab == NULL || n == 0)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_word(tab[mid], w, n);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* The same search over a blob-and-offsets list: one more load a probe. */
int brief__in_list(const brief__wordlist *list, const char *w, size_t n)
{
    size_t lo = 0, hi = list->count;
    if (n == 0)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_word(brief__word_at(list, mid), w, n);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

#ifdef BRIEF_NO_LANGS

const brief__lang *brief__lang_detect(const unsigned char *s, size_t len)
{
    (void)s;
    (void)len;
    return &brief__langs[0];
}

#else

/*
 * Detection.
 *
 * Function words give a language away: in running text some 40% of the
 * tokens are in the language's own stop-word list, while another language's
 * list catches far fewer (the lists share short words such as "de", "in",
 * "a", "en", so not none). The score of a language is its hit rate in per
 * mille of the tokens, where a hit on a word that k languages share counts
 * 1/k. Letters that only some of the languages write (ß, å, ñ, ã, ç, è, the
 * Dutch "ij", ...) add a small capped bonus: enough to settle Spanish vs
 * Portuguese or Swedish vs German on a short text, too small to outvote the
 * stop words of a long one.
 *
 * The answer is "und" (undetermined, brief__und) when the evidence points
 * to none of the languages, or is too weak to point anywhere:
 *  - most letters are of another script than Latin (Greek, Cyrillic,
 *    Arabic, Hebrew, Devanagari, CJK, ...);
 *  - letters none of the eight languages writes (č, ł, ő, ş, ă, æ, ø, ...)
 *    are frequent (MIN_ALIEN) and the stop words not decisive (SURE_RATE):
 *    Czech, Polish, Turkish, Danish, ...;
 *  - the best language's own stop words are rare (MIN_RATE), or too few
 *    to be more than chance (most_tokens): the text is in some other
 *    language, or too short to tell;
 *  - the function words are as much those of a close sibling brief has no
 *    rules for (the shadow languages: Catalan, Danish, ...).
 * A text without any word (empty, digits, symbols) keeps the default,
 * English: there is nothing its rules could get wrong.
 *
 * Only the first DETECT_BYTES bytes are read (a word running at that point
 * is read to its end, at most WORD_BYTES more), and reading stops earlier
 * once one language clearly leads (settled()) or none can (hopeless());
 * each token costs one binary search per language and shadow language, so
 * detection is linear in min(len, DETECT_BYTES) and uses a fixed amount of
 * stack.
 */
#define DETECT_BYTES 65536u
/* Longest stop word in bytes, with room: a longer token is no stop word
 * (the longest in the lists is 13 letters, some of them 2 bytes). */
#define WORD_BYTES 48u
/* A hit shared by k languages weighs SHARE/k: SHARE divides by 1..8. */
#define SHARE 840u
/* The letter bonus of a language, in the units of the hit rate: its
 * distinctive letters per mille of tokens, times MARK_GAIN / 10, at most
 * MARK_CAP. English news has next to none of them, French news 35-75 per
 * mille (so some 15-30 points, against a hit rate of 300-450); the cap
 * keeps a text full of foreign names from outvoting its stop words. */
#define MARK_GAIN 4u
#define MARK_CAP 120u
/* The least hit rate (per mille of the tokens, without the letter bonus)
 * of an answer. Running text in its own language has 200-420: 210-421 in
 * the samples of tests/data/lang, 178 and more on every document of the
 * English and French corpora but one list of rugby players' names (134).
 * Text in another language reaches at most 60 on the best of the eight
 * lists, but for close siblings: Danish and Norwegian 114-126 on Swedish,
 * Catalan 126 on Spanish, Galician 136 on Portuguese (those are told by
 * their letters and the shadow lists below). So the line is at one token
 * in ten, a factor of two from either side. */
#define MIN_RATE 100u
/* Few hits must still be more than chance. A list catches up to one token
 * in twenty of a text in another language ("di", "je", "tua"), so h hits
 * of the best language count only in a text of at most most_tokens[h]
 * tokens, where h or more such hits by chance have odds under one in
 * twenty (binomial, p = 1/20): 2 hits in up to 7 tokens, 3 in 16, ...
 * From 8 hits on, MIN_RATE is the stricter test. */
static const unsigned char most_tokens[] = {0, 0, 7, 16, 28, 40, 53, 67};
/* Letters of the Latin script that none of the eight languages writes
 * (alien(): æ ø ð þ and Latin Extended-A on, but œ), per mille of the
 * Latin letters, from which a text is in none of them. Every document of
 * the English and French corpora has at most 4.7 (names: "Łódź",
 * "Ødegaard"); Hungarian has 11, Danish and Norwegian 15, Croatian 38,
 * Romanian 52, Czech, Polish and Turkish 72. */
#define MIN_ALIEN 8u
/* ... which only weigh when the best language's hit rate is below this:
 * real text in its own language has 200 and more (MIN_RATE), even when a
 * short one names "Jiří Dvořák" and "Łódź". Danish and Norwegian score
 * 110-190 on Swedish, whatever their length. */
#define SURE_RATE 200u

enum { L_EN, L_DE, L_FR, L_ES, L_IT, L_PT, L_NL, L_SV };

/* Which languages a (case-folded) code point hints at, as bits of L_xx.
 * Letters every language here may use (é in loans, say) hint nothing. */
static unsigned mark_of(uint32_t cp)
{
#define B(l) (1u << (l))
    switch (cp) {
    case 0xDF: /* ß */
    case 0xFC: /* ü */
        return B(L_DE);
    case 0xE4: /* ä */
    case 0xF6: /* ö */
        return B(L_DE) | B(L_SV);
    case 0xE5: /* å */
        return B(L_SV);
    case 0xF1: /* ñ */
    case 0xBF: /* ¿ */
    case 0xA1: /* ¡ */
        return B(L_ES);
    case 0xE1: /* á */
    case 0xED: /* í */
    case 0xFA: /* ú */
        return B(L_ES) | B(L_PT);
    case 0xF3: /* ó */
        return B(L_ES) | B(L_PT) | B(L_IT);
    case 0xE3: /* ã */
    case 0xF5: /* õ */
        return B(L_PT);
    case 0xE7: /* ç */
    case 0xE2: /* â */
    case 0xEA: /* ê */
    case 0xF4: /* ô */
        return B(L_PT) | B(L_FR);
    case 0xE0: /* à */
        return B(L_FR) | B(L_IT) | B(L_PT);
    case 0xE8: /* è */
        return B(L_FR) | B(L_IT);
    case 0xEC: /* ì */
    case 0xF2: /* ò */
        return B(L_IT);
    case 0xF9: /* ù */
        return B(L_IT) | B(L_FR);
    case 0xEE: /* î */
    case 0xFB: /* û */
    case 0xEB: /* ë */
    case 0xEF: /* ï */
    case 0x153: /* œ */
        return B(L_FR);
    default:
        return 0;
    }
#undef B
}

/*
 * Shadow languages: close siblings of the eight that brief has no rules
 * for, whose function words would otherwise pass for a sibling's (Catalan
 * scores 126 on Spanish, Galician 136 on Portuguese, Danish and Norwegian
 * 114-126 on Swedish, about the least of real text in its own language).
 * Their lists (tools/stopwords/XX.txt, the most frequent function words)
 * serve detection only, and they do not take part in the scores: after
 * the best language L is chosen, each shadow S is held against it on the
 * words that tell them apart. Unless the text has more tokens in L's list
 * but not S's ("los", "och", "uma") than in S's list but not L's ("els",
 * "og", "unha"), it may be S as well as L, and the answer is "und".
 */
static const brief__wordlist shadows[] = {
    BRIEF__STOP_CA, /* Catalan   */
    BRIEF__STOP_DA, /* Danish    */
    BRIEF__STOP_GL, /* Galician  */
    BRIEF__STOP_NB, /* Norwegian */
};
#define NSHADOWS COUNT_OF(shadows)

/* The per-text tallies, all on the caller's stack. */
typedef struct detect_counts {
    size_t tokens;
    size_t hits[NLANGS]; /* in SHARE units */
    size_t found[NLANGS]; /* tokens in the list, whole                 */
    size_t marks[NLANGS];
    /* tokens in language l's list but not shadow s's, and the reverse */
    size_t only_lang[NLANGS][NSHADOWS];
    size_t only_shadow[NLANGS][NSHADOWS];
    size_t latin;        /* letters of the Latin script                */
    size_t alien;        /* ... of them none of the languages writes   */
    size_t other;        /* letters of other scripts, CJK included     */
} detect_counts;

static void count_token(detect_counts *c, const unsigned char *w, size_t n)
{
    int found[NLANGS], in_shadow[NSHADOWS];
    unsigned k = 0;
    size_t i, j;
    c->tokens++;
    if (n == 0)
        return;
    for (i = 0; i < NLANGS; i++) {
        found[i] = brief__in_list(&brief__langs[i].stopwords,
                                  (const char *)w, n);
        k += (unsigned)found[i];
    }
    for (j = 0; j < NSHADOWS; j++)
        in_shadow[j] = brief__in_list(&shadows[j], (const char *)w, n);
    for (i = 0; i < NLANGS; i++) {
        for (j = 0; j < NSHADOWS; j++) {
            if (found[i] && !in_shadow[j])
                c->only_lang[i][j]++;
            else if (in_shadow[j] && !found[i])
                c->only_shadow[i][j]++;
        }
        if (found[i]) {
            c->hits[i] += SHARE / k;
            c->found[i]++;
        }
    }
}

/* Enough evidence to stop reading: after 256 tokens, one language has
 * more than three times the stop-word hits of any other and at least one
 * token in five is its stop word. (Running text in a language brief knows
 * has 30-45%; the next language's share stays far below.) Letter marks are
 * not considered: they only break near-ties, which are not settled. */
static int settled(const detect_counts *c)
{
    size_t i, best = 0, second = 0;
    if (c->tokens < 256)
        return 0;
    for (i = 0; i < NLANGS; i++) {
        if (c->hits[i] > best) {
            second = best;
            best = c->hits[i];
        } else if (c->hits[i] > second) {
            second = c->hits[i];
        }
    }
    return best > 3 * second && best / SHARE * 5 >= c->tokens;
}

/* No language in sight, so no need to read on: after 256 tokens, every
 * language's hit rate is under half of MIN_RATE (text in another language,
 * whose answer is then "und" whatever follows; a text in its own language
 * has four times that from its first sentences). Saves reading 64 KB of
 * text in other languages, most of detection's cost there. */
static int hopeless(const detect_counts *c)
{
    size_t i;
    if (c->tokens < 256)
        return 0;
    for (i = 0; i < NLANGS; i++)
        if ((unsigned long long)c->hits[i] * 1000u * 2u >=
            (unsigned long long)SHARE * c->tokens * MIN_RATE)
            return 0;
    return 1;
}

static void add_marks(detect_counts *c, unsigned bits)
{
    size_t i;
    for (i = 0; i < NLANGS; i++)
        if (bits & (1u << i))
            c->marks[i]++;
}

/* The script of a letter: 1 Latin, -1 another script (Greek, Cyrillic,
 * Arabic, Hebrew, the Indic scripts, Thai, ...), 0 neither (spacing
 * modifiers and combining marks, which any script may carry). CJK code
 * points are not letters here: the caller counts them as another script. */
static int script_of(uint32_t cp)
{
    if (cp < 0x2B0)
        return 1; /* ASCII, Latin-1, Latin Extended-A and -B, IPA */
    if (cp < 0x370)
        return 0;
    if ((cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
        (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F) ||
        (cp >= 0xFB00 && cp <= 0xFB06) || (cp >= 0xFF21 && cp <= 0xFF5A))
        return 1; /* Latin Extended Additional, -C, -D, -E, ligatures and
                   * full-width Latin */
    if ((cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
        (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F))
        return 0; /* more combining marks */
    return -1;
}

/* 1 if the folded Latin letter f is one none of the eight languages
 * writes: æ, ø, ð, þ and the Latin Extended blocks (č, ł, ő, ş, ă, ș, ạ,
 * ...), but œ, which French writes. Ligatures (ﬁ) and full-width forms
 * are the letters they stand for. */
static int alien(uint32_t f)
{
    if (f < 0x100)
        return f == 0xE6 || f == 0xF8 || f == 0xF0 || f == 0xFE;
    return (f < 0x250 && f != 0x153) || (f >= 0x1E00 && f <= 0x1EFF) ||
           (f >= 0x2C60 && f <= 0x2C7F) || (f >= 0xA720 && f <= 0xA7FF) ||
           (f >= 0xAB30 && f <= 0xAB6F);
}

/* Count the script of a letter (cp as written, f folded). */
static void count_script(detect_counts *c, uint32_t cp, uint32_t f)
{
    int script = script_of(cp);
    if (script > 0) {
        c->latin++;
        if (alien(f))
            c->alien++;
    } else if (script < 0) {
        c->other++;
    }
}

static int is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* May a one-letter token between the code points before and after it be a
 * word? Yes between blanks ("a", "y", "I") and before an apostrophe (the
 * French and Italian elisions "l'", "d'"). No after an apostrophe (English
 * "'s", "'t"), for initials and abbreviations ("S. 23", "D.C.") and for
 * units ("5 m", "1°C"): these would otherwise read as French "s", "t",
 * "d", "c", "m". 0 stands for the start or the end of the text. */
static int lone_letter_word(uint32_t before, uint32_t after)
{
    enum brief__cls b = brief__class(before), a = brief__class(after);
    if (before != 0 && b != BRIEF__C_SPACE && b != BRIEF__C_NEWLINE &&
        (b != BRIEF__C_PUNCT || is_apostrophe(before)))
        return 0;
    return after == 0 || a == BRIEF__C_SPACE || a == BRIEF__C_NEWLINE ||
           is_apostrophe(after);
}

const brief__lang *brief__lang_detect(const unsigned char *s, size_t len)
{
    detect_counts c;
    unsigned char word[WORD_BYTES + 4];
    size_t wn = 0, letters = 0, i = 0, l, j, best = L_EN;
    int too_long = 0;
    uint32_t prev = 0;                     /* previous letter, folded      */
    uint32_t before = 0;   /* the code point before the token (0: none) */
    uint32_t last = 0;     /* the previous code point (0: none)         */
    unsigned long long score[NLANGS], rate;

    memset(&c, 0, sizeof c);
    if (s == NULL)
        return &brief__langs[L_EN];
    for (;;) {
        /* 0 stands for the end of the text (no NUL inside: callers refuse
         * binary input, and a NUL would only end a token early). */
        uint32_t cp = 0;
        enum brief__cls cls = BRIEF__C_SPACE;
        int more = i < len &&
                   (i < DETECT_BYTES || (letters > 0 && !too_long));
        if (more) {
            cp = brief__next(s, len, &i);
            cls = brief__class_of(cp);
        }
        if (more && cls == BRIEF__C_CJK)
            c.other++; /* a CJK character is no letter of a token here */
        if (more && cls == BRIEF__C_LETTER) {
            uint32_t f = brief__lower(cp);
            count_script(&c, cp, f);
            if (letters == 0)
                before = last;
            if (wn + 4 <= WORD_BYTES)
                wn += brief__put(f, word + wn);
            else
                too_long = 1;
            letters++;
            add_marks(&c, mark_of(f));
            if (prev == 'i' && f == 'j')
                add_marks(&c, 1u << L_NL);
            prev = f;
        } else {
            if (letters > 0) {
                int ok = !too_long &&
                         (letters > 1 || lone_letter_word(before, cp));
                count_token(&c, word, ok ? wn : 0);
                if (c.tokens % 128 == 0 && (settled(&c) || hopeless(&c)))
                    break;
            }
            if (!more)
                break;
            add_marks(&c, mark_of(cp)); /* the Spanish marks ¿ and ¡ */
            wn = letters = 0;
            too_long = 0;
            prev = 0;
        }
        last = cp;
    }
    /* Mostly another script: none of the languages. */
    if (c.other > c.latin)
        return &brief__und;
    /* No word at all (empty, digits, symbols): the default. */
    if (c.tokens == 0)
        return &brief__langs[L_EN];

    for (l = 0; l < NLANGS; l++) {
        unsigned long long bonus;
        rate = (unsigned long long)c.hits[l] * 1000u /
               ((unsigned long long)SHARE * c.tokens);
        bonus = (unsigned long long)c.marks[l] * 1000u * MARK_GAIN /
                (c.tokens * 10u);
        score[l] = rate + (bonus > MARK_CAP ? MARK_CAP : bonus);
        if (score[l] > score[best])
            best = l;
    }
    /* Too few of the best language's own stop words: the text is in some
     * other language, or too short to tell (letters alone never pick).
     * (The products are of counts below 2^32 and small constants: no
     * overflow in 64 bits.) */
    rate = (unsigned long long)c.hits[best] * 1000u /
           ((unsigned long long)SHARE * c.tokens);
    if ((c.found[best] < COUNT_OF(most_tokens) &&
         c.tokens > most_tokens[c.found[best]]) ||
        rate < MIN_RATE)
        return &brief__und;
    /* Letters the languages do not write, unless the stop words leave no
     * doubt (a few names in running text). */
    if (rate < SURE_RATE && c.alien > 0 &&
        (unsigned long long)c.alien * 1000u >=
            (unsigned long long)c.latin * MIN_ALIEN)
        return &brief__und;
    /* A sibling brief has no rules for explains the text as well. */
    for (j = 0; j < NSHADOWS; j++)
        if (c.only_shadow[best][j] >= c.only_lang[best][j])
            return &brief__und;
    return &brief__langs[best];
}

#endif /* BRIEF_NO_LANGS */

/*
 * lang.c - the languages brief knows, and guessing which one a text is in.
 *
 * A language is one row of a constant table (struct brief__lang): its code,
 * its stemmer, its stop words and the abbreviations the sentence splitter
 * must not end a sentence on. The word tables are generated from the plain
 * lists in tools/ (tools/gen_stopwords.sh). With BRIEF_NO_LANGS only English
 * is compiled in, and detection always answers English.
 *
 * Everything here is constant data and pure functions: no allocation, no
 * mutable state, so every function is reentrant.
 */
#include "internal.h"
#include "stopwords.inc"
#include "abbrevs.inc"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The order of rows is the order of brief__lang_at() and the tie-break of
 * detection: on equal scores the earlier row wins, so English comes first. */
static const brief__lang brief__langs[] = {
    {"en", "English", brief__stem_english, brief__stop_en,
     BRIEF__STOP_EN_COUNT, brief__abbr_en, BRIEF__ABBR_EN_COUNT},
#ifndef BRIEF_NO_LANGS
    {"de", "German", brief__stem_german, brief__stop_de,
     BRIEF__STOP_DE_COUNT, brief__abbr_de, BRIEF__ABBR_DE_COUNT},
    {"fr", "French", brief__stem_french, brief__stop_fr,
     BRIEF__STOP_FR_COUNT, brief__abbr_fr, BRIEF__ABBR_FR_COUNT},
    {"es", "Spanish", brief__stem_spanish, brief__stop_es,
     BRIEF__STOP_ES_COUNT, brief__abbr_es, BRIEF__ABBR_ES_COUNT},
    {"it", "Italian", brief__stem_italian, brief__stop_it,
     BRIEF__STOP_IT_COUNT, brief__abbr_it, BRIEF__ABBR_IT_COUNT},
    {"pt", "Portuguese", brief__stem_portuguese, brief__stop_pt,
     BRIEF__STOP_PT_COUNT, brief__abbr_pt, BRIEF__ABBR_PT_COUNT},
    {"nl", "Dutch", brief__stem_dutch, brief__stop_nl,
     BRIEF__STOP_NL_COUNT, brief__abbr_nl, BRIEF__ABBR_NL_COUNT},
    {"sv", "Swedish", brief__stem_swedish, brief__stop_sv,
     BRIEF__STOP_SV_COUNT, brief__abbr_sv, BRIEF__ABBR_SV_COUNT},
#endif
};

#define NLANGS COUNT_OF(brief__langs)

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
 * Only the first DETECT_BYTES bytes are read (a word running at that point
 * is read to its end, at most WORD_BYTES more), and reading stops earlier
 * once one language clearly leads (settled()); each token costs one
 * binary search per language, so detection is linear in min(len,
 * DETECT_BYTES) and uses a fixed amount of stack. When no language scores
 * above English - no stop words at all, as in CJK, Russian or a list of
 * names - the answer is English.
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

/* The per-text tallies, all on the caller's stack. */
typedef struct detect_counts {
    size_t tokens;
    size_t hits[NLANGS]; /* in SHARE units */
    size_t marks[NLANGS];
} detect_counts;

static void count_token(detect_counts *c, const unsigned char *w, size_t n)
{
    int found[NLANGS];
    unsigned k = 0;
    size_t i;
    c->tokens++;
    if (n == 0)
        return;
    for (i = 0; i < NLANGS; i++) {
        found[i] = brief__in_table(brief__langs[i].stopwords,
                                   brief__langs[i].stopword_count,
                                   (const char *)w, n);
        k += (unsigned)found[i];
    }
    if (k == 0)
        return;
    for (i = 0; i < NLANGS; i++)
        if (found[i])
            c->hits[i] += SHARE / k;
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

static void add_marks(detect_counts *c, unsigned bits)
{
    size_t i;
    for (i = 0; i < NLANGS; i++)
        if (bits & (1u << i))
            c->marks[i]++;
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
    size_t wn = 0, letters = 0, i = 0, l, best = L_EN;
    int too_long = 0;
    uint32_t prev = 0;                     /* previous letter, folded      */
    uint32_t before = 0;   /* the code point before the token (0: none) */
    uint32_t last = 0;     /* the previous code point (0: none)         */
    unsigned long long score[NLANGS];

    for (l = 0; l < NLANGS; l++)
        c.hits[l] = c.marks[l] = 0;
    c.tokens = 0;
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
        if (more && cls == BRIEF__C_LETTER) {
            uint32_t f = brief__lower(cp);
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
                if (c.tokens % 128 == 0 && settled(&c))
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
    if (c.tokens == 0)
        return &brief__langs[L_EN];

    for (l = 0; l < NLANGS; l++) {
        unsigned long long rate, bonus;
        rate = (unsigned long long)c.hits[l] * 1000u /
               ((unsigned long long)SHARE * c.tokens);
        bonus = (unsigned long long)c.marks[l] * 1000u * MARK_GAIN /
                (c.tokens * 10u);
        score[l] = rate + (bonus > MARK_CAP ? MARK_CAP : bonus);
        if (score[l] > score[best])
            best = l;
    }
    /* Letters alone never pick a language: without a stop word of its own
     * the text is not convincingly anything, and English is the default. */
    if (c.hits[best] == 0)
        best = L_EN;
    return &brief__langs[best];
}

#endif /* BRIEF_NO_LANGS */

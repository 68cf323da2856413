/*
 * segment.c - paragraphs, title, headings and sentences.
 *
 * Input: the decoded view (plain text; for HTML/Markdown the decoder's
 * output). Output: doc->sents, trimmed byte spans in document order.
 *
 * Lines and paragraphs. A blank line always ends a paragraph. Whether a
 * single newline does depends on the document: text hard-wrapped at a fixed
 * width (every line short) joins its lines, while text with long lines (one
 * paragraph a line, as web copy and wire text come) breaks at each newline.
 * A short line without final punctuation is a heading unit of its own (the
 * first one, at the very top, is the title); a line starting with a list
 * marker starts a unit of its own.
 *
 * Sentences. Inside a unit the text is read as whitespace-separated chunks;
 * a sentence ends after a chunk whose core (the chunk without trailing
 * quotes and brackets) ends in . ! ? or an ellipsis, subject to rules on
 * the next chunk (see ends_sentence()). CJK full stops end a sentence even
 * without a following space. Everything runs in one pass, linear in the
 * input, with no recursion.
 */
#include <string.h>
#include "internal.h"

/* The eight bytes at p with p[0] in the low byte, whatever the host's
 * byte order (compilers make it one load on a little-endian host), for the
 * scans that need to know which byte comes first. */
static inline uint64_t load8_le(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
           (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
           (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* 0x80 in each byte of v that is not c (c < 0x80), in two operations
 * where brief__has_below(v ^ (BRIEF__ONES * c), 1) takes four to tell
 * whether one is c: exact while no byte of v is from 0x80 up
 * (no addition then carries into the next byte), so the callers test
 * v & BRIEF__HIGHS as well. */
static inline uint64_t ascii_ne(uint64_t v, unsigned char c)
{
    return (v ^ (BRIEF__ONES * c)) + BRIEF__ONES * 0x7F;
}

/* Nonzero when a byte of v is from 0x80 up or below 0x20, what
 * (v & BRIEF__HIGHS) || brief__has_below(v, 0x20) tells in two
 * operations fewer: has_below()'s & ~v only clears the high bits of the
 * bytes from 0x80 up, which v's own high bits set again. */
static inline uint64_t unprintable(uint64_t v)
{
    return (v | (v - BRIEF__ONES * 0x20)) & BRIEF__HIGHS;
}

/* How many bytes of m (0x80 or 0 each) are 0x80. */
static size_t count_flags(uint64_t m)
{
    return (size_t)(((m >> 7) * BRIEF__ONES) >> 56);
}

/* Which bytes of eight printable ASCII bytes v (read by load8_le) start a
 * word (a byte other than a space after a space; the first byte when
 * in_word is 0), as 0x80 flags, with the spaces in *sp (ascii_ne() is
 * exact: no byte is from 0x80 up). */
static uint64_t word_starts(uint64_t v, int in_word, uint64_t *sp)
{
    *sp = ~ascii_ne(v, ' ') & BRIEF__HIGHS;
    return ~*sp & BRIEF__HIGHS & (*sp << 8 | (in_word ? 0u : 0x80u));
}

/* ---- character helpers --------------------------------------------------- */

/* Word-at-a-time scanning: eight bytes as one uint64_t (any byte order:
 * the tests below look at every byte alike). */
/* Decode the code point ending at byte end (> start), set *at to its first
 * byte. Invalid sequences read as one U+FFFD byte, as brief__utf8_next. */
uint32_t brief__prev_cp(const unsigned char *s, size_t start, size_t end,
                        size_t *at)
{
    size_t p = end - 1, k = 0;
    while (p > start && k < 3 && (s[p] & 0xC0) == 0x80) {
        p--;
        k++;
    }
    {
        size_t q = p;
        uint32_t cp = brief__next(s, end, &q);
        if (q == end) {
            *at = p;
            return cp;
        }
    }
    *at = end - 1;
    return 0xFFFD;
}

static int is_space_cp(uint32_t cp)
{
    enum brief__cls c = brief__class_of(cp);
    return c == BRIEF__C_SPACE || c == BRIEF__C_NEWLINE;
}

static int is_stop_mark(uint32_t cp) /* ! ? and friends (not the period) */
{
    return cp == '!' || cp == '?' || cp == 0x203C || cp == 0x2047 ||
           cp == 0x2048 || cp == 0x2049 || cp == 0xFF01 || cp == 0xFF1F ||
           cp == 0x061F;
}

static int is_cjk_stop(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

static int is_bullet(uint32_t cp)
{
    return cp == 0x2022 || cp == 0x2043 || cp == 0x25AA || cp == 0x25CF ||
           cp == 0x25E6 || cp == 0x2023 || cp == 0x00B7;
}

int brief__is_lower_letter(uint32_t cp)
{
    return brief__class_of(cp) == BRIEF__C_LETTER && !brief__is_upper(cp) &&
           brief__lower(cp) == cp && (cp < 0x2B0 || cp >= 0x370) &&
           !(cp >= 0x5D0 && cp < 0x2000 && cp != 0x1E00);
}

/* ---- chunks -------------------------------------------------------------- */

typedef struct chunk {
    size_t s, e;          /* bytes [s, e)                                  */
    size_t core_e;        /* end of the core (before trailing closers)    */
    uint32_t first;       /* first code point after openers (0: none)     */
    uint32_t first_raw;   /* first code point                              */
    int ascii;            /* all its bytes are ASCII                       */
} chunk;

/* Byte classes of the segmenter's scans, as bits of byte_scan[]:
 * SCAN_CHUNK_END  a run of chunk bytes may end here: an ASCII blank (as
 *                 ascii_blank) or a non-ASCII byte (decoded to see if it
 *                 is a space);
 * SCAN_MAY_END    a chunk that holds it may matter inside a sentence (see
 *                 the fast-forward in split_unit): . ! ? : or non-ASCII
 *                 (a colon may open an inline list). */
enum { SCAN_CHUNK_END = 1, SCAN_MAY_END = 2, SCAN_MAY_OPEN = 4, SCAN_PAREN = 8,
       SCAN_OPENER = 16, SCAN_CLOSER = 32, SCAN_BLANK = 64 };
/* SCAN_MAY_OPEN   a chunk that holds it may end a sentence without a
 *                 period in the languages of open_ends(): ':' and the
 *                 ASCII capitals (see unpunctuated_end).
 * SCAN_PAREN      ( and ): emit_body() counts bracket depth.
 * SCAN_OPENER     the ASCII openers  " ' ( [ { * _  (as is_opener())
 * SCAN_CLOSER     the ASCII closers  " ' ) ] } * _  (as is_closer()):
 *                 one table load where next_chunk() tests every chunk's
 *                 first and last bytes.
 * SCAN_BLANK      an ASCII space or line break (the bytes brief__class()
 *                 calls SPACE or NEWLINE: tab, LF, VT, FF, CR, space). */
static const unsigned char byte_scan[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 65, 65, 65, 65, 65, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    65, 2, 48, 0, 0, 0, 0, 48, 24, 40, 48, 0, 0, 0, 2, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 2,
    0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 16, 0, 32, 0, 48,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 32, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

/* The closers and openers of next_chunk(): the ASCII ones by byte_scan[]
 * (one table for both), then the others. */
static int is_closer(uint32_t cp)
{
    if (cp < 0x80)
        return byte_scan[cp] & SCAN_CLOSER;
    switch (cp) {
    case 0x2019: case 0x201D: case 0x201C: case 0xBB: case 0x203A:
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011: case 0xFF02:
        return 1;
    default:
        return 0;
    }
}

static int is_opener(uint32_t cp)
{
    if (cp < 0x80)
        return byte_scan[cp] & SCAN_OPENER;
    switch (cp) {
    case 0x2018: case 0x201C: case 0x201E: case 0xAB: case 0x2039:
    case 0x300C: case 0x300E: case 0xFF08: case 0x3010: case 0xBF:
    case 0xA1: case 0x201A:
        return 1;
    default:
        return 0;
    }
}

/* Is byte b an ASCII space or line break? Any byte may be passed: one from
 * 0x80 up is never an ASCII blank. One table load (see SCAN_BLANK). */
static int ascii_blank(unsigned char b)
{
    return (byte_scan[b] & SCAN_BLANK) != 0;
}

/* Next chunk at or after *pos inside [.., end); 0 when none is left. */
static int next_chunk(const unsigned char *t, size_t end, size_t *pos,
                      chunk *c)
{
    size_t p = *pos, q;
    uint32_t cp = 0;
    unsigned char high = 0;
    while (p < end) {
        unsigned char b = t[p];
        if (b < 0x80) { /* ASCII fast path */
            if (!ascii_blank(b))
                break;
            p++;
            continue;
        }
        q = p;
        cp = brief__utf8_next(t, end, &q);
        if (!is_space_cp(cp))
            break;
        p = q;
    }
    if (p >= end)
        return 0;
    c->s = p;
    if (t[p] < 0x80 && !(byte_scan[t[p]] & SCAN_OPENER)) { /* a word */
        c->first_raw = c->first = t[p];
        p++;
    } else {
        q = p;
        c->first_raw = brief__next(t, end, &q);
        c->first = 0;
        /* the first code point that is no opening quote or bracket */
        while (p < end) {
            q = p;
            cp = brief__next(t, end, &q);
            if (is_space_cp(cp))
                break;
            high |= t[p];
            p = q;
            if (!is_opener(cp)) {
                c->first = cp;
                break;
            }
        }
    }
    /* the rest of the chunk: runs of plain bytes, and the non-ASCII code
     * points between them that are no spaces */
    for (;;) {
        while (p < end && !(byte_scan[t[p]] & SCAN_CHUNK_END))
            p++;
        if (p >= end || t[p] < 0x80)
            break;
        q = p;
        cp = brief__utf8_next(t, end, &q);
        if (is_space_cp(cp))
            break;
        high = 0x80;
        p = q;
    }
    c->e = p;
    c->ascii = !(high & 0x80);
    /* strip trailing closers */
    q = c->e;
    while (q > c->s) {
        size_t at;
        if (t[q - 1] < 0x80) {
            if (!(byte_scan[t[q - 1]] & SCAN_CLOSER))
                break;
            q--;
            continue;
        }
        cp = brief__prev_cp(t, c->s, q, &at);
        if (!is_closer(cp))
            break;
        q = at;
    }
    c->core_e = q;
    *pos = c->e;
    return 1;
}

/* Lower-case UTF-8 copy of bytes [s, e) into out (cap bytes incl. NUL),
 * dropping a leading elision ("l'", "d'") and openers. Returns the length,
 * or cap when it does not fit (then the word is no abbreviation). */
static size_t folded_word(const unsigned char *t, size_t s, size_t e,
                          char *out, size_t cap)
{
    size_t p = s, n = 0;
    while (p < e) {
        size_t q = p;
        uint32_t cp = brief__next(t, e, &q);
        if (!is_opener(cp))
            break;
        p = q;
    }
    while (p < e) {
        uint32_t cp = brief__next(t, e, &p);
        unsigned char buf[4];
        size_t k, m;
        if (cp == '\'' || cp == 0x2019) { /* l'Ing. -> ing */
            n = 0;
            continue;
        }
        m = brief__put(brief__lower(cp), buf);
        if (n + m >= cap)
            return cap;
        for (k = 0; k < m; k++)
            out[n++] = (char)buf[k];
    }
    out[n] = 0;
    return n;
}

/* Are bytes [s, e) two or more ASCII capitals and nothing else? */
static int all_caps_ascii(const unsigned char *t, size_t s, size_t e)
{
    size_t p;
    for (p = s; p < e; p++)
        if ((unsigned)(t[p] - 'A') >= 26u)
            return 0;
    return e - s >= 2;
}

/* Kinds of stem before a final period. */
enum { W_WORD, W_ABBREV, W_INITIAL, W_ACRONYM_LOWER, W_ACRONYM_UPPER,
       W_NUMBER, W_ORDINAL };

/* What kind of word stands in bytes [s, e) (the chunk's core minus '.'). */
static int word_kind(const unsigned char *t, size_t s, size_t e,
                     const brief__lang *lang)
{
    char w[48];
    size_t n, p, letters = 0, digits = 0, dots = 0, upper = 0, others = 0;
    size_t run = 0, maxrun = 0;
    /* Most words before a period are two or more ASCII letters and no
     * more: an abbreviation if listed, else a word (the counts below
     * could say nothing else). */
    for (p = s; p < e && (unsigned)((t[p] | 0x20) - 'a') < 26u; p++)
        ;
    if (p == e && e - s >= 2 && e - s < sizeof w) {
        for (n = 0; n < e - s; n++)
            w[n] = (char)(t[s + n] | 0x20);
        w[n] = '\0';
    } else {
        p = 0;
        n = folded_word(t, s, e, w, sizeof w);
        if (n == 0 || n >= sizeof w)
            return W_WORD;
    }
    if (brief__in_list(&lang->abbrevs, w, n) ||
        (lang->abbrevs.blob != brief__lang_at(0)->abbrevs.blob &&
         brief__in_list(&brief__lang_at(0)->abbrevs, w, n)))
        return W_ABBREV;
    if (p)
        return W_WORD;
    p = s;
    while (p < e) {
        uint32_t cp = brief__next(t, e, &p);
        enum brief__cls c = brief__class_of(cp);
        if (letters + digits == 0 && is_opener(cp))
            continue;
        if (c == BRIEF__C_LETTER) {
            letters++;
            run++;
            if (run > maxrun)
                maxrun = run;
            if (cp < 0x80 ? cp - 'A' < 26u : brief__is_upper(cp))
                upper++;
        } else if (c == BRIEF__C_DIGIT) {
            digits++;
            run = 0;
        } else if (cp == '.') {
            dots++;
            run = 0;
        } else if (cp == ',' || cp == '$' || cp == 0x20AC || cp == 0xA3 ||
                   cp == '%' || cp == 0xB0) {
            run = 0;
        } else {
            others++;
            run = 0;
        }
    }
    if (digits && !letters && !others)
        return (digits <= 2 && !dots) ? W_ORDINAL : W_NUMBER;
    if (letters == 1 && !digits && !dots && !others)
        return W_INITIAL;
    if (dots && !digits && !others && maxrun <= 2 && letters <= 2 * (dots + 1))
        return upper ? W_ACRONYM_UPPER : W_ACRONYM_LOWER;
    return W_WORD;
}

static int is_title_word(const unsigned char *t, const chunk *c)
{
    static const char *const titles[] = {"dr", "mr", "mrs", "ms", "prof"};
    char w[16];
    size_t n = folded_word(t, c->s, c->core_e, w, sizeof w);
    if (n && n < sizeof w && w[n - 1] == '.')
        n--;
    return n < sizeof w &&
           brief__in_table(titles, sizeof titles / sizeof titles[0], w, n);
}

/* Words that abbreviate before a number in every language brief reads
 * ("No. 5", "Nr. 12", "Art. 4", "Op. 46", "Sec. 3", "Tel. 555"): also
 * ordinary words ("no", "par"), so they are no abbreviations before
 * anything else. Sorted. */
static int numbers_follow(const unsigned char *t, size_t s, size_t e)
{
    static const char *const before_number[] = {
        "art", "ch", "chap", "ext", "no", "nos", "nr", "num", "n\xC2\xB0",
        "n\xC2\xBA", "n\xC3\xBAm", "op", "par", "para", "sec", "sect", "tel",
        "ziff"};
    char w[16];
    size_t n = folded_word(t, s, e, w, sizeof w);
    return n < sizeof w &&
           brief__in_table(before_number,
                           sizeof before_number / sizeof before_number[0], w,
                           n);
}

/* 1 if the chunk's first word (folded, without quotes) is a stop word of
 * the language: after an abbreviation, a capitalized function word ("He",
 * "The", "It") signals a new sentence, a capitalized name does not. */
static int starts_with_function_word(const unsigned char *t, const chunk *c,
                                     const brief__lang *lang)
{
    char w[48];
    size_t p = c->s, s, e, n;
    while (p < c->e) {
        size_t q = p;
        uint32_t cp = brief__next(t, c->e, &q);
        enum brief__cls k = brief__class_of(cp);
        if (k == BRIEF__C_LETTER)
            break;
        p = q;
    }
    s = p;
    while (p < c->e) {
        size_t q = p;
        uint32_t cp = brief__next(t, c->e, &q);
        if (brief__class_of(cp) != BRIEF__C_LETTER)
            break;
        p = q;
    }
    e = p;
    n = folded_word(t, s, e, w, sizeof w);
    if (n == 0 || n >= sizeof w)
        return 0;
    /* "Mr." is a stop word for scoring but starts no sentence after "a.m." */
    if (is_title_word(t, c))
        return 0;
    return brief__in_list(&lang->stopwords, w, n);
}

/* Is the document's language the one named? An English-only build
 * reads English text only, so rules for other languages fall away. */
#ifdef BRIEF_NO_LANGS
#define LANG_IS(lang, name) ((void)(lang), 0)
#else
#define LANG_IS(lang, name) (!strcmp((lang)->code, (name)))
#endif

/* The value of a lower-case roman digit i, v, x (0: none). */
static size_t roman_digit(uint32_t c)
{
    return c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : 0;
}

/* May chunk c be a list marker? Most chunks are words: a marker starts
 * with a digit, a lower-case letter followed by '.' or ')', or a
 * (non-ASCII) bullet. The quick test before the call of list_marker(). */
static inline int may_be_marker(const unsigned char *t, const chunk *c)
{
    unsigned char b = t[c->s];
    return b >= 0x80 || (b >= '0' && b <= '9') ||
           (b >= 'a' && b <= 'z' && c->e - c->s >= 2 &&
            (t[c->s + 1] == '.' || t[c->s + 1] == ')' ||
             (roman_digit(b) && roman_digit(t[c->s + 1])))) ||
           (b == '(' && t[c->e - 1] == ')');
}

/* List markers: "1." "1)" "1.)" "a." "b)", "(1)" "(a)" "(iv)" and
 * bullets. kind 1 = number, 2 = letter, 3 = bullet, 4 = roman numeral
 * ("(i)", "iv.", "ii)": i, v and x are numerals, as a list of letters
 * rarely runs to its ninth), and 5, 6 = "(1)", "(a)" (a list goes
 * on with markers of its own kind: "(2) ... 3. Aufl." is none); *val the
 * number, letter or numeral. */
static int list_marker(const unsigned char *t, const chunk *c, size_t *val)
{
    size_t p = c->s, digits = 0, letters = 0, v = 0, n = 0, paren = 0;
    uint32_t cp = 0, last = 0, cps[8];
    if (!may_be_marker(t, c))
        return 0;
    while (p < c->e && n < 8) {
        cp = brief__next(t, c->e, &p);
        cps[n++] = cp;
    }
    if (p < c->e || n == 0)
        return 0;
    if (is_bullet(cps[0])) {
        *val = 0;
        return 3;
    }
    /* "(iv)", "iv." and "iv)": a numeral (i, v and x too: a list of
     * letters rarely runs to its ninth) */
    paren = cps[0] == '(';
    if (n >= 2 + paren && (paren ? cps[n - 1] == ')'
                                 : cps[n - 1] == '.' || cps[n - 1] == ')')) {
        size_t d, prev = 0;
        for (p = paren; p + 1 < n && (d = roman_digit(cps[p])) != 0;
             p++, prev = d)
            v += d > prev ? d - 2 * prev : d; /* "iv": 1 + (5 - 2) */
        if (p + 1 == n) {
            *val = v;
            return 4;
        }
        v = 0;
    }
    p = paren; /* "(1)", "(a)" as "1)" */
    paren *= 4;
    for (; p < n; p++) {
        cp = cps[p];
        if (cp >= '0' && cp <= '9' && !letters) {
            digits++;
            v = v * 10 + (cp - '0');
        } else if (cp >= 'a' && cp <= 'z' && !digits && !letters) {
            letters++;
            v = cp - 'a' + 1;
        } else {
            break;
        }
    }
    if (p == n || (digits == 0 && letters == 0) || digits > 3)
        return 0;
    last = cps[p];
    if ((last == ')' && p + 1 == n) ||
        (!paren && last == '.' &&
         (p + 1 == n || (p + 2 == n && cps[p + 1] == ')')))) {
        *val = v;
        return (digits ? 1 : 2) + (int)paren;
    }
    return 0;
}

/* Count trailing periods / ellipses of the core. 1 for ".", 3 for "..."
 * or "…", more for "....". Also tells whether the core is only dots. */
static size_t trailing_dots(const unsigned char *t, const chunk *c,
                            size_t *stem_e, int *only_dots)
{
    size_t q = c->core_e, dots = 0;
    while (q > c->s) {
        size_t at;
        uint32_t cp = brief__prev_cp(t, c->s, q, &at);
        if (cp == '.')
            dots++;
        else if (cp == 0x2026)
            dots += 3;
        else
            break;
        q = at;
    }
    *stem_e = q;
    *only_dots = (q == c->s);
    return dots;
}

static int has_cjk_lead(const unsigned char *t, size_t s, size_t e)
{
    for (; s < e; s++)
        if (t[s] == 0xE3 || t[s] == 0xEF)
            return 1;
    return 0;
}

/* ---- how the document writes a word ------------------------------------ */

/* Punkt's orthographic evidence (Kiss & Strunk 2006): after a dotted
 * acronym, a capitalized word that the document writes in lower case
 * elsewhere, and nowhere else capitalized inside a sentence, is
 * capitalized only because a sentence starts with it ("in the U.S.
 * Millions watched ... millions of"); a name is capitalized wherever it
 * stands ("the U.S. Senate ... the Senate", "L.E.A.N. Ads" twice). The
 * question is rare (an acronym, then a capitalized word that is no
 * function word, then a word in lower case), so it is answered by a scan
 * of the text around it, CASE_NEAR bytes either side (a news article
 * whole, a book's chapter), and needs no memory; the scans of a document
 * read at most its length and 4 scans more (then the question has no
 * answer and the acronym ends no sentence, as before), so the segmenter
 * stays linear and a long text pays at most one pass. */
#define CASE_NEAR 8192

typedef struct case_scan {
    const unsigned char *t;
    size_t len;
    size_t budget; /* bytes the scans may still read */
} case_scan;

/* What stands before a capitalized word at t[i] on its line: 1 if it is
 * inside a sentence (after a letter, digit, comma or semicolon, or after
 * an acronym's period as the word asked about stands: "U.S. Senate"),
 * else 0. Anything not ASCII counts as inside, as a capital's period
 * does ("the USA. Millions"): the answer errs towards a name. */
static int capital_inside(const unsigned char *t, size_t i)
{
    unsigned char c;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '"'))
        i--;
    if (i == 0)
        return 0;
    c = t[i - 1];
    return brief__ascii_is_alnum(c) || c == ',' ||
           c == ';' || c >= 0x80 ||
           (c == '.' && i >= 2 && (unsigned)(t[i - 2] - 'A') < 26u);
}

/* 1 if chunk n (in a unit that ends at e) opens with a capitalized ASCII
 * word in sentence case ("Millions", not "NASA") that the text around
 * writes in lower case elsewhere and nowhere but here capitalized inside
 * a sentence, and the word after it is not capitalized too (a name:
 * "Census Bureau"). */
static int case_evidence(case_scan *cs, const unsigned char *t,
                         const chunk *n, size_t e)
{
    size_t p = n->s, w, q, i, m, lo, hi, lower = 0;
    if ((unsigned)(t[p] - 'A') >= 26u)
        return 0;
    for (w = p + 1; w < n->core_e && (unsigned)(t[w] - 'a') < 26u; w++)
        ;
    /* "McDonald", "NASA", "Zürich": no ASCII word in sentence case (a
     * place where the letters found go on in a word matches nothing) */
    m = w - p;
    lo = p > CASE_NEAR ? p - CASE_NEAR : 0;
    hi = cs->len - p > CASE_NEAR ? p + CASE_NEAR : cs->len;
    if (m < 2 || cs->budget < hi - lo)
        return 0;
    for (q = n->e; q < e && t[q] == ' '; q++)
        ;
    if (q < e && (unsigned)(t[q] - 'A') < 26u)
        return 0;
    cs->budget -= hi - lo;
    /* every place the word stands, found by its second letter */
    for (i = lo + 1; i < hi; i++) {
        const unsigned char *f = (const unsigned char *)memchr(
            cs->t + i, t[p + 1], hi - i);
        const unsigned char *s0;
        if (!f)
            break;
        i = (size_t)(f - cs->t);
        s0 = f - 1;
        if (i - 1 + m > cs->len || memcmp(f, t + p + 1, m - 1) != 0 ||
            (*s0 | 0x20) != (t[p] | 0x20) ||
            (i > 1 &&
             (brief__ascii_is_alpha(s0[-1]) || s0[-1] >= 0x80)) ||
            (i - 1 + m < cs->len &&
             (brief__ascii_is_alpha(s0[m]) || s0[m] >= 0x80)))
            continue;
        if (*s0 != t[p])
            lower = 1;
        else if (s0 != t + p && capital_inside(cs->t, i - 1))
            return 0;
    }
    return lower != 0;
}

/* State carried across chunks of one unit. */
typedef struct split_state {
    int list_kind;          /* 0: the unit is not a list                    */
    size_t list_val;        /* value of the last marker seen                */
    size_t dot_run;         /* dots in the run of dot-only chunks so far    */
    size_t run_s;           /* where that run began                         */
    size_t sent_s;          /* where the current sentence began             */
    size_t e;               /* end of the unit (for a look-ahead)           */
    int inline_list;        /* the list began inside a line (after a colon) */
    case_scan *cases;       /* the document's (see case_evidence())         */
} split_state;

/* Is [s, e) "a.m" or "p.m" (any case)? */
static int is_time_of_day(const unsigned char *t, size_t s, size_t e)
{
    return e - s == 3 && (t[s] == 'a' || t[s] == 'p' || t[s] == 'A' ||
                          t[s] == 'P') &&
           t[s + 1] == '.' && (t[s + 2] == 'm' || t[s + 2] == 'M');
}

/* Does chunk n open with a weekday's name ("Monday" ... "Sunday": six to
 * nine letters ending in "day", so not "Today")? A time goes on with its
 * day, as news writes it: "at 10 a.m. Tuesday". */
static int weekday(const unsigned char *t, const chunk *n)
{
    size_t e = n->s;
    while (e < n->core_e && brief__ascii_is_alpha(t[e]))
        e++;
    return e - n->s >= 6 && e - n->s <= 9 && !memcmp(t + e - 3, "day", 3);
}

/* A time ("at 6 p.m. Travelers were ...", "6 P.M.") ends a sentence before
 * a capitalized word that is no time zone ("p.m. EST"), title (Mr) or
 * weekday. */
static int time_ends(const unsigned char *t, size_t s, size_t e,
                     const chunk *n, uint32_t nf)
{
    return is_time_of_day(t, s, e) && brief__is_upper(nf) &&
           n->core_e - n->s > 1 && !brief__is_upper(t[n->s + 1]) &&
           !is_title_word(t, n) && !weekday(t, n);
}

/* After an ellipsis, a capitalized function word starts a new sentence
 * ("Nice... Then we left."); after an ellipsis standing apart (spaces on
 * both sides: "recorde ... Psicologia") any capital does, while one glued
 * to its word may stand before a name. English "I" is capitalized
 * anywhere, so it tells nothing. */
static int opens_after_ellipsis(const unsigned char *t, const chunk *n,
                                const brief__lang *lang, int apart)
{
    uint32_t nf = n->first ? n->first : n->first_raw;
    if (!brief__is_upper(nf))
        return 0;
    if (nf == 'I' && (n->core_e - n->s == 1 ||
                      (n->core_e > n->s + 1 && t[n->s + 1] == '\'')))
        return 0;
    return apart || starts_with_function_word(t, n, lang);
}

/* A period after a plain word of five letters or more, then a word in
 * lower case: a sentence that starts in lower case (web text, a treebank's
 * fragments: "... della cosa. il costruttore"), as no abbreviation of the
 * tables is that long and an unknown one rarely is. Not after a quote or
 * bracket ("'This is great.' she said"). [c->s, stem_e) is the chunk
 * before its period. */
static int lower_start_ends(const unsigned char *t, const chunk *c,
                            size_t stem_e, const chunk *n,
                            const brief__lang *lang)
{
    size_t p = c->s, letters = 0;
    if (n->first_raw != n->first || c->core_e != c->e || stem_e - c->s < 5)
        return 0;
    while (p < stem_e) {
        uint32_t cp = brief__next(t, stem_e, &p);
        if (brief__class_of(cp) != BRIEF__C_LETTER)
            return 0;
        letters++;
    }
    return letters >= 5 && word_kind(t, c->s, stem_e, lang) == W_WORD;
}

/* The first code point of the first chunk after the run of dot-only
 * chunks that starts at pos (0: none, or the run is too long to look
 * through: at most 8 chunks are read, so the look-ahead stays O(1)). */
static uint32_t first_after_dots(const unsigned char *t, size_t e, size_t pos)
{
    chunk x;
    int k;
    for (k = 0; k < 8 && next_chunk(t, e, &pos, &x); k++) {
        size_t stem_e;
        int only;
        if (x.core_e == x.s || t[x.core_e - 1] != '.')
            return x.first ? x.first : x.first_raw;
        (void)trailing_dots(t, &x, &stem_e, &only);
        if (!only)
            return x.first ? x.first : x.first_raw;
    }
    return 0;
}

/* An utterance broken off at a spaced dash, then a new one: "You - No,
 * because she doesn't - All you said ..." (with an em or en dash). The
 * dash stands alone after a word that ends in lower case (or a cut word:
 * "re- -"), and a capitalized function word follows: not "I", which is
 * capitalized anywhere ("and - I think - it"), nor a name. A dateline
 * ("WASHINGTON - The") ends in capitals. Not in German, which
 * capitalizes "Sie" (you) and opens a title's second half after a dash
 * ('das Buch "Im Grunde gut - Eine neue Geschichte"'). */
static int broken_off(const unsigned char *t, const chunk *c, const chunk *n,
                      const brief__lang *lang, size_t sent_s)
{
    size_t p = c->s, at;
    uint32_t cp;
    if (c->core_e - c->s != 3 || LANG_IS(lang, "de"))
        return 0;
    while (p > sent_s && t[p - 1] == ' ') /* a chunk starts after a blank */
        p--;
    if (p <= sent_s)
        return 0;
    cp = brief__prev_cp(t, sent_s, p, &at);
    if ((!brief__is_lower_letter(cp) && cp != '-') ||
        !brief__is_upper(n->first_raw) ||
        (t[n->s] == 'I' &&
         (n->s + 1 == n->core_e || !brief__ascii_is_alpha(t[n->s + 1]))) ||
        !starts_with_function_word(t, n, lang))
        return 0;
    /* not inside a quotation: a title's second half ('a paper titled "A
     * limited-preview approach - With application to ..."'). The last
     * quote mark before the dash tells, looked for in the 400 bytes
     * before it (a bound: this may run at every dash of a sentence). */
    for (p = c->s; p > sent_s && p + 400 > c->s; p = at) {
        cp = brief__prev_cp(t, sent_s, p, &at);
        if (cp == 0x201C)
            return 0;
        if (cp == 0x201D || cp == '"')
            return cp == 0x201D || (at > sent_s && t[at - 1] != ' ');
    }
    return 1;
}

/* A capitalized word that ends by closing a bracket it did not open ("em
 * ... Boliqueime),") is the end of a parenthesis opened before it, so no
 * sentence starts with it. A capital letter alone with its bracket ("A)")
 * is a list's marker. */
static int closes_unopened(const unsigned char *t, const chunk *n)
{
    size_t p, e = n->e;
    /* the bracket ends the word, perhaps before one mark ("Aneks),");
     * this byte test first: it is asked at every sentence end */
    if (t[e - 1] != ')' && t[e - 1] != ']' &&
        (e - n->s < 2 || (t[e - 2] != ')' && t[e - 2] != ']')))
        return 0;
    if (!brief__is_upper(n->first_raw) || n->core_e - n->s < 2)
        return 0;
    for (p = n->s; p < e; p++) {
        if (t[p] == '(' || t[p] == '[')
            return 0;
        if (t[p] == ')' || t[p] == ']')
            return 1;
    }
    return 0;
}

/*
 * Does a sentence end after chunk c (next chunk n, or none)? The rules:
 *  - never before a capitalized word that closes a bracket it did not
 *    open (closes_unopened()).
 *  - ! ? (and runs of them): yes, unless the next word starts lower case
 *    ("Yahoo! in the ...", "'Great!' she said").
 *  - a period after a known abbreviation, an initial or a dotted acronym
 *    (Mr. E. U.S. a.m.): only when a capitalized function word follows
 *    ("... and co. They ..."), never before a name ("Mr. Smith").
 *  - a period after a number: yes before a capital, except a German-style
 *    ordinal ("am 12. Juni").
 *  - ellipses: "...." (ellipsis + period) before a capital ends a sentence,
 *    "..." or ". . ." before a capitalized function word too ("Nice...
 *    Then"), not before a name nor when the ellipsis opens the sentence;
 *    a word's period before a spaced ellipsis and a capital ends it
 *    ("compounds. . . . The").
 *  - a parenthesis or bracket goes on the sentence unless it opens with a
 *    capital ("(Note that ...)"); a footnote marker "[3]" after the end is
 *    left to split_unit.
 *  - otherwise a period ends the sentence unless the next word starts lower
 *    case (but see lower_start_ends()) or with a digit after an
 *    abbreviation ("p. 55").
 */
static int ends_sentence_at_mark(const unsigned char *t, const chunk *c,
                                 const chunk *n, const brief__lang *lang,
                                 split_state *st)
{
    size_t at, stem_e, dots;
    int only_dots, kind;
    uint32_t last, nf;
    last = t[c->core_e - 1];
    if (last >= 0x80)
        last = brief__prev_cp(t, c->s, c->core_e, &at);
    if (!n)
        return 1; /* the unit ends here anyway */
    if (closes_unopened(t, n))
        return 0;
    nf = n->first ? n->first : n->first_raw;
    if (is_stop_mark(last) || is_cjk_stop(last)) {
        /* German dialogue: a question or exclamation inside quotes, then
         * the next turn opened with a low quote („ or ,,) stays one
         * sentence with it: 'Er fragte: „Wann?“ „Morgen“, sagte sie.'
         * (English has no low quotes: an English-only build leaves it) */
#ifndef BRIEF_NO_LANGS
        if (n->first_raw == 0x201E ||
            (n->first_raw == ',' && n->e - n->s > 1 && t[n->s + 1] == ','))
            return 0;
#endif
        return !brief__is_lower_letter(nf);
    }
    if (last != '.' && last != 0x2026)
        return (last == 0x2014 || last == 0x2013) &&
               broken_off(t, c, n, lang, st->sent_s);
    dots = trailing_dots(t, c, &stem_e, &only_dots);
    if (only_dots) {
        size_t run = st->dot_run + dots;
        uint32_t nr = n->first_raw;
        if (!st->dot_run)
            st->run_s = c->s;
        if (nr == '.' || nr == 0x2026) {
            st->dot_run = run;
            return 0;
        }
        st->dot_run = 0;
        if (st->run_s == st->sent_s) /* ". . . The practice": it opens */
            return 0;
        return (run >= 4 && brief__is_upper(nf)) ||
               (run >= 2 && opens_after_ellipsis(t, n, lang, 1));
    }
    st->dot_run = 0;
    if (dots >= 2) {
        if (n->first_raw == '.' || n->first_raw == 0x2026) {
            st->dot_run = dots;
            st->run_s = c->s;
            return 0;
        }
        return (dots >= 4 && brief__is_upper(nf)) ||
               opens_after_ellipsis(t, n, lang, 0);
    }
    if (n->first_raw == '.' || n->first_raw == 0x2026) {
        /* "compounds. . . . The practice": a word's period, then an
         * omission that opens the next sentence; "weakened . . . was"
         * keeps its ellipsis inside */
        if (n->e - n->s == 1 && word_kind(t, c->s, stem_e, lang) == W_WORD &&
            brief__is_upper(first_after_dots(t, st->e, c->e)))
            return 1;
        st->dot_run = 1;
        st->run_s = c->s;
        return 0;
    }
    if (brief__is_lower_letter(nf))
        return lower_start_ends(t, c, stem_e, n, lang);
    if ((n->first_raw == '(' || n->first_raw == '[') &&
        !brief__is_upper(n->first))
        return 0; /* "(see p. 4)", "[3]" go on; "(Note that ...)" may not */
    kind = word_kind(t, c->s, stem_e, lang);
    if (brief__class_of(nf) == BRIEF__C_DIGIT) /* "p. 55", "D.C. 6 de" */
        return (kind == W_WORD && !numbers_follow(t, c->s, stem_e)) ||
               kind == W_NUMBER || kind == W_ORDINAL;
    switch (kind) {
    case W_INITIAL:
        if (c->s == st->sent_s) /* "Q. What did you do? A. I left." */
            return 0;
        return starts_with_function_word(t, n, lang);
    case W_ACRONYM_LOWER:
        /* a time ("at 6 p.m. Travelers were ...") before a capitalized
         * word that is no time zone ("p.m. EST") */
        if (time_ends(t, c->s, stem_e, n, nf))
            return 1;
        return starts_with_function_word(t, n, lang);
    case W_ABBREV:
        /* a listed abbreviation is written in lower case or capitalized
         * ("pp.", "Dr."); in capitals it is an acronym ("pelo PP. Paixão
         * e"), unless the text goes on in capitals (a heading: "DR. J.
         * SMITH") */
        if (all_caps_ascii(t, c->s, stem_e) && n->core_e - n->s > 1 &&
            brief__is_upper(nf) && brief__is_lower_letter(t[n->s + 1]))
            return 1;
        return starts_with_function_word(t, n, lang);
    case W_ACRONYM_UPPER:
        return time_ends(t, c->s, stem_e, n, nf) ||
               starts_with_function_word(t, n, lang) || is_title_word(t, n) ||
               case_evidence(st->cases, t, n, st->e);
    case W_ORDINAL:
        if (LANG_IS(lang, "de") || LANG_IS(lang, "da"))
            return starts_with_function_word(t, n, lang);
        return 1;
    default:
        return 1;
    }
}

/* The common case first, inline: a word with no mark after it. */
static inline int ends_sentence(const unsigned char *t, const chunk *c,
                                const chunk *n, const brief__lang *lang,
                                split_state *st)
{
    unsigned char last;
    if (c->core_e == c->s)
        return 0;
    last = t[c->core_e - 1];
    if (last < 0x80 && last != '.' && last != '!' && last != '?' && n)
        return 0;
    return ends_sentence_at_mark(t, c, n, lang, st);
}

/* ---- ends without a period -------------------------------------------- */

/* The languages whose sentences may end without punctuation where a
 * capital shows it (unpunctuated_end()): their articles and subject
 * pronouns (not the polite ones, capitalized anywhere: Swedish "Du",
 * Italian "Lei"), sorted for brief__in_table (*count of them). Returns
 * 0 for none, else OPEN_ANY plus
 *  - OPEN_COLON: a capital after a colon shows it too (see
 *    unpunctuated_end());
 *  - OPEN_STOPS: so does any capitalized function word (a stop word of
 *    the language: "Depois", "Pelo", "När"), not just an article or
 *    pronoun. Portuguese and Swedish: Portuguese puts titles of works in
 *    quotes («O Globo»), and Swedish writes "du" in lower case since the
 *    du-reform (a capitalized "Du" is an old courtesy of letters), while
 *    Spanish, French and Dutch text leaves a title in sentence case
 *    ("titulado Cuando la aurora", "son livre Les Bras ouverts") and
 *    Dutch names keep their "Van" ("ajacied Van der Vaart");
 *  - OPEN_SPEECH: a quotation opened after a colon that ends a clause
 *    is a sentence of its own ("foi claro: «Não haverá ...»"), as
 *    Portuguese writes it (and the Bosque treebank splits it); Spanish
 *    and Italian keep it in the sentence that announces it;
 *  - OPEN_NAMES: the article may be followed by a capitalized word, a
 *    name ("... ao Santos O Santos volta", "... na França A Mercedes-Benz
 *    deve"). Portuguese writes the article of a name in lower case inside
 *    a sentence ("o Santos", "a Mercedes") and quotes the titles of works
 *    («O Globo»), so a capitalized article there begins a sentence. Not
 *    Spanish, French or Italian, whose names and titles keep their
 *    article capitalized ("el diario El Mundo", "son livre Les Bras
 *    ouverts", "Scarlett O Hara").
 * None for English and German: an English title or name keeps its
 * article capitalized inside a sentence ("vitamin A is", "told The
 * Times") and "I" is capitalized anywhere, a German noun is capitalized
 * anywhere, and both capitalize a whole sentence after a colon inside the
 * sentence. */
enum { OPEN_ANY = 1, OPEN_COLON = 2, OPEN_STOPS = 4, OPEN_SPEECH = 8,
       OPEN_NAMES = 16 };
static int open_ends(const brief__lang *lang, const char *const **arts,
                     size_t *count)
{
#ifdef BRIEF_NO_LANGS /* English only, which has none: the rules fall away */
    (void)lang;
    *arts = NULL;
    *count = 0;
    return 0;
#else
    static const char *const es[] = {"el", "ella", "ellas", "ellos", "la",
        "las", "los", "nosotros", "un", "una", "unas", "unos", "yo",
        "\xC3\xA9l"};
    static const char *const fr[] = {"des", "elle", "elles", "il", "ils",
        "je", "la", "le", "les", "nous", "un", "une"};
    static const char *const it[] = {"egli", "gli", "i", "il", "io", "la",
        "le", "lo", "noi", "un", "una", "uno"};
    static const char *const pt[] = {"a", "as", "ela", "elas", "ele",
        "eles", "eu", "n\xC3\xB3s", "o", "os", "um", "uma", "umas", "uns"};
    static const char *const nl[] = {"de", "een", "het", "hij", "ik",
        "wij", "zij"};
    static const char *const sv[] = {"de", "den", "det", "en", "ett", "han",
        "hon", "jag", "vi"};
    static const struct {
        char code[3];
        unsigned char flags, count;
        const char *const *words;
    } tab[] = {
        {"es", OPEN_ANY | OPEN_COLON, 14, es},
        {"fr", OPEN_ANY | OPEN_COLON, 12, fr},
        {"it", OPEN_ANY | OPEN_COLON, 12, it},
        {"pt", OPEN_ANY | OPEN_COLON | OPEN_STOPS | OPEN_SPEECH | OPEN_NAMES,
         14, pt},
        {"nl", OPEN_ANY, 7, nl}, {"sv", OPEN_ANY | OPEN_STOPS, 9, sv}};
    size_t i;
    for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (!strcmp(lang->code, tab[i].code)) {
            *arts = tab[i].words;
            *count = tab[i].count;
            return tab[i].flags;
        }
    *arts = NULL;
    *count = 0;
    return 0;
#endif
}

/* Words that end a list ("and so on") in the languages brief reads,
 * sorted; unpunctuated_end() reads them without their period. */
#ifdef BRIEF_NO_LANGS
static const char *const list_enders[] = {"etc"};
#else
static const char *const list_enders[] = {"ecc", "enz", "etc", "osv",
                                          "usw"};
#endif

/* The number of words (runs of non-blank bytes) in [s, p), counted up
 * to max. Read backwards from p, so the cost is bounded by max words. */
static size_t words_before(const unsigned char *t, size_t s, size_t p,
                           size_t max)
{
    size_t k = 0;
    while (k < max) {
        while (p > s && ascii_blank(t[p - 1]))
            p--;
        if (p == s)
            break;
        k++;
        while (p > s && !ascii_blank(t[p - 1]))
            p--;
    }
    return k;
}

/* Does a sentence end after chunk c without a period (next chunk n; the
 * sentence began at sent_s, the unit ends at e)? Signs, in the languages
 * of open_ends() (open: its answer):
 *  - a heading, caption or byline run into the text ("Chuva forte
 *    atrasa o metrô O trânsito ficou lento"): c is a word ending in
 *    a lower-case letter or a digit (or a word in capitals: "no DF",
 *    "NOVAS TAXAS"),
 *    maybe closed by a quote or bracket ("(foto)"), and no function word;
 *    n a capitalized article or subject pronoun (OPEN_STOPS: any function
 *    word), then a word in lower case (OPEN_NAMES: or, after an article
 *    or pronoun, a capitalized one). An article is
 *    capitalized where a sentence begins or in a title or name; a title
 *    goes on in capitals ("O Globo") or follows a function word
 *    ("canciones de Un mar"), and a name runs on from a capitalized word
 *    before c ("Kim Jong Un a dit"), while a heading ends on its noun.
 *  - c is a word that ends a list ("etc", "osv") written without its
 *    period, and n is capitalized.
 *  - (OPEN_COLON) c ends in a colon after a clause of three words or more
 *    (not a label: "Question: La ...") and n is a capitalized function
 *    word: these orthographies write the words after a colon in lower
 *    case unless a new sentence or direct speech begins ("Il sindaco era
 *    chiaro: Il progetto parte domani"); a name there is no function word.
 *    (OPEN_SPEECH) So does a quote that opens on a capital there. */
static int unpunctuated_end(const unsigned char *t, const chunk *c,
                            const chunk *n, size_t sent_s, size_t e,
                            const brief__lang *lang, int open,
                            const char *const *arts, size_t narts)
{
    char w[48];
    size_t at, k, p, ce = c->core_e;
    uint32_t last;
    int caps = 0, art;
    chunk n2;
    if (ce == c->s || !brief__is_upper(n->first))
        return 0;
    if (n->first != n->first_raw) /* a quotation after a colon */
        return (open & OPEN_SPEECH) && ce == c->e && t[ce - 1] == ':' &&
               n->first_raw != '(' && n->first_raw != '[' &&
               words_before(t, sent_s, ce - 1, 3) == 3;
    for (p = n->s + 1; p < n->core_e && t[p] < 0x80; p++)
        if ((unsigned)(t[p] - 'A') < 26u) /* "OS", "ONU": no article */
            return 0;
    last = t[ce - 1];
    if (last >= 0x80)
        last = brief__prev_cp(t, c->s, ce, &at);
    if (last == ':') /* after a clause, not a label ("Question: La") */
        return ce == c->e && (open & OPEN_COLON) &&
               starts_with_function_word(t, n, lang) &&
               words_before(t, sent_s, c->e - (c->e - c->s == 1), 3) == 3;
    if (last - '0' < 10u) { /* "tel. 289-3609 O restaurante" */
    } else if (!brief__is_lower_letter(last)) { /* or capitals: "no DF" */
        for (p = c->s, k = 0; p < ce; k++)
            if (!brief__is_upper(brief__next(t, ce, &p)))
                return 0;
        if (k < 2)
            return 0;
        caps = 1;
    }
    /* the cheap tests first: every list end has three letters, every
     * article or pronoun of open_ends() at most eight bytes */
    if (c->e - c->s == 3 &&
        (k = folded_word(t, c->s, c->e, w, sizeof w)) < sizeof w &&
        brief__in_table(list_enders, sizeof list_enders /
                        sizeof list_enders[0], w, k))
        return 1;
    if (n->e - n->s > 8)
        return 0;
    k = folded_word(t, n->s, n->e, w, sizeof w);
    if (k >= sizeof w)
        return 0;
    art = brief__in_table(arts, narts, w, k);
    if (!art && !((open & OPEN_STOPS) &&
                  brief__in_list(&lang->stopwords, w, k)))
        return 0;
    p = n->e;
    if (!next_chunk(t, e, &p, &n2) || n2.first != n2.first_raw ||
        !(brief__is_lower_letter(n2.first) ||
          (art && (open & OPEN_NAMES) && brief__is_upper(n2.first))))
        return 0;
    /* a one-letter article is also a label ("a Série A do campeonato",
     * "vitamina A todos os dias", "Fase I del progetto"): a label goes on
     * with a function word, where an article is followed by its noun */
    if (n->e - n->s == 1 &&
        (k = folded_word(t, n2.s, n2.core_e, w, sizeof w)) < sizeof w &&
        brief__in_list(&lang->stopwords, w, k))
        return 0;
    k = folded_word(t, c->s, ce, w, sizeof w);
    if (k >= sizeof w || brief__in_list(&lang->stopwords, w, k))
        return 0;
    /* the word before c: [at, p), empty at the sentence's start */
    for (p = c->s; p > sent_s && ascii_blank(t[p - 1]); p--)
        ;
    for (at = p; at > sent_s && !ascii_blank(t[at - 1]); at--)
        ;
    if (at == p)
        return 1;
    /* before a name, c must not be a noun with its own article: "o jornal
     * O Globo ontem" names a title, "ao Santos O Santos volta" ends a
     * heading (a heading drops its articles) */
    if (brief__is_upper(n2.first) &&
        (k = folded_word(t, at, p, w, sizeof w)) < sizeof w &&
        brief__in_table(arts, narts, w, k))
        return 0;
    /* a name goes on through its particles: "Kim Jong Un a dit" */
    return caps || (art && (open & OPEN_NAMES)) ||
           !brief__is_upper(c->first_raw) ||
           !brief__is_upper(brief__next(t, p, &at));
}

/* A footnote marker "[3]", "[12]", "[a]" or a numbered item "(4)", "(b)"
 * (a chunk of its own). */
static int is_footnote(const unsigned char *t, const chunk *c)
{
    size_t p = c->s + 1, k = c->e - c->s;
    if (k < 3 || k > 5 || !((t[c->s] == '[' && t[c->e - 1] == ']') ||
                            (t[c->s] == '(' && t[c->e - 1] == ')')))
        return 0;
    if (k == 3 && t[p] >= 'a' && t[p] <= 'z')
        return 1;
    for (; p < c->e - 1; p++)
        if (t[p] < '0' || t[p] > '9')
            return 0;
    return 1;
}

/* An emoticon standing as a word: ":)", ";)", ":D", ":P", ":-)", ";-(". */
static int is_emoticon(const unsigned char *t, const chunk *c)
{
    size_t k = c->e - c->s;
    const unsigned char *p = t + c->s;
    return (k == 2 || (k == 3 && p[1] == '-')) && (*p == ':' || *p == ';') &&
           memchr(")(DP", p[k - 1], 4) != NULL;
}

/* ---- output ---------------------------------------------------------------- */

typedef struct builder {
    brief__arena *a;
    brief__doc *doc;
    size_t cap;
    int dirty;          /* the sentences to come may need cleaning: their
                           unit spans lines or has a tab or two spaces   */
    int open;           /* open_ends() of the document's language       */
    const char *const *arts; /* and its articles                         */
    size_t narts;
    int wrapped;        /* the text is hard-wrapped (see is_hard_wrapped) */
    /* prompt verbs of the language by their first two letters: bit j of
     * verb2[i] when one starts with letters 'a' + i, 'a' + j (every bit
     * for one whose second letter is not ASCII); verb_any: one does not
     * start with an ASCII letter (see prompt_may_open) */
    uint32_t verb2[26];
    int verb_any;
    case_scan cases;    /* how the document writes its words            */
} builder;

/* Append sentence [s, e) trimmed; empty spans are dropped. */
static int sg_push(builder *b, const unsigned char *t, size_t s, size_t e,
                   size_t para, unsigned flags)
{
    brief__sent *x;
    while (s < e) {
        size_t q = s;
        if (!is_space_cp(brief__next(t, e, &q)))
            break;
        s = q;
    }
    while (e > s) {
        size_t at;
        if (!is_space_cp(brief__prev_cp(t, s, e, &at)))
            break;
        e = at;
    }
    if (s >= e)
        return BRIEF_OK;
    if (b->doc->nsents == b->cap) {
        /* first room for one sentence per 160 bytes (news runs about one
         * per 120), then grow by half (shift 1): less slack in the largest
         * array of a big text, and few copies of it */
        void *p = brief__grow_array(b->a, b->doc->sents, &b->cap,
                                    b->doc->nsents + 1, sizeof *x,
                                    b->doc->view.len / 160 + 64, 1);
        if (!p)
            return BRIEF_ERR_NOMEM;
        b->doc->sents = (brief__sent *)p;
    }
    x = &b->doc->sents[b->doc->nsents++];
    memset(x, 0, sizeof *x);
    x->start = s;
    x->end = e;
    x->paragraph = para;
    x->flags = flags;
    /* NULL: to be decided by clean_sentences() */
    x->clean = b->dirty ? NULL : (const char *)t + s;
    x->clean_len = e - s;
    return BRIEF_OK;
}

/* ---- caption run-ons and prompt lines ------------------------------------- */
/*
 * News copy taken from a page often runs a photo caption, which has no
 * final punctuation, into the next sentence ("... in Paris (pictured) A
 * taxi driver was ..."), and glues a prompt to the reader to the text
 * ("Scroll down for video The boxes of ..."). Every sentence the splitter
 * found goes through emit_body(), which cuts it where that evidence is
 * strong:
 *  - a prompt: the sentence opens with a page-interaction verb and, within
 *    five words, a page or media noun ("Scroll down for video", "Click
 *    here", "Watch the video"); the prompt ends after the noun (and the
 *    nouns right after it) when a capital follows there.
 *  - a caption run-on: a capitalized function word (a stop word written
 *    "The", "He", "While": words that are lower case inside a sentence)
 *    after a word that ends in a lower-case letter or a digit with no
 *    punctuation (or in a lower-case letter and ")", a caption's
 *    "(pictured)") and is no function word itself (no sentence ends on
 *    "the", "of", "del": "in The Sun", "del Estado"), and followed by a
 *    lower-case word. Names and titles of works capitalize their other
 *    words too, so when that lower-case word is a function word, the word
 *    before must not be capitalized ("Gone With the Wind") nor the word
 *    after it ("de De la Rosa", "van Van der Vaart"); title words (Mr, Dr)
 *    are no openers, and nothing inside brackets is cut ("(The Goat, or
 *    Who is Sylvia?)"). The cut is made where a line break in text that
 *    is not hard-wrapped stands before it, or where the sentence is a
 *    run-on by length (over RUNON_WORDS words); each side keeps at least
 *    RUNON_MIN_PART words (so "(CNN) The ..." stays whole).
 * Languages that capitalize nouns or the polite pronoun inside sentences
 * (German: "wenn Sie wollen") give no such evidence and get no cuts; nor
 * does text without stop words (language "und").
 */
#define RUNON_WORDS 30
#define RUNON_MIN_PART 3
#define RUNON_MAX_CUTS 16
#define RUNON_CANDS 32

/* The page-interaction words of a language, each list one string of
 * words (folded, as folded_word() writes them) with a space after each:
 * imperative verbs and page or media nouns. Non-ASCII letters as octal
 * escapes (a hex escape would swallow the letters after it). Strings, not
 * arrays of pointers: a tenth of the bytes, and a short list is read
 * through as fast as it is searched. */
typedef struct prompt_words {
    char code[3];
    const char *verbs, *nouns;
} prompt_words;

static const prompt_words prompt_table[] = {
    {"en", "click download follow read scroll see share sign "
           "subscribe swipe tap watch ",
           "app article gallery here link more newsletter page "
           "photos pictures story video videos "},
#ifndef BRIEF_NO_LANGS /* an English-only build has English text only */
    {"de", "abonnieren klicken lesen scrollen sehen teilen ",
           "artikel bilder fotos hier link mehr video "},
    {"es", "comparte descarga haz lee mira pincha pulsa sigue "
           "suscr\303\255bete ",
           "aqu\303\255 art\303\255culo enlace fotos galer\303\255a "
           "video v\303\255deo "},
    {"fr", "abonnez-vous cliquez d\303\251couvrez lisez partagez "
           "regardez retrouvez suivez t\303\251l\303\251chargez ",
           "article diaporama ici lien newsletter page photos "
           "vid\303\251o vid\303\251os "},
    {"it", "clicca condividi guarda iscriviti leggi scarica segui ",
           "articolo foto galleria link qui video "},
    {"nl", "abonneer bekijk deel download klik lees scroll volg ",
           "artikel foto hier link nieuwsbrief pagina video "},
    {"pt", "assine assista baixe clique compartilhe leia partilhe "
           "siga veja ",
           "aqui artigo fotos galeria link v\303\255deo "},
    {"sv", "dela f\303\266lj klicka l\303\244s prenumerera scrolla "
           "se ",
           "artikel bilder h\303\244r l\303\244nk video videon "},
#endif
};

static const prompt_words *prompt_words_of(const brief__lang *lang)
{
    size_t i;
    for (i = 0; i < sizeof prompt_table / sizeof prompt_table[0]; i++)
        if (!strcmp(prompt_table[i].code, lang->code))
            return &prompt_table[i];
    return NULL;
}

/* Is chunk c (its core without final . , : ; ! ?, folded) one of the
 * words of list? */
static int chunk_in(const unsigned char *t, const chunk *c, const char *list)
{
    char w[48];
    size_t e = c->core_e, m;
    while (e > c->s && (t[e - 1] == '.' || t[e - 1] == ',' ||
                        t[e - 1] == ':' || t[e - 1] == ';' ||
                        t[e - 1] == '!' || t[e - 1] == '?'))
        e--;
    m = folded_word(t, c->s, e, w, sizeof w);
    return m && m < sizeof w && brief__in_words(list, w, m);
}

/* Does [s, e) open with a prompt? Returns the end of its last noun (and
 * *words the chunks up to there; *after the chunk after it, *have_after
 * whether there is one), or 0. */
static size_t prompt_end(const unsigned char *t, size_t s, size_t e,
                         const brief__lang *lang, size_t *words,
                         chunk *after, int *have_after)
{
    const prompt_words *pw = prompt_words_of(lang);
    chunk c;
    size_t pos = s, k, end = 0;
    *have_after = 0;
    if (!pw || !next_chunk(t, e, &pos, &c) || c.first_raw != c.first ||
        !brief__is_upper(c.first) ||
        !chunk_in(t, &c, pw->verbs))
        return 0;
    for (k = 1; k <= 5 && next_chunk(t, e, &pos, &c); k++) {
        int noun = c.core_e == c.e && chunk_in(t, &c, pw->nouns);
        if (end && !noun) { /* the chunk after the nouns */
            *after = c;
            *have_after = 1;
            return end;
        }
        if (noun) {
            end = c.e;
            *words = k + 1;
        }
        if (c.core_e < c.e || (c.core_e > c.s && t[c.core_e - 1] < 0x80 &&
                               brief__ascii_is_punct(t[c.core_e - 1])))
            break; /* a mark or a closer ends the prompt */
    }
    return end;
}

int brief__is_prompt(const brief__doc *doc, const brief__sent *x)
{
    const unsigned char *t = (const unsigned char *)doc->view.text;
    size_t words = 0, pos, n = 0;
    chunk c;
    int have;
    if (!prompt_end(t, x->start, x->end, doc->lang, &words, &c, &have))
        return 0;
    pos = x->start;
    while (n <= BRIEF__PROMPT_WORDS && next_chunk(t, x->end, &pos, &c))
        n++;
    return n <= BRIEF__PROMPT_WORDS;
}

/* A capitalized function word: an upper-case letter, then lower-case
 * letters only (at least one), a stop word of the language and no title
 * word ("Mr"). */
static int opens_clause(const unsigned char *t, const chunk *n,
                        const brief__lang *lang)
{
    size_t p = n->s, k = 0;
    char w[48];
    if (n->first_raw != n->first || n->core_e != n->e ||
        !brief__is_upper(n->first))
        return 0;
    if (n->ascii) { /* the lower-case ASCII letters are a-z */
        for (p++; p < n->e; p++)
            if ((unsigned)(t[p] - 'a') >= 26u)
                return 0;
        k = n->e - n->s;
        if (k < 2 || k >= sizeof w)
            return 0;
        for (p = 0; p < k; p++) /* folded: a capital, then a-z */
            w[p] = (char)(t[n->s + p] | 0x20);
        w[k] = '\0';
        return brief__in_list(&lang->stopwords, w, k) && !is_title_word(t, n);
    } else {
        while (p < n->e) {
            uint32_t cp = brief__next(t, n->e, &p);
            if (k++ && !brief__is_lower_letter(cp))
                return 0;
        }
    }
    if (k < 2)
        return 0;
    /* the stop-word test first: most capitalized words are names */
    k = folded_word(t, n->s, n->e, w, sizeof w);
    return k && k < sizeof w && brief__in_list(&lang->stopwords, w, k) &&
           !is_title_word(t, n);
}

/* Does chunk c end in a lower-case letter or a digit with no mark after it,
 * or in a lower-case letter and ')' ("(pictured)", not a marker "1)")? */
static int ends_plain(const unsigned char *t, const chunk *c)
{
    size_t e = c->e, at;
    uint32_t cp;
    int paren = t[e - 1] == ')' && c->core_e + 1 == e;
    if (paren)
        e--;
    else if (c->core_e != e)
        return 0;
    if (e <= c->s)
        return 0;
    cp = brief__prev_cp(t, c->s, e, &at);
    return brief__is_lower_letter(cp) ||
           (!paren && brief__class_of(cp) == BRIEF__C_DIGIT);
}

/* A line break between bytes s and e? */
static int break_between(const unsigned char *t, size_t s, size_t e)
{
    for (; s < e; s++)
        if (brief__newline_at(t, e, s))
            return 1;
    return 0;
}

/* The chunk that ends at byte q (t[q - 1] is no ASCII blank), read from
 * the byte after the ASCII blank before it (not before s). */
static void chunk_before(const unsigned char *t, size_t s, size_t q,
                         chunk *c)
{
    size_t p = q;
    while (p > s && !ascii_blank(t[p - 1]))
        p--;
    (void)next_chunk(t, q, &p, c);
}

/* Is there a caption run-on cut before the word at byte p (an ASCII
 * capital, then a lower-case letter) of [s, e), whose previous word ends
 * at byte prev_e? See the top of this section. */
static int runon_cut(const unsigned char *t, size_t s, size_t e, size_t p,
                     size_t prev_e, const brief__lang *lang)
{
    chunk c, n, n2, n3;
    size_t pos = p;
    if (!next_chunk(t, e, &pos, &n) || !opens_clause(t, &n, lang))
        return 0;
    chunk_before(t, s, prev_e, &c);
    if (!ends_plain(t, &c) || starts_with_function_word(t, &c, lang) ||
        !next_chunk(t, e, &pos, &n2) || !brief__is_lower_letter(n2.first_raw))
        return 0;
    if (!starts_with_function_word(t, &n2, lang))
        return 1;
    /* a function word after it: not after a capitalized word (a title:
     * "Gone With the Wind"), nor before one (a name's particles: "de De
     * la Rosa", "ajacied Van der Vaart") */
    return !brief__is_upper(c.first ? c.first : c.first_raw) &&
           (!next_chunk(t, e, &pos, &n3) ||
            !brief__is_upper(n3.first ? n3.first : n3.first_raw));
}

/* Fill b->verb2 and b->verb_any from the language's prompt verbs. */
static void prompt_initials(builder *b, const brief__lang *lang)
{
    const prompt_words *pw = prompt_words_of(lang);
    const char *v;
    memset(b->verb2, 0, sizeof b->verb2);
    b->verb_any = 0;
    for (v = pw ? pw->verbs : ""; *v; v += strcspn(v, " ") + 1) {
        unsigned c0 = (unsigned char)v[0] - 'a', c1 = (unsigned char)v[1] - 'a';
        if (c0 >= 26u)
            b->verb_any = 1;
        else
            b->verb2[c0] |= c1 < 26u ? (uint32_t)1 << c1 : 0x3FFFFFFu;
    }
}

/* May the sentence [s, e), which starts with an ASCII capital, open with
 * a prompt verb? A cheap test of its first two letters, before
 * prompt_end() reads the word: 0 only when no verb can match. A first
 * word with an apostrophe is read whole (folded_word() keeps what
 * follows it: "l'Ing" is "ing"). */
static int prompt_may_open(const builder *b, const unsigned char *t,
                           size_t s, size_t e)
{
    size_t p;
    unsigned c1;
    if (b->verb_any)
        return 1;
    for (p = s; p < e && !ascii_blank(t[p]); p++)
        if (t[p] == '\'' || t[p] >= 0x80)
            return 1;
    if (s + 1 >= e)
        return 0;
    c1 = brief__ascii_lower(t[s + 1]) - 'a';
    return c1 < 26u &&
           (b->verb2[brief__ascii_lower(t[s]) - 'a'] >> c1 & 1u) != 0;
}

/* Is [s, e) one line of at most RUNON_WORDS words, so that no run-on
 * cut can be taken (see emit_body)? Eight bytes at a time: 1 when it has
 * no byte below 0x20 (no line break, no tab) and at most RUNON_WORDS - 1
 * spaces; 0 may also mean "could not tell" (bytes from 0x80 up, or a
 * '!' after a space, counted as one: see below). */
static int short_one_line(const unsigned char *t, size_t s, size_t e)
{
    size_t p = s, spaces;
    /* per byte lane: a byte below 0x20 seen (its high bit in low), and
     * the spaces (at most 255 blocks, so that no lane overflows). The
     * spaces are counted as the bytes below 0x21 (a byte below 0x20 means
     * 0 anyway), in three operations where an exact count of the spaces
     * takes six: the borrow of the subtraction also flags a '!' right
     * after a space, which only counts more (never fewer) spaces. */
    uint64_t low = 0, lanes = 0;
    if (e - s > 255 * 8)
        return 0;
    for (; p + 8 <= e; p += 8) {
        uint64_t v = brief__load8(t + p), nv = ~v;
        low |= (v - BRIEF__ONES * 0x20) & nv;
        lanes += ((v - BRIEF__ONES * 0x21) & nv & BRIEF__HIGHS) >> 7;
    }
    if (low & BRIEF__HIGHS)
        return 0;
    lanes = (lanes & 0x00FF00FF00FF00FFu) + (lanes >> 8 & 0x00FF00FF00FF00FFu);
    spaces = (size_t)((lanes * 0x0001000100010001u) >> 48); /* <= 2040 */
    for (; p < e; p++) {
        if (t[p] < 0x20)
            return 0;
        spaces += t[p] == ' ';
    }
    return spaces < RUNON_WORDS;
}

/* The run-on cuts among candidates cand[0..n) of the body sentence
 * [s, e) (word starts, the words before them, the ends of the words before
 * them), in order, while there is room: appended to cut[], before[] and
 * strong[] from *ncut on. */
static void take_cuts(const builder *b, const unsigned char *t, size_t s,
                      size_t e, const size_t (*cand)[3], size_t n,
                      size_t *cut, size_t *before, unsigned char *strong,
                      size_t *ncut)
{
    size_t i;
    for (i = 0; i < n && *ncut < RUNON_MAX_CUTS; i++)
        if (runon_cut(t, s, e, cand[i][0], cand[i][2], b->doc->lang)) {
            cut[*ncut] = cand[i][0];
            before[*ncut] = cand[i][1];
            strong[*ncut] = !b->wrapped &&
                            break_between(t, cand[i][2], cand[i][0]);
            (*ncut)++;
        }
}

/* Emit the body sentence [s, e), cut as the top of this section says.
 * One pass over its bytes counts its words (runs of ASCII blanks apart)
 * and looks closer only at the words that start with an ASCII capital and
 * a lower-case letter outside brackets. */
static int emit_body(builder *b, const unsigned char *t, size_t s, size_t e,
                     size_t para)
{
    const brief__lang *lang = b->doc->lang;
    size_t cut[RUNON_MAX_CUTS], before[RUNON_MAX_CUTS], ncut = 0;
    unsigned char strong[RUNON_MAX_CUTS];
    size_t p, words = 0, i, last = 0, from = s, pw = 0;
    size_t cand[RUNON_CANDS][3], ncand = 0;
    chunk after;
    int have, rc, breaks = 0, in_word = 0;
    long depth = 0;
    if (s >= e || LANG_IS(lang, "de"))
        return sg_push(b, t, s, e, para, 0);
    if ((unsigned)(t[s] - 'A') < 26u && prompt_may_open(b, t, s, e) &&
        prompt_end(t, s, e, lang, &pw, &after, &have) && have &&
        brief__is_upper(after.first ? after.first : after.first_raw)) {
        cut[0] = after.s;
        before[0] = pw;
        strong[0] = 2; /* no minimum part */
        ncut = 1;
    }
    /* One pass counts the words and notes the candidates (a word that
     * starts with an ASCII capital and a lower-case letter outside
     * brackets). runon_cut() looks closer at them only when a cut could
     * be taken: with a line break inside (unwrapped text) or past
     * RUNON_WORDS words; most sentences have neither. RUNON_CANDS
     * candidates mean more words than that: they are looked at then. */
    p = short_one_line(t, s, e) ? e : s;
    while (p < e) {
        size_t stop = e;
        /* eight bytes at once where they are printable ASCII without
         * brackets and no word in them starts with a capital: only the
         * word count moves */
        if (p + 8 <= e) {
            uint64_t v = load8_le(t + p), sp, ws;
            if (!unprintable(v) &&
                !(~(ascii_ne(v, '(') & ascii_ne(v, ')')) & BRIEF__HIGHS)) {
                ws = word_starts(v, in_word, &sp);
                /* capitals: bytes from 'A' that are not past 'Z' */
                if (!(ws & (v + BRIEF__ONES * (0x80 - 'A')) &
                      ~(v + BRIEF__ONES * (0x80 - 'Z' - 1)))) {
                    words += count_flags(ws);
                    in_word = t[p + 7] != ' ';
                    p += 8;
                    continue;
                }
            }
            stop = p + 8;
        }
        for (; p < stop; p++) {
            unsigned char x = t[p];
            if (ascii_blank(x)) {
                breaks |= brief__ascii_class[x] == BRIEF__C_NEWLINE;
                in_word = 0;
                continue;
            }
            if (!in_word) {
                in_word = 1;
                words++;
                /* not inside brackets: "(The Goat, or Who is Sylvia?)" */
                if (words > 1 && (unsigned)(x - 'A') < 26u && depth <= 0 &&
                    p + 1 < e &&
                    brief__is_lower_letter(t[p + 1] < 0x80 ? t[p + 1]
                                                           : 0xFFFD)) {
                    size_t prev_e = p; /* where the word before it ends */
                    while (ascii_blank(t[prev_e - 1]))
                        prev_e--;
                    if (ncand == RUNON_CANDS) { /* over RUNON_WORDS words */
                        take_cuts(b, t, s, e, (const size_t(*)[3])cand,
                                  ncand, cut, before, strong, &ncut);
                        ncand = 0;
                    }
                    cand[ncand][0] = p;
                    cand[ncand][1] = words - 1;
                    cand[ncand][2] = prev_e;
                    ncand++;
                }
            }
            depth += (x == '(') - (x == ')');
        }
    }
    if (words > RUNON_WORDS || (breaks && !b->wrapped))
        take_cuts(b, t, s, e, (const size_t(*)[3])cand, ncand, cut, before,
                  strong, &ncut);
    for (i = 0; i < ncut; i++) {
        if (strong[i] < 2 &&
            (before[i] - last < RUNON_MIN_PART ||
             words - before[i] < RUNON_MIN_PART ||
             (!strong[i] && words <= RUNON_WORDS)))
            continue;
        if ((rc = sg_push(b, t, from, cut[i], para, 0)) != 0)
            return rc;
        from = cut[i];
        last = before[i];
    }
    return sg_push(b, t, from, e, para, 0);
}

/* Append a sentence: a title or heading (flags) as it is, a body sentence
 * through emit_body(). */
static int sg_emit(builder *b, const unsigned char *t, size_t s, size_t e,
                   size_t para, unsigned flags)
{
    if (flags)
        return sg_push(b, t, s, e, para, flags);
    return emit_body(b, t, s, e, para);
}

/* Does an item follow list marker c (next chunk n)? After "1." a
 * capital must open it ("1. The first item", not "were 1. wait"); after
 * "a)" or "1)" anything may. */
static int item_follows(const unsigned char *t, const chunk *c,
                        const chunk *n)
{
    uint32_t nf = n->first ? n->first : n->first_raw;
    return t[c->e - 1] == ')' || brief__is_upper(nf);
}

/* Is the marker at p one of a sentence's own enumeration: a comma or a
 * semicolon before it, or before one short lower-case word before it
 * ("groups: (1) those who stayed, and (2) those who left", "Sie brauchen:
 * 1) einen Zugang, 2) eine Adresse")? Not after s. */
static int enumerated(const unsigned char *t, size_t s, size_t p)
{
    size_t q;
    while (p > s && ascii_blank(t[p - 1]))
        p--;
    for (q = p; q > s && (unsigned)(t[q - 1] - 'a') < 26u; q--)
        ;
    if (q < p && p - q <= 4)
        while (q > s && ascii_blank(t[q - 1]))
            p = --q;
    return p > s && (t[p - 1] == ',' || t[p - 1] == ';');
}

/* Is the last non-blank byte before p (not before s) a colon? */
static int after_colon(const unsigned char *t, size_t s, size_t p)
{
    while (p > s && ascii_blank(t[p - 1]))
        p--;
    return p > s && t[p - 1] == ':';
}

/* Is [s, e) a common top-level domain (any case)? */
static int top_level_domain(const unsigned char *t, size_t s, size_t e)
{
    static const char *const tld[] = {"biz", "ca", "ch", "cn", "co", "com",
        "de", "edu", "es", "eu", "fr", "gov", "info", "io", "it", "jp", "net",
        "nl", "org", "pt", "ru", "se", "uk", "us"};
    char w[8];
    size_t n = 0;
    if (e - s >= sizeof w)
        return 0;
    for (; s < e; s++)
        w[n++] = (char)(t[s] >= 'A' && t[s] <= 'Z' ? t[s] + 32 : t[s]);
    return brief__in_table(tld, sizeof tld / sizeof tld[0], w, n);
}

/* "world.Today", "Tuesday.Mr.", "1,000.That": a period with no space
 * after it, between a word (or number) and a capitalized word, inside
 * the chunk [s, e) of ASCII bytes. Returns the byte after the period, or 0.
 * Not in addresses and names of files or hosts ("Jane.Doe@example.com",
 * "www.Example.com": an '@', a '/' or a second period after it). */
static size_t glued_period(const unsigned char *t, size_t s, size_t e,
                           const brief__lang *lang)
{
    size_t p, q;
    for (p = s + 2; p + 1 < e; p++) {
        unsigned char a = t[p - 1], b = t[p + 1];
        if (t[p] != '.' || (unsigned)(b - 'A') >= 26u ||
            !((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) ||
            !(p + 2 == e ? b == 'I'
                         : (t[p + 2] >= 'a' && t[p + 2] <= 'z')))
            continue;
        for (q = s; q < e; q++)
            if (t[q] == '@' || t[q] == '/' || (q > p && t[q] == '.' &&
                                               q + 1 < e))
                return 0;
        if (top_level_domain(t, p + 1, e)) /* "Newsfeed.Com" */
            return 0;
        for (q = p; q > s && t[q - 1] != '.'; q--)
            ;
        if (q > s) /* "e.g.The", "U.S.Army": dotted, no word */
            return 0;
        q = (size_t)word_kind(t, s, p, lang); /* not "Dr.Smith" */
        return q == W_WORD || q == W_NUMBER ? p + 1 : 0;
    }
    return 0;
}

/* CJK full stops inside chunk c end a sentence right there: emit the
 * sentences from *sent_s up to each, moving *sent_s on. */
static int split_cjk_stops(builder *b, const unsigned char *t, const chunk *c,
                           size_t para, size_t *sent_s)
{
    size_t p = c->s;
    int rc;
    while (p < c->e) {
        uint32_t cp = brief__next(t, c->e, &p);
        if (is_cjk_stop(cp) && p < c->core_e) {
            size_t q = p;
            while (q < c->e) {
                size_t r = q;
                uint32_t nx = brief__next(t, c->e, &r);
                if (!is_closer(nx) && !is_cjk_stop(nx))
                    break;
                q = r;
            }
            if (q < c->e) {
                if ((rc = sg_emit(b, t, *sent_s, q, para, 0)) != 0)
                    return rc;
                *sent_s = q;
                p = q;
            }
        }
    }
    return BRIEF_OK;
}

/* Where a fast-forward stopped, at: set *ff_dot to it when a period (else
 * 0) and, past chunk *c, go on from the chunk that holds it. Returns 1
 * when at is e (no byte that may matter is left). */
static int ff_land(const unsigned char *t, size_t e, chunk *c, size_t at,
                   size_t *pos, int *have_c, size_t *ff_dot)
{
    *ff_dot = at < e && t[at] == '.' ? at : 0;
    if (at >= c->e) {
        if (at >= e)
            return 1;
        while (at > c->e && !ascii_blank(t[at - 1]))
            at--;
        *pos = at;
        *have_c = next_chunk(t, e, pos, c);
    }
    return 0;
}

/* May a list marker open the text at p (after blanks) before e: "(",
 * or up to four digits or lower-case letters before ')' or '.'? A loose
 * test, so that the fast-forward stops at the few colons that may open
 * an inline list ("Do this: 1) Wash it") and goes past the others. */
static int list_may_follow(const unsigned char *t, size_t p, size_t e)
{
    size_t q;
    while (p < e && ascii_blank(t[p]))
        p++;
    if (p < e && t[p] == '(')
        return 1;
    for (q = p; q < e && q < p + 4 &&
                ((unsigned)(t[q] - '0') < 10u || (unsigned)(t[q] - 'a') < 26u);
         q++)
        ;
    return q > p && q < e && (t[q] == ')' || t[q] == '.');
}

/* The fast-forward of split_unit() from chunk *c: find the next byte that
 * may matter (. ! ? : or non-ASCII), set *ff_dot to it when a period (else
 * 0), and go on from the chunk that holds it. Returns 1 when no such byte
 * is left before e. */
static int fast_forward(const unsigned char *t, size_t e, chunk *c,
                        size_t *pos, int *have_c, size_t *ff_dot)
{
    size_t at = c->s;
    for (;;) { /* eight bytes at a time, then one */
        while (at + 8 <= e) {
            uint64_t v = brief__load8(t + at);
            /* a byte from 0x80 up, or one where a high bit is clear in
             * an ascii_ne(): '.' and ':' in one, as 0x14 is all that
             * sets them apart (so '*' and '>' stop the eight-byte scan
             * as well, and the byte scan goes past them) */
            if ((v | ~(ascii_ne(v | BRIEF__ONES * 0x14, '.' | 0x14) &
                       ascii_ne(v, '!') & ascii_ne(v, '?'))) & BRIEF__HIGHS)
                break;
            at += 8;
        }
        if (at >= e || ((byte_scan[t[at]] & SCAN_MAY_END) &&
                        (t[at] != ':' || list_may_follow(t, at + 1, e))))
            break;
        at++;
    }
    return ff_land(t, e, c, at, pos, have_c, ff_dot);
}

/* fast_forward() in the languages of open_ends(): the bytes that may
 * matter are also ':' and the ASCII capitals, and for a capital opening a
 * word it goes on from the chunk before that (the one that may end, see
 * unpunctuated_end()). A byte at a time: capitals are too common for the
 * eight-byte scan to pay. */
static int fast_forward_open(const unsigned char *t, size_t e, chunk *c,
                             size_t *pos, int *have_c, size_t *ff_dot)
{
    size_t at = c->s;
    while (at < e && !(byte_scan[t[at]] & (SCAN_MAY_END | SCAN_MAY_OPEN)))
        at++;
    if (at < e && at > c->e && (unsigned)(t[at] - 'A') < 26u &&
        ascii_blank(t[at - 1])) {
        size_t q = at;
        while (q > c->e && ascii_blank(t[q - 1]))
            q--;
        at = q > c->e ? q - 1 : c->s; /* c itself comes before it */
    }
    return ff_land(t, e, c, at, pos, have_c, ff_dot);
}

/* Split one unit [s, e) into sentences. */
static int split_unit(builder *b, const unsigned char *t, size_t s, size_t e,
                      size_t para, int dirty)
{
    split_state st;
    chunk c, n;
    size_t pos = s, sent_s = s, idx = 0, ff_dot = 0;
    int have_c, have_n, rc, only_markers = 0, emo, colon;
#ifdef BRIEF_NO_LANGS
    const int open = 0; /* open_ends(): English has none, so the
                         * compiler leaves their rules out */
#else
    int open = b->open;
#endif
    memset(&st, 0, sizeof st);
    st.e = e;
    st.cases = &b->cases;
    b->dirty = dirty;
    have_c = next_chunk(t, e, &pos, &c);
    while (have_c) {
        size_t npos = pos;
        int brk;
        have_n = next_chunk(t, e, &npos, &n);
        /* CJK full stops inside a chunk end a sentence right there (all
         * of them are encoded with a lead byte 0xE3 or 0xEF). */
        if (!c.ascii && has_cjk_lead(t, c.s, c.e) &&
            (rc = split_cjk_stops(b, t, &c, para, &sent_s)) != 0)
            return rc;
        /* A list marker continuing the unit's list starts a sentence. */
        {
            size_t val = 0;
            int kind = may_be_marker(t, &c) ? list_marker(t, &c, &val) : 0;
            if (kind == 4 && st.list_kind == 2 && c.e - c.s == 2) {
                kind = 2; /* "h. ... i.": in a list of letters, a letter */
                val = t[c.s] - 'a' + 1u;
            }
            if (idx == 0 && kind) {
                st.list_kind = kind;
                st.list_val = val;
            } else if (kind && kind != 3 && val == 1 && !st.list_kind &&
                       have_n && item_follows(t, &c, &n) &&
                       (c.s == sent_s || after_colon(t, s, c.s))) {
                /* "Do this: 1. The first item 2. The second item": the
                 * first marker ends nothing */
                st.list_kind = kind;
                st.list_val = val;
                st.inline_list = 1;
                idx++;
                c = n;
                pos = npos;
                have_c = have_n;
                continue;
            } else if (kind && st.inline_list && kind == st.list_kind &&
                       enumerated(t, sent_s, c.s)) {
                st.list_kind = 0; /* a sentence's own: no list after all */
                st.inline_list = 0;
            } else if (kind && kind == st.list_kind &&
                       (kind == 3 || val == st.list_val + 1) &&
                       (!st.inline_list || (have_n &&
                                            item_follows(t, &c, &n))) &&
                       /* "[934] (2) (3).": references, not items */
                       !(t[c.s] == '(' && have_n && n.first_raw == '(')) {
                if ((rc = sg_emit(b, t, sent_s, c.s, para, 0)) != 0)
                    return rc;
                sent_s = c.s;
                st.list_val = val;
                if (kind == 3 && have_n) { /* "• 9." : the number belongs */
                    size_t v2;
                    if (list_marker(t, &n, &v2) == 1) {
                        c = n;
                        pos = npos;
                        have_n = next_chunk(t, e, &npos, &n);
                    }
                }
                idx++;
                c = n;
                pos = npos;
                have_c = have_n;
                continue;
            }
            /* markers at the start of a sentence ("1.", "• 9.") end
             * nothing */
            if (kind && (idx == 0 || c.s == sent_s || only_markers)) {
                only_markers = 1;
                idx++;
                c = n;
                pos = npos;
                have_c = have_n;
                continue;
            }
        }
        only_markers = 0;
        /* a sentence glued to the last one: "world.Today is" (looked for
         * where the fast-forward stopped at a period before a capital) */
        if (ff_dot > c.s && ff_dot + 1 < c.core_e &&
            (unsigned)(t[ff_dot + 1] - 'A') < 26u && c.ascii) {
            size_t g = glued_period(t, c.s, c.core_e, b->doc->lang);
            if (g) {
                if ((rc = sg_emit(b, t, sent_s, g, para, 0)) != 0)
                    return rc;
                sent_s = c.s = g;
                c.first = c.first_raw = t[g];
            }
        }
        st.sent_s = sent_s;
        /* "Dulwich. [17] Placed under ...": a footnote marker after an
         * end goes with the sentence before it, and so does an emoticon
         * ("Thanks! :-) Then ..."); "provenienza. (4) Il proprietario
         * ...": a numbered item opens the next one */
        if (have_n && c.core_e > c.s &&
            (t[c.core_e - 1] == '.' || t[c.core_e - 1] == '!' ||
             t[c.core_e - 1] == '?') &&
            ((emo = is_emoticon(t, &n)) ||
             ((t[n.s] == '[' || t[n.s] == '(') && is_footnote(t, &n)))) {
            size_t p2 = npos;
            chunk n2;
            int item = t[n.s] == '(';
            if (next_chunk(t, e, &p2, &n2) &&
                (!item || brief__is_upper(n2.first ? n2.first
                                                   : n2.first_raw)) &&
                ends_sentence(t, &c, &n2, b->doc->lang, &st)) {
                if ((rc = sg_emit(b, t, sent_s, item ? c.e : n.e, para, 0)) != 0)
                    return rc;
                sent_s = item ? n.s : n2.s;
                idx += 2;
                c = n2;
                pos = p2;
                continue;
            }
            if (emo) { /* "Wow! :-) and then ...": the sentence goes on */
                idx++;
                c = n;
                pos = npos;
                have_c = have_n;
                continue;
            }
        }
        brk = ends_sentence(t, &c, have_n ? &n : NULL, b->doc->lang, &st);
        if (!brk && open && have_n &&
            unpunctuated_end(t, &c, &n, sent_s, e, b->doc->lang, open,
                             b->arts, b->narts))
            brk = 1;
        if (brk && have_n) {
            if ((rc = sg_emit(b, t, sent_s, c.e, para, 0)) != 0)
                return rc;
            sent_s = n.s;
        }
        idx++;
        colon = t[c.e - 1] == ':';
        c = n;
        pos = npos;
        have_c = have_n;
        /* Fast-forward. Inside a sentence of a unit that is no list, a
         * chunk matters only if it may end the sentence or open a list;
         * an ASCII chunk without . ! ? : cannot, nor can it change the
         * state (see ends_sentence()). Skip such chunks: find the next
         * byte that may matter (. ! ? : or non-ASCII) and go on from the
         * chunk that holds it. Not right after a colon, where a marker
         * without a period may open an inline list ("Do this: 1) Wash
         * it 2) Dry it"). */
        if (have_c && !st.list_kind && c.s != sent_s && !colon &&
            (open ? fast_forward_open(t, e, &c, &pos, &have_c, &ff_dot)
                  : fast_forward(t, e, &c, &pos, &have_c, &ff_dot)))
            break; /* nothing left can end the sentence early */
    }
    return sg_emit(b, t, sent_s, e, para, 0);
}

/* ---- lines ----------------------------------------------------------------- */

typedef struct line {
    size_t s, e;       /* content bytes without the newline               */
    size_t next;       /* start of the following line                      */
    size_t chars;      /* code points of content (trimmed)                 */
    size_t words;
    size_t indent;     /* columns before the first character (tab: to
                          the next multiple of 8)                          */
    int blank;
    int gaps;          /* a tab or two spaces in a row inside the line     */
    uint32_t first, last; /* first and last non-space code points          */
} line;

/* Counts past these caps are never needed (a heading has at most 14 words
 * and 100 characters, a wrapped line at most 100), so a long line is
 * scanned for its end without decoding. */
#define LINE_CHARS_CAP 120
#define LINE_WORDS_CAP 15

/* Byte length of the line break at t[p], 0 if none (LF, CR, CRLF, VT, FF,
 * NEL, U+2028, U+2029: brief__class's newlines). */
size_t brief__newline_at(const unsigned char *t, size_t len, size_t p)
{
    unsigned char b = t[p];
    if (b == '\n' || b == 0x0B || b == 0x0C)
        return 1;
    if (b == '\r')
        return (p + 1 < len && t[p + 1] == '\n') ? 2 : 1;
    if (b == 0xC2 && p + 1 < len && t[p + 1] == 0x85)
        return 2;
    if (b == 0xE2 && p + 2 < len && t[p + 1] == 0x80 &&
        (t[p + 2] == 0xA8 || t[p + 2] == 0xA9))
        return 3;
    return 0;
}

static void read_line(const unsigned char *t, size_t len, size_t p, line *l)
{
    size_t q, nl;
    int in_word = 0;
    l->s = p;
    l->chars = l->words = l->indent = 0;
    while (p < len && (t[p] == ' ' || t[p] == '\t')) {
        l->indent = t[p] == ' ' ? l->indent + 1 : (l->indent / 8 + 1) * 8;
        p++;
    }
    l->first = l->last = 0;
    l->gaps = 0;
    while (p < len) {
        uint32_t cp;
        enum brief__cls c;
        unsigned char b = t[p];
        /* Eight printable ASCII bytes at once, the same counts, while they
         * cannot reach the caps (so the check below cannot fire inside
         * them) and once the first character is known. */
        if (l->first && l->chars + 8 < LINE_CHARS_CAP && p + 8 <= len) {
            uint64_t v = load8_le(t + p), sp, ws;
            if (!unprintable(v)) {
                size_t k = 7;
                ws = word_starts(v, in_word, &sp);
                l->chars += 8 - count_flags(sp);
                l->words += count_flags(ws);
                if ((sp & sp << 8) ||
                    (t[p + 7] == ' ' && p + 8 < len && t[p + 8] == ' '))
                    l->gaps = 1;
                while (k > 0 && t[p + k] == ' ')
                    k--;
                if (t[p + k] != ' ')
                    l->last = t[p + k];
                in_word = t[p + 7] != ' ';
                p += 8;
                continue;
            }
        }
        if (b >= 0x20 && b < 0x80) { /* printable ASCII: no decoding */
            cp = b;
            c = BRIEF__C_OTHER; /* all it needs */
            if (b == ' ') {
                c = BRIEF__C_SPACE;
                if (p + 1 < len && t[p + 1] == ' ')
                    l->gaps = 1;
            }
            q = p + 1;
        } else {
            if ((b < 0x20 || b >= 0xC2) && (nl = brief__newline_at(t, len, p)) != 0) {
                l->e = p;
                l->next = p + nl;
                l->blank = (l->chars == 0);
                return;
            }
            if (b == '\t')
                l->gaps = 1;
            q = p;
            cp = brief__next(t, len, &q);
            c = brief__class_of(cp);
        }
        if (c == BRIEF__C_SPACE) {
            in_word = 0;
        } else {
            if (!l->first)
                l->first = cp;
            l->last = cp;
            l->chars++;
            if (!in_word)
                l->words++;
            in_word = 1;
        }
        p = q;
        if (l->chars >= LINE_CHARS_CAP && l->words >= LINE_WORDS_CAP)
            break;
    }
    /* the rest of a long line: find its end (eight plain ASCII bytes at a
     * time where it can, the windows overlapping by one byte so that they
     * see every pair of spaces), then its last character */
    nl = 0;
    while (p < len) {
        while (p + 8 <= len) {
            uint64_t v = brief__load8(t + p), m;
            if (unprintable(v))
                break;
            /* spaces (and a few '!'); ~v & BRIEF__HIGHS is all the high
             * bits here */
            m = (v - BRIEF__ONES * 0x21) & BRIEF__HIGHS;
            if (m & (m << 8))
                l->gaps = 1;
            p += 7;
        }
        if (p >= len ||
            ((t[p] < 0x20 || t[p] >= 0xC2) && (nl = brief__newline_at(t, len, p))))
            break;
        if (t[p] == '\t' || (t[p] == ' ' && p + 1 < len && t[p + 1] == ' '))
            l->gaps = 1;
        p++;
    }
    l->e = p;
    l->next = p < len ? p + nl : len;
    l->blank = (l->chars == 0);
    if (l->chars >= LINE_CHARS_CAP) {
        size_t e = p;
        while (e > l->s) {
            size_t at;
            uint32_t cp = brief__prev_cp(t, l->s, e, &at);
            if (!is_space_cp(cp)) {
                l->last = cp;
                break;
            }
            e = at;
        }
    }
}

static int ends_with_punct(uint32_t cp)
{
    enum brief__cls c = brief__class_of(cp);
    if (is_closer(cp))
        return cp == '"' || cp == 0x201D || cp == 0xBB || cp == ')' ||
               cp == 0x2019 || cp == '\'';
    return c == BRIEF__C_PUNCT && cp != '-' && cp != 0x2013 && cp != 0x2014;
}

/* Has the line no lower-case letter ("DESCRIPTION", "CHAPTER IV")? */
static int no_lower(const unsigned char *t, const line *l)
{
    size_t p = l->s;
    while (p < l->e)
        if (brief__is_lower_letter(brief__next(t, l->e, &p)))
            return 0;
    return 1;
}

/* Has the line a gap of six or more columns between its words (tabs
 * stop every 8 columns)? */
static int wide_gap(const unsigned char *t, const line *l)
{
    size_t p = l->s, col = 0, gap_s = 0;
    int seen = 0, in_gap = 0;
    for (; p < l->e; p++) {
        unsigned char b = t[p];
        if (b == ' ' || b == '\t') {
            if (!in_gap)
                gap_s = col;
            in_gap = 1;
            col = b == ' ' ? col + 1 : (col / 8 + 1) * 8;
            continue;
        }
        if (seen && in_gap && col - gap_s >= 6)
            return 1;
        seen = 1;
        in_gap = 0;
        if ((b & 0xC0) != 0x80)
            col++;
    }
    return 0;
}

/* A term before a gap: the line's first word (at most 24 bytes), then
 * blanks, then text at column col (the next line's indent, deeper than
 * the line's: "COPROC An array ..." over "       descriptors ...").
 * Returns the term's end (0: none), *text_s the text's start and *gap
 * the gap's width in columns. */
static size_t hanging_term(const unsigned char *t, const line *l, size_t col,
                           size_t *text_s, size_t *gap)
{
    size_t p = l->s, c = 0, w, g, gap_c;
    while (p < l->e && (t[p] == ' ' || t[p] == '\t')) {
        c = t[p] == ' ' ? c + 1 : (c / 8 + 1) * 8;
        p++;
    }
    w = p;
    while (p < l->e && t[p] > ' ' && t[p] < 0x80 && p - w <= 24) {
        p++;
        c++;
    }
    if (p == w || p >= l->e || t[p] > ' ')
        return 0;
    g = p;
    gap_c = c;
    while (p < l->e && (t[p] == ' ' || t[p] == '\t')) {
        c = t[p] == ' ' ? c + 1 : (c / 8 + 1) * 8;
        p++;
    }
    if (p >= l->e || c != col)
        return 0;
    *gap = c - gap_c;
    *text_s = p;
    return g;
}

/* A heading-like line: short, no final punctuation, starts with a capital
 * or a digit. */
static int headline_like(const line *l)
{
    if (l->blank || l->words == 0 || l->words > 14 || l->chars > 100)
        return 0;
    if (ends_with_punct(l->last))
        return 0;
    return brief__is_upper(l->first) || brief__class_of(l->first) ==
           BRIEF__C_DIGIT || brief__class_of(l->first) == BRIEF__C_CJK;
}

static int continues(const line *prev, const line *l)
{
    enum brief__cls k = brief__class_of(prev->last);
    if (prev->blank || ends_with_punct(prev->last))
        return 0;
    if (k != BRIEF__C_LETTER && k != BRIEF__C_DIGIT && k != BRIEF__C_CJK &&
        prev->last != ',' && prev->last != ';')
        return 0; /* a rule of underscores, a symbol: not a cut sentence */
    if (brief__class_of(prev->last) == BRIEF__C_CJK)
        return brief__class_of(l->first) == BRIEF__C_CJK;
    /* a long line cut mid-sentence goes on whatever the next line's case */
    return brief__is_lower_letter(l->first) || !headline_like(prev);
}

/* In hard-wrapped text a paragraph's last line ends in punctuation well
 * short of the wrap width. */
static int short_last_line(const line *prev, size_t maxline)
{
    uint32_t c = prev->last;
    if (prev->blank)
        return 0;
    if (!(c == '.' || c == ':' || is_stop_mark(c) || c == 0x3002))
        return 0;
    return prev->chars * 10 < maxline * 6;
}

/* In hard-wrapped text a line of prose (it opens with a letter) that
 * fills the width and stops inside a sentence (on a lower-case letter)
 * goes on in the next line at its indent, even when that line opens with
 * what looks like a number or a bullet: "added under section\n7.  This
 * requirement". A new item there would leave the text before it ending
 * exactly at the width without a stop; a hanging item starts left of its
 * text anyway. A letter marker ("b)") is not taken for prose, nor is a
 * line that opens with a marker itself (" * " on every line of a
 * comment, a list of one-line items). */
static int wrapped_on(const line *prev, const line *l, size_t maxline)
{
    return brief__is_lower_letter(prev->last) &&
           prev->chars * 10 >= maxline * 8 && l->indent == prev->indent &&
           brief__class(prev->first) == BRIEF__C_LETTER &&
           brief__class(l->first) != BRIEF__C_LETTER;
}

/* Does line l open a list item? wrapped_prev: the line before it in
 * hard-wrapped text, else NULL. */
static int starts_list_item(const unsigned char *t, const line *l,
                            const line *wrapped_prev, size_t maxline)
{
    size_t pos = l->s, val;
    chunk c;
    if (l->blank || !next_chunk(t, l->e, &pos, &c) ||
        (wrapped_prev && wrapped_on(wrapped_prev, l, maxline)))
        return 0;
    if (c.e - c.s == 1 && (t[c.s] == '-' || t[c.s] == '*' || t[c.s] == '+'))
        return 1;
    return list_marker(t, &c, &val) != 0;
}

/* Pass 1: is the text hard-wrapped? At least three non-blank lines and
 * none over 100 characters (spaces and tabs not counted, as in
 * read_line). Stops at the first long line; counts bytes that start a
 * UTF-8 sequence instead of decoding. */
static int is_hard_wrapped(const unsigned char *t, size_t len,
                           size_t *maxline)
{
    size_t p = 0, chars = 0, lines = 0, nl;
    *maxline = 0;
    while (p < len) {
        unsigned char b = t[p];
        if ((b < 0x20 || b >= 0xC2) && (nl = brief__newline_at(t, len, p)) != 0) {
            if (chars)
                lines++;
            if (chars > *maxline)
                *maxline = chars;
            chars = 0;
            p += nl;
            continue;
        }
        if (b != ' ' && b != '\t' && (b & 0xC0) != 0x80 && ++chars > 100)
            return 0;
        p++;
    }
    if (chars)
        lines++;
    if (chars > *maxline)
        *maxline = chars;
    return lines >= 3;
}


/* Start b on an empty doc->sents. */
static void start_builder(builder *b, brief__arena *a, brief__doc *doc)
{
    b->a = a;
    b->doc = doc;
    b->cap = 0;
    b->dirty = 1;
    b->open = open_ends(doc->lang, &b->arts, &b->narts);
    b->wrapped = 0;
    b->cases.t = (const unsigned char *)doc->view.text;
    b->cases.len = doc->view.len;
    b->cases.budget = doc->view.len + 8 * CASE_NEAR;
    prompt_initials(b, doc->lang);
    doc->sents = NULL;
    doc->nsents = 0;
}

/* Read the line after l into *next_line (*have_next = 1) and tell
 * whether l is a heading: a heading-like line on its own. In hard-wrapped
 * text only a blank line after it tells it from a short wrapped line;
 * elsewhere a line is a unit anyway, so it is a heading unless it is a
 * sentence cut at the line's end. */
static int read_ahead(const unsigned char *t, size_t len, const line *l,
                      const line *prev, int wrapped, int unit_open,
                      line *next_line, int *have_next)
{
    line nx;
    memset(&nx, 0, sizeof nx);
    nx.blank = 1;
    if (l->next < len) {
        read_line(t, len, l->next, &nx);
        *next_line = nx;
        *have_next = 1;
    }
    if (!headline_like(l) || l->next >= len)
        return 0;
    if (wrapped)
        return (nx.blank ||
                (l->words <= 6 && (nx.indent > l->indent ||
                                   no_lower(t, l)))) &&
               (!unit_open || ends_with_punct(prev->last));
    return (!unit_open || !continues(prev, l)) &&
           (nx.blank || !continues(l, &nx));
}

/* A title from the decoder comes first as its own unit; *p: where reading
 * starts (after the title, where the decoder also put it in the text). */
static int emit_decoder_title(builder *b, const unsigned char *t,
                              const brief__doc *doc, size_t *p, size_t *para,
                              int *first_unit)
{
    size_t ts = doc->view.title_off, te = ts + doc->view.title_len;
    int rc;
    *p = 0;
    if (!doc->view.title_len)
        return BRIEF_OK;
    if ((rc = sg_emit(b, t, ts, te, 0, BRIEF_SENTENCE_TITLE)) != 0)
        return rc;
    *first_unit = 0;
    *para = 1;
    *p = te;
    return BRIEF_OK;
}

int brief__segment(brief__arena *a, brief__doc *doc)
{
    const unsigned char *t = (const unsigned char *)doc->view.text;
    size_t len = doc->view.len, p, maxline = 0, para = 0;
    size_t unit_s = 0, unit_line_count = 0;
    int unit_dirty = 0;
    int wrapped, first_unit = 1, rc, unit_open = 0, para_used = 0;
    int have_next = 0;
    line l, prev, next_line;
    memset(&next_line, 0, sizeof next_line);
    builder b;
    start_builder(&b, a, doc);

    wrapped = is_hard_wrapped(t, len, &maxline);
    b.wrapped = wrapped;

    if ((rc = emit_decoder_title(&b, t, doc, &p, &para, &first_unit)) != 0)
        return rc;

    memset(&prev, 0, sizeof prev);
    prev.blank = 1;
    while (p < len) {
        int heading, brk_before, item;
        size_t term_e, text_s = 0;
        if (have_next && next_line.s == p)
            l = next_line; /* read already as the look-ahead */
        else
            read_line(t, len, p, &l);
        have_next = 0;
        if (l.blank) {
            if (unit_open) {
                if ((rc = split_unit(&b, t, unit_s, prev.e, para, unit_dirty)) != 0)
                    return rc;
                unit_open = 0;
                para_used = 1;
            }
            if (para_used) {
                para++;
                para_used = 0;
            }
            prev = l;
            p = l.next;
            continue;
        }
        heading = read_ahead(t, len, &l, &prev, wrapped, unit_open,
                             &next_line, &have_next);
        /* A line that stops mid-sentence and a next line that goes on in
         * lower case (or in CJK) are one sentence even in text that is
         * not hard-wrapped: "a sentence\ncut off by a PDF". item is
         * asked only where the tests before it leave it open: the term
         * test below needs it only in wrapped text, past the headings. */
        item = 0;
        brk_before = (!wrapped && !continues(&prev, &l)) || heading ||
                     (item = starts_list_item(t, &l, wrapped ? &prev : NULL,
                                              maxline)) != 0 ||
                     (wrapped && short_last_line(&prev, maxline));
        if (unit_open && brk_before) {
            if ((rc = split_unit(&b, t, unit_s, prev.e, para, unit_dirty)) != 0)
                return rc;
            unit_open = 0;
            if (!wrapped) {
                para++;
                para_used = 0;
            }
        }
        if (heading) {
            unsigned flags = first_unit ? BRIEF_SENTENCE_TITLE
                                        : BRIEF_SENTENCE_HEADING;
            b.dirty = l.gaps;
            if ((rc = sg_emit(&b, t, l.s, l.e, para, flags)) != 0)
                return rc;
            para++;
            para_used = 0;
            first_unit = 0;
            prev = l;
            prev.last = '.';
            p = l.next;
            continue;
        }
        /* A unit of its own, and the text after it (if any) a unit:
         * - a row of a layout ("Request for Comments: 9999          Example
         *   Org"): a line with a wide gap inside, not in the middle of a
         *   sentence nor over an indented block;
         * - a term of a definition list, as man pages set them: on a line
         *   of its own over its indented text ("--login"), or before a gap
         *   of spaces that the next line's indent lines up with ("BASH
         *   Expands to ..."). */
        term_e = 0;
        if (wrapped && !item && (!unit_open || ends_with_punct(prev.last))) {
            if (l.gaps &&
                (!have_next || next_line.blank ||
                 next_line.indent <= l.indent) &&
                wide_gap(t, &l))
                term_e = l.e;
            else if (have_next && !next_line.blank &&
                     next_line.indent > l.indent) {
                /* a short line is a term whole ("-d, --download-only"),
                 * unless a wide gap sets its first word off as the term
                 * ("S<tab>Second (00.00 .. 61.00).  There is a") */
                size_t gap = 0;
                term_e = hanging_term(t, &l, next_line.indent, &text_s, &gap);
                if ((!term_e || gap < 6) && l.chars <= 40 &&
                    !ends_with_punct(l.last))
                    term_e = l.e;
            }
        }
        if (term_e) {
            if (unit_open) {
                if ((rc = split_unit(&b, t, unit_s, prev.e, para, unit_dirty)) != 0)
                    return rc;
                unit_open = 0;
            }
            /* a layout row has gaps: dirty as before */
            if ((rc = split_unit(&b, t, l.s, term_e, para, l.gaps)) != 0)
                return rc;
            first_unit = 0;
            para_used = 1;
            prev = l;
            p = l.next;
            if (term_e == l.e) {
                prev.last = '.';
                continue;
            }
            unit_s = text_s;
            unit_open = 1;
            unit_line_count = 1;
            unit_dirty = l.gaps;
            continue;
        }
        if (!unit_open) {
            unit_s = l.s;
            unit_open = 1;
            unit_line_count = 0;
            unit_dirty = 0;
        }
        unit_line_count++;
        unit_dirty |= l.gaps || unit_line_count > 1;
        first_unit = 0;
        para_used = 1;
        prev = l;
        p = l.next;
    }
    if (unit_open) {
        if ((rc = split_unit(&b, t, unit_s, prev.e, para, unit_dirty)) != 0)
            return rc;
        para_used = 1;
    }
    doc->nparagraphs = para + (para_used ? 1 : 0);
    return brief__clean_sentences(a, doc);
}

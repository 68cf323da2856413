/*
 * normalize.c - the first stage: how bytes are read as characters.
 *
 * brief never rewrites plain-text input: spans in the result point at the
 * caller's original bytes. Instead every later stage reads the text through
 * these functions, which normalize on the fly:
 *  - UTF-8 is decoded strictly; invalid bytes, overlong forms, surrogates
 *    and truncated sequences each read as U+FFFD and consume one byte;
 *  - CR, CRLF, LF, U+2028/U+2029, VT and FF are all "newline" (the segmenter
 *    treats CRLF as one break by skipping the LF after a CR);
 *  - tab, NBSP and the Unicode spaces are "space";
 *  - the BOM (U+FEFF) is "space" too, so it never starts a sentence.
 */
#include "internal.h"
#include "casefold.inc"

uint32_t brief__utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    size_t p = *i;
    uint32_t c = s[p], cp, min;
    size_t need, k;
    if (c < 0x80) {
        *i = p + 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        *i = p + 1;
        return 0xFFFD;
    }
    if (len - p <= need) {
        *i = p + 1;
        return 0xFFFD;
    }
    for (k = 1; k <= need; k++) {
        uint32_t d = s[p + k];
        if ((d & 0xC0) != 0x80) {
            *i = p + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i = p + 1;
        return 0xFFFD;
    }
    *i = p + need + 1;
    return cp;
}

size_t brief__utf8_put(uint32_t cp, unsigned char *out)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Case folding: a generated table of runs of (upper, lower) pairs, sorted
 * by their first upper (casefold.inc, written by tools/gen_casefold, which
 * documents the row layout). ASCII is done inline since it is nearly every
 * call. */
uint32_t brief__fold(uint32_t cp)
{
    size_t lo = 0, hi = sizeof brief__casefold / sizeof brief__casefold[0];
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    /* the last run whose first upper is <= cp */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((brief__casefold[mid][0] & 0x1FFFFFu) <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0) {
        uint32_t row = brief__casefold[lo - 1][0];
        uint32_t first = row & 0x1FFFFFu, stride = ((row >> 21) & 1u) + 1u;
        uint32_t off = cp - first;
        if (off < (row >> 22) * stride && off % stride == 0)
            return cp + brief__casefold[lo - 1][1];
    }
    return cp;
}

int brief__is_upper(uint32_t cp)
{
    return brief__fold(cp) != cp;
}

/* brief__class() for ASCII, as a table for the inline fast path in
 * internal.h (values of enum brief__cls). */
const unsigned char brief__ascii_class[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 6, 6, 6, 0, 6, 6, 6, 6, 6, 6, 0, 6, 6, 6, 6,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 0, 0, 0, 6,
    6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 6, 0, 6,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 0, 6, 0, 0,
};

enum brief__cls brief__class(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z')
            return BRIEF__C_LETTER;
        if (cp >= 'A' && cp <= 'Z')
            return BRIEF__C_LETTER;
        if (cp >= '0' && cp <= '9')
            return BRIEF__C_DIGIT;
        if (cp == ' ' || cp == '\t')
            return BRIEF__C_SPACE;
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C)
            return BRIEF__C_NEWLINE;
        if (cp < 0x20 || cp == 0x7F)
            return BRIEF__C_OTHER;
        if (cp == '$' || cp == '+' || cp == '<' || cp == '=' || cp == '>' ||
            cp == '^' || cp == '`' || cp == '|' || cp == '~')
            return BRIEF__C_OTHER;
        return BRIEF__C_PUNCT;
    }
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF ||
        cp == 0x200B)
        return BRIEF__C_SPACE;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return BRIEF__C_NEWLINE;
    if (cp < 0xA0)
        return BRIEF__C_OTHER;
    if (cp < 0x100) {
        if (cp == 0xAA || cp == 0xB5 || cp == 0xBA ||
            (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7))
            return BRIEF__C_LETTER;
        if (cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 ||
            cp == 0xB7 || cp == 0xBB || cp == 0xBF)
            return BRIEF__C_PUNCT;
        return BRIEF__C_OTHER;
    }
    /* Latin Extended, IPA, modifiers, combining marks, Greek, Cyrillic,
     * Armenian, Hebrew, Arabic ... up to the end of the Indic scripts:
     * count as letters (punctuation in these ranges is rare in news). */
    if (cp < 0x2000) {
        if (cp == 0x37E || cp == 0x387 || cp == 0x589 || cp == 0x5BE ||
            cp == 0x5C0 || cp == 0x5C3 || cp == 0x5C6 || cp == 0x5F3 ||
            cp == 0x5F4 || cp == 0x60C || cp == 0x60D || cp == 0x61B ||
            cp == 0x61F || cp == 0x6D4 || cp == 0x964 || cp == 0x965)
            return BRIEF__C_PUNCT;
        if (cp >= 0x660 && cp <= 0x669)
            return BRIEF__C_DIGIT;
        return BRIEF__C_LETTER;
    }
    if (cp >= 0x2010 && cp <= 0x205E)
        return BRIEF__C_PUNCT; /* dashes, quotes, ellipsis, primes, ... */
    if (cp >= 0x2E00 && cp <= 0x2E7F)
        return BRIEF__C_PUNCT;
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF))
        return BRIEF__C_CJK;
    if (cp >= 0x3000 && cp <= 0x303F)
        return BRIEF__C_PUNCT; /* CJK punctuation: 、。「」『』 ... */
    if (cp >= 0xFF01 && cp <= 0xFF65) {
        /* full-width forms: letters and digits, the rest punctuation */
        if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
            return BRIEF__C_LETTER;
        if (cp >= 0xFF10 && cp <= 0xFF19)
            return BRIEF__C_DIGIT;
        return BRIEF__C_PUNCT;
    }
    if (cp >= 0xFE30 && cp <= 0xFE6F)
        return BRIEF__C_PUNCT;
    if (cp == 0xFFFD || (cp >= 0x2100 && cp <= 0x2BFF) ||
        (cp >= 0x1F000 && cp <= 0x1FAFF))
        return BRIEF__C_OTHER; /* symbols, arrows, emoji */
    return BRIEF__C_LETTER;
}

/*
 * entity.c - HTML character references: "&amp;", "&#233;", "&#x1F600;".
 *
 * One decoder for both input formats: html.c decodes text and titles with
 * it, markdown.c the references CommonMark allows in text. It is its own
 * file (as gumbo keeps char_ref.c apart from its tokenizer) so that it is
 * compiled unless both BRIEF_NO_HTML and BRIEF_NO_MARKDOWN are set.
 *
 * The names are looked up by binary search in src/entities.inc, generated
 * from tools/data/entities.txt by tools/gen_entities.sh. Numeric
 * references follow what browsers do (Windows-1252 for 0x80-0x9F, U+FFFD
 * for the invalid ones). No allocation, no state.
 */
#include "internal.h"

/* The entity decoder serves Markdown too: it stays unless both are out. */
#if !defined(BRIEF_NO_HTML) || !defined(BRIEF_NO_MARKDOWN)

#include "entities.inc"

/* entity_find()'s answer: the code point, and this bit for a legacy name */
#define BRIEF__ENTITY_LEGACY ((uint32_t)0x200000)
#define BRIEF__ENTITY_CP ((uint32_t)0x1FFFFF)

/* The packed value (code point | BRIEF__ENTITY_LEGACY) of the reference
 * named s[0..m) (case-sensitive), or 0 when there is none. Binary search
 * as brief__name_find() does, over the name blob and its offsets. */
static uint32_t entity_find(const unsigned char *s, size_t m)
{
    size_t lo = 0, hi = BRIEF__N_ENTITIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = brief__name_cmp(brief__entity_names + brief__entity_off[mid],
                                s, m, 0);
        if (c == 0) {
            uint32_t v = brief__entity_val[mid];
            return v >= 0xFF00u ? (v & 0xFFu) | BRIEF__ENTITY_LEGACY : v;
        }
        if (c > 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* What browsers make of a numeric reference's value. */
static uint32_t numeric_fix(uint32_t v)
{
    static const uint16_t cp1252[32] = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0xFFFD;
    if (v >= 0x80 && v <= 0x9F)
        return cp1252[v - 0x80];
    return v;
}

size_t brief__html_entity(const unsigned char *s, size_t n, size_t i,
                          int in_attr, uint32_t *cp)
{
    size_t j = i + 1, k, m;
    uint32_t e;
    if (j >= n)
        return 0;
    if (s[j] == '#') {
        uint32_t v = 0;
        int hex = 0;
        size_t d0;
        j++;
        if (j < n && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        d0 = j;
        for (; j < n; j++) {
            unsigned c = s[j], dv;
            if (brief__ascii_is_digit(c))
                dv = c - '0';
            else if (hex && brief__ascii_lower(c) >= 'a' && brief__ascii_lower(c) <= 'f')
                dv = brief__ascii_lower(c) - 'a' + 10u;
            else
                break;
            if (v <= 0x10FFFF) /* saturate: stays invalid once too big */
                v = v * (hex ? 16u : 10u) + dv;
        }
        if (j == d0)
            return 0;
        if (j < n && s[j] == ';')
            j++;
        *cp = numeric_fix(v);
        return j - i;
    }
    for (k = j; k < n && k - j < 32 && brief__ascii_is_alnum(s[k]); k++)
        ;
    if (k == j)
        return 0;
    if (k < n && s[k] == ';') {
        e = entity_find(s + j, k - j);
        if (e) {
            *cp = e & BRIEF__ENTITY_CP;
            return k + 1 - i;
        }
    }
    /* Legacy names may stand without ';' (longest match wins): "&copy2024". */
    for (m = (k - j < 8 ? k - j : 8); m >= 2; m--) {
        e = entity_find(s + j, m);
        if (e & BRIEF__ENTITY_LEGACY) {
            if (in_attr && j + m < n &&
                (brief__ascii_is_alnum(s[j + m]) || s[j + m] == '='))
                return 0;
            *cp = e & BRIEF__ENTITY_CP;
            return j + m - i;
        }
    }
    return 0;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int brief__entity_left_out;
#endif

/*
 * stem_util.c - the helpers the stemmers share (see stem_util.h).
 */
#include <string.h>
#include "stem_util.h"

int brief__stem_longest_of(const uint32_t *w, size_t lo, size_t n,
                           const void *tab, size_t count, size_t size)
{
    const unsigned char *e = (const unsigned char *)tab;
    const uint32_t *end = w + n;
    size_t room = n > lo ? n - lo : 0, best_len = 0, i, k;
    int best = -1;
    for (i = 0; i < count; i++, e += size) {
        /* each entry starts with a brief__stem_sfx */
        const brief__stem_sfx *x = (const brief__stem_sfx *)(const void *)e;
        size_t len = x->len;
        const uint32_t *t;
        if (len <= best_len || len > room)
            continue;
        /* from the end, as in brief__stem_ends_with */
        t = end - len;
        for (k = len; k > 0 && t[k - 1] == (unsigned char)x->s[k - 1]; k--)
            ;
        if (k == 0) {
            best = (int)i;
            best_len = len;
        }
    }
    return best;
}

size_t brief__stem_replace_tail(uint32_t *w, size_t at, const char *s)
{
    while (*s)
        w[at++] = (unsigned char)*s++;
    return at;
}

size_t brief__stem_region_after_vc(const uint32_t *w, size_t n,
                                   brief__stem_vowel_fn is_vowel,
                                   size_t from)
{
    size_t i = from;
    while (i < n && !is_vowel(w[i]))
        i++;
    while (i < n && is_vowel(w[i]))
        i++;
    return i < n ? i + 1 : n;
}

/* ---- the other languages' stemmers only ------------------------------- */
#ifndef BRIEF_NO_LANGS /* an English-only build leaves these out */

int brief__stem_drop(const uint32_t *w, size_t lo, size_t *n, const char *s,
                     size_t len)
{
    if (!brief__stem_ends_in(w, lo, *n, s, len))
        return 0;
    *n -= len;
    return 1;
}

int brief__stem_longest(const uint32_t *w, size_t lo, size_t n,
                        const brief__stem_sfx *tab, size_t count)
{
    return brief__stem_longest_of(w, lo, n, tab, count, sizeof *tab);
}

int brief__stem_longest_r(const uint32_t *w, size_t r, size_t n,
                          const brief__stem_sfx *tab, size_t count)
{
    int k = brief__stem_longest(w, 0, n, tab, count);
    return k >= 0 && n - tab[k].len >= r ? k : -1;
}

int brief__stem_drop_longest(const uint32_t *w, size_t r, size_t *n,
                             const brief__stem_sfx *tab, size_t count)
{
    int k = brief__stem_longest_r(w, r, *n, tab, count);
    if (k >= 0)
        *n -= tab[k].len;
    return k;
}

size_t brief__stem_rv(const uint32_t *w, size_t n,
                      brief__stem_vowel_fn is_vowel)
{
    size_t i;
    int want;
    if (n < 2)
        return n;
    if (is_vowel(w[1]) && !is_vowel(w[0]))
        return n >= 3 ? 3 : n;
    /* the next vowel after a consonant second letter, the next consonant
     * after two vowels */
    want = !is_vowel(w[1]);
    for (i = 2; i < n && is_vowel(w[i]) != want; i++)
        ;
    return i < n ? i + 1 : n;
}

/* ---- Snowball's backward cursor ----------------------------------------- */

int brief__stem_eq_b(brief__stem_env *z, const char *s)
{
    size_t len = strlen(s);
    if (!brief__stem_ends_in(z->p, z->lb, z->c, s, len))
        return 0;
    z->c -= len;
    return 1;
}

int brief__stem_among_b(brief__stem_env *z, const brief__stem_sfx *tab,
                        size_t count)
{
    int k = brief__stem_longest(z->p, z->lb, z->c, tab, count);
    if (k < 0)
        return 0;
    z->c -= tab[k].len;
    return tab[k].act;
}

int brief__stem_slice_from(brief__stem_env *z, const char *s)
{
    size_t len = strlen(s), old = z->ket - z->bra, i;
    if (z->l - old + len > z->cap)
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

void brief__stem_delete(brief__stem_env *z)
{
    (void)brief__stem_slice_from(z, "");
}

#endif /* BRIEF_NO_LANGS */

/*
 * stem_util.h - the small helpers the Snowball stemmers (stem_*.c) share:
 * suffix tests, the "among" longest-suffix search, tail replacement, the
 * R1/R2 and RV regions, and Snowball's backward cursor for the stemmers
 * that follow their Snowball program step by step. Internal, like
 * internal.h; every name starts with brief__stem_ (BRIEF__STEM_ for
 * macros). What differs between languages (vowel sets, special cases)
 * stays in the language's file and comes in as a parameter: a vowel test
 * is a brief__stem_vowel_fn.
 *
 * Words are arrays of Unicode code points. Suffixes are C strings of
 * Latin-1 bytes, each byte compared as the code point of the same value
 * (every letter a stemmer names is below U+0100), so "\xe9" stands for é.
 * No function allocates or keeps state.
 *
 * This header includes no project header (tools/amalgamate.sh inlines it
 * once, and rejects nested project includes).
 */
#ifndef BRIEF_STEM_UTIL_H
#define BRIEF_STEM_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* 1 if c is a vowel of the language (marked letters such as 'U' or 'Y'
 * usually are not). */
typedef int (*brief__stem_vowel_fn)(uint32_t c);

/* ---- suffix tests ------------------------------------------------------- */

/* 1 if w[0..n) ends with s[0..len). Compared from the end of the suffix:
 * the suffixes of a table mostly differ in their last letter, so a
 * mismatch is found at once.
 * These two are defined here, inline, rather than in stem_util.c: they are
 * the innermost test of every stemmer, called a few dozen times a word,
 * and a call for each costs English a quarter of its speed. */
static inline int brief__stem_ends_with(const uint32_t *w, size_t n,
                                        const char *s, size_t len)
{
    if (len > n)
        return 0;
    w += n - len;
    while (len > 0) {
        len--;
        if (w[len] != (unsigned char)s[len])
            return 0;
    }
    return 1;
}

/* The same, and the suffix starts at or after lo: the search is limited
 * to a region (Snowball "setlimit tomark p for ..."). lo may exceed n. */
static inline int brief__stem_ends_in(const uint32_t *w, size_t lo, size_t n,
                                      const char *s, size_t len)
{
    if (len > n || n - len < lo)
        return 0;
    return brief__stem_ends_with(w, n, s, len);
}

/* brief__stem_ends_with for a string literal, its length known at compile
 * time ("" lit makes anything but a literal a compile error). */
#define BRIEF__STEM_ENDS(w, n, lit) \
    brief__stem_ends_with((w), (n), "" lit, sizeof "" lit - 1)

/* If w[0..*n) ends with s[0..len) starting at or after lo, shorten *n by
 * len and return 1; else 0. */
int brief__stem_drop(const uint32_t *w, size_t lo, size_t *n, const char *s,
                     size_t len);
#define BRIEF__STEM_DROP(w, lo, n, lit) \
    brief__stem_drop((w), (lo), (n), "" lit, sizeof "" lit - 1)

/* ---- suffix tables and Snowball "among" --------------------------------- */

/* One entry of a suffix table: the suffix, its length (filled in at
 * compile time by BRIEF__STEM_SFX) and what the stemmer does with it. The
 * suffix is held in the entry, not pointed to: 11 bytes an entry instead
 * of 16 plus the string (the static build's size budget). It is read by
 * its length: a suffix of BRIEF__STEM_SFX_MAX bytes (French "issements")
 * fills s and has no NUL after it (C keeps a literal's NUL only where
 * there is room); shorter ones are NUL-padded. A longer literal fails to
 * compile (the negative array size below). */
#define BRIEF__STEM_SFX_MAX 9
typedef struct brief__stem_sfx {
    char s[BRIEF__STEM_SFX_MAX];
    unsigned char len;
    unsigned char act;
} brief__stem_sfx;

#define BRIEF__STEM_SFX_FITS(lit) \
    sizeof(char[sizeof "" lit <= BRIEF__STEM_SFX_MAX + 1 ? 1 : -1])
#define BRIEF__STEM_SFX(lit, a) \
    { "" lit, \
      (unsigned char)(sizeof "" lit - 1 + 0 * BRIEF__STEM_SFX_FITS(lit)), \
      (a) }
/* An entry whose act does not matter. */
#define BRIEF__STEM_STR(lit) BRIEF__STEM_SFX(lit, 0)
#define BRIEF__STEM_COUNT(tab) (sizeof (tab) / sizeof (tab)[0])

/* Snowball "among", backward: the index of the longest entry of
 * tab[0..count) that w[0..n) ends with, the entry lying at or after lo
 * (the search limited to w[lo..n), as by "setlimit tomark p for"); -1 when
 * none (of equal lengths the first wins). Snowball then tests that entry
 * alone and never falls back to a shorter one; the stemmers do the same. */
int brief__stem_longest(const uint32_t *w, size_t lo, size_t n,
                        const brief__stem_sfx *tab, size_t count);
/* The same for a table of larger entries, size bytes each, every one
 * starting with a brief__stem_sfx (English's rules). */
int brief__stem_longest_of(const uint32_t *w, size_t lo, size_t n,
                           const void *tab, size_t count, size_t size);

/* Snowball "[substring] among (...)" followed by a region test such as
 * R1: the index of the longest entry of tab[0..count) that w[0..n) ends
 * with (searching the whole word), if it starts at or after r; -1 when
 * there is none or it starts before r (a shorter one is not tried). */
int brief__stem_longest_r(const uint32_t *w, size_t r, size_t n,
                          const brief__stem_sfx *tab, size_t count);
/* The same, then delete: the entry found is dropped from *n. */
int brief__stem_drop_longest(const uint32_t *w, size_t r, size_t *n,
                             const brief__stem_sfx *tab, size_t count);

/* Write s over w[at..) and return at + strlen(s), the new length. The
 * caller makes sure it fits. */
size_t brief__stem_replace_tail(uint32_t *w, size_t at, const char *s);

/* ---- regions ------------------------------------------------------------ */

/* Snowball's "gopast v gopast non-v" from 'from': the position just after
 * the first non-vowel that follows a vowel at or after from; n when there
 * is none. R1 is brief__stem_region_after_vc(w, n, v, 0), R2 the same
 * from R1. */
size_t brief__stem_region_after_vc(const uint32_t *w, size_t n,
                                   brief__stem_vowel_fn is_vowel,
                                   size_t from);
/* RV of the Spanish, Italian and Portuguese stemmers: after the third
 * letter when it starts consonant-vowel; else after the next vowel when
 * the second letter is a consonant, after the next consonant when the
 * first two are vowels (searching from the third letter); n when there is
 * no such letter or the word is shorter than 2 (3 for consonant-vowel). */
size_t brief__stem_rv(const uint32_t *w, size_t n,
                      brief__stem_vowel_fn is_vowel);

/* ---- Snowball's backward cursor ----------------------------------------- */

/*
 * The state of a Snowball program in backward mode: the word p[0..l) in a
 * buffer of cap code points, the cursor c, the backward limit lb (what
 * "setlimit" moves), the slice bra..ket that <- and delete act on, and
 * the starts of RV, R1 and R2.
 */
typedef struct brief__stem_env {
    uint32_t *p;
    size_t l, cap;
    size_t c, lb;
    size_t bra, ket;
    size_t pv, p1, p2;
} brief__stem_env;

/* Backward literal: if s ends at the cursor (not below lb), move the
 * cursor to its start and return 1; else 0. */
int brief__stem_eq_b(brief__stem_env *z, const char *s);
/* Backward among: the longest entry of tab ending at the cursor (not
 * below lb) wins; returns its act (nonzero in such tables) and moves the
 * cursor to its start, or returns 0 when none matches. */
int brief__stem_among_b(brief__stem_env *z, const brief__stem_sfx *tab,
                        size_t count);
/* Replace the slice bra..ket by s (Snowball "<-"); the cursor moves with
 * the text after the slice. Returns 0, changing nothing, when the word
 * would outgrow cap. brief__stem_delete is <- ''. */
int brief__stem_slice_from(brief__stem_env *z, const char *s);
void brief__stem_delete(brief__stem_env *z);

#endif /* BRIEF_STEM_UTIL_H */

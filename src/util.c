/*
 * util.c - the numeric, ordering and word-list helpers every stage may
 * use: a deterministic logarithm and square root (so the library needs no
 * libm and scores are the same bits on every platform), a stable sort
 * that does not allocate, and the search of a phrase in text
 * (brief__in_words, for a word in a list, is inline in internal.h).
 */
#include <string.h>
#include "internal.h"

/*
 * The two functions below stand in for libm's frexp() and sqrt(), so the
 * library needs no libm at all (a dynamically linked program that loads
 * libm pays a third of a megabyte of resident memory for it, and a
 * microcontroller build pulls in its soft-float routines). Both work on
 * the IEEE 754 binary64 encoding, which every platform brief runs on uses
 * for double; both are exact where libm is: frexp() trivially, and
 * sqrt() is correctly rounded, as IEEE 754 requires of libm's, so the
 * scores have the same bits as before and on every machine.
 */
static uint64_t bits_of(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static double double_of(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* x = m * 2^e with m in [0.5, 1), for finite x > 0. */
static double split_exp(double x, int *e)
{
    uint64_t b = bits_of(x);
    int bias = 0;
    if ((b >> 52) == 0) { /* subnormal: scale into the normal range */
        x *= 18014398509481984.0; /* 2^54 */
        b = bits_of(x);
        bias = 54;
    }
    *e = (int)((b >> 52) & 0x7FF) - 1022 - bias;
    return double_of((b & 0x800FFFFFFFFFFFFFull) | ((uint64_t)1022 << 52));
}

/* a * b for a, b < 2^64 as a 128-bit hi:lo (C99 has no wider integer) */
static void mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu,
             b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* Correctly rounded square root of x >= 0 (finite). Newton's method in
 * double gives the 53-bit significand to within one unit; integer
 * arithmetic on the exact radicand then settles it and its rounding. */
double brief__sqrt(double x)
{
    uint64_t b, m, q, rh, rl, sh, sl;
    double v, g;
    int k, i;
    if (!(x > 0.0))
        return 0.0; /* callers pass sums of squares: 0 or positive */
    b = bits_of(x);
    if ((b >> 52) == 0x7FF)
        return x; /* infinity */
    if ((b >> 52) == 0) { /* subnormal: sqrt(x * 2^108) / 2^54 */
        return brief__sqrt(x * 324518553658426726783156020576256.0) /
               18014398509481984.0;
    }
    /* x = m * 2^k, m a 53-bit integer; make k even (m below 2^54) */
    m = (b & 0xFFFFFFFFFFFFFull) | ((uint64_t)1 << 52);
    k = (int)(b >> 52) - 1023 - 52;
    if (k & 1) {
        m <<= 1;
        k--;
    }
    /* the wanted q = floor(sqrt(R)), R = m * 2^52 (106 bits), a 53-bit
     * integer; first sqrt(v), v = m / 2^52 in [1, 4), to about 1e-29 */
    v = (double)m / 4503599627370496.0; /* exact */
    /* a parabola through sqrt at 1, 2.5 and 4: within 1.1% on [1, 4] */
    g = 0.52248 + v * (0.51356 - 0.036044 * v);
    for (i = 0; i < 3; i++)
        g = 0.5 * (g + v / g);
    q = (uint64_t)(g * 4503599627370496.0);
    rh = m >> 12;
    rl = m << 52;
    /* settle q with sh:sl = q^2, stepping by (q -+ 1)^2 = q^2 -+ 2q + 1 */
    mul_wide(q, q, &sh, &sl);
    while (sh > rh || (sh == rh && sl > rl)) {
        uint64_t d = 2 * q - 1;
        sh -= sl < d;
        sl -= d;
        q--;
    }
    for (;;) {
        uint64_t d = 2 * q + 1, nl = sl + d, nh = sh + (nl < sl);
        if (nh > rh || (nh == rh && nl > rl))
            break;
        sh = nh;
        sl = nl;
        q++;
    }
    /* round to nearest: sqrt(R) > q + 1/2 exactly when R - q^2 > q (R is
     * an integer, so there are no ties); R - q^2 <= 2q fits in 64 bits */
    if (rl - sl > q)
        q++;
    /* sqrt(x) = q * 2^(k/2 - 26); q may have reached 2^53 */
    k = k / 2 + 26; /* the exponent of q / 2^52 */
    if (q >> 53) {
        q >>= 1;
        k++;
    }
    return double_of(((uint64_t)(k + 1023) << 52) | (q & 0xFFFFFFFFFFFFFull));
}

/* ln(x) for x > 0 by range reduction to [sqrt(1/2), sqrt(2)) and the
 * atanh series, so every platform gets the same bits (libm log() may
 * differ in the last place between C libraries). */
double brief__log(double x)
{
    int e;
    double m, s, s2, term, sum;
    int k;
    if (!(x > 0.0))
        return 0.0;
    m = split_exp(x, &e); /* x = m * 2^e, m in [0.5, 1) */
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e--;
    }
    s = (m - 1.0) / (m + 1.0);
    s2 = s * s;
    term = s;
    sum = 0.0;
    for (k = 1; k < 40; k += 2) {
        sum += term / (double)k;
        term *= s2;
    }
    return 2.0 * sum + (double)e * 0.69314718055994530942;
}

void brief__sort(size_t *idx, size_t *tmp, size_t n, brief__before_fn less,
                 const void *ctx)
{
    size_t width, i;
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            size_t lo = i, mid = i + width, hi = i + 2 * width, a, b, o;
            if (mid > n)
                mid = n;
            if (hi > n)
                hi = n;
            a = lo;
            b = mid;
            o = lo;
            while (a < mid && b < hi)
                tmp[o++] = less(ctx, idx[b], idx[a]) ? idx[b++] : idx[a++];
            while (a < mid)
                tmp[o++] = idx[a++];
            while (b < hi)
                tmp[o++] = idx[b++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
}

#if !defined(BRIEF_NO_HTML) || !defined(BRIEF_NO_MARKDOWN)
int brief__holds_ci(const unsigned char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit), i, k;
    for (i = 0; i + m <= n; i++) {
        for (k = 0; k < m; k++)
            if (brief__ascii_lower(s[i + k]) != (unsigned char)lit[k])
                break;
        if (k == m)
            return 1;
    }
    return 0;
}
#endif

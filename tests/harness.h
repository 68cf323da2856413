/*
 * harness.h - the tiny test harness of brief's unit tests.
 *
 * CHECK(cond) and CHECK_EQ_STR/CHECK_EQ_INT record a pass or print the
 * failing case with what was got and what was expected; test_summary()
 * prints "N passed, N failed" and gives the exit status.
 */
#ifndef BRIEF_HARNESS_H
#define BRIEF_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_pass, harness_fail;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            harness_pass++;                                                \
        } else {                                                           \
            harness_fail++;                                                \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                  \
    } while (0)

#define CHECK_EQ_INT(got, want)                                            \
    do {                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);           \
        if (g_ == w_) {                                                    \
            harness_pass++;                                                \
        } else {                                                           \
            harness_fail++;                                                \
            fprintf(stderr, "FAIL %s:%d: %s\n  got  %lld\n  want %lld\n",  \
                    __FILE__, __LINE__, #got, g_, w_);                     \
        }                                                                  \
    } while (0)

#define CHECK_EQ_STR(got, want)                                            \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        if (g_ && w_ && !strcmp(g_, w_)) {                                 \
            harness_pass++;                                                \
        } else {                                                           \
            harness_fail++;                                                \
            fprintf(stderr, "FAIL %s:%d: %s\n  got  \"%s\"\n  want \"%s\"\n", \
                    __FILE__, __LINE__, #got, g_ ? g_ : "(null)",          \
                    w_ ? w_ : "(null)");                                   \
        }                                                                  \
    } while (0)

static int test_summary(void)
{
    printf("%d passed, %d failed\n", harness_pass, harness_fail);
    return harness_fail ? 1 : 0;
}

#endif

/*
 * harness.h - the tiny test harness of brief's unit tests.
 *
 * A test file writes its checks in named test functions, lists them in a
 * table and hands that to harness_main():
 *
 *     static void test_heading(void) { CHECK_EQ_INT(f(1), 2); ... }
 *     static const harness_test tests[] = {
 *         {"markdown_heading", test_heading},
 *         ...
 *     };
 *     int main(int argc, char **argv)
 *     {
 *         return harness_main(argc, argv, tests, HARNESS_COUNT(tests));
 *     }
 *
 * Command line: `test_x [WORD...]` runs every test whose name contains
 * any of the WORDs (no WORD: all of them, in table order); `test_x -l`
 * lists the names. A WORD that is in no test's name is an error (exit 2,
 * nothing run), so a typo cannot pass as "0 failed".
 *
 * Checks: CHECK(cond), CHECK_EQ_INT(got, want), CHECK_EQ_STR(got, want)
 * and CHECK_EQ_MEM(got, got_len, want, want_len) count one pass, or one
 * failure printed with the test's name, the place and, for the _EQ_ forms,
 * what was got and what was wanted. SKIP("reason") ends the running test
 * as skipped (its checks so far still count); use it when the test cannot
 * run here (a missing tool or fixture that is optional), never to hide a
 * failure.
 *
 * Output: one "SKIP name: reason" line per skipped test, then the closing
 * line "N passed, N failed" (checks), with ", N skipped" (tests) appended
 * when a test skipped. Exit status: 0 when nothing failed, 1 when a check
 * failed, 2 on a usage error (an unknown WORD or option).
 */
#ifndef BRIEF_HARNESS_H
#define BRIEF_HARNESS_H

#include <stdio.h>
#include <string.h>

typedef struct harness_test {
    const char *name;
    void (*fn)(void);
} harness_test;

#define HARNESS_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* the running test's counts and state (the harness is single-threaded) */
static int harness_pass, harness_fail;
static const char *harness_current = "";   /* the running test's name   */
static const char *harness_skipped = NULL; /* set by SKIP: the reason    */

/* counts a failure and starts its line: "FAIL test_name (file:line): " */
#define HARNESS_FAILED_AT()                                                \
    do {                                                                   \
        harness_fail++;                                                    \
        fflush(stdout);                                                    \
        fprintf(stderr, "FAIL %s (%s:%d): ", harness_current, __FILE__,    \
                __LINE__);                                                 \
    } while (0)

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            harness_pass++;                                                \
        } else {                                                           \
            HARNESS_FAILED_AT();                                           \
            fprintf(stderr, "%s\n", #cond);                                \
        }                                                                  \
    } while (0)

#define CHECK_EQ_INT(got, want)                                            \
    do {                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);           \
        if (g_ == w_) {                                                    \
            harness_pass++;                                                \
        } else {                                                           \
            HARNESS_FAILED_AT();                                           \
            fprintf(stderr, "%s\n  got  %lld\n  want %lld\n", #got, g_,    \
                    w_);                                                   \
        }                                                                  \
    } while (0)

#define CHECK_EQ_STR(got, want)                                            \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        if (g_ && w_ && !strcmp(g_, w_)) {                                 \
            harness_pass++;                                                \
        } else {                                                           \
            HARNESS_FAILED_AT();                                           \
            fprintf(stderr, "%s\n  got  \"%s\"\n  want \"%s\"\n", #got,    \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");               \
        }                                                                  \
    } while (0)

/* byte spans (may hold NULs or invalid UTF-8); shown with C escapes */
#define CHECK_EQ_MEM(got, got_len, want, want_len)                         \
    do {                                                                   \
        const void *g_ = (got), *w_ = (want);                              \
        size_t gn_ = (got_len), wn_ = (want_len);                          \
        if (gn_ == wn_ && (wn_ == 0 || (g_ && w_ && !memcmp(g_, w_, wn_)))) { \
            harness_pass++;                                                \
        } else {                                                           \
            HARNESS_FAILED_AT();                                           \
            fprintf(stderr, "%s\n", #got);                                 \
            harness_show_mem("got ", g_, gn_);                             \
            harness_show_mem("want", w_, wn_);                             \
        }                                                                  \
    } while (0)

/* Ends the running test as skipped; only in a test function (void). */
#define SKIP(reason)                                                       \
    do {                                                                   \
        harness_skipped = (reason);                                        \
        return;                                                            \
    } while (0)

/* Prints a byte span on stderr as a C string literal (at most 200 bytes). */
static void harness_show_mem(const char *label, const void *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i;
    fprintf(stderr, "  %s (%lu bytes) \"", label, (unsigned long)n);
    for (i = 0; s && i < n && i < 200; i++) {
        unsigned c = s[i];
        if (c == '"' || c == '\\')
            fprintf(stderr, "\\%c", (char)c);
        else if (c == '\n')
            fputs("\\n", stderr);
        else if (c == '\t')
            fputs("\\t", stderr);
        else if (c >= 0x20 && c < 0x7f)
            fputc((int)c, stderr);
        else
            fprintf(stderr, "\\x%02x", c);
    }
    fprintf(stderr, "\"%s\n", n > 200 ? "..." : "");
}

/* Runs the tests of the table the command line selects (see the top). */
static int harness_main(int argc, char **argv, const harness_test *tests,
                        size_t n)
{
    const char *prog = argc > 0 && argv[0] ? argv[0] : "test";
    int a, skipped = 0;
    size_t i;
    (void)harness_show_mem; /* used by CHECK_EQ_MEM only */
    if (argc == 2 && (!strcmp(argv[1], "-l") || !strcmp(argv[1], "--list"))) {
        for (i = 0; i < n; i++)
            printf("%s\n", tests[i].name);
        return 0;
    }
    for (a = 1; a < argc; a++) { /* every WORD must name some test */
        int hit = 0;
        if (argv[a][0] == '-' || argv[a][0] == 0) {
            fprintf(stderr, "usage: %s [-l | WORD...]\n", prog);
            return 2;
        }
        for (i = 0; i < n && !hit; i++)
            hit = strstr(tests[i].name, argv[a]) != NULL;
        if (!hit) {
            fprintf(stderr, "%s: no test name contains \"%s\" (%s -l lists "
                            "them)\n", prog, argv[a], prog);
            return 2;
        }
    }
    for (i = 0; i < n; i++) {
        int run = argc < 2;
        for (a = 1; a < argc && !run; a++)
            run = strstr(tests[i].name, argv[a]) != NULL;
        if (!run)
            continue;
        harness_current = tests[i].name;
        harness_skipped = NULL;
        tests[i].fn();
        if (harness_skipped) {
            skipped++;
            printf("SKIP %s: %s\n", tests[i].name, harness_skipped);
        }
    }
    harness_current = "";
    fflush(stderr);
    if (skipped)
        printf("%d passed, %d failed, %d skipped\n", harness_pass,
               harness_fail, skipped);
    else
        printf("%d passed, %d failed\n", harness_pass, harness_fail);
    return harness_fail ? 1 : 0;
}

#endif

/*
 * arenacheck.c - brief_arena_size() against the smallest fixed arena that
 * works, found by bisection, on every file named on the command line (or
 * one path a line on stdin with "-").
 *
 *   tests/arenacheck [-k N] [-v] FILE... | -
 *
 * For each file: the smallest arena (8-byte steps) with which
 * brief_summarize() succeeds, and brief_arena_size() for the same input
 * and options. Fails (exit 1) when the size is ever below the smallest
 * (not enough), or above twice the smallest. Prints the max and median
 * ratio size/smallest; -v prints every file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "brief.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        size_t got;
        if (n == cap) {
            char *nb;
            cap = cap ? 2 * cap : 65536;
            nb = (char *)realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Does a fixed arena of size bytes (8-aligned) summarize the text? */
static int fits(const char *text, size_t len, brief_options *o,
                unsigned char *buf, size_t size)
{
    brief_result *r = NULL;
    int rc;
    o->arena = buf;
    o->arena_size = size;
    rc = brief_summarize(text, len, o, &r);
    brief_result_free(r);
    return rc == BRIEF_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    size_t keywords = 0, nfiles = 0, capr = 0, bad = 0;
    int verbose = 0, a;
    double *ratios = NULL, worst = 0.0;
    char line[4096];
    const char *worst_path = "";
    char worst_buf[4096];
    int from_stdin = 0;
    for (a = 1; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
        if (!strcmp(argv[a], "-k") && a + 1 < argc)
            keywords = (size_t)strtoul(argv[++a], NULL, 10);
        else if (!strcmp(argv[a], "-v"))
            verbose = 1;
        else
            break;
    }
    if (a < argc && !strcmp(argv[a], "-"))
        from_stdin = 1;
    for (;;) {
        const char *path;
        char *text;
        size_t len, lo, hi, size, cand;
        unsigned char *buf;
        brief_options o;
        double ratio;
        if (from_stdin) {
            size_t n;
            if (!fgets(line, sizeof line, stdin))
                break;
            n = strlen(line);
            while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = 0;
            if (!n)
                continue;
            path = line;
        } else {
            if (a >= argc)
                break;
            path = argv[a++];
        }
        text = slurp(path, &len);
        if (!text) {
            fprintf(stderr, "arenacheck: cannot read %s\n", path);
            return 2;
        }
        brief_options_init(&o);
        o.keywords = keywords;
        size = brief_arena_size(text, len, &o);
        cand = brief_arena_bound(len, &o);
        if (size > cand)
            cand = size;
        buf = (unsigned char *)malloc(cand ? cand : 1);
        if (!buf) {
            fprintf(stderr, "arenacheck: out of memory\n");
            return 2;
        }
        /* the smallest working size in [lo, hi]: hi works, lo - 8 does not */
        lo = 0;
        hi = cand;
        if (!fits(text, len, &o, buf, hi)) {
            printf("FAIL %s: even the bound %lu does not fit\n", path,
                   (unsigned long)hi);
            bad++;
            free(buf);
            free(text);
            continue;
        }
        while (hi - lo > 8) {
            size_t mid = lo + (hi - lo) / 2;
            mid &= ~(size_t)7;
            if (mid <= lo)
                mid = lo + 8;
            if (fits(text, len, &o, buf, mid))
                hi = mid;
            else
                lo = mid;
        }
        ratio = (double)size / (double)hi;
        if (size < hi || !fits(text, len, &o, buf, size)) {
            printf("FAIL %s: size %lu below the smallest %lu\n", path,
                   (unsigned long)size, (unsigned long)hi);
            bad++;
        } else if (ratio > 2.0) {
            printf("FAIL %s: size %lu over 2 x the smallest %lu (%.2f)\n",
                   path, (unsigned long)size, (unsigned long)hi, ratio);
            bad++;
        }
        if (verbose)
            printf("%s: %lu bytes, smallest %lu, size %lu, ratio %.3f, "
                   "bound %lu\n", path, (unsigned long)len, (unsigned long)hi,
                   (unsigned long)size, ratio,
                   (unsigned long)brief_arena_bound(len, &o));
        if (nfiles == capr) {
            double *nr;
            capr = capr ? 2 * capr : 1024;
            nr = (double *)realloc(ratios, capr * sizeof *ratios);
            if (!nr)
                return 2;
            ratios = nr;
        }
        ratios[nfiles++] = ratio;
        if (ratio > worst) {
            worst = ratio;
            strncpy(worst_buf, path, sizeof worst_buf - 1);
            worst_buf[sizeof worst_buf - 1] = 0;
            worst_path = worst_buf;
        }
        free(buf);
        free(text);
    }
    if (nfiles) {
        qsort(ratios, nfiles, sizeof *ratios, cmp_double);
        printf("arena size / smallest (-k %lu): %lu docs, median %.3f, "
               "max %.3f (%s), min %.3f; %lu failed\n",
               (unsigned long)keywords, (unsigned long)nfiles,
               ratios[nfiles / 2], worst, worst_path, ratios[0],
               (unsigned long)bad);
    }
    free(ratios);
    return bad ? 1 : 0;
}

/*
 * decode_driver.c - run one decoder on a file, for tools/check_html.sh and
 * for looking at what the decoders make of a page.
 *
 *   decode_driver [--html|--markdown] FILE       print the decoded text
 *   decode_driver --title [--html|--markdown] FILE   print the title only
 *   decode_driver --f1 EXPECTED [--html] FILE    print the word F1 of the
 *                                                decoded text vs EXPECTED
 *   decode_driver --stats [--html|--markdown] FILE  print arena use
 *   decode_driver --text ...                     FILE is plain text already
 *                                                (e.g. brief --split output)
 *
 * The decoder kind defaults to HTML. Word F1: both texts are cut into
 * lower-cased runs of letters and digits (Unicode, after UTF-8 decoding);
 * F1 is that of the two multisets of words. Exit status 0, 1 on usage or
 * I/O errors, 2 when the decoder fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static char *read_file(const char *path, size_t *len)
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
            cap = cap ? cap * 2 : 65536;
            nb = (char *)realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* A word: folded UTF-8 bytes, in one shared pool. */
typedef struct word {
    size_t off, len;
} word;

typedef struct words {
    unsigned char *pool;
    size_t npool;
    word *w;
    size_t n;
    const unsigned char *base; /* for qsort's comparator */
} words;

static int is_word_cp(uint32_t cp)
{
    enum brief__cls c = brief__class(cp);
    return c == BRIEF__C_LETTER || c == BRIEF__C_DIGIT || c == BRIEF__C_CJK;
}

static int split_words(const unsigned char *s, size_t len, words *out)
{
    size_t i = 0;
    out->pool = (unsigned char *)malloc(len * 2 + 8);
    out->w = (word *)malloc((len / 2 + 2) * sizeof *out->w);
    out->npool = 0;
    out->n = 0;
    if (!out->pool || !out->w)
        return 0;
    while (i < len) {
        size_t j = i;
        uint32_t cp = brief__utf8_next(s, len, &j);
        if (!is_word_cp(cp)) {
            i = j;
            continue;
        }
        out->w[out->n].off = out->npool;
        while (i < len) {
            j = i;
            cp = brief__utf8_next(s, len, &j);
            if (!is_word_cp(cp))
                break;
            out->npool +=
                brief__utf8_put(brief__fold(cp), out->pool + out->npool);
            i = j;
        }
        out->w[out->n].len = out->npool - out->w[out->n].off;
        out->n++;
    }
    return 1;
}

static const unsigned char *sort_base;

static int cmp_word(const void *x, const void *y)
{
    const word *a = (const word *)x, *b = (const word *)y;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(sort_base + a->off, sort_base + b->off, m);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

static int cmp2(const words *A, size_t i, const words *B, size_t k)
{
    const word *a = &A->w[i], *b = &B->w[k];
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(A->pool + a->off, B->pool + b->off, m);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

static double word_f1(const char *got, size_t glen, const char *exp,
                      size_t elen)
{
    words A, B;
    size_t i = 0, k = 0, common = 0;
    double p, r, f = 0.0;
    if (!split_words((const unsigned char *)got, glen, &A) ||
        !split_words((const unsigned char *)exp, elen, &B))
        return -1.0;
    sort_base = A.pool;
    qsort(A.w, A.n, sizeof *A.w, cmp_word);
    sort_base = B.pool;
    qsort(B.w, B.n, sizeof *B.w, cmp_word);
    while (i < A.n && k < B.n) {
        int c = cmp2(&A, i, &B, k);
        if (c == 0) {
            common++;
            i++;
            k++;
        } else if (c < 0) {
            i++;
        } else {
            k++;
        }
    }
    if (A.n == 0 && B.n == 0)
        f = 1.0;
    else if (common) {
        p = (double)common / (double)A.n;
        r = (double)common / (double)B.n;
        f = 2 * p * r / (p + r);
    }
    free(A.pool);
    free(A.w);
    free(B.pool);
    free(B.w);
    return f;
}

int main(int argc, char **argv)
{
    const char *expected = NULL, *path = NULL;
    int markdown = 0, title_only = 0, stats = 0, text = 0, i, rc;
    char *in, *exp = NULL;
    size_t len, elen = 0;
    brief__arena a;
    brief__view v;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--f1") == 0 && i + 1 < argc)
            expected = argv[++i];
        else if (strcmp(argv[i], "--markdown") == 0)
            markdown = 1;
        else if (strcmp(argv[i], "--html") == 0)
            markdown = 0;
        else if (strcmp(argv[i], "--text") == 0)
            text = 1;
        else if (strcmp(argv[i], "--title") == 0)
            title_only = 1;
        else if (strcmp(argv[i], "--stats") == 0)
            stats = 1;
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: %s [--html|--markdown] [--title|--stats] "
                        "[--f1 EXPECTED] FILE\n", argv[0]);
        return 1;
    }
    in = read_file(path, &len);
    if (!in) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    if (expected) {
        exp = read_file(expected, &elen);
        if (!exp) {
            fprintf(stderr, "cannot read %s\n", expected);
            return 1;
        }
    }
    brief__arena_init(&a, NULL, NULL, 0);
    if (text) {
        v.text = in;
        v.len = len;
        v.title_off = v.title_len = 0;
        rc = BRIEF_OK;
    } else {
        rc = markdown ? brief__decode_markdown(&a, in, len, &v)
                      : brief__decode_html(&a, in, len, &v);
    }
    if (rc != BRIEF_OK) {
        fprintf(stderr, "decoder failed: %d\n", rc);
        return 2;
    }
    if (stats) {
        printf("input %lu bytes, arena %lu bytes (%.1f per input byte), "
               "text %lu bytes\n", (unsigned long)len, (unsigned long)a.used,
               len ? (double)a.used / (double)len : 0.0, (unsigned long)v.len);
    } else if (expected) {
        printf("%.4f\n", word_f1(v.text, v.len, exp, elen));
    } else if (title_only) {
        fwrite(v.text + v.title_off, 1, v.title_len, stdout);
        putchar('\n');
    } else {
        fwrite(v.text, 1, v.len, stdout);
        putchar('\n');
    }
    brief__arena_release(&a);
    free(in);
    free(exp);
    return 0;
}

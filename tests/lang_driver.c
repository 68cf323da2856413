/*
 * lang_driver.c - print the language brief__lang_detect() picks.
 *
 *   lang_driver [FILE...]   one line "CODE<TAB>FILE" per file ("-" or no
 *                           argument: standard input, printed as "-")
 *   lang_driver -c N [FILE...]  the same on each file's first N characters
 *                           (code points), after its leading lines that
 *                           start with '#' (the source notes of
 *                           tests/data/lang samples); N = 0: the whole text
 *   lang_driver -l [FILE]   one line "CODE" per input line, detecting on the
 *                           line's first tab-separated field with the
 *                           two-character escapes \n and \t undone (the
 *                           layout of shared/testdata/sbd/XX.tsv)
 *
 * Used by tools/check_lang.sh; exit status 2 on an unreadable file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define MAX_INPUT (64u * 1024u * 1024u)

/* Reads all of f into a malloc'ed buffer; NULL when out of memory. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got;
        if (n == cap) {
            char *more = cap < MAX_INPUT ? realloc(buf, cap * 2) : NULL;
            if (more == NULL)
                break;
            buf = more;
            cap *= 2;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            *len = n;
            return buf;
        }
    }
    free(buf);
    return NULL;
}

/* Detect on each line's first field, after undoing \n and \t escapes. */
static void per_line(char *buf, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i, end, o = start, k;
        while (i < len && buf[i] != '\n')
            i++;
        end = i++;
        for (k = start; k < end && buf[k] != '\t'; k++) {
            if (buf[k] == '\\' && k + 1 < end &&
                (buf[k + 1] == 'n' || buf[k + 1] == 't')) {
                buf[o++] = buf[k + 1] == 'n' ? '\n' : '\t';
                k++;
            } else {
                buf[o++] = buf[k];
            }
        }
        if (end > start) {
            const brief__lang *l =
                brief__lang_detect((const unsigned char *)buf + start,
                                   o - start);
            printf("%s\n", l->code);
        }
    }
}

/* The sample text of buf: without its leading '#' lines, at most chars
 * code points (0: no limit). Sets *len to the bytes kept. */
static const char *sample_text(const char *buf, size_t *len,
                               unsigned long chars)
{
    size_t n = *len, i = 0, k;
    unsigned long c = 0;
    while (i < n && buf[i] == '#') {
        while (i < n && buf[i] != '\n')
            i++;
        if (i < n)
            i++;
    }
    for (k = i; k < n && (chars == 0 || c < chars); k++) {
        /* a code point starts at every byte that is no continuation byte */
        if (((unsigned char)buf[k] & 0xC0) != 0x80)
            c++;
        while (k + 1 < n && ((unsigned char)buf[k + 1] & 0xC0) == 0x80)
            k++;
    }
    *len = k - i;
    return buf + i;
}

int main(int argc, char **argv)
{
    int lines = 0, status = 0, i = 1, any = 0, prefix = 0;
    unsigned long chars = 0;
    if (argc > 1 && strcmp(argv[1], "-l") == 0) {
        lines = 1;
        i = 2;
    } else if (argc > 2 && strcmp(argv[1], "-c") == 0) {
        prefix = 1;
        chars = strtoul(argv[2], NULL, 10);
        i = 3;
    }
    for (; i < argc || !any; i++) {
        const char *path = i < argc ? argv[i] : "-";
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        char *buf;
        size_t len = 0;
        any = 1;
        if (f == NULL) {
            fprintf(stderr, "lang_driver: cannot open %s\n", path);
            status = 2;
            continue;
        }
        buf = slurp(f, &len);
        if (f != stdin)
            fclose(f);
        if (buf == NULL) {
            fprintf(stderr, "lang_driver: out of memory on %s\n", path);
            status = 2;
            continue;
        }
        if (lines) {
            per_line(buf, len);
        } else if (prefix) {
            size_t n = len;
            const char *t = sample_text(buf, &n, chars);
            printf("%s\t%s\n",
                   brief__lang_detect((const unsigned char *)t, n)->code,
                   path);
        } else
            printf("%s\t%s\n",
                   brief__lang_detect((const unsigned char *)buf, len)->code,
                   path);
        free(buf);
    }
    return status;
}

/*
 * lang_driver.c - print the language brief__lang_detect() picks.
 *
 *   lang_driver [FILE...]   one line "CODE<TAB>FILE" per file ("-" or no
 *                           argument: standard input, printed as "-")
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

int main(int argc, char **argv)
{
    int lines = 0, status = 0, i = 1, any = 0;
    if (argc > 1 && strcmp(argv[1], "-l") == 0) {
        lines = 1;
        i = 2;
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
        if (lines)
            per_line(buf, len);
        else
            printf("%s\t%s\n",
                   brief__lang_detect((const unsigned char *)buf, len)->code,
                   path);
        free(buf);
    }
    return status;
}

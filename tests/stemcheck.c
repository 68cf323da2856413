/*
 * stemcheck - checks a stemmer against a Snowball vocabulary:
 * DIR/voc.txt (one word a line) must stem to the same line of
 * DIR/output.txt. Prints "LANG: PASSED/TOTAL" and the first mismatches;
 * exits 0 only when every word matches.
 *
 * usage: stemcheck LANG DIR      (LANG: english, german, french, ...)
 * Built with -DSTEM_FN=brief__stem_xxx it checks that one function only
 * (handy while a stemmer is being written).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#ifdef STEM_FN
static const struct { const char *name; brief__stem_fn fn; } stemmers[] = {
    {"any", STEM_FN},
};
#else
static const struct { const char *name; brief__stem_fn fn; } stemmers[] = {
    {"english", brief__stem_english},
#ifndef BRIEF_NO_LANGS
    {"german", brief__stem_german},       {"french", brief__stem_french},
    {"spanish", brief__stem_spanish},     {"italian", brief__stem_italian},
    {"portuguese", brief__stem_portuguese}, {"dutch", brief__stem_dutch},
    {"swedish", brief__stem_swedish},
#endif
};
#endif

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
}

int main(int argc, char **argv)
{
    char path[4096], word[1024], want[1024], got[1024];
    FILE *voc, *out;
    brief__stem_fn fn = NULL;
    size_t i, total = 0, pass = 0, shown = 0;
    if (argc != 3) {
        fprintf(stderr, "usage: stemcheck LANG DIR\n");
        return 2;
    }
    for (i = 0; i < sizeof stemmers / sizeof stemmers[0]; i++)
        if (!strcmp(stemmers[i].name, argv[1]) ||
            !strcmp(stemmers[i].name, "any"))
            fn = stemmers[i].fn;
    if (!fn) {
        fprintf(stderr, "stemcheck: no stemmer '%s'\n", argv[1]);
        return 2;
    }
    snprintf(path, sizeof path, "%s/voc.txt", argv[2]);
    voc = fopen(path, "r");
    snprintf(path, sizeof path, "%s/output.txt", argv[2]);
    out = fopen(path, "r");
    if (!voc || !out) {
        fprintf(stderr, "stemcheck: cannot read %s\n", argv[2]);
        return 2;
    }
    while (fgets(word, sizeof word, voc) && fgets(want, sizeof want, out)) {
        uint32_t cps[1024];
        size_t n = 0, p = 0, len, k, g = 0;
        chomp(word);
        chomp(want);
        len = strlen(word);
        while (p < len && n < 1024)
            cps[n++] = brief__utf8_next((const unsigned char *)word, len, &p);
        if (n <= BRIEF__MAX_STEM)
            n = fn(cps, n);
        for (k = 0; k < n && g + 4 < sizeof got; k++)
            g += brief__utf8_put(cps[k], (unsigned char *)got + g);
        got[g] = 0;
        total++;
        if (!strcmp(got, want))
            pass++;
        else if (shown++ < 10)
            fprintf(stderr, "  %s: got '%s', want '%s'\n", word, got, want);
    }
    printf("%s: %lu/%lu\n", argv[1], (unsigned long)pass, (unsigned long)total);
    fclose(voc);
    fclose(out);
    return pass == total && total > 0 ? 0 : 1;
}

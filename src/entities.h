/*
 * entities.h - the character-reference decoder (entity.c) and the name
 * comparison it shares with the HTML tokenizer (html.c). Included by
 * entity.c, html.c and markdown.c; include internal.h first.
 *
 * brief__html_entity() is the one decoder of "&name;", "&#123;" and
 * "&#x1F;" for both HTML and Markdown. Its table, src/entities.inc, is
 * generated from tools/data/entities.txt by tools/gen_entities.sh.
 */
#ifndef BRIEF_ENTITIES_H
#define BRIEF_ENTITIES_H

/*
 * Decode the character reference that starts at s[i] (s[i] == '&'; n bytes
 * in all). On success store the code point in *cp and return the number of
 * bytes consumed (>= 3). Return 0 when the text is no character reference,
 * so the '&' is literal. Numeric references that are zero, surrogates or
 * beyond U+10FFFF give U+FFFD; 0x80-0x9F are read as Windows-1252, as
 * browsers do. in_attr selects the attribute rule of HTML5: a legacy name
 * without ';' that is followed by a letter, digit or '=' is left alone.
 */
size_t brief__html_entity(const unsigned char *s, size_t n, size_t i,
                          int in_attr, uint32_t *cp);

/*
 * The one comparison of a name found in the input, s[0..m), with a known
 * NUL-terminated name: <0, 0 or >0 as name sorts before, equal to or after
 * it in byte order. With fold, ASCII upper case in s reads as lower case
 * (the known name is then lower case): tags, attributes and the other
 * names of HTML. Character references are case-sensitive (fold 0).
 */
static inline int brief__name_cmp(const char *name, const unsigned char *s,
                                  size_t m, int fold)
{
    size_t k;
    for (k = 0; k < m; k++) {
        unsigned a = (unsigned char)name[k], b = s[k];
        if (a == 0)
            return -1;
        if (fold && b - 'A' < 26u)
            b += 32;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return name[m] == 0 ? 0 : 1;
}

/*
 * The one lookup of a name in a table sorted by name (byte order): count
 * entries of size bytes each, whose first member is the name (const char *).
 * Returns the index of the entry named s[0..m) (compared as by
 * brief__name_cmp), or count when there is none.
 */
static inline size_t brief__name_find(const void *table, size_t count,
                                      size_t size, const unsigned char *s,
                                      size_t m, int fold)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *const *name =
            (const char *const *)(const void *)((const unsigned char *)table +
                                                mid * size);
        int c = brief__name_cmp(*name, s, m, fold);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return count;
}

#endif /* BRIEF_ENTITIES_H */

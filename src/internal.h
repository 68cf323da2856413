/*
 * internal.h - what the pipeline stages share. Not installed; names use the
 * doubled prefix brief__ so they never clash with a caller's.
 *
 * The flow, one stage a file, data moving one way:
 *   decode (normalize.c, html.c+extract.c, markdown.c) -> segment.c
 *   -> terms.c -> keywords.c -> score.c -> select.c -> brief.c (result)
 *   -> render.c
 * brief.c is the public API and calls the stages in order, nothing more.
 * Languages plug in through struct brief__lang (lang.c, stem_*.c). Every
 * stage allocates from arena.c and may use the numeric and ordering
 * helpers of util.c.
 */
#ifndef BRIEF_INTERNAL_H
#define BRIEF_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "brief.h"

/* ---- compile-time switches (each documented in README "Size") ---------- */
/* BRIEF_NO_LANGS     English only: no other stemmers/stop words/detection */
/* BRIEF_NO_HTML      no HTML input                                         */
/* BRIEF_NO_MARKDOWN  no Markdown input                                     */
/* BRIEF_NO_RENDER_RICH  no JSON/TSV/HTML renderers (text and bullets stay) */
/* BRIEF_NO_CHARSETS  no single-byte charset tables (UTF-8/UTF-16 stay)    */
/* BRIEF_ALL_CHARSETS 21 more single-byte charsets than the core 6 (+7 KB)  */
/* BRIEF_NO_MALLOC    no libc default allocator: the caller must pass an     */
/*                    allocator or a fixed arena (else BRIEF_ERR_NOMEM)      */

/* ---- arena (arena.c) ---------------------------------------------------- */
/*
 * One arena per summary. Blocks come from the caller's allocator (or the
 * caller's fixed buffer) and are all released together by
 * brief__arena_release(); no stage frees piecemeal, so out-of-memory has
 * exactly one way out: a NULL from brief__alloc().
 */
typedef struct brief__block brief__block;
typedef struct brief__arena {
    brief_allocator alloc;     /* used when fixed == NULL                   */
    brief__block *blocks;      /* chain of blocks from alloc, newest first  */
    unsigned char *fixed;      /* caller's buffer (fixed-arena mode)        */
    size_t fixed_size;
    unsigned char *cur;        /* bump pointer in the current block         */
    unsigned char *end;
    unsigned char *last;       /* start of the most recent allocation       */
    size_t used;               /* bytes handed out, for statistics          */
} brief__arena;

void brief__arena_init(brief__arena *a, const brief_allocator *alloc,
                       void *fixed, size_t fixed_size);
/* size bytes aligned to BRIEF__ALIGN, or NULL when out of memory. */
void *brief__alloc(brief__arena *a, size_t size);
/* Grow the block p (of old_size bytes, allocated from a) to new_size,
 * in place when p is the latest allocation, else by copying. NULL on OOM
 * (p stays valid). */
void *brief__grow(brief__arena *a, void *p, size_t old_size, size_t new_size);
/*
 * Grow an array so it holds need elements of size bytes (as Lua's
 * luaM_growaux_): p has *cap elements (p NULL and *cap 0 for none yet).
 * When need > *cap (or p is NULL) the new capacity is first when *cap is
 * 0, else *cap, grown by (capacity >> shift) at a time -- shift 0
 * doubles, 1 grows by half -- until it holds need; the elements are kept
 * (brief__grow) and *cap is set. Returns the array (p itself when it has
 * room); NULL on OOM or size overflow, with p still valid and *cap as it
 * was.
 */
void *brief__grow_array(brief__arena *a, void *p, size_t *cap, size_t need,
                        size_t size, size_t first, unsigned shift);
/* Give back a large block early (a no-op for small ones and in fixed
 * mode: those go when the arena is released). */
void brief__free(brief__arena *a, void *p);
void brief__arena_release(brief__arena *a);

#define BRIEF__ALIGN 8u

/* ---- UTF-8 and character classes (normalize.c) -------------------------- */
/*
 * Decode the code point at s[*i] (len bytes in all) and advance *i. Invalid
 * or truncated sequences, overlong forms and surrogates yield U+FFFD and
 * advance by one byte, so every byte is consumed exactly once.
 */
uint32_t brief__utf8_next(const unsigned char *s, size_t len, size_t *i);
/* Encode cp into out (>= 4 bytes); returns bytes written (1..4). */
size_t brief__utf8_put(uint32_t cp, unsigned char *out);
/* Simple case folding (to lower case) for Latin, Greek and Cyrillic. */
uint32_t brief__fold(uint32_t cp);

/* The order is relied on: SPACE, NEWLINE adjacent and LETTER, DIGIT
 * adjacent, so each pair is one range test in the hot loops. */
enum brief__cls {
    BRIEF__C_OTHER = 0, /* symbols, U+FFFD, control characters             */
    BRIEF__C_SPACE,     /* space, tab, NBSP, the U+2000 spaces, U+3000      */
    BRIEF__C_NEWLINE,   /* LF, CR (CRLF counts once), U+2028/2029, FF, VT   */
    BRIEF__C_LETTER,    /* letters and combining marks                       */
    BRIEF__C_DIGIT,
    BRIEF__C_CJK,       /* Han, Hiragana, Katakana, Hangul: bigram terms     */
    BRIEF__C_PUNCT
};
enum brief__cls brief__class(uint32_t cp);

/* Inline fast paths for ASCII, which is nearly all of most text: the hot
 * loops (segmenter, tokenizer) call these instead of the functions above. */
extern const unsigned char brief__ascii_class[128];
static inline uint32_t brief__next(const unsigned char *s, size_t len,
                                   size_t *i)
{
    if (s[*i] < 0x80)
        return s[(*i)++];
    return brief__utf8_next(s, len, i);
}
static inline enum brief__cls brief__class_of(uint32_t cp)
{
    return cp < 0x80 ? (enum brief__cls)brief__ascii_class[cp]
                     : brief__class(cp);
}
static inline size_t brief__put(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    return brief__utf8_put(cp, out);
}
static inline uint32_t brief__lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u ? cp + 32 : cp;
    return brief__fold(cp);
}
int brief__is_upper(uint32_t cp); /* has a distinct lower-case form        */

/* ASCII character classes of a byte or code point, locale-free (unlike
 * <ctype.h>): for markup, language codes and other ASCII syntax. Anything
 * from 0x80 up is in no class and lower-cases to itself. */
static inline int brief__ascii_is_digit(unsigned c)
{
    return c - '0' < 10u;
}
static inline int brief__ascii_is_alpha(unsigned c)
{
    return c - 'a' < 26u || c - 'A' < 26u;
}
static inline int brief__ascii_is_alnum(unsigned c)
{
    return brief__ascii_is_alpha(c) || brief__ascii_is_digit(c);
}
static inline int brief__ascii_is_xdigit(unsigned c)
{
    return brief__ascii_is_digit(c) || (c | 32u) - 'a' < 6u;
}
/* ! " # ... / : ... @ [ ... ` { ... ~ (CommonMark's ASCII punctuation) */
static inline int brief__ascii_is_punct(unsigned c)
{
    return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) ||
           (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
/* space or tab */
static inline int brief__ascii_is_blank(unsigned c)
{
    return c == ' ' || c == '\t';
}
/* HTML's ASCII whitespace: space, tab, LF, CR, FF */
static inline int brief__ascii_is_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
static inline unsigned brief__ascii_lower(unsigned c)
{
    return c - 'A' < 26u ? c + 32u : c;
}

/* ---- languages (lang.c, stem_*.c, stopwords.inc) ------------------------- */
/*
 * A stemmer works in place on a lower-case word given as code points and
 * returns the new length: at most BRIEF__MAX_STEM, the size of the buffer
 * (German's ß -> ss may make a word longer; every other stemmer returns at
 * most n). It must not allocate and must accept any n >= 0 (callers pass
 * at most BRIEF__MAX_STEM code points; longer words are not stemmed).
 */
#define BRIEF__MAX_STEM 64
typedef size_t (*brief__stem_fn)(uint32_t *w, size_t n);

/* A sorted word list as tools/gen_stopwords.sh writes it: the words end
 * to end in one blob, each ended by '\0', and off[i] where word i starts
 * (2 bytes a word instead of a pointer and its relocation). count == 0
 * (blob and off NULL) is the empty list. */
typedef struct brief__wordlist {
    const char *blob;
    const uint16_t *off;
    size_t count;
} brief__wordlist;

/* Word i (< list->count) of a list, NUL-terminated. */
static inline const char *brief__word_at(const brief__wordlist *list,
                                         size_t i)
{
    return list->blob + list->off[i];
}

typedef struct brief__lang {
    const char *code;                 /* "en"                               */
    const char *name;                 /* "English"                          */
    brief__stem_fn stem;
    brief__wordlist stopwords;        /* sorted by strcmp, UTF-8 lower case */
    brief__wordlist abbrevs;          /* sorted, lower case, without "."    */
    brief__wordlist weak;             /* never key terms (keywords.c)       */
} brief__lang;

const brief__lang *brief__lang_find(const char *code);
const brief__lang *brief__lang_at(size_t i); /* NULL past the last one      */
/* 1 if the lower-case UTF-8 word w[0..n) is in the sorted table.           */
int brief__in_table(const char *const *tab, size_t count, const char *w,
                    size_t n);
/* The same for a generated word list (stop words, abbreviations).         */
int brief__in_list(const brief__wordlist *list, const char *w, size_t n);
/* Pick the language of text (stop-word and script statistics). */
const brief__lang *brief__lang_detect(const unsigned char *s, size_t len);

size_t brief__stem_english(uint32_t *w, size_t n);
size_t brief__stem_german(uint32_t *w, size_t n);
size_t brief__stem_french(uint32_t *w, size_t n);
size_t brief__stem_spanish(uint32_t *w, size_t n);
size_t brief__stem_italian(uint32_t *w, size_t n);
size_t brief__stem_portuguese(uint32_t *w, size_t n);
size_t brief__stem_dutch(uint32_t *w, size_t n);
size_t brief__stem_swedish(uint32_t *w, size_t n);

/* ---- charset (charset.c) ------------------------------------------------ */
/*
 * Input normalization, before any decoder: find the input's charset
 * (options.encoding, a byte-order mark, an XML declaration, an HTML
 * <meta>) and make *in, *len UTF-8, converted into the arena when needed
 * (else left pointing at the caller's bytes). Sets r->encoding, and
 * r->warnings / r->unsupported_encoding for a charset it cannot decode
 * (then the bytes are read as UTF-8). BRIEF_OK or BRIEF_ERR_NOMEM.
 */
int brief__charset(brief__arena *a, const char **in, size_t *len,
                   const brief_options *o, brief_result *r);
/* 1 if the (UTF-8) input of this kind is binary: a NUL byte in its text.
 * For HTML a NUL inside a tag, a comment, a script or a style is not in
 * the text (browsers drop it too), so a stray one does not refuse a page. */
int brief__binary(const char *in, size_t len, brief_input kind);
/* 1 if name is a label of UTF-8 ("utf-8", "UTF8", ...). */
int brief__charset_is_utf8(const char *name);

/* ---- decode (extract.c, markdown.c, entity.c) --------------------------- */
/*
 * A decoder turns its format into plain text: paragraphs separated by a
 * blank line, headings on a line of their own. The text is allocated from
 * the arena. title_* is the span of the title inside that text (length 0
 * when there is none). Returns BRIEF_OK or BRIEF_ERR_NOMEM.
 */
typedef struct brief__view {
    const char *text;
    size_t len;
    size_t title_off, title_len;  /* title_len 0: no known title           */
} brief__view;

int brief__decode_html(brief__arena *a, const char *in, size_t len,
                       brief__view *out);
int brief__decode_markdown(brief__arena *a, const char *in, size_t len,
                           brief__view *out);
/* 1 if the bytes look like HTML / Markdown (used by brief_detect_input). */
int brief__looks_html(const char *in, size_t len);
int brief__looks_markdown(const char *in, size_t len);

/*
 * The character-reference decoder (entity.c) and the name comparison it
 * shares with the HTML tokenizer (html.c). brief__html_entity() is the one
 * decoder of "&name;", "&#123;" and "&#x1F;" for both HTML and Markdown. Its
 * table, src/entities.inc, is generated from tools/data/entities.txt by
 * tools/gen_entities.sh.
 */
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
 * brief__name_cmp), or count when there is none. (entity.c's table is a
 * name blob with offsets instead; its search mirrors this one.)
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

/* ---- segment (segment.c) ----------------------------------------------- */
typedef struct brief__sent {
    size_t start, end;      /* byte span in the view text (trimmed)        */
    size_t paragraph;
    unsigned flags;         /* BRIEF_SENTENCE_TITLE / _HEADING              */
    size_t tok_start, tok_end; /* term-id range in terms.ids (terms.c)     */
    size_t words;
    double score;
    const char *clean;      /* the sentence as one line (see brief.h's     */
    size_t clean_len;       /* brief_sentence.text): into the view text     */
                            /* when nothing changed, else an arena copy     */
} brief__sent;

#define BRIEF__NO_TERM 0xFFFFFFFFu

typedef struct brief__doc {
    brief__view view;
    const brief__lang *lang;
    brief__sent *sents;
    size_t nsents;
    size_t nparagraphs;
    /* terms.c */
    uint32_t *ids;          /* content-term ids, sentence after sentence    */
    size_t nids;
    int want_spans;         /* set before terms.c: fill spans (a text under */
                            /* 4 GiB: the offsets are 32-bit)               */
    uint32_t *spans;        /* with want_spans: where each id's token is in */
                            /* the view text, start and end (2 an id)       */
    size_t nterms;          /* term ids are 0 .. nterms-1                    */
    uint32_t *term_count;   /* occurrences of each term in the document     */
    uint32_t *term_sents;   /* sentences containing each term               */
    size_t words;           /* words in the whole text                      */
} brief__doc;

/* Split the view into paragraphs and sentences: fills sents, nsents and
 * nparagraphs, and gives each sentence its cleaned text (clean,
 * clean_len). A title the decoder found (view.title_len > 0) becomes the
 * first sentence, flagged BRIEF_SENTENCE_TITLE, and reading starts after
 * it (the decoder put it at the top of the text); without one, a
 * heading-like line at the very top is the title. */
int brief__segment(brief__arena *a, brief__doc *doc);
/* 1 if sentence x is a prompt to the reader about the page or its media
 * ("Scroll down for video", "Click here to ...": opens with a
 * page-interaction verb and a page or media noun, at most
 * BRIEF__PROMPT_WORDS words; segment.c's word tables). The opening makes
 * the prompt, not the length: "Click on the link under her photograph to
 * read her story, and then scroll down to see what the panel say" is one
 * too; the cap keeps a long sentence that happens to open so. */
#define BRIEF__PROMPT_WORDS 25
int brief__is_prompt(const brief__doc *doc, const brief__sent *x);
/* Byte and code-point helpers the segmenter (segment.c) shares with the
 * cleaned-text pass (clean.c). Eight bytes at a time: */
#define BRIEF__ONES ((uint64_t)0x0101010101010101u)
#define BRIEF__HIGHS ((uint64_t)0x8080808080808080u)
static inline uint64_t brief__load8(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
/* Has v a byte below n (n <= 128; exact when v has no byte from 0x80)? */
static inline int brief__has_below(uint64_t v, unsigned n)
{
    return ((v - BRIEF__ONES * n) & ~v & BRIEF__HIGHS) != 0;
}
/* The code point that ends at s[end] (not before start); *at is where it
 * starts. U+FFFD for a broken sequence. */
uint32_t brief__prev_cp(const unsigned char *s, size_t start, size_t end,
                        size_t *at);
/* A lower-case letter of a cased script (a sentence may not start so). */
int brief__is_lower_letter(uint32_t cp);
/* Length of the line break at t[p] (LF, VT, FF, CR, CRLF, NEL, U+2028/9);
 * 0: none. */
size_t brief__newline_at(const unsigned char *t, size_t len, size_t p);


/* Give every sentence of doc its cleaned text, clean and clean_len
 * (clean.c; the last step of brief__segment). */
int brief__clean_sentences(brief__arena *a, brief__doc *doc);

/* ---- terms (terms.c) ----------------------------------------------------- */
/* Tokenize every sentence, fold case, drop stop words, stem, and map each
 * content word to a term id (one stemmer call per distinct surface form).
 * Fills the terms.c fields of doc and each sentence's tok_*, words. */
int brief__terms(brief__arena *a, brief__doc *doc);

/* ---- keywords (keywords.c) ------------------------------------------------ */
/* The want key terms and key phrases of highest weight (see keywords.c),
 * best first, each as the text writes it most often; *out (arena) and
 * *nout get them, NULL and 0 when want is 0 or the text has no terms.
 * Needs doc->spans (doc->want_spans set before brief__terms). */
int brief__keywords(brief__arena *a, const brief__doc *doc, size_t want,
                    const brief_keyword **out, size_t *nout);

/* ---- score (score.c) -------------------------------------------------------- */
/* Give every sentence its score (titles and headings get 0).
 * budget_sentences: the sentence budget of the brief (0: none). */
int brief__score(brief__arena *a, brief__doc *doc, size_t budget_sentences);

/* ---- select (select.c) ------------------------------------------------------ */
/* A sentence of more words than this is a run-on that no reader wants in a
 * brief (issue 16 counts one as junk): brief__select() takes it only when
 * the shorter sentences cannot fill the budget. */
#define BRIEF__LONG_WORDS 60

typedef struct brief__budget {
    size_t sentences, words, bytes;  /* 0 = no limit                      */
} brief__budget;
/* Choose sentences under the budget; *out gets their indices in document
 * order (arena), *nout their number. */
int brief__select(brief__arena *a, const brief__doc *doc,
                  const brief__budget *budget, size_t **out, size_t *nout);

/* ---- numbers, ordering and word lists (util.c) ------------------------ */
/* Sort idx[0..n) so that before(ctx, idx[i], idx[i+1]) or they tie; a
 * stable bottom-up merge sort with caller scratch tmp[n] (qsort may call
 * malloc, and the library promises not to). */
typedef int (*brief__before_fn)(const void *ctx, size_t a, size_t b);
void brief__sort(size_t *idx, size_t *tmp, size_t n, brief__before_fn before,
                 const void *ctx);

/* Deterministic natural logarithm (same bits on every platform). */
double brief__log(double x);
/* Correctly rounded square root of x >= 0, as IEEE 754 sqrt() (so that
 * the library needs no libm). */
double brief__sqrt(double x);

/* Is w[0..n) one of the words of list (each word followed by a space, as
 * "app article gallery ")? Inline: a short list is read through at each
 * call site as fast as it is searched. */
static inline int brief__in_words(const char *list, const char *w, size_t n)
{
    while (*list) {
        size_t k = 0;
        while (list[k] != ' ')
            k++;
        if (k == n && !memcmp(list, w, n))
            return 1;
        list += k + 1;
    }
    return 0;
}
/* Does s[0..n) hold lit (lower case), ASCII letters of s read in lower
 * case? (Built unless both HTML and Markdown are left out.) */
int brief__holds_ci(const unsigned char *s, size_t n, const char *lit);

#endif /* BRIEF_INTERNAL_H */

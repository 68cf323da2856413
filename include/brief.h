/*
 * brief.h - the whole public API of brief, an extractive summarizer.
 *
 * brief reads an article (plain text, HTML or Markdown) and picks the few
 * sentences that best carry it, in their original order.
 *
 * Contracts that hold for every function here:
 *  - No global state: every call is reentrant and thread-safe as long as
 *    two threads do not share one brief_result.
 *  - No I/O: the library never opens files, never prints, never exits.
 *  - Every byte of memory comes from the caller: from the allocator in
 *    brief_options (NULL = libc malloc/free) or from a fixed arena the caller
 *    hands over (then malloc is never called). Out of memory is reported as
 *    BRIEF_ERR_NOMEM and leaks nothing; the library never aborts.
 *  - Deterministic: the same input and options give the same result on
 *    every platform (scores are computed in a fixed order, ties go to the
 *    earlier sentence).
 */
#ifndef BRIEF_H
#define BRIEF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BRIEF_VERSION_MAJOR 0
#define BRIEF_VERSION_MINOR 1
#define BRIEF_VERSION_PATCH 0
#define BRIEF_VERSION "0.1.0"

/* The version of the library linked in, e.g. "0.1.0" (static string). */
const char *brief_version(void);

/* Status codes. Values are stable: they are never renumbered. */
typedef enum brief_status {
    BRIEF_OK = 0,
    BRIEF_ERR_NOMEM = 1,    /* an allocation failed (allocator or arena)   */
    BRIEF_ERR_ARGUMENT = 2, /* a NULL pointer or an out-of-range option    */
    BRIEF_ERR_BINARY = 3,   /* NUL bytes in the text: not text             */
    BRIEF_ERR_TOO_LARGE = 4,/* the input is larger than options.max_input  */
    BRIEF_ERR_LANGUAGE = 5, /* options.language names no known language    */
    BRIEF_ERR_WRITE = 6     /* a brief_write_fn reported failure           */
} brief_status;

/* A constant English message for a status code (never NULL). */
const char *brief_strerror(int status);

/*
 * Allocator hook. alloc(ctx, size) returns memory aligned for any object or
 * NULL; free(ctx, ptr, size) releases a block alloc returned, with the size
 * that was asked for. brief allocates in a few large blocks (it keeps its own
 * arena on top), so the hook is not called per object.
 */
typedef struct brief_allocator {
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *ptr, size_t size);
    void *ctx;
} brief_allocator;

/* How the input bytes are to be read. */
typedef enum brief_input {
    BRIEF_INPUT_AUTO = 0, /* sniffed from the content (see brief_detect_input) */
    BRIEF_INPUT_TEXT = 1,
    BRIEF_INPUT_HTML = 2,
    BRIEF_INPUT_MARKDOWN = 3
} brief_input;

/*
 * Options. Always call brief_options_init() first, then set the fields you
 * need: fields may be added at the end in later versions and init gives
 * them their defaults.
 *
 * Budget: the brief takes at most max_sentences sentences, at most
 * ratio_percent percent of the sentences (rounded, at least one), at most
 * max_words words and at most max_bytes bytes of sentence text (sentence
 * lengths plus one separator byte between sentences). Zero means "no limit"
 * for each; if all four are zero the default is 3 sentences. A sentence is
 * never cut: one that does not fit is skipped.
 */
typedef struct brief_options {
    size_t max_sentences;     /* default 3 (when no other budget is set)  */
    unsigned ratio_percent;   /* 0..100; default 0 (off)                  */
    size_t max_words;         /* default 0 (off)                          */
    size_t max_bytes;         /* default 0 (off)                          */
    brief_input input;        /* default BRIEF_INPUT_AUTO                 */
    const char *language;     /* ISO 639-1 code ("en", "de", ...),
                                 BRIEF_LANGUAGE_UNDETERMINED, "auto" or
                                 NULL (= auto); default NULL              */
    size_t max_input;         /* bytes; larger input is refused with
                                 BRIEF_ERR_TOO_LARGE; 0 = no limit;
                                 default BRIEF_DEFAULT_MAX_INPUT          */
    size_t keywords;          /* how many key terms to extract; default 0 */
    const brief_allocator *allocator; /* NULL = libc malloc/free (in a
                                 BRIEF_NO_MALLOC build: none, so an arena
                                 or allocator must be given)              */
    void *arena;              /* fixed arena: if non-NULL, all memory is  */
    size_t arena_size;        /* taken from these bytes, never malloc     */
    const char *encoding;     /* the input's charset: "auto" (or NULL or
                                 "") to detect it, else a label of the
                                 WHATWG Encoding standard ("utf-8",
                                 "utf-16le", "windows-1250", "latin1",
                                 "koi8-r", ...; case and surrounding
                                 blanks ignored), which overrides every
                                 declaration in the input; default "auto".
                                 See brief_summarize() and README
                                 "Charsets"                               */
} brief_options;

#define BRIEF_DEFAULT_MAX_INPUT ((size_t)256 * 1024 * 1024)

void brief_options_init(brief_options *opts);

/* Sentence flags. */
#define BRIEF_SENTENCE_TITLE    1u /* the document title (never chosen)    */
#define BRIEF_SENTENCE_HEADING  2u /* a headline-like line of its own      */
#define BRIEF_SENTENCE_CHOSEN   4u /* part of the brief                    */

/*
 * One sentence: a byte span of result->text, and its text cleaned for
 * reading. text/text_length: the sentence as one line, every run of
 * spaces, tabs and line breaks made one space (none at a line break
 * between two CJK characters), a word hyphenated at a line end joined
 * when the document writes it whole elsewhere (else the hyphen is kept:
 * "well-known"). Not NUL-terminated; it points into result->text when
 * nothing changed. The renderers print text (a result built by hand may
 * leave it NULL: the span is printed then); offset/length always give the
 * source.
 */
typedef struct brief_sentence {
    size_t offset;     /* byte offset in result->text                     */
    size_t length;     /* byte length (may contain newlines)              */
    double score;      /* higher is more central; 0 for titles/headings   */
    size_t index;      /* 0-based position among all sentences            */
    size_t paragraph;  /* 0-based paragraph number                        */
    size_t words;      /* number of word tokens                           */
    unsigned flags;    /* BRIEF_SENTENCE_* bits                           */
    const char *text;  /* the cleaned sentence (see above)                */
    size_t text_length;
} brief_sentence;

/*
 * A key term: a word (a stem) or a key phrase of 2 or 3 words that recurs
 * as a unit or is a name (capitalised words, seen once is enough), shown
 * as the text writes it most often in mid-sentence ("DeepSeek", "State
 * Department"; lower case when it only starts sentences), without an
 * elided article ("l'Europe" -> "Europe"). A phrase replaces the words
 * inside it when they mostly occur in it. Stop words and the language's
 * weak words are never key terms. (A text of 4 GiB or more gets none.)
 */
typedef struct brief_keyword {
    const char *text;  /* UTF-8, NUL-terminated; words one space apart    */
    size_t length;
    double weight;     /* count x its words' weights, x 1.5 if first met  */
                       /* in the lead (see README "Key terms")            */
    size_t count;      /* occurrences (of the stem; of the phrase)        */
    size_t words;      /* 1 for a word, 2 or 3 for a phrase               */
} brief_keyword;

/*
 * The result. Everything it points to lives until brief_result_free().
 *  text/text_length: the text the spans refer to, always UTF-8. For plain
 *    text input in UTF-8 (or ASCII) this is the caller's input buffer
 *    itself (so the caller must keep it alive while using the result); for
 *    plain text in another charset it is the text converted to UTF-8, and
 *    for HTML and Markdown the extracted text, both owned by the result.
 *  sentences: every sentence in document order (titles and headings too).
 *  chosen: indices into sentences of the brief, in document order.
 */
typedef struct brief_result {
    const char *text;
    size_t text_length;
    const brief_sentence *sentences;
    size_t sentence_count;
    const size_t *chosen;
    size_t chosen_count;
    int has_title;             /* 1 if sentences[title_index] is a title  */
    size_t title_index;
    const char *language;      /* ISO 639-1 code actually used, or
                                  BRIEF_LANGUAGE_UNDETERMINED            */
    brief_input input;         /* the input kind actually used            */
    const brief_keyword *keywords;
    size_t keyword_count;
    size_t word_count;         /* words in the whole text                 */
    const char *encoding;      /* the charset the input was read in, as
                                  the WHATWG standard names it: "UTF-8",
                                  "UTF-16LE", "windows-1252", ...         */
    unsigned warnings;         /* BRIEF_WARN_* bits                       */
    const char *unsupported_encoding; /* with BRIEF_WARN_ENCODING: the
                                  charset the input declared (or
                                  options.encoding named), lower case,
                                  printable ASCII, at most 40 bytes;
                                  else NULL                               */
} brief_result;

/* Warnings (brief_result.warnings): the result is valid, but something
 * about the input could not be honoured. The library never prints; a
 * client shows them as it sees fit (the CLI: one line on stderr). */
#define BRIEF_WARN_ENCODING 1u /* a charset brief cannot decode (GBK, Big5,
                                  Shift_JIS, an unknown name, ...): the
                                  input was read as UTF-8, invalid bytes as
                                  U+FFFD                                   */

/*
 * Summarize len bytes at input (not NUL-terminated; may be NULL when len is
 * 0). opts may be NULL for defaults. On BRIEF_OK *out holds a result to be
 * released with brief_result_free(); on any error *out is NULL and nothing
 * is leaked. Empty or whitespace-only input gives BRIEF_OK with no
 * sentences.
 *
 * Charset: options.encoding when it names one; else a byte-order mark
 * (UTF-8, UTF-16LE, UTF-16BE; any input kind); else an XML declaration at
 * the start (<?xml ... encoding="..."?>); else, for HTML, <meta charset> or
 * <meta http-equiv="Content-Type" content="...; charset=..."> (a prescan as
 * the HTML standard's); else UTF-8. Labels as the WHATWG Encoding standard
 * has them (ISO-8859-1 and US-ASCII are windows-1252, as in browsers).
 * Single-byte charsets (windows-1250 to 1258, ISO-8859-x, KOI8-R/U, ...)
 * are decoded by built-in tables (none in a BRIEF_NO_CHARSETS build); any
 * other charset is read as UTF-8 and flagged with BRIEF_WARN_ENCODING.
 * Invalid UTF-8 is accepted: bad bytes are read as U+FFFD and kept in the
 * spans unchanged.
 *
 * Binary input: a NUL byte in the text (after the charset is decoded)
 * gives BRIEF_ERR_BINARY. In HTML, NULs inside tags, attribute values,
 * comments, scripts and styles are not in the text, nor are NULs in a run
 * of text between two tags that holds nothing but blanks and NULs: a page
 * is refused only for a NUL among the characters of its text.
 */
int brief_summarize(const char *input, size_t len, const brief_options *opts,
                    brief_result **out);

/* Release a result and all it owns. NULL is a no-op. In fixed-arena mode
 * this releases nothing (the arena is the caller's) but is still valid. */
void brief_result_free(brief_result *result);

/*
 * An upper bound of the bytes a fixed arena needs to summarize len bytes
 * with these options (opts may be NULL). brief_summarize() with an arena of
 * at least this size never fails with BRIEF_ERR_NOMEM. It is about 256
 * bytes per input byte plus 64 KiB for plain text (opts->input ==
 * BRIEF_INPUT_TEXT), and more when the input may be HTML (its decoder
 * builds an element tree): 384 bytes per byte plus 2.1 MiB. A real article
 * needs far less (a 4 KB news text fits 64 KiB); the bound is for inputs
 * built to be worst cases. brief_arena_size() gives a size fitted to the
 * text itself. Unless opts->encoding is a UTF-8 label, the
 * input may be converted to UTF-8 first (up to 3 bytes a byte: byte 0x80
 * of windows-1252 is U+20AC), so the bound is that of 3 x len bytes plus
 * the converted copy; a caller whose input is UTF-8 sets encoding "utf-8"
 * for the smaller bound.
 */
size_t brief_arena_bound(size_t len, const brief_options *opts);

/*
 * The bytes of a fixed arena that suffice to summarize these len bytes of
 * input with these options (opts may be NULL), fitted to the text:
 * brief_summarize(text, len, opts) with options.arena of at least this
 * size never fails with BRIEF_ERR_NOMEM (any input, any options). It reads
 * the text once and summarizes nothing: it counts lines, sentence-final
 * marks, hyphens at line ends, tokens and distinct words, and adds up the
 * allocations every stage makes from those counts, replaying the growth
 * of each array. It allocates nothing and takes about 2 KiB of stack (a
 * set of 256 word offsets: the count of distinct words is exact while it
 * has room and an upper bound past that, the frequent words, seen early,
 * staying recognized); it takes less time than the summary (a third to
 * three quarters of it: it detects the language as the summary does).
 *
 * The fitted size is for plain text read as UTF-8 in place (input TEXT,
 * or AUTO on text, and encoding "auto" or a UTF-8 label): on every
 * article of the development corpora (2519, 0.2 to 25 KB, en and fr) it
 * is 1.02x to 1.85x the smallest arena that works (found by bisection;
 * tests/arenacheck.c), median 1.08x (with 20 key terms: median 1.51x, at
 * most 1.94x: a bound on the key phrases' candidates, counted from the
 * runs of adjacent content words, each of which may be a name seen once).
 * Default options (-k 10 in brackets), x86_64:
 *
 *   article               smallest arena   brief_arena_size()  _bound()
 *   1 KB, 162 words, fr   20.0 (26.5) KiB  20.6 (37.4) KiB     3.2 MiB
 *   5 KB, 900 words, en   61.8 (87.8) KiB  78.3 (132) KiB      7.8 MiB
 *   19 KB, 3482 words, en 194 (278) KiB    319 (492) KiB       23 MiB
 *
 * Most of a short article's arena is first sizes of arrays taken from the
 * length (sentences, word records, hash tables), which the count replays
 * exactly; hostile text (one-letter sentences, all-distinct words) gets a
 * looser but still sufficient size.
 *
 * HTML and Markdown input, and input converted from another charset
 * (UTF-16, a single-byte charset, an XML declaration), get
 * brief_arena_bound(len, opts) instead: their decoders rewrite the text.
 */
size_t brief_arena_size(const char *text, size_t len,
                        const brief_options *opts);

/* The input kind that BRIEF_INPUT_AUTO would pick for these bytes. */
brief_input brief_detect_input(const char *input, size_t len);

/*
 * Languages. brief has rules (stemmer, stop words, abbreviations) for en,
 * de, fr, es, it, pt, nl and sv. Text in any other language, or too short
 * to tell, is detected as BRIEF_LANGUAGE_UNDETERMINED, "und" (ISO 639-2),
 * never as a language it is not, and is read with language-neutral rules:
 * no stemming, no stop-word list, and a word of at most four letters is no
 * term, neither scored nor a key term (the function words of alphabetic
 * languages are their short words). It may also be chosen in
 * brief_options.language.
 */
#define BRIEF_LANGUAGE_UNDETERMINED "und"

/* Name of a language code ("en" -> "English", "und" -> "Undetermined"), or
 * NULL if not built in. */
const char *brief_language_name(const char *code);

/*
 * Rendering. A renderer writes through fn, which must return 0 on success
 * (any other value stops rendering with BRIEF_ERR_WRITE).
 */
typedef int (*brief_write_fn)(void *ctx, const char *bytes, size_t len);

typedef enum brief_format {
    BRIEF_FORMAT_TEXT = 0,    /* one sentence a line, newlines as spaces  */
    BRIEF_FORMAT_BULLETS = 1, /* "- " before each sentence                */
    BRIEF_FORMAT_JSON = 2,    /* one JSON object (valid UTF-8)            */
    BRIEF_FORMAT_TSV = 3,     /* index, score, offset, length, text       */
    BRIEF_FORMAT_HTML = 4,    /* the article shaded by score              */
    BRIEF_FORMAT_SCORES = 5,  /* every sentence: index, score, text       */
    BRIEF_FORMAT_SPLIT = 6,   /* every sentence, one a line               */
    BRIEF_FORMAT_KEYWORDS = 7 /* the key terms, one a line                */
} brief_format;

int brief_render(const brief_result *result, brief_format format,
                 brief_write_fn fn, void *ctx);

/*
 * The JSON string escaping of BRIEF_FORMAT_JSON, for callers that write
 * JSON of their own. Escapes the len bytes at s (any bytes, not
 * NUL-terminated) into the caller's buffer out of cap bytes and returns
 * the size of the whole escaped text. It writes the string's content only:
 * no quotes around it and no terminating NUL. Nothing is ever written past
 * out + cap; when the return value is larger than cap, out holds a prefix
 * of whole escaped characters and the call may be repeated with a buffer
 * of the returned size. out may be NULL when cap is 0 (to measure); s may
 * be NULL (read as empty, returns 0). Both buffers stay the caller's; the
 * function allocates nothing and keeps no state.
 * Rules (RFC 8259, output valid UTF-8): " and \ get a backslash; control
 * characters become \b \f \n \r \t or \u00XX; U+2028 and U+2029
 * become \u2028 and \u2029 (they end lines in JavaScript); every byte of
 * an invalid UTF-8 sequence becomes U+FFFD; all else is copied. The
 * result is at most 6 * len bytes.
 */
size_t brief_json_escape(const char *s, size_t len, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif /* BRIEF_H */

/*
 * cli.c - the brief command: a thin client of include/brief.h.
 *
 * It reads files (or stdin), calls brief_summarize(), and renders with
 * brief_render() through a stdio writer. The only logic of its own is I/O:
 * reading input within a size limit, writing -o FILE atomically (a
 * temporary file in the same folder, renamed over FILE only when all went
 * well), and turning failures into messages and exit codes.
 */
#if !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS on glibc (POSIX has it since 2024) */
#endif
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if !defined(_WIN32)
#include <sys/mman.h>
#endif
#include "cli.h"
#include "jsonl.h"

static const char usage_text[] =
"usage: brief [OPTIONS] [FILE...]\n"
"Print a short brief of an article: the sentences that best carry it, in\n"
"their original order, one sentence a line. With no FILE, or FILE '-',\n"
"read standard input. Several FILEs are summarized into one stream: text\n"
"formats put each under a header line '==> FILE <==', json writes one\n"
"object a line with a \"file\" member, tsv adds a file column, html one\n"
"page with a section per file. Long options may be shortened to any\n"
"unambiguous prefix (--sent 3).\n"
"\n"
"Budget (a sentence is never cut; default: 3 sentences):\n"
"  -n, --sentences N   at most N sentences\n"
"  -r, --ratio P       at most P percent of the sentences (1-100)\n"
"  -w, --words N       at most N words\n"
"  -c, --chars N       at most N bytes of text\n"
"Input:\n"
"  -i, --input KIND    auto (default), text, html or markdown\n"
"  -l, --language L    auto (default), en, de, fr, es, it, pt, nl, sv, und\n"
"      --encoding NAME the input's charset: auto (default: a byte-order\n"
"                      mark, <?xml encoding>, HTML <meta charset>, else\n"
"                      UTF-8) or a name (utf-8, utf-16le, windows-1252,\n"
"                      latin1, iso-8859-2, koi8-r, ...) that overrides them\n"
"      --max-input N   refuse input over N bytes (default 268435456;\n"
"                      0 = no limit)\n"
"Output:\n"
"  -f, --format F      text (default), bullets, json, tsv, html, scores,\n"
"                      split\n"
"      --split         every sentence, one a line (segmentation only)\n"
"      --scores        every sentence with its score, tab-separated\n"
"  -k, --keywords N    also the N key terms: after the sentences (text,\n"
"                      bullets), a \"keywords\" member (json), rows of\n"
"                      their own (tsv), a list (html); not with --split\n"
"                      or --scores\n"
"      --keywords-only the key terms alone (N from -k, default 10)\n"
"  -q, --quiet         no '==> FILE <==' headers\n"
"  -v, --verbose       headers (or a file member/column) for one file too\n"
"  -o, --output FILE   write to FILE (atomically: FILE is replaced only\n"
"                      when everything was written)\n"
"      --jsonl         batch: read JSON Lines {\"id\":..,\"text\":..} and\n"
"                      write one JSON result a line (-f json only)\n"
"  -h, --help          this help\n"
"  -V, --version       the version\n"
"\n"
"Exit status: 0 done (also for empty input and a closed output pipe),\n"
"1 an input could not be summarized (missing, unreadable, directory,\n"
"binary, too large), 2 usage error, 3 output error, 4 out of memory.\n";

/* ---- output ---------------------------------------------------------------- */

typedef struct out_ctx {
    FILE *f;
    int failed;     /* a write failed (errno saved in err)               */
    int err;
    size_t written; /* bytes written so far (0: nothing yet, so no blank
                       line before the first header)                     */
} out_ctx;

static int write_out(void *ctx, const char *bytes, size_t len)
{
    out_ctx *o = (out_ctx *)ctx;
    if (o->failed)
        return 1;
    if (len && fwrite(bytes, 1, len, o->f) != len) {
        o->failed = 1;
        o->err = errno;
        return 1;
    }
    o->written += len;
    return 0;
}

static void write_str(out_ctx *o, const char *s)
{
    write_out(o, s, strlen(s));
}

/* head(1)'s "==> FILE <==" line, after an empty line unless it opens the
 * output. */
static void write_header(out_ctx *o, const char *shown)
{
    if (o->written)
        write_out(o, "\n", 1);
    write_str(o, "==> ");
    write_str(o, shown);
    write_str(o, " <==\n");
}

/* ---- several files in one stream -------------------------------------------
 * Text formats get head(1)-style "==> FILE <==" headers. The machine
 * formats name the file inside their own syntax instead: a "file" member
 * of each JSON object (one object a line: JSON Lines), a first "file"
 * column in TSV (one header row for all), a <section> per file in one
 * HTML page. Machine formats name stdin "-". */
typedef struct multi_ctx {
    int tag;            /* name the file (several inputs, or -v)          */
    int tsv_header;     /* the TSV header row has been written            */
    int html_open;      /* the multi-file HTML page has been started      */
} multi_ctx;

/* name escaped for a JSON string (without quotes), in a malloc'ed buffer */
static char *json_name(const char *name)
{
    size_t n = strlen(name), m = brief_json_escape(name, n, NULL, 0);
    char *buf = (char *)malloc(m + 1);
    if (!buf)
        return NULL;
    (void)brief_json_escape(name, n, buf, m);
    buf[m] = 0;
    return buf;
}

/* name as one TSV field (backslash, tab, CR and LF escaped, as the
 * library escapes text), or as HTML text */
static void write_escaped(out_ctx *o, const char *name, int html)
{
    for (; *name; name++) {
        const char *e = NULL;
        switch (*name) {
        case '\\': e = html ? NULL : "\\\\"; break;
        case '\t': e = html ? NULL : "\\t"; break;
        case '\n': e = html ? NULL : "\\n"; break;
        case '\r': e = html ? NULL : "\\r"; break;
        case '&': e = html ? "&amp;" : NULL; break;
        case '<': e = html ? "&lt;" : NULL; break;
        case '>': e = html ? "&gt;" : NULL; break;
        case '"': e = html ? "&quot;" : NULL; break;
        default: break;
        }
        if (e)
            write_str(o, e);
        else
            write_out(o, name, 1);
    }
}

/* TSV: every line gets the file as its first field; the header row (the
 * first line of each result) gets "file" and is written once. */
typedef struct tsv_prefix {
    out_ctx *out;
    multi_ctx *m;
    const char *name;
    size_t line;        /* lines started so far                           */
    int at_start;
    int skipping;       /* dropping a repeated header row                 */
} tsv_prefix;

static int write_tsv_prefixed(void *ctx, const char *bytes, size_t len)
{
    tsv_prefix *t = (tsv_prefix *)ctx;
    while (len && !t->out->failed) {
        const char *nl = (const char *)memchr(bytes, '\n', len);
        size_t n = nl ? (size_t)(nl - bytes) + 1 : len;
        if (t->at_start) {
            t->at_start = 0;
            t->skipping = 0;
            if (t->line++ == 0) {
                if (t->m->tsv_header)
                    t->skipping = 1;
                else
                    write_str(t->out, "file\t");
                t->m->tsv_header = 1;
            } else {
                write_escaped(t->out, t->name, 0);
                write_out(t->out, "\t", 1);
            }
        }
        if (!t->skipping)
            write_out(t->out, bytes, n);
        if (nl)
            t->at_start = 1;
        bytes += n;
        len -= n;
    }
    return t->out->failed;
}

/* HTML: the page is rendered into memory, then its parts are spliced into
 * one page (brief_render's page has a fixed frame: <head>...<body>, a
 * <header class="info">, <main>, </main></body></html>; text inside is
 * escaped, so these tags cannot come from the input). */
typedef struct mem_buf {
    char *p;
    size_t n, cap;
    int nomem;
} mem_buf;

static int write_mem(void *ctx, const char *bytes, size_t len)
{
    mem_buf *m = (mem_buf *)ctx;
    if (m->nomem)
        return 1;
    if (m->n + len + 1 > m->cap) {
        size_t cap = m->cap ? m->cap : 65536;
        char *np;
        while (cap < m->n + len + 1)
            cap *= 2;
        np = (char *)realloc(m->p, cap);
        if (!np) {
            m->nomem = 1;
            return 1;
        }
        m->p = np;
        m->cap = cap;
    }
    memcpy(m->p + m->n, bytes, len);
    m->n += len;
    m->p[m->n] = 0;
    return 0;
}

static void write_span(out_ctx *o, const char *from, const char *to)
{
    if (from && to && to >= from)
        write_out(o, from, (size_t)(to - from));
}

/* the first tag in page, or NULL (strstr's two-way
 * search costs the static binary more than this plain loop) */
static const char *find(const char *page, const char *tag)
{
    size_t n = strlen(tag);
    for (; *page; page++)
        if (*page == *tag && !strncmp(page, tag, n))
            return page;
    return NULL;
}

static int html_section(out_ctx *out, multi_ctx *m, const char *page,
                        const char *name)
{
    const char *head = find(page, "<head>"), *title = find(page, "<title>");
    const char *etitle = find(page, "</title>");
    const char *body = find(page, "<body>\n");
    const char *info = find(page, "<header class=\"info\">");
    const char *main_ = find(page, "<main>\n");
    const char *emain = find(page, "</main>\n");
    const char *lang = find(page, "<html");
    if (!head || !title || !etitle || !body || !info || !main_ || !emain ||
        !lang)
        return 1; /* not brief_render's page: cannot happen */
    if (!m->html_open) {
        write_str(out, "<!DOCTYPE html>\n<html>\n");
        write_span(out, head, title + 7);
        write_str(out, "brief: several files");
        write_span(out, etitle, body + 7);
        m->html_open = 1;
    }
    write_str(out, "<section class=\"file\"");
    write_span(out, lang + 5, strchr(lang, '>')); /* its lang="..." */
    write_str(out, ">\n<h1 class=\"file\">");
    write_escaped(out, name, 1);
    write_str(out, "</h1>\n");
    write_span(out, info, main_);
    write_str(out, "<div class=\"main\">\n");
    write_span(out, main_ + 7, emain);
    write_str(out, "</div>\n</section>\n");
    return 0;
}

/* JSON output carries the options it was made with: the library's object
 * starts with '{"version":' (a documented contract of brief_render), so
 * the CLI writes '{"options":{...},' and then the object without its '{'. */
typedef struct json_splice {
    out_ctx *out;
    int skipped;
} json_splice;

static int write_json_rest(void *ctx, const char *bytes, size_t len)
{
    json_splice *j = (json_splice *)ctx;
    if (!j->skipped && len) {
        j->skipped = 1;
        bytes++;
        len--;
    }
    return write_out(j->out, bytes, len);
}

static void write_options(out_ctx *out, const brief_options *o,
                          const char *file)
{
    char buf[512], lang[32];
    static const char *const kinds[] = {"auto", "text", "html", "markdown"};
    const char *l = o->language ? o->language : "auto";
    size_t i;
    /* the option as given ("pt-BR"), kept to characters JSON needs not
     * escape */
    for (i = 0; l[i] && i + 1 < sizeof lang; i++)
        lang[i] = (l[i] >= 'a' && l[i] <= 'z') || (l[i] >= 'A' && l[i] <= 'Z') ||
                  (l[i] >= '0' && l[i] <= '9') || l[i] == '-' || l[i] == '_' ||
                  l[i] == '.' ? l[i] : '?';
    lang[i] = 0;
    (void)brief_cli_fmt(
        buf, sizeof buf,
        "{\"options\":{\"sentences\":%lu,\"ratio\":%u,\"words\":%lu,"
        "\"chars\":%lu,\"keywords\":%lu,\"input\":\"%s\","
        "\"language\":\"%s\",\"max_input\":%lu},",
        (unsigned long)o->max_sentences, o->ratio_percent,
        (unsigned long)o->max_words, (unsigned long)o->max_bytes,
        (unsigned long)o->keywords,
        kinds[(unsigned)o->input <= 3 ? (unsigned)o->input : 0], lang,
        (unsigned long)o->max_input);
    if (file) {
        char *esc = json_name(file);
        write_str(out, "{\"file\":\"");
        if (esc)
            write_str(out, esc);
        write_str(out, "\",");
        free(esc);
        write_str(out, buf + 1);
    } else {
        write_str(out, buf);
    }
}

/* ---- memory ---------------------------------------------------------------- */

/*
 * The library's allocator hook, for a smaller resident set: blocks of 64 KiB
 * and more (the library's large arrays, which grow by doubling and give the
 * old copy back) come straight from mmap and go back with munmap the moment
 * they are freed, while malloc would keep many of them resident in its heap
 * for reuse. Small blocks come from malloc. Where mmap has no anonymous
 * mappings, everything comes from malloc.
 */
#if defined(MAP_ANONYMOUS) || defined(MAP_ANON)
#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#define PAGE_BLOCK ((size_t)64 * 1024)
/*
 * Blocks of HUGE_BLOCK bytes and more (the big arrays of a large input)
 * are placed at a 2 MiB boundary and advised MADV_HUGEPAGE, where the
 * system has it (Linux's transparent huge pages, which in their usual
 * "madvise" mode are given only on request): they are then filled with a
 * few faults instead of thousands, which on a virtual machine cost more
 * than the work on the text (10 MB of text: 7,800 page faults and a
 * quarter of the time). Advice only: nothing else changes where it is not
 * followed. Lengths are rounded to 64 KiB units, page multiples for every
 * page size up to 64 KiB, without asking the system (sysconf costs the
 * static build 1.4 KB).
 */
#define HUGE_BLOCK ((size_t)2 * 1024 * 1024)
#define UNIT ((uintptr_t)64 * 1024)
static size_t huge_len(size_t size)
{
    return (size_t)(((uintptr_t)size + UNIT - 1) / UNIT * UNIT);
}

/* Advise the whole 64 KiB units of [p, p + size). */
static void advise_huge(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
    uintptr_t s = (uintptr_t)p, e = s + size;
    s = (s + UNIT - 1) / UNIT * UNIT;
    e = e / UNIT * UNIT;
    if (e > s)
        (void)madvise((void *)s, (size_t)(e - s), MADV_HUGEPAGE);
#else
    (void)p;
    (void)size;
#endif
}
#define CLI_HUGE 1

static void *cli_alloc(void *ctx, size_t size)
{
    char *p, *at;
    size_t len;
    (void)ctx;
    if (size < PAGE_BLOCK)
        return malloc(size);
    if (size < HUGE_BLOCK) {
        p = (char *)mmap(NULL, size, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    /* map HUGE_BLOCK more, keep the len bytes from the first boundary */
    len = huge_len(size);
    if (len > (size_t)-1 - HUGE_BLOCK)
        return NULL;
    p = (char *)mmap(NULL, len + HUGE_BLOCK, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    at = p + (HUGE_BLOCK - (uintptr_t)p % HUGE_BLOCK) % HUGE_BLOCK;
    if (at > p)
        (void)munmap(p, (size_t)(at - p));
    if (at + len < p + len + HUGE_BLOCK)
        (void)munmap(at + len, (size_t)(p + len + HUGE_BLOCK - (at + len)));
    advise_huge(at, len);
    return at;
}

static void cli_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    if (size < PAGE_BLOCK)
        free(ptr);
    else
        munmap(ptr, size < HUGE_BLOCK ? size : huge_len(size));
}
static const brief_allocator cli_allocator = {cli_alloc, cli_free, NULL};
#define CLI_ALLOCATOR (&cli_allocator)
#else
#define CLI_ALLOCATOR NULL /* the library's default: malloc */
#endif

/* ---- input ----------------------------------------------------------------- */

/* Read all of f, refusing more than max bytes (0 = no limit). hint is the
 * expected size (a regular file's, else 0): the buffer starts one byte
 * larger, so a file is read without growing the buffer (one copy of the
 * text in memory, not a doubling's two). Returns 0, or an errno-like code;
 * ETOOBIG for the limit. */
#define ETOOBIG (-1)
static int read_all(FILE *f, size_t max, size_t hint, char **out,
                    size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf;
    if (hint > 0 && hint < ((size_t)-1) / 2 && (!max || hint <= max))
        cap = hint + 1;
    buf = (char *)malloc(cap);
    if (!buf)
        return ENOMEM;
#ifdef CLI_HUGE
    if (cap >= HUGE_BLOCK) /* a big file's text (malloc maps it whole) */
        advise_huge(buf, cap);
#endif
    for (;;) {
        size_t got;
        if (n == cap) {
            char *nb;
            if (cap > ((size_t)-1) / 2) {
                free(buf);
                return ENOMEM;
            }
            nb = (char *)realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            free(buf);
            return ETOOBIG;
        }
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                return e;
            }
            break;
        }
    }
    *out = buf;
    *len = n;
    return 0;
}

static void report(const char *name, const char *msg)
{
    fputs("brief: ", stderr);
    fputs(name, stderr);
    fputs(": ", stderr);
    fputs(msg, stderr);
    fputc('\n', stderr);
}

/* Refused as binary, do the bytes look like UTF-16 without a byte-order
 * mark? Such text has NULs in one byte of a pair (ASCII's high byte:
 * the second in little-endian, the first in big-endian) and none in the
 * other; a binary file has them on both sides. Returns the --encoding
 * name to suggest, or NULL. */
static const char *utf16_guess(const char *b, size_t len)
{
    size_t i, n = len < 4096 ? len : 4096, z[2] = {0, 0};
    for (i = 0; i < n; i++)
        if (!b[i])
            z[i & 1]++;
    if (n < 8 || (z[0] && z[1]))
        return NULL;
    if (z[1] * 4 >= n / 2)
        return "utf-16le";
    return z[0] * 4 >= n / 2 ? "utf-16be" : NULL;
}

static int exit_for(int status)
{
    switch (status) {
    case BRIEF_ERR_NOMEM:
        return EXIT_NOMEM;
    case BRIEF_ERR_WRITE:
        return EXIT_OUTPUT;
    default:
        return EXIT_INPUT;
    }
}

/* Batch mode: one JSON record a line in, one JSON result a line out,
 * flushed after each line so a consumer sees results as they come. A bad
 * record gives an error record; the rest go on. */
static int jsonl_stream(const cli_opts *o, FILE *f, const char *shown,
                        out_ctx *out)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = EXIT_OK;
    errno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        int r;
        lineno++;
        r = brief_cli_jsonl_line(&o->lib, line, (size_t)n, lineno,
                                 write_out, out);
        if (r == BRIEF_ERR_NOMEM) {
            report(shown, brief_strerror(r));
            rc = EXIT_NOMEM;
            break;
        }
        if (out->failed || fflush(out->f) != 0) {
            if (!out->failed) {
                out->failed = 1;
                out->err = errno;
            }
            rc = EXIT_OUTPUT;
            break;
        }
    }
    if (rc == EXIT_OK && ferror(f)) {
        report(shown, strerror(errno ? errno : EIO));
        rc = EXIT_INPUT;
    }
    free(line);
    return rc;
}

/* Summarize one named input and render it. Returns an exit code. */
static int do_file(const cli_opts *o, const char *name, out_ctx *out,
                   int header, multi_ctx *m)
{
    FILE *f;
    char *buf = NULL;
    size_t len = 0;
    int rc, is_stdin = !strcmp(name, "-");
    const char *shown = is_stdin ? "(standard input)" : name;
    brief_result *r = NULL;
    if (is_stdin) {
        f = stdin;
    } else {
        struct stat st;
        if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) {
            report(name, "is a directory");
            return EXIT_INPUT;
        }
        f = fopen(name, "rb");
        if (!f) {
            report(name, strerror(errno));
            return EXIT_INPUT;
        }
    }
    if (o->jsonl) {
        rc = jsonl_stream(o, f, shown, out);
        if (!is_stdin)
            fclose(f);
        return rc;
    }
    {
        struct stat st;
        size_t hint = 0;
        if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
            st.st_size > 0 && (unsigned long long)st.st_size < (size_t)-1)
            hint = (size_t)st.st_size;
        rc = read_all(f, o->lib.max_input, hint, &buf, &len);
    }
    if (!is_stdin)
        fclose(f);
    if (rc == ETOOBIG) {
        char msg[96];
        (void)brief_cli_fmt(msg, sizeof msg,
                            "input larger than %lu bytes (see --max-input)",
                            (unsigned long)o->lib.max_input);
        report(shown, msg);
        return EXIT_INPUT;
    }
    if (rc) {
        report(shown, strerror(rc));
        return rc == ENOMEM ? EXIT_NOMEM : EXIT_INPUT;
    }
    rc = brief_summarize(buf, len, &o->lib, &r);
    if (rc != BRIEF_OK) {
        const char *enc = rc == BRIEF_ERR_BINARY ? utf16_guess(buf, len) : NULL;
        char msg[160];
        if (enc)
            (void)brief_cli_fmt(msg, sizeof msg,
                                "%s; it looks like UTF-16 without a "
                                "byte-order mark: try --encoding %s",
                                brief_strerror(rc), enc);
        free(buf);
        report(shown, enc ? msg : brief_strerror(rc));
        return exit_for(rc);
    }
    if (r->warnings & BRIEF_WARN_ENCODING) {
        char msg[128];
        (void)brief_cli_fmt(msg, sizeof msg,
                            "warning: charset '%s' not supported, "
                            "read as UTF-8",
                            r->unsupported_encoding ? r->unsupported_encoding
                                                    : "?");
        report(shown, msg);
    }
    if (o->keywords_alone) {
        if (header)
            write_header(out, shown);
        rc = brief_render(r, BRIEF_FORMAT_KEYWORDS, write_out, out);
    } else if (o->format == BRIEF_FORMAT_JSON) {
        json_splice j;
        j.out = out;
        j.skipped = 0;
        write_options(out, &o->lib, m->tag ? name : NULL);
        rc = brief_render(r, o->format, write_json_rest, &j);
    } else if (o->format == BRIEF_FORMAT_TSV && m->tag) {
        tsv_prefix t;
        t.out = out;
        t.m = m;
        t.name = name;
        t.line = 0;
        t.at_start = 1;
        t.skipping = 0;
        rc = brief_render(r, o->format, write_tsv_prefixed, &t);
    } else if (o->format == BRIEF_FORMAT_HTML && m->tag) {
        mem_buf mb;
        memset(&mb, 0, sizeof mb);
        rc = brief_render(r, o->format, write_mem, &mb);
        if (mb.nomem) {
            free(mb.p);
            brief_result_free(r);
            free(buf);
            report(shown, strerror(ENOMEM));
            return EXIT_NOMEM;
        }
        if (rc == BRIEF_OK && html_section(out, m, mb.p, name))
            rc = BRIEF_ERR_ARGUMENT;
        free(mb.p);
    } else {
        if (header)
            write_header(out, shown);
        rc = brief_render(r, o->format, write_out, out);
    }
    brief_result_free(r);
    free(buf);
    if (rc != BRIEF_OK || out->failed)
        return EXIT_OUTPUT;
    return EXIT_OK;
}

/* -o FILE written in place, not by renaming a temporary file over it: a
 * symbolic link (/dev/stdout; renaming would replace the link, not what
 * it points to) and what exists but is neither a regular file nor a
 * folder (a device, a FIFO: renaming would replace the node) */
static int direct_target(const char *name)
{
    struct stat st;
    if (lstat(name, &st) == 0 && S_ISLNK(st.st_mode))
        return stat(name, &st) == 0 && !S_ISDIR(st.st_mode);
    return stat(name, &st) == 0 && !S_ISREG(st.st_mode) &&
           !S_ISDIR(st.st_mode);
}

/* Is the error a closed pipe on the reader's side? */
static int closed_pipe(int err)
{
    return err == EPIPE;
}

/* Parse the command line; answer --help and --version. Returns -1 to go
 * on, else the exit code. */
static int parse_args(int argc, char **argv, cli_opts *o, const char **files)
{
    char err[256];
    if (brief_cli_parse(argc, argv, o, files, err, sizeof err)) {
        fputs("brief: ", stderr);
        fputs(err, stderr);
        fputs("\nTry 'brief --help' for more information.\n", stderr);
        return EXIT_USAGE;
    }
    if (o->help || o->version) {
        if (o->help) {
            fputs(usage_text, stdout);
        } else {
            fputs("brief ", stdout);
            fputs(brief_version(), stdout);
            fputc('\n', stdout);
        }
        if (fflush(stdout) != 0 || ferror(stdout))
            return closed_pipe(errno) ? EXIT_OK : EXIT_OUTPUT;
        return EXIT_OK;
    }
    return -1;
}

/* Say why the temporary file for -o FILE could not be made: FILE itself
 * (not writable, not a regular file) before the folder's errno e. */
static void report_no_temp(const char *output, int e)
{
    FILE *wf = NULL;
    struct stat st;
    if (stat(output, &st) == 0 && S_ISDIR(st.st_mode))
        report(output, "is a directory");
    else if (stat(output, &st) == 0 && !(wf = fopen(output, "r+b")))
        report(output, strerror(errno));
    else {
        if (wf)
            fclose(wf); /* opened to learn, nothing written */
        char msg[160];
        (void)brief_cli_fmt(msg, sizeof msg,
                            "cannot create a temporary file in its folder: %s",
                            strerror(e));
        report(output, msg);
    }
}

/* -o FILE: a temporary file beside FILE, so rename() is atomic. Sets
 * out->f and *tmpname. Returns -1 on success, else the exit code. */
static int open_temp(const char *output, out_ctx *out, char **tmpname)
{
    size_t n = strlen(output);
    char *name;
    int fd;
    name = (char *)malloc(n + 16);
    if (!name)
        return EXIT_NOMEM;
    memcpy(name, output, n);
    memcpy(name + n, ".briefXXXXXX", 13);
    fd = mkstemp(name);
    if (fd >= 0) {
        /* mkstemp makes the file 0600; FILE should end up as a newly
         * created file would (0666 less the umask), or keep the mode
         * it has when it exists already */
        struct stat st;
        mode_t mask = umask(0);
        umask(mask);
        if (stat(output, &st) == 0)
            (void)fchmod(fd, st.st_mode & 07777);
        else
            (void)fchmod(fd, (mode_t)(0666 & ~mask));
    }
    if (fd < 0 || !(out->f = fdopen(fd, "wb"))) {
        report_no_temp(output, errno);
        if (fd >= 0) {
            close(fd);
            unlink(name);
        }
        free(name);
        return EXIT_OUTPUT;
    }
    *tmpname = name;
    return -1;
}

/* Where the output goes: stdout, -o FILE in place, or a temporary file
 * to be renamed over FILE. Returns -1 on success, else the exit code. */
static int open_output(const cli_opts *o, out_ctx *out, char **tmpname)
{
    out->f = stdout;
    out->failed = 0;
    out->err = 0;
    out->written = 0;
    *tmpname = NULL;
    if (o->output && direct_target(o->output)) {
        /* a device, FIFO or socket (/dev/stdout, a named pipe): written
         * in place, as a shell's > would; renaming a file over it would
         * replace the device node */
        if (!(out->f = fopen(o->output, "wb"))) {
            report(o->output, strerror(errno));
            return EXIT_OUTPUT;
        }
    } else if (o->output) {
        return open_temp(o->output, out, tmpname);
    }
    return -1;
}

/* Summarize every input in turn. Returns the worst exit code. */
static int run_files(const cli_opts *o, size_t nfiles, out_ctx *out)
{
    multi_ctx multi;
    size_t i;
    int rc, worst = EXIT_OK;
    memset(&multi, 0, sizeof multi);
    multi.tag = o->headers > 0 || (nfiles > 1 && !o->jsonl);
    for (i = 0; i < nfiles; i++) {
        rc = do_file(o, o->files[i], out,
                     o->headers > 0 || (o->headers == 0 && nfiles > 1), &multi);
        if (out->failed)
            break;
        if (rc > worst || (worst == EXIT_INPUT && rc != EXIT_OK))
            worst = rc;
        if (rc == EXIT_NOMEM)
            break;
    }
    if (multi.html_open)
        write_str(out, "</body>\n</html>\n");
    return worst;
}

/* -o FILE: sync and close it, then rename the temporary file over FILE
 * only when all went well. Frees tmpname. Returns the exit code. */
static int finish_file(const char *output, out_ctx *out, char *tmpname,
                       int worst)
{
    if (!out->failed && fsync(fileno(out->f)) != 0 && errno != EINVAL) {
        out->failed = 1;
        out->err = errno;
    }
    if (fclose(out->f) != 0 && !out->failed) {
        out->failed = 1;
        out->err = errno;
    }
    if (!tmpname) {
        if (out->failed)
            report(output, strerror(out->err));
    } else if (out->failed || worst != EXIT_OK) {
        /* keep the old FILE intact */
        unlink(tmpname);
        if (out->failed)
            report(output, strerror(out->err));
    } else if (rename(tmpname, output) != 0) {
        report(output, strerror(errno));
        unlink(tmpname);
        out->failed = 1;
        out->err = 0;
    }
    free(tmpname);
    return out->failed ? EXIT_OUTPUT : worst;
}

/* Flush the output and settle the exit status. Frees tmpname. */
static int finish(const cli_opts *o, out_ctx *out, char *tmpname, int worst)
{
    if (!out->failed && fflush(out->f) != 0) {
        out->failed = 1;
        out->err = errno;
    }
    if (o->output)
        return finish_file(o->output, out, tmpname, worst);
    if (out->failed) {
        if (closed_pipe(out->err))
            return worst; /* the reader has what it wanted */
        report("standard output", strerror(out->err));
        return EXIT_OUTPUT;
    }
    return worst;
}

int main(int argc, char **argv)
{
    cli_opts o;
    char *tmpname;
    const char **files;
    const char *stdin_only[1] = {"-"};
    size_t nfiles;
    int rc;
    out_ctx out;

#ifdef SIGPIPE
    signal(SIGPIPE, SIG_IGN); /* EPIPE is handled in finish(), quietly */
#endif
    files = (const char **)malloc(((size_t)argc + 1) * sizeof *files);
    if (!files) {
        fputs("brief: out of memory\n", stderr);
        return EXIT_NOMEM;
    }
    rc = parse_args(argc, argv, &o, files);
    if (rc >= 0) {
        free(files);
        return rc;
    }
    o.lib.allocator = CLI_ALLOCATOR;
    if (o.jsonl)
        o.lib.encoding = "utf-8"; /* a JSON string is Unicode already */
    nfiles = o.nfiles;
    if (!nfiles) {
        o.files = stdin_only;
        nfiles = 1;
    }
    rc = open_output(&o, &out, &tmpname);
    if (rc >= 0) {
        free(files);
        return rc;
    }
    rc = run_files(&o, nfiles, &out);
    rc = finish(&o, &out, tmpname, rc);
    free(files);
    return rc;
}

/*
 * cliopts.c - command-line option parsing for the brief CLI.
 *
 * A small parser of its own (getopt_long is not in C99): "-n 3", "-n3",
 * "--sentences 3", "--sentences=3"; "--" ends options; "-" is stdin. As
 * with getopt_long, a long option may be shortened to any prefix that
 * names one option only ("--sent 3"); an ambiguous prefix is a usage
 * error that names the candidates.
 * Numbers are whole decimal numbers; zero, negative, non-numeric and
 * overflowing values are refused with a message naming the option.
 */
#include <stdarg.h>
#include <string.h>
#include "cli.h"

size_t brief_cli_fmt(char *out, size_t cap, const char *fmt, ...)
{
    va_list ap;
    size_t o = 0, n, k;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        char num[24];
        const char *s = fmt;
        size_t prec = (size_t)-1;
        n = 1;
        if (*fmt == '%' && fmt[1]) {
            fmt++;
            if (fmt[0] == '.' && fmt[1] == '*' && fmt[2] == 's') {
                int p = va_arg(ap, int);
                prec = p < 0 ? (size_t)-1 : (size_t)p;
                fmt += 2;
            }
            if (*fmt == 's') {
                s = va_arg(ap, const char *);
                if (!s)
                    s = "(null)";
                for (n = 0; n < prec && s[n]; n++)
                    ;
            } else if (*fmt == 'c') {
                num[0] = (char)va_arg(ap, int);
                s = num;
            } else if (*fmt == 'u' || (fmt[0] == 'l' && fmt[1] == 'u')) {
                unsigned long v = *fmt == 'u' ? va_arg(ap, unsigned)
                                              : va_arg(ap, unsigned long);
                fmt += *fmt == 'l';
                n = sizeof num;
                do {
                    num[--n] = (char)('0' + v % 10);
                    v /= 10;
                } while (v);
                s = num + n;
                n = sizeof num - n;
            } else if (*fmt != '%') { /* not ours: copied as written */
                s = fmt - 1;
                n = 2;
            }
        }
        for (k = 0; k < n && o + 1 < cap; k++)
            out[o++] = s[k];
    }
    va_end(ap);
    if (cap)
        out[o] = 0;
    return o;
}

typedef struct spec {
    char shrt;          /* short name or 0                               */
    const char *lng;    /* long name                                     */
    int arg;            /* takes a value                                 */
    int id;
} spec;

enum { O_N = 1, O_R, O_W, O_C, O_SPLIT, O_SCORES, O_OUT, O_HELP, O_VER,
       O_FMT, O_KW, O_INPUT, O_LANG, O_MAXIN, O_JSONL, O_ENC, O_QUIET,
       O_VERBOSE, O_KWONLY };

static const spec specs[] = {
    {'n', "sentences", 1, O_N},   {'r', "ratio", 1, O_R},
    {'w', "words", 1, O_W},       {'c', "chars", 1, O_C},
    {0, "split", 0, O_SPLIT},     {0, "scores", 0, O_SCORES},
    {'o', "output", 1, O_OUT},    {'h', "help", 0, O_HELP},
    {'V', "version", 0, O_VER},   {'f', "format", 1, O_FMT},
    {'k', "keywords", 1, O_KW},   {'i', "input", 1, O_INPUT},
    {'l', "language", 1, O_LANG}, {0, "max-input", 1, O_MAXIN},
    {0, "jsonl", 0, O_JSONL},     {0, "encoding", 1, O_ENC},
    {'q', "quiet", 0, O_QUIET},   {'v', "verbose", 0, O_VERBOSE},
    {0, "keywords-only", 0, O_KWONLY},
};

/* Parse a whole decimal number up to 2^64 - 1 (the same on every
 * platform), then clamp it to max: on a 32-bit machine a budget of
 * 18446744073709551615 means "no limit" just as on a 64-bit one. */
static int parse_count(const char *s, size_t max, size_t *out)
{
    unsigned long long v = 0, lim = 18446744073709551615ULL;
    if (!*s)
        return 0;
    for (; *s; s++) {
        unsigned d;
        if (*s < '0' || *s > '9')
            return 0;
        d = (unsigned)(*s - '0');
        if (v > (lim - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    *out = v > (unsigned long long)max ? max : (size_t)v;
    return 1;
}

static int bad(char *err, size_t errlen, const char *fmt, const char *a,
               const char *b)
{
    (void)brief_cli_fmt(err, errlen, fmt, a, b);
    return EXIT_USAGE;
}

static int apply(cli_opts *o, const spec *sp, const char *name,
                 const char *val, char *err, size_t errlen)
{
    size_t v = 0;
    switch (sp->id) {
    case O_N: case O_W: case O_C: case O_R: case O_KW: case O_MAXIN:
        if (!parse_count(val, (size_t)-1, &v))
            return bad(err, errlen,
                       "option %s: '%s' is not a whole number in range",
                       name, val);
        if (v == 0 && sp->id != O_MAXIN)
            return bad(err, errlen, "option %s: '%s' must be at least 1",
                       name, val);
        if (sp->id == O_N)
            o->lib.max_sentences = v;
        else if (sp->id == O_W)
            o->lib.max_words = v;
        else if (sp->id == O_C)
            o->lib.max_bytes = v;
        else if (sp->id == O_KW)
            o->lib.keywords = v;
        else if (sp->id == O_MAXIN)
            o->lib.max_input = v;
        else {
            if (v > 100)
                return bad(err, errlen,
                           "option %s: '%s' is not a percentage (1-100)",
                           name, val);
            o->lib.ratio_percent = (unsigned)v;
        }
        return 0;
    case O_SPLIT:
        o->format = BRIEF_FORMAT_SPLIT;
        o->format_given = 1;
        return 0;
    case O_SCORES:
        o->format = BRIEF_FORMAT_SCORES;
        o->format_given = 1;
        return 0;
    case O_QUIET:
    case O_VERBOSE:
        if (o->headers && o->headers != (sp->id == O_QUIET ? -1 : 1))
            o->quiet_and_verbose = 1;
        o->headers = sp->id == O_QUIET ? -1 : 1;
        return 0;
    case O_KWONLY:
        o->keywords_alone = 1;
        return 0;
    case O_OUT:
        if (!*val)
            return bad(err, errlen, "option %s: empty file name%s", name, "");
        o->output = val;
        return 0;
    case O_HELP:
        o->help = 1;
        return 0;
    case O_VER:
        o->version = 1;
        return 0;
    case O_JSONL:
        o->jsonl = 1;
        return 0;
    case O_ENC: /* any name: one brief cannot decode warns at run time */
        if (!*val)
            return bad(err, errlen, "option %s: empty encoding name%s", name,
                       "");
        o->lib.encoding = val;
        return 0;
    case O_FMT: {
        static const struct { const char *n; brief_format f; } fm[] = {
            {"text", BRIEF_FORMAT_TEXT},   {"bullets", BRIEF_FORMAT_BULLETS},
            {"json", BRIEF_FORMAT_JSON},   {"tsv", BRIEF_FORMAT_TSV},
            {"html", BRIEF_FORMAT_HTML},   {"scores", BRIEF_FORMAT_SCORES},
            {"split", BRIEF_FORMAT_SPLIT},
        };
        size_t i;
        for (i = 0; i < sizeof fm / sizeof fm[0]; i++)
            if (!strcmp(val, fm[i].n)) {
                o->format = fm[i].f;
                o->format_given = 1;
                return 0;
            }
        return bad(err, errlen,
                   "option %s: unknown format '%s' (text, bullets, json, "
                   "tsv, html, scores, split)", name, val);
    }
    case O_INPUT:
        if (!strcmp(val, "auto"))
            o->lib.input = BRIEF_INPUT_AUTO;
        else if (!strcmp(val, "text"))
            o->lib.input = BRIEF_INPUT_TEXT;
        else if (!strcmp(val, "html"))
            o->lib.input = BRIEF_INPUT_HTML;
        else if (!strcmp(val, "markdown") || !strcmp(val, "md"))
            o->lib.input = BRIEF_INPUT_MARKDOWN;
        else
            return bad(err, errlen,
                       "option %s: unknown input '%s' (auto, text, html, "
                       "markdown)", name, val);
        return 0;
    case O_LANG:
        if (strcmp(val, "auto") && !brief_language_name(val))
            return bad(err, errlen,
                       "option %s: unknown language '%s' (see --help)", name,
                       val);
        o->lib.language = val;
        return 0;
    default:
        return bad(err, errlen, "internal error at %s%s", name, "");
    }
}

/*
 * The format/option table of README ("Formats and options"): every
 * combination either works or is refused here with a message.
 *  -k N: text, bullets (a "Key terms:" line after the sentences), json (a
 *    "keywords" member), tsv (rows of their own), html (a list); --split
 *    and --scores list every sentence and take no key terms.
 *  --keywords-only: the key terms alone (N from -k, default 10), as text;
 *    with any -f/--split/--scores it is refused.
 *  --jsonl: JSON Lines out, so -f json only (or no -f); not with
 *    --keywords-only, -q or -v (it has no headers).
 *  -q and -v together: refused.
 */
static int check_combination(cli_opts *o, char *err, size_t errlen)
{
    const char *fname = o->format == BRIEF_FORMAT_SPLIT    ? "--split"
                        : o->format == BRIEF_FORMAT_SCORES ? "--scores"
                                                           : "-f";
    if (o->quiet_and_verbose)
        return bad(err, errlen, "options -q and -v exclude each other%s%s",
                   "", "");
    if (o->lib.keywords && !o->keywords_alone &&
        (o->format == BRIEF_FORMAT_SPLIT || o->format == BRIEF_FORMAT_SCORES))
        return bad(err, errlen,
                   "option -k does not apply to %s (it lists every "
                   "sentence)%s", fname, "");
    if (o->keywords_alone && o->format_given)
        return bad(err, errlen,
                   "option --keywords-only writes the terms alone: it takes "
                   "no %s (use -k N with the format)%s", fname, "");
    if (o->keywords_alone && !o->lib.keywords)
        o->lib.keywords = 10;
    if (o->jsonl) {
        if (o->format_given && o->format != BRIEF_FORMAT_JSON)
            return bad(err, errlen,
                       "option --jsonl writes JSON Lines: it takes no %s "
                       "other than json%s", fname, "");
        if (o->keywords_alone)
            return bad(err, errlen, "option --jsonl takes no "
                       "--keywords-only (use -k N)%s%s", "", "");
        if (o->headers)
            return bad(err, errlen, "option --jsonl takes no -q or -v "
                       "(it writes no headers)%s%s", "", "");
    }
    return 0;
}

int brief_cli_parse(int argc, char **argv, cli_opts *o, const char **files,
                    char *err, size_t errlen)
{
    int i, rc, only_files = 0;
    memset(o, 0, sizeof *o);
    brief_options_init(&o->lib);
    o->format = BRIEF_FORMAT_TEXT;
    o->files = files;
    err[0] = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        const spec *sp = NULL;
        size_t k;
        char name[64];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            files[o->nfiles++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
            size_t hits = 0;
            char cand[160];
            cand[0] = 0;
            (void)brief_cli_fmt(name, sizeof name, "--%.*s",
                                (int)(n < 40 ? n : 40), a + 2);
            /* an exact name wins; else a prefix of exactly one name */
            for (k = 0; k < sizeof specs / sizeof specs[0] && n; k++)
                if (strlen(specs[k].lng) == n &&
                    !strncmp(specs[k].lng, a + 2, n))
                    sp = &specs[k];
            for (k = 0; !sp && k < sizeof specs / sizeof specs[0] && n; k++)
                if (!strncmp(specs[k].lng, a + 2, n)) {
                    size_t c = strlen(cand);
                    (void)brief_cli_fmt(cand + c, sizeof cand - c, "%s--%s",
                                        hits ? ", " : "", specs[k].lng);
                    hits++;
                }
            if (!sp && hits == 1) {
                for (k = 0; k < sizeof specs / sizeof specs[0]; k++)
                    if (!strncmp(specs[k].lng, a + 2, n))
                        sp = &specs[k];
                (void)brief_cli_fmt(name, sizeof name, "--%s", sp->lng);
            }
            if (!sp && hits > 1)
                return bad(err, errlen, "option '%s' is ambiguous (%s)", name,
                           cand);
            if (!sp)
                return bad(err, errlen, "unknown option '%s'%s", name, "");
            if (eq) {
                if (!sp->arg)
                    return bad(err, errlen, "option %s takes no value%s",
                               name, "");
                val = eq + 1;
            }
        } else {
            for (k = 0; k < sizeof specs / sizeof specs[0]; k++)
                if (specs[k].shrt && specs[k].shrt == a[1])
                    sp = &specs[k];
            (void)brief_cli_fmt(name, sizeof name, "-%c", a[1]);
            if (!sp)
                return bad(err, errlen, "unknown option '%s'%s", name, "");
            if (a[2]) {
                if (!sp->arg)
                    return bad(err, errlen, "unknown option '%s'%s", a, "");
                val = a + 2;
            }
        }
        if (sp->arg && !val) {
            if (i + 1 >= argc)
                return bad(err, errlen, "option %s needs a value%s", name,
                           "");
            val = argv[++i];
        }
        if ((rc = apply(o, sp, name, val ? val : "", err, errlen)) != 0)
            return rc;
    }
    return check_combination(o, err, errlen);
}

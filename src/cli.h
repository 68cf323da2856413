/*
 * cli.h - the command-line client's own pieces (not part of the library):
 * option parsing (cliopts.c, kept apart so it can be fuzzed and tested
 * without running anything) and the exit codes.
 */
#ifndef BRIEF_CLI_H
#define BRIEF_CLI_H

#include <stddef.h>
#include "brief.h"

/* Exit codes (documented in --help, README and brief.1). */
enum {
    EXIT_OK = 0,       /* done (also: empty input, closed output pipe)    */
    EXIT_INPUT = 1,    /* an input could not be summarized                 */
    EXIT_USAGE = 2,    /* bad option or option value                       */
    EXIT_OUTPUT = 3,   /* output could not be written                      */
    EXIT_NOMEM = 4     /* out of memory                                    */
};

typedef struct cli_opts {
    brief_options lib;        /* budget, input kind, language, limits     */
    brief_format format;
    int format_given;         /* -f, --split or --scores was given        */
    int keywords_alone;       /* --keywords-only: the key terms alone     */
    int headers;              /* -1 -q (never), 0 default (several
                                 files), 1 -v (always)                    */
    int quiet_and_verbose;    /* both -q and -v: a usage error            */
    int jsonl;                /* --jsonl batch mode                       */
    int help, version;
    const char *output;       /* -o FILE or NULL                          */
    const char **files;       /* operands (point into argv)               */
    size_t nfiles;
} cli_opts;

/*
 * Parse argv into o. files must have room for argc entries. Returns 0, or
 * EXIT_USAGE with a message in err (errlen bytes, NUL-terminated).
 */
int brief_cli_parse(int argc, char **argv, cli_opts *o, const char **files,
                    char *err, size_t errlen);

/*
 * A small snprintf for the CLI's messages (cliopts.c): %s, %.*s, %c, %u,
 * %lu and %% only (anything else is copied as written). The CLI formats
 * no floating point, so without printf the static binary does not carry
 * the C library's formatter (about 8 KB with its floating-point
 * conversions). Writes at most cap - 1 bytes and a NUL (if cap > 0) and
 * returns the length written.
 */
size_t brief_cli_fmt(char *out, size_t cap, const char *fmt, ...);

#endif /* BRIEF_CLI_H */

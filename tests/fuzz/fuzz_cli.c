/*
 * fuzz_cli.c - libFuzzer target for brief_cli_parse() (src/cliopts.c).
 *
 * The input is split at NUL bytes into argument strings (argv[0] is
 * "brief"); each string gets a block of its own of exactly its size, so
 * AddressSanitizer sees any read past its terminator. The parse runs twice:
 * with a 256-byte error buffer and with a tiny one (1..16 bytes, sized
 * exactly), which must be truncated, never overrun.
 *
 * Checked: the status is 0 or EXIT_USAGE; an error leaves a non-empty,
 * terminated message; a success leaves options in range (ratio <= 100,
 * known format and input kind, a known language or auto) and operands
 * that are argv strings, in order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MAX_ARGS 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_cli: broken promise: %s\n", what);
    abort();
}

#define CHECK(c) do { if (!(c)) fail(#c); } while (0)

static void parse_once(int argc, char **argv, size_t errlen)
{
    cli_opts o;
    const char **files;
    char *err;
    int rc, i;
    size_t k;
    files = (const char **)malloc((size_t)argc * sizeof *files);
    err = (char *)malloc(errlen);
    if (!files || !err)
        abort();
    memset(err, 'x', errlen);
    rc = brief_cli_parse(argc, argv, &o, files, err, errlen);
    CHECK(rc == 0 || rc == EXIT_USAGE);
    CHECK(memchr(err, 0, errlen) != NULL);
    if (rc) {
        CHECK(errlen == 1 || err[0] != 0);
    } else {
        CHECK(err[0] == 0);
        CHECK(o.lib.ratio_percent <= 100);
        CHECK(o.format >= BRIEF_FORMAT_TEXT &&
              o.format <= BRIEF_FORMAT_KEYWORDS);
        CHECK(o.lib.input >= BRIEF_INPUT_AUTO &&
              o.lib.input <= BRIEF_INPUT_MARKDOWN);
        CHECK(o.lib.language == NULL || !strcmp(o.lib.language, "auto") ||
              brief_language_name(o.lib.language) != NULL);
        CHECK(o.output == NULL || o.output[0] != 0);
        CHECK(o.files == files);
        CHECK(o.nfiles <= (size_t)argc - 1);
        /* operands are argv strings, in argv order */
        i = 1;
        for (k = 0; k < o.nfiles; k++) {
            while (i < argc && argv[i] != o.files[k])
                i++;
            CHECK(i < argc);
            i++;
        }
    }
    free(err);
    free(files);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char **argv;
    int argc = 1;
    size_t i, start = 0;
    argv = (char **)malloc((MAX_ARGS + 1) * sizeof *argv);
    if (!argv)
        abort();
    argv[0] = (char *)malloc(6);
    if (!argv[0])
        abort();
    memcpy(argv[0], "brief", 6);
    for (i = 0; size > 0 && i <= size && argc < MAX_ARGS; i++) {
        if (i == size || data[i] == 0) {
            size_t n = i - start;
            if (i == size && n == 0 && size > 0)
                break; /* a trailing NUL ends the last argument */
            argv[argc] = (char *)malloc(n + 1);
            if (!argv[argc])
                abort();
            if (n)
                memcpy(argv[argc], data + start, n);
            argv[argc][n] = 0;
            argc++;
            start = i + 1;
        }
    }
    argv[argc] = NULL;
    parse_once(argc, argv, 256);
    parse_once(argc, argv, 1 + size % 16);
    for (i = 0; i < (size_t)argc; i++)
        free(argv[i]);
    free(argv);
    return 0;
}

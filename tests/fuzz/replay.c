/*
 * replay.c - run a libFuzzer target without libFuzzer.
 *
 * usage: replay [-q] PATH...
 *
 * Each PATH is a file (one input) or a directory (every regular file in
 * it, in name order, not recursive). Each input is read whole and passed to
 * LLVMFuzzerTestOneInput() once. A broken promise aborts, so a clean exit
 * means every input passed. Prints "replay: N inputs, N bytes" last (-q:
 * only that line). Exit 0, or 2 when a path cannot be read.
 *
 * Link it with a target and the library, e.g. with gcc and
 * -fsanitize=address,undefined (see tests/checks.mk, `make fuzz-replay`).
 */
#if !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L
#endif
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t n_inputs, n_bytes;
static int quiet;

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL, *nb;
    size_t len = 0, cap = 0, got;
    if (!f) {
        perror(path);
        return 2;
    }
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            nb = (unsigned char *)realloc(buf, cap);
            if (!nb) {
                fclose(f);
                free(buf);
                fprintf(stderr, "replay: %s: out of memory\n", path);
                return 2;
            }
            buf = nb;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        perror(path);
        fclose(f);
        free(buf);
        return 2;
    }
    fclose(f);
    if (!quiet)
        fprintf(stderr, "replay: %s (%lu bytes)\n", path, (unsigned long)len);
    /* an exact-size copy, so a read past the end is seen by ASan */
    nb = (unsigned char *)malloc(len ? len : 1);
    if (!nb) {
        free(buf);
        return 2;
    }
    if (len)
        memcpy(nb, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(nb, len);
    free(nb);
    n_inputs++;
    n_bytes += len;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    if (!d) {
        perror(dir);
        return 2;
    }
    while ((e = readdir(d)) != NULL) {
        size_t k;
        char *p;
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        k = strlen(dir) + strlen(e->d_name) + 2;
        p = (char *)malloc(k);
        if (!p)
            break;
        snprintf(p, k, "%s/%s", dir, e->d_name);
        if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(p);
            continue;
        }
        if (n == cap) {
            char **nn;
            cap = cap ? cap * 2 : 64;
            nn = (char **)realloc(names, cap * sizeof *names);
            if (!nn) {
                free(p);
                break;
            }
            names = nn;
        }
        names[n++] = p;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (i = 0; i < n; i++) {
        if (run_file(names[i]) != 0)
            rc = 2;
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    int i, rc = 0;
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (!strcmp(argv[i], "-q")) {
            quiet = 1;
            continue;
        }
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            rc = 2;
        } else if (S_ISDIR(st.st_mode)) {
            if (run_dir(argv[i]) != 0)
                rc = 2;
        } else if (run_file(argv[i]) != 0) {
            rc = 2;
        }
    }
    printf("replay: %lu inputs, %lu bytes\n", (unsigned long)n_inputs,
           (unsigned long)n_bytes);
    return rc;
}

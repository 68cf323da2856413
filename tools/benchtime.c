/*
 * benchtime.c - wall time and peak memory of a command, for tools/bench.sh.
 *
 *   benchtime [-n RUNS] [-w WARMUP] [-t TIMEOUT] [-b BUDGET] [-l LIST]
 *             [-o OUT] -- COMMAND [ARG...]
 *
 * Runs COMMAND (fork + exec, no shell) RUNS times after WARMUP untimed
 * runs, and prints one line:
 *
 *   STATUS MEDIAN_MS MIN_MS MAXRSS_KB RUNS CPU_MS
 *
 * STATUS is "ok", "timeout" (a run took over TIMEOUT seconds and was
 * killed; the figures are then meaningless) or "exit=N" / "signal=N" (the
 * command failed). MAXRSS_KB is the largest resident set size of any run in
 * KiB (getrusage RUSAGE_CHILDREN; benchtime runs one command only, so that
 * is the command's own peak). CPU_MS is the median user + system time of
 * the runs: on a busy machine it stays close to what an idle one would show
 * while the wall time grows. BUDGET (seconds) stops the timed runs early
 * once they have taken that long in total (at least one run is made).
 *
 * With -l LIST a "run" executes COMMAND once per line of the file LIST, each
 * time with every argument "{}" replaced by that line, one after another:
 * a shell loop over files without the shell. The times are then those of the
 * whole loop.
 *
 * The command's standard output goes to OUT (default /dev/null), its
 * standard input and standard error to /dev/null.
 * Exit status 0 when the report was printed, 2 on a usage or system error.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void fail(const char *what)
{
    fprintf(stderr, "benchtime: %s: %s\n", what, strerror(errno));
    exit(2);
}

static const char *out_path = "/dev/null";

/* Run argv once; returns the raw wait status, or -1 on timeout. */
static int run_once(char **argv)
{
    int status;
    pid_t pid = fork(), w;
    if (pid < 0)
        fail("fork");
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open("/dev/null", O_WRONLY);
        if (in < 0 || out < 0 || err < 0)
            _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    for (;;) {
        w = waitpid(pid, &status, 0);
        if (w == pid)
            return timed_out ? -1 : status;
        if (w < 0 && errno == EINTR && timed_out) {
            kill(pid, SIGKILL);
            continue;
        }
        if (w < 0 && errno != EINTR)
            fail("waitpid");
    }
}

/* User + system time of the waited-for children so far, in ms. */
static double children_cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)ru.ru_utime.tv_sec * 1e3 +
           (double)ru.ru_utime.tv_usec / 1e3 +
           (double)ru.ru_stime.tv_sec * 1e3 +
           (double)ru.ru_stime.tv_usec / 1e3;
}

static double median(double *v, unsigned long n)
{
    if (!n)
        return 0.0;
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The lines of a file, NULL-terminated (the file is read once). */
static char **read_lines(const char *path, size_t *count)
{
    FILE *f = fopen(path, "r");
    char **lines = NULL, buf[4096];
    size_t n = 0, cap = 0;
    if (!f)
        fail(path);
    while (fgets(buf, sizeof buf, f)) {
        size_t len = strcspn(buf, "\r\n");
        if (!len)
            continue;
        buf[len] = '\0';
        if (n + 1 >= cap) {
            cap = cap ? cap * 2 : 64;
            lines = (char **)realloc(lines, cap * sizeof *lines);
            if (!lines)
                fail("realloc");
        }
        lines[n] = (char *)malloc(len + 1);
        if (!lines[n])
            fail("malloc");
        memcpy(lines[n++], buf, len + 1);
    }
    fclose(f);
    *count = n;
    return lines;
}

/* One timed "run": the command, or the command once per list line.
 * Returns 0, or the first bad wait status (-1 = timeout). */
static int run(char **argv, int argc, char **list, size_t nlist,
               unsigned timeout)
{
    int status = 0;
    timed_out = 0;
    if (timeout)
        alarm(timeout);
    if (!list) {
        status = run_once(argv);
    } else {
        char **args = (char **)malloc(((size_t)argc + 1) * sizeof *args);
        size_t i;
        int k;
        if (!args)
            fail("malloc");
        for (i = 0; i < nlist && !status; i++) {
            for (k = 0; k < argc; k++)
                args[k] = strcmp(argv[k], "{}") ? argv[k] : list[i];
            args[argc] = NULL;
            status = run_once(args);
        }
        free(args);
    }
    if (timeout)
        alarm(0);
    return status;
}

static unsigned long parse_num(const char *s, const char *opt)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end) {
        fprintf(stderr, "benchtime: bad number for %s: %s\n", opt, s);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    unsigned long runs = 5, warmup = 0, timeout = 0, budget = 0, i, done = 0;
    const char *list_path = NULL;
    char **list = NULL;
    size_t nlist = 0;
    double *ms, *cpu, total = 0;
    int a, status = 0;
    struct rusage ru;
    struct sigaction sa;

    for (a = 1; a < argc; a++) {
        const char *o = argv[a];
        if (!strcmp(o, "--")) {
            a++;
            break;
        }
        if (a + 1 >= argc || o[0] != '-' || !o[1] || o[2])
            goto usage;
        switch (o[1]) {
        case 'n': runs = parse_num(argv[++a], o); break;
        case 'w': warmup = parse_num(argv[++a], o); break;
        case 't': timeout = parse_num(argv[++a], o); break;
        case 'b': budget = parse_num(argv[++a], o); break;
        case 'l': list_path = argv[++a]; break;
        case 'o': out_path = argv[++a]; break;
        default: goto usage;
        }
    }
    if (a >= argc || runs < 1)
        goto usage;
    argv += a;
    argc -= a;
    if (list_path)
        list = read_lines(list_path, &nlist);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: the alarm must interrupt waitpid */
    sigaction(SIGALRM, &sa, NULL);

    ms = (double *)malloc(runs * sizeof *ms);
    cpu = (double *)malloc(runs * sizeof *cpu);
    if (!ms || !cpu)
        fail("malloc");
    for (i = 0; i < warmup && !status; i++)
        status = run(argv, argc, list, nlist, (unsigned)timeout);
    for (i = 0; i < runs && !status; i++) {
        double c0 = children_cpu_ms(), t0 = now_ms();
        status = run(argv, argc, list, nlist, (unsigned)timeout);
        ms[done] = now_ms() - t0;
        cpu[done++] = children_cpu_ms() - c0;
        total += ms[done - 1];
        if (budget && total >= (double)budget * 1e3)
            break;
    }
    getrusage(RUSAGE_CHILDREN, &ru);
    qsort(ms, done, sizeof *ms, cmp_double);
    qsort(cpu, done, sizeof *cpu, cmp_double);
    if (status == -1)
        printf("timeout");
    else if (status && WIFSIGNALED(status))
        printf("signal=%d", WTERMSIG(status));
    else if (status)
        printf("exit=%d", WEXITSTATUS(status));
    else
        printf("ok");
    printf(" %.3f %.3f %ld %lu %.3f\n", median(ms, done),
           done ? ms[0] : 0.0,
#ifdef __APPLE__
           (long)(ru.ru_maxrss / 1024), /* bytes there, KiB elsewhere */
#else
           (long)ru.ru_maxrss,
#endif
           done, median(cpu, done));
    return 0;

usage:
    fprintf(stderr, "usage: benchtime [-n RUNS] [-w WARMUP] [-t TIMEOUT] "
            "[-b BUDGET] [-l LIST] [-o OUT] -- COMMAND [ARG...]\n");
    return 2;
}

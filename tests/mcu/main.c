/*
 * tests/mcu/main.c - brief on a Cortex-M4 without malloc and without stdio.
 *
 * The library (built with -DBRIEF_NO_MALLOC) summarizes a short built-in
 * article in a static 64 KB arena, of which it uses the bytes
 * brief_arena_size() asks for the article, renders it through a write
 * callback and checks the error paths of a malloc-free build. On the microcontroller the
 * output goes out through ARM semihosting (a debugger, or qemu); built
 * natively (no __arm__ bare-metal target) the same program writes to
 * stdout, so `make check-mcu` can compare the two outputs byte for byte.
 *
 *   make mcu        arm-none-eabi build: build/mcu/mcu_test.elf (bkpt
 *                   semihosting, for a board) and mcu_test_qemu.elf (svc
 *                   semihosting, for qemu-arm); nm shows no malloc/stdio
 *   make check-mcu  runs mcu_test_qemu.elf under qemu-arm and compares its
 *                   output with this program built for the host
 *
 * The last line is "mcu: N passed, N failed"; the exit status is 0 when
 * every check passed. Lines that start with "info:" carry numbers that
 * differ between platforms (memory needed); the rest must be identical.
 */
#include <stddef.h>
#include "brief.h"

#if defined(__arm__) && !defined(__linux__)
#define MCU_BARE 1
#else
#define MCU_BARE 0
#include <stdio.h>
#endif

/* An article of the kind brief is for, short enough for a small arena. */
static const char article[] =
    "Harbour town switches its lighthouse to solar power\n"
    "\n"
    "The old lighthouse at the harbour entrance now runs entirely on solar "
    "power, the town council said on Monday. Forty panels on the roof of "
    "the keeper's cottage charge a bank of batteries that keeps the lamp "
    "burning through the night.\n"
    "\n"
    "The project cost about half of what a new grid connection would have "
    "cost. Engineers expect the batteries to last twelve years before they "
    "need replacing. The lamp itself was changed to light-emitting diodes "
    "last spring, which cut its power use by four fifths.\n"
    "\n"
    "Fishermen had worried that the light would fail during long winter "
    "storms. The council says the batteries can keep the lamp lit for five "
    "days without any sun. A small diesel generator remains on site as a "
    "backup, but it has not been started since the switch.\n"
    "\n"
    "Visitors can tour the cottage on weekends. A display in the hallway "
    "shows how much power the panels produce each hour. The council plans "
    "to fit panels to the harbour master's office next year.\n";

/* The caller's fixed arena: all the memory the library gets. */
static union {
    double align_d;
    void *align_p;
    unsigned char bytes[64 * 1024];
} arena;

/* ---- output ------------------------------------------------------------ */

#if MCU_BARE
/* ARM semihosting: bkpt 0xab on M-profile (a debugger or an emulator
 * answers it); qemu-user runs the same Thumb-2 code on an A-profile CPU,
 * where the trap is svc 0xab (MCU_SEMIHOST_SVC). */
static int semihost(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
#ifdef MCU_SEMIHOST_SVC
    __asm__ volatile("svc 0xab" : "+r"(r0) : "r"(r1) : "memory");
#else
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
#endif
    return r0;
}

#define SYS_OPEN 0x01
#define SYS_WRITE 0x05
#define SYS_EXIT 0x18

static int console = -1;

static void put(const char *s, size_t n)
{
    unsigned long args[3];
    if (console < 0) {
        args[0] = (unsigned long)":tt";
        args[1] = 4; /* "w": the console's output */
        args[2] = 3;
        console = semihost(SYS_OPEN, args);
    }
    args[0] = (unsigned long)console;
    args[1] = (unsigned long)s;
    args[2] = (unsigned long)n;
    (void)semihost(SYS_WRITE, args);
}
#else
static void put(const char *s, size_t n)
{
    fwrite(s, 1, n, stdout);
}
#endif

static size_t len_of(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void say(const char *s)
{
    put(s, len_of(s));
}

/* Decimal without printf. */
static void say_num(size_t v)
{
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    put(buf + i, sizeof buf - i);
}

static int write_fn(void *ctx, const char *bytes, size_t len)
{
    (void)ctx;
    put(bytes, len);
    return 0;
}

/* ---- checks ------------------------------------------------------------- */

static size_t passed, failed;

static void check(int ok, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        say("FAIL: ");
        say(what);
        say("\n");
    }
}

/* An allocator hook (no malloc): bump allocation from the arena's bytes,
 * which are free again once the fixed-arena result is released. */
static size_t pool_used, pool_live;

static void *pool_alloc(void *ctx, size_t size)
{
    size_t at = (pool_used + 7u) & ~(size_t)7u;
    (void)ctx;
    if (size > sizeof arena.bytes - at)
        return NULL;
    pool_used = at + size;
    pool_live++;
    return arena.bytes + at;
}

static void pool_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)ptr;
    (void)size;
    pool_live--;
}

static int run(void)
{
    size_t len = sizeof article - 1, bound, need;
    brief_options o;
    brief_result *r = NULL;
    brief_allocator hook;
    int rc;

    say("brief ");
    say(brief_version());
    say(" in a fixed arena of ");
    say_num(sizeof arena.bytes);
    say(" bytes\n");

    brief_options_init(&o);
    o.max_sentences = 2;
    o.keywords = 5;

    /* 0. the arena this article needs: brief_arena_size() reads the text
     * (no allocation) and must be enough, within the static arena, and
     * at most twice the smallest arena that works (found by bisection);
     * the numbers are platform-specific, so printed on "info:" lines,
     * which check-mcu does not compare */
    bound = brief_arena_bound(len, &o);
    need = brief_arena_size(article, len, &o);
    check(need <= sizeof arena.bytes, "brief_arena_size() fits the arena");
    {
        size_t lo = 0, hi = sizeof arena.bytes;
        o.arena = arena.bytes;
        o.arena_size = hi;
        if (brief_summarize(article, len, &o, &r) == BRIEF_OK) {
            brief_result_free(r);
            while (hi - lo > 8) {
                size_t mid = lo + (hi - lo) / 2;
                r = NULL;
                o.arena_size = mid;
                if (brief_summarize(article, len, &o, &r) == BRIEF_OK) {
                    brief_result_free(r);
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            say("info: ");
            say_num(len);
            say(" bytes of text need an arena of ");
            say_num(hi);
            say(" bytes; brief_arena_size() says ");
            say_num(need);
            say(", brief_arena_bound() ");
            say_num(bound);
            say("\n");
            check(hi <= need, "brief_arena_size() is enough");
            check(need <= 2 * hi, "brief_arena_size() is within 2x");
            check(hi <= bound, "the needed arena is within brief_arena_bound()");
        } else {
            check(0, "summarize in the fixed arena");
        }
        r = NULL;
    }

    /* 1. an arena of brief_arena_size() bytes: the whole pipeline and
     * every renderer */
    o.arena = arena.bytes;
    o.arena_size = need <= sizeof arena.bytes ? need : sizeof arena.bytes;
    rc = brief_summarize(article, len, &o, &r);
    check(rc == BRIEF_OK && r != NULL, "summarize in the fixed arena");
    if (rc == BRIEF_OK && r) {
        check(r->chosen_count == 2, "two sentences chosen");
        check(r->has_title == 1, "title found");
        say("-- text\n");
        check(brief_render(r, BRIEF_FORMAT_TEXT, write_fn, NULL) == BRIEF_OK,
              "render text");
        say("-- keywords\n");
        check(brief_render(r, BRIEF_FORMAT_KEYWORDS, write_fn, NULL) ==
                  BRIEF_OK,
              "render keywords");
#ifndef BRIEF_NO_RENDER_RICH
        say("-- json\n");
        check(brief_render(r, BRIEF_FORMAT_JSON, write_fn, NULL) == BRIEF_OK,
              "render json");
#endif
        brief_result_free(r);
    }

    /* 2. an arena too small is out of memory, not a crash */
    r = NULL;
    o.arena_size = 512;
    check(brief_summarize(article, len, &o, &r) == BRIEF_ERR_NOMEM &&
              r == NULL,
          "small arena gives BRIEF_ERR_NOMEM");

    /* 3. the caller's allocator hook (a static pool) */
    o.arena = NULL;
    o.arena_size = 0;
    hook.alloc = pool_alloc;
    hook.free = pool_free;
    hook.ctx = NULL;
    o.allocator = &hook;
    r = NULL;
    rc = brief_summarize(article, len, &o, &r);
    check(rc == BRIEF_OK && r && r->chosen_count == 2,
          "summarize with an allocator hook");
    brief_result_free(r);
    check(pool_live == 0, "allocator hook: every block given back");

    /* 4. no allocator and no arena: the default allocator is libc malloc,
     * and a BRIEF_NO_MALLOC build (this one on the MCU) has none */
    o.allocator = NULL;
    r = NULL;
    rc = brief_summarize(article, len, &o, &r);
#if MCU_BARE
    check(rc == BRIEF_ERR_NOMEM && r == NULL,
          "no allocator without malloc gives BRIEF_ERR_NOMEM");
#else
    check(rc == BRIEF_OK && r != NULL, "default allocator (malloc)");
    brief_result_free(r);
#endif

    return failed ? 1 : 0;
}

static void report(void)
{
    say("mcu: ");
    say_num(passed);
    say(" passed, ");
    say_num(failed);
    say(" failed\n");
}

#if MCU_BARE
/* ---- startup (no crt0: -nostartfiles) ------------------------------------ */

extern unsigned long _sidata[], _sdata[], _edata[], _sbss[], _ebss[];
extern unsigned long _estack[];
void Reset_Handler(void);

/* The minimal vector table: initial stack pointer and reset. */
__attribute__((section(".isr_vector"), used))
static const unsigned long vectors[2] = {
    (unsigned long)_estack,
    (unsigned long)Reset_Handler
};

/* The stack below the caller's frame is painted before run() and checked
 * after it: the deepest word overwritten is the peak stack of the library
 * (plus this small test). STACK_PAINT must stay within the RAM that
 * mcu.ld leaves for the stack (_min_stack). */
#define STACK_PAINT (12 * 1024)
#define PAINT 0xdeadbeeful

void Reset_Handler(void)
{
    int rc;
    unsigned long sp, *p, *lo;
#ifndef MCU_SEMIHOST_SVC
    /* On a board: .data from flash to RAM, .bss cleared. (An ELF loader,
     * qemu-user's, has done both and maps no load image at _sidata.) */
    unsigned long *src = _sidata, *dst = _sdata;
    while (dst < _edata)
        *dst++ = *src++;
    for (dst = _sbss; dst < _ebss; dst++)
        *dst = 0;
#endif
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    sp &= ~7ul;
    lo = (unsigned long *)(sp - STACK_PAINT);
    for (p = lo; p < (unsigned long *)(sp - 256); p++)
        *p = PAINT;
    rc = run();
    for (p = lo; p < (unsigned long *)(sp - 256) && *p == PAINT; p++)
        continue;
    say("info: peak stack ");
    say_num((size_t)(sp - (unsigned long)p));
    say(p == lo ? " bytes or more (all of the painted area)\n" : " bytes\n");
    report();
    /* SYS_EXIT: ADP_Stopped_ApplicationExit is success, anything else is
     * an error (qemu exits 0 / 1). */
    for (;;)
        (void)semihost(SYS_EXIT, (const void *)(rc == 0 ? 0x20026ul
                                                        : 0x20023ul));
}
#else
int main(void)
{
    int rc = run();
    report();
    if (fflush(stdout) != 0)
        return 1;
    return rc;
}
#endif

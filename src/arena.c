/*
 * arena.c - the one memory pool of a summary.
 *
 * Blocks are taken from the caller's allocator (doubling in size, so the
 * hook is called O(log n) times) or carved from the caller's fixed buffer.
 * Everything is released at once; out of memory is a NULL from
 * brief__alloc and nothing else.
 *
 * A large allocation (>= BIG) gets a block of its own, so that growing it
 * (brief__grow: the pipeline's arrays double as they fill) hands the old
 * copy back to the allocator instead of leaving it in the arena: peak
 * memory stays near the final size of the arrays (brief__grow_array is
 * the one growth policy the stages use). In fixed-arena mode
 * there is one buffer and a grown array that is not the latest allocation
 * leaves its old copy behind; brief_arena_bound() counts that.
 */
#include <string.h>
#include "internal.h"

struct brief__block {
    brief__block *next;
    size_t size;               /* total bytes of this block incl. header     */
    int own;                   /* holds one large allocation only            */
};

/* Header size rounded up so the payload stays aligned. */
#define BLOCK_HEADER \
    ((sizeof(brief__block) + BRIEF__ALIGN - 1) & ~(size_t)(BRIEF__ALIGN - 1))
#define MIN_BLOCK ((size_t)16 * 1024)
#define BIG ((size_t)64 * 1024)

#ifndef BRIEF_NO_MALLOC
#include <stdlib.h>

static void *libc_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void libc_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)size;
    free(ptr);
}
#else
/*
 * BRIEF_NO_MALLOC (microcontrollers, freestanding builds): the library
 * references no malloc/free at all. There is no default allocator: a call
 * with neither options.allocator nor options.arena gets an allocator that
 * always fails, so brief_summarize() returns BRIEF_ERR_NOMEM (nothing is
 * allocated, nothing leaks). Everything else is unchanged.
 */
static void *libc_alloc(void *ctx, size_t size)
{
    (void)ctx;
    (void)size;
    return NULL;
}

static void libc_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)ptr;
    (void)size;
}
#endif /* BRIEF_NO_MALLOC */

void brief__arena_init(brief__arena *a, const brief_allocator *alloc,
                       void *fixed, size_t fixed_size)
{
    memset(a, 0, sizeof *a);
    if (alloc && alloc->alloc && alloc->free) {
        a->alloc = *alloc;
    } else {
        a->alloc.alloc = libc_alloc;
        a->alloc.free = libc_free;
        a->alloc.ctx = NULL;
    }
    if (fixed) {
        /* Align the start of the caller's buffer; lose at most 7 bytes. */
        size_t skew = (size_t)((uintptr_t)fixed % BRIEF__ALIGN);
        size_t pad = skew ? BRIEF__ALIGN - skew : 0;
        if (fixed_size < pad)
            fixed_size = pad;
        a->fixed = (unsigned char *)fixed + pad;
        a->fixed_size = fixed_size - pad;
        a->cur = a->fixed;
        a->end = a->fixed + a->fixed_size;
    }
}

static size_t round_up(size_t n)
{
    return (n + BRIEF__ALIGN - 1) & ~(size_t)(BRIEF__ALIGN - 1);
}

/* Chain a new block of at least need payload bytes. */
static int new_block(brief__arena *a, size_t need)
{
    size_t size = MIN_BLOCK, prev = 0;
    brief__block *b;
    if (a->fixed)
        return 0;
    for (b = a->blocks; b; b = b->next)
        if (!b->own) {
            prev = b->size;
            break;
        }
    if (prev > size / 2)
        size = prev <= ((size_t)-1) / 2 ? prev * 2 : prev;
    if (need > ((size_t)-1) - BLOCK_HEADER)
        return 0;
    if (size < need + BLOCK_HEADER)
        size = need + BLOCK_HEADER;
    b = (brief__block *)a->alloc.alloc(a->alloc.ctx, size);
    if (!b)
        return 0;
    b->next = a->blocks;
    b->size = size;
    b->own = 0;
    a->blocks = b;
    a->cur = (unsigned char *)b + BLOCK_HEADER;
    a->end = (unsigned char *)b + size;
    return 1;
}

/* A block of its own for one large allocation, chained behind the
 * current block so bump allocation goes on where it was. */
static void *own_block(brief__arena *a, size_t size)
{
    brief__block *b;
    if (size > ((size_t)-1) - BLOCK_HEADER)
        return NULL;
    b = (brief__block *)a->alloc.alloc(a->alloc.ctx, size + BLOCK_HEADER);
    if (!b)
        return NULL;
    b->size = size + BLOCK_HEADER;
    b->own = 1;
    if (a->blocks) {
        b->next = a->blocks->next;
        a->blocks->next = b;
    } else {
        b->next = NULL;
        a->blocks = b;
        a->cur = a->end = NULL; /* no bump space: the next alloc chains */
    }
    a->used += size;
    return (unsigned char *)b + BLOCK_HEADER;
}

/* Give an own block back to the allocator. */
static void drop_own(brief__arena *a, void *p)
{
    brief__block **pp = &a->blocks;
    brief__block *b = (brief__block *)(void *)((unsigned char *)p - BLOCK_HEADER);
    while (*pp && *pp != b)
        pp = &(*pp)->next;
    if (!*pp)
        return;
    *pp = b->next;
    a->used -= b->size - BLOCK_HEADER;
    a->alloc.free(a->alloc.ctx, b, b->size);
}

static int is_own(const brief__arena *a, const void *p)
{
    const brief__block *b;
    if (a->fixed)
        return 0;
    for (b = a->blocks; b; b = b->next)
        if (b->own && (const unsigned char *)b + BLOCK_HEADER ==
                          (const unsigned char *)p)
            return 1;
    return 0;
}

void *brief__alloc(brief__arena *a, size_t size)
{
    void *p;
    if (size > ((size_t)-1) - BRIEF__ALIGN)
        return NULL;
    size = round_up(size ? size : 1);
    if (size >= BIG && !a->fixed)
        return own_block(a, size);
    if ((size_t)(a->end - a->cur) < size && !new_block(a, size))
        return NULL;
    p = a->cur;
    a->last = a->cur;
    a->cur += size;
    a->used += size;
    return p;
}

void *brief__grow(brief__arena *a, void *p, size_t old_size, size_t new_size)
{
    void *q;
    if (!p)
        return brief__alloc(a, new_size);
    if (new_size > ((size_t)-1) - BRIEF__ALIGN)
        return NULL;
    if (is_own(a, p)) {
        q = brief__alloc(a, new_size);
        if (!q)
            return NULL;
        memcpy(q, p, old_size < new_size ? old_size : new_size);
        drop_own(a, p);
        return q;
    }
    if ((unsigned char *)p == a->last) {
        size_t have = (size_t)(a->end - a->last);
        if (round_up(new_size) <= have) {
            size_t was = (size_t)(a->cur - a->last);
            a->cur = a->last + round_up(new_size ? new_size : 1);
            a->used = a->used - was + (size_t)(a->cur - a->last);
            return p;
        }
    }
    q = brief__alloc(a, new_size);
    if (!q)
        return NULL;
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    return q;
}

void *brief__grow_array(brief__arena *a, void *p, size_t *cap, size_t need,
                        size_t size, size_t first, unsigned shift)
{
    size_t n = *cap ? *cap : first, max = ((size_t)-1) / (size ? size : 1);
    void *q;
    if (need <= *cap && p)
        return p;
    if (n > max)
        return NULL;
    while (n < need) {
        size_t step = n >> shift;
        if (step == 0)
            step = 1;
        if (step > max - n)
            return NULL;
        n += step;
    }
    q = brief__grow(a, p, *cap * size, n * size);
    if (q)
        *cap = n;
    return q;
}

void brief__free(brief__arena *a, void *p)
{
    if (p && is_own(a, p))
        drop_own(a, p);
}

void brief__arena_release(brief__arena *a)
{
    brief__block *b = a->blocks;
    while (b) {
        brief__block *next = b->next;
        a->alloc.free(a->alloc.ctx, b, b->size);
        b = next;
    }
    a->blocks = NULL;
    a->cur = a->end = a->last = NULL;
    if (a->fixed) {
        a->cur = a->fixed;
        a->end = a->fixed + a->fixed_size;
    }
    a->used = 0;
}

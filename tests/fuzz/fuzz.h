/*
 * tests/fuzz/fuzz.h - the syscall fuzzer's shared layout: the run's configuration
 * (patched into the image by tools/fuzz-config.py), the sandbox the workers fuzz,
 * and the page each worker thread lives in. Partners: main.c (the root task, which
 * builds and tears down sandboxes), worker.c (the random calls), docs/fuzzing.md.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <sel4/sel4.h>

/* ---- configuration ------------------------------------------------------------ */

/*
 * The image carries one of these in .data, found by its magic: tools/fuzz-config.py
 * writes the seed, call count and the rest into a copy of the image, so one build
 * serves every seed. Skipped calls (the minimiser's mask) are ranges [lo, hi) of
 * call numbers: such a call number is taken but no call made.
 */
#define FUZZ_MAGIC "NUMBAT-FUZZ-CFG1"
#define FUZZ_MAX_SKIPS 64
typedef struct fuzz_config {
    char magic[16];
    seL4_Word seed;
    seL4_Word calls;        /* call numbers 0..calls-1 are made */
    seL4_Word verbose_from; /* print "call k" before every call k >= this */
    seL4_Word epoch_calls;  /* calls per sandbox before it is torn down */
    seL4_Word n_skips;
    seL4_Word skips[FUZZ_MAX_SKIPS][2];
} fuzz_config_t;

/* What the workers read (the root copies the patched block here before they start;
 * workers in other address spaces see the image read-only, which is all they need). */
extern fuzz_config_t cfg;

/* ---- the sandbox ------------------------------------------------------------------ */

/* Every worker's CSpace is the sandbox CNode: 2^SANDBOX_RADIX slots, guard size
 * 32 - SANDBOX_RADIX, so a cptr is a slot index. Nothing outside it is reachable. */
#define SANDBOX_RADIX 8
#define SANDBOX_SLOTS (1u << SANDBOX_RADIX)

/* Outer workers see the sandbox with a guard of 16 bits, not 24: their cptr for
 * slot j is j << 8, and the 8 bits below are left over. A cptr of theirs that
 * names a CNode slot with low bits set goes on into that CNode (multi-level
 * lookups, guards of CNode caps the workers minted included). */
#define OUTER_GUARD_BITS 16
#define OUTER_CPTR_SHIFT (seL4_WordBits - OUTER_GUARD_BITS - SANDBOX_RADIX)

/* Slots the root filled at the start of the epoch (read by workers to aim at real
 * objects more often than a uniform pick would). */
#define MAX_POPULATED 96
extern seL4_Word populated[MAX_POPULATED];
extern seL4_Word n_populated;
/* The sandbox slots the root filled, by what invocations want as cap arguments:
 * CNodes (the sandbox's own copy, with the guard that makes slot numbers cptrs,
 * first), TCBs, assigned page directories, frames, notifications, untypeds. */
enum cap_kind { K_CNODE, K_TCB, K_PD, K_FRAME, K_NTFN, K_UNTYPED, K_OTHER, N_KINDS };
#define MAX_OF_KIND 16
extern seL4_Word kind_slots[N_KINDS][MAX_OF_KIND];
extern seL4_Word n_of_kind[N_KINDS];
/* The endpoints and notifications among them (inner workers receive only on these). */
#define MAX_RECEIVABLE 16
extern seL4_Word receivable[MAX_RECEIVABLE];
extern seL4_Word n_receivable;

/* Virtual addresses workers map sandbox frames at (inside the sandbox's PDs). */
#define FUZZ_VA_BASE 0x30000000u
#define FUZZ_VA_SPAN 0x02000000u

/* ---- workers ------------------------------------------------------------------------ */

/*
 * A worker lives in one 64 KiB frame: its IPC buffer at offset 0, its context at
 * CTX_OFFSET, its stack growing down from the top. Workers in other address spaces
 * see the frame at OUTER_PAGE_VA; the root sees every worker's frame in its window
 * (ROOT_WINDOW_VA + i * WORKER_PAGE_SIZE) and inner workers use that address.
 * The call counter sits in a 4 KiB frame every worker maps read-write.
 */
#define N_WORKERS 4
#define N_INNER 2 /* workers 0..N_INNER-1 run in the root's address space */
#define WORKER_PAGE_SIZE (1u << seL4_LargePageBits)
#define CTX_OFFSET 0x400u
#define OUTER_PAGE_VA 0x20000000u
#define OUTER_COUNTER_VA 0x20040000u
#define ROOT_WINDOW_VA 0x21000000u
#define ROOT_COUNTER_VA (ROOT_WINDOW_VA + N_WORKERS * WORKER_PAGE_SIZE)

typedef struct fuzz_worker {
    seL4_Word id;
    seL4_Word outer;             /* 1: in an address space of its own */
    seL4_Word base;              /* its frame, as it sees it */
    volatile seL4_Word *counter; /* next call number, shared by all workers */
    volatile seL4_Word done;     /* calls made: the root watches it for stalls */
    volatile seL4_Word last;     /* the call number being made */
    /* Calls (seL4_Call) by label that the kernel answered with NoError, and with
     * each error: the root adds them up for the closing coverage lines. */
    volatile seL4_Word ok[nArchInvocationLabels];
    volatile seL4_Word errors[seL4_NumErrors];
} fuzz_worker_t;

/* Where a worker starts (r0 = its context, sp = its frame's top); never returns. */
void worker_main(fuzz_worker_t *w) __attribute__((noreturn));

/* A 64-bit mix of (seed, call number): every call's choices depend on these only,
 * so skipping a call never changes another's arguments. */
static inline seL4_Uint64 fuzz_mix(seL4_Uint64 x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

#endif

/*
 * tests/sel4test/vspace_helpers.h - shared fixtures of the address-space tests: the
 * prober (a thread that reads, writes or executes where it is told, whose VM faults
 * the root receives and skips, so one prober serves a whole test), page tables and
 * frames mapped in one call, and a second address space that runs the root's program.
 * Partners: vspace_helpers.c, test_vspace.c, test_vspace_errors.c, test_asid.c,
 * test_address_spaces.c.
 */
#ifndef SEL4TEST_VSPACE_HELPERS_H
#define SEL4TEST_VSPACE_HELPERS_H

#include "helpers.h"

#define ROOT_PRIO 100
#define HIGH 150 /* probers and test threads: they run as soon as they can */

#define PAGE (1u << seL4_PageBits)
#define LARGE (1u << seL4_LargePageBits)
#define SECTION (1u << seL4_SectionBits)
#define SUPERSECTION (1u << seL4_SuperSectionBits)
#define RW seL4_ReadWrite
#define ATTR seL4_ARM_Default_VMAttributes

/*
 * Virtual addresses the tests map at, far above the root's image (from 0x10000) and
 * its IPC buffer and BootInfo pages (right after the image). Each test has its own
 * 4 MiB, VA(n) for the n-th, so a mapping a kernel failed to remove shows up in that
 * test only.
 */
#define VA(test) (0x40000000u + (test) * 0x00400000u)
#define VA_SUPERSECTION 0x48000000u /* 16 MiB aligned */
#define VA_PAGER 0x50000000u

/* ---- the prober ------------------------------------------------------------------- */

/* PROBE_READ_EXCLUSIVE reads with LDREX, which needs a word-aligned address. */
enum probe_kind { PROBE_READ, PROBE_WRITE, PROBE_EXEC, PROBE_READ_EXCLUSIVE };

/* A prober thread and what it did last; the root handles its faults. */
typedef struct prober {
    test_thread_t *t;
    seL4_CPtr cmd;      /* the prober waits here for a command */
    seL4_CPtr fault_ep; /* the root receives the prober's faults here */
    volatile seL4_Word result;
    volatile unsigned completed;
} prober_t;

/* What one probe found: a VM fault's label, length and MRs when it faulted, else the
 * word read (or returned by the code executed). */
typedef struct probe_outcome {
    int faulted;
    seL4_Word label, length, ip, addr, prefetch, fsr;
    seL4_Word value;
    int lost; /* the prober neither finished nor faulted: it is not running */
} probe_outcome_t;

#define N_PROBERS 2

/* Starts prober `idx` (< N_PROBERS) in address space `vspace` at HIGH; the root must
 * run below HIGH. NULL after recording a failure. */
prober_t *prober_start(unsigned idx, seL4_CPtr vspace);
/* The root at ROOT_PRIO and prober 0 in the root's address space. */
prober_t *setup_root_prober(void);

/* Has the prober do one access and reports what happened. A fault is answered by
 * skipping the access (pc + 4, or back to lr for an instruction fetch). */
probe_outcome_t probe(prober_t *p, enum probe_kind kind, seL4_Word addr, seL4_Word value);

/* Expect the access to work; evaluates to the word read (or returned by the code). */
#define PROBE_OK(p, kind, addr, value) probe_ok_at((p), (kind), (addr), (value), __FILE__, __LINE__)
seL4_Word probe_ok_at(prober_t *p, enum probe_kind kind, seL4_Word addr, seL4_Word value, const char *file,
                      int line);

/* Expect a VM fault of seL4_VMFault_Length words at addr: data (prefetch 0) for reads
 * and writes, with the DFSR's WnR bit telling which, instruction fetch (prefetch 1)
 * for execution. The fault is left in last_fault. */
#define PROBE_FAULTS(p, kind, addr) probe_faults_at((p), (kind), (addr), __FILE__, __LINE__)
void probe_faults_at(prober_t *p, enum probe_kind kind, seL4_Word addr, const char *file, int line);
extern probe_outcome_t last_fault;

/* The fault status of a DFSR/IFSR (short descriptors: FS[4] is bit 10) and the DFSR's
 * write-not-read bit, from the ARM architecture; seL4 passes the register as it is. */
#define FSR_STATUS(fsr) (((fsr) & 0xFu) | (((fsr) >> 6) & 0x10u))
#define FSR_WNR (1u << 11)
#define FS_ALIGNMENT 0x1u
int fs_is_translation(seL4_Word fsr);
int fs_is_permission(seL4_Word fsr);

/* ---- objects and mappings ------------------------------------------------------------ */

/* The smallest RAM untyped of at least 2^bits bytes other than the pool, revoked after
 * the test; 0 if there is none. */
seL4_CPtr ram_untyped(unsigned bits);
/* A boot untyped's physical address (BootInfo untypedList). */
seL4_Word untyped_paddr(seL4_CPtr ut);

/* One object retyped from `ut` into a fresh slot; 0 after recording a failure. */
#define object_from(ut, type, bits) object_from_at((ut), (type), (bits), __FILE__, __LINE__)
seL4_CPtr object_from_at(seL4_CPtr ut, seL4_Word type, seL4_Word bits, const char *file, int line);
/* A new page table from the pool mapped in `pd` for the megabyte holding va. */
#define map_pt(pd, va) map_pt_at((pd), (va), __FILE__, __LINE__)
seL4_CPtr map_pt_at(seL4_CPtr pd, seL4_Word va, const char *file, int line);
/* A new frame of `type` from the pool mapped read-write at va. */
#define map_frame(type, pd, va) map_frame_at((type), (pd), (va), __FILE__, __LINE__)
seL4_CPtr map_frame_at(seL4_Word type, seL4_CPtr pd, seL4_Word va, const char *file, int line);

/* ---- the root's image and a second address space ------------------------------------- */

/* How many frames the root's image has, and its first page (spec 10: the frames come in
 * address order and end where the IPC buffer page begins). */
seL4_Word image_frames(void);
seL4_Word image_start(void);
/* A new page directory, assigned from `asid_pool`, in which the root's program can run:
 * copies of the image frame caps and of the IPC buffer cap mapped at the root's
 * addresses (threads there share the root's code, data and stacks). 0 after a failure. */
seL4_CPtr vspace_with_image(seL4_CPtr asid_pool);

#endif

/*
 * tests/kernel/harness.h - runs the portable kernel (cap.c, cnode.c, cdt.c,
 * untyped.c, cnode.c, tcb.c, sched.c, syscall.c, ...) on the host under Criterion: a
 * "physical memory" arena below 4 GiB identity-mapped by the arch stubs, builders
 * for slots, CNodes and invocations, and a CDT consistency checker.
 * Partners: harness.c (stubs of kernel/arch.h and kernel.h), test_*.c.
 */
#ifndef TESTS_KERNEL_HARNESS_H
#define TESTS_KERNEL_HARNESS_H

#include <criterion/criterion.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>
#include <sel4/objecttype.h>

#include "arch.h"
#include "cdt.h"
#include "object.h"
#include "sched.h"
#include "thread.h"
#include "trace.h"

/* The arena: 2^26 bytes at a 2^26-aligned address below 2 GiB. The lower half
 * holds objects the tests make by hand, the upper half backs untyped caps. */
#define ARENA_BITS 26
#define ARENA_SIZE (1u << ARENA_BITS)

/* Criterion fixtures: every test starts with a fresh arena and harness state. */
/* What the kernel asked of the (absent) MMU and caches since harness_init. */
typedef struct harness_vm_counts {
    unsigned tlb_page_flushes, tlb_asid_flushes, cache_ops;
    uint32_t cache_bytes;
} harness_vm_counts_t;
extern harness_vm_counts_t harness_vm;

void harness_init(void);
void harness_fini(void);

/* Zeroed arena memory, aligned to 2^align_bits (at least 16). Memory of the
 * lower half that was never handed out is poisoned for AddressSanitizer. */
void *harness_alloc(uint32_t size, unsigned align_bits);
/* A fresh, zeroed region of 2^size_bits bytes aligned to its size, and an
 * original untyped cap (watermark 0) covering it. */
uint32_t harness_untyped_region(unsigned size_bits);
cap_t harness_untyped(unsigned size_bits, bool device);
/* Physical addresses of device memory (outside the arena, never touched). */
uint32_t harness_device_region(unsigned size_bits);
/* A CNode of 2^radix zeroed slots with the given guard. */
cap_t harness_cnode(unsigned radix, unsigned guard_size, uint32_t guard);
cte_t *harness_slot(cap_t cnode, uint32_t index);
/* A 16-byte endpoint object and a TCB as Retype makes one (thread_init'ed, with
 * its master reply cap), both in the arena. */
void *harness_endpoint(void);
tcb_t *harness_tcb(void);
/* Puts `cap` in the empty `slot` as a CDT root (no parent), like boot caps. */
void harness_place(cte_t *slot, cap_t cap, bool revocable);

/* The calling thread of every invocation and its IPC buffer (a page of its own,
 * with a read-write frame cap in the caller's IPC buffer slot). */
extern tcb_t *harness_caller;
extern uint32_t *harness_ipc_buffer;
/* Gives t an IPC buffer at the 4 KiB-aligned `page` through a frame cap with
 * `rights` (the user address is the page's own, as the arena is identity mapped). */
void harness_give_ipc_buffer(tcb_t *t, void *page, uint32_t rights);

/*
 * Builds an invocation of the cap in `slot`: MR0-MR3 go to the caller's message
 * registers, MR4+ to the IPC buffer, extra caps by slot. Then runs the kernel's
 * dispatcher (object_decode, then object_invoke if that succeeded) on a stack
 * below 4 GiB (as on the target, a kernel stack address fits a CDT link) and
 * fails the test if the kernel panics. Returns the error, or HARNESS_PREEMPTED
 * when the operation stopped at a preemption point; the reply words are in
 * inv->reply[0..inv->reply_length).
 */
seL4_Error harness_invoke(invocation_t *inv, cte_t *slot, uint32_t label, unsigned nmr,
                          const uint32_t *mr, unsigned ncaps, cte_t *const *caps);
/* Not an seL4 error: harness_invoke's result for a preempted invocation. */
#define HARNESS_PREEMPTED ((seL4_Error)0x100)
/* The same invocation, decoded only (object_decode): nothing may change. */
seL4_Error harness_decode(invocation_t *inv, object_op_t *op, cte_t *slot, uint32_t label,
                          unsigned nmr, const uint32_t *mr, unsigned ncaps, cte_t *const *caps);
/* Just builds the invocation, as harness_invoke does. */
void harness_build_invocation(invocation_t *inv, cte_t *slot, uint32_t label, unsigned nmr,
                              const uint32_t *mr, unsigned ncaps, cte_t *const *caps);
/* How many times the kernel took a pending interrupt after a preempted call. */
extern unsigned harness_interrupts_taken;
#define MRS(...) \
    (unsigned)(sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t)), (const uint32_t[]){__VA_ARGS__}
#define NO_MRS 0, NULL
#define CAPS(...) \
    (unsigned)(sizeof((cte_t *const[]){__VA_ARGS__}) / sizeof(cte_t *)), (cte_t *const[]){__VA_ARGS__}
#define NO_CAPS 0, NULL

/* Runs fn(arg) on the kernel stack (below 4 GiB). Returns true if it panicked;
 * the panic message is then in harness_panic_message. */
bool harness_kernel_call(void (*fn)(void *), void *arg);
extern char harness_panic_message[256];

/* arch_interrupt_pending() (the kernel's preemption points) answers false until
 * it has been asked `calls` more times, then true until harness_clear_interrupt();
 * by default never. */
void harness_interrupt_after(unsigned calls);
void harness_clear_interrupt(void);
/* How many bytes of the kernel stack the last harness_kernel_call/harness_invoke
 * touched (its high-water mark, glibc's thread data at the top included). */
uint32_t harness_kstack_depth(void);

/* Calls schedule_and_exit() and returns the thread arch_enter_thread was given,
 * or NULL if the kernel called arch_halt instead (status in *halt_status). */
tcb_t *harness_schedule(uint32_t *halt_status);
/* Same for any other noreturn kernel path (handle_user_fault). */
tcb_t *harness_run_to_exit(void (*fn)(void *), void *arg, uint32_t *halt_status);

/* The interrupt controller the harness pretends to have: lines 0..HARNESS_MAX_IRQ,
 * line HARNESS_TICK_IRQ the kernel's tick (interrupt_received(0) is a tick). */
#define HARNESS_MAX_IRQ 159u
#define HARNESS_TICK_IRQ 0u
extern bool harness_irq_masked[HARNESS_MAX_IRQ + 1];
/* Whether the last harness_run_to_exit ended in the kernel's idle loop. */
extern bool harness_idled;
/* How often the IPC fastpath left to a thread, and went on to the slow path, since
 * harness_init (tests/kernel/include/arch/fastpath.h). */
extern unsigned harness_fastpath_exits, harness_fastpath_fallbacks;

/* Trace events the kernel emitted since harness_init while a test had set
 * trace_enabled (kernel/trace.h), the first HARNESS_TRACE_EVENTS of them. */
#define HARNESS_TRACE_EVENTS 64u
typedef struct harness_trace_event {
    uint32_t words[TRACE_MAX_WORDS];
    unsigned count;
} harness_trace_event_t;
typedef struct harness_trace {
    harness_trace_event_t events[HARNESS_TRACE_EVENTS];
    unsigned count;
} harness_trace_t;
extern harness_trace_t harness_trace;

/* Everything kputc/kputs/kprintf printed since harness_init. */
const char *harness_console(void);

/*
 * The CDT checker: walks the whole list containing `member` backwards to its
 * head and then forwards, asserting every link is mirrored (next->prev == node,
 * prev->next == node), every link a slot in the arena, no slot in it empty, no
 * flag bit but revocable/first-badged set, and no loop (a walk limit). Returns
 * the number of slots.
 */
unsigned check_cdt(const cte_t *member);
/* Asserts the list containing order[0] is exactly order[0..n) from its head. */
void check_cdt_order(cte_t *const *order, unsigned n);
#define CHECK_CDT_ORDER(...) \
    check_cdt_order((cte_t *const[]){__VA_ARGS__}, sizeof((cte_t *const[]){__VA_ARGS__}) / sizeof(cte_t *))
/* Asserts an empty slot is unlinked: null cap, no links, no flags. */
void check_empty(const cte_t *slot);

/* The seL4_CNode_CapData word for a guard (spec 5.3). */
static inline uint32_t cnode_capdata(uint32_t guard, unsigned guard_size)
{
    return ((guard & 0x3FFFFu) << 8) | ((guard_size & 0x1Fu) << 3);
}

#endif

/*
 * arch/fastpath.h - the IPC fastpath's ways out on ARM (kernel/fastpath.c): to the
 * partner thread, as arch_enter_thread (entry.c) leaves, inline; or on to the slow
 * path. Only kernel/fastpath.c includes it, after thread.h; the host unit tests put
 * their own in front (tests/kernel/include/arch/fastpath.h).
 * Both leave by a branch, not a call: a function that calls anything, even one that
 * never returns, makes GCC save the link register and one more in its prologue,
 * and with nothing but branches the fastpath stores nothing on the kernel stack.
 * Partners: kernel/fastpath.c, entry.c, mmu.h, vectors.S.
 */
#ifndef ARCH_FASTPATH_H
#define ARCH_FASTPATH_H

#include <arch/cpu.h>

#include "../../mmu.h"

/* Where a thread's saved PC lies in its TCB: vectors.S (TCB_PC_OFFSET) finds the
 * caller's TCB from SP_svc, which the entry left pointing there. */
#define ARCH_TCB_PC_OFFSET 148
_Static_assert(offsetof(tcb_t, context) + offsetof(arch_context_t, pc) == ARCH_TCB_PC_OFFSET,
               "vectors.S relies on this");

/* Goes on to the slow path, nothing having changed: arch_handle_syscall (entry.c)
 * reads the system call number from the saved registers, as for any other call
 * (through vectors.S, which resets the kernel stack). */
static inline __attribute__((always_inline)) NORETURN void arch_fastpath_fallback(void)
{
    __asm__ volatile("b arch_fastpath_to_slowpath");
    __builtin_unreachable();
}

/*
 * Leaves the kernel to t (already current_thread): its TLS registers and saved
 * registers, in the address space the MMU has, which is `from`'s: the thread that
 * made the system call runs with the MMU set up from its VSpace cap (every exit,
 * this one included, sets it up for the thread it enters, and nothing on the
 * fastpath changes it), so a t with the same VSpace cap needs nothing more; checked
 * below in test builds. A thread of another address space leaves through
 * arch_enter_thread, which sets the MMU up from its VSpace cap.
 * The saved CPSR is taken as it is, as arch_enter_thread's sanitising could not
 * change it: every saved CPSR has user mode and A, I and F clear, because every
 * writer makes it so: a new context (arch_context_init), WriteRegisters,
 * CopyRegisters and fault replies (arch_sanitise_context), and the entry from user
 * mode, which saves the user's own CPSR: its mode is user, and user mode cannot
 * change the A, I and F bits, so they are as the last return to user mode (this one
 * or arch_enter_thread's) left them. The invariant checker checks it (user_cpsr).
 */
static inline __attribute__((always_inline)) NORETURN void arch_fastpath_exit(tcb_t *t,
                                                                            const tcb_t *from)
{
#ifdef NUMBAT_CHECK_INVARIANTS
    kassert(from->slots[TCB_SLOT_VSPACE].cap.words[0] == mmu_active_vspace[0] &&
            from->slots[TCB_SLOT_VSPACE].cap.words[1] == mmu_active_vspace[1]);
#endif
    /* The two caps compared as one 64-bit value: a single compare pair and branch. */
    const cap_t *vs = &t->slots[TCB_SLOT_VSPACE].cap, *from_vs = &from->slots[TCB_SLOT_VSPACE].cap;
    uint64_t to_words = (uint64_t)vs->words[1] << 32 | vs->words[0];
    uint64_t from_words = (uint64_t)from_vs->words[1] << 32 | from_vs->words[0];
    if (__builtin_expect(to_words != from_words, 0)) {
        register tcb_t *r0 __asm__("r0") = t;
        __asm__ volatile("b arch_fastpath_to_enter_thread" : : "r"(r0));
        __builtin_unreachable();
    }
    uint32_t tls_rw = t->context.tpidrurw, tls_ro = t->context.tpidruro;
    CP15_WRITE(c13, 0, c0, 2, tls_rw);
    CP15_WRITE(c13, 0, c0, 3, tls_ro);
    /* vectors.S's arch_restore_user, inline: the context's address folds into the
     * first add. SP_svc ends at the end of the context, ready for the next entry. */
    __asm__ volatile("add sp, %0, %1\n\t"
                     "ldmdb sp, {r0-r14}^\n\t"
                     "rfeia sp!"
                     :
                     : "r"(t), "i"(ARCH_TCB_PC_OFFSET)
                     : "memory");
    __builtin_unreachable();
}

#endif

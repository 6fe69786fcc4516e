/*
 * arch/fastpath.h - the IPC fastpath's ways out on ARM (kernel/fastpath.c): to the
 * partner thread, as arch_enter_thread (entry.c) leaves, inline; or on to the slow
 * path. Only kernel/fastpath.c includes it, after thread.h; the host unit tests put
 * their own in front (tests/kernel/include/arch/fastpath.h).
 * Also two helpers of its work that GCC does in more instructions: loading a cap's
 * two words, and copying the message registers.
 * Every way out is a branch, not a call: the fastpath runs without a stack (vectors.S
 * enters it with SP_svc still in the caller's context, and mk/image.mk checks that
 * nothing in it touches SP before the exit sets it).
 * Partners: kernel/fastpath.c, entry.c, mmu.h, vectors.S.
 */
#ifndef ARCH_FASTPATH_H
#define ARCH_FASTPATH_H

#include <arch/cpu.h>

#include "../../mmu.h"

#ifdef __thumb__
#error "the fastpath's assembly (the jump into the register copies) is A32"
#endif

/* NUMBAT_FASTPATH_STACK: mk/image.mk builds the fastpath again with it when GCC's code
 * for it turned out to use the stack after all (another GCC may spill where GCC 12
 * does not): vector_svc's branches then land on these stubs, which give it the kernel
 * stack first, two instructions more, and the C functions take other names. */
#ifdef NUMBAT_FASTPATH_STACK
#define fastpath_call fastpath_call_on_stack
#define fastpath_reply_recv fastpath_reply_recv_on_stack
__asm__(".pushsection .text\n"
        ".global fastpath_call\n"
        "fastpath_call:\n\t"
        "ldr sp, =kernel_stack_top\n\t"
        "b fastpath_call_on_stack\n"
        ".global fastpath_reply_recv\n"
        "fastpath_reply_recv:\n\t"
        "ldr sp, =kernel_stack_top\n\t"
        "b fastpath_reply_recv_on_stack\n\t"
        ".ltorg\n"
        ".popsection");
#endif

/* Where a thread's saved PC lies in its TCB: vectors.S (TCB_PC_OFFSET) finds the
 * caller's TCB from SP_svc, which the entry left pointing there. */
#define ARCH_TCB_PC_OFFSET 148
_Static_assert(offsetof(tcb_t, context) + offsetof(arch_context_t, pc) == ARCH_TCB_PC_OFFSET,
               "vectors.S relies on this");

/* Two words at p, 8-byte aligned (a cap in a slot; the TLS registers in a TCB), as
 * one 64-bit value, the first in the low half: one LDRD. GCC splits a plain uint64_t
 * load into two LDRs (and a cap at a computed index into an LDR, an ADD and an LDR). */
typedef uint64_t arch_two_words_t __attribute__((aligned(8), may_alias));
static inline uint64_t arch_fastpath_load_pair(const void *p)
{
    uint64_t v;
    __asm__("ldrd %0, %H0, %1" : "=r"(v) : "m"(*(const arch_two_words_t *)p));
    return v;
}

/* MR0 to MR(length-1) of `from` into `to`'s, length at most ARCH_MSG_REGISTERS: a jump
 * into a ladder of loads and stores past the 4 - length pairs not needed. Two
 * instructions before the copies, where GCC's switch takes three. */
static inline __attribute__((always_inline)) void arch_fastpath_copy_mrs(arch_context_t *to,
                                                                        const arch_context_t *from,
                                                                        uint32_t length)
{
    _Static_assert(ARCH_MSG_REGISTERS == 4, "four pairs below");
    uint32_t skip, word;
    /* The PC reads 8 bytes ahead: the add lands past the nop, plus 8 bytes a pair. */
    __asm__ volatile("rsb %[skip], %[length], #4\n\t"
                     "add pc, pc, %[skip], lsl #3\n\t"
                     "nop\n\t"
                     "ldr %[word], %[from3]\n\t"
                     "str %[word], %[to3]\n\t"
                     "ldr %[word], %[from2]\n\t"
                     "str %[word], %[to2]\n\t"
                     "ldr %[word], %[from1]\n\t"
                     "str %[word], %[to1]\n\t"
                     "ldr %[word], %[from0]\n\t"
                     "str %[word], %[to0]"
                     : [skip] "=&r"(skip), [word] "=&r"(word), [to0] "+m"(to->r[2]),
                       [to1] "+m"(to->r[3]), [to2] "+m"(to->r[4]), [to3] "+m"(to->r[5])
                     : [length] "r"(length), [from0] "m"(from->r[2]), [from1] "m"(from->r[3]),
                       [from2] "m"(from->r[4]), [from3] "m"(from->r[5]));
}

/* Goes on to the slow path, nothing having changed: arch_handle_syscall (entry.c)
 * reads the system call number from the saved registers, as for any other call
 * (through vectors.S, which resets the kernel stack). */
static inline __attribute__((always_inline)) NORETURN void arch_fastpath_fallback(void)
{
    __asm__ volatile("b arch_fastpath_to_slowpath");
    __builtin_unreachable();
}

/*
 * Leaves the kernel to t (already current_thread) with `badge` and `info` in its r0
 * and r1 (its badge and message info registers) and its other registers as saved,
 * as seL4's fastpath does: the two values go straight to the registers, never
 * through t's saved context, whose r0 and r1 are stale while t runs (as every saved
 * register of a running thread is: its next entry saves them all again). The way
 * out through arch_enter_thread stores them there first.
 * It leaves in the address space the MMU has, which is `from`'s: the thread that
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
                                                                            const tcb_t *from,
                                                                            uint32_t badge,
                                                                            uint32_t info)
{
#ifdef NUMBAT_CHECK_INVARIANTS
    kassert(from->slots[TCB_SLOT_VSPACE].cap.words[0] == mmu_active_vspace[0] &&
            from->slots[TCB_SLOT_VSPACE].cap.words[1] == mmu_active_vspace[1]);
#endif
    /* The two caps compared as one 64-bit value: a single compare pair and branch. */
    uint64_t to_vs = arch_fastpath_load_pair(&t->slots[TCB_SLOT_VSPACE].cap);
    uint64_t from_vs = arch_fastpath_load_pair(&from->slots[TCB_SLOT_VSPACE].cap);
    if (__builtin_expect(to_vs != from_vs, 0)) {
        arch_set_badge_register(&t->context, badge);
        arch_set_msg_info(&t->context, info);
        register tcb_t *r0 __asm__("r0") = t;
        __asm__ volatile("b arch_fastpath_to_enter_thread" : : "r"(r0));
        __builtin_unreachable();
    }
    _Static_assert(offsetof(arch_context_t, tpidruro) == offsetof(arch_context_t, tpidrurw) + 4 &&
                       (offsetof(tcb_t, context) + offsetof(arch_context_t, tpidrurw)) % 8 == 0,
                   "the TLS registers side by side, 8-byte aligned");
    uint64_t tls = arch_fastpath_load_pair(&t->context.tpidrurw);
    CP15_WRITE(c13, 0, c0, 2, (uint32_t)tls);
    CP15_WRITE(c13, 0, c0, 3, (uint32_t)(tls >> 32));
    /* vectors.S's arch_restore_user, inline, but for r0 and r1, which take badge and
     * info: the context's address folds into the first add. SP_svc ends at the end
     * of the context, ready for the next entry. */
    register uint32_t r0 __asm__("r0") = badge, r1 __asm__("r1") = info;
    __asm__ volatile("add sp, %2, %3\n\t"
                     "ldmdb sp, {r2-r14}^\n\t"
                     "rfeia sp!"
                     :
                     : "r"(r0), "r"(r1), "r"(t), "i"(ARCH_TCB_PC_OFFSET)
                     : "memory");
    __builtin_unreachable();
}

#endif

/*
 * tests/kernel/include/arch/fastpath.h - the host's stand-in for the target's
 * arch/fastpath.h (arch/arm/include/arch/), found first on the host include path:
 * the IPC fastpath's two ways out, as functions harness.c defines, so that a test
 * sees which one the fastpath took. Partners: harness.c, kernel/fastpath.c.
 */
#ifndef ARCH_FASTPATH_H
#define ARCH_FASTPATH_H

#include <stdint.h>
#include <string.h>

#include <arch/context.h>

struct tcb;

/* MR0 to MR(length-1) of `from` into `to`'s, as the target's jump into a ladder. */
static inline void arch_fastpath_copy_mrs(arch_context_t *to, const arch_context_t *from,
                                          uint32_t length)
{
    for (uint32_t i = 0; i < length; i++)
        arch_set_mr(to, i, arch_get_mr(from, i));
}

/* Two words at p as one value, the first in the low half (the host is little-endian
 * too), as the target's LDRD. */
static inline uint64_t arch_fastpath_load_pair(const void *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

/* Like arch_enter_thread with badge and info put in t's registers, as the target's
 * exit loads them into the CPU's; counts harness_fastpath_exits. */
NORETURN void arch_fastpath_exit(struct tcb *t, const struct tcb *from, uint32_t badge,
                                 uint32_t info);
/* Goes on to handle_syscall with the number in current_thread's registers; counts
 * harness_fastpath_fallbacks. */
NORETURN void arch_fastpath_fallback(void);

#endif

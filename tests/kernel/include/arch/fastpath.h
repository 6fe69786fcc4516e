/*
 * tests/kernel/include/arch/fastpath.h - the host's stand-in for the target's
 * arch/fastpath.h (arch/arm/include/arch/), found first on the host include path:
 * the IPC fastpath's two ways out, as functions harness.c defines, so that a test
 * sees which one the fastpath took. Partners: harness.c, kernel/fastpath.c.
 */
#ifndef ARCH_FASTPATH_H
#define ARCH_FASTPATH_H

struct tcb;

/* Like arch_enter_thread; counts harness_fastpath_exits. */
NORETURN void arch_fastpath_exit(struct tcb *t, const struct tcb *from);
/* Goes on to handle_syscall with the number in current_thread's registers; counts
 * harness_fastpath_fallbacks. */
NORETURN void arch_fastpath_fallback(void);

#endif

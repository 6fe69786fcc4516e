/*
 * kernel/fastpath.h - the IPC fastpath: Call and ReplyRecv in the common case
 * (a short message without caps, a partner ready, nothing to trace) go straight
 * from the system call to the partner thread. Anything unusual goes on, nothing
 * changed, to the full path in syscall.c. `make ... FASTPATH=0` builds without it.
 * Partners: fastpath.c, arch/arm/vectors.S (which tries it before anything else).
 */
#ifndef KERNEL_FASTPATH_H
#define KERNEL_FASTPATH_H

#include "kernel.h"

#ifndef NUMBAT_FASTPATH
#define NUMBAT_FASTPATH 1
#endif

/* Entered from the svc with the caller's cap and message info registers and the
 * caller itself (current_thread, whose registers are saved in its context). Each
 * leaves the kernel to the partner thread, or goes on to handle_syscall. */
struct tcb;
NORETURN void fastpath_call(uint32_t cptr, uint32_t info, struct tcb *caller);
NORETURN void fastpath_reply_recv(uint32_t cptr, uint32_t info, struct tcb *caller);

#endif

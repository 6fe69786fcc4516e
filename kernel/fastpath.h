/*
 * kernel/fastpath.h - the IPC fastpath: Call and ReplyRecv in the common case
 * (a short message without caps, a partner ready, nothing to trace) go straight
 * from the system call to the partner thread. Anything unusual returns, and the
 * full path in syscall.c does the work. `make ... FASTPATH=0` builds without it.
 * Partners: fastpath.c, arch/arm/entry.c (which tries it before anything else).
 */
#ifndef KERNEL_FASTPATH_H
#define KERNEL_FASTPATH_H

#include "kernel.h"

#ifndef NUMBAT_FASTPATH
#define NUMBAT_FASTPATH 1
#endif

/* Each either leaves the kernel to the partner thread or returns (slow path). */
void fastpath_call(void);
void fastpath_reply_recv(void);

#endif

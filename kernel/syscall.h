/*
 * kernel/syscall.h - the system call entry point, called by the architecture's
 * entry code once the current thread's registers are saved. It never returns:
 * it ends by scheduling and leaving the kernel. Numbers are libsel4's
 * seL4_Syscall_ID (sel4/syscall.h). Partners: syscall.c, arch/arm/entry.c.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "kernel.h"

NORETURN void handle_syscall(int32_t number);

#endif

/*
 * sel4/arch/syscalls.h — the system-call wrappers (Send, Call, Recv, ... and the
 * debug calls) under seL4's ARM path. Defined in ../syscalls.h.
 * Partners: ../syscalls.h, ../sel4_arch/syscalls.h.
 */
#ifndef SEL4_ARCH_SYSCALLS_H
#define SEL4_ARCH_SYSCALLS_H

#include <sel4/syscalls.h>

#endif /* SEL4_ARCH_SYSCALLS_H */

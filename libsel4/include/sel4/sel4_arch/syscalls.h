/*
 * sel4/sel4_arch/syscalls.h — the AArch32 system-call wrappers under seL4's path.
 * Defined in ../syscalls.h. Partners: ../syscalls.h, ../arch/syscalls.h.
 */
#ifndef SEL4_SEL4_ARCH_SYSCALLS_H
#define SEL4_SEL4_ARCH_SYSCALLS_H

#include <sel4/syscalls.h>

#endif /* SEL4_SEL4_ARCH_SYSCALLS_H */

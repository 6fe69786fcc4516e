/*
 * sel4/sel4_arch/functions.h — the IPC-buffer accessors under seL4's AArch32 path.
 * Defined in ../ipcbuffer.h. Partners: ../ipcbuffer.h, ../functions.h.
 */
#ifndef SEL4_SEL4_ARCH_FUNCTIONS_H
#define SEL4_SEL4_ARCH_FUNCTIONS_H

#include <sel4/functions.h>

#endif /* SEL4_SEL4_ARCH_FUNCTIONS_H */

/*
 * sel4/arch/functions.h — the IPC-buffer accessors (seL4_GetIPCBuffer, GetMR,
 * SetMR, SetCap, ...) under seL4's ARM path. Defined in ../ipcbuffer.h.
 * Partners: ../ipcbuffer.h, ../functions.h.
 */
#ifndef SEL4_ARCH_FUNCTIONS_H
#define SEL4_ARCH_FUNCTIONS_H

#include <sel4/functions.h>

#endif /* SEL4_ARCH_FUNCTIONS_H */

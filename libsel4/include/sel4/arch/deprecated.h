/*
 * sel4/arch/deprecated.h — the old ARM names seL4 still accepts: the page-fault
 * (../arch/pfIPC.h) and exception-message (../arch/exIPC.h) spellings. Nothing
 * new is defined here. Partners: pfIPC.h, exIPC.h, ../sel4_arch/deprecated.h.
 */
#ifndef SEL4_ARCH_DEPRECATED_H
#define SEL4_ARCH_DEPRECATED_H

#include <sel4/arch/pfIPC.h>
#include <sel4/arch/exIPC.h>
#include <sel4/sel4_arch/deprecated.h>

#endif /* SEL4_ARCH_DEPRECATED_H */

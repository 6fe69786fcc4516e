/*
 * sel4/sel4_arch/exIPC.h — the old exception-message names under seL4's
 * AArch32 path. Defined in ../arch/exIPC.h. Partner: ../arch/exIPC.h.
 */
#ifndef SEL4_SEL4_ARCH_EXIPC_H
#define SEL4_SEL4_ARCH_EXIPC_H

#include <sel4/arch/exIPC.h>

#endif /* SEL4_SEL4_ARCH_EXIPC_H */

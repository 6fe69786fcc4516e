/*
 * sel4/sel4_arch/deprecated.h — seL4 keeps the old AArch32 exception-message
 * names (EXCEPT_IPC_SYS_MR_R0 ..., seL4_ExceptIPCRegister) here; ours are in
 * ../arch/exIPC.h, which this includes. Partners: ../arch/exIPC.h,
 * ../arch/deprecated.h.
 */
#ifndef SEL4_SEL4_ARCH_DEPRECATED_H
#define SEL4_SEL4_ARCH_DEPRECATED_H

#include <sel4/arch/exIPC.h>

#endif /* SEL4_SEL4_ARCH_DEPRECATED_H */

/*
 * sel4/arch/invocation.h — the ARM invocation labels (enum arch_invocation_label:
 * ARMPageTableMap ... ARMIRQIssueSGISignal) under the path of seL4's generated
 * header. Defined in ../invocation.h. Partners: ../invocation.h.
 */
#ifndef SEL4_ARCH_INVOCATION_H
#define SEL4_ARCH_INVOCATION_H

#include <sel4/invocation.h>

#endif /* SEL4_ARCH_INVOCATION_H */

/*
 * sel4/sel4_arch/invocation.h — the AArch32 invocation labels (enum sel4_arch_invocation_label:
 * the page-directory cache operations) under the path of seL4's generated
 * header. Defined in ../invocation.h. Partners: ../invocation.h.
 */
#ifndef SEL4_SEL4_ARCH_INVOCATION_H
#define SEL4_SEL4_ARCH_INVOCATION_H

#include <sel4/invocation.h>

#endif /* SEL4_SEL4_ARCH_INVOCATION_H */

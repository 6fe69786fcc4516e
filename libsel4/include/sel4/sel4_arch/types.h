/*
 * sel4/sel4_arch/types.h — AArch32 types under seL4's path: seL4_Word, seL4_CPtr,
 * seL4_PAddr, seL4_NodeId, seL4_Domain and seL4_UserContext. Defined in ../types.h.
 * Partners: ../types.h, ../arch/types.h.
 */
#ifndef SEL4_SEL4_ARCH_TYPES_H
#define SEL4_SEL4_ARCH_TYPES_H

#include <sel4/types.h>

#endif /* SEL4_SEL4_ARCH_TYPES_H */

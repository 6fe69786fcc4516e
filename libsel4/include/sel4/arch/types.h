/*
 * sel4/arch/types.h — ARM types under seL4's path: the ARM capability typedefs
 * (seL4_ARM_Page, seL4_ARM_PageTable, ...)
 * and seL4_ARM_VMAttributes. Defined in ../types.h.
 * Partners: ../types.h, ../sel4_arch/types.h.
 */
#ifndef SEL4_ARCH_TYPES_H
#define SEL4_ARCH_TYPES_H

#include <sel4/types.h>
#include <sel4/sel4_arch/types.h>

#endif /* SEL4_ARCH_TYPES_H */

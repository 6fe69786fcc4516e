/*
 * sel4/sel4_arch/simple_types.h — fixed-width integer types under seL4's AArch32 path.
 * Defined in ../types.h. Partners: ../types.h, ../simple_types.h.
 */
#ifndef SEL4_SEL4_ARCH_SIMPLE_TYPES_H
#define SEL4_SEL4_ARCH_SIMPLE_TYPES_H

#include <sel4/simple_types.h>

#endif /* SEL4_SEL4_ARCH_SIMPLE_TYPES_H */

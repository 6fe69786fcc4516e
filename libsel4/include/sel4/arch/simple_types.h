/*
 * sel4/arch/simple_types.h — fixed-width integer types under seL4's ARM path.
 * Defined in ../types.h (seL4_Int8 ... seL4_Uint64).
 * Partners: ../types.h, ../simple_types.h.
 */
#ifndef SEL4_ARCH_SIMPLE_TYPES_H
#define SEL4_ARCH_SIMPLE_TYPES_H

#include <sel4/simple_types.h>

#endif /* SEL4_ARCH_SIMPLE_TYPES_H */

/*
 * sel4/arch/shared_types.h — seL4's ARM header that gathers the object types
 * and AArch32 constants shared with the kernel. Defined in ../objecttype.h and
 * ../constants.h. Partners: ../objecttype.h, ../constants.h.
 */
#ifndef SEL4_ARCH_SHARED_TYPES_H
#define SEL4_ARCH_SHARED_TYPES_H

#include <sel4/sel4_arch/constants.h>
#include <sel4/sel4_arch/objecttype.h>
#include <sel4/arch/objecttype.h>

#endif /* SEL4_ARCH_SHARED_TYPES_H */

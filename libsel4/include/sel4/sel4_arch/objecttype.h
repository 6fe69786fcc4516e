/*
 * sel4/sel4_arch/objecttype.h — the AArch32 object type (seL4_ModeObjectType: the page
 * directory) under seL4's path. Defined in ../objecttype.h.
 * Partners: ../objecttype.h, ../arch/objecttype.h.
 */
#ifndef SEL4_SEL4_ARCH_OBJECTTYPE_H
#define SEL4_SEL4_ARCH_OBJECTTYPE_H

#include <sel4/objecttype.h>

#endif /* SEL4_SEL4_ARCH_OBJECTTYPE_H */

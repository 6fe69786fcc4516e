/*
 * sel4/arch/objecttype.h — the ARM object types (seL4_ArchObjectType: small and large
 * pages, sections, supersections, page tables) under seL4's path. Defined in
 * ../objecttype.h, which chains the generic, AArch32 and ARM enums as seL4 does.
 * Partners: ../objecttype.h, ../sel4_arch/objecttype.h.
 */
#ifndef SEL4_ARCH_OBJECTTYPE_H
#define SEL4_ARCH_OBJECTTYPE_H

#include <sel4/objecttype.h>

#endif /* SEL4_ARCH_OBJECTTYPE_H */

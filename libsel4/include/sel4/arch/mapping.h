/*
 * sel4/arch/mapping.h — seL4_MappingFailedLookupLevel() and SEL4_MAPPING_LOOKUP_*
 * under seL4's ARM path. Defined in ../mapping.h and ../constants.h.
 * Partners: ../mapping.h, ../sel4_arch/mapping.h.
 */
#ifndef SEL4_ARCH_MAPPING_H
#define SEL4_ARCH_MAPPING_H

#include <sel4/sel4_arch/mapping.h>

#endif /* SEL4_ARCH_MAPPING_H */

/*
 * sel4/sel4_arch/mapping.h — seL4_MappingFailedLookupLevel(), SEL4_MAPPING_LOOKUP_LEVEL
 * and SEL4_MAPPING_LOOKUP_NO_PT (20 without the hypervisor) under seL4's AArch32
 * path. Defined in ../mapping.h and ../constants.h. Partners: ../mapping.h.
 */
#ifndef SEL4_SEL4_ARCH_MAPPING_H
#define SEL4_SEL4_ARCH_MAPPING_H

#include <sel4/mapping.h>

#endif /* SEL4_SEL4_ARCH_MAPPING_H */

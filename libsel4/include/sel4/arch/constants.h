/*
 * sel4/arch/constants.h — seL4's ARM constants header, kept under the path seL4 programs
 * include. Numbat has one configuration, so the ARM constants (object sizes,
 * seL4_UserTop, fault message layouts) live in ../constants.h and ../faults.h.
 * Partners: ../constants.h, ../faults.h, ../sel4_arch/constants.h.
 */
#ifndef SEL4_ARCH_CONSTANTS_H
#define SEL4_ARCH_CONSTANTS_H

#include <sel4/constants.h>
#include <sel4/faults.h>
#include <sel4/sel4_arch/constants.h>

#endif /* SEL4_ARCH_CONSTANTS_H */

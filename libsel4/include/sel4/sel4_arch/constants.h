/*
 * sel4/sel4_arch/constants.h — the AArch32 constants header under seL4's path: page,
 * section, page-table and page-directory sizes, seL4_DataFault/InstructionFault
 * and the VM fault, unknown-syscall and user-exception MR indices. All of them
 * are defined once in ../constants.h and ../faults.h.
 * Partners: ../constants.h, ../faults.h, ../arch/constants.h.
 */
#ifndef SEL4_SEL4_ARCH_CONSTANTS_H
#define SEL4_SEL4_ARCH_CONSTANTS_H

#include <sel4/constants.h>
#include <sel4/faults.h>

#endif /* SEL4_SEL4_ARCH_CONSTANTS_H */

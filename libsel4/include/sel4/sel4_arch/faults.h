/*
 * sel4/sel4_arch/faults.h — the AArch32 fault messages (seL4_getFault and the
 * constructors and getters of each fault kind) under seL4's path. Defined in ../faults.h.
 * Partners: ../faults.h.
 */
#ifndef SEL4_SEL4_ARCH_FAULTS_H
#define SEL4_SEL4_ARCH_FAULTS_H

#include <sel4/faults.h>

#endif /* SEL4_SEL4_ARCH_FAULTS_H */

/*
 * arch/arm/include/arch/context.h - a thread's saved user registers. The entry
 * code in vectors.S stores straight into this structure: while a thread runs, the
 * SVC-mode stack pointer points at the end of its context, so an exception from
 * user mode pushes PC and CPSR (srsdb) and then r0-r14 (stmdb ^) into place.
 */
#ifndef ARCH_CONTEXT_H
#define ARCH_CONTEXT_H

#include <stdint.h>

typedef struct arch_context {
    uint32_t r[13]; /* r0-r12 */
    uint32_t sp;
    uint32_t lr;
    uint32_t pc;   /* where the thread resumes */
    uint32_t cpsr; /* its CPSR (user mode) */
} arch_context_t;

#define CONTEXT_WORDS 17
_Static_assert(sizeof(arch_context_t) == CONTEXT_WORDS * 4, "vectors.S relies on this layout");

#define CPSR_USER_MODE 0x10u
#define CPSR_MODE_MASK 0x1Fu
/* The flags a user may set through WriteRegisters: N, Z, C, V, Q. */
#define CPSR_USER_FLAGS 0xF8000000u
/* Mode and the A, I, F masks: never taken from a saved user context. */
#define CPSR_KERNEL_CONTROLLED (CPSR_MODE_MASK | 0x1C0u)

#endif

/*
 * arch/arm/mmu.h - between the kernel exit (entry.c) and the MMU code (mmu.c):
 * which address space the MMU is set up for, so that leaving the kernel to a
 * thread of the same address space costs two compares.
 */
#ifndef ARCH_ARM_MMU_H
#define ARCH_ARM_MMU_H

#include "../../kernel/thread.h"

/* The words of the VSpace cap the MMU was last set up from (~0: set it up again,
 * after an ASID went away). */
extern uint32_t mmu_active_vspace[2];

/* Sets the MMU up for thread t's address space and records its VSpace cap. */
void mmu_switch_to(const tcb_t *t);

static inline __attribute__((always_inline)) void mmu_activate(const tcb_t *t)
{
    const cap_t *vs = &t->slots[TCB_SLOT_VSPACE].cap;
    if (__builtin_expect(vs->words[0] != mmu_active_vspace[0] || vs->words[1] != mmu_active_vspace[1], 0))
        mmu_switch_to(t);
}

#endif

/*
 * sim/exception.h - the ARMv7-A exception entry that Unicorn 2.0.1 does not perform:
 * target mode, banked LR and SPSR, CPSR mask/state bits, vector address.
 * Partners: exception.c, run.c (which decides when to call it),
 * tests/sim/test_exception.c.
 */
#ifndef SIM_EXCEPTION_H
#define SIM_EXCEPTION_H

#include "arm_cpu.h"

typedef enum arm_exception {
    ARM_EXC_RESET,
    ARM_EXC_UNDEF,
    ARM_EXC_SVC,
    ARM_EXC_PABT,
    ARM_EXC_DABT,
    ARM_EXC_IRQ,
    ARM_EXC_FIQ,
} arm_exception_t;

const char *arm_exception_name(arm_exception_t kind);

/*
 * Takes exception `kind`. `pc` is what the architecture calls the preferred return
 * address basis, as the simulator knows it:
 *   UNDEF, PABT, DABT: the address of the instruction that caused it;
 *   SVC: the address of the instruction after the SVC;
 *   IRQ, FIQ: the address of the next instruction that would have executed;
 *   RESET: ignored.
 * LR of the target mode gets the architecture's offset from that (ARM DDI 0406C,
 * table B1-7), SPSR the old CPSR, and the PC the vector.
 */
void arm_take_exception(uc_engine *uc, arm_exception_t kind, uint32_t pc);

/* The address of the vector for `kind` given SCTLR and VBAR. */
uint32_t arm_vector_address(arm_exception_t kind, uint32_t sctlr, uint32_t vbar);
/* The CPSR the processor has after taking `kind` from `old_cpsr`. */
uint32_t arm_exception_cpsr(arm_exception_t kind, uint32_t old_cpsr, uint32_t sctlr);
/* The value LR gets, from `pc` as defined above and the old CPSR's T bit. */
uint32_t arm_exception_lr(arm_exception_t kind, uint32_t pc, uint32_t old_cpsr);

#endif

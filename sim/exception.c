/*
 * sim/exception.c - ARMv7-A exception entry (ARM DDI 0406C, B1.8), written out
 * because Unicorn 2.0.1 reports exceptions to a hook instead of entering them.
 * The rules are split into pure functions (vector, CPSR, LR) so they can be
 * tested one by one; arm_take_exception applies them to the CPU. Partner: exception.h.
 */
#include "exception.h"

typedef struct exception_rule {
    const char *name;
    uint32_t mode;
    uint32_t vector_offset;
    uint32_t extra_masks; /* A and F bits set on entry besides I (always set) */
    uint32_t lr_offset_arm;
    uint32_t lr_offset_thumb;
} exception_rule_t;

/*
 * LR offsets relative to the `pc` argument of arm_take_exception. For SVC that pc
 * is already the next instruction, so the offset is 0 in both states; for aborts and
 * undefined instructions it is the faulting instruction.
 */
static const exception_rule_t rules[] = {
    [ARM_EXC_RESET] = {"reset", ARM_MODE_SVC, 0x00, CPSR_A | CPSR_F, 0, 0},
    [ARM_EXC_UNDEF] = {"undefined instruction", ARM_MODE_UND, 0x04, 0, 4, 2},
    [ARM_EXC_SVC] = {"supervisor call", ARM_MODE_SVC, 0x08, 0, 0, 0},
    [ARM_EXC_PABT] = {"prefetch abort", ARM_MODE_ABT, 0x0C, CPSR_A, 4, 4},
    [ARM_EXC_DABT] = {"data abort", ARM_MODE_ABT, 0x10, CPSR_A, 8, 8},
    [ARM_EXC_IRQ] = {"irq", ARM_MODE_IRQ, 0x18, CPSR_A, 4, 4},
    [ARM_EXC_FIQ] = {"fiq", ARM_MODE_FIQ, 0x1C, CPSR_A | CPSR_F, 4, 4},
};

#define HIGH_VECTORS 0xFFFF0000u

const char *arm_exception_name(arm_exception_t kind)
{
    return rules[kind].name;
}

uint32_t arm_vector_address(arm_exception_t kind, uint32_t sctlr, uint32_t vbar)
{
    uint32_t base = (sctlr & SCTLR_V) ? HIGH_VECTORS : (vbar & ~0x1Fu);
    return base + rules[kind].vector_offset;
}

uint32_t arm_exception_cpsr(arm_exception_t kind, uint32_t old_cpsr, uint32_t sctlr)
{
    const exception_rule_t *rule = &rules[kind];
    uint32_t cpsr = old_cpsr;
    /* Mode changes; execution state comes from SCTLR.TE and SCTLR.EE; IT and J clear. */
    cpsr &= ~(CPSR_MODE_MASK | CPSR_T | CPSR_E | CPSR_J | CPSR_IT_LOW_MASK | CPSR_IT_HIGH_MASK);
    cpsr |= rule->mode | CPSR_I | rule->extra_masks;
    if (sctlr & SCTLR_TE)
        cpsr |= CPSR_T;
    if (sctlr & SCTLR_EE)
        cpsr |= CPSR_E;
    return cpsr;
}

uint32_t arm_exception_lr(arm_exception_t kind, uint32_t pc, uint32_t old_cpsr)
{
    const exception_rule_t *rule = &rules[kind];
    return pc + ((old_cpsr & CPSR_T) ? rule->lr_offset_thumb : rule->lr_offset_arm);
}

void arm_take_exception(uc_engine *uc, arm_exception_t kind, uint32_t pc)
{
    uint32_t old_cpsr = arm_reg(uc, UC_ARM_REG_CPSR);
    uint32_t sctlr = arm_cp15(uc, CP15_SCTLR);
    uint32_t vbar = arm_cp15(uc, CP15_VBAR);

    /* Switching mode first makes the following LR and SPSR writes hit the target bank. */
    arm_set_reg(uc, UC_ARM_REG_CPSR, arm_exception_cpsr(kind, old_cpsr, sctlr));
    if (kind != ARM_EXC_RESET) {
        arm_set_reg(uc, UC_ARM_REG_SPSR, old_cpsr);
        arm_set_reg(uc, UC_ARM_REG_LR, arm_exception_lr(kind, pc, old_cpsr));
    }
    /* Unicorn sets the Thumb state from bit 0 of a PC write: say what CPSR.T says. */
    uint32_t thumb = (sctlr & SCTLR_TE) ? 1 : 0;
    arm_set_reg(uc, UC_ARM_REG_PC, arm_vector_address(kind, sctlr, vbar) | thumb);
}

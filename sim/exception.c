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

/*
 * One uc_reg_read_batch and one uc_reg_write_batch: an SVC (a system call) comes here
 * every time, and each uc_reg_* call has its own cost in the engine (issue 13). The
 * batch writes go in order: CPSR first switches the register bank, so the SPSR and LR
 * writes that follow hit the target mode's. SCTLR and VBAR are read on every entry, not
 * cached: with no hook on an AArch32 MCR there is no exact point to forget a cached
 * value at (docs/unicorn-notes.md).
 */
void arm_take_exception(uc_engine *uc, arm_exception_t kind, uint32_t pc)
{
    uint32_t old_cpsr = 0;
    uc_arm_cp_reg sctlr = arm_cp15_request(CP15_SCTLR);
    uc_arm_cp_reg vbar = arm_cp15_request(CP15_VBAR);
    int read_ids[] = {UC_ARM_REG_CPSR, UC_ARM_REG_CP_REG, UC_ARM_REG_CP_REG};
    void *read_vals[] = {&old_cpsr, &sctlr, &vbar};
    arm_check(uc_reg_read_batch(uc, read_ids, read_vals, 3), "exception entry: read");

    uint32_t cpsr = arm_exception_cpsr(kind, old_cpsr, (uint32_t)sctlr.val);
    uint32_t lr = arm_exception_lr(kind, pc, old_cpsr);
    /* Unicorn sets the Thumb state from bit 0 of a PC write: say what CPSR.T says. */
    uint32_t thumb = ((uint32_t)sctlr.val & SCTLR_TE) ? 1 : 0;
    uint32_t vector = arm_vector_address(kind, (uint32_t)sctlr.val, (uint32_t)vbar.val) | thumb;
    int write_ids[] = {UC_ARM_REG_CPSR, UC_ARM_REG_SPSR, UC_ARM_REG_LR, UC_ARM_REG_PC};
    void *write_vals[] = {&cpsr, &old_cpsr, &lr, &vector};
    if (kind == ARM_EXC_RESET) { /* no SPSR or LR to set: CPSR, then the PC */
        write_ids[1] = UC_ARM_REG_PC;
        write_vals[1] = &vector;
    }
    arm_check(uc_reg_write_batch(uc, write_ids, write_vals, kind == ARM_EXC_RESET ? 2 : 4),
              "exception entry: write");
}

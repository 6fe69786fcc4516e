/*
 * sim/arm_cpu.c - register access helpers over Unicorn for the ARMv7-A guest.
 * Unicorn exposes CP15 through UC_ARM_REG_CP_REG with an (crn, opc1, crm, opc2)
 * address; the table below names the ones the simulator needs. Partner: arm_cpu.h.
 */
#include "arm_cpu.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct cp15_addr {
    uint8_t crn, opc1, crm, opc2;
} cp15_addr_t;

static const cp15_addr_t cp15_table[CP15_COUNT] = {
    [CP15_SCTLR] = {1, 0, 0, 0},      [CP15_TTBR0] = {2, 0, 0, 0},
    [CP15_TTBR1] = {2, 0, 0, 1},      [CP15_TTBCR] = {2, 0, 0, 2},
    [CP15_DACR] = {3, 0, 0, 0},       [CP15_DFSR] = {5, 0, 0, 0},
    [CP15_IFSR] = {5, 0, 0, 1},       [CP15_DFAR] = {6, 0, 0, 0},
    [CP15_IFAR] = {6, 0, 0, 2},       [CP15_VBAR] = {12, 0, 0, 0},
    [CP15_CONTEXTIDR] = {13, 0, 0, 1}, [CP15_TPIDRURW] = {13, 0, 0, 2},
    [CP15_TPIDRURO] = {13, 0, 0, 3},
};

const char *arm_mode_name(uint32_t cpsr)
{
    switch (cpsr & CPSR_MODE_MASK) {
    case ARM_MODE_USR: return "usr";
    case ARM_MODE_FIQ: return "fiq";
    case ARM_MODE_IRQ: return "irq";
    case ARM_MODE_SVC: return "svc";
    case ARM_MODE_MON: return "mon";
    case ARM_MODE_ABT: return "abt";
    case ARM_MODE_HYP: return "hyp";
    case ARM_MODE_UND: return "und";
    case ARM_MODE_SYS: return "sys";
    default: return "???";
    }
}

bool arm_cpsr_settable(uint32_t cpsr)
{
    switch (cpsr & CPSR_MODE_MASK) {
    case ARM_MODE_USR: case ARM_MODE_FIQ: case ARM_MODE_IRQ: case ARM_MODE_SVC:
    case ARM_MODE_ABT: case ARM_MODE_UND: case ARM_MODE_SYS:
        break;
    default:
        return false;
    }
    if (cpsr & CPSR_J)
        return false;
    bool it = cpsr & (CPSR_IT_LOW_MASK | CPSR_IT_HIGH_MASK);
    return !it || (cpsr & CPSR_T);
}

/* Unicorn only fails these calls for an invalid register id: a simulator bug (arm_cpu.h). */
void arm_check(uc_err err, const char *what)
{
    if (err != UC_ERR_OK) {
        fprintf(stderr, "numbat-sim: internal error: %s: %s\n", what, uc_strerror(err));
        abort();
    }
}

uint32_t arm_reg(uc_engine *uc, int uc_reg)
{
    uint32_t value = 0;
    arm_check(uc_reg_read(uc, uc_reg, &value), "uc_reg_read");
    return value;
}

void arm_set_reg(uc_engine *uc, int uc_reg, uint32_t value)
{
    arm_check(uc_reg_write(uc, uc_reg, &value), "uc_reg_write");
}

uc_arm_cp_reg arm_cp15_request(arm_cp15_t reg)
{
    const cp15_addr_t *a = &cp15_table[reg];
    uc_arm_cp_reg r = {.cp = 15, .crn = a->crn, .opc1 = a->opc1, .crm = a->crm, .opc2 = a->opc2};
    return r;
}

uint32_t arm_cp15(uc_engine *uc, arm_cp15_t reg)
{
    uc_arm_cp_reg r = arm_cp15_request(reg);
    arm_check(uc_reg_read(uc, UC_ARM_REG_CP_REG, &r), "cp15 read");
    return (uint32_t)r.val;
}

void arm_set_cp15(uc_engine *uc, arm_cp15_t reg, uint32_t value)
{
    uc_arm_cp_reg r = arm_cp15_request(reg);
    r.val = value;
    arm_check(uc_reg_write(uc, UC_ARM_REG_CP_REG, &r), "cp15 write");
}

void arm_flush_tlb(uc_engine *uc)
{
    /* TLBIALL (c8, c7, 0): Unicorn runs its write function, which flushes QEMU's TLB. */
    uc_arm_cp_reg r = {.cp = 15, .crn = 8, .opc1 = 0, .crm = 7, .opc2 = 0, .val = 0};
    arm_check(uc_reg_write(uc, UC_ARM_REG_CP_REG, &r), "TLBIALL");
}

void arm_read_core(uc_engine *uc, uint32_t regs[16])
{
    static const int ids[16] = {
        UC_ARM_REG_R0, UC_ARM_REG_R1, UC_ARM_REG_R2,  UC_ARM_REG_R3,
        UC_ARM_REG_R4, UC_ARM_REG_R5, UC_ARM_REG_R6,  UC_ARM_REG_R7,
        UC_ARM_REG_R8, UC_ARM_REG_R9, UC_ARM_REG_R10, UC_ARM_REG_R11,
        UC_ARM_REG_R12, UC_ARM_REG_SP, UC_ARM_REG_LR, UC_ARM_REG_PC,
    };
    for (int i = 0; i < 16; i++)
        regs[i] = arm_reg(uc, ids[i]);
}

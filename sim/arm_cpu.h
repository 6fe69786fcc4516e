/*
 * sim/arm_cpu.h - the guest CPU as the rest of the simulator sees it: a Unicorn
 * engine plus accessors for core and CP15 registers, and names for the ARMv7-A
 * bits the exception model uses. Partners: arm_cpu.c, exception.c.
 */
#ifndef SIM_ARM_CPU_H
#define SIM_ARM_CPU_H

#include <stdbool.h>
#include <stdint.h>
#include <unicorn/unicorn.h>

/* CPSR fields (ARM DDI 0406C, B1.3.3). */
#define CPSR_MODE_MASK 0x1Fu
#define CPSR_T (1u << 5)
#define CPSR_F (1u << 6)
#define CPSR_I (1u << 7)
#define CPSR_A (1u << 8)
#define CPSR_E (1u << 9)
#define CPSR_IT_LOW_MASK (0x3Fu << 10) /* IT[7:2] */
#define CPSR_J (1u << 24)
#define CPSR_IT_HIGH_MASK (0x3u << 25) /* IT[1:0] */

/* Every A32 instruction is 4 bytes. */
#define ARM_INSN_SIZE 4

enum arm_mode {
    ARM_MODE_USR = 0x10,
    ARM_MODE_FIQ = 0x11,
    ARM_MODE_IRQ = 0x12,
    ARM_MODE_SVC = 0x13,
    ARM_MODE_MON = 0x16,
    ARM_MODE_ABT = 0x17,
    ARM_MODE_HYP = 0x1A,
    ARM_MODE_UND = 0x1B,
    ARM_MODE_SYS = 0x1F,
};

/* SCTLR fields used by exception entry and translation. */
#define SCTLR_M (1u << 0)
#define SCTLR_A (1u << 1)
#define SCTLR_V (1u << 13)
#define SCTLR_EE (1u << 25)
#define SCTLR_TE (1u << 30)

/* CP15 registers the simulator reads or writes, named by (CRn, opc1, CRm, opc2). */
typedef enum arm_cp15 {
    CP15_SCTLR,
    CP15_TTBR0,
    CP15_TTBR1,
    CP15_TTBCR,
    CP15_DACR,
    CP15_DFSR,
    CP15_IFSR,
    CP15_DFAR,
    CP15_IFAR,
    CP15_VBAR,
    CP15_CONTEXTIDR,
    CP15_TPIDRURW,
    CP15_TPIDRURO,
    CP15_COUNT
} arm_cp15_t;

const char *arm_mode_name(uint32_t cpsr);
/*
 * True if the CPU may be put in this CPSR from outside (a debugger's write): the
 * mode is usr, fiq, irq, svc, abt, und or sys (this board has no Monitor or Hyp
 * mode), J is clear (no Jazelle or ThumbEE state) and the IT bits are clear in ARM
 * state. Anything else is UNPREDICTABLE or unsupported, and Unicorn 2.0.1 aborts
 * the whole process on an invalid mode written while in User mode.
 */
bool arm_cpsr_settable(uint32_t cpsr);
/* Unicorn fails register accesses only for an invalid register id: a simulator bug,
 * reported with `what` before aborting. */
void arm_check(uc_err err, const char *what);
uint32_t arm_reg(uc_engine *uc, int uc_reg);
void arm_set_reg(uc_engine *uc, int uc_reg, uint32_t value);
uint32_t arm_cp15(uc_engine *uc, arm_cp15_t reg);
void arm_set_cp15(uc_engine *uc, arm_cp15_t reg, uint32_t value);
/* The UC_ARM_REG_CP_REG request for `reg` (value 0), for uc_reg_read_batch. */
uc_arm_cp_reg arm_cp15_request(arm_cp15_t reg);
/* Drops every translation the CPU caches (QEMU's TLB), as the guest's TLBIALL does;
 * needed after the page tables or the CPU state were put back by a checkpoint. */
void arm_flush_tlb(uc_engine *uc);
/* r0..r15 of the current mode into regs[]. */
void arm_read_core(uc_engine *uc, uint32_t regs[16]);

#endif

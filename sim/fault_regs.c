/*
 * sim/fault_regs.c - DFAR/DFSR and IFAR/IFSR for aborts Unicorn reports without
 * them. A data abort is explained by decoding the instruction at the PC
 * (a32_access) and walking each address it touches (mmu_walk); the first one that
 * faults is what the architecture reports. When the walk finds no fault (the
 * abort came from something the walk does not model) the status says "external
 * abort", which is what a real bus error looks like. Partners: fault_regs.h,
 * docs/abort-decoding.md.
 */
#include "fault_regs.h"

#include "a32_access.h"
#include "arm_cpu.h"
#include "guest_mem.h"

#define ARM_PC_READ_OFFSET 8
#define FS_DEBUG_EVENT 0x02u

static mmu_pl_t current_pl(sim_board_t *board)
{
    uint32_t mode = arm_reg(board->uc, UC_ARM_REG_CPSR) & CPSR_MODE_MASK;
    return mode == ARM_MODE_USR ? MMU_PL0 : MMU_PL1;
}

static void set_data_fault(sim_board_t *board, uint32_t far, uint32_t fsr)
{
    arm_set_cp15(board->uc, CP15_DFAR, far);
    arm_set_cp15(board->uc, CP15_DFSR, fsr);
}

void fault_regs_data_abort(sim_board_t *board, uint32_t pc)
{
    uint32_t regs[16], insn;
    a32_access_t acc;
    arm_read_core(board->uc, regs);
    regs[15] = pc + ARM_PC_READ_OFFSET;
    bool carry = arm_reg(board->uc, UC_ARM_REG_CPSR) & (1u << 29);
    if (!sim_board_read_virt(board, pc, &insn, sizeof(insn)) ||
        !a32_decode_access_c(insn, regs, carry, &acc)) {
        set_data_fault(board, 0, mmu_fsr_encode(MMU_FAULT_EXTERNAL, 0, 0, MMU_ACCESS_READ));
        return;
    }
    mmu_data_access_t access = {
        .start = acc.start,
        .length = acc.length,
        .elem_size = acc.elem_size,
        .align_always = acc.align_always,
        .is_read = acc.is_read,
        .is_write = acc.is_write,
        .is_hint = acc.is_hint,
    };
    mmu_pl_t pl = acc.unprivileged ? MMU_PL0 : current_pl(board);
    mmu_state_t mmu = guest_mmu_state(board);
    mmu_abort_t abort;
    if (mmu_data_abort(&mmu, &access, pl, &abort))
        set_data_fault(board, abort.far, abort.fsr);
    else
        set_data_fault(board, acc.first_addr,
                       mmu_fsr_encode(MMU_FAULT_EXTERNAL, 0, 0,
                                      acc.is_write && !acc.is_read ? MMU_ACCESS_WRITE
                                                                   : MMU_ACCESS_READ));
}

void fault_regs_prefetch_abort(sim_board_t *board, uint32_t pc)
{
    mmu_state_t mmu = guest_mmu_state(board);
    mmu_abort_t abort;
    if (!mmu_prefetch_abort(&mmu, pc, current_pl(board), &abort)) {
        abort.far = pc;
        abort.fsr = mmu_fsr_encode(MMU_FAULT_EXTERNAL, 0, 0, MMU_ACCESS_EXECUTE);
    }
    arm_set_cp15(board->uc, CP15_IFAR, abort.far);
    arm_set_cp15(board->uc, CP15_IFSR, abort.fsr);
}

void fault_regs_breakpoint(sim_board_t *board, uint32_t pc)
{
    (void)pc;
    /* BKPT is a debug event reported as a prefetch abort; IFAR is left as it was. */
    arm_set_cp15(board->uc, CP15_IFSR, FS_DEBUG_EVENT);
}

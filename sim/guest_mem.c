/*
 * sim/guest_mem.c - virtual reads of guest memory. Unicorn 2.0.1's uc_mem_read
 * takes physical addresses, so the simulator walks the guest's page tables itself
 * (mmu_walk.c) and reads the result physically. Partner: guest_mem.h.
 */
#include "guest_mem.h"

#include <string.h>

#include "arm_cpu.h"

static bool read_phys32(void *ctx, uint32_t paddr, uint32_t *value)
{
    sim_board_t *board = ctx;
    return uc_mem_read(board->uc, paddr, value, sizeof(*value)) == UC_ERR_OK;
}

mmu_state_t guest_mmu_state(sim_board_t *board)
{
    uc_engine *uc = board->uc;
    return (mmu_state_t){
        .sctlr = arm_cp15(uc, CP15_SCTLR),
        .ttbr0 = arm_cp15(uc, CP15_TTBR0),
        .ttbr1 = arm_cp15(uc, CP15_TTBR1),
        .ttbcr = arm_cp15(uc, CP15_TTBCR),
        .dacr = arm_cp15(uc, CP15_DACR),
        .prrr = 0, /* only read with SCTLR.TRE set, which Numbat never sets */
        .read32 = read_phys32,
        .mem_ctx = board,
    };
}

bool sim_board_read_virt(sim_board_t *board, uint32_t va, void *buf, size_t len)
{
    mmu_state_t mmu = guest_mmu_state(board);
    uint8_t *out = buf;
    while (len > 0) {
        mmu_result_t r;
        /* A privileged read sees everything mapped that the kernel could read. */
        if (!mmu_translate(&mmu, va, MMU_ACCESS_READ, MMU_PL1, &r) || r.paddr > UINT32_MAX)
            return false;
        size_t chunk = 0x1000 - (va & 0xFFF);
        if (chunk > len)
            chunk = len;
        if (uc_mem_read(board->uc, (uint32_t)r.paddr, out, chunk) != UC_ERR_OK)
            return false;
        va += (uint32_t)chunk;
        out += chunk;
        len -= chunk;
    }
    return true;
}

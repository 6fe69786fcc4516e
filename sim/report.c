/*
 * sim/report.c - the crash report: every core register, the mode, SPSR, the fault
 * registers, and the ELF symbol nearest the PC and LR. Printed when a run ends in
 * a panic, lockup or crash. Partner: board.h.
 */
#include "arm_cpu.h"
#include "board_internal.h"

static void print_symbol(const sim_board_t *board, FILE *out, const char *label, uint32_t addr)
{
    uint32_t offset = 0;
    const elf_symbol_t *sym = board->image ? elf_image_symbol_at(board->image, addr, &offset) : NULL;
    if (sym)
        fprintf(out, "  %s 0x%08x is %s+0x%x\n", label, addr, sym->name, offset);
    else
        fprintf(out, "  %s 0x%08x has no symbol\n", label, addr);
}

void sim_board_report(sim_board_t *board, FILE *out)
{
    uc_engine *uc = board->uc;
    uint32_t r[16];
    arm_read_core(uc, r);
    uint32_t cpsr = arm_reg(uc, UC_ARM_REG_CPSR);
    bool has_spsr = (cpsr & CPSR_MODE_MASK) != ARM_MODE_USR && (cpsr & CPSR_MODE_MASK) != ARM_MODE_SYS;

    fprintf(out, "--- guest state after %llu instructions ---\n",
            (unsigned long long)board->clock.now);
    for (int i = 0; i < 16; i += 4)
        fprintf(out, "  r%-2d %08x  r%-2d %08x  r%-2d %08x  r%-2d %08x\n", i, r[i], i + 1, r[i + 1],
                i + 2, r[i + 2], i + 3, r[i + 3]);
    fprintf(out, "  cpsr %08x (mode %s, %s%s%s)", cpsr, arm_mode_name(cpsr),
            (cpsr & CPSR_I) ? "I" : "-", (cpsr & CPSR_F) ? "F" : "-", (cpsr & CPSR_T) ? " thumb" : "");
    if (has_spsr)
        fprintf(out, "  spsr %08x (mode %s)", arm_reg(uc, UC_ARM_REG_SPSR),
                arm_mode_name(arm_reg(uc, UC_ARM_REG_SPSR)));
    fputc('\n', out);
    fprintf(out, "  dfsr %08x  dfar %08x  ifsr %08x  ifar %08x\n", arm_cp15(uc, CP15_DFSR),
            arm_cp15(uc, CP15_DFAR), arm_cp15(uc, CP15_IFSR), arm_cp15(uc, CP15_IFAR));
    fprintf(out, "  sctlr %08x  ttbr0 %08x  vbar %08x\n", arm_cp15(uc, CP15_SCTLR),
            arm_cp15(uc, CP15_TTBR0), arm_cp15(uc, CP15_VBAR));
    print_symbol(board, out, "pc", r[15]);
    print_symbol(board, out, "lr", r[14]);
}

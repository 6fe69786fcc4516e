/*
 * sim/fault_regs.h - filling DFAR/DFSR and IFAR/IFSR before an abort is entered,
 * since Unicorn 2.0.1 leaves them untouched. Built on a32_access (which addresses
 * an instruction touches) and mmu_walk (which of them faults, and how).
 * Partners: fault_regs.c, run.c (calls it before entering an abort), guest_mem.c,
 * docs/abort-decoding.md.
 */
#ifndef SIM_FAULT_REGS_H
#define SIM_FAULT_REGS_H

#include "board_internal.h"

/* For a data abort raised by the instruction at pc. */
void fault_regs_data_abort(sim_board_t *board, uint32_t pc);
/* For a prefetch abort on the instruction fetch at pc. */
void fault_regs_prefetch_abort(sim_board_t *board, uint32_t pc);
/* For a BKPT instruction at pc: a prefetch abort reporting a debug event. */
void fault_regs_breakpoint(sim_board_t *board, uint32_t pc);

#endif

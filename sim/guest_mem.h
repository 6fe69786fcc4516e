/*
 * sim/guest_mem.h - guest memory as the CPU sees it: the translation state taken
 * from CP15 and physical reads through Unicorn. Used for reading instructions at
 * a virtual PC, fault registers, traces and the debugger.
 * Partners: guest_mem.c, mmu_walk.h, fault_regs.c, debug.c, gdbstub.c.
 */
#ifndef SIM_GUEST_MEM_H
#define SIM_GUEST_MEM_H

#include "board_internal.h"
#include "mmu_walk.h"

/* The walker's view of the current translation regime. */
mmu_state_t guest_mmu_state(sim_board_t *board);

#endif

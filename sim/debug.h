/*
 * sim/debug.h - the board's debugging support as the rest of sim/ sees it; the
 * public calls (breakpoints, sim_board_resume) are in board.h. Partners: debug.c,
 * gdbstub.c (which patches guest code through board_forget_code).
 */
#ifndef SIM_DEBUG_H
#define SIM_DEBUG_H

#include "board_internal.h"

/* Drops translated code at virtual [va, va+len), so hooks added there fire and
 * patched bytes are read again. Returns SIM_OK or SIM_ERR_CODE_CACHE. */
sim_error_t board_forget_code(sim_board_t *board, uint32_t va, uint32_t len);
/* True when a breakpoint is set at virtual address addr. */
bool board_has_breakpoint(const sim_board_t *board, uint32_t addr);
/* After a checkpoint was put back (checkpoint.c): flushes the TLB, and drops code
 * translated from the given RAM pages (indices from the RAM base), whose bytes changed. */
void board_forget_phys_code(sim_board_t *board, const uint32_t *pages, size_t count);
/* Drops the code translated from all of RAM (watch.c). */
void board_forget_all_code(sim_board_t *board);
/* Before a continue (watch.c): with no watchpoint left, the memory hooks go and code
 * is translated without them again. */
void board_watch_reconcile(sim_board_t *board);

#endif

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

#endif

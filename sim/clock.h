/*
 * sim/clock.h - virtual time on the board: the retired instruction count, the
 * devices brought up to it, and the deadline at which the block hook stops the CPU.
 * clock.c and the block counting inline below are all that move the clock. Partners:
 * clock.c, run.c (the main loop that drives it), board.c (device writes and input
 * move deadlines).
 */
#ifndef SIM_CLOCK_H
#define SIM_CLOCK_H

#include "arm_cpu.h"
#include "board_internal.h"

/* Brings every device up to clock.now: timers expire, interrupt lines move. */
void board_advance_devices(sim_board_t *board);
/* The next time something happens by itself: a device event or --max-insns. */
sim_time_t board_next_event(const sim_board_t *board);
/* Recomputes board->deadline: the next event, or sooner for a debugger or the
 * visualizer (slice_cap, stop_at). */
void board_update_deadline(sim_board_t *board);
/* Ends the run once --max-insns instructions have run. */
void board_check_limit(sim_board_t *board);

/*
 * How far the clock moves when a block of `size` bytes runs to its end. An A32 block
 * of n bytes retires n/4 instructions if it runs to its end. Thumb code (libgcc's
 * helpers) is counted the same way, by its bytes, with the bytes short of a whole 4
 * carried over (clock_bytes), so a block counts the same whole or in pieces: stepping
 * through it gives the count running through it gives. Inline, with board_count_block:
 * the block hook runs them for every block (about 34 per system call, issue 13).
 */
static inline unsigned board_block_insns(const sim_board_t *board, uint32_t size)
{
    return (unsigned)((board->clock_bytes + size) / ARM_INSN_SIZE);
}

/* The block hook: the block of `size` bytes at `address` is about to run. */
static inline void board_count_block(sim_board_t *board, uint32_t address, uint32_t size)
{
    board->block_icount = board->clock.now;
    board->clock.now += board_block_insns(board, size);
    board->clock_bytes = (board->clock_bytes + size) % ARM_INSN_SIZE;
    board->block_start = address;
    board->block_end = address + size;
}
/* A debugging stop at pc inside the block counted last: its unrun instructions
 * are given back. */
void board_uncount_rest_of_block(sim_board_t *board, uint32_t pc);
/* WFI: time jumps to `wake` (never backwards). */
void board_skip_to(sim_board_t *board, sim_time_t wake);

#endif

/*
 * sim/checkpoint.h - the board's history: periodic checkpoints of the whole machine
 * (CPU context, guest RAM as page deltas, every device, console and trace positions,
 * the clock), taken at block boundaries every `interval` instructions, and put back
 * on request. Going back in time is a restore plus a deterministic replay
 * (timetravel.c). Partners: checkpoint.c, timetravel.c, run.c (the tick), clock.c (the
 * next checkpoint is a deadline), docs/time-travel.md.
 */
#ifndef SIM_CHECKPOINT_H
#define SIM_CHECKPOINT_H

#include "board_internal.h"

/* Starts the history with a checkpoint of the board as it is now (after loading).
 * NULL when out of memory. */
sim_history_t *sim_history_create(sim_board_t *board, uint64_t interval);
void sim_history_destroy(sim_history_t *history);
/* When the next checkpoint is due (SIM_NEVER without a history). */
sim_time_t sim_history_next(const sim_history_t *history);
/* Between two passes of the main loop, at a block boundary: takes the checkpoint
 * that is due, or, replaying, moves past one taken before. */
void sim_history_tick(sim_board_t *board);
/* How many checkpoints there are, and when checkpoint i was taken. */
size_t sim_history_count(const sim_history_t *history);
sim_time_t sim_history_icount(const sim_history_t *history, size_t i);
uint32_t sim_history_pc(const sim_history_t *history, size_t i);
/* The last checkpoint taken before `icount` (strictly), or 0. */
size_t sim_history_before(const sim_history_t *history, sim_time_t icount);
/* Puts the whole machine back as it was at checkpoint i. */
void sim_history_restore(sim_board_t *board, size_t i);
/* The machine was changed by hand (a debugger wrote registers or memory): the
 * checkpoints after now no longer describe its future. */
void sim_history_forget_future(sim_board_t *board);

/* Keeps the history's memory under `bytes` (0: no limit) by dropping old checkpoints. */
void sim_history_set_limit(sim_history_t *history, size_t bytes);

sim_history_stats_t sim_history_stats(const sim_history_t *history);

#endif

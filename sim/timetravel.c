/*
 * sim/timetravel.c - going back in time: restore a checkpoint (checkpoint.c), then
 * replay deterministically to the exact point wanted.
 *
 * A point in a run is a position: the instruction count and the PC where the CPU
 * resumes (an interrupt entry takes no instruction, so the count alone does not tell
 * "before" from "after" it). Reaching a position: restore the last checkpoint before
 * it, run without hooks to the last block boundary at or before its count
 * (precise_stop: the block hook refuses a block that would pass it), then single-step
 * the few instructions left. Going back one step replays the stretch before the
 * current position once to learn the position before it, then goes there. A reverse
 * search (breakpoint, exception entry) replays checkpoint intervals from the newest
 * back until one has a hit, and goes to the last hit.
 * Partners: board.h (the API), checkpoint.c, debug.c (steps, breakpoints), run.c
 * (precise_stop, noted entries), gdbstub.c (bs, bc), docs/time-travel.md.
 */
#include "checkpoint.h"
#include "clock.h"
#include "debug.h"

typedef struct position {
    sim_time_t icount;
    uint32_t pc;
} position_t;

typedef enum search_kind { SEARCH_BREAKPOINT, SEARCH_ENTRY } search_kind_t;

static position_t here(const sim_board_t *board)
{
    return (position_t){board->clock.now, board->next_pc};
}

static bool same(position_t a, position_t b)
{
    return a.icount == b.icount && a.pc == b.pc;
}

static bool ended(const sim_board_t *board)
{
    return board->stop == STOP_EXIT;
}

/* Runs with no debugging stops to the last block boundary at or before icount. */
static void run_to_boundary(sim_board_t *board, sim_time_t icount)
{
    board->precise_stop = icount;
    board_update_deadline(board);
    while (!ended(board) && board->clock.now < icount) {
        board_run_once(board);
        if (board->stop == STOP_PRECISE)
            break;
    }
    board->precise_stop = SIM_NEVER;
    board_update_deadline(board);
}

static void step_once(sim_board_t *board)
{
    (void)sim_board_resume(board, true, NULL, NULL);
}

/* Replays from checkpoint c and steps until position `to`; false if it never comes. */
static bool replay_to(sim_board_t *board, size_t c, position_t to)
{
    sim_history_restore(board, c);
    run_to_boundary(board, to.icount);
    while (!same(here(board), to) && board->clock.now <= to.icount && !ended(board))
        step_once(board);
    return same(here(board), to);
}

/* Goes to a position of this timeline, from the last checkpoint at or before it. */
static bool go_to(sim_board_t *board, position_t to)
{
    sim_history_t *h = board->history;
    size_t c = sim_history_before(h, to.icount + 1);
    for (;;) {
        if (replay_to(board, c, to))
            return true;
        if (c == 0)
            return false;
        c--; /* the position came before that checkpoint, at the same count */
    }
}

sim_travel_t sim_board_travel_to(sim_board_t *board, uint64_t icount)
{
    sim_history_t *h = board->history;
    if (!h)
        return SIM_TRAVEL_NO_HISTORY;
    size_t c = sim_history_before(h, icount + 1);
    sim_history_restore(board, c);
    run_to_boundary(board, icount);
    while (board->clock.now < icount && !ended(board))
        step_once(board);
    return icount < sim_history_icount(h, 0) ? SIM_TRAVEL_HISTORY_START : SIM_TRAVEL_OK;
}

/*
 * From checkpoint c, steps towards `end` and says how many steps the position just
 * before it takes (*steps). Returns false when end is not reached from c.
 */
static bool count_steps_before(sim_board_t *board, size_t c, position_t end, unsigned long *steps)
{
    sim_history_restore(board, c);
    if (end.icount > board->clock.now)
        run_to_boundary(board, end.icount - 1);
    unsigned long n = 0;
    for (;;) {
        if (same(here(board), end))
            break;
        if (board->clock.now > end.icount || ended(board))
            return false;
        step_once(board);
        n++;
    }
    if (n == 0)
        return false; /* end is checkpoint c itself: look before it */
    *steps = n - 1;
    return true;
}

sim_travel_t sim_board_reverse_step(sim_board_t *board)
{
    sim_history_t *h = board->history;
    if (!h)
        return SIM_TRAVEL_NO_HISTORY;
    position_t start = here(board);
    size_t c = sim_history_before(h, start.icount + 1);
    unsigned long steps = 0;
    while (!count_steps_before(board, c, start, &steps)) {
        if (c == 0) {
            sim_history_restore(board, 0);
            return SIM_TRAVEL_HISTORY_START;
        }
        c--;
    }
    sim_history_restore(board, c);
    if (start.icount > board->clock.now)
        run_to_boundary(board, start.icount - 1);
    for (unsigned long i = 0; i < steps; i++)
        step_once(board);
    return SIM_TRAVEL_OK;
}

/* Stops sim_board_resume after each pass of the loop. */
static bool after_one_pass(void *ctx)
{
    (void)ctx;
    return true;
}

/* One pass of a breakpoint search: run to the next breakpoint or boundary. */
static bool search_breakpoint_pass(sim_board_t *board, position_t end, bool *fast)
{
    if (*fast) {
        board->precise_stop = end.icount;
        sim_stop_t s = sim_board_resume(board, false, after_one_pass, NULL);
        board->precise_stop = SIM_NEVER;
        board_update_deadline(board);
        if (board->stop == STOP_PRECISE || board->clock.now >= end.icount)
            *fast = false;
        return s == SIM_STOP_BREAKPOINT;
    }
    step_once(board);
    return board_has_breakpoint(board, board->next_pc);
}

/*
 * Replays checkpoint c up to `end` and finds the last breakpoint reached, or the last
 * exception entry, before it. True with *hit set when there is one.
 */
static bool scan_interval(sim_board_t *board, size_t c, position_t end, search_kind_t kind,
                          position_t *hit)
{
    sim_history_restore(board, c);
    bool found = false;
    if (kind == SEARCH_BREAKPOINT && board_has_breakpoint(board, board->next_pc) &&
        !same(here(board), end)) {
        *hit = here(board);
        found = true;
    }
    board->note_entries = kind == SEARCH_ENTRY;
    board->noted = false;
    board->note_before_icount = end.icount;
    board->note_before_pc = end.pc;
    bool fast = board->clock.now < end.icount;
    while (!same(here(board), end) && board->clock.now <= end.icount && !ended(board)) {
        if (kind == SEARCH_ENTRY) {
            if (fast)
                run_to_boundary(board, end.icount);
            else
                step_once(board);
            fast = false;
            continue;
        }
        if (search_breakpoint_pass(board, end, &fast) && !same(here(board), end) &&
            board->clock.now <= end.icount) {
            *hit = here(board);
            found = true;
        }
    }
    board->note_entries = false;
    if (kind == SEARCH_ENTRY && board->noted) {
        *hit = (position_t){board->noted_icount, board->noted_pc};
        found = true;
    }
    return found;
}

static sim_travel_t reverse_search(sim_board_t *board, search_kind_t kind)
{
    sim_history_t *h = board->history;
    if (!h)
        return SIM_TRAVEL_NO_HISTORY;
    position_t end = here(board);
    size_t c = sim_history_before(h, end.icount + 1);
    if (same(end, (position_t){sim_history_icount(h, c), sim_history_pc(h, c)}) && c > 0)
        c--; /* standing on a checkpoint: its interval has nothing before us */
    for (;;) {
        position_t hit;
        if (scan_interval(board, c, end, kind, &hit)) {
            if (go_to(board, hit))
                return SIM_TRAVEL_OK;
        }
        if (c == 0) {
            sim_history_restore(board, 0);
            return SIM_TRAVEL_HISTORY_START;
        }
        end = (position_t){sim_history_icount(h, c), sim_history_pc(h, c)};
        c--;
    }
}

sim_travel_t sim_board_reverse_continue(sim_board_t *board)
{
    return reverse_search(board, SEARCH_BREAKPOINT);
}

sim_travel_t sim_board_reverse_to_entry(sim_board_t *board)
{
    return reverse_search(board, SEARCH_ENTRY);
}

bool sim_board_keep_history(sim_board_t *board, uint64_t interval)
{
    if (board->history)
        return true;
    board->history = sim_history_create(board, interval);
    board_update_deadline(board);
    return board->history != NULL;
}

void sim_board_history_changed(sim_board_t *board)
{
    sim_history_forget_future(board);
}

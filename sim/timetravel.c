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
    board->watch_stopped = false;
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

/*
 * What a reverse search found: a breakpoint (the machine before its instruction), a
 * watched access (the machine just after the instruction that made it), or a watched
 * access somewhere in a block, from `at` to `until`, not yet pinned down.
 */
typedef enum hit_kind { HIT_BREAKPOINT, HIT_WATCH, HIT_WATCH_BLOCK } hit_kind_t;

typedef struct hit {
    hit_kind_t kind;
    position_t at, until;
    uint32_t addr;
    sim_watch_kind_t watch;
} hit_t;

static hit_t watch_hit(hit_kind_t kind, position_t at, position_t until, const sim_board_t *board)
{
    return (hit_t){kind, at, until, board->watch_addr, board->watch_kind};
}

/* One pass of a breakpoint search: run to the next breakpoint, watched access or
 * boundary, noting what was reached in *hit (the later one when both were). */
static bool search_breakpoint_pass(sim_board_t *board, position_t end, bool *fast, hit_t *hit)
{
    bool found = false;
    if (*fast) {
        board->precise_stop = end.icount;
        (void)sim_board_resume(board, false, after_one_pass, NULL);
        board->precise_stop = SIM_NEVER;
        board_update_deadline(board);
        if (board->stop == STOP_PRECISE || board->clock.now >= end.icount)
            *fast = false;
        if (board->watch_seen) {
            position_t from = {board->watch_block_icount, board->watch_block_pc};
            *hit = watch_hit(HIT_WATCH_BLOCK, from, here(board), board);
            found = true;
        }
    } else {
        step_once(board);
        if (board->watch_seen) {
            *hit = watch_hit(HIT_WATCH, here(board), here(board), board);
            found = true;
        }
    }
    /* Any stop may sit on a breakpoint (one reached, or a boundary that is one): the
       next pass steps over it, so it is noted now. */
    if (board->stop != STOP_EXIT && board_has_breakpoint(board, board->next_pc) &&
        !same(here(board), end) && board->clock.now <= end.icount) {
        *hit = (hit_t){HIT_BREAKPOINT, here(board), here(board), 0, 0};
        found = true;
    }
    return found;
}

/*
 * Replays checkpoint c up to `end` and finds the last breakpoint or watched access
 * reached, or the last exception entry, before it. True with *hit set when there is one.
 */
static bool scan_interval(sim_board_t *board, size_t c, position_t end, search_kind_t kind,
                          hit_t *hit)
{
    sim_history_restore(board, c);
    bool found = false;
    if (kind == SEARCH_BREAKPOINT && board_has_breakpoint(board, board->next_pc) &&
        !same(here(board), end)) {
        *hit = (hit_t){HIT_BREAKPOINT, here(board), here(board), 0, 0};
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
        if (search_breakpoint_pass(board, end, &fast, hit))
            found = true;
    }
    board->note_entries = false;
    if (kind == SEARCH_ENTRY && board->noted) {
        position_t at = {board->noted_icount, board->noted_pc};
        *hit = (hit_t){HIT_BREAKPOINT, at, at, 0, 0};
        found = true;
    }
    return found;
}

/* A watched access somewhere in a block: steps through it (not past `end`) to the
 * machine just after the last one. */
static bool pin_down(sim_board_t *board, hit_t *hit, position_t end)
{
    if (hit->kind != HIT_WATCH_BLOCK)
        return true;
    if (!go_to(board, hit->at))
        return false;
    bool found = false;
    while (!same(here(board), hit->until) && !same(here(board), end) &&
           board->clock.now <= end.icount && !ended(board)) {
        step_once(board);
        if (board->watch_seen) {
            *hit = watch_hit(HIT_WATCH, here(board), here(board), board);
            found = true;
        }
    }
    return found;
}

static sim_travel_t reverse_search(sim_board_t *board, search_kind_t kind)
{
    sim_history_t *h = board->history;
    if (!h)
        return SIM_TRAVEL_NO_HISTORY;
    board->watch_stopped = false;
    position_t end = here(board);
    size_t c = sim_history_before(h, end.icount + 1);
    if (same(end, (position_t){sim_history_icount(h, c), sim_history_pc(h, c)}) && c > 0)
        c--; /* standing on a checkpoint: its interval has nothing before us */
    for (;;) {
        hit_t hit;
        if (scan_interval(board, c, end, kind, &hit) && pin_down(board, &hit, end) &&
            go_to(board, hit.at)) {
            if (hit.kind == HIT_WATCH) {
                board->watch_stopped = true;
                board->watch_addr = hit.addr;
                board->watch_kind = hit.watch;
            }
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

sim_travel_t sim_board_watch_settle(sim_board_t *board)
{
    if (!board->history)
        return SIM_TRAVEL_NO_HISTORY;
    position_t stop = here(board);
    position_t from = {board->watch_block_icount, board->watch_block_pc};
    uint32_t addr = board->watch_addr;
    sim_watch_kind_t watch = board->watch_kind;
    if (go_to(board, from)) {
        for (;;) {
            position_t before = here(board);
            if (same(before, stop) || before.icount > stop.icount || ended(board))
                break; /* not found again: stay at the stop */
            step_once(board);
            if (board->watch_seen) {
                addr = board->watch_addr;
                watch = board->watch_kind;
                stop = before;
                break;
            }
        }
    }
    go_to(board, stop);
    board->watch_stopped = true;
    board->watch_addr = addr;
    board->watch_kind = watch;
    return SIM_TRAVEL_OK;
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

void sim_board_limit_history(sim_board_t *board, size_t bytes)
{
    if (board->history)
        sim_history_set_limit(board->history, bytes);
}

void sim_board_history_changed(sim_board_t *board)
{
    sim_history_forget_future(board);
}

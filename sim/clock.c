/*
 * sim/clock.c - virtual time. Time is the retired instruction count: the block hook
 * adds each translated block's instructions before it runs, a WFI jumps to the next
 * device deadline, and the devices are brought up to the count when the loop or a
 * register access asks. Partners: clock.h, run.c, board.c, device.h (the deadlines).
 */
#include "clock.h"

#include "arm_cpu.h"
#include "checkpoint.h"

void board_advance_devices(sim_board_t *board)
{
    for (size_t i = 0; i < board->window_count; i++) {
        const sim_device_t *d = &board->windows[i].dev;
        if (d->ops->advance)
            d->ops->advance(d->self);
    }
}

static sim_time_t next_device_deadline(const sim_board_t *board)
{
    sim_time_t next = SIM_NEVER;
    for (size_t i = 0; i < board->window_count; i++) {
        const sim_device_t *d = &board->windows[i].dev;
        if (d->ops->next_deadline) {
            sim_time_t t = d->ops->next_deadline(d->self);
            if (t < next)
                next = t;
        }
    }
    return next;
}

sim_time_t board_next_event(const sim_board_t *board)
{
    sim_time_t next = next_device_deadline(board);
    if (board->options.max_insns && board->options.max_insns < next)
        next = board->options.max_insns;
    return next;
}

void board_update_deadline(sim_board_t *board)
{
    sim_time_t next = board_next_event(board);
    /* A debugger gets control back this often, to see its Ctrl-C; such an extra
       stop falls between blocks, where nothing the guest can see happens. */
    if (board->slice_cap && board->clock.now + board->slice_cap < next)
        next = board->clock.now + board->slice_cap;
    if (board->stop_at && board->stop_at < next)
        next = board->stop_at;
    /* Time travel: a precise stop, the next checkpoint, input a replay gives again. */
    if (board->precise_stop < next)
        next = board->precise_stop;
    sim_time_t checkpoint = sim_history_next(board->history);
    if (checkpoint < next)
        next = checkpoint;
    if (board->input_pos < board->input_count && board->inputs[board->input_pos].at < next)
        next = board->inputs[board->input_pos].at;
    board->deadline = next;
}

void board_check_limit(sim_board_t *board)
{
    if (board->options.max_insns && board->clock.now >= board->options.max_insns)
        board_exit(board, SIM_EXIT_INSN_LIMIT, 0, "--max-insns %llu reached",
                   (unsigned long long)board->options.max_insns);
}

void board_uncount_rest_of_block(sim_board_t *board, uint32_t pc)
{
    if (pc >= board->block_start && pc < board->block_end) {
        uint64_t bytes = board->clock.now * ARM_INSN_SIZE + board->clock_bytes - (board->block_end - pc);
        board->clock.now = bytes / ARM_INSN_SIZE;
        board->clock_bytes = (unsigned)(bytes % ARM_INSN_SIZE);
    }
}

void board_skip_to(sim_board_t *board, sim_time_t wake)
{
    if (wake > board->clock.now) {
        board->clock.now = wake;
        board->clock_bytes = 0;
    }
}

uint64_t sim_board_icount(const sim_board_t *board)
{
    return board->clock.now;
}

void sim_board_stop_at(sim_board_t *board, uint64_t icount)
{
    board->stop_at = icount;
    board_update_deadline(board);
}

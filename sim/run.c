/*
 * sim/run.c - the simulator's main loop and the Unicorn hooks it relies on.
 *
 * The loop, step by step (the event model of the whole simulator):
 *  1. Devices are brought up to the clock, and the next deadline is computed: the
 *     earliest device event (a timer expiring), or the --max-insns limit (clock.c).
 *  2. If the GIC asserts IRQ and CPSR.I is clear, the IRQ exception is taken.
 *  3. The CPU runs. Virtual time advances only in the block hook, by the number of
 *     instructions in each translated block about to run (clock.c), so time is the
 *     retired instruction count and every run of the same image is identical.
 *     Unicorn returns when:
 *       - the block hook sees the deadline reached, or an IRQ to deliver (it stops
 *         before that block runs, so nothing is lost or repeated);
 *       - a device or the fault code ends the run (halt, reboot, panic, crash);
 *       - the undefined-instruction hook has taken the exception (it stops the
 *         CPU; we just resume at the vector);
 *       - the guest executes WFI (Unicorn returns OK, PC past the WFI);
 *       - emulation fails (an instruction fetch from a device, say): a crash.
 *  4. WFI with nothing pending jumps the clock to the next deadline, so an idle
 *     guest costs no host time; with no deadline at all the guest can never wake
 *     and the run ends as a lockup.
 * Exceptions other than IRQ are entered from the interrupt hook, inside the run.
 * Debugging (debug.c: breakpoints, steps, sim_board_resume) runs this same loop one
 * pass at a time (board_run_once); here the block hook ends a step, and a stop inside
 * a block gives its unrun instructions back (docs/gdb.md).
 * Partners: clock.c (virtual time), debug.c, board.c (construction), exception.c
 * (exception entry), fault_regs.c.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../trace/names.h"
#include "board_internal.h"
#include "checkpoint.h"
#include "clock.h"
#include "exception.h"
#include "fault_regs.h"

/* The Unicorn (QEMU) exception numbers the interrupt hook receives. */
enum {
    UC_EXCP_UDEF = 1,
    UC_EXCP_SWI = 2,
    UC_EXCP_PREFETCH_ABORT = 3,
    UC_EXCP_DATA_ABORT = 4,
    UC_EXCP_BKPT = 7,
};

#define A32_WFI_MASK 0x0FFFFFFFu
#define A32_WFI 0x0320F003u

static bool irq_deliverable(sim_board_t *board)
{
    return gic_cpu_irq_asserted(board->gic) &&
           !(arm_reg(board->uc, UC_ARM_REG_CPSR) & CPSR_I);
}

void board_stop_cpu(sim_board_t *board, stop_cause_t cause)
{
    board->stop = cause;
    /* Unicorn 2.0.1 only raises a flag here, and answers UC_ERR_OK on an open engine. */
    (void)uc_emu_stop(board->uc);
}

/*
 * Stops before the block at `address` runs. Unicorn 2.0.1 puts the PC back to the
 * block's start only while no code hook exists; with one (a breakpoint) the PC
 * register keeps a stale value, so the block hook says where the CPU stopped.
 */
static void stop_before_block(sim_board_t *board, stop_cause_t cause, uint64_t address)
{
    board->block_stopped = true;
    board->block_stop_pc = (uint32_t)address;
    board_stop_cpu(board, cause);
}

static void on_block(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)uc;
    sim_board_t *board = data;
    if (board->stop != STOP_NONE)
        return;
    if (board->stepping && board->step_seen > 0) {
        /* A step ends before the next block; this one was translated with the step hook. */
        board->step_last_block = (uint32_t)address;
        board->block_end = board->block_start; /* the last block ran: nothing to give back */
        stop_before_block(board, STOP_STEP, address);
        return;
    }
    if (board->resume_mid_block) {
        /* The rest of a block a debugger stopped inside: an uninterrupted run would
           not have been here at a block boundary, so nothing may happen here. */
        board->resume_mid_block = false;
        board_count_block(board, (uint32_t)address, size);
        return;
    }
    if (board->watch_pending) { /* watch.c: the block before made a watched access */
        stop_before_block(board, STOP_WATCH, address);
        return;
    }
    if (board->clock.now >= board->deadline) {
        stop_before_block(board, STOP_DEADLINE, address);
        return;
    }
    if (irq_deliverable(board)) {
        stop_before_block(board, STOP_IRQ, address);
        return;
    }
    if (board->clock.now + board_block_insns(board, size) > board->precise_stop) {
        stop_before_block(board, STOP_PRECISE, address);
        return;
    }
    board_count_block(board, (uint32_t)address, size);
}

static void trace_exception(sim_board_t *board, arm_exception_t kind, uint32_t pc)
{
    if (!(board->options.trace & (SIM_TRACE_SYSCALL | SIM_TRACE_EXC)))
        return; /* every system call comes here: no register read unless traced */
    uint32_t cpsr = arm_reg(board->uc, UC_ARM_REG_CPSR);
    if (kind == ARM_EXC_SVC && (board->options.trace & SIM_TRACE_SYSCALL)) {
        int32_t number = (int32_t)arm_reg(board->uc, UC_ARM_REG_R7);
        board_trace(board, "syscall %d (%s) from %s mode, pc 0x%08x, r0 0x%08x", number,
                    trace_syscall_name(number), arm_mode_name(cpsr), pc - ARM_INSN_SIZE,
                    arm_reg(board->uc, UC_ARM_REG_R0));
    }
    if (board->options.trace & SIM_TRACE_EXC)
        board_trace(board, "exception: %s from %s mode at pc 0x%08x", arm_exception_name(kind),
                    arm_mode_name(cpsr), pc);
}

/*
 * An abort whose vector itself aborts would loop forever: the guest cannot recover
 * from that (typically the vectors are not mapped), so the run ends as a crash.
 */
static bool vector_faults(sim_board_t *board, arm_exception_t kind, uint32_t pc)
{
    uint32_t vector = arm_vector_address(kind, arm_cp15(board->uc, CP15_SCTLR),
                                         arm_cp15(board->uc, CP15_VBAR));
    return pc == vector;
}

/* A reverse search (timetravel.c) wants the last exception entry before a position. */
static void note_entry(sim_board_t *board)
{
    uint32_t vector = arm_reg(board->uc, UC_ARM_REG_PC);
    if (board->clock.now > board->note_before_icount ||
        (board->clock.now == board->note_before_icount && vector == board->note_before_pc))
        return;
    board->noted = true;
    board->noted_icount = board->clock.now;
    board->noted_pc = vector;
}

static void enter(sim_board_t *board, arm_exception_t kind, uint32_t pc)
{
    trace_exception(board, kind, pc);
    if (board->stepping)
        board->step_seen++; /* a step ends after one instruction or one exception entry */
    if ((kind == ARM_EXC_PABT || kind == ARM_EXC_UNDEF || kind == ARM_EXC_DABT) &&
        vector_faults(board, kind, pc)) {
        board_exit(board, SIM_EXIT_CRASH, 0, "%s at its own vector 0x%08x: the vectors are unusable",
                   arm_exception_name(kind), pc);
        return;
    }
    arm_take_exception(board->uc, kind, pc);
    if (board->note_entries)
        note_entry(board);
}

static void on_interrupt(uc_engine *uc, uint32_t intno, void *data)
{
    sim_board_t *board = data;
    uint32_t pc = arm_reg(uc, UC_ARM_REG_PC);
    switch (intno) {
    case UC_EXCP_SWI:
        enter(board, ARM_EXC_SVC, pc);
        break;
    case UC_EXCP_UDEF:
        /* Unicorn 2.1.1 reports an undefined instruction here as well, after the
           invalid-instruction hook took it (2.0.1 stops after that hook): once is all. */
        if (board->stop != STOP_UNDEF)
            enter(board, ARM_EXC_UNDEF, pc);
        break;
    case UC_EXCP_PREFETCH_ABORT:
        fault_regs_prefetch_abort(board, pc);
        enter(board, ARM_EXC_PABT, pc);
        break;
    case UC_EXCP_DATA_ABORT:
        fault_regs_data_abort(board, pc);
        enter(board, ARM_EXC_DABT, pc);
        break;
    case UC_EXCP_BKPT:
        fault_regs_breakpoint(board, pc);
        enter(board, ARM_EXC_PABT, pc);
        break;
    default:
        board_exit(board, SIM_EXIT_CRASH, 0, "unexpected CPU exception %u at pc 0x%08x", intno, pc);
    }
}

/*
 * An undefined instruction. Unicorn 2.0.1 ends uc_emu_start after this hook, 2.1.1
 * goes on to the interrupt hook (UC_EXCP_UDEF) and later versions resume the CPU
 * (unicorn-engine/unicorn#2047): the stop makes all of them return here at the
 * vector, before a block runs uncounted (docs/unicorn-notes.md).
 */
static bool on_invalid_insn(uc_engine *uc, void *data)
{
    sim_board_t *board = data;
    uint32_t pc = arm_reg(uc, UC_ARM_REG_PC);
    enter(board, ARM_EXC_UNDEF, pc);
    if (board->stop == STOP_NONE)
        board_stop_cpu(board, STOP_UNDEF);
    return true;
}

static void on_code(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)size;
    sim_board_t *board = data;
    bool user = (arm_reg(uc, UC_ARM_REG_CPSR) & CPSR_MODE_MASK) == ARM_MODE_USR;
    unsigned want = user ? SIM_TRACE_UINSN : SIM_TRACE_KINSN;
    if (!(board->options.trace & want))
        return;
    uint32_t insn = 0;
    sim_board_read_virt(board, (uint32_t)address, &insn, sizeof(insn));
    board_trace(board, "%s 0x%08llx: %08x", user ? "user" : "kern", (unsigned long long)address,
                insn);
}

int board_install_hooks(sim_board_t *board)
{
    uc_hook h;
    uc_err e = uc_hook_add(board->uc, &h, UC_HOOK_BLOCK, on_block, board, 1, 0);
    if (e == UC_ERR_OK)
        e = uc_hook_add(board->uc, &h, UC_HOOK_INTR, on_interrupt, board, 1, 0);
    if (e == UC_ERR_OK)
        e = uc_hook_add(board->uc, &h, UC_HOOK_INSN_INVALID, on_invalid_insn, board, 1, 0);
    /* Per-instruction hooks cost about 5x; only when instructions are traced. */
    if (e == UC_ERR_OK && (board->options.trace & (SIM_TRACE_KINSN | SIM_TRACE_UINSN)))
        e = uc_hook_add(board->uc, &h, UC_HOOK_CODE, on_code, board, 1, 0);
    return e == UC_ERR_OK ? 0 : -1;
}

static bool at_wfi(sim_board_t *board, uint32_t pc)
{
    uint32_t insn;
    return sim_board_read_virt(board, pc - ARM_INSN_SIZE, &insn, sizeof(insn)) &&
           (insn & A32_WFI_MASK) == A32_WFI && (insn >> 28) != 0xF;
}

/* With time travel on, input is logged with its time, so a replay gets it again. */
static void log_input(sim_board_t *board, int c)
{
    if (!board->history)
        return;
    if (board->input_count == board->input_cap) {
        size_t cap = board->input_cap ? 2 * board->input_cap : 64;
        board_input_event_t *more = realloc(board->inputs, cap * sizeof(*more));
        if (!more)
            return; /* the replay then misses it: as if typed later */
        board->inputs = more;
        board->input_cap = cap;
    }
    board->inputs[board->input_count++] = (board_input_event_t){board->clock.now, c};
    board->input_pos = board->input_count;
}

/* A replay: the input this timeline received by now, at the same instruction count. */
static bool replay_input(sim_board_t *board)
{
    if (board->input_pos >= board->input_count)
        return false;
    while (board->input_pos < board->input_count &&
           board->inputs[board->input_pos].at <= board->clock.now &&
           pl011_can_receive(board->uart0)) {
        int c = board->inputs[board->input_pos++].byte;
        if (c >= 0)
            sim_board_input(board, (uint8_t)c);
    }
    return true;
}

/* Offers terminal input to UART0 while it has room; stops polling at end of input. */
void board_poll_input(sim_board_t *board, bool wait)
{
    if (replay_input(board))
        return;
    /* Replaying the past: the terminal was asked here before, and had nothing. */
    if (board->history && board->clock.now < board->input_frontier)
        return;
    if (board->history)
        board->input_frontier = board->clock.now;
    sim_input_t *in = &board->options.input;
    while (in->poll && pl011_can_receive(board->uart0)) {
        int c = in->poll(in->ctx, wait);
        if (c == -2) {
            in->poll = NULL;
            log_input(board, c);
        }
        if (c < 0)
            return;
        log_input(board, c);
        sim_board_input(board, (uint8_t)c);
        wait = false;
    }
}

/* The guest waits for an interrupt: move time on to the next thing that can happen. */
static void idle_until_event(sim_board_t *board)
{
    if (gic_cpu_irq_asserted(board->gic))
        return;
    /* Not board->deadline: a debugger's slice cap is no event that wakes the guest. */
    sim_time_t wake = board_next_event(board);
    if (wake == SIM_NEVER && board->options.input.poll) {
        /* Only the terminal can wake the guest now: wait for a key. */
        board_poll_input(board, true);
        if (gic_cpu_irq_asserted(board->gic))
            return;
    }
    if (wake == SIM_NEVER) {
        board_exit(board, SIM_EXIT_LOCKUP, 0,
                   "the guest waits for an interrupt (WFI) and no device will raise one");
        return;
    }
    board_skip_to(board, wake);
}

/* Steps 3 and 4 of the loop: one uc_emu_start and what its return means. */
static void run_slice(sim_board_t *board)
{
    board->stop = STOP_NONE;
    board->block_stopped = false;
    /* Unicorn takes the execution state from bit 0 of the start address. */
    bool thumb = arm_reg(board->uc, UC_ARM_REG_CPSR) & CPSR_T;
    uc_err err = uc_emu_start(board->uc, board->next_pc | thumb, 0xFFFFFFFFull, 0, 0);
    uint32_t pc = arm_reg(board->uc, UC_ARM_REG_PC);
    if (board->stop == STOP_EXIT) {
        board->next_pc = pc; /* where it ended, for a debugger to look at */
        return;
    }
    if (board->block_stopped && pc != board->block_stop_pc) {
        pc = board->block_stop_pc;
        thumb = arm_reg(board->uc, UC_ARM_REG_CPSR) & CPSR_T;
        arm_set_reg(board->uc, UC_ARM_REG_PC, pc | thumb); /* for whoever reads it next */
    }
    board->next_pc = pc;
    /* A debugging stop inside a block: its unrun instructions were counted, and
       the rest of the block runs on as if there had been no stop. */
    if (board->stop == STOP_BREAK || board->stop == STOP_STEP) {
        board_uncount_rest_of_block(board, pc);
        board->resume_mid_block = pc > board->block_start && pc < board->block_end;
    }
    if (err != UC_ERR_OK) {
        board_exit(board, SIM_EXIT_CRASH, 0, "emulation failed at pc 0x%08x: %s", pc,
                   uc_strerror(err));
        return;
    }
    if (board->stop == STOP_NONE && at_wfi(board, pc))
        idle_until_event(board);
}

/* One pass of the loop, steps 1 to 4 (and a checkpoint when one is due). */
void board_run_once(sim_board_t *board)
{
    if (board->history && !board->resume_mid_block)
        sim_history_tick(board);
    board_advance_devices(board);
    board_update_deadline(board);
    board_check_limit(board);
    if (board->stop == STOP_EXIT)
        return;
    if (!board->resume_mid_block && irq_deliverable(board)) {
        if (board->options.trace & SIM_TRACE_IRQ)
            board_trace(board, "irq taken at pc 0x%08x", board->next_pc);
        /* The PC already is next_pc; writing it would clear the Thumb bit. */
        enter(board, ARM_EXC_IRQ, board->next_pc);
        board->next_pc = arm_reg(board->uc, UC_ARM_REG_PC);
    }
    run_slice(board);
    board_poll_input(board, false);
}

sim_result_t sim_board_run(sim_board_t *board)
{
    while (board->stop != STOP_EXIT)
        board_run_once(board);
    return board->result;
}

sim_result_t sim_board_result(const sim_board_t *board)
{
    return board->result;
}

uint32_t sim_board_pc(const sim_board_t *board)
{
    return board->next_pc;
}

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
 *       - the undefined-instruction hook has taken the exception (Unicorn stops
 *         after that hook; we just resume at the vector);
 *       - the guest executes WFI (Unicorn returns OK, PC past the WFI);
 *       - emulation fails (an instruction fetch from a device, say): a crash.
 *  4. WFI with nothing pending jumps the clock to the next deadline, so an idle
 *     guest costs no host time; with no deadline at all the guest can never wake
 *     and the run ends as a lockup.
 * Exceptions other than IRQ are entered from the interrupt hook, inside the run.
 * Debugging (sim_board_resume, at the end) uses the same loop, with breakpoints as
 * code hooks on single addresses and a temporary step hook (docs/gdb.md).
 * Partners: clock.c (virtual time), board.c, exception.c, fault_regs.c, gdbstub.c.
 */
#include <stdarg.h>
#include <string.h>

#include "board_internal.h"
#include "clock.h"
#include "exception.h"
#include "fault_regs.h"
#include "guest_mem.h"

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

static void stop_cpu(sim_board_t *board, stop_cause_t cause)
{
    board->stop = cause;
    uc_emu_stop(board->uc);
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
    stop_cpu(board, cause);
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
    if (board->clock.now >= board->deadline) {
        stop_before_block(board, STOP_DEADLINE, address);
        return;
    }
    if (irq_deliverable(board)) {
        stop_before_block(board, STOP_IRQ, address);
        return;
    }
    board_count_block(board, (uint32_t)address, size);
}

static const char *syscall_name(int32_t number)
{
    static const char *names[] = {
        NULL, "Call", "ReplyRecv", "Send", "NBSend", "Recv", "Reply", "Yield", "NBRecv",
        "DebugPutChar", "DebugDumpScheduler", "DebugHalt", "DebugCapIdentify",
        "DebugSnapshot", "DebugNameThread",
    };
    int32_t i = -number;
    return i > 0 && i < (int32_t)(sizeof(names) / sizeof(names[0])) ? names[i] : "unknown";
}

static void trace_exception(sim_board_t *board, arm_exception_t kind, uint32_t pc)
{
    uint32_t cpsr = arm_reg(board->uc, UC_ARM_REG_CPSR);
    if (kind == ARM_EXC_SVC && (board->options.trace & SIM_TRACE_SYSCALL)) {
        int32_t number = (int32_t)arm_reg(board->uc, UC_ARM_REG_R7);
        board_trace(board, "syscall %d (%s) from %s mode, pc 0x%08x, r0 0x%08x", number,
                    syscall_name(number), arm_mode_name(cpsr), pc - ARM_INSN_SIZE,
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

static bool on_invalid_insn(uc_engine *uc, void *data)
{
    sim_board_t *board = data;
    uint32_t pc = arm_reg(uc, UC_ARM_REG_PC);
    enter(board, ARM_EXC_UNDEF, pc);
    if (board->stop == STOP_NONE)
        board->stop = STOP_UNDEF;
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

/* Offers terminal input to UART0 while it has room; stops polling at end of input. */
static void poll_input(sim_board_t *board, bool wait)
{
    sim_input_t *in = &board->options.input;
    while (in->poll && pl011_can_receive(board->uart0)) {
        int c = in->poll(in->ctx, wait);
        if (c == -2)
            in->poll = NULL;
        if (c < 0)
            return;
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
        poll_input(board, true);
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
    /* A debugging stop inside a block: its unrun instructions were counted. */
    if (board->stop == STOP_BREAK || board->stop == STOP_STEP)
        board_uncount_rest_of_block(board, pc);
    if (err != UC_ERR_OK) {
        board_exit(board, SIM_EXIT_CRASH, 0, "emulation failed at pc 0x%08x: %s", pc,
                   uc_strerror(err));
        return;
    }
    if (board->stop == STOP_NONE && at_wfi(board, pc))
        idle_until_event(board);
}

/* One pass of the loop, steps 1 to 4. */
static void run_once(sim_board_t *board)
{
    board_advance_devices(board);
    board_update_deadline(board);
    board_check_limit(board);
    if (board->stop == STOP_EXIT)
        return;
    if (irq_deliverable(board)) {
        if (board->options.trace & SIM_TRACE_IRQ)
            board_trace(board, "irq taken at pc 0x%08x", board->next_pc);
        /* The PC already is next_pc; writing it would clear the Thumb bit. */
        enter(board, ARM_EXC_IRQ, board->next_pc);
        board->next_pc = arm_reg(board->uc, UC_ARM_REG_PC);
    }
    run_slice(board);
    poll_input(board, false);
}

sim_result_t sim_board_run(sim_board_t *board)
{
    while (board->stop != STOP_EXIT)
        run_once(board);
    return board->result;
}

/* ---- debugging ------------------------------------------------------------------ */

/* Enough for a Ctrl-C to feel immediate: a few milliseconds of host time. */
#define DEBUG_SLICE 2000000u

/*
 * Code translated before a hook was added does not call it, so the translations
 * of the hooked address must go. A full flush costs 2.0.1 about half a second
 * (it clears a 1 GiB code buffer), so only the page range is dropped, with
 * uc_ctl_remove_cache. That finds the code through an instruction fetch in the
 * CPU's current mode, which must not fault (outside emulation a fault has nowhere
 * to go): the walk checks it first, and a mode of the other privilege is borrowed
 * when only that one can fetch there (a kernel address while stopped in user mode).
 * Code of another address space than the current one is not found (docs/gdb.md).
 */
void board_forget_code(sim_board_t *board, uint32_t va, uint32_t len)
{
    mmu_state_t mmu = guest_mmu_state(board);
    uint32_t cpsr = arm_reg(board->uc, UC_ARM_REG_CPSR);
    bool user = (cpsr & CPSR_MODE_MASK) == ARM_MODE_USR;
    uint64_t end = (uint64_t)va + len;
    for (uint64_t at = va; at < end; at = (at | 0xFFF) + 1) {
        mmu_result_t r;
        uint32_t mode = cpsr & CPSR_MODE_MASK;
        if (!mmu_translate(&mmu, (uint32_t)at, MMU_ACCESS_EXECUTE, user ? MMU_PL0 : MMU_PL1, &r)) {
            if (!mmu_translate(&mmu, (uint32_t)at, MMU_ACCESS_EXECUTE, user ? MMU_PL1 : MMU_PL0, &r))
                continue; /* nothing can run there now */
            mode = user ? ARM_MODE_SVC : ARM_MODE_USR;
        }
        uint64_t stop = (at | 0xFFF) + 1 < end ? (at | 0xFFF) + 1 : end;
        if (mode != (cpsr & CPSR_MODE_MASK))
            arm_set_reg(board->uc, UC_ARM_REG_CPSR, (cpsr & ~CPSR_MODE_MASK) | mode);
        uc_ctl_remove_cache(board->uc, at, stop);
        if (mode != (cpsr & CPSR_MODE_MASK))
            arm_set_reg(board->uc, UC_ARM_REG_CPSR, cpsr); /* and the banks come back */
    }
}

static void on_breakpoint(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)uc;
    (void)address;
    (void)size;
    sim_board_t *board = data;
    /* A step stops by itself after one instruction, which may sit at a breakpoint. */
    if (board->debugging && !board->stepping && board->stop == STOP_NONE)
        stop_cpu(board, STOP_BREAK);
}

static void on_step(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)uc;
    (void)address;
    (void)size;
    sim_board_t *board = data;
    /* The first instruction is the one to step; stop before the next one starts. */
    if (board->step_seen++ > 0 && board->stop == STOP_NONE)
        stop_cpu(board, STOP_STEP);
}

static size_t find_breakpoint(const sim_board_t *board, uint32_t addr)
{
    size_t i = 0;
    while (i < board->breakpoint_count && board->breakpoints[i].addr != addr)
        i++;
    return i;
}

int sim_board_set_breakpoint(sim_board_t *board, uint32_t addr, bool on)
{
    size_t i = find_breakpoint(board, addr);
    if (on == (i < board->breakpoint_count))
        return 0; /* already as asked */
    if (on) {
        board_breakpoint_t *b = &board->breakpoints[i];
        if (i == BOARD_MAX_BREAKPOINTS ||
            uc_hook_add(board->uc, &b->hook, UC_HOOK_CODE, on_breakpoint, board, addr, addr) !=
                UC_ERR_OK)
            return -1;
        b->addr = addr;
        board->breakpoint_count++;
    } else {
        uc_hook_del(board->uc, board->breakpoints[i].hook);
        board->breakpoints[i] = board->breakpoints[--board->breakpoint_count];
    }
    /* Inserted: code translated without the hook must go. Removed: so must the call. */
    board_forget_code(board, addr, ARM_INSN_SIZE);
    return 0;
}

/*
 * A step needs no flush either: the block at the PC is retranslated with the step
 * hook, which stops before a second instruction in it; if the first instruction
 * leaves the block (a branch, an exception), the block hook stops before the next.
 */
static int start_step(sim_board_t *board)
{
    board->step_seen = 0;
    board->step_first_block = board->next_pc;
    board->step_last_block = board->next_pc;
    if (uc_hook_add(board->uc, &board->step_hook, UC_HOOK_CODE, on_step, board, 1, 0) != UC_ERR_OK)
        return -1;
    board->stepping = true;
    board_forget_code(board, board->next_pc, ARM_INSN_SIZE);
    return 0;
}

/* Removes the step hook, and its calls from the (at most two) blocks translated with it. */
static void end_step(sim_board_t *board)
{
    uc_hook_del(board->uc, board->step_hook);
    board->stepping = false;
    board_forget_code(board, board->step_first_block, ARM_INSN_SIZE);
    board_forget_code(board, board->step_last_block, ARM_INSN_SIZE);
}

sim_stop_t sim_board_resume(sim_board_t *board, bool step, bool (*interrupted)(void *ctx),
                            void *ctx)
{
    /* Like GDB: first step over a breakpoint at the PC, then run on. */
    bool over = !step && find_breakpoint(board, board->next_pc) < board->breakpoint_count;
    if (board->stop != STOP_EXIT && (step || over) && start_step(board) != 0)
        board_exit(board, SIM_EXIT_CRASH, 0, "cannot add the single-step hook");
    board->debugging = true;
    board->slice_cap = interrupted ? DEBUG_SLICE : 0;
    sim_stop_t why = SIM_STOP_EXITED;
    while (board->stop != STOP_EXIT) {
        run_once(board);
        if (board->stop == STOP_BREAK) {
            why = SIM_STOP_BREAKPOINT;
            break;
        }
        if (board->stepping && board->step_seen > 0) {
            end_step(board);
            if (step) {
                why = SIM_STOP_STEPPED;
                break;
            }
        }
        if (interrupted && interrupted(ctx)) {
            why = SIM_STOP_INTERRUPTED;
            break;
        }
    }
    if (board->stepping)
        end_step(board);
    board->debugging = false;
    board->slice_cap = 0;
    return board->stop == STOP_EXIT ? SIM_STOP_EXITED : why;
}

sim_result_t sim_board_result(const sim_board_t *board)
{
    return board->result;
}

uint32_t sim_board_pc(const sim_board_t *board)
{
    return board->next_pc;
}

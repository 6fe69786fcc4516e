/*
 * sim/debug.c - breakpoints (code hooks on single addresses), single steps (a
 * temporary code hook), dropping translated code so hooks take effect, and
 * sim_board_resume, which runs the main loop until one of them stops it (docs/gdb.md).
 * Partners: debug.h, board.h, run.c (the loop; its block hook ends a step), and the
 * users gdbstub.c, cli/numbat-sim.c (--break), visualizer/session.c.
 */
#include "debug.h"

#include "arm_cpu.h"
#include "guest_mem.h"

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
 * Unicorn 2.0.1 refuses only an empty range, which this never asks for; its answer
 * is checked all the same, since a translation left behind loses a breakpoint.
 */
sim_error_t board_forget_code(sim_board_t *board, uint32_t va, uint32_t len)
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
        uc_err e = uc_ctl_remove_cache(board->uc, at, stop);
        if (mode != (cpsr & CPSR_MODE_MASK))
            arm_set_reg(board->uc, UC_ARM_REG_CPSR, cpsr); /* and the banks come back */
        if (e != UC_ERR_OK)
            return SIM_ERR_CODE_CACHE;
    }
    return SIM_OK;
}

/*
 * uc_ctl_remove_cache takes a virtual address of the current translation regime. To
 * name RAM pages by their physical address, the MMU is switched off for the moment
 * (a raw SCTLR write through Unicorn: no side effects, and the checkpoint's value
 * goes back after), with the TLB flushed on both sides so no translation from the
 * other regime is used.
 */
void board_forget_phys_code(sim_board_t *board, const uint32_t *pages, size_t count)
{
    arm_flush_tlb(board->uc);
    if (count == 0)
        return;
    uint32_t sctlr = arm_cp15(board->uc, CP15_SCTLR);
    arm_set_cp15(board->uc, CP15_SCTLR, sctlr & ~SCTLR_M);
    arm_flush_tlb(board->uc);
    for (size_t i = 0; i < count; i++) {
        uint64_t pa = BOARD_RAM_BASE + (uint64_t)pages[i] * 0x1000u;
        (void)uc_ctl_remove_cache(board->uc, pa, pa + 0x1000u); /* RAM: cannot fail */
    }
    arm_set_cp15(board->uc, CP15_SCTLR, sctlr);
    arm_flush_tlb(board->uc);
}

/*
 * All code translated from RAM goes (watch.c: the memory hooks came or went). A full
 * flush of Unicorn's translation cache took 4.6 s (docs/unicorn-notes.md); Unicorn
 * 2.0.1 drops a physical range by translating only its start, so with the MMU off for
 * the moment one call covers all of RAM: 7 ms.
 */
void board_forget_all_code(sim_board_t *board)
{
    uint32_t sctlr = arm_cp15(board->uc, CP15_SCTLR);
    arm_set_cp15(board->uc, CP15_SCTLR, sctlr & ~SCTLR_M);
    arm_flush_tlb(board->uc);
    (void)uc_ctl_remove_cache(board->uc, BOARD_RAM_BASE,
                              (uint64_t)BOARD_RAM_BASE + board->options.ram_size); /* RAM */
    arm_set_cp15(board->uc, CP15_SCTLR, sctlr);
    arm_flush_tlb(board->uc);
}

static void on_breakpoint(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)uc;
    (void)address;
    (void)size;
    sim_board_t *board = data;
    /* A step stops by itself after one instruction, which may sit at a breakpoint. */
    if (board->debugging && !board->stepping && board->stop == STOP_NONE)
        board_stop_cpu(board, STOP_BREAK);
}

static void on_step(uc_engine *uc, uint64_t address, uint32_t size, void *data)
{
    (void)uc;
    (void)address;
    (void)size;
    sim_board_t *board = data;
    /* The first instruction is the one to step; stop before the next one starts. */
    if (board->step_seen++ > 0 && board->stop == STOP_NONE)
        board_stop_cpu(board, STOP_STEP);
}

static size_t find_breakpoint(const sim_board_t *board, uint32_t addr)
{
    size_t i = 0;
    while (i < board->breakpoint_count && board->breakpoints[i].addr != addr)
        i++;
    return i;
}

/*
 * Code translated before the hook was added would not call it: it must go. If it
 * cannot, the hook goes again, so the table and Unicorn's hooks still agree.
 */
static sim_error_t insert_breakpoint(sim_board_t *board, size_t i, uint32_t addr)
{
    board_breakpoint_t *b = &board->breakpoints[i];
    if (i == BOARD_MAX_BREAKPOINTS)
        return SIM_ERR_TOO_MANY_BREAKPOINTS;
    if (uc_hook_add(board->uc, &b->hook, UC_HOOK_CODE, on_breakpoint, board, addr, addr) !=
        UC_ERR_OK)
        return SIM_ERR_HOOK;
    sim_error_t e = board_forget_code(board, addr, ARM_INSN_SIZE);
    if (e != SIM_OK && uc_hook_del(board->uc, b->hook) == UC_ERR_OK)
        return e; /* undone: nothing changed */
    b->addr = addr;
    board->breakpoint_count++;
    return e;
}

/* Translated code that still calls the deleted hook goes too. */
static sim_error_t remove_breakpoint(sim_board_t *board, size_t i)
{
    uint32_t addr = board->breakpoints[i].addr;
    if (uc_hook_del(board->uc, board->breakpoints[i].hook) != UC_ERR_OK)
        return SIM_ERR_HOOK;
    board->breakpoints[i] = board->breakpoints[--board->breakpoint_count];
    return board_forget_code(board, addr, ARM_INSN_SIZE);
}

bool board_has_breakpoint(const sim_board_t *board, uint32_t addr)
{
    return find_breakpoint(board, addr) < board->breakpoint_count;
}

sim_error_t sim_board_set_breakpoint(sim_board_t *board, uint32_t addr, bool on)
{
    size_t i = find_breakpoint(board, addr);
    if (on == (i < board->breakpoint_count))
        return SIM_OK; /* already as asked */
    return on ? insert_breakpoint(board, i, addr) : remove_breakpoint(board, i);
}

const char *sim_error_text(sim_error_t e)
{
    switch (e) {
    case SIM_OK: return "no error";
    case SIM_ERR_TOO_MANY_BREAKPOINTS: return "no room for another breakpoint";
    case SIM_ERR_HOOK: return "internal error: Unicorn refused to add or remove a code hook";
    case SIM_ERR_CODE_CACHE:
        return "internal error: Unicorn refused to drop translated code (uc_ctl_remove_cache)";
    case SIM_ERR_TOO_MANY_WATCHPOINTS: return "no room for another watchpoint";
    case SIM_ERR_BAD_WATCHPOINT: return "a watched range must be 1 byte or more, below 4 GiB";
    case SIM_ERR_WATCH_UNMAPPED:
        return "Unicorn 2.1 watches physical memory: the range maps no contiguous memory now";
    }
    return "unknown error";
}

/*
 * A step needs no full flush either: only the block at the PC is dropped, so it is
 * retranslated with the step hook, which stops before a second instruction in it;
 * if the first instruction leaves the block (a branch, an exception), the block
 * hook stops before the next. Without that drop the step would run on unnoticed,
 * so a failure ends the run.
 */
static void start_step(sim_board_t *board)
{
    board->step_seen = 0;
    board->step_first_block = board->next_pc;
    board->step_last_block = board->next_pc;
    sim_error_t e = SIM_ERR_HOOK;
    if (uc_hook_add(board->uc, &board->step_hook, UC_HOOK_CODE, on_step, board, 1, 0) ==
        UC_ERR_OK) {
        board->stepping = true;
        e = board_forget_code(board, board->next_pc, ARM_INSN_SIZE);
    }
    if (e != SIM_OK)
        board_exit(board, SIM_EXIT_CRASH, 0, "cannot single-step at 0x%08x: %s", board->next_pc,
                   sim_error_text(e));
}

/*
 * Removes the step hook, and its calls from the (at most two) blocks translated with
 * it. A step hook left in place would stop every instruction: that ends the run.
 */
static void end_step(sim_board_t *board)
{
    sim_error_t e = uc_hook_del(board->uc, board->step_hook) == UC_ERR_OK ? SIM_OK : SIM_ERR_HOOK;
    board->stepping = false;
    if (e == SIM_OK)
        e = board_forget_code(board, board->step_first_block, ARM_INSN_SIZE);
    if (e == SIM_OK)
        e = board_forget_code(board, board->step_last_block, ARM_INSN_SIZE);
    if (e != SIM_OK)
        board_exit(board, SIM_EXIT_CRASH, 0, "cannot end the single step at 0x%08x: %s",
                   board->next_pc, sim_error_text(e));
}

sim_stop_t sim_board_resume(sim_board_t *board, bool step, bool (*interrupted)(void *ctx),
                            void *ctx)
{
    /* Like GDB: first step over a breakpoint at the PC, then run on. */
    bool over = !step && find_breakpoint(board, board->next_pc) < board->breakpoint_count;
    if (board->stop != STOP_EXIT && (step || over))
        start_step(board);
    board->debugging = true;
    board->slice_cap = interrupted ? DEBUG_SLICE : 0;
    board->watch_pending = false;
    board->watch_stopped = false;
    if (!step)
        board_watch_reconcile(board);
    sim_stop_t why = SIM_STOP_EXITED;
    while (board->stop != STOP_EXIT) {
        board_run_once(board);
        /* A watched access came before anything else this pass stopped at. A step
           ends after its instruction all the same (its caller may look at the hit). */
        if (board->watch_pending && !step) {
            board->watch_stopped = true;
            why = SIM_STOP_WATCHPOINT;
            break;
        }
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
    /* Outside a resume nothing stops for a watched access (a replay runs through). */
    board->watch_seen = board->watch_pending;
    board->watch_pending = false;
    board->debugging = false;
    board->slice_cap = 0;
    return board->stop == STOP_EXIT ? SIM_STOP_EXITED : why;
}

/*
 * sim/watch.c - watchpoints: Unicorn memory hooks on watched virtual ranges, there
 * only while watchpoints exist (docs/gdb.md, docs/unicorn-notes.md).
 *
 * Unicorn decides when it translates a block whether its loads and stores call the
 * memory hooks: with no memory hook at all they take QEMU's inline TLB fast path,
 * which calls nothing. So the first watchpoint adds an anchor hook (a hook on one
 * byte nobody uses, standing for "hooks exist") and drops the code translated from
 * RAM; a continue with no watchpoint left removes the anchor and drops it again, so a run
 * without watchpoints is as fast as before. Watchpoints in between (GDB takes them
 * out and puts them back at every stop) only add and remove range hooks.
 *
 * Unicorn 2.0 gives a hook the virtual address of each access, in whatever address
 * space and mode makes it. The kernel reaches user memory through its window, where
 * all RAM is mapped at another address: a watchpoint on an address that maps RAM when
 * it is set also hooks that RAM's window alias, so the kernel's stores count (a reply
 * written into a user buffer, say). Unicorn 2.1 gives hooks the physical address and
 * bounds them by it (docs/unicorn-notes.md): there a watchpoint hooks the physical
 * range its address maps when it is set, which the kernel's window reaches too, and a
 * hit is reported at the watched virtual address. Partners: board.h (the API), debug.c (resume,
 * reconcile), run.c (the block hook's stop), timetravel.c (settle, reverse).
 */
#include "debug.h"

#include "guest_mem.h"

/* The kernel window: RAM from BOARD_RAM_BASE is mapped at KERNEL_WINDOW in every
 * address space (arch/arm/include/arch/memory.h: KERNEL_VBASE, KERNEL_WINDOW_SIZE). */
#define KERNEL_WINDOW 0xE0000000u
#define KERNEL_WINDOW_SIZE 0x10000000u
/* The widest access an instruction makes in one hook call (LDRD, a VFP double): a
 * hook range starts this much earlier, so an access that begins before the watched
 * range and reaches into it is seen. */
#define WIDEST_ACCESS 8u
/* The anchor hook's range: the last byte of the address space, which no Numbat code
 * touches; its callback ignores it anyway. */
#define ANCHOR_ADDR 0xFFFFFFFFu

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

static void on_access(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
                      int64_t value, void *data)
{
    (void)uc;
    (void)value;
    sim_board_t *board = data;
    if (!board->debugging || board->watch_pending || size <= 0)
        return;
    sim_watch_kind_t access = type == UC_MEM_WRITE ? SIM_WATCH_WRITE : SIM_WATCH_READ;
    for (size_t i = 0; i < board->watchpoint_count; i++) {
        const board_watchpoint_t *w = &board->watchpoints[i];
        uint32_t hit;
        if (!(w->kind & access))
            continue;
        if (overlaps(address, (uint64_t)size, w->hooked, w->len))
            hit = w->addr + (address > w->hooked ? (uint32_t)address - w->hooked : 0);
        else if (w->aliased && overlaps(address, (uint64_t)size, w->alias, w->len))
            hit = w->addr + (address > w->alias ? (uint32_t)address - w->alias : 0);
        else
            continue;
        board->watch_pending = true;
        board->watch_block_icount = board->block_icount;
        board->watch_block_pc = board->block_start;
        board->watch_addr = hit;
        board->watch_kind = w->kind;
        return;
    }
}

static void on_anchor(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
                      int64_t value, void *data)
{
    (void)uc, (void)type, (void)address, (void)size, (void)value, (void)data;
}

/* Code translated before (or after) the change would not call (or still call) hooks. */
static void flush_code(sim_board_t *board)
{
    board_forget_all_code(board);
}

static sim_error_t hook_anchor(sim_board_t *board)
{
    if (board->watch_hooked)
        return SIM_OK;
    if (uc_hook_add(board->uc, &board->watch_anchor, UC_HOOK_MEM_READ, on_anchor, board,
                    ANCHOR_ADDR, ANCHOR_ADDR) != UC_ERR_OK)
        return SIM_ERR_HOOK;
    board->watch_hooked = true;
    flush_code(board);
    return SIM_OK;
}

void board_watch_reconcile(sim_board_t *board)
{
    if (!board->watch_hooked || board->watchpoint_count > 0)
        return;
    if (uc_hook_del(board->uc, board->watch_anchor) == UC_ERR_OK) {
        board->watch_hooked = false;
        flush_code(board);
    }
}

static int hook_types(sim_watch_kind_t kind)
{
    return (kind & SIM_WATCH_WRITE ? UC_HOOK_MEM_WRITE : 0) |
           (kind & SIM_WATCH_READ ? UC_HOOK_MEM_READ : 0);
}

static uc_err add_range_hook(sim_board_t *board, uc_hook *hook, sim_watch_kind_t kind,
                             uint32_t addr, uint32_t len)
{
    uint32_t begin = addr >= WIDEST_ACCESS - 1 ? addr - (WIDEST_ACCESS - 1) : 0;
    return uc_hook_add(board->uc, hook, hook_types(kind), on_access, board, begin,
                       (uint64_t)addr + len - 1);
}

/* Unicorn 2.1 and later call memory hooks with physical addresses. */
static bool hooks_see_physical(void)
{
    return uc_version(NULL, NULL) >= 0x02010000u;
}

/* The physical range [addr, addr+len) maps, if it maps one contiguous range: the
 * kernel window's fixed mapping (the same in every address space, and known before
 * the kernel turns the MMU on), else what the current translation says now. */
static bool physical_range(sim_board_t *board, uint32_t addr, uint32_t len, uint32_t *paddr)
{
    if (addr >= KERNEL_WINDOW && (uint64_t)addr + len <= (uint64_t)KERNEL_WINDOW + KERNEL_WINDOW_SIZE) {
        *paddr = addr - KERNEL_WINDOW + BOARD_RAM_BASE;
        return true;
    }
    mmu_state_t mmu = guest_mmu_state(board);
    mmu_result_t first, last;
    if (!mmu_translate(&mmu, addr, MMU_ACCESS_READ, MMU_PL1, &first) ||
        !mmu_translate(&mmu, addr + len - 1, MMU_ACCESS_READ, MMU_PL1, &last) ||
        last.paddr - first.paddr != len - 1 || first.paddr > UINT32_MAX - (len - 1))
        return false;
    *paddr = (uint32_t)first.paddr;
    return true;
}

/* The kernel window's address of the RAM that [addr, addr+len) maps now, if it all
 * maps one RAM page range contiguously and is not in the window already. */
static bool window_alias(sim_board_t *board, uint32_t addr, uint32_t len, uint32_t *alias)
{
    if (addr >= KERNEL_WINDOW && addr - KERNEL_WINDOW < KERNEL_WINDOW_SIZE)
        return false;
    mmu_state_t mmu = guest_mmu_state(board);
    mmu_result_t first, last;
    if (!mmu_translate(&mmu, addr, MMU_ACCESS_READ, MMU_PL1, &first) ||
        !mmu_translate(&mmu, addr + len - 1, MMU_ACCESS_READ, MMU_PL1, &last) ||
        last.paddr - first.paddr != len - 1 || first.paddr < BOARD_RAM_BASE ||
        first.paddr + len - BOARD_RAM_BASE > KERNEL_WINDOW_SIZE)
        return false;
    *alias = (uint32_t)(first.paddr - BOARD_RAM_BASE) + KERNEL_WINDOW;
    return true;
}

static size_t find_watchpoint(const sim_board_t *board, uint32_t addr, uint32_t len,
                              sim_watch_kind_t kind)
{
    size_t i = 0;
    while (i < board->watchpoint_count &&
           !(board->watchpoints[i].addr == addr && board->watchpoints[i].len == len &&
             board->watchpoints[i].kind == kind))
        i++;
    return i;
}

static sim_error_t insert_watchpoint(sim_board_t *board, uint32_t addr, uint32_t len,
                                     sim_watch_kind_t kind)
{
    if (board->watchpoint_count == BOARD_MAX_WATCHPOINTS)
        return SIM_ERR_TOO_MANY_WATCHPOINTS;
    sim_error_t e = hook_anchor(board);
    if (e != SIM_OK)
        return e;
    board_watchpoint_t *w = &board->watchpoints[board->watchpoint_count];
    *w = (board_watchpoint_t){.addr = addr, .len = len, .kind = kind, .hooked = addr};
    bool physical = hooks_see_physical();
    if (physical && !physical_range(board, addr, len, &w->hooked))
        return SIM_ERR_WATCH_UNMAPPED;
    if (add_range_hook(board, &w->hook, kind, w->hooked, len) != UC_ERR_OK)
        return SIM_ERR_HOOK;
    w->aliased = !physical && window_alias(board, addr, len, &w->alias);
    if (w->aliased && add_range_hook(board, &w->alias_hook, kind, w->alias, len) != UC_ERR_OK) {
        (void)uc_hook_del(board->uc, w->hook);
        return SIM_ERR_HOOK;
    }
    board->watchpoint_count++;
    return SIM_OK;
}

static sim_error_t remove_watchpoint(sim_board_t *board, size_t i)
{
    board_watchpoint_t *w = &board->watchpoints[i];
    if (uc_hook_del(board->uc, w->hook) != UC_ERR_OK ||
        (w->aliased && uc_hook_del(board->uc, w->alias_hook) != UC_ERR_OK))
        return SIM_ERR_HOOK;
    *w = board->watchpoints[--board->watchpoint_count];
    return SIM_OK; /* the anchor stays until the next continue: board_watch_reconcile */
}

sim_error_t sim_board_set_watchpoint(sim_board_t *board, uint32_t addr, uint32_t len,
                                     sim_watch_kind_t kind, bool on)
{
    if (len == 0 || (uint64_t)addr + len > 0x100000000ull || kind < SIM_WATCH_WRITE ||
        kind > SIM_WATCH_ACCESS)
        return SIM_ERR_BAD_WATCHPOINT;
    size_t i = find_watchpoint(board, addr, len, kind);
    if (on == (i < board->watchpoint_count))
        return SIM_OK;
    return on ? insert_watchpoint(board, addr, len, kind) : remove_watchpoint(board, i);
}

bool sim_board_watch_hit(const sim_board_t *board, uint32_t *addr, sim_watch_kind_t *kind)
{
    if (board->watch_stopped) {
        *addr = board->watch_addr;
        *kind = board->watch_kind;
    }
    return board->watch_stopped;
}

/*
 * tests/system/test_time_travel.c - going back in time on numbat-sim (sim/checkpoint.c,
 * sim/timetravel.c): after going back and forward again the machine is byte for byte
 * the one a run that never went back has at the same instruction: CPU context, RAM,
 * every device, console output. Partners: docs/time-travel.md, test_gdb.c (the
 * reverse commands through gdb-multiarch).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/arm_cpu.h"
#include "../../sim/board_internal.h"
#include "../../visualizer/session.h"
#include "run_guest.h"

#define CONSOLE_MAX (64 * 1024)

typedef struct console {
    char text[CONSOLE_MAX];
    size_t len;
} console_t;

/* A machine and the things a test compares. */
typedef struct machine {
    elf_image_t image;
    sim_board_t *board;
    console_t console;
} machine_t;

typedef struct fingerprint {
    uint64_t icount;
    uint32_t pc;
    uint64_t cpu, ram, devices;
    size_t console_len;
} fingerprint_t;

static void expect_same_devices(fingerprint_t a, fingerprint_t b, const char *where)
{
    cr_expect_eq(a.devices, b.devices, "%s: device state differs", where);
}

static void console_put(void *ctx, uint8_t byte)
{
    console_t *c = ctx;
    if (c->len < CONSOLE_MAX - 1)
        c->text[c->len++] = (char)byte;
}

static void boot(machine_t *m, const char *image, uint64_t interval)
{
    char err[256];
    memset(m, 0, sizeof(*m));
    cr_assert_eq(elf_image_open(image, &m->image, err, sizeof(err)), 0, "%s", err);
    sim_options_t o = {.ram_size = BOARD_RAM_DEFAULT, .console = {console_put, &m->console}};
    m->board = sim_board_create(&o, err, sizeof(err));
    cr_assert_not_null(m->board, "%s", err);
    cr_assert_eq(sim_board_load(m->board, &m->image, err, sizeof(err)), 0, "%s", err);
    if (interval)
        cr_assert(sim_board_keep_history(m->board, interval));
}

static void shut(machine_t *m)
{
    sim_board_destroy(m->board);
    elf_image_close(&m->image);
}

static uint64_t hash(uint64_t h, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

/* RAM a word at a time (128 MiB): most of it is zero pages, read fast. */
static uint64_t hash_ram(const sim_board_t *b)
{
    const uint64_t *w = (const uint64_t *)b->ram;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < b->options.ram_size / 8; i++)
        if (w[i])
            h = (h ^ w[i] ^ i) * 0x100000001b3ull;
    return h;
}

static fingerprint_t fingerprint(machine_t *m)
{
    sim_board_t *b = m->board;
    fingerprint_t f = {.icount = b->clock.now, .pc = b->next_pc, .console_len = b->console_pos};
    uc_context *ctx;
    cr_assert_eq(uc_context_alloc(b->uc, &ctx), UC_ERR_OK);
    cr_assert_eq(uc_context_save(b->uc, ctx), UC_ERR_OK);
    /* The CPU's registers as the context holds them (every mode's banks, CP15, VFP). */
    static const int regs[] = {UC_ARM_REG_R0, UC_ARM_REG_R1, UC_ARM_REG_R2, UC_ARM_REG_R3,
                               UC_ARM_REG_R4, UC_ARM_REG_R5, UC_ARM_REG_R6, UC_ARM_REG_R7,
                               UC_ARM_REG_R8, UC_ARM_REG_R9, UC_ARM_REG_R10, UC_ARM_REG_R11,
                               UC_ARM_REG_R12, UC_ARM_REG_SP, UC_ARM_REG_LR, UC_ARM_REG_PC,
                               UC_ARM_REG_CPSR, UC_ARM_REG_SPSR};
    f.cpu = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
        uint32_t v = 0;
        uc_context_reg_read(ctx, regs[i], &v);
        f.cpu = hash(f.cpu, &v, sizeof(v));
    }
    uc_context_free(ctx);
    f.ram = hash_ram(b);
    f.devices = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < b->window_count; i++) {
        const sim_device_t *d = &b->windows[i].dev;
        if (!d->ops->save)
            continue;
        uint8_t *buf = calloc(1, d->ops->state_size);
        d->ops->save(d->self, buf);
        /* With its wiring (pointers): compare only fingerprints of one machine. */
        f.devices = hash(f.devices, buf, d->ops->state_size);
        free(buf);
    }
    return f;
}

static void expect_same(fingerprint_t a, fingerprint_t b, const char *where)
{
    cr_expect_eq(a.icount, b.icount, "%s: icount %llu vs %llu", where,
                 (unsigned long long)a.icount, (unsigned long long)b.icount);
    cr_expect_eq(a.pc, b.pc, "%s: pc 0x%08x vs 0x%08x", where, a.pc, b.pc);
    cr_expect_eq(a.cpu, b.cpu, "%s: registers differ", where);
    cr_expect_eq(a.ram, b.ram, "%s: RAM differs", where);
    cr_expect_eq(a.console_len, b.console_len, "%s: console %zu vs %zu bytes", where,
                 a.console_len, b.console_len);
}

/*
 * A board's CPU context in a fresh allocation, every byte defined. Unicorn 2.1.1's
 * uc_context_size counts 4 bytes of the structure's tail padding that uc_context_save
 * never writes (2.0.1 writes them all): saving twice over two patterns finds such bytes
 * at the end, and they are set to 0, so that two saves compare by their state only.
 */
#define CONTEXT_TAIL 64
static uc_context *saved_context(sim_board_t *b)
{
    uc_context *c;
    cr_assert_eq(uc_context_alloc(b->uc, &c), UC_ERR_OK);
    uint8_t *bytes = (uint8_t *)c, first[CONTEXT_TAIL];
    size_t tail = uc_context_size(b->uc) - CONTEXT_TAIL;
    memset(bytes + tail, 0xA5, CONTEXT_TAIL);
    cr_assert_eq(uc_context_save(b->uc, c), UC_ERR_OK);
    memcpy(first, bytes + tail, CONTEXT_TAIL);
    memset(bytes + tail, 0x5A, CONTEXT_TAIL);
    cr_assert_eq(uc_context_save(b->uc, c), UC_ERR_OK);
    for (size_t i = 0; i < CONTEXT_TAIL; i++)
        if (first[i] == 0xA5 && bytes[tail + i] == 0x5A)
            bytes[tail + i] = 0;
    return c;
}

/*
 * The raw CPU context bytes of two boards (in one process, so host pointers inside
 * agree). `host` marks bytes that differ between two runs that never went back: host
 * state, not the guest's (Unicorn 2.0.1's PMU cycle counter follows the host clock).
 */
static bool same_context(sim_board_t *a, sim_board_t *b, const uint8_t *host)
{
    uc_context *x = saved_context(a), *y = saved_context(b);
    size_t n = uc_context_size(a->uc);
    bool same = true;
    for (size_t i = 0; i < n; i++)
        if (((const uint8_t *)x)[i] != ((const uint8_t *)y)[i] && !(host && host[i])) {
            fprintf(stderr, "context byte %zu of %zu: %02x vs %02x\n", i, n,
                    ((const uint8_t *)x)[i], ((const uint8_t *)y)[i]);
            same = false;
        }
    uc_context_free(x);
    uc_context_free(y);
    return same;
}

/* Marks the context bytes in which two boards differ; returns how many. */
static size_t mark_host_bytes(sim_board_t *a, sim_board_t *b, uint8_t *host, size_t cap)
{
    uc_context *x = saved_context(a), *y = saved_context(b);
    size_t n = uc_context_size(a->uc), marked = 0;
    /* A differing byte marks the 7 bytes on each side: the field is a 64-bit count of
       host nanoseconds (the PMU's c15_ccnt_delta), whose high bytes agree between two
       runs until a carry crosses them. In 2.1.1's context it starts 4 bytes into an
       8-byte word (at 2084), so marking the aligned word was not enough: a run that
       crossed a 2^32 ns boundary failed one time in ten. */
    for (size_t i = 0; i < n && i < cap; i++)
        if (((const uint8_t *)x)[i] != ((const uint8_t *)y)[i])
            for (size_t k = i >= 7 ? i - 7 : 0; k <= i + 7 && k < cap; k++)
                host[k] = 1;
    for (size_t i = 0; i < n && i < cap; i++)
        marked += host[i];
    uc_context_free(x);
    uc_context_free(y);
    return marked;
}

/* Runs a machine that never goes back to the first block boundary at or after icount. */
static void run_plain_to(machine_t *m, uint64_t icount)
{
    sim_board_t *b = m->board;
    sim_board_stop_at(b, icount);
    while (b->stop != STOP_EXIT && b->clock.now < icount)
        board_run_once(b);
    sim_board_stop_at(b, 0);
}

TestSuite(time_travel, .timeout = 120);

/*
 * A reference machine never goes back; the time traveller runs past point x to y,
 * goes back to x, and forward to y again. Both must agree at x and y, byte for byte.
 */
static void check_back_and_forth(const char *image, uint64_t x, uint64_t y, uint64_t interval,
                                 size_t limit)
{
    machine_t ref, ref2, tt;
    boot(&ref, image, 0);
    boot(&ref2, image, 0);
    boot(&tt, image, interval);
    if (limit)
        sim_board_limit_history(tt.board, limit);
    /* The reference stops at a block boundary at or after x. A second one shows which
       context bytes are host state (they differ between two plain runs). */
    run_plain_to(&ref, x);
    run_plain_to(&ref2, x);
    static uint8_t host[1 << 16];
    cr_assert_lt(uc_context_size(ref.board->uc), sizeof(host));
    size_t host_bytes = mark_host_bytes(ref.board, ref2.board, host, sizeof(host));
    fingerprint_t at_x = fingerprint(&ref);
    /* The time traveller runs further, then comes back to exactly that point. */
    run_plain_to(&tt, y);
    fingerprint_t at_y = fingerprint(&tt);
    if (limit) {
        sim_history_stats_t st = sim_board_history_stats(tt.board);
        cr_expect_gt(st.thinned, 0, "no checkpoint was dropped: the limit did not bite");
        /* Under the limit, unless nothing more could go (the first checkpoint, with the
           loaded image, and the newest stay). */
        cr_expect(st.bytes <= limit || st.checkpoints <= 2, "%zu checkpoints hold %zu bytes, limit %zu",
                  st.checkpoints, st.bytes, limit);
    }
    cr_assert_eq(sim_board_travel_to(tt.board, at_x.icount), SIM_TRAVEL_OK);
    expect_same(fingerprint(&tt), at_x, "after going back");
    cr_expect(same_context(tt.board, ref.board, host), "CPU context bytes differ after going back");
    /* Forward again: the same machine as the first time, and as the reference's. */
    run_plain_to(&tt, y);
    run_plain_to(&ref, y);
    run_plain_to(&ref2, y);
    static uint8_t host_y[1 << 16];
    mark_host_bytes(ref.board, ref2.board, host_y, sizeof(host_y));
    host_bytes = 0;
    for (size_t i = 0; i < sizeof(host); i++)
        host_bytes += (host[i] |= host_y[i]);
    /* One 8-byte host field, widened by 7 bytes on each side: at most 22. */
    cr_expect_leq(host_bytes, 22, "%zu context bytes differ between two plain runs", host_bytes);
    shut(&ref2);
    expect_same(fingerprint(&tt), at_y, "forward again");
    expect_same_devices(fingerprint(&tt), at_y, "forward again");
    expect_same(fingerprint(&tt), fingerprint(&ref), "forward again, against the reference");
    cr_expect(same_context(tt.board, ref.board, host), "CPU context bytes differ forward again");
    /* Console output came once, as in the reference. */
    cr_expect_eq(tt.console.len, ref.console.len);
    cr_expect(memcmp(tt.console.text, ref.console.text, ref.console.len) == 0);
    shut(&ref);
    shut(&tt);
}

/* hello boots for about 700,000 instructions, then makes system calls. */
Test(time_travel, back_and_forth_equals_never_going_back)
{
    check_back_and_forth(IMAGE("arm-sim", "hello"), 300000, 710000, 50000, 0);
}

/* sel4test creates processes and threads and loads their code: RAM with code in it
   changes between checkpoints, and so do the page tables. */
Test(time_travel, back_and_forth_in_the_kernel_test_suite)
{
    check_back_and_forth(IMAGE("arm-sim", "sel4test"), 25000000, 40000000, 1u << 20, 0);
}

/* With a memory bound small enough that old checkpoints are dropped (their page deltas
   merged into the next ones), going back far, past many dropped ones, is still exact. */
Test(time_travel, back_and_forth_far_with_thinned_checkpoints)
{
    check_back_and_forth(IMAGE("arm-sim", "sel4test"), 6000000, 40000000, 1u << 20, 6u << 20);
}

Test(time_travel, a_run_after_going_back_ends_as_one_that_never_did)
{
    machine_t ref, tt;
    boot(&ref, IMAGE("arm-sim", "hello"), 0);
    boot(&tt, IMAGE("arm-sim", "hello"), 50000);
    run_plain_to(&tt, 712000);
    cr_assert_eq(sim_board_travel_to(tt.board, 350000), SIM_TRAVEL_OK);
    sim_result_t r1 = sim_board_run(ref.board), r2 = sim_board_run(tt.board);
    cr_expect_eq(r1.kind, r2.kind);
    cr_expect_eq(r1.status, r2.status);
    expect_same(fingerprint(&tt), fingerprint(&ref), "at the end");
    cr_expect_str_eq(tt.console.text, ref.console.text);
    shut(&ref);
    shut(&tt);
}

Test(time_travel, reverse_step_then_step_comes_back_to_the_same_machine)
{
    machine_t tt;
    boot(&tt, IMAGE("arm-sim", "hello"), 50000);
    run_plain_to(&tt, 705000);
    /* Some single steps, so the position is inside a block. */
    for (int i = 0; i < 5; i++)
        sim_board_resume(tt.board, true, NULL, NULL);
    fingerprint_t here = fingerprint(&tt);
    for (int back = 1; back <= 3; back++) {
        cr_assert_eq(sim_board_reverse_step(tt.board), SIM_TRAVEL_OK);
        cr_expect_leq(tt.board->clock.now, here.icount);
    }
    for (int i = 0; i < 3; i++)
        sim_board_resume(tt.board, true, NULL, NULL);
    expect_same(fingerprint(&tt), here, "three back, three forward");
    expect_same_devices(fingerprint(&tt), here, "three back, three forward");
    shut(&tt);
}

Test(time_travel, reverse_continue_stops_at_the_last_breakpoint_reached)
{
    machine_t tt;
    boot(&tt, IMAGE("arm-sim", "hello"), 50000);
    uint32_t addr;
    cr_assert_eq(elf_image_symbol_address(&tt.image, "arch_handle_syscall", &addr), 0);
    cr_assert_eq(sim_board_set_breakpoint(tt.board, addr, true), SIM_OK);
    /* Note each time the breakpoint is reached going forward, to the end of the run. */
    uint64_t hits[4096];
    size_t n = 0;
    while (n < 4096 && sim_board_resume(tt.board, false, NULL, NULL) == SIM_STOP_BREAKPOINT)
        hits[n++] = tt.board->clock.now;
    cr_assert_gt(n, 3, "the breakpoint was reached %zu times", n);
    cr_assert_eq(tt.board->stop, STOP_EXIT, "the run ended");
    /* From the end, back: the last hit, then each hit before it. */
    cr_assert_eq(sim_board_reverse_continue(tt.board), SIM_TRAVEL_OK);
    cr_expect_eq(tt.board->clock.now, hits[n - 1]);
    for (size_t k = n - 1; k > n - 4; k--) {
        cr_assert_eq(sim_board_reverse_continue(tt.board), SIM_TRAVEL_OK);
        cr_expect_eq(tt.board->clock.now, hits[k - 1], "hit %zu: at %llu, expected %llu", k - 1,
                     (unsigned long long)tt.board->clock.now, (unsigned long long)hits[k - 1]);
        cr_expect_eq(tt.board->next_pc, addr);
    }
    shut(&tt);
}

Test(time_travel, reverse_to_entry_lands_on_an_exception_vector)
{
    machine_t tt;
    boot(&tt, IMAGE("arm-sim", "hello"), 50000);
    run_plain_to(&tt, 712000);
    uint64_t before = tt.board->clock.now;
    cr_assert_eq(sim_board_reverse_to_entry(tt.board), SIM_TRAVEL_OK);
    cr_expect_lt(tt.board->clock.now, before);
    uint32_t cpsr = arm_reg(tt.board->uc, UC_ARM_REG_CPSR);
    cr_expect_neq(cpsr & 0x1f, 0x10, "in a privileged mode after an exception entry");
    shut(&tt);
}

/* ---- the visualizer's session (visualizer/session.c: vis_session_back) ------------ */

static uint32_t fake_ms(void)
{
    return 0;
}

/* Runs a session to its end, a frame's budget at a time as the window does. */
static void run_session_to_end(vis_session_t *s)
{
    while (!s->ended)
        vis_session_run(s, 1500000, VIS_STOP_NEVER);
}

Test(time_travel, window_back_to_an_event_then_forward_records_the_same_events)
{
    static vis_session_t s;
    elf_image_t image;
    char err[256];
    cr_assert_eq(elf_image_open(IMAGE("arm-sim", "caps"), &image, err, sizeof(err)), 0, "%s", err);
    sim_options_t base = {.ram_size = BOARD_RAM_DEFAULT};
    s.clock_ms = fake_ms; /* as in the window: the session keeps checkpoints */
    cr_assert_eq(vis_session_start(&s, &base, &image, err, sizeof(err)), 0, "%s", err);
    run_session_to_end(&s);
    size_t count = s.count, console_len = s.console_len;
    cr_assert_gt(count, 100);
    trace_record_t *first = malloc(count * sizeof(*first));
    memcpy(first, s.records, count * sizeof(*first));
    char *console = strdup(s.console);
    /* Back to the middle event: the machine and the recording go back with it. */
    size_t event = count / 2;
    cr_assert_eq(vis_session_back(&s, VIS_BACK_TO_EVENT, event), SIM_TRAVEL_OK);
    cr_expect_eq(sim_board_icount(s.board), first[event].icount);
    cr_expect_geq(s.count, event + 1, "the event itself is in the machine's past");
    cr_expect_lt(s.count, count);
    cr_expect(!s.ended);
    cr_expect_leq(s.console_len, console_len);
    /* One instruction and one kernel entry further back. */
    uint64_t at = sim_board_icount(s.board);
    cr_expect_eq(vis_session_back(&s, VIS_BACK_STEP, 0), SIM_TRAVEL_OK);
    cr_expect_leq(sim_board_icount(s.board), at);
    cr_expect_eq(vis_session_back(&s, VIS_BACK_ENTRY, 0), SIM_TRAVEL_OK);
    /* At the exception vector: the kernel has not yet said so in a trace event. */
    vis_session_refresh_text(&s);
    cr_expect_eq(s.cpu_mode, 1, "in a kernel mode just after the entry");
    /* Forward to the end again: the same events, the same console. */
    run_session_to_end(&s);
    cr_assert_eq(s.count, count);
    for (size_t i = 0; i < count; i++) {
        cr_expect_eq(s.records[i].icount, first[i].icount, "event %zu", i);
        cr_expect(memcmp(s.records[i].words, first[i].words,
                         first[i].count * sizeof(uint32_t)) == 0, "event %zu", i);
    }
    cr_expect_str_eq(s.console, console);
    free(first);
    free(console);
    vis_session_end(&s);
    elf_image_close(&image);
}

/* Single steps across a timer interrupt leave the machine as running straight through
   does: an interrupt pending inside a block is taken at its end either way. */
Test(time_travel, stepping_through_an_interrupt_equals_running)
{
    machine_t ref, st;
    boot(&ref, IMAGE("arm-sim", "hello"), 0);
    boot(&st, IMAGE("arm-sim", "hello"), 0);
    /* hello's first timer interrupt in user mode comes a few thousand instructions
       after its boot (about 700,000): step until the CPU has entered IRQ mode. */
    run_plain_to(&st, 695000);
    bool irq = false;
    for (int i = 0; i < 30000 && !irq && st.board->clock.now < 760000; i++) {
        sim_board_resume(st.board, true, NULL, NULL);
        irq = (arm_reg(st.board->uc, UC_ARM_REG_CPSR) & 0x1f) == 0x12;
    }
    cr_assert(irq, "no interrupt taken while stepping");
    for (int i = 0; i < 500; i++)
        sim_board_resume(st.board, true, NULL, NULL);
    run_plain_to(&st, 712000);
    run_plain_to(&ref, 712000);
    expect_same(fingerprint(&st), fingerprint(&ref), "stepped against run");
    shut(&ref);
    shut(&st);
}

/* Terminal input: a person types whenever they like, so a replay must not ask the
   terminal again but give the UART the same bytes at the same instructions. */
static int input_calls;

static int typed(void *ctx, bool wait)
{
    (void)ctx;
    (void)wait;
    input_calls++;
    return input_calls % 2 ? 'a' + input_calls % 26 : -1;
}

Test(time_travel, replay_gives_terminal_input_at_the_same_instructions)
{
    machine_t tt;
    boot(&tt, IMAGE("arm-sim", "hello"), 50000);
    tt.board->options.input = (sim_input_t){typed, NULL};
    run_plain_to(&tt, 400000);
    /* (The UART's FIFO is off, so it holds one byte: the terminal is asked until then.) */
    cr_assert_geq(input_calls, 1, "the terminal was asked");
    cr_assert_eq(tt.board->input_count, 1, "one byte taken");
    cr_assert_gt(tt.board->inputs[0].at, 1000, "the byte came after the point we go back to");
    fingerprint_t first = fingerprint(&tt);
    int calls = input_calls;
    cr_assert_eq(sim_board_travel_to(tt.board, 1000), SIM_TRAVEL_OK);
    run_plain_to(&tt, 400000);
    cr_expect_eq(input_calls, calls, "the replay asked the terminal again");
    expect_same(fingerprint(&tt), first, "after the replay");
    expect_same_devices(fingerprint(&tt), first, "UART FIFO after the replay");
    shut(&tt);
}

/*
 * Watchpoints and going back: a write watchpoint on the kernel's current_thread (the
 * ipc image switches between two threads). Forward, each stop is settled just before
 * the store; one step runs it. From there, reverse-continue comes back to just after
 * the last store (GDB then steps back over it), and each time further back to the one
 * before.
 */
Test(time_travel, reverse_continue_stops_after_the_last_watched_store)
{
    machine_t tt;
    boot(&tt, IMAGE("arm-sim", "ipc"), 50000);
    uint32_t var;
    cr_assert_eq(elf_image_symbol_address(&tt.image, "current_thread", &var), 0);
    cr_assert_eq(sim_board_set_watchpoint(tt.board, var, 4, SIM_WATCH_WRITE, true), SIM_OK);
    fingerprint_t before[4], after[4];
    size_t n = 0;
    while (n < 4 && sim_board_resume(tt.board, false, NULL, NULL) == SIM_STOP_WATCHPOINT) {
        cr_assert_eq(sim_board_watch_settle(tt.board), SIM_TRAVEL_OK);
        uint32_t addr;
        sim_watch_kind_t kind;
        cr_assert(sim_board_watch_hit(tt.board, &addr, &kind));
        cr_expect_eq(addr, var);
        cr_expect_eq(kind, SIM_WATCH_WRITE);
        before[n] = fingerprint(&tt);
        cr_assert_eq(sim_board_resume(tt.board, true, NULL, NULL), SIM_STOP_STEPPED);
        after[n++] = fingerprint(&tt);
    }
    cr_assert_eq(n, 4, "the watchpoint stopped the run %zu times", n);
    /* Somewhat further on, then back. */
    for (int i = 0; i < 50; i++)
        sim_board_resume(tt.board, true, NULL, NULL);
    for (size_t k = n; k-- > 1;) {
        cr_assert_eq(sim_board_reverse_continue(tt.board), SIM_TRAVEL_OK);
        uint32_t addr;
        sim_watch_kind_t kind;
        cr_expect(sim_board_watch_hit(tt.board, &addr, &kind), "store %zu: not a watch stop", k);
        expect_same(fingerprint(&tt), after[k], "reverse-continue to a store");
        cr_assert_eq(sim_board_reverse_step(tt.board), SIM_TRAVEL_OK);
        expect_same(fingerprint(&tt), before[k], "and a step back over it");
    }
    cr_assert_eq(sim_board_set_watchpoint(tt.board, var, 4, SIM_WATCH_WRITE, false), SIM_OK);
    shut(&tt);
}

/*
 * The kernel writes a fault message into its handler's IPC buffer through its own
 * window onto RAM, not through the user's address: a watchpoint on the user's address
 * sees that store too (sim/watch.c). fault-reply's root task is the handler of an
 * unknown system call; word FaultIP (MR 8) of its IPC buffer is written first by the
 * kernel (the fault message), then by the handler itself (seL4_SetMR).
 */
Test(time_travel, a_watchpoint_on_user_memory_sees_the_kernels_store)
{
    machine_t tt;
    boot(&tt, IMAGE("arm-sim", "fault-reply"), 50000);
    elf_image_t app;
    char err[256];
    cr_assert_eq(elf_image_open("build/apps/fault-reply/fault-reply", &app, err, sizeof(err)), 0,
                 "%s", err);
    /* At the root task's first instruction r0 holds the BootInfo, whose fifth word
       is the IPC buffer's address (libsel4/include/sel4/bootinfo.h). */
    cr_assert_eq(sim_board_set_breakpoint(tt.board, app.entry, true), SIM_OK);
    cr_assert_eq(sim_board_resume(tt.board, false, NULL, NULL), SIM_STOP_BREAKPOINT);
    cr_assert_eq(sim_board_set_breakpoint(tt.board, app.entry, false), SIM_OK);
    uint32_t bootinfo = arm_reg(tt.board->uc, UC_ARM_REG_R0), ipc_buffer = 0;
    cr_assert(sim_board_read_virt(tt.board, bootinfo + 16, &ipc_buffer, 4));
    uint32_t fault_ip = ipc_buffer + 4 * (1 + 8); /* tag, then msg[8] */
    cr_assert_eq(sim_board_set_watchpoint(tt.board, fault_ip, 4, SIM_WATCH_WRITE, true), SIM_OK);
    /* The runtime's own stores come first (memcpy's bytes); then the kernel's, then
       the handler's. */
    uint32_t pcs[16], modes[16], addrs[16];
    size_t n = 0;
    while (n < 16 && sim_board_resume(tt.board, false, NULL, NULL) == SIM_STOP_WATCHPOINT) {
        cr_assert_eq(sim_board_watch_settle(tt.board), SIM_TRAVEL_OK);
        sim_watch_kind_t kind;
        cr_assert(sim_board_watch_hit(tt.board, &addrs[n], &kind));
        pcs[n] = sim_board_pc(tt.board);
        modes[n++] = arm_reg(tt.board->uc, UC_ARM_REG_CPSR) & CPSR_MODE_MASK;
        sim_board_resume(tt.board, true, NULL, NULL); /* over the store */
    }
    size_t kernel = 0;
    while (kernel < n && modes[kernel] == ARM_MODE_USR)
        kernel++;
    cr_assert_lt(kernel, n, "no store by the kernel among %zu", n);
    cr_expect_geq(pcs[kernel], 0xE0000000u, "pc 0x%08x", pcs[kernel]);
    cr_expect_eq(addrs[kernel], fault_ip, "reported at the user's address: 0x%08x", addrs[kernel]);
    cr_assert_lt(kernel + 1, n, "no store after the kernel's");
    cr_expect_eq(modes[kernel + 1], ARM_MODE_USR, "then the handler's (seL4_SetMR)");
    cr_expect_lt(pcs[kernel + 1], 0xE0000000u);
    cr_expect_eq(addrs[kernel + 1], fault_ip);
    for (size_t i = 0; i < n; i++)
        cr_expect(addrs[i] >= fault_ip && addrs[i] < fault_ip + 4, "store %zu at 0x%08x", i, addrs[i]);
    elf_image_close(&app);
    shut(&tt);
}

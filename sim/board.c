/*
 * sim/board.c - building the arm-sim board: the CPU, RAM, each device window, and
 * plain memory over every other address. Unicorn 2.0.1 checks a virtual
 * address against its mapped regions before translating it, so the whole 32-bit
 * space must be covered (docs/unicorn-notes.md). The addresses are the board's
 * one map, arch/arm/include/arch/vexpress_map.h. Partners: board.h, run.c (the hooks
 * it installs), clock.c (the deadlines device writes move), dev/ (the devices).
 */
#include "board_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "../arch/arm/include/arch/vexpress_map.h"
#include "../trace/decode.h"
#include "arm_cpu.h"
#include "checkpoint.h"
#include "clock.h"

static void power_shutdown(void *ctx, uint32_t status)
{
    board_exit(ctx, SIM_EXIT_HALT, status, "the guest shut the board down");
}

static void power_reboot(void *ctx)
{
    board_exit(ctx, SIM_EXIT_REBOOT, 0, "the guest asked for a reboot");
}

/* A trace record: the instruction count, then the event's words (trace/format.h). */
static void record_trace_frame(void *ctx, const uint32_t *words, size_t count)
{
    sim_board_t *board = ctx;
    /* Only well-formed events are kept: a reader could not decode anything else. */
    if (!trace_record_valid(words, (unsigned)count))
        return;
    /* A replay after going back in time: this event was recorded already. */
    bool again = board->trace_pos++ < board->trace_shown;
    if (!again)
        board->trace_shown = board->trace_pos;
    if (board->options.trace_out && !again)
        trace_file_write_record(board->options.trace_out, board->clock.now, words, (unsigned)count);
    if (board->options.trace_event && (!again || board->options.feed_replays))
        board->options.trace_event(board->options.trace_event_ctx, board->clock.now, words,
                                   (unsigned)count);
}

/* UART0's output: bytes a replay produces a second time are not shown again. */
static void console_put(void *ctx, uint8_t byte)
{
    sim_board_t *board = ctx;
    bool again = board->console_pos++ < board->console_shown;
    if (!again)
        board->console_shown = board->console_pos;
    if (again && !board->options.feed_replays)
        return;
    if (board->options.console.put)
        board->options.console.put(board->options.console.ctx, byte);
}

static void kernel_panic(void *ctx, uint32_t code)
{
    board_exit(ctx, SIM_EXIT_PANIC, code, "the kernel panicked (code %u)", code);
}

static uint64_t window_read(uc_engine *uc, uint64_t offset, unsigned size, void *data)
{
    (void)uc;
    board_window_t *w = data;
    return w->dev.ops->read(w->dev.self, (uint32_t)offset, size);
}

static void window_write(uc_engine *uc, uint64_t offset, unsigned size, uint64_t value, void *data)
{
    (void)uc;
    board_window_t *w = data;
    w->dev.ops->write(w->dev.self, (uint32_t)offset, size, (uint32_t)value);
    /* A write may have armed a timer or moved an interrupt line. */
    board_advance_devices(w->board);
    board_update_deadline(w->board);
}

static int add_window(sim_board_t *board, sim_device_t dev, char *err, size_t err_len)
{
    if (board->window_count == BOARD_MAX_DEVICES) {
        snprintf(err, err_len, "internal error: too many device windows");
        return -1;
    }
    board_window_t *w = &board->windows[board->window_count++];
    w->dev = dev;
    w->board = board;
    uc_err e = uc_mmio_map(board->uc, dev.base, dev.size, window_read, w, window_write, w);
    if (e != UC_ERR_OK) {
        snprintf(err, err_len, "cannot map %s at 0x%08x: %s", dev.name, dev.base, uc_strerror(e));
        return -1;
    }
    return 0;
}

typedef struct span {
    uint64_t base, end;
} span_t;

static int compare_spans(const void *a, const void *b)
{
    const span_t *x = a, *y = b;
    return x->base < y->base ? -1 : x->base > y->base;
}

/*
 * Covers every page not taken by RAM or a device. These must be ordinary memory
 * regions, not MMIO: Unicorn 2.0.1 checks the *virtual* address of every access,
 * instruction fetches included, against its regions, and refuses to fetch from an
 * MMIO region (UC_ERR_FETCH_PROT) even when the MMU maps that address to RAM.
 * Host memory behind them is only allocated when touched.
 */
static int map_holes(sim_board_t *board, char *err, size_t err_len)
{
    span_t used[BOARD_MAX_DEVICES + 1];
    size_t n = 0;
    used[n++] = (span_t){BOARD_RAM_BASE, (uint64_t)BOARD_RAM_BASE + board->options.ram_size};
    for (size_t i = 0; i < board->window_count; i++)
        used[n++] = (span_t){board->windows[i].dev.base,
                             (uint64_t)board->windows[i].dev.base + board->windows[i].dev.size};
    qsort(used, n, sizeof(span_t), compare_spans);
    uint64_t at = 0;
    for (size_t i = 0; i <= n; i++) {
        uint64_t next = i < n ? used[i].base : (1ull << 32);
        if (next > at) {
            uc_err e = uc_mem_map(board->uc, at, next - at, UC_PROT_ALL);
            if (e != UC_ERR_OK) {
                snprintf(err, err_len, "cannot cover 0x%08llx-0x%08llx: %s",
                         (unsigned long long)at, (unsigned long long)next - 1, uc_strerror(e));
                return -1;
            }
        }
        if (i < n)
            at = used[i].end;
    }
    return 0;
}

static int create_devices(sim_board_t *board, char *err, size_t err_len)
{
    sim_power_t power = {power_shutdown, power_reboot, board};
    simctl_events_t events = {.panic = kernel_panic, .ctx = board};
    bool recording = board->options.trace_out || board->options.trace_event;
    if (recording)
        events.trace_frame = record_trace_frame;

    board->gic = gic_create();
    sim_irq_t timer_irq = {gic_irq_input, board->gic, VEXPRESS_IRQ_TIMER01};
    sim_irq_t timer23_irq = {gic_irq_input, board->gic, VEXPRESS_IRQ_TIMER23};
    sim_irq_t uart_irq = {gic_irq_input, board->gic, VEXPRESS_IRQ_UART0};
    board->timer01 = sp804_create(&board->clock, timer_irq);
    board->timer23 = sp804_create(&board->clock, timer23_irq);
    board->uart0 = pl011_create(&board->clock, uart_irq, (sim_chardev_t){console_put, board});
    board->sysreg = vexpress_sysreg_create(&board->clock, power);
    board->simctl = simctl_create(&board->clock, board->options.ram_size, events);
    if (!board->gic || !board->timer01 || !board->timer23 || !board->uart0 || !board->sysreg || !board->simctl) {
        snprintf(err, err_len, "out of memory creating devices");
        return -1;
    }
    simctl_set_recording(board->simctl, recording);
    sim_device_t devs[] = {
        gic_dist_device(board->gic, VEXPRESS_GIC_DIST_BASE),
        gic_cpu_device(board->gic, VEXPRESS_GIC_CPU_BASE),
        sp804_device(board->timer01, "timer01", VEXPRESS_TIMER01_BASE),
        sp804_device(board->timer23, "timer23", VEXPRESS_TIMER23_BASE),
        pl011_device(board->uart0, "uart0", VEXPRESS_UART0_BASE),
        vexpress_sysreg_device(board->sysreg, VEXPRESS_SYSREG_BASE),
        simctl_control_device(board->simctl),
        simctl_trace_device(board->simctl),
    };
    for (size_t i = 0; i < sizeof(devs) / sizeof(devs[0]); i++)
        if (add_window(board, devs[i], err, err_len) != 0)
            return -1;
    return 0;
}

sim_board_t *sim_board_create(const sim_options_t *options, char *err, size_t err_len)
{
    sim_board_t *board = calloc(1, sizeof(*board));
    if (!board) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    board->options = *options;
    if (!board->options.trace_file)
        board->options.trace_file = stderr;
    uc_err e = uc_open(UC_ARCH_ARM, UC_MODE_ARM, &board->uc);
    if (e == UC_ERR_OK)
        e = uc_ctl_set_cpu_model(board->uc, UC_CPU_ARM_CORTEX_A15);
    /* RAM is the board's own memory, untouched pages unallocated, so that
       checkpoints can read and write it directly (checkpoint.c). */
    board->precise_stop = SIM_NEVER;
    board->ram = mmap(NULL, options->ram_size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (board->ram == MAP_FAILED) {
        board->ram = NULL;
        e = UC_ERR_NOMEM;
    }
    if (e == UC_ERR_OK)
        e = uc_mem_map_ptr(board->uc, BOARD_RAM_BASE, options->ram_size, UC_PROT_ALL, board->ram);
    if (e != UC_ERR_OK) {
        snprintf(err, err_len, "cannot set up the CPU and RAM: %s", uc_strerror(e));
    } else if (create_devices(board, err, err_len) == 0 && map_holes(board, err, err_len) == 0 &&
               board_install_hooks(board) == 0) {
        board_update_deadline(board);
        return board;
    }
    sim_board_destroy(board);
    return NULL;
}

/* "2.1.1" from uc_version's 0xMMmmpp.. word; an extra byte other than 255 is a release candidate. */
static void format_engine_version(unsigned word, char *out, size_t len)
{
    unsigned extra = word & 0xff;
    snprintf(out, len, "%u.%u.%u", word >> 24, (word >> 16) & 0xff, (word >> 8) & 0xff);
    if (extra != 255 && strlen(out) + 1 < len)
        snprintf(out + strlen(out), len - strlen(out), "-rc%u", extra);
}

void sim_engine_version(char *running, char *built, size_t len)
{
    format_engine_version(uc_version(NULL, NULL), running, len);
    format_engine_version((UC_API_MAJOR << 24) | (UC_API_MINOR << 16) | (UC_API_PATCH << 8) | UC_API_EXTRA,
                          built, len);
}

void sim_board_destroy(sim_board_t *board)
{
    if (!board)
        return;
    if (board->uc)
        uc_close(board->uc);
    sim_history_destroy(board->history);
    if (board->ram)
        munmap(board->ram, board->options.ram_size);
    free(board->inputs);
    gic_destroy(board->gic);
    sp804_destroy(board->timer01);
    sp804_destroy(board->timer23);
    pl011_destroy(board->uart0);
    vexpress_sysreg_destroy(board->sysreg);
    simctl_destroy(board->simctl);
    free(board);
}

/* Zeroes [paddr, paddr + len) of RAM a chunk at a time (a segment's bss may be most of RAM). */
static uc_err zero_fill(sim_board_t *board, uint32_t paddr, uint32_t len)
{
    static const uint8_t zeros[64 * 1024];
    uc_err e = UC_ERR_OK;
    while (len > 0 && e == UC_ERR_OK) {
        uint32_t chunk = len < sizeof(zeros) ? len : (uint32_t)sizeof(zeros);
        e = uc_mem_write(board->uc, paddr, zeros, chunk);
        paddr += chunk;
        len -= chunk;
    }
    return e;
}

int sim_board_load(sim_board_t *board, const elf_image_t *image, char *err, size_t err_len)
{
    uint64_t ram_end = (uint64_t)BOARD_RAM_BASE + board->options.ram_size;
    for (size_t i = 0; i < image->segment_count; i++) {
        const elf_segment_t *s = &image->segments[i];
        if (s->paddr < BOARD_RAM_BASE || (uint64_t)s->paddr + s->memsz > ram_end) {
            snprintf(err, err_len,
                     "segment %u (0x%08x-0x%08llx) lies outside RAM (0x%08x-0x%08llx)", s->index,
                     s->paddr, (unsigned long long)s->paddr + s->memsz - 1, BOARD_RAM_BASE,
                     (unsigned long long)ram_end - 1);
            return -1;
        }
    }
    for (size_t i = 0; i < image->segment_count; i++) {
        const elf_segment_t *s = &image->segments[i];
        uc_err e = uc_mem_write(board->uc, s->paddr, s->data, s->filesz);
        if (e == UC_ERR_OK)
            e = zero_fill(board, s->paddr + s->filesz, s->memsz - s->filesz);
        if (e != UC_ERR_OK) {
            snprintf(err, err_len, "cannot load segment %u: %s", s->index, uc_strerror(e));
            return -1;
        }
    }
    if (image->entry < BOARD_RAM_BASE || image->entry >= ram_end) {
        snprintf(err, err_len, "entry point 0x%08x is outside RAM", image->entry);
        return -1;
    }
    board->image = image;
    board->next_pc = image->entry;
    /* So the registers read right before the first run (GDB, --break) show it. */
    arm_set_reg(board->uc, UC_ARM_REG_PC, image->entry);
    return 0;
}

bool sim_board_input(sim_board_t *board, uint8_t byte)
{
    bool taken = pl011_receive(board->uart0, byte);
    board_advance_devices(board);
    return taken;
}

void board_exit(sim_board_t *board, sim_exit_kind_t kind, uint32_t status, const char *fmt, ...)
{
    if (board->stop == STOP_EXIT)
        return; /* the first reason wins */
    board->stop = STOP_EXIT;
    board->result.kind = kind;
    board->result.status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(board->result.reason, sizeof(board->result.reason), fmt, ap);
    va_end(ap);
    (void)uc_emu_stop(board->uc); /* cannot fail on an open engine (run.c: board_stop_cpu) */
}

void board_trace(sim_board_t *board, const char *fmt, ...)
{
    FILE *out = board->options.trace_file;
    fprintf(out, "[%12llu] ", (unsigned long long)board->clock.now);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
    fputc('\n', out);
}

uint64_t sim_board_console_position(const sim_board_t *board)
{
    return board->console_pos;
}

uint64_t sim_board_trace_position(const sim_board_t *board)
{
    return board->trace_pos;
}

int sim_parse_trace_flags(const char *letters, unsigned *flags)
{
    static const char names[] = "kueis";
    *flags = 0;
    for (const char *c = letters; *c; c++) {
        const char *at = strchr(names, *c);
        if (!at)
            return -1;
        *flags |= 1u << (at - names);
    }
    return 0;
}

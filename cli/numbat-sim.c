/*
 * cli/numbat-sim.c - numbat-sim's command line: the image, the mode, and the exit
 * status from how the run ended (docs/numbat-sim.md); options.c reads the options.
 * Nothing includes it. Partners: options.h, sim/board.h, sim/console.h, sim/gdbstub.h (--gdb; --break is handled
 * here), visualizer/app.h with the source it picks, visualizer/board_source.h (the
 * image) or visualizer/attach.h (--attach, QEMU's trace stream).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../sim/board.h"
#include "../sim/console.h"
#include "../sim/gdbstub.h"
#include "../trace/decode.h"
#include "../visualizer/app.h"
#include "../visualizer/attach.h"
#include "../visualizer/board_source.h"
#include "options.h"
#include "printable.h"

#define report(...) cli_report("numbat-sim", __VA_ARGS__)

/* Opens the --trace-out file and writes its header (trace/format.h). */
static int open_trace_out(cli_t *cli)
{
    FILE *f = fopen(cli->trace_out, "wb");
    if (!f || trace_file_write_header(f) != 0) {
        report("--trace-out %s: %s", cli->trace_out, strerror(errno));
        if (f)
            fclose(f);
        return -1;
    }
    cli->options.trace_out = f;
    return 0;
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One line a script can read: "stats: N instructions, S s, M MIPS". */
static void print_stats(uint64_t icount, double seconds)
{
    fprintf(stderr, "stats: %llu instructions, %.3f s, %.1f MIPS\n", (unsigned long long)icount,
            seconds, seconds > 0 ? (double)icount / seconds / 1e6 : 0.0);
}

/* --break WHERE: a symbol of the image, else a number (0x... for hex). Returns 0 or -1. */
static int resolve_breaks(cli_t *cli, const elf_image_t *image)
{
    for (size_t i = 0; i < cli->break_count; i++) {
        const char *where = cli->breaks[i];
        char *end;
        errno = 0;
        unsigned long long v = strtoull(where, &end, 0);
        if (elf_image_symbol_address(image, where, &cli->break_addrs[i]) == 0)
            continue;
        if (errno == 0 && end != where && *end == '\0' && v <= UINT32_MAX) {
            cli->break_addrs[i] = (uint32_t)v;
            continue;
        }
        report("--break %s: no such symbol in %s", where, cli->image_path);
        return -1;
    }
    return 0;
}

/* If the CPU stopped at a --break: says which, with the registers, on stderr. */
static void report_break(const cli_t *cli, sim_board_t *board)
{
    uint32_t pc = sim_board_pc(board);
    for (size_t i = 0; i < cli->break_count; i++) {
        if (cli->break_addrs[i] == pc) {
            console_flush(); /* the guest's output so far comes first */
            report("breakpoint at %s", cli->breaks[i]);
            sim_board_report(board, stderr);
            return;
        }
    }
}

/* --break without GDB: report each breakpoint reached and go on. */
static sim_result_t run_with_breaks(const cli_t *cli, sim_board_t *board)
{
    report_break(cli, board); /* one at the entry: resuming steps over it */
    while (sim_board_resume(board, false, NULL, NULL) == SIM_STOP_BREAKPOINT)
        report_break(cli, board);
    return sim_board_result(board);
}

/* Resolves --break and, for --gdb, waits for GDB to connect. Returns 0 or -1. */
static int start_debugging(cli_t *cli, const elf_image_t *image)
{
    char err[256];
    if (resolve_breaks(cli, image) != 0)
        return -1;
    if (cli->gdb && !(cli->stub = gdb_stub_open(cli->gdb_port, err, sizeof(err)))) {
        report("%s", err);
        return -1;
    }
    return 0;
}

/* Inserts the --break breakpoints into a new board. Returns 0 or -1 (said on stderr). */
static int insert_breaks(const cli_t *cli, sim_board_t *board)
{
    for (size_t i = 0; i < cli->break_count; i++) {
        sim_error_t e = sim_board_set_breakpoint(board, cli->break_addrs[i], true);
        if (e != SIM_OK) {
            report("--break %s: %s", cli->breaks[i], sim_error_text(e));
            return -1;
        }
    }
    return 0;
}

/* Checkpoints for going back in time (docs/time-travel.md): under GDB unless refused. */
static void keep_history(const cli_t *cli, sim_board_t *board)
{
    uint64_t interval = cli->checkpoints_given ? cli->checkpoints
                        : cli->stub             ? SIM_CHECKPOINT_INTERVAL
                                                : 0;
    if (interval && !sim_board_keep_history(board, interval))
        fprintf(stderr, "numbat-sim: out of memory for checkpoints: going back is off\n");
    else if (interval && cli->checkpoint_mem_given)
        sim_board_limit_history(board, (size_t)cli->checkpoint_mem);
}

/* Boots the image, again after each guest reboot; returns how the last boot ended. */
static int run_image(cli_t *cli, const elf_image_t *image)
{
    char err[256];
    for (;;) {
        sim_board_t *board = sim_board_create(&cli->options, err, sizeof(err));
        if (!board) {
            report("%s", err);
            return EXIT_KERNEL;
        }
        if (sim_board_load(board, image, err, sizeof(err)) != 0) {
            report("%s: %s", cli->image_path, err);
            sim_board_destroy(board);
            return EXIT_USAGE;
        }
        if (insert_breaks(cli, board) != 0) {
            sim_board_destroy(board);
            return EXIT_USAGE;
        }
        keep_history(cli, board);
        double start = wall_seconds();
        sim_result_t r = cli->stub          ? gdb_stub_run(cli->stub, board)
                         : cli->break_count ? run_with_breaks(cli, board)
                                            : sim_board_run(board);
        console_flush();
        if (cli->stats)
            print_stats(sim_board_icount(board), wall_seconds() - start);
        int status;
        switch (r.kind) {
        case SIM_EXIT_HALT: status = (int)(r.status & 0xFF); break;
        case SIM_EXIT_REBOOT: status = -1; break;
        case SIM_EXIT_KILLED:
            report("%s", r.reason);
            status = 0;
            break;
        case SIM_EXIT_INSN_LIMIT:
            report("%s after %llu instructions", r.reason,
                    (unsigned long long)sim_board_icount(board));
            status = EXIT_INSN_LIMIT;
            break;
        default:
            report("%s", r.reason);
            sim_board_report(board, stderr);
            status = EXIT_KERNEL;
        }
        sim_board_destroy(board);
        if (status >= 0)
            return status;
    }
}

/* --attach: QEMU's trace stream as text, in the window or in a PNG. */
static int attach_main(const cli_t *cli)
{
    static vis_attach_t a;
    char err[320];
    int opened = cli->release ? vis_attach_open_stopped(&a, cli->attach, cli->release, err, sizeof(err))
                              : vis_attach_open(&a, cli->attach, cli->baud, err, sizeof(err));
    if (opened != 0) {
        vis_attach_close(&a);
        report("%s", err);
        return EXIT_USAGE;
    }
    int rc = 0;
    vis_app_summary_t sum = {0, 0};
    if (cli->vis.gui || cli->vis.screenshot) {
        vis_source_t source = vis_attach_source(&a);
        rc = vis_app_main(&cli->vis, &source, &sum);
    } else {
        vis_attach_print(&a, &sum.events, &sum.caps);
    }
    vis_attach_close(&a);
    report("attached to %s: %zu events, %zu caps", cli->attach,
            sum.events, sum.caps);
    return rc;
}

/* --gui, --screenshot: the image on the board, shown by the visualizer. */
static int visualize_image(const cli_t *cli, const elf_image_t *image)
{
    static vis_board_source_t board;
    vis_source_t source = vis_board_source(&board, &cli->options, image);
    board.at_console = cli->vis.at_console;
    board.then_events = cli->vis.then_events;
    return vis_app_main(&cli->vis, &source, NULL);
}

/* --version: the engine is named because numbat-sim's speed depends on it (2.0.1's
   slow stores, docs/unicorn-notes.md); the Makefile gives NUMBAT_VERSION (kernel/boot.c's). */
static void print_version(void)
{
    char running[32], built[32];
    sim_engine_version(running, built, sizeof(running));
    printf("numbat-sim, Numbat %s\n", NUMBAT_VERSION);
    printf("Unicorn %s (compiled against %s)\n", running, built);
}

int main(int argc, char **argv)
{
    cli_t cli;
    int rc = cli_parse(argc, argv, &cli, stderr);
    if (rc != 0)
        return rc;
    if (cli.help) {
        cli_print_usage(stdout);
        return 0;
    }
    if (cli.version) {
        print_version();
        return 0;
    }
    if (cli.attach)
        return attach_main(&cli);
    if (cli.trace_log && !(cli.options.trace_file = fopen(cli.trace_log, "w"))) {
        report("--trace-log %s: %s", cli.trace_log, strerror(errno));
        return EXIT_USAGE;
    }
    if (cli.trace_out && open_trace_out(&cli) != 0)
        return EXIT_USAGE;
    elf_image_t image;
    char err[256];
    if (elf_image_open(cli.image_path, &image, err, sizeof(err)) != 0) {
        report("%s", err);
        return EXIT_USAGE;
    }
    if (start_debugging(&cli, &image) != 0) {
        elf_image_close(&image);
        return EXIT_USAGE;
    }
    cli.options.console = console_output();
    cli.options.input = console_input();
    if (cli.vis.gui || cli.vis.screenshot)
        rc = visualize_image(&cli, &image);
    else
        rc = run_image(&cli, &image);
    gdb_stub_close(cli.stub);
    elf_image_close(&image);
    if (cli.options.trace_file)
        fclose(cli.options.trace_file);
    if (cli.options.trace_out && fclose(cli.options.trace_out) != 0) {
        report("--trace-out %s: %s", cli.trace_out, strerror(errno));
        rc = rc ? rc : EXIT_USAGE;
    }
    return rc;
}

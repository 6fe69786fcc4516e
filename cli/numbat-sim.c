/*
 * cli/numbat-sim.c - numbat-sim's command line: options, the image, the mode, and the
 * exit status from how the run ended (docs/numbat-sim.md). Nothing includes it.
 * Partners: sim/board.h, sim/console.h, sim/gdbstub.h (--gdb; --break is handled
 * here), visualizer/app.h with the source it picks, visualizer/board_source.h (the
 * image) or visualizer/attach.h (--attach, QEMU's trace stream).
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
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

enum exit_status {
    EXIT_USAGE = 2,     /* bad option or bad image */
    EXIT_KERNEL = 3,    /* kernel panic, lockup or unrecoverable guest crash */
    EXIT_INSN_LIMIT = 4 /* --max-insns ran out */
};

static const char usage_text[] =
    "usage: numbat-sim [options] IMAGE.elf\n"
    "       numbat-sim --attach HOST:PORT [--gui | --screenshot FILE [--at N]]\n"
    "Runs a Numbat kernel image on the simulated arm-sim board (a Cortex-A15 with\n"
    "vexpress-a15 devices). UART0 is this terminal.\n"
    "\n"
    "options:\n"
    "  --headless        no window (the default)\n"
    "  --gui             the visualizer window, running the image live (docs/visualizer.md)\n"
    "  --screenshot FILE run, then draw the visualizer window into FILE (PNG), no display\n"
    "  --at N            with --screenshot: stop after N instructions, as --max-insns\n"
    "                    (with --attach: after N events)\n"
    "  --attach HOST:PORT follow a kernel's trace stream from QEMU's serial port (UART1\n"
    "                    on HOST:PORT): print events, or --gui / --screenshot them\n"
    "  --scale F         visualizer text size, 0.75 to 3 (default 1)\n"
    "  --tab NAME        the visualizer's tab shown first: cspaces (default), untyped,\n"
    "                    threads, ipc or vspace\n"
    "  --mem SIZE        RAM at 0x80000000, e.g. 128M (default), 16M..1G\n"
    "  --max-insns N     stop after N instructions (exit status 4)\n"
    "  --trace FLAGS     trace to stderr; letters: k kernel instructions, u user\n"
    "                    instructions, e exceptions, i interrupts, s system calls\n"
    "  --trace-log FILE  write trace lines to FILE instead of stderr\n"
    "  --stats           at exit, print instructions run, time taken and speed\n"
    "  --trace-out FILE  record the kernel's trace events (docs/trace-format.md)\n"
    "  --gdb PORT        wait for GDB on 127.0.0.1:PORT before running (docs/gdb.md)\n"
    "  --break WHERE     stop at a symbol or address (0x...) of the image; without\n"
    "                    --gdb, print the registers there to stderr and go on\n"
    "  --help            this text\n"
    "\n"
    "exit status: the guest's shutdown status; 2 bad usage or image; 3 kernel panic,\n"
    "lockup or guest crash; 4 --max-insns reached.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "numbat-sim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(numbat-sim --help lists the options)\n");
    return EXIT_USAGE;
}

/*
 * Parses "128M", "1G", "65536K" or a plain count: decimal digits, then at most a
 * K, M or G (binary) multiplier. Returns 0, or -1 if anything else is there or
 * the value does not fit in 64 bits (strtoull alone takes " -1" as 2^64 - 1, and
 * the shift would wrap 17592186044544M, 2^44 + 128 MiB, to 128M).
 */
static int parse_size(const char *text, uint64_t *bytes)
{
    if (!isdigit((unsigned char)text[0]))
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (errno || *end != '\0' || v > (UINT64_MAX >> shift))
        return -1;
    *bytes = (uint64_t)v << shift;
    return 0;
}

/* Counts (--max-insns, --at) above this are mistakes: 10^18 is 300 years at 100 MIPS. */
#define COUNT_MAX 1000000000000000000ull

/* An instruction or event count, 1 to COUNT_MAX. Returns 0 or -1. */
static int parse_count(const char *text, uint64_t *count)
{
    uint64_t v;
    if (parse_size(text, &v) != 0 || v == 0 || v > COUNT_MAX)
        return -1;
    *count = v;
    return 0;
}

/*
 * --scale: a plain decimal ("1.5", "2"), compared as written, before rounding to a
 * float could pull 3.0000001 into the range. Returns 0 or -1.
 */
static int parse_scale(const char *text, float *scale)
{
    if (text[0] == '\0' || strspn(text, "0123456789.") != strlen(text))
        return -1;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || *end != '\0' || !(v >= 0.75 && v <= 3.0))
        return -1;
    *scale = (float)v;
    return 0;
}

#define MAX_BREAKS 16

typedef struct cli {
    sim_options_t options;
    const char *image_path;
    const char *trace_log;
    const char *trace_out;
    bool stats;
    bool gdb;            /* --gdb given */
    unsigned gdb_port;
    gdb_stub_t *stub;
    const char *breaks[MAX_BREAKS]; /* --break as given */
    uint32_t break_addrs[MAX_BREAKS];
    size_t break_count;
    vis_app_options_t vis; /* --gui, --screenshot, --at, --scale, --tab */
    const char *attach;    /* --attach HOST:PORT: no image, no board */
} cli_t;

static int parse_args(int argc, char **argv, cli_t *cli)
{
    enum { OPT_HEADLESS = 256, OPT_MEM, OPT_MAX_INSNS, OPT_TRACE, OPT_TRACE_LOG, OPT_STATS,
           OPT_TRACE_OUT, OPT_GDB, OPT_BREAK, OPT_HELP };
    enum { OPT_GUI = 512, OPT_SCREENSHOT, OPT_AT, OPT_SCALE, OPT_TAB, OPT_ATTACH };
    static const struct option longopts[] = {
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"gui", no_argument, NULL, OPT_GUI},
        {"screenshot", required_argument, NULL, OPT_SCREENSHOT},
        {"at", required_argument, NULL, OPT_AT},
        {"scale", required_argument, NULL, OPT_SCALE},
        {"tab", required_argument, NULL, OPT_TAB},
        {"attach", required_argument, NULL, OPT_ATTACH},
        {"mem", required_argument, NULL, OPT_MEM},
        {"max-insns", required_argument, NULL, OPT_MAX_INSNS},
        {"trace", required_argument, NULL, OPT_TRACE},
        {"trace-log", required_argument, NULL, OPT_TRACE_LOG},
        {"stats", no_argument, NULL, OPT_STATS},
        {"trace-out", required_argument, NULL, OPT_TRACE_OUT},
        {"gdb", required_argument, NULL, OPT_GDB},
        {"break", required_argument, NULL, OPT_BREAK},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    uint64_t value;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HEADLESS: break;
        case OPT_ATTACH: cli->attach = optarg; break;
        case OPT_GUI: cli->vis.gui = true; break;
        case OPT_SCREENSHOT: cli->vis.screenshot = optarg; break;
        case OPT_AT:
            if (parse_count(optarg, &cli->vis.at) != 0)
                return usage_error("--at %s: give a count from 1 to 10^18", optarg);
            break;
        case OPT_SCALE:
            if (parse_scale(optarg, &cli->vis.scale) != 0)
                return usage_error("--scale %s: give a number from 0.75 to 3", optarg);
            break;
        case OPT_TAB:
            if ((cli->vis.tab = vis_app_tab_named(optarg)) < 0)
                return usage_error("--tab %s: give cspaces, untyped, threads, ipc or vspace",
                                   optarg);
            break;
        case OPT_MEM:
            if (parse_size(optarg, &value) != 0 || value < BOARD_RAM_MIN || value > BOARD_RAM_MAX ||
                value % (1u << 20))
                return usage_error("--mem %s: give a whole number of MiB from 16M to 1G", optarg);
            cli->options.ram_size = (uint32_t)value;
            break;
        case OPT_MAX_INSNS:
            if (parse_count(optarg, &cli->options.max_insns) != 0)
                return usage_error("--max-insns %s: give an instruction count from 1 to 10^18",
                                   optarg);
            break;
        case OPT_TRACE:
            if (sim_parse_trace_flags(optarg, &cli->options.trace) != 0)
                return usage_error("--trace %s: letters are k u e i s", optarg);
            break;
        case OPT_TRACE_LOG: cli->trace_log = optarg; break;
        case OPT_STATS: cli->stats = true; break;
        case OPT_TRACE_OUT: cli->trace_out = optarg; break;
        case OPT_GDB:
            if (parse_size(optarg, &value) != 0 || value > 65535)
                return usage_error("--gdb %s: give a TCP port number", optarg);
            cli->gdb = true;
            cli->gdb_port = (unsigned)value;
            break;
        case OPT_BREAK:
            if (cli->break_count == MAX_BREAKS)
                return usage_error("--break %s: at most 16 breakpoints", optarg);
            cli->breaks[cli->break_count++] = optarg;
            break;
        case OPT_HELP: fputs(usage_text, stdout); exit(0);
        default:
            return usage_error("unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (cli->attach) {
        if (optind != argc)
            return usage_error("%s", "--attach takes no image (QEMU runs it)");
        cli->vis.image_path = cli->attach;
        if (cli->vis.at && !cli->vis.screenshot)
            return usage_error("%s", "--at goes with --screenshot");
        return 0;
    }
    if (optind != argc - 1)
        return usage_error("%s", optind >= argc ? "no image given" : "give exactly one image");
    cli->image_path = argv[optind];
    cli->vis.image_path = cli->image_path;
    if (cli->vis.at && !cli->vis.screenshot)
        return usage_error("%s", "--at goes with --screenshot (--max-insns limits other runs)");
    if ((cli->vis.gui || cli->vis.screenshot) && (cli->gdb || cli->break_count))
        return usage_error("%s", "--gui and --screenshot do not combine with --gdb or --break");
    return 0;
}

/* Opens the --trace-out file and writes its header (trace/format.h). */
static int open_trace_out(cli_t *cli)
{
    FILE *f = fopen(cli->trace_out, "wb");
    if (!f || trace_file_write_header(f) != 0) {
        fprintf(stderr, "numbat-sim: --trace-out %s: %s\n", cli->trace_out, strerror(errno));
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
        fprintf(stderr, "numbat-sim: --break %s: no such symbol in %s\n", where, cli->image_path);
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
            fprintf(stderr, "numbat-sim: breakpoint at %s\n", cli->breaks[i]);
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
        fprintf(stderr, "numbat-sim: %s\n", err);
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
            fprintf(stderr, "numbat-sim: --break %s: %s\n", cli->breaks[i], sim_error_text(e));
            return -1;
        }
    }
    return 0;
}

/* Boots the image, again after each guest reboot; returns how the last boot ended. */
static int run_image(cli_t *cli, const elf_image_t *image)
{
    char err[256];
    for (;;) {
        sim_board_t *board = sim_board_create(&cli->options, err, sizeof(err));
        if (!board) {
            fprintf(stderr, "numbat-sim: %s\n", err);
            return EXIT_KERNEL;
        }
        if (sim_board_load(board, image, err, sizeof(err)) != 0) {
            fprintf(stderr, "numbat-sim: %s: %s\n", cli->image_path, err);
            sim_board_destroy(board);
            return EXIT_USAGE;
        }
        if (insert_breaks(cli, board) != 0) {
            sim_board_destroy(board);
            return EXIT_USAGE;
        }
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
            fprintf(stderr, "numbat-sim: %s\n", r.reason);
            status = 0;
            break;
        case SIM_EXIT_INSN_LIMIT:
            fprintf(stderr, "numbat-sim: %s after %llu instructions\n", r.reason,
                    (unsigned long long)sim_board_icount(board));
            status = EXIT_INSN_LIMIT;
            break;
        default:
            fprintf(stderr, "numbat-sim: %s\n", r.reason);
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
    if (vis_attach_open(&a, cli->attach, err, sizeof(err)) != 0) {
        fprintf(stderr, "numbat-sim: %s\n", err);
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
    fprintf(stderr, "numbat-sim: attached to %s: %zu events, %zu caps\n", cli->attach,
            sum.events, sum.caps);
    return rc;
}

/* --gui, --screenshot: the image on the board, shown by the visualizer. */
static int visualize_image(const cli_t *cli, const elf_image_t *image)
{
    static vis_board_source_t board;
    vis_source_t source = vis_board_source(&board, &cli->options, image);
    return vis_app_main(&cli->vis, &source, NULL);
}

int main(int argc, char **argv)
{
    cli_t cli = {.options = {.ram_size = BOARD_RAM_DEFAULT}};
    int rc = parse_args(argc, argv, &cli);
    if (rc != 0)
        return rc;
    if (cli.attach)
        return attach_main(&cli);
    if (cli.trace_log && !(cli.options.trace_file = fopen(cli.trace_log, "w"))) {
        fprintf(stderr, "numbat-sim: --trace-log %s: %s\n", cli.trace_log, strerror(errno));
        return EXIT_USAGE;
    }
    if (cli.trace_out && open_trace_out(&cli) != 0)
        return EXIT_USAGE;
    elf_image_t image;
    char err[256];
    if (elf_image_open(cli.image_path, &image, err, sizeof(err)) != 0) {
        fprintf(stderr, "numbat-sim: %s\n", err);
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
        fprintf(stderr, "numbat-sim: --trace-out %s: %s\n", cli.trace_out, strerror(errno));
        rc = rc ? rc : EXIT_USAGE;
    }
    return rc;
}

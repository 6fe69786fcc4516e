/*
 * sim/main.c - numbat-sim's command line: parse options, load the image, run the
 * board, map how the run ended to the exit status (docs/numbat-sim.md).
 * Partners: board.h (everything it drives), console.c (the terminal).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "console.h"
#include "../trace/decode.h"

enum exit_status {
    EXIT_USAGE = 2,     /* bad option or bad image */
    EXIT_KERNEL = 3,    /* kernel panic, lockup or unrecoverable guest crash */
    EXIT_INSN_LIMIT = 4 /* --max-insns ran out */
};

static const char usage_text[] =
    "usage: numbat-sim [options] IMAGE.elf\n"
    "Runs a Numbat kernel image on the simulated arm-sim board (a Cortex-A15 with\n"
    "vexpress-a15 devices). UART0 is this terminal.\n"
    "\n"
    "options:\n"
    "  --headless        no window (the default until the visualizer is built)\n"
    "  --mem SIZE        RAM at 0x80000000, e.g. 128M (default), 16M..1G\n"
    "  --max-insns N     stop after N instructions (exit status 4)\n"
    "  --trace FLAGS     trace to stderr; letters: k kernel instructions, u user\n"
    "                    instructions, e exceptions, i interrupts, s system calls\n"
    "  --trace-log FILE  write trace lines to FILE instead of stderr\n"
    "  --stats           at exit, print instructions run, time taken and speed\n"
    "  --trace-out FILE  record the kernel's trace events (docs/trace-format.md)\n"
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

/* Parses "128M", "1G", "65536K" or a byte count. Returns 0 or -1. */
static int parse_size(const char *text, uint64_t *bytes)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 0);
    if (errno || end == text || text[0] == '-')
        return -1;
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    default: break;
    }
    if (*end != '\0')
        return -1;
    *bytes = v;
    return 0;
}

typedef struct cli {
    sim_options_t options;
    const char *image_path;
    const char *trace_log;
    const char *trace_out;
    bool stats;
} cli_t;

static int parse_args(int argc, char **argv, cli_t *cli)
{
    enum { OPT_HEADLESS = 256, OPT_MEM, OPT_MAX_INSNS, OPT_TRACE, OPT_TRACE_LOG, OPT_STATS,
           OPT_TRACE_OUT, OPT_HELP };
    static const struct option longopts[] = {
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"mem", required_argument, NULL, OPT_MEM},
        {"max-insns", required_argument, NULL, OPT_MAX_INSNS},
        {"trace", required_argument, NULL, OPT_TRACE},
        {"trace-log", required_argument, NULL, OPT_TRACE_LOG},
        {"stats", no_argument, NULL, OPT_STATS},
        {"trace-out", required_argument, NULL, OPT_TRACE_OUT},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    uint64_t value;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HEADLESS: break;
        case OPT_MEM:
            if (parse_size(optarg, &value) != 0 || value < BOARD_RAM_MIN || value > BOARD_RAM_MAX ||
                value % (1u << 20))
                return usage_error("--mem %s: give a whole number of MiB from 16M to 1G", optarg);
            cli->options.ram_size = (uint32_t)value;
            break;
        case OPT_MAX_INSNS:
            if (parse_size(optarg, &value) != 0 || value == 0)
                return usage_error("--max-insns %s: give a positive instruction count", optarg);
            cli->options.max_insns = value;
            break;
        case OPT_TRACE:
            if (sim_parse_trace_flags(optarg, &cli->options.trace) != 0)
                return usage_error("--trace %s: letters are k u e i s", optarg);
            break;
        case OPT_TRACE_LOG: cli->trace_log = optarg; break;
        case OPT_STATS: cli->stats = true; break;
        case OPT_TRACE_OUT: cli->trace_out = optarg; break;
        case OPT_HELP: fputs(usage_text, stdout); exit(0);
        default:
            return usage_error("unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return usage_error("%s", optind >= argc ? "no image given" : "give exactly one image");
    cli->image_path = argv[optind];
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
        double start = wall_seconds();
        sim_result_t r = sim_board_run(board);
        console_flush();
        if (cli->stats)
            print_stats(sim_board_icount(board), wall_seconds() - start);
        int status;
        switch (r.kind) {
        case SIM_EXIT_HALT: status = (int)(r.status & 0xFF); break;
        case SIM_EXIT_REBOOT: status = -1; break;
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

int main(int argc, char **argv)
{
    cli_t cli = {.options = {.ram_size = BOARD_RAM_DEFAULT}};
    int rc = parse_args(argc, argv, &cli);
    if (rc != 0)
        return rc;
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
    cli.options.console = console_output();
    cli.options.input = console_input();
    rc = run_image(&cli, &image);
    elf_image_close(&image);
    if (cli.options.trace_file)
        fclose(cli.options.trace_file);
    if (cli.options.trace_out && fclose(cli.options.trace_out) != 0) {
        fprintf(stderr, "numbat-sim: --trace-out %s: %s\n", cli.trace_out, strerror(errno));
        rc = rc ? rc : EXIT_USAGE;
    }
    return rc;
}

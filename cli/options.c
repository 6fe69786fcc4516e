/*
 * cli/options.c - numbat-sim's options, each value checked before anything runs:
 * sizes and counts are decimal digits with at most a K, M or G that must fit in
 * 64 bits, --scale a plain decimal (docs/numbat-sim.md). Partners: options.h,
 * numbat-sim.c, tests/system/test_cli.c, tests/fuzz-host/fuzz_cli.c.
 */
#include "options.h"
#include "printable.h"
#include "../visualizer/attach.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: numbat-sim [options] IMAGE.elf\n"
    "       numbat-sim --attach HOST:PORT|DEVICE [--baud N] [--gui | --screenshot FILE [--at N]]\n"
    "       numbat-sim --attach HOST:PORT --release HOST:PORT [--gui | --screenshot FILE]\n"
    "Runs a Numbat kernel image on the simulated arm-sim board (a Cortex-A15 with\n"
    "vexpress-a15 devices). UART0 is this terminal.\n"
    "\n"
    "options:\n"
    "  --headless        no window (the default)\n"
    "  --gui             the visualizer window, running the image live (docs/visualizer.md)\n"
    "  --screenshot FILE run, then draw the visualizer window into FILE (PNG), no display\n"
    "  --at N            with --screenshot: stop after N instructions, as --max-insns\n"
    "                    (with --attach: after N events)\n"
    "  --at-console TEXT with --screenshot: stop once the console has printed a line\n"
    "                    containing TEXT (exit status 2 if none does)\n"
    "  --then-events N   with --at-console: then run on to the Nth trace event after it\n"
    "  --attach HOST:PORT follow a kernel's trace stream from QEMU's serial port (UART1\n"
    "                    on HOST:PORT): print events, or --gui / --screenshot them\n"
    "  --attach DEVICE   the same from a serial device (a path, e.g. /dev/ttyUSB0: a\n"
    "                    Raspberry Pi's UART, trace and console text on one cable)\n"
    "  --baud N          with --attach DEVICE: its speed, default 115200\n"
    "  --release HOST:PORT with --attach HOST:PORT: QEMU was started stopped (-S) with\n"
    "                    -monitor tcp:HOST:PORT,server=on,wait=off; numbat-sim sends it\n"
    "                    cont once the window is up (make follow does both)\n"
    "  --layout-out FILE with --screenshot: also write where the layout put each pane,\n"
    "                    tree box and label, as text (docs/visualizer.md)\n"
    "  --scale F         visualizer text size, 0.75 to 3 (default 1)\n"
    "  --size WxH        the visualizer window's (or screenshot's) size, e.g. 1024x768\n"
    "                    (default 1600x900)\n"
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
    "  --checkpoints N   keep a checkpoint every N instructions so GDB and the window\n"
    "                    can go back in time (default with --gdb: 1M; 0: off)\n"
    "  --checkpoint-mem MIB  keep the checkpoints within MIB MiB of host memory,\n"
    "                    thinning old ones (default 64; 0: no bound)\n"
    "  --help            this text\n"
    "  --version         Numbat's version and the Unicorn version in use\n"
    "\n"
    "exit status: the guest's shutdown status; 2 bad usage or image; 3 kernel panic,\n"
    "lockup or guest crash; 4 --max-insns reached.\n";

static int usage_error(FILE *err, const char *fmt, const char *arg)
{
    char shown[112];
    fprintf(err, "numbat-sim: ");
    fprintf(err, fmt, cli_printable(arg, shown, sizeof(shown)));
    fprintf(err, "\n(numbat-sim --help lists the options)\n");
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

/* An instruction or event count, 1 to CLI_COUNT_MAX. Returns 0 or -1. */
static int parse_count(const char *text, uint64_t *count)
{
    uint64_t v;
    if (parse_size(text, &v) != 0 || v == 0 || v > CLI_COUNT_MAX)
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

/* --size: WIDTHxHEIGHT, each 320 to 8192 pixels. Returns 0 or -1. */
static int parse_window_size(const char *text, int *width, int *height)
{
    unsigned w, h;
    char tail;
    if (strspn(text, "0123456789x") != strlen(text) ||
        sscanf(text, "%5ux%5u%c", &w, &h, &tail) != 2 || w < 320 || h < 240 || w > 8192 ||
        h > 8192)
        return -1;
    *width = (int)w;
    *height = (int)h;
    return 0;
}

int cli_parse(int argc, char **argv, cli_t *cli, FILE *err)
{
    *cli = (cli_t){.options = {.ram_size = BOARD_RAM_DEFAULT}, .baud = VIS_ATTACH_DEFAULT_BAUD};
    bool baud_given = false;
    enum { OPT_HEADLESS = 256, OPT_MEM, OPT_MAX_INSNS, OPT_TRACE, OPT_TRACE_LOG, OPT_STATS,
           OPT_TRACE_OUT, OPT_GDB, OPT_BREAK, OPT_HELP, OPT_CHECKPOINTS, OPT_VERSION,
           OPT_CHECKPOINT_MEM };
    enum { OPT_GUI = 512, OPT_SCREENSHOT, OPT_AT, OPT_SCALE, OPT_TAB, OPT_ATTACH, OPT_SIZE,
           OPT_BAUD };
    enum { OPT_RELEASE = 768 };
    enum { OPT_LAYOUT_OUT = 800 };
    enum { OPT_AT_CONSOLE = 832, OPT_THEN_EVENTS };
    static const struct option longopts[] = {
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"gui", no_argument, NULL, OPT_GUI},
        {"screenshot", required_argument, NULL, OPT_SCREENSHOT},
        {"at", required_argument, NULL, OPT_AT},
        {"at-console", required_argument, NULL, OPT_AT_CONSOLE},
        {"then-events", required_argument, NULL, OPT_THEN_EVENTS},
        {"scale", required_argument, NULL, OPT_SCALE},
        {"tab", required_argument, NULL, OPT_TAB},
        {"size", required_argument, NULL, OPT_SIZE},
        {"attach", required_argument, NULL, OPT_ATTACH},
        {"baud", required_argument, NULL, OPT_BAUD},
        {"release", required_argument, NULL, OPT_RELEASE},
        {"layout-out", required_argument, NULL, OPT_LAYOUT_OUT},
        {"mem", required_argument, NULL, OPT_MEM},
        {"max-insns", required_argument, NULL, OPT_MAX_INSNS},
        {"trace", required_argument, NULL, OPT_TRACE},
        {"trace-log", required_argument, NULL, OPT_TRACE_LOG},
        {"stats", no_argument, NULL, OPT_STATS},
        {"trace-out", required_argument, NULL, OPT_TRACE_OUT},
        {"gdb", required_argument, NULL, OPT_GDB},
        {"break", required_argument, NULL, OPT_BREAK},
        {"checkpoints", required_argument, NULL, OPT_CHECKPOINTS},
        {"checkpoint-mem", required_argument, NULL, OPT_CHECKPOINT_MEM},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    uint64_t value;
    int opt;
    opterr = 0;
    optind = 0; /* glibc: start afresh, forgetting any earlier argv */
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HEADLESS: break;
        case OPT_ATTACH: cli->attach = optarg; break;
        case OPT_BAUD:
            if (parse_count(optarg, &value) != 0 || value > UINT32_MAX ||
                !vis_attach_baud_supported((unsigned)value))
                return usage_error(err, "--baud %s: give a serial speed such as 115200", optarg);
            cli->baud = (unsigned)value;
            baud_given = true;
            break;
        case OPT_RELEASE: cli->release = optarg; break;
        case OPT_LAYOUT_OUT: cli->vis.layout_out = optarg; break;
        case OPT_GUI: cli->vis.gui = true; break;
        case OPT_SCREENSHOT: cli->vis.screenshot = optarg; break;
        case OPT_AT:
            if (parse_count(optarg, &cli->vis.at) != 0)
                return usage_error(err, "--at %s: give a count from 1 to 10^18", optarg);
            break;
        case OPT_AT_CONSOLE:
            if (optarg[0] == '\0' || strchr(optarg, '\n'))
                return usage_error(err, "--at-console '%s': give text found within one console line",
                                   optarg);
            cli->vis.at_console = optarg;
            break;
        case OPT_THEN_EVENTS:
            if (parse_count(optarg, &cli->vis.then_events) != 0)
                return usage_error(err, "--then-events %s: give a count from 1 to 10^18", optarg);
            break;
        case OPT_SCALE:
            if (parse_scale(optarg, &cli->vis.scale) != 0)
                return usage_error(err, "--scale %s: give a number from 0.75 to 3", optarg);
            break;
        case OPT_SIZE:
            if (parse_window_size(optarg, &cli->vis.width, &cli->vis.height) != 0)
                return usage_error(err, "--size %s: give WIDTHxHEIGHT, from 320x240 to 8192x8192",
                                   optarg);
            break;
        case OPT_TAB:
            if ((cli->vis.tab = vis_app_tab_named(optarg)) < 0)
                return usage_error(err, "--tab %s: give cspaces, untyped, threads, ipc or vspace",
                                   optarg);
            break;
        case OPT_MEM:
            if (parse_size(optarg, &value) != 0 || value < BOARD_RAM_MIN || value > BOARD_RAM_MAX ||
                value % (1u << 20))
                return usage_error(err, "--mem %s: give a whole number of MiB from 16M to 1G", optarg);
            cli->options.ram_size = (uint32_t)value;
            break;
        case OPT_MAX_INSNS:
            if (parse_count(optarg, &cli->options.max_insns) != 0)
                return usage_error(err, "--max-insns %s: give an instruction count from 1 to 10^18",
                                   optarg);
            break;
        case OPT_TRACE:
            if (sim_parse_trace_flags(optarg, &cli->options.trace) != 0)
                return usage_error(err, "--trace %s: letters are k u e i s", optarg);
            break;
        case OPT_TRACE_LOG: cli->trace_log = optarg; break;
        case OPT_STATS: cli->stats = true; break;
        case OPT_TRACE_OUT: cli->trace_out = optarg; break;
        case OPT_GDB:
            if (parse_size(optarg, &value) != 0 || value > 65535)
                return usage_error(err, "--gdb %s: give a TCP port number", optarg);
            cli->gdb = true;
            cli->gdb_port = (unsigned)value;
            break;
        case OPT_BREAK:
            if (cli->break_count == CLI_MAX_BREAKS)
                return usage_error(err, "--break %s: at most 16 breakpoints", optarg);
            cli->breaks[cli->break_count++] = optarg;
            break;
        case OPT_CHECKPOINTS:
            if (strcmp(optarg, "0") == 0)
                value = 0;
            else if (parse_count(optarg, &value) != 0)
                return usage_error(err, "--checkpoints %s: give an instruction count from 0 to 10^18",
                                   optarg);
            cli->checkpoints = value;
            cli->checkpoints_given = true;
            break;
        case OPT_CHECKPOINT_MEM: {
            char *end;
            errno = 0;
            unsigned long long mib = strtoull(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end || errno || mib > (1ull << 20))
                return usage_error(err, "--checkpoint-mem %s: give a number of MiB from 0 to 1048576",
                                   optarg);
            cli->checkpoint_mem = (uint64_t)mib << 20;
            cli->checkpoint_mem_given = true;
            break;
        }
        case OPT_HELP: cli->help = true; return 0;
        case OPT_VERSION: cli->version = true; return 0;
        default:
            if (optopt > 0 && optopt < 256) {
                /* A short option: argv[optind - 1] is not it while getopt is still
                   inside a cluster such as -xy (it named the program itself). */
                char name[3] = {'-', (char)optopt, '\0'};
                return usage_error(err, "unknown option '%s'", name);
            }
            return usage_error(err, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (cli->vis.then_events && !cli->vis.at_console)
        return usage_error(err, "%s", "--then-events goes with --at-console");
    if (cli->vis.layout_out && !cli->vis.screenshot)
        return usage_error(err, "%s", "--layout-out goes with --screenshot");
    if (cli->attach) {
        if (optind != argc)
            return usage_error(err, "%s", "--attach takes no image (QEMU runs it)");
        cli->vis.image_path = cli->attach;
        if (cli->vis.at && !cli->vis.screenshot)
            return usage_error(err, "%s", "--at goes with --screenshot");
        if (cli->vis.at_console)
            return usage_error(err, "%s", "--at-console needs an image (QEMU's console is its own)");
        if (baud_given && !strchr(cli->attach, '/'))
            return usage_error(err, "%s", "--baud goes with --attach DEVICE (a path)");
        if (cli->release && strchr(cli->attach, '/'))
            return usage_error(err, "%s", "--release goes with --attach HOST:PORT (QEMU)");
        return 0;
    }
    if (cli->release)
        return usage_error(err, "%s", "--release goes with --attach HOST:PORT");
    if (baud_given)
        return usage_error(err, "%s", "--baud goes with --attach DEVICE");
    if (optind != argc - 1)
        return usage_error(err, "%s", optind >= argc ? "no image given" : "give exactly one image");
    cli->image_path = argv[optind];
    cli->vis.image_path = cli->image_path;
    if (cli->vis.at && !cli->vis.screenshot)
        return usage_error(err, "%s", "--at goes with --screenshot (--max-insns limits other runs)");
    if (cli->vis.at_console && !cli->vis.screenshot)
        return usage_error(err, "%s", "--at-console goes with --screenshot");
    if (cli->vis.at_console && cli->vis.at)
        return usage_error(err, "%s", "give --at or --at-console, not both");
    if ((cli->vis.gui || cli->vis.screenshot) && (cli->gdb || cli->break_count))
        return usage_error(err, "%s", "--gui and --screenshot do not combine with --gdb or --break");
    return 0;
}

void cli_print_usage(FILE *out)
{
    fputs(usage_text, out);
}

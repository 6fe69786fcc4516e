/*
 * cli/options.h - numbat-sim's command line read into a cli_t: every option's
 * value checked (docs/numbat-sim.md, "Bad input"), nothing opened or run. Split
 * from the program so that a fuzzer can call it (tests/fuzz-host/fuzz_cli.c).
 * Partners: options.c, numbat-sim.c (which acts on the result).
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../sim/board.h"
#include "../sim/gdbstub.h"
#include "../visualizer/app.h"

enum exit_status {
    EXIT_USAGE = 2,     /* bad option or bad image */
    EXIT_KERNEL = 3,    /* kernel panic, lockup or unrecoverable guest crash */
    EXIT_INSN_LIMIT = 4 /* --max-insns ran out */
};

/* Counts (--max-insns, --at) above this are mistakes: 10^18 is 300 years at 100 MIPS. */
#define CLI_COUNT_MAX 1000000000000000000ull
#define CLI_MAX_BREAKS 16

typedef struct cli {
    sim_options_t options;
    const char *image_path;
    const char *trace_log;
    const char *trace_out;
    bool help;           /* --help: print the usage, exit 0 */
    bool version;        /* --version: Numbat's and Unicorn's versions, exit 0 */
    bool stats;
    bool gdb;            /* --gdb given */
    unsigned gdb_port;
    gdb_stub_t *stub;
    const char *breaks[CLI_MAX_BREAKS]; /* --break as given */
    uint32_t break_addrs[CLI_MAX_BREAKS];
    size_t break_count;
    vis_app_options_t vis; /* --gui, --screenshot, --at, --scale, --size, --tab */
    const char *attach;    /* --attach HOST:PORT or DEVICE: no image, no board */
    unsigned baud;         /* --baud for --attach DEVICE (VIS_ATTACH_DEFAULT_BAUD) */
    const char *release;   /* --release HOST:PORT: QEMU's monitor, to send cont */
    uint64_t checkpoints;  /* --checkpoints N: the interval, 0 for none */
    bool checkpoints_given;
    uint64_t checkpoint_mem; /* --checkpoint-mem MIB, in bytes; 0 for no bound */
    bool checkpoint_mem_given;
} cli_t;

/*
 * Reads argv into *cli (cleared first; RAM defaults to BOARD_RAM_DEFAULT). Strings
 * point into argv, which getopt may reorder. Returns 0 (with cli->help set when
 * --help came before any mistake), or EXIT_USAGE after one line on `err` saying
 * what is wrong. May be called again: getopt's state is reset each time.
 */
int cli_parse(int argc, char **argv, cli_t *cli, FILE *err);
/* The --help text. */
void cli_print_usage(FILE *out);

#endif

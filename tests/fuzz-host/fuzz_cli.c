/*
 * tests/fuzz-host/fuzz_cli.c - libFuzzer harness for numbat-sim's option parser
 * (cli/options.c): the input is argv, its arguments separated by NUL bytes. An
 * accepted command line must hold only values in the documented ranges
 * (docs/numbat-sim.md); a refused one must say so in one line starting
 * "numbat-sim: " (plus the --help hint). Partners: cli/options.h, corpus/cli/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cli/options.h"

#define MAX_ARGS 64

/* The accepted values, as docs/numbat-sim.md gives them. */
static void check_ranges(const cli_t *c, int argc)
{
    const sim_options_t *o = &c->options;
    bool ok = o->ram_size >= BOARD_RAM_MIN && o->ram_size <= BOARD_RAM_MAX &&
              o->ram_size % (1u << 20) == 0 && o->max_insns <= CLI_COUNT_MAX &&
              c->vis.at <= CLI_COUNT_MAX && c->gdb_port <= 65535 &&
              c->break_count <= CLI_MAX_BREAKS && (o->trace & ~0x1Fu) == 0 &&
              (c->vis.scale == 0 || (c->vis.scale >= 0.75f && c->vis.scale <= 3.0f));
    if (!c->help && !c->version) /* both end the parse: no image, and nothing after them read */
        ok = ok && (c->attach ? !c->image_path : c->image_path != NULL) &&
             (!c->vis.at || c->vis.screenshot) &&
             (!c->release || (c->attach && !strchr(c->attach, '/'))) &&
             (!c->vis.layout_out || c->vis.screenshot) &&
             (!c->vis.at_console || (c->vis.screenshot && !c->vis.at && !c->attach &&
                                     c->vis.at_console[0] && !strchr(c->vis.at_console, '\n'))) &&
             (!c->vis.then_events || (c->vis.at_console && c->vis.then_events <= CLI_COUNT_MAX));
    if (!ok || argc < 1)
        abort();
}

/* The message: "numbat-sim: ...", then the hint; nothing else. */
static void check_message(const char *text, size_t len)
{
    const char *hint = "(numbat-sim --help lists the options)\n";
    const char *nl = memchr(text, '\n', len);
    if (len < 12 || memcmp(text, "numbat-sim: ", 12) != 0 || !nl ||
        strcmp(nl + 1, hint) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char buf[4096 + 1];
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    if (size > sizeof(buf) - 1)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    argv[argc++] = "numbat-sim";
    for (size_t at = 0; at < size && argc <= MAX_ARGS; at += strlen(buf + at) + 1)
        argv[argc++] = buf + at;
    argv[argc] = NULL;

    char *text = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&text, &len);
    if (!err)
        abort();
    cli_t cli;
    int rc = cli_parse(argc, argv, &cli, err);
    fclose(err);
    if (rc == 0 && len == 0)
        check_ranges(&cli, argc);
    else if (rc == EXIT_USAGE)
        check_message(text, len);
    else
        abort();
    free(text);
    return 0;
}

/*
 * trace/dump.c - numbat-trace: prints a trace file recorded by numbat-sim
 * --trace-out as text, one event a line (instruction count, event, payload in
 * hex, with a plain reading of thread, IPC, signal, fault and kernel-entry events).
 * With --uart it reads the framed byte stream of vexpress-a15's UART1 (as
 * QEMU's -serial file:... writes it) instead; with --console it prints only the
 * bytes outside frames, the console text of raspi2's UART0, which carries both.
 * Partners: decode.h, text.h (the lines), docs/trace-format.md.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "text.h"
#include "../cli/printable.h"

#define report(...) cli_report("numbat-trace", __VA_ARGS__)

static int dump_file(const char *path)
{
    trace_file_t tf;
    trace_record_t rec;
    char err[256], line[512];
    if (trace_file_open(&tf, path, err, sizeof(err)) != 0) {
        report("%s", err);
        return 2;
    }
    int r;
    while ((r = trace_file_next(&tf, &rec, err, sizeof(err))) == 1) {
        trace_format(&rec, line, sizeof(line));
        puts(line);
    }
    trace_file_close(&tf);
    if (r < 0) {
        report("%s: %s", path, err);
        return 1;
    }
    return 0;
}

/*
 * Returns 0, or 2 if the bytes cannot be read: fopen takes a directory, and only
 * the first read fails (EISDIR), which must not pass for an empty stream.
 */
static void put_text(void *ctx, uint8_t byte)
{
    (void)ctx;
    putchar(byte);
}

/* console: print the bytes outside frames instead of the events. */
static int dump_uart(const char *path, bool console)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    trace_uart_decoder_t d = {.text = console ? put_text : NULL};
    trace_record_t rec;
    char line[512];
    int c;
    if (!f) {
        report("%s: %s", path, strerror(errno));
        return 2;
    }
    while ((c = fgetc(f)) != EOF)
        if (trace_uart_feed(&d, (uint8_t)c, &rec) && !console) {
            trace_format(&rec, line, sizeof(line));
            puts(line);
        }
    if (console)
        trace_uart_end(&d);
    int rc = 0;
    if (ferror(f)) {
        report("%s: %s", path, strerror(errno));
        rc = 2;
    } else if (d.dropped_bytes) {
        report("%llu bytes outside frames skipped",
                (unsigned long long)d.dropped_bytes);
    }
    if (f != stdin)
        fclose(f);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--uart") == 0)
        return dump_uart(argv[2], false);
    if (argc == 3 && strcmp(argv[1], "--console") == 0)
        return dump_uart(argv[2], true);
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: numbat-trace TRACE-FILE | numbat-trace --uart BYTES-FILE|-\n"
                        "       numbat-trace --console BYTES-FILE|-   (the text outside frames)\n");
        return 2;
    }
    return dump_file(argv[1]);
}

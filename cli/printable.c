/*
 * cli/printable.c - user-given text (an option's value, a file name) shown inside a
 * one-line message of numbat-sim or numbat-trace. Partners: options.c, numbat-sim.c,
 * trace/dump.c.
 */
#include <stdarg.h>
#include <stdio.h>

#include "printable.h"

/*
 * The string as it can be shown inside one line: a control byte (a newline would
 * split the message) as \n, \t or \xNN, and at most about len - 8 bytes of it.
 * Returns out.
 */
const char *cli_printable(const char *arg, char *out, size_t len)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)arg; *c && n + 8 < len; c++) {
        if (*c == '\n')
            n += (size_t)snprintf(out + n, len - n, "\\n");
        else if (*c == '\t')
            n += (size_t)snprintf(out + n, len - n, "\\t");
        else if (*c < 0x20 || *c == 0x7F)
            n += (size_t)snprintf(out + n, len - n, "\\x%02x", *c);
        else
            out[n++] = (char)*c;
        if (n + 8 >= len && c[1])
            n += (size_t)snprintf(out + n, len - n, "...");
    }
    out[n] = '\0';
    return out;
}

void cli_report(const char *prog, const char *fmt, ...)
{
    char raw[1024], shown[1100];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof(raw), fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s\n", prog, cli_printable(raw, shown, sizeof(shown)));
}

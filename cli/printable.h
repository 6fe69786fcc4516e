/*
 * cli/printable.h - user-given text made safe for a one-line message (printable.c).
 */
#ifndef CLI_PRINTABLE_H
#define CLI_PRINTABLE_H

#include <stddef.h>

/* s with control bytes as \n, \t or \xNN, cut with "..." to fit out[len]; returns out. */
const char *cli_printable(const char *s, char *out, size_t len);

/* One line on stderr: "prog: " and the message, with control bytes in it made printable
 * (a file name with a newline must not split the line). */
void cli_report(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

/*
 * cli/printable.h - user-given text made safe for a one-line message (printable.c).
 */
#ifndef CLI_PRINTABLE_H
#define CLI_PRINTABLE_H

#include <stddef.h>

/* s with control bytes as \n, \t or \xNN, cut with "..." to fit out[len]; returns out. */
const char *cli_printable(const char *s, char *out, size_t len);

#endif

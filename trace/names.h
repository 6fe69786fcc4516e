/*
 * trace/names.h - names for numbers the host tools print: seL4's system calls,
 * keyed by libsel4's seL4_Sys* numbers. One table for numbat-sim's --trace s and
 * the visualizer's labels. Partners: names.c, sim/run.c, visualizer/describe.c.
 */
#ifndef TRACE_NAMES_H
#define TRACE_NAMES_H

#include <stdint.h>

/* "Call", "Yield", ... for a system call number as the kernel sees it in r7
 * (negative); "unknown" for any other number. */
const char *trace_syscall_name(int32_t number);

#endif

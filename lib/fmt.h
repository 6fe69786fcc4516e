/*
 * lib/fmt.h - printf-style formatting for freestanding code: the kernel's kprintf
 * (user programs have the C library's printf). Supports %d %i %u %x %X %p %s %c %%,
 * with flags '-' and '0', a width, and the l/ll/z length modifiers.
 * Partners: fmt.c, kernel/console.c.
 */
#ifndef LIB_FMT_H
#define LIB_FMT_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*fmt_putc_t)(void *ctx, char c);

/* Formats into putc; returns the number of characters produced. */
int fmt_vformat(fmt_putc_t putc, void *ctx, const char *fmt, va_list ap);

#endif

/*
 * runtime/include/numbat/runtime.h - the small C runtime every Numbat user program
 * links with: printf and friends through seL4_DebugPutChar, assert, exit.
 * Partners: ../../start.c, ../../stdio.c.
 */
#ifndef NUMBAT_RUNTIME_H
#define NUMBAT_RUNTIME_H

#include <stdarg.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int putchar(int c);
int puts(const char *s);
/* Shuts the board down; numbat-sim exits with `status`. */
void exit(int status) __attribute__((noreturn));

void numbat_assert_fail(const char *expr, const char *file, int line, const char *func)
    __attribute__((noreturn));
#define assert(e) ((e) ? (void)0 : numbat_assert_fail(#e, __FILE__, __LINE__, __func__))

#endif

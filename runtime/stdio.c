/*
 * runtime/stdio.c - console output for user programs: every character goes through
 * seL4_DebugPutChar, so output needs no driver and appears on the kernel's console.
 * Partners: include/numbat/runtime.h, lib/fmt.c.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#include "../lib/fmt.h"

#define ASSERT_FAILED_STATUS 134 /* what a C program's abort() exit looks like */

int putchar(int c)
{
    seL4_DebugPutChar((char)c);
    return (unsigned char)c;
}

int puts(const char *s)
{
    while (*s)
        putchar(*s++);
    putchar('\n');
    return 0;
}

static void put_console(void *ctx, char c)
{
    (void)ctx;
    putchar(c);
}

int vprintf(const char *fmt, va_list ap)
{
    return fmt_vformat(put_console, NULL, fmt, ap);
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

typedef struct buffer {
    char *buf;
    size_t size, used;
} buffer_t;

static void put_buffer(void *ctx, char c)
{
    buffer_t *b = ctx;
    if (b->used + 1 < b->size)
        b->buf[b->used] = c;
    b->used++;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    buffer_t b = {buf, size, 0};
    va_list ap;
    va_start(ap, fmt);
    int n = fmt_vformat(put_buffer, &b, fmt, ap);
    va_end(ap);
    if (size)
        buf[b.used < size ? b.used : size - 1] = '\0';
    return n;
}

void numbat_assert_fail(const char *expr, const char *file, int line, const char *func)
{
    printf("assertion failed: %s (%s:%d, %s)\n", expr, file, line, func);
    exit(ASSERT_FAILED_STATUS);
}

/*
 * kernel/console.c - kernel console output over the platform UART, and the few
 * string helpers a freestanding kernel needs. Partners: kernel.h, lib/fmt.c.
 */
#include <stdarg.h>

#include "../lib/fmt.h"
#include "arch.h"

void kputc(char c)
{
    if (c == '\n')
        arch_console_putc('\r');
    arch_console_putc(c);
}

void kputs(const char *s)
{
    while (*s)
        kputc(*s++);
}

static void put_to_console(void *ctx, char c)
{
    (void)ctx;
    kputc(c);
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = fmt_vformat(put_to_console, NULL, fmt, ap);
    va_end(ap);
    return n;
}

NORETURN void kpanic_at(const char *function, const char *fmt, ...)
{
    va_list ap;
    kprintf("numbat: kernel panic in %s: ", function);
    va_start(ap, fmt);
    fmt_vformat(put_to_console, NULL, fmt, ap);
    va_end(ap);
    kputc('\n');
    arch_panic_stop(1);
}

/* The compiler may emit calls to memset/memcpy for struct copies and zeroing. */
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

/* Word stores where alignment allows: retype clears megabytes at a time. */
void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n && ((uintptr_t)d & 3)) {
        *d++ = (unsigned char)c;
        n--;
    }
    uint32_t word = 0x01010101u * (unsigned char)c;
    for (; n >= 16; n -= 16, d += 16) {
        uint32_t *w = (uint32_t *)(void *)d;
        w[0] = word;
        w[1] = word;
        w[2] = word;
        w[3] = word;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

void *kmemset(void *dst, int c, size_t n) { return memset(dst, c, n); }
void *kmemcpy(void *dst, const void *src, size_t n) { return memcpy(dst, src, n); }

int kstrcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

size_t kstrlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/*
 * kernel/kernel.h - what every kernel file uses: fixed-width types, console
 * output, panics and assertions. Partner: console.c (output, kpanic_at and the
 * string helpers).
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NORETURN __attribute__((noreturn))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void kputc(char c);
void kputs(const char *s);
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Stops the system after printing where and why; for the impossible only. */
NORETURN void kpanic_at(const char *function, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
#define kpanic(...) kpanic_at(__func__, __VA_ARGS__)
#define kassert(cond)                                      \
    do {                                                   \
        if (!(cond))                                       \
            kpanic("assertion failed: %s", #cond);         \
    } while (0)

void *kmemset(void *dst, int c, size_t n);
void *kmemcpy(void *dst, const void *src, size_t n);
int kstrcmp(const char *a, const char *b);
size_t kstrlen(const char *s);

#endif

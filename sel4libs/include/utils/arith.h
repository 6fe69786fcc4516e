/*
 * sel4libs/include/utils/arith.h - small arithmetic macros of seL4's libutils: bits,
 * alignment, minimum and maximum, array length. Each argument may be evaluated more
 * than once. Partner: util.h.
 */
#ifndef SEL4LIBS_UTILS_ARITH_H
#define SEL4LIBS_UTILS_ARITH_H

#include <stddef.h>
#include <stdint.h>

#define BIT(n) (1ul << (n))
#define MASK(n) (BIT(n) - 1ul)
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
/* `align` a power of two; the _BITS forms take its log2. */
#define ROUND_DOWN(n, align) ((n) & ~((align) - 1))
#define ROUND_UP(n, align) ROUND_DOWN((n) + (align) - 1, (align))
#define ALIGN_DOWN(n, align) ROUND_DOWN(n, align)
#define ALIGN_UP(n, align) ROUND_UP(n, align)
#define IS_ALIGNED(n, bits) (((n) & MASK(bits)) == 0)
#define IS_POWER_OF_2(x) ((x) != 0 && ((x) & ((x) - 1)) == 0)
#define LOG_BASE_2(n) ((unsigned)(8 * sizeof(unsigned long) - 1 - __builtin_clzl(n)))

#endif

/*
 * sel4libs/include/utils/compile_time.h - checks at compile time, by seL4's names.
 * Partner: util.h.
 */
#ifndef SEL4LIBS_UTILS_COMPILE_TIME_H
#define SEL4LIBS_UTILS_COMPILE_TIME_H

#define compile_time_assert(name, expr) _Static_assert(expr, #name)

#endif

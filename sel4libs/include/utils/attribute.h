/*
 * sel4libs/include/utils/attribute.h - the GCC attributes seL4 code names by macro.
 * Partner: util.h.
 */
#ifndef SEL4LIBS_UTILS_ATTRIBUTE_H
#define SEL4LIBS_UTILS_ATTRIBUTE_H

#define UNUSED __attribute__((unused))
#define NORETURN __attribute__((noreturn))
#define PACKED __attribute__((packed))
#define ALIGN(n) __attribute__((aligned(n)))
#define WEAK __attribute__((weak))
#define CONST __attribute__((const))
#define PURE __attribute__((pure))
#define ALWAYS_INLINE __attribute__((always_inline))
#define NO_INLINE __attribute__((noinline))
#define SECTION(s) __attribute__((section(s)))
#define VISIBLE __attribute__((externally_visible))

#endif

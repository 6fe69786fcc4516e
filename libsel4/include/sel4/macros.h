/*
 * sel4/macros.h — small compiler helpers shared by every libsel4 header:
 * inline-function marker, enum width forcing, bit helper, compile-time asserts.
 * Partners: every other header in sel4/ includes this one first.
 */
#ifndef SEL4_MACROS_H
#define SEL4_MACROS_H

/* seL4 marks every library function this way; programs sometimes reuse it. */
#define LIBSEL4_INLINE_FUNC static inline
#define LIBSEL4_INLINE      static inline
#define LIBSEL4_UNUSED      __attribute__((unused))
#define SEL4_PACKED         __attribute__((packed))
#define SEL4_DEPRECATED(x)  __attribute__((deprecated(x)))
#define SEL4_OFFSETOF(type, member) __builtin_offsetof(type, member)

/* Unsigned single-bit mask; used for every size constant derived from a "Bits" value. */
#define LIBSEL4_BIT(n) (1u << (n))

/*
 * seL4 forces its enums to word width so that they have the same size in the
 * kernel, in C and in other-language bindings. Our word is 32 bits on the target
 * *and* in host unit tests, so the pad is the largest positive 32-bit int rather
 * than LONG_MAX (which would make enums 8 bytes on an LP64 host).
 */
#define SEL4_FORCE_LONG_ENUM(type) _enum_pad_##type = 0x7FFFFFFF

/*
 * File-scope compile-time check with a readable name (seL4 offers the same macro).
 * C11 has _Static_assert; for programs built as strict C99 fall back to the
 * negative-array-size trick so the headers stay -Wpedantic clean there too.
 */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define SEL4_COMPILE_ASSERT(name, expr) _Static_assert((expr), #name)
#else
#define SEL4_COMPILE_ASSERT(name, expr) \
    typedef char sel4_compile_assert_##name[(expr) ? 1 : -1] __attribute__((unused))
#endif

#endif /* SEL4_MACROS_H */

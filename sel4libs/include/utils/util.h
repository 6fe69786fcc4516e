/*
 * sel4libs/include/utils/util.h - seL4's libutils in one include: attributes,
 * arithmetic, compile-time checks, logging (ZF_LOG*), and the C headers its users
 * expect with it. Partners: arith.h, attribute.h, compile_time.h, zf_log.h.
 */
#ifndef SEL4LIBS_UTILS_UTIL_H
#define SEL4LIBS_UTILS_UTIL_H

#include <assert.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utils/arith.h>
#include <utils/attribute.h>
#include <utils/compile_time.h>
#include <utils/zf_log.h>

/* 4 KiB, 64 KiB, 1 MiB and 16 MiB pages, as seL4's libutils names them. */
#define PAGE_BITS_4K 12
#define PAGE_SIZE_4K BIT(PAGE_BITS_4K)
#define PAGE_BITS_64K 16
#define PAGE_SIZE_64K BIT(PAGE_BITS_64K)
#define PAGE_BITS_1M 20
#define PAGE_SIZE_1M BIT(PAGE_BITS_1M)
#define PAGE_BITS_16M 24
#define PAGE_SIZE_16M BIT(PAGE_BITS_16M)

#endif

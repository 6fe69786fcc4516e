/*
 * lib/cpio.h - reading a cpio "newc" archive (the format of `cpio -H newc`), the
 * way programs travel in a Numbat image: the kernel's archive of the root task
 * (kernel/archive.c) and the programs a root task can spawn (libnumbat).
 * Partner: cpio.c.
 */
#ifndef LIB_CPIO_H
#define LIB_CPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cpio_file {
    const char *name;
    size_t name_len;
    const uint8_t *data;
    size_t size;
} cpio_file_t;

/* The index-th file of the archive at [start, start + total); false past its end
 * (the "TRAILER!!!" entry) or where it is corrupt. */
bool cpio_file(const uint8_t *start, size_t total, unsigned index, cpio_file_t *out);

#endif

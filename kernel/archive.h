/*
 * kernel/archive.h - the user programs built into the image: a cpio "newc"
 * archive (the format of `cpio -H newc`) linked into the kernel's read-only data.
 * The first file is the root task. Partners: archive.c, kernel.ld (__archive_*).
 */
#ifndef KERNEL_ARCHIVE_H
#define KERNEL_ARCHIVE_H

#include "kernel.h"

typedef struct archive_file {
    const char *name;
    size_t name_len;
    const uint8_t *data;
    size_t size;
} archive_file_t;

/* The index-th file of the built-in archive; returns false past the end or on corruption. */
bool archive_file(unsigned index, archive_file_t *out);

#endif

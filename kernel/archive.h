/*
 * kernel/archive.h - the user programs built into the image: a cpio "newc"
 * archive (lib/cpio.h) linked into the kernel's read-only data. The first file is
 * the root task. Partners: archive.c, kernel.ld (__archive_*).
 */
#ifndef KERNEL_ARCHIVE_H
#define KERNEL_ARCHIVE_H

#include "../lib/cpio.h"
#include "kernel.h"

typedef cpio_file_t archive_file_t;

/* The index-th file of the built-in archive; returns false past the end or on corruption. */
bool archive_file(unsigned index, archive_file_t *out);

#endif

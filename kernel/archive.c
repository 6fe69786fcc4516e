/*
 * kernel/archive.c - the built-in archive of user programs, read with lib/cpio.c.
 * Partner: archive.h.
 */
#include "archive.h"

extern const uint8_t __archive_start[], __archive_end[];

bool archive_file(unsigned index, archive_file_t *out)
{
    return cpio_file(__archive_start, (size_t)(__archive_end - __archive_start), index, out);
}

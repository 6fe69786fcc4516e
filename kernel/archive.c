/*
 * kernel/archive.c - walking a cpio newc archive. Each member is a 110-byte ASCII
 * header ("070701" and thirteen 8-digit hex fields), the NUL-terminated name, and
 * the data, with name and data each padded to 4 bytes. "TRAILER!!!" ends it.
 * Partner: archive.h.
 */
#include "archive.h"

extern const uint8_t __archive_start[], __archive_end[];

#define NEWC_HEADER_SIZE 110
#define NEWC_FIELD_DIGITS 8
/* Field positions, in units of 8 hex digits after the 6-byte magic. */
#define NEWC_FIELD_FILESIZE 6
#define NEWC_FIELD_NAMESIZE 11

static bool hex_field(const uint8_t *header, unsigned field, size_t *value)
{
    const uint8_t *p = header + 6 + field * NEWC_FIELD_DIGITS;
    size_t v = 0;
    for (unsigned i = 0; i < NEWC_FIELD_DIGITS; i++) {
        uint8_t c = p[i];
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return false;
        v = v * 16 + digit;
    }
    *value = v;
    return true;
}

static size_t align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

static bool is_newc(const uint8_t *p)
{
    static const char magic[] = "070701";
    for (unsigned i = 0; i < 6; i++)
        if (p[i] != (uint8_t)magic[i])
            return false;
    return true;
}

bool archive_file(unsigned index, archive_file_t *out)
{
    size_t offset = 0, total = (size_t)(__archive_end - __archive_start);
    for (unsigned i = 0;; i++) {
        const uint8_t *h = __archive_start + offset;
        size_t name_size, file_size;
        if (offset + NEWC_HEADER_SIZE > total || !is_newc(h) ||
            !hex_field(h, NEWC_FIELD_NAMESIZE, &name_size) ||
            !hex_field(h, NEWC_FIELD_FILESIZE, &file_size))
            return false;
        size_t data_offset = align4(offset + NEWC_HEADER_SIZE + name_size);
        if (name_size == 0 || data_offset + file_size > total)
            return false;
        const char *name = (const char *)h + NEWC_HEADER_SIZE;
        if (kstrcmp(name, "TRAILER!!!") == 0)
            return false;
        if (i == index) {
            *out = (archive_file_t){name, name_size - 1, __archive_start + data_offset, file_size};
            return true;
        }
        offset = align4(data_offset + file_size);
    }
}

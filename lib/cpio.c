/*
 * lib/cpio.c - walking a cpio newc archive. Each member is a 110-byte ASCII header
 * ("070701" and thirteen 8-digit hex fields), the NUL-terminated name, and the
 * data, with name and data each padded to 4 bytes. "TRAILER!!!" ends it.
 * Partner: cpio.h.
 */
#include "cpio.h"

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

static bool same_text(const uint8_t *p, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)text[i])
            return false;
    return true;
}

bool cpio_file(const uint8_t *start, size_t total, unsigned index, cpio_file_t *out)
{
    static const char trailer[] = "TRAILER!!!";
    size_t offset = 0;
    for (unsigned i = 0;; i++) {
        const uint8_t *h = start + offset;
        size_t name_size, file_size;
        if (offset + NEWC_HEADER_SIZE > total || !same_text(h, "070701", 6) ||
            !hex_field(h, NEWC_FIELD_NAMESIZE, &name_size) ||
            !hex_field(h, NEWC_FIELD_FILESIZE, &file_size))
            return false;
        size_t data_offset = align4(offset + NEWC_HEADER_SIZE + name_size);
        if (name_size == 0 || data_offset + file_size > total || data_offset > total)
            return false;
        const uint8_t *name = h + NEWC_HEADER_SIZE;
        if (name_size == sizeof(trailer) && same_text(name, trailer, sizeof(trailer)))
            return false;
        if (i == index) {
            *out = (cpio_file_t){(const char *)name, name_size - 1, start + data_offset, file_size};
            return true;
        }
        offset = align4(data_offset + file_size);
    }
}

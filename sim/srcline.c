/*
 * sim/srcline.c - address to source line through libdw (Debian's elfutils), and
 * finding the root task inside a Numbat image: the kernel links a cpio newc
 * archive between the symbols __archive_start and __archive_end
 * (arch/arm/kernel.ld), so the file offset of that range gives the archive, and
 * its first member is the root task's ELF. Partner: srcline.h.
 */
#include "srcline.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct srcline {
    Elf *elf;
    Dwarf *dwarf;
};

srcline_t *srcline_open(const uint8_t *bytes, size_t size)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return NULL;
    Elf *elf = elf_memory((char *)bytes, size);
    Dwarf *dwarf = elf ? dwarf_begin_elf(elf, DWARF_C_READ, NULL) : NULL;
    srcline_t *s = dwarf ? calloc(1, sizeof(*s)) : NULL;
    if (!s) {
        if (dwarf)
            dwarf_end(dwarf);
        if (elf)
            elf_end(elf);
        return NULL;
    }
    s->elf = elf;
    s->dwarf = dwarf;
    return s;
}

void srcline_close(srcline_t *s)
{
    if (!s)
        return;
    dwarf_end(s->dwarf);
    elf_end(s->elf);
    free(s);
}

bool srcline_find(srcline_t *s, uint32_t addr, char *out, size_t len)
{
    Dwarf_Die cu;
    if (!s || !dwarf_addrdie(s->dwarf, addr, &cu))
        return false;
    Dwarf_Line *line = dwarf_getsrc_die(&cu, addr);
    int lineno = 0;
    const char *file = line ? dwarf_linesrc(line, NULL, NULL) : NULL;
    if (!file || dwarf_lineno(line, &lineno) != 0)
        return false;
    /* Paths are as the compiler saw them: relative to the top of the tree. */
    snprintf(out, len, "%s:%d", file, lineno);
    return true;
}

/* The file bytes behind kernel virtual address va (in a loaded segment), or NULL. */
static const uint8_t *file_bytes_at(const elf_image_t *img, uint32_t va, uint32_t len)
{
    for (size_t i = 0; i < img->segment_count; i++) {
        const elf_segment_t *seg = &img->segments[i];
        if (va >= seg->vaddr && (uint64_t)va + len <= (uint64_t)seg->vaddr + seg->filesz)
            return seg->data + (va - seg->vaddr);
    }
    return NULL;
}

/* cpio newc: "070701", 13 eight-digit hex fields, the name, the data (4-aligned). */
static uint32_t newc_field(const uint8_t *h, unsigned i)
{
    char digits[9];
    memcpy(digits, h + 6 + 8 * i, 8);
    digits[8] = '\0';
    return (uint32_t)strtoul(digits, NULL, 16);
}

bool elf_image_root_task(const elf_image_t *kernel, const uint8_t **bytes, size_t *size)
{
    uint32_t start, end;
    if (elf_image_symbol_address(kernel, "__archive_start", &start) != 0 ||
        elf_image_symbol_address(kernel, "__archive_end", &end) != 0 || end - start < 110)
        return false;
    const uint8_t *archive = file_bytes_at(kernel, start, end - start);
    if (!archive || memcmp(archive, "070701", 6) != 0)
        return false;
    uint32_t file_size = newc_field(archive, 6), name_size = newc_field(archive, 11);
    uint32_t data = (110 + name_size + 3) & ~3u;
    if (data + file_size > end - start)
        return false;
    *bytes = archive + data;
    *size = file_size;
    return true;
}

bool srcline_locate(srcline_t *s, uint32_t addr, char *path, size_t path_len, int *line)
{
    Dwarf_Die cu;
    if (!s || !dwarf_addrdie(s->dwarf, addr, &cu))
        return false;
    Dwarf_Line *l = dwarf_getsrc_die(&cu, addr);
    const char *file = l ? dwarf_linesrc(l, NULL, NULL) : NULL;
    if (!file || dwarf_lineno(l, line) != 0)
        return false;
    Dwarf_Attribute attr;
    const char *dir = dwarf_formstring(dwarf_attr(&cu, DW_AT_comp_dir, &attr));
    if (file[0] != '/' && dir)
        snprintf(path, path_len, "%s/%s", dir, file);
    else
        snprintf(path, path_len, "%s", file);
    return true;
}

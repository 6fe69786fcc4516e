/*
 * sim/elf_image.c - ELF reading through libelf (Debian's elfutils). The whole file
 * is kept in memory; segments point into it. Partner: elf_image.h.
 */
#include "elf_image.h"

#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t err_len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
    return -1;
}

static int read_whole_file(const char *path, elf_image_t *image, char *err, size_t err_len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(err, err_len, "%s: %s", path, strerror(errno));
    if (fseek(f, 0, SEEK_END) != 0 || ftell(f) < 0) {
        fclose(f);
        return fail(err, err_len, "%s: cannot read (not a regular file?)", path);
    }
    image->file_size = (size_t)ftell(f);
    rewind(f);
    image->file = malloc(image->file_size ? image->file_size : 1);
    size_t got = image->file ? fread(image->file, 1, image->file_size, f) : 0;
    fclose(f);
    if (got != image->file_size)
        return fail(err, err_len, "%s: short read", path);
    return 0;
}

static int check_header(Elf *elf, const char *path, GElf_Ehdr *eh, char *err, size_t err_len)
{
    if (elf_kind(elf) != ELF_K_ELF)
        return fail(err, err_len, "%s: not an ELF file", path);
    if (!gelf_getehdr(elf, eh))
        return fail(err, err_len, "%s: bad ELF header: %s", path, elf_errmsg(-1));
    if (eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_machine != EM_ARM)
        return fail(err, err_len, "%s: not a 32-bit ARM ELF (machine %u, class %u)", path,
                    eh->e_machine, eh->e_ident[EI_CLASS]);
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
        return fail(err, err_len, "%s: big-endian ELF; the board is little-endian", path);
    if (eh->e_type != ET_EXEC)
        return fail(err, err_len, "%s: not an executable (ELF type %u)", path, eh->e_type);
    return 0;
}

static int read_segments(Elf *elf, elf_image_t *image, const char *path, char *err, size_t err_len)
{
    size_t count;
    if (elf_getphdrnum(elf, &count) != 0)
        return fail(err, err_len, "%s: bad program headers", path);
    image->segments = calloc(count ? count : 1, sizeof(elf_segment_t));
    for (size_t i = 0; i < count; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, (int)i, &ph))
            return fail(err, err_len, "%s: bad program header %zu", path, i);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_offset + ph.p_filesz > image->file_size || ph.p_filesz > ph.p_memsz)
            return fail(err, err_len, "%s: segment %zu lies outside the file", path, i);
        elf_segment_t *s = &image->segments[image->segment_count++];
        s->paddr = (uint32_t)ph.p_paddr;
        s->vaddr = (uint32_t)ph.p_vaddr;
        s->filesz = (uint32_t)ph.p_filesz;
        s->memsz = (uint32_t)ph.p_memsz;
        s->flags = ph.p_flags;
        s->data = image->file + ph.p_offset;
    }
    if (image->segment_count == 0)
        return fail(err, err_len, "%s: no loadable segment", path);
    return 0;
}

/* QEMU's rule: an entry inside an executable segment linked elsewhere is moved with it. */
static uint32_t physical_entry(const elf_image_t *image, uint32_t entry)
{
    for (size_t i = 0; i < image->segment_count; i++) {
        const elf_segment_t *s = &image->segments[i];
        if (s->vaddr != s->paddr && (s->flags & PF_X) && entry >= s->vaddr &&
            entry - s->vaddr < s->filesz)
            return entry - s->vaddr + s->paddr;
    }
    return entry;
}

static int compare_symbols(const void *a, const void *b)
{
    const elf_symbol_t *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    return strcmp(x->name, y->name);
}

static void read_symbols(Elf *elf, elf_image_t *image)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(elf, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = sh.sh_size / sh.sh_entsize;
        image->symbols = calloc(n ? n : 1, sizeof(elf_symbol_t));
        for (size_t i = 0; data && i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(data, (int)i, &sym))
                continue;
            int type = GELF_ST_TYPE(sym.st_info);
            const char *name = elf_strptr(elf, sh.sh_link, sym.st_name);
            /* ARM mapping symbols ($a, $d, $t) mark code/data runs, not names. */
            if (!name || !*name || name[0] == '$' || sym.st_shndx == SHN_UNDEF ||
                (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE))
                continue;
            elf_symbol_t *s = &image->symbols[image->symbol_count++];
            s->addr = (uint32_t)sym.st_value & ~1u; /* Thumb bit */
            s->size = (uint32_t)sym.st_size;
            s->name = strdup(name);
        }
        break;
    }
    if (image->symbol_count)
        qsort(image->symbols, image->symbol_count, sizeof(elf_symbol_t), compare_symbols);
}

/* Reads image->file (already filled) as an ELF; `name` is for messages. */
static int parse_loaded(elf_image_t *image, const char *name, char *err, size_t err_len)
{
    Elf *elf = elf_memory((char *)image->file, image->file_size);
    GElf_Ehdr eh;
    int rc = -1;
    if (!elf)
        fail(err, err_len, "%s: not an ELF file", name);
    else if (check_header(elf, name, &eh, err, err_len) == 0 &&
             read_segments(elf, image, name, err, err_len) == 0) {
        image->entry = physical_entry(image, (uint32_t)eh.e_entry);
        read_symbols(elf, image);
        rc = 0;
    }
    if (elf)
        elf_end(elf);
    if (rc != 0)
        elf_image_close(image);
    return rc;
}

int elf_image_open(const char *path, elf_image_t *image, char *err, size_t err_len)
{
    memset(image, 0, sizeof(*image));
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, err_len, "libelf is out of date");
    if (read_whole_file(path, image, err, err_len) != 0)
        return -1;
    return parse_loaded(image, path, err, err_len);
}

int elf_image_from_memory(const uint8_t *bytes, size_t size, elf_image_t *image, char *err,
                          size_t err_len)
{
    memset(image, 0, sizeof(*image));
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, err_len, "libelf is out of date");
    image->file = malloc(size ? size : 1);
    if (!image->file)
        return fail(err, err_len, "out of memory");
    memcpy(image->file, bytes, size);
    image->file_size = size;
    return parse_loaded(image, "embedded program", err, err_len);
}

void elf_image_close(elf_image_t *image)
{
    for (size_t i = 0; i < image->symbol_count; i++)
        free(image->symbols[i].name);
    free(image->symbols);
    free(image->segments);
    free(image->file);
    memset(image, 0, sizeof(*image));
}

const elf_symbol_t *elf_image_symbol_at(const elf_image_t *image, uint32_t addr, uint32_t *offset)
{
    size_t lo = 0, hi = image->symbol_count;
    /* Find the last symbol with address <= addr. */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (image->symbols[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const elf_symbol_t *s = &image->symbols[lo - 1];
    *offset = addr - s->addr;
    return s;
}

int elf_image_symbol_address(const elf_image_t *image, const char *name, uint32_t *addr)
{
    for (size_t i = 0; i < image->symbol_count; i++) {
        if (strcmp(image->symbols[i].name, name) == 0) {
            *addr = image->symbols[i].addr;
            return 0;
        }
    }
    return -1;
}

/*
 * sim/elf_image.c - ELF reading through libelf (Debian's elfutils). The whole file
 * is kept in memory; segments point into it. Partner: elf_image.h.
 */
#include "elf_image.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(char *err, size_t err_len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
    return -1;
}

/* Larger than any image numbat-sim can load (RAM is at most 1 GiB), with symbols. */
#define IMAGE_FILE_MAX (1ull << 30)

/* What a file that is not a regular file is, for the message; NULL for a regular one. */
static const char *file_kind(mode_t mode)
{
    if (S_ISREG(mode))
        return NULL;
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISFIFO(mode))
        return "a pipe";
    return "not a regular file";
}

/* Reads all of fd into a fresh buffer of `size` bytes. Returns 0, or -1 with errno. */
static int read_all(int fd, uint8_t *buf, size_t size)
{
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO; /* the file shrank while being read */
            return -1;
        }
        got += (size_t)n;
    }
    return 0;
}

/*
 * Only a regular file is read: a directory's "size" is meaningless, a device such as
 * /dev/zero never ends, and opening a FIFO would wait for a writer (hence O_NONBLOCK).
 */
static int read_whole_file(const char *path, elf_image_t *image, char *err, size_t err_len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return fail(err, err_len, "%s: %s", path, strerror(e));
    }
    const char *kind = file_kind(st.st_mode);
    int rc = 0;
    if (kind)
        rc = fail(err, err_len, "%s: %s, not an image file", path, kind);
    else if ((uint64_t)st.st_size > IMAGE_FILE_MAX)
        rc = fail(err, err_len, "%s: %lld bytes, too big for an image (at most 1 GiB)", path,
                  (long long)st.st_size);
    else if (!(image->file = malloc(st.st_size ? (size_t)st.st_size : 1)))
        rc = fail(err, err_len, "%s: out of memory", path);
    else if (read_all(fd, image->file, (size_t)st.st_size) != 0)
        rc = fail(err, err_len, "%s: %s", path, strerror(errno));
    else
        image->file_size = (size_t)st.st_size;
    close(fd);
    return rc;
}

/*
 * The identification bytes and the header's size, checked before libelf reads
 * anything, so that each mistake is named: libelf would read a big-endian
 * header byte-swapped (EM_ARM as machine 10240) or a short one as no ELF at all.
 */
static int check_ident(const uint8_t *f, size_t size, const char *name, char *err, size_t err_len)
{
    if (size == 0)
        return fail(err, err_len, "%s: an empty file, not an ELF image", name);
    if (size < SELFMAG || memcmp(f, ELFMAG, SELFMAG) != 0)
        return fail(err, err_len, "%s: not an ELF file", name);
    if (size < EI_NIDENT)
        return fail(err, err_len, "%s: truncated: %zu bytes, shorter than an ELF32 header (%zu)",
                    name, size, sizeof(Elf32_Ehdr));
    if (f[EI_CLASS] == ELFCLASS64)
        return fail(err, err_len, "%s: a 64-bit ELF; numbat-sim runs 32-bit ARM images", name);
    if (f[EI_CLASS] != ELFCLASS32)
        return fail(err, err_len, "%s: bad ELF class %u", name, f[EI_CLASS]);
    if (f[EI_DATA] == ELFDATA2MSB)
        return fail(err, err_len, "%s: a big-endian ELF; the board is little-endian", name);
    if (f[EI_DATA] != ELFDATA2LSB)
        return fail(err, err_len, "%s: bad ELF data encoding %u", name, f[EI_DATA]);
    if (size < sizeof(Elf32_Ehdr))
        return fail(err, err_len, "%s: truncated: %zu bytes, shorter than an ELF32 header (%zu)",
                    name, size, sizeof(Elf32_Ehdr));
    return 0;
}

static int check_header(Elf *elf, const char *path, GElf_Ehdr *eh, char *err, size_t err_len)
{
    if (elf_kind(elf) != ELF_K_ELF)
        return fail(err, err_len, "%s: not an ELF file", path);
    if (!gelf_getehdr(elf, eh))
        return fail(err, err_len, "%s: bad ELF header: %s", path, elf_errmsg(-1));
    if (eh->e_machine != EM_ARM)
        return fail(err, err_len, "%s: not an ARM ELF (machine %u)", path, eh->e_machine);
    if (eh->e_type != ET_EXEC)
        return fail(err, err_len, "%s: not an executable (ELF type %u)", path, eh->e_type);
    return 0;
}

static int table_in_file(const GElf_Ehdr *eh, size_t count, const elf_image_t *image,
                         const char *path, char *err, size_t err_len)
{
    if (eh->e_phoff + (uint64_t)count * eh->e_phentsize <= image->file_size)
        return 0;
    return fail(err, err_len,
                "%s: program headers (file offset 0x%llx, %zu of %u bytes) lie outside the file "
                "(0x%zx bytes)",
                path, (unsigned long long)eh->e_phoff, count, eh->e_phentsize, image->file_size);
}

/*
 * The program header table must be ELF32's and lie inside the file. Sets *count.
 * The range is checked before libelf looks (it would only say "invalid data"), and
 * again with the count libelf finds (e_phnum = PN_XNUM keeps it in section 0).
 */
static int check_program_headers(Elf *elf, const GElf_Ehdr *eh, const elf_image_t *image,
                                 const char *path, size_t *count, char *err, size_t err_len)
{
    if (eh->e_phnum == 0)
        return fail(err, err_len, "%s: no program headers", path);
    if (eh->e_phentsize != sizeof(Elf32_Phdr))
        return fail(err, err_len, "%s: program headers of %u bytes (ELF32's are %zu)", path,
                    eh->e_phentsize, sizeof(Elf32_Phdr));
    if (table_in_file(eh, eh->e_phnum, image, path, err, err_len) != 0)
        return -1;
    if (elf_getphdrnum(elf, count) != 0)
        return fail(err, err_len, "%s: bad program headers: %s", path, elf_errmsg(-1));
    return table_in_file(eh, *count, image, path, err, err_len);
}

/* One PT_LOAD header: its bytes in the file, and its place in the address space. */
static int check_segment(const GElf_Phdr *ph, size_t i, const elf_image_t *image,
                         const char *path, char *err, size_t err_len)
{
    if (ph->p_filesz > ph->p_memsz)
        return fail(err, err_len,
                    "%s: segment %zu has more bytes in the file (0x%llx) than in memory (0x%llx)",
                    path, i, (unsigned long long)ph->p_filesz, (unsigned long long)ph->p_memsz);
    if (ph->p_offset + ph->p_filesz > image->file_size)
        return fail(err, err_len,
                    "%s: segment %zu (file offset 0x%llx, 0x%llx bytes) lies outside the file "
                    "(0x%zx bytes)",
                    path, i, (unsigned long long)ph->p_offset, (unsigned long long)ph->p_filesz,
                    image->file_size);
    if (ph->p_paddr + ph->p_memsz > (1ull << 32))
        return fail(err, err_len,
                    "%s: segment %zu (0x%08llx, 0x%llx bytes) runs past the 32-bit address space",
                    path, i, (unsigned long long)ph->p_paddr, (unsigned long long)ph->p_memsz);
    return 0;
}

static int compare_segments(const void *a, const void *b)
{
    const elf_segment_t *x = a, *y = b;
    return x->paddr < y->paddr ? -1 : x->paddr > y->paddr;
}

/* Two segments loaded at the same physical bytes: one would overwrite the other. */
static int check_overlaps(elf_image_t *image, const char *path, char *err, size_t err_len)
{
    qsort(image->segments, image->segment_count, sizeof(elf_segment_t), compare_segments);
    for (size_t i = 1; i < image->segment_count; i++) {
        const elf_segment_t *a = &image->segments[i - 1], *b = &image->segments[i];
        if ((uint64_t)a->paddr + a->memsz > b->paddr)
            return fail(err, err_len,
                        "%s: segments %u (0x%08x-0x%08x) and %u (0x%08x-0x%08x) overlap", path,
                        a->index, a->paddr, a->paddr + a->memsz - 1, b->index, b->paddr,
                        b->paddr + b->memsz - 1);
    }
    return 0;
}

static int read_segments(Elf *elf, const GElf_Ehdr *eh, elf_image_t *image, const char *path,
                         char *err, size_t err_len)
{
    size_t count;
    if (check_program_headers(elf, eh, image, path, &count, err, err_len) != 0)
        return -1;
    image->segments = calloc(count, sizeof(elf_segment_t));
    if (!image->segments)
        return fail(err, err_len, "%s: out of memory", path);
    for (size_t i = 0; i < count; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, (int)i, &ph))
            return fail(err, err_len, "%s: bad program header %zu: %s", path, i, elf_errmsg(-1));
        if (ph.p_type != PT_LOAD)
            continue;
        if (check_segment(&ph, i, image, path, err, err_len) != 0)
            return -1;
        if (ph.p_memsz == 0)
            continue;
        elf_segment_t *s = &image->segments[image->segment_count++];
        s->index = (unsigned)i;
        s->paddr = (uint32_t)ph.p_paddr;
        s->vaddr = (uint32_t)ph.p_vaddr;
        s->filesz = (uint32_t)ph.p_filesz;
        s->memsz = (uint32_t)ph.p_memsz;
        s->flags = ph.p_flags;
        s->data = image->file + ph.p_offset;
    }
    if (image->segment_count == 0)
        return fail(err, err_len, "%s: no loadable segment", path);
    return check_overlaps(image, path, err, err_len);
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
        /* A malformed table gives no symbols, not a failure: names are a convenience. */
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = data ? data->d_size / sh.sh_entsize : 0;
        image->symbols = calloc(n ? n : 1, sizeof(elf_symbol_t));
        for (size_t i = 0; image->symbols && i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(data, (int)i, &sym))
                continue;
            int type = GELF_ST_TYPE(sym.st_info);
            const char *name = elf_strptr(elf, sh.sh_link, sym.st_name);
            /* ARM mapping symbols ($a, $d, $t) mark code/data runs, not names. */
            if (!name || !*name || name[0] == '$' || sym.st_shndx == SHN_UNDEF ||
                (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE))
                continue;
            elf_symbol_t *s = &image->symbols[image->symbol_count];
            s->addr = (uint32_t)sym.st_value & ~1u; /* Thumb bit */
            s->size = (uint32_t)sym.st_size;
            s->name = strdup(name);
            if (s->name)
                image->symbol_count++;
        }
        break;
    }
    if (image->symbol_count)
        qsort(image->symbols, image->symbol_count, sizeof(elf_symbol_t), compare_symbols);
}

/* The CPU starts at the entry: outside every segment it would run whatever is there. */
static int check_entry(const elf_image_t *image, uint32_t elf_entry, const char *name, char *err,
                       size_t err_len)
{
    for (size_t i = 0; i < image->segment_count; i++) {
        const elf_segment_t *s = &image->segments[i];
        if (image->entry >= s->paddr && image->entry - s->paddr < s->memsz)
            return 0;
    }
    return fail(err, err_len, "%s: entry point 0x%08x is outside every loadable segment", name,
                elf_entry);
}

/* Reads image->file (already filled) as an ELF; `name` is for messages. */
static int parse_loaded(elf_image_t *image, const char *name, char *err, size_t err_len)
{
    if (check_ident(image->file, image->file_size, name, err, err_len) != 0) {
        elf_image_close(image);
        return -1;
    }
    Elf *elf = elf_memory((char *)image->file, image->file_size);
    GElf_Ehdr eh;
    int rc = -1;
    if (!elf)
        fail(err, err_len, "%s: bad ELF file: %s", name, elf_errmsg(-1));
    else if (check_header(elf, name, &eh, err, err_len) == 0 &&
             read_segments(elf, &eh, image, name, err, err_len) == 0) {
        image->entry = physical_entry(image, (uint32_t)eh.e_entry);
        rc = check_entry(image, (uint32_t)eh.e_entry, name, err, err_len);
        if (rc == 0)
            read_symbols(elf, image);
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
    if (read_whole_file(path, image, err, err_len) != 0) {
        elf_image_close(image);
        return -1;
    }
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

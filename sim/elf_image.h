/*
 * sim/elf_image.h - reading a bootable ELF: its loadable segments (placed by
 * physical address, as QEMU's -kernel does) and its symbol table (to name the PC
 * in crash reports and to set breakpoints by name). Partners: elf_image.c, board.c
 * (loads it), report.c (names the PC), cli/numbat-sim.c (--break by name),
 * srcline.c (the root task inside an image).
 */
#ifndef SIM_ELF_IMAGE_H
#define SIM_ELF_IMAGE_H

#include <stddef.h>
#include <stdint.h>

typedef struct elf_segment {
    unsigned index; /* its program header's number, for messages */
    uint32_t paddr;
    uint32_t vaddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t flags;       /* PF_R, PF_W, PF_X */
    const uint8_t *data;  /* filesz bytes inside the image's file buffer */
} elf_segment_t;

typedef struct elf_symbol {
    uint32_t addr;
    uint32_t size;
    char *name;
} elf_symbol_t;

typedef struct elf_image {
    uint32_t entry; /* physical: adjusted as QEMU does when the entry lies in a segment */
    elf_segment_t *segments;
    size_t segment_count;
    elf_symbol_t *symbols; /* sorted by address */
    size_t symbol_count;
    uint8_t *file;
    size_t file_size;
} elf_image_t;

/*
 * Reads and checks `path`: a regular file holding an ELF32 little-endian ARM
 * executable whose program headers and segments lie inside the file, with at
 * least one loadable segment, no two overlapping in physical memory or running
 * past 4 GiB, and the entry inside one of them. Segments are sorted by physical
 * address. Returns 0, or -1 with a one-line reason in err.
 */
int elf_image_open(const char *path, elf_image_t *image, char *err, size_t err_len);
/* The same for an ELF already in memory (copied: the caller's bytes may go). */
int elf_image_from_memory(const uint8_t *bytes, size_t size, elf_image_t *image, char *err,
                          size_t err_len);
void elf_image_close(elf_image_t *image);
/* The symbol containing or nearest below addr (NULL if none); *offset = addr - symbol. */
const elf_symbol_t *elf_image_symbol_at(const elf_image_t *image, uint32_t addr, uint32_t *offset);
/* The address of a named symbol; returns 0 and sets *addr, or -1 if absent. */
int elf_image_symbol_address(const elf_image_t *image, const char *name, uint32_t *addr);

#endif

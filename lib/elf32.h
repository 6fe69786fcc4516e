/*
 * lib/elf32.h - the parts of the ELF32 format a loader of user programs reads: the
 * file header and program headers (System V ABI, ARM EABI). Shared by the kernel
 * (the root task, kernel/rootserver.c) and libnumbat (processes, process.c).
 * Partner: elf32.c.
 */
#ifndef LIB_ELF32_H
#define LIB_ELF32_H

#include <stddef.h>
#include <stdint.h>

typedef struct elf32_header {
    uint8_t ident[16];
    uint16_t type;
    uint16_t machine;
    uint32_t version;
    uint32_t entry;
    uint32_t phoff;
    uint32_t shoff;
    uint32_t flags;
    uint16_t ehsize;
    uint16_t phentsize;
    uint16_t phnum;
    uint16_t shentsize;
    uint16_t shnum;
    uint16_t shstrndx;
} elf32_header_t;

typedef struct elf32_phdr {
    uint32_t type;
    uint32_t offset;
    uint32_t vaddr;
    uint32_t paddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t flags;
    uint32_t align;
} elf32_phdr_t;

#define ELF_PT_LOAD 1
#define ELF_PF_X 1u
#define ELF_PF_W 2u

/* Returns the header if data holds a little-endian ELF32 ARM executable, else NULL. */
const elf32_header_t *elf_check(const uint8_t *data, size_t size);
/* The index-th program header, or NULL if it lies outside the file. */
const elf32_phdr_t *elf_phdr(const elf32_header_t *eh, size_t size, unsigned index);

#endif

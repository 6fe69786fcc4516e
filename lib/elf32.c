/*
 * lib/elf32.c - checking an ELF32 user program before loading it. Partner: elf32.h.
 */
#include "elf32.h"

#define EI_CLASS 4
#define EI_DATA 5
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_ARM 40

const elf32_header_t *elf_check(const uint8_t *data, size_t size)
{
    if (size < sizeof(elf32_header_t) || data[0] != 0x7F || data[1] != 'E' || data[2] != 'L' ||
        data[3] != 'F')
        return NULL;
    const elf32_header_t *eh = (const elf32_header_t *)data;
    if (data[EI_CLASS] != ELFCLASS32 || data[EI_DATA] != ELFDATA2LSB || eh->type != ET_EXEC ||
        eh->machine != EM_ARM || eh->phentsize != sizeof(elf32_phdr_t))
        return NULL;
    return eh;
}

const elf32_phdr_t *elf_phdr(const elf32_header_t *eh, size_t size, unsigned index)
{
    size_t at = eh->phoff + (size_t)index * sizeof(elf32_phdr_t);
    if (index >= eh->phnum || at + sizeof(elf32_phdr_t) > size)
        return NULL;
    return (const elf32_phdr_t *)((const uint8_t *)eh + at);
}

/*
 * sim/srcline.h - source lines and user programs for addresses: the C file and
 * line of a kernel or user address from the DWARF line tables (libdw), and the
 * root task's own ELF, which an image carries inside its cpio archive, so user
 * code gets symbols and lines too. Partners: srcline.c, elf_image.h,
 * visualizer/session.c (the code pane).
 */
#ifndef SIM_SRCLINE_H
#define SIM_SRCLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "elf_image.h"

typedef struct srcline srcline_t;

/* Line tables of an ELF held in memory (the bytes must outlive the result); NULL
 * if it has none. */
srcline_t *srcline_open(const uint8_t *elf_bytes, size_t size);
void srcline_close(srcline_t *s);
/* "file:line" for addr, the file relative to the build directory; false if unknown. */
bool srcline_find(srcline_t *s, uint32_t addr, char *out, size_t len);

/* The source file of addr as a path to open (the compiler's path, made absolute with
 * the compilation directory when it was relative) and its line; false if unknown. */
bool srcline_locate(srcline_t *s, uint32_t addr, char *path, size_t path_len, int *line);

/* The first program of the image's built-in archive (the root task), or false. */
bool elf_image_root_task(const elf_image_t *kernel, const uint8_t **bytes, size_t *size);

#endif

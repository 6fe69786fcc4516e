/*
 * tests/fuzz-host/fuzz_elf.c - libFuzzer harness for the ELF image loader: any bytes
 * as an image file (sim/elf_image.c), then, if accepted, its symbols looked up and
 * its segments loaded into a 16 MiB board (sim/board.c: outside RAM is refused
 * there). A crash, leak or sanitizer report is a bug; a refusal is the answer.
 * Partners: sim/elf_image.h, sim/board.h, corpus/elf/, docs/fuzzing-host.md.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/board.h"
#include "../../sim/elf_image.h"

static sim_board_t *board; /* one for the whole run: a board costs more than a load */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    elf_image_t image;
    if (!board) {
        sim_options_t o = {.ram_size = BOARD_RAM_MIN};
        board = sim_board_create(&o, err, sizeof(err));
        if (!board)
            abort();
    }
    if (elf_image_from_memory(data, size, &image, err, sizeof(err)) != 0) {
        if (err[0] == '\0' || strchr(err, '\n'))
            abort(); /* every refusal is one line */
        return 0;
    }
    /* What elf_image_open promises (sim/elf_image.h). */
    for (size_t i = 0; i < image.segment_count; i++) {
        const elf_segment_t *s = &image.segments[i];
        if (s->filesz > s->memsz || (uint64_t)s->paddr + s->memsz > (1ull << 32) ||
            (i > 0 && (uint64_t)image.segments[i - 1].paddr + image.segments[i - 1].memsz > s->paddr))
            abort();
    }
    uint32_t offset, addr;
    for (size_t i = 0; i < image.symbol_count; i++)
        if (elf_image_symbol_at(&image, image.symbols[i].addr, &offset) == NULL ||
            elf_image_symbol_address(&image, image.symbols[i].name, &addr) != 0)
            abort();
    (void)elf_image_symbol_at(&image, image.entry, &offset);
    if (sim_board_load(board, &image, err, sizeof(err)) != 0 && strchr(err, '\n'))
        abort();
    elf_image_close(&image);
    return 0;
}

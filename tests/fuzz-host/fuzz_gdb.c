/*
 * tests/fuzz-host/fuzz_gdb.c - libFuzzer harness for the GDB stub (sim/gdbstub.c):
 * the input is everything "GDB" sends, packets, acks and Ctrl-Cs, byte by byte
 * through a gdb_link_t; the stub serves a fresh board running a three-instruction
 * loop with a small instruction limit, until the run ends or the bytes do (GDB
 * gone). The first byte picks whether the link acks each reply by itself, as GDB
 * does (bit 0), so the bytes can be all packets. Partners: sim/gdbstub.h,
 * tests/sim/test_gdbstub.c (the same link, scripted), corpus/gdb/.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/board.h"
#include "../../sim/gdbstub.h"

#define CODE BOARD_RAM_BASE
#define MAX_INSNS 20000u /* a continue ends here quickly */

/* mov r0, #0; loop: add r0, r0, #1; b loop */
static const uint32_t program[] = {0xE3A00000u, 0xE2800001u, 0xEAFFFFFDu};

typedef struct link_state {
    const uint8_t *bytes;
    size_t len, pos;
    bool auto_ack, ack_owed;
    size_t sent;
} link_state_t;

/* One byte a call; while the guest runs only a Ctrl-C is ready. The end of the
 * input is GDB going away. */
static ssize_t fuzz_recv(void *ctx, uint8_t *buf, size_t len, bool wait)
{
    link_state_t *s = ctx;
    (void)len;
    if (!wait) {
        if (s->pos < s->len && s->bytes[s->pos] == 0x03) {
            buf[0] = s->bytes[s->pos++];
            return 1;
        }
        return 0;
    }
    if (s->ack_owed) {
        s->ack_owed = false;
        buf[0] = '+';
        return 1;
    }
    if (s->pos == s->len)
        return -1;
    buf[0] = s->bytes[s->pos++];
    return 1;
}

static int fuzz_send(void *ctx, const char *data, size_t len)
{
    link_state_t *s = ctx;
    if (len == 0 || memchr(data, '\0', len))
        abort(); /* the stub sends whole, printable frames */
    s->sent += len;
    if (data[0] == '$' && s->auto_ack)
        s->ack_owed = true;
    return 0;
}

static void fuzz_close(void *ctx)
{
    (void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    char err[256];
    sim_options_t o = {.ram_size = BOARD_RAM_MIN, .max_insns = MAX_INSNS};
    sim_board_t *board = sim_board_create(&o, err, sizeof(err));
    if (!board)
        abort();
    elf_segment_t segment = {.paddr = CODE, .vaddr = CODE, .filesz = sizeof(program),
                             .memsz = sizeof(program), .flags = 5, /* R X */
                             .data = (const uint8_t *)program};
    elf_image_t image = {.entry = CODE, .segments = &segment, .segment_count = 1};
    if (sim_board_load(board, &image, err, sizeof(err)) != 0)
        abort();
    link_state_t s = {.bytes = data + 1, .len = size - 1, .auto_ack = data[0] & 1};
    gdb_link_t link = {fuzz_recv, fuzz_send, fuzz_close, &s};
    gdb_stub_t *stub = gdb_stub_create(link);
    if (!stub)
        abort();
    (void)gdb_stub_run(stub, board);
    gdb_stub_close(stub);
    sim_board_destroy(board);
    return 0;
}

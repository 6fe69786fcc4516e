/*
 * sim/gdbstub.h - a GDB remote-protocol stub for numbat-sim (--gdb PORT): GDB
 * controls the board through one TCP connection on 127.0.0.1, or any other byte
 * stream (a test's script of packets). The protocol subset and the usage are in
 * docs/gdb.md. Partners: gdbstub.c, cli/numbat-sim.c, board.h, tests/sim/test_gdbstub.c.
 */
#ifndef SIM_GDBSTUB_H
#define SIM_GDBSTUB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "board.h"

typedef struct gdb_stub gdb_stub_t;

/*
 * The byte stream to GDB. recv fills buf with up to len bytes and returns how many:
 * with wait it blocks until at least one comes; without, 0 means none is ready.
 * It returns -1 once the stream has ended. send sends all len bytes: 0, or -1 if
 * the stream has gone. close ends the stream; the stub calls it once, last.
 */
typedef struct gdb_link {
    ssize_t (*recv)(void *ctx, uint8_t *buf, size_t len, bool wait);
    int (*send)(void *ctx, const char *data, size_t len);
    void (*close)(void *ctx);
    void *ctx;
} gdb_link_t;

/*
 * Listens on 127.0.0.1:port and waits until GDB connects (printing where on
 * stderr). Returns NULL with a one-line reason in err.
 */
gdb_stub_t *gdb_stub_open(unsigned port, char *err, size_t err_len);
/* A stub on any byte stream (gdb_stub_open's is a TCP connection); NULL if out of memory. */
gdb_stub_t *gdb_stub_create(gdb_link_t link);
/*
 * Serves GDB until the board's run ends. A fresh stub starts with the CPU
 * stopped; after a guest reboot the next board resumes as GDB last asked, with
 * GDB's breakpoints inserted again. GDB's kill, or its going away, ends the run
 * as SIM_EXIT_KILLED; after a detach the board runs on to its end without GDB.
 */
sim_result_t gdb_stub_run(gdb_stub_t *stub, sim_board_t *board);
void gdb_stub_close(gdb_stub_t *stub);

#endif

/*
 * sim/gdbstub.h - a GDB remote-protocol stub for numbat-sim (--gdb PORT): GDB
 * controls the board through one TCP connection on 127.0.0.1. The protocol subset
 * and the usage are in docs/gdb.md. Partners: gdbstub.c, cli/numbat-sim.c, board.h.
 */
#ifndef SIM_GDBSTUB_H
#define SIM_GDBSTUB_H

#include <stddef.h>

#include "board.h"

typedef struct gdb_stub gdb_stub_t;

/*
 * Listens on 127.0.0.1:port and waits until GDB connects (printing where on
 * stderr). Returns NULL with a one-line reason in err.
 */
gdb_stub_t *gdb_stub_open(unsigned port, char *err, size_t err_len);
/*
 * Serves GDB until the board's run ends. A fresh stub starts with the CPU
 * stopped; after a guest reboot the next board resumes as GDB last asked, with
 * GDB's breakpoints inserted again. GDB's kill, or its going away, ends the run
 * as SIM_EXIT_KILLED; after a detach the board runs on to its end without GDB.
 */
sim_result_t gdb_stub_run(gdb_stub_t *stub, sim_board_t *board);
void gdb_stub_close(gdb_stub_t *stub);

#endif

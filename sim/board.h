/*
 * sim/board.h - the arm-sim board: a Cortex-A15 (Unicorn) with RAM at 0x80000000
 * and the vexpress-a15 devices, plus the sim-only control block and trace port.
 * This is the simulator's public face; the command line (cli/numbat-sim.c), the
 * tests and the visualizer use only this header. Partners: board.c (construction),
 * run.c (the main loop), clock.c (virtual time), debug.c (breakpoints, steps),
 * report.c (crash reports), docs/numbat-sim.md.
 */
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../arch/arm/include/arch/vexpress_map.h"
#include "device.h"
#include "elf_image.h"

#define BOARD_RAM_BASE VEXPRESS_RAM_BASE
#define BOARD_RAM_DEFAULT (128u << 20)
#define BOARD_RAM_MIN (16u << 20)
#define BOARD_RAM_MAX (1024u << 20)

/* --trace letters (see docs/numbat-sim.md). */
enum sim_trace_flag {
    SIM_TRACE_KINSN = 1 << 0,   /* k: every kernel (privileged) instruction */
    SIM_TRACE_UINSN = 1 << 1,   /* u: every user instruction */
    SIM_TRACE_EXC = 1 << 2,     /* e: every exception entry */
    SIM_TRACE_IRQ = 1 << 3,     /* i: interrupts taken, with their GIC line */
    SIM_TRACE_SYSCALL = 1 << 4, /* s: system calls by number and name */
};

/*
 * Terminal input for UART0. poll() returns the next byte, -1 if none is ready, or
 * -2 at end of input; with wait set it blocks until a byte or the end comes.
 */
typedef struct sim_input {
    int (*poll)(void *ctx, bool wait);
    void *ctx;
} sim_input_t;

typedef struct sim_options {
    uint32_t ram_size;
    uint64_t max_insns; /* 0: no limit */
    unsigned trace;     /* enum sim_trace_flag bits */
    FILE *trace_file;   /* where --trace lines go (stderr by default) */
    sim_chardev_t console; /* UART0 output */
    sim_input_t input;     /* optional */
    FILE *trace_out;       /* --trace-out: kernel trace events are recorded here (optional) */
    /* Optional: called with each kernel trace event as it is recorded (the visualizer's
       feed); words are valid only during the call. */
    void (*trace_event)(void *ctx, uint64_t icount, const uint32_t *words, unsigned count);
    void *trace_event_ctx;
    /* After going back in time, a replay produces console bytes and trace events that
       were passed on before. They are not passed on again (and never written to
       trace_out twice) unless this is set: the visualizer cuts its copies back to the
       machine's position (sim_board_*_position) and takes them again. */
    bool feed_replays;
} sim_options_t;

typedef enum sim_exit_kind {
    SIM_EXIT_HALT,       /* the guest shut the board down; status = its exit status */
    SIM_EXIT_REBOOT,     /* the guest asked for a reboot */
    SIM_EXIT_PANIC,      /* the kernel reported a panic through the control block */
    SIM_EXIT_LOCKUP,     /* waiting for an interrupt that can never come */
    SIM_EXIT_CRASH,      /* an exception or emulation error the guest cannot recover from */
    SIM_EXIT_INSN_LIMIT, /* --max-insns ran out */
    SIM_EXIT_KILLED,     /* the debugger killed the guest, or went away */
} sim_exit_kind_t;

typedef struct sim_result {
    sim_exit_kind_t kind;
    uint32_t status;
    char reason[160];
} sim_result_t;

typedef struct sim_board sim_board_t;

sim_board_t *sim_board_create(const sim_options_t *options, char *err, size_t err_len);
void sim_board_destroy(sim_board_t *board);
/* Copies the image into RAM and sets the PC to its entry, as QEMU's -kernel does. */
int sim_board_load(sim_board_t *board, const elf_image_t *image, char *err, size_t err_len);
/* Runs until the guest halts or something stops it. */
sim_result_t sim_board_run(sim_board_t *board);
uint64_t sim_board_icount(const sim_board_t *board);
/* Prints registers, mode, fault registers and the PC's symbol (crash reports). */
void sim_board_report(sim_board_t *board, FILE *out);
/* Reads guest memory at a virtual address through the current translation. */
bool sim_board_read_virt(sim_board_t *board, uint32_t va, void *buf, size_t len);
/* Converts the --trace letters; returns -1 on an unknown letter. */
int sim_parse_trace_flags(const char *letters, unsigned *flags);
/* Receives one byte of terminal input for UART0; false if its FIFO is full. */
bool sim_board_input(sim_board_t *board, uint8_t byte);
/*
 * The Unicorn engine in use, e.g. "2.1.1": `running` as the library loaded at run time
 * reports itself (uc_version), `built` as the headers this program was compiled with
 * said. They differ when another libunicorn.so was put under the program. Speed
 * depends on it: 2.0.1 takes a slow path on every store (docs/unicorn-notes.md).
 */
void sim_engine_version(char *running, char *built, size_t len);

/*
 * Debugging: the GDB stub (gdbstub.h) and --break use these (docs/gdb.md).
 * A breakpoint stops the CPU before the instruction at a virtual address runs,
 * in any mode and any address space.
 */
typedef enum sim_stop {
    SIM_STOP_EXITED,      /* the run ended: see sim_board_result */
    SIM_STOP_BREAKPOINT,  /* at a breakpoint, its instruction not yet run */
    SIM_STOP_STEPPED,     /* one instruction (and any exception entry it caused) ran */
    SIM_STOP_INTERRUPTED, /* the interrupted callback asked for control */
    SIM_STOP_WATCHPOINT,  /* a watched access ran, in the block before the stop
                             (sim_board_watch_hit; sim_board_watch_settle goes to it) */
} sim_stop_t;

/* What a debugging call could not do (errors are values; sim_error_text words them). */
typedef enum sim_error {
    SIM_OK = 0,
    SIM_ERR_TOO_MANY_BREAKPOINTS, /* sim_board_set_breakpoint: the table is full */
    SIM_ERR_HOOK,       /* uc_hook_add or uc_hook_del failed: a simulator bug */
    SIM_ERR_CODE_CACHE, /* uc_ctl_remove_cache failed: a breakpoint could be missed */
    SIM_ERR_TOO_MANY_WATCHPOINTS, /* sim_board_set_watchpoint: the table is full */
    SIM_ERR_BAD_WATCHPOINT,       /* a watched range that is empty or wraps past 4 GiB */
    SIM_ERR_WATCH_UNMAPPED,       /* Unicorn 2.1 hooks physical memory: the range maps none now */
} sim_error_t;

/* One line for people, e.g. "no room for another breakpoint". */
const char *sim_error_text(sim_error_t e);
/* Inserts (on) or removes a breakpoint. Returns SIM_OK (also when it was already as
 * asked) or an error, and then nothing changed: SIM_ERR_TOO_MANY_BREAKPOINTS,
 * SIM_ERR_HOOK, or SIM_ERR_CODE_CACHE. */
sim_error_t sim_board_set_breakpoint(sim_board_t *board, uint32_t addr, bool on);
/*
 * Watchpoints (sim/watch.c, docs/gdb.md): stop a run after an access to virtual
 * [addr, addr+len) of the kind asked, made by user or kernel code in any address space.
 * The kernel reaches user memory through its window (the same RAM at another address):
 * for an address that maps RAM when the watchpoint is set, accesses through the
 * kernel window's alias of that RAM count too. Unicorn's memory hooks exist only
 * while watchpoints do (a run without them pays nothing). Returns SIM_OK (also when
 * already as asked), SIM_ERR_TOO_MANY_WATCHPOINTS, SIM_ERR_BAD_WATCHPOINT,
 * SIM_ERR_WATCH_UNMAPPED or SIM_ERR_HOOK.
 */
typedef enum sim_watch_kind {
    SIM_WATCH_WRITE = 1,
    SIM_WATCH_READ = 2,
    SIM_WATCH_ACCESS = 3, /* either */
} sim_watch_kind_t;
sim_error_t sim_board_set_watchpoint(sim_board_t *board, uint32_t addr, uint32_t len,
                                     sim_watch_kind_t kind, bool on);
/* Whether the last stop (sim_board_resume, sim_board_watch_settle or
 * sim_board_reverse_continue) was a watchpoint's; then the address accessed (within
 * the watched range) and the watchpoint's kind. */
bool sim_board_watch_hit(const sim_board_t *board, uint32_t *addr, sim_watch_kind_t *kind);
/*
 * Runs until the run ends, a breakpoint is reached, one instruction has run (step),
 * or interrupted(ctx) returns true; it is asked at least every few million
 * instructions. A breakpoint at the current PC does not stop it again (as in GDB).
 */
sim_stop_t sim_board_resume(sim_board_t *board, bool step, bool (*interrupted)(void *ctx),
                            void *ctx);
/* How the run ended (once sim_board_resume returned SIM_STOP_EXITED). */
sim_result_t sim_board_result(const sim_board_t *board);
/* Where the CPU resumes: the PC while it is stopped. */
uint32_t sim_board_pc(const sim_board_t *board);
/*
 * Ends the current slice of sim_board_resume at the first block boundary at or after
 * `icount` instructions (0: no such stop); its interrupted callback then decides
 * whether to return. The visualizer runs budgets of instructions this way, and stops
 * just after a trace event by asking for a stop at the current count.
 */
void sim_board_stop_at(sim_board_t *board, uint64_t icount);

/*
 * Time travel (docs/time-travel.md): the board keeps checkpoints of the whole machine
 * every `interval` instructions, and goes back by restoring one and replaying to the
 * exact instruction. The machine after going back, and after running forward again,
 * is byte for byte the one that was there the first time; console output and trace
 * events are not shown twice. Call after sim_board_load; false when out of memory.
 */
bool sim_board_keep_history(sim_board_t *board, uint64_t interval);
/*
 * Bounds the history's host memory (RAM page versions, the shadow of RAM, CPU and
 * device states): past `bytes` (0: no bound), checkpoints are dropped, the old ones
 * first and more of them the older they are, each one's RAM delta merged into the
 * next one's, so every point of the run stays reachable, exactly, by a longer replay
 * from further back. The first checkpoint stays. Call after sim_board_keep_history.
 */
void sim_board_limit_history(sim_board_t *board, size_t bytes);
/* numbat-sim's default bound, --checkpoint-mem (docs/time-travel.md). */
#define SIM_CHECKPOINT_MEM_DEFAULT (64ull << 20)
/* The interval numbat-sim uses under GDB and in the window (measured: docs/time-travel.md). */
#define SIM_CHECKPOINT_INTERVAL (1ull << 20)

typedef enum sim_travel {
    SIM_TRAVEL_OK,            /* the machine is where it was asked to go */
    SIM_TRAVEL_HISTORY_START, /* nothing of the kind earlier: at the first checkpoint */
    SIM_TRAVEL_NO_HISTORY,    /* sim_board_keep_history was not called */
} sim_travel_t;

/* Back to the machine just before the last instruction (or exception entry) ran. */
sim_travel_t sim_board_reverse_step(sim_board_t *board);
/* Back to the last time a breakpoint was reached or a watchpoint's access ran, whichever
 * came later: at a breakpoint, the machine before its instruction; at a watchpoint, the
 * machine just after the accessing instruction (GDB steps back over it itself). */
sim_travel_t sim_board_reverse_continue(sim_board_t *board);
/* After SIM_STOP_WATCHPOINT from a forward run: goes to the machine just before the
 * accessing instruction ran, where GDB expects an ARM watchpoint to stop. Without a
 * history the machine stays at the block boundary after the access. */
sim_travel_t sim_board_watch_settle(sim_board_t *board);
/* Back to just after the last exception entry (a kernel entry: SVC, IRQ, abort). */
sim_travel_t sim_board_reverse_to_entry(sim_board_t *board);
/* To the last stop at or before `icount` instructions (forwards too, by replay). */
sim_travel_t sim_board_travel_to(sim_board_t *board, uint64_t icount);
/* A debugger changed registers or memory: the recorded future is dropped. */
void sim_board_history_changed(sim_board_t *board);

/* How many console bytes and trace events the machine has produced so far: after going
   back, fewer than were shown. */
uint64_t sim_board_console_position(const sim_board_t *board);
uint64_t sim_board_trace_position(const sim_board_t *board);

typedef struct sim_history_stats {
    size_t checkpoints;
    size_t page_copies;     /* RAM pages stored in all deltas */
    size_t bytes;           /* host memory the history holds (deltas, shadow, contexts) */
    double take_seconds;    /* time spent taking checkpoints, in all */
    size_t takes;
    double restore_seconds; /* the last restore */
    size_t thinned;         /* checkpoints dropped to keep under the memory limit */
} sim_history_stats_t;
sim_history_stats_t sim_board_history_stats(const sim_board_t *board);

#endif

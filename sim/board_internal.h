/*
 * sim/board_internal.h - the board's state. Nothing outside sim/ sees it.
 * Partners: board.h (the public side), the files that implement it (board.c, run.c,
 * clock.c, debug.c, watch.c, report.c, guest_mem.c), and gdbstub.c and fault_regs.c, which
 * read registers and memory directly.
 */
#ifndef SIM_BOARD_INTERNAL_H
#define SIM_BOARD_INTERNAL_H

#include "board.h"

#include <unicorn/unicorn.h>

#include "dev/gic.h"
#include "dev/pl011.h"
#include "dev/simctl.h"
#include "dev/sp804.h"
#include "dev/vexpress_sysreg.h"

#define BOARD_MAX_DEVICES 12

/* Why the last uc_emu_start returned, as far as the simulator itself caused it. */
typedef enum stop_cause {
    STOP_NONE,     /* not us: WFI, or an emulation error */
    STOP_DEADLINE, /* the block hook reached the next deadline */
    STOP_IRQ,      /* the block hook found an IRQ to deliver */
    STOP_UNDEF,    /* the undefined-instruction hook took the exception */
    STOP_EXIT,     /* a device or fault handler decided how the run ends */
    STOP_BREAK,    /* a breakpoint hook stopped before its instruction (debugging) */
    STOP_STEP,     /* the step hook stopped before a second instruction (debugging) */
    STOP_PRECISE,  /* the next block would run past precise_stop (time travel) */
    STOP_WATCH,    /* the block before this one made a watched access (watch.c) */
} stop_cause_t;

typedef struct sim_history sim_history_t; /* checkpoint.h */

/* A byte of terminal input as it reached UART0, kept so a replay gets it again. */
typedef struct board_input_event {
    sim_time_t at;
    int byte; /* or -2: the end of input */
} board_input_event_t;

#define BOARD_MAX_BREAKPOINTS 64

/* A breakpoint is a code hook on one virtual address, not a patched instruction. */
typedef struct board_breakpoint {
    uint32_t addr;
    uc_hook hook;
} board_breakpoint_t;

#define BOARD_MAX_WATCHPOINTS 16

/* A watched range: memory hooks on it and on its kernel-window alias (watch.c). */
typedef struct board_watchpoint {
    uint32_t addr, len;
    sim_watch_kind_t kind;
    uint32_t hooked; /* where the hook is: addr, or its physical address (Unicorn 2.1) */
    bool aliased;    /* the range maps RAM the kernel also reaches at alias */
    uint32_t alias;
    uc_hook hook, alias_hook;
} board_watchpoint_t;

/* A device window; MMIO callbacks get this, so they can reach the board too. */
typedef struct board_window {
    sim_device_t dev;
    struct sim_board *board;
} board_window_t;

struct sim_board {
    uc_engine *uc;
    sim_options_t options;
    sim_clock_t clock;
    unsigned clock_bytes; /* code bytes run beyond clock.now * 4 (Thumb code: clock.c) */
    sim_time_t deadline; /* the block hook stops the CPU once clock.now reaches it (clock.c) */

    gic_t *gic;
    pl011_t *uart0;
    sp804_t *timer01, *timer23; /* the kernel's tick; free for a user-level driver */
    vexpress_sysreg_t *sysreg;
    simctl_t *simctl;
    board_window_t windows[BOARD_MAX_DEVICES];
    size_t window_count;

    const elf_image_t *image; /* for symbol names; owned by the caller */
    stop_cause_t stop;
    sim_result_t result; /* valid once stop == STOP_EXIT */
    uint32_t next_pc; /* where the CPU resumes after a stop */
    bool block_stopped;     /* the block hook stopped the CPU before a block at... */
    uint32_t block_stop_pc; /* ...this address (run.c: stop_before_block) */

    /* Debugging (debug.c: sim_board_resume; docs/gdb.md). */
    board_breakpoint_t breakpoints[BOARD_MAX_BREAKPOINTS];
    size_t breakpoint_count;
    bool debugging;       /* inside sim_board_resume: breakpoints stop the CPU */
    uc_hook step_hook;    /* valid while stepping */
    bool stepping;
    unsigned step_seen;   /* instructions started and exceptions entered in the step */
    uint32_t step_first_block, step_last_block; /* translated with the step hook */
    sim_time_t slice_cap; /* 0, or the most instructions one slice may run */
    sim_time_t stop_at;   /* 0, or when the current slice must end (sim_board_stop_at) */
    uint32_t block_start, block_end; /* the block the block hook counted last */
    sim_time_t block_icount;         /* ...and the count before it */

    /* Watchpoints (watch.c). A watched access marks the block it ran in (pending); the
       block hook stops before the next block (STOP_WATCH). */
    board_watchpoint_t watchpoints[BOARD_MAX_WATCHPOINTS];
    size_t watchpoint_count;
    bool watch_hooked;        /* the anchor hook exists: code is translated with hooks */
    uc_hook watch_anchor;
    bool watch_pending;       /* a watched access ran in the block that began at... */
    sim_time_t watch_block_icount;
    uint32_t watch_block_pc;
    uint32_t watch_addr;      /* ...at this address, of a watchpoint of this kind */
    sim_watch_kind_t watch_kind;
    bool watch_seen;          /* the last sim_board_resume saw one (a step too) */
    bool watch_stopped;       /* the last stop was a watchpoint's */

    /* Guest RAM is host memory the board owns (uc_mem_map_ptr), so checkpoints can
       compare and copy it directly (checkpoint.c). */
    uint8_t *ram;

    /*
     * Time travel (checkpoint.c, timetravel.c, docs/time-travel.md). A stop inside a
     * block (a step, a breakpoint) resumes with the rest of that block as if it had
     * never stopped: no interrupt, deadline or checkpoint in between, so stepping
     * and running give the same machine. precise_stop ends a run before a block that
     * would pass it. Output already shown (console bytes, trace events) is not shown
     * again when a replay produces it a second time: *_pos counts this timeline's,
     * *_shown the most ever passed on.
     */
    bool resume_mid_block;
    sim_time_t precise_stop; /* SIM_NEVER: none */
    sim_history_t *history;  /* NULL: time travel is off */
    uint64_t console_pos, console_shown;
    uint64_t trace_pos, trace_shown;
    board_input_event_t *inputs; /* terminal input of this timeline, in order */
    size_t input_count, input_cap, input_pos;
    sim_time_t input_frontier; /* the terminal was last asked here: not before it again */
    /* While a reverse search replays: exception entries are noted here. */
    bool note_entries;
    sim_time_t noted_icount;
    uint32_t noted_pc;
    bool noted;
    sim_time_t note_before_icount; /* only entries before this position count */
    uint32_t note_before_pc;
};

/* Ends the run with `kind` and stops the CPU at the end of the current instruction. */
void board_exit(sim_board_t *board, sim_exit_kind_t kind, uint32_t status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Installs the hooks of the main loop (run.c). */
int board_install_hooks(sim_board_t *board);
/* One pass of the main loop, steps 1 to 4 of run.c's opening comment. */
void board_run_once(sim_board_t *board);
/* Records why and asks Unicorn to stop at the end of the current instruction. */
void board_stop_cpu(sim_board_t *board, stop_cause_t cause);
/* Delivers terminal input to UART0 while it has room (run.c); replays logged input. */
void board_poll_input(sim_board_t *board, bool wait);
/* Prints one --trace line prefixed with the instruction count. */
void board_trace(sim_board_t *board, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

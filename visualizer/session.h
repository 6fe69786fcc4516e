/*
 * visualizer/session.h - a visualized run: the board, every trace event it emitted
 * (the recording), the model fed live from them, a model replayed to any earlier
 * event, the console output, and the text of the code and registers panes.
 * Drives the board only through sim/board.h. With --attach there is no board
 * (board == NULL): attach.c feeds QEMU's events in with vis_session_feed.
 * Partners: session.c, board_source.c, attach.c, app.c.
 */
#ifndef VIS_SESSION_H
#define VIS_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../sim/board.h"
#include "model.h"
#include "source_text.h"

/* Which trace events end a vis_session_run early. */
typedef enum vis_stop_on {
    VIS_STOP_NEVER,
    VIS_STOP_ANY_EVENT,  /* e: the next trace event of any kind */
    VIS_STOP_ENTRY_EXIT, /* n: the next kernel entry or exit */
    VIS_STOP_IPC_ENTRY,  /* i: the kernel entry of the next message or signal: Reply,
                            ReplyRecv, Recv or NBRecv, and Send, NBSend or Call of an
                            endpoint or notification cap (not of another object) */
    VIS_STOP_CHANGE,     /* paced running: the next event that changes caps, objects or threads */
} vis_stop_on_t;

typedef struct vis_session {
    const elf_image_t *image;
    sim_options_t options;
    sim_board_t *board;   /* NULL when attached to QEMU's trace stream */
    bool ended;           /* the run is over: result says how */
    sim_stop_t last_stop; /* why the last run or step returned */
    sim_result_t result;
    /* The recording; event_ms[i] is when event i arrived (SDL ticks, 0 headless). */
    trace_record_t *records;
    uint32_t *event_ms;
    size_t count, capacity;
    bool out_of_memory; /* events were dropped: the model is incomplete */
    vis_model_t live;   /* every recorded event applied */
    vis_model_t past;   /* the first past_events events applied (going back) */
    size_t past_events;
    /* Stopping on events. */
    vis_stop_on_t stop_on;
    bool stop_hit;
    unsigned stop_type;         /* the trace event type that ended the run (stop_hit) */
    uint64_t stop_icount;       /* the current run's instruction budget ends here */
    /* Stopping at a console line (--at-console): set stop_text after starting; the
     * run stops at the end of the block that wrote the newline of the first line
     * containing it (text_hit), text_icount and text_event saying where. */
    const char *stop_text;
    bool text_hit;
    uint64_t text_icount;
    size_t text_event; /* events recorded by then */
    size_t line_start; /* where the console's current line begins */
    /* A Send, NBSend or Call whose cap is not known yet: its kernel entry's index + 1
     * (0: none). The invocation event that follows says which object it invokes. */
    size_t send_entry;
    size_t rewind_to;  /* an IPC stop found late: go back to this entry's index + 1 */
    bool ipc_stop_late; /* the last IPC stop stayed at the invocation (no history) */
    uint32_t (*clock_ms)(void); /* for event_ms; NULL headless */
    /* UART0 output, and whether it is copied to stdout too. */
    char *console;
    size_t console_len, console_capacity;
    size_t console_echoed; /* bytes copied to stdout: a replay's come once */
    bool echo;
    bool console_attached; /* console text came with attached events (raspi2) */
    /* The code and registers panes. */
    char code[2048];
    char registers[1024];
    /* Symbols and source lines: the kernel's from the image, the root task's from its
     * ELF inside the image's archive (sim/srcline.h). NULL/false when missing. */
    struct srcline *kernel_lines, *user_lines;
    elf_image_t user_image;
    bool have_user_image;
    int cpu_mode; /* from the registers: 0 user, 1 kernel (any other mode) */
    vis_source_file_t source; /* the C file the code pane last showed */
} vis_session_t;

/*
 * Creates the board for `image` with `base` options plus the visualizer's console
 * capture and trace feed. The caller sets s->echo and s->clock_ms first (the rest of
 * *s is cleared); `base` must outlive the session (its terminal input is polled).
 * Returns 0, or -1 with a one-line reason in err.
 */
int vis_session_start(vis_session_t *s, const sim_options_t *base, const elf_image_t *image,
                      char *err, size_t err_len);
void vis_session_end(vis_session_t *s);
/* A session without a board (--attach): notes in the console and code panes say
 * they are not available; events come only through vis_session_feed. */
void vis_session_start_attached(vis_session_t *s, const char *where);
/* Records one event that arrived from elsewhere and applies it to the live model. */
void vis_session_feed(vis_session_t *s, const trace_record_t *rec);
/* Appends console text that arrived with the events (raspi2 sends both on UART0);
 * the first byte replaces the note that the console is not available. */
void vis_session_console_text(vis_session_t *s, uint8_t byte);

/* Runs up to `budget` instructions, or less when an event matching stop_on arrives
 * (the CPU then stops at the end of that event's block). Returns true on such a stop.
 * Running and stepping do nothing without a board. */
bool vis_session_run(vis_session_t *s, uint64_t budget, vis_stop_on_t stop_on);
/* Runs exactly one instruction (and any exception entry it causes). */
void vis_session_step(vis_session_t *s);
/* The run's end or a breakpoint: a one-line description for the status, or NULL. */
const char *vis_session_status(const vis_session_t *s, char *buf, size_t len);

/*
 * Going back in time (docs/time-travel.md): the whole machine goes back, and the
 * recording, live model and console pane are cut back to it; running on records the
 * same events again. VIS_BACK_TO_EVENT goes to just after recorded event `event`.
 */
typedef enum vis_back {
    VIS_BACK_STEP,     /* one instruction */
    VIS_BACK_ENTRY,    /* the last kernel entry (exception entry) */
    VIS_BACK_TO_EVENT, /* a recorded event, e.g. the one that made the selected cap */
} vis_back_t;
sim_travel_t vis_session_back(vis_session_t *s, vis_back_t how, size_t event);

/* The model after the first `events` recorded events (count: the live one). */
const vis_model_t *vis_session_model_at(vis_session_t *s, size_t events);
/*
 * A click on a run in the tree: unfolds the run the cap in `slot` is in (or belongs
 * to, unfolded) in the model after `events` events, or folds it back (place.h). The
 * live model follows, so the run stays as it is shown when the cursor moves. Returns
 * 1 unfolded, 0 folded, -1 `slot` is in no run.
 */
int vis_session_toggle_run(vis_session_t *s, size_t events, uint32_t slot);
/* Reads the registers and disassembles around the PC into code and registers. */
void vis_session_refresh_text(vis_session_t *s);

#endif

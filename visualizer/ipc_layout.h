/*
 * visualizer/ipc_layout.h - where the IPC tab puts things, without drawing: a
 * sequence chart with one lane per thread (its name and state on top) and one row per
 * history entry, newest at the bottom, as many as fit; below it the endpoints and
 * notifications with the threads queued on each. render_ipc.c draws what this says;
 * the tests check it. Partners: ipc_layout.c, render_ipc.c, ipc_model.h,
 * tests/sim/test_vis_ipc_render.c.
 */
#ifndef VIS_IPC_LAYOUT_H
#define VIS_IPC_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL2/SDL_rect.h>

#include "model.h"

/* Sizes in pixels, from the fonts in use (render_ipc.c) or chosen by a test. */
typedef struct vis_ipc_params {
    SDL_Rect area;      /* the tab's content */
    int head_h;         /* lane headers: a name line and a state line */
    int row_h;          /* one history row: its label over its arrow */
    int line_h;         /* one line of the queues and of the "earlier" note */
    int min_lane_w;     /* narrower lanes would cut names short: fewer threads get one */
    int max_queues;     /* endpoint and notification rows at most */
    int back;           /* rows scrolled back from the newest (0: follow the newest) */
} vis_ipc_params_t;

#define VIS_IPC_MAX_LANES 16
#define VIS_IPC_MAX_ROWS 96
#define VIS_IPC_MAX_QUEUES 12
#define VIS_IPC_QUEUE_SHOWN 6 /* waiters named in one queue row; the rest are counted */

typedef struct vis_ipc_lane {
    uint32_t tcb;
    int x;         /* the lane's centre line */
    SDL_Rect head; /* its header: name and state */
} vis_ipc_lane_t;

typedef struct vis_ipc_row {
    vis_ipc_msg_t msg;   /* a copy of the history entry */
    SDL_Rect rect;       /* the whole row */
    int y;               /* the arrow's line */
    int x_from, x_to;    /* arrow ends (a fault's mark: both at its lane) */
    bool from_edge;      /* the sender has no lane: an interrupt, or a thread left out */
    bool to_edge;        /* the receiver has no lane, or nobody was woken */
    uint32_t pair;       /* a Call and its Reply share this (the Call's seq); 0: none */
    bool dashed;         /* signals */
    bool mark;           /* faults: a mark on the lane, no arrow */
    uint32_t event;      /* a click goes just after this event: the one that completed the
                            entry (a message's ipc-recv) */
    char label[160];
} vis_ipc_row_t;

typedef struct vis_ipc_queue_row {
    SDL_Rect rect;
    uint32_t object;
    bool notification;
    size_t waiting;                                  /* threads in its queue */
    vis_ipc_waiter_t first[VIS_IPC_QUEUE_SHOWN];     /* the head of the queue first */
    size_t awaiting_reply;                           /* Callers through it waiting for a reply */
} vis_ipc_queue_row_t;

typedef struct vis_ipc_layout {
    SDL_Rect heads, chart, queues; /* the three parts of the area */
    SDL_Rect note;                 /* "N earlier" above the rows; empty when none */
    vis_ipc_lane_t lanes[VIS_IPC_MAX_LANES];
    int lane_count;
    int threads_left_out;          /* threads without a lane (too many for the width) */
    vis_ipc_row_t rows[VIS_IPC_MAX_ROWS];
    int row_count;
    uint32_t older;                /* kept entries above the rows shown */
    uint32_t newer;                /* kept entries below them (scrolled back) */
    uint32_t forgotten;            /* entries older than the history keeps */
    int back;                      /* params.back, kept within what can be scrolled */
    vis_ipc_queue_row_t queue_rows[VIS_IPC_MAX_QUEUES];
    int queue_count;
    int queues_left_out;
} vis_ipc_layout_t;

/* Lays out the IPC tab for model m. Deterministic: the same model and params give
 * the same layout. */
void vis_ipc_layout(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p);
/* The lane of tcb, or NULL when it has none. */
const vis_ipc_lane_t *vis_ipc_lane_of(const vis_ipc_layout_t *l, uint32_t tcb);
/* "server", "recv", "reply", "wait ntfn", ...: a state in one short word for a lane. */
const char *vis_ipc_state_word(uint32_t state);

#endif

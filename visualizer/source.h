/*
 * visualizer/source.h - where the visualizer's events come from: a board that
 * numbat-sim runs itself (board_source.c) or a kernel's trace stream followed from
 * QEMU's serial port (attach.c). The window and the screenshot (app.c) see only this
 * interface; the command line (cli/numbat-sim.c) picks the source.
 * Partners: app.c, board_source.c, attach.c, session.h (what a source fills).
 */
#ifndef VIS_SOURCE_H
#define VIS_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session.h"

typedef struct vis_source_ops {
    /*
     * Starts session s (s->clock_ms is kept, the rest is set here). For a screenshot,
     * `at` is where to stop (instructions for a board, events for a stream; 0: at
     * the end). Returns 0, or -1 with a one-line reason in err.
     */
    int (*start)(void *self, vis_session_t *s, bool screenshot, uint64_t at, char *err,
                 size_t err_len);
    /*
     * Once a frame: takes in what has arrived, without waiting, and writes the status
     * line. Returns true while more may come. NULL when the window runs the source
     * itself (a board: its run, step and breakpoint controls).
     */
    bool (*follow)(void *self, vis_session_t *s, char *status, size_t len);
    /* Screenshot: runs or reads to the end (or the `at` point), then writes the
     * status line the picture shows. */
    void (*finish)(void *self, vis_session_t *s, char *status, size_t len);
} vis_source_ops_t;

typedef struct vis_source {
    const vis_source_ops_t *ops;
    void *self;
    /* Shown where the window names its speed ("following QEMU"); NULL: the window's
     * own speed control applies. */
    const char *label;
} vis_source_t;

#endif

/*
 * visualizer/app.h - numbat-sim's visualized modes: --gui (a window showing a
 * source of events live, with the controls of docs/visualizer.md) and --screenshot
 * FILE (the same window drawn offscreen into a PNG). The source is numbat-sim's own
 * board or QEMU's trace stream (source.h); the command line picks it.
 * Partners: app.c (the window and its event loop), source.h, session.c (the run),
 * render.c (the drawing), cli/numbat-sim.c.
 */
#ifndef VIS_APP_H
#define VIS_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"

typedef struct vis_app_options {
    bool gui;               /* --gui */
    const char *screenshot; /* --screenshot FILE */
    uint64_t at;            /* --at N: instructions run before the screenshot (0: to the end);
                               events received, with --attach */
    const char *at_console; /* --at-console TEXT: stop once a console line contains TEXT */
    uint64_t then_events;   /* --then-events N: and then N trace events more */
    float scale;            /* --scale F: text and chrome size (1 by default) */
    int width, height;      /* --size WxH: the window's or PNG's size (0: 1600x900) */
    int tab;                /* --tab NAME: the tab shown first (vis_tab_t; 0 is CSpaces) */
    const char *image_path; /* for the window title */
    const char *layout_out; /* --layout-out FILE: with --screenshot, what is drawn where */
} vis_app_options_t;

/* Exit statuses beyond the guest's own (as in cli/numbat-sim.c). */
#define VIS_EXIT_NO_WINDOW 2 /* SDL could not open a window, or the PNG could not be written */

/* What the session held at its end: numbat-sim --attach reports it. */
typedef struct vis_app_summary {
    size_t events, caps;
} vis_app_summary_t;

/*
 * Shows `source` in the mode the options ask for. Returns the process exit status:
 * 0 after the screenshot is written or the window is closed, VIS_EXIT_NO_WINDOW on
 * failure. With `summary` (may be NULL), the events received and the caps of the
 * final model are stored there (zero if the session never started).
 */
int vis_app_main(const vis_app_options_t *options, const vis_source_t *source,
                 vis_app_summary_t *summary);
/* The tab called `name` (its tab bar's name, any case: "ipc", "CSpaces"), or -1. */
int vis_app_tab_named(const char *name);

#endif

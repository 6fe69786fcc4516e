/*
 * visualizer/app.h - numbat-sim's visualized modes: --gui (a window that runs the
 * image live, with the controls of docs/visualizer.md) and --screenshot FILE (run,
 * then draw the same window offscreen into a PNG); both also follow QEMU's trace
 * stream (--attach). Partners: app.c (the window and its event loop), session.c (the
 * run), render.c (the drawing), attach.c (--attach), cli/numbat-sim.c.
 */
#ifndef VIS_APP_H
#define VIS_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../sim/board.h"

typedef struct vis_app_options {
    bool gui;               /* --gui */
    const char *screenshot; /* --screenshot FILE */
    uint64_t at;            /* --at N: instructions run before the screenshot (0: to the end);
                               events received, with --attach */
    float scale;            /* --scale F: text and chrome size (1 by default) */
    const char *image_path; /* for the window title */
} vis_app_options_t;

/* Exit statuses beyond the guest's own (as in cli/numbat-sim.c). */
#define VIS_EXIT_NO_WINDOW 2 /* SDL could not open a window, or the PNG could not be written */

/*
 * Runs `image` with the board options `base` (console and trace feed are replaced)
 * in the mode the options ask for. Returns the process exit status: 0 after the
 * screenshot is written or the window is closed, VIS_EXIT_NO_WINDOW on failure.
 */
int vis_app_main(const vis_app_options_t *options, const sim_options_t *base,
                 const elf_image_t *image);

/*
 * --attach with --gui or --screenshot: the same window or PNG, fed by the connection
 * `attach` (a vis_attach_t) instead of a board. Stores the events received and the
 * caps of the final model in *events and *caps; returns the exit status as above.
 */
struct vis_attach;
int vis_app_attached(const vis_app_options_t *options, struct vis_attach *attach,
                     size_t *events, size_t *caps);

#endif

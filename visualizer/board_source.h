/*
 * visualizer/board_source.h - the visualizer's own source: numbat-sim's board
 * running an image, through a session (session.h). The window runs it with its
 * controls; a screenshot runs it to the end, to --at N instructions, or to the
 * console line --at-console names (and --then-events N more).
 * Partners: board_source.c, source.h, cli/numbat-sim.c (which picks it).
 */
#ifndef VIS_BOARD_SOURCE_H
#define VIS_BOARD_SOURCE_H

#include <stdint.h>

#include "../sim/board.h"
#include "source.h"

typedef struct vis_board_source {
    const sim_options_t *base; /* the command line's options; outlives the session */
    sim_options_t screenshot;  /* base without terminal input, with --at as the limit */
    const elf_image_t *image;
    uint64_t at;
    const char *at_console; /* --at-console TEXT (screenshot): stop after that line */
    uint64_t then_events;   /* --then-events N: and N trace events more */
} vis_board_source_t;

/*
 * A source that runs `image` with the board options `base` (its console and trace
 * feed are replaced by the session's). `base` must outlive the session, since its
 * terminal input is polled.
 */
vis_source_t vis_board_source(vis_board_source_t *b, const sim_options_t *base,
                              const elf_image_t *image);

#endif

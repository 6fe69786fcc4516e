/*
 * visualizer/board_source.c - the board as a source of events (source.h): starting
 * a session on it, and for a screenshot running it to its end. The window drives
 * the running itself, so there is nothing to follow. Partners: board_source.h,
 * session.c (the board underneath), app.c (the user).
 */
#include "board_source.h"

#include <stdio.h>

static int start(void *self, vis_session_t *s, bool screenshot, uint64_t at, char *err,
                 size_t err_len)
{
    vis_board_source_t *b = self;
    const sim_options_t *options = b->base;
    b->at = at;
    if (screenshot) {
        b->screenshot = *b->base;
        b->screenshot.input = (sim_input_t){NULL, NULL}; /* nobody types into a screenshot */
        if (at)
            b->screenshot.max_insns = at;
        options = &b->screenshot;
    }
    s->echo = true; /* UART0 goes to the terminal as well as to the console pane */
    return vis_session_start(s, options, b->image, err, err_len);
}

static void finish(void *self, vis_session_t *s, char *status, size_t len)
{
    const vis_board_source_t *b = self;
    while (!s->ended)
        vis_session_run(s, UINT64_MAX / 4, VIS_STOP_NEVER);
    if (s->console_len && s->console[s->console_len - 1] != '\n')
        putchar('\n'); /* --at may stop the guest in the middle of a line */
    fflush(stdout);
    vis_session_refresh_text(s);
    if (s->result.kind == SIM_EXIT_INSN_LIMIT)
        snprintf(status, len, "paused at --at %llu", (unsigned long long)b->at);
    else
        vis_session_status(s, status, len);
}

static const vis_source_ops_t board_ops = {.start = start, .follow = NULL, .finish = finish};

vis_source_t vis_board_source(vis_board_source_t *b, const sim_options_t *base,
                              const elf_image_t *image)
{
    *b = (vis_board_source_t){.base = base, .image = image};
    return (vis_source_t){.ops = &board_ops, .self = b, .label = NULL};
}

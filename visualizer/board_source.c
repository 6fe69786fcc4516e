/*
 * visualizer/board_source.c - the board as a source of events (source.h): starting
 * a session on it, and for a screenshot running it to its end. The window drives
 * the running itself, so there is nothing to follow. Partners: board_source.h,
 * session.c (the board underneath), app.c (the user).
 */
#include "board_source.h"

#include <stdio.h>
#include <string.h>

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
    if (vis_session_start(s, options, b->image, err, err_len) != 0)
        return -1;
    if (screenshot)
        s->stop_text = b->at_console;
    return 0;
}

/* --at-console: runs to the line, then --then-events N events on; says where on stderr
 * (the run ends first if no line contains the text: app.c reports it). */
static void run_to_console_line(const vis_board_source_t *b, vis_session_t *s)
{
    while (!s->ended && !s->text_hit)
        vis_session_run(s, UINT64_MAX / 4, VIS_STOP_NEVER);
    if (!s->text_hit)
        return;
    size_t target = s->text_event + b->then_events;
    while (!s->ended && s->count < target)
        vis_session_run(s, UINT64_MAX / 4, VIS_STOP_ANY_EVENT);
    fprintf(stderr, "numbat-sim: --at-console '%s': printed by instruction %llu, after event %zu;"
            " stopped at instruction %llu, after event %zu\n", b->at_console,
            (unsigned long long)s->text_icount, s->text_event,
            (unsigned long long)sim_board_icount(s->board), s->count);
}

static void finish(void *self, vis_session_t *s, char *status, size_t len)
{
    const vis_board_source_t *b = self;
    if (b->at_console)
        run_to_console_line(b, s);
    else
        while (!s->ended)
            vis_session_run(s, UINT64_MAX / 4, VIS_STOP_NEVER);
    if (s->console_len && s->console[s->console_len - 1] != '\n')
        putchar('\n'); /* --at may stop the guest in the middle of a line */
    fflush(stdout);
    vis_session_refresh_text(s);
    if (b->at_console && s->text_hit && !s->ended)
        snprintf(status, len, "paused %s%.0llu%safter the console line with '%.40s%s'",
                 b->then_events ? "" : "right ", (unsigned long long)b->then_events,
                 b->then_events ? " events " : "", b->at_console,
                 strlen(b->at_console) > 40 ? "..." : "");
    else if (s->result.kind == SIM_EXIT_INSN_LIMIT)
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

/*
 * visualizer/app.c - the visualizer window and its event loop, and the headless
 * screenshot, over any source of events (source.h). Each frame: handle input, run
 * the board for the frame's share of the speed (or to the event n/e waits for), or
 * take what a followed source (QEMU's stream) sent; then draw the model at the
 * cursor, which follows the newest event unless [ ] or the timeline moved it back.
 * Partners: app.h, source.h, session.c (the run), render.c (the drawing),
 * docs/visualizer.md.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <SDL2/SDL.h>

#include "render.h"
#include "session.h"
#include "steps.h"

/* How fast "run" goes: instructions per second, or caps/objects/threads changes per
 * second (each change then stays on screen long enough to be seen). */
static const struct speed {
    const char *label;
    uint64_t insns_per_s;
    unsigned changes_per_s;
} speeds[] = {
    {"1 change/s", 0, 1},      {"4 changes/s", 0, 4},       {"100k insn/s", 100000, 0},
    {"1M insn/s", 1000000, 0}, {"10M insn/s", 10000000, 0}, {"full speed", 0, 0},
};
#define SPEEDS (int)(sizeof(speeds) / sizeof(speeds[0]))
#define DEFAULT_SPEED 3
/* The most one frame may run, so the window stays responsive (~30 ms at 50 MIPS). */
#define FRAME_BUDGET 1500000ull
#define MAX_BREAKPOINTS 16
/* The code pane's note when the source has no CPU here (QEMU's stream). */
#define NO_CPU_NOTE "(not available when attached)"

typedef struct app {
    vis_session_t s;
    const vis_source_t *source; /* a board the controls run, or a stream followed */
    bool source_live;           /* a followed source may send more */
    vis_ui_t ui;
    SDL_Window *window;
    SDL_Renderer *renderer;
    vis_fonts_t *fonts;
    bool running, live, quit;
    vis_stop_on_t pending; /* n or e, until its event comes */
    bool waiting_change;   /* paced speeds: running to the next change */
    uint32_t pace_ms;
    int speed;
    size_t cursor; /* events applied to the model shown */
    bool panning, scrubbing;
    int drag_x, drag_y;
    uint32_t breakpoints[MAX_BREAKPOINTS];
    int breakpoint_count;
    char status[160];
} app_t;

static uint32_t ticks(void)
{
    return SDL_GetTicks();
}

/* ---- running ---------------------------------------------------------------------- */

static void stop_running(app_t *a, const char *why)
{
    a->running = false;
    a->pending = VIS_STOP_NEVER;
    a->waiting_change = false;
    snprintf(a->status, sizeof(a->status), "%s", why);
}

static void go_live(app_t *a)
{
    a->live = true;
    a->cursor = a->s.count;
}

/* Runs a paced speed: wait, then run to the next change, then wait again. */
static void run_paced(app_t *a, uint32_t dt)
{
    const struct speed *sp = &speeds[a->speed];
    if (!a->waiting_change) {
        a->pace_ms += dt;
        if (a->pace_ms < 1000 / sp->changes_per_s)
            return;
        a->waiting_change = true;
    }
    if (vis_session_run(&a->s, FRAME_BUDGET, VIS_STOP_CHANGE)) {
        a->waiting_change = false;
        a->pace_ms = 0;
    }
}

/* A source that runs by itself (QEMU's stream), not under the window's controls. */
static bool followed(const app_t *a)
{
    return a->source->ops->follow != NULL;
}

/* Followed: take what the source has sent since the last frame. */
static void follow_frame(app_t *a)
{
    char unused[sizeof(a->status)];
    /* Looking back, the cursor and the status line stay. */
    char *status = a->live ? a->status : unused;
    a->source_live = a->source->ops->follow(a->source->self, &a->s, status, sizeof(a->status));
    if (a->live)
        a->cursor = a->s.count;
}

static void run_frame(app_t *a, uint32_t dt)
{
    if (followed(a)) {
        follow_frame(a);
        return;
    }
    if (a->pending != VIS_STOP_NEVER) {
        vis_stop_on_t want = a->pending;
        if (vis_session_run(&a->s, FRAME_BUDGET, want))
            stop_running(a, want == VIS_STOP_ENTRY_EXIT ? "stopped at a kernel entry or exit"
                            : want == VIS_STOP_IPC_ENTRY && a->s.ipc_stop_late
                                ? "stopped at an IPC's invocation (no checkpoints to go back to "
                                  "its entry)"
                            : want == VIS_STOP_IPC_ENTRY ? "stopped at an IPC system call's entry"
                            : want == VIS_STOP_CHANGE    ? "stopped at a change"
                                                         : "stopped at the next event");
    } else if (a->running) {
        const struct speed *sp = &speeds[a->speed];
        if (sp->changes_per_s)
            run_paced(a, dt);
        else {
            uint64_t budget = sp->insns_per_s ? sp->insns_per_s * dt / 1000 + 1 : FRAME_BUDGET;
            vis_session_run(&a->s, budget < FRAME_BUDGET ? budget : FRAME_BUDGET, VIS_STOP_NEVER);
        }
    }
    char buf[160];
    const char *end = vis_session_status(&a->s, buf, sizeof(buf));
    if (end && (a->running || a->pending != VIS_STOP_NEVER || a->s.ended))
        stop_running(a, end);
    if (a->live)
        a->cursor = a->s.count;
}

/* ---- controls --------------------------------------------------------------------- */

/* After the cursor moved: the model shown, the status, the glow of what changed. */
static void show_cursor(app_t *a)
{
    a->live = a->cursor == a->s.count;
    a->ui.cursor_ms = ticks();
    if (!a->live || !followed(a))
        snprintf(a->status, sizeof(a->status), "%s", a->live ? "paused" : "looking back");
}

/* Is the last step (ending at the newest event) one that changed caps and lies after
 * the cursor? Then c stops there rather than running on. */
static bool last_step_changes_caps(const app_t *a, size_t next)
{
    return next == a->s.count && a->cursor < a->s.count &&
           vis_step_changes_caps(a->s.records,
                                 vis_step_of(a->s.records, a->s.count, a->s.count - 1));
}

/* Following QEMU, the CPU is QEMU's: running, stepping and breakpoints are not ours. */
static bool no_board(app_t *a)
{
    if (a->s.board)
        return false;
    snprintf(a->status, sizeof(a->status),
             "%s: run, step and breakpoints need numbat-sim's own board",
             a->source->label ? a->source->label : "no board");
    return true;
}

static void toggle_run(app_t *a)
{
    if (no_board(a))
        return;
    if (a->s.ended) {
        char buf[160];
        stop_running(a, vis_session_status(&a->s, buf, sizeof(buf)));
        return;
    }
    go_live(a);
    a->running = !a->running;
    a->pending = VIS_STOP_NEVER;
    snprintf(a->status, sizeof(a->status), "%s", a->running ? "running" : "paused");
}

static void step(app_t *a)
{
    if (no_board(a))
        return;
    go_live(a);
    a->running = false;
    a->pending = VIS_STOP_NEVER;
    vis_session_step(&a->s);
    snprintf(a->status, sizeof(a->status), "stepped one instruction");
    a->cursor = a->s.count;
}

static void run_to(app_t *a, vis_stop_on_t what)
{
    if (no_board(a))
        return;
    go_live(a);
    a->running = false;
    a->pending = what;
    snprintf(a->status, sizeof(a->status), "running to the next %s",
             what == VIS_STOP_ENTRY_EXIT   ? "kernel entry or exit"
             : what == VIS_STOP_IPC_ENTRY ? "IPC system call"
                                          : "event");
}

/* Moves the cursor one step (steps.h: a kernel visit, or one boot event) back or
 * forward; past the newest one it runs to the next event. */
static void move_cursor(app_t *a, int delta)
{
    a->running = false;
    a->pending = VIS_STOP_NEVER;
    if (delta > 0 && a->cursor >= a->s.count) {
        if (followed(a))
            a->live = true; /* follow the stream again */
        else
            run_to(a, VIS_STOP_ANY_EVENT);
        return;
    }
    if (delta < 0 && a->cursor == 0)
        return;
    if (delta > 0) {
        a->cursor = vis_step_of(a->s.records, a->s.count, a->cursor).last + 1;
    } else {
        /* The cursor shows the end of a step: back to the end of the one before it. */
        vis_step_t now = vis_step_of(a->s.records, a->s.count, a->cursor - 1);
        a->cursor = now.first;
    }
    show_cursor(a);
}

/* c: the end of the next step that changes a cap (at the newest event: run to one). */
static void next_cap_change(app_t *a)
{
    a->running = false;
    a->pending = VIS_STOP_NEVER;
    size_t next = vis_next_cap_change(a->s.records, a->s.count, a->cursor);
    if (next >= a->s.count && !last_step_changes_caps(a, next)) {
        if (!followed(a) && !no_board(a)) {
            go_live(a);
            a->pending = VIS_STOP_CHANGE;
            snprintf(a->status, sizeof(a->status), "running to the next cap change");
        }
        return;
    }
    a->cursor = next;
    show_cursor(a);
}

static void toggle_breakpoint(app_t *a)
{
    if (no_board(a))
        return;
    uint32_t pc = sim_board_pc(a->s.board);
    sim_error_t e;
    for (int i = 0; i < a->breakpoint_count; i++)
        if (a->breakpoints[i] == pc) {
            if ((e = sim_board_set_breakpoint(a->s.board, pc, false)) != SIM_OK) {
                snprintf(a->status, sizeof(a->status), "%s", sim_error_text(e));
                return;
            }
            a->breakpoints[i] = a->breakpoints[--a->breakpoint_count];
            snprintf(a->status, sizeof(a->status), "breakpoint at %08x removed", pc);
            return;
        }
    e = a->breakpoint_count == MAX_BREAKPOINTS ? SIM_ERR_TOO_MANY_BREAKPOINTS
                                               : sim_board_set_breakpoint(a->s.board, pc, true);
    if (e != SIM_OK) {
        snprintf(a->status, sizeof(a->status), "%s", sim_error_text(e));
        return;
    }
    a->breakpoints[a->breakpoint_count++] = pc;
    snprintf(a->status, sizeof(a->status), "breakpoint set at %08x", pc);
}

static void change_speed(app_t *a, int delta)
{
    a->speed += delta;
    a->speed = a->speed < 0 ? 0 : a->speed >= SPEEDS ? SPEEDS - 1 : a->speed;
    a->waiting_change = false;
    a->pace_ms = 0;
}

static void zoom(app_t *a, float factor)
{
    float z = a->ui.zoom * factor;
    a->ui.zoom = z < 0.3f ? 0.3f : z > 3.0f ? 3.0f : z;
}

static void rescale(app_t *a, float delta)
{
    float s = delta ? a->ui.scale + delta : 1.0f;
    a->ui.scale = s < 0.75f ? 0.75f : s > 3.0f ? 3.0f : s;
}

/* Moving the tree by hand stops it following the selection until the next one. */
static void pan(app_t *a, int dx, int dy)
{
    a->ui.pan_x += dx;
    a->ui.pan_y += dy;
    a->ui.follow = false;
}

static void press_button(app_t *a, vis_button_t b)
{
    switch (b) {
    case VIS_BUTTON_RUN: toggle_run(a); break;
    case VIS_BUTTON_STEP: step(a); break;
    case VIS_BUTTON_NEXT_ENTRY: run_to(a, VIS_STOP_ENTRY_EXIT); break;
    case VIS_BUTTON_NEXT_EVENT: run_to(a, VIS_STOP_ANY_EVENT); break;
    case VIS_BUTTON_NEXT_IPC: run_to(a, VIS_STOP_IPC_ENTRY); break;
    case VIS_BUTTON_BACK: move_cursor(a, -1); break;
    case VIS_BUTTON_FORWARD: move_cursor(a, +1); break;
    case VIS_BUTTON_SLOWER: change_speed(a, -1); break;
    case VIS_BUTTON_FASTER: change_speed(a, +1); break;
    default: break;
    }
}

/*
 * Going back in time (docs/time-travel.md): the whole machine goes back, not only the
 * drawing. Shift+S or Backspace: one instruction; Shift+N: the last kernel entry;
 * C: the event that made the selected cap.
 */
static void go_back(app_t *a, vis_back_t how)
{
    if (no_board(a))
        return;
    size_t event = 0;
    if (how == VIS_BACK_TO_EVENT) {
        const vis_model_t *m = vis_session_model_at(&a->s, a->cursor);
        const vis_cap_t *c = a->ui.selected ? vis_model_cap_at(m, a->ui.selected) : NULL;
        if (!c) {
            snprintf(a->status, sizeof(a->status), "select a cap to go back to its making");
            return;
        }
        event = c->born;
    }
    a->running = false;
    a->pending = VIS_STOP_NEVER;
    sim_travel_t t = vis_session_back(&a->s, how, event);
    a->cursor = a->s.count;
    a->live = true;
    a->ui.cursor_ms = ticks();
    if (t == SIM_TRAVEL_NO_HISTORY)
        snprintf(a->status, sizeof(a->status), "no checkpoints kept: cannot go back");
    else
        snprintf(a->status, sizeof(a->status), "back in time: instruction %llu%s",
                 (unsigned long long)sim_board_icount(a->s.board),
                 t == SIM_TRAVEL_HISTORY_START ? " (the start of the history)" : "");
}

/* The keys of go_back; true when k was one of them. */
static bool time_travel_key(app_t *a, const SDL_Keysym *k)
{
    bool shift = k->mod & KMOD_SHIFT;
    if (k->sym == SDLK_BACKSPACE || (shift && k->sym == SDLK_s))
        go_back(a, VIS_BACK_STEP);
    else if (shift && k->sym == SDLK_n)
        go_back(a, VIS_BACK_ENTRY);
    else if (shift && k->sym == SDLK_c)
        go_back(a, VIS_BACK_TO_EVENT);
    else
        return false;
    return true;
}

/*
 * Unfolds the run the cap in `slot` is in, in the tree (its members get boxes of their
 * own below it; nothing else moves), or folds it back. Unfolding selects the first
 * member; folding selects the run.
 */
static void toggle_fold(app_t *a, uint32_t slot)
{
    int open = slot ? vis_session_toggle_run(&a->s, a->cursor, slot) : -1;
    if (open < 0) {
        snprintf(a->status, sizeof(a->status), "u unfolds a run: select one (\"64 × copy\")");
        return;
    }
    const vis_model_t *m = vis_session_model_at(&a->s, a->cursor);
    int run = vis_place_run_of(&m->place, vis_place_cell_of(&m->place, slot));
    uint32_t first[1] = {slot};
    if (run >= 0)
        vis_place_members(&m->place, run, first, 1);
    a->ui.selected = open ? first[0] : 0;
    a->ui.selected_group = open ? 0 : first[0];
    a->ui.follow = true;
    snprintf(a->status, sizeof(a->status), "%s", open ? "run unfolded: u folds it" :
                                                        "run folded: click it or u unfolds it");
}

static void on_key(app_t *a, const SDL_Keysym *k)
{
    if (time_travel_key(a, k))
        return;
    bool ctrl = k->mod & KMOD_CTRL;
    switch (k->sym) {
    case SDLK_SPACE: toggle_run(a); break;
    case SDLK_s: step(a); break;
    case SDLK_n: run_to(a, VIS_STOP_ENTRY_EXIT); break;
    case SDLK_e: run_to(a, VIS_STOP_ANY_EVENT); break;
    case SDLK_i: run_to(a, VIS_STOP_IPC_ENTRY); break;
    case SDLK_b: toggle_breakpoint(a); break;
    case SDLK_LEFTBRACKET: move_cursor(a, -1); break;
    case SDLK_RIGHTBRACKET: move_cursor(a, +1); break;
    case SDLK_c: next_cap_change(a); break;
    case SDLK_COMMA: change_speed(a, -1); break;
    case SDLK_PERIOD: change_speed(a, +1); break;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        if (ctrl)
            rescale(a, 0.125f);
        else
            zoom(a, 1.2f);
        break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        if (ctrl)
            rescale(a, -0.125f);
        else
            zoom(a, 1 / 1.2f);
        break;
    case SDLK_0:
        if (ctrl)
            rescale(a, 0);
        a->ui.zoom = 1;
        a->ui.pan_x = a->ui.pan_y = 0;
        a->ui.follow = true;
        break;
    case SDLK_f: a->ui.fit_tree = true; break;
    case SDLK_u: toggle_fold(a, a->ui.selected ? a->ui.selected : a->ui.selected_group); break;
    case SDLK_TAB:
        a->ui.tab = (a->ui.tab + 1) % VIS_TAB_COUNT;
        a->ui.tab_scroll = a->ui.ipc_back = 0;
        break;
    case SDLK_v: /* the address space of the selected (or running) thread */
        a->ui.tab = VIS_TAB_VSPACE;
        a->ui.tab_scroll = 0;
        a->ui.followed = 0; /* bring the selection's row into view */
        break;
    case SDLK_UP: pan(a, 0, 60); break;
    case SDLK_DOWN: pan(a, 0, -60); break;
    case SDLK_LEFT: pan(a, 60, 0); break;
    case SDLK_RIGHT: pan(a, -60, 0); break;
    case SDLK_ESCAPE:
    case SDLK_q: a->quit = true; break;
    default: break;
    }
}

/* ---- mouse ------------------------------------------------------------------------ */

/* Window points to renderer pixels (they differ on high-DPI screens). */
static void to_pixels(const app_t *a, int *x, int *y)
{
    int ww, wh;
    SDL_GetWindowSize(a->window, &ww, &wh);
    if (ww > 0 && wh > 0) {
        *x = *x * a->ui.width / ww;
        *y = *y * a->ui.height / wh;
    }
}

static void scrub(app_t *a, const vis_hit_t *h, int x)
{
    size_t n = a->s.count;
    if (!n || h->rect.w < 2)
        return;
    double f = (double)(x - h->rect.x) / (h->rect.w - 1);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    a->running = false;
    a->pending = VIS_STOP_NEVER;
    a->cursor = (size_t)(f * (double)(n - 1) + 0.5) + 1;
    a->live = a->cursor >= n;
    a->ui.cursor_ms = ticks();
    snprintf(a->status, sizeof(a->status), "%s", a->live ? "paused" : "looking back");
}

static void select_hit(app_t *a, const vis_hit_t *h)
{
    vis_ui_t *ui = &a->ui;
    if (h->kind == VIS_HIT_CAP || h->kind == VIS_HIT_GROUP || h->kind == VIS_HIT_THREAD) {
        ui->selected = h->kind == VIS_HIT_CAP ? h->value : 0;
        ui->selected_group = h->kind == VIS_HIT_GROUP ? h->value : 0;
        ui->selected_tcb = h->kind == VIS_HIT_THREAD ? h->value : 0;
        ui->follow = true;
    }
}

static void on_click(app_t *a, int x, int y)
{
    const vis_hit_t *h = vis_hit_at(&a->ui, x, y);
    if (!h)
        return;
    switch (h->kind) {
    case VIS_HIT_BUTTON: press_button(a, (vis_button_t)h->value); break;
    case VIS_HIT_TAB:
        a->ui.tab = (vis_tab_t)h->value;
        a->ui.tab_scroll = a->ui.ipc_back = 0;
        break;
    case VIS_HIT_TIMELINE:
        a->scrubbing = true;
        scrub(a, h, x);
        break;
    case VIS_HIT_TREE:
        a->panning = true;
        a->drag_x = x;
        a->drag_y = y;
        break;
    case VIS_HIT_TAB_PANE: break;
    case VIS_HIT_EVENT: /* "made by event N": the state just after it */
        if (h->value < a->s.count) {
            a->running = false;
            a->pending = VIS_STOP_NEVER;
            a->cursor = h->value + 1;
            show_cursor(a);
        }
        break;
    case VIS_HIT_GROUP: toggle_fold(a, h->value); break; /* a run: unfold it */
    default: select_hit(a, h); break;
    }
}

static void on_motion(app_t *a, int x, int y)
{
    const vis_hit_t *h = vis_hit_at(&a->ui, x, y);
    a->ui.hover = h && h->kind == VIS_HIT_CAP ? h->value : 0;
    if (a->panning) {
        pan(a, x - a->drag_x, y - a->drag_y);
        a->drag_x = x;
        a->drag_y = y;
    } else if (a->scrubbing) {
        for (size_t i = 0; i < a->ui.hit_count; i++)
            if (a->ui.hits[i].kind == VIS_HIT_TIMELINE)
                scrub(a, &a->ui.hits[i], x);
    }
}

static void on_wheel(app_t *a, int wheel_y)
{
    int x, y;
    SDL_GetMouseState(&x, &y);
    to_pixels(a, &x, &y);
    const vis_hit_t *h = vis_hit_at(&a->ui, x, y);
    bool right = x >= a->ui.width * 66 / 100; /* the right-hand column (layout.c) */
    if (h && right && a->ui.tab == VIS_TAB_IPC)
        a->ui.ipc_back += wheel_y * 3; /* up: older messages; the chart keeps it in range */
    else if (h && (h->kind == VIS_HIT_TAB_PANE ||
                   ((h->kind == VIS_HIT_CAP || h->kind == VIS_HIT_THREAD) && right)))
        a->ui.tab_scroll -= wheel_y * 3;
    else if (SDL_GetModState() & KMOD_CTRL)
        zoom(a, wheel_y > 0 ? 1.1f : 1 / 1.1f);
    else
        pan(a, 0, wheel_y * 60);
}

static void handle_event(app_t *a, const SDL_Event *e)
{
    int x, y;
    switch (e->type) {
    case SDL_QUIT: a->quit = true; break;
    case SDL_KEYDOWN: on_key(a, &e->key.keysym); break;
    case SDL_MOUSEBUTTONDOWN:
        x = e->button.x, y = e->button.y;
        to_pixels(a, &x, &y);
        if (e->button.button == SDL_BUTTON_LEFT)
            on_click(a, x, y);
        break;
    case SDL_MOUSEBUTTONUP: a->panning = a->scrubbing = false; break;
    case SDL_MOUSEMOTION:
        x = e->motion.x, y = e->motion.y;
        to_pixels(a, &x, &y);
        on_motion(a, x, y);
        break;
    case SDL_MOUSEWHEEL: on_wheel(a, e->wheel.y); break;
    default: break;
    }
}

/* ---- the frame -------------------------------------------------------------------- */

/* Points the UI state at the session's current data; returns the model to draw. */
static const vis_model_t *prepare_ui(app_t *a, vis_ui_t *ui)
{
    vis_session_t *s = &a->s;
    ui->records = s->records;
    ui->record_count = s->count;
    ui->event_ms = s->event_ms;
    ui->cursor = a->cursor;
    ui->now_ms = ticks();
    ui->icount = s->board ? sim_board_icount(s->board) : 0;
    ui->no_icount = !s->board;
    ui->running = a->running || a->pending != VIS_STOP_NEVER || (followed(a) && a->source_live);
    ui->status = a->status;
    ui->speed = a->source->label ? a->source->label : speeds[a->speed].label;
    ui->console = s->console;
    ui->console_len = s->console_len;
    vis_session_refresh_text(s);
    ui->code = s->code;
    ui->registers = s->registers;
    bool back = a->cursor < s->count;
    ui->code_note = !s->board ? NO_CPU_NOTE
                    : back    ? "(live: the CPU does not go back with the model)"
                              : NULL;
    ui->cpu_mode = back ? -1 : s->cpu_mode;
    return vis_session_model_at(s, a->cursor);
}

static void draw_frame(app_t *a)
{
    SDL_GetRendererOutputSize(a->renderer, &a->ui.width, &a->ui.height);
    const vis_model_t *m = prepare_ui(a, &a->ui);
    vis_render(a->renderer, a->fonts, m, &a->ui);
    SDL_RenderPresent(a->renderer);
}

static void event_loop(app_t *a)
{
    uint32_t last = ticks();
    while (!a->quit) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            handle_event(a, &e);
        uint32_t now = ticks(), dt = now - last;
        last = now;
        run_frame(a, dt > 100 ? 100 : dt);
        draw_frame(a);
        uint32_t spent = ticks() - now;
        if (spent < 16)
            SDL_Delay(16 - spent); /* about 60 frames a second, without vsync too */
    }
}

/* ---- entry points ----------------------------------------------------------------- */

/*
 * SDL falls back to its invisible "offscreen" or "dummy" video driver when there is
 * no display; a window nobody can see is no window (unless SDL_VIDEODRIVER asked).
 */
static bool no_display(void)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    if (getenv("SDL_VIDEODRIVER") || !driver)
        return false;
    if (strcmp(driver, "offscreen") && strcmp(driver, "dummy"))
        return false;
    SDL_SetError("no display (SDL found only its %s video driver)", driver);
    return true;
}

static int open_window(app_t *a, const vis_app_options_t *o)
{
    char title[256], err[256];
    snprintf(title, sizeof(title), "numbat-sim: %s", o->image_path ? o->image_path : "");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || no_display() ||
        !(a->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       o->width > 0 ? o->width : VIS_DEFAULT_WIDTH,
                                       o->height > 0 ? o->height : VIS_DEFAULT_HEIGHT,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI))) {
        fprintf(stderr,
                "numbat-sim: --gui: cannot open a window: %s\n"
                "(--screenshot FILE draws the window into a PNG without a display)\n",
                SDL_GetError());
        return -1;
    }
    a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!a->renderer)
        a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_SOFTWARE);
    a->fonts = a->renderer ? vis_fonts_open(a->renderer, err, sizeof(err)) : NULL;
    if (!a->fonts) {
        fprintf(stderr, "numbat-sim: --gui: %s\n", a->renderer ? err : SDL_GetError());
        return -1;
    }
    return 0;
}

static void close_window(app_t *a)
{
    vis_fonts_close(a->fonts);
    if (a->renderer)
        SDL_DestroyRenderer(a->renderer);
    if (a->window)
        SDL_DestroyWindow(a->window);
    SDL_Quit();
}

/* The counts --attach reports at the end, for any source. */
static void summarize(const vis_session_t *s, vis_app_summary_t *summary)
{
    if (summary) {
        summary->events = s->count;
        summary->caps = s->live.cap_count;
    }
}

/* The window: it stays open after the run ends or QEMU exits, until closed. */
static int gui(const vis_app_options_t *o, const vis_source_t *source, vis_app_summary_t *summary)
{
    static app_t a; /* large (the UI's click regions); one window per process */
    char err[256];
    memset(&a, 0, sizeof(a));
    int rc = VIS_EXIT_NO_WINDOW;
    if (open_window(&a, o) == 0) {
        a.source = source;
        a.s.clock_ms = ticks;
        if (source->ops->start(source->self, &a.s, false, 0, err, sizeof(err)) != 0) {
            fprintf(stderr, "numbat-sim: %s\n", err);
        } else {
            vis_ui_init(&a.ui, VIS_DEFAULT_WIDTH, VIS_DEFAULT_HEIGHT);
            a.ui.scale = o->scale > 0 ? o->scale : 1.0f;
            a.ui.tab = (vis_tab_t)o->tab;
            a.ui.animate = true;
            a.speed = DEFAULT_SPEED;
            a.live = true;
            if (!followed(&a))
                snprintf(a.status, sizeof(a.status),
                         "paused: space runs, e goes to the next event");
            event_loop(&a);
            vis_ui_free(&a.ui);
            summarize(&a.s, summary);
            vis_session_end(&a.s);
            rc = 0;
        }
    }
    close_window(&a);
    return rc;
}

/* The newest cap: what a screenshot selects, so its details and family show. */
static uint32_t newest_cap(const vis_model_t *m)
{
    uint32_t slot = 0, born = 0;
    for (size_t i = 0; i < m->cap_count; i++)
        if (!slot || m->caps[i].born >= born) {
            slot = m->caps[i].slot;
            born = m->caps[i].born;
        }
    return slot;
}

/* The screenshot: the source to its end (or --at N), drawn offscreen into a PNG. */
static int screenshot(const vis_app_options_t *o, const vis_source_t *source,
                      vis_app_summary_t *summary)
{
    static vis_session_t s;
    static vis_ui_t ui;
    char err[256], status[200];
    if (source->ops->start(source->self, &s, true, o->at, err, sizeof(err)) != 0) {
        fprintf(stderr, "numbat-sim: %s\n", err);
        return VIS_EXIT_NO_WINDOW;
    }
    source->ops->finish(source->self, &s, status, sizeof(status));
    if (s.stop_text && !s.text_hit) {
        fprintf(stderr, "numbat-sim: --at-console '%s': no console line contains it (%s);"
                " no screenshot written\n", s.stop_text, status);
        vis_session_end(&s);
        return VIS_EXIT_NO_WINDOW;
    }
    vis_ui_init(&ui, o->width > 0 ? o->width : VIS_DEFAULT_WIDTH,
                o->height > 0 ? o->height : VIS_DEFAULT_HEIGHT);
    ui.scale = o->scale > 0 ? o->scale : 1.0f;
    ui.tab = (vis_tab_t)o->tab;
    ui.records = s.records;
    ui.record_count = ui.cursor = s.count;
    ui.icount = s.board ? sim_board_icount(s.board) : 0;
    ui.no_icount = !s.board;
    ui.status = status;
    ui.speed = source->label ? source->label : speeds[DEFAULT_SPEED].label;
    ui.console = s.console;
    ui.console_len = s.console_len;
    ui.code = s.code;
    ui.registers = s.registers;
    ui.code_note = s.board ? NULL : NO_CPU_NOTE;
    ui.cpu_mode = s.cpu_mode;
    ui.selected = newest_cap(&s.live);
    ui.record_labels = o->layout_out != NULL;
    int rc = vis_render_png(&s.live, &ui, o->screenshot, err, sizeof(err));
    if (rc != 0)
        fprintf(stderr, "numbat-sim: --screenshot: %s\n", err);
    else if (o->layout_out && (rc = vis_layout_write(&ui, o->layout_out, err, sizeof(err))) != 0)
        fprintf(stderr, "numbat-sim: %s\n", err);
    vis_ui_free(&ui);
    summarize(&s, summary);
    vis_session_end(&s);
    return rc == 0 ? 0 : VIS_EXIT_NO_WINDOW;
}

int vis_app_tab_named(const char *name)
{
    for (int t = 0; t < VIS_TAB_COUNT; t++)
        if (strcasecmp(name, vis_tab_name((vis_tab_t)t)) == 0)
            return t;
    return -1;
}

int vis_app_main(const vis_app_options_t *options, const vis_source_t *source,
                 vis_app_summary_t *summary)
{
    if (summary)
        *summary = (vis_app_summary_t){0, 0};
    if (options->screenshot)
        return screenshot(options, source, summary);
    return gui(options, source, summary);
}

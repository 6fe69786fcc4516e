/*
 * visualizer/render.c - one frame of the window: the toolbar (controls, instruction
 * count, current thread, mode, last kernel entry), the event timeline, the console and
 * the code/registers panes, with the tree (render_tree.c) and the right-hand column
 * (render_side.c) in between; plus the offscreen path used for screenshots and tests.
 * Partners: render.h, draw.c, layout.c, app.c.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL_image.h>

#include "describe.h"
#include "draw.h"
#include "steps.h"

void vis_draw_tree(vis_ctx_t *c);
void vis_draw_details(vis_ctx_t *c);
void vis_draw_tabs(vis_ctx_t *c);

void vis_ui_init(vis_ui_t *ui, int width, int height)
{
    memset(ui, 0, sizeof(*ui));
    ui->width = width;
    ui->height = height;
    ui->scale = 1.0f;
    ui->zoom = 1.0f;
    ui->tab = VIS_TAB_CSPACES;
    ui->status = "paused";
    ui->speed = "";
    ui->cpu_mode = -1;
    ui->follow = true;
}

void vis_ui_free(vis_ui_t *ui)
{
    free(ui->positions);
    ui->positions = NULL;
    ui->position_count = ui->position_capacity = 0;
    free(ui->labels);
    ui->labels = NULL;
    ui->label_count = ui->label_capacity = 0;
}

/* ---- toolbar ---------------------------------------------------------------------- */

/* A toolbar button: a label and its key (NULL: not shown); returns the x after it, and
 * draws only when draw is set (a dry run measures). */
static int button(vis_ctx_t *c, int x, int y, vis_button_t id, const char *label, const char *key,
                  bool draw)
{
    int px = vis_px(c, VIS_PX_BODY), pad = vis_px(c, 10), gap = vis_px(c, 7);
    int h = vis_line_height(c->f, VIS_FACE_BOLD, px) + vis_px(c, 8);
    int lw = vis_text_width(c->f, VIS_FACE_BOLD, px, label);
    int kw = key ? gap + vis_text_width(c->f, VIS_FACE_SANS, px, key) : 0;
    SDL_Rect r = {x, y, lw + kw + 2 * pad, h};
    if (draw) {
        vis_fill(c, r, VIS_COLOR_BUTTON);
        vis_outline(c, r, 1, VIS_COLOR_BORDER);
        vis_text(c->f, VIS_FACE_BOLD, px, VIS_COLOR_TEXT, x + pad, y + vis_px(c, 4), label);
        if (key)
            vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, x + pad + lw + gap,
                     y + vis_px(c, 4), key);
        vis_add_hit(c, r, VIS_HIT_BUTTON, id);
    }
    return x + r.w + vis_px(c, 6);
}

/* "key value" in the toolbar's second row; returns the x after it. */
static int fact(vis_ctx_t *c, int x, int y, const char *key, const char *value, SDL_Color color)
{
    int px = vis_px(c, VIS_PX_BODY);
    x += vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, x, y, key) + vis_px(c, 6);
    x += vis_text(c->f, VIS_FACE_BOLD, px, color, x, y, value);
    return x + vis_px(c, 26);
}

/* The instruction count at the right end; returns its left edge. */
static int toolbar_counter(vis_ctx_t *c, SDL_Rect bar)
{
    char count[32];
    vis_count_label(c->ui->icount, count, sizeof(count));
    if (c->ui->no_icount) /* QEMU's stream carries no instruction counts */
        snprintf(count, sizeof(count), "not known");
    int big = vis_px(c, VIS_PX_BIG), px = vis_px(c, VIS_PX_BODY);
    int right = bar.x + bar.w - vis_px(c, 14);
    int w = vis_text_width(c->f, VIS_FACE_BOLD, big, count);
    vis_text(c->f, VIS_FACE_BOLD, big, VIS_COLOR_TEXT, right - w, bar.y + vis_px(c, 6), count);
    int lw = vis_text_width(c->f, VIS_FACE_SANS, px, "instructions");
    vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, right - w - lw - vis_px(c, 10),
             bar.y + vis_px(c, 11), "instructions");
    return right - w - lw - vis_px(c, 20);
}

/* Before the first kernel exit the kernel is still booting: no entry was traced,
 * but the CPU is in the kernel all the same. */
static bool booting(const vis_ui_t *ui)
{
    if (!ui->records)
        return false;
    for (size_t i = 0; i < ui->cursor && i < ui->record_count; i++)
        if (trace_record_type(&ui->records[i]) == TRACE_KERNEL_EXIT)
            return false;
    return true;
}

static void toolbar_state(vis_ctx_t *c, SDL_Rect bar, int y)
{
    const vis_model_t *m = c->m;
    char thread[48], entry[48], events[64], a[24], b[24];
    int x = bar.x + vis_px(c, 14);
    if (m->current_tcb)
        vis_thread_label(m, m->current_tcb, thread, sizeof(thread));
    else
        snprintf(thread, sizeof(thread), "none yet");
    vis_entry_label(m->last_entry_cause, m->last_entry_detail, entry, sizeof(entry));
    x = fact(c, x, y, "thread", thread, VIS_COLOR_TEXT);
    /* The CPU knows best; the trace says only what the last entry or exit was. */
    bool boot = booting(c->ui),
         kernel = c->ui->cpu_mode >= 0 ? c->ui->cpu_mode : m->in_kernel || boot;
    x = fact(c, x, y, "mode",
             boot     ? "kernel (booting)"
             : kernel ? "kernel"
                      : "user",
             kernel ? VIS_RGB(0xC6, 0x28, 0x28) : VIS_RGB(0x2E, 0x7D, 0x32));
    x = fact(c, x, y, "last kernel entry", entry, VIS_COLOR_TEXT);
    fact(c, x, y, "", c->ui->status ? c->ui->status : "", VIS_RGB(0x15, 0x65, 0xC0));
    vis_count_label(c->ui->cursor, a, sizeof(a));
    vis_count_label(c->ui->record_count, b, sizeof(b));
    snprintf(events, sizeof(events), "event %s of %s", a, b);
    int px = vis_px(c, VIS_PX_BODY), w = vis_text_width(c->f, VIS_FACE_SANS, px, events);
    vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, bar.x + bar.w - w - vis_px(c, 14), y,
             events);
}

/* The toolbar's buttons: full label, short label (narrow windows), key. */
static const struct toolbar_button {
    vis_button_t id;
    const char *label, *brief, *key;
} toolbar_buttons[] = {
    {VIS_BUTTON_STEP, "step", "step", "s"},
    {VIS_BUTTON_NEXT_ENTRY, "next entry/exit", "entry/exit", "n"},
    {VIS_BUTTON_NEXT_EVENT, "next event", "event", "e"},
    {VIS_BUTTON_NEXT_IPC, "next IPC", "IPC", "i"},
    {VIS_BUTTON_BACK, "◀ back", "◀", "["},
    {VIS_BUTTON_FORWARD, "forward ▶", "▶", "]"},
};
#define TOOLBAR_BUTTONS (sizeof(toolbar_buttons) / sizeof(toolbar_buttons[0]))

/* The buttons from x on, in one of three sizes (0 full, 1 without keys, 2 short labels);
 * returns the x after them. */
static int toolbar_buttons_row(vis_ctx_t *c, int x, int y, int size, bool draw)
{
    const char *run = c->ui->running ? "❚❚ pause" : "▶ run";
    x = button(c, x, y, VIS_BUTTON_RUN, size == 2 ? (c->ui->running ? "❚❚" : "▶") : run,
               size ? NULL : "space", draw);
    for (size_t i = 0; i < TOOLBAR_BUTTONS; i++) {
        const struct toolbar_button *b = &toolbar_buttons[i];
        x = button(c, x, y, b->id, size == 2 ? b->brief : b->label, size ? NULL : b->key, draw);
    }
    x += vis_px(c, 12);
    x = button(c, x, y, VIS_BUTTON_SLOWER, size == 2 ? "−" : "slower", size ? NULL : ",", draw);
    int px = vis_px(c, VIS_PX_BODY);
    const char *speed = c->ui->speed && c->ui->speed[0] ? c->ui->speed : "–";
    if (draw)
        vis_text(c->f, VIS_FACE_BOLD, px, VIS_COLOR_TEXT, x + vis_px(c, 4), y + vis_px(c, 4),
                 speed);
    x += vis_text_width(c->f, VIS_FACE_BOLD, px, speed) + vis_px(c, 14);
    return button(c, x, y, VIS_BUTTON_FASTER, size == 2 ? "+" : "faster", size ? NULL : ".", draw);
}

static void draw_toolbar(vis_ctx_t *c)
{
    SDL_Rect bar = c->panes.toolbar;
    int y = vis_begin_pane(c, bar, NULL) - vis_px(c, 4);
    int x = bar.x + vis_px(c, 10);
    /* The count always shows; the buttons drop their keys, then shorten, to fit
     * beside it (a 1024-pixel window, a large scale). */
    SDL_Rect buttons = {bar.x, bar.y, toolbar_counter(c, bar) - bar.x, bar.h};
    int size = 0;
    while (size < 2 && toolbar_buttons_row(c, x, y, size, false) > buttons.x + buttons.w)
        size++;
    c->clip = buttons;
    SDL_RenderSetClipRect(c->r, &buttons);
    toolbar_buttons_row(c, x, y, size, true);
    c->clip = bar;
    SDL_RenderSetClipRect(c->r, &bar);
    int px = vis_px(c, VIS_PX_BODY);
    toolbar_state(c, bar, y + vis_line_height(c->f, VIS_FACE_BOLD, px) + vis_px(c, 16));
    vis_end_pane(c);
}

/* ---- timeline --------------------------------------------------------------------- */

enum {
    LANE_CAPS,
    LANE_THREADS,
    LANE_KERNEL,
    LANES
};

/* Which lane an event goes in and its colour there. */
static int event_lane(const trace_record_t *r, SDL_Color *color)
{
    unsigned type = trace_record_type(r);
    switch (type) {
    case TRACE_CAP_INSERT:
    case TRACE_CAP_MOVE:
    case TRACE_CAP_DELETE:
    case TRACE_CAP_UPDATE:
        *color =
            type == TRACE_CAP_DELETE ? VIS_COLOR_GHOST : vis_type_color(vis_cap_type(r->words[2]));
        if (type == TRACE_CAP_MOVE)
            *color = vis_type_color(vis_cap_type(r->words[3]));
        return LANE_CAPS;
    case TRACE_OBJECT_CREATE:
        *color = vis_type_color(vis_object_cap_type(r->words[1]));
        return LANE_CAPS;
    case TRACE_MAP:
        *color = vis_type_color(r->words[4] == VIS_MAP_TABLE_BITS ? TRACE_CAP_PAGE_TABLE
                                                                  : TRACE_CAP_FRAME);
        return LANE_CAPS;
    case TRACE_UNMAP:
    case TRACE_OBJECT_DELETE:
    case TRACE_REVOKE_BEGIN:
    case TRACE_REVOKE_END:
    case TRACE_CAP_SWAP: *color = VIS_COLOR_GHOST; return LANE_CAPS;
    case TRACE_KERNEL_ENTRY:
        *color = r->words[1] == TRACE_ENTRY_SYSCALL ? VIS_RGB(0x60, 0x7D, 0x8B)
                                                    : VIS_RGB(0xC6, 0x28, 0x28);
        return LANE_KERNEL;
    case TRACE_KERNEL_EXIT:
    case TRACE_IRQ: *color = VIS_RGB(0xB0, 0xBE, 0xC5); return LANE_KERNEL;
    case TRACE_IPC_SEND:
    case TRACE_IPC_RECV:
    case TRACE_IPC_REPLY: *color = vis_type_color(TRACE_CAP_ENDPOINT); return LANE_THREADS;
    case TRACE_SIGNAL: *color = vis_type_color(TRACE_CAP_NOTIFICATION); return LANE_THREADS;
    case TRACE_FAULT: *color = VIS_RGB(0xC6, 0x28, 0x28); return LANE_THREADS;
    default: *color = vis_type_color(TRACE_CAP_THREAD); return LANE_THREADS;
    }
}

static void timeline_caption(vis_ctx_t *c, int x, int y, int w)
{
    const vis_ui_t *ui = c->ui;
    char text[512], what[240], n[24], total[24], insn[32], span[48] = "";
    if (!ui->cursor || !ui->records) {
        snprintf(text, sizeof(text), "no events yet");
    } else {
        /* The step the cursor's event belongs to, named by what was invoked. */
        vis_step_t step = vis_step_of(ui->records, ui->record_count, ui->cursor - 1);
        const trace_record_t *r = &ui->records[ui->cursor - 1];
        vis_step_label(c->m, ui->records, step, what, sizeof(what));
        vis_count_label(ui->cursor, n, sizeof(n));
        vis_count_label(ui->record_count, total, sizeof(total));
        /* QEMU's stream carries no instruction counts: then none is named. */
        char at[48] = "";
        vis_count_label(r->icount, insn, sizeof(insn));
        if (!ui->no_icount)
            snprintf(at, sizeof(at), " at instruction %s", insn);
        if (step.last > step.first)
            snprintf(span, sizeof(span), " (events %zu–%zu)", step.first + 1, step.last + 1);
        snprintf(text, sizeof(text), "event %s of %s%s%s:   %s%s", n, total, at,
                 ui->cursor < ui->record_count ? " (looking back)" : "", what, span);
    }
    vis_text_fit(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY), VIS_COLOR_TEXT, x, y, w, text);
}

/* Every event as a tick in its lane; many events to a pixel column keep the last. */
static void timeline_ticks(vis_ctx_t *c, SDL_Rect strip)
{
    const vis_ui_t *ui = c->ui;
    size_t n = ui->record_count;
    int lane_h = strip.h / LANES;
    SDL_Color *cols = calloc((size_t)strip.w * LANES, sizeof(SDL_Color));
    if (!cols || !n) {
        free(cols);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        SDL_Color color;
        int lane = event_lane(&ui->records[i], &color);
        int x = n > 1 ? (int)((double)i * (strip.w - 1) / (double)(n - 1)) : 0;
        if (i >= ui->cursor)
            color = vis_mix(color, VIS_COLOR_PANE, 0.7f); /* the future, seen from the past */
        cols[(size_t)lane * strip.w + x] = color;
    }
    for (int lane = 0; lane < LANES; lane++)
        for (int x = 0; x < strip.w; x++) {
            SDL_Color color = cols[(size_t)lane * strip.w + x];
            if (color.a)
                vis_fill(c, (SDL_Rect){strip.x + x, strip.y + lane * lane_h + 1, 1, lane_h - 2},
                         color);
        }
    free(cols);
}

static void draw_timeline(vis_ctx_t *c)
{
    static const char *const lanes[LANES] = {"caps", "threads", "kernel"};
    SDL_Rect pane = c->panes.timeline;
    int y = vis_begin_pane(c, pane, NULL) - vis_px(c, 4);
    int px = vis_px(c, VIS_PX_SMALL), label_w = vis_px(c, 96), x = pane.x + vis_px(c, 14);
    vis_text(c->f, VIS_FACE_BOLD, vis_px(c, VIS_PX_TITLE), VIS_COLOR_MUTED, x, y, "timeline");
    timeline_caption(c, x + label_w, y, pane.w - label_w - vis_px(c, 28));
    int top = y + vis_line_height(c->f, VIS_FACE_BOLD, vis_px(c, VIS_PX_TITLE)) + vis_px(c, 4);
    SDL_Rect strip = {x + label_w, top, pane.w - label_w - vis_px(c, 28),
                      pane.y + pane.h - top - vis_px(c, 10)};
    int lane_h = strip.h / LANES, line = vis_line_height(c->f, VIS_FACE_SANS, px);
    for (int l = 0; l < LANES; l++) {
        vis_fill(c, (SDL_Rect){strip.x, strip.y + l * lane_h, strip.w, lane_h - 1},
                 l % 2 ? VIS_COLOR_PANE : VIS_COLOR_BUTTON);
        vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, x,
                 strip.y + l * lane_h + (lane_h - line) / 2, lanes[l]);
    }
    timeline_ticks(c, strip);
    size_t n = c->ui->record_count;
    if (n && c->ui->cursor) {
        double at = n > 1 ? (double)(c->ui->cursor - 1) * (strip.w - 1) / (double)(n - 1) : 0;
        int t = vis_px(c, 3), cx = strip.x + (int)at;
        vis_fill(c, (SDL_Rect){cx - t / 2, strip.y - vis_px(c, 3), t, strip.h + vis_px(c, 6)},
                 VIS_COLOR_SELECT);
    }
    vis_outline(c, strip, 1, VIS_COLOR_BORDER);
    vis_add_hit(c, strip, VIS_HIT_TIMELINE, 0);
    vis_end_pane(c);
}

/* ---- text panes ------------------------------------------------------------------- */

/* Draws up to max_lines lines of text from `first`; lines starting with '>' are the
 * current one (the PC), drawn bold on a tint. */
static void text_lines(vis_ctx_t *c, int x, int y, int w, int max_lines, const char *text,
                       size_t len)
{
    int px = vis_px(c, VIS_PX_BODY), line = vis_line_height(c->f, VIS_FACE_MONO, px);
    char buf[256];
    size_t at = 0;
    for (int i = 0; i < max_lines && at < len; i++) {
        size_t end = at;
        while (end < len && text[end] != '\n')
            end++;
        size_t n = 0;
        for (size_t k = at; k < end && n < sizeof(buf) - 1; k++)
            if (text[k] != '\r')
                buf[n++] = text[k] == '\t' ? ' ' : text[k];
        buf[n] = '\0';
        bool current = buf[0] == '>';
        if (current)
            vis_fill(c, (SDL_Rect){x - vis_px(c, 4), y, w + vis_px(c, 4), line},
                     VIS_RGB(0xFF, 0xF3, 0xC4));
        vis_text_fit(c->f, current ? VIS_FACE_BOLD : VIS_FACE_MONO, px, VIS_COLOR_TEXT, x, y, w,
                     buf);
        y += line;
        at = end + 1;
    }
}

static void draw_console(vis_ctx_t *c)
{
    SDL_Rect pane = c->panes.console;
    int y = vis_begin_pane(c, pane, "console (UART0)");
    const char *text = c->ui->console ? c->ui->console : "";
    size_t len = c->ui->console ? c->ui->console_len : 0;
    int line = vis_line_height(c->f, VIS_FACE_MONO, vis_px(c, VIS_PX_BODY));
    int lines = (pane.y + pane.h - y - vis_px(c, 6)) / line;
    /* Show the tail: walk back over as many lines as fit. */
    size_t start = len;
    if (start && text[start - 1] == '\n')
        start--;
    for (int n = 0; start > 0; start--)
        if (text[start - 1] == '\n' && ++n == lines)
            break;
    text_lines(c, pane.x + vis_px(c, 12), y, pane.w - vis_px(c, 24), lines, text + start,
               len - start);
    vis_end_pane(c);
}

/* The code pane's heading, "symbol+0x24:  path/to/file.c:53": when it is too wide the
 * path loses directories from its left ("…/include/arch/sysreg.h:98"), so the file
 * name and the line number always show. Draws it; returns the rest of the text. */
static const char *code_heading(vis_ctx_t *c, int x, int y, int w, const char *code)
{
    char head[256];
    size_t n = strcspn(code, "\n");
    snprintf(head, sizeof(head), "%.*s", (int)(n < sizeof(head) - 1 ? n : sizeof(head) - 1), code);
    int px = vis_px(c, VIS_PX_BODY);
    char *path = strstr(head, ":  ");
    while (path && vis_text_width(c->f, VIS_FACE_MONO, px, head) > w) {
        char *cut = path + 3;
        if (strncmp(cut, "…", strlen("…")) == 0)
            cut += strlen("…");
        char *slash = strchr(cut + 1, '/');
        if (!slash)
            break;
        char rest[256];
        snprintf(rest, sizeof(rest), "…%s", slash);
        snprintf(path + 3, sizeof(head) - (size_t)(path + 3 - head), "%s", rest);
    }
    vis_text_fit(c->f, VIS_FACE_MONO, px, VIS_COLOR_TEXT, x, y, w, head);
    return code[n] ? code + n + 1 : code + n;
}

static void draw_code(vis_ctx_t *c)
{
    SDL_Rect pane = c->panes.code;
    char title[160];
    snprintf(title, sizeof(title), "code and registers%s%s", c->ui->code_note ? "   " : "",
             c->ui->code_note ? c->ui->code_note : "");
    int y = vis_begin_pane(c, pane, title);
    int line = vis_line_height(c->f, VIS_FACE_MONO, vis_px(c, VIS_PX_BODY));
    int lines = (pane.y + pane.h - y - vis_px(c, 6)) / line;
    int split = pane.w * 54 / 100, x = pane.x + vis_px(c, 12);
    const char *code = c->ui->code ? c->ui->code : "";
    const char *regs = c->ui->registers ? c->ui->registers : "";
    const char *body = code_heading(c, x, y, split - vis_px(c, 20), code);
    text_lines(c, x, y + line, split - vis_px(c, 20), lines - 1, body, strlen(body));
    vis_fill(c, (SDL_Rect){pane.x + split, y, 1, pane.y + pane.h - y - vis_px(c, 8)},
             VIS_COLOR_BORDER);
    text_lines(c, pane.x + split + vis_px(c, 12), y, pane.w - split - vis_px(c, 24), lines, regs,
               strlen(regs));
    vis_end_pane(c);
}

/* ---- the frame -------------------------------------------------------------------- */

void vis_render(SDL_Renderer *r, vis_fonts_t *fonts, const vis_model_t *m, vis_ui_t *ui)
{
    vis_ctx_t c = {.r = r, .f = fonts, .m = m, .ui = ui, .s = ui->scale};
    vis_layout_panes(ui->width, ui->height, ui->scale, &c.panes);
    if (ui->tab == VIS_TAB_IPC || ui->tab == VIS_TAB_VSPACE)
        vis_layout_tall_tabs(&c.panes);
    c.clip = (SDL_Rect){0, 0, ui->width, ui->height};
    c.recent_from = vis_recent_from(&c);
    ui->hit_count = 0;
    ui->label_count = 0;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderSetClipRect(r, NULL);
    SDL_Color bg = VIS_COLOR_WINDOW;
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(r);
    draw_toolbar(&c);
    vis_draw_tree(&c);
    if (c.panes.details.h)
        vis_draw_details(&c);
    vis_draw_tabs(&c);
    draw_timeline(&c);
    draw_console(&c);
    draw_code(&c);
}

const vis_hit_t *vis_hit_at(const vis_ui_t *ui, int x, int y)
{
    SDL_Point p = {x, y};
    for (size_t i = ui->hit_count; i-- > 0;)
        if (SDL_PointInRect(&p, &ui->hits[i].rect))
            return &ui->hits[i];
    return NULL;
}

SDL_Surface *vis_render_surface(const vis_model_t *m, vis_ui_t *ui, char *err, size_t err_len)
{
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormat(0, ui->width, ui->height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    vis_fonts_t *fonts = r ? vis_fonts_open(r, err, err_len) : NULL;
    if (!fonts) {
        if (!r)
            snprintf(err, err_len, "cannot make an offscreen renderer: %s", SDL_GetError());
        if (r)
            SDL_DestroyRenderer(r);
        SDL_FreeSurface(s);
        return NULL;
    }
    vis_render(r, fonts, m, ui);
    SDL_RenderPresent(r);
    vis_fonts_close(fonts); /* textures go before their renderer */
    SDL_DestroyRenderer(r);
    return s;
}

int vis_render_png(const vis_model_t *m, vis_ui_t *ui, const char *path, char *err, size_t err_len)
{
    SDL_Surface *s = vis_render_surface(m, ui, err, err_len);
    if (!s)
        return -1;
    int rc = IMG_SavePNG(s, path);
    if (rc != 0)
        snprintf(err, err_len, "cannot write %s: %s", path, IMG_GetError());
    SDL_FreeSurface(s);
    return rc == 0 ? 0 : -1;
}

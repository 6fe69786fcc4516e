/*
 * visualizer/render_ipc.c - the IPC tab: lanes of threads with their states, one
 * arrow per message (a Call and its Reply in one colour, signals dashed in the
 * notification colour, faults as red marks), and the endpoint and notification
 * queues. It draws what ipc_layout.c decides; text is never below VIS_PX_SMALL. A
 * click on a row moves the timeline to its event.
 * Partners: ipc_layout.c, render_side.c (the tab bar calls vis_draw_ipc), draw.c.
 */
#include <stdio.h>
#include <string.h>

#include "describe.h"
#include "draw.h"
#include "ipc_layout.h"

void vis_draw_ipc(vis_ctx_t *c, SDL_Rect area);

#define COLOR_SEND VIS_RGB(0x45, 0x50, 0x5A)
#define COLOR_FAULT VIS_RGB(0xC6, 0x28, 0x28)
#define COLOR_LANE VIS_RGB(0xCF, 0xD8, 0xDC)

/* A Call and its Reply share a colour; neighbours in time differ. */
static SDL_Color pair_color(uint32_t pair)
{
    static const SDL_Color colors[] = {
        VIS_RGB(0x15, 0x65, 0xC0), VIS_RGB(0x2E, 0x7D, 0x32), VIS_RGB(0x6A, 0x1B, 0x9A),
        VIS_RGB(0xE6, 0x51, 0x00), VIS_RGB(0xAD, 0x14, 0x57), VIS_RGB(0x82, 0x77, 0x17),
    };
    return colors[pair % (sizeof(colors) / sizeof(colors[0]))];
}

static SDL_Color row_color(const vis_ipc_row_t *row)
{
    if (row->mark)
        return COLOR_FAULT;
    if (row->dashed)
        return vis_type_color(TRACE_CAP_NOTIFICATION);
    return row->pair ? pair_color(row->pair) : COLOR_SEND;
}

/* The sizes of the layout from the fonts at this scale. */
static vis_ipc_params_t params_for(vis_ctx_t *c, SDL_Rect area)
{
    int small = vis_px(c, VIS_PX_SMALL), body = vis_px(c, VIS_PX_BODY);
    return (vis_ipc_params_t){
        .area = area,
        .head_h = vis_line_height(c->f, VIS_FACE_BOLD, body) +
                  vis_line_height(c->f, VIS_FACE_SANS, small) + vis_px(c, 10),
        .row_h = vis_line_height(c->f, VIS_FACE_BOLD, small) + vis_px(c, 12),
        .line_h = vis_line_height(c->f, VIS_FACE_SANS, body) + vis_px(c, 8),
        .min_lane_w = vis_px(c, 110),
        .max_queues = 4,
        .back = c->ui->ipc_back,
    };
}

/* ---- lanes ---------------------------------------------------------------------------- */

/* Text centred on x within a lane's header w wide (cut to fit); returns its left edge. */
static int centred(vis_ctx_t *c, vis_face_t face, int px, SDL_Color color, int x, int y, int w,
                   const char *text)
{
    int tw = vis_text_width(c->f, face, px, text);
    int left = tw < w ? x - tw / 2 : x - w / 2;
    vis_text_fit(c->f, face, px, color, left, y, w, text);
    return left;
}

/* A lane's header: the thread's name over a dot in its state's colour and the state
 * in a word, both centred on the lane's line. */
static void lane_head(vis_ctx_t *c, const vis_ipc_lane_t *lane)
{
    const vis_thread_t *t = vis_model_thread(c->m, lane->tcb);
    int body = vis_px(c, VIS_PX_BODY), small = vis_px(c, VIS_PX_SMALL), pad = vis_px(c, 6);
    SDL_Rect h = lane->head;
    bool running = lane->tcb == c->m->current_tcb;
    char name[32], state[48];
    if (lane->tcb == c->ui->selected_tcb)
        vis_fill(c, h, VIS_RGB(0xFF, 0xF3, 0xC4));
    vis_thread_label(c->m, lane->tcb, name, sizeof(name));
    centred(c, VIS_FACE_BOLD, body, VIS_COLOR_TEXT, lane->x, h.y + vis_px(c, 2), h.w - 2 * pad,
            name);
    int y = h.y + vis_px(c, 2) + vis_line_height(c->f, VIS_FACE_BOLD, body);
    int dot = vis_px(c, 10), gap = vis_px(c, 5), line = vis_line_height(c->f, VIS_FACE_SANS, small);
    uint32_t st = t ? t->state : TRACE_THREAD_INACTIVE;
    snprintf(state, sizeof(state), "%s%s", vis_ipc_state_word(st), running ? " ◀ running" : "");
    vis_face_t face = running ? VIS_FACE_BOLD : VIS_FACE_SANS;
    int left = centred(c, face, small, VIS_COLOR_TEXT, lane->x + (dot + gap) / 2, y,
                       h.w - 2 * pad - dot - gap, state);
    vis_fill(c, (SDL_Rect){left - dot - gap, y + (line - dot) / 2, dot, dot}, vis_state_color(st));
    vis_add_hit(c, h, VIS_HIT_THREAD, lane->tcb);
}

static void draw_lanes(vis_ctx_t *c, const vis_ipc_layout_t *l)
{
    vis_fill(c, (SDL_Rect){l->heads.x, l->heads.y + l->heads.h - 1, l->heads.w, 1},
             VIS_COLOR_BORDER);
    for (int i = 0; i < l->lane_count; i++) {
        const vis_ipc_lane_t *lane = &l->lanes[i];
        vis_fill(c, (SDL_Rect){lane->x - vis_px(c, 1), l->chart.y, vis_px(c, 2), l->chart.h},
                 COLOR_LANE);
        lane_head(c, lane);
    }
}

/* ---- rows ----------------------------------------------------------------------------- */

/* A horizontal arrow from x0 to x1 at y: a line (dashed or not) and a filled head. */
static void arrow(vis_ctx_t *c, int x0, int x1, int y, bool dashed, SDL_Color color)
{
    int t = vis_px(c, 2), head = vis_px(c, 8), dir = x1 >= x0 ? 1 : -1;
    int end = x1 - dir * head, lo = x0 < end ? x0 : end, hi = x0 < end ? end : x0;
    int dash = dashed ? vis_px(c, 6) : hi - lo;
    for (int x = lo; x < hi; x += dashed ? 2 * dash : dash + 1)
        vis_fill(c, (SDL_Rect){x, y - t / 2, x + dash > hi ? hi - x : dash, t}, color);
    SDL_Vertex v[3] = {{{(float)x1, (float)y}, color, {0, 0}},
                       {{(float)end, (float)(y - head / 2)}, color, {0, 0}},
                       {{(float)end, (float)(y + head / 2)}, color, {0, 0}}};
    SDL_RenderGeometry(c->r, NULL, v, 3, NULL, 0);
}

/* A fault: a red diamond on the thread's lane. */
static void fault_mark(vis_ctx_t *c, int x, int y)
{
    float r = (float)vis_px(c, 7);
    SDL_Color red = COLOR_FAULT;
    SDL_Vertex v[4] = {{{x - r, (float)y}, red, {0, 0}}, {{(float)x, y - r}, red, {0, 0}},
                       {{x + r, (float)y}, red, {0, 0}}, {{(float)x, y + r}, red, {0, 0}}};
    int order[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(c->r, NULL, v, 4, order, 6);
}

static void draw_row(vis_ctx_t *c, const vis_ipc_layout_t *l, const vis_ipc_row_t *row)
{
    SDL_Color color = row_color(row);
    int small = vis_px(c, VIS_PX_SMALL), pad = vis_px(c, 4);
    float fresh = vis_recency(c, row->msg.event);
    if (fresh > 0)
        vis_fill(c, row->rect, vis_mix(VIS_COLOR_PANE, VIS_RGB(0xFF, 0xE0, 0x82), fresh));
    if (row->mark)
        fault_mark(c, row->x_from, row->y);
    else
        arrow(c, row->x_from, row->x_to, row->y, row->dashed, color);
    /* The label sits over the arrow's middle (a mark's right), inside the chart. */
    int w = vis_text_width(c->f, VIS_FACE_BOLD, small, row->label);
    int max_w = l->chart.w - 2 * pad;
    w = w < max_w ? w : max_w;
    int mid = (row->x_from + row->x_to) / 2;
    int x = row->mark ? row->x_from + vis_px(c, 12) : mid - w / 2;
    int right = l->chart.x + l->chart.w - pad - w;
    x = x > right ? right : x;
    x = x < l->chart.x + pad ? l->chart.x + pad : x;
    vis_text_fit(c->f, VIS_FACE_BOLD, small, color, x, row->rect.y + vis_px(c, 1), max_w,
                 row->label);
    if (c->ui->record_labels) {
        vis_drawn_label_t drawn = {
            .rect = {x, row->rect.y + vis_px(c, 1), w, vis_line_height(c->f, VIS_FACE_BOLD, small)},
            .box = row->rect, .px = small, .full = true, .kind = VIS_DRAWN_ARROW, .slot = row->event};
        snprintf(drawn.text, sizeof(drawn.text), "%s", row->label);
        vis_record_label(c->ui, &drawn);
    }    /* A click goes to the event: the timeline's caption then reads it out in words. */
    vis_add_hit(c, row->rect, VIS_HIT_EVENT, row->event);
}

/* "↑ 12 earlier (wheel scrolls) · 3 newer below" above the rows. */
static void draw_note(vis_ctx_t *c, const vis_ipc_layout_t *l)
{
    char text[160], older[24], gone[24];
    int n = 0;
    vis_count_label(l->older, older, sizeof(older));
    vis_count_label(l->forgotten, gone, sizeof(gone));
    if (!l->note.h)
        return;
    n += snprintf(text + n, sizeof(text) - (size_t)n, "↑ %s earlier", older);
    if (l->forgotten)
        n += snprintf(text + n, sizeof(text) - (size_t)n, " (and %s no longer kept)", gone);
    if (l->newer)
        n += snprintf(text + n, sizeof(text) - (size_t)n, " · ↓ %u newer", l->newer);
    snprintf(text + n, sizeof(text) - (size_t)n, " · the wheel scrolls");
    vis_text_fit(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_SMALL), VIS_COLOR_MUTED,
                 l->note.x + vis_px(c, 8), l->note.y + vis_px(c, 2), l->note.w - vis_px(c, 16),
                 text);
}

/* ---- queues --------------------------------------------------------------------------- */

/* One waiter as a tag in its thread's colour; returns the width used. */
static int waiter_tag(vis_ctx_t *c, int x, int y, const vis_ipc_waiter_t *w)
{
    char name[32], text[48];
    int small = vis_px(c, VIS_PX_SMALL);
    vis_thread_label(c->m, w->tcb, name, sizeof(name));
    snprintf(text, sizeof(text), "%s %s", name, vis_ipc_state_word(w->state));
    int tw = vis_tag(c, x, y, small, vis_state_color(w->state), VIS_RGB(0xFF, 0xFF, 0xFF), text);
    vis_add_hit(c, (SDL_Rect){x, y, tw, vis_line_height(c->f, VIS_FACE_BOLD, small)},
                VIS_HIT_THREAD, w->tcb);
    return tw + vis_px(c, 6);
}

static void queue_row(vis_ctx_t *c, const vis_ipc_queue_row_t *q)
{
    char text[64];
    int x = q->rect.x + vis_px(c, 8), y = q->rect.y + vis_px(c, 3);
    int small = vis_px(c, VIS_PX_SMALL), right = q->rect.x + q->rect.w - vis_px(c, 8);
    snprintf(text, sizeof(text), "%s %08x", q->notification ? "notification" : "endpoint",
             q->object);
    x += vis_swatch(c, x, y, q->notification ? TRACE_CAP_NOTIFICATION : TRACE_CAP_ENDPOINT, text);
    x += vis_px(c, 12);
    int ty = y + (vis_line_height(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY)) -
                  vis_line_height(c->f, VIS_FACE_BOLD, small)) / 2;
    for (size_t i = 0; i < q->waiting && i < VIS_IPC_QUEUE_SHOWN && x < right; i++)
        x += waiter_tag(c, x, ty, &q->first[i]);
    text[0] = '\0';
    if (q->waiting > VIS_IPC_QUEUE_SHOWN)
        snprintf(text, sizeof(text), "+%zu more  ", q->waiting - VIS_IPC_QUEUE_SHOWN);
    if (q->awaiting_reply)
        snprintf(text + strlen(text), sizeof(text) - strlen(text), "%zu awaiting a reply",
                 q->awaiting_reply);
    else if (!q->waiting)
        snprintf(text, sizeof(text), "nobody waits");
    if (x < right)
        vis_text_fit(c->f, VIS_FACE_SANS, small, VIS_COLOR_MUTED, x, ty, right - x, text);
}

static void draw_queues(vis_ctx_t *c, const vis_ipc_layout_t *l)
{
    if (!l->queues.h)
        return;
    char title[96];
    int body = vis_px(c, VIS_PX_BODY);
    vis_fill(c, (SDL_Rect){l->queues.x, l->queues.y, l->queues.w, 1}, VIS_COLOR_BORDER);
    if (l->queue_count == 0)
        snprintf(title, sizeof(title), "queues: no endpoint or notification used yet");
    else if (l->queues_left_out)
        snprintf(title, sizeof(title), "queues, head first (%d quieter ones not shown)",
                 l->queues_left_out);
    else
        snprintf(title, sizeof(title), "queues, head first");
    vis_text(c->f, VIS_FACE_BOLD, body, VIS_COLOR_MUTED, l->queues.x + vis_px(c, 8),
             l->queues.y + vis_px(c, 4), title);
    for (int i = 0; i < l->queue_count; i++)
        queue_row(c, &l->queue_rows[i]);
}

void vis_draw_ipc(vis_ctx_t *c, SDL_Rect area)
{
    static vis_ipc_layout_t l; /* large; one frame is drawn at a time */
    vis_ipc_params_t p = params_for(c, area);
    vis_ipc_layout(&l, c->m, &p);
    c->ui->ipc_back = l.back;
    draw_lanes(c, &l);
    draw_note(c, &l);
    for (int i = 0; i < l.row_count; i++)
        draw_row(c, &l, &l.rows[i]);
    if (!l.row_count && !l.note.h)
        vis_text(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY), VIS_COLOR_MUTED,
                 l.chart.x + vis_px(c, 12), l.chart.y + vis_px(c, 8),
                 "No messages yet: i runs to the next IPC system call.");
    draw_queues(c, &l);
}

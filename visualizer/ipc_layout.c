/*
 * visualizer/ipc_layout.c - the IPC tab's layout. Rows are history entries, oldest at
 * the top: a sequence chart reads downwards in time, and the newest stays at the
 * bottom where the eye expects what just happened. With more threads than lanes fit,
 * those in the rows shown and those waiting win a lane. Partners: ipc_layout.h,
 * describe.c (names and labels).
 */
#include "ipc_layout.h"

#include <stdio.h>
#include <string.h>

#include "../trace/names.h"
#include "../trace/text.h"
#include "describe.h"

const char *vis_ipc_state_word(uint32_t state)
{
    switch (state) {
    case TRACE_THREAD_INACTIVE: return "inactive";
    case TRACE_THREAD_RUNNABLE: return "runnable";
    case TRACE_THREAD_BLOCKED_ON_RECV: return "recv";
    case TRACE_THREAD_BLOCKED_ON_SEND: return "send";
    case TRACE_THREAD_BLOCKED_ON_REPLY: return "reply";
    case TRACE_THREAD_BLOCKED_ON_NOTIFICATION: return "wait ntfn";
    default: return "blocked";
    }
}

const vis_ipc_lane_t *vis_ipc_lane_of(const vis_ipc_layout_t *l, uint32_t tcb)
{
    for (int i = 0; tcb && i < l->lane_count; i++)
        if (l->lanes[i].tcb == tcb)
            return &l->lanes[i];
    return NULL;
}

/* ---- the parts -------------------------------------------------------------------- */

static int queue_rows_wanted(const vis_model_t *m, const vis_ipc_params_t *p)
{
    int n = (int)m->ipc.object_count;
    int max = p->max_queues < VIS_IPC_MAX_QUEUES ? p->max_queues : VIS_IPC_MAX_QUEUES;
    return n < max ? n : max;
}

/* Headers at the top, queues (a title line and their rows) at the bottom, the chart
 * between; the chart keeps at least two rows. */
static void split_area(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p)
{
    SDL_Rect a = p->area;
    int queues = queue_rows_wanted(m, p);
    int queues_h = (1 + (queues ? queues : 1)) * p->line_h;
    int room = a.h - p->head_h - 2 * p->row_h;
    if (queues_h > room)
        queues_h = room > p->line_h ? room / p->line_h * p->line_h : 0;
    l->heads = (SDL_Rect){a.x, a.y, a.w, p->head_h};
    l->queues = (SDL_Rect){a.x, a.y + a.h - queues_h, a.w, queues_h};
    l->chart = (SDL_Rect){a.x, a.y + p->head_h, a.w, a.h - p->head_h - queues_h};
}

/* ---- rows --------------------------------------------------------------------------- */

/* Chooses the kept entries shown: as many as fit, ending `back` entries before the
 * newest. Sets older/newer/forgotten/back and the note; returns the first seq. */
static uint32_t pick_rows(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p,
                          int *fit)
{
    uint32_t oldest = vis_ipc_oldest(&m->ipc), kept = oldest ? m->ipc.count - oldest + 1 : 0;
    l->forgotten = oldest ? oldest - 1 : 0;
    *fit = p->row_h > 0 ? l->chart.h / p->row_h : 0;
    if (kept > (uint32_t)*fit || l->forgotten) { /* a note says what is not shown */
        l->note = (SDL_Rect){l->chart.x, l->chart.y, l->chart.w, p->line_h};
        *fit = p->row_h > 0 ? (l->chart.h - p->line_h) / p->row_h : 0;
    }
    *fit = *fit < 0 ? 0 : *fit > VIS_IPC_MAX_ROWS ? VIS_IPC_MAX_ROWS : *fit;
    uint32_t max_back = kept > (uint32_t)*fit ? kept - (uint32_t)*fit : 0;
    l->back = p->back < 0 ? 0 : (uint32_t)p->back > max_back ? (int)max_back : p->back;
    uint32_t shown = kept < (uint32_t)*fit ? kept : (uint32_t)*fit;
    l->newer = (uint32_t)l->back;
    l->older = kept - shown - l->newer;
    return oldest + l->older;
}

/* " · label 3" (a fault's message: " · VM fault") when the label is known. */
static void label_text(const vis_ipc_msg_t *e, char *out, size_t len)
{
    out[0] = '\0';
    if (e->has_info && e->fault_msg)
        snprintf(out, len, " · %s", trace_fault_name(e->label));
    else if (e->has_info)
        snprintf(out, len, " · label %u", e->label);
}

/* The words over a row's arrow: its number, what it was, its label, length, badge and
 * caps; a Reply names the number of the Call it answers. */
static void row_label(const vis_ipc_msg_t *e, char *out, size_t len)
{
    const char *s = e->length == 1 ? "" : "s";
    char label[48], tail[64] = "", caps[40];
    label_text(e, label, sizeof(label));
    trace_caps_text(e->caps, caps, sizeof(caps));
    int n = e->badge ? snprintf(tail, sizeof(tail), " · badge %u", e->badge) : 0;
    if (caps[0] && n >= 0 && (size_t)n < sizeof(tail))
        snprintf(tail + n, sizeof(tail) - (size_t)n, " · %s", caps);
    switch (e->kind) {
    case VIS_IPC_SEND:
        snprintf(out, len, "#%u %s%s · %u word%s%s", e->seq,
                 e->fault_msg ? "Fault message" : e->call ? "Call" : "Send", label, e->length, s,
                 tail);
        break;
    case VIS_IPC_REPLY:
        if (e->link)
            snprintf(out, len, "#%u Reply to #%u%s · %u word%s%s", e->seq, e->link, label,
                     e->length, s, tail);
        else
            snprintf(out, len, "#%u Reply%s · %u word%s%s", e->seq, label, e->length, s, tail);
        break;
    case VIS_IPC_SIGNAL:
        if (e->by_irq)
            snprintf(out, len, "#%u Signal 0x%x from IRQ %u%s", e->seq, e->badge, e->irq,
                     e->to ? "" : " (pending)");
        else
            snprintf(out, len, "#%u Signal 0x%x%s", e->seq, e->badge, e->to ? "" : " (pending)");
        break;
    case VIS_IPC_FAULT:
        snprintf(out, len, "#%u %s at %08x, pc %08x%s", e->seq, trace_fault_name(e->fault_type),
                 e->address, e->pc, e->link ? "" : e->unsent ? " (no handler)" : "");
        break;
    }
}

/* Arrow ends: at the lanes, or at the chart's edge for an end without a lane. A
 * signal nobody took ends a third of a lane past its sender. */
static void place_arrow(vis_ipc_layout_t *l, vis_ipc_row_t *row, int lane_w)
{
    const vis_ipc_msg_t *e = &row->msg;
    const vis_ipc_lane_t *from = vis_ipc_lane_of(l, e->from), *to = vis_ipc_lane_of(l, e->to);
    int edge = lane_w / 8, left = l->chart.x + edge, right = l->chart.x + l->chart.w - edge;
    row->from_edge = !from;
    row->to_edge = !to;
    row->x_from = from ? from->x : left;
    if (e->kind == VIS_IPC_FAULT) {
        row->mark = true;
        row->x_to = row->x_from;
    } else if (e->kind == VIS_IPC_SIGNAL && !e->to) {
        row->x_to = row->x_from + lane_w / 3 < right ? row->x_from + lane_w / 3 : right;
    } else {
        row->x_to = to ? to->x : (row->x_from > (left + right) / 2 ? left : right);
    }
}

static void layout_rows(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p,
                        uint32_t first, int fit)
{
    int top = l->chart.y + l->note.h, lane_w = l->lane_count ? l->chart.w / l->lane_count : 0;
    l->row_count = 0;
    for (uint32_t seq = first; l->row_count < fit && seq && seq <= m->ipc.count - l->newer; seq++) {
        const vis_ipc_msg_t *e = vis_ipc_entry(&m->ipc, seq);
        if (!e)
            continue;
        vis_ipc_row_t *row = &l->rows[l->row_count];
        memset(row, 0, sizeof(*row));
        row->msg = *e;
        row->rect = (SDL_Rect){l->chart.x, top + l->row_count * p->row_h, l->chart.w, p->row_h};
        row->y = row->rect.y + p->row_h * 3 / 4;
        row->dashed = e->kind == VIS_IPC_SIGNAL;
        if (e->kind == VIS_IPC_SEND && e->call)
            row->pair = e->seq;
        else if (e->kind == VIS_IPC_REPLY)
            row->pair = e->link;
        row_label(e, row->label, sizeof(row->label));
        /* A message's ipc-recv comes right after its ipc-send (trace-format.md). */
        row->event = e->kind == VIS_IPC_SEND && e->to ? e->event + 1 : e->event;
        place_arrow(l, row, lane_w);
        l->row_count++;
    }
}

/* ---- lanes -------------------------------------------------------------------------- */

/* Does the thread earn a lane when not all fit: it is in a row shown, or it waits? */
static bool wanted_lane(const vis_model_t *m, uint32_t tcb, uint32_t first, uint32_t last)
{
    for (uint32_t seq = first; seq && seq <= last; seq++) {
        const vis_ipc_msg_t *e = vis_ipc_entry(&m->ipc, seq);
        if (e && (e->from == tcb || e->to == tcb))
            return true;
    }
    const vis_thread_t *t = vis_model_thread(m, tcb);
    return t && t->waiting_on;
}

/* Lanes in the model's thread order; every thread when they fit, else the wanted
 * ones first and the others while room is left. */
static void layout_lanes(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p,
                         uint32_t first, uint32_t last)
{
    int max = p->min_lane_w > 0 ? l->heads.w / p->min_lane_w : VIS_IPC_MAX_LANES;
    max = max < 1 ? 1 : max > VIS_IPC_MAX_LANES ? VIS_IPC_MAX_LANES : max;
    bool take[VIS_IPC_MAX_LANES * 16] = {false};
    size_t n = m->thread_count < sizeof(take) ? m->thread_count : sizeof(take);
    int chosen = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n && chosen < max; i++)
            if (!take[i] && ((size_t)max >= n || pass == 1 ||
                             wanted_lane(m, m->threads[i].tcb, first, last))) {
                take[i] = true;
                chosen++;
            }
    l->lane_count = 0;
    int w = chosen ? l->heads.w / chosen : 0;
    for (size_t i = 0; i < n; i++)
        if (take[i]) {
            vis_ipc_lane_t *lane = &l->lanes[l->lane_count];
            lane->tcb = m->threads[i].tcb;
            lane->head = (SDL_Rect){l->heads.x + l->lane_count * w, l->heads.y, w, l->heads.h};
            lane->x = lane->head.x + w / 2;
            l->lane_count++;
        }
    l->threads_left_out = (int)m->thread_count - l->lane_count;
}

/* ---- queues ------------------------------------------------------------------------- */

static size_t awaiting_reply(const vis_model_t *m, uint32_t object)
{
    size_t n = 0;
    for (size_t i = 0; i < m->thread_count; i++)
        n += m->threads[i].state == TRACE_THREAD_BLOCKED_ON_REPLY &&
             m->threads[i].waiting_on == object;
    return n;
}

/* Busy objects first (someone waits), then the most recently used; address breaks ties. */
static bool before(const vis_model_t *m, const vis_ipc_object_t *a, const vis_ipc_object_t *b)
{
    const vis_ipc_waiter_t *none[1];
    bool busy_a = vis_ipc_queue(&m->ipc, a->addr, none, 0) || awaiting_reply(m, a->addr);
    bool busy_b = vis_ipc_queue(&m->ipc, b->addr, none, 0) || awaiting_reply(m, b->addr);
    if (busy_a != busy_b)
        return busy_a;
    if (a->last_event != b->last_event)
        return a->last_event > b->last_event;
    return a->addr < b->addr;
}

static void layout_queues(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p)
{
    size_t n = m->ipc.object_count, rows = p->line_h ? (size_t)(l->queues.h / p->line_h) : 0;
    size_t max = rows > 1 ? rows - 1 : 0; /* the first line is the title */
    const vis_ipc_object_t *order[VIS_IPC_MAX_QUEUES];
    size_t kept = 0;
    max = max < VIS_IPC_MAX_QUEUES ? max : VIS_IPC_MAX_QUEUES;
    for (size_t i = 0; i < n; i++) { /* insertion into the best `max`, in order */
        const vis_ipc_object_t *o = &m->ipc.objects[i];
        size_t at = kept;
        while (at > 0 && before(m, o, order[at - 1]))
            at--;
        if (at >= max)
            continue;
        kept = kept < max ? kept + 1 : kept;
        memmove(&order[at + 1], &order[at], (kept - 1 - at) * sizeof(order[0]));
        order[at] = o;
    }
    l->queue_count = (int)kept;
    l->queues_left_out = (int)(n - kept);
    for (size_t i = 0; i < kept; i++) {
        vis_ipc_queue_row_t *q = &l->queue_rows[i];
        const vis_ipc_waiter_t *w[VIS_IPC_QUEUE_SHOWN];
        memset(q, 0, sizeof(*q));
        q->rect = (SDL_Rect){l->queues.x, l->queues.y + (int)(i + 1) * p->line_h, l->queues.w,
                             p->line_h};
        q->object = order[i]->addr;
        q->notification = order[i]->notification;
        q->waiting = vis_ipc_queue(&m->ipc, q->object, w, VIS_IPC_QUEUE_SHOWN);
        for (size_t k = 0; k < q->waiting && k < VIS_IPC_QUEUE_SHOWN; k++)
            q->first[k] = *w[k];
        q->awaiting_reply = awaiting_reply(m, q->object);
    }
}

void vis_ipc_layout(vis_ipc_layout_t *l, const vis_model_t *m, const vis_ipc_params_t *p)
{
    memset(l, 0, sizeof(*l));
    split_area(l, m, p);
    int fit;
    uint32_t first = pick_rows(l, m, p, &fit);
    uint32_t last = m->ipc.count - l->newer;
    layout_lanes(l, m, p, first, last);
    layout_rows(l, m, p, first, fit);
    layout_queues(l, m, p);
}

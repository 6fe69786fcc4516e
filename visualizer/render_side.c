/*
 * visualizer/render_side.c - the right-hand column: the details of the selection (a
 * cap, a folded run or a thread) and the tabs: each thread's CSpace with its slots,
 * the untyped regions with their watermarks and objects, the threads, and the tab bar
 * of the IPC and VSpace tabs (render_ipc.c and render_vspace.c draw their content).
 * Partners: render.c (calls vis_draw_details and vis_draw_tabs), describe.c, render_ipc.c,
 * render_vspace.c, vspace_links.c (where a frame cap is mapped).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../trace/text.h"
#include "describe.h"
#include "steps.h"
#include "draw.h"
#include "vspace_links.h"

void vis_draw_details(vis_ctx_t *c);
void vis_draw_tabs(vis_ctx_t *c);
void vis_draw_ipc(vis_ctx_t *c, SDL_Rect area);
void vis_draw_vspace(vis_ctx_t *c, SDL_Rect area);

/* One "key  value" line of the details pane; moves *y down a line. */
static void detail(vis_ctx_t *c, SDL_Rect pane, int *y, const char *key, const char *value)
{
    /* Wide enough for the longest key ("CSpace root", "VSpace root") and a gap. */
    int px = vis_px(c, VIS_PX_BODY), x = pane.x + vis_px(c, 12), key_w = vis_px(c, 108);
    vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, x, *y, key);
    vis_text_fit(c->f, VIS_FACE_SANS, px, VIS_COLOR_TEXT, x + key_w, *y,
                 pane.x + pane.w - x - key_w - vis_px(c, 8), value);
    *y += vis_line_height(c->f, VIS_FACE_SANS, px);
}

/* A "key  value" line whose value is a link (underlined, in the link colour): a click
 * selects the cap, thread or event it names (kind and target as vis_add_hit's). */
static void detail_link(vis_ctx_t *c, SDL_Rect pane, int *y, const char *key, const char *value,
                        vis_hit_kind_t kind, uint32_t target)
{
    int px = vis_px(c, VIS_PX_BODY), x = pane.x + vis_px(c, 12), key_w = vis_px(c, 108);
    int line = vis_line_height(c->f, VIS_FACE_SANS, px);
    vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, x, *y, key);
    int w = vis_text_fit(c->f, VIS_FACE_SANS, px, VIS_COLOR_LINK, x + key_w, *y,
                         pane.x + pane.w - x - key_w - vis_px(c, 8), value);
    vis_fill(c, (SDL_Rect){x + key_w, *y + line - vis_px(c, 3), w, 1}, VIS_COLOR_LINK);
    vis_add_hit(c, (SDL_Rect){x + key_w, *y, w, line}, kind, target);
    *y += line;
}

/* The title line: the type's colour, its name, badge and rights tags. */
static void cap_title(vis_ctx_t *c, SDL_Rect pane, int *y, const vis_cap_t *cap)
{
    unsigned type = vis_cap_type(cap->w0);
    int px = vis_px(c, VIS_PX_TITLE + 2), x = pane.x + vis_px(c, 12), sq = vis_px(c, 16);
    int line = vis_line_height(c->f, VIS_FACE_BOLD, px), tag_px = vis_px(c, VIS_PX_SMALL);
    vis_fill(c, (SDL_Rect){x, *y + (line - sq) / 2, sq, sq}, vis_type_color(type));
    x += sq + vis_px(c, 8);
    x += vis_text(c->f, VIS_FACE_BOLD, px, VIS_COLOR_TEXT, x, *y, vis_cap_type_name(type));
    char text[32];
    uint32_t value;
    int ty = *y + (line - vis_line_height(c->f, VIS_FACE_BOLD, tag_px)) / 2;
    if (vis_cap_badged(cap, &value)) {
        snprintf(text, sizeof(text), "badge %u", value);
        x += vis_px(c, 10) + vis_tag(c, x + vis_px(c, 10), ty, tag_px, vis_type_color(type),
                                     VIS_RGB(0xFF, 0xFF, 0xFF), text);
    }
    if (vis_cap_rights_of(cap, &value)) {
        char letters[16];
        vis_rights_label(value, letters, sizeof(letters));
        snprintf(text, sizeof(text), "rights %s", letters);
        vis_tag(c, x + vis_px(c, 10), ty, tag_px, VIS_RGB(0x45, 0x50, 0x5A),
                VIS_RGB(0xFF, 0xFF, 0xFF), text);
    }
    *y += line + vis_px(c, 4);
}

static void object_line(vis_ctx_t *c, SDL_Rect pane, int *y, const vis_cap_t *cap)
{
    char text[128], size[24], used[24];
    uint32_t addr = vis_cap_addr(cap->w0);
    uint64_t bytes = vis_cap_object_bytes(cap);
    vis_size_label(bytes, size, sizeof(size));
    if (vis_cap_type(cap->w0) == TRACE_CAP_UNTYPED) {
        snprintf(text, sizeof(text), "%08x–%08llx, %s%s", addr,
                 (unsigned long long)(addr + bytes - 1), size,
                 vis_untyped_device(cap->w1) ? ", device memory" : "");
        detail(c, pane, y, "region", text);
        uint32_t mark = vis_untyped_watermark(cap->w1);
        const vis_cap_t *none[1];
        bool childless = vis_model_children(c->m, cap->slot, none, 0) == 0;
        vis_size_label(mark, used, sizeof(used));
        /* Below the watermark memory is used, or not yet cleared (the boot's untyped:
         * the kernel clears it, lowering the watermark to 0, at its first retype). */
        if (childless && (mark == 0 || mark == bytes))
            snprintf(text, sizeof(text), "unused%s", mark ? ": cleared at its first retype" : "");
        else
            snprintf(text, sizeof(text), "%s of %s used (%.0f%%); objects are carved above it",
                     used, size, bytes ? 100.0 * mark / bytes : 0.0);
        detail(c, pane, y, "watermark", text);
    } else if (vis_cap_type(cap->w0) == TRACE_CAP_CNODE) {
        snprintf(text, sizeof(text), "%08x, %u slots (radix %u), guard %u of %u bits", addr,
                 1u << vis_cnode_radix(cap->w1), vis_cnode_radix(cap->w1), vis_cnode_guard(cap->w1),
                 vis_cnode_guard_size(cap->w1));
        detail(c, pane, y, "object", text);
    } else if (bytes) {
        snprintf(text, sizeof(text), "%08x (%s)", addr, size);
        detail(c, pane, y, "object", text);
    }
}

/* "mint, event 512 at instruction 639,368": the record that put the cap in its slot. */
static void made_by(vis_ctx_t *c, const vis_cap_t *cap, char *out, size_t len)
{
    const vis_ui_t *ui = c->ui;
    char when[32];
    if (!ui->records || cap->born >= ui->record_count) {
        snprintf(out, len, "event %u", cap->born);
        return;
    }
    const trace_record_t *r = &ui->records[cap->born];
    unsigned type = trace_record_type(r);
    uint32_t cause = type == TRACE_CAP_INSERT ? r->words[6]
                     : type == TRACE_CAP_MOVE ? r->words[5]
                                              : 0;
    vis_count_label(r->icount, when, sizeof(when));
    if (ui->no_icount) /* QEMU's stream: no instruction counts */
        snprintf(out, len, "%s, event %u", cause ? vis_cause_name(cause) : trace_event_name(type),
                 cap->born);
    else
        snprintf(out, len, "%s, event %u at instruction %s",
                 cause ? vis_cause_name(cause) : trace_event_name(type), cap->born, when);
}

static void family_lines(vis_ctx_t *c, SDL_Rect pane, int *y, const vis_cap_t *cap)
{
    char text[256], label[96], where[48];
    const vis_cap_t *parent = cap->parent ? vis_model_cap_at(c->m, cap->parent) : NULL;
    if (parent) {
        vis_cap_label(c->m, parent, label, sizeof(label));
        vis_slot_name(c->m, parent->slot, where, sizeof(where));
        snprintf(text, sizeof(text), "%s in %s", label, where);
        detail_link(c, pane, y, "parent", text, VIS_HIT_CAP, parent->slot);
    } else {
        detail(c, pane, y, "parent", "none (a root of the derivation tree)");
    }
    const vis_cap_t *kids[3];
    size_t n = vis_model_children(c->m, cap->slot, kids, 3);
    if (n == 0) {
        detail(c, pane, y, "children", "none");
        return;
    }
    /* Each child a link (the first few; the tree shows the rest). */
    for (size_t i = 0; i < n && i < 2; i++) {
        vis_cap_label(c->m, kids[i], label, sizeof(label));
        vis_slot_name(c->m, kids[i]->slot, where, sizeof(where));
        if (i == 0)
            snprintf(text, sizeof(text), "%zu: %s in %s", n, label, where);
        else
            snprintf(text, sizeof(text), "%s in %s%s", label, where, n > 2 ? ", …" : "");
        detail_link(c, pane, y, i ? "" : "children", text, VIS_HIT_CAP, kids[i]->slot);
    }
}

/* The step at the cursor revoked or deleted below this cap: what went, struck through
 * in the tree until the next step. */
static void deleted_lines(vis_ctx_t *c, SDL_Rect pane, int *y, const vis_cap_t *cap)
{
    const vis_ui_t *ui = c->ui;
    if (!ui->records || !ui->cursor || ui->cursor > ui->record_count)
        return;
    vis_step_t step = vis_step_of(ui->records, ui->record_count, ui->cursor - 1);
    bool revoked = false;
    for (size_t k = step.first; k <= step.last; k++)
        revoked |= trace_record_type(&ui->records[k]) == TRACE_REVOKE_BEGIN &&
                   ui->records[k].words[1] == cap->slot;
    size_t gone[4];
    size_t n = vis_step_deletions(ui->records, step, gone, 4);
    if (!revoked || !n)
        return;
    char text[160], label[96], where[48];
    snprintf(text, sizeof(text), "%zu cap%s deleted in this step (struck through in the tree)", n,
             n == 1 ? "" : "s");
    detail(c, pane, y, "revoked", text);
    for (size_t i = 0; i < n && i < 3; i++) {
        const uint32_t *w = ui->records[gone[i]].words;
        vis_cap_t was = {.slot = w[1], .w0 = w[2], .w1 = w[3]};
        vis_cap_label(c->m, &was, label, sizeof(label));
        vis_slot_name(c->m, was.slot, where, sizeof(where));
        snprintf(text, sizeof(text), "%s %s%s", where, label, i == 2 && n > 3 ? ", …" : "");
        detail(c, pane, y, "", text);
    }
}

/* The slot: a link to the CNode cap (or thread) that holds it. */
static void slot_line(vis_ctx_t *c, SDL_Rect pane, int *y, uint32_t slot, const char *text)
{
    uint32_t index, tcb;
    const vis_cap_t *cnode = vis_slot_home(c->m, slot, &index, &tcb);
    if (cnode)
        detail_link(c, pane, y, "slot", text, VIS_HIT_CAP, cnode->slot);
    else if (tcb)
        detail_link(c, pane, y, "slot", text, VIS_HIT_THREAD, tcb);
    else
        detail(c, pane, y, "slot", text);
}

static void cap_details(vis_ctx_t *c, SDL_Rect pane, int y, const vis_cap_t *cap)
{
    char text[256], where[48];
    cap_title(c, pane, &y, cap);
    object_line(c, pane, &y, cap);
    if (vis_cap_type(cap->w0) == TRACE_CAP_THREAD && vis_model_thread(c->m, vis_cap_addr(cap->w0))) {
        vis_thread_label(c->m, vis_cap_addr(cap->w0), where, sizeof(where));
        detail_link(c, pane, &y, "thread", where, VIS_HIT_THREAD, vis_cap_addr(cap->w0));
    }
    vis_slot_name(c->m, cap->slot, where, sizeof(where));
    snprintf(text, sizeof(text), "%s (kernel address %08x)", where, cap->slot);
    slot_line(c, pane, &y, cap->slot, text);
    family_lines(c, pane, &y, cap);
    deleted_lines(c, pane, &y, cap);
    made_by(c, cap, text, sizeof(text));
    detail_link(c, pane, &y, "made by", text, VIS_HIT_EVENT, cap->born);
    snprintf(text, sizeof(text), "%s%s",
             cap->flags & TRACE_CAPF_REVOCABLE ? "original (revocable)" : "derived copy",
             cap->flags & TRACE_CAPF_FIRST_BADGED ? ", first badged" : "");
    detail(c, pane, &y, "kind", text);
    char mapped[256], others[256];
    if (vis_cap_mapping_words(c->m, cap, mapped, others, sizeof(mapped))) {
        detail(c, pane, &y, "mapped", mapped);
        if (vis_cap_type(cap->w0) == TRACE_CAP_FRAME)
            detail(c, pane, &y, "also mapped",
                   others[0] ? others : "by no other cap to this frame");
    }
}

/* "endpoint e0060000, 2nd in its queue, badge 7" or "a reply from server (Call #5
 * through endpoint e0060000)". */
static void waits_on(vis_ctx_t *c, const vis_thread_t *t, char *out, size_t len)
{
    const vis_ipc_msg_t *call = vis_ipc_open_call(&c->m->ipc, t->tcb);
    const vis_ipc_waiter_t *q[64];
    char name[32];
    if (t->state == TRACE_THREAD_BLOCKED_ON_REPLY) {
        vis_thread_label(c->m, call ? call->to : 0, name, sizeof(name));
        if (call)
            snprintf(out, len, "a reply from %s (Call #%u through endpoint %08x)", name,
                     call->seq, t->waiting_on);
        else
            snprintf(out, len, "a reply (its Call went through endpoint %08x)", t->waiting_on);
        return;
    }
    size_t n = vis_ipc_queue(&c->m->ipc, t->waiting_on, q, 64), at = 0;
    while (at < n && at < 64 && q[at]->tcb != t->tcb)
        at++;
    const char *what = t->state == TRACE_THREAD_BLOCKED_ON_NOTIFICATION ? "notification"
                                                                          : "endpoint";
    int w = at < n && at < 64
                ? snprintf(out, len, "%s %08x, %zu of %zu in its queue", what, t->waiting_on,
                           at + 1, n)
                : snprintf(out, len, "%s %08x", what, t->waiting_on);
    if (t->wait_badge && w > 0 && (size_t)w < len)
        snprintf(out + w, len - (size_t)w, ", badge %u", t->wait_badge);
}

static void thread_details(vis_ctx_t *c, SDL_Rect pane, int y, const vis_thread_t *t)
{
    char text[160], label[96];
    int px = vis_px(c, VIS_PX_TITLE + 2);
    vis_thread_label(c->m, t->tcb, label, sizeof(label));
    snprintf(text, sizeof(text), "thread %s%s", label,
             t->tcb == c->m->current_tcb ? " (running)" : "");
    vis_text(c->f, VIS_FACE_BOLD, px, VIS_COLOR_TEXT, pane.x + vis_px(c, 12), y, text);
    y += vis_line_height(c->f, VIS_FACE_BOLD, px) + vis_px(c, 4);
    snprintf(text, sizeof(text), "%08x", t->tcb);
    detail(c, pane, &y, "TCB", text);
    detail(c, pane, &y, "state", vis_thread_state_name(t->state));
    if (t->waiting_on) {
        waits_on(c, t, text, sizeof(text));
        detail(c, pane, &y, "waits on", text);
    }
    snprintf(text, sizeof(text), "%u (maximum it may give: %u)", t->priority, t->mcp);
    detail(c, pane, &y, "priority", text);
    static const char *const keys[VIS_TCB_SLOTS] = {"CSpace root", "VSpace root", "IPC buffer"};
    for (uint32_t i = 0; i < VIS_TCB_SLOTS; i++) {
        const vis_cap_t *cap = vis_model_cap_at(c->m, t->tcb + i * VIS_SLOT_BYTES);
        if (cap) {
            vis_cap_label(c->m, cap, text, sizeof(text));
            detail_link(c, pane, &y, keys[i], text, VIS_HIT_CAP, cap->slot);
            continue;
        }
        detail(c, pane, &y, keys[i], cap ? text : "none");
    }
}

/* A run of like caps in one box: how many, and each member as a link (the first few);
 * a click on the run's box (or u) unfolds it in the tree. */
static void group_details(vis_ctx_t *c, SDL_Rect pane, int y, const vis_cap_t *first)
{
    char text[160], label[96], where[48];
    uint32_t slots[8];
    int cell = vis_place_cell_of(&c->m->place, first->slot);
    size_t n = cell >= 0 ? vis_place_members(&c->m->place, cell, slots, 8) : 0;
    cap_title(c, pane, &y, first);
    snprintf(text, sizeof(text), "%zu caps like this one share a box (click it or u: a box each)",
             n);
    detail(c, pane, &y, "run", text);
    int bottom = pane.y + pane.h - vis_line_height(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY));
    for (size_t i = 0; i < n && i < 8 && y < bottom; i++) {
        const vis_cap_t *cap = vis_model_cap_at(c->m, slots[i]);
        if (!cap)
            continue;
        vis_cap_label(c->m, cap, label, sizeof(label));
        vis_slot_name(c->m, cap->slot, where, sizeof(where));
        snprintf(text, sizeof(text), "%s %s%s", where, label, i == 7 && n > 8 ? ", …" : "");
        detail_link(c, pane, &y, i ? "" : "members", text, VIS_HIT_CAP, cap->slot);
    }
}

/* The cap whose details show: the selected one, else the one under the mouse while
 * nothing at all is selected. 0 for none. */
static uint32_t shown_cap(const vis_ui_t *ui)
{
    if (ui->selected)
        return ui->selected;
    if (ui->selected_group || ui->selected_tcb)
        return 0;
    return ui->hover;
}

void vis_draw_details(vis_ctx_t *c)
{
    SDL_Rect pane = c->panes.details;
    int y = vis_begin_pane(c, pane, "details");
    const vis_ui_t *ui = c->ui;
    const vis_cap_t *cap = vis_model_cap_at(c->m, shown_cap(ui));
    const vis_cap_t *group = ui->selected_group ? vis_model_cap_at(c->m, ui->selected_group) : NULL;
    const vis_thread_t *t = ui->selected_tcb ? vis_model_thread(c->m, ui->selected_tcb) : NULL;
    if (cap)
        cap_details(c, pane, y, cap);
    else if (group)
        group_details(c, pane, y, group);
    else if (t)
        thread_details(c, pane, y, t);
    else
        detail(c, pane, &y, "", "Click a cap in the tree or a CSpace slot, or a thread.");
    vis_end_pane(c);
}

/* ---- tabs ------------------------------------------------------------------------- */

/* The list inside the tab pane: rows of one height, scrolled by ui->tab_scroll rows. */
typedef struct list {
    vis_ctx_t *c;
    SDL_Rect area;
    int row_h, px;
    int row;       /* next row to fill, counted from the top of the content */
    bool measure;  /* a dry run: nothing is drawn, found_row is found */
    int found_row; /* the row holding the selected cap, -1 if none */
} list_t;

/* The rectangle of a row, or a zero-height one when it is scrolled out of view. */
static SDL_Rect list_row(list_t *l, int x, int w)
{
    int y = l->area.y + (l->row++ - l->c->ui->tab_scroll) * l->row_h;
    if (l->measure || y + l->row_h <= l->area.y || y >= l->area.y + l->area.h)
        return (SDL_Rect){x, y, w, 0};
    return (SDL_Rect){x, y, w, l->row_h};
}

/* Called before the row that shows `slot`: notes it when it is the selection. */
static void list_note(list_t *l, uint32_t slot)
{
    if (l->found_row < 0 && slot == l->c->ui->selected)
        l->found_row = l->row;
}

const char *vis_tab_name(vis_tab_t tab)
{
    static const char *const names[VIS_TAB_COUNT] = {"CSpaces", "untyped", "threads", "IPC",
                                                     "VSpace"};
    return tab < VIS_TAB_COUNT ? names[tab] : "?";
}

/* The padding each side of a tab's name: less when all would not fit the pane. */
static int tab_padding(vis_ctx_t *c, SDL_Rect pane, int px)
{
    int names = 0, gap = vis_px(c, 4), pad = vis_px(c, 14);
    for (int t = 0; t < VIS_TAB_COUNT; t++)
        names += vis_text_width(c->f, VIS_FACE_BOLD, px, vis_tab_name((vis_tab_t)t)) + gap;
    int room = (pane.w - vis_px(c, 12) - names) / (2 * VIS_TAB_COUNT);
    return room < pad ? (room > vis_px(c, 3) ? room : vis_px(c, 3)) : pad;
}

static void tab_bar(vis_ctx_t *c, SDL_Rect pane, int *y)
{
    int px = vis_px(c, VIS_PX_TITLE), x = pane.x + vis_px(c, 6), pad = tab_padding(c, pane, px);
    int h = vis_line_height(c->f, VIS_FACE_BOLD, px) + vis_px(c, 10);
    vis_fill(c, (SDL_Rect){pane.x, *y + h - 1, pane.w, 1}, VIS_COLOR_BORDER);
    for (int t = 0; t < VIS_TAB_COUNT; t++) {
        bool on = c->ui->tab == (vis_tab_t)t;
        const char *name = vis_tab_name((vis_tab_t)t);
        int w = vis_text_width(c->f, VIS_FACE_BOLD, px, name) + 2 * pad;
        SDL_Rect r = {x, *y, w, h};
        vis_fill(c, r, on ? VIS_COLOR_PANE : VIS_COLOR_BUTTON);
        vis_outline(c, r, 1, VIS_COLOR_BORDER);
        if (on)
            vis_fill(c, (SDL_Rect){x + 1, *y + h - 1, w - 2, 1}, VIS_COLOR_PANE);
        vis_text(c->f, on ? VIS_FACE_BOLD : VIS_FACE_SANS, px,
                 on ? VIS_COLOR_TEXT : VIS_COLOR_MUTED, x + pad, *y + vis_px(c, 5), name);
        vis_add_hit(c, r, VIS_HIT_TAB, (uint32_t)t);
        x += w + vis_px(c, 4);
    }
    *y += h + vis_px(c, 6);
}

/* One slot cell of a CSpace grid: index, type colour, short label, badge. */
static void slot_cell(list_t *l, SDL_Rect cell, uint32_t index, const vis_cap_t *cap)
{
    vis_ctx_t *c = l->c;
    unsigned type = vis_cap_type(cap->w0);
    bool selected = cap->slot == c->ui->selected;
    char text[64];
    uint32_t badge;
    float fresh = vis_recency(c, cap->born);
    SDL_Rect box = {cell.x, cell.y + 1, cell.w - vis_px(c, 6), cell.h - 2};
    vis_fill(c, box, vis_mix(vis_pastel(type), VIS_RGB(0xFF, 0xE0, 0x82), fresh));
    vis_fill(c, (SDL_Rect){box.x, box.y, vis_px(c, 5), box.h}, vis_type_color(type));
    if (selected || cap->slot == c->ui->hover)
        vis_outline(c, box, selected ? vis_px(c, 3) : vis_px(c, 2), VIS_COLOR_SELECT);
    if (vis_cap_badged(cap, &badge))
        snprintf(text, sizeof(text), "%u  %s  badge %u", index, vis_cap_type_name(type), badge);
    else
        snprintf(text, sizeof(text), "%u  %s", index, vis_cap_type_name(type));
    vis_text_fit(c->f, selected ? VIS_FACE_BOLD : VIS_FACE_SANS, l->px, VIS_COLOR_TEXT,
                 box.x + vis_px(c, 10),
                 box.y + (box.h - vis_line_height(c->f, VIS_FACE_SANS, l->px)) / 2,
                 box.w - vis_px(c, 14), text);
    vis_add_hit(c, box, VIS_HIT_CAP, cap->slot);
}

/* Has an earlier thread (index < i) the same CSpace root CNode? Returns it or NULL. */
static const vis_thread_t *shares_cspace(const vis_model_t *m, size_t i, uint32_t cnode)
{
    for (size_t j = 0; j < i; j++) {
        const vis_cap_t *root = vis_thread_cspace(m, m->threads[j].tcb);
        if (root && vis_cap_addr(root->w0) == cnode)
            return &m->threads[j];
    }
    return NULL;
}

static void cspace_header(list_t *l, const vis_thread_t *t, const vis_cap_t *root,
                          const char *shared)
{
    vis_ctx_t *c = l->c;
    char name[32], text[192];
    vis_thread_label(c->m, t->tcb, name, sizeof(name));
    if (!root)
        snprintf(text, sizeof(text), "%s: no CSpace root (TCB slot 0 is empty)", name);
    else if (shared)
        snprintf(text, sizeof(text), "%s: CNode %08x, the same CSpace as %s", name,
                 vis_cap_addr(root->w0), shared);
    else
        snprintf(text, sizeof(text), "%s: CNode %08x, radix %u, guard %u (%u bits)", name,
                 vis_cap_addr(root->w0), vis_cnode_radix(root->w1), vis_cnode_guard(root->w1),
                 vis_cnode_guard_size(root->w1));
    SDL_Rect r = list_row(l, l->area.x + vis_px(c, 10), l->area.w - vis_px(c, 20));
    if (r.h)
        vis_text_fit(c->f, VIS_FACE_BOLD, l->px, VIS_COLOR_TEXT, r.x, r.y + vis_px(c, 2), r.w,
                     text);
}

/* The occupied slots of one CNode, in a grid of as many columns as fit. */
static void cspace_slots(list_t *l, const vis_cap_t *root)
{
    vis_ctx_t *c = l->c;
    uint32_t base = vis_cap_addr(root->w0);
    size_t max = 4096, n;
    const vis_cap_t **slots = malloc(max * sizeof(*slots));
    if (!slots)
        return;
    n = vis_model_slots_in(c->m, base, vis_cnode_radix(root->w1) + 4, slots, max);
    n = n < max ? n : max;
    int left = l->area.x + vis_px(c, 10), w = l->area.w - vis_px(c, 20);
    int cols = w / vis_px(c, 200) > 0 ? w / vis_px(c, 200) : 1, cell_w = w / cols;
    for (size_t i = 0; i < n; i += (size_t)cols) {
        for (size_t k = 0; k < (size_t)cols && i + k < n; k++)
            list_note(l, slots[i + k]->slot);
        SDL_Rect r = list_row(l, left, w);
        for (size_t k = 0; r.h && k < (size_t)cols && i + k < n; k++)
            slot_cell(l, (SDL_Rect){left + (int)k * cell_w, r.y, cell_w, r.h},
                      (slots[i + k]->slot - base) / VIS_SLOT_BYTES, slots[i + k]);
    }
    free(slots);
}

static void cspaces_tab(list_t *l)
{
    const vis_model_t *m = l->c->m;
    for (size_t i = 0; i < m->thread_count; i++) {
        const vis_thread_t *t = &m->threads[i];
        const vis_cap_t *root = vis_thread_cspace(m, t->tcb);
        const vis_thread_t *same = root ? shares_cspace(m, i, vis_cap_addr(root->w0)) : NULL;
        char shared[32] = "";
        if (same)
            vis_thread_label(m, same->tcb, shared, sizeof(shared));
        cspace_header(l, t, root, same ? shared : NULL);
        if (root && !same)
            cspace_slots(l, root);
        l->row++; /* a blank row between CSpaces */
    }
    if (!m->thread_count)
        list_row(l, 0, 0);
}

/* An untyped region as a bar: the used part up to the watermark, objects as ticks. */
static void untyped_bar(list_t *l, SDL_Rect bar, const vis_cap_t *cap)
{
    vis_ctx_t *c = l->c;
    uint64_t size = vis_cap_object_bytes(cap);
    uint32_t base = vis_cap_addr(cap->w0), mark = vis_untyped_watermark(cap->w1);
    vis_fill(c, bar, VIS_RGB(0xEC, 0xEF, 0xF1));
    int used = (int)((double)bar.w * mark / (double)size);
    vis_fill(c, (SDL_Rect){bar.x, bar.y, used, bar.h}, vis_pastel(TRACE_CAP_UNTYPED));
    const vis_object_t *objects[64];
    size_t n = vis_model_objects_from(c->m, cap->slot, objects, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        int x = bar.x + (int)((double)bar.w * (objects[i]->addr - base) / (double)size);
        int w = (int)((double)bar.w * (double)(1ull << objects[i]->size_bits) / (double)size);
        vis_fill(c, (SDL_Rect){x, bar.y, w > 3 ? w : 3, bar.h},
                 vis_type_color(vis_object_cap_type(objects[i]->type)));
    }
    vis_outline(c, bar, 1, VIS_COLOR_BORDER);
}

static void untyped_row(list_t *l, const vis_cap_t *cap)
{
    vis_ctx_t *c = l->c;
    list_note(l, cap->slot);
    SDL_Rect r = list_row(l, l->area.x + vis_px(c, 10), l->area.w - vis_px(c, 20));
    if (!r.h)
        return;
    char text[96], size[24], where[32];
    vis_size_label(vis_cap_object_bytes(cap), size, sizeof(size));
    vis_slot_name(c->m, cap->slot, where, sizeof(where));
    bool selected = cap->slot == c->ui->selected;
    if (selected)
        vis_fill(c, r, VIS_RGB(0xFF, 0xF3, 0xC4));
    snprintf(text, sizeof(text), "%08x %s", vis_cap_addr(cap->w0), size);
    int ty = r.y + vis_px(c, 2), col = vis_px(c, 170);
    vis_text(c->f, selected ? VIS_FACE_BOLD : VIS_FACE_SANS, l->px, VIS_COLOR_TEXT, r.x, ty, text);
    SDL_Rect bar = {r.x + col, r.y + vis_px(c, 4), r.w / 3, r.h - vis_px(c, 8)};
    untyped_bar(l, bar, cap);
    const vis_object_t *none[1];
    size_t objects = vis_model_objects_from(c->m, cap->slot, none, 0);
    snprintf(text, sizeof(text), "%s%zu object%s  %s",
             vis_untyped_device(cap->w1) ? "device, " : "", objects, objects == 1 ? "" : "s",
             where);
    vis_text_fit(c->f, VIS_FACE_SANS, l->px, VIS_COLOR_MUTED, bar.x + bar.w + vis_px(c, 10), ty,
                 r.x + r.w - bar.x - bar.w - vis_px(c, 10), text);
    vis_add_hit(c, r, VIS_HIT_CAP, cap->slot);
}

/* Used regions first, then free RAM, then device memory: the interesting ones on top. */
static int untyped_rank(const vis_cap_t *cap)
{
    if (vis_untyped_watermark(cap->w1))
        return 0;
    return vis_untyped_device(cap->w1) ? 2 : 1;
}

static int by_rank(const void *a, const void *b)
{
    const vis_cap_t *x = *(const vis_cap_t *const *)a, *y = *(const vis_cap_t *const *)b;
    int rx = untyped_rank(x), ry = untyped_rank(y);
    if (rx != ry)
        return rx - ry;
    return vis_cap_addr(x->w0) < vis_cap_addr(y->w0) ? -1
                                                     : vis_cap_addr(x->w0) > vis_cap_addr(y->w0);
}

static void untyped_tab(list_t *l)
{
    const vis_model_t *m = l->c->m;
    const vis_cap_t **list = malloc((m->cap_count + 1) * sizeof(*list));
    size_t n = 0;
    if (!list)
        return;
    for (size_t i = 0; i < m->cap_count; i++)
        if (vis_cap_type(m->caps[i].w0) == TRACE_CAP_UNTYPED)
            list[n++] = &m->caps[i];
    qsort(list, n, sizeof(*list), by_rank);
    for (size_t i = 0; i < n; i++)
        untyped_row(l, list[i]);
    free(list);
}

static void threads_tab(list_t *l)
{
    vis_ctx_t *c = l->c;
    const vis_model_t *m = c->m;
    for (size_t i = 0; i < m->thread_count; i++) {
        const vis_thread_t *t = &m->threads[i];
        SDL_Rect r = list_row(l, l->area.x + vis_px(c, 10), l->area.w - vis_px(c, 20));
        if (!r.h)
            continue;
        char name[32], text[160];
        bool running = t->tcb == m->current_tcb;
        if (t->tcb == c->ui->selected_tcb)
            vis_fill(c, r, VIS_RGB(0xFF, 0xF3, 0xC4));
        int dot = vis_px(c, 12), ty = r.y + vis_px(c, 2);
        vis_fill(c, (SDL_Rect){r.x, r.y + (r.h - dot) / 2, dot, dot},
                 vis_state_color(t->state));
        vis_thread_label(m, t->tcb, name, sizeof(name));
        snprintf(text, sizeof(text), "%s   %s   priority %u   tcb %08x%s", name,
                 vis_thread_state_name(t->state), t->priority, t->tcb,
                 running ? "   ◀ running" : "");
        vis_text_fit(c->f, running ? VIS_FACE_BOLD : VIS_FACE_SANS, l->px, VIS_COLOR_TEXT,
                     r.x + dot + vis_px(c, 8), ty, r.w - dot - vis_px(c, 8), text);
        vis_add_hit(c, r, VIS_HIT_THREAD, t->tcb);
    }
}

static void tab_content(list_t *l)
{
    if (l->c->ui->tab == VIS_TAB_CSPACES)
        cspaces_tab(l);
    else if (l->c->ui->tab == VIS_TAB_UNTYPED)
        untyped_tab(l);
    else
        threads_tab(l);
}

/* A newly selected cap's slot is scrolled into view once; then the user scrolls freely. */
static void follow_selection(list_t *l)
{
    vis_ui_t *ui = l->c->ui;
    if (!ui->selected || (ui->followed == ui->selected && ui->followed_tab == ui->tab))
        return;
    list_t probe = *l;
    probe.measure = true;
    tab_content(&probe);
    int visible = l->area.h / l->row_h;
    if (probe.found_row >= 0 &&
        (probe.found_row < ui->tab_scroll || probe.found_row >= ui->tab_scroll + visible))
        ui->tab_scroll = probe.found_row - visible / 2;
    ui->followed = ui->selected;
    ui->followed_tab = ui->tab;
}

void vis_draw_tabs(vis_ctx_t *c)
{
    SDL_Rect pane = c->panes.tabs;
    int y = vis_begin_pane(c, pane, NULL);
    tab_bar(c, pane, &y);
    list_t l = {.c = c, .px = vis_px(c, VIS_PX_BODY), .found_row = -1};
    l.row_h = vis_line_height(c->f, VIS_FACE_SANS, l.px) + vis_px(c, 8);
    l.area = (SDL_Rect){pane.x, y, pane.w, pane.y + pane.h - y - vis_px(c, 6)};
    if (c->ui->tab == VIS_TAB_IPC || c->ui->tab == VIS_TAB_VSPACE) { /* charts of their own */
        vis_add_hit(c, l.area, VIS_HIT_TAB_PANE, 0);
        c->clip = l.area;
        SDL_RenderSetClipRect(c->r, &l.area);
        if (c->ui->tab == VIS_TAB_IPC)
            vis_draw_ipc(c, l.area);
        else
            vis_draw_vspace(c, l.area);
        vis_end_pane(c);
        return;
    }
    if (c->ui->tab_scroll < 0)
        c->ui->tab_scroll = 0;
    vis_add_hit(c, l.area, VIS_HIT_TAB_PANE, 0);
    SDL_Rect saved = c->clip;
    c->clip = l.area;
    SDL_RenderSetClipRect(c->r, &l.area);
    follow_selection(&l);
    tab_content(&l);
    /* Never scroll past the end: the last row stays at the bottom. */
    int rows_visible = l.area.h / l.row_h;
    if (c->ui->tab_scroll > l.row - rows_visible)
        c->ui->tab_scroll = l.row - rows_visible > 0 ? l.row - rows_visible : 0;
    c->clip = saved;
    vis_end_pane(c);
}

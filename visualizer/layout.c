/*
 * visualizer/layout.c - pane rectangles, and the derivation tree's nodes read from
 * the model's stable placement (place.c): one node per cell, each at the cell's column
 * and row, linked to its cap's current CDT parent for the edges. Partner: layout.h.
 */
#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "draw.h"

static int scaled(float scale, int px)
{
    return (int)(px * scale + 0.5f);
}

void vis_layout_panes(int width, int height, float scale, vis_panes_t *p)
{
    int toolbar = scaled(scale, 74), timeline = scaled(scale, 100);
    int bottom = scaled(scale, 204);
    if (bottom > height * 3 / 10)
        bottom = height * 3 / 10; /* a large scale must leave the tree some room */
    int middle_y = toolbar, middle_h = height - toolbar - timeline - bottom;
    if (middle_h < 0)
        middle_h = 0;
    int right_w = width * 34 / 100, tree_w = width - right_w;
    /* The details need about nine lines at any scale: enlarged text takes room from
     * the tabs below (down to 42% of the column for them). */
    int details_h = middle_h * 42 / 100, want = scaled(scale, 215);
    if (details_h < want)
        details_h = want < middle_h * 58 / 100 ? want : middle_h * 58 / 100;
    p->toolbar = (SDL_Rect){0, 0, width, toolbar};
    p->tree = (SDL_Rect){0, middle_y, tree_w, middle_h};
    p->details = (SDL_Rect){tree_w, middle_y, right_w, details_h};
    p->tabs = (SDL_Rect){tree_w, middle_y + details_h, right_w, middle_h - details_h};
    p->timeline = (SDL_Rect){0, middle_y + middle_h, width, timeline};
    int console_w = width * 40 / 100, bottom_y = middle_y + middle_h + timeline;
    p->console = (SDL_Rect){0, bottom_y, console_w, bottom};
    p->code = (SDL_Rect){console_w, bottom_y, width - console_w, bottom};
}

void vis_layout_tall_tabs(vis_panes_t *p)
{
    p->tabs.h += p->tabs.y - p->details.y;
    p->tabs.y = p->details.y;
    p->details.h = 0;
}

static int add_node(vis_tree_t *t, const vis_node_t *n)
{
    if (t->count == t->capacity) {
        size_t cap = t->capacity ? t->capacity * 2 : 128;
        vis_node_t *bigger = realloc(t->nodes, cap * sizeof(vis_node_t));
        if (!bigger)
            return -1;
        t->nodes = bigger;
        t->capacity = cap;
    }
    t->nodes[t->count] = *n;
    if (n->depth > t->max_depth)
        t->max_depth = n->depth;
    if (n->row >= t->rows)
        t->rows = n->row + 1;
    return (int)t->count++;
}

/* The node for cell i: what its members are, and which cap stands for them. */
static void node_of_cell(const vis_model_t *m, int i, vis_node_t *n)
{
    const vis_cell_t *c = &m->place.cells[i];
    uint32_t slots[1];
    *n = (vis_node_t){.cell = i, .serial = c->serial, .members = c->members,
                      .ghosts = c->ghosts, .died = c->died, .newest = c->changed,
                      .depth = c->depth, .row = c->row, .parent = -1};
    n->cap = (vis_cap_t){.w0 = c->w0, .w1 = c->w1};
    n->kind = c->members == 0 ? VIS_NODE_GHOST : c->members > 1 ? VIS_NODE_GROUP : VIS_NODE_CAP;
    n->unfolded = c->open || c->run_of >= 0;
    if (c->members && vis_place_members(&m->place, i, slots, 1)) {
        const vis_cap_t *cap = vis_model_cap_at(m, slots[0]);
        if (cap)
            n->cap = *cap;
    }
}

/* Group slot ranges, in one pass over the slot map. */
static void slot_ranges(vis_tree_t *t, const vis_model_t *m, const int *node_of)
{
    for (size_t i = 0; i < m->place.map_count; i++) {
        const vis_slot_cell_t *sc = &m->place.map[i];
        int k = node_of[sc->cell];
        if (k < 0)
            continue;
        vis_node_t *n = &t->nodes[k];
        if (!n->first_slot || sc->slot < n->first_slot)
            n->first_slot = sc->slot;
        if (sc->slot > n->last_slot)
            n->last_slot = sc->slot;
    }
}

/* Edges go to the current CDT parent's node (a deleted parent hands its children up). */
static void link_parents(vis_tree_t *t, const vis_model_t *m, const int *node_of)
{
    for (size_t k = 0; k < t->count; k++) {
        vis_node_t *n = &t->nodes[k];
        const vis_cell_t *c = &m->place.cells[n->cell];
        int up = -1;
        if (n->kind != VIS_NODE_GHOST && n->cap.parent)
            up = vis_place_cell_of(&m->place, n->cap.parent);
        else if (n->kind == VIS_NODE_GHOST && c->parent >= 0 && m->place.cells[c->parent].used)
            up = c->parent;
        n->parent = up >= 0 ? node_of[up] : -1;
    }
}

void vis_tree_build(vis_tree_t *t, const vis_model_t *m)
{
    t->count = 0;
    t->rows = 0;
    t->max_depth = 0;
    size_t cells = m->place.cell_count;
    int *node_of = malloc((cells + 1) * sizeof(int));
    if (!node_of)
        return;
    for (size_t i = 0; i < cells; i++) {
        node_of[i] = -1;
        if (!m->place.cells[i].used)
            continue;
        vis_node_t n;
        node_of_cell(m, (int)i, &n);
        node_of[i] = add_node(t, &n);
    }
    slot_ranges(t, m, node_of);
    for (size_t k = 0; k < t->count; k++)
        if (t->nodes[k].kind == VIS_NODE_CAP)
            t->nodes[k].first_slot = t->nodes[k].last_slot = t->nodes[k].cap.slot;
    link_parents(t, m, node_of);
    free(node_of);
}

int vis_tree_node_of(const vis_tree_t *t, const vis_model_t *m, uint32_t slot)
{
    int cell = vis_place_cell_of(&m->place, slot);
    for (size_t k = 0; cell >= 0 && k < t->count; k++)
        if (t->nodes[k].cell == cell)
            return (int)k;
    return -1;
}

void vis_tree_free(vis_tree_t *t)
{
    free(t->nodes);
    memset(t, 0, sizeof(*t));
}

/* ---- the text on the boxes ------------------------------------------------------- */

/* Node indices ordered by row, top first (a counting sort: rows are small integers). */
static int *by_row(const vis_tree_t *t)
{
    int *order = malloc((t->count + 1) * sizeof(int));
    size_t *start = calloc((size_t)t->rows + 2, sizeof(size_t));
    if (!order || !start) {
        free(order);
        free(start);
        return NULL;
    }
    for (size_t k = 0; k < t->count; k++)
        start[t->nodes[k].row + 1]++;
    for (int r = 0; r < t->rows; r++)
        start[r + 1] += start[r];
    for (size_t k = 0; k < t->count; k++)
        order[start[t->nodes[k].row]++] = (int)k;
    free(start);
    return order;
}

typedef struct label_rows {
    unsigned char *taken; /* [depth * rows + row]: a label is there */
    int rows, reach;      /* a label covers its row and reach - 1 rows each side */
} label_rows_t;

static bool label_fits(const label_rows_t *lr, const vis_node_t *n)
{
    for (int r = n->row - lr->reach + 1; r < n->row + lr->reach; r++)
        if (r >= 0 && r < lr->rows && lr->taken[(size_t)n->depth * (size_t)lr->rows + (size_t)r])
            return false;
    return true;
}

static void put_label(label_rows_t *lr, const vis_tree_t *t, int k, int px, vis_label_t *labels)
{
    const vis_node_t *n = &t->nodes[k];
    lr->taken[(size_t)n->depth * (size_t)lr->rows + (size_t)n->row] = 1;
    labels[k] = (vis_label_t){VIS_LABEL_SHORT, px};
}

void vis_tree_labels(const vis_tree_t *t, float scale, float zoom, int selected, int hover,
                     vis_label_t *labels)
{
    float unit = scale * zoom;
    int full = (int)(VIS_PX_BODY * unit + 0.5f), least = (int)(VIS_PX_SMALL * scale + 0.5f);
    for (size_t k = 0; k < t->count; k++)
        labels[k] = (vis_label_t){full >= least ? VIS_LABEL_FULL : VIS_LABEL_NONE, full};
    if (full >= least || !t->count)
        return;
    float pitch = VIS_TREE_ROW_H * unit, line = (float)least * VIS_LABEL_LINE / 100.0f;
    label_rows_t lr = {.rows = t->rows, .reach = (int)ceilf(line / pitch - 0.001f)};
    lr.reach = lr.reach < 1 ? 1 : lr.reach;
    lr.taken = calloc((size_t)(t->max_depth + 1) * (size_t)t->rows + 1, 1);
    int *order = by_row(t);
    if (!lr.taken || !order) {
        free(lr.taken);
        free(order);
        return;
    }
    if (selected >= 0 && (size_t)selected < t->count)
        put_label(&lr, t, selected, least, labels);
    if (hover >= 0 && (size_t)hover < t->count)
        put_label(&lr, t, hover, least, labels);
    for (int pass = 0; pass < 2; pass++) /* runs first: they say the most */
        for (size_t i = 0; i < t->count; i++) {
            int k = order[i];
            bool run = t->nodes[k].kind == VIS_NODE_GROUP;
            if (labels[k].kind == VIS_LABEL_NONE && run == (pass == 0) &&
                label_fits(&lr, &t->nodes[k]))
                put_label(&lr, t, k, least, labels);
        }
    free(order);
    free(lr.taken);
}

void vis_node_short_label(const vis_model_t *m, const vis_node_t *n, char *out, size_t len)
{
    char first[32] = "", last[32];
    if (n->kind != VIS_NODE_GHOST)
        vis_slot_name(m, n->kind == VIS_NODE_CAP ? n->cap.slot : n->first_slot, first,
                      sizeof(first));
    if (n->kind == VIS_NODE_GROUP) {
        vis_slot_name(m, n->last_slot, last, sizeof(last));
        size_t f = strlen(first);
        if (first[0] == '[' && f > 1 && first[f - 1] == ']' && last[0] == '[') /* "[95–158]" */
            snprintf(out, len, "%u× %.*s–%s", n->members + n->ghosts, (int)(f - 1), first, last + 1);
        else
            snprintf(out, len, "%u× %s–%s", n->members + n->ghosts, first, last);
    } else if (n->kind == VIS_NODE_GHOST) {
        snprintf(out, len, "deleted"); /* its slot may hold another cap by now */
    } else {
        snprintf(out, len, "%s", first);
    }
}

/*
 * visualizer/layout.c - pane rectangles and the derivation tree's outline layout: an
 * outline, not a top-down tree, because caps are labelled with words; a new cap only
 * pushes the rows below it down, so nothing jumps sideways. Runs of childless root
 * caps (the boot's untyped regions, the image's frames) fold into one row. Partner: layout.h.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

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
    int right_w = width * 38 / 100, tree_w = width - right_w;
    int details_h = middle_h * 42 / 100;
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

/* One entry of a sibling list: a cap in the model, or a ghost of one. */
typedef struct item {
    const vis_cap_t *cap;
    const vis_ghost_t *ghost; /* set for ghosts; cap then points into it */
} item_t;

typedef struct builder {
    vis_tree_t *t;
    const vis_model_t *m;
    const vis_tree_params_t *p;
} builder_t;

static bool ghost_shown(const builder_t *b, const vis_ghost_t *g)
{
    return g->died >= b->p->ghosts_from && g->died < b->m->events;
}

/* Is `slot` a root's parent: none, or a slot the model has no cap in? */
static bool orphan_parent(const vis_model_t *m, uint32_t parent)
{
    return parent == 0 || !vis_model_cap_at(m, parent);
}

static int by_slot(const void *a, const void *b)
{
    uint32_t x = ((const item_t *)a)->cap->slot, y = ((const item_t *)b)->cap->slot;
    return x < y ? -1 : x > y;
}

/* The caps and shown ghosts under `parent` (roots for parent 0), in slot order.
 * Returns a malloc'd array (NULL when empty) and its length in *n. */
static item_t *gather(const builder_t *b, uint32_t parent, size_t *n)
{
    const vis_model_t *m = b->m;
    size_t ghosts = m->ghost_count < 32 ? m->ghost_count : 32;
    item_t *items = malloc((m->cap_count + ghosts + 1) * sizeof(item_t));
    *n = 0;
    if (!items)
        return NULL;
    for (size_t i = 0; i < m->cap_count; i++) {
        uint32_t up = m->caps[i].parent;
        if (parent ? up == parent : orphan_parent(m, up))
            items[(*n)++] = (item_t){&m->caps[i], NULL};
    }
    for (size_t i = 0; i < ghosts; i++) {
        const vis_ghost_t *g = &m->ghosts[i];
        uint32_t up = g->cap.parent;
        if (ghost_shown(b, g) && (parent ? up == parent : orphan_parent(m, up)))
            items[(*n)++] = (item_t){&g->cap, g};
    }
    qsort(items, *n, sizeof(item_t), by_slot);
    return items;
}

static bool has_children(const builder_t *b, uint32_t slot)
{
    const vis_cap_t *none[1];
    if (vis_model_children(b->m, slot, none, 0) > 0)
        return true;
    size_t ghosts = b->m->ghost_count < 32 ? b->m->ghost_count : 32;
    for (size_t i = 0; i < ghosts; i++)
        if (b->m->ghosts[i].cap.parent == slot && ghost_shown(b, &b->m->ghosts[i]))
            return true;
    return false;
}

/* May this item be folded into a run: a cap without children, not the selection?
 * New caps fold too (the run glows instead), so the tree does not jump when the
 * glow of the boot's caps fades. */
static bool foldable(const builder_t *b, const item_t *it)
{
    const vis_cap_t *c = it->cap;
    if (it->ghost || c->slot == b->p->keep_slot)
        return false;
    return !has_children(b, c->slot);
}

/* Caps of one run share a type (and, for untyped, device or not). */
static bool same_run(const vis_cap_t *a, const vis_cap_t *c)
{
    unsigned type = vis_cap_type(a->w0);
    if (type != vis_cap_type(c->w0))
        return false;
    return type != TRACE_CAP_UNTYPED || vis_untyped_device(a->w1) == vis_untyped_device(c->w1);
}

static int add_node(builder_t *b, const vis_node_t *n)
{
    vis_tree_t *t = b->t;
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
    return (int)t->count++;
}

static void add_siblings(builder_t *b, const item_t *items, size_t n, int parent, int depth);

static void add_subtree(builder_t *b, const item_t *it, int parent, int depth)
{
    vis_node_t node = {.kind = it->ghost ? VIS_NODE_GHOST : VIS_NODE_CAP,
                       .cap = *it->cap,
                       .died = it->ghost ? it->ghost->died : 0,
                       .parent = parent,
                       .depth = depth};
    int self = add_node(b, &node);
    if (self < 0 || it->ghost)
        return; /* a ghost's children were handed to its parent by the model */
    size_t n;
    item_t *kids = gather(b, it->cap->slot, &n);
    add_siblings(b, kids, n, self, depth + 1);
    free(kids);
}

static void add_siblings(builder_t *b, const item_t *items, size_t n, int parent, int depth)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        if (!b->p->expand_groups && depth == 0)
            while (j < n && foldable(b, &items[j]) && same_run(items[i].cap, items[j].cap))
                j++;
        if (j - i >= VIS_GROUP_MIN) {
            vis_node_t g = {.kind = VIS_NODE_GROUP,
                            .cap = *items[i].cap,
                            .last_slot = items[j - 1].cap->slot,
                            .members = (unsigned)(j - i),
                            .parent = parent,
                            .depth = depth};
            for (size_t k = i; k < j; k++)
                g.newest = items[k].cap->born > g.newest ? items[k].cap->born : g.newest;
            add_node(b, &g);
            i = j;
        } else {
            add_subtree(b, &items[i], parent, depth);
            i++;
        }
    }
}

/* Places whole root subtrees into column blocks of rows_per_block rows. */
static void flow(vis_tree_t *t, int rows_per_block)
{
    int block = 0, row = 0;
    for (size_t i = 0; i < t->count;) {
        size_t end = i + 1;
        while (end < t->count && t->nodes[end].parent != -1)
            end++;
        int size = (int)(end - i);
        if (row > 0 && row + size > rows_per_block) {
            block++;
            row = 0;
        }
        for (; i < end; i++) {
            t->nodes[i].block = block;
            t->nodes[i].row = row++;
        }
    }
    t->blocks = t->count ? block + 1 : 0;
}

void vis_tree_build(vis_tree_t *t, const vis_model_t *m, const vis_tree_params_t *p)
{
    t->count = 0;
    t->blocks = 0;
    t->max_depth = 0;
    builder_t b = {t, m, p};
    size_t n;
    item_t *roots = gather(&b, 0, &n);
    add_siblings(&b, roots, n, -1, 0);
    free(roots);
    flow(t, p->rows_per_block > 0 ? p->rows_per_block : 1);
}

void vis_tree_free(vis_tree_t *t)
{
    free(t->nodes);
    memset(t, 0, sizeof(*t));
}

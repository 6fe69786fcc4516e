/*
 * visualizer/render_tree.c - the capability derivation tree pane: each cell of the
 * stable placement (place.c) as a box at its column and row, edges from each cap's
 * CDT parent, caps coloured by type with badge and rights tags, runs of like siblings
 * as one stacked box ("64 × copy [95]–[158]"), deleted caps struck through until the
 * next step, the selection with its family outlined, and a legend. The view follows
 * the selected (or newest) cap and can fit the whole tree. Partners: render.c (calls
 * vis_draw_tree), layout.c (the nodes), place.c (the cells).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "draw.h"
#include "grow.h"

void vis_draw_tree(vis_ctx_t *c);

/* Tree geometry at scale 1 and zoom 1, in pixels: columns of boxes with a gap for the
 * edges between them. */
enum {
    NODE_W = VIS_TREE_NODE_W,
    ROW_H = VIS_TREE_ROW_H,
    BOX_H = VIS_TREE_BOX_H,
    COL_GAP = VIS_TREE_COL_GAP,
    PAD = 10,
    FOLLOW_MARGIN = 12
};

typedef struct tree_view {
    vis_ctx_t *c;
    vis_tree_t tree;
    SDL_Rect area; /* where nodes go: the pane below its title, above the legend */
    float unit;    /* pixels per layout pixel: scale times zoom */
    char *related; /* per node: 2 selected, 1 ancestor or descendant, 0 neither */
    int selected;  /* node index or -1 */
    vis_label_t *labels; /* per node: what text it gets at this zoom (layout.h) */
} tree_view_t;

static int by_key(const void *a, const void *b)
{
    uint32_t x = ((const vis_node_pos_t *)a)->key, y = ((const vis_node_pos_t *)b)->key;
    return x < y ? -1 : x > y;
}

static uint32_t node_key(const vis_node_t *n)
{
    return n->serial;
}

/* Layout position of node i in layout pixels (before pan, zoom and scale). */
static void target_of(const tree_view_t *v, size_t i, float *x, float *y)
{
    const vis_node_t *n = &v->tree.nodes[i];
    *x = (float)(n->depth * (NODE_W + COL_GAP));
    *y = (float)(n->row * ROW_H);
}

/*
 * Where each node is drawn: its layout position, or, in the live window, a step of the
 * way there from where it was last frame, so a row pushed down glides instead of jumping.
 */
static void place_nodes(tree_view_t *v, float *xs, float *ys)
{
    vis_ui_t *ui = v->c->ui;
    size_t n = v->tree.count;
    vis_node_pos_t *next = ui->animate ? malloc((n + 1) * sizeof(*next)) : NULL;
    for (size_t i = 0; i < n; i++) {
        target_of(v, i, &xs[i], &ys[i]);
        if (!next)
            continue;
        vis_node_pos_t key = {node_key(&v->tree.nodes[i]), 0, 0};
        const vis_node_pos_t *old =
            ui->positions ? bsearch(&key, ui->positions, ui->position_count, sizeof(key), by_key)
                          : NULL;
        if (old) {
            xs[i] = old->x + (xs[i] - old->x) * 0.3f;
            ys[i] = old->y + (ys[i] - old->y) * 0.3f;
        }
        next[i] = (vis_node_pos_t){key.key, xs[i], ys[i]};
    }
    if (!next)
        return;
    qsort(next, n, sizeof(*next), by_key);
    free(ui->positions);
    ui->positions = next;
    ui->position_count = ui->position_capacity = n;
}

/* The node the selection is in: the selected cap's (its own cell or its run's). */
static int selected_node(const tree_view_t *v)
{
    const vis_ui_t *ui = v->c->ui;
    uint32_t slot = ui->selected ? ui->selected : ui->selected_group;
    return slot ? vis_tree_node_of(&v->tree, v->c->m, slot) : -1;
}

/* Is node i below node `top` (through the current CDT parents)? */
static bool descends_from(const vis_tree_t *t, size_t i, int top)
{
    int hops = 0;
    for (int p = t->nodes[i].parent; p >= 0 && hops < 64; p = t->nodes[p].parent, hops++)
        if (p == top)
            return true;
    return false;
}

/* Marks the selected cap's node, its ancestors and its descendants. */
static void mark_related(tree_view_t *v)
{
    v->selected = selected_node(v);
    if (v->selected < 0)
        return;
    int hops = 0;
    for (int p = v->tree.nodes[v->selected].parent; p >= 0 && hops < 64;
         p = v->tree.nodes[p].parent, hops++)
        v->related[p] = 1;
    for (size_t i = 0; i < v->tree.count; i++)
        if (descends_from(&v->tree, i, v->selected))
            v->related[i] = 1;
    v->related[v->selected] = 2;
}

static SDL_Rect node_rect(const tree_view_t *v, float x, float y)
{
    const vis_ui_t *ui = v->c->ui;
    return (SDL_Rect){v->area.x + vis_px(v->c, PAD) + ui->pan_x + (int)(x * v->unit),
                      v->area.y + ui->pan_y + (int)(y * v->unit), (int)(NODE_W * v->unit),
                      (int)(BOX_H * v->unit)};
}

/* A line from the parent box's right end to the child box's left end. */
static void draw_edge(const tree_view_t *v, SDL_Rect parent, SDL_Rect child, bool strong)
{
    int t = strong ? (int)(3 * v->unit + 0.5f) : 1;
    t = t < 1 ? 1 : t;
    SDL_Color color = strong ? VIS_COLOR_SELECT : VIS_COLOR_BORDER;
    SDL_SetRenderDrawColor(v->c->r, color.r, color.g, color.b, color.a);
    int x0 = parent.x + parent.w, y0 = parent.y + parent.h / 2;
    int x1 = child.x, y1 = child.y + child.h / 2;
    int bend = x0 + (int)(COL_GAP * v->unit / 3);
    if (x1 <= x0) { /* a child handed to an ancestor in its own column or further right */
        x0 = parent.x + (int)(8 * v->unit), y0 = parent.y + parent.h;
        bend = x0;
    }
    for (int k = 0; k < t; k++) {
        SDL_RenderDrawLine(v->c->r, x0, y0 + k, bend, y0 + k);
        SDL_RenderDrawLine(v->c->r, bend, y0 + k, x1, y1 + k);
    }
}

/* The tags at a node's right end: slot name, rights, badge. Returns their left edge. */
static int draw_tags(const tree_view_t *v, const vis_node_t *n, SDL_Rect box, int px)
{
    vis_ctx_t *c = v->c;
    char text[64];
    int pad = (int)(6 * v->unit), right = box.x + box.w - pad;
    int tag_px = (int)(VIS_PX_SMALL * v->unit + 0.5f), least = vis_px(c, VIS_PX_SMALL);
    tag_px = tag_px < least ? least : tag_px; /* nothing under 14 px times the scale */
    int ty = box.y + (box.h - vis_line_height(c->f, VIS_FACE_SANS, px)) / 2;
    if (n->kind == VIS_NODE_GROUP) {
        char first[24], last[24];
        vis_slot_name(c->m, n->first_slot, first, sizeof(first));
        vis_slot_name(c->m, n->last_slot, last, sizeof(last));
        snprintf(text, sizeof(text), "%s–%s", first, last);
    } else if (n->kind == VIS_NODE_GHOST) {
        text[0] = '\0';
    } else {
        vis_slot_name(c->m, n->cap.slot, text, sizeof(text));
    }
    right -= vis_text_width(c->f, VIS_FACE_SANS, px, text);
    vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_MUTED, right, ty, text);
    uint32_t value;
    if (n->kind != VIS_NODE_GROUP && vis_cap_rights_of(&n->cap, &value)) {
        vis_rights_label(value, text, sizeof(text));
        right -= pad + vis_tag_width(c, tag_px, text);
        vis_tag(c, right, ty, tag_px, VIS_RGB(0x45, 0x50, 0x5A), VIS_RGB(0xFF, 0xFF, 0xFF), text);
    }
    if (n->kind != VIS_NODE_GROUP && vis_cap_badged(&n->cap, &value)) {
        snprintf(text, sizeof(text), "badge %u", value);
        right -= pad + vis_tag_width(c, tag_px, text);
        vis_tag(c, right, ty, tag_px, vis_type_color(vis_cap_type(n->cap.w0)),
                VIS_RGB(0xFF, 0xFF, 0xFF), text);
    }
    return right;
}

/* "64 × copy of endpoint e00a2000", "60 × device untyped 4 KiB", "deleted: frame ...". */
static void node_label(const tree_view_t *v, const vis_node_t *n, char *out, size_t len)
{
    char label[96];
    const vis_cell_t *cell = &v->c->m->place.cells[n->cell];
    vis_cap_label(v->c->m, &n->cap, label, sizeof(label));
    unsigned count = n->members + n->ghosts;
    /* Copies and mints name the same object as their parent: the count says enough. */
    bool derived = cell->cause == TRACE_CAUSE_COPY || cell->cause == TRACE_CAUSE_MINT;
    char run[64] = "";
    if (count > 1 && derived) {
        snprintf(run, sizeof(run), "%u × %s", count, vis_cause_name(cell->cause));
        label[0] = '\0';
    } else if (count > 1) { /* made one by one: the type (and device or not) is the run's */
        unsigned type = vis_cap_type(n->cap.w0);
        bool device = type == TRACE_CAP_UNTYPED && vis_untyped_device(n->cap.w1);
        snprintf(run, sizeof(run), "%u × %s%s", count, device ? "device " : "",
                 vis_cap_type_name(type));
        label[0] = '\0';
    }
    if (n->kind == VIS_NODE_GHOST)
        snprintf(out, len, "deleted: %s%s", run, label);
    else if (n->ghosts)
        snprintf(out, len, "%s%s (%u deleted)", run, label, n->ghosts);
    else
        snprintf(out, len, "%s%s", run, label);
}

/* An untyped's watermark as a thin bar along the bottom of its box. */
static void draw_watermark(const tree_view_t *v, const vis_node_t *n, SDL_Rect box)
{
    if (n->kind != VIS_NODE_CAP || vis_cap_type(n->cap.w0) != TRACE_CAP_UNTYPED)
        return;
    uint64_t size = vis_cap_object_bytes(&n->cap), used = vis_untyped_watermark(n->cap.w1);
    if (!used)
        return;
    int h = (int)(4 * v->unit) > 2 ? (int)(4 * v->unit) : 2;
    int w = (int)((double)(box.w - 2) * (double)used / (double)size);
    vis_fill(v->c, (SDL_Rect){box.x + 1, box.y + box.h - h - 1, w > 2 ? w : 2, h},
             vis_type_color(TRACE_CAP_UNTYPED));
}

static void draw_node_box(const tree_view_t *v, size_t i, SDL_Rect box)
{
    vis_ctx_t *c = v->c;
    const vis_node_t *n = &v->tree.nodes[i];
    unsigned type = vis_cap_type(n->cap.w0);
    float fresh = n->kind == VIS_NODE_CAP     ? vis_recency(c, n->cap.born)
                  : n->kind == VIS_NODE_GROUP ? vis_recency(c, n->newest)
                                              : 0;
    SDL_Color fill = vis_mix(vis_pastel(type), VIS_RGB(0xFF, 0xE0, 0x82), fresh);
    if (n->kind == VIS_NODE_GHOST)
        fill = VIS_RGB(0xFF, 0xEB, 0xEE);
    int off = (int)(4 * v->unit);
    if (n->unfolded) /* a bracket down the left: one of an unfolded run's caps */
        vis_fill(c, (SDL_Rect){box.x - (int)(5 * v->unit) - 2, box.y, (int)(2 * v->unit) + 1, box.h},
                 vis_type_color(type));
    if (n->kind == VIS_NODE_GROUP) /* a stack of cards: several caps in one row */
        vis_outline(c, (SDL_Rect){box.x + off, box.y - off, box.w, box.h}, 1, vis_type_color(type));
    if (fresh > 0) {
        int g = (int)(4 * v->unit) + 1;
        vis_fill(c, (SDL_Rect){box.x - g, box.y - g, box.w + 2 * g, box.h + 2 * g},
                 vis_mix(VIS_COLOR_PANE, VIS_COLOR_NEW, fresh));
    }
    vis_fill(c, box, fill);
    vis_fill(c, (SDL_Rect){box.x, box.y, (int)(6 * v->unit) + 1, box.h}, vis_type_color(type));
    if (n->kind == VIS_NODE_GHOST)
        vis_dashed(c, box, (int)(2 * v->unit) + 1, VIS_COLOR_GHOST);
    else if (v->related[i])
        vis_outline(c, box, v->related[i] == 2 ? (int)(3 * v->unit) + 1 : (int)(2 * v->unit),
                    VIS_COLOR_SELECT);
    else if (n->kind == VIS_NODE_CAP && n->cap.slot == c->ui->hover)
        vis_outline(c, box, (int)(2 * v->unit) + 1, VIS_COLOR_MUTED);
    else
        vis_outline(c, box, 1, vis_mix(vis_type_color(type), VIS_COLOR_TEXT, 0.2f));
    draw_watermark(v, n, box);
}

/* --layout-out: notes the text drawn at (x, y), w wide, on node i's box. */
static void record_label(tree_view_t *v, size_t i, SDL_Rect box, int x, int y, int w, int px,
                         bool full, const char *text)
{
    vis_ui_t *ui = v->c->ui;
    if (!ui->record_labels)
        return;
    const vis_node_t *n = &v->tree.nodes[i];
    SDL_Rect seen, drawn = {x, y, w, vis_line_height(v->c->f, VIS_FACE_SANS, px)};
    if (!SDL_IntersectRect(&drawn, &v->area, &seen))
        return; /* cut away by the pane's edge */
    vis_drawn_label_t l = {.kind = VIS_DRAWN_TREE, .rect = seen, .box = box, .px = px, .full = full,
                           .slot = n->kind == VIS_NODE_CAP ? n->cap.slot : n->first_slot};
    snprintf(l.text, sizeof(l.text), "%s", text);
    vis_record_label(ui, &l);
}

/* A short label at the smallest size, centred on the box: where the box is lower than
 * the text, on a backing of the box's colour as tall as the text, cut to the box's width. */
static void draw_short_label(tree_view_t *v, size_t i, SDL_Rect box)
{
    vis_ctx_t *c = v->c;
    const vis_node_t *n = &v->tree.nodes[i];
    int px = v->labels[i].px, line = vis_line_height(c->f, VIS_FACE_SANS, px);
    char text[96];
    vis_node_short_label(c->m, n, text, sizeof(text));
    int y = box.y + (box.h - line) / 2, x = box.x + (int)(8 * v->unit) + 2;
    if (line > box.h) {
        unsigned type = vis_cap_type(n->cap.w0);
        SDL_Color back = n->kind == VIS_NODE_GHOST ? VIS_RGB(0xFF, 0xEB, 0xEE) : vis_pastel(type);
        vis_fill(c, (SDL_Rect){box.x, y, box.w, line}, back);
        vis_fill(c, (SDL_Rect){box.x, y, (int)(6 * v->unit) + 2, line}, vis_type_color(type));
        if (v->related[i])
            vis_outline(c, (SDL_Rect){box.x, y, box.w, line}, v->related[i] == 2 ? 2 : 1,
                        VIS_COLOR_SELECT);
    }
    vis_face_t face = v->related[i] == 2 ? VIS_FACE_BOLD : VIS_FACE_SANS;
    int w = vis_text_fit(c->f, face, px, n->kind == VIS_NODE_GHOST ? VIS_COLOR_GHOST : VIS_COLOR_TEXT,
                         x, y, box.x + box.w - x - 2, text);
    record_label(v, i, box, x, y, w, px, false, text);
}

static void draw_node(tree_view_t *v, size_t i, SDL_Rect box)
{
    vis_ctx_t *c = v->c;
    const vis_node_t *n = &v->tree.nodes[i];
    draw_node_box(v, i, box);
    int px = v->labels[i].px;
    if (v->labels[i].kind == VIS_LABEL_SHORT)
        draw_short_label(v, i, box);
    else if (v->labels[i].kind == VIS_LABEL_FULL) {
        int tags = draw_tags(v, n, box, px);
        char label[256];
        node_label(v, n, label, sizeof(label));
        int x = box.x + (int)(12 * v->unit);
        int line = vis_line_height(c->f, VIS_FACE_SANS, px);
        int y = box.y + (box.h - line) / 2;
        vis_face_t face = v->related[i] == 2 ? VIS_FACE_BOLD : VIS_FACE_SANS;
        bool gone = n->kind == VIS_NODE_GHOST;
        int w = vis_text_fit(c->f, face, px, gone ? VIS_COLOR_GHOST : VIS_COLOR_TEXT, x, y,
                             tags - x - (int)(6 * v->unit), label);
        record_label(v, i, box, x, y, w, px, true, label);
        if (gone) /* struck through: deleted in this step */
            vis_fill(c, (SDL_Rect){x, y + line / 2, w, (int)(2 * v->unit) + 1}, VIS_COLOR_GHOST);
    }
    if (n->kind == VIS_NODE_CAP)
        vis_add_hit(c, box, VIS_HIT_CAP, n->cap.slot);
    else if (n->kind == VIS_NODE_GROUP)
        vis_add_hit(c, box, VIS_HIT_GROUP, n->first_slot);
}

/* The node of the cap under the mouse, or -1. */
static int hover_node(const tree_view_t *v)
{
    uint32_t slot = v->c->ui->hover;
    return slot ? vis_tree_node_of(&v->tree, v->c->m, slot) : -1;
}

static void draw_nodes(tree_view_t *v)
{
    size_t n = v->tree.count;
    float *xs = malloc((n + 1) * sizeof(float)), *ys = malloc((n + 1) * sizeof(float));
    if (!xs || !ys) {
        free(xs);
        free(ys);
        return;
    }
    place_nodes(v, xs, ys);
    int hover = hover_node(v);
    vis_tree_labels(&v->tree, v->c->s, v->c->ui->zoom, v->selected, hover, v->labels);
    for (size_t i = 0; i < n; i++) {
        int p = v->tree.nodes[i].parent;
        if (p >= 0)
            draw_edge(v, node_rect(v, xs[p], ys[p]), node_rect(v, xs[i], ys[i]),
                      v->related[i] && v->related[p]);
    }
    for (size_t i = 0; i < n; i++) {
        SDL_Rect box = node_rect(v, xs[i], ys[i]);
        if (box.y + box.h >= v->area.y && box.y <= v->area.y + v->area.h &&
            box.x + box.w >= v->area.x && box.x <= v->area.x + v->area.w)
            draw_node(v, i, box);
    }
    free(xs);
    free(ys);
}

/* The types present: the legend lists only those, so it stays short. */
static void types_present(const vis_model_t *m, bool present[16])
{
    memset(present, 0, 16 * sizeof(bool));
    for (size_t i = 0; i < m->cap_count; i++)
        present[vis_cap_type(m->caps[i].w0) & 15] = true;
}

/* A legend entry: a swatch (or a mark) and a name, wrapped onto a new line when the
 * pane is full. Draws only when draw is set; returns the x after it. */
static int legend_entry(vis_ctx_t *c, SDL_Rect pane, int x, int *y, int type, const char *name,
                        bool draw)
{
    int px = vis_px(c, VIS_PX_BODY), line = vis_line_height(c->f, VIS_FACE_SANS, px);
    int sq = vis_px(c, 12), w = sq + vis_px(c, 5) + vis_text_width(c->f, VIS_FACE_SANS, px, name);
    if (x + w > pane.x + pane.w - vis_px(c, 8)) {
        x = pane.x + vis_px(c, 12);
        *y += line + vis_px(c, 2);
    }
    if (draw) {
        SDL_Rect mark = {x, *y + (line - sq) / 2, sq, sq};
        if (type >= 0)
            vis_fill(c, mark, vis_type_color((unsigned)type));
        else if (type == -1)
            vis_fill(c, mark, VIS_COLOR_NEW);
        else
            vis_dashed(c, mark, 2, VIS_COLOR_GHOST);
        vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_TEXT, x + sq + vis_px(c, 5), *y, name);
    }
    return x + w + vis_px(c, 16);
}

/* The legend: every cap type present, plus the marks of new and deleted caps.
 * Returns its height; draws it with its top at y when draw is set. */
static int draw_legend(vis_ctx_t *c, SDL_Rect pane, int y, bool draw)
{
    bool present[16];
    types_present(c->m, present);
    int top = y, x = pane.x + vis_px(c, 12);
    int line = vis_line_height(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY));
    if (draw)
        vis_fill(c, (SDL_Rect){pane.x + 1, y - vis_px(c, 6), pane.w - 2, 1}, VIS_COLOR_BORDER);
    for (int t = 1; t <= TRACE_CAP_ASID_POOL; t++)
        if (present[t])
            x = legend_entry(c, pane, x, &y, t, vis_cap_type_name((unsigned)t), draw);
    x = legend_entry(c, pane, x, &y, -1, "new", draw);
    legend_entry(c, pane, x, &y, -2, "deleted", draw);
    return y + line - top;
}

/* The box of node i where it is drawn now (the pan applied). */
static SDL_Rect box_of(const tree_view_t *v, size_t i)
{
    float x, y;
    target_of(v, i, &x, &y);
    return node_rect(v, x, y);
}

/* The node the view keeps in sight: the selection's, else the newest cap's. */
static int followed_node(const tree_view_t *v)
{
    if (v->selected >= 0)
        return v->selected;
    int k = -1;
    for (size_t i = 0; i < v->tree.count; i++) {
        const vis_node_t *n = &v->tree.nodes[i];
        if (n->kind != VIS_NODE_GHOST && (k < 0 || n->newest >= v->tree.nodes[k].newest))
            k = (int)i;
    }
    return k;
}

/* Zoom and pan so the whole tree fits (down to 10%: the labels keep their size,
 * vis_tree_labels picks which boxes have one). */
static void fit_to_pane(tree_view_t *v)
{
    vis_ui_t *ui = v->c->ui;
    float w = (float)((v->tree.max_depth + 1) * (NODE_W + COL_GAP)) + PAD;
    float h = (float)(v->tree.rows * ROW_H) + ROW_H;
    float unit = (float)v->area.w / w, tall = (float)v->area.h / h;
    unit = tall < unit ? tall : unit;
    float zoom = unit / v->c->s;
    ui->zoom = zoom > 1.0f ? 1.0f : zoom < 0.1f ? 0.1f : zoom;
    ui->pan_x = ui->pan_y = 0;
    v->unit = v->c->s * ui->zoom;
}

/* Pans (the least it takes) so node k's box is inside the tree area; a box wider
 * than the area keeps its left end in sight. */
static void follow(tree_view_t *v, int k)
{
    vis_ui_t *ui = v->c->ui;
    int margin = vis_px(v->c, FOLLOW_MARGIN);
    SDL_Rect b = box_of(v, (size_t)k), a = v->area;
    if (b.x + b.w > a.x + a.w - margin)
        ui->pan_x -= b.x + b.w - (a.x + a.w - margin);
    b = box_of(v, (size_t)k);
    if (b.x < a.x + margin)
        ui->pan_x += a.x + margin - b.x;
    b = box_of(v, (size_t)k);
    if (b.y + b.h > a.y + a.h - margin)
        ui->pan_y -= b.y + b.h - (a.y + a.h - margin);
    b = box_of(v, (size_t)k);
    if (b.y < a.y + margin)
        ui->pan_y += a.y + margin - b.y;
}

/* Fit and follow, then note where the selection is drawn (tests read it). */
static void aim_view(tree_view_t *v)
{
    vis_ui_t *ui = v->c->ui;
    if (ui->fit_tree) {
        fit_to_pane(v);
        ui->fit_tree = false;
    }
    int k = followed_node(v);
    if (ui->follow && k >= 0)
        follow(v, k);
    ui->tree_area = v->area;
    ui->selected_box = v->selected >= 0 ? box_of(v, (size_t)v->selected) : (SDL_Rect){0, 0, 0, 0};
    ui->followed_box = k >= 0 ? box_of(v, (size_t)k) : (SDL_Rect){0, 0, 0, 0};
}

void vis_draw_tree(vis_ctx_t *c)
{
    SDL_Rect pane = c->panes.tree;
    char title[96];
    snprintf(title, sizeof(title), "capability derivation tree   (%zu caps, zoom %d%%)",
             c->m->cap_count, (int)(c->ui->zoom * 100 + 0.5f));
    int top = vis_begin_pane(c, pane, title);
    int legend = draw_legend(c, pane, 0, false) + vis_px(c, 16);
    tree_view_t v = {.c = c, .unit = c->s * c->ui->zoom};
    v.area = (SDL_Rect){pane.x, top + vis_px(c, 4), pane.w,
                        pane.y + pane.h - legend - top - vis_px(c, 8)};
    vis_add_hit(c, v.area, VIS_HIT_TREE, 0);
    vis_tree_build(&v.tree, c->m);
    v.related = calloc(v.tree.count + 1, 1);
    v.labels = malloc((v.tree.count + 1) * sizeof(*v.labels));
    if (v.related && v.labels) {
        mark_related(&v);
        aim_view(&v);
        SDL_Rect clip = v.area;
        SDL_RenderSetClipRect(c->r, &clip);
        SDL_Rect saved = c->clip;
        c->clip = clip;
        draw_nodes(&v);
        c->clip = saved;
        SDL_RenderSetClipRect(c->r, &c->clip);
    }
    if (!v.tree.count)
        vis_text(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY), VIS_COLOR_MUTED,
                 v.area.x + vis_px(c, 12), v.area.y + vis_px(c, 8),
                 "No capabilities yet: the kernel has not made any (press space to run).");
    draw_legend(c, pane, pane.y + pane.h - legend + vis_px(c, 8), true);
    free(v.related);
    free(v.labels);
    vis_tree_free(&v.tree);
    vis_end_pane(c);
}

/*
 * visualizer/render_tree.c - the capability derivation tree pane: one row per cap in
 * the outline layout of layout.c, edges from parent to child, each cap coloured by
 * type with its badge and rights as tags, new caps glowing and fading in, deleted
 * ones flashing red, the selection with its ancestors and descendants outlined, and
 * a legend of the types present. Partners: render.c (calls vis_draw_tree), layout.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "draw.h"

void vis_draw_tree(vis_ctx_t *c);

/* Tree geometry at scale 1 and zoom 1, in pixels. */
enum {
    NODE_W = 400,
    ROW_H = 32,
    BOX_H = 26,
    INDENT = 26,
    BLOCK_GAP = 28,
    PAD = 10
};

typedef struct tree_view {
    vis_ctx_t *c;
    vis_tree_t tree;
    SDL_Rect area; /* where nodes go: the pane below its title, above the legend */
    float unit;    /* pixels per layout pixel: scale times zoom */
    int block_w;   /* layout pixels */
    char *related; /* per node: 2 selected, 1 ancestor or descendant, 0 neither */
    int selected;  /* node index or -1 */
} tree_view_t;

static int by_key(const void *a, const void *b)
{
    uint32_t x = ((const vis_node_pos_t *)a)->key, y = ((const vis_node_pos_t *)b)->key;
    return x < y ? -1 : x > y;
}

static uint32_t node_key(const vis_node_t *n)
{
    return n->cap.slot | (uint32_t)n->kind;
}

/* Layout position of node i in layout pixels (before pan, zoom and scale). */
static void target_of(const tree_view_t *v, size_t i, float *x, float *y)
{
    const vis_node_t *n = &v->tree.nodes[i];
    *x = (float)(n->block * v->block_w + n->depth * INDENT);
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

/* Marks the selected cap's node, its ancestors and its descendants. */
static void mark_related(tree_view_t *v)
{
    const vis_ui_t *ui = v->c->ui;
    v->selected = -1;
    for (size_t i = 0; i < v->tree.count; i++) {
        const vis_node_t *n = &v->tree.nodes[i];
        if ((n->kind == VIS_NODE_CAP && ui->selected && n->cap.slot == ui->selected) ||
            (n->kind == VIS_NODE_GROUP && ui->selected_group && n->cap.slot == ui->selected_group))
            v->selected = (int)i;
    }
    if (v->selected < 0)
        return;
    for (int p = v->tree.nodes[v->selected].parent; p >= 0; p = v->tree.nodes[p].parent)
        v->related[p] = 1;
    int depth = v->tree.nodes[v->selected].depth;
    for (size_t i = (size_t)v->selected + 1; i < v->tree.count && v->tree.nodes[i].depth > depth;
         i++)
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

/* The elbow from a parent's box down and across to a child's box. */
static void draw_edge(const tree_view_t *v, SDL_Rect parent, SDL_Rect child, bool strong)
{
    int t = strong ? (int)(3 * v->unit + 0.5f) : 1;
    if (t < 1)
        t = 1;
    SDL_Color color = strong ? VIS_COLOR_SELECT : VIS_COLOR_BORDER;
    int x = parent.x + (int)(INDENT * v->unit / 2), mid = child.y + child.h / 2;
    vis_fill(v->c, (SDL_Rect){x, parent.y + parent.h, t, mid - parent.y - parent.h + t}, color);
    vis_fill(v->c, (SDL_Rect){x, mid, child.x - x, t}, color);
}

/* The tags at a node's right end: slot name, rights, badge. Returns their left edge. */
static int draw_tags(const tree_view_t *v, const vis_node_t *n, SDL_Rect box, int px)
{
    vis_ctx_t *c = v->c;
    char text[64];
    int pad = (int)(6 * v->unit), right = box.x + box.w - pad;
    int tag_px = (int)(VIS_PX_SMALL * v->unit + 0.5f);
    int ty = box.y + (box.h - vis_line_height(c->f, VIS_FACE_SANS, px)) / 2;
    if (n->kind == VIS_NODE_GROUP) {
        char first[24], last[24];
        vis_slot_name(c->m, n->cap.slot, first, sizeof(first));
        vis_slot_name(c->m, n->last_slot, last, sizeof(last));
        snprintf(text, sizeof(text), "%s–%s", first, last);
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

static void node_label(const tree_view_t *v, const vis_node_t *n, char *out, size_t len)
{
    char label[96];
    unsigned type = vis_cap_type(n->cap.w0);
    if (n->kind == VIS_NODE_GROUP) {
        bool device = type == TRACE_CAP_UNTYPED && vis_untyped_device(n->cap.w1);
        snprintf(out, len, "%u × %s%s, no children", n->members, device ? "device " : "",
                 vis_cap_type_name(type));
        return;
    }
    vis_cap_label(v->c->m, &n->cap, label, sizeof(label));
    snprintf(out, len, "%s%s", n->kind == VIS_NODE_GHOST ? "deleted: " : "", label);
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

/* Ghosts blink in the window; in a screenshot they are simply shown. */
static bool ghost_visible(const tree_view_t *v, const vis_node_t *n)
{
    const vis_ui_t *ui = v->c->ui;
    return n->kind != VIS_NODE_GHOST || !ui->event_ms || (ui->now_ms / 250) % 2 == 0 ||
           vis_recency(v->c, n->died) <= 0.5f;
}

static void draw_node(tree_view_t *v, size_t i, SDL_Rect box)
{
    vis_ctx_t *c = v->c;
    const vis_node_t *n = &v->tree.nodes[i];
    if (!ghost_visible(v, n))
        return;
    draw_node_box(v, i, box);
    int px = (int)(VIS_PX_BODY * v->unit + 0.5f);
    if (px >= 7) {
        int tags = draw_tags(v, n, box, px);
        char label[128];
        node_label(v, n, label, sizeof(label));
        int x = box.x + (int)(12 * v->unit);
        int y = box.y + (box.h - vis_line_height(c->f, VIS_FACE_SANS, px)) / 2;
        vis_face_t face = v->related[i] == 2 ? VIS_FACE_BOLD : VIS_FACE_SANS;
        vis_text_fit(c->f, face, px, n->kind == VIS_NODE_GHOST ? VIS_COLOR_GHOST : VIS_COLOR_TEXT,
                     x, y, tags - x - (int)(6 * v->unit), label);
    }
    if (n->kind == VIS_NODE_CAP)
        vis_add_hit(c, box, VIS_HIT_CAP, n->cap.slot);
    else if (n->kind == VIS_NODE_GROUP)
        vis_add_hit(c, box, VIS_HIT_GROUP, n->cap.slot);
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

static void tree_params(vis_ctx_t *c, const tree_view_t *v, vis_tree_params_t *p)
{
    uint32_t recent = c->recent_from;
    *p = (vis_tree_params_t){
        .rows_per_block = v->area.h / vis_px(c, ROW_H),
        .expand_groups = c->ui->expand_groups,
        .keep_slot = c->ui->selected,
        .ghosts_from = recent,
    };
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
    vis_tree_params_t params;
    tree_params(c, &v, &params);
    vis_tree_build(&v.tree, c->m, &params);
    v.block_w = NODE_W + v.tree.max_depth * INDENT + BLOCK_GAP;
    v.related = calloc(v.tree.count + 1, 1);
    if (v.related) {
        mark_related(&v);
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
    vis_tree_free(&v.tree);
    vis_end_pane(c);
}

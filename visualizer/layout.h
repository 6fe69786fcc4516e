/*
 * visualizer/layout.h - where things go: the window's panes (the fixed layout of
 * docs/visualizer.md, recomputed for any window size and text scale) and the tree's
 * nodes, read from the stable placement of place.h (a column per CDT depth, a cell
 * per cap or run of like caps). No drawing here.
 * Partners: layout.c, render.c (panes), render_tree.c (the tree).
 */
#ifndef VIS_LAYOUT_H
#define VIS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL2/SDL_rect.h>

#include "model.h"

/* The window's panes, in window pixels. */
typedef struct vis_panes {
    SDL_Rect toolbar, tree, details, tabs, timeline, console, code;
} vis_panes_t;

void vis_layout_panes(int width, int height, float scale, vis_panes_t *p);
/* The IPC tab's sequence chart and the VSpace tab's list need height: the tab pane
 * takes the details pane's place as well (details.h becomes 0). */
void vis_layout_tall_tabs(vis_panes_t *p);

typedef enum vis_node_kind {
    VIS_NODE_CAP,
    VIS_NODE_GHOST, /* a cap deleted in this step, struck through where it was */
    VIS_NODE_GROUP, /* a run of like sibling caps sharing one cell ("64 × copy") */
} vis_node_kind_t;

/* One drawn box: a cell of the placement (place.h). */
typedef struct vis_node {
    vis_node_kind_t kind;
    vis_cap_t cap;       /* the cap; a group's first member; a ghost's last words */
    int cell;            /* its cell in m->place */
    uint32_t serial;     /* the cell's placement serial (stable identity) */
    uint32_t died;       /* ghosts: the event that removed it */
    uint32_t first_slot; /* groups: the lowest and highest member slots */
    uint32_t last_slot;
    unsigned members;    /* live caps in the cell */
    unsigned ghosts;     /* caps of the cell deleted in this step */
    uint32_t newest;     /* the latest event that put a cap here */
    int parent;          /* index of the parent node (its current CDT parent), -1 for none */
    int depth, row;      /* the cell's column and row: they never change */
    bool unfolded;       /* in a run unfolded in the tree (its first cap, or a member) */
} vis_node_t;

typedef struct vis_tree {
    vis_node_t *nodes;
    size_t count, capacity;
    int rows;      /* rows the grid has used */
    int max_depth; /* deepest column */
} vis_tree_t;

/* The tree's geometry at scale 1 and zoom 1, in pixels: columns of boxes NODE_W wide
 * with a gap for the edges, a row every ROW_H pixels holding a box BOX_H high. */
enum {
    VIS_TREE_NODE_W = 300,
    VIS_TREE_ROW_H = 32,
    VIS_TREE_BOX_H = 26,
    VIS_TREE_COL_GAP = 32,
};

/*
 * One node per used cell of the model's placement, in cell order. Positions come
 * from the placement, so adding or removing a cap never moves another's box.
 */
void vis_tree_build(vis_tree_t *t, const vis_model_t *m);
void vis_tree_free(vis_tree_t *t);
/* The node showing the cap in `slot` (its own cell, or the run it is in), or -1. */
int vis_tree_node_of(const vis_tree_t *t, const vis_model_t *m, uint32_t slot);

/*
 * The text on each box at a zoom. At a zoom where the body text (15 px at scale 1)
 * stays at least 14 px, every box has its full label (its tags and what it is). Below
 * that no text shrinks: a short label ("[158]", "64× [95–158]") is drawn at the
 * smallest size, 14 px times the scale, centred on its box (on a backing as tall as
 * the text where the box is lower) and cut to the box's width. A box gets one only
 * where it overlaps no other label in its column: the selected and the hovered box
 * first, then runs, then the other boxes from the top. VIS_LABEL_LINE is the height
 * a label takes, in hundredths of its pixel size (DejaVu Sans' line).
 */
typedef enum vis_label_kind {
    VIS_LABEL_NONE,  /* no text: it would overlap a label above or below */
    VIS_LABEL_FULL,  /* the full label and tags, at the body size times scale and zoom */
    VIS_LABEL_SHORT, /* the index or range only, at 14 px times the scale */
} vis_label_kind_t;

#define VIS_LABEL_LINE 117

typedef struct vis_label {
    vis_label_kind_t kind;
    int px; /* text size in pixels */
} vis_label_t;

/* Fills labels[i] for each node of t; `selected` and `hover` are node indices or -1. */
void vis_tree_labels(const vis_tree_t *t, float scale, float zoom, int selected, int hover,
                     vis_label_t *labels);
/* The short label: "[158]", "64× [95–158]" (a range in one CNode), "deleted". */
void vis_node_short_label(const vis_model_t *m, const vis_node_t *n, char *out, size_t len);

#endif

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
} vis_node_t;

typedef struct vis_tree {
    vis_node_t *nodes;
    size_t count, capacity;
    int rows;      /* rows the grid has used */
    int max_depth; /* deepest column */
} vis_tree_t;

/*
 * One node per used cell of the model's placement, in cell order. Positions come
 * from the placement, so adding or removing a cap never moves another's box.
 */
void vis_tree_build(vis_tree_t *t, const vis_model_t *m);
void vis_tree_free(vis_tree_t *t);
/* The node showing the cap in `slot` (its own cell, or the run it is in), or -1. */
int vis_tree_node_of(const vis_tree_t *t, const vis_model_t *m, uint32_t slot);

#endif

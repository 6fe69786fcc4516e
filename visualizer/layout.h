/*
 * visualizer/layout.h - where things go: the window's panes (the fixed layout of
 * docs/visualizer.md, recomputed for any window size and text scale) and the tree's
 * tidy layout (an outline: one row per cap, children indented under their parent,
 * root subtrees flowing into column blocks like a newspaper). No drawing here.
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
    VIS_NODE_GHOST, /* a cap deleted a moment ago, shown where it was */
    VIS_NODE_GROUP, /* a run of childless sibling caps of one type, folded into a row */
} vis_node_kind_t;

typedef struct vis_node {
    vis_node_kind_t kind;
    vis_cap_t cap;      /* the cap; a group's first member */
    uint32_t died;      /* ghosts: the event that removed it */
    uint32_t last_slot; /* groups: the last member's slot */
    unsigned members;   /* groups: how many caps */
    uint32_t newest;    /* groups: the latest event that put one of them in place */
    int parent;         /* index of the parent node, -1 for a root */
    int depth;
    int block, row; /* column block, and row within it */
} vis_node_t;

typedef struct vis_tree {
    vis_node_t *nodes;
    size_t count, capacity;
    int blocks;    /* column blocks used */
    int max_depth; /* deepest node, for the block width */
} vis_tree_t;

typedef struct vis_tree_params {
    int rows_per_block;   /* rows that fit the pane; a taller subtree overflows */
    bool expand_groups;   /* never fold runs */
    uint32_t keep_slot;   /* never folded (the selection), 0 for none */
    uint32_t ghosts_from; /* ghosts that died at or after this event are shown */
} vis_tree_params_t;

/* Runs shorter than this stay unfolded: folding two rows into one saves little. */
#define VIS_GROUP_MIN 3

/*
 * Lays out every cap of the model: roots are caps with no parent (or whose parent
 * is not in the model), in slot order; children in slot order. The same model and
 * parameters always give the same layout, and adding a cap only inserts its row
 * (or grows a folded run). Only roots fold: below them every cap is something a
 * program made, and siblings differ in what matters (badges, rights).
 */
void vis_tree_build(vis_tree_t *t, const vis_model_t *m, const vis_tree_params_t *p);
void vis_tree_free(vis_tree_t *t);

#endif

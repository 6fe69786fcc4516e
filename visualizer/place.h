/*
 * visualizer/place.h - where each cap sits in the derivation tree, decided once, when
 * the cap appears, and kept while it lives: a grid of cells, one column per CDT depth,
 * a new cap taking the first free row at or below its parent's. A run of siblings of
 * one kind (same parent, type, cause and badge) shares one cell ("64 × copy"). Nothing
 * already placed moves when a cap is added or removed; a deleted cap keeps its cell,
 * struck through, until the next kernel entry. Fed every event by model.c, so going
 * back (a replay) places everything exactly as it was.
 * Partners: place.c, model.c (feeds it), render_tree.c (draws the cells),
 * tests/sim/test_vis_place.c.
 */
#ifndef VIS_PLACE_H
#define VIS_PLACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One cell of the grid: a cap, or a folded run of like siblings. */
typedef struct vis_cell {
    bool used;          /* false: free for a new cap */
    unsigned members;   /* live caps in the cell */
    unsigned ghosts;    /* deleted caps still shown (until the next kernel entry) */
    uint32_t w0, w1;    /* the first member's cap words (a run shares type and badge) */
    uint32_t cause;     /* what made the first member (TRACE_CAUSE_*) */
    int parent;         /* the parent's cell when placed, -1 for a root */
    int depth, row;     /* column and row: fixed for the cell's life */
    uint32_t born;      /* event that placed the cell */
    uint32_t changed;   /* latest event that put a member here */
    uint32_t died;      /* event that deleted its last member (ghost cells) */
    bool closed;        /* a member has children: no more members join */
    uint32_t serial;    /* placement order, for tests: a cell reused gets a new one */
    bool open;          /* a run unfolded in the tree: its members have cells of their own */
    int run_of;         /* a member unfolded out of run cell `run_of`; -1 otherwise */
} vis_cell_t;

/* An unfolded run, named by its cell's birth (event and column), which a replay of
 * the same events gives again: going back keeps it unfolded. */
typedef struct vis_open_run {
    uint32_t born;
    int depth;
} vis_open_run_t;

/* Which cell a slot's cap is in; kept sorted by slot. */
typedef struct vis_slot_cell {
    uint32_t slot;
    int cell;
} vis_slot_cell_t;

typedef struct vis_place {
    vis_cell_t *cells;
    size_t cell_count, cell_cap;
    vis_slot_cell_t *map;
    size_t map_count, map_cap;
    int **grid; /* grid[depth][row]: a cell index, or -1 */
    int *grid_rows;
    int depths;   /* columns with a grid */
    int rows;     /* one more than the lowest row ever used */
    int max_depth;
    uint32_t serials;
    vis_open_run_t *open; /* runs unfolded in the tree */
    size_t open_count, open_cap;
} vis_place_t;

void vis_place_init(vis_place_t *p);
void vis_place_free(vis_place_t *p);

/* A cap entered `slot` with CDT parent `parent` (0: none; its cap words given, for
 * the parent's own cell if it leaves a run) at event `event`. */
void vis_place_insert(vis_place_t *p, uint32_t slot, uint32_t w0, uint32_t w1, uint32_t parent,
                      uint32_t parent_w0, uint32_t parent_w1, uint32_t cause, uint32_t event);
/* The cap in `slot` was deleted: its cell keeps it as a ghost. */
void vis_place_delete(vis_place_t *p, uint32_t slot, uint32_t event);
/* The cap moved (its cell goes with it); a swap is two of these through a spare key. */
void vis_place_move(vis_place_t *p, uint32_t from, uint32_t to);
void vis_place_swap(vis_place_t *p, uint32_t a, uint32_t b);
/* A kernel entry: the step is over, ghosts go and their cells become free. */
void vis_place_new_step(vis_place_t *p);

/*
 * Unfolding a run (a click in the tree): its first member (lowest slot) stays in the
 * run's cell, each other member takes a cell of its own at the first free row at or
 * below the run's, in the same column, so nothing already placed moves. While it is
 * open, like siblings made later get cells of their own too. Folding puts the members
 * that have no children back into the run's cell and frees their cells; a member
 * with children keeps its own, as a run member does when it gets a child. Both
 * return false when `cell` is not a run (unfold) or not an open run (fold).
 * `event`: the events applied so far (the new cells' birth).
 */
bool vis_place_unfold(vis_place_t *p, int cell, uint32_t event);
bool vis_place_fold(vis_place_t *p, int cell);
/* The run a cell belongs to: the open run it was unfolded from, itself for a run
 * (folded or open), -1 for a cap of its own. */
int vis_place_run_of(const vis_place_t *p, int cell);
/* The run cell placed at event `born` in column `depth` (not a member of another), or -1. */
int vis_place_find_run(const vis_place_t *p, uint32_t born, int depth);
/* Going back replays into a fresh placement: it takes the list of open runs first. */
void vis_place_copy_open(vis_place_t *to, const vis_place_t *from);

/* The cell of the cap in `slot`, or -1. */
int vis_place_cell_of(const vis_place_t *p, uint32_t slot);
/* The slots whose caps are in `cell`, in slot order; returns how many (stores up to max). */
size_t vis_place_members(const vis_place_t *p, int cell, uint32_t *out, size_t max);

#endif

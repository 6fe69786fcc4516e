/*
 * visualizer/place.c - the tree's stable placement: cells in a grid of depth columns,
 * given once and kept (place.h says why). A new cap joins the cell of the sibling
 * placed just before it when they are alike and that cell has no children; otherwise
 * it takes the first free row at or below its parent's row, one column to the right.
 * A cap that gets a child while it shares a cell leaves it for a cell of its own (the
 * run's cell stays where it is). Partners: place.h, model.c.
 */
#include "place.h"

#include <stdlib.h>
#include <string.h>

#include "../trace/cap_words.h"
#include "../trace/format.h"
#include "grow.h"

void vis_place_init(vis_place_t *p)
{
    memset(p, 0, sizeof(*p));
}

void vis_place_free(vis_place_t *p)
{
    for (int d = 0; d < p->depths; d++)
        free(p->grid[d]);
    free(p->grid);
    free(p->grid_rows);
    free(p->cells);
    free(p->map);
    free(p->open);
    memset(p, 0, sizeof(*p));
}

/* ---- the slot map ------------------------------------------------------------------ */

static size_t map_index(const vis_place_t *p, uint32_t slot)
{
    size_t lo = 0, hi = p->map_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->map[mid].slot < slot)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int vis_place_cell_of(const vis_place_t *p, uint32_t slot)
{
    size_t i = map_index(p, slot);
    return i < p->map_count && p->map[i].slot == slot ? p->map[i].cell : -1;
}

static void map_set(vis_place_t *p, uint32_t slot, int cell)
{
    size_t i = map_index(p, slot);
    if (i < p->map_count && p->map[i].slot == slot) {
        p->map[i].cell = cell;
        return;
    }
    p->map = vis_grow(p->map, &p->map_cap, p->map_count, sizeof(*p->map));
    memmove(&p->map[i + 1], &p->map[i], (p->map_count - i) * sizeof(*p->map));
    p->map[i] = (vis_slot_cell_t){slot, cell};
    p->map_count++;
}

/* Removes slot from the map; returns its cell or -1. */
static int map_remove(vis_place_t *p, uint32_t slot)
{
    size_t i = map_index(p, slot);
    if (i >= p->map_count || p->map[i].slot != slot)
        return -1;
    int cell = p->map[i].cell;
    memmove(&p->map[i], &p->map[i + 1], (p->map_count - i - 1) * sizeof(*p->map));
    p->map_count--;
    return cell;
}

size_t vis_place_members(const vis_place_t *p, int cell, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < p->map_count; i++)
        if (p->map[i].cell == cell) {
            if (n < max)
                out[n] = p->map[i].slot;
            n++;
        }
    return n;
}

/* ---- the grid ---------------------------------------------------------------------- */

/* Makes grid[depth][row] exist (as -1 until set). */
static void grid_reach(vis_place_t *p, int depth, int row)
{
    if (depth >= p->depths) {
        p->grid = realloc(p->grid, (size_t)(depth + 1) * sizeof(*p->grid));
        p->grid_rows = realloc(p->grid_rows, (size_t)(depth + 1) * sizeof(*p->grid_rows));
        for (int d = p->depths; d <= depth; d++) {
            p->grid[d] = NULL;
            p->grid_rows[d] = 0;
        }
        p->depths = depth + 1;
    }
    if (row >= p->grid_rows[depth]) {
        int n = p->grid_rows[depth] ? p->grid_rows[depth] : 64;
        while (n <= row)
            n *= 2;
        p->grid[depth] = realloc(p->grid[depth], (size_t)n * sizeof(int));
        for (int r = p->grid_rows[depth]; r < n; r++)
            p->grid[depth][r] = -1;
        p->grid_rows[depth] = n;
    }
}

static int first_free_row(vis_place_t *p, int depth, int from)
{
    int r = from;
    for (;; r++) {
        grid_reach(p, depth, r);
        if (p->grid[depth][r] < 0)
            return r;
    }
}

/* A new cell at the first free row at or below `from` in column `depth`. */
static int new_cell(vis_place_t *p, int depth, int from, int parent, uint32_t w0, uint32_t w1,
                    uint32_t cause, uint32_t event)
{
    int index = -1;
    for (size_t i = 0; i < p->cell_count; i++)
        if (!p->cells[i].used) {
            index = (int)i;
            break;
        }
    if (index < 0) {
        p->cells = vis_grow(p->cells, &p->cell_cap, p->cell_count, sizeof(*p->cells));
        index = (int)p->cell_count++;
    }
    int row = first_free_row(p, depth, from);
    p->grid[depth][row] = index;
    p->cells[index] = (vis_cell_t){.used = true, .w0 = w0, .w1 = w1, .cause = cause,
                                   .parent = parent, .depth = depth, .row = row,
                                   .born = event, .changed = event, .serial = ++p->serials,
                                   .run_of = -1};
    if (row >= p->rows)
        p->rows = row + 1;
    if (depth > p->max_depth)
        p->max_depth = depth;
    return index;
}

/* ---- runs -------------------------------------------------------------------------- */

/* Where (born, depth) is in the list of unfolded runs, or -1. */
static int open_index(const vis_place_t *p, uint32_t born, int depth)
{
    for (size_t i = 0; i < p->open_count; i++)
        if (p->open[i].born == born && p->open[i].depth == depth)
            return (int)i;
    return -1;
}

/* May caps of this kind share a cell? Not threads and CNodes: each is its own story. */
static bool runs_allowed(uint32_t w0)
{
    unsigned type = capw_type(w0);
    return type != TRACE_CAP_THREAD && type != TRACE_CAP_CNODE && type != TRACE_CAP_NULL &&
           type != TRACE_CAP_ZOMBIE;
}

/* Are two caps alike enough to share a run: one type, and for endpoints and
 * notifications the same badge and rights; untyped both device memory or both not. */
static bool alike(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    unsigned type = capw_type(a0);
    if (type != capw_type(b0))
        return false;
    switch (type) {
    case TRACE_CAP_ENDPOINT:
    case TRACE_CAP_NOTIFICATION: return a1 == b1;
    case TRACE_CAP_UNTYPED:
        return capw_untyped_device(a1) == capw_untyped_device(b1);
    default: return true;
    }
}

/* The cell the newest sibling under `parent` (-1: the roots) went into, if a new cap
 * like (w0, w1) made by `cause` may join it. When that sibling is in an unfolded run,
 * the new cap joins nothing: *open_run names the run, whose member it becomes. */
static int run_to_join(const vis_place_t *p, int parent, int depth, uint32_t w0, uint32_t w1,
                       uint32_t cause, int *open_run)
{
    int best = -1;
    uint32_t newest = 0;
    *open_run = -1;
    if (!runs_allowed(w0) || depth >= p->depths)
        return -1;
    for (size_t i = 0; i < p->cell_count; i++) {
        const vis_cell_t *c = &p->cells[i];
        if (c->used && c->parent == parent && c->depth == depth &&
            (best < 0 || c->changed >= newest)) {
            best = (int)i;
            newest = c->changed;
        }
    }
    if (best < 0)
        return -1;
    const vis_cell_t *c = &p->cells[best];
    bool ok = c->members > 0 && !c->ghosts && !c->closed && c->cause == cause &&
              alike(c->w0, c->w1, w0, w1);
    if (ok && (c->open || c->run_of >= 0)) {
        *open_run = c->open ? best : c->run_of;
        return -1;
    }
    return ok ? best : -1;
}

/* The parent's cap is getting a child: if it shares a cell, it moves to one of its own
 * (the run stays put). Returns the parent's cell. */
static int give_own_cell(vis_place_t *p, uint32_t slot, uint32_t w0, uint32_t w1, uint32_t event)
{
    int cell = vis_place_cell_of(p, slot);
    if (cell < 0 || p->cells[cell].members < 2) {
        if (cell >= 0)
            p->cells[cell].closed = true;
        return cell;
    }
    vis_cell_t *run = &p->cells[cell];
    run->members--;
    int own = new_cell(p, run->depth, run->row + 1, run->parent, w0, w1, run->cause, event);
    p->cells[own].members = 1;
    p->cells[own].closed = true;
    map_set(p, slot, own);
    return own;
}

void vis_place_insert(vis_place_t *p, uint32_t slot, uint32_t w0, uint32_t w1, uint32_t parent,
                      uint32_t parent_w0, uint32_t parent_w1, uint32_t cause, uint32_t event)
{
    int old = map_remove(p, slot); /* a cap written over another: the old one is gone */
    if (old >= 0 && p->cells[old].members)
        p->cells[old].members--;
    int up = parent ? give_own_cell(p, parent, parent_w0, parent_w1, event) : -1;
    int depth = up >= 0 ? p->cells[up].depth + 1 : 0;
    int from = up >= 0 ? p->cells[up].row : 0;
    int open_run;
    int cell = run_to_join(p, up, depth, w0, w1, cause, &open_run);
    if (cell < 0) {
        cell = new_cell(p, depth, from, up, w0, w1, cause, event);
        if (open_run >= 0)
            p->cells[cell].run_of = open_run;
        else if (open_index(p, event, depth) >= 0)
            p->cells[cell].open = true; /* replayed: this run was unfolded */
    }
    p->cells[cell].members++;
    p->cells[cell].changed = event;
    map_set(p, slot, cell);
}

void vis_place_delete(vis_place_t *p, uint32_t slot, uint32_t event)
{
    int cell = map_remove(p, slot);
    if (cell < 0)
        return;
    vis_cell_t *c = &p->cells[cell];
    if (c->members)
        c->members--;
    c->ghosts++;
    c->died = event;
}

void vis_place_move(vis_place_t *p, uint32_t from, uint32_t to)
{
    int cell = map_remove(p, from);
    if (cell >= 0)
        map_set(p, to, cell);
}

void vis_place_swap(vis_place_t *p, uint32_t a, uint32_t b)
{
    int ca = map_remove(p, a), cb = map_remove(p, b);
    if (ca >= 0)
        map_set(p, b, ca);
    if (cb >= 0)
        map_set(p, a, cb);
}

void vis_place_new_step(vis_place_t *p)
{
    for (size_t i = 0; i < p->cell_count; i++) {
        vis_cell_t *c = &p->cells[i];
        if (!c->used || !c->ghosts)
            continue;
        c->ghosts = 0;
        if (c->members == 0) {
            c->used = false;
            c->open = false;
            p->grid[c->depth][c->row] = -1;
            for (size_t k = 0; k < p->cell_count; k++) /* the cell may be reused */
                if (p->cells[k].run_of == (int)i)
                    p->cells[k].run_of = -1;
        }
    }
}

/* ---- unfolding runs ---------------------------------------------------------------- */

static bool valid_cell(const vis_place_t *p, int cell)
{
    return cell >= 0 && (size_t)cell < p->cell_count && p->cells[cell].used;
}

void vis_place_copy_open(vis_place_t *to, const vis_place_t *from)
{
    to->open_count = 0;
    for (size_t i = 0; i < from->open_count; i++) {
        to->open = vis_grow(to->open, &to->open_cap, to->open_count, sizeof(*to->open));
        to->open[to->open_count++] = from->open[i];
    }
}

static void open_remove(vis_place_t *p, uint32_t born, int depth)
{
    int i = open_index(p, born, depth);
    if (i >= 0)
        p->open[i] = p->open[--p->open_count];
}

bool vis_place_unfold(vis_place_t *p, int cell, uint32_t event)
{
    if (!valid_cell(p, cell) || p->cells[cell].open || p->cells[cell].members < 2)
        return false;
    vis_cell_t run = p->cells[cell]; /* new_cell may move the array */
    uint32_t *slots = malloc(run.members * sizeof(*slots));
    if (!slots)
        return false;
    size_t n = vis_place_members(p, cell, slots, run.members);
    n = n < run.members ? n : run.members;
    if (open_index(p, run.born, run.depth) < 0) {
        p->open = vis_grow(p->open, &p->open_cap, p->open_count, sizeof(*p->open));
        p->open[p->open_count++] = (vis_open_run_t){run.born, run.depth};
    }
    p->cells[cell].open = true;
    for (size_t i = 1; i < n; i++) { /* the first (lowest slot) stays in the run's cell */
        int own = new_cell(p, run.depth, run.row + 1, run.parent, run.w0, run.w1, run.cause,
                           event);
        p->cells[own].members = 1;
        p->cells[own].run_of = cell;
        p->cells[own].changed = run.changed;
        p->cells[cell].members--;
        map_set(p, slots[i], own);
    }
    free(slots);
    return true;
}

bool vis_place_fold(vis_place_t *p, int cell)
{
    if (!valid_cell(p, cell) || !p->cells[cell].open)
        return false;
    p->cells[cell].open = false;
    open_remove(p, p->cells[cell].born, p->cells[cell].depth);
    bool *back = calloc(p->cell_count + 1, sizeof(bool));
    if (!back)
        return false;
    for (size_t i = 0; i < p->cell_count; i++) {
        vis_cell_t *c = &p->cells[i];
        if (!c->used || c->run_of != cell)
            continue;
        c->run_of = -1;
        back[i] = c->members == 1 && !c->ghosts && !c->closed; /* childless: it folds in */
    }
    for (size_t i = 0; i < p->map_count; i++)
        if (back[p->map[i].cell]) {
            p->cells[p->map[i].cell].members--;
            p->map[i].cell = cell;
            p->cells[cell].members++;
        }
    for (size_t i = 0; i < p->cell_count; i++)
        if (back[i]) {
            p->cells[i].used = false;
            p->grid[p->cells[i].depth][p->cells[i].row] = -1;
        }
    free(back);
    return true;
}

int vis_place_find_run(const vis_place_t *p, uint32_t born, int depth)
{
    for (size_t i = 0; i < p->cell_count; i++) {
        const vis_cell_t *c = &p->cells[i];
        if (c->used && c->run_of < 0 && c->born == born && c->depth == depth)
            return (int)i;
    }
    return -1;
}

int vis_place_run_of(const vis_place_t *p, int cell)
{
    if (!valid_cell(p, cell))
        return -1;
    const vis_cell_t *c = &p->cells[cell];
    if (c->run_of >= 0)
        return c->run_of;
    return c->open || c->members > 1 ? cell : -1;
}

/*
 * visualizer/vspace_layout.c - the VSpace tab's layout. The 4 GiB are too wide for a
 * picture to show a page: the bar gives the whole space to scale (where things are,
 * how big the kernel window is) with every mapping at least a few pixels wide, and the
 * list gives each mapping its own cell, the empty stretches between them taking no room.
 * Rows are built for the whole space first (the selection's row is then known, to
 * scroll to), and only the rows in view get positions and cells.
 * Partners: vspace_layout.h, vspace_links.c (mappings to caps), render_vspace.c.
 */
#include "vspace_layout.h"

#include <stdlib.h>
#include <string.h>

#include "vspace_links.h"

#define MIB (1u << VIS_SECTION_BITS)
#define BAR_MIN_W 3 /* the narrowest mark on the bar, in pixels */

/* ---- which space -------------------------------------------------------------------- */

/* Does the model still know page directory pd: mappings, or a cap to it? */
static bool pd_known(const vis_model_t *m, uint32_t pd)
{
    size_t n;
    if (!pd)
        return false;
    if (vis_vspace_of(&m->vspace, pd, &n))
        return true;
    for (size_t i = 0; i < m->cap_count; i++)
        if (vis_cap_type(m->caps[i].w0) == TRACE_CAP_PAGE_DIRECTORY &&
            vis_cap_addr(m->caps[i].w0) == pd)
            return true;
    return false;
}

uint32_t vis_vspace_shown(const vis_model_t *m, uint32_t selected_tcb, uint32_t selected_cap,
                          uint32_t last)
{
    uint32_t pd = vis_thread_pd(m, selected_tcb);
    if (!pd && selected_cap)
        pd = vis_cap_space(m, vis_model_cap_at(m, selected_cap));
    if (!pd && pd_known(m, last))
        pd = last;
    if (!pd)
        pd = vis_thread_pd(m, m->current_tcb);
    for (size_t i = 0; !pd && i < m->thread_count; i++)
        pd = vis_thread_pd(m, m->threads[i].tcb);
    if (!pd && m->vspace.map_count)
        pd = m->vspace.maps[0].pd;
    return pd;
}

/* The spaces to choose from: the threads' (in thread order), then any other with
 * mappings. */
static void list_spaces(vis_vspace_layout_t *l, const vis_model_t *m)
{
    uint32_t mapped[VIS_VSPACE_MAX_SPACES];
    size_t n = vis_vspace_pds(&m->vspace, mapped, VIS_VSPACE_MAX_SPACES);
    l->space_count = 0;
    for (size_t i = 0; i < m->thread_count + n && l->space_count < VIS_VSPACE_MAX_SPACES; i++) {
        uint32_t pd = i < m->thread_count ? vis_thread_pd(m, m->threads[i].tcb)
                                          : mapped[i - m->thread_count];
        bool seen = !pd;
        for (int k = 0; k < l->space_count && !seen; k++)
            seen = l->space_pds[k] == pd;
        if (!seen)
            l->space_pds[l->space_count++] = pd;
    }
}

/* ---- the parts ---------------------------------------------------------------------- */

/* The title on top, the bar and its ruler, the list, and what goes below it. When the
 * tab is too low for all, the list keeps at least MIN_ROWS rows: the bottom goes
 * first, then the bar. */
#define MIN_ROWS 3
static void split_area(vis_vspace_layout_t *l, const vis_vspace_params_t *p)
{
    SDL_Rect a = p->area;
    int gap = p->line_h / 4, bar_h = p->bar_h + p->line_h + 2 * gap;
    int rest = a.h - p->line_h, bottom = p->bottom_h;
    if (rest - bar_h - bottom < MIN_ROWS * p->row_h)
        bottom = 0;
    if (rest - bar_h < MIN_ROWS * p->row_h)
        bar_h = 0;
    l->head = (SDL_Rect){a.x, a.y, a.w, p->line_h};
    int y = a.y + p->line_h;
    if (bar_h) {
        l->bar = (SDL_Rect){a.x + p->indent, y + gap, a.w - 2 * p->indent, p->bar_h};
        l->ruler = (SDL_Rect){a.x, l->bar.y + p->bar_h, a.w, p->line_h};
        y += bar_h;
    }
    l->bottom = (SDL_Rect){a.x, a.y + a.h - bottom, a.w, bottom};
    l->list = (SDL_Rect){a.x, y, a.w, l->bottom.y - y > 0 ? l->bottom.y - y : 0};
    l->kernel = (SDL_Rect){vis_vspace_bar_x(l, VIS_USER_TOP), l->bar.y,
                           l->bar.x + l->bar.w - vis_vspace_bar_x(l, VIS_USER_TOP), l->bar.h};
}

int vis_vspace_bar_x(const vis_vspace_layout_t *l, uint64_t addr)
{
    return l->bar.x + (int)((addr * (uint64_t)l->bar.w) >> 32);
}

/* ---- rows --------------------------------------------------------------------------- */

/* What the rows are made from, in address order: the space's mappings and its ghosts. */
typedef struct source {
    const vis_model_t *m;
    const vis_vspace_params_t *p;
    const vis_mapping_t *maps;
    size_t map_count;
    const vis_mapping_ghost_t *ghosts[VIS_VSPACE_GHOSTS];
    size_t ghost_count;
    vis_map_index_t ix;
    uint32_t selected_frame; /* the selected cap's physical frame, when it is a frame */
} source_t;

static bool ghost_before(const vis_mapping_t *a, const vis_mapping_t *b)
{
    if (a->vaddr != b->vaddr)
        return a->vaddr < b->vaddr;
    return vis_mapping_is_table(a) && !vis_mapping_is_table(b);
}

/* The ghosts of the space still shown, in address order; one whose place is mapped
 * again since is left out. */
static void gather_ghosts(source_t *s, uint32_t pd)
{
    const vis_vspace_t *vs = &s->m->vspace;
    size_t kept = vs->ghost_count < VIS_VSPACE_GHOSTS ? vs->ghost_count : VIS_VSPACE_GHOSTS;
    s->ghost_count = 0;
    for (size_t i = 0; i < kept; i++) {
        const vis_mapping_ghost_t *g = &vs->ghosts[i];
        if (g->map.pd != pd || g->died < s->p->ghosts_from || g->died >= s->m->events)
            continue;
        const vis_mapping_t *now = vis_mapping_is_table(&g->map)
                                       ? vis_vspace_table(vs, pd, g->map.vaddr)
                                       : vis_vspace_lookup(vs, pd, g->map.vaddr);
        if (now && now->born > g->died)
            continue;
        size_t at = s->ghost_count++;
        while (at > 0 && ghost_before(&g->map, &s->ghosts[at - 1]->map)) {
            s->ghosts[at] = s->ghosts[at - 1];
            at--;
        }
        s->ghosts[at] = g;
    }
}

static uint32_t cap_slot(source_t *s, const vis_mapping_t *mp)
{
    const vis_cap_t *c = vis_mapping_cap(s->m, &s->ix, mp);
    return c ? c->slot : 0;
}

static vis_vrow_t *new_row(vis_vspace_layout_t *l, vis_vrow_kind_t kind, const vis_mapping_t *mp)
{
    if (l->row_count >= VIS_VSPACE_MAX_ROWS - 1) /* the kernel's row always fits */
        return NULL;
    vis_vrow_t *r = &l->rows[l->row_count++];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->first = mp->vaddr;
    r->end = (uint64_t)mp->vaddr + vis_mapping_span(mp);
    r->size_bits = mp->size_bits;
    r->access = mp->access;
    r->count = 1;
    r->born = mp->born;
    return r;
}

/* Is a page at vaddr of size_bits inside the table the rows are in (table_end: one
 * past its MiB, 0 for none)? Sections never are. */
static bool inside(uint64_t table_end, const vis_mapping_t *mp)
{
    return table_end && !vis_mapping_is_table(mp) && mp->size_bits < VIS_SECTION_BITS &&
           mp->vaddr >= table_end - MIB && mp->vaddr < table_end;
}

/* Adds a frame to the run in the last row when it continues it; else a new row. */
static void add_frame(vis_vspace_layout_t *l, source_t *s, size_t i, bool in_table, int table_row)
{
    const vis_mapping_t *mp = &s->maps[i];
    vis_vrow_t *last = l->row_count ? &l->rows[l->row_count - 1] : NULL;
    uint32_t cap = cap_slot(s, mp);
    if (last && last->kind == VIS_VROW_PAGES && last->in_table == in_table &&
        last->size_bits == mp->size_bits && last->access == mp->access &&
        last->end == mp->vaddr && last->count < l->cells_per_row) {
        last->end += vis_mapping_span(mp);
        last->count++;
        last->born = mp->born > last->born ? mp->born : last->born;
    } else if ((last = new_row(l, VIS_VROW_PAGES, mp)) != NULL) {
        last->in_table = in_table;
        last->map_first = i;
        last->cap = cap;
    } else {
        l->rows_left_out++;
        return;
    }
    if (in_table && table_row >= 0)
        l->rows[table_row].pages_in++;
    if (cap && cap == s->p->selected) {
        last->selected = true;
        l->selected_row = (int)(last - l->rows);
    }
}

static void add_table(vis_vspace_layout_t *l, source_t *s, size_t i, int *table_row)
{
    vis_vrow_t *r = new_row(l, VIS_VROW_TABLE, &s->maps[i]);
    if (!r) {
        l->rows_left_out++;
        return;
    }
    r->map_first = i;
    r->cap = cap_slot(s, &s->maps[i]);
    *table_row = (int)(r - l->rows);
    if (r->cap && r->cap == s->p->selected) {
        r->selected = true;
        l->selected_row = *table_row;
    }
}

static void add_ghost(vis_vspace_layout_t *l, const vis_mapping_ghost_t *g, bool in_table)
{
    vis_vrow_t *r = new_row(l, VIS_VROW_GHOST, &g->map);
    if (r) {
        r->died = g->died;
        r->in_table = in_table;
    }
}

/* Mappings and ghosts merged in address order, runs joined, tables boxing their pages. */
static void build_rows(vis_vspace_layout_t *l, source_t *s)
{
    size_t i = 0, g = 0;
    uint64_t table_end = 0;
    int table_row = -1;
    while (i < s->map_count || g < s->ghost_count) {
        bool ghost = g < s->ghost_count &&
                     (i == s->map_count || ghost_before(&s->ghosts[g]->map, &s->maps[i]));
        const vis_mapping_t *mp = ghost ? &s->ghosts[g]->map : &s->maps[i];
        if (!inside(table_end, mp)) { /* past the table's MiB, or another table */
            table_end = 0;
            table_row = -1;
        }
        if (ghost) {
            add_ghost(l, s->ghosts[g++], inside(table_end, mp));
        } else if (vis_mapping_is_table(mp)) {
            add_table(l, s, i++, &table_row);
            table_end = table_row >= 0 ? (uint64_t)mp->vaddr + MIB : 0;
        } else {
            add_frame(l, s, i, inside(table_end, mp), table_row);
            i++;
        }
    }
}

/* A fault's row goes after the last row starting at or before its address: inside a
 * table's box when a table maps its MiB, and marking the row it hit. */
static void add_fault(vis_vspace_layout_t *l, const vis_vm_fault_t *f)
{
    int at = 0;
    bool in_table = false;
    if (l->row_count >= VIS_VSPACE_MAX_ROWS - 1)
        return;
    while (at < l->row_count && l->rows[at].first <= f->address)
        at++;
    for (int k = 0; k < at; k++) {
        vis_vrow_t *r = &l->rows[k];
        bool covers = f->address >= r->first && f->address < r->end;
        if (covers && r->kind == VIS_VROW_TABLE)
            in_table = true;
        if (covers && r->kind == VIS_VROW_PAGES)
            r->hit = true;
    }
    memmove(&l->rows[at + 1], &l->rows[at], (size_t)(l->row_count - at) * sizeof(l->rows[0]));
    l->row_count++;
    vis_vrow_t *r = &l->rows[at];
    memset(r, 0, sizeof(*r));
    r->kind = VIS_VROW_FAULT;
    r->first = f->address;
    r->end = (uint64_t)f->address + 1;
    r->count = 1;
    r->born = f->event;
    r->fault = *f;
    r->in_table = in_table;
    if (l->selected_row >= at)
        l->selected_row++;
}

/* The kept VM faults of this space, oldest first, each in its place by address. */
static void add_faults(vis_vspace_layout_t *l, const vis_model_t *m, uint32_t pd)
{
    const vis_vspace_t *vs = &m->vspace;
    size_t kept = vs->fault_count < VIS_VSPACE_FAULTS ? vs->fault_count : VIS_VSPACE_FAULTS;
    for (size_t k = 0; k < kept; k++) {
        const vis_vm_fault_t *f = &vs->faults[(vs->fault_count - kept + k) % VIS_VSPACE_FAULTS];
        if (pd && f->pd == pd)
            add_fault(l, f);
    }
}

static void add_kernel_row(vis_vspace_layout_t *l)
{
    vis_vrow_t *r = &l->rows[l->row_count++];
    memset(r, 0, sizeof(*r));
    r->kind = VIS_VROW_KERNEL;
    r->first = VIS_USER_TOP;
    r->end = 1ull << 32;
    r->count = 1;
}

/* ---- what is in view ---------------------------------------------------------------- */

static void scroll_rows(vis_vspace_layout_t *l, const vis_vspace_params_t *p)
{
    l->fit = p->row_h > 0 ? l->list.h / p->row_h : 0;
    int max = l->row_count > l->fit ? l->row_count - l->fit : 0;
    int scroll = p->scroll;
    if (p->follow && l->selected_row >= 0 &&
        (l->selected_row < scroll || l->selected_row >= scroll + l->fit))
        scroll = l->selected_row - l->fit / 2;
    l->scroll = scroll < 0 ? 0 : scroll > max ? max : scroll;
    if (l->row_count <= l->fit || !p->scrollbar_w)
        return;
    /* Not every row fits: a scrollbar takes the list's right edge. */
    l->list.w -= p->scrollbar_w;
    l->scrollbar = (SDL_Rect){l->list.x + l->list.w, l->list.y, p->scrollbar_w, l->fit * p->row_h};
    int h = l->scrollbar.h * l->fit / l->row_count;
    h = h < p->scrollbar_w ? p->scrollbar_w : h;
    int y = l->scrollbar.y + (l->scrollbar.h - h) * l->scroll / max;
    l->thumb = (SDL_Rect){l->scrollbar.x, y, l->scrollbar.w, h};
}

static void place_cells(vis_vspace_layout_t *l, source_t *s, vis_vrow_t *r)
{
    const vis_vspace_params_t *p = s->p;
    int pad = p->row_h / 5 > 1 ? p->row_h / 5 : 1;
    r->strip = (SDL_Rect){r->rect.x + p->addr_w, r->rect.y + pad, r->count * p->cell_w,
                          r->rect.h - 2 * pad};
    r->cell_first = l->cell_count;
    for (int k = 0; k < r->count && l->cell_count < VIS_VSPACE_MAX_CELLS; k++) {
        const vis_mapping_t *mp = &s->maps[r->map_first + (size_t)k];
        vis_vcell_t *c = &l->cells[l->cell_count++];
        memset(c, 0, sizeof(*c));
        c->rect = (SDL_Rect){r->strip.x + k * p->cell_w, r->strip.y,
                             p->cell_w > 3 ? p->cell_w - 1 : p->cell_w, r->strip.h};
        c->map = *mp;
        c->cap = cap_slot(s, mp);
        c->selected = c->cap && c->cap == p->selected;
        c->same_frame = !c->selected && s->selected_frame && mp->paddr == s->selected_frame;
        r->cell_count++;
    }
}

/* Marks the cells a fault row's address falls in. */
static void mark_faulted_cells(vis_vspace_layout_t *l, const vis_vrow_t *f)
{
    for (int i = 0; i < l->cell_count; i++) {
        vis_vcell_t *c = &l->cells[i];
        if (f->fault.address >= c->map.vaddr &&
            f->fault.address - c->map.vaddr < vis_mapping_span(&c->map))
            c->faulted = true;
    }
}

static void place_rows(vis_vspace_layout_t *l, source_t *s)
{
    const vis_vspace_params_t *p = s->p;
    for (int i = 0; i < l->row_count; i++) {
        vis_vrow_t *r = &l->rows[i];
        int at = i - l->scroll;
        if (at < 0 || at >= l->fit)
            continue;
        int in = r->in_table ? p->indent : 0;
        r->rect = (SDL_Rect){l->list.x + in, l->list.y + at * p->row_h, l->list.w - 2 * in,
                             p->row_h};
        if (r->kind == VIS_VROW_PAGES)
            place_cells(l, s, r);
    }
    for (int i = 0; i < l->row_count; i++)
        if (l->rows[i].kind == VIS_VROW_FAULT)
            mark_faulted_cells(l, &l->rows[i]);
}

/* One mark per row on the bar, at least BAR_MIN_W wide; and the part of the bar the
 * rows in view cover. */
static void place_marks(vis_vspace_layout_t *l)
{
    uint64_t lo = ~0ull, hi = 0;
    l->mark_count = 0;
    for (int i = 0; i < l->row_count; i++) {
        const vis_vrow_t *r = &l->rows[i];
        if (r->rect.h) {
            lo = r->first < lo ? r->first : lo;
            hi = r->end > hi ? r->end : hi;
        }
        if (r->kind == VIS_VROW_KERNEL || !l->bar.w)
            continue;
        int x0 = vis_vspace_bar_x(l, r->first), x1 = vis_vspace_bar_x(l, r->end);
        int w = x1 - x0 < BAR_MIN_W ? BAR_MIN_W : x1 - x0;
        if (x0 + w > l->bar.x + l->bar.w)
            x0 = l->bar.x + l->bar.w - w;
        l->marks[l->mark_count++] = (vis_vmark_t){{x0, l->bar.y, w, l->bar.h}, i, r->selected};
    }
    if (hi > lo && l->bar.w) {
        int x0 = vis_vspace_bar_x(l, lo), x1 = vis_vspace_bar_x(l, hi);
        l->view = (SDL_Rect){x0, l->bar.y + l->bar.h, x1 - x0 > 1 ? x1 - x0 : 1, 0};
    }
}

/* The selected cap's frame, when it is a frame cap: its other mappings are marked. */
static uint32_t selected_frame(const vis_model_t *m, uint32_t slot)
{
    const vis_cap_t *c = slot ? vis_model_cap_at(m, slot) : NULL;
    return c && vis_cap_type(c->w0) == TRACE_CAP_FRAME ? vis_cap_addr(c->w0) : 0;
}

void vis_vspace_layout(vis_vspace_layout_t *l, const vis_model_t *m, const vis_vspace_params_t *p)
{
    static source_t s; /* large (the ghosts); one layout is made at a time */
    memset(l, 0, sizeof(*l));
    memset(&s, 0, sizeof(s));
    l->pd = p->pd;
    l->asid = vis_pd_asid(m, p->pd);
    l->selected_row = -1;
    l->addr_w = p->addr_w;
    list_spaces(l, m);
    split_area(l, p);
    int room = p->area.w - 2 * p->indent - p->addr_w - p->label_min_w - p->scrollbar_w;
    l->cells_per_row = p->cell_w > 0 && room / p->cell_w > 1 ? room / p->cell_w : 1;
    s.m = m;
    s.p = p;
    s.maps = vis_vspace_of(&m->vspace, p->pd, &s.map_count);
    s.selected_frame = selected_frame(m, p->selected);
    l->mappings = s.map_count;
    vis_map_index_build(&s.ix, m, l->asid);
    gather_ghosts(&s, p->pd);
    build_rows(l, &s);
    add_faults(l, m, p->pd);
    add_kernel_row(l);
    scroll_rows(l, p);
    place_rows(l, &s);
    place_marks(l);
    vis_map_index_free(&s.ix);
}

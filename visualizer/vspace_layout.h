/*
 * visualizer/vspace_layout.h - where the VSpace tab puts things, without drawing: one
 * thread's address space as an overview bar of the whole 4 GiB (the kernel window
 * shaded, every mapping a mark at least a few pixels wide) over a list of what is
 * mapped, in address order: page tables as boxes around the pages mapped through them,
 * runs of adjacent pages with the same rights as strips of cells (one per page, each
 * linked to its frame cap), sections, recent unmaps, VM faults, and the kernel window
 * last. render_vspace.c draws what this says; the tests check it.
 * Partners: vspace_layout.c, render_vspace.c, vspace_model.h, vspace_links.h,
 * tests/sim/test_vis_vspace_render.c.
 */
#ifndef VIS_VSPACE_LAYOUT_H
#define VIS_VSPACE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL2/SDL_rect.h>

#include "model.h"

#define VIS_USER_TOP 0xE0000000u /* seL4_UserTop: the kernel window starts here */

/* Sizes in pixels, from the fonts in use (render_vspace.c) or chosen by a test. */
typedef struct vis_vspace_params {
    SDL_Rect area;        /* the tab's content */
    int line_h;           /* the title (the spaces to pick), the ruler: a line each */
    int bar_h;            /* the overview bar */
    int row_h;            /* a row of the list */
    int indent;           /* rows inside a page table's box */
    int addr_w;           /* the address column */
    int cell_w;           /* a page's cell; a run longer than a row holds goes on */
    int label_min_w;      /* room kept right of the cells for the row's words */
    int bottom_h;         /* below the list: the selection's lines and the legend */
    int scrollbar_w;      /* at the list's right when not every row fits */
    int scroll;           /* list rows scrolled */
    uint32_t pd;          /* the space shown (vis_vspace_shown) */
    uint32_t selected;    /* the selected cap's slot: marked, and followed */
    bool follow;          /* scroll the selection's row into view */
    uint32_t ghosts_from; /* unmaps at or after this event are shown as ghosts */
} vis_vspace_params_t;

typedef enum vis_vrow_kind {
    VIS_VROW_TABLE,  /* a page table: its MiB; the rows after it inside its box */
    VIS_VROW_PAGES,  /* a run of frames: adjacent, one size, one access */
    VIS_VROW_GHOST,  /* a mapping that just went (unmap, or its directory deleted) */
    VIS_VROW_FAULT,  /* a VM fault at an address */
    VIS_VROW_KERNEL, /* the kernel window, the last row */
} vis_vrow_kind_t;

typedef struct vis_vrow {
    vis_vrow_kind_t kind;
    SDL_Rect rect;         /* zero height when scrolled out of view */
    uint32_t first;        /* its first address */
    uint64_t end;          /* one past its last */
    uint32_t size_bits;    /* of its mappings (a table's: VIS_MAP_TABLE_BITS) */
    uint32_t access;       /* TRACE_MAP_* of its mappings */
    int count;             /* mappings in a run (1 for the others) */
    int pages_in;          /* a table's frames */
    bool in_table;         /* inside a page table's box (indented) */
    uint32_t born;         /* the newest event among its mappings (the glow) */
    uint32_t died;         /* ghosts: the event that removed it */
    uint32_t cap;          /* the cap a click selects: a table's, a run's first frame's */
    bool selected;         /* it holds the selected cap */
    bool hit;              /* a fault's address falls in it */
    vis_vm_fault_t fault;  /* faults */
    SDL_Rect strip;        /* the cells of a run */
    int cell_first, cell_count; /* its cells in the layout's array (rows in view only) */
    size_t map_first;      /* its first mapping in the space's array (runs and tables) */
} vis_vrow_t;

/* A page of a run, drawn as a cell. */
typedef struct vis_vcell {
    SDL_Rect rect;
    vis_mapping_t map;
    uint32_t cap;    /* its frame cap's slot, 0 when none is known */
    bool selected;   /* the selected cap maps it */
    bool same_frame; /* another cap to the selected cap's frame maps it */
    bool faulted;    /* a fault shown hit it */
} vis_vcell_t;

/* A mark on the overview bar: one per row of the list. */
typedef struct vis_vmark {
    SDL_Rect rect;
    int row;       /* its row in the list */
    bool selected; /* the selection is in it */
} vis_vmark_t;

#define VIS_VSPACE_MAX_ROWS 512
#define VIS_VSPACE_MAX_CELLS 4096
#define VIS_VSPACE_MAX_SPACES 8

typedef struct vis_vspace_layout {
    uint32_t pd, asid;
    size_t mappings;        /* frames and tables in the space */
    SDL_Rect head;          /* the title line: the spaces to pick, this one's ASID */
    uint32_t space_pds[VIS_VSPACE_MAX_SPACES];
    int space_count;
    SDL_Rect bar, ruler;    /* the overview and its labels (empty when too low) */
    SDL_Rect kernel;        /* the kernel window's part of the bar */
    SDL_Rect view;          /* the part of the bar the rows in view cover */
    SDL_Rect list;          /* the rows */
    SDL_Rect scrollbar;     /* right of the rows, empty when all fit */
    SDL_Rect thumb;         /* the part of it the rows in view are */
    SDL_Rect bottom;        /* what params.bottom_h asked for (empty when too low) */
    vis_vrow_t rows[VIS_VSPACE_MAX_ROWS];
    int row_count;
    int rows_left_out;      /* mappings past the last row kept */
    int scroll, fit;        /* rows scrolled (kept in range), rows that fit */
    int cells_per_row;
    int addr_w;             /* params.addr_w: where a row's words (or cells) begin */
    vis_vcell_t cells[VIS_VSPACE_MAX_CELLS];
    int cell_count;
    vis_vmark_t marks[VIS_VSPACE_MAX_ROWS];
    int mark_count;
    int selected_row;       /* -1: the selection is in no row */
} vis_vspace_layout_t;

/*
 * The space the tab shows: the selected thread's, else the one the selected cap points
 * to (a page directory, a mapped frame or table), else `last` while it still exists,
 * else the running thread's, else the first thread's that has one, else the first
 * with mappings. 0 when there is none.
 */
uint32_t vis_vspace_shown(const vis_model_t *m, uint32_t selected_tcb, uint32_t selected_cap,
                          uint32_t last);
/* Lays out the VSpace tab for p->pd in model m. Deterministic: the same model and
 * params give the same layout. */
void vis_vspace_layout(vis_vspace_layout_t *l, const vis_model_t *m, const vis_vspace_params_t *p);
/* The x of an address on the overview bar. */
int vis_vspace_bar_x(const vis_vspace_layout_t *l, uint64_t addr);

#endif

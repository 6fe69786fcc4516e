/*
 * visualizer/render.h - drawing one frame of the visualizer window from the model and
 * the UI state, into any SDL_Renderer: the live window's, or a software renderer on a
 * surface for the headless screenshot, so tests check what people see.
 * Partners: render.c (frame, toolbar, timeline, text panes), render_tree.c (the
 * derivation tree), render_side.c (details and tabs), render_ipc.c (the IPC tab),
 * render_vspace.c (the VSpace tab), app.c (fills the UI state).
 */
#ifndef VIS_RENDER_H
#define VIS_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL2/SDL.h>

#include "font.h"
#include "model.h"

#define VIS_DEFAULT_WIDTH 1600
#define VIS_DEFAULT_HEIGHT 900

typedef enum vis_tab {
    VIS_TAB_CSPACES,
    VIS_TAB_UNTYPED,
    VIS_TAB_THREADS,
    VIS_TAB_IPC,    /* takes the details pane's place too (layout.c) */
    VIS_TAB_VSPACE, /* the same */
    VIS_TAB_COUNT
} vis_tab_t;

/* Toolbar buttons; their actions are the keys of app.c. */
typedef enum vis_button {
    VIS_BUTTON_RUN,
    VIS_BUTTON_STEP,
    VIS_BUTTON_NEXT_ENTRY,
    VIS_BUTTON_NEXT_EVENT,
    VIS_BUTTON_NEXT_IPC,
    VIS_BUTTON_BACK,
    VIS_BUTTON_FORWARD,
    VIS_BUTTON_SLOWER,
    VIS_BUTTON_FASTER,
    VIS_BUTTON_COUNT
} vis_button_t;

/* What a click can land on. vis_render records these; app.c looks them up. */
typedef enum vis_hit_kind {
    VIS_HIT_CAP,      /* value: slot */
    VIS_HIT_GROUP,    /* value: first slot of a folded run */
    VIS_HIT_THREAD,   /* value: TCB */
    VIS_HIT_TAB,      /* value: vis_tab_t */
    VIS_HIT_BUTTON,   /* value: vis_button_t */
    VIS_HIT_TIMELINE, /* the scrubber: x maps to an event */
    VIS_HIT_TREE,     /* empty tree background: drag to pan */
    VIS_HIT_TAB_PANE, /* the tab pane: the wheel scrolls it */
    VIS_HIT_EVENT,    /* value: an event's index: the cursor goes just after it */
} vis_hit_kind_t;

typedef struct vis_hit {
    SDL_Rect rect;
    vis_hit_kind_t kind;
    uint32_t value;
} vis_hit_t;

#define VIS_MAX_HITS 2048

/* A tree node's drawn position, eased towards its layout position between frames. */
typedef struct vis_node_pos {
    uint32_t key; /* slot, with the node kind in the low bits (slots are 16-aligned) */
    float x, y;
} vis_node_pos_t;

/* What a drawn item recorded for --layout-out is (tests read what is drawn where). */
typedef enum vis_drawn_kind {
    VIS_DRAWN_TREE,  /* text on a tree box: slot is its cap, or a run's first */
    VIS_DRAWN_ARROW, /* an IPC arrow's label: slot is the event a click goes to */
    VIS_DRAWN_VROW,  /* a VSpace tab row: slot is its first address, text says what it is */
} vis_drawn_kind_t;

typedef struct vis_drawn_label {
    vis_drawn_kind_t kind;
    SDL_Rect rect;  /* the text's extent, a line high (a VSpace row: the row) */
    SDL_Rect box;   /* the box it is on (an arrow: its row) */
    int px;         /* its size in pixels */
    bool full;      /* the full label (else the short one of layout.h) */
    uint32_t slot;
    char text[160];
} vis_drawn_label_t;

typedef struct vis_ui {
    /* The window and the view. */
    int width, height;
    float scale;        /* all text and chrome; 1 at the default size */
    float zoom;         /* the derivation tree only */
    int pan_x, pan_y;   /* the tree's offset in pixels */
    bool follow;        /* pan the tree to keep the selected (or newest) cap in sight */
    bool fit_tree;      /* zoom the tree to fit its pane at the next frame (then cleared) */
    bool animate;       /* ease tree nodes to new places (the live window) */
    vis_tab_t tab;
    int tab_scroll;    /* rows scrolled in the tab pane */
    int ipc_back;      /* the IPC tab: rows scrolled back from the newest message */
    uint32_t vspace_pd; /* the VSpace tab: the space it showed last (kept while the
                           selection names none) */
    uint32_t followed; /* the selection the tab pane last scrolled to, and in which tab */
    vis_tab_t followed_tab;
    /* The selection: a cap, a folded run, or a thread. */
    uint32_t selected;
    uint32_t selected_group;
    uint32_t selected_tcb;
    uint32_t hover; /* slot of the cap under the mouse, 0: none (outlined; its
                             details show while nothing is selected) */
    /* The run, for the toolbar. */
    bool running;
    const char *status; /* e.g. "paused", "guest halted (status 0)" */
    const char *speed;  /* e.g. "1M insn/s" */
    uint64_t icount;    /* the board's instruction count */
    bool no_icount;     /* no board (following QEMU): the count is not known */
    int cpu_mode;       /* the CPU's mode: 0 user, 1 kernel, -1 not known (the model's) */
    /* The recording, for the timeline and for "made by". */
    const trace_record_t *records;
    size_t record_count;
    size_t cursor; /* events applied to the model drawn (record_count: live) */
    /* Animation. With event_ms NULL (headless) recency counts events instead of time. */
    uint32_t now_ms;
    const uint32_t *event_ms; /* when each recorded event arrived */
    uint32_t cursor_ms;       /* when the cursor last moved while browsing */
    /* Text the simulator fills in. */
    const char *console; /* UART0 output so far (the last lines are shown) */
    size_t console_len;
    const char *code;      /* disassembly lines around the PC */
    const char *registers; /* register lines */
    const char *code_note; /* e.g. "registers are live; the model shows event 12" */
    /* Written by vis_render: clickable regions, in drawing order (last on top). */
    vis_hit_t hits[VIS_MAX_HITS];
    size_t hit_count;
    /* Written by vis_render: the tree's area, and where the selected cap's box and the
     * followed one (the selection, else the newest cap) are drawn ({0} when not in the tree). */
    SDL_Rect tree_area, selected_box, followed_box;
    /* Written by vis_render when record_labels is set (--layout-out): the tree's text,
     * the IPC tab's arrow labels and the VSpace tab's rows. */
    bool record_labels;
    vis_drawn_label_t *labels;
    size_t label_count, label_capacity;
    /* Written by vis_render when animate is set: drawn node positions. */
    vis_node_pos_t *positions;
    size_t position_count, position_capacity;
} vis_ui_t;

void vis_ui_init(vis_ui_t *ui, int width, int height);
void vis_ui_free(vis_ui_t *ui);
/* --layout-out: appends one drawn text to ui->labels (when ui->record_labels is set). */
void vis_record_label(vis_ui_t *ui, const vis_drawn_label_t *label);

/* Draws the whole window for the model m (the state after ui->cursor events). */
void vis_render(SDL_Renderer *r, vis_fonts_t *fonts, const vis_model_t *m, vis_ui_t *ui);
/* The topmost region under (x, y), or NULL. */
const vis_hit_t *vis_hit_at(const vis_ui_t *ui, int x, int y);

/*
 * Renders one frame offscreen (a software renderer on a ui->width x ui->height
 * surface) and writes it as a PNG. Needs no display. Returns 0, or -1 with a
 * one-line reason in err.
 */
int vis_render_png(const vis_model_t *m, vis_ui_t *ui, const char *path, char *err, size_t err_len);
/* The same frame into a new RGB surface (tests read its pixels); NULL on failure. */
SDL_Surface *vis_render_surface(const vis_model_t *m, vis_ui_t *ui, char *err, size_t err_len);

/*
 * --layout-out FILE: what the frame just rendered put where, as text a test can read
 * instead of pixels: the window, each pane, the tree's area, the selected and followed
 * boxes, every cap box in the tree, and the text on each (layout_out.c, the format
 * in docs/visualizer.md). Needs record_labels set for the render. Returns 0, or -1
 * with a one-line reason in err.
 */
int vis_layout_write(const vis_ui_t *ui, const char *path, char *err, size_t err_len);

/* The tab's name as its tab bar shows it: "CSpaces", "untyped", "threads", "IPC",
 * "VSpace". */
const char *vis_tab_name(vis_tab_t tab);

/* A cap type's colour, the same in every view and the legend. */
SDL_Color vis_type_color(unsigned cap_type);

#endif

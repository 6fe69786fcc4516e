/*
 * visualizer/draw.h - what the render files share: the frame being drawn (renderer,
 * fonts, model, UI state, panes), the theme's colours and sizes, and small drawing
 * helpers (filled and outlined boxes, tags, pane frames, click regions, recency).
 * Internal to the visualizer's drawing. Partners: draw.c, render.c, render_tree.c,
 * render_side.c, render_ipc.c.
 */
#ifndef VIS_DRAW_H
#define VIS_DRAW_H

#include "font.h"
#include "layout.h"
#include "model.h"
#include "render.h"

typedef struct vis_ctx {
    SDL_Renderer *r;
    vis_fonts_t *f;
    const vis_model_t *m;
    vis_ui_t *ui;
    float s; /* ui->scale */
    vis_panes_t panes;
    SDL_Rect clip;        /* the pane being drawn: click regions are cut to it */
    uint32_t recent_from; /* vis_recent_from, computed once a frame */
} vis_ctx_t;

/* Text sizes in pixels at scale 1; nothing is smaller than 14 (VISUALIZER.md). */
enum {
    VIS_PX_SMALL = 14,
    VIS_PX_BODY = 15,
    VIS_PX_TITLE = 16,
    VIS_PX_BIG = 22
};

#define VIS_RGB(r, g, b) ((SDL_Color){(r), (g), (b), 255})
/* The theme: light, for projectors in lit rooms. */
#define VIS_COLOR_WINDOW VIS_RGB(0xDD, 0xE2, 0xE7)
#define VIS_COLOR_PANE VIS_RGB(0xFF, 0xFF, 0xFF)
#define VIS_COLOR_BORDER VIS_RGB(0xB8, 0xC1, 0xCA)
#define VIS_COLOR_TEXT VIS_RGB(0x1A, 0x21, 0x27)
#define VIS_COLOR_MUTED VIS_RGB(0x5F, 0x6B, 0x76)
#define VIS_COLOR_SELECT VIS_RGB(0x10, 0x14, 0x18)
#define VIS_COLOR_NEW VIS_RGB(0xFF, 0xB3, 0x00)
#define VIS_COLOR_GHOST VIS_RGB(0xE5, 0x39, 0x35)
#define VIS_COLOR_BUTTON VIS_RGB(0xEE, 0xF1, 0xF4)
#define VIS_COLOR_LINK VIS_RGB(0x15, 0x65, 0xC0) /* clickable words in the details */

/* How long a change stays highlighted: time in the window, events when headless. */
#define VIS_FADE_MS 1800u
#define VIS_RECENT_EVENTS 6u

int vis_px(const vis_ctx_t *c, int px);
SDL_Color vis_mix(SDL_Color a, SDL_Color b, float t); /* t = 0 gives a, 1 gives b */
SDL_Color vis_pastel(unsigned cap_type);              /* a type's light fill */
/* A thread state's colour: grey inactive, green runnable, orange for the blocked states
 * (darker when waiting on a reply, teal on a notification). */
SDL_Color vis_state_color(uint32_t state);

void vis_fill(const vis_ctx_t *c, SDL_Rect r, SDL_Color color);
void vis_outline(const vis_ctx_t *c, SDL_Rect r, int thickness, SDL_Color color);
void vis_dashed(const vis_ctx_t *c, SDL_Rect r, int thickness, SDL_Color color);
/* A small filled tag with bold text of px pixels (badges, rights); returns its width. */
int vis_tag(const vis_ctx_t *c, int x, int y, int px, SDL_Color bg, SDL_Color fg, const char *text);
int vis_tag_width(const vis_ctx_t *c, int px, const char *text);
/* A type's colour square followed by its name; returns the width used. */
int vis_swatch(const vis_ctx_t *c, int x, int y, unsigned cap_type, const char *name);

/* Fills a pane, frames it and writes its title; returns the y below the title. The
 * pane becomes the clip rectangle until vis_end_pane. */
int vis_begin_pane(vis_ctx_t *c, SDL_Rect pane, const char *title);
void vis_end_pane(vis_ctx_t *c);

void vis_add_hit(vis_ctx_t *c, SDL_Rect r, vis_hit_kind_t kind, uint32_t value);

/* How recently the event happened, 1 (just now) fading to 0: the highlight's strength. */
float vis_recency(const vis_ctx_t *c, uint32_t event);
/* The oldest event whose recency is still above 0; vis_render keeps it in the context. */
uint32_t vis_recent_from(const vis_ctx_t *c);

#endif

/*
 * tests/sim/test_vis_render.c - the visualizer's drawing (visualizer/render*.c) and
 * tree layout (layout.c): a model built from hand-made trace events is drawn into a
 * 1600x900 software surface, the same path as --screenshot, and the pixels are
 * checked for what people should see: cap-type colours in the tree, the glow of a
 * new cap, the red of a deleted one; and the PNG written has the window's size.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>

#include "../../visualizer/draw.h"
#include "../../visualizer/layout.h"
#include "../../visualizer/render.h"
#include "vis_events.h"

#define CNODE_ADDR 0xE0040000u /* radix 6: 64 slots of 16 bytes */
#define CNODE_SLOT (CNODE_ADDR + 0x10u)
#define TCB_CAP_SLOT (CNODE_ADDR + 0x20u)
#define UT_SLOT (CNODE_ADDR + 0x30u)
#define EP_SLOT (CNODE_ADDR + 0x40u)
#define MINT_SLOT (CNODE_ADDR + 0x50u)
#define FREE_UT_SLOT(i) (CNODE_ADDR + 0x100u + 0x10u * (i))
#define TCB_ADDR 0xE0050000u
#define UT_PADDR 0x80100000u
#define EP_ADDR 0x80100000u

static vis_model_t m;
static trace_record_t records[64];
static size_t record_count;
static vis_ui_t ui;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    cr_assert_lt(record_count, sizeof(records) / sizeof(records[0]));
    trace_record_t *r = &records[record_count++];
    *r = vis_test_record(1000u + 10u * record_count, type, n, payload);
    vis_model_apply(&m, r);
}


/* A root CNode with a TCB cap, an untyped with an endpoint retyped from it, a badged
 * mint of the endpoint, and a thread whose CSpace root (TCB slot 0) is the CNode. */
static void build_model(void)
{
    EV(TRACE_BOOT, TRACE_VERSION, TRACE_PLATFORM_ARM_SIM, 0x80000000u, 0x08000000u);
    EV(TRACE_OBJECT_CREATE, 4, CNODE_ADDR, 6, 0);
    EV(TRACE_OBJECT_CREATE, 1, TCB_ADDR, 0, 0);
    EV(TRACE_THREAD_NAME, TCB_ADDR, 0x746f6f72u, 0, 0, 0); /* "root" */
    EV(TRACE_THREAD_PRIORITY, TCB_ADDR, 255, 255);
    EV(TRACE_THREAD_STATE, TCB_ADDR, TRACE_THREAD_RUNNABLE);
    EV(TRACE_CAP_INSERT, CNODE_SLOT, CNODE_ADDR | TRACE_CAP_CNODE, 6u | (26u << 5), 0,
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, TCB_CAP_SLOT, TCB_ADDR | TRACE_CAP_THREAD, 0, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, TCB_ADDR, CNODE_ADDR | TRACE_CAP_CNODE, 6u | (26u << 5), CNODE_SLOT, 0,
       TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, UT_SLOT, UT_PADDR | TRACE_CAP_UNTYPED, 16u, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
    EV(TRACE_SWITCH, 0, TCB_ADDR);
    EV(TRACE_OBJECT_CREATE, 2, EP_ADDR, 0, UT_SLOT);
    EV(TRACE_CAP_INSERT, EP_SLOT, EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, UT_SLOT,
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    EV(TRACE_CAP_UPDATE, UT_SLOT, UT_PADDR | TRACE_CAP_UNTYPED, 16u | (1u << 6));
    EV(TRACE_CAP_INSERT, MINT_SLOT, EP_ADDR | TRACE_CAP_ENDPOINT, 0xF000002Au, EP_SLOT,
       TRACE_CAPF_REVOCABLE | TRACE_CAPF_FIRST_BADGED, TRACE_CAUSE_MINT);
}

/* Kernel entries and exits that make everything above them old news. */
static void age_model(void)
{
    for (int i = 0; i < 10; i++) {
        EV(TRACE_THREAD_PRIORITY, TCB_ADDR, 200u + i, 255);
        EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-7, TCB_ADDR, 0x10000);
        EV(TRACE_KERNEL_EXIT, TCB_ADDR);
    }
}

static void setup(void)
{
    vis_model_init(&m);
    record_count = 0;
    vis_ui_init(&ui, VIS_DEFAULT_WIDTH, VIS_DEFAULT_HEIGHT);
}

static void teardown(void)
{
    vis_ui_free(&ui);
    vis_model_free(&m);
}

/* Draws the model as --screenshot does; the caller frees the surface. */
static SDL_Surface *draw(void)
{
    char err[256] = "";
    ui.records = records;
    ui.record_count = ui.cursor = record_count;
    SDL_Surface *s = vis_render_surface(&m, &ui, err, sizeof(err));
    cr_assert_not_null(s, "offscreen render failed: %s", err);
    cr_assert_eq(s->format->format, SDL_PIXELFORMAT_ARGB8888);
    return s;
}

/* Pixels of exactly this colour inside r. */
static size_t count_color(SDL_Surface *s, SDL_Rect r, SDL_Color c)
{
    uint32_t want = SDL_MapRGB(s->format, c.r, c.g, c.b) | 0xFF000000u, mask = 0x00FFFFFFu;
    size_t n = 0;
    for (int y = r.y; y < r.y + r.h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch);
        for (int x = r.x; x < r.x + r.w; x++)
            n += (row[x] & mask) == (want & mask);
    }
    return n;
}

/* Distinct colours inside r (up to 4096 are told apart). */
static size_t distinct_colors(SDL_Surface *s, SDL_Rect r)
{
    static uint32_t seen[4096];
    size_t n = 0;
    for (int y = r.y; y < r.y + r.h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch);
        for (int x = r.x; x < r.x + r.w && n < 4096; x++) {
            size_t i = 0;
            while (i < n && seen[i] != (row[x] & 0xFFFFFFu))
                i++;
            if (i == n)
                seen[n++] = row[x] & 0xFFFFFFu;
        }
    }
    return n;
}

/* The tree pane without its title and legend: where the caps are drawn. */
static SDL_Rect tree_nodes_area(void)
{
    vis_panes_t p;
    vis_layout_panes(ui.width, ui.height, ui.scale, &p);
    return (SDL_Rect){p.tree.x, p.tree.y + 30, p.tree.w, p.tree.h * 6 / 10};
}

TestSuite(vis_render, .init = setup, .fini = teardown);

Test(vis_render, tree_shows_each_cap_type_in_its_colour)
{
    build_model();
    SDL_Surface *s = draw();
    SDL_Rect tree = tree_nodes_area();
    const unsigned types[] = {TRACE_CAP_CNODE, TRACE_CAP_THREAD, TRACE_CAP_UNTYPED,
                              TRACE_CAP_ENDPOINT};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        cr_expect_gt(count_color(s, tree, vis_type_color(types[i])), 100,
                     "no %s colour in the tree", vis_cap_type_name(types[i]));
    cr_expect_gt(distinct_colors(s, tree), 30, "the tree pane looks blank");
    SDL_FreeSurface(s);
}

Test(vis_render, empty_model_draws_no_caps)
{
    SDL_Surface *s = draw();
    SDL_Rect tree = tree_nodes_area();
    cr_expect_eq(count_color(s, tree, vis_type_color(TRACE_CAP_ENDPOINT)), 0);
    cr_expect_eq(count_color(s, tree, vis_type_color(TRACE_CAP_UNTYPED)), 0);
    cr_expect_gt(distinct_colors(s, (SDL_Rect){0, 0, ui.width, 80}), 10, "no toolbar drawn");
    SDL_FreeSurface(s);
}

Test(vis_render, newest_cap_glows_and_old_caps_do_not)
{
    build_model();
    SDL_Surface *fresh = draw();
    cr_expect_gt(count_color(fresh, tree_nodes_area(), VIS_COLOR_NEW), 100,
                 "the mint does not glow");
    SDL_FreeSurface(fresh);
    age_model();
    SDL_Surface *old = draw();
    cr_expect_eq(count_color(old, tree_nodes_area(), VIS_COLOR_NEW), 0, "old caps still glow");
    SDL_FreeSurface(old);
}

Test(vis_render, deleted_cap_is_drawn_as_a_red_ghost)
{
    build_model();
    age_model();
    SDL_Surface *before = draw();
    cr_expect_eq(count_color(before, tree_nodes_area(), VIS_COLOR_GHOST), 0);
    SDL_FreeSurface(before);
    EV(TRACE_CAP_DELETE, MINT_SLOT, EP_ADDR | TRACE_CAP_ENDPOINT, 0xF000002Au, TRACE_CAUSE_DELETE);
    SDL_Surface *after = draw();
    cr_expect_gt(count_color(after, tree_nodes_area(), VIS_COLOR_GHOST), 50, "no ghost drawn");
    SDL_FreeSurface(after);
}

Test(vis_render, a_cap_can_be_clicked_where_it_is_drawn)
{
    build_model();
    SDL_FreeSurface(draw());
    SDL_Rect tree = tree_nodes_area();
    const vis_hit_t *found = NULL;
    for (size_t i = 0; i < ui.hit_count; i++) {
        SDL_Point centre = {ui.hits[i].rect.x + ui.hits[i].rect.w / 2, ui.hits[i].rect.y + 2};
        if (ui.hits[i].kind == VIS_HIT_CAP && ui.hits[i].value == MINT_SLOT &&
            SDL_PointInRect(&centre, &tree))
            found = &ui.hits[i];
    }
    cr_assert_not_null(found, "the mint has no click region in the tree");
    const vis_hit_t *h =
        vis_hit_at(&ui, found->rect.x + found->rect.w / 2, found->rect.y + found->rect.h / 2);
    cr_assert_not_null(h);
    cr_expect_eq(h->kind, VIS_HIT_CAP);
    cr_expect_eq(h->value, MINT_SLOT);
}

Test(vis_render, selection_scrolls_its_slot_into_the_cspace_tab)
{
    build_model();
    ui.selected = MINT_SLOT;
    SDL_FreeSurface(draw());
    vis_panes_t p;
    vis_layout_panes(ui.width, ui.height, ui.scale, &p);
    bool in_tab = false;
    for (size_t i = 0; i < ui.hit_count; i++)
        in_tab |= ui.hits[i].kind == VIS_HIT_CAP && ui.hits[i].value == MINT_SLOT &&
                  SDL_HasIntersection(&ui.hits[i].rect, &p.tabs);
    cr_expect(in_tab, "the selected cap's slot is not shown in the CSpaces tab");
}

/* Reads the width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
static void png_size(const char *path, uint32_t *w, uint32_t *h)
{
    uint8_t head[24];
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    cr_assert_eq(fread(head, 1, sizeof(head), f), sizeof(head));
    fclose(f);
    cr_assert(memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0, "not a PNG");
    *w = (uint32_t)head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19];
    *h = (uint32_t)head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23];
}

Test(vis_render, screenshot_png_has_the_window_size)
{
    build_model();
    char path[] = "/tmp/numbat-vis-XXXXXX.png", err[256] = "";
    int fd = mkstemps(path, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    ui.records = records;
    ui.record_count = ui.cursor = record_count;
    cr_assert_eq(vis_render_png(&m, &ui, path, err, sizeof(err)), 0, "%s", err);
    uint32_t w, h;
    png_size(path, &w, &h);
    cr_expect_eq(w, VIS_DEFAULT_WIDTH);
    cr_expect_eq(h, VIS_DEFAULT_HEIGHT);
    SDL_Surface *back = IMG_Load(path);
    cr_assert_not_null(back, "%s", IMG_GetError());
    cr_expect_eq(back->w, VIS_DEFAULT_WIDTH);
    cr_expect_eq(back->h, VIS_DEFAULT_HEIGHT);
    SDL_FreeSurface(back);
    remove(path);
}

Test(vis_render, details_link_to_the_parent_the_slot_and_the_making_event)
{
    build_model();
    ui.selected = MINT_SLOT;
    SDL_FreeSurface(draw());
    vis_panes_t p;
    vis_layout_panes(ui.width, ui.height, ui.scale, &p);
    bool parent = false, slot = false, made_by = false;
    const vis_cap_t *mint = vis_model_cap_at(&m, MINT_SLOT);
    cr_assert_not_null(mint);
    for (size_t i = 0; i < ui.hit_count; i++) {
        const vis_hit_t *h = &ui.hits[i];
        if (!SDL_HasIntersection(&h->rect, &p.details))
            continue;
        parent |= h->kind == VIS_HIT_CAP && h->value == EP_SLOT;
        slot |= h->kind == VIS_HIT_CAP && h->value == CNODE_SLOT; /* the CNode holding it */
        made_by |= h->kind == VIS_HIT_EVENT && h->value == mint->born;
    }
    cr_expect(parent, "the parent is not a link");
    cr_expect(slot, "the slot does not link to its CNode");
    cr_expect(made_by, "\"made by\" does not link to its event");
}

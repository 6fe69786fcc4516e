/*
 * tests/sim/test_vis_follow.c - the tree keeps the selected cap in sight: the start of
 * a recorded bench/cap-churn run (data/cap-churn.trace) is drawn as --screenshot
 * draws it, at 1024x768, 1600x900, 1920x1080 and at scale 1.5, with the newest cap
 * selected, and the layout the frame reports (where the tree pane's nodes go and
 * where the selected box was drawn) must put the box inside the pane. Fit-to-pane
 * must bring every node in. Partners: visualizer/render_tree.c, render.h.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "../../visualizer/describe.h"
#include "../../visualizer/layout.h"
#include "../../visualizer/render.h"

static trace_record_t *records;
static size_t count;

static void load(void)
{
    trace_file_t tf;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, "tests/sim/data/cap-churn.trace", err, sizeof(err)), 0, "%s",
                 err);
    records = malloc(4096 * sizeof(*records));
    count = 0;
    while (count < 4096 && trace_file_next(&tf, &records[count], err, sizeof(err)) == 1)
        count++;
    trace_file_close(&tf);
}

static void unload(void)
{
    free(records);
}

TestSuite(vis_follow, .init = load, .fini = unload);

/* The newest cap of the model, as the screenshot selects it. */
static uint32_t newest(const vis_model_t *m)
{
    uint32_t slot = 0, born = 0;
    for (size_t i = 0; i < m->cap_count; i++)
        if (!slot || m->caps[i].born >= born) {
            slot = m->caps[i].slot;
            born = m->caps[i].born;
        }
    return slot;
}

static bool inside(SDL_Rect in, SDL_Rect out)
{
    return in.w > 0 && in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

/* Draws the first `events` events at w x h and `scale`; checks the selection is seen. */
static void expect_selection_in_tree(size_t events, int w, int h, float scale)
{
    vis_model_t m;
    vis_model_init(&m);
    for (size_t i = 0; i < events; i++)
        vis_model_apply(&m, &records[i]);
    static vis_ui_t ui;
    vis_ui_init(&ui, w, h);
    ui.scale = scale;
    ui.records = records;
    ui.record_count = ui.cursor = events;
    ui.selected = newest(&m);
    char err[256];
    SDL_Surface *s = vis_render_surface(&m, &ui, err, sizeof(err));
    cr_assert_not_null(s, "%s", err);
    cr_expect(inside(ui.selected_box, ui.tree_area),
              "%dx%d at scale %.2f, event %zu: the selected cap's box (%d,%d %dx%d) is not "
              "inside the tree (%d,%d %dx%d)",
              w, h, scale, events, ui.selected_box.x, ui.selected_box.y, ui.selected_box.w,
              ui.selected_box.h, ui.tree_area.x, ui.tree_area.y, ui.tree_area.w, ui.tree_area.h);
    SDL_FreeSurface(s);
    vis_ui_free(&ui);
    vis_model_free(&m);
}

static const struct {
    int w, h;
    float scale;
} views[] = {{1024, 768, 1}, {1600, 900, 1}, {1600, 900, 1.5f}, {1920, 1080, 1}};

Test(vis_follow, the_selected_cap_is_inside_the_tree_at_every_size)
{
    size_t points[] = {count / 4, count / 2, count * 3 / 4, count};
    for (size_t v = 0; v < sizeof(views) / sizeof(views[0]); v++)
        for (size_t p = 0; p < sizeof(points) / sizeof(points[0]); p++)
            expect_selection_in_tree(points[p], views[v].w, views[v].h, views[v].scale);
}

Test(vis_follow, fit_to_pane_brings_every_node_in)
{
    vis_model_t m;
    vis_model_init(&m);
    for (size_t i = 0; i < count; i++)
        vis_model_apply(&m, &records[i]);
    static vis_ui_t ui;
    vis_ui_init(&ui, 1024, 768);
    ui.records = records;
    ui.record_count = ui.cursor = count;
    ui.follow = false;
    ui.fit_tree = true;
    char err[256];
    SDL_Surface *s = vis_render_surface(&m, &ui, err, sizeof(err));
    cr_assert_not_null(s, "%s", err);
    cr_expect(!ui.fit_tree, "the fit was not done");
    cr_expect_lt(ui.zoom, 1.0f);
    /* Click regions are cut to the pane: a box partly outside would be smaller. */
    size_t caps = 0;
    int box_w = 0, box_h = 0;
    for (size_t i = 0; i < ui.hit_count; i++)
        if ((ui.hits[i].kind == VIS_HIT_CAP || ui.hits[i].kind == VIS_HIT_GROUP) &&
            inside(ui.hits[i].rect, ui.tree_area)) {
            box_w = ui.hits[i].rect.w > box_w ? ui.hits[i].rect.w : box_w;
            box_h = ui.hits[i].rect.h > box_h ? ui.hits[i].rect.h : box_h;
        }
    for (size_t i = 0; i < ui.hit_count; i++)
        if ((ui.hits[i].kind == VIS_HIT_CAP || ui.hits[i].kind == VIS_HIT_GROUP) &&
            inside(ui.hits[i].rect, ui.tree_area))
            caps += ui.hits[i].rect.w == box_w && ui.hits[i].rect.h == box_h;
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    size_t live = 0;
    for (size_t i = 0; i < t.count; i++)
        live += t.nodes[i].kind != VIS_NODE_GHOST;
    cr_expect_geq(caps, live, "only %zu of %zu boxes are inside the tree pane", caps, live);
    vis_tree_free(&t);
    SDL_FreeSurface(s);
    vis_ui_free(&ui);
    vis_model_free(&m);
}

/* ---- the text on the boxes at any zoom (layout.h: vis_tree_labels) ------------- */

static void model_of_all(vis_model_t *m)
{
    vis_model_init(m);
    for (size_t i = 0; i < count; i++)
        vis_model_apply(m, &records[i]);
}

Test(vis_follow, at_full_zoom_every_box_has_its_full_label)
{
    vis_model_t m;
    model_of_all(&m);
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    vis_label_t *l = malloc(t.count * sizeof(*l));
    vis_tree_labels(&t, 1.0f, 1.0f, 0, -1, l);
    for (size_t i = 0; i < t.count; i++) {
        cr_expect_eq(l[i].kind, VIS_LABEL_FULL);
        cr_expect_eq(l[i].px, 15);
    }
    free(l);
    vis_tree_free(&t);
    vis_model_free(&m);
}

/* Below full size no text is smaller than 14 px times the scale, no two labels of a
 * column overlap, the selected box always has one, and runs have theirs. */
Test(vis_follow, zoomed_out_labels_stay_14_px_and_never_overlap)
{
    vis_model_t m;
    model_of_all(&m);
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    vis_label_t *l = malloc(t.count * sizeof(*l));
    int selected = vis_tree_node_of(&t, &m, newest(&m));
    cr_assert_geq(selected, 0);
    float zooms[] = {0.9f, 0.6f, 0.47f, 0.33f, 0.2f, 0.1f}, scales[] = {1.0f, 1.5f};
    for (size_t s = 0; s < 2; s++)
        for (size_t z = 0; z < sizeof(zooms) / sizeof(zooms[0]); z++) {
            float scale = scales[s], zoom = zooms[z];
            vis_tree_labels(&t, scale, zoom, selected, -1, l);
            int least = (int)(14 * scale + 0.5f);
            float pitch = VIS_TREE_ROW_H * scale * zoom, line = least * VIS_LABEL_LINE / 100.0f;
            size_t shown = 0, runs = 0, runs_shown = 0;
            cr_expect_neq(l[selected].kind, VIS_LABEL_NONE, "zoom %.2f: the selection", zoom);
            for (size_t i = 0; i < t.count; i++) {
                runs += t.nodes[i].kind == VIS_NODE_GROUP;
                if (l[i].kind == VIS_LABEL_NONE)
                    continue;
                shown++;
                runs_shown += t.nodes[i].kind == VIS_NODE_GROUP;
                cr_expect_geq(l[i].px, least, "scale %.1f zoom %.2f: %d px", scale, zoom, l[i].px);
                for (size_t j = i + 1; j < t.count; j++)
                    if (l[j].kind != VIS_LABEL_NONE && t.nodes[j].depth == t.nodes[i].depth) {
                        int rows = abs(t.nodes[j].row - t.nodes[i].row);
                        cr_expect_geq(rows * pitch + 0.01f, line,
                                      "scale %.1f zoom %.2f: labels %zu and %zu overlap", scale,
                                      zoom, i, j);
                    }
            }
            cr_expect_gt(shown, 0);
            cr_expect_gt(runs_shown, 0, "zoom %.2f: no run labelled", zoom);
            /* A box without a label has one too close above or below: a run's is a run's
             * or the selection's. */
            for (size_t i = 0; i < t.count; i++) {
                if (l[i].kind != VIS_LABEL_NONE)
                    continue;
                bool run = t.nodes[i].kind == VIS_NODE_GROUP, blocked = false;
                for (size_t j = 0; j < t.count && !blocked; j++)
                    blocked = l[j].kind != VIS_LABEL_NONE && t.nodes[j].depth == t.nodes[i].depth &&
                              abs(t.nodes[j].row - t.nodes[i].row) * pitch + 0.01f < line &&
                              (!run || t.nodes[j].kind == VIS_NODE_GROUP || (int)j == selected);
                cr_expect(blocked, "zoom %.2f: node %zu could have had a label", zoom, i);
            }
        }
    free(l);
    vis_tree_free(&t);
    vis_model_free(&m);
}

Test(vis_follow, a_short_label_names_the_index_or_the_run)
{
    vis_model_t m;
    model_of_all(&m);
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    size_t runs = 0, caps = 0;
    for (size_t i = 0; i < t.count; i++) {
        char text[96];
        const vis_node_t *n = &t.nodes[i];
        vis_node_short_label(&m, n, text, sizeof(text));
        if (n->kind == VIS_NODE_GROUP) {
            char want[16];
            snprintf(want, sizeof(want), "%u× ", n->members + n->ghosts);
            cr_expect(strncmp(text, want, strlen(want)) == 0 && strstr(text, "–"), "%s", text);
            runs++;
        } else if (n->kind == VIS_NODE_CAP) {
            char slot[64];
            vis_slot_name(&m, n->cap.slot, slot, sizeof(slot));
            cr_expect_str_eq(text, slot);
            caps++;
        }
    }
    cr_expect_gt(runs, 0);
    cr_expect_gt(caps, 0);
    vis_tree_free(&t);
    vis_model_free(&m);
}

/* What the frame draws follows the plan: zoomed out to a third at 1024x768, the text
 * on the boxes is 14 px, short, and the selected box carries its own. */
Test(vis_follow, a_zoomed_out_frame_draws_14_px_labels_with_the_selection_named)
{
    vis_model_t m;
    model_of_all(&m);
    static vis_ui_t ui;
    vis_ui_init(&ui, 1024, 768);
    ui.records = records;
    ui.record_count = ui.cursor = count;
    ui.selected = newest(&m);
    ui.zoom = 0.33f;
    ui.record_labels = true;
    char err[256];
    SDL_Surface *s = vis_render_surface(&m, &ui, err, sizeof(err));
    cr_assert_not_null(s, "%s", err);
    cr_assert_gt(ui.label_count, 0);
    bool named = false;
    for (size_t i = 0; i < ui.label_count; i++) {
        const vis_drawn_label_t *l = &ui.labels[i];
        cr_expect_eq(l->px, 14, "%s: %d px", l->text, l->px);
        cr_expect_not(l->full, "%s: a full label at 33%%", l->text);
        cr_expect(inside(l->rect, ui.tree_area), "%s is drawn outside the tree", l->text);
        named |= l->box.x == ui.selected_box.x && l->box.y == ui.selected_box.y &&
                 l->rect.x >= ui.selected_box.x && l->rect.x < ui.selected_box.x + ui.selected_box.w;
    }
    cr_expect(named, "the selected box has no label");
    SDL_FreeSurface(s);
    vis_ui_free(&ui);
    vis_model_free(&m);
}

/*
 * tests/system/test_visualizer.c - the visualizer end to end: numbat-sim
 * --screenshot runs a real image and writes the window, drawn offscreen with the
 * live window's code, as a PNG of the window's size, and with --layout-out what its
 * layout drew where: the selected cap's box inside the tree pane at 1024x768, 1600x900
 * and scale 1.5, with its label, no text on a box under 14 px times the scale.
 * Partners: run_guest.c, visualizer/layout_out.c.
 */
#include <SDL2/SDL_rect.h>
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run_guest.h"

/* Width and height from a PNG's IHDR chunk; false if the file is not a PNG. */
static bool png_size(const char *path, uint32_t *w, uint32_t *h)
{
    static const uint8_t magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    uint8_t head[24];
    FILE *f = fopen(path, "rb");
    bool ok = f && fread(head, 1, sizeof(head), f) == sizeof(head) &&
              memcmp(head, magic, 8) == 0 && memcmp(head + 12, "IHDR", 4) == 0;
    if (f)
        fclose(f);
    if (ok) {
        *w = (uint32_t)head[16] << 24 | (uint32_t)head[17] << 16 | (uint32_t)head[18] << 8 | head[19];
        *h = (uint32_t)head[20] << 24 | (uint32_t)head[21] << 16 | (uint32_t)head[22] << 8 | head[23];
    }
    return ok;
}

Test(visualizer, screenshot_of_a_real_run_is_a_window_sized_png)
{
    char path[] = "/tmp/numbat-shot-XXXXXX.png";
    int fd = mkstemps(path, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--screenshot", path, "--at", "789000", NULL};
    run_result_t r = run_sim(IMAGE("arm-sim", "caps"), extra);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    uint32_t w = 0, h = 0;
    cr_expect(png_size(path, &w, &h), "not a PNG");
    cr_expect_eq(w, 1600);
    cr_expect_eq(h, 900);
    unlink(path);
    run_result_free(&r);
}

/* ---- what the layout drew where (--layout-out, visualizer/layout_out.c) ---------- */

typedef struct drawn {
    SDL_Rect tree_pane, tree_area, selected;
    size_t boxes, labels, full_labels;
    int least_px;          /* the smallest text on a box */
    bool selected_labelled; /* a label starts inside the selected box */
    char selected_text[128];
} drawn_t;

static bool inside(SDL_Rect in, SDL_Rect out)
{
    return in.w > 0 && in.h > 0 && in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

static drawn_t read_layout(const char *path)
{
    drawn_t d = {.least_px = 1000};
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "no layout file %s", path);
    char line[512], kind[16], text[128];
    SDL_Rect r;
    int px;
    unsigned slot;
    while (fgets(line, sizeof(line), f)) {
        if (sscanf(line, "pane tree %d %d %d %d", &r.x, &r.y, &r.w, &r.h) == 4)
            d.tree_pane = r;
        else if (sscanf(line, "tree-area %d %d %d %d", &r.x, &r.y, &r.w, &r.h) == 4)
            d.tree_area = r;
        else if (sscanf(line, "selected %d %d %d %d", &r.x, &r.y, &r.w, &r.h) == 4)
            d.selected = r;
        else if (strncmp(line, "box ", 4) == 0)
            d.boxes++;
        else if (sscanf(line, "label %15s %d %x %d %d %d %d %127[^\n]", kind, &px, &slot, &r.x, &r.y,
                        &r.w, &r.h, text) == 8) {
            d.labels++;
            d.full_labels += strcmp(kind, "full") == 0;
            d.least_px = px < d.least_px ? px : d.least_px;
            SDL_Point start = {r.x, r.y + r.h / 2};
            if (SDL_PointInRect(&start, &d.selected) || (d.selected.w && r.x >= d.selected.x &&
                r.x < d.selected.x + d.selected.w && r.y < d.selected.y + d.selected.h &&
                r.y + r.h > d.selected.y)) {
                d.selected_labelled = true;
                snprintf(d.selected_text, sizeof(d.selected_text), "%s", text);
            }
        }
    }
    fclose(f);
    return d;
}

/* caps at instruction 789,000 (its newest cap selected, as --screenshot does) at a size
 * and scale: the selected cap's box is inside the tree pane and has its label, and no
 * text on a box is below 14 px times the scale. */
static void expect_selection_drawn(const char *size, const char *scale)
{
    char png[] = "/tmp/numbat-shot-XXXXXX.png", layout[64];
    int fd = mkstemps(png, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    snprintf(layout, sizeof(layout), "%s.layout", png);
    const char *extra[] = {"--screenshot", png, "--at", "789000", "--size", size, "--scale", scale,
                           "--layout-out", layout, NULL};
    run_result_t r = run_sim(IMAGE("arm-sim", "caps"), extra);
    cr_expect_eq(r.status, 0, "%s at scale %s: status %d: %s", size, scale, r.status, r.err);
    drawn_t d = read_layout(layout);
    cr_expect(inside(d.tree_area, d.tree_pane), "%s: the tree area leaves its pane", size);
    cr_expect(inside(d.selected, d.tree_area),
              "%s at scale %s: the selected box (%d,%d %dx%d) is not inside the tree (%d,%d %dx%d)",
              size, scale, d.selected.x, d.selected.y, d.selected.w, d.selected.h, d.tree_area.x,
              d.tree_area.y, d.tree_area.w, d.tree_area.h);
    cr_expect(d.selected_labelled, "%s at scale %s: the selected box has no text", size, scale);
    cr_expect_gt(d.boxes, 0, "%s: no box in the tree", size);
    cr_expect_gt(d.full_labels, 0, "%s: no box has its full label at full zoom", size);
    cr_expect_neq(d.selected_text[0], '\0', "%s: the selected box's text is empty", size);
    int least = (int)(14 * strtof(scale, NULL) + 0.5f);
    cr_expect_geq(d.least_px, least, "%s at scale %s: text of %d px on a box", size, scale,
                  d.least_px);
    unlink(png);
    unlink(layout);
    run_result_free(&r);
}

Test(visualizer, the_selected_cap_is_drawn_inside_the_tree_at_1024x768)
{
    expect_selection_drawn("1024x768", "1");
}

Test(visualizer, the_selected_cap_is_drawn_inside_the_tree_at_1600x900)
{
    expect_selection_drawn("1600x900", "1");
}

Test(visualizer, the_selected_cap_is_drawn_inside_the_tree_at_scale_1_5)
{
    expect_selection_drawn("1600x900", "1.5");
}

Test(visualizer, layout_out_goes_with_screenshot)
{
    const char *argv[] = {SIM_PATH, "--layout-out", "/tmp/x.layout", IMAGE("arm-sim", "hello"), NULL};
    run_result_t r = run_command(argv, 10);
    cr_expect_eq(r.status, 2, "status %d: %s", r.status, r.err);
    cr_expect(strstr(r.err, "--layout-out goes with --screenshot") != NULL, "%s", r.err);
    run_result_free(&r);
}

Test(visualizer, size_sets_the_screenshot_dimensions)
{
    char path[] = "/tmp/numbat-shot-XXXXXX.png";
    int fd = mkstemps(path, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--screenshot", path, "--at", "789000", "--size", "1024x768", NULL};
    run_result_t r = run_sim(IMAGE("arm-sim", "caps"), extra);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    uint32_t w = 0, h = 0;
    cr_expect(png_size(path, &w, &h), "not a PNG");
    cr_expect_eq(w, 1024);
    cr_expect_eq(h, 768);
    unlink(path);
    run_result_free(&r);
}

Test(visualizer, gui_without_a_display_says_so_and_exits_2)
{
    const char *argv[] = {"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", SIM_PATH, "--gui",
                          IMAGE("arm-sim", "hello"), NULL};
    run_result_t r = run_command(argv, 60);
    cr_expect_eq(r.status, 2, "status %d", r.status);
    cr_expect(strstr(r.err, "numbat-sim:") != NULL, "%s", r.err);
    run_result_free(&r);
}

/* "... stopped at instruction N, after event E" from numbat-sim's --at-console report;
   false if the report is missing. */
static bool at_console_report(const char *err, unsigned long long *printed, size_t *text_event,
                              unsigned long long *stopped, size_t *event)
{
    const char *s = strstr(err, "': printed by instruction ");
    return s && sscanf(s, "': printed by instruction %llu, after event %zu; stopped at "
                          "instruction %llu, after event %zu", printed, text_event, stopped,
                       event) == 4;
}

/* --at-console lands right after the first line containing the text: the console echoed
   so far is the whole run's, cut just after that line; and that is where the instruction
   count it reports stands, as --at at that count shows the same console. */
Test(visualizer, at_console_stops_right_after_the_line, .timeout = 120)
{
    char path[] = "/tmp/numbat-shot-XXXXXX.png";
    int fd = mkstemps(path, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *none[] = {NULL};
    run_result_t whole = run_sim(IMAGE("arm-sim", "caps"), none);
    const char *line = strstr(whole.out, "mint badge 42:");
    cr_assert_not_null(line, "%s", whole.out);
    size_t upto = (size_t)(strchr(line, '\n') + 1 - whole.out);

    const char *extra[] = {"--screenshot", path, "--at-console", "badge 42", NULL};
    run_result_t r = run_sim(IMAGE("arm-sim", "caps"), extra);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    cr_expect_eq(strlen(r.out), upto, "stopped after %zu console bytes, not %zu:\n%s",
                 strlen(r.out), upto, r.out);
    cr_expect_eq(strncmp(r.out, whole.out, upto), 0, "%s", r.out);
    unsigned long long printed, stopped;
    size_t text_event, event;
    cr_assert(at_console_report(r.err, &printed, &text_event, &stopped, &event), "%s", r.err);
    cr_expect_eq(printed, stopped);
    cr_expect_eq(text_event, event);
    uint32_t w = 0, h = 0;
    cr_expect(png_size(path, &w, &h), "no PNG");

    char at[32];
    snprintf(at, sizeof(at), "%llu", stopped);
    const char *by_count[] = {"--screenshot", path, "--at", at, NULL};
    run_result_t c = run_sim(IMAGE("arm-sim", "caps"), by_count);
    cr_expect_eq(c.status, 0, "status %d: %s", c.status, c.err);
    cr_expect_str_eq(c.out, r.out, "--at %s shows another console than --at-console", at);

    const char *later[] = {"--screenshot", path, "--at-console", "badge 42", "--then-events", "7",
                           NULL};
    run_result_t e = run_sim(IMAGE("arm-sim", "caps"), later);
    cr_expect_eq(e.status, 0, "status %d: %s", e.status, e.err);
    unsigned long long printed2, stopped2;
    size_t text_event2, event2;
    cr_assert(at_console_report(e.err, &printed2, &text_event2, &stopped2, &event2), "%s", e.err);
    cr_expect_eq(printed2, printed);
    cr_expect_eq(event2, text_event + 7, "stopped after event %zu, not %zu", event2,
                 text_event + 7);
    cr_expect_gt(stopped2, printed2);
    unlink(path);
    run_result_free(&whole);
    run_result_free(&r);
    run_result_free(&c);
    run_result_free(&e);
}

/* A text no line contains: a clear error, exit 2, and no picture of the wrong moment. */
Test(visualizer, at_console_without_such_a_line_writes_nothing)
{
    char path[] = "/tmp/numbat-shot-XXXXXX.png";
    int fd = mkstemps(path, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    unlink(path);
    const char *extra[] = {"--screenshot", path, "--at-console", "no line says this", NULL};
    run_result_t r = run_sim(IMAGE("arm-sim", "caps"), extra);
    cr_expect_eq(r.status, 2, "status %d", r.status);
    cr_expect(strstr(r.err, "numbat-sim: --at-console 'no line says this': no console line "
                            "contains it") != NULL, "%s", r.err);
    cr_expect_neq(access(path, F_OK), 0, "a PNG was written");
    unlink(path);
    run_result_free(&r);
}

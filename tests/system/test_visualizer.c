/*
 * tests/system/test_visualizer.c - the visualizer end to end: numbat-sim
 * --screenshot runs a real image and writes the window, drawn offscreen with the
 * live window's code, as a PNG of the window's size. Partner: run_guest.c.
 */
#include <criterion/criterion.h>
#include <stdint.h>
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
    /* A drawn window compresses to far more than a blank one (a few KiB). */
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    cr_expect_gt(size, 50000, "PNG of %ld bytes: the panels look empty", size);
    unlink(path);
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

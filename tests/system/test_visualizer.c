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

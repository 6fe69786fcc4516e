/*
 * tests/sim/test_vis_source_text.c - the code pane's C source lines
 * (visualizer/source_text.c): numbered lines around the wanted one, that one marked,
 * the common indentation removed, and nothing for a file or line that is not there.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../visualizer/source_text.h"

static char path[] = "/tmp/numbat-source-XXXXXX.c";

static void write_source(void)
{
    int fd = mkstemps(path, 2);
    cr_assert_geq(fd, 0);
    const char text[] = "int f(void)\n{\n    int x = 1;\n    x += 2;\n    return x;\n}\n";
    cr_assert_eq(write(fd, text, sizeof(text) - 1), (ssize_t)(sizeof(text) - 1));
    close(fd);
}

static void remove_source(void)
{
    unlink(path);
}

TestSuite(vis_source_text, .init = write_source, .fini = remove_source);

Test(vis_source_text, the_line_and_its_neighbours_are_numbered_and_marked)
{
    vis_source_file_t f = {0};
    char out[512] = "heading\n";
    size_t n = vis_source_excerpt(&f, path, 4, 1, 1, out, sizeof(out));
    cr_expect_gt(n, 0);
    cr_expect_str_eq(out, "heading\n"
                          "     3  int x = 1;\n"
                          ">    4  x += 2;\n"
                          "     5  return x;\n");
    vis_source_file_free(&f);
}

Test(vis_source_text, a_missing_file_or_line_gives_nothing)
{
    vis_source_file_t f = {0};
    char out[128] = "";
    cr_expect_eq(vis_source_excerpt(&f, "/nonexistent/numbat.c", 3, 1, 1, out, sizeof(out)), 0);
    cr_expect_eq(vis_source_excerpt(&f, path, 99, 1, 1, out, sizeof(out)), 0);
    cr_expect_str_eq(out, "");
    vis_source_file_free(&f);
}

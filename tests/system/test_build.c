/*
 * tests/system/test_build.c - `make image APP=dir` as a student uses it: a program
 * with the warnings tutorial code has (unused parameters, a store to a constant
 * address, a %lu for a seL4_Word) builds, showing them; the folder moved, renamed,
 * or replaced by another of the same name from elsewhere still builds the right
 * program, never a stale one. Partners: mk/image.mk, run_guest.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run_guest.h"

static char root[64];

static void make_root(void)
{
    snprintf(root, sizeof(root), "/tmp/numbat-build-XXXXXX");
    cr_assert_not_null(mkdtemp(root));
}

static void remove_root(void)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(build, .init = make_root, .fini = remove_root);

/* Writes dir/main.c (dir under root, created) printing `greeting`. */
static void write_app(const char *dir, const char *greeting)
{
    char path[256];
    snprintf(path, sizeof(path), "mkdir -p '%s/%s'", root, dir);
    cr_assert_eq(system(path), 0);
    snprintf(path, sizeof(path), "%s/%s/main.c", root, dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "#include <stdio.h>\n#include <sel4/sel4.h>\n"
               "static void poke(int how) { *(volatile int *)0x10 = 1; }\n"
               "int main(void) {\n"
               "    int unused;\n"
               "    seL4_Word w = 7;\n"
               "    printf(\"%%lu %s\\n\", w);\n"
               "    if (w == 8) poke(0);\n"
               "    return 0;\n"
               "}\n",
            greeting);
    fclose(f);
}

static run_result_t make_image(const char *dir)
{
    char app[256];
    snprintf(app, sizeof(app), "APP=%s/%s", root, dir);
    const char *argv[] = {"make", "--no-print-directory", "image", app, NULL};
    return run_command(argv, 300);
}

/* Builds dir and runs its image (named for the folder); expects `greeting`. */
static void build_and_run(const char *dir, const char *name, const char *greeting)
{
    run_result_t b = make_image(dir);
    cr_assert_eq(b.status, 0, "make image of %s failed:\n%s\n%s", dir, b.out, b.err);
    char image[128], want[128];
    snprintf(image, sizeof(image), "build/arm-sim/%s.elf", name);
    run_result_t r = run_sim(image, NULL);
    snprintf(want, sizeof(want), "7 %s\r\n", greeting);
    cr_expect(strstr(r.out, want) != NULL, "%s printed:\n%s", image, r.out);
    run_result_free(&r);
    run_result_free(&b);
}

Test(build, tutorial_style_code_builds_with_its_warnings_shown)
{
    write_app("one/student-app", "hello");
    run_result_t b = make_image("one/student-app");
    cr_assert_eq(b.status, 0, "%s\n%s", b.out, b.err);
    cr_expect(strstr(b.err, "warning: unused variable 'unused'") != NULL, "%s", b.err);
    cr_expect(strstr(b.err, "unused parameter 'how'") != NULL, "%s", b.err);
    cr_expect(strstr(b.err, "array bounds") == NULL && strstr(b.err, "array-bounds") == NULL,
              "a store to a constant address is not an array access:\n%s", b.err);
    run_result_free(&b);
}

Test(build, a_moved_or_renamed_folder_builds_again)
{
    char cmd[256];
    write_app("one/student-app", "from one");
    build_and_run("one/student-app", "student-app", "from one");
    snprintf(cmd, sizeof(cmd), "cd '%s' && mkdir two && mv one/student-app two/", root);
    cr_assert_eq(system(cmd), 0);
    build_and_run("two/student-app", "student-app", "from one");
    snprintf(cmd, sizeof(cmd), "cd '%s' && mv two/student-app two/renamed-app", root);
    cr_assert_eq(system(cmd), 0);
    build_and_run("two/renamed-app", "renamed-app", "from one");
}

Test(build, two_folders_of_one_name_each_build_their_own_program)
{
    write_app("a/lab", "program a");
    write_app("b/lab", "program b");
    build_and_run("a/lab", "lab", "program a");
    build_and_run("b/lab", "lab", "program b");
    build_and_run("a/lab", "lab", "program a");
}

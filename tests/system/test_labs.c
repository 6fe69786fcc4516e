/*
 * tests/system/test_labs.c - the course's labs as make grade runs them: each lab's
 * reference solution scores full marks on numbat-sim and on QEMU, each skeleton
 * builds, runs without a kernel panic and loses points; every figure a handout or
 * slide deck shows is made by make figures, none is checked in, and every deck
 * renders; the handout tree (no solutions/) builds every lab. Partners: tools/grade/, labs/, solutions/.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run_guest.h"

typedef struct lab_case {
    char *lab;        /* folder name under labs/ */
    char *plat;
    int solution;     /* 1: graded with solutions/ laid over it */
} lab_case_t;

static int has_grader(const char *lab)
{
    char path[300];
    struct stat st;
    snprintf(path, sizeof(path), "labs/%s/grade.py", lab);
    return stat(path, &st) == 0;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void free_cases(struct criterion_test_params *p)
{
    lab_case_t *cases = p->params;
    for (size_t i = 0; i < p->length; i++) {
        cr_free(cases[i].lab);
        cr_free(cases[i].plat);
    }
    cr_free(cases);
}

/* One case per lab with a grader and each of: solution on numbat-sim, solution on
   QEMU's vexpress-a15 and raspi2b (the Raspberry Pi build), skeleton on numbat-sim
   (the skeleton's QEMU run would show nothing more). */
ParameterizedTestParameters(labs, graded)
{
    static const struct { const char *plat; int solution; } runs[] = {
        {"arm-sim", 1}, {"vexpress-a15", 1}, {"raspi2", 1}, {"arm-sim", 0}};
    size_t n = 0, cap = 64;
    lab_case_t *cases = cr_malloc(cap * sizeof(*cases));
    DIR *d = opendir("labs");
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_grader(e->d_name))
            continue;
        for (size_t r = 0; r < sizeof(runs) / sizeof(runs[0]) && n < cap; r++) {
            cases[n].lab = cr_malloc(strlen(e->d_name) + 1);
            strcpy(cases[n].lab, e->d_name);
            cases[n].plat = cr_malloc(strlen(runs[r].plat) + 1);
            strcpy(cases[n].plat, runs[r].plat);
            cases[n].solution = runs[r].solution;
            n++;
        }
    }
    if (d)
        closedir(d);
    return cr_make_param_array(lab_case_t, cases, n, free_cases);
}

/* The whole file at path, NUL-terminated, in *text (freed by the caller). */
static bool read_text(const char *path, char **text)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    *text = malloc((size_t)n + 1);
    size_t got = fread(*text, 1, (size_t)n, f);
    (*text)[got] = '\0';
    fclose(f);
    return true;
}

/* "Score: X/Y" from make grade's output. */
static void parse_score(const char *out, int *got, int *total)
{
    const char *s = strstr(out, "\nScore: ");
    cr_assert_not_null(s, "no score line in:\n%s", out);
    cr_assert_eq(sscanf(s, "\nScore: %d/%d", got, total), 2, "%s", s);
}

ParameterizedTest(lab_case_t *c, labs, graded, .timeout = 600)
{
    if (c->solution && !is_dir("solutions")) {
        cr_skip_test("no solutions/ in this tree (a handout)");
    }
    const char *argv[] = {"python3", "tools/grade/grade.py", c->lab, "--plat", c->plat,
                          "--sim", SIM_PATH, "--trace-tool", TRACE_PATH,
                          c->solution ? "--solution" : NULL, NULL};
    run_result_t r = run_command(argv, 300);
    int got, total;
    parse_score(r.out, &got, &total);
    cr_assert(total > 0, "%s declares no points", c->lab);
    cr_assert(strstr(r.out, "the lab does not build") == NULL, "%s does not build:\n%s", c->lab,
              r.out);
    if (c->solution) {
        cr_expect_eq(got, total, "%s's solution on %s: %d/%d\n%s", c->lab, c->plat, got, total,
                     r.out);
        cr_expect_eq(r.status, 0, "%s", r.out);
    } else {
        cr_expect_lt(got, total, "%s's skeleton scores full marks:\n%s", c->lab, r.out);
        cr_expect(strstr(r.out, "ended: panic") == NULL, "%s's skeleton panics the kernel:\n%s",
                  c->lab, r.out);
        cr_expect_eq(r.status, 1, "%s", r.out);
    }
    run_result_free(&r);
}

/* make grade's verdicts for the cases it must refuse. */
Test(labs, grade_refuses_an_unknown_lab)
{
    const char *argv[] = {"python3", "tools/grade/grade.py", "99", NULL};
    run_result_t r = run_command(argv, 60);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "no lab '99'") != NULL, "%s", r.err);
    run_result_free(&r);
}

/* make figures then make slides, as a teacher runs them: every figure a README or deck
   shows is listed, drawn from a real run and never checked in; every deck renders with
   its pictures inside and its tables measured. */
Test(labs, figures_and_slides_are_made_from_real_runs, .timeout = 900)
{
    const char *check[] = {"python3", "tools/grade/figures.py", "--check", NULL};
    run_result_t r = run_command(check, 60);
    cr_expect_eq(r.status, 0, "a README or deck shows a figure figures.txt does not list:\n%s",
                 r.err);
    run_result_free(&r);
    if (is_dir(".git")) {
        const char *git[] = {"git", "ls-files", "labs/*/figures/*", "slides/figures/*", NULL};
        r = run_command(git, 30);
        cr_expect_str_eq(r.out, "", "figures checked in by hand:\n%s", r.out);
        run_result_free(&r);
    }
    if (!is_dir("solutions"))
        cr_skip_test("figures are drawn from the solutions, which a handout lacks");
    const char *make[] = {"python3", "tools/grade/figures.py", NULL};
    r = run_command(make, 600);
    cr_assert_eq(r.status, 0, "make figures failed:\n%s%s", r.out, r.err);
    cr_expect_gt(count_occurrences(r.out, "  FIGURE  "), 0, "%s", r.out);
    run_result_free(&r);

    static const char *const images[][2] = {
        {"bench/ipc-paths", "FASTPATH=1"}, {"bench/ipc-paths", "FASTPATH=0"},
        {"bench/kernel-paths", "FASTPATH=1"}};
    for (size_t i = 0; i < sizeof(images) / sizeof(images[0]); i++) {
        char app[64];
        snprintf(app, sizeof(app), "APP=%s", images[i][0]);
        const char *argv[] = {"make", "--no-print-directory", "-f", "mk/image.mk", "PLAT=arm-sim",
                              app, images[i][1], NULL};
        r = run_command(argv, 300);
        cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
        run_result_free(&r);
    }
    const char *slides[] = {"python3", "tools/slides.py", NULL};
    r = run_command(slides, 300);
    cr_assert_eq(r.status, 0, "make slides failed:\n%s%s", r.out, r.err);
    run_result_free(&r);
    DIR *d = opendir("slides");
    struct dirent *e;
    int decks = 0;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
            continue;
        char path[300], *text;
        snprintf(path, sizeof(path), "build/slides/%.*s.html", (int)(n - 3), e->d_name);
        cr_assert(read_text(path, &text), "%s was not rendered", path);
        snprintf(path, sizeof(path), "slides/%s", e->d_name);
        char *source;
        cr_assert(read_text(path, &source));
        if (strstr(source, "/figures/"))
            cr_expect(strstr(text, "data:image/png;base64,") != NULL,
                      "%s shows figures but its HTML has no picture inside", e->d_name);
        if (strstr(source, "<!-- table: "))
            cr_expect(strstr(text, "kernel instructions") || strstr(text, " instructions"),
                      "%s's table was not measured", e->d_name);
        free(text);
        free(source);
        decks++;
    }
    closedir(d);
    cr_expect_gt(decks, 0);
}

Test(labs, handout_has_no_solutions_and_builds_every_lab, .timeout = 600)
{
    if (!is_dir(".git") || !is_dir("solutions"))
        cr_skip_test("needs the git tree with solutions/");
    const char *make[] = {"make", "--no-print-directory", "handout", "BUILD=build/handout-test",
                          NULL};
    run_result_t r = run_command(make, 120);
    cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
    run_result_free(&r);
    cr_expect(!is_dir("build/handout-test/handout/numbat/solutions"));
    cr_assert(is_dir("build/handout-test/handout/numbat/labs"));
    DIR *d = opendir("labs");
    struct dirent *e;
    int built = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_grader(e->d_name))
            continue;
        char cmd[512];
        snprintf(cmd, sizeof(cmd),
                 "cd build/handout-test/handout/numbat && python3 -c 'import sys; "
                 "sys.path.insert(0, \"tools/grade\"); import grade; "
                 "sys.exit(grade.lab_image(\"%s\", \"arm-sim\", False, \"build\")[0] is None)' "
                 ">/dev/null 2>&1",
                 e->d_name);
        cr_expect_eq(system(cmd), 0, "%s does not build in the handout", e->d_name);
        built++;
    }
    closedir(d);
    cr_expect_gt(built, 0);
}

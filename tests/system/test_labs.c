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

/* A git checkout: .git is a folder, or in a worktree (git worktree add) a file. */
static bool in_git_tree(void)
{
    return access(".git", F_OK) == 0;
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

/* make grade without LAB: every lab, then the course notes' table, one row per lab with
   its points, tests, score, instructions and times (the skeletons here: each loses points). */
Test(labs, grade_all_ends_with_a_table, .timeout = 900)
{
    const char *argv[] = {"python3", "tools/grade/grade.py", "--all", "--sim", SIM_PATH,
                          "--trace-tool", TRACE_PATH, NULL};
    run_result_t r = run_command(argv, 900);
    cr_expect_eq(r.status, 1, "%s", r.out);
    const char *table = strstr(r.out, "| lab | points | tests | score | instructions | run (s) | "
                                      "grader (s) |\n");
    cr_assert_not_null(table, "no table:\n%s", r.out);
    int labs = 0;
    DIR *d = opendir("labs");
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_grader(e->d_name))
            continue;
        char row[300];
        snprintf(row, sizeof(row), "\n| %s | ", e->d_name);
        const char *at = strstr(table, row);
        cr_expect_not_null(at, "no row for %s:\n%s", e->d_name, table);
        if (!at)
            continue;
        int points, tests, got, total;
        char insns[32];
        cr_expect_eq(sscanf(at + strlen(row), "%d | %d | %d/%d | %31[0-9,] |", &points, &tests,
                            &got, &total, insns), 5, "%s", at);
        cr_expect_eq(points, total);
        cr_expect_gt(tests, 0);
        cr_expect_lt(got, total, "%s's skeleton at full marks: %s", e->d_name, at);
        labs++;
    }
    closedir(d);
    char all[64];
    snprintf(all, sizeof(all), "\n| all %d labs | ", labs);
    cr_expect(strstr(table, all) != NULL, "no total row for %d labs:\n%s", labs, table);
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
    if (in_git_tree()) {
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

#define HANDOUT "build/handout-test/handout/numbat"

/* A file of grep patterns: the lines of solutions/LAB/PATH (a link is followed: lab 10's
   answer is the kernel's own ready_queue.c) that say something (24 characters or more,
   trimmed) and are not in the skeleton's file of that name, one a line. Returns how many. */
static int answer_lines(const char *solution, const char *skeleton, FILE *patterns)
{
    char *answer, *given = NULL;
    if (!read_text(solution, &answer))
        return 0;
    read_text(skeleton, &given);
    int n = 0;
    char *rest;
    for (char *line = strtok_r(answer, "\n", &rest); line; line = strtok_r(NULL, "\n", &rest)) {
        while (*line == ' ' || *line == '\t')
            line++;
        if (strlen(line) >= 24 && !(given && strstr(given, line))) {
            fprintf(patterns, "%s\n", line);
            n++;
        }
    }
    free(answer);
    free(given);
    return n;
}

/* python3 tools/grade/grade.py ARGS... run inside the handout tree with this tree's
   numbat-sim and numbat-trace; the score in *got and *total. */
static run_result_t grade_in_handout(const char *lab, const char *plat, bool solution, int *got,
                                     int *total)
{
    char sim[4096], tool[4096], cmd[9000];
    cr_assert_not_null(realpath(SIM_PATH, sim));
    cr_assert_not_null(realpath(TRACE_PATH, tool));
    snprintf(cmd, sizeof(cmd), "cd %s && python3 tools/grade/grade.py %s --plat %s --sim %s "
             "--trace-tool %s %s", HANDOUT, lab, plat, sim, tool, solution ? "--solution" : "");
    const char *argv[] = {"sh", "-c", cmd, NULL};
    run_result_t r = run_command(argv, 300);
    parse_score(r.out, got, total);
    return r;
}

/* The tree students get: no solutions/, and none of a solution's lines anywhere in it,
   though a kernel lab's answer is a file of the kernel every lab needs (lab 10's
   kernel/ready_queue.c): the handout has it compiled, per board and for the host.
   Every lab builds there; the stock labs run on that compiled code (lab 4's solution and
   lab 9's on QEMU score full marks), lab 10's skeleton replaces it and loses points,
   and the kernel's own file put in as the student's answer scores full marks. */
Test(labs, handout_has_no_solutions_and_builds_every_lab, .timeout = 900)
{
    if (!in_git_tree() || !is_dir("solutions"))
        cr_skip_test("needs the git tree with solutions/");
    const char *make[] = {"make", "--no-print-directory", "handout", "BUILD=build/handout-test",
                          NULL};
    run_result_t r = run_command(make, 300);
    cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
    run_result_free(&r);
    cr_expect(!is_dir(HANDOUT "/solutions"));
    cr_assert(is_dir(HANDOUT "/labs"));

    /* The kernel labs' answers (the files of solutions/NN/kernel/, the kernel's own):
       none of their lines anywhere in the handout. (A user lab's answer is only in
       solutions/: its lines, seL4 calls, are the libraries' and tests' lines too.) */
    char patterns[] = "/tmp/numbat-answers-XXXXXX";
    int fd = mkstemp(patterns);
    cr_assert_geq(fd, 0);
    FILE *pf = fdopen(fd, "w");
    const char *find[] = {"find", "-L", "solutions", "-path", "*/kernel/*.c", "-type", "f", NULL};
    r = run_command(find, 30);
    int lines = 0;
    bool kernel_answer = false;
    char *rest;
    for (char *path = strtok_r(r.out, "\n", &rest); path; path = strtok_r(NULL, "\n", &rest)) {
        char skeleton[600];
        snprintf(skeleton, sizeof(skeleton), "labs/%s", path + strlen("solutions/"));
        lines += answer_lines(path, skeleton, pf);
        kernel_answer |= strstr(path, "/kernel/ready_queue.c") != NULL;
    }
    run_result_free(&r);
    fclose(pf);
    cr_expect(kernel_answer, "no kernel lab answer among the solutions");
    cr_expect_gt(lines, 20, "only %d lines of answers to look for", lines);
    const char *grep[] = {"grep", "-rlF", "-f", patterns, HANDOUT, NULL};
    r = run_command(grep, 60);
    cr_expect_str_eq(r.out, "", "the handout holds lines of the solutions:\n%s", r.out);
    run_result_free(&r);
    unlink(patterns);
    struct stat st;
    cr_expect_neq(stat(HANDOUT "/kernel/ready_queue.c", &st), 0, "lab 10's answer is handed out");
    static const char *const boards[] = {"arm-sim", "vexpress-a15", "raspi2", "host"};
    for (size_t i = 0; i < sizeof(boards) / sizeof(boards[0]); i++) {
        char path[300];
        snprintf(path, sizeof(path), HANDOUT "/kernel/prebuilt/%s/ready_queue.o", boards[i]);
        cr_expect_eq(stat(path, &st), 0, "no %s", path);
    }

    DIR *d = opendir("labs");
    struct dirent *e;
    int built = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_grader(e->d_name))
            continue;
        char cmd[512];
        snprintf(cmd, sizeof(cmd),
                 "cd " HANDOUT " && python3 -c 'import sys; "
                 "sys.path.insert(0, \"tools/grade\"); import grade; "
                 "sys.exit(grade.lab_image(\"%s\", \"arm-sim\", False, \"build\")[0] is None)' "
                 ">/dev/null 2>&1",
                 e->d_name);
        cr_expect_eq(system(cmd), 0, "%s does not build in the handout", e->d_name);
        built++;
    }
    closedir(d);
    cr_expect_gt(built, 0);

    int got, total;
    r = grade_in_handout("10", "arm-sim", false, &got, &total);
    cr_expect_lt(got, total, "lab 10's skeleton scores full marks in the handout:\n%s", r.out);
    cr_expect(strstr(r.out, "ended: panic") == NULL, "%s", r.out);
    cr_expect(strstr(r.out, "EXERCISE 1: ready_enqueue is not written yet") != NULL,
              "lab 10 did not run the skeleton's ready_queue.c:\n%s", r.out);
    run_result_free(&r);
    /* The teacher's solutions laid into the handout: the stock labs link the compiled
       ready queues; lab 10's answer (the kernel's own file) replaces them. */
    const char *copy[] = {"sh", "-c", "cp -rL solutions " HANDOUT "/", NULL};
    r = run_command(copy, 60);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    static const struct { const char *lab, *plat; } full[] = {
        {"4", "arm-sim"}, {"4", "raspi2"}, {"9", "vexpress-a15"}, {"10", "arm-sim"}};
    for (size_t i = 0; i < sizeof(full) / sizeof(full[0]); i++) {
        r = grade_in_handout(full[i].lab, full[i].plat, true, &got, &total);
        cr_expect_eq(got, total, "lab %s's solution on %s in the handout: %d/%d\n%s", full[i].lab,
                     full[i].plat, got, total, r.out);
        run_result_free(&r);
    }
}

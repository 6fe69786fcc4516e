/*
 * tests/system/expect_prints.c - running an app and expecting its console lines
 * (see expect_prints.h). Partners: run_guest.c.
 */
#include "expect_prints.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "run_guest.h"

static void expect_lines(const run_result_t *r, const char *board, const char *const *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cr_expect(strstr(r->out, want[i]) != NULL, "%s: no line %s in:\n%s\n%s", board, want[i], r->out,
                  r->err);
}

void expect_sim_prints(const char *app, const char *const *want, size_t n)
{
    char image[128];
    snprintf(image, sizeof(image), "build/arm-sim/%s.elf", app);
    run_result_t r = run_sim(image, NULL);
    cr_expect_eq(r.status, 0, "%s: exit status %d", app, r.status);
    expect_lines(&r, "numbat-sim", want, n);
    run_result_free(&r);
}

void expect_qemu_prints(const char *app, const char *const *want, size_t n)
{
    char image[128];
    snprintf(image, sizeof(image), "build/vexpress-a15/%s.elf", app);
    run_result_t r = run_qemu(image);
    expect_lines(&r, "qemu", want, n);
    run_result_free(&r);
}

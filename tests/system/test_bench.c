/*
 * tests/system/test_bench.c - the benchmark programs measure what their rows say,
 * whatever the figures: bench/irq-paths takes REPS (200) timer interrupts in each
 * phase, and tools/irq-paths.sh (make bench's IRQ rows) finds each of them delivered
 * to the handler thread, the kernel's ticks left out. No figure is checked.
 * Partners: bench/irq-paths, tools/irq-paths.sh, tools/ipc-paths.awk.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "run_guest.h"

#define IRQ_IMAGE "build/arm-sim/irq-paths.elf"

Test(bench, irq_paths_counts_every_delivered_interrupt, .timeout = 600)
{
    const char *make[] = {"make", "--no-print-directory", "-f", "mk/image.mk", "PLAT=arm-sim",
                          "APP=bench/irq-paths", NULL};
    run_result_t r = run_command(make, 300);
    cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
    run_result_free(&r);

    r = run_sim(IRQ_IMAGE, NULL);
    cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
    cr_expect(strstr(r.out, "irq-paths done (200, 200 ticks)") != NULL, "%s", r.out);
    run_result_free(&r);

    const char *rows[] = {"tools/irq-paths.sh", IRQ_IMAGE, "fastpath", NULL};
    r = run_command(rows, 300);
    cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
    const char *lower = strstr(r.out, "IRQ to handler, interrupting lower prio, fastpath ");
    const char *idle = strstr(r.out, "IRQ to handler, interrupting idle, fastpath ");
    cr_assert(lower && idle, "%s", r.out);
    cr_expect(strstr(lower, "(median of 200)\n") == strchr(lower, '\n') - strlen("(median of 200)"),
              "%s", r.out);
    cr_expect(strstr(idle, "(median of 200)\n") == strchr(idle, '\n') - strlen("(median of 200)"),
              "%s", r.out);
    run_result_free(&r);
}

Test(bench, irq_paths_script_rejects_a_missing_image)
{
    const char *argv[] = {"tools/irq-paths.sh", "build/no-such-image.elf", NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 2, "%s%s", r.out, r.err);
    cr_expect(strstr(r.err, "usage: tools/irq-paths.sh") != NULL, "%s", r.err);
    run_result_free(&r);
}

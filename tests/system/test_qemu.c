/*
 * tests/system/test_qemu.c - differential tests: the same program built for
 * vexpress-a15 and run on QEMU prints what the arm-sim build prints on numbat-sim,
 * the banner line (which names the platform) aside. Partner: run_guest.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run_guest.h"

static void expect_same_console(const char *app)
{
    char sim_image[128], qemu_image[128];
    snprintf(sim_image, sizeof(sim_image), "build/arm-sim/%s.elf", app);
    snprintf(qemu_image, sizeof(qemu_image), "build/vexpress-a15/%s.elf", app);
    run_result_t s = run_sim(sim_image, NULL);
    run_result_t q = run_qemu(qemu_image);
    cr_assert(strstr(q.out, "Numbat 0.1 on vexpress-a15") != NULL, "QEMU printed:\n%s\n%s", q.out,
              q.err);
    char *sim_text = drop_line_containing(s.out, "Numbat 0.1 on ");
    char *qemu_text = drop_line_containing(q.out, "Numbat 0.1 on ");
    cr_expect_str_eq(sim_text, qemu_text, "%s differs:\n--- numbat-sim\n%s\n--- qemu\n%s", app,
                     sim_text, qemu_text);
    free(sim_text);
    free(qemu_text);
    run_result_free(&s);
    run_result_free(&q);
}

Test(qemu, hello_prints_the_same)
{
    expect_same_console("hello");
}

Test(qemu, spin_prints_the_same)
{
    expect_same_console("spin");
}

Test(qemu, null_deref_report_is_the_same)
{
    expect_same_console("null-deref");
}

Test(qemu, undefined_instruction_report_is_the_same)
{
    expect_same_console("undefined-insn");
}

Test(qemu, unknown_syscall_report_is_the_same)
{
    expect_same_console("bad-syscall");
}

Test(qemu, yield_prints_the_same)
{
    expect_same_console("yield");
}

Test(qemu, capability_tour_prints_the_same)
{
    expect_same_console("caps");
}

Test(qemu, preemption_results_are_the_same)
{
    expect_same_console("preempt");
}

Test(qemu, ipc_client_and_server_print_the_same)
{
    expect_same_console("ipc");
}

static void expect_suite_passes(const char *image, const char *what)
{
    run_result_t q = run_qemu(image);
    const char *line = strstr(q.out, " passed, ");
    cr_assert_not_null(line, "no summary from QEMU:\n%s\n%s", q.out, q.err);
    while (line > q.out && line[-1] != '\n')
        line--;
    unsigned passed = 0, failed = 0;
    cr_assert_eq(sscanf(line, "%u passed, %u failed", &passed, &failed), 2);
    printf("sel4test on qemu vexpress-a15%s: %u passed, %u failed\n", what, passed, failed);
    cr_expect_eq(failed, 0, "failures:\n%s", q.out);
    cr_expect_geq(passed, 100);
    run_result_free(&q);
}

Test(qemu, in_kernel_suite_passes_on_vexpress_a15)
{
    expect_suite_passes("build/vexpress-a15/sel4test.elf", "");
}

Test(qemu, in_kernel_suite_passes_without_the_ipc_fastpath)
{
    expect_suite_passes("build/vexpress-a15/sel4test-nofastpath.elf", " (FASTPATH=0)");
}

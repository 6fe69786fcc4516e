/*
 * tests/system/test_boot.c - booting real images in numbat-sim: the greeting,
 * the exit status, timer interrupts in a long computation, determinism, and the
 * fault and panic paths. Images come from tests/system/<name>/.
 * Partners: run_guest.c, the programs in the folders beside this file.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run_guest.h"

#define SIM_IMAGE(app) IMAGE("arm-sim", app)

Test(boot, hello_prints_banner_and_greeting_and_exits_zero)
{
    run_result_t r = run_sim(SIM_IMAGE("hello"), NULL);
    cr_expect_eq(r.status, 0, "exit status %d, stderr: %s", r.status, r.err);
    cr_expect(strstr(r.out, "Numbat 0.1 on arm-sim, 128 MiB RAM") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "timer interrupts working (2000 us tick)") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "Hello from the Numbat root task!") != NULL, "%s", r.out);
    run_result_free(&r);
}

Test(boot, ram_size_follows_mem_option)
{
    const char *extra[] = {"--mem", "64M", NULL};
    run_result_t r = run_sim(SIM_IMAGE("hello"), extra);
    cr_expect_eq(r.status, 0);
    cr_expect(strstr(r.out, "on arm-sim, 64 MiB RAM") != NULL, "%s", r.out);
    run_result_free(&r);
}

Test(boot, main_return_value_is_exit_status)
{
    run_result_t r = run_sim(SIM_IMAGE("exit-status"), NULL);
    cr_expect_eq(r.status, 42, "exit status %d", r.status);
    cr_expect(strstr(r.out, "returning 42") != NULL);
    run_result_free(&r);
}

Test(boot, timer_interrupts_preserve_a_long_computation)
{
    const char *extra[] = {"--trace", "i", NULL};
    run_result_t r = run_sim(SIM_IMAGE("spin"), extra);
    cr_expect_eq(r.status, 0, "stderr tail: %s", r.err + (strlen(r.err) > 500 ? strlen(r.err) - 500 : 0));
    /* The value the same loop gives when computed on the host. */
    cr_expect(strstr(r.out, "spin result 8d373f01") != NULL, "%s", r.out);
    /* About 30M instructions at 200k per 2 ms tick: well over ten IRQs from user mode. */
    size_t irqs = count_occurrences(r.err, "irq taken");
    cr_expect_geq(irqs, 10, "only %zu interrupts taken", irqs);
    run_result_free(&r);
}

static char *stats_line(const char *err)
{
    const char *s = strstr(err, "stats: ");
    cr_assert_not_null(s, "no stats line in: %s", err);
    size_t n = strcspn(s, ",");
    return strndup(s, n);
}

Test(determinism, same_image_twice_gives_identical_output_and_instruction_count)
{
    const char *extra[] = {"--stats", NULL};
    run_result_t a = run_sim(SIM_IMAGE("spin"), extra);
    run_result_t b = run_sim(SIM_IMAGE("spin"), extra);
    cr_expect_str_eq(a.out, b.out);
    char *ca = stats_line(a.err), *cb = stats_line(b.err);
    cr_expect_str_eq(ca, cb);
    free(ca);
    free(cb);
    run_result_free(&a);
    run_result_free(&b);
}

/* A thread that faults with no handler is reported and stopped; then nothing can run. */
static void expect_fault_report(const char *app, const char *what)
{
    char image[128];
    snprintf(image, sizeof(image), "build/arm-sim/%s.elf", app);
    run_result_t r = run_sim(image, NULL);
    cr_expect_eq(r.status, 1, "%s: exit status %d", app, r.status);
    cr_expect(strstr(r.out, what) != NULL, "%s: expected '%s' in:\n%s", app, what, r.out);
    cr_expect(strstr(r.out, "no fault handler") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "no thread can run any more; halting") != NULL, "%s", r.out);
    run_result_free(&r);
}

Test(faults, null_dereference_is_a_data_fault_at_zero)
{
    /* DFSR 0x007: translation fault on a page (level 2), a read. */
    expect_fault_report("null-deref", "data fault at address 0x00000000 (FSR 0x007)");
}

Test(faults, undefined_instruction_is_reported)
{
    expect_fault_report("undefined-insn", "stopped: undefined instruction, pc 0x");
}

Test(faults, unknown_syscall_is_reported_with_its_number)
{
    expect_fault_report("bad-syscall", "stopped: unknown system call 99");
}

Test(panic, kernel_panic_exits_3_with_registers_and_symbol)
{
    run_result_t r = run_sim(SIM_IMAGE("too-big"), NULL);
    cr_expect_eq(r.status, 3, "exit status %d", r.status);
    cr_expect(strstr(r.out, "numbat: kernel panic in load_segments: root task image larger than 2048 pages") != NULL,
              "%s", r.out);
    cr_expect(strstr(r.err, "the kernel panicked") != NULL, "%s", r.err);
    cr_expect(strstr(r.err, "cpsr") != NULL && strstr(r.err, "dfsr") != NULL, "%s", r.err);
    cr_expect(strstr(r.err, "pc 0xe") != NULL && strstr(r.err, "is arch_panic_stop+") != NULL,
              "%s", r.err);
    run_result_free(&r);
}

Test(limits, max_insns_stops_with_status_4)
{
    const char *extra[] = {"--max-insns", "100000", NULL};
    run_result_t r = run_sim(SIM_IMAGE("hello"), extra);
    cr_expect_eq(r.status, 4);
    cr_expect(strstr(r.err, "--max-insns 100000 reached") != NULL, "%s", r.err);
    run_result_free(&r);
}

Test(boot, yield_returns_to_the_caller_across_timer_interrupts)
{
    run_result_t r = run_sim(SIM_IMAGE("yield"), NULL);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    cr_expect(strstr(r.out, "20000 yields done") != NULL, "%s", r.out);
    run_result_free(&r);
}

Test(caps, retype_mint_revoke_and_a_second_thread)
{
    run_result_t r = run_sim(SIM_IMAGE("caps"), NULL);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    const char *expected[] = {
        "retype endpoint: 0, identify: 4",
        "mint badge 42: 0, identify: 4",
        "re-mint a badged cap: 3",
        "copy into an occupied slot: 8",
        "revoke: 0, minted cap now: 0",
        "revoke untyped: 0, endpoint now: 0",
        "retype TCB: 0, identify: 12",
        "configure: 0",
        "resume: 0, child ran: 0",
        "after lowering my priority, child ran: 1",
    };
    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
        cr_expect(strstr(r.out, expected[i]) != NULL, "missing '%s' in:\n%s", expected[i], r.out);
    run_result_free(&r);
}

/* The longest run of identical consecutive syscall trace lines (a restarted call). */
static size_t longest_repeat(const char *trace)
{
    size_t best = 0, run = 0;
    const char *prev = NULL;
    size_t prev_len = 0;
    for (const char *line = trace; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *body = memchr(line, ']', len); /* skip the instruction count */
        if (body) {
            size_t body_len = len - (size_t)(body - line);
            run = prev && body_len == prev_len && memcmp(body, prev, body_len) == 0 ? run + 1 : 1;
            prev = body;
            prev_len = body_len;
            if (run > best)
                best = run;
        }
        line = end ? end + 1 : line + len;
    }
    return best;
}

Test(preemption, long_retype_and_revoke_restart_and_complete)
{
    const char *extra[] = {"--trace", "s", NULL};
    run_result_t r = run_sim(SIM_IMAGE("preempt"), extra);
    cr_expect_eq(r.status, 0, "status %d", r.status);
    cr_expect(strstr(r.out, "retype from a 2^26 untyped: 0, identify 4") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "2000 copies made, revoke: 0, copies left: 0, original: 4") != NULL,
              "%s", r.out);
    /* Clearing 64 MiB takes many ticks: the same Call is made again after each. */
    size_t restarts = longest_repeat(r.err);
    cr_expect_geq(restarts, 10, "longest run of one restarted call: %zu", restarts);
    run_result_free(&r);
}

/* The suite's own closing line, "N passed, N failed"; returns NULL if absent. */
static const char *suite_summary(const char *out, unsigned *passed, unsigned *failed)
{
    for (const char *line = out; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (sscanf(line, "%u passed, %u failed", passed, failed) == 2)
            return line;
    return NULL;
}

static void expect_suite_passes(const char *image, const char *what)
{
    run_result_t r = run_sim(image, NULL);
    unsigned passed = 0, failed = 0;
    cr_assert_not_null(suite_summary(r.out, &passed, &failed), "no summary line in:\n%s\n%s",
                       r.out, r.err);
    /* Echo the suite's result so a reader of the test log sees it. */
    printf("sel4test on numbat-sim%s: %u passed, %u failed\n", what, passed, failed);
    cr_expect_eq(failed, 0, "failures:\n%s", r.out);
    cr_expect_geq(passed, 100);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    run_result_free(&r);
}

Test(sel4test, in_kernel_suite_passes_on_numbat_sim)
{
    expect_suite_passes(SIM_IMAGE("sel4test"), "");
}

Test(sel4test, in_kernel_suite_passes_without_the_ipc_fastpath)
{
    expect_suite_passes(SIM_IMAGE("sel4test-nofastpath"), " (FASTPATH=0)");
}

/*
 * tests/system/test_libc.c - the C library of user programs (picolibc through the
 * runtime): tests/system/libc uses malloc to exhaustion, string.h, full printf
 * formatting, errno and qsort, and must print the same on numbat-sim and QEMU;
 * tests/system/assert-fail shows a failed assert's report and status;
 * tests/system/malloc-threads allocates from two threads at once.
 * Partners: the three programs, run_guest.c, expect_prints.c, runtime/.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "expect_prints.h"
#include "run_guest.h"

/* Each line as printed (the kernel's console ends lines with CR LF). */
static const char *const libc_lines[] = {
    "regs.pc 0\r\n",
    "string 'numbat kernel' length 13, cmp 0, chr 'kernel'\r\n",
    "formatted 54: 0000beef|ab    |-9223372036854775808|3.142|1.2e+04|z|%\r\n",
    "truncated to 8: 'abcd'\r\n",
    "sqrt(2) 1.414214, sin(pi/6) 0.500\r\n",
    "strtol overflow: 2147483647, errno ERANGE\r\n",
    "sorted 1 3 5 7 9\r\n",
    "stderr works too\r\n",
    "libc: all done\r\n",
};

static void expect_libc_output(run_result_t *r, const char *board)
{
    for (size_t i = 0; i < sizeof(libc_lines) / sizeof(libc_lines[0]); i++)
        cr_expect(strstr(r->out, libc_lines[i]) != NULL, "%s: no line %s in:\n%s", board,
                  libc_lines[i], r->out);
    /* The heap is 256 KiB; malloc's own headers take a little of it, and freeing
     * everything gives it all back. */
    unsigned first = 0, again = 0;
    const char *h = strstr(r->out, "heap: ");
    cr_assert_not_null(h, "%s: no heap line", board);
    cr_assert_eq(sscanf(h, "heap: %u KiB blocks, then %u", &first, &again), 2);
    cr_expect(first > 240 && first < 256, "%s: %u blocks of 1 KiB", board, first);
    cr_expect_eq(first, again, "%s: freed memory is reused", board);
}

Test(libc, a_program_using_the_c_library_on_numbat_sim)
{
    run_result_t r = run_sim(IMAGE("arm-sim", "libc"), NULL);
    cr_expect_eq(r.status, 0, "exit status %d\n%s%s", r.status, r.out, r.err);
    expect_libc_output(&r, "numbat-sim");
    run_result_free(&r);
}

Test(libc, the_same_program_on_qemu)
{
    run_result_t r = run_qemu(IMAGE("vexpress-a15", "libc"));
    expect_libc_output(&r, "qemu");
    run_result_free(&r);
}

Test(libc, a_failed_assert_reports_and_ends_with_status_134)
{
    run_result_t r = run_sim(IMAGE("arm-sim", "assert-fail"), NULL);
    cr_expect_eq(r.status, 134, "exit status %d", r.status);
    cr_expect(strstr(r.out, "assertion \"answer == 42\" failed: file \"tests/system/assert-fail/main.c\", "
                            "line 12, function: main") != NULL,
              "%s", r.out);
    cr_expect(strstr(r.out, "not reached") == NULL);
    run_result_free(&r);
}

/* Two threads at one priority allocate and free at the same time; the C library's
   lock (runtime/lock.c) keeps the heap whole. Without it this run corrupts the free
   list and never finishes (numbat-sim's --max-insns ends it). */
static const char *const malloc_threads_lines[] = {
    "malloc-threads: 10000 rounds each, 0 bad blocks in thread 0, 0 in thread 1\r\n",
    "malloc-threads: heap still usable: yes\r\n",
};

Test(libc, threads_allocate_at_the_same_time_on_numbat_sim)
{
    SIM_PRINTS("malloc-threads", malloc_threads_lines);
}

Test(libc, threads_allocate_at_the_same_time_on_qemu)
{
    QEMU_PRINTS("malloc-threads", malloc_threads_lines);
}

/*
 * tests/system/test_libnumbat.c - the user library (libnumbat/) through
 * tests/system/libnumbat, on numbat-sim and QEMU: objects and their errors, fresh
 * pages, virtual ranges, a device page, threads with their own IPC buffer and errno,
 * a stack overflow caught by the guard page, and running out of memory cleanly.
 * Partners: tests/system/libnumbat/main.c, libnumbat/, run_guest.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "run_guest.h"

/* Each line as printed (the kernel's console ends lines with CR LF). */
static const char *const lines[] = {
    "objects: endpoint tag 4, notification tag 6\r\n",
    "unknown type: cap 0, error 1\r\n", /* InvalidArgument, from Retype */
    "pages at 0xa0000000: 1 2, zeroed between: 0\r\n",
    "reserve 1 MiB aligned: 0xa0100000; everything: 0x0\r\n",
    "device frame at 0x1c120000: map 0, SP804 periph id0 0x4\r\n",
    "threads started: 0\r\n",
    "thread 0: own IPC buffer yes, errno 100\r\n",
    "thread 1: own IPC buffer yes, errno 101\r\n",
    "thread 2: own IPC buffer yes, errno 102\r\n",
    "main's errno still 0\r\n",
    "stack overflow: fault 5, in the guard page\r\n", /* seL4_Fault_VMFault */
    "untyped memory ran out after many MiB: error 10\r\n", /* NotEnoughMemory */
    "libnumbat: all done\r\n",
};

static void expect_lines(const run_result_t *r, const char *board)
{
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
        cr_expect(strstr(r->out, lines[i]) != NULL, "%s: no line %s in:\n%s\n%s", board, lines[i],
                  r->out, r->err);
}

Test(libnumbat, objects_pages_devices_and_threads_on_numbat_sim)
{
    run_result_t r = run_sim(IMAGE("arm-sim", "libnumbat"), NULL);
    cr_expect_eq(r.status, 0, "exit status %d", r.status);
    expect_lines(&r, "numbat-sim");
    run_result_free(&r);
}

Test(libnumbat, the_same_on_qemu)
{
    run_result_t r = run_qemu(IMAGE("vexpress-a15", "libnumbat"));
    expect_lines(&r, "qemu");
    run_result_free(&r);
}

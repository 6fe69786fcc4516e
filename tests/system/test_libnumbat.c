/*
 * tests/system/test_libnumbat.c - the user library (libnumbat/) through
 * tests/system/libnumbat, on numbat-sim and QEMU: objects and their errors, fresh
 * pages, virtual ranges, a device page, threads with their own IPC buffer and errno,
 * a stack overflow caught by the guard page, and running out of memory cleanly; and
 * through tests/system/processes, two processes of the image's echo program with
 * their arguments, CSpaces, given caps, IPC with the root, a VM fault and their
 * teardown (nb_process_destroy).
 * Partners: tests/system/libnumbat/main.c, tests/system/processes/, libnumbat/.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "expect_prints.h"

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

static const char *const process_lines[] = {
    "program echo: found; program nothing: missing\r\n",
    "process 0: create 0, endpoint at 16\r\n",
    "process 1: create 0, endpoint at 16\r\n",
    "unknown program: 6\r\n", /* FailedLookup */
    "echo 0: 3 args: 'echo' '0' 'hello world'\r\n",
    "echo 1: 3 args: 'echo' '1' 'hello world'\r\n",
    /* thread 12, CNode 10, page directory 9 (seL4_DebugCapIdentify tags) */
    "echo 0: tcb tag 12, cnode tag 10, vspace tag 9, free slots from 32\r\n",
    "echo 1: tcb tag 12, cnode tag 10, vspace tag 9, free slots from 32\r\n",
    "root: call from badge 10: echo 0, sum 4950\r\n",
    "root: call from badge 11: echo 1, sum 4950\r\n",
    "echo 0: the parent answered 1000\r\n",
    "echo 1: the parent answered 1001\r\n",
    "root: fault 5 at 0xbadf000\r\n",
    "root: destroyed 0 0, tcb slot tag 0, endpoint tag 4\r\n", /* nb_process_destroy */
    "processes: all done\r\n",
};


Test(libnumbat, objects_pages_devices_and_threads_on_numbat_sim)
{
    SIM_PRINTS("libnumbat", lines);
}

Test(libnumbat, the_same_on_qemu)
{
    QEMU_PRINTS("libnumbat", lines);
}

Test(libnumbat, processes_on_numbat_sim)
{
    SIM_PRINTS("processes", process_lines);
}

Test(libnumbat, processes_on_qemu)
{
    QEMU_PRINTS("processes", process_lines);
}

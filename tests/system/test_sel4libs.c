/*
 * tests/system/test_sel4libs.c - seL4's user-level library names (sel4libs/) used
 * the way seL4's "libraries" tutorials use them, on numbat-sim and QEMU:
 * tests/system/sel4libs-threads (libraries-1: simple, allocman, vka, a thread set
 * up by hand, and one from sel4utils; ZF_LOG lines), sel4libs-ipc (libraries-2: an
 * IPC buffer mapped by hand, a badged endpoint, sel4runtime TLS, Call and
 * ReplyRecv), sel4libs-processes (libraries-3: vspace_t, a process of ./app with a
 * minted cap and word arguments, its fault on the endpoint its config made), and
 * sel4libs-timer (libraries-4: ps_io_ops_t from sel4platsupport, the default
 * ltimer's periodic and one-shot timeouts through the mini IRQ interface, for a
 * client process). Partners: the four folders, sel4libs/.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "expect_prints.h"
#include "run_guest.h"

/* Each line as printed (the kernel's console ends lines with CR LF). */
static const char *const thread_lines[] = {
    "Node 0 of 1\r\n",
    "Empty slots:     [",
    "untypeds:        [",
    "Initial thread cnode size: 12\r\n",
    "too small a pool: NULL\r\n",
    "cnode 2, pd 3, tcb 1, cnode bits 12, untypeds 1\r\n",
    "tcb: tag 12\r\n", /* a TCB (seL4_DebugCapIdentify) */
    "registers: pc is thread_2 yes, sp is the stack top yes\r\n",
    "thread_2: hallo wereld\r\nmain: hello world\r\n",
    "worker: started by sel4utils, own IPC buffer yes, errno 42\r\n",
    "main: errno still 0\r\n",
    "sel4libs-threads: main@main.c:",
    " [Err seL4_RangeError]:\r\n\tuntyped of 2^40 bytes\r\n",
    " info shown\r\n",
    "sel4libs-threads: all done\r\n",
};

static const char *const ipc_lines[] = {
    "first map: seL4_FailedLookup\r\n",
    "second map: seL4_NoError\r\n",
    "badged copy: a new slot yes, endpoint tag 4\r\n",
    "main: hello world\r\n",
    "thread_2: hallo wereld\r\n",
    "thread_2: got a message 0x6161 from 0x61\r\n",
    "main: got a reply: 0xffff9e9e\r\n",
    "sel4libs-ipc: all done\r\n",
};

static const char *const process_lines[] = {
    "1 MiB aligned reservation: yes, aligned yes\r\n",
    "pages in it: 0, wrote 7\r\n",
    "new pages: zeroed yes, last page frame tag 1, paddr found yes\r\n",
    "not mapped here: cap 0; root is the pd yes\r\n",
    "[Err seL4_FailedLookup]:\r\n\tmaking a process of program 'nothing'\r\n",
    "unknown program: -1\r\n",
    "not preloaded: -1\r\n",
    /* TCB 12, CNode 10, page directory 9, endpoint 4 */
    "process: tcb tag 12, cspace tag 10, pd tag 9, fault endpoint tag 4\r\n",
    "NEW CAP SLOT: 10.\r\n", /* the first given slot, 16 */
    "main: hello world\r\n",
    "process_2: hey hey hey (2 args)\r\n",
    "main: got a message 0x6161 from 0x61\r\n",
    "process_2: got a reply: 0xffff9e9e\r\n",
    "main: fault 5 at 0xbadf000\r\n", /* seL4_Fault_VMFault */
    "sel4libs-processes: all done\r\n",
};

static const char *const timer_lines[] = {
    "client's endpoint at SEL4UTILS_FIRST_FREE: yes\r\n",
    "ltimer_default_init: 0\r\n",
    "resolution: 1000 ns\r\n",
    "main: hello world\r\n",
    "timer client: hey hey hey (0 args)\r\n",
    "main: got a message from 0x61 to wait 50 ms\r\n",
    "periodic: 50 callbacks, at least 50 ms passed: yes\r\n",
    "one shot: badge 0x1, at least 5 ms passed: yes\r\n", /* the timer's IRQ has bit 0 */
    "timer client wakes up: 50 ticks took at least 50 ms: yes\r\n",
    "sel4libs-timer: all done\r\n",
};

Test(sel4libs, threads_the_libraries_1_way_on_numbat_sim)
{
    SIM_PRINTS("sel4libs-threads", thread_lines);
    run_result_t r = run_sim(IMAGE("arm-sim", "sel4libs-threads"), NULL);
    cr_expect(strstr(r.out, "hidden") == NULL, "ZF_LOGD printed below ZF_LOG_INFO:\n%s", r.out);
    run_result_free(&r);
}

Test(sel4libs, threads_on_qemu)
{
    QEMU_PRINTS("sel4libs-threads", thread_lines);
}

Test(sel4libs, ipc_the_libraries_2_way_on_numbat_sim)
{
    SIM_PRINTS("sel4libs-ipc", ipc_lines);
}

Test(sel4libs, ipc_on_qemu)
{
    QEMU_PRINTS("sel4libs-ipc", ipc_lines);
}

Test(sel4libs, processes_the_libraries_3_way_on_numbat_sim)
{
    SIM_PRINTS("sel4libs-processes", process_lines);
}

Test(sel4libs, processes_on_qemu)
{
    QEMU_PRINTS("sel4libs-processes", process_lines);
}

Test(sel4libs, timer_the_libraries_4_way_on_numbat_sim)
{
    SIM_PRINTS("sel4libs-timer", timer_lines);
}

Test(sel4libs, timer_on_qemu)
{
    QEMU_PRINTS("sel4libs-timer", timer_lines);
}

/*
 * runtime/start.c - the C runtime's start and end: record the BootInfo and IPC
 * buffer, run main, and shut the board down with main's return value (the C
 * library's exit runs atexit handlers, then _exit), so that numbat-sim exits with
 * it; a process started by libnumbat suspends itself instead. abort (and so a failed assert) ends with status 134, as a program killed by
 * SIGABRT does. Partners: crt0.S, tls.c, console.c, include/numbat/runtime.h.
 */
#include <stdlib.h>

#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define ABORT_STATUS 134

/* A process's main may take arguments (libnumbat/process.h passes them); the root
 * task's are argc 0, argv NULL. A main declared without parameters ignores them. */
int main(int argc, char **argv);
void numbat_runtime_start(seL4_BootInfo *bootinfo, int argc, char **argv) __attribute__((noreturn));

/*
 * A process (libnumbat/process.h: it gets argv) ends by suspending itself. The root
 * task (argv NULL: the kernel starts it with r2 = 0) shuts the board down, but as on
 * seL4, where its end only stops it, the threads it started that can still run do so
 * first: it drops to the lowest priority and yields, and halts when it runs again.
 */
static int is_process;

void _exit(int status)
{
    if (is_process) {
        seL4_TCB_Suspend(seL4_CapInitThreadTCB);
        for (;;)
            ;
    }
    if (seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 0) == seL4_NoError)
        seL4_Yield();
    /* DebugHalt with the status in r0: Numbat's kernel passes it to the board. */
    register seL4_Word r0 __asm__("r0") = (seL4_Word)status;
    register seL4_Word r7 __asm__("r7") = (seL4_Word)seL4_SysDebugHalt;
    __asm__ volatile("svc #0" : "+r"(r0) : "r"(r7) : "memory");
    for (;;)
        ;
}

void abort(void)
{
    _exit(ABORT_STATUS);
}

void numbat_tls_init(void);

void numbat_runtime_start(seL4_BootInfo *bootinfo, int argc, char **argv)
{
    numbat_tls_init(); /* before the IPC buffer pointer and errno, which are thread-local */
    is_process = argv != NULL;
    seL4_InitBootInfo(bootinfo);
    seL4_SetIPCBuffer(bootinfo->ipcBuffer);
    exit(main(argc, argv));
}

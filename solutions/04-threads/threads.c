/*
 * solutions/04-threads/threads.c - the reference solution of lab 4 (labs/04-threads):
 * threads made from untyped memory, configured, started and stopped by hand, and the
 * scheduler's two rules: round robin within a priority, strict order between them.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>
#include <sel4utils/strerror.h>

/* Prints "what: N (seL4_Name)" for an invocation's result. */
static void report(const char *what, seL4_Error err)
{
    printf("%s: %d (%s)\n", what, (int)err, sel4_strerror(err));
}

#define ROOT seL4_CapInitThreadCNode
#define IMAGE_START 0x10000 /* where runtime/user.ld puts the program */
#define THREADS 8
#define STACK_WORDS 512

static seL4_BootInfo *info;
static seL4_CPtr untyped, next_slot;

/* Each thread's stack, and its IPC buffer: eight 512-byte buffers fill one page. */
static seL4_Word stacks[THREADS][STACK_WORDS] __attribute__((aligned(16)));
static seL4_IPCBuffer ipc_buffers[THREADS] __attribute__((aligned(4096)));

/* The cap to the frame of the program's image that holds addr (BootInfo lists them in
 * address order from IMAGE_START). */
static seL4_CPtr image_frame(void *addr)
{
    return info->userImageFrames.start + (((seL4_Word)addr - IMAGE_START) >> seL4_PageBits);
}

/* Given: lets the other threads run. The root thread drops to priority 1, so every
 * thread above it runs until it suspends itself or blocks; then the root is the only
 * runnable thread and comes back here, and takes priority 255 again. */
static void let_others_run(void)
{
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 1);
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 255);
}

/* Thread A: says hello and stops itself (r0: a number, r1: its own TCB cap). */
static void hello(seL4_Word arg, seL4_CPtr self)
{
    printf("A: hello, arg %u\n", (unsigned)arg);
    seL4_TCB_Suspend(self);
}

/* The scheduling threads: three turns each, yielding after each. */
static void turns(seL4_Word name, seL4_CPtr self)
{
    for (int i = 0; i < 3; i++) {
        printf("%c %d\n", (char)name, i);
        seL4_Yield();
    }
    seL4_TCB_Suspend(self);
}

/* Exercise 1: a thread of our address space and CSpace, ready to run fn(arg0, self). */
static seL4_CPtr make_thread(const char *name, seL4_Word priority, void (*fn)(seL4_Word, seL4_CPtr),
                             seL4_Word arg0)
{
    static int made;
    seL4_CPtr tcb = next_slot++;
    seL4_Error err = seL4_Untyped_Retype(untyped, seL4_TCBObject, 0, ROOT, 0, 0, tcb, 1);
    if (err == seL4_NoError)
        err = seL4_TCB_Configure(tcb, seL4_CapNull, ROOT, 0, seL4_CapInitThreadVSpace, 0,
                                 (seL4_Word)&ipc_buffers[made], image_frame(&ipc_buffers[made]));
    if (err == seL4_NoError)
        err = seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, priority);
    seL4_DebugNameThread(tcb, name);
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word)fn;
    regs.sp = (seL4_Word)&stacks[made][STACK_WORDS];
    regs.r0 = arg0;
    regs.r1 = tcb;
    if (err == seL4_NoError)
        err = seL4_TCB_WriteRegisters(tcb, 0, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    made++;
    printf("thread %s: ", name);
    report("made", err);
    return tcb;
}

int main(void)
{
    info = seL4_GetBootInfo();
    next_slot = info->empty.start;
    for (seL4_CPtr s = info->untyped.start; s < info->untyped.end && !untyped; s++) {
        const seL4_UntypedDesc *d = &info->untypedList[s - info->untyped.start];
        if (!d->isDevice && d->sizeBits >= 16)
            untyped = s;
    }
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "main");

    /* Exercise 1: thread A. */
    seL4_CPtr a = make_thread("A", 100, hello, 42);
    report("resume A", seL4_TCB_Resume(a));
    printf("main: A has priority 100, I have 255: A waits\n");
    let_others_run();

    /* Exercise 2: where A stopped. */
    seL4_UserContext regs = {0};
    report("read A's registers", seL4_TCB_ReadRegisters(a, 0, 0, sizeof(regs) / sizeof(seL4_Word),
                                                        &regs));
    printf("A stopped at pc 0x%x, sp %s\n", (unsigned)regs.pc,
           regs.sp > (seL4_Word)stacks[0] && regs.sp <= (seL4_Word)&stacks[0][STACK_WORDS]
               ? "in its stack" : "elsewhere");

    /* Exercise 3: round robin at one priority. */
    seL4_CPtr b = make_thread("B", 100, turns, 'B');
    seL4_CPtr c = make_thread("C", 100, turns, 'C');
    seL4_CPtr d = make_thread("D", 100, turns, 'D');
    seL4_TCB_Resume(b);
    seL4_TCB_Resume(c);
    seL4_TCB_Resume(d);
    let_others_run();
    printf("round robin done\n");

    /* Exercise 4: strict priority. */
    seL4_CPtr e = make_thread("E", 50, turns, 'E');
    seL4_CPtr f = make_thread("F", 150, turns, 'F');
    seL4_CPtr g = make_thread("G", 100, turns, 'G');
    seL4_TCB_Resume(e);
    seL4_TCB_Resume(f);
    seL4_TCB_Resume(g);
    let_others_run();
    printf("priorities done\n");
    printf("lab 4 done\n");
    return 0;
}

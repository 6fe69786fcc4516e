/*
 * labs/04-threads/threads.c - lab 4: threads. The root task makes threads from
 * untyped memory, configures and starts them by hand, reads a stopped thread's
 * registers, and watches the scheduler's two rules: round robin within a priority,
 * the highest priority first. README.md in this folder walks through the exercises;
 * `make grade LAB=4` scores them.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>
#include <sel4utils/strerror.h>

/* Prints "what: N (seL4_Name)" for an invocation's result. The grader reads these
 * lines: keep the `what` texts the exercises give. */
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

/* LAB 4 EXERCISE 1 (part 1): make a thread that shares this program's address space
 * and CSpace, ready to run fn(arg0, tcb) at the given priority, and return the slot of
 * its TCB cap:
 *   - retype one seL4_TCBObject from `untyped` into slot next_slot++;
 *   - seL4_TCB_Configure it: no fault endpoint (seL4_CapNull), CSpace root ROOT and
 *     VSpace root seL4_CapInitThreadVSpace (both with 0 as their data), and as its IPC
 *     buffer &ipc_buffers[made] in the frame image_frame(&ipc_buffers[made]);
 *   - seL4_TCB_SetPriority, with the root's TCB (seL4_CapInitThreadTCB) as the
 *     authority whose MCP allows it;
 *   - seL4_DebugNameThread(tcb, name), so the trace and the visualizer know it;
 *   - seL4_TCB_WriteRegisters with an seL4_UserContext: pc the function, sp the top
 *     of stacks[made] (stacks grow down), r0 arg0 and r1 the TCB's slot; resume_target
 *     0 (exercise 1 part 2 resumes it) and count the words of the structure;
 *   - made++, then print "thread NAME: " followed by report("made", err) with the
 *     first error (or seL4_NoError). */
static seL4_CPtr make_thread(const char *name, seL4_Word priority, void (*fn)(seL4_Word, seL4_CPtr),
                             seL4_Word arg0)
{
    static int made;
    (void)name, (void)priority, (void)fn, (void)arg0, (void)made;
    return seL4_CapNull;
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

    /* LAB 4 EXERCISE 1 (part 2): make thread A with make_thread("A", 100, hello, 42)
     * and start it with seL4_TCB_Resume; report() that as "resume A". */
    seL4_CPtr a = seL4_CapNull;
    printf("main: A has priority 100, I have 255: A waits\n");
    let_others_run();

    /* LAB 4 EXERCISE 2: A has suspended itself. Read its registers with
     * seL4_TCB_ReadRegisters (suspend_source 0, all of seL4_UserContext) into regs,
     * report() it as "read A's registers", and print
     *     A stopped at pc 0xPC, sp in its stack
     * where PC is regs.pc in hex; print "elsewhere" instead of "in its stack" if
     * regs.sp is not inside stacks[0]. Which instruction is at PC? */
    seL4_UserContext regs = {0};
    (void)a, (void)regs;

    /* LAB 4 EXERCISE 3: round robin. Make threads B, C and D, each at priority 100
     * running turns() with its own letter as arg0 ('B', 'C', 'D'), resume them in that
     * order, then let_others_run(). */
    printf("round robin done\n");

    /* LAB 4 EXERCISE 4: strict priority. Make threads E at priority 50, F at 150 and G
     * at 100, each running turns() with its letter, resume them in the order E, F, G,
     * then let_others_run(). Predict the order of their lines before you run it. */
    printf("priorities done\n");
    printf("lab 4 done\n");
    return 0;
}

/*
 * bench/irq-paths - IRQ delivery to a user-level handler thread, for tools/bench.sh
 * to count the kernel instructions (and stores) from the interrupt's exception entry
 * to the return to user mode in the handler (tools/ipc-paths.awk, numbat-sim's
 * `--trace ks`). The device is the board's free timer (lab 6's SP804, whose register
 * sequences labs/06-interrupts/timer.h holds), ticking every PERIOD_US; its IRQ
 * handler cap signals a notification the handler thread waits on (seL4_Wait), the
 * handler clears the timer and acks the line (IRQHandler_Ack) and waits again.
 * Phases, each between markers seL4_DebugPutChar('<letter>'), REPS interrupts each:
 *   i  the root, below the handler's priority, spins: each IRQ interrupts it and
 *      the kernel switches to the handler;
 *   j  the root waits too (on a notification the handler signals after REPS
 *      ticks): each IRQ interrupts the idle thread.
 */
#include <stdio.h>

#include <numbat/thread.h>

#include "../../labs/06-interrupts/timer.h"

#define REPS 200
#define PERIOD_US 1000
#define HANDLER_PRIO 200
#define ROOT_PRIO 100

static nb_alloc_t alloc;
static nb_vspace_t vs;
static volatile seL4_Uint32 *timer;
static seL4_CPtr timer_ntfn, irq_handler, done_ntfn;
static volatile unsigned ticks;

/* The driver thread: waits for the timer's notification, clears and acks; after
 * REPS ticks of a phase it signals done_ntfn (phase j's root waits on it). */
static void handler(void *arg)
{
    (void)arg;
    for (;;) {
        seL4_Wait(timer_ntfn, NULL);
        timer_clear(timer);
        seL4_IRQHandler_Ack(irq_handler);
        if (++ticks == REPS)
            seL4_Signal(done_ntfn);
    }
}

/* The timer's registers mapped, its line's handler cap bound to timer_ntfn. */
static int setup(void)
{
    timer_ntfn = nb_alloc_object(&alloc, seL4_NotificationObject, 0);
    done_ntfn = nb_alloc_object(&alloc, seL4_NotificationObject, 0);
    seL4_CPtr frame = nb_alloc_device_frame(&alloc, TIMER_PADDR);
    seL4_Word va = nb_vspace_reserve(&vs, 4096, 4096);
    if (!timer_ntfn || !done_ntfn || !frame || !va ||
        nb_vspace_map(&vs, frame, va, seL4_ReadWrite, seL4_ARM_Default_VMAttributes) != seL4_NoError)
        return 0;
    timer = (volatile seL4_Uint32 *)va;
    seL4_CPtr h = nb_alloc_slot(&alloc);
    if (seL4_IRQControl_Get(seL4_CapIRQControl, TIMER_IRQ, seL4_CapInitThreadCNode, h, seL4_WordBits) !=
            seL4_NoError ||
        seL4_IRQHandler_SetNotification(h, timer_ntfn) != seL4_NoError || seL4_IRQHandler_Ack(h) != seL4_NoError)
        return 0;
    irq_handler = h;
    return 1;
}

int main(void)
{
    nb_alloc_init(&alloc, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &alloc);
    if (!setup()) {
        printf("irq-paths: no timer or IRQ handler\n");
        return 1;
    }
    nb_thread_t t;
    if (nb_thread_start(&t, &vs, seL4_CapInitThreadCNode, HANDLER_PRIO, 0, handler, NULL) != seL4_NoError) {
        printf("irq-paths: no handler thread\n");
        return 1;
    }
    seL4_DebugNameThread(t.tcb, "irq-handler");
    /* The handler runs above the root: it is in its Wait whenever the root runs. */
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, ROOT_PRIO);

    seL4_DebugPutChar('i'); /* IRQs interrupting the (spinning) root */
    ticks = 0;
    timer_start(timer, PERIOD_US);
    while (ticks < REPS)
        ;
    timer_stop(timer);
    seL4_DebugPutChar('I');
    unsigned busy = ticks;

    seL4_Wait(done_ntfn, NULL); /* phase i's signal, consumed here */
    seL4_DebugPutChar('j'); /* IRQs interrupting the idle thread */
    ticks = 0;
    timer_start(timer, PERIOD_US);
    seL4_Wait(done_ntfn, NULL);
    timer_stop(timer);
    seL4_DebugPutChar('J');
    printf("\nirq-paths done (%u, %u ticks)\n", busy, ticks);
    return 0;
}

/*
 * labs/06-interrupts/driver.c - lab 6: notifications, and a timer driver that is an
 * ordinary user program. Part A signals a notification through badged caps and binds
 * another one to a worker thread; part B maps the registers of the board's free
 * timer (timer.h: the second SP804 on vexpress), takes its interrupt as a
 * notification and counts TICKS ticks.
 * README.md walks through the exercises; `make grade LAB=6` scores them.
 */
#include <stdio.h>

#include <numbat/thread.h>

#include "timer.h"

#define TICKS 10
#define TICK_US 1000         /* one tick a millisecond */
#define WORKER_EP_BADGE 0x1  /* the badge of the root's endpoint cap to the worker */
#define WORKER_NTFN_BADGE 0x40 /* the badge the worker's notification is signalled with */

static nb_alloc_t alloc;
static nb_vspace_t vs;
static seL4_CPtr worker_ep;
static volatile seL4_Uint32 *timer; /* the timer's registers, once mapped */

/* A free slot of the root CNode with a copy of `cap` minted with `badge`. */
static seL4_CPtr mint(seL4_CPtr cap, seL4_Word badge)
{
    seL4_CPtr slot = nb_alloc_slot(&alloc);
    seL4_Error e = seL4_CNode_Mint(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode, cap,
                                   seL4_WordBits, seL4_AllRights, badge);
    return e == seL4_NoError ? slot : 0;
}

/* ---- part A: notifications ---------------------------------------------------- */

/* The worker: receives on its endpoint; a signal on its bound notification (if it
 * has one) ends the receive too, with the notification's word as the badge. */
static void worker(void *arg)
{
    (void)arg;
    seL4_Word badge = 0;
    seL4_Recv(worker_ep, &badge);
    for (;;) {
        if (badge & WORKER_NTFN_BADGE) {
            printf("worker: woken by its notification, word 0x%x\n", (unsigned)badge);
            seL4_Recv(worker_ep, &badge); /* a signal has no reply cap: just receive */
        } else {
            printf("worker: message %u with badge 0x%x\n", (unsigned)seL4_GetMR(0), (unsigned)badge);
            seL4_ReplyRecv(worker_ep, seL4_MessageInfo_new(0, 0, 0, 0), &badge);
        }
    }
}

static void notifications(void)
{
    seL4_CPtr ntfn = nb_alloc_object(&alloc, seL4_NotificationObject, 0);
    seL4_Word word = 0;
    (void)ntfn;
    (void)mint;
    /* LAB 6 EXERCISE 1: mint two caps to `ntfn` with the badges 0x1 and 0x2 (mint()
     * above), seL4_Signal through each, then seL4_Wait(ntfn, &word): the kernel ORs
     * the badges of the signals that came while nobody waited. Print
     *     wait: word 0x3
     * (the word you got, in hex). Then seL4_Poll(ntfn, &word) and print
     *     poll: word 0x0
     * Poll never blocks: with nothing pending, it returns at once with word 0. */
    (void)word;

    /* The worker thread and an endpoint to it. */
    worker_ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0);
    seL4_CPtr to_worker = mint(worker_ep, WORKER_EP_BADGE);
    seL4_CPtr worker_ntfn = nb_alloc_object(&alloc, seL4_NotificationObject, 0);
    nb_thread_t w;
    if (nb_thread_start(&w, &vs, seL4_CapInitThreadCNode, 100, 0, worker, NULL) != seL4_NoError) {
        printf("lab6: no worker thread\n");
        return;
    }
    seL4_DebugNameThread(w.tcb, "worker");

    /* A call: the worker runs, answers and waits in its receive again. */
    seL4_SetMR(0, 42);
    seL4_Call(to_worker, seL4_MessageInfo_new(0, 0, 0, 1));
    (void)worker_ntfn;

    /* LAB 6 EXERCISE 2: bind worker_ntfn to the worker (seL4_TCB_BindNotification on
     * w.tcb), then signal it through a cap minted with WORKER_NTFN_BADGE. The worker
     * is blocked receiving on its endpoint: the signal ends that receive. */

    /* A second call, after the signal: it waits until the worker is back in its
     * receive, so the worker has printed what woke it before this thread goes on. */
    seL4_SetMR(0, 43);
    seL4_Call(to_worker, seL4_MessageInfo_new(0, 0, 0, 1));
}

/* ---- part B: the timer driver ---------------------------------------------------- */

static void timer_driver(void)
{
    seL4_CPtr irq_handler = 0;
    seL4_CPtr timer_ntfn = nb_alloc_object(&alloc, seL4_NotificationObject, 0);
    (void)timer_ntfn;

    /* LAB 6 EXERCISE 3: map the timer's registers. nb_alloc_device_frame(&alloc,
     * TIMER_PADDR) retypes the 4 KiB device frame at that physical address from the
     * device untyped that holds it; reserve a page of addresses (nb_vspace_reserve(&vs,
     * 4096, 4096)) and map the frame there read-write (nb_vspace_map, attributes
     * seL4_ARM_Default_VMAttributes: the kernel maps device frames uncached anyway).
     * Point `timer` at it and print
     *     timer: registers at 0xVADDR
     */
    if (!timer) {
        printf("timer: registers not mapped (exercise 3)\n");
        return;
    }
    printf("timer: registers at 0x%x\n", (unsigned)(seL4_Word)timer);

    /* LAB 6 EXERCISE 4: take the timer's interrupt. seL4_IRQControl_Get on
     * seL4_CapIRQControl makes a handler cap for line TIMER_IRQ in a free slot
     * (nb_alloc_slot; the root CNode is seL4_CapInitThreadCNode, depth
     * seL4_WordBits); seL4_IRQHandler_SetNotification makes the interrupt signal
     * timer_ntfn; seL4_IRQHandler_Ack lets the line interrupt. Keep the handler cap
     * in irq_handler. */
    if (!irq_handler) {
        printf("timer: no IRQ handler (exercise 4)\n");
        return;
    }

    /* LAB 6 EXERCISE 5: the driver. Start the timer with a period of TICK_US
     * (timer_start in timer.h: read what it does to the SP804's registers). Then
     * TICKS times: seL4_Wait on timer_ntfn, check that the timer says it interrupted
     * (timer_interrupted), lower its interrupt (timer_clear), seL4_IRQHandler_Ack the
     * line, and print
     *     tick K
     * (K from 1). Then stop the timer (timer_stop) and print
     *     timer: TICKS ticks, stopped
     */
}

int main(void)
{
    nb_alloc_init(&alloc, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &alloc);
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "driver");

    notifications();
    timer_driver();
    if (timer)
        timer_delay_us(timer, 5 * TICK_US); /* had the timer not stopped, more irq events would show */
    printf("lab6: done\n");
    return 0;
}

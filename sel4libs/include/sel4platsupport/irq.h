/*
 * sel4libs/include/sel4platsupport/irq.h - ps_irq_ops_t over seL4 IRQ handler
 * caps, the "mini" way: every registered IRQ signals one notification, with its own
 * bit of the badge; the program waits on the notification and passes the badge to
 * sel4platsupport_irq_handle, which calls the callbacks of the IRQs whose bits are
 * set. Partners: ../platsupport/irq.h, ../../src/platsupport.c.
 */
#ifndef SEL4LIBS_SEL4PLATSUPPORT_IRQ_H
#define SEL4LIBS_SEL4PLATSUPPORT_IRQ_H

#include <platsupport/io.h>
#include <platsupport/irq.h>
#include <simple/simple.h>
#include <vka/vka.h>

typedef int ntfn_id_t;
#define MINI_IRQ_INTERFACE_NTFN_ID 0 /* the one notification of the mini interface */
#define SEL4PLATSUPPORT_MAX_IRQS 28  /* one badge bit each */

/* IRQs registered through *irq_ops signal `notification` with badges taken from the
 * bits of notification_badge. Returns 0, or -1 when out of memory. */
int sel4platsupport_new_mini_irq_ops(ps_irq_ops_t *irq_ops, vka_t *vka, simple_t *simple,
                                     ps_malloc_ops_t *malloc_ops, seL4_CPtr notification,
                                     seL4_Word notification_badge);
/* Runs the callbacks of the IRQs whose bits are set in handle_mask (the badge a
 * Wait on the notification returned). Returns 0, or -1 for an unknown ntfn_id. */
int sel4platsupport_irq_handle(ps_irq_ops_t *irq_ops, ntfn_id_t ntfn_id, seL4_Word handle_mask);

#endif

/*
 * sel4libs/include/platsupport/irq.h - the interface through which a driver asks
 * for its interrupt: register an IRQ with a callback; when it fires, the callback
 * runs with a function that acknowledges it. sel4platsupport/irq.h makes one over
 * seL4's IRQ handler caps. Partners: io.h, ../../src/platsupport.c.
 */
#ifndef SEL4LIBS_PLATSUPPORT_IRQ_H
#define SEL4LIBS_PLATSUPPORT_IRQ_H

typedef enum irq_type { PS_NONE, PS_INTERRUPT } irq_type_t;

/* An interrupt line (PS_INTERRUPT: irq.number is the GIC's line). */
typedef struct ps_irq {
    irq_type_t type;
    struct {
        long number;
    } irq;
} ps_irq_t;

typedef int irq_id_t; /* what ps_irq_register returns: negative on failure */

typedef int (*ps_irq_acknowledge_fn_t)(void *ack_data);
typedef void (*irq_callback_fn_t)(void *data, ps_irq_acknowledge_fn_t acknowledge_fn, void *ack_data);

typedef struct ps_irq_ops {
    void *cookie; /* the implementation's state */
} ps_irq_ops_t;

/* Registers `irq`, to call callback(data, ack, ack_data) when it fires (the
 * callback must call ack(ack_data) to receive the next one); its id, or < 0. */
irq_id_t ps_irq_register(ps_irq_ops_t *irq_ops, ps_irq_t irq, irq_callback_fn_t callback, void *data);
/* Stops delivering it; 0 or -1. */
int ps_irq_unregister(ps_irq_ops_t *irq_ops, irq_id_t id);

#endif

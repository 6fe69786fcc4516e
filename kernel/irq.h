/*
 * kernel/irq.h - interrupts as capabilities (spec 8.5): IRQControl makes one
 * IRQHandler cap per interrupt line; a handler cap binds a notification that the
 * kernel signals when the line fires, masking it until the handler acknowledges.
 * Partners: irq.c, interrupt.c (delivery), object.c (dispatch, deletion).
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include "invocation.h"

/* A checked IRQControl or IRQHandler invocation. */
typedef struct irq_op {
    uint32_t label;
    unsigned irq;
    cte_t *dest;       /* IRQControl_Get: the empty slot for the handler cap */
    cte_t *ntfn_slot;  /* SetNotification: the notification cap's slot */
} irq_op_t;

seL4_Error decode_irq_control(invocation_t *inv, irq_op_t *op);
invoke_status_t invoke_irq_control(invocation_t *inv, const irq_op_t *op);
seL4_Error decode_irq_handler(invocation_t *inv, irq_op_t *op);
invoke_status_t invoke_irq_handler(invocation_t *inv, const irq_op_t *op);

/* A user interrupt arrived (already masked by the architecture). */
void irq_received(unsigned irq);
/* The last handler cap of `irq` was deleted: the line is free again. */
void irq_handler_deleted(unsigned irq);
/* Whether some interrupt can still signal a thread (then idling makes sense). */
bool irq_can_wake_anyone(void);

#endif

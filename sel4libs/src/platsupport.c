/*
 * sel4libs/src/platsupport.c - the parts of ps_io_ops_t for seL4 programs (see
 * sel4platsupport/io.h and irq.h): device memory mapped through a vspace_t, and the
 * mini IRQ interface, where each registered IRQ's handler cap signals one
 * notification through a copy badged with the IRQ's own bit.
 */
#include <stdlib.h>
#include <string.h>

#include <sel4platsupport/io.h>
#include <sel4platsupport/irq.h>
#include <vka/capops.h>
#include <vka/object.h>

typedef struct io_mapper_state {
    vspace_t *vspace;
    vka_t *vka;
} io_mapper_state_t;

int sel4platsupport_new_io_mapper(vspace_t *vspace, vka_t *vka, ps_io_mapper_t *io_mapper)
{
    io_mapper_state_t *s = malloc(sizeof(*s));
    if (!s)
        return -1;
    *s = (io_mapper_state_t){vspace, vka};
    io_mapper->cookie = s;
    return 0;
}

int sel4platsupport_new_malloc_ops(ps_malloc_ops_t *ops)
{
    ops->cookie = NULL;
    return 0;
}

int sel4platsupport_new_fdt_ops(ps_io_fdt_t *io_fdt, simple_t *simple, ps_malloc_ops_t *malloc_ops)
{
    (void)simple, (void)malloc_ops;
    io_fdt->cookie = NULL;
    return 0;
}

int sel4platsupport_new_io_ops(vspace_t *vspace, vka_t *vka, simple_t *simple, ps_io_ops_t *io_ops)
{
    memset(io_ops, 0, sizeof(*io_ops));
    if (sel4platsupport_new_malloc_ops(&io_ops->malloc_ops) || sel4platsupport_new_io_mapper(vspace, vka, &io_ops->io_mapper))
        return -1;
    return sel4platsupport_new_fdt_ops(&io_ops->io_fdt, simple, &io_ops->malloc_ops);
}

void *ps_io_map(ps_io_mapper_t *io_mapper, uintptr_t paddr, size_t size, int cached, ps_mem_flags_t flags)
{
    (void)flags;
    io_mapper_state_t *s = io_mapper->cookie;
    size_t offset = paddr & MASK(seL4_PageBits), pages = DIV_ROUND_UP(offset + size, BIT(seL4_PageBits));
    seL4_CPtr caps[pages];
    for (size_t i = 0; i < pages; i++) {
        vka_object_t frame;
        if (vka_alloc_frame_at(s->vka, seL4_PageBits, paddr - offset + i * BIT(seL4_PageBits), &frame))
            return NULL;
        caps[i] = frame.cptr;
    }
    char *va = vspace_map_pages(s->vspace, caps, NULL, seL4_ReadWrite, pages, seL4_PageBits, cached);
    return va ? va + offset : NULL;
}

void ps_io_unmap(ps_io_mapper_t *io_mapper, void *vaddr, size_t size)
{
    io_mapper_state_t *s = io_mapper->cookie;
    size_t offset = (uintptr_t)vaddr & MASK(seL4_PageBits);
    vspace_unmap_pages(s->vspace, (char *)vaddr - offset, DIV_ROUND_UP(offset + size, BIT(seL4_PageBits)),
                       seL4_PageBits, s->vka);
}

/* ---- the mini IRQ interface ---- */

typedef struct irq_entry {
    seL4_CPtr handler;       /* 0: a free entry */
    seL4_Word bit;           /* its badge bit */
    irq_callback_fn_t callback;
    void *data;
} irq_entry_t;

typedef struct mini_irq_state {
    vka_t *vka;
    simple_t *simple;
    seL4_CPtr notification;
    seL4_Word free_bits;     /* badge bits no IRQ has yet */
    irq_entry_t irqs[SEL4PLATSUPPORT_MAX_IRQS];
} mini_irq_state_t;

int sel4platsupport_new_mini_irq_ops(ps_irq_ops_t *irq_ops, vka_t *vka, simple_t *simple,
                                     ps_malloc_ops_t *malloc_ops, seL4_CPtr notification,
                                     seL4_Word notification_badge)
{
    (void)malloc_ops;
    mini_irq_state_t *s = calloc(1, sizeof(*s));
    if (!s)
        return -1;
    *s = (mini_irq_state_t){.vka = vka, .simple = simple, .notification = notification,
                            .free_bits = notification_badge & MASK(seL4_BadgeBits)};
    irq_ops->cookie = s;
    return 0;
}

/* The handler cap for line `irq`, signalling a copy of the notification badged `bit`. */
static seL4_CPtr handler_for(mini_irq_state_t *s, long irq, seL4_Word bit)
{
    cspacepath_t handler, ntfn, badged;
    if (vka_cspace_alloc_path(s->vka, &handler) || vka_cspace_alloc_path(s->vka, &badged))
        return 0;
    vka_cspace_make_path(s->vka, s->notification, &ntfn);
    if (seL4_IRQControl_Get(simple_get_irq_ctrl(s->simple), (seL4_Word)irq, handler.root, handler.capPtr,
                            (seL4_Uint8)handler.capDepth) != seL4_NoError ||
        vka_cnode_mint(&badged, &ntfn, seL4_AllRights, bit) != seL4_NoError ||
        seL4_IRQHandler_SetNotification(handler.capPtr, badged.capPtr) != seL4_NoError ||
        seL4_IRQHandler_Ack(handler.capPtr) != seL4_NoError)
        return 0;
    return handler.capPtr;
}

irq_id_t ps_irq_register(ps_irq_ops_t *irq_ops, ps_irq_t irq, irq_callback_fn_t callback, void *data)
{
    mini_irq_state_t *s = irq_ops->cookie;
    if (irq.type != PS_INTERRUPT || !callback || !s->free_bits)
        return -1;
    for (irq_id_t id = 0; id < SEL4PLATSUPPORT_MAX_IRQS; id++) {
        irq_entry_t *e = &s->irqs[id];
        if (e->handler)
            continue;
        seL4_Word bit = s->free_bits & -s->free_bits; /* the lowest free bit */
        e->handler = handler_for(s, irq.irq.number, bit);
        if (!e->handler)
            return -1;
        s->free_bits &= ~bit;
        *e = (irq_entry_t){e->handler, bit, callback, data};
        return id;
    }
    return -1;
}

int ps_irq_unregister(ps_irq_ops_t *irq_ops, irq_id_t id)
{
    mini_irq_state_t *s = irq_ops->cookie;
    if (id < 0 || id >= SEL4PLATSUPPORT_MAX_IRQS || !s->irqs[id].handler)
        return -1;
    seL4_IRQHandler_Clear(s->irqs[id].handler);
    s->free_bits |= s->irqs[id].bit;
    s->irqs[id].handler = 0;
    return 0;
}

static int acknowledge(void *ack_data)
{
    return seL4_IRQHandler_Ack(((irq_entry_t *)ack_data)->handler);
}

int sel4platsupport_irq_handle(ps_irq_ops_t *irq_ops, ntfn_id_t ntfn_id, seL4_Word handle_mask)
{
    mini_irq_state_t *s = irq_ops->cookie;
    if (ntfn_id != MINI_IRQ_INTERFACE_NTFN_ID)
        return -1;
    for (int id = 0; id < SEL4PLATSUPPORT_MAX_IRQS; id++) {
        irq_entry_t *e = &s->irqs[id];
        if (e->handler && (handle_mask & e->bit))
            e->callback(e->data, acknowledge, e);
    }
    return 0;
}

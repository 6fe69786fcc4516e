/*
 * kernel/object.c - creating and destroying kernel objects, and dispatching their
 * invocations. Objects are made only by Untyped_Retype in memory that is already
 * zero; destroying one undoes what refers to it (spec 11.3).
 * Partners: object.h, untyped.c, cdt.c, cnode.c, tcb.c, domain.c.
 */
#include "object.h"

#include <sel4/objecttype.h>

#include "arch.h"
#include "trace.h"

unsigned object_size_bits(uint32_t type, uint32_t size_bits)
{
    switch (type) {
    case seL4_UntypedObject: return size_bits;
    case seL4_TCBObject: return seL4_TCBBits;
    case seL4_EndpointObject: return seL4_EndpointBits;
    case seL4_NotificationObject: return seL4_NotificationBits;
    case seL4_CapTableObject: return size_bits + seL4_SlotBits;
    case seL4_ARM_PageDirectoryObject: return seL4_PageDirBits;
    case seL4_ARM_SmallPageObject: return seL4_PageBits;
    case seL4_ARM_LargePageObject: return seL4_LargePageBits;
    case seL4_ARM_SectionObject: return seL4_SectionBits;
    case seL4_ARM_SuperSectionObject: return seL4_SuperSectionBits;
    case seL4_ARM_PageTableObject: return seL4_PageTableBits;
    default: kpanic("object type %u", type);
    }
}

static cap_t create_frame(uint32_t type, uint32_t paddr, bool device)
{
    frame_size_t size = type == seL4_ARM_SmallPageObject   ? FRAME_SMALL
                        : type == seL4_ARM_LargePageObject ? FRAME_LARGE
                        : type == seL4_ARM_SectionObject   ? FRAME_SECTION
                                                           : FRAME_SUPERSECTION;
    return cap_frame(paddr, size, device, RIGHTS_ALL);
}

static cap_t make_object(uint32_t type, uint32_t size_bits, uint32_t paddr, bool device)
{
    void *obj = device ? NULL : arch_phys_to_kernel(paddr);
    switch (type) {
    case seL4_UntypedObject: return cap_untyped(paddr, size_bits, device, 0);
    case seL4_TCBObject: {
        tcb_t *t = obj;
        thread_init(t);
        return cap_thread(t);
    }
    case seL4_EndpointObject: return cap_endpoint(obj, 0, RIGHTS_ALL);
    case seL4_NotificationObject: return cap_notification(obj, 0, RIGHTS_ALL);
    case seL4_CapTableObject: return cap_cnode(obj, size_bits, 0, 0);
    case seL4_ARM_PageDirectoryObject:
        arch_pd_init(obj);
        return cap_page_directory(obj, false, 0);
    case seL4_ARM_PageTableObject: return cap_page_table(obj, false, 0, 0);
    default: return create_frame(type, paddr, device);
    }
}

cap_t object_create(uint32_t type, uint32_t size_bits, uint32_t paddr, bool device,
                    const cte_t *untyped)
{
    cap_t cap = make_object(type, size_bits, paddr, device);
    trace_object_create(type, cap_addr(cap), size_bits, untyped);
    if (type == seL4_TCBObject)
        reply_make_master(cap_ptr(cap));
    return cap;
}

void object_prepare_delete(cap_t cap)
{
    if (cap_type(cap) == CAP_ZOMBIE)
        cap = zombie_original(cap);
    if (cap_type(cap) == CAP_THREAD)
        thread_suspend(cap_ptr(cap));
}

bool preemption_point(void)
{
    return arch_interrupt_pending();
}

cte_t *object_slots(cap_t cap, uint32_t *count)
{
    if (cap_type(cap) == CAP_ZOMBIE)
        cap = zombie_original(cap);
    if (cap_type(cap) == CAP_CNODE) {
        *count = 1u << cnode_radix(cap);
        return cnode_slots(cap);
    }
    if (cap_type(cap) == CAP_THREAD) {
        *count = TCB_SLOT_COUNT;
        return ((tcb_t *)cap_ptr(cap))->slots;
    }
    *count = 0;
    return NULL;
}

/* Undoes what refers to an object whose last cap was removed. */
static void finalise(cap_t cap)
{
    switch (cap_type(cap)) {
    case CAP_THREAD:
        thread_destroy(cap_ptr(cap));
        break;
    case CAP_ENDPOINT: ep_cancel_all(cap_ptr(cap)); break;
    case CAP_NOTIFICATION: ntfn_destroy(cap_ptr(cap)); break;
    case CAP_IRQ_HANDLER: irq_handler_deleted(irq_handler_irq(cap)); break;
    default:
        /* Address-space objects: object_cap_deleted; CNodes were emptied
         * before; untyped and reply caps need nothing. */
        break;
    }
}

void object_cap_deleted(const cte_t *slot, cap_t cap, bool final)
{
    switch (cap_type(cap)) {
    case CAP_FRAME:
    case CAP_PAGE_TABLE:
    case CAP_PAGE_DIRECTORY:
    case CAP_ASID_POOL: vspace_cap_deleted(slot, cap, final); break;
    default:
        if (final)
            finalise(cap);
        break;
    }
}

seL4_Error object_decode(invocation_t *inv, object_op_t *op)
{
    switch (cap_type(inv->cap)) {
    case CAP_NULL:
    case CAP_ZOMBIE: return inv_invalid_capability(inv, 0);
    case CAP_UNTYPED: return decode_untyped(inv, &op->untyped);
    case CAP_CNODE: return decode_cnode(inv, &op->cnode);
    case CAP_THREAD: return decode_tcb(inv, &op->tcb);
    case CAP_DOMAIN: return decode_domain(inv, &op->domain);
    case CAP_ENDPOINT: return decode_endpoint(inv, &op->endpoint);
    case CAP_NOTIFICATION: return decode_notification(inv, &op->notification);
    case CAP_REPLY: return decode_reply(inv);
    case CAP_IRQ_CONTROL: return decode_irq_control(inv, &op->irq);
    case CAP_IRQ_HANDLER: return decode_irq_handler(inv, &op->irq);
    case CAP_FRAME: return decode_frame(inv, &op->vspace);
    case CAP_PAGE_TABLE: return decode_page_table(inv, &op->vspace);
    case CAP_PAGE_DIRECTORY: return decode_page_directory(inv, &op->vspace);
    case CAP_ASID_CONTROL: return decode_asid_control(inv, &op->vspace);
    case CAP_ASID_POOL: return decode_asid_pool(inv, &op->vspace);
    case CAP_TYPE_COUNT: break;
    }
    kpanic("cap type %u", cap_type(inv->cap));
}

invoke_status_t object_invoke(invocation_t *inv, const object_op_t *op)
{
    switch (cap_type(inv->cap)) {
    case CAP_UNTYPED: return invoke_untyped(inv, &op->untyped);
    case CAP_CNODE: return invoke_cnode(inv, &op->cnode);
    case CAP_THREAD: return invoke_tcb(inv, &op->tcb);
    case CAP_DOMAIN: return invoke_domain(inv, &op->domain);
    case CAP_ENDPOINT: return invoke_endpoint(inv, &op->endpoint);
    case CAP_NOTIFICATION: return invoke_notification(inv, &op->notification);
    case CAP_REPLY: return invoke_reply(inv);
    case CAP_IRQ_CONTROL: return invoke_irq_control(inv, &op->irq);
    case CAP_IRQ_HANDLER: return invoke_irq_handler(inv, &op->irq);
    case CAP_FRAME: return invoke_frame(inv, &op->vspace);
    case CAP_PAGE_TABLE: return invoke_page_table(inv, &op->vspace);
    case CAP_PAGE_DIRECTORY: return invoke_page_directory(inv, &op->vspace);
    case CAP_ASID_CONTROL: return invoke_asid_control(inv, &op->vspace);
    case CAP_ASID_POOL: return invoke_asid_pool(inv, &op->vspace);
    default: kpanic("cap type %u passed decode", cap_type(inv->cap));
    }
}

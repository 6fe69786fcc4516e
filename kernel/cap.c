/*
 * kernel/cap.c - building capabilities and the rules that relate two of them:
 * which region a cap covers, when one is the CDT parent of another, what a copy
 * of a cap is, and how Mint/Mutate data changes it (spec §5). Partner: cap.h.
 */
#include "cap.h"

#include <sel4/cnode_capdata.h>
#include <sel4/objecttype.h>

#include "arch.h"

static cap_t make(cap_type_t type, uint32_t addr, uint32_t word1)
{
    cap_t c = {{capw_word0(type, addr), word1}};
    kassert(capw_addr(c.words[0]) == addr);
    return c;
}

static uint32_t addr_of(void *p)
{
    return (uint32_t)(uintptr_t)p;
}

cap_t cap_untyped(uint32_t paddr, unsigned size_bits, bool device, uint32_t free_bytes)
{
    return make(CAP_UNTYPED, paddr, capw_untyped(size_bits, device, free_bytes));
}

cap_t cap_endpoint(void *ep, uint32_t badge, uint32_t rights)
{
    return make(CAP_ENDPOINT, addr_of(ep), capw_ep(badge, rights));
}

cap_t cap_notification(void *ntfn, uint32_t badge, uint32_t rights)
{
    return make(CAP_NOTIFICATION, addr_of(ntfn), capw_ep(badge, rights));
}

cap_t cap_cnode(void *slots, unsigned radix, unsigned guard_size, uint32_t guard)
{
    if (guard_size < 32)
        guard &= (1u << guard_size) - 1;
    return make(CAP_CNODE, addr_of(slots), capw_cnode(radix, guard_size, guard));
}

cap_t cap_thread(void *tcb) { return make(CAP_THREAD, addr_of(tcb), 0); }
cap_t cap_page_table(void *pt, bool mapped, uint32_t asid, uint32_t vaddr)
{
    return make(CAP_PAGE_TABLE, addr_of(pt), capw_pt(mapped, asid, vaddr));
}

cap_t cap_asid_pool(void *pool, uint32_t asid_base)
{
    return make(CAP_ASID_POOL, addr_of(pool), asid_base & CAPW_ASID_MASK);
}
cap_t cap_simple(cap_type_t type) { return make(type, 0, 0); }
cap_t cap_irq_handler(unsigned irq) { return make(CAP_IRQ_HANDLER, 0, irq & CAPW_IRQ_MASK); }

cap_t cap_frame(uint32_t paddr, frame_size_t size, uint32_t rights)
{
    return make(CAP_FRAME, paddr, capw_frame(size, rights));
}

bool frame_is_device(cap_t c)
{
    return cap_addr(c) < arch_ram_base() || cap_addr(c) >= arch_usable_ram_end();
}

cap_t cap_page_directory(void *pd, bool assigned, uint32_t asid)
{
    return make(CAP_PAGE_DIRECTORY, addr_of(pd), capw_pd(assigned, asid));
}

uint32_t cap_debug_tag(cap_t c)
{
    switch (cap_type(c)) {
    case CAP_NULL: return 0;
    case CAP_UNTYPED: return 2;
    case CAP_ENDPOINT: return 4;
    case CAP_NOTIFICATION: return 6;
    case CAP_REPLY: return 8;
    case CAP_CNODE: return 10;
    case CAP_THREAD: return 12;
    case CAP_FRAME: return frame_size(c) == FRAME_SMALL ? 1 : 3;
    case CAP_ASID_POOL: return 5;
    case CAP_PAGE_TABLE: return 7;
    case CAP_PAGE_DIRECTORY: return 9;
    case CAP_ASID_CONTROL: return 11;
    case CAP_IRQ_CONTROL: return 0x0E;
    case CAP_IRQ_HANDLER: return 0x1E;
    case CAP_DOMAIN: return 0x3E;
    case CAP_ZOMBIE: return 0x2E;
    case CAP_TYPE_COUNT: break;
    }
    return 0;
}

const char *cap_type_name(cap_type_t type)
{
    static const char *names[CAP_TYPE_COUNT] = {
        "null", "untyped", "endpoint", "notification", "reply", "cnode", "thread",
        "irq control", "irq handler", "domain", "frame", "page table", "page directory",
        "asid control", "asid pool", "zombie",
    };
    return type < CAP_TYPE_COUNT ? names[type] : "?";
}

cap_t zombie_original(cap_t z)
{
    if (capw_zombie_type(z.words[1]) == CAP_CNODE)
        return cap_cnode(cap_ptr(z), capw_zombie_radix(z.words[1]), 0, 0);
    return cap_thread(cap_ptr(z));
}

/* Physical base and size of the memory a cap's object occupies; false if none. */
static bool cap_region(cap_t c, uint32_t *base, uint32_t *size)
{
    if (cap_type(c) == CAP_ZOMBIE)
        c = zombie_original(c);
    switch (cap_type(c)) {
    case CAP_UNTYPED: *base = cap_addr(c); *size = untyped_size(c); return true;
    case CAP_FRAME: *base = cap_addr(c); *size = 1u << frame_size_bits(frame_size(c)); return true;
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION: *size = 1u << seL4_EndpointBits; break;
    case CAP_CNODE: *size = 1u << (cnode_radix(c) + seL4_SlotBits); break;
    case CAP_THREAD: *size = 1u << seL4_TCBBits; break;
    case CAP_PAGE_TABLE: *size = 1u << seL4_PageTableBits; break;
    case CAP_PAGE_DIRECTORY: *size = 1u << seL4_PageDirBits; break;
    case CAP_ASID_POOL: *size = 1u << seL4_ASIDPoolBits; break;
    default: return false;
    }
    *base = arch_kernel_to_phys(cap_ptr(c));
    return true;
}

bool cap_same_region(cap_t a, cap_t b)
{
    if (cap_type(a) == CAP_UNTYPED) {
        uint32_t abase, asize, bbase, bsize;
        if (!cap_region(b, &bbase, &bsize))
            return false;
        abase = cap_addr(a);
        asize = untyped_size(a);
        /* 64-bit ends: a region may end exactly at 4 GiB. */
        return bbase >= abase && (uint64_t)bbase + bsize <= (uint64_t)abase + asize;
    }
    if (cap_type(a) == CAP_IRQ_CONTROL)
        return cap_type(b) == CAP_IRQ_CONTROL || cap_type(b) == CAP_IRQ_HANDLER;
    return cap_same_object(a, b);
}

bool cap_same_object(cap_t a, cap_t b)
{
    if (cap_type(a) != cap_type(b) || cap_is_null(a))
        return false;
    switch (cap_type(a)) {
    case CAP_UNTYPED:
        return cap_object(a) == cap_object(b) && untyped_size_bits(a) == untyped_size_bits(b);
    case CAP_CNODE:
        return cap_object(a) == cap_object(b) && cnode_radix(a) == cnode_radix(b);
    case CAP_FRAME:
        return cap_addr(a) == cap_addr(b) && frame_size(a) == frame_size(b);
    case CAP_IRQ_HANDLER:
        return irq_handler_irq(a) == irq_handler_irq(b);
    case CAP_IRQ_CONTROL:
    case CAP_DOMAIN:
    case CAP_ASID_CONTROL:
        return true;
    default:
        return cap_object(a) == cap_object(b);
    }
}

seL4_Error cap_derive(cap_t c, bool has_children, cap_t *out)
{
    switch (cap_type(c)) {
    case CAP_UNTYPED:
        if (has_children)
            return seL4_RevokeFirst;
        break;
    case CAP_REPLY:
    case CAP_IRQ_CONTROL:
    case CAP_ZOMBIE:
        return seL4_IllegalOperation;
    case CAP_PAGE_TABLE:
        if (!pt_is_mapped(c))
            return seL4_IllegalOperation;
        break;
    case CAP_PAGE_DIRECTORY:
        if (!pd_is_assigned(c))
            return seL4_IllegalOperation;
        break;
    case CAP_FRAME:
        c = frame_with_mapping(c, 0, 0); /* a copy maps on its own */
        break;
    default:
        break;
    }
    *out = c;
    return seL4_NoError;
}

cap_t cap_mask_rights(cap_t c, uint32_t rights)
{
    rights &= RIGHTS_ALL;
    switch (cap_type(c)) {
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
        c.words[1] = capw_ep(cap_badge(c), cap_ep_rights(c) & rights);
        break;
    case CAP_FRAME:
        c.words[1] = capw_frame_with_rights(c.words[1], frame_rights(c) & rights);
        break;
    default:
        break;
    }
    return c;
}


bool cap_update_data(cap_t c, uint32_t data, bool preserve, cap_t *out)
{
    switch (cap_type(c)) {
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
        /* Only Mint badges, and only an unbadged cap (spec 8.4). */
        if (preserve || cap_badge(c) != 0)
            return false;
        c.words[1] = capw_ep(data, cap_ep_rights(c));
        break;
    case CAP_CNODE: {
        seL4_CNode_CapData_t d = {{data}};
        unsigned size = seL4_CNode_CapData_get_guardSize(d);
        uint32_t guard = seL4_CNode_CapData_get_guard(d);
        if (size + cnode_radix(c) > 32)
            return false;
        /* The guard is truncated to its size; at most 18 bits are kept. */
        if (size < 18)
            guard &= (1u << size) - 1;
        c = cap_cnode(cap_ptr(c), cnode_radix(c), size, guard);
        break;
    }
    default:
        break;
    }
    *out = c;
    return true;
}

bool cap_is_revocable_copy(cap_t derived, cap_t src)
{
    switch (cap_type(derived)) {
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
        return cap_badge(derived) != cap_badge(src);
    case CAP_UNTYPED:
        return true;
    case CAP_IRQ_HANDLER:
        return cap_type(src) == CAP_IRQ_CONTROL;
    default:
        return false;
    }
}

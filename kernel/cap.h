/*
 * kernel/cap.h - capabilities: a two-word value naming one object (or region of
 * memory) and what its holder may do with it. The words' layout is defined once,
 * in trace/cap_words.h (the trace stream carries caps as they are); this header
 * gives it types. Partners: cap.c (derivation rules), cnode.h (slots), cdt.c.
 */
#ifndef KERNEL_CAP_H
#define KERNEL_CAP_H

#include <sel4/errors.h>

#include "../trace/cap_words.h"
#include "../trace/format.h"
#include "kernel.h"

/* Numbered as the trace stream numbers them (trace/format.h): one definition. */
typedef enum cap_type {
    CAP_NULL = TRACE_CAP_NULL,
    CAP_UNTYPED = TRACE_CAP_UNTYPED,
    CAP_ENDPOINT = TRACE_CAP_ENDPOINT,
    CAP_NOTIFICATION = TRACE_CAP_NOTIFICATION,
    CAP_REPLY = TRACE_CAP_REPLY,
    CAP_CNODE = TRACE_CAP_CNODE,
    CAP_THREAD = TRACE_CAP_THREAD,
    CAP_IRQ_CONTROL = TRACE_CAP_IRQ_CONTROL,
    CAP_IRQ_HANDLER = TRACE_CAP_IRQ_HANDLER,
    CAP_DOMAIN = TRACE_CAP_DOMAIN,
    CAP_FRAME = TRACE_CAP_FRAME,
    CAP_PAGE_TABLE = TRACE_CAP_PAGE_TABLE,
    CAP_PAGE_DIRECTORY = TRACE_CAP_PAGE_DIRECTORY,
    CAP_ASID_CONTROL = TRACE_CAP_ASID_CONTROL,
    CAP_ASID_POOL = TRACE_CAP_ASID_POOL,
    CAP_ZOMBIE = TRACE_CAP_ZOMBIE,
    CAP_TYPE_COUNT
} cap_type_t;

_Static_assert(CAP_TYPE_COUNT <= CAPW_TYPE_MASK + 1, "a cap type fits word 0's type field");
_Static_assert(CAP_FRAME == CAPW_FRAME_TYPE, "cap_words.h knows which type is a frame");

typedef struct cap {
    uint32_t words[2];
} cap_t;

/* Rights, in seL4_CapRights_t's bit order. */
#define RIGHT_WRITE CAPW_RIGHT_WRITE
#define RIGHT_READ CAPW_RIGHT_READ
#define RIGHT_GRANT CAPW_RIGHT_GRANT
#define RIGHT_GRANT_REPLY CAPW_RIGHT_GRANT_REPLY
#define RIGHTS_ALL CAPW_RIGHTS_MASK

/* Frame sizes, as kept in a frame cap. */
typedef enum frame_size { FRAME_SMALL, FRAME_LARGE, FRAME_SECTION, FRAME_SUPERSECTION } frame_size_t;

static inline cap_t cap_null(void) { return (cap_t){{0, 0}}; }
static inline cap_type_t cap_type(cap_t c) { return (cap_type_t)capw_type(c.words[0]); }
static inline bool cap_is_null(cap_t c) { return cap_type(c) == CAP_NULL; }
/* The object's kernel address, or (untyped, frames) its physical address. */
static inline uint32_t cap_addr(cap_t c) { return capw_addr(c.words[0]); }
/* The same for any cap but a frame's, without looking at the type (hot paths). */
static inline uint32_t cap_object(cap_t c) { return c.words[0] & ~CAPW_TYPE_MASK; }
static inline void *cap_ptr(cap_t c) { return (void *)(uintptr_t)cap_object(c); }

/* Constructors; `addr` must be 16-byte aligned. */
cap_t cap_untyped(uint32_t paddr, unsigned size_bits, bool device, uint32_t free_bytes);
cap_t cap_endpoint(void *ep, uint32_t badge, uint32_t rights);
cap_t cap_notification(void *ntfn, uint32_t badge, uint32_t rights);
/* The guard is kept to its size (the callers' fit already): a CNode cap's guard is
 * always below 2^guard_size, which the IPC fastpath's lookup relies on (invariant
 * cnode_guard). */
cap_t cap_cnode(void *slots, unsigned radix, unsigned guard_size, uint32_t guard);
cap_t cap_thread(void *tcb);
/* A frame's device flag is not stored: it is device memory when its address is
 * outside the RAM the kernel maps (frame_is_device). */
cap_t cap_frame(uint32_t paddr, frame_size_t size, uint32_t rights);
cap_t cap_page_table(void *pt, bool mapped, uint32_t asid, uint32_t vaddr);
cap_t cap_page_directory(void *pd, bool assigned, uint32_t asid);
cap_t cap_simple(cap_type_t type); /* IRQ control, domain, ASID control */
cap_t cap_asid_pool(void *pool, uint32_t asid_base);
cap_t cap_irq_handler(unsigned irq);
/* Inline: the IPC fastpath makes one per Call. A TCB is 1 KiB aligned. */
static inline cap_t cap_reply(void *tcb, bool master, bool can_grant)
{
    return (cap_t){{capw_word0(CAP_REPLY, (uint32_t)(uintptr_t)tcb), capw_reply(master, can_grant)}};
}

/* Untyped: size, device flag, and the watermark (bytes used, in 16-byte units). */
static inline unsigned untyped_size_bits(cap_t c) { return capw_untyped_size_bits(c.words[1]); }
static inline bool untyped_is_device(cap_t c) { return capw_untyped_device(c.words[1]); }
static inline uint32_t untyped_free_bytes(cap_t c) { return capw_untyped_free_bytes(c.words[1]); }
static inline void untyped_set_free_bytes(cap_t *c, uint32_t bytes)
{
    c->words[1] = capw_untyped_with_free(c->words[1], bytes);
}
static inline uint32_t untyped_size(cap_t c) { return 1u << untyped_size_bits(c); }

/* Endpoint and notification: badge and rights. */
static inline uint32_t cap_badge(cap_t c) { return capw_badge(c.words[1]); }
static inline uint32_t cap_ep_rights(cap_t c) { return capw_ep_rights(c.words[1]); }

/* CNode: radix, guard size and guard. */
static inline unsigned cnode_radix(cap_t c) { return capw_cnode_radix(c.words[1]); }
static inline unsigned cnode_guard_size(cap_t c) { return capw_cnode_guard_size(c.words[1]); }
static inline uint32_t cnode_guard(cap_t c) { return capw_cnode_guard(c.words[1]); }

/* Frame: size, rights (Read and Write only), whether it is device memory, where this cap maps
 * it: an ASID (0: nowhere) and a virtual address. */
static inline frame_size_t frame_size(cap_t c) { return (frame_size_t)capw_frame_size(c.words[1]); }
/* Device memory: outside the RAM the kernel maps (only device untyped reach there). */
bool frame_is_device(cap_t c);
static inline uint32_t frame_rights(cap_t c) { return capw_frame_rights(c.words[1]); }
static inline unsigned frame_size_bits(frame_size_t size) { return capw_frame_size_bits(size); }
static inline uint32_t frame_mapped_asid(cap_t c) { return capw_frame_asid(c.words[0], c.words[1]); }
static inline uint32_t frame_mapped_vaddr(cap_t c) { return capw_frame_vaddr(c.words[1]); }
static inline cap_t frame_with_mapping(cap_t c, uint32_t asid, uint32_t vaddr)
{
    capw_frame_set_mapping(&c.words[0], &c.words[1], asid, vaddr);
    return c;
}

/* Page table: mapped or not, the ASID of its page directory, the MiB it covers. */
static inline bool pt_is_mapped(cap_t c) { return capw_pt_mapped(c.words[1]); }
static inline uint32_t pt_mapped_asid(cap_t c) { return capw_pt_asid(c.words[1]); }
static inline uint32_t pt_mapped_vaddr(cap_t c) { return capw_pt_vaddr(c.words[1]); }

/* Page directory: assigned to an ASID, and which. */
static inline bool pd_is_assigned(cap_t c) { return capw_pd_assigned(c.words[1]); }
static inline uint32_t pd_asid(cap_t c) { return capw_pd_asid(c.words[1]); }

/* ASID pool: its first ASID. */
static inline uint32_t asid_pool_base(cap_t c) { return capw_asid_pool_base(c.words[1]); }

static inline unsigned irq_handler_irq(cap_t c) { return capw_irq(c.words[1]); }

/*
 * Zombie: the final cap of a CNode or TCB whose deletion has begun (cdt.c). It
 * names the same object, but nothing can look through it, invoke it or copy it, so
 * a deletion stopped at a preemption point never leaves a half-emptied object usable
 * (seL4's zombies serve the same end).
 */
static inline cap_t cap_zombie(cap_t original)
{
    unsigned radix = cap_type(original) == CAP_CNODE ? cnode_radix(original) : 0;
    return (cap_t){{capw_word0(CAP_ZOMBIE, cap_addr(original)), capw_zombie(cap_type(original), radix)}};
}
/* The cap a zombie was (guard dropped: the object is only being emptied). */
cap_t zombie_original(cap_t zombie);

/* Reply: the TCB waiting for the reply (cap_ptr), master or not, Grant. */
static inline bool reply_is_master(cap_t c) { return capw_reply_master(c.words[1]); }
static inline bool reply_can_grant(cap_t c) { return capw_reply_can_grant(c.words[1]); }

/* seL4's type tag of a cap, as seL4_DebugCapIdentify returns it. */
uint32_t cap_debug_tag(cap_t c);
/* Short lower-case name of the type, for the console. */
const char *cap_type_name(cap_type_t type);

/* Do a and b name the same object or a region containing b's (CDT parenthood)? */
bool cap_same_region(cap_t a, cap_t b);
/* Do a and b name exactly the same object (finality of a deletion)? */
bool cap_same_object(cap_t a, cap_t b);

/*
 * The cap a Copy/Mint/transfer of `c` produces, or an error: reply caps and IRQ
 * control cannot be copied (IllegalOperation), nor page tables and directories
 * that are not mapped/assigned (IllegalOperation). `has_children` is whether c's
 * slot has CDT children (an untyped with children: RevokeFirst).
 */
seL4_Error cap_derive(cap_t c, bool has_children, cap_t *out);
/* Rights masked: the result never has more than c had. */
cap_t cap_mask_rights(cap_t c, uint32_t rights);
/*
 * Applies Mint/Mutate data: a badge to an unbadged endpoint/notification, a guard
 * to a CNode (seL4_CNode_CapData layout). Returns false when not allowed.
 * `preserve` is the Mutate/Rotate form, where badging is never allowed.
 */
bool cap_update_data(cap_t c, uint32_t data, bool preserve, cap_t *out);
/* Whether a copy `derived` of `src` is itself an original (revocable) cap. */
bool cap_is_revocable_copy(cap_t derived, cap_t src);

#endif

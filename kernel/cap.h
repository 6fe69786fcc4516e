/*
 * kernel/cap.h - capabilities: a two-word value naming one object (or region of
 * memory) and what its holder may do with it. The first word holds the type in
 * bits 3:0 and the object's address (16-byte aligned, so its low bits are free);
 * the second word's layout depends on the type. All access is through the named
 * accessors below. Partners: cap.c (derivation rules), cnode.h (slots), cdt.c.
 */
#ifndef KERNEL_CAP_H
#define KERNEL_CAP_H

#include <sel4/errors.h>

#include "kernel.h"

typedef enum cap_type {
    CAP_NULL = 0,
    CAP_UNTYPED,
    CAP_ENDPOINT,
    CAP_NOTIFICATION,
    CAP_REPLY,
    CAP_CNODE,
    CAP_THREAD,
    CAP_IRQ_CONTROL,
    CAP_IRQ_HANDLER,
    CAP_DOMAIN,
    CAP_FRAME,
    CAP_PAGE_TABLE,
    CAP_PAGE_DIRECTORY,
    CAP_ASID_CONTROL,
    CAP_ASID_POOL,
    CAP_TYPE_COUNT
} cap_type_t;

typedef struct cap {
    uint32_t words[2];
} cap_t;

/* Rights, in seL4_CapRights_t's bit order. */
#define RIGHT_WRITE 0x1u
#define RIGHT_READ 0x2u
#define RIGHT_GRANT 0x4u
#define RIGHT_GRANT_REPLY 0x8u
#define RIGHTS_ALL 0xFu

/* Frame sizes, as kept in a frame cap. */
typedef enum frame_size { FRAME_SMALL, FRAME_LARGE, FRAME_SECTION, FRAME_SUPERSECTION } frame_size_t;

static inline cap_t cap_null(void) { return (cap_t){{0, 0}}; }
static inline cap_type_t cap_type(cap_t c) { return (cap_type_t)(c.words[0] & 0xFu); }
static inline bool cap_is_null(cap_t c) { return cap_type(c) == CAP_NULL; }
/* The object's kernel address, or (untyped, frames) its physical address. */
static inline uint32_t cap_addr(cap_t c) { return c.words[0] & ~0xFu; }
static inline void *cap_ptr(cap_t c) { return (void *)(uintptr_t)cap_addr(c); }

/* Constructors; `addr` must be 16-byte aligned. */
cap_t cap_untyped(uint32_t paddr, unsigned size_bits, bool device, uint32_t free_bytes);
cap_t cap_endpoint(void *ep, uint32_t badge, uint32_t rights);
cap_t cap_notification(void *ntfn, uint32_t badge, uint32_t rights);
cap_t cap_cnode(void *slots, unsigned radix, unsigned guard_size, uint32_t guard);
cap_t cap_thread(void *tcb);
cap_t cap_frame(uint32_t paddr, frame_size_t size, bool device, uint32_t rights);
cap_t cap_page_table(void *pt);
cap_t cap_page_directory(void *pd, bool assigned, uint32_t asid);
cap_t cap_simple(cap_type_t type); /* IRQ control, domain, ASID control */
cap_t cap_asid_pool(void *pool);
cap_t cap_irq_handler(unsigned irq);

/* Untyped: second word = size bits [4:0], device [5], watermark / 16 [31:6]. */
static inline unsigned untyped_size_bits(cap_t c) { return c.words[1] & 0x1Fu; }
static inline bool untyped_is_device(cap_t c) { return (c.words[1] >> 5) & 1u; }
static inline uint32_t untyped_free_bytes(cap_t c) { return (c.words[1] >> 6) << 4; }
static inline void untyped_set_free_bytes(cap_t *c, uint32_t bytes)
{
    c->words[1] = (c->words[1] & 0x3Fu) | ((bytes >> 4) << 6);
}
static inline uint32_t untyped_size(cap_t c) { return 1u << untyped_size_bits(c); }

/* Endpoint and notification: badge [27:0], rights [31:28]. */
static inline uint32_t cap_badge(cap_t c) { return c.words[1] & 0x0FFFFFFFu; }
static inline uint32_t cap_ep_rights(cap_t c) { return c.words[1] >> 28; }

/* CNode: radix [4:0], guard size [9:5], guard [27:10]. */
static inline unsigned cnode_radix(cap_t c) { return c.words[1] & 0x1Fu; }
static inline unsigned cnode_guard_size(cap_t c) { return (c.words[1] >> 5) & 0x1Fu; }
static inline uint32_t cnode_guard(cap_t c) { return (c.words[1] >> 10) & 0x3FFFFu; }

/* Frame: size [1:0], device [2], rights [6:3]. */
static inline frame_size_t frame_size(cap_t c) { return (frame_size_t)(c.words[1] & 0x3u); }
static inline bool frame_is_device(cap_t c) { return (c.words[1] >> 2) & 1u; }
static inline uint32_t frame_rights(cap_t c) { return (c.words[1] >> 3) & 0xFu; }
unsigned frame_size_bits(frame_size_t size);

/* Page directory: assigned [0], ASID [17:1]. */
static inline bool pd_is_assigned(cap_t c) { return c.words[1] & 1u; }
static inline uint32_t pd_asid(cap_t c) { return (c.words[1] >> 1) & 0x1FFFFu; }

static inline unsigned irq_handler_irq(cap_t c) { return c.words[1] & 0x3FFu; }

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

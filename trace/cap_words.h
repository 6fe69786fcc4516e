/*
 * trace/cap_words.h - the two 32-bit words of a capability: how the kernel stores
 * a cap in a slot, and how trace events carry it. This is the one definition of
 * that layout; kernel/cap.h builds its typed accessors on it and the visualizer
 * reads trace events with it. Cap type numbers are enum trace_cap_type
 * (format.h). Partners: format.h, kernel/cap.h, visualizer/model.h,
 * docs/trace-format.md (the same layout in prose).
 */
#ifndef TRACE_CAP_WORDS_H
#define TRACE_CAP_WORDS_H

#include <stdbool.h>
#include <stdint.h>

/* Word 0, every type: type [3:0], the object's address [31:4] (16-byte aligned).
 * Frames differ: their address is 4 KiB aligned, [31:12], and [11:4] holds the high
 * bits of the ASID they are mapped in (see the frame layout below). */
#define CAPW_TYPE_MASK 0xFu
#define CAPW_FRAME_TYPE 10u /* TRACE_CAP_FRAME (format.h) */
#define CAPW_FRAME_ADDR_MASK 0xFFFFF000u
static inline unsigned capw_type(uint32_t w0) { return w0 & CAPW_TYPE_MASK; }
static inline uint32_t capw_addr(uint32_t w0)
{
    return w0 & (capw_type(w0) == CAPW_FRAME_TYPE ? CAPW_FRAME_ADDR_MASK : ~CAPW_TYPE_MASK);
}
static inline uint32_t capw_word0(unsigned type, uint32_t addr)
{
    return (addr & ~CAPW_TYPE_MASK) | (type & CAPW_TYPE_MASK);
}

/* ASIDs: a page directory's address-space identifier, kept in PD, PT and frame caps:
 * 17 bits, 128 pools of 1024 as in seL4. 0 means none. */
#define CAPW_ASID_BITS 17u
#define CAPW_ASID_MASK ((1u << CAPW_ASID_BITS) - 1u)

/* Untyped word 1: size bits [4:0], device [5], watermark / 16 [31:6]. */
#define CAPW_UT_SIZE_MASK 0x1Fu
#define CAPW_UT_DEVICE_SHIFT 5
#define CAPW_UT_FREE_SHIFT 6
#define CAPW_UT_FREE_UNIT_BITS 4 /* the watermark counts 16-byte units */
static inline unsigned capw_untyped_size_bits(uint32_t w1) { return w1 & CAPW_UT_SIZE_MASK; }
static inline bool capw_untyped_device(uint32_t w1) { return (w1 >> CAPW_UT_DEVICE_SHIFT) & 1u; }
static inline uint32_t capw_untyped_free_bytes(uint32_t w1)
{
    return (w1 >> CAPW_UT_FREE_SHIFT) << CAPW_UT_FREE_UNIT_BITS;
}
static inline uint32_t capw_untyped_with_free(uint32_t w1, uint32_t bytes)
{
    uint32_t low = w1 & ((1u << CAPW_UT_FREE_SHIFT) - 1);
    return low | ((bytes >> CAPW_UT_FREE_UNIT_BITS) << CAPW_UT_FREE_SHIFT);
}
static inline uint32_t capw_untyped(unsigned size_bits, bool device, uint32_t free_bytes)
{
    return capw_untyped_with_free((size_bits & CAPW_UT_SIZE_MASK) |
                                      ((uint32_t)device << CAPW_UT_DEVICE_SHIFT),
                                  free_bytes);
}

/* Endpoint and notification word 1: badge [27:0], rights [31:28]. */
#define CAPW_BADGE_MASK 0x0FFFFFFFu
#define CAPW_EP_RIGHTS_SHIFT 28
static inline uint32_t capw_badge(uint32_t w1) { return w1 & CAPW_BADGE_MASK; }
static inline uint32_t capw_ep_rights(uint32_t w1) { return w1 >> CAPW_EP_RIGHTS_SHIFT; }
static inline uint32_t capw_ep(uint32_t badge, uint32_t rights)
{
    return (badge & CAPW_BADGE_MASK) | (rights << CAPW_EP_RIGHTS_SHIFT);
}

/* CNode word 1: radix [4:0], guard size [9:5], guard [27:10]. */
#define CAPW_CNODE_FIELD_MASK 0x1Fu
#define CAPW_CNODE_GUARD_SIZE_SHIFT 5
#define CAPW_CNODE_GUARD_SHIFT 10
#define CAPW_CNODE_GUARD_MASK 0x3FFFFu /* at most 18 guard bits are kept */
static inline unsigned capw_cnode_radix(uint32_t w1) { return w1 & CAPW_CNODE_FIELD_MASK; }
static inline unsigned capw_cnode_guard_size(uint32_t w1)
{
    return (w1 >> CAPW_CNODE_GUARD_SIZE_SHIFT) & CAPW_CNODE_FIELD_MASK;
}
static inline uint32_t capw_cnode_guard(uint32_t w1)
{
    return (w1 >> CAPW_CNODE_GUARD_SHIFT) & CAPW_CNODE_GUARD_MASK;
}
static inline uint32_t capw_cnode(unsigned radix, unsigned guard_size, uint32_t guard)
{
    return (radix & CAPW_CNODE_FIELD_MASK) |
           ((guard_size & CAPW_CNODE_FIELD_MASK) << CAPW_CNODE_GUARD_SIZE_SHIFT) |
           ((guard & CAPW_CNODE_GUARD_MASK) << CAPW_CNODE_GUARD_SHIFT);
}

/*
 * Frames: word 0 holds the physical address [31:12] and bits 16:9 of the ASID this cap
 * maps the frame in at [11:4]. Word 1: small [0] (a 4 KiB frame), rights [2:1] (Write,
 * Read: a frame has no other rights), ASID bits 8:0 at [11:3]; then a 4 KiB frame's
 * mapped address [31:12], or a larger frame's size [13:12] (1: 64 KiB, 2: 1 MiB, 3:
 * 16 MiB) and mapped address [31:16]. ASID 0: not mapped (each cap maps in at most one
 * place; a copy made of it is unmapped). Whether a frame is device memory follows
 * from its address (kernel/cap.h).
 */
#define CAPW_FRAME_SMALL 1u
#define CAPW_FRAME_RIGHTS_SHIFT 1
#define CAPW_FRAME_RIGHTS_MASK 0x3u /* CAPW_RIGHT_WRITE | CAPW_RIGHT_READ */
#define CAPW_FRAME_ASID_LO_SHIFT 3
#define CAPW_FRAME_ASID_LO_BITS 9u
#define CAPW_FRAME_ASID_HI_SHIFT 4
#define CAPW_FRAME_SIZE_SHIFT 12
#define CAPW_FRAME_SIZE_MASK 0x3u
#define CAPW_RIGHTS_MASK 0xFu
static inline bool capw_frame_is_small(uint32_t w1) { return w1 & CAPW_FRAME_SMALL; }
static inline unsigned capw_frame_size(uint32_t w1)
{
    return capw_frame_is_small(w1) ? 0u : (w1 >> CAPW_FRAME_SIZE_SHIFT) & CAPW_FRAME_SIZE_MASK;
}
/* The bits of word 1 that hold the mapped address. */
static inline uint32_t capw_frame_vaddr_mask(uint32_t w1)
{
    return capw_frame_is_small(w1) ? 0xFFFFF000u : 0xFFFF0000u;
}
static inline uint32_t capw_frame_rights(uint32_t w1)
{
    return (w1 >> CAPW_FRAME_RIGHTS_SHIFT) & CAPW_FRAME_RIGHTS_MASK;
}
static inline uint32_t capw_frame_with_rights(uint32_t w1, uint32_t rights)
{
    return (w1 & ~(CAPW_FRAME_RIGHTS_MASK << CAPW_FRAME_RIGHTS_SHIFT)) |
           ((rights & CAPW_FRAME_RIGHTS_MASK) << CAPW_FRAME_RIGHTS_SHIFT);
}
/* Word 1 of an unmapped frame cap of size field `size` (0: 4 KiB ... 3: 16 MiB). */
static inline uint32_t capw_frame(unsigned size, uint32_t rights)
{
    uint32_t w1 = size == 0 ? CAPW_FRAME_SMALL : (size & CAPW_FRAME_SIZE_MASK) << CAPW_FRAME_SIZE_SHIFT;
    return capw_frame_with_rights(w1, rights);
}
/* The ASID a frame cap is mapped in (0: not mapped), and the virtual address. */
static inline uint32_t capw_frame_asid(uint32_t w0, uint32_t w1)
{
    uint32_t lo = (w1 >> CAPW_FRAME_ASID_LO_SHIFT) & ((1u << CAPW_FRAME_ASID_LO_BITS) - 1u);
    uint32_t hi = (w0 >> CAPW_FRAME_ASID_HI_SHIFT) & 0xFFu;
    return (hi << CAPW_FRAME_ASID_LO_BITS) | lo;
}
static inline uint32_t capw_frame_vaddr(uint32_t w1) { return w1 & capw_frame_vaddr_mask(w1); }
/* Both words of a frame cap with its mapping set (asid 0, vaddr 0: unmapped). */
static inline void capw_frame_set_mapping(uint32_t *w0, uint32_t *w1, uint32_t asid, uint32_t vaddr)
{
    uint32_t keep = ((1u << CAPW_FRAME_ASID_LO_SHIFT) - 1u) |
                    (capw_frame_is_small(*w1) ? 0u : CAPW_FRAME_SIZE_MASK << CAPW_FRAME_SIZE_SHIFT);
    asid &= CAPW_ASID_MASK;
    *w0 = (*w0 & (CAPW_FRAME_ADDR_MASK | CAPW_TYPE_MASK)) |
          ((asid >> CAPW_FRAME_ASID_LO_BITS) << CAPW_FRAME_ASID_HI_SHIFT);
    *w1 = (*w1 & keep) | ((asid & ((1u << CAPW_FRAME_ASID_LO_BITS) - 1u)) << CAPW_FRAME_ASID_LO_SHIFT) |
          (vaddr & capw_frame_vaddr_mask(*w1));
}
/* log2 of a frame's size in bytes, from its size field. */
static inline unsigned capw_frame_size_bits(unsigned size)
{
    return size == 0 ? 12 : size == 1 ? 16 : size == 2 ? 20 : 24;
}

/* Page directory word 1: assigned to an ASID [0], the ASID [17:1]. */
#define CAPW_PD_ASID_SHIFT 1
static inline bool capw_pd_assigned(uint32_t w1) { return w1 & 1u; }
static inline uint32_t capw_pd_asid(uint32_t w1) { return (w1 >> CAPW_PD_ASID_SHIFT) & CAPW_ASID_MASK; }
static inline uint32_t capw_pd(bool assigned, uint32_t asid)
{
    return (uint32_t)assigned | ((asid & CAPW_ASID_MASK) << CAPW_PD_ASID_SHIFT);
}

/* Page table word 1: mapped [0], the ASID of the page directory it is in [17:1], the
 * 1 MiB region it covers [31:20]. */
#define CAPW_PT_ASID_SHIFT 1
#define CAPW_PT_VADDR_MASK 0xFFF00000u
static inline bool capw_pt_mapped(uint32_t w1) { return w1 & 1u; }
static inline uint32_t capw_pt_asid(uint32_t w1) { return (w1 >> CAPW_PT_ASID_SHIFT) & CAPW_ASID_MASK; }
static inline uint32_t capw_pt_vaddr(uint32_t w1) { return w1 & CAPW_PT_VADDR_MASK; }
static inline uint32_t capw_pt(bool mapped, uint32_t asid, uint32_t vaddr)
{
    return (uint32_t)mapped | ((asid & CAPW_ASID_MASK) << CAPW_PT_ASID_SHIFT) |
           (vaddr & CAPW_PT_VADDR_MASK);
}

/* ASID pool word 1: the first ASID of the pool (pool number times 1024) [16:0]. */
static inline uint32_t capw_asid_pool_base(uint32_t w1) { return w1 & CAPW_ASID_MASK; }

/* Reply word 1 (word 0's address is the TCB that waits for the reply): master [0]
 * (the TCB's own, which a receiver's reply cap derives from), can grant [1]. */
#define CAPW_REPLY_GRANT_SHIFT 1
static inline bool capw_reply_master(uint32_t w1) { return w1 & 1u; }
static inline bool capw_reply_can_grant(uint32_t w1) { return (w1 >> CAPW_REPLY_GRANT_SHIFT) & 1u; }
static inline uint32_t capw_reply(bool master, bool can_grant)
{
    return (uint32_t)master | ((uint32_t)can_grant << CAPW_REPLY_GRANT_SHIFT);
}

/* Zombie word 1 (word 0's address is the object's): the type it was [3:0], and for a
 * CNode its radix [8:4]. */
#define CAPW_ZOMBIE_RADIX_SHIFT 4
static inline unsigned capw_zombie_type(uint32_t w1) { return w1 & CAPW_TYPE_MASK; }
static inline unsigned capw_zombie_radix(uint32_t w1) { return (w1 >> CAPW_ZOMBIE_RADIX_SHIFT) & 0x1Fu; }
static inline uint32_t capw_zombie(unsigned type, unsigned radix)
{
    return (type & CAPW_TYPE_MASK) | ((radix & 0x1Fu) << CAPW_ZOMBIE_RADIX_SHIFT);
}

/* IRQ handler word 1: the interrupt number [9:0]. */
#define CAPW_IRQ_MASK 0x3FFu
static inline unsigned capw_irq(uint32_t w1) { return w1 & CAPW_IRQ_MASK; }

/* Rights bits, in seL4_CapRights_t's order. */
#define CAPW_RIGHT_WRITE 0x1u
#define CAPW_RIGHT_READ 0x2u
#define CAPW_RIGHT_GRANT 0x4u
#define CAPW_RIGHT_GRANT_REPLY 0x8u

#endif

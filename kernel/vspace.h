/*
 * kernel/vspace.h - address spaces as capabilities (spec 8.7): ASID pools and the
 * ASID table, page directories, page tables and frames; their invocations (decode
 * checks, invoke commits), what deleting their caps undoes, and which page
 * directory a thread runs in. The code is ARM's (arch/arm/asid.c, vspace.c); the
 * portable kernel sees only this. Partners: object.c (dispatch, deletion),
 * arch/arm/include/arch/pagetable.h (the entries), arch.h (TLB and caches).
 */
#ifndef KERNEL_VSPACE_H
#define KERNEL_VSPACE_H

#include "invocation.h"

/* A checked invocation of a frame, page table, page directory or ASID cap. */
typedef struct vspace_op {
    uint32_t label;
    cap_t cap;           /* Map: the invoked cap as it will be (its mapping recorded) */
    uint32_t *pd;        /* the page directory concerned */
    uint32_t vaddr;
    uint32_t *entries;   /* Map: the first page-table or directory entry to write */
    uint32_t value;      /* and what to write there */
    unsigned count;      /* how many entries (16 for a large page or supersection) */
    uint32_t access;     /* Map: TRACE_MAP_* of the mapping, for the trace */
    uint32_t start, end; /* cache maintenance: the range, as kernel virtual addresses */
    cte_t *slot;         /* MakePool: the untyped; Assign: the page directory's slot */
    cte_t *dest;         /* MakePool: the empty slot for the pool cap */
    uint32_t asid;       /* MakePool: the pool's first ASID; Assign: the ASID given */
} vspace_op_t;

seL4_Error decode_frame(invocation_t *inv, vspace_op_t *op);
invoke_status_t invoke_frame(invocation_t *inv, const vspace_op_t *op);
seL4_Error decode_page_table(invocation_t *inv, vspace_op_t *op);
invoke_status_t invoke_page_table(invocation_t *inv, const vspace_op_t *op);
seL4_Error decode_page_directory(invocation_t *inv, vspace_op_t *op);
invoke_status_t invoke_page_directory(invocation_t *inv, const vspace_op_t *op);
seL4_Error decode_asid_control(invocation_t *inv, vspace_op_t *op);
invoke_status_t invoke_asid_control(invocation_t *inv, const vspace_op_t *op);
seL4_Error decode_asid_pool(invocation_t *inv, vspace_op_t *op);
invoke_status_t invoke_asid_pool(invocation_t *inv, const vspace_op_t *op);

/*
 * A cap was deleted from a slot (final: it was the last cap to its object). Every
 * mapped frame cap takes its mapping with it; the last cap of a page table unmaps
 * it, of a page directory releases its ASID, of an ASID pool every ASID in it.
 */
void vspace_cap_deleted(const cte_t *slot, cap_t cap, bool final);

/* The page directory assigned `asid`, or NULL. */
uint32_t *asid_find_pd(uint32_t asid);
/* Boot: `pool` (4 KiB, zeroed) becomes ASID pool 0 and `pd` gets `asid` in it. */
void asid_boot(void *pool, void *pd, uint32_t asid);
/* The page directory a thread runs in and its ASID: its VSpace cap's, if that is
 * an assigned page directory still holding its ASID; else NULL (every access of
 * the thread then faults). */
uint32_t *vspace_of(const tcb_t *t, uint32_t *asid);

#endif

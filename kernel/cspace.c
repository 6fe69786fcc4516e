/*
 * kernel/cspace.c - CSpace addressing with seL4's guarded CNodes (spec 5.3): a
 * capability address is consumed from its top bit down, each CNode first
 * matching its guard and then indexing with its radix. Partner: cspace.h.
 */
#include "cspace.h"

/* The `count` bits of value below bit position `top` (exclusive), count <= 32. */
static uint32_t bits_below(uint32_t value, unsigned top, unsigned count)
{
    if (count == 0)
        return 0;
    uint64_t v = (uint64_t)value >> (top - count);
    return (uint32_t)(v & ((1ull << count) - 1));
}

bool cspace_resolve(cap_t root, uint32_t cptr, unsigned depth, cte_t **slot, unsigned *bits_left,
                    lookup_fault_t *fault)
{
    cap_t node = root;
    unsigned n = depth;
    if (cap_type(node) != CAP_CNODE) {
        *fault = (lookup_fault_t){LOOKUP_INVALID_ROOT, 0, 0, 0};
        return false;
    }
    for (;;) {
        unsigned s = cnode_guard_size(node), r = cnode_radix(node);
        uint32_t guard = cnode_guard(node);
        if (s > n || bits_below(cptr, n, s) != guard) {
            *fault = (lookup_fault_t){LOOKUP_GUARD_MISMATCH, n, guard, s};
            return false;
        }
        if (s + r > n) {
            *fault = (lookup_fault_t){LOOKUP_DEPTH_MISMATCH, n, s + r, 0};
            return false;
        }
        cte_t *next = &cnode_slots(node)[bits_below(cptr, n - s, r)];
        n -= s + r;
        if (n == 0 || cap_type(next->cap) != CAP_CNODE) {
            *slot = next;
            *bits_left = n;
            return true;
        }
        node = next->cap;
    }
}

bool cspace_lookup_walk(cap_t root, uint32_t cptr, cte_t **slot, lookup_fault_t *fault)
{
    unsigned left;
    return cspace_resolve(root, cptr, 32, slot, &left, fault);
}

seL4_Error cspace_lookup_target(cap_t root, uint32_t index, unsigned depth, cte_t **slot,
                                lookup_fault_t *fault)
{
    unsigned left;
    if (depth < 1 || depth > 32)
        return seL4_RangeError;
    if (cap_type(root) != CAP_CNODE) {
        *fault = (lookup_fault_t){LOOKUP_INVALID_ROOT, 0, 0, 0};
        return seL4_FailedLookup;
    }
    if (!cspace_resolve(root, index, depth, slot, &left, fault))
        return seL4_FailedLookup;
    if (left != 0) {
        *fault = (lookup_fault_t){LOOKUP_DEPTH_MISMATCH, left, 0, 0};
        return seL4_FailedLookup;
    }
    return seL4_NoError;
}

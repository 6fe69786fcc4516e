/*
 * tests/kernel/test_untyped.c - Untyped_Retype through the dispatcher (spec 8.2,
 * 11.1): placement, alignment and the watermark, reset and zeroing, the errors in
 * the spec's order with their reply words, the fan-out limit, untyped children,
 * device untypeds and a preempted reset.
 * Partners: kernel/untyped.c, kernel/object.c, kernel/cdt.c, harness.c.
 */
#include <string.h>

#include "harness.h"

/* A root CNode like the root task's (radix 8, 24 guard bits: cptr = slot index),
 * holding a cap to itself in slot 2 and an untyped cap in slot 10. */
#define ROOT_SLOT 2
#define UT_SLOT 10
#define DEST 20

static cap_t root;
static invocation_t inv;

static void untyped_init(void)
{
    harness_init();
    root = harness_cnode(8, 24, 0);
    harness_place(harness_slot(root, ROOT_SLOT), root, true);
}

TestSuite(untyped, .init = untyped_init, .fini = harness_fini);

static cte_t *R(unsigned i)
{
    return harness_slot(root, i);
}

/* Puts a fresh untyped of 2^bits bytes in slot i; returns its base. */
static uint32_t give_untyped(unsigned i, unsigned bits, bool device)
{
    cap_t u = harness_untyped(bits, device);
    harness_place(R(i), u, true);
    return cap_addr(u);
}

static seL4_Error retype_to(cte_t *ut, uint32_t type, uint32_t bits, uint32_t index,
                            uint32_t depth, uint32_t offset, uint32_t count)
{
    return harness_invoke(&inv, ut, UntypedRetype, MRS(type, bits, index, depth, offset, count),
                          CAPS(R(ROOT_SLOT)));
}

/* Into the root CNode itself (depth 0). */
static seL4_Error retype(cte_t *ut, uint32_t type, uint32_t bits, uint32_t offset, uint32_t count)
{
    return retype_to(ut, type, bits, 0, 0, offset, count);
}

static uint32_t watermark(cte_t *ut)
{
    return untyped_free_bytes(ut->cap);
}

/* The physical address of the object a cap names. */
static uint32_t obj_addr(cte_t *s)
{
    cap_type_t t = cap_type(s->cap);
    return t == CAP_UNTYPED || t == CAP_FRAME ? cap_addr(s->cap) : arch_kernel_to_phys(cap_ptr(s->cap));
}

static void expect_reply(const uint32_t *words, unsigned n)
{
    cr_assert_eq(inv.reply_length, n, "reply has %u words, expected %u", inv.reply_length, n);
    for (unsigned i = 0; i < n; i++)
        cr_assert_eq(inv.reply[i], words[i], "reply word %u is %u, expected %u", i, inv.reply[i],
                     words[i]);
}
#define EXPECT_REPLY(...) \
    expect_reply((const uint32_t[]){__VA_ARGS__}, sizeof((const uint32_t[]){__VA_ARGS__}) / 4)

Test(untyped, retype_makes_originals_after_the_untyped_from_the_watermark)
{
    uint32_t base = give_untyped(UT_SLOT, 16, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST, 3), seL4_NoError);
    cr_assert_eq(inv.reply_length, 0);
    for (unsigned i = 0; i < 3; i++) {
        cte_t *s = R(DEST + i);
        cr_assert_eq(cap_type(s->cap), CAP_ENDPOINT);
        cr_assert_eq(obj_addr(s), base + 16 * i);
        cr_assert_eq(cap_badge(s->cap), 0);
        cr_assert_eq(cap_ep_rights(s->cap), RIGHTS_ALL, "new objects' caps carry all rights");
        cr_assert(mdb_revocable(s), "retyped caps are originals");
    }
    CHECK_CDT_ORDER(R(UT_SLOT), R(DEST), R(DEST + 1), R(DEST + 2));
    cr_assert_eq(watermark(R(UT_SLOT)), 48);
    /* With children, the next retype continues at the watermark. */
    cr_assert_eq(retype(R(UT_SLOT), seL4_NotificationObject, 0, DEST + 3, 2), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 3)), base + 48);
    cr_assert_eq(obj_addr(R(DEST + 4)), base + 64);
    cr_assert_eq(cap_type(R(DEST + 4)->cap), CAP_NOTIFICATION);
    CHECK_CDT_ORDER(R(UT_SLOT), R(DEST + 3), R(DEST + 4), R(DEST), R(DEST + 1), R(DEST + 2));
    cr_assert_eq(watermark(R(UT_SLOT)), 80);
}

Test(untyped, objects_are_aligned_to_their_own_size)
{
    uint32_t base = give_untyped(UT_SLOT, 16, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST, 1), seL4_NoError);
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST + 1, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 1)), base + 1024);
    cr_assert_eq(watermark(R(UT_SLOT)), 2048);
    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_SmallPageObject, 0, DEST + 2, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 2)), base + 4096);
    cr_assert_eq(watermark(R(UT_SLOT)), 8192);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST + 3, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 3)), base + 8192, "small objects fill in from the watermark");
    cr_assert_eq(retype(R(UT_SLOT), seL4_CapTableObject, 4, DEST + 4, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 4)), base + 8448, "a 256-byte CNode aligned to 256");
    cr_assert_eq(watermark(R(UT_SLOT)), 8704);
    check_cdt(R(UT_SLOT));
}

Test(untyped, size_bits_is_ignored_for_fixed_size_objects)
{
    uint32_t base = give_untyped(UT_SLOT, 12, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 20, DEST, 2), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 1)), base + 16);
    cr_assert_eq(watermark(R(UT_SLOT)), 32);
}

Test(untyped, not_enough_memory_reports_the_free_bytes_and_changes_nothing)
{
    uint32_t base = give_untyped(UT_SLOT, 12, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST, 1), seL4_NoError);
    /* 4 TCBs from 1024 up need 5 KiB of 4. */
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST + 1, 4), seL4_NotEnoughMemory);
    EXPECT_REPLY(4096 - 16);
    for (unsigned i = 1; i <= 4; i++)
        check_empty(R(DEST + i));
    cr_assert_eq(watermark(R(UT_SLOT)), 16);
    /* Three fit exactly. */
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST + 1, 3), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 3)), base + 3072);
    cr_assert_eq(watermark(R(UT_SLOT)), 4096);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST + 4, 1), seL4_NotEnoughMemory);
    EXPECT_REPLY(0);
}

Test(untyped, an_object_larger_than_the_untyped_does_not_fit)
{
    give_untyped(UT_SLOT, 12, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_LargePageObject, 0, DEST, 1), seL4_NotEnoughMemory);
    EXPECT_REPLY(4096);
    cr_assert_eq(retype(R(UT_SLOT), seL4_UntypedObject, 13, DEST, 1), seL4_NotEnoughMemory);
    EXPECT_REPLY(4096);
    cr_assert_eq(retype(R(UT_SLOT), seL4_UntypedObject, 12, DEST, 1), seL4_NoError,
                 "an untyped child may span its whole parent");
}

Test(untyped, without_children_the_watermark_resets_and_used_memory_is_zeroed)
{
    uint32_t base = give_untyped(UT_SLOT, 12, false);
    uint8_t *mem = arch_phys_to_kernel(base);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST, 2), seL4_NoError);
    /* The objects were used: their last words (unused by an endpoint, so deleting
     * them stays sound) hold something. */
    memset(mem + 12, 0xAB, 4);
    memset(mem + 28, 0xAB, 4);
    /* One child left: no reset, allocation continues. */
    cdt_delete(R(DEST + 1), false);
    cr_assert_eq(watermark(R(UT_SLOT)), 32, "deleting never lowers the watermark");
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST + 1, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 1)), base + 32);
    cr_assert_eq(mem[12], 0xAB, "no reset while a child exists");
    /* No children left: the next retype starts at 0 in zeroed memory. */
    cdt_delete(R(DEST), false);
    cdt_delete(R(DEST + 1), false);
    cr_assert_eq(watermark(R(UT_SLOT)), 48);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST + 5, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 5)), base);
    cr_assert_eq(watermark(R(UT_SLOT)), 16);
    for (unsigned i = 0; i < 48; i++)
        cr_assert_eq(mem[i], 0, "byte %u of the reset untyped is 0x%x", i, mem[i]);
}

Test(untyped, revoke_then_retype_reuses_the_region_from_the_start)
{
    uint32_t base = give_untyped(UT_SLOT, 14, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST, 4), seL4_NoError);
    tcb_t *t3 = cap_ptr(R(DEST + 3)->cap);
    thread_set_name(t3, "doomed");
    cdt_revoke(R(UT_SLOT), false);
    for (unsigned i = 0; i < 4; i++)
        check_empty(R(DEST + i));
    for (tcb_t *a = all_threads; a; a = a->all_next)
        cr_assert_neq(a, t3, "a revoked TCB is no longer a thread");
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST)), base);
    tcb_t *t = cap_ptr(R(DEST)->cap);
    cr_assert_eq(t->name[0], '\0', "the new TCB starts from zeroed memory");
    cr_assert_eq(watermark(R(UT_SLOT)), 1024);
}

Test(untyped, new_objects_start_as_the_spec_says)
{
    give_untyped(UT_SLOT, 16, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST, 1), seL4_NoError);
    tcb_t *t = cap_ptr(R(DEST)->cap);
    cr_assert_eq(t->state, THREAD_INACTIVE);
    cr_assert_eq(t->priority, 0);
    cr_assert_eq(t->mcp, 0);
    cr_assert_eq(t->fault_ep, 0);
    cr_assert_eq(t->ipc_buffer, 0);
    cr_assert_not(t->queued);
    for (unsigned i = 0; i < TCB_SLOT_COUNT; i++)
        if (i != TCB_SLOT_REPLY)
            check_empty(&t->slots[i]);
    cap_t master = t->slots[TCB_SLOT_REPLY].cap;
    cr_assert(cap_type(master) == CAP_REPLY && reply_is_master(master) && cap_ptr(master) == t,
              "a new TCB holds its master reply cap");
    cr_assert_eq(all_threads, t, "a new TCB is listed first among all threads");

    cr_assert_eq(retype(R(UT_SLOT), seL4_CapTableObject, 3, DEST + 1, 1), seL4_NoError);
    cap_t cn = R(DEST + 1)->cap;
    cr_assert_eq(cnode_radix(cn), 3);
    cr_assert_eq(cnode_guard_size(cn), 0);
    cr_assert_eq(cnode_guard(cn), 0);
    for (unsigned i = 0; i < 8; i++)
        check_empty(harness_slot(cn, i));

    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_SmallPageObject, 0, DEST + 2, 1), seL4_NoError);
    cr_assert_eq(frame_size(R(DEST + 2)->cap), FRAME_SMALL);
    cr_assert_eq(frame_rights(R(DEST + 2)->cap), RIGHT_READ | RIGHT_WRITE, "a new frame may be read and written");
    cr_assert_eq(frame_mapped_asid(R(DEST + 2)->cap), 0, "and is not mapped");
    cr_assert_not(frame_is_device(R(DEST + 2)->cap));

    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_PageDirectoryObject, 0, DEST + 3, 1), seL4_NoError);
    cr_assert_eq(cap_type(R(DEST + 3)->cap), CAP_PAGE_DIRECTORY);
    cr_assert_not(pd_is_assigned(R(DEST + 3)->cap));

    cr_assert_eq(retype(R(UT_SLOT), seL4_UntypedObject, 8, DEST + 4, 1), seL4_NoError);
    cr_assert_eq(untyped_size_bits(R(DEST + 4)->cap), 8);
    cr_assert_eq(watermark(R(DEST + 4)), 0);
    check_cdt(R(UT_SLOT));
}

Test(untyped, destination_found_by_index_and_depth)
{
    cap_t d = harness_cnode(4, 0, 0);
    harness_place(R(3), d, true);
    uint32_t base = give_untyped(UT_SLOT, 12, false);
    cr_assert_eq(retype_to(R(UT_SLOT), seL4_EndpointObject, 0, 3, 32, 15, 1), seL4_NoError);
    cr_assert_eq(obj_addr(harness_slot(d, 15)), base);
    /* Depth 0 means the root itself, whatever the index. */
    cr_assert_eq(retype_to(R(UT_SLOT), seL4_EndpointObject, 0, 3, 0, 15, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(15)), base + 16);
}

Test(untyped, fan_out_limit_is_256)
{
    cap_t d = harness_cnode(9, 0, 0);
    harness_place(R(3), d, true);
    give_untyped(UT_SLOT, 16, false);
    cr_assert_eq(retype_to(R(UT_SLOT), seL4_EndpointObject, 0, 3, 32, 0, 257), seL4_RangeError);
    EXPECT_REPLY(1, 256);
    cr_assert_eq(retype_to(R(UT_SLOT), seL4_EndpointObject, 0, 3, 32, 0, 0), seL4_RangeError);
    EXPECT_REPLY(1, 256);
    cr_assert_eq(retype_to(R(UT_SLOT), seL4_EndpointObject, 0, 3, 32, 256, 256), seL4_NoError);
    cr_assert_eq(check_cdt(R(UT_SLOT)), 257);
    cr_assert_eq(watermark(R(UT_SLOT)), 256 * 16);
    cr_assert_eq(cap_type(harness_slot(d, 511)->cap), CAP_ENDPOINT);
}

/* Each case also carries every error that comes later in spec 8.2's order, so
 * the one reported proves the order. Nothing may change on any error. */
typedef struct error_case {
    const char *what;
    uint32_t label;
    unsigned nmr;
    uint32_t mr[6];
    unsigned ncaps;
    seL4_Error err;
    unsigned reply_len;
    uint32_t reply[5];
} error_case_t;

#define BAD_TYPE seL4_ObjectTypeCount

Test(untyped, every_error_in_spec_order_with_its_reply)
{
    give_untyped(UT_SLOT, 12, false);
    harness_place(R(252), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    const error_case_t cases[] = {
        {"label", CNodeCopy, 6, {BAD_TYPE, 40, 0, 33, 999, 0}, 1, seL4_IllegalOperation, 0, {0}},
        {"5 words", UntypedRetype, 5, {BAD_TYPE, 40, 0, 33, 999}, 1, seL4_TruncatedMessage, 0, {0}},
        {"no root cap", UntypedRetype, 6, {BAD_TYPE, 40, 0, 33, 999, 0}, 0, seL4_TruncatedMessage, 0, {0}},
        {"type", UntypedRetype, 6, {BAD_TYPE, 40, 0, 33, 999, 0}, 1, seL4_InvalidArgument, 1, {0}},
        {"size_bits 32", UntypedRetype, 6, {seL4_EndpointObject, 32, 0, 33, 999, 0}, 1, seL4_RangeError, 2, {0, 29}},
        {"CNode of 2^30 bytes", UntypedRetype, 6, {seL4_CapTableObject, 26, 0, 33, 999, 0}, 1, seL4_RangeError, 2, {0, 29}},
        {"untyped 2^30", UntypedRetype, 6, {seL4_UntypedObject, 30, 0, 33, 999, 0}, 1, seL4_RangeError, 2, {0, 29}},
        {"CNode radix 0", UntypedRetype, 6, {seL4_CapTableObject, 0, 0, 33, 999, 0}, 1, seL4_InvalidArgument, 1, {1}},
        {"untyped 2^3", UntypedRetype, 6, {seL4_UntypedObject, 3, 0, 33, 999, 0}, 1, seL4_InvalidArgument, 1, {1}},
        {"depth 33", UntypedRetype, 6, {seL4_TCBObject, 0, 3, 33, 999, 0}, 1, seL4_RangeError, 2, {1, 32}},
        {"guard", UntypedRetype, 6, {seL4_TCBObject, 0, 0xFF000003u, 32, 999, 0}, 1, seL4_FailedLookup, 5, {0, seL4_GuardMismatch, 32, 0, 24}},
        {"not a CNode", UntypedRetype, 6, {seL4_TCBObject, 0, UT_SLOT, 32, 999, 0}, 1, seL4_FailedLookup, 2, {0, seL4_MissingCapability}},
        {"offset", UntypedRetype, 6, {seL4_TCBObject, 0, 0, 0, 256, 0}, 1, seL4_RangeError, 2, {0, 255}},
        {"count 0", UntypedRetype, 6, {seL4_TCBObject, 0, 0, 0, 250, 0}, 1, seL4_RangeError, 2, {1, 256}},
        {"window", UntypedRetype, 6, {seL4_TCBObject, 0, 0, 0, 250, 10}, 1, seL4_RangeError, 2, {1, 6}},
        {"occupied", UntypedRetype, 6, {seL4_TCBObject, 0, 0, 0, 250, 5}, 1, seL4_DeleteFirst, 0, {0}},
        {"memory", UntypedRetype, 6, {seL4_TCBObject, 0, 0, 0, DEST, 5}, 1, seL4_NotEnoughMemory, 1, {4096}},
    };
    for (unsigned c = 0; c < ARRAY_SIZE(cases); c++) {
        const error_case_t *k = &cases[c];
        seL4_Error e = harness_invoke(&inv, R(UT_SLOT), k->label, k->nmr, k->mr, k->ncaps,
                                      (cte_t *const[]){R(ROOT_SLOT)});
        cr_assert_eq(e, k->err, "case '%s': error %d, expected %d", k->what, e, k->err);
        if (k->reply_len == 2 && k->err == seL4_FailedLookup) {
            /* MissingCapability: only the source flag and the type are pinned down. */
            cr_assert_geq(inv.reply_length, 2, "case '%s'", k->what);
            cr_assert_eq(inv.reply[0], k->reply[0], "case '%s': MR0", k->what);
            cr_assert_eq(inv.reply[1], k->reply[1], "case '%s': MR1", k->what);
        } else {
            cr_assert_eq(inv.reply_length, k->reply_len, "case '%s': %u reply words", k->what,
                         inv.reply_length);
            for (unsigned i = 0; i < k->reply_len; i++)
                cr_assert_eq(inv.reply[i], k->reply[i], "case '%s': MR%u = %u, expected %u",
                             k->what, i, inv.reply[i], k->reply[i]);
        }
        cr_assert_not(cdt_has_children(R(UT_SLOT)), "case '%s' created something", k->what);
        cr_assert_eq(watermark(R(UT_SLOT)), 0, "case '%s' moved the watermark", k->what);
    }
}

Test(untyped, device_untyped_makes_only_frames_and_untypeds)
{
    uint32_t base = give_untyped(UT_SLOT, 16, true);
    static const uint32_t refused[] = {seL4_TCBObject, seL4_EndpointObject, seL4_NotificationObject,
                                       seL4_CapTableObject, seL4_ARM_PageDirectoryObject,
                                       seL4_ARM_PageTableObject};
    for (unsigned i = 0; i < ARRAY_SIZE(refused); i++) {
        cr_assert_eq(retype(R(UT_SLOT), refused[i], 4, DEST, 1), seL4_InvalidArgument,
                     "type %u from device memory", refused[i]);
        EXPECT_REPLY(1);
        check_empty(R(DEST));
    }
    /* Memory is checked first: a device request that does not fit says so. */
    cr_assert_eq(retype(R(UT_SLOT), seL4_TCBObject, 0, DEST, 65), seL4_NotEnoughMemory);
    EXPECT_REPLY(65536);
    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_SmallPageObject, 0, DEST, 1), seL4_NoError);
    cr_assert_eq(cap_addr(R(DEST)->cap), base);
    cr_assert(frame_is_device(R(DEST)->cap), "frames from device memory are device frames");
    cr_assert_eq(retype(R(UT_SLOT), seL4_UntypedObject, 12, DEST + 1, 1), seL4_NoError);
    cr_assert(untyped_is_device(R(DEST + 1)->cap));
    cr_assert_eq(retype(R(DEST + 1), seL4_EndpointObject, 0, DEST + 2, 1), seL4_InvalidArgument,
                 "a device untyped's child is device memory too");
}

Test(untyped, device_memory_is_not_cleared_on_reset)
{
    uint32_t base = give_untyped(UT_SLOT, 12, true);
    uint8_t *mem = arch_phys_to_kernel(base);
    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_SmallPageObject, 0, DEST, 1), seL4_NoError);
    cdt_revoke(R(UT_SLOT), false);
    memset(mem, 0x5A, 64); /* a device's registers */
    cr_assert_eq(retype(R(UT_SLOT), seL4_ARM_SmallPageObject, 0, DEST, 1), seL4_NoError);
    cr_assert_eq(cap_addr(R(DEST)->cap), base, "the watermark was reset");
    cr_assert_eq(mem[0], 0x5A);
    cr_assert_eq(mem[63], 0x5A);
}

Test(untyped, child_untyped_retypes_inside_its_own_region)
{
    uint32_t base = give_untyped(UT_SLOT, 16, false);
    cr_assert_eq(retype(R(UT_SLOT), seL4_UntypedObject, 12, DEST, 2), seL4_NoError);
    cr_assert_eq(cap_addr(R(DEST)->cap), base);
    cr_assert_eq(cap_addr(R(DEST + 1)->cap), base + 4096);
    cr_assert(mdb_revocable(R(DEST + 1)));
    cr_assert_eq(watermark(R(UT_SLOT)), 8192);

    cr_assert_eq(retype(R(DEST + 1), seL4_EndpointObject, 0, DEST + 2, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 2)), base + 4096);
    cr_assert_eq(watermark(R(DEST + 1)), 16);
    cr_assert_eq(watermark(R(UT_SLOT)), 8192, "the parent's watermark is its own");
    CHECK_CDT_ORDER(R(UT_SLOT), R(DEST), R(DEST + 1), R(DEST + 2));
    cr_assert(cdt_is_parent(R(UT_SLOT), R(DEST + 2)), "the grandchild lies in the parent too");

    cr_assert_eq(retype(R(DEST + 1), seL4_ARM_LargePageObject, 0, DEST + 3, 1), seL4_NotEnoughMemory);
    EXPECT_REPLY(4096 - 16);
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST + 3, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST + 3)), base + 8192);

    cdt_revoke(R(DEST + 1), false);
    check_empty(R(DEST + 2));
    CHECK_CDT_ORDER(R(UT_SLOT), R(DEST + 3), R(DEST), R(DEST + 1));
    cdt_revoke(R(UT_SLOT), false);
    CHECK_CDT_ORDER(R(UT_SLOT));
}

Test(untyped, preempted_reset_lowers_the_watermark_and_resumes)
{
    uint32_t base = give_untyped(UT_SLOT, 18, false);
    uint8_t *mem = arch_phys_to_kernel(base);
    cr_assert_eq(retype(R(UT_SLOT), seL4_UntypedObject, 17, DEST, 1), seL4_NoError);
    cdt_revoke(R(UT_SLOT), false);
    memset(mem, 0xCC, 1u << 17);
    cr_assert_eq(watermark(R(UT_SLOT)), 1u << 17);
    harness_interrupt_after(0);
    seL4_Error e = retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST, 1);
    cr_assert_eq(e, HARNESS_PREEMPTED, "a pending interrupt stops the reset (got %d)", e);
    check_empty(R(DEST));
    uint32_t w = watermark(R(UT_SLOT));
    cr_assert(w > 0 && w < (1u << 17), "watermark 0x%x after a partial reset", w);
    for (uint32_t i = w; i < (1u << 17); i += 4096)
        cr_assert_eq(mem[i], 0, "memory above the watermark is zero (offset 0x%x)", i);
    cr_assert_eq(mem[0], 0xCC);
    harness_clear_interrupt();
    cr_assert_eq(retype(R(UT_SLOT), seL4_EndpointObject, 0, DEST, 1), seL4_NoError);
    cr_assert_eq(obj_addr(R(DEST)), base);
    for (uint32_t i = 0; i < (1u << 17); i++)
        if (mem[i] != 0)
            cr_assert_fail("byte 0x%x not cleared", i);
}

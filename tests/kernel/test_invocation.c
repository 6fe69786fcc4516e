/*
 * tests/kernel/test_invocation.c - the decode/invoke split (STYLE.md habit 3): for
 * valid invocations of every object type, object_decode() accepts and changes no
 * byte of the kernel objects involved; only object_invoke() does.
 * Partners: kernel/object.c (the dispatcher), kernel/cnode.c, kernel/tcb.c,
 * kernel/untyped.c, kernel/domain.c, harness.c.
 */
#include <string.h>

#include "harness.h"

#define POOL_RADIX 4
#define POOL_BYTES ((1u << POOL_RADIX) * sizeof(cte_t))

static cap_t pool;
static tcb_t *t;
static invocation_t inv;
static object_op_t op;
static uint8_t pool_before[POOL_BYTES];
static uint8_t tcb_before[sizeof(tcb_t)];

static cte_t *P(unsigned i)
{
    return harness_slot(pool, i);
}

/* Slot 0 a TCB, 1 the pool itself, 2 an endpoint, 3 an untyped, 4 an assigned PD,
 * 5 a small frame, 6 a second CNode, 7 the domain cap; 8 and up empty. */
static void invocation_init_pool(void)
{
    harness_init();
    pool = harness_cnode(POOL_RADIX, 0, 0);
    t = harness_tcb();
    harness_place(P(0), cap_thread(t), true);
    harness_place(P(1), pool, true);
    harness_place(P(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    harness_place(P(3), harness_untyped(16, false), true);
    harness_place(P(4), cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits),
                                           true, 1), true);
    harness_place(P(5), cap_frame(harness_untyped_region(12), FRAME_SMALL, RIGHTS_ALL), true);
    harness_place(P(6), harness_cnode(2, 0, 0), true);
    harness_place(P(7), cap_simple(CAP_DOMAIN), true);
}

TestSuite(invocation, .init = invocation_init_pool, .fini = harness_fini);

static void snapshot(void)
{
    memcpy(pool_before, cnode_slots(pool), POOL_BYTES);
    memcpy(tcb_before, t, sizeof(tcb_t));
}

static void expect_unchanged(const char *what)
{
    cr_assert(memcmp(pool_before, cnode_slots(pool), POOL_BYTES) == 0, "decoding %s changed a slot",
              what);
    cr_assert(memcmp(tcb_before, t, sizeof(tcb_t)) == 0, "decoding %s changed the TCB", what);
}

/* Decodes (must succeed and change nothing), then invokes; returns the invoke's status. */
#define DECODE_THEN_INVOKE(what, slot, label, mrs, caps)                                   \
    do {                                                                                   \
        snapshot();                                                                        \
        cr_assert_eq(harness_decode(&inv, &op, slot, label, mrs, caps), seL4_NoError,      \
                     "decoding %s", what);                                                 \
        expect_unchanged(what);                                                            \
        cr_assert_eq(harness_invoke(&inv, slot, label, mrs, caps), seL4_NoError, "%s", what); \
    } while (0)

Test(invocation, decoding_cnode_invocations_changes_nothing)
{
    DECODE_THEN_INVOKE("Copy", P(1), CNodeCopy, MRS(8, POOL_RADIX, 2, POOL_RADIX, RIGHTS_ALL),
                       CAPS(P(1)));
    cr_assert_eq(cap_type(P(8)->cap), CAP_ENDPOINT, "invoke did the copy");
    DECODE_THEN_INVOKE("Mint", P(1), CNodeMint,
                       MRS(9, POOL_RADIX, 2, POOL_RADIX, RIGHTS_ALL, 42), CAPS(P(1)));
    cr_assert_eq(cap_badge(P(9)->cap), 42);
    DECODE_THEN_INVOKE("Move", P(1), CNodeMove, MRS(10, POOL_RADIX, 9, POOL_RADIX), CAPS(P(1)));
    DECODE_THEN_INVOKE("Mutate", P(1), CNodeMutate, MRS(11, POOL_RADIX, 6, POOL_RADIX, 0),
                       CAPS(P(1)));
    /* Rotate: the frame goes to 12, the CNode from 11 takes the frame's place. */
    DECODE_THEN_INVOKE("Rotate", P(1), CNodeRotate,
                       MRS(12, POOL_RADIX, 0, 5, POOL_RADIX, 0, 11, POOL_RADIX), CAPS(P(1), P(1)));
    cr_assert_eq(cap_type(P(12)->cap), CAP_FRAME);
    cr_assert_eq(cap_type(P(5)->cap), CAP_CNODE);
    DECODE_THEN_INVOKE("Revoke", P(1), CNodeRevoke, MRS(2, POOL_RADIX), NO_CAPS);
    cr_assert(cap_is_null(P(8)->cap), "the revoke deleted the copy");
    DECODE_THEN_INVOKE("Delete", P(1), CNodeDelete, MRS(2, POOL_RADIX), NO_CAPS);
    cr_assert(cap_is_null(P(2)->cap));
}

Test(invocation, decoding_a_retype_changes_nothing)
{
    uint8_t *memory = arch_phys_to_kernel(cap_addr(P(3)->cap));
    /* Used memory below the watermark: the reset clears it, but only in invoke. */
    untyped_set_free_bytes(&P(3)->cap, 4096);
    memory[100] = 0xAB;
    DECODE_THEN_INVOKE("Retype", P(3), UntypedRetype,
                       MRS(seL4_EndpointObject, 0, 0, 0, 13, 2), CAPS(P(1)));
    cr_assert_eq(cap_type(P(13)->cap), CAP_ENDPOINT);
    cr_assert_eq(memory[100], 0, "invoke reset the untyped");
}

Test(invocation, decoding_tcb_invocations_changes_nothing)
{
    DECODE_THEN_INVOKE("Resume", P(0), TCBResume, NO_MRS, NO_CAPS);
    cr_assert_eq(t->state, THREAD_RUNNING);
    DECODE_THEN_INVOKE("Suspend", P(0), TCBSuspend, NO_MRS, NO_CAPS);
    harness_caller->mcp = 255;
    harness_place(P(14), cap_thread(harness_caller), true);
    DECODE_THEN_INVOKE("SetSchedParams", P(0), TCBSetSchedParams, MRS(100, 50), CAPS(P(14)));
    cr_assert_eq(t->priority, 50);
    DECODE_THEN_INVOKE("SetSpace", P(0), TCBSetSpace, MRS(0, 0, 0), CAPS(P(6), P(4)));
    DECODE_THEN_INVOKE("SetIPCBuffer", P(0), TCBSetIPCBuffer, MRS(0x10000), CAPS(P(5)));
    cr_assert_eq(t->ipc_buffer, 0x10000);
    DECODE_THEN_INVOKE("ReadRegisters", P(0), TCBReadRegisters, MRS(1, 3), NO_CAPS);
    DECODE_THEN_INVOKE("WriteRegisters", P(0), TCBWriteRegisters, MRS(0, 1, 0x1234), NO_CAPS);
    cr_assert_eq(arch_get_pc(&t->context), 0x1234);
    DECODE_THEN_INVOKE("SetTLSBase", P(0), TCBSetTLSBase, MRS(0x55), NO_CAPS);
    DECODE_THEN_INVOKE("DomainSet", P(7), DomainSetSet, MRS(0), CAPS(P(0)));
}

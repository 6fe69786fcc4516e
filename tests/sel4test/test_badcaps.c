/*
 * tests/sel4test/test_badcaps.c - invocations on the wrong capability (spec §7, §8): a
 * label the object has not (IllegalOperation), too few words or caps (TruncatedMessage,
 * built by hand), an empty invoked slot (InvalidCapability, MR0 = 0), cap arguments of
 * the wrong type. Partners: helpers.h, main.c.
 */
#include "helpers.h"

/* Invokes `cap` with a hand-built message and returns the reply's label (the error). */
static seL4_Word invoke(seL4_CPtr cap, seL4_Word label, seL4_Word caps, seL4_Word words)
{
    seL4_MessageInfo_t reply = seL4_Call(cap, seL4_MessageInfo_new(label, 0, caps, words));
    return seL4_MessageInfo_get_label(reply);
}

static void invocation_label_of_another_object_type_is_illegal_operation(void)
{
    seL4_CPtr ut = new_untyped(12);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 4);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    if (!ut || !tcb || !cnode || !frame || !pt || !pd)
        return;
    /* Labels whose own methods need arguments, so that no object could act on an empty
     * message even if its type were confused: the label check must come first. */
    const struct {
        seL4_CPtr cap;
        seL4_Word label;
        const char *what;
    } cases[] = {
        {ut, TCBReadRegisters, "untyped / TCBReadRegisters"},
        {ut, CNodeCopy, "untyped / CNodeCopy"},
        {tcb, UntypedRetype, "TCB / UntypedRetype"},
        {tcb, CNodeMint, "TCB / CNodeMint"},
        {seL4_CapInitThreadTCB, CNodeCopy, "root TCB / CNodeCopy"},
        {cnode, UntypedRetype, "CNode / UntypedRetype"},
        {ROOT_CNODE, TCBWriteRegisters, "root CNode / TCBWriteRegisters"},
        {ROOT_CNODE, UntypedRetype, "root CNode / UntypedRetype"},
        {frame, UntypedRetype, "frame / UntypedRetype"},
        {seL4_CapBootInfoFrame, CNodeCopy, "BootInfo frame / CNodeCopy"},
        {pt, UntypedRetype, "page table / UntypedRetype"},
        {pd, CNodeCopy, "page directory / CNodeCopy"},
        {seL4_CapInitThreadVSpace, TCBReadRegisters, "root VSpace / TCBReadRegisters"},
        {seL4_CapIRQControl, UntypedRetype, "IRQControl / UntypedRetype"},
        {seL4_CapASIDControl, CNodeCopy, "ASIDControl / CNodeCopy"},
        {seL4_CapInitThreadASIDPool, UntypedRetype, "ASID pool / UntypedRetype"},
        {seL4_CapDomain, CNodeCopy, "domain / CNodeCopy"},
        /* Label 0 and a label past the last one are nobody's. */
        {ROOT_CNODE, InvalidInvocation, "root CNode / label 0"},
        {tcb, InvalidInvocation, "TCB / label 0"},
        {ut, nArchInvocationLabels + 10, "untyped / label beyond the last"},
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        seL4_Word err = invoke(cases[i].cap, cases[i].label, 0, 0);
        CHECK(err == seL4_IllegalOperation, "%s gave %s", cases[i].what, err_name(err));
    }
}

static void invocation_with_too_few_words_or_caps_is_truncated_message(void)
{
    seL4_CPtr ut = new_untyped(12);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ut || !tcb || !dst)
        return;
    /* Retype: six words and the root cap, all well-formed apart from what is left out. */
    seL4_SetMR(0, seL4_EndpointObject);
    seL4_SetMR(1, 0);
    seL4_SetMR(2, 0);
    seL4_SetMR(3, 0);
    seL4_SetMR(4, dst);
    seL4_SetMR(5, 1);
    seL4_SetCap(0, ROOT_CNODE);
    seL4_Word err = invoke(ut, UntypedRetype, 1, 5);
    CHECK(err == seL4_TruncatedMessage, "Retype with 5 words gave %s", err_name(err));
    err = invoke(ut, UntypedRetype, 0, 6);
    CHECK(err == seL4_TruncatedMessage, "Retype without its cap gave %s", err_name(err));
    CHECK_CAP(dst, CAP_NULL);

    /* SetPriority: one word and the authority cap. */
    seL4_SetMR(0, 1);
    seL4_SetCap(0, seL4_CapInitThreadTCB);
    err = invoke(tcb, TCBSetPriority, 0, 1);
    CHECK(err == seL4_TruncatedMessage, "SetPriority without its cap gave %s", err_name(err));
    err = invoke(tcb, TCBSetPriority, 1, 0);
    CHECK(err == seL4_TruncatedMessage, "SetPriority without its word gave %s", err_name(err));

    /* Configure: four words and three caps. */
    seL4_SetMR(0, 0);
    seL4_SetMR(1, 0);
    seL4_SetMR(2, 0);
    seL4_SetMR(3, 0);
    seL4_SetCap(0, ROOT_CNODE);
    seL4_SetCap(1, seL4_CapInitThreadVSpace);
    seL4_SetCap(2, seL4_CapNull);
    err = invoke(tcb, TCBConfigure, 2, 4);
    CHECK(err == seL4_TruncatedMessage, "Configure with 2 caps gave %s", err_name(err));
    err = invoke(tcb, TCBConfigure, 3, 3);
    CHECK(err == seL4_TruncatedMessage, "Configure with 3 words gave %s", err_name(err));

    /* ReadRegisters: flags and count. */
    seL4_SetMR(0, 0);
    seL4_SetMR(1, 1);
    err = invoke(tcb, TCBReadRegisters, 0, 1);
    CHECK(err == seL4_TruncatedMessage, "ReadRegisters with 1 word gave %s", err_name(err));

    /* WriteRegisters: count 3 needs 2 + 3 words. */
    seL4_SetMR(0, 0);
    seL4_SetMR(1, 3);
    err = invoke(tcb, TCBWriteRegisters, 0, 4);
    CHECK(err == seL4_TruncatedMessage, "WriteRegisters of 3 registers in 4 words gave %s",
          err_name(err));

    err = invoke(tcb, TCBSetTLSBase, 0, 0);
    CHECK(err == seL4_TruncatedMessage, "SetTLSBase without its word gave %s", err_name(err));
}

static void invoking_an_empty_slot_is_invalid_capability(void)
{
    seL4_CPtr empty = slot_alloc();
    seL4_CPtr dst = slot_alloc();
    if (!empty || !dst)
        return;
    CHECK_ERR(retype_into(empty, seL4_EndpointObject, 0, dst, 1), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_TCB_Resume(empty), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_TCB_SetPriority(empty, seL4_CapInitThreadTCB, 1), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_CNode_Revoke(empty, dst, ROOT_DEPTH), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    /* The fixed slot the root task has no IOPort cap in is just as empty. */
    CHECK_ERR(seL4_TCB_Resume(seL4_CapIOPortControl), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_source_root_that_is_not_a_cnode_is_an_invalid_root(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, seL4_CapInitThreadTCB, ep, ROOT_DEPTH,
                              seL4_AllRights),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_InvalidRoot);
    /* An empty src_root is no CNode either. */
    CHECK_ERR(seL4_CNode_Move(ROOT_CNODE, dst, ROOT_DEPTH, seL4_CapIOPortControl, ep, ROOT_DEPTH),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_InvalidRoot);
    CHECK_CAP(dst, CAP_NULL);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void tcb_authority_that_is_not_a_tcb_is_invalid_capability(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    CHECK_ERR(seL4_TCB_SetPriority(tcb, ROOT_CNODE, 1), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_TCB_SetMCPriority(tcb, pool_untyped, 1), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_TCB_SetSchedParams(tcb, seL4_CapIOPortControl, 1, 1), seL4_InvalidCapability);
    CHECK_MR(0, 1);
}

static void tcb_copy_registers_source_that_is_not_a_tcb_is_invalid_capability(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    CHECK_ERR(seL4_TCB_CopyRegisters(tcb, ROOT_CNODE, seL4_False, seL4_False, seL4_True, seL4_True, 0),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
}

static void tcb_spaces_that_are_not_a_cnode_and_an_assigned_page_directory_are_illegal(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    if (!tcb || !ep || !pd)
        return;
    CHECK_ERR(seL4_TCB_Configure(tcb, 0, ep, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_TCB_Configure(tcb, 0, ROOT_CNODE, 0, ROOT_CNODE, 0, 0, seL4_CapNull),
              seL4_IllegalOperation);
    /* A page directory without an ASID cannot be a VSpace root yet. */
    CHECK_ERR(seL4_TCB_Configure(tcb, 0, ROOT_CNODE, 0, pd, 0, 0, seL4_CapNull), seL4_IllegalOperation);
    CHECK_ERR(seL4_TCB_SetSpace(tcb, 0, seL4_CapInitThreadTCB, 0, seL4_CapInitThreadVSpace, 0),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_TCB_SetSpace(tcb, 0, ROOT_CNODE, 0, pd, 0), seL4_IllegalOperation);
    CHECK_OK(seL4_TCB_SetSpace(tcb, 0, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0));
}

static void tcb_ipc_buffer_must_be_a_512_byte_aligned_frame(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!tcb || !frame || !ep)
        return;
    /* The address need not be where the frame is mapped: the kernel uses the frame. */
    CHECK_OK(seL4_TCB_SetIPCBuffer(tcb, 0x200200, frame));
    CHECK_ERR(seL4_TCB_SetIPCBuffer(tcb, 0x200100, frame), seL4_AlignmentError);
    CHECK_ERR(seL4_TCB_SetIPCBuffer(tcb, 0x200200, ep), seL4_IllegalOperation);
    CHECK_ERR(seL4_TCB_Configure(tcb, 0, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0, 0x200010, frame),
              seL4_AlignmentError);
    CHECK_ERR(seL4_TCB_Configure(tcb, 0, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0, 0x200000, ep),
              seL4_IllegalOperation);
    /* Address 0 means no buffer, and then the frame argument is not looked at. */
    CHECK_OK(seL4_TCB_SetIPCBuffer(tcb, 0, ep));
    CHECK_OK(seL4_TCB_Configure(tcb, 0, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0, 0x200000, frame));
}

const test_case_t badcap_tests[] = {
    TEST_CASE(invocation_label_of_another_object_type_is_illegal_operation),
    TEST_CASE(invocation_with_too_few_words_or_caps_is_truncated_message),
    TEST_CASE(invoking_an_empty_slot_is_invalid_capability),
    TEST_CASE(cnode_source_root_that_is_not_a_cnode_is_an_invalid_root),
    TEST_CASE(tcb_authority_that_is_not_a_tcb_is_invalid_capability),
    TEST_CASE(tcb_copy_registers_source_that_is_not_a_tcb_is_invalid_capability),
    TEST_CASE(tcb_spaces_that_are_not_a_cnode_and_an_assigned_page_directory_are_illegal),
    TEST_CASE(tcb_ipc_buffer_must_be_a_512_byte_aligned_frame),
};
const unsigned badcap_test_count = sizeof(badcap_tests) / sizeof(badcap_tests[0]);

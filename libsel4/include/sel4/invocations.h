/*
 * sel4/invocations.h — one stub per kernel-object method of spec §8 (Untyped,
 * TCB, CNode, IRQ, DomainSet, ARM paging and ASIDs), encoded as spec §7 says.
 * Partners: invocation.h (labels), syscalls.h (seL4_CallWithMRs), types.h
 * (seL4_UserContext), caprights.h, bitfield.h.
 */
#ifndef SEL4_INVOCATIONS_H
#define SEL4_INVOCATIONS_H

/*
 * Encoding (spec §7): tag = (label, 0, #caps, #words); cap arguments go to c0,
 * c1, ... in parameter order; other arguments are packed into MR0, MR1, ...
 * (Bool 1 bit, Uint8 8 bits aligned to 8, word types a whole MR); MR0-3 travel in
 * registers through seL4_CallWithMRs; the reply label is the seL4_Error; on
 * error the reply's r2-r5 are copied to MR0-3 so seL4_GetMR() shows the details.
 */

#include <sel4/macros.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/bitfield.h>
#include <sel4/messageinfo.h>
#include <sel4/caprights.h>
#include <sel4/ipcbuffer.h>
#include <sel4/invocation.h>
#include <sel4/invocation_args.h>
#include <sel4/syscalls.h>

/* ---------------------------------------------------------------------------
 * Result structs of the methods that return data (spec §7: error first).
 * ------------------------------------------------------------------------- */
typedef struct seL4_ARM_Page_GetAddress {
    int error;
    seL4_Word paddr;
} seL4_ARM_Page_GetAddress_t;

typedef struct seL4_TCB_SetFlags {
    int error;
    seL4_Word flags;
} seL4_TCB_SetFlags_t;

LIBSEL4_INLINE_FUNC seL4_Word sel4_pack_bool(seL4_Word word, unsigned shift, seL4_Bool v)
{
    return sel4_field_set(word, shift, SEL4_ARG_BOOL_BITS, (seL4_Word)v);
}

LIBSEL4_INLINE_FUNC seL4_Word sel4_pack_uint8(seL4_Word word, unsigned shift, seL4_Uint8 v)
{
    return sel4_field_set(word, shift, SEL4_ARG_UINT8_BITS, (seL4_Word)v);
}

/* A Uint8 alone in its MR. */
LIBSEL4_INLINE_FUNC seL4_Word sel4_uint8_word(seL4_Uint8 v)
{
    return sel4_pack_uint8(0, SEL4_ARG_UINT8_SHIFT, v);
}

/* seL4_UserContext <-> words, in the ABI order of spec §8.8 (listed once, here). */
LIBSEL4_INLINE_FUNC void sel4_usercontext_to_words(const seL4_UserContext *r, seL4_Word w[SEL4_USERCONTEXT_WORDS])
{
    w[0] = r->pc;   w[1] = r->sp;   w[2] = r->cpsr; w[3] = r->r0;   w[4] = r->r1;
    w[5] = r->r8;   w[6] = r->r9;   w[7] = r->r10;  w[8] = r->r11;  w[9] = r->r12;
    w[10] = r->r2;  w[11] = r->r3;  w[12] = r->r4;  w[13] = r->r5;  w[14] = r->r6;
    w[15] = r->r7;  w[16] = r->r14; w[17] = r->tpidrurw; w[18] = r->tpidruro;
}

LIBSEL4_INLINE_FUNC void sel4_words_to_usercontext(const seL4_Word w[SEL4_USERCONTEXT_WORDS], seL4_UserContext *r)
{
    r->pc = w[0];   r->sp = w[1];   r->cpsr = w[2]; r->r0 = w[3];   r->r1 = w[4];
    r->r8 = w[5];   r->r9 = w[6];   r->r10 = w[7];  r->r11 = w[8];  r->r12 = w[9];
    r->r2 = w[10];  r->r3 = w[11];  r->r4 = w[12];  r->r5 = w[13];  r->r6 = w[14];
    r->r7 = w[15];  r->r14 = w[16]; r->tpidrurw = w[17]; r->tpidruro = w[18];
}

/*
 * Common tail of every stub: Call the object, turn the reply label into an
 * seL4_Error, and on error copy the reply's register MRs into the IPC buffer.
 * Caps and MRs >= 4 must already be in the IPC buffer.
 */
LIBSEL4_INLINE_FUNC seL4_Error
sel4_invoke(seL4_CPtr service, seL4_Word label, seL4_Word ncaps, seL4_Word length,
            seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(label, 0, ncaps, length);
    seL4_MessageInfo_t reply = seL4_CallWithMRs(service, tag, mr0, mr1, mr2, mr3);
    seL4_Error result = (seL4_Error)seL4_MessageInfo_get_label(reply);
    if (result != seL4_NoError) {
        seL4_SetMR(0, *mr0);
        seL4_SetMR(1, *mr1);
        seL4_SetMR(2, *mr2);
        seL4_SetMR(3, *mr3);
    }
    return result;
}

/* ===========================================================================
 * Untyped (spec §8.2)
 * ========================================================================= */

LIBSEL4_INLINE_FUNC seL4_Error
seL4_Untyped_Retype(seL4_Untyped _service, seL4_Word type, seL4_Word size_bits, seL4_CNode root,
                    seL4_Word node_index, seL4_Word node_depth, seL4_Word node_offset, seL4_Word num_objects)
{
    seL4_Word mr0 = type, mr1 = size_bits, mr2 = node_index, mr3 = node_depth;
    seL4_SetCap(0, root);
    seL4_SetMR(4, node_offset);
    seL4_SetMR(5, num_objects);
    return sel4_invoke(_service, UntypedRetype, 1, 6, &mr0, &mr1, &mr2, &mr3);
}

/* ===========================================================================
 * TCB (spec §8.3)
 * ========================================================================= */

/* Fills *regs with the reply's 19 words on success; leaves it untouched on error. */
LIBSEL4_INLINE_FUNC seL4_Error
seL4_TCB_ReadRegisters(seL4_TCB _service, seL4_Bool suspend_source, seL4_Uint8 arch_flags, seL4_Word count,
                       seL4_UserContext *regs)
{
    seL4_Word mr0 = 0, mr1 = count, mr2 = 0, mr3 = 0;
    mr0 = sel4_pack_bool(mr0, SEL4_TCB_REGS_BOOL_SHIFT, suspend_source);
    mr0 = sel4_pack_uint8(mr0, SEL4_TCB_REGS_ARCHFLAGS_SHIFT, arch_flags);
    seL4_Error result = sel4_invoke(_service, TCBReadRegisters, 0, 2, &mr0, &mr1, &mr2, &mr3);
    if (result != seL4_NoError) {
        return result;
    }
    seL4_Word w[SEL4_USERCONTEXT_WORDS];
    w[0] = mr0;
    w[1] = mr1;
    w[2] = mr2;
    w[3] = mr3;
    for (unsigned i = seL4_FastMessageRegisters; i < SEL4_USERCONTEXT_WORDS; i++) {
        w[i] = seL4_GetMR((int)i);
    }
    sel4_words_to_usercontext(w, regs);
    return result;
}

/* Always sends all 19 register words (length 21); the kernel uses the first `count`. */
LIBSEL4_INLINE_FUNC seL4_Error
seL4_TCB_WriteRegisters(seL4_TCB _service, seL4_Bool resume_target, seL4_Uint8 arch_flags, seL4_Word count,
                        seL4_UserContext *regs)
{
    seL4_Word w[SEL4_USERCONTEXT_WORDS];
    sel4_usercontext_to_words(regs, w);
    seL4_Word mr0 = 0, mr1 = count, mr2 = w[0], mr3 = w[1];
    mr0 = sel4_pack_bool(mr0, SEL4_TCB_REGS_BOOL_SHIFT, resume_target);
    mr0 = sel4_pack_uint8(mr0, SEL4_TCB_REGS_ARCHFLAGS_SHIFT, arch_flags);
    for (unsigned i = seL4_FastMessageRegisters - SEL4_TCB_REGS_HEADER_WORDS; i < SEL4_USERCONTEXT_WORDS; i++) {
        seL4_SetMR((int)(i + SEL4_TCB_REGS_HEADER_WORDS), w[i]);
    }
    return sel4_invoke(_service, TCBWriteRegisters, 0, SEL4_TCB_REGS_HEADER_WORDS + SEL4_USERCONTEXT_WORDS,
                       &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_TCB_CopyRegisters(seL4_TCB _service, seL4_TCB source, seL4_Bool suspend_source, seL4_Bool resume_target,
                       seL4_Bool transfer_frame, seL4_Bool transfer_integer, seL4_Uint8 arch_flags)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    mr0 = sel4_pack_bool(mr0, SEL4_TCB_COPY_SUSPEND_SOURCE_SHIFT, suspend_source);
    mr0 = sel4_pack_bool(mr0, SEL4_TCB_COPY_RESUME_TARGET_SHIFT, resume_target);
    mr0 = sel4_pack_bool(mr0, SEL4_TCB_COPY_TRANSFER_FRAME_SHIFT, transfer_frame);
    mr0 = sel4_pack_bool(mr0, SEL4_TCB_COPY_TRANSFER_INTEGER_SHIFT, transfer_integer);
    mr0 = sel4_pack_uint8(mr0, SEL4_TCB_COPY_ARCHFLAGS_SHIFT, arch_flags);
    seL4_SetCap(0, source);
    return sel4_invoke(_service, TCBCopyRegisters, 1, 1, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_TCB_Configure(seL4_TCB _service, seL4_Word fault_ep, seL4_CNode cspace_root, seL4_Word cspace_root_data,
                   seL4_CPtr vspace_root, seL4_Word vspace_root_data, seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_Word mr0 = fault_ep, mr1 = cspace_root_data, mr2 = vspace_root_data, mr3 = buffer;
    seL4_SetCap(0, cspace_root);
    seL4_SetCap(1, vspace_root);
    seL4_SetCap(2, bufferFrame);
    return sel4_invoke(_service, TCBConfigure, 3, 4, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetPriority(seL4_TCB _service, seL4_TCB authority, seL4_Word priority)
{
    seL4_Word mr0 = priority, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, authority);
    return sel4_invoke(_service, TCBSetPriority, 1, 1, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetMCPriority(seL4_TCB _service, seL4_TCB authority, seL4_Word mcp)
{
    seL4_Word mr0 = mcp, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, authority);
    return sel4_invoke(_service, TCBSetMCPriority, 1, 1, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_TCB_SetSchedParams(seL4_TCB _service, seL4_TCB authority, seL4_Word mcp, seL4_Word priority)
{
    seL4_Word mr0 = mcp, mr1 = priority, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, authority);
    return sel4_invoke(_service, TCBSetSchedParams, 1, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetIPCBuffer(seL4_TCB _service, seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_Word mr0 = buffer, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, bufferFrame);
    return sel4_invoke(_service, TCBSetIPCBuffer, 1, 1, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_TCB_SetSpace(seL4_TCB _service, seL4_Word fault_ep, seL4_CNode cspace_root, seL4_Word cspace_root_data,
                  seL4_CPtr vspace_root, seL4_Word vspace_root_data)
{
    seL4_Word mr0 = fault_ep, mr1 = cspace_root_data, mr2 = vspace_root_data, mr3 = 0;
    seL4_SetCap(0, cspace_root);
    seL4_SetCap(1, vspace_root);
    return sel4_invoke(_service, TCBSetSpace, 2, 3, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_Suspend(seL4_TCB _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, TCBSuspend, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_Resume(seL4_TCB _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, TCBResume, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_BindNotification(seL4_TCB _service, seL4_CPtr notification)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, notification);
    return sel4_invoke(_service, TCBBindNotification, 1, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_UnbindNotification(seL4_TCB _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, TCBUnbindNotification, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetTLSBase(seL4_TCB _service, seL4_Word tls_base)
{
    seL4_Word mr0 = tls_base, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, TCBSetTLSBase, 0, 1, &mr0, &mr1, &mr2, &mr3);
}

/* Optional in the kernel (may answer IllegalOperation); reply MR0 = the new flags. */
LIBSEL4_INLINE_FUNC seL4_TCB_SetFlags_t seL4_TCB_SetFlags(seL4_TCB _service, seL4_Word clear, seL4_Word set)
{
    seL4_TCB_SetFlags_t result = { 0, 0 };
    seL4_Word mr0 = clear, mr1 = set, mr2 = 0, mr3 = 0;
    result.error = (int)sel4_invoke(_service, TCBSetFlags, 0, 2, &mr0, &mr1, &mr2, &mr3);
    if (result.error == seL4_NoError) {
        result.flags = mr0;
    }
    return result;
}

/* ===========================================================================
 * CNode (spec §8.4): MR0 = index, MR1[7:0] = depth in every method.
 * ========================================================================= */

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Revoke(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = index, mr1 = sel4_uint8_word(depth), mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, CNodeRevoke, 0, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Delete(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = index, mr1 = sel4_uint8_word(depth), mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, CNodeDelete, 0, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_CancelBadgedSends(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = index, mr1 = sel4_uint8_word(depth), mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, CNodeCancelBadgedSends, 0, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_CNode_Copy(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_CNode src_root,
                seL4_Word src_index, seL4_Uint8 src_depth, seL4_CapRights_t rights)
{
    seL4_Word mr0 = dest_index, mr1 = sel4_uint8_word(dest_depth);
    seL4_Word mr2 = src_index, mr3 = sel4_uint8_word(src_depth);
    seL4_SetCap(0, src_root);
    seL4_SetMR(4, rights.words[0]);
    return sel4_invoke(_service, CNodeCopy, 1, 5, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_CNode_Mint(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_CNode src_root,
                seL4_Word src_index, seL4_Uint8 src_depth, seL4_CapRights_t rights, seL4_Word badge)
{
    seL4_Word mr0 = dest_index, mr1 = sel4_uint8_word(dest_depth);
    seL4_Word mr2 = src_index, mr3 = sel4_uint8_word(src_depth);
    seL4_SetCap(0, src_root);
    seL4_SetMR(4, rights.words[0]);
    seL4_SetMR(5, badge);
    return sel4_invoke(_service, CNodeMint, 1, 6, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_CNode_Move(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_CNode src_root,
                seL4_Word src_index, seL4_Uint8 src_depth)
{
    seL4_Word mr0 = dest_index, mr1 = sel4_uint8_word(dest_depth);
    seL4_Word mr2 = src_index, mr3 = sel4_uint8_word(src_depth);
    seL4_SetCap(0, src_root);
    return sel4_invoke(_service, CNodeMove, 1, 4, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_CNode_Mutate(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_CNode src_root,
                  seL4_Word src_index, seL4_Uint8 src_depth, seL4_Word badge)
{
    seL4_Word mr0 = dest_index, mr1 = sel4_uint8_word(dest_depth);
    seL4_Word mr2 = src_index, mr3 = sel4_uint8_word(src_depth);
    seL4_SetCap(0, src_root);
    seL4_SetMR(4, badge);
    return sel4_invoke(_service, CNodeMutate, 1, 5, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_CNode_Rotate(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_Word dest_badge,
                  seL4_CNode pivot_root, seL4_Word pivot_index, seL4_Uint8 pivot_depth, seL4_Word pivot_badge,
                  seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth)
{
    seL4_Word mr0 = dest_index, mr1 = sel4_uint8_word(dest_depth), mr2 = dest_badge, mr3 = pivot_index;
    seL4_SetCap(0, pivot_root);
    seL4_SetCap(1, src_root);
    seL4_SetMR(4, sel4_uint8_word(pivot_depth));
    seL4_SetMR(5, pivot_badge);
    seL4_SetMR(6, src_index);
    seL4_SetMR(7, sel4_uint8_word(src_depth));
    return sel4_invoke(_service, CNodeRotate, 2, 8, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_SaveCaller(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = index, mr1 = sel4_uint8_word(depth), mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, CNodeSaveCaller, 0, 2, &mr0, &mr1, &mr2, &mr3);
}

/* ===========================================================================
 * IRQ (spec §8.5)
 * ========================================================================= */

LIBSEL4_INLINE_FUNC seL4_Error
seL4_IRQControl_Get(seL4_IRQControl _service, seL4_Word irq, seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = irq, mr1 = index, mr2 = sel4_uint8_word(depth), mr3 = 0;
    seL4_SetCap(0, root);
    return sel4_invoke(_service, IRQIssueIRQHandler, 1, 3, &mr0, &mr1, &mr2, &mr3);
}

/* trigger: 1 = edge, 0 = level. An ARM-specific method, hence the arch label. */
LIBSEL4_INLINE_FUNC seL4_Error
seL4_IRQControl_GetTrigger(seL4_IRQControl _service, seL4_Word irq, seL4_Word trigger, seL4_CNode root,
                           seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = irq, mr1 = trigger, mr2 = index, mr3 = sel4_uint8_word(depth);
    seL4_SetCap(0, root);
    return sel4_invoke(_service, ARMIRQIssueIRQHandlerTrigger, 1, 4, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQHandler_Ack(seL4_IRQHandler _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, IRQAckIRQ, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQHandler_SetNotification(seL4_IRQHandler _service, seL4_CPtr notification)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, notification);
    return sel4_invoke(_service, IRQSetIRQHandler, 1, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQHandler_Clear(seL4_IRQHandler _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, IRQClearIRQHandler, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

/* ===========================================================================
 * Domains (spec §8.6)
 * ========================================================================= */

LIBSEL4_INLINE_FUNC seL4_Error seL4_DomainSet_Set(seL4_DomainSet _service, seL4_Uint8 domain, seL4_TCB thread)
{
    seL4_Word mr0 = sel4_uint8_word(domain), mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, thread);
    return sel4_invoke(_service, DomainSetSet, 1, 1, &mr0, &mr1, &mr2, &mr3);
}

/* ===========================================================================
 * ARM virtual memory (spec §8.7)
 * ========================================================================= */

/* Shared body of the four cache operations on a range [start, end). */
LIBSEL4_INLINE_FUNC seL4_Error sel4_cache_op(seL4_CPtr service, seL4_Word label, seL4_Word start, seL4_Word end)
{
    seL4_Word mr0 = start, mr1 = end, mr2 = 0, mr3 = 0;
    return sel4_invoke(service, label, 0, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_PageDirectory_Clean_Data(seL4_ARM_PageDirectory _service, seL4_Word start, seL4_Word end)
{
    return sel4_cache_op(_service, ARMPDClean_Data, start, end);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_PageDirectory_Invalidate_Data(seL4_ARM_PageDirectory _service, seL4_Word start, seL4_Word end)
{
    return sel4_cache_op(_service, ARMPDInvalidate_Data, start, end);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_PageDirectory_CleanInvalidate_Data(seL4_ARM_PageDirectory _service, seL4_Word start, seL4_Word end)
{
    return sel4_cache_op(_service, ARMPDCleanInvalidate_Data, start, end);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_PageDirectory_Unify_Instruction(seL4_ARM_PageDirectory _service, seL4_Word start, seL4_Word end)
{
    return sel4_cache_op(_service, ARMPDUnify_Instruction, start, end);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_PageTable_Map(seL4_ARM_PageTable _service, seL4_CPtr vspace, seL4_Word vaddr, seL4_ARM_VMAttributes attr)
{
    seL4_Word mr0 = vaddr, mr1 = (seL4_Word)attr, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, vspace);
    return sel4_invoke(_service, ARMPageTableMap, 1, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_ARM_PageTable_Unmap(seL4_ARM_PageTable _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, ARMPageTableUnmap, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_Page_Map(seL4_ARM_Page _service, seL4_CPtr vspace, seL4_Word vaddr, seL4_CapRights_t rights,
                  seL4_ARM_VMAttributes attr)
{
    seL4_Word mr0 = vaddr, mr1 = rights.words[0], mr2 = (seL4_Word)attr, mr3 = 0;
    seL4_SetCap(0, vspace);
    return sel4_invoke(_service, ARMPageMap, 1, 3, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_ARM_Page_Unmap(seL4_ARM_Page _service)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    return sel4_invoke(_service, ARMPageUnmap, 0, 0, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_Page_Clean_Data(seL4_ARM_Page _service, seL4_Word start_offset, seL4_Word end_offset)
{
    return sel4_cache_op(_service, ARMPageClean_Data, start_offset, end_offset);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_Page_Invalidate_Data(seL4_ARM_Page _service, seL4_Word start_offset, seL4_Word end_offset)
{
    return sel4_cache_op(_service, ARMPageInvalidate_Data, start_offset, end_offset);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_Page_CleanInvalidate_Data(seL4_ARM_Page _service, seL4_Word start_offset, seL4_Word end_offset)
{
    return sel4_cache_op(_service, ARMPageCleanInvalidate_Data, start_offset, end_offset);
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_Page_Unify_Instruction(seL4_ARM_Page _service, seL4_Word start_offset, seL4_Word end_offset)
{
    return sel4_cache_op(_service, ARMPageUnify_Instruction, start_offset, end_offset);
}

LIBSEL4_INLINE_FUNC seL4_ARM_Page_GetAddress_t seL4_ARM_Page_GetAddress(seL4_ARM_Page _service)
{
    seL4_ARM_Page_GetAddress_t result = { 0, 0 };
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    result.error = (int)sel4_invoke(_service, ARMPageGetAddress, 0, 0, &mr0, &mr1, &mr2, &mr3);
    if (result.error == seL4_NoError) {
        result.paddr = mr0;
    }
    return result;
}

LIBSEL4_INLINE_FUNC seL4_Error
seL4_ARM_ASIDControl_MakePool(seL4_ARM_ASIDControl _service, seL4_Untyped untyped, seL4_CNode root,
                              seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr0 = index, mr1 = sel4_uint8_word(depth), mr2 = 0, mr3 = 0;
    seL4_SetCap(0, untyped);
    seL4_SetCap(1, root);
    return sel4_invoke(_service, ARMASIDControlMakePool, 2, 2, &mr0, &mr1, &mr2, &mr3);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_ARM_ASIDPool_Assign(seL4_ARM_ASIDPool _service, seL4_CPtr vspace)
{
    seL4_Word mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_SetCap(0, vspace);
    return sel4_invoke(_service, ARMASIDPoolAssign, 1, 0, &mr0, &mr1, &mr2, &mr3);
}

#endif /* SEL4_INVOCATIONS_H */

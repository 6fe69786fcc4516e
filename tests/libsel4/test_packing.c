/*
 * tests/libsel4/test_packing.c — host-native Criterion tests of libsel4: the pure
 * parts (packing, rights, cap data, badges, faults, layouts) and, through a fake
 * kernel behind syscalls.h's SEL4_HOST_SYSCALL_HOOKS, wrapper and stub marshalling.
 * Partners: the headers in libsel4/include/sel4, libsel4/src (compiled in), run.sh.
 */
/*
 * Build: gcc -std=gnu11 -Wall -Wextra -Werror -fsanitize=address,undefined \
 *          -Ilibsel4/include tests/libsel4/test_packing.c -o /tmp/tp -lcriterion
 */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Pure headers first, each on its own: they must not need the ARM asm. */
#include <sel4/messageinfo.h>
#include <sel4/caprights.h>
#include <sel4/cnode_capdata.h>
#include <sel4/faults.h>
#include <sel4/bootinfo.h>
#include <sel4/ipcbuffer.h>
#include <sel4/objecttype.h>
#include <sel4/errors.h>

/* Then the whole API, with the syscall primitives supplied by the fake kernel below. */
#define SEL4_HOST_SYSCALL_HOOKS 1
#include <sel4/sel4.h>

/* The library's two global definitions (normally linked from libsel4/src). */
#include "../../libsel4/src/ipc_buffer.c"
#include "../../libsel4/src/bootinfo.c"

/* ======================================================================== */
/* Fake kernel: records what a primitive was given and answers as scripted.  */
/* ======================================================================== */

enum prim { P_NONE, P_SEND, P_REPLY, P_SEND_NULL, P_RECV, P_SEND_RECV, P_NULL, P_DEBUG };

static struct {
    /* what the library passed */
    enum prim prim;
    int calls;
    seL4_Word sys, r0, r1, mr[4];
    seL4_Word buffer_at_call[128];   /* IPC buffer words as the kernel saw them */
    /* what the "kernel" answers */
    seL4_Word out_r0, out_r1, out_mr[4];
} fk;

static seL4_IPCBuffer ipcbuf;       /* seL4_IPCBuffer carries its own 512-byte alignment */

static void snapshot_buffer(void)
{
    memcpy(fk.buffer_at_call, &ipcbuf, sizeof(ipcbuf));
}

static void record(enum prim p, seL4_Word sys, seL4_Word r0, seL4_Word r1,
                   seL4_Word m0, seL4_Word m1, seL4_Word m2, seL4_Word m3)
{
    fk.prim = p;
    fk.calls++;
    fk.sys = sys;
    fk.r0 = r0;
    fk.r1 = r1;
    fk.mr[0] = m0;
    fk.mr[1] = m1;
    fk.mr[2] = m2;
    fk.mr[3] = m3;
    snapshot_buffer();
}

void sel4_arch_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                        seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    record(P_SEND, sys, dest, info, mr0, mr1, mr2, mr3);
}

void sel4_arch_sys_reply(seL4_Word sys, seL4_Word info, seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    record(P_REPLY, sys, 0xDEADBEEF, info, mr0, mr1, mr2, mr3);
}

void sel4_arch_sys_send_null(seL4_Word sys, seL4_Word dest, seL4_Word info)
{
    record(P_SEND_NULL, sys, dest, info, 0, 0, 0, 0);
}

void sel4_arch_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge, seL4_Word *out_info,
                        seL4_Word *out_mr0, seL4_Word *out_mr1, seL4_Word *out_mr2, seL4_Word *out_mr3)
{
    record(P_RECV, sys, src, 0, 0, 0, 0, 0);
    *out_badge = fk.out_r0;
    *out_info = fk.out_r1;
    *out_mr0 = fk.out_mr[0];
    *out_mr1 = fk.out_mr[1];
    *out_mr2 = fk.out_mr[2];
    *out_mr3 = fk.out_mr[3];
}

void sel4_arch_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge, seL4_Word info,
                             seL4_Word *out_info, seL4_Word *in_out_mr0, seL4_Word *in_out_mr1,
                             seL4_Word *in_out_mr2, seL4_Word *in_out_mr3)
{
    record(P_SEND_RECV, sys, dest, info, *in_out_mr0, *in_out_mr1, *in_out_mr2, *in_out_mr3);
    *out_badge = fk.out_r0;
    *out_info = fk.out_r1;
    *in_out_mr0 = fk.out_mr[0];
    *in_out_mr1 = fk.out_mr[1];
    *in_out_mr2 = fk.out_mr[2];
    *in_out_mr3 = fk.out_mr[3];
}

void sel4_arch_sys_null(seL4_Word sys)
{
    record(P_NULL, sys, 0, 0, 0, 0, 0, 0);
}

static char debug_chars[1024];
static unsigned debug_nchars;

seL4_Word sel4_arch_sys_debug(seL4_Word sys, seL4_Word arg)
{
    record(P_DEBUG, sys, arg, 0, 0, 0, 0, 0);
    if (sys == (seL4_Word)seL4_SysDebugPutChar && debug_nchars < sizeof(debug_chars)) {
        debug_chars[debug_nchars++] = (char)arg;
    }
    return fk.out_r0;
}

static void setup(void)
{
    memset(&fk, 0, sizeof(fk));
    memset(&ipcbuf, 0, sizeof(ipcbuf));
    memset(debug_chars, 0, sizeof(debug_chars));
    debug_nchars = 0;
    seL4_SetIPCBuffer(&ipcbuf);
}

/* Word i of the IPC buffer as the kernel saw it at the last syscall. */
#define KW(i) (fk.buffer_at_call[(i)])
#define KMR(i) KW(1 + (i))
#define KCAP(i) KW(122 + (i))

static seL4_Word info_word(seL4_Word label, seL4_Word unwrapped, seL4_Word caps, seL4_Word len)
{
    return (label << 12) | (unwrapped << 9) | (caps << 7) | len;
}

/* ======================================================================== */
/* §4.1 message info                                                          */
/* ======================================================================== */

TestSuite(messageinfo);

Test(messageinfo, fields_sit_at_spec_bit_ranges)
{
    cr_assert_eq(seL4_MessageInfo_new(1, 0, 0, 0).words[0], 1u << 12);
    cr_assert_eq(seL4_MessageInfo_new(0, 1, 0, 0).words[0], 1u << 9);
    cr_assert_eq(seL4_MessageInfo_new(0, 0, 1, 0).words[0], 1u << 7);
    cr_assert_eq(seL4_MessageInfo_new(0, 0, 0, 1).words[0], 1u);
    cr_assert_eq(seL4_MessageInfo_new(0xFFFFF, 7, 3, 127).words[0], 0xFFFFFFFFu);
    cr_assert_eq(seL4_MessageInfo_new(0, 0, 0, 0).words[0], 0u);
}

Test(messageinfo, getters_invert_new)
{
    seL4_MessageInfo_t m = seL4_MessageInfo_new(0xABCDE, 5, 2, 120);
    cr_assert_eq(seL4_MessageInfo_get_label(m), 0xABCDE);
    cr_assert_eq(seL4_MessageInfo_get_capsUnwrapped(m), 5);
    cr_assert_eq(seL4_MessageInfo_get_extraCaps(m), 2);
    cr_assert_eq(seL4_MessageInfo_get_length(m), 120);
}

Test(messageinfo, values_wider_than_field_are_truncated)
{
    seL4_MessageInfo_t m = seL4_MessageInfo_new(0x123456, 9, 5, 0x80 | 3);
    cr_assert_eq(seL4_MessageInfo_get_label(m), 0x23456);
    cr_assert_eq(seL4_MessageInfo_get_capsUnwrapped(m), 1);
    cr_assert_eq(seL4_MessageInfo_get_extraCaps(m), 1);
    cr_assert_eq(seL4_MessageInfo_get_length(m), 3);
}

Test(messageinfo, setters_return_updated_copy_and_touch_one_field)
{
    seL4_MessageInfo_t m = seL4_MessageInfo_new(7, 1, 2, 3);
    seL4_MessageInfo_t n = seL4_MessageInfo_set_label(m, 0x54321);
    cr_assert_eq(seL4_MessageInfo_get_label(m), 7, "the argument is passed by value");
    cr_assert_eq(n.words[0], info_word(0x54321, 1, 2, 3));
    n = seL4_MessageInfo_set_capsUnwrapped(n, 6);
    cr_assert_eq(n.words[0], info_word(0x54321, 6, 2, 3));
    n = seL4_MessageInfo_set_extraCaps(n, 3);
    cr_assert_eq(n.words[0], info_word(0x54321, 6, 3, 3));
    n = seL4_MessageInfo_set_length(n, 100);
    cr_assert_eq(n.words[0], info_word(0x54321, 6, 3, 100));
}

Test(messageinfo, ptr_variants_act_in_place)
{
    seL4_MessageInfo_t m = seL4_MessageInfo_new(0, 0, 0, 0);
    seL4_MessageInfo_ptr_set_label(&m, 42);
    seL4_MessageInfo_ptr_set_capsUnwrapped(&m, 4);
    seL4_MessageInfo_ptr_set_extraCaps(&m, 2);
    seL4_MessageInfo_ptr_set_length(&m, 17);
    cr_assert_eq(m.words[0], info_word(42, 4, 2, 17));
    cr_assert_eq(seL4_MessageInfo_ptr_get_label(&m), 42);
    cr_assert_eq(seL4_MessageInfo_ptr_get_capsUnwrapped(&m), 4);
    cr_assert_eq(seL4_MessageInfo_ptr_get_extraCaps(&m), 2);
    cr_assert_eq(seL4_MessageInfo_ptr_get_length(&m), 17);
}

Test(messageinfo, word_is_32_bits_on_host_too)
{
    cr_assert_eq(sizeof(seL4_Word), 4);
    cr_assert_eq(sizeof(seL4_MessageInfo_t), 4);
    cr_assert_eq(sizeof(seL4_Error), 4, "enums are forced to word width");
}

/* ======================================================================== */
/* §5.1 rights                                                                */
/* ======================================================================== */

TestSuite(caprights);

Test(caprights, argument_order_is_grantreply_grant_read_write)
{
    cr_assert_eq(seL4_CapRights_new(1, 0, 0, 0).words[0], 0x8);
    cr_assert_eq(seL4_CapRights_new(0, 1, 0, 0).words[0], 0x4);
    cr_assert_eq(seL4_CapRights_new(0, 0, 1, 0).words[0], 0x2);
    cr_assert_eq(seL4_CapRights_new(0, 0, 0, 1).words[0], 0x1);
}

Test(caprights, macro_words_match_spec_table)
{
    cr_assert_eq(seL4_AllRights.words[0], 0xF);
    cr_assert_eq(seL4_CanGrant.words[0], 0x4);
    cr_assert_eq(seL4_ReadWrite.words[0], 0x3);
    cr_assert_eq(seL4_CanGrantReply.words[0], 0x8);
    cr_assert_eq(seL4_CanRead.words[0], 0x2);
    cr_assert_eq(seL4_NoWrite.words[0], 0xE);
    cr_assert_eq(seL4_CanWrite.words[0], 0x1);
    cr_assert_eq(seL4_NoRead.words[0], 0xD);
    cr_assert_eq(seL4_NoRights.words[0], 0x0);
}

Test(caprights, getters_and_setters)
{
    seL4_CapRights_t r = seL4_NoWrite;
    cr_assert_eq(seL4_CapRights_get_capAllowGrantReply(r), 1);
    cr_assert_eq(seL4_CapRights_get_capAllowGrant(r), 1);
    cr_assert_eq(seL4_CapRights_get_capAllowRead(r), 1);
    cr_assert_eq(seL4_CapRights_get_capAllowWrite(r), 0);
    r = seL4_CapRights_set_capAllowWrite(r, 1);
    r = seL4_CapRights_set_capAllowGrant(r, 0);
    cr_assert_eq(r.words[0], 0xB);
    r = seL4_CapRights_set_capAllowGrantReply(r, 0);
    r = seL4_CapRights_set_capAllowRead(r, 0);
    cr_assert_eq(r.words[0], 0x1);
}

Test(caprights, flag_arguments_keep_only_bit_zero)
{
    /* Like seL4's generated code: a flag field is one bit wide. */
    cr_assert_eq(seL4_CapRights_new(2, 3, 0, 0).words[0], 0x4);
}

/* ======================================================================== */
/* §5.3 CNode cap data, §5.2 badges                                           */
/* ======================================================================== */

TestSuite(capdata);

Test(capdata, guard_at_25_8_and_size_at_7_3)
{
    cr_assert_eq(seL4_CNode_CapData_new(1, 0).words[0], 1u << 8);
    cr_assert_eq(seL4_CNode_CapData_new(0, 1).words[0], 1u << 3);
    cr_assert_eq(seL4_CNode_CapData_new(0x3FFFF, 31).words[0], 0x03FFFFF8u);
    /* Root task's CNode: radix 12, guard size 20, guard 0. */
    cr_assert_eq(seL4_CNode_CapData_new(0, seL4_WordBits - CONFIG_ROOT_CNODE_SIZE_BITS).words[0], 20u << 3);
}

Test(capdata, fields_truncate_to_their_widths)
{
    seL4_CNode_CapData_t d = seL4_CNode_CapData_new(0xFFFFFFFF, 0xFF);
    cr_assert_eq(seL4_CNode_CapData_get_guard(d), 0x3FFFF, "guard is 18 bits");
    cr_assert_eq(seL4_CNode_CapData_get_guardSize(d), 31, "guard size is 5 bits");
    cr_assert_eq(d.words[0] & 0xFC000007u, 0, "bits outside the two fields stay clear");
}

Test(capdata, getters_and_setters)
{
    seL4_CNode_CapData_t d = seL4_CNode_CapData_new(0x155, 12);
    cr_assert_eq(seL4_CNode_CapData_get_guard(d), 0x155);
    cr_assert_eq(seL4_CNode_CapData_get_guardSize(d), 12);
    d = seL4_CNode_CapData_set_guard(d, 7);
    d = seL4_CNode_CapData_set_guardSize(d, 3);
    cr_assert_eq(d.words[0], (7u << 8) | (3u << 3));
}

Test(capdata, badge_truncates_to_28_bits)
{
    cr_assert_eq(seL4_BadgeBits, 28);
    cr_assert_eq(NUMBAT_BADGE_MASK, 0x0FFFFFFFu);
    cr_assert_eq(numbat_badge_truncate(0xFFFFFFFFu), 0x0FFFFFFFu);
    cr_assert_eq(numbat_badge_truncate(0x12345678u), 0x02345678u);
    cr_assert_eq(numbat_badge_truncate(0xF0000000u), 0, "only the upper 4 bits: becomes unbadged");
    cr_assert_eq(numbat_badge_truncate(0x0ABCDEF1u), 0x0ABCDEF1u);
}

/* ======================================================================== */
/* §4.2-4.3 IPC buffer layout and accessors                                   */
/* ======================================================================== */

TestSuite(ipcbuffer, .init = setup);

Test(ipcbuffer, layout_by_word)
{
    cr_assert_eq(sizeof(seL4_IPCBuffer), 512);
    cr_assert_eq(_Alignof(seL4_IPCBuffer), 512);
    cr_assert_eq(((uintptr_t)&ipcbuf) % 512, 0);
    cr_assert_eq(offsetof(seL4_IPCBuffer, tag), 0);
    cr_assert_eq(offsetof(seL4_IPCBuffer, msg), 4);
    cr_assert_eq(offsetof(seL4_IPCBuffer, userData), 121 * 4);
    cr_assert_eq(offsetof(seL4_IPCBuffer, caps_or_badges), 122 * 4);
    cr_assert_eq(offsetof(seL4_IPCBuffer, receiveCNode), 125 * 4);
    cr_assert_eq(offsetof(seL4_IPCBuffer, receiveIndex), 126 * 4);
    cr_assert_eq(offsetof(seL4_IPCBuffer, receiveDepth), 127 * 4);
}

Test(ipcbuffer, accessors_hit_the_right_words)
{
    seL4_Word *w = (seL4_Word *)&ipcbuf;
    cr_assert_eq(seL4_GetIPCBuffer(), &ipcbuf);
    for (int i = 0; i < seL4_MsgMaxLength; i++) {
        seL4_SetMR(i, 0x1000u + (seL4_Word)i);
    }
    for (int i = 0; i < seL4_MsgMaxLength; i++) {
        cr_assert_eq(w[1 + i], 0x1000u + (seL4_Word)i);
        cr_assert_eq(seL4_GetMR(i), 0x1000u + (seL4_Word)i);
    }
    seL4_SetUserData(0xCAFE);
    cr_assert_eq(w[121], 0xCAFE);
    cr_assert_eq(seL4_GetUserData(), 0xCAFE);
    seL4_SetCap(0, 11);
    seL4_SetCap(1, 22);
    seL4_SetCap(2, 33);
    cr_assert_eq(w[122], 11);
    cr_assert_eq(w[123], 22);
    cr_assert_eq(w[124], 33);
    cr_assert_eq(seL4_GetCap(1), 22);
    cr_assert_eq(seL4_GetBadge(2), 33);
    cr_assert_eq(w[0], 0, "tag untouched");
}

Test(ipcbuffer, receive_path)
{
    seL4_Word *w = (seL4_Word *)&ipcbuf;
    seL4_SetCapReceivePath(2, 0x55, 32);
    cr_assert_eq(w[125], 2);
    cr_assert_eq(w[126], 0x55);
    cr_assert_eq(w[127], 32);
    seL4_CPtr cnode = 0, index = 0;
    seL4_Word depth = 0;
    seL4_GetCapReceivePath(&cnode, &index, &depth);
    cr_assert(cnode == 2 && index == 0x55 && depth == 32);
    index = 9;
    seL4_GetCapReceivePath(seL4_Null, &index, seL4_Null);
    cr_assert_eq(index, 0x55, "NULL pointers are skipped");
}

Test(ipcbuffer, set_ipc_buffer_switches_target)
{
    static seL4_IPCBuffer other;
    seL4_SetIPCBuffer(&other);
    seL4_SetMR(0, 77);
    cr_assert_eq(other.msg[0], 77);
    cr_assert_eq(ipcbuf.msg[0], 0);
    seL4_SetIPCBuffer(&ipcbuf);
    cr_assert_eq(seL4_GetMR(0), 0);
}

/* ======================================================================== */
/* §9 faults                                                                  */
/* ======================================================================== */

TestSuite(faults, .init = setup);

static seL4_MessageInfo_t fault_tag(seL4_Word label, seL4_Word len)
{
    return seL4_MessageInfo_new(label, 0, 0, len);
}

Test(faults, vmfault_decodes_from_mrs)
{
    seL4_SetMR(seL4_VMFault_IP, 0x10074);
    seL4_SetMR(seL4_VMFault_Addr, 0xDEAD0000);
    seL4_SetMR(seL4_VMFault_PrefetchFault, seL4_DataFault);
    seL4_SetMR(seL4_VMFault_FSR, 0x805);
    seL4_MessageInfo_t tag = fault_tag(seL4_Fault_VMFault, seL4_VMFault_Length);
    cr_assert(seL4_isVMFault_tag(tag));
    cr_assert_not(seL4_isCapFault_tag(tag));
    seL4_Fault_t f = seL4_getFault(tag);
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(f), seL4_Fault_VMFault);
    cr_assert_eq(seL4_Fault_ptr_get_seL4_FaultType(&f), seL4_Fault_VMFault);
    cr_assert_eq(seL4_Fault_VMFault_get_IP(f), 0x10074);
    cr_assert_eq(seL4_Fault_VMFault_get_Addr(f), 0xDEAD0000);
    cr_assert_eq(seL4_Fault_VMFault_get_PrefetchFault(f), 0);
    cr_assert_eq(seL4_Fault_VMFault_get_FSR(f), 0x805);
}

Test(faults, capfault_decodes_all_seven_words)
{
    for (int i = 0; i < 7; i++) {
        seL4_SetMR(i, 100u + (seL4_Word)i);
    }
    seL4_MessageInfo_t tag = fault_tag(seL4_Fault_CapFault, 7);
    cr_assert(seL4_isCapFault_tag(tag));
    seL4_Fault_t f = seL4_getFault(tag);
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(f), seL4_Fault_CapFault);
    cr_assert_eq(seL4_Fault_CapFault_get_IP(f), 100);
    cr_assert_eq(seL4_Fault_CapFault_get_Addr(f), 101);
    cr_assert_eq(seL4_Fault_CapFault_get_InRecvPhase(f), 102);
    cr_assert_eq(seL4_Fault_CapFault_get_LookupFailureType(f), 103);
    cr_assert_eq(seL4_Fault_CapFault_get_MR4(f), 104);
    cr_assert_eq(seL4_Fault_CapFault_get_MR5(f), 105);
    cr_assert_eq(seL4_Fault_CapFault_get_MR6(f), 106);
}

Test(faults, unknown_syscall_decodes_thirteen_words)
{
    for (int i = 0; i < seL4_UnknownSyscall_Length; i++) {
        seL4_SetMR(i, 0x200u + (seL4_Word)i);
    }
    seL4_MessageInfo_t tag = fault_tag(seL4_Fault_UnknownSyscall, seL4_UnknownSyscall_Length);
    cr_assert(seL4_isUnknownSyscall_tag(tag));
    seL4_Fault_t f = seL4_getFault(tag);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R0(f), 0x200);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R1(f), 0x201);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R2(f), 0x202);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R3(f), 0x203);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R4(f), 0x204);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R5(f), 0x205);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R6(f), 0x206);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_R7(f), 0x207);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_FaultIP(f), 0x208);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_SP(f), 0x209);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_LR(f), 0x20A);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_CPSR(f), 0x20B);
    cr_assert_eq(seL4_Fault_UnknownSyscall_get_Syscall(f), 0x20C);
}

Test(faults, user_exception_decodes_five_words)
{
    seL4_SetMR(seL4_UserException_FaultIP, 0x8000);
    seL4_SetMR(seL4_UserException_SP, 0x7FF0);
    seL4_SetMR(seL4_UserException_CPSR, 0x10);
    seL4_SetMR(seL4_UserException_Number, 0);
    seL4_SetMR(seL4_UserException_Code, 0);
    seL4_MessageInfo_t tag = fault_tag(seL4_Fault_UserException, seL4_UserException_Length);
    cr_assert(seL4_isUserException_tag(tag));
    seL4_Fault_t f = seL4_getFault(tag);
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(f), seL4_Fault_UserException);
    cr_assert_eq(seL4_Fault_UserException_get_FaultIP(f), 0x8000);
    cr_assert_eq(seL4_Fault_UserException_get_Stack(f), 0x7FF0);
    cr_assert_eq(seL4_Fault_UserException_get_CPSR(f), 0x10);
    cr_assert_eq(seL4_Fault_UserException_get_Number(f), 0);
    cr_assert_eq(seL4_Fault_UserException_get_Code(f), 0);
}

Test(faults, other_labels_decode_as_null_fault)
{
    seL4_MessageInfo_t tag = fault_tag(0, 0);
    cr_assert(seL4_isNullFault_tag(tag));
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(seL4_getFault(tag)), seL4_Fault_NullFault);
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(seL4_getFault(fault_tag(4, 0))), seL4_Fault_NullFault,
                 "4 (DebugException) is not configured");
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(seL4_getFault(fault_tag(99, 0))), seL4_Fault_NullFault);
}

Test(faults, constructors_and_getters_agree)
{
    seL4_Fault_t f = seL4_Fault_CapFault_new(1, 2, 1, seL4_GuardMismatch, 20, 0x3, 4);
    cr_assert_eq(seL4_Fault_CapFault_get_LookupFailureType(f), seL4_GuardMismatch);
    cr_assert_eq(seL4_Fault_CapFault_get_MR5(f), 0x3);
    f = seL4_Fault_VMFault_new(1, 2, seL4_InstructionFault, 4);
    cr_assert_eq(seL4_Fault_VMFault_get_PrefetchFault(f), 1);
    f = seL4_Fault_NullFault_new();
    cr_assert_eq(seL4_Fault_get_seL4_FaultType(f), 0);
}

/* ======================================================================== */
/* §10 boot info                                                              */
/* ======================================================================== */

TestSuite(bootinfo);

Test(bootinfo, descriptor_layouts)
{
    cr_assert_eq(sizeof(seL4_UntypedDesc), 8);
    cr_assert_eq(offsetof(seL4_UntypedDesc, sizeBits), 4);
    cr_assert_eq(offsetof(seL4_UntypedDesc, isDevice), 5);
    cr_assert_eq(sizeof(seL4_SlotRegion), 8);
    cr_assert_eq(sizeof(seL4_BootInfoHeader), 8);
    cr_assert_leq(sizeof(seL4_BootInfo), seL4_BootInfoFrameSize);
    cr_assert_eq(seL4_BootInfoFrameSize, 4096);
    /* Field order (absolute offsets need 4-byte pointers and are asserted on the target). */
    cr_assert_lt(offsetof(seL4_BootInfo, numIOPTLevels), offsetof(seL4_BootInfo, ipcBuffer));
    cr_assert_eq(offsetof(seL4_BootInfo, sharedFrames) - offsetof(seL4_BootInfo, empty), 8);
    cr_assert_eq(offsetof(seL4_BootInfo, untypedList) - offsetof(seL4_BootInfo, initThreadCNodeSizeBits), 16);
    cr_assert_eq(sizeof(((seL4_BootInfo *)0)->untypedList) / sizeof(seL4_UntypedDesc), 230);
}

Test(bootinfo, init_and_get_round_trip)
{
    static seL4_BootInfo bi;
    cr_assert_null(seL4_GetBootInfo());
    seL4_InitBootInfo(&bi);
    cr_assert_eq(seL4_GetBootInfo(), &bi);
}

Test(bootinfo, root_slots_and_object_types)
{
    cr_assert_eq(seL4_CapInitThreadPD, seL4_CapInitThreadVSpace);
    cr_assert_eq(seL4_NumInitialCaps, 16);
    cr_assert_eq(seL4_AsyncEndpointObject, seL4_NotificationObject);
    cr_assert_eq(seL4_ObjectTypeCount, 11);
}

/* ======================================================================== */
/* §3.3-3.4 syscall wrappers (fake kernel)                                    */
/* ======================================================================== */

TestSuite(syscalls, .init = setup);

Test(syscalls, send_loads_mr0_3_from_buffer)
{
    for (int i = 0; i < 6; i++) {
        seL4_SetMR(i, 10u + (seL4_Word)i);
    }
    seL4_Send(7, seL4_MessageInfo_new(0x42, 0, 0, 6));
    cr_assert_eq(fk.prim, P_SEND);
    cr_assert_eq(fk.sys, (seL4_Word)-3);
    cr_assert_eq(fk.r0, 7);
    cr_assert_eq(fk.r1, info_word(0x42, 0, 0, 6));
    cr_assert(fk.mr[0] == 10 && fk.mr[1] == 11 && fk.mr[2] == 12 && fk.mr[3] == 13);
    cr_assert(KMR(4) == 14 && KMR(5) == 15, "MR4+ stay in the buffer");
    seL4_NBSend(8, seL4_MessageInfo_new(0, 0, 0, 1));
    cr_assert_eq(fk.sys, (seL4_Word)-4);
    cr_assert_eq(fk.r0, 8);
}

Test(syscalls, with_mrs_inputs_only_within_length)
{
    seL4_Word a = 1, b = 2, c = 3, d = 4;
    seL4_SendWithMRs(5, seL4_MessageInfo_new(0, 0, 0, 2), &a, &b, &c, &d);
    cr_assert(fk.mr[0] == 1 && fk.mr[1] == 2 && fk.mr[2] == 0 && fk.mr[3] == 0);
    seL4_NBSendWithMRs(5, seL4_MessageInfo_new(0, 0, 0, 4), &a, seL4_Null, &c, seL4_Null);
    cr_assert_eq(fk.sys, (seL4_Word)-4);
    cr_assert(fk.mr[0] == 1 && fk.mr[1] == 0 && fk.mr[2] == 3 && fk.mr[3] == 0);
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 3), &a, &b, &c, &d);
    cr_assert_eq(fk.prim, P_REPLY);
    cr_assert_eq(fk.sys, (seL4_Word)-6);
    cr_assert(fk.mr[0] == 1 && fk.mr[1] == 2 && fk.mr[2] == 3 && fk.mr[3] == 0);
}

Test(syscalls, call_spills_reply_registers_to_mrs)
{
    seL4_SetMR(0, 1);
    seL4_SetMR(1, 2);
    fk.out_r1 = info_word(0, 0, 0, 4);
    fk.out_mr[0] = 0xA0;
    fk.out_mr[1] = 0xA1;
    fk.out_mr[2] = 0xA2;
    fk.out_mr[3] = 0xA3;
    seL4_MessageInfo_t r = seL4_Call(9, seL4_MessageInfo_new(3, 0, 0, 2));
    cr_assert_eq(fk.prim, P_SEND_RECV);
    cr_assert_eq(fk.sys, (seL4_Word)-1);
    cr_assert_eq(fk.r0, 9);
    cr_assert(fk.mr[0] == 1 && fk.mr[1] == 2);
    cr_assert_eq(r.words[0], info_word(0, 0, 0, 4));
    cr_assert(seL4_GetMR(0) == 0xA0 && seL4_GetMR(1) == 0xA1 && seL4_GetMR(2) == 0xA2 && seL4_GetMR(3) == 0xA3);
}

Test(syscalls, call_with_mrs_writes_back_through_non_null_pointers)
{
    seL4_Word a = 5, c = 7;
    fk.out_mr[0] = 50;
    fk.out_mr[1] = 51;
    fk.out_mr[2] = 52;
    fk.out_mr[3] = 53;
    (void)seL4_CallWithMRs(9, seL4_MessageInfo_new(0, 0, 0, 1), &a, seL4_Null, &c, seL4_Null);
    cr_assert(fk.mr[0] == 5 && fk.mr[2] == 0, "c is outside length 1");
    cr_assert(a == 50 && c == 52);
    cr_assert_eq(seL4_GetMR(0), 0, "CallWithMRs leaves the IPC buffer alone");
}

Test(syscalls, recv_family)
{
    seL4_Word badge = 0;
    fk.out_r0 = 0x77;
    fk.out_r1 = info_word(1, 0, 0, 2);
    fk.out_mr[0] = 0xB0;
    fk.out_mr[1] = 0xB1;
    seL4_MessageInfo_t r = seL4_Recv(4, &badge);
    cr_assert_eq(fk.prim, P_RECV);
    cr_assert_eq(fk.sys, (seL4_Word)-5);
    cr_assert_eq(fk.r0, 4);
    cr_assert_eq(badge, 0x77);
    cr_assert_eq(r.words[0], info_word(1, 0, 0, 2));
    cr_assert(seL4_GetMR(0) == 0xB0 && seL4_GetMR(1) == 0xB1);
    (void)seL4_Recv(4, seL4_Null); /* NULL sender is allowed */
    (void)seL4_NBRecv(4, &badge);
    cr_assert_eq(fk.sys, (seL4_Word)-8);
    (void)seL4_Poll(4, &badge);
    cr_assert_eq(fk.sys, (seL4_Word)-8);
    seL4_Wait(4, &badge);
    cr_assert_eq(fk.sys, (seL4_Word)-5);
    seL4_Word m0 = 0, m2 = 0;
    badge = 0;
    (void)seL4_RecvWithMRs(4, &badge, &m0, seL4_Null, &m2, seL4_Null);
    cr_assert(badge == 0x77 && m0 == 0xB0 && m2 == 0);
}

Test(syscalls, reply_recv_and_reply)
{
    seL4_Word badge = 0;
    seL4_SetMR(0, 3);
    fk.out_r0 = 0x12;
    fk.out_mr[0] = 0xC0;
    (void)seL4_ReplyRecv(6, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    cr_assert_eq(fk.prim, P_SEND_RECV);
    cr_assert_eq(fk.sys, (seL4_Word)-2);
    cr_assert_eq(fk.r0, 6);
    cr_assert_eq(fk.mr[0], 3);
    cr_assert_eq(badge, 0x12);
    cr_assert_eq(seL4_GetMR(0), 0xC0);
    seL4_Word a = 9, b = 0;
    (void)seL4_ReplyRecvWithMRs(6, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &a, &b, seL4_Null, seL4_Null);
    cr_assert(fk.mr[0] == 9 && a == 0xC0);
    seL4_SetMR(0, 44);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
    cr_assert_eq(fk.prim, P_REPLY);
    cr_assert_eq(fk.sys, (seL4_Word)-6);
    cr_assert_eq(fk.mr[0], 44);
}

Test(syscalls, yield_and_signal)
{
    seL4_Yield();
    cr_assert_eq(fk.prim, P_NULL);
    cr_assert_eq(fk.sys, (seL4_Word)-7);
    seL4_Signal(12);
    cr_assert_eq(fk.prim, P_SEND_NULL);
    cr_assert_eq(fk.sys, (seL4_Word)-3);
    cr_assert_eq(fk.r0, 12);
    cr_assert_eq(fk.r1, 0, "all-zero message info");
}

Test(syscalls, debug_calls)
{
    seL4_DebugPutChar('\xff');
    cr_assert_eq(fk.sys, (seL4_Word)-9);
    cr_assert_eq(fk.r0, 0xFF, "no sign extension into r0");
    seL4_DebugPutString((char *)"hi\n");
    cr_assert_str_eq(debug_chars, "\xffhi\n");
    seL4_DebugDumpScheduler();
    cr_assert_eq(fk.sys, (seL4_Word)-10);
    seL4_DebugHalt();
    cr_assert_eq(fk.sys, (seL4_Word)-11);
    cr_assert_eq(fk.r0, 0, "DebugHalt puts 0 in r0");
    fk.out_r0 = 12;
    cr_assert_eq(seL4_DebugCapIdentify(1), 12);
    cr_assert_eq(fk.sys, (seL4_Word)-12);
    cr_assert_eq(fk.r0, 1);
    seL4_DebugSnapshot();
    cr_assert_eq(fk.sys, (seL4_Word)-13);
}

Test(syscalls, debug_name_thread_copies_and_truncates)
{
    seL4_DebugNameThread(1, "worker");
    cr_assert_eq(fk.sys, (seL4_Word)-14);
    cr_assert_eq(fk.r0, 1);
    cr_assert_str_eq((const char *)&fk.buffer_at_call[1], "worker");
    static char longname[600];
    memset(longname, 'x', sizeof(longname) - 1);
    seL4_DebugNameThread(1, longname);
    const char *sent = (const char *)&fk.buffer_at_call[1];
    cr_assert_eq(strlen(sent), seL4_MsgMaxLength * sizeof(seL4_Word) - 1);
    cr_assert_eq(ipcbuf.userData, 0, "never writes past msg[]");
}

/* ======================================================================== */
/* §7-8 invocation stubs (fake kernel)                                        */
/* ======================================================================== */

TestSuite(stubs, .init = setup);

/* Asserts the tag of the last Call: label, caps, length, no unwrapped bits. */
static void expect_call(seL4_Word service, seL4_Word label, seL4_Word ncaps, seL4_Word length)
{
    cr_assert_eq(fk.prim, P_SEND_RECV);
    cr_assert_eq(fk.sys, (seL4_Word)-1, "stubs use seL4_Call");
    cr_assert_eq(fk.r0, service);
    cr_assert_eq(fk.r1, info_word(label, 0, ncaps, length), "tag %#x", fk.r1);
}

Test(stubs, untyped_retype)
{
    seL4_Error e = seL4_Untyped_Retype(20, seL4_EndpointObject, 4, 2, 0x30, 12, 100, 5);
    cr_assert_eq(e, seL4_NoError);
    expect_call(20, UntypedRetype, 1, 6);
    cr_assert(fk.mr[0] == seL4_EndpointObject && fk.mr[1] == 4 && fk.mr[2] == 0x30 && fk.mr[3] == 12);
    cr_assert(KMR(4) == 100 && KMR(5) == 5);
    cr_assert_eq(KCAP(0), 2);
}

Test(stubs, error_reply_spills_registers_and_returns_label)
{
    fk.out_r1 = info_word(seL4_RangeError, 0, 0, 2);
    fk.out_mr[0] = 1;
    fk.out_mr[1] = 256;
    fk.out_mr[2] = 0xE2;
    fk.out_mr[3] = 0xE3;
    seL4_Error e = seL4_Untyped_Retype(20, seL4_TCBObject, 0, 2, 0, 0, 0, 1000);
    cr_assert_eq(e, seL4_RangeError);
    cr_assert(seL4_GetMR(0) == 1 && seL4_GetMR(1) == 256 && seL4_GetMR(2) == 0xE2 && seL4_GetMR(3) == 0xE3);
}

Test(stubs, success_leaves_mrs_unspilled)
{
    fk.out_mr[0] = 0x99;
    cr_assert_eq(seL4_TCB_Suspend(1), seL4_NoError);
    expect_call(1, TCBSuspend, 0, 0);
    cr_assert_eq(seL4_GetMR(0), 0);
}

Test(stubs, tcb_read_registers)
{
    for (int i = 0; i < 4; i++) {
        fk.out_mr[i] = 0x100u + (seL4_Word)i;
    }
    for (int i = 4; i < 19; i++) {
        seL4_SetMR(i, 0x100u + (seL4_Word)i); /* the kernel delivers MR4+ in the buffer */
    }
    seL4_UserContext regs;
    memset(&regs, 0, sizeof(regs));
    cr_assert_eq(seL4_TCB_ReadRegisters(3, seL4_True, 0xA5, 19, &regs), seL4_NoError);
    expect_call(3, TCBReadRegisters, 0, 2);
    cr_assert_eq(fk.mr[0], 0xA501, "Bool in bit 0, Uint8 in [15:8]");
    cr_assert_eq(fk.mr[1], 19);
    cr_assert(regs.pc == 0x100 && regs.sp == 0x101 && regs.cpsr == 0x102 && regs.r0 == 0x103);
    cr_assert(regs.r1 == 0x104 && regs.r8 == 0x105 && regs.r12 == 0x109 && regs.r2 == 0x10A);
    cr_assert(regs.r7 == 0x10F && regs.r14 == 0x110 && regs.tpidrurw == 0x111 && regs.tpidruro == 0x112);
}

Test(stubs, tcb_read_registers_error_keeps_regs)
{
    fk.out_r1 = info_word(seL4_IllegalOperation, 0, 0, 0);
    fk.out_mr[0] = 0x5;
    seL4_UserContext regs;
    memset(&regs, 0xAB, sizeof(regs));
    cr_assert_eq(seL4_TCB_ReadRegisters(3, seL4_False, 0, 1, &regs), seL4_IllegalOperation);
    cr_assert_eq(regs.pc, 0xABABABABu);
    cr_assert_eq(seL4_GetMR(0), 0x5);
}

Test(stubs, tcb_write_registers)
{
    seL4_UserContext regs = {
        .pc = 1, .sp = 2, .cpsr = 3, .r0 = 4, .r1 = 5, .r8 = 6, .r9 = 7, .r10 = 8, .r11 = 9, .r12 = 10,
        .r2 = 11, .r3 = 12, .r4 = 13, .r5 = 14, .r6 = 15, .r7 = 16, .r14 = 17, .tpidrurw = 18, .tpidruro = 19,
    };
    cr_assert_eq(seL4_TCB_WriteRegisters(3, seL4_True, 0, 5, &regs), seL4_NoError);
    expect_call(3, TCBWriteRegisters, 0, 21);
    cr_assert_eq(fk.mr[0], 1);
    cr_assert_eq(fk.mr[1], 5);
    cr_assert(fk.mr[2] == 1 && fk.mr[3] == 2, "pc, sp in MR2, MR3");
    for (int i = 4; i < 21; i++) {
        cr_assert_eq(KMR(i), (seL4_Word)(i - 1), "MR%d", i);
    }
}

Test(stubs, tcb_copy_registers_packs_four_bools_and_a_byte)
{
    cr_assert_eq(seL4_TCB_CopyRegisters(3, 4, seL4_True, seL4_False, seL4_True, seL4_True, 0x7F), seL4_NoError);
    expect_call(3, TCBCopyRegisters, 1, 1);
    cr_assert_eq(fk.mr[0], 0x7F0D);
    cr_assert_eq(KCAP(0), 4);
    seL4_TCB_CopyRegisters(3, 4, seL4_False, seL4_True, seL4_False, seL4_False, 0);
    cr_assert_eq(fk.mr[0], 0x2);
}

Test(stubs, tcb_configure_and_spaces)
{
    seL4_TCB_Configure(3, 0x40, 2, 0xA0, 3, 0, 0x5000, 10);
    expect_call(3, TCBConfigure, 3, 4);
    cr_assert(fk.mr[0] == 0x40 && fk.mr[1] == 0xA0 && fk.mr[2] == 0 && fk.mr[3] == 0x5000);
    cr_assert(KCAP(0) == 2 && KCAP(1) == 3 && KCAP(2) == 10);
    seL4_TCB_SetSpace(3, 0x41, 2, 0xA8, 3, 9);
    expect_call(3, TCBSetSpace, 2, 3);
    cr_assert(fk.mr[0] == 0x41 && fk.mr[1] == 0xA8 && fk.mr[2] == 9);
    seL4_TCB_SetIPCBuffer(3, 0x6000, 11);
    expect_call(3, TCBSetIPCBuffer, 1, 1);
    cr_assert(fk.mr[0] == 0x6000 && KCAP(0) == 11);
}

Test(stubs, tcb_scheduling_and_misc)
{
    seL4_TCB_SetPriority(3, 1, 200);
    expect_call(3, TCBSetPriority, 1, 1);
    cr_assert(fk.mr[0] == 200 && KCAP(0) == 1);
    seL4_TCB_SetMCPriority(3, 1, 150);
    expect_call(3, TCBSetMCPriority, 1, 1);
    cr_assert_eq(fk.mr[0], 150);
    seL4_TCB_SetSchedParams(3, 1, 254, 100);
    expect_call(3, TCBSetSchedParams, 1, 2);
    cr_assert(fk.mr[0] == 254 && fk.mr[1] == 100);
    seL4_TCB_Resume(3);
    expect_call(3, TCBResume, 0, 0);
    seL4_TCB_BindNotification(3, 8);
    expect_call(3, TCBBindNotification, 1, 0);
    cr_assert_eq(KCAP(0), 8);
    seL4_TCB_UnbindNotification(3);
    expect_call(3, TCBUnbindNotification, 0, 0);
    seL4_TCB_SetTLSBase(3, 0x1234);
    expect_call(3, TCBSetTLSBase, 0, 1);
    cr_assert_eq(fk.mr[0], 0x1234);
    fk.out_mr[0] = seL4_TCBFlag_fpuDisabled;
    seL4_TCB_SetFlags_t sf = seL4_TCB_SetFlags(3, 0, seL4_TCBFlag_fpuDisabled);
    expect_call(3, TCBSetFlags, 0, 2);
    cr_assert(sf.error == seL4_NoError && sf.flags == 1);
}

Test(stubs, cnode_depths_are_low_bytes_of_their_own_mr)
{
    seL4_CNode_Revoke(2, 0x30, 32);
    expect_call(2, CNodeRevoke, 0, 2);
    cr_assert(fk.mr[0] == 0x30 && fk.mr[1] == 32);
    seL4_CNode_Delete(2, 0x31, 12);
    expect_call(2, CNodeDelete, 0, 2);
    cr_assert(fk.mr[0] == 0x31 && fk.mr[1] == 12);
    seL4_CNode_CancelBadgedSends(2, 0x32, 32);
    expect_call(2, CNodeCancelBadgedSends, 0, 2);
    seL4_CNode_SaveCaller(2, 0x33, 32);
    expect_call(2, CNodeSaveCaller, 0, 2);
    cr_assert_eq(fk.mr[0], 0x33);
}

Test(stubs, cnode_copy_mint_move_mutate)
{
    seL4_CNode_Copy(2, 21, 32, 5, 20, 16, seL4_CanRead);
    expect_call(2, CNodeCopy, 1, 5);
    cr_assert(fk.mr[0] == 21 && fk.mr[1] == 32 && fk.mr[2] == 20 && fk.mr[3] == 16);
    cr_assert(KMR(4) == 0x2 && KCAP(0) == 5);
    seL4_CNode_Mint(2, 21, 32, 5, 20, 32, seL4_AllRights, 0xFFFFFFFF);
    expect_call(2, CNodeMint, 1, 6);
    cr_assert(KMR(4) == 0xF && KMR(5) == 0xFFFFFFFF, "the library sends the badge untruncated");
    seL4_CNode_Move(2, 21, 32, 5, 20, 32);
    expect_call(2, CNodeMove, 1, 4);
    cr_assert(fk.mr[2] == 20 && KCAP(0) == 5);
    seL4_CNode_Mutate(2, 21, 32, 5, 20, 32, 0xA0);
    expect_call(2, CNodeMutate, 1, 5);
    cr_assert_eq(KMR(4), 0xA0);
}

Test(stubs, cnode_rotate)
{
    seL4_CNode_Rotate(2, 21, 32, 0xB1, 6, 22, 31, 0xB2, 7, 23, 30);
    expect_call(2, CNodeRotate, 2, 8);
    cr_assert(fk.mr[0] == 21 && fk.mr[1] == 32 && fk.mr[2] == 0xB1 && fk.mr[3] == 22);
    cr_assert(KMR(4) == 31 && KMR(5) == 0xB2 && KMR(6) == 23 && KMR(7) == 30);
    cr_assert(KCAP(0) == 6 && KCAP(1) == 7);
}

Test(stubs, irq_and_domain)
{
    seL4_IRQControl_Get(4, 27, 2, 40, 32);
    expect_call(4, IRQIssueIRQHandler, 1, 3);
    cr_assert(fk.mr[0] == 27 && fk.mr[1] == 40 && fk.mr[2] == 32 && KCAP(0) == 2);
    seL4_IRQControl_GetTrigger(4, 34, 1, 2, 41, 32);
    expect_call(4, ARMIRQIssueIRQHandlerTrigger, 1, 4);
    cr_assert(fk.mr[0] == 34 && fk.mr[1] == 1 && fk.mr[2] == 41 && fk.mr[3] == 32);
    seL4_IRQHandler_Ack(40);
    expect_call(40, IRQAckIRQ, 0, 0);
    seL4_IRQHandler_SetNotification(40, 8);
    expect_call(40, IRQSetIRQHandler, 1, 0);
    cr_assert_eq(KCAP(0), 8);
    seL4_IRQHandler_Clear(40);
    expect_call(40, IRQClearIRQHandler, 0, 0);
    seL4_DomainSet_Set(seL4_CapDomain, 0, 1);
    expect_call(seL4_CapDomain, DomainSetSet, 1, 1);
    cr_assert(fk.mr[0] == 0 && KCAP(0) == 1);
}

Test(stubs, arm_paging)
{
    seL4_ARM_PageTable_Map(30, 3, 0x10000000, seL4_ARM_Default_VMAttributes);
    expect_call(30, ARMPageTableMap, 1, 2);
    cr_assert(fk.mr[0] == 0x10000000 && fk.mr[1] == 3 && KCAP(0) == 3);
    seL4_ARM_PageTable_Unmap(30);
    expect_call(30, ARMPageTableUnmap, 0, 0);
    seL4_ARM_Page_Map(31, 3, 0x10001000, seL4_ReadWrite, seL4_ARM_ExecuteNever);
    expect_call(31, ARMPageMap, 1, 3);
    cr_assert(fk.mr[0] == 0x10001000 && fk.mr[1] == 0x3 && fk.mr[2] == 4 && KCAP(0) == 3);
    seL4_ARM_Page_Unmap(31);
    expect_call(31, ARMPageUnmap, 0, 0);
    seL4_ARM_ASIDControl_MakePool(5, 50, 2, 51, 32);
    expect_call(5, ARMASIDControlMakePool, 2, 2);
    cr_assert(fk.mr[0] == 51 && fk.mr[1] == 32 && KCAP(0) == 50 && KCAP(1) == 2);
    seL4_ARM_ASIDPool_Assign(6, 3);
    expect_call(6, ARMASIDPoolAssign, 1, 0);
    cr_assert_eq(KCAP(0), 3);
}

Test(stubs, arm_cache_operations)
{
    seL4_ARM_PageDirectory_Clean_Data(3, 0x1000, 0x2000);
    expect_call(3, ARMPDClean_Data, 0, 2);
    cr_assert(fk.mr[0] == 0x1000 && fk.mr[1] == 0x2000);
    seL4_ARM_PageDirectory_Invalidate_Data(3, 0, 64);
    expect_call(3, ARMPDInvalidate_Data, 0, 2);
    seL4_ARM_PageDirectory_CleanInvalidate_Data(3, 0, 64);
    expect_call(3, ARMPDCleanInvalidate_Data, 0, 2);
    seL4_ARM_PageDirectory_Unify_Instruction(3, 0, 64);
    expect_call(3, ARMPDUnify_Instruction, 0, 2);
    seL4_ARM_Page_Clean_Data(31, 0, 32);
    expect_call(31, ARMPageClean_Data, 0, 2);
    seL4_ARM_Page_Invalidate_Data(31, 0, 32);
    expect_call(31, ARMPageInvalidate_Data, 0, 2);
    seL4_ARM_Page_CleanInvalidate_Data(31, 0, 32);
    expect_call(31, ARMPageCleanInvalidate_Data, 0, 2);
    seL4_ARM_Page_Unify_Instruction(31, 4, 32);
    expect_call(31, ARMPageUnify_Instruction, 0, 2);
    cr_assert(fk.mr[0] == 4 && fk.mr[1] == 32);
}

Test(stubs, page_get_address)
{
    fk.out_mr[0] = 0x80123000;
    seL4_ARM_Page_GetAddress_t ga = seL4_ARM_Page_GetAddress(31);
    expect_call(31, ARMPageGetAddress, 0, 0);
    cr_assert_eq(ga.error, seL4_NoError);
    cr_assert_eq(ga.paddr, 0x80123000);
    fk.out_r1 = info_word(seL4_IllegalOperation, 0, 0, 0);
    ga = seL4_ARM_Page_GetAddress(31);
    cr_assert_eq(ga.error, seL4_IllegalOperation);
}

Test(stubs, page_map_failed_lookup_level)
{
    fk.out_r1 = info_word(seL4_FailedLookup, 0, 0, 3);
    fk.out_mr[0] = 0;
    fk.out_mr[1] = seL4_MissingCapability;
    fk.out_mr[2] = SEL4_MAPPING_LOOKUP_NO_PT;
    cr_assert_eq(seL4_ARM_Page_Map(31, 3, 0x20000000, seL4_ReadWrite, seL4_ARM_Default_VMAttributes),
                 seL4_FailedLookup);
    cr_assert_eq(seL4_MappingFailedLookupLevel(), 20);
}

/*
 * sel4/syscalls.h — the system-call wrappers of spec §3.3-3.4 (Send, Call, Recv,
 * ReplyRecv, Yield, Signal/Wait/Poll, WithMRs variants, Debug calls), built on
 * seven sel4_arch_sys_* primitives that hold libsel4's only inline asm.
 * Partners: syscall.h (numbers), messageinfo.h, ipcbuffer.h, invocations.h.
 */
#ifndef SEL4_SYSCALLS_H
#define SEL4_SYSCALLS_H

/*
 * Register ABI (AArch32, ARM state, `svc #0`):
 *   r0 dest/src cptr in, badge out | r1 message info in/out | r2-r5 MR0-MR3
 *   in/out | r7 syscall number. Everything else is preserved by the kernel, so
 *   the asm below names only the registers each call really uses: inputs-only for
 *   Send/NBSend/Reply/Signal/Yield, r0-r5 outputs for Call/Recv/ReplyRecv.
 *   "memory" is clobbered on every call: the kernel reads MRs 4+ and caps from
 *   the IPC buffer and writes them on receive, and a syscall must act as a
 *   compiler barrier for memory shared with other threads.
 *
 * Host unit tests: with a non-ARM compiler define SEL4_HOST_SYSCALL_HOOKS and
 * link definitions of the seven primitives (declared below) — the wrappers and
 * all invocation stubs then run unchanged against a fake kernel.
 */

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/syscall.h>
#include <sel4/messageinfo.h>
#include <sel4/ipcbuffer.h>

/* ======================================================================
 * Layer 1: primitives. Inputs are plain words; outputs go through pointers
 * (which the compiler removes after inlining).
 * ====================================================================== */

#if defined(__arm__) && !defined(SEL4_HOST_SYSCALL_HOOKS)

#if defined(__thumb__)
/* In Thumb state r7 is the frame pointer and cannot carry the syscall number. */
#error "libsel4: compile user code in ARM state (-marm); Numbat's ABI is ARM-state only"
#endif

/* Send / NBSend: r0 dest, r1 info, r2-r5 MR0-3, r7 number; nothing comes back. */
LIBSEL4_INLINE_FUNC void
sel4_arch_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                   seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word r0 __asm__("r0") = dest;
    register seL4_Word r1 __asm__("r1") = info;
    register seL4_Word r2 __asm__("r2") = mr0;
    register seL4_Word r3 __asm__("r3") = mr1;
    register seL4_Word r4 __asm__("r4") = mr2;
    register seL4_Word r5 __asm__("r5") = mr3;
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : /* no outputs */
                     : "r"(r0), "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
                     : "memory");
}

/* Reply: like send but r0 is not an input (the kernel ignores it). */
LIBSEL4_INLINE_FUNC void
sel4_arch_sys_reply(seL4_Word sys, seL4_Word info, seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word r1 __asm__("r1") = info;
    register seL4_Word r2 __asm__("r2") = mr0;
    register seL4_Word r3 __asm__("r3") = mr1;
    register seL4_Word r4 __asm__("r4") = mr2;
    register seL4_Word r5 __asm__("r5") = mr3;
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : /* no outputs */
                     : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
                     : "memory");
}

/* Signal: a send whose info says length 0, so r2-r5 are not loaded at all. */
LIBSEL4_INLINE_FUNC void sel4_arch_sys_send_null(seL4_Word sys, seL4_Word dest, seL4_Word info)
{
    register seL4_Word r0 __asm__("r0") = dest;
    register seL4_Word r1 __asm__("r1") = info;
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : /* no outputs */
                     : "r"(r0), "r"(r1), "r"(r7)
                     : "memory");
}

/*
 * Recv / NBRecv: r0 src in; r0 badge, r1 info, r2-r5 MR0-3 out. r1 is loaded
 * with 0 because NBRecv with nothing pending leaves r1 untouched: the returned
 * info is then a predictable all-zero word instead of stale register contents.
 */
LIBSEL4_INLINE_FUNC void
sel4_arch_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge, seL4_Word *out_info,
                   seL4_Word *out_mr0, seL4_Word *out_mr1, seL4_Word *out_mr2, seL4_Word *out_mr3)
{
    register seL4_Word r0 __asm__("r0") = src;
    register seL4_Word r1 __asm__("r1") = 0;
    register seL4_Word r2 __asm__("r2");
    register seL4_Word r3 __asm__("r3");
    register seL4_Word r4 __asm__("r4");
    register seL4_Word r5 __asm__("r5");
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r0), "+r"(r1), "=r"(r2), "=r"(r3), "=r"(r4), "=r"(r5)
                     : "r"(r7)
                     : "memory");
    *out_badge = r0;
    *out_info = r1;
    *out_mr0 = r2;
    *out_mr1 = r3;
    *out_mr2 = r4;
    *out_mr3 = r5;
}

/* Call / ReplyRecv: every one of r0-r5 is both sent and received. */
LIBSEL4_INLINE_FUNC void
sel4_arch_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge, seL4_Word info, seL4_Word *out_info,
                        seL4_Word *in_out_mr0, seL4_Word *in_out_mr1, seL4_Word *in_out_mr2,
                        seL4_Word *in_out_mr3)
{
    /* Load the MRs first so nothing touches memory once r0-r7 are claimed. */
    seL4_Word mr0 = *in_out_mr0, mr1 = *in_out_mr1, mr2 = *in_out_mr2, mr3 = *in_out_mr3;
    register seL4_Word r0 __asm__("r0") = dest;
    register seL4_Word r1 __asm__("r1") = info;
    register seL4_Word r2 __asm__("r2") = mr0;
    register seL4_Word r3 __asm__("r3") = mr1;
    register seL4_Word r4 __asm__("r4") = mr2;
    register seL4_Word r5 __asm__("r5") = mr3;
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5)
                     : "r"(r7)
                     : "memory");
    *out_badge = r0;
    *out_info = r1;
    *in_out_mr0 = r2;
    *in_out_mr1 = r3;
    *in_out_mr2 = r4;
    *in_out_mr3 = r5;
}

/* Yield: only r7; the kernel preserves every register. */
LIBSEL4_INLINE_FUNC void sel4_arch_sys_null(seL4_Word sys)
{
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0" : /* no outputs */ : "r"(r7) : "memory");
}

/* Debug calls: one argument in r0, one result back in r0 (CapIdentify's tag). */
LIBSEL4_INLINE_FUNC seL4_Word sel4_arch_sys_debug(seL4_Word sys, seL4_Word arg)
{
    register seL4_Word r0 __asm__("r0") = arg;
    register seL4_Word r7 __asm__("r7") = sys;
    __asm__ volatile("svc #0" : "+r"(r0) : "r"(r7) : "memory");
    return r0;
}

#elif defined(SEL4_HOST_SYSCALL_HOOKS)

/* Host build: the test program supplies these (same contracts as above). */
void sel4_arch_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                        seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3);
void sel4_arch_sys_reply(seL4_Word sys, seL4_Word info, seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3);
void sel4_arch_sys_send_null(seL4_Word sys, seL4_Word dest, seL4_Word info);
void sel4_arch_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge, seL4_Word *out_info,
                        seL4_Word *out_mr0, seL4_Word *out_mr1, seL4_Word *out_mr2, seL4_Word *out_mr3);
void sel4_arch_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge, seL4_Word info,
                             seL4_Word *out_info, seL4_Word *in_out_mr0, seL4_Word *in_out_mr1,
                             seL4_Word *in_out_mr2, seL4_Word *in_out_mr3);
void sel4_arch_sys_null(seL4_Word sys);
seL4_Word sel4_arch_sys_debug(seL4_Word sys, seL4_Word arg);

#else
#error "sel4/syscalls.h needs an AArch32 compiler (or SEL4_HOST_SYSCALL_HOOKS for host tests); the pure headers (messageinfo.h, caprights.h, faults.h, bootinfo.h, ...) can be included on their own"
#endif

/* ======================================================================
 * Layer 2: the seL4 wrappers.
 * ====================================================================== */

/* A WithMRs input counts only if the pointer is set and the length covers it. */
LIBSEL4_INLINE_FUNC seL4_Word sel4_mr_in(const seL4_Word *mr, seL4_MessageInfo_t info, seL4_Word index)
{
    return (mr != seL4_Null && seL4_MessageInfo_get_length(info) > index) ? *mr : 0;
}

LIBSEL4_INLINE_FUNC void sel4_mr_out(seL4_Word *mr, seL4_Word value)
{
    if (mr != seL4_Null) {
        *mr = value;
    }
}

/* --- Send family ----------------------------------------------------------------- */

LIBSEL4_INLINE_FUNC void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    sel4_arch_sys_send((seL4_Word)seL4_SysSend, dest, msgInfo.words[0],
                       seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_SendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                          seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    sel4_arch_sys_send((seL4_Word)seL4_SysSend, dest, msgInfo.words[0],
                       sel4_mr_in(mr0, msgInfo, 0), sel4_mr_in(mr1, msgInfo, 1),
                       sel4_mr_in(mr2, msgInfo, 2), sel4_mr_in(mr3, msgInfo, 3));
}

LIBSEL4_INLINE_FUNC void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    sel4_arch_sys_send((seL4_Word)seL4_SysNBSend, dest, msgInfo.words[0],
                       seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_NBSendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                            seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    sel4_arch_sys_send((seL4_Word)seL4_SysNBSend, dest, msgInfo.words[0],
                       sel4_mr_in(mr0, msgInfo, 0), sel4_mr_in(mr1, msgInfo, 1),
                       sel4_mr_in(mr2, msgInfo, 2), sel4_mr_in(mr3, msgInfo, 3));
}

LIBSEL4_INLINE_FUNC void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
    sel4_arch_sys_reply((seL4_Word)seL4_SysReply, msgInfo.words[0],
                        seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_ReplyWithMRs(seL4_MessageInfo_t msgInfo,
                                           seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    sel4_arch_sys_reply((seL4_Word)seL4_SysReply, msgInfo.words[0],
                        sel4_mr_in(mr0, msgInfo, 0), sel4_mr_in(mr1, msgInfo, 1),
                        sel4_mr_in(mr2, msgInfo, 2), sel4_mr_in(mr3, msgInfo, 3));
}

/* Meant for notifications: an empty message, so no MR is even loaded. */
LIBSEL4_INLINE_FUNC void seL4_Signal(seL4_CPtr dest)
{
    sel4_arch_sys_send_null((seL4_Word)seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 0).words[0]);
}

/* --- Receive family ---------------------------------------------------------------- */

/* Shared body of Recv and NBRecv: spill r2-r5 to MR0-3 so GetMR works uniformly. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t sel4_recv_common(seL4_Word sys, seL4_CPtr src, seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, mr0, mr1, mr2, mr3;
    sel4_arch_sys_recv(sys, src, &badge, &info.words[0], &mr0, &mr1, &mr2, &mr3);
    seL4_SetMR(0, mr0);
    seL4_SetMR(1, mr1);
    seL4_SetMR(2, mr2);
    seL4_SetMR(3, mr3);
    sel4_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
{
    return sel4_recv_common((seL4_Word)seL4_SysRecv, src, sender);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,
                                                        seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, m0, m1, m2, m3;
    sel4_arch_sys_recv((seL4_Word)seL4_SysRecv, src, &badge, &info.words[0], &m0, &m1, &m2, &m3);
    sel4_mr_out(mr0, m0);
    sel4_mr_out(mr1, m1);
    sel4_mr_out(mr2, m2);
    sel4_mr_out(mr3, m3);
    sel4_mr_out(sender, badge);
    return info;
}

/* Nothing pending: badge 0 and an all-zero info (see sel4_arch_sys_recv). */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
{
    return sel4_recv_common((seL4_Word)seL4_SysNBRecv, src, sender);
}

/* Non-MCS: Wait is Recv with the info dropped; Poll is NBRecv. */
LIBSEL4_INLINE_FUNC void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    (void)seL4_Recv(src, sender);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBRecv(src, sender);
}

/* --- Call and ReplyRecv ------------------------------------------------------------- */

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr0 = seL4_GetMR(0), mr1 = seL4_GetMR(1), mr2 = seL4_GetMR(2), mr3 = seL4_GetMR(3);
    sel4_arch_sys_send_recv((seL4_Word)seL4_SysCall, dest, &badge, msgInfo.words[0], &info.words[0],
                            &mr0, &mr1, &mr2, &mr3);
    seL4_SetMR(0, mr0);
    seL4_SetMR(1, mr1);
    seL4_SetMR(2, mr2);
    seL4_SetMR(3, mr3);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                                        seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,
                                                        seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word m0 = sel4_mr_in(mr0, msgInfo, 0), m1 = sel4_mr_in(mr1, msgInfo, 1);
    seL4_Word m2 = sel4_mr_in(mr2, msgInfo, 2), m3 = sel4_mr_in(mr3, msgInfo, 3);
    sel4_arch_sys_send_recv((seL4_Word)seL4_SysCall, dest, &badge, msgInfo.words[0], &info.words[0],
                            &m0, &m1, &m2, &m3);
    sel4_mr_out(mr0, m0);
    sel4_mr_out(mr1, m1);
    sel4_mr_out(mr2, m2);
    sel4_mr_out(mr3, m3);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                      seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word mr0 = seL4_GetMR(0), mr1 = seL4_GetMR(1), mr2 = seL4_GetMR(2), mr3 = seL4_GetMR(3);
    sel4_arch_sys_send_recv((seL4_Word)seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0],
                            &mr0, &mr1, &mr2, &mr3);
    seL4_SetMR(0, mr0);
    seL4_SetMR(1, mr1);
    seL4_SetMR(2, mr2);
    seL4_SetMR(3, mr3);
    sel4_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                             seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
                                                             seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word m0 = sel4_mr_in(mr0, msgInfo, 0), m1 = sel4_mr_in(mr1, msgInfo, 1);
    seL4_Word m2 = sel4_mr_in(mr2, msgInfo, 2), m3 = sel4_mr_in(mr3, msgInfo, 3);
    sel4_arch_sys_send_recv((seL4_Word)seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0],
                            &m0, &m1, &m2, &m3);
    sel4_mr_out(mr0, m0);
    sel4_mr_out(mr1, m1);
    sel4_mr_out(mr2, m2);
    sel4_mr_out(mr3, m3);
    sel4_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC void seL4_Yield(void)
{
    sel4_arch_sys_null((seL4_Word)seL4_SysYield);
}

/* --- Debug calls (spec §3.4) ----------------------------------------------------------- */

#if defined(CONFIG_PRINTING)
LIBSEL4_INLINE_FUNC void seL4_DebugPutChar(char c)
{
    /* Through seL4_Uint8 so a negative char does not sign-extend into r0. */
    (void)sel4_arch_sys_debug((seL4_Word)seL4_SysDebugPutChar, (seL4_Word)(seL4_Uint8)c);
}

LIBSEL4_INLINE_FUNC void seL4_DebugPutString(char *str)
{
    for (char *p = str; *p != '\0'; p++) {
        seL4_DebugPutChar(*p);
    }
}

LIBSEL4_INLINE_FUNC void seL4_DebugDumpScheduler(void)
{
    (void)sel4_arch_sys_debug((seL4_Word)seL4_SysDebugDumpScheduler, 0);
}
#endif /* CONFIG_PRINTING */

#if defined(CONFIG_DEBUG_BUILD)
LIBSEL4_INLINE_FUNC void seL4_DebugHalt(void)
{
    (void)sel4_arch_sys_debug((seL4_Word)seL4_SysDebugHalt, 0);
}

LIBSEL4_INLINE_FUNC void seL4_DebugSnapshot(void)
{
    (void)sel4_arch_sys_debug((seL4_Word)seL4_SysDebugSnapshot, 0);
}

/* Kernel's cap-type tag for the cap at `cap` (0 if empty/unresolvable; spec §3.4). */
LIBSEL4_INLINE_FUNC seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
    return (seL4_Uint32)sel4_arch_sys_debug((seL4_Word)seL4_SysDebugCapIdentify, cap);
}

/*
 * The name travels as a NUL-terminated string starting at msg[0]. seL4 uses
 * strcpy (libsel4 has no libc here), so this copies by hand and, rather than
 * overrunning the buffer, truncates names longer than the message area allows.
 */
LIBSEL4_INLINE_FUNC void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
    char *dst = (char *)seL4_GetIPCBuffer()->msg;
    const unsigned max_chars = seL4_MsgMaxLength * sizeof(seL4_Word) - 1u;
    unsigned i = 0;
    for (; i < max_chars && name[i] != '\0'; i++) {
        dst[i] = name[i];
    }
    dst[i] = '\0';
    (void)sel4_arch_sys_debug((seL4_Word)seL4_SysDebugNameThread, tcb);
}
#endif /* CONFIG_DEBUG_BUILD */

#endif /* SEL4_SYSCALLS_H */

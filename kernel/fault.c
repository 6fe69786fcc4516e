/*
 * kernel/fault.c - what happens when a user thread faults (spec 9). The fault is
 * sent as a Call to the thread's fault endpoint, in seL4's message layouts, and
 * the handler's reply restarts the thread with the registers it set (or leaves it
 * stopped). With no usable fault endpoint the thread becomes inactive, and Numbat
 * says why on the console. Partners: fault.h, endpoint.c (ep_send_fault), reply.c,
 * arch/arm/entry.c, syscall.c.
 */
#include "fault.h"

#include <sel4/faults.h>

#include "arch.h"
#include "endpoint.h"
#include "sched.h"
#include "trace.h"

static const char *fault_name(fault_kind_t kind)
{
    switch (kind) {
    case FAULT_CAP: return "capability fault";
    case FAULT_VM_DATA: return "data fault";
    case FAULT_VM_INSTRUCTION: return "instruction fault";
    case FAULT_USER_EXCEPTION: return "undefined instruction";
    case FAULT_UNKNOWN_SYSCALL: return "unknown system call";
    }
    return "fault";
}

static const char *lookup_name(uint32_t type)
{
    static const char *names[] = {"no failure", "invalid root", "missing capability",
                                  "depth mismatch", "guard mismatch"};
    return type < 5 ? names[type] : "?";
}

static void report(const tcb_t *t, const fault_t *f)
{
    kprintf("numbat: thread '%s' stopped: %s", t->name, fault_name(f->kind));
    switch (f->kind) {
    case FAULT_VM_DATA:
    case FAULT_VM_INSTRUCTION:
        kprintf(" at address 0x%08x (FSR 0x%03x)", f->address, f->status);
        break;
    case FAULT_UNKNOWN_SYSCALL:
        kprintf(" %d", (int32_t)f->address);
        break;
    case FAULT_CAP:
        kprintf(" on cptr 0x%x (%s, %u bits left%s)", f->address, lookup_name(f->lookup.type),
                f->lookup.bits_left, f->status ? ", receiving" : "");
        break;
    case FAULT_USER_EXCEPTION:
        break;
    }
    kprintf(", pc 0x%08x, no fault handler\n", f->pc);
    arch_print_context(&t->context);
}

/* ---- fault messages (spec 9.2) ----------------------------------------------- */

static uint32_t fault_label(fault_kind_t kind)
{
    switch (kind) {
    case FAULT_CAP: return seL4_Fault_CapFault;
    case FAULT_UNKNOWN_SYSCALL: return seL4_Fault_UnknownSyscall;
    case FAULT_USER_EXCEPTION: return seL4_Fault_UserException;
    case FAULT_VM_DATA:
    case FAULT_VM_INSTRUCTION: return seL4_Fault_VMFault;
    }
    return seL4_Fault_NullFault;
}

/* A cap fault's words: length 4 to 7 with the lookup failure's details. */
static uint32_t cap_fault_words(const fault_t *f, uint32_t *w)
{
    w[seL4_CapFault_IP] = f->pc;
    w[seL4_CapFault_Addr] = f->address;
    w[seL4_CapFault_InRecvPhase] = f->status;
    w[seL4_CapFault_LookupFailureType] = f->lookup.type;
    w[seL4_CapFault_BitsLeft] = f->lookup.bits_left;
    w[seL4_CapFault_DepthMismatch_BitsFound] = f->lookup.bits_found;
    w[seL4_CapFault_GuardMismatch_BitsFound] = f->lookup.guard_size;
    switch (f->lookup.type) {
    case LOOKUP_MISSING_CAPABILITY: return seL4_CapFault_BitsLeft + 1;
    case LOOKUP_DEPTH_MISMATCH: return seL4_CapFault_DepthMismatch_BitsFound + 1;
    case LOOKUP_GUARD_MISMATCH: return seL4_CapFault_GuardMismatch_BitsFound + 1;
    default: return seL4_CapFault_LookupFailureType + 1;
    }
}

/* The message words of t's fault; returns the length. */
static uint32_t fault_words(tcb_t *t, const fault_t *f, uint32_t *w)
{
    switch (f->kind) {
    case FAULT_CAP: return cap_fault_words(f, w);
    case FAULT_UNKNOWN_SYSCALL:
        for (unsigned i = 0; i < ARCH_SYSCALL_FAULT_REGS; i++)
            w[i] = *arch_syscall_fault_reg(&t->context, i); /* FaultIP: the PC, at the svc */
        w[seL4_UnknownSyscall_Syscall] = f->address;
        return seL4_UnknownSyscall_Length;
    case FAULT_USER_EXCEPTION:
        w[seL4_UserException_FaultIP] = f->pc;
        w[seL4_UserException_SP] = arch_get_sp(&t->context);
        w[seL4_UserException_CPSR] = arch_get_cpsr(&t->context);
        w[seL4_UserException_Number] = 0; /* AArch32: always an undefined instruction */
        w[seL4_UserException_Code] = 0;
        return seL4_UserException_Length;
    case FAULT_VM_DATA:
    case FAULT_VM_INSTRUCTION:
        w[seL4_VMFault_IP] = f->pc;
        w[seL4_VMFault_Addr] = f->address;
        w[seL4_VMFault_PrefetchFault] = f->kind == FAULT_VM_INSTRUCTION;
        w[seL4_VMFault_FSR] = f->status;
        return seL4_VMFault_Length;
    }
    return 0;
}

void fault_transfer(tcb_t *faulter, tcb_t *receiver, uint32_t badge)
{
    uint32_t w[SEL4_FAULT_PAYLOAD_WORDS];
    uint32_t n = fault_words(faulter, &faulter->fault, w);
    seL4_IPCBuffer *to = thread_ipc_buffer(receiver, true);
    if (!to && n > ARCH_MSG_REGISTERS)
        n = ARCH_MSG_REGISTERS; /* without a buffer the rest is dropped */
    for (uint32_t i = 0; i < n; i++) {
        if (i < ARCH_MSG_REGISTERS)
            arch_set_mr(&receiver->context, i, w[i]);
        else
            to->msg[i] = w[i];
    }
    seL4_MessageInfo_t info = seL4_MessageInfo_new(fault_label(faulter->fault.kind), 0, 0, n);
    arch_set_msg_info(&receiver->context, info.words[0]);
    arch_set_badge_register(&receiver->context, badge);
}

/* Reply word i from the replier (0 past its message). */
static uint32_t reply_word(tcb_t *replier, const seL4_IPCBuffer *buf, uint32_t length, unsigned i)
{
    if (i >= length)
        return 0;
    if (i < ARCH_MSG_REGISTERS)
        return arch_get_mr(&replier->context, i);
    return buf ? buf->msg[i] : 0;
}

bool fault_reply(tcb_t *faulter, tcb_t *replier)
{
    seL4_MessageInfo_t info = {{arch_get_msg_info(&replier->context)}};
    uint32_t length = seL4_MessageInfo_get_length(info);
    const seL4_IPCBuffer *buf = thread_ipc_buffer(replier, false);
    arch_context_t *c = &faulter->context;
    switch (faulter->fault.kind) {
    case FAULT_UNKNOWN_SYSCALL:
        for (unsigned i = 0; i < ARCH_SYSCALL_FAULT_REGS && i < length; i++)
            *arch_syscall_fault_reg(c, i) = reply_word(replier, buf, length, i);
        break;
    case FAULT_USER_EXCEPTION:
        if (length > seL4_UserException_FaultIP)
            arch_set_pc(c, reply_word(replier, buf, length, seL4_UserException_FaultIP));
        if (length > seL4_UserException_SP)
            arch_set_sp(c, reply_word(replier, buf, length, seL4_UserException_SP));
        if (length > seL4_UserException_CPSR)
            arch_set_cpsr(c, reply_word(replier, buf, length, seL4_UserException_CPSR));
        break;
    default:
        return true; /* cap and VM faults: any reply restarts */
    }
    arch_sanitise_context(c);
    return seL4_MessageInfo_get_label(info) == 0;
}

/* The endpoint cap the thread's fault goes to, or NULL if there is no usable one:
 * an endpoint with Write and Grant or GrantReply (spec 9.1). */
static const cte_t *fault_endpoint(const tcb_t *t)
{
    cte_t *slot;
    lookup_fault_t lf;
    if (!cspace_lookup_slot(thread_cspace(t), t->fault_ep, &slot, &lf))
        return NULL;
    uint32_t rights = cap_ep_rights(slot->cap);
    if (cap_type(slot->cap) != CAP_ENDPOINT || !(rights & RIGHT_WRITE) ||
        !(rights & (RIGHT_GRANT | RIGHT_GRANT_REPLY)))
        return NULL;
    return slot;
}

NORETURN void handle_user_fault(const fault_t *fault)
{
    tcb_t *t = current_thread;
    const cte_t *ep = fault_endpoint(t);
    trace_fault(t, fault_label(fault->kind), fault->address, fault->pc);
    if (ep) {
        /* The thread waits with its PC at what faulted (a syscall fault: its svc),
         * where a restart resumes it and where ReadRegisters shows it. */
        t->fault = *fault;
        arch_set_pc(&t->context, fault->pc);
        ep_send_fault(t, ep->cap);
    } else {
        report(t, fault);
        thread_suspend(t);
    }
    schedule_and_exit();
}

/*
 * kernel/tcb.h - the TCB object's invocations (spec 8.3): registers, address
 * spaces and IPC buffer, priorities, suspend and resume, notification binding,
 * TLS base and flags. The thread itself is thread.h's. Partners: tcb.c,
 * object.c (dispatch), thread.h.
 */
#ifndef KERNEL_TCB_H
#define KERNEL_TCB_H

#include "invocation.h"

struct notification;

/* A checked TCB invocation, ready to perform. */
typedef struct tcb_op {
    uint32_t label;
    tcb_t *tcb;
    uint32_t flags;         /* Read/Write/CopyRegisters: MR0's flags */
    uint32_t count;         /* Read/WriteRegisters: words */
    tcb_t *source;          /* CopyRegisters */
    uint32_t mcp, priority; /* SetMCPriority, SetPriority, SetSchedParams */
    /* Configure, SetSpace, SetIPCBuffer: the new caps, derived, and their slots. */
    bool set_space, set_buffer;
    uint32_t fault_ep;
    cap_t cspace, vspace;
    cte_t *cspace_slot, *vspace_slot;
    uint32_t buffer;        /* user address of the IPC buffer, 0 for none */
    cap_t buffer_cap;
    cte_t *buffer_slot;
    struct notification *ntfn; /* BindNotification */
    uint32_t word, mask;    /* SetTLSBase: the value; SetFlags: set, clear */
} tcb_op_t;

seL4_Error decode_tcb(invocation_t *inv, tcb_op_t *op);
/* Preempted only while deleting the caps that Configure/SetSpace/SetIPCBuffer replace. */
invoke_status_t invoke_tcb(invocation_t *inv, const tcb_op_t *op);

#endif

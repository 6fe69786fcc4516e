/*
 * kernel/trace.c - building trace events (trace/format.h) and handing them to the
 * architecture's trace output. Addresses are sent as they are: kernel addresses
 * for objects and slots, physical ones for untyped memory and frames.
 * Partners: trace.h, arch.h (arch_trace_enabled, arch_trace_emit).
 */
#include "trace.h"

#include <sel4/messageinfo.h>

#include "arch.h"
#include "cdt.h"
#include "thread.h"

uint32_t trace_cause;
bool trace_enabled;

void trace_init(void)
{
    trace_enabled = arch_trace_enabled();
}

static uint32_t addr(const void *p)
{
    return (uint32_t)(uintptr_t)p;
}

/* Emits header + payload; the payload is at most TRACE_MAX_WORDS - 1 words. */
static void emit(enum trace_event type, const uint32_t *payload, unsigned n)
{
    uint32_t words[TRACE_MAX_WORDS];
    kassert(n < TRACE_MAX_WORDS);
    words[0] = TRACE_HEADER(type, n + 1);
    for (unsigned i = 0; i < n; i++)
        words[i + 1] = payload[i];
    arch_trace_emit(words, n + 1);
}

/* Nothing is computed unless someone listens: the check comes first. */
#define EMIT(type, ...)                                                \
    do {                                                               \
        if (!trace_enabled)                                            \
            break;                                                     \
        const uint32_t payload_[] = {__VA_ARGS__};                     \
        emit(type, payload_, sizeof(payload_) / sizeof(uint32_t));     \
    } while (0)

void trace_boot_emit(uint32_t ram_base, uint32_t ram_size)
{
    EMIT(TRACE_BOOT, TRACE_VERSION, arch_trace_platform(), ram_base, ram_size);
}

void trace_object_create_emit(uint32_t type, uint32_t address, uint32_t size_bits, const cte_t *ut)
{
    EMIT(TRACE_OBJECT_CREATE, type, address, size_bits, addr(ut));
}

void trace_object_delete_emit(cap_t cap)
{
    EMIT(TRACE_OBJECT_DELETE, cap_type(cap), cap_addr(cap));
}

static uint32_t flags(const cte_t *s)
{
    return (mdb_revocable(s) ? TRACE_CAPF_REVOCABLE : 0) |
           (mdb_first_badged(s) ? TRACE_CAPF_FIRST_BADGED : 0);
}

/*
 * The CDT parent of a new cap: the nearest earlier cap in CDT order that owns it.
 * A copy of a non-original cap is a sibling of its source, so this walks back
 * past siblings. Only done while someone records the trace.
 */
static const cte_t *cdt_parent(const cte_t *slot)
{
    const cte_t *p = mdb_prev(slot);
    while (p && !cdt_is_parent(p, slot))
        p = mdb_prev(p);
    return p;
}

void trace_cap_insert_emit(const cte_t *slot, const cte_t *source)
{
    (void)source;
    EMIT(TRACE_CAP_INSERT, addr(slot), slot->cap.words[0], slot->cap.words[1],
         addr(cdt_parent(slot)), flags(slot), trace_cause);
}

void trace_cap_move_emit(const cte_t *from, const cte_t *to)
{
    EMIT(TRACE_CAP_MOVE, addr(from), addr(to), to->cap.words[0], to->cap.words[1], trace_cause);
}

void trace_cap_swap_emit(const cte_t *a, const cte_t *b)
{
    EMIT(TRACE_CAP_SWAP, addr(a), addr(b), a->cap.words[0], a->cap.words[1], b->cap.words[0],
         b->cap.words[1]);
}

void trace_cap_update_emit(const cte_t *slot)
{
    EMIT(TRACE_CAP_UPDATE, addr(slot), slot->cap.words[0], slot->cap.words[1]);
}

void trace_cap_delete_emit(const cte_t *slot, cap_t old)
{
    EMIT(TRACE_CAP_DELETE, addr(slot), old.words[0], old.words[1], trace_cause);
}

void trace_map_emit(const void *pd, uint32_t vaddr, uint32_t paddr, uint32_t size_bits,
                    uint32_t access, const cte_t *slot)
{
    EMIT(TRACE_MAP, addr(pd), vaddr, paddr, size_bits, access, addr(slot));
}

void trace_unmap_emit(const void *pd, uint32_t vaddr, uint32_t size_bits, const cte_t *slot)
{
    EMIT(TRACE_UNMAP, addr(pd), vaddr, size_bits, addr(slot));
}

void trace_revoke_emit(const cte_t *slot, bool begin)
{
    EMIT(begin ? TRACE_REVOKE_BEGIN : TRACE_REVOKE_END, addr(slot));
}

static uint32_t trace_state(thread_state_t s)
{
    switch (s) {
    case THREAD_INACTIVE: return TRACE_THREAD_INACTIVE;
    case THREAD_RUNNING: return TRACE_THREAD_RUNNABLE;
    case THREAD_BLOCKED_ON_RECV: return TRACE_THREAD_BLOCKED_ON_RECV;
    case THREAD_BLOCKED_ON_SEND: return TRACE_THREAD_BLOCKED_ON_SEND;
    case THREAD_BLOCKED_ON_REPLY: return TRACE_THREAD_BLOCKED_ON_REPLY;
    case THREAD_BLOCKED_ON_NOTIFICATION: return TRACE_THREAD_BLOCKED_ON_NOTIFICATION;
    }
    return TRACE_THREAD_BLOCKED;
}

void trace_thread_state_emit(const tcb_t *t)
{
    EMIT(TRACE_THREAD_STATE, addr(t), trace_state(t->state));
    if (thread_state_blocked(t->state))
        EMIT(TRACE_THREAD_BLOCKED_EVENT, addr(t), trace_state(t->state), t->ipc.object, t->ipc.badge);
}

void trace_thread_priority_emit(const tcb_t *t)
{
    EMIT(TRACE_THREAD_PRIORITY, addr(t), t->priority, t->mcp);
}

void trace_thread_name_emit(const tcb_t *t)
{
    uint32_t w[4] = {0};
    kmemcpy(w, t->name, sizeof(w) < sizeof(t->name) ? sizeof(w) : sizeof(t->name));
    EMIT(TRACE_THREAD_NAME, addr(t), w[0], w[1], w[2], w[3]);
}

void trace_switch_emit(const tcb_t *from, const tcb_t *to)
{
    EMIT(TRACE_SWITCH, addr(from), addr(to));
}

/* The message info the receiver got (length, label, caps), from its register. */
static seL4_MessageInfo_t received_info(const tcb_t *t)
{
    return (seL4_MessageInfo_t){{arch_get_msg_info(&t->context)}};
}

static uint32_t caps_word(seL4_MessageInfo_t info)
{
    return TRACE_IPC_CAPS(seL4_MessageInfo_get_extraCaps(info),
                          seL4_MessageInfo_get_capsUnwrapped(info));
}

void trace_ipc_emit(const tcb_t *sender, const tcb_t *receiver, uint32_t ep, uint32_t badge)
{
    seL4_MessageInfo_t info = received_info(receiver);
    uint32_t length = seL4_MessageInfo_get_length(info), label = seL4_MessageInfo_get_label(info);
    uint32_t caps = caps_word(info);
    EMIT(TRACE_IPC_SEND, ep, addr(sender), badge, length, label, caps);
    EMIT(TRACE_IPC_RECV, ep, addr(receiver), badge, length, label, caps);
}

void trace_reply_emit(const tcb_t *replier, const tcb_t *caller)
{
    /* A fault handler's reply sets the faulter's registers and delivers no message:
     * its words are what the handler sent (its own message info). */
    seL4_MessageInfo_t info = received_info(caller->ipc.is_fault ? replier : caller);
    EMIT(TRACE_IPC_REPLY, addr(replier), addr(caller), seL4_MessageInfo_get_length(info),
         seL4_MessageInfo_get_label(info), caps_word(info));
}

void trace_fault_emit(const tcb_t *t, uint32_t type, uint32_t address, uint32_t pc)
{
    EMIT(TRACE_FAULT, addr(t), type, address, pc);
}

void trace_signal_emit(const void *ntfn, uint32_t badge, const tcb_t *woken)
{
    EMIT(TRACE_SIGNAL, addr(ntfn), badge, addr(woken));
}

void trace_irq_emit(uint32_t irq)
{
    EMIT(TRACE_IRQ, irq);
}

void trace_kernel_entry_emit(uint32_t cause, uint32_t detail)
{
    const tcb_t *t = current_thread;
    EMIT(TRACE_KERNEL_ENTRY, cause, detail, addr(t), t ? arch_get_pc(&t->context) : 0);
}

void trace_invocation_emit(const cte_t *slot, uint32_t label, uint32_t error)
{
    EMIT(TRACE_INVOCATION, addr(slot), slot->cap.words[0], label, error);
}

void trace_kernel_exit_emit(const tcb_t *next)
{
    EMIT(TRACE_KERNEL_EXIT, addr(next));
}

/*
 * kernel/trace.h - the kernel's side of the trace stream (trace/format.h): one
 * function per event. Emitting costs nothing unless someone listens (on arm-sim
 * the trace port says whether numbat-sim records; on vexpress-a15 events always
 * go out on UART1). Partners: trace.c, arch.h (arch_trace_*).
 */
#ifndef KERNEL_TRACE_H
#define KERNEL_TRACE_H

#include "../trace/format.h"
#include "slot.h"

struct tcb;

/* Set by each operation so CDT changes say why they happened. */
extern uint32_t trace_cause;
/* Whether events are emitted at all; decided once at boot by trace_init(). */
extern bool trace_enabled;
void trace_init(void);

/*
 * Each event has an emitting function (trace.c, its name ending in _emit) and an
 * inline wrapper, so that an event nobody records costs one flag test at the call
 * site and no function call.
 */
#define TRACE_EVENT(name, params, args)       \
    void name##_emit params;                  \
    static inline void name params            \
    {                                         \
        if (trace_enabled)                    \
            name##_emit args;                 \
    }

TRACE_EVENT(trace_boot, (uint32_t ram_base, uint32_t ram_size), (ram_base, ram_size))
TRACE_EVENT(trace_object_create,
            (uint32_t seL4_type, uint32_t addr, uint32_t size_bits, const cte_t *untyped),
            (seL4_type, addr, size_bits, untyped))
TRACE_EVENT(trace_object_delete, (cap_t cap), (cap))
TRACE_EVENT(trace_cap_insert, (const cte_t *slot, const cte_t *source), (slot, source))
TRACE_EVENT(trace_cap_move, (const cte_t *from, const cte_t *to), (from, to))
TRACE_EVENT(trace_cap_swap, (const cte_t *a, const cte_t *b), (a, b))
TRACE_EVENT(trace_cap_update, (const cte_t *slot), (slot))
TRACE_EVENT(trace_cap_delete, (const cte_t *slot, cap_t old), (slot, old))
TRACE_EVENT(trace_revoke, (const cte_t *slot, bool begin), (slot, begin))
TRACE_EVENT(trace_thread_state, (const struct tcb *t), (t))
TRACE_EVENT(trace_thread_priority, (const struct tcb *t), (t))
TRACE_EVENT(trace_thread_name, (const struct tcb *t), (t))
TRACE_EVENT(trace_switch, (const struct tcb *from, const struct tcb *to), (from, to))
/* A message moved from sender to receiver through the endpoint at `ep` (emitted
 * after the transfer, as an ipc-send and an ipc-recv event). */
TRACE_EVENT(trace_ipc,
            (const struct tcb *sender, const struct tcb *receiver, uint32_t ep, uint32_t badge),
            (sender, receiver, ep, badge))
TRACE_EVENT(trace_reply, (const struct tcb *replier, const struct tcb *caller), (replier, caller))
/* A thread faulted: seL4 fault type, address, PC. */
TRACE_EVENT(trace_fault, (const struct tcb *t, uint32_t type, uint32_t address, uint32_t pc),
            (t, type, address, pc))
/* A signal on the notification; `woken` is the thread it woke, or NULL. */
TRACE_EVENT(trace_signal, (const void *ntfn, uint32_t badge, const struct tcb *woken),
            (ntfn, badge, woken))
/* A frame (size bits 12-24) or page table (10) entered the page directory `pd` at
 * vaddr through the cap in `slot` (NULL: made at boot); access is TRACE_MAP_*. */
TRACE_EVENT(trace_map,
            (const void *pd, uint32_t vaddr, uint32_t paddr, uint32_t size_bits, uint32_t access,
             const cte_t *slot),
            (pd, vaddr, paddr, size_bits, access, slot))
/* A mapping left `pd` (slot NULL: its cap is not known). */
TRACE_EVENT(trace_unmap, (const void *pd, uint32_t vaddr, uint32_t size_bits, const cte_t *slot),
            (pd, vaddr, size_bits, slot))
/* A device interrupt reached the kernel (before it signals the handler's notification). */
TRACE_EVENT(trace_irq, (uint32_t irq), (irq))
TRACE_EVENT(trace_kernel_entry, (uint32_t cause, uint32_t detail), (cause, detail))
/* An object invoked through the cap in `slot` with message `label`; decode said `error`. */
TRACE_EVENT(trace_invocation, (const cte_t *slot, uint32_t label, uint32_t error),
            (slot, label, error))
TRACE_EVENT(trace_kernel_exit, (const struct tcb *next), (next))

#endif

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

void trace_boot(uint32_t ram_base, uint32_t ram_size);
void trace_object_create(uint32_t seL4_type, uint32_t addr, uint32_t size_bits, const cte_t *untyped);
void trace_object_delete(cap_t cap);
void trace_cap_insert(const cte_t *slot, const cte_t *source);
void trace_cap_move(const cte_t *from, const cte_t *to);
void trace_cap_swap(const cte_t *a, const cte_t *b);
void trace_cap_update(const cte_t *slot);
void trace_cap_delete(const cte_t *slot, cap_t old);
void trace_revoke(const cte_t *slot, bool begin);
void trace_thread_state(const struct tcb *t);
void trace_thread_priority(const struct tcb *t);
void trace_thread_name(const struct tcb *t);
void trace_switch(const struct tcb *from, const struct tcb *to);
/* A message moved from sender to receiver through the endpoint at `ep` (emitted
 * after the transfer, as an ipc-send and an ipc-recv event). */
void trace_ipc(const struct tcb *sender, const struct tcb *receiver, uint32_t ep, uint32_t badge);
void trace_reply(const struct tcb *replier, const struct tcb *caller);
/* A thread faulted: seL4 fault type, address, PC. */
void trace_fault(const struct tcb *t, uint32_t type, uint32_t address, uint32_t pc);
/* A signal on the notification; `woken` is the thread it woke, or NULL. */
void trace_signal(const void *ntfn, uint32_t badge, const struct tcb *woken);
void trace_kernel_entry(uint32_t cause, uint32_t detail);
void trace_kernel_exit(const struct tcb *next);

#endif

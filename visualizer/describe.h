/*
 * visualizer/describe.h - words for what the model holds: a cap's label, the CNode or
 * TCB slot it sits in, causes, kernel entries, sizes. Computed only from the
 * public model API (model.h), the trace format (docs/trace-format.md) and the
 * user API's object sizes (libsel4's sel4/constants.h).
 * Partners: describe.c, render*.c, tests/sim/test_vis_render.c.
 */
#ifndef VIS_DESCRIBE_H
#define VIS_DESCRIBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sel4/constants.h>

#include "model.h"

/* Kernel slots are 16 bytes (two cap words, two CDT words); a TCB holds three. */
#define VIS_SLOT_BYTES (1u << seL4_SlotBits)
#define VIS_TCB_SLOTS 3u

/* "endpoint e0060000", "untyped 80060000 128K", "thread e0050000 rootserver". */
void vis_cap_label(const vis_model_t *m, const vis_cap_t *c, char *out, size_t len);
/* The cap's rights (trace-format bits: 0 write, 1 read, 2 grant, 3 grant-reply) and
 * whether its type has rights at all (endpoints, notifications, frames). */
bool vis_cap_rights_of(const vis_cap_t *c, uint32_t *rights);
/* The badge of an endpoint or notification cap; false when it has none. */
bool vis_cap_badged(const vis_cap_t *c, uint32_t *badge);
/* Bytes of the object a cap names (untyped: its region); 0 when unknown. */
uint64_t vis_cap_object_bytes(const vis_cap_t *c);

/*
 * The CNode cap (or thread) whose object holds `slot`, and the slot's index in it.
 * Returns the CNode cap or NULL; a TCB's slots give NULL and *tcb set instead.
 */
const vis_cap_t *vis_slot_home(const vis_model_t *m, uint32_t slot, uint32_t *index, uint32_t *tcb);
/* "[97]" in the CNode of the running thread's CSpace, "CNode e0048000 [3]" in another,
 * "rootserver.cspace" in a TCB, or the bare address. */
void vis_slot_name(const vis_model_t *m, uint32_t slot, char *out, size_t len);
/* The CNode cap a thread's CSpace starts from: the cap in the TCB's slot 0. */
const vis_cap_t *vis_thread_cspace(const vis_model_t *m, uint32_t tcb);
/* A thread's name, or its TCB address when it has none. */
void vis_thread_label(const vis_model_t *m, uint32_t tcb, char *out, size_t len);

/* The trace's cap type (TRACE_CAP_*) of an seL4 object type (Untyped_Retype's). */
unsigned vis_object_cap_type(uint32_t object_type);
const char *vis_cause_name(uint32_t cause);
const char *vis_thread_state_name(uint32_t state);
/* "syscall Yield", "interrupt 34", "fault 2", or "none yet". */
void vis_entry_label(uint32_t cause, uint32_t detail, char *out, size_t len);
/* "128 KiB", "16 B", "4 MiB". */
void vis_size_label(uint64_t bytes, char *out, size_t len);
/* Rights as spaced letters in seL4's order ("R W G GR"), "none" without any. */
void vis_rights_label(uint32_t rights, char *out, size_t len);
/* One event in words, e.g. "cap-insert: endpoint e0060000 into [97] by mint" or
 * "kernel-entry: syscall Yield from rootserver". Slots are named in model m. */
void vis_event_label(const vis_model_t *m, const trace_record_t *r, char *out, size_t len);
/* 1234567 as "1,234,567". */
void vis_count_label(uint64_t n, char *out, size_t len);

#endif

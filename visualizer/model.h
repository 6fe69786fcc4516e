/*
 * visualizer/model.h - the kernel's state as the visualizer knows it, rebuilt only
 * from the trace stream (trace/format.h): capabilities in slots with their CDT
 * parents, objects, untyped regions and threads. Applying events one by one gives
 * the state after any event, which is how going back in time works: replay from
 * the start up to the chosen event. IPC queues and history are kept by ipc_model.h,
 * address spaces by vspace_model.h. Partners: model.c, ipc_model.c, vspace_model.c,
 * render.c (draws it), tests/sim/test_vis_model.c.
 */
#ifndef VIS_MODEL_H
#define VIS_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../trace/cap_words.h"
#include "../trace/decode.h"
#include "ipc_model.h"
#include "place.h"
#include "vspace_model.h"

/* A cap in a slot. Slots are named by their kernel address. */
typedef struct vis_cap {
    uint32_t slot;
    uint32_t w0, w1;         /* the cap words (trace/cap_words.h reads them) */
    uint32_t parent;         /* slot of the CDT parent, 0 for none */
    uint32_t flags;          /* TRACE_CAPF_* */
    uint32_t born;           /* index of the event that put it here (animation) */
} vis_cap_t;

typedef struct vis_object {
    uint32_t type;           /* seL4 object type */
    uint32_t addr;
    uint32_t size_bits;      /* log2 size in bytes (CNodes: radix + 4) */
    uint32_t untyped;        /* slot of the untyped it came from, 0 for boot objects */
} vis_object_t;

typedef struct vis_thread {
    uint32_t tcb;
    char name[17];
    uint32_t state;          /* TRACE_THREAD_* */
    uint32_t waiting_on;     /* blocked: the endpoint or notification (a reply: the
                                endpoint its Call went through); 0 otherwise */
    uint32_t wait_badge;     /* blocked on send or reply: the badge it sent with */
    uint32_t priority, mcp;
} vis_thread_t;

/* Something that just went away, kept briefly so the view can flash it. */
typedef struct vis_ghost {
    vis_cap_t cap;
    uint32_t died;           /* index of the event that removed it */
} vis_ghost_t;

typedef struct vis_model {
    vis_cap_t *caps;        size_t cap_count, cap_cap;
    vis_object_t *objects;  size_t object_count, object_cap;
    vis_thread_t *threads;  size_t thread_count, thread_cap;
    vis_ghost_t ghosts[32]; size_t ghost_count; /* ring of recent deletions */
    vis_ipc_t ipc;           /* queues and the history of messages, signals, faults */
    vis_vspace_t vspace;     /* mappings of each page directory, VM faults */
    vis_place_t place;       /* where each cap sits in the drawn tree (place.h) */
    uint32_t current_tcb;    /* running thread after the last switch, 0 if none */
    bool in_kernel;          /* between a kernel entry and exit */
    uint32_t last_entry_cause, last_entry_detail;
    uint32_t platform, ram_base, ram_size;
    uint64_t icount;         /* instruction count of the last event applied */
    uint32_t events;         /* events applied */
    uint32_t unknown_events; /* events this model does not understand (newer kernel) */
} vis_model_t;

void vis_model_init(vis_model_t *m);
void vis_model_free(vis_model_t *m);
/* Applies one event. */
void vis_model_apply(vis_model_t *m, const trace_record_t *rec);

const vis_cap_t *vis_model_cap_at(const vis_model_t *m, uint32_t slot);
const vis_thread_t *vis_model_thread(const vis_model_t *m, uint32_t tcb);
/* The caps whose CDT parent is `slot` (0: the roots), in slot order; returns how
 * many exist (only the first `max` are stored). */
size_t vis_model_children(const vis_model_t *m, uint32_t slot, const vis_cap_t **out, size_t max);
/* Caps held in the CNode (or TCB) whose object is at `addr` spanning 2^size_bits bytes. */
size_t vis_model_slots_in(const vis_model_t *m, uint32_t addr, uint32_t size_bits,
                          const vis_cap_t **out, size_t max);
/* Objects carved from the untyped cap in `slot`, in address order. */
size_t vis_model_objects_from(const vis_model_t *m, uint32_t slot, const vis_object_t **out,
                              size_t max);

/*
 * Reading cap words: the visualizer's names for the accessors of trace/cap_words.h,
 * the one definition of the layout (the kernel stores caps with it). They add
 * nothing; they read as the rest of the visualizer does, and the tests use them.
 */
static inline unsigned vis_cap_type(uint32_t w0) { return capw_type(w0); }
static inline uint32_t vis_cap_addr(uint32_t w0) { return capw_addr(w0); }
/* Endpoints and notifications. */
static inline uint32_t vis_cap_badge(uint32_t w1) { return capw_badge(w1); }
static inline uint32_t vis_cap_rights(uint32_t w1) { return capw_ep_rights(w1); }
static inline unsigned vis_untyped_size_bits(uint32_t w1) { return capw_untyped_size_bits(w1); }
static inline uint32_t vis_untyped_watermark(uint32_t w1) { return capw_untyped_free_bytes(w1); }
static inline bool vis_untyped_device(uint32_t w1) { return capw_untyped_device(w1); }
static inline unsigned vis_cnode_radix(uint32_t w1) { return capw_cnode_radix(w1); }
static inline unsigned vis_cnode_guard_size(uint32_t w1) { return capw_cnode_guard_size(w1); }
static inline uint32_t vis_cnode_guard(uint32_t w1) { return capw_cnode_guard(w1); }
const char *vis_cap_type_name(unsigned type);
/* Rights as letters: R, W, G, GR (grant reply), e.g. "RWG" (endpoints, notifications, frames). */
void vis_rights_string(uint32_t rights, char out[8]);

#endif

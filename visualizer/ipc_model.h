/*
 * visualizer/ipc_model.h - IPC as the trace stream tells it: the threads waiting on
 * each endpoint and notification in queue order, and a bounded history of what
 * passed between threads (messages, Calls linked to their Replies, signals, faults).
 * The model (model.h) holds one and feeds it every event. Partners: ipc_model.c,
 * model.c, ipc_layout.c (the IPC tab's layout), tests/sim/test_vis_ipc_model.c.
 */
#ifndef VIS_IPC_MODEL_H
#define VIS_IPC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../trace/decode.h"

typedef enum vis_ipc_kind {
    VIS_IPC_SEND,   /* a message through an endpoint: ipc-send and its ipc-recv */
    VIS_IPC_REPLY,  /* ipc-reply */
    VIS_IPC_SIGNAL, /* signal */
    VIS_IPC_FAULT,  /* fault (the kernel's message for it is the next VIS_IPC_SEND) */
} vis_ipc_kind_t;

/* One entry of the history. Sequence numbers start at 1; 0 means "none". */
typedef struct vis_ipc_msg {
    uint32_t seq;
    vis_ipc_kind_t kind;
    uint32_t object;  /* the endpoint (send) or notification (signal); 0 otherwise */
    uint32_t from;    /* sender, replier, signalling thread, faulting thread; 0 for a
                         signal from an interrupt (irq then says which) or not known */
    uint32_t to;      /* receiver, caller, woken thread (0: nobody waited); 0 for faults */
    uint32_t badge;   /* the sender's badge, the signal's badge */
    uint32_t length;  /* message words the receiver got */
    bool has_info;    /* label and caps are known (trace version 5 on) */
    uint32_t label;   /* the message's label (a fault's message: the fault type) */
    uint32_t caps;    /* caps that came with it (TRACE_IPC_CAPS: count, unwrapped) */
    uint32_t event;   /* index of the event that made the entry */
    bool call;        /* the sender then waited for a reply (Call, or a fault's message) */
    bool fault_msg;   /* the message the kernel sent on the sender's behalf for a fault */
    bool unsent;      /* a fault whose thread ran again or stopped before a message went */
    bool by_irq;      /* a signal made by the kernel for interrupt `irq` */
    uint32_t irq;
    uint32_t link;    /* call: its reply; reply: the message it answers; fault: its message */
    uint32_t fault_type, address, pc; /* faults: seL4 fault type, address, PC */
} vis_ipc_msg_t;

/* A thread waiting on an endpoint or notification. */
typedef struct vis_ipc_waiter {
    uint32_t object;
    uint32_t tcb;
    uint32_t state; /* TRACE_THREAD_BLOCKED_ON_RECV, _SEND or _NOTIFICATION */
    uint32_t badge; /* a sender's badge */
} vis_ipc_waiter_t;

/* An endpoint or notification some event named. */
typedef struct vis_ipc_object {
    uint32_t addr;
    bool notification;
    uint32_t last_event; /* the latest event that named it */
} vis_ipc_object_t;

#define VIS_IPC_HISTORY 256u /* entries kept; older ones are forgotten */

typedef struct vis_ipc {
    /* Every waiter, in the order it joined; an object's queue is its entries in order. */
    vis_ipc_waiter_t *waiters; size_t waiter_count, waiter_cap;
    vis_ipc_object_t *objects; size_t object_count, object_cap;
    vis_ipc_msg_t history[VIS_IPC_HISTORY]; /* entry seq sits at (seq - 1) % VIS_IPC_HISTORY */
    uint32_t count;                         /* entries ever made: the newest one's seq */
    /* The kernel entry in progress: who signals, and which fault a message is for. */
    uint32_t entry_cause, entry_detail, entry_tcb;
    uint32_t fault_seq; /* a fault of this kernel entry not yet followed by its message */
} vis_ipc_t;

void vis_ipc_init(vis_ipc_t *ipc);
void vis_ipc_free(vis_ipc_t *ipc);
/* Applies one event; `event` is its index in the stream. Events that say nothing
 * about IPC are ignored. */
void vis_ipc_apply(vis_ipc_t *ipc, const trace_record_t *rec, uint32_t event);

/* The history entry seq, or NULL when it is 0, not made yet, or forgotten. */
const vis_ipc_msg_t *vis_ipc_entry(const vis_ipc_t *ipc, uint32_t seq);
/* The oldest entry still kept (0 when there is none). */
uint32_t vis_ipc_oldest(const vis_ipc_t *ipc);
/* The threads waiting on `object`, head of the queue first; returns how many wait
 * (only the first `max` are stored). */
size_t vis_ipc_queue(const vis_ipc_t *ipc, uint32_t object, const vis_ipc_waiter_t **out,
                     size_t max);
/* The waiter entry of a thread, or NULL when it waits in no queue. */
const vis_ipc_waiter_t *vis_ipc_waiting(const vis_ipc_t *ipc, uint32_t tcb);
/* The newest unanswered Call `tcb` made (it waits for that reply), or NULL. */
const vis_ipc_msg_t *vis_ipc_open_call(const vis_ipc_t *ipc, uint32_t tcb);

#endif

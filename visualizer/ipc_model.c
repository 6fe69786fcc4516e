/*
 * visualizer/ipc_model.c - queues and history of IPC from trace events. A blocked
 * thread joins the tail of its object's queue at thread-blocked and leaves it at its
 * next thread-state event, at a delivery to or from it (ipc-send, ipc-recv, signal)
 * or when its TCB goes. A reply answers the newest unanswered message the replier got
 * from that caller; a message is a Call when its sender then blocks on reply through
 * the same endpoint. Partners: ipc_model.h, model.c.
 */
#include "ipc_model.h"

#include "grow.h"

#include <stdlib.h>
#include <string.h>

void vis_ipc_init(vis_ipc_t *ipc)
{
    memset(ipc, 0, sizeof(*ipc));
}

void vis_ipc_free(vis_ipc_t *ipc)
{
    free(ipc->waiters);
    free(ipc->objects);
    memset(ipc, 0, sizeof(*ipc));
}

const vis_ipc_msg_t *vis_ipc_entry(const vis_ipc_t *ipc, uint32_t seq)
{
    if (seq == 0 || seq > ipc->count || seq < vis_ipc_oldest(ipc))
        return NULL;
    return &ipc->history[(seq - 1) % VIS_IPC_HISTORY];
}

uint32_t vis_ipc_oldest(const vis_ipc_t *ipc)
{
    if (ipc->count == 0)
        return 0;
    return ipc->count > VIS_IPC_HISTORY ? ipc->count - VIS_IPC_HISTORY + 1 : 1;
}

static vis_ipc_msg_t *entry_rw(vis_ipc_t *ipc, uint32_t seq)
{
    return (vis_ipc_msg_t *)vis_ipc_entry(ipc, seq);
}

static vis_ipc_msg_t *new_entry(vis_ipc_t *ipc, vis_ipc_kind_t kind, uint32_t event)
{
    uint32_t seq = ++ipc->count;
    vis_ipc_msg_t *e = &ipc->history[(seq - 1) % VIS_IPC_HISTORY];
    memset(e, 0, sizeof(*e));
    e->seq = seq;
    e->kind = kind;
    e->event = event;
    return e;
}

/* ---- objects and queues ------------------------------------------------------------ */

static void note_object(vis_ipc_t *ipc, uint32_t addr, bool notification, uint32_t event)
{
    if (!addr)
        return;
    for (size_t i = 0; i < ipc->object_count; i++)
        if (ipc->objects[i].addr == addr) {
            ipc->objects[i].notification = notification;
            ipc->objects[i].last_event = event;
            return;
        }
    ipc->objects = vis_grow(ipc->objects, &ipc->object_cap, ipc->object_count,
                                sizeof(*ipc->objects));
    ipc->objects[ipc->object_count++] = (vis_ipc_object_t){addr, notification, event};
}

static void forget_object(vis_ipc_t *ipc, uint32_t addr)
{
    for (size_t i = 0; i < ipc->object_count; i++)
        if (ipc->objects[i].addr == addr) {
            memmove(&ipc->objects[i], &ipc->objects[i + 1],
                    (ipc->object_count - i - 1) * sizeof(*ipc->objects));
            ipc->object_count--;
            return;
        }
}

/* Removes the waiters matching tcb (or, with tcb 0, waiting on object). */
static void remove_waiters(vis_ipc_t *ipc, uint32_t tcb, uint32_t object)
{
    size_t kept = 0;
    for (size_t i = 0; i < ipc->waiter_count; i++) {
        const vis_ipc_waiter_t *w = &ipc->waiters[i];
        if (tcb ? w->tcb == tcb : w->object == object)
            continue;
        ipc->waiters[kept++] = *w;
    }
    ipc->waiter_count = kept;
}

static void add_waiter(vis_ipc_t *ipc, const uint32_t *w)
{
    remove_waiters(ipc, w[1], 0); /* a thread waits in one queue at most */
    ipc->waiters = vis_grow(ipc->waiters, &ipc->waiter_cap, ipc->waiter_count,
                                sizeof(*ipc->waiters));
    ipc->waiters[ipc->waiter_count++] = (vis_ipc_waiter_t){w[3], w[1], w[2], w[4]};
}

size_t vis_ipc_queue(const vis_ipc_t *ipc, uint32_t object, const vis_ipc_waiter_t **out,
                     size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ipc->waiter_count; i++)
        if (ipc->waiters[i].object == object) {
            if (n < max)
                out[n] = &ipc->waiters[i];
            n++;
        }
    return n;
}

const vis_ipc_waiter_t *vis_ipc_waiting(const vis_ipc_t *ipc, uint32_t tcb)
{
    for (size_t i = 0; i < ipc->waiter_count; i++)
        if (ipc->waiters[i].tcb == tcb)
            return &ipc->waiters[i];
    return NULL;
}

/* ---- history ---------------------------------------------------------------------- */

/* The newest kept entry for which match() holds, or NULL. Entries newer than one for
 * which stop() holds are the only ones looked at (stop may be NULL). */
typedef bool (*entry_test_t)(const vis_ipc_msg_t *e, uint32_t a, uint32_t b);

static vis_ipc_msg_t *newest(vis_ipc_t *ipc, entry_test_t match, entry_test_t stop, uint32_t a,
                             uint32_t b)
{
    uint32_t oldest = vis_ipc_oldest(ipc);
    for (uint32_t seq = ipc->count; seq >= oldest && seq > 0; seq--) {
        vis_ipc_msg_t *e = entry_rw(ipc, seq);
        if (match(e, a, b))
            return e;
        if (stop && stop(e, a, b))
            return NULL;
    }
    return NULL;
}

/* A message from `from` to `to` that no reply answered yet. */
static bool unanswered(const vis_ipc_msg_t *e, uint32_t from, uint32_t to)
{
    return e->kind == VIS_IPC_SEND && e->from == from && e->to == to && !e->link;
}

/* A message `from` sent through endpoint `ep`, not yet marked a Call or answered. */
static bool sent_through(const vis_ipc_msg_t *e, uint32_t from, uint32_t ep)
{
    return e->kind == VIS_IPC_SEND && e->from == from && e->object == ep && !e->link;
}

/* A fault of `tcb` whose message has not gone yet. */
static bool open_fault(const vis_ipc_msg_t *e, uint32_t tcb, uint32_t unused)
{
    (void)unused;
    return e->kind == VIS_IPC_FAULT && e->from == tcb && !e->link && !e->unsent;
}

/* Any message from `tcb`: a fault before it has had its message. */
static bool sent_by(const vis_ipc_msg_t *e, uint32_t tcb, uint32_t unused)
{
    (void)unused;
    return e->kind == VIS_IPC_SEND && e->from == tcb;
}

/* An unanswered Call of `tcb`. */
static bool open_call(const vis_ipc_msg_t *e, uint32_t tcb, uint32_t unused)
{
    (void)unused;
    return e->kind == VIS_IPC_SEND && e->from == tcb && e->call && !e->link;
}

const vis_ipc_msg_t *vis_ipc_open_call(const vis_ipc_t *ipc, uint32_t tcb)
{
    return newest((vis_ipc_t *)ipc, open_call, NULL, tcb, 0);
}

/* The label and caps words of an IPC event (at `at`), when it has them. */
static void take_info(vis_ipc_msg_t *e, const trace_record_t *rec, unsigned at)
{
    e->has_info = trace_record_has_message_info(rec);
    e->label = e->has_info ? rec->words[at] : 0;
    e->caps = e->has_info ? rec->words[at + 1] : 0;
}

/* ipc-send: endpoint, sender, badge, length, label, caps. Its ipc-recv names the
 * receiver. */
static void on_send(vis_ipc_t *ipc, const trace_record_t *rec, uint32_t event)
{
    const uint32_t *w = rec->words;
    vis_ipc_msg_t *fault = newest(ipc, open_fault, sent_by, w[2], 0);
    vis_ipc_msg_t *e = new_entry(ipc, VIS_IPC_SEND, event);
    e->object = w[1];
    e->from = w[2];
    e->badge = w[3];
    e->length = w[4];
    take_info(e, rec, 5);
    if (fault) {
        e->fault_msg = true;
        fault->link = e->seq;
    }
    remove_waiters(ipc, w[2], 0);
    note_object(ipc, w[1], false, event);
}

/* ipc-recv: endpoint, receiver, badge, length, label, caps (what the receiver got). */
static void on_recv(vis_ipc_t *ipc, const trace_record_t *rec)
{
    const uint32_t *w = rec->words;
    vis_ipc_msg_t *e = entry_rw(ipc, ipc->count);
    if (e && e->kind == VIS_IPC_SEND && e->object == w[1] && !e->to) {
        e->to = w[2];
        e->length = w[4];
        take_info(e, rec, 5);
    }
    remove_waiters(ipc, w[2], 0);
}

/* ipc-reply: replier, caller, length, label, caps. */
static void on_reply(vis_ipc_t *ipc, const trace_record_t *rec, uint32_t event)
{
    const uint32_t *w = rec->words;
    vis_ipc_msg_t *call = newest(ipc, unanswered, NULL, w[2], w[1]);
    vis_ipc_msg_t *e = new_entry(ipc, VIS_IPC_REPLY, event);
    e->from = w[1];
    e->to = w[2];
    e->length = w[3];
    take_info(e, rec, 4);
    if (call) {
        call->link = e->seq;
        call->call = true;
        e->link = call->seq;
    }
}

/* signal: notification, badge, woken thread (0: none). The signaller is the thread
 * that entered the kernel, unless an interrupt did. */
static void on_signal(vis_ipc_t *ipc, const uint32_t *w, uint32_t event)
{
    vis_ipc_msg_t *e = new_entry(ipc, VIS_IPC_SIGNAL, event);
    e->object = w[1];
    e->badge = w[2];
    e->to = w[3];
    e->by_irq = ipc->entry_cause == TRACE_ENTRY_INTERRUPT;
    e->irq = e->by_irq ? ipc->entry_detail : 0;
    e->from = e->by_irq ? 0 : ipc->entry_tcb;
    if (w[3])
        remove_waiters(ipc, w[3], 0);
    note_object(ipc, w[1], true, event);
}

/* fault: thread, seL4 fault type, address, PC. */
static void on_fault(vis_ipc_t *ipc, const uint32_t *w, uint32_t event)
{
    vis_ipc_msg_t *e = new_entry(ipc, VIS_IPC_FAULT, event);
    e->from = w[1];
    e->fault_type = w[2];
    e->address = w[3];
    e->pc = w[4];
}

/* thread-state: the thread leaves any queue. Running again (or stopped) before its
 * fault's message went, it will send none for that fault. */
static void on_state(vis_ipc_t *ipc, const uint32_t *w)
{
    remove_waiters(ipc, w[1], 0);
    if (w[2] != TRACE_THREAD_RUNNABLE && w[2] != TRACE_THREAD_INACTIVE)
        return;
    vis_ipc_msg_t *fault = newest(ipc, open_fault, sent_by, w[1], 0);
    if (fault)
        fault->unsent = true;
}

/* thread-blocked: thread, state, object, badge. A thread waiting for a reply is in no
 * queue; its block marks the message it just sent as a Call. */
static void on_blocked(vis_ipc_t *ipc, const uint32_t *w, uint32_t event)
{
    if (w[2] == TRACE_THREAD_BLOCKED_ON_REPLY) {
        vis_ipc_msg_t *sent = newest(ipc, sent_through, NULL, w[1], w[3]);
        if (sent)
            sent->call = true;
        remove_waiters(ipc, w[1], 0);
        return;
    }
    add_waiter(ipc, w);
    note_object(ipc, w[3], w[2] == TRACE_THREAD_BLOCKED_ON_NOTIFICATION, event);
}

/* object-delete: a thread leaves every queue; a deleted endpoint or notification
 * is forgotten (the kernel restarted its waiters first). */
static void on_object_delete(vis_ipc_t *ipc, const uint32_t *w)
{
    if (w[1] == TRACE_CAP_THREAD)
        remove_waiters(ipc, w[2], 0);
    else if (w[1] == TRACE_CAP_ENDPOINT || w[1] == TRACE_CAP_NOTIFICATION) {
        remove_waiters(ipc, 0, w[2]);
        forget_object(ipc, w[2]);
    }
}

void vis_ipc_apply(vis_ipc_t *ipc, const trace_record_t *rec, uint32_t event)
{
    const uint32_t *w = rec->words;
    switch (trace_record_type(rec)) {
    case TRACE_KERNEL_ENTRY:
        ipc->entry_cause = w[1];
        ipc->entry_detail = w[2];
        ipc->entry_tcb = w[3];
        break;
    case TRACE_THREAD_STATE: on_state(ipc, w); break;
    case TRACE_THREAD_BLOCKED_EVENT: on_blocked(ipc, w, event); break;
    case TRACE_IPC_SEND: on_send(ipc, rec, event); break;
    case TRACE_IPC_RECV: on_recv(ipc, rec); break;
    case TRACE_IPC_REPLY: on_reply(ipc, rec, event); break;
    case TRACE_SIGNAL: on_signal(ipc, w, event); break;
    case TRACE_FAULT: on_fault(ipc, w, event); break;
    case TRACE_OBJECT_DELETE: on_object_delete(ipc, w); break;
    default: break;
    }
}

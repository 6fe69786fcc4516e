/*
 * kernel/invariants.c - checks, after every system call, that the kernel's data
 * still hang together:
 *   cdt_links        every reachable slot's CDT neighbours point back at it;
 *   cdt_empty_slot   an empty slot has no CDT links or flags;
 *   untyped_bounds   every object derived from an untyped lies below its watermark;
 *   sched_queue      ready queues are well linked, hold runnable threads of their
 *                    priority, and agree with the priority bitmap;
 *   runnable_placed  every runnable thread is current or queued, never lost;
 *   ipc_links        a thread in no endpoint or notification queue has no links;
 *   user_cpsr        every saved CPSR is user mode with A, I and F clear (the IPC
 *                    fastpath's exit relies on it: arch/fastpath.h);
 *   cnode_guard      a CNode cap's guard fits its guard size (cap_cnode keeps it so;
 *                    the IPC fastpath's lookup relies on it);
 *   reply_master     a thread's master reply cap is a revocable original, not
 *                    first-badged, with a CDT successor only while the thread waits
 *                    for a reply: its reply cap, which nothing follows (the IPC
 *                    fastpath links and unlinks reply caps relying on it).
 * At every exit the checker looks at the slots changed since the last check (and
 * their CDT neighbours) and at the scheduler; every FULL_CHECK_PERIOD exits, or
 * when too many slots changed to track, it walks every slot it can reach from
 * each thread's own slots and CSpace, following CNode caps.
 * Partners: invariants.h, sched.c, ready_queue.h, cdt.c.
 */
#ifdef NUMBAT_CHECK_INVARIANTS

#include "invariants.h"

#include "arch.h"
#include "cdt.h"
#include "ready_queue.h"
#include "sched.h"

#define MAX_VISITED_CNODES 256
#define MAX_CNODE_DEPTH 8
#define MAX_DIRTY 64
#define FULL_CHECK_PERIOD 256
#define MAX_QUEUE_LENGTH 65536

static const cte_t *dirty[MAX_DIRTY];
static unsigned dirty_count;
static bool dirty_overflow;
static unsigned exits;

void invariants_note_slot(const cte_t *slot)
{
    if (dirty_count < MAX_DIRTY)
        dirty[dirty_count++] = slot;
    else
        dirty_overflow = true;
}

#define broken(name, ...) kpanic("invariant " name " broken: " __VA_ARGS__)

typedef struct walk {
    uint32_t cnodes[MAX_VISITED_CNODES];
    unsigned count;
} walk_t;

static void check_untyped(const cte_t *ut)
{
    uint32_t base = cap_addr(ut->cap), top = base + untyped_free_bytes(ut->cap);
    for (const cte_t *d = mdb_next(ut); d && cdt_is_parent(ut, d); d = mdb_next(d)) {
        cap_t c = d->cap;
        uint32_t start = cap_type(c) == CAP_UNTYPED || cap_type(c) == CAP_FRAME
                             ? cap_addr(c)
                             : arch_kernel_to_phys(cap_ptr(c));
        /* A copy of the untyped itself marks the original full: it covers the region. */
        if (cap_type(c) == CAP_UNTYPED && cap_addr(c) == base)
            continue;
        if (start < base || start >= top)
            broken("untyped_bounds", "object at 0x%08x outside 0x%08x-0x%08x", start, base, top);
    }
}

static void check_slot(const cte_t *s)
{
    if (cap_is_null(s->cap)) {
        if (s->prev || s->next)
            broken("cdt_empty_slot", "empty slot 0x%08x has links", (uint32_t)(uintptr_t)s);
        return;
    }
    const cte_t *p = mdb_prev(s), *n = mdb_next(s);
    if ((p && mdb_next(p) != s) || (n && mdb_prev(n) != s))
        broken("cdt_links", "slot 0x%08x (%s)", (uint32_t)(uintptr_t)s, cap_type_name(cap_type(s->cap)));
    if (cap_type(s->cap) == CAP_UNTYPED && mdb_revocable(s))
        check_untyped(s);
    if (cap_type(s->cap) == CAP_CNODE && cnode_guard_size(s->cap) < 32 &&
        (cnode_guard(s->cap) >> cnode_guard_size(s->cap)) != 0)
        broken("cnode_guard", "slot 0x%08x: guard 0x%x is wider than its %u bits",
               (uint32_t)(uintptr_t)s, cnode_guard(s->cap), cnode_guard_size(s->cap));
}

static bool seen(walk_t *w, uint32_t addr)
{
    for (unsigned i = 0; i < w->count; i++)
        if (w->cnodes[i] == addr)
            return true;
    if (w->count < MAX_VISITED_CNODES)
        w->cnodes[w->count++] = addr;
    return false;
}

static void check_cnode(walk_t *w, cap_t cnode, unsigned depth)
{
    if (depth > MAX_CNODE_DEPTH || seen(w, cap_addr(cnode)))
        return;
    cte_t *slots = cnode_slots(cnode);
    for (uint32_t i = 0; i < (1u << cnode_radix(cnode)); i++) {
        check_slot(&slots[i]);
        if (cap_type(slots[i].cap) == CAP_CNODE)
            check_cnode(w, slots[i].cap, depth + 1);
    }
}

/* The thread's own fields that the IPC fastpath takes as given. */
static void check_thread_fields(const tcb_t *t)
{
    bool in_queue = t->state == THREAD_BLOCKED_ON_RECV || t->state == THREAD_BLOCKED_ON_SEND ||
                    t->state == THREAD_BLOCKED_ON_NOTIFICATION;
    if (!in_queue && (t->ipc_prev || t->ipc_next))
        broken("ipc_links", "thread '%s' is in no queue but linked", t->name);
    if ((arch_get_cpsr(&t->context) & CPSR_KERNEL_CONTROLLED) != CPSR_USER_MODE)
        broken("user_cpsr", "thread '%s' has CPSR 0x%08x", t->name, arch_get_cpsr(&t->context));
    /* A TCB whose deletion was preempted (suspended, its slots part emptied) may have
     * lost its master reply cap already: nothing calls or replies to it any more. */
    const cte_t *master = &t->slots[TCB_SLOT_REPLY], *reply = mdb_next(master);
    if (cap_is_null(master->cap))
        return;
    if (!mdb_revocable(master) || mdb_first_badged(master) || mdb_prev(master) ||
        (reply && (t->state != THREAD_BLOCKED_ON_REPLY || cap_type(reply->cap) != CAP_REPLY ||
                   cap_ptr(reply->cap) != t || reply->next != 0)))
        broken("reply_master", "thread '%s' (state %u): master flags %u, reply cap at 0x%08x",
               t->name, t->state, master->next & MDB_FLAGS, (uint32_t)(uintptr_t)reply);
}

static void check_threads(bool full)
{
    static walk_t w;
    w.count = 0;
    for (tcb_t *t = all_threads; t; t = t->all_next) {
        check_thread_fields(t);
        if (full) {
            for (unsigned i = 0; i < TCB_SLOT_COUNT; i++)
                check_slot(&t->slots[i]);
            if (cap_type(thread_cspace(t)) == CAP_CNODE)
                check_cnode(&w, thread_cspace(t), 0);
        }
        if (t->state == THREAD_RUNNING && t != current_thread && !t->queued)
            broken("runnable_placed", "thread '%s' is runnable but not queued", t->name);
        if (t->queued && (t->state != THREAD_RUNNING || t == current_thread))
            broken("sched_queue", "thread '%s' is queued but %s", t->name,
                   t == current_thread ? "current" : "not runnable");
    }
}

/* Each ready queue is a well-linked list of queued threads of its priority, ending at
 * its tail, and both bitmap levels say exactly which queues are not empty. */
static void check_ready_queues(void)
{
    for (uint32_t prio = 0; prio < NUM_PRIORITIES; prio++) {
        bool bit = ready_bitmap[prio / 32] & (1u << (prio % 32));
        if (((ready_words >> (prio / 32)) & 1u) != (ready_bitmap[prio / 32] != 0))
            broken("sched_queue", "bitmap summary disagrees at priority %u", prio);
        if (bit != (ready_queues[prio].head != NULL))
            broken("sched_queue", "bitmap disagrees at priority %u", prio);
        tcb_t *prev = NULL;
        unsigned length = 0;
        for (tcb_t *t = ready_queues[prio].head; t; prev = t, t = t->queue_next) {
            if (t->queue_prev != prev || t->priority != prio || !t->queued)
                broken("sched_queue", "thread '%s' at priority %u", t->name, prio);
            if (++length > MAX_QUEUE_LENGTH) /* a queue linked into a circle */
                broken("sched_queue", "priority %u's queue does not end", prio);
        }
        if (ready_queues[prio].tail != prev)
            broken("sched_queue", "tail of priority %u", prio);
    }
}

/* A changed slot, and its CDT neighbours (whose links may have changed too).
 * A slot emptied since may now hold anything: it is checked as it is now. */
static void check_dirty(void)
{
    for (unsigned i = 0; i < dirty_count; i++) {
        const cte_t *s = dirty[i];
        check_slot(s);
        if (mdb_prev(s))
            check_slot(mdb_prev(s));
        if (mdb_next(s))
            check_slot(mdb_next(s));
    }
}

void invariants_check(void)
{
    bool full = dirty_overflow || ++exits % FULL_CHECK_PERIOD == 0;
    if (!full)
        check_dirty();
    check_threads(full);
    check_ready_queues();
    dirty_count = 0;
    dirty_overflow = false;
}

#endif

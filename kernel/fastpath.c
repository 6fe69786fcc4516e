/*
 * kernel/fastpath.c - Call and ReplyRecv without the general machinery, for the case
 * that IPC benchmarks and servers live in. vectors.S comes here straight from the
 * svc, with the cap and message info registers and the calling thread (found from
 * where its registers were saved) as arguments. Every check comes
 * first; the first one that fails goes on to the slow path (slowpath()), which then
 * does exactly what it would have done anyway (nothing has changed). The checks,
 * for both:
 *   - the message has at most ARCH_MSG_REGISTERS words and no extra caps;
 *   - nobody records the trace stream (the slow path emits the events): the
 *     architecture does not even enter the fastpath then (arch_init picks vectors
 *     without it, as trace_init decides trace_enabled: once, at boot);
 *   - the partner's priority is above every ready thread's, so switching straight
 *     to it is what the scheduler would do (with an equal one ready, that one would
 *     run first: it has waited in its queue longer);
 *   - the cap is found in one CNode whose guard and radix use all 32 bits.
 * Call: the cap is an endpoint with Write and Grant or GrantReply, and a receiver
 * waits on it. ReplyRecv: the caller holds a reply cap for a thread waiting for a
 * normal reply (not a fault's), the receive cap is an endpoint with Read and no
 * sender waiting, and no bound notification is pending.
 * The partner's address space needs no check: the way out (arch/fastpath.h) sets the
 * MMU up from its VSpace cap exactly as the slow path's does, whatever that cap is.
 * Partners: fastpath.h, vectors.S (the entry), arch/fastpath.h (the exit),
 * syscall.c (the slow path), endpoint.c and reply.c (the same operations done
 * generally).
 */
#include "fastpath.h"

#include <arch/fastpath.h>
#include <sel4/messageinfo.h>

#include "cdt.h"
#include "endpoint.h"
#include "invariants.h"
#include "notification.h"
#include "ready_queue.h"
#include "trace.h"

/* The system call goes as every other (syscall.c), nothing having changed. */
static inline __attribute__((always_inline)) NORETURN void slowpath(void)
{
    arch_fastpath_fallback();
}

/* The message's length if it fits the registers and carries no caps, else a number
 * above ARCH_MSG_REGISTERS: length (bits 6:0) and extraCaps (8:7) read together. */
static inline uint32_t short_length(uint32_t info)
{
    _Static_assert(SEL4_MSGINFO_LENGTH_SHIFT == 0 &&
                       SEL4_MSGINFO_EXTRACAPS_SHIFT == SEL4_MSGINFO_LENGTH_BITS,
                   "length, then extraCaps, from bit 0");
    return info & ((1u << (SEL4_MSGINFO_EXTRACAPS_SHIFT + SEL4_MSGINFO_EXTRACAPS_BITS)) - 1);
}

/* Whether the scheduler, with the current thread blocked, would pick `partner`
 * (not queued): only if it outranks every ready thread, that is, if no ready
 * priority is at or above its own (ready_highest, inline). */
static inline __attribute__((always_inline)) bool outranks_ready(const tcb_t *partner)
{
    if (__builtin_expect(ready_words == 0, 1))
        return true;
    uint32_t prio = partner->priority;
    return (ready_words >> (prio / 32)) <= 1 && (ready_bitmap[prio / 32] >> (prio % 32)) == 0;
}

/* A TCB as GCC should see it: 1 KiB aligned, as every TCB object is, so that a reply
 * cap's word 0 and a link to a TCB's slot with flags are one ORR or ADD. */
static inline tcb_t *aligned_tcb(tcb_t *t) { return __builtin_assume_aligned(t, 1u << seL4_TCBBits); }

/* A cap's word 0 with `type` taken out of its type field: the object's address
 * (cap_object) when the cap is of that type, else something with a type bit left
 * (is_object is false). One exclusive or and one test where the type's mask and
 * compare and the address's mask would take three. */
static inline uint32_t object_if(uint32_t word0, cap_type_t type) { return word0 ^ (uint32_t)type; }
static inline bool is_object(uint32_t object_or_not) { return (object_or_not & CAPW_TYPE_MASK) == 0; }

/* The slot cptr names, in *slot, when t's CSpace root is one CNode whose guard and
 * radix use all 32 bits (cspace_lookup_slot's inline case); else false. */
static inline __attribute__((always_inline)) bool lookup_slot(const tcb_t *t, uint32_t cptr,
                                                              const cte_t **slot)
{
    uint64_t root = arch_fastpath_load_pair(&t->slots[TCB_SLOT_CSPACE].cap);
    uint32_t slots = object_if((uint32_t)root, CAP_CNODE), w1 = (uint32_t)(root >> 32);
    unsigned radix = capw_cnode_radix(w1); /* 1 to 31 here: the guard size is at most 31 */
    if (!is_object(slots) || capw_cnode_guard_size(w1) + radix != 32)
        return false;
    /* The guard taken out of cptr's bits above the radix leaves the index, and those
     * bits are the guard exactly when nothing is left above the radix: the guard is
     * below 2^guard_size (cap_cnode), so shifting it up by the radix loses nothing. */
    uint32_t index = cptr ^ (capw_cnode_guard(w1) << radix);
    if (index >> radix != 0)
        return false;
    *slot = &((const cte_t *)(uintptr_t)slots)[index];
    return true;
}

/* An endpoint cap's word 1 has this right (RIGHT_*): one test of the word. */
static inline bool ep_has_right(uint32_t w1, uint32_t rights)
{
    return (w1 & (rights << CAPW_EP_RIGHTS_SHIFT)) != 0;
}

/* message_transfer's copy of a short message without caps (`length` words, from
 * short_length): MR0 to MR(length-1), exactly `length` registers, as the slow path:
 * the receiver's others keep their values (and the sender's unsent ones stay its
 * own) (arch/fastpath.h). The message info and the badge go to the receiver's
 * registers on the way out (received_info, switch_to). */
static inline __attribute__((always_inline)) void copy_mrs(const tcb_t *from, tcb_t *to,
                                                           uint32_t length)
{
    arch_fastpath_copy_mrs(&to->context, &from->context, length);
}

/* The message info the receiver gets: the sender's, capsUnwrapped cleared, as a
 * transfer leaves it. */
static inline uint32_t received_info(uint32_t info_word)
{
    seL4_MessageInfo_t info = {{info_word}};
    return seL4_MessageInfo_set_capsUnwrapped(info, 0).words[0];
}

/* ep_receive's ipc_wait_t for a thread that blocks receiving: the object and Grant,
 * the rest zero. Written as its three words: GCC stores a literal of bools a byte or
 * a halfword at a time. */
static inline void set_receive_wait(ipc_wait_t *w, uint32_t object, bool can_grant)
{
    _Static_assert(sizeof(ipc_wait_t) == 12 && offsetof(ipc_wait_t, can_grant) == 8 &&
                       __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
                   "object, badge, then the flags, can_grant in the low byte of the third word");
    union {
        uint32_t words[3];
        ipc_wait_t wait;
    } u = {.words = {object, 0, can_grant}};
    *w = u.wait;
}

/* reply_setup's cdt_insert (cdt_link_after) of the reply cap for `caller`, which is
 * running, into the receiver's empty caller slot: a reply cap for a thread exists
 * only while it waits for the reply, so its master reply cap, a revocable original,
 * has no CDT successor (invariant reply_master) and the new cap goes after it with no
 * other neighbour to relink: not revocable, not first-badged, as cdt_insert makes it. */
static inline void link_reply_cap(tcb_t *caller, tcb_t *receiver)
{
    cte_t *master = &caller->slots[TCB_SLOT_REPLY], *dest = &receiver->slots[TCB_SLOT_CALLER];
    *dest = (cte_t){cap_reply(caller, false, receiver->ipc.can_grant), (uint32_t)(uintptr_t)master, 0};
    mdb_set_next_and_flags(master, dest, true, false);
    invariants_note_slot(dest);
}

/* reply_send's cdt_delete of the reply cap in `reply`, which names `caller`: a reply
 * cap is never derived from, so nothing follows it in the CDT, and what precedes it
 * is the caller's master reply cap, a revocable original (invariant reply_master).
 * Unlinking it leaves the master alone, as cdt_unlink would; nothing is destroyed. */
static inline void unlink_reply_cap(cte_t *reply, tcb_t *caller)
{
    cte_t *master = &caller->slots[TCB_SLOT_REPLY];
    mdb_set_next_and_flags(master, NULL, true, false);
    invariants_note_slot(master);
    *reply = (cte_t){cap_null(), 0, 0};
    invariants_note_slot(reply);
}

/* Leaves the kernel to t, as schedule_and_exit would: t is the current thread now,
 * with `badge` and `info` in its badge and message info registers (set on the way
 * out, arch/fastpath.h). last_entered (sched.c) is left alone: only trace events
 * read it, and nobody records. `from` is the thread that made the system call. */
static inline __attribute__((always_inline)) NORETURN void switch_to(tcb_t *t, const tcb_t *from,
                                                                     uint32_t badge, uint32_t info)
{
#ifdef NUMBAT_CHECK_INVARIANTS
    kassert(!trace_enabled && from == current_thread);
#endif
    current_thread = t;
    invariants_check();
    arch_fastpath_exit(t, from, badge, info);
}

NORETURN void fastpath_call(uint32_t cptr, uint32_t info, tcb_t *caller)
{
    caller = aligned_tcb(caller);
    uint32_t length = short_length(info);
    info = received_info(info);
    const cte_t *slot;
    if (length > ARCH_MSG_REGISTERS || !lookup_slot(caller, cptr, &slot))
        slowpath();
    uint32_t object = object_if(slot->cap.words[0], CAP_ENDPOINT), w1 = slot->cap.words[1];
    if (!is_object(object))
        slowpath();
    if (!ep_has_right(w1, RIGHT_WRITE))
        slowpath();
    if (!ep_has_right(w1, RIGHT_GRANT | RIGHT_GRANT_REPLY))
        slowpath();
    endpoint_t *ep = (endpoint_t *)(uintptr_t)object;
    tcb_t *server = aligned_tcb(tcbq_head(&ep->queue));
    if (ep->state != EP_RECEIVING || !outranks_ready(server))
        slowpath();

    /* Committed: the same steps as invoke_endpoint, send, deliver and reply_setup. */
    if (tcbq_take_head(&ep->queue) == NULL)
        ep->state = EP_IDLE;
    copy_mrs(caller, server, length);
    /* Of the caller's ipc_wait_t only is_fault is read while it waits for the reply
     * (reply_send, rewinding a cancelled Call); the rest as invoke_endpoint sets it
     * only shows in trace events. */
    caller->ipc.is_call = true;
    caller->ipc.is_fault = false;
    link_reply_cap(caller, server);
    caller->state = THREAD_BLOCKED_ON_REPLY;
    server->state = THREAD_RUNNING;
    switch_to(server, caller, capw_badge(w1), info);
}

NORETURN void fastpath_reply_recv(uint32_t cptr, uint32_t info, tcb_t *server)
{
    server = aligned_tcb(server);
    cte_t *reply = &server->slots[TCB_SLOT_CALLER];
    uint32_t length = short_length(info);
    info = received_info(info);
    uint32_t waiting = object_if(reply->cap.words[0], CAP_REPLY);
    if (length > ARCH_MSG_REGISTERS || !is_object(waiting))
        slowpath();
    tcb_t *caller = aligned_tcb((tcb_t *)(uintptr_t)waiting);
    if (caller->ipc.is_fault || !outranks_ready(caller))
        slowpath();
    const cte_t *slot;
    if (!lookup_slot(server, cptr, &slot))
        slowpath();
    uint64_t cap = arch_fastpath_load_pair(&slot->cap);
    uint32_t object = object_if((uint32_t)cap, CAP_ENDPOINT), w1 = (uint32_t)(cap >> 32);
    if (!is_object(object) || !ep_has_right(w1, RIGHT_READ))
        slowpath();
    endpoint_t *ep = (endpoint_t *)(uintptr_t)object;
    notification_t *bound = server->bound_notification;
    if (ep->state == EP_SENDING || (bound && ntfn_active(bound)))
        slowpath();

    /* Committed: reply_send, then the blocking half of ep_receive. */
    copy_mrs(server, caller, length);
    unlink_reply_cap(reply, caller);
    set_receive_wait(&server->ipc, object, ep_has_right(w1, RIGHT_GRANT));
    server->state = THREAD_BLOCKED_ON_RECV;
    tcbq_append_unlinked(&ep->queue, server);
    ep->state = EP_RECEIVING;
    caller->state = THREAD_RUNNING;
    switch_to(caller, server, 0, info);
}

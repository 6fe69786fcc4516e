/*
 * kernel/debug.c - seL4's printing debug calls: DebugDumpScheduler lists every
 * thread; DebugSnapshot prints the caller's CSpace, slot by slot, with each
 * cap's object, badge, rights and CDT flags. Partners: debug.h, syscall.c.
 */
#include "debug.h"

#include "arch.h"
#include "thread.h"

static const char *state_name(const tcb_t *t)
{
    if (t == current_thread && t->state == THREAD_RUNNING)
        return "current";
    switch (t->state) {
    case THREAD_INACTIVE: return "inactive";
    case THREAD_RUNNING: return "runnable";
    case THREAD_BLOCKED_ON_RECV: return "BlockedOnRecv";
    case THREAD_BLOCKED_ON_SEND: return "BlockedOnSend";
    case THREAD_BLOCKED_ON_REPLY: return "BlockedOnReply";
    case THREAD_BLOCKED_ON_NOTIFICATION: return "BlockedOnNotification";
    }
    return "?";
}

void debug_dump_scheduler(void)
{
    kprintf("%-16s %-21s %4s %4s %10s\n", "thread", "state", "prio", "mcp", "pc");
    for (tcb_t *t = all_threads; t; t = t->all_next)
        kprintf("%-16s %-21s %4u %4u 0x%08x\n", t->name[0] ? t->name : "(unnamed)", state_name(t),
                t->priority, t->mcp, arch_get_pc(&t->context));
}

static void print_cap(const cte_t *slot)
{
    cap_t c = slot->cap;
    kprintf("%s @0x%08x", cap_type_name(cap_type(c)), cap_addr(c));
    switch (cap_type(c)) {
    case CAP_UNTYPED:
        kprintf(" 2^%u bytes, %u used%s", untyped_size_bits(c), untyped_free_bytes(c),
                untyped_is_device(c) ? ", device" : "");
        break;
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
        kprintf(" badge 0x%x rights 0x%x", cap_badge(c), cap_ep_rights(c));
        break;
    case CAP_CNODE:
        kprintf(" radix %u guard 0x%x/%u", cnode_radix(c), cnode_guard(c), cnode_guard_size(c));
        break;
    default:
        break;
    }
    kprintf("%s%s\n", mdb_revocable(slot) ? " original" : "",
            mdb_first_badged(slot) ? " first-badged" : "");
}

/* Prints one CNode's non-empty slots, descending into CNodes up to depth 3. */
static void print_cnode(cap_t cnode, unsigned depth)
{
    cte_t *slots = cnode_slots(cnode);
    for (uint32_t i = 0; i < (1u << cnode_radix(cnode)); i++) {
        if (cap_is_null(slots[i].cap))
            continue;
        for (unsigned d = 0; d < 2 * depth + 2; d++)
            kputc(' ');
        kprintf("[%u] ", i);
        print_cap(&slots[i]);
        if (cap_type(slots[i].cap) == CAP_CNODE && depth < 3 &&
            cap_addr(slots[i].cap) != cap_addr(cnode))
            print_cnode(slots[i].cap, depth + 1);
    }
}

void debug_snapshot(void)
{
    tcb_t *t = current_thread;
    cap_t root = thread_cspace(t);
    /* A thread may have deleted its own CSpace root: there is nothing to walk. */
    if (cap_type(root) != CAP_CNODE) {
        kprintf("snapshot: thread '%s' has no CSpace\n", t->name);
        return;
    }
    kprintf("snapshot: CSpace of thread '%s'\n", t->name);
    print_cnode(root, 0);
}

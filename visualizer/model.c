/*
 * visualizer/model.c - applying trace events to the visualizer's model. Caps are
 * kept in an array sorted by slot address (binary search; the kernel's slots are
 * few thousand at most). A deleted cap's children are handed to its parent, as the
 * kernel's CDT list does; a moved cap takes its children with it. Every event also
 * goes to the IPC part (ipc_model.c) and the address-space part (vspace_model.c; a
 * fault goes with the faulting thread's page directory). Partners: model.h,
 * ipc_model.c, vspace_model.c, vspace_links.c.
 */
#include "model.h"

#include "grow.h"
#include "vspace_links.h"

#include <stdlib.h>
#include <string.h>

#include <sel4/constants.h>
#include <sel4/objecttype.h>

#define GHOSTS (sizeof(((vis_model_t *)0)->ghosts) / sizeof(vis_ghost_t))

void vis_model_init(vis_model_t *m)
{
    memset(m, 0, sizeof(*m));
}

void vis_model_free(vis_model_t *m)
{
    free(m->caps);
    free(m->objects);
    free(m->threads);
    vis_ipc_free(&m->ipc);
    vis_vspace_free(&m->vspace);
    vis_place_free(&m->place);
    memset(m, 0, sizeof(*m));
}

/* Index of the first cap with slot >= `slot`. */
static size_t cap_index(const vis_model_t *m, uint32_t slot)
{
    size_t lo = 0, hi = m->cap_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->caps[mid].slot < slot)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const vis_cap_t *vis_model_cap_at(const vis_model_t *m, uint32_t slot)
{
    size_t i = cap_index(m, slot);
    return i < m->cap_count && m->caps[i].slot == slot ? &m->caps[i] : NULL;
}

static void put_cap(vis_model_t *m, const vis_cap_t *c)
{
    size_t i = cap_index(m, c->slot);
    if (i < m->cap_count && m->caps[i].slot == c->slot) {
        m->caps[i] = *c;
        return;
    }
    m->caps = vis_grow(m->caps, &m->cap_cap, m->cap_count, sizeof(vis_cap_t));
    memmove(&m->caps[i + 1], &m->caps[i], (m->cap_count - i) * sizeof(vis_cap_t));
    m->caps[i] = *c;
    m->cap_count++;
}

static void reparent(vis_model_t *m, uint32_t from, uint32_t to)
{
    for (size_t i = 0; i < m->cap_count; i++)
        if (m->caps[i].parent == from)
            m->caps[i].parent = to;
}

/* Removes the cap in slot (if any). A deleted cap's children go to its parent,
 * and it is kept as a ghost; a moving cap keeps its children. */
static void remove_cap(vis_model_t *m, uint32_t slot, bool deleted)
{
    size_t i = cap_index(m, slot);
    if (i >= m->cap_count || m->caps[i].slot != slot)
        return;
    vis_cap_t gone = m->caps[i];
    memmove(&m->caps[i], &m->caps[i + 1], (m->cap_count - i - 1) * sizeof(vis_cap_t));
    m->cap_count--;
    if (deleted) {
        reparent(m, slot, gone.parent);
        m->ghosts[m->ghost_count % GHOSTS] = (vis_ghost_t){gone, m->events};
        m->ghost_count++;
    }
}

static vis_thread_t *thread_for(vis_model_t *m, uint32_t tcb)
{
    for (size_t i = 0; i < m->thread_count; i++)
        if (m->threads[i].tcb == tcb)
            return &m->threads[i];
    m->threads = vis_grow(m->threads, &m->thread_cap, m->thread_count, sizeof(vis_thread_t));
    vis_thread_t *t = &m->threads[m->thread_count++];
    memset(t, 0, sizeof(*t));
    t->tcb = tcb;
    return t;
}

const vis_thread_t *vis_model_thread(const vis_model_t *m, uint32_t tcb)
{
    for (size_t i = 0; i < m->thread_count; i++)
        if (m->threads[i].tcb == tcb)
            return &m->threads[i];
    return NULL;
}

static void remove_thread(vis_model_t *m, uint32_t tcb)
{
    for (size_t i = 0; i < m->thread_count; i++)
        if (m->threads[i].tcb == tcb) {
            m->threads[i] = m->threads[--m->thread_count];
            break;
        }
    if (m->current_tcb == tcb)
        m->current_tcb = 0;
}

static void add_object(vis_model_t *m, const uint32_t *w)
{
    m->objects = vis_grow(m->objects, &m->object_cap, m->object_count, sizeof(vis_object_t));
    vis_object_t *o = &m->objects[m->object_count++];
    o->type = w[1];
    o->addr = w[2];
    o->size_bits = w[3];
    o->untyped = w[4];
    /* Retype's size argument means nothing for a TCB, and is a CNode's radix. */
    if (o->type == seL4_TCBObject)
        o->size_bits = seL4_TCBBits;
    else if (o->type == seL4_CapTableObject)
        o->size_bits += seL4_SlotBits;
    if (o->type == seL4_TCBObject)
        thread_for(m, o->addr);
}

static void remove_object(vis_model_t *m, uint32_t cap_type, uint32_t addr)
{
    for (size_t i = 0; i < m->object_count; i++)
        if (m->objects[i].addr == addr) {
            m->objects[i] = m->objects[--m->object_count];
            break;
        }
    if (cap_type == TRACE_CAP_THREAD)
        remove_thread(m, addr);
}

static void move_cap(vis_model_t *m, const uint32_t *w)
{
    const vis_cap_t *old = vis_model_cap_at(m, w[1]);
    vis_cap_t c = old ? *old : (vis_cap_t){0};
    remove_cap(m, w[1], false);
    c.slot = w[2];
    c.w0 = w[3];
    c.w1 = w[4];
    put_cap(m, &c);
    reparent(m, w[1], w[2]);
}

static void swap_caps(vis_model_t *m, const uint32_t *w)
{
    vis_cap_t *a = (vis_cap_t *)vis_model_cap_at(m, w[1]);
    vis_cap_t *b = (vis_cap_t *)vis_model_cap_at(m, w[2]);
    if (!a || !b)
        return;
    vis_cap_t ta = *a, tb = *b;
    /* The caps trade slots; their CDT places (parents, flags) go with them. */
    tb.slot = w[1], tb.w0 = w[3], tb.w1 = w[4];
    ta.slot = w[2], ta.w0 = w[5], ta.w1 = w[6];
    *a = tb;
    *b = ta;
    /* Children follow: swap the parent references through a value no slot has. */
    reparent(m, w[1], 1);
    reparent(m, w[2], w[1]);
    reparent(m, 1, w[2]);
}

static void apply_cap_event(vis_model_t *m, unsigned type, const uint32_t *w)
{
    switch (type) {
    case TRACE_CAP_INSERT: {
        vis_cap_t c = {w[1], w[2], w[3], w[4], w[5], m->events};
        const vis_cap_t *up = w[4] ? vis_model_cap_at(m, w[4]) : NULL;
        vis_place_insert(&m->place, w[1], w[2], w[3], up ? w[4] : 0, up ? up->w0 : 0,
                         up ? up->w1 : 0, w[6], m->events);
        put_cap(m, &c);
        break;
    }
    case TRACE_CAP_MOVE:
        vis_place_move(&m->place, w[1], w[2]);
        move_cap(m, w);
        break;
    case TRACE_CAP_SWAP:
        vis_place_swap(&m->place, w[1], w[2]);
        swap_caps(m, w);
        break;
    case TRACE_CAP_DELETE:
        vis_place_delete(&m->place, w[1], m->events);
        remove_cap(m, w[1], true);
        break;
    case TRACE_CAP_UPDATE: {
        vis_cap_t *c = (vis_cap_t *)vis_model_cap_at(m, w[1]);
        if (c) {
            c->w0 = w[2];
            c->w1 = w[3];
        }
        break;
    }
    default: break;
    }
}

static void apply_thread_event(vis_model_t *m, unsigned type, const uint32_t *w)
{
    switch (type) {
    case TRACE_THREAD_STATE: {
        vis_thread_t *t = thread_for(m, w[1]);
        t->state = w[2];
        t->waiting_on = t->wait_badge = 0; /* a thread-blocked event follows a block */
        break;
    }
    case TRACE_THREAD_BLOCKED_EVENT: {
        vis_thread_t *t = thread_for(m, w[1]);
        t->state = w[2];
        t->waiting_on = w[3];
        t->wait_badge = w[4];
        break;
    }
    case TRACE_THREAD_PRIORITY: {
        vis_thread_t *t = thread_for(m, w[1]);
        t->priority = w[2];
        t->mcp = w[3];
        break;
    }
    case TRACE_THREAD_NAME: {
        vis_thread_t *t = thread_for(m, w[1]);
        memcpy(t->name, &w[2], 16);
        t->name[16] = '\0';
        break;
    }
    case TRACE_SWITCH: m->current_tcb = w[2]; break;
    case TRACE_KERNEL_ENTRY:
        vis_place_new_step(&m->place); /* the last step's deleted caps go */
        m->in_kernel = true;
        m->last_entry_cause = w[1];
        m->last_entry_detail = w[2];
        break;
    case TRACE_KERNEL_EXIT:
        m->in_kernel = false;
        m->current_tcb = w[1];
        break;
    default: break;
    }
}

void vis_model_apply(vis_model_t *m, const trace_record_t *rec)
{
    const uint32_t *w = rec->words;
    unsigned type = trace_record_type(rec);
    m->icount = rec->icount;
    vis_ipc_apply(&m->ipc, rec, m->events);
    vis_vspace_apply(&m->vspace, rec, m->events);
    switch (type) {
    case TRACE_BOOT:
        m->platform = w[2];
        m->ram_base = w[3];
        m->ram_size = w[4];
        break;
    case TRACE_OBJECT_CREATE: add_object(m, w); break;
    case TRACE_OBJECT_DELETE: remove_object(m, w[1], w[2]); break;
    case TRACE_CAP_INSERT:
    case TRACE_CAP_MOVE:
    case TRACE_CAP_SWAP:
    case TRACE_CAP_DELETE:
    case TRACE_CAP_UPDATE: apply_cap_event(m, type, w); break;
    case TRACE_THREAD_STATE:
    case TRACE_THREAD_BLOCKED_EVENT:
    case TRACE_THREAD_PRIORITY:
    case TRACE_THREAD_NAME:
    case TRACE_SWITCH:
    case TRACE_KERNEL_ENTRY:
    case TRACE_KERNEL_EXIT: apply_thread_event(m, type, w); break;
    case TRACE_IPC_SEND:
    case TRACE_IPC_RECV:
    case TRACE_IPC_REPLY:
    case TRACE_SIGNAL: break; /* ipc_model.c's */
    case TRACE_FAULT: vis_vspace_fault(&m->vspace, w, vis_thread_pd(m, w[1]), m->events); break;
    case TRACE_MAP:
    case TRACE_UNMAP: break; /* vspace_model.c's */
    case TRACE_REVOKE_BEGIN:
    case TRACE_REVOKE_END:
    case TRACE_INVOCATION: /* steps.c names the timeline's steps with it */
    case TRACE_IRQ: break;
    default: m->unknown_events++; break;
    }
    m->events++;
}

size_t vis_model_children(const vis_model_t *m, uint32_t slot, const vis_cap_t **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < m->cap_count; i++)
        if (m->caps[i].parent == slot) {
            if (n < max)
                out[n] = &m->caps[i];
            n++;
        }
    return n;
}

size_t vis_model_slots_in(const vis_model_t *m, uint32_t addr, uint32_t size_bits,
                          const vis_cap_t **out, size_t max)
{
    uint64_t end = (uint64_t)addr + (1ull << size_bits);
    size_t n = 0;
    for (size_t i = cap_index(m, addr); i < m->cap_count && m->caps[i].slot < end; i++) {
        if (n < max)
            out[n] = &m->caps[i];
        n++;
    }
    return n;
}

static int by_address(const void *a, const void *b)
{
    const vis_object_t *x = *(const vis_object_t *const *)a, *y = *(const vis_object_t *const *)b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

size_t vis_model_objects_from(const vis_model_t *m, uint32_t slot, const vis_object_t **out,
                              size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < m->object_count; i++)
        if (m->objects[i].untyped == slot) {
            if (n < max)
                out[n] = &m->objects[i];
            n++;
        }
    qsort(out, n < max ? n : max, sizeof(*out), by_address);
    return n;
}

const char *vis_cap_type_name(unsigned type)
{
    static const char *names[] = {
        "null", "untyped", "endpoint", "notification", "reply", "cnode", "thread",
        "irq control", "irq handler", "domain", "frame", "page table", "page directory",
        "asid control", "asid pool", "zombie",
    };
    return type < sizeof(names) / sizeof(names[0]) ? names[type] : "?";
}

void vis_rights_string(uint32_t rights, char out[8])
{
    size_t n = 0;
    if (rights & CAPW_RIGHT_READ)
        out[n++] = 'R';
    if (rights & CAPW_RIGHT_WRITE)
        out[n++] = 'W';
    if (rights & CAPW_RIGHT_GRANT)
        out[n++] = 'G';
    if (rights & CAPW_RIGHT_GRANT_REPLY) {
        out[n++] = 'G';
        out[n++] = 'R';
    }
    out[n] = '\0';
}

/*
 * visualizer/vspace_model.c - page directories' mappings from map, unmap and
 * object-delete events. Mappings are one sorted array (page directory, address, a
 * table before the pages in its MiB), so one space is a contiguous run of it. An unmap
 * of a page table takes the pages mapped through it too (the kernel lists them no
 * further); a page directory's deletion takes its whole space. Whatever goes is kept
 * a moment as a ghost. Partners: vspace_model.h, model.c.
 */
#include "vspace_model.h"

#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sel4/faults.h>

#define MIB_MASK 0xFFF00000u

void vis_vspace_init(vis_vspace_t *vs)
{
    memset(vs, 0, sizeof(*vs));
}

void vis_vspace_free(vis_vspace_t *vs)
{
    free(vs->maps);
    memset(vs, 0, sizeof(*vs));
}

/* Is mp before the key (pd, vaddr, table) in the array's order: page directory,
 * address, and a table before a page at the same address? */
static bool before_key(const vis_mapping_t *mp, uint32_t pd, uint32_t vaddr, bool table)
{
    if (mp->pd != pd)
        return mp->pd < pd;
    if (mp->vaddr != vaddr)
        return mp->vaddr < vaddr;
    return vis_mapping_is_table(mp) && !table;
}

/* Index of the first mapping not before the key. */
static size_t lower_bound(const vis_vspace_t *vs, uint32_t pd, uint32_t vaddr, bool table)
{
    size_t lo = 0, hi = vs->map_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (before_key(&vs->maps[mid], pd, vaddr, table))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void bury(vis_vspace_t *vs, const vis_mapping_t *mp, uint32_t event)
{
    vs->ghosts[vs->ghost_count % VIS_VSPACE_GHOSTS] = (vis_mapping_ghost_t){*mp, event};
    vs->ghost_count++;
}

/* What a removal takes: in page directory pd, entries overlapping [lo, hi] (inclusive,
 * so the top of the space fits), of the kinds asked for. */
typedef struct sweep {
    uint32_t pd, lo, hi;
    bool tables, frames, small_only; /* small_only: frames below a MiB (a table's pages) */
    uint32_t paddr;                  /* with any_pd: frames at this physical address */
    bool any_pd;
} sweep_t;

static bool swept(const sweep_t *s, const vis_mapping_t *mp)
{
    bool table = vis_mapping_is_table(mp);
    if (s->any_pd)
        return !table && mp->paddr == s->paddr;
    if (mp->pd != s->pd || (table ? !s->tables : !s->frames))
        return false;
    if (!table && s->small_only && mp->size_bits >= VIS_SECTION_BITS)
        return false;
    uint64_t last = mp->vaddr + vis_mapping_span(mp) - 1;
    return mp->vaddr <= s->hi && last >= s->lo;
}

/* Removes what the sweep takes; ghosts keep it when `event` is not ~0. */
static void remove_swept(vis_vspace_t *vs, const sweep_t *s, uint32_t event)
{
    size_t kept = 0;
    for (size_t i = 0; i < vs->map_count; i++) {
        if (swept(s, &vs->maps[i])) {
            if (event != ~0u)
                bury(vs, &vs->maps[i], event);
            continue;
        }
        vs->maps[kept++] = vs->maps[i];
    }
    vs->map_count = kept;
}

static void insert(vis_vspace_t *vs, const vis_mapping_t *mp)
{
    bool table = vis_mapping_is_table(mp);
    size_t i = lower_bound(vs, mp->pd, mp->vaddr, table);
    if (i < vs->map_count && vs->maps[i].pd == mp->pd && vs->maps[i].vaddr == mp->vaddr &&
        vis_mapping_is_table(&vs->maps[i]) == table) {
        vs->maps[i] = *mp; /* a remap */
        return;
    }
    vs->maps = vis_grow(vs->maps, &vs->map_cap, vs->map_count, sizeof(*vs->maps));
    memmove(&vs->maps[i + 1], &vs->maps[i], (vs->map_count - i) * sizeof(*vs->maps));
    vs->maps[i] = *mp;
    vs->map_count++;
}

static bool valid_size(uint32_t bits)
{
    return bits == VIS_MAP_TABLE_BITS || bits == 12 || bits == 16 || bits == 20 || bits == 24;
}

/* map: page directory, vaddr, paddr, size bits, access, slot. A frame replaces any
 * other frame it overlaps (a remap repeats the event); a table sits at its MiB. */
static void on_map(vis_vspace_t *vs, const uint32_t *w, uint32_t event)
{
    if (!valid_size(w[4]))
        return;
    vis_mapping_t mp = {w[1], w[2], w[3], w[4], w[5], w[6], event};
    vs->map_events++;
    if (vis_mapping_is_table(&mp)) {
        mp.vaddr &= MIB_MASK;
    } else {
        mp.vaddr &= ~((1u << mp.size_bits) - 1);
        uint32_t last = mp.vaddr + (uint32_t)(vis_mapping_span(&mp) - 1);
        sweep_t s = {.pd = mp.pd, .lo = mp.vaddr, .hi = last, .frames = true};
        remove_swept(vs, &s, ~0u);
    }
    insert(vs, &mp);
}

/* unmap: page directory, vaddr, size bits, slot. A table takes its pages with it. */
static void on_unmap(vis_vspace_t *vs, const uint32_t *w, uint32_t event)
{
    if (!valid_size(w[3]))
        return;
    sweep_t s = {.pd = w[1]};
    if (w[3] == VIS_MAP_TABLE_BITS) {
        s.lo = w[2] & MIB_MASK;
        s.hi = s.lo + ((1u << VIS_SECTION_BITS) - 1);
        s.tables = s.frames = s.small_only = true;
    } else {
        s.lo = w[2] & ~((1u << w[3]) - 1);
        s.hi = s.lo + ((1u << w[3]) - 1);
        s.frames = true;
    }
    remove_swept(vs, &s, event);
}

/* object-delete: a page directory takes its whole space (and its faults are no longer
 * shown); a frame leaves every space it was still mapped in. */
static void on_object_delete(vis_vspace_t *vs, const uint32_t *w, uint32_t event)
{
    if (w[1] == TRACE_CAP_PAGE_DIRECTORY) {
        sweep_t s = {.pd = w[2], .lo = 0, .hi = ~0u, .tables = true, .frames = true};
        remove_swept(vs, &s, event);
        for (size_t i = 0; i < VIS_VSPACE_FAULTS; i++)
            if (vs->faults[i].pd == w[2])
                vs->faults[i].pd = 0;
    } else if (w[1] == TRACE_CAP_FRAME) {
        sweep_t s = {.any_pd = true, .paddr = w[2]};
        remove_swept(vs, &s, event);
    }
}

void vis_vspace_apply(vis_vspace_t *vs, const trace_record_t *rec, uint32_t event)
{
    const uint32_t *w = rec->words;
    switch (trace_record_type(rec)) {
    case TRACE_MAP: on_map(vs, w, event); break;
    case TRACE_UNMAP: on_unmap(vs, w, event); break;
    case TRACE_OBJECT_DELETE: on_object_delete(vs, w, event); break;
    default: break;
    }
}

void vis_vspace_fault(vis_vspace_t *vs, const uint32_t *w, uint32_t pd, uint32_t event)
{
    if (w[2] != seL4_Fault_VMFault) /* w: TCB, type, address, PC */
        return;
    vs->faults[vs->fault_count % VIS_VSPACE_FAULTS] =
        (vis_vm_fault_t){.tcb = w[1], .pd = pd, .address = w[3], .pc = w[4], .event = event};
    vs->fault_count++;
}

const vis_mapping_t *vis_vspace_of(const vis_vspace_t *vs, uint32_t pd, size_t *count)
{
    size_t first = lower_bound(vs, pd, 0, true), end = first;
    while (end < vs->map_count && vs->maps[end].pd == pd)
        end++;
    *count = end - first;
    return end > first ? &vs->maps[first] : NULL;
}

const vis_mapping_t *vis_vspace_lookup(const vis_vspace_t *vs, uint32_t pd, uint32_t vaddr)
{
    size_t n;
    const vis_mapping_t *maps = vis_vspace_of(vs, pd, &n);
    for (size_t i = 0; i < n; i++) /* frames never overlap: the first that covers it */
        if (!vis_mapping_is_table(&maps[i]) && vaddr >= maps[i].vaddr &&
            vaddr - maps[i].vaddr < vis_mapping_span(&maps[i]))
            return &maps[i];
    return NULL;
}

const vis_mapping_t *vis_vspace_table(const vis_vspace_t *vs, uint32_t pd, uint32_t vaddr)
{
    size_t i = lower_bound(vs, pd, vaddr & MIB_MASK, true);
    if (i < vs->map_count && vs->maps[i].pd == pd && vs->maps[i].vaddr == (vaddr & MIB_MASK) &&
        vis_mapping_is_table(&vs->maps[i]))
        return &vs->maps[i];
    return NULL;
}

size_t vis_vspace_pds(const vis_vspace_t *vs, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < vs->map_count; i++)
        if (i == 0 || vs->maps[i].pd != vs->maps[i - 1].pd) {
            if (n < max)
                out[n] = vs->maps[i].pd;
            n++;
        }
    return n;
}

vis_access_kind_t vis_access_kind(uint32_t access)
{
    /* ARM has no write-only page: the kernel maps a write right as read-write. */
    if (access & TRACE_MAP_WRITE)
        return VIS_ACCESS_RW;
    return access & TRACE_MAP_READ ? VIS_ACCESS_RO : VIS_ACCESS_NONE;
}

void vis_access_label(uint32_t access, char *out, size_t len)
{
    static const char *const kinds[] = {"RW", "R", "kernel only"};
    const char *kind = kinds[vis_access_kind(access)];
    const char *x = vis_access_kind(access) == VIS_ACCESS_NONE ? ""
                    : access & TRACE_MAP_EXECUTE_NEVER          ? " XN"
                                                                : " X";
    const char *extra = access & TRACE_MAP_DEVICE       ? ", device"
                        : !(access & TRACE_MAP_CACHEABLE) ? ", uncached"
                                                          : "";
    snprintf(out, len, "%s%s%s", kind, x, extra);
}

const char *vis_mapping_kind_name(uint32_t size_bits)
{
    switch (size_bits) {
    case 12: return "4 KiB page";
    case 16: return "64 KiB page";
    case 20: return "1 MiB section";
    case 24: return "16 MiB supersection";
    case VIS_MAP_TABLE_BITS: return "page table";
    default: return "?";
    }
}

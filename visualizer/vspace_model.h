/*
 * visualizer/vspace_model.h - address spaces as the trace stream tells them: for each
 * page directory, the frames and page tables mapped in it (map and unmap events,
 * docs/trace-format.md), the mappings that just went (so the view can flash them), and
 * the recent VM faults with the page directory they hit. The model (model.h) holds one
 * and feeds it every event. Partners: vspace_model.c, model.c, vspace_links.c (mappings
 * to caps), vspace_layout.c (the VSpace tab), tests/sim/test_vis_vspace_model.c.
 */
#ifndef VIS_VSPACE_MODEL_H
#define VIS_VSPACE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../trace/decode.h"

/* The size bits of a map event that installs a page table (it covers one MiB). */
#define VIS_MAP_TABLE_BITS 10u
#define VIS_SECTION_BITS 20u /* one MiB: what a page directory entry covers */

/* One entry of a page directory: a frame, or a page table covering a MiB. */
typedef struct vis_mapping {
    uint32_t pd;        /* the page directory (kernel address) */
    uint32_t vaddr;     /* first virtual address (a page table's: its MiB) */
    uint32_t paddr;     /* the frame's physical address, or the page table's */
    uint32_t size_bits; /* 12, 16, 20, 24 for frames; VIS_MAP_TABLE_BITS for a table */
    uint32_t access;    /* TRACE_MAP_* */
    uint32_t slot;      /* the slot of the cap it was mapped through (the map event's) */
    uint32_t born;      /* index of the event that mapped (or last remapped) it */
} vis_mapping_t;

/* A mapping that went a moment ago. */
typedef struct vis_mapping_ghost {
    vis_mapping_t map;
    uint32_t died; /* index of the unmap (or delete) event */
} vis_mapping_ghost_t;

/* A VM fault, with the page directory of the faulting thread at the time. */
typedef struct vis_vm_fault {
    uint32_t tcb, pd; /* pd 0: the thread had no page directory cap */
    uint32_t address, pc;
    uint32_t event;
} vis_vm_fault_t;

#define VIS_VSPACE_GHOSTS 64u /* the newest unmaps are kept for flashing */
#define VIS_VSPACE_FAULTS 16u /* the newest VM faults are kept */

typedef struct vis_vspace {
    /* Sorted by page directory, then address, a page table before the pages in it. */
    vis_mapping_t *maps; size_t map_count, map_cap;
    vis_mapping_ghost_t ghosts[VIS_VSPACE_GHOSTS]; size_t ghost_count; /* a ring */
    vis_vm_fault_t faults[VIS_VSPACE_FAULTS]; size_t fault_count;      /* a ring */
    uint32_t map_events; /* map events seen: none from a kernel that does not send them */
} vis_vspace_t;

void vis_vspace_init(vis_vspace_t *vs);
void vis_vspace_free(vis_vspace_t *vs);
/* Applies a map, unmap or object-delete event (`event` is its index in the stream);
 * other events are ignored. Faults come through vis_vspace_fault. */
void vis_vspace_apply(vis_vspace_t *vs, const trace_record_t *rec, uint32_t event);
/* Notes a fault (thread, seL4 fault type, address, PC) of a thread whose page directory
 * is pd; only VM faults are kept. */
void vis_vspace_fault(vis_vspace_t *vs, const uint32_t *payload, uint32_t pd, uint32_t event);

/* The mappings of pd in address order (a page table before its pages): a pointer to
 * the first and their number in *count (NULL and 0 when there are none). */
const vis_mapping_t *vis_vspace_of(const vis_vspace_t *vs, uint32_t pd, size_t *count);
/* The frame mapped over vaddr in pd, or NULL. */
const vis_mapping_t *vis_vspace_lookup(const vis_vspace_t *vs, uint32_t pd, uint32_t vaddr);
/* The page table installed for vaddr's MiB in pd, or NULL. */
const vis_mapping_t *vis_vspace_table(const vis_vspace_t *vs, uint32_t pd, uint32_t vaddr);
/* The page directories with anything mapped, in address order; returns how many
 * (only the first max are stored). */
size_t vis_vspace_pds(const vis_vspace_t *vs, uint32_t *out, size_t max);

/* The three kinds of access the VSpace tab colours: read-write, read-only, none for the
 * user (a kernel-only mapping). Execute-never is shown apart (the same colour, striped). */
typedef enum vis_access_kind { VIS_ACCESS_RW, VIS_ACCESS_RO, VIS_ACCESS_NONE } vis_access_kind_t;
vis_access_kind_t vis_access_kind(uint32_t access);
/* A map event's access in words: "RW XN", "R X", "kernel only", plus ", device" or
 * ", uncached" when so. */
void vis_access_label(uint32_t access, char *out, size_t len);
/* "4 KiB page", "64 KiB page", "1 MiB section", "16 MiB supersection", "page table". */
const char *vis_mapping_kind_name(uint32_t size_bits);

static inline bool vis_mapping_is_table(const vis_mapping_t *mp)
{
    return mp->size_bits == VIS_MAP_TABLE_BITS;
}
/* Bytes of address space the entry covers: a page table covers its MiB. */
static inline uint64_t vis_mapping_span(const vis_mapping_t *mp)
{
    return 1ull << (vis_mapping_is_table(mp) ? VIS_SECTION_BITS : mp->size_bits);
}

#endif

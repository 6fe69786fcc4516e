/*
 * visualizer/vspace_links.c - from mappings to caps and back. A frame cap's words say
 * where it is mapped (ASID and address); a page directory's cap says its ASID; so a
 * mapping's cap is the frame cap mapped at its address in its directory's ASID. The
 * map event's slot is only a fallback: caps move, and the slot goes stale.
 * Partners: vspace_links.h, model.c, vspace_layout.c, render_side.c.
 */
#include "vspace_links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"

#define TCB_VSPACE_SLOT 1u
#define MIB_BYTES (1u << VIS_SECTION_BITS) /* a TCB's slots: CSpace root, VSpace root, IPC buffer */

const vis_cap_t *vis_thread_vspace(const vis_model_t *m, uint32_t tcb)
{
    const vis_cap_t *c = vis_model_cap_at(m, tcb + TCB_VSPACE_SLOT * VIS_SLOT_BYTES);
    return c && vis_cap_type(c->w0) == TRACE_CAP_PAGE_DIRECTORY ? c : NULL;
}

uint32_t vis_thread_pd(const vis_model_t *m, uint32_t tcb)
{
    const vis_cap_t *c = tcb ? vis_thread_vspace(m, tcb) : NULL;
    return c ? vis_cap_addr(c->w0) : 0;
}

uint32_t vis_pd_asid(const vis_model_t *m, uint32_t pd)
{
    for (size_t i = 0; pd && i < m->cap_count; i++) {
        const vis_cap_t *c = &m->caps[i];
        if (vis_cap_type(c->w0) == TRACE_CAP_PAGE_DIRECTORY && vis_cap_addr(c->w0) == pd &&
            capw_pd_assigned(c->w1))
            return capw_pd_asid(c->w1);
    }
    return 0;
}

uint32_t vis_asid_pd(const vis_model_t *m, uint32_t asid)
{
    for (size_t i = 0; asid && i < m->cap_count; i++) {
        const vis_cap_t *c = &m->caps[i];
        if (vis_cap_type(c->w0) == TRACE_CAP_PAGE_DIRECTORY && capw_pd_assigned(c->w1) &&
            capw_pd_asid(c->w1) == asid)
            return vis_cap_addr(c->w0);
    }
    return 0;
}

size_t vis_pd_threads(const vis_model_t *m, uint32_t pd, uint32_t *tcbs, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; pd && i < m->thread_count; i++)
        if (vis_thread_pd(m, m->threads[i].tcb) == pd) {
            if (n < max)
                tcbs[n] = m->threads[i].tcb;
            n++;
        }
    return n;
}

void vis_space_label(const vis_model_t *m, uint32_t pd, char *out, size_t len)
{
    uint32_t tcbs[2];
    size_t n = vis_pd_threads(m, pd, tcbs, 2);
    char first[32], second[32];
    if (!n) {
        snprintf(out, len, "page directory %08x", pd);
        return;
    }
    vis_thread_label(m, tcbs[0], first, sizeof(first));
    if (n > 1)
        vis_thread_label(m, tcbs[1], second, sizeof(second));
    if (n == 1)
        snprintf(out, len, "%s", first);
    else if (n == 2)
        snprintf(out, len, "%s, %s", first, second);
    else
        snprintf(out, len, "%s, %s and %zu more", first, second, n - 2);
}

/* Where a frame or table cap says it is mapped; false when it is not (or is neither). */
static bool cap_mapping(const vis_cap_t *c, uint32_t *asid, uint32_t *vaddr)
{
    unsigned type = vis_cap_type(c->w0);
    if (type == TRACE_CAP_FRAME && capw_frame_asid(c->w0, c->w1)) {
        *asid = capw_frame_asid(c->w0, c->w1);
        *vaddr = capw_frame_vaddr(c->w1);
        return true;
    }
    if (type == TRACE_CAP_PAGE_TABLE && capw_pt_mapped(c->w1)) {
        *asid = capw_pt_asid(c->w1);
        *vaddr = capw_pt_vaddr(c->w1);
        return true;
    }
    return false;
}

void vis_space_asid_label(const vis_model_t *m, uint32_t pd, char *out, size_t len)
{
    char space[64];
    uint32_t asid = vis_pd_asid(m, pd);
    vis_space_label(m, pd, space, sizeof(space));
    if (asid)
        snprintf(out, len, "%s (ASID %u)", space, asid);
    else
        snprintf(out, len, "%s", space);
}

bool vis_cap_mapped_at(const vis_model_t *m, const vis_cap_t *cap, uint32_t *pd, uint32_t *asid,
                       uint32_t *vaddr)
{
    if (!cap_mapping(cap, asid, vaddr))
        return false;
    *pd = vis_asid_pd(m, *asid);
    return true;
}

uint32_t vis_cap_space(const vis_model_t *m, const vis_cap_t *cap)
{
    uint32_t pd, asid, vaddr;
    if (!cap)
        return 0;
    if (vis_cap_type(cap->w0) == TRACE_CAP_PAGE_DIRECTORY)
        return vis_cap_addr(cap->w0);
    return vis_cap_mapped_at(m, cap, &pd, &asid, &vaddr) ? pd : 0;
}

size_t vis_frame_other_mappings(const vis_model_t *m, const vis_cap_t *cap,
                                const vis_cap_t **out, size_t max)
{
    size_t n = 0;
    if (vis_cap_type(cap->w0) != TRACE_CAP_FRAME)
        return 0;
    for (size_t i = 0; i < m->cap_count; i++) {
        const vis_cap_t *c = &m->caps[i];
        if (c->slot != cap->slot && vis_cap_type(c->w0) == TRACE_CAP_FRAME &&
            vis_cap_addr(c->w0) == vis_cap_addr(cap->w0) && capw_frame_asid(c->w0, c->w1)) {
            if (n < max)
                out[n] = c;
            n++;
        }
    }
    return n;
}

/* ---- in words ------------------------------------------------------------------------ */

/* "rootserver (ASID 1)", or "ASID 3 (no page directory known)". */
static void asid_words(const vis_model_t *m, uint32_t pd, uint32_t asid, char *out, size_t len)
{
    char space[64];
    if (!pd) {
        snprintf(out, len, "ASID %u (no page directory known)", asid);
        return;
    }
    vis_space_label(m, pd, space, sizeof(space));
    snprintf(out, len, "%s (ASID %u)", space, asid);
}

static void frame_where(const vis_model_t *m, const vis_cap_t *cap, char *out, size_t len)
{
    uint32_t pd, asid, vaddr;
    char space[96], access[48] = "";
    if (!vis_cap_mapped_at(m, cap, &pd, &asid, &vaddr)) {
        snprintf(out, len, "not mapped");
        return;
    }
    asid_words(m, pd, asid, space, sizeof(space));
    const vis_mapping_t *mp = pd ? vis_vspace_lookup(&m->vspace, pd, vaddr) : NULL;
    if (mp && mp->vaddr == vaddr && mp->paddr == vis_cap_addr(cap->w0))
        vis_access_label(mp->access, access, sizeof(access));
    else if (pd && m->vspace.map_events)
        /* The kernel leaves a frame cap's record when its page table goes (as seL4 does):
         * the directory no longer maps it there. */
        snprintf(access, sizeof(access), "but that space no longer maps it");
    snprintf(out, len, "at %08x in %s%s%s", vaddr, space, access[0] ? ", " : "", access);
}

static void frame_others(const vis_model_t *m, const vis_cap_t *cap, char *out, size_t len)
{
    const vis_cap_t *list[4];
    size_t n = vis_frame_other_mappings(m, cap, list, 4), used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 4 && used + 1 < len; i++) {
        uint32_t pd = 0, asid = 0, vaddr = 0;
        char slot[48], space[96];
        vis_cap_mapped_at(m, list[i], &pd, &asid, &vaddr);
        vis_slot_name(m, list[i]->slot, slot, sizeof(slot));
        asid_words(m, pd, asid, space, sizeof(space));
        used += (size_t)snprintf(out + used, len - used, "%s%s at %08x in %s", i ? "; " : "", slot,
                                 vaddr, space);
    }
    if (n > 4 && used + 1 < len)
        snprintf(out + used, len - used, "; %zu more", n - 4);
}

bool vis_cap_mapping_words(const vis_model_t *m, const vis_cap_t *cap, char *where, char *others,
                           size_t len)
{
    uint32_t pd, asid, vaddr;
    char space[96];
    where[0] = others[0] = '\0';
    switch (vis_cap_type(cap->w0)) {
    case TRACE_CAP_FRAME:
        frame_where(m, cap, where, len);
        frame_others(m, cap, others, len);
        return true;
    case TRACE_CAP_PAGE_TABLE:
        if (!vis_cap_mapped_at(m, cap, &pd, &asid, &vaddr)) {
            snprintf(where, len, "not mapped");
            return true;
        }
        asid_words(m, pd, asid, space, sizeof(space));
        snprintf(where, len, "covers %08x–%08x in %s", vaddr, vaddr + (MIB_BYTES - 1), space);
        return true;
    case TRACE_CAP_PAGE_DIRECTORY: {
        size_t n;
        pd = vis_cap_addr(cap->w0);
        vis_vspace_of(&m->vspace, pd, &n);
        vis_space_label(m, pd, space, sizeof(space));
        if (capw_pd_assigned(cap->w1))
            snprintf(where, len, "ASID %u: %s, %zu entr%s mapped", capw_pd_asid(cap->w1), space, n,
                     n == 1 ? "y" : "ies");
        else
            snprintf(where, len, "no ASID assigned yet (nothing can be mapped in it)");
        return true;
    }
    default: return false;
    }
}

/* ---- the index of one ASID's mapped caps ----------------------------------------- */

/* The address a cap is mapped at, when it is a frame or table cap mapped in asid. */
static bool mapped_in(const vis_cap_t *c, uint32_t asid, uint32_t *vaddr)
{
    uint32_t at;
    return cap_mapping(c, &at, vaddr) && at == asid;
}

/* Index order: address, then cap type (a table's cap after the frame at its MiB). */
static int by_mapped_address(const void *a, const void *b)
{
    const vis_cap_t *x = *(const vis_cap_t *const *)a, *y = *(const vis_cap_t *const *)b;
    uint32_t ax, ay, vx = 0, vy = 0;
    cap_mapping(x, &ax, &vx);
    cap_mapping(y, &ay, &vy);
    if (vx != vy)
        return vx < vy ? -1 : 1;
    return (int)vis_cap_type(x->w0) - (int)vis_cap_type(y->w0);
}

void vis_map_index_build(vis_map_index_t *ix, const vis_model_t *m, uint32_t asid)
{
    ix->count = 0;
    ix->asid = asid;
    ix->caps = asid ? malloc((m->cap_count + 1) * sizeof(*ix->caps)) : NULL;
    if (!ix->caps)
        return;
    for (size_t i = 0; i < m->cap_count; i++) {
        uint32_t vaddr;
        if (mapped_in(&m->caps[i], asid, &vaddr))
            ix->caps[ix->count++] = &m->caps[i];
    }
    qsort(ix->caps, ix->count, sizeof(*ix->caps), by_mapped_address);
}

void vis_map_index_free(vis_map_index_t *ix)
{
    free(ix->caps);
    ix->caps = NULL;
    ix->count = 0;
}

/* Does cap c say it is mapped as mp (in asid)? Frames also match on the frame. */
static bool names_mapping(const vis_cap_t *c, uint32_t asid, const vis_mapping_t *mp)
{
    uint32_t vaddr;
    unsigned want = vis_mapping_is_table(mp) ? TRACE_CAP_PAGE_TABLE : TRACE_CAP_FRAME;
    return vis_cap_type(c->w0) == want && mapped_in(c, asid, &vaddr) && vaddr == mp->vaddr;
}

static const vis_cap_t *index_find(const vis_map_index_t *ix, const vis_mapping_t *mp)
{
    uint32_t asid = ix->asid;
    size_t lo = 0, hi = ix->count;
    while (lo < hi) { /* the first cap at or after mp's address */
        size_t mid = (lo + hi) / 2;
        uint32_t vaddr = 0;
        mapped_in(ix->caps[mid], asid, &vaddr);
        if (vaddr < mp->vaddr)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < ix->count; lo++) {
        uint32_t vaddr = 0;
        mapped_in(ix->caps[lo], asid, &vaddr);
        if (vaddr != mp->vaddr)
            break;
        if (names_mapping(ix->caps[lo], asid, mp))
            return ix->caps[lo];
    }
    return NULL;
}

const vis_cap_t *vis_mapping_cap(const vis_model_t *m, const vis_map_index_t *ix,
                                 const vis_mapping_t *mp)
{
    uint32_t asid = ix ? ix->asid : vis_pd_asid(m, mp->pd);
    const vis_cap_t *found = NULL;
    if (asid && ix)
        found = index_find(ix, mp);
    for (size_t i = 0; asid && !ix && !found && i < m->cap_count; i++)
        if (names_mapping(&m->caps[i], asid, mp))
            found = &m->caps[i];
    if (found)
        return found;
    /* The slot the map event named, while it still holds a cap to that object. */
    const vis_cap_t *c = mp->slot ? vis_model_cap_at(m, mp->slot) : NULL;
    unsigned want = vis_mapping_is_table(mp) ? TRACE_CAP_PAGE_TABLE : TRACE_CAP_FRAME;
    if (c && vis_cap_type(c->w0) == want &&
        (want == TRACE_CAP_PAGE_TABLE || vis_cap_addr(c->w0) == mp->paddr))
        return c;
    return NULL;
}

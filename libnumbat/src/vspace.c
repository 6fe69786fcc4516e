/*
 * libnumbat/src/vspace.c - virtual ranges, mappings and fresh pages (see
 * numbat/vspace.h). A mapping that fails for want of a page table (FailedLookup)
 * gets one and is tried again; every other error is the caller's to see.
 */
#include <numbat/vspace.h>

#include <stddef.h>

#define PAGE (1u << seL4_PageBits)

void nb_vspace_init(nb_vspace_t *vs, nb_alloc_t *a, seL4_CPtr pd, seL4_Word start, seL4_Word end)
{
    vs->pd = pd;
    vs->alloc = a;
    vs->next = start;
    vs->end = end;
}

void nb_vspace_init_root(nb_vspace_t *vs, nb_alloc_t *a)
{
    nb_vspace_init(vs, a, seL4_CapInitThreadVSpace, NB_VSPACE_BASE, seL4_UserTop);
}

seL4_Word nb_vspace_reserve(nb_vspace_t *vs, seL4_Word bytes, seL4_Word align)
{
    if (align < PAGE)
        align = PAGE;
    seL4_Word at = (vs->next + align - 1) & ~(align - 1);
    bytes = (bytes + PAGE - 1) & ~(seL4_Word)(PAGE - 1);
    if (at < vs->next || at >= vs->end || vs->end - at < bytes || bytes == 0)
        return 0;
    vs->next = at + bytes;
    return at;
}

seL4_Error nb_vspace_map(nb_vspace_t *vs, seL4_CPtr frame, seL4_Word va, seL4_CapRights_t rights,
                         seL4_ARM_VMAttributes attr)
{
    seL4_Error e = seL4_ARM_Page_Map(frame, vs->pd, va, rights, attr);
    if (e != seL4_FailedLookup)
        return e;
    seL4_CPtr pt = nb_alloc_object(vs->alloc, seL4_ARM_PageTableObject, 0);
    if (!pt)
        return vs->alloc->last_error;
    e = seL4_ARM_PageTable_Map(pt, vs->pd, va, seL4_ARM_Default_VMAttributes);
    if (e != seL4_NoError)
        return e;
    return seL4_ARM_Page_Map(frame, vs->pd, va, rights, attr);
}

void *nb_vspace_new_pages(nb_vspace_t *vs, unsigned pages, seL4_CapRights_t rights,
                          seL4_CPtr *first_frame)
{
    seL4_Word va = nb_vspace_reserve(vs, (seL4_Word)pages * PAGE, PAGE);
    if (!va)
        return NULL;
    for (unsigned i = 0; i < pages; i++) {
        seL4_CPtr f = nb_alloc_object(vs->alloc, seL4_ARM_SmallPageObject, 0);
        if (!f || nb_vspace_map(vs, f, va + i * PAGE, rights, seL4_ARM_Default_VMAttributes) != seL4_NoError)
            return NULL;
        if (i == 0 && first_frame)
            *first_frame = f;
    }
    return (void *)va;
}

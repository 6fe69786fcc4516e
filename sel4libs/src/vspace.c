/*
 * sel4libs/src/vspace.c - vspace_t over libnumbat's address spaces (see
 * vspace/vspace.h, sel4utils/vspace.h, sel4utils/mapping.h). A reservation is a
 * small record of its range and how its pages are to be mapped; every page mapped
 * here is remembered (address and frame cap) so vspace_get_cap can answer. Both
 * come from malloc and, like the addresses, are never given back.
 */
#include <stdlib.h>

#include <sel4utils/mapping.h>
#include <sel4utils/vspace.h>

#include "internal.h"

#define PAGE BIT(seL4_PageBits)

typedef struct sel4utils_res {
    seL4_Word start, bytes;
    seL4_CapRights_t rights;
    int cacheable;
} sel4utils_res_t;

struct sel4utils_mapped {
    seL4_Word vaddr;
    seL4_CPtr cap;
    struct sel4utils_mapped *next;
};

static sel4utils_alloc_data_t *alloc_data(vspace_t *vspace)
{
    return (sel4utils_alloc_data_t *)vspace->data;
}

nb_vspace_t *sel4libs_nb_vspace(vspace_t *vspace)
{
    return alloc_data(vspace)->vs;
}

int sel4utils_bootstrap_vspace_leaky(vspace_t *vspace, sel4utils_alloc_data_t *data, seL4_CPtr page_directory,
                                     vka_t *vka, void *existing_frames[])
{
    (void)existing_frames;
    *data = (sel4utils_alloc_data_t){.vs = &data->own, .vka = vka};
    nb_vspace_init(&data->own, sel4libs_vka_alloc(vka), page_directory, NB_VSPACE_BASE, seL4_UserTop);
    vspace->data = data;
    return 0;
}

int sel4utils_bootstrap_vspace_with_bootinfo_leaky(vspace_t *vspace, sel4utils_alloc_data_t *data,
                                                   seL4_CPtr page_directory, vka_t *vka, seL4_BootInfo *info)
{
    (void)info; /* the image and its page tables lie below the free range */
    return sel4utils_bootstrap_vspace_leaky(vspace, data, page_directory, vka, NULL);
}

int sel4utils_bootstrap_vspace_with_bootinfo(vspace_t *vspace, sel4utils_alloc_data_t *data,
                                             seL4_CPtr page_directory, vka_t *vka, seL4_BootInfo *info)
{
    return sel4utils_bootstrap_vspace_with_bootinfo_leaky(vspace, data, page_directory, vka, info);
}

static reservation_t make_reservation(seL4_Word start, size_t bytes, seL4_CapRights_t rights, int cacheable)
{
    sel4utils_res_t *r = start ? malloc(sizeof(*r)) : NULL;
    if (r)
        *r = (sel4utils_res_t){start, bytes, rights, cacheable};
    return (reservation_t){r};
}

reservation_t vspace_reserve_range_aligned(vspace_t *vspace, size_t bytes, size_t size_bits,
                                           seL4_CapRights_t rights, int cacheable, void **vaddr)
{
    seL4_Word start = nb_vspace_reserve(sel4libs_nb_vspace(vspace), bytes, BIT(size_bits));
    reservation_t res = make_reservation(start, bytes, rights, cacheable);
    *vaddr = res.res ? (void *)start : NULL;
    return res;
}

reservation_t vspace_reserve_range(vspace_t *vspace, size_t bytes, seL4_CapRights_t rights, int cacheable,
                                   void **vaddr)
{
    return vspace_reserve_range_aligned(vspace, bytes, seL4_PageBits, rights, cacheable, vaddr);
}

reservation_t vspace_reserve_range_at(vspace_t *vspace, void *vaddr, size_t bytes, seL4_CapRights_t rights,
                                      int cacheable)
{
    nb_vspace_t *vs = sel4libs_nb_vspace(vspace);
    seL4_Word start = (seL4_Word)vaddr, end = ROUND_UP(start + bytes, PAGE);
    if (start % PAGE || end <= start || end > vs->end)
        return (reservation_t){NULL};
    if (end > vs->next)
        vs->next = end; /* in the free range: skip what lies before it too */
    return make_reservation(start, bytes, rights, cacheable);
}

void vspace_free_reservation(vspace_t *vspace, reservation_t reservation)
{
    (void)vspace;
    free(reservation.res);
}

/* Maps one 4 KiB frame at va and remembers it. */
static int map_one(vspace_t *vspace, seL4_CPtr cap, seL4_Word va, seL4_CapRights_t rights, int cacheable)
{
    sel4utils_alloc_data_t *data = alloc_data(vspace);
    struct sel4utils_mapped *m = malloc(sizeof(*m));
    if (!m)
        return seL4_NotEnoughMemory;
    seL4_ARM_VMAttributes attr = cacheable ? seL4_ARM_Default_VMAttributes : seL4_ARCH_Uncached_VMAttributes;
    int error = nb_vspace_map(data->vs, cap, va, rights, attr);
    if (error) {
        free(m);
        return error;
    }
    *m = (struct sel4utils_mapped){va, cap, data->mapped};
    data->mapped = m;
    return 0;
}

/* Maps caps (or, if caps is NULL, new frames) page by page from va. */
static int map_range(vspace_t *vspace, seL4_CPtr caps[], seL4_Word va, size_t num_pages, size_t size_bits,
                     seL4_CapRights_t rights, int cacheable)
{
    if (size_bits != seL4_PageBits)
        return seL4_InvalidArgument; /* 4 KiB pages only */
    for (size_t i = 0; i < num_pages; i++) {
        seL4_CPtr cap = caps ? caps[i] : 0;
        if (!caps) {
            vka_object_t frame;
            int error = vka_alloc_frame(alloc_data(vspace)->vka, seL4_PageBits, &frame);
            if (error)
                return error;
            cap = frame.cptr;
        }
        int error = map_one(vspace, cap, va + i * PAGE, rights, cacheable);
        if (error)
            return error;
    }
    return 0;
}

void *vspace_new_pages(vspace_t *vspace, seL4_CapRights_t rights, size_t num_pages, size_t size_bits)
{
    seL4_Word va = nb_vspace_reserve(sel4libs_nb_vspace(vspace), num_pages * PAGE, PAGE);
    if (!va || map_range(vspace, NULL, va, num_pages, size_bits, rights, 1) != 0)
        return NULL;
    return (void *)va;
}

int vspace_new_pages_at_vaddr(vspace_t *vspace, void *vaddr, size_t num_pages, size_t size_bits,
                              reservation_t reservation)
{
    sel4utils_res_t *r = reservation.res;
    if (!r)
        return seL4_InvalidArgument;
    return map_range(vspace, NULL, (seL4_Word)vaddr, num_pages, size_bits, r->rights, r->cacheable);
}

void *vspace_map_pages(vspace_t *vspace, seL4_CPtr caps[], uintptr_t cookies[], seL4_CapRights_t rights,
                       size_t num_pages, size_t size_bits, int cacheable)
{
    (void)cookies;
    seL4_Word va = nb_vspace_reserve(sel4libs_nb_vspace(vspace), num_pages * PAGE, PAGE);
    if (!va || map_range(vspace, caps, va, num_pages, size_bits, rights, cacheable) != 0)
        return NULL;
    return (void *)va;
}

int vspace_map_pages_at_vaddr(vspace_t *vspace, seL4_CPtr caps[], uintptr_t cookies[], void *vaddr,
                              size_t num_pages, size_t size_bits, reservation_t reservation)
{
    (void)cookies;
    sel4utils_res_t *r = reservation.res;
    if (!r)
        return seL4_InvalidArgument;
    return map_range(vspace, caps, (seL4_Word)vaddr, num_pages, size_bits, r->rights, r->cacheable);
}

void vspace_unmap_pages(vspace_t *vspace, void *vaddr, size_t num_pages, size_t size_bits, vka_t *vka)
{
    (void)size_bits, (void)vka;
    for (size_t i = 0; i < num_pages; i++) {
        seL4_CPtr cap = vspace_get_cap(vspace, (char *)vaddr + i * PAGE);
        if (cap)
            seL4_ARM_Page_Unmap(cap);
    }
}

void *vspace_new_ipc_buffer(vspace_t *vspace, seL4_CPtr *page)
{
    void *va = vspace_new_pages(vspace, seL4_ReadWrite, 1, seL4_PageBits);
    if (va && page)
        *page = vspace_get_cap(vspace, va);
    return va;
}

void *vspace_new_sized_stack(vspace_t *vspace, size_t n_pages)
{
    nb_vspace_t *vs = sel4libs_nb_vspace(vspace);
    seL4_Word guard = nb_vspace_reserve(vs, PAGE, PAGE);
    char *stack = guard ? vspace_new_pages(vspace, seL4_ReadWrite, n_pages, seL4_PageBits) : NULL;
    if (!stack || (seL4_Word)stack != guard + PAGE)
        return NULL;
    return stack + n_pages * PAGE;
}

void *vspace_new_stack(vspace_t *vspace)
{
    return vspace_new_sized_stack(vspace, DIV_ROUND_UP(CONFIG_SEL4UTILS_STACK_SIZE, PAGE));
}

seL4_CPtr vspace_get_cap(vspace_t *vspace, void *vaddr)
{
    seL4_Word va = ROUND_DOWN((seL4_Word)vaddr, PAGE);
    for (struct sel4utils_mapped *m = alloc_data(vspace)->mapped; m; m = m->next)
        if (m->vaddr == va)
            return m->cap;
    return 0;
}

seL4_CPtr vspace_get_root(vspace_t *vspace)
{
    return sel4libs_nb_vspace(vspace)->pd;
}

int sel4utils_map_page(vka_t *vka, seL4_CPtr pd, seL4_CPtr frame, void *vaddr, seL4_CapRights_t rights,
                       int cacheable, vka_object_t *objects, int *num_objects)
{
    seL4_ARM_VMAttributes attr = cacheable ? seL4_ARM_Default_VMAttributes : seL4_ARCH_Uncached_VMAttributes;
    if (num_objects)
        *num_objects = 0;
    int error = seL4_ARM_Page_Map(frame, pd, (seL4_Word)vaddr, rights, attr);
    if (error != seL4_FailedLookup)
        return error;
    vka_object_t pt;
    error = vka_alloc_page_table(vka, &pt);
    if (!error)
        error = seL4_ARM_PageTable_Map(pt.cptr, pd, (seL4_Word)vaddr, seL4_ARM_Default_VMAttributes);
    if (error)
        return error;
    if (objects && num_objects) {
        objects[0] = pt;
        *num_objects = 1;
    }
    return seL4_ARM_Page_Map(frame, pd, (seL4_Word)vaddr, rights, attr);
}

/*
 * sel4libs/src/allocman.c - allocman and its VKA over libnumbat's allocator (see
 * allocman/allocman.h). Slots are the root CNode's, so every path is the slot's
 * index in the root CNode with a full-word depth. A slot given back is reused only
 * if it was the last one handed out; memory is never given back.
 */
#include <string.h>

#include <allocman/bootstrap.h>
#include <allocman/vka.h>
#include <simple-default/simple-default.h>
#include <vka/object.h>

#include "internal.h"

allocman_t *bootstrap_use_bootinfo(seL4_BootInfo *bi, size_t pool_size, void *pool)
{
    uintptr_t at = ((uintptr_t)pool + _Alignof(allocman_t) - 1) & ~(uintptr_t)(_Alignof(allocman_t) - 1);
    if (!pool || !bi || at + sizeof(allocman_t) > (uintptr_t)pool + pool_size)
        return NULL;
    allocman_t *am = (allocman_t *)at;
    memset(am, 0, sizeof(*am));
    nb_alloc_init(&am->alloc, bi);
    return am;
}

allocman_t *bootstrap_use_current_simple(simple_t *simple, uint32_t pool_size, char *pool)
{
    return bootstrap_use_bootinfo((seL4_BootInfo *)simple->data, pool_size, pool);
}

int bootstrap_configure_virtual_pool(allocman_t *alloc, void *vstart, size_t vsize, seL4_CPtr pd)
{
    (void)pd;
    alloc->vpool_start = vstart;
    alloc->vpool_size = vsize;
    return 0;
}

static int cspace_alloc(void *data, seL4_CPtr *res)
{
    nb_alloc_t *a = &((allocman_t *)data)->alloc;
    *res = nb_alloc_slot(a);
    return *res ? 0 : a->last_error;
}

static void cspace_make_path(void *data, seL4_CPtr slot, cspacepath_t *res)
{
    nb_alloc_t *a = &((allocman_t *)data)->alloc;
    *res = (cspacepath_t){.capPtr = slot, .capDepth = seL4_WordBits, .root = a->cnode, .dest = 0,
                          .destDepth = 0, .offset = slot, .window = 1};
}

static void cspace_free(void *data, seL4_CPtr slot)
{
    nb_alloc_t *a = &((allocman_t *)data)->alloc;
    if (slot + 1 == a->next_slot)
        a->next_slot--;
}

/* Retypes into dest, which must be a slot of the root CNode. */
static int utspace_alloc_maybe_device(void *data, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits,
                                      bool can_use_dev, seL4_Word *res)
{
    (void)can_use_dev; /* ordinary memory does for every object */
    nb_alloc_t *a = &((allocman_t *)data)->alloc;
    if (dest->root != a->cnode || dest->destDepth != 0)
        return seL4_InvalidArgument;
    if (type != seL4_CapTableObject && type != seL4_UntypedObject)
        size_bits = 0; /* the other objects' sizes come from their type */
    *res = dest->offset;
    return nb_alloc_retype(a, type, size_bits, dest->offset);
}

static int utspace_alloc(void *data, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits, seL4_Word *res)
{
    return utspace_alloc_maybe_device(data, dest, type, size_bits, false, res);
}

/* A 4 KiB device frame at paddr (libnumbat finds it in a device untyped), moved
 * from the slot libnumbat put it in to dest. */
static int utspace_alloc_at(void *data, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits,
                            uintptr_t paddr, seL4_Word *cookie)
{
    nb_alloc_t *a = &((allocman_t *)data)->alloc;
    if (type != seL4_ARM_SmallPageObject || size_bits != seL4_PageBits)
        return seL4_InvalidArgument;
    seL4_CPtr frame = nb_alloc_device_frame(a, paddr);
    if (!frame)
        return a->last_error;
    *cookie = dest->offset;
    return seL4_CNode_Move(dest->root, dest->capPtr, (seL4_Uint8)dest->capDepth, a->cnode, frame, seL4_WordBits);
}

static void utspace_free(void *data, seL4_Word type, seL4_Word size_bits, seL4_Word target)
{
    (void)data, (void)type, (void)size_bits, (void)target; /* untyped memory is never reused */
}

static uintptr_t utspace_paddr(void *data, seL4_Word target, seL4_Word type, seL4_Word size_bits)
{
    (void)data, (void)type, (void)size_bits;
    return nb_frame_paddr(target); /* the cookie is the slot; 0 if it holds no frame */
}

void allocman_make_vka(vka_t *vka, allocman_t *alloc)
{
    *vka = (vka_t){
        .data = alloc,
        .cspace_alloc = cspace_alloc,
        .cspace_make_path = cspace_make_path,
        .utspace_alloc = utspace_alloc,
        .utspace_alloc_maybe_device = utspace_alloc_maybe_device,
        .utspace_alloc_at = utspace_alloc_at,
        .cspace_free = cspace_free,
        .utspace_free = utspace_free,
        .utspace_paddr = utspace_paddr,
    };
}

nb_alloc_t *sel4libs_vka_alloc(vka_t *vka)
{
    return &((allocman_t *)vka->data)->alloc;
}

void vka_free_object(vka_t *vka, vka_object_t *object)
{
    cspacepath_t path;
    vka_cspace_make_path(vka, object->cptr, &path);
    seL4_CNode_Delete(path.root, path.capPtr, (seL4_Uint8)path.capDepth);
    vka_cspace_free(vka, object->cptr);
    memset(object, 0, sizeof(*object));
}

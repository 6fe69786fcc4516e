/*
 * libnumbat/src/alloc.c - slots from BootInfo's empty region, objects from its
 * untyped memory (see numbat/alloc.h). Retype places each object at the untyped's
 * watermark, aligned to its size, so trying the untypeds in order finds room for
 * any object that fits somewhere; the one that last had room is tried first.
 */
#include <numbat/alloc.h>

static const seL4_UntypedDesc *desc(const nb_alloc_t *a, seL4_CPtr ut)
{
    return &a->bi->untypedList[ut - a->bi->untyped.start];
}

void nb_alloc_init(nb_alloc_t *a, const seL4_BootInfo *bi)
{
    a->cnode = seL4_CapInitThreadCNode;
    a->next_slot = bi->empty.start;
    a->end = bi->empty.end;
    a->bi = bi;
    a->untyped_cursor = bi->untyped.start;
    a->last_error = seL4_NoError;
}

seL4_CPtr nb_alloc_slot(nb_alloc_t *a)
{
    if (a->next_slot >= a->end) {
        a->last_error = seL4_NotEnoughMemory;
        return 0;
    }
    return a->next_slot++;
}

/* Retypes one object from `ut` into `slot`. */
static seL4_Error retype(nb_alloc_t *a, seL4_CPtr ut, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot)
{
    return seL4_Untyped_Retype(ut, type, size_bits, a->cnode, 0, 0, slot, 1);
}

seL4_Error nb_alloc_retype(nb_alloc_t *a, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot)
{
    seL4_CPtr first = a->bi->untyped.start, end = a->bi->untyped.end;
    seL4_Word count = end - first;
    for (seL4_Word i = 0; i < count; i++) {
        seL4_CPtr ut = first + (a->untyped_cursor - first + i) % count;
        if (desc(a, ut)->isDevice)
            continue;
        seL4_Error e = retype(a, ut, type, size_bits, slot);
        if (e == seL4_NoError) {
            a->untyped_cursor = ut;
            return seL4_NoError;
        }
        if (e != seL4_NotEnoughMemory)
            return e; /* a bad type, size or slot: no untyped will do better */
    }
    return seL4_NotEnoughMemory;
}

seL4_CPtr nb_alloc_object(nb_alloc_t *a, seL4_Word type, seL4_Word size_bits)
{
    seL4_CPtr slot = nb_alloc_slot(a);
    if (!slot)
        return 0;
    seL4_Error e = nb_alloc_retype(a, type, size_bits, slot);
    if (e != seL4_NoError) {
        a->last_error = e;
        a->next_slot--; /* the slot stays free for the next request */
        return 0;
    }
    return slot;
}

seL4_Word nb_frame_paddr(seL4_CPtr frame)
{
    seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(frame);
    return r.error == seL4_NoError ? r.paddr : 0;
}

/* The largest naturally aligned piece that starts at `at` and ends by `end`. */
static unsigned piece_bits(seL4_Word at, seL4_Word end)
{
    unsigned bits = seL4_PageBits;
    while (bits < 31 && !(at & ((1ul << (bits + 1)) - 1)) && end - at >= (1ul << (bits + 1)))
        bits++;
    return bits;
}

seL4_CPtr nb_alloc_device_frame(nb_alloc_t *a, seL4_Word paddr)
{
    paddr &= ~(seL4_Word)((1u << seL4_PageBits) - 1);
    for (seL4_CPtr ut = a->bi->untyped.start; ut < a->bi->untyped.end; ut++) {
        const seL4_UntypedDesc *d = desc(a, ut);
        if (!d->isDevice || paddr < d->paddr || paddr - d->paddr >= (1ul << d->sizeBits))
            continue;
        /* Retype places objects at the untyped's watermark. A first frame shows where
         * that is (it stays, so the watermark does too); untyped pieces fill the gap
         * up to paddr, each naturally aligned; the next frame lands on paddr. */
        seL4_CPtr frame = nb_alloc_slot(a);
        if (!frame || retype(a, ut, seL4_ARM_SmallPageObject, 0, frame) != seL4_NoError)
            break;
        seL4_Word at = nb_frame_paddr(frame);
        if (at == paddr)
            return frame;
        if (at > paddr)
            break; /* handed out before */
        for (at += 1u << seL4_PageBits; at < paddr;) {
            unsigned bits = piece_bits(at, paddr);
            seL4_CPtr piece = nb_alloc_slot(a);
            if (!piece || retype(a, ut, bits == seL4_PageBits ? seL4_ARM_SmallPageObject : seL4_UntypedObject,
                                 bits == seL4_PageBits ? 0 : bits, piece) != seL4_NoError)
                break;
            at += 1ul << bits;
        }
        frame = nb_alloc_slot(a);
        if (frame && retype(a, ut, seL4_ARM_SmallPageObject, 0, frame) == seL4_NoError &&
            nb_frame_paddr(frame) == paddr)
            return frame;
        break;
    }
    a->last_error = seL4_FailedLookup;
    return 0;
}

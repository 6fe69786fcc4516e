/*
 * libnumbat/include/numbat/alloc.h - where a root task's kernel objects and slots
 * come from: free slots of its CNode (BootInfo's empty region, handed out in order)
 * and objects retyped from the untyped memory BootInfo lists (each untyped is tried
 * in turn until one has room). Device frames come from the device untyped that holds
 * the wanted physical address. Nothing is ever given back: a lab that needs to reuse
 * memory revokes an untyped itself. Partners: ../../src/alloc.c, vspace.h, thread.h.
 */
#ifndef NUMBAT_ALLOC_H
#define NUMBAT_ALLOC_H

#include <sel4/sel4.h>

typedef struct nb_alloc {
    seL4_CPtr cnode;            /* the CNode slots are taken from (the root CNode) */
    seL4_CPtr next_slot, end;   /* free slots: next_slot .. end - 1 */
    const seL4_BootInfo *bi;    /* its untyped list */
    seL4_CPtr untyped_cursor;   /* the untyped tried first (the last that had room) */
    seL4_Error last_error;      /* why the last call returned 0 */
} nb_alloc_t;

/* Starts handing out the root task's empty slots and its untyped memory. */
void nb_alloc_init(nb_alloc_t *a, const seL4_BootInfo *bi);

/* A free slot in the root CNode, or 0 when none is left (last_error NotEnoughMemory). */
seL4_CPtr nb_alloc_slot(nb_alloc_t *a);

/*
 * A new object of seL4 type `type` (size_bits for untyped and CNodes, else 0) in a
 * fresh slot, or 0 when no slot or no untyped memory is left (last_error says which:
 * DeleteFirst-free slots ran out as NotEnoughMemory too).
 */
seL4_CPtr nb_alloc_object(nb_alloc_t *a, seL4_Word type, seL4_Word size_bits);

/*
 * Retypes a new object of seL4 type `type` into `slot`, a free slot of the root
 * CNode the caller chose (nb_alloc_object picks one itself); the untyped memory is
 * found as nb_alloc_object finds it. Returns seL4_NoError, NotEnoughMemory when no
 * untyped has room, or the kernel's error for a bad type, size or slot.
 */
seL4_Error nb_alloc_retype(nb_alloc_t *a, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot);

/*
 * A cap to the 4 KiB device frame at physical address `paddr` (a device's registers),
 * or 0 if no device untyped holds it or it was handed out before.
 */
seL4_CPtr nb_alloc_device_frame(nb_alloc_t *a, seL4_Word paddr);

/* The physical address of a frame cap (0 if it is not one). */
seL4_Word nb_frame_paddr(seL4_CPtr frame);

#endif

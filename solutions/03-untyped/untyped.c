/*
 * solutions/03-untyped/untyped.c - the reference solution of lab 3 (labs/03-untyped):
 * split an untyped, retype objects and predict the watermark, run out of memory, and
 * revoke the untyped to use it again from the start.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>
#include <sel4utils/strerror.h>

/* Prints "what: N (seL4_Name)" for an invocation's result. */
static void report(const char *what, seL4_Error err)
{
    printf("%s: %d (%s)\n", what, (int)err, sel4_strerror(err));
}

#define ROOT seL4_CapInitThreadCNode
#define SMALL_BITS 12 /* exercise 1 splits the untyped into 4 KiB untypeds */

/* Exercise 2: where the watermark is after n objects of 2^bits bytes, each aligned to
 * its size, were carved from an untyped whose watermark was w. */
static seL4_Word watermark_after(seL4_Word w, unsigned bits, unsigned n)
{
    seL4_Word size = (seL4_Word)1 << bits;
    return ((w + size - 1) & ~(size - 1)) + n * size;
}

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    seL4_CPtr next = info->empty.start; /* the next free slot of the root CNode */

    /* Given: the first RAM untyped of at least 64 KiB. */
    seL4_CPtr ut = 0;
    for (seL4_CPtr s = info->untyped.start; s < info->untyped.end && !ut; s++) {
        const seL4_UntypedDesc *d = &info->untypedList[s - info->untyped.start];
        if (!d->isDevice && d->sizeBits >= 16)
            ut = s;
    }
    printf("untyped in slot %u: %u KiB\n", (unsigned)ut,
           1u << (info->untypedList[ut - info->untyped.start].sizeBits - 10));
    printf("sizes: endpoint %u, notification %u, TCB %u, 4 KiB frame %u, CNode slot %u bytes\n",
           1u << seL4_EndpointBits, 1u << seL4_NotificationBits, 1u << seL4_TCBBits,
           1u << seL4_PageBits, 1u << seL4_SlotBits);

    /* Exercise 1: split off four 4 KiB untypeds. */
    seL4_CPtr small = next;
    report("split", seL4_Untyped_Retype(ut, seL4_UntypedObject, SMALL_BITS, ROOT, 0, 0, small, 4));
    next += 4;

    /* Exercise 2: objects from small + 0, predicting the watermark. */
    seL4_Word w = 0;
    report("3 endpoints", seL4_Untyped_Retype(small, seL4_EndpointObject, 0, ROOT, 0, 0, next, 3));
    next += 3;
    w = watermark_after(w, seL4_EndpointBits, 3);
    printf("watermark after 3 endpoints: %u\n", (unsigned)w);
    report("a TCB", seL4_Untyped_Retype(small, seL4_TCBObject, 0, ROOT, 0, 0, next, 1));
    next += 1;
    w = watermark_after(w, seL4_TCBBits, 1);
    printf("watermark after a TCB: %u\n", (unsigned)w);
    report("2 notifications", seL4_Untyped_Retype(small, seL4_NotificationObject, 0, ROOT, 0, 0,
                                                  next, 2));
    next += 2;
    w = watermark_after(w, seL4_NotificationBits, 2);
    printf("watermark after 2 notifications: %u\n", (unsigned)w);
    report("a CNode of 16 slots", seL4_Untyped_Retype(small, seL4_CapTableObject, 4, ROOT, 0, 0,
                                                      next, 1));
    next += 1;
    w = watermark_after(w, 4 + seL4_SlotBits, 1);
    printf("watermark after a CNode of 16 slots: %u\n", (unsigned)w);

    /* Exercise 3: TCBs from small + 1 until it runs out. */
    seL4_CPtr tcbs = next;
    int made = 0;
    seL4_Error err;
    while ((err = seL4_Untyped_Retype(small + 1, seL4_TCBObject, 0, ROOT, 0, 0, next, 1)) ==
           seL4_NoError) {
        made++;
        next++;
    }
    printf("made %d TCBs from 4 KiB, then error %d (%s)\n", made, (int)err, sel4_strerror(err));

    /* Exercise 4: revoke small + 1 and use it again from the start. */
    report("revoke", seL4_CNode_Revoke(ROOT, small + 1, seL4_WordBits));
    int left = 0;
    for (int i = 0; i < made; i++)
        left += seL4_DebugCapIdentify(tcbs + i) != 0;
    printf("TCB caps left: %d\n", left);
    report("a frame after the revoke", seL4_Untyped_Retype(small + 1, seL4_ARM_SmallPageObject,
                                                           0, ROOT, 0, 0, next, 1));
    printf("lab 3 done\n");
    return 0;
}

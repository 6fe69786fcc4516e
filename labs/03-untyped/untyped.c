/*
 * labs/03-untyped/untyped.c - lab 3: untyped memory. The root task splits an untyped
 * region into smaller ones, carves kernel objects out of one while predicting its
 * watermark, fills another until it runs out, and revokes it to start again.
 * README.md in this folder walks through the exercises; `make grade LAB=3` scores them.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>
#include <sel4utils/strerror.h>

/* Prints "what: N (seL4_Name)" for an invocation's result. The grader reads these
 * lines: keep the `what` texts the exercises give. */
static void report(const char *what, seL4_Error err)
{
    printf("%s: %d (%s)\n", what, (int)err, sel4_strerror(err));
}

#define ROOT seL4_CapInitThreadCNode
#define SMALL_BITS 12 /* exercise 1 splits the untyped into 4 KiB untypeds */

/* LAB 3 EXERCISE 2 (part 1): return where an untyped's watermark is after n objects
 * of 2^bits bytes each were carved from it, starting from watermark w. The kernel
 * aligns each object to its own size: the first starts at w rounded up to a multiple
 * of 2^bits. */
static seL4_Word watermark_after(seL4_Word w, unsigned bits, unsigned n)
{
    (void)bits;
    (void)n;
    return w;
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

    /* LAB 3 EXERCISE 1: split `ut` into four untypeds of 2^SMALL_BITS bytes with one
     * seL4_Untyped_Retype (type seL4_UntypedObject, size_bits SMALL_BITS, num_objects
     * 4) into root slots next to next + 3, and report() it as "split". Remember their
     * first slot as `small`; advance `next` past them. */
    seL4_CPtr small = 0;
    (void)small;

    /* LAB 3 EXERCISE 2 (part 2): from `small` (the first 4 KiB untyped) retype, one
     * seL4_Untyped_Retype each, and report():
     *     "3 endpoints"          three seL4_EndpointObject
     *     "a TCB"                one seL4_TCBObject
     *     "2 notifications"      two seL4_NotificationObject
     *     "a CNode of 16 slots"  one seL4_CapTableObject with size_bits 4 (2^4 slots
     *                            of 2^seL4_SlotBits bytes)
     * After each, print the watermark you predict with watermark_after() (the object
     * sizes are the seL4_*Bits constants printed above):
     *     watermark after 3 endpoints: N
     *     watermark after a TCB: N
     *     watermark after 2 notifications: N
     *     watermark after a CNode of 16 slots: N */

    /* LAB 3 EXERCISE 3: from small + 1 (the second 4 KiB untyped) retype one
     * seL4_TCBObject at a time, each into the next free slot, until the retype fails.
     * Print how many you made and the error:
     *     made N TCBs from 4 KiB, then error E (seL4_Name) */

    /* LAB 3 EXERCISE 4: revoke small + 1 (seL4_CNode_Revoke on its slot, "revoke"),
     * count the TCB caps of exercise 3 that are left (seL4_DebugCapIdentify is 0 for an
     * empty slot) and print
     *     TCB caps left: N
     * then retype one 4 KiB frame (seL4_ARM_SmallPageObject) from small + 1 and report
     * it as "a frame after the revoke". Where in the untyped does the frame start? */

    printf("lab 3 done\n");
    return 0;
}

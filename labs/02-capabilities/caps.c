/*
 * labs/02-capabilities/caps.c - lab 2: capabilities. The root task makes a
 * notification and a small CNode, then copies, mints, moves, mutates, deletes and
 * revokes caps to the notification, and makes deliberate mistakes to see seL4's
 * error codes. README.md in this folder walks through the exercises;
 * `make grade LAB=2` scores them.
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
#define CHILD_BITS 4 /* the second CNode has 2^4 = 16 slots */

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    seL4_CPtr free = info->empty.start;
    /* The slots this lab uses, all in the root CNode. */
    seL4_CPtr ntfn = free, child = free + 1, copy = free + 2, badged = free + 3,
              readonly = free + 4, moved = free + 5, guarded = free + 6, grandchild = free + 7;

    /* Given: a notification object and a CNode of 16 slots, made from the first
     * untyped that is RAM (lab 3 is about how this works). */
    seL4_CPtr ut = info->untyped.start;
    while (info->untypedList[ut - info->untyped.start].isDevice)
        ut++;
    report("retype a notification", seL4_Untyped_Retype(ut, seL4_NotificationObject, 0, ROOT,
                                                        0, 0, ntfn, 1));
    report("retype a CNode", seL4_Untyped_Retype(ut, seL4_CapTableObject, CHILD_BITS, ROOT, 0,
                                                 0, child, 1));
    printf("slots: notification %u, CNode %u\n", (unsigned)ntfn, (unsigned)child);

    /* LAB 2 EXERCISE 1: copy the notification cap (slot ntfn) into slot `copy` with
     * seL4_CNode_Copy and all rights. Every slot here is in the root CNode: its cap is
     * ROOT, the index is the slot number, and the depth is seL4_WordBits (the root
     * CNode's guard and radix resolve all 32 bits). report() the result as "copy".
     * Then make three mistakes and report each:
     *     "copy into a full slot"    the same copy again
     *     "copy from an empty slot"  from slot free + 21 to free + 20
     *     "copy with depth 12"       ntfn to free + 20, but a source depth of 12 */

    /* LAB 2 EXERCISE 2: badges and rights. With seL4_CNode_Mint make
     *     slot badged:   a copy of ntfn with badge 5 and seL4_AllRights, "mint badge 5"
     *     slot readonly: a copy of ntfn with badge 9 and seL4_CanRead only,
     *                    "mint read-only badge 9"
     * then try to mint from `badged` into free + 20 with badge 6 and report it as
     * "re-badge a badged cap". Signal through `readonly`, seL4_Poll the original and print
     *     signal through the read-only cap, poll: badge B
     * then signal through `badged`, poll again and print
     *     signal through the badged cap, poll: badge B
     * Last, copy `badged` into slot `grandchild` ("copy the badged cap"). */

    /* LAB 2 EXERCISE 3: move the badged cap from slot `badged` to slot `moved` with
     * seL4_CNode_Move ("move"), then print what seL4_DebugCapIdentify says of both slots:
     *     after the move: slot BADGED holds type T, slot MOVED type U
     * and delete the copy of exercise 1 with seL4_CNode_Delete ("delete the copy"). */

    /* LAB 2 EXERCISE 4: the second CNode (slot child, guard 0, radix CHILD_BITS).
     * a) Copy ntfn into its slot 3: the destination CNode is `child`, index 3, depth
     *    CHILD_BITS ("copy into the CNode's slot 3").
     * b) Mutate the CNode cap from slot child into slot guarded, giving it a guard of
     *    seL4_WordBits - CHILD_BITS bits of value 0 (seL4_CNode_CapData_new(guard,
     *    guardSize).words[0]) ("mutate with a 28-bit guard of 0").
     * c) Copy ntfn into its slot 5 through `guarded` with depth seL4_WordBits
     *    ("copy into the CNode's slot 5").
     * d) Two mistakes: into slot 6 through `guarded` with depth CHILD_BITS ("copy with
     *    depth 4 now"), and into index 0x106 with depth seL4_WordBits ("copy with a wrong
     *    guard"). */

    /* LAB 2 EXERCISE 5: count the caps in root slots free to free + 31 (a slot holds
     * one when seL4_DebugCapIdentify() is not 0), revoke the original notification cap
     * with seL4_CNode_Revoke ("revoke"), count again and print
     *     caps in the root CNode's slots F to L: N before the revoke, M after
     * then delete the original ("delete the original"). */

    printf("lab 2 done\n");
    return 0;
}

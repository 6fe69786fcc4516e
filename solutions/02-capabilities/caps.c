/*
 * solutions/02-capabilities/caps.c - the reference solution of lab 2
 * (labs/02-capabilities): copy, mint, move, mutate, delete and revoke caps to a
 * notification, in the root CNode and in a second CNode.
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

    /* Exercise 1: copy, and three deliberate mistakes. */
    report("copy", seL4_CNode_Copy(ROOT, copy, seL4_WordBits, ROOT, ntfn, seL4_WordBits,
                                   seL4_AllRights));
    report("copy into a full slot", seL4_CNode_Copy(ROOT, copy, seL4_WordBits, ROOT, ntfn,
                                                    seL4_WordBits, seL4_AllRights));
    report("copy from an empty slot", seL4_CNode_Copy(ROOT, free + 20, seL4_WordBits, ROOT,
                                                      free + 21, seL4_WordBits, seL4_AllRights));
    report("copy with depth 12", seL4_CNode_Copy(ROOT, free + 20, seL4_WordBits, ROOT, ntfn, 12,
                                                 seL4_AllRights));

    /* Exercise 2: badges and rights. */
    report("mint badge 5", seL4_CNode_Mint(ROOT, badged, seL4_WordBits, ROOT, ntfn,
                                           seL4_WordBits, seL4_AllRights, 5));
    report("mint read-only badge 9", seL4_CNode_Mint(ROOT, readonly, seL4_WordBits, ROOT, ntfn,
                                                     seL4_WordBits, seL4_CanRead, 9));
    report("re-badge a badged cap", seL4_CNode_Mint(ROOT, free + 20, seL4_WordBits, ROOT, badged,
                                                    seL4_WordBits, seL4_AllRights, 6));
    seL4_Word badge;
    seL4_Signal(readonly);
    seL4_Poll(ntfn, &badge);
    printf("signal through the read-only cap, poll: badge %u\n", (unsigned)badge);
    seL4_Signal(badged);
    seL4_Poll(ntfn, &badge);
    printf("signal through the badged cap, poll: badge %u\n", (unsigned)badge);
    report("copy the badged cap", seL4_CNode_Copy(ROOT, grandchild, seL4_WordBits, ROOT, badged,
                                                  seL4_WordBits, seL4_AllRights));

    /* Exercise 3: move and delete. */
    report("move", seL4_CNode_Move(ROOT, moved, seL4_WordBits, ROOT, badged, seL4_WordBits));
    printf("after the move: slot %u holds type %u, slot %u type %u\n", (unsigned)badged,
           (unsigned)seL4_DebugCapIdentify(badged), (unsigned)moved,
           (unsigned)seL4_DebugCapIdentify(moved));
    report("delete the copy", seL4_CNode_Delete(ROOT, copy, seL4_WordBits));

    /* Exercise 4: a second CNode, addressed with depth 4, then with a guard. */
    report("copy into the CNode's slot 3", seL4_CNode_Copy(child, 3, CHILD_BITS, ROOT, ntfn,
                                                           seL4_WordBits, seL4_AllRights));
    report("mutate with a 28-bit guard of 0",
           seL4_CNode_Mutate(ROOT, guarded, seL4_WordBits, ROOT, child, seL4_WordBits,
                             seL4_CNode_CapData_new(0, seL4_WordBits - CHILD_BITS).words[0]));
    report("copy into the CNode's slot 5", seL4_CNode_Copy(guarded, 5, seL4_WordBits, ROOT, ntfn,
                                                           seL4_WordBits, seL4_AllRights));
    report("copy with depth 4 now", seL4_CNode_Copy(guarded, 6, CHILD_BITS, ROOT, ntfn,
                                                    seL4_WordBits, seL4_AllRights));
    report("copy with a wrong guard", seL4_CNode_Copy(guarded, 0x100 | 6, seL4_WordBits, ROOT,
                                                      ntfn, seL4_WordBits, seL4_AllRights));

    /* Exercise 5: revoke the original, then delete it. */
    int before = 0, after = 0;
    for (seL4_CPtr s = free; s < free + 32; s++)
        before += seL4_DebugCapIdentify(s) != 0;
    report("revoke", seL4_CNode_Revoke(ROOT, ntfn, seL4_WordBits));
    for (seL4_CPtr s = free; s < free + 32; s++)
        after += seL4_DebugCapIdentify(s) != 0;
    printf("caps in the root CNode's slots %u to %u: %d before the revoke, %d after\n",
           (unsigned)free, (unsigned)free + 31, before, after);
    report("delete the original", seL4_CNode_Delete(ROOT, ntfn, seL4_WordBits));
    printf("lab 2 done\n");
    return 0;
}

/* tests/system/preempt - long kernel operations stop at preemption points and
 * restart: the first retype from the largest untyped clears it (megabytes), and
 * revoking a 2000-cap derivation tree deletes cap by cap. Both take longer than a
 * timer tick, so the system test sees the same Call made more than once, and
 * this program checks the results are complete and correct. */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define TREE 2000

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = seL4_CapInitThreadCNode, ut = 0, slot = bi->empty.start;
    unsigned best = 0;
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (!d->isDevice && d->sizeBits > best) {
            best = d->sizeBits;
            ut = s;
        }
    }
    int err = seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, slot, 1);
    printf("retype from a 2^%u untyped: %d, identify %u\n", best, err,
           (unsigned)seL4_DebugCapIdentify(slot));
    seL4_CPtr ep = slot++;
    int copies = 0;
    for (int i = 0; i < TREE; i++)
        copies += seL4_CNode_Copy(root, slot + i, seL4_WordBits, root, ep, seL4_WordBits,
                                  seL4_AllRights) == seL4_NoError;
    err = seL4_CNode_Revoke(root, ep, seL4_WordBits);
    int left = 0;
    for (int i = 0; i < TREE; i++)
        left += seL4_DebugCapIdentify(slot + i) != 0;
    printf("%d copies made, revoke: %d, copies left: %d, original: %u\n", copies, err, left,
           (unsigned)seL4_DebugCapIdentify(ep));
    return 0;
}

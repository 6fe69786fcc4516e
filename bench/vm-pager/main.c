/*
 * bench/vm-pager - 20,000 VM faults served by a user-level pager (pager.h), then
 * exit. tools/bench.sh times it in numbat-sim and in QEMU (the same program built
 * for each board) and reports faults per second.
 */
#include "pager.h"

#define FAULTS 20000

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr slot = bi->empty.start, tcb;
    seL4_CPtr ep = pager_setup(pager_untyped(bi), &slot, &tcb);
    unsigned wrong = pager_serve(ep, FAULTS);
    seL4_TCB_Suspend(tcb);
    printf("vm-pager: %u faults served, %u went wrong\n", FAULTS, wrong);
    return wrong != 0;
}

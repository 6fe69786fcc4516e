/*
 * tests/system/processes/echo - a program the processes test starts as a process:
 * it prints its arguments, checks its CSpace (its own TCB, CNode and VSpace at
 * seL4's slots), Calls the endpoint its parent gave it (its first given cap) with
 * its number and the sum of a malloc'd array, then touches memory it does not have.
 */
#include <stdio.h>
#include <stdlib.h>

#include <numbat/process.h>

int main(int argc, char **argv)
{
    int me = argc > 1 ? atoi(argv[1]) : -1;
    printf("echo %d: %d args:", me, argc);
    for (int i = 0; i < argc; i++)
        printf(" '%s'", argv[i]);
    printf("\n");
    seL4_BootInfo *bi = seL4_GetBootInfo();
    printf("echo %d: tcb tag %u, cnode tag %u, vspace tag %u, free slots from %u\n", me,
           seL4_DebugCapIdentify(seL4_CapInitThreadTCB), seL4_DebugCapIdentify(seL4_CapInitThreadCNode),
           seL4_DebugCapIdentify(seL4_CapInitThreadVSpace), bi->empty.start);
    int *v = malloc(100 * sizeof(int));
    int sum = 0;
    for (int i = 0; i < 100; i++)
        sum += v[i] = i;
    seL4_SetMR(0, (seL4_Word)me);
    seL4_SetMR(1, (seL4_Word)sum);
    seL4_Call(NB_PROCESS_FIRST_GIVEN, seL4_MessageInfo_new(0, 0, 0, 2));
    printf("echo %d: the parent answered %u\n", me, seL4_GetMR(0));
    if (me == 1)
        *(volatile int *)0x0badf000 = 1; /* not mapped in this address space */
    return 0;
}

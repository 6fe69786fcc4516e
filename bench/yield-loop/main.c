/* bench/yield-loop - 100,000 seL4_Yield calls: with one thread each is a full kernel
 * entry and exit, the simulator's SVC round trip. `make bench` divides. */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define CALLS 100000

int main(void)
{
    for (int i = 0; i < CALLS; i++)
        seL4_Yield();
    printf("%d yields\n", CALLS);
    return 0;
}

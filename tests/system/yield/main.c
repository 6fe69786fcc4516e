/* tests/system/yield - many Yields while timer interrupts arrive: the kernel's
 * libgcc division helpers are Thumb code, so this also checks that the simulator
 * keeps the Thumb state across its stops (docs/unicorn-notes.md). */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

int main(void)
{
    for (int i = 0; i < 20000; i++)
        seL4_Yield();
    printf("20000 yields done\n");
    return 0;
}

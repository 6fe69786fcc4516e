/* tests/system/spin - computes long enough for many timer ticks to interrupt it
 * (each one saves and restores its registers mid-loop), then checks its result. */
#include <numbat/runtime.h>

#define ROUNDS 3000000u

int main(void)
{
    unsigned a = 1, b = 0;
    for (unsigned i = 0; i < ROUNDS; i++) {
        unsigned t = a + b;
        b = a;
        a = t ^ i;
    }
    /* The same loop's result computed on the host; any lost register shows here. */
    printf("spin result %08x\n", a);
    return 0;
}

/* bench/yield-baseline - the same program as bench/yield-loop without the calls: its
 * instruction count is subtracted to get the cost of one Yield. */
#include <numbat/runtime.h>

#define CALLS 100000

int main(void)
{
    printf("%d yields\n", CALLS);
    return 0;
}

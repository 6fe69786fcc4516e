/* tests/system/null-deref - a root task that reads address 0: the kernel must
 * report a data fault at 0 and stop the thread (no fault handler exists). */
#include <numbat/runtime.h>

int main(void)
{
    volatile int *p = (volatile int *)0;
    printf("reading address 0\n");
    return *p;
}

/* tests/system/too-big - a root task larger than the kernel accepts (200 MiB):
 * loading it must make the kernel panic, and numbat-sim must report the panic. */
#include <numbat/runtime.h>

static char huge[200u << 20];

int main(void)
{
    volatile char *p = huge;
    p[sizeof(huge) - 1] = 1; /* keeps the array, and so the image's size */
    return p[sizeof(huge) - 1];
}

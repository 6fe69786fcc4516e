/* tests/system/exit-status - main's return value becomes numbat-sim's exit status. */
#include <numbat/runtime.h>

int main(void)
{
    printf("returning 42\n");
    return 42;
}

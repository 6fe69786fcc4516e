/* tests/system/undefined-insn - executes a permanently undefined instruction
 * (UDF): the kernel must report it as a user exception and stop the thread. */
#include <numbat/runtime.h>

int main(void)
{
    printf("executing udf\n");
    __asm__ volatile("udf #0");
    return 0;
}

/* tests/system/bad-syscall - makes system call 99, which does not exist: the
 * kernel must raise an UnknownSyscall fault, report it and stop the thread. */
#include <numbat/runtime.h>

int main(void)
{
    printf("calling syscall 99\n");
    register int r7 __asm__("r7") = 99;
    __asm__ volatile("svc #0" ::"r"(r7) : "memory");
    return 0;
}

/*
 * runtime/tls.c - thread-local storage (include/numbat/tls.h). The linker script
 * marks the thread-local image (.tdata, then .tbss); each thread's copy sits 8
 * bytes (rounded up to its alignment) past its TLS base, which the compiler reads
 * through __aeabi_read_tp. The initial thread's copy is set up before main.
 * Partners: include/numbat/tls.h, user.ld, start.c.
 */
#include <numbat/tls.h>

#include <stdint.h>

#define TCB_BYTES 8u /* the EABI's thread control block before the variables */
#define INITIAL_TLS_BYTES 512u

extern char __tdata_start[], __tdata_end[], __tbss_start[], __tbss_end[];
extern char __tls_align[]; /* a linker-defined value: its address is the number */

/* The initial thread's base, used by threads whose own was never set. */
seL4_Word numbat_initial_tls_base;
static uint8_t initial_tls[INITIAL_TLS_BYTES] __attribute__((aligned(16)));

/* The compiler's way to the TLS base (-mtp=soft): TPIDRURW, or the initial
 * thread's base while it is 0. Clobbers only r0 and the flags, as the EABI allows. */
__asm__(".text\n"
        ".global __aeabi_read_tp\n"
        ".type __aeabi_read_tp, %function\n"
        "__aeabi_read_tp:\n"
        "    mrc p15, 0, r0, c13, c0, 2\n"
        "    cmp r0, #0\n"
        "    ldreq r0, =numbat_initial_tls_base\n"
        "    ldreq r0, [r0]\n"
        "    bx lr\n"
        ".ltorg\n");

static uintptr_t align_up(uintptr_t v, uintptr_t align)
{
    return (v + align - 1) & ~(align - 1);
}

static uintptr_t tls_align(void)
{
    uintptr_t a = (uintptr_t)__tls_align;
    return a < TCB_BYTES ? TCB_BYTES : a;
}

size_t numbat_tls_size(void)
{
    return tls_align() - 1 + align_up(TCB_BYTES, tls_align()) +
           (size_t)(__tbss_end - __tdata_start);
}

seL4_Word numbat_tls_setup(void *area, size_t size)
{
    if (size < numbat_tls_size())
        return 0;
    uintptr_t base = align_up((uintptr_t)area, tls_align());
    char *block = (char *)(base + align_up(TCB_BYTES, tls_align()));
    size_t data = (size_t)(__tdata_end - __tdata_start), zero = (size_t)(__tbss_end - __tbss_start);
    for (size_t i = 0; i < TCB_BYTES; i++)
        ((char *)base)[i] = 0;
    for (size_t i = 0; i < data; i++)
        block[i] = __tdata_start[i];
    for (size_t i = 0; i < zero; i++)
        block[data + i] = 0;
    return (seL4_Word)base;
}

void *numbat_tls_address(seL4_Word tls_base, void *var)
{
    extern seL4_Word __aeabi_read_tp(void);
    return (char *)tls_base + ((char *)var - (char *)__aeabi_read_tp());
}

void numbat_tls_set_ipc_buffer(seL4_Word tls_base, seL4_IPCBuffer *buffer)
{
    *(seL4_IPCBuffer **)numbat_tls_address(tls_base, &__sel4_ipc_buffer) = buffer;
}

/* Called by start.c before anything touches a thread-local variable. */
void numbat_tls_init(void);
void numbat_tls_init(void)
{
    numbat_initial_tls_base = numbat_tls_setup(initial_tls, sizeof(initial_tls));
    if (!numbat_initial_tls_base) {
        seL4_DebugPutChar('!'); /* the image's thread-locals outgrew the initial area */
        for (;;)
            ;
    }
    __asm__ volatile("mcr p15, 0, %0, c13, c0, 2" ::"r"(numbat_initial_tls_base) : "memory");
}

/*
 * bench/spawn - creating one process of ./child with libnumbat (phase s: its page
 * directory, CNode and TCB, every page of the program copied or zeroed in, its IPC
 * buffer and BootInfo pages, caps and arguments), between markers for
 * tools/ipc-paths.awk, which counts the instructions in between (user + kernel).
 */
#include <stdio.h>

#include <numbat/process.h>

int main(void)
{
    nb_alloc_t a;
    nb_vspace_t vs;
    nb_process_t p;
    const char *args[] = {"child"};
    nb_alloc_init(&a, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &a);
    seL4_DebugPutChar('s');
    seL4_Error e = nb_process_create(&p, &vs, "child", 100, 0, 1, args);
    seL4_DebugPutChar('S');
    printf("\nspawn: create %u\n", e);
    return e != seL4_NoError;
}

/*
 * tests/system/malloc-threads - two threads of one program at the same priority
 * allocate and free at the same time, preempted by the timer tick wherever it lands:
 * each keeps a ring of live blocks filled with its own byte and checks every block
 * before freeing it. Without the C library's lock (runtime/lock.c) the heap's lists
 * break and blocks overlap. test_libc.c checks the lines on numbat-sim and QEMU.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numbat/thread.h>

#define ROUNDS 10000
#define LIVE 128

static volatile unsigned bad[2], done[2];

static void churn(void *arg)
{
    unsigned id = (unsigned)(seL4_Word)arg;
    unsigned char mark = (unsigned char)(0xA0 + id);
    unsigned char *ring[LIVE] = {0};
    size_t sizes[LIVE] = {0};
    unsigned seed = 12345u + id;
    for (unsigned i = 0; i < ROUNDS; i++) {
        unsigned k = i % LIVE;
        if (ring[k]) {
            for (size_t j = 0; j < sizes[k]; j++)
                if (ring[k][j] != mark) {
                    bad[id]++;
                    break;
                }
            free(ring[k]);
        }
        seed = seed * 1103515245u + 12345u;
        sizes[k] = 8 + (seed >> 16) % 48;
        ring[k] = malloc(sizes[k]);
        if (!ring[k]) {
            bad[id]++;
            continue;
        }
        memset(ring[k], mark, sizes[k]);
    }
    for (unsigned k = 0; k < LIVE; k++)
        free(ring[k]);
    done[id] = 1;
}

int main(void)
{
    nb_alloc_t a;
    nb_vspace_t vs;
    nb_alloc_init(&a, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &a);
    nb_thread_t t[2];
    /* The root task's own priority (255): the threads share the CPU with it and
     * with each other, round robin on each tick. */
    for (unsigned id = 0; id < 2; id++) {
        seL4_Error e = nb_thread_start(&t[id], &vs, seL4_CapInitThreadCNode, 255, 0, churn,
                                       (void *)(seL4_Word)id);
        if (e != seL4_NoError) {
            printf("malloc-threads: thread %u: error %d\n", id, e);
            return 1;
        }
    }
    while (!done[0] || !done[1])
        seL4_Yield();
    printf("malloc-threads: %u rounds each, %u bad blocks in thread 0, %u in thread 1\n",
           ROUNDS, bad[0], bad[1]);
    void *p = malloc(1000);
    printf("malloc-threads: heap still usable: %s\n", p ? "yes" : "no");
    return 0;
}

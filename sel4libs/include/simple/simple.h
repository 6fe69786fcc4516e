/*
 * sel4libs/include/simple/simple.h - seL4's "simple": what a program knows about
 * its own boot environment (its CNode, page directory, TCB, the other initial caps,
 * its untyped memory and image frames), asked through one interface. Here there is
 * one implementation, over a BootInfo (simple-default/simple-default.h), so simple_t
 * holds that BootInfo and the functions read it. Partners: ../../src/simple.c.
 */
#ifndef SEL4LIBS_SIMPLE_SIMPLE_H
#define SEL4LIBS_SIMPLE_SIMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>
#include <utils/util.h>

typedef struct simple {
    void *data; /* the seL4_BootInfo it describes */
} simple_t;

/* The root CNode, the page directory (VSpace root) and the TCB of this program. */
seL4_CPtr simple_get_cnode(simple_t *simple);
seL4_CPtr simple_get_pd(simple_t *simple);
seL4_CPtr simple_get_tcb(simple_t *simple);
/* The cap at initial slot `cap` (seL4_CapInitThreadASIDPool, seL4_CapIRQControl, ...). */
seL4_CPtr simple_get_init_cap(simple_t *simple, seL4_CPtr cap);
seL4_CPtr simple_get_irq_ctrl(simple_t *simple);
/* log2 of the root CNode's slots. */
seL4_Word simple_get_cnode_size_bits(simple_t *simple);
/* Number of cores (1). */
int simple_get_core_count(simple_t *simple);

/* The untyped caps: how many, and the n-th with its size, physical address and
 * whether it is device memory (any out pointer may be NULL); 0 if n is out of range. */
int simple_get_untyped_count(simple_t *simple);
seL4_CPtr simple_get_nth_untyped(simple_t *simple, int n, size_t *size_bits, uintptr_t *paddr, bool *device);

/* The frames of this program's image: how many, and the n-th (0 if out of range). */
int simple_get_userimage_count(simple_t *simple);
seL4_CPtr simple_get_nth_userimage(simple_t *simple, int n);

/* Prints the BootInfo's regions (empty slots, image frames, untypeds, ...). */
void simple_print(simple_t *simple);

#endif

/*
 * sel4libs/include/vka/cspacepath_t.h - a slot named the way every CNode invocation
 * wants it: the CSpace root and the cap's address and depth in it (capPtr,
 * capDepth), and the same slot as a CNode plus an offset (dest, destDepth, offset),
 * which Untyped_Retype takes. Partners: vka.h, capops.h.
 */
#ifndef SEL4LIBS_VKA_CSPACEPATH_T_H
#define SEL4LIBS_VKA_CSPACEPATH_T_H

#include <sel4/sel4.h>

typedef struct cspacepath {
    seL4_CPtr capPtr;    /* the slot, as an address in root's CSpace */
    seL4_Word capDepth;  /* bits of capPtr to resolve */
    seL4_CPtr root;      /* the CSpace root the paths start from */
    seL4_CPtr dest;      /* the CNode holding the slot, as an address in root */
    seL4_Word destDepth; /* bits of dest to resolve (0: root itself) */
    seL4_Word offset;    /* the slot's index in that CNode */
    seL4_Word window;    /* number of consecutive slots (1) */
} cspacepath_t;

#endif

/*
 * arch/arm/asid.h - what deleting a page directory or an ASID pool does to the
 * ASID table (asid.c), for vspace.c's deletion hook.
 */
#ifndef ARCH_ARM_ASID_H
#define ARCH_ARM_ASID_H

#include "../../kernel/cap.h"

/* The last cap of a page directory went: its ASID (if any) is free again. */
void asid_pd_deleted(cap_t pd);
/* The last cap of a pool went: all its ASIDs are released, the pool slot freed. */
void asid_pool_deleted(cap_t pool);

#endif

/*
 * kernel/rootserver.h - the root task: the one thread the kernel creates itself.
 * Partners: rootserver.c, boot.c.
 */
#ifndef KERNEL_ROOTSERVER_H
#define KERNEL_ROOTSERVER_H

#include "thread.h"

#define PAGE_SIZE_USER 4096u
#define USER_TOP_ADDR 0xE0000000u /* seL4_UserTop */

/* Builds the root task from the first program in the image; panics if there is none. */
tcb_t *rootserver_create(void);

#endif

/*
 * sel4libs/include/autoconf.h - the build configuration seL4 programs include first.
 * Numbat has one configuration: libsel4's sel4/config.h holds the kernel's values;
 * the few library settings seL4's libraries read are here. Partner: sel4/config.h.
 */
#ifndef SEL4LIBS_AUTOCONF_H
#define SEL4LIBS_AUTOCONF_H

#include <sel4/config.h>

/* A process's CNode has 2^8 slots (libnumbat/process.h: NB_PROCESS_CNODE_BITS). */
#ifndef CONFIG_SEL4UTILS_CSPACE_SIZE_BITS
#define CONFIG_SEL4UTILS_CSPACE_SIZE_BITS 8
#endif
#ifndef CONFIG_SEL4UTILS_STACK_SIZE
#define CONFIG_SEL4UTILS_STACK_SIZE 16384
#endif

#endif

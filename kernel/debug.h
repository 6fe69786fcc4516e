/*
 * kernel/debug.h - seL4's debug system calls that print (DebugDumpScheduler,
 * DebugSnapshot). Partners: debug.c, syscall.c.
 */
#ifndef KERNEL_DEBUG_H
#define KERNEL_DEBUG_H

void debug_dump_scheduler(void);
void debug_snapshot(void);

#endif

/*
 * kernel/invariants.h - the kernel's invariant checker, compiled into test builds
 * (make ... CHECKED=1, which the in-kernel suite tests/sel4test uses). It runs
 * at every kernel exit and panics with the name of the broken invariant.
 * Partners: invariants.c, sched.c (caller).
 */
#ifndef KERNEL_INVARIANTS_H
#define KERNEL_INVARIANTS_H

struct cte;

#ifdef NUMBAT_CHECK_INVARIANTS
void invariants_check(void);
/* Records that a slot's cap or CDT links changed, so the next check looks at it. */
void invariants_note_slot(const struct cte *slot);
#else
static inline void invariants_check(void) {}
static inline void invariants_note_slot(const struct cte *slot) { (void)slot; }
#endif

#endif

/*
 * runtime/lock.c - the C library's locks (picolibc's retargetable locking): malloc,
 * free, atexit and the time functions take them, so that threads of one program can
 * allocate at the same time. A lock names its owner by the owner's TLS base (each
 * thread libnumbat starts has its own; threads left without one share the initial
 * thread's, and so count as one owner) and counts how deep the owner holds it. A
 * thread that finds a lock taken gives up the CPU (seL4_Yield) and tries again.
 * Yield passes the CPU only to threads of the same priority: a thread that waits for
 * a lock held by a lower-priority thread spins until that thread runs some other way
 * (docs/user-programs.md). Partners: picolibc's <sys/lock.h>, tls.c.
 */
#include <sys/lock.h>

#include <stdbool.h>
#include <stdint.h>

#include <sel4/sel4.h>

struct __lock {
    uintptr_t owner; /* the owner's TLS base; 0: free (read and written atomically) */
    unsigned depth;  /* how many times the owner holds it */
};

void *__aeabi_read_tp(void);

/* The C library's one named lock (malloc and the rest take it). */
struct __lock __lock___libc_recursive_mutex;

/* Locks the library makes at run time (__retarget_lock_init); past these, they share one. */
#define DYNAMIC_LOCKS 8
static struct __lock dynamic[DYNAMIC_LOCKS + 1];
static unsigned dynamic_used;

static uintptr_t me(void)
{
    return (uintptr_t)__aeabi_read_tp();
}

void __retarget_lock_acquire_recursive(_LOCK_T lock)
{
    uintptr_t self = me();
    if (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) == self) {
        lock->depth++;
        return;
    }
    uintptr_t free_owner = 0;
    while (!__atomic_compare_exchange_n(&lock->owner, &free_owner, self, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
        free_owner = 0;
        seL4_Yield();
    }
    lock->depth = 1;
}

int __retarget_lock_try_acquire_recursive(_LOCK_T lock)
{
    uintptr_t self = me(), free_owner = 0;
    if (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) == self) {
        lock->depth++;
        return 1;
    }
    if (!__atomic_compare_exchange_n(&lock->owner, &free_owner, self, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return 0;
    lock->depth = 1;
    return 1;
}

void __retarget_lock_release_recursive(_LOCK_T lock)
{
    if (lock->depth > 0 && --lock->depth == 0)
        __atomic_store_n(&lock->owner, 0, __ATOMIC_RELEASE);
}

/* The library's plain locks are taken the same way (it never takes one twice). */
void __retarget_lock_acquire(_LOCK_T lock) { __retarget_lock_acquire_recursive(lock); }
int __retarget_lock_try_acquire(_LOCK_T lock) { return __retarget_lock_try_acquire_recursive(lock); }
void __retarget_lock_release(_LOCK_T lock) { __retarget_lock_release_recursive(lock); }

void __retarget_lock_init_recursive(_LOCK_T *lock)
{
    unsigned i = __atomic_fetch_add(&dynamic_used, 1, __ATOMIC_RELAXED);
    *lock = &dynamic[i < DYNAMIC_LOCKS ? i : DYNAMIC_LOCKS];
}

void __retarget_lock_init(_LOCK_T *lock) { __retarget_lock_init_recursive(lock); }
/* A lock from the pool is never handed out again: closing it does nothing. */
void __retarget_lock_close_recursive(_LOCK_T lock) { (void)lock; }
void __retarget_lock_close(_LOCK_T lock) { (void)lock; }

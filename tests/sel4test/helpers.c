/*
 * tests/sel4test/helpers.c - the sel4test framework: recording failures, running one
 * test and cleaning up after it (every slot it used deleted, the pool untyped revoked,
 * the root priority restored), the slot allocator over bi->empty, the untyped picker,
 * and test threads that share the root's address space. Partners: helpers.h, main.c.
 */
#include "helpers.h"

#include <stdarg.h>

seL4_BootInfo *bi;
unsigned root_radix;
seL4_CPtr pool_untyped;
unsigned pool_untyped_bits;

/* ---- failures ------------------------------------------------------------------- */

#define MSG_MAX 200

static const char *current_test;
static unsigned failed_checks;
static char first_failure[MSG_MAX];
static const char *first_failure_file;
static int first_failure_line;
static const char *skip_reason;

static const char *basename_of(const char *path)
{
    const char *base = path;
    for (const char *p = path; *p; p++)
        if (*p == '/')
            base = p + 1;
    return base;
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
    /* Only the first failure is shown: later ones are often its consequences. */
    if (failed_checks++ > 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(first_failure, MSG_MAX, fmt, ap);
    va_end(ap);
    first_failure_file = basename_of(file);
    first_failure_line = line;
}

void test_skip(const char *why)
{
    skip_reason = why;
}

const char *err_name(seL4_Word err)
{
    static const char *const names[] = {
        "NoError",          "InvalidArgument", "InvalidCapability", "IllegalOperation",
        "RangeError",       "AlignmentError",  "FailedLookup",      "TruncatedMessage",
        "DeleteFirst",      "RevokeFirst",     "NotEnoughMemory",
    };
    return err < sizeof(names) / sizeof(names[0]) ? names[err] : "(not an seL4_Error)";
}

/* ---- shared state with test threads ------------------------------------------------ */

volatile seL4_Word counter[N_COUNTERS];
volatile seL4_Word thread_arg_seen;
volatile char trace[64];
volatile unsigned trace_len;

void trace_add(char c)
{
    if (trace_len < sizeof(trace) - 1)
        trace[trace_len++] = c;
}

const char *trace_str(void)
{
    static char copy[sizeof(trace)];
    unsigned n = trace_len;
    for (unsigned i = 0; i < n; i++)
        copy[i] = trace[i];
    copy[n] = '\0';
    return copy;
}

int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

void regs_clear(seL4_UserContext *regs)
{
    memset(regs, 0, sizeof(*regs));
}

void spin(unsigned n)
{
    for (volatile unsigned i = 0; i < n; i++)
        ;
}

void yield_n(unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        seL4_Yield();
}

/* ---- slots and objects --------------------------------------------------------------- */

/* Slots [slot_first, slot_end) come from bi->empty; [slot_first, slot_next) are in use. */
static seL4_CPtr slot_first, slot_end, slot_next;

seL4_CPtr slot_alloc_range_at(unsigned n, const char *file, int line)
{
    if (slot_next + n > slot_end) {
        test_fail(file, line, "setup: no %u free slots left in bi->empty", n);
        return 0;
    }
    seL4_CPtr s = slot_next;
    slot_next += n;
    return s;
}

seL4_Error retype_into(seL4_CPtr ut, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot, seL4_Word n)
{
    /* node_depth 0: the destination CNode is the root cap itself (spec §8.2). */
    return seL4_Untyped_Retype(ut, type, size_bits, ROOT_CNODE, 0, 0, slot, n);
}

seL4_CPtr new_object_at(seL4_Word type, seL4_Word size_bits, const char *file, int line)
{
    seL4_CPtr slot = slot_alloc_range_at(1, file, line);
    if (!slot)
        return 0;
    seL4_Error err = retype_into(pool_untyped, type, size_bits, slot, 1);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: Retype of type %u (size_bits %u) gave %s", type, size_bits,
                  err_name(err));
        return 0;
    }
    return slot;
}

seL4_CPtr mint_cap_at(seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge, int mint,
                      const char *file, int line)
{
    seL4_CPtr slot = slot_alloc_range_at(1, file, line);
    if (!slot)
        return 0;
    seL4_Error err = mint ? seL4_CNode_Mint(ROOT_CNODE, slot, ROOT_DEPTH, ROOT_CNODE, src, ROOT_DEPTH,
                                            rights, badge)
                          : seL4_CNode_Copy(ROOT_CNODE, slot, ROOT_DEPTH, ROOT_CNODE, src, ROOT_DEPTH,
                                            rights);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: %s of slot %u gave %s", mint ? "Mint" : "Copy", src, err_name(err));
        return 0;
    }
    return slot;
}

#define MAX_EXTRA_UNTYPEDS 4
static seL4_CPtr extra_untypeds[MAX_EXTRA_UNTYPEDS];
static unsigned n_extra_untypeds;

void revoke_after_test(seL4_CPtr untyped)
{
    if (n_extra_untypeds < MAX_EXTRA_UNTYPEDS)
        extra_untypeds[n_extra_untypeds++] = untyped;
}

seL4_CPtr find_device_untyped(unsigned min_bits)
{
    seL4_CPtr best = 0;
    unsigned best_bits = 0;
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (d->isDevice && d->sizeBits >= min_bits && (!best || d->sizeBits < best_bits)) {
            best = bi->untyped.start + i;
            best_bits = d->sizeBits;
        }
    }
    return best;
}

seL4_Error set_root_priority(seL4_Word prio)
{
    return seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, prio);
}

/* ---- threads ------------------------------------------------------------------------- */

#define N_THREADS 8
#define STACK_WORDS (THREAD_STACK_BYTES / sizeof(seL4_Word))
#define USER_CONTEXT_WORDS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

static seL4_Word stacks[N_THREADS][STACK_WORDS] __attribute__((aligned(8)));
static unsigned char tls_areas[N_THREADS][TLS_AREA_BYTES] __attribute__((aligned(16)));
static test_thread_t threads[N_THREADS];
static unsigned threads_used;

/* Where every test thread starts (r0 = its test_thread_t). */
static void __attribute__((noreturn)) thread_trampoline(test_thread_t *t)
{
    t->fn(t->arg);
    t->finished = 1;
    /* A finished thread must stop: at a priority above the root it would starve it. */
    seL4_TCB_Suspend(t->tcb);
    for (;;)
        seL4_Yield();
}

void thread_initial_regs(test_thread_t *t, seL4_UserContext *regs)
{
    regs_clear(regs);
    regs->pc = (seL4_Word)thread_trampoline;
    regs->sp = t->stack_top;
    regs->r0 = (seL4_Word)t;
}

test_thread_t *thread_new_at(seL4_Word prio, void (*fn)(seL4_Word), seL4_Word arg, const char *file,
                             int line)
{
    if (threads_used == N_THREADS) {
        test_fail(file, line, "setup: more than %u test threads", N_THREADS);
        return NULL;
    }
    unsigned i = threads_used++;
    test_thread_t *t = &threads[i];
    t->fn = fn;
    t->arg = arg;
    t->finished = 0;
    t->stack_top = (seL4_Word)&stacks[i][STACK_WORDS];
    t->tcb = new_object_at(seL4_TCBObject, 0, file, line);
    if (!t->tcb)
        return NULL;
    /* Root CSpace (guard kept: data 0), root VSpace, no IPC buffer (spec §8.3). */
    seL4_Error err = seL4_TCB_Configure(t->tcb, 0, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0, 0,
                                        seL4_CapNull);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: TCB_Configure gave %s", err_name(err));
        return NULL;
    }
    err = seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, prio);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: TCB_SetPriority(%u) gave %s", prio, err_name(err));
        return NULL;
    }
    seL4_UserContext regs;
    thread_initial_regs(t, &regs);
    err = seL4_TCB_WriteRegisters(t->tcb, seL4_False, 0, USER_CONTEXT_WORDS, &regs);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: TCB_WriteRegisters gave %s", err_name(err));
        return NULL;
    }
    /* Its own thread-local variables; its libsel4 IPC buffer pointer starts as the
     * root's (a test gives it a buffer of its own when it needs one). */
    t->tls_base = numbat_tls_setup(tls_areas[i], sizeof(tls_areas[i]));
    if (!t->tls_base) {
        test_fail(file, line, "setup: %u bytes of TLS are too few", (unsigned)TLS_AREA_BYTES);
        return NULL;
    }
    numbat_tls_set_ipc_buffer(t->tls_base, seL4_GetIPCBuffer());
    err = seL4_TCB_SetTLSBase(t->tcb, t->tls_base);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: TCB_SetTLSBase gave %s", err_name(err));
        return NULL;
    }
    return t;
}

test_thread_t *thread_start_at(seL4_Word prio, void (*fn)(seL4_Word), seL4_Word arg,
                               const char *file, int line)
{
    test_thread_t *t = thread_new_at(prio, fn, arg, file, line);
    if (!t)
        return NULL;
    seL4_Error err = seL4_TCB_Resume(t->tcb);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: TCB_Resume gave %s", err_name(err));
        return NULL;
    }
    return t;
}

void body_count_once(seL4_Word idx)
{
    counter[idx]++;
}

void body_count_and_yield(seL4_Word idx)
{
    for (;;) {
        counter[idx]++;
        seL4_Yield();
    }
}

void body_count_spinning(seL4_Word idx)
{
    for (;;)
        counter[idx]++;
}

void body_trace_once(seL4_Word letter)
{
    trace_add((char)letter);
}

/* ---- the runner -------------------------------------------------------------------- */

int suite_init(void)
{
    bi = seL4_GetBootInfo();
    if (!bi) {
        printf("sel4test: no BootInfo\n");
        return 0;
    }
    root_radix = bi->initThreadCNodeSizeBits;
    /* Never hand out (and so never delete at cleanup) a slot outside bi->empty or one of
     * the fixed initial caps: a broken BootInfo must not make the suite destroy them. */
    if (root_radix == 0 || root_radix >= seL4_WordBits || bi->empty.start < seL4_NumInitialCaps ||
        bi->empty.end > (1u << root_radix) || bi->empty.start >= bi->empty.end) {
        printf("sel4test: BootInfo gives no usable free slots (radix %u, empty %u..%u)\n", root_radix,
               bi->empty.start, bi->empty.end);
        return 0;
    }
    slot_first = slot_next = bi->empty.start;
    slot_end = bi->empty.end;

    /* The pool: the smallest non-device untyped of at least 4 MiB (room for a 1 MiB
     * section and its alignment, and little to zero), else the largest there is. */
    seL4_Word n = bi->untyped.end - bi->untyped.start;
    for (seL4_Word i = 0; i < n && i < CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (d->isDevice)
            continue;
        int better = !pool_untyped ||
                     (d->sizeBits >= 22 ? pool_untyped_bits < 22 || d->sizeBits < pool_untyped_bits
                                        : pool_untyped_bits < 22 && d->sizeBits > pool_untyped_bits);
        if (better) {
            pool_untyped = bi->untyped.start + i;
            pool_untyped_bits = d->sizeBits;
        }
    }
    if (!pool_untyped) {
        printf("sel4test: BootInfo lists no non-device untyped\n");
        return 0;
    }
    return 1;
}

static void reset_state(void)
{
    failed_checks = 0;
    first_failure[0] = '\0';
    skip_reason = NULL;
    for (unsigned i = 0; i < N_COUNTERS; i++)
        counter[i] = 0;
    thread_arg_seen = 0;
    trace_len = 0;
    threads_used = 0;
    n_extra_untypeds = 0;
    slot_next = slot_first;
}

/* Leaves the kernel as the test found it; problems count against the test. */
static void cleanup(void)
{
    seL4_Error err = set_root_priority(seL4_MaxPrio);
    if (err != seL4_NoError)
        test_fail(__FILE__, __LINE__, "cleanup: restoring the root priority gave %s", err_name(err));
    /* Deleting every used slot also removes copies of initial caps and destroys threads. */
    for (seL4_CPtr s = slot_first; s < slot_next; s++) {
        err = seL4_CNode_Delete(ROOT_CNODE, s, ROOT_DEPTH);
        if (err != seL4_NoError)
            test_fail(__FILE__, __LINE__, "cleanup: Delete of slot %u gave %s", s, err_name(err));
    }
    /* Revoke catches what is not in a root slot (caps inside test CNodes, TCB copies). */
    err = seL4_CNode_Revoke(ROOT_CNODE, pool_untyped, ROOT_DEPTH);
    if (err != seL4_NoError)
        test_fail(__FILE__, __LINE__, "cleanup: Revoke of the pool untyped gave %s", err_name(err));
    for (unsigned i = 0; i < n_extra_untypeds; i++) {
        err = seL4_CNode_Revoke(ROOT_CNODE, extra_untypeds[i], ROOT_DEPTH);
        if (err != seL4_NoError)
            test_fail(__FILE__, __LINE__, "cleanup: Revoke of untyped %u gave %s", extra_untypeds[i],
                      err_name(err));
    }
}

test_result_t run_test(const test_case_t *tc)
{
    current_test = tc->name;
    reset_state();
    tc->fn();
    cleanup();
    if (failed_checks == 0 && skip_reason) {
        printf("SKIP %s: %s\n", current_test, skip_reason);
        return TEST_SKIPPED;
    }
    if (failed_checks == 0) {
        printf("PASS %s\n", current_test);
        return TEST_PASSED;
    }
    /* "FAIL name: what (file:line)", the location being the first failed check's. */
    printf("FAIL %s: %s", current_test, first_failure);
    if (failed_checks > 1)
        printf(" [and %u more failed checks]", failed_checks - 1);
    printf(" (%s:%d)\n", first_failure_file, first_failure_line);
    return TEST_FAILED;
}

/*
 * tests/sel4test/helpers.h - the sel4test framework (CHECK/REQUIRE macros, test tables)
 * and the resources tests draw on: free root-CNode slots, objects retyped from a pool
 * untyped, threads sharing the root's address space. Partners: helpers.c, main.c,
 * test_*.c.
 */
#ifndef SEL4TEST_HELPERS_H
#define SEL4TEST_HELPERS_H

#include <numbat/runtime.h>
#include <numbat/tls.h>
#include <sel4/sel4.h>

/* ---- tests and checks --------------------------------------------------------- */

typedef void (*test_fn_t)(void);
typedef struct test_case {
    const char *name;
    test_fn_t fn;
} test_case_t;

/* A table entry whose printed name is the function's name. */
#define TEST_CASE(fn) { #fn, fn }

/* Each test file exports one table; main.c runs them in a fixed order. */
extern const test_case_t boot_tests[], untyped_tests[], cnode_tests[], cdt_tests[],
    badcap_tests[], tcb_tests[], sched_tests[], ipc_tests[], ntfn_tests[], fault_tests[],
    irq_tests[], vspace_error_tests[], vspace_tests[], aspace_tests[], asid_tests[];
extern const unsigned boot_test_count, untyped_test_count, cnode_test_count, cdt_test_count,
    badcap_test_count, tcb_test_count, sched_test_count, ipc_test_count, ntfn_test_count,
    fault_test_count, irq_test_count, vspace_error_test_count, vspace_test_count,
    aspace_test_count, asid_test_count;

/* Records a failed check of the running test; the test itself goes on. */
void test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* CHECK records a failure and continues; REQUIRE records it and leaves the test
 * (use it when later steps make no sense without this one). */
#define CHECK(cond, ...) \
    do { \
        if (!(cond)) \
            test_fail(__FILE__, __LINE__, __VA_ARGS__); \
    } while (0)
#define REQUIRE(cond, ...) \
    do { \
        if (!(cond)) { \
            test_fail(__FILE__, __LINE__, __VA_ARGS__); \
            return; \
        } \
    } while (0)

/* Marks the running test as not applicable here (printed as SKIP, counted apart). */
void test_skip(const char *why);

const char *err_name(seL4_Word err);

/* The error an invocation returned. */
#define CHECK_ERR(call, want) \
    do { \
        seL4_Error got_ = (call); \
        CHECK(got_ == (want), "%s gave %s, expected %s", #call, err_name(got_), err_name(want)); \
    } while (0)
#define REQUIRE_ERR(call, want) \
    do { \
        seL4_Error got_ = (call); \
        REQUIRE(got_ == (want), "%s gave %s, expected %s", #call, err_name(got_), err_name(want)); \
    } while (0)
#define CHECK_OK(call) CHECK_ERR(call, seL4_NoError)
#define REQUIRE_OK(call) REQUIRE_ERR(call, seL4_NoError)

/* An error-reply message register, read right after the failing call. */
#define CHECK_MR(i, want) \
    do { \
        seL4_Word mr_ = seL4_GetMR(i); \
        CHECK(mr_ == (seL4_Word)(want), "error MR%d is %u, expected %u", (i), mr_, \
              (seL4_Word)(want)); \
    } while (0)

/* The tag seL4_DebugCapIdentify reports for a slot (spec §3.4). */
#define CHECK_CAP(cptr, want) \
    do { \
        seL4_CPtr c_ = (cptr); \
        seL4_Uint32 t_ = seL4_DebugCapIdentify(c_); \
        CHECK(t_ == (seL4_Uint32)(want), "slot %u holds cap type 0x%x, expected 0x%x (%s)", c_, t_, \
              (seL4_Uint32)(want), #want); \
    } while (0)

/* DebugCapIdentify tags on AArch32 (spec §3.4). */
enum cap_tag {
    CAP_NULL = 0,
    CAP_SMALL_FRAME = 1,
    CAP_UNTYPED = 2,
    CAP_FRAME = 3, /* large page, section, supersection */
    CAP_ENDPOINT = 4,
    CAP_ASID_POOL = 5,
    CAP_NOTIFICATION = 6,
    CAP_PAGE_TABLE = 7,
    CAP_REPLY = 8,
    CAP_PAGE_DIRECTORY = 9,
    CAP_CNODE = 10,
    CAP_ASID_CONTROL = 11,
    CAP_THREAD = 12,
    CAP_IRQ_CONTROL = 0x0E,
    CAP_IRQ_HANDLER = 0x1E,
    CAP_ZOMBIE = 0x2E,
    CAP_DOMAIN = 0x3E,
};

/* ---- the root CSpace ------------------------------------------------------------ */

/* The root CNode's guard makes a cptr equal to the slot index at depth 32 (spec §5.3). */
#define ROOT_CNODE seL4_CapInitThreadCNode
#define ROOT_DEPTH seL4_WordBits

extern seL4_BootInfo *bi;
/* Root CNode radix and guard size (guard size = 32 - radix). */
extern unsigned root_radix;
/* The non-device untyped all test objects come from; revoked after each test. */
extern seL4_CPtr pool_untyped;
extern unsigned pool_untyped_bits;

/* Next free slot of the root CNode (from bi->empty), or 0 after recording a failure. */
#define slot_alloc() slot_alloc_range_at(1, __FILE__, __LINE__)
/* The first of n consecutive free slots, or 0 after recording a failure. */
#define slot_alloc_range(n) slot_alloc_range_at((n), __FILE__, __LINE__)
seL4_CPtr slot_alloc_range_at(unsigned n, const char *file, int line);

/* Retype from untyped `ut` into root slots slot..slot+n-1 (destination = root itself). */
seL4_Error retype_into(seL4_CPtr ut, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot, seL4_Word n);

/* One new object from the pool untyped in a fresh slot; 0 after recording a failure. */
#define new_object(type, size_bits) new_object_at((type), (size_bits), __FILE__, __LINE__)
seL4_CPtr new_object_at(seL4_Word type, seL4_Word size_bits, const char *file, int line);
/* A fresh untyped of 2^bits bytes (no children, watermark 0). */
#define new_untyped(bits) new_object(seL4_UntypedObject, (bits))

/* Copy/Mint of a root-CNode cap into a fresh slot; 0 after recording a failure. */
#define copy_cap(src, rights) mint_cap_at((src), (rights), 0, 0, __FILE__, __LINE__)
#define mint_cap(src, rights, badge) mint_cap_at((src), (rights), (badge), 1, __FILE__, __LINE__)
seL4_CPtr mint_cap_at(seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge, int mint,
                      const char *file, int line);

/* A boot untyped other than the pool that a test retypes from: revoked at cleanup. */
void revoke_after_test(seL4_CPtr untyped);
/* The smallest device untyped of at least 2^min_bits bytes, or 0 if there is none. */
seL4_CPtr find_device_untyped(unsigned min_bits);

/* Sets the root thread's priority (authority: itself, MCP 255). Cleanup restores 255. */
seL4_Error set_root_priority(seL4_Word prio);

/* Zeroes a register set. */
void regs_clear(seL4_UserContext *regs);

/* A busy loop that makes no system call: n iterations of a few instructions each. */
void spin(unsigned n);

/* ---- threads in the root task's address space ------------------------------------ */

/*
 * Test threads run `fn(arg)` on a static stack with the root's CSpace and VSpace,
 * their own thread-local variables, and no IPC buffer the kernel knows of; their
 * libsel4 buffer pointer is the root's until a test gives them one (then they need
 * TCB_SetIPCBuffer too). When fn returns, `finished` is set and the thread suspends
 * itself.
 */
#define THREAD_STACK_BYTES 4096
#define TLS_AREA_BYTES 256

typedef struct test_thread {
    seL4_CPtr tcb;
    void (*fn)(seL4_Word);
    seL4_Word arg;
    volatile int finished;
    seL4_Word stack_top;
    seL4_Word tls_base; /* its thread-local variables (numbat/tls.h) */
} test_thread_t;

/* A configured TCB at priority `prio` whose registers start fn(arg); not resumed.
 * NULL after recording a failure. */
#define thread_new(prio, fn, arg) thread_new_at((prio), (fn), (arg), __FILE__, __LINE__)
test_thread_t *thread_new_at(seL4_Word prio, void (*fn)(seL4_Word), seL4_Word arg, const char *file,
                             int line);
/* thread_new, then TCB_Resume; NULL after recording a failure. */
#define thread_start(prio, fn, arg) thread_start_at((prio), (fn), (arg), __FILE__, __LINE__)
test_thread_t *thread_start_at(seL4_Word prio, void (*fn)(seL4_Word), seL4_Word arg,
                               const char *file, int line);
/* The register set thread_new writes: pc = trampoline, sp = stack top, r0 = t. */
void thread_initial_regs(test_thread_t *t, seL4_UserContext *regs);

/* Lets other runnable threads of the root's priority run: n Yields. */
void yield_n(unsigned n);

/* State shared with test threads; zeroed before each test. */
#define N_COUNTERS 4
extern volatile seL4_Word counter[N_COUNTERS];
extern volatile seL4_Word thread_arg_seen;
/* Events in the order they happened: threads and root append one letter each. */
extern volatile char trace[64];
extern volatile unsigned trace_len;
void trace_add(char c);
/* NUL-terminated copy of the trace for comparisons and messages. */
const char *trace_str(void);
int str_eq(const char *a, const char *b);

/* Thread bodies shared by several tests (arg = a counter index or a letter). */
void body_count_once(seL4_Word idx);      /* counter[idx]++, then finish */
void body_count_and_yield(seL4_Word idx); /* forever: counter[idx]++, Yield */
void body_count_spinning(seL4_Word idx);  /* forever: counter[idx]++, never yields */
void body_trace_once(seL4_Word letter);   /* trace_add(letter), then finish */

/* ---- the runner --------------------------------------------------------------- */

/* Finds the pool untyped and the free slots; returns 0 if the suite cannot run. */
int suite_init(void);
typedef enum { TEST_PASSED, TEST_FAILED, TEST_SKIPPED } test_result_t;
/* Runs one test, cleans up after it and prints its result line. */
test_result_t run_test(const test_case_t *tc);

#endif

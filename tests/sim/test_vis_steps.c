/*
 * tests/sim/test_vis_steps.c - the timeline's steps (visualizer/steps.c): a kernel
 * visit is one step, a revoke preempted and restarted is one step, each is named by
 * what was invoked, and c's search skips visits that change no cap. Hand-made events,
 * then the start of a recorded bench/cap-churn run (data/cap-churn.trace, version 4).
 * Partners: visualizer/steps.c, vis_events.h.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <sel4/errors.h>
#include <sel4/invocation.h>
#include <sel4/syscall.h>

#include "../../visualizer/steps.h"
#include "vis_events.h"

#define CNODE 0xE0040000u
#define SLOT(i) (CNODE + 0x10u * (i))
#define TCB 0xE0050000u
#define EP 0x80100000u

static vis_model_t m;
static trace_record_t records[256];
static size_t count;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    cr_assert_lt(count, sizeof(records) / sizeof(records[0]));
    records[count] = vis_test_record(1000u + count, type, n, payload);
    vis_model_apply(&m, &records[count++]);
}

static void setup(void)
{
    vis_model_init(&m);
    count = 0;
    EV(TRACE_BOOT, TRACE_VERSION, TRACE_PLATFORM_ARM_SIM, 0x80000000u, 0x08000000u);
    EV(TRACE_OBJECT_CREATE, 4, CNODE, 8, 0);
    EV(TRACE_CAP_INSERT, SLOT(2), CNODE | TRACE_CAP_CNODE, 8u, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, SLOT(3), EP | TRACE_CAP_ENDPOINT, 0xF0000000u, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
    for (uint32_t i = 0; i < 6; i++)
        EV(TRACE_CAP_INSERT, SLOT(10 + i), EP | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(3), 0,
           TRACE_CAUSE_COPY);
}

static void teardown(void)
{
    vis_model_free(&m);
}

TestSuite(vis_steps, .init = setup, .fini = teardown);

static void syscall(int32_t number)
{
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)number, TCB, 0x10000);
}

/* A revoke of SLOT(3) preempted after `first` deletions by interrupt 34, then
 * restarted: it begins again and ends once. Returns the index of its first event. */
static size_t preempted_revoke(unsigned first)
{
    size_t start = count;
    syscall(seL4_SysCall);
    EV(TRACE_INVOCATION, SLOT(2), CNODE | TRACE_CAP_CNODE, CNodeRevoke, 0);
    EV(TRACE_REVOKE_BEGIN, SLOT(3));
    for (unsigned i = 0; i < first; i++)
        EV(TRACE_CAP_DELETE, SLOT(10 + i), EP | TRACE_CAP_ENDPOINT, 0xF0000000u, TRACE_CAUSE_REVOKE);
    EV(TRACE_KERNEL_EXIT, TCB);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_INTERRUPT, 34, TCB, 0x10000);
    EV(TRACE_KERNEL_EXIT, TCB);
    syscall(seL4_SysCall);
    EV(TRACE_INVOCATION, SLOT(2), CNODE | TRACE_CAP_CNODE, CNodeRevoke, 0);
    EV(TRACE_REVOKE_BEGIN, SLOT(3));
    for (unsigned i = first; i < 6; i++)
        EV(TRACE_CAP_DELETE, SLOT(10 + i), EP | TRACE_CAP_ENDPOINT, 0xF0000000u, TRACE_CAUSE_REVOKE);
    EV(TRACE_REVOKE_END, SLOT(3));
    EV(TRACE_KERNEL_EXIT, TCB);
    return start;
}

Test(vis_steps, a_boot_event_is_a_step_of_its_own)
{
    vis_step_t s = vis_step_of(records, count, 3);
    cr_expect_eq(s.first, 3);
    cr_expect_eq(s.last, 3);
}

Test(vis_steps, a_preempted_revoke_is_one_step_named_by_its_invocation)
{
    size_t start = preempted_revoke(2);
    for (size_t i = start; i < count; i++) {
        vis_step_t s = vis_step_of(records, count, i);
        cr_expect_eq(s.first, start, "event %zu starts its step at %zu", i, s.first);
        cr_expect_eq(s.last, count - 1, "event %zu ends its step at %zu", i, s.last);
    }
    char label[256];
    vis_step_label(&m, records, vis_step_of(records, count, count - 1), label, sizeof(label));
    cr_expect(strstr(label, "CNode_Revoke of ") != NULL, "%s", label);
    cr_expect(strstr(label, "deleted 6 caps") != NULL, "%s", label);
    size_t gone[8];
    cr_expect_eq(vis_step_deletions(records, vis_step_of(records, count, start), gone, 8), 6);
}

Test(vis_steps, every_invocation_and_system_call_is_named)
{
    syscall(seL4_SysCall);
    EV(TRACE_INVOCATION, SLOT(2), CNODE | TRACE_CAP_CNODE, CNodeCopy, 0);
    EV(TRACE_CAP_INSERT, SLOT(20), EP | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(3), 0,
       TRACE_CAUSE_COPY);
    EV(TRACE_KERNEL_EXIT, TCB);
    char label[256];
    vis_step_label(&m, records, vis_step_of(records, count, count - 1), label, sizeof(label));
    cr_expect(strstr(label, "CNode_Copy of ") && strstr(label, "into "), "%s", label);
    syscall(seL4_SysCall);
    EV(TRACE_INVOCATION, SLOT(3), EP | TRACE_CAP_ENDPOINT, 7, 0);
    EV(TRACE_KERNEL_EXIT, TCB);
    vis_step_label(&m, records, vis_step_of(records, count, count - 1), label, sizeof(label));
    cr_expect(strstr(label, "Call on endpoint") != NULL, "%s", label);
    syscall(seL4_SysCall);
    EV(TRACE_INVOCATION, SLOT(2), CNODE | TRACE_CAP_CNODE, CNodeMint, seL4_InvalidArgument);
    EV(TRACE_KERNEL_EXIT, TCB);
    vis_step_label(&m, records, vis_step_of(records, count, count - 1), label, sizeof(label));
    cr_expect(strstr(label, "CNode_Mint of ") && strstr(label, "fails: InvalidArgument"), "%s",
              label);
    syscall(seL4_SysDebugPutChar);
    EV(TRACE_KERNEL_EXIT, TCB);
    vis_step_label(&m, records, vis_step_of(records, count, count - 1), label, sizeof(label));
    cr_expect(strstr(label, "DebugPutChar") != NULL, "%s", label);
}

Test(vis_steps, next_cap_change_skips_visits_that_change_no_cap)
{
    size_t from = count;
    for (int i = 0; i < 50; i++) {
        syscall(seL4_SysDebugPutChar);
        EV(TRACE_KERNEL_EXIT, TCB);
    }
    preempted_revoke(3);
    cr_expect_eq(vis_next_cap_change(records, count, from), count, "c stops at the revoke's end");
    cr_expect_eq(vis_next_cap_change(records, count, count), count);
}

/* ---- a recorded run ---------------------------------------------------------------- */

Test(vis_steps, each_revoke_of_cap_churn_is_one_named_step)
{
    trace_file_t tf;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, "tests/sim/data/cap-churn.trace", err, sizeof(err)), 0, "%s",
                 err);
    trace_record_t *r = malloc(4096 * sizeof(*r));
    size_t n = 0;
    while (n < 4096 && trace_file_next(&tf, &r[n], err, sizeof(err)) == 1)
        n++;
    trace_file_close(&tf);
    vis_model_t live;
    vis_model_init(&live);
    unsigned revokes = 0;
    for (size_t i = 0; i < n; i++) {
        vis_model_apply(&live, &r[i]);
        if (trace_record_type(&r[i]) != TRACE_REVOKE_END)
            continue;
        vis_step_t s = vis_step_of(r, n, i);
        char label[256];
        vis_step_label(&live, r, s, label, sizeof(label));
        cr_expect(strstr(label, "rootserver: CNode_Revoke of ") != NULL, "%s", label);
        cr_expect(strstr(label, "deleted 64 caps") != NULL, "%s", label);
        revokes++;
    }
    cr_expect_eq(revokes, 3);
    vis_model_free(&live);
    free(r);
}

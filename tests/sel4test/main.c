/*
 * tests/sel4test/main.c - the sel4test root task: runs every test group, one "PASS name"
 * / "FAIL name: what (file:line)" / "SKIP name: why" line per test, then "N passed, N
 * failed"; returns 0 only if nothing failed. Groups that start threads run last, so a
 * kernel that hangs in them has reported everything else. Partners: helpers.c, test_*.c.
 */
#include "helpers.h"

typedef struct group {
    const test_case_t *tests;
    const unsigned *count;
} group_t;

static const group_t groups[] = {
    {boot_tests, &boot_test_count},   {untyped_tests, &untyped_test_count},
    {cnode_tests, &cnode_test_count}, {cdt_tests, &cdt_test_count},
    {badcap_tests, &badcap_test_count}, {tcb_tests, &tcb_test_count},
    {irq_tests, &irq_test_count},
    {sched_tests, &sched_test_count}, {ipc_tests, &ipc_test_count},
    {ntfn_tests, &ntfn_test_count},   {fault_tests, &fault_test_count},
    {vspace_error_tests, &vspace_error_test_count}, {vspace_tests, &vspace_test_count},
    {aspace_tests, &aspace_test_count}, {asid_tests, &asid_test_count},
};

int main(void)
{
    unsigned total = 0, passed = 0, failed = 0, skipped = 0;
    for (unsigned g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
        total += *groups[g].count;
    printf("sel4test: %u tests\n", total);

    if (!suite_init()) {
        /* Nothing can run without free slots and memory: count every test as failed. */
        printf("0 passed, %u failed\n", total);
        return 1;
    }
    printf("sel4test: pool untyped in slot %u (2^%u bytes), free slots %u..%u\n", pool_untyped,
           pool_untyped_bits, bi->empty.start, bi->empty.end - 1);

    for (unsigned g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
        for (unsigned i = 0; i < *groups[g].count; i++) {
            switch (run_test(&groups[g].tests[i])) {
            case TEST_PASSED: passed++; break;
            case TEST_FAILED: failed++; break;
            case TEST_SKIPPED: skipped++; break;
            }
        }
    }
    if (skipped)
        printf("sel4test: %u skipped\n", skipped);
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

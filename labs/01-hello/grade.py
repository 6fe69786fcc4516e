# labs/01-hello/grade.py - lab 1's grader (`make grade LAB=1`): the numbers the program
# prints must be the ones the kernel's trace shows it was given at boot.
from gradelib import test, expect, expect_line, expect_clean_end

MAX_INSNS = 20 * 1000 * 1000
SLOT = 16  # bytes per CNode slot


def root_cnode(run):
    """(address, radix) of the root CNode: the boot cap in slot 2 that names itself."""
    for e in run.trace.of("cap-insert", cause=1):
        if e.cap_type == "cnode" and e.slot == (e.w0 & ~0xF) + 2 * SLOT:
            return e.w0 & ~0xF, e.w1 & 0x1F
    raise AssertionError("the trace has no root CNode")


def boot_caps(run):
    """{slot index: event} of the caps the kernel put in the root CNode at boot."""
    base, radix = root_cnode(run)
    return {(e.slot - base) // SLOT: e for e in run.trace.of("cap-insert", cause=1)
            if base <= e.slot < base + (SLOT << radix)}


@test(10, "boots, greets and shuts down cleanly")
def _(run):
    expect_line(run, r"^Hello from the Numbat root task!$")
    expect_clean_end(run)


@test(30, "exercise 1: untyped caps counted and RAM added up")
def _(run):
    m = expect_line(run, r"^untyped: (\d+) caps, (\d+) KiB of RAM$")
    untyped = [e for e in boot_caps(run).values() if e.cap_type == "untyped"]
    ram = sum(1 << (e.w1 & 0x1F) for e in untyped if not e.w1 & 0x20)
    expect(int(m.group(1)) == len(untyped),
           "printed %s caps; the kernel made %d" % (m.group(1), len(untyped)))
    expect(int(m.group(2)) == ram // 1024,
           "printed %s KiB; the RAM untypeds add up to %d KiB" % (m.group(2), ram // 1024))


@test(30, "exercise 2: the empty slot range")
def _(run):
    m = expect_line(run, r"^empty slots: (\d+) to (\d+)$")
    _, radix = root_cnode(run)
    first = max(boot_caps(run)) + 1
    expect((int(m.group(1)), int(m.group(2))) == (first, (1 << radix) - 1),
           "printed %s to %s; the root CNode's free slots are %d to %d"
           % (m.group(1), m.group(2), first, (1 << radix) - 1))


@test(30, "exercise 3: the root thread names itself lab1")
def _(run):
    base, _ = root_cnode(run)
    tcb = [e.w0 & ~0xF for e in run.trace.of("cap-insert", cause=1, slot=base + SLOT)]
    expect(tcb, "the trace has no root TCB cap in slot 1")
    named = [e.thread_name for e in run.trace.of("thread-name", tcb=tcb[0])]
    expect("lab1" in named, "the root thread's names in the trace: %s" % (named or "none"))

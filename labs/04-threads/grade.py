# labs/04-threads/grade.py - lab 4's grader (`make grade LAB=4`): the threads the
# program makes must show in the trace with their names, priorities and states, the
# registers it reads must be where the kernel saw the thread stop, and the console and
# the scheduler's switches must follow seL4's rules: round robin within a priority,
# the highest priority first.
from gradelib import test, expect, expect_line, expect_in_order, expect_clean_end

MAX_INSNS = 40 * 1000 * 1000
RUNNABLE, INACTIVE = 1, 0


def tcb(run, name):
    t = run.trace.thread(name)
    expect(t is not None, "no thread was named %s (seL4_DebugNameThread)" % name)
    return t


def position(run, event):
    return next(i for i, e in enumerate(run.trace.events) if e is event)


def turns(run, names):
    """The console lines of the threads' turns ("B 0" ...), in order."""
    return [m.group(0) for m in run.findall(r"^[%s] \d$" % names)]


def switches(run, tcbs):
    """The threads switched to, among tcbs (by name), repeats folded."""
    names = {t: n for n, t in tcbs.items()}
    seq = []
    for e in run.trace.of("switch"):
        n = names.get(e.to_tcb)
        if n and (not seq or seq[-1] != n):
            seq.append(n)
    return seq


def check_priorities(run, want):
    for name, prio in want.items():
        got = [e.priority for e in run.trace.of("thread-priority", tcb=tcb(run, name))]
        expect(got and got[-1] == prio,
               "thread %s has priority %s in the trace; expected %d" % (name, got or "none", prio))


@test(10, "runs to the end and shuts down cleanly")
def _(run):
    expect_line(run, r"^lab 4 done$")
    expect_clean_end(run)


@test(25, "exercise 1: thread A made, configured, started")
def _(run):
    a = tcb(run, "A")
    expect(run.trace.of("object-create", type=1, addr=a), "thread A's TCB was not retyped "
                                                          "from untyped memory")
    # seL4_TCB_Configure (or SetSpace and SetIPCBuffer) copies the CSpace root, the
    # VSpace root and the IPC buffer's frame cap into the TCB's own slots.
    given = {e.cap_type for e in run.trace.of("cap-insert", cause=10)
             if a <= e.slot < a + (1 << 10)}
    for kind, what in (("cnode", "CSpace root"), ("page-directory", "VSpace root"),
                       ("frame", "IPC buffer frame")):
        expect(kind in given, "A was given no %s (seL4_TCB_Configure)" % what)
    check_priorities(run, {"A": 100})
    expect(run.trace.of("thread-state", tcb=a, state=RUNNABLE), "A was never resumed")
    expect(run.trace.of("switch", to_tcb=a), "A never ran")
    expect_in_order(run, [r"^thread A: made: 0 \(seL4_NoError\)$", r"^resume A: 0 ",
                          r"^main: A has priority 100, I have 255: A waits$",
                          r"^A: hello, arg 42$"])
    expect(run.trace.of("thread-state", tcb=a, state=INACTIVE), "A did not suspend itself")


@test(20, "exercise 2: A's registers read back where it stopped")
def _(run):
    a = tcb(run, "A")
    stops = run.trace.of("thread-state", tcb=a, state=INACTIVE)
    expect(stops, "A never stopped")
    at = position(run, stops[0])
    entries = [e for e in run.trace.events[:at] if e.name == "kernel-entry" and e.tcb == a]
    expect(entries, "A never entered the kernel")
    m = expect_line(run, r"^A stopped at pc 0x([0-9a-fA-F]+), sp (.*)$")
    expect(int(m.group(1), 16) == entries[-1].pc,
           "printed pc 0x%s; A's last system call returns to 0x%x"
           % (m.group(1), entries[-1].pc))
    expect(m.group(2) == "in its stack", "A's sp is %s" % m.group(2))
    expect_line(run, r"^read A's registers: 0 \(seL4_NoError\)$")


@test(25, "exercise 3: round robin at one priority")
def _(run):
    tcbs = {n: tcb(run, n) for n in "BCD"}
    check_priorities(run, dict.fromkeys("BCD", 100))
    got = turns(run, "BCD")
    want = ["%s %d" % (n, i) for i in range(3) for n in "BCD"]
    expect(got == want, "the turns came as %s; round robin gives %s" % (got, want))
    seq = switches(run, tcbs)[:9]
    expect(seq == list("BCD") * 3, "the kernel switched between them as %s" % "".join(seq))
    expect_in_order(run, [r"^D 2$", r"^round robin done$"])


@test(20, "exercise 4: strict priority between priorities")
def _(run):
    tcbs = {n: tcb(run, n) for n in "EFG"}
    check_priorities(run, {"E": 50, "F": 150, "G": 100})
    got = turns(run, "EFG")
    want = ["%s %d" % (n, i) for n in "FGE" for i in range(3)]
    expect(got == want, "the turns came as %s; strict priority gives %s" % (got, want))
    expect(switches(run, tcbs) == list("FGE"),
           "the kernel ran them in the order %s, not F, G, E" % "".join(switches(run, tcbs)))
    expect_in_order(run, [r"^E 2$", r"^priorities done$"])

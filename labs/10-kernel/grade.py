# labs/10-kernel/grade.py - lab 10's grader (`make grade LAB=10`): the kernel is built
# with your kernel/ready_queue.c and its invariant checker on; the root task (main.c)
# prints the order its threads ran in, which must follow the scheduling rule, agree
# with the kernel's switch events, and be followed by a passing in-kernel suite.
from gradelib import test, expect, expect_clean_end

MAX_INSNS = 200 * 1000 * 1000
# CHECKED=1: the invariant checker at every kernel exit; KERNEL_LAB: the lab's kernel/
# files replace the kernel's own; SEL4TEST=1: the suite's tests link into the root task.
MAKE_VARS = {"CHECKED": "1", "KERNEL_LAB": "kernel", "SEL4TEST": "1"}
THREAD = 1  # object-create type of a TCB


def how_it_stopped(run):
    """Why the run printed no more: the kernel's panic line, an exercise not written
    yet, or how the run ended."""
    m = run.find(r"numbat: (kernel panic|LAB 10 EXERCISE).*")
    return m.group(0) if m else "the run ended: %s" % run.ended


def order_line(run, label):
    """What the root task printed after 'label:' (a check's observed order)."""
    m = run.find(r"^%s: (.*)$" % label)
    expect(m, "no '%s:' line: the check did not finish (%s)" % (label, how_it_stopped(run)))
    return m.group(1).strip()


def switched_to(run, prefix):
    """The threads named prefix... that the kernel switched to, in order, without the
    prefix (a name holds until its TCB's memory is made into a new TCB)."""
    names, order = {}, []
    for e in run.trace.events:
        if e.name == "object-create" and e.type == THREAD:
            names.pop(e.addr, None)
        elif e.name == "thread-name":
            names[e.tcb] = e.thread_name
        elif e.name == "switch" and names.get(e.to_tcb, "").startswith(prefix):
            order.append(names[e.to_tcb][len(prefix):])
    return order


def check_order(run, label, printed, prefix, switches):
    got = order_line(run, label)
    expect(got == printed, "the threads ran in the order %s; the rule gives %s" % (got, printed))
    seen = switched_to(run, prefix)
    expect(seen == switches, "the trace's switches to the %s* threads: %s; expected %s"
           % (prefix, " ".join(seen) or "none", " ".join(switches)))


@test(20, "exercise 1: ready_enqueue keeps FIFO order within a priority")
def _(run):
    # Three rounds of a, b, c yielding, then each reports to the root in turn.
    check_order(run, "fifo", "abcabcabc", "fifo-", list("abcabcabcabc"))


@test(20, "exercise 2: ready_dequeue takes threads out anywhere in a queue")
def _(run):
    # b, d and a leave the queue (middle, tail, head), d and a come back, c moves up to
    # priority 110: c runs alone, then d and a take turns; b never runs.
    check_order(run, "dequeue", "cccdadada", "deq-", list("cdadadada"))


@test(20, "exercise 3: ready_highest finds the highest priority in the bitmap")
def _(run):
    want = ["254", "200", "100", "64", "63", "32", "31", "1"]
    check_order(run, "highest", " ".join(want), "prio-", want)


@test(20, "exercise 4: a preempted thread runs first among its equals")
def _(run):
    # a wakes h (higher), which preempts it; when h waits again, a goes on before b.
    check_order(run, "preempt", "ahab", "pre-", list("hahab"))


@test(20, "the in-kernel suite passes with the invariant checker on")
def _(run):
    m = run.find(r"^sel4test: (\d+) tests$")
    expect(m, "the suite did not start (%s)" % how_it_stopped(run))
    total = int(m.group(1))
    r = run.find(r"^(\d+) passed, (\d+) failed$")
    expect(r, "the suite did not finish (%s)" % how_it_stopped(run))
    start = run.lines.index(m.group(0))
    failed = [line for line in run.lines[start:] if line.startswith("FAIL ")]
    expect(int(r.group(2)) == 0 and int(r.group(1)) == total,
           "%s passed, %s failed of %d: %s" % (r.group(1), r.group(2), total,
                                                "; ".join(failed[:3])))
    expect_clean_end(run)

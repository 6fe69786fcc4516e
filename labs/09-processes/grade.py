# labs/09-processes/grade.py - lab 9's grader (`make grade LAB=9`): the three processes
# must run under their names with badged caps to the name server; the service's
# endpoint must reach the name server by cap transfer and go out again to each client
# minted with that client's badge; the service must receive each client's request
# with that badge; and every process must be torn down (its TCB, CNode and page
# directory deleted). The console's slot numbers and badges are checked against the
# trace.
from gradelib import test, expect, expect_line, expect_no_line, expect_in_order, expect_clean_end

MAX_INSNS = 40 * 1000 * 1000
SLOT = 16  # bytes per CNode slot
PROCS = {"upper": 1, "client-1": 2, "client-2": 3}
CLIENTS = ("client-1", "client-2")
TRANSFER, MINT = 11, 4
CAP_THREAD, CAP_CNODE, CAP_PD = 6, 5, 12


def root_cnode(run):
    """(address, radix) of the root CNode: the boot cap in slot 2 that names itself."""
    for e in run.trace.of("cap-insert", cause=1):
        if e.cap_type == "cnode" and e.slot == (e.w0 & ~0xF) + 2 * SLOT:
            return e.w0 & ~0xF, e.w1 & 0x1F
    raise AssertionError("the trace has no root CNode")


def in_root(run, slot):
    base, radix = root_cnode(run)
    return base <= slot < base + (SLOT << radix)


def tcb(run, name):
    t = run.trace.thread(name)
    expect(t is not None, "no thread is named %s in the trace (exercise 1 names them)" % name)
    return t


def ns(run):
    return tcb(run, "ns")


def registration(run):
    """The cap-insert that moved the service's endpoint into the name server's CNode:
    an IPC transfer of an endpoint cap into the root CNode, made while delivering a
    message with upper's badge to the name server (the kernel records the transfer
    first, then the message's ipc-send and ipc-recv)."""
    server = ns(run)
    events = run.trace.events
    for i, e in enumerate(events):
        if e.name == "cap-insert" and e.cause == TRANSFER and e.cap_type == "endpoint" \
                and in_root(run, e.slot):
            recv = next((f for f in events[i + 1:] if f.name == "ipc-recv"), None)
            if recv is not None and recv.receiver == server and recv.badge == PROCS["upper"]:
                return e
    return None


def upper_endpoint(run):
    """The endpoint the upper process receives its requests on (from the trace)."""
    up = tcb(run, "upper")
    eps = {e.endpoint for e in run.trace.of("ipc-recv", receiver=up)}
    expect(len(eps) == 1, "upper received on %d endpoints; expected its one endpoint" % len(eps))
    return eps.pop()


@test(10, "boots and ends cleanly")
def _(run):
    expect_line(run, r"^numbat: root task ")
    expect_clean_end(run)


@test(15, "exercise 1: three processes started, named, with badged caps to the name server")
def _(run):
    for name, badge in PROCS.items():
        t = tcb(run, name)
        expect(run.trace.count("switch", to_tcb=t) > 0, "%s never ran" % name)
        expect(any(e.cause == MINT and e.cap_type == "endpoint" and e.badge == badge and
                   not in_root(run, e.slot) for e in run.trace.of("cap-insert")),
               "no endpoint cap badged %d was minted into another process's CNode for %s" % (badge, name))
    expect_line(run, r"^upper: started as 'upper'$")
    for c in CLIENTS:
        expect_line(run, r"^%s: started$" % c)
    expect_line(run, r"^ns: started client-2 \(badge 3, priority 110\)$")


@test(20, "exercise 2: upper registers its endpoint by cap transfer")
def _(run):
    reg = registration(run)
    expect(reg is not None, "no endpoint cap reached the name server's CNode by IPC transfer "
           "after a message with badge 1 (upper's)")
    base, _ = root_cnode(run)
    m = expect_line(run, r"^ns: upper registered 'upper', endpoint in slot (\d+)$")
    expect(int(m.group(1)) == (reg.slot - base) // SLOT,
           "printed slot %s; the cap landed in slot %d" % (m.group(1), (reg.slot - base) // SLOT))
    expect_line(run, r"^upper: registered$")
    ep = reg.w0 & ~0xF
    expect(any(e.name == "object-create" and e.type == 2 and e.addr == ep for e in run.trace.events),
           "the registered cap is not to an endpoint made during the run")
    expect(reg.badge == 0, "the registered cap carries badge %d; upper sent its original" % reg.badge)


@test(20, "exercise 3: each client gets upper's endpoint with its own badge")
def _(run):
    reg = registration(run)
    expect(reg is not None, "upper's endpoint was never registered (exercise 2)")
    ep = reg.w0 & ~0xF
    for c in CLIENTS:
        badge = PROCS[c]
        got = [e for e in run.trace.of("cap-insert", cause=TRANSFER)
               if e.cap_type == "endpoint" and e.w0 & ~0xF == ep and e.badge == badge
               and not in_root(run, e.slot)]
        expect(got, "no cap to upper's endpoint with badge %d was transferred into %s's CNode" % (badge, c))
        expect_in_order(run, [r"^ns: %s looked up 'upper': endpoint with badge %d$" % (c, badge),
                              r"^%s: 'upper' is in slot 32$" % c])
        expect_line(run, r"^ns: %s looked up 'lower': not found$" % c)
        expect_line(run, r"^%s: looking up 'lower': error 1$" % c)


@test(20, "exercise 4: upper serves each client, seeing its badge")
def _(run):
    ep = upper_endpoint(run)
    up = tcb(run, "upper")
    for c in CLIENTS:
        badge = PROCS[c]
        sends = run.trace.of("ipc-send", endpoint=ep, sender=tcb(run, c), badge=badge)
        recvs = run.trace.of("ipc-recv", endpoint=ep, receiver=up, badge=badge)
        expect(sends and recvs, "upper did not receive a message from %s with badge %d on its endpoint"
               % (c, badge))
        expect(run.trace.count("ipc-reply", replier=up, caller=tcb(run, c)) >= 1,
               "upper never replied to %s" % c)
        expect_in_order(run, [r"^upper: request from badge %d: 'hello from %s'$" % (badge, c),
                              r"^%s: upper answered 'HELLO FROM %s'$" % (c, c.upper())])
    printed = {int(m.group(1)) for m in run.findall(r"^upper: request from badge (\d+):")}
    expect(printed == {PROCS[c] for c in CLIENTS}, "upper printed badges %s" % sorted(printed))


@test(15, "exercise 5: both clients and then upper torn down")
def _(run):
    deleted = run.trace.of("object-delete")
    for name in PROCS:
        t = tcb(run, name)
        expect(any(e.cap_type == CAP_THREAD and e.addr == t for e in deleted),
               "%s's TCB was never deleted" % name)
        expect_line(run, r"^ns: %s destroyed \(error 0\)$" % name)
    for kind, what in ((CAP_CNODE, "CNodes"), (CAP_PD, "page directories")):
        n = len([e for e in deleted if e.cap_type == kind])
        expect(n == 3, "%d %s were deleted; the three processes had one each" % (n, what))
    for c in CLIENTS:
        expect_in_order(run, [r"^ns: %s exits with status 0$" % c, r"^ns: %s destroyed" % c])
    expect_no_line(run, r"still here after exiting")
    expect_line(run, r"^ns: all clients gone; 1 name registered$")

# labs/05-ipc/grade.py - lab 5's grader (`make grade LAB=5`): the server's report must
# agree with the kernel's trace: who called with which badge, how often, what was
# answered with ReplyRecv, which cap travelled in a reply, who said goodbye.
from gradelib import test, expect, expect_line, expect_clean_end

MAX_INSNS = 20 * 1000 * 1000
SLOT = 16                       # bytes per CNode slot
CLIENT_EP, CLIENT_RECV_SLOT = 16, 32
CALLS = {7: 100, 8: 50}         # badge: ADD calls its client makes
ADD, GET_NTFN, BYE = 1, 2, 3    # the labels of protocol.h
SYS_REPLY_RECV, SYS_NBSEND = 0xFFFFFFFE, 0xFFFFFFFC
WRITE, GRANT_REPLY = 1, 8       # endpoint cap rights bits (cap word 1 bits 31:28)


def server(run):
    tcb = run.trace.thread("server")
    expect(tcb is not None, "the trace names no thread 'server'")
    return tcb


def client_cnodes(run):
    """{badge: CNode address} of the clients whose CLIENT_EP slot got an endpoint cap
    with that badge (the last cap put there wins)."""
    cnodes = [e.addr for e in run.trace.of("object-create", type=4, size_bits=8)]
    held = {}
    for c in cnodes:
        caps = run.trace.of("cap-insert", slot=c + CLIENT_EP * SLOT)
        if caps and caps[-1].cap_type == "endpoint":
            held[caps[-1].badge] = (c, caps[-1])
    return held


def client_tcb(run, badge):
    """The TCB that sent messages with this badge (None if none did)."""
    sends = run.trace.of("ipc-send", badge=badge)
    return sends[0].sender if sends else None


def labelled(run, badge, label):
    """How many messages the badge-`badge` client sent through its endpoint cap with
    this label (the trace's invocation events: cap slot, label)."""
    held = client_cnodes(run)
    if badge not in held:
        return 0
    return run.trace.count("invocation", slot=held[badge][0] + CLIENT_EP * SLOT, label=label)


def syscalls(run, tcb, number):
    return run.trace.count("kernel-entry", cause=1, detail=number, tcb=tcb)


@test(10, "boots, starts two clients and ends cleanly")
def _(run):
    expect_line(run, r"^server: two clients, badges 7 and 8$")
    expect_clean_end(run)


@test(15, "exercise 1: each client holds an endpoint cap with its badge, Write and GrantReply")
def _(run):
    held = client_cnodes(run)
    for badge in CALLS:
        expect(badge in held, "no client's slot %d holds an endpoint cap with badge %d (badges found: %s)"
               % (CLIENT_EP, badge, sorted(held) or "none"))
        rights = held[badge][1].w1 >> 28
        expect(rights == WRITE | GRANT_REPLY,
               "the badge-%d cap has rights 0x%x (bit 0 write, 1 read, 2 grant, 3 grant-reply); "
               "a client needs write and grant-reply only" % (badge, rights))


@test(30, "exercises 2-3: 100 ADD calls with badge 7, 50 with badge 8, answered with ReplyRecv")
def _(run):
    srv = server(run)
    for badge, n in CALLS.items():
        adds = run.trace.count("ipc-recv", receiver=srv, badge=badge, length=1)
        expect(adds == n, "the server received %d one-word messages with badge %d; expected %d"
               % (adds, badge, n))
        sent = labelled(run, badge, ADD)
        expect(sent == n, "the badge-%d client sent %d messages labelled ADD (%d); expected %d"
               % (badge, sent, ADD, n))
        tcb = client_tcb(run, badge)
        calls = run.trace.count("thread-blocked", tcb=tcb, state=5)  # blocked on reply: a Call
        replies = run.trace.count("ipc-reply", replier=srv, caller=tcb)
        expect(replies == calls, "the badge-%d client made %d calls and got %d replies from the server"
               % (badge, calls, replies))
    rr = syscalls(run, srv, SYS_REPLY_RECV)
    expect(rr >= sum(CALLS.values()), "the server called seL4_ReplyRecv %d times; each ADD should "
           "be answered by one" % rr)


@test(20, "exercise 4: each client got a notification cap with its badge in a reply, and signalled it")
def _(run):
    held = client_cnodes(run)
    word = 0
    for badge in CALLS:
        expect(badge in held, "no client holds an endpoint cap with badge %d (exercise 1)" % badge)
        slot = held[badge][0] + CLIENT_RECV_SLOT * SLOT
        got = [e for e in run.trace.of("cap-insert", slot=slot, cause=11)
               if e.cap_type == "notification"]
        expect(got, "no notification cap arrived by IPC transfer in slot %d of the badge-%d client"
               % (CLIENT_RECV_SLOT, badge))
        expect(got[0].badge == badge, "the badge-%d client received a notification cap with badge %d"
               % (badge, got[0].badge))
        expect(labelled(run, badge, GET_NTFN) >= 1, "the badge-%d client sent no message labelled "
               "GET_NTFN (%d)" % (badge, GET_NTFN))
        ntfn = got[0].w0 & ~0xF
        expect(run.trace.count("signal", notification=ntfn, badge=badge) >= 1,
               "nobody signalled notification %08x with badge %d" % (ntfn, badge))
        word |= badge
    m = expect_line(run, r"^server: notification word 0x([0-9a-f]+)$")
    expect(int(m.group(1), 16) == word, "printed notification word 0x%s; the signals OR up to 0x%x"
           % (m.group(1), word))


@test(25, "exercise 5: each client said BYE with seL4_NBSend; the report's per-badge totals agree")
def _(run):
    srv = server(run)
    for badge, n in CALLS.items():
        tcb = client_tcb(run, badge)
        expect(tcb is not None and syscalls(run, tcb, SYS_NBSEND) >= 1,
               "the badge-%d client never called seL4_NBSend" % badge)
        byes = run.trace.count("ipc-recv", receiver=srv, badge=badge, length=2)
        expect(byes == 1 and labelled(run, badge, BYE) == 1,
               "the server received %d two-word messages with badge %d, %d labelled BYE (%d); "
               "expected one BYE" % (byes, badge, labelled(run, badge, BYE), BYE))
        # The report comes once both said BYE: each client's own account, by badge.
        adds = run.trace.count("ipc-recv", receiver=srv, badge=badge, length=1)
        m = expect_line(run, r"^server: badge %d: (\d+) adds, total (\d+)$" % badge)
        expect((int(m.group(1)), int(m.group(2))) == (adds, adds * (adds + 1) // 2),
               "printed %s adds, total %s for badge %d; the trace has %d calls, which add up to %d"
               % (m.group(1), m.group(2), badge, adds, adds * (adds + 1) // 2))
        expect_line(run, r"^server: badge %d said bye: %d calls, last reply %d$" % (badge, n, n * (n + 1) // 2))

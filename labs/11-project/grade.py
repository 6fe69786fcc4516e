# labs/11-project/grade.py - the final project's grader (`make grade LAB=11`): the
# clients' printed results must be the ones the protocol (protocol.h, README.md)
# defines, the checksums the ones of the data written, and the trace must show the
# set-up (each client's buffer page mapped in its own address space and in the
# server's, badged caps to the server) and the protocol itself (every request with
# the client's badge and at most 2 words, every answer 1 word, as many requests
# served as each client made, no caps moved).
from gradelib import test, expect, expect_line, expect_in_order, expect_clean_end

MAX_INSNS = 40 * 1000 * 1000
SLOT = 16
CLIENTS = {"client-a": 1, "client-b": 2}
CLIENT_BUFFER = 0x20000000
BIG = 10000


def fs_buffer(badge):
    return 0x30000000 + (badge - 1) * 0x1000


def fnv(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


BIG_SUM = fnv(bytes((i * 7 + i // 256) & 0xFF for i in range(BIG)))


def tcb(run, name):
    t = run.trace.thread(name)
    expect(t is not None, "no thread is named %s in the trace" % name)
    return t


def fs_endpoint(run):
    eps = {e.endpoint for e in run.trace.of("ipc-recv", receiver=tcb(run, "fs"))}
    expect(len(eps) == 1, "the file server received on %d endpoints; expected its one endpoint"
           % len(eps))
    return eps.pop()


def lines_in_order(run, name, patterns):
    """name's console lines match the patterns (anchored at the start) in order."""
    expect_in_order(run, [r"^%s: %s" % (name, p) for p in patterns])


@test(10, "boots, starts the server and both clients, ends cleanly")
def _(run):
    for name in ("fs",) + tuple(CLIENTS):
        expect(run.trace.count("switch", to_tcb=tcb(run, name)) > 0, "%s never ran" % name)
    expect_line(run, r"^root: both clients done$")
    expect_clean_end(run)


@test(15, "part 1: a shared buffer per client, mapped in the client and in the server")
def _(run):
    maps = run.trace.of("map", size_bits=12)
    fs_pds = set()
    client_pds = {}
    for name, badge in CLIENTS.items():
        expect_line(run, r"^%s: started, shared buffer at 0x20000000$" % name)
        at_client = [e for e in maps if e.vaddr == CLIENT_BUFFER]
        at_fs = [e for e in maps if e.vaddr == fs_buffer(badge)]
        shared = [(c, f) for c in at_client for f in at_fs if c.paddr == f.paddr and c.pd != f.pd]
        expect(shared, "no page is mapped both at 0x%08x in a client and at 0x%08x in another "
               "address space (the server's buffer for badge %d)" % (CLIENT_BUFFER, fs_buffer(badge), badge))
        c, f = shared[-1]
        expect(c.access & 3 == 3 and f.access & 3 == 3, "%s's buffer is not mapped read-write on both sides"
               % name)
        fs_pds.add(f.pd)
        client_pds[name] = c.pd
    expect(len(fs_pds) == 1, "the two clients' buffers are mapped into different server address spaces")
    expect(len(set(client_pds.values())) == 2, "both clients' buffers are in one address space")
    expect(not fs_pds & set(client_pds.values()), "a client shares its address space with the server")


@test(20, "part 2: open, create and close")
def _(run):
    lines_in_order(run, "client-a", [r"open notes\.txt \(create\) -> 0$", r"close -> 0$",
                                     r"open notes\.txt -> 0$", r"close -> 0$",
                                     r"big\.bin: fd 0, wrote", r"big\.bin: fd 1, read",
                                     r"close fd 0 -> 0 \(fd 1 stays open\)$"])
    lines_in_order(run, "client-b", [r"open notes\.txt -> 0, read", r"close -> 0$",
                                     r"big\.bin: fd 1, read",
                                     r"close fd 0 -> 0, close fd 1 -> 0, close fd 0 again -> "])


@test(25, "part 3: read and write through the shared buffer")
def _(run):
    lines_in_order(run, "client-a", [r"write 'hello from client-a' -> 19$",
                                     r"read -> 19 'hello from client-a'$",
                                     r"read at the end -> 0$",
                                     r"big\.bin: fd 0, wrote 10000 bytes in 3 writes$",
                                     r"big\.bin: fd 1, read 10000 bytes in 3 reads, checksum 0x%08x$" % BIG_SUM])
    lines_in_order(run, "client-b", [r"open notes\.txt -> 0, read -> 19 'hello from client-a'$",
                                     r"write ' and client-b' -> 13$",
                                     r"reopen, read -> 32 'hello from client-a and client-b'$",
                                     r"big\.bin: fd 1, read 10000 bytes, checksum 0x%08x$" % BIG_SUM])


@test(15, "part 4: errors, and descriptors private to their client")
def _(run):
    lines_in_order(run, "client-a", [r"open missing\.txt -> -1$", r"read fd 3 \(never opened\) -> -2$"])
    lines_in_order(run, "client-b", [r"read fd 1 \(client-a's, not mine\) -> -2$",
                                     r"close fd 1 \(client-a's, not mine\) -> -2$",
                                     r"open a name of 40 characters -> -4$",
                                     r"unknown operation 9 -> -5$",
                                     r"close fd 0 -> 0, close fd 1 -> 0, close fd 0 again -> -2$"])


@test(15, "the protocol in the trace: badged requests of <= 2 words, 1-word answers, no caps")
def _(run):
    expect_line(run, r"^client-a: big\.bin: fd \d+, read 10000 bytes in 3 reads, checksum 0x%08x$" % BIG_SUM,
                "the data must have gone through the buffers")
    ep = fs_endpoint(run)
    fs = tcb(run, "fs")
    for name, badge in CLIENTS.items():
        t = tcb(run, name)
        m = expect_line(run, r"^%s: done after (\d+) requests$" % name)
        sends = run.trace.of("ipc-send", endpoint=ep, sender=t)
        expect(sends, "%s never sent the file server a request" % name)
        expect(all(e.badge == badge for e in sends), "%s's requests do not all carry badge %d" % (name, badge))
        expect(all(e.length <= 2 for e in sends),
               "%s sent a request longer than 2 words: data must go through the buffer" % name)
        served = run.trace.count("ipc-recv", endpoint=ep, receiver=fs, badge=badge)
        expect(served == len(sends) == int(m.group(1)),
               "%s says it made %s requests; it sent %d and the server received %d with badge %d"
               % (name, m.group(1), len(sends), served, badge))
        replies = run.trace.of("ipc-reply", replier=fs, caller=t)
        expect(len(replies) == len(sends) and all(e.length == 1 for e in replies),
               "the server answered %s %d times (%d requests), not always with 1 word"
               % (name, len(replies), len(sends)))
    moved = [e for e in run.trace.of("cap-insert", cause=11) if e.cap_type != "reply"]
    expect(not moved, "%d caps were moved by IPC; the protocol moves none" % len(moved))

#!/usr/bin/env python3
# tools/fuzz-minimise.py - finds the call a failing fuzz run (tests/fuzz) fails at
# and shrinks the run to the calls that matter. numbat-sim is deterministic and a
# run limited to N calls runs calls 0..N-1 exactly as a longer one does, so the
# failing call K is found by bisecting the limit (between the last progress line
# and CALLS). Then it tries skipping ever smaller ranges of the calls before K,
# keeping a skip whenever the same failure (the kernel's panic line, numbers
# blanked) still happens, and prints the skip list for `make fuzz SKIP=...`.
# Partners: tools/fuzz-config.py, tools/fuzz.sh, docs/fuzzing.md.
#
#   tools/fuzz-minimise.py SEED CALLS [--failing-call K] [--find-only]
#                          [--image build/arm-sim/fuzz.elf] [--max-runs 60]
import argparse
import os
import re
import subprocess
import sys
import tempfile

FAILURE = re.compile(rb"(kernel panic in [^\r\n]*|[a-z ]+ in kernel mode[^\r\n]*|invariant [^\r\n]*broken[^\r\n]*)")


def signature(log):
    """The failure line with hex and decimal numbers blanked, or None if it passed."""
    m = FAILURE.search(log)
    if not m:
        return None
    return re.sub(rb"0x[0-9a-fA-F]+|\d+", b"#", m.group(1))


EPOCH_CALLS = 2000


def run(image, sim, seed, calls, skips, workdir, log=None):
    out = os.path.join(workdir, "try.elf")
    args = ["python3", "tools/fuzz-config.py", image, out, "--seed", str(seed), "--calls", str(calls),
            "--epoch-calls", str(EPOCH_CALLS)]
    for lo, hi in skips:
        args += ["--skip", f"{lo}-{hi}"]
    subprocess.run(args, check=True)
    r = subprocess.run([sim, out], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=3600)
    if log is not None:
        log.append(r.stdout)
    return signature(r.stdout)


def find_call(a, work):
    """The call number K such that calls 0..K fail and 0..K-1 do not, and the failure."""
    log = []
    want = run(a.image, a.sim, a.seed, a.calls, [], work, log)
    if want is None:
        sys.exit(f"fuzz-minimise: seed {a.seed} does not fail within {a.calls} calls")
    done = [int(n) for n in re.findall(rb"fuzz: (\d+) calls\r?\n", log[0])]
    lo, hi = (max(done) if done else 0), a.calls  # lo calls pass, hi calls fail
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if run(a.image, a.sim, a.seed, mid, [], work) == want:
            hi = mid
        else:
            lo = mid
    return hi - 1, want


def merged(skips):
    out = []
    for lo, hi in sorted(skips):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def main():
    p = argparse.ArgumentParser(description="shrink a failing fuzz seed's calls")
    p.add_argument("seed", type=int)
    p.add_argument("calls", type=int, help="a call count the seed fails within")
    p.add_argument("--failing-call", type=int, help="the call it fails at, if known")
    p.add_argument("--find-only", action="store_true", help="only find the failing call")
    p.add_argument("--image", default="build/arm-sim/fuzz.elf")
    p.add_argument("--sim", default="build/bin/numbat-sim")
    p.add_argument("--max-runs", type=int, default=60)
    p.add_argument("--epoch-calls", type=int, default=2000)
    a = p.parse_args()
    global EPOCH_CALLS
    EPOCH_CALLS = a.epoch_calls
    with tempfile.TemporaryDirectory() as work:
        if a.failing_call is None:
            a.k, want = find_call(a, work)
        else:
            a.k = a.failing_call
            want = run(a.image, a.sim, a.seed, a.k + 1, [], work)
            if want is None:
                sys.exit(f"fuzz-minimise: seed {a.seed} does not fail within calls 0..{a.k}")
        calls = a.k + 1
        print(f"fuzz-minimise: seed {a.seed} fails at call {a.k}: {want.decode(errors='replace')}")
        print(f"replay: make fuzz SEED={a.seed} REPLAY={a.k}")
        if a.find_only:
            return
        skips, runs = [], 1
        chunk = max(1, a.k // 2)
        while chunk >= 1 and runs < a.max_runs:
            lo = 0
            while lo < a.k and runs < a.max_runs:
                hi = min(lo + chunk, a.k)
                trial = merged(skips + [(lo, hi)])
                if trial != merged(skips) and len(trial) <= 64:
                    runs += 1
                    if run(a.image, a.sim, a.seed, calls, trial, work) == want:
                        skips = trial
                        print(f"fuzz-minimise: calls {lo}..{hi - 1} do not matter")
                lo = hi
            chunk //= 2
        kept = a.k - sum(hi - lo for lo, hi in skips)
        print(f"fuzz-minimise: {runs} runs; {kept + 1} of {calls} calls still needed")
        print("SKIP=" + ",".join(f"{lo}-{hi}" for lo, hi in skips))
        print(f"make fuzz SEED={a.seed} CALLS={calls} SKIP=" + ",".join(f"{lo}-{hi}" for lo, hi in skips))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""tests/libsel4/check_abi.py — checks the inline asm of libsel4's syscall layer.

Compiles abi_check.c with arm-none-eabi-gcc -O2 -S, follows the constant loads
(mov/mvn/movw/movt/register moves) in each function up to its `svc #0`, and
compares r0-r5 and r7 with what spec §3.2 says the kernel must see. Registers
listed as None must merely be untouched by the check (value unknown/irrelevant).
Partners: abi_check.c, ../../libsel4/include/sel4/syscalls.h, run.sh.
"""
import os
import re
import subprocess
import sys

CFLAGS = ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror", "-ffreestanding", "-nostdlib",
          "-marm", "-march=armv7-a", "-mfloat-abi=soft",
          "-I" + os.environ.get("LIBSEL4_INCLUDE", "libsel4/include")]

M = 0xFFFFFFFF
def w(v):
    return v & M

def info(label, unwrapped, caps, length):
    return (label << 12) | (unwrapped << 9) | (caps << 7) | length

# Expected register contents at the svc, per function (None = not checked).
EXPECT = {
    "abi_send":       {"r0": 5, "r1": info(0x42, 0, 0, 4), "r2": 1, "r3": 2, "r4": 3, "r5": 4, "r7": w(-3)},
    "abi_nbsend":     {"r0": 5, "r1": info(0x42, 0, 0, 3), "r2": 1, "r3": 2, "r4": 3, "r5": 0, "r7": w(-4)},
    "abi_call":       {"r0": 6, "r1": info(1, 0, 0, 2), "r2": 10, "r3": 20, "r4": 0, "r5": 0, "r7": w(-1)},
    "abi_reply":      {"r1": info(0, 0, 0, 1), "r2": 7, "r3": 0, "r4": 0, "r5": 0, "r7": w(-6)},
    "abi_replyrecv":  {"r0": 9, "r1": info(0, 0, 0, 1), "r2": 7, "r3": 0, "r4": 0, "r5": 0, "r7": w(-2)},
    "abi_recv":       {"r0": 4, "r1": 0, "r7": w(-5)},
    "abi_nbrecv":     {"r0": 4, "r1": 0, "r7": w(-8)},
    "abi_yield":      {"r7": w(-7)},
    "abi_signal":     {"r0": 0x12, "r1": 0, "r7": w(-3)},
    "abi_putchar":    {"r0": ord("A"), "r7": w(-9)},
    "abi_dump":       {"r0": 0, "r7": w(-10)},
    "abi_halt":       {"r0": 0, "r7": w(-11)},
    "abi_identify":   {"r0": 3, "r7": w(-12)},
    "abi_snapshot":   {"r0": 0, "r7": w(-13)},
    "abi_namethread": {"r0": 1, "r7": w(-14)},
    "abi_mint":       {"r0": 2, "r1": info(21, 0, 1, 6), "r2": 100, "r3": 12, "r4": 5, "r5": 12, "r7": w(-1)},
    "abi_copyregs":   {"r0": 1, "r1": info(4, 0, 1, 1), "r2": 0xAB0D, "r3": 0, "r4": 0, "r5": 0, "r7": w(-1)},
    "abi_readregs":   {"r0": 3, "r1": info(2, 0, 0, 2), "r2": 0xA501, "r3": 19, "r4": 0, "r5": 0, "r7": w(-1)},
    "abi_retype":     {"r0": 20, "r1": info(1, 0, 1, 6), "r2": 2, "r3": 4, "r4": 0x30, "r5": 12, "r7": w(-1)},
}

ALIASES = {"ip": "r12", "fp": "r11", "sl": "r10", "sb": "r9", "lr": "r14", "sp": "r13"}
NO_DEST = ("str", "cmp", "cmn", "tst", "teq", "push", "b", "bl", "bx", "blx", "svc", "stm", "vst")

def reg(tok):
    tok = tok.strip().lower()
    return ALIASES.get(tok, tok)

def imm(tok):
    tok = tok.strip().lstrip("#")
    return int(tok, 0) & M

def simulate(lines):
    """Track known constant registers until the first svc; return (state, svc_count)."""
    regs = {}
    svcs = 0
    state_at_svc = None
    for line in lines:
        line = line.split("@")[0].strip()
        if not line or line.endswith(":") or line.startswith("."):
            continue
        parts = line.split(None, 1)
        op = parts[0].lower()
        args = [a.strip() for a in parts[1].split(",")] if len(parts) > 1 else []
        if op == "svc":
            svcs += 1
            if args != ["#0"]:
                raise SystemExit("unexpected trap: " + line)
            if state_at_svc is None:
                state_at_svc = dict(regs)
            continue
        if state_at_svc is not None:
            continue
        if op in ("mov", "movs") and args and args[1].startswith("#"):
            regs[reg(args[0])] = imm(args[1])
        elif op in ("mvn", "mvns") and args[1].startswith("#"):
            regs[reg(args[0])] = w(~imm(args[1]))
        elif op == "movw":
            regs[reg(args[0])] = imm(args[1].replace(":lower16:", "")) if args[1].startswith("#") and ":" not in args[1] else None
        elif op == "movt":
            r = reg(args[0])
            if regs.get(r) is not None and ":" not in args[1]:
                regs[r] = (regs[r] & 0xFFFF) | (imm(args[1]) << 16)
            else:
                regs[r] = None
        elif op in ("mov", "movs") and len(args) == 2:
            regs[reg(args[0])] = regs.get(reg(args[1]))
        elif op.startswith("pop") or op.startswith("ldm"):
            for r in re.findall(r"r\d+|ip|lr|fp", line.split(None, 1)[1]):
                regs[reg(r)] = None
        elif op.startswith("ldrd"):
            first = int(reg(args[0])[1:])
            regs["r%d" % first] = None
            regs["r%d" % (first + 1)] = None
        elif not op.startswith(NO_DEST) and args:
            regs[reg(args[0])] = None
    return state_at_svc, svcs

def functions(asm):
    funcs, current = {}, None
    for line in asm.splitlines():
        m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*):", line)
        if m:
            current = m.group(1)
            funcs[current] = []
        elif current:
            funcs[current].append(line)
    return funcs

def main():
    asm = subprocess.run(["arm-none-eabi-gcc", *CFLAGS, "-S", "-o", "-", "tests/libsel4/abi_check.c"],
                         check=True, capture_output=True, text=True).stdout
    funcs = functions(asm)
    failures = 0
    for name, want in EXPECT.items():
        state, svcs = simulate(funcs.get(name, []))
        if state is None:
            print("FAIL %s: no svc #0 found" % name)
            failures += 1
            continue
        for r, v in want.items():
            got = state.get(r)
            if got != v:
                print("FAIL %s: %s = %s, want %#x" % (name, r, "unknown" if got is None else "%#x" % got, v))
                failures += 1
    print("abi: %d functions checked, %d register mismatches" % (len(EXPECT), failures))
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())

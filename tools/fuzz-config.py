#!/usr/bin/env python3
# tools/fuzz-config.py - writes a syscall-fuzzer run's settings into a copy of the
# fuzz image: the root task carries a fuzz_config_t (tests/fuzz/fuzz.h) after the
# magic "NUMBAT-FUZZ-CFG1", stored as it is in the image's archive, so one build
# serves every seed. Partners: tools/fuzz.sh, tests/fuzz/main.c, docs/fuzzing.md.
#
#   fuzz-config.py IN.elf OUT.elf --seed S --calls N [--verbose-from K]
#                  [--epoch-calls E] [--skip LO-HI ...]
import argparse
import struct
import sys

MAGIC = b"NUMBAT-FUZZ-CFG1"
MAX_SKIPS = 64
NEVER = 0xFFFFFFFF


def word(text):
    v = int(text, 0)
    if not 0 <= v <= 0xFFFFFFFF:
        raise argparse.ArgumentTypeError(f"{text} is not a 32-bit word")
    return v


def skip_range(text):
    lo, _, hi = text.partition("-")
    lo, hi = word(lo), word(hi or str(int(lo, 0) + 1))
    if hi <= lo:
        raise argparse.ArgumentTypeError(f"empty range {text}")
    return lo, hi


def main():
    p = argparse.ArgumentParser(description="set a fuzz image's seed and call count")
    p.add_argument("image")
    p.add_argument("out")
    p.add_argument("--seed", type=word, required=True)
    p.add_argument("--calls", type=word, required=True)
    p.add_argument("--verbose-from", type=word, default=NEVER)
    p.add_argument("--epoch-calls", type=word, default=2000)
    p.add_argument("--skip", type=skip_range, action="append", default=[],
                   help="call numbers LO..HI-1 (or one number) not made")
    a = p.parse_args()
    if len(a.skip) > MAX_SKIPS:
        sys.exit(f"fuzz-config: at most {MAX_SKIPS} skip ranges")
    if a.epoch_calls == 0:
        sys.exit("fuzz-config: --epoch-calls must be at least 1")
    data = bytearray(open(a.image, "rb").read())
    at = data.find(MAGIC)
    if at < 0 or data.find(MAGIC, at + 1) >= 0:
        sys.exit(f"fuzz-config: {a.image} has {'no' if at < 0 else 'more than one'} fuzz config block")
    skips = list(a.skip) + [(0, 0)] * (MAX_SKIPS - len(a.skip))
    words = [a.seed, a.calls, a.verbose_from, a.epoch_calls, len(a.skip)]
    for lo, hi in skips:
        words += [lo, hi]
    block = struct.pack("<%dI" % len(words), *words)
    start = at + len(MAGIC)
    data[start:start + len(block)] = block
    open(a.out, "wb").write(data)


if __name__ == "__main__":
    main()

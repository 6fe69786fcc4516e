#!/bin/sh
# tests/libsel4/run.sh — runs every libsel4 check; run from anywhere, exits non-zero
# on the first failure. Partners: compile_all.c, check_coverage.sh, abi_check.c +
# check_abi.py, test_packing.c. Needs Debian packages gcc-arm-none-eabi,
# libcriterion-dev, gcc and python3 (call from .ci/run: `sh tests/libsel4/run.sh`).
set -eu
cd "$(dirname "$0")/../.."

ARM_CFLAGS="-std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -nostdlib -marm -march=armv7-a -mfloat-abi=soft -Ilibsel4/include"
HOST_CFLAGS="-std=gnu11 -Wall -Wextra -Werror -Ilibsel4/include"
PURE_HEADERS="config macros types simple_types constants errors syscall objecttype bitfield messageinfo caprights cnode_capdata ipcbuffer functions bootinfo faults mapping invocation
    arch/constants arch/types arch/simple_types arch/objecttype arch/invocation arch/functions arch/mapping arch/pfIPC arch/exIPC arch/deprecated arch/shared_types
    sel4_arch/constants sel4_arch/types sel4_arch/simple_types sel4_arch/objecttype sel4_arch/invocation sel4_arch/functions sel4_arch/mapping sel4_arch/faults sel4_arch/exIPC sel4_arch/deprecated"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for tool in arm-none-eabi-gcc gcc python3; do
    command -v "$tool" >/dev/null || { echo "libsel4 tests: $tool missing (apt-get install gcc-arm-none-eabi gcc python3)"; exit 1; }
done

echo "== 1. compile test (target)"
# shellcheck disable=SC2086
arm-none-eabi-gcc $ARM_CFLAGS -c tests/libsel4/compile_all.c -o "$tmp/compile_all.o"
for opt in -O0 -Os; do
    # shellcheck disable=SC2086
    arm-none-eabi-gcc $ARM_CFLAGS $opt -c tests/libsel4/compile_all.c -o "$tmp/compile_all$opt.o"
done

echo "== 2. every header on its own (target), pure headers on the host, library sources"
# seL4's per-architecture paths too: programs include sel4/arch/*.h and sel4/sel4_arch/*.h.
for h in libsel4/include/sel4/*.h libsel4/include/sel4/arch/*.h libsel4/include/sel4/sel4_arch/*.h; do
    echo "#include <${h#libsel4/include/}>" > "$tmp/one.c"
    # shellcheck disable=SC2086
    arm-none-eabi-gcc $ARM_CFLAGS -c "$tmp/one.c" -o "$tmp/one.o"
done
for h in $PURE_HEADERS; do
    echo "#include <sel4/$h.h>" > "$tmp/one.c"
    # shellcheck disable=SC2086
    gcc $HOST_CFLAGS -c "$tmp/one.c" -o "$tmp/one.o"
done
for src in libsel4/src/*.c; do
    # shellcheck disable=SC2086
    arm-none-eabi-gcc $ARM_CFLAGS -c "$src" -o "$tmp/src.o"
done

echo "== 3. every public name is referenced by the compile test"
sh tests/libsel4/check_coverage.sh

echo "== 4. register ABI of the inline asm"
python3 tests/libsel4/check_abi.py

echo "== 5. host unit tests (Criterion)"
# shellcheck disable=SC2086
gcc $HOST_CFLAGS -fsanitize=address,undefined tests/libsel4/test_packing.c -o "$tmp/test_packing" -lcriterion
"$tmp/test_packing"

echo "libsel4: all checks passed"

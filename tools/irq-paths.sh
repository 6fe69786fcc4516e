#!/usr/bin/env bash
# tools/irq-paths.sh IMAGE [PATH-NAME] - the IRQ rows of `make bench`: bench/irq-paths run
# under `numbat-sim --trace ksi`, and per phase the median kernel instructions and words
# stored from the IRQ vector to the return to user mode in the handler thread
# (tools/ipc-paths.awk). The kernel's irq_received, found in the image's symbols, tells
# the timer's interrupts (kept) from the kernel's tick (dropped). SIM: numbat-sim.
set -euo pipefail
SIM=${SIM:-build/bin/numbat-sim}
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
    echo "usage: tools/irq-paths.sh IMAGE [PATH-NAME] (IMAGE: bench/irq-paths's ELF)" >&2
    exit 2
fi
deliver=$(arm-none-eabi-nm "$1" | awk '$3 == "irq_received" { print $1 }')
if [ -z "$deliver" ]; then
    echo "tools/irq-paths.sh: $1 has no irq_received symbol" >&2
    exit 1
fi
"$SIM" --trace ksi "$1" 2>&1 >/dev/null </dev/null |
    gawk -v path="${2:-fastpath}" -v all=0 -v deliver="$deliver" -f tools/ipc-paths.awk | sort

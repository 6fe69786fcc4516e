#!/bin/sh
# tools/fuzz.sh - runs the syscall fuzzer (tests/fuzz) for one or more seeds on
# numbat-sim or QEMU, and says for each whether the kernel survived: the closing
# line "fuzz: seed S, N calls, E passed, 0 failed", no kernel panic, no kernel-mode
# exception, exit status 0 (numbat-sim). Prints calls per second. The image must be
# built (make fuzz does it); $SIM names numbat-sim if it is not $BUILD/bin's.
# Partners: tools/fuzz-config.py, tools/fuzz-minimise.py, mk/tests.mk, docs/fuzzing.md.
#
#   tools/fuzz.sh [-p arm-sim|vexpress-a15|raspi2] [-n CALLS] [-r K] [-v FROM] [-k SKIPS]
#                 [-o DIR] SEED...
#     -r K      replay: run call numbers 0..K only (numbat-sim runs them exactly as in
#               a longer run) and trace system calls (numbat-sim --trace s) to
#               DIR/PLAT-seed-S.trace; its last lines are the failing call's
#     -v FROM   print "fuzz: call k by worker w" before every call k >= FROM (this
#               changes the timing from FROM on, so a failure may move)
#     -k SKIPS  call numbers not made, comma separated ranges LO-HI (HI excluded)
#     -e E      calls per epoch (default 2000): longer epochs let state pile up
# Exit status 0 if every seed passed, 1 if one failed, 2 on bad usage.
set -u

PLAT=arm-sim
CALLS=100000
REPLAY=
VERBOSE=
EPOCH=
SKIPS=
OUT=build/syscall-fuzz
BUILD=${BUILD:-build}
SIM=${SIM:-$BUILD/bin/numbat-sim}
while getopts p:n:r:v:k:o:e: opt; do
    case $opt in
    p) PLAT=$OPTARG ;;
    n) CALLS=$OPTARG ;;
    r) REPLAY=$OPTARG ;;
    v) VERBOSE=$OPTARG ;;
    e) EPOCH=$OPTARG ;;
    k) SKIPS=$OPTARG ;;
    o) OUT=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: tools/fuzz.sh [-p PLAT] [-n CALLS] [-r K] [-k SKIPS] SEED..." >&2; exit 2; }

IMAGE=$BUILD/$PLAT/fuzz.elf
[ -f "$IMAGE" ] || { echo "fuzz: no $IMAGE (make fuzz builds it)" >&2; exit 2; }
mkdir -p "$OUT"

status=0
for SEED in "$@"; do
    base=$OUT/$PLAT-seed-$SEED
    set -- --seed "$SEED" --calls "$CALLS"
    trace=
    if [ -n "$REPLAY" ]; then
        set -- --seed "$SEED" --calls $((REPLAY + 1))
        trace="--trace s --trace-log $base.trace"
    fi
    [ -n "$VERBOSE" ] && set -- "$@" --verbose-from "$VERBOSE"
    [ -n "$EPOCH" ] && set -- "$@" --epoch-calls "$EPOCH"
    for r in $(echo "$SKIPS" | tr ',' ' '); do
        set -- "$@" --skip "$r"
    done
    python3 tools/fuzz-config.py "$IMAGE" "$base.elf" "$@" || exit 2
    # A kernel that livelocks or stops scheduling must not hang the run: a call takes
    # about 25,000 instructions, so 8 times that (numbat-sim, exit status 4), and on
    # QEMU a minute plus a millisecond a call.
    n=${REPLAY:+$((REPLAY + 1))}
    n=${n:-$CALLS}
    limit="--max-insns $((n * 200000 + 2000000000))"
    qemu_secs=$((60 + n / 1000))
    start=$(date +%s.%N)
    if [ "$PLAT" = vexpress-a15 ]; then
        # QEMU's exit status does not carry the kernel's: the console says it all.
        timeout "$qemu_secs" qemu-system-arm -M vexpress-a15 -m 128M -nographic -audiodev none,id=none \
            -no-reboot -kernel "$base.elf" >"$base.log" 2>&1 </dev/null
        rc=$?
    elif [ "$PLAT" = raspi2 ]; then
        timeout "$qemu_secs" qemu-system-arm -M raspi2b -nographic -monitor none -serial stdio \
            -no-reboot -kernel "$base.elf" >"$base.log" 2>&1 </dev/null
        rc=$?
    else
        # shellcheck disable=SC2086 # $limit and $trace are lists of arguments
        timeout 7200 "$SIM" $limit $trace "$base.elf" >"$base.log" 2>&1 </dev/null
        rc=$?
    fi
    end=$(date +%s.%N)
    # The kernel ends lines with CR LF; a worker's DebugPutChar may start one.
    tr -d '\r' <"$base.log" >"$base.txt" && mv "$base.txt" "$base.log"
    summary=$(grep -a -o "fuzz: seed $SEED, .* passed, .* failed" "$base.log" | tail -1)
    panic=$(grep -a -m1 -E "kernel panic|in kernel mode|invariant .* broken" "$base.log")
    last=$(grep -a -o "fuzz: [0-9]* calls$" "$base.log" | tail -1)
    made=$(echo "$summary" | sed -n 's/.*, \([0-9]*\) calls,.*/\1/p')
    rate=$(echo "${made:-0} $start $end" | awk '{ t = $3 - $2; r = t > 0 ? $1 / t : 0; printf "%d", r }')
    if [ $rc -eq 0 ] && [ -z "$panic" ] && echo "$summary" | grep -q ", 0 failed$"; then
        echo "fuzz: $PLAT seed $SEED: PASS, $made calls, $rate calls/s ($summary)"
    else
        status=1
        echo "fuzz: $PLAT seed $SEED: FAIL (exit status $rc) - log in $base.log"
        [ -n "$panic" ] && echo "  $panic"
        [ -n "$summary" ] && echo "  $summary"
        echo "  last progress line: ${last:-none}${VERBOSE:+; last call started: $(grep -a -o 'fuzz: call .*' "$base.log" | tail -1)}"
        [ -n "$trace" ] && echo "  system call trace: $base.trace (last: $(tail -1 "$base.trace"))"
        echo "  find the call and shrink: tools/fuzz-minimise.py $SEED $CALLS;" \
            "replay: make fuzz SEED=$SEED REPLAY=<call>"
    fi
done
exit $status

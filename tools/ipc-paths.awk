# tools/ipc-paths.awk - reads numbat-sim's `--trace ks` output for bench/ipc-paths and
# bench/vm-paths and prints, per system call of each phase, the median number of
# kernel instructions from the svc to the return to user mode, and the words the
# kernel stored (each a slow path on Unicorn 2.0.1). Variables: path (a name for the
# kernel build), all (1: every phase; 0: Call, ReplyRecv and interrupts only), whole (phases counted
# whole, per round: "letter:rounds:label" items joined by ";"). Kernel
# instructions are counted from the `kern` lines after each `syscall` line; A32
# stores are told apart by their encoding. With `--trace ksi` (bench/irq-paths) an
# interrupt is counted too, from its `irq taken` line (the first kernel instruction
# is the IRQ vector) to the kernel's return to user mode (its RFE) included; deliver
# (hex, optional) is the address of the kernel's irq_received: only interrupts that
# run it, a device's for a user-level handler and not the kernel's tick, are kept.
function popcount(x,   n) { n = 0; while (x) { n += x % 2; x = int(x / 2) } return n }
function stores(w,   cond) {
    cond = int(w / 268435456)
    if (cond == 15) return (and(w, 0xFE500000) == 0xF8400000) ? 2 : 0 # SRS: lr, spsr
    if (and(w, 0x0C100000) == 0x04000000) return 1                  # STR, STRB
    if (and(w, 0x0E100000) == 0x08000000) return popcount(and(w, 0xFFFF)) # STM, PUSH
    if (and(w, 0x0E1000F0) == 0x000000B0) return 1                  # STRH
    if (and(w, 0x0E1000F0) == 0x000000F0) return 2                  # STRD
    return 0
}
function is_rfe(w) { return and(w, 0xFE50FFFF) == 0xF8100A00 } # RFE{IA,IB,DA,DB} Rn{!}
function close_irq() {
    if (irq && (deliver == "" || delivered)) {
        key = phase SUBSEP "IRQ"; n[key]++; ins[key, n[key]] = count_irq; st[key, n[key]] = store_irq
    }
    irq = 0
}
function close_call() {
    if (name != "") { key = phase SUBSEP name; n[key]++; ins[key, n[key]] = count; st[key, n[key]] = store }
    name = ""
}
function median(key, arr,   i, j, t, m, a) {
    m = n[key]
    for (i = 1; i <= m; i++) a[i] = arr[key, i]
    for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return a[int((m + 1) / 2)]
}
{ # the instruction count, then drop its prefix: fields start at 1
    at = match($0, /^\[ *([0-9]+)\]/, m) ? m[1] + 0 : at
    sub(/^\[ *[0-9]+\] /, "")
}
/^syscall / {
    close_call()
    if ($0 ~ /DebugPutChar/) {
        ch = sprintf("%c", strtonum($NF))
        if (phase != "") whole[phase] += at - since
        if (ch ~ /[a-z]/) { phase = ch; since = at } else phase = ""
        next
    }
    if (phase != "") { name = $3; gsub(/[()]/, "", name); count = 0; store = 0 }
    next
}
/^irq taken/ {
    close_call()
    irq = phase != ""; delivered = 0; count_irq = 0; store_irq = 0
    next
}
/^kern / && irq {
    w = strtonum("0x" $3)
    count_irq++; store_irq += stores(w)
    pc = $2; sub(/:$/, "", pc)
    if (deliver != "" && strtonum(pc) == strtonum("0x" deliver)) delivered = 1
    if (is_rfe(w)) close_irq()
    next
}
/^kern / && name != "" { count++; store += stores(strtonum("0x" $3)) }
END {
    close_call()
    label["a", "Call"] = "Call, one way (client to waiting server), " path
    label["a", "ReplyRecv"] = "ReplyRecv, one way (reply, then wait), " path
    label["c", "Send"] = "Send to a waiting higher-priority receiver"
    label["b", "Send"] = "Signal with nobody waiting"
    label["b", "Recv"] = "Wait on a pending notification"
    label["p", "Call"] = "PageTable_Map"
    label["q", "Call"] = "PageTable_Unmap"
    label["m", "Call"] = "Page_Map (small page)"
    label["u", "Call"] = "Page_Unmap (small page)"
    label["i", "IRQ"] = "IRQ to handler, interrupting lower prio, " path
    label["j", "IRQ"] = "IRQ to handler, interrupting idle, " path
    for (k in label) if (n[k] && (all || k ~ /^a/ || k ~ /IRQ$/)) {
        printf "%-52s %d kernel instructions, %d words stored (median of %d)\n",
            label[k], median(k, ins), median(k, st), n[k]
    }
    n_whole = split(whole_spec, items, ";")
    for (i = 1; i <= n_whole; i++) {
        split(items[i], f, ":")
        if (whole[f[1]])
            printf "%-52s %d instructions per round (user + kernel, mean of %d)\n", f[3],
                whole[f[1]] / f[2], f[2]
    }
}

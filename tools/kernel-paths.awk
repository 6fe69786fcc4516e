# tools/kernel-paths.awk - reads numbat-sim's `--trace s` output for
# bench/kernel-paths and prints the cost of each kernel path in instructions.
# A DebugPutChar of a marker letter stamps the instruction count at that point.
# The program's closing printf also goes through DebugPutChar: stop at 'F'.
/DebugPutChar/ && !done {
    icount = $2 + 0
    ch = sprintf("%c", strtonum($NF))
    if (ch == "|") { tree_start = icount }
    else if (ch == "/") { tree_total += icount - tree_start; rounds++ }
    else { at[ch] = icount; if (ch == "F") done = 1 }
}
END {
    printf "%-52s %d instructions\n", "seL4_Yield, one thread (null system call)", (at["A"] - at["a"]) / 1000
    printf "%-52s %d instructions\n", "Yield ping-pong, two threads (2 switches per round)", (at["F"] - at["f"]) / 1000
    printf "%-52s %d instructions\n", "CNode_Copy + CNode_Delete of an endpoint cap", (at["B"] - at["b"]) / 1000
    printf "%-52s %d instructions\n", "CNode_Delete of an empty slot", (at["C"] - at["c"]) / 1000
    printf "%-52s %d instructions\n", "Untyped_Retype of one TCB + Revoke of the untyped", (at["D"] - at["d"]) / 100
    printf "%-52s %d instructions\n", "CNode_Revoke of a 100-cap derivation tree", tree_total / rounds
}

/*
 * tests/system/raspi2_hyp_probe.S - runs plat/raspi2/entry.S's board_early_entry
 * the way a Pi's firmware starts a kernel, in HYP mode, which QEMU's raspi2b never
 * does: on QEMU's virt board with virtualization=on (which enters an ELF image in
 * HYP). Prints CPSR before and after in hex on virt's PL011, then spins.
 * Linked by test_raspi2.c with entry.S; the RAM probe is stubbed out.
 * Partners: test_raspi2.c, plat/raspi2/entry.S.
 */
#define VIRT_UART0 0x09000000

    .global _start
_start:
    mrs r7, cpsr
    bl board_early_entry
    ldr r4, =VIRT_UART0
    mov r0, r7
    bl print_hex
    mrs r0, cpsr
    bl print_hex
1:  wfi
    b 1b

print_hex:                          @ r0 as 8 hex digits and a newline, to [r4]
    mov r5, #28
2:  mov r6, r0, lsr r5
    and r6, r6, #15
    cmp r6, #10
    addge r6, r6, #('a' - 10)
    addlt r6, r6, #'0'
    str r6, [r4]
    subs r5, r5, #4
    bge 2b
    mov r6, #'\n'
    str r6, [r4]
    bx lr

    .global boot_read_firmware_memory
boot_read_firmware_memory:
    bx lr

    .bss
    .space 256
    .global boot_stack_top
boot_stack_top:

/*
 * plat/raspi2/entry.S - board_early_entry, the first thing head.S calls on a
 * Raspberry Pi 2 or 3, with the MMU and caches off. Secondary cores stop here for
 * good (QEMU's raspi2b starts every core at the ELF entry; a Pi's firmware keeps
 * them in its own stub). Core 0 reads the RAM size the firmware passes (r2: ATAGs
 * or a device tree; boot_firmware.c), sets ACTLR.SMP (the Cortex-A7 and A53 want it
 * before caches are on), and, if the firmware entered in HYP mode (a Pi's does,
 * QEMU 7.2's raspi2b does not), drops to SVC mode at the return address.
 * Partners: arch/arm/head.S, boot_firmware.c, docs/raspi.md.
 */
#define MODE_MASK 0x1f
#define MODE_HYP 0x1a
#define MODE_SVC 0x13
#define PSR_AIF (7 << 6)
#define ACTLR_SMP (1 << 6)
#define CNTHCTL_PL1_ACCESS 3 /* PL1PCTEN, PL1PCEN: PL1 may use the physical counter and timer */

    .section .boot.text, "ax"
    .arm
    .arch_extension virt
    .global board_early_entry
board_early_entry:
    mrc p15, 0, r3, c0, c0, 5       @ MPIDR: Aff0 is the core number
    ands r3, r3, #3
    bne park

    ldr sp, =boot_stack_top         @ physical: the MMU is off
    push {r4, lr}
    mov r0, r2
    bl boot_read_firmware_memory
    pop {r4, lr}

    mrc p15, 0, r3, c1, c0, 1       @ ACTLR.SMP: take part in coherency
    orr r3, r3, #ACTLR_SMP
    mcr p15, 0, r3, c1, c0, 1
    isb

    mrs r3, cpsr
    and r3, r3, #MODE_MASK
    cmp r3, #MODE_HYP
    bxne lr
    @ HYP mode: no traps to HYP, the generic timer usable from SVC with the
    @ virtual count equal to the physical one, the CPU's own ID registers.
    mov r3, #0
    mcr p15, 4, r3, c1, c1, 0       @ HCR
    mcr p15, 4, r3, c1, c1, 3       @ HSTR
    mcrr p15, 4, r3, r3, c14        @ CNTVOFF
    mrc p15, 4, r3, c14, c1, 0      @ CNTHCTL
    orr r3, r3, #CNTHCTL_PL1_ACCESS
    mcr p15, 4, r3, c14, c1, 0
    mrc p15, 0, r3, c0, c0, 0       @ VPIDR = MIDR, VMPIDR = MPIDR
    mcr p15, 4, r3, c0, c0, 0
    mrc p15, 0, r3, c0, c0, 5
    mcr p15, 4, r3, c0, c0, 5
    @ ELR_hyp through the banked form; SPSR as the current mode's: the banked
    @ "msr spsr_hyp" is UNDEFINED in HYP mode itself (docs/raspi.md).
    msr elr_hyp, lr
    mov r3, #(MODE_SVC | PSR_AIF)
    msr spsr_cxsf, r3
    isb
    eret

park:
    cpsid aif
1:  wfi                             @ nothing is ever routed to this core
    b 1b

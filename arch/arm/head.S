/*
 * arch/arm/head.S - the first instructions of a Numbat image. Entered in a
 * privileged mode with the MMU off at the physical address of _start (numbat-sim
 * and QEMU's -kernel both jump to the ELF entry). Builds the boot page tables,
 * turns the MMU on and continues in the kernel window at kernel_main.
 * A board whose firmware may enter in HYP mode or start every core here (raspi2)
 * defines BOARD_EARLY_ENTRY: its board_early_entry returns on core 0 in SVC mode.
 * _start is the first byte of the image (section .boot.entry): a Raspberry Pi's
 * firmware jumps to the start of kernel7.img, not to an ELF entry.
 * Partners: boot_mmu.c, kernel.ld, kernel/boot.c, plat/raspi2/entry.S.
 */
#include <plat/kernel_map.h>

#define MODE_SVC 0x13
#define SCTLR_M (1 << 0)
#define SCTLR_C (1 << 2)
#define SCTLR_I (1 << 12)
#define SCTLR_V (1 << 13)
#define DACR_ALL_CLIENT 0x55555555

    .section .boot.entry, "ax"
    .arm
    .global _start
_start:
#ifdef BOARD_EARLY_ENTRY
    bl board_early_entry            @ HYP to SVC; secondary cores stay there
#endif
    cpsid aif, #MODE_SVC            @ SVC mode, every interrupt masked
    ldr sp, =boot_stack_top         @ a physical address: the MMU is off
    bl boot_build_page_tables       @ r0 = physical address of the boot page directory

    mcr p15, 0, r0, c2, c0, 0       @ TTBR0
    mov r1, #0
    mcr p15, 0, r1, c2, c0, 2       @ TTBCR: TTBR0 translates everything
    ldr r1, =DACR_ALL_CLIENT
    mcr p15, 0, r1, c3, c0, 0       @ DACR: permissions are checked in every domain
    mov r1, #0
    mcr p15, 0, r1, c8, c7, 0       @ TLBIALL
    dsb
    isb
    mrc p15, 0, r1, c1, c0, 0
    orr r1, r1, #(SCTLR_M | SCTLR_C)
    orr r1, r1, #SCTLR_I
    bic r1, r1, #SCTLR_V            @ vectors come from VBAR
    mcr p15, 0, r1, c1, c0, 0
    isb

    ldr sp, =kernel_stack_top       @ from here on, kernel-window addresses
    ldr r0, =kernel_main
    bx r0

    .section .boot.bss, "aw", %nobits
    .align 3
boot_stack:
    .space 1024
    .global boot_stack_top
boot_stack_top:

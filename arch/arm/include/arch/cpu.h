/*
 * arch/arm/include/arch/cpu.h - ARMv7-A instructions the kernel needs from C:
 * CP15 accesses, barriers, TLB maintenance, interrupt masking. All static inline.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

#define CP15_READ(crn, opc1, crm, opc2)                                                     \
    ({                                                                                      \
        uint32_t v_;                                                                        \
        __asm__ volatile("mrc p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 : "=r"(v_)); \
        v_;                                                                                 \
    })
#define CP15_WRITE(crn, opc1, crm, opc2, value) \
    __asm__ volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 ::"r"(value) : "memory")

static inline uint32_t cpu_read_dfsr(void) { return CP15_READ(c5, 0, c0, 0); }
static inline uint32_t cpu_read_ifsr(void) { return CP15_READ(c5, 0, c0, 1); }
static inline uint32_t cpu_read_dfar(void) { return CP15_READ(c6, 0, c0, 0); }
static inline uint32_t cpu_read_ifar(void) { return CP15_READ(c6, 0, c0, 2); }
static inline void cpu_write_vbar(uint32_t v) { CP15_WRITE(c12, 0, c0, 0, v); }
static inline void cpu_write_ttbr0(uint32_t v) { CP15_WRITE(c2, 0, c0, 0, v); }
static inline void cpu_write_contextidr(uint32_t v) { CP15_WRITE(c13, 0, c0, 1, v); }

static inline void cpu_dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void cpu_isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void cpu_wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

/* Invalidate the whole unified TLB (TLBIALL). */
static inline void cpu_tlb_flush_all(void)
{
    cpu_dsb();
    CP15_WRITE(c8, 0, c7, 0, 0);
    cpu_dsb();
    cpu_isb();
}

static inline void cpu_irq_disable(void) { __asm__ volatile("cpsid i" ::: "memory"); }

static inline uint32_t mmio_read32(uintptr_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write32(uintptr_t addr, uint32_t value) { *(volatile uint32_t *)addr = value; }

#endif

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

/* Invalidate the TLB entries of one page of an 8-bit hardware ASID (TLBIMVA), or
 * all of that ASID's (TLBIASID). */
static inline void cpu_tlb_flush_page(uint32_t vaddr, uint32_t hw_asid)
{
    cpu_dsb();
    CP15_WRITE(c8, 0, c7, 1, (vaddr & ~0xFFFu) | (hw_asid & 0xFFu));
    cpu_dsb();
    cpu_isb();
}

static inline void cpu_tlb_flush_asid(uint32_t hw_asid)
{
    cpu_dsb();
    CP15_WRITE(c8, 0, c7, 2, hw_asid & 0xFFu);
    cpu_dsb();
    cpu_isb();
}

/* Data cache maintenance by address, line by line (the values follow arch_cache_op_t). */
typedef enum cpu_cache_op {
    CACHE_OP_CLEAN,
    CACHE_OP_INVALIDATE,
    CACHE_OP_CLEAN_INVALIDATE,
    CACHE_CLEAN_TO_POU,
} cpu_cache_op_t;

/* The smallest data cache line, from CTR.DminLine (words, log2). */
static inline uint32_t cpu_dcache_line(void)
{
    return 4u << ((CP15_READ(c0, 0, c0, 1) >> 16) & 0xFu);
}

static inline void cpu_dcache_range(cpu_cache_op_t op, uint32_t start, uint32_t end)
{
    uint32_t line = cpu_dcache_line();
    for (uint32_t a = start & ~(line - 1); a < end; a += line) {
        switch (op) {
        case CACHE_OP_CLEAN: CP15_WRITE(c7, 0, c10, 1, a); break;              /* DCCMVAC */
        case CACHE_OP_INVALIDATE: CP15_WRITE(c7, 0, c6, 1, a); break;          /* DCIMVAC */
        case CACHE_OP_CLEAN_INVALIDATE: CP15_WRITE(c7, 0, c14, 1, a); break;   /* DCCIMVAC */
        case CACHE_CLEAN_TO_POU: CP15_WRITE(c7, 0, c11, 1, a); break;          /* DCCMVAU */
        }
    }
    cpu_dsb();
}

/* Invalidate the instruction cache and branch predictors (ICIALLU, BPIALL). */
static inline void cpu_icache_invalidate_all(void)
{
    CP15_WRITE(c7, 0, c5, 0, 0);
    CP15_WRITE(c7, 0, c5, 6, 0);
    cpu_dsb();
    cpu_isb();
}

static inline void cpu_irq_disable(void) { __asm__ volatile("cpsid i" ::: "memory"); }

static inline uint32_t mmio_read32(uintptr_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write32(uintptr_t addr, uint32_t value) { *(volatile uint32_t *)addr = value; }

#endif

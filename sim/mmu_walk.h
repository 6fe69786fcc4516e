/*
 * sim/mmu_walk.h - ARMv7-A VMSA short-descriptor translation table walk (no
 * LPAE) and the DFAR/DFSR/IFAR/IFSR values an abort must leave, which Unicorn
 * does not provide. Partners: mmu_walk.c (rules in its opening comment),
 * a32_access.h (what an instruction accessed), tests/sim/test_mmu_walk.c,
 * docs/abort-decoding.md.
 */
#ifndef SIM_MMU_WALK_H
#define SIM_MMU_WALK_H

#include <stdbool.h>
#include <stdint.h>

/* SCTLR bits the walk reads. */
#define MMU_SCTLR_M (1u << 0)     /* MMU enable */
#define MMU_SCTLR_A (1u << 1)     /* strict alignment checking */
#define MMU_SCTLR_WXN (1u << 19)  /* writable => execute-never */
#define MMU_SCTLR_UWXN (1u << 20) /* PL0-writable => PL1 execute-never */
#define MMU_SCTLR_TRE (1u << 28)  /* TEX remap: memory type from PRRR */
#define MMU_SCTLR_AFE (1u << 29)  /* AP[0] is the Access flag */

/* TTBCR fields (short-descriptor: EAE, bit 31, must be 0). */
#define MMU_TTBCR_N_MASK 7u
#define MMU_TTBCR_PD0 (1u << 4) /* no walks through TTBR0 */
#define MMU_TTBCR_PD1 (1u << 5) /* no walks through TTBR1 */

/* DACR: two bits per domain. */
#define MMU_DACR_NO_ACCESS 0u
#define MMU_DACR_CLIENT 1u
#define MMU_DACR_MANAGER 3u
#define MMU_DACR(domain, value) ((uint32_t)(value) << (2u * (domain)))

/* Short-descriptor DFSR/IFSR fields. IFSR has no Domain and no WnR. */
#define MMU_FSR_FS_LOW_MASK 0xFu /* FS[3:0] */
#define MMU_FSR_DOMAIN_SHIFT 4   /* Domain, bits 7:4 */
#define MMU_FSR_FS4 (1u << 10)   /* FS[4] */
#define MMU_FSR_WNR (1u << 11)   /* write not read */
#define MMU_FSR_EXT (1u << 12)   /* external abort type */

/* FS[4:0] values (ARM ARM table B3-23). */
#define MMU_FS_ALIGNMENT 0x01u
#define MMU_FS_ACCESS_FLAG_L1 0x03u
#define MMU_FS_TRANSLATION_L1 0x05u
#define MMU_FS_ACCESS_FLAG_L2 0x06u
#define MMU_FS_TRANSLATION_L2 0x07u
#define MMU_FS_EXTERNAL 0x08u
#define MMU_FS_DOMAIN_L1 0x09u
#define MMU_FS_DOMAIN_L2 0x0Bu
#define MMU_FS_WALK_EXTERNAL_L1 0x0Cu
#define MMU_FS_PERMISSION_L1 0x0Du
#define MMU_FS_WALK_EXTERNAL_L2 0x0Eu
#define MMU_FS_PERMISSION_L2 0x0Fu

/* Reads one word of physical memory for the walk; false = external abort. */
typedef bool (*mmu_read32_fn_t)(void *ctx, uint32_t paddr, uint32_t *value);

/* The CP15 registers translation depends on, and the memory it walks. */
typedef struct mmu_state {
    uint32_t sctlr;
    uint32_t ttbr0;
    uint32_t ttbr1;
    uint32_t ttbcr;
    uint32_t dacr;
    uint32_t prrr; /* read only when SCTLR.TRE = 1 */
    mmu_read32_fn_t read32;
    void *mem_ctx;
} mmu_state_t;

typedef enum mmu_access {
    MMU_ACCESS_READ,
    MMU_ACCESS_WRITE,
    MMU_ACCESS_EXECUTE, /* instruction fetch: IFSR format */
} mmu_access_t;

typedef enum mmu_pl {
    MMU_PL0, /* User mode, or an LDRT-family access */
    MMU_PL1,
} mmu_pl_t;

typedef enum mmu_fault {
    MMU_FAULT_NONE = 0,
    MMU_FAULT_ALIGNMENT,
    MMU_FAULT_TRANSLATION,
    MMU_FAULT_ACCESS_FLAG,
    MMU_FAULT_DOMAIN,
    MMU_FAULT_PERMISSION,
    MMU_FAULT_WALK_EXTERNAL, /* the walk's own read failed */
    MMU_FAULT_EXTERNAL,      /* the access itself failed (not found by the walk) */
} mmu_fault_t;

typedef enum mmu_mem_type {
    MMU_MEM_NORMAL,
    MMU_MEM_DEVICE,
    MMU_MEM_STRONGLY_ORDERED, /* also every data access with the MMU off */
} mmu_mem_type_t;

typedef struct mmu_result {
    mmu_fault_t fault;       /* MMU_FAULT_NONE on success */
    uint32_t fsr;            /* DFSR (or IFSR for execute) value; 0 on success */
    uint8_t level;           /* 1 or 2: level of the deciding descriptor; 0 MMU off */
    uint8_t domain;          /* the descriptor's domain (0 for supersections) */
    uint64_t paddr;          /* up to 40 bits: supersections reach past 4 GiB */
    uint32_t block_size;     /* 4 KiB, 64 KiB, 1 MiB, 16 MiB; 0 with the MMU off */
    mmu_mem_type_t mem_type;
} mmu_result_t;

/* Translates one address. Returns true when the access is permitted. */
bool mmu_translate(const mmu_state_t *mmu, uint32_t va, mmu_access_t access,
                   mmu_pl_t pl, mmu_result_t *out);

/* The short-descriptor FSR for a fault; level and domain as the walk found them. */
uint32_t mmu_fsr_encode(mmu_fault_t fault, unsigned level, unsigned domain,
                        mmu_access_t access);

/* One instruction's data access (see a32_access_t, whose fields map 1:1). */
typedef struct mmu_data_access {
    uint32_t start;        /* lowest byte address; accesses run upwards */
    uint32_t length;       /* bytes */
    uint32_t elem_size;    /* bytes per single access: alignment when SCTLR.A = 1 */
    uint32_t align_always; /* alignment required whatever SCTLR.A (1: none) */
    bool is_read;
    bool is_write;         /* both: a swap, whose read is checked first */
    bool is_hint;          /* PLD/PLI: never aborts */
} mmu_data_access_t;

/* What an abort leaves: FAR and FSR. */
typedef struct mmu_abort {
    mmu_fault_t fault; /* MMU_FAULT_NONE: the access does not abort */
    uint32_t far;
    uint32_t fsr;
} mmu_abort_t;

/* DFAR/DFSR for a data access made at privilege `pl` (PL0 for LDRT & co).
 * Returns true when the access aborts. */
bool mmu_data_abort(const mmu_state_t *mmu, const mmu_data_access_t *access,
                    mmu_pl_t pl, mmu_abort_t *out);

/* IFAR/IFSR for fetching the A32 instruction at `pc`. True when it aborts. */
bool mmu_prefetch_abort(const mmu_state_t *mmu, uint32_t pc, mmu_pl_t pl,
                        mmu_abort_t *out);

#endif

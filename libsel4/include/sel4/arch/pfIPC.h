/*
 * sel4/arch/pfIPC.h — the pre-2017 names for reading a VM fault message
 * (SEL4_PFIPC_LABEL and friends, seL4_PF_FIP, seL4_PF_Addr, seL4_isPageFault_Tag),
 * kept for old programs. They stand for today's names: label seL4_Fault_VMFault, MRs
 * seL4_VMFault_IP/Addr/PrefetchFault/FSR (spec 9.2). New code should use those.
 * Partners: ../faults.h, ../ipcbuffer.h, deprecated.h.
 */
#ifndef SEL4_ARCH_PFIPC_H
#define SEL4_ARCH_PFIPC_H

#include <sel4/faults.h>
#include <sel4/ipcbuffer.h>
#include <sel4/messageinfo.h>

#define SEL4_PFIPC_LABEL          seL4_Fault_VMFault
#define SEL4_PFIPC_LENGTH         seL4_VMFault_Length
#define SEL4_PFIPC_FAULT_IP       seL4_VMFault_IP
#define SEL4_PFIPC_FAULT_ADDR     seL4_VMFault_Addr
#define SEL4_PFIPC_PREFETCH_FAULT seL4_VMFault_PrefetchFault
#define SEL4_PFIPC_FSR            seL4_VMFault_FSR

/* The faulting instruction's address, read from MR0 of a received VM fault. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_PF_FIP(void)
{
    return seL4_GetMR(seL4_VMFault_IP);
}

/* The faulting data address (the PC for an instruction fetch), from MR1. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_PF_Addr(void)
{
    return seL4_GetMR(seL4_VMFault_Addr);
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_isPageFault_Tag(seL4_MessageInfo_t tag)
{
    return seL4_isVMFault_tag(tag);
}

/* Reads the tag word of the IPC buffer, which the kernel never writes: only
 * meaningful where the program stored the received tag there itself. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_isPageFault_MSG(void)
{
    return seL4_isVMFault_tag(seL4_GetIPCBuffer()->tag);
}

#endif /* SEL4_ARCH_PFIPC_H */

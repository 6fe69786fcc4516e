/*
 * sel4/mapping.h — seL4_MappingFailedLookupLevel(): after Page_Map fails with
 * seL4_FailedLookup, how many VA bits were left unresolved (20 = no page table
 * for a 4K/64K page; spec §8.7). Pure C. Partners: constants.h
 * (SEL4_MAPPING_LOOKUP_*), invocations.h (the stub spills the reply MRs it reads).
 */
#ifndef SEL4_MAPPING_H
#define SEL4_MAPPING_H

#include <sel4/constants.h>
#include <sel4/ipcbuffer.h>

LIBSEL4_INLINE_FUNC seL4_Word seL4_MappingFailedLookupLevel(void)
{
    return seL4_GetMR(SEL4_MAPPING_LOOKUP_LEVEL);
}

#endif /* SEL4_MAPPING_H */

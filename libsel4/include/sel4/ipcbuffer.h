/*
 * sel4/ipcbuffer.h — the per-thread IPC buffer (spec §4.2-4.3): its 512-byte
 * layout, the __sel4_ipc_buffer pointer, and the MR, user-data, cap and
 * receive-path accessors. Pure C. Partners: ../../src/ipc_buffer.c (defines the
 * pointer), syscalls.h and invocations.h (spill MRs here), functions.h.
 */
#ifndef SEL4_IPCBUFFER_H
#define SEL4_IPCBUFFER_H

/*
 * Where the pointer lives: as in seL4, __sel4_ipc_buffer is a `__thread` variable
 * (CONFIG_LIB_SEL4_USE_THREAD_LOCALS, on by default), so each thread of a program
 * has its own; it is reached through the TLS register TPIDRURW that
 * seL4_TCB_SetTLSBase sets (runtime/tls.c: __aeabi_read_tp). Declared below,
 * defined once in libsel4/src/ipc_buffer.c (link that file into every program).
 */

#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/messageinfo.h>

/* Layout is ABI: the kernel indexes it by word (offsets in the comments). */
typedef struct __attribute__((__aligned__(LIBSEL4_BIT(seL4_IPCBufferSizeBits)))) seL4_IPCBuffer_ {
    seL4_MessageInfo_t tag;                        /* word 0, ignored by the kernel */
    seL4_Word msg[seL4_MsgMaxLength];              /* words 1..120, msg[i] is MRi */
    seL4_Word userData;                            /* word 121, free for the runtime */
    seL4_Word caps_or_badges[seL4_MsgMaxExtraCaps];/* words 122..124 */
    seL4_CPtr receiveCNode;                        /* word 125 */
    seL4_CPtr receiveIndex;                        /* word 126 */
    seL4_Word receiveDepth;                        /* word 127 */
} seL4_IPCBuffer;

/* Word index of each field, for the kernel side and the layout checks below. */
#define SEL4_IPCBUF_TAG_WORD            0
#define SEL4_IPCBUF_MSG_WORD            1
#define SEL4_IPCBUF_USERDATA_WORD       121
#define SEL4_IPCBUF_CAPS_OR_BADGES_WORD 122
#define SEL4_IPCBUF_RECEIVECNODE_WORD   125
#define SEL4_IPCBUF_RECEIVEINDEX_WORD   126
#define SEL4_IPCBUF_RECEIVEDEPTH_WORD   127

#define SEL4_IPCBUF_CHECK_WORD(field, idx) \
    SEL4_COMPILE_ASSERT(ipcbuffer_##field##_at_word_##idx, \
                        SEL4_OFFSETOF(seL4_IPCBuffer, field) == (idx) * sizeof(seL4_Word))
SEL4_IPCBUF_CHECK_WORD(tag, SEL4_IPCBUF_TAG_WORD);
SEL4_IPCBUF_CHECK_WORD(msg, SEL4_IPCBUF_MSG_WORD);
SEL4_IPCBUF_CHECK_WORD(userData, SEL4_IPCBUF_USERDATA_WORD);
SEL4_IPCBUF_CHECK_WORD(caps_or_badges, SEL4_IPCBUF_CAPS_OR_BADGES_WORD);
SEL4_IPCBUF_CHECK_WORD(receiveCNode, SEL4_IPCBUF_RECEIVECNODE_WORD);
SEL4_IPCBUF_CHECK_WORD(receiveIndex, SEL4_IPCBUF_RECEIVEINDEX_WORD);
SEL4_IPCBUF_CHECK_WORD(receiveDepth, SEL4_IPCBUF_RECEIVEDEPTH_WORD);
SEL4_COMPILE_ASSERT(ipcbuffer_is_512_bytes, sizeof(seL4_IPCBuffer) == LIBSEL4_BIT(seL4_IPCBufferSizeBits));
SEL4_COMPILE_ASSERT(ipcbuffer_is_512_aligned, __alignof__(seL4_IPCBuffer) == LIBSEL4_BIT(seL4_IPCBufferSizeBits));

/* The current thread's buffer (see the file comment). */
#if CONFIG_LIB_SEL4_USE_THREAD_LOCALS
extern __thread seL4_IPCBuffer *__sel4_ipc_buffer;
#else
extern seL4_IPCBuffer *__sel4_ipc_buffer;
#endif

LIBSEL4_INLINE_FUNC void seL4_SetIPCBuffer(seL4_IPCBuffer *ipc_buffer)
{
    __sel4_ipc_buffer = ipc_buffer;
}

LIBSEL4_INLINE_FUNC seL4_IPCBuffer *seL4_GetIPCBuffer(void)
{
    return __sel4_ipc_buffer;
}

/* No bounds checks, as in seL4: i must be < seL4_MsgMaxLength. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_GetMR(int i)
{
    return seL4_GetIPCBuffer()->msg[i];
}

LIBSEL4_INLINE_FUNC void seL4_SetMR(int i, seL4_Word mr)
{
    seL4_GetIPCBuffer()->msg[i] = mr;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_GetUserData(void)
{
    return seL4_GetIPCBuffer()->userData;
}

LIBSEL4_INLINE_FUNC void seL4_SetUserData(seL4_Word data)
{
    seL4_GetIPCBuffer()->userData = data;
}

/* Same slot read two ways: after a receive it holds an unwrapped badge. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_GetBadge(int i)
{
    return seL4_GetIPCBuffer()->caps_or_badges[i];
}

LIBSEL4_INLINE_FUNC seL4_CPtr seL4_GetCap(int i)
{
    return (seL4_CPtr)seL4_GetIPCBuffer()->caps_or_badges[i];
}

LIBSEL4_INLINE_FUNC void seL4_SetCap(int i, seL4_CPtr cptr)
{
    seL4_GetIPCBuffer()->caps_or_badges[i] = (seL4_Word)cptr;
}

LIBSEL4_INLINE_FUNC void seL4_GetCapReceivePath(seL4_CPtr *receiveCNode, seL4_CPtr *receiveIndex,
                                                seL4_Word *receiveDepth)
{
    seL4_IPCBuffer *ipcbuffer = seL4_GetIPCBuffer();
    if (receiveCNode != seL4_Null) {
        *receiveCNode = ipcbuffer->receiveCNode;
    }
    if (receiveIndex != seL4_Null) {
        *receiveIndex = ipcbuffer->receiveIndex;
    }
    if (receiveDepth != seL4_Null) {
        *receiveDepth = ipcbuffer->receiveDepth;
    }
}

LIBSEL4_INLINE_FUNC void seL4_SetCapReceivePath(seL4_CPtr receiveCNode, seL4_CPtr receiveIndex,
                                                seL4_Word receiveDepth)
{
    seL4_IPCBuffer *ipcbuffer = seL4_GetIPCBuffer();
    ipcbuffer->receiveCNode = receiveCNode;
    ipcbuffer->receiveIndex = receiveIndex;
    ipcbuffer->receiveDepth = receiveDepth;
}

#endif /* SEL4_IPCBUFFER_H */

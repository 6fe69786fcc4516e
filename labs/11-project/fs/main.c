/*
 * labs/11-project/fs - the file server of the final project: an in-memory file
 * system served over IPC to the clients, told apart by badge, with names and data in
 * each client's shared buffer (FS_BUFFER(badge) here). README.md describes what it
 * must do and protocol.h the protocol. As handed out it answers every request with
 * -FS_ENOSYS.
 */
#include <stdio.h>
#include <string.h>

#include <sel4/sel4.h>

#include "../protocol.h"

/* LAB 11 PART 2: the files (name, size, bytes) and, per client badge, the open
 * file descriptors (which file, which offset). */

/* LAB 11 PART 2: FS_OPEN, FS_CLOSE. LAB 11 PART 3: FS_READ, FS_WRITE through the
 * client's buffer. LAB 11 PART 4: every error the protocol lists, and descriptors
 * that belong to the client that opened them. */
static long handle(seL4_Word badge, seL4_Word op, seL4_Word a, seL4_Word b)
{
    (void)badge;
    (void)op;
    (void)a;
    (void)b;
    return -FS_ENOSYS;
}

int main(void)
{
    printf("fs: serving %d clients, %d files of up to %d bytes\n", FS_CLIENTS, FS_MAX_FILES, FS_FILE_MAX);
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(SLOT_FS_EP, &badge);
    for (;;) {
        long result = handle(badge, seL4_MessageInfo_get_label(info), seL4_GetMR(0), seL4_GetMR(1));
        seL4_SetMR(0, (seL4_Word)result);
        info = seL4_ReplyRecv(SLOT_FS_EP, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    }
}

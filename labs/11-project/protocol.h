/*
 * labs/11-project/protocol.h - the file server's protocol (README.md, "The
 * protocol"), shared by the root task, the file server (fs/) and its clients
 * (client/). Do not change it: the clients and the grader rely on it.
 *
 * Every request is an seL4_Call on the client's badged cap to the file server's
 * endpoint: the label is the operation, the message registers its small arguments.
 * Names and file data travel through the client's shared buffer, one 4 KiB page
 * mapped both in the client (at CLIENT_BUFFER) and in the file server (at
 * FS_BUFFER(badge)). The reply has one word, MR0: a result >= 0 or a negative error.
 *
 *   label     MR0    MR1     buffer in            reply MR0
 *   FS_OPEN   flags  -       the name, NUL-ended  a file descriptor >= 0
 *   FS_READ   fd     count   -                    bytes read (0 at the end of the
 *                                                 file); the bytes are in the buffer
 *   FS_WRITE  fd     count   count bytes          bytes written
 *   FS_CLOSE  fd     -       -                    0
 *
 * A file descriptor belongs to the client that opened it (by badge): FS_OPEN returns
 * the lowest one that client has free (0 to FS_MAX_FDS - 1). Each has its own
 * offset, starting at 0, which reads and writes advance; a write past the end makes
 * the file longer. count is at most FS_BUF_SIZE.
 */
#ifndef LAB11_PROTOCOL_H
#define LAB11_PROTOCOL_H

enum { FS_OPEN = 1, FS_READ = 2, FS_WRITE = 3, FS_CLOSE = 4 };

/* FS_OPEN flags: create the file if it does not exist; truncate it to 0 bytes. */
#define FS_CREATE 1u
#define FS_TRUNC 2u

/* Errors, returned as negative numbers in MR0 (-FS_ENOENT ...). */
enum {
    FS_ENOENT = 1,  /* no file of that name (and no FS_CREATE) */
    FS_EBADF = 2,   /* not an open file descriptor of this client */
    FS_ENOSPC = 3,  /* no room for another file, descriptor or byte */
    FS_EINVAL = 4,  /* a bad name, count or flag */
    FS_ENOSYS = 5,  /* an operation the server does not know */
};

#define FS_NAME_MAX 31        /* bytes in a name, without the NUL */
#define FS_MAX_FILES 8        /* files the server can hold */
#define FS_FILE_MAX 16384     /* bytes in one file */
#define FS_MAX_FDS 4          /* open descriptors per client */

#define FS_BUF_SIZE 4096
#define CLIENT_BUFFER 0x20000000u                            /* in each client */
#define FS_BUFFER(badge) (0x30000000u + ((badge) - 1) * 0x1000u) /* in the server */

/* The clients' badges: 1 client-a, 2 client-b. */
#define FS_CLIENTS 2

/* Slots of the caps each program is given (libnumbat gives them from 16, in order). */
#define SLOT_FS_EP 16      /* the server: its endpoint; a client: its badged cap to it */
#define SLOT_DONE_EP 17    /* a client: its badged cap to the root task's endpoint */

/* A client's last message to the root task (seL4_Send on SLOT_DONE_EP), MR0 its
 * status. */
#define MSG_DONE 0x10

#endif

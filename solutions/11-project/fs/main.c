/*
 * solutions/11-project/fs - the reference file server of the final project
 * (labs/11-project): an in-memory file system of FS_MAX_FILES files, served over IPC
 * to the clients by badge, with names and data in each client's shared buffer.
 */
#include <stdio.h>
#include <string.h>

#include <sel4/sel4.h>

#include "../protocol.h"

typedef struct file {
    int used;
    char name[FS_NAME_MAX + 1];
    unsigned size;
    unsigned char data[FS_FILE_MAX];
} file_t;

typedef struct fd {
    file_t *file; /* NULL: free */
    unsigned offset;
} fd_t;

static file_t files[FS_MAX_FILES];
static fd_t fds[FS_CLIENTS + 1][FS_MAX_FDS]; /* by badge; badge 0 is nobody's */

/* The open descriptor fd of the client with badge, or NULL. */
static fd_t *lookup_fd(seL4_Word badge, seL4_Word fd)
{
    if (fd >= FS_MAX_FDS || !fds[badge][fd].file)
        return NULL;
    return &fds[badge][fd];
}

static long do_open(seL4_Word badge, const char *shared, seL4_Word flags)
{
    /* The name is copied out first: the client could change its buffer meanwhile. */
    char buf[FS_NAME_MAX + 2];
    memcpy(buf, shared, sizeof(buf) - 1);
    buf[sizeof(buf) - 1] = '\0';
    size_t len = strnlen(buf, FS_NAME_MAX + 1);
    if (len == 0 || len > FS_NAME_MAX || (flags & ~(seL4_Word)(FS_CREATE | FS_TRUNC)))
        return -FS_EINVAL;
    file_t *f = NULL, *free_file = NULL;
    for (int i = 0; i < FS_MAX_FILES; i++) {
        if (files[i].used && strcmp(files[i].name, buf) == 0)
            f = &files[i];
        else if (!files[i].used && !free_file)
            free_file = &files[i];
    }
    int fd = 0;
    while (fd < FS_MAX_FDS && fds[badge][fd].file)
        fd++;
    if (fd == FS_MAX_FDS)
        return -FS_ENOSPC;
    if (!f) {
        if (!(flags & FS_CREATE))
            return -FS_ENOENT;
        if (!free_file)
            return -FS_ENOSPC;
        f = free_file;
        f->used = 1;
        memcpy(f->name, buf, len + 1);
        f->size = 0;
    }
    if (flags & FS_TRUNC)
        f->size = 0;
    fds[badge][fd] = (fd_t){f, 0};
    return fd;
}

static long do_read(seL4_Word badge, char *buf, seL4_Word fd, seL4_Word count)
{
    fd_t *d = lookup_fd(badge, fd);
    if (!d)
        return -FS_EBADF;
    if (count > FS_BUF_SIZE)
        return -FS_EINVAL;
    unsigned n = d->offset < d->file->size ? d->file->size - d->offset : 0;
    if (n > count)
        n = count;
    memcpy(buf, d->file->data + d->offset, n);
    d->offset += n;
    return n;
}

static long do_write(seL4_Word badge, const char *buf, seL4_Word fd, seL4_Word count)
{
    fd_t *d = lookup_fd(badge, fd);
    if (!d)
        return -FS_EBADF;
    if (count > FS_BUF_SIZE)
        return -FS_EINVAL;
    unsigned room = d->offset < FS_FILE_MAX ? FS_FILE_MAX - d->offset : 0;
    unsigned n = count < room ? count : room;
    if (count > 0 && n == 0)
        return -FS_ENOSPC;
    memcpy(d->file->data + d->offset, buf, n);
    d->offset += n;
    if (d->offset > d->file->size)
        d->file->size = d->offset;
    return n;
}

static long do_close(seL4_Word badge, seL4_Word fd)
{
    fd_t *d = lookup_fd(badge, fd);
    if (!d)
        return -FS_EBADF;
    d->file = NULL;
    return 0;
}

int main(void)
{
    printf("fs: serving %d clients, %d files of up to %d bytes\n", FS_CLIENTS, FS_MAX_FILES, FS_FILE_MAX);
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(SLOT_FS_EP, &badge);
    for (;;) {
        long result;
        seL4_Word a = seL4_GetMR(0), b = seL4_GetMR(1);
        if (badge < 1 || badge > FS_CLIENTS) {
            result = -FS_EINVAL; /* nobody the root task gave a buffer */
        } else {
            char *buf = (char *)FS_BUFFER(badge);
            switch (seL4_MessageInfo_get_label(info)) {
            case FS_OPEN: result = do_open(badge, buf, a); break;
            case FS_READ: result = do_read(badge, buf, a, b); break;
            case FS_WRITE: result = do_write(badge, buf, a, b); break;
            case FS_CLOSE: result = do_close(badge, a); break;
            default: result = -FS_ENOSYS; break;
            }
        }
        seL4_SetMR(0, (seL4_Word)result);
        info = seL4_ReplyRecv(SLOT_FS_EP, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    }
}

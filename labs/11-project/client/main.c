/*
 * labs/11-project/client - the file server's test client, started twice by the root
 * task (client-a with badge 1, client-b with badge 2). It is complete: do not change
 * it. Every request goes through fs_call (counted); names and data go through the
 * shared buffer whose address the root task passes as argv[1] ("0": none yet).
 * client-a writes a small file and a 10000-byte one; client-b, which runs after it,
 * reads both, extends the small one and checks that client-a's descriptors are not
 * its own. Each prints what every request returned, then tells the root it is done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sel4/sel4.h>

#include "../protocol.h"

static const char *me;
static char *buf;
static unsigned requests;

static long fs_call(seL4_Word op, seL4_Word a, seL4_Word b)
{
    seL4_SetMR(0, a);
    seL4_SetMR(1, b);
    seL4_MessageInfo_t reply = seL4_Call(SLOT_FS_EP, seL4_MessageInfo_new(op, 0, 0, 2));
    requests++;
    if (seL4_MessageInfo_get_length(reply) < 1)
        return -FS_ENOSYS;
    return (long)(int)seL4_GetMR(0);
}

static long fs_open(const char *name, seL4_Word flags)
{
    strncpy(buf, name, FS_BUF_SIZE - 1);
    buf[FS_BUF_SIZE - 1] = '\0';
    return fs_call(FS_OPEN, flags, 0);
}

static long fs_write(long fd, const void *data, size_t n)
{
    memcpy(buf, data, n);
    return fs_call(FS_WRITE, (seL4_Word)fd, n);
}

static long fs_read(long fd, void *data, size_t n)
{
    long got = fs_call(FS_READ, (seL4_Word)fd, n);
    if (got > 0 && (size_t)got <= n)
        memcpy(data, buf, (size_t)got);
    return got;
}

static long fs_close(long fd)
{
    return fs_call(FS_CLOSE, (seL4_Word)fd, 0);
}

/* FNV-1a over n bytes. */
static unsigned fnv(const unsigned char *p, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

#define BIG 10000
static unsigned char big[BIG], back[BIG];

/* Reads a whole file from fd in FS_BUF_SIZE pieces into back[]; returns the bytes
 * read (or the first error) and the number of reads that returned data. */
static long read_all(long fd, unsigned *reads)
{
    long total = 0;
    *reads = 0;
    for (;;) {
        long n = fs_read(fd, back + total, BIG - total < FS_BUF_SIZE ? BIG - total : FS_BUF_SIZE);
        if (n < 0)
            return n;
        if (n == 0 || total + n > BIG)
            return total;
        total += n;
        (*reads)++;
        if (total == BIG)
            return total;
    }
}

static void client_a(void)
{
    const char *hello = "hello from client-a";
    long fd = fs_open("notes.txt", FS_CREATE | FS_TRUNC);
    printf("%s: open notes.txt (create) -> %ld\n", me, fd);
    printf("%s: write '%s' -> %ld\n", me, hello, fs_write(fd, hello, strlen(hello)));
    printf("%s: close -> %ld\n", me, fs_close(fd));
    fd = fs_open("notes.txt", 0);
    printf("%s: open notes.txt -> %ld\n", me, fd);
    char text[64] = {0};
    long n = fs_read(fd, text, sizeof(text) - 1);
    printf("%s: read -> %ld '%s'\n", me, n, n > 0 ? text : "");
    printf("%s: read at the end -> %ld\n", me, fs_read(fd, text, sizeof(text) - 1));
    printf("%s: close -> %ld\n", me, fs_close(fd));
    printf("%s: open missing.txt -> %ld\n", me, fs_open("missing.txt", 0));

    for (unsigned i = 0; i < BIG; i++)
        big[i] = (unsigned char)(i * 7 + i / 256);
    fd = fs_open("big.bin", FS_CREATE | FS_TRUNC);
    long written = 0;
    unsigned writes = 0;
    while (written < BIG) {
        long chunk = BIG - written < FS_BUF_SIZE ? BIG - written : FS_BUF_SIZE;
        n = fs_write(fd, big + written, (size_t)chunk);
        if (n <= 0)
            break;
        written += n;
        writes++;
    }
    printf("%s: big.bin: fd %ld, wrote %ld bytes in %u writes\n", me, fd, written, writes);
    long fd2 = fs_open("big.bin", 0);
    unsigned reads;
    n = read_all(fd2, &reads);
    printf("%s: big.bin: fd %ld, read %ld bytes in %u reads, checksum 0x%08x\n", me, fd2, n, reads,
           n > 0 ? fnv(back, (size_t)n) : 0);
    printf("%s: close fd %ld -> %ld (fd %ld stays open)\n", me, fd, fs_close(fd), fd2);
    printf("%s: read fd 3 (never opened) -> %ld\n", me, fs_read(3, text, 8));
}

static void client_b(void)
{
    char text[64] = {0};
    long fd = fs_open("notes.txt", 0);
    long n = fs_read(fd, text, sizeof(text) - 1);
    printf("%s: open notes.txt -> %ld, read -> %ld '%s'\n", me, fd, n, n > 0 ? text : "");
    const char *more = " and client-b";
    printf("%s: write '%s' -> %ld\n", me, more, fs_write(fd, more, strlen(more)));
    printf("%s: close -> %ld\n", me, fs_close(fd));
    fd = fs_open("notes.txt", 0);
    memset(text, 0, sizeof(text));
    n = fs_read(fd, text, sizeof(text) - 1);
    printf("%s: reopen, read -> %ld '%s'\n", me, n, n > 0 ? text : "");
    printf("%s: read fd 1 (client-a's, not mine) -> %ld\n", me, fs_read(1, text, 8));
    printf("%s: close fd 1 (client-a's, not mine) -> %ld\n", me, fs_close(1));
    long fd2 = fs_open("big.bin", 0);
    unsigned reads;
    n = read_all(fd2, &reads);
    printf("%s: big.bin: fd %ld, read %ld bytes, checksum 0x%08x\n", me, fd2, n,
           n > 0 ? fnv(back, (size_t)n) : 0);
    printf("%s: open a name of 40 characters -> %ld\n", me,
           fs_open("a-name-that-is-far-too-long-for-the-fs.x", FS_CREATE));
    printf("%s: unknown operation 9 -> %ld\n", me, fs_call(9, 0, 0));
    long c1 = fs_close(fd), c2 = fs_close(fd2), c3 = fs_close(fd);
    printf("%s: close fd %ld -> %ld, close fd %ld -> %ld, close fd %ld again -> %ld\n", me, fd, c1, fd2,
           c2, fd, c3);
}

int main(int argc, char **argv)
{
    me = argv[0];
    buf = argc > 1 ? (char *)strtoul(argv[1], NULL, 0) : NULL;
    printf("%s: started, shared buffer at %p\n", me, (void *)buf);
    int status = 0;
    if (!buf) {
        printf("%s: no shared buffer, so no requests (part 1)\n", me);
        status = 1;
    } else if (strcmp(me, "client-a") == 0) {
        client_a();
    } else {
        client_b();
    }
    printf("%s: done after %u requests\n", me, requests);
    seL4_SetMR(0, (seL4_Word)status);
    seL4_Send(SLOT_DONE_EP, seL4_MessageInfo_new(MSG_DONE, 0, 0, 1));
    return status;
}

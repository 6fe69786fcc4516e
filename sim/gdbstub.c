/*
 * sim/gdbstub.c - the GDB remote serial protocol for numbat-sim --gdb: one TCP
 * connection, all-stop, packets with checksums and acks. Registers come with a
 * target description (org.gnu.gdb.arm.core plus read-only CP15 registers), memory
 * is read and written through the guest's current translation, and run control is
 * sim_board_resume (debug.c). The packets served are listed in docs/gdb.md.
 * Partners: gdbstub.h, cli/numbat-sim.c, debug.c, board_internal.h.
 */
#include "gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "arm_cpu.h"
#include "board_internal.h"
#include "debug.h"
#include "guest_mem.h"

#define PACKET_MAX 4096 /* the packet data we accept, announced as PacketSize */
#define REPLY_MAX (2 * PACKET_MAX)
#define SEND_TRIES 5    /* retransmissions after a NAK before giving up on GDB */
#define CTRL_C 0x03
#define PAGE_SIZE 0x1000u

/* GDB's own signal numbers (gdb/signals.def), which are not the host's. */
enum {
    GDB_SIGINT = 2,
    GDB_SIGTRAP = 5,
    GDB_SIGABRT = 6,
    GDB_SIGSEGV = 11,
    GDB_SIGALRM = 14,
    GDB_SIGXCPU = 24,
};

typedef enum action {
    ACT_NONE,
    ACT_CONTINUE,
    ACT_STEP,
    ACT_REVERSE_CONTINUE, /* bc: back to the last breakpoint reached */
    ACT_REVERSE_STEP,     /* bs: back one instruction */
    ACT_KILL,
    ACT_DETACH,
} action_t;

typedef struct gdb_watchpoint {
    uint32_t addr, len;
    sim_watch_kind_t kind;
} gdb_watchpoint_t;

struct gdb_stub {
    gdb_link_t link;
    bool connected; /* false once GDB has gone (link closed) */
    sim_board_t *board;
    uint8_t in[PACKET_MAX]; /* bytes received and not yet used */
    size_t in_len, in_pos;
    char packet[PACKET_MAX + 1];
    char reply[REPLY_MAX + 1];
    char frame[REPLY_MAX + 8];
    int last_signal;
    /* GDB's breakpoints, inserted again into the next board after a guest reboot. */
    uint32_t breakpoints[BOARD_MAX_BREAKPOINTS];
    size_t breakpoint_count;
    /* GDB's watchpoints, likewise. */
    gdb_watchpoint_t watchpoints[BOARD_MAX_WATCHPOINTS];
    size_t watchpoint_count;
    action_t pending;  /* GDB's unanswered c or s when the guest rebooted */
    bool ended;        /* the run ended in a crash, reported to GDB as a signal */
};

/* GDB's register numbers: r0-r15 and cpsr are org.gnu.gdb.arm.core and writable;
   the rest show the exception and translation state (`info registers system`). */
typedef struct gdb_reg {
    const char *name;
    int uc_reg; /* a Unicorn register, or -1 for CP15 */
    arm_cp15_t cp15;
    const char *type;
} gdb_reg_t;

#define CORE_REGS 17
static const gdb_reg_t regs[] = {
    {"r0", UC_ARM_REG_R0, 0, "uint32"},   {"r1", UC_ARM_REG_R1, 0, "uint32"},
    {"r2", UC_ARM_REG_R2, 0, "uint32"},   {"r3", UC_ARM_REG_R3, 0, "uint32"},
    {"r4", UC_ARM_REG_R4, 0, "uint32"},   {"r5", UC_ARM_REG_R5, 0, "uint32"},
    {"r6", UC_ARM_REG_R6, 0, "uint32"},   {"r7", UC_ARM_REG_R7, 0, "uint32"},
    {"r8", UC_ARM_REG_R8, 0, "uint32"},   {"r9", UC_ARM_REG_R9, 0, "uint32"},
    {"r10", UC_ARM_REG_R10, 0, "uint32"}, {"r11", UC_ARM_REG_R11, 0, "uint32"},
    {"r12", UC_ARM_REG_R12, 0, "uint32"}, {"sp", UC_ARM_REG_SP, 0, "data_ptr"},
    {"lr", UC_ARM_REG_LR, 0, "code_ptr"}, {"pc", UC_ARM_REG_PC, 0, "code_ptr"},
    {"cpsr", UC_ARM_REG_CPSR, 0, "uint32"},
    {"spsr", UC_ARM_REG_SPSR, 0, "uint32"},
    {"sctlr", -1, CP15_SCTLR, "uint32"}, {"ttbr0", -1, CP15_TTBR0, "uint32"},
    {"ttbr1", -1, CP15_TTBR1, "uint32"}, {"ttbcr", -1, CP15_TTBCR, "uint32"},
    {"dacr", -1, CP15_DACR, "uint32"},   {"dfsr", -1, CP15_DFSR, "uint32"},
    {"dfar", -1, CP15_DFAR, "data_ptr"}, {"ifsr", -1, CP15_IFSR, "uint32"},
    {"ifar", -1, CP15_IFAR, "code_ptr"}, {"vbar", -1, CP15_VBAR, "uint32"},
    {"contextidr", -1, CP15_CONTEXTIDR, "uint32"},
};
#define REG_COUNT (sizeof(regs) / sizeof(regs[0]))
#define REG_PC 15
#define REG_CPSR 16

/* ---- bytes and packets ------------------------------------------------------------ */

static void hang_up(gdb_stub_t *stub)
{
    if (stub->connected)
        stub->link.close(stub->link.ctx);
    stub->connected = false;
    stub->in_len = stub->in_pos = 0;
}

/*
 * Makes sure a received byte is buffered, waiting for one if `wait`. Returns
 * true if one is; false if none is ready (without wait) or GDB has gone.
 */
static bool fill(gdb_stub_t *stub, bool wait)
{
    if (stub->in_pos < stub->in_len)
        return true;
    if (!stub->connected)
        return false;
    ssize_t n = stub->link.recv(stub->link.ctx, stub->in, sizeof(stub->in), wait);
    if (n < 0 || (n == 0 && wait)) {
        hang_up(stub);
        return false;
    }
    stub->in_len = (size_t)n;
    stub->in_pos = 0;
    return n > 0;
}

/* The next byte from GDB, waiting for it; -1 once the connection is gone. */
static int next_byte(gdb_stub_t *stub)
{
    return fill(stub, true) ? stub->in[stub->in_pos++] : -1;
}

static int send_all(gdb_stub_t *stub, const char *data, size_t len)
{
    if (!stub->connected)
        return -1;
    if (stub->link.send(stub->link.ctx, data, len) != 0) {
        hang_up(stub);
        return -1;
    }
    return 0;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Sends $data#checksum until GDB acks it with '+'. Returns 0, or -1 if GDB is gone. */
static int send_packet(gdb_stub_t *stub, const char *data)
{
    unsigned sum = 0;
    for (const char *c = data; *c; c++)
        sum += (unsigned char)*c;
    int len = snprintf(stub->frame, sizeof(stub->frame), "$%s#%02x", data, sum & 0xFFu);
    if (len < 0 || (size_t)len >= sizeof(stub->frame))
        return -1;
    for (int tries = 0; tries < SEND_TRIES; tries++) {
        if (send_all(stub, stub->frame, (size_t)len) != 0)
            return -1;
        int c;
        do /* a Ctrl-C racing with a stop reply is moot: we are stopped */
            c = next_byte(stub);
        while (c >= 0 && c != '+' && c != '-');
        if (c < 0)
            return -1;
        if (c == '+')
            return 0;
    }
    hang_up(stub); /* a link that garbles everything is no link */
    return -1;
}

/* Receives the next packet into stub->packet and acks it; -1 once GDB is gone. */
static int read_packet(gdb_stub_t *stub)
{
    for (;;) {
        int c;
        do /* acks, and a Ctrl-C while already stopped, need no answer */
            c = next_byte(stub);
        while (c >= 0 && c != '$');
        size_t n = 0;
        unsigned sum = 0;
        bool fits = true;
        while ((c = next_byte(stub)) >= 0 && c != '#') {
            sum += (unsigned)c;
            if (n < PACKET_MAX)
                stub->packet[n++] = (char)c;
            else
                fits = false;
        }
        int hi = c < 0 ? -1 : next_byte(stub);
        int lo = hi < 0 ? -1 : next_byte(stub);
        if (lo < 0)
            return -1;
        stub->packet[n] = '\0';
        bool ok = fits && hex_value(hi) >= 0 && hex_value(lo) >= 0 &&
                  (unsigned)(hex_value(hi) << 4 | hex_value(lo)) == (sum & 0xFFu);
        if (send_all(stub, ok ? "+" : "-", 1) != 0)
            return -1;
        if (ok)
            return (int)n;
    }
}

/* Reads a hex number, advancing *p past it; false if there is none. */
static bool parse_hex(const char **p, uint32_t *value)
{
    const char *start = *p;
    uint32_t v = 0;
    for (; hex_value(**p) >= 0; (*p)++)
        v = v << 4 | (uint32_t)hex_value(**p);
    *value = v;
    return *p != start;
}

/* Decodes 2*len hex digits into bytes; false on anything else. */
static bool decode_hex(const char *p, uint8_t *out, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int hi = hex_value(p[2 * i]), lo = hi < 0 ? -1 : hex_value(p[2 * i + 1]);
        if (lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

static char *encode_hex(char *out, const uint8_t *bytes, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        *out++ = digits[bytes[i] >> 4];
        *out++ = digits[bytes[i] & 0xF];
    }
    *out = '\0';
    return out;
}

/* A register value in the target's byte order (little-endian), as GDB wants it. */
static char *encode_le32(char *out, uint32_t value)
{
    uint8_t b[4] = {value & 0xFF, value >> 8 & 0xFF, value >> 16 & 0xFF, value >> 24};
    return encode_hex(out, b, sizeof(b));
}

static bool decode_le32(const char *p, uint32_t *value)
{
    uint8_t b[4];
    if (!decode_hex(p, b, sizeof(b)))
        return false;
    *value = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return true;
}

/* ---- registers ---------------------------------------------------------------------- */

static uint32_t reg_value(sim_board_t *board, size_t i)
{
    if (i == REG_PC)
        return board->next_pc; /* where the CPU resumes */
    return regs[i].uc_reg >= 0 ? arm_reg(board->uc, regs[i].uc_reg)
                               : arm_cp15(board->uc, regs[i].cp15);
}

/*
 * Whether GDB may write `value` to register i while the CPSR is (or becomes) `cpsr`.
 * Only the core registers are writable: a CP15 write would bypass the TLB upkeep.
 * The CPSR takes only a mode and state the CPU can be in (arm_cpsr_settable), and
 * the PC in ARM state only a word address (bit 0 is GDB's Thumb bit).
 */
static bool reg_write_allowed(size_t i, uint32_t value, uint32_t cpsr)
{
    if (i >= CORE_REGS)
        return false;
    if (i == REG_CPSR)
        return arm_cpsr_settable(value);
    if (i == REG_PC)
        return (cpsr & CPSR_T) || !(value & 2);
    return true;
}

/* Writes register i; the caller checked the value with reg_write_allowed. */
static void set_reg_value(sim_board_t *board, size_t i, uint32_t value)
{
    /* A machine changed by hand has another future than the one recorded. */
    if (reg_value(board, i) != value)
        sim_board_history_changed(board);
    if (i == REG_PC) {
        /* Bit 0 of a PC write sets the Thumb state (docs/unicorn-notes.md). */
        bool thumb = arm_reg(board->uc, UC_ARM_REG_CPSR) & CPSR_T;
        board->next_pc = value & ~1u;
        arm_set_reg(board->uc, UC_ARM_REG_PC, board->next_pc | thumb);
    } else {
        arm_set_reg(board->uc, regs[i].uc_reg, value);
    }
}

static void read_registers(gdb_stub_t *stub)
{
    char *out = stub->reply;
    for (size_t i = 0; i < REG_COUNT; i++)
        out = encode_le32(out, reg_value(stub->board, i));
}

static void write_registers(gdb_stub_t *stub, const char *p)
{
    uint32_t values[CORE_REGS];
    for (size_t i = 0; i < CORE_REGS; i++)
        if (!decode_le32(p + 8 * i, &values[i])) {
            strcpy(stub->reply, "E01");
            return;
        }
    /* All or nothing: one refused value leaves every register as it was. */
    for (size_t i = 0; i < CORE_REGS; i++)
        if (!reg_write_allowed(i, values[i], values[REG_CPSR])) {
            strcpy(stub->reply, "E01");
            return;
        }
    /* The system registers that may follow are read-only and ignored. */
    for (size_t i = 0; i < CORE_REGS; i++)
        set_reg_value(stub->board, i, values[i]);
    strcpy(stub->reply, "OK");
}

static void read_register(gdb_stub_t *stub, const char *p)
{
    uint32_t n;
    if (!parse_hex(&p, &n) || n >= REG_COUNT)
        strcpy(stub->reply, "E01");
    else
        encode_le32(stub->reply, reg_value(stub->board, n));
}

static void write_register(gdb_stub_t *stub, const char *p)
{
    uint32_t n, value;
    uint32_t cpsr = arm_reg(stub->board->uc, UC_ARM_REG_CPSR);
    bool ok = parse_hex(&p, &n) && *p++ == '=' && n < REG_COUNT && decode_le32(p, &value) &&
              reg_write_allowed(n, value, cpsr);
    if (ok)
        set_reg_value(stub->board, n, value);
    strcpy(stub->reply, ok ? "OK" : "E01");
}

/* ---- memory ------------------------------------------------------------------------- */

static bool is_device(const sim_board_t *board, uint32_t paddr)
{
    for (size_t i = 0; i < board->window_count; i++) {
        const sim_device_t *d = &board->windows[i].dev;
        if (paddr >= d->base && paddr - d->base < d->size)
            return true;
    }
    return false;
}

/*
 * Reads or writes guest memory at a virtual address as the kernel sees it (the
 * current translation, privileged: a debugger may write read-only code). Device
 * registers are refused, since reading one can change it (a FIFO pops). Returns
 * the number of bytes done before the first unmapped page or device.
 */
static size_t access_virt(sim_board_t *board, uint32_t va, uint8_t *buf, size_t len, bool write)
{
    mmu_state_t mmu = guest_mmu_state(board);
    size_t done = 0;
    while (done < len) {
        mmu_result_t r;
        if (!mmu_translate(&mmu, va, MMU_ACCESS_READ, MMU_PL1, &r) || r.paddr > UINT32_MAX ||
            is_device(board, (uint32_t)r.paddr))
            break;
        size_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
        if (chunk > len - done)
            chunk = len - done;
        uc_err e = write ? uc_mem_write(board->uc, r.paddr, buf + done, chunk)
                         : uc_mem_read(board->uc, r.paddr, buf + done, chunk);
        if (e != UC_ERR_OK)
            break;
        va += (uint32_t)chunk;
        done += chunk;
    }
    return done;
}

static void read_memory(gdb_stub_t *stub, const char *p)
{
    uint32_t addr, len;
    static uint8_t buf[REPLY_MAX / 2];
    if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len)) {
        strcpy(stub->reply, "E01");
        return;
    }
    if (len > sizeof(buf))
        len = sizeof(buf); /* GDB takes a short answer and asks for the rest */
    size_t done = access_virt(stub->board, addr, buf, len, false);
    if (done == 0 && len > 0)
        strcpy(stub->reply, "E14"); /* EFAULT: GDB says "Cannot access memory" */
    else
        encode_hex(stub->reply, buf, done);
}

static void write_memory(gdb_stub_t *stub, const char *p)
{
    uint32_t addr, len;
    static uint8_t buf[PACKET_MAX / 2];
    if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len) || *p++ != ':' ||
        len > sizeof(buf) || strlen(p) != 2 * (size_t)len || !decode_hex(p, buf, len)) {
        strcpy(stub->reply, "E01");
        return;
    }
    static uint8_t old[PACKET_MAX / 2];
    if (access_virt(stub->board, addr, old, len, false) != len || memcmp(old, buf, len) != 0)
        sim_board_history_changed(stub->board); /* another future than the one recorded */
    bool ok = access_virt(stub->board, addr, buf, len, true) == len;
    /* Code already translated from the old bytes must not run again. */
    sim_error_t e = board_forget_code(stub->board, addr, len);
    if (e != SIM_OK)
        fprintf(stderr, "numbat-sim: writing 0x%08x: %s\n", addr, sim_error_text(e));
    strcpy(stub->reply, ok && e == SIM_OK ? "OK" : "E14");
}

/* ---- breakpoints -------------------------------------------------------------------- */

static void remember_breakpoint(gdb_stub_t *stub, uint32_t addr, bool insert)
{
    size_t i = 0;
    while (i < stub->breakpoint_count && stub->breakpoints[i] != addr)
        i++;
    if (insert && i == stub->breakpoint_count && i < BOARD_MAX_BREAKPOINTS)
        stub->breakpoints[stub->breakpoint_count++] = addr;
    else if (!insert && i < stub->breakpoint_count)
        stub->breakpoints[i] = stub->breakpoints[--stub->breakpoint_count];
}

static void remember_watchpoint(gdb_stub_t *stub, gdb_watchpoint_t w, bool insert)
{
    size_t i = 0;
    while (i < stub->watchpoint_count &&
           memcmp(&stub->watchpoints[i], &w, sizeof(w)) != 0)
        i++;
    if (insert && i == stub->watchpoint_count && i < BOARD_MAX_WATCHPOINTS)
        stub->watchpoints[stub->watchpoint_count++] = w;
    else if (!insert && i < stub->watchpoint_count)
        stub->watchpoints[i] = stub->watchpoints[--stub->watchpoint_count];
}

/* The remote protocol's Z/z types 2, 3 and 4: write, read and access watchpoints. */
static sim_watch_kind_t watch_kind_of(uint32_t type)
{
    return type == 2 ? SIM_WATCH_WRITE : type == 3 ? SIM_WATCH_READ : SIM_WATCH_ACCESS;
}

/* Z2-Z4 insert and z2-z4 remove a watchpoint on ADDR,LENGTH (sim/watch.c). */
static void watchpoint_packet(gdb_stub_t *stub, bool insert, uint32_t type, uint32_t addr,
                              const char *p)
{
    uint32_t len;
    if (*p++ != ',' || !parse_hex(&p, &len) || (*p != '\0' && *p != ';')) {
        strcpy(stub->reply, "E01");
        return;
    }
    gdb_watchpoint_t w = {addr, len, watch_kind_of(type)};
    sim_error_t e = sim_board_set_watchpoint(stub->board, addr, len, w.kind, insert);
    if (e != SIM_OK) {
        if (e == SIM_ERR_HOOK)
            fprintf(stderr, "numbat-sim: watchpoint at 0x%08x: %s\n", addr, sim_error_text(e));
        strcpy(stub->reply, e == SIM_ERR_BAD_WATCHPOINT ? "E01" : "E0e");
        return;
    }
    remember_watchpoint(stub, w, insert);
    strcpy(stub->reply, "OK");
}

/* Z0/Z1 insert and z0/z1 remove a breakpoint: both kinds are code hooks. */
static void breakpoint_packet(gdb_stub_t *stub, const char *p)
{
    bool insert = p[0] == 'Z';
    uint32_t type, addr;
    p++;
    if (!parse_hex(&p, &type) || *p++ != ',' || !parse_hex(&p, &addr) || *p != ',') {
        strcpy(stub->reply, "E01");
        return;
    }
    if (type >= 2 && type <= 4) {
        watchpoint_packet(stub, insert, type, addr, p);
        return;
    }
    if (type > 4)
        return; /* an empty reply says "not supported" */
    sim_error_t e = sim_board_set_breakpoint(stub->board, addr, insert);
    if (e != SIM_OK) {
        if (e != SIM_ERR_TOO_MANY_BREAKPOINTS)
            fprintf(stderr, "numbat-sim: breakpoint at 0x%08x: %s\n", addr, sim_error_text(e));
        strcpy(stub->reply, "E0e"); /* GDB: "Cannot insert breakpoint" */
        return;
    }
    remember_breakpoint(stub, addr, insert);
    strcpy(stub->reply, "OK");
}

/* ---- queries ------------------------------------------------------------------------ */

static size_t target_xml(char *out, size_t cap)
{
    int n = snprintf(out, cap,
                     "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                     "<target version=\"1.0\">\n<architecture>arm</architecture>\n"
                     "<feature name=\"org.gnu.gdb.arm.core\">\n");
    for (size_t i = 0; i < REG_COUNT; i++) {
        if (i == CORE_REGS)
            n += snprintf(out + n, cap - (size_t)n,
                          "</feature>\n<feature name=\"org.numbat.sim.system\">\n");
        n += snprintf(out + n, cap - (size_t)n, "<reg name=\"%s\" bitsize=\"32\" type=\"%s\"%s/>\n",
                      regs[i].name, regs[i].type, i >= CORE_REGS ? " group=\"system\"" : "");
    }
    n += snprintf(out + n, cap - (size_t)n, "</feature>\n</target>\n");
    return (size_t)n;
}

/* qXfer:features:read:target.xml:OFFSET,LENGTH - the XML holds no byte to escape. */
static void read_features(gdb_stub_t *stub, const char *p)
{
    static char xml[4096];
    static size_t xml_len;
    uint32_t offset, len;
    if (xml_len == 0)
        xml_len = target_xml(xml, sizeof(xml));
    if (strncmp(p, "target.xml:", 11) != 0) {
        strcpy(stub->reply, "E00");
        return;
    }
    p += 11;
    if (!parse_hex(&p, &offset) || *p++ != ',' || !parse_hex(&p, &len)) {
        strcpy(stub->reply, "E01");
        return;
    }
    if (offset > xml_len)
        offset = (uint32_t)xml_len;
    if (len > REPLY_MAX - 1)
        len = REPLY_MAX - 1;
    bool last = xml_len - offset <= len;
    size_t n = last ? xml_len - offset : len;
    stub->reply[0] = last ? 'l' : 'm';
    memcpy(stub->reply + 1, xml + offset, n);
    stub->reply[1 + n] = '\0';
}

static void query(gdb_stub_t *stub, const char *p)
{
    if (strncmp(p, "qSupported", 10) == 0)
        snprintf(stub->reply, sizeof(stub->reply), "PacketSize=%x;qXfer:features:read+%s",
                 PACKET_MAX,
                 stub->board->history ? ";ReverseStep+;ReverseContinue+" : "");
    else if (strncmp(p, "qXfer:features:read:", 20) == 0)
        read_features(stub, p + 20);
    else if (strncmp(p, "qAttached", 9) == 0)
        strcpy(stub->reply, "0"); /* we started the guest: GDB's quit kills it */
    else if (strncmp(p, "qSymbol", 7) == 0)
        strcpy(stub->reply, "OK"); /* no symbols wanted */
    /* Anything else (threads, offsets, tracepoints): empty, "not supported". */
}

/* ---- run control -------------------------------------------------------------------- */

/* Polled between slices while the guest runs: has GDB sent Ctrl-C, or gone? */
static bool gdb_interrupted(void *ctx)
{
    gdb_stub_t *stub = ctx;
    while (fill(stub, false)) {
        if (stub->in[stub->in_pos++] == CTRL_C)
            return true;
        /* All-stop GDB sends nothing else while the target runs: drop strays. */
    }
    return !stub->connected;
}

static int exit_signal(sim_exit_kind_t kind)
{
    switch (kind) {
    case SIM_EXIT_PANIC: return GDB_SIGABRT;
    case SIM_EXIT_LOCKUP: return GDB_SIGALRM;
    case SIM_EXIT_INSN_LIMIT: return GDB_SIGXCPU;
    default: return GDB_SIGSEGV;
    }
}

/* The stop reason of a watchpoint's stop (the remote protocol's watch, rwatch, awatch). */
static const char *watch_reason(sim_watch_kind_t kind)
{
    return kind == SIM_WATCH_WRITE ? "watch" : kind == SIM_WATCH_READ ? "rwatch" : "awatch";
}

/* A T stop reply with the PC, so GDB need not ask for it, and the watched address
 * accessed when a watchpoint stopped the guest. */
static void stop_reply(gdb_stub_t *stub, int signal)
{
    stub->last_signal = signal;
    int n = snprintf(stub->reply, sizeof(stub->reply), "T%02x", signal);
    uint32_t addr;
    sim_watch_kind_t kind;
    if (signal == GDB_SIGTRAP && sim_board_watch_hit(stub->board, &addr, &kind))
        n += snprintf(stub->reply + n, sizeof(stub->reply) - (size_t)n, "%s:%08x;",
                      watch_reason(kind), addr);
    n += snprintf(stub->reply + n, sizeof(stub->reply) - (size_t)n, "%02x:", REG_PC);
    encode_le32(stub->reply + n, stub->board->next_pc);
    strcat(stub->reply, ";");
}

static sim_result_t killed(const char *why)
{
    sim_result_t r = {.kind = SIM_EXIT_KILLED};
    snprintf(r.reason, sizeof(r.reason), "%s", why);
    return r;
}

/*
 * The end of the run as GDB hears of it. Returns true when gdb_stub_run must
 * return *result now; a crash instead stops the guest for inspection.
 */
static bool report_exit(gdb_stub_t *stub, action_t act, sim_result_t *result)
{
    *result = sim_board_result(stub->board);
    switch (result->kind) {
    case SIM_EXIT_REBOOT:
        stub->pending = act; /* the next board goes on as GDB asked */
        return true;
    case SIM_EXIT_HALT:
        snprintf(stub->reply, sizeof(stub->reply), "W%02x", result->status & 0xFF);
        send_packet(stub, stub->reply);
        return true;
    default:
        fprintf(stderr, "numbat-sim: %s; stopped for GDB (continue or kill to end the run)\n",
                result->reason);
        stub->ended = true;
        stop_reply(stub, exit_signal(result->kind));
        send_packet(stub, stub->reply);
        return false;
    }
}

/* Carries out c or s and answers with the stop; true when the run is over. */
static bool resume(gdb_stub_t *stub, action_t act, sim_result_t *result)
{
    if (stub->ended) {
        /* Continuing from a crash: the guest is gone now. */
        *result = sim_board_result(stub->board);
        snprintf(stub->reply, sizeof(stub->reply), "X%02x", exit_signal(result->kind));
        send_packet(stub, stub->reply);
        return true;
    }
    sim_stop_t stop = sim_board_resume(stub->board, act == ACT_STEP, gdb_interrupted, stub);
    if (!stub->connected) {
        *result = killed("the debugger went away");
        return true;
    }
    if (stop == SIM_STOP_EXITED)
        return report_exit(stub, act, result);
    if (stop == SIM_STOP_WATCHPOINT)
        (void)sim_board_watch_settle(stub->board); /* before the access, as on ARM */
    stop_reply(stub, stop == SIM_STOP_INTERRUPTED ? GDB_SIGINT : GDB_SIGTRAP);
    send_packet(stub, stub->reply);
    return false;
}

/*
 * bs and bc: back in time (sim/timetravel.c, docs/time-travel.md). A crash reported
 * to GDB is undone too: the machine before it runs again. With nothing earlier to
 * go to, the stop says so (replaylog:begin: "No more reverse-execution history").
 */
static void reverse(gdb_stub_t *stub, action_t act)
{
    sim_travel_t t = act == ACT_REVERSE_STEP ? sim_board_reverse_step(stub->board)
                                             : sim_board_reverse_continue(stub->board);
    stub->ended = false;
    stop_reply(stub, GDB_SIGTRAP);
    if (t == SIM_TRAVEL_HISTORY_START)
        strcat(stub->reply, "replaylog:begin;");
    send_packet(stub, stub->reply);
}

static action_t reverse_packet(gdb_stub_t *stub, const char *p)
{
    if (!stub->board->history || (strcmp(p, "bs") != 0 && strcmp(p, "bc") != 0)) {
        stub->reply[0] = '\0'; /* not supported (no history), or not a reverse packet */
        return ACT_NONE;
    }
    return p[1] == 's' ? ACT_REVERSE_STEP : ACT_REVERSE_CONTINUE;
}

/*
 * c, s, C and S, each with an optional address to resume at (signals are ignored).
 * An address the PC cannot take is refused with E01, and the guest stays stopped.
 */
static action_t resume_packet(gdb_stub_t *stub, const char *p)
{
    action_t act = (p[0] == 's' || p[0] == 'S') ? ACT_STEP : ACT_CONTINUE;
    uint32_t value;
    p++;
    if (p[-1] == 'C' || p[-1] == 'S') {
        parse_hex(&p, &value); /* the signal */
        if (*p == ';')
            p++;
    }
    if (parse_hex(&p, &value)) {
        if (!reg_write_allowed(REG_PC, value, arm_reg(stub->board->uc, UC_ARM_REG_CPSR))) {
            strcpy(stub->reply, "E01");
            return ACT_NONE;
        }
        set_reg_value(stub->board, REG_PC, value);
    }
    return act;
}

static action_t handle_packet(gdb_stub_t *stub)
{
    const char *p = stub->packet;
    stub->reply[0] = '\0';
    switch (p[0]) {
    case '?': stop_reply(stub, stub->last_signal); break;
    case 'g': read_registers(stub); break;
    case 'G': write_registers(stub, p + 1); break;
    case 'p': read_register(stub, p + 1); break;
    case 'P': write_register(stub, p + 1); break;
    case 'm': read_memory(stub, p + 1); break;
    case 'M': write_memory(stub, p + 1); break;
    case 'Z': case 'z': breakpoint_packet(stub, p); break;
    case 'c': case 'C': case 's': case 'S': return resume_packet(stub, p);
    case 'b': return reverse_packet(stub, p);
    case 'k': return ACT_KILL;
    case 'D': strcpy(stub->reply, "OK"); return ACT_DETACH;
    case 'H': case 'T': strcpy(stub->reply, "OK"); break; /* one thread, always alive */
    case 'q': query(stub, p); break;
    case 'v':
        if (strncmp(p, "vKill", 5) == 0) {
            strcpy(stub->reply, "OK"); /* unlike k, vKill wants an answer */
            return ACT_KILL;
        }
        break; /* vCont?, vMustReplyEmpty and the rest: plain c and s instead */
    default: break; /* X (binary write) and others: not supported, GDB falls back */
    }
    return ACT_NONE;
}

/* With no packet to answer (a detach, a new board after a reboot), a failure can
 * only be told on stderr. */
static void set_breakpoint_or_say(sim_board_t *board, uint32_t addr, bool on)
{
    sim_error_t e = sim_board_set_breakpoint(board, addr, on);
    if (e != SIM_OK)
        fprintf(stderr, "numbat-sim: breakpoint at 0x%08x: %s\n", addr, sim_error_text(e));
}

static void set_watchpoint_or_say(sim_board_t *board, const gdb_watchpoint_t *w, bool on)
{
    sim_error_t e = sim_board_set_watchpoint(board, w->addr, w->len, w->kind, on);
    if (e != SIM_OK)
        fprintf(stderr, "numbat-sim: watchpoint at 0x%08x: %s\n", w->addr, sim_error_text(e));
}

/* GDB let go: the guest runs on to its end without breakpoints. */
static sim_result_t detach(gdb_stub_t *stub)
{
    sim_board_t *board = stub->board;
    for (size_t i = 0; i < stub->breakpoint_count; i++)
        set_breakpoint_or_say(board, stub->breakpoints[i], false);
    stub->breakpoint_count = 0;
    for (size_t i = 0; i < stub->watchpoint_count; i++)
        set_watchpoint_or_say(board, &stub->watchpoints[i], false);
    stub->watchpoint_count = 0;
    board_watch_reconcile(board); /* no memory hooks left to slow the rest of the run */
    hang_up(stub);
    return stub->ended ? sim_board_result(board) : sim_board_run(board);
}

sim_result_t gdb_stub_run(gdb_stub_t *stub, sim_board_t *board)
{
    stub->board = board;
    stub->ended = false;
    for (size_t i = 0; i < stub->breakpoint_count; i++)
        set_breakpoint_or_say(board, stub->breakpoints[i], true);
    for (size_t i = 0; i < stub->watchpoint_count; i++)
        set_watchpoint_or_say(board, &stub->watchpoints[i], true);
    action_t act = stub->pending;
    stub->pending = ACT_NONE;
    sim_result_t result;
    for (;;) {
        if ((act == ACT_CONTINUE || act == ACT_STEP) && resume(stub, act, &result))
            return result;
        if (act == ACT_REVERSE_CONTINUE || act == ACT_REVERSE_STEP)
            reverse(stub, act);
        if (act == ACT_KILL)
            return stub->ended ? sim_board_result(board) : killed("killed by the debugger");
        if (act == ACT_DETACH)
            return detach(stub);
        if (read_packet(stub) < 0)
            return killed("the debugger went away");
        act = handle_packet(stub);
        if (act == ACT_NONE || ((act == ACT_DETACH || act == ACT_KILL) && stub->reply[0]))
            send_packet(stub, stub->reply); /* if GDB has gone, the next read says so */
    }
}

/* ---- the connection ----------------------------------------------------------------- */

/* The TCP link: its context is the socket's file descriptor. */
static ssize_t socket_recv(void *ctx, uint8_t *buf, size_t len, bool wait)
{
    int fd = (int)(intptr_t)ctx;
    ssize_t n;
    do
        n = recv(fd, buf, len, wait ? 0 : MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    if (n < 0 && !wait && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    return n > 0 ? n : -1; /* 0: GDB closed the connection */
}

static int socket_send(void *ctx, const char *data, size_t len)
{
    int fd = (int)(intptr_t)ctx;
    while (len > 0) {
        /* MSG_NOSIGNAL: a GDB that went away must not kill us with SIGPIPE. */
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static void socket_close(void *ctx)
{
    close((int)(intptr_t)ctx);
}

static int listen_on(unsigned port, unsigned *bound, char *err, size_t err_len)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t a_len = sizeof(a);
    /* SO_REUSEADDR: a port still in TIME_WAIT from the last session is free. */
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
        bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(fd, 1) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &a_len) != 0) {
        snprintf(err, err_len, "--gdb %u: cannot listen on 127.0.0.1:%u: %s", port, port,
                 strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *bound = ntohs(a.sin_port);
    return fd;
}

gdb_stub_t *gdb_stub_open(unsigned port, char *err, size_t err_len)
{
    unsigned bound = 0;
    if (port > 65535) {
        snprintf(err, err_len, "--gdb %u: a TCP port is 0 to 65535", port);
        return NULL;
    }
    int listen_fd = listen_on(port, &bound, err, err_len);
    if (listen_fd < 0)
        return NULL;
    fprintf(stderr, "numbat-sim: waiting for GDB on 127.0.0.1:%u\n", bound);
    int fd;
    do
        fd = accept(listen_fd, NULL, NULL);
    while (fd < 0 && errno == EINTR);
    int accept_errno = errno;
    close(listen_fd); /* one debugger per run */
    gdb_link_t link = {socket_recv, socket_send, socket_close, (void *)(intptr_t)fd};
    gdb_stub_t *stub = fd >= 0 ? gdb_stub_create(link) : NULL;
    if (!stub) {
        snprintf(err, err_len, "--gdb %u: %s", bound,
                 fd < 0 ? strerror(accept_errno) : "out of memory");
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)); /* small packets, sent now */
    return stub;
}

gdb_stub_t *gdb_stub_create(gdb_link_t link)
{
    gdb_stub_t *stub = calloc(1, sizeof(*stub));
    if (!stub)
        return NULL;
    stub->link = link;
    stub->connected = true;
    stub->last_signal = GDB_SIGTRAP;
    return stub;
}

void gdb_stub_close(gdb_stub_t *stub)
{
    if (!stub)
        return;
    hang_up(stub);
    free(stub);
}

/*
 * tests/sim/test_gdbstub.c - the GDB stub fed raw remote-protocol bytes through a
 * scripted link (no socket): each reply checked, register writes the CPU cannot
 * take (an invalid CPSR mode once aborted the process) refused, and whole
 * sessions, scripted and random, survived. The board runs a three-instruction
 * loop. Partners: sim/gdbstub.c, docs/gdb.md.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arm_cpu.h"
#include "board_internal.h"
#include "gdbstub.h"

#define CODE BOARD_RAM_BASE
#define LOOP (CODE + 4)
#define MAX_INSNS 100000u /* a continue ends here: SIGXCPU */
#define SCRIPT_MAX 65536
#define MAX_REPLIES 1024

/* mov r0, #0; loop: add r0, r0, #1; b loop */
static const uint32_t program[] = {0xE3A00000u, 0xE2800001u, 0xEAFFFFFDu};

/* What "GDB" sends, byte by byte, and everything the stub sent back. */
typedef struct script {
    char bytes[SCRIPT_MAX];
    size_t len, pos;
    bool ack_owed; /* the stub sent a packet: GDB acks it before anything else */
    char sent[SCRIPT_MAX];
    size_t sent_len;
} script_t;

static sim_board_t *board;
static elf_image_t image;
static elf_segment_t segment;
static script_t script;
static char *replies[MAX_REPLIES];
static size_t reply_count;

/*
 * One byte a call, as a real GDB's packet arrives before it sends the next: while
 * the guest runs (no wait) only a Ctrl-C is ready. The end of the script is GDB
 * going away.
 */
static ssize_t script_recv(void *ctx, uint8_t *buf, size_t len, bool wait)
{
    script_t *s = ctx;
    (void)len;
    if (!wait)
        return s->pos < s->len && s->bytes[s->pos] == 0x03 ? (buf[0] = 0x03, s->pos++, 1) : 0;
    if (s->ack_owed) {
        s->ack_owed = false;
        buf[0] = '+';
        return 1;
    }
    if (s->pos == s->len)
        return -1;
    buf[0] = (uint8_t)s->bytes[s->pos++];
    return 1;
}

static int script_send(void *ctx, const char *data, size_t len)
{
    script_t *s = ctx;
    cr_assert_lt(s->sent_len + len, sizeof(s->sent), "the stub sent too much");
    memcpy(s->sent + s->sent_len, data, len);
    s->sent_len += len;
    if (data[0] == '$')
        s->ack_owed = true;
    return 0;
}

static void script_close(void *ctx)
{
    (void)ctx;
}

static void add_raw(const char *bytes)
{
    size_t n = strlen(bytes);
    cr_assert_lt(script.len + n, sizeof(script.bytes));
    memcpy(script.bytes + script.len, bytes, n);
    script.len += n;
}

/* Frames one packet: $data#checksum. */
static void add_packet(const char *data)
{
    unsigned sum = 0;
    for (const char *c = data; *c; c++)
        sum += (unsigned char)*c;
    char tail[4];
    snprintf(tail, sizeof(tail), "#%02x", sum & 0xFFu);
    add_raw("$");
    add_raw(data);
    add_raw(tail);
}

/* The payload of each packet the stub sent, in order, into replies[]. */
static void collect_replies(void)
{
    for (size_t i = 0; i < script.sent_len; i++) {
        if (script.sent[i] != '$')
            continue;
        const char *end = memchr(script.sent + i, '#', script.sent_len - i);
        cr_assert_not_null(end, "an unterminated packet from the stub");
        cr_assert_lt(reply_count, MAX_REPLIES);
        replies[reply_count++] = strndup(script.sent + i + 1, (size_t)(end - script.sent) - i - 1);
        i = (size_t)(end - script.sent) + 2;
    }
}

/* Runs the stub on the packets (NULL-terminated) until the run ends or they do. */
static sim_result_t run_packets(const char *const packets[])
{
    for (size_t i = 0; packets[i]; i++)
        add_packet(packets[i]);
    gdb_link_t link = {script_recv, script_send, script_close, &script};
    gdb_stub_t *stub = gdb_stub_create(link);
    cr_assert_not_null(stub);
    sim_result_t r = gdb_stub_run(stub, board);
    gdb_stub_close(stub);
    collect_replies();
    return r;
}

static const char *reply(size_t i)
{
    cr_assert_lt(i, reply_count, "only %zu replies", reply_count);
    return replies[i];
}

/* A register value as GDB writes it: 8 hex digits, little-endian. */
static const char *le32(uint32_t v)
{
    static char text[8][9];
    static unsigned next;
    char *t = text[next++ % 8];
    snprintf(t, 9, "%02x%02x%02x%02x", v & 0xFF, v >> 8 & 0xFF, v >> 16 & 0xFF, v >> 24);
    return t;
}

static void make_board(void)
{
    sim_options_t o = {.ram_size = BOARD_RAM_DEFAULT, .max_insns = MAX_INSNS};
    char err[256];
    board = sim_board_create(&o, err, sizeof(err));
    cr_assert_not_null(board, "%s", err);
    segment = (elf_segment_t){.paddr = CODE, .vaddr = CODE, .filesz = sizeof(program),
                              .memsz = sizeof(program), .flags = 5, /* R X */
                              .data = (const uint8_t *)program};
    image = (elf_image_t){.entry = CODE, .segments = &segment, .segment_count = 1};
    cr_assert_eq(sim_board_load(board, &image, err, sizeof(err)), 0, "%s", err);
    memset(&script, 0, sizeof(script));
    reply_count = 0;
}

static void drop_board(void)
{
    for (size_t i = 0; i < reply_count; i++)
        free(replies[i]);
    sim_board_destroy(board);
}

TestSuite(gdbstub, .init = make_board, .fini = drop_board);

/* ---- the harness itself ---------------------------------------------------------- */

Test(gdbstub, answers_each_packet_and_ends_when_gdb_goes)
{
    const char *packets[] = {"qSupported:swbreak+", "pf", "s", "pf", NULL};
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_KILLED);
    cr_expect_str_eq(r.reason, "the debugger went away");
    cr_expect(strstr(reply(0), "PacketSize=") != NULL, "%s", reply(0));
    cr_expect_str_eq(reply(1), le32(CODE));
    cr_expect_eq(strncmp(reply(2), "T05", 3), 0, "%s", reply(2));
    cr_expect_str_eq(reply(3), le32(LOOP));
}

Test(gdbstub, bad_checksum_is_refused_and_the_packet_resent)
{
    add_raw("$pf#00");
    const char *packets[] = {"pf", NULL};
    run_packets(packets);
    cr_expect_eq(script.sent[0], '-', "a bad checksum wants a NAK: %.*s", 8, script.sent);
    cr_expect_eq(reply_count, 1);
    cr_expect_str_eq(reply(0), le32(CODE));
}

Test(gdbstub, continue_runs_to_the_limit_and_a_second_one_ends_the_run)
{
    const char *packets[] = {"c", "c", NULL};
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_INSN_LIMIT);
    cr_expect_eq(strncmp(reply(0), "T18", 3), 0, "SIGXCPU wanted: %s", reply(0));
    cr_expect_str_eq(reply(1), "X18");
}

Test(gdbstub, ctrl_c_stops_a_continue)
{
    add_packet("c");
    add_raw("\x03");
    const char *packets[] = {"k", NULL};
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_KILLED);
    cr_expect_eq(strncmp(reply(0), "T02", 3), 0, "SIGINT wanted: %s", reply(0));
}

/* ---- register writes the CPU cannot take ------------------------------------------ */

/* GDB's `set $cpsr = 0x10` and then `set $cpsr = 0`: Unicorn aborted the process. */
Test(gdbstub, cpsr_with_mode_zero_is_refused_after_user_mode)
{
    const char *packets[] = {"P10=10000000", "P10=00000000", "p10", "s", "p10", NULL};
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_KILLED);
    cr_expect_str_eq(reply(0), "OK");
    cr_expect_str_eq(reply(1), "E01");
    cr_expect_str_eq(reply(2), "10000000", "the refused write changed the CPSR");
    cr_expect_eq(strncmp(reply(3), "T05", 3), 0, "the CPU no longer steps: %s", reply(3));
    cr_expect_eq(strtoul(reply(4), NULL, 16) & 0xFF000000u, 0x10000000u, "%s", reply(4));
}

static bool mode_valid(uint32_t mode)
{
    return mode == ARM_MODE_USR || mode == ARM_MODE_FIQ || mode == ARM_MODE_IRQ ||
           mode == ARM_MODE_SVC || mode == ARM_MODE_ABT || mode == ARM_MODE_UND ||
           mode == ARM_MODE_SYS;
}

/* From each valid mode, each of the 32 mode values: valid ones taken, others refused. */
Test(gdbstub, only_the_seven_modes_are_accepted_from_any_mode)
{
    static char packets[7 * 32 * 2][16];
    static uint32_t modes[7 * 32 * 2];
    const char *list[7 * 32 * 2 + 1];
    size_t n = 0;
    for (uint32_t from = 0; from < 32; from++) {
        for (uint32_t to = 0; mode_valid(from) && to < 32; to++) {
            /* First into `from` (always taken), then try `to`. */
            modes[n] = from;
            modes[n + 1] = to;
            for (size_t k = n; k < n + 2; k++) {
                snprintf(packets[k], sizeof(packets[k]), "P10=%s", le32(0x1C0u | modes[k]));
                list[k] = packets[k];
            }
            n += 2;
        }
    }
    list[n] = NULL;
    run_packets(list);
    cr_assert_eq(reply_count, n);
    for (size_t i = 0; i < n; i += 2) {
        cr_expect_str_eq(reply(i), "OK", "into mode 0x%02x", modes[i]);
        cr_expect_str_eq(reply(i + 1), mode_valid(modes[i + 1]) ? "OK" : "E01",
                         "mode 0x%02x from 0x%02x", modes[i + 1], modes[i]);
    }
}

/* A refused G packet writes none of its registers. */
Test(gdbstub, g_packet_with_a_bad_cpsr_changes_nothing)
{
    static char g[8 * 17 + 2];
    char *p = g + sprintf(g, "G");
    for (uint32_t i = 0; i < 16; i++)
        p += sprintf(p, "%s", le32(i == 15 ? CODE : 0x1000u + i));
    sprintf(p, "%s", le32(0x1D6u)); /* Monitor mode: not on this board */
    const char *packets[] = {"p10", g, "p0", "p10", NULL};
    run_packets(packets);
    cr_expect_str_eq(reply(1), "E01");
    cr_expect_str_eq(reply(2), le32(0), "r0 was written");
    cr_expect_str_eq(reply(3), reply(0), "the CPSR was written");
}

Test(gdbstub, cpsr_states_the_simulator_cannot_run_are_refused)
{
    const char *packets[] = {
        "P10=d3010001", /* J: Jazelle */
        "P10=f3010001", /* J and T: ThumbEE */
        "P10=d3040000", /* IT bits in ARM state */
        "P10=f3040000", /* IT bits in Thumb state: allowed */
        "P10=f3010000", /* Thumb */
        "P10=d3010000", /* back to ARM */
        NULL,
    };
    run_packets(packets);
    cr_expect_str_eq(reply(0), "E01");
    cr_expect_str_eq(reply(1), "E01");
    cr_expect_str_eq(reply(2), "E01");
    cr_expect_str_eq(reply(3), "OK");
    cr_expect_str_eq(reply(4), "OK");
    cr_expect_str_eq(reply(5), "OK");
}

/* In ARM state the PC is a word address; bit 0 is GDB's Thumb bit and is dropped. */
Test(gdbstub, pc_not_word_aligned_in_arm_state_is_refused)
{
    const char *packets[] = {"Pf=02000080", "c80000006", "pf", "Pf=05000080", "pf", NULL};
    run_packets(packets);
    cr_expect_str_eq(reply(0), "E01");
    cr_expect_str_eq(reply(1), "E01", "continue at a bad address");
    cr_expect_str_eq(reply(2), le32(CODE));
    cr_expect_str_eq(reply(3), "OK");
    cr_expect_str_eq(reply(4), le32(LOOP));
}

/* ---- whole sessions ----------------------------------------------------------------- */

/*
 * Modelled on a reported 35-packet session of register and memory writes,
 * breakpoints and continues that crashed numbat-sim inside Unicorn: every packet
 * gets its answer, the refused writes change nothing, and the run ends cleanly.
 */
Test(gdbstub, a_session_of_writes_breakpoints_and_continues_survives)
{
    static char g_good[8 * 17 + 2], g_hyp[8 * 17 + 2];
    char *p = g_good + sprintf(g_good, "G");
    char *q = g_hyp + sprintf(g_hyp, "G");
    for (uint32_t i = 0; i < 16; i++) {
        uint32_t v = i == 15 ? LOOP : i == 13 ? CODE + 0x1000 : 0x100u * i;
        p += sprintf(p, "%s", le32(v));
        q += sprintf(q, "%s", le32(v));
    }
    sprintf(p, "%s", le32(0x1D3u));
    sprintf(q, "%s", le32(0x1DAu));
    const char *packets[] = {
        "qSupported:multiprocess+;swbreak+", "Hg0", "qXfer:features:read:target.xml:0,ffb",
        "?", "g",
        "P0=78563412", "Pd=00100080", "Pe=04000080",    /* r0, sp, lr */
        "P10=10000000", "P10=1a000000", "P10=16000000", /* user; Hyp and Monitor refused */
        "P10=00000000", "p10",                          /* mode 0 refused: still user */
        "M80000008,4:feffffea", "m80000000,c",          /* the loop becomes "b ." */
        "Z0,80000004,4", "c", "pf", "z0,80000004,4",    /* stop at the add */
        "Z0,80000008,4", "c", "s",                      /* then at the b . */
        g_good, g_hyp, "P10=d3010001", "Pf=02000080",   /* refused: Hyp, J, odd PC */
        "M1c090000,4:41000000", "Z0,1c090000,4",        /* a device: not writable */
        "z0,80000008,4", "Z1,80000000,4",
        "c",                                            /* the b . runs to the limit */
        "g", "P10=10000000", "c", "k",
        NULL,
    };
    size_t count = 0;
    while (packets[count])
        count++;
    cr_assert_eq(count, 35);
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_INSN_LIMIT, "the run ended as %d: %s", r.kind, r.reason);
    /* Every packet up to the last c is answered; k comes after the end. */
    cr_assert_eq(reply_count, 34, "%zu replies", reply_count);
    const char *expected[] = {
        [5] = "OK", [6] = "OK", [7] = "OK", [8] = "OK", [9] = "E01", [10] = "E01",
        [11] = "E01", [12] = "10000000", [13] = "OK", [14] = "0000a0e3010080e2feffffea",
        [15] = "OK", [17] = "04000080", [18] = "OK", [19] = "OK", [22] = "OK", [23] = "E01",
        [24] = "E01", [25] = "E01", [26] = "E14", [27] = "OK", [28] = "OK", [29] = "OK",
        [32] = "OK", [33] = "X18",
    };
    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
        if (expected[i])
            cr_expect_str_eq(reply(i), expected[i], "reply to %s", packets[i]);
    cr_expect_eq(strncmp(reply(16), "T050f:04000080", 14), 0, "%s", reply(16));
    cr_expect_eq(strncmp(reply(20), "T050f:08000080", 14), 0, "%s", reply(20));
    cr_expect_eq(strncmp(reply(21), "T050f:08000080", 14), 0, "b . steps to itself: %s",
                 reply(21));
    cr_expect_eq(strncmp(reply(30), "T18", 3), 0, "SIGXCPU wanted: %s", reply(30));
}

/* A small deterministic generator, so a failing sequence can be replayed. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8 ^ *state << 13;
}

/* An address GDB might send: in the program, elsewhere in RAM, or anywhere. */
static uint32_t random_address(uint32_t *rng)
{
    switch (next_random(rng) % 3) {
    case 0: return CODE + next_random(rng) % 16;
    case 1: return CODE + next_random(rng) % 0x20000;
    default: return next_random(rng);
    }
}

/* One packet of the kinds a debugger sends, with values from anywhere. */
static void random_packet(uint32_t *rng, char *out)
{
    switch (next_random(rng) % 10) {
    case 0: sprintf(out, "P%x=%s", next_random(rng) % 32, le32(next_random(rng))); break;
    case 1: sprintf(out, "P10=%s", le32(next_random(rng) & 0xFF0FFFFFu)); break;
    case 2: {
        char *p = out + sprintf(out, "G");
        for (int i = 0; i < 17; i++)
            p += sprintf(p, "%s", le32(i == 15 ? random_address(rng) : next_random(rng)));
        break;
    }
    case 3: {
        char *p = out + sprintf(out, "M%x,4:", random_address(rng));
        sprintf(p, "%s", le32(next_random(rng)));
        break;
    }
    case 4: sprintf(out, "m%x,%x", random_address(rng), next_random(rng) % 0x2000); break;
    case 5: sprintf(out, "Z%u,%x,4", next_random(rng) % 2, random_address(rng)); break;
    case 6: sprintf(out, "z0,%x,4", random_address(rng)); break;
    case 7: sprintf(out, "s"); break;
    case 8: sprintf(out, "c"); break;
    default: sprintf(out, "c%x", random_address(rng)); break;
    }
}

/* The stub must answer and go on whatever comes, and the run end normally. */
Test(gdbstub, random_packet_sequences_are_survived, .timeout = 120)
{
    enum { SESSIONS = 300, PACKETS = 35 };
    static char packets[PACKETS][8 * 17 + 2];
    cr_redirect_stderr(); /* the crash stops are reported there, many times */
    for (uint32_t session = 0; session < SESSIONS; session++) {
        uint32_t rng = session;
        const char *list[PACKETS + 1];
        for (int i = 0; i < PACKETS; i++) {
            random_packet(&rng, packets[i]);
            list[i] = packets[i];
        }
        list[PACKETS] = NULL;
        drop_board();
        make_board();
        sim_result_t r = run_packets(list);
        cr_assert(r.kind == SIM_EXIT_KILLED || r.kind == SIM_EXIT_INSN_LIMIT ||
                      r.kind == SIM_EXIT_CRASH || r.kind == SIM_EXIT_LOCKUP,
                  "session %u ended as %d: %s", session, r.kind, r.reason);
    }
}

/* Malformed packets, each answered with an error or "not supported", and the stub
   still serves the next one (tests/fuzz-host/fuzz_gdb.c feeds it any bytes). */
#define PACKET_OVER 4200 /* more than the PacketSize the stub announces (4096) */
Test(gdbstub, malformed_packets_get_an_error_and_the_session_goes_on)
{
    static char oversized[PACKET_OVER + 1];
    memset(oversized, 'm', PACKET_OVER);
    add_raw("$"); /* refused with a NAK, not stored past the end */
    add_raw(oversized);
    add_raw("#00");
    add_raw("$p0#zz"); /* a checksum that is not hex: NAK */
    const char *packets[] = {"m", "m80000000", "m80000000,", "M80000000,4:00", "M80000000,2:zzzz",
                             "P", "P0", "P0=1", "Pffffffff=00000000", "pzz", "G00", "Z0", "Z0,",
                             "qXfer:features:read:target.xml:", "qXfer:features:read:target.xml:ffffff,10",
                             "qXfer:features:read:other.xml:0,10", "vCont;c", "X80000000,0:",
                             "\x7f\x01", "pf", NULL};
    run_packets(packets);
    cr_expect_eq(script.sent[0], '-', "the oversized packet is NAKed: %.8s", script.sent);
    cr_expect_eq(script.sent[1], '-', "so is the bad checksum: %.8s", script.sent);
    cr_assert_eq(reply_count, sizeof(packets) / sizeof(packets[0]) - 1, "one reply each");
    for (size_t i = 0; i <= 13; i++)
        cr_expect_str_eq(reply(i), "E01", "packet %zu (%s)", i, packets[i]);
    cr_expect_str_eq(reply(14), "l", "an offset past the end reads nothing");
    cr_expect_str_eq(reply(15), "E00");
    cr_expect_str_eq(reply(16), "");
    cr_expect_str_eq(reply(reply_count - 1), le32(CODE), "the last pf is answered");
}

/* ---- watchpoints ------------------------------------------------------------------- */

/* Z2-Z4 and z2-z4: ADDR,LENGTH parsed, bad ranges refused, a full table said so. */
Test(gdbstub, watchpoint_packets_are_parsed_and_checked)
{
    const char *packets[] = {
        "Z2,80001000,4", "Z3,80001000,4", "Z4,80001000,8", /* write, read, access */
        "z3,80001000,4", "z3,80001000,4",                  /* removed; again is no error */
        "Z2,80001000", "Z2,80001000,", "Z2,80001000,0",    /* no length, or none at all */
        "Z2,fffffffe,4", "Z2,80001000,4x",                 /* past 4 GiB; junk after */
        "Z5,80001000,4", "z9,80001000,4",                  /* unknown types: not supported */
        "z2,80001000,4", "z4,80001000,8", NULL,
    };
    run_packets(packets);
    cr_assert_eq(reply_count, 14, "%zu replies", reply_count);
    const char *expected[] = {"OK", "OK", "OK", "OK", "OK", "E01", "E01", "E01",
                              "E01", "E01", "", "", "OK", "OK"};
    for (size_t i = 0; i < 14; i++)
        cr_expect_str_eq(reply(i), expected[i], "packet %zu (%s)", i, packets[i]);
    cr_expect_eq(board->watchpoint_count, 0, "every watchpoint was removed");
}

Test(gdbstub, a_full_watchpoint_table_is_refused)
{
    static char text[BOARD_MAX_WATCHPOINTS + 1][32];
    const char *packets[BOARD_MAX_WATCHPOINTS + 2];
    for (unsigned i = 0; i <= BOARD_MAX_WATCHPOINTS; i++) {
        snprintf(text[i], sizeof(text[i]), "Z2,%x,4", 0x80001000u + 4 * i);
        packets[i] = text[i];
    }
    packets[BOARD_MAX_WATCHPOINTS + 1] = NULL;
    run_packets(packets);
    cr_assert_eq(reply_count, BOARD_MAX_WATCHPOINTS + 1);
    for (unsigned i = 0; i < BOARD_MAX_WATCHPOINTS; i++)
        cr_expect_str_eq(reply(i), "OK");
    cr_expect_str_eq(reply(BOARD_MAX_WATCHPOINTS), "E0e", "GDB: cannot insert");
}

/*
 * A store to a watched word stops a continue with the remote protocol's watch stop
 * reason and the address; a read watchpoint on the same word is not set off by the
 * store. The loop becomes "str r0, [sp]; b ." style: str at 4, b back to it at 8. This
 * board keeps no history, so the stop is at the block boundary after the store, which
 * here is the store again (the loop is one block).
 */
Test(gdbstub, a_watched_store_stops_with_the_watch_reason)
{
    const char *packets[] = {
        "Pd=00100080", "M80000004,4:00008de5", /* sp = 0x80001000; str r0, [sp] */
        "Z2,80001000,4", "c", "z2,80001000,4",
        "Z3,80001000,4", "c", "k", NULL,
    };
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_INSN_LIMIT, "the run ended as %d: %s", r.kind, r.reason);
    cr_assert_geq(reply_count, 7, "%zu replies", reply_count);
    cr_expect_str_eq(reply(3), "T05watch:80001000;0f:04000080;");
    cr_expect_str_eq(reply(4), "OK");
    cr_expect_str_eq(reply(5), "OK");
    cr_expect(strncmp(reply(6), "T18", 3) == 0, "no read: the run goes to its limit: %s", reply(6));
    cr_expect(strstr(reply(6), "watch") == NULL, "%s", reply(6));
}

/* A load sets off read and access watchpoints (rwatch, awatch), not write ones. */
Test(gdbstub, a_watched_load_stops_read_and_access_watchpoints)
{
    const char *packets[] = {
        "Pd=00100080", "M80000004,4:00009de5", /* sp = 0x80001000; ldr r0, [sp] */
        "Z2,80001000,4", "Z3,80001002,2", "c", "z3,80001002,2", /* the load's last 2 bytes */
        "Z4,80000ffc,8", "c", "z4,80000ffc,8", "c", "k", NULL,
    };
    sim_result_t r = run_packets(packets);
    cr_expect_eq(r.kind, SIM_EXIT_INSN_LIMIT, "the run ended as %d: %s", r.kind, r.reason);
    cr_assert_geq(reply_count, 9, "%zu replies", reply_count);
    cr_expect_str_eq(reply(4), "T05rwatch:80001002;0f:04000080;");
    cr_expect_str_eq(reply(7), "T05awatch:80001000;0f:04000080;");
    cr_expect(strncmp(reply(9), "T18", 3) == 0, "a write watchpoint: no stop: %s", reply(9));
}

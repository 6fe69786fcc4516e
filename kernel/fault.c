/*
 * kernel/fault.c - what happens when a user thread faults. seL4 sends the fault
 * as a message to the thread's fault endpoint; until endpoint IPC exists no
 * fault can be delivered, so every fault takes seL4's "no handler" path: the
 * thread becomes inactive. Numbat also reports it on the console, so a student
 * sees why the thread stopped. Partners: fault.h, arch/arm/entry.c, syscall.c.
 */
#include "fault.h"

#include "arch.h"
#include "sched.h"

static const char *fault_name(fault_kind_t kind)
{
    switch (kind) {
    case FAULT_CAP: return "capability fault";
    case FAULT_VM_DATA: return "data fault";
    case FAULT_VM_INSTRUCTION: return "instruction fault";
    case FAULT_USER_EXCEPTION: return "undefined instruction";
    case FAULT_UNKNOWN_SYSCALL: return "unknown system call";
    }
    return "fault";
}

static const char *lookup_name(uint32_t type)
{
    static const char *names[] = {"no failure", "invalid root", "missing capability",
                                  "depth mismatch", "guard mismatch"};
    return type < 5 ? names[type] : "?";
}

static void report(const tcb_t *t, const fault_t *f)
{
    kprintf("numbat: thread '%s' stopped: %s", t->name, fault_name(f->kind));
    switch (f->kind) {
    case FAULT_VM_DATA:
    case FAULT_VM_INSTRUCTION:
        kprintf(" at address 0x%08x (FSR 0x%03x)", f->address, f->status);
        break;
    case FAULT_UNKNOWN_SYSCALL:
        kprintf(" %d", (int32_t)f->address);
        break;
    case FAULT_CAP:
        kprintf(" on cptr 0x%x (%s, %u bits left%s)", f->address, lookup_name(f->lookup.type),
                f->lookup.bits_left, f->status ? ", receiving" : "");
        break;
    case FAULT_USER_EXCEPTION:
        break;
    }
    kprintf(", pc 0x%08x, no fault handler\n", f->pc);
    arch_print_context(&t->context);
}

NORETURN void handle_user_fault(const fault_t *fault)
{
    report(current_thread, fault);
    thread_suspend(current_thread);
    schedule_and_exit();
}

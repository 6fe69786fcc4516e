/*
 * arch/arm/drivers/sysreg.c - the Versatile Express system registers' SYS_CFG
 * interface: write the data, then start a write of function SHUTDOWN to the
 * motherboard (site 0, position 0, device 0). QEMU and numbat-sim both honour it;
 * numbat-sim also exits with SYS_CFGDATA as the status. Partner: drivers.h.
 */
#include <arch/cpu.h>

#include "drivers.h"

#define SYS_CFGDATA 0xA0
#define SYS_CFGCTRL 0xA4
#define CFGCTRL_START (1u << 31)
#define CFGCTRL_WRITE (1u << 30)
#define CFGCTRL_FUNCTION_SHIFT 20
#define CFG_FUNCTION_SHUTDOWN 8u

void sysreg_shutdown(uintptr_t base, uint32_t status)
{
    mmio_write32(base + SYS_CFGDATA, status);
    mmio_write32(base + SYS_CFGCTRL,
                 CFGCTRL_START | CFGCTRL_WRITE | (CFG_FUNCTION_SHUTDOWN << CFGCTRL_FUNCTION_SHIFT));
}

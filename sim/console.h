/*
 * sim/console.h - the host terminal as UART0's other end: output bytes to stdout,
 * input from stdin (raw mode while it is a terminal, restored at exit).
 * Partners: console.c, cli/numbat-sim.c.
 */
#ifndef SIM_CONSOLE_H
#define SIM_CONSOLE_H

#include "board.h"

sim_chardev_t console_output(void);
/* Input from stdin; a closed or exhausted stdin ends input quietly. */
sim_input_t console_input(void);
void console_flush(void);

#endif

/*
 * labs/06-interrupts/sp804.h - the ARM SP804 dual timer as the vexpress board wires
 * it (ARM DDI 0271): the second SP804 (timers 2 and 3) at physical 0x1C120000, its
 * interrupt on GIC line 35 (SPI 3); the first one (timers 0 and 1, line 34) is the
 * kernel's tick. Both timers count down at 1 MHz. Register offsets are in 32-bit
 * words from the base of the timer's 4 KiB page.
 */
#ifndef LAB6_SP804_H
#define LAB6_SP804_H

#define SP804_PADDR 0x1C120000u /* timers 2 and 3 */
#define SP804_IRQ 35u           /* their interrupt line */
#define SP804_HZ 1000000u       /* counts per second */

/* Timer 2: words 0-7 of the page; timer 3: the same registers from word 8. */
enum {
    SP804_LOAD = 0,    /* the value the counter (re)starts from */
    SP804_VALUE = 1,   /* the counter now (read only) */
    SP804_CONTROL = 2, /* the bits below */
    SP804_INTCLR = 3,  /* write anything: clears the interrupt */
    SP804_RIS = 4,     /* bit 0: the counter reached 0 (interrupt raised) */
    SP804_TIMER3 = 8,  /* add to reach timer 3's registers */
};

#define SP804_ENABLE (1u << 7)
#define SP804_PERIODIC (1u << 6) /* reload from LOAD at 0 (else free-running) */
#define SP804_INTEN (1u << 5)
#define SP804_32BIT (1u << 1)
#define SP804_ONESHOT (1u << 0)

#endif

/*
 * kernel/domain.h - the domain cap's one invocation, DomainSet_Set (spec 8.6).
 * Numbat has a single scheduling domain (0), so a valid call changes nothing.
 * Partners: domain.c, object.c (dispatch).
 */
#ifndef KERNEL_DOMAIN_H
#define KERNEL_DOMAIN_H

#include "invocation.h"

typedef struct domain_op {
    tcb_t *tcb;
    uint32_t domain;
} domain_op_t;

seL4_Error decode_domain(invocation_t *inv, domain_op_t *op);
invoke_status_t invoke_domain(invocation_t *inv, const domain_op_t *op);

#endif

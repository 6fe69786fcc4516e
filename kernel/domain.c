/*
 * kernel/domain.c - DomainSet_Set (spec 8.6): the checks seL4 makes, against a
 * system with one domain. Partner: domain.h.
 */
#include "domain.h"

#include <sel4/invocation.h>
#include <sel4/invocation_args.h>

#define DOMAIN_COUNT 1u
/* A Uint8 alone in its MR (sel4/invocation_args.h). */
#define DOMAIN_ARG(word) ((word) & ((1u << SEL4_ARG_UINT8_BITS) - 1))

seL4_Error decode_domain(invocation_t *inv, domain_op_t *op)
{
    if (inv->label != DomainSetSet)
        return seL4_IllegalOperation;
    if (inv->length < 1 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    op->domain = DOMAIN_ARG(inv_mr(inv, 0));
    if (op->domain >= DOMAIN_COUNT)
        return inv_invalid_argument(inv, 0);
    cap_t t = inv_extra_cap(inv, 0);
    if (cap_type(t) != CAP_THREAD)
        return inv_invalid_argument(inv, 1);
    op->tcb = cap_ptr(t);
    return seL4_NoError;
}

invoke_status_t invoke_domain(invocation_t *inv, const domain_op_t *op)
{
    (void)inv;
    (void)op; /* every thread is in domain 0 already */
    return INVOKE_DONE;
}

/*
 * lib/fmt.c - the formatting engine behind kprintf and the runtime's printf.
 * No floating point: neither the kernel nor the labs need it. Partner: fmt.h.
 */
#include "fmt.h"

#include <stdint.h>

typedef struct spec {
    int left;   /* '-' flag */
    int zero;   /* '0' flag */
    int width;
    int longs;  /* number of 'l' (z counts as one) */
} spec_t;

typedef struct out {
    fmt_putc_t putc;
    void *ctx;
    int count;
} out_t;

static void emit(out_t *o, char c)
{
    o->putc(o->ctx, c);
    o->count++;
}

static void pad(out_t *o, int n, char c)
{
    while (n-- > 0)
        emit(o, c);
}

/* Emits text of length len, padded to the spec's width. */
static void emit_padded(out_t *o, const spec_t *s, const char *text, int len, int negative)
{
    int total = len + negative;
    if (!s->left && !s->zero)
        pad(o, s->width - total, ' ');
    if (negative)
        emit(o, '-');
    if (!s->left && s->zero)
        pad(o, s->width - total, '0');
    for (int i = 0; i < len; i++)
        emit(o, text[i]);
    if (s->left)
        pad(o, s->width - total, ' ');
}

static void emit_number(out_t *o, const spec_t *s, unsigned long long v, unsigned base, int upper,
                        int negative)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    int n = 0;
    do {
        buf[n++] = digits[v % base];
        v /= base;
    } while (v);
    char text[24];
    for (int i = 0; i < n; i++)
        text[i] = buf[n - 1 - i];
    emit_padded(o, s, text, n, negative);
}

static unsigned long long take_unsigned(const spec_t *s, va_list *ap)
{
    if (s->longs >= 2)
        return va_arg(*ap, unsigned long long);
    if (s->longs == 1)
        return va_arg(*ap, unsigned long);
    return va_arg(*ap, unsigned int);
}

static long long take_signed(const spec_t *s, va_list *ap)
{
    if (s->longs >= 2)
        return va_arg(*ap, long long);
    if (s->longs == 1)
        return va_arg(*ap, long);
    return va_arg(*ap, int);
}

static const char *parse_spec(const char *f, spec_t *s)
{
    for (;; f++) {
        if (*f == '-')
            s->left = 1;
        else if (*f == '0')
            s->zero = 1;
        else
            break;
    }
    while (*f >= '0' && *f <= '9')
        s->width = s->width * 10 + (*f++ - '0');
    while (*f == 'l' || *f == 'z') {
        s->longs++;
        f++;
    }
    return f;
}

static void convert(out_t *o, spec_t *s, char conv, va_list *ap)
{
    switch (conv) {
    case 'd':
    case 'i': {
        long long v = take_signed(s, ap);
        unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
        emit_number(o, s, mag, 10, 0, v < 0);
        break;
    }
    case 'u': emit_number(o, s, take_unsigned(s, ap), 10, 0, 0); break;
    case 'x': emit_number(o, s, take_unsigned(s, ap), 16, 0, 0); break;
    case 'X': emit_number(o, s, take_unsigned(s, ap), 16, 1, 0); break;
    case 'p':
        emit(o, '0');
        emit(o, 'x');
        s->zero = 1;
        s->width = 2 * (int)sizeof(void *);
        emit_number(o, s, (uintptr_t)va_arg(*ap, void *), 16, 0, 0);
        break;
    case 's': {
        const char *str = va_arg(*ap, const char *);
        if (!str)
            str = "(null)";
        int len = 0;
        while (str[len])
            len++;
        s->zero = 0;
        emit_padded(o, s, str, len, 0);
        break;
    }
    case 'c': {
        char c = (char)va_arg(*ap, int);
        s->zero = 0;
        emit_padded(o, s, &c, 1, 0);
        break;
    }
    case '%': emit(o, '%'); break;
    default: /* unknown conversion: show it rather than guess */
        emit(o, '%');
        emit(o, conv);
    }
}

int fmt_vformat(fmt_putc_t putc, void *ctx, const char *fmt, va_list ap)
{
    out_t o = {putc, ctx, 0};
    va_list args;
    va_copy(args, ap);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            emit(&o, *f);
            continue;
        }
        spec_t s = {0, 0, 0, 0};
        f = parse_spec(f + 1, &s);
        if (!*f)
            break;
        convert(&o, &s, *f, &args);
    }
    va_end(args);
    return o.count;
}

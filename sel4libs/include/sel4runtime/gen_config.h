/*
 * sel4libs/include/sel4runtime/gen_config.h - sel4runtime's settings: the bytes a
 * static TLS region needs (sel4runtime.h: sel4runtime_write_tls_image). The runtime
 * checks the image fits (runtime/tls.c: numbat_tls_size). Partner: ../sel4runtime.h.
 */
#ifndef SEL4LIBS_SEL4RUNTIME_GEN_CONFIG_H
#define SEL4LIBS_SEL4RUNTIME_GEN_CONFIG_H

#ifndef CONFIG_SEL4RUNTIME_STATIC_TLS
#define CONFIG_SEL4RUNTIME_STATIC_TLS 1024
#endif

#endif

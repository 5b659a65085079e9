/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_SIEM_INTERNAL_H
#define TPLC_SIEM_INTERNAL_H

/* Private to lib/siem: the helpers the formatter and the sinks share. */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/siem.h"

struct tplx_buf;
struct tplx_json_doc;

/* Largest evidence object accepted, in bytes. */
#define TPLC_SIEM_EVIDENCE_MAX 32768

enum tplc_siem_escape {
	SIEM_ESC_NONE,       /* only invalid UTF-8 replaced */
	SIEM_ESC_MSG,        /* control characters become spaces */
	SIEM_ESC_SD,         /* RFC 5424 PARAM-VALUE: '"', '\' and ']' */
	SIEM_ESC_CEF_HEADER, /* CEF header: '|' and '\' */
	SIEM_ESC_CEF_EXT,    /* CEF extension: '=', '\', CR and LF */
};

/* Append text escaped as esc; invalid UTF-8 bytes become '?'. */
int tplc_siem__add_text(struct tplx_buf *b, const char *text,
                        enum tplc_siem_escape esc);
bool tplc_siem__sd_name_ok(const char *name);
/* Check kind, message, severity and time; the time (now when the alert
 * has none) into at. */
int tplc_siem__check(const struct tplc_alert *alert, char *at, size_t size,
                     struct tplc_error *err);
/* The evidence parsed (NULL when none); TPLC_EINVAL unless an object. */
int tplc_siem__evidence(const struct tplc_alert *alert,
                        struct tplx_json_doc **out, struct tplc_error *err);
void tplc_siem__hostname(const struct tplc_siem_options *opts, char *out,
                         size_t size);

/* TLS over a connected socket (tls.c). */
struct tplc_siem_tls;
int tplc_siem__tls_open(struct tplc_siem_tls **out, int fd, const char *host,
                        const char *ca, const char *cert, const char *key,
                        struct tplc_error *err);
int tplc_siem__tls_write(struct tplc_siem_tls *tls, const void *data,
                         size_t len, struct tplc_error *err);
bool tplc_siem__tls_alive(struct tplc_siem_tls *tls, int fd);
void tplc_siem__tls_close(struct tplc_siem_tls *tls);

#endif

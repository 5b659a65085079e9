/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_BUF_H
#define TPLX_BUF_H

/*
 * A growable, always NUL-terminated byte buffer with a hard maximum, for
 * building strings out of untrusted input (curl's dynbuf).
 */

#include <stdarg.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplx_buf {
	char *ptr;  /* NUL-terminated; NULL until the first append */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap; /* bytes allocated */
	size_t max; /* appends past this fail with TPLC_ELIMIT */
};

#define TPLX_BUF_INIT(maximum)        \
	{                             \
		NULL, 0, 0, (maximum) \
	}

void tplx_buf_init(struct tplx_buf *buf, size_t max);
/* Free the contents; the buffer can be reused. */
void tplx_buf_release(struct tplx_buf *buf);
/* Keep the allocation, forget the contents. */
void tplx_buf_reset(struct tplx_buf *buf);
/* Hand the string to the caller (free with tplx_free); buffer is reset. */
char *tplx_buf_detach(struct tplx_buf *buf);

int tplx_buf_add(struct tplx_buf *buf, const void *data, size_t len);
int tplx_buf_adds(struct tplx_buf *buf, const char *s);
int tplx_buf_addc(struct tplx_buf *buf, char c);
int tplx_buf_addf(struct tplx_buf *buf, const char *fmt, ...) TPLC_PRINTF(2, 3);
int tplx_buf_vaddf(struct tplx_buf *buf, const char *fmt, va_list ap)
        TPLC_PRINTF(2, 0);
/* The contents, or "" when empty. */
const char *tplx_buf_str(const struct tplx_buf *buf);

#endif

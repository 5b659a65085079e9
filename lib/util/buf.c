/* SPDX-License-Identifier: Apache-2.0 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

void tplx_buf_init(struct tplx_buf *buf, size_t max)
{
	buf->ptr = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->max = max;
}

void tplx_buf_release(struct tplx_buf *buf)
{
	tplx_free(buf->ptr);
	buf->ptr = NULL;
	buf->len = 0;
	buf->cap = 0;
}

void tplx_buf_reset(struct tplx_buf *buf)
{
	buf->len = 0;
	if (buf->ptr != NULL)
		buf->ptr[0] = '\0';
}

char *tplx_buf_detach(struct tplx_buf *buf)
{
	char *s = buf->ptr;

	if (s == NULL)
		s = tplx_strdup("");
	buf->ptr = NULL;
	buf->len = 0;
	buf->cap = 0;
	return s;
}

static int grow(struct tplx_buf *buf, size_t extra)
{
	size_t need, cap;
	char *p;

	if (tplx_add_overflow(buf->len, extra, &need) ||
	    tplx_add_overflow(need, 1, &need))
		return TPLC_ELIMIT;
	if (need - 1 > buf->max)
		return TPLC_ELIMIT;
	if (need <= buf->cap)
		return 0;
	cap = buf->cap < 64 ? 64 : buf->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (cap > buf->max + 1)
		cap = buf->max + 1;
	p = tplx_realloc(buf->ptr, cap);
	if (p == NULL)
		return TPLC_ENOMEM;
	buf->ptr = p;
	buf->cap = cap;
	return 0;
}

int tplx_buf_add(struct tplx_buf *buf, const void *data, size_t len)
{
	int error = grow(buf, len);

	if (error < 0)
		return error;
	if (len > 0)
		memcpy(buf->ptr + buf->len, data, len);
	buf->len += len;
	buf->ptr[buf->len] = '\0';
	return 0;
}

int tplx_buf_adds(struct tplx_buf *buf, const char *s)
{
	return tplx_buf_add(buf, s, strlen(s));
}

int tplx_buf_addc(struct tplx_buf *buf, char c)
{
	return tplx_buf_add(buf, &c, 1);
}

int tplx_buf_vaddf(struct tplx_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n, error;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return TPLC_ERROR;
	error = grow(buf, (size_t)n);
	if (error < 0)
		return error;
	vsnprintf(buf->ptr + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
	return 0;
}

int tplx_buf_addf(struct tplx_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = tplx_buf_vaddf(buf, fmt, ap);
	va_end(ap);
	return error;
}

const char *tplx_buf_str(const struct tplx_buf *buf)
{
	return buf->ptr != NULL ? buf->ptr : "";
}

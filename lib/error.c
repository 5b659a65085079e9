/* SPDX-License-Identifier: Apache-2.0 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tplc/error.h"

void tplc_error_clear(struct tplc_error *err)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof(*err));
}

static void copy_bounded(char *dst, size_t size, const char *src)
{
	size_t len;

	if (src == NULL) {
		dst[0] = '\0';
		return;
	}
	len = strlen(src);
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

TPLC_PRINTF(2, 0)
static void set_message(struct tplc_error *err, const char *fmt, va_list ap)
{
	if (fmt != NULL &&
	    vsnprintf(err->message, sizeof(err->message), fmt, ap) < 0)
		err->message[0] = '\0';
}

int tplc_error_set(struct tplc_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	tplc_error_clear(err);
	err->code = code;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return code;
}

int tplc_error_set_at(struct tplc_error *err, int code, const char *file,
                      unsigned long line, unsigned long column,
                      const char *path, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	tplc_error_clear(err);
	err->code = code;
	copy_bounded(err->file, sizeof(err->file), file);
	err->line = line;
	err->column = column;
	copy_bounded(err->path, sizeof(err->path), path);
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return code;
}

char *tplc_error_format(const struct tplc_error *err, char *buf, size_t size)
{
	size_t used = 0;
	int n;

#define APPEND(...)                                                 \
	do {                                                        \
		n = snprintf(buf + used, size - used, __VA_ARGS__); \
		if (n < 0 || (size_t)n >= size - used)              \
			return buf;                                 \
		used += (size_t)n;                                  \
	} while (0)

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (err->file[0] != '\0') {
		APPEND("%s:", err->file);
		if (err->line > 0) {
			APPEND("%lu:", err->line);
			if (err->column > 0)
				APPEND("%lu:", err->column);
		}
		APPEND(" ");
	}
	if (err->path[0] != '\0')
		APPEND("%s: ", err->path);
	APPEND("%s", err->message[0] != '\0' ? err->message
	                                     : tplc_strerror(err->code));
#undef APPEND
	return buf;
}

const char *tplc_strerror(int code)
{
	switch (code) {
	case TPLC_OK:
		return "success";
	case TPLC_ENOMEM:
		return "out of memory";
	case TPLC_EINVAL:
		return "invalid argument";
	case TPLC_EPARSE:
		return "malformed input";
	case TPLC_ENOTFOUND:
		return "not found";
	case TPLC_EEXISTS:
		return "already exists";
	case TPLC_EIO:
		return "input/output error";
	case TPLC_ESTORE:
		return "database error";
	case TPLC_EUNSUPPORTED:
		return "not supported";
	case TPLC_ELIMIT:
		return "input too large";
	case TPLC_ENOINPUT:
		return "cannot open input";
	default:
		return "internal error";
	}
}

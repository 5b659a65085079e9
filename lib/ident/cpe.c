/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CPE names.  (First cut: only the store key; the full parser, the two
 * bindings and NISTIR 7696 matching follow.)
 */
#include <ctype.h>
#include <string.h>

#include "tplc/cpe.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/buf.h"

/* Attribute n (0 = part) of a formatted string or URI, unquoted. */
static int attribute(struct tplx_buf *b, const char *s, int n, bool uri)
{
	const char *p = s + (uri ? strlen("cpe:/") : strlen("cpe:2.3:"));
	int i = 0;

	for (; *p != '\0' && i < n; p++) {
		if (!uri && *p == '\\' && p[1] != '\0')
			p++;
		else if (*p == ':')
			i++;
	}
	if (i < n)
		return -1;
	for (; *p != '\0' && *p != ':'; p++) {
		char c = *p;

		if (!uri && c == '\\' && p[1] != '\0')
			c = *++p;
		else if (!uri && (c == '*' || c == '?'))
			return -1;
		else if (uri && c == '%')
			return -1; /* percent-encoding: the full parser's job */
		if (tplx_buf_addc(b, (char)tolower((unsigned char)c)) < 0)
			return -2;
	}
	return 0;
}

int tplc_cpe_key(char **out, const char *s, struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_CPE_MAX);
	bool uri;

	*out = NULL;
	if (strncmp(s, "cpe:2.3:", 8) == 0)
		uri = false;
	else if (strncmp(s, "cpe:/", 5) == 0)
		uri = true;
	else
		return tplc_error_set(err, TPLC_EPARSE, "%s: not a CPE name",
		                      s);
	if (attribute(&b, s, 1, uri) < 0 || b.len == 0 ||
	    strcmp(tplx_buf_str(&b), "-") == 0 || tplx_buf_addc(&b, ':') < 0 ||
	    attribute(&b, s, 2, uri) < 0 || b.ptr[b.len - 1] == ':' ||
	    strcmp(b.ptr + b.len - 2, ":-") == 0) {
		tplx_buf_release(&b);
		return tplc_error_set(err, TPLC_EPARSE,
		                      "%s: no plain vendor and product", s);
	}
	*out = tplx_buf_detach(&b);
	return *out == NULL ? tplc_error_set(err, TPLC_ENOMEM, "out of memory")
	                    : 0;
}

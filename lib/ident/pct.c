/* SPDX-License-Identifier: Apache-2.0 */
/* Percent-encoding, shared by purl and vers. */
#include "ident.h"
#include "util/buf.h"

int tplc_ident__hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t tplc_ident__pct_decode(char *dst, const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n = 0;
	int hi, lo;

	while (i < len) {
		if (s[i] != '%') {
			dst[n++] = s[i++];
			continue;
		}
		if (len - i < 3) {
			*bad = i;
			return (size_t)-1;
		}
		hi = tplc_ident__hex(s[i + 1]);
		lo = tplc_ident__hex(s[i + 2]);
		if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
			*bad = i;
			return (size_t)-1;
		}
		dst[n++] = (char)(hi * 16 + lo);
		i += 3;
	}
	dst[n] = '\0';
	return n;
}

int tplc_ident__pct_encode(struct tplx_buf *buf, const char *s, size_t len,
                           bool (*keep)(unsigned char c))
{
	static const char hex[] = "0123456789ABCDEF";
	char triplet[3] = { '%', 0, 0 };
	size_t i, run = 0;
	int error = 0;

	for (i = 0; i < len && error == 0; i++) {
		unsigned char c = (unsigned char)s[i];

		if (keep(c)) {
			run++;
			continue;
		}
		/* flush the run of kept bytes before this one */
		if (run > 0)
			error = tplx_buf_add(buf, s + i - run, run);
		run = 0;
		triplet[1] = hex[c >> 4];
		triplet[2] = hex[c & 15];
		if (error == 0)
			error = tplx_buf_add(buf, triplet, 3);
	}
	if (error == 0 && run > 0)
		error = tplx_buf_add(buf, s + len - run, run);
	return error;
}

void tplc_ident__lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

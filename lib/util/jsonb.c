/* SPDX-License-Identifier: Apache-2.0 */
#include "util/jsonb.h"

int tplx_jsonb_string(struct tplx_buf *b, const char *s)
{
	int error = tplx_buf_addc(b, '"');

	for (; error == 0 && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			error = tplx_buf_addf(b, "\\%c", c);
		else if (c == '\n')
			error = tplx_buf_adds(b, "\\n");
		else if (c == '\t')
			error = tplx_buf_adds(b, "\\t");
		else if (c < 0x20)
			error = tplx_buf_addf(b, "\\u%04x", c);
		else
			error = tplx_buf_addc(b, (char)c);
	}
	return error == 0 ? tplx_buf_addc(b, '"') : error;
}

static int member_key(struct tplx_buf *b, const char *key)
{
	int error = tplx_buf_adds(b, b->len > 1 ? ",\"" : "\"");

	return error == 0 ? tplx_buf_addf(b, "%s\":", key) : error;
}

int tplx_jsonb_member(struct tplx_buf *b, const char *key, const char *value)
{
	int error;

	if (value == NULL)
		return 0;
	error = member_key(b, key);
	return error == 0 ? tplx_jsonb_string(b, value) : error;
}

int tplx_jsonb_member_int(struct tplx_buf *b, const char *key, long long value)
{
	int error = member_key(b, key);

	return error == 0 ? tplx_buf_addf(b, "%lld", value) : error;
}

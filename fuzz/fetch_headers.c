/* SPDX-License-Identifier: Apache-2.0 */
/* lib/net/fetch's parsers of server and user text: Content-Range values,
 * URL redaction and rebasing.  Any bytes in, no crash, sane results. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/fetch.h"
#include "util/alloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[64], *out = NULL;
	unsigned long long start;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)tplc_fetch_parse_content_range(s, &start);
	tplc_fetch_redact_url(s, buf, sizeof(buf));
	if (strlen(buf) >= sizeof(buf))
		abort();
	if (tplc_fetch_rebase_url(&out, s, "http://127.0.0.1:1/m", NULL) == 0)
		tplx_free(out);
	free(s);
	return 0;
}

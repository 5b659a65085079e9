/* SPDX-License-Identifier: Apache-2.0 */
/* A documentation receipt payload: any bytes in, a receipt or a
 * located error out; a receipt read is written back and must read again
 * to the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/docs.h"
#include "tplc/sign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_docs_receipt *m = NULL, *again = NULL;
	struct tplc_error err;
	char *out = NULL, *out2 = NULL;
	size_t len, len2;

	if (tplc_docs_receipt_parse(&m, (const char *)data, size, "fuzz",
	                            &err) < 0)
		return 0;
	if (tplc_docs_receipt_write(m, &out, &len, &err) < 0)
		abort();
	if (tplc_docs_receipt_parse(&again, out, len, "again", &err) < 0 ||
	    tplc_docs_receipt_write(again, &out2, &len2, &err) < 0 ||
	    len != len2 || memcmp(out, out2, len) != 0)
		abort();
	tplc_free_string(out);
	tplc_free_string(out2);
	tplc_docs_receipt_free(again);
	tplc_docs_receipt_free(m);
	return 0;
}

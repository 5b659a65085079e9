/* SPDX-License-Identifier: Apache-2.0 */
/* The shared JSON walk: any bytes in, a tree or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "util/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;

	if (tplx_json_parse(&doc, (const char *)data, size, "fuzz", &err) == 0)
		tplx_json_doc_free(doc);
	return 0;
}

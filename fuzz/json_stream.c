/* SPDX-License-Identifier: Apache-2.0 */
/* tplx_json_each: any bytes in, records walked or a located error out,
 * with and without an array key. */
#include <stddef.h>
#include <stdint.h>

#include "util/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch the record so a dangling tree would show under ASan. */
static int walk(const struct tplx_json_doc *doc, const struct tplx_json *record,
                const struct tplx_jpath *path, void *cbdata)
{
	char buf[256];

	(void)doc;
	tplx_jpath_format(path, buf, sizeof(buf));
	*(size_t *)cbdata += record->offset + (size_t)record->type;
	/* a number as a record stops the walk, as bad data stops a parser */
	if (record->type == TPLX_JSON_NUMBER)
		return tplx_json_fail(doc, record, path, NULL, "a number");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_error err;
	size_t sum = 0;

	tplx_json_each((const char *)data, size, "fuzz", "vulnerabilities",
	               walk, &sum, &err);
	tplx_json_each((const char *)data, size, "fuzz", NULL, walk, &sum,
	               &err);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSV as a feed: a zip of records (or a JSON record or array) through the
 * archive walker, one advisory per record.  Any bytes in, advisories or a
 * located error out.
 */
#include <stddef.h>
#include <stdint.h>

#include "tplc/advisory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(struct tplc_advisory *adv, void *data)
{
	size_t *n = data;

	*n += adv->vuln_count;
	tplc_advisory_free(adv);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_error err;
	size_t n = 0;

	tplc_osv_each((const char *)data, size, "fuzz.zip", count, &n, &err);
	return 0;
}

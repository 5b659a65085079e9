/* SPDX-License-Identifier: Apache-2.0 */
/* NVD CVE API 2.0 pages: any bytes in, advisories or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/advisory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(struct tplc_advisory *adv, void *cbdata)
{
	size_t i;

	/* read every entry, so one pointing past its arena shows */
	for (i = 0; i < adv->affected_count; i++)
		*(size_t *)cbdata += adv->affected[i].config +
		                     (adv->affected[i].cpe != NULL);
	tplc_advisory_free(adv);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_error err;
	size_t sum = 0;

	tplc_nvd_each((const char *)data, size, "fuzz", check, &sum, &err);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* EPSS CSV, plain or gzip'd: any bytes in, an advisory or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/advisory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;

	if (tplc_epss_parse(&adv, (const char *)data, size, "fuzz", &err) == 0)
		tplc_advisory_free(adv);
	return 0;
}

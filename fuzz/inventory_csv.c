/* SPDX-License-Identifier: Apache-2.0 */
/* Hospital inventory CSV: any bytes in, devices or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/inventory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_inventory *inv = NULL;
	struct tplc_error err;

	if (tplc_inventory_parse_csv(&inv, (const char *)data, size, "fuzz",
	                             &err) == 0)
		tplc_inventory_free(inv);
	return 0;
}

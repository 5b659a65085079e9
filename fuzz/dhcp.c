/* SPDX-License-Identifier: Apache-2.0 */
/* DHCP: any bytes in as one UDP payload. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/dissect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_dhcp d;

	if (tplc_dhcp_parse(data, size, &d) == 0 &&
	    (d.param_count > sizeof(d.param_list) ||
	     strnlen(d.mud_url, sizeof(d.mud_url)) == sizeof(d.mud_url)))
		__builtin_trap();
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* HL7 over MLLP: any bytes in, frames stepped through; bare messages too. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/dissect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_hl7_message m;
	size_t pos = 0;
	int rc;

	while (pos < size &&
	       (rc = tplc_hl7_parse(data + pos, size - pos, &m)) > 0) {
		if ((size_t)rc > size - pos ||
		    strnlen(m.control_id, sizeof(m.control_id)) ==
		            sizeof(m.control_id))
			__builtin_trap();
		pos += (size_t)rc;
	}
	(void)tplc_hl7_parse_message(data, size, &m);
	return 0;
}

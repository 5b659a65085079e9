/* SPDX-License-Identifier: Apache-2.0 */
/* LLDP: any bytes in as one LLDPDU; ids formatted as text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/dissect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_lldp l;
	char text[TPLC_LLDP_ID_MAX * 3 + 1];

	if (tplc_lldp_parse(data, size, &l) == 0) {
		if (l.chassis_id_len > TPLC_LLDP_ID_MAX ||
		    l.port_id_len > TPLC_LLDP_ID_MAX)
			__builtin_trap();
		tplc_lldp_id_text(l.chassis_subtype, l.chassis_id,
		                  l.chassis_id_len, false, text, sizeof(text));
		tplc_lldp_id_text(l.port_subtype, l.port_id, l.port_id_len,
		                  true, text, sizeof(text));
	}
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* DICOM upper layer: any bytes in, PDUs stepped through as the monitor does; a count never past the input. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/dissect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tplc_dicom_pdu pdu;
	size_t pos = 0;
	int rc;

	while (pos < size &&
	       (rc = tplc_dicom_parse(data + pos, size - pos, &pdu)) > 0) {
		if ((size_t)rc > size - pos ||
		    strnlen(pdu.calling_ae, sizeof(pdu.calling_ae)) ==
		            sizeof(pdu.calling_ae) ||
		    pdu.context_count > TPLC_DICOM_CONTEXTS_MAX)
			__builtin_trap();
		pos += (size_t)rc;
	}
	return 0;
}

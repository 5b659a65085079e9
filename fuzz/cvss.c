/* SPDX-License-Identifier: Apache-2.0 */
/* CVSS vectors, any version: any bytes in, scores or a named error out. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/cvss.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char vector[TPLC_CVSS_MAX + 2];
	struct tplc_cvss_scores s;
	struct tplc_error err;

	/* One byte over the maximum, to reach the length check. */
	if (size > TPLC_CVSS_MAX + 1)
		size = TPLC_CVSS_MAX + 1;
	memcpy(vector, data, size);
	vector[size] = '\0';
	if (tplc_cvss_score(&s, vector, &err) == 0 &&
	    (s.score < 0 || s.score > 10))
		__builtin_trap();
	return 0;
}

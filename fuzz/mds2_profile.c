/* SPDX-License-Identifier: Apache-2.0 */
/* MDS2 requirement profiles: any bytes in, rules or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/mds2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_mds2_profile *pr = NULL;
	struct tplc_error err;
	size_t i;

	if (tplc_mds2_profile_parse(&pr, (const char *)data, size, "fuzz",
	                            &err) != 0)
		return 0;
	for (i = 0; i < pr->count; i++)
		(void)tplc_mds2_rule_verdict(&pr->rules[i], TPLC_MDS2_YES);
	tplc_mds2_profile_free(pr);
	return 0;
}

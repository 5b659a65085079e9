/* SPDX-License-Identifier: Apache-2.0 */
/* The words for a status, as the store, CSAF and OpenVEX spell them. */
#include <string.h>

#include "tplc/model.h"

const char *tplc_status_name(enum tplc_status status)
{
	switch (status) {
	case TPLC_STATUS_AFFECTED:
		return "affected";
	case TPLC_STATUS_FIXED:
		return "fixed";
	case TPLC_STATUS_NOT_AFFECTED:
		return "not_affected";
	case TPLC_STATUS_UNDER_INVESTIGATION:
		return "under_investigation";
	}
	return "affected";
}

bool tplc_status_parse(enum tplc_status *out, const char *name)
{
	static const enum tplc_status all[] = {
		TPLC_STATUS_AFFECTED,
		TPLC_STATUS_FIXED,
		TPLC_STATUS_NOT_AFFECTED,
		TPLC_STATUS_UNDER_INVESTIGATION,
	};
	size_t i;

	for (i = 0; name != NULL && i < sizeof(all) / sizeof(all[0]); i++) {
		if (strcmp(tplc_status_name(all[i]), name) == 0) {
			*out = all[i];
			return true;
		}
	}
	return false;
}

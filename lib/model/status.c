/* SPDX-License-Identifier: Apache-2.0 */
/* The words for a status, as the store, CSAF and OpenVEX spell them. */
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

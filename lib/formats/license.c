/* SPDX-License-Identifier: Apache-2.0 */
/* Lookups in the generated SPDX identifier tables. */
#include <stdlib.h>
#include <strings.h>

#include "formats/license.h"

static int compare_id(const void *key, const void *item)
{
	return strcasecmp(key, *(const char *const *)item);
}

static bool known(const char *const *table, size_t count, const char *id)
{
	if (id == NULL || *id == '\0')
		return false;
	return bsearch(id, table, count, sizeof(*table), compare_id) != NULL;
}

bool tplc_license_id_known(const char *id)
{
	return known(tplc_spdx_license_ids, tplc_spdx_license_ids_count, id);
}

bool tplc_license_exception_known(const char *id)
{
	return known(tplc_spdx_exception_ids, tplc_spdx_exception_ids_count,
	             id);
}

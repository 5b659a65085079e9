/* SPDX-License-Identifier: Apache-2.0 */
/* MDS2 forms as CSV: any bytes in, a form or a located error out. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/mds2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const char *message, void *data)
{
	(void)data;
	(void)strlen(message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_mds2_form *form = NULL;
	struct tplc_error err;

	/* workbooks have their own target (xlsx) */
	if (size >= 2 && data[0] == 'P' && data[1] == 'K')
		return 0;
	if (tplc_mds2_parse(&form, (const char *)data, size, "fuzz", ignore,
	                    NULL, &err) == 0)
		tplc_mds2_form_free(form);
	return 0;
}

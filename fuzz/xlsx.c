/* SPDX-License-Identifier: Apache-2.0 */
/* Workbooks (.xlsx): zip bytes in, the sheets' cells or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "formats/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_xlsx *book = NULL;
	struct tplc_error err;
	size_t s, r, c, n = 0;

	if (tplc_xlsx_read(&book, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	/* touch every cell, so ASan sees the grid */
	for (s = 0; s < book->count; s++)
		for (r = 0; r < book->sheets[s].rows; r++)
			for (c = 0; c < book->sheets[s].cols; c++)
				if (tplc_xlsx_cell(&book->sheets[s], r, c))
					n++;
	(void)n;
	tplc_xlsx_free(book);
	return 0;
}

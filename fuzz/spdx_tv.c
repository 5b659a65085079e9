/* SPDX-License-Identifier: Apache-2.0 */
/* SPDX tag-value: any bytes in, an SBOM or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "formats/spdx-build.h"
#include "tplc/sbom.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;

	if (tplc_spdx_tv_parse(&sbom, (const char *)data, size, "fuzz", &err) ==
	    0)
		tplc_sbom_free(sbom);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* EOL/EOS notice JSON: any bytes in, a notice or a located error out; a
 * parsed notice written back must parse again. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/notice.h"
#include "tplc/sign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_notice *n = NULL;
	struct tplc_error err;
	char *json = NULL;
	size_t len;

	if (tplc_notice_parse(&n, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	if (tplc_notice_write(n, &json, &len, &err) != 0)
		__builtin_trap();
	tplc_free_string(json);
	tplc_notice_free(n);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* TLS ClientHello: any bytes in as the start of a client stream. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/dissect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_tls_hello h;
	int rc = tplc_tls_sni(data, size, &h);

	if (rc > 0 && ((size_t)rc > size || h.alpn_count > TPLC_TLS_ALPN_MAX))
		__builtin_trap();
	return 0;
}

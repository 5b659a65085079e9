/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 in hex, for every part that names bytes by their hash
 * (documentation bundles, MDS2 forms). */
#include <sodium.h>

#include "tplc/sign.h"

void tplc_sha256_hex(const void *data, size_t len,
                     char out[TPLC_SHA256_HEX_SIZE])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(out, TPLC_SHA256_HEX_SIZE, digest, sizeof(digest));
}

/* SPDX-License-Identifier: Apache-2.0 */
/* signify key and signature files: any bytes in, a key or an error out. */
#include <stddef.h>
#include <stdint.h>

#include "tplc/sign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char comment[TPLC_KEY_COMMENT_MAX];
	struct tplc_pubkey pub;
	struct tplc_seckey sec;
	struct tplc_error err;

	tplc_pubkey_parse(&pub, (const char *)data, size, "fuzz", comment,
	                  sizeof(comment), &err);
	if (tplc_seckey_parse(&sec, (const char *)data, size, "fuzz", &err) ==
	    0)
		tplc_key_public(&sec, &pub);
	tplc_signify_verify(&pub, (const char *)data, size, data, size, "fuzz",
	                    &err);
	tplc_seckey_wipe(&sec);
	return 0;
}

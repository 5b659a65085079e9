/* SPDX-License-Identifier: Apache-2.0 */
/* DSSE envelopes: any bytes parsed, then verified against a fixed key;
 * a forged signature must never verify. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tplc/sign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char pub_text[] =
	        "untrusted comment: fuzz\n"
	        "RWS3h9/t8wCX+0Q8nU3RFG6V9u7JMO8ng/vaX0EsRLLweXwju4cCO5Od\n";
	struct tplc_dsse *env = NULL;
	struct tplc_pubkey key;
	struct tplc_error err;

	if (tplc_pubkey_parse(&key, pub_text, strlen(pub_text), "key", NULL, 0,
	                      &err) != 0)
		__builtin_trap();
	if (tplc_dsse_parse(&env, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	/* its secret was thrown away when it was made: nothing verifies */
	if (tplc_dsse_verify(env, &key, &err) == 0)
		__builtin_trap();
	tplc_dsse_free(env);
	return 0;
}

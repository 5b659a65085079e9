/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Native ranges to vers.  The first byte picks the scheme, the rest is
 * the range.  Beyond not crashing: whatever converts parses back as a
 * (lenient) vers of the same scheme, and only parse errors are errors.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/tplc.h"
#include "tplc/vers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const schemes[] = { "npm",    "pypi",  "gem",
		                               "nuget",  "conan", "nginx",
		                               "openssl" };
	struct tplc_vers *r = NULL;
	const char *scheme;
	char *s, *out = NULL;
	int error;

	if (size == 0)
		return 0;
	scheme = schemes[data[0] % (sizeof(schemes) / sizeof(schemes[0]))];
	if ((s = malloc(size)) == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	error = tplc_vers_from_native(&out, scheme, s, NULL);
	if (error == 0) {
		if (tplc_vers_parse_lenient(&r, out, NULL) != 0 ||
		    strcmp(tplc_vers_scheme(r), scheme) != 0)
			abort();
		tplc_vers_free(r);
	} else if (error != TPLC_EPARSE && error != TPLC_ELIMIT) {
		abort();
	}
	tplc_free(out);
	free(s);
	return 0;
}

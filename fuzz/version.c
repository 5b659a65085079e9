/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Version comparison.  The first byte picks a scheme, the rest is two
 * versions separated by a newline.  Beyond not crashing: a valid version
 * equals itself and comparison is antisymmetric.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/version.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const schemes[] = {
	"alpine", "alpm",    "cargo",   "conan",  "datetime",      "deb",
	"gem",    "generic", "gentoo",  "golang", "lexicographic", "maven",
	"npm",    "nuget",   "openssl", "pypi",   "rpm",           "semver",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *scheme;
	char *a, *b;
	int ab, ba, aa;

	if (size < 1)
		return 0;
	scheme = schemes[data[0] % (sizeof(schemes) / sizeof(schemes[0]))];
	a = malloc(size);
	if (a == NULL)
		return 0;
	memcpy(a, data + 1, size - 1);
	a[size - 1] = '\0';
	b = strchr(a, '\n');
	if (b != NULL)
		*b++ = '\0';
	else
		b = a;
	if (tplc_version_compare(&ab, scheme, a, b, NULL) == 0) {
		if (tplc_version_compare(&ba, scheme, b, a, NULL) != 0 ||
		    ba != -ab)
			abort();
		if (tplc_version_compare(&aa, scheme, a, a, NULL) != 0 ||
		    aa != 0)
			abort();
	}
	free(a);
	return 0;
}

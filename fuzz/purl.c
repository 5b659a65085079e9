/* SPDX-License-Identifier: Apache-2.0 */
/*
 * purl parsing, strict and lenient.  Beyond not crashing: the canonical
 * form must parse, and must be a fixed point of canonicalization.  It
 * may only fail to be written when percent-encoding makes it longer than
 * TPLC_PURL_MAX.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/purl.h"
#include "tplc/tplc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_fixed_point(const char *canonical)
{
	struct tplc_purl *p = NULL;
	char *again = NULL;

	if (tplc_purl_parse(&p, canonical, NULL) != 0 ||
	    tplc_purl_format(&again, p, NULL) != 0 ||
	    strcmp(again, canonical) != 0)
		abort();
	tplc_free(again);
	tplc_purl_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_purl *p = NULL;
	struct tplc_error err;
	char *s = malloc(size + 1), *out = NULL;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (tplc_purl_parse(&p, s, &err) == 0) {
		int error = tplc_purl_format(&out, p, &err);

		if (error != 0 && error != TPLC_ELIMIT)
			abort();
		if (error == 0)
			check_fixed_point(out);
		tplc_free(out);
		out = NULL;
		tplc_purl_free(p);
	}
	if (tplc_purl_canonicalize(&out, s, &err) == 0) {
		check_fixed_point(out);
		tplc_free(out);
		out = NULL;
	}
	if (tplc_purl_package_key(&out, s, &err) == 0)
		tplc_free(out);
	free(s);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vers parsing and containment.  Beyond not crashing: what strict
 * parsing accepts formats to a string that parses again to the same
 * form; lenient parsing's output parses again.  It need not be a fixed
 * point: some schemes' own orders are not transitive (conan: "10a" <
 * "9" < "10" < "10a"; rpm: "1.0" equals both "1.0-1" and "1.0-2"), so
 * sorting depends on the input order.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/tplc.h"
#include "tplc/vers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(const struct tplc_vers *r, bool lenient)
{
	struct tplc_vers *again = NULL;
	char *s = NULL, *t = NULL;
	const char *version = NULL;
	bool in;
	int error = tplc_vers_format(&s, r, NULL);

	/* only percent-encoding past TPLC_VERS_MAX may stop it */
	if (error == TPLC_ELIMIT)
		return;
	if (error != 0)
		abort();
	if ((lenient ? tplc_vers_parse_lenient(&again, s, NULL)
	             : tplc_vers_parse(&again, s, NULL)) != 0 ||
	    tplc_vers_format(&t, again, NULL) != 0)
		abort();
	if (!lenient && strcmp(s, t) != 0)
		abort();
	/* a constraint's own version is a valid version of its scheme */
	tplc_vers_constraint(r, 0, NULL, &version);
	tplc_vers_contains(&in, r, version != NULL ? version : "1.0.0", NULL);
	tplc_vers_contains(&in, r, "1.0.0", NULL);
	tplc_vers_free(again);
	tplc_free(s);
	tplc_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_vers *r = NULL;
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (tplc_vers_parse(&r, s, NULL) == 0) {
		round_trip(r, false);
		tplc_vers_free(r);
	}
	if (tplc_vers_parse_lenient(&r, s, NULL) == 0) {
		round_trip(r, true);
		tplc_vers_free(r);
	}
	free(s);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CPE names: any bytes in; a name that parses binds to a formatted string
 * and a URI that both read back as the same name, and matches itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tplc/cpe.h"
#include "tplc/tplc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same(const struct tplc_cpe *a, const struct tplc_cpe *b)
{
	int i;

	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++) {
		if (a->attr[i].kind != b->attr[i].kind)
			return false;
		if (a->attr[i].kind == TPLC_CPE_VALUE &&
		    strcmp(a->attr[i].value, b->attr[i].value) != 0)
			return false;
	}
	return true;
}

/* s must parse back into the name of c. */
static void round_trip(const struct tplc_cpe *c, const char *s)
{
	struct tplc_cpe *again = NULL;

	if (tplc_cpe_parse(&again, s, NULL) != 0 || !same(c, again))
		abort();
	tplc_cpe_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplc_cpe *c = NULL;
	char buf[TPLC_CPE_MAX + 2], *fs = NULL, *uri = NULL, *key = NULL;

	if (size > TPLC_CPE_MAX + 1)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (tplc_cpe_parse(&c, buf, NULL) != 0)
		return 0;
	if (tplc_cpe_format(&fs, c, NULL) == 0 && strlen(fs) <= TPLC_CPE_MAX)
		round_trip(c, fs); /* ANY fields may make it longer */
	if (tplc_cpe_format_uri(&uri, c, NULL) == 0 &&
	    strlen(uri) <= TPLC_CPE_MAX)
		round_trip(c, uri);
	if (tplc_cpe_compare(c, c) != TPLC_CPE_EQUAL &&
	    tplc_cpe_compare(c, c) != TPLC_CPE_UNDEFINED)
		abort();
	if (tplc_cpe_key(&key, buf, NULL) == 0 && key[0] == '\0')
		abort();
	tplc_free(key);
	tplc_free(fs);
	tplc_free(uri);
	tplc_cpe_free(c);
	return 0;
}

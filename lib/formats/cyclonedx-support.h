/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_CYCLONEDX_SUPPORT_H
#define TPLC_FORMATS_CYCLONEDX_SUPPORT_H

/*
 * The FDA component fields, level of support and end of support, that
 * CycloneDX carries as component properties ({"name": "Level of
 * Support", "value": "Actively maintained"}).  Property names are matched
 * loosely: case, spaces, dashes and a namespace prefix ("cdx:fda:") do
 * not matter, so "End-of-Support", "end of support", "endOfSupport" and
 * "acme:endOfSupport" are one name.
 */

#include <stddef.h>

#include "tplc/model.h"

struct tplx_json;

struct tplc_cdx_support {
	enum tplc_support_level level;
	const char *level_text; /* the source's words, borrowed, or NULL */
	const char *end_text;   /* end-of-support value, borrowed, or NULL */
	size_t end_date_len;    /* 10 when end_text starts with a date
	                           (YYYY-MM-DD, or a date-time): keep those
	                           characters as the date; 0 for words */
};

/* Scan a properties array (NULL or anything else: nothing found). */
void tplc_cdx_support_scan(const struct tplx_json *properties,
                           struct tplc_cdx_support *out);

/* One property (XML reads them one by one): the first level and the
 * first end of support win.  out starts zeroed. */
void tplc_cdx_support_add(struct tplc_cdx_support *out, const char *name,
                          const char *value);

/*
 * Map words to a level, ignoring case: "Actively maintained" ->
 * MAINTAINED; "No longer maintained", "Deprecated", "Inactive", "EOL",
 * "End of support" -> NOT_MAINTAINED; "Abandoned" -> ABANDONED; anything
 * else (including "Unknown") -> UNKNOWN.
 */
enum tplc_support_level tplc_support_level_parse(const char *text);

#endif

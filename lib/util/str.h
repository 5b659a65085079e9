/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_STR_H
#define TPLX_STR_H

/* Small string helpers shared by every parser (atoi and friends are
 * banned in lib/: these check range and trailing garbage). */

#include <stdbool.h>
#include <stddef.h>

bool tplx_streq(const char *a, const char *b);     /* NULL-safe */
bool tplx_strcaseeq(const char *a, const char *b); /* ASCII, NULL-safe */
bool tplx_starts_with(const char *s, const char *prefix);
bool tplx_ends_with(const char *s, const char *suffix);
/* Strip ASCII white space from both ends, in place; returns s. */
char *tplx_trim(char *s);
bool tplx_is_blank(const char *s);

/* Whole-string decimal parse; 0 on success, -1 on junk or range. */
int tplx_parse_long(const char *s, long min, long max, long *out);
int tplx_parse_double(const char *s, double *out);

/* Validate an ISO 8601 date (YYYY-MM-DD) or date-time with zone. */
bool tplx_is_iso_date(const char *s);
bool tplx_is_iso_datetime(const char *s);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVSS entry point: pick the version from the prefix, hand the metrics to
 * that version's scorer; and the "K:V/K:V" reader every version shares.
 */

#include <string.h>

#include "risk/cvss.h"

/* Longest metric abbreviation or value, in bytes (v4 "Amber", "Clear"). */
#define CVSS_TOKEN_MAX 16

static int cvss_fail(struct tplc_error *err, const char *comp, size_t len,
                     const char *why)
{
	int n = len > CVSS_TOKEN_MAX * 2 ? CVSS_TOKEN_MAX * 2 : (int)len;

	return tplc_error_set(err, TPLC_EPARSE, "%.*s: %s", n, comp, why);
}

static int cvss_lookup(const struct tplc_cvss__metric *table, size_t n,
                       const char *key, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(table[i].key) == len &&
		    memcmp(table[i].key, key, len) == 0)
			return (int)i;
	return -1;
}

static int cvss_value(const struct tplc_cvss__metric *m, const char *v,
                      size_t len)
{
	for (int i = 0; i < TPLC_CVSS__VALUES_MAX && m->values[i]; i++)
		if (strlen(m->values[i]) == len &&
		    memcmp(m->values[i], v, len) == 0)
			return i;
	return -1;
}

int tplc_cvss__metrics(int *out, const char *s,
                       const struct tplc_cvss__metric *table, size_t n,
                       struct tplc_error *err)
{
	const char *p = s;

	if (strlen(s) > TPLC_CVSS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "vector longer than %d bytes",
		                      TPLC_CVSS_MAX);
	for (size_t i = 0; i < n; i++)
		out[i] = -1;
	for (;;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *colon = memchr(p, ':', len);
		size_t klen;
		int m, v;

		if (len == 0)
			return tplc_error_set(err, TPLC_EPARSE,
			                      "empty component");
		if (!colon)
			return cvss_fail(err, p, len, "expected METRIC:VALUE");
		klen = (size_t)(colon - p);
		m = cvss_lookup(table, n, p, klen);
		if (m < 0)
			return cvss_fail(err, p, len, "unknown metric");
		if (out[m] >= 0)
			return cvss_fail(err, p, klen, "repeated");
		v = cvss_value(&table[m], colon + 1, len - klen - 1);
		if (v < 0)
			return cvss_fail(err, p, len, "value not allowed");
		out[m] = v;
		if (!end)
			break;
		p = end + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (table[i].required && out[i] < 0)
			return tplc_error_set(err, TPLC_EPARSE,
			                      "%s: missing (base metric)",
			                      table[i].key);
	return 0;
}

const char *tplc_cvss__severity3(double score)
{
	if (score <= 0.0)
		return "None";
	if (score < 4.0)
		return "Low";
	if (score < 7.0)
		return "Medium";
	if (score < 9.0)
		return "High";
	return "Critical";
}

static bool cvss_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int tplc_cvss_score(struct tplc_cvss_scores *out, const char *vector,
                    struct tplc_error *err)
{
	char v2[TPLC_CVSS_MAX + 1];
	size_t len;

	memset(out, 0, sizeof(*out));
	tplc_error_clear(err);
	if (!vector)
		return tplc_error_set(err, TPLC_EINVAL, "no vector");
	len = strlen(vector);
	if (len > TPLC_CVSS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "vector longer than %d bytes",
		                      TPLC_CVSS_MAX);
	if (cvss_prefix(vector, "CVSS:4.0/"))
		return tplc_cvss__score4(out, vector, err);
	if (cvss_prefix(vector, "CVSS:3.1/"))
		return tplc_cvss__score3(out, vector + 9, true, err);
	if (cvss_prefix(vector, "CVSS:3.0/"))
		return tplc_cvss__score3(out, vector + 9, false, err);
	if (cvss_prefix(vector, "CVSS:"))
		if (!cvss_prefix(vector, "CVSS:2.0/"))
			return tplc_error_set(err, TPLC_EPARSE,
			                      "unknown CVSS version prefix");
	/* v2 as NVD wrote it: "(AV:N/...)" or with "CVSS:2.0/". */
	if (cvss_prefix(vector, "CVSS:2.0/")) {
		vector += 9;
		len -= 9;
	}
	if (len >= 2 && vector[0] == '(' && vector[len - 1] == ')') {
		memcpy(v2, vector + 1, len - 2);
		v2[len - 2] = '\0';
		return tplc_cvss__score2(out, v2, err);
	}
	return tplc_cvss__score2(out, vector, err);
}

const char *tplc_cvss_version_name(enum tplc_cvss_version version)
{
	switch (version) {
	case TPLC_CVSS_V2:
		return "2.0";
	case TPLC_CVSS_V30:
		return "3.0";
	case TPLC_CVSS_V31:
		return "3.1";
	case TPLC_CVSS_V40:
		return "4.0";
	}
	return "?";
}

char tplc_cvss__value(const char *vector, const char *key)
{
	size_t klen = strlen(key);
	const char *p = vector;

	while ((p = strstr(p, key)) != NULL) {
		bool starts = p == vector || p[-1] == '/' || p[-1] == '(';
		if (starts && p[klen] == ':')
			return p[klen + 1];
		p += klen;
	}
	return 0;
}

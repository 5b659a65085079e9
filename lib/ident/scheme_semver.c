/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Semantic Versioning 2.0.0 precedence, and the parser the semver family
 * (npm, cargo, golang, nuget) shares through tplc_ident__semver_rules.
 */
#include <string.h>

#include "ident.h"

#define PARTS_MAX 4

struct semver {
	const char *num[PARTS_MAX];
	size_t num_len[PARTS_MAX];
	int parts;
	const char *pre; /* without the '-'; NULL when absent */
	size_t pre_len;
};

static bool ident_char(char c)
{
	return tplc_ident__digit(c) || tplc_ident__alpha(c) || c == '-';
}

static bool all_digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!tplc_ident__digit(s[i]))
			return false;
	return true;
}

/* Dot-separated identifiers up to a byte not in them; *why on error. */
static const char *identifiers(const char *p, bool numeric_zeros,
                               const char **why)
{
	for (;;) {
		const char *start = p;

		while (ident_char(*p))
			p++;
		if (p == start) {
			*why = "empty identifier";
			return NULL;
		}
		if (!numeric_zeros && p - start > 1 && *start == '0' &&
		    all_digits(start, (size_t)(p - start))) {
			*why = "numeric identifier with a leading zero";
			return NULL;
		}
		if (*p != '.')
			return p;
		p++;
	}
}

static int parse(const char *s, const struct tplc_ident__semver_rules *r,
                 struct semver *v, const char **why)
{
	const char *p = s, *start;

	memset(v, 0, sizeof(*v));
	if (r->leading_eq && *p == '=')
		p++;
	if (r->leading_v && *p == 'v')
		p++;
	for (;;) {
		start = p;
		while (tplc_ident__digit(*p))
			p++;
		if (p == start) {
			*why = "expected a number";
			return -1;
		}
		if (!r->leading_zeros && p - start > 1 && *start == '0') {
			*why = "number with a leading zero";
			return -1;
		}
		v->num[v->parts] = start;
		v->num_len[v->parts] = (size_t)(p - start);
		v->parts++;
		if (*p != '.' || v->parts == r->max_parts)
			break;
		p++;
	}
	if (v->parts < r->min_parts) {
		*why = r->min_parts == 3 ? "expected MAJOR.MINOR.PATCH"
		                         : "too few numbers";
		return -1;
	}
	if (*p == '-') {
		v->pre = p + 1;
		p = identifiers(p + 1, r->leading_zeros, why);
		if (p == NULL)
			return -1;
		v->pre_len = (size_t)(p - v->pre);
	}
	/* build metadata never counts for precedence */
	if (*p == '+' && (p = identifiers(p + 1, true, why)) == NULL)
		return -1;
	if (*p != '\0') {
		*why = "unexpected character";
		return -1;
	}
	return 0;
}

static size_t ident_len(const char *s, size_t len)
{
	const char *dot = memchr(s, '.', len);

	return dot == NULL ? len : (size_t)(dot - s);
}

static int prerelease_cmp(const char *a, size_t alen, const char *b,
                          size_t blen, bool fold)
{
	while (alen > 0 && blen > 0) {
		size_t al = ident_len(a, alen), bl = ident_len(b, blen);
		bool an = all_digits(a, al), bn = all_digits(b, bl);
		int rc;

		if (an && bn)
			rc = tplc_ident__numcmp(a, al, b, bl);
		else if (an || bn)
			rc = an ? -1 : 1; /* numbers sort before words */
		else if (fold)
			rc = tplc_ident__strncasecmp2(a, al, b, bl);
		else
			rc = tplc_ident__strncmp2(a, al, b, bl);
		if (rc != 0)
			return rc;
		/* step over the identifier and its dot */
		a += al < alen ? al + 1 : al;
		alen -= al < alen ? al + 1 : al;
		b += bl < blen ? bl + 1 : bl;
		blen -= bl < blen ? bl + 1 : bl;
	}
	return alen == blen ? 0 : (alen == 0 ? -1 : 1);
}

int tplc_ident__semver_cmp(int *out, const char *a, const char *b,
                           const struct tplc_ident__semver_rules *rules,
                           struct tplc_error *err)
{
	struct semver va, vb;
	const char *why = NULL;
	int i, rc = 0;

	if (parse(a, rules, &va, &why) != 0)
		return tplc_ident__bad_version(err, rules->scheme, a, why);
	if (parse(b, rules, &vb, &why) != 0)
		return tplc_ident__bad_version(err, rules->scheme, b, why);
	for (i = 0; i < PARTS_MAX && rc == 0; i++) {
		/* a missing part is 0: nuget's "1.0" is "1.0.0.0" */
		const char *x = i < va.parts ? va.num[i] : "0";
		const char *y = i < vb.parts ? vb.num[i] : "0";

		rc = tplc_ident__numcmp(x, i < va.parts ? va.num_len[i] : 1, y,
		                        i < vb.parts ? vb.num_len[i] : 1);
	}
	if (rc == 0 && (va.pre != NULL || vb.pre != NULL)) {
		/* a prerelease sorts before its release */
		if (va.pre == NULL || vb.pre == NULL)
			rc = va.pre == NULL ? 1 : -1;
		else
			rc = prerelease_cmp(va.pre, va.pre_len, vb.pre,
			                    vb.pre_len, rules->fold_case);
	}
	*out = rc;
	return 0;
}

static const struct tplc_ident__semver_rules semver_rules = {
	.scheme = "semver",
	.min_parts = 3,
	.max_parts = 3,
};

int tplc_ident__cmp_semver(int *out, const char *a, const char *b,
                           struct tplc_error *err)
{
	return tplc_ident__semver_cmp(out, a, b, &semver_rules, err);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * gentoo: ebuild versions as the Package Manager Specification (3.2,
 * algorithms 3.1-3.7) orders them: numbers, an optional letter, suffixes
 * _alpha < _beta < _pre < _rc < _p with optional numbers, and -rN.
 */
#include <string.h>

#include "ident.h"

#define SUFFIXES_MAX 32

struct span {
	const char *s;
	size_t len;
};

struct gentoover {
	const char *nums; /* "1.2.3" */
	size_t nums_len;
	char letter; /* 0 when absent */
	int suffix[SUFFIXES_MAX];
	struct span suffix_n[SUFFIXES_MAX];
	int suffixes;
	struct span rev;
};

static const char *const suffix_names[] = { "alpha", "beta", "pre", "rc", "p" };

static int parse(const char *s, struct gentoover *v, struct tplc_error *err)
{
	const char *p = s;
	int k;

	memset(v, 0, sizeof(*v));
	v->nums = p;
	do {
		const char *start = p;

		while (tplc_ident__digit(*p))
			p++;
		if (p == start)
			return tplc_ident__bad_version(err, "gentoo", s,
			                               "expected a number");
	} while (*p == '.' && p++);
	v->nums_len = (size_t)(p - v->nums);
	if (*p >= 'a' && *p <= 'z')
		v->letter = *p++;
	while (*p == '_') {
		p++;
		for (k = 0; k < 5; k++)
			if (strncmp(p, suffix_names[k],
			            strlen(suffix_names[k])) == 0 &&
			    !(tplc_ident__alpha(p[strlen(suffix_names[k])])))
				break;
		if (k == 5 || v->suffixes == SUFFIXES_MAX)
			return tplc_ident__bad_version(err, "gentoo", s,
			                               "bad suffix");
		p += strlen(suffix_names[k]);
		v->suffix[v->suffixes] = k;
		v->suffix_n[v->suffixes].s = p;
		while (tplc_ident__digit(*p))
			p++;
		v->suffix_n[v->suffixes].len =
		        (size_t)(p - v->suffix_n[v->suffixes].s);
		v->suffixes++;
	}
	if (strncmp(p, "-r", 2) == 0 && tplc_ident__digit(p[2])) {
		v->rev.s = p += 2;
		while (tplc_ident__digit(*p))
			p++;
		v->rev.len = (size_t)(p - v->rev.s);
	}
	if (*p != '\0')
		return tplc_ident__bad_version(err, "gentoo", s,
		                               "unexpected character");
	return 0;
}

static struct span component(const char **p, const char *end)
{
	struct span c = { *p, 0 };

	while (*p < end && **p != '.')
		(*p)++;
	c.len = (size_t)(*p - c.s);
	if (*p < end)
		(*p)++;
	return c;
}

static size_t strip_zeros(struct span c)
{
	while (c.len > 0 && c.s[c.len - 1] == '0')
		c.len--;
	return c.len;
}

/* Algorithms 3.2 and 3.3: the numeric components. */
static int nums_cmp(const struct gentoover *a, const struct gentoover *b)
{
	const char *pa = a->nums, *ea = pa + a->nums_len;
	const char *pb = b->nums, *eb = pb + b->nums_len;
	struct span x = component(&pa, ea), y = component(&pb, eb);
	int rc = tplc_ident__numcmp(x.s, x.len, y.s, y.len);

	while (rc == 0 && pa < ea && pb < eb) {
		x = component(&pa, ea);
		y = component(&pb, eb);
		/* a leading zero makes it a fraction: compare as strings */
		if (*x.s == '0' || *y.s == '0')
			rc = tplc_ident__strncmp2(x.s, strip_zeros(x), y.s,
			                          strip_zeros(y));
		else
			rc = tplc_ident__numcmp(x.s, x.len, y.s, y.len);
	}
	if (rc == 0)
		rc = (pa < ea) - (pb < eb);
	return rc;
}

/* Algorithms 3.5 and 3.6: the suffixes. */
static int suffix_cmp(const struct gentoover *a, const struct gentoover *b)
{
	int i, rc;

	for (i = 0; i < a->suffixes && i < b->suffixes; i++) {
		rc = tplc_ident__sign(a->suffix[i] - b->suffix[i]);
		if (rc == 0)
			rc = tplc_ident__numcmp(
			        a->suffix_n[i].s, a->suffix_n[i].len,
			        b->suffix_n[i].s, b->suffix_n[i].len);
		if (rc != 0)
			return rc;
	}
	/* one more suffix: only _p makes a version later */
	if (i < a->suffixes)
		return a->suffix[i] == 4 ? 1 : -1;
	if (i < b->suffixes)
		return b->suffix[i] == 4 ? -1 : 1;
	return 0;
}

int tplc_ident__cmp_gentoo(int *out, const char *a, const char *b,
                           struct tplc_error *err)
{
	struct gentoover va, vb;
	int error, rc;

	if ((error = parse(a, &va, err)) != 0 ||
	    (error = parse(b, &vb, err)) != 0)
		return error;
	rc = nums_cmp(&va, &vb);
	if (rc == 0)
		rc = tplc_ident__sign(va.letter - vb.letter);
	if (rc == 0)
		rc = suffix_cmp(&va, &vb);
	if (rc == 0)
		rc = tplc_ident__numcmp(va.rev.s, va.rev.len, vb.rev.s,
		                        vb.rev.len);
	*out = rc;
	return 0;
}

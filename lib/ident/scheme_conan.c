/* SPDX-License-Identifier: Apache-2.0 */
/*
 * conan: conans.model.version.Version.  "items-pre+build": items are
 * dot-separated numbers or words (a number against a word compares their
 * spellings), trailing zero items do not count, a prerelease sorts before
 * its release, and the pre and build parts are versions themselves.
 */
#include <string.h>

#include "ident.h"

struct span {
	const char *s;
	size_t len;
	bool present;
};

struct conanver {
	struct span items, pre, build;
};

static const char *rfind(const char *s, size_t len, char c)
{
	while (len > 0)
		if (s[--len] == c)
			return s + len;
	return NULL;
}

static void split(const char *s, size_t len, struct conanver *v)
{
	const char *plus = rfind(s, len, '+'), *dash;

	memset(v, 0, sizeof(*v));
	if (plus != NULL) {
		v->build = (struct span){ plus + 1,
			                  len - (size_t)(plus + 1 - s), true };
		len = (size_t)(plus - s);
	}
	dash = rfind(s, len, '-');
	if (dash != NULL) {
		v->pre = (struct span){ dash + 1, len - (size_t)(dash + 1 - s),
			                true };
		len = (size_t)(dash - s);
	}
	v->items = (struct span){ s, len, true };
}

static bool digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!tplc_ident__digit(s[i]))
			return false;
	return len > 0;
}

static struct span item(const char **p, const char *end)
{
	struct span it = { *p, 0, true };

	while (*p < end && **p != '.')
		(*p)++;
	it.len = (size_t)(*p - it.s);
	if (*p < end)
		(*p)++;
	return it;
}

/* Length of the items without their trailing zero numbers. */
static size_t nonzero_len(struct span items)
{
	const char *end = items.s + items.len;

	while (end > items.s) {
		const char *dot = rfind(items.s, (size_t)(end - items.s), '.');
		const char *start = dot != NULL ? dot + 1 : items.s;

		if (!digits(start, (size_t)(end - start)) ||
		    tplc_ident__numcmp(start, (size_t)(end - start), "0", 1))
			break;
		end = dot != NULL ? dot : items.s;
	}
	return (size_t)(end - items.s);
}

static int item_cmp(struct span x, struct span y)
{
	bool xn = digits(x.s, x.len), yn = digits(y.s, y.len);

	if (xn && yn)
		return tplc_ident__numcmp(x.s, x.len, y.s, y.len);
	/* Python's str() of a number has no leading zeros */
	while (xn && x.len > 1 && *x.s == '0') {
		x.s++;
		x.len--;
	}
	while (yn && y.len > 1 && *y.s == '0') {
		y.s++;
		y.len--;
	}
	return tplc_ident__strncmp2(x.s, x.len, y.s, y.len);
}

static int items_cmp(struct span a, struct span b)
{
	const char *pa = a.s, *ea = a.s + nonzero_len(a);
	const char *pb = b.s, *eb = b.s + nonzero_len(b);
	int rc = 0;

	while (rc == 0 && pa < ea && pb < eb)
		rc = item_cmp(item(&pa, ea), item(&pb, eb));
	if (rc == 0)
		rc = (pa < ea) - (pb < eb);
	return rc;
}

static int version_cmp(struct span a, struct span b);

/* An absent part sorts before a present one. */
static int part_cmp(struct span a, struct span b)
{
	if (!a.present || !b.present)
		return a.present - b.present;
	return version_cmp(a, b);
}

static int version_cmp(struct span a, struct span b)
{
	struct conanver va, vb;
	int rc;

	split(a.s, a.len, &va);
	split(b.s, b.len, &vb);
	rc = items_cmp(va.items, vb.items);
	if (va.pre.present != vb.pre.present)
		/* a prerelease of the same items comes first */
		return rc != 0 ? rc : (va.pre.present ? -1 : 1);
	if (rc == 0)
		rc = part_cmp(va.pre, vb.pre);
	if (rc == 0)
		rc = part_cmp(va.build, vb.build);
	return rc;
}

int tplc_ident__cmp_conan(int *out, const char *a, const char *b,
                          struct tplc_error *err)
{
	struct span sa = { a, strlen(a), true }, sb = { b, strlen(b), true };
	int error;

	if ((error = tplc_ident__check_printable("conan", a, err)) != 0 ||
	    (error = tplc_ident__check_printable("conan", b, err)) != 0)
		return error;
	*out = version_cmp(sa, sb);
	return 0;
}

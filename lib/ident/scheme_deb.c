/* SPDX-License-Identifier: Apache-2.0 */
/*
 * deb: [epoch:]upstream[-revision] ordered as Debian policy 5.6.12 and
 * dpkg's verrevcmp say: non-digit parts compare with letters before
 * other characters and '~' before everything, even the end.
 */
#include <string.h>

#include "ident.h"

struct debver {
	const char *epoch;
	size_t epoch_len;
	const char *upstream;
	size_t upstream_len;
	const char *revision; /* "" when absent */
	size_t revision_len;
};

static bool allowed(char c, bool upstream)
{
	if (tplc_ident__digit(c) || tplc_ident__alpha(c) || c == '.' ||
	    c == '+' || c == '~')
		return true;
	return upstream && (c == '-' || c == ':');
}

static int parse(const char *s, struct debver *v, struct tplc_error *err)
{
	const char *colon = strchr(s, ':'), *dash = strrchr(s, '-'), *p;

	v->epoch = "0";
	v->epoch_len = 1;
	v->upstream = s;
	if (colon != NULL) {
		for (p = s; p < colon; p++)
			if (!tplc_ident__digit(*p))
				return tplc_ident__bad_version(
				        err, "deb", s, "epoch is not a number");
		if (colon == s)
			return tplc_ident__bad_version(err, "deb", s,
			                               "empty epoch");
		v->epoch = s;
		v->epoch_len = (size_t)(colon - s);
		v->upstream = colon + 1;
	}
	if (dash != NULL && dash > v->upstream) {
		v->upstream_len = (size_t)(dash - v->upstream);
		v->revision = dash + 1;
		v->revision_len = strlen(dash + 1);
		if (v->revision_len == 0)
			return tplc_ident__bad_version(err, "deb", s,
			                               "empty revision");
	} else {
		v->upstream_len = strlen(v->upstream);
		v->revision = "";
		v->revision_len = 0;
	}
	if (v->upstream_len == 0)
		return tplc_ident__bad_version(err, "deb", s,
		                               "empty upstream version");
	for (p = v->upstream; p < v->upstream + v->upstream_len; p++)
		if (!allowed(*p, true))
			return tplc_ident__bad_version(err, "deb", s,
			                               "invalid character");
	for (p = v->revision; p < v->revision + v->revision_len; p++)
		if (!allowed(*p, false))
			return tplc_ident__bad_version(
			        err, "deb", s, "invalid character in revision");
	return 0;
}

/* dpkg's order(): '~' first, then the end and digits, letters, others. */
static int order(const char *p, const char *end)
{
	if (p == end || tplc_ident__digit(*p))
		return 0;
	if (tplc_ident__alpha(*p))
		return (unsigned char)*p;
	if (*p == '~')
		return -1;
	return (unsigned char)*p + 256;
}

static int verrevcmp(const char *a, size_t alen, const char *b, size_t blen)
{
	const char *ea = a + alen, *eb = b + blen;

	while (a < ea || b < eb) {
		const char *da, *db;
		int rc;

		while ((a < ea && !tplc_ident__digit(*a)) ||
		       (b < eb && !tplc_ident__digit(*b))) {
			int ac = order(a, ea), bc = order(b, eb);

			if (ac != bc)
				return ac < bc ? -1 : 1;
			a++;
			b++;
		}
		da = a;
		db = b;
		while (a < ea && tplc_ident__digit(*a))
			a++;
		while (b < eb && tplc_ident__digit(*b))
			b++;
		rc = tplc_ident__numcmp(da, (size_t)(a - da), db,
		                        (size_t)(b - db));
		if (rc != 0)
			return rc;
	}
	return 0;
}

int tplc_ident__cmp_deb(int *out, const char *a, const char *b,
                        struct tplc_error *err)
{
	struct debver va, vb;
	int error, rc;

	if ((error = parse(a, &va, err)) != 0 ||
	    (error = parse(b, &vb, err)) != 0)
		return error;
	rc = tplc_ident__numcmp(va.epoch, va.epoch_len, vb.epoch, vb.epoch_len);
	if (rc == 0)
		rc = verrevcmp(va.upstream, va.upstream_len, vb.upstream,
		               vb.upstream_len);
	if (rc == 0)
		rc = verrevcmp(va.revision, va.revision_len, vb.revision,
		               vb.revision_len);
	*out = rc;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * openssl: MAJOR.MINOR.PATCH, then before 3.0 patch letters (a..z, za..zz:
 * longer is later), then an optional suffix: -alphaN and -betaN come
 * before the release, anything else ("-dev", "-cvs", "-fips") after it.
 */
#include <string.h>

#include "ident.h"

struct osslver {
	const char *num[3];
	size_t num_len[3];
	const char *letters;
	size_t letters_len;
	int rank;           /* 0 alpha, 1 beta, 2 release, 3 other suffix */
	const char *suffix; /* number for alpha/beta, word for other */
	size_t suffix_len;
};

static int parse(const char *s, struct osslver *v, struct tplc_error *err)
{
	const char *p = s, *start;
	int i;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < 3; i++) {
		start = p;
		while (tplc_ident__digit(*p))
			p++;
		if (p == start || (i < 2 && *p != '.'))
			return tplc_ident__bad_version(err, "openssl", s,
			                               "expected X.Y.Z");
		v->num[i] = start;
		v->num_len[i] = (size_t)(p - start);
		if (i < 2)
			p++;
	}
	v->letters = p;
	while (*p >= 'a' && *p <= 'z')
		p++;
	v->letters_len = (size_t)(p - v->letters);
	v->rank = 2;
	if (*p == '-') {
		p++;
		v->rank = strncmp(p, "alpha", 5) == 0  ? 0
		          : strncmp(p, "beta", 4) == 0 ? 1
		                                       : 3;
		if (v->rank < 2) {
			p += v->rank == 0 ? 5 : 4;
			v->suffix = p;
			while (tplc_ident__digit(*p))
				p++;
		} else {
			v->suffix = p;
			while (tplc_ident__digit(*p) || tplc_ident__alpha(*p))
				p++;
		}
		v->suffix_len = (size_t)(p - v->suffix);
	}
	if (*p != '\0')
		return tplc_ident__bad_version(err, "openssl", s,
		                               "unexpected character");
	return 0;
}

int tplc_ident__cmp_openssl(int *out, const char *a, const char *b,
                            struct tplc_error *err)
{
	struct osslver va, vb;
	int i, error, rc = 0;

	if ((error = parse(a, &va, err)) != 0 ||
	    (error = parse(b, &vb, err)) != 0)
		return error;
	for (i = 0; i < 3 && rc == 0; i++)
		rc = tplc_ident__numcmp(va.num[i], va.num_len[i], vb.num[i],
		                        vb.num_len[i]);
	if (rc == 0 && va.letters_len != vb.letters_len)
		rc = va.letters_len < vb.letters_len ? -1 : 1;
	if (rc == 0)
		rc = tplc_ident__strncmp2(va.letters, va.letters_len,
		                          vb.letters, vb.letters_len);
	if (rc == 0)
		rc = tplc_ident__sign(va.rank - vb.rank);
	if (rc == 0 && va.rank < 2)
		rc = tplc_ident__numcmp(va.suffix, va.suffix_len, vb.suffix,
		                        vb.suffix_len);
	else if (rc == 0 && va.rank == 3)
		rc = tplc_ident__strncmp2(va.suffix, va.suffix_len, vb.suffix,
		                          vb.suffix_len);
	*out = rc;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * generic: the fallback for versions with no scheme of their own.  Runs
 * of digits compare by value, runs of letters case-insensitively, a
 * number beats a word, separators do not count.  Where one version runs
 * out: trailing zeros change nothing ("4.1" == "4.1.0"), a further number
 * is newer ("4.1" < "4.1.2"), a further word is a prerelease ("4.1rc1"
 * < "4.1", "2.0-beta" < "2.0").
 */
#include <string.h>

#include "ident.h"

static bool is_zero(const struct tplc_ident__tok *t)
{
	return t->num && tplc_ident__numcmp(t->s, t->len, "0", 1) == 0;
}

/* What the rest of a longer version means: -1 older, 0 same, 1 newer. */
static int tail(const char *p, const char *end, struct tplc_ident__tok *t)
{
	do {
		if (!t->num)
			return -1;
		if (!is_zero(t))
			return 1;
	} while (tplc_ident__tok_next(&p, end, t));
	return 0;
}

static int check(const char *v, struct tplc_error *err)
{
	const char *p = v;
	struct tplc_ident__tok t;

	if (!tplc_ident__tok_next(&p, v + strlen(v), &t))
		return tplc_ident__bad_version(err, "generic", v,
		                               "no digits or letters");
	return 0;
}

int tplc_ident__cmp_generic(int *out, const char *a, const char *b,
                            struct tplc_error *err)
{
	const char *pa = a, *pb = b, *ea = a + strlen(a), *eb = b + strlen(b);
	struct tplc_ident__tok ta, tb;
	bool more_a, more_b;
	int error, rc = 0;

	if ((error = check(a, err)) != 0 || (error = check(b, err)) != 0)
		return error;
	for (;;) {
		more_a = tplc_ident__tok_next(&pa, ea, &ta);
		more_b = tplc_ident__tok_next(&pb, eb, &tb);
		if (!more_a || !more_b)
			break;
		if (ta.num && tb.num)
			rc = tplc_ident__numcmp(ta.s, ta.len, tb.s, tb.len);
		else if (ta.num || tb.num)
			rc = ta.num ? 1 : -1;
		else
			rc = tplc_ident__strncasecmp2(ta.s, ta.len, tb.s,
			                              tb.len);
		if (rc != 0)
			break;
	}
	if (rc == 0 && more_a)
		rc = tail(pa, ea, &ta);
	else if (rc == 0 && more_b)
		rc = -tail(pb, eb, &tb);
	*out = rc;
	return 0;
}

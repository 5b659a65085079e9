/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the version schemes share: comparing digit runs of any length, the
 * generic tokenizer, and the segment compare of rpm and pacman, which
 * several ecosystems (rpm, alpm, generic fallbacks) build on.
 */
#include <string.h>

#include "ident.h"

int tplc_ident__numcmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int rc;

	while (alen > 0 && *a == '0') {
		a++;
		alen--;
	}
	while (blen > 0 && *b == '0') {
		b++;
		blen--;
	}
	if (alen != blen)
		return alen < blen ? -1 : 1;
	rc = alen == 0 ? 0 : memcmp(a, b, alen);
	return tplc_ident__sign(rc);
}

int tplc_ident__strncmp2(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	int rc = n == 0 ? 0 : memcmp(a, b, n);

	if (rc != 0)
		return tplc_ident__sign(rc);
	return alen == blen ? 0 : (alen < blen ? -1 : 1);
}

int tplc_ident__check_printable(const char *scheme, const char *v,
                                struct tplc_error *err)
{
	const char *p;

	for (p = v; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return tplc_ident__bad_version(
			        err, scheme, v, "space or non-printable byte");
	return 0;
}

static unsigned char fold(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c - 'A' + 'a');
	return (unsigned char)c;
}

int tplc_ident__strncasecmp2(const char *a, size_t alen, const char *b,
                             size_t blen)
{
	size_t i, n = alen < blen ? alen : blen;

	for (i = 0; i < n; i++)
		if (fold(a[i]) != fold(b[i]))
			return fold(a[i]) < fold(b[i]) ? -1 : 1;
	return alen == blen ? 0 : (alen < blen ? -1 : 1);
}

bool tplc_ident__tok_next(const char **p, const char *end,
                          struct tplc_ident__tok *t)
{
	const char *s = *p;

	t->sep = s;
	while (s < end && !tplc_ident__digit(*s) && !tplc_ident__alpha(*s))
		s++;
	t->sep_len = (size_t)(s - t->sep);
	t->s = s;
	t->len = 0;
	t->num = false;
	if (s == end) {
		*p = s;
		return false;
	}
	t->num = tplc_ident__digit(*s);
	while (s < end &&
	       (t->num ? tplc_ident__digit(*s) : tplc_ident__alpha(*s)))
		s++;
	t->len = (size_t)(s - t->s);
	*p = s;
	return true;
}

static bool alnum(char c)
{
	return tplc_ident__digit(c) || tplc_ident__alpha(c);
}

static bool at(const char *p, const char *end, char c)
{
	return p < end && *p == c;
}

/* rpm: skip separators; '~' and '^' are not separators but markers. */
static const char *skip_rpm(const char *p, const char *end)
{
	while (p < end && !alnum(*p) && *p != '~' && *p != '^')
		p++;
	return p;
}

static const char *skip_sep(const char *p, const char *end)
{
	while (p < end && !alnum(*p))
		p++;
	return p;
}

/*
 * rpm's markers, one at a time.  Returns 2 when neither string has one,
 * 3 when both had the same marker (continue), else the result.
 */
static int rpm_marker(const char **one, const char *ea, const char **two,
                      const char *eb)
{
	if (at(*one, ea, '~') || at(*two, eb, '~')) {
		/* a tilde sorts before everything, even the end */
		if (!at(*one, ea, '~'))
			return 1;
		if (!at(*two, eb, '~'))
			return -1;
	} else if (at(*one, ea, '^') || at(*two, eb, '^')) {
		/* a caret sorts after the end but before anything else */
		if (*one == ea)
			return -1;
		if (*two == eb)
			return 1;
		if (!at(*one, ea, '^'))
			return 1;
		if (!at(*two, eb, '^'))
			return -1;
	} else {
		return 2;
	}
	(*one)++;
	(*two)++;
	return 3;
}

int tplc_ident__segcmp(const char *a, size_t alen, const char *b, size_t blen,
                       enum tplc_ident__seg_flavor flavor)
{
	const char *one = a, *two = b, *ea = a + alen, *eb = b + blen;
	const char *prev1 = a, *prev2 = b, *s1, *s2;
	bool isnum;
	int rc;

	if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0))
		return 0;
	for (;;) {
		if (flavor == TPLC_IDENT_SEG_RPM) {
			one = skip_rpm(one, ea);
			two = skip_rpm(two, eb);
			rc = rpm_marker(&one, ea, &two, eb);
			if (rc == 3)
				continue;
			if (rc != 2)
				return rc;
			if (one == ea || two == eb)
				break;
		} else {
			if (one == ea || two == eb)
				break;
			one = skip_sep(one, ea);
			two = skip_sep(two, eb);
			if (one == ea || two == eb)
				break;
			/* pacman: more separators is newer */
			if (one - prev1 != two - prev2)
				return one - prev1 < two - prev2 ? -1 : 1;
		}
		s1 = one;
		s2 = two;
		isnum = tplc_ident__digit(*s1);
		while (s1 < ea && (isnum ? tplc_ident__digit(*s1)
		                         : tplc_ident__alpha(*s1)))
			s1++;
		while (s2 < eb && (isnum ? tplc_ident__digit(*s2)
		                         : tplc_ident__alpha(*s2)))
			s2++;
		/* numeric against alpha: the number is newer */
		if (two == s2)
			return isnum ? 1 : -1;
		if (isnum)
			rc = tplc_ident__numcmp(one, (size_t)(s1 - one), two,
			                        (size_t)(s2 - two));
		else
			rc = tplc_ident__strncmp2(one, (size_t)(s1 - one), two,
			                          (size_t)(s2 - two));
		if (rc != 0)
			return rc;
		one = prev1 = s1;
		two = prev2 = s2;
	}
	if (one == ea && two == eb)
		return 0;
	if (flavor == TPLC_IDENT_SEG_RPM)
		return one == ea ? -1 : 1;
	/* pacman: a remaining alpha string never beats an empty one */
	if ((one == ea && !tplc_ident__alpha(*two)) ||
	    (one < ea && tplc_ident__alpha(*one)))
		return -1;
	return 1;
}

void tplc_ident__evr_split(const char *s, struct tplc_ident__evr *evr)
{
	const char *p = s, *dash = strrchr(s, '-');
	size_t len = strlen(s);

	while (tplc_ident__digit(*p))
		p++;
	if (*p == ':') {
		evr->epoch = s;
		evr->epoch_len = (size_t)(p - s);
		p++;
	} else {
		evr->epoch = NULL;
		evr->epoch_len = 0;
		p = s;
	}
	evr->version = p;
	if (dash != NULL && dash >= p) {
		evr->version_len = (size_t)(dash - p);
		evr->release = dash + 1;
		evr->release_len = len - (size_t)(dash + 1 - s);
	} else {
		evr->version_len = len - (size_t)(p - s);
		evr->release = NULL;
		evr->release_len = 0;
	}
}

int tplc_ident__evrcmp(const struct tplc_ident__evr *a,
                       const struct tplc_ident__evr *b,
                       enum tplc_ident__seg_flavor flavor)
{
	const char *ea = a->epoch_len > 0 ? a->epoch : "0";
	const char *eb = b->epoch_len > 0 ? b->epoch : "0";
	int rc;

	rc = tplc_ident__segcmp(ea, a->epoch_len > 0 ? a->epoch_len : 1, eb,
	                        b->epoch_len > 0 ? b->epoch_len : 1, flavor);
	if (rc == 0)
		rc = tplc_ident__segcmp(a->version, a->version_len, b->version,
		                        b->version_len, flavor);
	/* a missing release matches any release, as in rpm and pacman */
	if (rc == 0 && a->release_len > 0 && b->release_len > 0)
		rc = tplc_ident__segcmp(a->release, a->release_len, b->release,
		                        b->release_len, flavor);
	return rc;
}

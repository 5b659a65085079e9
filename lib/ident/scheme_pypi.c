/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pypi: PEP 440 versions, parsed with the spellings PEP 440 normalises
 * ("1.0-ALPHA.1" is "1.0a1", "1.0-1" is "1.0.post1") and ordered as the
 * packaging library's sort key orders them.
 */
#include <string.h>

#include "ident.h"

struct num {
	const char *s;
	size_t len;
};

struct pep440 {
	struct num epoch;
	const char *release; /* N(.N)* */
	size_t release_len;
	int pre; /* -1 none, 0 a, 1 b, 2 rc */
	struct num pre_n;
	bool post, dev;
	struct num post_n, dev_n;
	const char *local; /* after '+', NULL when absent */
	size_t local_len;
};

static const struct num zero = { "0", 1 };

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Match word case-insensitively at *p; advance on success. */
static bool word(const char **p, const char *w)
{
	size_t i, n = strlen(w);

	for (i = 0; i < n; i++)
		if (lower((*p)[i]) != w[i])
			return false;
	*p += n;
	return true;
}

static bool number(const char **p, struct num *n)
{
	const char *s = *p;

	while (tplc_ident__digit(**p))
		(*p)++;
	n->s = s;
	n->len = (size_t)(*p - s);
	return n->len > 0;
}

static void sep(const char **p)
{
	if (**p == '-' || **p == '_' || **p == '.')
		(*p)++;
}

/* [sep] word [sep] [N]; the number defaults to 0. */
static bool labelled(const char **p, const char *const *words, int count,
                     int *which, struct num *n)
{
	const char *s = *p;
	int i;

	sep(&s);
	for (i = 0; i < count; i++) {
		const char *t = s;

		if (word(&t, words[i])) {
			const char *u = t;

			sep(&u);
			if (!number(&u, n)) {
				*n = zero;
				u = t;
			}
			*which = i;
			*p = u;
			return true;
		}
	}
	return false;
}

static int parse(const char *s, struct pep440 *v, struct tplc_error *err)
{
	/* longest spelling first; the index maps to a, b, rc */
	static const char *const pre_words[] = {
		"alpha", "a", "beta", "b", "preview", "pre", "rc", "c"
	};
	static const int pre_kind[] = { 0, 0, 1, 1, 2, 2, 2, 2 };
	static const char *const post_words[] = { "post", "rev", "r" };
	static const char *const dev_words[] = { "dev" };
	const char *p = s, *t;
	struct num n;
	int which;

	memset(v, 0, sizeof(*v));
	v->pre = -1;
	v->epoch = zero;
	while (*p == ' ' || *p == '\t')
		p++;
	if (lower(*p) == 'v')
		p++;
	t = p;
	if (number(&t, &n) && *t == '!') {
		v->epoch = n;
		p = t + 1;
	}
	v->release = p;
	do {
		if (!number(&p, &n))
			return tplc_ident__bad_version(err, "pypi", s,
			                               "expected a release "
			                               "number");
	} while (*p == '.' && tplc_ident__digit(p[1]) && p++);
	v->release_len = (size_t)(p - v->release);
	if (labelled(&p, pre_words, 8, &which, &v->pre_n))
		v->pre = pre_kind[which];
	t = p;
	if (*t == '-' && (t++, number(&t, &v->post_n))) {
		v->post = true;
		p = t;
	} else if (labelled(&p, post_words, 3, &which, &v->post_n)) {
		v->post = true;
	}
	if (labelled(&p, dev_words, 1, &which, &v->dev_n))
		v->dev = true;
	if (*p == '+') {
		v->local = ++p;
		while (tplc_ident__digit(*p) || tplc_ident__alpha(*p) ||
		       ((*p == '.' || *p == '-' || *p == '_') && p > v->local &&
		        (tplc_ident__digit(p[1]) || tplc_ident__alpha(p[1]))))
			p++;
		v->local_len = (size_t)(p - v->local);
		if (v->local_len == 0)
			return tplc_ident__bad_version(err, "pypi", s,
			                               "empty local version");
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return tplc_ident__bad_version(err, "pypi", s,
		                               "not a PEP 440 version");
	return 0;
}

/* The next dot/dash/underscore separated part of *s, which advances. */
static struct num part(const char **s, const char *end)
{
	struct num n = { *s, 0 };

	while (*s < end && **s != '.' && **s != '-' && **s != '_')
		(*s)++;
	n.len = (size_t)(*s - n.s);
	if (*s < end)
		(*s)++;
	return n;
}

static bool numeric(struct num n)
{
	size_t i;

	for (i = 0; i < n.len; i++)
		if (!tplc_ident__digit(n.s[i]))
			return false;
	return n.len > 0;
}

static int release_cmp(const struct pep440 *a, const struct pep440 *b)
{
	const char *pa = a->release, *ea = pa + a->release_len;
	const char *pb = b->release, *eb = pb + b->release_len;
	int rc = 0;

	/* trailing zeros do not count: a missing part is 0 */
	while (rc == 0 && (pa < ea || pb < eb)) {
		struct num x = pa < ea ? part(&pa, ea) : zero;
		struct num y = pb < eb ? part(&pb, eb) : zero;

		rc = tplc_ident__numcmp(x.s, x.len, y.s, y.len);
	}
	return rc;
}

static int local_cmp(const struct pep440 *a, const struct pep440 *b)
{
	const char *pa, *ea, *pb, *eb;

	if (a->local == NULL || b->local == NULL)
		return (a->local != NULL) - (b->local != NULL);
	pa = a->local;
	ea = pa + a->local_len;
	pb = b->local;
	eb = pb + b->local_len;
	while (pa < ea && pb < eb) {
		struct num x = part(&pa, ea), y = part(&pb, eb);
		int rc;

		if (numeric(x) && numeric(y))
			rc = tplc_ident__numcmp(x.s, x.len, y.s, y.len);
		else if (numeric(x) || numeric(y))
			rc = numeric(x) ? 1 : -1; /* numbers after words */
		else
			rc = tplc_ident__strncasecmp2(x.s, x.len, y.s, y.len);
		if (rc != 0)
			return rc;
	}
	return (pa < ea) - (pb < eb);
}

/* packaging's pre key: a dev release of a final sorts before its
 * prereleases, a final after them. */
static int pre_rank(const struct pep440 *v)
{
	if (v->pre < 0 && !v->post && v->dev)
		return -1;
	return v->pre < 0 ? 3 : v->pre;
}

static int numopt_cmp(bool ha, struct num a, bool hb, struct num b, int absent)
{
	if (!ha || !hb)
		return ha == hb ? 0 : (ha ? -absent : absent);
	return tplc_ident__numcmp(a.s, a.len, b.s, b.len);
}

int tplc_ident__cmp_pypi(int *out, const char *a, const char *b,
                         struct tplc_error *err)
{
	struct pep440 va, vb;
	int error, rc;

	if ((error = parse(a, &va, err)) != 0 ||
	    (error = parse(b, &vb, err)) != 0)
		return error;
	rc = tplc_ident__numcmp(va.epoch.s, va.epoch.len, vb.epoch.s,
	                        vb.epoch.len);
	if (rc == 0)
		rc = release_cmp(&va, &vb);
	if (rc == 0)
		rc = tplc_ident__sign(pre_rank(&va) - pre_rank(&vb));
	if (rc == 0 && va.pre >= 0)
		rc = tplc_ident__numcmp(va.pre_n.s, va.pre_n.len, vb.pre_n.s,
		                        vb.pre_n.len);
	/* no post sorts first, no dev sorts last */
	if (rc == 0)
		rc = numopt_cmp(va.post, va.post_n, vb.post, vb.post_n, -1);
	if (rc == 0)
		rc = numopt_cmp(va.dev, va.dev_n, vb.dev, vb.dev_n, 1);
	if (rc == 0)
		rc = local_cmp(&va, &vb);
	*out = rc;
	return 0;
}

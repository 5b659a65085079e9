/* SPDX-License-Identifier: Apache-2.0 */
/*
 * node-semver ranges to vers: "||" between comparator sets, spaces
 * between the comparators of a set, hyphen ranges, X-ranges ("1.2.x",
 * "1.2", "*"), "~" and "^", as node-semver desugars them.  Upper bounds
 * are written without node-semver's "-0" (vers has no pre-release
 * policy), and the constraints of all sets are listed together, as
 * vers-spec's from_native tests do.
 */
#include <string.h>

#include "util/str.h"
#include "vers-native.h"

/* Largest version number accepted (one below node-semver's). */
#define NUM_MAX 2147483646L
/* Longest comparator glued back to its version ("> 1.2" -> ">1.2"). */
#define TERM_MAX (TPLC_IDENT_NATIVE_VERSION_MAX + 8)

/* A partial version: a number of -1 is "x", "X", "*" or missing. */
struct partial {
	long n[3];
	const char *pre, *build; /* without '-' and '+'; NULL if none */
	size_t pre_len, build_len;
};

static bool is_x(const char *s, size_t len)
{
	return len == 1 && (*s == 'x' || *s == 'X' || *s == '*');
}

static bool ident_char(char c)
{
	return tplc_ident__alpha(c) || tplc_ident__digit(c) || c == '-' ||
	       c == '.';
}

static int parse_partial(struct tplc_ident__native *n, const char *s,
                         struct partial *p)
{
	size_t i, len;
	char tmp[16];

	memset(p, 0, sizeof(*p));
	p->n[0] = p->n[1] = p->n[2] = -1;
	while (*s == 'v' || *s == 'V' || *s == '=')
		s++;
	for (i = 0; i < 3; i++) {
		len = strcspn(s, ".-+");
		if (is_x(s, len)) {
			p->n[i] = -1;
		} else if (len == 0 || len >= sizeof(tmp) ||
		           strspn(s, "0123456789") != len) {
			return tplc_ident__native_fail(n, "expected a number");
		} else {
			memcpy(tmp, s, len);
			tmp[len] = '\0';
			if (tplx_parse_long(tmp, 0, NUM_MAX, &p->n[i]) != 0)
				return tplc_ident__native_fail(
				        n, "version number too large");
		}
		/* a number after an "x" is ignored, as node-semver does */
		if (i > 0 && p->n[i - 1] < 0)
			p->n[i] = -1;
		s += len;
		if (*s != '.' || i == 2)
			break;
		s++;
	}
	if (*s == '-' && i == 2) {
		p->pre = ++s;
		while (ident_char(*s) && *s != '+')
			s++;
		p->pre_len = (size_t)(s - p->pre);
	}
	if (*s == '+' && i == 2) {
		p->build = ++s;
		while (ident_char(*s))
			s++;
		p->build_len = (size_t)(s - p->build);
	}
	if (*s != '\0' || (p->pre != NULL && p->pre_len == 0) ||
	    (p->build != NULL && p->build_len == 0))
		return tplc_ident__native_fail(n, "invalid version");
	return 0;
}

static int add3(struct tplc_ident__native *n, const char *op, long major,
                long minor, long patch)
{
	if (major > NUM_MAX || minor > NUM_MAX || patch > NUM_MAX)
		return tplc_ident__native_fail(n, "version number too large");
	return tplc_ident__native_addf(n, op, "%ld.%ld.%ld", major, minor,
	                               patch);
}

/* The full version of p, pre-release and build included. */
static int add_full(struct tplc_ident__native *n, const char *op,
                    const struct partial *p)
{
	return tplc_ident__native_addf(
	        n, op, "%ld.%ld.%ld%s%.*s%s%.*s", p->n[0], p->n[1], p->n[2],
	        p->pre != NULL ? "-" : "", (int)p->pre_len,
	        p->pre != NULL ? p->pre : "", p->build != NULL ? "+" : "",
	        (int)p->build_len, p->build != NULL ? p->build : "");
}

/* >=lower and <upper: the shape of "~", "^" and bare X-ranges. */
static int span(struct tplc_ident__native *n, const struct partial *lo,
                long major, long minor, long patch)
{
	int error;

	if (lo->n[2] >= 0)
		error = add_full(n, ">=", lo);
	else
		error = add3(n, ">=", lo->n[0], lo->n[1] < 0 ? 0 : lo->n[1], 0);
	return error != 0 ? error : add3(n, "<", major, minor, patch);
}

static int caret(struct tplc_ident__native *n, const struct partial *p,
                 bool *any)
{
	long M = p->n[0], m = p->n[1], pt = p->n[2];

	if (M < 0) {
		*any = true;
		return 0;
	}
	if (m < 0 || M > 0)
		return span(n, p, M + 1, 0, 0);
	if (pt < 0 || m > 0)
		return span(n, p, 0, m + 1, 0);
	return span(n, p, 0, 0, pt + 1);
}

static int tilde(struct tplc_ident__native *n, const struct partial *p,
                 bool *any)
{
	if (p->n[0] < 0) {
		*any = true;
		return 0;
	}
	if (p->n[1] < 0)
		return span(n, p, p->n[0] + 1, 0, 0);
	return span(n, p, p->n[0], p->n[1] + 1, 0);
}

/* A primitive comparator, X-ranges included (node-semver replaceXRange). */
static int xrange(struct tplc_ident__native *n, const char *op,
                  struct partial *p, bool *any)
{
	long M = p->n[0], m = p->n[1];
	bool xm = m < 0, xp = p->n[2] < 0;

	if (M < 0) {
		/* ">*" and "<*" match nothing; ">=*", "<=*" all */
		if ((op[0] == '<' || op[0] == '>') && op[1] == '\0')
			return tplc_ident__native_fail(n,
			                               "the range matches no "
			                               "version");
		*any = true;
		return 0;
	}
	if (!xp)
		return add_full(n, op[0] == '\0' ? "=" : op, p);
	if (op[0] == '\0' || strcmp(op, "=") == 0)
		return xm ? span(n, p, M + 1, 0, 0) : span(n, p, M, m + 1, 0);
	if (xm)
		m = 0;
	if (strcmp(op, ">") == 0)
		return xm ? add3(n, ">=", M + 1, 0, 0)
		          : add3(n, ">=", M, m + 1, 0);
	if (strcmp(op, "<=") == 0)
		return xm ? add3(n, "<", M + 1, 0, 0)
		          : add3(n, "<", M, m + 1, 0);
	return add3(n, op, M, m, 0); /* ">=" and "<" */
}

static int comparator(struct tplc_ident__native *n, const char *t, bool *any)
{
	static const char *const ops[] = { "~>", ">=", "<=", "~", "^",
		                           ">",  "<",  "=",  NULL };
	const char *op = "";
	struct partial p;
	size_t i;
	int error;

	for (i = 0; ops[i] != NULL; i++)
		if (strncmp(t, ops[i], strlen(ops[i])) == 0) {
			op = ops[i];
			t += strlen(op);
			break;
		}
	if ((error = parse_partial(n, t, &p)) != 0)
		return error;
	if (op[0] == '^')
		return caret(n, &p, any);
	if (op[0] == '~')
		return tilde(n, &p, any);
	return xrange(n, op, &p, any);
}

/* "A - B": inclusive, with X-ranges on either side. */
static int hyphen(struct tplc_ident__native *n, const char *from,
                  const char *to, bool *any)
{
	struct partial a, b;
	int error;

	if ((error = parse_partial(n, from, &a)) != 0 ||
	    (error = parse_partial(n, to, &b)) != 0)
		return error;
	if (a.n[0] < 0 && b.n[0] < 0) {
		*any = true;
		return 0;
	}
	if (a.n[0] >= 0 && a.n[2] >= 0)
		error = add_full(n, ">=", &a);
	else if (a.n[0] >= 0)
		error = add3(n, ">=", a.n[0], a.n[1] < 0 ? 0 : a.n[1], 0);
	if (error != 0 || b.n[0] < 0)
		return error;
	if (b.n[1] < 0)
		return add3(n, "<", b.n[0] + 1, 0, 0);
	if (b.n[2] < 0)
		return add3(n, "<", b.n[0], b.n[1] + 1, 0);
	return add_full(n, "<=", &b);
}

static bool op_only(const char *t)
{
	return *t != '\0' && strspn(t, "<>=~^") == strlen(t);
}

/* Copy the word w[0..len) into buf (TERM_MAX bytes). */
static int word(struct tplc_ident__native *n, char *buf, const char *w,
                size_t len)
{
	if (len >= TERM_MAX)
		return tplc_ident__native_fail(n, "comparator too long");
	memcpy(buf, w, len);
	buf[len] = '\0';
	return 0;
}

/* One comparator set; true in *any when it matches every version. */
static int set(struct tplc_ident__native *n, const char *s, bool *any)
{
	const char *w[4], *p;
	char from[TERM_MAX], to[TERM_MAX];
	size_t wl[4], count = 0, before = n->count, len;
	bool star = false;
	int error = 0;

	/* a hyphen range is exactly three words */
	for (p = s; count < 4;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		w[count] = p;
		wl[count] = strcspn(p, " \t");
		p += wl[count++];
	}
	if (count == 0) {
		*any = true; /* node-semver reads "" as "*" */
		return 0;
	}
	if (count == 3 && wl[1] == 1 && *w[1] == '-') {
		if ((error = word(n, from, w[0], wl[0])) == 0 &&
		    (error = word(n, to, w[2], wl[2])) == 0)
			error = hyphen(n, from, to, &star);
		goto out;
	}
	for (p = s; error == 0;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		len = strcspn(p, " \t");
		if ((error = word(n, from, p, len)) != 0)
			return error;
		p += len;
		/* "> 1.2" is ">1.2" */
		if (op_only(from)) {
			p += strspn(p, " \t");
			len = strcspn(p, " \t");
			if (len == 0)
				return tplc_ident__native_fail(
				        n, "comparator without a version");
			if ((error = word(n, to, p, len)) != 0)
				return error;
			p += len;
			if (strlen(from) + len >= TERM_MAX)
				return tplc_ident__native_fail(
				        n, "comparator too long");
			memcpy(from + strlen(from), to, len + 1);
		}
		if (strcmp(from, "-") == 0)
			return tplc_ident__native_fail(n, "a hyphen range is "
			                                  "\"A - B\" alone");
		error = comparator(n, from, &star);
	}
out:
	/* "*" among other comparators adds nothing; alone, it is all */
	if (error == 0 && star && n->count == before)
		*any = true;
	return error;
}

int tplc_ident__native_npm(struct tplc_ident__native *n, char *s)
{
	char *next;
	bool any = false;
	int error = 0;

	for (; error == 0 && s != NULL; s = next) {
		if ((next = strstr(s, "||")) != NULL) {
			*next = '\0';
			next += 2;
		}
		error = set(n, s, &any);
	}
	/* one set matching every version makes the whole range "*" */
	if (error == 0 && any)
		n->any = true;
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Native range notations to vers, as vers-spec's from_native tests
 * expect.  Each converter appends (comparator, version) pairs; finish()
 * writes them as a vers and hands it to vers.c, whose lenient parse sorts
 * by the scheme's own order and whose format writes the canonical form.
 * npm lives in vers-native-npm.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/str.h"
#include "vers-native.h"

/* Largest number a bumped version component may hold. */
#define NUM_MAX 2147483646L

int tplc_ident__native_fail(struct tplc_ident__native *n, const char *why)
{
	return tplc_error_set(n->err, TPLC_EPARSE,
	                      "invalid %s range \"%.100s\": %s", n->scheme,
	                      n->input, why);
}

/* Bytes that no version of any scheme carries in a native range. */
static bool bad_byte(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '|' || c == '%' || c == '*' ||
	       c == '<' || c == '>' || c == '=' || c == '!';
}

int tplc_ident__native_add(struct tplc_ident__native *n, const char *op,
                           const char *v, size_t len)
{
	struct tplc_ident__native_c *c;
	size_t i;
	int rc;

	if (len == 0)
		return tplc_ident__native_fail(n, "empty version");
	if (len > TPLC_IDENT_NATIVE_VERSION_MAX)
		return tplc_ident__native_fail(n, "version too long");
	for (i = 0; i < len; i++)
		if (bad_byte((unsigned char)v[i]))
			return tplc_ident__native_fail(
			        n, "invalid character in version");
	if (n->count >= TPLC_VERS_NATIVE_CONSTRAINTS_MAX)
		return tplc_ident__native_fail(n, "too many constraints");
	c = &n->c[n->count];
	c->op = op;
	memcpy(c->version, v, len);
	c->version[len] = '\0';
	/* a version the scheme refuses fails here, with its reason */
	if (n->row->cmp(&rc, c->version, c->version, n->err) != 0)
		return TPLC_EPARSE;
	n->count++;
	return 0;
}

int tplc_ident__native_addf(struct tplc_ident__native *n, const char *op,
                            const char *fmt, ...)
{
	char v[TPLC_IDENT_NATIVE_VERSION_MAX + 1];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(v, sizeof(v), fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= sizeof(v))
		return tplc_ident__native_fail(n, "version too long");
	return tplc_ident__native_add(n, op, v, (size_t)len);
}

int tplc_ident__native_adds(struct tplc_ident__native *n, const char *op,
                            const char *v)
{
	return tplc_ident__native_add(n, op, v, strlen(v));
}

/* Remove every ASCII space and tab from s, in place. */
void tplc_ident__native_squeeze(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			*w++ = *s;
	*w = '\0';
}

bool tplc_ident__native_digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!tplc_ident__digit(s[i]))
			return false;
	return len > 0;
}

/* s[0..len) as a number no larger than NUM_MAX, or -1. */
static long number(const char *s, size_t len)
{
	char tmp[16];
	long v;

	if (!tplc_ident__native_digits(s, len) || len >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	return tplx_parse_long(tmp, 0, NUM_MAX, &v) == 0 ? v : -1;
}

/* One dotted component: item'th of s (cut at the first of stop). */
bool tplc_ident__native_item(const char *s, const char *stop, size_t index,
                             const char **start, size_t *len)
{
	size_t end = strcspn(s, stop), i = 0;
	const char *p = s, *dot;

	for (;;) {
		dot = memchr(p, '.', end - (size_t)(p - s));
		if (i == index) {
			*start = p;
			*len = dot != NULL ? (size_t)(dot - p)
			                   : end - (size_t)(p - s);
			return true;
		}
		if (dot == NULL)
			return false;
		p = dot + 1;
		i++;
	}
}

/*
 * The first index items of v (cut at stop), then item index plus one,
 * then suffix: the bound above a "~" or "^" range.
 */
int tplc_ident__native_bump(struct tplc_ident__native *n, const char *v,
                            const char *stop, size_t index, const char *suffix)
{
	const char *start;
	size_t len;
	long num;

	if (!tplc_ident__native_item(v, stop, index, &start, &len) ||
	    (num = number(start, len)) < 0 || num >= NUM_MAX)
		return tplc_ident__native_fail(n, "cannot bump a non-numeric "
		                                  "version component");
	return tplc_ident__native_addf(n, "<", "%.*s%ld%s", (int)(start - v), v,
	                               num + 1, suffix);
}

/* Number of dotted items of v before the first of stop. */
size_t tplc_ident__native_items(const char *v, const char *stop)
{
	size_t i, count = 1, end = strcspn(v, stop);

	for (i = 0; i < end; i++)
		count += v[i] == '.';
	return count;
}

int tplc_ident__native_cmp(struct tplc_ident__native *n, const char *a,
                           const char *b)
{
	int rc = 0;

	/* versions were checked when added: this cannot fail */
	(void)n->row->cmp(&rc, a, b, NULL);
	return rc;
}

/* openssl: a comma-separated list of affected versions. */
static int from_openssl(struct tplc_ident__native *n, char *s)
{
	char *tok, *next;
	size_t i;
	int error = 0;

	tplc_ident__native_squeeze(s);
	tplc_ident__lower(s);
	for (tok = s; error == 0 && tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		for (i = 0; i < n->count; i++)
			if (strcmp(n->c[i].version, tok) == 0)
				break;
		if (i == n->count) /* a version listed twice is once */
			error = tplc_ident__native_adds(n, "=", tok);
	}
	return error;
}

/*
 * nginx advisories: "1.5.0+, 1.4.1+", "0.6.18-1.20.0", "1.5.10", "all".
 * "X.Y.Z+" on a stable branch (even Y) ends at X.Y+1.0; on mainline (odd
 * Y) it is open-ended.
 */
static int from_nginx(struct tplc_ident__native *n, char *s)
{
	char *tok, *next, *dash;
	const char *start;
	size_t len;
	long minor;
	int error = 0;

	tplc_ident__native_squeeze(s);
	tplc_ident__lower(s);
	if (strcmp(s, "all") == 0) {
		n->any = true;
		return 0;
	}
	if (strcmp(s, "none") == 0)
		return tplc_ident__native_fail(n, "\"none\" is no range");
	for (tok = s; error == 0 && tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		len = strlen(tok);
		if ((dash = strchr(tok, '-')) != NULL) {
			*dash = '\0';
			error = tplc_ident__native_adds(n, ">=", tok);
			if (error == 0)
				error = tplc_ident__native_adds(n,
				                                "<=", dash + 1);
		} else if (len > 0 && tok[len - 1] == '+') {
			tok[len - 1] = '\0';
			if ((error = tplc_ident__native_adds(n, ">=", tok)) !=
			    0)
				break;
			if (!tplc_ident__native_item(tok, "", 1, &start,
			                             &len) ||
			    (minor = number(start, len)) < 0)
				return tplc_ident__native_fail(
				        n, "expected MAJOR.MINOR before '+'");
			if (minor % 2 == 0)
				error = tplc_ident__native_addf(
				        n, "<", "%.*s%ld.0", (int)(start - tok),
				        tok, minor + 1);
		} else {
			error = tplc_ident__native_adds(n, "=", tok);
		}
	}
	return error;
}

/*
 * conan: "||" between alternatives, spaces between the conditions of one,
 * ", option=value" after; a trailing "-" (pre-releases included) goes.
 */
static int conan_term(struct tplc_ident__native *n, char *e)
{
	const char *op = "=";
	size_t len = strlen(e), i;

	if (len > 0 && e[len - 1] == '-')
		e[--len] = '\0';
	if (len == 0 || strcmp(e, "*") == 0)
		return tplc_ident__native_adds(n, ">=", "0.0.0");
	if (strchr("<>^~=", e[0]) != NULL) {
		op = e[0] == '<' ? "<" : e[0] == '>' ? ">" : "=";
		if ((e[0] == '<' || e[0] == '>') && e[1] == '=') {
			op = e[0] == '<' ? "<=" : ">=";
			e++;
		}
		if (e[0] == '~' || e[0] == '^') {
			char kind = e[0];
			int error;

			e++;
			if ((error = tplc_ident__native_adds(n, ">=", e)) != 0)
				return error;
			if (kind == '~')
				return tplc_ident__native_bump(
				        n, e, "-+",
				        tplc_ident__native_items(e, "-+") > 1
				                ? 1
				                : 0,
				        "-");
			/* "^": bump the first component that is not 0 */
			for (i = 0; i < tplc_ident__native_items(e, "-+");
			     i++) {
				const char *start;
				size_t ilen;

				tplc_ident__native_item(e, "-+", i, &start,
				                        &ilen);
				if (number(start, ilen) != 0)
					return tplc_ident__native_bump(
					        n, e, "-+", i, "-");
			}
			return tplc_ident__native_fail(
			        n, "'^' of an all-zero version has no bound");
		}
		e++;
	}
	return tplc_ident__native_adds(n, op, e);
}

static int from_conan(struct tplc_ident__native *n, char *s)
{
	char *set, *next, *e, *save;
	int error = 0;

	if ((e = strchr(s, ',')) != NULL)
		*e = '\0'; /* options: include_prerelease, loose */
	for (set = s; error == 0 && set != NULL; set = next) {
		if ((next = strstr(set, "||")) != NULL) {
			*next = '\0';
			next += 2;
		}
		for (e = set; error == 0; e = save) {
			e += strspn(e, " \t");
			if (*e == '\0')
				break;
			save = e + strcspn(e, " \t");
			if (*save != '\0')
				*save++ = '\0';
			error = conan_term(n, e);
		}
	}
	return error;
}

/* nuget interval notation: [1.0,2.0), (,1.0], [1.0]; a bare version
 * is a minimum. */
static int from_nuget(struct tplc_ident__native *n, char *s)
{
	char *lo, *hi, *comma, open, close;
	size_t len;
	int error = 0, rc = 0;

	tplc_ident__native_squeeze(s);
	len = strlen(s);
	if (len == 0)
		return tplc_ident__native_fail(n, "empty range");
	if (s[0] != '[' && s[0] != '(')
		return tplc_ident__native_adds(n, ">=", s);
	open = s[0];
	close = s[len - 1];
	if (len < 3 || (close != ']' && close != ')'))
		return tplc_ident__native_fail(n, "expected ']' or ')'");
	s[len - 1] = '\0';
	lo = s + 1;
	if ((comma = strchr(lo, ',')) == NULL) {
		if (open != '[' || close != ']')
			return tplc_ident__native_fail(
			        n, "an exact version needs [ and ]");
		return tplc_ident__native_adds(n, "=", lo);
	}
	*comma = '\0';
	hi = comma + 1;
	if (strchr(hi, ',') != NULL)
		return tplc_ident__native_fail(n, "more than two bounds");
	if (*lo == '\0' && *hi == '\0')
		return tplc_ident__native_fail(n, "no bound");
	if (*lo != '\0' && *hi != '\0') {
		if ((error = n->row->cmp(&rc, lo, hi, n->err)) != 0)
			return error;
		if (rc > 0 || (rc == 0 && (open != '[' || close != ']')))
			return tplc_ident__native_fail(n, "empty interval");
		if (rc == 0)
			return tplc_ident__native_adds(n, "=", lo);
	}
	if (*lo != '\0')
		error = tplc_ident__native_adds(n, open == '[' ? ">=" : ">",
		                                lo);
	if (error == 0 && *hi != '\0')
		error = tplc_ident__native_adds(n, close == ']' ? "<=" : "<",
		                                hi);
	return error;
}

typedef int (*convert_fn)(struct tplc_ident__native *n, char *s);

/* Sorted by scheme. */
static const struct {
	const char *scheme;
	convert_fn convert;
} natives[] = {
	{ "conan", from_conan },
	{ "gem", tplc_ident__native_gem },
	{ "nginx", from_nginx },
	{ "npm", tplc_ident__native_npm },
	{ "nuget", from_nuget },
	{ "openssl", from_openssl },
	{ "pypi", tplc_ident__native_pypi },
};

static convert_fn find(const char *scheme)
{
	size_t i;

	for (i = 0; scheme != NULL && i < sizeof(natives) / sizeof(natives[0]);
	     i++)
		if (strcmp(scheme, natives[i].scheme) == 0)
			return natives[i].convert;
	return NULL;
}

bool tplc_vers_native_supported(const char *scheme)
{
	return find(scheme) != NULL;
}

/* At one version, upper bounds first: "<1.5.0|>=1.5.0" reads as a gap. */
static int rank(const char *op)
{
	static const char *const order[] = { "<", "<=", "=", "!=", ">", ">=" };
	int i;

	for (i = 0; i < 5 && strcmp(op, order[i]) != 0; i++)
		;
	return i;
}

/* Stable insertion sort by version, then rank; vers.c's sort (stable,
 * by version only) then keeps this order. */
static void sort(struct tplc_ident__native *n)
{
	struct tplc_ident__native_c tmp;
	size_t i, j;
	int rc;

	for (i = 1; i < n->count; i++) {
		for (j = i; j > 0; j--) {
			rc = tplc_ident__native_cmp(n, n->c[j - 1].version,
			                            n->c[j].version);
			if (rc < 0 || (rc == 0 && rank(n->c[j - 1].op) <=
			                                  rank(n->c[j].op)))
				break;
			tmp = n->c[j];
			n->c[j] = n->c[j - 1];
			n->c[j - 1] = tmp;
		}
	}
}

/* Write n as a vers, then let vers.c sort and canonicalise it. */
static int finish(char **out, const struct tplc_ident__native *n,
                  struct tplc_error *err)
{
	struct tplx_buf b = TPLX_BUF_INIT(TPLC_VERS_MAX);
	struct tplc_vers *range = NULL;
	size_t i;
	int error;

	error = tplx_buf_addf(&b, "vers:%s/%s", n->scheme, n->any ? "*" : "");
	for (i = 0; !n->any && error == 0 && i < n->count; i++)
		error = tplx_buf_addf(&b, "%s%s%s", i > 0 ? "|" : "",
		                      n->c[i].op, n->c[i].version);
	if (error != 0) {
		error = tplc_error_set(err, error, "%s",
		                       error == TPLC_ENOMEM ? "out of memory"
		                                            : "vers too long");
		goto out;
	}
	error = tplc_vers_parse_lenient(&range, tplx_buf_str(&b), err);
	if (error == 0)
		error = tplc_vers_format(out, range, err);
out:
	tplc_vers_free(range);
	tplx_buf_release(&b);
	return error;
}

int tplc_vers_from_native(char **out, const char *scheme, const char *native,
                          struct tplc_error *err)
{
	struct tplc_ident__native *n = NULL;
	convert_fn convert;
	char *copy = NULL;
	const char *p;
	int error;

	if (out == NULL || scheme == NULL || native == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "vers from native: NULL argument");
	*out = NULL;
	if ((convert = find(scheme)) == NULL)
		return tplc_error_set(err, TPLC_EUNSUPPORTED,
		                      "no native range notation for scheme "
		                      "\"%.64s\"",
		                      scheme);
	if (strlen(native) > TPLC_VERS_NATIVE_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "native range longer than %d bytes",
		                      TPLC_VERS_NATIVE_MAX);
	n = tplx_calloc(1, sizeof(*n));
	copy = tplx_strdup(native);
	if (n == NULL || copy == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	n->scheme = scheme;
	n->input = native;
	n->err = err;
	if ((n->row = tplc_ident__scheme_find(scheme)) == NULL) {
		error = tplc_error_set(err, TPLC_EUNSUPPORTED,
		                       "unsupported version scheme \"%.64s\"",
		                       scheme);
		goto out;
	}
	for (p = native; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' && *p != '\t') {
			error = tplc_ident__native_fail(n, "control character");
			goto out;
		}
	if ((error = convert(n, copy)) != 0)
		goto out;
	sort(n);
	if (!n->any && n->count == 0) {
		error = tplc_ident__native_fail(n, "empty range");
		goto out;
	}
	error = finish(out, n, err);
out:
	tplx_free(copy);
	tplx_free(n);
	return error;
}

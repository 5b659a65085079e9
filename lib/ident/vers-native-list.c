/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Requirement lists whose every member holds: pypi (PEP 440 specifiers)
 * and gem.  The conversion intersects them, so that the vers is one
 * interval with its exclusions, as vers-spec wants it.
 */
#include <string.h>

#include "vers-native.h"

/* The comparators of pypi and gem, longest first. */
static const char *take_op(char **s, const char *const *ops)
{
	size_t i;

	for (i = 0; ops[i] != NULL; i++)
		if (strncmp(*s, ops[i], strlen(ops[i])) == 0) {
			*s += strlen(ops[i]);
			return ops[i];
		}
	return NULL;
}

/*
 * pypi and gem list requirements that must all hold: keep the highest
 * lower bound, the lowest upper bound, an exact version if any, and the
 * exclusions between them.  Fails when nothing can satisfy them all.
 */
static int intersect(struct tplc_ident__native *n)
{
	struct tplc_ident__native_c *lo = NULL, *hi = NULL, *eq = NULL, *c;
	size_t i, j, w = 0;
	int rc;

	for (i = 0; i < n->count; i++) {
		c = &n->c[i];
		if (c->op[0] == '>' &&
		    (lo == NULL ||
		     (rc = tplc_ident__native_cmp(n, c->version, lo->version)) >
		             0 ||
		     (rc == 0 && c->op[1] == '\0')))
			lo = c;
		else if (c->op[0] == '<' &&
		         (hi == NULL ||
		          (rc = tplc_ident__native_cmp(n, c->version,
		                                       hi->version)) < 0 ||
		          (rc == 0 && c->op[1] == '\0')))
			hi = c;
		else if (c->op[0] == '=') {
			if (eq != NULL &&
			    tplc_ident__native_cmp(n, c->version,
			                           eq->version) != 0)
				return tplc_ident__native_fail(
				        n, "no version satisfies all of it");
			eq = c;
		}
	}
	/* an exclusion on an inclusive bound makes the bound exclusive */
	for (i = 0; i < n->count; i++) {
		c = &n->c[i];
		if (c->op[0] != '!')
			continue;
		if (lo != NULL && lo->op[1] == '=' &&
		    tplc_ident__native_cmp(n, c->version, lo->version) == 0)
			lo->op = ">";
		if (hi != NULL && hi->op[1] == '=' &&
		    tplc_ident__native_cmp(n, c->version, hi->version) == 0)
			hi->op = "<";
	}
	if (lo != NULL && hi != NULL) {
		rc = tplc_ident__native_cmp(n, lo->version, hi->version);
		if (rc > 0 ||
		    (rc == 0 && (lo->op[1] != '=' || hi->op[1] != '=')))
			return tplc_ident__native_fail(
			        n, "no version satisfies all of it");
		if (rc == 0 && eq == NULL)
			eq = lo;
	}
	if (eq != NULL) {
		for (i = 0; i < n->count; i++) {
			c = &n->c[i];
			rc = tplc_ident__native_cmp(n, eq->version, c->version);
			if ((c->op[0] == '!' && rc == 0) ||
			    (c == lo &&
			     (rc < 0 || (rc == 0 && c->op[1] != '='))) ||
			    (c == hi &&
			     (rc > 0 || (rc == 0 && c->op[1] != '='))))
				return tplc_ident__native_fail(
				        n, "no version satisfies all of it");
		}
		eq->op = "=";
		n->c[0] = *eq;
		n->count = 1;
		return 0;
	}
	for (i = 0; i < n->count; i++) {
		c = &n->c[i];
		if (c->op[0] == '!') {
			/* only exclusions inside the bounds matter, once */
			if ((lo != NULL &&
			     tplc_ident__native_cmp(n, c->version,
			                            lo->version) <= 0) ||
			    (hi != NULL &&
			     tplc_ident__native_cmp(n, c->version,
			                            hi->version) >= 0))
				continue;
			for (j = 0; j < w; j++)
				if (n->c[j].op[0] == '!' &&
				    tplc_ident__native_cmp(n, c->version,
				                           n->c[j].version) ==
				            0)
					break;
			if (j < w)
				continue;
		} else if (c != lo && c != hi) {
			continue;
		}
		n->c[w++] = *c;
	}
	n->count = w;
	return 0;
}

/*
 * pypi (PEP 440): comma-separated specifiers, all of which hold.
 * "==1.4.*" is every release starting 1.4: >=1.4.dev0 and <1.5.dev0;
 * "~=2.2" is >=2.2 and ==2.*; "===" is taken as "==".
 */
static int pypi_term(struct tplc_ident__native *n, char *e)
{
	static const char *const ops[] = { "===", "~=", "==", "!=", "<=",
		                           ">=",  "<",  ">",  NULL };
	const char *op = take_op(&e, ops);
	size_t len = strlen(e);
	int error;

	if (op == NULL)
		return tplc_ident__native_fail(n, "expected a comparator");
	if (len >= 2 && strcmp(e + len - 2, ".*") == 0) {
		if (strcmp(op, "==") != 0)
			return tplc_ident__native_fail(
			        n, "a wildcard only goes with '=='");
		e[len - 2] = '\0';
		if (strspn(e, "0123456789.!") != len - 2)
			return tplc_ident__native_fail(
			        n, "a wildcard follows a release number");
		if ((error = tplc_ident__native_addf(n, ">=", "%s.dev0", e)) !=
		    0)
			return error;
		return tplc_ident__native_bump(
		        n, e, "", tplc_ident__native_items(e, "") - 1, ".dev0");
	}
	if (strcmp(op, "~=") == 0) {
		if (strspn(e, "0123456789.!") != len ||
		    tplc_ident__native_items(e, "") < 2)
			return tplc_ident__native_fail(
			        n,
			        "'~=' needs a release of two numbers or more");
		if ((error = tplc_ident__native_adds(n, ">=", e)) != 0)
			return error;
		return tplc_ident__native_bump(
		        n, e, "", tplc_ident__native_items(e, "") - 2, ".dev0");
	}
	return tplc_ident__native_adds(
	        n, strcmp(op, "===") == 0 || strcmp(op, "==") == 0 ? "=" : op,
	        e);
}

int tplc_ident__native_pypi(struct tplc_ident__native *n, char *s)
{
	char *tok, *next;
	int error = 0;

	if (strchr(s, ';') != NULL)
		return tplc_ident__native_fail(n, "environment markers have no "
		                                  "vers form");
	tplc_ident__native_squeeze(s);
	for (tok = s; error == 0 && tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		error = pypi_term(n, tok);
	}
	return error == 0 ? intersect(n) : error;
}

/*
 * gem requirements: "~> 2.0.8, != 2.0.9".  "~> X.Y.Z" is >= X.Y.Z and
 * below X.Y+1: the release drops its last number (and any pre-release
 * part) and bumps the one before.
 */
static int gem_term(struct tplc_ident__native *n, char *e)
{
	static const char *const ops[] = { "~>", ">=", "<=", "!=",
		                           "=",  ">",  "<",  NULL };
	const char *op = take_op(&e, ops);
	size_t count;
	int error;

	if (op == NULL)
		op = "=";
	if (strcmp(op, "~>") != 0)
		return tplc_ident__native_adds(n, op, e);
	if ((error = tplc_ident__native_adds(n, ">=", e)) != 0)
		return error;
	/* the release part: numbers up to the first with a letter */
	for (count = 0; count < tplc_ident__native_items(e, ""); count++) {
		const char *start;
		size_t len;

		tplc_ident__native_item(e, "", count, &start, &len);
		if (!tplc_ident__native_digits(start, len))
			break;
	}
	if (count == 0)
		return tplc_ident__native_fail(n, "'~>' needs a number");
	return tplc_ident__native_bump(n, e, "", count > 1 ? count - 2 : 0, "");
}

int tplc_ident__native_gem(struct tplc_ident__native *n, char *s)
{
	char *tok, *next;
	int error = 0;

	tplc_ident__native_squeeze(s);
	for (tok = s; error == 0 && tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		error = gem_term(n, tok);
	}
	return error == 0 ? intersect(n) : error;
}

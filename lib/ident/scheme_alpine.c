/* SPDX-License-Identifier: Apache-2.0 */
/*
 * alpine (apk): the token machine of apk-tools' version.c.  A version is
 * digits, an optional letter, suffixes (_alpha, _beta, _pre, _rc before
 * the release; _cvs, _svn, _git, _hg, _p after it), each with an optional
 * number, and a -rN revision.  After a '.', leading zeros make a number
 * sort before any number without them ("1.02" < "1.2").
 */
#include <stdio.h>
#include <string.h>

#include "ident.h"

enum {
	T_INVALID = -1,
	T_DIGIT_OR_ZERO,
	T_DIGIT,
	T_LETTER,
	T_SUFFIX,
	T_SUFFIX_NO,
	T_REVISION_NO,
	T_END,
};

struct blob {
	const char *p;
	size_t len;
};

/* A token's value: a run of digits of any length, or a small number. */
struct val {
	const char *dig; /* NULL for a small value */
	size_t len;
	long small;
};

static void next_token(int *type, struct blob *b)
{
	int n = T_INVALID;

	if (b->len == 0) {
		n = T_END;
	} else if ((*type == T_DIGIT || *type == T_DIGIT_OR_ZERO) &&
	           b->p[0] >= 'a' && b->p[0] <= 'z') {
		n = T_LETTER;
	} else if (*type == T_LETTER && tplc_ident__digit(b->p[0])) {
		n = T_DIGIT;
	} else if (*type == T_SUFFIX && tplc_ident__digit(b->p[0])) {
		n = T_SUFFIX_NO;
	} else {
		if (b->p[0] == '.') {
			n = T_DIGIT_OR_ZERO;
		} else if (b->p[0] == '_') {
			n = T_SUFFIX;
		} else if (b->p[0] == '-' && b->len > 1 && b->p[1] == 'r') {
			n = T_REVISION_NO;
			b->p++;
			b->len--;
		}
		b->p++;
		b->len--;
	}
	/* tokens only move forward, with these three exceptions */
	if (n < *type && !((n == T_DIGIT_OR_ZERO && *type == T_DIGIT) ||
	                   (n == T_SUFFIX && *type == T_SUFFIX_NO) ||
	                   (n == T_DIGIT && *type == T_LETTER)))
		n = T_INVALID;
	*type = n;
}

static bool prefix(const struct blob *b, const char *w, size_t *n)
{
	*n = strlen(w);
	return *n <= b->len && memcmp(b->p, w, *n) == 0;
}

static struct val get_token(int *type, struct blob *b)
{
	static const char *const pre[] = { "alpha", "beta", "pre", "rc" };
	static const char *const post[] = { "cvs", "svn", "git", "hg", "p" };
	struct val v = { NULL, 0, 0 };
	size_t i = 0;
	int next = T_INVALID;
	long k;

	if (b->len == 0) {
		*type = T_END;
		return v;
	}
	switch (*type) {
	case T_DIGIT_OR_ZERO:
		if (b->p[0] == '0') {
			while (i < b->len && b->p[i] == '0')
				i++;
			next = T_DIGIT;
			v.small = -(long)i;
			break;
		}
		/* fallthrough */
	case T_DIGIT:
	case T_SUFFIX_NO:
	case T_REVISION_NO:
		while (i < b->len && tplc_ident__digit(b->p[i]))
			i++;
		v.dig = b->p;
		v.len = i;
		break;
	case T_LETTER:
		v.small = (unsigned char)b->p[i++];
		break;
	case T_SUFFIX:
		for (k = 0; k < 4; k++)
			if (prefix(b, pre[k], &i)) {
				v.small = k - 4; /* before the release */
				break;
			}
		if (k < 4)
			break;
		for (k = 0; k < 5; k++)
			if (prefix(b, post[k], &i)) {
				v.small = k;
				break;
			}
		if (k < 5)
			break;
		/* fallthrough */
	default:
		*type = T_INVALID;
		return v;
	}
	b->p += i;
	b->len -= i;
	if (b->len == 0)
		*type = T_END;
	else if (next != T_INVALID)
		*type = next;
	else
		next_token(type, b);
	return v;
}

static int val_cmp(struct val a, struct val b)
{
	char buf[24];

	if (a.dig != NULL && b.dig != NULL)
		return tplc_ident__numcmp(a.dig, a.len, b.dig, b.len);
	if (a.dig == NULL && b.dig == NULL)
		return (a.small > b.small) - (a.small < b.small);
	if (a.dig == NULL)
		return -val_cmp(b, a);
	/* digits against a run of zeros (negative) or a small number */
	if (b.small < 0)
		return 1;
	snprintf(buf, sizeof(buf), "%ld", b.small);
	return tplc_ident__numcmp(a.dig, a.len, buf, strlen(buf));
}

static int check(const char *v, struct tplc_error *err)
{
	struct blob b = { v, strlen(v) };
	int type = T_DIGIT;

	while (type != T_END && type != T_INVALID)
		get_token(&type, &b);
	if (type == T_INVALID)
		return tplc_ident__bad_version(err, "alpine", v,
		                               "not an apk version");
	return 0;
}

int tplc_ident__cmp_alpine(int *out, const char *a, const char *b,
                           struct tplc_error *err)
{
	struct blob ba = { a, strlen(a) }, bb = { b, strlen(b) };
	struct val av = { NULL, 0, 0 }, bv = { NULL, 0, 0 };
	int at = T_DIGIT, bt = T_DIGIT, tt, error, rc = 0;

	if ((error = check(a, err)) != 0 || (error = check(b, err)) != 0)
		return error;
	while (at == bt && at != T_END && at != T_INVALID && rc == 0) {
		av = get_token(&at, &ba);
		bv = get_token(&bt, &bb);
		rc = val_cmp(av, bv);
	}
	if (rc == 0 && at != bt) {
		/* equal so far: the longer one is newer, unless what it has
		 * more is a prerelease suffix */
		tt = at;
		if (at == T_SUFFIX && get_token(&tt, &ba).small < 0)
			rc = -1;
		tt = bt;
		if (rc == 0 && bt == T_SUFFIX && get_token(&tt, &bb).small < 0)
			rc = 1;
		if (rc == 0)
			rc = at > bt ? -1 : 1;
	}
	*out = rc;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_IDENT_VERS_NATIVE_H
#define TPLC_IDENT_VERS_NATIVE_H

/*
 * Private to lib/ident: what the native range converters share.  A
 * converter appends constraints to a tplc_ident__native; vers-native.c
 * then writes them as a vers and canonicalises that through vers.c.
 */

#include <stdbool.h>
#include <stddef.h>

#include "ident.h"
#include "tplc/error.h"
#include "tplc/vers.h"

/* Longest version one constraint of a native range may carry. */
#define TPLC_IDENT_NATIVE_VERSION_MAX 256

struct tplc_ident__native_c {
	const char *op; /* "=", "!=", "<", "<=", ">", ">=" */
	char version[TPLC_IDENT_NATIVE_VERSION_MAX + 1];
};

struct tplc_ident__native {
	const char *scheme;
	const char *input; /* for messages */
	const struct tplc_ident__scheme *row;
	struct tplc_error *err;
	bool any; /* the range is "*" */
	size_t count;
	struct tplc_ident__native_c c[TPLC_VERS_NATIVE_CONSTRAINTS_MAX];
};

/* Record "invalid <scheme> range "...": why"; returns TPLC_EPARSE. */
int tplc_ident__native_fail(struct tplc_ident__native *n, const char *why);
/* Append op and the version v[0..len). */
int tplc_ident__native_add(struct tplc_ident__native *n, const char *op,
                           const char *v, size_t len);
/* Append op and a version written from fmt. */
int tplc_ident__native_addf(struct tplc_ident__native *n, const char *op,
                            const char *fmt, ...) TPLC_PRINTF(3, 4);

/* Append op and the string v. */
int tplc_ident__native_adds(struct tplc_ident__native *n, const char *op,
                            const char *v);
/* The scheme's order of two versions already added (cannot fail). */
int tplc_ident__native_cmp(struct tplc_ident__native *n, const char *a,
                           const char *b);
/* Remove every space and tab from s, in place. */
void tplc_ident__native_squeeze(char *s);
/* True when s[0..len) is one or more ASCII digits. */
bool tplc_ident__native_digits(const char *s, size_t len);
/* Number of dotted items of v before the first byte of stop. */
size_t tplc_ident__native_items(const char *v, const char *stop);
/* The index'th dotted item of s (cut at the first byte of stop). */
bool tplc_ident__native_item(const char *s, const char *stop, size_t index,
                             const char **start, size_t *len);
/*
 * Append "<" and the bound above a "~"-like range: the first index items
 * of v, item index plus one, then suffix ("1.4.2", 1 -> "1.5" suffix).
 */
int tplc_ident__native_bump(struct tplc_ident__native *n, const char *v,
                            const char *stop, size_t index, const char *suffix);

/* One converter per notation; s is a mutable copy of the range. */
int tplc_ident__native_npm(struct tplc_ident__native *n, char *s);
int tplc_ident__native_pypi(struct tplc_ident__native *n, char *s);
int tplc_ident__native_gem(struct tplc_ident__native *n, char *s);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_IDENT_INTERNAL_H
#define TPLC_IDENT_INTERNAL_H

/*
 * Private to lib/ident: percent-encoding shared by purl and vers, the
 * scheme table's row type, and the tokenizers the version schemes share.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplx_buf;
struct tplc_purl;

/* pct.c: percent-encoding */

/* Value of a hex digit, or -1. */
int tplc_ident__hex(char c);
/*
 * Decode s[0..len) into dst (which may be s: decoding only shrinks) and
 * NUL-terminate it.  *bad is the offset of the first invalid triplet, or
 * of a "%00", which no C string can hold.  Returns the decoded length or
 * (size_t)-1 on error.
 */
size_t tplc_ident__pct_decode(char *dst, const char *s, size_t len,
                              size_t *bad);
/* Append s[0..len) to buf, %XX-encoding every byte keep() refuses. */
int tplc_ident__pct_encode(struct tplx_buf *buf, const char *s, size_t len,
                           bool (*keep)(unsigned char c));
void tplc_ident__lower(char *s);

/* purl_type.c: the rules of registered purl types */

/*
 * Check and normalise p in place (strings only shrink) as its type's
 * definition says: case folding, pypi names, required or prohibited
 * namespaces, name patterns.  Keys of p's qualifiers are lowercase.
 */
int tplc_ident__purl_type_rules(struct tplc_purl *p, struct tplc_error *err);
/* True when the type's name is a path ("git": host/owner/repo). */
bool tplc_ident__purl_name_is_path(const char *type);

/* version.c: the scheme table */

typedef int (*tplc_ident__cmp_fn)(int *out, const char *a, const char *b,
                                  struct tplc_error *err);

struct tplc_ident__scheme {
	const char *name; /* vers scheme name */
	tplc_ident__cmp_fn cmp;
};

/* The row for a scheme name, or NULL when it is not supported. */
const struct tplc_ident__scheme *tplc_ident__scheme_find(const char *name);
/* Record "invalid <scheme> version "v": why" and return TPLC_EPARSE. */
int tplc_ident__bad_version(struct tplc_error *err, const char *scheme,
                            const char *version, const char *why);

/* One compare function per scheme_<name>.c. */
int tplc_ident__cmp_alpine(int *out, const char *a, const char *b,
                           struct tplc_error *err);
int tplc_ident__cmp_alpm(int *out, const char *a, const char *b,
                         struct tplc_error *err);
int tplc_ident__cmp_cargo(int *out, const char *a, const char *b,
                          struct tplc_error *err);
int tplc_ident__cmp_conan(int *out, const char *a, const char *b,
                          struct tplc_error *err);
int tplc_ident__cmp_datetime(int *out, const char *a, const char *b,
                             struct tplc_error *err);
int tplc_ident__cmp_deb(int *out, const char *a, const char *b,
                        struct tplc_error *err);
int tplc_ident__cmp_gem(int *out, const char *a, const char *b,
                        struct tplc_error *err);
int tplc_ident__cmp_generic(int *out, const char *a, const char *b,
                            struct tplc_error *err);
int tplc_ident__cmp_gentoo(int *out, const char *a, const char *b,
                           struct tplc_error *err);
int tplc_ident__cmp_golang(int *out, const char *a, const char *b,
                           struct tplc_error *err);
int tplc_ident__cmp_lexicographic(int *out, const char *a, const char *b,
                                  struct tplc_error *err);
int tplc_ident__cmp_maven(int *out, const char *a, const char *b,
                          struct tplc_error *err);
int tplc_ident__cmp_npm(int *out, const char *a, const char *b,
                        struct tplc_error *err);
int tplc_ident__cmp_nuget(int *out, const char *a, const char *b,
                          struct tplc_error *err);
int tplc_ident__cmp_openssl(int *out, const char *a, const char *b,
                            struct tplc_error *err);
int tplc_ident__cmp_pypi(int *out, const char *a, const char *b,
                         struct tplc_error *err);
int tplc_ident__cmp_rpm(int *out, const char *a, const char *b,
                        struct tplc_error *err);
int tplc_ident__cmp_semver(int *out, const char *a, const char *b,
                           struct tplc_error *err);

/* vtok.c: what the schemes share */

static inline bool tplc_ident__digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool tplc_ident__alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The sign of v: -1, 0 or 1. */
static inline int tplc_ident__sign(int v)
{
	return (v > 0) - (v < 0);
}

/*
 * Compare two runs of ASCII digits by value, whatever their length:
 * versions carry dates and build numbers wider than any integer type.
 */
int tplc_ident__numcmp(const char *a, size_t alen, const char *b, size_t blen);
/* Bytewise compare of two counted strings; a prefix sorts first. */
int tplc_ident__strncmp2(const char *a, size_t alen, const char *b,
                         size_t blen);
/* Like tplc_ident__strncmp2, ASCII case-insensitive. */
int tplc_ident__strncasecmp2(const char *a, size_t alen, const char *b,
                             size_t blen);

/* TPLC_EPARSE unless v is printable ASCII without spaces. */
int tplc_ident__check_printable(const char *scheme, const char *v,
                                struct tplc_error *err);

/*
 * The generic tokenizer: a version is a sequence of maximal runs of
 * digits or of ASCII letters; every other byte is a separator.
 */
struct tplc_ident__tok {
	const char *sep; /* separators before the token */
	size_t sep_len;
	const char *s; /* the run */
	size_t len;
	bool num;
};

/* Next token from *p, which advances; false when only separators are
 * left (t->sep then holds them). */
bool tplc_ident__tok_next(const char **p, const char *end,
                          struct tplc_ident__tok *t);

/* rpmvercmp and the pacman variant of it differ in three details. */
enum tplc_ident__seg_flavor {
	TPLC_IDENT_SEG_RPM,  /* '~' sorts first, '^' after the base */
	TPLC_IDENT_SEG_ALPM, /* separator counts matter; alpha tails lose */
};
int tplc_ident__segcmp(const char *a, size_t alen, const char *b, size_t blen,
                       enum tplc_ident__seg_flavor flavor);

/* [epoch:]version[-release], as rpm and pacman split it. */
struct tplc_ident__evr {
	const char *epoch; /* digits; NULL when absent */
	size_t epoch_len;
	const char *version;
	size_t version_len;
	const char *release; /* NULL when absent */
	size_t release_len;
};
void tplc_ident__evr_split(const char *s, struct tplc_ident__evr *evr);
/* Compare two EVRs: epochs, versions, then releases only when both have
 * one (rpm and pacman both do so). */
int tplc_ident__evrcmp(const struct tplc_ident__evr *a,
                       const struct tplc_ident__evr *b,
                       enum tplc_ident__seg_flavor flavor);

/* scheme_semver.c: the semver family (semver, npm, cargo, golang, nuget) */
struct tplc_ident__semver_rules {
	const char *scheme; /* for messages */
	bool leading_v;     /* "v1.2.3" accepted */
	bool leading_eq;    /* "=1.2.3" accepted (node-semver) */
	int min_parts;      /* numeric parts required */
	int max_parts;      /* 3, or 4 for nuget */
	bool leading_zeros; /* "01" accepted and equal to "1" */
	bool fold_case;     /* prerelease compared case-insensitively */
};
int tplc_ident__semver_cmp(int *out, const char *a, const char *b,
                           const struct tplc_ident__semver_rules *rules,
                           struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_PURL_H
#define TPLC_PURL_H

/*
 * Package URLs (ECMA-427, package-url/purl-spec): the identity every
 * component, advisory and device is matched on.
 *
 * Parsing applies the normalisations the standard and the registered type
 * definitions require (lowercase type, extra slashes after "pkg:", case
 * folding of namespace and name where a type is case-insensitive, pypi
 * name normalisation, subpath clean-up) and rejects what they forbid.
 */

#include <stddef.h>

#include "tplc/error.h"

/* Longest purl string accepted, in bytes. */
#define TPLC_PURL_MAX 4096

struct tplc_purl_qualifier {
	char *key;   /* lowercase */
	char *value; /* decoded, never empty */
};

struct tplc_purl {
	char *type;                             /* lowercased */
	char *namespace;                        /* decoded, NULL when absent */
	char *name;                             /* decoded */
	char *version;                          /* decoded, NULL when absent */
	struct tplc_purl_qualifier *qualifiers; /* sorted by key */
	size_t qualifier_count;
	char *subpath; /* NULL when absent */
};

/*
 * Parse s.  Strict where the standard says "shall": a qualifier key that
 * is not lowercase is an error (TPLC_EPARSE).  Free with tplc_purl_free.
 */
int tplc_purl_parse(struct tplc_purl **out, const char *s,
                    struct tplc_error *err);
/* Only for purls from tplc_purl_parse; NULL is ignored. */
void tplc_purl_free(struct tplc_purl *purl);

/*
 * The canonical string form of purl, which the caller may have built
 * itself: components are validated and normalised as when parsing,
 * qualifiers sorted and empty ones dropped.  Caller frees with tplc_free().
 */
int tplc_purl_format(char **out, const struct tplc_purl *purl,
                     struct tplc_error *err);

/*
 * Parse and format: the canonical form of s.  Also repairs what can be
 * repaired without guessing (uppercase qualifier keys).  Caller frees
 * with tplc_free().
 */
int tplc_purl_canonicalize(char **out, const char *s, struct tplc_error *err);

/*
 * "pkg:type/namespace/name" canonical, without version, qualifiers and
 * subpath: the key advisories and components are matched on.  Lenient
 * like tplc_purl_canonicalize.  Caller frees with tplc_free().
 */
int tplc_purl_package_key(char **out, const char *s, struct tplc_error *err);

#endif

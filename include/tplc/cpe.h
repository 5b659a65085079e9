/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CPE_H
#define TPLC_CPE_H

/*
 * CPE 2.3 names (NISTIR 7695 naming, 7696 name matching): the identity NVD
 * states applicability in.  Both bindings are read: the formatted string
 * "cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*" and the 2.2 URI
 * "cpe:/a:vendor:product:1.0" (with a packed edition).  Inside tplc a name
 * is a WFN: eleven attributes, each ANY, NA or a value held in its WFN
 * form: lowercase, every byte but a-z 0-9 _ quoted with a backslash
 * ("1\.0"), unquoted "*" (one, first or last) and "?" (a run, first or
 * last) the only wildcards.  Equal names have equal values, byte for byte.
 *
 * Parsing rejects, with a short reason: a wrong number of fields, a bad
 * escape or percent-encoding, a wildcard inside a value, a part other than
 * a, o, h or ANY, bytes outside printable ASCII, a bad packed edition.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

/* Longest CPE string accepted, in bytes. */
#define TPLC_CPE_MAX 1024

enum tplc_cpe_attr {
	TPLC_CPE_PART,
	TPLC_CPE_VENDOR,
	TPLC_CPE_PRODUCT,
	TPLC_CPE_VERSION,
	TPLC_CPE_UPDATE,
	TPLC_CPE_EDITION,
	TPLC_CPE_LANGUAGE,
	TPLC_CPE_SW_EDITION,
	TPLC_CPE_TARGET_SW,
	TPLC_CPE_TARGET_HW,
	TPLC_CPE_OTHER,
	TPLC_CPE_ATTR_COUNT
};

enum tplc_cpe_kind {
	TPLC_CPE_ANY,   /* "*" / empty in a URI: matches anything */
	TPLC_CPE_NA,    /* "-": not applicable */
	TPLC_CPE_VALUE, /* a value, possibly with wildcards */
};

struct tplc_cpe_value {
	enum tplc_cpe_kind kind;
	char *value; /* TPLC_CPE_VALUE: WFN form (see above), lowercase */
};

struct tplc_cpe {
	struct tplc_cpe_value attr[TPLC_CPE_ATTR_COUNT];
};

/* Parse a formatted string or a URI.  Free with tplc_cpe_free. */
int tplc_cpe_parse(struct tplc_cpe **out, const char *s,
                   struct tplc_error *err);
void tplc_cpe_free(struct tplc_cpe *cpe);

/* The 2.3 formatted string and the 2.2 URI of a name.  Caller frees
 * with tplc_free(). */
int tplc_cpe_format(char **out, const struct tplc_cpe *cpe,
                    struct tplc_error *err);
int tplc_cpe_format_uri(char **out, const struct tplc_cpe *cpe,
                        struct tplc_error *err);

/* One attribute of a name with the quoting taken off ("1\.0" -> "1.0"):
 * what a version compare or a person reads.  Caller frees with
 * tplc_free(); *out is NULL for ANY and NA. */
int tplc_cpe_unquote(char **out, const struct tplc_cpe *cpe,
                     enum tplc_cpe_attr attr, struct tplc_error *err);

/* Does a value hold an unquoted "*" or "?" (a pattern, not a value)? */
bool tplc_cpe_has_wildcard(const struct tplc_cpe_value *value);

/*
 * NISTIR 7696 attribute and name comparison.  src is the source (the
 * criteria, may hold wildcards), tgt the target.  UNDEFINED: the target
 * holds a wildcard (7696 leaves that comparison undefined) or, for names,
 * the attributes point different ways.
 */
enum tplc_cpe_relation {
	TPLC_CPE_DISJOINT,
	TPLC_CPE_SUBSET,
	TPLC_CPE_SUPERSET,
	TPLC_CPE_EQUAL,
	TPLC_CPE_UNDEFINED,
};

enum tplc_cpe_relation tplc_cpe_compare_attr(const struct tplc_cpe_value *src,
                                             const struct tplc_cpe_value *tgt);

/* Name comparison: DISJOINT when an attribute is, EQUAL when all are,
 * SUBSET (SUPERSET) when each is that or EQUAL, else UNDEFINED. */
enum tplc_cpe_relation tplc_cpe_compare(const struct tplc_cpe *src,
                                        const struct tplc_cpe *tgt);

/* "part", "vendor", ..., "other": the WFN attribute names. */
const char *tplc_cpe_attr_name(enum tplc_cpe_attr attr);

/*
 * Does the criteria name (an NVD cpeMatch "criteria") apply to target, as
 * NVD applies it: every attribute of criteria is a superset of or equal
 * to target's?  Version bounds (versionStart/End...) are the caller's: in
 * tplc they live in the affected entry's vers range.
 */
bool tplc_cpe_match(const struct tplc_cpe *criteria,
                    const struct tplc_cpe *target);

/*
 * "vendor:product" of s, lowercase and unquoted: the key components and
 * advisories meet on in the store and the match index.  Fails when s is
 * not a CPE or its vendor or product is ANY, NA or a wildcard.  Caller
 * frees with tplc_free().
 */
int tplc_cpe_key(char **out, const char *s, struct tplc_error *err);

#endif

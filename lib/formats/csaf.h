/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_CSAF_H
#define TPLC_FORMATS_CSAF_H

/*
 * Private to the CSAF parser: csaf.c walks the document and its
 * vulnerabilities, csaf-tree.c resolves product ids through the product
 * tree, csaf-remedy.c finds each product's remediations, csaf-range.c
 * turns a version text into vers ranges.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

struct tplx_arena;
struct tplx_json;
struct tplx_json_doc;
struct tplx_jpath;

/* ---- version text ------------------------------------------------------ */

/* Parts of one text ("1.1 | 1.2 | >= 2.0, < 3.1") we keep apart. */
#define TPLC_VERSION_TEXT_PARTS_MAX 16
/* Longer texts are not versions. */
#define TPLC_VERSION_TEXT_MAX 256

enum tplc_version_text_kind {
	TPLC_VERSION_TEXT_ALL,     /* "All versions", "*": no range */
	TPLC_VERSION_TEXT_VERS,    /* understood: count vers ranges */
	TPLC_VERSION_TEXT_UNKNOWN, /* not understood: keep the words */
};

/*
 * What a version text means.  A union ("1.1 | 1.2", "4.X | 5.X") gives
 * one vers range per alternative, each valid on its own; an interval
 * (">= 2.0, < 3.1", "from 2.0 to 3.1", "12.x") is one range.
 */
struct tplc_version_text {
	enum tplc_version_text_kind kind;
	size_t count;
	const char *vers[TPLC_VERSION_TEXT_PARTS_MAX]; /* in the arena */
	/* The single exact version when the text is exactly one ("5.2"),
	 * else NULL; in the arena. */
	const char *exact;
};

/*
 * Classify text (a CSAF product_version or product_version_range name, or
 * any vendor's version words) into vers:generic ranges; text already in
 * vers: form is kept as it is.  Returns 0 or TPLC_ENOMEM.
 */
int tplc_version_text_classify(struct tplx_arena *arena, const char *text,
                               struct tplc_version_text *out);

/*
 * "vers:generic/<op><version>" (op "<=", ">=", ...; version as in
 * tplc_version_text.exact) into *out.  0, TPLC_ENOMEM or TPLC_ELIMIT.
 */
int tplc_version_text_bound(struct tplx_arena *arena, const char *op,
                            const char *version, const char **out);

/* ---- product tree ------------------------------------------------------ */

/* Branches nested deeper than this are rejected. */
#define TPLC_CSAF_BRANCH_DEPTH_MAX 32

/* Strings but the id are trimmed copies in the advisory's arena. */
struct tplc_csaf_product {
	const char *id;           /* product_id, borrowed from the document */
	const char *vendor;       /* vendor branch, or NULL */
	const char *product;      /* product_name, else product_family, else the
	                      * full product name */
	const char *version_text; /* product_version / service_pack /
	                           * patch_level or product_version_range
	                           * name; NULL: all versions */
	const struct tplx_json *node;     /* where it is defined, for errors */
	struct tplc_version_text version; /* version_text classified */
};

struct tplc_csaf_group {
	const char *id;
	const struct tplx_json *product_ids; /* array of strings */
};

struct tplc_csaf_tree {
	struct tplc_csaf_product *products; /* heap, sorted by id */
	size_t count, cap;
	struct tplc_csaf_group *groups; /* heap, sorted by id */
	size_t group_count;
};

/*
 * Read product_tree (may be NULL) into tree, with every product's version
 * text classified in arena.  Fails with a located error on malformed
 * branches, a product id defined twice, or a relationship that names an
 * unknown product.
 */
int tplc_csaf_tree_read(struct tplc_csaf_tree *tree,
                        const struct tplx_json_doc *doc,
                        const struct tplx_json *product_tree,
                        struct tplx_arena *arena, struct tplc_error *err);
void tplc_csaf_tree_release(struct tplc_csaf_tree *tree);
const struct tplc_csaf_product *
tplc_csaf_tree_product(const struct tplc_csaf_tree *tree, const char *id);
const struct tplc_csaf_group *
tplc_csaf_tree_group(const struct tplc_csaf_tree *tree, const char *id);
/* id (a node of doc) is a string the tree defines (CSAF test 6.1.1), else
 * a located error. */
int tplc_csaf_tree_defined(const struct tplc_csaf_tree *tree,
                           const struct tplx_json_doc *doc,
                           const struct tplx_json *id,
                           const struct tplx_jpath *path,
                           struct tplc_error *err);

/* ---- remediations ------------------------------------------------------ */

struct tplc_advisory_build;
struct tplc_csaf_applies;
struct tplc_csaf_remediation;

/* One vulnerability's remediations, read by _read, asked by product. */
struct tplc_csaf_remedies {
	struct tplc_advisory_build *b; /* set by the caller */
	const struct tplx_json_doc *doc;
	const struct tplc_csaf_tree *tree;
	struct tplc_error *err;
	struct tplc_csaf_remediation *rems; /* heap */
	size_t rem_count;
	struct tplc_csaf_applies *applies; /* heap, sorted by product id */
	size_t applies_count, applies_cap;
	/* the last joined text, reused while the next product has the same
	 * remediations */
	size_t *last, last_count;
	const char *last_text;
	size_t joined; /* bytes joined in the document, against a maximum */
};

/* Read vuln's remediations (replacing the previous vulnerability's). */
int tplc_csaf_remedies_read(struct tplc_csaf_remedies *r,
                            const struct tplx_json *vuln,
                            const struct tplx_jpath *path);
/* The remediation text for a product id and the version a vendor fix
 * names (each NULL when none); both in the advisory's arena. */
int tplc_csaf_remedy(struct tplc_csaf_remedies *r, const char *product_id,
                     const char **text, const char **fixed);
void tplc_csaf_remedies_release(struct tplc_csaf_remedies *r);

#endif

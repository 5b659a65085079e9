/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TEST_SBOM_TEST_H
#define TPLC_TEST_SBOM_TEST_H

/*
 * Helpers the SBOM reader tests share (CycloneDX JSON and XML, SPDX in
 * every serialisation): parsing a file, comparing two models, the
 * conformance-folder runner and the allocation-failure loop.
 */

#include <stdbool.h>
#include <stddef.h>

#include "test.h"
#include "tplc/sbom.h"

/* One test per spec version, named f_1_2 for 1.2: cmocka passes the
 * version ("1.2") as *state. */
#define TPLT_VERSION_TEST(f, major, minor)                                 \
	{                                                                  \
#f "_" #major "_" #minor, f, NULL, NULL, #major "." #minor \
	}

/* The last part of path. */
const char *tplt_base_name(const char *path);

/* Read path and parse it as name; the SBOM must not borrow the data. */
int tplt_sbom_parse_file(const char *path, const char *name,
                         struct tplc_sbom **sbom, struct tplc_error *err);
/* Parse path as name; fails the test on an error. */
struct tplc_sbom *tplt_sbom_path(const char *path, const char *name);
/* Parse a file of the shared data (named by its base name); fails the
 * test on an error. */
struct tplc_sbom *tplt_sbom_shared(const char *rel);
/* Parse text, which must be refused: the error, and no SBOM. */
int tplt_sbom_parse_bad(const char *name, const char *text,
                        struct tplc_error *err);

/* tplc_sbom_parse or one format's parser. */
typedef int (*tplt_sbom_parse_fn)(struct tplc_sbom **out, const char *data,
                                  size_t len, const char *source,
                                  struct tplc_error *err);
/* parse must refuse text with code, located in name at path, line and
 * column (0: any column). */
void tplt_sbom_refused(tplt_sbom_parse_fn parse, const char *text,
                       const char *name, int code, const char *path,
                       unsigned long line, unsigned long column);

/* The component with this ref; fails the test when there is none. */
const struct tplc_component *tplt_sbom_find_ref(const struct tplc_sbom *sbom,
                                                const char *ref);
/* Does sbom have the dependency edge from -> to?  How many edges? */
bool tplt_sbom_has_edge(const struct tplc_sbom *sbom, const char *from,
                        const char *to);
size_t tplt_sbom_edge_count(const struct tplc_sbom *sbom);
/* Fail when a (from JSON) and b (other) differ. */
void tplt_sbom_same_str(const char *what, const char *ref, const char *a,
                        const char *b);
/* Every component of json has its twin by ref in other, field by field
 * with its hashes; *purls and *cpes count json's identifiers. */
void tplt_sbom_same_components(const struct tplc_sbom *json,
                               const struct tplc_sbom *other, size_t *purls,
                               size_t *cpes);

/* One component as a line of text ending in a newline. */
typedef void (*tplt_sbom_line_fn)(const struct tplc_component *c, char *buf,
                                  size_t size);
/* Every component's line, sorted and joined (free with free()): two
 * SBOMs with the same components give the same text. */
char *tplt_sbom_component_set(const struct tplc_sbom *sbom,
                              tplt_sbom_line_fn line);

/* What a conformance folder gave. */
struct tplt_sbom_cases {
	size_t valid, valid_ok, invalid, invalid_ok, skips;
};

/* Called on each case before it is parsed (NULL: nothing). */
typedef void (*tplt_sbom_case_fn)(void *ctx, const char *path, const char *name,
                                  bool want_valid);

/*
 * Every valid-*ext file of dir must parse as format version, every
 * invalid-*ext be refused with an error that names the file, a line and
 * a reason.  skip_reason (may be NULL) gives the reason a known gap is skipped,
 * or NULL.  Mismatches are noted; the caller prints and asserts.
 */
void tplt_sbom_cases(const char *dir, const char *ext, const char *format,
                     const char *version,
                     const char *(*skip_reason)(const char *),
                     tplt_sbom_case_fn each, void *ctx,
                     struct tplt_sbom_cases *out);

/*
 * Parse text failing each allocation in turn, until it parses: every
 * failure must be TPLC_ENOMEM without an SBOM.  Gives the SBOM (the
 * caller checks and frees it).
 */
struct tplc_sbom *tplt_sbom_until_memory(const char *text, size_t len,
                                         const char *name);

#endif

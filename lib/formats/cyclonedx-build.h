/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_CYCLONEDX_BUILD_H
#define TPLC_FORMATS_CYCLONEDX_BUILD_H

/*
 * The CycloneDX model building both serialisations share (JSON in
 * cyclonedx.c, XML in cyclonedx-xml.c): a reader finds the values in its
 * syntax and hands them here, borrowed; this file decides what they mean
 * in struct tplc_sbom.  XML text is trimmed of the white space pretty
 * printers add around it (trim); JSON strings are kept as they are.
 *
 * Functions returning int give 0 or TPLC_ENOMEM (recorded in b.err),
 * except tplc_cdx_build_open (see there).
 */

#include <stdbool.h>
#include <stddef.h>

#include "formats/cyclonedx-schema.h"
#include "formats/cyclonedx-support.h"
#include "formats/sbom-build.h"

struct tplc_cdx_build {
	struct tplc_sbom_build b;
	bool trim;                    /* XML: trim text before keeping it */
	size_t open[CDX_NESTING_MAX]; /* component slots being filled */
	size_t depth;
};

/* A component (or the document's subject) as read; all borrowed. */
struct tplc_cdx_fields {
	const char *ref, *type, *supplier, *group, *name, *version, *purl, *cpe,
	        *license;
};

/* Keep s in the SBOM (trimmed when x->trim); NULL and blank give NULL. */
int tplc_cdx_build_str(struct tplc_cdx_build *x, const char **dst,
                       const char *s);

/*
 * A component element starts: reserve its slot (pre-order) until its
 * fields are known.  TPLC_ELIMIT, err NOT filled (the caller knows where
 * it is), past CDX_NESTING_MAX levels.
 */
int tplc_cdx_build_open(struct tplc_cdx_build *x);
/*
 * The innermost open component ends: c is filled from f, then hashes
 * (tplc_cdx_build_hashes, _hash), support, and stored by _close.
 */
int tplc_cdx_build_fields(struct tplc_cdx_build *x, struct tplc_component *c,
                          const struct tplc_cdx_fields *f);
/* Room for count hashes, then each pair; pairs missing a part are
 * dropped, hex digits are kept in lower case. */
int tplc_cdx_build_hashes(struct tplc_cdx_build *x, struct tplc_component *c,
                          size_t count);
int tplc_cdx_build_hash(struct tplc_cdx_build *x, struct tplc_component *c,
                        const char *alg, const char *value);
/* The FDA fields found in the component's properties. */
int tplc_cdx_build_support(struct tplc_cdx_build *x, struct tplc_component *c,
                           const struct tplc_cdx_support *s);
/* Store c in the slot of the innermost open component and close it. */
void tplc_cdx_build_close(struct tplc_cdx_build *x,
                          const struct tplc_component *c);

int tplc_cdx_build_subject(struct tplc_cdx_build *x,
                           const struct tplc_cdx_fields *f);
/* metadata: its timestamp, and the author when one is named. */
int tplc_cdx_build_metadata(struct tplc_cdx_build *x, const char *timestamp,
                            const char *author);
/* No author named: "vendor name version" of the first tool instead. */
int tplc_cdx_build_tool_author(struct tplc_cdx_build *x,
                               const char *const parts[3]);

/*
 * One dependency: _dependency (count: its dependsOn entries at most),
 * _depends_on for each, then _dependency_end.  A blank ref names
 * nothing: the record is dropped.
 */
int tplc_cdx_build_dependency(struct tplc_cdx_build *x,
                              struct tplc_dependency *d, const char *ref,
                              size_t count);
int tplc_cdx_build_depends_on(struct tplc_cdx_build *x,
                              struct tplc_dependency *d, const char *ref);
int tplc_cdx_build_dependency_end(struct tplc_cdx_build *x,
                                  const struct tplc_dependency *d);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_SBOM_CHECK_H
#define TPLC_SBOM_CHECK_H

/*
 * Is an SBOM complete?  The NTIA minimum elements (2021): per component
 * the supplier name, component name, version, another unique identifier
 * (purl, CPE or a hash; SWID tags are not in the model) and its place in
 * the dependency relationships; per document the author of the SBOM data
 * and a timestamp.  Plus what FDA premarket guidance (2023) expects of a
 * medical-device SBOM: per component its level of support and its
 * end-of-support date (words such as "Unknown" do not count; a statement
 * in words, "Until hardware support ends", does).
 *
 * The check reads the parsed model only: it allocates nothing and the
 * result borrows component names from the SBOM.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/model.h"

enum tplc_sbom_element {
	/* NTIA, per component */
	TPLC_SBOM_SUPPLIER = 0,
	TPLC_SBOM_NAME,
	TPLC_SBOM_VERSION,
	TPLC_SBOM_IDENTIFIER,
	TPLC_SBOM_DEPENDENCIES,
	/* NTIA, per document */
	TPLC_SBOM_AUTHOR,
	TPLC_SBOM_TIMESTAMP,
	/* FDA, per component */
	TPLC_SBOM_SUPPORT_LEVEL,
	TPLC_SBOM_END_OF_SUPPORT,
	TPLC_SBOM_ELEMENTS /* count */
};

/* How many of the components lacking an element are named. */
#define TPLC_SBOM_CHECK_NAMED 5

struct tplc_sbom_check_item {
	const char *key;    /* "supplier", "version", ...: stable, for JSON */
	const char *title;  /* "Supplier name" */
	const char *source; /* "NTIA" or "FDA" */
	bool per_component; /* false: a document element (have/total 0/1) */
	size_t have, total; /* components (or the document) that have it */
	const char *missing[TPLC_SBOM_CHECK_NAMED]; /* first names lacking */
	size_t named;                               /* entries in missing */
	bool ok;
};

struct tplc_sbom_check {
	struct tplc_sbom_check_item items[TPLC_SBOM_ELEMENTS];
	size_t components;
	size_t missing; /* elements not ok */
	bool complete;  /* every element ok */
};

/*
 * Check sbom.  A component-level element is ok when every component has
 * it; dependencies also need at least one relationship in the document
 * (an SBOM without components has none, so is never complete).
 */
void tplc_sbom_check(const struct tplc_sbom *sbom, struct tplc_sbom_check *out);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MATCH_H
#define TPLC_MATCH_H

/*
 * Matching the fleet against what advisories say.  Two kinds of match:
 *  - package: an SBOM component's purl names the package an advisory
 *    names, and its version is inside the advisory's vers range;
 *  - product: a product version in the inventory is the vendor and
 *    product a CSAF advisory names, and its version is inside the range.
 * Only "affected" statements make findings.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/store.h"

struct tplc_scan_stats {
	size_t product_versions; /* read from the store */
	size_t components;       /* with a usable purl */
	size_t statements;       /* advisory "affected" statements */
	size_t findings;         /* after the scan */
	size_t added, removed;   /* compared with the scan before */
	size_t unknown_ranges;   /* statements whose versions we could not
				  * read: listed, never silently dropped */
	size_t undecided;        /* version and range pairs that could not be
			   * compared: no version, or one the range's
			   * scheme cannot read */
};

/* Match the whole fleet and record the findings; idempotent. */
int tplc_scan(struct tplc_store *store, struct tplc_scan_stats *stats,
              struct tplc_error *err);

/*
 * Does version lie in the vers range?  Schemes tplc cannot compare yet
 * fall back to the generic scheme.  *out is false on an error.
 */
int tplc_match_version_in(bool *out, const char *range, const char *version,
                          struct tplc_error *err);

/* Do a manufacturer/model and an advisory's vendor/product name the same
 * thing?  Case, punctuation and corporate suffixes do not count, and a
 * product family name matches the models that start with it. */
bool tplc_match_vendor(const char *manufacturer, const char *vendor);
bool tplc_match_product(const char *model, const char *product);

#endif

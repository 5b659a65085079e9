/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MATCH_H
#define TPLC_MATCH_H

/*
 * Matching the fleet against what advisories say.  Three kinds of match:
 *  - package: an SBOM component's purl names the package an advisory
 *    names, and its version is inside the advisory's vers range;
 *  - cpe: a component's CPE meets an NVD match criteria (and its
 *    version the range); in an AND configuration every node must be hit
 *    by some component of the same product version;
 *  - product: a product version in the inventory is the vendor and
 *    product a CSAF advisory names, and its version is inside the range.
 * Only "affected" statements of vulnerabilities not withdrawn make
 * findings.  VEX statements (not_affected, fixed, under_investigation,
 * or affected with a reason) never remove one: the newest that names
 * the same vulnerability and component or product version is recorded
 * on the finding.
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
	size_t unknown_ranges;   /* statements on what the fleet runs whose
				  * versions we could not read: listed,
				  * never silently dropped */
	size_t undecided;        /* version and range pairs that could not be
			   * compared: no version, or one the range's
			   * scheme cannot read */
};

/* Match the whole fleet and record the findings; idempotent.  Runs on
 * every core (env TPLC_THREADS overrides); the result does not depend on
 * the thread count. */
int tplc_scan(struct tplc_store *store, struct tplc_scan_stats *stats,
              struct tplc_error *err);

/*
 * Match only what one advisory (its row id) says and reconcile only its
 * findings: the same rows a full scan records for it.  When it makes VEX
 * statements, the advisories with findings on the same vulnerabilities
 * (or aliases) are rescanned too, so their vex columns are a full scan's.
 */
int tplc_scan_advisory(struct tplc_store *store, long long advisory_id,
                       struct tplc_scan_stats *stats, struct tplc_error *err);
/* The same, by "SOURCE:REF" (osv:GHSA-..., csaf:ICSMA-...). */
int tplc_scan_advisory_ref(struct tplc_store *store, const char *source_ref,
                           struct tplc_scan_stats *stats,
                           struct tplc_error *err);

/* One advisory statement that hits a package or CPE, and why. */
struct tplc_match_hit {
	const char *vuln_id;
	const char *advisory_source, *advisory; /* "osv", "GHSA-..." */
	const char *match;                      /* "purl" or "cpe" */
	const char *rule;     /* the package key or the CPE criteria */
	const char *range;    /* vers range; NULL: all versions */
	const char *fixed_in; /* NULL if unknown */
	double cvss_score;    /* as the advisory gives it; -1 if none */
	bool undecided;       /* the version could not be compared: shown, since
			 * it may be hit */
	unsigned config;      /* > 0: one node of an AND configuration, a hit
			  * only where its other nodes are too */
	const char *vex_status; /* the newest VEX statement, NULL if none */
	const char *vex_justification, *vex_detail;
	const char *vex_source, *vex_advisory;
};

typedef int (*tplc_match_cb)(const struct tplc_match_hit *hit, void *data);

/*
 * Which known vulnerabilities hit this package URL or CPE name: the rules
 * of its key only, compiled as a scan compiles them.  version overrides
 * the one in the purl or CPE (NULL: theirs).  Hits in advisory order.
 */
int tplc_match_query(struct tplc_store *store, const char *identity,
                     const char *version, tplc_match_cb cb, void *data,
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

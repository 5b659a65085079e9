/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_SCAN_H
#define TPLC_STORE_SCAN_H

/*
 * What the matcher (lib/match) reads from and writes to the store.  The
 * matcher reads everything once into its own index and never runs SQL
 * while matching; it hands back the complete set of findings, which the
 * store reconciles in one transaction.  Library-internal.
 */

#include "tplc/store.h"

struct tplc_store__component {
	long long id;
	long long product_version_id;
	const char *name;
	const char *version;
	const char *purl;
	const char *package_key;
};

struct tplc_store__affected {
	long long advisory_id;
	const char *advisory_ref;
	const char *vuln_id;
	const char *package_key;
	const char *vendor;
	const char *product;
	const char *range;
	const char *range_text;
	const char *status;
	const char *fixed_in;
	const char *remediation;
	double cvss_score; /* as this advisory gives it; -1 if none */
};

struct tplc_store__product_version {
	long long id;
	const char *manufacturer;
	const char *model;
	const char *version; /* NULL when unknown */
};

/* Rows borrow their strings for the duration of the callback. */
int tplc_store__each_component(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err);
int tplc_store__each_affected(struct tplc_store *store,
                              int (*cb)(const struct tplc_store__affected *row,
                                        void *data),
                              void *data, struct tplc_error *err);
int tplc_store__each_product_version(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__product_version *row, void *data),
        void *data, struct tplc_error *err);

struct tplc_store__match {
	long long product_version_id;
	long long component_id; /* 0 for a product-level match */
	long long advisory_id;
	const char *vuln_id;
	const char *match; /* "purl" or "product" */
	const char *reason;
	double cvss_score; /* -1 if none */
	const char *fixed_in;
	const char *remediation;
};

struct tplc_store__sync_stats {
	size_t total, added, removed;
};

/*
 * Make the findings table equal to matches: keep the rows (and their ids
 * and first_seen) that are still found, add the new, drop the gone, and
 * record the scan.  One transaction.
 */
int tplc_store__sync_findings(struct tplc_store *store,
                              const struct tplc_store__match *matches,
                              size_t count,
                              struct tplc_store__sync_stats *stats,
                              struct tplc_error *err);

#endif

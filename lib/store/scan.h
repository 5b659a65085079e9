/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_SCAN_H
#define TPLC_STORE_SCAN_H

/*
 * What the matcher (lib/match) reads from and writes to the store.  The
 * matcher reads everything once into its own index and never runs SQL
 * while matching; it hands back the complete set of findings, which the
 * store reconciles in one transaction.  Library-internal.
 */

#include <stdbool.h>

#include "tplc/store.h"

struct tplc_store__component {
	long long id;
	long long product_version_id;
	const char *name;
	const char *version;
	const char *purl;
	const char *package_key;
	const char *cpe;
	const char *cpe_key;
};

struct tplc_store__affected {
	long long id;
	long long advisory_id;
	const char *advisory_source;
	const char *advisory_ref;
	/* which statement is newest: modified, then published, then
	 * imported_at of its advisory */
	const char *advisory_modified;
	const char *advisory_published;
	const char *advisory_imported;
	const char *vuln_id;
	bool withdrawn; /* the vulnerability is withdrawn or rejected */
	const char *package_key;
	const char *vendor;
	const char *product;
	const char *cpe;
	const char *cpe_key;
	long long config, node; /* NVD AND configuration; 0: none */
	bool platform;          /* a condition, never a finding itself */
	const char *range;
	const char *range_text;
	const char *status;
	const char *fixed_in;
	const char *remediation;
	const char *justification;
	const char *detail;
	double cvss_score; /* as this advisory gives it; -1 if none */
};

struct tplc_store__product_version {
	long long id;
	const char *manufacturer;
	const char *model;
	const char *version; /* NULL when unknown */
};

/* Before a scan's reads: map the file rather than read() its pages. */
int tplc_store__scan_begin(struct tplc_store *store, struct tplc_error *err);

/* Rows borrow their strings for the duration of the callback. */
int tplc_store__each_component(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err);
/*
 * A read-only connection of its own, touching nothing store->db holds:
 * another thread reads the fleet on it while this one reads the
 * advisories.  NULL when the store cannot give one (a transaction is
 * open, the file cannot be opened again): read on the store then.
 */
struct tplc_store__reader;
struct tplc_store__reader *tplc_store__reader_open(struct tplc_store *store);
int tplc_store__reader_each_component(
        struct tplc_store__reader *r,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err);
void tplc_store__reader_close(struct tplc_store__reader *r);
/*
 * Which affected rows a full scan reads: those of a configuration, those
 * with no package or CPE key, and those whose key wanted() takes.  The
 * others are not read, only counted.
 */
struct tplc_store__affected_filter {
	bool (*wanted)(const char *key, void *data);
	void *data;
	size_t skipped; /* out: rows not read whose status is "affected" */
};
/* Every affected row, or those filter (if not NULL) keeps. */
int tplc_store__each_affected(struct tplc_store *store,
                              struct tplc_store__affected_filter *filter,
                              int (*cb)(const struct tplc_store__affected *row,
                                        void *data),
                              void *data, struct tplc_error *err);
int tplc_store__each_product_version(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__product_version *row, void *data),
        void *data, struct tplc_error *err);
/* Each distinct package key and CPE key of the components, once (a key
 * that is both, twice): what a full scan's rules may name. */
int tplc_store__each_fleet_key(struct tplc_store *store,
                               int (*cb)(const char *key, void *data),
                               void *data, struct tplc_error *err);
/* Every (alias, vuln_id) pair of vulnerability_aliases. */
int tplc_store__each_alias(struct tplc_store *store,
                           int (*cb)(const char *alias, const char *vuln_id,
                                     void *data),
                           void *data, struct tplc_error *err);

/*
 * The same, narrowed by an index: what one advisory, package or CPE
 * needs.  A NULL key is not looked up.
 */
struct tplc_store__scope {
	long long advisory_id;         /* affected rows of this advisory */
	const char *not_advisory_vuln; /* with advisory_id: rows of other
					* advisories naming this vulnerability */
	const char *package_key;       /* affected rows or components */
	const char *cpe_key;
	const char *vuln_id; /* aliases of this vulnerability */
};

int tplc_store__each_affected_in(
        struct tplc_store *store, const struct tplc_store__scope *scope,
        int (*cb)(const struct tplc_store__affected *row, void *data),
        void *data, struct tplc_error *err);
int tplc_store__each_component_in(
        struct tplc_store *store, const struct tplc_store__scope *scope,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err);
int tplc_store__each_alias_in(struct tplc_store *store,
                              const struct tplc_store__scope *scope,
                              int (*cb)(const char *alias, const char *vuln_id,
                                        void *data),
                              void *data, struct tplc_error *err);
/* The advisory's row id, from its source and ref; TPLC_ENOTFOUND. */
int tplc_store__advisory_id(struct tplc_store *store, const char *source,
                            const char *ref, long long *out,
                            struct tplc_error *err);

struct tplc_store__match {
	long long product_version_id;
	long long component_id; /* 0 for a product-level match */
	long long advisory_id;
	const char *vuln_id;
	const char *match; /* "purl", "cpe" or "product" */
	const char *reason;
	double cvss_score; /* -1 if none */
	const char *fixed_in;
	const char *remediation;
	/* the newest VEX statement on it; status NULL when none */
	const char *vex_status;
	const char *vex_justification;
	const char *vex_detail;
	long long vex_advisory_id;
};

struct tplc_store__sync_stats {
	size_t total, added, removed;
};

/*
 * Make the findings table equal to matches: keep the rows (and their ids
 * and first_seen) that are still found, add the new, drop the gone, and
 * record the scan.  One transaction.
 */
struct tplc_store__stored;
int tplc_store__sync_findings(struct tplc_store *store,
                              const struct tplc_store__match *matches,
                              size_t count,
                              const struct tplc_store__stored *stored,
                              struct tplc_store__sync_stats *stats,
                              struct tplc_error *err);

/*
 * The findings as stored, read ahead on a reader while the scan matches;
 * sync uses them (stored may be NULL: it reads) only if the store's
 * data_version, taken before the reader's read began, is still the same.
 */
int tplc_store__data_version(struct tplc_store *store, long long *out,
                             struct tplc_error *err);
int tplc_store__reader_stored(struct tplc_store__reader *r,
                              long long data_version,
                              struct tplc_store__stored **out,
                              struct tplc_error *err);
void tplc_store__stored_free(struct tplc_store__stored *st);

/* The same for the findings of one advisory only (an incremental scan):
 * other advisories' findings are not touched, no scan is recorded. */
int tplc_store__sync_advisory_findings(struct tplc_store *store,
                                       long long advisory_id,
                                       const struct tplc_store__match *matches,
                                       size_t count,
                                       struct tplc_store__sync_stats *stats,
                                       struct tplc_error *err);

#endif

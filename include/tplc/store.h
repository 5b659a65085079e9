/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_H
#define TPLC_STORE_H

/*
 * The store: one SQLite database (WAL, foreign keys on) holding the
 * fleet, its SBOMs, the advisories and the findings.  The schema is
 * versioned; opening a store applies any missing migration.
 *
 * Every import is one transaction: on any error the database is exactly
 * as it was.  Several imports can be grouped into one transaction with
 * tplc_store_begin / _commit (an error inside rolls back the group when
 * the caller calls tplc_store_rollback).
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/ctx.h"
#include "tplc/error.h"
#include "tplc/model.h"

struct tplc_store;

/* The schema version this library writes. */
#define TPLC_STORE_SCHEMA_VERSION 6

/*
 * Open (creating if needed) the database at path and bring its schema up
 * to date.  ctx supplies the clock for import timestamps and must outlive
 * the store.  A database from a newer tplc is refused.
 */
int tplc_store_open(struct tplc_store **out, struct tplc_ctx *ctx,
                    const char *path, struct tplc_error *err);
void tplc_store_close(struct tplc_store *store);
int tplc_store_schema_version(struct tplc_store *store, int *out,
                              struct tplc_error *err);

int tplc_store_begin(struct tplc_store *store, struct tplc_error *err);
int tplc_store_commit(struct tplc_store *store, struct tplc_error *err);
void tplc_store_rollback(struct tplc_store *store);

/* ---- imports ----------------------------------------------------------- */

struct tplc_import_stats {
	size_t added;    /* new rows of the main kind (devices, components..) */
	size_t updated;  /* rows that existed and were refreshed */
	size_t vulns;    /* vulnerabilities named (advisories) */
	size_t affected; /* affected-product statements (advisories) */
	size_t warnings; /* kept, but not usable for matching (bad purl) */
};

/* Devices are upserted by (site, asset tag); products are created. */
int tplc_store_import_inventory(struct tplc_store *store,
                                const struct tplc_inventory *inventory,
                                const char *source,
                                struct tplc_import_stats *stats,
                                struct tplc_error *err);

/*
 * Attach an SBOM to a product version, replacing the one it had.
 * manufacturer may be NULL: then product names an existing product
 * ("Manufacturer Model" as the inventory spells it), or its first word is
 * taken as the manufacturer.
 */
int tplc_store_import_sbom(struct tplc_store *store,
                           const struct tplc_sbom *sbom, const char *source,
                           const char *manufacturer, const char *product,
                           const char *version, struct tplc_import_stats *stats,
                           struct tplc_error *err);

/* Upsert by (source, id); vulnerabilities merge across sources. */
int tplc_store_import_advisory(struct tplc_store *store,
                               const struct tplc_advisory *advisory,
                               const char *file,
                               struct tplc_import_stats *stats,
                               struct tplc_error *err);

/*
 * A feed file of many advisories as one import: begin, give each record,
 * end.  give takes the advisory over (it is freed here): a store thread
 * writes it, with statements prepared once, while the caller reads the
 * next record.  A write that fails makes a later give refuse with its
 * error (the caller stops reading), or end return it.  end waits for the
 * writes, commits when error is 0 and every write succeeded, and
 * otherwise leaves the store as it was before begin; it frees im either
 * way and returns the outcome.  *stats holds the totals once end returns.
 */
struct tplc_advisory_import;

int tplc_store_advisory_import_begin(struct tplc_advisory_import **out,
                                     struct tplc_store *store, const char *file,
                                     struct tplc_import_stats *stats,
                                     struct tplc_error *err);
int tplc_store_advisory_import_give(struct tplc_advisory_import *im,
                                    struct tplc_advisory *advisory);
int tplc_store_advisory_import_end(struct tplc_advisory_import *im, int error);

/* ---- reading --------------------------------------------------------- */

/*
 * Rows handed to callbacks borrow their strings for the duration of the
 * call only.  A callback returns 0 to go on, nonzero to stop (that value
 * is returned).
 */
struct tplc_device_row {
	long long id;
	const char *site;
	const char *asset_tag;
	const char *serial;
	const char *manufacturer;
	const char *model;
	const char *version;
	const char *mac;
	const char *ip;
	const char *hostname;
	const char *location;
	const char *department;
	const char *clinical_function;
	const char *install_date;
	const char *eol_date;
	const char *eos_date;
	const char *exposure, *segment, *controls; /* see struct tplc_device */
	const char *cr, *ir, *ar;
	long long findings;     /* open findings on its product version */
	long long kev_findings; /* of which known exploited */
	double max_cvss;        /* highest base score, -1 if none */
};

struct tplc_device_filter {
	const char *site;       /* exact site name, or NULL */
	const char *product;    /* substring of "manufacturer model" */
	const char *asset_tag;  /* exact, or NULL */
	bool exposed_only;      /* only devices with findings */
	bool order_by_exposure; /* KEV findings, then findings, then CVSS */
	size_t limit;           /* 0 = all */
};

typedef int (*tplc_device_cb)(const struct tplc_device_row *row, void *data);

/*
 * Record what the hospital knows of a device's environment: set's
 * exposure, segment, controls, cr, ir, ar, clinical_function and
 * deployment (canonical, tplc/raci.h), each only when non-NULL ("" clears
 * it).  site may be NULL when the tag is
 * unique across sites.  TPLC_ENOTFOUND when no device has the tag,
 * TPLC_EINVAL when several do.
 */
int tplc_store_device_set(struct tplc_store *store, const char *site,
                          const char *asset_tag, const struct tplc_device *set,
                          struct tplc_error *err);

int tplc_store_devices(struct tplc_store *store,
                       const struct tplc_device_filter *filter,
                       tplc_device_cb cb, void *data, struct tplc_error *err);

struct tplc_finding_row {
	long long id;
	const char *vuln_id;
	const char *title;
	bool kev;
	const char *kev_due_date;
	const char *kev_ransomware;
	double cvss_score; /* as given by the advisory; -1 if none */
	const char *cvss_vector;
	const char *manufacturer;
	const char *model;
	const char *version;
	const char *component; /* "name version", NULL for product matches */
	const char *component_purl;
	const char *match;           /* "purl", "cpe" or "product" */
	const char *reason;          /* why it matched, in words */
	const char *advisory_source; /* kev, csaf, osv */
	const char *advisory_id;     /* ICSMA-..., GHSA-... */
	const char *fixed_in;
	const char *remediation;
	long long devices;     /* devices running this product version */
	const char *asset_tag; /* set when listing by device */
	const char *first_seen;
	const char *last_seen;
	/* the newest VEX statement on it: status NULL when none */
	const char *vex_status; /* not_affected, fixed, ... */
	const char *vex_justification;
	const char *vex_detail;
	const char *vex_source, *vex_advisory; /* whose statement */
	/* Its priority (tplc/priority.h) on the device where it is highest
	 * (by device: on that device); the device that sets it, and the CVSS
	 * score and vector there, the rubric and environment applied. */
	double priority;
	const char *priority_band;   /* immediate, out-of-cycle, ... */
	const char *priority_device; /* asset tag; NULL: no device runs it */
	double device_cvss;          /* -1 when none */
	const char *device_vector;   /* NULL when none */
	/* Its triage state (tplc/triage.h): "new" when undecided; by
	 * product version the version-wide one, by device the device's. */
	const char *state;
	const char *state_reason, *state_by, *state_at; /* NULL when new */
	long long acceptance_id; /* the acceptance when accepted, else 0 */
};

struct tplc_finding_filter {
	const char *asset_tag; /* findings of one device (one row each) */
	const char *product;   /* substring of "manufacturer model" */
	const char *vuln_id;   /* exact */
	bool kev_only;
	bool by_device; /* one row per device instead of per product */
	bool all;       /* also those VEX says are not_affected or fixed */
	bool overdue;   /* only those with an overdue postmarket clock */
	long long id;   /* one finding; 0 = all */
	size_t limit;   /* 0 = all */
	/* triage states, bits TPLC_TRIAGE_BIT (tplc/triage.h); 0: all but
	 * the closed ones (not-affected, resolved, accepted) unless all.
	 * Set, it also shows findings VEX calls not_affected or fixed. */
	unsigned states;
};

typedef int (*tplc_finding_cb)(const struct tplc_finding_row *row, void *data);

/* Sorted by priority, highest first (then KEV, CVSS, vulnerability). */
int tplc_store_findings(struct tplc_store *store,
                        const struct tplc_finding_filter *filter,
                        tplc_finding_cb cb, void *data, struct tplc_error *err);

/* ---- the medical device rubric's answers -------------------------------- */

struct tplc_rubric_answers;

/*
 * Record answers (those not TPLC_RUBRIC_UNANSWERED) for the product model
 * product names (tplc_store__product_find: the full name or a part only
 * it has), for vulnerability vuln_id or, when NULL, for all of them.
 * by: who answers.  One transaction; *recorded: answers written.
 */
int tplc_store_rubric_set(struct tplc_store *store, const char *product,
                          const char *vuln_id,
                          const struct tplc_rubric_answers *answers,
                          const char *by, size_t *recorded,
                          struct tplc_error *err);

struct tplc_rubric_row {
	const char *manufacturer, *model;
	const char *vuln_id; /* NULL: for every vulnerability of the model */
	const char *question, *answer, *answered_by, *answered_at;
};

typedef int (*tplc_rubric_row_cb)(const struct tplc_rubric_row *row,
                                  void *data);

/* Answers recorded, per model (product: substring) and vulnerability. */
int tplc_store_rubric_list(struct tplc_store *store, const char *product,
                           const char *vuln_id, tplc_rubric_row_cb cb,
                           void *data, struct tplc_error *err);

/* ---- priority ------------------------------------------------------------ */

struct tplc_priority;
struct tplc_priority_input;
struct tplc_rubric_result;

/* One device's view of a finding, for tplc findings explain. */
struct tplc_finding_device {
	const struct tplc_finding_row *row; /* asset_tag: the device, NULL
					     * when no device runs it */
	const struct tplc_priority_input *input;
	const struct tplc_priority *priority;
	const char *segment; /* the device's network segment */
	const char *eol_date, *eos_date;
	const char *rubric;    /* "model" or "vulnerability": whose
				     * rubric answers were used; NULL none */
	size_t rubric_answers; /* how many */
	const struct tplc_rubric_result *rubric_result; /* NULL: none */
};

typedef int (*tplc_finding_device_cb)(const struct tplc_finding_device *fd,
                                      void *data);

/* Finding id on each device running it (asset_tag: only that one),
 * highest priority first.  TPLC_ENOTFOUND when there is no such finding. */
int tplc_store_finding_explain(struct tplc_store *store, long long id,
                               const char *asset_tag, tplc_finding_device_cb cb,
                               void *data, struct tplc_error *err);

struct tplc_sbom_row {
	const char *manufacturer;
	const char *model;
	const char *version;
	const char *format; /* "CycloneDX 1.6", "SPDX 2.3" */
	const char *created;
	const char *source; /* the file it came from */
	const char *imported_at;
	long long components;
	long long unsupported; /* no longer maintained or abandoned */
	long long devices;     /* devices running this product version */
};

typedef int (*tplc_sbom_cb)(const struct tplc_sbom_row *row, void *data);

int tplc_store_sboms(struct tplc_store *store, tplc_sbom_cb cb, void *data,
                     struct tplc_error *err);

struct tplc_fleet_summary {
	long long sites, devices, products, product_versions;
	long long sboms, components, advisories, vulnerabilities;
	long long kev_vulnerabilities;
	long long findings, kev_findings;
	long long exposed_devices, kev_exposed_devices;
	char last_scan[32]; /* time of the last scan, "" if none yet */
	/* governance: findings with a decision past triage (exploitable,
	 * not-affected, mitigated, resolved; version-wide or on a device),
	 * and risk acceptances in force, awaiting approval and run out */
	long long decided;
	long long accepted, awaiting_approval, expired_acceptances;
};

int tplc_store_summary(struct tplc_store *store, struct tplc_fleet_summary *out,
                       struct tplc_error *err);

/* ---- feed state (feed sync) ------------------------------------------- */

/* Validators longer than this are not kept: the next fetch is plain. */
#define TPLC_FEED_VALIDATOR_MAX 256

/* What the last sync of one URL learnt; "" where unknown. */
struct tplc_feed_state {
	char kind[32];
	char etag[TPLC_FEED_VALIDATOR_MAX];
	char last_modified[TPLC_FEED_VALIDATOR_MAX]; /* HTTP date as sent */
	long long bytes;                             /* -1 when unknown */
	char fetched_at[32]; /* last complete download, UTC ISO 8601 */
	char checked_at[32]; /* last time the server was asked */
};

/* The state of url; TPLC_ENOTFOUND when it was never synced. */
int tplc_store_feed_state(struct tplc_store *store, const char *url,
                          struct tplc_feed_state *out, struct tplc_error *err);
/* A complete download: validators (NULL for none), size, fetched and
 * checked now. */
int tplc_store_feed_fetched(struct tplc_store *store, const char *url,
                            const char *kind, const char *etag,
                            const char *last_modified, long long bytes,
                            struct tplc_error *err);
/* The server was asked and had nothing new: checked now. */
int tplc_store_feed_checked(struct tplc_store *store, const char *url,
                            const char *kind, struct tplc_error *err);

/* ---- VEX export -------------------------------------------------------- */

/* Which products a VEX export speaks of; NULL members: any. */
struct tplc_vex_scope {
	const char *manufacturer;
	const char *model;
	const char *version;
};

/*
 * The statements the store holds for the products in scope, as one
 * advisory (source "tplc"; id, title and times are the caller's to set;
 * free with tplc_advisory_free): what imported VEX documents (CycloneDX
 * VEX, OpenVEX) say of the manufacturer's products, oldest document first,
 * then for each product version in scope and vulnerability it has a
 * finding for, the finding's VEX status (affected when none, or when any
 * of its findings is).  tplc_vex_write (tplc/vex.h) writes it out.
 */
int tplc_store_vex_statements(struct tplc_store *store,
                              const struct tplc_vex_scope *scope,
                              struct tplc_advisory **out,
                              struct tplc_error *err);

#endif

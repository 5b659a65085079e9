/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_RACI_H
#define TPLC_RACI_H

/*
 * Who is Responsible, Accountable, Consulted and Informed for each
 * security task of a device, by its lifecycle stage (IMDRF N70) and how
 * it is deployed.  The default matrix (lib/lifecycle/raci.c) moves the
 * work from the manufacturer (MDM) to the hospital (HDO) gradually;
 * contracts change it with overrides, one party's letters for one task,
 * on a product (every stage or one) or on one device.  Pure: no store.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/lifecycle.h"

/* ---- deployment ----------------------------------------------------------- */

enum tplc_deployment {
	TPLC_DEPLOYMENT_HOSPITAL = 0, /* "hospital-managed" (the default) */
	TPLC_DEPLOYMENT_MANUFACTURER, /* "manufacturer-managed" */
	TPLC_DEPLOYMENT_SOFTWARE,     /* "software-only" */
};

#define TPLC_DEPLOYMENTS 3

const char *tplc_deployment_name(enum tplc_deployment d);
/* The three names and obvious synonyms ("hdo", "vendor-managed",
 * "samd", ...), any case, ' ', '-', '_' ignored; -1 when none. */
int tplc_deployment_parse(const char *text);

/* ---- tasks, parties, letters -------------------------------------------------- */

enum tplc_raci_task {
	TPLC_RACI_PATCHING = 0,
	TPLC_RACI_PATCH_INSTALL,
	TPLC_RACI_VULN_MONITORING,
	TPLC_RACI_SBOM_UPKEEP,
	TPLC_RACI_ACCESS_CONTROL,
	TPLC_RACI_LOGGING_MONITORING,
	TPLC_RACI_NETWORK_SEGMENTATION,
	TPLC_RACI_BACKUP_RESTORE,
	TPLC_RACI_INCIDENT_RESPONSE,
	TPLC_RACI_RISK_ACCEPTANCE,
	TPLC_RACI_DECOMMISSIONING,
};

#define TPLC_RACI_TASKS 11

/* "patching", "patch-install", ...; and a one-line title. */
const char *tplc_raci_task_key(enum tplc_raci_task task);
const char *tplc_raci_task_title(enum tplc_raci_task task);
int tplc_raci_task_parse(const char *text); /* -1: not one */

/* Role letters as bits. */
#define TPLC_RACI_R 1u
#define TPLC_RACI_A 2u
#define TPLC_RACI_C 4u
#define TPLC_RACI_I 8u

/* A subset of "RACI" in any order and case; "" and "-" are none.
 * TPLC_EINVAL for another letter or one given twice. */
int tplc_raci_letters_parse(unsigned *out, const char *text,
                            struct tplc_error *err);
/* The letters in R, A, C, I order ("" for none) into out. */
void tplc_raci_letters_format(char out[5], unsigned roles);

/* A party name: "MDM" and "HDO" canonical (any case), others free text,
 * printable, trimmed, at most TPLC_RACI_PARTY_MAX bytes. */
#define TPLC_RACI_PARTY_MAX  64
#define TPLC_RACI_PARTY_SIZE (TPLC_RACI_PARTY_MAX + 1)
int tplc_raci_party_canonical(char out[TPLC_RACI_PARTY_SIZE], const char *text,
                              struct tplc_error *err);

/* A contract reference: printable, at most this long. */
#define TPLC_RACI_CONTRACT_MAX 128

/* ---- the matrix --------------------------------------------------------------- */

enum tplc_raci_source {
	TPLC_RACI_FROM_DEFAULT = 0,
	TPLC_RACI_FROM_PRODUCT,
	TPLC_RACI_FROM_DEVICE,
};

const char *tplc_raci_source_name(enum tplc_raci_source source);

/* One contract term: party's letters for task, replacing its default. */
struct tplc_raci_override {
	enum tplc_raci_source level; /* PRODUCT or DEVICE */
	int stage;                   /* enum tplc_lifecycle; -1: every one */
	enum tplc_raci_task task;
	const char *party;    /* canonical */
	unsigned roles;       /* 0: the party has no role */
	const char *contract; /* reference, or NULL */
};

/* Parties one task can name (defaults plus overrides). */
#define TPLC_RACI_PARTIES_MAX 8

struct tplc_raci_assignment {
	char party[TPLC_RACI_PARTY_SIZE];
	unsigned roles;
	enum tplc_raci_source source;
	const char *contract; /* borrowed from the override; NULL */
};

/* Gap kinds, as bits of tplc_raci_cell.gaps. */
#define TPLC_RACI_GAP_NO_ACCOUNTABLE   1u
#define TPLC_RACI_GAP_MANY_ACCOUNTABLE 2u
#define TPLC_RACI_GAP_NO_RESPONSIBLE   4u

/* "no-accountable", "several-accountable", "no-responsible" for one bit. */
const char *tplc_raci_gap_name(unsigned gap);

struct tplc_raci_cell {
	struct tplc_raci_assignment party[TPLC_RACI_PARTIES_MAX];
	size_t count;
	unsigned gaps;
};

struct tplc_raci_matrix {
	enum tplc_lifecycle stage; /* as asked (UNKNOWN: Support's cells) */
	enum tplc_deployment deployment;
	struct tplc_raci_cell task[TPLC_RACI_TASKS];
};

/*
 * The default matrix of a stage and deployment.  A stage not known is
 * taken as Support: a device in use whose milestones nobody recorded.
 */
int tplc_raci_default(struct tplc_raci_matrix *out, enum tplc_lifecycle stage,
                      enum tplc_deployment deployment, struct tplc_error *err);

/*
 * The default, then the product's overrides for every stage, the
 * product's for this stage, the device's for every stage and the
 * device's for this stage; each sets one party's letters and leaves the
 * others alone.  Overrides for other stages are ignored.  Gaps are
 * computed at the end.  TPLC_ELIMIT past TPLC_RACI_PARTIES_MAX parties.
 */
int tplc_raci_merge(struct tplc_raci_matrix *out, enum tplc_lifecycle stage,
                    enum tplc_deployment deployment,
                    const struct tplc_raci_override *overrides, size_t count,
                    struct tplc_error *err);

/* The gap bits of one cell. */
unsigned tplc_raci_cell_gaps(const struct tplc_raci_cell *cell);

/* The parties holding role (one TPLC_RACI_ bit), comma-separated, into
 * out ("" when none). */
void tplc_raci_parties(char *out, size_t size,
                       const struct tplc_raci_cell *cell, unsigned role);

/* True when the Responsible or Accountable parties differ. */
bool tplc_raci_moves(const struct tplc_raci_cell *a,
                     const struct tplc_raci_cell *b);

/* ---- the store's record (lib/store/raci.c) ---------------------------------- */

struct tplc_store;

struct tplc_raci_set {
	const char *product;   /* "Manufacturer Model" (or unique part) */
	const char *asset_tag; /* or a device (exactly one of the two) */
	const char *site;      /* the device's site when tags repeat */
	int stage;             /* enum tplc_lifecycle; -1: every stage */
	enum tplc_raci_task task;
	const char *party; /* as typed: canonicalised here */
	unsigned roles;
	bool reset;           /* remove the override: back to the default */
	const char *contract; /* reference, or NULL */
	const char *by;       /* required */
};

/* Record (or with reset remove) one override.  One transaction. */
int tplc_store_raci_set(struct tplc_store *store,
                        const struct tplc_raci_set *set,
                        struct tplc_error *err);

/* A device with its matrix on the filter's day and, when a next stage is
 * known, the matrix it will have then. */
struct tplc_raci_device_row {
	const struct tplc_lifecycle_device_row *device;
	enum tplc_deployment deployment;
	const struct tplc_raci_matrix *now;
	const struct tplc_raci_matrix *next; /* NULL: no next stage known */
};

typedef int (*tplc_raci_device_cb)(const struct tplc_raci_device_row *row,
                                   void *data);

/* Every device of filter with its matrix; stage >= 0 judges the matrix
 * in that stage instead of the device's own (next is then NULL). */
int tplc_store_raci_devices(struct tplc_store *store,
                            const struct tplc_lifecycle_filter *filter,
                            int stage, tplc_raci_device_cb cb, void *data,
                            struct tplc_error *err);

/* One finding of the fleet's gaps, grouped over the devices of one
 * product version that share it. */
struct tplc_raci_gap_row {
	bool moving; /* false: a gap now; true: about to move */
	const char *manufacturer, *model, *version;
	long long devices;
	const char *asset_tag; /* the first device (by site, tag) */
	enum tplc_lifecycle stage;
	enum tplc_deployment deployment;
	enum tplc_raci_task task;
	unsigned gaps;     /* gap bits (moving: 0) */
	const char *r, *a; /* now: responsible, accountable parties */
	/* moving only: the next stage, its date, its R and A */
	enum tplc_lifecycle next;
	const char *date;
	const char *next_r, *next_a;
};

typedef int (*tplc_raci_gap_cb)(const struct tplc_raci_gap_row *row,
                                void *data);

/* Gaps on the filter's day (by product, version, task), then the tasks
 * whose R or A changes at a next stage within `within` days of it (by
 * date). */
int tplc_store_raci_gaps(struct tplc_store *store,
                         const struct tplc_lifecycle_filter *filter,
                         long within, tplc_raci_gap_cb cb, void *data,
                         struct tplc_error *err);

#endif

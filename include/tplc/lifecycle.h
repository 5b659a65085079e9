/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_LIFECYCLE_H
#define TPLC_LIFECYCLE_H

/*
 * A medical device's life cycle as IMDRF N70 (2023) frames it: four
 * stages, and the rules that move a product version from one to the next.
 *
 *   Development      not yet released (release date still to come)
 *   Support          released, on the market, its major components
 *                    supported by their suppliers
 *   Limited Support  declared end of life (EOL) has passed, or a component
 *                    went out of support and the manufacturer judged its
 *                    risk mitigated
 *   End of Support   declared end of support (EOS) has passed, or a
 *                    component went out of support and its risk is not
 *                    mitigated (or nobody decided: taken as not mitigated)
 *
 * The later stage wins.  A device takes its product version's milestones;
 * where its own record (the inventory) names an earlier EOL or EOS, that
 * one holds.  Everything here is pure: dates are YYYY-MM-DD strings, the
 * day to judge on is an argument, nothing reads a clock.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

enum tplc_lifecycle {
	TPLC_LIFECYCLE_UNKNOWN = 0, /* no milestone and no component known */
	TPLC_LIFECYCLE_DEVELOPMENT,
	TPLC_LIFECYCLE_SUPPORT,
	TPLC_LIFECYCLE_LIMITED,
	TPLC_LIFECYCLE_END_OF_SUPPORT,
};

#define TPLC_LIFECYCLE_STAGES 5

/* "Development", "Support", "Limited Support", "End of Support",
 * "unknown"; the short form is "development", "support", "limited",
 * "eos", "unknown" (for options, JSON and the store). */
const char *tplc_lifecycle_name(enum tplc_lifecycle stage);
const char *tplc_lifecycle_key(enum tplc_lifecycle stage);
/* Either spelling, case-insensitive; -1 when neither. */
int tplc_lifecycle_parse(const char *text);

/* The manufacturer's risk decision on a component that went out of
 * support (N70): it stays in Support, it moves to Limited Support with
 * its risk mitigated, or to End of Support. */
enum tplc_component_decision {
	TPLC_DECISION_NONE = 0,
	TPLC_DECISION_ACCEPTABLE,    /* "acceptable" */
	TPLC_DECISION_MITIGATED,     /* "mitigated" */
	TPLC_DECISION_NOT_MITIGATED, /* "not-mitigated" */
};

const char *tplc_component_decision_name(enum tplc_component_decision d);
int tplc_component_decision_parse(const char *text); /* -1: not one */

struct tplc_lifecycle_component {
	const char *name;              /* as reasons name it */
	enum tplc_support_level level; /* hand-set, else the SBOM's */
	const char *end_of_support;    /* YYYY-MM-DD, or NULL */
	/* For a component "not maintained" or "abandoned" with no date:
	 * the day a document said so (the SBOM's creation), so that it
	 * counts from then, not since ever.  NULL: since ever. */
	const char *unsupported_since;
	enum tplc_component_decision decision;
};

struct tplc_lifecycle_input {
	/* the product version's milestones; NULL when not known */
	const char *release, *eol, *eos;
	/* the device's own record; NULL for a product version alone */
	const char *device_eol, *device_eos;
	const struct tplc_lifecycle_component *components;
	size_t component_count;
};

#define TPLC_LIFECYCLE_REASONS     4
#define TPLC_LIFECYCLE_REASON_SIZE 160

struct tplc_lifecycle_status {
	enum tplc_lifecycle stage;
	char since[11];           /* when the stage began; "" unknown */
	enum tplc_lifecycle next; /* the next stage known; UNKNOWN: none */
	char next_date[11];       /* and its date */
	char eol[11], eos[11];    /* the dates in force; "" none */
	const char *eol_from;     /* "product" or "device"; NULL */
	const char *eos_from;
	size_t unsupported; /* components out of support on the day */
	size_t undecided;   /* of which no manufacturer decision */
	char reason[TPLC_LIFECYCLE_REASONS][TPLC_LIFECYCLE_REASON_SIZE];
	size_t reasons;
};

/*
 * The stage on day as_of, what put it there (reasons, most decisive
 * first), since when, and what comes next.  TPLC_EINVAL when as_of or a
 * date in the input is not YYYY-MM-DD.
 */
int tplc_lifecycle_evaluate(struct tplc_lifecycle_status *out,
                            const struct tplc_lifecycle_input *in,
                            const char *as_of, struct tplc_error *err);

/* One stretch of a product's life: stage from `from` (inclusive; "" =
 * since ever) to `to` (exclusive; "" = on and on). */
struct tplc_lifecycle_span {
	enum tplc_lifecycle stage;
	char from[11], to[11];
};

/*
 * The stages over time: evaluated at every date the input names.  Up to
 * max spans into out, *count how many there are (it may exceed max).
 */
int tplc_lifecycle_spans(const struct tplc_lifecycle_input *in,
                         struct tplc_lifecycle_span *out, size_t max,
                         size_t *count, struct tplc_error *err);

/* ---- notice lead times (IMDRF N70) ------------------------------------- */

/* A milestone should reach customers at least this long before it. */
#define TPLC_NOTICE_LEAD_YEARS 2
/* Transfer of responsibility (and the yearly review) starts this long
 * before a milestone. */
#define TPLC_TRANSFER_WINDOW_YEARS 3

/* True when a milestone on date was announced on announced with less than
 * TPLC_NOTICE_LEAD_YEARS to go. */
bool tplc_notice_short(const char *announced, const char *date);

/* ---- the store's record (lib/store/lifecycle.c) ---------------------------- */

struct tplc_store;

/* Milestones of a product version.  A NULL date is left as it is, ""
 * clears it.  announced/how say when and how customers were told (N70:
 * pushed to them, or only published). */
struct tplc_milestones {
	const char *release, *eol, *eos;
	const char *announced; /* YYYY-MM-DD, or NULL */
	const char *how;       /* "pushed", "published", or NULL */
	const char *notice_id; /* the notice that set them; NULL by hand */
	const char *by;        /* who records them (required) */
};

/*
 * Set the milestones of product ("Manufacturer Model" or a unique part
 * of it) at version, or of every version the store knows when version is
 * NULL; *versions says how many.  One transaction.
 */
int tplc_store_milestones_set(struct tplc_store *store, const char *product,
                              const char *version,
                              const struct tplc_milestones *m, size_t *versions,
                              struct tplc_error *err);

/*
 * Hand-set a component's support (kept across SBOM re-imports): level
 * ("maintained", "not-maintained", "abandoned", "unknown"; NULL: keep)
 * and end-of-support date (NULL: keep, "": clear).  component names it by
 * purl, name@version or name, in the SBOM of product at version (every
 * version with it when NULL).  *matched: how many product versions.
 */
int tplc_store_component_support_set(struct tplc_store *store,
                                     const char *product, const char *version,
                                     const char *component, const char *level,
                                     const char *end_of_support, const char *by,
                                     const char *note, size_t *matched,
                                     struct tplc_error *err);

/* Record the manufacturer's risk decision on an out-of-support component
 * (appended; the newest holds).  Same naming as above. */
int tplc_store_component_decide(struct tplc_store *store, const char *product,
                                const char *version, const char *component,
                                enum tplc_component_decision decision,
                                const char *rationale, const char *by,
                                size_t *matched, struct tplc_error *err);

struct tplc_milestone_row {
	const char *date;      /* NULL when not known */
	const char *announced; /* NULL when not recorded */
	const char *how;       /* "pushed", "published", NULL */
	const char *notice_id;
	const char *recorded_by;
};

/* Rows borrow everything for the duration of the callback. */
struct tplc_lifecycle_version_row {
	long long product_id, product_version_id;
	const char *manufacturer, *model, *version;
	long long devices; /* devices of this version in the fleet */
	struct tplc_milestone_row release, eol, eos;
	const struct tplc_lifecycle_input *input;   /* no device dates */
	const struct tplc_lifecycle_status *status; /* on filter's as_of */
};

struct tplc_lifecycle_device_row {
	long long device_id, product_id, product_version_id;
	const char *site, *asset_tag, *manufacturer, *model, *version;
	const char *department, *location, *clinical_function;
	const char *deployment; /* NULL: not recorded (hospital-managed) */
	const struct tplc_lifecycle_input *input;   /* with device dates */
	const struct tplc_lifecycle_status *status; /* on filter's as_of */
};

struct tplc_lifecycle_filter {
	const char *as_of;     /* YYYY-MM-DD; NULL: today (the context's) */
	const char *site;      /* exact, or NULL */
	const char *product;   /* substring of "manufacturer model", or NULL */
	const char *version;   /* exact, or NULL */
	const char *asset_tag; /* exact, or NULL */
	int stage;             /* enum tplc_lifecycle, or -1 for any */
	bool fleet_only;       /* versions: only those with devices */
};

typedef int (*tplc_lifecycle_version_cb)(
        const struct tplc_lifecycle_version_row *row, void *data);
typedef int (*tplc_lifecycle_device_cb)(
        const struct tplc_lifecycle_device_row *row, void *data);

/* Every product version (by manufacturer, model, version) with its
 * milestones and stage; a callback's nonzero return stops and is
 * returned. */
int tplc_store_lifecycle_versions(struct tplc_store *store,
                                  const struct tplc_lifecycle_filter *filter,
                                  tplc_lifecycle_version_cb cb, void *data,
                                  struct tplc_error *err);
/* Every device (by site, asset tag) with its stage. */
int tplc_store_lifecycle_devices(struct tplc_store *store,
                                 const struct tplc_lifecycle_filter *filter,
                                 tplc_lifecycle_device_cb cb, void *data,
                                 struct tplc_error *err);

#endif

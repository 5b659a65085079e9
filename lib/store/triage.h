/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_TRIAGE_H
#define TPLC_STORE_TRIAGE_H

/*
 * Private to the store: the key a finding's human decisions are kept
 * under (triage.c) and accepted under (acceptances.c).  Findings rows come
 * and go with scans and SBOM re-imports; the key does not: the product
 * version, the component named without its version (components.
 * package_key, else its lower-cased name; '' for a product-level match)
 * and the vulnerability.
 */

#include "internal.h"

/* The component part of the key, in SQL, for components aliased c. */
#define TRIAGE_COMPONENT_KEY "COALESCE(c.package_key, lower(c.name), '')"

#define TRIAGE_COMPONENT_MAX 1024
#define TRIAGE_VULN_MAX      256

struct triage_key {
	long long product_version_id;
	char component[TRIAGE_COMPONENT_MAX];
	char vuln_id[TRIAGE_VULN_MAX];
	char version[TRIAGE_COMPONENT_MAX]; /* the component's version now */
	bool kev; /* the vulnerability is known exploited */
};

/* The key of finding finding_id (findings.id); TPLC_ENOTFOUND when the
 * store has no such finding. */
int tplc_store__finding_key(struct tplc_store *store, long long finding_id,
                            struct triage_key *out, struct tplc_error *err);

/* Append a person's decision on key (device_id 0: every device of its
 * product version) inside the caller's transaction, bound to the
 * component's version and VEX statement now, with its audit entry
 * (finding.state).  lib/store/triage.c. */
int tplc_store__triage_append(struct tplc_store *store,
                              const struct triage_key *key, long long device_id,
                              const char *state, const char *justification,
                              const char *reason, const char *actor,
                              struct tplc_error *err);
/* The same for tplc itself sending key back to in-triage (what the
 * decision relied on changed, its acceptance ended): actor "tplc",
 * audit finding.reopen. */
int tplc_store__triage_reopen(struct tplc_store *store,
                              const struct triage_key *key, long long device_id,
                              const char *reason, struct tplc_error *err);

#endif

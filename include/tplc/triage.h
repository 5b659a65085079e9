/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TRIAGE_H
#define TPLC_TRIAGE_H

/*
 * The triage of findings: the states a human decision puts a finding in,
 * and when such a decision no longer holds.  A decision binds to the
 * component's version it was made on and to the VEX statement in force
 * then (when there was one); when either changes the finding goes back to
 * in-triage.  `accepted` is never decided here: it comes from an approved
 * risk acceptance (tplc accept).  The pure part (lib/register/triage.c)
 * and the store's (lib/store/triage.c).
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"
#include "tplc/store.h"

enum tplc_triage_state {
	TPLC_TRIAGE_NEW = 0,
	TPLC_TRIAGE_IN_TRIAGE,
	TPLC_TRIAGE_EXPLOITABLE,
	TPLC_TRIAGE_NOT_AFFECTED,
	TPLC_TRIAGE_MITIGATED,
	TPLC_TRIAGE_ACCEPTED,
	TPLC_TRIAGE_RESOLVED,
};

#define TPLC_TRIAGE_STATES 7
/* A filter's bit for a state. */
#define TPLC_TRIAGE_BIT(s) (1u << (unsigned)(s))

/* "new", "in-triage", "not-affected", ... */
const char *tplc_triage_state_name(enum tplc_triage_state s);
/* Case-insensitive; '-', '_' and ' ' alike ("not affected"). */
int tplc_triage_state_parse(enum tplc_triage_state *out, const char *text,
                            struct tplc_error *err);
/* Comma-separated names into a bit set of TPLC_TRIAGE_BIT. */
int tplc_triage_states_parse(unsigned *out, const char *list,
                             struct tplc_error *err);
/* not-affected, resolved, accepted: hidden from the default listing. */
bool tplc_triage_closed(enum tplc_triage_state s);

/* A decision as made, and what it relied on: bound_version the component's
 * version (NULL for a product-level match), bound_vex the VEX statement
 * in force ("not_affected/code_not_reachable by csaf ICSA-..", NULL when
 * none). */
struct tplc_triage_decision {
	enum tplc_triage_state state;
	const char *bound_version;
	const char *bound_vex;
};

/* The finding as it is now. */
struct tplc_triage_now {
	const char *component; /* its name, for the reason; may be NULL */
	const char *version;
	const char *vex; /* as bound_vex; NULL when none */
};

#define TPLC_TRIAGE_REASON_MAX 1024

/* Whether the decision no longer holds; when it does not, the reason in
 * words into reason ("reopened: openssl is now 1.0.2u; the decision was
 * made on 1.0.2k").  new and in-triage never reopen; a decision made
 * without a VEX statement does not reopen when one arrives. */
bool tplc_triage_reopen(const struct tplc_triage_decision *d,
                        const struct tplc_triage_now *now, char *reason,
                        size_t size);

/* ---- the store (lib/store/triage.c) ------------------------------------ */

/*
 * Decide on findings (findings.id), all in one transaction, on every
 * device of their product version or (asset_tag) on one.  TPLC_EINVAL for
 * accepted (that takes a risk acceptance), not-affected without a
 * CycloneDX or OpenVEX justification, an empty reason; TPLC_ENOTFOUND for
 * an unknown finding or device.
 */
int tplc_store_triage_set(struct tplc_store *store,
                          const long long *finding_ids, size_t count,
                          const char *asset_tag, const char *state,
                          const char *justification, const char *reason,
                          const char *by, struct tplc_error *err);

/* Reopen (in-triage, by "tplc") every current decision whose bound
 * version or VEX statement changed; inside the caller's transaction. */
int tplc_store_triage_reconcile(struct tplc_store *store,
                                struct tplc_error *err);

struct tplc_triage_history_row {
	long long id;
	const char *asset_tag; /* NULL: every device */
	const char *state;
	const char *justification;
	const char *reason;
	const char *bound_version;
	const char *bound_vex;
	const char *by;
	const char *at;
};

typedef int (*tplc_triage_history_cb)(const struct tplc_triage_history_row *r,
                                      void *data);

/* The decisions on a finding's key, oldest first. */
int tplc_store_triage_history(struct tplc_store *store, long long finding_id,
                              tplc_triage_history_cb cb, void *data,
                              struct tplc_error *err);

#endif

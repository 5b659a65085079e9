/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_ACCEPT_H
#define TPLC_ACCEPT_H

/*
 * Risk acceptance (issue 6): a finding that stays open is accepted for a
 * while, not forever.  An acceptance names findings (or a device's open
 * findings), the compensating controls (IMDRF N70's, tplc/review.h), the
 * residual risk and an expiry no more than a year out (90 days when a
 * covered vulnerability is known exploited).  The governance body (M
 * approvers, a quorum N) decides: N approvals approve it, one rejection
 * rejects it, and the requester never votes.  When an acceptance expires
 * its findings go back to triage.
 *
 * The pure rules (lib/register/accept.c) and the store's record
 * (lib/store/acceptances.c, schema v5).
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

/* The longest an acceptance runs: calendar years, days under KEV. */
#define TPLC_ACCEPT_MAX_YEARS    1
#define TPLC_ACCEPT_KEV_MAX_DAYS 90
/* Longest justification or comment, longest name of a person. */
#define TPLC_ACCEPT_TEXT_MAX 4096
#define TPLC_ACCEPT_NAME_MAX 256
/* Most approvers in the body, most findings named in one request. */
#define TPLC_ACCEPT_APPROVERS_MAX 64
#define TPLC_ACCEPT_FINDINGS_MAX  10000
/* "due" looks this many days ahead unless told otherwise. */
#define TPLC_ACCEPT_DUE_DAYS 30

enum tplc_accept_residual {
	TPLC_RESIDUAL_LOW = 0,
	TPLC_RESIDUAL_MEDIUM,
	TPLC_RESIDUAL_HIGH,
	TPLC_RESIDUAL_CRITICAL,
};

/* "low", "medium", "high", "critical"; parse: any case, -1 for none. */
const char *tplc_accept_residual_name(enum tplc_accept_residual r);
int tplc_accept_residual_parse(const char *s);

enum tplc_accept_status {
	TPLC_ACCEPT_PENDING = 0,
	TPLC_ACCEPT_APPROVED,
	TPLC_ACCEPT_REJECTED,
	TPLC_ACCEPT_EXPIRED,
	TPLC_ACCEPT_WITHDRAWN,
};

const char *tplc_accept_status_name(enum tplc_accept_status s);
int tplc_accept_status_parse(const char *s); /* -1: not one */

/* The latest expiry allowed on today (YYYY-MM-DD): a year later (Feb 29
 * gives Feb 28), or TPLC_ACCEPT_KEV_MAX_DAYS later under KEV. */
void tplc_accept_expiry_limit(char out[11], const char *today, bool kev);

/*
 * TPLC_EINVAL when expires is not a date (YYYY-MM-DD), not after today,
 * or after the limit; the message gives the limit and the date it allows.
 */
int tplc_accept_expiry_check(const char *expires, const char *today, bool kev,
                             struct tplc_error *err);

/* The state the votes give a pending acceptance: any rejection rejects
 * it, approvals >= quorum approve it, else it stays pending. */
enum tplc_accept_status tplc_accept_tally(size_t approvals, size_t rejections,
                                          size_t quorum);

/* ---- the store's record (lib/store/acceptances.c) ------------------------ */

struct tplc_store;

/* One approver of the body, borrowed for the callback. */
typedef int (*tplc_accept_approver_cb)(const char *name, const char *added_by,
                                       const char *added_at, void *data);

/*
 * Set the governance body in one transaction: approvers "A,B,C" replace
 * the list (NULL: keep it), quorum (0: keep it).  Refused (TPLC_EINVAL):
 * an empty or repeated name, more than TPLC_ACCEPT_APPROVERS_MAX, a quorum
 * outside 1..approvers.  Audited as governance.set.
 */
int tplc_store_accept_body_set(struct tplc_store *store, const char *approvers,
                               long quorum, const char *by,
                               struct tplc_error *err);
/* The approvers (by name) to cb; *quorum 0 when none is set. */
int tplc_store_accept_body(struct tplc_store *store, long *quorum,
                           tplc_accept_approver_cb cb, void *data,
                           struct tplc_error *err);

/* A request names findings, or (asset_tag) the open findings of a
 * device: those neither closed by VEX (not_affected, fixed) nor by a
 * triage decision (not-affected, resolved). */
struct tplc_accept_request {
	const long long *findings; /* findings.id */
	size_t finding_count;
	const char *asset_tag; /* instead of findings */
	unsigned controls;     /* tplc_review_control bits, at least one */
	enum tplc_accept_residual residual;
	const char *justification;
	const char *expires; /* YYYY-MM-DD */
	const char *by;
};

struct tplc_accept_requested {
	long long id;
	size_t findings; /* triage keys covered */
	long quorum;
	bool kev;
};

/* Record a pending request, in one transaction (audit accept.request).
 * TPLC_ENOTFOUND for an unknown finding or device; TPLC_EINVAL without a
 * governance body, for a device with no open finding, and for the rules
 * above. */
int tplc_store_accept_request(struct tplc_store *store,
                              const struct tplc_accept_request *r,
                              struct tplc_accept_requested *out,
                              struct tplc_error *err);

struct tplc_accept_vote_result {
	enum tplc_accept_status status; /* after the vote */
	size_t approvals, rejections;
	long quorum;
};

/*
 * An approver's vote on a pending acceptance, in one transaction (audit
 * accept.approve or accept.reject); a reject needs a comment.  Refused
 * (TPLC_EINVAL): the requester, a non-approver, a second vote, an
 * acceptance no longer pending.  TPLC_ENOTFOUND for no such acceptance.
 */
int tplc_store_accept_vote(struct tplc_store *store, long long id,
                           const char *approver, bool approve,
                           const char *comment,
                           struct tplc_accept_vote_result *out,
                           struct tplc_error *err);

/*
 * The requester gives an acceptance back before it expires (the risk was
 * removed, or the request was wrong): pending or approved becomes
 * withdrawn (audit accept.withdraw); the findings an approved one covered
 * go back to triage as on expiry.  Anyone else: TPLC_EINVAL.
 */
int tplc_store_accept_withdraw(struct tplc_store *store, long long id,
                               const char *by, const char *comment,
                               struct tplc_error *err);

/*
 * The sweep: every pending or approved acceptance whose expiry lies
 * before today becomes expired (audit accept.expire); each finding an
 * approved one covered gets an in-triage decision saying so.  One
 * transaction.
 */
int tplc_store_acceptances_expire(struct tplc_store *store,
                                  struct tplc_error *err);

/* One acceptance; strings borrowed for the callback, NULL when none. */
struct tplc_accept_row {
	long long id;
	const char *status;
	const char *site, *asset_tag; /* device scope; NULL: findings */
	const char *controls, *residual, *justification, *expires;
	bool kev;
	long long findings, approvals, rejections, quorum;
	const char *voted; /* "bob,carol", NULL when nobody */
	const char *requested_by, *requested_at, *decided_at;
	long days_left; /* expires - today */
};

typedef int (*tplc_accept_cb)(const struct tplc_accept_row *row, void *data);

/* Acceptances (of status when not NULL), newest first. */
int tplc_store_accept_list(struct tplc_store *store, const char *status,
                           tplc_accept_cb cb, void *data,
                           struct tplc_error *err);

/* Pending ones, approved ones expiring within days, expired ones:
 * expired first, then by expiry. */
int tplc_store_accept_due(struct tplc_store *store, long days,
                          tplc_accept_cb cb, void *data,
                          struct tplc_error *err);

struct tplc_accept_finding {
	const char *manufacturer, *model, *version;
	const char *component; /* the key's: package key or name, "" */
	const char *vuln_id;
	bool kev;
};

struct tplc_accept_vote {
	const char *approver, *vote, *comment, *at;
};

struct tplc_accept_show_cbs {
	tplc_accept_cb acceptance;
	int (*finding)(const struct tplc_accept_finding *f, void *data);
	int (*vote)(const struct tplc_accept_vote *v, void *data);
	void *data;
};

/* One acceptance, then its findings, then its votes (oldest first).
 * TPLC_ENOTFOUND when there is none. */
int tplc_store_accept_show(struct tplc_store *store, long long id,
                           const struct tplc_accept_show_cbs *cbs,
                           struct tplc_error *err);

#endif

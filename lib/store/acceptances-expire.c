/* SPDX-License-Identifier: Apache-2.0 */
/*
 * How acceptances end (tplc/accept.h): past their expiry (the sweep) or
 * withdrawn by their requester.  The findings an approved one covered go
 * back to triage (triage.c), in the same transaction as the audit entries.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tplc/accept.h"
#include "triage.h"
#include "util/alloc.h"
#include "util/date.h"

/* Room for "acceptance <id>". */
#define SUBJECT_MAX 48

struct expiring {
	long long id, device_id;
	bool approved;
	char expires[TPLX_DATE_SIZE];
};

static const char expiring_sql[] =
        "SELECT id, COALESCE(device_id, 0), status = 'approved', expires"
        " FROM acceptances WHERE status IN ('pending', 'approved')"
        " AND expires < ?1 ORDER BY id";

static int read_expiring(struct tplc_store *store, struct expiring **out,
                         size_t *count, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, expiring_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, tplc_ctx_today(store->ctx));
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct expiring *e;

		if (*count == cap) {
			cap = cap ? cap * 2 : 8;
			e = tplx_reallocarray(*out, cap, sizeof(*e));
			if (e == NULL) {
				error = tplc_error_set(err, TPLC_ENOMEM,
				                       "out of memory");
				break;
			}
			*out = e;
		}
		e = &(*out)[(*count)++];
		e->id = sqlite3_column_int64(stmt, 0);
		e->device_id = sqlite3_column_int64(stmt, 1);
		e->approved = sqlite3_column_int(stmt, 2) != 0;
		snprintf(e->expires, sizeof(e->expires), "%s",
		         tplc_store__column_text(stmt, 3));
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read acceptances");
	sqlite3_finalize(stmt);
	return error;
}

/* The keys an acceptance covered, with the component's version now. */
static const char keys_sql[] =
        "SELECT af.product_version_id, af.component, af.vuln_id,"
        " COALESCE(u.kev, 0), (SELECT c.version FROM components c"
        "  JOIN sboms s ON s.id = c.sbom_id"
        "  WHERE s.product_version_id = af.product_version_id"
        "  AND " TRIAGE_COMPONENT_KEY " = af.component"
        "  ORDER BY c.id LIMIT 1)"
        " FROM acceptance_findings af"
        " LEFT JOIN vulnerabilities u ON u.id = af.vuln_id"
        " WHERE af.acceptance_id = ?1"
        " ORDER BY af.product_version_id, af.component, af.vuln_id";

static int reopen(struct tplc_store *store, long long id, long long device_id,
                  const char *reason, struct tplc_error *err)
{
	struct triage_key *key;
	sqlite3_stmt *stmt;
	int error, rc;

	key = tplx_malloc(sizeof(*key));
	if (key == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = tplc_store__prepare(store, &stmt, keys_sql, err);
	if (error == 0)
		sqlite3_bind_int64(stmt, 1, id);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *version = tplc_store__column_text(stmt, 4);

		memset(key, 0, sizeof(*key));
		key->product_version_id = sqlite3_column_int64(stmt, 0);
		snprintf(key->component, sizeof(key->component), "%s",
		         tplc_store__column_text(stmt, 1));
		snprintf(key->vuln_id, sizeof(key->vuln_id), "%s",
		         tplc_store__column_text(stmt, 2));
		key->kev = sqlite3_column_int(stmt, 3) != 0;
		snprintf(key->version, sizeof(key->version), "%s",
		         version ? version : "");
		error = tplc_store__triage_reopen(store, key, device_id, reason,
		                                  err);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(
		        store, err, "cannot read an acceptance's findings");
	sqlite3_finalize(stmt);
	tplx_free(key);
	return error;
}

static int expire_one(struct tplc_store *store, sqlite3_stmt *update,
                      const struct expiring *e, struct tplc_error *err)
{
	char subject[SUBJECT_MAX], reason[96];
	const char *d[] = { "expires", e->expires, "was",
		            e->approved ? "approved" : "pending", NULL };
	int error;

	sqlite3_bind_int64(update, 1, e->id);
	tplc_store__bind_text(update, 2, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, update, err,
	                              "cannot expire an acceptance");
	snprintf(subject, sizeof(subject), "acceptance %lld", e->id);
	if (error == 0)
		error = tplc_store__audit(store, "tplc", "accept.expire",
		                          subject, d, err);
	snprintf(reason, sizeof(reason),
	         "reopened: acceptance %lld expired on %s", e->id, e->expires);
	if (error == 0 && e->approved)
		error = reopen(store, e->id, e->device_id, reason, err);
	return error;
}

int tplc_store_acceptances_expire(struct tplc_store *store,
                                  struct tplc_error *err)
{
	struct expiring *items = NULL;
	sqlite3_stmt *update = NULL;
	size_t count = 0;
	int error;

	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = read_expiring(store, &items, &count, err);
	/* decided_at stays the day it was approved, when it was */
	if (error == 0 && count > 0)
		error = tplc_store__prepare(
		        store, &update,
		        "UPDATE acceptances SET status = 'expired',"
		        " decided_at = COALESCE(decided_at, ?2) WHERE id = ?1",
		        err);
	for (size_t i = 0; error == 0 && i < count; i++)
		error = expire_one(store, update, &items[i], err);
	sqlite3_finalize(update);
	tplx_free(items);
	return tplc_store__import_end(store, error);
}

/* ---- withdrawing ------------------------------------------------------- */

static int withdraw(struct tplc_store *store, long long id, const char *by,
                    const char *comment, struct tplc_error *err)
{
	char subject[SUBJECT_MAX], reason[TPLC_ACCEPT_NAME_MAX + 64];
	char status[16], requester[TPLC_ACCEPT_NAME_MAX + 1];
	const char *d[] = { "was", status, "comment", comment, NULL };
	long long device_id = 0;
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT status, requested_by, COALESCE(device_id, 0)"
	        " FROM acceptances WHERE id = ?1",
	        err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		snprintf(status, sizeof(status), "%s",
		         tplc_store__column_text(stmt, 0));
		snprintf(requester, sizeof(requester), "%s",
		         tplc_store__column_text(stmt, 1));
		device_id = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return tplc_error_set(err, TPLC_ENOTFOUND, "no acceptance %lld",
		                      id);
	if (rc != SQLITE_ROW)
		return tplc_store__fail(store, err, "cannot read acceptance");
	if (strcmp(status, "pending") != 0 && strcmp(status, "approved") != 0)
		return tplc_error_set(
		        err, TPLC_EINVAL,
		        "acceptance %lld is %s: only a pending or "
		        "approved one can be withdrawn",
		        id, status);
	/* the one who owns the risk gives it back */
	if (strcasecmp(requester, by) != 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "only its requester (%s) can withdraw "
		                      "acceptance %lld",
		                      requester, id);
	error = tplc_store__prepare(
	        store, &stmt,
	        "UPDATE acceptances SET status = 'withdrawn',"
	        " decided_at = COALESCE(decided_at, ?2) WHERE id = ?1",
	        err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	tplc_store__bind_text(stmt, 2, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot withdraw an acceptance");
	sqlite3_finalize(stmt);
	snprintf(subject, sizeof(subject), "acceptance %lld", id);
	if (error == 0)
		error = tplc_store__audit(store, by, "accept.withdraw", subject,
		                          d, err);
	snprintf(reason, sizeof(reason),
	         "reopened: acceptance %lld withdrawn by %s", id, by);
	if (error == 0 && strcmp(status, "approved") == 0)
		error = reopen(store, id, device_id, reason, err);
	return error;
}

int tplc_store_accept_withdraw(struct tplc_store *store, long long id,
                               const char *by, const char *comment,
                               struct tplc_error *err)
{
	int error;

	if (by == NULL || *by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who withdraws it (--by NAME)");
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = withdraw(store, id, by, comment, err);
	return tplc_store__import_end(store, error);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading acceptances back (tplc/accept.h): the list, what is due, and
 * one acceptance with the findings it covers and its votes.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/accept.h"
#include "util/date.h"

/* The columns every listing reads, for acceptances aliased a. */
#define ROW_SQL                                                               \
	"SELECT a.id, a.status, s.name, d.asset_tag, a.controls, a.residual," \
	" a.justification, a.expires, a.kev,"                                 \
	" (SELECT count(*) FROM acceptance_findings"                          \
	"  WHERE acceptance_id = a.id),"                                      \
	" (SELECT count(*) FROM acceptance_votes"                             \
	"  WHERE acceptance_id = a.id AND vote = 'approve'),"                 \
	" (SELECT count(*) FROM acceptance_votes"                             \
	"  WHERE acceptance_id = a.id AND vote = 'reject'),"                  \
	" a.quorum,"                                                          \
	" (SELECT group_concat(approver, ',') FROM (SELECT approver"          \
	"  FROM acceptance_votes WHERE acceptance_id = a.id"                  \
	"  ORDER BY at, approver)),"                                          \
	" a.requested_by, a.requested_at, a.decided_at"                       \
	" FROM acceptances a LEFT JOIN devices d ON d.id = a.device_id"       \
	" LEFT JOIN sites s ON s.id = d.site_id"

static const char list_sql[] = ROW_SQL " WHERE (?1 IS NULL OR a.status = ?1)"
                                       " ORDER BY a.id DESC";
static const char due_sql[] =
        ROW_SQL " WHERE a.status IN ('pending', 'expired')"
                " OR (a.status = 'approved' AND a.expires <= ?1)"
                " ORDER BY CASE a.status WHEN 'expired' THEN 0"
                " WHEN 'approved' THEN 1 ELSE 2 END, a.expires, a.id";
static const char show_sql[] = ROW_SQL " WHERE a.id = ?1";

static void fill_row(sqlite3_stmt *stmt, const char *today,
                     struct tplc_accept_row *row)
{
	memset(row, 0, sizeof(*row));
	row->id = sqlite3_column_int64(stmt, 0);
	row->status = tplc_store__column_text(stmt, 1);
	row->site = tplc_store__column_text(stmt, 2);
	row->asset_tag = tplc_store__column_text(stmt, 3);
	row->controls = tplc_store__column_text(stmt, 4);
	row->residual = tplc_store__column_text(stmt, 5);
	row->justification = tplc_store__column_text(stmt, 6);
	row->expires = tplc_store__column_text(stmt, 7);
	row->kev = sqlite3_column_int(stmt, 8) != 0;
	row->findings = sqlite3_column_int64(stmt, 9);
	row->approvals = sqlite3_column_int64(stmt, 10);
	row->rejections = sqlite3_column_int64(stmt, 11);
	row->quorum = sqlite3_column_int64(stmt, 12);
	row->voted = tplc_store__column_text(stmt, 13);
	row->requested_by = tplc_store__column_text(stmt, 14);
	row->requested_at = tplc_store__column_text(stmt, 15);
	row->decided_at = tplc_store__column_text(stmt, 16);
	if (row->expires && tplx_date_valid(row->expires))
		row->days_left = tplx_date_diff(today, row->expires);
}

/* Step stmt (bound) through cb; *rows counts them.  Finalizes stmt. */
static int walk(struct tplc_store *store, sqlite3_stmt *stmt, tplc_accept_cb cb,
                void *data, size_t *rows, struct tplc_error *err)
{
	const char *today = tplc_ctx_today(store->ctx);
	struct tplc_accept_row row;
	int error = 0, rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		fill_row(stmt, today, &row);
		(*rows)++;
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list acceptances");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_accept_list(struct tplc_store *store, const char *status,
                           tplc_accept_cb cb, void *data,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	size_t rows = 0;
	int error;

	if (status && tplc_accept_status_parse(status) < 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "status %.32s: pending, approved, "
		                      "rejected, expired or withdrawn",
		                      status);
	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, status);
	return walk(store, stmt, cb, data, &rows, err);
}

int tplc_store_accept_due(struct tplc_store *store, long days,
                          tplc_accept_cb cb, void *data, struct tplc_error *err)
{
	char until[TPLX_DATE_SIZE];
	sqlite3_stmt *stmt;
	size_t rows = 0;
	int error;

	if (days < 0)
		return tplc_error_set(err, TPLC_EINVAL, "a negative horizon");
	tplx_date_add_days(until, tplc_ctx_today(store->ctx), days);
	error = tplc_store__prepare(store, &stmt, due_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, until);
	return walk(store, stmt, cb, data, &rows, err);
}

static const char findings_sql[] =
        "SELECT p.manufacturer, p.model, v.version, af.component,"
        " af.vuln_id, COALESCE(u.kev, 0)"
        " FROM acceptance_findings af"
        " JOIN product_versions v ON v.id = af.product_version_id"
        " JOIN products p ON p.id = v.product_id"
        " LEFT JOIN vulnerabilities u ON u.id = af.vuln_id"
        " WHERE af.acceptance_id = ?1"
        " ORDER BY p.manufacturer, p.model, v.version, af.vuln_id,"
        " af.component";
static const char votes_sql[] =
        "SELECT approver, vote, comment, at FROM acceptance_votes"
        " WHERE acceptance_id = ?1 ORDER BY at, approver";

static int show_findings(struct tplc_store *store, long long id,
                         const struct tplc_accept_show_cbs *cbs,
                         struct tplc_error *err)
{
	struct tplc_accept_finding f;
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, findings_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		f.manufacturer = tplc_store__column_text(stmt, 0);
		f.model = tplc_store__column_text(stmt, 1);
		f.version = tplc_store__column_text(stmt, 2);
		f.component = tplc_store__column_text(stmt, 3);
		f.vuln_id = tplc_store__column_text(stmt, 4);
		f.kev = sqlite3_column_int(stmt, 5) != 0;
		error = cbs->finding ? cbs->finding(&f, cbs->data) : 0;
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(
		        store, err, "cannot read an acceptance's findings");
	sqlite3_finalize(stmt);
	return error;
}

static int show_votes(struct tplc_store *store, long long id,
                      const struct tplc_accept_show_cbs *cbs,
                      struct tplc_error *err)
{
	struct tplc_accept_vote v;
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, votes_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v.approver = tplc_store__column_text(stmt, 0);
		v.vote = tplc_store__column_text(stmt, 1);
		v.comment = tplc_store__column_text(stmt, 2);
		v.at = tplc_store__column_text(stmt, 3);
		error = cbs->vote ? cbs->vote(&v, cbs->data) : 0;
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read the votes");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_accept_show(struct tplc_store *store, long long id,
                           const struct tplc_accept_show_cbs *cbs,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	size_t rows = 0;
	int error;

	error = tplc_store__prepare(store, &stmt, show_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	error = walk(store, stmt, cbs->acceptance, cbs->data, &rows, err);
	if (error == 0 && rows == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no acceptance %lld", id);
	if (error == 0)
		error = show_findings(store, id, cbs, err);
	if (error == 0)
		error = show_votes(store, id, cbs, err);
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The manufacturer's postmarket record: controlled/uncontrolled decisions
 * per product version and vulnerability, when customers were told and a
 * fix went out, and the FDA clocks those imply (schema v3, the view
 * postmarket_status).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/postmarket.h"
#include "util/str.h"

/* The longest vulnerability id looked up. */
#define VULN_ID_MAX 128

/* "YYYY-MM-DDTHH:MM:SSZ" */
#define TIME_LEN 20

/* A finding no VEX statement calls not_affected or fixed. */
#define PM_OPEN "COALESCE(f.vex_status, '') NOT IN ('not_affected', 'fixed')"

/*
 * Each clock's state from its due day and when it was met, and the days
 * from the due day to when it was met or to now (?6).  Written out per
 * clock: clang-format mangles macro calls inside string concatenation.
 */
#define NOTIFY_STATE                                                     \
	"CASE WHEN notify_due IS NULL THEN '-'"                          \
	" WHEN notified_at IS NOT NULL THEN CASE WHEN date(notified_at)" \
	" <= notify_due THEN 'met' ELSE 'late' END"                      \
	" WHEN date(?6) > notify_due THEN 'overdue' ELSE 'due' END"
#define NOTIFY_DAYS                                                      \
	"COALESCE(CAST(julianday(COALESCE(date(notified_at), date(?6)))" \
	" - julianday(notify_due) AS INTEGER), 0)"
#define FIX_STATE                                                      \
	"CASE WHEN fix_due IS NULL THEN '-'"                           \
	" WHEN fixed_at IS NOT NULL THEN CASE WHEN date(fixed_at) <= " \
	"fix_due THEN 'met' ELSE 'late' END"                           \
	" WHEN date(?6) > fix_due THEN 'overdue' ELSE 'due' END"
#define FIX_DAYS                                                      \
	"COALESCE(CAST(julianday(COALESCE(date(fixed_at), date(?6)))" \
	" - julianday(fix_due) AS INTEGER), 0)"

#define PM_ROW_OVERDUE POSTMARKET_OVERDUE("k.pv", "k.vuln", "?6")

/*
 * One row per product version and vulnerability with open findings or a
 * decision.  ?1 product text, ?2 version, ?3 vulnerability, ?4 overdue
 * only, ?5 undecided only, ?6 now, ?7 one product version id (or NULL).
 * Controlled risk and undecided rows carry no due days.
 */

static const char list_sql[] =
        "WITH k(pv, vuln) AS ("
        "  SELECT f.product_version_id, f.vuln_id FROM findings f"
        "  WHERE " PM_OPEN " UNION SELECT product_version_id, vuln_id"
        "  FROM postmarket_decisions),"
        " r AS (SELECT k.pv, k.vuln, p.manufacturer, p.model,"
        "  NULLIF(v.version, '') AS version, u.kev,"
        "  COALESCE((SELECT MAX(COALESCE(f.cvss_score, u.cvss_score))"
        "   FROM findings f WHERE f.product_version_id = k.pv"
        "   AND f.vuln_id = k.vuln), u.cvss_score) AS cvss,"
        "  (SELECT COUNT(*) FROM findings f WHERE f.product_version_id ="
        "   k.pv AND f.vuln_id = k.vuln AND " PM_OPEN ") AS findings,"
        "  s.risk, s.rationale, s.decided_by, s.decided_at, s.aware_at,"
        "  CASE WHEN s.risk = 'uncontrolled' THEN s.notify_due END"
        "   AS notify_due, s.notified_at,"
        "  CASE WHEN s.risk = 'uncontrolled' THEN s.fix_due END"
        "   AS fix_due, s.fixed_at, " PM_ROW_OVERDUE " AS overdue"
        "  FROM k JOIN product_versions v ON v.id = k.pv"
        "  JOIN products p ON p.id = v.product_id"
        "  JOIN vulnerabilities u ON u.id = k.vuln"
        "  LEFT JOIN postmarket_status s ON s.product_version_id = k.pv"
        "   AND s.vuln_id = k.vuln"
        "  WHERE (?1 IS NULL OR instr(lower(p.manufacturer || ' ' ||"
        "   p.model), lower(?1)) > 0)"
        "  AND (?2 IS NULL OR v.version = ?2)"
        "  AND (?3 IS NULL OR k.vuln = ?3)"
        "  AND (?7 IS NULL OR k.pv = ?7))"
        " SELECT manufacturer, model, version, vuln, kev, cvss, findings,"
        "  risk, rationale, decided_by, decided_at, aware_at,"
        " notify_due, notified_at, " NOTIFY_STATE ", " NOTIFY_DAYS ","
        " fix_due, fixed_at, " FIX_STATE ", " FIX_DAYS
        " FROM r WHERE (?4 = 0 OR overdue) AND (?5 = 0 OR risk IS NULL)"
        " ORDER BY CASE WHEN overdue THEN 0 WHEN risk IS NULL THEN 1"
        "  ELSE 2 END,"
        /* the notify clock falls due first: when it is met, the fix's */
        "  CASE WHEN NOT overdue THEN NULL"
        "   WHEN notified_at IS NULL THEN notify_due ELSE fix_due END,"
        "  kev DESC, COALESCE(cvss, -1) DESC, manufacturer, model,"
        "  version, vuln";

static void read_row(sqlite3_stmt *stmt, struct tplc_postmarket_row *row)
{
	memset(row, 0, sizeof(*row));
	row->manufacturer = tplc_store__column_text(stmt, 0);
	row->model = tplc_store__column_text(stmt, 1);
	row->version = tplc_store__column_text(stmt, 2);
	row->vuln_id = tplc_store__column_text(stmt, 3);
	row->kev = sqlite3_column_int(stmt, 4) != 0;
	row->cvss_score = tplc_store__column_score(stmt, 5);
	row->findings = sqlite3_column_int64(stmt, 6);
	row->risk = tplc_store__column_text(stmt, 7);
	row->rationale = tplc_store__column_text(stmt, 8);
	row->decided_by = tplc_store__column_text(stmt, 9);
	row->decided_at = tplc_store__column_text(stmt, 10);
	row->aware_at = tplc_store__column_text(stmt, 11);
	row->notify_due = tplc_store__column_text(stmt, 12);
	row->notified_at = tplc_store__column_text(stmt, 13);
	row->notify_state = tplc_store__column_text(stmt, 14);
	row->notify_days = sqlite3_column_int64(stmt, 15);
	row->fix_due = tplc_store__column_text(stmt, 16);
	row->fixed_at = tplc_store__column_text(stmt, 17);
	row->fix_state = tplc_store__column_text(stmt, 18);
	row->fix_days = sqlite3_column_int64(stmt, 19);
}

static int list_rows(struct tplc_store *store,
                     const struct tplc_postmarket_filter *filter, long long pv,
                     tplc_postmarket_cb cb, void *data, struct tplc_error *err)
{
	struct tplc_postmarket_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, filter->product);
	tplc_store__bind_text(stmt, 2, filter->version);
	tplc_store__bind_text(stmt, 3, filter->vuln_id);
	sqlite3_bind_int(stmt, 4, filter->overdue_only);
	sqlite3_bind_int(stmt, 5, filter->undecided_only);
	tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
	if (pv > 0)
		sqlite3_bind_int64(stmt, 7, pv);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, &row);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot list postmarket status");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_postmarket_list(struct tplc_store *store,
                         const struct tplc_postmarket_filter *filter,
                         tplc_postmarket_cb cb, void *data,
                         struct tplc_error *err)
{
	return list_rows(store, filter, 0, cb, data, err);
}

/* ---- resolving what the caller names ------------------------------------ */

static int resolve_version(struct tplc_store *store, long long product,
                           const char *name, const char *version,
                           long long *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT id FROM product_versions"
	                            " WHERE product_id = ?1 AND version = ?2",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product);
	tplc_store__bind_text(stmt, 2, version);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "%s has no version '%s' in the store",
		                       name, version);
	sqlite3_finalize(stmt);
	return error;
}

/* The vulnerability's id: id itself, or the one record it is an alias
 * of. */
static const char vuln_sql[] =
        "SELECT id FROM vulnerabilities WHERE id = ?1"
        " UNION ALL SELECT vuln_id FROM vulnerability_aliases"
        " WHERE alias = ?1 AND NOT EXISTS"
        "  (SELECT 1 FROM vulnerabilities WHERE id = ?1)"
        " LIMIT 2";

static int resolve_vuln(struct tplc_store *store, const char *id, char *out,
                        size_t size, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, n = 0;

	error = tplc_store__prepare(store, &stmt, vuln_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(out, size, "%s",
			         tplc_store__column_text(stmt, 0));
	if (n == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no vulnerability '%s' in the store",
		                       id);
	else if (n > 1)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "'%s' is an alias of several "
		                       "vulnerabilities: name one",
		                       id);
	sqlite3_finalize(stmt);
	return error;
}

struct resolved {
	long long pv;
	char product[256]; /* "manufacturer model" */
	char vuln[VULN_ID_MAX];
};

static int resolve_key(struct tplc_store *store,
                       const struct tplc_postmarket_key *key,
                       struct resolved *out, struct tplc_error *err)
{
	long long product;
	int error;

	if (key->product == NULL || key->product[0] == '\0' ||
	    key->version == NULL || key->vuln_id == NULL ||
	    key->vuln_id[0] == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a product, a version and a "
		                      "vulnerability are required");
	if (strlen(key->vuln_id) >= VULN_ID_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "vulnerability id longer than %d bytes",
		                      VULN_ID_MAX - 1);
	error = tplc_store__product_find(store, key->product, &product,
	                                 out->product, sizeof(out->product),
	                                 err);
	if (error == 0)
		error = resolve_version(store, product, out->product,
		                        key->version, &out->pv, err);
	if (error == 0)
		error = resolve_vuln(store, key->vuln_id, out->vuln,
		                     sizeof(out->vuln), err);
	return error;
}

/* ---- checking what the caller gives ------------------------------------- */

/* A UTC time as the store keeps it (YYYY-MM-DDTHH:MM:SSZ), not after
 * now. */
static int check_time(struct tplc_store *store, const char *what,
                      const char *in, char out[TIME_LEN + 1],
                      struct tplc_error *err)
{
	if (tplx_is_iso_date(in))
		snprintf(out, TIME_LEN + 1, "%.10sT00:00:00Z", in);
	else if (strlen(in) == TIME_LEN && in[TIME_LEN - 1] == 'Z' &&
	         tplx_is_iso_datetime(in))
		memcpy(out, in, TIME_LEN + 1);
	else
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s '%s' is not a UTC date "
		                      "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)",
		                      what, in);
	if (strcmp(out, tplc_ctx_now(store->ctx)) > 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s %s is in the future (now is %s)",
		                      what, in, tplc_ctx_now(store->ctx));
	return 0;
}

static int check_text(const char *what, const char *s, size_t max,
                      bool required, struct tplc_error *err)
{
	if (required && (s == NULL || tplx_is_blank(s)))
		return tplc_error_set(err, TPLC_EINVAL, "%s is required", what);
	if (s != NULL && strlen(s) > max)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%s is longer than %zu bytes", what, max);
	return 0;
}

/* ---- recording ------------------------------------------------------- */

/* The earliest first_seen of the version's findings of the
 * vulnerability, and how many there are. */
static int first_seen(struct tplc_store *store, const struct resolved *r,
                      char out[TIME_LEN + 1], long long *count,
                      struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *seen;
	int error;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT COUNT(*), MIN(first_seen)"
	                            " FROM findings WHERE"
	                            " product_version_id = ?1 AND vuln_id = ?2",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, r->pv);
	tplc_store__bind_text(stmt, 2, r->vuln);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		error = tplc_store__fail(store, err, "cannot read findings");
	} else {
		*count = sqlite3_column_int64(stmt, 0);
		seen = tplc_store__column_text(stmt, 1);
		snprintf(out, TIME_LEN + 1, "%s", seen ? seen : "");
	}
	sqlite3_finalize(stmt);
	return error;
}

static const char decide_sql[] =
        "INSERT INTO postmarket_decisions(product_version_id, vuln_id,"
        " risk, rationale, decided_by, decided_at, aware_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static int audit_key(struct tplc_store *store, const struct resolved *r,
                     const char *version, const char *by, const char *action,
                     const char *const *detail, struct tplc_error *err)
{
	char subject[512];

	snprintf(subject, sizeof(subject), "%s %s", r->product,
	         version != NULL ? version : "");
	return tplc_store__audit(store, by, action, subject, detail, err);
}

static int insert_decision(struct tplc_store *store, const struct resolved *r,
                           const struct tplc_postmarket_decision *d,
                           const char *aware, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(store, &stmt, decide_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, r->pv);
	tplc_store__bind_text(stmt, 2, r->vuln);
	tplc_store__bind_text(stmt, 3,
	                      d->risk == TPLC_RISK_UNCONTROLLED ? "uncontrolled"
	                                                        : "controlled");
	tplc_store__bind_text(stmt, 4, d->rationale);
	tplc_store__bind_text(stmt, 5, d->decided_by);
	tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
	tplc_store__bind_text(stmt, 7, aware);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record the decision");
	sqlite3_finalize(stmt);
	return error;
}

/* An import_end that failed to commit says nothing of its own. */
static int committed(struct tplc_store *store, int error,
                     struct tplc_error *err)
{
	if (err != NULL && err->code == 0)
		return tplc_store__fail(store, err, "cannot commit");
	return error;
}

/* The row as it stands after a change, for the caller to show. */
static int show(struct tplc_store *store, const struct resolved *r,
                tplc_postmarket_cb cb, void *data, struct tplc_error *err)
{
	struct tplc_postmarket_filter filter;

	if (cb == NULL)
		return 0;
	memset(&filter, 0, sizeof(filter));
	filter.vuln_id = r->vuln;
	return list_rows(store, &filter, r->pv, cb, data, err);
}

int tplc_postmarket_decide(struct tplc_store *store,
                           const struct tplc_postmarket_decision *d,
                           tplc_postmarket_cb cb, void *data,
                           struct tplc_error *err)
{
	char aware[TIME_LEN + 1], seen[TIME_LEN + 1];
	struct resolved r;
	long long findings = 0;
	int error;

	tplc_error_clear(err);
	error = check_text("decided_by", d->decided_by,
	                   TPLC_POSTMARKET_NAME_MAX, true, err);
	if (error == 0)
		error = check_text("rationale", d->rationale,
		                   TPLC_POSTMARKET_TEXT_MAX, false, err);
	if (error == 0 && d->aware_at != NULL)
		error = check_time(store, "aware date", d->aware_at, aware,
		                   err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = resolve_key(store, &d->key, &r, err);
	if (error == 0)
		error = first_seen(store, &r, seen, &findings, err);
	if (error == 0 && findings == 0 && !d->force)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "%s %s has no finding of %s: force "
		                       "(--force) to decide on it anyway",
		                       r.product, d->key.version, r.vuln);
	if (error == 0 && d->aware_at == NULL)
		snprintf(aware, sizeof(aware), "%s",
		         seen[0] ? seen : tplc_ctx_now(store->ctx));
	if (error == 0)
		error = insert_decision(store, &r, d, aware, err);
	if (error == 0) {
		const char *detail[] = {
			"vulnerability",
			r.vuln,
			"risk",
			d->risk == TPLC_RISK_UNCONTROLLED ? "uncontrolled"
			                                  : "controlled",
			"aware",
			aware,
			"rationale",
			d->rationale,
			NULL,
		};

		error = audit_key(store, &r, d->key.version, d->decided_by,
		                  "postmarket.decide", detail, err);
	}
	error = tplc_store__import_end(store, error);
	if (error < 0)
		return committed(store, error, err);
	return show(store, &r, cb, data, err);
}

static const char has_decision_sql[] =
        "SELECT 1 FROM postmarket_decisions"
        " WHERE product_version_id = ?1 AND vuln_id = ?2";

static const char event_sql[] =
        "INSERT INTO postmarket_events(product_version_id, vuln_id,"
        " event, at, recorded_by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static int insert_event(struct tplc_store *store, const struct resolved *r,
                        const struct tplc_postmarket_record *rec,
                        const char *at, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, found;

	error = tplc_store__prepare(store, &stmt, has_decision_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, r->pv);
	tplc_store__bind_text(stmt, 2, r->vuln);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (!found)
		return tplc_error_set(err, TPLC_ENOTFOUND,
		                      "no decision on %s for %s %s: decide "
		                      "controlled or uncontrolled first",
		                      r->vuln, r->product, rec->key.version);
	error = tplc_store__prepare(store, &stmt, event_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, r->pv);
	tplc_store__bind_text(stmt, 2, r->vuln);
	tplc_store__bind_text(stmt, 3,
	                      rec->event == TPLC_PM_FIX_DISTRIBUTED
	                              ? "fix_distributed"
	                              : "customers_notified");
	tplc_store__bind_text(stmt, 4, at);
	tplc_store__bind_text(stmt, 5, rec->recorded_by);
	tplc_store__bind_text(stmt, 6, rec->note);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record the event");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_postmarket_event(struct tplc_store *store,
                          const struct tplc_postmarket_record *rec,
                          tplc_postmarket_cb cb, void *data,
                          struct tplc_error *err)
{
	char at[TIME_LEN + 1];
	struct resolved r;
	int error;

	tplc_error_clear(err);
	error = check_text("recorded_by", rec->recorded_by,
	                   TPLC_POSTMARKET_NAME_MAX, true, err);
	if (error == 0)
		error = check_text("note", rec->note, TPLC_POSTMARKET_TEXT_MAX,
		                   false, err);
	if (error == 0 && rec->at != NULL)
		error = check_time(store, "event date", rec->at, at, err);
	else if (error == 0)
		snprintf(at, sizeof(at), "%s", tplc_ctx_now(store->ctx));
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = resolve_key(store, &rec->key, &r, err);
	if (error == 0)
		error = insert_event(store, &r, rec, at, err);
	if (error == 0) {
		const char *detail[] = {
			"vulnerability",
			r.vuln,
			"event",
			rec->event == TPLC_PM_FIX_DISTRIBUTED
			        ? "fix_distributed"
			        : "customers_notified",
			"at",
			at,
			"note",
			rec->note,
			NULL,
		};

		error = audit_key(store, &r, rec->key.version, rec->recorded_by,
		                  "postmarket.event", detail, err);
	}
	error = tplc_store__import_end(store, error);
	if (error < 0)
		return committed(store, error, err);
	return show(store, &r, cb, data, err);
}

/* ---- history --------------------------------------------------------- */

/* Every decision and event, oldest first per version and vulnerability;
 * ?1 product text, ?2 version, ?3 vulnerability. */
static const char history_sql[] =
        "SELECT p.manufacturer, p.model, NULLIF(v.version, ''), h.vuln_id,"
        " h.kind, h.risk, h.who, h.at, h.aware_at, h.text, h.current"
        " FROM (SELECT d.id, d.product_version_id AS pv, d.vuln_id,"
        "  'decision' AS kind, d.risk, d.decided_by AS who,"
        "  d.decided_at AS at, d.aware_at, d.rationale AS text,"
        "  d.id = (SELECT MAX(n.id) FROM postmarket_decisions n"
        "   WHERE n.product_version_id = d.product_version_id"
        "   AND n.vuln_id = d.vuln_id) AS current, 0 AS sort"
        "  FROM postmarket_decisions d"
        "  UNION ALL SELECT e.id, e.product_version_id, e.vuln_id,"
        "  e.event, NULL, e.recorded_by, e.at, NULL, e.note, 0, 1"
        "  FROM postmarket_events e) h"
        " JOIN product_versions v ON v.id = h.pv"
        " JOIN products p ON p.id = v.product_id"
        " WHERE (?1 IS NULL OR instr(lower(p.manufacturer || ' ' ||"
        "  p.model), lower(?1)) > 0)"
        " AND (?2 IS NULL OR v.version = ?2)"
        " AND (?3 IS NULL OR h.vuln_id = ?3)"
        " ORDER BY p.manufacturer, p.model, v.version, h.vuln_id, h.at,"
        " h.sort, h.id";

int tplc_postmarket_history(struct tplc_store *store,
                            const struct tplc_postmarket_filter *filter,
                            tplc_postmarket_history_cb cb, void *data,
                            struct tplc_error *err)
{
	struct tplc_postmarket_history_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, history_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, filter->product);
	tplc_store__bind_text(stmt, 2, filter->version);
	tplc_store__bind_text(stmt, 3, filter->vuln_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.manufacturer = tplc_store__column_text(stmt, 0);
		row.model = tplc_store__column_text(stmt, 1);
		row.version = tplc_store__column_text(stmt, 2);
		row.vuln_id = tplc_store__column_text(stmt, 3);
		row.kind = tplc_store__column_text(stmt, 4);
		row.risk = tplc_store__column_text(stmt, 5);
		row.by = tplc_store__column_text(stmt, 6);
		row.at = tplc_store__column_text(stmt, 7);
		row.aware_at = tplc_store__column_text(stmt, 8);
		row.text = tplc_store__column_text(stmt, 9);
		row.current = sqlite3_column_int(stmt, 10) != 0;
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot list postmarket history");
	sqlite3_finalize(stmt);
	return error;
}

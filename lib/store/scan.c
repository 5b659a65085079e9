/* SPDX-License-Identifier: Apache-2.0 */
/* The store's half of a scan: stream rows out, reconcile findings in. */
#include <string.h>

#include "internal.h"
#include "scan.h"

static double column_score(sqlite3_stmt *stmt, int index)
{
	if (sqlite3_column_type(stmt, index) == SQLITE_NULL)
		return -1.0;
	return sqlite3_column_double(stmt, index);
}

int tplc_store__each_component(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err)
{
	struct tplc_store__component row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT c.id, s.product_version_id, c.name,"
	                            " c.version, c.purl, c.package_key"
	                            " FROM components c"
	                            " JOIN sboms s ON s.id = c.sbom_id"
	                            " WHERE c.package_key IS NOT NULL"
	                            " ORDER BY c.package_key",
	                            err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.product_version_id = sqlite3_column_int64(stmt, 1);
		row.name = tplc_store__column_text(stmt, 2);
		row.version = tplc_store__column_text(stmt, 3);
		row.purl = tplc_store__column_text(stmt, 4);
		row.package_key = tplc_store__column_text(stmt, 5);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read components");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__each_affected(struct tplc_store *store,
                              int (*cb)(const struct tplc_store__affected *row,
                                        void *data),
                              void *data, struct tplc_error *err)
{
	struct tplc_store__affected row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT a.advisory_id, d.ref, a.vuln_id,"
	                            " a.package_key, a.vendor, a.product,"
	                            " a.range, a.range_text, a.status,"
	                            " a.fixed_in, a.remediation, av.cvss_score"
	                            " FROM affected a"
	                            " JOIN advisories d ON d.id = a.advisory_id"
	                            " LEFT JOIN advisory_vulns av"
	                            "  ON av.advisory_id = a.advisory_id"
	                            "  AND av.vuln_id = a.vuln_id"
	                            " ORDER BY a.id",
	                            err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.advisory_id = sqlite3_column_int64(stmt, 0);
		row.advisory_ref = tplc_store__column_text(stmt, 1);
		row.vuln_id = tplc_store__column_text(stmt, 2);
		row.package_key = tplc_store__column_text(stmt, 3);
		row.vendor = tplc_store__column_text(stmt, 4);
		row.product = tplc_store__column_text(stmt, 5);
		row.range = tplc_store__column_text(stmt, 6);
		row.range_text = tplc_store__column_text(stmt, 7);
		row.status = tplc_store__column_text(stmt, 8);
		row.fixed_in = tplc_store__column_text(stmt, 9);
		row.remediation = tplc_store__column_text(stmt, 10);
		row.cvss_score = column_score(stmt, 11);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read advisories");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__each_product_version(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__product_version *row, void *data),
        void *data, struct tplc_error *err)
{
	struct tplc_store__product_version row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT v.id, p.manufacturer, p.model,"
	                            " NULLIF(v.version, '')"
	                            " FROM product_versions v"
	                            " JOIN products p ON p.id = v.product_id"
	                            " ORDER BY v.id",
	                            err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.manufacturer = tplc_store__column_text(stmt, 1);
		row.model = tplc_store__column_text(stmt, 2);
		row.version = tplc_store__column_text(stmt, 3);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read products");
	sqlite3_finalize(stmt);
	return error;
}

/*
 * Reconcile through a temporary table: load this scan's matches, then
 * three set operations.  Rows that stay keep their id and first_seen.
 */
static const char *const sync_steps[] = {
	"DELETE FROM findings WHERE NOT EXISTS (SELECT 1 FROM scan_matches m"
	" WHERE m.product_version_id = findings.product_version_id"
	" AND m.component_id = findings.component_id"
	" AND m.vuln_id = findings.vuln_id"
	" AND m.advisory_id = findings.advisory_id)",

	"UPDATE findings SET last_seen = ?1, reason = m.reason,"
	" cvss_score = m.cvss_score, fixed_in = m.fixed_in,"
	" remediation = m.remediation, match = m.match"
	" FROM scan_matches m"
	" WHERE m.product_version_id = findings.product_version_id"
	" AND m.component_id = findings.component_id"
	" AND m.vuln_id = findings.vuln_id"
	" AND m.advisory_id = findings.advisory_id",

	"INSERT INTO findings(product_version_id, component_id, vuln_id,"
	" advisory_id, match, reason, cvss_score, fixed_in, remediation,"
	" first_seen, last_seen)"
	" SELECT product_version_id, component_id, vuln_id, advisory_id,"
	" match, reason, cvss_score, fixed_in, remediation, ?1, ?1"
	" FROM scan_matches WHERE true"
	" ON CONFLICT DO NOTHING",
};

static int load_matches(struct tplc_store *store,
                        const struct tplc_store__match *matches, size_t count,
                        struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t i;
	int error;

	error = tplc_store__exec(store,
	                         "CREATE TEMP TABLE IF NOT EXISTS scan_matches("
	                         " product_version_id INTEGER NOT NULL,"
	                         " component_id INTEGER NOT NULL,"
	                         " vuln_id TEXT NOT NULL,"
	                         " advisory_id INTEGER NOT NULL,"
	                         " match TEXT NOT NULL, reason TEXT NOT NULL,"
	                         " cvss_score REAL, fixed_in TEXT,"
	                         " remediation TEXT,"
	                         " PRIMARY KEY (product_version_id,"
	                         "  component_id, vuln_id, advisory_id));"
	                         "DELETE FROM temp.scan_matches;",
	                         err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "INSERT OR IGNORE INTO temp.scan_matches VALUES"
		        " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
		        err);
	for (i = 0; error == 0 && i < count; i++) {
		const struct tplc_store__match *m = &matches[i];

		sqlite3_bind_int64(stmt, 1, m->product_version_id);
		sqlite3_bind_int64(stmt, 2, m->component_id);
		tplc_store__bind_text(stmt, 3, m->vuln_id);
		sqlite3_bind_int64(stmt, 4, m->advisory_id);
		tplc_store__bind_text(stmt, 5, m->match);
		tplc_store__bind_text(stmt, 6, m->reason);
		tplc_store__bind_double(stmt, 7, m->cvss_score,
		                        m->cvss_score >= 0.0);
		tplc_store__bind_text(stmt, 8, m->fixed_in);
		tplc_store__bind_text(stmt, 9, m->remediation);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot stage finding");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int count_rows(struct tplc_store *store, const char *sql, size_t *out,
                      struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error = tplc_store__prepare(store, &stmt, sql, err);

	if (error < 0)
		return error;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = (size_t)sqlite3_column_int64(stmt, 0);
	else
		error = tplc_store__fail(store, err, "cannot count");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__sync_findings(struct tplc_store *store,
                              const struct tplc_store__match *matches,
                              size_t count,
                              struct tplc_store__sync_stats *stats,
                              struct tplc_error *err)
{
	const char *now = tplc_ctx_now(store->ctx);
	sqlite3_stmt *stmt = NULL;
	size_t i, before = 0, kept = 0;
	int error;

	memset(stats, 0, sizeof(*stats));
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = load_matches(store, matches, count, err);
	if (error == 0)
		error = count_rows(store, "SELECT COUNT(*) FROM findings",
		                   &before, err);
	for (i = 0; error == 0 && i < sizeof(sync_steps) / sizeof(*sync_steps);
	     i++) {
		error = tplc_store__prepare(store, &stmt, sync_steps[i], err);
		if (error < 0)
			break;
		if (sqlite3_bind_parameter_count(stmt) > 0)
			tplc_store__bind_text(stmt, 1, now);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot record findings");
		if (i == 0)
			kept = before - (size_t)sqlite3_changes(store->db);
		if (i == 2)
			stats->added = (size_t)sqlite3_changes(store->db);
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	if (error == 0)
		error = count_rows(store, "SELECT COUNT(*) FROM findings",
		                   &stats->total, err);
	if (error == 0) {
		stats->removed = before - kept;
		error = tplc_store__prepare(store, &stmt,
		                            "INSERT INTO scans(at, findings,"
		                            " added, removed)"
		                            " VALUES (?1, ?2, ?3, ?4)",
		                            err);
	}
	if (error == 0) {
		tplc_store__bind_text(stmt, 1, now);
		sqlite3_bind_int64(stmt, 2, (sqlite3_int64)stats->total);
		sqlite3_bind_int64(stmt, 3, (sqlite3_int64)stats->added);
		sqlite3_bind_int64(stmt, 4, (sqlite3_int64)stats->removed);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot record scan");
	}
	sqlite3_finalize(stmt);
	if (error == 0)
		error = tplc_store__exec(store, "DELETE FROM temp.scan_matches",
		                         err);
	return tplc_store__import_end(store, error);
}

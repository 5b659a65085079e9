/* SPDX-License-Identifier: Apache-2.0 */
/* The store's half of a scan: stream rows out, reconcile findings in. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scan.h"
#include "util/alloc.h"

/* What the merge compares, in read_stored's order. */
#define STORED_COLUMNS                                                   \
	"id, product_version_id, component_id, vuln_id, advisory_id,"    \
	" match, reason, cvss_score, fixed_in, remediation, vex_status," \
	" vex_justification, vex_detail, vex_advisory_id"

static double column_score(sqlite3_stmt *stmt, int index)
{
	if (sqlite3_column_type(stmt, index) == SQLITE_NULL)
		return -1.0;
	return sqlite3_column_double(stmt, index);
}

#define COMPONENT_SQL                                                   \
	"SELECT c.id, s.product_version_id, c.name, c.version, c.purl," \
	" c.package_key, c.cpe, c.cpe_key"                              \
	" FROM components c JOIN sboms s ON s.id = c.sbom_id"

/* Run a component query whose parameters are bound; stmt is finalized. */
static int each_component_stmt(
        struct tplc_store *store, sqlite3_stmt *stmt,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err)
{
	struct tplc_store__component row;
	int error = 0, rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.product_version_id = sqlite3_column_int64(stmt, 1);
		row.name = tplc_store__column_text(stmt, 2);
		row.version = tplc_store__column_text(stmt, 3);
		row.purl = tplc_store__column_text(stmt, 4);
		row.package_key = tplc_store__column_text(stmt, 5);
		row.cpe = tplc_store__column_text(stmt, 6);
		row.cpe_key = tplc_store__column_text(stmt, 7);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read components");
	sqlite3_finalize(stmt);
	return error;
}

/* sbom id -> product version id, for the whole-fleet read */
struct sbom_map {
	long long *ids; /* pairs: sbom, product version; by sbom */
	size_t count;
};

static int read_sboms(struct tplc_store *store, struct sbom_map *map,
                      struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT id, product_version_id FROM sboms"
	                            " ORDER BY id",
	                            err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (map->count == cap) {
			long long *ids;

			cap = cap ? cap * 2 : 256;
			ids = tplx_reallocarray(map->ids, cap,
			                        2 * sizeof(*ids));
			if (ids == NULL) {
				error = tplc_error_set(err, TPLC_ENOMEM,
				                       "out of memory");
				break;
			}
			map->ids = ids;
		}
		map->ids[2 * map->count] = sqlite3_column_int64(stmt, 0);
		map->ids[2 * map->count + 1] = sqlite3_column_int64(stmt, 1);
		map->count++;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read SBOMs");
	sqlite3_finalize(stmt);
	return error;
}

static long long product_version_of(const struct sbom_map *map, long long sbom)
{
	size_t a = 0, b = map->count;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (map->ids[2 * mid] == sbom)
			return map->ids[2 * mid + 1];
		if (map->ids[2 * mid] < sbom)
			a = mid + 1;
		else
			b = mid;
	}
	return 0;
}

int tplc_store__each_component(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err)
{
	struct tplc_store__component row;
	struct sbom_map map = { NULL, 0 };
	sqlite3_stmt *stmt = NULL;
	int error, rc = SQLITE_DONE;

	/* the fleet in rowid order, no join: SBOMs are looked up in C */
	error = read_sboms(store, &map, err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "SELECT id, sbom_id, name, version, package_key, cpe,"
		        " cpe_key FROM components WHERE package_key IS NOT NULL"
		        " OR cpe_key IS NOT NULL ORDER BY id",
		        err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.product_version_id =
		        product_version_of(&map, sqlite3_column_int64(stmt, 1));
		row.name = tplc_store__column_text(stmt, 2);
		row.version = tplc_store__column_text(stmt, 3);
		row.purl = NULL;
		row.package_key = tplc_store__column_text(stmt, 4);
		row.cpe = tplc_store__column_text(stmt, 5);
		row.cpe_key = tplc_store__column_text(stmt, 6);
		error = cb(&row, data);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read components");
	sqlite3_finalize(stmt);
	tplx_free(map.ids);
	return error;
}

int tplc_store__each_component_in(
        struct tplc_store *store, const struct tplc_store__scope *scope,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	/* two indexed lookups, never a scan */
	error = tplc_store__prepare(
	        store, &stmt,
	        COMPONENT_SQL " WHERE c.id IN (SELECT id FROM components"
	                      " WHERE package_key = ?1 UNION SELECT id FROM"
	                      " components WHERE cpe_key = ?2) ORDER BY c.id",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, scope->package_key);
	tplc_store__bind_text(stmt, 2, scope->cpe_key);
	return each_component_stmt(store, stmt, cb, data, err);
}

#define AFFECTED_SQL                                                        \
	"SELECT a.id, a.advisory_id, d.source, d.ref, d.modified,"          \
	" d.published, d.imported_at, a.vuln_id, u.withdrawn IS NOT NULL,"  \
	" a.package_key, a.vendor, a.product, a.cpe, a.cpe_key, a.config,"  \
	" a.node, a.platform, a.range, a.range_text, a.status, a.fixed_in," \
	" a.remediation, a.justification, a.detail, av.cvss_score"          \
	" FROM affected a"                                                  \
	" JOIN advisories d ON d.id = a.advisory_id"                        \
	" JOIN vulnerabilities u ON u.id = a.vuln_id"                       \
	" LEFT JOIN advisory_vulns av"                                      \
	"  ON av.advisory_id = a.advisory_id AND av.vuln_id = a.vuln_id"

static int each_affected_stmt(struct tplc_store *store, sqlite3_stmt *stmt,
                              int (*cb)(const struct tplc_store__affected *row,
                                        void *data),
                              void *data, struct tplc_error *err)
{
	struct tplc_store__affected row;
	int error = 0, rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.advisory_id = sqlite3_column_int64(stmt, 1);
		row.advisory_source = tplc_store__column_text(stmt, 2);
		row.advisory_ref = tplc_store__column_text(stmt, 3);
		row.advisory_modified = tplc_store__column_text(stmt, 4);
		row.advisory_published = tplc_store__column_text(stmt, 5);
		row.advisory_imported = tplc_store__column_text(stmt, 6);
		row.vuln_id = tplc_store__column_text(stmt, 7);
		row.withdrawn = sqlite3_column_int(stmt, 8) != 0;
		row.package_key = tplc_store__column_text(stmt, 9);
		row.vendor = tplc_store__column_text(stmt, 10);
		row.product = tplc_store__column_text(stmt, 11);
		row.cpe = tplc_store__column_text(stmt, 12);
		row.cpe_key = tplc_store__column_text(stmt, 13);
		row.config = sqlite3_column_int64(stmt, 14);
		row.node = sqlite3_column_int64(stmt, 15);
		row.platform = sqlite3_column_int(stmt, 16) != 0;
		row.range = tplc_store__column_text(stmt, 17);
		row.range_text = tplc_store__column_text(stmt, 18);
		row.status = tplc_store__column_text(stmt, 19);
		row.fixed_in = tplc_store__column_text(stmt, 20);
		row.remediation = tplc_store__column_text(stmt, 21);
		row.justification = tplc_store__column_text(stmt, 22);
		row.detail = tplc_store__column_text(stmt, 23);
		row.cvss_score = column_score(stmt, 24);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read advisories");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__each_affected(struct tplc_store *store,
                              int (*cb)(const struct tplc_store__affected *row,
                                        void *data),
                              void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(store, &stmt, AFFECTED_SQL " ORDER BY a.id",
	                            err);
	if (error < 0)
		return error;
	return each_affected_stmt(store, stmt, cb, data, err);
}

int tplc_store__each_affected_in(
        struct tplc_store *store, const struct tplc_store__scope *scope,
        int (*cb)(const struct tplc_store__affected *row, void *data),
        void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *sql;
	int error;

	if (scope->not_advisory_vuln != NULL)
		sql = AFFECTED_SQL " WHERE a.vuln_id = ?2"
		                   " AND a.advisory_id != ?1 ORDER BY a.id";
	else if (scope->advisory_id != 0)
		sql = AFFECTED_SQL " WHERE a.advisory_id = ?1 ORDER BY a.id";
	else
		sql = AFFECTED_SQL " WHERE a.id IN (SELECT id FROM affected"
		                   " WHERE package_key = ?3 UNION SELECT id"
		                   " FROM affected WHERE cpe_key = ?4)"
		                   " ORDER BY a.id";
	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	if (sqlite3_bind_parameter_count(stmt) >= 1)
		sqlite3_bind_int64(stmt, 1, scope->advisory_id);
	if (scope->not_advisory_vuln != NULL)
		tplc_store__bind_text(stmt, 2, scope->not_advisory_vuln);
	if (sqlite3_bind_parameter_count(stmt) >= 4) {
		tplc_store__bind_text(stmt, 3, scope->package_key);
		tplc_store__bind_text(stmt, 4, scope->cpe_key);
	}
	return each_affected_stmt(store, stmt, cb, data, err);
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

static int each_alias_stmt(struct tplc_store *store, sqlite3_stmt *stmt,
                           int (*cb)(const char *alias, const char *vuln_id,
                                     void *data),
                           void *data, struct tplc_error *err)
{
	int error = 0, rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		error = cb(tplc_store__column_text(stmt, 0),
		           tplc_store__column_text(stmt, 1), data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read aliases");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__each_alias(struct tplc_store *store,
                           int (*cb)(const char *alias, const char *vuln_id,
                                     void *data),
                           void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error = tplc_store__prepare(store, &stmt,
	                                "SELECT alias, vuln_id FROM"
	                                " vulnerability_aliases",
	                                err);

	if (error < 0)
		return error;
	return each_alias_stmt(store, stmt, cb, data, err);
}

int tplc_store__each_alias_in(struct tplc_store *store,
                              const struct tplc_store__scope *scope,
                              int (*cb)(const char *alias, const char *vuln_id,
                                        void *data),
                              void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error = tplc_store__prepare(store, &stmt,
	                                "SELECT alias, vuln_id FROM"
	                                " vulnerability_aliases"
	                                " WHERE alias = ?1 UNION"
	                                " SELECT alias, vuln_id FROM"
	                                " vulnerability_aliases"
	                                " WHERE vuln_id = ?1",
	                                err);

	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, scope->vuln_id);
	return each_alias_stmt(store, stmt, cb, data, err);
}

int tplc_store__advisory_id(struct tplc_store *store, const char *source,
                            const char *ref, long long *out,
                            struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	*out = 0;
	error = tplc_store__prepare(store, &stmt,
	                            "SELECT id FROM advisories"
	                            " WHERE source = ?1 AND ref = ?2",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, source);
	tplc_store__bind_text(stmt, 2, ref);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		error = tplc_error_set(err, TPLC_ENOTFOUND, "no advisory %s:%s",
		                       source, ref);
	else
		error = tplc_store__fail(store, err, "cannot find advisory");
	sqlite3_finalize(stmt);
	return error;
}

/*
 * Reconcile by a merge in key order (product version, component,
 * vulnerability, advisory): the findings the store has, read through the
 * UNIQUE index, against this scan's matches, sorted the same way.  Only
 * what changed is written; rows that stay keep their id and first_seen,
 * and one statement moves every kept row's last_seen.
 */
static int compare_key(const struct tplc_store__match *a,
                       const struct tplc_store__match *b)
{
	int c;

	if (a->product_version_id != b->product_version_id)
		return a->product_version_id < b->product_version_id ? -1 : 1;
	if (a->component_id != b->component_id)
		return a->component_id < b->component_id ? -1 : 1;
	c = strcmp(a->vuln_id, b->vuln_id);
	if (c != 0)
		return c;
	return a->advisory_id < b->advisory_id
	               ? -1
	               : a->advisory_id > b->advisory_id;
}

static int by_key(const void *a, const void *b)
{
	const struct tplc_store__match *x =
	        *(const struct tplc_store__match *const *)a;
	const struct tplc_store__match *y =
	        *(const struct tplc_store__match *const *)b;
	int c = compare_key(x, y);

	/* equal keys: the first match made wins, as in one pass */
	return c != 0 ? c : (x < y ? -1 : x > y);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* A finding as stored, read in key order. */
static void read_stored(sqlite3_stmt *stmt, struct tplc_store__match *m,
                        long long *id)
{
	*id = sqlite3_column_int64(stmt, 0);
	m->product_version_id = sqlite3_column_int64(stmt, 1);
	m->component_id = sqlite3_column_int64(stmt, 2);
	m->vuln_id = tplc_store__column_text(stmt, 3);
	m->advisory_id = sqlite3_column_int64(stmt, 4);
	m->match = tplc_store__column_text(stmt, 5);
	m->reason = tplc_store__column_text(stmt, 6);
	m->cvss_score = column_score(stmt, 7);
	m->fixed_in = tplc_store__column_text(stmt, 8);
	m->remediation = tplc_store__column_text(stmt, 9);
	m->vex_status = tplc_store__column_text(stmt, 10);
	m->vex_justification = tplc_store__column_text(stmt, 11);
	m->vex_detail = tplc_store__column_text(stmt, 12);
	m->vex_advisory_id = sqlite3_column_int64(stmt, 13);
}

static bool same_finding(const struct tplc_store__match *a,
                         const struct tplc_store__match *b)
{
	return same_text(a->match, b->match) &&
	       same_text(a->reason, b->reason) &&
	       (a->cvss_score < 0.0 ? b->cvss_score < 0.0
	                            : a->cvss_score == b->cvss_score) &&
	       same_text(a->fixed_in, b->fixed_in) &&
	       same_text(a->remediation, b->remediation) &&
	       same_text(a->vex_status, b->vex_status) &&
	       same_text(a->vex_justification, b->vex_justification) &&
	       same_text(a->vex_detail, b->vex_detail) &&
	       a->vex_advisory_id == b->vex_advisory_id;
}

/* Bind a match's fields as ?2.. of the insert and the update. */
static void bind_fields(sqlite3_stmt *stmt, const struct tplc_store__match *m)
{
	tplc_store__bind_text(stmt, 2, m->match);
	tplc_store__bind_text(stmt, 3, m->reason);
	tplc_store__bind_double(stmt, 4, m->cvss_score, m->cvss_score >= 0.0);
	tplc_store__bind_text(stmt, 5, m->fixed_in);
	tplc_store__bind_text(stmt, 6, m->remediation);
	tplc_store__bind_text(stmt, 7, m->vex_status);
	tplc_store__bind_text(stmt, 8, m->vex_justification);
	tplc_store__bind_text(stmt, 9, m->vex_detail);
	if (m->vex_advisory_id != 0)
		sqlite3_bind_int64(stmt, 10, m->vex_advisory_id);
	else
		sqlite3_bind_null(stmt, 10);
}

struct merge {
	struct tplc_store *store;
	sqlite3_stmt *read, *insert, *update, *delete;
	const char *now;
	struct tplc_store__sync_stats *stats;
	struct tplc_error *err;
};

static int merge_prepare(struct merge *g, long long advisory_id)
{
	int error;

	error = tplc_store__prepare(
	        g->store, &g->read,
	        advisory_id != 0
	                ? "SELECT " STORED_COLUMNS " FROM findings"
	                  " WHERE advisory_id = ?1 ORDER BY product_version_id,"
	                  " component_id, vuln_id, advisory_id"
	                : "SELECT " STORED_COLUMNS " FROM findings"
	                  " WHERE ?1 = 0 ORDER BY product_version_id,"
	                  " component_id, vuln_id, advisory_id",
	        g->err);
	if (error == 0)
		sqlite3_bind_int64(g->read, 1, advisory_id);
	if (error == 0)
		error = tplc_store__prepare(
		        g->store, &g->insert,
		        "INSERT INTO findings(product_version_id, component_id,"
		        " vuln_id, advisory_id, match, reason, cvss_score,"
		        " fixed_in, remediation, vex_status, vex_justification,"
		        " vex_detail, vex_advisory_id, first_seen, last_seen)"
		        " VALUES (?11, ?12, ?13, ?14, ?2, ?3, ?4, ?5, ?6, ?7,"
		        " ?8, ?9, ?10, ?1, ?1)",
		        g->err);
	if (error == 0)
		error = tplc_store__prepare(
		        g->store, &g->update,
		        "UPDATE findings SET match = ?2, reason = ?3,"
		        " cvss_score = ?4, fixed_in = ?5, remediation = ?6,"
		        " vex_status = ?7, vex_justification = ?8,"
		        " vex_detail = ?9, vex_advisory_id = ?10 WHERE id = ?1",
		        g->err);
	if (error == 0)
		error = tplc_store__prepare(
		        g->store, &g->delete,
		        "DELETE FROM findings WHERE id = ?1", g->err);
	return error;
}

static int merge_insert(struct merge *g, const struct tplc_store__match *m)
{
	tplc_store__bind_text(g->insert, 1, g->now);
	bind_fields(g->insert, m);
	sqlite3_bind_int64(g->insert, 11, m->product_version_id);
	sqlite3_bind_int64(g->insert, 12, m->component_id);
	tplc_store__bind_text(g->insert, 13, m->vuln_id);
	sqlite3_bind_int64(g->insert, 14, m->advisory_id);
	g->stats->added++;
	return tplc_store__step_done(g->store, g->insert, g->err,
	                             "cannot record finding");
}

static int merge_step(struct merge *g, const struct tplc_store__match *m,
                      const struct tplc_store__match *old, long long id)
{
	if (old == NULL)
		return merge_insert(g, m);
	if (m == NULL) {
		sqlite3_bind_int64(g->delete, 1, id);
		g->stats->removed++;
		return tplc_store__step_done(g->store, g->delete, g->err,
		                             "cannot drop finding");
	}
	if (same_finding(m, old))
		return 0;
	sqlite3_bind_int64(g->update, 1, id);
	bind_fields(g->update, m);
	return tplc_store__step_done(g->store, g->update, g->err,
	                             "cannot update finding");
}

static int merge(struct merge *g, const struct tplc_store__match **sorted,
                 size_t count)
{
	struct tplc_store__match old;
	size_t i = 0;
	long long id = 0;
	int rc, error = 0, c;

	rc = sqlite3_step(g->read);
	while (error == 0 && (rc == SQLITE_ROW || i < count)) {
		if (i > 0 && i < count &&
		    compare_key(sorted[i], sorted[i - 1]) == 0) {
			i++; /* the same finding again, by another rule */
			continue;
		}
		if (rc == SQLITE_ROW)
			read_stored(g->read, &old, &id);
		if (rc != SQLITE_ROW)
			c = -1;
		else if (i == count)
			c = 1;
		else
			c = compare_key(sorted[i], &old);
		error = merge_step(g, c <= 0 ? sorted[i] : NULL,
		                   c >= 0 ? &old : NULL, id);
		if (c <= 0)
			i++;
		if (c >= 0)
			rc = sqlite3_step(g->read);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(g->store, g->err,
		                         "cannot read findings");
	return error;
}

static int count_findings(struct tplc_store *store, long long advisory_id,
                          size_t *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error = tplc_store__prepare(
	        store, &stmt,
	        advisory_id != 0 ? "SELECT COUNT(*) FROM findings"
	                           " WHERE advisory_id = ?1"
	                         : "SELECT COUNT(*) FROM findings WHERE ?1 = 0",
	        err);

	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, advisory_id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = (size_t)sqlite3_column_int64(stmt, 0);
	else
		error = tplc_store__fail(store, err, "cannot count");
	sqlite3_finalize(stmt);
	return error;
}

static int record_scan(struct tplc_store *store,
                       const struct tplc_store__sync_stats *stats,
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error = tplc_store__prepare(store, &stmt,
	                                "INSERT INTO scans(at, findings,"
	                                " added, removed)"
	                                " VALUES (?1, ?2, ?3, ?4)",
	                                err);

	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, tplc_ctx_now(store->ctx));
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)stats->total);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)stats->added);
	sqlite3_bind_int64(stmt, 4, (sqlite3_int64)stats->removed);
	error = tplc_store__step_done(store, stmt, err, "cannot record scan");
	sqlite3_finalize(stmt);
	return error;
}

static int sync(struct tplc_store *store, long long advisory_id,
                const struct tplc_store__match *matches, size_t count,
                struct tplc_store__sync_stats *stats, struct tplc_error *err)
{
	struct merge g = { store, NULL, NULL, NULL, NULL, NULL, stats, err };
	const struct tplc_store__match **sorted;
	size_t i;
	int error;

	memset(stats, 0, sizeof(*stats));
	g.now = tplc_ctx_now(store->ctx);
	sorted = tplx_reallocarray(NULL, count ? count : 1, sizeof(*sorted));
	if (sorted == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < count; i++)
		sorted[i] = &matches[i];
	if (count > 1)
		qsort(sorted, count, sizeof(*sorted), by_key);
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		goto out;
	error = merge_prepare(&g, advisory_id);
	if (error == 0)
		error = merge(&g, sorted, count);
	sqlite3_finalize(g.read);
	sqlite3_finalize(g.insert);
	sqlite3_finalize(g.update);
	sqlite3_finalize(g.delete);
	g.read = NULL;
	/* every finding this scan saw was seen now */
	if (error == 0)
		error = tplc_store__prepare(
		        store, &g.read,
		        advisory_id != 0 ? "UPDATE findings SET last_seen = ?1"
		                           " WHERE advisory_id = ?2"
		                           " AND last_seen IS NOT ?1"
		                         : "UPDATE findings SET last_seen = ?1"
		                           " WHERE last_seen IS NOT ?1"
		                           " AND ?2 = 0",
		        err);
	if (error == 0) {
		tplc_store__bind_text(g.read, 1, g.now);
		sqlite3_bind_int64(g.read, 2, advisory_id);
		error = tplc_store__step_done(store, g.read, err,
		                              "cannot record findings");
	}
	sqlite3_finalize(g.read);
	if (error == 0)
		error = count_findings(store, advisory_id, &stats->total, err);
	if (error == 0 && advisory_id == 0)
		error = record_scan(store, stats, err);
	error = tplc_store__import_end(store, error);
out:
	tplx_free(sorted);
	return error;
}

int tplc_store__sync_findings(struct tplc_store *store,
                              const struct tplc_store__match *matches,
                              size_t count,
                              struct tplc_store__sync_stats *stats,
                              struct tplc_error *err)
{
	return sync(store, 0, matches, count, stats, err);
}

int tplc_store__sync_advisory_findings(struct tplc_store *store,
                                       long long advisory_id,
                                       const struct tplc_store__match *matches,
                                       size_t count,
                                       struct tplc_store__sync_stats *stats,
                                       struct tplc_error *err)
{
	if (advisory_id <= 0)
		return tplc_error_set(err, TPLC_EINVAL, "no advisory");
	return sync(store, advisory_id, matches, count, stats, err);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The store's half of a scan: stream rows out (sync.c reconciles). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scan.h"
#include "util/alloc.h"

/* A scan reads much of the file: mapped, a page costs no read() and no
 * copy, in this process or the next (at most this many bytes). */
#define SCAN_MMAP "PRAGMA mmap_size=1073741824"

int tplc_store__scan_begin(struct tplc_store *store, struct tplc_error *err)
{
	return tplc_store__exec(store, SCAN_MMAP, err);
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
struct sbom_pair {
	long long sbom, product_version;
};

struct sbom_map {
	struct tplx_vec pairs; /* struct sbom_pair, by sbom */
};

static int read_fail(sqlite3 *db, struct tplc_error *err, const char *what)
{
	return tplc_error_set(err, TPLC_ESTORE, "%s: %s", what,
	                      sqlite3_errmsg(db));
}

static int read_sboms(sqlite3 *db, struct sbom_map *map, struct tplc_error *err)
{
	struct sbom_pair *pair;
	sqlite3_stmt *stmt = NULL;
	int error = 0, rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(db,
	                       "SELECT id, product_version_id FROM sboms"
	                       " ORDER BY id",
	                       -1, &stmt, NULL) != SQLITE_OK)
		return read_fail(db, err, "cannot read SBOMs");
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		pair = tplx_vec_push(&map->pairs, sizeof(*pair));
		if (pair == NULL) {
			error = tplc_error_set(err, TPLC_ENOMEM,
			                       "out of memory");
			break;
		}
		pair->sbom = sqlite3_column_int64(stmt, 0);
		pair->product_version = sqlite3_column_int64(stmt, 1);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = read_fail(db, err, "cannot read SBOMs");
	sqlite3_finalize(stmt);
	return error;
}

static long long product_version_of(const struct sbom_map *map, long long sbom)
{
	const struct sbom_pair *pairs = map->pairs.items;
	size_t a = 0, b = map->pairs.count;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (pairs[mid].sbom == sbom)
			return pairs[mid].product_version;
		if (pairs[mid].sbom < sbom)
			a = mid + 1;
		else
			b = mid;
	}
	return 0;
}

/* The fleet in rowid order, only the columns matching reads, no join:
 * SBOMs are looked up in C.  Touches nothing but db. */
static int each_component_db(sqlite3 *db,
                             int (*cb)(const struct tplc_store__component *row,
                                       void *data),
                             void *data, struct tplc_error *err)
{
	struct tplc_store__component row;
	struct sbom_map map = { { NULL, 0, 0 } };
	sqlite3_stmt *stmt = NULL;
	int error, rc = SQLITE_DONE;

	error = read_sboms(db, &map, err);
	if (error == 0 &&
	    sqlite3_prepare_v2(db,
	                       "SELECT id, sbom_id, name, version, package_key,"
	                       " cpe, cpe_key FROM components"
	                       " WHERE package_key IS NOT NULL"
	                       " OR cpe_key IS NOT NULL ORDER BY id",
	                       -1, &stmt, NULL) != SQLITE_OK)
		error = read_fail(db, err, "cannot read components");
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
		error = read_fail(db, err, "cannot read components");
	sqlite3_finalize(stmt);
	tplx_free(map.pairs.items);
	return error;
}

int tplc_store__each_component(
        struct tplc_store *store,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err)
{
	return each_component_db(store->db, cb, data, err);
}

struct tplc_store__reader *tplc_store__reader_open(struct tplc_store *store)
{
	struct tplc_store__reader *r;

	/* what an open transaction wrote, only its connection sees */
	if (store->savepoint_depth > 0 || sqlite3_threadsafe() == 0 ||
	    !sqlite3_get_autocommit(store->db))
		return NULL;
	r = tplx_calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	if (sqlite3_open_v2(store->path, &r->db,
	                    SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		tplc_store__reader_close(r);
		return NULL;
	}
	sqlite3_busy_timeout(r->db, 10000);
	sqlite3_exec(r->db, SCAN_MMAP, NULL, NULL, NULL); /* only faster */
	return r;
}

int tplc_store__reader_each_component(
        struct tplc_store__reader *r,
        int (*cb)(const struct tplc_store__component *row, void *data),
        void *data, struct tplc_error *err)
{
	return each_component_db(r->db, cb, data, err);
}

void tplc_store__reader_close(struct tplc_store__reader *r)
{
	if (r == NULL)
		return;
	sqlite3_close(r->db);
	tplx_free(r);
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

void tplc_store__affected_columns(sqlite3_stmt *stmt, int at,
                                  struct tplc_store__affected *row)
{
	row->package_key = tplc_store__column_text(stmt, at);
	row->vendor = tplc_store__column_text(stmt, at + 1);
	row->product = tplc_store__column_text(stmt, at + 2);
	row->cpe = tplc_store__column_text(stmt, at + 3);
	row->cpe_key = tplc_store__column_text(stmt, at + 4);
	row->config = sqlite3_column_int64(stmt, at + 5);
	row->node = sqlite3_column_int64(stmt, at + 6);
	row->platform = sqlite3_column_int(stmt, at + 7) != 0;
	row->range = tplc_store__column_text(stmt, at + 8);
	row->range_text = tplc_store__column_text(stmt, at + 9);
	row->status = tplc_store__column_text(stmt, at + 10);
	row->fixed_in = tplc_store__column_text(stmt, at + 11);
	row->remediation = tplc_store__column_text(stmt, at + 12);
	row->justification = tplc_store__column_text(stmt, at + 13);
	row->detail = tplc_store__column_text(stmt, at + 14);
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
		tplc_store__affected_columns(stmt, 9, &row);
		row.cvss_score = tplc_store__column_score(stmt, 24);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read advisories");
	sqlite3_finalize(stmt);
	return error;
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

int tplc_store__each_fleet_key(struct tplc_store *store,
                               int (*cb)(const char *key, void *data),
                               void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error = tplc_store__prepare(
	        store, &stmt,
	        /* each from its index alone: no row of the table is read */
	        "SELECT DISTINCT package_key FROM components"
	        " WHERE package_key IS NOT NULL UNION ALL"
	        " SELECT DISTINCT cpe_key FROM components"
	        " WHERE cpe_key IS NOT NULL",
	        err);
	int rc = SQLITE_DONE;

	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		error = cb(tplc_store__column_text(stmt, 0), data);
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read components");
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

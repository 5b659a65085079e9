/* SPDX-License-Identifier: Apache-2.0 */
/* Advisories and the vulnerabilities they name. */
#include <string.h>

#include "internal.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"

/*
 * A vulnerability named by several sources is one row: each source fills
 * what it knows, and a KEV listing is never taken back by a later
 * non-KEV import.
 */
static const char vuln_sql[] =
        "INSERT INTO vulnerabilities(id, title, description, published,"
        " modified, cwe, cvss_score, cvss_vector, kev, kev_date_added,"
        " kev_due_date, kev_ransomware, kev_action, kev_vendor, kev_product)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15)"
        " ON CONFLICT(id) DO UPDATE SET"
        " title = COALESCE(title, excluded.title),"
        " description = COALESCE(description, excluded.description),"
        " published = COALESCE(published, excluded.published),"
        " modified = COALESCE(excluded.modified, modified),"
        " cwe = COALESCE(cwe, excluded.cwe),"
        " cvss_score = COALESCE(cvss_score, excluded.cvss_score),"
        " cvss_vector = COALESCE(cvss_vector, excluded.cvss_vector),"
        " kev = MAX(kev, excluded.kev),"
        " kev_date_added = COALESCE(excluded.kev_date_added, kev_date_added),"
        " kev_due_date = COALESCE(excluded.kev_due_date, kev_due_date),"
        " kev_ransomware = COALESCE(excluded.kev_ransomware, kev_ransomware),"
        " kev_action = COALESCE(excluded.kev_action, kev_action),"
        " kev_vendor = COALESCE(excluded.kev_vendor, kev_vendor),"
        " kev_product = COALESCE(excluded.kev_product, kev_product)";

static const char alias_sql[] =
        "INSERT OR IGNORE INTO vulnerability_aliases(alias, vuln_id)"
        " VALUES (?1, ?2)";

static const char advisory_vuln_sql[] =
        "INSERT OR REPLACE INTO advisory_vulns(advisory_id, vuln_id,"
        " cvss_score, cvss_vector) VALUES (?1, ?2, ?3, ?4)";

static const char affected_sql[] =
        "INSERT INTO affected(advisory_id, vuln_id, package_key, vendor,"
        " product, range, range_text, status, fixed_in, remediation)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

struct advisory_import {
	struct tplc_store *store;
	sqlite3_stmt *vuln, *alias, *advisory_vuln, *affected;
	long long advisory_id;
	struct tplc_import_stats *stats;
};

static const char *status_name(enum tplc_status status)
{
	switch (status) {
	case TPLC_STATUS_AFFECTED:
		return "affected";
	case TPLC_STATUS_FIXED:
		return "fixed";
	case TPLC_STATUS_NOT_AFFECTED:
		return "not_affected";
	case TPLC_STATUS_UNDER_INVESTIGATION:
		return "under_investigation";
	}
	return "affected";
}

static int upsert_advisory(struct advisory_import *im,
                           const struct tplc_advisory *a, const char *file,
                           struct tplc_error *err)
{
	static const char *const clear[] = {
		"DELETE FROM affected WHERE advisory_id = ?1",
		"DELETE FROM advisory_vulns WHERE advisory_id = ?1",
	};
	sqlite3_stmt *stmt = NULL;
	size_t i;
	int error;

	error = tplc_store__prepare(im->store, &stmt,
	                            "INSERT INTO advisories(source, ref, title,"
	                            " publisher, published, modified, url,"
	                            " file, imported_at) VALUES (?1, ?2, ?3,"
	                            " ?4, ?5, ?6, ?7, ?8, ?9)"
	                            " ON CONFLICT(source, ref) DO UPDATE SET"
	                            " title = excluded.title,"
	                            " publisher = excluded.publisher,"
	                            " published = excluded.published,"
	                            " modified = excluded.modified,"
	                            " url = excluded.url, file = excluded.file,"
	                            " imported_at = excluded.imported_at"
	                            " RETURNING id",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, a->source);
	tplc_store__bind_text(stmt, 2, a->id);
	tplc_store__bind_text(stmt, 3, a->title);
	tplc_store__bind_text(stmt, 4, a->publisher);
	tplc_store__bind_text(stmt, 5, a->published);
	tplc_store__bind_text(stmt, 6, a->modified);
	tplc_store__bind_text(stmt, 7, a->url);
	tplc_store__bind_text(stmt, 8, file);
	tplc_store__bind_text(stmt, 9, tplc_ctx_now(im->store->ctx));
	error = tplc_store__step_id(im->store, stmt, &im->advisory_id, err,
	                            "cannot record advisory");
	/* a re-imported advisory says everything anew */
	for (i = 0; error == 0 && i < sizeof(clear) / sizeof(clear[0]); i++) {
		error = tplc_store__prepare(im->store, &stmt, clear[i], err);
		if (error < 0)
			break;
		sqlite3_bind_int64(stmt, 1, im->advisory_id);
		error = tplc_store__step_done(im->store, stmt, err,
		                              "cannot replace advisory");
		sqlite3_finalize(stmt);
	}
	return error;
}

static int insert_vuln(struct advisory_import *im, const struct tplc_vuln *v,
                       struct tplc_error *err)
{
	int has_score = v->cvss_score >= 0.0;
	size_t i;
	int error;

	tplc_store__bind_text(im->vuln, 1, v->id);
	tplc_store__bind_text(im->vuln, 2, v->title);
	tplc_store__bind_text(im->vuln, 3, v->description);
	tplc_store__bind_text(im->vuln, 4, v->published);
	tplc_store__bind_text(im->vuln, 5, v->modified);
	tplc_store__bind_text(im->vuln, 6, v->cwe);
	tplc_store__bind_double(im->vuln, 7, v->cvss_score, has_score);
	tplc_store__bind_text(im->vuln, 8, v->cvss_vector);
	sqlite3_bind_int(im->vuln, 9, v->kev);
	tplc_store__bind_text(im->vuln, 10, v->kev_date_added);
	tplc_store__bind_text(im->vuln, 11, v->kev_due_date);
	tplc_store__bind_text(im->vuln, 12, v->kev_ransomware);
	tplc_store__bind_text(im->vuln, 13, v->kev_action);
	tplc_store__bind_text(im->vuln, 14, v->kev_vendor);
	tplc_store__bind_text(im->vuln, 15, v->kev_product);
	error = tplc_store__step_done(im->store, im->vuln, err,
	                              "cannot record vulnerability");
	for (i = 0; error == 0 && i < v->alias_count; i++) {
		tplc_store__bind_text(im->alias, 1, v->aliases[i]);
		tplc_store__bind_text(im->alias, 2, v->id);
		error = tplc_store__step_done(im->store, im->alias, err,
		                              "cannot record alias");
	}
	if (error == 0) {
		sqlite3_bind_int64(im->advisory_vuln, 1, im->advisory_id);
		tplc_store__bind_text(im->advisory_vuln, 2, v->id);
		tplc_store__bind_double(im->advisory_vuln, 3, v->cvss_score,
		                        has_score);
		tplc_store__bind_text(im->advisory_vuln, 4, v->cvss_vector);
		error = tplc_store__step_done(im->store, im->advisory_vuln, err,
		                              "cannot record score");
	}
	if (error == 0)
		im->stats->vulns++;
	return error;
}

static int insert_affected(struct advisory_import *im,
                           const struct tplc_advisory *a,
                           const struct tplc_affected *af,
                           struct tplc_error *err)
{
	struct tplc_error purl_err;
	char *key = NULL;
	int error;

	if (af->vuln >= a->vuln_count)
		return tplc_error_set(err, TPLC_ERROR,
		                      "affected entry names vulnerability %zu"
		                      " of %zu",
		                      af->vuln, a->vuln_count);
	if (af->purl != NULL &&
	    tplc_purl_package_key(&key, af->purl, &purl_err) < 0) {
		if (purl_err.code == TPLC_ENOMEM)
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
		im->stats->warnings++;
	}
	sqlite3_bind_int64(im->affected, 1, im->advisory_id);
	tplc_store__bind_text(im->affected, 2, a->vulns[af->vuln].id);
	tplc_store__bind_text(im->affected, 3, key);
	tplc_store__bind_text(im->affected, 4, af->vendor);
	tplc_store__bind_text(im->affected, 5, af->product);
	tplc_store__bind_text(im->affected, 6, af->range);
	tplc_store__bind_text(im->affected, 7, af->range_text);
	tplc_store__bind_text(im->affected, 8, status_name(af->status));
	tplc_store__bind_text(im->affected, 9, af->fixed_in);
	tplc_store__bind_text(im->affected, 10, af->remediation);
	tplc_free(key);
	error = tplc_store__step_done(im->store, im->affected, err,
	                              "cannot record affected product");
	if (error == 0)
		im->stats->affected++;
	return error;
}

int tplc_store_import_advisory(struct tplc_store *store,
                               const struct tplc_advisory *advisory,
                               const char *file,
                               struct tplc_import_stats *stats,
                               struct tplc_error *err)
{
	struct advisory_import im = { store, NULL, NULL, NULL, NULL, 0, stats };
	size_t i;
	int error;

	memset(stats, 0, sizeof(*stats));
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = upsert_advisory(&im, advisory, file, err);
	if (error == 0)
		error = tplc_store__prepare(store, &im.vuln, vuln_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &im.alias, alias_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &im.advisory_vuln,
		                            advisory_vuln_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &im.affected, affected_sql,
		                            err);
	for (i = 0; error == 0 && i < advisory->vuln_count; i++)
		error = insert_vuln(&im, &advisory->vulns[i], err);
	for (i = 0; error == 0 && i < advisory->affected_count; i++)
		error = insert_affected(&im, advisory, &advisory->affected[i],
		                        err);
	sqlite3_finalize(im.vuln);
	sqlite3_finalize(im.alias);
	sqlite3_finalize(im.advisory_vuln);
	sqlite3_finalize(im.affected);
	stats->added = error == 0 ? 1 : 0;
	return tplc_store__import_end(store, error);
}

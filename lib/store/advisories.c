/* SPDX-License-Identifier: Apache-2.0 */
/* Advisories and the vulnerabilities they name. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/cpe.h"
#include "tplc/purl.h"
#include "util/alloc.h"
#include "tplc/tplc.h"

/*
 * A vulnerability named by several sources is one row: each source fills
 * what it knows, and a KEV listing is never taken back by a later
 * non-KEV import.
 */
static const char vuln_sql[] =
        "INSERT INTO vulnerabilities(id, title, description, published,"
        " modified, cwe, cvss_score, cvss_vector, kev, kev_date_added,"
        " kev_due_date, kev_ransomware, kev_action, kev_vendor, kev_product,"
        " withdrawn, epss, epss_percentile, epss_date, epss_model)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
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
        " kev_product = COALESCE(excluded.kev_product, kev_product),"
        " withdrawn = COALESCE(excluded.withdrawn, withdrawn),"
        /* a newer EPSS file replaces the scores of an older one */
        " epss = CASE WHEN excluded.epss_date >= COALESCE(epss_date, '')"
        "   THEN excluded.epss ELSE epss END,"
        " epss_percentile = CASE WHEN excluded.epss_date >="
        "   COALESCE(epss_date, '') THEN excluded.epss_percentile"
        "   ELSE epss_percentile END,"
        " epss_model = CASE WHEN excluded.epss_date >="
        "   COALESCE(epss_date, '') THEN excluded.epss_model"
        "   ELSE epss_model END,"
        " epss_date = CASE WHEN excluded.epss_date >="
        "   COALESCE(epss_date, '') THEN excluded.epss_date"
        "   ELSE epss_date END";

static const char alias_sql[] =
        "INSERT OR IGNORE INTO vulnerability_aliases(alias, vuln_id)"
        " VALUES (?1, ?2)";

/*
 * No statement here says OR REPLACE or RETURNING: either makes SQLite
 * keep a statement journal, which a large import writes to a temporary
 * file page by page, once per row.  An upsert that sets every other
 * column says the same as a replace.
 */
static const char advisory_vuln_sql[] =
        "INSERT INTO advisory_vulns(advisory_id, vuln_id,"
        " cvss_score, cvss_vector) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT(advisory_id, vuln_id) DO UPDATE SET"
        " cvss_score = excluded.cvss_score,"
        " cvss_vector = excluded.cvss_vector";

static const char metric_sql[] =
        "INSERT INTO vulnerability_metrics(advisory_id, vuln_id,"
        " version, vector, score, source, type)"
        " VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, ''), ?7)"
        " ON CONFLICT(advisory_id, vuln_id, version, source) DO UPDATE SET"
        " vector = excluded.vector, score = excluded.score,"
        " type = excluded.type";

static const char affected_sql[] =
        "INSERT INTO affected(advisory_id, vuln_id, package_key, vendor,"
        " product, range, range_text, status, fixed_in, remediation, cpe,"
        " cpe_key, config, node, platform, justification, detail)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17)";

static const char advisory_sql[] =
        "INSERT INTO advisories(source, ref, title, publisher, published,"
        " modified, url, file, imported_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        " ON CONFLICT(source, ref) DO UPDATE SET"
        " title = excluded.title, publisher = excluded.publisher,"
        " published = excluded.published, modified = excluded.modified,"
        " url = excluded.url, file = excluded.file,"
        " imported_at = excluded.imported_at";

/* the id of an advisory the upsert updated */
static const char advisory_id_sql[] =
        "SELECT id FROM advisories WHERE source = ?1 AND ref = ?2";

/* a re-imported advisory says everything anew */
static const char *const clear_sql[] = {
	"DELETE FROM affected WHERE advisory_id = ?1",
	"DELETE FROM advisory_vulns WHERE advisory_id = ?1",
	"DELETE FROM vulnerability_metrics WHERE advisory_id = ?1",
};

#define CLEAR_COUNT (sizeof(clear_sql) / sizeof(clear_sql[0]))

/*
 * A feed file is one transaction: with SQLite's default 2 MB page cache a
 * large one spills its pages to the WAL again and again while indexes
 * grow.  A bounded cache (pages are only taken as they are touched) lets
 * each page be written once, at commit.
 */
#define IMPORT_CACHE_PRAGMA "PRAGMA cache_size=-262144" /* KiB: 256 MiB */

/*
 * A feed names the same packages and products again and again (NVD's CPEs
 * differ mostly in their version, which the key leaves out): the last keys
 * made, by the identity as written, spare parsing it again.  Direct-mapped
 * by a hash; a slot holds the identity, its key, or that it has none.
 */
#define KEY_CACHE_SLOTS 256

struct key_cache {
	char *in[KEY_CACHE_SLOTS];
	char *key[KEY_CACHE_SLOTS]; /* NULL: not readable */
};

typedef int (*key_fn)(char **out, const char *s, struct tplc_error *err);

static void key_cache_free(struct key_cache *c)
{
	size_t i;

	for (i = 0; i < KEY_CACHE_SLOTS; i++) {
		tplx_free(c->in[i]);
		tplc_free(c->key[i]);
	}
}

/*
 * *out: the key of identity s (NULL when s is), owned by the cache until
 * the next call.  Returns 0, 1 when s is not readable (*out NULL) or
 * TPLC_ENOMEM.
 */
static int cached_key(struct key_cache *c, const char *s, key_fn fn,
                      const char **out)
{
	struct tplc_error key_err;
	unsigned long h = 5381;
	const char *p;
	char *key = NULL, *copy;
	size_t slot;

	*out = NULL;
	if (s == NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		h = h * 33 + (unsigned char)*p;
	slot = h % KEY_CACHE_SLOTS;
	if (c->in[slot] != NULL && strcmp(c->in[slot], s) == 0) {
		*out = c->key[slot];
		return *out == NULL;
	}
	if (fn(&key, s, &key_err) < 0) {
		if (key_err.code == TPLC_ENOMEM)
			return TPLC_ENOMEM;
		key = NULL;
	}
	copy = tplx_strdup(s);
	if (copy == NULL) {
		tplc_free(key);
		return TPLC_ENOMEM;
	}
	tplx_free(c->in[slot]);
	tplc_free(c->key[slot]);
	c->in[slot] = copy;
	c->key[slot] = key;
	*out = key;
	return key == NULL;
}

struct tplc_advisory_import {
	struct tplc_store *store;
	const char *file;
	sqlite3_stmt *advisory, *advisory_id_stmt, *vuln, *alias;
	sqlite3_stmt *advisory_vuln, *metric;
	sqlite3_stmt *affected, *clear[CLEAR_COUNT];
	long long advisory_id;
	struct tplc_import_stats *stats;
	struct key_cache purls, cpes;
	int error;              /* the first failed add: end rolls back */
	size_t count;           /* advisories added */
	struct tplc_error *err; /* begin's: where end reports */
};

/*
 * Every string bound here (the advisory's arena, the file name, the
 * context's clock) outlives the step and the reset that follows it, so
 * SQLite need not copy it.
 */
static void bind_str(sqlite3_stmt *stmt, int index, const char *value)
{
	if (value == NULL)
		sqlite3_bind_null(stmt, index);
	else
		sqlite3_bind_text(stmt, index, value, -1, SQLITE_STATIC);
}

static int upsert_advisory(struct tplc_advisory_import *im,
                           const struct tplc_advisory *a,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt = im->advisory;
	size_t i;
	int error;

	bind_str(stmt, 1, a->source);
	bind_str(stmt, 2, a->id);
	bind_str(stmt, 3, a->title);
	bind_str(stmt, 4, a->publisher);
	bind_str(stmt, 5, a->published);
	bind_str(stmt, 6, a->modified);
	bind_str(stmt, 7, a->url);
	bind_str(stmt, 8, im->file);
	bind_str(stmt, 9, tplc_ctx_now(im->store->ctx));
	/* an insert sets the last rowid, the upsert's update does not: a new
	 * advisory has nothing to clear */
	sqlite3_set_last_insert_rowid(im->store->db, 0);
	error = tplc_store__step_done(im->store, stmt, err,
	                              "cannot record advisory");
	im->advisory_id = sqlite3_last_insert_rowid(im->store->db);
	if (error != 0 || im->advisory_id != 0)
		return error;
	bind_str(im->advisory_id_stmt, 1, a->source);
	bind_str(im->advisory_id_stmt, 2, a->id);
	error = tplc_store__step_id_keep(im->store, im->advisory_id_stmt,
	                                 &im->advisory_id, err,
	                                 "cannot find advisory");
	for (i = 0; error == 0 && i < CLEAR_COUNT; i++) {
		sqlite3_bind_int64(im->clear[i], 1, im->advisory_id);
		error = tplc_store__step_done(im->store, im->clear[i], err,
		                              "cannot replace advisory");
	}
	return error;
}

static int insert_metrics(struct tplc_advisory_import *im,
                          const struct tplc_vuln *v, struct tplc_error *err)
{
	size_t i;
	int error = 0;

	for (i = 0; error == 0 && i < v->metric_count; i++) {
		const struct tplc_metric *m = &v->metrics[i];

		if (m->version == NULL)
			continue;
		sqlite3_bind_int64(im->metric, 1, im->advisory_id);
		bind_str(im->metric, 2, v->id);
		bind_str(im->metric, 3, m->version);
		bind_str(im->metric, 4, m->vector);
		tplc_store__bind_double(im->metric, 5, m->score,
		                        m->score >= 0.0);
		bind_str(im->metric, 6, m->source);
		bind_str(im->metric, 7, m->type);
		error = tplc_store__step_done(im->store, im->metric, err,
		                              "cannot record metric");
	}
	return error;
}

static int insert_vuln(struct tplc_advisory_import *im,
                       const struct tplc_vuln *v, struct tplc_error *err)
{
	int has_score = v->cvss_score >= 0.0;
	size_t i;
	int error;

	bind_str(im->vuln, 1, v->id);
	bind_str(im->vuln, 2, v->title);
	bind_str(im->vuln, 3, v->description);
	bind_str(im->vuln, 4, v->published);
	bind_str(im->vuln, 5, v->modified);
	bind_str(im->vuln, 6, v->cwe);
	tplc_store__bind_double(im->vuln, 7, v->cvss_score, has_score);
	bind_str(im->vuln, 8, v->cvss_vector);
	sqlite3_bind_int(im->vuln, 9, v->kev);
	bind_str(im->vuln, 10, v->kev_date_added);
	bind_str(im->vuln, 11, v->kev_due_date);
	bind_str(im->vuln, 12, v->kev_ransomware);
	bind_str(im->vuln, 13, v->kev_action);
	bind_str(im->vuln, 14, v->kev_vendor);
	bind_str(im->vuln, 15, v->kev_product);
	bind_str(im->vuln, 16, v->withdrawn);
	tplc_store__bind_double(im->vuln, 17, v->epss, v->has_epss);
	tplc_store__bind_double(im->vuln, 18, v->epss_percentile, v->has_epss);
	bind_str(im->vuln, 19, v->epss_date);
	bind_str(im->vuln, 20, v->epss_model);
	error = tplc_store__step_done(im->store, im->vuln, err,
	                              "cannot record vulnerability");
	for (i = 0; error == 0 && i < v->alias_count; i++) {
		bind_str(im->alias, 1, v->aliases[i]);
		bind_str(im->alias, 2, v->id);
		error = tplc_store__step_done(im->store, im->alias, err,
		                              "cannot record alias");
	}
	if (error == 0) {
		sqlite3_bind_int64(im->advisory_vuln, 1, im->advisory_id);
		bind_str(im->advisory_vuln, 2, v->id);
		tplc_store__bind_double(im->advisory_vuln, 3, v->cvss_score,
		                        has_score);
		bind_str(im->advisory_vuln, 4, v->cvss_vector);
		error = tplc_store__step_done(im->store, im->advisory_vuln, err,
		                              "cannot record score");
	}
	if (error == 0)
		error = insert_metrics(im, v, err);
	if (error == 0)
		im->stats->vulns++;
	return error;
}

static int insert_affected(struct tplc_advisory_import *im,
                           const struct tplc_advisory *a,
                           const struct tplc_affected *af,
                           struct tplc_error *err)
{
	const char *key = NULL, *cpe_key = NULL;
	int error;

	if (af->vuln >= a->vuln_count)
		return tplc_error_set(err, TPLC_ERROR,
		                      "affected entry names vulnerability %zu"
		                      " of %zu",
		                      af->vuln, a->vuln_count);
	/* an identity we cannot read is kept as written, unmatched */
	error = cached_key(&im->purls, af->purl, tplc_purl_package_key, &key);
	if (error == 0)
		error = cached_key(&im->cpes, af->cpe, tplc_cpe_key, &cpe_key);
	if (error == TPLC_ENOMEM)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (error != 0)
		im->stats->warnings++;
	sqlite3_bind_int64(im->affected, 1, im->advisory_id);
	bind_str(im->affected, 2, a->vulns[af->vuln].id);
	bind_str(im->affected, 3, key);
	bind_str(im->affected, 4, af->vendor);
	bind_str(im->affected, 5, af->product);
	bind_str(im->affected, 6, af->range);
	bind_str(im->affected, 7, af->range_text);
	bind_str(im->affected, 8, tplc_status_name(af->status));
	bind_str(im->affected, 9, af->fixed_in);
	bind_str(im->affected, 10, af->remediation);
	bind_str(im->affected, 11, af->cpe);
	bind_str(im->affected, 12, cpe_key);
	sqlite3_bind_int64(im->affected, 13, af->config);
	sqlite3_bind_int64(im->affected, 14, af->node);
	sqlite3_bind_int(im->affected, 15, af->platform);
	bind_str(im->affected, 16, af->justification);
	bind_str(im->affected, 17, af->detail);
	error = tplc_store__step_done(im->store, im->affected, err,
	                              "cannot record affected product");
	if (error == 0)
		im->stats->affected++;
	return error;
}

static void finalize_all(struct tplc_advisory_import *im)
{
	size_t i;

	sqlite3_finalize(im->advisory);
	sqlite3_finalize(im->advisory_id_stmt);
	sqlite3_finalize(im->vuln);
	sqlite3_finalize(im->alias);
	sqlite3_finalize(im->advisory_vuln);
	sqlite3_finalize(im->metric);
	sqlite3_finalize(im->affected);
	for (i = 0; i < CLEAR_COUNT; i++)
		sqlite3_finalize(im->clear[i]);
}

int tplc_store_advisory_import_begin(struct tplc_advisory_import **out,
                                     struct tplc_store *store, const char *file,
                                     struct tplc_error *err)
{
	struct tplc_advisory_import *im = tplx_calloc(1, sizeof(*im));
	const struct {
		sqlite3_stmt **stmt;
		const char *sql;
	} prepare[] = {
		{ &im->advisory, advisory_sql },
		{ &im->advisory_id_stmt, advisory_id_sql },
		{ &im->vuln, vuln_sql },
		{ &im->alias, alias_sql },
		{ &im->advisory_vuln, advisory_vuln_sql },
		{ &im->metric, metric_sql },
		{ &im->affected, affected_sql },
		{ &im->clear[0], clear_sql[0] },
		{ &im->clear[1], clear_sql[1] },
		{ &im->clear[2], clear_sql[2] },
	};
	size_t i;
	int error;

	*out = NULL;
	if (im == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	im->store = store;
	im->file = file;
	im->err = err;
	error = tplc_store__exec(store, IMPORT_CACHE_PRAGMA, err);
	if (error == 0)
		error = tplc_store__import_begin(store, err);
	if (error < 0) {
		tplx_free(im);
		return error;
	}
	for (i = 0; error == 0 && i < sizeof(prepare) / sizeof(prepare[0]); i++)
		error = tplc_store__prepare(store, prepare[i].stmt,
		                            prepare[i].sql, err);
	if (error < 0)
		return tplc_store_advisory_import_end(im, error);
	*out = im;
	return 0;
}

_Static_assert(CLEAR_COUNT == 3, "prepare every clear statement");

int tplc_store_advisory_import_add(struct tplc_advisory_import *im,
                                   const struct tplc_advisory *advisory,
                                   struct tplc_import_stats *stats,
                                   struct tplc_error *err)
{
	size_t i;
	int error;

	if (im->error < 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "import already failed");
	im->stats = stats;
	error = upsert_advisory(im, advisory, err);
	for (i = 0; error == 0 && i < advisory->vuln_count; i++)
		error = insert_vuln(im, &advisory->vulns[i], err);
	for (i = 0; error == 0 && i < advisory->affected_count; i++)
		error = insert_affected(im, advisory, &advisory->affected[i],
		                        err);
	if (error < 0) {
		im->error = error;
		return error;
	}
	stats->added++;
	im->count++;
	return 0;
}

/* One audit entry per file, not per advisory: a feed holds 300,000. */
static int audit_feed(struct tplc_advisory_import *im)
{
	char count[24];
	const char *detail[] = { "advisories", count, NULL };

	snprintf(count, sizeof(count), "%zu", im->count);
	return tplc_store__audit(im->store, NULL, "import.advisories",
	                         im->file != NULL ? im->file : "advisories",
	                         detail, im->err);
}

int tplc_store_advisory_import_end(struct tplc_advisory_import *im, int error)
{
	if (im == NULL)
		return error;
	if (error == 0)
		error = im->error;
	if (error == 0 && im->count > 0)
		error = audit_feed(im);
	finalize_all(im);
	key_cache_free(&im->purls);
	key_cache_free(&im->cpes);
	error = tplc_store__import_end(im->store, error);
	tplx_free(im);
	return error;
}

int tplc_store_import_advisory(struct tplc_store *store,
                               const struct tplc_advisory *advisory,
                               const char *file,
                               struct tplc_import_stats *stats,
                               struct tplc_error *err)
{
	struct tplc_advisory_import *im;
	int error;

	memset(stats, 0, sizeof(*stats));
	error = tplc_store_advisory_import_begin(&im, store, file, err);
	if (error == 0)
		error = tplc_store_advisory_import_add(im, advisory, stats,
		                                       err);
	if (im != NULL)
		error = tplc_store_advisory_import_end(im, error);
	return error;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Advisories and the vulnerabilities they name: the rows one advisory
 * becomes.  advisory-import.c feeds a file's worth through one writer.
 */
#include <stdio.h>
#include <string.h>

#include "advisory-writer.h"
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

struct tplc_store__advisory_writer {
	struct tplc_store *store;
	const char *file;
	char imported_at[21]; /* the context's clock when the writer opened */
	sqlite3_stmt *advisory, *advisory_id_stmt, *vuln, *alias;
	sqlite3_stmt *advisory_vuln, *metric;
	sqlite3_stmt *affected, *clear[CLEAR_COUNT];
	long long advisory_id;
	struct tplc_import_stats *stats;
	struct key_cache purls, cpes;
};

/*
 * Every string bound here (the advisory's arena, the file name, the
 * writer's clock) outlives the step and the reset that follows it, so
 * SQLite need not copy it.
 */
static void bind_str(sqlite3_stmt *stmt, int index, const char *value)
{
	if (value == NULL)
		sqlite3_bind_null(stmt, index);
	else
		sqlite3_bind_text(stmt, index, value, -1, SQLITE_STATIC);
}

static int upsert_advisory(struct tplc_store__advisory_writer *w,
                           const struct tplc_advisory *a,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt = w->advisory;
	size_t i;
	int error;

	bind_str(stmt, 1, a->source);
	bind_str(stmt, 2, a->id);
	bind_str(stmt, 3, a->title);
	bind_str(stmt, 4, a->publisher);
	bind_str(stmt, 5, a->published);
	bind_str(stmt, 6, a->modified);
	bind_str(stmt, 7, a->url);
	bind_str(stmt, 8, w->file);
	bind_str(stmt, 9, w->imported_at);
	/* an insert sets the last rowid, the upsert's update does not: a new
	 * advisory has nothing to clear */
	sqlite3_set_last_insert_rowid(w->store->db, 0);
	error = tplc_store__step_done(w->store, stmt, err,
	                              "cannot record advisory");
	w->advisory_id = sqlite3_last_insert_rowid(w->store->db);
	if (error != 0 || w->advisory_id != 0)
		return error;
	bind_str(w->advisory_id_stmt, 1, a->source);
	bind_str(w->advisory_id_stmt, 2, a->id);
	error = tplc_store__step_id_keep(w->store, w->advisory_id_stmt,
	                                 &w->advisory_id, err,
	                                 "cannot find advisory");
	for (i = 0; error == 0 && i < CLEAR_COUNT; i++) {
		sqlite3_bind_int64(w->clear[i], 1, w->advisory_id);
		error = tplc_store__step_done(w->store, w->clear[i], err,
		                              "cannot replace advisory");
	}
	return error;
}

static int insert_metrics(struct tplc_store__advisory_writer *w,
                          const struct tplc_vuln *v, struct tplc_error *err)
{
	size_t i;
	int error = 0;

	for (i = 0; error == 0 && i < v->metric_count; i++) {
		const struct tplc_metric *m = &v->metrics[i];

		if (m->version == NULL)
			continue;
		sqlite3_bind_int64(w->metric, 1, w->advisory_id);
		bind_str(w->metric, 2, v->id);
		bind_str(w->metric, 3, m->version);
		bind_str(w->metric, 4, m->vector);
		tplc_store__bind_double(w->metric, 5, m->score,
		                        m->score >= 0.0);
		bind_str(w->metric, 6, m->source);
		bind_str(w->metric, 7, m->type);
		error = tplc_store__step_done(w->store, w->metric, err,
		                              "cannot record metric");
	}
	return error;
}

static int insert_vuln(struct tplc_store__advisory_writer *w,
                       const struct tplc_vuln *v, struct tplc_error *err)
{
	int has_score = v->cvss_score >= 0.0;
	size_t i;
	int error;

	bind_str(w->vuln, 1, v->id);
	bind_str(w->vuln, 2, v->title);
	bind_str(w->vuln, 3, v->description);
	bind_str(w->vuln, 4, v->published);
	bind_str(w->vuln, 5, v->modified);
	bind_str(w->vuln, 6, v->cwe);
	tplc_store__bind_double(w->vuln, 7, v->cvss_score, has_score);
	bind_str(w->vuln, 8, v->cvss_vector);
	sqlite3_bind_int(w->vuln, 9, v->kev);
	bind_str(w->vuln, 10, v->kev_date_added);
	bind_str(w->vuln, 11, v->kev_due_date);
	bind_str(w->vuln, 12, v->kev_ransomware);
	bind_str(w->vuln, 13, v->kev_action);
	bind_str(w->vuln, 14, v->kev_vendor);
	bind_str(w->vuln, 15, v->kev_product);
	bind_str(w->vuln, 16, v->withdrawn);
	tplc_store__bind_double(w->vuln, 17, v->epss, v->has_epss);
	tplc_store__bind_double(w->vuln, 18, v->epss_percentile, v->has_epss);
	bind_str(w->vuln, 19, v->epss_date);
	bind_str(w->vuln, 20, v->epss_model);
	error = tplc_store__step_done(w->store, w->vuln, err,
	                              "cannot record vulnerability");
	for (i = 0; error == 0 && i < v->alias_count; i++) {
		bind_str(w->alias, 1, v->aliases[i]);
		bind_str(w->alias, 2, v->id);
		error = tplc_store__step_done(w->store, w->alias, err,
		                              "cannot record alias");
	}
	if (error == 0) {
		sqlite3_bind_int64(w->advisory_vuln, 1, w->advisory_id);
		bind_str(w->advisory_vuln, 2, v->id);
		tplc_store__bind_double(w->advisory_vuln, 3, v->cvss_score,
		                        has_score);
		bind_str(w->advisory_vuln, 4, v->cvss_vector);
		error = tplc_store__step_done(w->store, w->advisory_vuln, err,
		                              "cannot record score");
	}
	if (error == 0)
		error = insert_metrics(w, v, err);
	if (error == 0)
		w->stats->vulns++;
	return error;
}

static int insert_affected(struct tplc_store__advisory_writer *w,
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
	error = cached_key(&w->purls, af->purl, tplc_purl_package_key, &key);
	if (error == 0)
		error = cached_key(&w->cpes, af->cpe, tplc_cpe_key, &cpe_key);
	if (error == TPLC_ENOMEM)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (error != 0)
		w->stats->warnings++;
	sqlite3_bind_int64(w->affected, 1, w->advisory_id);
	bind_str(w->affected, 2, a->vulns[af->vuln].id);
	bind_str(w->affected, 3, key);
	bind_str(w->affected, 4, af->vendor);
	bind_str(w->affected, 5, af->product);
	bind_str(w->affected, 6, af->range);
	bind_str(w->affected, 7, af->range_text);
	bind_str(w->affected, 8, tplc_status_name(af->status));
	bind_str(w->affected, 9, af->fixed_in);
	bind_str(w->affected, 10, af->remediation);
	bind_str(w->affected, 11, af->cpe);
	bind_str(w->affected, 12, cpe_key);
	sqlite3_bind_int64(w->affected, 13, af->config);
	sqlite3_bind_int64(w->affected, 14, af->node);
	sqlite3_bind_int(w->affected, 15, af->platform);
	bind_str(w->affected, 16, af->justification);
	bind_str(w->affected, 17, af->detail);
	error = tplc_store__step_done(w->store, w->affected, err,
	                              "cannot record affected product");
	if (error == 0)
		w->stats->affected++;
	return error;
}

void tplc_store__advisory_writer_close(struct tplc_store__advisory_writer *w)
{
	size_t i;

	if (w == NULL)
		return;
	sqlite3_finalize(w->advisory);
	sqlite3_finalize(w->advisory_id_stmt);
	sqlite3_finalize(w->vuln);
	sqlite3_finalize(w->alias);
	sqlite3_finalize(w->advisory_vuln);
	sqlite3_finalize(w->metric);
	sqlite3_finalize(w->affected);
	for (i = 0; i < CLEAR_COUNT; i++)
		sqlite3_finalize(w->clear[i]);
	key_cache_free(&w->purls);
	key_cache_free(&w->cpes);
	tplx_free(w);
}

int tplc_store__advisory_writer_open(struct tplc_store__advisory_writer **out,
                                     struct tplc_store *store, const char *file,
                                     struct tplc_import_stats *stats,
                                     struct tplc_error *err)
{
	struct tplc_store__advisory_writer *w = tplx_calloc(1, sizeof(*w));
	const struct {
		sqlite3_stmt **stmt;
		const char *sql;
	} prepare[] = {
		{ &w->advisory, advisory_sql },
		{ &w->advisory_id_stmt, advisory_id_sql },
		{ &w->vuln, vuln_sql },
		{ &w->alias, alias_sql },
		{ &w->advisory_vuln, advisory_vuln_sql },
		{ &w->metric, metric_sql },
		{ &w->affected, affected_sql },
		{ &w->clear[0], clear_sql[0] },
		{ &w->clear[1], clear_sql[1] },
		{ &w->clear[2], clear_sql[2] },
	};
	size_t i;
	int error = 0;

	*out = NULL;
	if (w == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	w->store = store;
	w->file = file;
	w->stats = stats;
	/* one clock for the file, read here: a store thread must not touch
	 * the context */
	snprintf(w->imported_at, sizeof(w->imported_at), "%s",
	         tplc_ctx_now(store->ctx));
	for (i = 0; error == 0 && i < sizeof(prepare) / sizeof(prepare[0]); i++)
		error = tplc_store__prepare(store, prepare[i].stmt,
		                            prepare[i].sql, err);
	if (error < 0) {
		tplc_store__advisory_writer_close(w);
		return error;
	}
	*out = w;
	return 0;
}

_Static_assert(CLEAR_COUNT == 3, "prepare every clear statement");

int tplc_store__advisory_writer_add(struct tplc_store__advisory_writer *w,
                                    const struct tplc_advisory *advisory,
                                    struct tplc_error *err)
{
	size_t i;
	int error;

	error = upsert_advisory(w, advisory, err);
	for (i = 0; error == 0 && i < advisory->vuln_count; i++)
		error = insert_vuln(w, &advisory->vulns[i], err);
	for (i = 0; error == 0 && i < advisory->affected_count; i++)
		error = insert_affected(w, advisory, &advisory->affected[i],
		                        err);
	if (error == 0)
		w->stats->added++;
	return error;
}

/* One audit entry per file, not per advisory: a feed holds 300,000. */
int tplc_store__advisory_audit(struct tplc_store *store, const char *file,
                               size_t count, struct tplc_error *err)
{
	char text[24];
	const char *detail[] = { "advisories", text, NULL };

	snprintf(text, sizeof(text), "%zu", count);
	return tplc_store__audit(store, NULL, "import.advisories",
	                         file != NULL ? file : "advisories", detail,
	                         err);
}

int tplc_store_import_advisory(struct tplc_store *store,
                               const struct tplc_advisory *advisory,
                               const char *file,
                               struct tplc_import_stats *stats,
                               struct tplc_error *err)
{
	struct tplc_store__advisory_writer *w = NULL;
	int error;

	memset(stats, 0, sizeof(*stats));
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = tplc_store__advisory_writer_open(&w, store, file, stats, err);
	if (error == 0)
		error = tplc_store__advisory_writer_add(w, advisory, err);
	if (error == 0)
		error = tplc_store__advisory_audit(store, file, 1, err);
	tplc_store__advisory_writer_close(w);
	return tplc_store__import_end(store, error);
}

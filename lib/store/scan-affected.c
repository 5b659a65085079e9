/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The whole-store read of affected rows, joined in C.  The scoped reads
 * (scan.c) join in SQL, a few rows at a time; for all of them, three
 * index searches per row (advisory, vulnerability, score) cost more than
 * reading the three small tables once and the affected rows in rowid
 * order.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scan.h"
#include "util/alloc.h"
#include "util/arena.h"

struct advisory {
	long long id;
	const char *source, *ref, *modified, *published, *imported;
};

struct score {
	long long advisory_id;
	const char *vuln_id;
	double value; /* -1 if none */
};

struct joined {
	struct tplc_store *store;
	struct tplx_arena *arena;
	struct tplx_vec advisories; /* struct advisory, by id */
	struct tplx_vec scores; /* struct score, by advisory, vulnerability */
	struct tplx_vec withdrawn; /* const char *, sorted */
	struct tplc_error *err;
};

static int nomem(struct joined *j)
{
	return tplc_error_set(j->err, TPLC_ENOMEM, "out of memory");
}

/* A copy of column i, or NULL for SQL NULL. */
static int copy_text(struct joined *j, sqlite3_stmt *stmt, int i,
                     const char **out)
{
	const char *s = tplc_store__column_text(stmt, i);

	*out = NULL;
	if (s == NULL)
		return 0;
	*out = tplx_arena_strndup(j->arena, s,
	                          (size_t)sqlite3_column_bytes(stmt, i));
	return *out == NULL ? nomem(j) : 0;
}

static int read_advisories(struct joined *j)
{
	sqlite3_stmt *stmt = NULL;
	struct advisory *a;
	int error, rc;

	error = tplc_store__prepare(j->store, &stmt,
	                            "SELECT id, source, ref, modified,"
	                            " published, imported_at FROM advisories"
	                            " ORDER BY id",
	                            j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		a = tplx_vec_push(&j->advisories, sizeof(*a));
		if (a == NULL) {
			error = nomem(j);
			break;
		}
		a->id = sqlite3_column_int64(stmt, 0);
		error = copy_text(j, stmt, 1, &a->source);
		if (error == 0)
			error = copy_text(j, stmt, 2, &a->ref);
		if (error == 0)
			error = copy_text(j, stmt, 3, &a->modified);
		if (error == 0)
			error = copy_text(j, stmt, 4, &a->published);
		if (error == 0)
			error = copy_text(j, stmt, 5, &a->imported);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(j->store, j->err,
		                         "cannot read advisories");
	sqlite3_finalize(stmt);
	return error;
}

static int by_advisory_vuln(const void *a, const void *b)
{
	const struct score *x = a, *y = b;

	if (x->advisory_id != y->advisory_id)
		return x->advisory_id < y->advisory_id ? -1 : 1;
	return strcmp(x->vuln_id, y->vuln_id);
}

static int read_scores(struct joined *j)
{
	sqlite3_stmt *stmt = NULL;
	struct score *s;
	int error, rc;

	/* rowid order, sorted here: the key order would search the table
	 * once per row for the score */
	error = tplc_store__prepare(j->store, &stmt,
	                            "SELECT advisory_id, vuln_id, cvss_score"
	                            " FROM advisory_vulns",
	                            j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = tplx_vec_push(&j->scores, sizeof(*s));
		if (s == NULL) {
			error = nomem(j);
			break;
		}
		s->advisory_id = sqlite3_column_int64(stmt, 0);
		error = copy_text(j, stmt, 1, &s->vuln_id);
		s->value = tplc_store__column_score(stmt, 2);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(j->store, j->err,
		                         "cannot read advisory scores");
	sqlite3_finalize(stmt);
	if (error == 0 && j->scores.count > 1)
		qsort(j->scores.items, j->scores.count, sizeof(struct score),
		      by_advisory_vuln);
	return error;
}

static int read_withdrawn(struct joined *j)
{
	sqlite3_stmt *stmt = NULL;
	const char **v;
	int error, rc;

	error = tplc_store__prepare(j->store, &stmt,
	                            "SELECT id FROM vulnerabilities"
	                            " WHERE withdrawn IS NOT NULL ORDER BY id",
	                            j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = tplx_vec_push(&j->withdrawn, sizeof(*v));
		if (v == NULL) {
			error = nomem(j);
			break;
		}
		error = copy_text(j, stmt, 0, v);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(j->store, j->err,
		                         "cannot read vulnerabilities");
	sqlite3_finalize(stmt);
	return error;
}

static const struct advisory *advisory_of(const struct joined *j, long long id)
{
	const struct advisory *all = j->advisories.items;
	size_t lo = 0, hi = j->advisories.count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (all[mid].id == id)
			return &all[mid];
		if (all[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The scores of one advisory: where they start in j->scores, and end. */
static void scores_of(const struct joined *j, long long advisory_id, size_t *lo,
                      size_t *hi)
{
	const struct score *all = j->scores.items;
	size_t a = 0, b = j->scores.count;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (all[mid].advisory_id < advisory_id)
			a = mid + 1;
		else
			b = mid;
	}
	for (*lo = b = a;
	     b < j->scores.count && all[b].advisory_id == advisory_id; b++)
		;
	*hi = b;
}

static double score_of(const struct joined *j, size_t lo, size_t hi,
                       const char *vuln_id)
{
	const struct score *all = j->scores.items;

	for (; lo < hi; lo++)
		if (strcmp(all[lo].vuln_id, vuln_id) == 0)
			return all[lo].value;
	return -1.0;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_withdrawn(const struct joined *j, const char *vuln_id)
{
	return j->withdrawn.count > 0 &&
	       bsearch(&vuln_id, j->withdrawn.items, j->withdrawn.count,
	               sizeof(const char *), by_text) != NULL;
}

/*
 * tplc_read(config, package_key, cpe_key, status): whether the filter
 * reads the row.  In the WHERE clause, so a row left out costs SQLite
 * four columns, not eighteen.
 */
static void sql_read(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct tplc_store__affected_filter *f = sqlite3_user_data(ctx);
	const char *key = (const char *)sqlite3_value_text(argv[1]);
	const char *status = (const char *)sqlite3_value_text(argv[3]);

	(void)argc;
	if (key == NULL)
		key = (const char *)sqlite3_value_text(argv[2]);
	if (sqlite3_value_int64(argv[0]) > 0 || key == NULL ||
	    f->wanted(key, f->data)) {
		sqlite3_result_int(ctx, 1);
		return;
	}
	f->skipped += status != NULL && strcmp(status, "affected") == 0;
	sqlite3_result_int(ctx, 0);
}

#define EACH_ROW_SQL                                                 \
	"SELECT id, advisory_id, vuln_id, package_key, vendor,"      \
	" product, cpe, cpe_key, config, node, platform, range,"     \
	" range_text, status, fixed_in, remediation, justification," \
	" detail FROM affected"

static int
each_row(struct joined *j, struct tplc_store__affected_filter *filter,
         int (*cb)(const struct tplc_store__affected *row, void *data),
         void *data)
{
	struct tplc_store__affected row;
	const struct advisory *a = NULL;
	sqlite3_stmt *stmt = NULL;
	size_t lo = 0, hi = 0; /* a's scores */
	int error, rc = SQLITE_DONE;

	/* for this statement only, and never in a trigger or a view */
	if (filter != NULL &&
	    sqlite3_create_function_v2(j->store->db, "tplc_read", 4,
	                               SQLITE_UTF8 | SQLITE_DIRECTONLY, filter,
	                               sql_read, NULL, NULL, NULL) != SQLITE_OK)
		return tplc_store__fail(j->store, j->err,
		                        "cannot read advisories");
	error = tplc_store__prepare(
	        j->store, &stmt,
	        filter != NULL ? EACH_ROW_SQL " WHERE tplc_read(config,"
	                                      " package_key, cpe_key, status)"
	                                      " ORDER BY id"
	                       : EACH_ROW_SQL " ORDER BY id",
	        j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.advisory_id = sqlite3_column_int64(stmt, 1);
		/* an advisory's rows come together: one search for them */
		if (a == NULL || a->id != row.advisory_id) {
			a = advisory_of(j, row.advisory_id);
			scores_of(j, row.advisory_id, &lo, &hi);
		}
		if (a == NULL)
			continue; /* as the inner join: none without one */
		row.advisory_source = a->source;
		row.advisory_ref = a->ref;
		row.advisory_modified = a->modified;
		row.advisory_published = a->published;
		row.advisory_imported = a->imported;
		row.vuln_id = tplc_store__column_text(stmt, 2);
		row.withdrawn = is_withdrawn(j, row.vuln_id);
		tplc_store__affected_columns(stmt, 3, &row);
		row.cvss_score = score_of(j, lo, hi, row.vuln_id);
		error = cb(&row, data);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(j->store, j->err,
		                         "cannot read advisories");
	sqlite3_finalize(stmt);
	if (filter != NULL)
		sqlite3_create_function_v2(j->store->db, "tplc_read", 4,
		                           SQLITE_UTF8, NULL, NULL, NULL, NULL,
		                           NULL);
	return error;
}

int tplc_store__each_affected(struct tplc_store *store,
                              struct tplc_store__affected_filter *filter,
                              int (*cb)(const struct tplc_store__affected *row,
                                        void *data),
                              void *data, struct tplc_error *err)
{
	struct joined j;
	int error;

	memset(&j, 0, sizeof(j));
	j.store = store;
	j.err = err;
	j.arena = tplx_arena_new();
	if (j.arena == NULL)
		return nomem(&j);
	error = read_advisories(&j);
	if (error == 0)
		error = read_scores(&j);
	if (error == 0)
		error = read_withdrawn(&j);
	if (error == 0)
		error = each_row(&j, filter, cb, data);
	tplx_free(j.advisories.items);
	tplx_free(j.scores.items);
	tplx_free(j.withdrawn.items);
	tplx_arena_free(j.arena);
	return error;
}

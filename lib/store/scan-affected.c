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
	struct advisory *advisories; /* by id */
	size_t advisory_count;
	struct score *scores; /* by advisory, then vulnerability */
	size_t score_count;
	const char **withdrawn; /* sorted */
	size_t withdrawn_count;
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

/* Room for one more in *items (count used of *cap). */
static void *grow(void **items, size_t count, size_t *cap, size_t size)
{
	void *more;

	if (count < *cap)
		return (char *)*items + count * size;
	more = tplx_reallocarray(*items, *cap ? 2 * *cap : 1024, size);
	if (more == NULL)
		return NULL;
	*items = more;
	*cap = *cap ? 2 * *cap : 1024;
	return (char *)more + count * size;
}

static int read_advisories(struct joined *j)
{
	sqlite3_stmt *stmt = NULL;
	struct advisory *a;
	size_t cap = 0;
	int error, rc;

	error = tplc_store__prepare(j->store, &stmt,
	                            "SELECT id, source, ref, modified,"
	                            " published, imported_at FROM advisories"
	                            " ORDER BY id",
	                            j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		a = grow((void **)&j->advisories, j->advisory_count, &cap,
		         sizeof(*a));
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
		j->advisory_count++;
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
	size_t cap = 0;
	int error, rc;

	/* rowid order, sorted here: the key order would search the table
	 * once per row for the score */
	error = tplc_store__prepare(j->store, &stmt,
	                            "SELECT advisory_id, vuln_id, cvss_score"
	                            " FROM advisory_vulns",
	                            j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = grow((void **)&j->scores, j->score_count, &cap, sizeof(*s));
		if (s == NULL) {
			error = nomem(j);
			break;
		}
		s->advisory_id = sqlite3_column_int64(stmt, 0);
		error = copy_text(j, stmt, 1, &s->vuln_id);
		s->value = sqlite3_column_type(stmt, 2) == SQLITE_NULL
		                   ? -1.0
		                   : sqlite3_column_double(stmt, 2);
		j->score_count++;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(j->store, j->err,
		                         "cannot read advisory scores");
	sqlite3_finalize(stmt);
	if (error == 0 && j->score_count > 1)
		qsort(j->scores, j->score_count, sizeof(*j->scores),
		      by_advisory_vuln);
	return error;
}

static int read_withdrawn(struct joined *j)
{
	sqlite3_stmt *stmt = NULL;
	const char **v;
	size_t cap = 0;
	int error, rc;

	error = tplc_store__prepare(j->store, &stmt,
	                            "SELECT id FROM vulnerabilities"
	                            " WHERE withdrawn IS NOT NULL ORDER BY id",
	                            j->err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = grow((void **)&j->withdrawn, j->withdrawn_count, &cap,
		         sizeof(*v));
		if (v == NULL) {
			error = nomem(j);
			break;
		}
		error = copy_text(j, stmt, 0, v);
		j->withdrawn_count++;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(j->store, j->err,
		                         "cannot read vulnerabilities");
	sqlite3_finalize(stmt);
	return error;
}

static const struct advisory *advisory_of(const struct joined *j, long long id)
{
	size_t lo = 0, hi = j->advisory_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (j->advisories[mid].id == id)
			return &j->advisories[mid];
		if (j->advisories[mid].id < id)
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
	size_t a = 0, b = j->score_count;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (j->scores[mid].advisory_id < advisory_id)
			a = mid + 1;
		else
			b = mid;
	}
	for (*lo = b = a;
	     b < j->score_count && j->scores[b].advisory_id == advisory_id; b++)
		;
	*hi = b;
}

static double score_of(const struct joined *j, size_t lo, size_t hi,
                       const char *vuln_id)
{
	for (; lo < hi; lo++)
		if (strcmp(j->scores[lo].vuln_id, vuln_id) == 0)
			return j->scores[lo].value;
	return -1.0;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_withdrawn(const struct joined *j, const char *vuln_id)
{
	return j->withdrawn_count > 0 &&
	       bsearch(&vuln_id, j->withdrawn, j->withdrawn_count,
	               sizeof(*j->withdrawn), by_text) != NULL;
}

static int each_row(struct joined *j,
                    int (*cb)(const struct tplc_store__affected *row,
                              void *data),
                    void *data)
{
	struct tplc_store__affected row;
	const struct advisory *a = NULL;
	sqlite3_stmt *stmt = NULL;
	size_t lo = 0, hi = 0; /* a's scores */
	int error, rc = SQLITE_DONE;

	error = tplc_store__prepare(
	        j->store, &stmt,
	        "SELECT id, advisory_id, vuln_id, package_key, vendor,"
	        " product, cpe, cpe_key, config, node, platform, range,"
	        " range_text, status, fixed_in, remediation, justification,"
	        " detail FROM affected ORDER BY id",
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
	return error;
}

int tplc_store__each_affected(struct tplc_store *store,
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
		error = each_row(&j, cb, data);
	tplx_free(j.advisories);
	tplx_free(j.scores);
	tplx_free(j.withdrawn);
	tplx_arena_free(j.arena);
	return error;
}

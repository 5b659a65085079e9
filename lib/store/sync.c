/* SPDX-License-Identifier: Apache-2.0 */
/* The store's half of a scan, reconciling: the scan's matches against the
 * findings the store has, in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scan.h"
#include "tplc/accept.h"
#include "tplc/triage.h"
#include "util/alloc.h"
#include "util/arena.h"

/* What the merge compares, in read_stored's order. */
#define STORED_COLUMNS                                                   \
	"id, product_version_id, component_id, vuln_id, advisory_id,"    \
	" match, reason, cvss_score, fixed_in, remediation, vex_status," \
	" vex_justification, vex_detail, vex_advisory_id"

/*
 * Reconcile by a merge in key order (product version, component,
 * vulnerability, advisory): the findings the store has, read through the
 * UNIQUE index, against this scan's matches, sorted the same way.  Only
 * what changed is written; rows that stay keep their id and first_seen.
 * When a finding was last seen is the scan's, not the row's: scans and
 * advisory_scans hold it (findings.c reads it back).
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

/*
 * Sort the matches into key order: bucketed by product version (ids are
 * dense row ids), then each bucket, a few hundred matches, by the rest of
 * the key.  Falls back to one sort when the ids are too sparse.
 */
static int sort_matches(const struct tplc_store__match **sorted,
                        const struct tplc_store__match *matches, size_t count)
{
	long long lo = 0, hi = 0;
	size_t i, span, *start;

	for (i = 0; i < count; i++) {
		if (i == 0 || matches[i].product_version_id < lo)
			lo = matches[i].product_version_id;
		if (i == 0 || matches[i].product_version_id > hi)
			hi = matches[i].product_version_id;
	}
	span = count > 0 ? (size_t)(hi - lo) + 1 : 0;
	if (count < 2 || span > 4 * count + 1024) {
		for (i = 0; i < count; i++)
			sorted[i] = &matches[i];
		if (count > 1)
			qsort(sorted, count, sizeof(*sorted), by_key);
		return 0;
	}
	start = tplx_calloc(span + 1, sizeof(*start));
	if (start == NULL)
		return TPLC_ENOMEM;
	for (i = 0; i < count; i++)
		start[matches[i].product_version_id - lo + 1]++;
	for (i = 0; i < span; i++)
		start[i + 1] += start[i];
	/* in match order within a bucket: ties keep the first made */
	for (i = 0; i < count; i++)
		sorted[start[matches[i].product_version_id - lo]++] =
		        &matches[i];
	for (i = 0; i < span; i++) {
		size_t b = i == 0 ? 0 : start[i - 1], e = start[i];

		if (e - b > 1)
			qsort(sorted + b, e - b, sizeof(*sorted), by_key);
	}
	tplx_free(start);
	return 0;
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
	m->cvss_score = tplc_store__column_score(stmt, 7);
	m->fixed_in = tplc_store__column_text(stmt, 8);
	m->remediation = tplc_store__column_text(stmt, 9);
	m->vex_status = tplc_store__column_text(stmt, 10);
	m->vex_justification = tplc_store__column_text(stmt, 11);
	m->vex_detail = tplc_store__column_text(stmt, 12);
	m->vex_advisory_id = sqlite3_column_int64(stmt, 13);
}

/*
 * The findings as stored, read ahead on a reader connection while the
 * scan still matches (a core is idle then), in key order.  Used only if
 * no other connection wrote since it was read: data_version says.
 */
struct tplc_store__stored {
	struct tplx_vec rows; /* struct tplc_store__match, rowid order */
	struct tplx_vec ids;  /* long long: each row's id */
	const struct tplc_store__match **sorted;
	size_t count;
	struct tplx_arena *arena;
	long long data_version; /* the store's, before the read */
};

static int stored_nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

/* Copy the strings of m into arena: the statement's go with its step. */
static int keep_strings(struct tplx_arena *arena, struct tplc_store__match *m)
{
	const char **fields[] = {
		&m->vuln_id,           &m->match,       &m->reason,
		&m->fixed_in,          &m->remediation, &m->vex_status,
		&m->vex_justification, &m->vex_detail
	};
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		if (*fields[i] != NULL &&
		    (*fields[i] = tplx_arena_strdup(arena, *fields[i])) == NULL)
			return TPLC_ENOMEM;
	return 0;
}

int tplc_store__data_version(struct tplc_store *store, long long *out,
                             struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error =
	        tplc_store__prepare(store, &stmt, "PRAGMA data_version", err);

	if (error < 0)
		return error;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		error = tplc_store__fail(store, err, "cannot read the version");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__reader_stored(struct tplc_store__reader *r,
                              long long data_version,
                              struct tplc_store__stored **out,
                              struct tplc_error *err)
{
	struct tplc_store__stored *st = tplx_calloc(1, sizeof(*st));
	sqlite3_stmt *stmt = NULL;
	int error = 0, rc = SQLITE_DONE;

	*out = NULL;
	if (st == NULL || (st->arena = tplx_arena_new()) == NULL) {
		tplx_free(st);
		return stored_nomem(err);
	}
	st->data_version = data_version;
	/* rowid order: the key order would search the table per row */
	if (sqlite3_prepare_v2(r->db, "SELECT " STORED_COLUMNS " FROM findings",
	                       -1, &stmt, NULL) != SQLITE_OK)
		error = tplc_error_set(err, TPLC_ESTORE,
		                       "cannot read findings: %s",
		                       sqlite3_errmsg(r->db));
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct tplc_store__match *m =
		        tplx_vec_push(&st->rows, sizeof(*m));
		long long *id =
		        m != NULL ? tplx_vec_push(&st->ids, sizeof(*id)) : NULL;

		if (id == NULL) {
			error = stored_nomem(err);
			break;
		}
		read_stored(stmt, m, id);
		if (keep_strings(st->arena, m) < 0)
			error = stored_nomem(err);
	}
	st->count = st->ids.count;
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_error_set(err, TPLC_ESTORE,
		                       "cannot read findings: %s",
		                       sqlite3_errmsg(r->db));
	sqlite3_finalize(stmt);
	if (error == 0) {
		st->sorted = tplx_reallocarray(NULL, st->count ? st->count : 1,
		                               sizeof(*st->sorted));
		if (st->sorted == NULL ||
		    sort_matches(st->sorted, st->rows.items, st->count) < 0)
			error = stored_nomem(err);
	}
	if (error < 0) {
		tplc_store__stored_free(st);
		return error;
	}
	*out = st;
	return 0;
}

void tplc_store__stored_free(struct tplc_store__stored *st)
{
	if (st == NULL)
		return;
	tplx_free(st->rows.items);
	tplx_free(st->ids.items);
	tplx_free(st->sorted);
	tplx_arena_free(st->arena);
	tplx_free(st);
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
	const struct tplc_store__stored *stored; /* else read */
	size_t at, next;                         /* in stored */
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
		        " vex_detail, vex_advisory_id, first_seen)"
		        " VALUES (?11, ?12, ?13, ?14, ?2, ?3, ?4, ?5, ?6, ?7,"
		        " ?8, ?9, ?10, ?1)",
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

/* Step to the next stored finding: SQLITE_ROW, SQLITE_DONE or an error
 * code of the read. */
static int next_stored(struct merge *g)
{
	if (g->stored == NULL)
		return sqlite3_step(g->read);
	if (g->next == g->stored->count)
		return SQLITE_DONE;
	g->at = g->next++;
	return SQLITE_ROW;
}

static void current_stored(struct merge *g, struct tplc_store__match *old,
                           long long *id)
{
	const struct tplc_store__match *m;

	if (g->stored == NULL) {
		read_stored(g->read, old, id);
		return;
	}
	m = g->stored->sorted[g->at];
	*old = *m;
	*id = ((const long long *)g->stored->ids.items)
	        [m - (const struct tplc_store__match *)g->stored->rows.items];
}

static int merge(struct merge *g, const struct tplc_store__match **sorted,
                 size_t count)
{
	struct tplc_store__match old;
	size_t i = 0;
	long long id = 0;
	int rc, error = 0, c;

	rc = next_stored(g);
	while (error == 0 && (rc == SQLITE_ROW || i < count)) {
		if (i > 0 && i < count &&
		    compare_key(sorted[i], sorted[i - 1]) == 0) {
			i++; /* the same finding again, by another rule */
			continue;
		}
		if (rc == SQLITE_ROW)
			current_stored(g, &old, &id);
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
			rc = next_stored(g);
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

/* A scan that changed the findings says so in the audit trail; one that
 * found the same as the last does not (it would drown the decisions). */
static int audit_scan(struct tplc_store *store, long long advisory_id,
                      const struct tplc_store__sync_stats *stats,
                      struct tplc_error *err)
{
	char added[24], removed[24], total[24], subject[48];
	const char *detail[] = { "added", added, "removed", removed,
		                 "total", total, NULL };

	snprintf(added, sizeof(added), "%zu", stats->added);
	snprintf(removed, sizeof(removed), "%zu", stats->removed);
	snprintf(total, sizeof(total), "%zu", stats->total);
	if (advisory_id != 0)
		snprintf(subject, sizeof(subject), "advisory %lld",
		         advisory_id);
	else
		snprintf(subject, sizeof(subject), "fleet");
	return tplc_store__audit(store, NULL, "scan", subject, detail, err);
}

static int sync(struct tplc_store *store, long long advisory_id,
                const struct tplc_store__match *matches, size_t count,
                const struct tplc_store__stored *stored,
                struct tplc_store__sync_stats *stats, struct tplc_error *err)
{
	struct merge g;
	const struct tplc_store__match **sorted;
	long long version = 0;
	int error;

	memset(&g, 0, sizeof(g));
	g.store = store;
	g.stats = stats;
	g.err = err;

	memset(stats, 0, sizeof(*stats));
	g.now = tplc_ctx_now(store->ctx);
	sorted = tplx_reallocarray(NULL, count ? count : 1, sizeof(*sorted));
	if (sorted == NULL || sort_matches(sorted, matches, count) < 0) {
		tplx_free(sorted);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		goto out;
	error = merge_prepare(&g, advisory_id);
	/* what was read ahead, if nobody wrote since */
	if (error == 0 && stored != NULL && advisory_id == 0)
		error = tplc_store__data_version(store, &version, err);
	if (error == 0 && stored != NULL && advisory_id == 0 &&
	    version == stored->data_version)
		g.stored = stored;
	if (error == 0)
		error = merge(&g, sorted, count);
	sqlite3_finalize(g.read);
	sqlite3_finalize(g.insert);
	sqlite3_finalize(g.update);
	sqlite3_finalize(g.delete);
	g.read = NULL;
	/* every finding kept was seen now: said once for the advisory, not
	 * written into each row (a full scan says it in scans) */
	if (error == 0 && advisory_id != 0)
		error = tplc_store__prepare(
		        store, &g.read,
		        "INSERT INTO advisory_scans(advisory_id, at)"
		        " SELECT id, ?1 FROM advisories WHERE id = ?2"
		        " ON CONFLICT(advisory_id) DO UPDATE SET at = "
		        "excluded.at",
		        err);
	if (error == 0 && advisory_id != 0) {
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
	if (error == 0 && (stats->added > 0 || stats->removed > 0))
		error = audit_scan(store, advisory_id, stats, err);
	/* acceptances that ran out reopen their findings; then decisions
	 * bound to a version or VEX statement that changed */
	if (error == 0)
		error = tplc_store_acceptances_expire(store, err);
	if (error == 0)
		error = tplc_store_triage_reconcile(store, err);
	error = tplc_store__import_end(store, error);
out:
	tplx_free(sorted);
	return error;
}

int tplc_store__sync_findings(struct tplc_store *store,
                              const struct tplc_store__match *matches,
                              size_t count,
                              const struct tplc_store__stored *stored,
                              struct tplc_store__sync_stats *stats,
                              struct tplc_error *err)
{
	return sync(store, 0, matches, count, stored, stats, err);
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
	return sync(store, advisory_id, matches, count, NULL, stats, err);
}

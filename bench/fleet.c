/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The match index on a synthetic fleet (bench/gen-fleet.py), for
 * `make bench`:
 *
 *   bench-fleet DB
 *
 * Prints, one "name seconds [note]" line each: the first full scan (it
 * inserts every finding), a full rescan on 1 and on 2 threads (the daily
 * case: findings exist, few change), the incremental scan of one typical
 * and of the busiest advisory, and the naive baseline: one SQL query
 * joining components to affected rows on package_key, ranges checked by
 * a registered SQLite function over the same range engine.  The baseline
 * does only the package part of a scan, so that part is also timed on
 * its own: a copy of the store without the CPE and product rows,
 * rescanned.  Last, how many times faster each is than the baseline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "tplc/ctx.h"
#include "tplc/match.h"
#include "tplc/store.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fail(const char *what, const struct tplc_error *err)
{
	fprintf(stderr, "bench-fleet: %s: %s\n", what, err->message);
	exit(1);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of runs scans (one run: its time), and their spread: this
 * VM's timings move by 10% from one run to the next. */
static double scan(struct tplc_store *store, const char *name,
                   const char *threads, int runs)
{
	struct tplc_scan_stats stats;
	struct tplc_error err;
	double t[9], t0;
	int i;

	setenv("TPLC_THREADS", threads, 1);
	for (i = 0; i < runs && i < 9; i++) {
		t0 = now();
		if (tplc_scan(store, &stats, &err) < 0)
			fail("scan", &err);
		t[i] = now() - t0;
	}
	qsort(t, (size_t)i, sizeof(*t), by_value);
	printf("%s %.3f threads=%s findings=%zu added=%zu components=%zu"
	       " statements=%zu",
	       name, t[i / 2], threads, stats.findings, stats.added,
	       stats.components, stats.statements);
	if (i > 1)
		printf(" median-of=%d min=%.3f max=%.3f", i, t[0], t[i - 1]);
	printf("\n");
	return t[i / 2];
}

static void incremental(struct tplc_store *store, const char *name,
                        long long id)
{
	struct tplc_scan_stats stats;
	struct tplc_error err;
	double t0, best = 1e9;
	int i;

	for (i = 0; i < 5; i++) {
		t0 = now();
		if (tplc_scan_advisory(store, id, &stats, &err) < 0)
			fail("scan --advisory", &err);
		if (now() - t0 < best)
			best = now() - t0;
	}
	printf("%s %.4f advisory=%lld findings=%zu components=%zu\n", name,
	       best, id, stats.findings, stats.components);
}

/* in_range(range, version): 1, 0, or NULL when it cannot tell. */
static void in_range(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *range = (const char *)sqlite3_value_text(argv[0]);
	const char *version = (const char *)sqlite3_value_text(argv[1]);
	struct tplc_error err;
	bool inside;

	(void)argc;
	if (range == NULL) {
		sqlite3_result_int(ctx, 1);
		return;
	}
	if (version == NULL ||
	    tplc_match_version_in(&inside, range, version, &err) < 0) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int(ctx, inside);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench-fleet: %s: %s\n", sql, msg);
		exit(1);
	}
}

/* The package part of a rescan: a copy of the store with only the
 * package rows (and their findings), scanned twice. */
static double package_part(sqlite3 *db, struct tplc_ctx *ctx, const char *path)
{
	char copy[4096], side[4200], *sql;
	struct tplc_store *store;
	struct tplc_error err;
	sqlite3 *c;
	double t;

	snprintf(copy, sizeof(copy), "%s-packages", path);
	remove(copy);
	sql = sqlite3_mprintf("VACUUM INTO %Q", copy);
	exec(db, sql);
	sqlite3_free(sql);
	if (sqlite3_open(copy, &c) != SQLITE_OK)
		exit(1);
	exec(c, "DELETE FROM affected WHERE package_key IS NULL;"
	        "DELETE FROM findings WHERE match != 'purl'");
	sqlite3_close(c);
	if (tplc_store_open(&store, ctx, copy, &err) < 0)
		fail(copy, &err);
	scan(store, "package-scan-first", "2", 1);
	t = scan(store, "package-scan-2-threads", "2", 5);
	tplc_store_close(store);
	remove(copy);
	snprintf(side, sizeof(side), "%s-wal", copy);
	remove(side);
	snprintf(side, sizeof(side), "%s-shm", copy);
	remove(side);
	return t;
}

static long long one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;
	long long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-fleet: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

int main(int argc, char **argv)
{
	struct tplc_ctx *ctx;
	struct tplc_store *store;
	struct tplc_error err;
	sqlite3 *db;
	long long typical, busiest, n;
	double t0, full, join, part;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-fleet DB\n");
		return 2;
	}
	if (tplc_ctx_new(&ctx) < 0 ||
	    tplc_store_open(&store, ctx, argv[1], &err) < 0)
		fail(argv[1], &err);
	if (sqlite3_open(argv[1], &db) != SQLITE_OK)
		return 1;
	sqlite3_busy_timeout(db, 10000);
	one(db, "DELETE FROM findings");
	scan(store, "full-scan-first", "2", 1);
	scan(store, "full-scan-1-thread", "1", 5);
	full = scan(store, "full-scan-2-threads", "2", 5);
	/* typical: the median of the advisories with findings */
	typical = one(db, "SELECT advisory_id FROM (SELECT advisory_id,"
	                  " COUNT(*) n FROM findings GROUP BY advisory_id)"
	                  " ORDER BY n, advisory_id LIMIT 1 OFFSET (SELECT"
	                  " COUNT(DISTINCT advisory_id) / 2 FROM findings)");
	busiest = one(db, "SELECT advisory_id FROM findings GROUP BY"
	                  " advisory_id ORDER BY COUNT(*) DESC, advisory_id"
	                  " LIMIT 1");
	incremental(store, "incremental-typical", typical);
	incremental(store, "incremental-busiest", busiest);
	sqlite3_create_function(db, "in_range", 2,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                        in_range, NULL, NULL);
	t0 = now();
	n = one(db, "SELECT COUNT(*) FROM components c"
	            " JOIN sboms s ON s.id = c.sbom_id"
	            " JOIN affected a ON a.package_key = c.package_key"
	            " JOIN vulnerabilities u ON u.id = a.vuln_id"
	            " WHERE a.status = 'affected' AND u.withdrawn IS NULL"
	            " AND in_range(a.range, c.version) = 1");
	join = now() - t0;
	printf("sql-join-baseline %.3f package-matches=%lld\n", join, n);
	printf("package-findings %lld\n",
	       one(db, "SELECT COUNT(*) FROM findings WHERE match = 'purl'"));
	part = package_part(db, ctx, argv[1]);
	printf("full-scan-vs-sql-join %.1fx\n", join / full);
	printf("package-scan-vs-sql-join %.1fx\n", join / part);
	sqlite3_close(db);
	tplc_store_close(store);
	tplc_ctx_free(ctx);
	return 0;
}

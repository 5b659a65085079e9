/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The match index on small fleets written straight into a store: CPE
 * rules, NVD AND configurations with and without their platform, VEX
 * precedence, withdrawn records, the same findings on 1 and 4 threads,
 * and an incremental scan of each advisory equal to the full scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "match/internal.h"
#include "store/scan.h"
#include "test.h"
#include "tplc/ctx.h"
#include "tplc/match.h"
#include "tplc/store.h"

struct fixture {
	char path[64];
	struct tplc_ctx *ctx;
	struct tplc_store *store;
	sqlite3 *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tplc_error err;
	int fd;

	snprintf(f->path, sizeof(f->path), "/tmp/tplc-match-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(f->path);
	if (tplc_ctx_new(&f->ctx) < 0 ||
	    tplc_ctx_set_now(f->ctx, "2026-11-25T00:00:00Z", &err) < 0 ||
	    tplc_store_open(&f->store, f->ctx, f->path, &err) < 0 ||
	    sqlite3_open(f->path, &f->db) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(f->db, 5000);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	sqlite3_close(f->db);
	tplc_store_close(f->store);
	tplc_ctx_free(f->ctx);
	tplt_remove_db(f->path);
	free(f);
	return 0;
}

static void sql(struct fixture *f, const char *q)
{
	char *msg = NULL;

	if (sqlite3_exec(f->db, q, NULL, NULL, &msg) != SQLITE_OK) {
		print_error("%s: %s\n", q, msg);
		sqlite3_free(msg);
		fail();
	}
}

/* The first column of the first row, as text ("" when NULL or none). */
static char *one(struct fixture *f, const char *q)
{
	static char out[8192];
	sqlite3_stmt *stmt;

	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(f->db, q, -1, &stmt, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 0) != NULL)
		snprintf(out, sizeof(out), "%s",
		         (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return out;
}

static void scan(struct fixture *f)
{
	struct tplc_scan_stats stats;
	struct tplc_error err;

	if (tplc_scan(f->store, &stats, &err) < 0) {
		print_error("%s\n", err.message);
		fail();
	}
}

/* Two product versions of one pump; sbom n belongs to version n. */
static void fleet(struct fixture *f)
{
	sql(f, "INSERT INTO products VALUES (1, 'Acme Medical', 'InfuPump');"
	       "INSERT INTO product_versions VALUES (1, 1, '1.0'), (2, 1, "
	       "'2.0');"
	       "INSERT INTO sboms(id, product_version_id, format, source,"
	       " imported_at) VALUES (1, 1, 'CycloneDX', 'a', 'x'),"
	       " (2, 2, 'CycloneDX', 'b', 'x');");
}

static void component(struct fixture *f, int id, int sbom, const char *name,
                      const char *version, const char *purl_key,
                      const char *cpe)
{
	char q[1024], key[128] = "NULL";

	if (cpe != NULL) {
		const char *v = cpe + strlen("cpe:2.3:a:");
		const char *e = strchr(strchr(v, ':') + 1, ':');

		snprintf(key, sizeof(key), "'%.*s'", (int)(e - v), v);
	}
	snprintf(q, sizeof(q),
	         "INSERT INTO components(id, sbom_id, name, version,"
	         " package_key, cpe, cpe_key) VALUES (%d, %d, '%s', %s%s%s,"
	         " %s%s%s, %s%s%s, %s)",
	         id, sbom, name, version ? "'" : "", version ? version : "NULL",
	         version ? "'" : "", purl_key ? "'" : "",
	         purl_key ? purl_key : "NULL", purl_key ? "'" : "",
	         cpe ? "'" : "", cpe ? cpe : "NULL", cpe ? "'" : "", key);
	sql(f, q);
}

static void advisory(struct fixture *f, int id, const char *source,
                     const char *ref, const char *modified)
{
	char q[512];

	snprintf(q, sizeof(q),
	         "INSERT INTO advisories(id, source, ref, modified,"
	         " imported_at) VALUES (%d, '%s', '%s', '%s', '2026-01-01')",
	         id, source, ref, modified);
	sql(f, q);
}

static void vuln(struct fixture *f, const char *id)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "INSERT OR IGNORE INTO vulnerabilities(id) VALUES ('%s')", id);
	sql(f, q);
}

static const char *const findings_sql =
        "SELECT COUNT(*) || ':' || COALESCE(group_concat(r, ' '), '') FROM"
        " (SELECT product_version_id || '/' || component_id || '/' ||"
        " vuln_id || '/' || match || '/' || COALESCE(vex_status, '-') AS r"
        " FROM findings ORDER BY product_version_id, component_id, vuln_id)";

static void test_scan__cpe_rules(void **state)
{
	struct fixture *f = *state;

	fleet(f);
	component(f, 1, 1, "zlib", "1.2.11", NULL,
	          "cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*");
	component(f, 2, 2, "zlib", "1.2.13", NULL,
	          "cpe:2.3:a:zlib:zlib:1.2.13:*:*:*:*:*:*:*");
	/* no version of its own: the CPE's counts */
	component(f, 3, 2, "zlib-static", NULL, NULL,
	          "cpe:2.3:a:zlib:zlib:1.2.8:*:*:*:*:*:*:*");
	advisory(f, 1, "nvd", "CVE-2022-37434", "2024-01-01");
	vuln(f, "CVE-2022-37434");
	vuln(f, "CVE-2099-0002");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, cpe, cpe_key,"
	       " range, status) VALUES (1, 'CVE-2022-37434',"
	       " 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*', 'zlib:zlib',"
	       " 'vers:generic/<1.2.12', 'affected'),"
	       /* same key, but only on Windows: the SBOM's CPE says any
	        * target software, which a criteria naming one does not
	        * cover */
	       " (1, 'CVE-2099-0002',"
	       " 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:windows:*:*', 'zlib:zlib',"
	       " NULL, 'affected')");
	scan(f);
	assert_string_equal(one(f, findings_sql), "2:1/1/CVE-2022-37434/cpe/- "
	                                          "2/3/CVE-2022-37434/cpe/-");
	assert_string_equal(one(f, "SELECT reason FROM findings WHERE"
	                           " component_id = 3"),
	                    "zlib-static 1.2.8 (cpe:2.3:a:zlib:zlib:*:*:*:*:"
	                    "*:*:*:*) in vers:generic/<1.2.12 per "
	                    "CVE-2022-37434");
}

/* NVD: the agent is vulnerable only when it runs on Windows 7. */
static void configuration_rows(struct fixture *f)
{
	component(f, 11, 1, "agent", "2.0", NULL,
	          "cpe:2.3:a:acme:agent:2.0:*:*:*:*:*:*:*");
	component(f, 12, 1, "windows", "-", NULL,
	          "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*");
	component(f, 13, 2, "agent", "2.0", NULL,
	          "cpe:2.3:a:acme:agent:2.0:*:*:*:*:*:*:*");
	advisory(f, 7, "nvd", "CVE-2099-0003", "2024-01-01");
	vuln(f, "CVE-2099-0003");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, cpe, cpe_key,"
	       " range, status, config, node, platform) VALUES"
	       " (7, 'CVE-2099-0003', 'cpe:2.3:a:acme:agent:*:*:*:*:*:*:*:*',"
	       " 'acme:agent', 'vers:generic/<3.0', 'affected', 1, 1, 0),"
	       " (7, 'CVE-2099-0003',"
	       " 'cpe:2.3:o:microsoft:windows_7:-:*:*:*:*:*:*:*',"
	       " 'microsoft:windows_7', NULL, 'affected', 1, 2, 1)");
}

static void configuration(struct fixture *f)
{
	fleet(f);
	configuration_rows(f);
}

static void test_scan__and_configuration(void **state)
{
	struct fixture *f = *state;

	configuration(f);
	scan(f);
	/* version 1.0 has the platform: the agent is hit, Windows is not a
	 * finding; version 2.0 lacks it: nothing */
	assert_string_equal(one(f, findings_sql), "1:1/11/CVE-2099-0003/cpe/-");
}

static void test_scan__and_configuration_without_platform(void **state)
{
	struct fixture *f = *state;

	configuration(f);
	sql(f, "DELETE FROM components WHERE id = 12");
	scan(f);
	assert_string_equal(one(f, findings_sql), "0:");
}

/* lodash in both versions; what the VEX statements say of each. */
static void vex_fleet(struct fixture *f)
{
	fleet(f);
	component(f, 1, 1, "lodash", "4.17.20", "pkg:npm/lodash", NULL);
	component(f, 2, 2, "lodash", "4.17.20", "pkg:npm/lodash", NULL);
	vuln(f, "CVE-2021-23337");
	vuln(f, "GHSA-35jh-r3h4-6jhm");
	sql(f, "INSERT INTO vulnerability_aliases VALUES"
	       " ('GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337')");
	advisory(f, 1, "osv", "GHSA-35jh-r3h4-6jhm", "2024-01-01");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, package_key, range,"
	       " status) VALUES (1, 'CVE-2021-23337', 'pkg:npm/lodash',"
	       " 'vers:npm/<4.17.21', 'affected')");
	/* oldest: the package is under investigation (named by alias) */
	advisory(f, 2, "csaf", "VEX-0", "2023-06-01");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, package_key, range,"
	       " status) VALUES (2, 'GHSA-35jh-r3h4-6jhm', 'pkg:npm/lodash',"
	       " 'vers:npm/<4.17.21', 'under_investigation')");
	/* newer: the manufacturer says version 1.0 is not affected */
	advisory(f, 3, "csaf", "VEX-1", "2024-02-01");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, vendor, product,"
	       " range, status, justification, detail) VALUES (3,"
	       " 'CVE-2021-23337', 'Acme Medical', 'InfuPump',"
	       " 'vers:generic/1.0', 'not_affected', 'code_not_reachable',"
	       " 'template() is never called')");
	/* about another version of the package: says nothing here */
	advisory(f, 4, "csaf", "VEX-2", "2025-01-01");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, package_key, range,"
	       " status) VALUES (4, 'CVE-2021-23337', 'pkg:npm/lodash',"
	       " 'vers:npm/4.17.19', 'fixed')");
}

static void test_scan__vex_precedence(void **state)
{
	struct fixture *f = *state;
	struct tplc_fleet_summary sum;
	struct tplc_error err;

	vex_fleet(f);
	scan(f);
	/* a statement never removes a finding: the newest is recorded */
	assert_string_equal(one(f, findings_sql),
	                    "2:1/1/CVE-2021-23337/purl/not_affected "
	                    "2/2/CVE-2021-23337/purl/under_investigation");
	assert_string_equal(one(f, "SELECT vex_justification || '|' ||"
	                           " vex_detail || '|' || vex_advisory_id"
	                           " FROM findings WHERE product_version_id"
	                           " = 1"),
	                    "code_not_reachable|template() is never called|3");
	assert_int_equal(tplc_store_summary(f->store, &sum, &err), 0);
	assert_int_equal(sum.findings, 1); /* not_affected does not count */
	/* a newer statement wins: fixed, then an affected from a VEX */
	advisory(f, 5, "csaf", "VEX-3", "2024-03-01");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, vendor, product,"
	       " status) VALUES (5, 'CVE-2021-23337', 'Acme', 'InfuPump',"
	       " 'fixed')");
	scan(f);
	assert_string_equal(one(f, findings_sql),
	                    "2:1/1/CVE-2021-23337/purl/fixed "
	                    "2/2/CVE-2021-23337/purl/fixed");
	advisory(f, 6, "csaf", "VEX-4", "2024-03-02");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, package_key,"
	       " status, detail) VALUES (6, 'CVE-2021-23337',"
	       " 'pkg:npm/lodash', 'affected', 'update to 4.17.21')");
	scan(f);
	assert_string_equal(one(f, findings_sql),
	                    "4:1/1/CVE-2021-23337/purl/affected "
	                    "1/1/CVE-2021-23337/purl/affected "
	                    "2/2/CVE-2021-23337/purl/affected "
	                    "2/2/CVE-2021-23337/purl/affected");
	assert_int_equal(tplc_store_summary(f->store, &sum, &err), 0);
	assert_int_equal(sum.findings, 2);
}

static void test_scan__withdrawn(void **state)
{
	struct fixture *f = *state;

	vex_fleet(f);
	sql(f, "UPDATE vulnerabilities SET withdrawn = '2024-05-01'"
	       " WHERE id = 'CVE-2021-23337'");
	scan(f);
	assert_string_equal(one(f, findings_sql), "0:");
}

static const char *const rows_sql =
        "SELECT COUNT(*) || ':' || group_concat(r, char(10)) FROM"
        " (SELECT product_version_id || '|' || component_id || '|' ||"
        " vuln_id || '|' || advisory_id || '|' || match || '|' || reason"
        " || '|' || COALESCE(cvss_score, '') || '|' ||"
        " COALESCE(fixed_in, '') || '|' || COALESCE(vex_status, '') ||"
        " '|' || COALESCE(vex_advisory_id, '') || '|' || first_seen"
        " AS r FROM findings ORDER BY r)";

/* A few hundred components over a few packages, ranges of each kind. */
static void bigger_fleet(struct fixture *f)
{
	static const char *const names[] = { "lodash", "minimist", "qs",
		                             "express" };
	char q[512];
	int i, a;

	vex_fleet(f);
	configuration_rows(f);
	for (i = 0; i < 6000; i++) {
		snprintf(q, sizeof(q),
		         "INSERT INTO components(sbom_id, name, version,"
		         " package_key) VALUES (%d, '%s', '%d.%d.%d',"
		         " 'pkg:npm/%s')",
		         1 + i % 2, names[i % 4], i % 5, (i / 5) % 7, i % 11,
		         names[i % 4]);
		sql(f, q);
	}
	for (a = 10; a < 40; a++) {
		snprintf(q, sizeof(q),
		         "INSERT INTO advisories(id, source, ref, imported_at)"
		         " VALUES (%d, 'osv', 'GHSA-%d', 'x');"
		         "INSERT INTO vulnerabilities(id) VALUES ('CVE-%d');"
		         "INSERT INTO affected(advisory_id, vuln_id,"
		         " package_key, range, status) VALUES (%d, 'CVE-%d',"
		         " 'pkg:npm/%s', 'vers:npm/>=%d.0.0|<%d.%d.0',"
		         " 'affected')",
		         a, a, a, a, a, names[a % 4], a % 3, 1 + a % 4, a % 7);
		sql(f, q);
	}
}

static void test_scan__threads_agree(void **state)
{
	struct fixture *f = *state;
	char *one_thread;

	bigger_fleet(f);
	setenv("TPLC_THREADS", "1", 1);
	scan(f);
	one_thread = strdup(one(f, "SELECT group_concat(id || ':' ||"
	                           " product_version_id || ':' ||"
	                           " component_id || ':' || vuln_id || ':'"
	                           " || reason, ' ') FROM findings"));
	assert_true(strlen(one_thread) > 100);
	sql(f, "DELETE FROM findings");
	setenv("TPLC_THREADS", "4", 1);
	scan(f);
	unsetenv("TPLC_THREADS");
	/* the same rows in the same order: the same ids */
	assert_string_equal(one(f, "SELECT group_concat(id || ':' ||"
	                           " product_version_id || ':' ||"
	                           " component_id || ':' || vuln_id || ':'"
	                           " || reason, ' ') FROM findings"),
	                    one_thread);
	free(one_thread);
}

/*
 * The findings read ahead, then another connection adds one before sync:
 * sync must not trust the copy (data_version moved), so it sees the new
 * row and, as no match makes it, drops it with the rest.
 */
static void test_scan__stale_read_ahead(void **state)
{
	struct fixture *f = *state;
	struct tplc_store__sync_stats stats;
	struct tplc_store__reader *r;
	struct tplc_store__stored *st = NULL;
	struct tplc_error err;
	long long version = 0;
	size_t before;

	bigger_fleet(f);
	scan(f);
	before = (size_t)atol(one(f, "SELECT COUNT(*) FROM findings"));
	assert_true(before > 10);
	assert_int_equal(tplc_store__data_version(f->store, &version, &err), 0);
	r = tplc_store__reader_open(f->store);
	assert_non_null(r);
	assert_int_equal(tplc_store__reader_stored(r, version, &st, &err), 0);
	tplc_store__reader_close(r);
	sql(f, "INSERT INTO findings(product_version_id, component_id,"
	       " vuln_id, advisory_id, match, reason, first_seen)"
	       " SELECT product_version_id, component_id + 100000, vuln_id,"
	       " advisory_id, match, reason, first_seen FROM findings"
	       " LIMIT 1");
	assert_int_equal(
	        tplc_store__sync_findings(f->store, NULL, 0, st, &stats, &err),
	        0);
	assert_int_equal(stats.removed, before + 1);
	assert_string_equal(one(f, "SELECT COUNT(*) FROM findings"), "0");
	tplc_store__stored_free(st);
}

/* Another process adds a component on a new key while the scan reads. */
static void add_other(void *data)
{
	struct fixture *f = data;

	component(f, 2, 2, "minimist", "1.2.5", "pkg:npm/minimist", NULL);
}

/* lodash in the fleet; advisories on lodash and on minimist, which no
 * component has yet. */
static void other_keys(struct fixture *f)
{
	fleet(f);
	component(f, 1, 1, "lodash", "4.17.20", "pkg:npm/lodash", NULL);
	advisory(f, 1, "osv", "GHSA-1", "2024-01-01");
	vuln(f, "CVE-2021-23337");
	vuln(f, "CVE-2021-44906");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, package_key, range,"
	       " status) VALUES (1, 'CVE-2021-23337', 'pkg:npm/lodash',"
	       " 'vers:npm/<4.17.21', 'affected'),"
	       " (1, 'CVE-2021-44906', 'pkg:npm/minimist',"
	       " 'vers:npm/<1.2.6', 'affected'),"
	       /* a range tplc cannot read, on a key no component has */
	       " (1, 'CVE-2021-44906', 'pkg:npm/minimist-fork',"
	       " 'vers:npm/<<1', 'affected')");
}

/* A full scan reads only the rules of the fleet's keys, but counts every
 * statement; an unreadable range no component can meet is not counted. */
static void test_scan__rules_of_other_keys(void **state)
{
	struct fixture *f = *state;
	struct tplc_scan_stats stats;
	struct tplc_error err;

	other_keys(f);
	assert_int_equal(tplc_scan(f->store, &stats, &err), 0);
	assert_int_equal(stats.statements, 3);
	assert_int_equal(stats.unknown_ranges, 0);
	assert_string_equal(one(f, findings_sql),
	                    "1:1/1/CVE-2021-23337/purl/-");
	/* once a component has the key, its rules are read */
	component(f, 3, 2, "minimist-fork", "0.1", "pkg:npm/minimist-fork",
	          NULL);
	assert_int_equal(tplc_scan(f->store, &stats, &err), 0);
	assert_int_equal(stats.statements, 3);
	assert_int_equal(stats.unknown_ranges, 1);
}

/* The keys were read before the component came: the scan sees it when it
 * reads the fleet, and reads every rule again rather than miss its
 * finding. */
static void test_scan__fleet_changed_while_read(void **state)
{
	struct fixture *f = *state;
	struct tplc_scan_stats stats;
	struct tplc_error err;
	int error;

	other_keys(f);
	setenv("TPLC_THREADS", "1", 1); /* the fleet read after the hook */
	tplc_match__keys_read_hook = add_other;
	tplc_match__keys_read_data = f;
	error = tplc_scan(f->store, &stats, &err);
	tplc_match__keys_read_hook = NULL;
	unsetenv("TPLC_THREADS");
	assert_int_equal(error, 0);
	assert_string_equal(one(f, findings_sql), "2:1/1/CVE-2021-23337/purl/- "
	                                          "2/2/CVE-2021-44906/purl/-");
	assert_int_equal(stats.statements, 3);
	assert_int_equal(stats.added, 2);
}

static void test_scan__incremental_equals_full(void **state)
{
	struct fixture *f = *state;
	struct tplc_scan_stats stats;
	struct tplc_error err;
	char *full;
	long long id;

	bigger_fleet(f);
	scan(f);
	full = strdup(one(f, rows_sql));
	assert_true(strlen(full) > 100);
	/* each advisory on its own, into an empty findings table */
	sql(f, "DELETE FROM findings");
	for (id = 1; id < 40; id++)
		assert_int_equal(tplc_scan_advisory(f->store, id, &stats, &err),
		                 0);
	assert_string_equal(one(f, rows_sql), full);
	/* and once more on top: nothing changes */
	assert_int_equal(tplc_scan_advisory(f->store, 1, &stats, &err), 0);
	assert_int_equal(stats.added + stats.removed, 0);
	assert_int_equal(stats.findings,
	                 atoll(one(f, "SELECT COUNT(*) FROM findings"
	                              " WHERE advisory_id = 1")));
	assert_true(stats.findings > 1000);
	assert_string_equal(one(f, rows_sql), full);
	free(full);
}

static void test_scan__incremental_configuration(void **state)
{
	struct fixture *f = *state;
	struct tplc_scan_stats stats;
	struct tplc_error err;

	configuration(f);
	assert_int_equal(tplc_scan_advisory_ref(f->store, "nvd:CVE-2099-0003",
	                                        &stats, &err),
	                 0);
	assert_int_equal(stats.findings, 1);
	assert_string_equal(one(f, findings_sql), "1:1/11/CVE-2099-0003/cpe/-");
	assert_int_equal(
	        tplc_scan_advisory_ref(f->store, "nvd:CVE-0", &stats, &err),
	        TPLC_ENOTFOUND);
}

/* A VEX document scanned on its own updates the vex columns of the
 * other advisories' findings it speaks about, by alias too: the store
 * is then what a full scan makes. */
static void test_scan__incremental_vex(void **state)
{
	struct fixture *f = *state;
	struct tplc_scan_stats stats;
	struct tplc_error err;
	char *incremental;

	vex_fleet(f);
	scan(f);
	assert_string_equal(one(f, findings_sql),
	                    "2:1/1/CVE-2021-23337/purl/not_affected "
	                    "2/2/CVE-2021-23337/purl/under_investigation");
	advisory(f, 7, "vex", "VEX-5", "2025-06-01");
	sql(f, "INSERT INTO affected(advisory_id, vuln_id, package_key, range,"
	       " status) VALUES (7, 'GHSA-35jh-r3h4-6jhm', 'pkg:npm/lodash',"
	       " 'vers:npm/4.17.20', 'fixed')");
	assert_int_equal(
	        tplc_scan_advisory_ref(f->store, "vex:VEX-5", &stats, &err), 0);
	assert_int_equal(stats.findings, 0); /* it makes none of its own */
	assert_string_equal(one(f, findings_sql),
	                    "2:1/1/CVE-2021-23337/purl/fixed "
	                    "2/2/CVE-2021-23337/purl/fixed");
	assert_string_equal(one(f, "SELECT group_concat(vex_advisory_id)"
	                           " FROM findings"),
	                    "7,7");
	incremental = strdup(one(f, rows_sql));
	scan(f);
	assert_string_equal(one(f, rows_sql), incremental);
	free(incremental);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_scan__cpe_rules, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_scan__and_configuration,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		        test_scan__and_configuration_without_platform, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(test_scan__vex_precedence,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_scan__withdrawn, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_scan__incremental_vex,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_scan__stale_read_ahead,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_scan__threads_agree, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_scan__rules_of_other_keys,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		        test_scan__fleet_changed_while_read, setup, teardown),
		cmocka_unit_test_setup_teardown(
		        test_scan__incremental_equals_full, setup, teardown),
		cmocka_unit_test_setup_teardown(
		        test_scan__incremental_configuration, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

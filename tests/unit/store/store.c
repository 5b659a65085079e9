/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The store's promises: a fresh database gets the whole schema; an import
 * that fails half way leaves nothing behind (a feed written on a store
 * thread too); a scan survives running out of memory at every allocation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "test.h"
#include "tplc/advisory.h"
#include "tplc/match.h"
#include "tplc/store.h"
#include "util/alloc.h"
#include "util/arena.h"

struct fixture {
	char path[64];
	struct tplc_ctx *ctx;
	struct tplc_store *store;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tplc_error err;
	int fd;

	snprintf(f->path, sizeof(f->path), "/tmp/tplc-store-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(f->path);
	if (tplc_ctx_new(&f->ctx) < 0 ||
	    tplc_ctx_set_now(f->ctx, "2026-11-25", &err) < 0 ||
	    tplc_store_open(&f->store, f->ctx, f->path, &err) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tplc_store_close(f->store);
	tplc_ctx_free(f->ctx);
	tplt_remove_db(f->path);
	free(f);
	return 0;
}

static long long count(struct fixture *f, const char *table)
{
	return tplt_count_rows(f->path, table);
}

static void test_store__schema_version(void **state)
{
	struct fixture *f = *state;
	struct tplc_error err;
	int version = 0;

	assert_int_equal(tplc_store_schema_version(f->store, &version, &err),
	                 0);
	assert_int_equal(version, TPLC_STORE_SCHEMA_VERSION);
	assert_int_equal(count(f, "findings"), 0);
}

/* Two devices, the second breaks a CHECK: neither may remain. */
static void test_store__failed_import_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct tplc_device devices[2];
	struct tplc_inventory inv;
	struct tplc_import_stats stats;
	struct tplc_error err;

	memset(devices, 0, sizeof(devices));
	memset(&inv, 0, sizeof(inv));
	devices[0].asset_tag = "A-1";
	devices[0].manufacturer = "Acme";
	devices[0].model = "Pump";
	devices[0].version = "1.0";
	devices[1] = devices[0];
	devices[1].asset_tag = "A-2";
	devices[1].clinical_function = "not a function";
	inv.devices = devices;
	inv.device_count = 2;

	assert_int_equal(tplc_store_import_inventory(f->store, &inv, "t.csv",
	                                             &stats, &err),
	                 TPLC_ESTORE);
	assert_int_equal(count(f, "devices"), 0);
	assert_int_equal(count(f, "products"), 0);

	inv.device_count = 1;
	assert_int_equal(tplc_store_import_inventory(f->store, &inv, "t.csv",
	                                             &stats, &err),
	                 0);
	assert_int_equal(stats.added, 1);
	assert_int_equal(count(f, "devices"), 1);
}

/* the audit entries of feed imports (count's table is pasted in) */
#define FEED_AUDITS "audit_log WHERE action = 'import.advisories'"

/* OSV record i of a feed, as the parser hands it over. */
static struct tplc_advisory *feed_record(int i)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	char text[512];

	snprintf(text, sizeof(text),
	         "{\"id\": \"GHSA-test-%04d\","
	         " \"modified\": \"2026-01-01T00:00:00Z\","
	         " \"affected\": [{\"package\": {\"ecosystem\": \"npm\","
	         " \"name\": \"p%d\"}, \"ranges\": [{\"type\": \"SEMVER\","
	         " \"events\": [{\"introduced\": \"0\"},"
	         " {\"fixed\": \"1.0.%d\"}]}]}]}",
	         i, i, i);
	assert_int_equal(
	        tplc_osv_parse(&adv, text, strlen(text), "feed.json", &err), 0);
	return adv;
}

/* A feed import begun on f's store, records 0 to n - 1 given to it. */
static struct tplc_advisory_import *give_feed(struct fixture *f, int n,
                                              struct tplc_import_stats *stats,
                                              struct tplc_error *err)
{
	struct tplc_advisory_import *im;
	int i;

	assert_int_equal(tplc_store_advisory_import_begin(
	                         &im, f->store, "feed.json", stats, err),
	                 0);
	for (i = 0; i < n; i++)
		assert_int_equal(
		        tplc_store_advisory_import_give(im, feed_record(i)), 0);
	return im;
}

/* More records than the store thread's queue holds: every one written,
 * the totals told once the import ends, one audit entry. */
static void test_store__feed_import_writes_every_record(void **state)
{
	struct fixture *f = *state;
	struct tplc_import_stats stats;
	struct tplc_error err;

	assert_int_equal(tplc_store_advisory_import_end(
	                         give_feed(f, 1000, &stats, &err), 0),
	                 0);
	assert_int_equal(stats.added, 1000);
	assert_int_equal(stats.vulns, 1000);
	assert_int_equal(stats.affected, 1000);
	assert_int_equal(count(f, "advisories"), 1000);
	assert_int_equal(count(f, "affected"), 1000);
	assert_int_equal(count(f, FEED_AUDITS), 1);
}

/* A record the store refuses, in the middle of a feed: the caller hears
 * of it (a later give refuses, or end), and nothing of the feed stays. */
static void test_store__feed_import_write_fails(void **state)
{
	struct fixture *f = *state;
	struct tplc_advisory_import *im;
	struct tplc_advisory *adv;
	struct tplc_import_stats stats;
	struct tplc_error err;
	char msg[1024];
	int i, error = 0;

	assert_int_equal(tplc_store_advisory_import_begin(
	                         &im, f->store, "feed.json", &stats, &err),
	                 0);
	for (i = 0; i < 1000 && error == 0; i++) {
		adv = feed_record(i);
		/* record 300 names a vulnerability it lacks */
		if (i == 300)
			adv->affected[0].vuln = 5;
		error = tplc_store_advisory_import_give(im, adv);
	}
	if (error != 0) {
		assert_int_equal(error, TPLC_ERROR);
		assert_true(i > 300);
	}
	assert_int_equal(tplc_store_advisory_import_end(im, error), TPLC_ERROR);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "affected entry names vulnerability 5 of 1");
	assert_int_equal(count(f, "advisories"), 0);
	assert_int_equal(count(f, "vulnerabilities"), 0);
	assert_int_equal(count(f, "affected"), 0);
	assert_int_equal(count(f, FEED_AUDITS), 0);
}

/* The parser fails after records were given: none of them stays. */
static void test_store__feed_import_caller_fails(void **state)
{
	struct fixture *f = *state;
	struct tplc_import_stats stats;
	struct tplc_error err;

	assert_int_equal(tplc_store_advisory_import_end(
	                         give_feed(f, 500, &stats, &err), TPLC_EPARSE),
	                 TPLC_EPARSE);
	assert_int_equal(count(f, "advisories"), 0);
	assert_int_equal(count(f, "affected"), 0);
}

/* An advisory naming a package, an SBOM with that package: one
 * finding, whatever allocation fails on the way. */
static void test_store__scan_out_of_memory(void **state)
{
	struct fixture *f = *state;
	struct tplc_component comp;
	struct tplc_sbom sbom;
	struct tplc_vuln vuln;
	struct tplc_affected aff;
	struct tplc_advisory adv;
	struct tplc_import_stats stats;
	struct tplc_scan_stats scan;
	struct tplc_error err;
	long n;
	int error;

	memset(&comp, 0, sizeof(comp));
	memset(&sbom, 0, sizeof(sbom));
	memset(&vuln, 0, sizeof(vuln));
	memset(&aff, 0, sizeof(aff));
	memset(&adv, 0, sizeof(adv));
	comp.name = "lodash";
	comp.version = "4.17.20";
	comp.purl = "pkg:npm/lodash@4.17.20";
	sbom.format = "CycloneDX";
	sbom.components = &comp;
	sbom.component_count = 1;
	vuln.id = "CVE-2021-23337";
	vuln.cvss_score = 7.2;
	aff.purl = "pkg:npm/lodash";
	aff.range = "vers:npm/<4.17.21";
	adv.source = "osv";
	adv.id = "GHSA-35jh-r3h4-6jhm";
	adv.vulns = &vuln;
	adv.vuln_count = 1;
	adv.affected = &aff;
	adv.affected_count = 1;
	assert_int_equal(tplc_store_import_sbom(f->store, &sbom, "s.json",
	                                        "Acme", "Acme Pump", "1.0",
	                                        &stats, &err),
	                 0);
	assert_int_equal(tplc_store_import_advisory(f->store, &adv, "a.json",
	                                            &stats, &err),
	                 0);
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_scan(f->store, &scan, &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_int_equal(count(f, "findings"), 0);
	}
	assert_int_equal(scan.findings, 1);
	assert_int_equal(count(f, "findings"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store__schema_version,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		        test_store__failed_import_leaves_nothing, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(
		        test_store__feed_import_writes_every_record, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(
		        test_store__feed_import_write_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(
		        test_store__feed_import_caller_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__scan_out_of_memory,
		                                setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The postmarket record: decisions and their FDA clocks (30 days to tell
 * customers, 60 to distribute a fix, from awareness) come out with exact
 * dates and states; refusals leave nothing behind; a revised decision
 * wins and the old one stays in the history.
 *
 * The fleet: lodash 4.17.20 in "Acme Pump" 1.0 and "Acme Pump Pro" 2.0,
 * scanned on 2026-09-01 against CVE-2021-23337 (7.2, the real OSV range)
 * and a synthetic CVE-2099-0001 (9.1); CVE-2099-0002 names another
 * package, so no version has a finding of it.  Decisions are taken on
 * 2026-11-25.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "test.h"
#include "tplc/match.h"
#include "tplc/postmarket.h"
#include "tplc/store.h"

#define SCANNED "2026-09-01T06:00:00Z"
#define NOW     "2026-11-25T12:00:00Z"

struct fixture {
	char path[64];
	struct tplc_ctx *ctx;
	struct tplc_store *store;
};

static void import_sbom(struct fixture *f, const char *product,
                        const char *version)
{
	struct tplc_component comp;
	struct tplc_sbom sbom;
	struct tplc_import_stats stats;
	struct tplc_error err;

	memset(&comp, 0, sizeof(comp));
	memset(&sbom, 0, sizeof(sbom));
	comp.name = "lodash";
	comp.version = "4.17.20";
	comp.purl = "pkg:npm/lodash@4.17.20";
	sbom.format = "CycloneDX";
	sbom.components = &comp;
	sbom.component_count = 1;
	assert_int_equal(tplc_store_import_sbom(f->store, &sbom, "s.json",
	                                        "Acme", product, version,
	                                        &stats, &err),
	                 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tplc_vuln vulns[3];
	struct tplc_affected aff[3];
	struct tplc_advisory adv;
	struct tplc_import_stats stats;
	struct tplc_scan_stats scan;
	struct tplc_error err;
	int fd;

	snprintf(f->path, sizeof(f->path), "/tmp/tplc-pm-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(f->path);
	if (tplc_ctx_new(&f->ctx) < 0 ||
	    tplc_ctx_set_now(f->ctx, SCANNED, &err) < 0 ||
	    tplc_store_open(&f->store, f->ctx, f->path, &err) < 0)
		return -1;
	import_sbom(f, "Acme Pump", "1.0");
	import_sbom(f, "Acme Pump Pro", "2.0");

	memset(vulns, 0, sizeof(vulns));
	memset(aff, 0, sizeof(aff));
	memset(&adv, 0, sizeof(adv));
	vulns[0].id = "CVE-2021-23337";
	vulns[0].cvss_score = 7.2;
	vulns[1].id = "CVE-2099-0001";
	vulns[1].cvss_score = 9.1;
	vulns[2].id = "CVE-2099-0002";
	vulns[2].cvss_score = 5.0;
	aff[0].vuln = 0;
	aff[0].purl = "pkg:npm/lodash";
	aff[0].range = "vers:npm/<4.17.21";
	aff[1] = aff[0];
	aff[1].vuln = 1;
	aff[2].vuln = 2;
	aff[2].purl = "pkg:npm/left-pad";
	aff[2].range = "vers:npm/<1.3.0";
	adv.source = "osv";
	adv.id = "TEST-LODASH";
	adv.vulns = vulns;
	adv.vuln_count = 3;
	adv.affected = aff;
	adv.affected_count = 3;
	if (tplc_store_import_advisory(f->store, &adv, "a.json", &stats, &err) <
	            0 ||
	    tplc_scan(f->store, &scan, &err) < 0 || scan.findings != 4 ||
	    tplc_ctx_set_now(f->ctx, NOW, &err) < 0)
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

/* The rows of a listing, one line each: "model/version vuln risk
 * notify_state notify_due notify_days fix_state fix_due fix_days". */
struct lines {
	char text[2048];
	int rows;
};

static int add_line(const struct tplc_postmarket_row *r, void *data)
{
	struct lines *l = data;
	size_t used = strlen(l->text);

	snprintf(l->text + used, sizeof(l->text) - used,
	         "%s/%s %s %s %s %s %lld %s %s %lld\n", r->model, r->version,
	         r->vuln_id, r->risk ? r->risk : "undecided", r->notify_state,
	         r->notify_due ? r->notify_due : "-", r->notify_days,
	         r->fix_state, r->fix_due ? r->fix_due : "-", r->fix_days);
	l->rows++;
	return 0;
}

static const char *list(struct fixture *f, struct lines *l,
                        const struct tplc_postmarket_filter *filter)
{
	struct tplc_postmarket_filter none;
	struct tplc_error err;

	memset(&none, 0, sizeof(none));
	memset(l, 0, sizeof(*l));
	assert_int_equal(tplc_postmarket_list(f->store, filter ? filter : &none,
	                                      add_line, l, &err),
	                 0);
	return l->text;
}

static int decide(struct fixture *f, const char *product, const char *version,
                  const char *vuln, enum tplc_postmarket_risk risk,
                  const char *by, const char *aware, struct tplc_error *err)
{
	struct tplc_postmarket_decision d;

	memset(&d, 0, sizeof(d));
	d.key.product = product;
	d.key.version = version;
	d.key.vuln_id = vuln;
	d.risk = risk;
	d.decided_by = by;
	d.aware_at = aware;
	d.rationale = "test";
	return tplc_postmarket_decide(f->store, &d, NULL, NULL, err);
}

static int event(struct fixture *f, const char *product, const char *version,
                 const char *vuln, enum tplc_postmarket_event kind,
                 const char *at, struct tplc_error *err)
{
	struct tplc_postmarket_record r;

	memset(&r, 0, sizeof(r));
	r.key.product = product;
	r.key.version = version;
	r.key.vuln_id = vuln;
	r.event = kind;
	r.at = at;
	r.recorded_by = "Support";
	return tplc_postmarket_event(f->store, &r, NULL, NULL, err);
}

/* Before any decision: every finding is undecided, by CVSS. */
static void test_postmarket__undecided(void **state)
{
	struct fixture *f = *state;
	struct lines l;

	assert_string_equal(list(f, &l, NULL),
	                    "Pump/1.0 CVE-2099-0001 undecided - - 0 - - 0\n"
	                    "Pump Pro/2.0 CVE-2099-0001 undecided - - 0 - - 0\n"
	                    "Pump/1.0 CVE-2021-23337 undecided - - 0 - - 0\n"
	                    "Pump Pro/2.0 CVE-2021-23337 undecided - - 0 - - "
	                    "0\n");
}

/* Aware 40 days ago: told customers 10 days late, fix due in 20. */
static void test_postmarket__clocks(void **state)
{
	struct fixture *f = *state;
	struct tplc_postmarket_filter filter;
	struct tplc_error err;
	struct lines l;

	memset(&filter, 0, sizeof(filter));
	filter.vuln_id = "CVE-2021-23337";
	assert_int_equal(decide(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                        TPLC_RISK_UNCONTROLLED, "Ann", "2026-10-16",
	                        &err),
	                 0);
	filter.product = "Acme Pump";
	filter.version = "1.0";
	assert_string_equal(list(f, &l, &filter),
	                    "Pump/1.0 CVE-2021-23337 uncontrolled overdue "
	                    "2026-11-15 10 due 2026-12-15 -20\n");
	/* --overdue over everything: that one row only */
	memset(&filter, 0, sizeof(filter));
	filter.overdue_only = true;
	assert_string_equal(list(f, &l, &filter),
	                    "Pump/1.0 CVE-2021-23337 uncontrolled overdue "
	                    "2026-11-15 10 due 2026-12-15 -20\n");
	/* overdue first, then the undecided by CVSS, then the rest */
	assert_string_equal(list(f, &l, NULL),
	                    "Pump/1.0 CVE-2021-23337 uncontrolled overdue "
	                    "2026-11-15 10 due 2026-12-15 -20\n"
	                    "Pump/1.0 CVE-2099-0001 undecided - - 0 - - 0\n"
	                    "Pump Pro/2.0 CVE-2099-0001 undecided - - 0 - - 0\n"
	                    "Pump Pro/2.0 CVE-2021-23337 undecided - - 0 - - "
	                    "0\n");

	assert_int_equal(event(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                       TPLC_PM_CUSTOMERS_NOTIFIED, NULL, &err),
	                 0);
	filter.overdue_only = false;
	filter.product = "Acme Pump";
	filter.version = "1.0";
	filter.vuln_id = "CVE-2021-23337";
	assert_string_equal(list(f, &l, &filter),
	                    "Pump/1.0 CVE-2021-23337 uncontrolled late "
	                    "2026-11-15 10 due 2026-12-15 -20\n");
	filter.overdue_only = true;
	assert_string_equal(list(f, &l, &filter), "");

	/* a fix on its due day meets the clock */
	assert_int_equal(event(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                       TPLC_PM_FIX_DISTRIBUTED, "2026-12-15", &err),
	                 TPLC_EINVAL); /* in the future */
	assert_non_null(strstr(err.message, "in the future"));
	assert_int_equal(tplc_ctx_set_now(f->ctx, "2026-12-16", &err), 0);
	filter.overdue_only = false;
	assert_string_equal(list(f, &l, &filter),
	                    "Pump/1.0 CVE-2021-23337 uncontrolled late "
	                    "2026-11-15 10 overdue 2026-12-15 1\n");
	assert_int_equal(event(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                       TPLC_PM_FIX_DISTRIBUTED, "2026-12-15", &err),
	                 0);
	assert_string_equal(list(f, &l, &filter),
	                    "Pump/1.0 CVE-2021-23337 uncontrolled late "
	                    "2026-11-15 10 met 2026-12-15 0\n");
	assert_int_equal(count(f, "postmarket_events"), 2);
}

/* Controlled risk has no clock; aware defaults to the first finding. */
static void test_postmarket__controlled(void **state)
{
	struct fixture *f = *state;
	struct tplc_postmarket_filter filter;
	struct tplc_error err;
	struct lines l;

	memset(&filter, 0, sizeof(filter));
	filter.product = "Acme Pump Pro";
	filter.vuln_id = "CVE-2099-0001";
	assert_int_equal(decide(f, "Acme Pump Pro", "2.0", "CVE-2099-0001",
	                        TPLC_RISK_CONTROLLED, "Ann", NULL, &err),
	                 0);
	assert_string_equal(list(f, &l, &filter),
	                    "Pump Pro/2.0 CVE-2099-0001 controlled - - 0 - - "
	                    "0\n");
	filter.overdue_only = true;
	assert_string_equal(list(f, &l, &filter), "");
	filter.overdue_only = false;
	filter.undecided_only = true;
	assert_string_equal(list(f, &l, &filter), "");

	/* uncontrolled after all: the clocks run from the scan that found
	 * it, 85 days ago */
	assert_int_equal(decide(f, "Acme Pump Pro", "2.0", "CVE-2099-0001",
	                        TPLC_RISK_UNCONTROLLED, "Bea", NULL, &err),
	                 0);
	filter.undecided_only = false;
	assert_string_equal(list(f, &l, &filter),
	                    "Pump Pro/2.0 CVE-2099-0001 uncontrolled overdue "
	                    "2026-10-01 55 overdue 2026-10-31 25\n");
}

struct history {
	char text[1024];
};

static int add_history(const struct tplc_postmarket_history_row *h, void *data)
{
	struct history *out = data;
	size_t used = strlen(out->text);

	snprintf(out->text + used, sizeof(out->text) - used,
	         "%s %s %s %s %s %s%s\n", h->at, h->kind,
	         h->risk ? h->risk : "-", h->by,
	         h->aware_at ? h->aware_at : "-", h->text ? h->text : "-",
	         h->current ? " current" : "");
	return 0;
}

/* A revised decision wins; the first stays in the history. */
static void test_postmarket__revise(void **state)
{
	struct fixture *f = *state;
	struct tplc_postmarket_filter filter;
	struct tplc_error err;
	struct history h;
	struct lines l;

	memset(&filter, 0, sizeof(filter));
	filter.product = "Acme Pump Pro";
	filter.vuln_id = "CVE-2021-23337";
	assert_int_equal(decide(f, "Acme Pump Pro", "2.0", "CVE-2021-23337",
	                        TPLC_RISK_UNCONTROLLED, "Ann", "2026-11-01",
	                        &err),
	                 0);
	assert_int_equal(event(f, "Acme Pump Pro", "2.0", "CVE-2021-23337",
	                       TPLC_PM_CUSTOMERS_NOTIFIED, "2026-11-20", &err),
	                 0);
	assert_int_equal(tplc_ctx_set_now(f->ctx, "2026-11-26T09:30:00Z", &err),
	                 0);
	assert_int_equal(decide(f, "Acme Pump Pro", "2.0", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, "Bob", "2026-11-01",
	                        &err),
	                 0);
	assert_string_equal(list(f, &l, &filter),
	                    "Pump Pro/2.0 CVE-2021-23337 controlled - - 0 - - "
	                    "0\n");
	memset(&h, 0, sizeof(h));
	assert_int_equal(tplc_postmarket_history(f->store, &filter, add_history,
	                                         &h, &err),
	                 0);
	assert_string_equal(h.text,
	                    "2026-11-20T00:00:00Z customers_notified - "
	                    "Support - -\n"
	                    "2026-11-25T12:00:00Z decision uncontrolled Ann "
	                    "2026-11-01T00:00:00Z test\n"
	                    "2026-11-26T09:30:00Z decision controlled Bob "
	                    "2026-11-01T00:00:00Z test current\n");
	assert_int_equal(count(f, "postmarket_decisions"), 2);
}

/* What is refused, and that a refusal writes nothing. */
static void test_postmarket__refused(void **state)
{
	struct fixture *f = *state;
	struct tplc_error err;
	struct lines l;

	assert_int_equal(decide(f, "Acme", "1.0", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, "Ann", NULL, &err),
	                 TPLC_EINVAL);
	assert_string_equal(err.message,
	                    "'Acme' matches 2 products: 'Acme Pump', 'Acme "
	                    "Pump Pro': name one");
	assert_int_equal(decide(f, "Baxter", "1.0", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, "Ann", NULL, &err),
	                 TPLC_ENOTFOUND);
	assert_int_equal(decide(f, "acme pump", "9.9", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, "Ann", NULL, &err),
	                 TPLC_ENOTFOUND);
	assert_string_equal(err.message,
	                    "Acme Pump has no version '9.9' in the store");
	assert_int_equal(decide(f, "Acme Pump", "1.0", "CVE-1999-0001",
	                        TPLC_RISK_CONTROLLED, "Ann", NULL, &err),
	                 TPLC_ENOTFOUND);
	assert_int_equal(decide(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, " ", NULL, &err),
	                 TPLC_EINVAL);
	assert_int_equal(decide(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, "Ann", "2026-11-26",
	                        &err),
	                 TPLC_EINVAL);
	assert_int_equal(decide(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                        TPLC_RISK_CONTROLLED, "Ann", "16.10.2026",
	                        &err),
	                 TPLC_EINVAL);
	assert_int_equal(decide(f, "Acme Pump", "1.0", "CVE-2099-0002",
	                        TPLC_RISK_UNCONTROLLED, "Ann", NULL, &err),
	                 TPLC_EINVAL);
	assert_int_equal(event(f, "Acme Pump", "1.0", "CVE-2021-23337",
	                       TPLC_PM_CUSTOMERS_NOTIFIED, NULL, &err),
	                 TPLC_ENOTFOUND);
	assert_int_equal(count(f, "postmarket_decisions"), 0);
	assert_int_equal(count(f, "postmarket_events"), 0);

	/* forced: no finding, so awareness is now and the row appears */
	memset(&l, 0, sizeof(l));
	{
		struct tplc_postmarket_decision d;

		memset(&d, 0, sizeof(d));
		d.key.product = "Acme Pump";
		d.key.version = "1.0";
		d.key.vuln_id = "CVE-2099-0002";
		d.risk = TPLC_RISK_UNCONTROLLED;
		d.decided_by = "Ann";
		d.force = true;
		assert_int_equal(tplc_postmarket_decide(f->store, &d, add_line,
		                                        &l, &err),
		                 0);
	}
	assert_string_equal(l.text, "Pump/1.0 CVE-2099-0002 uncontrolled due "
	                            "2026-12-25 -30 due 2027-01-24 -60\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_postmarket__undecided,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_postmarket__clocks, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_postmarket__controlled,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_postmarket__revise, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_postmarket__refused, setup,
		                                teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

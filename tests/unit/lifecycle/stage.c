/* SPDX-License-Identifier: Apache-2.0 */
/*
 * IMDRF N70's stage rules, each judged the day before and the day of its
 * threshold: release (Development -> Support), declared EOL (Limited
 * Support), declared EOS (End of Support), a component going out of
 * support under each manufacturer decision, the device's own earlier
 * dates, and since/next/spans around them.  Also the calendar arithmetic
 * the rules stand on, and the two-year notice rule.
 */
#include <string.h>

#include "test.h"
#include "tplc/lifecycle.h"
#include "util/date.h"

static struct tplc_lifecycle_status judge(const struct tplc_lifecycle_input *in,
                                          const char *day)
{
	struct tplc_lifecycle_status st;
	struct tplc_error err;

	assert_int_equal(tplc_lifecycle_evaluate(&st, in, day, &err), 0);
	return st;
}

static enum tplc_lifecycle stage_on(const struct tplc_lifecycle_input *in,
                                    const char *day)
{
	return judge(in, day).stage;
}

static bool has_reason(const struct tplc_lifecycle_status *st, const char *part)
{
	for (size_t i = 0; i < st->reasons; i++)
		if (strstr(st->reason[i], part))
			return true;
	return false;
}

static void test_stage__dates(void **state)
{
	struct tplc_lifecycle_input in = { .release = "2020-03-01",
		                           .eol = "2026-06-30",
		                           .eos = "2028-06-30" };
	struct tplc_lifecycle_status st;

	(void)state;
	assert_int_equal(stage_on(&in, "2020-02-29"),
	                 TPLC_LIFECYCLE_DEVELOPMENT);
	assert_int_equal(stage_on(&in, "2020-03-01"), TPLC_LIFECYCLE_SUPPORT);
	assert_int_equal(stage_on(&in, "2026-06-29"), TPLC_LIFECYCLE_SUPPORT);
	assert_int_equal(stage_on(&in, "2026-06-30"), TPLC_LIFECYCLE_LIMITED);
	assert_int_equal(stage_on(&in, "2028-06-29"), TPLC_LIFECYCLE_LIMITED);
	assert_int_equal(stage_on(&in, "2028-06-30"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);

	st = judge(&in, "2027-01-01");
	assert_string_equal(st.since, "2026-06-30");
	assert_int_equal(st.next, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_string_equal(st.next_date, "2028-06-30");
	assert_true(has_reason(&st, "EOL 2026-06-30 passed (manufacturer)"));

	st = judge(&in, "2030-01-01");
	assert_string_equal(st.since, "2028-06-30");
	assert_int_equal(st.next, TPLC_LIFECYCLE_UNKNOWN);
	assert_string_equal(st.next_date, "");
	assert_true(has_reason(&st, "EOS 2028-06-30 passed"));

	st = judge(&in, "2019-01-01");
	assert_string_equal(st.since, "");
	assert_int_equal(st.next, TPLC_LIFECYCLE_SUPPORT);
	assert_string_equal(st.next_date, "2020-03-01");
}

/* EOS with no EOL: straight from Support to End of Support; nothing at
 * all known: unknown. */
static void test_stage__partial(void **state)
{
	struct tplc_lifecycle_input eos_only = { .eos = "2027-01-01" };
	struct tplc_lifecycle_input nothing = { 0 };

	(void)state;
	assert_int_equal(stage_on(&eos_only, "2026-12-31"),
	                 TPLC_LIFECYCLE_SUPPORT);
	assert_int_equal(stage_on(&eos_only, "2027-01-01"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_int_equal(stage_on(&nothing, "2026-11-25"),
	                 TPLC_LIFECYCLE_UNKNOWN);
	assert_int_equal(judge(&eos_only, "2026-01-01").next,
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
}

/* The device's own record holds only where it is earlier. */
static void test_stage__device_dates(void **state)
{
	struct tplc_lifecycle_input in = { .eol = "2027-06-30",
		                           .eos = "2029-06-30",
		                           .device_eol = "2026-12-31",
		                           .device_eos = "2030-12-31" };
	struct tplc_lifecycle_status st;

	(void)state;
	assert_int_equal(stage_on(&in, "2026-12-30"), TPLC_LIFECYCLE_SUPPORT);
	st = judge(&in, "2026-12-31");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_LIMITED);
	assert_string_equal(st.eol, "2026-12-31");
	assert_string_equal(st.eol_from, "device");
	assert_string_equal(st.eos, "2029-06-30");
	assert_string_equal(st.eos_from, "product");
	assert_int_equal(stage_on(&in, "2029-06-30"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
	/* a device alone, no product milestones */
	in = (struct tplc_lifecycle_input){ .device_eos = "2025-01-01" };
	assert_int_equal(stage_on(&in, "2024-12-31"), TPLC_LIFECYCLE_SUPPORT);
	assert_int_equal(stage_on(&in, "2025-01-01"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
}

/* A component going out of support, under each decision. */
static void test_stage__components(void **state)
{
	struct tplc_lifecycle_component os = {
		.name = "Windows 10 LTSB 2016",
		.level = TPLC_SUPPORT_MAINTAINED,
		.end_of_support = "2026-10-13",
	};
	struct tplc_lifecycle_input in = { .release = "2018-01-01",
		                           .eol = "2029-01-01",
		                           .components = &os,
		                           .component_count = 1 };
	struct tplc_lifecycle_status st;

	(void)state;
	/* no decision: taken as not mitigated */
	assert_int_equal(stage_on(&in, "2026-10-12"), TPLC_LIFECYCLE_SUPPORT);
	st = judge(&in, "2026-10-13");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_string_equal(st.since, "2026-10-13");
	assert_int_equal(st.unsupported, 1);
	assert_int_equal(st.undecided, 1);
	assert_true(has_reason(&st, "Windows 10 LTSB 2016 out of support "
	                            "since 2026-10-13"));
	assert_true(has_reason(&st, "taken as not mitigated"));

	os.decision = TPLC_DECISION_NOT_MITIGATED;
	assert_int_equal(stage_on(&in, "2026-10-13"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_int_equal(judge(&in, "2026-10-13").undecided, 0);

	os.decision = TPLC_DECISION_MITIGATED;
	assert_int_equal(stage_on(&in, "2026-10-12"), TPLC_LIFECYCLE_SUPPORT);
	st = judge(&in, "2026-10-13");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_LIMITED);
	assert_true(has_reason(&st, "risk mitigated"));
	/* the declared EOS still ends it */
	in.eos = "2030-01-01";
	assert_int_equal(stage_on(&in, "2029-12-31"), TPLC_LIFECYCLE_LIMITED);
	assert_int_equal(stage_on(&in, "2030-01-01"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);

	os.decision = TPLC_DECISION_ACCEPTABLE;
	st = judge(&in, "2026-10-13");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_SUPPORT);
	assert_true(has_reason(&st, "risk acceptable"));
	/* then the declared EOL moves it on */
	assert_int_equal(stage_on(&in, "2029-01-01"), TPLC_LIFECYCLE_LIMITED);
}

/* No date: "not maintained" or "abandoned" is out of support on any
 * day; "maintained" with no date never is; unknown says nothing. */
static void test_stage__undated_components(void **state)
{
	struct tplc_lifecycle_component c[3] = {
		{ .name = "jquery 1.12.4", .level = TPLC_SUPPORT_MAINTAINED },
		{ .name = "zlib", .level = TPLC_SUPPORT_UNKNOWN },
		{ .name = "request 2.88.0", .level = TPLC_SUPPORT_ABANDONED },
	};
	struct tplc_lifecycle_input in = { .components = c,
		                           .component_count = 2 };
	struct tplc_lifecycle_status st;

	(void)state;
	/* a known level alone makes the stage known */
	assert_int_equal(stage_on(&in, "2026-11-25"), TPLC_LIFECYCLE_SUPPORT);
	in.component_count = 3;
	st = judge(&in, "2000-01-01");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_string_equal(st.since, "");
	assert_true(has_reason(&st, "request 2.88.0 abandoned"));
	c[2].decision = TPLC_DECISION_MITIGATED;
	assert_int_equal(stage_on(&in, "2026-11-25"), TPLC_LIFECYCLE_LIMITED);
	/* "not maintained" as of an SBOM's date counts from that day */
	c[2].unsupported_since = "2024-05-01";
	c[2].decision = TPLC_DECISION_NONE;
	assert_int_equal(stage_on(&in, "2024-04-30"), TPLC_LIFECYCLE_SUPPORT);
	st = judge(&in, "2024-05-01");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_string_equal(st.since, "2024-05-01");
	assert_true(has_reason(&st, "abandoned as of 2024-05-01"));
	/* only unknown: nothing known */
	in.components = &c[1];
	in.component_count = 1;
	assert_int_equal(stage_on(&in, "2026-11-25"), TPLC_LIFECYCLE_UNKNOWN);
}

/* The worst rule wins, and every reason that led there is given. */
static void test_stage__worst_wins(void **state)
{
	struct tplc_lifecycle_component c[2] = {
		{ .name = "OpenSSL 1.0.2u",
		  .level = TPLC_SUPPORT_NOT_MAINTAINED,
		  .end_of_support = "2019-12-31",
		  .decision = TPLC_DECISION_MITIGATED },
		{ .name = "Python 2.7.15",
		  .level = TPLC_SUPPORT_NOT_MAINTAINED,
		  .end_of_support = "2020-01-01",
		  .decision = TPLC_DECISION_NOT_MITIGATED },
	};
	struct tplc_lifecycle_input in = { .eol = "2030-01-01",
		                           .components = c,
		                           .component_count = 2 };
	struct tplc_lifecycle_status st;

	(void)state;
	assert_int_equal(stage_on(&in, "2019-12-30"), TPLC_LIFECYCLE_SUPPORT);
	assert_int_equal(stage_on(&in, "2019-12-31"), TPLC_LIFECYCLE_LIMITED);
	st = judge(&in, "2020-01-01");
	assert_int_equal(st.stage, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_true(has_reason(&st, "Python 2.7.15"));
	assert_int_equal(st.unsupported, 2);
	st = judge(&in, "2019-12-31");
	assert_string_equal(st.since, "2019-12-31");
	assert_int_equal(st.next, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_string_equal(st.next_date, "2020-01-01");
}

static void test_stage__spans(void **state)
{
	struct tplc_lifecycle_input in = { .release = "2020-03-01",
		                           .eol = "2026-06-30",
		                           .eos = "2028-06-30" };
	struct tplc_lifecycle_span spans[8];
	struct tplc_error err;
	size_t n;

	(void)state;
	assert_int_equal(tplc_lifecycle_spans(&in, spans, 8, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(spans[0].stage, TPLC_LIFECYCLE_DEVELOPMENT);
	assert_string_equal(spans[0].from, "");
	assert_string_equal(spans[0].to, "2020-03-01");
	assert_int_equal(spans[1].stage, TPLC_LIFECYCLE_SUPPORT);
	assert_string_equal(spans[1].from, "2020-03-01");
	assert_string_equal(spans[1].to, "2026-06-30");
	assert_int_equal(spans[2].stage, TPLC_LIFECYCLE_LIMITED);
	assert_int_equal(spans[3].stage, TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_string_equal(spans[3].from, "2028-06-30");
	assert_string_equal(spans[3].to, "");
	/* too small a buffer still counts them all */
	assert_int_equal(tplc_lifecycle_spans(&in, spans, 2, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_string_equal(spans[1].to, "2026-06-30");
}

static void test_stage__bad_dates(void **state)
{
	struct tplc_lifecycle_input in = { .eol = "2026-02-30" };
	struct tplc_lifecycle_status st;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_lifecycle_evaluate(&st, &in, "2026-01-01", &err),
	                 TPLC_EINVAL);
	assert_non_null(strstr(err.message, "2026-02-30"));
	in.eol = NULL;
	assert_int_equal(tplc_lifecycle_evaluate(&st, &in, "yesterday", &err),
	                 TPLC_EINVAL);
}

static void test_stage__names(void **state)
{
	(void)state;
	assert_string_equal(tplc_lifecycle_name(TPLC_LIFECYCLE_LIMITED),
	                    "Limited Support");
	assert_int_equal(tplc_lifecycle_parse("eos"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_int_equal(tplc_lifecycle_parse("Limited Support"),
	                 TPLC_LIFECYCLE_LIMITED);
	/* SPDX 3.0 supportLevel */
	assert_int_equal(tplc_lifecycle_parse("limitedSupport"),
	                 TPLC_LIFECYCLE_LIMITED);
	assert_int_equal(tplc_lifecycle_parse("noSupport"),
	                 TPLC_LIFECYCLE_END_OF_SUPPORT);
	assert_int_equal(tplc_lifecycle_parse("retired"), -1);
	assert_int_equal(tplc_component_decision_parse("not-mitigated"),
	                 TPLC_DECISION_NOT_MITIGATED);
	assert_int_equal(tplc_component_decision_parse("maybe"), -1);
}

/* Two years' notice, on both sides of the line. */
static void test_stage__notice_lead(void **state)
{
	(void)state;
	assert_false(tplc_notice_short("2025-06-30", "2027-06-30"));
	assert_true(tplc_notice_short("2025-07-01", "2027-06-30"));
	/* 14 months ahead */
	assert_true(tplc_notice_short("2026-04-30", "2027-06-30"));
	/* Feb 29 plus two years is Feb 28 */
	assert_false(tplc_notice_short("2024-02-29", "2026-02-28"));
	assert_true(tplc_notice_short("2024-02-29", "2026-02-27"));
	assert_false(tplc_notice_short(NULL, "2026-02-27"));
}

static void test_stage__dates_arithmetic(void **state)
{
	char out[TPLX_DATE_SIZE];

	(void)state;
	assert_true(tplx_date_valid("2024-02-29"));
	assert_false(tplx_date_valid("2026-02-29"));
	assert_false(tplx_date_valid("2026-13-01"));
	assert_false(tplx_date_valid("2026-1-01"));
	assert_true(tplx_date_valid("2026-11-25T10:00:00Z"));
	assert_int_equal(tplx_date_days("1970-01-01"), 0);
	assert_int_equal(tplx_date_days("2000-03-01"), 11017);
	assert_int_equal(tplx_date_diff("2026-11-25", "2027-11-25"), 365);
	assert_int_equal(tplx_date_diff("2027-11-25", "2028-11-25"), 366);
	tplx_date_add_days(out, "2026-12-31", 1);
	assert_string_equal(out, "2027-01-01");
	tplx_date_add_days(out, "2024-03-01", -1);
	assert_string_equal(out, "2024-02-29");
	tplx_date_add_years(out, "2024-02-29", 3);
	assert_string_equal(out, "2027-02-28");
	tplx_date_add_years(out, "2030-06-30", -3);
	assert_string_equal(out, "2027-06-30");
	/* years 0001 to 9999 round-trip */
	for (long d = -700000; d < 2900000; d += 997) {
		tplx_date_from_days(out, d);
		assert_int_equal(tplx_date_days(out), d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stage__dates),
		cmocka_unit_test(test_stage__partial),
		cmocka_unit_test(test_stage__device_dates),
		cmocka_unit_test(test_stage__components),
		cmocka_unit_test(test_stage__undated_components),
		cmocka_unit_test(test_stage__worst_wins),
		cmocka_unit_test(test_stage__spans),
		cmocka_unit_test(test_stage__bad_dates),
		cmocka_unit_test(test_stage__names),
		cmocka_unit_test(test_stage__notice_lead),
		cmocka_unit_test(test_stage__dates_arithmetic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

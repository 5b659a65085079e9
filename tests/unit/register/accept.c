/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Risk acceptance's pure rules: the expiry limit on both sides (a year,
 * Feb 29 to Feb 28, 90 days under KEV), the tally of votes and the names.
 */
#include <string.h>

#include "test.h"
#include "tplc/accept.h"

static void test_accept__one_year(void **state)
{
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_accept_expiry_check("2027-10-01", "2026-10-01",
	                                          false, &err),
	                 0);
	assert_int_equal(tplc_accept_expiry_check("2027-10-02", "2026-10-01",
	                                          false, &err),
	                 TPLC_EINVAL);
	assert_non_null(strstr(err.message, "2027-10-01 at the latest"));
	assert_non_null(strstr(err.message, "12 months"));
	assert_int_equal(tplc_accept_expiry_check("2026-10-02", "2026-10-01",
	                                          false, &err),
	                 0);
	/* today and before: not after today */
	assert_int_equal(tplc_accept_expiry_check("2026-10-01", "2026-10-01",
	                                          false, &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_accept_expiry_check("2026-09-30", "2026-10-01",
	                                          false, &err),
	                 TPLC_EINVAL);
}

static void test_accept__leap_day(void **state)
{
	struct tplc_error err;
	char limit[11];

	(void)state;
	tplc_accept_expiry_limit(limit, "2028-02-29", false);
	assert_string_equal(limit, "2029-02-28");
	assert_int_equal(tplc_accept_expiry_check("2029-02-28", "2028-02-29",
	                                          false, &err),
	                 0);
	assert_int_equal(tplc_accept_expiry_check("2029-03-01", "2028-02-29",
	                                          false, &err),
	                 TPLC_EINVAL);
	assert_non_null(strstr(err.message, "2029-02-28 at the latest"));
}

static void test_accept__kev(void **state)
{
	struct tplc_error err;
	char limit[11];

	(void)state;
	tplc_accept_expiry_limit(limit, "2026-10-01", true);
	assert_string_equal(limit, "2026-12-30");
	assert_int_equal(tplc_accept_expiry_check("2026-12-30", "2026-10-01",
	                                          true, &err),
	                 0);
	assert_int_equal(tplc_accept_expiry_check("2026-12-31", "2026-10-01",
	                                          true, &err),
	                 TPLC_EINVAL);
	assert_non_null(strstr(err.message, "90 days"));
	assert_non_null(strstr(err.message, "2026-12-30 at the latest"));
	/* KEV across a year end and a leap day: 2027-12-15 + 90 */
	tplc_accept_expiry_limit(limit, "2027-12-15", true);
	assert_string_equal(limit, "2028-03-14");
}

static void test_accept__bad_dates(void **state)
{
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_accept_expiry_check("2027-02-29", "2026-10-01",
	                                          false, &err),
	                 TPLC_EINVAL);
	assert_non_null(strstr(err.message, "not a date"));
	assert_int_equal(tplc_accept_expiry_check("2027-01-01T00:00:00Z",
	                                          "2026-10-01", false, &err),
	                 TPLC_EINVAL);
	assert_int_equal(
	        tplc_accept_expiry_check(NULL, "2026-10-01", false, &err),
	        TPLC_EINVAL);
	assert_int_equal(
	        tplc_accept_expiry_check("tomorrow", "2026-10-01", false, &err),
	        TPLC_EINVAL);
}

static void test_accept__tally(void **state)
{
	(void)state;
	assert_int_equal(tplc_accept_tally(0, 0, 2), TPLC_ACCEPT_PENDING);
	assert_int_equal(tplc_accept_tally(1, 0, 2), TPLC_ACCEPT_PENDING);
	assert_int_equal(tplc_accept_tally(2, 0, 2), TPLC_ACCEPT_APPROVED);
	assert_int_equal(tplc_accept_tally(3, 0, 2), TPLC_ACCEPT_APPROVED);
	/* any rejection rejects, however many approved */
	assert_int_equal(tplc_accept_tally(0, 1, 2), TPLC_ACCEPT_REJECTED);
	assert_int_equal(tplc_accept_tally(1, 1, 2), TPLC_ACCEPT_REJECTED);
	assert_int_equal(tplc_accept_tally(1, 0, 1), TPLC_ACCEPT_APPROVED);
	/* a quorum of 0 approves nothing */
	assert_int_equal(tplc_accept_tally(5, 0, 0), TPLC_ACCEPT_PENDING);
}

static void test_accept__names(void **state)
{
	(void)state;
	assert_int_equal(tplc_accept_residual_parse("low"), TPLC_RESIDUAL_LOW);
	assert_int_equal(tplc_accept_residual_parse("Critical"),
	                 TPLC_RESIDUAL_CRITICAL);
	assert_int_equal(tplc_accept_residual_parse("severe"), -1);
	assert_int_equal(tplc_accept_residual_parse(NULL), -1);
	assert_string_equal(tplc_accept_residual_name(TPLC_RESIDUAL_MEDIUM),
	                    "medium");
	assert_int_equal(tplc_accept_status_parse("expired"),
	                 TPLC_ACCEPT_EXPIRED);
	assert_int_equal(tplc_accept_status_parse("open"), -1);
	assert_string_equal(tplc_accept_status_name(TPLC_ACCEPT_APPROVED),
	                    "approved");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept__one_year),
		cmocka_unit_test(test_accept__leap_day),
		cmocka_unit_test(test_accept__kev),
		cmocka_unit_test(test_accept__bad_dates),
		cmocka_unit_test(test_accept__tally),
		cmocka_unit_test(test_accept__names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

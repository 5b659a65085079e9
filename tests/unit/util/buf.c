/* SPDX-License-Identifier: Apache-2.0 */
#include <string.h>

#include "test.h"
#include "tplc/error.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

static void test_buf__append_and_limit(void **state)
{
	struct tplx_buf buf = TPLX_BUF_INIT(8);

	(void)state;
	assert_int_equal(tplx_buf_adds(&buf, "abc"), 0);
	assert_int_equal(tplx_buf_addf(&buf, "%d", 1234), 0);
	assert_string_equal(tplx_buf_str(&buf), "abc1234");
	assert_int_equal(tplx_buf_adds(&buf, "xy"), TPLC_ELIMIT);
	assert_string_equal(tplx_buf_str(&buf), "abc1234");
	tplx_buf_release(&buf);
}

static void test_error__format(void **state)
{
	struct tplc_error err;
	char msg[512];

	(void)state;
	tplc_error_set_at(&err, TPLC_EPARSE, "sbom.json", 41, 17,
	                  "components[3].version", "expected a string");
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "sbom.json:41:17: components[3].version: "
	                    "expected a string");
	tplc_error_set(&err, TPLC_ENOINPUT, "no such file");
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "no such file");
}

static void test_arena__strings(void **state)
{
	struct tplx_arena *a = tplx_arena_new();
	char *big;

	(void)state;
	assert_string_equal(tplx_arena_strdup(a, "hello"), "hello");
	assert_string_equal(tplx_arena_printf(a, "%s-%d", "x", 3), "x-3");
	big = tplx_arena_alloc(a, 100000);
	assert_non_null(big);
	memset(big, 'z', 100000);
	assert_true(tplx_arena_used(a) >= 100000);
	tplx_arena_free(a);
}

static void test_str__parsers(void **state)
{
	long v;
	char s[] = "  padded \n";

	(void)state;
	assert_int_equal(tplx_parse_long("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(tplx_parse_long("42x", 0, 100, &v), -1);
	assert_int_equal(tplx_parse_long("101", 0, 100, &v), -1);
	assert_string_equal(tplx_trim(s), "padded");
	assert_true(tplx_is_iso_date("2024-02-29"));
	assert_false(tplx_is_iso_date("2024-13-01"));
	assert_true(tplx_is_iso_datetime("2020-04-13T20:20:39+00:00"));
	assert_true(tplx_is_iso_datetime("2021-01-01T00:00:00.123Z"));
	assert_false(tplx_is_iso_datetime("2020-04-13"));
	assert_false(tplx_is_iso_datetime("2020-04-13T20:20:39"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf__append_and_limit),
		cmocka_unit_test(test_error__format),
		cmocka_unit_test(test_arena__strings),
		cmocka_unit_test(test_str__parsers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/alloc.h"
#include "util/csv.h"

/* Read every row of text; the fields of all rows joined as "a|b/c|d/". */
static int read_all(const char *text, size_t len, size_t columns, char *out,
                    size_t size, struct tplc_error *err)
{
	struct tplx_csv csv;
	const struct tplx_csv_field *f;
	size_t n, i, used = 0;
	int error;

	out[0] = '\0';
	tplx_csv_init(&csv, text, len, "t.csv");
	tplx_csv_set_columns(&csv, columns);
	while ((error = tplx_csv_next(&csv, &f, &n, err)) > 0) {
		for (i = 0; i < n; i++)
			used += (size_t)snprintf(out + used, size - used,
			                         "%s%s", f[i].text,
			                         i + 1 < n ? "|" : "/");
	}
	tplx_csv_release(&csv);
	return error;
}

static void expect_rows(const char *text, const char *rows)
{
	struct tplc_error err;
	char out[1024];

	assert_int_equal(
	        read_all(text, strlen(text), 0, out, sizeof(out), &err), 0);
	assert_string_equal(out, rows);
}

static void expect_error(const char *text, size_t len, size_t columns, int code,
                         const char *message)
{
	struct tplc_error err;
	char out[1024], formatted[1024];

	assert_int_equal(read_all(text, len, columns, out, sizeof(out), &err),
	                 code);
	tplc_error_format(&err, formatted, sizeof(formatted));
	assert_string_equal(formatted, message);
}

static void test_csv__rfc4180(void **state)
{
	(void)state;
	expect_rows("a,b,c\r\n1,\"x,y\",\"he said \"\"hi\"\"\"\r\n",
	            "a|b|c/1|x,y|he said \"hi\"/");
	/* LF, no final newline, empty fields, a lone CR ends a line */
	expect_rows("a,,c\n,\n\"\"\rz", "a||c/|//z/");
	/* newlines inside quotes are kept (as LF) */
	expect_rows("\"one\r\ntwo\",\"3\n4\"\nx,y\n", "one\ntwo|3\n4/x|y/");
	/* empty lines are skipped, a row of empty fields is not */
	expect_rows("\n\na\r\n\r\n\nb\n,\n\n", "a/b/|/");
	expect_rows("", "");
	/* UTF-8 BOM skipped */
	expect_rows("\xef\xbb\xbf"
	            "id,name\n1,caf\xc3\xa9\n",
	            "id|name/1|caf\xc3\xa9/");
}

static void test_csv__locations(void **state)
{
	const char *text = "\xef\xbb\xbf"
	                   "a,\"b\nc\",d\r\n\n  e ,\"f\"\n";
	struct tplx_csv csv;
	const struct tplx_csv_field *f;
	struct tplc_error err;
	size_t n;

	(void)state;
	tplx_csv_init(&csv, text, strlen(text), "t.csv");
	assert_int_equal(tplx_csv_next(&csv, &f, &n, &err), 1);
	assert_int_equal(n, 3);
	assert_int_equal(tplx_csv_row_line(&csv), 1);
	assert_int_equal(f[0].line, 1);
	assert_int_equal(f[0].column, 1); /* the BOM is not a column */
	assert_int_equal(f[1].column, 3);
	assert_true(f[1].quoted);
	assert_int_equal(f[1].len, 3);
	assert_int_equal(f[2].line, 2);
	assert_int_equal(f[2].column, 4);
	assert_int_equal(tplx_csv_next(&csv, &f, &n, &err), 1);
	assert_int_equal(tplx_csv_row_line(&csv), 4);
	assert_string_equal(f[0].text, "  e ");
	assert_int_equal(f[1].line, 4);
	assert_int_equal(f[1].column, 6);
	assert_false(f[0].quoted);
	assert_int_equal(tplx_csv_next(&csv, &f, &n, &err), 0);
	assert_int_equal(tplx_csv_next(&csv, &f, &n, &err), 0);
	tplx_csv_fail(&csv, NULL, "Tag", &err, "row error");
	tplx_csv_release(&csv);
	tplx_csv_release(&csv);
}

static void test_csv__errors(void **state)
{
	(void)state;
	expect_error("a,b\n1,\"open\n2,3\n", 16, 0, TPLC_EPARSE,
	             "t.csv:2:3: unterminated quoted field");
	expect_error("a,b\nx,y\"z\n", 10, 0, TPLC_EPARSE,
	             "t.csv:2:4: stray quote in unquoted field");
	expect_error("a,\"b\"c\n", 7, 0, TPLC_EPARSE,
	             "t.csv:1:6: stray character after closing quote");
	expect_error("a,b\n1,2,3\n", 10, 2, TPLC_EPARSE,
	             "t.csv:2:5: expected 2 fields, found 3");
	expect_error("a,b\n\n1\n", 7, 2, TPLC_EPARSE,
	             "t.csv:3:1: expected 2 fields, found 1");
	expect_error("a,b\x00z\n", 6, 0, TPLC_EPARSE,
	             "t.csv:1:4: NUL byte in field");
	expect_error("a\n\"b\xff\"\n", 6, 0, TPLC_EPARSE,
	             "t.csv:2:3: invalid UTF-8");
	expect_error("\xc0\x80", 2, 0, TPLC_EPARSE, "t.csv:1:1: invalid UTF-8");
	expect_error("\xed\xa0\x80", 3, 0, TPLC_EPARSE,
	             "t.csv:1:1: invalid UTF-8");
	expect_error("ab\xe2\x82", 4, 0, TPLC_EPARSE,
	             "t.csv:1:3: invalid UTF-8");
}

static void test_csv__limits(void **state)
{
	size_t big = TPLX_CSV_FIELD_MAX + 1, i;
	char *text = malloc(big + 8);
	char expected[128];

	(void)state;
	assert_non_null(text);
	memcpy(text, "x,", 2);
	memset(text + 2, 'a', big);
	snprintf(expected, sizeof(expected),
	         "t.csv:1:3: field longer than %zu bytes", TPLX_CSV_FIELD_MAX);
	expect_error(text, big + 2, 0, TPLC_ELIMIT, expected);
	/* exactly the maximum is fine */
	{
		struct tplx_csv csv;
		const struct tplx_csv_field *f;
		struct tplc_error err;
		size_t n;

		tplx_csv_init(&csv, text, big + 1, "t.csv");
		assert_int_equal(tplx_csv_next(&csv, &f, &n, &err), 1);
		assert_int_equal(f[1].len, TPLX_CSV_FIELD_MAX);
		tplx_csv_release(&csv);
	}
	for (i = 0; i < TPLX_CSV_COLUMNS_MAX + 1; i++)
		text[i] = ',';
	snprintf(expected, sizeof(expected),
	         "t.csv:1:%zu: more than %zu fields in a row",
	         TPLX_CSV_COLUMNS_MAX + 1, TPLX_CSV_COLUMNS_MAX);
	expect_error(text, TPLX_CSV_COLUMNS_MAX + 1, 0, TPLC_ELIMIT, expected);
	free(text);
}

static void test_csv__out_of_memory(void **state)
{
	const char *text = "a,\"b\"\"c\",d\n1,2,3\n";
	struct tplc_error err;
	char out[256];
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = read_all(text, strlen(text), 3, out, sizeof(out), &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_string_equal(out, "a|b\"c|d/1|2|3/");
	assert_true(n > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv__rfc4180),
		cmocka_unit_test(test_csv__locations),
		cmocka_unit_test(test_csv__errors),
		cmocka_unit_test(test_csv__limits),
		cmocka_unit_test(test_csv__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

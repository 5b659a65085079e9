/* SPDX-License-Identifier: Apache-2.0 */
/*
 * FIRST EPSS CSV, plain and gzip'd.  No real file is in the shared data
 * (data/README.md): the tests write their own in the published form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "test.h"
#include "tplc/advisory.h"
#include "util/alloc.h"

static const char scores[] =
        "#model_version:v2023.03.01,score_date:2023-03-05T00:00:00+0000\n"
        "cve,epss,percentile\n"
        "CVE-1999-0001,0.01042,0.82797\n"
        "CVE-2021-44228,0.97565,0.99996\n"
        "CVE-2024-12345,0.00043,0.0\n";

static char *gzip_text(const char *text, size_t *len)
{
	z_stream z;
	size_t cap = strlen(text) + 1024;
	char *out = malloc(cap);

	memset(&z, 0, sizeof(z));
	assert_int_equal(
	        deflateInit2(&z, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY),
	        Z_OK);
	z.next_in = (Bytef *)(uintptr_t)text;
	z.avail_in = (uInt)strlen(text);
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*len = z.total_out;
	deflateEnd(&z);
	return out;
}

static void check_scores(const struct tplc_advisory *adv)
{
	const struct tplc_vuln *v;

	assert_string_equal(adv->source, "epss");
	assert_string_equal(adv->id, "epss-2023-03-05");
	assert_string_equal(adv->publisher, "FIRST");
	assert_string_equal(adv->published, "2023-03-05");
	assert_int_equal(adv->vuln_count, 3);
	assert_int_equal(adv->affected_count, 0);
	v = &adv->vulns[1];
	assert_string_equal(v->id, "CVE-2021-44228");
	assert_true(v->has_epss);
	assert_true(v->epss == 0.97565);
	assert_true(v->epss_percentile == 0.99996);
	assert_string_equal(v->epss_date, "2023-03-05");
	assert_string_equal(v->epss_model, "v2023.03.01");
	assert_true(v->cvss_score < 0);
	assert_false(v->kev);
	assert_true(adv->vulns[2].epss_percentile == 0.0);
}

static void test_epss__plain_and_gzip(void **state)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	size_t len;
	char *gz;

	(void)state;
	assert_int_equal(
	        tplc_epss_parse(&adv, scores, strlen(scores), "e.csv", &err),
	        0);
	check_scores(adv);
	tplc_advisory_free(adv);
	gz = gzip_text(scores, &len);
	assert_int_equal(
	        tplc_advisory_parse(&adv, "epss", gz, len, "e.csv.gz", &err),
	        0);
	check_scores(adv);
	tplc_advisory_free(adv);
	/* a damaged gzip: cut short */
	assert_int_equal(tplc_epss_parse(&adv, gz, len - 8, "e.csv.gz", &err),
	                 TPLC_EPARSE);
	assert_null(adv);
	free(gz);
}

static void expect_error(const char *text, const char *message)
{
	struct tplc_advisory *adv = (struct tplc_advisory *)1;
	struct tplc_error err;
	char msg[1024];

	assert_int_equal(
	        tplc_epss_parse(&adv, text, strlen(text), "e.csv", &err),
	        TPLC_EPARSE);
	assert_null(adv);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)), message);
}

#define HEAD "#model_version:v2023.03.01,score_date:2023-03-05T00:00:00Z\n"

static void test_epss__errors(void **state)
{
	(void)state;
	expect_error("", "e.csv:1:1: empty file: expected "
	                 "#model_version:...,score_date:... and "
	                 "cve,epss,percentile");
	expect_error("cve,epss,percentile\nCVE-1999-0001,0.1,0.2\n",
	             "e.csv:1:1: expected the line "
	             "#model_version:...,score_date:...");
	expect_error("#model_version:v1\ncve,epss,percentile\n",
	             "e.csv:1:1: expected model_version and score_date");
	expect_error("#model_version:v1,score_date:yesterday\n",
	             "e.csv:1:19: score_date: expected a date "
	             "(YYYY-MM-DD...)");
	expect_error(HEAD "cve,epss\n",
	             "e.csv:2:1: percentile: missing column");
	expect_error(HEAD "cve,epss,percentile\nCVE-1999-0001,1.5,0.2\n",
	             "e.csv:3:15: epss: expected a number from 0 to 1");
	expect_error(HEAD "cve,epss,percentile\nCVE-1999-0001,0.1,-0.2\n",
	             "e.csv:3:19: percentile: expected a number from 0 to 1");
	expect_error(HEAD "cve,epss,percentile\nCVE-1999-0001,nan,0.2\n",
	             "e.csv:3:15: epss: expected a number from 0 to 1");
	expect_error(HEAD "cve,epss,percentile\nCVE-99-1,0.1,0.2\n",
	             "e.csv:3:1: cve: expected a CVE id (CVE-YYYY-NNNN)");
	expect_error(HEAD "cve,epss,percentile\nCVE-1999-0001,0.1\n",
	             "e.csv:3:1: expected 3 fields, found 2");
}

static void test_epss__out_of_memory(void **state)
{
	struct tplc_advisory *adv;
	struct tplc_error err;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_epss_parse(&adv, scores, strlen(scores), "m",
		                        &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_null(adv);
	}
	assert_true(n > 0);
	check_scores(adv);
	tplc_advisory_free(adv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epss__plain_and_gzip),
		cmocka_unit_test(test_epss__errors),
		cmocka_unit_test(test_epss__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

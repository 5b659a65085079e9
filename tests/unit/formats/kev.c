/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/advisory.h"
#include "util/alloc.h"

static struct tplc_advisory *parse_file(const char *rel, bool json)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	char msg[1024];
	size_t len;
	char *data = tplt_read_file(tplt_shared(rel), &len);
	int error = json ? tplc_kev_parse_json(&adv, data, len, rel, &err)
	                 : tplc_kev_parse_csv(&adv, data, len, rel, &err);

	free(data); /* the advisory must not borrow from it */
	if (error != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return adv;
}

static bool same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Field by field; returns the name of the first field that differs. */
static const char *vuln_diff(const struct tplc_vuln *a,
                             const struct tplc_vuln *b)
{
#define FIELD(f)               \
	if (!same(a->f, b->f)) \
		return #f;
	FIELD(id)
	FIELD(title)
	FIELD(description)
	FIELD(published)
	FIELD(modified)
	FIELD(cvss_vector)
	FIELD(cwe)
	FIELD(kev_date_added)
	FIELD(kev_due_date)
	FIELD(kev_ransomware)
	FIELD(kev_action)
	FIELD(kev_vendor)
	FIELD(kev_product)
#undef FIELD
	if (a->kev != b->kev)
		return "kev";
	if (a->cvss_score != b->cvss_score)
		return "cvss_score";
	if (a->alias_count != b->alias_count)
		return "aliases";
	return NULL;
}

static void test_kev__json_and_csv_identical(void **state)
{
	struct tplc_advisory *json, *csv;
	size_t i, identical = 0;
	const char *diff;

	(void)state;
	json = parse_file("advisories/kev/known_exploited_vulnerabilities.json",
	                  true);
	csv = parse_file("advisories/kev/known_exploited_vulnerabilities.csv",
	                 false);
	assert_string_equal(json->source, "kev");
	assert_string_equal(json->id, "2025.08.25");
	assert_string_equal(json->title,
	                    "CISA Catalog of Known Exploited Vulnerabilities");
	assert_string_equal(json->published, "2025-08-25T17:04:19.9796Z");
	assert_string_equal(json->publisher, "CISA");
	assert_string_equal(csv->id, "kev");
	assert_null(csv->published);
	assert_int_equal(json->vuln_count, 1404);
	assert_int_equal(csv->vuln_count, json->vuln_count);
	assert_int_equal(json->affected_count, 0);
	assert_int_equal(csv->affected_count, 0);
	for (i = 0; i < json->vuln_count; i++) {
		diff = vuln_diff(&json->vulns[i], &csv->vulns[i]);
		if (diff != NULL)
			fail_msg("record %zu (%s): %s differs", i,
			         json->vulns[i].id, diff);
		identical++;
	}
	tplt_conformance("KEV: %zu/%zu records identical in JSON and CSV",
	                 identical, json->vuln_count);

	/* the first record, field by field */
	assert_string_equal(csv->vulns[0].id, "CVE-2025-48384");
	assert_true(csv->vulns[0].kev);
	assert_string_equal(csv->vulns[0].kev_vendor, "Git");
	assert_string_equal(csv->vulns[0].kev_product, "Git");
	assert_string_equal(csv->vulns[0].title,
	                    "Git Link Following Vulnerability");
	assert_string_equal(csv->vulns[0].kev_date_added, "2025-08-25");
	assert_string_equal(csv->vulns[0].kev_due_date, "2025-09-15");
	assert_string_equal(csv->vulns[0].kev_ransomware, "Unknown");
	assert_string_equal(csv->vulns[0].cwe, "CWE-59"); /* first of two */
	assert_int_equal(
	        strncmp(csv->vulns[0].kev_action, "Apply mitigations", 17), 0);
	assert_true(csv->vulns[0].cvss_score < 0);
	assert_null(csv->vulns[0].cvss_vector);
	tplc_advisory_free(json);
	tplc_advisory_free(csv);
}

static const char json_head[] = "{\"catalogVersion\": \"1\",\n"
                                " \"dateReleased\": \"2025-01-01T00:00:00Z\",\n"
                                " \"count\": 1,\n"
                                " \"vulnerabilities\": [{\n";
#define RECORD_TAIL                                                     \
	" \"vendorProject\": \"V\", \"product\": \"P\",\n"              \
	" \"vulnerabilityName\": \"N\", \"shortDescription\": \"D\",\n" \
	" \"requiredAction\": \"A\", \"dueDate\": \"2025-02-01\",\n"    \
	" \"cwes\": []}]}"

static void expect_json_error(const char *record, int code, const char *message)
{
	struct tplc_advisory *adv = (struct tplc_advisory *)1;
	struct tplc_error err;
	char text[2048], msg[1024];

	snprintf(text, sizeof(text), "%s%s", json_head, record);
	assert_int_equal(
	        tplc_kev_parse_json(&adv, text, strlen(text), "k.json", &err),
	        code);
	assert_null(adv);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)), message);
}

static void test_kev__json_errors(void **state)
{
	(void)state;
	expect_json_error(" \"cveID\": \"CVE-2025-1\", \"dateAdded\": "
	                  "\"2025-01-01\",\n" RECORD_TAIL,
	                  TPLC_EPARSE,
	                  "k.json:5:11: vulnerabilities[0].cveID: expected a "
	                  "CVE ID (CVE-YYYY-NNNN)");
	expect_json_error(" \"cveID\": \"CVE-2025-1234\", \"dateAdded\": "
	                  "\"01/02/2025\",\n" RECORD_TAIL,
	                  TPLC_EPARSE,
	                  "k.json:5:41: vulnerabilities[0].dateAdded: "
	                  "expected a date (YYYY-MM-DD)");
	expect_json_error(" \"cveID\": \"CVE-2025-1234\", \"dateAdded\": "
	                  "7,\n" RECORD_TAIL,
	                  TPLC_EPARSE,
	                  "k.json:5:41: vulnerabilities[0].dateAdded: "
	                  "expected a string, found a number");
	expect_json_error(" \"cveID\": \"CVE-2025-1234\"," RECORD_TAIL,
	                  TPLC_EPARSE,
	                  "k.json:4:22: vulnerabilities[0].dateAdded: "
	                  "required value is missing");
	expect_json_error(" \"cveID\": \"CVE-2025-1234\", \"dateAdded\": "
	                  "\"2025-01-01\", \"cwes\": [1]}]}",
	                  TPLC_EPARSE,
	                  "k.json:5:64: vulnerabilities[0].cwes[0]: expected a "
	                  "string, found a number");
	expect_json_error(" \"cveID\": \"CVE-2025-1234\", \"dateAdded\": "
	                  "\"2025-01-01\"}, 5]}",
	                  TPLC_EPARSE,
	                  "k.json:3:11: count: count is 1 but the catalogue "
	                  "holds 2 records");
	expect_json_error(" \"cveID\": \"CVE-2025-1234\", \"dateAdded\": "
	                  "\"2025-01-01\",\n" RECORD_TAIL " x",
	                  TPLC_EPARSE, "k.json:9:17: trailing garbage");
}

static const char csv_head[] =
        "cveID,vendorProject,product,vulnerabilityName,dateAdded,"
        "shortDescription,requiredAction,dueDate,"
        "knownRansomwareCampaignUse,notes,cwes\r\n";

static void expect_csv_error(const char *text, int code, const char *message)
{
	struct tplc_advisory *adv = (struct tplc_advisory *)1;
	struct tplc_error err;
	char msg[1024];

	assert_int_equal(
	        tplc_kev_parse_csv(&adv, text, strlen(text), "k.csv", &err),
	        code);
	assert_null(adv);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)), message);
}

static void test_kev__csv_errors(void **state)
{
	char text[2048];

	(void)state;
	expect_csv_error("", TPLC_EPARSE,
	                 "k.csv:1:1: empty file: expected a header row "
	                 "(cveID,vendorProject,...)");
	expect_csv_error("cveID,product\n", TPLC_EPARSE,
	                 "k.csv:1:1: vendorProject: missing column");
	snprintf(text, sizeof(text),
	         "%sCVE-2024-0001,V,P,N,2024-01-01,D,A,2024-13-01,Known,,\r\n",
	         csv_head);
	expect_csv_error(text, TPLC_EPARSE,
	                 "k.csv:2:36: dueDate: expected a date (YYYY-MM-DD)");
	snprintf(text, sizeof(text),
	         "%sCVE-2024-0001,V,P,N,2024-01-01,D,A,2024-02-01,Known,\r\n",
	         csv_head);
	expect_csv_error(text, TPLC_EPARSE,
	                 "k.csv:2:1: expected 11 fields, found 10");
	snprintf(text, sizeof(text),
	         "%sCVE-2024-0001,,P,N,2024-01-01,D,A,2024-02-01,Known,,\r\n",
	         csv_head);
	expect_csv_error(
	        text, TPLC_EPARSE,
	        "k.csv:2:15: vendorProject: required value is missing");
	snprintf(text, sizeof(text),
	         "%sCVE-2024-0001,V,\"P\"x,N,2024-01-01,D,A,2024-02-01,,,\r\n",
	         csv_head);
	expect_csv_error(text, TPLC_EPARSE,
	                 "k.csv:2:20: stray character after closing quote");
}

static void test_kev__csv_quoting_and_order(void **state)
{
	/* columns in another order, quoted newlines, no cwes column */
	const char *text =
	        "\xef\xbb\xbf"
	        "dueDate,cveID,product,vendorProject,vulnerabilityName,"
	        "dateAdded,shortDescription,requiredAction,extra\n"
	        "2024-02-01,CVE-2024-0001,\"Pro, duct\",V,\"Two\nlines\","
	        "2024-01-01,\"He said \"\"no\"\"\",A,x\n";
	struct tplc_advisory *adv;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_advisory_parse(&adv, "kev", text, strlen(text),
	                                     "k.csv", &err),
	                 0);
	assert_int_equal(adv->vuln_count, 1);
	assert_string_equal(adv->vulns[0].kev_product, "Pro, duct");
	assert_string_equal(adv->vulns[0].title, "Two\nlines");
	assert_string_equal(adv->vulns[0].description, "He said \"no\"");
	assert_null(adv->vulns[0].cwe);
	assert_null(adv->vulns[0].kev_ransomware);
	tplc_advisory_free(adv);
	assert_int_equal(tplc_advisory_parse(&adv, "nvd", text, strlen(text),
	                                     "k.csv", &err),
	                 TPLC_EINVAL);
	assert_null(adv);
}

static void test_kev__out_of_memory(void **state)
{
	char json[2048], csv[2048];
	struct tplc_advisory *adv;
	struct tplc_error err;
	int pass, error;
	long n;

	(void)state;
	snprintf(json, sizeof(json),
	         "%s \"cveID\": \"CVE-2025-1234\", \"dateAdded\": "
	         "\"2025-01-01\",\n" RECORD_TAIL,
	         json_head);
	snprintf(csv, sizeof(csv),
	         "%sCVE-2024-0001,V,P,N,2024-01-01,D,A,2024-02-01,Known,,"
	         "\"CWE-1, CWE-2\"\r\n",
	         csv_head);
	for (pass = 0; pass < 2; pass++) {
		const char *text = pass == 0 ? json : csv;

		for (n = 0;; n++) {
			tplx_alloc_fail_after(n);
			error = tplc_advisory_parse(&adv, "kev", text,
			                            strlen(text), "m", &err);
			tplx_alloc_fail_after(-1);
			if (error == 0)
				break;
			assert_int_equal(error, TPLC_ENOMEM);
			assert_null(adv);
		}
		assert_true(n > 0);
		assert_int_equal(adv->vuln_count, 1);
		if (pass == 1)
			assert_string_equal(adv->vulns[0].cwe, "CWE-1");
		tplc_advisory_free(adv);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kev__json_and_csv_identical),
		cmocka_unit_test(test_kev__json_errors),
		cmocka_unit_test(test_kev__csv_errors),
		cmocka_unit_test(test_kev__csv_quoting_and_order),
		cmocka_unit_test(test_kev__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVE JSON 5 records: the fixtures under tests/fixtures/cve5 (Log4Shell
 * with CISA's Vulnrichment ADP, Commons Text with registry packages, a
 * Linux kernel record with git and semver versions, a REJECTED record),
 * every field of the model they fill; located errors; allocation
 * failures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/advisory.h"
#include "tplc/tplc.h"
#include "util/alloc.h"

static const char *fixture(const char *name)
{
	static char path[4096];
	const char *root = getenv("TPLC_SOURCE_ROOT");

	snprintf(path, sizeof(path), "%s/tests/fixtures/cve5/%s",
	         root ? root : ".", name);
	return path;
}

static struct tplc_advisory *parse(const char *name)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	size_t len;
	char *data = tplt_read_file(fixture(name), &len);
	int error = tplc_cve5_parse(&adv, data, len, name, &err);

	free(data);
	if (error != 0)
		fail_msg("%s: %s", name, err.message);
	return adv;
}

static void str_eq(const char *got, const char *want)
{
	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

/* One expected affected entry. */
struct want {
	enum tplc_status status;
	const char *purl, *vendor, *product, *cpe, *range, *text, *fixed;
};

static void check_affected(const struct tplc_advisory *adv,
                           const struct want *w, size_t n)
{
	size_t i;

	assert_int_equal(adv->affected_count, n);
	for (i = 0; i < n; i++) {
		const struct tplc_affected *a = &adv->affected[i];

		assert_int_equal(a->vuln, 0);
		assert_int_equal(a->status, w[i].status);
		str_eq(a->purl, w[i].purl);
		str_eq(a->vendor, w[i].vendor);
		str_eq(a->product, w[i].product);
		str_eq(a->cpe, w[i].cpe);
		str_eq(a->range, w[i].range);
		str_eq(a->range_text, w[i].text);
		str_eq(a->fixed_in, w[i].fixed);
	}
}

static void test_cve5__log4shell_adp(void **state)
{
	static const char cpe[] = "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*";
	static const struct want want[] = {
		{ TPLC_STATUS_AFFECTED, NULL, "Apache Software Foundation",
		  "Apache Log4j2", NULL, NULL,
		  "custom 2.0-beta9 to <log4j-core*", NULL },
		{ TPLC_STATUS_AFFECTED, NULL, "apache", "log4j", cpe,
		  "vers:generic/>=2.0-beta9|<2.3.1", NULL, "2.3.1" },
		{ TPLC_STATUS_AFFECTED, NULL, "apache", "log4j", cpe,
		  "vers:generic/>=2.4|<2.12.2", NULL, "2.12.2" },
		{ TPLC_STATUS_AFFECTED, NULL, "apache", "log4j", cpe,
		  "vers:generic/>=2.13.0|<2.15.0", NULL, "2.15.0" },
	};
	struct tplc_advisory *adv = parse("CVE-2021-44228.json");
	const struct tplc_vuln *v;

	(void)state;
	assert_string_equal(adv->source, "cve");
	assert_string_equal(adv->id, "CVE-2021-44228");
	assert_string_equal(adv->publisher, "apache");
	assert_string_equal(adv->published, "2021-12-10T00:00:00.000Z");
	assert_string_equal(adv->modified, "2025-02-04T14:25:34.416Z");
	assert_string_equal(adv->url,
	                    "https://www.cve.org/CVERecord?id=CVE-2021-44228");
	assert_int_equal(adv->vuln_count, 1);
	v = &adv->vulns[0];
	assert_string_equal(v->id, "CVE-2021-44228");
	assert_string_equal(v->title, "Apache Log4j2 JNDI features do not "
	                              "protect against attacker controlled "
	                              "LDAP and other JNDI related endpoints");
	str_eq(adv->title, v->title);
	assert_true(strncmp(v->description, "Apache Log4j2 2.0-beta9 through",
	                    31) == 0);
	assert_string_equal(v->cwe, "CWE-502");
	assert_null(v->withdrawn);
	assert_int_equal(v->alias_count, 0);
	/* the CNA scored none: CISA's ADP metric is the vulnerability's */
	assert_int_equal(v->metric_count, 1);
	assert_string_equal(v->metrics[0].version, "3.1");
	assert_string_equal(v->metrics[0].source, "CISA-ADP");
	assert_true(v->metrics[0].score == 10.0);
	assert_string_equal(v->metrics[0].vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
	assert_true(v->cvss_score == 10.0);
	assert_string_equal(v->cvss_vector, v->metrics[0].vector);
	check_affected(adv, want, sizeof(want) / sizeof(want[0]));
	tplc_advisory_free(adv);
}

static void test_cve5__packages(void **state)
{
	static const struct want want[] = {
		{ TPLC_STATUS_AFFECTED,
		  "pkg:maven/org.apache.commons/commons-text", NULL, NULL, NULL,
		  "vers:maven/>=1.5|<1.10.0", NULL, "1.10.0" },
		{ TPLC_STATUS_AFFECTED, "pkg:pypi/commons-text", NULL, NULL,
		  NULL, "vers:semver/<=1.9.0", NULL, NULL },
		{ TPLC_STATUS_NOT_AFFECTED, "pkg:pypi/commons-text", NULL, NULL,
		  NULL, "vers:semver/1.10.0", NULL, NULL },
	};
	struct tplc_advisory *adv = parse("CVE-2022-42889.json");
	const struct tplc_vuln *v = &adv->vulns[0];

	(void)state;
	assert_string_equal(v->id, "CVE-2022-42889");
	assert_string_equal(v->cwe, "CWE-94");
	assert_int_equal(v->metric_count, 0); /* "other" only */
	assert_true(v->cvss_score < 0);
	assert_null(v->cvss_vector);
	check_affected(adv, want, sizeof(want) / sizeof(want[0]));
	tplc_advisory_free(adv);
}

static void test_cve5__git_and_semver(void **state)
{
	static const struct want want[] = {
		{ TPLC_STATUS_AFFECTED, NULL, "Linux", "Linux", NULL, NULL,
		  "git f718863aca469a109895cb855e6b81fff4827d71 to "
		  "<1296c110c5a0b45a4fcf73e1b3fd3b2dbe2c5d6d",
		  NULL },
		{ TPLC_STATUS_AFFECTED, NULL, "Linux", "Linux", NULL, NULL,
		  "git f718863aca469a109895cb855e6b81fff4827d71 to "
		  "<60c0c230c6f046da536d3df8b39a20b9a9fd6af0",
		  NULL },
		{ TPLC_STATUS_AFFECTED, NULL, "Linux", "Linux", NULL,
		  "vers:generic/6.2", NULL, NULL },
		/* "semver" 6.2 is not semver: compared generically */
		{ TPLC_STATUS_NOT_AFFECTED, NULL, "Linux", "Linux", NULL,
		  "vers:generic/<6.2", NULL, NULL },
		/* lessThanOrEqual "6.6.*" is the rest of 6.6 */
		{ TPLC_STATUS_NOT_AFFECTED, NULL, "Linux", "Linux", NULL,
		  "vers:semver/>=6.6.18|<6.7.0", NULL, NULL },
		{ TPLC_STATUS_NOT_AFFECTED, NULL, "Linux", "Linux", NULL,
		  "vers:generic/>=6.8", NULL, NULL },
		/* defaultStatus "affected": every version not listed */
		{ TPLC_STATUS_AFFECTED, NULL, "Linux", "Linux", NULL, NULL,
		  NULL, NULL },
	};
	struct tplc_advisory *adv = parse("CVE-2024-26581.json");
	size_t i, unread = 0;

	(void)state;
	assert_string_equal(adv->publisher, "Linux");
	assert_null(adv->vulns[0].cwe);
	check_affected(adv, want, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < adv->affected_count; i++)
		unread += adv->affected[i].range == NULL &&
		          adv->affected[i].range_text != NULL;
	assert_int_equal(unread, 2); /* git commits: not understood */
	tplt_conformance("CVE JSON 5 Linux fixture: %zu of %zu "
	                 "Linux entries not understood (git)",
	                 unread, adv->affected_count);
	tplc_advisory_free(adv);
}

static void test_cve5__rejected(void **state)
{
	struct tplc_advisory *adv = parse("CVE-2023-52452.json");
	const struct tplc_vuln *v = &adv->vulns[0];

	(void)state;
	assert_string_equal(v->id, "CVE-2023-52452");
	assert_string_equal(v->withdrawn, "2024-06-10T10:22:42.000Z");
	assert_string_equal(v->published, "2024-02-22T16:26:50.000Z");
	assert_string_equal(v->description,
	                    "This CVE ID has been rejected or withdrawn by its "
	                    "CVE Numbering Authority.");
	assert_null(v->title);
	assert_int_equal(adv->affected_count, 0);
	tplc_advisory_free(adv);
}

/* A record cut down to what the error cases change. */
#define RECORD(cna)                                                \
	"{\"cveMetadata\":{\"cveId\":\"CVE-2024-0001\",\"state\":" \
	"\"PUBLISHED\"},\n\"containers\":{\"cna\":" cna "}}"

static void test_cve5__errors(void **state)
{
	static const struct {
		const char *doc, *where;
	} bad[] = {
		{ RECORD("{\"affected\":[{\"product\":\"x\",\"versions\":["
		         "{\"version\":\"1\",\"status\":\"affected\"},"
		         "{\"version\":\"1\",\"status\":\"affected\","
		         "\"lessThan\":2}]}]}"),
		  "t.json:2:.*: containers.cna.affected[0].versions[1]."
		  "lessThan: expected a string" },
		{ RECORD("{\"affected\":[{\"product\":\"x\",\"versions\":["
		         "{\"version\":\"1\",\"status\":\"broken\"}]}]}"),
		  "containers.cna.affected[0].versions[0].status: unknown "
		  "status" },
		{ RECORD("{\"affected\":[{\"product\":\"x\",\"versions\":["
		         "{\"status\":\"affected\"}]}]}"),
		  "containers.cna.affected[0].versions[0].version" },
		{ RECORD("{\"metrics\":[{\"cvssV3_1\":{\"baseScore\":9.8}}]}"),
		  "containers.cna.metrics[0].cvssV3_1.vectorString" },
		{ RECORD("{\"descriptions\":[{\"lang\":\"en\",\"value\":7}]}"),
		  "containers.cna.descriptions[0].value: expected a string" },
		{ RECORD("{\"affected\":[{\"cpes\":[\"cpe:/a:b:c\",1]}]}"),
		  "containers.cna.affected[0].cpes[1]: expected a string" },
		{ "{\"cveMetadata\":{\"cveId\":\"GHSA-1\",\"state\":\"x\"},"
		  "\"containers\":{\"cna\":{}}}",
		  "cveMetadata.cveId: not a CVE id" },
		{ "{\"cveMetadata\":{\"cveId\":\"CVE-2024-1\",\"state\":\"x\"}"
		  "}",
		  "containers: missing" },
		{ "{\"dataType\":\"CVE_RECORD\"}", "cveMetadata: missing" },
		{ "[]", "expected an object" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tplc_advisory *adv = NULL;
		struct tplc_error err;
		char msg[1024];

		assert_int_equal(tplc_cve5_parse(&adv, bad[i].doc,
		                                 strlen(bad[i].doc), "t.json",
		                                 &err),
		                 TPLC_EPARSE);
		assert_null(adv);
		tplc_error_format(&err, msg, sizeof(msg));
		if (strstr(msg, strstr(bad[i].where, ".*: ")
		                        ? strstr(bad[i].where, ".*: ") + 4
		                        : bad[i].where) == NULL)
			fail_msg("case %zu: %s (want %s)", i, msg,
			         bad[i].where);
	}
}

/* The located error names file, line and column. */
static void test_cve5__location(void **state)
{
	static const char doc[] =
	        RECORD("{\"affected\":[{\"product\":\"x\",\"versions\":["
	               "{\"version\":\"1\",\"status\":\"affected\"},"
	               "{\"version\":\"1\",\"status\":\"affected\","
	               "\"lessThan\":2}]}]}");
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	char msg[1024];

	(void)state;
	assert_int_equal(
	        tplc_cve5_parse(&adv, doc, strlen(doc), "t.json", &err),
	        TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(err.path,
	                    "containers.cna.affected[0].versions[1].lessThan");
	assert_int_equal(err.line, 2);
	assert_true(err.column > 1);
	assert_non_null(strstr(msg, "t.json:2:"));
}

static void test_cve5__out_of_memory(void **state)
{
	struct tplc_advisory *adv;
	size_t len;
	char *data = tplt_read_file(fixture("CVE-2021-44228.json"), &len);
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		adv = NULL;
		tplx_alloc_fail_after(n);
		error = tplc_cve5_parse(&adv, data, len, "x", NULL);
		tplx_alloc_fail_after(-1);
		tplc_advisory_free(adv);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 5);
	free(data);
}

/* The kind table reads it too. */
static void test_cve5__dispatch(void **state)
{
	struct tplc_advisory *adv = NULL;
	size_t len;
	char *data = tplt_read_file(fixture("CVE-2022-42889.json"), &len);

	(void)state;
	assert_int_equal(tplc_advisory_parse(&adv, "cve", data, len, "x", NULL),
	                 0);
	assert_string_equal(adv->id, "CVE-2022-42889");
	tplc_advisory_free(adv);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cve5__log4shell_adp),
		cmocka_unit_test(test_cve5__packages),
		cmocka_unit_test(test_cve5__git_and_semver),
		cmocka_unit_test(test_cve5__rejected),
		cmocka_unit_test(test_cve5__errors),
		cmocka_unit_test(test_cve5__location),
		cmocka_unit_test(test_cve5__out_of_memory),
		cmocka_unit_test(test_cve5__dispatch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

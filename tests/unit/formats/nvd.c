/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/advisory.h"
#include "tplc/vers.h"
#include "util/alloc.h"

/* Every advisory of a walk, written out one line per field, so a test
 * compares what was read as text. */
struct dump {
	char text[16384];
	size_t len;
	size_t count;
	size_t stop_at; /* cb fails on this advisory (1-based); 0: never */
};

static void out(struct dump *d, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static void out(struct dump *d, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(d->text + d->len, sizeof(d->text) - d->len, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(d->text) - d->len);
	d->len += (size_t)n;
}

#define S(s) ((s) ? (s) : "-")

static int dump_advisory(const struct tplc_advisory *adv, void *data)
{
	struct dump *d = data;
	const struct tplc_vuln *v;
	size_t i;

	if (++d->count == d->stop_at)
		return TPLC_EEXISTS; /* any error: it must come back */
	assert_string_equal(adv->source, "nvd");
	assert_int_equal(adv->vuln_count, 1);
	assert_null(adv->title);
	v = &adv->vulns[0];
	assert_null(v->title);
	assert_string_equal(adv->id, v->id);
	out(d, "%s %s %s withdrawn=%s cwe=%s\n", v->id, S(v->published),
	    S(v->modified), S(v->withdrawn), S(v->cwe));
	out(d, "  score %.1f %s\n", v->cvss_score, S(v->cvss_vector));
	out(d, "  desc %.40s\n", S(v->description));
	for (i = 0; i < v->metric_count; i++)
		out(d, "  metric %s %.1f %s %s %s\n", v->metrics[i].version,
		    v->metrics[i].score, S(v->metrics[i].vector),
		    S(v->metrics[i].source), S(v->metrics[i].type));
	for (i = 0; i < adv->affected_count; i++) {
		const struct tplc_affected *a = &adv->affected[i];

		assert_int_equal(a->vuln, 0);
		assert_int_equal(a->status, TPLC_STATUS_AFFECTED);
		assert_null(a->purl);
		if (a->range != NULL) {
			struct tplc_vers *range = NULL;

			assert_int_equal(
			        tplc_vers_parse(&range, a->range, NULL), 0);
			tplc_vers_free(range);
		}
		out(d, "  %u.%u%s %s %s [%s]\n", a->config, a->node,
		    a->platform ? " platform" : "", a->cpe, S(a->range),
		    S(a->range_text));
	}
	return 0;
}

static int collect(struct tplc_advisory *adv, void *data)
{
	int error = dump_advisory(adv, data);

	tplc_advisory_free(adv);
	return error;
}

static int walk(const char *text, size_t len, const char *source,
                struct dump *d, char *msg, size_t size)
{
	struct tplc_error err;
	int error = tplc_nvd_each(text, len, source, collect, d, &err);

	if (error != 0 && error != TPLC_EEXISTS)
		tplc_error_format(&err, msg, size);
	return error;
}

static void walk_fixture(const char *name, struct dump *d)
{
	const char *root = getenv("TPLC_SOURCE_ROOT");
	char path[4096], msg[1024];
	size_t len;
	char *text;

	if (root == NULL)
		skip();
	snprintf(path, sizeof(path), "%s/tests/fixtures/nvd/%s", root, name);
	text = tplt_read_file(path, &len);
	if (walk(text, len, path, d, msg, sizeof(msg)) != 0)
		fail_msg("%s", msg);
	free(text);
}

static void test_nvd__log4j_and_rejected(void **state)
{
	static struct dump d;

	(void)state;
	memset(&d, 0, sizeof(d));
	walk_fixture("log4j.json", &d);
	assert_int_equal(d.count, 2);
	assert_string_equal(
	        d.text,
	        "CVE-2021-44228 2021-12-10T10:15:09.143 "
	        "2025-02-04T14:25:34.416 withdrawn=- cwe=CWE-917\n"
	        "  score 10.0 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H\n"
	        "  desc Apache Log4j2 2.0-beta9 through 2.15.0 (\n"
	        "  metric 3.1 10.0 "
	        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H "
	        "nvd@nist.gov Primary\n"
	        "  metric 3.1 10.0 "
	        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H "
	        "security@apache.org Secondary\n"
	        "  metric 2.0 9.3 AV:N/AC:M/Au:N/C:C/I:C/A:C nvd@nist.gov "
	        "Primary\n"
	        "  0.0 cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* "
	        "vers:generic/>=2.0.1|<2.3.1 [-]\n"
	        "  0.0 cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* "
	        "vers:generic/>=2.4.0|<2.12.2 [-]\n"
	        "  0.0 cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* "
	        "vers:generic/>=2.13.0|<2.15.0 [-]\n"
	        "  0.0 cpe:2.3:a:apache:log4j:2.0:-:*:*:*:*:*:* "
	        "vers:generic/2.0 [-]\n"
	        "  0.0 cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:* "
	        "vers:generic/2.0 [-]\n"
	        "  0.0 cpe:2.3:a:apache:log4j:2.0:rc1:*:*:*:*:*:* "
	        "vers:generic/2.0 [-]\n"
	        "  2.1 cpe:2.3:o:siemens:sppa-t3000_ses3000_firmware:*:*:*:*:*:"
	        "*:*:* - [-]\n"
	        "  2.2 platform cpe:2.3:h:siemens:sppa-t3000_ses3000:-:*:*:*:*:"
	        "*:*:* - [-]\n"
	        "CVE-2020-24980 2020-09-14T16:15:12.297 "
	        "2023-11-07T03:20:07.820 withdrawn=2023-11-07T03:20:07.820 "
	        "cwe=-\n"
	        "  score -1.0 -\n"
	        "  desc Rejected reason: DO NOT USE THIS CANDIDA\n");
}

static void test_nvd__v4_v30_and_platform(void **state)
{
	static struct dump d;

	(void)state;
	memset(&d, 0, sizeof(d));
	walk_fixture("microdicom.json", &d);
	assert_int_equal(d.count, 2);
	assert_string_equal(
	        d.text,
	        "CVE-2024-33606 2024-06-11T17:15:50.437 "
	        "2024-11-21T09:17:12.663 withdrawn=- cwe=CWE-939\n"
	        "  score 8.8 CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H\n"
	        "  desc An attacker could retrieve sensitive fil\n"
	        "  metric 4.0 8.5 CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/"
	        "VA:H/SC:N/SI:N/SA:N ics-cert@hq.dhs.gov Secondary\n"
	        "  metric 3.1 8.8 CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H "
	        "ics-cert@hq.dhs.gov Secondary\n"
	        "  metric 3.1 8.8 CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H "
	        "nvd@nist.gov Primary\n"
	        "  1.1 cpe:2.3:a:microdicom:dicom_viewer:*:*:*:*:*:*:*:* "
	        "vers:generic/<2024.2 [-]\n"
	        "  1.2 platform cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:* - "
	        "[-]\n"
	        "CVE-2017-0144 2017-03-17T00:59:00.610 "
	        "2025-02-10T17:00:03.787 withdrawn=- cwe=CWE-20\n"
	        "  score 8.1 CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H\n"
	        "  desc The SMBv1 server in Microsoft Windows Vi\n"
	        "  metric 3.0 8.1 CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H "
	        "nvd@nist.gov Primary\n"
	        "  metric 2.0 9.3 AV:N/AC:M/Au:N/C:C/I:C/A:C nvd@nist.gov "
	        "Primary\n"
	        "  0.0 cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:* - [-]\n"
	        "  0.0 cpe:2.3:o:microsoft:windows_10_1607:-:*:*:*:*:*:x64:* - "
	        "[-]\n");
}

#define PAGE(cve) \
	"{\"resultsPerPage\":1,\"vulnerabilities\":[{\"cve\":" cve "}]}"
#define PAGE_HEAD(cve) "{\"vulnerabilities\":[{\"cve\":" cve
#define M(crit, more)  "{\"vulnerable\":true,\"criteria\":\"" crit "\"" more "}"
#define A              "cpe:2.3:a:v:p:*:*:*:*:*:*:*:*"

/* Configurations the fixtures do not have. */
static void test_nvd__configurations(void **state)
{
	static const char
	        text
	                [] = PAGE("{\"id\":\"CVE-2000-1\",\"descriptions\":["
	                          "{\"lang\":\"fr\",\"value\":\"en français\"},"
	                          "{\"lang\":\"en\",\"value\":\" in English "
	                          "\"}],"
	                          "\"metrics\":{\"cvssMetricV2\":[{\"source\":"
	                          "\"a@b\",\"type\":"
	                          "\"Secondary\",\"cvssData\":{\"version\":\"2."
	                          "0\","
	                          "\"vectorString\":\"AV:N/AC:L/Au:N/C:P/I:P/"
	                          "A:P\","
	                          "\"baseScore\":7.5}}],\"cvssMetricV40\":[{"
	                          "\"source\":\"a@b\","
	                          "\"type\":\"Secondary\",\"cvssData\":{"
	                          "\"version\":\"4.0\","
	                          "\"vectorString\":\"CVSS:4.0/"
	                          "X\",\"baseScore\":9.3}}]},"
	                          "\"configurations\":["
	                          /* 1: all bounds, a wildcard version, start above end */
	                          "{\"nodes\":[{\"operator\":\"OR\","
	                          "\"cpeMatch\":[" M(
	                                  A,
	                                  ",\"versionStartExcluding\":\"1.0\","
	                                  "\"versionEndIncluding\":\"1.9\"") "," M("cpe:2.3:a:v:p:1.*:*:*:*:*:*:*:*",
	                                                                           "") "," M("cpe:2.3:a:v:p:1\\\\.0:*:*:*:*:*:*:*", "") "," M(A, ",\"versionStartIncluding\":\"3.0\","
	                                                                                                                                         "\"versionEndExcluding\":\"2.0\"") "]}]},"
	                                                                                                                                                                            /* 2: an AND node: each match a condition of its own */
	                                                                                                                                                                            "{\"nodes\":[{\"operator\":\"AND\",\"cpeMatch\":[" M(A, "") "," M("cpe:2.3:o:v:os:*:*:*:*:*:*:*:*", "") "]}]},"
	                                                                                                                                                                                                                                                                                    /* 3: a negated node is kept, not understood */
	                                                                                                                                                                                                                                                                                    "{\"operator\":\"AND\",\"nodes\":[{\"operator\":\"OR\","
	                                                                                                                                                                                                                                                                                    "\"cpeMatch\":[" M(A,
	                                                                                                                                                                                                                                                                                                       "") "]},{\"operator\":\"OR\","
	                                                                                                                                                                                                                                                                                                           "\"negate\":true,\"cpeMatch\":[" M(
	                                                                                                                                                                                                                                                                                                                   "cpe:2.3:o:v:os:2:*:*:*:*:*:*:*", "") "]}]},"
	                                                                                                                                                                                                                                                                                                                                                         /* 4: an explicit OR of nodes: each stands alone */
	                                                                                                                                                                                                                                                                                                                                                         "{\"operator\":\"OR\",\"nodes\":[{\"cpeMatch\":[" M(
	                                                                                                                                                                                                                                                                                                                                                                 A, "") "]},{\"cpeMatch\":[" M(A,
	                                                                                                                                                                                                                                                                                                                                                                                               "") "]}]}]}");
	static struct dump d;
	char msg[1024];

	(void)state;
	memset(&d, 0, sizeof(d));
	if (walk(text, strlen(text), "t.json", &d, msg, sizeof(msg)) != 0)
		fail_msg("%s", msg);
	assert_string_equal(
	        d.text,
	        "CVE-2000-1 - - withdrawn=- cwe=-\n"
	        /* no Primary: the Secondary v4.0 before v2 */
	        "  score 9.3 CVSS:4.0/X\n"
	        "  desc in English\n"
	        "  metric 4.0 9.3 CVSS:4.0/X a@b Secondary\n"
	        "  metric 2.0 7.5 AV:N/AC:L/Au:N/C:P/I:P/A:P a@b Secondary\n"
	        "  0.0 " A " vers:generic/>1.0|<=1.9 [-]\n"
	        "  0.0 cpe:2.3:a:v:p:1.*:*:*:*:*:*:*:* - [version 1.*]\n"
	        "  0.0 cpe:2.3:a:v:p:1\\.0:*:*:*:*:*:*:* vers:generic/1.0 [-]\n"
	        "  0.0 " A " - [>= 3.0 < 2.0]\n"
	        "  2.1 " A " - [-]\n"
	        "  2.2 cpe:2.3:o:v:os:*:*:*:*:*:*:*:* - [-]\n"
	        "  3.1 " A " - [-]\n"
	        "  3.2 cpe:2.3:o:v:os:2:*:*:*:*:*:*:* - [negated node]\n"
	        "  0.0 " A " - [-]\n"
	        "  0.0 " A " - [-]\n");
}

static void expect_error(const char *text, int code, const char *want)
{
	struct dump d;
	char msg[1024] = "";

	memset(&d, 0, sizeof(d));
	assert_int_equal(
	        walk(text, strlen(text), "e.json", &d, msg, sizeof(msg)), code);
	if (strstr(msg, want) == NULL)
		fail_msg("got \"%s\", want \"%s\"", msg, want);
}

static void test_nvd__errors_have_paths(void **state)
{
	(void)state;
	expect_error(
	        PAGE("{\"id\":\"CVE-1\",\"configurations\":[{\"nodes\":"
	             "[{\"operator\":\"OR\",\"cpeMatch\":[" M(
	                     A,
	                     "") ",{\"vulnerable\":true,\"criteria\":7}]}]}]}"),
	        TPLC_EPARSE,
	        "e.json:1:211: vulnerabilities[0].cve.configurations[0]."
	        "nodes[0].cpeMatch[1].criteria: expected a string");
	expect_error(PAGE("{\"published\":\"2020\"}"), TPLC_EPARSE,
	             "vulnerabilities[0].cve.id: required member is missing");
	expect_error("{\"vulnerabilities\":[{\"id\":\"CVE-1\"}]}", TPLC_EPARSE,
	             "vulnerabilities[0].cve: required member is missing");
	expect_error(PAGE("{\"id\":\"CVE-1\",\"metrics\":{\"cvssMetricV31\":"
	                  "[{\"cvssData\":{\"baseScore\":11}}]}}"),
	             TPLC_EPARSE,
	             "vulnerabilities[0].cve.metrics.cvssMetricV31[0].cvssData:"
	             " baseScore 11 is not between 0 and 10");
	expect_error(PAGE("{\"id\":\"CVE-1\",\"configurations\":[{\"nodes\":"
	                  "[{\"negate\":\"yes\",\"cpeMatch\":[]}]}]}"),
	             TPLC_EPARSE,
	             "vulnerabilities[0].cve.configurations[0].nodes[0].negate:"
	             " expected a boolean");
	{ /* a bound past TPLC_ADVISORY_VERS_MAX (64 KiB) */
		static const char head[] = PAGE_HEAD(
		        "{\"id\":\"CVE-1\",\"configurations\":[{\"nodes\":"
		        "[{\"cpeMatch\":[{\"criteria\":\"" A "\","
		        "\"versionEndExcluding\":\"");
		static const char tail[] = "\"}]}]}]}}]}";
		size_t n = 70000;
		char *big = malloc(sizeof(head) + n + sizeof(tail));

		assert_non_null(big);
		memcpy(big, head, sizeof(head) - 1);
		memset(big + sizeof(head) - 1, '1', n);
		memcpy(big + sizeof(head) - 1 + n, tail, sizeof(tail));
		expect_error(big, TPLC_EPARSE,
		             "cpeMatch[0]: version bounds longer than 65536 "
		             "bytes");
		free(big);
	}
	expect_error("{\"resultsPerPage\":0}", TPLC_EPARSE,
	             "e.json:1:1: vulnerabilities: required member is missing");
	expect_error("{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-1\"}},",
	             TPLC_EPARSE, "e.json:1:");
}

/* A callback's error stops the walk and comes back as it was. */
static void test_nvd__callback_error_stops(void **state)
{
	static const char text[] =
	        "{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-1\"}},"
	        "{\"cve\":{\"id\":\"CVE-2\"}},{\"cve\":{\"id\":\"CVE-3\"}}]}";
	struct tplc_error err;
	struct dump d;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.stop_at = 2;
	assert_int_equal(tplc_advisory_each("nvd", text, strlen(text), "c.json",
	                                    collect, &d, &err),
	                 TPLC_EEXISTS);
	assert_int_equal(d.count, 2);
	/* nvd is a feed: there is no one-document parse of it */
	{
		struct tplc_advisory *adv = NULL;

		assert_int_equal(tplc_advisory_parse(&adv, "nvd", text,
		                                     strlen(text), "c.json",
		                                     &err),
		                 TPLC_EINVAL);
		assert_null(adv);
	}
}

static int count(struct tplc_advisory *adv, void *data)
{
	tplc_advisory_free(adv);
	++*(size_t *)data;
	return 0;
}

static void test_nvd__out_of_memory(void **state)
{
	const char *root = getenv("TPLC_SOURCE_ROOT");
	struct tplc_error err;
	char path[4096];
	size_t len, seen = 0;
	char *text;
	int error, n;

	(void)state;
	if (root == NULL)
		skip();
	snprintf(path, sizeof(path), "%s/tests/fixtures/nvd/log4j.json", root);
	text = tplt_read_file(path, &len);
	for (n = 0;; n++) {
		seen = 0;
		tplx_alloc_fail_after(n);
		error = tplc_nvd_each(text, len, path, count, &seen, &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 10);
	assert_int_equal(seen, 2);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nvd__log4j_and_rejected),
		cmocka_unit_test(test_nvd__v4_v30_and_platform),
		cmocka_unit_test(test_nvd__configurations),
		cmocka_unit_test(test_nvd__errors_have_paths),
		cmocka_unit_test(test_nvd__callback_error_stops),
		cmocka_unit_test(test_nvd__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

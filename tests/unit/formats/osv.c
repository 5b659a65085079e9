/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/advisory.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/file.h"

static int parse_path(const char *path, bool csaf, struct tplc_advisory **adv,
                      char *msg, size_t size)
{
	struct tplc_error err;
	size_t len;
	char *data = tplt_read_file(path, &len);
	int error = csaf ? tplc_csaf_parse(adv, data, len, path, &err)
	                 : tplc_osv_parse(adv, data, len, path, &err);

	free(data); /* the advisory must not borrow from it */
	if (error != 0)
		tplc_error_format(&err, msg, size);
	return error;
}

static struct tplc_advisory *parse_file(const char *rel)
{
	struct tplc_advisory *adv = NULL;
	char msg[1024];

	if (parse_path(tplt_shared(rel), false, &adv, msg, sizeof(msg)) != 0)
		fail_msg("%s", msg);
	return adv;
}

static struct tplc_advisory *parse_text(const char *text)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplc_osv_parse(&adv, text, strlen(text), "t.json", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return adv;
}

/* Every range is canonical vers that lib/ident reads back. */
static void check_ranges(const struct tplc_advisory *adv)
{
	struct tplc_vers *range;
	struct tplc_error err;
	size_t i;

	for (i = 0; adv != NULL && i < adv->affected_count; i++) {
		if (adv->affected[i].range == NULL)
			continue;
		if (tplc_vers_parse(&range, adv->affected[i].range, &err) != 0)
			fail_msg("%s: %s", adv->affected[i].range, err.message);
		tplc_vers_free(range);
	}
}

/* Count files of dir ending in suffix that parse (as OSV or CSAF). */
static void parse_all(const char *rel, const char *suffix, bool csaf,
                      size_t *total, size_t *ok)
{
	char **files = NULL, msg[1024];
	struct tplc_error err;
	size_t count = 0, i;

	assert_int_equal(
	        tplx_file_list(&files, &count, tplt_shared(rel), suffix, &err),
	        0);
	for (i = 0; i < count; i++) {
		struct tplc_advisory *adv = NULL;

		if (parse_path(files[i], csaf, &adv, msg, sizeof(msg)) == 0)
			(*ok)++;
		else
			tplt_note("not imported: %s", msg);
		check_ranges(adv);
		tplc_advisory_free(adv);
	}
	*total += count;
	tplx_file_list_free(files, count);
}

static void test_osv__converter_data(void **state)
{
	size_t total = 0, ok = 0, csaf_total = 0, csaf_ok = 0;

	(void)state;
	parse_all("advisories/osv/tools/ghsa/testdata", ".osv.json", false,
	          &total, &ok);
	parse_all("advisories/osv/tools/redhat/testdata/OSV", ".json", false,
	          &total, &ok);
	parse_all("advisories/osv/tools/osv-linter/testdata", ".json", false,
	          &total, &ok);
	parse_all("advisories/osv/tools/redhat/testdata/CSAF", ".json", true,
	          &csaf_total, &csaf_ok);
	tplt_note("skipped: 11 GHSA inputs (tools/ghsa/testdata/*.json "
	          "without .osv) are GitHub GraphQL advisories, not OSV: their "
	          "expected OSV outputs are what is parsed");
	tplt_conformance("OSV: %zu/%zu records imported (GHSA converter "
	                 "outputs, Red Hat OSV, linter data); Red Hat CSAF "
	                 "inputs: %zu/%zu imported",
	                 ok, total, csaf_ok, csaf_total);
	assert_int_equal(total, 25);
	assert_int_equal(ok, total);
	assert_int_equal(csaf_total, 5);
	assert_int_equal(csaf_ok, csaf_total);
}

static void expect_entry(const struct tplc_advisory *adv, size_t i,
                         const char *purl, const char *product,
                         const char *range, const char *text, const char *fixed)
{
	const struct tplc_affected *a;

	assert_true(i < adv->affected_count);
	a = &adv->affected[i];
	if (purl)
		assert_string_equal(a->purl, purl);
	else
		assert_null(a->purl);
	if (product)
		assert_string_equal(a->product, product);
	else
		assert_null(a->product);
	if (range)
		assert_string_equal(a->range, range);
	else
		assert_null(a->range);
	if (text)
		assert_string_equal(a->range_text, text);
	else
		assert_null(a->range_text);
	if (fixed)
		assert_string_equal(a->fixed_in, fixed);
	else
		assert_null(a->fixed_in);
	assert_null(a->vendor);
	assert_int_equal(a->status, TPLC_STATUS_AFFECTED);
	assert_int_equal(a->vuln, 0);
}

static void test_osv__records(void **state)
{
	struct tplc_advisory *adv;

	(void)state;
	/* events out of order: [0, 4.0.1) fixed 4.0.5 and 3.0.21 */
	adv = parse_file("advisories/osv/tools/ghsa/testdata/"
	                 "multiple_ranges_in_package.osv.json");
	assert_string_equal(adv->source, "osv");
	assert_string_equal(adv->id, "GHSA-9qj7-jvg4-qr2x");
	assert_string_equal(adv->title,
	                    "Moderate severity vulnerability that affects "
	                    "passenger");
	assert_int_equal(adv->vuln_count, 1);
	assert_string_equal(adv->vulns[0].id, "CVE-2013-2119");
	assert_int_equal(adv->vulns[0].alias_count, 1);
	assert_string_equal(adv->vulns[0].aliases[0], "GHSA-9qj7-jvg4-qr2x");
	assert_string_equal(adv->vulns[0].published, "2017-10-24T18:33:37Z");
	assert_string_equal(adv->vulns[0].modified, "2021-09-08T20:47:39Z");
	assert_int_equal(adv->affected_count, 2);
	expect_entry(adv, 0, "pkg:gem/passenger", NULL, "vers:gem/<3.0.21",
	             NULL, "3.0.21");
	expect_entry(adv, 1, "pkg:gem/passenger", NULL,
	             "vers:gem/>=4.0.1|<4.0.5", NULL, "4.0.5");
	tplc_advisory_free(adv);

	/* Maven group:artifact; GHSA CWE per package */
	adv = parse_file("advisories/osv/tools/ghsa/testdata/"
	                 "full_ranges.osv.json");
	assert_string_equal(adv->vulns[0].cwe, "CWE-338");
	assert_int_equal(adv->affected_count, 2);
	expect_entry(adv, 0, "pkg:maven/com.typesafe.akka/akka-actor_2.12",
	             NULL, "vers:maven/>=2.5.0|<2.5.16", NULL, "2.5.16");
	expect_entry(adv, 1, "pkg:maven/com.typesafe.akka/akka-actor_2.11",
	             NULL, "vers:maven/>=2.5.0|<2.5.16", NULL, "2.5.16");
	tplc_advisory_free(adv);

	/* SEMVER on npm, a pre-release lower bound */
	adv = parse_file("advisories/osv/tools/ghsa/testdata/"
	                 "npm_greater_than.osv.json");
	expect_entry(adv, 0, "pkg:npm/jquery", NULL,
	             "vers:semver/>=2.1.1-0|<3.0.0", NULL, "3.0.0");
	tplc_advisory_free(adv);

	/* introduced 0 and nothing else: every version */
	adv = parse_file("advisories/osv/tools/ghsa/testdata/"
	                 "less_than_equals_no_patch.osv.json");
	expect_entry(adv, 0, "pkg:npm/shiba", NULL, "vers:semver/*", NULL,
	             NULL);
	tplc_advisory_free(adv);

	/* Go: two pairs; the CVE alias names it, GO- and GHSA- are aliases */
	adv = parse_file("advisories/osv/tools/osv-linter/testdata/"
	                 "GO-2020-0001.json");
	assert_string_equal(adv->vulns[0].id, "CVE-2020-36567");
	assert_int_equal(adv->vulns[0].alias_count, 2);
	assert_string_equal(adv->vulns[0].aliases[0], "GO-2020-0001");
	assert_string_equal(adv->vulns[0].aliases[1], "GHSA-6vm3-jj99-7229");
	expect_entry(adv, 0, "pkg:golang/github.com/gin-gonic/gin", NULL,
	             "vers:semver/<1.6.0", NULL, "1.6.0");
	tplc_advisory_free(adv);
	adv = parse_file("advisories/osv/tools/osv-linter/testdata/"
	                 "GO-2024-2963.json");
	expect_entry(adv, 1, "pkg:golang/stdlib", NULL,
	             "vers:semver/>=1.22.0-0|<1.22.5", NULL, "1.22.5");
	tplc_advisory_free(adv);

	/* a given purl is kept; a repository-only GIT range is kept too */
	adv = parse_file("advisories/osv/tools/osv-linter/testdata/"
	                 "CVE-2018-5407.json");
	assert_string_equal(adv->vulns[0].id, "CVE-2018-5407");
	assert_int_equal(adv->vulns[0].alias_count, 0);
	assert_string_equal(adv->vulns[0].cvss_vector,
	                    "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N");
	assert_true(adv->vulns[0].cvss_score < 0);
	expect_entry(adv, 0, "pkg:apk/alpine/openssl?arch=source", NULL,
	             "vers:apk/<1.0.2q-r0", NULL, "1.0.2q-r0");
	expect_entry(adv, 6, NULL, "https://github.com/nodejs/node", NULL,
	             "git range", NULL);
	tplc_advisory_free(adv);

	/* versions[] and no ranges: exact versions; cwe_ids */
	adv = parse_file("advisories/osv/tools/osv-linter/testdata/"
	                 "GHSA-9v2f-6vcg-3hgv.json");
	assert_string_equal(adv->vulns[0].cwe, "CWE-94");
	assert_int_equal(adv->affected_count, 2);
	expect_entry(adv, 0, "pkg:pypi/gradio", NULL, "vers:pypi/4.36.1", NULL,
	             NULL);
	/* not a PEP 440 version: kept as words, not as a range */
	expect_entry(adv, 1, "pkg:pypi/gradio", NULL, NULL, "PyPI: 4.36.-1",
	             NULL);
	tplc_advisory_free(adv);

	/* a GIT range beside an ECOSYSTEM range adds nothing */
	adv = parse_file("advisories/osv/tools/osv-linter/testdata/"
	                 "PYSEC-2023-74.json");
	assert_int_equal(adv->affected_count, 1);
	expect_entry(adv, 0, "pkg:pypi/requests", NULL,
	             "vers:pypi/>=2.3.0|<2.31.0", NULL, "2.31.0");
	tplc_advisory_free(adv);

	/* Red Hat: the rpm scheme from the purl */
	adv = parse_file("advisories/osv/tools/redhat/testdata/OSV/"
	                 "RHSA-2024_6220.json");
	assert_string_equal(adv->id, "RHSA-2024:6220");
	expect_entry(adv, 0, "pkg:rpm/redhat/PyYAML", NULL,
	             "vers:rpm/<0:5.4.1-1.module+el8.5.0+10613+59a13ec4", NULL,
	             "0:5.4.1-1.module+el8.5.0+10613+59a13ec4");
	tplc_advisory_free(adv);
}

static void test_osv__ecosystems(void **state)
{
	struct tplc_advisory *adv = parse_text(
	        "[{\"id\": \"OSV-1\", \"modified\": \"2024-01-01T00:00:00Z\",\n"
	        "  \"aliases\": [\"GHSA-x\", \"CVE-2024-0002\"],\n"
	        "  \"severity\": [{\"type\": \"CVSS_V4\", \"score\": "
	        "\"CVSS:4.0/"
	        "AV:N\"}],\n"
	        "  \"database_specific\": {\"cwe_ids\": [\"CWE-22\"], "
	        "\"cvss_score\": 7.5},\n"
	        "  \"affected\": [\n"
	        "   {\"package\": {\"ecosystem\": \"npm\", \"name\": "
	        "\"@babel/core\"}, \"ranges\": [{\"type\": \"SEMVER\", "
	        "\"events\": [{\"introduced\": \"7.0.0\"}, "
	        "{\"last_affected\": \"7.1.0\"}]}]},\n"
	        "   {\"package\": {\"ecosystem\": \"PyPI\", \"name\": "
	        "\"Django_Foo\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\", "
	        "\"events\": [{\"introduced\": \"1.0\"}, {\"limit\": "
	        "\"2.0\"}]}]},\n"
	        "   {\"package\": {\"ecosystem\": \"Packagist\", \"name\": "
	        "\"symfony/http-kernel\"}, \"ranges\": [{\"type\": "
	        "\"ECOSYSTEM\","
	        " \"events\": [{\"introduced\": \"2.0\"}]}]},\n"
	        "   {\"package\": {\"ecosystem\": \"Debian:11\", \"name\": "
	        "\"g++\"}, \"versions\": [\"1:10.2\"]},\n"
	        "   {\"package\": {\"ecosystem\": \"crates.io\", \"name\": "
	        "\"x\", \"purl\": \"pkg:cargo/x@0.1.0\"}},\n"
	        "   {\"package\": {\"ecosystem\": \"OSS-Fuzz\", \"name\": "
	        "\"libfoo\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\", "
	        "\"events\":"
	        " [{\"introduced\": \"0\"}, {\"fixed\": \"1.2\"}]}]},\n"
	        "   {\"package\": {\"ecosystem\": \"Maven\", \"name\": "
	        "\"no-colon\"}, \"versions\": [\"1.0\"]}]},\n"
	        " {\"id\": \"OSV-2\", \"modified\": "
	        "\"2024-02-01T00:00:00Z\"}]");

	(void)state;
	assert_string_equal(adv->id, "OSV-1+1");
	assert_null(adv->title);
	assert_int_equal(adv->vuln_count, 2);
	assert_string_equal(adv->vulns[0].id, "CVE-2024-0002");
	assert_int_equal(adv->vulns[0].alias_count, 2);
	assert_string_equal(adv->vulns[0].aliases[0], "OSV-1");
	assert_string_equal(adv->vulns[0].aliases[1], "GHSA-x");
	assert_string_equal(adv->vulns[0].cvss_vector, "CVSS:4.0/AV:N");
	assert_true(adv->vulns[0].cvss_score == 7.5);
	assert_string_equal(adv->vulns[0].cwe, "CWE-22");
	assert_string_equal(adv->vulns[1].id, "OSV-2");
	assert_int_equal(adv->affected_count, 7);
	check_ranges(adv);
	expect_entry(adv, 0, "pkg:npm/%40babel/core", NULL,
	             "vers:semver/>=7.0.0|<=7.1.0", NULL, NULL);
	expect_entry(adv, 1, "pkg:pypi/django-foo", NULL,
	             "vers:pypi/>=1.0|<2.0", NULL, NULL);
	expect_entry(adv, 2, "pkg:composer/symfony/http-kernel", NULL,
	             "vers:composer/>=2.0", NULL, NULL);
	expect_entry(adv, 3, "pkg:deb/debian/g%2B%2B", NULL, "vers:deb/1:10.2",
	             NULL, NULL);
	/* nothing about versions: all of them */
	expect_entry(adv, 4, "pkg:cargo/x", NULL, NULL, NULL, NULL);
	/* no purl type, no vers scheme: the words */
	expect_entry(adv, 5, NULL, "OSS-Fuzz:libfoo", NULL, "OSS-Fuzz: <1.2",
	             "1.2");
	expect_entry(adv, 6, NULL, "Maven:no-colon", "vers:maven/1.0", NULL,
	             NULL);
	tplc_advisory_free(adv);
}

static void expect_error(const char *text, const char *message)
{
	struct tplc_advisory *adv = (struct tplc_advisory *)1;
	struct tplc_error err;
	char msg[1024];

	assert_int_equal(
	        tplc_osv_parse(&adv, text, strlen(text), "o.json", &err),
	        TPLC_EPARSE);
	assert_null(adv);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)), message);
}

static void test_osv__errors(void **state)
{
	(void)state;
	expect_error("[]", "o.json:1:1: (root): no OSV records");
	expect_error("{\"modified\": \"x\"}",
	             "o.json:1:1: id: required member is missing");
	expect_error("[{\"id\": \"A\", \"modified\": \"x\"}, 3]",
	             "o.json:1:32: [1]: expected an object, found a number");
	expect_error("{\"id\": \"A\", \"modified\": \"x\", \"affected\": [{\n"
	             " \"ranges\": [{\"type\": \"SEMVER\", \"events\": []}]}]}",
	             "o.json:1:43: affected[0]: names no package and no "
	             "repository");
	expect_error(
	        "{\"id\": \"A\", \"modified\": \"x\", \"affected\": [{\n"
	        " \"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"},\n"
	        " \"ranges\": [{\"type\": \"SEMVER\", \"events\": []}]}]}",
	        "o.json:3:42: affected[0].ranges[0].events: a range needs "
	        "events");
	expect_error(
	        "{\"id\": \"A\", \"modified\": \"x\", \"affected\": [{\n"
	        " \"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"},\n"
	        " \"ranges\": [{\"type\": \"SEMVER\", \"events\": [\n"
	        "  {\"introduced\": \"0\", \"fixed\": \"1\"}]}]}]}",
	        "o.json:4:3: affected[0].ranges[0].events[0]: an event "
	        "needs exactly one of introduced, fixed, last_affected or "
	        "limit");
	expect_error(
	        "{\"id\": \"A\", \"modified\": \"x\", \"affected\": [{\n"
	        " \"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"},\n"
	        " \"ranges\": [{\"type\": \"SVN\", \"events\": []}]}]}",
	        "o.json:3:22: affected[0].ranges[0].type: unknown range "
	        "type \"SVN\" (expected SEMVER, ECOSYSTEM or GIT)");
	expect_error("{\"id\": \"A\", \"modified\": \"x\", \"severity\": [{\n"
	             " \"type\": \"CVSS_V3\"}]}",
	             "o.json:1:43: severity[0].score: required member is "
	             "missing");
}

static void test_osv__out_of_memory(void **state)
{
	const char *text =
	        "{\"id\": \"GHSA-1\", \"modified\": \"2024-01-01T00:00:00Z\",\n"
	        " \"aliases\": [\"CVE-2024-1\"], \"summary\": \"s\",\n"
	        " \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/"
	        "AV:N\"}],\n"
	        " \"affected\": [{\"package\": {\"ecosystem\": \"npm\", "
	        "\"name\":"
	        " \"@a/b\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": ["
	        "{\"introduced\": \"2.0.0\"}, {\"fixed\": \"2.1.0\"}, "
	        "{\"introduced\": \"0\"}, {\"fixed\": \"1.5.0\"}]}]},\n"
	        " {\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"A_b\"}, "
	        "\"versions\": [\"1.0\", \"1.1\"]}]}";
	struct tplc_advisory *adv;
	struct tplc_error err;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_advisory_parse(&adv, "osv", text, strlen(text),
		                            "m", &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_null(adv);
	}
	assert_true(n > 0);
	assert_int_equal(adv->affected_count, 4);
	/* pairs in order as written, each its own entry */
	expect_entry(adv, 0, "pkg:npm/%40a/b", NULL,
	             "vers:semver/>=2.0.0|<2.1.0", NULL, "2.1.0");
	expect_entry(adv, 1, "pkg:npm/%40a/b", NULL, "vers:semver/<1.5.0", NULL,
	             "1.5.0");
	expect_entry(adv, 3, "pkg:pypi/a-b", NULL, "vers:pypi/1.1", NULL, NULL);
	tplc_advisory_free(adv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_osv__converter_data),
		cmocka_unit_test(test_osv__records),
		cmocka_unit_test(test_osv__ecosystems),
		cmocka_unit_test(test_osv__errors),
		cmocka_unit_test(test_osv__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "test.h"
#include "tplc/advisory.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/json.h"

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
	assert_true(adv->vulns[0].cvss_score == 4.7); /* computed, as NVD's */
	expect_entry(adv, 0, "pkg:apk/alpine/openssl?arch=source", NULL,
	             "vers:apk/<1.0.2q-r0", NULL, "1.0.2q-r0");
	expect_entry(adv, 6, NULL, "https://github.com/nodejs/node", NULL,
	             "git commits cf41627411886000429bde058a6594fb7f6d6d47.."
	             "03b825811ed4af0addcdf6e75bacb3dc1c4c5940 in "
	             "https://github.com/nodejs/node",
	             NULL);
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

/* ---- every ecosystem ---------------------------------------------------- */

/* One row per ecosystem of ecosystems.json: the ecosystem string used, a
 * package name, the purl (or product words) and whether ECOSYSTEM ranges
 * are compared (a vers scheme) or only versions[] is kept. */
static const struct eco_case {
	const char *key, *ecosystem, *name, *purl, *product, *scheme;
} eco_cases[] = {
	{ "AlmaLinux", "AlmaLinux:8", "openssl", "pkg:rpm/almalinux/openssl",
	  NULL, "rpm" },
	{ "Alpaquita", "Alpaquita:23", "openssl", "pkg:apk/alpaquita/openssl",
	  NULL, "apk" },
	{ "Alpine", "Alpine:v3.18", "openssl", "pkg:apk/alpine/openssl", NULL,
	  "apk" },
	{ "Android", "Android", "platform/frameworks/base", NULL,
	  "Android:platform/frameworks/base", NULL },
	{ "Azure Linux", "Azure Linux:3", "openssl",
	  "pkg:rpm/azurelinux/openssl", NULL, "rpm" },
	{ "BellSoft Hardened Containers", "BellSoft Hardened Containers:23",
	  "openssl", NULL, "BellSoft Hardened Containers:23:openssl", NULL },
	{ "Bioconductor", "Bioconductor", "BiocParallel", NULL,
	  "Bioconductor:BiocParallel", NULL },
	{ "Bitnami", "Bitnami", "wordpress", "pkg:bitnami/wordpress", NULL,
	  NULL },
	{ "Chainguard", "Chainguard", "openssl", "pkg:apk/chainguard/openssl",
	  NULL, "apk" },
	{ "CleanStart", "CleanStart", "openssl", NULL, "CleanStart:openssl",
	  NULL },
	{ "ConanCenter", "ConanCenter", "openssl", "pkg:conan/openssl", NULL,
	  "conan" },
	{ "CRAN", "CRAN", "commonmark", "pkg:cran/commonmark", NULL, NULL },
	{ "crates.io", "crates.io", "hyper", "pkg:cargo/hyper", NULL, "cargo" },
	{ "Debian", "Debian:12", "openssl", "pkg:deb/debian/openssl", NULL,
	  "deb" },
	{ "Docker Hardened Images", "Docker Hardened Images", "openssl", NULL,
	  "Docker Hardened Images:openssl", NULL },
	{ "Echo", "Echo", "openssl", NULL, "Echo:openssl", NULL },
	{ "FreeBSD", "FreeBSD:ports", "openssl", NULL, "FreeBSD:ports:openssl",
	  NULL },
	{ "GHC", "GHC", "ghc", NULL, "GHC:ghc", NULL },
	{ "GitHub Actions", "GitHub Actions", "tj-actions/changed-files",
	  "pkg:github/tj-actions/changed-files", NULL, NULL },
	{ "Go", "Go", "golang.org/x/net", "pkg:golang/golang.org/x/net", NULL,
	  "golang" },
	{ "Hackage", "Hackage", "aeson", "pkg:hackage/aeson", NULL, NULL },
	{ "Hex", "Hex", "plug", "pkg:hex/plug", NULL, "hex" },
	{ "Julia", "Julia", "HTTP", NULL, "Julia:HTTP", NULL },
	{ "Kubernetes", "Kubernetes", "k8s.io/apiserver",
	  "pkg:golang/k8s.io/apiserver", NULL, "golang" },
	{ "Linux", "Linux", "Kernel", NULL, "Linux:Kernel", NULL },
	{ "Mageia", "Mageia:9", "openssl", "pkg:rpm/mageia/openssl", NULL,
	  "rpm" },
	{ "Maven", "Maven", "org.apache.logging.log4j:log4j-core",
	  "pkg:maven/org.apache.logging.log4j/log4j-core", NULL, "maven" },
	{ "MinimOS", "MinimOS", "openssl", "pkg:apk/minimos/openssl", NULL,
	  "apk" },
	{ "npm", "npm", "lodash", "pkg:npm/lodash", NULL, "npm" },
	{ "NuGet", "NuGet", "Newtonsoft.Json", "pkg:nuget/Newtonsoft.Json",
	  NULL, "nuget" },
	{ "opam", "opam", "ocaml", "pkg:opam/ocaml", NULL, NULL },
	{ "openEuler", "openEuler:22.03-LTS", "openssl",
	  "pkg:rpm/openeuler/openssl", NULL, "rpm" },
	{ "openSUSE", "openSUSE:Leap 15.5", "openssl",
	  "pkg:rpm/opensuse/openssl", NULL, "rpm" },
	{ "OSS-Fuzz", "OSS-Fuzz", "libxml2", NULL, "OSS-Fuzz:libxml2", NULL },
	{ "Packagist", "Packagist", "symfony/http-kernel",
	  "pkg:composer/symfony/http-kernel", NULL, "composer" },
	{ "Photon OS", "Photon OS:5.0", "openssl", "pkg:rpm/photon/openssl",
	  NULL, "rpm" },
	{ "Pub", "Pub", "http", "pkg:pub/http", NULL, "pub" },
	{ "PyPI", "PyPI", "Django", "pkg:pypi/django", NULL, "pypi" },
	{ "Red Hat", "Red Hat:enterprise_linux:9::appstream", "openssl",
	  "pkg:rpm/redhat/openssl", NULL, "rpm" },
	{ "Rocky Linux", "Rocky Linux:9", "openssl",
	  "pkg:rpm/rocky-linux/openssl", NULL, "rpm" },
	{ "Root", "Root:Alpine:3.18", "root-openssl",
	  "pkg:apk/alpine/root-openssl", NULL, "apk" },
	{ "RubyGems", "RubyGems", "rails", "pkg:gem/rails", NULL, "gem" },
	{ "SUSE", "SUSE:SUSE Linux Enterprise Server 15 SP5", "openssl",
	  "pkg:rpm/suse/openssl", NULL, "rpm" },
	{ "SwiftURL", "SwiftURL", "https://github.com/apple/swift-nio.git",
	  "pkg:swift/github.com/apple/swift-nio", NULL, "semver" },
	{ "TuxCare", "TuxCare", "openssl", NULL, "TuxCare:openssl", NULL },
	{ "Ubuntu", "Ubuntu:22.04:LTS", "openssl", "pkg:deb/ubuntu/openssl",
	  NULL, "deb" },
	{ "VSCode", "VSCode", "ms-python.python",
	  "pkg:vscode-extension/ms-python/python", NULL, NULL },
	{ "Wolfi", "Wolfi", "openssl", "pkg:apk/wolfi/openssl", NULL, "apk" },
	/* not in the list: the GIT "ecosystem" names a repository */
	{ "GIT", "GIT", "https://github.com/openssl/openssl", NULL,
	  "https://github.com/openssl/openssl", NULL },
};

#define ECO_CASES (sizeof(eco_cases) / sizeof(eco_cases[0]))

static const struct eco_case *eco_case(const char *key)
{
	size_t i;

	for (i = 0; i < ECO_CASES; i++)
		if (strcmp(eco_cases[i].key, key) == 0)
			return &eco_cases[i];
	return NULL;
}

/* A record of ecosystem c: ECOSYSTEM [1.0.0, 1.2.0) and versions 1.0.0,
 * 1.1.0.  With a scheme the range is kept; without, the versions. */
static void check_ecosystem(const struct eco_case *c, size_t *typed,
                            size_t *compared)
{
	char text[2048], want[128];
	struct tplc_advisory *adv;

	snprintf(text, sizeof(text),
	         "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", "
	         "\"affected\": [{\"package\": {\"ecosystem\": \"%s\", "
	         "\"name\": \"%s\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\", "
	         "\"events\": [{\"introduced\": \"1.0.0\"}, {\"fixed\": "
	         "\"1.2.0\"}]}], \"versions\": [\"1.1.0\", \"1.0.0\"]}]}",
	         c->ecosystem, c->name);
	adv = parse_text(text);
	assert_int_equal(adv->affected_count, 1);
	if (c->scheme != NULL)
		snprintf(want, sizeof(want), "vers:%s/>=1.0.0|<1.2.0",
		         c->scheme);
	else
		snprintf(want, sizeof(want), "vers:generic/1.0.0|1.1.0");
	tplt_note("%-30s %-45s %s", c->ecosystem,
	          adv->affected[0].purl ? adv->affected[0].purl
	                                : adv->affected[0].product,
	          adv->affected[0].range ? adv->affected[0].range : "(none)");
	expect_entry(adv, 0, c->purl, c->product, want, NULL,
	             c->scheme ? "1.2.0" : NULL);
	*typed += c->purl != NULL;
	*compared += c->scheme != NULL;
	tplc_advisory_free(adv);
}

static void test_osv__every_ecosystem(void **state)
{
	const char *path = tplt_shared("advisories/osv/ecosystems.json");
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;
	size_t len, i, typed = 0, compared = 0, listed;
	char *data = tplt_read_file(path, &len);
	const struct eco_case *c;

	(void)state;
	assert_int_equal(tplx_json_parse(&doc, data, len, path, &err), 0);
	assert_int_equal(doc->root->type, TPLX_JSON_OBJECT);
	listed = doc->root->u.object.count;
	tplt_note("%-30s %-45s %s", "ecosystem", "package", "range");
	for (i = 0; i < listed; i++) {
		c = eco_case(doc->root->u.object.members[i].key);
		if (c == NULL)
			fail_msg("ecosystem \"%s\" has no case here",
			         doc->root->u.object.members[i].key);
		check_ecosystem(c, &typed, &compared);
	}
	tplt_conformance("OSV ecosystems: %zu/%zu of ecosystems.json kept "
	                 "(%zu with a purl type, %zu with a vers scheme for "
	                 "ECOSYSTEM ranges, %zu by their versions[] only)",
	                 listed, listed, typed, compared, listed - compared);
	typed = compared = 0;
	check_ecosystem(eco_case("GIT"), &typed, &compared);
	assert_int_equal(listed, ECO_CASES - 1);
	tplx_json_doc_free(doc);
	free(data);
}

/* ---- event semantics ---------------------------------------------------- */

static struct tplc_advisory *parse_events(const char *type, const char *events,
                                          const char *versions)
{
	char text[2048];

	snprintf(text, sizeof(text),
	         "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", "
	         "\"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", "
	         "\"name\": \"a\"}, \"ranges\": [{\"type\": \"%s\", %s"
	         "\"events\": [%s]}]%s%s}]}",
	         type,
	         strcmp(type, "GIT") == 0 ? "\"repo\": \"https://g/a\", " : "",
	         events, versions ? ", \"versions\": " : "",
	         versions ? versions : "");
	return parse_text(text);
}

static void expect_ranges(const char *type, const char *events,
                          const char *versions, size_t n, const char **want)
{
	struct tplc_advisory *adv = parse_events(type, events, versions);
	size_t i;

	assert_int_equal(adv->affected_count, n);
	for (i = 0; i < n; i++) {
		const struct tplc_affected *a = &adv->affected[i];

		assert_string_equal(a->range ? a->range : a->range_text,
		                    want[i]);
	}
	check_ranges(adv);
	tplc_advisory_free(adv);
}

static void test_osv__events(void **state)
{
	(void)state;
	/* last_affected is inclusive */
	expect_ranges("ECOSYSTEM",
	              "{\"introduced\": \"1.0\"}, {\"last_affected\": \"1.4\"}",
	              NULL, 1, (const char *[]){ "vers:pypi/>=1.0|<=1.4" });
	/* limit caps an open range, and a later fix */
	expect_ranges("ECOSYSTEM",
	              "{\"introduced\": \"1.0\"}, {\"limit\": \"2.0\"}", NULL,
	              1, (const char *[]){ "vers:pypi/>=1.0|<2.0" });
	expect_ranges("ECOSYSTEM",
	              "{\"introduced\": \"0\"}, {\"limit\": \"2.0\"}, "
	              "{\"fixed\": \"3.0\"}",
	              NULL, 1, (const char *[]){ "vers:pypi/<2.0" });
	/* several pairs, written out of order; the limit drops the pair
	 * that opens past it and cuts the one across it */
	expect_ranges(
	        "ECOSYSTEM",
	        "{\"introduced\": \"5.0\"}, {\"fixed\": \"1.5\"}, "
	        "{\"introduced\": \"2.0\"}, {\"limit\": \"4.0\"}, "
	        "{\"introduced\": \"0\"}, {\"fixed\": \"6.0\"}, "
	        "{\"introduced\": \"3.0\"}",
	        NULL, 2,
	        (const char *[]){ "vers:pypi/<1.5", "vers:pypi/>=2.0|<4.0" });
	/* limit "*" is no cap; the highest of several limits wins */
	expect_ranges("ECOSYSTEM",
	              "{\"introduced\": \"1.0\"}, {\"limit\": \"*\"}", NULL, 1,
	              (const char *[]){ "vers:pypi/>=1.0" });
	expect_ranges("ECOSYSTEM",
	              "{\"introduced\": \"1.0\"}, {\"limit\": \"1.5\"}, "
	              "{\"limit\": \"1.10\"}",
	              NULL, 1, (const char *[]){ "vers:pypi/>=1.0|<1.10" });
	/* GIT only: commits as words, one per pair; versions win */
	expect_ranges(
	        "GIT",
	        "{\"introduced\": \"abc\"}, {\"fixed\": \"def\"}, "
	        "{\"introduced\": \"123\"}, {\"last_affected\": "
	        "\"456\"}, {\"introduced\": \"789\"}",
	        NULL, 3,
	        (const char *[]){ "git commits abc..def in https://g/a",
	                          "git commits 123..456 (last affected) in "
	                          "https://g/a",
	                          "git commits 789.. in https://g/a" });
	expect_ranges("GIT", "{\"introduced\": \"0\"}, {\"fixed\": \"def\"}",
	              "[\"1.0\", \"1.1\"]", 2,
	              (const char *[]){ "vers:pypi/1.0", "vers:pypi/1.1" });
}

static void test_osv__fixtures(void **state)
{
	struct tplc_advisory *adv;
	const struct tplc_vuln *v;
	char path[4096];
	const char *root = getenv("TPLC_SOURCE_ROOT");

	(void)state;
	snprintf(path, sizeof(path), "%s/tests/fixtures/osv/%s",
	         root ? root : ".", "GHSA-jfh8-c2jp-5v3q.json");
	adv = NULL;
	{
		char msg[1024];

		if (parse_path(path, false, &adv, msg, sizeof(msg)) != 0)
			fail_msg("%s", msg);
	}
	v = &adv->vulns[0];
	assert_string_equal(v->id, "CVE-2021-44228");
	assert_string_equal(v->cwe, "CWE-20");
	assert_null(v->withdrawn);
	/* the CVSS vector, and GitHub's word for it */
	assert_int_equal(v->metric_count, 2);
	assert_string_equal(v->metrics[0].version, "3.1");
	assert_string_equal(v->metrics[0].vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
	/* OSV gives the vector only: the score is computed from it */
	assert_true(v->metrics[0].score == 10.0);
	assert_true(v->cvss_score == 10.0);
	assert_null(v->metrics[1].version);
	assert_null(v->metrics[1].vector);
	assert_string_equal(v->metrics[1].type, "CRITICAL");
	assert_int_equal(adv->affected_count, 5);
	expect_entry(adv, 0, "pkg:maven/org.apache.logging.log4j/log4j-core",
	             NULL, "vers:maven/>=2.13.0|<2.15.0", NULL, "2.15.0");
	expect_entry(adv, 1, "pkg:maven/org.apache.logging.log4j/log4j-core",
	             NULL, "vers:maven/>=2.0-beta9|<2.3.1", NULL, "2.3.1");
	expect_entry(adv, 4,
	             "pkg:maven/org.ops4j.pax.logging/"
	             "pax-logging-log4j2",
	             NULL, "vers:maven/>=1.10.0|<1.10.8", NULL, "1.10.8");
	tplc_advisory_free(adv);

	snprintf(path, sizeof(path), "%s/tests/fixtures/osv/%s",
	         root ? root : ".", "GO-2022-0969.json");
	{
		char msg[1024];

		if (parse_path(path, false, &adv, msg, sizeof(msg)) != 0)
			fail_msg("%s", msg);
	}
	assert_string_equal(adv->vulns[0].id, "CVE-2022-27664");
	assert_int_equal(adv->vulns[0].metric_count, 0);
	assert_int_equal(adv->affected_count, 3);
	expect_entry(adv, 0, "pkg:golang/stdlib", NULL, "vers:semver/<1.18.6",
	             NULL, "1.18.6");
	expect_entry(adv, 1, "pkg:golang/stdlib", NULL,
	             "vers:semver/>=1.19.0-0|<1.19.1", NULL, "1.19.1");
	expect_entry(adv, 2, "pkg:golang/golang.org/x/net", NULL,
	             "vers:semver/<0.0.0-20220906165146-f3363e06e74c", NULL,
	             "0.0.0-20220906165146-f3363e06e74c");
	tplc_advisory_free(adv);

	/* a Debian range wins over its versions list */
	snprintf(path, sizeof(path), "%s/tests/fixtures/osv/%s",
	         root ? root : ".", "DSA-2896-1.json");
	{
		char msg[1024];

		if (parse_path(path, false, &adv, msg, sizeof(msg)) != 0)
			fail_msg("%s", msg);
	}
	assert_string_equal(adv->vulns[0].id, "DSA-2896-1");
	assert_int_equal(adv->affected_count, 1);
	expect_entry(adv, 0, "pkg:deb/debian/openssl?arch=source", NULL,
	             "vers:deb/<1.0.1e-2+deb7u5", NULL, "1.0.1e-2+deb7u5");
	tplc_advisory_free(adv);

	/* withdrawn: kept, and says when */
	adv = parse_file("advisories/osv/tools/ghsa/testdata/"
	                 "withdrawn.osv.json");
	assert_string_equal(adv->vulns[0].withdrawn, "2018-10-11T17:29:49Z");
	tplc_advisory_free(adv);
}

/* ---- one advisory per record, and zips ------------------------------------ */

struct seen {
	char ids[8][64];
	size_t count;
	int stop_at; /* the cb fails on this record (1-based), 0 never */
};

static int collect(struct tplc_advisory *adv, void *data)
{
	struct seen *s = data;

	assert_string_equal(adv->source, "osv");
	assert_int_equal(adv->vuln_count, 1);
	if (s->count < 8)
		snprintf(s->ids[s->count], sizeof(s->ids[0]), "%s", adv->id);
	s->count++;
	tplc_advisory_free(adv);
	return (int)s->count == s->stop_at ? TPLC_ESTORE : 0;
}

/* A zip of named entries, made with libarchive's writer. */
static char *make_zip(size_t *len, const char *const *names,
                      const char *const *texts, size_t n)
{
	size_t cap = 1 << 20, used = 0, i;
	char *buf = malloc(cap);
	struct archive *a = archive_write_new();

	assert_non_null(buf);
	archive_write_set_format_zip(a);
	assert_int_equal(archive_write_open_memory(a, buf, cap, &used),
	                 ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();

		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)strlen(texts[i]));
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		assert_true(archive_write_data(a, texts[i], strlen(texts[i])) ==
		            (la_ssize_t)strlen(texts[i]));
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	*len = used;
	return buf;
}

static void test_osv__each(void **state)
{
	const char *arr =
	        "[{\"id\": \"GHSA-aaaa-bbbb-cccc\", \"modified\": \"x\"},\n"
	        " {\"id\": \"PYSEC-2024-1\", \"modified\": \"x\"}]";
	const char *names[] = { "GHSA-aaaa-bbbb-cccc.json", "README",
		                "bad/GHSA-dddd-eeee-ffff.json" };
	const char *texts[] = {
		"{\"id\": \"GHSA-aaaa-bbbb-cccc\", \"modified\": \"x\"}",
		"not json",
		"{\"id\": \"GHSA-dddd-eeee-ffff\", \"modified\": \"x\",\n"
		" \"affected\": [3]}",
	};
	struct seen s;
	struct tplc_error err;
	char msg[1024], *zip;
	size_t len;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(tplc_advisory_each("osv", arr, strlen(arr), "a.json",
	                                    collect, &s, &err),
	                 0);
	assert_int_equal(s.count, 2);
	assert_string_equal(s.ids[0], "GHSA-aaaa-bbbb-cccc");
	assert_string_equal(s.ids[1], "PYSEC-2024-1");
	/* the callback's error stops the walk */
	memset(&s, 0, sizeof(s));
	s.stop_at = 1;
	assert_int_equal(
	        tplc_osv_each(arr, strlen(arr), "a.json", collect, &s, &err),
	        TPLC_ESTORE);
	assert_int_equal(s.count, 1);
	/* an empty array is no feed */
	assert_int_equal(tplc_osv_each("[]", 2, "e.json", collect, &s, &err),
	                 TPLC_EPARSE);

	/* a zip: .json entries only; an entry's errors name it */
	zip = make_zip(&len, names, texts, 2);
	memset(&s, 0, sizeof(s));
	assert_int_equal(tplc_osv_each(zip, len, "all.zip", collect, &s, &err),
	                 0);
	assert_int_equal(s.count, 1);
	assert_string_equal(s.ids[0], "GHSA-aaaa-bbbb-cccc");
	free(zip);
	zip = make_zip(&len, names, texts, 3);
	memset(&s, 0, sizeof(s));
	assert_int_equal(tplc_osv_each(zip, len, "all.zip", collect, &s, &err),
	                 TPLC_EPARSE);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)),
	                    "all.zip:bad/GHSA-dddd-eeee-ffff.json:2:15: "
	                    "affected[0]: expected an object, found a number");
	free(zip);
	/* a zip without records */
	zip = make_zip(&len, names + 1, texts + 1, 1);
	assert_int_equal(tplc_osv_each(zip, len, "x.zip", collect, &s, &err),
	                 TPLC_EPARSE);
	free(zip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_osv__converter_data),
		cmocka_unit_test(test_osv__records),
		cmocka_unit_test(test_osv__ecosystems),
		cmocka_unit_test(test_osv__errors),
		cmocka_unit_test(test_osv__out_of_memory),
		cmocka_unit_test(test_osv__every_ecosystem),
		cmocka_unit_test(test_osv__events),
		cmocka_unit_test(test_osv__fixtures),
		cmocka_unit_test(test_osv__each),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

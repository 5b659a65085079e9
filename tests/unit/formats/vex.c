/* SPDX-License-Identifier: Apache-2.0 */
/*
 * VEX in and out.  The CycloneDX bom-examples VEX cases are checked
 * against the status each case states (CISA "Vulnerability Exploitability
 * eXchange (VEX) - Use Cases" and the documents' own analysis), OpenVEX
 * against fixtures in the spec's examples' shape, CSAF VEX against the
 * product statuses of the OASIS examples; the writers by round trips.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/advisory.h"
#include "tplc/sbom.h"
#include "tplc/vers.h"
#include "tplc/vex.h"
#include "util/json.h"

#define VEX_DIR "sbom/cyclonedx/examples/VEX/"

static const char *fixture(const char *name)
{
	static char path[4096];
	const char *root = getenv("TPLC_SOURCE_ROOT");

	snprintf(path, sizeof(path), "%s/tests/fixtures/openvex/%s",
	         root ? root : ".", name);
	return path;
}

static struct tplc_advisory *parse_vex(const char *path)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	char msg[1024];
	size_t len;
	char *data = tplt_read_file(path, &len);
	int error = tplc_vex_parse(&adv, data, len, path, &err);

	free(data);
	if (error != 0) {
		tplc_error_format(&err, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
	return adv;
}

static const char *status_name(enum tplc_status s)
{
	static const char *const names[] = { "affected", "fixed",
		                             "not_affected",
		                             "under_investigation" };
	return names[s];
}

/* The entry names product: its name, a BOM-Link's ref, or its purl. */
static bool names(const struct tplc_affected *a, const char *product)
{
	size_t n = strlen(product), m;

	if (a->purl != NULL && strcmp(a->purl, product) == 0)
		return true;
	if (a->product == NULL)
		return false;
	m = strlen(a->product);
	return strcmp(a->product, product) == 0 ||
	       (m > n && a->product[m - n - 1] == '#' &&
	        strcmp(a->product + m - n, product) == 0);
}

static bool covers(const struct tplc_affected *a, const char *version)
{
	struct tplc_vers *range = NULL;
	bool in = false;

	if (a->range == NULL)
		return a->range_text == NULL ||
		       strcmp(a->range_text, version) == 0;
	assert_int_equal(tplc_vers_parse(&range, a->range, NULL), 0);
	assert_int_equal(tplc_vers_contains(&in, range, version, NULL), 0);
	tplc_vers_free(range);
	return in;
}

/*
 * What the document says of (vulnerability, product, version): "none"
 * when nothing; a version both fixed and "unaffected" is fixed (CycloneDX
 * marks a fixed version unaffected); any other disagreement is "conflict".
 */
static const char *says(const struct tplc_advisory *adv, const char *vuln,
                        const char *product, const char *version,
                        const char **justification)
{
	const struct tplc_affected *hit = NULL, *a;
	size_t i;

	*justification = NULL;
	for (i = 0; i < adv->affected_count; i++) {
		a = &adv->affected[i];
		if (strcmp(adv->vulns[a->vuln].id, vuln) != 0 ||
		    !names(a, product) || !covers(a, version))
			continue;
		if (hit == NULL || (hit->status == TPLC_STATUS_NOT_AFFECTED &&
		                    a->status == TPLC_STATUS_FIXED))
			hit = a;
		else if (hit->status != a->status &&
		         !(hit->status == TPLC_STATUS_FIXED &&
		           a->status == TPLC_STATUS_NOT_AFFECTED))
			return "conflict";
	}
	if (hit == NULL)
		return "none";
	*justification = hit->justification;
	return status_name(hit->status);
}

/* One stated status; reason says where the expectation comes from. */
struct expect {
	const char *file, *vuln, *product, *version, *status, *justification;
	const char *reason;
};

#define CISA VEX_DIR "CISA-Use-Cases/"
#define UC   VEX_DIR "Use-Cases/"
#define L4J  "CVE-2021-44228"
#define JD   "CVE-2020-25649"
#define NA   "not_affected"
#define UI   "under_investigation"
#define CNP  "code_not_present"
#define CNR  "code_not_reachable"

static const struct expect expects[] = {
	{ CISA "Case-1/vex-not_affected.json", L4J, "ABC", "4.2", NA, CNP,
	  "CISA 1: one product version not affected, code removed" },
	{ CISA "Case-1/vex-affected.json", L4J, "DEF", "1.0", "affected", NULL,
	  "CISA 1: DEF 1.0 affected, upgrade advised" },
	{ CISA "Case-1/vex-fixed.json", L4J, "DEF", "1.1", "fixed", NULL,
	  "CISA 1: DEF 1.1 fixed (resolved)" },
	{ CISA "Case-1/vex-under_investigation.json", L4J, "GHI", "17.4", UI,
	  NULL, "CISA 1: GHI 17.4 under investigation (in_triage)" },
	{ CISA "Case-2/vex.json", "CVE-2020-11896", "ABC", "4.2", NA, CNR,
	  "CISA 2: Ripple20, Linux TCP/IP used: first of 19" },
	{ CISA "Case-2/vex.json", "CVE-2020-11914", "ABC", "4.2", NA, CNR,
	  "CISA 2: Ripple20, last of 19" },
	{ CISA "Case-3/vex.json", "CVE-2020-11896", "GHI", "17.4", UI, NULL,
	  "CISA 3: mixed statuses, in triage" },
	{ CISA "Case-3/vex.json", "CVE-2020-11897", "GHI", "17.4", NA, CNP,
	  "CISA 3: IPv6 code not present" },
	{ CISA "Case-3/vex.json", "CVE-2020-11898", "GHI", "17.4", "affected",
	  NULL, "CISA 3: exploitable, patches being integrated" },
	{ CISA "Case-3/vex.json", "CVE-2020-11901", "GHI", "17.4", "fixed",
	  NULL, "CISA 3: resolved" },
	{ CISA "Case-4/vex.json", L4J, "ABC", "2.4", "affected", NULL,
	  "CISA 4: listed affected version" },
	{ CISA "Case-4/vex.json", L4J, "ABC", "3.0", "affected", NULL,
	  "CISA 4: inside >=2.9|<=4.1" },
	{ CISA "Case-4/vex.json", L4J, "ABC", "2.5", "none", NULL,
	  "CISA 4: only affected versions are stated" },
	{ CISA "Case-5/vex.json", L4J, "XYZ", "1.0", UI, NULL,
	  "CISA 5: every version under investigation" },
	{ CISA "Case-6/vex.json", L4J, "ABC", "2.0", NA, CNP,
	  "CISA 6: inside not-affected >=1.0|<=2.3" },
	{ CISA "Case-6/vex.json", L4J, "ABC", "2.6", "affected", NULL,
	  "CISA 6: listed affected version" },
	{ CISA "Case-6/vex.json", L4J, "ABC", "4.2", NA, CNP,
	  "CISA 6: listed not-affected version" },
	{ CISA "Case-7/vex.json", L4J, "product-ABC", "2.8", NA, CNP,
	  "CISA 7: BOM-Link to ABC, not-affected range" },
	{ CISA "Case-7/vex.json", L4J, "product-JKL", "4.7", "affected", NULL,
	  "CISA 7: JKL inside >=4.5|<=5.0" },
	{ CISA "Case-7/vex.json", L4J, "product-JKL", "5.1", "fixed", NULL,
	  "CISA 7: JKL 5.1 resolved" },
	{ CISA "Case-8/vex.json", "CVE-2021-45105", "product-JKL", "5.1",
	  "affected", NULL, "CISA 8: second CVE, JKL 5.1 still affected" },
	{ CISA "Case-8/vex.json", "CVE-2021-45105", "product-JKL", "5.2",
	  "fixed", NULL, "CISA 8: JKL 5.2 resolved (and unaffected)" },
	{ CISA "Case-8/vex.json", L4J, "product-JKL", "5.2", "fixed", NULL,
	  "CISA 8: first CVE fixed in 5.1 and 5.2" },
	{ VEX_DIR "vex.json", JD,
	  "pkg:maven/com.fasterxml.jackson.core/jackson-databind?type=jar",
	  "2.10.0", NA, CNR,
	  "example app: BOM-Link whose ref is the component's purl" },
	{ UC "Case-1/vex.json", JD, "Acme Product", "2.4.0", NA, CNR,
	  "use case 1: a product version not affected" },
	{ UC "Case-2/vex.json", JD, "Acme Product", "2.4.0", "affected", NULL,
	  "use case 2: exploitable" },
	{ UC "Case-3/vex.json", JD, "Acme Product", "2.4.0", UI, NULL,
	  "use case 3: in triage" },
	{ UC "Case-4/vex.json", JD, "Acme Product", "2.3.0", NA, CNR,
	  "use case 4: inside >=2.2.0|<=2.4.0" },
	{ UC "Case-4/vex.json", JD, "Acme Product", "2.5.0", "none", NULL,
	  "use case 4: outside the stated range" },
	{ UC "Case-5/vex.json", JD, "Acme Product", "1.4.0", NA, CNR,
	  "use case 5: below 1.5.0 not affected (range given unsorted)" },
	{ UC "Case-5/vex.json", JD, "Acme Product", "6.0.0", "affected", NULL,
	  "use case 5: inside >=1.5.0|<7.0.0" },
	{ UC "Case-5/vex.json", JD, "Acme Product", "7.0.0", NA, CNR,
	  "use case 5: from 7.0.0 not affected" },
	{ UC "Case-6/vex.json", JD, "acme-product-3", "1.0", NA, CNR,
	  "use case 6: three products by BOM-Link, all not affected" },
	{ UC "Case-8/vex.json", JD, "Acme Product", "3.1.0", NA, CNR,
	  "use case 8: several ranges not affected" },
	{ UC "Case-8/vex.json", JD, "Acme Product", "3.5.0", "none", NULL,
	  "use case 8: between the ranges nothing is stated" },
	{ UC "Case-9/vex.json", "CVE-2020-11914", "acme-product-2", "1.0", NA,
	  CNR, "use case 9: many vulnerabilities, three products" },
	{ UC "Case-10/vex.json", JD, "Acme Product", "2.3.7", NA, CNR,
	  "use case 10: a list of versions" },
	{ UC "Case-11/vex.json", "CVE-2020-11905", "Acme Product", "2.2.0", NA,
	  CNR, "use case 11: many vulnerabilities, one product" },
	{ UC "Case-12/vex.json", "CVE-2020-35491", "Acme Product", "2.2.0",
	  "affected", NULL, "use case 12: one of three exploitable" },
	{ UC "Case-12/vex.json", "CVE-2020-14195", "Acme Product", "2.2.0", NA,
	  "protected_by_mitigating_control",
	  "use case 12: mitigating controls" },
	{ UC "Case-13/vex.json", JD, "acme-product-1", "1.0", NA, CNR,
	  "use case 13: products 1 and 2 not affected" },
	{ UC "Case-13/vex.json", JD, "acme-product-3", "1.0", "affected", NULL,
	  "use case 13: product 3 exploitable" },
};

#define EXPECT_COUNT (sizeof(expects) / sizeof(expects[0]))

static void test_vex__cisa_use_cases(void **state)
{
	size_t i, ok = 0;

	(void)state;
	if (tplt_shared(VEX_DIR) == NULL)
		skip();
	for (i = 0; i < EXPECT_COUNT; i++) {
		const struct expect *e = &expects[i];
		struct tplc_advisory *adv = parse_vex(tplt_shared(e->file));
		const char *just, *got;

		got = says(adv, e->vuln, e->product, e->version, &just);
		if (strcmp(got, e->status) == 0 &&
		    (e->justification == NULL ||
		     (just != NULL && strcmp(just, e->justification) == 0)))
			ok++;
		else
			tplt_note("%s %s %s@%s: %s (%s), expected %s (%s): %s",
			          e->file, e->vuln, e->product, e->version, got,
			          just ? just : "-", e->status,
			          e->justification ? e->justification : "-",
			          e->reason);
		tplc_advisory_free(adv);
	}
	tplt_conformance("CISA VEX use cases: %zu/%zu statuses as stated", ok,
	                 EXPECT_COUNT);
	assert_int_equal(ok, EXPECT_COUNT);
}

/* Statement counts and what the documents name. */
static void test_vex__counts(void **state)
{
	static const struct {
		const char *file;
		size_t vulns, statements;
		const char *source;
	} cases[] = {
		{ CISA "Case-2/vex.json", 19, 19, "vex" },
		{ CISA "Case-6/vex.json", 1, 7, "vex" },
		{ CISA "Case-8/vex.json", 2, 24, "vex" },
		/* names no product: "not exploitable in any product" */
		{ UC "Case-7/vex.json", 1, 0, "vex" },
		{ UC "Case-9/vex.json", 19, 57, "vex" },
		{ UC "Case-10/vex.json", 1, 13, "vex" },
	};
	size_t i;

	(void)state;
	if (tplt_shared(VEX_DIR) == NULL)
		skip();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tplc_advisory *adv =
		        parse_vex(tplt_shared(cases[i].file));

		assert_string_equal(adv->source, cases[i].source);
		assert_non_null(adv->id);
		assert_int_equal(adv->vuln_count, cases[i].vulns);
		assert_int_equal(adv->affected_count, cases[i].statements);
		tplc_advisory_free(adv);
	}
}

/* Every document of the folder parses: VEX documents and the BOMs they
 * link to (which make no statements). */
static void test_vex__all_parse(void **state)
{
	static const char *const files[] = {
		"vex.json",
		"bom.json",
		"CISA-Use-Cases/Case-1/vex-affected.json",
		"CISA-Use-Cases/Case-1/vex-fixed.json",
		"CISA-Use-Cases/Case-1/vex-not_affected.json",
		"CISA-Use-Cases/Case-1/vex-under_investigation.json",
		"CISA-Use-Cases/Case-2/vex.json",
		"CISA-Use-Cases/Case-3/vex.json",
		"CISA-Use-Cases/Case-4/vex.json",
		"CISA-Use-Cases/Case-5/vex.json",
		"CISA-Use-Cases/Case-6/vex.json",
		"CISA-Use-Cases/Case-7/vex.json",
		"CISA-Use-Cases/Case-7/bom-1.json",
		"CISA-Use-Cases/Case-7/bom-2.json",
		"CISA-Use-Cases/Case-8/vex.json",
		"CISA-Use-Cases/Case-8/bom-1.json",
		"CISA-Use-Cases/Case-8/bom-2.json",
		"Use-Cases/Case-1/vex.json",
		"Use-Cases/Case-2/vex.json",
		"Use-Cases/Case-3/vex.json",
		"Use-Cases/Case-4/vex.json",
		"Use-Cases/Case-5/vex.json",
		"Use-Cases/Case-6/vex.json",
		"Use-Cases/Case-6/bom-1.json",
		"Use-Cases/Case-6/bom-2.json",
		"Use-Cases/Case-6/bom-3.json",
		"Use-Cases/Case-7/vex.json",
		"Use-Cases/Case-8/vex.json",
		"Use-Cases/Case-9/vex.json",
		"Use-Cases/Case-9/bom-1.json",
		"Use-Cases/Case-9/bom-2.json",
		"Use-Cases/Case-9/bom-3.json",
		"Use-Cases/Case-10/vex.json",
		"Use-Cases/Case-11/vex.json",
		"Use-Cases/Case-12/vex.json",
		"Use-Cases/Case-13/vex.json",
		"Use-Cases/Case-13/bom-1.json",
		"Use-Cases/Case-13/bom-2.json",
		"Use-Cases/Case-13/bom-3.json",
	};
	char rel[256];
	size_t i, n = sizeof(files) / sizeof(files[0]);

	(void)state;
	if (tplt_shared(VEX_DIR) == NULL)
		skip();
	for (i = 0; i < n; i++) {
		snprintf(rel, sizeof(rel), VEX_DIR "%s", files[i]);
		tplc_advisory_free(parse_vex(tplt_shared(rel)));
	}
	tplt_conformance("CycloneDX VEX examples: %zu/%zu documents parse", n,
	                 n);
}

static void test_vex__openvex(void **state)
{
	struct tplc_advisory *adv;
	const char *just;

	(void)state;
	adv = parse_vex(fixture("fixed.json"));
	assert_string_equal(adv->source, "openvex");
	assert_string_equal(
	        adv->id, "https://openvex.dev/docs/example/vex-9fb3463de1b57");
	assert_int_equal(adv->affected_count, 2);
	assert_string_equal(adv->affected[0].purl,
	                    "pkg:apk/distro/git?arch=armv7");
	assert_string_equal(adv->affected[0].range, "vers:alpine/2.39.0-r1");
	assert_string_equal(says(adv, "CVE-2014-123456",
	                         "pkg:apk/distro/git?arch=x86_64", "2.39.0-r1",
	                         &just),
	                    "fixed");
	tplc_advisory_free(adv);

	adv = parse_vex(fixture("not-affected.json"));
	assert_int_equal(adv->vuln_count, 2);
	assert_int_equal(adv->vulns[0].alias_count, 1);
	assert_string_equal(adv->modified, "2023-09-01T09:10:00.000000-06:00");
	assert_string_equal(
	        says(adv, "CVE-2023-1370",
	             "pkg:maven/org.springframework.boot/spring-boot", "3.1.3",
	             &just),
	        "not_affected");
	assert_string_equal(just, "vulnerable_code_not_in_execute_path");
	assert_non_null(strstr(adv->affected[0].detail, "untrusted JSON"));
	assert_string_equal(
	        says(adv, "CVE-2023-20883",
	             "pkg:maven/org.springframework.boot/spring-boot", "3.1.3",
	             &just),
	        "under_investigation");
	tplc_advisory_free(adv);

	adv = parse_vex(fixture("affected.json")); /* @id is no purl */
	assert_int_equal(adv->affected_count, 2);
	assert_string_equal(adv->affected[0].purl, "pkg:generic/acme/pump-fw");
	assert_string_equal(adv->affected[0].remediation,
	                    "Update the pump firmware to 4.2.2 or later.");
	assert_int_equal(adv->affected[0].status, TPLC_STATUS_AFFECTED);
	/* pkg:generic/VENDOR/MODEL also names the device, for the
	 * inventory's product versions */
	assert_null(adv->affected[1].purl);
	assert_string_equal(adv->affected[1].vendor, "acme");
	assert_string_equal(adv->affected[1].product, "pump-fw");
	assert_string_equal(adv->affected[1].range, "vers:generic/4.2.1");
	assert_int_equal(adv->affected[1].status, TPLC_STATUS_AFFECTED);
	tplc_advisory_free(adv);

	{
		static const char cpe_vex[] =
		        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\","
		        " \"@id\": \"x\", \"author\": \"a\","
		        " \"timestamp\": \"2024-01-01T00:00:00Z\","
		        " \"version\": 1, \"statements\": [{"
		        " \"vulnerability\": {\"name\": \"CVE-2020-1938\"},"
		        " \"products\": [{\"@id\": \"x\", \"identifiers\":"
		        " {\"cpe23\": \"cpe:2.3:a:philips:vue_pacs:12.2.1.6"
		        ":*:*:*:*:*:*:*\"}}], \"status\": \"not_affected\","
		        " \"justification\": \"component_not_present\"}]}";
		struct tplc_error err;

		assert_int_equal(tplc_vex_parse(&adv, cpe_vex, strlen(cpe_vex),
		                                "cpe.json", &err),
		                 0);
	}
	assert_int_equal(adv->affected_count, 2); /* the CPE and the device */
	assert_string_equal(
	        adv->affected[0].cpe,
	        "cpe:2.3:a:philips:vue_pacs:12.2.1.6:*:*:*:*:*:*:*");
	assert_string_equal(adv->affected[1].vendor, "philips");
	assert_string_equal(adv->affected[1].product, "vue_pacs");
	assert_string_equal(adv->affected[1].range, "vers:generic/12.2.1.6");
	tplc_advisory_free(adv);

	adv = parse_vex(fixture("device.json")); /* pkg:generic + supplier */
	assert_string_equal(adv->affected[0].vendor, "Example Medical");
	assert_string_equal(adv->affected[0].product, "Infusion Pump");
	assert_string_equal(adv->affected[0].range, "vers:generic/2.4");
	assert_string_equal(adv->affected[0].justification,
	                    "component_not_present");
	tplc_advisory_free(adv);

	adv = parse_vex(fixture("legacy.json")); /* 0.0.x string forms */
	assert_string_equal(adv->vulns[0].id, "CVE-2022-3171");
	assert_int_equal(adv->affected[0].status, TPLC_STATUS_NOT_AFFECTED);
	assert_non_null(adv->affected[0].purl);
	tplc_advisory_free(adv);
	tplt_conformance("OpenVEX fixtures: 5/5 documents as written");
}

static void test_vex__malformed(void **state)
{
	static const char *const bad[] = {
		"[]",
		"{}",
		"{\"bomFormat\":\"SPDX\"}",
		"{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"id\":1}]"
		"}",
		"{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"id\":"
		"\"x\","
		"\"analysis\":{\"state\":\"maybe\"}}]}",
		"{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"id\":"
		"\"x\","
		"\"affects\":[{\"ref\":\"a\",\"versions\":[{}]}]}]}",
		"{\"@context\":\"https://openvex.dev/ns/"
		"v0.2.0\",\"@id\":\"x\"}",
		"{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"x\","
		"\"statements\":[{\"status\":\"broken\",\"vulnerability\":"
		"{\"name\":\"CVE-1\"}}]}",
		"{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"x\","
		"\"statements\":[{\"status\":\"fixed\"}]}",
		"{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"x\","
		"\"statements\":[{\"status\":\"fixed\",\"vulnerability\":"
		"{\"name\":\"CVE-1\"},\"products\":[{}]}]}",
	};
	struct tplc_advisory *adv;
	struct tplc_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(tplc_vex_parse(&adv, bad[i], strlen(bad[i]),
		                                "bad.json", &err),
		                 TPLC_EPARSE);
		assert_null(adv);
		assert_string_equal(err.file, "bad.json");
	}
}

/* ---- CSAF VEX ------------------------------------------------------- */

static void test_vex__csaf_examples(void **state)
{
	static const char *const files[] = {
		"2022-evd-uc-01-a-001.json",  "2022-evd-uc-01-f-001.json",
		"2022-evd-uc-01-na-001.json", "2022-evd-uc-01-ui-001.json",
		"2022-evd-uc-02-na-001.json", "2022-evd-uc-03-ms-001.json",
		"2022-evd-uc-04-001.json",    "2022-evd-uc-05-001.json",
		"2022-evd-uc-06-001.json",    "2022-evd-uc-07-001.json",
		"2022-evd-uc-08-001.json",    "2022-evd-uc-09-001.json",
		"sec-vex-2022-0001.json",
	};
	/* product ids per status in the documents (fixed counts
	 * "recommended" too); 3 not-affected products carry a flag, all 50
	 * an impact statement */
	const size_t want[4] = { 26, 9, 50, 7 }, want_just = 3,
	             want_detail = 50;
	size_t got[4] = { 0 }, just = 0, detail = 0, i, k, n;
	char rel[256];

	(void)state;
	n = sizeof(files) / sizeof(files[0]);
	if (tplt_shared("advisories/csaf-2.0/examples/csaf/csaf_vex") == NULL)
		skip();
	for (i = 0; i < n; i++) {
		struct tplc_advisory *adv = NULL;
		struct tplc_error err;
		size_t len;
		char *data;

		snprintf(rel, sizeof(rel),
		         "advisories/csaf-2.0/examples/csaf/csaf_vex/%s",
		         files[i]);
		data = tplt_read_file(tplt_shared(rel), &len);
		assert_int_equal(tplc_csaf_parse(&adv, data, len, rel, &err),
		                 0);
		free(data);
		for (k = 0; k < adv->affected_count; k++) {
			const struct tplc_affected *a = &adv->affected[k];

			got[a->status]++;
			if (a->status != TPLC_STATUS_NOT_AFFECTED)
				continue;
			just += a->justification != NULL;
			detail += a->detail != NULL;
		}
		tplc_advisory_free(adv);
	}
	tplt_conformance("CSAF VEX examples: %zu documents: %zu affected, "
	                 "%zu fixed, %zu not affected (%zu justified, %zu "
	                 "with impact), %zu under investigation",
	                 n, got[0], got[1], got[2], just, detail, got[3]);
	for (k = 0; k < 4; k++)
		assert_int_equal(got[k], want[k]);
	assert_int_equal(just, want_just);
	assert_int_equal(detail, want_detail);
}

/* ---- writers ------------------------------------------------------- */

static char *write_doc(const struct tplc_advisory *adv, const char *format,
                       size_t *len)
{
	struct tplc_error err;
	char *buf = NULL, msg[1024];
	FILE *fp = open_memstream(&buf, len);

	assert_non_null(fp);
	if (tplc_vex_write(fp, format, adv, &err) != 0) {
		tplc_error_format(&err, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
	fclose(fp);
	return buf;
}

/* Both say the same statements, in order. */
static void assert_same_statements(const struct tplc_advisory *a,
                                   const struct tplc_advisory *b,
                                   bool justification_words)
{
	size_t i;

	assert_int_equal(a->affected_count, b->affected_count);
	for (i = 0; i < a->affected_count; i++) {
		const struct tplc_affected *x = &a->affected[i],
		                           *y = &b->affected[i];

		assert_string_equal(a->vulns[x->vuln].id, b->vulns[y->vuln].id);
		assert_int_equal(x->status, y->status);
		assert_true((x->purl == NULL) == (y->purl == NULL));
		if (x->purl != NULL)
			assert_string_equal(x->purl, y->purl);
		if (x->product != NULL)
			assert_string_equal(x->product, y->product);
		if (x->vendor != NULL)
			assert_string_equal(x->vendor, y->vendor);
		if (x->range != NULL)
			assert_string_equal(x->range, y->range);
		if (x->detail != NULL)
			assert_string_equal(x->detail, y->detail);
		if (x->justification != NULL && justification_words)
			assert_string_equal(x->justification, y->justification);
		else if (x->justification != NULL)
			assert_non_null(y->justification);
	}
}

/* A device manufacturer's statements: the shape tplc vex export makes. */
static const char device_vex[] =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
        "\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\","
        "\"metadata\":{\"timestamp\":\"2024-05-01T00:00:00Z\"},"
        "\"components\":[{\"type\":\"device\",\"bom-ref\":\"p1\","
        "\"supplier\":{\"name\":\"Example Medical\"},"
        "\"name\":\"Infusion Pump\",\"version\":\"2.4\"},"
        "{\"type\":\"library\",\"bom-ref\":\"lib\",\"name\":\"zlib\","
        "\"purl\":\"pkg:generic/zlib@1.2.11\"}],"
        "\"vulnerabilities\":["
        "{\"id\":\"CVE-2021-44228\",\"analysis\":{\"state\":\"not_affected\","
        "\"justification\":\"code_not_present\",\"detail\":\"No Java.\"},"
        "\"affects\":[{\"ref\":\"p1\"}]},"
        "{\"id\":\"CVE-2022-37434\",\"analysis\":{\"state\":\"exploitable\"},"
        "\"recommendation\":\"Update to 2.5.\",\"affects\":[{\"ref\":\"p1\"},"
        "{\"ref\":\"lib\"}]},"
        "{\"id\":\"CVE-2018-25032\",\"analysis\":{\"state\":\"resolved\"},"
        "\"affects\":[{\"ref\":\"p1\",\"versions\":[{\"range\":"
        "\"vers:generic/>=2.0|<2.4\",\"status\":\"unaffected\"}]}]},"
        "{\"id\":\"CVE-2024-0001\",\"analysis\":{\"state\":\"in_triage\"},"
        "\"affects\":[{\"ref\":\"p1\"}]}]}";

static struct tplc_advisory *parse_text(const char *text, size_t len)
{
	struct tplc_advisory *adv = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplc_vex_parse(&adv, text, len, "out.json", &err) != 0) {
		tplc_error_format(&err, msg, sizeof(msg));
		fail_msg("%s\n%.*s", msg, (int)(len > 3000 ? 3000 : len), text);
	}
	return adv;
}

static void test_vex__round_trip_cyclonedx(void **state)
{
	struct tplc_advisory *in = parse_text(device_vex, strlen(device_vex));
	struct tplc_advisory *out;
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char *text, msg[1024];
	size_t len;

	(void)state;
	assert_int_equal(in->affected_count, 5);
	text = write_doc(in, "cyclonedx", &len);
	out = parse_text(text, len);
	assert_same_statements(in, out, true);
	/* the repo's CycloneDX 1.6 validator takes it */
	if (tplc_sbom_parse(&sbom, text, len, "out.json", &err) != 0) {
		tplc_error_format(&err, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
	/* the pump at 2.4, the pump's fixed range, zlib */
	assert_int_equal(sbom->component_count, 3);
	tplc_sbom_free(sbom);
	free(text);
	tplc_advisory_free(out);
	tplc_advisory_free(in);
}

/* Every member the OpenVEX 0.2.0 schema requires, and its conditions. */
static void check_openvex(const char *text, size_t len)
{
	static const char *const required[] = { "@context", "@id",
		                                "author",   "timestamp",
		                                "version",  "statements" };
	struct tplx_json_doc *doc;
	const struct tplx_json *list, *st, *products;
	const char *status;
	size_t i, k;

	assert_int_equal(tplx_json_parse(&doc, text, len, "out", NULL), 0);
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		assert_non_null(tplx_json_get(doc->root, required[i]));
	list = tplx_json_get(doc->root, "statements");
	assert_true(list->u.array.count > 0);
	for (i = 0; i < list->u.array.count; i++) {
		st = list->u.array.items[i];
		assert_non_null(tplx_json_string(tplx_json_get(
		        tplx_json_get(st, "vulnerability"), "name")));
		status = tplx_json_string(tplx_json_get(st, "status"));
		assert_non_null(status);
		if (strcmp(status, "not_affected") == 0)
			assert_true(tplx_json_get(st, "justification") ||
			            tplx_json_get(st, "impact_statement"));
		if (strcmp(status, "affected") == 0)
			assert_non_null(tplx_json_get(st, "action_statement"));
		products = tplx_json_get(st, "products");
		assert_non_null(products);
		for (k = 0; k < products->u.array.count; k++)
			assert_non_null(tplx_json_get(
			        products->u.array.items[k], "@id"));
	}
	tplx_json_doc_free(doc);
}

static void test_vex__round_trip_openvex(void **state)
{
	struct tplc_advisory *in = parse_text(device_vex, strlen(device_vex));
	struct tplc_advisory *out, *again;
	char *text, *text2;
	size_t len, len2;

	(void)state;
	text = write_doc(in, "openvex", &len);
	check_openvex(text, len);
	out = parse_text(text, len);
	/* OpenVEX names one version per product: the range statement keeps
	 * only its product, so compare the others */
	assert_int_equal(out->affected_count, in->affected_count);
	assert_string_equal(out->affected[0].justification,
	                    "vulnerable_code_not_present");
	assert_string_equal(out->affected[0].vendor, "Example Medical");
	assert_string_equal(out->affected[0].range, "vers:generic/2.4");
	/* and OpenVEX out, OpenVEX in, OpenVEX out is stable */
	text2 = write_doc(out, "openvex", &len2);
	again = parse_text(text2, len2);
	assert_same_statements(out, again, true);
	free(text);
	free(text2);
	tplc_advisory_free(again);
	tplc_advisory_free(out);
	tplc_advisory_free(in);
}

static void test_vex__round_trip_csaf(void **state)
{
	struct tplc_advisory *in = parse_text(device_vex, strlen(device_vex));
	struct tplc_advisory *out = NULL;
	struct tplc_error err;
	char *text, msg[1024];
	size_t len, i, devices = 0;

	(void)state;
	text = write_doc(in, "csaf", &len);
	/* tplc_csaf_parse checks 6.1.1 (every product id defined), 6.1.2
	 * (defined once) and the product tree's references */
	if (tplc_csaf_parse(&out, text, len, "out.json", &err) != 0) {
		tplc_error_format(&err, msg, sizeof(msg));
		fail_msg("%s\n%s", msg, text);
	}
	assert_int_equal(out->affected_count, in->affected_count);
	for (i = 0; i < out->affected_count; i++) {
		const struct tplc_affected *x = &in->affected[i];
		const struct tplc_affected *y = &out->affected[i];

		if (x->vendor == NULL)
			continue; /* a package: a full product name */
		devices++;
		assert_string_equal(y->vendor, x->vendor);
		assert_string_equal(y->product, x->product);
		assert_string_equal(y->range, x->range);
		if (x->status != TPLC_STATUS_FIXED) /* CSAF: its exact */
			assert_int_equal(y->status, x->status);
	}
	assert_int_equal(devices, 4);
	assert_string_equal(out->affected[0].justification,
	                    "vulnerable_code_not_present");
	assert_string_equal(out->affected[0].detail, "No Java.");
	free(text);
	tplc_advisory_free(out);
	tplc_advisory_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vex__cisa_use_cases),
		cmocka_unit_test(test_vex__counts),
		cmocka_unit_test(test_vex__all_parse),
		cmocka_unit_test(test_vex__openvex),
		cmocka_unit_test(test_vex__malformed),
		cmocka_unit_test(test_vex__csaf_examples),
		cmocka_unit_test(test_vex__round_trip_cyclonedx),
		cmocka_unit_test(test_vex__round_trip_openvex),
		cmocka_unit_test(test_vex__round_trip_csaf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/csaf.h"
#include "test.h"
#include "tplc/advisory.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/json.h"

static int parse_path(const char *path, struct tplc_advisory **adv, char *msg,
                      size_t size)
{
	struct tplc_error err;
	size_t len;
	char *data = tplt_read_file(path, &len);
	int error = tplc_csaf_parse(adv, data, len, path, &err);

	free(data); /* the advisory must not borrow from it */
	if (error != 0)
		tplc_error_format(&err, msg, size);
	return error;
}

static struct tplc_advisory *parse_ok(const char *path)
{
	struct tplc_advisory *adv = NULL;
	char msg[1024];

	if (parse_path(path, &adv, msg, sizeof(msg)) != 0)
		fail_msg("%s", msg);
	return adv;
}

/* Product statuses in the document: (vulnerability, status, product). */
static size_t count_statuses(const char *path)
{
	struct tplx_json_doc *doc;
	struct tplc_error err;
	const struct tplx_json *vulns, *ps;
	size_t len, i, k, n = 0;
	char *data = tplt_read_file(path, &len);

	assert_int_equal(tplx_json_parse(&doc, data, len, path, &err), 0);
	vulns = tplx_json_get(doc->root, "vulnerabilities");
	for (i = 0; vulns != NULL && i < vulns->u.array.count; i++) {
		ps = tplx_json_get(vulns->u.array.items[i], "product_status");
		for (k = 0; ps != NULL && k < ps->u.object.count; k++)
			n += ps->u.object.members[k].value->u.array.count;
	}
	tplx_json_doc_free(doc);
	free(data);
	return n;
}

/* A range is canonical vers that lib/ident reads back. */
static void check_range(const char *s)
{
	struct tplc_vers *range;
	struct tplc_error err;

	if (tplc_vers_parse(&range, s, &err) != 0)
		fail_msg("%s: %s", s, err.message);
	tplc_vers_free(range);
}

struct words {
	const char *text[512];
	size_t count[512];
	size_t n;
};

static void remember(struct words *w, const char *text)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		if (strcmp(w->text[i], text) == 0) {
			w->count[i]++;
			return;
		}
	}
	assert_true(w->n < 512);
	w->text[w->n] = strdup(text);
	w->count[w->n++] = 1;
}

static void test_csaf__icsma_all(void **state)
{
	struct words not_understood = { .n = 0 };
	char **files = NULL, msg[1024];
	size_t count = 0, i, k, imported = 0, statuses = 0, entries = 0;
	size_t unknown = 0, all = 0;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplx_file_list(&files, &count,
	                                tplt_shared("advisories/cisa-icsma"),
	                                ".json", &err),
	                 0);
	assert_int_equal(count, 144);
	for (i = 0; i < count; i++) {
		struct tplc_advisory *adv = NULL;

		if (parse_path(files[i], &adv, msg, sizeof(msg)) != 0) {
			tplt_note("not imported: %s", msg);
			continue;
		}
		imported++;
		statuses += count_statuses(files[i]);
		entries += adv->affected_count;
		assert_string_equal(adv->source, "csaf");
		assert_non_null(adv->id);
		assert_string_equal(adv->publisher, "CISA");
		for (k = 0; k < adv->affected_count; k++) {
			const struct tplc_affected *a = &adv->affected[k];

			assert_true(a->vuln < adv->vuln_count);
			assert_non_null(a->product);
			assert_null(a->purl);
			if (a->range == NULL && a->range_text != NULL) {
				unknown++;
				remember(&not_understood, a->range_text);
			} else if (a->range == NULL) {
				all++;
			} else {
				check_range(a->range);
			}
		}
		for (k = 0; k < adv->vuln_count; k++) {
			assert_non_null(adv->vulns[k].id);
			/* the oracle: every ICSMA score has a v3 vector */
			assert_non_null(adv->vulns[k].cvss_vector);
			assert_true(adv->vulns[k].cvss_score >= 0);
		}
		tplc_advisory_free(adv);
	}
	for (i = 0; i < not_understood.n; i++) {
		tplt_note("CSAF range not understood (%zu entries): %s",
		          not_understood.count[i], not_understood.text[i]);
		free((void *)not_understood.text[i]);
	}
	tplt_conformance("CSAF ICSMA: %zu/%zu advisories imported, %zu "
	                 "product statuses resolved into %zu affected entries "
	                 "(%zu with all versions), %zu ranges not understood "
	                 "(%zu distinct texts, listed)",
	                 imported, count, statuses, entries, all, unknown,
	                 not_understood.n);
	assert_int_equal(imported, count);
	tplx_file_list_free(files, count);
}

static const struct tplc_affected *find(const struct tplc_advisory *adv,
                                        size_t vuln, const char *product,
                                        const char *range)
{
	size_t i;

	for (i = 0; i < adv->affected_count; i++) {
		const struct tplc_affected *a = &adv->affected[i];

		if (a->vuln == vuln && strcmp(a->product, product) == 0 &&
		    (range == NULL ? a->range == NULL
		                   : a->range && strcmp(a->range, range) == 0))
			return a;
	}
	fail_msg("no entry for %s %s", product, range ? range : "(null)");
	return NULL;
}

static void test_csaf__icsma_fields(void **state)
{
	struct tplc_advisory *adv;
	const struct tplc_affected *a;

	(void)state;
	/* Orthanc: one exact version */
	adv = parse_ok(tplt_shared("advisories/cisa-icsma/2024/"
	                           "icsma-24-023-01.json"));
	assert_string_equal(adv->id, "ICSMA-24-023-01");
	assert_string_equal(adv->title, "Orthanc Osimis DICOM Web Viewer");
	assert_string_equal(adv->publisher, "CISA");
	assert_string_equal(adv->published, "2024-01-23T07:00:00.000000Z");
	assert_string_equal(adv->modified, "2024-01-23T07:00:00.000000Z");
	assert_string_equal(adv->url,
	                    "https://raw.githubusercontent.com/cisagov/CSAF/"
	                    "develop/csaf_files/OT/white/2024/"
	                    "icsma-24-023-01.json");
	assert_int_equal(adv->vuln_count, 1);
	assert_string_equal(adv->vulns[0].id, "CVE-2023-7238");
	assert_string_equal(adv->vulns[0].cwe, "CWE-79");
	assert_non_null(strstr(adv->vulns[0].description, "XSS payload"));
	assert_int_equal(adv->affected_count, 1);
	a = &adv->affected[0];
	assert_string_equal(a->vendor, "Orthanc");
	assert_string_equal(a->product, "Osimis WebViewer");
	assert_string_equal(a->range, "vers:generic/1.4.2.0-9d9eff4");
	assert_string_equal(a->range_text, "1.4.2.0-9d9eff4");
	assert_int_equal(a->status, TPLC_STATUS_AFFECTED);
	tplc_advisory_free(adv);

	/* BD Alaris: eight CVEs, five products, vendor fixes naming
	 * versions */
	adv = parse_ok(tplt_shared("advisories/cisa-icsma/2023/"
	                           "icsma-23-194-01.json"));
	assert_string_equal(adv->id, "ICSMA-23-194-01");
	assert_int_equal(adv->vuln_count, 8);
	assert_int_equal(adv->affected_count, 41);
	assert_string_equal(adv->vulns[4].id, "CVE-2023-30563");
	assert_string_equal(adv->vulns[4].cwe, "CWE-79");
	assert_true(adv->vulns[4].cvss_score == 8.2);
	assert_string_equal(adv->vulns[4].cvss_vector,
	                    "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:N");
	a = find(adv, 0, "BD Alaris Point-of-Care Unit (PCU) Model 8015",
	         "vers:generic/<=12.1.3");
	assert_string_equal(a->vendor, "Becton, Dickinson and Company (BD)");
	assert_string_equal(a->range_text, "<=12.1.3");
	assert_null(a->fixed_in);
	assert_non_null(strstr(a->remediation, "BD Alaris System 12.3"));
	a = find(adv, 4, "Calculation Services", "vers:generic/<=1.0");
	assert_string_equal(a->fixed_in, "1.1.1");
	a = find(adv, 4, "BD Alaris Systems Manager", "vers:generic/<=12.3");
	assert_string_equal(a->fixed_in, "12.5.1");
	/* "CQI Reporter version 10.17 and earlier" names no fix */
	a = find(adv, 6, "CQI Reporter", "vers:generic/<=10.17");
	assert_null(a->fixed_in);
	tplc_advisory_free(adv);

	/* BD Pyxis: intervals written as two bounds */
	adv = parse_ok(tplt_shared("advisories/cisa-icsma/2019/"
	                           "icsma-19-248-01.json"));
	assert_string_equal(adv->vulns[0].id, "CVE-2019-13517");
	assert_true(adv->vulns[0].cvss_score == 7.6);
	a = find(adv, 0, "Pyxis ES", "vers:generic/>=1.3.4|<1.5.3");
	assert_string_equal(a->range_text, ">= 1.3.4 | < 1.5.3");
	find(adv, 0, "Pyxis Enterprise Server with Windows Server",
	     "vers:generic/>=4.4|<=4.12");
	tplc_advisory_free(adv);

	/* BD Alaris 8000: a vers range is kept as it is */
	adv = parse_ok(tplt_shared("advisories/cisa-icsma/2017/"
	                           "icsma-17-017-01.json"));
	a = find(adv, 0, "Alaris 8000 PC unit", "vers:all/*");
	assert_string_equal(a->range_text, "vers:all/*");
	tplc_advisory_free(adv);
}

static void test_csaf__examples(void **state)
{
	char **files = NULL, msg[1024];
	size_t count = 0, i, k, imported = 0, vex = 0;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplx_file_list(&files, &count,
	                                tplt_shared("advisories/csaf-2.0/"
	                                            "examples/csaf"),
	                                ".json", &err),
	                 0);
	for (i = 0; i < count; i++) {
		struct tplc_advisory *adv = NULL;

		if (parse_path(files[i], &adv, msg, sizeof(msg)) != 0) {
			tplt_note("not imported: %s", msg);
			continue;
		}
		imported++;
		if (strstr(files[i], "csaf_vex") != NULL)
			vex++;
		for (k = 0; k < adv->affected_count; k++)
			if (adv->affected[k].range != NULL)
				check_range(adv->affected[k].range);
		tplc_advisory_free(adv);
	}
	tplt_conformance("CSAF 2.0 examples: %zu/%zu imported (%zu CSAF VEX)",
	                 imported, count, vex);
	assert_int_equal(count, 19);
	assert_int_equal(imported, count);
	tplx_file_list_free(files, count);
}

/*
 * The CSAF validator test documents: every "valid" one imports.  Of the
 * failures only those of the tests we implement (6.1.1 missing product
 * id definition, 6.1.2 multiple definition, 6.1.3 circular or dangling
 * relationship) must be rejected; the rest of the validator is a later
 * issue and those documents are listed as skipped.
 */
static void test_csaf__validator(void **state)
{
	static const char *const implemented[] = { "6.1.1", "6.1.2", "6.1.3" };
	char dir[4096], path[4600], msg[1024];
	struct tplx_json_doc *doc;
	struct tplc_error err;
	const struct tplx_json *tests;
	size_t len, i, j, k, valid = 0, valid_ok = 0, rejected = 0;
	size_t must_reject = 0, skipped = 0;
	char *data;

	(void)state;
	snprintf(dir, sizeof(dir), "%s",
	         tplt_shared("advisories/csaf-2.0/test/validator/data"));
	snprintf(path, sizeof(path), "%s/testcases.json", dir);
	data = tplt_read_file(path, &len);
	assert_int_equal(tplx_json_parse(&doc, data, len, path, &err), 0);
	tests = tplx_json_get(doc->root, "tests");
	for (i = 0; i < tests->u.array.count; i++) {
		const struct tplx_json *t = tests->u.array.items[i];
		const char *id = tplx_json_string(tplx_json_get(t, "id"));
		const struct tplx_json *ok = tplx_json_get(t, "valid");
		const struct tplx_json *bad = tplx_json_get(t, "failures");
		bool ours = false;

		for (k = 0; k < 3; k++)
			ours = ours || strcmp(id, implemented[k]) == 0;
		for (j = 0; ok != NULL && j < ok->u.array.count; j++) {
			struct tplc_advisory *adv = NULL;

			snprintf(path, sizeof(path), "%s/%s", dir,
			         tplx_json_string(tplx_json_get(
			                 ok->u.array.items[j], "name")));
			valid++;
			if (parse_path(path, &adv, msg, sizeof(msg)) == 0)
				valid_ok++;
			else
				tplt_note("valid document rejected: %s", msg);
			tplc_advisory_free(adv);
		}
		for (j = 0; bad != NULL && j < bad->u.array.count; j++) {
			struct tplc_advisory *adv = NULL;

			if (!ours) {
				skipped++;
				continue;
			}
			snprintf(path, sizeof(path), "%s/%s", dir,
			         tplx_json_string(tplx_json_get(
			                 bad->u.array.items[j], "name")));
			must_reject++;
			if (parse_path(path, &adv, msg, sizeof(msg)) ==
			    TPLC_EPARSE)
				rejected++;
			else
				tplt_note("%s: invalid document imported: %s",
				          id, path);
			tplc_advisory_free(adv);
		}
	}
	tplx_json_doc_free(doc);
	free(data);
	tplt_note("skipped: %zu invalid documents of validator tests other "
	          "than 6.1.1-6.1.3 (the full CSAF validator is a later issue)",
	          skipped);
	tplt_conformance("CSAF 2.0 validator data: %zu/%zu valid accepted, "
	                 "%zu/%zu invalid rejected (tests 6.1.1-6.1.3; %zu "
	                 "others skipped)",
	                 valid_ok, valid, rejected, must_reject, skipped);
	assert_int_equal(valid_ok, valid);
	assert_int_equal(rejected, must_reject);
}

static const char doc_head[] =
        "{\"document\": {\"category\": \"csaf_security_advisory\",\n"
        " \"csaf_version\": \"2.0\", \"title\": \"T\",\n"
        " \"publisher\": {\"category\": \"vendor\", \"name\": \"ACME\",\n"
        "   \"namespace\": \"https://acme.example\"},\n"
        " \"tracking\": {\"id\": \"ACME-1\", \"status\": \"final\",\n"
        "   \"version\": \"1\", \"revision_history\": [],\n"
        "   \"initial_release_date\": \"2024-01-01T00:00:00Z\",\n"
        "   \"current_release_date\": \"2024-02-01T00:00:00Z\"}}";

static void expect_error(const char *text, int code, const char *message)
{
	struct tplc_advisory *adv = (struct tplc_advisory *)1;
	struct tplc_error err;
	char msg[1024];

	assert_int_equal(
	        tplc_csaf_parse(&adv, text, strlen(text), "c.json", &err),
	        code);
	assert_null(adv);
	assert_string_equal(tplc_error_format(&err, msg, sizeof(msg)), message);
}

static void expect_doc_error(const char *rest, int code, const char *message)
{
	char text[4096];

	snprintf(text, sizeof(text), "%s%s", doc_head, rest);
	expect_error(text, code, message);
}

static void test_csaf__malformed(void **state)
{
	(void)state;
	expect_error("[]", TPLC_EPARSE,
	             "c.json:1:1: (root): expected an object, found an array");
	expect_error("{\"product_tree\": {}}", TPLC_EPARSE,
	             "c.json:1:1: document: required member is missing");
	expect_error("{\"document\": {\"category\": 7}}", TPLC_EPARSE,
	             "c.json:1:27: document.category: expected a string, "
	             "found a number");
	expect_error(
	        "{\"document\": {\"category\": \"x\", \"csaf_version\": "
	        "\"2.0\",\n \"title\": \"T\", \"publisher\": {\"category\": "
	        "\"vendor\",\n \"name\": \"A\", \"namespace\": \"n\"}}}",
	        TPLC_EPARSE,
	        "c.json:1:14: document.tracking: required member is "
	        "missing");
	expect_error("{\"document\": {\"category\": \"x\", \"csaf_version\": "
	             "\"1.2\"}}",
	             TPLC_EUNSUPPORTED,
	             "c.json:1:48: document.csaf_version: CSAF 1.2 is not "
	             "supported (2.0 only)");
	expect_doc_error(",\n \"vulnerabilities\": {}}", TPLC_EPARSE,
	                 "c.json:9:21: vulnerabilities: expected an array, "
	                 "found an object");
	expect_doc_error(",\n \"vulnerabilities\": [{\"cve\": \"CVE-1\",\n"
	                 "  \"product_status\": {\"fixed\": [\"P1\"]}}]}",
	                 TPLC_EPARSE,
	                 "c.json:10:32: vulnerabilities[0].product_status."
	                 "fixed[0]: product id \"P1\" is not defined in the "
	                 "product tree");
	expect_doc_error(",\n \"product_tree\": {\"branches\": [{\"category\": "
	                 "\"vendor\",\n  \"name\": \"A\", \"branches\": "
	                 "[{\"category\": \"shelf\", \"name\": \"x\"}]}]}}",
	                 TPLC_EPARSE,
	                 "c.json:10:42: product_tree.branches[0].branches[0]."
	                 "category: unknown branch category \"shelf\"");
	expect_doc_error(
	        ",\n \"product_tree\": {\"full_product_names\": ["
	        "{\"name\": \"A\", \"product_id\": \"P\"},\n  {\"name\":"
	        " \"B\", \"product_id\": \"P\"}]}}",
	        TPLC_EPARSE,
	        "c.json:10:31: product_tree: product id \"P\" is "
	        "defined twice (first on line 9)");
	expect_doc_error(",\n \"vulnerabilities\": [{\"scores\": [{\"cvss_v3\":"
	                 " {\"baseScore\": \"high\"}}]}]}",
	                 TPLC_EPARSE,
	                 "c.json:9:60: vulnerabilities[0].scores[0].cvss_v3."
	                 "baseScore: expected a number, found a string");
}

static void test_csaf__branches_too_deep(void **state)
{
	char text[8192];
	size_t used, i;

	(void)state;
	used = (size_t)snprintf(
	        text, sizeof(text),
	        "%s, \"product_tree\": {\"branches\": ", doc_head);
	for (i = 0; i <= TPLC_CSAF_BRANCH_DEPTH_MAX; i++)
		used += (size_t)snprintf(
		        text + used, sizeof(text) - used,
		        "[{\"category\": \"vendor\", \"name\": "
		        "\"v\", \"branches\": ");
	used += (size_t)snprintf(text + used, sizeof(text) - used, "[]");
	for (i = 0; i <= TPLC_CSAF_BRANCH_DEPTH_MAX; i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used,
		                         "}]");
	snprintf(text + used, sizeof(text) - used, "}}");
	{
		struct tplc_advisory *adv;
		struct tplc_error err;

		assert_int_equal(tplc_csaf_parse(&adv, text, strlen(text),
		                                 "deep.json", &err),
		                 TPLC_EPARSE);
		assert_non_null(strstr(err.message, "nested deeper than 32"));
	}
}

/* Version words into vers ranges, "" for all versions, "?" not
 * understood; several ranges joined with " ; ". */
static void expect_text(const char *text, const char *expected)
{
	struct tplx_arena *arena = tplx_arena_new();
	struct tplc_version_text v;
	char got[1024] = "";
	size_t i, used = 0;

	assert_non_null(arena);
	assert_int_equal(tplc_version_text_classify(arena, text, &v), 0);
	if (v.kind == TPLC_VERSION_TEXT_UNKNOWN)
		snprintf(got, sizeof(got), "?");
	for (i = 0; v.kind == TPLC_VERSION_TEXT_VERS && i < v.count; i++) {
		check_range(v.vers[i]);
		used += (size_t)snprintf(got + used, sizeof(got) - used, "%s%s",
		                         i ? " ; " : "", v.vers[i]);
	}
	if (strcmp(got, expected) != 0)
		fail_msg("\"%s\": got \"%s\", expected \"%s\"", text, got,
		         expected);
	tplx_arena_free(arena);
}

static void test_csaf__version_text(void **state)
{
	(void)state;
	/* exact versions and lists of them */
	expect_text("1.4.2.0-9d9eff4", "vers:generic/1.4.2.0-9d9eff4");
	expect_text("v2.3", "vers:generic/2.3");
	expect_text("1.1 | 1.2", "vers:generic/1.1 ; vers:generic/1.2");
	expect_text("2131 and 2141", "vers:generic/2131 ; vers:generic/2141");
	expect_text("MMT-1762 | MMT-1762", "vers:generic/MMT-1762");
	expect_text("1.0+build.5", "vers:generic/1.0+build.5");
	expect_text("< 1.0 beta", "?");
	/* comparisons */
	expect_text("<12.2.8.410", "vers:generic/<12.2.8.410");
	expect_text("<=  4.2", "vers:generic/<=4.2");
	expect_text("<=N", "vers:generic/<=N");
	expect_text(">= 2.0, < 3.1", "vers:generic/>=2.0|<3.1");
	expect_text(">= 1.0.0  | <= 1.3.1", "vers:generic/>=1.0.0|<=1.3.1");
	expect_text("<= U61 |<= L81",
	            "vers:generic/<=U61 ; vers:generic/<=L81");
	/* words */
	expect_text("versions prior to 5.0", "vers:generic/<5.0");
	expect_text("All versions before 3", "vers:generic/<3");
	expect_text("4.2 and earlier", "vers:generic/<=4.2");
	expect_text("2.3.6 and  below", "vers:generic/<=2.3.6");
	expect_text("Version 7.1 and later", "vers:generic/>=7.1");
	expect_text("3.0+", "vers:generic/>=3.0");
	expect_text("up to 2.1", "vers:generic/<=2.1");
	expect_text("from 2.0 to 3.1", "vers:generic/>=2.0|<=3.1");
	expect_text("between 1.0 and 1.9", "vers:generic/>=1.0|<=1.9");
	expect_text("2.0 - 2.4", "vers:generic/>=2.0|<=2.4");
	/* wildcards */
	expect_text("12.x", "vers:generic/>=12|<13");
	expect_text("4.X | 5.X", "vers:generic/>=4|<5 ; vers:generic/>=5|<6");
	expect_text("12.2.x.x", "vers:generic/>=12.2|<12.3");
	expect_text("4.2.x and earlier", "vers:generic/<4.3");
	expect_text("<= 11.x", "vers:generic/<12");
	expect_text("< 3.x", "vers:generic/<3");
	expect_text("9.x", "vers:generic/>=9|<10");
	expect_text("1.99.x", "vers:generic/>=1.99|<1.100");
	/* vers as it is, all versions */
	expect_text("vers:all/*", "vers:all/*");
	expect_text("vers:npm/>=1.0.0| <2.0.0", "vers:npm/>=1.0.0|<2.0.0");
	expect_text("All versions", "");
	expect_text("all", "");
	expect_text("*", "");
	/* not understood, as a whole */
	expect_text("A10 < A11", "?");
	expect_text("<  july 1 2017", "?");
	expect_text("<8/30/2024", "?");
	expect_text("<= 1.54 (integrated into GE MobileLink)", "?");
	expect_text("HD 16 | HD23", "?");
	expect_text("882160 Gemini Dual", "?");
	expect_text("Version A, Firmware A.03.09", "?");
	expect_text("* (end-of-life 2011)", "?");
	expect_text("1.x.2", "?");
	expect_text("x", "?");
	expect_text("ABC", "?");
	expect_text("1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | "
	            "14 | 15 | 16 | 17",
	            "?");
}

/* A small document with every part the parser reads. */
static const char small_doc[] =
        ",\n \"product_tree\": {\"branches\": [{\"category\": \"vendor\","
        " \"name\": \"ACME\", \"branches\": [{\"category\": "
        "\"product_name\", \"name\": \"Pump\", \"branches\": ["
        "{\"category\": \"product_version\", \"name\": \"2.0\", "
        "\"product\": {\"name\": \"Pump 2.0\", \"product_id\": \"P2\"}},"
        "{\"category\": \"product_version\", \"name\": \"3.0\", "
        "\"product\": {\"name\": \"Pump 3.0\", \"product_id\": \"P3\"}},"
        "{\"category\": \"product_version_range\", \"name\": \"1.X | 4.X\","
        " \"product\": {\"name\": \"Pump old\", \"product_id\": \"PX\"}}"
        "]}]}],\n"
        " \"full_product_names\": [{\"name\": \"Gateway\", \"product_id\":"
        " \"G\"}],\n"
        " \"relationships\": [{\"category\": \"installed_on\", "
        "\"product_reference\": \"P2\", \"relates_to_product_reference\": "
        "\"G\", \"full_product_name\": {\"name\": \"Pump 2.0 on Gateway\","
        " \"product_id\": \"P2G\"}}],\n"
        " \"product_groups\": [{\"group_id\": \"ALL\", \"product_ids\": "
        "[\"P2\", \"P3\", \"PX\"]}]},\n"
        " \"vulnerabilities\": [{\"ids\": [{\"system_name\": \"ACME\", "
        "\"text\": \"ACME-BUG-7\"}, {\"system_name\": \"x\", \"text\": "
        "\"X-1\"}],\n"
        "  \"notes\": [{\"category\": \"summary\", \"text\": \"short\"}, "
        "{\"category\": \"description\", \"text\": \"long\"}],\n"
        "  \"cwe\": {\"id\": \"CWE-798\", \"name\": \"n\"},\n"
        "  \"discovery_date\": \"2023-12-01T00:00:00Z\",\n"
        "  \"scores\": [{\"products\": [\"P2\"], \"cvss_v2\": "
        "{\"baseScore\": 5.0, \"vectorString\": \"AV:N/AC:L/Au:N/C:P/I:N/"
        "A:N\"}}],\n"
        "  \"product_status\": {\"first_affected\": [\"P2\"], "
        "\"first_fixed\": [\"P3\"], \"known_affected\": [\"PX\", \"P2G\"]},\n"
        "  \"remediations\": [{\"category\": \"vendor_fix\", \"details\": "
        "\"Update to version 3.0.\", \"product_ids\": [\"P2\"]}, "
        "{\"category\": \"mitigation\", \"details\": \"Isolate.\", "
        "\"group_ids\": [\"ALL\"]}]},\n"
        " {\"cve\": \"CVE-2024-0001\", \"title\": \"Second\"}, {}]}";

static void test_csaf__small_document(void **state)
{
	char text[8192];
	struct tplc_advisory *adv;
	struct tplc_error err;
	const struct tplc_affected *a;

	(void)state;
	snprintf(text, sizeof(text), "%s%s", doc_head, small_doc);
	assert_int_equal(tplc_advisory_parse(&adv, "csaf", text, strlen(text),
	                                     "s.json", &err),
	                 0);
	assert_string_equal(adv->id, "ACME-1");
	assert_string_equal(adv->publisher, "ACME");
	assert_null(adv->url);
	assert_int_equal(adv->vuln_count, 3);
	assert_string_equal(adv->vulns[0].id, "ACME-BUG-7");
	assert_int_equal(adv->vulns[0].alias_count, 1);
	assert_string_equal(adv->vulns[0].aliases[0], "X-1");
	assert_string_equal(adv->vulns[0].description, "long");
	assert_string_equal(adv->vulns[0].cwe, "CWE-798");
	assert_string_equal(adv->vulns[0].published, "2023-12-01T00:00:00Z");
	assert_true(adv->vulns[0].cvss_score == 5.0);
	assert_string_equal(adv->vulns[0].cvss_vector,
	                    "AV:N/AC:L/Au:N/C:P/I:N/A:N");
	assert_string_equal(adv->vulns[1].id, "CVE-2024-0001");
	assert_string_equal(adv->vulns[1].title, "Second");
	assert_true(adv->vulns[1].cvss_score < 0);
	assert_string_equal(adv->vulns[2].id, "ACME-1#3");
	assert_int_equal(adv->affected_count, 5);
	a = find(adv, 0, "Pump", "vers:generic/>=2.0"); /* first_affected */
	assert_int_equal(a->status, TPLC_STATUS_AFFECTED);
	assert_string_equal(a->range_text, "2.0");
	assert_string_equal(a->fixed_in, "3.0");
	assert_string_equal(a->remediation, "Update to version 3.0.\nIsolate.");
	a = find(adv, 0, "Pump", "vers:generic/>=3.0"); /* first_fixed */
	assert_int_equal(a->status, TPLC_STATUS_FIXED);
	assert_string_equal(a->fixed_in, "3.0");
	assert_string_equal(a->remediation, "Isolate.");
	a = find(adv, 0, "Pump", "vers:generic/>=1|<2");
	assert_string_equal(a->range_text, "1.X | 4.X");
	find(adv, 0, "Pump", "vers:generic/>=4|<5");
	/* the relationship is the component: Pump 2.0 */
	a = find(adv, 0, "Pump", "vers:generic/2.0");
	assert_string_equal(a->vendor, "ACME");
	assert_int_equal(a->status, TPLC_STATUS_AFFECTED);
	assert_null(a->remediation);
	tplc_advisory_free(adv);
}

static void test_csaf__out_of_memory(void **state)
{
	char text[8192];
	struct tplc_advisory *adv;
	struct tplc_error err;
	long n;
	int error;

	(void)state;
	snprintf(text, sizeof(text), "%s%s", doc_head, small_doc);
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_csaf_parse(&adv, text, strlen(text), "m", &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_null(adv);
	}
	assert_true(n > 0);
	assert_int_equal(adv->affected_count, 5);
	tplc_advisory_free(adv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csaf__icsma_all),
		cmocka_unit_test(test_csaf__icsma_fields),
		cmocka_unit_test(test_csaf__examples),
		cmocka_unit_test(test_csaf__validator),
		cmocka_unit_test(test_csaf__malformed),
		cmocka_unit_test(test_csaf__branches_too_deep),
		cmocka_unit_test(test_csaf__version_text),
		cmocka_unit_test(test_csaf__small_document),
		cmocka_unit_test(test_csaf__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Documentation transfer (tplc/docs.h): manifests and receipts survive
 * write and parse, every malformed member is refused with its JSON path,
 * kinds are told from real files' content, and file names are safe.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/docs.h"
#include "tplc/notice.h"
#include "tplc/sign.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define ID    "0123456789abcdef0123456789abcdef"

static void test_docs__manifest_round_trip(void **state)
{
	static const struct tplc_docs_file files[] = {
		{ "sbom.cdx.json", "sbom", SHA_A, 1234, false },
		{ "MDS2 form.csv", "mds2", SHA_B, 0, false },
		{ "report~v2.pdf", "test-report", SHA_B, 67108864, false },
	};
	struct tplc_docs_manifest in = { 0 }, *out = NULL;
	struct tplc_error err;
	char *json = NULL;
	size_t len, i;

	(void)state;
	in.id = ID;
	in.manufacturer = "Acme \"Medical\"";
	in.product = "InfuPump 3000";
	in.product_version = "1.2.0";
	in.created = "2026-11-25T12:00:00Z";
	in.files = files;
	in.file_count = 3;
	assert_int_equal(tplc_docs_manifest_write(&in, &json, &len, &err), 0);
	assert_int_equal(strlen(json), len);
	assert_memory_equal(json,
	                    "{\"type\":\"tplc-docs-manifest\",\"version\":1,"
	                    "\"id\":\"" ID "\"",
	                    strlen("{\"type\":\"tplc-docs-manifest\","
	                           "\"version\":1,\"id\":\"" ID "\""));
	assert_int_equal(
	        tplc_docs_manifest_parse(&out, json, len, "m.json", &err), 0);
	assert_string_equal(out->id, ID);
	assert_string_equal(out->manufacturer, in.manufacturer);
	assert_string_equal(out->product, in.product);
	assert_string_equal(out->product_version, "1.2.0");
	assert_string_equal(out->created, in.created);
	assert_int_equal(out->file_count, 3);
	for (i = 0; i < 3; i++) {
		assert_string_equal(out->files[i].name, files[i].name);
		assert_string_equal(out->files[i].kind, files[i].kind);
		assert_string_equal(out->files[i].sha256, files[i].sha256);
		assert_int_equal(out->files[i].size, files[i].size);
	}
	tplc_docs_manifest_free(out);
	tplc_free_string(json);
}

static void test_docs__receipt_round_trip(void **state)
{
	static const struct tplc_docs_file files[] = {
		{ "sbom.cdx.json", NULL, SHA_A, 0, true },
		{ "notes.txt", NULL, SHA_B, 0, false },
	};
	struct tplc_docs_receipt in = { 0 }, *out = NULL;
	struct tplc_error err;
	char *json = NULL;
	size_t len;

	(void)state;
	in.id = ID;
	in.bundle = SHA_B;
	in.manifest = "fedcba9876543210fedcba9876543210";
	in.manufacturer = "Acme";
	in.product = "Pump";
	in.product_version = "1.0";
	in.received = "2026-11-24T09:00:00Z";
	in.acknowledged = "2026-11-25T12:00:00Z";
	in.by = "Bob";
	in.recipient = "General Hospital";
	in.files = files;
	in.file_count = 2;
	assert_int_equal(tplc_docs_receipt_write(&in, &json, &len, &err), 0);
	assert_non_null(strstr(json, "\"imported\":true}"));
	assert_non_null(strstr(json, "\"imported\":false}"));
	assert_int_equal(
	        tplc_docs_receipt_parse(&out, json, len, "r.json", &err), 0);
	assert_string_equal(out->bundle, SHA_B);
	assert_string_equal(out->manifest, in.manifest);
	assert_string_equal(out->received, in.received);
	assert_string_equal(out->by, "Bob");
	assert_string_equal(out->recipient, "General Hospital");
	assert_int_equal(out->file_count, 2);
	assert_true(out->files[0].imported);
	assert_false(out->files[1].imported);
	assert_string_equal(out->files[1].name, "notes.txt");
	tplc_docs_receipt_free(out);
	tplc_free_string(json);

	/* the writer refuses what the parser would */
	in.bundle = "abc";
	assert_int_equal(tplc_docs_receipt_write(&in, &json, &len, &err),
	                 TPLC_EINVAL);
	assert_null(json);
	assert_string_equal(err.path, "bundle");
}

#define MANIFEST_HEAD                                                       \
	"{\"type\":\"tplc-docs-manifest\",\"version\":1,\"id\":\"" ID "\"," \
	"\"manufacturer\":\"Acme\",\"product\":\"Pump\","                   \
	"\"product_version\":\"1.0\",\"created\":\"2026-11-25T12:00:00Z\","
#define MANIFEST                                                               \
	MANIFEST_HEAD "\"files\":[{\"name\":\"sbom.json\",\"kind\":\"sbom\","  \
	              "\"sha256\":\"" SHA_A "\",\"size\":12},"                 \
	              "{\"name\":\"notes.txt\",\"kind\":\"other\",\"sha256\":" \
	              "\"" SHA_B "\",\"size\":0}]}"

#define RECEIPT                                                            \
	"{\"type\":\"tplc-docs-receipt\",\"version\":1,\"id\":\"" ID "\"," \
	"\"bundle\":\"" SHA_B "\",\"manifest\":\"" ID "\","                \
	"\"manufacturer\":\"Acme\",\"product\":\"Pump\","                  \
	"\"product_version\":\"1.0\",\"received\":\"2026-11-24\","         \
	"\"acknowledged\":\"2026-11-25T12:00:00Z\",\"by\":\"Bob\","        \
	"\"recipient\":\"General Hospital\","                              \
	"\"files\":[{\"name\":\"sbom.json\",\"sha256\":\"" SHA_A "\","     \
	"\"imported\":true},{\"name\":\"notes.txt\",\"sha256\":\"" SHA_B   \
	"\",\"imported\":false}]}"

/* The good document with from replaced by to (from NULL: to is the whole
 * document): refused at path. */
struct mutation {
	const char *from, *to, *path;
};

static const struct mutation manifest_bad[] = {
	{ "\"tplc-docs-manifest\"", "\"tplc-docs-receipt\"", "type" },
	{ "\"type\":\"tplc-docs-manifest\",", "", "type" },
	{ "\"version\":1", "\"version\":2", "version" },
	{ "\"version\":1", "\"version\":\"1\"", "version" },
	{ "\"version\":1", "\"version\":1.0e0", "version" },
	{ "\"id\":\"" ID "\"", "\"id\":\"0123\"", "id" },
	{ "\"id\":\"" ID "\"", "\"id\":\"0123456789ABCDEF0123456789ABCDEF\"",
	  "id" },
	{ "\"manufacturer\":\"Acme\"", "\"manufacturer\":42", "manufacturer" },
	{ "\"manufacturer\":\"Acme\"", "\"manufacturer\":\"\"",
	  "manufacturer" },
	{ "\"manufacturer\":\"Acme\"", "\"manufacturer\":\"A\\u0000B\"",
	  "manufacturer" },
	{ "\"product\":\"Pump\",", "", "product" },
	{ "\"product_version\":\"1.0\",", "", "product_version" },
	{ "\"2026-11-25T12:00:00Z\"", "\"yesterday\"", "created" },
	{ "\"2026-11-25T12:00:00Z\"", "\"2026-02-30\"", "created" },
	{ NULL, MANIFEST_HEAD "\"files\":\"x\"}", "files" },
	{ NULL, MANIFEST_HEAD "\"files\":[]}", "files" },
	{ "[{\"name\":\"sbom.json\"", "[42,{\"name\":\"sbom.json\"",
	  "files[0]" },
	{ "\"sbom.json\"", "\"../sbom.json\"", "files[0].name" },
	{ "\"sbom.json\"", "\".sbom.json\"", "files[0].name" },
	{ "\"sbom.json\"", "\"dir/sbom.json\"", "files[0].name" },
	{ "\"sbom.json\"", "\"sbom\\u0001.json\"", "files[0].name" },
	{ "\"sbom.json\"", "\"sbom.json;rm\"", "files[0].name" },
	{ "\"sbom.json\"", "\"\"", "files[0].name" },
	{ "\"notes.txt\"", "\"sbom.json\"", "files[1].name" },
	{ "\"kind\":\"sbom\"", "\"kind\":\"pdf\"", "files[0].kind" },
	{ "\"kind\":\"sbom\",", "", "files[0].kind" },
	{ "\"sha256\":\"" SHA_A "\"", "\"sha256\":\"abc\"", "files[0].sha256" },
	{ "\"sha256\":\"" SHA_A "\"",
	  "\"sha256\":"
	  "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	  "AAAA\"",
	  "files[0].sha256" },
	{ "\"size\":12", "\"size\":-1", "files[0].size" },
	{ "\"size\":12", "\"size\":1.5", "files[0].size" },
	{ "\"size\":12", "\"size\":67108865", "files[0].size" },
	{ "\"size\":12", "\"size\":\"12\"", "files[0].size" },
	{ "\"size\":12}", "\"size\":12,\"path\":\"/etc\"}", "files[0].path" },
	{ ",\"size\":0}", "}", "files[1].size" },
	{ "{\"type\"", "{\"signature\":\"x\",\"type\"", "signature" },
};

static const struct mutation receipt_bad[] = {
	{ "\"tplc-docs-receipt\"", "\"tplc-docs-manifest\"", "type" },
	{ "\"version\":1", "\"version\":0", "version" },
	{ "\"bundle\":\"" SHA_B "\"", "\"bundle\":\"" ID "\"", "bundle" },
	{ "\"manifest\":\"" ID "\"", "\"manifest\":\"" SHA_B "\"", "manifest" },
	{ "\"received\":\"2026-11-24\"", "\"received\":\"24.11.2026\"",
	  "received" },
	{ "\"acknowledged\":\"2026-11-25T12:00:00Z\",", "", "acknowledged" },
	{ "\"by\":\"Bob\"", "\"by\":[\"Bob\"]", "by" },
	{ "\"recipient\":\"General Hospital\",", "", "recipient" },
	{ "\"imported\":true", "\"imported\":\"yes\"", "files[0].imported" },
	{ ",\"imported\":false", "", "files[1].imported" },
	{ "\"imported\":true}", "\"imported\":true,\"kind\":\"sbom\"}",
	  "files[0].kind" },
	{ "\"notes.txt\"", "\"..\"", "files[1].name" },
	{ "\"imported\":false}]}", "\"imported\":false},1]}", "files[2]" },
};

/* Apply m to good into buf. */
static void mutate(const char *good, const struct mutation *m, char *buf,
                   size_t size)
{
	const char *at;

	if (m->from == NULL) {
		snprintf(buf, size, "%s", m->to);
		return;
	}
	at = strstr(good, m->from);
	assert_non_null(at);
	snprintf(buf, size, "%.*s%s%s", (int)(at - good), good, m->to,
	         at + strlen(m->from));
}

static size_t refused(const char *good, const struct mutation *cases,
                      size_t count, bool receipt)
{
	struct tplc_docs_manifest *m = NULL;
	struct tplc_docs_receipt *r = NULL;
	struct tplc_error err;
	char buf[4096];
	size_t i, ok = 0;
	int error;

	for (i = 0; i < count; i++) {
		mutate(good, &cases[i], buf, sizeof(buf));
		memset(&err, 0, sizeof(err));
		error = receipt ? tplc_docs_receipt_parse(&r, buf, strlen(buf),
		                                          "x.json", &err)
		                : tplc_docs_manifest_parse(&m, buf, strlen(buf),
		                                           "x.json", &err);
		if (error == TPLC_EPARSE &&
		    strcmp(err.path, cases[i].path) == 0) {
			ok++;
			continue;
		}
		tplt_note("not refused at %s: %s -> %s (%d, %s: %s)",
		          cases[i].path,
		          cases[i].from ? cases[i].from : "(all)", cases[i].to,
		          error, err.path, err.message);
		tplc_docs_manifest_free(m);
		tplc_docs_receipt_free(r);
		m = NULL;
		r = NULL;
	}
	return ok;
}

static void test_docs__malformed_paths(void **state)
{
	struct tplc_docs_manifest *m = NULL;
	struct tplc_docs_receipt *r = NULL;
	struct tplc_error err;
	size_t n = sizeof(manifest_bad) / sizeof(manifest_bad[0]);
	size_t k = sizeof(receipt_bad) / sizeof(receipt_bad[0]), ok;

	(void)state;
	/* the good ones are good */
	assert_int_equal(tplc_docs_manifest_parse(&m, MANIFEST,
	                                          strlen(MANIFEST), "m", &err),
	                 0);
	tplc_docs_manifest_free(m);
	assert_int_equal(tplc_docs_receipt_parse(&r, RECEIPT, strlen(RECEIPT),
	                                         "r", &err),
	                 0);
	tplc_docs_receipt_free(r);
	ok = refused(MANIFEST, manifest_bad, n, false);
	tplt_conformance("docs manifest: %zu/%zu malformed refused", ok, n);
	assert_int_equal(ok, n);
	ok = refused(RECEIPT, receipt_bad, k, true);
	tplt_conformance("docs receipt: %zu/%zu malformed refused", ok, k);
	assert_int_equal(ok, k);
}

static void test_docs__names(void **state)
{
	static const char *const good[] = {
		"sbom.cdx.json",
		"MDS2 form v2.csv",
		"a",
		"x~y+z@1=2_3-4.txt",
	};
	static const char *const bad[] = {
		"",
		".",
		"..",
		".hidden",
		" lead",
		"a/b",
		"a\\b",
		"x..y",
		"tab\there",
		"new\nline",
		"del\x7f",
		"semi;colon",
		"caf\xc3\xa9",
	};
	char longest[TPLC_DOCS_NAME_MAX + 2];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_null(tplc_docs_name_problem(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_non_null(tplc_docs_name_problem(bad[i]));
	memset(longest, 'a', sizeof(longest) - 1);
	longest[TPLC_DOCS_NAME_MAX] = '\0';
	assert_null(tplc_docs_name_problem(longest));
	longest[TPLC_DOCS_NAME_MAX] = 'a';
	longest[TPLC_DOCS_NAME_MAX + 1] = '\0';
	assert_non_null(tplc_docs_name_problem(longest));
}

struct kind_case {
	const char *rel; /* below the shared data, or "cli:" a tests/cli file */
	const char *kind;
};

static const struct kind_case kind_cases[] = {
	{ "sbom/medical-device/extended.sbom.json", "sbom" },
	{ "sbom/medical-device/narrow.sbom.json", "sbom" },
	{ "sbom/cyclonedx/examples/VEX/vex.json", "vex" },
	{ "sbom/cyclonedx/examples/VEX/Use-Cases/Case-4/vex.json", "vex" },
	{ "sbom/spdx-2.3/examples/SPDXJSONExample-v2.3.spdx.json", "sbom" },
	{ "sbom/spdx-2.3/examples/SPDXTagExample-v2.3.spdx", "sbom" },
	{ "sbom/spdx-2.3/examples/SPDXYAMLExample-2.3.spdx.yaml", "sbom" },
	{ "sbom/spdx-2.3/examples/SPDXXMLExample-v2.3.spdx.xml", "sbom" },
	{ "sbom/spdx-2.3/examples/SPDXRdfExample-v2.3.spdx.rdf.xml", "sbom" },
	{ "advisories/csaf-2.0/examples/csaf/csaf_vex/sec-vex-2022-0001.json",
	  "vex" },
	{ "mud/luminaire/fs/Luminaire_150.json", "mud" },
	{ "mud/luminaire/luminaire_conf.json", "other" },
	{ "advisories/kev/known_exploited_vulnerabilities.csv", "other" },
	{ "cli:t0400/pump-1.2.0.cdx.json", "sbom" },
	{ "cli:t0700/pump-vex.cdx.json", "vex" },
	{ "cli:t0400/workstation.csaf.json", "other" },
	{ "cli:t0400/inventory.csv", "other" },
	{ "cli:../fixtures/openvex/affected.json", "vex" },
};

static void test_docs__kinds_of_real_files(void **state)
{
	char path[4096];
	const char *root = getenv("TPLC_SOURCE_ROOT"), *name;
	size_t i, len, ok = 0, n = sizeof(kind_cases) / sizeof(kind_cases[0]);
	char *data;
	int kind;

	(void)state;
	for (i = 0; i < n; i++) {
		if (strncmp(kind_cases[i].rel, "cli:", 4) == 0) {
			assert_non_null(root);
			snprintf(path, sizeof(path), "%s/tests/cli/%s", root,
			         kind_cases[i].rel + 4);
		} else {
			snprintf(path, sizeof(path), "%s",
			         tplt_shared(kind_cases[i].rel));
		}
		data = tplt_read_file(path, &len);
		name = strrchr(path, '/') + 1;
		kind = tplc_docs_kind_detect(name, data, len);
		if (tplc_docs_kind_name(kind) != NULL &&
		    strcmp(tplc_docs_kind_name(kind), kind_cases[i].kind) == 0)
			ok++;
		else
			tplt_note("%s: %s, expected %s", kind_cases[i].rel,
			          tplc_docs_kind_name(kind),
			          kind_cases[i].kind);
		free(data);
	}
	tplt_conformance("docs kinds: %zu/%zu real files detected", ok, n);
	assert_int_equal(ok, n);
}

static void test_docs__kinds_written(void **state)
{
	static const char mds2[] = "ID,answer,note\nDOC-1,Acme,\n"
	                           "DOC-2,InfuPump,\nCSUP-2.1,Yes,\n";
	static const char not_mds2[] = "ID,answer\nFOO-1,x\nBAR-2,y\n";
	static const char notice[] = "{\"payloadType\":\"" TPLC_NOTICE_TYPE
	                             "\",\"payload\":\"e30=\","
	                             "\"signatures\":[]}";
	static const char other_dsse[] =
	        "{\"payloadType\":\"text/plain\",\"payload\":\"e30=\","
	        "\"signatures\":[]}";
	static const char cdx_both[] =
	        "{\"bomFormat\":\"CycloneDX\",\"components\":[{}],"
	        "\"vulnerabilities\":[{}]}";

	(void)state;
	assert_int_equal(tplc_docs_kind_detect("f.csv", mds2, strlen(mds2)),
	                 TPLC_DOCS_MDS2);
	assert_int_equal(
	        tplc_docs_kind_detect("f.csv", not_mds2, strlen(not_mds2)),
	        TPLC_DOCS_OTHER);
	assert_int_equal(
	        tplc_docs_kind_detect("n.json", notice, strlen(notice)),
	        TPLC_DOCS_NOTICE);
	assert_int_equal(
	        tplc_docs_kind_detect("n.json", other_dsse, strlen(other_dsse)),
	        TPLC_DOCS_OTHER);
	assert_int_equal(
	        tplc_docs_kind_detect("b.json", cdx_both, strlen(cdx_both)),
	        TPLC_DOCS_SBOM);
	assert_int_equal(tplc_docs_kind_detect("m.xlsx", "PK\3\4rest", 8),
	                 TPLC_DOCS_MDS2);
	assert_int_equal(tplc_docs_kind_detect("m.zip", "PK\3\4rest", 8),
	                 TPLC_DOCS_OTHER);
	assert_int_equal(tplc_docs_kind_detect("e", "", 0), TPLC_DOCS_OTHER);
	assert_int_equal(tplc_docs_kind_detect("bad.json", "{\"a\":", 5),
	                 TPLC_DOCS_OTHER);
	assert_int_equal(tplc_docs_kind_parse("test-report"),
	                 TPLC_DOCS_TEST_REPORT);
	assert_int_equal(tplc_docs_kind_parse("pdf"), -1);
	assert_string_equal(tplc_docs_kind_name(TPLC_DOCS_LIFECYCLE),
	                    "lifecycle");
	assert_null(tplc_docs_kind_name(TPLC_DOCS_KINDS));
}

static void test_docs__hash_and_id(void **state)
{
	char sha[TPLC_DOCS_SHA256_HEX + 1], a[TPLC_DOCS_ID_HEX + 1],
	        b[TPLC_DOCS_ID_HEX + 1];

	(void)state;
	/* FIPS 180-2's "abc" */
	tplc_sha256_hex("abc", 3, sha);
	assert_string_equal(sha, "ba7816bf8f01cfea414140de5dae2223"
	                         "b00361a396177a9cb410ff61f20015ad");
	tplc_docs_random_id(a);
	tplc_docs_random_id(b);
	assert_int_equal(strlen(a), TPLC_DOCS_ID_HEX);
	assert_string_not_equal(a, b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docs__manifest_round_trip),
		cmocka_unit_test(test_docs__receipt_round_trip),
		cmocka_unit_test(test_docs__malformed_paths),
		cmocka_unit_test(test_docs__names),
		cmocka_unit_test(test_docs__kinds_of_real_files),
		cmocka_unit_test(test_docs__kinds_written),
		cmocka_unit_test(test_docs__hash_and_id),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

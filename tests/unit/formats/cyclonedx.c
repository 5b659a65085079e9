/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbom-test.h"

/* Conformance cases we cannot pass, each with its reason.  None today. */
static const struct {
	const char *file;
	const char *reason;
} skipped[] = {
	{ NULL, NULL },
};

static const char *skip_reason(const char *name)
{
	size_t i;

	for (i = 0; skipped[i].file != NULL; i++)
		if (strcmp(skipped[i].file, name) == 0)
			return skipped[i].reason;
	return NULL;
}

static struct tplc_sbom *parse_text(const char *text)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplc_sbom_parse_cyclonedx(&sbom, text, strlen(text), "t.json",
	                              &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return sbom;
}

/* Every valid-* accepted, every invalid-* rejected with a location. */
static void test_cyclonedx__conformance(void **state)
{
	const char *version = *state;
	struct tplt_sbom_cases n;
	char rel[64];

	snprintf(rel, sizeof(rel), "sbom/cyclonedx/conformance/%s", version);
	tplt_sbom_cases(tplt_shared(rel), ".json", "CycloneDX", version,
	                skip_reason, NULL, NULL, &n);
	tplt_conformance("CycloneDX %s: %zu/%zu valid accepted, %zu/%zu "
	                 "invalid rejected%s",
	                 version, n.valid_ok, n.valid, n.invalid_ok, n.invalid,
	                 n.skips ? " (some skipped)" : "");
	assert_true(n.valid > 0 && n.invalid > 0);
	assert_int_equal(n.valid_ok, n.valid);
	assert_int_equal(n.invalid_ok, n.invalid);
}

static const struct tplc_component *find(const struct tplc_sbom *sbom,
                                         const char *name)
{
	size_t i;

	for (i = 0; i < sbom->component_count; i++)
		if (strcmp(sbom->components[i].name, name) == 0)
			return &sbom->components[i];
	fail_msg("no component %s", name);
	return NULL;
}

static size_t count_support(const struct tplc_sbom *sbom,
                            enum tplc_support_level level)
{
	size_t i, n = 0;

	for (i = 0; i < sbom->component_count; i++)
		n += sbom->components[i].support == level;
	return n;
}

/* The real medical-device SBOMs (CycloneDX 1.4, FDA properties). */
static void test_cyclonedx__medical_device_narrow(void **state)
{
	struct tplc_sbom *sbom =
	        tplt_sbom_shared("sbom/medical-device/narrow.sbom.json");
	const struct tplc_component *c;

	(void)state;
	assert_string_equal(sbom->format, "CycloneDX");
	assert_string_equal(sbom->spec_version, "1.4");
	assert_string_equal(sbom->serial,
	                    "urn:uuid:02826796-d30c-4aa6-b0a8-44207a01cb6c");
	assert_string_equal(sbom->created, "2025-07-23T20:52:41.344402+00:00");
	assert_string_equal(sbom->author, "REDACTED");
	assert_string_equal(sbom->subject_name, "REDACTED");
	assert_null(sbom->subject_version);
	assert_string_equal(sbom->subject_supplier, "REDACTED");
	assert_int_equal(sbom->component_count, 55);
	assert_int_equal(sbom->dependency_count, 56);

	c = find(sbom, "WolfSSL");
	assert_string_equal(c->version, "4.8.1");
	assert_string_equal(c->purl, "pkg:github/wolfssl/wolfssl");
	assert_string_equal(c->cpe, "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:"
	                            "*:*:*");
	assert_string_equal(c->type, "firmware");
	assert_string_equal(c->supplier, "wolfSSL");
	assert_string_equal(c->license, "GPLv3/Commercial");
	assert_int_equal(c->support, TPLC_SUPPORT_MAINTAINED);
	assert_string_equal(c->support_text, "Actively maintained");
	assert_null(c->end_of_support);
	assert_string_equal(c->end_of_support_text, "Open source");
	assert_string_equal(c->ref, "BomRef.6730320963532548.7863229239413411");

	/* "version": "" is absent, never "" */
	c = find(sbom, "Qualcomm Atheros QCA9563");
	assert_null(c->version);
	assert_string_equal(c->type, "device");
	assert_string_equal(c->end_of_support_text,
	                    "Until hardware support ends");

	/* 45 Actively maintained, 2 Deprecated + 7 Inactive, 1 Unknown */
	assert_int_equal(count_support(sbom, TPLC_SUPPORT_MAINTAINED), 45);
	assert_int_equal(count_support(sbom, TPLC_SUPPORT_NOT_MAINTAINED), 9);
	assert_int_equal(count_support(sbom, TPLC_SUPPORT_ABANDONED), 0);
	assert_int_equal(count_support(sbom, TPLC_SUPPORT_UNKNOWN), 1);
	tplc_sbom_free(sbom);
}

static void test_cyclonedx__medical_device_extended(void **state)
{
	struct tplc_sbom *sbom =
	        tplt_sbom_shared("sbom/medical-device/extended.sbom.json");
	const struct tplc_component *c;

	(void)state;
	assert_int_equal(sbom->component_count, 65);
	assert_int_equal(sbom->dependency_count, 66);
	c = find(sbom, "FreeRTOS");
	assert_string_equal(c->version, "10.0.1");
	assert_string_equal(c->purl, "pkg:github/freertos/freertos");
	assert_string_equal(c->cpe, "cpe:2.3:o:amazon:freertos:10.0.1:*:*:*:-:"
	                            "*:*:*");
	assert_string_equal(c->supplier, "Amazon");
	assert_string_equal(c->license, "MIT");
	assert_int_equal(c->support, TPLC_SUPPORT_MAINTAINED);
	assert_string_equal(c->end_of_support_text, "Open source");
	c = find(sbom, "WolfSSL");
	assert_string_equal(c->version, "4.8.1");
	assert_int_equal(count_support(sbom, TPLC_SUPPORT_MAINTAINED), 55);
	assert_int_equal(count_support(sbom, TPLC_SUPPORT_NOT_MAINTAINED), 9);
	tplc_sbom_free(sbom);
}

/* name, version and purl. */
static void component_line(const struct tplc_component *c, char *buf,
                           size_t size)
{
	snprintf(buf, size, "%s|%s|%s\n", c->name, c->version ? c->version : "",
	         c->purl ? c->purl : "");
}

/* The same SBOM in several spec versions (and nested or flat) gives the
 * same components. */
static void same_components(const char *const *rels, size_t n, size_t expected)
{
	char *first = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		struct tplc_sbom *sbom = tplt_sbom_shared(rels[i]);
		char *set;

		assert_int_equal(sbom->component_count, expected);
		set = tplt_sbom_component_set(sbom, component_line);
		if (first == NULL)
			first = set;
		else {
			if (strcmp(first, set) != 0)
				fail_msg("%s: components differ from %s",
				         rels[i], rels[0]);
			free(set);
		}
		tplc_sbom_free(sbom);
	}
	free(first);
}

static void test_cyclonedx__examples_juice_shop(void **state)
{
	static const char *const rels[] = {
		"sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/bare/"
		"bom.1.2.json",
		"sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/bare/"
		"bom.1.3.json",
		"sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/bare/"
		"bom.1.4.json",
		"sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/flat/"
		"bom.1.2.json",
		"sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/flat/"
		"bom.1.3.json",
		"sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/flat/"
		"bom.1.4.json",
	};
	struct tplc_sbom *sbom;
	const struct tplc_component *c;

	(void)state;
	/* bare nests 278 of the 1115 components inside others */
	same_components(rels, sizeof(rels) / sizeof(*rels), 1115);

	sbom = tplt_sbom_shared(rels[2]);
	assert_string_equal(sbom->subject_name, "juice-shop");
	assert_string_equal(sbom->subject_version, "14.1.1");
	assert_string_equal(sbom->author,
	                    "@cyclonedx cyclonedx-library 1.13.3");
	c = &sbom->components[0];
	assert_string_equal(c->name, "helper-string-parser");
	assert_string_equal(c->group, "@babel");
	assert_string_equal(c->license, "MIT");
	assert_string_equal(c->supplier, "The Babel Team");
	assert_int_equal(c->hash_count, 1);
	assert_string_equal(c->hashes[0].alg, "SHA-512");
	assert_int_equal(strlen(c->hashes[0].value), 128);
	tplc_sbom_free(sbom);

	sbom = tplt_sbom_shared(
	        "sbom/cyclonedx/examples/SBOM/juice-shop/v11.1.2/"
	        "bom.json");
	assert_int_equal(sbom->component_count, 840);
	assert_string_equal(sbom->author, "CycloneDX Node.js module 2.0.0");
	assert_string_equal(sbom->created, "2020-08-03T03:20:53.771Z");
	tplc_sbom_free(sbom);
}

static void test_cyclonedx__examples_laravel(void **state)
{
	static const char *const rels[] = {
		"sbom/cyclonedx/examples/SBOM/laravel-7.12.0/bom.1.2.json",
		"sbom/cyclonedx/examples/SBOM/laravel-7.12.0/bom.1.3.json",
		"sbom/cyclonedx/examples/SBOM/laravel-7.12.0/bom.1.4.json",
	};

	(void)state;
	same_components(rels, sizeof(rels) / sizeof(*rels), 62);
}

#define HEAD                                                         \
	"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n" \
	" \"version\": 1,\n"

/* Nested components come in pre-order; FDA property name variants. */
static void test_cyclonedx__nested_and_support(void **state)
{
	static const char text[] = HEAD
	        " \"components\": [\n"
	        "  {\"type\": \"device\", \"name\": \"pump\", \"bom-ref\": "
	        "\"a\",\n"
	        "   \"properties\": [{\"name\": \"cdx:fda:levelOfSupport\","
	        " \"value\": \"No longer maintained\"},\n"
	        "     {\"name\": \"endOfSupport\", \"value\": "
	        "\"2027-06-30T00:00:00Z\"}],\n"
	        "   \"components\": [\n"
	        "    {\"type\": \"library\", \"name\": \"inner\", "
	        "\"version\": \"\",\n"
	        "     \"hashes\": [{\"alg\": \"SHA-1\", \"content\": "
	        "\"E6B1000B94E835FFD37F4C6DCBDAD43F4B48A02A\"}],\n"
	        "     \"properties\": [{\"name\": \"Support Level\", "
	        "\"value\": \"EOL\"},\n"
	        "       {\"name\": \"end of support\", \"value\": "
	        "\"2026-01-31\"}],\n"
	        "     \"components\": [{\"type\": \"file\", \"name\": "
	        "\"innermost\",\n"
	        "       \"properties\": [{\"name\": \"Level of Support\", "
	        "\"value\": \"Abandoned\"}]}]}]},\n"
	        "  {\"type\": \"library\", \"name\": \"last\", "
	        "\"licenses\": [{\"expression\": \"MIT OR Apache-2.0\"}],\n"
	        "   \"properties\": [{\"name\": \"Level-Of-Support\", "
	        "\"value\": \"actively MAINTAINED\"}]}],\n"
	        " \"dependencies\": [{\"ref\": \"a\"}]}";
	struct tplc_sbom *sbom = parse_text(text);
	const struct tplc_component *c = sbom->components;

	(void)state;
	assert_int_equal(sbom->component_count, 4);
	assert_string_equal(c[0].name, "pump");
	assert_string_equal(c[1].name, "inner");
	assert_string_equal(c[2].name, "innermost");
	assert_string_equal(c[3].name, "last");
	assert_null(sbom->serial);
	assert_null(sbom->created);
	assert_null(sbom->author);

	assert_int_equal(c[0].support, TPLC_SUPPORT_NOT_MAINTAINED);
	assert_string_equal(c[0].support_text, "No longer maintained");
	assert_string_equal(c[0].end_of_support, "2027-06-30");
	assert_null(c[0].end_of_support_text);

	assert_null(c[1].version);
	assert_int_equal(c[1].support, TPLC_SUPPORT_NOT_MAINTAINED);
	assert_string_equal(c[1].end_of_support, "2026-01-31");
	assert_int_equal(c[1].hash_count, 1);
	assert_string_equal(c[1].hashes[0].value,
	                    "e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a");

	assert_int_equal(c[2].support, TPLC_SUPPORT_ABANDONED);
	assert_null(c[2].end_of_support);
	assert_int_equal(c[3].support, TPLC_SUPPORT_MAINTAINED);
	assert_string_equal(c[3].license, "MIT OR Apache-2.0");

	assert_int_equal(sbom->dependency_count, 1);
	assert_string_equal(sbom->dependencies[0].ref, "a");
	assert_int_equal(sbom->dependencies[0].count, 0);
	tplc_sbom_free(sbom);
}

/* Components nested past CDX_NESTING_MAX (64) are refused. */
static void test_cyclonedx__nesting_limit(void **state)
{
	char text[8192];
	size_t used, i;
	struct tplc_error err;

	(void)state;
	used = (size_t)snprintf(text, sizeof(text), "%s\"components\": [",
	                        HEAD);
	for (i = 0; i < 70; i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used,
		                         "{\"type\": \"library\", \"name\": "
		                         "\"c%zu\", \"components\": [",
		                         i);
	for (i = 0; i < 70; i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used,
		                         "]}");
	snprintf(text + used, sizeof(text) - used, "]}");
	assert_int_equal(tplt_sbom_parse_bad("t.json", text, &err),
	                 TPLC_ELIMIT);
	assert_non_null(strstr(err.message, "nested"));
}

/* Errors name file, line, column and JSON path. */
static void test_cyclonedx__errors_located(void **state)
{
	static const char hash[] = HEAD
	        " \"components\": [{\"type\": \"library\", \"name\": \"x\","
	        "\n  \"hashes\": [{\"alg\": \"SHA-256\",\n"
	        "    \"content\": \"e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a\""
	        "}]}]}";
	static const char type[] =
	        HEAD " \"components\": [{\"name\": \"x\", \"type\": 7}]}";
	static const char closed[] =
	        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", "
	        "\"components\": [{\"type\": \"library\", \"name\": \"x\", "
	        "\"manufacturer\": {}}]}";
	static const char open[] =
	        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.3\", "
	        "\"version\": 1, \"x-vendor\": 1, \"components\": [{\"type\": "
	        "\"library\", \"name\": \"x\", \"version\": \"1\", \"x\": 2}]}";
	struct tplc_error err;
	struct tplc_sbom *sbom;
	char msg[1024];

	(void)state;
	assert_int_equal(tplt_sbom_parse_bad("t.json", hash, &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.file, "t.json");
	assert_int_equal(err.line, 5);
	assert_int_equal(err.column, 16);
	assert_string_equal(err.path, "components[0].hashes[0].content");
	assert_non_null(strstr(err.message, "SHA-256"));

	assert_int_equal(tplt_sbom_parse_bad("t.json", type, &err),
	                 TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(msg, "t.json:3:39: components[0].type: expected "
	                         "a string, found a number");

	/* manufacturer arrived in 1.6; 1.4+ objects are closed */
	assert_int_equal(tplt_sbom_parse_bad("t.json", closed, &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.path, "components[0].manufacturer");
	assert_non_null(strstr(err.message, "1.5"));

	/* the model needs a name */
	assert_int_equal(tplt_sbom_parse_bad("t.json",
	                                     HEAD
	                                     " \"components\": [{\"type\": "
	                                     "\"library\", \"name\": \" \"}]}",
	                                     &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.path, "components[0].name");

	/* 1.2 and 1.3 objects are open */
	sbom = parse_text(open);
	assert_int_equal(sbom->component_count, 1);
	tplc_sbom_free(sbom);
}

/* Format detection and versions we do not read. */
static void test_cyclonedx__detection(void **state)
{
	struct tplc_error err;

	(void)state;
	/* XML goes to the XML parser: a bom without a namespace is none */
	assert_int_equal(tplt_sbom_parse_bad("t.json",
	                                     "<?xml version=\"1.0\"?><bom/>",
	                                     &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplt_sbom_parse_bad("t.json", "{\"hello\": 1}", &err),
	                 TPLC_EPARSE);
	assert_int_equal(err.line, 1);
	assert_int_equal(tplt_sbom_parse_bad("t.json", "[1, 2]", &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplt_sbom_parse_bad("t.json", "{\"bom", &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplt_sbom_parse_bad("t.json", "", &err), TPLC_EPARSE);
	assert_int_equal(tplt_sbom_parse_bad("t.json",
	                                     "{\"bomFormat\": \"CycloneDX\", "
	                                     "\"specVersion\": \"1.8\"}",
	                                     &err),
	                 TPLC_EUNSUPPORTED);
	assert_string_equal(err.path, "specVersion");
	assert_int_equal(tplt_sbom_parse_bad("t.json",
	                                     "{\"bomFormat\": \"CycloneDX\", "
	                                     "\"specVersion\": \"1.1\"}",
	                                     &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplt_sbom_parse_bad("t.json",
	                                     "{\"bomFormat\": \"CycloneDX\"}",
	                                     &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.path, "specVersion");
	assert_int_equal(
	        tplt_sbom_parse_bad("t.json",
	                            "{\"@context\": \"https://spdx.org/rdf/3.0."
	                            "1/spdx-context.jsonld\"}",
	                            &err),
	        TPLC_EUNSUPPORTED);
}

/* Every allocation failure gives TPLC_ENOMEM and leaks nothing. */
static void test_cyclonedx__out_of_memory(void **state)
{
	static const char text[] = HEAD
	        " \"serialNumber\": \"urn:uuid:3e671687-395b-41f5-a30f-"
	        "a58921a69b79\",\n"
	        " \"metadata\": {\"timestamp\": \"2024-01-01T00:00:00Z\","
	        " \"tools\": {\"components\": [{\"type\": \"application\","
	        " \"name\": \"gen\", \"version\": \"1\"}]},\n"
	        "  \"component\": {\"type\": \"device\", \"name\": \"pump\","
	        " \"bom-ref\": \"pump\"}},\n"
	        " \"components\": [{\"type\": \"library\", \"name\": \"a\","
	        " \"bom-ref\": \"a\", \"purl\": \"pkg:npm/a@1\",\n"
	        "   \"hashes\": [{\"alg\": \"MD5\", \"content\": "
	        "\"3942447fac867ae5cdb3229b658f4d48\"}],\n"
	        "   \"licenses\": [{\"license\": {\"id\": \"MIT\"}}],\n"
	        "   \"properties\": [{\"name\": \"End-of-Support\", "
	        "\"value\": \"Never\"}],\n"
	        "   \"components\": [{\"type\": \"file\", \"name\": \"b\","
	        " \"bom-ref\": \"b\"}]}],\n"
	        " \"dependencies\": [{\"ref\": \"a\", \"dependsOn\": "
	        "[\"b\"]}]}";
	struct tplc_sbom *sbom;

	(void)state;
	sbom = tplt_sbom_until_memory(text, strlen(text), "m");
	assert_int_equal(sbom->component_count, 2);
	assert_string_equal(sbom->author, "gen 1");
	assert_string_equal(sbom->subject_name, "pump");
	assert_int_equal(sbom->dependencies[0].count, 1);
	tplc_sbom_free(sbom);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TPLT_VERSION_TEST(test_cyclonedx__conformance, 1, 2),
		TPLT_VERSION_TEST(test_cyclonedx__conformance, 1, 3),
		TPLT_VERSION_TEST(test_cyclonedx__conformance, 1, 4),
		TPLT_VERSION_TEST(test_cyclonedx__conformance, 1, 5),
		TPLT_VERSION_TEST(test_cyclonedx__conformance, 1, 6),
		TPLT_VERSION_TEST(test_cyclonedx__conformance, 1, 7),
		cmocka_unit_test(test_cyclonedx__medical_device_narrow),
		cmocka_unit_test(test_cyclonedx__medical_device_extended),
		cmocka_unit_test(test_cyclonedx__examples_juice_shop),
		cmocka_unit_test(test_cyclonedx__examples_laravel),
		cmocka_unit_test(test_cyclonedx__nested_and_support),
		cmocka_unit_test(test_cyclonedx__nesting_limit),
		cmocka_unit_test(test_cyclonedx__errors_located),
		cmocka_unit_test(test_cyclonedx__detection),
		cmocka_unit_test(test_cyclonedx__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc_sbom_check: NTIA minimum elements and FDA support fields, on the
 * medical-device SBOM pair (narrow and extended CycloneDX 1.4 of one
 * device) and on small documents that miss one element each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/sbom-check.h"
#include "tplc/sbom.h"

#define DEVICE "sbom/medical-device/"

static struct tplc_sbom *parse_text(const char *text)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplc_sbom_parse(&sbom, text, strlen(text), "t", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return sbom;
}

static struct tplc_sbom *parse_file(const char *rel)
{
	size_t len;
	char *data = tplt_read_file(tplt_shared(rel), &len);
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplc_sbom_parse(&sbom, data, len, rel, &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	free(data);
	return sbom;
}

static void expect(const struct tplc_sbom_check *c, enum tplc_sbom_element e,
                   size_t have, size_t total, bool ok)
{
	const struct tplc_sbom_check_item *it = &c->items[e];

	if (it->have != have || it->total != total || it->ok != ok)
		fail_msg("%s: %zu/%zu %s, expected %zu/%zu %s", it->key,
		         it->have, it->total, it->ok ? "ok" : "missing", have,
		         total, ok ? "ok" : "missing");
}

/*
 * The two files describe one device: extended lists 10 more components
 * (the network and wireless parts), and the 55 components both have are
 * identical.  Neither states a single dependency edge (every dependsOn
 * is empty), one component's level of support is "Unknown" and seven
 * end-of-support values are "Unknown", in both.  So narrow fails on
 * exactly: version (1), dependencies (all), support level (1), end of
 * support (7); extended fails on the same four (6 unversioned hardware
 * parts), and passes supplier, name, identifier, author and timestamp.
 */
static void test_sbom_check__medical_device(void **state)
{
	struct tplc_sbom *narrow = parse_file(DEVICE "narrow.sbom.json");
	struct tplc_sbom *extended = parse_file(DEVICE "extended.sbom.json");
	struct tplc_sbom_check n, x;
	size_t e;

	(void)state;
	tplc_sbom_check(narrow, &n);
	tplc_sbom_check(extended, &x);

	assert_int_equal(n.components, 55);
	assert_false(n.complete);
	assert_int_equal(n.missing, 4);
	expect(&n, TPLC_SBOM_SUPPLIER, 55, 55, true);
	expect(&n, TPLC_SBOM_NAME, 55, 55, true);
	expect(&n, TPLC_SBOM_VERSION, 54, 55, false);
	assert_string_equal(n.items[TPLC_SBOM_VERSION].missing[0],
	                    "Qualcomm Atheros QCA9563");
	expect(&n, TPLC_SBOM_IDENTIFIER, 55, 55, true);
	expect(&n, TPLC_SBOM_DEPENDENCIES, 0, 55, false);
	expect(&n, TPLC_SBOM_AUTHOR, 1, 1, true);
	expect(&n, TPLC_SBOM_TIMESTAMP, 1, 1, true);
	expect(&n, TPLC_SBOM_SUPPORT_LEVEL, 54, 55, false);
	assert_int_equal(n.items[TPLC_SBOM_SUPPORT_LEVEL].named, 1);
	assert_string_equal(n.items[TPLC_SBOM_SUPPORT_LEVEL].missing[0],
	                    "QMScoringAPI");
	expect(&n, TPLC_SBOM_END_OF_SUPPORT, 48, 55, false);
	assert_int_equal(n.items[TPLC_SBOM_END_OF_SUPPORT].named,
	                 TPLC_SBOM_CHECK_NAMED);
	assert_string_equal(n.items[TPLC_SBOM_END_OF_SUPPORT].missing[0],
	                    "Aspose.Words");

	assert_int_equal(x.components, 65);
	assert_false(x.complete);
	assert_int_equal(x.missing, 4);
	expect(&x, TPLC_SBOM_VERSION, 59, 65, false);
	expect(&x, TPLC_SBOM_DEPENDENCIES, 0, 65, false);
	expect(&x, TPLC_SBOM_SUPPORT_LEVEL, 64, 65, false);
	expect(&x, TPLC_SBOM_END_OF_SUPPORT, 58, 65, false);
	/* what narrow passes, extended passes too */
	for (e = 0; e < TPLC_SBOM_ELEMENTS; e++)
		if (n.items[e].ok)
			assert_true(x.items[e].ok);
	tplt_conformance("medical-device SBOMs: narrow 5/9 elements complete "
	                 "(missing version 1, dependencies 55, support level "
	                 "1, end of support 7 of 55), extended 5/9 (missing "
	                 "6, 65, 1, 7 of 65)");
	tplc_sbom_free(narrow);
	tplc_sbom_free(extended);
}

#define CDX_HEAD                                                    \
	"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", " \
	"\"version\": 1,\n"
#define META                                                       \
	"\"metadata\": {\"timestamp\": \"2024-05-01T10:00:00Z\", " \
	"\"authors\": [{\"name\": \"Acme PSIRT\"}]},\n"
#define PROPS(level, end)                                                  \
	"\"properties\": [{\"name\": \"Level of Support\", \"value\": "    \
	"\"" level "\"}, {\"name\": \"End-of-Support\", \"value\": \"" end \
	"\"}]"

static void test_sbom_check__complete(void **state)
{
	static const char text[] = CDX_HEAD META
	        "\"components\": [{\"bom-ref\": \"a\", \"type\": "
	        "\"application\", \"name\": \"app\", \"version\": "
	        "\"1.0\", "
	        "\"supplier\": {\"name\": \"Acme\"}, \"purl\": "
	        "\"pkg:generic/app@1.0\", " PROPS(
	                "Actively maintained",
	                "2030-12-31") "},\n"
	                              "{\"bom-ref\": \"b\", \"type\": "
	                              "\"library\", \"name\": "
	                              "\"zlib\", \"version\": \"1.3\", "
	                              "\"publisher\": \"zlib\", "
	                              "\"hashes\": [{\"alg\": "
	                              "\"SHA-256\", \"content\": \"" /* */
	                              "9f86d081884c7d659a2feaa0c55ad015a3b"
	                              "f4f1b2b0b822cd15d6c15b0f0"
	                              "0a08\"}], " PROPS(
	                                      "No longer maintained",
	                                      "Until hardware support "
	                                      "ends") "}],\n"
	                                              "\"dependencies\": "
	                                              "[{\"ref\": \"a\", "
	                                              "\"dependsOn\": "
	                                              "[\"b\"]}]}";
	struct tplc_sbom *sbom = parse_text(text);
	struct tplc_sbom_check c;

	(void)state;
	tplc_sbom_check(sbom, &c);
	assert_true(c.complete);
	assert_int_equal(c.missing, 0);
	expect(&c, TPLC_SBOM_IDENTIFIER, 2, 2, true); /* a hash counts */
	expect(&c, TPLC_SBOM_DEPENDENCIES, 2, 2, true);
	expect(&c, TPLC_SBOM_END_OF_SUPPORT, 2, 2, true);
	tplc_sbom_free(sbom);
}

static void test_sbom_check__gaps(void **state)
{
	/* no metadata; b has no supplier, version, identifier, edge;
	 * level "Unknown", end "unknown" */
	static const char text[] = CDX_HEAD
	        "\"components\": [{\"bom-ref\": \"a\", \"type\": "
	        "\"application\", \"name\": \"app\", \"version\": \"1.0\", "
	        "\"supplier\": {\"name\": \"Acme\"}, \"cpe\": "
	        "\"cpe:2.3:a:acme:app:1.0:*:*:*:*:*:*:*\", " PROPS(
	                "Actively maintained",
	                "2030-12-31") "},\n"
	                              "{\"bom-ref\": \"b\", \"type\": "
	                              "\"library\", \"name\": "
	                              "\"blob\", " PROPS(
	                                      "Unknown",
	                                      "unknown") "}],\n"
	                                                 "\"dependencies\": "
	                                                 "[{\"ref\": \"a\", "
	                                                 "\"dependsOn\": []}]}";
	static const char empty[] = CDX_HEAD META "\"components\": []}";
	struct tplc_sbom *sbom = parse_text(text);
	struct tplc_sbom_check c;
	enum tplc_sbom_element e;

	(void)state;
	tplc_sbom_check(sbom, &c);
	assert_false(c.complete);
	for (e = TPLC_SBOM_SUPPLIER; e < TPLC_SBOM_ELEMENTS; e++) {
		const struct tplc_sbom_check_item *it = &c.items[e];

		if (e == TPLC_SBOM_NAME) {
			expect(&c, e, 2, 2, true);
		} else if (e == TPLC_SBOM_AUTHOR || e == TPLC_SBOM_TIMESTAMP) {
			expect(&c, e, 0, 1, false);
		} else if (e == TPLC_SBOM_DEPENDENCIES) {
			expect(&c, e, 0, 2, false); /* no edge at all */
		} else {
			expect(&c, e, 1, 2, false);
			assert_int_equal(it->named, 1);
			assert_string_equal(it->missing[0], "blob");
		}
	}
	assert_int_equal(c.missing, 8);
	tplc_sbom_free(sbom);

	/* no components: nothing has relationships */
	sbom = parse_text(empty);
	tplc_sbom_check(sbom, &c);
	assert_false(c.complete);
	assert_int_equal(c.missing, 1);
	expect(&c, TPLC_SBOM_DEPENDENCIES, 0, 0, false);
	tplc_sbom_free(sbom);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sbom_check__medical_device),
		cmocka_unit_test(test_sbom_check__complete),
		cmocka_unit_test(test_sbom_check__gaps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

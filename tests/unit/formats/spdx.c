/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbom-test.h"

#define EXAMPLE "sbom/spdx-2.3/examples/SPDXJSONExample-v2.3.spdx.json"

static struct tplc_sbom *
parse_example(int (*parse)(struct tplc_sbom **, const char *, size_t,
                           const char *, struct tplc_error *))
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];
	size_t len;
	char *data = tplt_read_file(tplt_shared(EXAMPLE), &len);
	int error = parse(&sbom, data, len, "example.spdx.json", &err);

	free(data); /* the SBOM must not borrow from it */
	if (error != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return sbom;
}

static void test_spdx__example(void **state)
{
	struct tplc_sbom *sbom = parse_example(tplc_sbom_parse_spdx);
	const struct tplc_component *c;

	(void)state;
	assert_string_equal(sbom->format, "SPDX");
	assert_string_equal(sbom->spec_version, "2.3");
	assert_string_equal(sbom->serial,
	                    "http://spdx.org/spdxdocs/spdx-example-444504E0-"
	                    "4F89-41D3-9A0C-0305E82C3301");
	assert_string_equal(sbom->created, "2010-01-29T18:30:22Z");
	assert_string_equal(sbom->author,
	                    "LicenseFind-1.0, ExampleCodeInspect, Jane Doe");
	/* documentDescribes: SPDXRef-File (a file), then SPDXRef-Package */
	assert_string_equal(sbom->subject_name, "glibc");
	assert_string_equal(sbom->subject_version, "2.11.1");
	assert_string_equal(sbom->subject_supplier, "Jane Doe");

	/* four packages; files and snippets are not components */
	assert_int_equal(sbom->component_count, 4);

	c = tplt_sbom_find_ref(sbom, "SPDXRef-Package");
	assert_string_equal(c->name, "glibc");
	assert_string_equal(c->version, "2.11.1");
	assert_string_equal(c->supplier, "Jane Doe");
	assert_string_equal(c->type, "source");
	assert_string_equal(c->license, "(LGPL-2.0-only OR LicenseRef-3)");
	assert_string_equal(c->cpe, "cpe:2.3:a:pivotal_software:spring_"
	                            "framework:4.1.0:*:*:*:*:*:*:*");
	assert_null(c->purl);
	assert_int_equal(c->hash_count, 4);
	assert_string_equal(c->hashes[0].alg, "MD5");
	assert_string_equal(c->hashes[1].alg, "SHA-1");
	assert_string_equal(c->hashes[1].value,
	                    "85ed0817af83a24ad8da68c2b5094de69833983c");
	assert_string_equal(c->hashes[2].alg, "SHA-256");
	assert_string_equal(c->hashes[3].alg, "BLAKE2b-384");

	c = tplt_sbom_find_ref(sbom, "SPDXRef-fromDoap-0");
	assert_string_equal(c->name, "Jena");
	assert_string_equal(c->version, "3.12.0");
	assert_string_equal(c->purl,
	                    "pkg:maven/org.apache.jena/apache-jena@3.12.0");
	assert_null(c->cpe);
	assert_null(c->license); /* none given */

	c = tplt_sbom_find_ref(sbom, "SPDXRef-fromDoap-1");
	assert_string_equal(c->name, "Apache Commons Lang");
	assert_null(c->version);
	assert_null(c->license); /* NOASSERTION */
	assert_null(c->purl);

	c = tplt_sbom_find_ref(sbom, "SPDXRef-Saxon");
	assert_string_equal(c->version, "8.8");
	assert_string_equal(c->license, "MPL-1.0");
	assert_int_equal(c->hash_count, 1);
	assert_string_equal(c->hashes[0].alg, "SHA-1");

	/* JenaLib CONTAINS Package; DOCUMENT CONTAINS is not a dependency,
	 * DYNAMIC_LINK and GENERATED_FROM are not read */
	assert_int_equal(sbom->dependency_count, 1);
	assert_string_equal(sbom->dependencies[0].ref, "SPDXRef-JenaLib");
	assert_int_equal(sbom->dependencies[0].count, 1);
	assert_string_equal(sbom->dependencies[0].depends_on[0],
	                    "SPDXRef-Package");
	tplc_sbom_free(sbom);

	/* detection gives the same */
	sbom = parse_example(tplc_sbom_parse);
	assert_string_equal(sbom->format, "SPDX");
	assert_int_equal(sbom->component_count, 4);
	tplc_sbom_free(sbom);
}

#define DOC_HEAD                                                              \
	"{\"spdxVersion\": \"SPDX-2.3\", \"SPDXID\": \"SPDXRef-DOCUMENT\",\n" \
	" \"name\": \"t\", \"dataLicense\": \"CC0-1.0\",\n"

static void test_spdx__relationships_and_subject(void **state)
{
	static const char text[] = DOC_HEAD
	        " \"packages\": [\n"
	        "  {\"SPDXID\": \"SPDXRef-app\", \"name\": \"app\", "
	        "\"versionInfo\": \"\", \"supplier\": \"NOASSERTION\",\n"
	        "   \"originator\": \"Organization: Acme Medical ()\",\n"
	        "   \"licenseConcluded\": \"NONE\", \"licenseDeclared\": "
	        "\"MIT\",\n"
	        "   \"externalRefs\": [{\"referenceCategory\": \"SECURITY\", "
	        "\"referenceType\": \"cpe22Type\", \"referenceLocator\": "
	        "\"cpe:/a:acme:app:1\"}]},\n"
	        "  {\"SPDXID\": \"SPDXRef-lib\", \"name\": \"lib\", "
	        "\"checksums\": [{\"algorithm\": \"SHA512\", \"checksumValue\":"
	        " \"AB\"}]}],\n"
	        " \"relationships\": [\n"
	        "  {\"spdxElementId\": \"SPDXRef-DOCUMENT\", "
	        "\"relationshipType\":"
	        " \"DESCRIBES\", \"relatedSpdxElement\": \"SPDXRef-app\"},\n"
	        "  {\"spdxElementId\": \"SPDXRef-lib\", \"relationshipType\": "
	        "\"DEPENDENCY_OF\", \"relatedSpdxElement\": \"SPDXRef-app\"},\n"
	        "  {\"spdxElementId\": \"SPDXRef-app\", \"relationshipType\": "
	        "\"DEPENDS_ON\", \"relatedSpdxElement\": \"NOASSERTION\"},\n"
	        "  {\"spdxElementId\": \"SPDXRef-app\", \"relationshipType\": "
	        "\"CONTAINS\", \"relatedSpdxElement\": \"SPDXRef-file\"}]}";
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[512];

	(void)state;
	if (tplc_sbom_parse(&sbom, text, strlen(text), "t.json", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	assert_null(sbom->serial);
	assert_null(sbom->created);
	assert_null(sbom->author);
	assert_string_equal(sbom->subject_name, "app");
	assert_null(sbom->subject_version);
	assert_string_equal(sbom->subject_supplier, "Acme Medical");
	assert_string_equal(sbom->components[0].license, "MIT");
	assert_string_equal(sbom->components[0].cpe, "cpe:/a:acme:app:1");
	assert_string_equal(sbom->components[1].hashes[0].alg, "SHA-512");
	assert_string_equal(sbom->components[1].hashes[0].value, "ab");
	assert_int_equal(sbom->dependency_count, 1);
	assert_string_equal(sbom->dependencies[0].ref, "SPDXRef-app");
	assert_int_equal(sbom->dependencies[0].count, 2);
	assert_string_equal(sbom->dependencies[0].depends_on[0], "SPDXRef-lib");
	assert_string_equal(sbom->dependencies[0].depends_on[1],
	                    "SPDXRef-file");
	tplc_sbom_free(sbom);
}

/* Malformed documents: located errors, nothing returned. */
static void test_spdx__malformed(void **state)
{
	static const struct {
		const char *text;
		int code;
		const char *path;
		unsigned long line;
	} cases[] = {
		{ "{\"SPDXID\": \"SPDXRef-DOCUMENT\", \"name\": \"t\"}",
		  TPLC_EPARSE, "spdxVersion", 1 },
		{ "{\"spdxVersion\": 2.3, \"SPDXID\": \"x\", \"name\": \"t\"}",
		  TPLC_EPARSE, "spdxVersion", 1 },
		{ "{\"spdxVersion\": \"2.3\", \"SPDXID\": \"x\"}", TPLC_EPARSE,
		  "spdxVersion", 1 },
		{ "{\"spdxVersion\": \"SPDX-3.0\", \"SPDXID\": \"x\"}",
		  TPLC_EUNSUPPORTED, "spdxVersion", 1 },
		{ "{\"spdxVersion\": \"SPDX-2.3\",\n \"SPDXID\": [],\n"
		  " \"name\": \"t\"}",
		  TPLC_EPARSE, "SPDXID", 2 },
		{ "{\"spdxVersion\": \"SPDX-2.3\", \"SPDXID\": \"x\"}",
		  TPLC_EPARSE, "name", 1 },
		{ DOC_HEAD " \"packages\": {}}", TPLC_EPARSE, "packages", 3 },
		{ DOC_HEAD " \"packages\": [\n  {\"SPDXID\": \"SPDXRef-a\"}]}",
		  TPLC_EPARSE, "packages[0].name", 4 },
		{ DOC_HEAD " \"packages\": [{\"SPDXID\": \"SPDXRef-a\", "
		           "\"name\": \"\"}]}",
		  TPLC_EPARSE, "packages[0].name", 3 },
		{ DOC_HEAD " \"packages\": [\"x\"]}", TPLC_EPARSE,
		  "packages[0]", 3 },
		{ DOC_HEAD " \"packages\": [{\"SPDXID\": \"SPDXRef-a\", "
		           "\"name\": \"a\",\n  \"versionInfo\": 1}]}",
		  TPLC_EPARSE, "packages[0].versionInfo", 4 },
		{ DOC_HEAD " \"packages\": [{\"SPDXID\": \"SPDXRef-a\", "
		           "\"name\": \"a\", \"checksums\": [\n"
		           "  {\"algorithm\": \"SHA1\"}]}]}",
		  TPLC_EPARSE, "packages[0].checksums[0].checksumValue", 4 },
		{ DOC_HEAD " \"packages\": [{\"SPDXID\": \"SPDXRef-a\", "
		           "\"name\": \"a\", \"externalRefs\": [\n"
		           "  {\"referenceCategory\": \"SECURITY\", "
		           "\"referenceType\": \"purl\"}]}]}",
		  TPLC_EPARSE, "packages[0].externalRefs[0].referenceLocator",
		  4 },
		{ DOC_HEAD " \"packages\": [{\"SPDXID\": \"SPDXRef-a\", "
		           "\"name\": \"a\"},\n  {\"SPDXID\": \"SPDXRef-a\", "
		           "\"name\": \"b\"}]}",
		  TPLC_EPARSE, "packages[1].SPDXID", 4 },
		{ DOC_HEAD " \"relationships\": [{\"spdxElementId\": \"a\",\n"
		           "  \"relatedSpdxElement\": \"b\"}]}",
		  TPLC_EPARSE, "relationships[0].relationshipType", 3 },
		{ DOC_HEAD " \"creationInfo\": {\"creators\": [\"Tool: x\", "
		           "7]}}",
		  TPLC_EPARSE, "creationInfo.creators[1]", 3 },
		{ DOC_HEAD " \"documentDescribes\": \"SPDXRef-a\"}",
		  TPLC_EPARSE, "documentDescribes", 3 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		tplt_sbom_refused(tplc_sbom_parse_spdx, cases[i].text,
		                  "bad.json", cases[i].code, cases[i].path,
		                  cases[i].line, 0);
}

/* Every allocation failure gives TPLC_ENOMEM and leaks nothing. */
static void test_spdx__out_of_memory(void **state)
{
	static const char text[] = DOC_HEAD
	        " \"documentNamespace\": \"https://example.org/t\",\n"
	        " \"creationInfo\": {\"created\": \"2024-01-01T00:00:00Z\", "
	        "\"creators\": [\"Tool: gen-1\", \"Organization: Acme "
	        "(a@b.c)\"]},\n"
	        " \"documentDescribes\": [\"SPDXRef-a\"],\n"
	        " \"packages\": [{\"SPDXID\": \"SPDXRef-a\", \"name\": \"a\", "
	        "\"versionInfo\": \"1\", \"supplier\": \"Person: P\",\n"
	        "   \"checksums\": [{\"algorithm\": \"SHA256\", "
	        "\"checksumValue\": \"00\"}],\n"
	        "   \"externalRefs\": [{\"referenceCategory\": "
	        "\"PACKAGE-MANAGER\", \"referenceType\": \"purl\", "
	        "\"referenceLocator\": \"pkg:npm/a@1\"}]},\n"
	        "  {\"SPDXID\": \"SPDXRef-b\", \"name\": \"b\"}],\n"
	        " \"relationships\": [{\"spdxElementId\": \"SPDXRef-a\", "
	        "\"relationshipType\": \"DEPENDS_ON\", \"relatedSpdxElement\": "
	        "\"SPDXRef-b\"}]}";
	struct tplc_sbom *sbom;

	(void)state;
	sbom = tplt_sbom_until_memory(text, strlen(text), "m");
	assert_int_equal(sbom->component_count, 2);
	assert_string_equal(sbom->author, "gen-1, Acme");
	assert_string_equal(sbom->subject_name, "a");
	assert_string_equal(sbom->components[0].purl, "pkg:npm/a@1");
	assert_int_equal(sbom->dependency_count, 1);
	tplc_sbom_free(sbom);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spdx__example),
		cmocka_unit_test(test_spdx__relationships_and_subject),
		cmocka_unit_test(test_spdx__malformed),
		cmocka_unit_test(test_spdx__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

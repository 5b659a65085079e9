/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.3 XML against JSON: the SPDX 2.3 example in both must give the
 * same model, package by package and edge by edge; located errors;
 * allocation failures.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbom-test.h"

#define EXAMPLES "sbom/spdx-2.3/examples/"

static void test_spdx_xml__same_as_json(void **state)
{
	struct tplc_sbom *j =
	        tplt_sbom_shared(EXAMPLES "SPDXJSONExample-v2.3.spdx.json");
	struct tplc_sbom *x =
	        tplt_sbom_shared(EXAMPLES "SPDXXMLExample-v2.3.spdx.xml");
	size_t i, k, purls, cpes, edges = 0;

	(void)state;
	assert_string_equal(x->format, "SPDX");
	assert_string_equal(x->spec_version, "2.3");
	tplt_sbom_same_str("serial", "document", j->serial, x->serial);
	tplt_sbom_same_str("created", "document", j->created, x->created);
	tplt_sbom_same_str("author", "document", j->author, x->author);
	tplt_sbom_same_str("subject", "document", j->subject_name,
	                   x->subject_name);
	tplt_sbom_same_components(j, x, &purls, &cpes);
	assert_int_equal(tplt_sbom_edge_count(x), tplt_sbom_edge_count(j));
	for (i = 0; i < j->dependency_count; i++)
		for (k = 0; k < j->dependencies[i].count; k++) {
			assert_true(tplt_sbom_has_edge(
			        x, j->dependencies[i].ref,
			        j->dependencies[i].depends_on[k]));
			edges++;
		}
	tplt_conformance("SPDX 2.3 XML example: %zu/%zu packages, %zu purls, "
	                 "%zu CPEs, %zu/%zu edges as in JSON",
	                 x->component_count, j->component_count, purls, cpes,
	                 edges, tplt_sbom_edge_count(j));
	assert_true(purls > 0 && cpes > 0 && edges > 0);
	tplc_sbom_free(j);
	tplc_sbom_free(x);
}

#define DOC_HEAD                                \
	"<?xml version=\"1.0\"?>\n<Document>\n" \
	"<SPDXID>SPDXRef-DOCUMENT</SPDXID>\n"   \
	"<name>t</name>\n"

static void test_spdx_xml__errors_located(void **state)
{
	static const char no_name[] =
	        DOC_HEAD "<spdxVersion>SPDX-2.3</spdxVersion>\n"
	                 "<packages><SPDXID>SPDXRef-a</SPDXID><name>a</name>"
	                 "</packages>\n"
	                 "<packages><SPDXID>SPDXRef-b</SPDXID></packages>\n"
	                 "</Document>";
	static const char dup[] =
	        DOC_HEAD "<spdxVersion>SPDX-2.3</spdxVersion>\n"
	                 "<packages><SPDXID>SPDXRef-a</SPDXID><name>a</name>"
	                 "</packages>\n"
	                 "<packages><SPDXID>SPDXRef-a</SPDXID><name>b</name>"
	                 "</packages>\n</Document>";
	static const char v3[] =
	        DOC_HEAD "<spdxVersion>SPDX-3.0</spdxVersion>\n</Document>";
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplt_sbom_parse_bad("t.xml", no_name, &err),
	                 TPLC_EPARSE);
	assert_int_equal(err.line, 7);
	assert_string_equal(err.path, "/Document/packages[2]");
	assert_non_null(strstr(err.message, "<name>"));
	assert_int_equal(tplt_sbom_parse_bad("t.xml", dup, &err), TPLC_EPARSE);
	assert_int_equal(err.line, 7);
	assert_int_equal(tplt_sbom_parse_bad("t.xml", v3, &err),
	                 TPLC_EUNSUPPORTED);
	assert_string_equal(err.path, "/Document/spdxVersion");
	assert_int_equal(
	        tplt_sbom_parse_bad("t.xml", DOC_HEAD "</Document>", &err),
	        TPLC_EPARSE);
}

static void test_spdx_xml__out_of_memory(void **state)
{
	size_t len;
	char *data = tplt_read_file(
	        tplt_shared(EXAMPLES "SPDXXMLExample-v2.3.spdx.xml"), &len);

	(void)state;
	tplc_sbom_free(tplt_sbom_until_memory(data, len, "m.xml"));
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spdx_xml__same_as_json),
		cmocka_unit_test(test_spdx_xml__errors_located),
		cmocka_unit_test(test_spdx_xml__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

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

#include "test.h"
#include "tplc/sbom.h"
#include "util/alloc.h"

#define EXAMPLES "sbom/spdx-2.3/examples/"

static struct tplc_sbom *parse_shared(const char *rel)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];
	size_t len;
	char *data = tplt_read_file(tplt_shared(rel), &len);
	int error = tplc_sbom_parse(&sbom, data, len, rel, &err);

	free(data); /* the SBOM must not borrow from it */
	if (error != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return sbom;
}

static void same_str(const char *what, const char *ref, const char *a,
                     const char *b)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
		fail_msg("%s %s: JSON \"%s\", XML \"%s\"", ref, what,
		         a ? a : "(null)", b ? b : "(null)");
}

static const struct tplc_component *find(const struct tplc_sbom *sbom,
                                         const char *ref)
{
	size_t i;

	for (i = 0; i < sbom->component_count; i++)
		if (strcmp(sbom->components[i].ref, ref) == 0)
			return &sbom->components[i];
	fail_msg("no package %s", ref);
	return NULL;
}

static bool has_edge(const struct tplc_sbom *sbom, const char *from,
                     const char *to)
{
	size_t i, j;

	for (i = 0; i < sbom->dependency_count; i++)
		for (j = 0; j < sbom->dependencies[i].count; j++)
			if (strcmp(sbom->dependencies[i].ref, from) == 0 &&
			    strcmp(sbom->dependencies[i].depends_on[j], to) ==
			            0)
				return true;
	return false;
}

static size_t edge_count(const struct tplc_sbom *sbom)
{
	size_t i, n = 0;

	for (i = 0; i < sbom->dependency_count; i++)
		n += sbom->dependencies[i].count;
	return n;
}

static void test_spdx_xml__same_as_json(void **state)
{
	struct tplc_sbom *j =
	        parse_shared(EXAMPLES "SPDXJSONExample-v2.3.spdx.json");
	struct tplc_sbom *x =
	        parse_shared(EXAMPLES "SPDXXMLExample-v2.3.spdx.xml");
	size_t i, k, purls = 0, cpes = 0, edges = 0;

	(void)state;
	assert_string_equal(x->format, "SPDX");
	assert_string_equal(x->spec_version, "2.3");
	same_str("serial", "document", j->serial, x->serial);
	same_str("created", "document", j->created, x->created);
	same_str("author", "document", j->author, x->author);
	same_str("subject", "document", j->subject_name, x->subject_name);
	assert_int_equal(x->component_count, j->component_count);
	for (i = 0; i < j->component_count; i++) {
		const struct tplc_component *a = &j->components[i];
		const struct tplc_component *b = find(x, a->ref);

		same_str("name", a->ref, a->name, b->name);
		same_str("version", a->ref, a->version, b->version);
		same_str("supplier", a->ref, a->supplier, b->supplier);
		same_str("purl", a->ref, a->purl, b->purl);
		same_str("cpe", a->ref, a->cpe, b->cpe);
		same_str("license", a->ref, a->license, b->license);
		same_str("type", a->ref, a->type, b->type);
		assert_int_equal(a->hash_count, b->hash_count);
		for (k = 0; k < a->hash_count; k++) {
			same_str("hash alg", a->ref, a->hashes[k].alg,
			         b->hashes[k].alg);
			same_str("hash", a->ref, a->hashes[k].value,
			         b->hashes[k].value);
		}
		purls += a->purl != NULL;
		cpes += a->cpe != NULL;
	}
	assert_int_equal(edge_count(x), edge_count(j));
	for (i = 0; i < j->dependency_count; i++)
		for (k = 0; k < j->dependencies[i].count; k++) {
			assert_true(has_edge(x, j->dependencies[i].ref,
			                     j->dependencies[i].depends_on[k]));
			edges++;
		}
	tplt_conformance("SPDX 2.3 XML example: %zu/%zu packages, %zu purls, "
	                 "%zu CPEs, %zu/%zu edges as in JSON",
	                 x->component_count, j->component_count, purls, cpes,
	                 edges, edge_count(j));
	assert_true(purls > 0 && cpes > 0 && edges > 0);
	tplc_sbom_free(j);
	tplc_sbom_free(x);
}

#define DOC_HEAD                                \
	"<?xml version=\"1.0\"?>\n<Document>\n" \
	"<SPDXID>SPDXRef-DOCUMENT</SPDXID>\n"   \
	"<name>t</name>\n"

static int parse_bad(const char *text, struct tplc_error *err)
{
	struct tplc_sbom *sbom = (struct tplc_sbom *)1;
	int error = tplc_sbom_parse(&sbom, text, strlen(text), "t.xml", err);

	assert_null(sbom);
	return error;
}

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
	assert_int_equal(parse_bad(no_name, &err), TPLC_EPARSE);
	assert_int_equal(err.line, 7);
	assert_string_equal(err.path, "/Document/packages[2]");
	assert_non_null(strstr(err.message, "<name>"));
	assert_int_equal(parse_bad(dup, &err), TPLC_EPARSE);
	assert_int_equal(err.line, 7);
	assert_int_equal(parse_bad(v3, &err), TPLC_EUNSUPPORTED);
	assert_string_equal(err.path, "/Document/spdxVersion");
	assert_int_equal(parse_bad(DOC_HEAD "</Document>", &err), TPLC_EPARSE);
}

static void test_spdx_xml__out_of_memory(void **state)
{
	size_t len;
	char *data = tplt_read_file(
	        tplt_shared(EXAMPLES "SPDXXMLExample-v2.3.spdx.xml"), &len);
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	int n, error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplc_sbom_parse(&sbom, data, len, "m.xml", &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
		assert_null(sbom);
	}
	assert_true(n > 0);
	tplc_sbom_free(sbom);
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

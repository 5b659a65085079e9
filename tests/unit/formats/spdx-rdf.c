/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.3 RDF/XML against JSON: the SPDX 2.3 example in both must give
 * the same packages, identifiers, licenses and relationships; the graph
 * forms RDF/XML allows (references, merged descriptions, rdf:nodeID,
 * parseType="Resource", rdf:type); located errors; allocation failures.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbom-test.h"

#define EXAMPLES "sbom/spdx-2.3/examples/"
#define SPDX     "http://spdx.org/rdf/terms#"

/*
 * Known difference of the oracle: the RDF example states glibc's
 * hasFiles as "SPDXRef-Package CONTAINS <file>" relationships, which the
 * JSON carries only in hasFiles (a file list, not read as dependencies).
 */
static bool known_extra(const char *from, const char *to)
{
	static const char *const files[] = { "SPDXRef-CommonsLangSrc",
		                             "SPDXRef-JenaLib",
		                             "SPDXRef-DoapSource",
		                             "SPDXRef-Specification" };
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(*files); i++)
		if (strcmp(from, "SPDXRef-Package") == 0 &&
		    strcmp(to, files[i]) == 0)
			return true;
	return false;
}

/* Every edge of a is in b (but the known extras); a's count. */
static size_t edges_in(const struct tplc_sbom *a, const struct tplc_sbom *b,
                       size_t *skipped)
{
	size_t i, j, n = 0;

	for (i = 0; i < a->dependency_count; i++)
		for (j = 0; j < a->dependencies[i].count; j++) {
			const char *from = a->dependencies[i].ref;
			const char *to = a->dependencies[i].depends_on[j];

			if (known_extra(from, to)) {
				(*skipped)++;
				continue;
			}
			if (!tplt_sbom_has_edge(b, from, to))
				fail_msg("edge %s -> %s missing", from, to);
			n++;
		}
	return n;
}

/* RDF properties have no order: checksums compared as a set. */
static void same_hashes(const struct tplc_component *a,
                        const struct tplc_component *b)
{
	size_t i, k;

	assert_int_equal(b->hash_count, a->hash_count);
	for (i = 0; i < a->hash_count; i++) {
		for (k = 0; k < b->hash_count; k++)
			if (strcmp(a->hashes[i].alg, b->hashes[k].alg) == 0 &&
			    strcmp(a->hashes[i].value, b->hashes[k].value) == 0)
				break;
		if (k == b->hash_count)
			fail_msg("%s: %s hash missing", a->ref,
			         a->hashes[i].alg);
	}
}

/* "a, b, c" against "c, b, a": creators are unordered too. */
static void same_names(const char *a, const char *b)
{
	char copy[1024];
	char *p, *next;
	size_t count = 0;

	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(strlen(a), strlen(b));
	snprintf(copy, sizeof(copy), "%s", a);
	for (p = copy; p != NULL; p = next) {
		next = strstr(p, ", ");
		if (next != NULL) {
			*next = '\0';
			next += 2;
		}
		if (strstr(b, p) == NULL)
			fail_msg("creator %s missing from %s", p, b);
		count++;
	}
	assert_true(count > 1);
}

static void test_spdx_rdf__same_as_json(void **state)
{
	struct tplc_sbom *j =
	        tplt_sbom_shared(EXAMPLES "SPDXJSONExample-v2.3.spdx.json");
	struct tplc_sbom *r =
	        tplt_sbom_shared(EXAMPLES "SPDXRdfExample-v2.3.spdx.rdf.xml");
	size_t i, refs = 0, edges, skipped = 0;

	(void)state;
	assert_string_equal(r->format, "SPDX");
	tplt_sbom_same_str("spec", "doc", j->spec_version, r->spec_version);
	tplt_sbom_same_str("serial", "doc", j->serial, r->serial);
	tplt_sbom_same_str("created", "doc", j->created, r->created);
	same_names(j->author, r->author);
	tplt_sbom_same_str("subject", "doc", j->subject_name, r->subject_name);
	tplt_sbom_same_str("subject version", "doc", j->subject_version,
	                   r->subject_version);
	tplt_sbom_same_str("subject supplier", "doc", j->subject_supplier,
	                   r->subject_supplier);
	/* pinned from the JSON, so that "equal" cannot mean "both empty" */
	assert_int_equal(j->component_count, 4);
	assert_int_equal(r->component_count, j->component_count);
	for (i = 0; i < j->component_count; i++) {
		const struct tplc_component *a = &j->components[i];
		const struct tplc_component *b = tplt_sbom_find_ref(r, a->ref);

		tplt_sbom_same_str("name", a->ref, a->name, b->name);
		tplt_sbom_same_str("version", a->ref, a->version, b->version);
		tplt_sbom_same_str("supplier", a->ref, a->supplier,
		                   b->supplier);
		tplt_sbom_same_str("purl", a->ref, a->purl, b->purl);
		tplt_sbom_same_str("cpe", a->ref, a->cpe, b->cpe);
		tplt_sbom_same_str("license", a->ref, a->license, b->license);
		tplt_sbom_same_str("type", a->ref, a->type, b->type);
		same_hashes(a, b);
		refs += (size_t)(a->purl != NULL) + (size_t)(a->cpe != NULL);
	}
	assert_string_equal(tplt_sbom_find_ref(r, "SPDXRef-Package")->license,
	                    "(LGPL-2.0-only OR LicenseRef-3)");
	assert_int_equal(tplt_sbom_find_ref(r, "SPDXRef-Package")->hash_count,
	                 4);
	edges = edges_in(j, r, &skipped);
	assert_int_equal(skipped, 0);
	assert_int_equal(edges_in(r, j, &skipped), edges);
	assert_int_equal(skipped, 4);
	assert_int_equal(tplt_sbom_edge_count(r), tplt_sbom_edge_count(j) + 4);
	assert_true(refs == 2 && edges > 0);
	tplt_conformance("SPDX 2.3 example: RDF/XML equals JSON: %zu "
	                 "packages, %zu refs, %zu relationships",
	                 j->component_count, refs, edges);
	tplt_note("known gap, skipped: 4 RDF/XML relationships (hasFiles "
	          "stated as SPDXRef-Package CONTAINS <file>); checksums and "
	          "creators compared as sets (RDF keeps no order)");
	tplc_sbom_free(j);
	tplc_sbom_free(r);
}

#define RDF_OPEN                                                        \
	"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-" \
	"ns#\" xmlns:spdx=\"" SPDX "\">\n"

/* The graph forms: a node by reference, in several descriptions, by
 * rdf:nodeID, as parseType="Resource", typed by rdf:type. */
static const char graph[] = RDF_OPEN
        "<rdf:Description rdf:about=\"http://x.example/doc#SPDXRef-"
        "DOCUMENT\">\n"
        "<rdf:type rdf:resource=\"" SPDX "SpdxDocument\"/>\n"
        "<spdx:specVersion>SPDX-2.2</spdx:specVersion>\n"
        "<spdx:name>graph</spdx:name>\n"
        "<spdx:creationInfo rdf:parseType=\"Resource\">\n"
        "<spdx:created>2024-05-01T00:00:00Z</spdx:created>\n"
        "<spdx:creator>Tool: gen-2</spdx:creator>\n"
        "<spdx:creator>Organization: Acme (psirt@acme.example)"
        "</spdx:creator>\n"
        "</spdx:creationInfo>\n"
        "<spdx:externalDocumentRef><spdx:ExternalDocumentRef>\n"
        "<spdx:externalDocumentId>DocumentRef-os</spdx:externalDocumentId>\n"
        "<spdx:spdxDocument rdf:resource=\"http://x.example/os\"/>\n"
        "</spdx:ExternalDocumentRef></spdx:externalDocumentRef>\n"
        "<spdx:describesPackage rdf:resource=\"http://x.example/doc#"
        "SPDXRef-app\"/>\n"
        "</rdf:Description>\n"
        "<spdx:Package rdf:about=\"http://x.example/doc#SPDXRef-app\">\n"
        "<spdx:name>app</spdx:name>\n"
        "<spdx:relationship><spdx:Relationship>\n"
        "<spdx:relationshipType rdf:resource=\"" SPDX
        "relationshipType_dependsOn\"/>\n"
        "<spdx:relatedSpdxElement rdf:resource=\"http://x.example/doc#"
        "SPDXRef-lib\"/>\n"
        "</spdx:Relationship></spdx:relationship>\n"
        "<spdx:relationship rdf:nodeID=\"r1\"/>\n"
        "<spdx:relationship rdf:parseType=\"Resource\">\n"
        "<spdx:relationshipType rdf:resource=\"" SPDX
        "relationshipType_dependsOn\"/>\n"
        "<spdx:relatedSpdxElement rdf:resource=\"http://x.example/os#"
        "SPDXRef-kernel\"/>\n"
        "</spdx:relationship>\n"
        "<spdx:licenseConcluded><spdx:ConjunctiveLicenseSet>\n"
        "<spdx:member><spdx:WithExceptionOperator>\n"
        "<spdx:member rdf:resource=\"http://spdx.org/licenses/"
        "GPL-2.0-only\"/>\n"
        "<spdx:licenseException><spdx:LicenseException>\n"
        "<spdx:licenseExceptionId>Classpath-exception-2.0"
        "</spdx:licenseExceptionId>\n"
        "</spdx:LicenseException></spdx:licenseException>\n"
        "</spdx:WithExceptionOperator></spdx:member>\n"
        "<spdx:member><spdx:DisjunctiveLicenseSet>\n"
        "<spdx:member rdf:resource=\"http://spdx.org/licenses/MIT\"/>\n"
        "<spdx:member><spdx:OrLaterOperator><spdx:member rdf:resource=\""
        "http://spdx.org/licenses/Apache-1.1\"/></spdx:OrLaterOperator>"
        "</spdx:member>\n"
        "</spdx:DisjunctiveLicenseSet></spdx:member>\n"
        "</spdx:ConjunctiveLicenseSet></spdx:licenseConcluded>\n"
        "<spdx:primaryPackagePurpose rdf:resource=\"" SPDX
        "purpose_operatingSystem\"/>\n"
        "</spdx:Package>\n"
        "<rdf:Description rdf:nodeID=\"r1\">\n"
        "<rdf:type rdf:resource=\"" SPDX "Relationship\"/>\n"
        "<spdx:relationshipType rdf:resource=\"" SPDX
        "relationshipType_dependencyOf\"/>\n"
        "<spdx:relatedSpdxElement><spdx:Package rdf:about=\"#SPDXRef-tool\">"
        "<spdx:name>tool</spdx:name></spdx:Package>"
        "</spdx:relatedSpdxElement>\n"
        "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"http://x.example/doc#SPDXRef-lib\">\n"
        "<spdx:versionInfo>1.2.3</spdx:versionInfo>\n"
        "<spdx:checksum rdf:nodeID=\"c1\"/>\n"
        "</rdf:Description>\n"
        "<spdx:Package rdf:about=\"#SPDXRef-lib\">\n"
        "<spdx:name>lib</spdx:name>\n"
        "<spdx:supplier>Organization: Lib Org</spdx:supplier>\n"
        "<spdx:externalRef rdf:parseType=\"Resource\">\n"
        "<spdx:referenceCategory rdf:resource=\"" SPDX
        "referenceCategory_packageManager\"/>\n"
        "<spdx:referenceType rdf:resource=\"http://spdx.org/rdf/"
        "references/purl\"/>\n"
        "<spdx:referenceLocator>pkg:npm/lib@1.2.3</spdx:referenceLocator>\n"
        "</spdx:externalRef>\n"
        "<spdx:licenseDeclared rdf:resource=\"http://spdx.org/licenses/"
        "MIT\"/>\n"
        "</spdx:Package>\n"
        "<spdx:Checksum rdf:nodeID=\"c1\">\n"
        "<spdx:algorithm rdf:resource=\"" SPDX
        "checksumAlgorithm_sha3_256\"/>\n"
        "<spdx:checksumValue>ABCD</spdx:checksumValue>\n"
        "</spdx:Checksum>\n"
        "</rdf:RDF>\n";

static void check_graph(const struct tplc_sbom *s)
{
	const struct tplc_component *c;

	assert_string_equal(s->spec_version, "2.2");
	assert_string_equal(s->serial, "http://x.example/doc");
	assert_string_equal(s->created, "2024-05-01T00:00:00Z");
	assert_string_equal(s->author, "gen-2, Acme");
	assert_string_equal(s->subject_name, "app");
	assert_int_equal(s->component_count, 3);
	c = tplt_sbom_find_ref(s, "SPDXRef-app");
	assert_string_equal(c->license,
	                    "((Apache-1.1+ OR MIT) AND GPL-2.0-only WITH "
	                    "Classpath-exception-2.0)");
	assert_string_equal(c->type, "operating-system");
	c = tplt_sbom_find_ref(s, "SPDXRef-lib");
	assert_string_equal(c->version, "1.2.3");
	assert_string_equal(c->supplier, "Lib Org");
	assert_string_equal(c->purl, "pkg:npm/lib@1.2.3");
	assert_string_equal(c->license, "MIT");
	assert_int_equal(c->hash_count, 1);
	assert_string_equal(c->hashes[0].alg, "SHA3-256");
	assert_string_equal(c->hashes[0].value, "abcd");
	assert_string_equal(tplt_sbom_find_ref(s, "SPDXRef-tool")->name,
	                    "tool");
	assert_int_equal(tplt_sbom_edge_count(s), 3);
	assert_true(tplt_sbom_has_edge(s, "SPDXRef-app", "SPDXRef-lib"));
	assert_true(tplt_sbom_has_edge(s, "SPDXRef-tool", "SPDXRef-app"));
	assert_true(tplt_sbom_has_edge(s, "SPDXRef-app",
	                               "DocumentRef-os:SPDXRef-kernel"));
}

static void test_spdx_rdf__graph_forms(void **state)
{
	struct tplc_sbom *s = NULL;
	struct tplc_error err;

	(void)state;
	if (tplc_sbom_parse(&s, graph, strlen(graph), "g.rdf", &err) != 0)
		fail_msg("%s:%lu: %s: %s", err.file, err.line, err.path,
		         err.message);
	check_graph(s);
	tplc_sbom_free(s);
}

#define HEAD                                                          \
	RDF_OPEN "<spdx:SpdxDocument rdf:about=\"http://x.example/d#" \
	         "SPDXRef-DOCUMENT\">\n"                              \
	         "<spdx:specVersion>SPDX-2.3</spdx:specVersion>"      \
	         "<spdx:name>t</spdx:name>\n"                         \
	         "</spdx:SpdxDocument>\n"
#define PKG_A \
	"<spdx:Package rdf:about=\"#SPDXRef-a\"><spdx:name>a</spdx:name>\n"
#define REL_OPEN PKG_A "<spdx:relationship><spdx:Relationship>\n"
#define REL_CLOSE \
	"</spdx:Relationship></spdx:relationship></spdx:Package>\n</rdf:RDF>"
#define TYPE_DEP                                      \
	"<spdx:relationshipType rdf:resource=\"" SPDX \
	"relationshipType_dependsOn\"/>\n"

static void test_spdx_rdf__errors_located(void **state)
{
	static const struct {
		const char *text;
		int code;
		const char *path;
		unsigned long line;
		const char *words;
	} cases[] = {
		{ HEAD "<spdx:Package rdf:about=\"#SPDXRef-a\"/>\n</rdf:RDF>",
		  TPLC_EPARSE, "/RDF/Package", 5, "<spdx:name>" },
		{ HEAD "<spdx:Package><spdx:name>a</spdx:name></spdx:Package>"
		       "\n</rdf:RDF>",
		  TPLC_EPARSE, "/RDF/Package", 5, "rdf:about" },
		{ HEAD PKG_A "</spdx:Package>\n<spdx:Package rdf:about=\"#b\">"
		             "<spdx:name> </spdx:name></spdx:Package>\n"
		             "</rdf:RDF>",
		  TPLC_EPARSE, "/RDF/Package[2]/name", 7, "empty" },
		{ HEAD PKG_A "<spdx:checksum>abc</spdx:checksum>\n"
		             "</spdx:Package></rdf:RDF>",
		  TPLC_EPARSE, "/RDF/Package/checksum", 6, "spdx:Checksum" },
		{ HEAD PKG_A "<spdx:externalRef>\n<spdx:ExternalRef>\n"
		             "<spdx:referenceCategory>OTHER"
		             "</spdx:referenceCategory>\n"
		             "<spdx:referenceType>purl</spdx:referenceType>\n"
		             "</spdx:ExternalRef></spdx:externalRef>"
		             "</spdx:Package></rdf:RDF>",
		  TPLC_EPARSE, "/RDF/Package/externalRef/ExternalRef", 7,
		  "<spdx:referenceLocator>" },
		{ HEAD REL_OPEN "<spdx:relatedSpdxElement rdf:resource=\"#b\"/>"
		                "\n" REL_CLOSE,
		  TPLC_EPARSE, "/RDF/Package/relationship/Relationship", 6,
		  "<spdx:relationshipType>" },
		{ HEAD REL_OPEN TYPE_DEP
		  "<spdx:relatedSpdxElement/>\n" REL_CLOSE,
		  TPLC_EPARSE,
		  "/RDF/Package/relationship/Relationship/relatedSpdxElement",
		  8, "rdf:resource" },
		{ HEAD PKG_A
		  "<spdx:licenseConcluded>\n"
		  "<spdx:DisjunctiveLicenseSet/>\n"
		  "</spdx:licenseConcluded></spdx:Package></rdf:RDF>",
		  TPLC_EPARSE,
		  "/RDF/Package/licenseConcluded/"
		  "DisjunctiveLicenseSet",
		  7, "member" },
		{ RDF_OPEN "<spdx:SpdxDocument rdf:about=\"http://x/d#"
		           "SPDXRef-DOCUMENT\">\n<spdx:name>t</spdx:name>\n"
		           "<spdx:specVersion>SPDX-3.0</spdx:specVersion>\n"
		           "</spdx:SpdxDocument></rdf:RDF>",
		  TPLC_EUNSUPPORTED, "/RDF/SpdxDocument/specVersion", 4,
		  "SPDX-3.0" },
		{ RDF_OPEN "<spdx:SpdxDocument rdf:about=\"http://x/d#"
		           "SPDXRef-DOCUMENT\">\n<spdx:name>t</spdx:name>\n"
		           "<spdx:specVersion>2.3</spdx:specVersion>\n"
		           "</spdx:SpdxDocument></rdf:RDF>",
		  TPLC_EPARSE, "/RDF/SpdxDocument/specVersion", 4, "SPDX-2.3" },
		{ RDF_OPEN "<spdx:SpdxDocument rdf:about=\"http://x/d#"
		           "SPDXRef-DOCUMENT\">\n<spdx:name>t</spdx:name>\n"
		           "</spdx:SpdxDocument></rdf:RDF>",
		  TPLC_EPARSE, "/RDF/SpdxDocument", 2, "<spdx:specVersion>" },
		{ RDF_OPEN "<spdx:SpdxDocument>\n"
		           "<spdx:specVersion>SPDX-2.3</spdx:specVersion>\n"
		           "</spdx:SpdxDocument></rdf:RDF>",
		  TPLC_EPARSE, "/RDF/SpdxDocument", 2, "rdf:about" },
		{ RDF_OPEN PKG_A "</spdx:Package></rdf:RDF>", TPLC_EUNSUPPORTED,
		  "/RDF", 1, "spdx:SpdxDocument" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct tplc_error err;
		char msg[1024];

		assert_int_equal(
		        tplt_sbom_parse_bad("t.rdf", cases[i].text, &err),
		        cases[i].code);
		tplt_note("%s", tplc_error_format(&err, msg, sizeof(msg)));
		assert_string_equal(err.file, "t.rdf");
		assert_string_equal(err.path, cases[i].path);
		assert_int_equal(err.line, cases[i].line);
		if (strstr(err.message, cases[i].words) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i,
			         err.message, cases[i].words);
	}
	tplt_conformance("SPDX RDF/XML: %zu/%zu malformed documents refused "
	                 "with line and element path",
	                 i, sizeof(cases) / sizeof(*cases));
}

/* Every allocation failure gives TPLC_ENOMEM and leaks nothing. */
static void test_spdx_rdf__out_of_memory(void **state)
{
	size_t len;
	char *data = tplt_read_file(
	        tplt_shared(EXAMPLES "SPDXRdfExample-v2.3.spdx.rdf.xml"), &len);
	struct tplc_sbom *s;

	(void)state;
	s = tplt_sbom_until_memory(graph, strlen(graph), "g.rdf");
	check_graph(s);
	tplc_sbom_free(s);
	s = tplt_sbom_until_memory(data, len, "m.rdf");
	assert_int_equal(s->component_count, 4);
	tplc_sbom_free(s);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spdx_rdf__same_as_json),
		cmocka_unit_test(test_spdx_rdf__graph_forms),
		cmocka_unit_test(test_spdx_rdf__errors_located),
		cmocka_unit_test(test_spdx_rdf__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

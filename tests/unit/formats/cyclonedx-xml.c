/* SPDX-License-Identifier: Apache-2.0 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "sbom-test.h"

/*
 * The oracle: libxml2's XSD validation with the published bom-1.N.xsd,
 * its import of spdx.xsd pointed at the local copy (never the network).
 * The library does not ship the XSDs (cyclonedx-xml.h says why); here
 * they check that the tables agree with them on every conformance case.
 */
static xmlSchema *load_xsd(const char *version)
{
	char rel[64], spdx[4096];
	xmlDoc *doc;
	xmlNode *n;
	xmlSchemaParserCtxt *ctxt;
	xmlSchema *schema;

	snprintf(spdx, sizeof(spdx), "%s",
	         tplt_shared("sbom/cyclonedx/schema/spdx.xsd"));
	snprintf(rel, sizeof(rel), "sbom/cyclonedx/schema/bom-%s.xsd", version);
	doc = xmlReadFile(tplt_shared(rel), NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "import") == 0)
			xmlSetProp(n, (const xmlChar *)"schemaLocation",
			           (const xmlChar *)spdx);
	ctxt = xmlSchemaNewDocParserCtxt(doc);
	assert_non_null(ctxt);
	schema = xmlSchemaParse(ctxt);
	xmlSchemaFreeParserCtxt(ctxt);
	xmlFreeDoc(doc);
	assert_non_null(schema);
	return schema;
}

static void silent_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

static bool xsd_valid(xmlSchema *schema, const char *path)
{
	xmlSchemaValidCtxt *v = xmlSchemaNewValidCtxt(schema);
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	bool ok;

	xmlSchemaSetValidStructuredErrors(v, silent_structured, NULL);
	ok = doc != NULL && xmlSchemaValidateDoc(v, doc) == 0;
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(v);
	return ok;
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

struct xsd_check {
	xmlSchema *schema;
	size_t agree;
};

static void xsd_case(void *ctx, const char *path, const char *name,
                     bool want_valid)
{
	struct xsd_check *x = ctx;

	if (xsd_valid(x->schema, path) == want_valid)
		x->agree++;
	else
		tplt_note("XSD disagrees on %s", name);
}

/* Every valid-*.xml accepted, every invalid-*.xml rejected with a
 * location, and the XSD says the same of each. */
static void test_cyclonedx_xml__conformance(void **state)
{
	const char *version = *state;
	struct xsd_check xsd = { NULL, 0 };
	struct tplt_sbom_cases n;
	char rel[64];

	xmlSetGenericErrorFunc(NULL, silent);
	xsd.schema = load_xsd(version);
	snprintf(rel, sizeof(rel), "sbom/cyclonedx/conformance/%s", version);
	tplt_sbom_cases(tplt_shared(rel), ".xml", "CycloneDX", version, NULL,
	                xsd_case, &xsd, &n);
	xmlSchemaFree(xsd.schema);
	tplt_conformance("CycloneDX XML %s: %zu/%zu valid accepted, %zu/%zu "
	                 "invalid rejected (XSD agrees on %zu/%zu)",
	                 version, n.valid_ok, n.valid, n.invalid_ok, n.invalid,
	                 xsd.agree, n.valid + n.invalid);
	assert_true(n.valid > 0 && n.invalid > 0);
	assert_int_equal(xsd.agree, n.valid + n.invalid);
	assert_int_equal(n.valid_ok, n.valid);
	assert_int_equal(n.invalid_ok, n.invalid);
}

/* name, version, purl, supplier, license and hash count. */
static void component_line(const struct tplc_component *c, char *buf,
                           size_t size)
{
	snprintf(buf, size, "%s|%s|%s|%s|%s|%s|%zu\n", c->group ? c->group : "",
	         c->name, c->version ? c->version : "", c->purl ? c->purl : "",
	         c->supplier ? c->supplier : "", c->license ? c->license : "",
	         c->hash_count);
}

/* The same SBOM in JSON and XML gives the same components, subject,
 * author, time and dependency count. */
static void same_as_json(const char *xml_rel, const char *json_rel,
                         size_t expected)
{
	struct tplc_sbom *x = tplt_sbom_shared(xml_rel);
	struct tplc_sbom *j = tplt_sbom_shared(json_rel);
	char *xs, *js;

	assert_int_equal(x->component_count, expected);
	assert_int_equal(j->component_count, expected);
	xs = tplt_sbom_component_set(x, component_line);
	js = tplt_sbom_component_set(j, component_line);
	if (strcmp(xs, js) != 0)
		fail_msg("%s: components differ from %s", xml_rel, json_rel);
	assert_string_equal(x->spec_version, j->spec_version);
	assert_true((x->subject_name == NULL) == (j->subject_name == NULL));
	if (x->subject_name != NULL)
		assert_string_equal(x->subject_name, j->subject_name);
	if (j->author != NULL)
		assert_string_equal(x->author, j->author);
	if (j->created != NULL)
		assert_string_equal(x->created, j->created);
	assert_int_equal(x->dependency_count, j->dependency_count);
	free(xs);
	free(js);
	tplc_sbom_free(x);
	tplc_sbom_free(j);
}

#define JUICE   "sbom/cyclonedx/examples/SBOM/juice-shop/via_npm/"
#define LARAVEL "sbom/cyclonedx/examples/SBOM/laravel-7.12.0/"

static void test_cyclonedx_xml__juice_shop_same_as_json(void **state)
{
	static const char *const versions[] = { "1.2", "1.3", "1.4" };
	static const char *const layouts[] = { "bare", "flat" };
	char xml[256], json[256];
	size_t v, l;

	(void)state;
	for (l = 0; l < 2; l++)
		for (v = 0; v < 3; v++) {
			snprintf(xml, sizeof(xml), JUICE "%s/bom.%s.xml",
			         layouts[l], versions[v]);
			snprintf(json, sizeof(json), JUICE "%s/bom.%s.json",
			         layouts[l], versions[v]);
			same_as_json(xml, json, 1115);
		}
}

static void test_cyclonedx_xml__laravel_same_as_json(void **state)
{
	(void)state;
	same_as_json(LARAVEL "bom.1.2.xml", LARAVEL "bom.1.2.json", 62);
	same_as_json(LARAVEL "bom.1.3.xml", LARAVEL "bom.1.3.json", 62);
	same_as_json(LARAVEL "bom.1.4.xml", LARAVEL "bom.1.4.json", 62);
}

#define HEAD                                                               \
	"<?xml version=\"1.0\"?>\n"                                        \
	"<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"" \
	" xmlns:x=\"urn:ext\">\n"

/* Nested components in pre-order, FDA properties, extensions ignored. */
static void test_cyclonedx_xml__model(void **state)
{
	static const char text[] =
	        HEAD "<metadata><timestamp>2024-01-02T03:04:05Z</timestamp>"
	             "<component type=\"device\"><name>Pump</name>"
	             "<version>2</version></component></metadata>\n"
	             "<components>\n"
	             "<component type=\"firmware\" bom-ref=\"fw\">"
	             "<supplier><name>Acme</name></supplier>"
	             "<name>fw</name><version>1.0</version>"
	             "<hashes><hash alg=\"SHA-1\">"
	             "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709</hash></hashes>"
	             "<licenses><license><id>MIT</id></license></licenses>"
	             "<purl> pkg:generic/fw@1.0 </purl>"
	             "<properties><property name=\"cdx:fda:levelOfSupport\">"
	             "No longer maintained</property>"
	             "<property name=\"endOfSupport\">2023-12-31</property>"
	             "</properties>"
	             "<components><component type=\"library\" bom-ref=\"z\">"
	             "<name>zlib</name><version>1.3</version></component>"
	             "</components>"
	             "<x:anything/></component>\n"
	             "</components>\n"
	             "<dependencies><dependency ref=\"fw\">"
	             "<dependency ref=\"z\"/></dependency></dependencies>\n"
	             "</bom>\n";
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	const struct tplc_component *c;
	char msg[1024];

	(void)state;
	if (tplc_sbom_parse(&sbom, text, strlen(text), "t.xml", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	assert_string_equal(sbom->spec_version, "1.6");
	assert_string_equal(sbom->subject_name, "Pump");
	assert_string_equal(sbom->created, "2024-01-02T03:04:05Z");
	assert_int_equal(sbom->component_count, 2);
	c = &sbom->components[0];
	assert_string_equal(c->name, "fw");
	assert_string_equal(c->type, "firmware");
	assert_string_equal(c->supplier, "Acme");
	assert_string_equal(c->purl, "pkg:generic/fw@1.0");
	assert_string_equal(c->license, "MIT");
	assert_string_equal(c->hashes[0].value,
	                    "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	assert_int_equal(c->support, TPLC_SUPPORT_NOT_MAINTAINED);
	assert_string_equal(c->end_of_support, "2023-12-31");
	assert_string_equal(sbom->components[1].name, "zlib");
	assert_int_equal(sbom->dependency_count, 1);
	assert_int_equal(sbom->dependencies[0].count, 1);
	assert_string_equal(sbom->dependencies[0].depends_on[0], "z");
	tplc_sbom_free(sbom);
}

/* Errors name the file, the line and the element path. */
static void test_cyclonedx_xml__errors_located(void **state)
{
	static const char bad_type[] =
	        HEAD "<components>\n<component type=\"library\"><name>a</name>"
	             "</component>\n<component type=\"gadget\"><name>b</name>"
	             "</component>\n</components></bom>";
	static const char unknown[] =
	        HEAD "<components>\n<component type=\"library\"><name>a</name>"
	             "\n<colour>red</colour></component></components></bom>";
	static const char dup_ref[] =
	        HEAD "<components>\n<component type=\"library\" bom-ref=\"r\">"
	             "<name>a</name></component>\n<component type=\"library\""
	             " bom-ref=\"r\"><name>b</name></component>\n"
	             "</components></bom>";
	static const char future[] =
	        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.8\"/>";
	struct tplc_error err;
	char msg[1024];

	(void)state;
	assert_int_equal(tplt_sbom_parse_bad("t.xml", bad_type, &err),
	                 TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(err.path, "/bom/components/component[2]/@type");
	assert_int_equal(err.line, 5);
	assert_non_null(strstr(msg, "\"gadget\""));
	assert_int_equal(tplt_sbom_parse_bad("t.xml", unknown, &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.path, "/bom/components/component/colour");
	assert_int_equal(err.line, 5);
	assert_int_equal(tplt_sbom_parse_bad("t.xml", dup_ref, &err),
	                 TPLC_EPARSE);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.path, "/bom/components/component[2]/@bom-ref");
	assert_non_null(strstr(err.message, "line 4"));
	assert_int_equal(tplt_sbom_parse_bad("t.xml", future, &err),
	                 TPLC_EUNSUPPORTED);
	assert_int_equal(
	        tplt_sbom_parse_bad("t.xml", "<bom xmlns=\"urn:x\"/>", &err),
	        TPLC_EPARSE);
	assert_int_equal(
	        tplt_sbom_parse_bad("t.xml",
	                            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/"
	                            "1999/02/22-rdf-syntax-ns#\"/>",
	                            &err),
	        TPLC_EUNSUPPORTED);
}

/* Every allocation failure gives TPLC_ENOMEM and leaks nothing. */
static void test_cyclonedx_xml__out_of_memory(void **state)
{
	size_t len;
	char *data = tplt_read_file(tplt_shared(LARAVEL "bom.1.4.xml"), &len);

	(void)state;
	tplc_sbom_free(tplt_sbom_until_memory(data, len, "m.xml"));
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TPLT_VERSION_TEST(test_cyclonedx_xml__conformance, 1, 2),
		TPLT_VERSION_TEST(test_cyclonedx_xml__conformance, 1, 3),
		TPLT_VERSION_TEST(test_cyclonedx_xml__conformance, 1, 4),
		TPLT_VERSION_TEST(test_cyclonedx_xml__conformance, 1, 5),
		TPLT_VERSION_TEST(test_cyclonedx_xml__conformance, 1, 6),
		TPLT_VERSION_TEST(test_cyclonedx_xml__conformance, 1, 7),
		cmocka_unit_test(test_cyclonedx_xml__juice_shop_same_as_json),
		cmocka_unit_test(test_cyclonedx_xml__laravel_same_as_json),
		cmocka_unit_test(test_cyclonedx_xml__model),
		cmocka_unit_test(test_cyclonedx_xml__errors_located),
		cmocka_unit_test(test_cyclonedx_xml__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

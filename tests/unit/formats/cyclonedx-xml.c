/* SPDX-License-Identifier: Apache-2.0 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "test.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/file.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int parse_path(const char *path, struct tplc_sbom **sbom,
                      struct tplc_error *err)
{
	size_t len;
	char *data = tplt_read_file(path, &len);
	int error = tplc_sbom_parse(sbom, data, len, base_name(path), err);

	free(data); /* the SBOM must not borrow from it */
	return error;
}

static struct tplc_sbom *parse_shared(const char *rel)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;
	char msg[1024];

	if (parse_path(tplt_shared(rel), &sbom, &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return sbom;
}

static int parse_bad(const char *text, struct tplc_error *err)
{
	struct tplc_sbom *sbom = (struct tplc_sbom *)1;
	int error = tplc_sbom_parse(&sbom, text, strlen(text), "t.xml", err);

	assert_null(sbom);
	return error;
}

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

/* Every valid-*.xml accepted, every invalid-*.xml rejected with a
 * location, and the XSD says the same of each. */
static void conformance(const char *version)
{
	char rel[64], msg[1024];
	char **files = NULL;
	size_t count = 0, i;
	size_t valid = 0, valid_ok = 0, invalid = 0, invalid_ok = 0;
	size_t xsd_agree = 0;
	struct tplc_error err;
	xmlSchema *schema;
	const char *dir;

	xmlSetGenericErrorFunc(NULL, silent);
	schema = load_xsd(version);
	snprintf(rel, sizeof(rel), "sbom/cyclonedx/conformance/%s", version);
	dir = tplt_shared(rel);
	if (tplx_file_list(&files, &count, dir, ".xml", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	for (i = 0; i < count; i++) {
		const char *name = base_name(files[i]);
		bool want_valid = strncmp(name, "valid-", 6) == 0;
		struct tplc_sbom *sbom = NULL;
		int error;

		if (!want_valid && strncmp(name, "invalid-", 8) != 0)
			continue;
		if (xsd_valid(schema, files[i]) == want_valid)
			xsd_agree++;
		else
			tplt_note("XSD disagrees on %s", name);
		error = parse_path(files[i], &sbom, &err);
		if (want_valid) {
			valid++;
			if (error == 0 &&
			    strcmp(sbom->format, "CycloneDX") == 0 &&
			    strcmp(sbom->spec_version, version) == 0)
				valid_ok++;
			else
				tplt_note("MISMATCH %s rejected: %s", name,
				          tplc_error_format(&err, msg,
				                            sizeof(msg)));
		} else {
			invalid++;
			if (error != 0 && err.line > 0 &&
			    err.message[0] != '\0' &&
			    strcmp(err.file, name) == 0)
				invalid_ok++;
			else if (error != 0)
				tplt_note("MISMATCH %s rejected without a "
				          "location: %s",
				          name,
				          tplc_error_format(&err, msg,
				                            sizeof(msg)));
			else
				tplt_note("MISMATCH %s accepted", name);
		}
		tplc_sbom_free(sbom);
	}
	tplx_file_list_free(files, count);
	xmlSchemaFree(schema);
	tplt_conformance("CycloneDX XML %s: %zu/%zu valid accepted, %zu/%zu "
	                 "invalid rejected (XSD agrees on %zu/%zu)",
	                 version, valid_ok, valid, invalid_ok, invalid,
	                 xsd_agree, valid + invalid);
	assert_true(valid > 0 && invalid > 0);
	assert_int_equal(xsd_agree, valid + invalid);
	assert_int_equal(valid_ok, valid);
	assert_int_equal(invalid_ok, invalid);
}

static void test_cyclonedx_xml__conformance_1_2(void **state)
{
	(void)state;
	conformance("1.2");
}

static void test_cyclonedx_xml__conformance_1_3(void **state)
{
	(void)state;
	conformance("1.3");
}

static void test_cyclonedx_xml__conformance_1_4(void **state)
{
	(void)state;
	conformance("1.4");
}

static void test_cyclonedx_xml__conformance_1_5(void **state)
{
	(void)state;
	conformance("1.5");
}

static void test_cyclonedx_xml__conformance_1_6(void **state)
{
	(void)state;
	conformance("1.6");
}

static void test_cyclonedx_xml__conformance_1_7(void **state)
{
	(void)state;
	conformance("1.7");
}

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* name, version, purl, supplier, license and hash count of every
 * component, sorted, one per line. */
static char *component_set(const struct tplc_sbom *sbom)
{
	char **lines = calloc(sbom->component_count + 1, sizeof(*lines));
	size_t i, total = 1, used = 0;
	char *out;

	assert_non_null(lines);
	for (i = 0; i < sbom->component_count; i++) {
		const struct tplc_component *c = &sbom->components[i];
		char line[4096];

		snprintf(line, sizeof(line), "%s|%s|%s|%s|%s|%s|%zu\n",
		         c->group ? c->group : "", c->name,
		         c->version ? c->version : "", c->purl ? c->purl : "",
		         c->supplier ? c->supplier : "",
		         c->license ? c->license : "", c->hash_count);
		lines[i] = strdup(line);
		assert_non_null(lines[i]);
		total += strlen(line);
	}
	qsort(lines, sbom->component_count, sizeof(*lines), compare_lines);
	out = malloc(total);
	assert_non_null(out);
	for (i = 0; i < sbom->component_count; i++) {
		size_t n = strlen(lines[i]);

		memcpy(out + used, lines[i], n);
		used += n;
		free(lines[i]);
	}
	out[used] = '\0';
	free(lines);
	return out;
}

/* The same SBOM in JSON and XML gives the same components, subject,
 * author, time and dependency count. */
static void same_as_json(const char *xml_rel, const char *json_rel,
                         size_t expected)
{
	struct tplc_sbom *x = parse_shared(xml_rel);
	struct tplc_sbom *j = parse_shared(json_rel);
	char *xs, *js;

	assert_int_equal(x->component_count, expected);
	assert_int_equal(j->component_count, expected);
	xs = component_set(x);
	js = component_set(j);
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
	assert_int_equal(parse_bad(bad_type, &err), TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(err.path, "/bom/components/component[2]/@type");
	assert_int_equal(err.line, 5);
	assert_non_null(strstr(msg, "\"gadget\""));
	assert_int_equal(parse_bad(unknown, &err), TPLC_EPARSE);
	assert_string_equal(err.path, "/bom/components/component/colour");
	assert_int_equal(err.line, 5);
	assert_int_equal(parse_bad(dup_ref, &err), TPLC_EPARSE);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.path, "/bom/components/component[2]/@bom-ref");
	assert_non_null(strstr(err.message, "line 4"));
	assert_int_equal(parse_bad(future, &err), TPLC_EUNSUPPORTED);
	assert_int_equal(parse_bad("<bom xmlns=\"urn:x\"/>", &err),
	                 TPLC_EPARSE);
	assert_int_equal(parse_bad("<rdf:RDF xmlns:rdf=\"http://www.w3.org/"
	                           "1999/02/22-rdf-syntax-ns#\"/>",
	                           &err),
	                 TPLC_EUNSUPPORTED);
}

/* Every allocation failure gives TPLC_ENOMEM and leaks nothing. */
static void test_cyclonedx_xml__out_of_memory(void **state)
{
	size_t len;
	char *data = tplt_read_file(tplt_shared(LARAVEL "bom.1.4.xml"), &len);
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
		cmocka_unit_test(test_cyclonedx_xml__conformance_1_2),
		cmocka_unit_test(test_cyclonedx_xml__conformance_1_3),
		cmocka_unit_test(test_cyclonedx_xml__conformance_1_4),
		cmocka_unit_test(test_cyclonedx_xml__conformance_1_5),
		cmocka_unit_test(test_cyclonedx_xml__conformance_1_6),
		cmocka_unit_test(test_cyclonedx_xml__conformance_1_7),
		cmocka_unit_test(test_cyclonedx_xml__juice_shop_same_as_json),
		cmocka_unit_test(test_cyclonedx_xml__laravel_same_as_json),
		cmocka_unit_test(test_cyclonedx_xml__model),
		cmocka_unit_test(test_cyclonedx_xml__errors_located),
		cmocka_unit_test(test_cyclonedx_xml__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

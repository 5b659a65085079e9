/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "util/alloc.h"
#include "util/xml.h"

#define NS "urn:t"

static const char doc_text[] =
        "<?xml version=\"1.0\"?>\n"
        "<bom xmlns=\"urn:t\" xmlns:o=\"urn:other\" version=\"2\">\n"
        "  <components>\n"
        "    <component type=\"library\"><name>a</name></component>\n"
        "    <o:component><name>foreign</name></o:component>\n"
        "    <component type=\"library\">\n"
        "      <name> b </name><version><![CDATA[1.0]]></version>\n"
        "    </component>\n"
        "    <component type=\"library\"><name>c</name></component>\n"
        "  </components>\n"
        "</bom>\n";

static struct tplx_xml_doc *parse_ok(const char *text)
{
	struct tplx_xml_doc *doc = NULL;
	struct tplc_error err;
	char msg[1024];

	if (tplx_xml_parse(&doc, text, strlen(text), "t.xml", &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	return doc;
}

static int parse_bad(const char *text, struct tplc_error *err)
{
	struct tplx_xml_doc *doc = (struct tplx_xml_doc *)1;
	int error = tplx_xml_parse(&doc, text, strlen(text), "t.xml", err);

	assert_null(doc);
	return error;
}

/* Lookup by namespace URI, never by prefix; text with CDATA. */
static void test_xml__namespaces_and_text(void **state)
{
	struct tplx_xml_doc *doc = parse_ok(doc_text);
	const xmlNode *root = tplx_xml_root(doc);
	const xmlNode *comps = tplx_xml_child(root, NS, "components");
	const xmlNode *c;
	const char *s;
	struct tplc_error err;

	(void)state;
	assert_true(tplx_xml_is(root, NS, "bom"));
	assert_false(tplx_xml_is(root, NULL, "bom"));
	assert_string_equal(tplx_xml_ns(root), NS);
	assert_int_equal(tplx_xml_count(comps, NS, "component"), 3);
	assert_int_equal(tplx_xml_count(comps, "urn:other", "component"), 1);
	c = tplx_xml_next(tplx_xml_child(comps, NS, "component"), NS,
	                  "component");
	assert_int_equal(
	        tplx_xml_text(doc, tplx_xml_child(c, NS, "version"), &s, &err),
	        0);
	assert_string_equal(s, "1.0");
	assert_int_equal(
	        tplx_xml_text(doc, tplx_xml_child(c, NS, "name"), &s, &err), 0);
	assert_string_equal(s, " b ");
	assert_int_equal(tplx_xml_attr(doc, root, "version", &s, &err), 0);
	assert_string_equal(s, "2");
	assert_int_equal(tplx_xml_attr(doc, root, "nope", &s, &err), 0);
	assert_null(s);
	tplx_xml_doc_free(doc);
}

/* Paths index same-named siblings from 1; errors carry file and line. */
static void test_xml__paths_and_errors(void **state)
{
	struct tplx_xml_doc *doc = parse_ok(doc_text);
	const xmlNode *comps =
	        tplx_xml_child(tplx_xml_root(doc), NS, "components");
	const xmlNode *c = tplx_xml_child(comps, NS, "component");
	struct tplc_error err;
	char buf[256], msg[512];

	(void)state;
	c = tplx_xml_next(tplx_xml_next(c, NS, "component"), NS, "component");
	assert_string_equal(tplx_xml_path(c, NULL, buf, sizeof(buf)),
	                    "/bom/components/component[3]");
	assert_string_equal(tplx_xml_path(tplx_xml_child(c, NS, "name"), "x",
	                                  buf, sizeof(buf)),
	                    "/bom/components/component[3]/name/@x");
	assert_int_equal(tplx_xml_fail(doc, tplx_xml_child(c, NS, "name"), NULL,
	                               &err, "expected %s", "more"),
	                 TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(msg, "t.xml:9: /bom/components/component[3]/name: "
	                         "expected more");
	tplx_xml_doc_free(doc);
}

static void test_xml__fields_table(void **state)
{
	struct tplx_xml_doc *doc = parse_ok(doc_text);
	const xmlNode *c = tplx_xml_child(
	        tplx_xml_child(tplx_xml_root(doc), NS, "components"), NS,
	        "component");
	const char *type, *name, *version;
	const xmlNode *node;
	const struct tplx_xml_field fields[] = {
		TPLX_XML_ATTR("type", &type, true),
		TPLX_XML_TEXT("name", &name, true),
		TPLX_XML_NODE("name", &node, false),
		TPLX_XML_TEXT("version", &version, false),
	};
	const struct tplx_xml_field missing[] = {
		TPLX_XML_TEXT("name", &name, false),
		TPLX_XML_TEXT("version", &version, true),
	};
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplx_xml_fields(doc, c, NS, fields,
	                                 TPLX_XML_FIELDS_COUNT(fields), &err),
	                 0);
	assert_string_equal(type, "library");
	assert_string_equal(name, "a");
	assert_non_null(node);
	assert_null(version);
	assert_int_equal(tplx_xml_fields(doc, c, NS, missing,
	                                 TPLX_XML_FIELDS_COUNT(missing), &err),
	                 TPLC_EPARSE);
	assert_string_equal(name, "a");
	assert_string_equal(err.path, "/bom/components/component[1]");
	assert_int_equal(err.line, 4);
	assert_non_null(strstr(err.message, "<version>"));
	tplx_xml_doc_free(doc);
}

/* Malformed input is located; entities and DTDs are never expanded or
 * fetched. */
static void test_xml__untrusted_input(void **state)
{
	static const char lol[] =
	        "<?xml version=\"1.0\"?>\n"
	        "<!DOCTYPE bom [<!ENTITY a \"aaaaaaaaaa\">"
	        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
	        "<bom>&b;</bom>";
	static const char external[] =
	        "<?xml version=\"1.0\"?>\n"
	        "<!DOCTYPE bom SYSTEM \"http://example.invalid/x.dtd\">\n"
	        "<bom/>";
	struct tplc_error err;

	(void)state;
	assert_int_equal(parse_bad("<bom>\n<a></b>\n</bom>", &err),
	                 TPLC_EPARSE);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.file, "t.xml");
	/* the first error, not its consequence at the end of input */
	assert_int_equal(parse_bad("<bom>\n<components>\n</bom>\n", &err),
	                 TPLC_EPARSE);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.message, "mismatch"));
	assert_int_equal(parse_bad("", &err), TPLC_EPARSE);
	assert_int_equal(parse_bad("not xml", &err), TPLC_EPARSE);
	assert_int_equal(parse_bad(lol, &err), TPLC_EPARSE);
	assert_non_null(strstr(err.message, "DOCTYPE"));
	assert_int_equal(parse_bad(external, &err), TPLC_EPARSE);
	assert_non_null(strstr(err.message, "DOCTYPE"));
}

static void test_xml__size_limit(void **state)
{
	struct tplx_xml_doc *doc = NULL;
	struct tplc_error err;

	(void)state;
	/* the cap is checked before a byte is read */
	assert_int_equal(
	        tplx_xml_parse(&doc, "<a/>", TPLX_XML_MAX + 1, "big", &err),
	        TPLC_ELIMIT);
	assert_null(doc);
}

static void test_xml__out_of_memory(void **state)
{
	struct tplx_xml_doc *doc = NULL;
	struct tplc_error err;
	const char *s = NULL;
	int n, error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplx_xml_parse(&doc, doc_text, strlen(doc_text), "m",
		                       &err);
		if (error == 0)
			error = tplx_xml_attr(doc, tplx_xml_root(doc),
			                      "version", &s, &err);
		tplx_alloc_fail_after(-1);
		tplx_xml_doc_free(doc);
		doc = NULL;
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xml__namespaces_and_text),
		cmocka_unit_test(test_xml__paths_and_errors),
		cmocka_unit_test(test_xml__fields_table),
		cmocka_unit_test(test_xml__untrusted_input),
		cmocka_unit_test(test_xml__size_limit),
		cmocka_unit_test(test_xml__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "util/alloc.h"
#include "util/json.h"

static struct tplx_json_doc *parse_ok(const char *text)
{
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;

	assert_int_equal(
	        tplx_json_parse(&doc, text, strlen(text), "t.json", &err), 0);
	return doc;
}

static void test_json__tree(void **state)
{
	const char *text = "{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null},"
	                   " \"d\": true}";
	struct tplx_json_doc *doc = parse_ok(text);
	const struct tplx_json *a = tplx_json_get(doc->root, "a");

	(void)state;
	assert_non_null(a);
	assert_int_equal(a->type, TPLX_JSON_ARRAY);
	assert_int_equal(a->u.array.count, 3);
	assert_true(a->u.array.items[0]->u.number.is_integer);
	assert_false(a->u.array.items[1]->u.number.is_integer);
	assert_string_equal(tplx_json_string(a->u.array.items[2]), "x");
	assert_int_equal(
	        tplx_json_get(tplx_json_get(doc->root, "b"), "c")->type,
	        TPLX_JSON_NULL);
	assert_true(tplx_json_get(doc->root, "d")->u.boolean);
	/* offsets point at each value's first character */
	assert_int_equal(text[a->offset], '[');
	assert_int_equal(text[a->u.array.items[2]->offset], '"');
	tplx_json_doc_free(doc);
}

static void test_json__syntax_error_located(void **state)
{
	const char *text = "{\n  \"a\": 1,\n  \"b\": ]\n}";
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;
	char msg[512];

	(void)state;
	assert_int_equal(
	        tplx_json_parse(&doc, text, strlen(text), "x.json", &err),
	        TPLC_EPARSE);
	assert_null(doc);
	assert_int_equal(err.line, 3);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_true(strncmp(msg, "x.json:3:", 9) == 0);
}

static void test_json__duplicate_member(void **state)
{
	const char *text = "{\"a\": 1,\n \"a\": 2}";
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;

	(void)state;
	assert_int_equal(
	        tplx_json_parse(&doc, text, strlen(text), "d.json", &err),
	        TPLC_EPARSE);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 2);
	assert_non_null(strstr(err.message, "duplicate"));
}

static void test_json__duplicate_member_large_object(void **state)
{
	char text[4096];
	size_t used = 0;
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;
	int i;

	(void)state;
	used += (size_t)snprintf(text + used, sizeof(text) - used, "{");
	for (i = 0; i < 100; i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used,
		                         "\"k%d\": %d,", i, i);
	snprintf(text + used, sizeof(text) - used, "\"k7\": 0}");
	assert_int_equal(
	        tplx_json_parse(&doc, text, strlen(text), "d.json", &err),
	        TPLC_EPARSE);
	assert_non_null(strstr(err.message, "duplicate"));
}

static void test_json__bom_and_depth(void **state)
{
	char deep[TPLX_JSON_DEPTH_MAX * 2 + 8];
	struct tplx_json_doc *doc;
	struct tplc_error err;
	size_t i;

	(void)state;
	doc = parse_ok("\xef\xbb\xbf[1]");
	assert_int_equal(doc->root->offset, 3);
	tplx_json_doc_free(doc);

	for (i = 0; i <= TPLX_JSON_DEPTH_MAX; i++)
		deep[i] = '[';
	deep[i] = '\0';
	assert_int_equal(
	        tplx_json_parse(&doc, deep, strlen(deep), "deep", &err),
	        TPLC_ELIMIT);
}

static void test_json__typed_getters_and_path(void **state)
{
	const char *text = "{\"components\": [{\"name\": \"a\"},\n"
	                   "  {\"name\": 7, \"bom-ref\": \"x\"}]}";
	struct tplx_json_doc *doc = parse_ok(text);
	struct tplx_jpath root = TPLX_JPATH_ROOT;
	struct tplx_jpath comps = tplx_jpath_key(&root, "components");
	struct tplx_jpath item = tplx_jpath_index(&comps, 1);
	const struct tplx_json *arr, *c1;
	const char *name;
	struct tplc_error err;
	char msg[512];

	(void)state;
	assert_int_equal(tplx_json_opt_array(doc, doc->root, &root,
	                                     "components", &arr, &err),
	                 0);
	c1 = arr->u.array.items[1];
	assert_int_equal(
	        tplx_json_req_string(doc, c1, &item, "name", &name, &err),
	        TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(msg, "t.json:2:12: components[1].name: "
	                         "expected a string, found a number");
	assert_int_equal(
	        tplx_json_req_string(doc, c1, &item, "purl", &name, &err),
	        TPLC_EPARSE);
	assert_string_equal(err.path, "components[1].purl");
	assert_int_equal(
	        tplx_json_opt_string(doc, c1, &item, "bom-ref", &name, &err),
	        0);
	assert_string_equal(name, "x");
	tplx_jpath_format(&(struct tplx_jpath){ &item, "bom-ref", 0 }, msg,
	                  sizeof(msg));
	assert_string_equal(msg, "components[1][\"bom-ref\"]");
	tplx_json_doc_free(doc);
}

static void test_json__fields_table(void **state)
{
	const char *text = "{\"id\": \"GHSA-1\", \"affected\": [],\n"
	                   " \"summary\": 3}";
	struct tplx_json_doc *doc = parse_ok(text);
	struct tplx_jpath root = TPLX_JPATH_ROOT;
	const char *id, *summary, *details;
	const struct tplx_json *affected;
	const struct tplx_json_field ok_fields[] = {
		TPLX_FIELD_STRING("id", &id, true),
		TPLX_FIELD_STRING("details", &details, false),
		TPLX_FIELD_NODE("affected", TPLX_JSON_ARRAY, &affected, true),
	};
	const struct tplx_json_field bad_fields[] = {
		TPLX_FIELD_STRING("id", &id, true),
		TPLX_FIELD_STRING("summary", &summary, false),
	};
	const struct tplx_json_field missing[] = {
		TPLX_FIELD_STRING("modified", &summary, true),
	};
	struct tplc_error err;
	char msg[512];

	(void)state;
	assert_int_equal(tplx_json_fields(doc, doc->root, &root, ok_fields,
	                                  TPLX_FIELDS_COUNT(ok_fields), &err),
	                 0);
	assert_string_equal(id, "GHSA-1");
	assert_null(details);
	assert_int_equal(affected->type, TPLX_JSON_ARRAY);
	assert_int_equal(tplx_json_fields(doc, doc->root, &root, bad_fields,
	                                  TPLX_FIELDS_COUNT(bad_fields), &err),
	                 TPLC_EPARSE);
	tplc_error_format(&err, msg, sizeof(msg));
	assert_string_equal(msg, "t.json:2:13: summary: expected a string, "
	                         "found a number");
	assert_int_equal(tplx_json_fields(doc, doc->root, &root, missing,
	                                  TPLX_FIELDS_COUNT(missing), &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.path, "modified");
	assert_null(summary);
	/* the object itself must be one */
	assert_int_equal(tplx_json_fields(doc, affected, &root, ok_fields,
	                                  TPLX_FIELDS_COUNT(ok_fields), &err),
	                 TPLC_EPARSE);
	tplx_json_doc_free(doc);
}

/* Every allocation failure is reported as ENOMEM and leaks nothing. */
static void test_json__out_of_memory(void **state)
{
	const char *text = "{\"a\": [1, {\"b\": \"c\"}, [true, null]],"
	                   " \"d\": \"e\"}";
	struct tplx_json_doc *doc;
	struct tplc_error err;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		error = tplx_json_parse(&doc, text, strlen(text), "m", &err);
		tplx_alloc_fail_after(-1);
		if (error == 0) {
			tplx_json_doc_free(doc);
			break;
		}
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json__tree),
		cmocka_unit_test(test_json__syntax_error_located),
		cmocka_unit_test(test_json__duplicate_member),
		cmocka_unit_test(test_json__duplicate_member_large_object),
		cmocka_unit_test(test_json__bom_and_depth),
		cmocka_unit_test(test_json__typed_getters_and_path),
		cmocka_unit_test(test_json__fields_table),
		cmocka_unit_test(test_json__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/alloc.h"
#include "util/json.h"

#define SEEN_MAX 16

struct seen {
	size_t count;
	size_t stop_at; /* fail on this record (1-based); 0: never */
	char paths[SEEN_MAX][64];
	char ids[SEEN_MAX][32];
	size_t offsets[SEEN_MAX];
};

/* Collects each record's path, its "id" (or cve.id) and its offset. */
static int collect(const struct tplx_json_doc *doc,
                   const struct tplx_json *record,
                   const struct tplx_jpath *path, void *data)
{
	struct seen *s = data;
	const struct tplx_json *cve = tplx_json_get(record, "cve");
	const char *id =
	        tplx_json_string(tplx_json_get(cve ? cve : record, "id"));
	size_t i = s->count++;

	if (i < SEEN_MAX) {
		tplx_jpath_format(path, s->paths[i], sizeof(s->paths[i]));
		snprintf(s->ids[i], sizeof(s->ids[i]), "%s", id ? id : "-");
		s->offsets[i] = record->offset;
		assert_ptr_equal(doc->root, record);
	}
	if (s->count == s->stop_at) {
		struct tplx_jpath c = tplx_jpath_key(path, "cve");
		struct tplx_jpath at = tplx_jpath_key(&c, "id");

		return tplx_json_fail(doc, tplx_json_get(cve, "id"), &at, NULL,
		                      "stop here");
	}
	return 0;
}

/* Like collect, but reports into the err the walk was given. */
static struct tplc_error *fail_err;

static int fail_on(const struct tplx_json_doc *doc,
                   const struct tplx_json *record,
                   const struct tplx_jpath *path, void *data)
{
	struct seen *s = data;
	struct tplx_jpath c = tplx_jpath_key(path, "cve");
	struct tplx_jpath at = tplx_jpath_key(&c, "id");
	const struct tplx_json *id =
	        tplx_json_get(tplx_json_get(record, "cve"), "id");

	if (++s->count == s->stop_at)
		return tplx_json_fail(doc, id, &at, fail_err,
		                      "expected a CVE id");
	return 0;
}

static const char page[] =
        "{\"resultsPerPage\": 3, \"format\": \"NVD_CVE\",\n"
        " \"vulnerabilities\": [\n"
        "  {\"cve\": {\"id\": \"CVE-1\"}},\n"
        "  {\"cve\": {\"id\": \"CVE-2\", \"x\": [1, {\"y\": null}]}},\n"
        "  {\"cve\": {\"id\": \"CVE-3\"}}\n"
        " ],\n"
        " \"timestamp\": \"2026-01-01T00:00:00\"}\n";

static void test_json_stream__records(void **state)
{
	struct seen s;
	struct tplc_error err;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(tplx_json_each(page, strlen(page), "p.json",
	                                "vulnerabilities", collect, &s, &err),
	                 0);
	assert_int_equal(s.count, 3);
	assert_string_equal(s.paths[0], "vulnerabilities[0]");
	assert_string_equal(s.paths[2], "vulnerabilities[2]");
	assert_string_equal(s.ids[0], "CVE-1");
	assert_string_equal(s.ids[1], "CVE-2");
	assert_string_equal(s.ids[2], "CVE-3");
	/* offsets are into the whole text */
	assert_int_equal(s.offsets[1],
	                 strstr(page, "{\"cve\": {\"id\": \"CVE-2") - page);
}

static void test_json_stream__top_level_array_and_single(void **state)
{
	const char *list = "[{\"id\": \"a\"}, {\"id\": \"b\"}]";
	const char *one = "{\"id\": \"only\"}";
	struct seen s;
	struct tplc_error err;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(tplx_json_each(list, strlen(list), "l.json", NULL,
	                                collect, &s, &err),
	                 0);
	assert_int_equal(s.count, 2);
	assert_string_equal(s.paths[1], "[1]");
	assert_string_equal(s.ids[1], "b");
	memset(&s, 0, sizeof(s));
	assert_int_equal(tplx_json_each(one, strlen(one), "o.json", NULL,
	                                collect, &s, &err),
	                 0);
	assert_int_equal(s.count, 1);
	assert_string_equal(s.paths[0], "(root)");
	assert_string_equal(s.ids[0], "only");
	memset(&s, 0, sizeof(s));
	assert_int_equal(
	        tplx_json_each("[]", 2, "e.json", NULL, collect, &s, &err), 0);
	assert_int_equal(s.count, 0);
}

/* A record whose cb fails stops the walk; its error has the file
 * position and the full path. */
static void test_json_stream__callback_error_stops(void **state)
{
	struct seen s;
	struct tplc_error err;
	char msg[512];

	(void)state;
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	fail_err = &err;
	assert_int_equal(tplx_json_each(page, strlen(page), "p.json",
	                                "vulnerabilities", fail_on, &s, &err),
	                 TPLC_EPARSE);
	assert_int_equal(s.count, 2);
	tplc_error_format(&err, msg, sizeof(msg));
	/* "CVE-2" is on line 4, its value at column 18 */
	assert_string_equal(msg, "p.json:4:18: vulnerabilities[1].cve.id: "
	                         "expected a CVE id");
}

static void expect_error(const char *text, const char *array_key, int code,
                         const char *want, size_t calls)
{
	struct seen s;
	struct tplc_error err;
	char msg[512];

	memset(&s, 0, sizeof(s));
	assert_int_equal(tplx_json_each(text, strlen(text), "m.json", array_key,
	                                collect, &s, &err),
	                 code);
	tplc_error_format(&err, msg, sizeof(msg));
	if (strstr(msg, want) == NULL)
		fail_msg("got \"%s\", want \"%s\"", msg, want);
	assert_int_equal(s.count, calls);
}

static void test_json_stream__malformed(void **state)
{
	char *deep;
	size_t i, n = 0;

	(void)state;
	/* a syntax error inside the second record: its position and path */
	expect_error("{\"vulnerabilities\": [\n {\"cve\": {}},\n"
	             " {\"cve\": {\"id\": ]}}]}",
	             "vulnerabilities", TPLC_EPARSE,
	             "m.json:3:18: vulnerabilities[1].cve.id: ", 1);
	/* duplicate names: in a record, and beside the records */
	expect_error("{\"vulnerabilities\": [{\"a\": 1, \"a\": 2}]}",
	             "vulnerabilities", TPLC_EPARSE,
	             "vulnerabilities[0]: duplicate member name", 0);
	expect_error("{\"format\": 1, \"vulnerabilities\": [], \"format\": 2}",
	             "vulnerabilities", TPLC_EPARSE,
	             "m.json:1:38: duplicate member name", 0);
	expect_error("{\"vulnerabilities\": [{}], \"vulnerabilities\": []}",
	             "vulnerabilities", TPLC_EPARSE, "duplicate member name",
	             1);
	/* the shape around the records */
	expect_error("{\"format\": \"NVD_CVE\"}", "vulnerabilities",
	             TPLC_EPARSE, "vulnerabilities: required member is missing",
	             0);
	expect_error("{\"vulnerabilities\": {}}", "vulnerabilities",
	             TPLC_EPARSE,
	             "m.json:1:21: vulnerabilities: expected an array, found "
	             "an object",
	             0);
	expect_error("[1]", "vulnerabilities", TPLC_EPARSE,
	             "m.json:1:1: expected an object, found an array", 0);
	expect_error("", "vulnerabilities", TPLC_EPARSE, "m.json:1:1: ", 0);
	expect_error("{\"vulnerabilities\": []} x", "vulnerabilities",
	             TPLC_EPARSE, "m.json:1:", 0);
	expect_error("{\"vulnerabilities\": [{}, {}", "vulnerabilities",
	             TPLC_EPARSE, "m.json:1:", 2);
	/* too deep inside a record */
	deep = malloc(2 * TPLX_JSON_DEPTH_MAX + 64);
	assert_non_null(deep);
	n += (size_t)sprintf(deep, "{\"vulnerabilities\": [");
	for (i = 0; i < TPLX_JSON_DEPTH_MAX; i++)
		deep[n++] = '[';
	deep[n] = '\0';
	expect_error(deep, "vulnerabilities", TPLC_ELIMIT, "nested too deep",
	             0);
	free(deep);
}

/* Each record is the tree tplx_json_parse builds for it. */
static bool same(const struct tplx_json *a, const struct tplx_json *b)
{
	size_t i;

	if (a->type != b->type || a->offset != b->offset)
		return false;
	switch (a->type) {
	case TPLX_JSON_NULL:
		return true;
	case TPLX_JSON_BOOL:
		return a->u.boolean == b->u.boolean;
	case TPLX_JSON_NUMBER:
		return strcmp(a->u.number.text, b->u.number.text) == 0 &&
		       a->u.number.value == b->u.number.value &&
		       a->u.number.is_integer == b->u.number.is_integer;
	case TPLX_JSON_STRING:
		return a->u.string.len == b->u.string.len &&
		       memcmp(a->u.string.ptr, b->u.string.ptr,
		              a->u.string.len) == 0;
	case TPLX_JSON_ARRAY:
		if (a->u.array.count != b->u.array.count)
			return false;
		for (i = 0; i < a->u.array.count; i++)
			if (!same(a->u.array.items[i], b->u.array.items[i]))
				return false;
		return true;
	case TPLX_JSON_OBJECT:
		if (a->u.object.count != b->u.object.count)
			return false;
		for (i = 0; i < a->u.object.count; i++)
			if (strcmp(a->u.object.members[i].key,
			           b->u.object.members[i].key) != 0 ||
			    a->u.object.members[i].key_offset !=
			            b->u.object.members[i].key_offset ||
			    !same(a->u.object.members[i].value,
			          b->u.object.members[i].value))
				return false;
		return true;
	}
	return false;
}

struct compare {
	const struct tplx_json *records;
	size_t count;
};

static int compare_record(const struct tplx_json_doc *doc,
                          const struct tplx_json *record,
                          const struct tplx_jpath *path, void *data)
{
	struct compare *c = data;

	(void)doc;
	(void)path;
	assert_true(c->count < c->records->u.array.count);
	assert_true(same(record, c->records->u.array.items[c->count]));
	c->count++;
	return 0;
}

static void test_json_stream__same_trees_as_parse(void **state)
{
	static const char *const files[] = { "log4j.json", "microdicom.json" };
	const char *root = getenv("TPLC_SOURCE_ROOT");
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;
	struct compare c;
	char path[4096];
	size_t i, len;
	char *text;

	(void)state;
	if (root == NULL)
		skip();
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/tests/fixtures/nvd/%s", root,
		         files[i]);
		text = tplt_read_file(path, &len);
		assert_int_equal(tplx_json_parse(&doc, text, len, path, &err),
		                 0);
		c.records = tplx_json_get(doc->root, "vulnerabilities");
		c.count = 0;
		assert_int_equal(tplx_json_each(text, len, path,
		                                "vulnerabilities",
		                                compare_record, &c, &err),
		                 0);
		assert_int_equal(c.count, c.records->u.array.count);
		tplx_json_doc_free(doc);
		free(text);
	}
}

/* Every allocation failure is reported as TPLC_ENOMEM, nothing leaks. */
static void test_json_stream__out_of_memory(void **state)
{
	struct seen s;
	struct tplc_error err;
	int error, n;

	(void)state;
	for (n = 0;; n++) {
		memset(&s, 0, sizeof(s));
		tplx_alloc_fail_after(n);
		error = tplx_json_each(page, strlen(page), "p.json",
		                       "vulnerabilities", collect, &s, &err);
		tplx_alloc_fail_after(-1);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 0);
	assert_int_equal(s.count, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_stream__records),
		cmocka_unit_test(test_json_stream__top_level_array_and_single),
		cmocka_unit_test(test_json_stream__callback_error_stops),
		cmocka_unit_test(test_json_stream__malformed),
		cmocka_unit_test(test_json_stream__same_trees_as_parse),
		cmocka_unit_test(test_json_stream__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/tplc.h"
#include "tplc/vers.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/json.h"

enum { PARSE, VALIDATE, CONTAINMENT, FROM_NATIVE, KINDS };

static const char *const kind_names[] = { "parse", "validate", "containment",
	                                  "from_native" };

struct counts {
	size_t pass[KINDS], total[KINDS], skipped;
};

/* Cases tplc does not pass, each with its reason; matched on input. */
static const struct {
	const char *input, *reason;
} skips[] = {
	{ "vers:npm/1.0%252F0",
	  "decodes to the version \"1.0%2F0\", which is not an npm (semver) "
	  "version: tplc checks every version against its scheme when "
	  "parsing, so that a bad advisory range fails at import rather "
	  "than at match time" },
};

static const char *skip_reason(const struct tplx_json *t)
{
	const char *input = tplx_json_string(tplx_json_get(t, "input"));
	size_t i;

	for (i = 0; input != NULL && i < sizeof(skips) / sizeof(skips[0]); i++)
		if (strcmp(input, skips[i].input) == 0)
			return skips[i].reason;
	return NULL;
}

static bool expect_failure(const struct tplx_json *t)
{
	const struct tplx_json *f = tplx_json_get(t, "expected_failure");

	return f != NULL && f->type == TPLX_JSON_BOOL && f->u.boolean;
}

static bool same_constraints(const struct tplc_vers *r,
                             const struct tplx_json *want)
{
	const struct tplx_json *list =
	        tplx_json_get(want, "version_constraints");
	size_t i;

	if (strcmp(tplc_vers_scheme(r),
	           tplx_json_string(tplx_json_get(want, "scheme"))) != 0 ||
	    list->u.array.count != tplc_vers_constraint_count(r))
		return false;
	for (i = 0; i < list->u.array.count; i++) {
		const struct tplx_json *pair = list->u.array.items[i];
		const char *op, *version;

		tplc_vers_constraint(r, i, &op, &version);
		if (strcmp(op, tplx_json_string(pair->u.array.items[0])) != 0 ||
		    strcmp(version, tplx_json_string(pair->u.array.items[1])) !=
		            0)
			return false;
	}
	return true;
}

static bool run_case(const struct tplx_json *t, int kind)
{
	const struct tplx_json *in = tplx_json_get(t, "input");
	const struct tplx_json *want = tplx_json_get(t, "expected_output");
	struct tplc_vers *r = NULL;
	char *text = NULL;
	bool ok = false, in_range;
	int error;

	switch (kind) {
	case PARSE:
		error = tplc_vers_parse(&r, tplx_json_string(in), NULL);
		ok = expect_failure(t)
		             ? error == TPLC_EPARSE && r == NULL
		             : error == 0 && same_constraints(r, want);
		break;
	case VALIDATE:
		/* sorted into canonical order; nothing else is changed */
		error = tplc_vers_parse_lenient(&r, tplx_json_string(in), NULL);
		if (error == 0)
			error = tplc_vers_format(&text, r, NULL);
		ok = expect_failure(t)
		             ? error != 0
		             : error == 0 &&
		                       strcmp(text, tplx_json_string(want)) ==
		                               0;
		break;
	case CONTAINMENT:
		error = tplc_vers_parse_lenient(
		        &r, tplx_json_string(tplx_json_get(in, "vers")), NULL);
		if (error == 0)
			error = tplc_vers_contains(
			        &in_range, r,
			        tplx_json_string(tplx_json_get(in, "version")),
			        NULL);
		ok = error == 0 && in_range == want->u.boolean;
		break;
	}
	tplc_free(text);
	tplc_vers_free(r);
	return ok;
}

static int kind_of(const char *type)
{
	int k;

	for (k = 0; k < KINDS; k++)
		if (strcmp(type, kind_names[k]) == 0)
			return k;
	return -1; /* comparison and equality: see version.c */
}

static size_t run_file(const char *path, struct counts *c)
{
	struct tplx_json_doc *doc = NULL;
	const struct tplx_json *tests;
	struct tplc_error err;
	size_t i, len, failed = 0, native = 0;
	char *text = tplt_read_file(path, &len);

	assert_int_equal(tplx_json_parse(&doc, text, len, path, &err), 0);
	tests = tplx_json_get(doc->root, "tests");
	for (i = 0; i < tests->u.array.count; i++) {
		const struct tplx_json *t = tests->u.array.items[i];
		int kind = kind_of(
		        tplx_json_string(tplx_json_get(t, "test_type")));

		if (kind < 0)
			continue;
		c->total[kind]++;
		if (kind == FROM_NATIVE) {
			native++;
			continue;
		}
		if (skip_reason(t) != NULL) {
			tplt_note("skip %s case %zu: %s",
			          strrchr(path, '/') + 1, i, skip_reason(t));
			c->skipped++;
			continue;
		}
		if (run_case(t, kind)) {
			c->pass[kind]++;
		} else {
			failed++;
			tplt_note("FAIL %s case %zu: %s",
			          strrchr(path, '/') + 1, i,
			          tplx_json_string(
			                  tplx_json_get(t, "description")));
		}
	}
	if (native > 0)
		tplt_note("skip %s: %zu from_native cases: converting native "
		          "range notations to vers is not part of tplc",
		          strrchr(path, '/') + 1, native);
	tplx_json_doc_free(doc);
	free(text);
	return failed;
}

static void test_vers__spec_suite(void **state)
{
	struct counts c = { { 0 }, { 0 }, 0 };
	struct tplc_error err;
	char **files = NULL;
	size_t i, count = 0, failed = 0;

	(void)state;
	assert_int_equal(tplx_file_list(&files, &count,
	                                tplt_shared("versions/vers-spec/tests"),
	                                ".json", &err),
	                 0);
	for (i = 0; i < count; i++)
		failed += run_file(files[i], &c);
	tplx_file_list_free(files, count);
	tplt_conformance("vers-spec ranges: %zu/%zu parse, %zu/%zu validate, "
	                 "%zu/%zu containment (%zu listed skips; %zu "
	                 "from_native not implemented)",
	                 c.pass[PARSE], c.total[PARSE], c.pass[VALIDATE],
	                 c.total[VALIDATE], c.pass[CONTAINMENT],
	                 c.total[CONTAINMENT], c.skipped, c.total[FROM_NATIVE]);
	assert_int_equal(failed, 0);
	assert_int_equal(c.skipped, sizeof(skips) / sizeof(skips[0]));
	assert_true(c.total[PARSE] > 0 && c.total[CONTAINMENT] > 0);
}

static bool contains(const char *vers, const char *version)
{
	struct tplc_vers *r = NULL;
	struct tplc_error err;
	bool in = false;

	if (tplc_vers_parse(&r, vers, &err) != 0)
		fail_msg("%s: %s", vers, err.message);
	if (tplc_vers_contains(&in, r, version, &err) != 0)
		fail_msg("%s contains %s: %s", vers, version, err.message);
	tplc_vers_free(r);
	return in;
}

static void test_vers__contains(void **state)
{
	(void)state;
	assert_true(contains("vers:all/*", "anything at all"));
	assert_true(contains("vers:deb/*", "1:2.3-4"));
	assert_true(contains("vers:npm/1.2.3|>=2.0.0|<5.0.0", "1.2.3"));
	assert_false(contains("vers:npm/1.2.3|>=2.0.0|<5.0.0", "1.2.4"));
	assert_true(contains("vers:npm/1.2.3|>=2.0.0|<5.0.0", "2.0.0"));
	assert_true(contains("vers:npm/1.2.3|>=2.0.0|<5.0.0", "4.9.9"));
	assert_false(contains("vers:npm/1.2.3|>=2.0.0|<5.0.0", "5.0.0"));
	assert_false(contains("vers:npm/1.2.3|>=2.0.0|<5.0.0", "2.0.0-rc.1"));
	assert_true(contains("vers:gem/>=2.2.0|!=2.2.1|<2.3.0", "2.2.5"));
	assert_false(contains("vers:gem/>=2.2.0|!=2.2.1|<2.3.0", "2.2.1"));
	assert_true(contains("vers:deb/<1.0~rc1|>=2.0", "0.9"));
	assert_false(contains("vers:deb/<1.0~rc1|>=2.0", "1.0~rc1"));
	assert_true(contains("vers:deb/<1.0~rc1|>=2.0", "1:0.1"));
	assert_true(contains("vers:generic/>=2.9|<=4.1", "4.1.0"));
	assert_false(contains("vers:generic/>=2.9|<=4.1", "4.1.1"));
	assert_true(contains("vers:pypi/<=1.0|>1.5|<2.0|>=3.0", "1.7"));
	assert_false(contains("vers:pypi/<=1.0|>1.5|<2.0|>=3.0", "2.5"));
	assert_true(contains("vers:pypi/<=1.0|>1.5|<2.0|>=3.0", "3.0.0"));
	assert_true(contains("vers:rpm/>1:1.0|<=1:2.0", "1:2.0-1"));
}

static void test_vers__format(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "vers:npm/=1.0.0", "vers:npm/1.0.0" },
		{ "vers:npm/*", "vers:npm/*" },
		{ "vers:maven/1.0%20Final", "vers:maven/1.0%20Final" },
		{ "vers:generic/1.0%7Cx|2.0%25",
		  "vers:generic/1.0%7Cx|2.0%25" },
		{ "vers:test/b|a", "vers:test/b|a" }, /* unknown: as given */
	};
	struct tplc_vers *r = NULL;
	struct tplc_error err;
	const char *op, *version;
	char *s = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(tplc_vers_parse(&r, cases[i].in, &err), 0);
		assert_int_equal(tplc_vers_format(&s, r, &err), 0);
		assert_string_equal(s, cases[i].out);
		tplc_free(s);
		tplc_vers_free(r);
	}
	assert_int_equal(tplc_vers_parse(&r, "vers:npm/<1.0.0|>=2.0.0", &err),
	                 0);
	assert_string_equal(tplc_vers_scheme(r), "npm");
	assert_int_equal(tplc_vers_constraint_count(r), 2);
	assert_int_equal(tplc_vers_constraint(r, 1, &op, &version), 0);
	assert_string_equal(op, ">=");
	assert_string_equal(version, "2.0.0");
	assert_int_equal(tplc_vers_constraint(r, 2, &op, &version),
	                 TPLC_EINVAL);
	tplc_vers_free(r);
	/* lenient: sorted, and "VERS:NPM" accepted */
	assert_int_equal(
	        tplc_vers_parse_lenient(&r, "VERS:NPM/>=2.0.0|<1.0.0", &err),
	        0);
	assert_int_equal(tplc_vers_format(&s, r, &err), 0);
	assert_string_equal(s, "vers:npm/<1.0.0|>=2.0.0");
	tplc_free(s);
	tplc_vers_free(r);
}

static void test_vers__errors(void **state)
{
	static const char *const bad[] = {
		"",
		"vers",
		"vers:npm",
		"vers:npm/",
		"vers:npm/ 1.0.0",
		"vers:npm/1.0.0\t",
		"ver:npm/1.0.0",
		"VERS:npm/1.0.0",
		"vers:NPM/1.0.0",
		"vers:1npm/1.0.0",
		"vers:invalid/1.0",
		"vers:npm/|1.0.0",
		"vers:npm/1.0.0|",
		"vers:npm/1.0.0||2.0.0",
		"vers:npm/*|1.0.0",
		"vers:npm/>=",
		"vers:npm/>=1.0.0*",
		"vers:npm/1.0%2",
		"vers:npm/1.0%2e0",
		"vers:npm/1.0%2E0",
		"vers:npm/1.0",
		"vers:npm/2.0.0|1.0.0",
		"vers:npm/1.0.0|>=1.0.0",
		"vers:npm/1.0.0|<2.0.0",
		"vers:npm/>1.0.0|>2.0.0",
		"vers:npm/<1.0.0|<2.0.0",
		"vers:deb/1.0_x",
	};
	struct tplc_vers *r = NULL;
	struct tplc_error err;
	bool in;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (tplc_vers_parse(&r, bad[i], &err) != TPLC_EPARSE)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_null(r);
	}
	/* an unknown scheme parses, but only "*" can be answered */
	assert_int_equal(tplc_vers_parse(&r, "vers:composer/>=1.0|<2.0", &err),
	                 0);
	assert_int_equal(tplc_vers_contains(&in, r, "1.5", &err),
	                 TPLC_EUNSUPPORTED);
	tplc_vers_free(r);
	assert_int_equal(tplc_vers_parse(&r, "vers:npm/>=1.0.0", &err), 0);
	assert_int_equal(tplc_vers_contains(&in, r, "1.0", &err), TPLC_EPARSE);
	assert_int_equal(tplc_vers_contains(NULL, r, "1.0.0", &err),
	                 TPLC_EINVAL);
	tplc_vers_free(r);
	assert_int_equal(tplc_vers_parse(NULL, "vers:npm/*", &err),
	                 TPLC_EINVAL);
	tplc_vers_free(NULL);
}

/* Every allocation failure is reported as ENOMEM and leaks nothing. */
static void test_vers__out_of_memory(void **state)
{
	struct tplc_vers *r;
	char *s;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		r = NULL;
		s = NULL;
		tplx_alloc_fail_after(n);
		error = tplc_vers_parse_lenient(
		        &r, "vers:maven/2.0|<1.0|>=3.0-a", NULL);
		if (error == 0)
			error = tplc_vers_format(&s, r, NULL);
		tplx_alloc_fail_after(-1);
		tplc_vers_free(r);
		tplc_free(s);
		if (error == 0)
			break;
		assert_int_equal(error, TPLC_ENOMEM);
	}
	assert_true(n > 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vers__spec_suite),
		cmocka_unit_test(test_vers__contains),
		cmocka_unit_test(test_vers__format),
		cmocka_unit_test(test_vers__errors),
		cmocka_unit_test(test_vers__out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

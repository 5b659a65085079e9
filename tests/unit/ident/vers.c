/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
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

/* Schemes with from_native cases, counted one by one. */
#define NATIVE_SCHEMES 16

struct counts {
	size_t pass[KINDS], total[KINDS], skipped;
	const char *scheme[NATIVE_SCHEMES];
	size_t native_pass[NATIVE_SCHEMES], native_total[NATIVE_SCHEMES];
	size_t native_skipped;
	char names[NATIVE_SCHEMES][32];
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

/* from_native cases tplc does not pass; matched on scheme and range. */
static const struct {
	const char *scheme, *range, *reason;
} native_skips[] = {
	{ "conan", "",
	  "expects \"vers:conan/\", which is no vers (vers-spec: a range "
	  "has at least one constraint); tplc fails an empty range" },
	{ "npm", "<= 1.0",
	  "node-semver reads \"<=1.0\" as the X-range <1.1.0-0 (every "
	  "1.0.z); the suite pads it to <=1.0.0 and drops 1.0.1 and on" },
	{ "npm", ">= 1.x",
	  "node-semver reads \">=1.x\" as >=1.0.0, with no upper bound; "
	  "the suite drops the comparator and answers 1.x (<2.0.0)" },
	{ "npm", ">= 2.2.x",
	  "node-semver reads \">=2.2.x\" as >=2.2.0, with no upper bound; "
	  "the suite drops the comparator and answers 2.2.x (<2.3.0)" },
	{ "npm", "2.1 || 2.6",
	  "node-semver reads \"2.1\" as the X-range >=2.1.0 <2.2.0-0; the "
	  "suite reads it as the single version 2.1.0" },
	{ "npm", "<=2.1 >=1.1",
	  "node-semver reads \"<=2.1\" as <2.2.0-0 (every 2.1.z); the "
	  "suite pads it to <=2.1.0" },
	{ "npm", ">= 0.2.0 <= 0.9.6 || ~0.8.0-pre",
	  "node-semver reads \"~0.8.0-pre\" as >=0.8.0-pre <0.9.0-0; the "
	  "suite's <0.8.0|>=0.8.0|<0.8.1 comes from python-semantic_version's "
	  "pre-release split, not from node-semver" },
};

static const char *native_skip_reason(const struct tplx_json *t)
{
	const struct tplx_json *in = tplx_json_get(t, "input");
	const char *scheme = tplx_json_string(tplx_json_get(in, "scheme"));
	const char *range = tplx_json_string(tplx_json_get(in, "native_range"));
	size_t i;

	for (i = 0; scheme != NULL && range != NULL &&
	            i < sizeof(native_skips) / sizeof(native_skips[0]);
	     i++)
		if (strcmp(scheme, native_skips[i].scheme) == 0 &&
		    strcmp(range, native_skips[i].range) == 0)
			return native_skips[i].reason;
	return NULL;
}

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
	case FROM_NATIVE:
		error = tplc_vers_from_native(
		        &text, tplx_json_string(tplx_json_get(in, "scheme")),
		        tplx_json_string(tplx_json_get(in, "native_range")),
		        NULL);
		ok = expect_failure(t)
		             ? error == TPLC_EPARSE && text == NULL
		             : error == 0 &&
		                       strcmp(text, tplx_json_string(want)) ==
		                               0;
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

/* The per-scheme slot of a from_native case. */
static size_t native_slot(struct counts *c, const char *scheme)
{
	size_t i;

	for (i = 0; i < NATIVE_SCHEMES && c->scheme[i] != NULL; i++)
		if (strcmp(c->scheme[i], scheme) == 0)
			return i;
	assert_true(i < NATIVE_SCHEMES && strlen(scheme) < 32);
	memcpy(c->names[i], scheme, strlen(scheme) + 1);
	c->scheme[i] = c->names[i];
	return i;
}

static size_t run_native(const struct tplx_json *t, struct counts *c,
                         const char *path, size_t index)
{
	const struct tplx_json *in = tplx_json_get(t, "input");
	size_t slot =
	        native_slot(c, tplx_json_string(tplx_json_get(in, "scheme")));

	c->native_total[slot]++;
	if (native_skip_reason(t) != NULL) {
		tplt_note("skip %s case %zu: %s", strrchr(path, '/') + 1, index,
		          native_skip_reason(t));
		c->native_skipped++;
		return 0;
	}
	if (run_case(t, FROM_NATIVE)) {
		c->native_pass[slot]++;
		return 0;
	}
	tplt_note("FAIL %s case %zu: \"%s\"", strrchr(path, '/') + 1, index,
	          tplx_json_string(tplx_json_get(in, "native_range")));
	return 1;
}

static size_t run_file(const char *path, struct counts *c)
{
	struct tplx_json_doc *doc = NULL;
	const struct tplx_json *tests;
	struct tplc_error err;
	size_t i, len, failed = 0;
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
			failed += run_native(t, c, path, i);
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
	tplx_json_doc_free(doc);
	free(text);
	return failed;
}

static void test_vers__spec_suite(void **state)
{
	struct counts c = { { 0 } };
	char line[512] = "vers-spec from_native";
	size_t used = strlen(line);
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
	                 "%zu/%zu containment (%zu listed skips)",
	                 c.pass[PARSE], c.total[PARSE], c.pass[VALIDATE],
	                 c.total[VALIDATE], c.pass[CONTAINMENT],
	                 c.total[CONTAINMENT], c.skipped);
	for (i = 0; i < NATIVE_SCHEMES && c.scheme[i] != NULL; i++)
		used += (size_t)snprintf(line + used, sizeof(line) - used,
		                         "%s %s: %zu/%zu", i > 0 ? "," : "",
		                         c.scheme[i], c.native_pass[i],
		                         c.native_total[i]);
	tplt_conformance("%s (%zu listed skips)", line, c.native_skipped);
	assert_int_equal(failed, 0);
	assert_int_equal(c.skipped, sizeof(skips) / sizeof(skips[0]));
	assert_int_equal(c.native_skipped,
	                 sizeof(native_skips) / sizeof(native_skips[0]));
	assert_true(c.total[FROM_NATIVE] > 0);
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

/*
 * Native notations beyond the suite, from each ecosystem's documentation
 * (node-semver README, NuGet "Version ranges", PEP 440, RubyGems
 * pessimistic operator, nginx advisories).  NULL: TPLC_EPARSE.
 */
static void test_vers__from_native(void **state)
{
	static const struct {
		const char *scheme, *native, *want;
	} cases[] = {
		{ "npm", "^1.2.3", "vers:npm/>=1.2.3|<2.0.0" },
		{ "npm", "^0.2.3", "vers:npm/>=0.2.3|<0.3.0" },
		{ "npm", "^0.0.3", "vers:npm/>=0.0.3|<0.0.4" },
		{ "npm", "^1.2.x", "vers:npm/>=1.2.0|<2.0.0" },
		{ "npm", "^0.0.x", "vers:npm/>=0.0.0|<0.1.0" },
		{ "npm", "^0.x", "vers:npm/>=0.0.0|<1.0.0" },
		{ "npm", "~1.2.3", "vers:npm/>=1.2.3|<1.3.0" },
		{ "npm", "~1", "vers:npm/>=1.0.0|<2.0.0" },
		{ "npm", "~0.2", "vers:npm/>=0.2.0|<0.3.0" },
		{ "npm", "1.2.3 - 2.3", "vers:npm/>=1.2.3|<2.4.0" },
		{ "npm", "1.2.3 - 2", "vers:npm/>=1.2.3|<3.0.0" },
		{ "npm", "1.2 - 2.3.4", "vers:npm/>=1.2.0|<=2.3.4" },
		{ "npm", "1", "vers:npm/>=1.0.0|<2.0.0" },
		{ "npm", "1.2", "vers:npm/>=1.2.0|<1.3.0" },
		{ "npm", ">1.2", "vers:npm/>=1.3.0" },
		{ "npm", "<=1.x", "vers:npm/<2.0.0" },
		{ "npm", "", "vers:npm/*" },
		{ "npm", "x || >=2.0.0", "vers:npm/*" },
		{ "npm", ">= 1.0.0 < 2", "vers:npm/>=1.0.0|<2.0.0" },
		{ "npm", "=v1.2.3-rc.1", "vers:npm/1.2.3-rc.1" },
		{ "npm", ">*", NULL },
		{ "npm", "<=*", "vers:npm/*" },
		{ "npm", "1.2.3 -", NULL },
		{ "npm", "1.2.3 | 2", NULL },
		{ "npm", "^1.2.3.4", NULL },
		{ "nuget", "1.0", "vers:nuget/>=1.0" },
		{ "nuget", "(1.0,)", "vers:nuget/>1.0" },
		{ "nuget", "[1.0]", "vers:nuget/1.0" },
		{ "nuget", "(,1.0]", "vers:nuget/<=1.0" },
		{ "nuget", "(,1.0)", "vers:nuget/<1.0" },
		{ "nuget", "[1.0,2.0]", "vers:nuget/>=1.0|<=2.0" },
		{ "nuget", "(1.0,2.0)", "vers:nuget/>1.0|<2.0" },
		{ "nuget", "(1.0)", NULL },
		{ "nuget", "[2.0,1.0]", NULL },
		{ "nuget", "(,)", NULL },
		{ "pypi", "~= 2.2", "vers:pypi/>=2.2|<3.dev0" },
		{ "pypi", "~=1.4.5", "vers:pypi/>=1.4.5|<1.5.dev0" },
		{ "pypi", "==1.4.*", "vers:pypi/>=1.4.dev0|<1.5.dev0" },
		{ "pypi", ">=1.0, <2.0, !=1.5, !=3",
		  "vers:pypi/>=1.0|!=1.5|<2.0" },
		{ "pypi", ">=1.0, !=1.0", "vers:pypi/>1.0" },
		{ "pypi", "==1.0, >=0.5", "vers:pypi/1.0" },
		{ "pypi", ">=2, <1", NULL },
		{ "pypi", "1.0", NULL },
		{ "pypi", "~=1", NULL },
		{ "pypi", "!=1.*", NULL },
		{ "pypi", ">=1.0; python_version < '3'", NULL },
		{ "gem", "~> 2.2", "vers:gem/>=2.2|<3" },
		{ "gem", "~> 2.2.0", "vers:gem/>=2.2.0|<2.3" },
		{ "gem", "~> 2.2, != 2.5", "vers:gem/>=2.2|!=2.5|<3" },
		{ "gem", "1.0", "vers:gem/1.0" },
		{ "nginx", "0.8.40+, 0.7.66+",
		  "vers:nginx/>=0.7.66|>=0.8.40|<0.9.0" },
		{ "nginx", "1.1.4-1.2.8, 1.3.9-1.4.0",
		  "vers:nginx/>=1.1.4|<=1.2.8|>=1.3.9|<=1.4.0" },
		{ "nginx", "all", "vers:nginx/*" },
		{ "nginx", "none", NULL },
		{ "conan", "^0.0", NULL },
		{ "conan", "~1.x", NULL },
		{ "openssl", "1.0.2a, 1.0.2a", "vers:openssl/1.0.2a" },
	};
	struct tplc_error err;
	char *s, big[TPLC_VERS_NATIVE_MAX + 2];
	size_t i;
	int error;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = NULL;
		error = tplc_vers_from_native(&s, cases[i].scheme,
		                              cases[i].native, &err);
		if (cases[i].want == NULL) {
			if (error != TPLC_EPARSE || s != NULL)
				fail_msg("%s \"%s\" gave %d %s",
				         cases[i].scheme, cases[i].native,
				         error, s != NULL ? s : "");
		} else if (error != 0 || strcmp(s, cases[i].want) != 0) {
			fail_msg("%s \"%s\": want %s, got %s", cases[i].scheme,
			         cases[i].native, cases[i].want,
			         error != 0 ? err.message : s);
		}
		tplc_free(s);
	}
	assert_int_equal(tplc_vers_from_native(&s, "deb", "1.0", &err),
	                 TPLC_EUNSUPPORTED);
	assert_false(tplc_vers_native_supported("deb"));
	assert_true(tplc_vers_native_supported("npm"));
	assert_int_equal(tplc_vers_from_native(NULL, "npm", "1", &err),
	                 TPLC_EINVAL);
	memset(big, '1', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(tplc_vers_from_native(&s, "npm", big, &err),
	                 TPLC_ELIMIT);
	/* more than TPLC_VERS_NATIVE_CONSTRAINTS_MAX constraints */
	for (i = 0; i + 8 < sizeof(big); i += 8)
		memcpy(big + i, "1.2.3|| ", 8);
	big[i] = '\0';
	assert_int_equal(tplc_vers_from_native(&s, "npm", big, &err),
	                 TPLC_EPARSE);
}

static void test_vers__from_native_out_of_memory(void **state)
{
	char *s;
	long n;
	int error;

	(void)state;
	for (n = 0;; n++) {
		s = NULL;
		tplx_alloc_fail_after(n);
		error = tplc_vers_from_native(&s, "npm", "^1.2.3 || 2.x", NULL);
		tplx_alloc_fail_after(-1);
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
		cmocka_unit_test(test_vers__from_native),
		cmocka_unit_test(test_vers__from_native_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "test.h"
#include "tplc/version.h"
#include "util/file.h"
#include "util/json.h"

#define VERSIONS_MAX 256

/* a vs b, both ways: a scheme must be antisymmetric. */
static bool compare(const char *scheme, const char *a, const char *b, int *rc)
{
	struct tplc_error err;
	int back;

	if (tplc_version_compare(rc, scheme, a, b, &err) != 0) {
		tplt_note("%s: %s", scheme, err.message);
		return false;
	}
	if (tplc_version_compare(&back, scheme, b, a, &err) != 0 ||
	    back != -*rc) {
		tplt_note("%s: \"%s\" vs \"%s\" is not antisymmetric", scheme,
		          a, b);
		return false;
	}
	return true;
}

/* Stable insertion sort, as the oracles (Python's sorted) sort. */
static bool sort_versions(const char *scheme, const char **v, size_t n)
{
	size_t i, j;
	int rc;

	for (i = 1; i < n; i++)
		for (j = i; j > 0; j--) {
			const char *t;

			if (!compare(scheme, v[j - 1], v[j], &rc))
				return false;
			if (rc <= 0)
				break;
			t = v[j - 1];
			v[j - 1] = v[j];
			v[j] = t;
		}
	return true;
}

/* One "comparison" or "equality" case of the vers test schema. */
static bool run_case(const struct tplx_json *t, const char *scheme)
{
	const char *type = tplx_json_string(tplx_json_get(t, "test_type"));
	const struct tplx_json *in =
	        tplx_json_get(tplx_json_get(t, "input"), "versions");
	const struct tplx_json *want = tplx_json_get(t, "expected_output");
	const char *v[VERSIONS_MAX];
	size_t i, n = in->u.array.count;
	int rc;

	assert_true(n <= VERSIONS_MAX);
	for (i = 0; i < n; i++)
		v[i] = tplx_json_string(in->u.array.items[i]);
	if (strcmp(type, "equality") == 0)
		return n == 2 && compare(scheme, v[0], v[1], &rc) &&
		       (rc == 0) == want->u.boolean;
	if (!sort_versions(scheme, v, n) || want->u.array.count != n)
		return false;
	/* the nuget oracle prints versions normalised to lowercase */
	for (i = 0; i < n; i++) {
		const char *w = tplx_json_string(want->u.array.items[i]);

		if (strcmp(v[i], w) != 0 &&
		    (strcasecmp(v[i], w) != 0 ||
		     !compare(scheme, v[i], w, &rc) || rc != 0))
			return false;
	}
	return true;
}

/*
 * Every comparison and equality case of a file in the vers test format
 * (an object with "tests", or a bare array); other test types are
 * vers.c's.  Counts are reported per scheme.
 */
static size_t run_file(const char *path, const char *label)
{
	struct tplx_json_doc *doc = NULL;
	const struct tplx_json *tests;
	const char *scheme = NULL;
	struct tplc_error err;
	size_t i, len, pass = 0, total = 0, failed = 0;
	char *text = tplt_read_file(path, &len);

	assert_int_equal(tplx_json_parse(&doc, text, len, path, &err), 0);
	tests = doc->root->type == TPLX_JSON_ARRAY
	                ? doc->root
	                : tplx_json_get(doc->root, "tests");
	for (i = 0; i < tests->u.array.count; i++) {
		const struct tplx_json *t = tests->u.array.items[i];
		const char *type =
		        tplx_json_string(tplx_json_get(t, "test_type"));

		if (strcmp(type, "comparison") != 0 &&
		    strcmp(type, "equality") != 0)
			continue;
		scheme = tplx_json_string(tplx_json_get(
		        tplx_json_get(t, "input"), "input_scheme"));
		total++;
		if (!tplc_version_scheme_supported(scheme))
			continue;
		if (run_case(t, scheme)) {
			pass++;
		} else {
			failed++;
			tplt_note("FAIL %s case %zu", strrchr(path, '/') + 1,
			          i);
		}
	}
	if (total > 0 && tplc_version_scheme_supported(scheme))
		tplt_conformance("%s %s: %zu/%zu comparisons", label, scheme,
		                 pass, total);
	else if (total > 0)
		tplt_note("skip %s %s: %zu comparisons, scheme not supported",
		          label, scheme, total);
	tplx_json_doc_free(doc);
	free(text);
	return failed;
}

static size_t run_dir(const char *rel, const char *label)
{
	struct tplc_error err;
	char **files = NULL;
	size_t i, count = 0, failed = 0;

	assert_int_equal(
	        tplx_file_list(&files, &count, tplt_shared(rel), ".json", &err),
	        0);
	assert_true(count > 0);
	for (i = 0; i < count; i++)
		failed += run_file(files[i], label);
	tplx_file_list_free(files, count);
	return failed;
}

static void test_version__vers_spec_oracles(void **state)
{
	(void)state;
	assert_int_equal(run_dir("versions/vers-spec/tests", "vers-spec"), 0);
}

static void test_version__univers_oracles(void **state)
{
	(void)state;
	assert_int_equal(run_dir("versions/schemes/schema", "univers"), 0);
}

/* RPMVERCMP(a, b, result) lines of rpm's autotest file; "dnl" lines are
 * rpm's own commented-out oddities. */
static void test_version__rpmvercmp(void **state)
{
	char *text = tplt_read_file(
	        tplt_shared("versions/schemes/rpmvercmp.at"), NULL);
	char *line, *save = NULL;
	size_t pass = 0, total = 0;

	(void)state;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		char a[128], b[128];
		int want, rc;

		if (strncmp(line, "RPMVERCMP(", 10) != 0)
			continue;
		total++;
		if (sscanf(line + 10, "%127[^,], %127[^,], %d)", a, b, &want) !=
		    3)
			fail_msg("unreadable line: %s", line);
		if (compare("rpm", a, b, &rc) && rc == want)
			pass++;
		else
			tplt_note("FAIL rpmvercmp(%s, %s) = %d", a, b, want);
	}
	free(text);
	tplt_conformance("rpmvercmp.at rpm: %zu/%zu comparisons", pass, total);
	assert_int_equal(pass, total);
	assert_int_equal(total, 91);
}

/* apk-tools' version test data: "a < b", "a > b", "a = b". */
static void test_version__alpine_txt(void **state)
{
	char *text = tplt_read_file(tplt_shared("versions/schemes/"
	                                        "alpine_test.txt"),
	                            NULL);
	char *line, *save = NULL;
	size_t pass = 0, total = 0;

	(void)state;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		char a[128], op[2], b[128];
		int rc, want;

		if (sscanf(line, "%127s %1s %127s", a, op, b) != 3)
			continue;
		total++;
		want = *op == '<' ? -1 : *op == '>' ? 1 : 0;
		if (compare("alpine", a, b, &rc) && rc == want)
			pass++;
		else
			tplt_note("FAIL alpine %s", line);
	}
	free(text);
	tplt_conformance("alpine_test.txt alpine: %zu/%zu comparisons", pass,
	                 total);
	assert_int_equal(pass, total);
	assert_int_equal(total, 716);
}

/* Every OpenSSL release, shuffled, must sort to the expected order. */
static void test_version__openssl_versort(void **state)
{
	const char *v[VERSIONS_MAX];
	char *all = tplt_read_file(tplt_shared("versions/schemes/openssl/"
	                                       "openssl_all_versions.txt"),
	                           NULL);
	char *json, *line, *save = NULL;
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err;
	size_t i, n = 0, len, pass = 0;

	(void)state;
	json = tplt_read_file(tplt_shared("versions/schemes/openssl/"
	                                  "openssl_versort_expected.json"),
	                      &len);
	for (line = strtok_r(all, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save))
		if (*line != '\0' && n < VERSIONS_MAX)
			v[n++] = line;
	assert_true(sort_versions("openssl", v, n));
	assert_int_equal(tplx_json_parse(&doc, json, len, "versort", &err), 0);
	assert_int_equal(doc->root->u.array.count, n);
	for (i = 0; i < n; i++)
		pass += strcmp(v[i], tplx_json_string(tplx_json_get(
		                             doc->root->u.array.items[i],
		                             "string"))) == 0;
	tplt_conformance("openssl versort openssl: %zu/%zu in place", pass, n);
	assert_int_equal(pass, n);
	tplx_json_doc_free(doc);
	free(json);
	free(all);
}

/* Each list is in ascending order; "==" joins equal neighbours. */
static const struct {
	const char *scheme;
	const char *order[16];
} orders[] = {
	{ "semver",
	  { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
	    "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
	    "==", "1.0.0+build.5", "2.0.0", "2.1.0", "2.1.1", "10.0.0" } },
	{ "npm",
	  { "1.2.3-0", "1.2.3", "==", "v1.2.3", "==", "=1.2.3", "1.2.4" } },
	{ "cargo", { "0.9.0", "1.0.0-rc.1", "1.0.0", "1.10.0" } },
	{ "golang",
	  { "v0.0.0-20191109021931-daa7c04131f5", "v0.1.0", "v1.2", "==",
	    "v1.2.0", "==", "1.2.0", "v2.0.0+incompatible", "==", "v2.0.0" } },
	{ "nuget", { "1.0.0-beta", "1.0.0", "==", "1.0", "1.0.0.1" } },
	{ "generic",
	  { "1.0rc1", "1.0", "==", "1.0.0", "==", "1-0", "1.0.1", "1.9", "1.10",
	    "2.0-beta", "2.0", "20240101" } },
	{ "pypi",
	  { "1.0.dev0", "1.0a1", "==", "1.0-ALPHA.1", "1.0b1", "1.0rc1", "1.0",
	    "==", "1.0.0", "1.0+local.7", "1.0.post1", "==", "1.0-1", "1.1",
	    "1!0.1" } },
	{ "gem",
	  { "1.0.a", "1.0.b", "1.0-beta", "==", "1.0.pre.beta", "1",
	    "==", "1.0.0", "1.0.1", "1.10" } },
	{ "deb",
	  { "1.0~rc1", "1.0", "==", "1.0-0", "1.0-1", "1.0a", "1.0+b1",
	    "1:0.1" } },
	{ "rpm",
	  { "1.0~rc1", "1.0", "==", "1.0-5", "1.0^git1", "1.0.1", "2.0-1",
	    "2.0-2", "1:0.1" } },
	{ "maven",
	  { "1.0-alpha-1", "1.0-SNAPSHOT", "1.0", "==", "1.0.0", "==", "1-ga",
	    "1.0-sp1", "1.0-1", "1.1" } },
};

static void test_version__orders(void **state)
{
	const char *v[16];
	int group[16], rc;
	size_t i, j, k, n;

	(void)state;
	for (i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		/* versions joined by "==" share a group */
		for (j = n = 0; j < 16 && orders[i].order[j] != NULL; j++) {
			if (strcmp(orders[i].order[j], "==") == 0)
				continue;
			group[n] =
			        n == 0 ? 0
			               : group[n - 1] +
			                         (strcmp(orders[i].order[j - 1],
			                                 "==") != 0);
			v[n++] = orders[i].order[j];
		}
		for (j = 0; j < n; j++)
			for (k = j + 1; k < n; k++) {
				if (!compare(orders[i].scheme, v[j], v[k], &rc))
					fail_msg("%s rejected",
					         orders[i].scheme);
				if (group[j] == group[k] ? rc != 0 : rc >= 0)
					fail_msg("%s: \"%s\" vs \"%s\" gave %d",
					         orders[i].scheme, v[j], v[k],
					         rc);
			}
	}
}

static void test_version__errors(void **state)
{
	static const struct {
		const char *scheme, *version;
	} bad[] = {
		{ "semver", "1.0" },
		{ "semver", "01.0.0" },
		{ "semver", "1.0.0-" },
		{ "semver", "1.0.0-01" },
		{ "semver", "v1.0.0" },
		{ "cargo", "1.0.0+" },
		{ "npm", "1.0.0 " },
		{ "nuget", "1.2.3.4.5" },
		{ "deb", "a:1.0" },
		{ "deb", "1.0-" },
		{ "deb", "1.0_1" },
		{ "rpm", "1.0 2" },
		{ "pypi", "1.0.x" },
		{ "pypi", "latest" },
		{ "gem", "1..0" },
		{ "alpine", "1.0-x" },
		{ "alpine", "1.0_foo" },
		{ "openssl", "1.0" },
		{ "gentoo", "1.0_x" },
		{ "datetime", "2024-02-30T00:00:00Z" },
		{ "datetime", "2024-01-01t00:00:00Z" },
		{ "generic", "..." },
	};
	struct tplc_error err;
	char long_version[TPLC_VERSION_MAX + 2];
	size_t i;
	int rc = 7;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (tplc_version_compare(&rc, bad[i].scheme, bad[i].version,
		                         bad[i].version, &err) != TPLC_EPARSE)
			fail_msg("%s accepted \"%s\"", bad[i].scheme,
			         bad[i].version);
		assert_non_null(strstr(err.message, bad[i].scheme));
	}
	assert_int_equal(rc, 7); /* untouched on error */
	assert_int_equal(tplc_version_compare(&rc, "nope", "1", "2", &err),
	                 TPLC_EUNSUPPORTED);
	assert_int_equal(tplc_version_compare(&rc, "deb", "", "1", &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplc_version_compare(&rc, "deb", NULL, "1", &err),
	                 TPLC_EINVAL);
	memset(long_version, '1', sizeof(long_version) - 1);
	long_version[sizeof(long_version) - 1] = '\0';
	assert_int_equal(
	        tplc_version_compare(&rc, "generic", long_version, "1", &err),
	        TPLC_ELIMIT);
}

static void test_version__schemes(void **state)
{
	static const char *const supported[] = {
		"alpine",   "alpm",          "apk",   "cargo",   "conan",
		"datetime", "deb",           "gem",   "generic", "gentoo",
		"golang",   "lexicographic", "maven", "npm",     "nuget",
		"openssl",  "pypi",          "rpm",   "semver",
	};
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(supported) / sizeof(supported[0]); i++)
		assert_true(tplc_version_scheme_supported(supported[i]));
	assert_false(tplc_version_scheme_supported("composer"));
	assert_false(tplc_version_scheme_supported(NULL));
	assert_string_equal(tplc_version_scheme_for_purl_type("npm"), "npm");
	assert_string_equal(tplc_version_scheme_for_purl_type("apk"), "alpine");
	assert_string_equal(tplc_version_scheme_for_purl_type("golang"),
	                    "golang");
	assert_string_equal(tplc_version_scheme_for_purl_type("github"),
	                    "generic");
	assert_string_equal(tplc_version_scheme_for_purl_type(NULL), "generic");
	/* digits wider than any integer type still compare by value */
	assert_true(compare("generic", "1.99999999999999999999999",
	                    "1.100000000000000000000000", &rc));
	assert_int_equal(rc, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version__vers_spec_oracles),
		cmocka_unit_test(test_version__univers_oracles),
		cmocka_unit_test(test_version__rpmvercmp),
		cmocka_unit_test(test_version__alpine_txt),
		cmocka_unit_test(test_version__openssl_versort),
		cmocka_unit_test(test_version__orders),
		cmocka_unit_test(test_version__errors),
		cmocka_unit_test(test_version__schemes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

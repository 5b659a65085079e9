/* SPDX-License-Identifier: Apache-2.0 */
#include <stdbool.h>

#include "test.h"
#include "tplc/match.h"

struct name_case {
	const char *ours;
	const char *theirs;
	bool same;
};

static void test_names__vendor(void **state)
{
	static const struct name_case cases[] = {
		{ "Philips", "Philips", true },
		{ "philips", "PHILIPS", true },
		{ "GE Healthcare", "GE", true },
		{ "GE", "GE Healthcare", true },
		{ "B. Braun", "B. Braun Melsungen AG", true },
		{ "Baxter International Inc.", "Baxter", true },
		{ "Medtronic", "Medtronic plc", true },
		{ "Becton Dickinson", "BD", false },
		{ "Philips", "Phil", false },
		{ "Siemens Healthineers", "Siemens Energy", false },
		{ "", "Philips", false },
		{ "Inc.", "Inc.", false }, /* nothing but a suffix */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (tplc_match_vendor(cases[i].ours, cases[i].theirs) !=
		    cases[i].same)
			fail_msg("vendor '%s' ~ '%s' should be %s",
			         cases[i].ours, cases[i].theirs,
			         cases[i].same ? "true" : "false");
	}
	assert_false(tplc_match_vendor(NULL, "x"));
}

static void test_names__product(void **state)
{
	static const struct name_case cases[] = {
		/* model, advisory product */
		{ "IntelliVue MX800", "IntelliVue MX800", true },
		{ "IntelliVue MX800", "intellivue mx800", true },
		{ "IntelliVue MX800", "IntelliVue", true }, /* a family */
		{ "Alaris 8015 PC Unit", "Alaris", true },
		{ "IntelliVue", "IntelliVue MX800", false }, /* too vague */
		{ "IntelliVue MX800", "IntelliVue MX700", false },
		{ "Vue PACS", "Vue Motion", false },
		{ "Sigma Spectrum", "Sigma Spectrum", true },
		{ "CARESCAPE B450", "CARESCAPE-B450", true },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (tplc_match_product(cases[i].ours, cases[i].theirs) !=
		    cases[i].same)
			fail_msg("model '%s' ~ product '%s' should be %s",
			         cases[i].ours, cases[i].theirs,
			         cases[i].same ? "true" : "false");
	}
}

static void test_names__version_in_range(void **state)
{
	struct tplc_error err;
	bool in;

	(void)state;
	assert_int_equal(tplc_match_version_in(&in, "vers:semver/<4.17.21",
	                                       "4.17.20", &err),
	                 0);
	assert_true(in);
	assert_int_equal(tplc_match_version_in(&in, "vers:semver/<4.17.21",
	                                       "4.17.21", &err),
	                 0);
	assert_false(in);
	assert_int_equal(tplc_match_version_in(&in, "vers:npm/>=1.0.0|<1.2.3",
	                                       "1.2.0", &err),
	                 0);
	assert_true(in);
	assert_int_equal(
	        tplc_match_version_in(&in, "vers:generic/*", "x", &err), 0);
	assert_true(in);
	assert_true(tplc_match_version_in(&in, "not a range", "1", &err) < 0);
	assert_false(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names__vendor),
		cmocka_unit_test(test_names__product),
		cmocka_unit_test(test_names__version_in_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

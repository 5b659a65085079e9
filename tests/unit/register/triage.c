/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The triage states (names, parsing in the spellings people use, which
 * are closed) and the rule that reopens a decision, case by case: the
 * component's version changed or not, a VEX statement arriving after a
 * decision made without one, the bound statement changed or gone, and
 * the states that never reopen.
 */
#include <string.h>

#include "test.h"
#include "tplc/triage.h"

static void test_triage__names(void **state)
{
	static const char *const expect[TPLC_TRIAGE_STATES] = {
		"new",       "in-triage", "exploitable", "not-affected",
		"mitigated", "accepted",  "resolved",
	};
	enum tplc_triage_state s;
	struct tplc_error err;

	(void)state;
	for (int i = 0; i < TPLC_TRIAGE_STATES; i++) {
		const char *name =
		        tplc_triage_state_name((enum tplc_triage_state)i);

		assert_string_equal(name, expect[i]);
		assert_int_equal(tplc_triage_state_parse(&s, name, &err), 0);
		assert_int_equal(s, i);
	}
	assert_int_equal(tplc_triage_state_parse(&s, "In Triage", &err), 0);
	assert_int_equal(s, TPLC_TRIAGE_IN_TRIAGE);
	assert_int_equal(tplc_triage_state_parse(&s, "not affected", &err), 0);
	assert_int_equal(s, TPLC_TRIAGE_NOT_AFFECTED);
	assert_int_equal(tplc_triage_state_parse(&s, "NOT_AFFECTED", &err), 0);
	assert_int_equal(s, TPLC_TRIAGE_NOT_AFFECTED);
	assert_int_equal(tplc_triage_state_parse(&s, "Mitigated", &err), 0);
	assert_int_equal(s, TPLC_TRIAGE_MITIGATED);
	assert_int_equal(tplc_triage_state_parse(&s, "fixed", &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_triage_state_parse(&s, "", &err), TPLC_EINVAL);
	assert_int_equal(tplc_triage_state_parse(&s, NULL, &err), TPLC_EINVAL);
	assert_int_equal(tplc_triage_state_parse(&s, "in-triage-x", &err),
	                 TPLC_EINVAL);
}

static void test_triage__lists(void **state)
{
	struct tplc_error err;
	unsigned bits;

	(void)state;
	assert_int_equal(tplc_triage_states_parse(&bits, "mitigated", &err), 0);
	assert_int_equal(bits, TPLC_TRIAGE_BIT(TPLC_TRIAGE_MITIGATED));
	assert_int_equal(tplc_triage_states_parse(
	                         &bits, "new, not_affected,Accepted", &err),
	                 0);
	assert_int_equal(bits,
	                 TPLC_TRIAGE_BIT(TPLC_TRIAGE_NEW) |
	                         TPLC_TRIAGE_BIT(TPLC_TRIAGE_NOT_AFFECTED) |
	                         TPLC_TRIAGE_BIT(TPLC_TRIAGE_ACCEPTED));
	assert_int_equal(tplc_triage_states_parse(&bits, "new,,resolved", &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_triage_states_parse(&bits, "new,bogus", &err),
	                 TPLC_EINVAL);
}

static void test_triage__closed(void **state)
{
	(void)state;
	assert_false(tplc_triage_closed(TPLC_TRIAGE_NEW));
	assert_false(tplc_triage_closed(TPLC_TRIAGE_IN_TRIAGE));
	assert_false(tplc_triage_closed(TPLC_TRIAGE_EXPLOITABLE));
	assert_false(tplc_triage_closed(TPLC_TRIAGE_MITIGATED));
	assert_true(tplc_triage_closed(TPLC_TRIAGE_NOT_AFFECTED));
	assert_true(tplc_triage_closed(TPLC_TRIAGE_RESOLVED));
	assert_true(tplc_triage_closed(TPLC_TRIAGE_ACCEPTED));
}

#define VEX_NA "not_affected/code_not_reachable by csaf ICSA-24-001-01"

static void test_triage__reopen_version(void **state)
{
	struct tplc_triage_decision d = { TPLC_TRIAGE_MITIGATED, "1.0.2k",
		                          NULL };
	struct tplc_triage_now now = { "openssl", "1.0.2u", NULL };
	char reason[TPLC_TRIAGE_REASON_MAX];

	(void)state;
	assert_true(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	assert_string_equal(reason, "reopened: openssl is now 1.0.2u; the "
	                            "decision was made on 1.0.2k");
	/* the same version: it holds */
	now.version = "1.0.2k";
	assert_false(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	assert_string_equal(reason, "");
	/* a product-level decision binds no version */
	d.bound_version = NULL;
	now.version = NULL;
	assert_false(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
}

static void test_triage__reopen_vex(void **state)
{
	struct tplc_triage_decision d = { TPLC_TRIAGE_NOT_AFFECTED, "2.0",
		                          VEX_NA };
	struct tplc_triage_now now = { "lib", "2.0", VEX_NA };
	char reason[TPLC_TRIAGE_REASON_MAX];

	(void)state;
	/* the statement it relied on still stands */
	assert_false(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	/* changed */
	now.vex = "affected by csaf ICSA-24-001-01";
	assert_true(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	assert_string_equal(reason, "reopened: the VEX statement it relied on "
	                            "changed (was " VEX_NA
	                            "; now affected by csaf ICSA-24-001-01)");
	/* gone */
	now.vex = NULL;
	assert_true(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	assert_string_equal(reason, "reopened: the VEX statement it relied on "
	                            "changed (was " VEX_NA "; now none)");
	/* a decision made without VEX: a statement arriving is no reason */
	d.bound_vex = NULL;
	now.vex = VEX_NA;
	assert_false(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	/* the version is named first when both changed */
	d.bound_vex = VEX_NA;
	now.vex = NULL;
	now.version = "2.1";
	assert_true(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	assert_non_null(strstr(reason, "lib is now 2.1; the decision was "
	                               "made on 2.0"));
}

static void test_triage__never_reopen(void **state)
{
	struct tplc_triage_decision d = { TPLC_TRIAGE_IN_TRIAGE, "1.0",
		                          VEX_NA };
	struct tplc_triage_now now = { "lib", "9.9", NULL };
	char reason[TPLC_TRIAGE_REASON_MAX];

	(void)state;
	assert_false(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	d.state = TPLC_TRIAGE_NEW;
	assert_false(tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	/* every other state does */
	for (int s = TPLC_TRIAGE_EXPLOITABLE; s < TPLC_TRIAGE_STATES; s++) {
		d.state = (enum tplc_triage_state)s;
		assert_true(
		        tplc_triage_reopen(&d, &now, reason, sizeof(reason)));
	}
	/* a short buffer is cut, never overrun */
	d.state = TPLC_TRIAGE_RESOLVED;
	assert_true(tplc_triage_reopen(&d, &now, reason, 12));
	assert_string_equal(reason, "reopened: l");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_triage__names),
		cmocka_unit_test(test_triage__lists),
		cmocka_unit_test(test_triage__closed),
		cmocka_unit_test(test_triage__reopen_version),
		cmocka_unit_test(test_triage__reopen_vex),
		cmocka_unit_test(test_triage__never_reopen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

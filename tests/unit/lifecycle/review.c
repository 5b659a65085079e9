/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Lifecycle reviews: the due rule on both sides of every threshold (the
 * 3-year window opening, due turning overdue, the horizon, the stage
 * dates of Limited Support and End of Support), the transfer plan, the
 * checklist's answer file with its errors, controls and decisions.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "tplc/review.h"

/* A status in stage since a day, with the EOL and EOS in force. */
static struct tplc_lifecycle_status status(enum tplc_lifecycle stage,
                                           const char *since, const char *eol,
                                           const char *eos)
{
	struct tplc_lifecycle_status s;

	memset(&s, 0, sizeof(s));
	s.stage = stage;
	snprintf(s.since, sizeof(s.since), "%s", since);
	snprintf(s.eol, sizeof(s.eol), "%s", eol);
	snprintf(s.eos, sizeof(s.eos), "%s", eos);
	return s;
}

static struct tplc_review_due due_on(const struct tplc_lifecycle_status *s,
                                     const struct tplc_review_last *last,
                                     const char *as_of)
{
	struct tplc_review_due d;
	struct tplc_error err;

	assert_int_equal(tplc_review_due(&d, s, last, as_of,
	                                 TPLC_REVIEW_HORIZON_DAYS, &err),
	                 0);
	return d;
}

static void test_review__eol_window(void **state)
{
	struct tplc_lifecycle_status s =
	        status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "2029-06-01", "");
	struct tplc_review_due d;

	(void)state;
	/* the day before the window opens: nothing required */
	d = due_on(&s, NULL, "2026-05-31");
	assert_int_equal(d.requirement, TPLC_REVIEW_NOT_REQUIRED);
	assert_int_equal(d.state, TPLC_REVIEW_NONE);
	assert_string_equal(d.due, "");
	/* the day it opens: due that very day */
	d = due_on(&s, NULL, "2026-06-01");
	assert_int_equal(d.requirement, TPLC_REVIEW_EOL_WINDOW);
	assert_string_equal(d.since, "2026-06-01");
	assert_string_equal(d.due, "2026-06-01");
	assert_int_equal(d.state, TPLC_REVIEW_DUE);
	assert_int_equal(d.days, 0);
	assert_false(d.transfer_needed);
	/* and overdue the next, when nobody reviewed */
	d = due_on(&s, NULL, "2026-06-02");
	assert_int_equal(d.state, TPLC_REVIEW_OVERDUE);
	assert_int_equal(d.days, -1);
	assert_string_equal(tplc_review_requirement_key(d.requirement),
	                    "eol-window");
}

static void test_review__eos_window_leap_day(void **state)
{
	struct tplc_lifecycle_status s =
	        status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "", "2028-02-29");
	struct tplc_review_due d;

	(void)state;
	/* 2028-02-29 minus 3 years is 2025-02-28 */
	d = due_on(&s, NULL, "2025-02-27");
	assert_int_equal(d.requirement, TPLC_REVIEW_NOT_REQUIRED);
	assert_false(d.transfer_needed);
	d = due_on(&s, NULL, "2025-02-28");
	assert_int_equal(d.requirement, TPLC_REVIEW_EOS_WINDOW);
	assert_string_equal(d.since, "2025-02-28");
	assert_true(d.transfer_needed);
	assert_false(d.transfer_plan);
}

static void test_review__due_to_overdue(void **state)
{
	struct tplc_lifecycle_status s =
	        status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "2029-06-01", "");
	struct tplc_review_last last = { "2026-07-01", TPLC_REVIEW_KEEP, NULL,
		                         1u };
	struct tplc_review_due d;

	(void)state;
	/* reviewed: next due a year on; 91 days ahead is beyond the
	 * 90-day horizon, 90 days is within it */
	d = due_on(&s, &last, "2027-04-01");
	assert_string_equal(d.due, "2027-07-01");
	assert_int_equal(d.state, TPLC_REVIEW_OK);
	assert_int_equal(d.days, 91);
	d = due_on(&s, &last, "2027-04-02");
	assert_int_equal(d.state, TPLC_REVIEW_DUE);
	assert_int_equal(d.days, 90);
	d = due_on(&s, &last, "2027-07-01");
	assert_int_equal(d.state, TPLC_REVIEW_DUE);
	d = due_on(&s, &last, "2027-07-02");
	assert_int_equal(d.state, TPLC_REVIEW_OVERDUE);
	assert_string_equal(tplc_review_state_name(d.state), "overdue");
	/* a review before the requirement began is not a reason to be
	 * due before it begins */
	last.date = "2025-01-10";
	d = due_on(&s, &last, "2026-06-01");
	assert_string_equal(d.due, "2026-06-01");
	assert_int_equal(d.state, TPLC_REVIEW_DUE);
}

static void test_review__stage_dates(void **state)
{
	/* Limited Support from a component decision: no EOL date */
	struct tplc_lifecycle_status support =
	        status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "", "");
	struct tplc_lifecycle_status limited =
	        status(TPLC_LIFECYCLE_LIMITED, "2025-03-01", "", "");
	struct tplc_lifecycle_status eos =
	        status(TPLC_LIFECYCLE_END_OF_SUPPORT, "2025-09-15", "", "");
	struct tplc_review_due d;

	(void)state;
	d = due_on(&support, NULL, "2025-02-28");
	assert_int_equal(d.requirement, TPLC_REVIEW_NOT_REQUIRED);
	d = due_on(&limited, NULL, "2025-03-01");
	assert_int_equal(d.requirement, TPLC_REVIEW_LIMITED);
	assert_string_equal(d.since, "2025-03-01");
	assert_string_equal(d.due, "2025-03-01");
	assert_int_equal(d.state, TPLC_REVIEW_DUE);
	assert_false(d.transfer_needed);
	d = due_on(&eos, NULL, "2025-09-15");
	assert_int_equal(d.requirement, TPLC_REVIEW_EOS);
	assert_string_equal(d.due, "2025-09-15");
	assert_int_equal(d.state, TPLC_REVIEW_DUE);
	assert_true(d.transfer_needed);
	d = due_on(&eos, NULL, "2025-09-16");
	assert_int_equal(d.state, TPLC_REVIEW_OVERDUE);
}

static void test_review__from_evaluate(void **state)
{
	struct tplc_lifecycle_input in;
	struct tplc_lifecycle_status s;
	struct tplc_review_due d;
	struct tplc_error err;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.release = "2018-01-01";
	in.eol = "2028-01-01";
	in.eos = "2030-01-01";
	assert_int_equal(tplc_lifecycle_evaluate(&s, &in, "2024-12-31", &err),
	                 0);
	d = due_on(&s, NULL, "2024-12-31");
	assert_int_equal(d.requirement, TPLC_REVIEW_NOT_REQUIRED);
	assert_int_equal(tplc_lifecycle_evaluate(&s, &in, "2025-01-01", &err),
	                 0);
	d = due_on(&s, NULL, "2025-01-01");
	assert_int_equal(d.requirement, TPLC_REVIEW_EOL_WINDOW);
	/* past EOL: Limited Support; the requirement still began when the
	 * EOL window opened, the strongest kind is reported */
	assert_int_equal(tplc_lifecycle_evaluate(&s, &in, "2028-01-01", &err),
	                 0);
	assert_int_equal(s.stage, TPLC_LIFECYCLE_LIMITED);
	d = due_on(&s, NULL, "2028-01-01");
	assert_int_equal(d.requirement, TPLC_REVIEW_LIMITED);
	assert_string_equal(d.since, "2025-01-01");
	assert_true(d.transfer_needed);
}

static void test_review__transfer_plan(void **state)
{
	struct tplc_lifecycle_status s =
	        status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "", "2027-01-01");
	struct tplc_review_last last = { "2025-01-01", TPLC_REVIEW_KEEP, NULL,
		                         0 };
	const char *day = "2025-06-01";

	(void)state;
	assert_false(due_on(&s, NULL, day).transfer_plan);
	/* keep without a control: no plan; with one: a plan */
	assert_false(due_on(&s, &last, day).transfer_plan);
	last.controls = 1u << 6;
	assert_true(due_on(&s, &last, day).transfer_plan);
	/* replace without a date: no plan; with one: a plan */
	last.decision = TPLC_REVIEW_REPLACE;
	last.controls = 0;
	assert_false(due_on(&s, &last, day).transfer_plan);
	last.decide_by = "2026-06-30";
	assert_true(due_on(&s, &last, day).transfer_plan);
	last.decision = TPLC_REVIEW_DECOMMISSION;
	assert_true(due_on(&s, &last, day).transfer_plan);
	last.decision = TPLC_REVIEW_UPGRADE;
	assert_true(due_on(&s, &last, day).transfer_plan);
	/* before the EOS window: no plan needed, none flagged */
	s = status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "", "2030-01-01");
	assert_false(due_on(&s, NULL, day).transfer_needed);
}

static void test_review__bad_input(void **state)
{
	struct tplc_lifecycle_status s =
	        status(TPLC_LIFECYCLE_SUPPORT, "2020-01-01", "", "2027-01-01");
	struct tplc_review_last last = { "2025-13-01", TPLC_REVIEW_KEEP, NULL,
		                         0 };
	struct tplc_review_due d;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_review_due(&d, &s, NULL, "2025-02-30", 90, &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_review_due(&d, &s, &last, "2025-02-01", 90, &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_review_due(&d, &s, NULL, "2025-02-01", -1, &err),
	                 TPLC_EINVAL);
}

static void test_review__answers(void **state)
{
	static const char good[] = "# checklist for pump 7\n"
	                           "EOS-01 yes\n"
	                           "\n"
	                           "  eos-02   NO   # not yet\r\n"
	                           "EOS-12=unknown\n"
	                           "EOS-05 y";
	struct tplc_review_answers a;
	struct tplc_error err;

	(void)state;
	assert_int_equal(tplc_review_question_find("eos-07"), 6);
	assert_int_equal(tplc_review_question_find("EOS-13"), -1);
	assert_string_equal(tplc_review_question_at(11)->id, "EOS-12");
	assert_null(tplc_review_question_at(TPLC_REVIEW_QUESTIONS));
	assert_int_equal(tplc_review_answers_parse(&a, good, strlen(good),
	                                           "a.txt", &err),
	                 0);
	assert_int_equal(a.answer[0], TPLC_RUBRIC_YES);
	assert_int_equal(a.answer[1], TPLC_RUBRIC_NO);
	assert_int_equal(a.answer[4], TPLC_RUBRIC_YES);
	assert_int_equal(a.answer[11], TPLC_RUBRIC_UNKNOWN);
	assert_int_equal(a.answer[2], TPLC_RUBRIC_UNANSWERED);
	assert_int_equal(tplc_review_answered(&a), 4);
	assert_int_equal(tplc_review_answers_parse(&a, "", 0, "e", &err), 0);
	assert_int_equal(tplc_review_answered(&a), 0);
}

static void bad(const char *text, unsigned long line, const char *message)
{
	struct tplc_review_answers a;
	struct tplc_error err;

	assert_int_equal(tplc_review_answers_parse(&a, text, strlen(text),
	                                           "answers.txt", &err),
	                 TPLC_EPARSE);
	assert_string_equal(err.file, "answers.txt");
	assert_int_equal(err.line, line);
	if (strstr(err.message, message) == NULL)
		fail_msg("got \"%s\", want \"%s\"", err.message, message);
}

static void test_review__answer_errors(void **state)
{
	struct tplc_review_answers a;
	struct tplc_error err;
	static char big[TPLC_REVIEW_ANSWERS_MAX + 2];

	(void)state;
	bad("EOS-01 yes\n# c\nEOS-99 yes\n", 3, "EOS-99: unknown question");
	bad("EOS-01 maybe\n", 1, "EOS-01: maybe: answer must be yes, no");
	bad("EOS-01 yes\nEOS-01 no\n", 2, "EOS-01 answered twice");
	bad("EOS-03 yes no\n", 1, "more than one answer");
	bad("EOS-04\n", 1, "EOS-04: no answer");
	bad("EOS-04 yesyesyesyesyesyesyes\n", 1, "answer must be");
	bad("\n\nXAVN=yes\n", 3, "unknown question");
	assert_int_equal(
	        tplc_review_answers_parse(&a, "EOS-01 y\0es\n", 11, "n", &err),
	        TPLC_EPARSE);
	assert_non_null(strstr(err.message, "NUL byte"));
	memset(big, '#', sizeof(big));
	assert_int_equal(
	        tplc_review_answers_parse(&a, big, sizeof(big), "b", &err),
	        TPLC_ELIMIT);
}

static void test_review__controls_decisions(void **state)
{
	struct tplc_error err;
	unsigned bits;
	char buf[256];

	(void)state;
	assert_string_equal(tplc_review_control_at(0)->name, "physical-access");
	assert_string_equal(tplc_review_control_at(8)->name, "backup");
	assert_null(tplc_review_control_at(TPLC_REVIEW_CONTROLS));
	assert_int_equal(tplc_review_controls_parse(
	                         &bits, "Firewall; isolation, backup", &err),
	                 0);
	assert_string_equal(tplc_review_controls_format(bits, buf, sizeof(buf)),
	                    "isolation,firewall,backup");
	assert_string_equal(tplc_review_control_at(2)->exposure, "isolated");
	assert_string_equal(tplc_review_control_at(3)->exposure, "segmented");
	assert_int_equal(
	        tplc_review_controls_parse(&bits, "firewall,vpn", &err),
	        TPLC_EPARSE);
	assert_non_null(strstr(err.message, "vpn: not a compensating"));
	assert_int_equal(tplc_review_controls_parse(&bits, "", &err), 0);
	assert_int_equal(bits, 0);

	assert_int_equal(tplc_review_decision_parse("Replace"),
	                 TPLC_REVIEW_REPLACE);
	assert_int_equal(tplc_review_decision_parse("retire"), -1);
	assert_int_equal(tplc_review_decision_check(TPLC_REVIEW_DECOMMISSION,
	                                            NULL, &err),
	                 TPLC_EINVAL);
	assert_int_equal(tplc_review_decision_check(TPLC_REVIEW_DECOMMISSION,
	                                            "2027-01-31", &err),
	                 0);
	assert_int_equal(
	        tplc_review_decision_check(TPLC_REVIEW_UPGRADE, NULL, &err), 0);
	assert_int_equal(tplc_review_decision_check(TPLC_REVIEW_KEEP,
	                                            "2027-02-30", &err),
	                 TPLC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_review__eol_window),
		cmocka_unit_test(test_review__eos_window_leap_day),
		cmocka_unit_test(test_review__due_to_overdue),
		cmocka_unit_test(test_review__stage_dates),
		cmocka_unit_test(test_review__from_evaluate),
		cmocka_unit_test(test_review__transfer_plan),
		cmocka_unit_test(test_review__bad_input),
		cmocka_unit_test(test_review__answers),
		cmocka_unit_test(test_review__answer_errors),
		cmocka_unit_test(test_review__controls_decisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

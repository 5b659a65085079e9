/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A device's environment (exposure, controls, requirements) and the
 * priority of a finding: every point a reason gives is checked, and every
 * environmental vector is scored again by tplc_cvss_score, so the
 * numbers are the standard's, not ours.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "tplc/priority.h"

#define V31 "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
#define V40 "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
#define V2  "AV:N/AC:L/Au:N/C:P/I:P/A:P"

static bool same(double want, double got)
{
	return fabs(want - got) < 0.001;
}

static double points(const struct tplc_priority *p, const char *factor)
{
	for (size_t i = 0; i < p->reasons; i++)
		if (strcmp(p->reason[i].factor, factor) == 0)
			return p->reason[i].points;
	fail_msg("no reason %s", factor);
	return -1;
}

static void test_environment__parse(void **state)
{
	enum tplc_exposure e;
	struct tplc_error err;
	unsigned c;
	char buf[128], r;

	(void)state;
	assert_int_equal(tplc_exposure_parse(&e, "VLAN", &err), 0);
	assert_int_equal(e, TPLC_EXPOSURE_SEGMENTED);
	assert_int_equal(tplc_exposure_parse(&e, "air-gapped", &err), 0);
	assert_string_equal(tplc_exposure_name(e), "isolated");
	assert_int_equal(tplc_exposure_parse(&e, "moon", &err), TPLC_EPARSE);
	assert_non_null(strstr(err.message, "moon: not an exposure"));

	assert_int_equal(
	        tplc_controls_parse(&c, " Firewall; IDS | backup,", &err), 0);
	assert_int_equal(c, TPLC_CONTROL_FIREWALL | TPLC_CONTROL_MONITORING |
	                            TPLC_CONTROL_BACKUP);
	assert_string_equal(tplc_controls_format(c, buf, sizeof(buf)),
	                    "monitoring,firewall,backup");
	assert_int_equal(tplc_controls_parse(&c, "", &err), 0);
	assert_int_equal(c, 0);
	assert_int_equal(tplc_controls_parse(&c, "firewall,prayer", &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "prayer: not a compensating"));

	assert_int_equal(tplc_requirement_parse(&r, "high", &err), 0);
	assert_int_equal(r, 'H');
	assert_int_equal(tplc_requirement_parse(&r, "X", &err), TPLC_EPARSE);
}

/* The environment's vector, checked against a fresh score of itself. */
static struct tplc_env_result env_of(const char *vector,
                                     const struct tplc_environment *env)
{
	struct tplc_env_result out;
	struct tplc_cvss_scores again;
	struct tplc_error err;

	if (tplc_cvss_environment(&out, vector, env, &err) != 0)
		fail_msg("%s: %s", vector, err.message);
	assert_int_equal(tplc_cvss_score(&again, out.vector, &err), 0);
	assert_true(same(again.score, out.scores.score));
	return out;
}

static void test_environment__vectors(void **state)
{
	struct tplc_environment env = { 0 };
	struct tplc_env_result r;
	struct tplc_error err;

	(void)state;
	/* nothing known: the vector as given */
	r = env_of(V31, &env);
	assert_string_equal(r.vector, V31);
	assert_int_equal(r.changes, 0);
	assert_true(same(r.scores.score, 9.8));

	/* therapy: IR and AR high; isolated: local access only */
	env.clinical_function = "therapy";
	env.exposure = TPLC_EXPOSURE_ISOLATED;
	r = env_of(V31, &env);
	assert_string_equal(r.vector, V31 "/CR:M/IR:H/AR:H/MAV:L");
	assert_int_equal(r.changes, 4);
	assert_string_equal(r.change[3].metric, "MAV");
	assert_true(same(r.scores.score, 8.4));

	/* the hospital's requirements win; segmented plus firewall */
	env.cr = 'L';
	env.exposure = TPLC_EXPOSURE_SEGMENTED;
	env.controls = TPLC_CONTROL_FIREWALL;
	r = env_of(V31, &env);
	assert_string_equal(r.vector, V31 "/CR:L/IR:H/AR:H/MAV:A/MAC:H");
	assert_string_equal(r.change[0].why, "set by the hospital");

	/* metrics the vector already has are kept */
	r = env_of(V31 "/MAV:P", &env);
	assert_null(strstr(r.vector, "MAV:A"));

	/* v4: the same metrics exist */
	r = env_of(V40, &env);
	assert_string_equal(r.vector, V40 "/CR:L/IR:H/AR:H/MAV:A/MAC:H");

	/* v2: requirements only, parentheses dropped */
	r = env_of("(" V2 ")", &env);
	assert_string_equal(r.vector, V2 "/CR:L/IR:H/AR:H");

	/* physical access control on a physical attack */
	env.controls = TPLC_CONTROL_PHYSICAL;
	env.exposure = TPLC_EXPOSURE_UNKNOWN;
	r = env_of("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", &env);
	assert_non_null(strstr(r.vector, "/MAC:H"));

	assert_int_equal(tplc_cvss_environment(&r, "CVSS:3.1/AV:Q", &env, &err),
	                 TPLC_EPARSE);
}

static struct tplc_priority_input input(void)
{
	struct tplc_priority_input in;

	memset(&in, 0, sizeof(in));
	in.epss = in.epss_percentile = -1;
	in.cvss_score = -1;
	return in;
}

static void test_priority__points(void **state)
{
	struct tplc_priority_input in = input();
	struct tplc_priority p;

	(void)state;
	/* nothing known at all: medium CVSS, middle function, network */
	tplc_priority_compute(&p, &in);
	assert_true(same(points(&p, "exploitation"), 0));
	assert_true(same(points(&p, "severity"), 12.5));
	assert_true(same(points(&p, "clinical"), 10));
	assert_true(same(points(&p, "exposure"), 10));
	assert_true(same(points(&p, "lifecycle"), 0));
	assert_true(same(p.score, 32.5));
	assert_string_equal(p.band, "scheduled");
	assert_true(p.cvss < 0);

	/* KEV with ransomware, 9.8, therapy, internet, End of Support */
	in.kev = true;
	in.kev_ransomware = "Known";
	in.cvss_vector = V31;
	in.cvss_score = 9.8;
	in.env.clinical_function = "therapy";
	in.env.exposure = TPLC_EXPOSURE_INTERNET;
	in.lifecycle = TPLC_LIFECYCLE_END_OF_SUPPORT;
	tplc_priority_compute(&p, &in);
	assert_true(same(points(&p, "exploitation"), 35));
	assert_true(same(p.cvss, 9.8));
	assert_string_equal(p.cvss_from, "advisory");
	assert_true(same(points(&p, "severity"), 24.5));
	assert_true(same(points(&p, "clinical"), 20));
	assert_true(same(points(&p, "exposure"), 15));
	assert_true(same(points(&p, "lifecycle"), 5));
	assert_true(same(p.score, 99.5));
	assert_string_equal(p.band, "immediate");

	/* a VEX closing it takes everything off */
	in.vex_closed = true;
	tplc_priority_compute(&p, &in);
	assert_true(same(p.score, 0));
	assert_string_equal(p.band, "defer");
	in.vex_closed = false;

	/* the rubric's vector is scored instead of the advisory's */
	in.rubric_vector = "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H";
	tplc_priority_compute(&p, &in);
	assert_string_equal(p.cvss_from, "rubric");
	assert_non_null(strstr(p.env.vector, "AV:A/AC:H"));

	/* a vector that does not parse: the advisory's score stands in */
	in.rubric_vector = NULL;
	in.cvss_vector = "CVSS:3.1/AV:Q";
	tplc_priority_compute(&p, &in);
	assert_string_equal(p.cvss_from, "advisory score");
	assert_true(same(points(&p, "severity"), 24.5));
	assert_non_null(strstr(p.reason[1].text, "does not parse"));
}

static void test_priority__epss_and_exposure(void **state)
{
	struct tplc_priority_input in = input();
	struct tplc_priority p;

	(void)state;
	in.epss = 0.5;
	in.epss_percentile = 0.97;
	in.cvss_vector = "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H";
	in.env.exposure = TPLC_EXPOSURE_INTERNET;
	in.env.controls = TPLC_CONTROL_FIREWALL | TPLC_CONTROL_REMOVABLE_MEDIA;
	tplc_priority_compute(&p, &in);
	assert_true(same(points(&p, "exploitation"), 12.5));
	assert_non_null(strstr(p.reason[0].text, "percentile 97.0"));
	/* a local attack: exposure capped, only at-device controls count */
	assert_true(same(points(&p, "exposure"), 1));
	assert_non_null(strstr(p.reason[3].text, "removable-media"));

	in.cvss_vector = V31;
	tplc_priority_compute(&p, &in);
	/* firewall: MAC:H on the vector, and 2 points off reachability */
	assert_non_null(strstr(p.env.vector, "/MAC:H"));
	assert_true(same(points(&p, "exposure"), 13));
}

/* The case the issue names: a KEV on an infusion pump outranks a higher
 * CVSS on an isolated workstation. */
static void test_priority__pump_before_workstation(void **state)
{
	struct tplc_priority_input pump = input(), ws = input();
	struct tplc_priority a, b;

	(void)state;
	pump.kev = true;
	pump.cvss_vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";
	pump.env.clinical_function = "therapy";
	pump.env.exposure = TPLC_EXPOSURE_NETWORK;
	ws.epss = 0.02;
	ws.cvss_vector = V31;
	ws.env.clinical_function = "workflow";
	ws.env.exposure = TPLC_EXPOSURE_ISOLATED;
	tplc_priority_compute(&a, &pump);
	tplc_priority_compute(&b, &ws);
	assert_true(a.score > b.score);
	assert_true(b.cvss > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_environment__parse),
		cmocka_unit_test(test_environment__vectors),
		cmocka_unit_test(test_priority__points),
		cmocka_unit_test(test_priority__epss_and_exposure),
		cmocka_unit_test(test_priority__pump_before_workstation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

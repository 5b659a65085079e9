/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The priority of one finding on one device: points from five inputs,
 * each kept as a reason so the result can explain itself.
 *
 *   exploitation  0-35  KEV 30, +5 when used in ransomware; else 25 x EPSS
 *   severity      0-25  2.5 x the CVSS score on this device (rubric
 *                       vector where answered, environment applied)
 *   clinical      0-20  therapy 20, diagnosis and monitoring 12,
 *                       workflow 6, data 4
 *   exposure      0-15  internet 15, network 10, segmented 5, isolated 1,
 *                       standalone 0; controls take some off; little
 *                       when the attack needs local or physical access
 *   lifecycle     0-5   End of Support 5, Limited Support 2.5
 *
 * Known exploitation outweighs any EPSS probability, and a therapy device
 * outweighs a workstation by more than the CVSS spread between a high and
 * a critical score: a KEV on an infusion pump comes before a critical
 * CVSS on an isolated workstation.  docs/internals/risk.md has the why.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tplc/priority.h"

#define KEV_POINTS        30.0
#define RANSOMWARE_POINTS 5.0
#define EPSS_POINTS       25.0
#define CVSS_WEIGHT       2.5
#define UNSCORED_CVSS     5.0 /* a vulnerability nobody scored: medium */

static const struct {
	const char *function;
	double points;
	const char *why;
} clinical[] = {
	{ "therapy", 20, "therapy delivery: an attack can harm the patient" },
	{ "diagnosis", 12, "diagnosis: an attack can mislead a clinician" },
	{ "monitoring", 12,
	  "monitoring: an attack can hide a patient's state" },
	{ "workflow", 6, "clinical workflow: an attack delays care" },
	{ "data", 4, "patient data: an attack exposes or corrupts records" },
};
#define CLINICAL_UNKNOWN 10.0

static const double exposure_points[] = {
	[TPLC_EXPOSURE_UNKNOWN] = 10, [TPLC_EXPOSURE_INTERNET] = 15,
	[TPLC_EXPOSURE_NETWORK] = 10, [TPLC_EXPOSURE_SEGMENTED] = 5,
	[TPLC_EXPOSURE_ISOLATED] = 1, [TPLC_EXPOSURE_STANDALONE] = 0,
};
static const char *const exposure_text[] = {
	[TPLC_EXPOSURE_UNKNOWN] = ("exposure not recorded: taken as on the "
	                           "hospital network"),
	[TPLC_EXPOSURE_INTERNET] = "reachable from the internet",
	[TPLC_EXPOSURE_NETWORK] = "on the routed hospital network",
	[TPLC_EXPOSURE_SEGMENTED] = "on its own filtered network segment",
	[TPLC_EXPOSURE_ISOLATED] = "isolated: no network path in",
	[TPLC_EXPOSURE_STANDALONE] = "not networked",
};

/* Reachability matters little when the attacker must be at the device. */
#define LOCAL_EXPOSURE_MAX 2.0

static double round1(double x)
{
	return floor(x * 10 + 0.5) / 10;
}

static struct tplc_priority_reason *reason(struct tplc_priority *out,
                                           const char *factor, double points)
{
	struct tplc_priority_reason *r = &out->reason[out->reasons++];

	r->factor = factor;
	r->points = round1(points);
	out->score += r->points;
	return r;
}

static void exploitation(struct tplc_priority *out,
                         const struct tplc_priority_input *in)
{
	struct tplc_priority_reason *r;

	if (in->kev) {
		bool ransomware = in->kev_ransomware &&
		                  strcmp(in->kev_ransomware, "Known") == 0;
		r = reason(out, "exploitation",
		           KEV_POINTS + (ransomware ? RANSOMWARE_POINTS : 0));
		snprintf(r->text, sizeof(r->text),
		         "in CISA KEV: exploited in the wild%s",
		         ransomware ? ", and used in ransomware campaigns"
		                    : "");
		return;
	}
	if (in->epss < 0) {
		r = reason(out, "exploitation", 0);
		snprintf(r->text, sizeof(r->text),
		         "not in CISA KEV, no EPSS score");
		return;
	}
	r = reason(out, "exploitation", EPSS_POINTS * in->epss);
	if (in->epss_percentile >= 0)
		snprintf(r->text, sizeof(r->text),
		         "not in CISA KEV; EPSS %.3f (percentile %.1f): "
		         "chance of exploitation in the next 30 days",
		         in->epss, in->epss_percentile * 100);
	else
		snprintf(r->text, sizeof(r->text),
		         "not in CISA KEV; EPSS %.3f: chance of exploitation "
		         "in the next 30 days",
		         in->epss);
}

/* The vector to score: the rubric's where answered, else the advisory's.
 * Returns its attack vector ('N', 'A', 'L', 'P'), or 0 when unknown. */
static char severity(struct tplc_priority *out,
                     const struct tplc_priority_input *in)
{
	const char *vector =
	        in->rubric_vector ? in->rubric_vector : in->cvss_vector;
	struct tplc_priority_reason *r;
	struct tplc_error err;
	const char *av;

	out->cvss = -1;
	if (vector &&
	    tplc_cvss_environment(&out->env, vector, &in->env, &err) == 0) {
		out->cvss = out->env.scores.score;
		out->cvss_from = in->rubric_vector ? "rubric" : "advisory";
		r = reason(out, "severity", CVSS_WEIGHT * out->cvss);
		snprintf(r->text, sizeof(r->text),
		         "CVSS %.1f on this device (%s vector, base %.1f, "
		         "%zu environmental metric%s)",
		         out->cvss, out->cvss_from, out->env.scores.base,
		         out->env.changes, out->env.changes == 1 ? "" : "s");
		av = strstr(out->env.vector, "MAV:");
		if (!av)
			av = strstr(out->env.vector, "AV:");
		return av ? av[strcspn(av, ":") + 1] : 0;
	}
	out->env.vector[0] = '\0';
	if (in->cvss_score >= 0) {
		out->cvss = in->cvss_score;
		out->cvss_from = "advisory score";
		r = reason(out, "severity", CVSS_WEIGHT * out->cvss);
		snprintf(r->text, sizeof(r->text),
		         "CVSS %.1f as the advisory gives it%s", out->cvss,
		         vector ? " (its vector does not parse)" : "");
		return 0;
	}
	r = reason(out, "severity", CVSS_WEIGHT * UNSCORED_CVSS);
	snprintf(r->text, sizeof(r->text),
	         "no CVSS score: taken as %.1f, a medium severity",
	         UNSCORED_CVSS);
	return 0;
}

static void clinical_function(struct tplc_priority *out,
                              const struct tplc_environment *env)
{
	struct tplc_priority_reason *r;

	for (size_t i = 0; env->clinical_function &&
	                   i < sizeof(clinical) / sizeof(clinical[0]);
	     i++)
		if (strcmp(env->clinical_function, clinical[i].function) == 0) {
			r = reason(out, "clinical", clinical[i].points);
			snprintf(r->text, sizeof(r->text), "%s",
			         clinical[i].why);
			return;
		}
	r = reason(out, "clinical", CLINICAL_UNKNOWN);
	snprintf(r->text, sizeof(r->text),
	         "clinical function not recorded: taken as diagnosis or "
	         "monitoring, less than therapy");
}

static void exposure(struct tplc_priority *out,
                     const struct tplc_environment *env, char av)
{
	struct tplc_priority_reason *r;
	bool local = av == 'L' || av == 'P';
	double points = exposure_points[env->exposure];
	unsigned net = env->controls &
	               (TPLC_CONTROL_FIREWALL | TPLC_CONTROL_NO_REMOTE |
	                TPLC_CONTROL_MONITORING);
	unsigned at_device = env->controls & (TPLC_CONTROL_PHYSICAL |
	                                      TPLC_CONTROL_REMOVABLE_MEDIA);
	unsigned counted = local ? at_device : net;
	char names[128];
	size_t n;

	if (local && points > LOCAL_EXPOSURE_MAX)
		points = LOCAL_EXPOSURE_MAX;
	/* each control that stands in the attack's way takes some off */
	for (unsigned b = counted; b != 0; b &= b - 1)
		points -= local ? 1.0 : 2.0;
	if (points < 0)
		points = 0;
	r = reason(out, "exposure", points);
	n = (size_t)snprintf(r->text, sizeof(r->text), "%s%s",
	                     exposure_text[env->exposure],
	                     local ? "; the attack needs local or physical "
	                             "access"
	                           : "");
	if (counted && n < sizeof(r->text))
		snprintf(r->text + n, sizeof(r->text) - n, "; controls: %s",
		         tplc_controls_format(counted, names, sizeof(names)));
}

static void lifecycle(struct tplc_priority *out, enum tplc_lifecycle stage)
{
	struct tplc_priority_reason *r;

	switch (stage) {
	case TPLC_LIFECYCLE_END_OF_SUPPORT:
		r = reason(out, "lifecycle", 5);
		snprintf(r->text, sizeof(r->text),
		         "End of Support: no patch will come, only "
		         "compensating controls");
		break;
	case TPLC_LIFECYCLE_LIMITED:
		r = reason(out, "lifecycle", 2.5);
		snprintf(r->text, sizeof(r->text),
		         "Limited Support (past end of life): patches may "
		         "not come");
		break;
	case TPLC_LIFECYCLE_SUPPORT:
	case TPLC_LIFECYCLE_DEVELOPMENT:
		r = reason(out, "lifecycle", 0);
		snprintf(r->text, sizeof(r->text),
		         "supported: the manufacturer still patches it");
		break;
	default:
		r = reason(out, "lifecycle", 0);
		snprintf(r->text, sizeof(r->text),
		         "lifecycle unknown: no milestone and no component "
		         "support level known");
	}
}

static const char *band(double score)
{
	if (score >= 70)
		return "immediate";
	if (score >= 50)
		return "out-of-cycle";
	if (score >= 30)
		return "scheduled";
	return "defer";
}

void tplc_priority_compute(struct tplc_priority *out,
                           const struct tplc_priority_input *in)
{
	char av;

	memset(out, 0, sizeof(*out));
	exploitation(out, in);
	av = severity(out, in);
	clinical_function(out, &in->env);
	exposure(out, &in->env, av);
	lifecycle(out, in->lifecycle);
	if (in->vex_closed) {
		struct tplc_priority_reason *r =
		        reason(out, "vex", -out->score);
		snprintf(r->text, sizeof(r->text),
		         "a VEX statement says it is not affected or fixed");
	}
	out->score = round1(out->score);
	if (out->score < 0)
		out->score = 0;
	out->band = band(out->score);
}

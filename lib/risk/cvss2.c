/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVSS v2 (FIRST "A Complete Guide to the CVSS Version 2.0", section 3.2):
 * base, temporal and environmental equations, each rounded to one
 * decimal.
 */

#include <math.h>

#include "risk/cvss.h"

enum {
	V2_AV,
	V2_AC,
	V2_AU,
	V2_C,
	V2_I,
	V2_A,
	V2_E,
	V2_RL,
	V2_RC,
	V2_CDP,
	V2_TD,
	V2_CR,
	V2_IR,
	V2_AR,
	V2_COUNT
};

#define CIA                   \
	{                     \
		"N", "P", "C" \
	}
#define REQ                         \
	{                           \
		"L", "M", "H", "ND" \
	}

static const struct tplc_cvss__metric cvss2_table[V2_COUNT] = {
	[V2_AV] = { "AV", { "L", "A", "N" }, true },
	[V2_AC] = { "AC", { "H", "M", "L" }, true },
	[V2_AU] = { "Au", { "M", "S", "N" }, true },
	[V2_C] = { "C", CIA, true },
	[V2_I] = { "I", CIA, true },
	[V2_A] = { "A", CIA, true },
	[V2_E] = { "E", { "U", "POC", "F", "H", "ND" }, false },
	[V2_RL] = { "RL", { "OF", "TF", "W", "U", "ND" }, false },
	[V2_RC] = { "RC", { "UC", "UR", "C", "ND" }, false },
	[V2_CDP] = { "CDP", { "N", "L", "LM", "MH", "H", "ND" }, false },
	[V2_TD] = { "TD", { "N", "L", "M", "H", "ND" }, false },
	[V2_CR] = { "CR", REQ, false },
	[V2_IR] = { "IR", REQ, false },
	[V2_AR] = { "AR", REQ, false },
};

/* Weights in the order of the values above. */
static const double w_av[] = { 0.395, 0.646, 1.0 };
static const double w_ac[] = { 0.35, 0.61, 0.71 };
static const double w_au[] = { 0.45, 0.56, 0.704 };
static const double w_cia[] = { 0, 0.275, 0.660 };
static const double w_e[] = { 0.85, 0.9, 0.95, 1, 1 };
static const double w_rl[] = { 0.87, 0.90, 0.95, 1, 1 };
static const double w_rc[] = { 0.90, 0.95, 1, 1 };
static const double w_cdp[] = { 0, 0.1, 0.3, 0.4, 0.5, 0 };
static const double w_td[] = { 0, 0.25, 0.75, 1, 1 };
static const double w_req[] = { 0.5, 1, 1.51, 1 };

/* Round half up to one decimal; the tolerance absorbs floating point
 * error (6.45 computed as 6.4499999 is 6.5 in the guide's arithmetic). */
static double round1(double x)
{
	return floor(x * 10.0 + 0.5 + 1e-9) / 10.0;
}

/* The absent metric is ND, the last value of each temporal and
 * environmental metric. */
static int opt(const int *v, int m, int nd)
{
	return v[m] < 0 ? nd : v[m];
}

static double base_eq(const int *v, double impact)
{
	double expl = 20 * w_av[v[V2_AV]] * w_ac[v[V2_AC]] * w_au[v[V2_AU]];

	return round1((0.6 * impact + 0.4 * expl - 1.5) *
	              (impact == 0 ? 0 : 1.176));
}

static const char *severity2(double score)
{
	return score < 4.0 ? "Low" : score < 7.0 ? "Medium" : "High";
}

int tplc_cvss__score2(struct tplc_cvss_scores *out, const char *vector,
                      struct tplc_error *err)
{
	int v[V2_COUNT];
	double impact, tmul, aimpact, atemp, env;
	bool has_t = false, has_e = false;
	int rc;

	rc = tplc_cvss__metrics(v, vector, cvss2_table, V2_COUNT, err);
	if (rc < 0)
		return rc;
	out->version = TPLC_CVSS_V2;
	impact = 10.41 * (1 - (1 - w_cia[v[V2_C]]) * (1 - w_cia[v[V2_I]]) *
	                              (1 - w_cia[v[V2_A]]));
	out->base = base_eq(v, impact);
	tmul = w_e[opt(v, V2_E, 4)] * w_rl[opt(v, V2_RL, 4)] *
	       w_rc[opt(v, V2_RC, 3)];

	aimpact = fmin(
	        10,
	        10.41 * (1 - (1 - w_cia[v[V2_C]] * w_req[opt(v, V2_CR, 3)]) *
	                             (1 - w_cia[v[V2_I]] *
	                                          w_req[opt(v, V2_IR, 3)]) *
	                             (1 - w_cia[v[V2_A]] *
	                                          w_req[opt(v, V2_AR, 3)])));
	atemp = round1(base_eq(v, aimpact) * tmul);
	env = round1((atemp + (10 - atemp) * w_cdp[opt(v, V2_CDP, 5)]) *
	             w_td[opt(v, V2_TD, 4)]);

	for (int m = V2_E; m <= V2_RC; m++)
		has_t |= v[m] >= 0;
	for (int m = V2_CDP; m < V2_COUNT; m++)
		has_e |= v[m] >= 0;
	out->temporal = has_t ? round1(out->base * tmul) : -1;
	out->environmental = has_e ? env : -1;
	out->score = has_e ? env : has_t ? out->temporal : out->base;
	out->severity = severity2(out->score);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVSS v3.0 and v3.1 (FIRST specification, section 7 and appendix A).  The
 * versions differ in Roundup (3.1 rounds on an integer to absorb floating
 * point error) and in the modified impact of a changed scope.
 */

#include <math.h>

#include "risk/cvss.h"

enum {
	V3_AV,
	V3_AC,
	V3_PR,
	V3_UI,
	V3_S,
	V3_C,
	V3_I,
	V3_A,
	V3_E,
	V3_RL,
	V3_RC,
	V3_CR,
	V3_IR,
	V3_AR,
	V3_MAV,
	V3_MAC,
	V3_MPR,
	V3_MUI,
	V3_MS,
	V3_MC,
	V3_MI,
	V3_MA,
	V3_COUNT
};

#define CIA                   \
	{                     \
		"H", "L", "N" \
	}
#define MCIA                       \
	{                          \
		"X", "H", "L", "N" \
	}
#define REQ                        \
	{                          \
		"X", "H", "M", "L" \
	}

static const struct tplc_cvss__metric cvss3_table[V3_COUNT] = {
	[V3_AV] = { "AV", { "N", "A", "L", "P" }, true },
	[V3_AC] = { "AC", { "L", "H" }, true },
	[V3_PR] = { "PR", { "N", "L", "H" }, true },
	[V3_UI] = { "UI", { "N", "R" }, true },
	[V3_S] = { "S", { "U", "C" }, true },
	[V3_C] = { "C", CIA, true },
	[V3_I] = { "I", CIA, true },
	[V3_A] = { "A", CIA, true },
	[V3_E] = { "E", { "X", "H", "F", "P", "U" }, false },
	[V3_RL] = { "RL", { "X", "U", "W", "T", "O" }, false },
	[V3_RC] = { "RC", { "X", "C", "R", "U" }, false },
	[V3_CR] = { "CR", REQ, false },
	[V3_IR] = { "IR", REQ, false },
	[V3_AR] = { "AR", REQ, false },
	[V3_MAV] = { "MAV", { "X", "N", "A", "L", "P" }, false },
	[V3_MAC] = { "MAC", { "X", "L", "H" }, false },
	[V3_MPR] = { "MPR", { "X", "N", "L", "H" }, false },
	[V3_MUI] = { "MUI", { "X", "N", "R" }, false },
	[V3_MS] = { "MS", { "X", "U", "C" }, false },
	[V3_MC] = { "MC", MCIA, false },
	[V3_MI] = { "MI", MCIA, false },
	[V3_MA] = { "MA", MCIA, false },
};

/* Weights in the order of the values above. */
static const double w_av[] = { 0.85, 0.62, 0.55, 0.2 };
static const double w_ac[] = { 0.77, 0.44 };
static const double w_pr[] = { 0.85, 0.62, 0.27 };
static const double w_pr_changed[] = { 0.85, 0.68, 0.5 };
static const double w_ui[] = { 0.85, 0.62 };
static const double w_cia[] = { 0.56, 0.22, 0 };
static const double w_e[] = { 1, 1, 0.97, 0.94, 0.91 };
static const double w_rl[] = { 1, 1, 0.97, 0.96, 0.95 };
static const double w_rc[] = { 1, 1, 0.96, 0.92 };
static const double w_req[] = { 1, 1.5, 1, 0.5 };

/* 3.1 appendix A: round on an integer so 4.000000001 stays 4.0. */
static double roundup31(double x)
{
	long long i = llround(x * 100000.0);

	if (i % 10000 == 0)
		return (double)i / 100000.0;
	return (floor((double)i / 10000.0) + 1.0) / 10.0;
}

/* 3.0: smallest tenth not below x; the tolerance absorbs the floating
 * point error that exact decimal arithmetic does not have. */
static double roundup30(double x)
{
	return ceil(x * 10.0 - 1e-9) / 10.0;
}

/* A modified metric: its own value, or the base one when X or absent.
 * Modified values are the base values with "X" in front. */
static int modified(const int *v, int mod, int base)
{
	return v[mod] > 0 ? v[mod] - 1 : v[base];
}

static int opt(const int *v, int m)
{
	return v[m] < 0 ? 0 : v[m];
}

int tplc_cvss__score3(struct tplc_cvss_scores *out, const char *vector,
                      bool v31, struct tplc_error *err)
{
	int v[V3_COUNT];
	double (*roundup)(double) = v31 ? roundup31 : roundup30;
	double isc, impact, expl, base, tmul, misc, mimpact, mexpl, env;
	bool changed, mchanged, has_t = false, has_e = false;
	int rc;

	rc = tplc_cvss__metrics(v, vector, cvss3_table, V3_COUNT, err);
	if (rc < 0)
		return rc;
	out->version = v31 ? TPLC_CVSS_V31 : TPLC_CVSS_V30;

	changed = v[V3_S] == 1;
	isc = 1.0 - (1.0 - w_cia[v[V3_C]]) * (1.0 - w_cia[v[V3_I]]) *
	                    (1.0 - w_cia[v[V3_A]]);
	impact = changed ? 7.52 * (isc - 0.029) - 3.25 * pow(isc - 0.02, 15)
	                 : 6.42 * isc;
	expl = 8.22 * w_av[v[V3_AV]] * w_ac[v[V3_AC]] *
	       (changed ? w_pr_changed : w_pr)[v[V3_PR]] * w_ui[v[V3_UI]];
	if (impact <= 0)
		base = 0;
	else if (changed)
		base = roundup(fmin(1.08 * (impact + expl), 10));
	else
		base = roundup(fmin(impact + expl, 10));

	tmul = w_e[opt(v, V3_E)] * w_rl[opt(v, V3_RL)] * w_rc[opt(v, V3_RC)];

	mchanged = modified(v, V3_MS, V3_S) == 1;
	misc = fmin(1.0 - (1.0 - w_cia[modified(v, V3_MC, V3_C)] *
	                                 w_req[opt(v, V3_CR)]) *
	                            (1.0 - w_cia[modified(v, V3_MI, V3_I)] *
	                                           w_req[opt(v, V3_IR)]) *
	                            (1.0 - w_cia[modified(v, V3_MA, V3_A)] *
	                                           w_req[opt(v, V3_AR)]),
	            0.915);
	if (!mchanged)
		mimpact = 6.42 * misc;
	else if (v31)
		mimpact = 7.52 * (misc - 0.029) -
		          3.25 * pow(misc * 0.9731 - 0.02, 13);
	else
		mimpact = 7.52 * (misc - 0.029) - 3.25 * pow(misc - 0.02, 15);
	mexpl = 8.22 * w_av[modified(v, V3_MAV, V3_AV)] *
	        w_ac[modified(v, V3_MAC, V3_AC)] *
	        (mchanged ? w_pr_changed : w_pr)[modified(v, V3_MPR, V3_PR)] *
	        w_ui[modified(v, V3_MUI, V3_UI)];
	if (mimpact <= 0)
		env = 0;
	else if (mchanged)
		env = roundup(roundup(fmin(1.08 * (mimpact + mexpl), 10)) *
		              tmul);
	else
		env = roundup(roundup(fmin(mimpact + mexpl, 10)) * tmul);

	for (int m = V3_E; m <= V3_RC; m++)
		has_t |= v[m] >= 0;
	for (int m = V3_CR; m < V3_COUNT; m++)
		has_e |= v[m] >= 0;
	out->base = base;
	out->temporal = has_t ? roundup(base * tmul) : -1;
	out->environmental = has_e ? env : -1;
	out->score = has_e ? env : has_t ? out->temporal : base;
	out->severity = tplc_cvss__severity3(out->score);
	return 0;
}

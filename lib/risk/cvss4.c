/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CVSS v4.0 (FIRST specification and its reference calculator): the
 * metrics are folded into a macro vector of six equivalence classes
 * (EQ1-EQ6), its score looked up, and lowered by the vector's mean
 * severity distance from the class's highest-severity vectors.
 */

#include <math.h>
#include <string.h>

#include "risk/cvss.h"

#define PREFIX     "CVSS:4.0/"
#define PREFIX_LEN (sizeof(PREFIX) - 1)
/* Float noise allowance before rounding (the reference calculator's). */
#define EPSILON 1e-6

/* The vector string order; base metrics first (required). */
/* clang-format off */
enum {
	AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, /* base */
	E,                                          /* threat */
	CR, IR, AR, MAV, MAC, MAT, MPR, MUI, MVC, MVI, MVA, MSC, MSI, MSA,
	S, AU, R, V, RE, U, /* supplemental: not scored */
	METRICS
};
/* clang-format on */

#define OPT(k, ...)                                  \
	{                                            \
		k, { "X", __VA_ARGS__, NULL }, false \
	}
#define BASE(k, ...)                           \
	{                                      \
		k, { __VA_ARGS__, NULL }, true \
	}

static const struct tplc_cvss__metric cvss4_metrics[METRICS] = {
	BASE("AV", "N", "A", "L", "P"),
	BASE("AC", "L", "H"),
	BASE("AT", "N", "P"),
	BASE("PR", "N", "L", "H"),
	BASE("UI", "N", "P", "A"),
	BASE("VC", "H", "L", "N"),
	BASE("VI", "H", "L", "N"),
	BASE("VA", "H", "L", "N"),
	BASE("SC", "H", "L", "N"),
	BASE("SI", "H", "L", "N"),
	BASE("SA", "H", "L", "N"),
	OPT("E", "A", "P", "U"),
	OPT("CR", "H", "M", "L"),
	OPT("IR", "H", "M", "L"),
	OPT("AR", "H", "M", "L"),
	OPT("MAV", "N", "A", "L", "P"),
	OPT("MAC", "L", "H"),
	OPT("MAT", "N", "P"),
	OPT("MPR", "N", "L", "H"),
	OPT("MUI", "N", "P", "A"),
	OPT("MVC", "H", "L", "N"),
	OPT("MVI", "H", "L", "N"),
	OPT("MVA", "H", "L", "N"),
	OPT("MSC", "H", "L", "N"),
	OPT("MSI", "S", "H", "L", "N"), /* S: safety impact */
	OPT("MSA", "S", "H", "L", "N"),
	OPT("S", "N", "P"),
	OPT("AU", "N", "Y"),
	OPT("R", "A", "U", "I"),
	OPT("V", "D", "C"),
	OPT("RE", "L", "M", "H"),
	OPT("U", "Clear", "Green", "Amber", "Red"),
};

/*
 * Score of each macro vector, in order of EQ1 (0-2), EQ2 (0-1), EQ3
 * (0-2), EQ4 (0-2), EQ5 (0-2), EQ6 (0-1); EQ3=2 exists only with EQ6=1,
 * so a (EQ1, EQ2) block holds 18 + 18 + 9 = 45 entries, 270 in all.
 * From the specification's cvss_lookup data.
 */
/* clang-format off */
static const double cvss4_lookup[270] = {
	/* 000 */
	10.0, 9.9, 9.8, 9.5, 9.5, 9.2, 10.0, 9.6, 9.3,
	8.7, 9.1, 8.1, 9.3, 9.0, 8.9, 8.0, 8.1, 6.8,
	/* 001 */
	9.8, 9.5, 9.5, 9.2, 9.0, 8.4, 9.3, 9.2, 8.9,
	8.1, 8.1, 6.5, 8.8, 8.0, 7.8, 7.0, 6.9, 4.8,
	/* 002 */
	9.2, 8.2, 7.2, 7.9, 6.9, 5.0, 6.9, 5.5, 2.7,
	/* 010 */
	9.9, 9.7, 9.5, 9.2, 9.2, 8.5, 9.5, 9.1, 9.0,
	8.3, 8.4, 7.1, 9.2, 8.1, 8.2, 7.1, 7.2, 5.3,
	/* 011 */
	9.5, 9.3, 9.2, 8.5, 8.5, 7.3, 9.2, 8.2, 8.0,
	7.2, 7.0, 5.9, 8.4, 7.0, 7.1, 5.2, 5.0, 3.0,
	/* 012 */
	8.6, 7.5, 5.2, 7.1, 5.2, 2.9, 6.3, 2.9, 1.7,
	/* 100 */
	9.8, 9.5, 9.4, 8.7, 9.1, 8.1, 9.4, 8.9, 8.6,
	7.4, 7.7, 6.4, 8.7, 7.5, 7.4, 6.3, 6.3, 4.9,
	/* 101 */
	9.4, 8.9, 8.8, 7.7, 7.6, 6.7, 8.6, 7.6, 7.4,
	5.8, 5.9, 5.0, 7.2, 5.7, 5.7, 5.2, 5.2, 2.5,
	/* 102 */
	8.3, 7.0, 5.4, 6.5, 5.8, 2.6, 5.3, 2.1, 1.3,
	/* 110 */
	9.5, 9.0, 8.8, 7.6, 7.6, 7.0, 9.0, 7.7, 7.5,
	6.2, 6.1, 5.3, 7.7, 6.6, 6.8, 5.9, 5.2, 3.0,
	/* 111 */
	8.9, 7.8, 7.6, 6.7, 6.2, 5.8, 7.4, 5.9, 5.7,
	5.7, 4.7, 2.3, 6.1, 5.2, 5.7, 2.9, 2.4, 1.6,
	/* 112 */
	7.1, 5.9, 3.0, 5.8, 2.6, 1.5, 2.3, 1.3, 0.6,
	/* 200 */
	9.3, 8.7, 8.6, 7.2, 7.5, 5.8, 8.6, 7.4, 7.4,
	6.1, 5.6, 3.4, 7.0, 5.4, 5.2, 4.0, 4.0, 2.2,
	/* 201 */
	8.5, 7.5, 7.4, 5.5, 6.2, 5.1, 7.2, 5.7, 5.5,
	4.1, 4.6, 1.9, 5.3, 3.6, 3.4, 1.9, 1.9, 0.8,
	/* 202 */
	6.4, 5.1, 2.0, 4.7, 2.1, 1.1, 2.4, 0.9, 0.4,
	/* 210 */
	8.8, 7.5, 7.3, 5.3, 6.0, 5.0, 7.3, 5.5, 5.9,
	4.0, 4.1, 2.0, 5.4, 4.3, 4.5, 2.2, 2.0, 1.1,
	/* 211 */
	7.5, 5.5, 5.8, 4.5, 4.0, 2.1, 6.1, 5.1, 4.8,
	1.8, 2.0, 0.9, 4.6, 1.8, 1.7, 0.7, 0.8, 0.2,
	/* 212 */
	5.3, 2.4, 1.4, 2.4, 1.2, 0.5, 1.0, 0.3, 0.1,
};
/* clang-format on */

/* The scored metrics, effective values (first letter) after modified
 * metrics replace base ones and "not defined" takes its default. */
struct cvss4 {
	char av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

/* Highest-severity vectors of each class (EQ5 has no distance). */
static const char *const eq1_max[3][3] = {
	{ "NNN" }, { "ANN", "NLN", "NNP" }, { "PNN", "ALP" } /* AV PR UI */
};
static const char *const eq2_max[2][2] = { { "LN" }, { "HN", "LP" } };
/* [EQ3][EQ6]: VC VI VA CR IR AR */
static const char *const eq36_max[3][2][5] = {
	{ { "HHHHHH" }, { "HHLMMH", "HHHMMM" } },
	{ { "LHHHHH", "HLHHHH" },
	  { "LHLHMH", "LHHHMM", "HLHMHM", "HLLMHH", "LLHHHM" } },
	{ { NULL }, { "LLLHHH" } },
};
static const char *const eq4_max[3] = { "HSS", "HHH", "LLL" }; /* SC SI SA */

/* Depth of each class, in steps of 0.1. */
static const int eq1_depth[3] = { 1, 4, 5 };
static const int eq2_depth[2] = { 1, 2 };
static const int eq36_depth[3][2] = { { 7, 6 }, { 8, 8 }, { 0, 10 } };
static const int eq4_depth[3] = { 6, 5, 4 };

static double cvss4_level(char metric, char v)
{
	const char *order;
	const char *at;

	switch (metric) {
	case 'A': /* AV */
		order = "NALP";
		break;
	case 'P': /* PR */
	case 'C': /* AC */
	case 'T': /* AT */
		order = metric == 'P' ? "NLH" : metric == 'C' ? "LH" : "NP";
		break;
	case 'U': /* UI */
		order = "NPA";
		break;
	case 'V': /* VC VI VA */
		order = "HLN";
		break;
	case 'S': /* SC SI SA: "S" is one step above H */
		order = "SHLN";
		break;
	default: /* CR IR AR */
		order = "HML";
		break;
	}
	at = strchr(order, v);
	return at ? (double)(at - order) * 0.1 : 0.0;
}

static double cvss4_macro(int e1, int e2, int e3, int e4, int e5, int e6)
{
	int i;

	if (e1 > 2 || e2 > 1 || e3 > 2 || e4 > 2 || e5 > 2 || e6 > 1 ||
	    (e3 == 2 && e6 == 0))
		return NAN;
	i = (e1 * 2 + e2) * 45 + e3 * 18;
	i += e3 < 2 ? (e4 * 3 + e5) * 2 + e6 : e4 * 3 + e5;
	return cvss4_lookup[i];
}

/* Round half up to one decimal as the reference calculator does: it adds
 * 1e-6 first so that a computed 5.0499999... (meant as 5.05) rounds to
 * 5.1; then the exact binary value is rounded, as x * 10 alone may carry
 * a value just below the half over it. */
static double cvss4_round1(double value)
{
	double x = value + EPSILON;
	double t = x * 10.0;
	double lost = fma(x, 10.0, -t);
	double n = floor(t);

	if (t - n > 0.5 || (t - n == 0.5 && lost >= 0.0))
		n += 1.0;
	return n / 10.0;
}

/* Per-metric severity distances from one highest-severity vector. */
struct cvss4_dist {
	double av, pr, ui, ac, at, vc, vi, va, sc, si, sa, cr, ir, ar;
};

static bool cvss4_distance(struct cvss4_dist *d, const struct cvss4 *c,
                           const char *m1, const char *m2, const char *m36,
                           const char *m4)
{
	d->av = cvss4_level('A', c->av) - cvss4_level('A', m1[0]);
	d->pr = cvss4_level('P', c->pr) - cvss4_level('P', m1[1]);
	d->ui = cvss4_level('U', c->ui) - cvss4_level('U', m1[2]);
	d->ac = cvss4_level('C', c->ac) - cvss4_level('C', m2[0]);
	d->at = cvss4_level('T', c->at) - cvss4_level('T', m2[1]);
	d->vc = cvss4_level('V', c->vc) - cvss4_level('V', m36[0]);
	d->vi = cvss4_level('V', c->vi) - cvss4_level('V', m36[1]);
	d->va = cvss4_level('V', c->va) - cvss4_level('V', m36[2]);
	d->sc = cvss4_level('S', c->sc) - cvss4_level('S', m4[0]);
	d->si = cvss4_level('S', c->si) - cvss4_level('S', m4[1]);
	d->sa = cvss4_level('S', c->sa) - cvss4_level('S', m4[2]);
	d->cr = cvss4_level('R', c->cr) - cvss4_level('R', m36[3]);
	d->ir = cvss4_level('R', c->ir) - cvss4_level('R', m36[4]);
	d->ar = cvss4_level('R', c->ar) - cvss4_level('R', m36[5]);
	return d->av >= 0 && d->pr >= 0 && d->ui >= 0 && d->ac >= 0 &&
	       d->at >= 0 && d->vc >= 0 && d->vi >= 0 && d->va >= 0 &&
	       d->sc >= 0 && d->si >= 0 && d->sa >= 0 && d->cr >= 0 &&
	       d->ir >= 0 && d->ar >= 0;
}

/*
 * The first highest-severity vector of the macro vector that c does not
 * exceed in any metric (the reference calculator's order); the last
 * one tried when there is none.
 */
static void cvss4_nearest_max(struct cvss4_dist *d, const struct cvss4 *c,
                              const int eq[6])
{
	const char *const *m1 = eq1_max[eq[0]];
	const char *const *m2 = eq2_max[eq[1]];
	const char *const *m36 = eq36_max[eq[2]][eq[5]];

	for (int a = 0; a < 3 && m1[a]; a++)
		for (int b = 0; b < 2 && m2[b]; b++)
			for (int k = 0; k < 5 && m36[k]; k++)
				if (cvss4_distance(d, c, m1[a], m2[b], m36[k],
				                   eq4_max[eq[3]]))
					return;
}

static bool any_h(char a, char b, char c)
{
	return a == 'H' || b == 'H' || c == 'H';
}

static double cvss4_eval(const struct cvss4 *c)
{
	int eq[6];
	double value, lower[5], cur[4], depth[4], sum = 0.0;
	struct cvss4_dist d;
	int n = 0;

	if (c->vc == 'N' && c->vi == 'N' && c->va == 'N' && c->sc == 'N' &&
	    c->si == 'N' && c->sa == 'N')
		return 0.0;
	if (c->av == 'N' && c->pr == 'N' && c->ui == 'N')
		eq[0] = 0;
	else if ((c->av == 'N' || c->pr == 'N' || c->ui == 'N') && c->av != 'P')
		eq[0] = 1;
	else
		eq[0] = 2;
	eq[1] = c->ac == 'L' && c->at == 'N' ? 0 : 1;
	if (c->vc == 'H' && c->vi == 'H')
		eq[2] = 0;
	else
		eq[2] = any_h(c->vc, c->vi, c->va) ? 1 : 2;
	if (c->si == 'S' || c->sa == 'S')
		eq[3] = 0;
	else
		eq[3] = any_h(c->sc, c->si, c->sa) ? 1 : 2;
	eq[4] = c->e == 'A' ? 0 : c->e == 'P' ? 1 : 2;
	eq[5] = (c->cr == 'H' && c->vc == 'H') ||
	                        (c->ir == 'H' && c->vi == 'H') ||
	                        (c->ar == 'H' && c->va == 'H')
	                ? 0
	                : 1;

	value = cvss4_macro(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5]);
	lower[0] = cvss4_macro(eq[0] + 1, eq[1], eq[2], eq[3], eq[4], eq[5]);
	lower[1] = cvss4_macro(eq[0], eq[1] + 1, eq[2], eq[3], eq[4], eq[5]);
	if (eq[2] == 0 && eq[5] == 0)
		/* Two ways down: the higher of the two. */
		lower[2] = fmax(cvss4_macro(eq[0], eq[1], 0, eq[3], eq[4], 1),
		                cvss4_macro(eq[0], eq[1], 1, eq[3], eq[4], 0));
	else if (eq[5] == 0) /* EQ3 1, EQ6 0 */
		lower[2] = cvss4_macro(eq[0], eq[1], eq[2], eq[3], eq[4], 1);
	else
		lower[2] = cvss4_macro(eq[0], eq[1], eq[2] + 1, eq[3], eq[4],
		                       eq[5]);
	lower[3] = cvss4_macro(eq[0], eq[1], eq[2], eq[3] + 1, eq[4], eq[5]);
	lower[4] = cvss4_macro(eq[0], eq[1], eq[2], eq[3], eq[4] + 1, eq[5]);

	cvss4_nearest_max(&d, c, eq);
	cur[0] = d.av + d.pr + d.ui;
	cur[1] = d.ac + d.at;
	cur[2] = d.vc + d.vi + d.va + d.cr + d.ir + d.ar;
	cur[3] = d.sc + d.si + d.sa;
	depth[0] = eq1_depth[eq[0]] * 0.1;
	depth[1] = eq2_depth[eq[1]] * 0.1;
	depth[2] = eq36_depth[eq[2]][eq[5]] * 0.1;
	depth[3] = eq4_depth[eq[3]] * 0.1;
	for (int i = 0; i < 5; i++) {
		double avail = value - lower[i];

		/* NaN (no lower macro vector) fails the test. */
		if (!(avail >= 0))
			continue;
		n++;
		/* EQ5's distance is always 0: E is not in the max vectors. */
		if (i < 4)
			sum += avail * (cur[i] / depth[i]);
		else
			sum += avail * 0.0;
	}
	if (n > 0)
		value -= sum / n;
	return cvss4_round1(fmin(10.0, fmax(0.0, value)));
}

static char cvss4_value(const int *got, int m)
{
	return cvss4_metrics[m].values[got[m]][0];
}

/* A modified metric's value, else its base metric's. */
static char cvss4_mod(const int *got, int m, int base)
{
	return got[m] > 0 ? cvss4_value(got, m) : cvss4_value(got, base);
}

/* Not defined (absent or "X") takes the worst case: E:A, CR/IR/AR:H. */
static char cvss4_opt(const int *got, int m, char dflt)
{
	return got[m] > 0 ? cvss4_value(got, m) : dflt;
}

int tplc_cvss__score4(struct tplc_cvss_scores *out, const char *vector,
                      struct tplc_error *err)
{
	int got[METRICS];
	struct cvss4 c;
	bool threat, env = false;
	int rc;

	if (strncmp(vector, PREFIX, PREFIX_LEN) != 0)
		return tplc_error_set(err, TPLC_EPARSE,
		                      "expected \"" PREFIX "\"");
	rc = tplc_cvss__metrics(got, vector + PREFIX_LEN, cvss4_metrics,
	                        METRICS, err);
	if (rc < 0)
		return rc;

	/* CVSS-B: base metrics alone. */
	c = (struct cvss4){
		.av = cvss4_value(got, AV),
		.ac = cvss4_value(got, AC),
		.at = cvss4_value(got, AT),
		.pr = cvss4_value(got, PR),
		.ui = cvss4_value(got, UI),
		.vc = cvss4_value(got, VC),
		.vi = cvss4_value(got, VI),
		.va = cvss4_value(got, VA),
		.sc = cvss4_value(got, SC),
		.si = cvss4_value(got, SI),
		.sa = cvss4_value(got, SA),
		.e = 'A',
		.cr = 'H',
		.ir = 'H',
		.ar = 'H',
	};
	out->base = cvss4_eval(&c);

	c = (struct cvss4){
		.av = cvss4_mod(got, MAV, AV),
		.ac = cvss4_mod(got, MAC, AC),
		.at = cvss4_mod(got, MAT, AT),
		.pr = cvss4_mod(got, MPR, PR),
		.ui = cvss4_mod(got, MUI, UI),
		.vc = cvss4_mod(got, MVC, VC),
		.vi = cvss4_mod(got, MVI, VI),
		.va = cvss4_mod(got, MVA, VA),
		.sc = cvss4_mod(got, MSC, SC),
		.si = cvss4_mod(got, MSI, SI),
		.sa = cvss4_mod(got, MSA, SA),
		.e = cvss4_opt(got, E, 'A'),
		.cr = cvss4_opt(got, CR, 'H'),
		.ir = cvss4_opt(got, IR, 'H'),
		.ar = cvss4_opt(got, AR, 'H'),
	};
	out->version = TPLC_CVSS_V40;
	out->score = cvss4_eval(&c);
	/* v4 has no separate temporal or environmental equation. */
	out->temporal = -1.0;
	out->environmental = -1.0;

	threat = got[E] > 0;
	for (int m = CR; m <= MSA; m++)
		env = env || got[m] > 0;
	out->nomenclature = threat && env ? "CVSS-BTE"
	                    : threat      ? "CVSS-BT"
	                    : env         ? "CVSS-BE"
	                                  : "CVSS-B";
	out->severity = tplc_cvss__severity3(out->score);
	return 0;
}

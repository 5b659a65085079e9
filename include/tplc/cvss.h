/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CVSS_H
#define TPLC_CVSS_H

/*
 * CVSS v2, v3.0, v3.1 and v4.0: vector strings parsed and validated, and
 * scored as each specification says (v2 and v3: base, temporal and
 * environmental equations; v4: the macro-vector lookup with its
 * severity-distance interpolation).
 */

#include <stdbool.h>

#include "tplc/error.h"

/* Longest vector accepted, in bytes. */
#define TPLC_CVSS_MAX 512

enum tplc_cvss_version {
	TPLC_CVSS_V2,
	TPLC_CVSS_V30,
	TPLC_CVSS_V31,
	TPLC_CVSS_V40,
};

struct tplc_cvss_scores {
	enum tplc_cvss_version version;
	double base;          /* v2/v3: base score; v4: CVSS-B */
	double temporal;      /* v2/v3 temporal; <0 when no temporal metric */
	double environmental; /* v2/v3 environmental; <0 when none given */
	double score;         /* the score to show: v4's score for the
			       * metrics given (CVSS-B, -BT, -BE or -BTE);
			       * v2/v3: environmental, else temporal, else
			       * base */
	const char *nomenclature; /* v4: "CVSS-B", "CVSS-BT", ...; else NULL */
	const char *severity;     /* of score: "None", "Low", "Medium", "High",
			       * "Critical" (v2: Low/Medium/High) */
};

/*
 * Score vector (v3/v4 with their "CVSS:3.x/" / "CVSS:4.0/" prefix; v2
 * bare or in parentheses, with an optional "CVSS:2.0/").  A metric that is
 * unknown, repeated, missing (base metrics are required) or has a value it
 * does not take is an error naming it: TPLC_EPARSE, "AV:Q: ...".
 */
int tplc_cvss_score(struct tplc_cvss_scores *out, const char *vector,
                    struct tplc_error *err);

/* The version's name: "2.0", "3.0", "3.1", "4.0". */
const char *tplc_cvss_version_name(enum tplc_cvss_version version);

#endif

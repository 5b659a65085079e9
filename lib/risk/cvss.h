/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_RISK_CVSS_H
#define TPLC_RISK_CVSS_H

/* Private to lib/risk: one scorer per CVSS version, behind
 * tplc_cvss_score (cvss.c), and the metric reader they share. */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/cvss.h"
#include "tplc/error.h"

/* Most values one metric takes (v2 "ND" included). */
#define TPLC_CVSS__VALUES_MAX 8
/* Most metrics one version defines (v4: 32). */
#define TPLC_CVSS__METRICS_MAX 40

/* One metric of a version: its abbreviation and the values it takes. */
struct tplc_cvss__metric {
	const char *key;                           /* "AV" */
	const char *values[TPLC_CVSS__VALUES_MAX]; /* NULL-terminated */
	bool required;                             /* a base metric */
};

/*
 * Read "K:V/K:V/..." (no version prefix) against table[0..n).  out[i] is
 * the index of metric i's value in table[i].values, or -1 when the vector
 * does not give metric i.  Errors are TPLC_EPARSE naming the component:
 * "AV:Q: value not allowed", "XX:1: unknown metric", "AV: repeated",
 * "AV: missing (base metric)", "empty component", and TPLC_ELIMIT past
 * TPLC_CVSS_MAX bytes.
 */
int tplc_cvss__metrics(int *out, const char *s,
                       const struct tplc_cvss__metric *table, size_t n,
                       struct tplc_error *err);

/* The value of metric key in a vector ('N' of ".../AV:N/..."), its first
 * letter; 0 when the vector does not give it. */
char tplc_cvss__value(const char *vector, const char *key);

/* Severity of a v3/v4 score: None, Low, Medium, High, Critical. */
const char *tplc_cvss__severity3(double score);

/* Scorers: vector without its "CVSS:x.y/" prefix for v2/v3, whole vector
 * for v4.  out->version, scores, severity filled; 0 or TPLC_E*. */
int tplc_cvss__score2(struct tplc_cvss_scores *out, const char *vector,
                      struct tplc_error *err);
int tplc_cvss__score3(struct tplc_cvss_scores *out, const char *vector,
                      bool v31, struct tplc_error *err);
int tplc_cvss__score4(struct tplc_cvss_scores *out, const char *vector,
                      struct tplc_error *err);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_RUBRIC_H
#define TPLC_RUBRIC_H

/*
 * MITRE's Rubric for Applying CVSS to Medical Devices (FDA-qualified MDDT,
 * 2020): yes/no/unknown questions that set each CVSS v3 base metric, with
 * impact judged for patient data, diagnosis and monitoring, therapy
 * delivery, clinical workflow, system secrets and other critical data.
 * Question IDs are the rubric's extended-vector codes (XAVN, XACL, ...),
 * the ones rubric calculators record.  An "unknown" answer scores the
 * worst case, as the rubric says.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/error.h"

/* Questions in the rubric; tplc_rubric_question_at(0..COUNT). */
#define TPLC_RUBRIC_QUESTIONS 31

enum tplc_rubric_answer {
	TPLC_RUBRIC_UNANSWERED = 0,
	TPLC_RUBRIC_YES,
	TPLC_RUBRIC_NO,
	TPLC_RUBRIC_UNKNOWN,
};

struct tplc_rubric_question {
	const char *id;       /* "XAVN" */
	const char *metric;   /* the v3 base metric it sets: "AV" */
	const char *category; /* impact questions: "patient data",
			       * "diagnosis/monitoring", "therapy",
			       * "clinical workflow", "secrets", "other";
			       * else NULL */
	const char *text;     /* the question, in our words */
};

/* One answer per question, indexed as tplc_rubric_question_at. */
struct tplc_rubric_answers {
	enum tplc_rubric_answer answer[TPLC_RUBRIC_QUESTIONS];
};

const struct tplc_rubric_question *tplc_rubric_question_at(size_t i);
/* The question with this ID (any case), its index in *index; NULL when
 * there is none. */
const struct tplc_rubric_question *tplc_rubric_question_find(const char *id,
                                                             size_t *index);

/* "yes", "no", "unknown" (any case; also "y", "n", "u"). */
int tplc_rubric_answer_parse(enum tplc_rubric_answer *out, const char *s,
                             struct tplc_error *err);
const char *tplc_rubric_answer_name(enum tplc_rubric_answer answer);

/* Record "ID=ANSWER" ("XAVN=yes") in answers; TPLC_EPARSE naming the
 * part that is wrong: unknown question, bad answer, no '='. */
int tplc_rubric_set(struct tplc_rubric_answers *answers, const char *assignment,
                    struct tplc_error *err);

/* Where a derived metric's value came from. */
enum tplc_rubric_source {
	TPLC_RUBRIC_FROM_ANSWERS,  /* the rubric's flow, all answered */
	TPLC_RUBRIC_FROM_UNKNOWN,  /* an unknown or unanswered question on
				    * the way: worst case taken */
	TPLC_RUBRIC_FROM_FALLBACK, /* no question answered: the fallback
				    * vector's value */
	TPLC_RUBRIC_FROM_WORST,    /* no question answered, no fallback */
	TPLC_RUBRIC_FROM_GATED,    /* device-wide impact answers, but the
				    * fallback vector says this vulnerability
				    * has no impact there: kept at N */
};

/* "answers", "unknown", "fallback", "worst", "gated". */
const char *tplc_rubric_source_name(enum tplc_rubric_source source);

struct tplc_rubric_metric {
	const char *metric; /* "AV", "AC", "PR", "UI", "S", "C", "I", "A" */
	char value;         /* 'N', 'A', 'L', 'P', 'H', 'R', 'U', 'C' */
	enum tplc_rubric_source source;
	const char *question; /* the answer that decided it ("XAVT"), or
			       * NULL */
	char reason[96];      /* short, for tplc findings explain:
			       * "XAVT=yes: exploitable over IP" */
};

struct tplc_rubric_result {
	struct tplc_rubric_metric metric[8]; /* AV AC PR UI S C I A */
	char vector[64];                     /* "CVSS:3.1/AV:N/AC:L/..." */
	double base;                         /* its CVSS v3.1 base score */
	size_t answered;                     /* questions answered */
};

/* Flags for tplc_rubric_derive. */
#define TPLC_RUBRIC_IMPACT_GATED 1u /* see TPLC_RUBRIC_FROM_GATED */

/*
 * Derive the v3.1 base vector from answers.  A metric none of whose
 * questions is answered takes its value from fallback (a CVSS v3.0/v3.1
 * vector, e.g. the advisory's; NULL: none), else the worst case.  A metric
 * partly answered treats each missing answer on its path as unknown.
 * With TPLC_RUBRIC_IMPACT_GATED (answers recorded for a whole device
 * model, not for this vulnerability), C, I and A stay N where fallback
 * says N.  Errors: TPLC_EPARSE for a fallback that is not a valid v3
 * vector.
 */
int tplc_rubric_derive(struct tplc_rubric_result *out,
                       const struct tplc_rubric_answers *answers,
                       const char *fallback, unsigned flags,
                       struct tplc_error *err);

#endif

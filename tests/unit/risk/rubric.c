/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The medical-device CVSS rubric: every path of every metric's flow, the
 * worst case for unknown and unanswered questions, the fallback vector and
 * impact gating, answer parsing, and two worked examples whose vectors are
 * scored by tplc_cvss_score.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/cvss.h"
#include "tplc/rubric.h"

/* Longest answer list a case gives, in bytes. */
#define ANSWERS_MAX 512

enum { AV, AC, PR, UI, S, C, I, A };

static bool same(double want, double got)
{
	return fabs(want - got) < 0.001;
}

/* Record space-separated "ID=ANSWER" words; fails the test on a bad one. */
static void answer(struct tplc_rubric_answers *a, const char *list)
{
	char buf[ANSWERS_MAX], *p = buf;
	struct tplc_error err;

	assert_true(strlen(list) < sizeof(buf));
	memcpy(buf, list, strlen(list) + 1);
	while (*p) {
		char *end = strchr(p, ' ');

		if (end)
			*end = '\0';
		if (*p && tplc_rubric_set(a, p, &err) != 0)
			fail_msg("%s: %s", p, err.message);
		if (!end)
			break;
		p = end + 1;
	}
}

static struct tplc_rubric_result derive(const char *list, const char *fallback,
                                        unsigned flags)
{
	struct tplc_rubric_answers a;
	struct tplc_rubric_result r;
	struct tplc_error err;

	memset(&a, 0, sizeof(a));
	answer(&a, list);
	if (tplc_rubric_derive(&r, &a, fallback, flags, &err) != 0)
		fail_msg("%s: %s", list, err.message);
	return r;
}

/* One flow path: answers in, one metric's value, source, deciding
 * question and a part of its reason out. */
struct path {
	const char *answers;
	int metric;
	char value;
	enum tplc_rubric_source source;
	const char *question; /* NULL: none */
	const char *reason;
};

#define ANS TPLC_RUBRIC_FROM_ANSWERS
#define UNK TPLC_RUBRIC_FROM_UNKNOWN

static const struct path paths[] = {
	/* AV: every leaf of the flow. */
	{ "XAVN=yes XAVT=yes", AV, 'N', ANS, "XAVT",
	  "XAVT=yes: exploitable over IP" },
	{ "XAVN=yes XAVT=no XAVW=no", AV, 'A', ANS, "XAVW", "XAVW=no: " },
	{ "XAVN=yes XAVT=no XAVW=yes XAVR=yes", AV, 'L', ANS, "XAVR",
	  "XAVR=yes: wireless within" },
	{ "XAVN=yes XAVT=no XAVW=yes XAVR=no", AV, 'A', ANS, "XAVR",
	  "XAVR=no: " },
	{ "XAVN=no XAVP=yes", AV, 'P', ANS, "XAVP", "XAVP=yes: " },
	{ "XAVN=no XAVP=yes XAVPA=no", AV, 'P', ANS, "XAVP", "XAVP=yes: " },
	{ "XAVN=no XAVP=yes XAVPA=yes", AV, 'P', ANS, "XAVP", "XAVP=yes: " },
	{ "XAVN=no XAVP=no", AV, 'L', ANS, "XAVP", "XAVP=no: " },
	/* AV: unknown or unanswered on the path. */
	{ "XAVN=unknown", AV, 'N', UNK, "XAVN", "XAVN unknown: worst case" },
	{ "XAVN=yes", AV, 'N', UNK, "XAVT", "XAVT unanswered: worst case" },
	{ "XAVN=yes XAVT=u", AV, 'N', UNK, "XAVT", "XAVT unknown: worst case" },
	{ "XAVN=yes XAVT=no", AV, 'A', UNK, "XAVW", "XAVW unanswered" },
	{ "XAVN=yes XAVT=no XAVW=unknown", AV, 'A', UNK, "XAVW",
	  "XAVW unknown" },
	{ "XAVN=yes XAVT=no XAVW=yes", AV, 'A', UNK, "XAVR",
	  "XAVR unanswered" },
	{ "XAVN=yes XAVT=no XAVW=yes XAVR=unknown", AV, 'A', UNK, "XAVR",
	  "XAVR unknown" },
	{ "XAVN=no", AV, 'L', UNK, "XAVP", "XAVP unanswered" },
	{ "XAVN=no XAVP=unknown", AV, 'L', UNK, "XAVP", "XAVP unknown" },
	{ "XAVPA=yes", AV, 'N', UNK, "XAVN", "XAVN unanswered" },
	/* Answers off the path do not count. */
	{ "XAVN=yes XAVT=yes XAVP=yes XAVW=no", AV, 'N', ANS, "XAVT",
	  "XAVT=yes" },
	/* AC */
	{ "XACL=yes", AC, 'L', ANS, "XACL", "XACL=yes: " },
	{ "XACL=no", AC, 'H', ANS, "XACL", "XACL=no: " },
	{ "XACL=unknown", AC, 'L', UNK, "XACL", "XACL unknown: worst case" },
	/* PR */
	{ "XPRL=no", PR, 'N', ANS, "XPRL", "XPRL=no: no authorization model" },
	{ "XPRL=yes XPRZ=no", PR, 'N', ANS, "XPRZ", "XPRZ=no: " },
	{ "XPRL=yes XPRZ=yes XPRS=yes", PR, 'H', ANS, "XPRS", "XPRS=yes: " },
	{ "XPRL=yes XPRZ=yes XPRS=no", PR, 'L', ANS, "XPRS", "XPRS=no: " },
	{ "XPRL=unknown", PR, 'N', UNK, "XPRL", "XPRL unknown" },
	{ "XPRL=yes", PR, 'N', UNK, "XPRZ", "XPRZ unanswered" },
	{ "XPRL=yes XPRZ=unknown", PR, 'N', UNK, "XPRZ", "XPRZ unknown" },
	{ "XPRL=yes XPRZ=yes", PR, 'L', UNK, "XPRS", "XPRS unanswered" },
	{ "XPRL=yes XPRZ=yes XPRS=unknown", PR, 'L', UNK, "XPRS",
	  "XPRS unknown" },
	{ "XPRS=yes", PR, 'N', UNK, "XPRL", "XPRL unanswered" },
	/* UI, S */
	{ "XUI=yes", UI, 'R', ANS, "XUI", "XUI=yes: " },
	{ "XUI=no", UI, 'N', ANS, "XUI", "XUI=no: " },
	{ "XUI=unknown", UI, 'N', UNK, "XUI", "XUI unknown" },
	{ "XS=yes", S, 'C', ANS, "XS", "XS=yes: " },
	{ "XS=no", S, 'U', ANS, "XS", "XS=no: " },
	{ "XS=unknown", S, 'C', UNK, "XS", "XS unknown" },
	/* C: patient data and its breach threshold. */
	{ "XCP=yes XCPM=yes XCD=no XCT=no XCW=no XCS=no XCO=no", C, 'H', ANS,
	  "XCPM", "XCPM=yes: " },
	{ "XCP=yes XCPM=no XCD=no XCT=no XCW=no XCS=no XCO=no", C, 'L', ANS,
	  "XCPM", "XCPM=no: " },
	{ "XCP=yes XCPM=unknown XCD=no XCT=no XCW=no XCS=no XCO=no", C, 'H',
	  UNK, "XCPM", "XCPM unknown" },
	{ "XCP=yes XCD=no XCT=no XCW=no XCS=no XCO=no", C, 'H', UNK, "XCPM",
	  "XCPM unanswered" },
	{ "XCP=unknown XCD=no XCT=no XCW=no XCS=no XCO=no", C, 'H', UNK, "XCP",
	  "XCP unknown" },
	{ "XCP=no XCD=no XCT=no XCW=no XCS=no XCO=no", C, 'N', ANS, NULL,
	  "no to every category" },
	/* A category left unanswered beside answered ones is unknown. */
	{ "XCP=yes XCPM=no XCD=no XCT=no XCW=no XCS=no", C, 'H', UNK, "XCO",
	  "XCO unanswered: worst case" },
	{ "XCP=no XCD=no XCT=no XCW=no XCS=no XCO=unknown", C, 'H', UNK, "XCO",
	  "XCO unknown" },
	/* An answer that reaches the highest value explains it. */
	{ "XCT=yes", C, 'H', ANS, "XCT", "XCT=yes: therapy readable" },
	{ "XIP=no XID=no XIT=no XIW=no XIS=no XIO=no", I, 'N', ANS, NULL,
	  "no to every category" },
	{ "XIT=yes XIP=no", I, 'H', ANS, "XIT", "XIT=yes: therapy modifiable" },
	{ "XIP=no XID=no XIW=no XIS=no XIO=no", I, 'H', UNK, "XIT",
	  "XIT unanswered: worst case" },
	{ "XIP=no XID=no XIT=unknown XIW=no XIS=no XIO=no", I, 'H', UNK, "XIT",
	  "XIT unknown: worst case" },
	{ "XAP=no XAD=no XAT=no XAW=no XAS=no XAO=no", A, 'N', ANS, NULL,
	  "no to every category" },
	{ "XAP=no XAD=no XAT=no XAW=yes XAS=no XAO=no", A, 'H', ANS, "XAW",
	  "XAW=yes: clinical workflow can be made inaccessible" },
};

static void check_metric(const char *answers,
                         const struct tplc_rubric_metric *m, char value,
                         enum tplc_rubric_source source, const char *question,
                         const char *reason)
{
	if (m->value != value || m->source != source)
		fail_msg("%s: %s:%c (%s), want %c (%s)", answers, m->metric,
		         m->value, tplc_rubric_source_name(m->source), value,
		         tplc_rubric_source_name(source));
	if (question)
		assert_non_null(m->question);
	if (question && strcmp(m->question, question) != 0)
		fail_msg("%s: %s decided by %s, want %s", answers, m->metric,
		         m->question, question);
	if (!question && m->question)
		fail_msg("%s: %s decided by %s, want none", answers, m->metric,
		         m->question);
	if (!strstr(m->reason, reason))
		fail_msg("%s: %s reason \"%s\" lacks \"%s\"", answers,
		         m->metric, m->reason, reason);
}

static void test_rubric__paths(void **state)
{
	size_t n = sizeof(paths) / sizeof(paths[0]);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		const struct path *p = &paths[i];
		struct tplc_rubric_result r = derive(p->answers, NULL, 0);

		check_metric(p->answers, &r.metric[p->metric], p->value,
		             p->source, p->question, p->reason);
	}
	tplt_conformance("rubric: %zu/%zu flow paths", n, n);
}

/* Each impact category alone (the others no) sets its metric to H. */
static void test_rubric__categories(void **state)
{
	size_t checked = 0;

	(void)state;
	for (size_t i = 0; i < TPLC_RUBRIC_QUESTIONS; i++) {
		const struct tplc_rubric_question *q =
		        tplc_rubric_question_at(i);
		char list[ANSWERS_MAX] = "";
		struct tplc_rubric_result r;
		size_t used = 0;
		int metric;

		if (!q->category || strcmp(q->id, "XCPM") == 0)
			continue;
		metric = q->metric[0] == 'C' ? C : q->metric[0] == 'I' ? I : A;
		for (size_t k = 0; k < TPLC_RUBRIC_QUESTIONS; k++) {
			const struct tplc_rubric_question *o =
			        tplc_rubric_question_at(k);

			if (strcmp(o->metric, q->metric) != 0 ||
			    strcmp(o->id, "XCPM") == 0)
				continue;
			used += (size_t)snprintf(list + used,
			                         sizeof(list) - used, "%s=%s ",
			                         o->id, o == q ? "yes" : "no");
		}
		/* Patient data readable: of 500 or more patients. */
		if (strcmp(q->id, "XCP") == 0)
			snprintf(list + used, sizeof(list) - used, "XCPM=yes");
		r = derive(list, NULL, 0);
		check_metric(list, &r.metric[metric], 'H', ANS,
		             strcmp(q->id, "XCP") == 0 ? "XCPM" : q->id,
		             strcmp(q->id, "XCP") == 0 ? "XCPM=yes" : q->id);
		for (int m = C; m <= A; m++)
			if (m != metric)
				assert_int_equal(r.metric[m].source,
				                 TPLC_RUBRIC_FROM_WORST);
		checked++;
	}
	assert_int_equal(checked, 18);
}

static void test_rubric__questions(void **state)
{
	static const char *const ids[] = {
		"XAVN", "XAVT", "XAVW", "XAVR", "XAVP", "XAVPA", "XACL", "XPRL",
		"XPRZ", "XPRS", "XUI",  "XS",   "XCP",  "XCPM",  "XCD",  "XCT",
		"XCW",  "XCS",  "XCO",  "XIP",  "XID",  "XIT",   "XIW",  "XIS",
		"XIO",  "XAP",  "XAD",  "XAT",  "XAW",  "XAS",   "XAO",
	};
	static const char metric_of[] = "AAAAAAAPPPUSCCCCCCCIIIIIIAAAAAA";
	size_t index = 99;

	(void)state;
	assert_int_equal(sizeof(ids) / sizeof(ids[0]), TPLC_RUBRIC_QUESTIONS);
	for (size_t i = 0; i < TPLC_RUBRIC_QUESTIONS; i++) {
		const struct tplc_rubric_question *q =
		        tplc_rubric_question_at(i);

		assert_non_null(q);
		assert_string_equal(q->id, ids[i]);
		assert_int_equal(q->metric[0], metric_of[i]);
		assert_true(strlen(q->text) > 10);
		assert_int_equal(q->category != NULL, i >= 12);
	}
	assert_string_equal(tplc_rubric_question_at(6)->metric, "AC");
	assert_string_equal(tplc_rubric_question_at(30)->metric, "A");
	assert_null(tplc_rubric_question_at(TPLC_RUBRIC_QUESTIONS));
	assert_string_equal(tplc_rubric_question_find("xavpa", &index)->id,
	                    "XAVPA");
	assert_int_equal(index, 5);
	assert_string_equal(tplc_rubric_question_find("XIT", NULL)->category,
	                    "therapy");
	assert_null(tplc_rubric_question_find("XZZZ", &index));
	assert_null(tplc_rubric_question_find("XAV", &index));
	assert_null(tplc_rubric_question_find("", &index));
}

static void set_fails(const char *assignment, const char *message)
{
	struct tplc_rubric_answers a;
	struct tplc_error err;

	memset(&a, 0, sizeof(a));
	assert_int_equal(tplc_rubric_set(&a, assignment, &err), TPLC_EPARSE);
	if (!strstr(err.message, message))
		fail_msg("%s: message \"%s\" lacks \"%s\"", assignment,
		         err.message, message);
	for (size_t i = 0; i < TPLC_RUBRIC_QUESTIONS; i++)
		assert_int_equal(a.answer[i], TPLC_RUBRIC_UNANSWERED);
}

static void test_rubric__answers(void **state)
{
	struct tplc_rubric_answers a;
	enum tplc_rubric_answer v;
	struct tplc_error err;
	char big[300];

	(void)state;
	assert_int_equal(tplc_rubric_answer_parse(&v, "YES", NULL), 0);
	assert_int_equal(v, TPLC_RUBRIC_YES);
	assert_int_equal(tplc_rubric_answer_parse(&v, "n", NULL), 0);
	assert_int_equal(v, TPLC_RUBRIC_NO);
	assert_int_equal(tplc_rubric_answer_parse(&v, "Unknown", NULL), 0);
	assert_int_equal(v, TPLC_RUBRIC_UNKNOWN);
	assert_int_equal(tplc_rubric_answer_parse(&v, "U", NULL), 0);
	assert_int_equal(v, TPLC_RUBRIC_UNKNOWN);
	assert_int_equal(tplc_rubric_answer_parse(&v, "maybe", &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "yes, no or unknown"));
	assert_int_equal(tplc_rubric_answer_parse(&v, "", NULL), TPLC_EPARSE);
	assert_string_equal(tplc_rubric_answer_name(TPLC_RUBRIC_NO), "no");
	assert_string_equal(tplc_rubric_answer_name(TPLC_RUBRIC_UNANSWERED),
	                    "unanswered");

	memset(&a, 0, sizeof(a));
	assert_int_equal(tplc_rubric_set(&a, " xavt = No ", &err), 0);
	assert_int_equal(a.answer[1], TPLC_RUBRIC_NO);
	assert_int_equal(tplc_rubric_set(&a, "XAVT=y", &err), 0);
	assert_int_equal(a.answer[1], TPLC_RUBRIC_YES); /* last one wins */

	set_fails("XZZZ=yes", "XZZZ: unknown question");
	set_fails("XAVN=maybe",
	          "XAVN=maybe: answer must be yes, no or unknown");
	set_fails("XAVN", "XAVN: expected ID=ANSWER");
	set_fails("XAVN=", "answer must be");
	set_fails("=yes", "unknown question");
	set_fails("XAVN==yes", "answer must be");
	set_fails("XAVN=yes please", "answer must be");
	memset(big, 'X', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	set_fails(big, "expected ID=ANSWER");
	big[100] = '=';
	set_fails(big, "unknown question");
	assert_int_equal(tplc_rubric_set(NULL, "XAVN=yes", &err), TPLC_EINVAL);
}

static void test_rubric__worst(void **state)
{
	struct tplc_rubric_result r = derive("", NULL, 0);

	(void)state;
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
	assert_true(same(r.base, 10.0));
	assert_int_equal(r.answered, 0);
	for (int m = AV; m <= A; m++)
		check_metric("", &r.metric[m], "NLNNCHHH"[m],
		             TPLC_RUBRIC_FROM_WORST, NULL,
		             "no answer, no fallback");
	/* Every question unknown: the same worst case, from the answers. */
	r = derive(
	        "XAVN=u XACL=u XPRL=u XUI=u XS=u XCP=u XCD=u XCT=u XCW=u "
	        "XCS=u XCO=u XIP=u XID=u XIT=u XIW=u XIS=u XIO=u XAP=u XAD=u "
	        "XAT=u XAW=u XAS=u XAO=u",
	        NULL, 0);
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
	assert_int_equal(r.answered, 23);
	for (int m = AV; m <= A; m++)
		assert_int_equal(r.metric[m].source, TPLC_RUBRIC_FROM_UNKNOWN);
}

#define FB "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"

static void test_rubric__fallback(void **state)
{
	struct tplc_rubric_answers a;
	struct tplc_rubric_result r;
	struct tplc_cvss_scores s;
	struct tplc_error err;

	(void)state;
	r = derive("", FB, 0);
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N");
	assert_int_equal(tplc_cvss_score(&s, r.vector, NULL), 0);
	assert_true(same(r.base, s.base));
	assert_true(same(r.base, 1.6));
	for (int m = AV; m <= A; m++)
		assert_int_equal(r.metric[m].source, TPLC_RUBRIC_FROM_FALLBACK);
	check_metric(FB, &r.metric[AV], 'P', TPLC_RUBRIC_FROM_FALLBACK, NULL,
	             "no answer: AV:P from the fallback vector");

	/* Answered metrics from the answers, the rest from the fallback,
	 * whatever its metric order and temporal metrics. */
	r = derive("XAVN=yes XAVT=yes XIT=yes",
	           "CVSS:3.1/E:P/A:H/I:L/C:N/S:C/UI:N/PR:L/AC:L/AV:A/RL:O", 0);
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:H");
	assert_int_equal(r.metric[AV].source, TPLC_RUBRIC_FROM_ANSWERS);
	assert_int_equal(r.metric[AC].source, TPLC_RUBRIC_FROM_FALLBACK);
	/* I: therapy yes, other categories unanswered: H either way. */
	assert_int_equal(r.metric[I].source, TPLC_RUBRIC_FROM_ANSWERS);
	check_metric("", &r.metric[PR], 'L', TPLC_RUBRIC_FROM_FALLBACK, NULL,
	             "no answer: PR:L from the fallback vector");
	assert_int_equal(r.answered, 3);

	/* Not a v3 vector. */
	memset(&a, 0, sizeof(a));
	assert_int_equal(tplc_rubric_derive(&r, &a,
	                                    "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/"
	                                    "C:H/I:H/A:H",
	                                    0, &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "fallback vector: AV:Q"));
	assert_int_equal(tplc_rubric_derive(
	                         &r, &a, "AV:N/AC:L/Au:N/C:P/I:P/A:P", 0, &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "not CVSS v3"));
	assert_int_equal(tplc_rubric_derive(
	                         &r, &a,
	                         "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/"
	                         "VA:H/SC:N/SI:N/SA:N",
	                         0, &err),
	                 TPLC_EPARSE);
	assert_int_equal(tplc_rubric_derive(&r, &a, "CVSS:3.1/AV:N", 0, &err),
	                 TPLC_EPARSE);
	assert_non_null(strstr(err.message, "missing"));
	assert_int_equal(tplc_rubric_derive(&r, NULL, NULL, 0, &err),
	                 TPLC_EINVAL);
}

#define GATE "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"

static void test_rubric__gated(void **state)
{
	/* Device-wide answers: everything readable, modifiable and
	 * deniable. */
	const char *all = "XCP=yes XCPM=yes XCD=yes XCT=yes XCW=yes XCS=yes "
	                  "XCO=yes XID=yes XAT=yes";
	struct tplc_rubric_result r;

	(void)state;
	r = derive(all, GATE, TPLC_RUBRIC_IMPACT_GATED);
	check_metric(all, &r.metric[C], 'N', TPLC_RUBRIC_FROM_GATED, NULL,
	             "the fallback vector has C:N: answers for the "
	             "whole model do not raise it");
	check_metric(all, &r.metric[I], 'H', ANS, "XID", "XID=yes");
	check_metric(all, &r.metric[A], 'N', TPLC_RUBRIC_FROM_GATED, NULL,
	             "the fallback vector has A:N");
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N");
	assert_true(same(r.base, 7.5));
	/* Without the flag the answers rule. */
	r = derive(all, GATE, 0);
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	assert_true(same(r.base, 9.8));
	/* Without a fallback there is nothing to gate on. */
	r = derive(all, NULL, TPLC_RUBRIC_IMPACT_GATED);
	assert_int_equal(r.metric[C].value, 'H');
	assert_int_equal(r.metric[C].source, TPLC_RUBRIC_FROM_ANSWERS);
	/* Gating never raises: an answered "no" stays N from the answers,
	 * a fallback H does not override it. */
	r = derive("XIP=no XID=no XIT=no XIW=no XIS=no XIO=no", GATE,
	           TPLC_RUBRIC_IMPACT_GATED);
	assert_int_equal(r.metric[I].value, 'N');
	assert_int_equal(r.metric[I].source, TPLC_RUBRIC_FROM_ANSWERS);
	assert_int_equal(r.metric[C].source, TPLC_RUBRIC_FROM_FALLBACK);
}

/*
 * Worked examples, derived by hand through the rubric's flows:
 * 1. A wireless insulin pump, reachable within 10 feet over its radio,
 *    with no authorization model; an attacker can change and stop the
 *    therapy it delivers, reads nothing: AV:L AC:L PR:N UI:N S:U C:N
 *    I:H A:H, 6.42 * (1 - 0.44^2) + 8.22*0.55*0.77*0.85*0.85 = 7.69,
 *    rounded up 7.7 (High).
 * 2. A patient monitor's central station on the hospital network, where
 *    any logged-in user (no administrator) can read the records of every
 *    patient, alter monitoring data and stop the monitoring: AV:N AC:L
 *    PR:L UI:N S:U C:H I:H A:H, 8.8 (High).
 */
static void test_rubric__examples(void **state)
{
	const char *pump = "XAVN=yes XAVT=no XAVW=yes XAVR=yes XACL=yes "
	                   "XPRL=no XUI=no XS=no XCP=no XCD=no XCT=no XCW=no "
	                   "XCS=no XCO=no XIP=no XID=no XIT=yes XIW=no XIS=no "
	                   "XIO=no XAP=no XAD=no XAT=yes XAW=no XAS=no XAO=no";
	const char *monitor = "XAVN=yes XAVT=yes XACL=yes XPRL=yes XPRZ=yes "
	                      "XPRS=no XUI=no XS=no XCP=yes XCPM=yes XCD=no "
	                      "XCT=no XCW=no XCS=no XCO=no XIP=no XID=yes "
	                      "XIT=no XIW=no XIS=no XIO=no XAP=no XAD=yes "
	                      "XAT=no XAW=no XAS=no XAO=no";
	struct tplc_rubric_result r;
	struct tplc_cvss_scores s;

	(void)state;
	r = derive(pump, NULL, 0);
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H");
	assert_int_equal(tplc_cvss_score(&s, r.vector, NULL), 0);
	assert_true(same(s.base, 7.7));
	assert_true(same(r.base, s.base));
	assert_string_equal(s.severity, "High");
	for (int m = AV; m <= A; m++)
		assert_int_equal(r.metric[m].source, TPLC_RUBRIC_FROM_ANSWERS);
	assert_int_equal(r.answered, 26);
	assert_string_equal(r.metric[AV].reason,
	                    "XAVR=yes: wireless within about 3 m");
	assert_string_equal(r.metric[I].reason, "XIT=yes: therapy modifiable");

	r = derive(monitor, NULL, 0);
	assert_string_equal(r.vector,
	                    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
	assert_int_equal(tplc_cvss_score(&s, r.vector, NULL), 0);
	assert_true(same(s.base, 8.8));
	assert_true(same(r.base, s.base));
	assert_string_equal(r.metric[C].question, "XCPM");
	assert_string_equal(r.metric[PR].reason,
	                    "XPRS=no: user privileges suffice");
	tplt_conformance("rubric: 2/2 worked examples (7.7, 8.8)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rubric__questions),
		cmocka_unit_test(test_rubric__answers),
		cmocka_unit_test(test_rubric__paths),
		cmocka_unit_test(test_rubric__categories),
		cmocka_unit_test(test_rubric__worst),
		cmocka_unit_test(test_rubric__fallback),
		cmocka_unit_test(test_rubric__gated),
		cmocka_unit_test(test_rubric__examples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MITRE's Rubric for Applying CVSS to Medical Devices: one table of the
 * questions, each saying what a yes or a no leads to (a metric value or
 * the next question) and what an unknown costs (the worst case).  Every
 * metric is the walk of that table from its first question; C, I and A
 * walk each impact category and keep the highest.
 */
#include <stdio.h>
#include <string.h>

#include "risk/cvss.h"
#include "tplc/rubric.h"
#include "util/str.h"

/* Longest question ID, and longest answer word, in bytes. */
#define RUBRIC_ID_MAX     8
#define RUBRIC_ANSWER_MAX 16
/* Longest assignment ("XAVN=yes") quoted in an error, in bytes. */
#define RUBRIC_QUOTE_MAX 40

enum {
	Q_XAVN,
	Q_XAVT,
	Q_XAVW,
	Q_XAVR,
	Q_XAVP,
	Q_XAVPA,
	Q_XACL,
	Q_XPRL,
	Q_XPRZ,
	Q_XPRS,
	Q_XUI,
	Q_XS,
	Q_XCP,
	Q_XCPM,
	Q_XCD,
	Q_XCT,
	Q_XCW,
	Q_XCS,
	Q_XCO,
	Q_XIP,
	Q_XID,
	Q_XIT,
	Q_XIW,
	Q_XIS,
	Q_XIO,
	Q_XAP,
	Q_XAD,
	Q_XAT,
	Q_XAW,
	Q_XAS,
	Q_XAO,
	Q_COUNT
};

_Static_assert(Q_COUNT == TPLC_RUBRIC_QUESTIONS, "question table size");

/* What one answer leads to: a value (and why), or, with value '\0', the
 * question asked next. */
struct rubric_edge {
	char value;
	int next;
	const char *why; /* NULL for impact questions: said from the
			  * category */
};

struct rubric_q {
	struct tplc_rubric_question q;
	struct rubric_edge yes, no;
	char worst; /* what an unknown or missing answer gives */
	bool sub;   /* asked only after another question's answer */
};

#define GO(n)                 \
	{                     \
		'\0', n, NULL \
	}
#define IS(v, why)        \
	{                 \
		v, 0, why \
	}

/* An impact category: yes (or unknown) is H, no is N. */
#define IMPACT(id, metric, category, what)                                    \
	{                                                                     \
		{ id, metric, category, what }, IS('H', NULL), IS('N', NULL), \
		        'H', false                                            \
	}

static const struct rubric_q questions[Q_COUNT] = {
	[Q_XAVN] = { { "XAVN", "AV", NULL,
	               "Can the attacker exploit it through a network or a "
	               "communication protocol?" },
	             GO(Q_XAVT),
	             GO(Q_XAVP),
	             'N',
	             false },
	[Q_XAVT] = { { "XAVT", "AV", NULL,
	               "Is it exploitable over OSI layer 3 or 4 (IP, TCP, "
	               "UDP)?" },
	             IS('N', "exploitable over IP"),
	             GO(Q_XAVW),
	             'N',
	             true },
	[Q_XAVW] = { { "XAVW", "AV", NULL,
	               "Is it exploitable over a wireless channel?" },
	             GO(Q_XAVR),
	             IS('A', "adjacent, over a non-IP protocol"),
	             'A',
	             true },
	[Q_XAVR] = { { "XAVR", "AV", NULL,
	               "Is the wireless range about 10 feet (3 m) or less?" },
	             IS('L', "wireless within about 3 m"),
	             IS('A', "wireless, beyond 3 m"),
	             'A',
	             true },
	[Q_XAVP] = { { "XAVP", "AV", NULL,
	               "Must the attacker physically touch the device?" },
	             IS('P', "the attacker must touch the device"),
	             IS('L', "local access, no network, no touch"),
	             'L',
	             true },
	/* Recorded for the record: P either way. */
	[Q_XAVPA] = { { "XAVPA", "AV", NULL,
	                "Is it exploited through a user interface meant for "
	                "manual operation?" },
	              IS('P', "physical, through the user interface"),
	              IS('P', "physical access"),
	              'P',
	              true },
	[Q_XACL] = { { "XACL", "AC", NULL,
	               "Can the attacker try at will, with no special "
	               "circumstances, configuration or prior attack?" },
	             IS('L', "no special conditions needed"),
	             IS('H', "needs special conditions"),
	             'L',
	             false },
	[Q_XPRL] = { { "XPRL", "PR", NULL,
	               "Does the component have an authorization model with "
	               "several users or roles?" },
	             GO(Q_XPRZ),
	             IS('N', "no authorization model"),
	             'N',
	             false },
	[Q_XPRZ] = { { "XPRZ", "PR", NULL,
	               "Must the attacker be authorized to the component "
	               "before exploiting it?" },
	             GO(Q_XPRS),
	             IS('N', "no authorization needed"),
	             'N',
	             true },
	[Q_XPRS] = { { "XPRS", "PR", NULL,
	               "Are administrator, maintainer or system privileges "
	               "needed?" },
	             IS('H', "administrator privileges needed"),
	             IS('L', "user privileges suffice"),
	             'L',
	             true },
	[Q_XUI] = { { "XUI", "UI", NULL,
	              "Must another user or a victim act for the exploit to "
	              "work?" },
	            IS('R', "another user must act"),
	            IS('N', "no user action needed"),
	            'N',
	            false },
	[Q_XS] = { { "XS", "S", NULL,
	             "Can the attacker affect a component under a different "
	             "security authority?" },
	           IS('C', "reaches another authority's component"),
	           IS('U', "stays within its own authority"),
	           'C',
	           false },
	[Q_XCP] = { { "XCP", "C", "patient data",
	              "Can patient data (PHI, PII) be read?" },
	            GO(Q_XCPM),
	            IS('N', NULL),
	            'H',
	            false },
	[Q_XCPM] = { { "XCPM", "C", "patient data",
	               "Of 500 patients or more, enough to require breach "
	               "notification?" },
	             IS('H', "data of 500+ patients readable"),
	             IS('L', "data of fewer than 500 patients readable"),
	             'H',
	             true },
	[Q_XCD] = IMPACT("XCD", "C", "diagnosis/monitoring",
	                 "Can diagnosis or monitoring data or functions be "
	                 "read?"),
	[Q_XCT] = IMPACT("XCT", "C", "therapy",
	                 "Can therapy data or functions be read?"),
	[Q_XCW] = IMPACT("XCW", "C", "clinical workflow",
	                 "Can clinical workflow data or functions be read?"),
	[Q_XCS] = IMPACT("XCS", "C", "secrets",
	                 "Can system secrets (passwords, private keys) be "
	                 "read?"),
	[Q_XCO] = IMPACT("XCO", "C", "other",
	                 "Can other critical or sensitive data be read?"),
	[Q_XIP] = IMPACT("XIP", "I", "patient data",
	                 "Can patient data (PHI, PII) be modified or "
	                 "deleted?"),
	[Q_XID] = IMPACT("XID", "I", "diagnosis/monitoring",
	                 "Can diagnosis or monitoring data or functions be "
	                 "modified or deleted?"),
	[Q_XIT] = IMPACT("XIT", "I", "therapy",
	                 "Can therapy data or functions be modified or "
	                 "deleted?"),
	[Q_XIW] = IMPACT("XIW", "I", "clinical workflow",
	                 "Can clinical workflow data or functions be "
	                 "modified or deleted?"),
	[Q_XIS] = IMPACT("XIS", "I", "secrets",
	                 "Can system secrets be modified or deleted?"),
	[Q_XIO] = IMPACT("XIO", "I", "other",
	                 "Can other critical data or functions be modified "
	                 "or deleted?"),
	[Q_XAP] = IMPACT("XAP", "A", "patient data",
	                 "Can patient data be made inaccessible?"),
	[Q_XAD] = IMPACT("XAD", "A", "diagnosis/monitoring",
	                 "Can diagnosis or monitoring data or functions be "
	                 "made inaccessible?"),
	[Q_XAT] = IMPACT("XAT", "A", "therapy",
	                 "Can therapy data or functions be made "
	                 "inaccessible?"),
	[Q_XAW] = IMPACT("XAW", "A", "clinical workflow",
	                 "Can clinical workflow data or functions be made "
	                 "inaccessible?"),
	[Q_XAS] = IMPACT("XAS", "A", "secrets",
	                 "Can system secrets be made inaccessible?"),
	[Q_XAO] = IMPACT("XAO", "A", "other",
	                 "Can other critical data or functions be made "
	                 "inaccessible?"),
};

/* The metrics in vector order: their questions are [first, end). */
static const struct rubric_metric {
	const char *name;
	int first, end;
	const char *verb; /* impact metrics: what a yes means */
} metrics[8] = {
	{ "AV", Q_XAVN, Q_XACL, NULL },
	{ "AC", Q_XACL, Q_XPRL, NULL },
	{ "PR", Q_XPRL, Q_XUI, NULL },
	{ "UI", Q_XUI, Q_XS, NULL },
	{ "S", Q_XS, Q_XCP, NULL },
	{ "C", Q_XCP, Q_XIP, "readable" },
	{ "I", Q_XIP, Q_XAP, "modifiable" },
	{ "A", Q_XAP, Q_COUNT, "can be made inaccessible" },
};

const struct tplc_rubric_question *tplc_rubric_question_at(size_t i)
{
	return i < Q_COUNT ? &questions[i].q : NULL;
}

const struct tplc_rubric_question *tplc_rubric_question_find(const char *id,
                                                             size_t *index)
{
	for (size_t i = 0; id && i < Q_COUNT; i++)
		if (tplx_strcaseeq(questions[i].q.id, id)) {
			if (index)
				*index = i;
			return &questions[i].q;
		}
	return NULL;
}

int tplc_rubric_answer_parse(enum tplc_rubric_answer *out, const char *s,
                             struct tplc_error *err)
{
	static const struct {
		const char *name, *abbrev;
		enum tplc_rubric_answer answer;
	} words[] = {
		{ "yes", "y", TPLC_RUBRIC_YES },
		{ "no", "n", TPLC_RUBRIC_NO },
		{ "unknown", "u", TPLC_RUBRIC_UNKNOWN },
	};

	for (size_t i = 0; s && i < sizeof(words) / sizeof(words[0]); i++)
		if (tplx_strcaseeq(s, words[i].name) ||
		    tplx_strcaseeq(s, words[i].abbrev)) {
			*out = words[i].answer;
			return 0;
		}
	return tplc_error_set(err, TPLC_EPARSE,
	                      "answer must be yes, no or unknown");
}

const char *tplc_rubric_answer_name(enum tplc_rubric_answer answer)
{
	switch (answer) {
	case TPLC_RUBRIC_YES:
		return "yes";
	case TPLC_RUBRIC_NO:
		return "no";
	case TPLC_RUBRIC_UNKNOWN:
		return "unknown";
	case TPLC_RUBRIC_UNANSWERED:
		break;
	}
	return "unanswered";
}

const char *tplc_rubric_source_name(enum tplc_rubric_source source)
{
	switch (source) {
	case TPLC_RUBRIC_FROM_ANSWERS:
		return "answers";
	case TPLC_RUBRIC_FROM_UNKNOWN:
		return "unknown";
	case TPLC_RUBRIC_FROM_FALLBACK:
		return "fallback";
	case TPLC_RUBRIC_FROM_WORST:
		return "worst";
	case TPLC_RUBRIC_FROM_GATED:
		return "gated";
	}
	return "?";
}

/* Copy [s, s+len) into buf of size, blanks trimmed; false when it does
 * not fit. */
static bool rubric_word(char *buf, size_t size, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	                   s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	if (len >= size)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return true;
}

int tplc_rubric_set(struct tplc_rubric_answers *answers, const char *assignment,
                    struct tplc_error *err)
{
	char id[RUBRIC_ID_MAX], word[RUBRIC_ANSWER_MAX];
	enum tplc_rubric_answer answer;
	const char *eq;
	size_t index, idlen;
	int quoted;

	tplc_error_clear(err);
	if (!answers || !assignment)
		return tplc_error_set(err, TPLC_EINVAL, "no answer given");
	quoted = (int)strnlen(assignment, RUBRIC_QUOTE_MAX);
	eq = strchr(assignment, '=');
	if (!eq)
		return tplc_error_set(err, TPLC_EPARSE,
		                      "%.*s: expected ID=ANSWER (XAVN=yes)",
		                      quoted, assignment);
	idlen = (size_t)(eq - assignment);
	if (!rubric_word(id, sizeof(id), assignment, idlen) ||
	    !tplc_rubric_question_find(id, &index))
		return tplc_error_set(
		        err, TPLC_EPARSE,
		        "%.*s: unknown question (see 'tplc rubric questions')",
		        (int)(idlen < RUBRIC_QUOTE_MAX ? idlen
		                                       : RUBRIC_QUOTE_MAX),
		        assignment);
	if (!rubric_word(word, sizeof(word), eq + 1, strlen(eq + 1)) ||
	    tplc_rubric_answer_parse(&answer, word, NULL) < 0)
		return tplc_error_set(err, TPLC_EPARSE,
		                      "%.*s: answer must be yes, no or unknown",
		                      quoted, assignment);
	answers->answer[index] = answer;
	return 0;
}

/* yes, no or unknown; anything else (unanswered, out of range) is
 * unanswered. */
static enum tplc_rubric_answer rubric_get(const struct tplc_rubric_answers *a,
                                          int q)
{
	enum tplc_rubric_answer v = a->answer[q];

	return v == TPLC_RUBRIC_YES || v == TPLC_RUBRIC_NO ||
	                       v == TPLC_RUBRIC_UNKNOWN
	               ? v
	               : TPLC_RUBRIC_UNANSWERED;
}

static void rubric_decide(struct tplc_rubric_metric *m, int q, char value,
                          enum tplc_rubric_source source)
{
	m->value = value;
	m->source = source;
	m->question = q >= 0 ? questions[q].q.id : NULL;
}

/*
 * Walk the flow from question q: each yes or no leads to a value or to
 * the next question; an unknown or a missing answer on the way stops at
 * that question's worst case.
 */
static void rubric_walk(struct tplc_rubric_metric *m,
                        const struct tplc_rubric_answers *a, int q,
                        const char *verb)
{
	for (int steps = 0; steps < Q_COUNT; steps++) {
		const struct rubric_q *r = &questions[q];
		enum tplc_rubric_answer ans = rubric_get(a, q);
		const struct rubric_edge *e;

		if (ans != TPLC_RUBRIC_YES && ans != TPLC_RUBRIC_NO) {
			rubric_decide(m, q, r->worst, TPLC_RUBRIC_FROM_UNKNOWN);
			snprintf(m->reason, sizeof(m->reason),
			         "%s %s: worst case", r->q.id,
			         tplc_rubric_answer_name(ans));
			return;
		}
		e = ans == TPLC_RUBRIC_YES ? &r->yes : &r->no;
		if (e->value == '\0') {
			q = e->next;
			continue;
		}
		rubric_decide(m, q, e->value, TPLC_RUBRIC_FROM_ANSWERS);
		if (e->why)
			snprintf(m->reason, sizeof(m->reason), "%s=%s: %s",
			         r->q.id, tplc_rubric_answer_name(ans), e->why);
		else
			snprintf(m->reason, sizeof(m->reason), "%s=%s: %s %s%s",
			         r->q.id, tplc_rubric_answer_name(ans),
			         r->q.category,
			         ans == TPLC_RUBRIC_NO ? "not " : "", verb);
		return;
	}
}

/* N < L < H. */
static int rubric_rank(char value)
{
	return value == 'H' ? 2 : value == 'L' ? 1 : 0;
}

/* C, I or A: every category walked, the highest kept, explained by an
 * answer where one reaches it, else by the unknown that does. */
static void rubric_impact(struct tplc_rubric_metric *m,
                          const struct tplc_rubric_answers *a,
                          const struct rubric_metric *rm)
{
	struct tplc_rubric_metric best, cat;
	bool have = false;

	memset(&best, 0, sizeof(best));
	for (int q = rm->first; q < rm->end; q++) {
		if (questions[q].sub)
			continue;
		memset(&cat, 0, sizeof(cat));
		rubric_walk(&cat, a, q, rm->verb);
		if (!have || rubric_rank(cat.value) > rubric_rank(best.value) ||
		    (rubric_rank(cat.value) == rubric_rank(best.value) &&
		     best.source != TPLC_RUBRIC_FROM_ANSWERS &&
		     cat.source == TPLC_RUBRIC_FROM_ANSWERS))
			best = cat;
		have = true;
	}
	m->value = best.value;
	m->source = best.source;
	m->question = best.question;
	if (best.value == 'N') {
		m->question = NULL;
		snprintf(m->reason, sizeof(m->reason),
		         "no to every category: nothing %s", rm->verb);
	} else {
		memcpy(m->reason, best.reason, sizeof(m->reason));
	}
}

static bool rubric_started(const struct tplc_rubric_answers *a,
                           const struct rubric_metric *rm)
{
	for (int q = rm->first; q < rm->end; q++)
		if (rubric_get(a, q) != TPLC_RUBRIC_UNANSWERED)
			return true;
	return false;
}

/* The fallback's base values in metrics[] order, checked by the scorer
 * first: v3 only. */
static int rubric_fallback(char *values, const char *vector,
                           struct tplc_error *err)
{
	struct tplc_cvss_scores s;
	struct tplc_error why;

	if (tplc_cvss_score(&s, vector, &why) < 0)
		return tplc_error_set(err, TPLC_EPARSE, "fallback vector: %s",
		                      why.message);
	if (s.version != TPLC_CVSS_V30 && s.version != TPLC_CVSS_V31)
		return tplc_error_set(err, TPLC_EPARSE,
		                      "fallback vector: not CVSS v3.0 or v3.1");
	/* valid v3: every base metric is there once */
	for (size_t m = 0; m < 8; m++)
		values[m] = tplc_cvss__value(vector, metrics[m].name);
	return 0;
}

int tplc_rubric_derive(struct tplc_rubric_result *out,
                       const struct tplc_rubric_answers *answers,
                       const char *fallback, unsigned flags,
                       struct tplc_error *err)
{
	char fb[8] = { 0 };
	struct tplc_cvss_scores s;
	int rc;

	tplc_error_clear(err);
	if (!out || !answers)
		return tplc_error_set(err, TPLC_EINVAL, "no answers");
	memset(out, 0, sizeof(*out));
	if (fallback) {
		rc = rubric_fallback(fb, fallback, err);
		if (rc < 0)
			return rc;
	}
	for (int q = 0; q < Q_COUNT; q++)
		if (rubric_get(answers, q) != TPLC_RUBRIC_UNANSWERED)
			out->answered++;
	for (size_t i = 0; i < 8; i++) {
		const struct rubric_metric *rm = &metrics[i];
		struct tplc_rubric_metric *m = &out->metric[i];
		static const char worst[] = "NLNNCHHH";

		m->metric = rm->name;
		if (!rubric_started(answers, rm)) {
			if (fallback) {
				rubric_decide(m, -1, fb[i],
				              TPLC_RUBRIC_FROM_FALLBACK);
				snprintf(m->reason, sizeof(m->reason),
				         "no answer: %s:%c from the fallback "
				         "vector",
				         rm->name, fb[i]);
			} else {
				rubric_decide(m, -1, worst[i],
				              TPLC_RUBRIC_FROM_WORST);
				snprintf(m->reason, sizeof(m->reason),
				         "no answer, no fallback: worst case");
			}
		} else if (rm->verb && fallback &&
		           (flags & TPLC_RUBRIC_IMPACT_GATED) && fb[i] == 'N') {
			rubric_decide(m, -1, 'N', TPLC_RUBRIC_FROM_GATED);
			snprintf(
			        m->reason, sizeof(m->reason),
			        "the fallback vector has %s:N: answers for the "
			        "whole model do not raise it",
			        rm->name);
		} else if (rm->verb) {
			rubric_impact(m, answers, rm);
		} else {
			rubric_walk(m, answers, rm->first, NULL);
		}
	}
	snprintf(out->vector, sizeof(out->vector),
	         "CVSS:3.1/AV:%c/AC:%c/PR:%c/UI:%c/S:%c/C:%c/I:%c/A:%c",
	         out->metric[0].value, out->metric[1].value,
	         out->metric[2].value, out->metric[3].value,
	         out->metric[4].value, out->metric[5].value,
	         out->metric[6].value, out->metric[7].value);
	rc = tplc_cvss_score(&s, out->vector, err);
	if (rc < 0)
		return rc;
	out->base = s.base;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hospital's lifecycle review (tplc/review.h): IMDRF N70's checklist
 * near End of Support, its compensating controls after it, and the rule
 * that says when the next review is due.  Pure: the day is an argument.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tplc/priority.h"
#include "tplc/review.h"
#include "util/date.h"
#include "util/str.h"

/* Longest question ID and answer word read, in bytes. */
#define REVIEW_WORD_MAX 16
/* Longest word quoted in an error, in bytes. */
#define REVIEW_QUOTE_MAX 32

/*
 * N70's considerations for a hospital as a device nears End of Support,
 * paraphrased as one question each (the wording is ours, not N70's).
 */
static const struct tplc_review_question questions[TPLC_REVIEW_QUESTIONS] = {
	{ "EOS-01", "Is the device's End of Support date known and recorded?" },
	{ "EOS-02", "Has the manufacturer's EOL/EOS notice been received?" },
	{ "EOS-03", "Is a current SBOM for the device on file?" },
	{ "EOS-04",
	  "Are its known vulnerabilities and their patch status known?" },
	{ "EOS-05", "Are its network diagram and data flows documented?" },
	{ "EOS-06", "Is a maintenance schedule in place?" },
	{ "EOS-07", "Is the clinical need still met, or is a replacement or "
	            "upgrade available?" },
	{ "EOS-08", "Is the replacement budgeted?" },
	{ "EOS-09", "Has the manufacturer communicated the residual risks "
	            "after EOS, and have they been assessed?" },
	{ "EOS-10", "Can compensating controls be applied without harming "
	            "safety or essential performance (manufacturer "
	            "consulted)?" },
	{ "EOS-11", "Is the transfer of responsibility agreed?" },
	{ "EOS-12", "Are an incident response and a downtime plan in place?" },
};

/* N70's compensating controls for devices past End of Support; the
 * titles are N70's wording. */
static const struct tplc_review_control controls[TPLC_REVIEW_CONTROLS] = {
	{ "physical-access", "Restrict physical access to the device",
	  TPLC_CONTROL_PHYSICAL, NULL },
	{ "removable-media", "Restrict the use of removable media",
	  TPLC_CONTROL_REMOVABLE_MEDIA, NULL },
	{ "isolation", "Isolate the device from the network", 0, "isolated" },
	{ "segmentation", "Segregate the device on its own VLAN", 0,
	  "segmented" },
	{ "monitoring", "Monitor network traffic (IDS, SIEM)",
	  TPLC_CONTROL_MONITORING, NULL },
	{ "no-remote-access", "Remove remote access to the device",
	  TPLC_CONTROL_NO_REMOTE, NULL },
	{ "firewall", "Firewall the device, opening only the ports it needs",
	  TPLC_CONTROL_FIREWALL, NULL },
	{ "anti-malware",
	  "Install anti-malware after consulting the manufacturer",
	  TPLC_CONTROL_ANTI_MALWARE, NULL },
	{ "backup", "Back up the device and test the restore",
	  TPLC_CONTROL_BACKUP, NULL },
};

static const char *const decisions[] = {
	[TPLC_REVIEW_KEEP] = "keep",
	[TPLC_REVIEW_UPGRADE] = "upgrade",
	[TPLC_REVIEW_REPLACE] = "replace",
	[TPLC_REVIEW_DECOMMISSION] = "decommission",
};

static const struct {
	const char *name, *key;
} requirements[] = {
	[TPLC_REVIEW_NOT_REQUIRED] = { "not required", "none" },
	[TPLC_REVIEW_EOL_WINDOW] = { "EOL within 3 years", "eol-window" },
	[TPLC_REVIEW_EOS_WINDOW] = { "EOS within 3 years", "eos-window" },
	[TPLC_REVIEW_LIMITED] = { "Limited Support: annual risk assessment",
	                          "limited" },
	[TPLC_REVIEW_EOS] = { "End of Support: annual risk assessment", "eos" },
};

_Static_assert(TPLC_TRANSFER_WINDOW_YEARS == 3, "requirement names say 3");

const struct tplc_review_question *tplc_review_question_at(size_t i)
{
	return i < TPLC_REVIEW_QUESTIONS ? &questions[i] : NULL;
}

int tplc_review_question_find(const char *id)
{
	for (size_t i = 0; id && i < TPLC_REVIEW_QUESTIONS; i++)
		if (tplx_strcaseeq(questions[i].id, id))
			return (int)i;
	return -1;
}

size_t tplc_review_answered(const struct tplc_review_answers *a)
{
	size_t n = 0;

	for (size_t i = 0; i < TPLC_REVIEW_QUESTIONS; i++)
		if (a->answer[i] != TPLC_RUBRIC_UNANSWERED)
			n++;
	return n;
}

/* The next word of [*p, end) (blanks or '=' between words) into buf;
 * 0 at the end, 1 for a word, -1 when it does not fit. */
static int next_word(const char **p, const char *end, char *buf, size_t size,
                     size_t *len)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '='))
		s++;
	*len = 0;
	while (s + *len < end && s[*len] != ' ' && s[*len] != '\t' &&
	       s[*len] != '\r' && s[*len] != '=')
		(*len)++;
	*p = s + *len;
	if (*len == 0)
		return 0;
	if (*len >= size)
		return -1;
	memcpy(buf, s, *len);
	buf[*len] = '\0';
	return 1;
}

/* One line's "ID ANSWER" into out; seen marks the questions answered. */
static int parse_line(struct tplc_review_answers *out, bool *seen,
                      const char *s, const char *end, const char *file,
                      unsigned long line, struct tplc_error *err)
{
	char id[REVIEW_WORD_MAX], word[REVIEW_WORD_MAX], extra[2];
	enum tplc_rubric_answer answer;
	const char *p = s;
	size_t len;
	int q, got;

	if (memchr(s, '\0', (size_t)(end - s)))
		return tplc_error_set_at(err, TPLC_EPARSE, file, line, 0, NULL,
		                         "NUL byte in the line");
	got = next_word(&p, end, id, sizeof(id), &len);
	if (got == 0)
		return 0;
	q = got > 0 ? tplc_review_question_find(id) : -1;
	if (q < 0)
		return tplc_error_set_at(
		        err, TPLC_EPARSE, file, line, 0, NULL,
		        "%.*s: unknown question (see 'tplc lifecycle "
		        "checklist')",
		        (int)(len < REVIEW_QUOTE_MAX ? len : REVIEW_QUOTE_MAX),
		        p - len);
	got = next_word(&p, end, word, sizeof(word), &len);
	if (got == 0)
		return tplc_error_set_at(err, TPLC_EPARSE, file, line, 0, NULL,
		                         "%s: no answer (yes, no or unknown)",
		                         questions[q].id);
	if (got < 0 || tplc_rubric_answer_parse(&answer, word, NULL) < 0)
		return tplc_error_set_at(
		        err, TPLC_EPARSE, file, line, 0, NULL,
		        "%s: %.*s: answer must be yes, no or unknown",
		        questions[q].id,
		        (int)(len < REVIEW_QUOTE_MAX ? len : REVIEW_QUOTE_MAX),
		        p - len);
	if (next_word(&p, end, extra, sizeof(extra), &len) != 0)
		return tplc_error_set_at(err, TPLC_EPARSE, file, line, 0, NULL,
		                         "%s: more than one answer on the line",
		                         questions[q].id);
	if (seen[q])
		return tplc_error_set_at(err, TPLC_EPARSE, file, line, 0, NULL,
		                         "%s answered twice", questions[q].id);
	seen[q] = true;
	out->answer[q] = answer;
	return 0;
}

int tplc_review_answers_parse(struct tplc_review_answers *out, const char *text,
                              size_t len, const char *file,
                              struct tplc_error *err)
{
	bool seen[TPLC_REVIEW_QUESTIONS] = { false };
	const char *p = text, *end = text + len;
	unsigned long line = 0;

	tplc_error_clear(err);
	if (!out || (!text && len > 0))
		return tplc_error_set(err, TPLC_EINVAL, "no answers");
	memset(out, 0, sizeof(*out));
	if (len > TPLC_REVIEW_ANSWERS_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, file, 0, 0, NULL,
		                         "answer file over %d bytes",
		                         TPLC_REVIEW_ANSWERS_MAX);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *hash = memchr(p, '#', (size_t)(eol - p));
		int error;

		line++;
		error = parse_line(out, seen, p, hash ? hash : eol, file, line,
		                   err);
		if (error < 0)
			return error;
		p = nl ? nl + 1 : end;
	}
	return 0;
}

const struct tplc_review_control *tplc_review_control_at(size_t i)
{
	return i < TPLC_REVIEW_CONTROLS ? &controls[i] : NULL;
}

int tplc_review_controls_parse(unsigned *out, const char *s,
                               struct tplc_error *err)
{
	unsigned bits = 0;

	while (s && *s != '\0') {
		size_t len, i;

		s += strspn(s, " \t,;");
		len = strcspn(s, " \t,;");
		if (len == 0)
			break;
		for (i = 0; i < TPLC_REVIEW_CONTROLS; i++)
			if (strlen(controls[i].name) == len &&
			    strncasecmp(s, controls[i].name, len) == 0)
				break;
		if (i == TPLC_REVIEW_CONTROLS)
			return tplc_error_set(
			        err, TPLC_EPARSE,
			        "%.*s: not a compensating control (see 'tplc "
			        "lifecycle checklist')",
			        (int)(len < REVIEW_QUOTE_MAX
			                      ? len
			                      : REVIEW_QUOTE_MAX),
			        s);
		bits |= 1u << i;
		s += len;
	}
	*out = bits;
	return 0;
}

const char *tplc_review_controls_format(unsigned bits, char *buf, size_t size)
{
	size_t n = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < TPLC_REVIEW_CONTROLS; i++) {
		int w;

		if (!(bits & (1u << i)))
			continue;
		w = snprintf(buf + n, size - n, "%s%s", n ? "," : "",
		             controls[i].name);
		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
	}
	return buf;
}

const char *tplc_review_decision_name(enum tplc_review_decision d)
{
	return (unsigned)d <= TPLC_REVIEW_DECOMMISSION ? decisions[d] : "?";
}

int tplc_review_decision_parse(const char *s)
{
	for (size_t i = 0; s && i <= TPLC_REVIEW_DECOMMISSION; i++)
		if (tplx_strcaseeq(s, decisions[i]))
			return (int)i;
	return -1;
}

int tplc_review_decision_check(enum tplc_review_decision d,
                               const char *decide_by, struct tplc_error *err)
{
	if (decide_by && !tplx_date_only(decide_by))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%.*s: not a date (YYYY-MM-DD)",
		                      REVIEW_QUOTE_MAX, decide_by);
	if (d == TPLC_REVIEW_DECOMMISSION && !decide_by)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "decommission needs the date it is "
		                      "planned for");
	return 0;
}

/* ---- when a review is due ------------------------------------------------ */

const char *tplc_review_requirement_name(enum tplc_review_requirement r)
{
	return (unsigned)r <= TPLC_REVIEW_EOS ? requirements[r].name : "?";
}

const char *tplc_review_requirement_key(enum tplc_review_requirement r)
{
	return (unsigned)r <= TPLC_REVIEW_EOS ? requirements[r].key : "?";
}

const char *tplc_review_state_name(enum tplc_review_state s)
{
	switch (s) {
	case TPLC_REVIEW_OK:
		return "ok";
	case TPLC_REVIEW_DUE:
		return "due";
	case TPLC_REVIEW_OVERDUE:
		return "overdue";
	case TPLC_REVIEW_NONE:
		break;
	}
	return "none";
}

/* A requirement holds from since: keep the strongest kind, and the
 * earliest day any of them began. */
static void require(struct tplc_review_due *out, enum tplc_review_requirement r,
                    const char *since)
{
	if (r > out->requirement)
		out->requirement = r;
	if (out->since[0] == '\0' || strcmp(since, out->since) < 0)
		snprintf(out->since, sizeof(out->since), "%s", since);
}

/* The milestone's window has opened on as_of: from date minus the years. */
static bool window_open(const char *date, const char *as_of, char *opens)
{
	if (!tplx_date_only(date))
		return false;
	tplx_date_add_years(opens, date, -TPLC_TRANSFER_WINDOW_YEARS);
	return strcmp(opens, as_of) <= 0;
}

static bool has_plan(const struct tplc_review_last *last)
{
	if (!last || !last->date)
		return false;
	if (last->decision == TPLC_REVIEW_KEEP)
		return last->controls != 0;
	return tplx_date_only(last->decide_by);
}

int tplc_review_due(struct tplc_review_due *out,
                    const struct tplc_lifecycle_status *status,
                    const struct tplc_review_last *last, const char *as_of,
                    long horizon_days, struct tplc_error *err)
{
	char opens[TPLX_DATE_SIZE], next[TPLX_DATE_SIZE];

	tplc_error_clear(err);
	if (!out || !status)
		return tplc_error_set(err, TPLC_EINVAL, "no status");
	memset(out, 0, sizeof(*out));
	if (!tplx_date_only(as_of) ||
	    (last && last->date && !tplx_date_only(last->date)))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "not a date (YYYY-MM-DD)");
	if (horizon_days < 0)
		return tplc_error_set(err, TPLC_EINVAL, "negative horizon");
	if (status->stage == TPLC_LIFECYCLE_LIMITED ||
	    status->stage == TPLC_LIFECYCLE_END_OF_SUPPORT)
		/* a stage whose start is unknown: assume it began today */
		require(out,
		        status->stage == TPLC_LIFECYCLE_LIMITED
		                ? TPLC_REVIEW_LIMITED
		                : TPLC_REVIEW_EOS,
		        tplx_date_only(status->since) ? status->since : as_of);
	if (window_open(status->eol, as_of, opens))
		require(out, TPLC_REVIEW_EOL_WINDOW, opens);
	if (window_open(status->eos, as_of, opens)) {
		require(out, TPLC_REVIEW_EOS_WINDOW, opens);
		out->transfer_needed = true;
	}
	/* End of Support from a component, with no EOS date: past it too */
	if (status->stage == TPLC_LIFECYCLE_END_OF_SUPPORT)
		out->transfer_needed = true;
	out->transfer_plan = out->transfer_needed && has_plan(last);
	if (out->requirement == TPLC_REVIEW_NOT_REQUIRED)
		return 0;
	snprintf(out->due, sizeof(out->due), "%s", out->since);
	if (last && last->date) {
		tplx_date_add_years(next, last->date, 1);
		if (strcmp(next, out->due) > 0)
			snprintf(out->due, sizeof(out->due), "%s", next);
	}
	out->days = tplx_date_diff(as_of, out->due);
	out->state = out->days < 0               ? TPLC_REVIEW_OVERDUE
	             : out->days <= horizon_days ? TPLC_REVIEW_DUE
	                                         : TPLC_REVIEW_OK;
	return 0;
}

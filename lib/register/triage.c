/* SPDX-License-Identifier: Apache-2.0 */
/* The triage states and the rule that reopens a decision (tplc/triage.h). */
#include <stdio.h>
#include <string.h>

#include "tplc/triage.h"
#include "util/str.h"

static const char *const names[TPLC_TRIAGE_STATES] = {
	[TPLC_TRIAGE_NEW] = "new",
	[TPLC_TRIAGE_IN_TRIAGE] = "in-triage",
	[TPLC_TRIAGE_EXPLOITABLE] = "exploitable",
	[TPLC_TRIAGE_NOT_AFFECTED] = "not-affected",
	[TPLC_TRIAGE_MITIGATED] = "mitigated",
	[TPLC_TRIAGE_ACCEPTED] = "accepted",
	[TPLC_TRIAGE_RESOLVED] = "resolved",
};

/* The longest name a state is spelled with, with room to spare. */
#define STATE_TEXT_MAX 32

const char *tplc_triage_state_name(enum tplc_triage_state s)
{
	if ((unsigned)s >= TPLC_TRIAGE_STATES)
		return "new";
	return names[s];
}

/* text of length len as a name: lower case, '_' and ' ' as '-'. */
static bool normalise(char *out, const char *text, size_t len)
{
	if (len == 0 || len >= STATE_TEXT_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == '_' || c == ' ')
			c = '-';
		out[i] = c;
	}
	out[len] = '\0';
	return true;
}

static int parse_n(enum tplc_triage_state *out, const char *text, size_t len,
                   struct tplc_error *err)
{
	char buf[STATE_TEXT_MAX];

	if (normalise(buf, text, len))
		for (int s = 0; s < TPLC_TRIAGE_STATES; s++)
			if (strcmp(buf, names[s]) == 0) {
				*out = (enum tplc_triage_state)s;
				return 0;
			}
	return tplc_error_set(err, TPLC_EINVAL,
	                      "unknown state '%.*s' (new, in-triage, "
	                      "exploitable, not-affected, mitigated, accepted, "
	                      "resolved)",
	                      (int)(len < 64 ? len : 64), text);
}

int tplc_triage_state_parse(enum tplc_triage_state *out, const char *text,
                            struct tplc_error *err)
{
	if (text == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no state");
	return parse_n(out, text, strlen(text), err);
}

int tplc_triage_states_parse(unsigned *out, const char *list,
                             struct tplc_error *err)
{
	enum tplc_triage_state s;
	const char *p = list, *comma;
	int error;

	*out = 0;
	if (list == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no state");
	for (;;) {
		size_t len;

		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		while (len > 0 && *p == ' ')
			p++, len--;
		while (len > 0 && p[len - 1] == ' ')
			len--;
		error = parse_n(&s, p, len, err);
		if (error < 0)
			return error;
		*out |= TPLC_TRIAGE_BIT(s);
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

bool tplc_triage_closed(enum tplc_triage_state s)
{
	return s == TPLC_TRIAGE_NOT_AFFECTED || s == TPLC_TRIAGE_RESOLVED ||
	       s == TPLC_TRIAGE_ACCEPTED;
}

bool tplc_triage_reopen(const struct tplc_triage_decision *d,
                        const struct tplc_triage_now *now, char *reason,
                        size_t size)
{
	if (size > 0)
		reason[0] = '\0';
	if (d->state == TPLC_TRIAGE_NEW || d->state == TPLC_TRIAGE_IN_TRIAGE)
		return false;
	if (d->bound_version != NULL &&
	    !tplx_streq(d->bound_version, now->version ? now->version : "")) {
		snprintf(reason, size,
		         "reopened: %s is now %s; the decision was made on %s",
		         now->component && now->component[0] ? now->component
		                                             : "the component",
		         now->version && now->version[0] ? now->version
		                                         : "unversioned",
		         d->bound_version[0] ? d->bound_version : "no version");
		return true;
	}
	/* a decision made without VEX did not rely on one: a statement
	 * arriving later does not undo it */
	if (d->bound_vex != NULL && !tplx_streq(d->bound_vex, now->vex)) {
		snprintf(reason, size,
		         "reopened: the VEX statement it relied on changed "
		         "(was %s; now %s)",
		         d->bound_vex, now->vex ? now->vex : "none");
		return true;
	}
	return false;
}

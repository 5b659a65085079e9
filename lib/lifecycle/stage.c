/* SPDX-License-Identifier: Apache-2.0 */
/*
 * IMDRF N70's stage rules (tplc/lifecycle.h).  The stage on a day is
 * judged from the milestones and the components alone; since when, what
 * comes next and the stages over time come from judging again on every
 * date the input names, since the stage can change only on one of them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tplc/lifecycle.h"
#include "util/alloc.h"
#include "util/date.h"

static const struct {
	const char *name, *key;
} stages[TPLC_LIFECYCLE_STAGES] = {
	[TPLC_LIFECYCLE_UNKNOWN] = { "unknown", "unknown" },
	[TPLC_LIFECYCLE_DEVELOPMENT] = { "Development", "development" },
	[TPLC_LIFECYCLE_SUPPORT] = { "Support", "support" },
	[TPLC_LIFECYCLE_LIMITED] = { "Limited Support", "limited" },
	[TPLC_LIFECYCLE_END_OF_SUPPORT] = { "End of Support", "eos" },
};

const char *tplc_lifecycle_name(enum tplc_lifecycle stage)
{
	return (unsigned)stage < TPLC_LIFECYCLE_STAGES ? stages[stage].name
	                                               : "unknown";
}

const char *tplc_lifecycle_key(enum tplc_lifecycle stage)
{
	return (unsigned)stage < TPLC_LIFECYCLE_STAGES ? stages[stage].key
	                                               : "unknown";
}

int tplc_lifecycle_parse(const char *text)
{
	/* SPDX 3.0 supportLevel values map onto the stages too */
	static const struct {
		const char *text;
		enum tplc_lifecycle stage;
	} aliases[] = {
		{ "limited-support", TPLC_LIFECYCLE_LIMITED },
		{ "limitedSupport", TPLC_LIFECYCLE_LIMITED },
		{ "end-of-support", TPLC_LIFECYCLE_END_OF_SUPPORT },
		{ "endOfSupport", TPLC_LIFECYCLE_END_OF_SUPPORT },
		{ "noSupport", TPLC_LIFECYCLE_END_OF_SUPPORT },
		{ "deployed", TPLC_LIFECYCLE_SUPPORT },
	};

	if (text == NULL)
		return -1;
	for (int i = 0; i < TPLC_LIFECYCLE_STAGES; i++)
		if (strcasecmp(text, stages[i].name) == 0 ||
		    strcasecmp(text, stages[i].key) == 0)
			return i;
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcasecmp(text, aliases[i].text) == 0)
			return (int)aliases[i].stage;
	return -1;
}

static const char *const decisions[] = {
	[TPLC_DECISION_NONE] = "none",
	[TPLC_DECISION_ACCEPTABLE] = "acceptable",
	[TPLC_DECISION_MITIGATED] = "mitigated",
	[TPLC_DECISION_NOT_MITIGATED] = "not-mitigated",
};

const char *tplc_component_decision_name(enum tplc_component_decision d)
{
	return (unsigned)d <= TPLC_DECISION_NOT_MITIGATED ? decisions[d]
	                                                  : "none";
}

int tplc_component_decision_parse(const char *text)
{
	if (text == NULL)
		return -1;
	for (int i = TPLC_DECISION_ACCEPTABLE; i <= TPLC_DECISION_NOT_MITIGATED;
	     i++)
		if (strcasecmp(text, decisions[i]) == 0)
			return i;
	return -1;
}

bool tplc_notice_short(const char *announced, const char *date)
{
	char enough[TPLX_DATE_SIZE];

	if (!tplx_date_valid(announced) || !tplx_date_valid(date))
		return false;
	tplx_date_add_years(enough, announced, TPLC_NOTICE_LEAD_YEARS);
	return strncmp(date, enough, 10) < 0;
}

/* ---- judging one day ----------------------------------------------------- */

static bool given(const char *date)
{
	return date != NULL && *date != '\0';
}

/* The earlier of two dates, either possibly absent; which one into from. */
static const char *earliest(const char *product, const char *device,
                            const char **from)
{
	bool p = given(product), d = given(device);

	if (p && (!d || strncmp(product, device, 10) <= 0)) {
		*from = "product";
		return product;
	}
	if (d) {
		*from = "device";
		return device;
	}
	*from = NULL;
	return NULL;
}

static bool on_or_before(const char *date, const char *day)
{
	return given(date) && strncmp(date, day, 10) <= 0;
}

/* Out of support on day: its end-of-support date passed, or, with no
 * date, its supplier no longer maintains it. */
static bool unsupported(const struct tplc_lifecycle_component *c,
                        const char *day)
{
	if (given(c->end_of_support))
		return strncmp(c->end_of_support, day, 10) <= 0;
	if (c->level != TPLC_SUPPORT_NOT_MAINTAINED &&
	    c->level != TPLC_SUPPORT_ABANDONED)
		return false;
	return !given(c->unsupported_since) ||
	       strncmp(c->unsupported_since, day, 10) <= 0;
}

static enum tplc_lifecycle
component_effect(const struct tplc_lifecycle_component *c)
{
	switch (c->decision) {
	case TPLC_DECISION_ACCEPTABLE:
		return TPLC_LIFECYCLE_SUPPORT;
	case TPLC_DECISION_MITIGATED:
		return TPLC_LIFECYCLE_LIMITED;
	default:
		return TPLC_LIFECYCLE_END_OF_SUPPORT;
	}
}

static void add_reason(struct tplc_lifecycle_status *st, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static void add_reason(struct tplc_lifecycle_status *st, const char *fmt, ...)
{
	va_list ap;

	if (st->reasons >= TPLC_LIFECYCLE_REASONS)
		return;
	va_start(ap, fmt);
	vsnprintf(st->reason[st->reasons++], TPLC_LIFECYCLE_REASON_SIZE, fmt,
	          ap);
	va_end(ap);
}

static void component_reason(struct tplc_lifecycle_status *st,
                             const struct tplc_lifecycle_component *c)
{
	static const char *const why[] = {
		[TPLC_DECISION_NONE] = "no manufacturer risk decision: "
		                       "taken as not mitigated",
		[TPLC_DECISION_ACCEPTABLE] = "manufacturer: risk acceptable",
		[TPLC_DECISION_MITIGATED] = "manufacturer: risk mitigated",
		[TPLC_DECISION_NOT_MITIGATED] = "manufacturer: risk not "
		                                "mitigated",
	};
	char since[48];

	if (st->reasons >= TPLC_LIFECYCLE_REASONS)
		return;
	if (given(c->end_of_support))
		snprintf(since, sizeof(since), "out of support since %.10s",
		         c->end_of_support);
	else
		snprintf(since, sizeof(since), "%s%s%.10s",
		         c->level == TPLC_SUPPORT_ABANDONED ? "abandoned"
		                                            : "not maintained",
		         given(c->unsupported_since) ? " as of " : "",
		         given(c->unsupported_since) ? c->unsupported_since
		                                     : "");
	snprintf(st->reason[st->reasons++], TPLC_LIFECYCLE_REASON_SIZE,
	         "%s %s; %s", c->name ? c->name : "a component", since,
	         why[c->decision <= TPLC_DECISION_NOT_MITIGATED ? c->decision
	                                                        : 0]);
}

/* Whose date it is, in a reason. */
static const char *record_name(const char *from)
{
	return from && strcmp(from, "device") == 0 ? "device record"
	                                           : "manufacturer";
}

/* Judge the stage on day; reasons only when want_reasons. */
static void judge(struct tplc_lifecycle_status *st,
                  const struct tplc_lifecycle_input *in, const char *day,
                  bool want_reasons)
{
	enum tplc_lifecycle by_component = TPLC_LIFECYCLE_UNKNOWN;
	const char *eol, *eos;
	bool known;
	size_t i, shown = 0;

	memset(st, 0, sizeof(*st));
	eol = earliest(in->eol, in->device_eol, &st->eol_from);
	eos = earliest(in->eos, in->device_eos, &st->eos_from);
	if (eol)
		snprintf(st->eol, sizeof(st->eol), "%.10s", eol);
	if (eos)
		snprintf(st->eos, sizeof(st->eos), "%.10s", eos);
	known = given(in->release) || eol || eos;

	for (i = 0; i < in->component_count; i++) {
		const struct tplc_lifecycle_component *c = &in->components[i];
		enum tplc_lifecycle effect;

		if (c->level != TPLC_SUPPORT_UNKNOWN ||
		    given(c->end_of_support))
			known = true;
		if (!unsupported(c, day))
			continue;
		st->unsupported++;
		if (c->decision == TPLC_DECISION_NONE)
			st->undecided++;
		effect = component_effect(c);
		if (effect > by_component)
			by_component = effect;
	}

	if (on_or_before(eos, day))
		st->stage = TPLC_LIFECYCLE_END_OF_SUPPORT;
	else if (by_component == TPLC_LIFECYCLE_END_OF_SUPPORT)
		st->stage = TPLC_LIFECYCLE_END_OF_SUPPORT;
	else if (on_or_before(eol, day) ||
	         by_component == TPLC_LIFECYCLE_LIMITED)
		st->stage = TPLC_LIFECYCLE_LIMITED;
	else if (given(in->release) && strncmp(in->release, day, 10) > 0)
		st->stage = TPLC_LIFECYCLE_DEVELOPMENT;
	else if (known)
		st->stage = TPLC_LIFECYCLE_SUPPORT;
	else
		st->stage = TPLC_LIFECYCLE_UNKNOWN;
	if (!want_reasons)
		return;

	/* what put it there: the declared date first, then components */
	if (st->stage == TPLC_LIFECYCLE_END_OF_SUPPORT &&
	    on_or_before(eos, day))
		add_reason(st, "EOS %.10s passed (%s)", eos,
		           record_name(st->eos_from));
	if (st->stage >= TPLC_LIFECYCLE_LIMITED && on_or_before(eol, day))
		add_reason(st, "EOL %.10s passed (%s)", eol,
		           record_name(st->eol_from));
	for (i = 0; i < in->component_count; i++) {
		const struct tplc_lifecycle_component *c = &in->components[i];

		if (!unsupported(c, day))
			continue;
		if (component_effect(c) != st->stage &&
		    st->stage != TPLC_LIFECYCLE_SUPPORT)
			continue;
		if (st->reasons + 1 < TPLC_LIFECYCLE_REASONS)
			component_reason(st, c);
		shown++;
	}
	if (shown > 0 && st->unsupported > shown) {
		add_reason(st, "%zu more component(s) out of support",
		           st->unsupported - shown);
	}
	switch (st->stage) {
	case TPLC_LIFECYCLE_DEVELOPMENT:
		add_reason(st, "release %.10s still to come", in->release);
		break;
	case TPLC_LIFECYCLE_SUPPORT:
		if (eol || eos)
			add_reason(st, "EOL %s, EOS %s still to come",
			           eol ? st->eol : "not announced",
			           eos ? st->eos : "not announced");
		else
			add_reason(st, "no EOL or EOS announced");
		break;
	case TPLC_LIFECYCLE_UNKNOWN:
		add_reason(st, "no milestone and no component support level "
		               "known");
		break;
	default:
		break;
	}
}

/* ---- over time ------------------------------------------------------------ */

static int compare_dates(const void *a, const void *b)
{
	return strncmp(*(const char *const *)a, *(const char *const *)b, 10);
}

static int check_date(const char *date, const char *what,
                      struct tplc_error *err)
{
	if (!given(date) || tplx_date_valid(date))
		return 0;
	return tplc_error_set(err, TPLC_EINVAL,
	                      "%s: '%s' is not a date (YYYY-MM-DD)", what,
	                      date);
}

/* Every date the input names, sorted, duplicates dropped. */
static int candidates(const struct tplc_lifecycle_input *in, const char ***out,
                      size_t *count, struct tplc_error *err)
{
	const char *fixed[] = { in->release, in->eol, in->eos, in->device_eol,
		                in->device_eos };
	const char *names[] = { "release", "EOL", "EOS", "device EOL",
		                "device EOS" };
	const char **dates;
	size_t n = 0, i, kept;
	int error = 0;

	dates = tplx_calloc(in->component_count + 5, sizeof(*dates));
	if (dates == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (i = 0; i < 5 && error == 0; i++) {
		error = check_date(fixed[i], names[i], err);
		if (given(fixed[i]))
			dates[n++] = fixed[i];
	}
	for (i = 0; i < in->component_count && error == 0; i++) {
		const struct tplc_lifecycle_component *c = &in->components[i];
		const char *d = given(c->end_of_support) ? c->end_of_support
		                                         : c->unsupported_since;

		error = check_date(d, "component end of support", err);
		if (given(d))
			dates[n++] = d;
	}
	if (error < 0) {
		tplx_free(dates);
		return error;
	}
	qsort(dates, n, sizeof(*dates), compare_dates);
	for (i = 0, kept = 0; i < n; i++)
		if (kept == 0 || strncmp(dates[kept - 1], dates[i], 10) != 0)
			dates[kept++] = dates[i];
	*out = dates;
	*count = kept;
	return 0;
}

/* The day before the first date: the stage "since ever". */
static void before(char out[TPLX_DATE_SIZE], const char *const *dates,
                   size_t count)
{
	if (count == 0)
		snprintf(out, TPLX_DATE_SIZE, "1970-01-01");
	else
		tplx_date_add_days(out, dates[0], -1);
}

int tplc_lifecycle_evaluate(struct tplc_lifecycle_status *out,
                            const struct tplc_lifecycle_input *in,
                            const char *as_of, struct tplc_error *err)
{
	struct tplc_lifecycle_status probe;
	enum tplc_lifecycle running;
	const char **dates;
	char first[TPLX_DATE_SIZE];
	size_t count, i;
	int error;

	if (!tplx_date_valid(as_of))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "'%s' is not a date (YYYY-MM-DD)",
		                      as_of ? as_of : "");
	error = candidates(in, &dates, &count, err);
	if (error < 0)
		return error;
	judge(out, in, as_of, true);

	before(first, dates, count);
	judge(&probe, in, first, false);
	running = probe.stage;
	for (i = 0; i < count; i++) {
		judge(&probe, in, dates[i], false);
		if (strncmp(dates[i], as_of, 10) <= 0) {
			if (probe.stage != running)
				snprintf(out->since, sizeof(out->since),
				         "%.10s", dates[i]);
			running = probe.stage;
		} else if (probe.stage != out->stage) {
			out->next = probe.stage;
			snprintf(out->next_date, sizeof(out->next_date),
			         "%.10s", dates[i]);
			break;
		}
	}
	tplx_free(dates);
	return 0;
}

int tplc_lifecycle_spans(const struct tplc_lifecycle_input *in,
                         struct tplc_lifecycle_span *out, size_t max,
                         size_t *count, struct tplc_error *err)
{
	struct tplc_lifecycle_status probe;
	const char **dates;
	char first[TPLX_DATE_SIZE];
	size_t n, i, spans = 0;
	int error;

	error = candidates(in, &dates, &n, err);
	if (error < 0)
		return error;
	before(first, dates, n);
	judge(&probe, in, first, false);
	if (max > 0) {
		out[0].stage = probe.stage;
		out[0].from[0] = out[0].to[0] = '\0';
	}
	spans = 1;
	for (i = 0; i < n; i++) {
		enum tplc_lifecycle last = probe.stage;

		judge(&probe, in, dates[i], false);
		if (probe.stage == last)
			continue;
		if (spans <= max)
			snprintf(out[spans - 1].to, sizeof(out->to), "%.10s",
			         dates[i]);
		if (spans < max) {
			out[spans].stage = probe.stage;
			snprintf(out[spans].from, sizeof(out->from), "%.10s",
			         dates[i]);
			out[spans].to[0] = '\0';
		}
		spans++;
	}
	tplx_free(dates);
	*count = spans;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The lifecycle timeline (tplc/timeline.h): the range and scale every
 * chart shares, and the text chart.  The SVG picture is in
 * timeline-svg.c.  A cell of the text chart shows the stage on the last
 * day of its period, so a milestone anywhere in a period marks it: the
 * board sees End of Support in the month it starts, never a month late.
 */
#include <stdio.h>
#include <string.h>

#include "lifecycle/timeline-internal.h"
#include "util/alloc.h"
#include "util/date.h"

static bool given(const char *date)
{
	return date != NULL && *date != '\0';
}

int tplx_timeline_year(const char *date)
{
	int year = 0;

	for (int i = 0; i < 4; i++)
		year = year * 10 + (date[i] - '0');
	return year;
}

static int month_of(const char *date)
{
	return (date[5] - '0') * 10 + (date[6] - '0');
}

long tplx_timeline_jan1(int year)
{
	char date[32]; /* room for any int; years are four digits */

	snprintf(date, sizeof(date), "%04d-01-01", year);
	return tplx_date_days(date);
}

enum tplc_lifecycle tplx_timeline_stage_on(const struct tplc_timeline_row *row,
                                           const char *day, size_t *span)
{
	for (size_t i = 0; i < row->span_count; i++) {
		const struct tplc_lifecycle_span *s = &row->spans[i];

		if (given(s->from) && strncmp(s->from, day, 10) > 0)
			continue;
		if (given(s->to) && strncmp(day, s->to, 10) >= 0)
			continue;
		if (span)
			*span = i;
		return s->stage;
	}
	if (span)
		*span = row->span_count;
	return TPLC_LIFECYCLE_UNKNOWN;
}

/* ---- range and scale --------------------------------------------------- */

static void widen(int *lo, int *hi, const char *date)
{
	int year;

	if (!given(date) || !tplx_date_valid(date))
		return;
	year = tplx_timeline_year(date);
	if (*lo == 0 || year < *lo)
		*lo = year;
	if (*hi == 0 || year > *hi)
		*hi = year;
}

static bool year_ok(int year)
{
	return year >= TPLX_TIMELINE_YEAR_MIN &&
	       year <= TPLX_TIMELINE_YEAR_LAST;
}

int tplc_timeline_range(const struct tplc_timeline_row *rows, size_t count,
                        const struct tplc_timeline_options *opt, int *from,
                        int *to, struct tplc_error *err)
{
	int lo = 0, hi = 0, now, half = TPLC_TIMELINE_YEARS_MAX / 2;

	if (!given(opt->as_of) || !tplx_date_valid(opt->as_of))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "as of '%s': not a date (YYYY-MM-DD)",
		                      opt->as_of ? opt->as_of : "");
	now = tplx_timeline_year(opt->as_of);
	if ((opt->from_year != 0 && !year_ok(opt->from_year)) ||
	    (opt->to_year != 0 && !year_ok(opt->to_year)))
		return tplc_error_set(
		        err, TPLC_EINVAL, "years must be between %d and %d",
		        TPLX_TIMELINE_YEAR_MIN, TPLX_TIMELINE_YEAR_LAST);
	for (size_t i = 0; i < count; i++) {
		const struct tplc_timeline_row *r = &rows[i];

		for (size_t j = 0; j < r->span_count; j++) {
			widen(&lo, &hi, r->spans[j].from);
			widen(&lo, &hi, r->spans[j].to);
		}
		widen(&lo, &hi, r->release.date);
		widen(&lo, &hi, r->eol.date);
		widen(&lo, &hi, r->eos.date);
	}
	if (lo == 0) {
		lo = now - TPLC_TIMELINE_YEARS_BEFORE;
		hi = now + TPLC_TIMELINE_YEARS_AFTER;
	}
	/* today is always on the picture; far-off dates are cut */
	if (now < lo)
		lo = now;
	if (now > hi)
		hi = now;
	if (lo < now - half)
		lo = now - half;
	if (hi > now + half - 1)
		hi = now + half - 1;
	if (lo < TPLX_TIMELINE_YEAR_MIN)
		lo = TPLX_TIMELINE_YEAR_MIN;
	if (hi > TPLX_TIMELINE_YEAR_LAST)
		hi = TPLX_TIMELINE_YEAR_LAST;

	if (opt->from_year != 0) {
		lo = opt->from_year;
		if (opt->to_year == 0 && hi < lo)
			hi = lo;
	}
	if (opt->to_year != 0) {
		hi = opt->to_year;
		if (opt->from_year == 0 && lo > hi)
			lo = hi;
	}
	if (lo > hi)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "from %d is after to %d", lo, hi);
	if (hi - lo + 1 > TPLC_TIMELINE_YEARS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "%d to %d is over %d years", lo, hi,
		                      TPLC_TIMELINE_YEARS_MAX);
	*from = lo;
	*to = hi;
	return 0;
}

int tplc_timeline_months_per_cell(int years, int width)
{
	static const int steps[] = { 1, 2, 3, 4, 6, 12 };

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (years * 12 / steps[i] <= width)
			return steps[i];
	return 12;
}

/* ---- the text chart ---------------------------------------------------- */

#define INDENT       "  "
#define INDENT_WIDTH 2

static const struct {
	char fill;
	const char *ansi;
} look[TPLC_LIFECYCLE_STAGES] = {
	[TPLC_LIFECYCLE_UNKNOWN] = { ' ', "" },
	[TPLC_LIFECYCLE_DEVELOPMENT] = { '.', "\033[34m" },
	[TPLC_LIFECYCLE_SUPPORT] = { '=', "\033[32m" },
	[TPLC_LIFECYCLE_LIMITED] = { '~', "\033[33m" },
	[TPLC_LIFECYCLE_END_OF_SUPPORT] = { '#', "\033[31m" },
};

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD  "\033[1m"

struct chart {
	FILE *fp;
	const struct tplc_timeline_options *opt;
	int from, to, months, cells, now_cell;
	int *stages; /* one row's stage per cell */
};

/* The last day of cell i (the day before the next cell starts). */
static void cell_end(const struct chart *c, int i, char out[TPLX_DATE_SIZE])
{
	int month = (i + 1) * c->months;
	char next[32];

	snprintf(next, sizeof(next), "%04d-%02d-01", c->from + month / 12,
	         month % 12 + 1);
	tplx_date_add_days(out, next, -1);
}

static void axis(struct chart *c, char *line)
{
	int per_year = 12 / c->months, step = 1, len = 0;

	/* a label every few years where a year is too narrow for one */
	while (step * per_year < 5)
		step++;
	memset(line, ' ', (size_t)c->cells + 4);
	for (int y = c->from; y <= c->to; y += step) {
		int at = (y - c->from) * per_year;
		char year[16];

		snprintf(year, sizeof(year), "%04d", y);
		memcpy(line + at, year, 4);
		len = at + 4;
	}
	line[len] = '\0';
	fprintf(c->fp, INDENT "%s\n" INDENT, line);
	for (int i = 0; i < c->cells; i++)
		fputc(i % per_year == 0 ? '+' : '-', c->fp);
	fputc('\n', c->fp);
}

static void put_stage(struct chart *c, enum tplc_lifecycle stage, char fill,
                      int *shown)
{
	if (c->opt->color && (int)stage != *shown) {
		fputs(ANSI_RESET, c->fp);
		fputs(look[stage].ansi, c->fp);
		*shown = (int)stage;
	}
	fputc(fill, c->fp);
}

static void bar(struct chart *c, const struct tplc_timeline_row *row)
{
	char day[TPLX_DATE_SIZE];
	int shown = -1;

	for (int i = 0; i < c->cells; i++) {
		cell_end(c, i, day);
		c->stages[i] = (int)tplx_timeline_stage_on(row, day, NULL);
	}
	fputs(INDENT, c->fp);
	for (int i = 0; i < c->cells; i++) {
		enum tplc_lifecycle stage = (enum tplc_lifecycle)c->stages[i];

		if (i == c->now_cell) {
			if (c->opt->color) {
				fputs(ANSI_RESET ANSI_BOLD, c->fp);
				shown = -1;
			}
			fputc('|', c->fp);
			continue;
		}
		put_stage(c, stage, look[stage].fill, &shown);
	}
	if (c->opt->color)
		fputs(ANSI_RESET, c->fp);
}

/* "in 12 days", "in 7 months", "in 3 years". */
static void distance(char *out, size_t size, const char *from, const char *to)
{
	long days = tplx_date_diff(from, to);
	int months = (tplx_timeline_year(to) - tplx_timeline_year(from)) * 12 +
	             month_of(to) - month_of(from);

	if (strncmp(to + 8, from + 8, 2) < 0)
		months--;
	if (days < 62)
		snprintf(out, size, "in %ld day%s", days, days == 1 ? "" : "s");
	else if (months < 24)
		snprintf(out, size, "in %d months", months);
	else
		snprintf(out, size, "in %d years", months / 12);
}

const char *tplx_timeline_change(const struct tplc_timeline_row *row,
                                 enum tplc_lifecycle stage, const char *date)
{
	if (stage == TPLC_LIFECYCLE_LIMITED && given(row->eol.date) &&
	    strncmp(row->eol.date, date, 10) == 0)
		return "EOL";
	if (stage == TPLC_LIFECYCLE_END_OF_SUPPORT && given(row->eos.date) &&
	    strncmp(row->eos.date, date, 10) == 0)
		return "EOS";
	if (stage == TPLC_LIFECYCLE_SUPPORT && given(row->release.date) &&
	    strncmp(row->release.date, date, 10) == 0)
		return "release";
	return tplc_lifecycle_name(stage);
}

static void status(struct chart *c, const struct tplc_timeline_row *row)
{
	const char *as_of = c->opt->as_of;
	enum tplc_lifecycle stage;
	char in[32];
	size_t at;

	stage = tplx_timeline_stage_on(row, as_of, &at);
	fprintf(c->fp, "  %s", tplc_lifecycle_name(stage));
	if (at < row->span_count && given(row->spans[at].from))
		fprintf(c->fp, " since %.10s", row->spans[at].from);
	if (at + 1 < row->span_count && given(row->spans[at + 1].from)) {
		const struct tplc_lifecycle_span *next = &row->spans[at + 1];

		distance(in, sizeof(in), as_of, next->from);
		fprintf(c->fp, "; %s %.10s %s",
		        tplx_timeline_change(row, next->stage, next->from),
		        next->from, in);
	} else if (stage != TPLC_LIFECYCLE_END_OF_SUPPORT) {
		fputs("; no change announced", c->fp);
	}
	fputc('\n', c->fp);
}

/* A line per milestone announced late or only published (N70). */
static void notices(struct chart *c, const char *name,
                    const struct tplc_timeline_milestone *m)
{
	bool late = tplx_timeline_notice_short(m),
	     passive = tplx_timeline_notice_passive(m);

	if (!late && !passive)
		return;
	fprintf(c->fp, INDENT "! %s %.10s announced %.10s", name, m->date,
	        given(m->announced) ? m->announced : "(date not recorded)");
	if (late)
		fprintf(c->fp, ", less than %d years ahead",
		        TPLC_NOTICE_LEAD_YEARS);
	if (passive)
		fputs(", published only (not pushed to customers)", c->fp);
	fputc('\n', c->fp);
}

static void legend(struct chart *c)
{
	int shown = -1;

	fputs(INDENT, c->fp);
	for (int s = TPLC_LIFECYCLE_DEVELOPMENT; s < TPLC_LIFECYCLE_STAGES;
	     s++) {
		put_stage(c, (enum tplc_lifecycle)s, look[s].fill, &shown);
		if (c->opt->color) {
			fputs(ANSI_RESET, c->fp);
			shown = -1;
		}
		fprintf(c->fp, " %s  ",
		        tplc_lifecycle_name((enum tplc_lifecycle)s));
	}
	fprintf(c->fp, "| as of %.10s\n", c->opt->as_of);
}

int tplc_timeline_text(FILE *fp, const struct tplc_timeline_row *rows,
                       size_t count, const struct tplc_timeline_options *opt,
                       struct tplc_error *err)
{
	struct chart c;
	char *line = NULL;
	int width = opt->width ? opt->width : TPLC_TIMELINE_WIDTH, error;

	if (width < TPLC_TIMELINE_WIDTH_MIN || width > TPLC_TIMELINE_WIDTH_MAX)
		return tplc_error_set(
		        err, TPLC_EINVAL, "width %d: must be %d to %d", width,
		        TPLC_TIMELINE_WIDTH_MIN, TPLC_TIMELINE_WIDTH_MAX);
	memset(&c, 0, sizeof(c));
	c.fp = fp;
	c.opt = opt;
	error = tplc_timeline_range(rows, count, opt, &c.from, &c.to, err);
	if (error < 0)
		return error;
	c.months = tplc_timeline_months_per_cell(c.to - c.from + 1,
	                                         width - INDENT_WIDTH);
	c.cells = (c.to - c.from + 1) * 12 / c.months;
	c.now_cell = -1;
	if (tplx_timeline_year(opt->as_of) >= c.from &&
	    tplx_timeline_year(opt->as_of) <= c.to)
		c.now_cell = ((tplx_timeline_year(opt->as_of) - c.from) * 12 +
		              month_of(opt->as_of) - 1) /
		             c.months;
	c.stages = tplx_calloc((size_t)c.cells, sizeof(*c.stages));
	line = tplx_malloc((size_t)c.cells + 8);
	if (c.stages == NULL || line == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}

	fprintf(fp, "Lifecycle %d-%d as of %.10s, one column = %d month%s\n",
	        c.from, c.to, opt->as_of, c.months, c.months == 1 ? "" : "s");
	axis(&c, line);
	for (size_t i = 0; i < count; i++) {
		const struct tplc_timeline_row *row = &rows[i];

		fprintf(fp, "%.*s", TPLC_TIMELINE_LABEL_MAX,
		        row->label ? row->label : "");
		if (row->devices >= 0)
			fprintf(fp, " (%lld device%s)", row->devices,
			        row->devices == 1 ? "" : "s");
		fputc('\n', fp);
		bar(&c, row);
		status(&c, row);
		notices(&c, "EOL", &row->eol);
		notices(&c, "EOS", &row->eos);
	}
	if (count == 0)
		fputs("(no product version to show)\n", fp);
	legend(&c);
	if (ferror(fp))
		error = tplc_error_set(err, TPLC_EIO,
		                       "writing the timeline: "
		                       "output error");
out:
	tplx_free(line);
	tplx_free(c.stages);
	return error;
}

bool tplx_timeline_notice_short(const struct tplc_timeline_milestone *m)
{
	return given(m->date) && given(m->announced) &&
	       tplc_notice_short(m->announced, m->date);
}

bool tplx_timeline_notice_passive(const struct tplc_timeline_milestone *m)
{
	return given(m->date) && m->how != NULL &&
	       strcmp(m->how, "published") == 0;
}

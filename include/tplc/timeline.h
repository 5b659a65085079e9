/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_TIMELINE_H
#define TPLC_TIMELINE_H

/*
 * The life cycle of product versions drawn over time: a text chart for
 * the terminal and a self-contained SVG 1.1 picture for a governance
 * board.  Pure: the caller hands in rows (stages over time from
 * tplc_lifecycle_spans, the milestones and how they were announced) and
 * the day to mark; nothing reads the store or a clock.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tplc/error.h"
#include "tplc/lifecycle.h"

/* The widest range a chart covers, in calendar years. */
#define TPLC_TIMELINE_YEARS_MAX 60
/* Years before and after the as-of day when no date is known. */
#define TPLC_TIMELINE_YEARS_BEFORE 2
#define TPLC_TIMELINE_YEARS_AFTER  3
/* Text chart width (columns, bar and its indent) and its bounds. */
#define TPLC_TIMELINE_WIDTH     100
#define TPLC_TIMELINE_WIDTH_MIN 20
#define TPLC_TIMELINE_WIDTH_MAX 1000
/* Row labels are cut to this many bytes. */
#define TPLC_TIMELINE_LABEL_MAX 200

struct tplc_timeline_milestone {
	const char *date;      /* YYYY-MM-DD, or NULL */
	const char *announced; /* when customers were told, or NULL */
	const char *how;       /* "pushed", "published", or NULL */
};

struct tplc_timeline_row {
	const char *label; /* "Manufacturer Model version" */
	long long devices; /* in the fleet; < 0: not shown */
	const struct tplc_lifecycle_span *spans; /* in order, as spans() */
	size_t span_count;
	struct tplc_timeline_milestone release, eol, eos;
};

struct tplc_timeline_options {
	const char *as_of; /* YYYY-MM-DD, the day marked (required) */
	int from_year;     /* first year shown; 0: from the dates */
	int to_year;       /* last year shown; 0: from the dates */
	int width;         /* text columns; 0: TPLC_TIMELINE_WIDTH */
	bool color;        /* ANSI stage colours in the text chart */
};

/*
 * The years a chart covers: from_year/to_year when set, otherwise the
 * earliest to the latest date the rows name, the as-of year included,
 * cut to TPLC_TIMELINE_YEARS_MAX around the as-of day; with no date at
 * all, a few years around the as-of day.  TPLC_EINVAL for a bad as-of
 * day, from after to, or a range over the maximum.
 */
int tplc_timeline_range(const struct tplc_timeline_row *rows, size_t count,
                        const struct tplc_timeline_options *opt, int *from,
                        int *to, struct tplc_error *err);

/*
 * Months one text column stands for (1, 2, 3, 4, 6 or 12): the finest
 * that fits years calendar years in width columns.
 */
int tplc_timeline_months_per_cell(int years, int width);

/*
 * The text chart: a year axis, one bar per row (one character per
 * period: '.' Development, '=' Support, '~' Limited Support, '#' End of
 * Support, ' ' unknown; a cell shows the stage on its period's last
 * day), '|' on the as-of day, after each bar the stage and the next
 * change, and a legend.
 */
int tplc_timeline_text(FILE *fp, const struct tplc_timeline_row *rows,
                       size_t count, const struct tplc_timeline_options *opt,
                       struct tplc_error *err);

/* Geometry of the SVG picture, so that tests can find a date's x. */
#define TPLC_TIMELINE_SVG_WIDTH 1000
#define TPLC_TIMELINE_SVG_X0    20
#define TPLC_TIMELINE_SVG_CHART 960

/*
 * The SVG picture: one band per row with a rectangle per stage span,
 * year grid, a line on the as-of day, EOL and EOS markers whose <title>
 * says when and how they were announced (marked "!" when announced less
 * than TPLC_NOTICE_LEAD_YEARS ahead or only published), and a legend.
 * A date's x is X0 + CHART * (days since Jan 1 of the first year) /
 * (days in the range).
 */
int tplc_timeline_svg(FILE *fp, const struct tplc_timeline_row *rows,
                      size_t count, const struct tplc_timeline_options *opt,
                      struct tplc_error *err);

#endif

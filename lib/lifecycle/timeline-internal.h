/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_TIMELINE_INTERNAL_H
#define TPLX_TIMELINE_INTERNAL_H

/* What the text chart (timeline.c) and the SVG (timeline-svg.c) share. */

#include <stdbool.h>
#include <stddef.h>

#include "tplc/timeline.h"

/* Years a chart can name (four digits, and the year after the last). */
#define TPLX_TIMELINE_YEAR_MIN  1000
#define TPLX_TIMELINE_YEAR_LAST 9998

/* The year of a valid YYYY-MM-DD date. */
int tplx_timeline_year(const char *date);
/* Days since 1970-01-01 of January 1 of year. */
long tplx_timeline_jan1(int year);
/* The stage of row on day, and the index of its span (span_count when
 * no span holds the day); span may be NULL. */
enum tplc_lifecycle tplx_timeline_stage_on(const struct tplc_timeline_row *row,
                                           const char *day, size_t *span);
/* How a change to stage on date is named: "EOL", "EOS", "release" when
 * the milestone of that date caused it, else the stage's name. */
const char *tplx_timeline_change(const struct tplc_timeline_row *row,
                                 enum tplc_lifecycle stage, const char *date);
/* Announced less than TPLC_NOTICE_LEAD_YEARS ahead; only published. */
bool tplx_timeline_notice_short(const struct tplc_timeline_milestone *m);
bool tplx_timeline_notice_passive(const struct tplc_timeline_milestone *m);

#endif

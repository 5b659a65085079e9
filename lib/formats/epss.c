/* SPDX-License-Identifier: Apache-2.0 */
/*
 * FIRST EPSS scores (https://www.first.org/epss/data_stats), the daily
 * CSV, plain or gzip'd:
 *
 *	#model_version:v2023.03.01,score_date:2023-03-05T00:00:00+0000
 *	cve,epss,percentile
 *	CVE-1999-0001,0.01042,0.82797
 *
 * One advisory (source "epss", id "epss-<score date>") with one
 * vulnerability per row; the store keeps the scores of the newest file.
 */
#include <math.h>
#include <string.h>

#include "advisory-build.h"
#include "tplc/advisory.h"
#include "util/alloc.h"
#include "util/archive.h"
#include "util/arena.h"
#include "util/csv.h"
#include "util/str.h"

/* Rows in one file (some 280,000 CVEs in 2025). */
#define TPLC_EPSS_ROWS_MAX ((size_t)4 * 1024 * 1024)

enum { COL_CVE, COL_EPSS, COL_PERCENTILE, COLUMNS };

static const char *const column_names[COLUMNS] = { "cve", "epss",
	                                           "percentile" };

struct epss {
	struct tplc_advisory_build b;
	struct tplx_csv csv;
	const char *date, *model; /* in the arena */
	size_t column[COLUMNS];
	struct tplc_error *err;
};

static bool is_cve(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 13 || n > 28 || strncmp(s, "CVE-", 4) != 0 || s[8] != '-')
		return false;
	for (i = 4; i < n; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* "#model_version:v2023.03.01,score_date:2023-03-05T00:00:00+0000". */
static int read_comment(struct epss *e, const struct tplx_csv_field *f,
                        size_t n)
{
	const char *value;
	size_t i;
	int error = 0;

	for (i = 0; i < n && error == 0; i++) {
		const char *text = f[i].text + (i == 0); /* the '#' */

		value = strchr(text, ':');
		if (value == NULL)
			return tplx_csv_fail(&e->csv, &f[i], NULL, e->err,
			                     "expected key:value");
		value++;
		if (strncmp(text, "model_version:", 14) == 0) {
			error = tplc_advisory_build_str(&e->b, &e->model,
			                                value);
		} else if (strncmp(text, "score_date:", 11) == 0) {
			if (strlen(value) >= 10)
				error = tplc_advisory_build_strn(
				        &e->b, &e->date, value, 10);
			if (error == 0 &&
			    (e->date == NULL || !tplx_is_iso_date(e->date)))
				return tplx_csv_fail(
				        &e->csv, &f[i], "score_date", e->err,
				        "expected a date (YYYY-MM-DD...)");
		}
	}
	if (error == 0 && (e->model == NULL || e->date == NULL))
		return tplx_csv_fail(&e->csv, NULL, NULL, e->err,
		                     "expected model_version and score_date");
	return error;
}

/* The comment line, then the header, whose columns are found by name. */
static int read_header(struct epss *e)
{
	const struct tplx_csv_field *f;
	size_t n, i, k;
	int error;

	error = tplx_csv_next(&e->csv, &f, &n, e->err);
	if (error == 1 && f[0].text[0] == '#') {
		error = read_comment(e, f, n);
		if (error == 0)
			error = tplx_csv_next(&e->csv, &f, &n, e->err);
	} else if (error == 1) {
		return tplx_csv_fail(&e->csv, NULL, NULL, e->err,
		                     "expected the line "
		                     "#model_version:...,score_date:...");
	}
	if (error == 0)
		return tplc_error_set_at(e->err, TPLC_EPARSE, e->csv.source, 1,
		                         1, NULL,
		                         "empty file: expected "
		                         "#model_version:...,score_date:... "
		                         "and cve,epss,percentile");
	if (error < 0)
		return error;
	for (k = 0; k < COLUMNS; k++)
		e->column[k] = n;
	for (i = 0; i < n; i++)
		for (k = 0; k < COLUMNS; k++)
			if (strcmp(f[i].text, column_names[k]) == 0) {
				if (e->column[k] != n)
					return tplx_csv_fail(
					        &e->csv, &f[i], f[i].text,
					        e->err, "duplicate column");
				e->column[k] = i;
			}
	for (k = 0; k < COLUMNS; k++)
		if (e->column[k] == n)
			return tplx_csv_fail(&e->csv, NULL, column_names[k],
			                     e->err, "missing column");
	tplx_csv_set_columns(&e->csv, n);
	return 0;
}

/* A probability: a number from 0 to 1. */
static int read_score(struct epss *e, const struct tplx_csv_field *f,
                      const char *name, double *out)
{
	if (tplx_parse_double(f->text, out) != 0 || !isfinite(*out) ||
	    *out < 0 || *out > 1)
		return tplx_csv_fail(&e->csv, f, name, e->err,
		                     "expected a number from 0 to 1");
	return 0;
}

static int read_row(struct epss *e, const struct tplx_csv_field *f)
{
	const struct tplx_csv_field *cve = &f[e->column[COL_CVE]];
	struct tplc_vuln *v;
	double score, percentile;
	size_t index;
	int error;

	if (!is_cve(cve->text))
		return tplx_csv_fail(&e->csv, cve, "cve", e->err,
		                     "expected a CVE id (CVE-YYYY-NNNN)");
	error = read_score(e, &f[e->column[COL_EPSS]], "epss", &score);
	if (error == 0)
		error = read_score(e, &f[e->column[COL_PERCENTILE]],
		                   "percentile", &percentile);
	if (error == 0 && e->b.vuln_count >= TPLC_EPSS_ROWS_MAX)
		return tplc_error_set_at(e->err, TPLC_ELIMIT, e->csv.source,
		                         tplx_csv_row_line(&e->csv), 1, NULL,
		                         "more than %zu rows",
		                         TPLC_EPSS_ROWS_MAX);
	if (error == 0)
		error = tplc_advisory_build_vuln(&e->b, &index);
	if (error != 0)
		return error;
	v = &e->b.vulns[index];
	v->has_epss = true;
	v->epss = score;
	v->epss_percentile = percentile;
	v->epss_date = e->date;
	v->epss_model = e->model;
	return tplc_advisory_build_str(&e->b, &v->id, cve->text);
}

static int parse_csv(struct epss *e)
{
	struct tplc_advisory *adv = e->b.adv;
	const struct tplx_csv_field *f;
	size_t n;
	int error;

	error = read_header(e);
	while (error == 0 &&
	       (error = tplx_csv_next(&e->csv, &f, &n, e->err)) > 0)
		error = read_row(e, f);
	if (error != 0)
		return error;
	adv->id = tplx_arena_printf(adv->arena, "epss-%s", e->date);
	adv->title = tplx_arena_printf(adv->arena, "EPSS scores of %s (%s)",
	                               e->date, e->model);
	if (adv->id == NULL || adv->title == NULL)
		return tplc_advisory_build_nomem(&e->b);
	adv->publisher = "FIRST";
	adv->published = e->date;
	adv->url = "https://www.first.org/epss/";
	return 0;
}

int tplc_epss_parse(struct tplc_advisory **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err)
{
	struct epss e;
	char *plain = NULL;
	size_t plain_len = 0;
	int error;

	*out = NULL;
	memset(&e, 0, sizeof(e));
	e.err = err;
	if (tplx_archive_is_gzip(data, len)) {
		error = tplx_archive_gunzip(&plain, &plain_len, data, len,
		                            source, TPLX_ARCHIVE_ENTRY_MAX,
		                            err);
		if (error != 0)
			return error;
		data = plain;
		len = plain_len;
	}
	tplx_csv_init(&e.csv, data, len, source);
	error = tplc_advisory_build_init(&e.b, "epss", err);
	if (error == 0)
		error = parse_csv(&e);
	tplx_csv_release(&e.csv);
	if (error == 0)
		error = tplc_advisory_build_finish(&e.b, out);
	if (error != 0) {
		if (error == TPLC_ENOMEM)
			tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		tplc_advisory_build_abort(&e.b);
	}
	tplx_free(plain);
	return error;
}

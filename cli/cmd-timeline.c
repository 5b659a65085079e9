/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc lifecycle timeline: every product version's stages over the
 * years, in the terminal and as an SVG picture for the board.  The store
 * gives the milestones, the stage rules give the spans, tplc/timeline.h
 * draws; rows are copied into one arena first, since the range of the
 * chart depends on all of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tplc/timeline.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/jsonw.h"
#include "util/str.h"

/* Spans kept without a second call; more take a second one. */
#define SPANS_FIRST 16

struct collect {
	struct tplx_arena *arena;
	struct tplc_timeline_row *rows;
	size_t count, cap;
	struct tplc_error *err;
};

static const char *keep(struct tplx_arena *arena, const char *s, int *failed)
{
	char *copy;

	if (s == NULL)
		return NULL;
	copy = tplx_arena_strdup(arena, s);
	if (copy == NULL)
		*failed = 1;
	return copy;
}

static void keep_milestone(struct tplx_arena *arena,
                           struct tplc_timeline_milestone *to,
                           const struct tplc_milestone_row *from, int *failed)
{
	to->date = keep(arena, from->date, failed);
	to->announced = keep(arena, from->announced, failed);
	to->how = keep(arena, from->how, failed);
}

static int collect_row(const struct tplc_lifecycle_version_row *v, void *data)
{
	struct collect *c = data;
	struct tplc_lifecycle_span first[SPANS_FIRST], *spans;
	struct tplc_timeline_row *row;
	size_t n;
	int failed = 0, error;

	if (c->count == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		void *grown = tplx_reallocarray(c->rows, cap, sizeof(*c->rows));

		if (grown == NULL)
			return tplc_error_set(c->err, TPLC_ENOMEM,
			                      "out of memory");
		c->rows = grown;
		c->cap = cap;
	}
	error = tplc_lifecycle_spans(v->input, first, SPANS_FIRST, &n, c->err);
	if (error < 0)
		return error;
	spans = tplx_arena_array(c->arena, n, sizeof(*spans));
	if (spans == NULL)
		return tplc_error_set(c->err, TPLC_ENOMEM, "out of memory");
	if (n <= SPANS_FIRST)
		memcpy(spans, first, n * sizeof(*spans));
	else if ((error = tplc_lifecycle_spans(v->input, spans, n, &n,
	                                       c->err)) < 0)
		return error;

	row = &c->rows[c->count];
	memset(row, 0, sizeof(*row));
	row->label = tplx_arena_printf(c->arena, "%s %s %s", v->manufacturer,
	                               v->model, v->version ? v->version : "");
	row->devices = v->devices;
	row->spans = spans;
	row->span_count = n;
	keep_milestone(c->arena, &row->release, &v->release, &failed);
	keep_milestone(c->arena, &row->eol, &v->eol, &failed);
	keep_milestone(c->arena, &row->eos, &v->eos, &failed);
	if (row->label == NULL || failed)
		return tplc_error_set(c->err, TPLC_ENOMEM, "out of memory");
	c->count++;
	return 0;
}

static void milestone_json(struct tplx_jsonw *w, const char *key,
                           const struct tplc_timeline_milestone *m)
{
	tplx_jsonw_key(w, key);
	if (m->date == NULL) {
		tplx_jsonw_null(w);
		return;
	}
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "date", m->date);
	tplx_jsonw_kstring(w, "announced", m->announced);
	tplx_jsonw_kstring(w, "how", m->how);
	tplx_jsonw_kbool(w, "short_notice",
	                 m->announced != NULL &&
	                         tplc_notice_short(m->announced, m->date));
	tplx_jsonw_kbool(w, "published_only",
	                 m->how != NULL && strcmp(m->how, "published") == 0);
	tplx_jsonw_object_end(w);
}

static void rows_json(const struct tplc_timeline_row *rows, size_t count,
                      int from, int to, const char *as_of)
{
	struct tplx_jsonw w;

	tplx_jsonw_init(&w, stdout, false);
	tplx_jsonw_object_begin(&w);
	tplx_jsonw_kstring(&w, "as_of", as_of);
	tplx_jsonw_kint(&w, "from_year", from);
	tplx_jsonw_kint(&w, "to_year", to);
	tplx_jsonw_key(&w, "versions");
	tplx_jsonw_array_begin(&w);
	for (size_t i = 0; i < count; i++) {
		const struct tplc_timeline_row *r = &rows[i];

		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "label", r->label);
		tplx_jsonw_kint(&w, "devices", r->devices);
		milestone_json(&w, "release", &r->release);
		milestone_json(&w, "eol", &r->eol);
		milestone_json(&w, "eos", &r->eos);
		tplx_jsonw_key(&w, "spans");
		tplx_jsonw_array_begin(&w);
		for (size_t j = 0; j < r->span_count; j++) {
			const struct tplc_lifecycle_span *s = &r->spans[j];

			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "stage",
			                   tplc_lifecycle_key(s->stage));
			tplx_jsonw_kstring(&w, "from",
			                   s->from[0] ? s->from : NULL);
			tplx_jsonw_kstring(&w, "to", s->to[0] ? s->to : NULL);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		tplx_jsonw_object_end(&w);
	}
	tplx_jsonw_array_end(&w);
	tplx_jsonw_object_end(&w);
	fputc('\n', stdout);
}

static int write_svg(struct cli *cli, const char *path,
                     const struct tplc_timeline_row *rows, size_t count,
                     const struct tplc_timeline_options *opt)
{
	FILE *fp = fopen(path, "w");
	int error;

	if (fp == NULL)
		return cli_die(EXIT_IOERR, "%s: cannot write", path);
	error = tplc_timeline_svg(fp, rows, count, opt, &cli->err);
	if (fclose(fp) != 0 && error == 0)
		error = tplc_error_set(&cli->err, TPLC_EIO, "%s: write failed",
		                       path);
	if (error < 0) {
		remove(path);
		return cli_fail(cli, error);
	}
	cli_note(cli, "wrote %s (%zu product version%s)", path, count,
	         count == 1 ? "" : "s");
	return EXIT_OK;
}

static int year_option(const struct cli_args *args,
                       const struct cli_option *opts, const char *name,
                       int *out)
{
	const char *text = cli_opt(args, opts, name);
	long year;

	*out = 0;
	if (text == NULL)
		return 0;
	if (tplx_parse_long(text, 1000, 9998, &year) != 0)
		return cli_die(EXIT_USAGE, "--%s: '%s' is not a year", name,
		               text);
	*out = (int)year;
	return 0;
}

static bool want_color(void)
{
	const char *no = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && (no == NULL || *no == '\0');
}

int cmd_lifecycle_timeline(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "TEXT", "products whose name contains TEXT" },
		{ "version", "V", "one version" },
		{ "all", NULL, "also versions no device in the fleet runs" },
		{ "from", "YEAR", "first year shown (default: earliest date)" },
		{ "to", "YEAR", "last year shown (default: latest date)" },
		{ "as-of", "DATE", "the day marked '|' (default: today)" },
		{ "width", "N", "columns of the chart (default 100)" },
		{ "svg", "FILE", "also write the picture as SVG to FILE" },
		{ NULL, NULL, NULL },
	};
	struct tplc_lifecycle_filter filter;
	struct tplc_timeline_options opt;
	struct tplc_store *store;
	struct collect c;
	struct cli_args args;
	const char *svg, *width;
	int status, error, from = 0, to = 0;

	status = cli_parse(
	        cli, "lifecycle timeline [--product P] [--svg FILE]",
	        "Each product version's IMDRF N70 stages over the years: '.' "
	        "Development,\n'=' Support, '~' Limited Support, '#' End of "
	        "Support, '|' the as-of day;\nafter each bar the stage and the "
	        "next change.  Milestones announced less\nthan two years ahead "
	        "or only published are flagged '!'.  --svg writes the\nsame as "
	        "a self-contained SVG picture.  Versions with devices in the "
	        "fleet\nonly, unless --all.",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&opt, 0, sizeof(opt));
	memset(&filter, 0, sizeof(filter));
	memset(&c, 0, sizeof(c));
	if (year_option(&args, opts, "from", &opt.from_year) != 0 ||
	    year_option(&args, opts, "to", &opt.to_year) != 0)
		return EXIT_USAGE;
	width = cli_opt(&args, opts, "width");
	if (width != NULL) {
		long n;

		if (tplx_parse_long(width, TPLC_TIMELINE_WIDTH_MIN,
		                    TPLC_TIMELINE_WIDTH_MAX, &n) != 0)
			return cli_die(EXIT_USAGE, "--width: %d to %d columns",
			               TPLC_TIMELINE_WIDTH_MIN,
			               TPLC_TIMELINE_WIDTH_MAX);
		opt.width = (int)n;
	}
	opt.as_of = cli_opt(&args, opts, "as-of");
	if (opt.as_of == NULL)
		opt.as_of = tplc_ctx_today(cli->ctx);
	else if (!tplx_is_iso_date(opt.as_of) || !tplx_date_valid(opt.as_of))
		return cli_die(EXIT_USAGE,
		               "--as-of: '%s' is not a date "
		               "(YYYY-MM-DD)",
		               opt.as_of);
	opt.color = !cli->json && want_color();
	svg = cli_opt(&args, opts, "svg");

	filter.as_of = opt.as_of;
	filter.product = cli_opt(&args, opts, "product");
	filter.version = cli_opt(&args, opts, "version");
	filter.stage = -1;
	filter.fleet_only = !cli_flag(&args, opts, "all");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	c.err = &cli->err;
	c.arena = tplx_arena_new();
	if (c.arena == NULL) {
		error = tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	error = tplc_store_lifecycle_versions(store, &filter, collect_row, &c,
	                                      &cli->err);
	if (error < 0)
		goto out;
	error = tplc_timeline_range(c.rows, c.count, &opt, &from, &to,
	                            &cli->err);
	if (error < 0)
		goto out;
	if (cli->json)
		rows_json(c.rows, c.count, from, to, opt.as_of);
	else
		error = tplc_timeline_text(stdout, c.rows, c.count, &opt,
		                           &cli->err);
	if (error == 0 && svg != NULL)
		status = write_svg(cli, svg, c.rows, c.count, &opt);
out:
	tplx_free(c.rows);
	tplx_arena_free(c.arena);
	if (error < 0)
		return cli_fail(cli, error);
	return status;
}

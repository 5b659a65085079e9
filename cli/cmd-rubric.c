/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc rubric questions: the medical-device CVSS rubric's questions.
 * tplc rubric score ID=ANSWER... [--fallback VECTOR]: the v3.1 vector the
 * answers give, its base score, and why each metric has its value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/cvss.h"
#include "tplc/rubric.h"
#include "util/jsonw.h"

/* Most ID=ANSWER words read from stdin. */
#define RUBRIC_STDIN_MAX 1000

static int rubric_questions(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = { "ID", "METRIC", "CATEGORY",
		                              "QUESTION" };
	struct cli_args args;
	struct tplx_jsonw w;
	struct table t;
	int status;

	status = cli_parse(cli, "rubric questions",
	                   "List the rubric's questions: ID, the CVSS v3 base "
	                   "metric it sets,\nthe impact category and the "
	                   "question.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	tplx_jsonw_init(&w, stdout, false);
	table_init(&t, 4, header);
	if (cli->json)
		tplx_jsonw_array_begin(&w);
	for (size_t i = 0; i < TPLC_RUBRIC_QUESTIONS; i++) {
		const struct tplc_rubric_question *q =
		        tplc_rubric_question_at(i);
		const char *cells[] = { q->id, q->metric, q->category,
			                q->text };

		if (!cli->json) {
			table_row(&t, cells);
			continue;
		}
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "id", q->id);
		tplx_jsonw_kstring(&w, "metric", q->metric);
		tplx_jsonw_kstring(&w, "category", q->category);
		tplx_jsonw_kstring(&w, "question", q->text);
		tplx_jsonw_object_end(&w);
	}
	if (cli->json)
		tplx_jsonw_array_end(&w);
	else
		table_print(&t, stdout);
	table_release(&t);
	return EXIT_OK;
}

/* Record one ID=ANSWER word; prints the error. */
static int rubric_answer(struct cli *cli, struct tplc_rubric_answers *a,
                         const char *word)
{
	char msg[TPLC_ERROR_MESSAGE_MAX + 64];

	if (tplc_rubric_set(a, word, &cli->err) == 0)
		return 0;
	tplc_error_format(&cli->err, msg, sizeof(msg));
	fprintf(stderr, "tplc: rubric: %s\n", msg);
	return EXIT_DATAERR;
}

/* ID=ANSWER words from stdin, blanks between them, '#' to the end of a
 * line a comment. */
static int rubric_stdin(struct cli *cli, struct tplc_rubric_answers *a)
{
	char *line = NULL;
	size_t cap = 0, words = 0;
	int status = 0;

	while (status == 0 && getline(&line, &cap, stdin) >= 0) {
		char *p = line, *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		while (status == 0) {
			char *end;

			p += strspn(p, " \t\r\n");
			if (*p == '\0')
				break;
			end = p + strcspn(p, " \t\r\n");
			if (*end != '\0')
				*end++ = '\0';
			if (++words > RUBRIC_STDIN_MAX)
				status = cli_die(EXIT_DATAERR,
				                 "rubric: more than %d answers",
				                 RUBRIC_STDIN_MAX);
			else
				status = rubric_answer(cli, a, p);
			p = end;
		}
	}
	free(line);
	return status;
}

/* Answers from the words given, else from stdin. */
static int read_answers(struct cli *cli, const struct cli_args *args,
                        struct tplc_rubric_answers *answers)
{
	memset(answers, 0, sizeof(*answers));
	for (int i = 0; i < args->count; i++)
		if (rubric_answer(cli, answers, args->items[i]) != 0)
			return EXIT_DATAERR;
	return args->count == 0 ? rubric_stdin(cli, answers) : 0;
}

static void print_result(struct cli *cli, const struct tplc_rubric_result *r,
                         const struct tplc_cvss_scores *s)
{
	static const char *const header[] = { "METRIC", "VALUE", "SOURCE",
		                              "REASON" };
	struct tplx_jsonw w;
	struct table t;

	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "vector", r->vector);
		tplx_jsonw_kscore(&w, "base_score", r->base);
		tplx_jsonw_kstring(&w, "severity", s->severity);
		tplx_jsonw_kint(&w, "answered", (long long)r->answered);
		tplx_jsonw_key(&w, "metrics");
		tplx_jsonw_array_begin(&w);
		for (size_t i = 0; i < 8; i++) {
			const struct tplc_rubric_metric *m = &r->metric[i];
			char value[2] = { m->value, '\0' };

			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "metric", m->metric);
			tplx_jsonw_kstring(&w, "value", value);
			tplx_jsonw_kstring(&w, "source",
			                   tplc_rubric_source_name(m->source));
			tplx_jsonw_kstring(&w, "question", m->question);
			tplx_jsonw_kstring(&w, "reason", m->reason);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		tplx_jsonw_object_end(&w);
		return;
	}
	printf("%s\n", r->vector);
	printf("  %-14s %.1f\n", "base", r->base);
	printf("  %-14s %s\n", "severity", s->severity);
	printf("  %-14s %zu of %d\n\n", "answered", r->answered,
	       TPLC_RUBRIC_QUESTIONS);
	table_init(&t, 4, header);
	for (size_t i = 0; i < 8; i++) {
		const struct tplc_rubric_metric *m = &r->metric[i];
		char value[2] = { m->value, '\0' };
		const char *cells[] = { m->metric, value,
			                tplc_rubric_source_name(m->source),
			                m->reason };

		table_row(&t, cells);
	}
	table_print(&t, stdout);
	table_release(&t);
}

static int rubric_score(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "fallback", "VECTOR",
		  "CVSS v3 vector for the metrics no answer touches" },
		{ "gated", NULL,
		  "device-wide answers: keep C/I/A at N where the fallback "
		  "has N" },
		{ NULL, NULL, NULL },
	};
	struct tplc_rubric_answers answers;
	struct tplc_rubric_result r;
	struct tplc_cvss_scores s;
	struct cli_args args;
	unsigned flags = 0;
	int status;

	status = cli_parse(
	        cli, "rubric score [ID=ANSWER...] [options]",
	        "Score a vulnerability with the medical-device CVSS "
	        "rubric: answers\n(yes, no, unknown) to its questions "
	        "give a CVSS v3.1 base vector.  An\nunknown answer "
	        "scores the worst case; a metric with no answer "
	        "takes\nthe --fallback vector's value, else the worst "
	        "case.  With no ID=ANSWER,\nanswers are read from "
	        "stdin.",
	        opts, 0, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = read_answers(cli, &args, &answers);
	if (status != 0)
		return status;
	if (cli_flag(&args, opts, "gated"))
		flags |= TPLC_RUBRIC_IMPACT_GATED;
	if (tplc_rubric_derive(&r, &answers, cli_opt(&args, opts, "fallback"),
	                       flags, &cli->err) < 0 ||
	    tplc_cvss_score(&s, r.vector, &cli->err) < 0)
		return cli_fail(cli, cli->err.code);
	print_result(cli, &r, &s);
	return EXIT_OK;
}

static int rubric_record(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "TEXT",
		  "the product model (its name, or a part "
		  "only it has)" },
		{ "vuln", "ID",
		  "answers for this vulnerability only (default: "
		  "for all of the model's)" },
		{ "by", "NAME", "who answers (kept with each answer)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_rubric_answers answers;
	struct tplc_store *store;
	struct cli_args args;
	const char *product, *by;
	size_t recorded;
	int status, error;

	status = cli_parse(
	        cli,
	        "rubric set --product TEXT --by NAME [--vuln ID] "
	        "[ID=ANSWER...]",
	        "Record rubric answers for a product model: for every one "
	        "of its\nvulnerabilities, or with --vuln for one (its "
	        "answers win over the\nmodel's).  tplc findings list then "
	        "scores the model's findings with the\nrubric's vector; "
	        "answers for the whole model set C, I and A only where\nthe "
	        "advisory's vector has an impact.  With no ID=ANSWER, "
	        "answers are\nread from stdin.",
	        opts, 0, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	product = cli_opt(&args, opts, "product");
	by = cli_opt(&args, opts, "by");
	if (product == NULL || by == NULL || *by == '\0')
		return cli_die(EXIT_USAGE,
		               "rubric set: give --product and --by");
	status = read_answers(cli, &args, &answers);
	if (status != 0)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_rubric_set(store, product,
	                              cli_opt(&args, opts, "vuln"), &answers,
	                              by, &recorded, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	printf("%zu answer%s recorded\n", recorded, recorded == 1 ? "" : "s");
	return EXIT_OK;
}

struct show_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int show_row(const struct tplc_rubric_row *r, void *data)
{
	struct show_out *out = data;
	char product[256];

	snprintf(product, sizeof(product), "%s %s", r->manufacturer, r->model);
	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "product", product);
		tplx_jsonw_kstring(&out->w, "vulnerability", r->vuln_id);
		tplx_jsonw_kstring(&out->w, "question", r->question);
		tplx_jsonw_kstring(&out->w, "answer", r->answer);
		tplx_jsonw_kstring(&out->w, "answered_by", r->answered_by);
		tplx_jsonw_kstring(&out->w, "answered_at", r->answered_at);
		tplx_jsonw_object_end(&out->w);
	} else {
		const char *cells[] = {
			product,        r->vuln_id ? r->vuln_id : "(all)",
			r->question,    r->answer,
			r->answered_by, r->answered_at,
		};
		table_row(&out->t, cells);
	}
	return 0;
}

static int rubric_show(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "TEXT", "products whose name contains TEXT" },
		{ "vuln", "ID", "answers for this vulnerability only" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = {
		"PRODUCT", "VULNERABILITY", "QUESTION", "ANSWER", "BY", "AT",
	};
	struct tplc_store *store;
	struct show_out out;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "rubric show [--product TEXT] [--vuln ID]",
	                   "List the rubric answers recorded, with who "
	                   "answered and when.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 6, header);
	table_limit(&out.t, 0, 40);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_rubric_list(store, cli_opt(&args, opts, "product"),
	                               cli_opt(&args, opts, "vuln"), show_row,
	                               &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_rubric(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "questions", rubric_questions,
		  "list the rubric's questions" },
		{ "score", rubric_score, "derive a CVSS vector from answers" },
		{ "set", rubric_record, "record answers for a product model" },
		{ "show", rubric_show, "list the answers recorded" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "rubric", cmds, argc, argv);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc lifecycle due|review|reviews|checklist: the hospital's yearly
 * reviews of devices near or past EOL/EOS (IMDRF N70), what is due, and
 * N70's checklist and compensating controls.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/review.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/file.h"
#include "util/jsonw.h"

/* Devices of one product version that share a line of the due list. */
struct due_group {
	char product[256], state[32], due[11], last[11], first[64];
	const char *why, *plan;
	size_t devices;
};

struct rv_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
	bool by_device;           /* one row per device, not per group */
	struct due_group *groups; /* grown as lines come */
	size_t group_count;
};

int cmd_lifecycle_checklist(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = { "ID", "QUESTION / CONTROL" };
	struct cli_args args;
	struct tplx_jsonw w;
	struct table t;
	int status;

	status = cli_parse(cli, "lifecycle checklist",
	                   "The questions a hospital answers as a device nears "
	                   "End of Support\n(IMDRF N70, paraphrased) and N70's "
	                   "compensating controls after it.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_key(&w, "questions");
		tplx_jsonw_array_begin(&w);
		for (size_t i = 0; i < TPLC_REVIEW_QUESTIONS; i++) {
			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "id",
			                   tplc_review_question_at(i)->id);
			tplx_jsonw_kstring(&w, "question",
			                   tplc_review_question_at(i)->text);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		tplx_jsonw_key(&w, "controls");
		tplx_jsonw_array_begin(&w);
		for (size_t i = 0; i < TPLC_REVIEW_CONTROLS; i++) {
			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "name",
			                   tplc_review_control_at(i)->name);
			tplx_jsonw_kstring(&w, "title",
			                   tplc_review_control_at(i)->title);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		tplx_jsonw_object_end(&w);
		return EXIT_OK;
	}
	table_init(&t, 2, header);
	for (size_t i = 0; i < TPLC_REVIEW_QUESTIONS; i++) {
		const char *cells[] = { tplc_review_question_at(i)->id,
			                tplc_review_question_at(i)->text };

		table_row(&t, cells);
	}
	for (size_t i = 0; i < TPLC_REVIEW_CONTROLS; i++) {
		const char *cells[] = { tplc_review_control_at(i)->name,
			                tplc_review_control_at(i)->title };

		table_row(&t, cells);
	}
	table_print(&t, stdout);
	table_release(&t);
	return EXIT_OK;
}

/* ---- due ------------------------------------------------------------------- */

static int due_group_add(struct rv_out *out, const char *product,
                         const char *tag, const char *why, const char *due,
                         const char *state, const char *last, const char *plan);

static int due_row(const struct tplc_review_due_row *r, void *data)
{
	struct rv_out *out = data;
	const struct tplc_lifecycle_device_row *d = r->device;
	const struct tplc_review_due *due = r->due;
	const char *plan = !due->transfer_needed ? "-"
	                   : due->transfer_plan  ? "yes"
	                                         : "NO TRANSFER PLAN";
	char product[256], state[32];

	snprintf(product, sizeof(product), "%s %s %s", d->manufacturer,
	         d->model, d->version ? d->version : "");
	if (out->cli->json) {
		struct tplx_jsonw *w = &out->w;

		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "site", d->site);
		tplx_jsonw_kstring(w, "asset_tag", d->asset_tag);
		tplx_jsonw_kstring(w, "manufacturer", d->manufacturer);
		tplx_jsonw_kstring(w, "model", d->model);
		tplx_jsonw_kstring(w, "version", d->version);
		tplx_jsonw_kstring(w, "stage",
		                   tplc_lifecycle_key(d->status->stage));
		tplx_jsonw_kstring(
		        w, "requirement",
		        tplc_review_requirement_key(due->requirement));
		tplx_jsonw_kstring(w, "since", due->since);
		tplx_jsonw_kstring(w, "due", due->due);
		tplx_jsonw_kstring(w, "state",
		                   tplc_review_state_name(due->state));
		tplx_jsonw_kint(w, "days", due->days);
		tplx_jsonw_kstring(w, "last_review", r->last_review);
		tplx_jsonw_kstring(w, "last_decision", r->last_decision);
		tplx_jsonw_kbool(w, "transfer_needed", due->transfer_needed);
		tplx_jsonw_kbool(w, "transfer_plan", due->transfer_plan);
		tplx_jsonw_object_end(w);
		return 0;
	}
	if (due->state == TPLC_REVIEW_OVERDUE)
		snprintf(state, sizeof(state), "OVERDUE %ldd", -due->days);
	else
		snprintf(state, sizeof(state), "due in %ldd", due->days);
	if (out->by_device) {
		const char *cells[] = {
			d->asset_tag,
			product,
			tplc_review_requirement_name(due->requirement),
			due->due,
			state,
			r->last_review ? r->last_review : "never",
			plan,
		};

		table_row(&out->t, cells);
		return 0;
	}
	return due_group_add(out, product, d->asset_tag,
	                     tplc_review_requirement_name(due->requirement),
	                     due->due, state,
	                     r->last_review ? r->last_review : "never", plan);
}

/* Count a device into the group of devices with the same line. */
static int due_group_add(struct rv_out *out, const char *product,
                         const char *tag, const char *why, const char *due,
                         const char *state, const char *last, const char *plan)
{
	struct due_group *g;

	for (size_t i = 0; i < out->group_count; i++) {
		g = &out->groups[i];
		if (strcmp(g->product, product) == 0 && g->why == why &&
		    strcmp(g->due, due) == 0 && strcmp(g->state, state) == 0 &&
		    strcmp(g->last, last) == 0 && g->plan == plan) {
			g->devices++;
			return 0;
		}
	}
	g = tplx_reallocarray(out->groups, out->group_count + 1, sizeof(*g));
	if (g == NULL)
		return tplc_error_set(&out->cli->err, TPLC_ENOMEM,
		                      "out of memory");
	out->groups = g;
	g = &out->groups[out->group_count++];
	memset(g, 0, sizeof(*g));
	snprintf(g->product, sizeof(g->product), "%s", product);
	snprintf(g->first, sizeof(g->first), "%s", tag);
	snprintf(g->due, sizeof(g->due), "%s", due);
	snprintf(g->state, sizeof(g->state), "%s", state);
	snprintf(g->last, sizeof(g->last), "%s", last);
	g->why = why;
	g->plan = plan;
	g->devices = 1;
	return 0;
}

static void due_groups_print(struct rv_out *out)
{
	static const char *const header[] = { "PRODUCT", "DEVICES", "WHY",
		                              "DUE",     "STATE",   "LAST",
		                              "TRANSFER" };
	struct table t;

	table_init(&t, 7, header);
	for (size_t i = 0; i < out->group_count; i++) {
		const struct due_group *g = &out->groups[i];
		char devices[sizeof(g->first)];
		const char *cells[] = { g->product, devices, g->why, g->due,
			                g->state,   g->last, g->plan };

		if (g->devices == 1)
			snprintf(devices, sizeof(devices), "%s", g->first);
		else
			snprintf(devices, sizeof(devices), "%zu", g->devices);
		table_row(&t, cells);
	}
	table_print(&t, stdout);
	table_release(&t);
}

int cmd_lifecycle_due(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "as-of", "DATE", "judge on this day (default: today)" },
		{ "within", "DAYS", "say due this many days ahead (90)" },
		{ "overdue", NULL, "only reviews past their due day" },
		{ "product", "TEXT", "products whose name contains TEXT" },
		{ "devices", NULL, "one row per device (default: per group)" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "DEVICE",  "PRODUCT", "WHY",
		                              "DUE",     "STATE",   "LAST",
		                              "TRANSFER" };
	struct tplc_lifecycle_filter f;
	struct tplc_store *store;
	struct cli_args args;
	struct rv_out out;
	size_t within = TPLC_REVIEW_HORIZON_DAYS;
	int status, error;

	status = cli_parse(
	        cli,
	        "lifecycle due [--as-of DATE] [--within DAYS] [--overdue] "
	        "[--product TEXT]",
	        "Devices whose lifecycle review is due: yearly from three "
	        "years before\ntheir EOL or EOS, and while in Limited Support "
	        "or End of Support.\nNear EOS a device needs a transfer plan "
	        "(a dated upgrade, replacement\nor decommissioning, or "
	        "keeping it with compensating controls).",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_opt_count(&args, opts, "within", &within);
	if (status != 0)
		return status;
	if (within > 36500)
		return cli_die(EXIT_USAGE, "lifecycle due: --within too large");
	memset(&f, 0, sizeof(f));
	f.stage = -1;
	f.as_of = cli_opt(&args, opts, "as-of");
	f.product = cli_opt(&args, opts, "product");
	if (f.as_of && !tplx_date_only(f.as_of))
		return cli_die(EXIT_USAGE,
		               "lifecycle due: --as-of %s: not a "
		               "date (YYYY-MM-DD)",
		               f.as_of);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	out.by_device = cli_flag(&args, opts, "devices");
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 7, header);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_reviews_due(store, &f, (long)within,
	                               cli_flag(&args, opts, "overdue"),
	                               due_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0 && out.by_device)
		table_print(&out.t, stdout);
	else if (error == 0)
		due_groups_print(&out);
	table_release(&out.t);
	tplx_free(out.groups);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* ---- review ---------------------------------------------------------------- */

static int read_answers(struct cli *cli, const char *path,
                        struct tplc_review_answers *answers)
{
	char *text = NULL;
	size_t len = 0;
	int error;

	error = tplx_file_read(&text, &len, path, TPLC_REVIEW_ANSWERS_MAX,
	                       &cli->err);
	if (error == 0)
		error = tplc_review_answers_parse(
		        answers, text, len,
		        strcmp(path, "-") == 0 ? "<stdin>" : path, &cli->err);
	tplx_free(text);
	return error < 0 ? cli_fail(cli, error) : 0;
}

int cmd_lifecycle_review(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "device", "TAG", "the device's asset tag" },
		{ "site", "NAME", "its site, when tags repeat" },
		{ "product", "TEXT", "every device of this product" },
		{ "version", "V", "with --product: of this version only" },
		{ "by", "NAME", "who reviewed" },
		{ "answers", "FILE",
		  "checklist answers (\"EOS-01 yes\"), - stdin" },
		{ "controls", "LIST",
		  "compensating controls in place (see checklist)" },
		{ "decision", "D", "keep, upgrade, replace or decommission" },
		{ "decide-by", "DATE", "when the decision is carried out" },
		{ "notes", "TEXT", "free text" },
		{ "at", "DATE", "the day of the review (default: today)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_review_answers answers;
	struct tplc_review_record r;
	struct tplc_store *store;
	struct cli_args args;
	const char *answers_path, *controls, *decision;
	size_t devices;
	int status, error, d;

	status = cli_parse(
	        cli,
	        "lifecycle review (--device TAG | --product P [--version V]) "
	        "--by NAME\n  --answers FILE|- --controls LIST --decision D "
	        "[--decide-by DATE] [--notes TEXT]\n  [--at DATE]",
	        "Record a lifecycle review of one device, or of every device "
	        "of a\nproduct: the checklist's answers, the compensating "
	        "controls in place\n(they become the device's controls; "
	        "isolation and segmentation tighten\nits exposure) and the "
	        "decision.  Decommission needs --decide-by.",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&r, 0, sizeof(r));
	r.asset_tag = cli_opt(&args, opts, "device");
	r.site = cli_opt(&args, opts, "site");
	r.product = cli_opt(&args, opts, "product");
	r.version = cli_opt(&args, opts, "version");
	r.by = cli_opt(&args, opts, "by");
	r.decide_by = cli_opt(&args, opts, "decide-by");
	r.notes = cli_opt(&args, opts, "notes");
	r.at = cli_opt(&args, opts, "at");
	answers_path = cli_opt(&args, opts, "answers");
	controls = cli_opt(&args, opts, "controls");
	decision = cli_opt(&args, opts, "decision");
	if ((r.asset_tag == NULL) == (r.product == NULL))
		return cli_die(EXIT_USAGE,
		               "lifecycle review: give --device or --product");
	if (r.by == NULL || *r.by == '\0' || answers_path == NULL ||
	    controls == NULL || decision == NULL)
		return cli_die(EXIT_USAGE,
		               "lifecycle review: give --by, --answers, "
		               "--controls and --decision");
	d = tplc_review_decision_parse(decision);
	if (d < 0)
		return cli_die(EXIT_USAGE,
		               "lifecycle review: --decision %s: keep, "
		               "upgrade, replace or decommission",
		               decision);
	r.decision = (enum tplc_review_decision)d;
	if (tplc_review_controls_parse(&r.controls, controls, &cli->err) < 0)
		return cli_die(EXIT_USAGE, "lifecycle review: %s",
		               cli->err.message);
	status = read_answers(cli, answers_path, &answers);
	if (status != 0)
		return status;
	r.answers = &answers;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_review_record(store, &r, &devices, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	printf("review recorded for %zu device%s (%zu of %d answered)\n",
	       devices, devices == 1 ? "" : "s", tplc_review_answered(&answers),
	       TPLC_REVIEW_QUESTIONS);
	return EXIT_OK;
}

/* ---- history --------------------------------------------------------------- */

static int review_row(const struct tplc_review_row *r, void *data)
{
	struct rv_out *out = data;

	if (out->cli->json) {
		struct tplx_jsonw *w = &out->w;

		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "site", r->site);
		tplx_jsonw_kstring(w, "asset_tag", r->asset_tag);
		tplx_jsonw_kstring(w, "manufacturer", r->manufacturer);
		tplx_jsonw_kstring(w, "model", r->model);
		tplx_jsonw_kstring(w, "version", r->version);
		tplx_jsonw_kstring(w, "reviewed_at", r->reviewed_at);
		tplx_jsonw_kstring(w, "reviewed_by", r->reviewed_by);
		tplx_jsonw_kstring(w, "stage", r->stage);
		tplx_jsonw_kstring(w, "controls", r->controls);
		tplx_jsonw_kstring(w, "decision", r->decision);
		tplx_jsonw_kstring(w, "decide_by", r->decision_by);
		tplx_jsonw_kstring(w, "notes", r->notes);
		tplx_jsonw_kstring(w, "answers", r->answers);
		tplx_jsonw_object_end(w);
	} else {
		const char *cells[] = {
			r->asset_tag,
			r->reviewed_at,
			r->reviewed_by,
			r->stage,
			r->decision,
			r->decision_by ? r->decision_by : "-",
			r->controls ? r->controls : "-",
		};

		table_row(&out->t, cells);
	}
	return 0;
}

int cmd_lifecycle_reviews(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "device", "TAG", "the reviews of this device only" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "DEVICE",   "AT",
		                              "BY",       "STAGE",
		                              "DECISION", "DECIDE BY",
		                              "CONTROLS" };
	struct tplc_store *store;
	struct cli_args args;
	struct rv_out out;
	int status, error;

	status = cli_parse(cli, "lifecycle reviews [--device TAG]",
	                   "The lifecycle reviews recorded, oldest first.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 7, header);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_reviews_list(store, cli_opt(&args, opts, "device"),
	                                review_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc postmarket decide|notified|fixed|list|history: the manufacturer's
 * controlled/uncontrolled decisions and the FDA clocks they start
 * (customers told within 30 days, a fix out within 60).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "table.h"
#include "tplc/postmarket.h"
#include "util/jsonw.h"

struct pm_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static const char *const list_header[] = {
	"PRODUCT", "VERSION",    "VULNERABILITY", "KEV",    "CVSS",
	"RISK",    "DECIDED BY", "AWARE",         "NOTIFY", "FIX",
};

#define LIST_COLUMNS (sizeof(list_header) / sizeof(list_header[0]))

/* "OVERDUE 12d", "due 2026-12-15", "met 2026-11-20", "late 3d", "-". */
static const char *clock_cell(char *buf, size_t size, const char *state,
                              const char *due, const char *done, long long days)
{
	if (state == NULL || strcmp(state, "-") == 0)
		return "-";
	if (strcmp(state, "overdue") == 0)
		snprintf(buf, size, "OVERDUE %lldd", days);
	else if (strcmp(state, "due") == 0)
		snprintf(buf, size, "due %s", due);
	else if (strcmp(state, "late") == 0)
		snprintf(buf, size, "late %lldd (%.10s)", days, done);
	else
		snprintf(buf, size, "met %.10s", done);
	return buf;
}

static void row_json(struct tplx_jsonw *w, const struct tplc_postmarket_row *r)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "manufacturer", r->manufacturer);
	tplx_jsonw_kstring(w, "model", r->model);
	tplx_jsonw_kstring(w, "version", r->version);
	tplx_jsonw_kstring(w, "vulnerability", r->vuln_id);
	tplx_jsonw_kbool(w, "kev", r->kev);
	tplx_jsonw_kscore(w, "cvss_score", r->cvss_score);
	tplx_jsonw_kint(w, "findings", r->findings);
	tplx_jsonw_kstring(w, "decision", r->risk ? r->risk : "undecided");
	tplx_jsonw_kstring(w, "rationale", r->rationale);
	tplx_jsonw_kstring(w, "decided_by", r->decided_by);
	tplx_jsonw_kstring(w, "decided_at", r->decided_at);
	tplx_jsonw_kstring(w, "aware_at", r->aware_at);
	tplx_jsonw_kstring(w, "notify_due", r->notify_due);
	tplx_jsonw_kstring(w, "notified_at", r->notified_at);
	tplx_jsonw_kstring(w, "notify_state", r->notify_state);
	tplx_jsonw_kint(w, "notify_days", r->notify_days);
	tplx_jsonw_kstring(w, "fix_due", r->fix_due);
	tplx_jsonw_kstring(w, "fixed_at", r->fixed_at);
	tplx_jsonw_kstring(w, "fix_state", r->fix_state);
	tplx_jsonw_kint(w, "fix_days", r->fix_days);
	tplx_jsonw_object_end(w);
}

static int pm_row(const struct tplc_postmarket_row *r, void *data)
{
	struct pm_out *out = data;
	char product[256], score[16], aware[16], notify[48], fix[48];

	if (out->cli->json) {
		row_json(&out->w, r);
		return 0;
	}
	snprintf(product, sizeof(product), "%s %s", r->manufacturer, r->model);
	snprintf(aware, sizeof(aware), "%.10s",
	         r->aware_at ? r->aware_at : "-");
	{
		const char *cells[] = {
			product,
			r->version ? r->version : "",
			r->vuln_id,
			r->kev ? "KEV" : "",
			render_score(r->cvss_score, score, sizeof(score)),
			r->risk ? r->risk : "undecided",
			r->decided_by,
			aware,
			clock_cell(notify, sizeof(notify), r->notify_state,
			           r->notify_due, r->notified_at,
			           r->notify_days),
			clock_cell(fix, sizeof(fix), r->fix_state, r->fix_due,
			           r->fixed_at, r->fix_days),
		};
		table_row(&out->t, cells);
	}
	return 0;
}

static void out_begin(struct pm_out *out, struct cli *cli, bool array)
{
	memset(out, 0, sizeof(*out));
	out->cli = cli;
	tplx_jsonw_init(&out->w, stdout, false);
	table_init(&out->t, LIST_COLUMNS, list_header);
	table_limit(&out->t, 0, 32);
	table_limit(&out->t, 6, 20);
	if (cli->json && array)
		tplx_jsonw_array_begin(&out->w);
}

static int out_end(struct pm_out *out, bool array, int error)
{
	if (out->cli->json && array)
		tplx_jsonw_array_end(&out->w);
	else if (!out->cli->json && error == 0)
		table_print(&out->t, stdout);
	table_release(&out->t);
	return error < 0 ? cli_fail(out->cli, error) : EXIT_OK;
}

/* The options every change names its product version and vulnerability
 * with come first in each table. */
#define KEY_OPTIONS                                                          \
	{ "product", "TEXT", "the product whose name is or contains TEXT" }, \
	        { "version", "V", "its software version" },                  \
	{                                                                    \
		"vuln", "ID", "the vulnerability (CVE-..., GHSA-...)"        \
	}

static int key_from(const struct cli_args *args, const struct cli_option *opts,
                    struct tplc_postmarket_key *key, const char *by)
{
	key->product = cli_opt(args, opts, "product");
	key->version = cli_opt(args, opts, "version");
	key->vuln_id = cli_opt(args, opts, "vuln");
	if (key->product == NULL || key->version == NULL ||
	    key->vuln_id == NULL || by == NULL)
		return cli_die(EXIT_USAGE, "--product, --version, --vuln and "
		                           "--by are required");
	return 0;
}

static int pm_decide(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		KEY_OPTIONS,
		{ "risk", "R", "controlled or uncontrolled" },
		{ "by", "NAME", "who decided" },
		{ "rationale", "TEXT", "why" },
		{ "aware", "DATE",
		  "when the manufacturer learned of it (default: first "
		  "found)" },
		{ "force", NULL, "decide on a vulnerability with no finding" },
		{ NULL, NULL, NULL },
	};
	struct tplc_postmarket_decision d;
	struct tplc_store *store;
	struct cli_args args;
	struct pm_out out;
	const char *risk;
	int status, error;

	status = cli_parse(
	        cli,
	        "postmarket decide --product TEXT --version V --vuln ID "
	        "--risk R --by NAME",
	        "Record whether a vulnerability's risk in a product version "
	        "is controlled\n(residual risk acceptable) or uncontrolled.  "
	        "Uncontrolled risk starts the FDA\nclocks at the day you "
	        "became aware: customers told within 30 days, a fix\n"
	        "distributed within 60.  A new decision replaces the current "
	        "one; the old\nstay in the history.",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&d, 0, sizeof(d));
	d.decided_by = cli_opt(&args, opts, "by");
	if (key_from(&args, opts, &d.key, d.decided_by) != 0)
		return EXIT_USAGE;
	risk = cli_opt(&args, opts, "risk");
	if (risk != NULL && strcmp(risk, "controlled") == 0)
		d.risk = TPLC_RISK_CONTROLLED;
	else if (risk != NULL && strcmp(risk, "uncontrolled") == 0)
		d.risk = TPLC_RISK_UNCONTROLLED;
	else
		return cli_die(EXIT_USAGE,
		               "--risk must be controlled or uncontrolled");
	d.rationale = cli_opt(&args, opts, "rationale");
	d.aware_at = cli_opt(&args, opts, "aware");
	d.force = cli_flag(&args, opts, "force");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	out_begin(&out, cli, false);
	error = tplc_postmarket_decide(store, &d, pm_row, &out, &cli->err);
	return out_end(&out, false, error);
}

static int pm_event(struct cli *cli, int argc, char **argv,
                    enum tplc_postmarket_event event)
{
	static const struct cli_option opts[] = {
		KEY_OPTIONS,
		{ "by", "NAME", "who records it" },
		{ "at", "DATE", "when it happened (default: now)" },
		{ "note", "TEXT", "how, to whom, which release" },
		{ NULL, NULL, NULL },
	};
	struct tplc_postmarket_record rec;
	struct tplc_store *store;
	struct cli_args args;
	struct pm_out out;
	int status, error;

	status = cli_parse(
	        cli,
	        event == TPLC_PM_FIX_DISTRIBUTED
	                ? "postmarket fixed --product TEXT --version V "
	                  "--vuln ID --by NAME"
	                : "postmarket notified --product TEXT --version V "
	                  "--vuln ID --by NAME",
	        event == TPLC_PM_FIX_DISTRIBUTED
	                ? "Record that a fix (or compensating control) was "
	                  "validated and distributed."
	                : "Record that customers and users were told of the "
	                  "vulnerability.",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&rec, 0, sizeof(rec));
	rec.event = event;
	rec.recorded_by = cli_opt(&args, opts, "by");
	if (key_from(&args, opts, &rec.key, rec.recorded_by) != 0)
		return EXIT_USAGE;
	rec.at = cli_opt(&args, opts, "at");
	rec.note = cli_opt(&args, opts, "note");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	out_begin(&out, cli, false);
	error = tplc_postmarket_event(store, &rec, pm_row, &out, &cli->err);
	return out_end(&out, false, error);
}

static int pm_notified(struct cli *cli, int argc, char **argv)
{
	return pm_event(cli, argc, argv, TPLC_PM_CUSTOMERS_NOTIFIED);
}

static int pm_fixed(struct cli *cli, int argc, char **argv)
{
	return pm_event(cli, argc, argv, TPLC_PM_FIX_DISTRIBUTED);
}

static const struct cli_option filter_opts[] = {
	{ "product", "TEXT", "products whose name contains TEXT" },
	{ "version", "V", "one version" },
	{ "vuln", "ID", "one vulnerability" },
	{ "overdue", NULL, "only uncontrolled risk with an overdue clock" },
	{ "undecided", NULL, "only what has no decision yet" },
	{ NULL, NULL, NULL },
};

static void filter_from(const struct cli_args *args,
                        struct tplc_postmarket_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->product = cli_opt(args, filter_opts, "product");
	f->version = cli_opt(args, filter_opts, "version");
	f->vuln_id = cli_opt(args, filter_opts, "vuln");
	f->overdue_only = cli_flag(args, filter_opts, "overdue");
	f->undecided_only = cli_flag(args, filter_opts, "undecided");
}

static int pm_list(struct cli *cli, int argc, char **argv)
{
	struct tplc_postmarket_filter f;
	struct tplc_store *store;
	struct cli_args args;
	struct pm_out out;
	int status, error;

	status = cli_parse(cli, "postmarket list [options]",
	                   "One row per product version and vulnerability "
	                   "with open findings or a\ndecision: the decision "
	                   "and its clocks (met, late, due, OVERDUE).\n"
	                   "Overdue first, then undecided by CVSS, then the "
	                   "rest.",
	                   filter_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	filter_from(&args, &f);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	out_begin(&out, cli, true);
	error = tplc_postmarket_list(store, &f, pm_row, &out, &cli->err);
	return out_end(&out, true, error);
}

static int history_row(const struct tplc_postmarket_history_row *h, void *data)
{
	struct pm_out *out = data;
	char product[256], what[64];

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "manufacturer", h->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", h->model);
		tplx_jsonw_kstring(&out->w, "version", h->version);
		tplx_jsonw_kstring(&out->w, "vulnerability", h->vuln_id);
		tplx_jsonw_kstring(&out->w, "kind", h->kind);
		tplx_jsonw_kstring(&out->w, "risk", h->risk);
		tplx_jsonw_kstring(&out->w, "by", h->by);
		tplx_jsonw_kstring(&out->w, "at", h->at);
		tplx_jsonw_kstring(&out->w, "aware_at", h->aware_at);
		tplx_jsonw_kstring(&out->w, "text", h->text);
		tplx_jsonw_kbool(&out->w, "current", h->current);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	snprintf(product, sizeof(product), "%s %s %s", h->manufacturer,
	         h->model, h->version ? h->version : "");
	if (h->risk != NULL)
		snprintf(what, sizeof(what), "%s%s", h->risk,
		         h->current ? " (current)" : "");
	else
		snprintf(what, sizeof(what), "%s", h->kind);
	{
		const char *cells[] = { h->at, product, h->vuln_id,
			                what,  h->by,   h->text };
		table_row(&out->t, cells);
	}
	return 0;
}

static int pm_history(struct cli *cli, int argc, char **argv)
{
	static const char *const header[] = {
		"AT", "PRODUCT", "VULNERABILITY", "WHAT", "BY", "WHY / NOTE",
	};
	struct tplc_postmarket_filter f;
	struct tplc_store *store;
	struct cli_args args;
	struct pm_out out;
	int status, error;

	status = cli_parse(cli, "postmarket history [options]",
	                   "Every decision (who, when, why) and every "
	                   "notification and fix, oldest\nfirst.  --overdue "
	                   "and --undecided do not apply.",
	                   filter_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	filter_from(&args, &f);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 6, header);
	table_limit(&out.t, 1, 40);
	table_limit(&out.t, 5, 48);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_postmarket_history(store, &f, history_row, &out,
	                                &cli->err);
	return out_end(&out, true, error);
}

int cmd_postmarket(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "decide", pm_decide,
		  "record controlled or uncontrolled risk" },
		{ "notified", pm_notified, "record that customers were told" },
		{ "fixed", pm_fixed, "record that a fix was distributed" },
		{ "list", pm_list, "decisions and their 30/60-day clocks" },
		{ "history", pm_history, "every decision and event" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "postmarket", cmds, argc, argv);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc accept body|request|approve|reject|list|show|due: risk acceptance
 * with the governance body's approval and an expiry.  Every subcommand
 * runs the expiry sweep first, so what it shows is current.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/accept.h"
#include "tplc/review.h"
#include "util/alloc.h"
#include "util/jsonw.h"
#include "util/str.h"

struct ac_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
	bool due; /* the due table's columns */
};

/* Open the store and expire what is past its day. */
static int ac_store(struct cli *cli, struct tplc_store **store)
{
	int status = cli_store(cli, store);

	if (status != 0)
		return status;
	if (tplc_store_acceptances_expire(*store, &cli->err) < 0)
		return cli_fail(cli, cli->err.code);
	return 0;
}

/* ---- body ------------------------------------------------------------------ */

static int body_row(const char *name, const char *added_by,
                    const char *added_at, void *data)
{
	struct ac_out *out = data;

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "name", name);
		tplx_jsonw_kstring(&out->w, "added_by", added_by);
		tplx_jsonw_kstring(&out->w, "added_at", added_at);
		tplx_jsonw_object_end(&out->w);
	} else {
		const char *cells[] = { name, added_by, added_at };

		table_row(&out->t, cells);
	}
	return 0;
}

static int ac_body(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "approvers", "A,B,C", "the approvers (replaces the list)" },
		{ "quorum", "N", "approvals an acceptance needs" },
		{ "by", "NAME", "who sets the body" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "APPROVER", "ADDED BY",
		                              "ADDED AT" };
	struct tplc_store *store;
	struct cli_args args;
	struct ac_out out;
	const char *approvers, *by;
	size_t quorum = 0;
	long q;
	int status, error;

	status = cli_parse(cli,
	                   "accept body [--approvers A,B,C] [--quorum N] "
	                   "[--by NAME]",
	                   "Show the governance body that approves risk "
	                   "acceptances, or set it:\nM approvers and a quorum "
	                   "N (1 <= N <= M).  A requester never votes\non "
	                   "their own request.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_opt_count(&args, opts, "quorum", &quorum);
	if (status != 0)
		return status;
	approvers = cli_opt(&args, opts, "approvers");
	by = cli_opt(&args, opts, "by");
	if (cli_opt(&args, opts, "quorum") && quorum == 0)
		return cli_die(EXIT_USAGE,
		               "accept body: --quorum is at least 1");
	if (quorum > TPLC_ACCEPT_APPROVERS_MAX)
		return cli_die(EXIT_USAGE, "accept body: --quorum too large");
	if ((approvers || quorum) && by == NULL)
		return cli_die(EXIT_USAGE, "accept body: say who (--by NAME)");
	status = ac_store(cli, &store);
	if (status != 0)
		return status;
	if (approvers || quorum) {
		error = tplc_store_accept_body_set(store, approvers,
		                                   (long)quorum, by, &cli->err);
		if (error < 0)
			return cli_fail(cli, error);
	}
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 3, header);
	if (cli->json) {
		tplx_jsonw_object_begin(&out.w);
		tplx_jsonw_key(&out.w, "approvers");
		tplx_jsonw_array_begin(&out.w);
	}
	error = tplc_store_accept_body(store, &q, body_row, &out, &cli->err);
	if (cli->json) {
		tplx_jsonw_array_end(&out.w);
		tplx_jsonw_kint(&out.w, "quorum", q);
		tplx_jsonw_object_end(&out.w);
	} else if (error == 0 && out.t.rows == 0) {
		printf("no governance body: tplc accept body --approvers A,B,C "
		       "--quorum N --by NAME\n");
	} else if (error == 0) {
		printf("quorum %ld of %zu\n", q, out.t.rows);
		table_print(&out.t, stdout);
	}
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* ---- request ---------------------------------------------------------------- */

/* "12,13" into ids; EXIT_USAGE naming what is not a finding number. */
static int parse_ids(const char *list, long long **out, size_t *count)
{
	char *copy = tplx_strdup(list), *p, *comma;
	long long *ids = NULL, *grown;
	int status = 0;

	*count = 0;
	if (copy == NULL)
		return cli_die(EXIT_SOFTWARE, "out of memory");
	for (p = copy; status == 0 && p; p = comma ? comma + 1 : NULL) {
		long id;

		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		p = tplx_trim(p);
		if (tplx_parse_long(p, 1, 0x7fffffffL, &id) < 0) {
			status = cli_die(EXIT_USAGE,
			                 "accept request: --finding %s: not a "
			                 "finding number",
			                 p);
			break;
		}
		if (*count == TPLC_ACCEPT_FINDINGS_MAX) {
			status =
			        cli_die(EXIT_USAGE,
			                "accept request: more than %d findings",
			                TPLC_ACCEPT_FINDINGS_MAX);
			break;
		}
		grown = tplx_reallocarray(ids, *count + 1, sizeof(*ids));
		if (grown == NULL) {
			status = cli_die(EXIT_SOFTWARE, "out of memory");
			break;
		}
		ids = grown;
		ids[(*count)++] = id;
	}
	tplx_free(copy);
	if (status != 0) {
		tplx_free(ids);
		*count = 0;
		ids = NULL;
	}
	*out = ids;
	return status;
}

static int ac_request(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "finding", "ID[,ID...]", "the findings accepted" },
		{ "device", "ASSET-TAG", "instead: a device's open findings" },
		{ "controls", "LIST",
		  "compensating controls (tplc lifecycle checklist)" },
		{ "residual", "R",
		  "residual risk: low, medium, high, critical" },
		{ "justification", "TEXT", "why the risk is acceptable" },
		{ "expires", "DATE",
		  "when it ends (at most 12 months, KEV 90 days)" },
		{ "by", "NAME", "who requests it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_accept_request r;
	struct tplc_accept_requested done;
	struct tplc_store *store;
	struct cli_args args;
	const char *findings, *controls, *residual;
	long long *ids = NULL;
	int status, error, res;

	status = cli_parse(
	        cli,
	        "accept request (--finding ID[,ID...] | --device ASSET-TAG)\n"
	        "  --controls LIST --residual R --justification TEXT "
	        "--expires DATE --by NAME",
	        "Ask the governance body to accept the risk of findings that "
	        "stay open,\nwith compensating controls, until a date at most "
	        "12 months away (90 days\nfor a known exploited "
	        "vulnerability).",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&r, 0, sizeof(r));
	findings = cli_opt(&args, opts, "finding");
	r.asset_tag = cli_opt(&args, opts, "device");
	controls = cli_opt(&args, opts, "controls");
	residual = cli_opt(&args, opts, "residual");
	r.justification = cli_opt(&args, opts, "justification");
	r.expires = cli_opt(&args, opts, "expires");
	r.by = cli_opt(&args, opts, "by");
	if ((findings == NULL) == (r.asset_tag == NULL))
		return cli_die(EXIT_USAGE,
		               "accept request: give --finding or --device");
	if (controls == NULL || residual == NULL || r.justification == NULL ||
	    r.expires == NULL || r.by == NULL)
		return cli_die(EXIT_USAGE,
		               "accept request: give --controls, --residual, "
		               "--justification, --expires and --by");
	res = tplc_accept_residual_parse(residual);
	if (res < 0)
		return cli_die(EXIT_USAGE,
		               "accept request: --residual %s: low, medium, "
		               "high or critical",
		               residual);
	r.residual = (enum tplc_accept_residual)res;
	if (tplc_review_controls_parse(&r.controls, controls, &cli->err) < 0)
		return cli_fail(cli, cli->err.code);
	if (findings) {
		status = parse_ids(findings, &ids, &r.finding_count);
		if (status != 0)
			return status;
		r.findings = ids;
	}
	status = ac_store(cli, &store);
	if (status == 0) {
		error = tplc_store_accept_request(store, &r, &done, &cli->err);
		if (error < 0)
			status = cli_fail(cli, error);
		else
			printf("acceptance %lld requested: %zu finding%s, "
			       "needs %ld approval%s\n",
			       done.id, done.findings,
			       done.findings == 1 ? "" : "s", done.quorum,
			       done.quorum == 1 ? "" : "s");
	}
	tplx_free(ids);
	return status;
}

/* ---- votes ------------------------------------------------------------------ */

static int vote(struct cli *cli, int argc, char **argv, bool approve)
{
	static const struct cli_option opts[] = {
		{ "by", "NAME", "the approver voting" },
		{ "comment", "TEXT", "why (required to reject)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_accept_vote_result res;
	struct tplc_store *store;
	struct cli_args args;
	const char *by, *comment;
	long id;
	int status, error;

	status =
	        cli_parse(cli,
	                  approve ? "accept approve ID --by NAME "
	                            "[--comment TEXT]"
	                          : "accept reject ID --by NAME --comment TEXT",
	                  approve ? "Approve a pending acceptance; the "
	                            "quorum's approvals approve it."
	                          : "Reject a pending acceptance; one "
	                            "rejection rejects it.",
	                  opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	comment = cli_opt(&args, opts, "comment");
	if (tplx_parse_long(args.items[0], 1, 0x7fffffffL, &id) < 0)
		return cli_die(EXIT_USAGE,
		               "accept: %s: not an acceptance number",
		               args.items[0]);
	if (by == NULL)
		return cli_die(EXIT_USAGE, "accept: say who votes (--by NAME)");
	if (!approve && comment == NULL)
		return cli_die(EXIT_USAGE,
		               "accept reject: say why (--comment TEXT)");
	status = ac_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_accept_vote(store, id, by, approve, comment, &res,
	                               &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (res.status == TPLC_ACCEPT_APPROVED)
		printf("acceptance %ld approved (%zu of %ld)\n", id,
		       res.approvals, res.quorum);
	else if (res.status == TPLC_ACCEPT_REJECTED)
		printf("acceptance %ld rejected by %s\n", id, by);
	else
		printf("acceptance %ld: %zu of %ld approvals, still pending\n",
		       id, res.approvals, res.quorum);
	return EXIT_OK;
}

static int ac_approve(struct cli *cli, int argc, char **argv)
{
	return vote(cli, argc, argv, true);
}

static int ac_reject(struct cli *cli, int argc, char **argv)
{
	return vote(cli, argc, argv, false);
}

static int ac_withdraw(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "by", "NAME", "the requester" },
		{ "comment", "TEXT", "why" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	const char *by;
	long id;
	int status, error;

	status = cli_parse(cli, "accept withdraw ID --by NAME [--comment TEXT]",
	                   "Give an acceptance back before it expires (only "
	                   "its requester can); the\nfindings it covered go "
	                   "back to triage.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	if (tplx_parse_long(args.items[0], 1, 0x7fffffffL, &id) < 0)
		return cli_die(EXIT_USAGE,
		               "accept: %s: not an acceptance number",
		               args.items[0]);
	if (by == NULL)
		return cli_die(EXIT_USAGE,
		               "accept: say who withdraws it (--by NAME)");
	status = ac_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_accept_withdraw(
	        store, id, by, cli_opt(&args, opts, "comment"), &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	printf("acceptance %ld withdrawn\n", id);
	return EXIT_OK;
}

/* ---- list, due, show -------------------------------------------------------- */

static void row_json(struct tplx_jsonw *w, const struct tplc_accept_row *r)
{
	tplx_jsonw_kint(w, "id", r->id);
	tplx_jsonw_kstring(w, "status", r->status);
	tplx_jsonw_kstring(w, "site", r->site);
	tplx_jsonw_kstring(w, "device", r->asset_tag);
	tplx_jsonw_kint(w, "findings", r->findings);
	tplx_jsonw_kstring(w, "controls", r->controls);
	tplx_jsonw_kstring(w, "residual", r->residual);
	tplx_jsonw_kstring(w, "justification", r->justification);
	tplx_jsonw_kstring(w, "expires", r->expires);
	tplx_jsonw_kint(w, "days_left", r->days_left);
	tplx_jsonw_kbool(w, "kev", r->kev);
	tplx_jsonw_kint(w, "approvals", r->approvals);
	tplx_jsonw_kint(w, "rejections", r->rejections);
	tplx_jsonw_kint(w, "quorum", r->quorum);
	tplx_jsonw_kstring(w, "voted", r->voted);
	tplx_jsonw_kstring(w, "requested_by", r->requested_by);
	tplx_jsonw_kstring(w, "requested_at", r->requested_at);
	tplx_jsonw_kstring(w, "decided_at", r->decided_at);
}

static int list_row(const struct tplc_accept_row *r, void *data)
{
	struct ac_out *out = data;
	char id[24], scope[64], votes[48], due[48];

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		row_json(&out->w, r);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	snprintf(id, sizeof(id), "%lld", r->id);
	if (r->asset_tag)
		snprintf(scope, sizeof(scope), "%s", r->asset_tag);
	else
		snprintf(scope, sizeof(scope), "%lld finding%s", r->findings,
		         r->findings == 1 ? "" : "s");
	snprintf(votes, sizeof(votes), "%lld/%lld%s", r->approvals, r->quorum,
	         r->rejections ? " (rejected)" : "");
	if (out->due) {
		if (strcmp(r->status, "expired") == 0)
			snprintf(due, sizeof(due), "EXPIRED %ldd ago",
			         -r->days_left);
		else if (strcmp(r->status, "approved") == 0)
			snprintf(due, sizeof(due), "expires in %ldd",
			         r->days_left);
		else
			snprintf(due, sizeof(due), "awaiting approval");
		const char *cells[] = { id,         due,   scope,
			                r->expires, votes, r->voted };

		table_row(&out->t, cells);
		return 0;
	}
	const char *cells[] = {
		id,         r->status, scope,          r->residual,
		r->expires, votes,     r->requested_by
	};

	table_row(&out->t, cells);
	return 0;
}

static int print_rows(struct cli *cli, struct tplc_store *store, bool due,
                      const char *status_filter, long days)
{
	static const char *const header[] = { "ID",          "STATUS",  "SCOPE",
		                              "RESIDUAL",    "EXPIRES", "VOTES",
		                              "REQUESTED BY" };
	static const char *const due_header[] = { "ID",      "DUE",   "SCOPE",
		                                  "EXPIRES", "VOTES", "VOTED" };
	struct ac_out out;
	int error;

	memset(&out, 0, sizeof(out));
	out.cli = cli;
	out.due = due;
	tplx_jsonw_init(&out.w, stdout, false);
	if (due)
		table_init(&out.t, 6, due_header);
	else
		table_init(&out.t, 7, header);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	if (due)
		error = tplc_store_accept_due(store, days, list_row, &out,
		                              &cli->err);
	else
		error = tplc_store_accept_list(store, status_filter, list_row,
		                               &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int ac_list(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "status", "S",
		  "pending, approved, rejected, expired, withdrawn" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	const char *s;
	int status;

	status = cli_parse(cli, "accept list [--status S]",
	                   "The risk acceptances, newest first.", opts, 0, 0,
	                   argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	s = cli_opt(&args, opts, "status");
	if (s && tplc_accept_status_parse(s) < 0)
		return cli_die(EXIT_USAGE,
		               "accept list: --status %s: pending, approved, "
		               "rejected, expired or withdrawn",
		               s);
	status = ac_store(cli, &store);
	if (status != 0)
		return status;
	return print_rows(cli, store, false, s, 0);
}

static int ac_due(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "within", "DAYS", "approved ones expiring this soon (30)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	size_t within = TPLC_ACCEPT_DUE_DAYS;
	int status;

	status = cli_parse(cli, "accept due [--within DAYS]",
	                   "What needs attention: requests awaiting "
	                   "approval, approved acceptances\nexpiring within "
	                   "DAYS, and acceptances that expired (their "
	                   "findings are\nback in triage).",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_opt_count(&args, opts, "within", &within);
	if (status != 0)
		return status;
	if (within > 36500)
		return cli_die(EXIT_USAGE, "accept due: --within too large");
	status = ac_store(cli, &store);
	if (status != 0)
		return status;
	return print_rows(cli, store, true, NULL, (long)within);
}

static int show_head(const struct tplc_accept_row *r, void *data)
{
	struct ac_out *out = data;

	if (out->cli->json) {
		/* opened here, not before: an unknown id prints nothing */
		tplx_jsonw_object_begin(&out->w);
		row_json(&out->w, r);
		tplx_jsonw_key(&out->w, "covered");
		tplx_jsonw_array_begin(&out->w);
		return 0;
	}
	printf("acceptance %lld: %s\n", r->id, r->status);
	if (r->asset_tag)
		printf("device:        %s%s%s\n", r->asset_tag,
		       r->site ? " at " : "", r->site ? r->site : "");
	printf("residual risk: %s\n", r->residual);
	printf("controls:      %s\n", r->controls);
	printf("justification: %s\n", r->justification);
	printf("expires:       %s%s\n", r->expires,
	       r->kev ? " (known exploited: 90 days at most)" : "");
	printf("requested:     %s by %s\n", r->requested_at, r->requested_by);
	printf("votes:         %lld of %lld approvals, %lld rejections\n",
	       r->approvals, r->quorum, r->rejections);
	if (r->decided_at)
		printf("decided:       %s\n", r->decided_at);
	printf("\n");
	return 0;
}

static int show_finding(const struct tplc_accept_finding *f, void *data)
{
	struct ac_out *out = data;
	char product[256];

	snprintf(product, sizeof(product), "%s %s %s", f->manufacturer,
	         f->model, f->version);
	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "vulnerability", f->vuln_id);
		tplx_jsonw_kstring(&out->w, "manufacturer", f->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", f->model);
		tplx_jsonw_kstring(&out->w, "version", f->version);
		tplx_jsonw_kstring(&out->w, "component", f->component);
		tplx_jsonw_kbool(&out->w, "kev", f->kev);
		tplx_jsonw_object_end(&out->w);
	} else {
		const char *cells[] = { f->vuln_id, f->kev ? "KEV" : "",
			                product,
			                *f->component ? f->component
			                              : "(product)" };

		table_row(&out->t, cells);
	}
	return 0;
}

static int show_vote(const struct tplc_accept_vote *v, void *data)
{
	struct ac_out *out = data;

	if (out->cli->json) {
		if (!out->due) { /* first vote: the covered list ends */
			tplx_jsonw_array_end(&out->w);
			tplx_jsonw_key(&out->w, "votes");
			tplx_jsonw_array_begin(&out->w);
			out->due = true;
		}
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "approver", v->approver);
		tplx_jsonw_kstring(&out->w, "vote", v->vote);
		tplx_jsonw_kstring(&out->w, "comment", v->comment);
		tplx_jsonw_kstring(&out->w, "at", v->at);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	if (!out->due) {
		table_print(&out->t, stdout);
		printf("\n");
		out->due = true;
	}
	printf("%s %s by %s%s%s\n", v->at, v->vote, v->approver,
	       v->comment ? ": " : "", v->comment ? v->comment : "");
	return 0;
}

static int ac_show(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = { "VULNERABILITY", "KEV",
		                              "PRODUCT VERSION", "COMPONENT" };
	struct tplc_accept_show_cbs cbs;
	struct tplc_store *store;
	struct cli_args args;
	struct ac_out out;
	long id;
	int status, error;

	status = cli_parse(cli, "accept show ID",
	                   "One acceptance: its terms, the findings it "
	                   "covers and the votes.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	if (tplx_parse_long(args.items[0], 1, 0x7fffffffL, &id) < 0)
		return cli_die(EXIT_USAGE,
		               "accept show: %s: not an acceptance number",
		               args.items[0]);
	status = ac_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 4, header);
	/* out.due marks "the votes have begun" here */
	cbs.acceptance = show_head;
	cbs.finding = show_finding;
	cbs.vote = show_vote;
	cbs.data = &out;
	error = tplc_store_accept_show(store, id, &cbs, &cli->err);
	if (error == 0 && cli->json) {
		if (!out.due) {
			tplx_jsonw_array_end(&out.w);
			tplx_jsonw_key(&out.w, "votes");
			tplx_jsonw_array_begin(&out.w);
		}
		tplx_jsonw_array_end(&out.w);
		tplx_jsonw_object_end(&out.w);
	} else if (error == 0 && !out.due) {
		table_print(&out.t, stdout);
		printf("\nno votes yet\n");
	}
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_accept(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "body", ac_body, "show or set the governance body" },
		{ "request", ac_request, "ask to accept findings' risk" },
		{ "approve", ac_approve, "approve a pending acceptance" },
		{ "reject", ac_reject, "reject a pending acceptance" },
		{ "withdraw", ac_withdraw,
		  "give an acceptance back (requester)" },
		{ "list", ac_list, "the acceptances" },
		{ "show", ac_show, "one acceptance, its findings and votes" },
		{ "due", ac_due, "pending, expiring and expired acceptances" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "accept", cmds, argc, argv);
}

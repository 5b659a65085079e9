/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc findings set|history: a person's decision on findings (in-triage,
 * exploitable, not-affected, mitigated, resolved) and the decisions made
 * on one, with who made them and why (tplc/triage.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/triage.h"
#include "util/alloc.h"
#include "util/jsonw.h"

/* The most findings one command decides on. */
#define SET_IDS_MAX 10000

/* "12,13,40" into ids; EXIT_USAGE when it is not a list of ids. */
static int parse_ids(const char *text, long long **out, size_t *count)
{
	long long *ids = NULL;
	size_t n = 0;
	const char *p = text;

	*out = NULL;
	*count = 0;
	for (;;) {
		char *end;
		long long id;
		long long *grown;

		errno = 0;
		id = strtoll(p, &end, 10);
		if (end == p || errno != 0 || id <= 0 ||
		    (*end != ',' && *end != '\0') || n == SET_IDS_MAX) {
			tplx_free(ids);
			return cli_die(EXIT_USAGE,
			               "'%s' is not a list of finding ids "
			               "(12,13,...; at most %d)",
			               text, SET_IDS_MAX);
		}
		grown = tplx_reallocarray(ids, n + 1, sizeof(*ids));
		if (grown == NULL) {
			tplx_free(ids);
			return cli_die(EXIT_SOFTWARE, "out of memory");
		}
		ids = grown;
		ids[n++] = id;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	*out = ids;
	*count = n;
	return 0;
}

int cmd_findings_set(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "reason", "TEXT", "why (required)" },
		{ "by", "NAME", "who decided (required)" },
		{ "device", "ASSET-TAG",
		  "on this device only (default: every device of the\n"
		  "finding's product version)" },
		{ "justification", "J",
		  "for not-affected: a CycloneDX or OpenVEX justification\n"
		  "(code_not_reachable, vulnerable_code_not_in_execute_path,"
		  "\n...)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	long long *ids;
	size_t count;
	int status, error;
	const char *by;

	status = cli_parse(
	        cli,
	        "findings set ID[,ID...] STATE --reason TEXT --by NAME "
	        "[--device ASSET-TAG] [--justification J]",
	        "Decide on findings: new, in-triage, exploitable, not-affected "
	        "(with a\njustification), mitigated or resolved.  A rescan "
	        "keeps the decision; it goes\nback to in-triage when the "
	        "component's version or the VEX statement it was\nmade on "
	        "changes.  accepted takes a risk acceptance (tplc accept "
	        "request).",
	        opts, 2, 2, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	if (by == NULL || by[0] == '\0')
		return cli_die(EXIT_USAGE,
		               "--by NAME is required: who decided");
	if (cli_opt(&args, opts, "reason") == NULL)
		return cli_die(EXIT_USAGE, "--reason TEXT is required: why");
	status = parse_ids(args.items[0], &ids, &count);
	if (status != 0)
		return status;
	status = cli_store(cli, &store);
	if (status != 0) {
		tplx_free(ids);
		return status;
	}
	error = tplc_store_triage_set(
	        store, ids, count, cli_opt(&args, opts, "device"),
	        args.items[1], cli_opt(&args, opts, "justification"),
	        cli_opt(&args, opts, "reason"), by, &cli->err);
	tplx_free(ids);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "%zu finding%s now %s", count, count == 1 ? "" : "s",
	         args.items[1]);
	return EXIT_OK;
}

struct history_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int history_row(const struct tplc_triage_history_row *h, void *data)
{
	struct history_out *out = data;
	char id[24], state[160], bound[2200];

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kint(&out->w, "id", h->id);
		tplx_jsonw_kstring(&out->w, "asset_tag", h->asset_tag);
		tplx_jsonw_kstring(&out->w, "state", h->state);
		tplx_jsonw_kstring(&out->w, "justification", h->justification);
		tplx_jsonw_kstring(&out->w, "reason", h->reason);
		tplx_jsonw_kstring(&out->w, "bound_version", h->bound_version);
		tplx_jsonw_kstring(&out->w, "bound_vex", h->bound_vex);
		tplx_jsonw_kstring(&out->w, "by", h->by);
		tplx_jsonw_kstring(&out->w, "at", h->at);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	snprintf(id, sizeof(id), "%lld", h->id);
	if (h->justification)
		snprintf(state, sizeof(state), "%s (%s)", h->state,
		         h->justification);
	else
		snprintf(state, sizeof(state), "%s", h->state);
	snprintf(bound, sizeof(bound), "%s%s%s",
	         h->bound_version ? h->bound_version : "-",
	         h->bound_vex ? "; VEX " : "",
	         h->bound_vex ? h->bound_vex : "");
	{
		const char *cells[] = {
			id,        h->at,
			h->by,     h->asset_tag ? h->asset_tag : "(all)",
			state,     bound,
			h->reason,
		};
		table_row(&out->t, cells);
	}
	return 0;
}

int cmd_findings_history(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = {
		"#", "AT", "BY", "DEVICE", "STATE", "MADE ON", "REASON",
	};
	struct history_out out;
	struct tplc_store *store;
	struct cli_args args;
	long long id;
	char *end;
	int status, error;

	status = cli_parse(cli, "findings history ID",
	                   "The decisions on a finding, oldest first: who, "
	                   "when, on which devices,\nthe version and VEX "
	                   "statement each was made on, and why.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	errno = 0;
	id = strtoll(args.items[0], &end, 10);
	if (end == args.items[0] || *end != '\0' || errno != 0 || id <= 0)
		return cli_die(EXIT_USAGE, "'%s' is not a finding id",
		               args.items[0]);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 7, header);
	table_limit(&out.t, 6, 72);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_triage_history(store, id, history_row, &out,
	                                  &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

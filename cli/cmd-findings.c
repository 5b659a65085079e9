/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc findings list: what is vulnerable, what to fix first; tplc findings
 * explain: why a finding has its priority.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "table.h"
#include "tplc/priority.h"
#include "tplc/triage.h"

static const struct cli_option list_opts[] = {
	{ "device", "ASSET-TAG", "findings of one device" },
	{ "product", "TEXT", "products whose name contains TEXT" },
	{ "vuln", "ID", "one vulnerability (CVE-..., GHSA-...)" },
	{ "kev", NULL, "only known exploited vulnerabilities (CISA KEV)" },
	{ "by-device", NULL, "one row per device, not per product version" },
	{ "all", NULL,
	  "also findings a VEX calls not_affected or fixed, and those\n"
	  "decided not-affected, resolved or accepted" },
	{ "state", "LIST",
	  "only findings in these states (comma-separated: new,\n"
	  "in-triage, exploitable, not-affected, mitigated, accepted,\n"
	  "resolved)" },
	{ "overdue", NULL,
	  "only uncontrolled risks past a postmarket deadline\n"
	  "(customers told in 30 days, fix out in 60)" },
	{ "limit", "N", "at most N rows" },
	{ NULL, NULL, NULL },
};

struct findings_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
	int by_device;
};

static int finding_row(const struct tplc_finding_row *f, void *data)
{
	struct findings_out *out = data;
	char id[24], score[16], product[256], where[32], source[128];
	char vex[128], priority[32], state[48];

	if (out->cli->json) {
		render_finding_json(&out->w, f);
		return 0;
	}
	snprintf(id, sizeof(id), "%lld", f->id);
	snprintf(product, sizeof(product), "%s %s %s", f->manufacturer,
	         f->model, f->version ? f->version : "");
	if (out->by_device)
		snprintf(where, sizeof(where), "%s", f->asset_tag);
	else
		snprintf(where, sizeof(where), "%lld", f->devices);
	snprintf(source, sizeof(source), "%s %s", f->advisory_source,
	         f->advisory_id);
	render_vex(vex, sizeof(vex), f->vex_status, f->vex_justification);
	snprintf(priority, sizeof(priority), "%.1f %s", f->priority,
	         f->priority_band);
	if (f->acceptance_id != 0)
		snprintf(state, sizeof(state), "accepted #%lld",
		         f->acceptance_id);
	else
		snprintf(state, sizeof(state), "%s",
		         f->state ? f->state : "new");
	{
		const char *cells[] = {
			id,
			priority,
			f->kev ? "KEV" : "",
			render_score(f->cvss_score, score, sizeof(score)),
			f->vuln_id,
			product,
			f->component ? f->component : "(product)",
			where,
			source,
			vex,
			state,
		};
		table_row(&out->t, cells);
	}
	return 0;
}

static int findings_list(struct cli *cli, int argc, char **argv)
{
	static const char *const header[] = {
		"ID",  "PRIORITY", "KEV",    "CVSS", "VULNERABILITY", "PRODUCT",
		"VIA", "DEVICES",  "SOURCE", "VEX",  "STATE",
	};
	static const char *const header_by_device[] = {
		"ID",      "PRIORITY", "KEV",       "CVSS",   "VULNERABILITY",
		"PRODUCT", "VIA",      "ASSET TAG", "SOURCE", "VEX",
		"STATE",
	};
	struct tplc_finding_filter f;
	struct findings_out out;
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "findings list [options]",
	                   "List findings, what to fix first at the top: by "
	                   "priority (0-100), which\nweighs exploitation (CISA "
	                   "KEV, EPSS), CVSS on the device, its clinical\n"
	                   "function, its exposure and its lifecycle stage "
	                   "(tplc findings explain ID\nshows how).  One row "
	                   "per product version and vulnerability and source,"
	                   "\nat the priority of its most exposed device; "
	                   "--by-device or --device for\none row per device.  "
	                   "Findings a VEX statement calls not_affected or\n"
	                   "fixed, and those decided not-affected, resolved or"
	                   "\naccepted, are left out unless --all or --state.",
	                   list_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&f, 0, sizeof(f));
	f.asset_tag = cli_opt(&args, list_opts, "device");
	f.product = cli_opt(&args, list_opts, "product");
	f.vuln_id = cli_opt(&args, list_opts, "vuln");
	f.kev_only = cli_flag(&args, list_opts, "kev");
	f.all = cli_flag(&args, list_opts, "all");
	f.overdue = cli_flag(&args, list_opts, "overdue");
	if (cli_opt(&args, list_opts, "state") != NULL &&
	    tplc_triage_states_parse(&f.states,
	                             cli_opt(&args, list_opts, "state"),
	                             &cli->err) < 0)
		return cli_die(EXIT_USAGE, "%s", cli->err.message);
	f.by_device =
	        cli_flag(&args, list_opts, "by-device") || f.asset_tag != NULL;
	if (cli_opt_count(&args, list_opts, "limit", &f.limit) != 0)
		return EXIT_USAGE;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	out.by_device = f.by_device;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 11, f.by_device ? header_by_device : header);
	table_limit(&out.t, 5, 40);
	table_limit(&out.t, 6, 32);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_findings(store, &f, finding_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_findings(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "list", findings_list, "list findings, what to fix first" },
		{ "explain", cmd_findings_explain,
		  "why a finding has its priority" },
		{ "set", cmd_findings_set,
		  "decide on findings: in-triage, mitigated, ..." },
		{ "history", cmd_findings_history,
		  "the decisions on a finding" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "findings", cmds, argc, argv);
}

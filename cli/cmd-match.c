/* SPDX-License-Identifier: Apache-2.0 */
/* tplc match: which known vulnerabilities hit this package or CPE. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "table.h"
#include "tplc/match.h"

struct match_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
	size_t hits;
};

static int match_hit(const struct tplc_match_hit *h, void *data)
{
	struct match_out *out = data;
	char score[16], source[160], vex[160], why[96];

	out->hits++;
	if (out->cli->json) {
		render_match_hit_json(&out->w, h);
		return 0;
	}
	snprintf(source, sizeof(source), "%s %s", h->advisory_source,
	         h->advisory);
	render_vex(vex, sizeof(vex), h->vex_status, h->vex_justification);
	if (h->vex_status != NULL)
		snprintf(vex + strlen(vex), sizeof(vex) - strlen(vex),
		         " per %s %s", h->vex_source, h->vex_advisory);
	if (h->config > 0)
		snprintf(why, sizeof(why),
		         "with its NVD configuration %u's other nodes",
		         h->config);
	else if (h->undecided)
		snprintf(why, sizeof(why), "%s", "version not comparable");
	else
		snprintf(why, sizeof(why), "%s", "");
	{
		const char *cells[] = {
			h->vuln_id,
			render_score(h->cvss_score, score, sizeof(score)),
			h->match,
			h->range ? h->range : "all versions",
			h->fixed_in ? h->fixed_in : "",
			source,
			vex,
			why,
		};
		table_row(&out->t, cells);
	}
	return 0;
}

int cmd_match(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "version", "V",
		  "the version to check (default: the purl's "
		  "or the CPE's)" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = {
		"VULNERABILITY", "CVSS",   "MATCH", "RANGE",
		"FIXED IN",      "SOURCE", "VEX",   "NOTE",
	};
	struct match_out out;
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "match PURL|CPE [--version V]",
	                   "Which known vulnerabilities hit this package URL "
	                   "or CPE name, and why:\nthe advisory, its range, "
	                   "and what the newest VEX statement says.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 8, header);
	table_limit(&out.t, 3, 40);
	table_limit(&out.t, 7, 48);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_match_query(store, args.items[0],
	                         cli_opt(&args, opts, "version"), match_hit,
	                         &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0 && out.hits == 0)
		printf("no known vulnerability hits %s\n", args.items[0]);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

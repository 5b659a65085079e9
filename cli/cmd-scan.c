/* SPDX-License-Identifier: Apache-2.0 */
/* tplc scan: match the whole fleet, record findings. */
#include <stdio.h>

#include "cli.h"
#include "tplc/match.h"
#include "util/jsonw.h"

int cmd_scan(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "advisory", "SOURCE:REF",
		  "match only what this advisory says (osv:GHSA-...)" },
		{ NULL, NULL, NULL },
	};
	const char *advisory;
	struct tplc_scan_stats stats;
	struct tplc_store *store;
	struct cli_args args;
	struct tplx_jsonw w;
	int status, error;

	status = cli_parse(cli, "scan",
	                   "Match every product version and SBOM component "
	                   "against every advisory\nand record the findings. "
	                   "Running it again changes nothing unless the\n"
	                   "data did.  --advisory: only that advisory's "
	                   "findings, from only the\ncomponents and products "
	                   "it names.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	advisory = cli_opt(&args, opts, "advisory");
	if (advisory != NULL)
		error = tplc_scan_advisory_ref(store, advisory, &stats,
		                               &cli->err);
	else
		error = tplc_scan(store, &stats, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kint(&w, "product_versions",
		                (long long)stats.product_versions);
		tplx_jsonw_kint(&w, "components", (long long)stats.components);
		tplx_jsonw_kint(&w, "statements", (long long)stats.statements);
		tplx_jsonw_kint(&w, "findings", (long long)stats.findings);
		tplx_jsonw_kint(&w, "added", (long long)stats.added);
		tplx_jsonw_kint(&w, "removed", (long long)stats.removed);
		tplx_jsonw_kint(&w, "ranges_not_understood",
		                (long long)stats.unknown_ranges);
		tplx_jsonw_kint(&w, "undecided", (long long)stats.undecided);
		tplx_jsonw_object_end(&w);
		return EXIT_OK;
	}
	printf("scanned %zu product versions and %zu components against "
	       "%zu advisory statements\n",
	       stats.product_versions, stats.components, stats.statements);
	if (advisory != NULL)
		printf("%s: ", advisory);
	printf("%zu findings (product version x vulnerability x advisory): "
	       "%zu new, %zu gone\n",
	       stats.findings, stats.added, stats.removed);
	if (stats.unknown_ranges > 0)
		printf("%zu statements have version ranges tplc could not "
		       "read: see 'tplc feed import'\n",
		       stats.unknown_ranges);
	if (stats.undecided > 0)
		printf("%zu version checks could not be decided (version "
		       "unknown or unreadable for the range's scheme)\n",
		       stats.undecided);
	return EXIT_OK;
}

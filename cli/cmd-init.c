/* SPDX-License-Identifier: Apache-2.0 */
/* tplc init: create the database, or bring its schema up to date. */
#include <stdio.h>

#include "cli.h"
#include "util/jsonw.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct cli_args args;
	struct tplc_store *store;
	struct tplx_jsonw w;
	int status, version;

	status = cli_parse(cli, "init",
	                   "Create the database (--db), or "
	                   "apply any schema migration it lacks.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	if (tplc_store_schema_version(store, &version, &cli->err) < 0)
		return cli_fail(cli, cli->err.code);
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "database", cli->db_path);
		tplx_jsonw_kint(&w, "schema_version", version);
		tplx_jsonw_object_end(&w);
	} else {
		printf("tplc database %s ready (schema version %d)\n",
		       cli->db_path, version);
	}
	return EXIT_OK;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* tplc cpe CPE...: both bindings and the eleven attributes of CPE names. */
#include <stdio.h>

#include "cli.h"
#include "tplc/cpe.h"
#include "tplc/tplc.h"
#include "util/jsonw.h"

/* An attribute as a person reads it: ANY, NA or the unquoted value. */
static const char *shown(const struct tplc_cpe_value *v, const char *plain)
{
	return v->kind == TPLC_CPE_ANY  ? "ANY"
	       : v->kind == TPLC_CPE_NA ? "NA"
	                                : plain;
}

static void print_cpe(struct cli *cli, struct tplx_jsonw *w,
                      const struct tplc_cpe *c, const char *fs, const char *uri,
                      char **plain)
{
	int i;

	if (cli->json) {
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "cpe", fs);
		tplx_jsonw_kstring(w, "uri", uri);
		for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++)
			tplx_jsonw_kstring(
			        w, tplc_cpe_attr_name((enum tplc_cpe_attr)i),
			        shown(&c->attr[i], plain[i]));
		tplx_jsonw_object_end(w);
		return;
	}
	printf("%s\n", fs);
	printf("  %-12s %s\n", "uri", uri);
	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++)
		printf("  %-12s %s\n",
		       tplc_cpe_attr_name((enum tplc_cpe_attr)i),
		       shown(&c->attr[i], plain[i]));
}

/* One name: parsed, bound both ways, each attribute unquoted. */
static int show_one(struct cli *cli, struct tplx_jsonw *w, const char *s)
{
	struct tplc_cpe *c = NULL;
	char *fs = NULL, *uri = NULL, *plain[TPLC_CPE_ATTR_COUNT] = { NULL };
	int error, i;

	error = tplc_cpe_parse(&c, s, &cli->err);
	if (error == 0)
		error = tplc_cpe_format(&fs, c, &cli->err);
	if (error == 0)
		error = tplc_cpe_format_uri(&uri, c, &cli->err);
	for (i = 0; i < TPLC_CPE_ATTR_COUNT && error == 0; i++)
		error = tplc_cpe_unquote(&plain[i], c, (enum tplc_cpe_attr)i,
		                         &cli->err);
	if (error == 0)
		print_cpe(cli, w, c, fs, uri, plain);
	for (i = 0; i < TPLC_CPE_ATTR_COUNT; i++)
		tplc_free(plain[i]);
	tplc_free(fs);
	tplc_free(uri);
	tplc_cpe_free(c);
	return error;
}

int cmd_cpe(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct cli_args args;
	struct tplx_jsonw w;
	int status, error = 0, i;

	status = cli_parse(cli, "cpe CPE...",
	                   "Check CPE names (2.3 formatted strings or 2.2 "
	                   "URIs) and print each one's\nformatted string, its "
	                   "URI and its eleven attributes (ANY, NA or the\n"
	                   "value unquoted).",
	                   opts, 1, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json && args.count > 1)
		tplx_jsonw_array_begin(&w);
	for (i = 0; i < args.count && error == 0; i++)
		error = show_one(cli, &w, args.items[i]);
	if (cli->json && args.count > 1 && error == 0)
		tplx_jsonw_array_end(&w);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

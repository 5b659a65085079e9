/* SPDX-License-Identifier: Apache-2.0 */
/* tplc purl PURL...: the canonical form and the parts of package URLs. */
#include <stdio.h>

#include "cli.h"
#include "tplc/purl.h"
#include "tplc/tplc.h"
#include "tplc/version.h"
#include "util/jsonw.h"

static void print_purl(struct cli *cli, struct tplx_jsonw *w,
                       const struct tplc_purl *p, const char *canonical,
                       const char *key)
{
	const char *scheme = tplc_version_scheme_for_purl_type(p->type);
	size_t i;

	if (cli->json) {
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "purl", canonical);
		tplx_jsonw_kstring(w, "package", key);
		tplx_jsonw_kstring(w, "type", p->type);
		tplx_jsonw_kstring(w, "namespace", p->namespace);
		tplx_jsonw_kstring(w, "name", p->name);
		tplx_jsonw_kstring(w, "version", p->version);
		tplx_jsonw_key(w, "qualifiers");
		tplx_jsonw_object_begin(w);
		for (i = 0; i < p->qualifier_count; i++)
			tplx_jsonw_kstring(w, p->qualifiers[i].key,
			                   p->qualifiers[i].value);
		tplx_jsonw_object_end(w);
		tplx_jsonw_kstring(w, "subpath", p->subpath);
		tplx_jsonw_kstring(w, "version_scheme", scheme);
		tplx_jsonw_object_end(w);
		return;
	}
	printf("%s\n", canonical);
	printf("  %-15s %s\n", "package", key);
	printf("  %-15s %s\n", "type", p->type);
	if (p->namespace != NULL)
		printf("  %-15s %s\n", "namespace", p->namespace);
	printf("  %-15s %s\n", "name", p->name);
	if (p->version != NULL)
		printf("  %-15s %s\n", "version", p->version);
	for (i = 0; i < p->qualifier_count; i++)
		printf("  %-15s %s=%s\n", i == 0 ? "qualifiers" : "",
		       p->qualifiers[i].key, p->qualifiers[i].value);
	if (p->subpath != NULL)
		printf("  %-15s %s\n", "subpath", p->subpath);
	printf("  %-15s %s\n", "version scheme", scheme);
}

int cmd_purl(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct cli_args args;
	struct tplx_jsonw w;
	int status, error = 0, i;

	status = cli_parse(cli, "purl PURL...",
	                   "Check package URLs and print each one's canonical "
	                   "form, its parts, the\npackage key tplc matches "
	                   "advisories on, and its version scheme.",
	                   opts, 1, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json && args.count > 1)
		tplx_jsonw_array_begin(&w);
	for (i = 0; i < args.count && error == 0; i++) {
		struct tplc_purl *p = NULL;
		char *canonical = NULL, *key = NULL;

		error = tplc_purl_canonicalize(&canonical, args.items[i],
		                               &cli->err);
		if (error == 0)
			error = tplc_purl_parse(&p, canonical, &cli->err);
		if (error == 0)
			error = tplc_purl_package_key(&key, canonical,
			                              &cli->err);
		if (error == 0)
			print_purl(cli, &w, p, canonical, key);
		tplc_purl_free(p);
		tplc_free(canonical);
		tplc_free(key);
	}
	if (cli->json && args.count > 1 && error == 0)
		tplx_jsonw_array_end(&w);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

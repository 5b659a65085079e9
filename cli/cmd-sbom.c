/* SPDX-License-Identifier: Apache-2.0 */
/* tplc sbom import|list: manufacturers' SBOMs, one per product version. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/sbom-check.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/jsonw.h"

static const struct cli_option import_opts[] = {
	{ "product", "NAME",
	  "\"Manufacturer Model\" as the inventory names it" },
	{ "version", "V", "the product's software version it describes" },
	{ "manufacturer", "NAME", "the manufacturer, for a new product" },
	{ NULL, NULL, NULL },
};

static int sbom_import(struct cli *cli, int argc, char **argv)
{
	struct tplc_sbom *sbom = NULL;
	struct tplc_import_stats stats;
	struct tplc_store *store;
	struct cli_args args;
	const char *product, *version, *path;
	char *data = NULL;
	size_t len;
	int status, error;

	status = cli_parse(cli, "sbom import FILE --product NAME --version V",
	                   "Attach a CycloneDX (1.2-1.6) or SPDX 2.3 JSON SBOM "
	                   "to a product version,\nreplacing the SBOM it had.",
	                   import_opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	path = args.items[0];
	product = cli_opt(&args, import_opts, "product");
	version = cli_opt(&args, import_opts, "version");
	if (product == NULL || version == NULL)
		return cli_die(EXIT_USAGE,
		               "sbom import needs --product and --version");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplx_file_read(&data, &len, path, TPLX_FILE_MAX, &cli->err);
	if (error == 0)
		error = tplc_sbom_parse(&sbom, data, len, path, &cli->err);
	if (error == 0)
		error = tplc_store_import_sbom(
		        store, sbom, path,
		        cli_opt(&args, import_opts, "manufacturer"), product,
		        version, &stats, &cli->err);
	if (error == 0) {
		printf("%s: %s %s, %zu components for %s %s\n", path,
		       sbom->format,
		       sbom->spec_version ? sbom->spec_version : "",
		       stats.added, product, version);
		if (stats.warnings > 0)
			cli_note(cli,
			         "tplc: warning: %s: %zu package URLs could "
			         "not be read; those components cannot be "
			         "matched",
			         path, stats.warnings);
	}
	tplc_sbom_free(sbom);
	tplx_free(data);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

struct sbom_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int sbom_row(const struct tplc_sbom_row *r, void *data)
{
	struct sbom_out *out = data;
	char comps[32], unsupported[32], devices[32];

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "manufacturer", r->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", r->model);
		tplx_jsonw_kstring(&out->w, "version", r->version);
		tplx_jsonw_kstring(&out->w, "format", r->format);
		tplx_jsonw_kstring(&out->w, "created", r->created);
		tplx_jsonw_kstring(&out->w, "source", r->source);
		tplx_jsonw_kstring(&out->w, "imported_at", r->imported_at);
		tplx_jsonw_kint(&out->w, "components", r->components);
		tplx_jsonw_kint(&out->w, "unsupported_components",
		                r->unsupported);
		tplx_jsonw_kint(&out->w, "devices", r->devices);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	snprintf(comps, sizeof(comps), "%lld", r->components);
	snprintf(unsupported, sizeof(unsupported), "%lld", r->unsupported);
	snprintf(devices, sizeof(devices), "%lld", r->devices);
	{
		const char *cells[] = { r->manufacturer, r->model, r->version,
			                r->format,       comps,    unsupported,
			                devices };
		table_row(&out->t, cells);
	}
	return 0;
}

static int sbom_list(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = {
		"MANUFACTURER", "MODEL",       "VERSION", "FORMAT",
		"COMPONENTS",   "UNSUPPORTED", "DEVICES",
	};
	struct tplc_store *store;
	struct cli_args args;
	struct sbom_out out;
	int status, error;

	status = cli_parse(cli, "sbom list",
	                   "List product versions with an SBOM.", opts, 0, 0,
	                   argc, argv, &args);
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
	error = tplc_store_sboms(store, sbom_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* ---- sbom check ---------------------------------------------------------- */

static void check_text(const char *path, const struct tplc_sbom *sbom,
                       const struct tplc_sbom_check *c)
{
	size_t e, k;

	printf("%s: %s %s, %zu components: %s", path, sbom->format,
	       sbom->spec_version ? sbom->spec_version : "", c->components,
	       c->complete ? "complete\n" : "incomplete");
	if (!c->complete)
		printf(" (%zu of %d elements missing)\n", c->missing,
		       TPLC_SBOM_ELEMENTS);
	for (e = 0; e < TPLC_SBOM_ELEMENTS; e++) {
		const struct tplc_sbom_check_item *it = &c->items[e];
		char count[48];

		if (it->per_component)
			snprintf(count, sizeof(count), "%zu/%zu", it->have,
			         it->total);
		else
			snprintf(count, sizeof(count), "%s",
			         it->have ? "yes" : "no");
		printf("  %-4s %-4s %-44s %9s", it->ok ? "ok" : "MISS",
		       it->source, it->title, count);
		if (!it->ok && it->have == it->total)
			printf("  no relationships at all");
		for (k = 0; k < it->named; k++)
			printf("%s%s",
			       k ? ", " : "  missing: ", it->missing[k]);
		if (it->total - it->have > it->named)
			printf(", and %zu more",
			       it->total - it->have - it->named);
		putchar('\n');
	}
}

static void check_json(struct tplx_jsonw *w, const char *path,
                       const struct tplc_sbom *sbom,
                       const struct tplc_sbom_check *c)
{
	size_t e, k;

	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "file", path);
	tplx_jsonw_kstring(w, "format", sbom->format);
	tplx_jsonw_kstring(w, "spec_version", sbom->spec_version);
	tplx_jsonw_kint(w, "components", (long long)c->components);
	tplx_jsonw_kbool(w, "complete", c->complete);
	tplx_jsonw_key(w, "elements");
	tplx_jsonw_array_begin(w);
	for (e = 0; e < TPLC_SBOM_ELEMENTS; e++) {
		const struct tplc_sbom_check_item *it = &c->items[e];

		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "element", it->key);
		tplx_jsonw_kstring(w, "title", it->title);
		tplx_jsonw_kstring(w, "source", it->source);
		tplx_jsonw_kstring(w, "scope",
		                   it->per_component ? "component"
		                                     : "document");
		tplx_jsonw_kint(w, "have", (long long)it->have);
		tplx_jsonw_kint(w, "total", (long long)it->total);
		tplx_jsonw_kbool(w, "ok", it->ok);
		tplx_jsonw_kint(w, "missing_count",
		                (long long)(it->total - it->have));
		tplx_jsonw_key(w, "missing");
		tplx_jsonw_array_begin(w);
		for (k = 0; k < it->named; k++)
			tplx_jsonw_string(w, it->missing[k]);
		tplx_jsonw_array_end(w);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
}

static int sbom_check(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct tplx_jsonw w;
	struct cli_args args;
	int i, status, worst = EXIT_OK;

	status = cli_parse(
	        cli, "sbom check FILE... [--json]",
	        "Check SBOMs (CycloneDX or SPDX, any serialisation) for the "
	        "NTIA minimum\nelements (supplier, name, version, other "
	        "unique identifier, dependency\nrelationship, author, "
	        "timestamp) and the FDA premarket fields (level of\nsupport, "
	        "end-of-support date of each component).\n"
	        "Exit status: 0 when every SBOM is complete, 1 when an "
	        "element is missing,\n65 when a file cannot be parsed.",
	        opts, 1, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json)
		tplx_jsonw_array_begin(&w);
	for (i = 0; i < args.count; i++) {
		const char *path = args.items[i];
		struct tplc_sbom *sbom = NULL;
		struct tplc_sbom_check c;
		char *data = NULL;
		size_t len;
		int error;

		memset(&cli->err, 0, sizeof(cli->err));
		error = tplx_file_read(&data, &len, path, TPLX_FILE_MAX,
		                       &cli->err);
		if (error == 0)
			error = tplc_sbom_parse(&sbom, data, len, path,
			                        &cli->err);
		tplx_free(data);
		if (error != 0) {
			status = cli_fail(cli, error);
			if (worst == EXIT_OK || worst == 1)
				worst = status;
			continue;
		}
		tplc_sbom_check(sbom, &c);
		if (cli->json)
			check_json(&w, path, sbom, &c);
		else
			check_text(path, sbom, &c);
		if (!c.complete && worst == EXIT_OK)
			worst = 1;
		tplc_sbom_free(sbom);
	}
	if (cli->json) {
		tplx_jsonw_array_end(&w);
		putchar('\n');
	}
	return worst;
}

int cmd_sbom(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", sbom_import,
		  "attach an SBOM to a product version" },
		{ "list", sbom_list, "product versions with an SBOM" },
		{ "check", sbom_check,
		  "NTIA minimum elements and FDA fields of SBOM files" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "sbom", cmds, argc, argv);
}

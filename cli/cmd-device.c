/* SPDX-License-Identifier: Apache-2.0 */
/* tplc device import|list|show: the hospital's inventory. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "table.h"
#include "tplc/inventory.h"
#include "tplc/priority.h"
#include "tplc/raci.h"
#include "util/alloc.h"
#include "util/file.h"

static int import_file(struct cli *cli, struct tplc_store *store,
                       const char *path)
{
	struct tplc_inventory *inv = NULL;
	struct tplc_import_stats stats;
	char *data = NULL;
	size_t len, i;
	int error;

	error = tplx_file_read(&data, &len, path, TPLX_FILE_MAX, &cli->err);
	if (error == 0)
		error = tplc_inventory_parse_csv(&inv, data, len, path,
		                                 &cli->err);
	if (error == 0)
		error = tplc_store_import_inventory(store, inv, path, &stats,
		                                    &cli->err);
	if (error == 0) {
		if (inv->unknown_column_count > 0 && !cli->quiet) {
			fprintf(stderr,
			        "tplc: warning: %s: columns not used:", path);
			for (i = 0; i < inv->unknown_column_count; i++)
				fprintf(stderr, "%s %s", i ? "," : "",
				        inv->unknown_columns[i]);
			fputc('\n', stderr);
		}
		printf("%s: %zu devices (%zu new, %zu updated)\n", path,
		       stats.added + stats.updated, stats.added, stats.updated);
	}
	tplc_inventory_free(inv);
	tplx_free(data);
	return error;
}

static int device_import(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct cli_args args;
	struct tplc_store *store;
	int status, error = 0, i;

	status = cli_parse(cli, "device import FILE.csv...",
	                   "Import a CMMS inventory export (CSV with a header "
	                   "row).\nDevices are matched by site and asset tag: "
	                   "a re-import updates them.\nAll files are one "
	                   "transaction: any error imports nothing.",
	                   opts, 1, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_begin(store, &cli->err);
	for (i = 0; error == 0 && i < args.count; i++)
		error = import_file(cli, store, args.items[i]);
	if (error == 0)
		error = tplc_store_commit(store, &cli->err);
	if (error < 0) {
		tplc_store_rollback(store);
		return cli_fail(cli, error);
	}
	return EXIT_OK;
}

static const struct cli_option list_opts[] = {
	{ "site", "NAME", "only devices at this site" },
	{ "product", "TEXT", "only products whose name contains TEXT" },
	{ "exposed", NULL, "only devices with findings, most exposed first" },
	{ "limit", "N", "at most N devices" },
	{ NULL, NULL, NULL },
};

struct device_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int device_row(const struct tplc_device_row *d, void *data)
{
	struct device_out *out = data;
	char findings[48], score[16];

	if (out->cli->json) {
		render_device_json(&out->w, d);
		return 0;
	}
	snprintf(findings, sizeof(findings), "%lld (%lld KEV)", d->findings,
	         d->kev_findings);
	{
		const char *cells[] = {
			d->site,
			d->asset_tag,
			d->manufacturer,
			d->model,
			d->version,
			d->clinical_function,
			d->location,
			d->ip,
			findings,
			render_score(d->max_cvss, score, sizeof(score))
		};
		table_row(&out->t, cells);
	}
	return 0;
}

static int list_devices(struct cli *cli, const struct tplc_device_filter *f)
{
	static const char *const header[] = {
		"SITE",     "ASSET TAG", "MANUFACTURER", "MODEL",    "VERSION",
		"FUNCTION", "LOCATION",  "IP",           "FINDINGS", "MAX CVSS",
	};
	struct tplc_store *store;
	struct device_out out;
	int status, error;

	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 10, header);
	table_limit(&out.t, 6, 28);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_devices(store, f, device_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int device_list(struct cli *cli, int argc, char **argv)
{
	struct tplc_device_filter f;
	struct cli_args args;
	int status;

	status = cli_parse(cli, "device list [options]",
	                   "List the fleet with each device's open findings.",
	                   list_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&f, 0, sizeof(f));
	f.site = cli_opt(&args, list_opts, "site");
	f.product = cli_opt(&args, list_opts, "product");
	f.exposed_only = cli_flag(&args, list_opts, "exposed");
	f.order_by_exposure = f.exposed_only;
	if (cli_opt_count(&args, list_opts, "limit", &f.limit) != 0)
		return EXIT_USAGE;
	return list_devices(cli, &f);
}

struct show_state {
	struct cli *cli;
	struct tplx_jsonw w;
	int found;
};

static void field(const char *name, const char *value)
{
	printf("%-18s %s\n", name, value != NULL ? value : "-");
}

static int show_device(const struct tplc_device_row *d, void *data)
{
	struct show_state *st = data;
	char buf[64];

	st->found++;
	if (st->cli->json) {
		/* opened here so that an unknown tag prints no JSON at all */
		tplx_jsonw_object_begin(&st->w);
		tplx_jsonw_key(&st->w, "device");
		render_device_json(&st->w, d);
		return 0;
	}
	field("asset tag", d->asset_tag);
	field("site", d->site);
	field("manufacturer", d->manufacturer);
	field("model", d->model);
	field("software version", d->version);
	field("serial", d->serial);
	field("clinical function", d->clinical_function);
	field("department", d->department);
	field("location", d->location);
	field("hostname", d->hostname);
	field("ip", d->ip);
	field("mac", d->mac);
	field("installed", d->install_date);
	field("end of life", d->eol_date);
	field("end of support", d->eos_date);
	field("exposure", d->exposure);
	field("network segment", d->segment);
	field("controls", d->controls);
	snprintf(buf, sizeof(buf), "CR:%s IR:%s AR:%s", d->cr ? d->cr : "-",
	         d->ir ? d->ir : "-", d->ar ? d->ar : "-");
	field("requirements", buf);
	snprintf(buf, sizeof(buf), "%lld (%lld known exploited)", d->findings,
	         d->kev_findings);
	field("findings", buf);
	return 0;
}

static int show_finding(const struct tplc_finding_row *f, void *data)
{
	struct show_state *st = data;
	char score[16];

	if (st->cli->json) {
		render_finding_json(&st->w, f);
		return 0;
	}
	printf("  %5.1f  %-4s %-16s %4s  %s%s%s  [%s %s]\n", f->priority,
	       f->kev ? "KEV" : "", f->vuln_id,
	       render_score(f->cvss_score, score, sizeof(score)),
	       f->component ? f->component : "product", f->title ? ": " : "",
	       f->title ? f->title : "", f->advisory_source, f->advisory_id);
	return 0;
}

static int device_show(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "site", "NAME", "the device's site, when tags repeat" },
		{ NULL, NULL, NULL },
	};
	struct tplc_device_filter df;
	struct tplc_finding_filter ff;
	struct show_state st;
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "device show ASSET-TAG",
	                   "Show one device and every finding on it.", opts, 1,
	                   1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&df, 0, sizeof(df));
	memset(&ff, 0, sizeof(ff));
	memset(&st, 0, sizeof(st));
	st.cli = cli;
	df.asset_tag = ff.asset_tag = args.items[0];
	df.site = cli_opt(&args, opts, "site");
	tplx_jsonw_init(&st.w, stdout, false);
	error = tplc_store_devices(store, &df, show_device, &st, &cli->err);
	if (error == 0 && st.found == 0) {
		tplc_error_set(&cli->err, TPLC_ENOTFOUND,
		               "no device with asset tag '%s'", args.items[0]);
		return cli_fail(cli, TPLC_ENOTFOUND);
	}
	if (error == 0) {
		if (cli->json) {
			tplx_jsonw_key(&st.w, "findings");
			tplx_jsonw_array_begin(&st.w);
		} else {
			printf("\nfindings (highest priority first):\n");
		}
		error = tplc_store_findings(store, &ff, show_finding, &st,
		                            &cli->err);
		if (cli->json) {
			tplx_jsonw_array_end(&st.w);
			tplx_jsonw_object_end(&st.w);
		}
	}
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int device_set(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "site", "NAME", "the device's site, when tags repeat" },
		{ "exposure", "WHERE",
		  "internet, network, segmented, isolated or standalone" },
		{ "segment", "NAME", "its VLAN or network zone" },
		{ "controls", "LIST",
		  "compensating controls in place: physical-access,\n"
		  "removable-media, monitoring, no-remote-access, firewall,\n"
		  "anti-malware, backup (comma-separated)" },
		{ "cr", "L|M|H", "confidentiality requirement (CVSS)" },
		{ "ir", "L|M|H", "integrity requirement (CVSS)" },
		{ "ar", "L|M|H", "availability requirement (CVSS)" },
		{ "function", "F",
		  "clinical function: therapy, diagnosis, monitoring,\n"
		  "workflow or data" },
		{ "deployment", "TYPE",
		  "who runs it: hospital-managed, manufacturer-managed\n"
		  "or software-only (decides the RACI defaults)" },
		{ NULL, NULL, NULL },
	};
	static const struct {
		const char *option;
		enum tplc_env_field field;
	} env[] = {
		{ "exposure", TPLC_ENV_EXPOSURE },
		{ "controls", TPLC_ENV_CONTROLS },
		{ "cr", TPLC_ENV_REQUIREMENT },
		{ "ir", TPLC_ENV_REQUIREMENT },
		{ "ar", TPLC_ENV_REQUIREMENT },
	};
	char values[5][128];
	const char *given[5];
	struct tplc_device set;
	struct tplc_store *store;
	struct cli_args args;
	const char *function, *deployment;
	int status, error = 0;

	status = cli_parse(cli, "device set ASSET-TAG [options]",
	                   "Record what the hospital knows of a device's "
	                   "environment: how exposed it is,\nthe controls "
	                   "around it and the security requirements that "
	                   "weigh its CVSS\nscores.  An empty value (\"\") "
	                   "clears a field.  An inventory import keeps\nwhat "
	                   "this records unless its CSV has the column.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&set, 0, sizeof(set));
	/* canonical spellings; "" (clear) passes as is */
	for (size_t i = 0; error == 0 && i < 5; i++) {
		given[i] = cli_opt(&args, opts, env[i].option);
		values[i][0] = '\0';
		if (given[i] && *given[i])
			error = tplc_env_canonical(env[i].field, given[i],
			                           values[i], sizeof(values[i]),
			                           &cli->err);
	}
	if (error < 0)
		return cli_fail(cli, error);
	set.exposure = given[0] ? values[0] : NULL;
	set.controls = given[1] ? values[1] : NULL;
	set.cr = given[2] ? values[2] : NULL;
	set.ir = given[3] ? values[3] : NULL;
	set.ar = given[4] ? values[4] : NULL;
	set.segment = cli_opt(&args, opts, "segment");
	function = cli_opt(&args, opts, "function");
	if (function && *function && strcmp(function, "therapy") != 0 &&
	    strcmp(function, "diagnosis") != 0 &&
	    strcmp(function, "monitoring") != 0 &&
	    strcmp(function, "workflow") != 0 &&
	    strcmp(function, "data") != 0) {
		tplc_error_set(&cli->err, TPLC_EINVAL,
		               "%s: not a clinical function (therapy, "
		               "diagnosis, monitoring, workflow, data)",
		               function);
		return cli_fail(cli, TPLC_EINVAL);
	}
	set.clinical_function = function;
	deployment = cli_opt(&args, opts, "deployment");
	if (deployment && *deployment) {
		int d = tplc_deployment_parse(deployment);

		if (d < 0) {
			tplc_error_set(
			        &cli->err, TPLC_EINVAL,
			        "%s: not a deployment (hospital-managed, "
			        "manufacturer-managed, software-only)",
			        deployment);
			return cli_fail(cli, TPLC_EINVAL);
		}
		deployment = tplc_deployment_name((enum tplc_deployment)d);
	}
	set.deployment = deployment;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_device_set(store, cli_opt(&args, opts, "site"),
	                              args.items[0], &set, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	printf("device %s updated\n", args.items[0]);
	return EXIT_OK;
}

int cmd_device(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", device_import, "import a CMMS inventory CSV" },
		{ "list", device_list, "list devices and their exposure" },
		{ "show", device_show, "one device and its findings" },
		{ "set", device_set,
		  "record a device's exposure and controls" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "device", cmds, argc, argv);
}

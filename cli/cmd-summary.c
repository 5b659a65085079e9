/* SPDX-License-Identifier: Apache-2.0 */
/* tplc summary: the fleet at a glance, what to act on first. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "table.h"

#define SUMMARY_TOP 10
/* every known exploited finding is worth a line, up to a screenful */
#define SUMMARY_KEV_MAX 40

static int top_device(const struct tplc_device_row *d, void *data)
{
	struct table *t = data;
	char kev[24], all[24], score[16];

	snprintf(kev, sizeof(kev), "%lld", d->kev_findings);
	snprintf(all, sizeof(all), "%lld", d->findings);
	{
		const char *cells[] = {
			d->asset_tag,
			d->manufacturer,
			d->model,
			d->version,
			d->clinical_function,
			d->location,
			kev,
			all,
			render_score(d->max_cvss, score, sizeof(score)),
		};
		table_row(t, cells);
	}
	return 0;
}

static int top_finding(const struct tplc_finding_row *f, void *data)
{
	struct table *t = data;
	char score[16], product[256], devices[24], source[128];

	snprintf(product, sizeof(product), "%s %s %s", f->manufacturer,
	         f->model, f->version ? f->version : "");
	snprintf(devices, sizeof(devices), "%lld", f->devices);
	snprintf(source, sizeof(source), "%s %s", f->advisory_source,
	         f->advisory_id);
	{
		const char *cells[] = {
			f->vuln_id,
			render_score(f->cvss_score, score, sizeof(score)),
			product,
			f->component ? f->component : "(product)",
			devices,
			f->kev_due_date,
			source,
		};
		table_row(t, cells);
	}
	return 0;
}

static void summary_json(const struct tplc_fleet_summary *s)
{
	struct tplx_jsonw w;

	tplx_jsonw_init(&w, stdout, false);
	tplx_jsonw_object_begin(&w);
	tplx_jsonw_kint(&w, "sites", s->sites);
	tplx_jsonw_kint(&w, "devices", s->devices);
	tplx_jsonw_kint(&w, "products", s->products);
	tplx_jsonw_kint(&w, "product_versions", s->product_versions);
	tplx_jsonw_kint(&w, "sboms", s->sboms);
	tplx_jsonw_kint(&w, "components", s->components);
	tplx_jsonw_kint(&w, "advisories", s->advisories);
	tplx_jsonw_kint(&w, "vulnerabilities", s->vulnerabilities);
	tplx_jsonw_kint(&w, "kev_vulnerabilities", s->kev_vulnerabilities);
	tplx_jsonw_kint(&w, "findings", s->findings);
	tplx_jsonw_kint(&w, "kev_findings", s->kev_findings);
	tplx_jsonw_kint(&w, "exposed_devices", s->exposed_devices);
	tplx_jsonw_kint(&w, "kev_exposed_devices", s->kev_exposed_devices);
	tplx_jsonw_kstring(&w, "last_scan",
	                   s->last_scan[0] ? s->last_scan : NULL);
	tplx_jsonw_kint(&w, "decided", s->decided);
	tplx_jsonw_kint(&w, "acceptances_in_force", s->accepted);
	tplx_jsonw_kint(&w, "acceptances_awaiting_approval",
	                s->awaiting_approval);
	tplx_jsonw_kint(&w, "acceptances_expired", s->expired_acceptances);
	tplx_jsonw_object_end(&w);
}

int cmd_summary(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const device_header[] = {
		"ASSET TAG", "MANUFACTURER", "MODEL",    "VERSION",  "FUNCTION",
		"LOCATION",  "KEV",          "FINDINGS", "MAX CVSS",
	};
	static const char *const finding_header[] = {
		"VULNERABILITY", "CVSS",    "PRODUCT", "VIA",
		"DEVICES",       "KEV DUE", "SOURCE",
	};
	struct tplc_fleet_summary s;
	struct tplc_device_filter df;
	struct tplc_finding_filter ff;
	struct tplc_store *store;
	struct cli_args args;
	struct table t;
	int status, error;

	status = cli_parse(cli, "summary",
	                   "The fleet at a glance: what is exposed, what is "
	                   "known exploited,\nwhich devices to act on first.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_summary(store, &s, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (cli->json) {
		summary_json(&s);
		return EXIT_OK;
	}
	printf("fleet        %lld devices at %lld sites, %lld product models "
	       "in %lld versions\n",
	       s.devices, s.sites, s.products, s.product_versions);
	printf("SBOMs        %lld, with %lld components\n", s.sboms,
	       s.components);
	printf("advisories   %lld, naming %lld vulnerabilities (%lld known "
	       "exploited)\n",
	       s.advisories, s.vulnerabilities, s.kev_vulnerabilities);
	printf("findings     %lld (product version x vulnerability), %lld "
	       "known exploited\n",
	       s.findings, s.kev_findings);
	printf("exposed      %lld devices, %lld of them to known exploited "
	       "vulnerabilities\n",
	       s.exposed_devices, s.kev_exposed_devices);
	printf("decisions    %lld findings decided; risk acceptances: %lld in "
	       "force, %lld awaiting approval, %lld run out\n",
	       s.decided, s.accepted, s.awaiting_approval,
	       s.expired_acceptances);
	printf("last scan    %s\n", s.last_scan[0] ? s.last_scan : "never");

	memset(&df, 0, sizeof(df));
	df.exposed_only = true;
	df.order_by_exposure = true;
	df.limit = SUMMARY_TOP;
	table_init(&t, 9, device_header);
	table_limit(&t, 5, 26);
	error = tplc_store_devices(store, &df, top_device, &t, &cli->err);
	if (error == 0 && t.rows > 0) {
		printf("\nmost exposed devices\n");
		table_print(&t, stdout);
	}
	table_release(&t);

	memset(&ff, 0, sizeof(ff));
	ff.kev_only = true;
	ff.limit = SUMMARY_KEV_MAX;
	table_init(&t, 7, finding_header);
	table_limit(&t, 2, 40);
	table_limit(&t, 3, 28);
	if (error == 0)
		error = tplc_store_findings(store, &ff, top_finding, &t,
		                            &cli->err);
	if (error == 0 && t.rows > 0) {
		printf("\nknown exploited vulnerabilities in the fleet\n");
		table_print(&t, stdout);
		if (t.rows == SUMMARY_KEV_MAX)
			printf("(more: tplc findings list --kev)\n");
	}
	table_release(&t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

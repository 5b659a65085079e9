/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc lifecycle: where each device and product version stands in IMDRF
 * N70's four stages, and the milestones, component support and
 * manufacturer decisions that put it there.  Notices, reviews and the
 * timeline have their own files (cmd-notice.c, cmd-review.c,
 * cmd-timeline.c); the dispatch table below lists them all.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/lifecycle.h"
#include "util/jsonw.h"

/* ---- status ----------------------------------------------------------------- */

struct status_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
	bool detail; /* one device or version: every reason */
	size_t limit, shown;
	size_t devices[TPLC_LIFECYCLE_STAGES];
};

static const char *const device_header[] = {
	"SITE",  "ASSET TAG", "PRODUCT", "VERSION",
	"STAGE", "SINCE",     "NEXT",    "WHY",
};

static const char *const version_header[] = {
	"PRODUCT", "VERSION", "DEVICES", "STAGE", "SINCE",
	"NEXT",    "EOL",     "EOS",     "FLAGS", "WHY",
};

#define DEVICE_COLUMNS  (sizeof(device_header) / sizeof(device_header[0]))
#define VERSION_COLUMNS (sizeof(version_header) / sizeof(version_header[0]))

/* "Limited Support 2027-12-31", or "-" when nothing is coming. */
static const char *next_cell(char *buf, size_t size,
                             const struct tplc_lifecycle_status *s)
{
	if (s->next == TPLC_LIFECYCLE_UNKNOWN || s->next_date[0] == '\0')
		return "-";
	snprintf(buf, size, "%s %s", tplc_lifecycle_name(s->next),
	         s->next_date);
	return buf;
}

/* The first reason, and how many more there are. */
static const char *why_cell(char *buf, size_t size,
                            const struct tplc_lifecycle_status *s)
{
	if (s->reasons == 0)
		return "-";
	if (s->reasons == 1)
		return s->reason[0];
	snprintf(buf, size, "%s (+%zu)", s->reason[0], s->reasons - 1);
	return buf;
}

static void status_json(struct tplx_jsonw *w,
                        const struct tplc_lifecycle_status *s)
{
	tplx_jsonw_kstring(w, "stage", tplc_lifecycle_key(s->stage));
	tplx_jsonw_kstring(w, "stage_name", tplc_lifecycle_name(s->stage));
	tplx_jsonw_kstring(w, "since", s->since[0] ? s->since : NULL);
	tplx_jsonw_kstring(w, "next_stage",
	                   s->next ? tplc_lifecycle_key(s->next) : NULL);
	tplx_jsonw_kstring(w, "next_date",
	                   s->next_date[0] ? s->next_date : NULL);
	tplx_jsonw_kstring(w, "eol", s->eol[0] ? s->eol : NULL);
	tplx_jsonw_kstring(w, "eol_from", s->eol_from);
	tplx_jsonw_kstring(w, "eos", s->eos[0] ? s->eos : NULL);
	tplx_jsonw_kstring(w, "eos_from", s->eos_from);
	tplx_jsonw_kint(w, "components_unsupported", (long long)s->unsupported);
	tplx_jsonw_kint(w, "components_undecided", (long long)s->undecided);
	tplx_jsonw_key(w, "reasons");
	tplx_jsonw_array_begin(w);
	for (size_t i = 0; i < s->reasons; i++)
		tplx_jsonw_string(w, s->reason[i]);
	tplx_jsonw_array_end(w);
}

static void print_detail(const struct tplc_lifecycle_status *s)
{
	char next[64];

	printf("  stage    %s%s%s\n", tplc_lifecycle_name(s->stage),
	       s->since[0] ? " since " : "", s->since);
	printf("  next     %s\n", next_cell(next, sizeof(next), s));
	printf("  EOL      %s%s%s%s\n", s->eol[0] ? s->eol : "-",
	       s->eol_from ? " (" : "", s->eol_from ? s->eol_from : "",
	       s->eol_from ? " record)" : "");
	printf("  EOS      %s%s%s%s\n", s->eos[0] ? s->eos : "-",
	       s->eos_from ? " (" : "", s->eos_from ? s->eos_from : "",
	       s->eos_from ? " record)" : "");
	for (size_t i = 0; i < s->reasons; i++)
		printf("  %s %s\n", i == 0 ? "because " : "        ",
		       s->reason[i]);
}

static int device_row(const struct tplc_lifecycle_device_row *r, void *data)
{
	struct status_out *out = data;
	const struct tplc_lifecycle_status *s = r->status;
	char product[256], why[TPLC_LIFECYCLE_REASON_SIZE + 32], next[64];

	out->devices[s->stage]++;
	if (out->limit && out->shown >= out->limit)
		return 0;
	out->shown++;
	snprintf(product, sizeof(product), "%s %s",
	         r->manufacturer ? r->manufacturer : "",
	         r->model ? r->model : "");
	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "site", r->site);
		tplx_jsonw_kstring(&out->w, "asset_tag", r->asset_tag);
		tplx_jsonw_kstring(&out->w, "manufacturer", r->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", r->model);
		tplx_jsonw_kstring(&out->w, "version", r->version);
		tplx_jsonw_kstring(&out->w, "department", r->department);
		tplx_jsonw_kstring(&out->w, "deployment", r->deployment);
		status_json(&out->w, s);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	if (out->detail) {
		printf("%s %s: %s %s\n", r->site, r->asset_tag, product,
		       r->version ? r->version : "");
		print_detail(s);
		return 0;
	}
	{
		const char *cells[] = {
			r->site,
			r->asset_tag,
			product,
			r->version,
			tplc_lifecycle_name(s->stage),
			s->since[0] ? s->since : "-",
			next_cell(next, sizeof(next), s),
			why_cell(why, sizeof(why), s),
		};
		table_row(&out->t, cells);
	}
	return 0;
}

/* The notice flags of one product version: "short-notice" when a
 * milestone was announced less than two years ahead, "passive" when it
 * was only published, "undecided" for components nobody decided on. */
static const char *flags_cell(char *buf, size_t size,
                              const struct tplc_lifecycle_version_row *r)
{
	const struct tplc_milestone_row *ms[] = { &r->eol, &r->eos };
	bool short_notice = false, passive = false;
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < 2; i++) {
		if (ms[i]->date && ms[i]->announced &&
		    tplc_notice_short(ms[i]->announced, ms[i]->date))
			short_notice = true;
		if (ms[i]->date && ms[i]->how &&
		    strcmp(ms[i]->how, "published") == 0)
			passive = true;
	}
	if (short_notice)
		n += (size_t)snprintf(buf + n, size - n, "short-notice");
	if (passive && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%spassive",
		                      n ? "," : "");
	if (r->status->undecided && n < size)
		snprintf(buf + n, size - n, "%sundecided", n ? "," : "");
	return buf[0] ? buf : "-";
}

static void milestone_json(struct tplx_jsonw *w, const char *key,
                           const struct tplc_milestone_row *m)
{
	tplx_jsonw_key(w, key);
	if (m->date == NULL) {
		tplx_jsonw_null(w);
		return;
	}
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "date", m->date);
	tplx_jsonw_kstring(w, "announced", m->announced);
	tplx_jsonw_kstring(w, "how", m->how);
	tplx_jsonw_kbool(w, "short_notice",
	                 m->announced &&
	                         tplc_notice_short(m->announced, m->date));
	tplx_jsonw_kstring(w, "notice", m->notice_id);
	tplx_jsonw_kstring(w, "recorded_by", m->recorded_by);
	tplx_jsonw_object_end(w);
}

static int version_row(const struct tplc_lifecycle_version_row *r, void *data)
{
	struct status_out *out = data;
	const struct tplc_lifecycle_status *s = r->status;
	char product[256], why[TPLC_LIFECYCLE_REASON_SIZE + 32], next[64];
	char devices[24], flags[64];

	out->devices[s->stage] += (size_t)r->devices;
	if (out->limit && out->shown >= out->limit)
		return 0;
	out->shown++;
	snprintf(product, sizeof(product), "%s %s", r->manufacturer, r->model);
	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "manufacturer", r->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", r->model);
		tplx_jsonw_kstring(&out->w, "version", r->version);
		tplx_jsonw_kint(&out->w, "devices", r->devices);
		milestone_json(&out->w, "release", &r->release);
		milestone_json(&out->w, "eol_milestone", &r->eol);
		milestone_json(&out->w, "eos_milestone", &r->eos);
		status_json(&out->w, s);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	if (out->detail) {
		printf("%s %s (%lld devices)\n", product, r->version,
		       r->devices);
		print_detail(s);
		return 0;
	}
	snprintf(devices, sizeof(devices), "%lld", r->devices);
	{
		const char *cells[] = {
			product,
			r->version[0] ? r->version : "-",
			devices,
			tplc_lifecycle_name(s->stage),
			s->since[0] ? s->since : "-",
			next_cell(next, sizeof(next), s),
			s->eol[0] ? s->eol : "-",
			s->eos[0] ? s->eos : "-",
			flags_cell(flags, sizeof(flags), r),
			why_cell(why, sizeof(why), s),
		};
		table_row(&out->t, cells);
	}
	return 0;
}

/* "In use: 40 Support, 12 Limited Support, 6 End of Support". */
static void print_totals(const struct status_out *out, const char *what)
{
	static const enum tplc_lifecycle order[] = {
		TPLC_LIFECYCLE_DEVELOPMENT, TPLC_LIFECYCLE_SUPPORT,
		TPLC_LIFECYCLE_LIMITED,     TPLC_LIFECYCLE_END_OF_SUPPORT,
		TPLC_LIFECYCLE_UNKNOWN,
	};
	bool first = true;

	printf("\n%s:", what);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (out->devices[order[i]] == 0)
			continue;
		printf("%s %zu %s", first ? "" : ",", out->devices[order[i]],
		       tplc_lifecycle_name(order[i]));
		first = false;
	}
	printf("%s\n", first ? " none" : "");
}

static int lc_status(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "as-of", "DATE", "judge on DATE (default: today)" },
		{ "products", NULL, "one row per product version" },
		{ "all", NULL, "with --products: versions no device runs too" },
		{ "product", "TEXT", "products whose name contains TEXT" },
		{ "version", "V", "one version" },
		{ "device", "TAG", "one device, every reason" },
		{ "site", "NAME", "devices of one site" },
		{ "stage", "S",
		  "only development, support, limited, eos or unknown" },
		{ "limit", "N", "at most N rows" },
		{ NULL, NULL, NULL },
	};
	struct tplc_lifecycle_filter filter;
	struct tplc_store *store;
	struct status_out out;
	struct cli_args args;
	bool products;
	int status, error;

	status = cli_parse(
	        cli, "lifecycle status [--products] [--as-of DATE]",
	        "Every device's IMDRF N70 stage (Development, Support, Limited "
	        "Support, End\nof Support), since when, what comes next and "
	        "what put it there: the\nproduct version's EOL and EOS (or the "
	        "device's own record when earlier),\nand SBOM components out "
	        "of support with the manufacturer's risk decision\n(none "
	        "recorded counts as not mitigated).  FLAGS: short-notice "
	        "(announced\nless than two years ahead), passive (only "
	        "published, not pushed),\nundecided (a component out of "
	        "support with no decision).",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&filter, 0, sizeof(filter));
	memset(&out, 0, sizeof(out));
	filter.as_of = cli_opt(&args, opts, "as-of");
	filter.product = cli_opt(&args, opts, "product");
	filter.version = cli_opt(&args, opts, "version");
	filter.asset_tag = cli_opt(&args, opts, "device");
	filter.site = cli_opt(&args, opts, "site");
	filter.stage = -1;
	if (cli_opt(&args, opts, "stage") != NULL) {
		filter.stage =
		        tplc_lifecycle_parse(cli_opt(&args, opts, "stage"));
		if (filter.stage < 0)
			return cli_die(EXIT_USAGE,
			               "--stage: development, support, "
			               "limited, eos or unknown");
	}
	if (cli_opt_count(&args, opts, "limit", &out.limit) != 0)
		return EXIT_USAGE;
	products = cli_flag(&args, opts, "products");
	filter.fleet_only = products && !cli_flag(&args, opts, "all");
	out.detail = filter.asset_tag != NULL;
	out.cli = cli;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	tplx_jsonw_init(&out.w, stdout, false);
	if (products)
		table_init(&out.t, VERSION_COLUMNS, version_header);
	else
		table_init(&out.t, DEVICE_COLUMNS, device_header);
	table_limit(&out.t, products ? 0 : 2, 40);
	table_limit(&out.t, products ? 9 : 7, 72);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	if (products)
		error = tplc_store_lifecycle_versions(
		        store, &filter, version_row, &out, &cli->err);
	else
		error = tplc_store_lifecycle_devices(store, &filter, device_row,
		                                     &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0 && !out.detail)
		table_print(&out.t, stdout);
	table_release(&out.t);
	if (error < 0)
		return cli_fail(cli, error);
	if (!cli->json && !out.detail)
		print_totals(&out, "devices");
	if (out.detail && out.shown == 0)
		return cli_die(EXIT_NOINPUT, "no device '%s'",
		               filter.asset_tag);
	return EXIT_OK;
}

/* ---- set, component, decide ------------------------------------------------ */

static int lc_set(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "version", "V", "one version (default: every known one)" },
		{ "release", "DATE", "released on DATE" },
		{ "eol", "DATE", "end of life (Limited Support begins)" },
		{ "eos", "DATE", "end of support (End of Support begins)" },
		{ "announced", "DATE", "when customers were told" },
		{ "how", "H", "pushed (sent to customers) or published" },
		{ "by", "NAME", "who records it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_milestones m;
	struct tplc_store *store;
	struct cli_args args;
	size_t versions;
	int status, error;

	status = cli_parse(
	        cli,
	        "lifecycle set PRODUCT [--version V] [--release DATE] "
	        "[--eol DATE] [--eos DATE] --by NAME",
	        "Record a product version's milestones, and when and how "
	        "customers were\ntold of them (IMDRF N70 asks for two years' "
	        "notice, pushed to them).\nAn empty date clears it.",
	        opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&m, 0, sizeof(m));
	m.release = cli_opt(&args, opts, "release");
	m.eol = cli_opt(&args, opts, "eol");
	m.eos = cli_opt(&args, opts, "eos");
	m.announced = cli_opt(&args, opts, "announced");
	m.how = cli_opt(&args, opts, "how");
	m.by = cli_opt(&args, opts, "by");
	if (m.release == NULL && m.eol == NULL && m.eos == NULL)
		return cli_die(EXIT_USAGE, "give --release, --eol or --eos");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_milestones_set(store, args.items[0],
	                                  cli_opt(&args, opts, "version"), &m,
	                                  &versions, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "milestones recorded for %zu version(s)", versions);
	return EXIT_OK;
}

static int lc_component(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "version", "V", "one version (default: every one with it)" },
		{ "level", "L",
		  "maintained, not-maintained, abandoned, unknown" },
		{ "eos", "DATE", "the supplier's end of support ('' clears)" },
		{ "by", "NAME", "who records it" },
		{ "note", "TEXT", "where it comes from" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	size_t matched;
	int status, error;

	status = cli_parse(
	        cli,
	        "lifecycle component PRODUCT COMPONENT "
	        "[--level L] [--eos DATE] --by NAME",
	        "Set a component's supplier support by hand, where "
	        "the SBOM says nothing or\nis out of date.  COMPONENT "
	        "is its purl, name@version or name.  It is\nkept "
	        "when a new SBOM of the same version is imported.",
	        opts, 2, 2, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_component_support_set(
	        store, args.items[0], cli_opt(&args, opts, "version"),
	        args.items[1], cli_opt(&args, opts, "level"),
	        cli_opt(&args, opts, "eos"), cli_opt(&args, opts, "by"),
	        cli_opt(&args, opts, "note"), &matched, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "support recorded in %zu version(s)", matched);
	return EXIT_OK;
}

static int lc_decide(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "version", "V", "one version (default: every one with it)" },
		{ "decision", "D", "acceptable, mitigated or not-mitigated" },
		{ "by", "NAME", "who decided" },
		{ "rationale", "TEXT", "why" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	size_t matched;
	int status, error, decision;

	status = cli_parse(
	        cli,
	        "lifecycle decide PRODUCT COMPONENT --decision D --by NAME",
	        "Record the manufacturer's risk decision on a component that "
	        "went out of\nsupport (IMDRF N70): acceptable (the product "
	        "stays in Support), mitigated\n(Limited Support) or "
	        "not-mitigated (End of Support).  Until one is\nrecorded "
	        "the component counts as not mitigated.",
	        opts, 2, 2, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	decision =
	        tplc_component_decision_parse(cli_opt(&args, opts, "decision"));
	if (decision < 0)
		return cli_die(EXIT_USAGE, "--decision: acceptable, mitigated "
		                           "or not-mitigated");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_component_decide(
	        store, args.items[0], cli_opt(&args, opts, "version"),
	        args.items[1], (enum tplc_component_decision)decision,
	        cli_opt(&args, opts, "rationale"), cli_opt(&args, opts, "by"),
	        &matched, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "decision recorded in %zu version(s)", matched);
	return EXIT_OK;
}

int cmd_lifecycle(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "status", lc_status, "each device's stage and why" },
		{ "set", lc_set, "record a product version's milestones" },
		{ "component", lc_component,
		  "set a component's supplier support" },
		{ "decide", lc_decide,
		  "record the decision on an unsupported component" },
		{ "due", cmd_lifecycle_due, "devices whose review is due" },
		{ "review", cmd_lifecycle_review, "record a lifecycle review" },
		{ "reviews", cmd_lifecycle_reviews, "the reviews recorded" },
		{ "checklist", cmd_lifecycle_checklist,
		  "the EOS checklist and compensating controls" },
		{ "timeline", cmd_lifecycle_timeline,
		  "each version's stages over the years (text, SVG)" },
		{ "notice", cmd_lifecycle_notice,
		  "issue a signed EOL/EOS notice" },
		{ "import", cmd_lifecycle_import, "import signed notices" },
		{ "notices", cmd_lifecycle_notices,
		  "notices with short-notice and passive flags" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "lifecycle", cmds, argc, argv);
}

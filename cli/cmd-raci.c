/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc raci tasks|defaults|show|set|gaps: who is Responsible,
 * Accountable, Consulted and Informed for each security task of a device,
 * now and after its next stage change (tplc/raci.h).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/raci.h"
#include "util/date.h"
#include "util/jsonw.h"

#define PARTIES_TEXT (TPLC_RACI_PARTIES_MAX * TPLC_RACI_PARTY_SIZE)

static const unsigned letter_bits[4] = { TPLC_RACI_R, TPLC_RACI_A, TPLC_RACI_C,
	                                 TPLC_RACI_I };
static const char *const letter_keys[4] = { "R", "A", "C", "I" };

/* "MDM:RA HDO:I" (parties without letters left out). */
static void cell_text(char *out, size_t size, const struct tplc_raci_cell *c)
{
	size_t n = 0;
	char letters[5];
	int w;

	out[0] = '\0';
	for (size_t i = 0; i < c->count; i++) {
		if (c->party[i].roles == 0)
			continue;
		tplc_raci_letters_format(letters, c->party[i].roles);
		w = snprintf(out + n, size - n, "%s%s:%s", n ? " " : "",
		             c->party[i].party, letters);
		if (w < 0 || (size_t)w >= size - n)
			return;
		n += (size_t)w;
	}
}

/* "no-accountable,several-accountable" or "". */
static void gaps_text(char *out, size_t size, unsigned gaps)
{
	size_t n = 0;

	out[0] = '\0';
	for (unsigned bit = 1; bit <= TPLC_RACI_GAP_NO_RESPONSIBLE; bit <<= 1)
		if ((gaps & bit) && n < size)
			n += (size_t)snprintf(out + n, size - n, "%s%s",
			                      n ? "," : "",
			                      tplc_raci_gap_name(bit));
}

static void gaps_json(struct tplx_jsonw *w, unsigned gaps)
{
	tplx_jsonw_key(w, "gaps");
	tplx_jsonw_array_begin(w);
	for (unsigned bit = 1; bit <= TPLC_RACI_GAP_NO_RESPONSIBLE; bit <<= 1)
		if (gaps & bit)
			tplx_jsonw_string(w, tplc_raci_gap_name(bit));
	tplx_jsonw_array_end(w);
}

static void cell_json(struct tplx_jsonw *w, enum tplc_raci_task task,
                      const struct tplc_raci_cell *c)
{
	char letters[5];

	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "task", tplc_raci_task_key(task));
	for (size_t l = 0; l < 4; l++) {
		tplx_jsonw_key(w, letter_keys[l]);
		tplx_jsonw_array_begin(w);
		for (size_t i = 0; i < c->count; i++)
			if (c->party[i].roles & letter_bits[l])
				tplx_jsonw_string(w, c->party[i].party);
		tplx_jsonw_array_end(w);
	}
	gaps_json(w, c->gaps);
	tplx_jsonw_key(w, "parties");
	tplx_jsonw_array_begin(w);
	for (size_t i = 0; i < c->count; i++) {
		tplc_raci_letters_format(letters, c->party[i].roles);
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "party", c->party[i].party);
		tplx_jsonw_kstring(w, "roles", letters);
		tplx_jsonw_kstring(w, "from",
		                   tplc_raci_source_name(c->party[i].source));
		tplx_jsonw_kstring(w, "contract", c->party[i].contract);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_array_end(w);
	tplx_jsonw_object_end(w);
}

static int parse_stage(const char *text, int *out)
{
	*out = -1;
	if (text == NULL)
		return 0;
	*out = tplc_lifecycle_parse(text);
	if (*out <= TPLC_LIFECYCLE_UNKNOWN)
		return cli_die(EXIT_USAGE,
		               "%s: not a stage (development, support, "
		               "limited, eos)",
		               text);
	return 0;
}

static int parse_deployment(const char *text, int *out)
{
	*out = tplc_deployment_parse(text);
	if (*out < 0)
		return cli_die(EXIT_USAGE,
		               "%s: not a deployment (hospital-managed, "
		               "manufacturer-managed, software-only)",
		               text);
	return 0;
}

static int check_date(const char *date)
{
	if (date != NULL && (strlen(date) != 10 || !tplx_date_valid(date)))
		return cli_die(EXIT_USAGE, "%s: not a date (YYYY-MM-DD)", date);
	return 0;
}

/* ---- tasks, defaults --------------------------------------------------------- */

static int raci_tasks(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = { "TASK", "WHAT" };
	struct tplx_jsonw w;
	struct cli_args args;
	struct table t;
	int status;

	status = cli_parse(cli, "raci tasks",
	                   "The security tasks the matrix assigns.", opts, 0, 0,
	                   argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	tplx_jsonw_init(&w, stdout, false);
	table_init(&t, 2, header);
	if (cli->json)
		tplx_jsonw_array_begin(&w);
	for (int i = 0; i < TPLC_RACI_TASKS; i++) {
		const char *cells[] = {
			tplc_raci_task_key((enum tplc_raci_task)i),
			tplc_raci_task_title((enum tplc_raci_task)i),
		};

		if (cli->json) {
			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "task", cells[0]);
			tplx_jsonw_kstring(&w, "title", cells[1]);
			tplx_jsonw_object_end(&w);
		} else {
			table_row(&t, cells);
		}
	}
	if (cli->json)
		tplx_jsonw_array_end(&w);
	else
		table_print(&t, stdout);
	table_release(&t);
	return EXIT_OK;
}

static int raci_defaults(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "stage", "S",
		  "one stage (development, support, limited, eos)" },
		{ "deployment", "D",
		  "hospital-managed (default), manufacturer-managed or\n"
		  "software-only" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = {
		"TASK",           "DEVELOPMENT", "SUPPORT", "LIMITED SUPPORT",
		"END OF SUPPORT",
	};
	struct tplc_raci_matrix m[TPLC_LIFECYCLE_STAGES];
	struct tplx_jsonw w;
	struct cli_args args;
	struct table t;
	char text[4][PARTIES_TEXT];
	int status, stage, deployment = 0, error = 0;

	status = cli_parse(cli, "raci defaults [--stage S] [--deployment D]",
	                   "The default matrix by stage, before any contract "
	                   "changes it.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	if (parse_stage(cli_opt(&args, opts, "stage"), &stage) != 0 ||
	    (cli_opt(&args, opts, "deployment") &&
	     parse_deployment(cli_opt(&args, opts, "deployment"),
	                      &deployment) != 0))
		return EXIT_USAGE;
	for (int s = TPLC_LIFECYCLE_DEVELOPMENT;
	     error == 0 && s < TPLC_LIFECYCLE_STAGES; s++)
		error = tplc_raci_default(&m[s], (enum tplc_lifecycle)s,
		                          (enum tplc_deployment)deployment,
		                          &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	tplx_jsonw_init(&w, stdout, false);
	if (cli->json) {
		tplx_jsonw_array_begin(&w);
		for (int s = TPLC_LIFECYCLE_DEVELOPMENT;
		     s < TPLC_LIFECYCLE_STAGES; s++) {
			if (stage >= 0 && s != stage)
				continue;
			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(
			        &w, "stage",
			        tplc_lifecycle_key((enum tplc_lifecycle)s));
			tplx_jsonw_kstring(
			        &w, "deployment",
			        tplc_deployment_name(
			                (enum tplc_deployment)deployment));
			tplx_jsonw_key(&w, "tasks");
			tplx_jsonw_array_begin(&w);
			for (int k = 0; k < TPLC_RACI_TASKS; k++)
				cell_json(&w, (enum tplc_raci_task)k,
				          &m[s].task[k]);
			tplx_jsonw_array_end(&w);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		return EXIT_OK;
	}
	printf("deployment: %s\n",
	       tplc_deployment_name((enum tplc_deployment)deployment));
	if (stage >= 0) {
		static const char *const one[] = { "TASK", "R", "A", "C", "I" };

		table_init(&t, 5, one);
		for (int k = 0; k < TPLC_RACI_TASKS; k++) {
			const char *cells[5];

			cells[0] = tplc_raci_task_key((enum tplc_raci_task)k);
			for (size_t l = 0; l < 4; l++) {
				tplc_raci_parties(text[l], sizeof(text[l]),
				                  &m[stage].task[k],
				                  letter_bits[l]);
				cells[l + 1] = text[l];
			}
			table_row(&t, cells);
		}
	} else {
		table_init(&t, 5, header);
		for (int k = 0; k < TPLC_RACI_TASKS; k++) {
			const char *cells[5];

			cells[0] = tplc_raci_task_key((enum tplc_raci_task)k);
			for (int s = 0; s < 4; s++) {
				cell_text(text[s], sizeof(text[s]),
				          &m[s + 1].task[k]);
				cells[s + 1] = text[s];
			}
			table_row(&t, cells);
		}
	}
	table_print(&t, stdout);
	table_release(&t);
	return EXIT_OK;
}

/* ---- show -------------------------------------------------------------------- */

struct show_out {
	struct cli *cli;
	struct tplx_jsonw w;
	int found;
};

/* "default", "product MSA-1", "device SLA-7 (Acme)": where the letters
 * that are not default came from. */
static void from_text(char *out, size_t size, const struct tplc_raci_cell *c)
{
	size_t n = 0;
	int w;

	snprintf(out, size, "default");
	for (size_t i = 0; i < c->count; i++) {
		const struct tplc_raci_assignment *a = &c->party[i];

		if (a->source == TPLC_RACI_FROM_DEFAULT)
			continue;
		w = snprintf(out + n, size - n, "%s%s %s%s%s", n ? "; " : "",
		             tplc_raci_source_name(a->source), a->party,
		             a->contract ? " " : "",
		             a->contract ? a->contract : "");
		if (w < 0 || (size_t)w >= size - n)
			return;
		n += (size_t)w;
	}
}

static void show_text(const struct tplc_raci_device_row *r)
{
	static const char *const header[] = { "TASK", "R",   "A",   "C",
		                              "I",    "GAP", "FROM" };
	const struct tplc_lifecycle_device_row *d = r->device;
	const struct tplc_lifecycle_status *st = d->status;
	char text[4][PARTIES_TEXT], gaps[96], from[512];
	char nr[PARTIES_TEXT], na[PARTIES_TEXT];
	struct table t;
	int moving = 0;

	printf("device %s (%s): %s %s %s\n", d->asset_tag, d->site,
	       d->manufacturer ? d->manufacturer : "-",
	       d->model ? d->model : "-", d->version ? d->version : "");
	printf("stage %s%s%s, %s\n", tplc_lifecycle_name(r->now->stage),
	       st->since[0] && r->now->stage == st->stage ? " since " : "",
	       st->since[0] && r->now->stage == st->stage ? st->since : "",
	       tplc_deployment_name(r->deployment));
	table_init(&t, 7, header);
	table_limit(&t, 6, 48);
	for (int k = 0; k < TPLC_RACI_TASKS; k++) {
		const struct tplc_raci_cell *c = &r->now->task[k];
		const char *cells[7];

		cells[0] = tplc_raci_task_key((enum tplc_raci_task)k);
		for (size_t l = 0; l < 4; l++) {
			tplc_raci_parties(text[l], sizeof(text[l]), c,
			                  letter_bits[l]);
			cells[l + 1] = text[l][0] ? text[l] : "-";
		}
		gaps_text(gaps, sizeof(gaps), c->gaps);
		cells[5] = gaps[0] ? gaps : "";
		from_text(from, sizeof(from), c);
		cells[6] = from;
		table_row(&t, cells);
	}
	table_print(&t, stdout);
	table_release(&t);
	if (r->next == NULL)
		return;
	for (int k = 0; k < TPLC_RACI_TASKS; k++) {
		const struct tplc_raci_cell *c = &r->now->task[k];
		const struct tplc_raci_cell *n = &r->next->task[k];

		if (!tplc_raci_moves(c, n))
			continue;
		if (moving++ == 0)
			printf("\nat %s on %s:\n",
			       tplc_lifecycle_name(st->next), st->next_date);
		tplc_raci_parties(text[0], sizeof(text[0]), c, TPLC_RACI_R);
		tplc_raci_parties(text[1], sizeof(text[1]), c, TPLC_RACI_A);
		tplc_raci_parties(nr, sizeof(nr), n, TPLC_RACI_R);
		tplc_raci_parties(na, sizeof(na), n, TPLC_RACI_A);
		printf("  %-24s R %s -> %s, A %s -> %s\n",
		       tplc_raci_task_key((enum tplc_raci_task)k),
		       text[0][0] ? text[0] : "-", nr[0] ? nr : "-",
		       text[1][0] ? text[1] : "-", na[0] ? na : "-");
	}
	if (moving == 0)
		printf("\nat %s on %s: no task changes hands\n",
		       tplc_lifecycle_name(st->next), st->next_date);
}

static void show_json(struct tplx_jsonw *w,
                      const struct tplc_raci_device_row *r)
{
	const struct tplc_lifecycle_device_row *d = r->device;
	const struct tplc_lifecycle_status *st = d->status;

	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "asset_tag", d->asset_tag);
	tplx_jsonw_kstring(w, "site", d->site);
	tplx_jsonw_kstring(w, "manufacturer", d->manufacturer);
	tplx_jsonw_kstring(w, "model", d->model);
	tplx_jsonw_kstring(w, "version", d->version);
	tplx_jsonw_kstring(w, "stage", tplc_lifecycle_key(r->now->stage));
	tplx_jsonw_kstring(w, "since", st->since[0] ? st->since : NULL);
	tplx_jsonw_kstring(w, "deployment",
	                   tplc_deployment_name(r->deployment));
	tplx_jsonw_key(w, "tasks");
	tplx_jsonw_array_begin(w);
	for (int k = 0; k < TPLC_RACI_TASKS; k++)
		cell_json(w, (enum tplc_raci_task)k, &r->now->task[k]);
	tplx_jsonw_array_end(w);
	if (r->next != NULL) {
		tplx_jsonw_key(w, "next");
		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "stage", tplc_lifecycle_key(st->next));
		tplx_jsonw_kstring(w, "date", st->next_date);
		tplx_jsonw_key(w, "moving");
		tplx_jsonw_array_begin(w);
		for (int k = 0; k < TPLC_RACI_TASKS; k++)
			if (tplc_raci_moves(&r->now->task[k],
			                    &r->next->task[k]))
				cell_json(w, (enum tplc_raci_task)k,
				          &r->next->task[k]);
		tplx_jsonw_array_end(w);
		tplx_jsonw_object_end(w);
	}
	tplx_jsonw_object_end(w);
}

static int show_row(const struct tplc_raci_device_row *r, void *data)
{
	struct show_out *out = data;

	if (out->found++ > 0)
		return 0;
	if (out->cli->json)
		show_json(&out->w, r);
	else
		show_text(r);
	return 0;
}

static int raci_show(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "site", "NAME", "the device's site, when tags repeat" },
		{ "as-of", "DATE", "judge on DATE (default: today)" },
		{ "stage", "S", "the matrix in this stage instead of its own" },
		{ NULL, NULL, NULL },
	};
	struct tplc_lifecycle_filter f;
	struct tplc_store *store;
	struct cli_args args;
	struct show_out out;
	int status, stage, error;

	status = cli_parse(
	        cli, "raci show ASSET-TAG [--as-of DATE] [--stage S]",
	        "A device's matrix: for each task who is Responsible, "
	        "Accountable,\nConsulted and Informed, and where it comes "
	        "from (the default, a product\nor a device override and its "
	        "contract); then the tasks that change\nhands at its next "
	        "stage.",
	        opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&f, 0, sizeof(f));
	f.stage = -1;
	f.asset_tag = args.items[0];
	f.site = cli_opt(&args, opts, "site");
	f.as_of = cli_opt(&args, opts, "as-of");
	if (check_date(f.as_of) != 0 ||
	    parse_stage(cli_opt(&args, opts, "stage"), &stage) != 0)
		return EXIT_USAGE;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	error = tplc_store_raci_devices(store, &f, stage, show_row, &out,
	                                &cli->err);
	if (error == 0 && out.found == 0) {
		tplc_error_set(&cli->err, TPLC_ENOTFOUND,
		               "no device with asset tag '%s'", args.items[0]);
		return cli_fail(cli, TPLC_ENOTFOUND);
	}
	if (error == 0 && out.found > 1)
		cli_note(cli,
		         "%d devices have asset tag '%s': showing the "
		         "first (name the site with --site)",
		         out.found, args.items[0]);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* ---- set --------------------------------------------------------------------- */

static int raci_set(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "TEXT", "a product (every device of it)" },
		{ "device", "TAG", "one device" },
		{ "site", "NAME", "the device's site, when tags repeat" },
		{ "stage", "S", "only in this stage (default: every stage)" },
		{ "contract", "REF", "the contract that says so" },
		{ "by", "NAME", "who records it" },
		{ "reset", NULL, "remove the override: back to the default" },
		{ NULL, NULL, NULL },
	};
	struct tplc_raci_set set;
	struct tplc_store *store;
	struct cli_args args;
	int status, task, error = 0;

	status = cli_parse(
	        cli,
	        "raci set (--product P | --device TAG) TASK PARTY=LETTERS... "
	        "--by NAME",
	        "Set a party's letters (a subset of RACI; \"\" or \"-\" for "
	        "none) for a task,\nas a contract says.  Only that party "
	        "changes: the others keep theirs,\nso a contract that makes "
	        "the HDO accountable without taking the MDM's A\nshows as a "
	        "gap.  Device overrides win over product ones, a stage's over"
	        "\nevery stage's.  --reset removes the override (PARTY alone "
	        "is enough).",
	        opts, 2, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&set, 0, sizeof(set));
	set.product = cli_opt(&args, opts, "product");
	set.asset_tag = cli_opt(&args, opts, "device");
	set.site = cli_opt(&args, opts, "site");
	set.contract = cli_opt(&args, opts, "contract");
	set.by = cli_opt(&args, opts, "by");
	set.reset = cli_flag(&args, opts, "reset");
	if ((set.product == NULL) == (set.asset_tag == NULL))
		return cli_die(EXIT_USAGE,
		               "name --product or --device (one of them)");
	if (set.by == NULL)
		return cli_die(EXIT_USAGE, "--by is required");
	if (parse_stage(cli_opt(&args, opts, "stage"), &set.stage) != 0)
		return EXIT_USAGE;
	task = tplc_raci_task_parse(args.items[0]);
	if (task < 0)
		return cli_die(EXIT_USAGE,
		               "%s: not a task (tplc raci tasks lists them)",
		               args.items[0]);
	set.task = (enum tplc_raci_task)task;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	/* all PARTY=LETTERS or none */
	error = tplc_store_begin(store, &cli->err);
	for (int i = 1; error == 0 && i < args.count; i++) {
		char party[TPLC_RACI_PARTY_SIZE + 1];
		const char *eq = strchr(args.items[i], '=');
		size_t len = eq ? (size_t)(eq - args.items[i])
		                : strlen(args.items[i]);

		if ((eq == NULL && !set.reset) || len >= sizeof(party)) {
			error = tplc_error_set(&cli->err, TPLC_EINVAL,
			                       "%.80s: expected PARTY=LETTERS",
			                       args.items[i]);
			break;
		}
		memcpy(party, args.items[i], len);
		party[len] = '\0';
		set.party = party;
		set.roles = 0;
		if (eq != NULL)
			error = tplc_raci_letters_parse(&set.roles, eq + 1,
			                                &cli->err);
		if (error == 0)
			error = tplc_store_raci_set(store, &set, &cli->err);
	}
	if (error == 0)
		error = tplc_store_commit(store, &cli->err);
	if (error < 0) {
		tplc_store_rollback(store);
		return cli_fail(cli, error);
	}
	printf("%s: %d override(s) %s on %s %s\n", args.items[0],
	       args.count - 1, set.reset ? "removed" : "recorded",
	       set.product ? "product" : "device",
	       set.product ? set.product : set.asset_tag);
	return EXIT_OK;
}

/* ---- gaps -------------------------------------------------------------------- */

struct gaps_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int gap_row(const struct tplc_raci_gap_row *g, void *data)
{
	struct gaps_out *out = data;
	char product[256], devices[64], detail[512], gaps[96];

	gaps_text(gaps, sizeof(gaps), g->gaps);
	if (out->cli->json) {
		struct tplx_jsonw *w = &out->w;

		tplx_jsonw_object_begin(w);
		tplx_jsonw_kstring(w, "kind", g->moving ? "moving" : "gap");
		tplx_jsonw_kstring(w, "manufacturer", g->manufacturer);
		tplx_jsonw_kstring(w, "model", g->model);
		tplx_jsonw_kstring(w, "version", g->version);
		tplx_jsonw_kint(w, "devices", g->devices);
		tplx_jsonw_kstring(w, "asset_tag", g->asset_tag);
		tplx_jsonw_kstring(w, "stage", tplc_lifecycle_key(g->stage));
		tplx_jsonw_kstring(w, "deployment",
		                   tplc_deployment_name(g->deployment));
		tplx_jsonw_kstring(w, "task", tplc_raci_task_key(g->task));
		if (!g->moving)
			gaps_json(w, g->gaps);
		tplx_jsonw_kstring(w, "R", g->r);
		tplx_jsonw_kstring(w, "A", g->a);
		if (g->moving) {
			tplx_jsonw_kstring(w, "next_stage",
			                   tplc_lifecycle_key(g->next));
			tplx_jsonw_kstring(w, "date", g->date);
			tplx_jsonw_kstring(w, "next_R", g->next_r);
			tplx_jsonw_kstring(w, "next_A", g->next_a);
		}
		tplx_jsonw_object_end(w);
		return 0;
	}
	snprintf(product, sizeof(product), "%s %s %s", g->manufacturer,
	         g->model, g->version ? g->version : "");
	if (g->devices == 1)
		snprintf(devices, sizeof(devices), "%s", g->asset_tag);
	else
		snprintf(devices, sizeof(devices), "%lld devices (%s, ...)",
		         g->devices, g->asset_tag);
	if (g->moving)
		snprintf(detail, sizeof(detail),
		         "%s on %s: R %s -> %s, A %s -> %s",
		         tplc_lifecycle_name(g->next), g->date,
		         g->r[0] ? g->r : "-", g->next_r[0] ? g->next_r : "-",
		         g->a[0] ? g->a : "-", g->next_a[0] ? g->next_a : "-");
	else
		snprintf(detail, sizeof(detail), "%s (R %s, A %s)", gaps,
		         g->r[0] ? g->r : "-", g->a[0] ? g->a : "-");
	{
		const char *cells[] = {
			g->moving ? "moving" : "gap",
			product,
			devices,
			tplc_lifecycle_name(g->stage),
			tplc_raci_task_key(g->task),
			detail,
		};
		table_row(&out->t, cells);
	}
	return 0;
}

static int raci_gaps(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "within", "DAYS",
		  "tasks changing hands within DAYS (default 365)" },
		{ "as-of", "DATE", "judge on DATE (default: today)" },
		{ "site", "NAME", "only devices at this site" },
		{ "product", "TEXT", "only products whose name contains TEXT" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = {
		"KIND", "PRODUCT", "DEVICES", "STAGE", "TASK", "DETAIL",
	};
	struct tplc_lifecycle_filter f;
	struct tplc_store *store;
	struct cli_args args;
	struct gaps_out out;
	size_t within = 365;
	int status, error;

	status = cli_parse(
	        cli, "raci gaps [--within DAYS] [--as-of DATE]",
	        "The fleet's responsibility gaps: tasks with no Accountable "
	        "party, with\nseveral, or with nobody Responsible; then the "
	        "tasks whose Responsible or\nAccountable party changes at a "
	        "device's next stage within DAYS.  Devices\nof one product "
	        "version with the same finding are counted together.",
	        opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&f, 0, sizeof(f));
	f.stage = -1;
	f.as_of = cli_opt(&args, opts, "as-of");
	f.site = cli_opt(&args, opts, "site");
	f.product = cli_opt(&args, opts, "product");
	if (check_date(f.as_of) != 0 ||
	    cli_opt_count(&args, opts, "within", &within) != 0)
		return EXIT_USAGE;
	if (within > 36500)
		return cli_die(EXIT_USAGE, "--within: at most 36500 days");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 6, header);
	table_limit(&out.t, 1, 40);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_raci_gaps(store, &f, (long)within, gap_row, &out,
	                             &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0 && out.t.rows == 0)
		printf("no gaps, nothing changes hands within %zu days\n",
		       within);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_raci(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "tasks", raci_tasks, "the security tasks" },
		{ "defaults", raci_defaults, "the default matrix by stage" },
		{ "show", raci_show, "a device's matrix, now and next" },
		{ "set", raci_set, "a contract's override for a task" },
		{ "gaps", raci_gaps, "the fleet's gaps and coming moves" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "raci", cmds, argc, argv);
}

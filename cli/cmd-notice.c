/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc lifecycle notice|import|notices: EOL/EOS notices, signed by the
 * manufacturer that issues them and checked by the hospital that imports
 * them, flagged when they give under two years' notice or were only
 * published rather than pushed to customers (IMDRF N70).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/lifecycle.h"
#include "tplc/notice.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/jsonw.h"

/* Split s (modified) at commas into at most max trimmed items. */
static size_t split(char *s, char **items, size_t max)
{
	size_t n = 0;
	char *next;

	while (s != NULL && n < max + 1) {
		next = strchr(s, ',');
		if (next != NULL)
			*next++ = '\0';
		while (*s == ' ')
			s++;
		if (*s != '\0') {
			if (n == max)
				return max + 1;
			items[n++] = s;
		}
		s = next;
	}
	return n;
}

/* "NAME@VERSION:DATE", version and date optional. */
static int parse_component(char *text, struct tplc_notice_component *c)
{
	char *colon = strrchr(text, ':'), *at;

	memset(c, 0, sizeof(*c));
	if (colon != NULL && strlen(colon + 1) == 10) {
		*colon = '\0';
		c->end_of_support = colon + 1;
	}
	at = strrchr(text, '@');
	if (at != NULL && at != text) {
		*at = '\0';
		c->version = at + 1;
	}
	c->name = text;
	if (*c->name == '\0' || (c->version != NULL && *c->version == '\0'))
		return cli_die(EXIT_USAGE,
		               "--component takes NAME@VERSION:DATE, ...");
	return 0;
}

static int parse_controls(char *list, unsigned *out)
{
	char *items[TPLC_NOTICE_CONTROLS + 1];
	size_t n = split(list, items, TPLC_NOTICE_CONTROLS), i;
	int c;

	if (n > TPLC_NOTICE_CONTROLS)
		return cli_die(EXIT_USAGE, "--controls: at most %d",
		               TPLC_NOTICE_CONTROLS);
	for (i = 0; i < n; i++) {
		c = tplc_notice_control_parse(items[i]);
		if (c < 0)
			return cli_die(EXIT_USAGE,
			               "--controls: '%s' is not one of "
			               "physical-access, removable-media, "
			               "isolation, segmentation, monitoring, "
			               "no-remote-access, firewall, "
			               "anti-malware, backup (use --notes for "
			               "others)",
			               items[i]);
		*out |= 1u << c;
	}
	return 0;
}

static const struct cli_option notice_opts[] = {
	{ "manufacturer", "NAME", "the manufacturer issuing it" },
	{ "product", "MODEL", "the product (model)" },
	{ "version", "V,...", "the deployed versions it covers" },
	{ "eol", "DATE", "end of life (no longer sold)" },
	{ "eos", "DATE", "end of support (no more updates)" },
	{ "delivery", "HOW", "pushed (sent to customers) or published" },
	{ "os", "TEXT", "the operating system" },
	{ "component", "N@V:DATE,...",
	  "components going out of support, and when" },
	{ "maintenance", "TEXT", "what support continues" },
	{ "until", "DATE", "and until when" },
	{ "controls", "LIST",
	  "recommended compensating controls (N70's names)" },
	{ "notes", "TEXT", "other controls, in words" },
	{ "replacement", "TEXT", "the replacement or upgrade path" },
	{ "contact", "TEXT", "whom to ask" },
	{ "sign", "NAME.sec", "the secret key to sign with" },
	{ "out", "FILE", "where the signed notice goes" },
	{ NULL, NULL, NULL },
};

struct notice_parts {
	char *versions_text, *components_text, *controls_text;
	char *versions[TPLC_NOTICE_VERSIONS_MAX + 1];
	struct tplc_notice_component *components;
};

static int notice_from(struct cli *cli, const struct cli_args *args,
                       struct tplc_notice *n, struct notice_parts *p, char *id,
                       size_t id_size)
{
	const char *v;
	char *items[TPLC_NOTICE_COMPONENTS_MAX + 1];
	size_t count, i;
	int error;

	memset(n, 0, sizeof(*n));
	n->manufacturer = cli_opt(args, notice_opts, "manufacturer");
	n->product = cli_opt(args, notice_opts, "product");
	n->eol = cli_opt(args, notice_opts, "eol");
	n->eos = cli_opt(args, notice_opts, "eos");
	n->delivery = cli_opt(args, notice_opts, "delivery");
	n->os = cli_opt(args, notice_opts, "os");
	n->maintenance = cli_opt(args, notice_opts, "maintenance");
	n->maintenance_until = cli_opt(args, notice_opts, "until");
	n->controls_notes = cli_opt(args, notice_opts, "notes");
	n->replacement = cli_opt(args, notice_opts, "replacement");
	n->contact = cli_opt(args, notice_opts, "contact");
	n->issued = tplc_ctx_today(cli->ctx);
	v = cli_opt(args, notice_opts, "version");
	if (n->manufacturer == NULL || n->product == NULL || v == NULL ||
	    n->delivery == NULL || (n->eol == NULL && n->eos == NULL))
		return cli_die(EXIT_USAGE,
		               "--manufacturer, --product, --version, "
		               "--delivery and --eol or --eos are required");
	if (n->maintenance_until != NULL && n->maintenance == NULL)
		return cli_die(EXIT_USAGE, "--until goes with --maintenance");
	p->versions_text = tplx_strdup(v);
	if (p->versions_text == NULL)
		return cli_die(EXIT_SOFTWARE, "out of memory");
	count = split(p->versions_text, p->versions, TPLC_NOTICE_VERSIONS_MAX);
	if (count == 0 || count > TPLC_NOTICE_VERSIONS_MAX)
		return cli_die(EXIT_USAGE, "--version: 1 to %d versions",
		               TPLC_NOTICE_VERSIONS_MAX);
	n->versions = (const char *const *)p->versions;
	n->version_count = count;
	v = cli_opt(args, notice_opts, "component");
	if (v != NULL) {
		p->components_text = tplx_strdup(v);
		if (p->components_text == NULL)
			return cli_die(EXIT_SOFTWARE, "out of memory");
		count = split(p->components_text, items,
		              TPLC_NOTICE_COMPONENTS_MAX);
		if (count > TPLC_NOTICE_COMPONENTS_MAX)
			return cli_die(EXIT_USAGE, "--component: too many");
		p->components = tplx_calloc(count + 1, sizeof(*p->components));
		if (p->components == NULL)
			return cli_die(EXIT_SOFTWARE, "out of memory");
		for (i = 0; i < count; i++) {
			error = parse_component(items[i], &p->components[i]);
			if (error != 0)
				return error;
		}
		n->components = p->components;
		n->component_count = count;
	}
	v = cli_opt(args, notice_opts, "controls");
	if (v != NULL) {
		p->controls_text = tplx_strdup(v);
		if (p->controls_text == NULL)
			return cli_die(EXIT_SOFTWARE, "out of memory");
		error = parse_controls(p->controls_text, &n->controls);
		if (error != 0)
			return error;
	}
	tplc_notice_make_id(n, id, id_size);
	n->id = id;
	return 0;
}

static void notice_print(struct cli *cli, const struct tplc_notice *n,
                         const char *key_id, const char *path)
{
	struct tplx_jsonw w;
	size_t i;

	if (!cli->json) {
		printf("notice %s: %s %s", n->id, n->manufacturer, n->product);
		for (i = 0; i < n->version_count; i++)
			printf("%s%s", i ? ", " : " ", n->versions[i]);
		printf(" EOL %s EOS %s, %s, signed by %s -> %s\n",
		       n->eol ? n->eol : "-", n->eos ? n->eos : "-",
		       n->delivery, key_id, path);
		if ((n->eol && tplc_notice_short(n->issued, n->eol)) ||
		    (n->eos && tplc_notice_short(n->issued, n->eos)))
			cli_note(cli,
			         "warning: less than %d years' notice "
			         "(IMDRF N70)",
			         TPLC_NOTICE_LEAD_YEARS);
		return;
	}
	tplx_jsonw_init(&w, stdout, false);
	tplx_jsonw_object_begin(&w);
	tplx_jsonw_kstring(&w, "notice", n->id);
	tplx_jsonw_kstring(&w, "issued", n->issued);
	tplx_jsonw_kstring(&w, "key_id", key_id);
	tplx_jsonw_kstring(&w, "file", path);
	tplx_jsonw_object_end(&w);
}

int cmd_lifecycle_notice(struct cli *cli, int argc, char **argv)
{
	struct notice_parts parts;
	struct tplc_store *store;
	struct tplc_seckey key;
	struct tplc_notice n;
	struct cli_args args;
	char id[TPLC_NOTICE_ID_MAX + 1];
	char *body = NULL, *env = NULL;
	size_t body_len, env_len;
	const char *sec, *out;
	int status, error = 0;

	status = cli_parse(
	        cli,
	        "lifecycle notice --manufacturer NAME --product MODEL "
	        "--version V[,V...] --eol DATE --eos DATE --delivery HOW "
	        "--sign NAME.sec --out FILE [options]",
	        "Issue a signed EOL/EOS notice (IMDRF N70): write it as a "
	        "DSSE envelope,\nrecord it, and set the versions' milestones "
	        "as announced today.  N70 asks\nfor two years' notice, pushed "
	        "to customers.",
	        notice_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&parts, 0, sizeof(parts));
	memset(&key, 0, sizeof(key));
	sec = cli_opt(&args, notice_opts, "sign");
	out = cli_opt(&args, notice_opts, "out");
	if (sec == NULL || out == NULL) {
		status = cli_die(EXIT_USAGE, "--sign and --out are required");
		goto done;
	}
	status = notice_from(cli, &args, &n, &parts, id, sizeof(id));
	if (status != 0)
		goto done;
	error = tplc_notice_write(&n, &body, &body_len, &cli->err);
	if (error == 0)
		error = tplc_seckey_load(&key, sec, &cli->err);
	if (error == 0)
		error = tplc_dsse_sign(&key, TPLC_NOTICE_TYPE, body, body_len,
		                       &env, &env_len, &cli->err);
	if (error < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	status = cli_store(cli, &store);
	if (status != 0)
		goto done;
	error = tplc_store_notice_record(store, &n, env, key.id, n.manufacturer,
	                                 &cli->err);
	if (error < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	status = cli_write_file(out, env, env_len);
	if (status == 0)
		notice_print(cli, &n, key.id, out);
done:
	tplc_seckey_wipe(&key);
	tplc_free_string(body);
	tplc_free_string(env);
	tplx_free(parts.versions_text);
	tplx_free(parts.components_text);
	tplx_free(parts.controls_text);
	tplx_free(parts.components);
	return status;
}

static int import_file(struct cli *cli, struct tplc_store *store,
                       const char *path, const char *by)
{
	struct tplc_notice_import im;
	char *text = NULL;
	size_t len;
	int error;

	error = tplx_file_read(&text, &len, path, TPLC_DSSE_MAX, &cli->err);
	if (error == 0)
		error = tplc_store_notice_import(store, text, len, path, by,
		                                 &im, &cli->err);
	tplx_free(text);
	if (error == 0)
		cli_note(cli, "%s: notice %s %s (signed by %s), %zu version%s",
		         path, im.id,
		         im.already ? "already imported" : "imported",
		         im.key_id, im.versions, im.versions == 1 ? "" : "s");
	return error;
}

int cmd_lifecycle_import(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "by", "NAME", "who imports (default: import)" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	const char *by;
	int status, error, i;

	status = cli_parse(cli, "lifecycle import FILE...",
	                   "Import manufacturers' signed EOL/EOS notices.  "
	                   "Each must be signed by a\nkey trusted for its "
	                   "manufacturer (tplc key trust).  All files are one\n"
	                   "transaction: an untrusted, altered or malformed "
	                   "notice imports nothing.",
	                   opts, 1, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_begin(store, &cli->err);
	for (i = 0; error == 0 && i < args.count; i++)
		error = import_file(cli, store, args.items[i],
		                    by ? by : "import");
	if (error == 0)
		error = tplc_store_commit(store, &cli->err);
	if (error < 0) {
		tplc_store_rollback(store);
		return cli_fail(cli, error);
	}
	return EXIT_OK;
}

struct list_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static const char *const list_header[] = {
	"NOTICE", "PRODUCT",  "VERSIONS", "ISSUED", "EOL",
	"EOS",    "DELIVERY", "LEAD",     "FLAGS",
};

#define LIST_COLUMNS (sizeof(list_header) / sizeof(list_header[0]))

static void row_json(struct tplx_jsonw *w, const struct tplc_notice_row *r)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kstring(w, "notice", r->id);
	tplx_jsonw_kstring(w, "manufacturer", r->manufacturer);
	tplx_jsonw_kstring(w, "model", r->model);
	tplx_jsonw_kstring(w, "versions", r->versions);
	tplx_jsonw_kstring(w, "issued", r->issued);
	tplx_jsonw_kstring(w, "eol", r->eol);
	tplx_jsonw_kstring(w, "eos", r->eos);
	tplx_jsonw_kstring(w, "delivery", r->delivery);
	tplx_jsonw_kstring(w, "direction", r->direction);
	tplx_jsonw_kstring(w, "key_id", r->key_id);
	tplx_jsonw_kint(w, "eol_days", r->eol_days);
	tplx_jsonw_kint(w, "eos_days", r->eos_days);
	tplx_jsonw_kint(w, "lead_days", r->lead_days);
	tplx_jsonw_kbool(w, "short_eol", r->short_eol);
	tplx_jsonw_kbool(w, "short_eos", r->short_eos);
	tplx_jsonw_kbool(w, "passive", r->passive);
	tplx_jsonw_kbool(w, "flagged", r->flagged);
	tplx_jsonw_object_end(w);
}

static int list_row(const struct tplc_notice_row *r, void *data)
{
	struct list_out *out = data;
	char product[256], lead[32], flags[64];

	if (out->cli->json) {
		row_json(&out->w, r);
		return 0;
	}
	snprintf(product, sizeof(product), "%s %s", r->manufacturer, r->model);
	snprintf(lead, sizeof(lead), "%ldd", r->lead_days);
	snprintf(flags, sizeof(flags), "%s%s%s%s",
	         r->short_eol ? "short-eol " : "",
	         r->short_eos ? "short-eos " : "", r->passive ? "passive " : "",
	         r->flagged ? "" : "-");
	if (flags[0] != '\0' && flags[strlen(flags) - 1] == ' ')
		flags[strlen(flags) - 1] = '\0';
	{
		const char *cells[] = {
			r->id,
			product,
			r->versions ? r->versions : "",
			r->issued,
			r->eol ? r->eol : "-",
			r->eos ? r->eos : "-",
			r->delivery,
			lead,
			flags,
		};
		table_row(&out->t, cells);
	}
	return 0;
}

int cmd_lifecycle_notices(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "flagged", NULL,
		  "only notices under two years ahead or only published" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	struct list_out out;
	int status, error;

	status = cli_parse(cli, "lifecycle notices [--flagged]",
	                   "The EOL/EOS notices issued or imported, with the "
	                   "notice each gave (LEAD,\ndays to the earlier "
	                   "milestone) and flags: short-eol / short-eos "
	                   "under\ntwo years' notice, passive when only "
	                   "published, not pushed.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, LIST_COLUMNS, list_header);
	table_limit(&out.t, 1, 32);
	table_limit(&out.t, 2, 24);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_notices(store, cli_flag(&args, opts, "flagged"),
	                           list_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

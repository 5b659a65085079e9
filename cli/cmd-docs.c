/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc docs pack|verify|receive|ack|list|missing: signed transfer of a
 * product version's security documentation from manufacturer to
 * hospital, with a signed receipt back (tplc/docs.h).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/docs.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/jsonw.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* --kind NAME=KIND[,NAME=KIND...] onto the inputs (list modified). */
static int apply_kinds(char *list, struct tplc_docs_input *in, size_t count)
{
	char *item, *next, *eq;
	size_t i;

	for (item = list; item != NULL; item = next) {
		next = strchr(item, ',');
		if (next != NULL)
			*next++ = '\0';
		eq = strchr(item, '=');
		if (eq == NULL)
			return cli_die(EXIT_USAGE, "--kind takes NAME=KIND");
		*eq = '\0';
		if (tplc_docs_kind_parse(eq + 1) < 0)
			return cli_die(EXIT_USAGE,
			               "--kind: %s is not one of sbom, vex, "
			               "mds2, mud, notice, test-report, "
			               "lifecycle, other",
			               eq + 1);
		for (i = 0; i < count; i++)
			if (strcmp(base_name(in[i].path), item) == 0)
				break;
		if (i == count)
			return cli_die(EXIT_USAGE, "--kind: no file named %s",
			               item);
		in[i].kind = eq + 1;
	}
	return 0;
}

static void print_bundle(struct cli *cli, const struct tplc_docs_bundle *b,
                         const char *verb, const char *path)
{
	const struct tplc_docs_manifest *m = b->manifest;
	struct tplx_jsonw w;
	size_t i;

	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "bundle", b->id);
		tplx_jsonw_kstring(&w, "manifest", m->id);
		tplx_jsonw_kstring(&w, "manufacturer", m->manufacturer);
		tplx_jsonw_kstring(&w, "product", m->product);
		tplx_jsonw_kstring(&w, "product_version", m->product_version);
		tplx_jsonw_kstring(&w, "created", m->created);
		tplx_jsonw_kstring(&w, "key_id", b->key_id);
		tplx_jsonw_kstring(&w, "file", path);
		tplx_jsonw_kbool(&w, "already", b->already);
		tplx_jsonw_key(&w, "files");
		tplx_jsonw_array_begin(&w);
		for (i = 0; i < m->file_count; i++) {
			tplx_jsonw_object_begin(&w);
			tplx_jsonw_kstring(&w, "name", m->files[i].name);
			tplx_jsonw_kstring(&w, "kind", m->files[i].kind);
			tplx_jsonw_kstring(&w, "sha256", m->files[i].sha256);
			tplx_jsonw_kint(&w, "size", m->files[i].size);
			tplx_jsonw_kbool(&w, "imported", b->imported[i]);
			tplx_jsonw_object_end(&w);
		}
		tplx_jsonw_array_end(&w);
		tplx_jsonw_object_end(&w);
		return;
	}
	for (i = 0; i < m->file_count; i++)
		printf(TPLC_DOCS_FILES_DIR
		       "%s  %s  %lld bytes  sha256 %.16s%s\n",
		       m->files[i].name, m->files[i].kind, m->files[i].size,
		       m->files[i].sha256, b->imported[i] ? "  imported" : "");
	printf("%s: bundle %s, %s %s %s, %zu file%s, signed by %s\n", verb,
	       b->id, m->manufacturer, m->product, m->product_version,
	       m->file_count, m->file_count == 1 ? "" : "s", b->key_id);
}

static int docs_pack(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "\"MAKER MODEL\"", "the product" },
		{ "manufacturer", "NAME",
		  "the manufacturer (then --product is the model alone)" },
		{ "version", "V", "the product version documented" },
		{ "key", "NAME.sec", "the manufacturer's secret key" },
		{ "out", "BUNDLE.tar", "the bundle written" },
		{ "kind", "NAME=KIND,...",
		  "kinds not told by content (test-report, lifecycle, ...)" },
		{ "by", "NAME", "who packs it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_docs_input in[TPLC_DOCS_FILES_MAX];
	struct tplc_docs_bundle b;
	struct tplc_docs_pack pk;
	struct tplc_store *store;
	struct tplc_seckey key;
	struct cli_args args;
	char *kinds = NULL;
	int status, error, i;

	status = cli_parse(cli,
	                   "docs pack FILE... --product \"MAKER MODEL\" "
	                   "--version V --key NAME.sec --out BUNDLE.tar "
	                   "[--manufacturer NAME] [--kind NAME=KIND,...] "
	                   "[--by NAME]",
	                   "Pack a product version's security documentation "
	                   "into a bundle whose manifest,\nlisting each "
	                   "file's SHA-256, is signed with the manufacturer's "
	                   "key.",
	                   opts, 1, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&pk, 0, sizeof(pk));
	pk.manufacturer = cli_opt(&args, opts, "manufacturer");
	pk.product = cli_opt(&args, opts, "product");
	pk.version = cli_opt(&args, opts, "version");
	pk.out = cli_opt(&args, opts, "out");
	pk.by = cli_opt(&args, opts, "by");
	if (pk.product == NULL || pk.version == NULL || pk.out == NULL ||
	    cli_opt(&args, opts, "key") == NULL)
		return cli_die(EXIT_USAGE, "--product, --version, --key and "
		                           "--out are required");
	if (args.count > TPLC_DOCS_FILES_MAX)
		return cli_die(EXIT_USAGE, "a bundle holds at most %d files",
		               TPLC_DOCS_FILES_MAX);
	memset(in, 0, sizeof(in));
	for (i = 0; i < args.count; i++)
		in[i].path = args.items[i];
	if (cli_opt(&args, opts, "kind") != NULL) {
		kinds = tplx_strdup(cli_opt(&args, opts, "kind"));
		if (kinds == NULL)
			return cli_die(EXIT_SOFTWARE, "out of memory");
		status = apply_kinds(kinds, in, (size_t)args.count);
		if (status != 0) {
			tplx_free(kinds);
			return status;
		}
	}
	pk.files = in;
	pk.file_count = (size_t)args.count;
	pk.key = &key;
	memset(&key, 0, sizeof(key));
	memset(&b, 0, sizeof(b));
	error = tplc_seckey_load(&key, cli_opt(&args, opts, "key"), &cli->err);
	if (error < 0) {
		tplx_free(kinds);
		return cli_fail(cli, error);
	}
	status = cli_store(cli, &store);
	if (status == 0) {
		error = tplc_store_docs_pack(store, &pk, &b, &cli->err);
		status = error < 0 ? cli_fail(cli, error) : 0;
	}
	if (status == 0)
		print_bundle(cli, &b, "packed", pk.out);
	tplc_seckey_wipe(&key);
	tplc_docs_manifest_free(b.manifest);
	tplx_free(kinds);
	return status;
}

static int print_receipt(struct cli *cli, const struct tplc_docs_receipt *r)
{
	struct tplx_jsonw w;
	size_t i, imported = 0;

	for (i = 0; i < r->file_count; i++)
		imported += r->files[i].imported;
	if (!cli->json) {
		printf("verified: receipt %s for bundle %s (%s %s %s): %zu "
		       "file%s, %zu imported, acknowledged %s by %s\n",
		       r->id, r->bundle, r->manufacturer, r->product,
		       r->product_version, r->file_count,
		       r->file_count == 1 ? "" : "s", imported, r->acknowledged,
		       r->by);
		return EXIT_OK;
	}
	tplx_jsonw_init(&w, stdout, false);
	tplx_jsonw_object_begin(&w);
	tplx_jsonw_kstring(&w, "receipt", r->id);
	tplx_jsonw_kstring(&w, "bundle", r->bundle);
	tplx_jsonw_kstring(&w, "received", r->received);
	tplx_jsonw_kstring(&w, "acknowledged", r->acknowledged);
	tplx_jsonw_kstring(&w, "by", r->by);
	tplx_jsonw_kint(&w, "files", (long long)r->file_count);
	tplx_jsonw_kint(&w, "imported", (long long)imported);
	tplx_jsonw_object_end(&w);
	return EXIT_OK;
}

static int docs_verify(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "by", "NAME", "who records a receipt" },
		{ NULL, NULL, NULL },
	};
	struct tplc_docs_receipt *receipt = NULL;
	struct tplc_docs_bundle b;
	struct tplc_store *store;
	struct cli_args args;
	const char *path;
	char *data = NULL;
	size_t len;
	int status, error;

	status = cli_parse(cli, "docs verify BUNDLE.tar|RECEIPT.json",
	                   "Check a bundle: its manifest signed by a key "
	                   "trusted for the manufacturer, every\nfile "
	                   "present with the size and SHA-256 it lists, "
	                   "nothing else.  Or, at the\nmanufacturer, check "
	                   "and record a hospital's receipt for a bundle "
	                   "issued here.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	path = args.items[0];
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplx_file_read(&data, &len, path,
	                       TPLC_DOCS_BUNDLE_MAX + TPLC_DSSE_MAX, &cli->err);
	if (error == 0 && tplc_docs_is_receipt(data, len)) {
		error = tplc_store_docs_receipt(store, data, len, path,
		                                cli_opt(&args, opts, "by"),
		                                &receipt, &cli->err);
		if (error == 0)
			print_receipt(cli, receipt);
		tplc_docs_receipt_free(receipt);
	} else if (error == 0) {
		error = tplc_store_docs_verify(store, data, len, path, &b,
		                               &cli->err);
		if (error == 0)
			print_bundle(cli, &b, "verified", path);
		if (error == 0)
			tplc_docs_manifest_free(b.manifest);
	}
	tplx_free(data);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int docs_receive(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "by", "NAME", "who receives it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_docs_bundle b;
	struct tplc_store *store;
	struct cli_args args;
	const char *by;
	char *data = NULL;
	size_t len;
	int status, error;

	status = cli_parse(cli, "docs receive BUNDLE.tar --by NAME",
	                   "Verify a bundle, then record it and import its "
	                   "SBOM, VEX and notices in one\ntransaction: any "
	                   "failure leaves the store as it was.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	if (by == NULL)
		return cli_die(EXIT_USAGE, "--by is required");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplx_file_read(&data, &len, args.items[0],
	                       TPLC_DOCS_BUNDLE_MAX + TPLC_DSSE_MAX, &cli->err);
	if (error == 0)
		error = tplc_store_docs_receive(store, data, len, args.items[0],
		                                by, &b, &cli->err);
	tplx_free(data);
	if (error < 0)
		return cli_fail(cli, error);
	if (b.already)
		cli_note(cli, "bundle %s was received before: nothing changed",
		         b.id);
	else
		print_bundle(cli, &b, "received", args.items[0]);
	tplc_docs_manifest_free(b.manifest);
	return EXIT_OK;
}

static int docs_ack(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "key", "NAME.sec", "the hospital's secret key" },
		{ "hospital", "NAME",
		  "the hospital acknowledging (the manufacturer trusts "
		  "its key\nunder this name)" },
		{ "by", "NAME", "who acknowledges" },
		{ "out", "FILE", "where the receipt goes (default: stdout)" },
		{ NULL, NULL, NULL },
	};
	char receipt_id[TPLC_DOCS_ID_HEX + 1];
	struct tplc_store *store;
	struct tplc_seckey key;
	struct cli_args args;
	const char *by, *out;
	char *receipt = NULL;
	size_t len;
	int status, error;

	status = cli_parse(cli,
	                   "docs ack BUNDLE-ID --key NAME.sec --hospital NAME "
	                   "--by NAME [--out FILE]",
	                   "Sign a receipt for a received bundle (named by 8 "
	                   "or more hex digits of its id),\nlisting each "
	                   "file, its SHA-256 and whether it was imported.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	out = cli_opt(&args, opts, "out");
	if (by == NULL || cli_opt(&args, opts, "key") == NULL ||
	    cli_opt(&args, opts, "hospital") == NULL)
		return cli_die(EXIT_USAGE,
		               "--key, --hospital and --by are required");
	memset(&key, 0, sizeof(key));
	error = tplc_seckey_load(&key, cli_opt(&args, opts, "key"), &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	status = cli_store(cli, &store);
	if (status == 0) {
		error = tplc_store_docs_ack(store, args.items[0], &key,
		                            cli_opt(&args, opts, "hospital"),
		                            by, &receipt, &len, receipt_id,
		                            &cli->err);
		status = error < 0 ? cli_fail(cli, error) : 0;
	}
	tplc_seckey_wipe(&key);
	if (status == 0)
		status = cli_write_file(out, receipt, len);
	if (status == 0 && out != NULL)
		cli_note(cli, "receipt %s -> %s", receipt_id, out);
	tplc_free_string(receipt);
	return status;
}

struct list_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int list_row(const struct tplc_docs_row *r, void *data)
{
	struct list_out *out = data;
	char id[16], files[48], product[1600];

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "bundle", r->id);
		tplx_jsonw_kstring(&out->w, "direction", r->direction);
		tplx_jsonw_kstring(&out->w, "manufacturer", r->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", r->model);
		tplx_jsonw_kstring(&out->w, "version", r->version);
		tplx_jsonw_kstring(&out->w, "created", r->created);
		tplx_jsonw_kstring(&out->w, "key_id", r->key_id);
		tplx_jsonw_kstring(&out->w, "recorded_by", r->recorded_by);
		tplx_jsonw_kstring(&out->w, "recorded_at", r->recorded_at);
		tplx_jsonw_kint(&out->w, "files", r->files);
		tplx_jsonw_kint(&out->w, "imported", r->imported);
		tplx_jsonw_kstring(&out->w, "acknowledged", r->acknowledged);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	snprintf(id, sizeof(id), "%.12s", r->id);
	snprintf(files, sizeof(files), "%lld (%lld imported)", r->files,
	         r->imported);
	snprintf(product, sizeof(product), "%s %s %s", r->manufacturer,
	         r->model, r->version);
	{
		const char *cells[] = {
			id,    r->direction,   product,
			files, r->recorded_at, r->acknowledged
		};
		table_row(&out->t, cells);
	}
	return 0;
}

static int docs_list(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	static const char *const header[] = {
		"BUNDLE", "DIRECTION", "PRODUCT",
		"FILES",  "RECORDED",  "RECEIPT",
	};
	struct tplc_store *store;
	struct cli_args args;
	struct list_out out;
	int status, error;

	status = cli_parse(cli, "docs list",
	                   "Documentation bundles issued and received, and "
	                   "when a receipt was recorded.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 6, header);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_docs_list(store, list_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

/* "sbom,mds2" as ["sbom","mds2"]. */
static void write_kinds(struct tplx_jsonw *w, const char *kinds)
{
	char name[32];
	const char *comma;

	tplx_jsonw_key(w, "missing");
	tplx_jsonw_array_begin(w);
	for (; *kinds != '\0'; kinds = comma != NULL ? comma + 1 : "") {
		comma = strchr(kinds, ',');
		snprintf(name, sizeof(name), "%.*s",
		         (int)(comma != NULL ? (size_t)(comma - kinds)
		                             : strlen(kinds)),
		         kinds);
		tplx_jsonw_string(w, name);
	}
	tplx_jsonw_array_end(w);
}

static int gap_row(const struct tplc_docs_gap *g, void *data)
{
	struct list_out *out = data;
	char product[1600], devices[24], what[96];

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "manufacturer", g->manufacturer);
		tplx_jsonw_kstring(&out->w, "model", g->model);
		tplx_jsonw_kstring(&out->w, "version", g->version);
		write_kinds(&out->w, g->kinds != NULL ? g->kinds : "receipt");
		if (g->bundle != NULL)
			tplx_jsonw_kstring(&out->w, "bundle", g->bundle);
		tplx_jsonw_kint(&out->w, "devices", g->devices);
		tplx_jsonw_object_end(&out->w);
		return 0;
	}
	snprintf(product, sizeof(product), "%s %s %s", g->manufacturer,
	         g->model, g->version);
	snprintf(devices, sizeof(devices), "%lld", g->devices);
	if (g->kinds != NULL)
		snprintf(what, sizeof(what), "%s", g->kinds);
	else
		snprintf(what, sizeof(what), "bundle %.12s not acknowledged",
		         g->bundle);
	{
		const char *cells[] = { product, devices, what };
		table_row(&out->t, cells);
	}
	return 0;
}

static int parse_expect(const char *list, unsigned *out)
{
	char name[32];
	const char *s = list, *comma;
	size_t n;
	int kind;

	*out = 0;
	while (s != NULL && *s != '\0') {
		comma = strchr(s, ',');
		n = comma != NULL ? (size_t)(comma - s) : strlen(s);
		snprintf(name, sizeof(name), "%.*s", (int)n, s);
		kind = tplc_docs_kind_parse(name);
		if (kind < 0)
			return cli_die(EXIT_USAGE,
			               "--expect: %s is not a kind (sbom, vex, "
			               "mds2, mud, notice, test-report, "
			               "lifecycle, other)",
			               name);
		*out |= 1u << kind;
		s = comma != NULL ? comma + 1 : NULL;
	}
	return 0;
}

static int docs_missing(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "expect", "KIND,...",
		  "the kinds expected (default sbom,mds2,vex,mud)" },
		{ "issued", NULL,
		  "the manufacturer's view: bundles issued without a receipt" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "PRODUCT", "DEVICES",
		                              "NEVER RECEIVED" };
	struct tplc_store *store;
	struct cli_args args;
	struct list_out out;
	const char *expect;
	unsigned kinds;
	int status, error;

	status = cli_parse(cli,
	                   "docs missing [--expect sbom,mds2,vex,mud] "
	                   "[--issued]",
	                   "Per product version in use, the expected "
	                   "documents that never arrived and the\nbundles "
	                   "never acknowledged.  A report: exits 0.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	expect = cli_opt(&args, opts, "expect");
	status = parse_expect(expect != NULL ? expect : "sbom,mds2,vex,mud",
	                      &kinds);
	if (status != 0)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 3, header);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_docs_missing(store, kinds,
	                                cli_flag(&args, opts, "issued"),
	                                gap_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0 && out.t.rows > 0)
		table_print(&out.t, stdout);
	else if (error == 0)
		cli_note(cli, "nothing missing");
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_docs(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "pack", docs_pack, "sign and pack documentation (maker)" },
		{ "verify", docs_verify, "check a bundle or a receipt" },
		{ "receive", docs_receive,
		  "verify, record and import a bundle" },
		{ "ack", docs_ack, "sign a receipt for a received bundle" },
		{ "list", docs_list, "bundles issued and received" },
		{ "missing", docs_missing,
		  "documents never received or acked" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "docs", cmds, argc, argv);
}

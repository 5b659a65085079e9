/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc key generate|trust|list|forget: the Ed25519 keys notices are
 * signed with (signify's file format) and the manufacturers' public keys
 * a hospital trusts.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/notice.h"
#include "tplc/sign.h"
#include "util/jsonw.h"

static const struct cli_option no_opts[] = {
	{ NULL, NULL, NULL },
};

static int key_generate(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "comment", "TEXT",
		  "what the comment lines say (default: tplc NAME)" },
		{ NULL, NULL, NULL },
	};
	char comment[TPLC_KEY_COMMENT_MAX];
	struct tplc_pubkey pub;
	struct cli_args args;
	const char *text;
	int status, error;

	status = cli_parse(cli, "key generate NAME [--comment TEXT]",
	                   "Make an Ed25519 key pair for signing notices: "
	                   "NAME.sec (mode 0600, never\nprinted) and "
	                   "NAME.pub, in signify's format (signify -G -n "
	                   "makes the\nsame).  Existing files are never "
	                   "overwritten.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	text = cli_opt(&args, opts, "comment");
	if (text == NULL) {
		snprintf(comment, sizeof(comment), "tplc %s", args.items[0]);
		text = comment;
	}
	error = tplc_key_files_write(args.items[0], text, &pub, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (cli->json) {
		struct tplx_jsonw w;

		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "key_id", pub.id);
		tplx_jsonw_kstring(&w, "name", args.items[0]);
		tplx_jsonw_object_end(&w);
	} else {
		printf("key %s: %s.sec (secret, keep it safe), %s.pub\n",
		       pub.id, args.items[0], args.items[0]);
	}
	return EXIT_OK;
}

static int key_trust(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "manufacturer", "NAME", "whose notices the key signs" },
		{ "by", "WHO", "who decided to trust it" },
		{ NULL, NULL, NULL },
	};
	char comment[TPLC_KEY_COMMENT_MAX];
	struct tplc_store *store;
	struct tplc_pubkey pub;
	struct cli_args args;
	const char *manufacturer, *by;
	int status, error;

	status = cli_parse(cli,
	                   "key trust FILE.pub --manufacturer NAME --by WHO",
	                   "Accept notices signed by this public key as the "
	                   "manufacturer's.  Check\nthe key id with the "
	                   "manufacturer over another channel first.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	manufacturer = cli_opt(&args, opts, "manufacturer");
	by = cli_opt(&args, opts, "by");
	if (manufacturer == NULL || by == NULL)
		return cli_die(EXIT_USAGE,
		               "--manufacturer and --by are required");
	error = tplc_pubkey_load(&pub, args.items[0], comment, sizeof(comment),
	                         &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_key_trust(store, &pub, manufacturer, comment, by,
	                             &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "trusted key %s for notices from %s", pub.id,
	         manufacturer);
	return EXIT_OK;
}

struct key_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
};

static int key_row(const struct tplc_key_row *r, void *data)
{
	struct key_out *out = data;

	if (out->cli->json) {
		tplx_jsonw_object_begin(&out->w);
		tplx_jsonw_kstring(&out->w, "key_id", r->key_id);
		tplx_jsonw_kstring(&out->w, "manufacturer", r->manufacturer);
		tplx_jsonw_kstring(&out->w, "public_key", r->public_key);
		tplx_jsonw_kstring(&out->w, "comment", r->comment);
		tplx_jsonw_kstring(&out->w, "added_by", r->added_by);
		tplx_jsonw_kstring(&out->w, "added_at", r->added_at);
		tplx_jsonw_object_end(&out->w);
	} else {
		const char *cells[] = { r->key_id, r->manufacturer, r->added_by,
			                r->added_at,
			                r->comment ? r->comment : "" };
		table_row(&out->t, cells);
	}
	return 0;
}

static int key_list(struct cli *cli, int argc, char **argv)
{
	static const char *const header[] = {
		"KEY ID", "MANUFACTURER", "ADDED BY", "ADDED AT", "COMMENT",
	};
	struct tplc_store *store;
	struct cli_args args;
	struct key_out out;
	int status, error;

	status = cli_parse(cli, "key list",
	                   "The public keys trusted for manufacturers' "
	                   "notices.",
	                   no_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&out, 0, sizeof(out));
	out.cli = cli;
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 5, header);
	table_limit(&out.t, 4, 40);
	if (cli->json)
		tplx_jsonw_array_begin(&out.w);
	error = tplc_store_keys(store, key_row, &out, &cli->err);
	if (cli->json)
		tplx_jsonw_array_end(&out.w);
	else if (error == 0)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int key_forget(struct cli *cli, int argc, char **argv)
{
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "key forget KEY-ID",
	                   "Stop trusting a key.  Notices it signed stay "
	                   "recorded.",
	                   no_opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_key_forget(store, args.items[0], &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "forgot key %s", args.items[0]);
	return EXIT_OK;
}

int cmd_key(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "generate", key_generate, "make a signing key pair" },
		{ "trust", key_trust, "trust a manufacturer's public key" },
		{ "list", key_list, "the trusted keys" },
		{ "forget", key_forget, "stop trusting a key" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "key", cmds, argc, argv);
}

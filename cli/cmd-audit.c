/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc audit list|verify|head|export: the hash-chained log of every
 * decision, approval, review, import and notice (tplc/audit.h).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "tplc/audit.h"
#include "util/json.h"
#include "util/jsonw.h"

static const struct cli_option no_opts[] = {
	{ NULL, NULL, NULL },
};

struct audit_out {
	struct cli *cli;
	struct tplx_jsonw w;
	struct table t;
	const char *action; /* only entries of this action (prefix "x." too) */
	size_t limit, shown;
};

static bool action_matches(const char *want, const char *action)
{
	size_t n;

	if (want == NULL)
		return true;
	n = strlen(want);
	/* "accept" names the area: accept.request, accept.approve, ... */
	return strcmp(want, action) == 0 ||
	       (strncmp(want, action, n) == 0 && action[n] == '.');
}

/* The detail as the object it is; as a string if it was mangled. */
static void write_detail(struct tplx_jsonw *w, const char *detail)
{
	struct tplx_json_doc *doc = NULL;
	struct tplc_error err = { 0 };
	const struct tplx_json *root;
	size_t i;

	tplx_jsonw_key(w, "detail");
	if (detail == NULL) {
		tplx_jsonw_null(w);
		return;
	}
	if (tplx_json_parse(&doc, detail, strlen(detail), "detail", &err) < 0 ||
	    doc->root->type != TPLX_JSON_OBJECT) {
		tplx_jsonw_string(w, detail);
		tplx_json_doc_free(doc);
		return;
	}
	root = doc->root;
	tplx_jsonw_object_begin(w);
	for (i = 0; i < root->u.object.count; i++) {
		const struct tplx_json_member *m = &root->u.object.members[i];

		tplx_jsonw_kstring(w, m->key,
		                   m->value->type == TPLX_JSON_STRING
		                           ? m->value->u.string.ptr
		                           : NULL);
	}
	tplx_jsonw_object_end(w);
	tplx_json_doc_free(doc);
}

static void write_entry(struct tplx_jsonw *w, const struct tplc_audit_entry *e)
{
	tplx_jsonw_object_begin(w);
	tplx_jsonw_kint(w, "seq", e->seq);
	tplx_jsonw_kstring(w, "at", e->at);
	tplx_jsonw_kstring(w, "actor", e->actor);
	tplx_jsonw_kstring(w, "action", e->action);
	tplx_jsonw_kstring(w, "subject", e->subject);
	write_detail(w, e->detail);
	tplx_jsonw_kstring(w, "prev", e->prev);
	tplx_jsonw_kstring(w, "hash", e->hash);
	tplx_jsonw_object_end(w);
}

static int entry_out(const struct tplc_audit_entry *e, void *data)
{
	struct audit_out *out = data;
	char seq[24];

	if (!action_matches(out->action, e->action))
		return 0;
	if (out->limit > 0 && out->shown == out->limit)
		return 1; /* enough */
	out->shown++;
	if (out->cli->json) {
		write_entry(&out->w, e);
		return 0;
	}
	snprintf(seq, sizeof(seq), "%lld", e->seq);
	{
		const char *cells[] = { seq, e->at, e->actor, e->action,
			                e->subject };
		table_row(&out->t, cells);
	}
	return 0;
}

static int audit_walk(struct cli *cli, const char *usage, const char *about,
                      bool export, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "from", "SEQ", "from entry SEQ on (default: the first)" },
		{ "action", "NAME",
		  "only this action, or area (accept, finding, docs...)" },
		{ "limit", "N", "at most N entries" },
		{ NULL, NULL, NULL },
	};
	static const char *const header[] = { "SEQ", "AT", "ACTOR", "ACTION",
		                              "SUBJECT" };
	struct audit_out out = { 0 };
	struct tplc_store *store;
	struct cli_args args;
	size_t from = 1;
	int status, error;

	status = cli_parse(cli, usage, about, opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	if (cli_opt_count(&args, opts, "from", &from) != 0 ||
	    cli_opt_count(&args, opts, "limit", &out.limit) != 0)
		return EXIT_USAGE;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	out.cli = cli;
	out.action = cli_opt(&args, opts, "action");
	if (export)
		cli->json = true; /* export is JSON lines, always */
	tplx_jsonw_init(&out.w, stdout, false);
	table_init(&out.t, 5, header);
	table_limit(&out.t, 4, 60);
	error = tplc_store_audit_each(store, (long long)from, entry_out, &out,
	                              &cli->err);
	if (error >= 0 && !cli->json)
		table_print(&out.t, stdout);
	table_release(&out.t);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int audit_list(struct cli *cli, int argc, char **argv)
{
	return audit_walk(cli,
	                  "audit list [--from SEQ] [--action NAME] [--limit N]",
	                  "The audit trail, oldest first: who did what, when.",
	                  false, argc, argv);
}

static int audit_export(struct cli *cli, int argc, char **argv)
{
	return audit_walk(
	        cli, "audit export [--from SEQ] [--action NAME] [--limit N]",
	        "The audit trail as JSON lines (seq, at, actor, action, "
	        "subject, detail,\nprev, hash), for a SIEM or an archive: "
	        "each line's hash chains to the\nline before, as `audit "
	        "verify` checks.",
	        true, argc, argv);
}

static int audit_head(struct cli *cli, int argc, char **argv)
{
	char hash[TPLC_AUDIT_HASH_HEX];
	struct tplc_store *store;
	struct cli_args args;
	long long seq;
	int status, error;

	status = cli_parse(cli, "audit head",
	                   "The last entry's number and hash, SEQ:HASH.  Keep "
	                   "it somewhere else (a ticket,\na log server): "
	                   "`audit verify --anchor SEQ:HASH` later proves "
	                   "the log up to it\nwas not rewritten.",
	                   no_opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_audit_head(store, &seq, hash, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (cli->json) {
		struct tplx_jsonw w;

		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kint(&w, "seq", seq);
		tplx_jsonw_kstring(&w, "hash", hash);
		tplx_jsonw_object_end(&w);
	} else {
		printf("%lld:%s\n", seq, hash);
	}
	return EXIT_OK;
}

static int audit_verify(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "anchor", "SEQ:HASH",
		  "an earlier `audit head`: the log must still pass "
		  "through it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_audit_verdict v;
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "audit verify [--anchor SEQ:HASH]",
	                   "Recompute every entry's hash and check each links "
	                   "to the one before.\nExit 1 when an entry was "
	                   "edited, removed, inserted or reordered.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_audit_verify(store, cli_opt(&args, opts, "anchor"),
	                                &v, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (cli->json) {
		struct tplx_jsonw w;

		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kbool(&w, "ok", v.ok);
		tplx_jsonw_kint(&w, "entries", v.entries);
		if (!v.ok) {
			tplx_jsonw_kint(&w, "bad_seq", v.bad_seq);
			tplx_jsonw_kstring(&w, "reason", v.reason);
		}
		tplx_jsonw_object_end(&w);
	} else if (v.ok) {
		printf("audit trail intact: %lld entries\n", v.entries);
	} else {
		printf("audit trail BROKEN at entry %lld: %s\n", v.bad_seq,
		       v.reason);
	}
	return v.ok ? EXIT_OK : 1;
}

int cmd_audit(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "list", audit_list, "who did what, when" },
		{ "verify", audit_verify, "check the hash chain" },
		{ "head", audit_head, "the last entry's SEQ:HASH, to keep" },
		{ "export", audit_export, "the log as JSON lines" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "audit", cmds, argc, argv);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* tplc feed import KIND PATH...: advisories from files or folders. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tplc/advisory.h"
#include "util/alloc.h"
#include "util/file.h"
#include "util/jsonw.h"
#include "util/str.h"

struct feed_kind {
	const char *name;
	const char *suffix; /* files taken from a folder */
	const char *about;
};

static const struct feed_kind kinds[] = {
	{ "kev", NULL, "CISA Known Exploited Vulnerabilities (JSON or CSV)" },
	{ "csaf", ".json", "CSAF 2.0 advisories (CISA ICSMA, vendor PSIRTs)" },
	{ "osv", ".json", "OSV records (GHSA, PyPI, npm, ...)" },
	{ "nvd", ".json", "NVD CVE API 2.0 pages" },
	{ "cve", ".json", "CVE JSON 5 records (cve.org, cvelistV5)" },
	{ "vex", ".json", "CycloneDX VEX or OpenVEX" },
	{ "epss", NULL, "FIRST EPSS scores (CSV, plain or .gz)" },
};

struct feed_totals {
	size_t files, advisories, vulns, affected, not_understood;
};

static const struct feed_kind *find_kind(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

struct record_import {
	struct tplc_advisory_import *im;
	size_t not_understood; /* ranges kept as text only */
};

static int import_record(struct tplc_advisory *adv, void *data)
{
	struct record_import *r = data;
	size_t i;

	for (i = 0; i < adv->affected_count; i++)
		if (adv->affected[i].range == NULL &&
		    adv->affected[i].range_text != NULL)
			r->not_understood++;
	return tplc_store_advisory_import_give(r->im, adv);
}

static int import_one(struct cli *cli, struct tplc_store *store,
                      const struct feed_kind *kind, const char *path,
                      struct feed_totals *totals)
{
	struct record_import r = { NULL, 0 };
	struct tplc_import_stats stats;
	char *data = NULL;
	size_t len;
	int error;

	error = tplx_file_read(&data, &len, path, TPLX_FILE_MAX, &cli->err);
	if (error == 0)
		error = tplc_store_advisory_import_begin(&r.im, store, path,
		                                         &stats, &cli->err);
	if (error == 0)
		error = tplc_advisory_each(kind->name, data, len, path,
		                           import_record, &r, &cli->err);
	if (r.im != NULL)
		error = tplc_store_advisory_import_end(r.im, error);
	if (error == 0) {
		totals->files++;
		totals->advisories += stats.added;
		totals->vulns += stats.vulns;
		totals->affected += stats.affected;
		totals->not_understood += r.not_understood;
	}
	tplx_free(data);
	return error;
}

static int import_path(struct cli *cli, struct tplc_store *store,
                       const struct feed_kind *kind, const char *path,
                       struct feed_totals *totals)
{
	char **files = NULL;
	size_t count = 0, i;
	int progress = !cli->quiet && isatty(STDERR_FILENO);
	int error;

	if (!tplx_file_is_dir(path))
		return import_one(cli, store, kind, path, totals);
	error = tplx_file_list(&files, &count, path, kind->suffix, &cli->err);
	for (i = 0; error == 0 && i < count; i++) {
		if (kind->suffix == NULL &&
		    !tplx_ends_with(files[i], ".json") &&
		    !tplx_ends_with(files[i], ".csv") &&
		    !tplx_ends_with(files[i], ".csv.gz"))
			continue;
		error = import_one(cli, store, kind, files[i], totals);
		if (progress && (i % 50 == 0 || i + 1 == count))
			fprintf(stderr, "\r%s: %zu/%zu files", path, i + 1,
			        count);
	}
	if (progress && count > 0)
		fputc('\n', stderr);
	tplx_file_list_free(files, count);
	return error;
}

int cli_feed_import_file(struct cli *cli, struct tplc_store *store,
                         const char *kind_name, const char *path,
                         size_t *advisories, size_t *vulns)
{
	const struct feed_kind *kind = find_kind(kind_name);
	struct feed_totals totals;
	int error;

	if (kind == NULL)
		return tplc_error_set(&cli->err, TPLC_EUNSUPPORTED,
		                      "%s: 'feed import %s' is not available "
		                      "yet (sync with --no-import)",
		                      path, kind_name);
	memset(&totals, 0, sizeof(totals));
	error = import_one(cli, store, kind, path, &totals);
	*advisories = totals.advisories;
	*vulns = totals.vulns;
	return error;
}

#define KIND_COUNT (sizeof(kinds) / sizeof(kinds[0]))

/* "kev|csaf|..." and one line per kind, from the table, for --help. */
static void describe_kinds(char *names, size_t names_size, char *about,
                           size_t about_size)
{
	size_t i, n = 0, a = 0;

	names[0] = about[0] = '\0';
	for (i = 0; i < KIND_COUNT; i++) {
		int w = snprintf(names + n, names_size - n, "%s%s",
		                 i ? "|" : "", kinds[i].name);
		int v = snprintf(about + a, about_size - a, "\n  %-5s %s",
		                 kinds[i].name, kinds[i].about);

		if (w > 0 && (size_t)w < names_size - n)
			n += (size_t)w;
		if (v > 0 && (size_t)v < about_size - a)
			a += (size_t)v;
	}
}

static int feed_import(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	char names[128], about[1024], usage[192], help[1280];
	const struct feed_kind *kind;
	struct feed_totals totals;
	struct tplc_store *store;
	struct cli_args args;
	struct tplx_jsonw w;
	int status, error, i;

	describe_kinds(names, sizeof(names), about, sizeof(about));
	snprintf(usage, sizeof(usage), "feed import %s PATH...", names);
	snprintf(help, sizeof(help),
	         "Import advisories from files or folders (read "
	         "recursively).%s\nEverything named is one transaction: any "
	         "error imports nothing.",
	         about);
	status = cli_parse(cli, usage, help, opts, 2, -1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	kind = find_kind(args.items[0]);
	if (kind == NULL)
		return cli_die(EXIT_USAGE, "unknown feed '%s': %s",
		               args.items[0], names);
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	memset(&totals, 0, sizeof(totals));
	error = tplc_store_begin(store, &cli->err);
	for (i = 1; error == 0 && i < args.count; i++)
		error = import_path(cli, store, kind, args.items[i], &totals);
	if (error == 0)
		error = tplc_store_commit(store, &cli->err);
	if (error < 0) {
		tplc_store_rollback(store);
		return cli_fail(cli, error);
	}
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "feed", kind->name);
		tplx_jsonw_kint(&w, "files", (long long)totals.files);
		tplx_jsonw_kint(&w, "vulnerabilities", (long long)totals.vulns);
		tplx_jsonw_kint(&w, "affected", (long long)totals.affected);
		tplx_jsonw_kint(&w, "ranges_not_understood",
		                (long long)totals.not_understood);
		tplx_jsonw_object_end(&w);
	} else {
		printf("%s: %zu files, %zu vulnerabilities, %zu affected "
		       "product statements\n",
		       kind->name, totals.files, totals.vulns, totals.affected);
		if (totals.not_understood > 0)
			printf("%s: %zu version ranges kept as text, not "
			       "understood: review them by hand\n",
			       kind->name, totals.not_understood);
	}
	return EXIT_OK;
}

int cmd_feed(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", feed_import, "import advisory files or folders" },
		{ "sync", cmd_feed_sync, "download feeds and import them" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "feed", cmds, argc, argv);
}

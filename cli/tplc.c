/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc: the command table and the global options.
 *
 *   tplc [--db PATH] [--json] [--quiet] <command> [<args>]
 *
 * Adding a command: one cmd-<name>.c with cmd_<name>(), one row below.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tplc/tplc.h"

static const struct cli_cmd commands[] = {
	{ "init", cmd_init, "create or upgrade the database" },
	{ "device", cmd_device, "import, list and show the fleet's devices" },
	{ "sbom", cmd_sbom, "attach manufacturers' SBOMs to products" },
	{ "feed", cmd_feed, "import or sync advisory feeds" },
	{ "scan", cmd_scan, "match the fleet against the advisories" },
	{ "match", cmd_match, "which vulnerabilities hit a purl or CPE" },
	{ "findings", cmd_findings,
	  "list what is vulnerable, what to fix first" },
	{ "summary", cmd_summary, "the fleet at a glance" },
	{ "purl", cmd_purl, "check a package URL, show its parts" },
	{ "cpe", cmd_cpe, "check a CPE name, show both bindings" },
	{ "cvss", cmd_cvss, "score CVSS v2, v3 and v4 vectors" },
	{ "rubric", cmd_rubric, "the medical-device CVSS rubric" },
	{ "version", cmd_version, "compare versions, test vers ranges" },
	{ "vex", cmd_vex, "import and export VEX statements" },
	{ "postmarket", cmd_postmarket,
	  "risk decisions and FDA 30/60-day clocks" },
	{ "lifecycle", cmd_lifecycle,
	  "stages, milestones, notices, reviews, timeline" },
	{ "raci", cmd_raci, "who is responsible for each security task" },
	{ "key", cmd_key, "signing keys and trusted manufacturer keys" },
	{ "audit", cmd_audit, "the tamper-evident audit trail" },
	{ "accept", cmd_accept, "risk acceptance with approvals and expiry" },
	{ "mds2", cmd_mds2, "MDS2 security forms: import, check, diff" },
	{ "alerts", cmd_alerts, "send alerts to a SIEM, list stored ones" },
	{ "docs", cmd_docs, "signed documentation transfer and receipts" },
	{ "watch", cmd_watch, "devices, DICOM, HL7 and alerts on the wire" },
	{ "discover", cmd_discover, "hosts on the wire no device matches" },
	{ "mud", cmd_mud, "MUD profiles: import, bind, rules, check, nft" },
	{ NULL, NULL, NULL },
};

static void usage(FILE *fp)
{
	const struct cli_cmd *c;

	fprintf(fp, "usage: tplc [--db PATH] [--json] [--quiet] <command> "
	            "[<args>]\n\n"
	            "tplc keeps medical devices secure across their total "
	            "product life cycle.\n\ncommands:\n");
	for (c = commands; c->name != NULL; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fprintf(fp, "  %-10s %s\n", "help", "help on a command");
	fprintf(fp,
	        "\nThe database is --db PATH, else $TPLC_DB, else ./tplc.db.\n"
	        "'tplc <command> --help' tells more.\n");
}

/* Who acts, for the audit trail of commands that take no --by:
 * $TPLC_ACTOR, else the login name. */
static void set_actor(struct tplc_ctx *ctx)
{
	const char *actor = getenv("TPLC_ACTOR");
	struct passwd *pw;

	if (actor == NULL || actor[0] == '\0') {
		pw = getpwuid(geteuid());
		actor = pw != NULL ? pw->pw_name : NULL;
	}
	tplc_ctx_set_actor(ctx, actor);
}

static const struct cli_cmd *find_command(const char *name)
{
	const struct cli_cmd *c;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static int run(struct cli *cli, int argc, char **argv)
{
	const struct cli_cmd *cmd;
	char *help_argv[3];

	if (strcmp(argv[0], "version") == 0 && argc == 1) {
		printf("tplc %s\n", tplc_version());
		return EXIT_OK;
	}
	if (strcmp(argv[0], "help") == 0) {
		if (argc < 2) {
			usage(stdout);
			return EXIT_OK;
		}
		cmd = find_command(argv[1]);
		if (cmd == NULL)
			return cli_die(EXIT_USAGE, "'%s' is not a tplc command",
			               argv[1]);
		help_argv[0] = argv[1];
		help_argv[1] = (char *)"--help";
		help_argv[2] = NULL;
		return cmd->run(cli, 2, help_argv);
	}
	cmd = find_command(argv[0]);
	if (cmd == NULL) {
		cli_die(EXIT_USAGE,
		        "'%s' is not a tplc command; see 'tplc "
		        "help'",
		        argv[0]);
		return EXIT_USAGE;
	}
	return cmd->run(cli, argc, argv);
}

int main(int argc, char **argv)
{
	struct cli cli;
	const char *now;
	int i, status;

	memset(&cli, 0, sizeof(cli));
	/*
	 * libarchive turns each zip entry's DOS time into a time_t with
	 * mktime(), and glibc stats /etc/localtime on every call while TZ
	 * is unset: OSV's all.zip has hundreds of thousands of entries.
	 * This TZ names the same zone, read once.
	 */
	setenv("TZ", ":/etc/localtime", 0);
	cli.db_path = getenv("TPLC_DB");
	if (cli.db_path == NULL || cli.db_path[0] == '\0')
		cli.db_path = "tplc.db";

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli.db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli.db_path = argv[i] + 5;
		} else if (strcmp(argv[i], "--json") == 0) {
			cli.json = true;
		} else if (strcmp(argv[i], "--quiet") == 0) {
			cli.quiet = true;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("tplc %s\n", tplc_version());
			return EXIT_OK;
		} else if (strcmp(argv[i], "--help") == 0 ||
		           strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else {
			cli_die(EXIT_USAGE, "unknown option '%s'", argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i == argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (tplc_ctx_new(&cli.ctx) < 0)
		return cli_die(EXIT_SOFTWARE, "out of memory");
	set_actor(cli.ctx);
	/* Tests and what-if runs fix the clock. */
	now = getenv("TPLC_NOW");
	if (now != NULL && now[0] != '\0' &&
	    tplc_ctx_set_now(cli.ctx, now, &cli.err) < 0) {
		status = cli_fail(&cli, TPLC_EINVAL);
		tplc_ctx_free(cli.ctx);
		return status;
	}

	status = run(&cli, argc - i, argv + i);

	tplc_store_close(cli.store);
	tplc_ctx_free(cli.ctx);
	/* a full disk or closed pipe must not look like success */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (status == EXIT_OK)
			status = cli_die(EXIT_IOERR,
			                 "cannot write to standard output");
	}
	return status;
}

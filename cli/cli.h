/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_CLI_H
#define TPLC_CLI_H

/*
 * The tplc command-line tool: a command table (tplc.c), one file per
 * command (cmd-<name>.c), and the helpers they share (cli.c).  Commands
 * parse arguments, call libtplc and print; they hold no logic of their
 * own.
 */

#include <stdbool.h>

#include "tplc/ctx.h"
#include "tplc/error.h"
#include "tplc/store.h"

/* sysexits(3) */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_USAGE = 64,
	EXIT_DATAERR = 65,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,
	EXIT_IOERR = 74,
};

struct cli {
	const char *db_path;
	bool json;  /* machine output */
	bool quiet; /* no progress or notes on stderr */
	struct tplc_ctx *ctx;
	struct tplc_store *store; /* opened on first use */
	struct tplc_error err;
};

struct cli_cmd {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary;
};

/* Options of one command; the same table drives parsing and --help. */
struct cli_option {
	const char *name; /* long name without "--" */
	const char *arg;  /* argument name, NULL for a flag */
	const char *help;
};

#define CLI_OPTIONS_MAX 16

struct cli_args {
	int count;                          /* positional arguments */
	char **items;                       /* borrowed from argv */
	const char *value[CLI_OPTIONS_MAX]; /* by index in the option table */
	bool set[CLI_OPTIONS_MAX];
};

/* Returned by cli_parse when the command should go on. */
#define CLI_CONTINUE (-1)

/*
 * Parse argv (argv[0] is the command's name) against opts, a table ended
 * by a zero entry.  --json, --quiet and --help are understood by every
 * command.  min/max bound the positional arguments (max < 0: any).
 * Returns CLI_CONTINUE, or the status the command exits with: EXIT_OK
 * after printing --help, EXIT_USAGE after printing what was wrong.
 */
int cli_parse(struct cli *cli, const char *usage, const char *about,
              const struct cli_option *opts, int min, int max, int argc,
              char **argv, struct cli_args *out);
/* The value of option name, or NULL. */
const char *cli_opt(const struct cli_args *args, const struct cli_option *opts,
                    const char *name);
bool cli_flag(const struct cli_args *args, const struct cli_option *opts,
              const char *name);
/* A non-negative count option ("--limit 10"); EXIT_USAGE when bad. */
int cli_opt_count(const struct cli_args *args, const struct cli_option *opts,
                  const char *name, size_t *out);

/* Run the subcommand argv[1] of a command group ("device import"). */
int cli_dispatch(struct cli *cli, const char *group, const struct cli_cmd *cmds,
                 int argc, char **argv);

/* Open the store (creating it) once; prints the error on failure. */
int cli_store(struct cli *cli, struct tplc_store **out);

/*
 * Write len bytes of text to path (NULL: standard output, with a newline
 * after); EXIT_IOERR after saying so when that fails.
 */
int cli_write_file(const char *path, const char *text, size_t len);

/* Print the library error GNU style and return its exit code. */
int cli_fail(struct cli *cli, int code);
/* Print "tplc: <message>" and return code. */
int cli_die(int code, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* A note on stderr unless --quiet. */
void cli_note(struct cli *cli, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
int cli_exit_code(int tplc_code);

/* The commands (cmd-*.c). */
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_device(struct cli *cli, int argc, char **argv);
int cmd_sbom(struct cli *cli, int argc, char **argv);
int cmd_feed(struct cli *cli, int argc, char **argv);
int cmd_feed_sync(struct cli *cli, int argc, char **argv);
/* Import one feed file (cmd-feed.c) inside the caller's transaction. */
int cli_feed_import_file(struct cli *cli, struct tplc_store *store,
                         const char *kind_name, const char *path,
                         size_t *advisories, size_t *vulns);
int cmd_scan(struct cli *cli, int argc, char **argv);
int cmd_match(struct cli *cli, int argc, char **argv);
int cmd_findings(struct cli *cli, int argc, char **argv);
int cmd_findings_explain(struct cli *cli, int argc, char **argv);
/* triage (cmd-triage.c) */
int cmd_findings_set(struct cli *cli, int argc, char **argv);
int cmd_findings_history(struct cli *cli, int argc, char **argv);
int cmd_summary(struct cli *cli, int argc, char **argv);
int cmd_purl(struct cli *cli, int argc, char **argv);
int cmd_cpe(struct cli *cli, int argc, char **argv);
int cmd_cvss(struct cli *cli, int argc, char **argv);
int cmd_rubric(struct cli *cli, int argc, char **argv);
int cmd_version(struct cli *cli, int argc, char **argv);
int cmd_vex(struct cli *cli, int argc, char **argv);
int cmd_postmarket(struct cli *cli, int argc, char **argv);
int cmd_lifecycle(struct cli *cli, int argc, char **argv);
int cmd_raci(struct cli *cli, int argc, char **argv);
/* lifecycle reviews (cmd-review.c) */
int cmd_lifecycle_due(struct cli *cli, int argc, char **argv);
int cmd_lifecycle_review(struct cli *cli, int argc, char **argv);
int cmd_lifecycle_reviews(struct cli *cli, int argc, char **argv);
int cmd_lifecycle_checklist(struct cli *cli, int argc, char **argv);
/* the timeline (cmd-timeline.c) */
int cmd_lifecycle_timeline(struct cli *cli, int argc, char **argv);
/* notices (cmd-notice.c) and keys (cmd-key.c) */
int cmd_lifecycle_notice(struct cli *cli, int argc, char **argv);
int cmd_lifecycle_import(struct cli *cli, int argc, char **argv);
int cmd_lifecycle_notices(struct cli *cli, int argc, char **argv);
int cmd_key(struct cli *cli, int argc, char **argv);
/* the audit trail (cmd-audit.c) */
int cmd_audit(struct cli *cli, int argc, char **argv);
/* documentation transfer (cmd-docs.c) */
int cmd_docs(struct cli *cli, int argc, char **argv);
/* risk acceptance (cmd-accept.c) */
int cmd_accept(struct cli *cli, int argc, char **argv);
/* MDS2 forms (cmd-mds2.c) */
int cmd_mds2(struct cli *cli, int argc, char **argv);
/* alerts to a SIEM, and the stored ones (cmd-alerts.c) */
int cmd_alerts(struct cli *cli, int argc, char **argv);
/* tplc watch, tplc discover (cmd-watch.c, watch-live.c, cmd-discover.c) */
int cmd_watch(struct cli *cli, int argc, char **argv);
int cmd_discover(struct cli *cli, int argc, char **argv);
/* MUD profiles (cmd-mud.c) */
int cmd_mud(struct cli *cli, int argc, char **argv);

#endif

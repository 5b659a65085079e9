/* SPDX-License-Identifier: Apache-2.0 */
/* What every command shares: option parsing, errors, the store. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_exit_code(int code)
{
	switch (code) {
	case TPLC_OK:
		return EXIT_OK;
	case TPLC_EINVAL:
		return EXIT_USAGE;
	case TPLC_EPARSE:
	case TPLC_ELIMIT:
	case TPLC_EUNSUPPORTED:
	case TPLC_EEXISTS:
		return EXIT_DATAERR;
	case TPLC_ENOINPUT:
	case TPLC_ENOTFOUND:
		return EXIT_NOINPUT;
	case TPLC_EIO:
	case TPLC_ESTORE:
		return EXIT_IOERR;
	default:
		return EXIT_SOFTWARE;
	}
}

int cli_fail(struct cli *cli, int code)
{
	char msg[TPLC_ERROR_MESSAGE_MAX + TPLC_ERROR_FILE_MAX +
	         TPLC_ERROR_PATH_MAX + 64];

	if (cli->err.code == 0)
		cli->err.code = code;
	fprintf(stderr, "tplc: %s\n",
	        tplc_error_format(&cli->err, msg, sizeof(msg)));
	return cli_exit_code(code);
}

int cli_die(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("tplc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

void cli_note(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	if (cli->quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void print_help(const char *usage, const char *about,
                       const struct cli_option *opts)
{
	const struct cli_option *o;

	printf("usage: tplc %s\n", usage);
	if (about != NULL)
		printf("\n%s\n", about);
	printf("\noptions:\n");
	for (o = opts; o != NULL && o->name != NULL; o++) {
		char left[64];

		snprintf(left, sizeof(left), "--%s%s%s", o->name,
		         o->arg ? " " : "", o->arg ? o->arg : "");
		printf("  %-24s %s\n", left, o->help);
	}
	printf("  %-24s %s\n", "--json", "machine-readable output");
	printf("  %-24s %s\n", "--quiet", "no notes on stderr");
	printf("  %-24s %s\n", "--help", "show this help");
}

__attribute__((format(printf, 2, 3))) static int
usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	fputs("tplc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: tplc %s\n", usage);
	return EXIT_USAGE;
}

int cli_parse(struct cli *cli, const char *usage, const char *about,
              const struct cli_option *opts, int min, int max, int argc,
              char **argv, struct cli_args *out)
{
	int i, n;

	memset(out, 0, sizeof(*out));
	/* a table longer than the parsed slots is a programming error */
	for (n = 0; opts != NULL && opts[n].name != NULL; n++)
		if (n >= CLI_OPTIONS_MAX) {
			fprintf(stderr,
			        "tplc: internal error: more than %d "
			        "options\n",
			        CLI_OPTIONS_MAX);
			return EXIT_SOFTWARE;
		}
	/* positional arguments are moved to the front of argv, in order */
	out->items = argv + 1;
	for (i = 1; i < argc; i++) {
		char *arg = argv[i], *eq;
		const struct cli_option *o;

		if (strcmp(arg, "--") == 0) {
			while (++i < argc)
				out->items[out->count++] = argv[i];
			break;
		}
		if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
			out->items[out->count++] = arg;
			continue;
		}
		arg += 2;
		if (strcmp(arg, "help") == 0) {
			print_help(usage, about, opts);
			return EXIT_OK;
		}
		if (strcmp(arg, "json") == 0) {
			cli->json = true;
			continue;
		}
		if (strcmp(arg, "quiet") == 0) {
			cli->quiet = true;
			continue;
		}
		eq = strchr(arg, '=');
		for (o = opts, n = 0; o != NULL && o->name != NULL; o++, n++) {
			size_t len = eq ? (size_t)(eq - arg) : strlen(arg);

			if (strlen(o->name) == len &&
			    strncmp(o->name, arg, len) == 0)
				break;
		}
		if (o == NULL || o->name == NULL)
			return usage_error(usage, "unknown option '%s'",
			                   argv[i]);
		if (o->arg == NULL) {
			if (eq != NULL)
				return usage_error(usage,
				                   "option '--%s' takes no "
				                   "value",
				                   o->name);
			out->set[n] = true;
		} else if (eq != NULL) {
			out->value[n] = eq + 1;
			out->set[n] = true;
		} else if (i + 1 < argc) {
			out->value[n] = argv[++i];
			out->set[n] = true;
		} else {
			return usage_error(usage, "option '--%s' needs a value",
			                   o->name);
		}
	}
	if (out->count < min)
		return usage_error(usage, "missing argument");
	if (max >= 0 && out->count > max)
		return usage_error(usage, "unexpected argument '%s'",
		                   out->items[max]);
	return CLI_CONTINUE;
}

static int option_index(const struct cli_option *opts, const char *name)
{
	int n;

	for (n = 0; opts[n].name != NULL; n++)
		if (strcmp(opts[n].name, name) == 0)
			return n;
	return -1; /* a bug in the caller's table: never set */
}

const char *cli_opt(const struct cli_args *args, const struct cli_option *opts,
                    const char *name)
{
	int n = option_index(opts, name);

	return n < 0 ? NULL : args->value[n];
}

bool cli_flag(const struct cli_args *args, const struct cli_option *opts,
              const char *name)
{
	int n = option_index(opts, name);

	return n >= 0 && args->set[n];
}

int cli_opt_count(const struct cli_args *args, const struct cli_option *opts,
                  const char *name, size_t *out)
{
	const char *v = cli_opt(args, opts, name);
	unsigned long long n;
	char *end;

	if (v == NULL)
		return 0;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno != 0 || *end != '\0' || end == v || v[0] == '-')
		return cli_die(EXIT_USAGE, "--%s: '%s' is not a count", name,
		               v);
	*out = (size_t)n;
	return 0;
}

int cli_dispatch(struct cli *cli, const char *group, const struct cli_cmd *cmds,
                 int argc, char **argv)
{
	bool help = argc >= 2 && strcmp(argv[1], "--help") == 0;
	FILE *out = help ? stdout : stderr;
	const struct cli_cmd *c;

	if (argc >= 2 && !help) {
		for (c = cmds; c->name != NULL; c++)
			if (strcmp(c->name, argv[1]) == 0)
				return c->run(cli, argc - 1, argv + 1);
		fprintf(stderr, "tplc: '%s %s' is not a tplc command\n", group,
		        argv[1]);
	}
	fprintf(out, "usage: tplc %s <command> [options]\n\ncommands:\n",
	        group);
	for (c = cmds; c->name != NULL; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	return help ? EXIT_OK : EXIT_USAGE;
}

int cli_store(struct cli *cli, struct tplc_store **out)
{
	int error;

	if (cli->store == NULL) {
		error = tplc_store_open(&cli->store, cli->ctx, cli->db_path,
		                        &cli->err);
		if (error < 0) {
			*out = NULL;
			return cli_fail(cli, error);
		}
	}
	*out = cli->store;
	return 0;
}

int cli_write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = path != NULL ? fopen(path, "w") : stdout;

	if (fp == NULL || fwrite(text, 1, len, fp) != len) {
		if (fp != NULL && fp != stdout)
			fclose(fp);
		return cli_die(EXIT_IOERR, "%s: cannot write",
		               path != NULL ? path : "standard output");
	}
	if (fp == stdout)
		return fputc('\n', fp) == EOF ? EXIT_IOERR : 0;
	if (fclose(fp) != 0)
		return cli_die(EXIT_IOERR, "%s: cannot write", path);
	return 0;
}

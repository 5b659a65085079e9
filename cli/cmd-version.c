/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc version compare|in|native: the version engine from the shell.  Like
 * test(1), "in" answers with its exit status too: 0 inside, 1 outside.
 */
#include <stdio.h>

#include "cli.h"
#include "tplc/tplc.h"
#include "tplc/vers.h"
#include "tplc/version.h"
#include "util/jsonw.h"

static int version_compare(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "scheme", "S",
		  "semver, npm, deb, rpm, maven, pypi, ... "
		  "(default generic)" },
		{ NULL, NULL, NULL },
	};
	struct cli_args args;
	struct tplx_jsonw w;
	const char *scheme, *a, *b, *sign;
	int status, cmp = 0;

	status = cli_parse(cli, "version compare [--scheme S] A B",
	                   "Compare two versions by the rules of a scheme; "
	                   "print A <, = or > B.",
	                   opts, 2, 2, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	scheme = cli_opt(&args, opts, "scheme");
	if (scheme == NULL)
		scheme = "generic";
	a = args.items[0];
	b = args.items[1];
	if (tplc_version_compare(&cmp, scheme, a, b, &cli->err) < 0)
		return cli_fail(cli, cli->err.code);
	sign = cmp < 0 ? "<" : cmp > 0 ? ">" : "=";
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "scheme", scheme);
		tplx_jsonw_kstring(&w, "a", a);
		tplx_jsonw_kstring(&w, "b", b);
		tplx_jsonw_kint(&w, "order", cmp < 0 ? -1 : cmp > 0 ? 1 : 0);
		tplx_jsonw_kstring(&w, "relation", sign);
		tplx_jsonw_object_end(&w);
	} else {
		printf("%s %s %s\n", a, sign, b);
	}
	return EXIT_OK;
}

static int version_in(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct tplc_vers *range = NULL;
	struct cli_args args;
	struct tplx_jsonw w;
	bool inside = false;
	int status, error;

	status = cli_parse(cli, "version in RANGE VERSION",
	                   "Is VERSION inside the vers RANGE "
	                   "(vers:npm/>=1.0.0|<1.2.3)?\nExit status 0 when "
	                   "it is, 1 when it is not.",
	                   opts, 2, 2, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	error = tplc_vers_parse(&range, args.items[0], &cli->err);
	if (error == 0)
		error = tplc_vers_contains(&inside, range, args.items[1],
		                           &cli->err);
	tplc_vers_free(range);
	if (error < 0)
		return cli_fail(cli, error);
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "range", args.items[0]);
		tplx_jsonw_kstring(&w, "version", args.items[1]);
		tplx_jsonw_kbool(&w, "in", inside);
		tplx_jsonw_object_end(&w);
	} else {
		printf("%s is %sin %s\n", args.items[1], inside ? "" : "not ",
		       args.items[0]);
	}
	return inside ? EXIT_OK : 1;
}

static int version_native(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "scheme", "S",
		  "npm, pypi, gem, nuget, conan, nginx, openssl" },
		{ NULL, NULL, NULL },
	};
	struct cli_args args;
	struct tplx_jsonw w;
	const char *scheme;
	char *vers = NULL;
	int status;

	status = cli_parse(cli, "version native --scheme S RANGE",
	                   "Convert a range in an ecosystem's own notation "
	                   "(npm \"^1.2.3 || >=2\", pypi \">=1.0,<2\", "
	                   "nuget \"[1.0,2.0)\", ...) to a vers.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	if ((scheme = cli_opt(&args, opts, "scheme")) == NULL)
		return cli_die(EXIT_USAGE, "version native needs --scheme");
	if (tplc_vers_from_native(&vers, scheme, args.items[0], &cli->err) < 0)
		return cli_fail(cli, cli->err.code);
	if (cli->json) {
		tplx_jsonw_init(&w, stdout, false);
		tplx_jsonw_object_begin(&w);
		tplx_jsonw_kstring(&w, "scheme", scheme);
		tplx_jsonw_kstring(&w, "native", args.items[0]);
		tplx_jsonw_kstring(&w, "vers", vers);
		tplx_jsonw_object_end(&w);
	} else {
		printf("%s\n", vers);
	}
	tplc_free(vers);
	return EXIT_OK;
}

int cmd_version(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "compare", version_compare, "compare two versions" },
		{ "in", version_in, "is a version inside a vers range" },
		{ "native", version_native,
		  "convert a native range to a vers" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "version", cmds, argc, argv);
}

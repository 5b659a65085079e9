/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc vex import FILE...: CycloneDX VEX or OpenVEX (tplc feed import vex).
 * tplc vex export --format F [--product M/MODEL[@VERSION]]: the statements
 * the store holds for a manufacturer's products, as a VEX document.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tplc/advisory.h"
#include "tplc/store.h"
#include "tplc/vex.h"
#include "util/alloc.h"
#include "util/buf.h"

/* The longest --product argument. */
#define PRODUCT_ARG_MAX 1024

static int vex_import(struct cli *cli, int argc, char **argv)
{
	char **args = tplx_calloc((size_t)argc + 2, sizeof(*args));
	int i, status;

	if (args == NULL)
		return cli_die(EXIT_SOFTWARE, "out of memory");
	args[0] = (char *)"feed";
	args[1] = (char *)"import";
	args[2] = (char *)"vex";
	for (i = 1; i < argc; i++)
		args[i + 2] = argv[i];
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		args[2] = argv[1]; /* feed import's own help */
		status = cmd_feed(cli, 3, args);
	} else {
		status = cmd_feed(cli, argc + 2, args);
	}
	tplx_free(args);
	return status;
}

/* MANUFACTURER/MODEL[@VERSION], split in place. */
static int parse_product(char *arg, struct tplc_vex_scope *scope)
{
	char *slash = strchr(arg, '/'), *at;

	if (slash == NULL || slash == arg || slash[1] == '\0')
		return cli_die(EXIT_USAGE, "--product wants "
		                           "MANUFACTURER/MODEL[@VERSION]");
	*slash = '\0';
	at = strrchr(slash + 1, '@');
	if (at != NULL) {
		*at = '\0';
		scope->version = at[1] ? at + 1 : NULL;
	}
	scope->manufacturer = arg;
	scope->model = slash + 1;
	return 0;
}

/* A document id without blanks: "tplc-vex-Acme-Pump-2.4". */
static int document_id(struct tplx_buf *buf, const struct tplc_vex_scope *s)
{
	const char *parts[3] = { s->manufacturer, s->model, s->version };
	const char *p;
	size_t i;
	int error = tplx_buf_adds(buf, "tplc-vex");

	for (i = 0; i < 3 && parts[i] != NULL && error == 0; i++) {
		error = tplx_buf_addc(buf, '-');
		for (p = parts[i]; *p != '\0' && error == 0; p++)
			error = tplx_buf_addc(
			        buf, (*p >= 'a' && *p <= 'z') ||
			                             (*p >= 'A' && *p <= 'Z') ||
			                             (*p >= '0' && *p <= '9') ||
			                             *p == '.'
			                     ? *p
			                     : '-');
	}
	if (error == 0 && s->manufacturer == NULL)
		error = tplx_buf_adds(buf, "-all");
	return error;
}

static int vex_export(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "format", "FORMAT", "cyclonedx, openvex or csaf" },
		{ "product", "M/MODEL[@V]",
		  "one manufacturer's product (and version)" },
		{ NULL, NULL, NULL },
	};
	struct tplx_buf id = TPLX_BUF_INIT(PRODUCT_ARG_MAX * 2);
	struct tplx_buf title = TPLX_BUF_INIT(PRODUCT_ARG_MAX * 2);
	char product[PRODUCT_ARG_MAX];
	struct tplc_advisory *adv = NULL;
	struct tplc_vex_scope scope;
	struct tplc_store *store;
	struct cli_args args;
	const char *format, *arg;
	int status, error;

	status = cli_parse(cli,
	                   "vex export --format FORMAT [--product "
	                   "MANUFACTURER/MODEL[@VERSION]]",
	                   "Write the VEX statements the store holds, as "
	                   "CycloneDX VEX, OpenVEX or CSAF VEX on stdout:\n"
	                   "what imported VEX says of the products, and for "
	                   "each finding of the\nproduct versions in scope "
	                   "its VEX status (affected when none).",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	format = cli_opt(&args, opts, "format");
	if (format == NULL ||
	    (strcmp(format, "cyclonedx") != 0 &&
	     strcmp(format, "openvex") != 0 && strcmp(format, "csaf") != 0))
		return cli_die(EXIT_USAGE,
		               "--format wants cyclonedx, openvex or csaf");
	memset(&scope, 0, sizeof(scope));
	arg = cli_opt(&args, opts, "product");
	if (arg != NULL) {
		if (strlen(arg) >= sizeof(product))
			return cli_die(EXIT_USAGE, "--product is too long");
		memcpy(product, arg, strlen(arg) + 1);
		status = parse_product(product, &scope);
		if (status != 0)
			return status;
	}
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_vex_statements(store, &scope, &adv, &cli->err);
	if (error == 0 && (document_id(&id, &scope) != 0 ||
	                   tplx_buf_addf(&title, "VEX statements for %s%s%s",
	                                 scope.manufacturer ? scope.manufacturer
	                                                    : "all products",
	                                 scope.model ? " " : "",
	                                 scope.model ? scope.model : "") != 0))
		error = tplc_error_set(&cli->err, TPLC_ENOMEM, "out of memory");
	if (error == 0) {
		adv->id = tplx_buf_str(&id);
		adv->title = tplx_buf_str(&title);
		adv->publisher = scope.manufacturer;
		adv->modified = tplc_ctx_now(cli->ctx);
		error = tplc_vex_write(stdout, format, adv, &cli->err);
	}
	tplc_advisory_free(adv);
	tplx_buf_release(&id);
	tplx_buf_release(&title);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

int cmd_vex(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", vex_import,
		  "import CycloneDX VEX or OpenVEX (feed import vex)" },
		{ "export", vex_export,
		  "write the statements held, as CycloneDX, OpenVEX or CSAF" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "vex", cmds, argc, argv);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tplc mud import|show|bind|bindings|rules|check|nft: MUD profiles (RFC
 * 8520) per product, what their names mean at this site, the rules they
 * give each device, a flow checked against them, and nftables output.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tplc/mud.h"
#include "util/alloc.h"
#include "util/str.h"

static const struct cli_option rule_opts[] = {
	{ "dns", NULL,
	  "allow DNS (udp 53) from the device, as MUD managers "
	  "do" },
	{ "resolver", "IP", "only to this resolver (with --dns)" },
	{ NULL, NULL, NULL },
};

static int compile_opts(const struct cli_args *args,
                        const struct cli_option *opts,
                        struct tplc_mud_compile_opts *o)
{
	const char *resolver = cli_opt(args, opts, "resolver");

	memset(o, 0, sizeof(*o));
	o->dns = cli_flag(args, opts, "dns");
	if (resolver != NULL &&
	    tplc_mud_addr_parse(resolver, &o->resolver) != 0)
		return cli_die(EXIT_USAGE, "--resolver: '%s' is no address",
		               resolver);
	return 0;
}

static int mud_import(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "P", "the product (\"Manufacturer Model\")" },
		{ "by", "NAME", "who imports it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	const char *product, *by;
	int status, error;

	status = cli_parse(cli, "mud import FILE --product P --by NAME",
	                   "Import a MUD file (RFC 8520) as the product's "
	                   "profile, replacing the previous one.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	product = cli_opt(&args, opts, "product");
	by = cli_opt(&args, opts, "by");
	if (product == NULL || by == NULL)
		return cli_die(EXIT_USAGE, "--product and --by are required");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_mud_import(store, args.items[0], product, by,
	                              &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	cli_note(cli, "imported MUD profile for %s", product);
	return EXIT_OK;
}

static const char *peer_kind(enum tplc_mud_peer p)
{
	static const char *const names[] = {
		"any",
		"network",
		"dnsname",
		"manufacturer",
		"same-manufacturer",
		"model",
		"local-networks",
		"controller",
		"my-controller",
	};
	return (size_t)p < sizeof(names) / sizeof(names[0]) ? names[p] : "?";
}

static int mud_show(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct tplc_store *store;
	struct tplc_mud *mud = NULL;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "mud show PRODUCT",
	                   "The product's MUD profile and its access lists.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_mud_profile(store, args.items[0], &mud, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (mud == NULL)
		return cli_die(EXIT_NOINPUT, "%s has no MUD profile",
		               args.items[0]);
	printf("url: %s\nsysteminfo: %s\nsupported: %s\n", mud->url,
	       mud->systeminfo ? mud->systeminfo : "-",
	       mud->is_supported ? "yes" : "no");
	for (size_t i = 0; i < mud->acl_count; i++) {
		const struct tplc_mud_acl *a = &mud->acls[i];

		printf("acl %s (%s)\n", a->name,
		       a->dir == TPLC_MUD_FROM_DEVICE ? "from-device"
		       : a->dir == TPLC_MUD_TO_DEVICE ? "to-device"
		                                      : "unused");
		for (size_t k = 0; k < a->ace_count; k++)
			printf("  %s %s proto %d peer %s%s%s\n",
			       a->aces[k].accept ? "accept" : "drop",
			       a->aces[k].name, a->aces[k].proto,
			       peer_kind(a->aces[k].peer),
			       a->aces[k].peer_value ? " " : "",
			       a->aces[k].peer_value ? a->aces[k].peer_value
			                             : "");
	}
	tplc_mud_free(mud);
	return EXIT_OK;
}

static int mud_bind(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "product", "P", "only for this product" },
		{ "by", "NAME", "who sets it" },
		{ NULL, NULL, NULL },
	};
	struct tplc_store *store;
	struct cli_args args;
	const char *by;
	int status, error;

	status = cli_parse(
	        cli, "mud bind NAME VALUE [--product P] --by NAME",
	        "Say what a MUD name means here: my-controller, "
	        "local-networks,\nsame-manufacturer, manufacturer:DOMAIN, "
	        "model:URL, a controller URI or a\nDNS name, bound to an "
	        "address or prefix.",
	        opts, 2, 2, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	by = cli_opt(&args, opts, "by");
	if (by == NULL)
		return cli_die(EXIT_USAGE, "--by is required");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_mud_bind(store, args.items[0], args.items[1],
	                            cli_opt(&args, opts, "product"), by,
	                            &cli->err);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int print_binding(const char *product, const char *name,
                         const char *value, const char *by, const char *at,
                         void *data)
{
	(void)data;
	printf("%s\t%s\t%s\t%s\t%s\n", product ? product : "*", name, value, by,
	       at);
	return 0;
}

static int mud_bindings(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = { { NULL, NULL, NULL } };
	struct tplc_store *store;
	struct cli_args args;
	int status, error;

	status = cli_parse(cli, "mud bindings [PRODUCT]",
	                   "The bindings (for one product and every product).",
	                   opts, 0, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_mud_bindings(store,
	                                args.count ? args.items[0] : NULL,
	                                print_binding, NULL, &cli->err);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int load_rules(struct cli *cli, const char *tag,
                      const struct tplc_mud_compile_opts *o,
                      struct tplc_mud_rules **out)
{
	struct tplc_store *store;
	int status, error;

	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	error = tplc_store_mud_rules(store, tag, o, out, &cli->err);
	if (error < 0)
		return cli_fail(cli, error);
	if (*out == NULL)
		return cli_die(EXIT_NOINPUT,
		               "%s: its product has no MUD profile", tag);
	return 0;
}

static int mud_rules(struct cli *cli, int argc, char **argv)
{
	struct tplc_mud_compile_opts o;
	struct tplc_mud_rules *rules = NULL;
	struct cli_args args;
	int status;

	status = cli_parse(cli, "mud rules ASSET-TAG [--dns [--resolver IP]]",
	                   "The rules the device's MUD profile gives it here.",
	                   rule_opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	status = compile_opts(&args, rule_opts, &o);
	if (status == 0)
		status = load_rules(cli, args.items[0], &o, &rules);
	if (status != 0)
		return status;
	if (cli->json)
		tplc_mud_rules_json(stdout, rules);
	else
		tplc_mud_rules_print(stdout, rules);
	tplc_mud_rules_free(rules);
	return EXIT_OK;
}

static int mud_check(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "peer", "IP", "the other side's address" },
		{ "peer-name", "DNS", "the name it was resolved from" },
		{ "proto", "tcp|udp|N", "the protocol" },
		{ "dport", "PORT", "destination port (of the initiator)" },
		{ "sport", "PORT", "source port (of the initiator)" },
		{ "initiated", "from-device|to-device", "who opened the flow" },
		{ "dns", NULL, "allow DNS as MUD managers do" },
		{ NULL, NULL, NULL },
	};
	const char *proto = NULL, *init, *peer;
	struct tplc_mud_compile_opts o;
	struct tplc_mud_rules *rules = NULL;
	struct tplc_mud_verdict v;
	struct tplc_mud_flow f;
	struct cli_args args;
	long n, dport = 0, sport = 0;
	int status;

	status = cli_parse(cli,
	                   "mud check ASSET-TAG --peer IP --proto P --dport N "
	                   "--initiated from-device|to-device",
	                   "Whether the device's MUD rules allow a flow, and "
	                   "why not.",
	                   opts, 1, 1, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&f, 0, sizeof(f));
	memset(&o, 0, sizeof(o));
	o.dns = cli_flag(&args, opts, "dns");
	peer = cli_opt(&args, opts, "peer");
	proto = cli_opt(&args, opts, "proto");
	init = cli_opt(&args, opts, "initiated");
	f.peer_name = cli_opt(&args, opts, "peer-name");
	if (peer == NULL || tplc_mud_addr_parse(peer, &f.peer) != 0)
		return cli_die(EXIT_USAGE, "--peer: an address is required");
	if (proto == NULL)
		return cli_die(EXIT_USAGE, "--proto is required");
	f.proto = strcmp(proto, "tcp") == 0   ? 6
	          : strcmp(proto, "udp") == 0 ? 17
	          : strcmp(proto, "icmp") == 0
	                  ? 1
	                  : (tplx_parse_long(proto, 0, 255, &n) == 0 ? (int)n
	                                                             : -1);
	if (f.proto < 0)
		return cli_die(EXIT_USAGE, "--proto: tcp, udp or a number");
	if ((cli_opt(&args, opts, "dport") &&
	     tplx_parse_long(cli_opt(&args, opts, "dport"), 0, 65535, &dport) !=
	             0) ||
	    (cli_opt(&args, opts, "sport") &&
	     tplx_parse_long(cli_opt(&args, opts, "sport"), 0, 65535, &sport) !=
	             0))
		return cli_die(EXIT_USAGE, "a port is 0..65535");
	if (init == NULL || strcmp(init, "from-device") == 0)
		f.initiated = TPLC_MUD_FROM_DEVICE;
	else if (strcmp(init, "to-device") == 0)
		f.initiated = TPLC_MUD_TO_DEVICE;
	else
		return cli_die(EXIT_USAGE,
		               "--initiated: from-device or to-device");
	/* ports as the initiator sent them, seen from the device */
	f.peer_port =
	        (uint16_t)(f.initiated == TPLC_MUD_FROM_DEVICE ? dport : sport);
	f.device_port =
	        (uint16_t)(f.initiated == TPLC_MUD_FROM_DEVICE ? sport : dport);
	status = load_rules(cli, args.items[0], &o, &rules);
	if (status != 0)
		return status;
	tplc_mud_check(rules, &f, &v);
	printf("%s", v.result == TPLC_MUD_ALLOWED  ? "allowed"
	             : v.result == TPLC_MUD_DENIED ? "denied"
	                                           : "denied: ");
	if (v.result != TPLC_MUD_ALLOWED && v.result != TPLC_MUD_DENIED)
		printf("%s", tplc_mud_result_name(v.result));
	if (v.rule != NULL)
		printf(" (%s %s/%s)",
		       v.result == TPLC_MUD_ALLOWED ? "by" : "nearest",
		       v.rule->acl, v.rule->ace);
	printf("\n");
	tplc_mud_rules_free(rules);
	return v.result == TPLC_MUD_ALLOWED ? EXIT_OK : 1;
}

struct nft_list {
	char **tags;
	size_t count;
};

static int nft_add(const char *tag, void *data)
{
	struct nft_list *l = data;
	char **v;

	if (l->count >= TPLC_MUD_RULES_MAX)
		return TPLC_ELIMIT;
	v = tplx_reallocarray(l->tags, l->count + 1, sizeof(*v));
	if (v == NULL)
		return TPLC_ENOMEM;
	l->tags = v;
	if ((v[l->count] = tplx_strdup(tag)) == NULL)
		return TPLC_ENOMEM;
	l->count++;
	return 0;
}

static int mud_nft(struct cli *cli, int argc, char **argv)
{
	static const struct cli_option opts[] = {
		{ "device", "ASSET-TAG", "only this device" },
		{ "stage", "eos", "only devices past end of support" },
		{ "dns", NULL, "allow DNS as MUD managers do" },
		{ NULL, NULL, NULL },
	};
	struct tplc_mud_nft_device *devs = NULL;
	struct tplc_mud_compile_opts o;
	struct nft_list list = { NULL, 0 };
	struct tplc_store *store;
	struct cli_args args;
	const char *device;
	int status, error = 0;

	status = cli_parse(cli, "mud nft [--device ASSET-TAG | --stage eos]",
	                   "An nftables ruleset (table inet tplc_mud) that "
	                   "confines the chosen\ndevices to their MUD rules.",
	                   opts, 0, 0, argc, argv, &args);
	if (status != CLI_CONTINUE)
		return status;
	memset(&o, 0, sizeof(o));
	o.dns = cli_flag(&args, opts, "dns");
	device = cli_opt(&args, opts, "device");
	status = cli_store(cli, &store);
	if (status != 0)
		return status;
	if (device != NULL)
		error = nft_add(device, &list);
	else
		error = tplc_store_mud_devices(store,
		                               cli_opt(&args, opts, "stage"),
		                               nft_add, &list, &cli->err);
	if (error == TPLC_ENOMEM || error == TPLC_ELIMIT)
		error = tplc_error_set(&cli->err, error, "too many devices");
	if (error == 0 && list.count > 0) {
		devs = tplx_calloc(list.count, sizeof(*devs));
		if (devs == NULL)
			error = tplc_error_set(&cli->err, TPLC_ENOMEM,
			                       "out of memory");
	}
	for (size_t i = 0; error == 0 && i < list.count; i++) {
		struct tplc_mud_rules *r = NULL;

		devs[i].name = list.tags[i];
		error = tplc_store_mud_rules(store, list.tags[i], &o, &r,
		                             &cli->err);
		if (error == 0 && r == NULL)
			error = tplc_error_set(&cli->err, TPLC_ENOTFOUND,
			                       "%s: its product has no MUD "
			                       "profile",
			                       list.tags[i]);
		devs[i].rules = r;
	}
	if (error == 0)
		error = tplc_mud_nft(stdout, devs, list.count, &cli->err);
	status = error < 0 ? cli_fail(cli, error) : EXIT_OK;
	for (size_t i = 0; i < list.count; i++) {
		if (devs != NULL)
			tplc_mud_rules_free(
			        (struct tplc_mud_rules *)devs[i].rules);
		tplx_free(list.tags[i]);
	}
	tplx_free(devs);
	tplx_free(list.tags);
	return status;
}

int cmd_mud(struct cli *cli, int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", mud_import, "import a product's MUD file" },
		{ "show", mud_show, "a product's MUD profile" },
		{ "bind", mud_bind, "what a MUD name means at this site" },
		{ "bindings", mud_bindings, "the bindings" },
		{ "rules", mud_rules, "a device's compiled rules" },
		{ "check", mud_check, "check a flow against a device's rules" },
		{ "nft", mud_nft, "an nftables ruleset for devices" },
		{ NULL, NULL, NULL },
	};

	return cli_dispatch(cli, "mud", cmds, argc, argv);
}
